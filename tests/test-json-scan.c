/* test-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "aip-client-error.h"
#include "aip-test-json.h"
#include "aip-json-reduce.h"
#include "aip-json-scan.h"
#include "aip-response-private.h"

/* Group sizes the parallel parse is forced to, 0 being its own choice */
static const guint group_sizes[] = { 0, 1, 2, 3, 5 };

static char *
assistant_text (AipAssistant *assistant)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  aip_assistant_to_json (assistant, builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  /* What to_json leaves out is derived, but compare it anyway */
  return g_strconcat (json, "\n", aip_assistant_get_search_text (assistant),
                      "\n", aip_assistant_get_name_key (assistant), NULL);
}

/* The parallel parse gives what the whole-document parse gives: the same
 * assistants in the same order, or the same error. */
static gboolean
compare_sizes (const char *text,
               gsize       length,
               guint       n_sizes)
{
  g_autoptr(GBytes) body = g_bytes_new (text, length);
  g_autoptr(GError) reference_error = NULL;
  g_autoptr(AipResponse) reference = aip_response_new_from_bytes_sequential (body, &reference_error);

  for (guint g = 0; g < n_sizes; g++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AipResponse) response = NULL;
      GPtrArray *expected, *got;

      aip_response_set_group_size (group_sizes[g]);
      response = aip_response_new_from_bytes (body, &error);
      aip_response_set_group_size (0);

      if (reference == NULL)
        {
          g_assert_null (response);
          g_assert_error (error, reference_error->domain, reference_error->code);
          g_assert_cmpstr (error->message, ==, reference_error->message);
          continue;
        }

      g_assert_no_error (error);
      g_assert_nonnull (response);
      g_assert_cmpuint (aip_response_get_n_skipped (response), ==, aip_response_get_n_skipped (reference));

      expected = aip_response_get_assistants (reference);
      got = aip_response_get_assistants (response);
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint i = 0; i < got->len; i++)
        {
          g_autofree char *a = assistant_text (expected->pdata[i]);
          g_autofree char *b = assistant_text (got->pdata[i]);

          g_assert_cmpstr (b, ==, a);
        }
    }

  return reference != NULL;
}

static gboolean
compare_len (const char *text,
             gsize       length)
{
  return compare_sizes (text, length, G_N_ELEMENTS (group_sizes));
}

static gboolean
compare (const char *text)
{
  return compare_len (text, strlen (text));
}

static void
test_fixtures (void)
{
  static const char * const names[] = { "outbound-assistants.json", "outbound-assistants-wrapped.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) body = aip_test_fixture (names[i]);
      gsize length;
      const char *data = g_bytes_get_data (body, &length);

      g_assert_true (compare_len (data, length));
    }
}

/* Documents each path must judge alike: accepted (TRUE) or rejected */
static const struct
{
  const char *text;
  gboolean    accepted;
} documents[] = {
  /* Shapes */
  { "[]", TRUE },
  { "[{\"id\": 1}]", TRUE },
  { "{\"data\": []}", TRUE },
  { "{\"data\": [{\"id\": 1}, {\"id\": 2}]}", TRUE },
  { "{\"total\": 2, \"meta\": {\"data\": [{\"id\": 9}]}, \"data\": [{\"id\": 1}, {\"id\": 2}]}", TRUE },
  { "{\"data\": [{\"id\": 1}], \"data\": [{\"id\": 2}]}", TRUE },
  { "{\"data\": [{\"id\": 1}], \"data\": 7}", FALSE },
  { "{\"data\": 7, \"data\": [{\"id\": 3}], \"after\": [1, [2, {\"data\": []}]]}", TRUE },
  { "{\"data\": [{\"id\": 1}], \"junk\": [1,]}", FALSE },
  { "{\"junk\": \"\\ud800\", \"data\": [{\"id\": 1}]}", FALSE },
  { "{\"d\\u0061ta\": [{\"id\": 1}]}", TRUE },
  { "{\"data\\u0000x\": [{\"id\": 1}]}", TRUE },
  { "{\"data\": [{\"id\": 1}], \"d\\u0061ta\": []}", TRUE },
  { "\"text\"", FALSE },
  { "12", FALSE },
  { "1.", FALSE },
  { "-", FALSE },
  { "null", FALSE },
  { "{}", FALSE },
  { "", FALSE },
  { " \n ", FALSE },
  /* Items that are not assistants */
  { "[1, \"two\", null, true, [3], {\"id\": \"x\"}, {\"id\": 4}, {\"no\": \"id\"}]", TRUE },
  /* Brackets, braces, commas, quotes and backslashes in strings */
  { "[{\"id\": 1, \"name\": \"a]b}c,d[e{f\"}, {\"id\": 2, \"name\": \"},{\\\"id\\\": 3}\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"[[[[\", \"x\": \"{{{{\"}, {\"id\": 2, \"name\": \"]]]]}}}}\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"a\\\\\"}, {\"id\": 2, \"name\": \"\\\\\\\"\\\\\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\\"],[{\\\"id\\\":3}\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\/\\b\\f\\n\\r\\t\"}]", TRUE },
  /* Unicode escapes */
  { "[{\"id\": 1, \"name\": \"\\u005d\\u007d\\u002c\\u0022\"}, {\"id\": 2}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\ud83d\\ude00 \\uD834\\uDD1E\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\u00e9\\u0301\\u0000end\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\ud83d\"}, {\"id\": 2}]", FALSE },
  { "[{\"id\": 1, \"name\": \"\\ud83dx\"}, {\"id\": 2}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\ude00\"}, {\"id\": 2, \"name\": \"y\"}]", FALSE },
  { "[{\"id\": 1, \"name\": \"\\ud83d\\u0041\"}]", FALSE },
  { "[{\"id\": 1, \"name\": \"\\u12\"]\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\uzzzz\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"\\q\\101\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"raw\ttab\nnewline\"}]", TRUE },
  /* Text members the worker takes out of the items, and when it must not */
  { "[{\"id\": 1, \"name\": \"first name of the two\", \"name\": \"second\"}, {\"id\": 2, \"name\": \"kept\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"a name long enough to be taken\", \"name\": 5}, {\"id\": 2}]", TRUE },
  { "[{\"id\": 1, \"status\": null, \"status\": \"active\"}, {\"id\": 2, \"status\": \"inactive\"}]", TRUE },
  { "[{\"id\": 1, \"n\\u0061me\": \"escaped\", \"name\": \"plain and long enough\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"plain and long enough\", \"n\\u0061me\": \"escaped\"}, {\"id\": 2, \"name\": \"x\"}]", TRUE },
  { "[{\"id\": 1, \"mode\\u0000\": \"pipeline\", \"mode\": \"multimodal\"}]", TRUE },
  { "[{\"id\": 1, \"name\": null, \"type\": 3, \"mode\": [\"a\"], \"status\": {\"s\": 1}, \"timezone\": true}]", TRUE },
  { "[{\"name\": \"only taken members\", \"type\": \"outbound\"}, {\"id\": 2, \"name\": \"after\"}]", TRUE },
  { "[[{\"id\": 1, \"name\": \"in an array item\"}], {\"id\": 2, \"variables\": {\"name\": \"a variable called name\", \"status\": \"x\"}}]", TRUE },
  { "[{\"id\": \"000000000000000000042\", \"created_at\": \"2025-07-15T14:32:15.000000Z\", \"updated_at\": \"2025-08-02 09:18:42\"}]", TRUE },
  { "[{\"id\": 1, \"timezone\": \"\\u007fAmerica/New_York\", \"name\": \"\x7f" "0\", \"type\": \"\x7f\"}]", TRUE },
  { "[{\"id\": 1, \"initial_message\": \"Hi\\u0000 the rest is gone\", \"system_prompt\": \"line\\nline\\t\\\"quoted\\\" \\\\ \\/ \\ud83d\\ude00\"}]", TRUE },
  { "[{\"id\": 1, \"webhook_url\": \"https://hooks.example.com/a\", \"is_webhook_active\": true, \"webhook_url\": null}]", TRUE },
  { "[ { \"name\" : \"spaces around a taken member\" , \"id\" : 1 , \"type\" :\n\"outbound\" } ]", TRUE },
  { "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\", \"name\": \"c\"}, {\"id\": 3, \"name\": \"d\"}, {\"id\": 4, \"n\\u0061me\": \"e\"}, {\"id\": 5, \"name\": \"f\"}]", TRUE },
  { "[{\"id\": 1, \"name\": \"a long name before a broken item\"}, {\"id\": 2, \"name\": \"b\", \"name\": x}]", FALSE },
  /* Numbers and literals the worker takes out of the items, and those it
   * leaves to json-glib */
  { "[{\"id\": -1}, {\"id\": -0}, {\"id\": 0}, {\"id\": 999999999999999999}, {\"id\": 9223372036854775807}]", TRUE },
  { "[{\"id\": 9223372036854775808}, {\"id\": 18446744073709551617}, {\"id\": -9223372036854775809}]", TRUE },
  { "[{\"id\": 1.0}, {\"id\": 1e2}, {\"id\": 2E0}, {\"id\": true}, {\"id\": null}, {\"id\": \"0042\"}, {\"id\": \"-3\"}]", TRUE },
  { "[{\"id\": 1, \"user_id\": -5, \"voice_id\": 1.5, \"language_id\": \"7\", \"is_webhook_active\": true}]", TRUE },
  { "[{\"id\": 2, \"is_webhook_active\": 1}, {\"id\": 3, \"is_webhook_active\": \"true\"}, {\"id\": 4, \"is_webhook_active\": null}]", TRUE },
  { "[{\"id\": 1, \"name\": 5, \"status\": false, \"timezone\": null, \"created_at\": 20250101, \"mode\": true}]", TRUE },
  { "[{\"id\": 1, \"id\": 2}, {\"id\": 3, \"voice_id\": 3, \"voice_id\": null}, {\"id\": null, \"id\": 4}]", TRUE },
  { "[{\"id\":1,\"is_webhook_active\":false,\"user_id\":0}, {\"id\" : 7 , \"user_id\" :\n-12 }]", TRUE },
  { "[{\"id\": 5, \"variables\": {\"id\": 6, \"n\": 1e400, \"t\": true}}]", TRUE },
  /* Whitespace everywhere */
  { " \r\n\t[ \n {\n\"id\"\t:\r1 , \"name\" :\"x\" }\n,\t{ \"id\" : 2 }\r\n]\n\n ", TRUE },
  { "{ \"data\" :\n[\n{\"id\":1}\n]\n}\n", TRUE },
  /* What json-glib 1.6 accepts beyond strict JSON */
  { "[{\"id\": 1}, /* ],[ */ {\"id\": 2}]", TRUE },
  { "[{\"id\": 1}, /x/ {\"id\": 2}]", TRUE },
  { "[{'id': 1, 'name': '],[{\"'}, {\"id\": 2}]", TRUE },
  { "[{\"id\": 0x10}, {\"id\": 010}, {\"id\": - 3}]", TRUE },
  { "var assistants = [{\"id\": 1}];", TRUE },
  { "[{\"id\": 1}] [{\"id\": 2}]", TRUE },
  { "\xef\xbb\xbf[{\"id\": 1}]", TRUE },
  { "\xef\xbb\xbf{\"data\": [{\"id\": 1}]}", TRUE },
  { "\xef\xbb\xbf", FALSE },
  { "\xef\xbb\xbf\"text\"", FALSE },
  { " \xef\xbb\xbf[{\"id\": 1}]", FALSE },
  { "[\xef\xbb\xbf{\"id\": 1}]", FALSE },
  { "[{\"id\": 1},]", FALSE },
  { "[{\"id\": 1}] x", FALSE },
  { "[{\"id\": 1}] /x", FALSE },
  { "[{\"id\": 1}]]", FALSE },
  { "[{\"id\" 1}]", FALSE },
  { "[{\"id\": 1,}]", FALSE },
  { "[{\"id\": .5}, {\"id\": 1.}, {\"id\": 1e5}, {\"id\": -0}]", TRUE },
  { "[{\"id\": 01}]", TRUE },
  { "[{\"id\": 1, \"x\": NaN}]", FALSE },
  { "[{\"id\": 1, \"x\": tru}]", FALSE },
  /* Numbers json-glib reads its own way */
  { "[{\"id\": 123456789012345678901234567890}, {\"id\": 1e400}, {\"id\": 5, \"v\": -0.0}]", TRUE },
  /* Not text */
  { "[{\"id\": 1, \"name\": \"\xff\"}]", FALSE },
  { "[{\"id\": 1, \"name\": \"\xed\xa0\x80\"}]", FALSE },
};

static void
test_documents (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *escaped = g_strescape (documents[i].text, NULL);

      g_test_message ("%s", escaped);
      g_assert_cmpint (compare (documents[i].text), ==, documents[i].accepted);
    }
}

static void
test_depth (void)
{
  for (guint depth = 60; depth <= 70; depth++)
    {
      g_autofree char *bare = aip_test_nested (depth, "", "");
      g_autofree char *item = aip_test_nested (depth - 2, "[{\"id\": 1, \"v\": ", "}]");
      g_autofree char *quirky = aip_test_nested (depth - 2, "[{'id': 1, 'v': ", "}]");
      g_autofree char *other = aip_test_nested (depth - 1, "{\"data\": [], \"x\": ", "}");

      g_assert_cmpint (compare (bare), ==, depth <= AIP_JSON_MAX_DEPTH);
      g_assert_cmpint (compare (item), ==, depth <= AIP_JSON_MAX_DEPTH);
      g_assert_cmpint (compare (quirky), ==, depth <= AIP_JSON_MAX_DEPTH);
      g_assert_cmpint (compare (other), ==, depth <= AIP_JSON_MAX_DEPTH);
    }
}

/* Seven items, so that every forced group size puts boundaries inside */
static void
test_group_boundaries (void)
{
  g_autoptr(GString) text = g_string_new ("[");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "%s{\"id\": %u, \"name\": \"item ],[ %u\", \"variables\": {\"k\": [%u, {\"n\": null}]}}",
                            i > 0 ? (i % 3 ? "," : " ,\n ") : "", i, i, i);
  g_string_append (text, "]");

  for (gsize n = 0; n <= 200; n += 7)
    {
      g_autoptr(GString) part = g_string_new ("[");
      const char *cut = text->str + 1;

      for (gsize i = 0; i < n; i++)
        {
          const char *next = strstr (cut + 1, "{\"id\"");

          if (next == NULL)
            next = text->str + text->len - 1;
          g_string_append_len (part, cut, next - cut);
          cut = next;
        }
      while (part->len > 1 && strchr (" ,\n", part->str[part->len - 1]) != NULL)
        g_string_truncate (part, part->len - 1);
      g_string_append_c (part, ']');

      g_assert_true (compare (part->str));
    }

  g_assert_true (compare (text->str));

  /* A later "data" replaces items that threads may already be parsing */
  {
    g_autofree char *twice = g_strdup_printf ("{\"data\": %s, \"data\": [{\"id\": 7}]}", text->str);
    g_autofree char *then_empty = g_strdup_printf ("{\"data\": %s, \"x\": 1, \"data\": []}", text->str);
    g_autofree char *then_not_list = g_strdup_printf ("{\"data\": %s, \"data\": 5}", text->str);
    g_autofree char *then_again = g_strdup_printf ("{\"data\": [1], \"data\": %s, \"data\": %s}", text->str, text->str);

    g_assert_true (compare (twice));
    g_assert_true (compare (then_empty));
    g_assert_false (compare (then_not_list));
    g_assert_true (compare (then_again));
  }
}

#define TINY_ITEMS (5 * 1024 * 1024)

/* Past 8 MiB only strict JSON is read: json-glib's tree would take up to
 * fifty times that */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autofree char *commented = NULL;
  g_autofree char *tiny_items = NULL;
  g_autofree char *tiny_items_quirky = NULL;

  while (text->len < 9 * 1024 * 1024)
    g_string_append_printf (text, "{\"id\": %u, \"name\": \"%0200u\"},", (guint) text->len, 0);
  g_string_append (text, "{\"id\": 0}]");
  commented = g_strconcat ("/**/", text->str, NULL);

  /* Large: with the automatic group size only */
  g_assert_true (compare_sizes (text->str, text->len, 1));
  g_assert_false (compare_sizes (commented, strlen (commented), 1));

  /* Millions of tiny items: the spans do not pile up */
  tiny_items = g_malloc (2 * TINY_ITEMS + 2);
  tiny_items[0] = '[';
  for (gsize i = 0; i < TINY_ITEMS; i++)
    {
      tiny_items[2 * i + 1] = '1';
      tiny_items[2 * i + 2] = ',';
    }
  tiny_items[2 * TINY_ITEMS] = ']';
  tiny_items[2 * TINY_ITEMS + 1] = '\0';
  /* Made not strict at the very end, after all the work */
  tiny_items_quirky = g_strdup (tiny_items);
  tiny_items_quirky[2 * TINY_ITEMS - 1] = '\'';
  tiny_items_quirky[2 * TINY_ITEMS] = '\'';

  {
    g_autoptr(GBytes) body = g_bytes_new_static (tiny_items, strlen (tiny_items));
    g_autoptr(GBytes) quirky = g_bytes_new_static (tiny_items_quirky, strlen (tiny_items_quirky));
    g_autoptr(GError) error = NULL;
    g_autoptr(AipResponse) response = aip_response_new_from_bytes (body, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 0);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, TINY_ITEMS);

    g_clear_object (&response);
    response = aip_response_new_from_bytes (quirky, &error);
    g_assert_null (response);
    g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
  }
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) body = aip_test_fixture ("outbound-assistants-wrapped.json");
  static const char small[] =
    "{\"meta\": [1, {\"a\": \"b\"}], \"data\": [{\"id\": 1, \"name\": \"x\\\"]\\u00e9\\ud83d\\ude00\","
    " \"variables\": {\"k\": [true, false, null, -1.5e3]}}, {\"id\": \"2\"}, 3]}  ";
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  for (gsize cut = 0; cut <= length; cut++)
    compare_len (data, cut);

  for (gsize cut = 0; cut < sizeof small; cut++)
    compare_len (small, cut);
}

/* Tricky bytes for strings, comments and structure */
static const char * const string_pieces[] = {
  "a", "Z", " ", "[", "]", "{", "}", ",", ":", "'", "/", "*", "é", "Я", "😀",
  "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u005d", "\\u0022",
  "\\ud83d\\ude00", "\\u0000",
};

static const char * const quirky_string_pieces[] = {
  "\\ud83d", "\\ude00", "\\ud83d\\u0041", "\\u12", "\\u", "\\q", "\\101", "\t", "\x01",
};

static void
random_space (GString *out)
{
  static const char spaces[] = " \t\n\r";
  guint n = g_test_rand_int_range (0, 3) == 0 ? g_test_rand_int_range (1, 4) : 0;

  for (guint i = 0; i < n; i++)
    g_string_append_c (out, spaces[g_test_rand_int_range (0, 4)]);
}

static void
random_string (GString  *out,
               gboolean  quirky)
{
  guint n = g_test_rand_int_range (0, 8);

  g_string_append_c (out, '"');
  for (guint i = 0; i < n; i++)
    {
      if (quirky && g_test_rand_int_range (0, 10) == 0)
        g_string_append (out, quirky_string_pieces[g_test_rand_int_range (0, G_N_ELEMENTS (quirky_string_pieces))]);
      else
        g_string_append (out, string_pieces[g_test_rand_int_range (0, G_N_ELEMENTS (string_pieces))]);
    }
  g_string_append_c (out, '"');
}

static void
random_quirk (GString *out)
{
  switch (g_test_rand_int_range (0, 3))
    {
    case 0:
      g_string_append (out, "/* ]}[{\"' */");
      break;
    case 1:
      g_string_append (out, "/x[/");
      break;
    default:
      g_string_append (out, " ");
      break;
    }
}

static void random_value (GString *out, guint depth, gboolean quirky);

static void
random_member (GString    *out,
               const char *name,
               guint       depth,
               gboolean    quirky)
{
  random_space (out);
  if (name != NULL)
    g_string_append_printf (out, "\"%s\"", name);
  else if (quirky && g_test_rand_int_range (0, 8) == 0)
    g_string_append (out, "'k]'");
  else
    random_string (out, quirky);
  random_space (out);
  g_string_append_c (out, ':');
  random_value (out, depth, quirky);
}

static void
random_value (GString  *out,
              guint     depth,
              gboolean  quirky)
{
  static const char * const scalars[] = {
    "0", "-1", "12", "3.25", "-0.5e-3", "1E+2", "true", "false", "null", "9223372036854775807",
  };
  guint kind = g_test_rand_int_range (0, depth < 5 ? 5 : 3);
  guint n;

  random_space (out);
  if (quirky && g_test_rand_int_range (0, 12) == 0)
    random_quirk (out);

  switch (kind)
    {
    case 0:
      g_string_append (out, scalars[g_test_rand_int_range (0, G_N_ELEMENTS (scalars))]);
      break;

    case 1:
    case 2:
      random_string (out, quirky);
      break;

    case 3:
      n = g_test_rand_int_range (0, 4);
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          random_value (out, depth + 1, quirky);
        }
      random_space (out);
      g_string_append_c (out, ']');
      break;

    default:
      n = g_test_rand_int_range (0, 4);
      g_string_append_c (out, '{');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          random_member (out, NULL, depth + 1, quirky);
        }
      random_space (out);
      g_string_append_c (out, '}');
      break;
    }

  random_space (out);
}

static char *
random_document (gboolean quirky)
{
  static const char * const fields[] = { "id", "name", "status", "variables", "system_prompt", "created_at" };
  GString *out = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 12);
  gboolean wrapped = g_test_rand_bit ();

  if (wrapped)
    g_string_append (out, "{\"before\": [1, {\"x\": \"]\"}], \"data\": ");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      random_space (out);
      if (g_test_rand_int_range (0, 8) == 0)
        {
          random_value (out, 1, quirky);
          continue;
        }
      g_string_append_c (out, '{');
      g_string_append_printf (out, "\"id\": %u", g_test_rand_int_range (0, 100));
      for (guint f = 1; f < G_N_ELEMENTS (fields); f++)
        if (g_test_rand_bit ())
          {
            g_string_append_c (out, ',');
            random_member (out, fields[f], 2, quirky);
          }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  if (wrapped)
    g_string_append (out, ", \"after\": {\"data\": 1}}");

  return g_string_free (out, FALSE);
}

static void
test_random (void)
{
  guint n = g_test_slow () ? 5000 : 500;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *strict = random_document (FALSE);
      g_autofree char *quirky = random_document (TRUE);

      g_assert_true (compare (strict));
      compare (quirky);
    }
}

/* Small random edits of a valid document: whatever the result, both paths
 * agree on it. */
static void
test_mutations (void)
{
  static const char base[] =
    "{\"data\": [{\"id\": 1, \"name\": \"a,b]\", \"variables\": {\"k\": \"v\\\"\", \"n\": [1, 2.5]}},"
    " {\"id\": \"2\", \"x\": \"\\u00e9\\ud83d\\ude00\"}, {\"id\": 3}], \"m\": null}";
  static const char bytes[] = "[]{},:\"'\\/*uxd0189e.-+ \n\ttfn";
  guint n = g_test_slow () ? 20000 : 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new (base);
      guint edits = g_test_rand_int_range (1, 4);

      for (guint e = 0; e < edits; e++)
        {
          gsize at = g_test_rand_int_range (0, text->len);
          char c = bytes[g_test_rand_int_range (0, sizeof bytes - 1)];

          switch (g_test_rand_int_range (0, 3))
            {
            case 0:
              g_string_insert_c (text, at, c);
              break;
            case 1:
              g_string_erase (text, at, 1);
              break;
            default:
              text->str[at] = c;
              break;
            }
        }

      compare_len (text->str, text->len);
    }
}

typedef struct
{
  guint depth;
  guint max_depth;
} Nesting;

static void
container_start_cb (JsonParser *parser,
                    Nesting    *nesting)
{
  nesting->depth++;
  nesting->max_depth = MAX (nesting->max_depth, nesting->depth);
}

static void
container_end_cb (JsonParser *parser,
                  gpointer    container,
                  Nesting    *nesting)
{
  nesting->depth--;
}

/* The nesting the guard measures is the nesting json-glib's parser goes
 * through (not that of the tree it returns, where a repeated member name
 * can hide a deeper value), whatever syntax json-glib accepts around it. */
static void
test_guard_matches_json_glib (void)
{
  guint n = g_test_slow () ? 20000 : 2000;
  guint accepted = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_document (TRUE);
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize length = strlen (text);
      Nesting nesting = { 0, 0 };

      g_signal_connect (parser, "object-start", G_CALLBACK (container_start_cb), &nesting);
      g_signal_connect (parser, "array-start", G_CALLBACK (container_start_cb), &nesting);
      g_signal_connect (parser, "object-end", G_CALLBACK (container_end_cb), &nesting);
      g_signal_connect (parser, "array-end", G_CALLBACK (container_end_cb), &nesting);

      if (!g_utf8_validate (text, length, NULL))
        continue;

      /* Where json-glib stops early, it never went deeper than measured */
      if (!json_parser_load_from_data (parser, text, length, NULL))
        {
          g_assert_cmpuint (aip_json_max_depth (text, length, G_MAXUINT, NULL), >=, nesting.max_depth);
          continue;
        }

      accepted++;
      g_assert_cmpuint (aip_json_max_depth (text, length, G_MAXUINT, NULL), ==, nesting.max_depth);
    }

  g_assert_cmpuint (accepted, >, n / 10);
}

static void
assert_spans (const char        *text,
              GArray            *spans,
              const char *const *expected)
{
  guint n = expected != NULL ? g_strv_length ((char **) expected) : 0;

  if (n == 0)
    {
      g_assert_true (spans == NULL || spans->len == 0);
      return;
    }

  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const AipJsonSpan *span = &g_array_index (spans, AipJsonSpan, i);
      g_autofree char *got = g_strndup (text + span->start, span->end - span->start);

      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_scan (void)
{
  static const struct
  {
    const char        *text;
    AipJsonScanStatus  status;
    AipJsonRoot        root;
    const char        *items[4];
    const char        *others[4];
  } cases[] = {
    { "", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_NONE, { NULL }, { NULL } },
    { "[]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { " [ 1 , \"a]\" ,{\"b\":[2]} ] ", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "1", "\"a]\"", "{\"b\":[2]}" }, { NULL } },
    { "{\"a\": {\"data\": [1]}, \"data\": [[], {}], \"z\": 3}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY,
      { "[]", "{}" }, { "{\"data\": [1]}", "3" } },
    { "{\"data\": [1], \"data\": [2]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY, { "2" }, { "[1]" } },
    { "{\"data\": [1], \"data\": \"x\"}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL }, { "[1]", "\"x\"" } },
    { "{\"datum\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL }, { "[1]" } },
    { "-12.5e+3", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_SCALAR, { NULL }, { "-12.5e+3" } },
    { "\xef\xbb\xbf [1]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "1" }, { NULL } },
    { " \xef\xbb\xbf[1]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_SCALAR, { NULL }, { NULL } },
    { "[1, 2", AIP_JSON_SCAN_TRUNCATED, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "[\"ab", AIP_JSON_SCAN_TRUNCATED, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "[\"\\ud83d\\ude", AIP_JSON_SCAN_TRUNCATED, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "12.", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_SCALAR, { NULL }, { NULL } },
    { "[1,]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "[1] [2]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "[01]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "[\"\\ud83d\"]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "[\"a\tb\"]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL }, { NULL } },
    { "{\"d\\u0061ta\": []}", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_OBJECT, { NULL }, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AipJsonScan scan;

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("%s", escaped);
      aip_json_scan (cases[i].text, strlen (cases[i].text), &scan);
      g_assert_cmpint (scan.status, ==, cases[i].status);
      g_assert_cmpint (scan.root, ==, cases[i].root);
      assert_spans (cases[i].text, scan.items, cases[i].items);
      assert_spans (cases[i].text, scan.others, cases[i].others);
      aip_json_scan_clear (&scan);
    }

  /* 64 levels pass, 65 do not */
  {
    g_autofree char *ok = aip_test_nested (64, "", "");
    g_autofree char *deep = aip_test_nested (65, "", "");
    AipJsonScan scan;

    aip_json_scan (ok, strlen (ok), &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_OK);
    g_assert_cmpuint (scan.items->len, ==, 1);
    aip_json_scan_clear (&scan);

    aip_json_scan (deep, strlen (deep), &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_TOO_DEEP);
    g_assert_cmpuint (scan.offset, ==, 64);
    aip_json_scan_clear (&scan);

    g_assert_cmpuint (aip_json_max_depth (ok, strlen (ok), 64, NULL), ==, 64);
    g_assert_cmpuint (aip_json_max_depth (deep, strlen (deep), 64, NULL), ==, 65);
  }
}

/* The text json-glib reads instead: no spaces between tokens, long string
 * values (and any that would read as starting with the mark) replaced by
 * references to their decoded text */
static void
test_reduced (void)
{
  static const struct
  {
    const char *text;
    const char *reduced;
    const char *values[3];
    gsize       lengths[3];
  } cases[] = {
    { "", "", { NULL } },
    { " [ 1 , 2 ]\n", "[1,2]", { NULL } },
    { "{ \"a b\" : \" c  d \" ,\n\t\"e\":[ ] }", "{\"a b\":\" c  d \",\"e\":[]}", { NULL } },
    { "[\"0123456789abcde\", \"0123456789abcdef\"]", "[\"0123456789abcde\",\"\x7f" "0\"]",
      { "0123456789abcdef" }, { 16 } },
    { "{ \"a member name longer than sixteen bytes\" : \"x\" }",
      "{\"a member name longer than sixteen bytes\":\"x\"}", { NULL } },
    { "{\"one more long member name here\"\n:\n\"and a long value for it\"}",
      "{\"one more long member name here\":\"\x7f" "0\"}", { "and a long value for it" }, { 23 } },
    { "[\"escaped \\\" quote , and \\\\ \\/ \\b\\f\\n\\r\\t end\"]", "[\"\x7f" "0\"]",
      { "escaped \" quote , and \\ / \b\f\n\r\t end" }, { 35 } },
    { "[\"\\u00e9\\u042F \\ud83d\\ude00 and some more\"]", "[\"\x7f" "0\"]",
      { "é\xd0\xaf 😀 and some more" }, { 23 } },
    { "[\"before\\u0000after the end of it\"]", "[\"\x7f" "0\"]", { "before" }, { 6 } },
    { "[\"\x7f\", \"\\u007fx\", \"\\u007F\", \"\\u007e\"]",
      "[\"\x7f" "0\",\"\x7f" "1\",\"\x7f" "2\",\"\\u007e\"]",
      { "\x7f", "\x7fx", "\x7f" }, { 1, 2, 1 } },
    { "{\"v\": {\"k\": [\"a long string in an array\", {\"n\": \"another long string\"}]}}",
      "{\"v\":{\"k\":[\"\x7f" "0\",{\"n\":\"\x7f" "1\"}]}}",
      { "a long string in an array", "another long string" }, { 25, 19 } },
    { "[ \"é Я 😀 in text \"  ,  true , null ]", "[\"\x7f" "0\",true,null]",
      { "é Я 😀 in text " }, { 19 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("<");
      AipJsonStrings taken;
      guint n_values = 0;

      aip_json_strings_init (&taken, NULL);
      aip_json_append_reduced (out, cases[i].text, cases[i].text + strlen (cases[i].text), &taken);
      g_assert_cmpint (out->str[0], ==, '<');
      g_assert_cmpstr (out->str + 1, ==, cases[i].reduced);

      while (n_values < G_N_ELEMENTS (cases[i].values) && cases[i].values[n_values] != NULL)
        n_values++;
      g_assert_cmpuint (taken.values->len, ==, n_values);

      for (guint v = 0; v < n_values; v++)
        {
          g_autofree char *reference = g_strdup_printf ("\x7f%u", v);
          gsize length = 0;
          const char *value = aip_json_strings_resolve (&taken, reference, &length);

          g_assert_cmpstr (value, ==, cases[i].values[v]);
          g_assert_cmpuint (length, ==, cases[i].lengths[v]);
        }

      /* Anything else is itself */
      g_assert_cmpstr (aip_json_strings_resolve (&taken, "plain", NULL), ==, "plain");
      g_assert_null (aip_json_strings_resolve (&taken, NULL, NULL));
      g_assert_cmpstr (aip_json_strings_resolve (NULL, "\x7f" "0", NULL), ==, "\x7f" "0");

      /* A reset keeps nothing */
      aip_json_strings_reset (&taken);
      g_assert_cmpuint (taken.values->len, ==, 0);
      aip_json_strings_clear (&taken);
    }
}

/* The text of a member taken out of an item, NULL if it was not a string */
static const char *
taken_text (const AipJsonStrings *taken,
            guint                 item,
            guint                 member,
            gsize                *length)
{
  const char *text = NULL;

  if (aip_json_strings_get_member_value (taken, item, member, &text, length, NULL) != AIP_JSON_VALUE_STRING)
    return NULL;

  return text;
}

/* Members with the given names leave objects that are items, when their
 * values are strings, literals or integers json-glib reads exactly, and no
 * name of theirs is there twice or escaped */
static void
test_reduced_members (void)
{
  static const char * const members[] = { "name", "type", NULL };
  static const char text[] =
    "{\"id\": 1, \"name\": \"Ann\", \"type\": \"outbound\", \"x\": \"y\"} ,\n"
    "[{\"name\": \"in an array\"}], {\"name\": \"b\", \"name\": \"c\"}, 5,"
    "{\"type\": 1, \"name\": \"d\", \"v\": {\"name\": \"inner\"}}, {\"n\\u0061me\": \"e\", \"type\": \"t\"},"
    "{\"name\": \"\\u00e9\\n\"},"
    "{\"name\": null, \"type\": -123456789012345678},"
    "{\"name\": true, \"type\": 1234567890123456789},"
    "{\"name\": false, \"type\": 1.5, \"x\": -0},"
    "{\"name\": [1], \"type\": 1e3}";
  g_autoptr(GString) out = g_string_new (NULL);
  AipJsonStrings taken;
  gint64 integer = 0;
  gsize length = 0;

  aip_json_strings_init (&taken, members);
  aip_json_append_reduced (out, text, text + strlen (text), &taken);

  g_assert_cmpstr (out->str, ==,
                   "{\"id\":1,\"x\":\"y\"},"
                   "[{\"name\":\"in an array\"}],{\"name\":\"b\",\"name\":\"c\"},5,"
                   "{\"v\":{\"name\":\"inner\"}},{\"n\\u0061me\":\"e\",\"type\":\"t\"},"
                   "{},{},{\"type\":1234567890123456789},{\"type\":1.5,\"x\":-0},"
                   "{\"name\":[1],\"type\":1e3}");

  g_assert_cmpstr (taken_text (&taken, 0, 0, &length), ==, "Ann");
  g_assert_cmpuint (length, ==, 3);
  g_assert_cmpstr (taken_text (&taken, 0, 1, NULL), ==, "outbound");
  g_assert_null (taken_text (&taken, 1, 0, NULL));
  g_assert_null (taken_text (&taken, 2, 0, NULL));
  g_assert_null (taken_text (&taken, 3, 0, NULL));
  g_assert_cmpstr (taken_text (&taken, 4, 0, NULL), ==, "d");
  g_assert_null (taken_text (&taken, 4, 1, NULL));
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 4, 1, NULL, NULL, &integer), ==, AIP_JSON_VALUE_INTEGER);
  g_assert_cmpint (integer, ==, 1);
  g_assert_null (taken_text (&taken, 5, 0, NULL));
  g_assert_null (taken_text (&taken, 5, 1, NULL));
  g_assert_cmpstr (taken_text (&taken, 6, 0, &length), ==, "é\n");
  g_assert_cmpuint (length, ==, 3);
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 7, 0, NULL, NULL, NULL), ==, AIP_JSON_VALUE_NULL);
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 7, 1, NULL, NULL, &integer), ==, AIP_JSON_VALUE_INTEGER);
  g_assert_cmpint (integer, ==, G_GINT64_CONSTANT (-123456789012345678));
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 8, 0, NULL, NULL, NULL), ==, AIP_JSON_VALUE_TRUE);
  /* Nineteen digits, fractions and exponents are json-glib's to read */
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 8, 1, NULL, NULL, NULL), ==, AIP_JSON_VALUE_NONE);
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 9, 0, NULL, NULL, NULL), ==, AIP_JSON_VALUE_FALSE);
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 9, 1, NULL, NULL, NULL), ==, AIP_JSON_VALUE_NONE);
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 10, 0, NULL, NULL, NULL), ==, AIP_JSON_VALUE_NONE);
  g_assert_cmpint (aip_json_strings_get_member_value (&taken, 10, 1, NULL, NULL, NULL), ==, AIP_JSON_VALUE_NONE);

  /* Past the last item */
  g_assert_null (taken_text (&taken, 11, 0, NULL));

  aip_json_strings_clear (&taken);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/scan", test_scan);
  g_test_add_func ("/json-scan/reduced", test_reduced);
  g_test_add_func ("/json-scan/reduced-members", test_reduced_members);
  g_test_add_func ("/json-scan/fixtures", test_fixtures);
  g_test_add_func ("/json-scan/documents", test_documents);
  g_test_add_func ("/json-scan/depth", test_depth);
  g_test_add_func ("/json-scan/group-boundaries", test_group_boundaries);
  g_test_add_func ("/json-scan/truncated", test_truncated);
  g_test_add_func ("/json-scan/large", test_large);
  g_test_add_func ("/json-scan/random", test_random);
  g_test_add_func ("/json-scan/mutations", test_mutations);
  g_test_add_func ("/json-scan/guard", test_guard_matches_json_glib);

  return g_test_run ();
}
