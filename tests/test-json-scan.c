/* test-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "aip-assistant-json.h"
#include "aip-client-error.h"
#include "aip-test-json.h"
#include "aip-json-compact.h"
#include "aip-json-scan.h"
#include "aip-response-private.h"

/* What the client says of each response it refuses */
#define NOT_TEXT "The server sent a response that is not readable text"
#define EMPTY "The server sent an empty response instead of the list of assistants"
#define UNREADABLE "The server sent a response that could not be read"
#define NOT_A_LIST "The server sent a response that is not a list of assistants"
#define NONE_USABLE "The server sent a list in which no item is a usable assistant"

/* U+FFFD, the replacement character, in UTF-8 */
#define FFFD "\xef\xbf\xbd"

/* Group sizes the parallel parse is forced to, 0 being its own choice */
static const guint group_sizes[] = { 0, 1, 2, 3, 5 };

static char *
assistant_text (AipAssistant *assistant)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *variables_json;

  aip_assistant_append_json (assistant, text, -1);

  /* What to_json leaves out is derived, and the variables as they were
   * read, but compare them anyway */
  variables_json = aip_assistant_get_variables_json (assistant);
  g_string_append_printf (text, "\n%s\n%s\n%s", aip_assistant_get_search_text (assistant),
                          aip_assistant_get_name_key (assistant),
                          variables_json != NULL ? variables_json : "(none)");
  for (guint i = 0; i < aip_assistant_get_n_variables (assistant); i++)
    g_string_append_printf (text, "\n%s=%s", aip_assistant_get_variable_name (assistant, i),
                            aip_assistant_get_variable_value (assistant, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An independent judge of what the client accepts, simple and slow: strict
 * JSON (RFC 8259) in valid UTF-8, at most AIP_JSON_MAX_DEPTH deep, after
 * an optional byte order mark at the very start. */
typedef enum
{
  JUDGED_NOT_TEXT,
  JUDGED_NOT_STRICT,
  JUDGED_EMPTY,
  /* A scalar, or an object whose last "data" member is not an array */
  JUDGED_NOT_A_LIST,
  JUDGED_LIST,
} Judged;

typedef struct
{
  const guchar *p;
  const guchar *end;
} Strict;

static void
strict_space (Strict *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
strict_digits (Strict *s)
{
  const guchar *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;

  return s->p > start;
}

/* Also tells whether the string, decoded, is "data" */
static gboolean
strict_string (Strict   *s,
               gboolean *is_data)
{
  static const char data[] = "data";
  gboolean same = TRUE;
  guint n = 0;

  s->p++;
  for (;;)
    {
      gunichar unit;

      if (s->p >= s->end || *s->p < 0x20)
        return FALSE;
      if (*s->p == '"')
        break;

      if (*s->p != '\\')
        unit = *s->p++;
      else if (s->end - s->p >= 2 && s->p[1] != '\0' && strchr ("\"\\/bfnrt", s->p[1]) != NULL)
        {
          /* \t is a tab, not the letter of "data" */
          unit = strchr ("bfnrt", s->p[1]) != NULL ? '\b' : s->p[1];
          s->p += 2;
        }
      else if (s->end - s->p >= 6 && s->p[1] == 'u' &&
               g_ascii_isxdigit (s->p[2]) && g_ascii_isxdigit (s->p[3]) &&
               g_ascii_isxdigit (s->p[4]) && g_ascii_isxdigit (s->p[5]))
        {
          unit = (g_ascii_xdigit_value (s->p[2]) << 12) | (g_ascii_xdigit_value (s->p[3]) << 8) |
                 (g_ascii_xdigit_value (s->p[4]) << 4) | g_ascii_xdigit_value (s->p[5]);
          s->p += 6;
        }
      else
        return FALSE;

      same = same && n < 4 && unit == (guchar) data[n];
      n++;
    }
  s->p++;

  if (is_data != NULL)
    *is_data = same && n == 4;
  return TRUE;
}

static gboolean
strict_number (Strict *s)
{
  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (s->p >= s->end || *s->p < '1' || *s->p > '9' || !strict_digits (s))
    return FALSE;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (!strict_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!strict_digits (s))
        return FALSE;
    }

  return TRUE;
}

static gboolean
strict_word (Strict     *s,
             const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return FALSE;
  s->p += n;

  return TRUE;
}

/* A value inside depth containers. An array tells that it is one and how
 * many elements it has; so does an object at the root, of its last "data"
 * member. */
static gboolean
strict_value (Strict   *s,
              guint     depth,
              gboolean *is_list,
              guint    *n_items)
{
  guint n = 0;

  *is_list = FALSE;
  strict_space (s);
  if (s->p >= s->end)
    return FALSE;

  switch (*s->p)
    {
    case '[':
      if (depth == AIP_JSON_MAX_DEPTH)
        return FALSE;
      s->p++;
      strict_space (s);
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          *is_list = TRUE;
          *n_items = 0;
          return TRUE;
        }
      for (;;)
        {
          gboolean inner_list;
          guint inner_n;

          if (!strict_value (s, depth + 1, &inner_list, &inner_n))
            return FALSE;
          n++;
          strict_space (s);
          if (s->p < s->end && *s->p == ',')
            s->p++;
          else if (s->p < s->end && *s->p == ']')
            break;
          else
            return FALSE;
        }
      s->p++;
      *is_list = TRUE;
      *n_items = n;
      return TRUE;

    case '{':
      if (depth == AIP_JSON_MAX_DEPTH)
        return FALSE;
      s->p++;
      strict_space (s);
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          return TRUE;
        }
      for (;;)
        {
          gboolean is_data, member_list;
          guint member_n = 0;

          strict_space (s);
          if (s->p >= s->end || *s->p != '"' || !strict_string (s, &is_data))
            return FALSE;
          strict_space (s);
          if (s->p >= s->end || *s->p != ':')
            return FALSE;
          s->p++;
          if (!strict_value (s, depth + 1, &member_list, &member_n))
            return FALSE;
          /* The last "data" of the root object names the list */
          if (depth == 0 && is_data)
            {
              *is_list = member_list;
              *n_items = member_n;
            }
          strict_space (s);
          if (s->p < s->end && *s->p == ',')
            s->p++;
          else if (s->p < s->end && *s->p == '}')
            break;
          else
            return FALSE;
        }
      s->p++;
      /* Within an array, an object is one element, never a list */
      if (depth > 0)
        *is_list = FALSE;
      return TRUE;

    case '"':
      return strict_string (s, NULL);

    case 't':
      return strict_word (s, "true");

    case 'f':
      return strict_word (s, "false");

    case 'n':
      return strict_word (s, "null");

    default:
      return strict_number (s);
    }
}

static Judged
judge (const char *text,
       gsize       length,
       guint      *n_items)
{
  Strict s = { (const guchar *) text, (const guchar *) text + length };
  gboolean is_list;

  *n_items = 0;
  if (!g_utf8_validate_len (text, length, NULL))
    return JUDGED_NOT_TEXT;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    s.p += 3;
  strict_space (&s);
  if (s.p == s.end)
    return JUDGED_EMPTY;

  if (!strict_value (&s, 0, &is_list, n_items))
    return JUDGED_NOT_STRICT;
  strict_space (&s);
  if (s.p != s.end)
    return JUDGED_NOT_STRICT;

  return is_list ? JUDGED_LIST : JUDGED_NOT_A_LIST;
}

/* The parallel parse gives what the whole-document parse gives: the same
 * assistants in the same order, or the same error; both give what the
 * judge above expects. Returns whether they accepted the text, with the
 * error message in message when they did not. */
static gboolean
compare_full (const char  *text,
              gsize        length,
              guint        n_sizes,
              char       **message)
{
  g_autoptr(GBytes) body = g_bytes_new (text, length);
  g_autoptr(GError) reference_error = NULL;
  g_autoptr(AipResponse) reference = aip_response_new_from_bytes_sequential (body, &reference_error);
  guint n_items = 0;
  Judged judged = judge (text, length, &n_items);
  AipJsonScan scan;

  /* The scan is the judge of strict JSON */
  aip_json_scan (text, length, &scan);
  g_assert_cmpint (scan.status == AIP_JSON_SCAN_OK, ==,
                   judged != JUDGED_NOT_TEXT && judged != JUDGED_NOT_STRICT);
  aip_json_scan_clear (&scan);

  if (reference == NULL)
    g_assert_error (reference_error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
  else
    g_assert_no_error (reference_error);

  switch (judged)
    {
    case JUDGED_NOT_TEXT:
      g_assert_cmpstr (reference_error->message, ==, NOT_TEXT);
      break;

    case JUDGED_NOT_STRICT:
      g_assert_cmpstr (reference_error->message, ==, UNREADABLE);
      break;

    case JUDGED_EMPTY:
      g_assert_cmpstr (reference_error->message, ==, EMPTY);
      break;

    case JUDGED_NOT_A_LIST:
      g_assert_cmpstr (reference_error->message, ==, NOT_A_LIST);
      break;

    case JUDGED_LIST:
    default:
      /* Every item is an assistant or skipped; none usable is an error */
      if (reference != NULL)
        g_assert_cmpuint (aip_response_get_assistants (reference)->len +
                          aip_response_get_n_skipped (reference), ==, n_items);
      else
        {
          g_assert_cmpstr (reference_error->message, ==, NONE_USABLE);
          g_assert_cmpuint (n_items, >, 0);
        }
      break;
    }

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

  if (message != NULL)
    *message = reference_error != NULL ? g_strdup (reference_error->message) : NULL;

  return reference != NULL;
}

static gboolean
compare_sizes (const char *text,
               gsize       length,
               guint       n_sizes)
{
  return compare_full (text, length, n_sizes, NULL);
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

/* Documents each path must judge alike: accepted (NULL) or refused with
 * the given message */
static const struct
{
  const char *text;
  const char *error;
} documents[] = {
  /* Shapes */
  { "[]", NULL },
  { "[{\"id\": 1}]", NULL },
  { "{\"data\": []}", NULL },
  { "{\"data\": [{\"id\": 1}, {\"id\": 2}]}", NULL },
  { "{\"total\": 2, \"meta\": {\"data\": [{\"id\": 9}]}, \"data\": [{\"id\": 1}, {\"id\": 2}]}", NULL },
  { "{\"data\": [{\"id\": 1}], \"data\": [{\"id\": 2}]}", NULL },
  { "{\"data\": [{\"id\": 1}], \"data\": 7}", NOT_A_LIST },
  { "{\"data\": [{\"id\": 1}], \"data\": {\"data\": [{\"id\": 1}]}}", NOT_A_LIST },
  { "{\"data\": 7, \"data\": [{\"id\": 3}], \"after\": [1, [2, {\"data\": []}]]}", NULL },
  { "{\"data\": [{\"id\": 1}], \"data\": [2]}", NONE_USABLE },
  { "{\"data\": [{\"id\": 1}], \"junk\": [1,]}", UNREADABLE },
  { "{\"junk\": \"\\ud800\", \"data\": [{\"id\": 1}]}", NULL },
  { "{\"d\\u0061ta\": [{\"id\": 1}]}", NULL },
  { "{\"\\u0064\\u0061\\u0074\\u0061\": [{\"id\": 1}]}", NULL },
  { "{\"data\\u0000x\": [{\"id\": 1}]}", NOT_A_LIST },
  { "{\"data\\u0000\": [{\"id\": 1}]}", NOT_A_LIST },
  { "{\"dat\": [{\"id\": 1}], \"datas\": [], \"Data\": [], \"da\\ta\": []}", NOT_A_LIST },
  { "{\"data\": [{\"id\": 1}], \"d\\u0061ta\": []}", NULL },
  { "{\"d\\u0061ta\": [{\"id\": 1}], \"data\": null}", NOT_A_LIST },
  { "\"text\"", NOT_A_LIST },
  { "12", NOT_A_LIST },
  { "true", NOT_A_LIST },
  { "null", NOT_A_LIST },
  { "{}", NOT_A_LIST },
  { "1.", UNREADABLE },
  { "-", UNREADABLE },
  { "[", UNREADABLE },
  { "{\"data\": [", UNREADABLE },
  { "", EMPTY },
  { " \n\r\t ", EMPTY },
  /* Items that are not assistants */
  { "[1, \"two\", null, true, [3], {\"id\": \"x\"}, {\"id\": 4}, {\"no\": \"id\"}]", NULL },
  { "[1, 2, 3, \"x\", null, {}]", NONE_USABLE },
  { "[{\"id\": -1}, {\"id\": \"\"}, {\"id\": \"1a\"}, {\"id\": \"-3\"}, {\"id\": [1]}, {\"id\": {}}]", NONE_USABLE },
  /* Brackets, braces, commas, quotes and backslashes in strings */
  { "[{\"id\": 1, \"name\": \"a]b}c,d[e{f\"}, {\"id\": 2, \"name\": \"},{\\\"id\\\": 3}\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"[[[[\", \"x\": \"{{{{\"}, {\"id\": 2, \"name\": \"]]]]}}}}\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"a\\\\\"}, {\"id\": 2, \"name\": \"\\\\\\\"\\\\\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\\"],[{\\\"id\\\":3}\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\/\\b\\f\\n\\r\\t\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\\\u0000 is no escape\"}]", NULL },
  /* Unicode escapes; those json-glib versions read differently are
   * rewritten (aip-json-compact.c) */
  { "[{\"id\": 1, \"name\": \"\\u005d\\u007d\\u002c\\u0022\"}, {\"id\": 2}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\ud83d\\ude00 \\uD834\\uDD1E\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\u00e9\\u0301\\u0000end\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\ud83d\"}, {\"id\": 2}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\ud83dx\"}, {\"id\": 2}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\ude00\"}, {\"id\": 2, \"name\": \"y\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\ud83d\\u0041\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\ude00\\ud83d\", \"variables\": {\"\\udbff\": \"\\udfff\\u0000\"}}]", NULL },
  { "[{\"id\": 1, \"name\": \"\\u12\"]\"}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": \"\\uzzzz\"}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": \"\\q\\101\"}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": \"\\U0041\"}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": \"raw\ttab\"}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": \"raw\nnewline\"}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": \"raw\x1f" "unit separator\"}]", UNREADABLE },
  /* Members read from the items */
  { "[{\"id\": 1, \"name\": \"first name of the two\", \"name\": \"second\"}, {\"id\": 2, \"name\": \"kept\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"a name long enough to be taken\", \"name\": 5}, {\"id\": 2}]", NULL },
  { "[{\"id\": 1, \"status\": null, \"status\": \"active\"}, {\"id\": 2, \"status\": \"inactive\"}]", NULL },
  { "[{\"id\": 1, \"n\\u0061me\": \"escaped\", \"name\": \"plain and long enough\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"plain and long enough\", \"n\\u0061me\": \"escaped\"}, {\"id\": 2, \"name\": \"x\"}]", NULL },
  { "[{\"id\": 1, \"mode\\u0000\": \"pipeline\", \"mode\": \"multimodal\"}]", NULL },
  { "[{\"id\": 1, \"name\": null, \"type\": 3, \"mode\": [\"a\"], \"status\": {\"s\": 1}, \"timezone\": true}]", NULL },
  { "[{\"name\": \"only other members\", \"type\": \"outbound\"}, {\"id\": 2, \"name\": \"after\"}]", NULL },
  { "[[{\"id\": 1, \"name\": \"in an array item\"}], {\"id\": 2, \"variables\": {\"name\": \"a variable called name\", \"status\": \"x\"}}]", NULL },
  { "[{\"id\": \"000000000000000000042\", \"created_at\": \"2025-07-15T14:32:15.000000Z\", \"updated_at\": \"2025-08-02 09:18:42\"}]", NULL },
  { "[{\"id\": 1, \"timezone\": \"\\u007fAmerica/New_York\", \"name\": \"\x7f" "0\", \"type\": \"\x7f\"}]", NULL },
  { "[{\"id\": 1, \"initial_message\": \"Hi\\u0000 the rest is kept\", \"system_prompt\": \"line\\nline\\t\\\"quoted\\\" \\\\ \\/ \\ud83d\\ude00\"}]", NULL },
  { "[{\"id\": 1, \"webhook_url\": \"https://hooks.example.com/a\", \"is_webhook_active\": true, \"webhook_url\": null}]", NULL },
  { "[ { \"name\" : \"spaces around a member\" , \"id\" : 1 , \"type\" :\n\"outbound\" } ]", NULL },
  { "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\", \"name\": \"c\"}, {\"id\": 3, \"name\": \"d\"}, {\"id\": 4, \"n\\u0061me\": \"e\"}, {\"id\": 5, \"name\": \"f\"}]", NULL },
  { "[{\"id\": 1, \"name\": \"a long name before a broken item\"}, {\"id\": 2, \"name\": \"b\", \"name\": x}]", UNREADABLE },
  /* Numbers and literals */
  { "[{\"id\": -1}, {\"id\": -0}, {\"id\": 0}, {\"id\": 999999999999999999}, {\"id\": 9223372036854775807}]", NULL },
  { "[{\"id\": 9223372036854775808}, {\"id\": 18446744073709551617}, {\"id\": -9223372036854775809}]", NONE_USABLE },
  { "[{\"id\": 9223372036854775808}, {\"id\": 18446744073709551617}, {\"id\": 3}]", NULL },
  { "[{\"id\": 1.0}, {\"id\": 1e2}, {\"id\": 2E0}, {\"id\": true}, {\"id\": null}, {\"id\": \"0042\"}, {\"id\": \"-3\"}]", NULL },
  { "[{\"id\": 1, \"user_id\": -5, \"voice_id\": 1.5, \"language_id\": \"7\", \"is_webhook_active\": true}]", NULL },
  { "[{\"id\": 1, \"user_id\": 9223372036854775808, \"voice_id\": -9223372036854775808, \"language_id\": 1e400}]", NULL },
  { "[{\"id\": 2, \"is_webhook_active\": 1}, {\"id\": 3, \"is_webhook_active\": \"true\"}, {\"id\": 4, \"is_webhook_active\": null}]", NULL },
  { "[{\"id\": 1, \"name\": 5, \"status\": false, \"timezone\": null, \"created_at\": 20250101, \"mode\": true}]", NULL },
  { "[{\"id\": 1, \"id\": 2}, {\"id\": 3, \"voice_id\": 3, \"voice_id\": null}, {\"id\": null, \"id\": 4}]", NULL },
  { "[{\"id\":1,\"is_webhook_active\":false,\"user_id\":0}, {\"id\" : 7 , \"user_id\" :\n-12 }]", NULL },
  { "[{\"id\": 5, \"variables\": {\"id\": 6, \"n\": 1e400, \"m\": -1e400, \"t\": true, \"z\": -0.0, \"e\": 1E-400}}]", NULL },
  { "[{\"id\": 5, \"variables\": {\"big\": 12345678901234567890, \"max\": 9223372036854775807, \"min\": -9223372036854775808}}]", NULL },
  { "[{\"id\": 123456789012345678901234567890}, {\"id\": 1e400}, {\"id\": 5, \"v\": -0.0}]", NULL },
  { "[{\"id\": .5}]", UNREADABLE },
  { "[{\"id\": 1.}]", UNREADABLE },
  { "[{\"id\": 1.e5}]", UNREADABLE },
  { "[{\"id\": 1e}]", UNREADABLE },
  { "[{\"id\": 1e+}]", UNREADABLE },
  { "[{\"id\": 01}]", UNREADABLE },
  { "[{\"id\": -01}]", UNREADABLE },
  { "[{\"id\": 00}]", UNREADABLE },
  { "[{\"id\": +1}]", UNREADABLE },
  { "[{\"id\": - 3}]", UNREADABLE },
  { "[{\"id\": 0x10}]", UNREADABLE },
  { "[{\"id\": 1, \"x\": NaN}]", UNREADABLE },
  { "[{\"id\": 1, \"x\": Infinity}]", UNREADABLE },
  { "[{\"id\": 1, \"x\": tru}]", UNREADABLE },
  { "[{\"id\": 1, \"x\": True}]", UNREADABLE },
  { "[{\"id\": 1, \"x\": nul}]", UNREADABLE },
  /* White space everywhere, and only the four kinds of it */
  { " \r\n\t[ \n {\n\"id\"\t:\r1 , \"name\" :\"x\" }\n,\t{ \"id\" : 2 }\r\n]\n\n ", NULL },
  { "{ \"data\" :\n[\n{\"id\":1}\n]\n}\n", NULL },
  { "[{\"id\": 1}]\f", UNREADABLE },
  { "[{\"id\":\v1}]", UNREADABLE },
  { "[{\"id\":\xc2\xa0" "1}]", UNREADABLE },
  /* What json-glib accepts beyond strict JSON: never read */
  { "[{\"id\": 1}, /* ],[ */ {\"id\": 2}]", UNREADABLE },
  { "[{\"id\": 1}, // x\n {\"id\": 2}]", UNREADABLE },
  { "[{\"id\": 1}, /x/ {\"id\": 2}]", UNREADABLE },
  { "[{'id': 1, 'name': '],[{\"'}, {\"id\": 2}]", UNREADABLE },
  { "[{\"id\": 1, \"name\": 'x'}]", UNREADABLE },
  { "[{id: 1}]", UNREADABLE },
  { "var assistants = [{\"id\": 1}];", UNREADABLE },
  { "[{\"id\": 1}] [{\"id\": 2}]", UNREADABLE },
  { "[{\"id\": 1}],", UNREADABLE },
  { "[{\"id\": 1},]", UNREADABLE },
  { "[,{\"id\": 1}]", UNREADABLE },
  { "[{\"id\": 1}] x", UNREADABLE },
  { "[{\"id\": 1}] /x", UNREADABLE },
  { "[{\"id\": 1}]]", UNREADABLE },
  { "[{\"id\" 1}]", UNREADABLE },
  { "[{\"id\": 1,}]", UNREADABLE },
  { "[{\"id\": 1 \"name\": \"x\"}]", UNREADABLE },
  { "[{\"id\": 1}}", UNREADABLE },
  { "{\"data\": [{\"id\": 1}]]", UNREADABLE },
  /* A byte order mark: ignored at the very start, text in a string, not
   * JSON anywhere else */
  { "\xef\xbb\xbf[{\"id\": 1}]", NULL },
  { "\xef\xbb\xbf{\"data\": [{\"id\": 1}]}", NULL },
  { "\xef\xbb\xbf \n[{\"id\": 1}]", NULL },
  { "[{\"id\": 1, \"name\": \"\xef\xbb\xbf\"}]", NULL },
  { "\xef\xbb\xbf", EMPTY },
  { "\xef\xbb\xbf \n", EMPTY },
  { "\xef\xbb\xbf\"text\"", NOT_A_LIST },
  { "\xef\xbb\xbf\xef\xbb\xbf[{\"id\": 1}]", UNREADABLE },
  { " \xef\xbb\xbf[{\"id\": 1}]", UNREADABLE },
  { "[\xef\xbb\xbf{\"id\": 1}]", UNREADABLE },
  { "[{\"id\": 1}]\xef\xbb\xbf", UNREADABLE },
  { "\xfe\xff[{\"id\": 1}]", NOT_TEXT },
  /* Not text: said first, whatever else is wrong */
  { "[{\"id\": 1, \"name\": \"\xff\"}]", NOT_TEXT },
  { "[{\"id\": 1, \"name\": \"\xed\xa0\x80\"}]", NOT_TEXT },
  { "[{\"id\": 1, \"name\": \"\xc0\xaf\"}]", NOT_TEXT },
  { "[{\"id\": 1, \"name\": \"\xf4\x90\x80\x80\"}]", NOT_TEXT },
  { "[{\"id\": 1, \"name\": \"\xe2\x82\"}]", NOT_TEXT },
  { "[{\"id\": 1, \"name\": \"\xc3", NOT_TEXT },
  { "[{\"id\": 1}]\xff", NOT_TEXT },
  { "\xff", NOT_TEXT },
  { "[{\"id\": 1,,}, \"\xff\"]", NOT_TEXT },
  { "{\"data\": 7, \"x\": \"\xff\"}", NOT_TEXT },
};

static void
test_documents (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *escaped = g_strescape (documents[i].text, NULL);
      g_autofree char *message = NULL;

      g_test_message ("%s", escaped);
      g_assert_cmpint (compare_full (documents[i].text, strlen (documents[i].text),
                                     G_N_ELEMENTS (group_sizes), &message), ==, documents[i].error == NULL);
      g_assert_cmpstr (message, ==, documents[i].error);
    }

  /* g_utf8_validate() refuses NUL bytes: a raw one is "not text", before
   * being a control character in a string or trailing data */
  {
    static const char nul_in_string[] = "[{\"id\": 1, \"name\": \"a\0b\"}]";
    static const char nul_after[] = "[{\"id\": 1}]\0";
    g_autofree char *message = NULL;

    g_assert_false (compare_full (nul_in_string, sizeof nul_in_string - 1, G_N_ELEMENTS (group_sizes), &message));
    g_assert_cmpstr (message, ==, NOT_TEXT);
    g_clear_pointer (&message, g_free);
    g_assert_false (compare_full (nul_after, sizeof nul_after - 1, G_N_ELEMENTS (group_sizes), &message));
    g_assert_cmpstr (message, ==, NOT_TEXT);
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
      g_autofree char *message = NULL;
      gboolean deep = depth > AIP_JSON_MAX_DEPTH;

      /* A list whose only item is an array: not a usable assistant */
      g_assert_false (compare_full (bare, strlen (bare), G_N_ELEMENTS (group_sizes), &message));
      g_assert_cmpstr (message, ==, deep ? UNREADABLE : NONE_USABLE);
      g_clear_pointer (&message, g_free);

      g_assert_cmpint (compare (item), ==, !deep);
      g_assert_cmpint (compare (other), ==, !deep);

      /* Single quotes are never JSON, however shallow */
      g_assert_false (compare_full (quirky, strlen (quirky), G_N_ELEMENTS (group_sizes), &message));
      g_assert_cmpstr (message, ==, UNREADABLE);
    }
}

/* Text that is not UTF-8 is said so first, even where the scan stopped
 * earlier for being too deep */
static void
test_depth_not_text (void)
{
  g_autofree char *deep = aip_test_nested (AIP_JSON_MAX_DEPTH + 1, "", "");
  g_autoptr(GString) in_string = g_string_new (NULL);
  g_autoptr(GString) in_item = g_string_new ("[{\"id\": 1, \"v\": ");
  g_autofree char *before = aip_test_nested (AIP_JSON_MAX_DEPTH + 1, "\xff", "");
  g_autofree char *after = aip_test_nested (AIP_JSON_MAX_DEPTH + 1, "", "\xff");
  g_autofree char *between = NULL;
  const char *texts[5];

  /* Deep down inside a string, past where the scan stops */
  for (guint i = 0; i < AIP_JSON_MAX_DEPTH + 1; i++)
    g_string_append_c (in_string, '[');
  g_string_append (in_string, "\"a\xff\"");
  for (guint i = 0; i < AIP_JSON_MAX_DEPTH + 1; i++)
    g_string_append_c (in_string, ']');

  for (guint i = 0; i < AIP_JSON_MAX_DEPTH; i++)
    g_string_append (in_item, "[");
  g_string_append (in_item, "{\"name\": \"\xff\"}");
  for (guint i = 0; i < AIP_JSON_MAX_DEPTH; i++)
    g_string_append (in_item, "]");
  g_string_append (in_item, "}]");

  /* Outside strings, between the brackets */
  between = g_strdup (deep);
  between[AIP_JSON_MAX_DEPTH + 3] = '\xff';

  texts[0] = in_string->str;
  texts[1] = in_item->str;
  texts[2] = before;
  texts[3] = after;
  texts[4] = between;

  /* Without the bad byte, too deep */
  g_assert_false (compare_full (deep, strlen (deep), G_N_ELEMENTS (group_sizes), NULL));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new (texts[i], strlen (texts[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) sequential_error = NULL;
      g_autoptr(AipResponse) response = aip_response_new_from_bytes (body, &error);
      g_autoptr(AipResponse) sequential = aip_response_new_from_bytes_sequential (body, &sequential_error);
      g_autofree char *message = NULL;
      AipJsonScan scan;

      /* The scan stops on the depth or the byte, whichever comes first */
      aip_json_scan (texts[i], strlen (texts[i]), &scan);
      g_assert_cmpint (scan.status, !=, AIP_JSON_SCAN_OK);
      aip_json_scan_clear (&scan);

      g_assert_null (response);
      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, ==, NOT_TEXT);
      g_assert_null (sequential);
      g_assert_error (sequential_error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (sequential_error->message, ==, NOT_TEXT);

      g_assert_false (compare_full (texts[i], strlen (texts[i]), G_N_ELEMENTS (group_sizes), &message));
      g_assert_cmpstr (message, ==, NOT_TEXT);
    }

  /* Where the scan stops for the depth before it reaches the bad byte */
  {
    AipJsonScan scan;

    aip_json_scan (in_string->str, in_string->len, &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_TOO_DEEP);
    g_assert_cmpuint (scan.offset, ==, AIP_JSON_MAX_DEPTH);
    aip_json_scan_clear (&scan);

    aip_json_scan (between, strlen (between), &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_TOO_DEEP);
    aip_json_scan_clear (&scan);
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

/* Enough for a thread per processor with the automatic group size */
#define LARGE_BYTES (4 * 1024 * 1024)

/* Past MAX_PENDING_ITEMS (aip-response.c) many times over */
#define TINY_ITEMS (1024 * 1024)

static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autofree char *commented = NULL;
  g_autofree char *tiny_items = NULL;
  g_autofree char *tiny_items_quirky = NULL;
  gsize tiny_length;

  while (text->len < LARGE_BYTES)
    g_string_append_printf (text, "{\"id\": %u, \"name\": \"%0200u\"},", (guint) text->len, 0);
  g_string_append (text, "{\"id\": 0}]");
  commented = g_strconcat ("/**/", text->str, NULL);

  /* Large: with the automatic group size only */
  g_assert_true (compare_sizes (text->str, text->len, 1));
  g_assert_false (compare_sizes (commented, strlen (commented), 1));

  /* Millions of tiny items, all skipped but the last: the spans do not
   * pile up */
  tiny_items = g_malloc (2 * TINY_ITEMS + 16);
  tiny_items[0] = '[';
  for (gsize i = 0; i < TINY_ITEMS; i++)
    {
      tiny_items[2 * i + 1] = '1';
      tiny_items[2 * i + 2] = ',';
    }
  strcpy (tiny_items + 2 * TINY_ITEMS + 1, "{\"id\":7}]");
  tiny_length = strlen (tiny_items);
  /* Made not strict at the very end, after all the work */
  tiny_items_quirky = g_strdup (tiny_items);
  tiny_items_quirky[tiny_length - 1] = '\'';

  {
    g_autoptr(GBytes) body = g_bytes_new_static (tiny_items, tiny_length);
    g_autoptr(GBytes) quirky = g_bytes_new_static (tiny_items_quirky, tiny_length);
    g_autoptr(GError) error = NULL;
    g_autoptr(AipResponse) response = aip_response_new_from_bytes (body, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 1);
    g_assert_cmpint (aip_assistant_get_id (aip_response_get_assistants (response)->pdata[0]), ==, 7);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, TINY_ITEMS);

    g_clear_object (&response);
    response = aip_response_new_from_bytes (quirky, &error);
    g_assert_null (response);
    g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
    g_assert_cmpstr (error->message, ==, UNREADABLE);
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
  "\\ud83d\\ude00", "\\u0000", "\xef\xbb\xbf",
  /* Escapes json-glib versions read differently (aip-json-compact.c) */
  "\\ud83d", "\\ude00", "\\ud83d\\u0041", "\\udbff", "\\u0000\\u0000",
};

static const char * const quirky_string_pieces[] = {
  "\\u12", "\\u", "\\q", "\\101", "\\U0041", "\t", "\x01", "\x7f\xff", "\xed\xa0\x80",
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
    "-9223372036854775808", "9223372036854775808", "-12345678901234567890", "1e400", "-0",
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

/* A list of up to eleven items, most of them assistants; usable tells
 * whether the list is empty or has one (items made by random_value() never
 * have an "id" member) */
static char *
random_document (gboolean  quirky,
                 gboolean *usable)
{
  static const char * const fields[] = { "id", "name", "status", "variables", "system_prompt", "created_at" };
  GString *out = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 12);
  gboolean wrapped = g_test_rand_bit ();

  *usable = n == 0;

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
      *usable = TRUE;
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
  guint n = g_test_slow () ? 5000 : 400;
  guint n_quirky_accepted = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean usable, quirky_usable;
      g_autofree char *strict = random_document (FALSE, &usable);
      g_autofree char *quirky = random_document (TRUE, &quirky_usable);

      g_assert_cmpint (compare (strict), ==, usable);
      if (compare (quirky))
        n_quirky_accepted++;
    }

  /* Some quirky documents happen to have no quirk */
  g_test_message ("%u of %u quirky documents accepted", n_quirky_accepted, n);
  g_assert_cmpuint (n_quirky_accepted, >, 0);
  g_assert_cmpuint (n_quirky_accepted, <, n / 2);
}

/* Small random edits of a valid document: whatever the result, both paths
 * agree on it. */
static void
test_mutations (void)
{
  static const char base[] =
    "\xef\xbb\xbf{\"data\": [{\"id\": 1, \"name\": \"a,b]\\u0000\", \"variables\": {\"k\": \"v\\\"\\ud800\","
    " \"n\": [1, 2.5, 12345678901234567890]}}, {\"id\": \"2\", \"x\": \"\\u00e9\\ud83d\\ude00\"}, {\"id\": 3}], \"m\": null}";
  static const char bytes[] = "[]{},:\"'\\/*uxd0189e.-+ \n\ttfn\xff\xbf";
  guint n = g_test_slow () ? 20000 : 2000;
  /* Accepted, then each message */
  const char * const outcomes[] = { NULL, NOT_TEXT, EMPTY, UNREADABLE, NOT_A_LIST, NONE_USABLE };
  guint counts[G_N_ELEMENTS (outcomes)] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new (base);
      g_autofree char *message = NULL;
      guint edits = g_test_rand_int_range (1, 4);
      guint o;

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

      compare_full (text->str, text->len, G_N_ELEMENTS (group_sizes), &message);
      for (o = 0; o < G_N_ELEMENTS (outcomes) - 1 && g_strcmp0 (message, outcomes[o]) != 0; o++)
        ;
      g_assert_cmpstr (message, ==, outcomes[o]);
      counts[o]++;
    }

  for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
    g_test_message ("%u: %s", counts[o], outcomes[o] != NULL ? outcomes[o] : "accepted");

  /* Edits that keep the text JSON, and those that break it */
  g_assert_cmpuint (counts[0], >, n / 20);
  g_assert_cmpuint (counts[1], >, n / 50);
  g_assert_cmpuint (counts[3], >, n / 20);
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
  } cases[] = {
    { "", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_NONE, { NULL } },
    { " \t\r\n", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_NONE, { NULL } },
    { "\xef\xbb\xbf", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_NONE, { NULL } },
    { "[]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { NULL } },
    { " [ 1 , \"a]\" ,{\"b\":[2]} ] ", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "1", "\"a]\"", "{\"b\":[2]}" } },
    { "{\"a\": {\"data\": [1]}, \"data\": [[], {}], \"z\": 3}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY,
      { "[]", "{}" } },
    { "{\"data\": [1], \"data\": [2]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY, { "2" } },
    { "{\"data\": [1], \"data\": \"x\"}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "{\"data\": \"x\", \"data\": [1, 2]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY, { "1", "2" } },
    { "{\"data\": [1], \"other\": 2}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY, { "1" } },
    { "{\"datum\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "{\"d\\u0061ta\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY, { "1" } },
    { "{\"d\\u0061ta\": []}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_DATA_ARRAY, { NULL } },
    { "{\"\\u0064\\u0041ta\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "{\"data\\u0000\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "{\"dat\\u0061\\u0061\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "{\"\\\\data\": [1]}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "{\"data\": [1], \"d\\u0061ta\": 5}", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_OBJECT, { NULL } },
    { "-12.5e+3", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_SCALAR, { NULL } },
    { "\xef\xbb\xbf [1]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "1" } },
    { "[\"\xef\xbb\xbf\"]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "\"\xef\xbb\xbf\"" } },
    { " \xef\xbb\xbf[1]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_SCALAR, { NULL } },
    { "\xef\xbb\xbf\xef\xbb\xbf[1]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_SCALAR, { NULL } },
    { "[1]\xef\xbb\xbf", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[1, 2", AIP_JSON_SCAN_TRUNCATED, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[\"ab", AIP_JSON_SCAN_TRUNCATED, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[\"\\ud83d\\ude", AIP_JSON_SCAN_TRUNCATED, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[\"\xc3", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[\"\xff\"]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "12.", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_SCALAR, { NULL } },
    { "[1,]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[1] [2]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[01]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[.5]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[1.]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[NaN]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "['a']", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[/**/1]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    /* A surrogate without its other half is strict JSON; the compact text
     * says what it reads as */
    { "[\"\\ud83d\"]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "\"\\ud83d\"" } },
    { "[\"\\ude00\\ud83d\", 1]", AIP_JSON_SCAN_OK, AIP_JSON_ROOT_ARRAY, { "\"\\ude00\\ud83d\"", "1" } },
    { "[\"a\tb\"]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
    { "[\"\\x41\"]", AIP_JSON_SCAN_NOT_STRICT, AIP_JSON_ROOT_ARRAY, { NULL } },
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
      aip_json_scan_clear (&scan);
    }

  /* 64 levels pass, 65 do not */
  {
    g_autofree char *ok = aip_test_nested (AIP_JSON_MAX_DEPTH, "", "");
    g_autofree char *deep = aip_test_nested (AIP_JSON_MAX_DEPTH + 1, "", "");
    g_autofree char *deep_object = aip_test_nested (AIP_JSON_MAX_DEPTH, "{\"a\": ", "}");
    AipJsonScan scan;

    aip_json_scan (ok, strlen (ok), &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_OK);
    g_assert_cmpuint (scan.items->len, ==, 1);
    aip_json_scan_clear (&scan);

    aip_json_scan (deep, strlen (deep), &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_TOO_DEEP);
    g_assert_cmpuint (scan.offset, ==, AIP_JSON_MAX_DEPTH);
    aip_json_scan_clear (&scan);

    aip_json_scan (deep_object, strlen (deep_object), &scan);
    g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_TOO_DEEP);
    aip_json_scan_clear (&scan);
  }
}

typedef struct
{
  GString  *calls;
  gboolean  take;
} Following;

static void
items_changed_cb (AipJsonScan *scan,
                  gboolean     restart,
                  gpointer     user_data)
{
  Following *following = user_data;

  if (restart)
    {
      g_assert_cmpuint (scan->items->len, ==, 0);
      g_string_append (following->calls, "R ");
      return;
    }

  g_string_append_printf (following->calls, "+%u ", scan->items->len);
  if (following->take)
    g_array_set_size (scan->items, 0);
}

/* The items as they come, and a later "data" dropping those of an earlier
 * one */
static void
test_scan_full (void)
{
  static const struct
  {
    const char *text;
    const char *calls;
    const char *taken_calls;
    guint       n_items;
  } cases[] = {
    { "[1, [2], {\"3\": 3}]", "+1 +2 +3 ", "+1 +1 +1 ", 3 },
    { "{\"data\": [1, 2], \"x\": {\"data\": [9]}, \"data\": [3]}", "+1 +2 R +1 ", "+1 +1 R +1 ", 1 },
    { "{\"data\": [1, 2], \"data\": 4}", "+1 +2 R ", "+1 +1 R ", 0 },
    { "{\"data\": 4, \"data\": [1]}", "+1 ", "+1 ", 1 },
    { "{\"data\": [], \"data\": [1]}", "R +1 ", "R +1 ", 1 },
    /* Items found before the document proves broken */
    { "[1, 2, x]", "+1 +2 ", "+1 +1 ", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (guint take = 0; take < 2; take++)
        {
          g_autoptr(GString) calls = g_string_new (NULL);
          Following following = { calls, take };
          AipJsonScan scan;

          aip_json_scan_full (cases[i].text, strlen (cases[i].text), &scan, items_changed_cb, &following);
          g_assert_cmpstr (calls->str, ==, take ? cases[i].taken_calls : cases[i].calls);
          g_assert_cmpuint (scan.items->len, ==, take ? 0 : cases[i].n_items);
          aip_json_scan_clear (&scan);
        }
    }
}

/* The text json-glib reads: no white space outside strings, and what
 * json-glib versions read differently rewritten */
/* Items as the parallel parse hands them to json-glib: each object the
 * array of the members asked for, in that order */
static void
test_compact_items (void)
{
  static const char * const members[] = { "id", "name", "variables" };
  static const struct
  {
    const char *text;
    const char *compact;
  } cases[] = {
    { "", "" },
    { "{\"id\": 1, \"name\": \"a\", \"variables\": {\"k\": [1, {\"v\": null}]}}",
      "[1,\"a\",{\"k\":[1,{\"v\":null}]}]" },
    /* Any order; absent ones null; others left out */
    { " { \"other\" : [ \"}\" , { } ] , \"name\" : \" x \" } ", "[null,\" x \",null]" },
    { "{}", "[null,null,null]" },
    /* The last of repeated members, as json-glib keeps */
    { "{\"id\": 1, \"id\": 2}", "[2,null,null]" },
    /* Escapes spell the same names; other names are other members */
    { "{\"\\u0069d\": 3, \"n\\u0061me\": \"b\", \"Name\": \"c\", \"id\\u0000\": 9}", "[3,\"b\",null]" },
    /* Not objects: null, skipped as they were */
    { "1, \"x\" ,null,true, [ {\"id\": 1} ], -2.5e3", "null,null,null,null,null,null" },
    { "{\"id\": 1}, 2 ,{\"id\": 3}", "[1,null,null],null,[3,null,null]" },
    /* Values compacted as ever */
    { "{\"id\": 12345678901234567890, \"name\": \"a\\u0000b\"}", "[12345678901234567890.0,\"a\\ufffdb\",null]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      const char *text = cases[i].text;

      aip_json_compact_items (out, text, text + strlen (text), members, G_N_ELEMENTS (members));
      g_assert_cmpstr (out->str, ==, cases[i].compact);
    }
}

static void
test_compact (void)
{
  static const struct
  {
    const char *text;
    const char *compact;
  } cases[] = {
    { "", "" },
    { " \t\r\n", "" },
    { " [ 1 , 2 ]\n", "[1,2]" },
    { "{ \"a b\" : \" c  d \" ,\n\t\"e\":[ ] , \"f\" : { } }", "{\"a b\":\" c  d \",\"e\":[],\"f\":{}}" },
    { "[ true , false , null ]", "[true,false,null]" },
    { "[ \" [ , ] : { } \" ]", "[\" [ , ] : { } \"]" },
    /* Escapes stay as they are */
    { "[\"\\\" \\\\ \\/ \\n\"]", "[\"\\\" \\\\ \\/ \\n\"]" },
    { "[\"\\b\\f\\r\\t\", \"\\\\\\\"\"]", "[\"\\b\\f\\r\\t\",\"\\\\\\\"\"]" },
    { "[\"\\u0041\\u00e9\\uFFFD\\uffff\\u0001\"]", "[\"\\u0041\\u00e9\\uFFFD\\uffff\\u0001\"]" },
    { "[\"é Я 😀 \xef\xbb\xbf\"]", "[\"é Я 😀 \xef\xbb\xbf\"]" },
    /* Numbers and minus signs in strings are text */
    { "[\"-12 345678901234567890123\", \"1 , 2\"]", "[\"-12 345678901234567890123\",\"1 , 2\"]" },
    /* An escaped backslash before "u0000" is no escape of U+0000 */
    { "[\"\\\\u0000\", \"\\\\\\u0000\"]", "[\"\\\\u0000\",\"\\\\\\ufffd\"]" },
    /* U+0000 would end the string in json-glib */
    { "[\"a\\u0000b\"]", "[\"a\\ufffdb\"]" },
    { "{\"\\u0000\": \"\\u0000\\u0000\"}", "{\"\\ufffd\":\"\\ufffd\\ufffd\"}" },
    { "[\"a long run of plain text\\u0000and more of it after\"]", "[\"a long run of plain text\\ufffdand more of it after\"]" },
    /* Surrogates without their other half, and pairs */
    { "[\"\\ud800\"]", "[\"\\ufffd\"]" },
    { "[\"\\udbff\"]", "[\"\\ufffd\"]" },
    { "[\"\\udc00\"]", "[\"\\ufffd\"]" },
    { "[\"\\uDFFF\"]", "[\"\\ufffd\"]" },
    { "[\"\\ud83dx\"]", "[\"\\ufffdx\"]" },
    { "[\"\\ud83d\\u0041\"]", "[\"\\ufffd\\u0041\"]" },
    { "[\"\\ud83d\\ud83d\"]", "[\"\\ufffd\\ufffd\"]" },
    { "[\"\\ude00\\ud83d\"]", "[\"\\ufffd\\ufffd\"]" },
    { "[\"\\ud83d\\n\"]", "[\"\\ufffd\\n\"]" },
    { "[\"\\ud83d\\ud83d\\ude00\"]", "[\"\\ufffd\\ud83d\\ude00\"]" },
    { "[\"\\ud83d\\ude00\"]", "[\"\\ud83d\\ude00\"]" },
    { "[\"\\uD834\\uDD1E\", \"\\ud800\\udc00\", \"\\udbff\\udfff\"]", "[\"\\uD834\\uDD1E\",\"\\ud800\\udc00\",\"\\udbff\\udfff\"]" },
    { "[\"\\ud7ff\", \"\\ue000\"]", "[\"\\ud7ff\",\"\\ue000\"]" },
    /* Integers beyond 64 bits become doubles */
    { "[9223372036854775807, -9223372036854775808]", "[9223372036854775807,-9223372036854775808]" },
    { "[9223372036854775808]", "[9223372036854775808.0]" },
    { "[-9223372036854775809]", "[-9223372036854775809.0]" },
    { "[123456789012345678901234567890]", "[123456789012345678901234567890.0]" },
    { "[10000000000000000000, -10000000000000000000]", "[10000000000000000000.0,-10000000000000000000.0]" },
    { "[9999999999999999999]", "[9999999999999999999.0]" },
    { "[999999999999999999, -999999999999999999]", "[999999999999999999,-999999999999999999]" },
    { "{\"big\" : 18446744073709551616 }", "{\"big\":18446744073709551616.0}" },
    { "18446744073709551616", "18446744073709551616.0" },
    /* Other numbers stay as they are */
    { "[0, -0, 1.5, -0.5e-3, 1e400, 1E+2, 2e-400]", "[0,-0,1.5,-0.5e-3,1e400,1E+2,2e-400]" },
    { "[123456789012345678901234567890.5, 123456789012345678901234567890e0]",
      "[123456789012345678901234567890.5,123456789012345678901234567890e0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("<");
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);
      AipJsonScan scan;

      g_test_message ("%s", escaped);

      /* Only strict text is compacted */
      aip_json_scan (cases[i].text, strlen (cases[i].text), &scan);
      g_assert_cmpint (scan.status, ==, AIP_JSON_SCAN_OK);
      aip_json_scan_clear (&scan);

      /* Appended to what is there */
      aip_json_compact_append (out, cases[i].text, cases[i].text + strlen (cases[i].text));
      g_assert_cmpint (out->str[0], ==, '<');
      g_assert_cmpstr (out->str + 1, ==, cases[i].compact);

      /* Which json-glib reads */
      if (out->len > 1)
        {
          json_parser_load_from_data (parser, out->str + 1, out->len - 1, &error);
          g_assert_no_error (error);
        }
    }

  /* What json-glib reads the numbers as */
  {
    static const char text[] =
      "[9223372036854775807, -9223372036854775808, 9223372036854775808, -9223372036854775809,"
      " 123456789012345678901234567890, 1.5]";
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *array;

    aip_json_compact_append (out, text, text + strlen (text));
    json_parser_load_from_data (parser, out->str, out->len, &error);
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));

    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 0)), ==, G_TYPE_INT64);
    g_assert_cmpint (json_array_get_int_element (array, 0), ==, G_MAXINT64);
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 1)), ==, G_TYPE_INT64);
    g_assert_cmpint (json_array_get_int_element (array, 1), ==, G_MININT64);
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 2)), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_array_get_double_element (array, 2), ==, 9223372036854775808.0);
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 3)), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_array_get_double_element (array, 3), ==, -9223372036854775809.0);
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 4)), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_array_get_double_element (array, 4), ==, 123456789012345678901234567890.0);
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 5)), ==, G_TYPE_DOUBLE);
  }

  /* And the strings: U+FFFD where the escape was */
  {
    static const char text[] = "[\"a\\u0000b\", \"\\ud800\", \"x\\udc00y\", \"\\ud83d\\ude00\"]";
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *array;

    aip_json_compact_append (out, text, text + strlen (text));
    json_parser_load_from_data (parser, out->str, out->len, &error);
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));

    g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "a" FFFD "b");
    g_assert_cmpstr (json_array_get_string_element (array, 1), ==, FFFD);
    g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "x" FFFD "y");
    g_assert_cmpstr (json_array_get_string_element (array, 3), ==, "\xf0\x9f\x98\x80");
  }
}

/* The response both paths give, equal, with every forced group size */
static AipResponse *
parse (const char *text)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  AipResponse *response;

  g_assert_true (compare (text));
  response = aip_response_new_from_bytes (body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);

  return response;
}

/* The only assistant of a response */
static AipAssistant *
only_assistant (AipResponse *response)
{
  GPtrArray *assistants = aip_response_get_assistants (response);

  g_assert_cmpuint (assistants->len, ==, 1);
  return assistants->pdata[0];
}

/* Both paths refuse the text with the message */
static void
assert_refused (const char *text,
                gsize       length,
                const char *message)
{
  g_autoptr(GBytes) body = g_bytes_new (text, length);
  g_autofree char *got = NULL;

  g_assert_false (compare_full (text, length, G_N_ELEMENTS (group_sizes), &got));
  g_assert_cmpstr (got, ==, message);

  for (guint g = 0; g < 2; g++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AipResponse) response = NULL;

      if (g == 0)
        response = aip_response_new_from_bytes (body, &error);
      else
        response = aip_response_new_from_bytes_sequential (body, &error);
      g_assert_null (response);
      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, ==, message);
    }
}

/* What RFC 8259 leaves to the implementation, and what the client makes of
 * it */
static void
test_implementation_defined (void)
{
  /* A surrogate without its other half reads as U+FFFD */
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"name\": \"a\\ud800b\"}]");

    g_assert_cmpstr (aip_assistant_get_name (only_assistant (response)), ==, "a" FFFD "b");
  }
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"name\": \"\\udc00\"}]");

    g_assert_cmpstr (aip_assistant_get_name (only_assistant (response)), ==, FFFD);
  }
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"name\": \"\\ud83d\\ude00\\ud83d\"}]");

    g_assert_cmpstr (aip_assistant_get_name (only_assistant (response)), ==, "\xf0\x9f\x98\x80" FFFD);
  }

  /* So does U+0000, and the rest of the text is kept */
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"name\": \"a\\u0000b\", \"system_prompt\": \"\\u0000 and the rest\"}]");
    AipAssistant *assistant = only_assistant (response);

    g_assert_cmpstr (aip_assistant_get_name (assistant), ==, "a" FFFD "b");
    g_assert_cmpstr (aip_assistant_get_system_prompt (assistant), ==, FFFD " and the rest");
  }

  /* An id beyond 64 bits is no id: the item is skipped */
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 12345678901234567890}, {\"id\": 2}]");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 2);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 1);
  }
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 9223372036854775807}, {\"id\": 9223372036854775808}]");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, G_MAXINT64);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 1);
  }
  assert_refused ("[{\"id\": 12345678901234567890}]", 30, NONE_USABLE);

  /* A variable beyond 64 bits is a double */
  {
    g_autoptr(AipResponse) response =
      parse ("[{\"id\": 5, \"variables\": {\"big\": 12345678901234567890, \"max\": 9223372036854775807, \"min\": -9223372036854775808}}]");
    AipAssistant *assistant = only_assistant (response);

    g_assert_cmpint (aip_assistant_get_id (assistant), ==, 5);
    g_assert_cmpuint (aip_assistant_get_n_variables (assistant), ==, 3);
    g_assert_cmpstr (aip_assistant_get_variable_name (assistant, 0), ==, "big");
    g_assert_cmpstr (aip_assistant_get_variable_value (assistant, 0), ==, "1.2345678901234567e+19");
    g_assert_cmpstr (aip_assistant_get_variable_value (assistant, 1), ==, "9223372036854775807");
    g_assert_cmpstr (aip_assistant_get_variable_value (assistant, 2), ==, "-9223372036854775808");
  }

  /* A number too large for a double is no id either */
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\":1e400}, {\"id\": 3}]");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 3);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 1);
  }
  assert_refused ("[{\"id\":1e400}]", 14, NONE_USABLE);

  /* A byte order mark at the very start is ignored */
  {
    g_autoptr(AipResponse) response = parse ("\xef\xbb\xbf[{\"id\": 4}]");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 4);
  }
  {
    g_autoptr(AipResponse) response = parse ("\xef\xbb\xbf{\"data\": [{\"id\": 6}]}");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 6);
  }

  /* Of members with the same name, the last counts */
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"name\": \"first\", \"name\": \"second\"}]");

    g_assert_cmpstr (aip_assistant_get_name (only_assistant (response)), ==, "second");
  }
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"n\\u0061me\": \"first\", \"name\": \"second\", \"id\": 2}]");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 2);
    g_assert_cmpstr (aip_assistant_get_name (only_assistant (response)), ==, "second");
  }
  {
    g_autoptr(AipResponse) response = parse ("[{\"id\": 1, \"name\": \"first\", \"n\\u0061me\": \"second\"}]");

    g_assert_cmpstr (aip_assistant_get_name (only_assistant (response)), ==, "second");
  }
  assert_refused ("[{\"id\": 1, \"id\": null}]", 23, NONE_USABLE);

  /* The last "data" too: it resets the items and the skipped count an
   * earlier one gave, however the items fell into groups */
  {
    static const char text[] = "{\"data\": [{\"id\": 1}, 2], \"data\": [{\"id\": 5}]}";
    static const guint sizes[] = { 0, 1, 2, 3 };
    g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));

    g_assert_true (compare (text));

    for (guint g = 0; g < G_N_ELEMENTS (sizes) + 1; g++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AipResponse) response = NULL;

        if (g < G_N_ELEMENTS (sizes))
          {
            aip_response_set_group_size (sizes[g]);
            response = aip_response_new_from_bytes (body, &error);
            aip_response_set_group_size (0);
          }
        else
          response = aip_response_new_from_bytes_sequential (body, &error);

        g_assert_no_error (error);
        g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 5);
        g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
      }
  }

  /* Root keys are decoded */
  {
    g_autoptr(AipResponse) response = parse ("{\"d\\u0061ta\": [{\"id\": 7}]}");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 7);
  }
  {
    g_autoptr(AipResponse) response = parse ("{\"data\": [{\"id\": 1}, 2], \"\\u0064ata\": [{\"id\": 8}]}");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 8);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
  }
}

/* A list must hold at least one assistant, unless it is empty */
static void
test_usable (void)
{
  static const char * const unusable[] = {
    "[1,2,3,\"x\",null,{}]",
    "{\"data\": [1]}",
    "{\"data\": [{\"id\": 1}], \"data\": [[{\"id\": 2}]]}",
    "[{\"id\": -1}, {\"id\": \"\"}, {\"id\": 1.5}, {\"ID\": 1}]",
  };
  static const char * const empty[] = {
    "[]",
    " [ ] ",
    "{\"data\": []}",
    "{\"data\": [1, 2], \"data\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unusable); i++)
    assert_refused (unusable[i], strlen (unusable[i]), NONE_USABLE);

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(AipResponse) response = parse (empty[i]);

      g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 0);
      g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
    }

  /* One usable is enough */
  {
    g_autoptr(AipResponse) response = parse ("[1,2,3,\"x\",null,{},{\"id\": \"12\"}]");

    g_assert_cmpint (aip_assistant_get_id (only_assistant (response)), ==, 12);
    g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 6);
  }

  /* Other refusals, each with its message */
  assert_refused ("", 0, EMPTY);
  assert_refused (" \r\n\t", 4, EMPTY);
  assert_refused ("\xef\xbb\xbf", 3, EMPTY);
  assert_refused ("{\"items\": []}", 13, NOT_A_LIST);
  assert_refused ("\"[]\"", 4, NOT_A_LIST);
  assert_refused ("[{\"id\": 1}", 10, UNREADABLE);
  assert_refused ("[{\"id\": 1}]\xff", 12, NOT_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/scan", test_scan);
  g_test_add_func ("/json-scan/scan-full", test_scan_full);
  g_test_add_func ("/json-scan/compact", test_compact);
  g_test_add_func ("/json-scan/compact-items", test_compact_items);
  g_test_add_func ("/json-scan/fixtures", test_fixtures);
  g_test_add_func ("/json-scan/documents", test_documents);
  g_test_add_func ("/json-scan/implementation-defined", test_implementation_defined);
  g_test_add_func ("/json-scan/usable", test_usable);
  g_test_add_func ("/json-scan/depth", test_depth);
  g_test_add_func ("/json-scan/depth-not-text", test_depth_not_text);
  g_test_add_func ("/json-scan/group-boundaries", test_group_boundaries);
  g_test_add_func ("/json-scan/truncated", test_truncated);
  g_test_add_func ("/json-scan/large", test_large);
  g_test_add_func ("/json-scan/random", test_random);
  g_test_add_func ("/json-scan/mutations", test_mutations);

  return g_test_run ();
}
