/* test-response.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "aip-client-error.h"
#include "aip-test-json.h"
#include "aip-response.h"

#define NOT_A_LIST "The server sent a response that is not a list of assistants"
#define UNREADABLE "The server sent a response that could not be read"
#define NOT_TEXT "The server sent a response that is not readable text"
#define EMPTY "The server sent an empty response instead of the list of assistants"
#define NONE_USABLE "The server sent a list in which no item is a usable assistant"

static AipResponse *
parse_len (const char *text,
           gsize       length,
           GError    **error)
{
  g_autoptr(GBytes) body = g_bytes_new (text, length);

  return aip_response_new_from_bytes (body, error);
}

static AipResponse *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  AipResponse *response = parse_len (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (response);

  return response;
}

static void
expect_error_len (const char *text,
                  gsize       length,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AipResponse) response = parse_len (text, length, &error);

  g_assert_null (response);
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
expect_error (const char *text,
              const char *message)
{
  expect_error_len (text, strlen (text), message);
}

static void
assert_ids (AipResponse  *response,
            const gint64 *ids,
            guint         n_ids)
{
  GPtrArray *assistants = aip_response_get_assistants (response);

  g_assert_cmpuint (assistants->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (aip_assistant_get_id (assistants->pdata[i]), ==, ids[i]);
}

static void
check_fixture (gconstpointer data)
{
  g_autoptr(GBytes) body = aip_test_fixture (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(AipResponse) response = aip_response_new_from_bytes (body, &error);
  GPtrArray *assistants;
  AipAssistant *first;

  g_assert_no_error (error);
  g_assert_true (aip_response_get_body (response) == body);
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);

  assistants = aip_response_get_assistants (response);
  g_assert_cmpuint (assistants->len, ==, 2);
  first = assistants->pdata[0];
  g_assert_cmpint (aip_assistant_get_id (first), ==, 123);
  g_assert_cmpstr (aip_assistant_get_name (first), ==, "Sales Outbound Assistant");
  g_assert_cmpstr (aip_assistant_get_variable_value (first, 1), ==, "Premium Services");
  g_assert_cmpint (aip_assistant_get_id (assistants->pdata[1]), ==, 124);
  g_assert_null (aip_assistant_get_webhook_url (assistants->pdata[1]));
}

static void
test_skipped (void)
{
  g_autoptr(AipResponse) response =
    parse_ok ("[1, \"x\", null, true, [], [{\"id\": 9}], {\"name\": \"no id\"}, {\"id\": \"abc\"},"
              " {\"id\": 5, \"name\": \"five\"}, {\"id\": -1}, {\"id\": null}, {\"id\": 1.5}, {\"id\": \"6\"}]");
  static const gint64 ids[] = { 5, 6 };

  assert_ids (response, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 11);
  g_assert_cmpstr (aip_assistant_get_name (aip_response_get_assistants (response)->pdata[0]), ==, "five");
}

static void
test_shapes (void)
{
  static const struct
  {
    const char *text;
    gint64      ids[3];
    guint       n_ids;
  } cases[] = {
    { "[]", { 0 }, 0 },
    { "{\"data\": []}", { 0 }, 0 },
    { " \n\t[ {\"id\" : 1} ]\r\n ", { 1 }, 1 },
    { "[{\"id\":1},{\"id\":2},{\"id\":3}]", { 1, 2, 3 }, 3 },
    { "{\"data\": [{\"id\": 1}, {\"id\": 2}]}", { 1, 2 }, 2 },
    { "{\"meta\": {\"data\": [{\"id\": 8}], \"x\": [1, {\"y\": 2}]}, \"total\": 1, \"data\": [{\"id\": 1}]}", { 1 }, 1 },
    { "{\"data\": [{\"id\": 1}], \"links\": {\"next\": null}}", { 1 }, 1 },
    /* The last of repeated members counts */
    { "{\"data\": [{\"id\": 1}], \"data\": [{\"id\": 2}, {\"id\": 3}]}", { 2, 3 }, 2 },
    { "{\"data\": 5, \"data\": [{\"id\": 2}]}", { 2 }, 1 },
    /* Duplicate ids are the server's business: both are shown */
    { "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}]", { 1, 1 }, 2 },
    /* A byte order mark at the start is not part of the text */
    { "\xef\xbb\xbf[{\"id\": 1}]", { 1 }, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipResponse) response = NULL;

      g_test_message ("%s", cases[i].text);
      response = parse_ok (cases[i].text);
      assert_ids (response, cases[i].ids, cases[i].n_ids);
      g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
    }
}

static void
test_wrong_root (void)
{
  static const char * const cases[] = {
    "\"assistants\"", "42", "-1.5", "true", "null", "{}", "{\"items\": []}", "{\"data\": {}}",
    "{\"data\": \"[]\"}", "{\"data\": null}", "{\"data\": [{\"id\": 1}], \"data\": {}}",
    "{\"Data\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i]);
      expect_error (cases[i], NOT_A_LIST);
    }

  expect_error ("", EMPTY);
  expect_error (" \n\t ", EMPTY);
}

static void
test_not_json (void)
{
  static const char * const cases[] = {
    "hello", "<html><body>502 Bad Gateway</body></html>", "[", "{", "[1,]", "[1 2]",
    "{\"data\": [}", "[{\"id\": 1}", "[{\"id\": 1},", "[{\"id\": 1}] x", "[\"unterminated]",
    "{\"id\" 1}", "[NaN]", "[1] ,",
    /* What json-glib also takes, but is not JSON */
    "[{'id': 1}]", "[/* c */ {\"id\": 1}]", "[{\"id\": 01}]", "[{\"id\": 1, \"x\": .5}]",
    "[{\"id\": 1, \"x\": 1.}]", "[{\"id\": 1, \"x\": 0x1}]", "[{\"id\": 1, \"x\": 2.e3}]",
    "[{\"id\": 1, \"name\": \"a\tb\"}]", "[{\"id\": 1, \"name\": \"a\nb\"}]",
    "[{\"id\": 1, \"name\": \"\\x41\"}]", "[{\"id\": 1,}]", "[-01]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i]);
      expect_error (cases[i], UNREADABLE);
    }
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) body = aip_test_fixture ("outbound-assistants.json");
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  /* Cut anywhere before the final bracket, it is broken */
  for (gsize cut = 1; cut < length; cut += 7)
    {
      gsize end = cut;

      while (end > 0 && g_ascii_isspace (data[end - 1]))
        end--;
      if (end > 0 && data[end - 1] == ']')
        continue;
      expect_error_len (data, cut, UNREADABLE);
    }
}

static void
test_invalid_utf8 (void)
{
#define TEXT(s) { s, sizeof (s) - 1 }
  static const struct
  {
    const char *text;
    gsize       length;
  } cases[] = {
    TEXT ("[{\"id\": 1, \"name\": \"\xff\"}]"),
    TEXT ("[{\"id\": 1, \"name\": \"\xc0\xaf\"}]"),
    TEXT ("[{\"id\": 1, \"name\": \"\xed\xa0\x80\"}]"),
    TEXT ("[{\"id\": 1, \"name\": \"\xf4\x90\x80\x80\"}]"),
    TEXT ("[{\"id\": 1, \"name\": \"caf\xc3\"}]"),
    TEXT ("[{\"id\": 1}]\xe2\x82"),
    TEXT ("[{\"id\": 1, \"name\": \"a\0b\"}]"),
    TEXT ("[{\"id\": 1}]\0"),
    TEXT ("[/* \xff */ {\"id\": 1}]"),
    /* Not text is said first, however else the body is broken */
    TEXT ("[[[[{\"id\": 1, \"name\": \"\xff\""),
    TEXT ("{\"data\": \xfe}"),
  };
#undef TEXT

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    expect_error_len (cases[i].text, cases[i].length, NOT_TEXT);

  /* Valid non-ASCII text is fine */
  {
    g_autoptr(AipResponse) response = parse_ok ("[{\"id\": 1, \"name\": \"Асистент 😀 €\"}]");

    g_assert_cmpstr (aip_assistant_get_name (aip_response_get_assistants (response)->pdata[0]), ==, "Асистент 😀 €");
  }
}

/* The root array is level 1: 64 levels are read, 65 are not */
static void
test_depth (void)
{
  static const struct
  {
    const char *prefix;
    const char *suffix;
    guint       outer;
  } shapes[] = {
    { "[{\"id\": 1}, ", "]", 1 },
    { "[{\"id\": 1, \"variables\": {\"v\": ", "}}]", 3 },
    { "{\"data\": [{\"id\": 1, \"x\": ", "}]}", 3 },
    { "{\"other\": ", ", \"data\": [{\"id\": 1}]}", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *ok = aip_test_nested (64 - shapes[i].outer, shapes[i].prefix, shapes[i].suffix);
      g_autofree char *deep = aip_test_nested (65 - shapes[i].outer, shapes[i].prefix, shapes[i].suffix);
      g_autoptr(AipResponse) response = NULL;

      g_test_message ("%s", ok);
      response = parse_ok (ok);
      expect_error (deep, UNREADABLE);
    }

  /* Deep enough to overflow json-glib's stack, were it to see it */
  {
    g_autofree char *very = aip_test_nested (200000, "", "");

    expect_error (very, UNREADABLE);
  }

  /* 65 deep and not UTF-8: not text, first */
  {
    g_autofree char *deep_bytes = aip_test_nested (65, "[\"\xff\", ", "");

    expect_error (deep_bytes, NOT_TEXT);
  }

  /* Brackets inside strings are not nesting */
  {
    g_autofree char *brackets = g_strnfill (100000, '[');
    g_autofree char *in_string = g_strdup_printf ("[{\"id\": 1, \"name\": \"%s\"}]", brackets);
    g_autoptr(AipResponse) a = parse_ok (in_string);

    g_assert_cmpuint (strlen (aip_assistant_get_name (aip_response_get_assistants (a)->pdata[0])), ==, 100000);
  }
}

static void
test_huge_numbers (void)
{
  g_autoptr(AipResponse) response =
    parse_ok ("[{\"id\": 1e400}, {\"id\": 123456789012345678901234567890}, {\"id\": -0},"
              " {\"id\": 7, \"voice_id\": 99999999999999999999, \"user_id\": 1e308,"
              " \"variables\": {\"big\": 123456789012345678901234567890, \"small\": 1e-400}}]");
  AipAssistant *a;

  g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 2);
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 2);
  g_assert_cmpint (aip_assistant_get_id (aip_response_get_assistants (response)->pdata[0]), ==, 0);
  a = aip_response_get_assistants (response)->pdata[1];
  g_assert_cmpint (aip_assistant_get_id (a), ==, 7);
  g_assert_cmpint (aip_assistant_get_voice_id (a), ==, AIP_ASSISTANT_NO_ID);
  g_assert_cmpint (aip_assistant_get_user_id (a), ==, AIP_ASSISTANT_NO_ID);
  g_assert_cmpuint (aip_assistant_get_n_variables (a), ==, 2);
  /* Beyond 64 bits is a double, on every json-glib; too small is zero */
  g_assert_cmpstr (aip_assistant_get_variable_value (a, 0), ==, "1.2345678901234568e+29");
  g_assert_cmpstr (aip_assistant_get_variable_value (a, 1), ==, "0.0");
}

/* What RFC 8259 leaves to each parser, decided once (HACKING.md) */
static void
test_implementation_defined (void)
{
  g_autoptr(AipResponse) response =
    parse_ok ("\xef\xbb\xbf[{\"id\": 1, \"name\": \"a\\ud800b\", \"mode\": \"\\udc00\"},"
              " {\"id\": 2, \"name\": \"a\\u0000b\", \"mode\": \"\\ud83d\\ude00\"},"
              " {\"id\": 3, \"name\": \"first\", \"name\": \"last\"},"
              " {\"id\": 9223372036854775807}, {\"id\": 9223372036854775808}]");
  GPtrArray *assistants = aip_response_get_assistants (response);

  g_assert_cmpuint (assistants->len, ==, 4);
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 1);
  /* Lone surrogates and NUL are U+FFFD; a pair is its character */
  g_assert_cmpstr (aip_assistant_get_name (assistants->pdata[0]), ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (aip_assistant_get_mode (assistants->pdata[0]), ==, "\xef\xbf\xbd");
  g_assert_cmpstr (aip_assistant_get_name (assistants->pdata[1]), ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (aip_assistant_get_mode (assistants->pdata[1]), ==, "😀");
  /* The last of duplicate members */
  g_assert_cmpstr (aip_assistant_get_name (assistants->pdata[2]), ==, "last");
  g_assert_cmpint (aip_assistant_get_id (assistants->pdata[3]), ==, G_MAXINT64);
}

/* A later "data" member replaces what an earlier one held, skipped items
 * included; an escaped key is the same key. */
static void
test_later_data (void)
{
  g_autoptr(AipResponse) response =
    parse_ok ("{\"data\": [{\"id\": 1}, 2, 3], \"d\\u0061ta\": [{\"id\": 5}], \"x\": 1}");
  static const gint64 ids[] = { 5 };

  assert_ids (response, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
  expect_error ("{\"data\": [{\"id\": 1}], \"data\": 5}", NOT_A_LIST);
}

/* A list of nothing usable must not replace one that was */
static void
test_none_usable (void)
{
  g_autoptr(AipResponse) empty = parse_ok ("[]");

  g_assert_cmpuint (aip_response_get_assistants (empty)->len, ==, 0);
  expect_error ("[1, 2, 3, \"x\", null, {}]", NONE_USABLE);
  expect_error ("{\"data\": [{\"id\": -1}]}", NONE_USABLE);
}

static void
test_steal (void)
{
  g_autoptr(AipResponse) response = parse_ok ("[{\"id\": 1}, {\"id\": 2}]");
  g_autoptr(GPtrArray) stolen = aip_response_steal_assistants (response);

  g_assert_cmpuint (stolen->len, ==, 2);
  g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 0);
  g_assert_cmpint (aip_assistant_get_id (stolen->pdata[1]), ==, 2);
}

/* The assistants outlive the response and its body */
static void
test_lifetime (void)
{
  g_autoptr(GPtrArray) assistants = NULL;
  AipAssistant *first;

  {
    g_autoptr(AipResponse) response = parse_ok ("[{\"id\": 1, \"status\": \"active\", \"name\": \"n\"}]");

    assistants = g_ptr_array_ref (aip_response_get_assistants (response));
  }

  first = assistants->pdata[0];
  g_assert_cmpstr (aip_assistant_get_status (first), ==, "active");
  g_assert_cmpstr (aip_assistant_get_name (first), ==, "n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/response/fixture/bare", "outbound-assistants.json", check_fixture);
  g_test_add_data_func ("/response/fixture/wrapped", "outbound-assistants-wrapped.json", check_fixture);
  g_test_add_func ("/response/skipped", test_skipped);
  g_test_add_func ("/response/shapes", test_shapes);
  g_test_add_func ("/response/wrong-root", test_wrong_root);
  g_test_add_func ("/response/not-json", test_not_json);
  g_test_add_func ("/response/truncated", test_truncated);
  g_test_add_func ("/response/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/response/depth", test_depth);
  g_test_add_func ("/response/huge-numbers", test_huge_numbers);
  g_test_add_func ("/response/implementation-defined", test_implementation_defined);
  g_test_add_func ("/response/later-data", test_later_data);
  g_test_add_func ("/response/none-usable", test_none_usable);
  g_test_add_func ("/response/steal", test_steal);
  g_test_add_func ("/response/lifetime", test_lifetime);

  return g_test_run ();
}
