/* test-assistant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "aip-assistant-json.h"
#include "aip-fold.h"
#include "aip-json-compact.h"

/* A complete item; edge cases change one member of it */
static const char base_item[] =
  "{"
  "\"id\": 123, \"user_id\": 1, \"name\": \"Sales Outbound Assistant\","
  "\"type\": \"outbound\", \"mode\": \"pipeline\", \"status\": \"active\","
  "\"voice_id\": 8, \"language_id\": 1, \"timezone\": \"America/New_York\","
  "\"initial_message\": \"Hi, this is Sarah.\","
  "\"system_prompt\": \"You are a sales representative.\","
  "\"variables\": {\"company_name\": \"Your Company\", \"product_line\": \"Premium Services\"},"
  "\"webhook_url\": \"https://yourcompany.com/api/webhooks/outbound-calls\","
  "\"is_webhook_active\": true,"
  "\"created_at\": \"2025-07-15T14:32:15.000000Z\","
  "\"updated_at\": \"2025-08-02T09:18:42.000000Z\""
  "}";

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* As a response's items reach json-glib, so that every version reads
   * the same values */
  aip_json_compact_append (compact, text, text + strlen (text));
  json_parser_load_from_data (parser, compact->str, compact->len, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static AipAssistant *
assistant_from_text (const char *text)
{
  g_autoptr(JsonNode) node = parse (text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return aip_assistant_new_from_json (json_node_get_object (node), NULL);
}

/* The base item with one member replaced (value_json) or removed (NULL) */
static AipAssistant *
assistant_with (const char *member,
                const char *value_json)
{
  g_autoptr(JsonNode) node = parse (base_item);
  JsonObject *object = json_node_get_object (node);

  if (value_json != NULL)
    json_object_set_member (object, member, parse (value_json));
  else
    json_object_remove_member (object, member);

  return aip_assistant_new_from_json (object, NULL);
}

static char *
date_text (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S.%f%z");
}

static char *
to_json_text (AipAssistant *assistant)
{
  GString *out = g_string_new (NULL);

  aip_assistant_append_json (assistant, out, -1);

  return g_string_free (out, FALSE);
}

static void
assert_same_dates (GDateTime *a,
                   GDateTime *b)
{
  g_autofree char *ta = date_text (a);
  g_autofree char *tb = date_text (b);

  g_assert_cmpstr (ta, ==, tb);
}

static void
assert_same_assistant (AipAssistant *a,
                       AipAssistant *b)
{
  g_assert_cmpint (aip_assistant_get_id (a), ==, aip_assistant_get_id (b));
  g_assert_cmpint (aip_assistant_get_user_id (a), ==, aip_assistant_get_user_id (b));
  g_assert_cmpstr (aip_assistant_get_name (a), ==, aip_assistant_get_name (b));
  g_assert_cmpstr (aip_assistant_get_kind (a), ==, aip_assistant_get_kind (b));
  g_assert_cmpstr (aip_assistant_get_mode (a), ==, aip_assistant_get_mode (b));
  g_assert_cmpstr (aip_assistant_get_status (a), ==, aip_assistant_get_status (b));
  g_assert_cmpint (aip_assistant_get_voice_id (a), ==, aip_assistant_get_voice_id (b));
  g_assert_cmpint (aip_assistant_get_language_id (a), ==, aip_assistant_get_language_id (b));
  g_assert_cmpstr (aip_assistant_get_timezone (a), ==, aip_assistant_get_timezone (b));
  g_assert_cmpstr (aip_assistant_get_initial_message (a), ==, aip_assistant_get_initial_message (b));
  g_assert_cmpstr (aip_assistant_get_system_prompt (a), ==, aip_assistant_get_system_prompt (b));
  g_assert_cmpuint (aip_assistant_get_n_variables (a), ==, aip_assistant_get_n_variables (b));
  for (guint i = 0; i < aip_assistant_get_n_variables (a); i++)
    {
      g_assert_cmpstr (aip_assistant_get_variable_name (a, i), ==, aip_assistant_get_variable_name (b, i));
      g_assert_cmpstr (aip_assistant_get_variable_value (a, i), ==, aip_assistant_get_variable_value (b, i));
    }
  g_assert_cmpstr (aip_assistant_get_variables_json (a), ==, aip_assistant_get_variables_json (b));
  g_assert_cmpstr (aip_assistant_get_webhook_url (a), ==, aip_assistant_get_webhook_url (b));
  g_assert_cmpint (aip_assistant_get_webhook_active (a), ==, aip_assistant_get_webhook_active (b));
  assert_same_dates (aip_assistant_get_created_at (a), aip_assistant_get_created_at (b));
  assert_same_dates (aip_assistant_get_updated_at (a), aip_assistant_get_updated_at (b));
  g_assert_cmpstr (aip_assistant_get_search_text (a), ==, aip_assistant_get_search_text (b));
  g_assert_cmpstr (aip_assistant_get_name_key (a), ==, aip_assistant_get_name_key (b));
}

/* Through text, as the command line's JSON output goes, and back */
static void
assert_round_trip (AipAssistant *assistant)
{
  g_autofree char *text = to_json_text (assistant);
  g_autoptr(AipAssistant) again = assistant_from_text (text);
  g_autofree char *text_again = NULL;

  g_assert_nonnull (again);
  assert_same_assistant (assistant, again);
  text_again = to_json_text (again);
  g_assert_cmpstr (text, ==, text_again);
}

static void
assert_date (GDateTime  *date,
             const char *expected)
{
  g_autofree char *text = date_text (date);

  g_assert_cmpstr (text, ==, expected);
}

static JsonArray *
fixture_items (const char  *file,
               JsonParser **parser_out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    root = json_object_get_member (json_node_get_object (root), "data");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  *parser_out = g_steal_pointer (&parser);
  return json_node_get_array (root);
}

static void
check_fixture (gconstpointer data)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) strings = aip_assistant_new_string_table ();
  JsonArray *items = fixture_items (data, &parser);
  g_autoptr(AipAssistant) a = NULL;
  g_autoptr(AipAssistant) b = NULL;

  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  a = aip_assistant_new_from_json (json_array_get_object_element (items, 0), strings);
  b = aip_assistant_new_from_json (json_array_get_object_element (items, 1), strings);
  g_assert_nonnull (a);
  g_assert_nonnull (b);

  g_assert_cmpint (aip_assistant_get_id (a), ==, 123);
  g_assert_cmpint (aip_assistant_get_user_id (a), ==, 1);
  g_assert_cmpstr (aip_assistant_get_name (a), ==, "Sales Outbound Assistant");
  g_assert_cmpstr (aip_assistant_get_kind (a), ==, "outbound");
  g_assert_cmpstr (aip_assistant_get_mode (a), ==, "pipeline");
  g_assert_cmpstr (aip_assistant_get_status (a), ==, "active");
  g_assert_true (aip_assistant_is_active (a));
  g_assert_cmpint (aip_assistant_get_voice_id (a), ==, 8);
  g_assert_cmpint (aip_assistant_get_language_id (a), ==, 1);
  g_assert_cmpstr (aip_assistant_get_timezone (a), ==, "America/New_York");
  g_assert_cmpstr (aip_assistant_get_initial_message (a), ==,
                   "Hi, this is Sarah from Your Company. I hope I'm catching you at a good time. How are you doing today?");
  g_assert_cmpstr (aip_assistant_get_system_prompt (a), ==,
                   "You are a sales representative for Your Company. Be professional, friendly, and focus on qualifying leads.");
  g_assert_cmpuint (aip_assistant_get_n_variables (a), ==, 2);
  g_assert_cmpstr (aip_assistant_get_variable_name (a, 0), ==, "company_name");
  g_assert_cmpstr (aip_assistant_get_variable_value (a, 0), ==, "Your Company");
  g_assert_cmpstr (aip_assistant_get_variable_name (a, 1), ==, "product_line");
  g_assert_cmpstr (aip_assistant_get_variable_value (a, 1), ==, "Premium Services");
  g_assert_true (aip_assistant_has_variable (a, "product_line"));
  g_assert_false (aip_assistant_has_variable (a, "purpose"));
  g_assert_cmpstr (aip_assistant_get_variables_json (a), ==,
                   "{\"company_name\":\"Your Company\",\"product_line\":\"Premium Services\"}");
  g_assert_cmpstr (aip_assistant_get_webhook_url (a), ==, "https://yourcompany.com/api/webhooks/outbound-calls");
  g_assert_true (aip_assistant_get_webhook_active (a));
  assert_date (aip_assistant_get_created_at (a), "2025-07-15T14:32:15.000000+0000");
  assert_date (aip_assistant_get_updated_at (a), "2025-08-02T09:18:42.000000+0000");

  g_assert_cmpint (aip_assistant_get_id (b), ==, 124);
  g_assert_cmpint (aip_assistant_get_user_id (b), ==, 1);
  g_assert_cmpstr (aip_assistant_get_name (b), ==, "Follow-up Assistant");
  g_assert_cmpstr (aip_assistant_get_kind (b), ==, "outbound");
  g_assert_cmpstr (aip_assistant_get_mode (b), ==, "multimodal");
  g_assert_cmpstr (aip_assistant_get_status (b), ==, "inactive");
  g_assert_false (aip_assistant_is_active (b));
  g_assert_cmpint (aip_assistant_get_voice_id (b), ==, 12);
  g_assert_cmpint (aip_assistant_get_language_id (b), ==, 1);
  g_assert_cmpstr (aip_assistant_get_timezone (b), ==, "America/Los_Angeles");
  g_assert_cmpstr (aip_assistant_get_initial_message (b), ==,
                   "Hello! I'm calling to follow up on our previous conversation. Do you have a few minutes to chat?");
  g_assert_cmpstr (aip_assistant_get_system_prompt (b), ==,
                   "You are a follow-up specialist. Be warm and professional while gathering feedback and next steps.");
  g_assert_cmpuint (aip_assistant_get_n_variables (b), ==, 2);
  g_assert_cmpstr (aip_assistant_get_variable_name (b, 0), ==, "purpose");
  g_assert_cmpstr (aip_assistant_get_variable_value (b, 0), ==, "follow_up");
  g_assert_cmpstr (aip_assistant_get_variable_name (b, 1), ==, "max_duration");
  g_assert_cmpstr (aip_assistant_get_variable_value (b, 1), ==, "5_minutes");
  g_assert_cmpstr (aip_assistant_get_variables_json (b), ==,
                   "{\"purpose\":\"follow_up\",\"max_duration\":\"5_minutes\"}");
  g_assert_null (aip_assistant_get_webhook_url (b));
  g_assert_false (aip_assistant_get_webhook_active (b));
  assert_date (aip_assistant_get_created_at (b), "2025-07-20T10:15:30.000000+0000");
  assert_date (aip_assistant_get_updated_at (b), "2025-07-25T16:45:22.000000+0000");

  /* One table, one copy of each short text */
  g_assert_true (aip_assistant_get_kind (a) == aip_assistant_get_kind (b));

  assert_round_trip (a);
  assert_round_trip (b);
}

static void
test_properties (void)
{
  g_autoptr(AipAssistant) a = assistant_from_text (base_item);
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *name = NULL, *type = NULL, *mode = NULL, *status = NULL, *timezone = NULL;
  g_autofree char *initial = NULL, *prompt = NULL, *variables = NULL, *webhook = NULL;
  gint64 id, user_id, voice_id, language_id;
  gboolean active;

  g_object_get (a,
                "id", &id, "user-id", &user_id, "name", &name, "type", &type,
                "mode", &mode, "status", &status, "voice-id", &voice_id,
                "language-id", &language_id, "timezone", &timezone,
                "initial-message", &initial, "system-prompt", &prompt,
                "variables-json", &variables, "webhook-url", &webhook,
                "is-webhook-active", &active, "created-at", &created,
                "updated-at", &updated, NULL);

  g_assert_cmpint (id, ==, aip_assistant_get_id (a));
  g_assert_cmpint (user_id, ==, aip_assistant_get_user_id (a));
  g_assert_cmpstr (name, ==, aip_assistant_get_name (a));
  g_assert_cmpstr (type, ==, aip_assistant_get_kind (a));
  g_assert_cmpstr (mode, ==, aip_assistant_get_mode (a));
  g_assert_cmpstr (status, ==, aip_assistant_get_status (a));
  g_assert_cmpint (voice_id, ==, aip_assistant_get_voice_id (a));
  g_assert_cmpint (language_id, ==, aip_assistant_get_language_id (a));
  g_assert_cmpstr (timezone, ==, aip_assistant_get_timezone (a));
  g_assert_cmpstr (initial, ==, aip_assistant_get_initial_message (a));
  g_assert_cmpstr (prompt, ==, aip_assistant_get_system_prompt (a));
  g_assert_cmpstr (variables, ==, aip_assistant_get_variables_json (a));
  g_assert_cmpstr (webhook, ==, aip_assistant_get_webhook_url (a));
  g_assert_cmpint (active, ==, aip_assistant_get_webhook_active (a));
  g_assert_true (g_date_time_equal (created, aip_assistant_get_created_at (a)));
  g_assert_true (g_date_time_equal (updated, aip_assistant_get_updated_at (a)));
}

typedef enum
{
  FIELD_INT,
  FIELD_STRING,
  FIELD_BOOLEAN,
  FIELD_DATE,
  FIELD_VARIABLES,
} FieldKind;

static const struct
{
  const char *member;
  FieldKind   kind;
} fields[] = {
  { "user_id", FIELD_INT },
  { "voice_id", FIELD_INT },
  { "language_id", FIELD_INT },
  { "name", FIELD_STRING },
  { "type", FIELD_STRING },
  { "mode", FIELD_STRING },
  { "status", FIELD_STRING },
  { "timezone", FIELD_STRING },
  { "initial_message", FIELD_STRING },
  { "system_prompt", FIELD_STRING },
  { "webhook_url", FIELD_STRING },
  { "is_webhook_active", FIELD_BOOLEAN },
  { "created_at", FIELD_DATE },
  { "updated_at", FIELD_DATE },
  { "variables", FIELD_VARIABLES },
};

static gint64
int_field (AipAssistant *a,
           const char   *member)
{
  if (g_str_equal (member, "user_id"))
    return aip_assistant_get_user_id (a);
  if (g_str_equal (member, "voice_id"))
    return aip_assistant_get_voice_id (a);
  return aip_assistant_get_language_id (a);
}

static const char *
string_field (AipAssistant *a,
              const char   *member)
{
  if (g_str_equal (member, "name"))
    return aip_assistant_get_name (a);
  if (g_str_equal (member, "type"))
    return aip_assistant_get_kind (a);
  if (g_str_equal (member, "mode"))
    return aip_assistant_get_mode (a);
  if (g_str_equal (member, "status"))
    return aip_assistant_get_status (a);
  if (g_str_equal (member, "timezone"))
    return aip_assistant_get_timezone (a);
  if (g_str_equal (member, "initial_message"))
    return aip_assistant_get_initial_message (a);
  if (g_str_equal (member, "system_prompt"))
    return aip_assistant_get_system_prompt (a);
  return aip_assistant_get_webhook_url (a);
}

static GDateTime *
date_field (AipAssistant *a,
            const char   *member)
{
  if (g_str_equal (member, "created_at"))
    return aip_assistant_get_created_at (a);
  return aip_assistant_get_updated_at (a);
}

/* Every field absent, null, or of each wrong type reads as absent; the
 * item itself is kept. */
static void
test_absent_fields (void)
{
  static const char * const values[] = {
    NULL, "null", "7", "-3", "2.5", "true", "false", "\"text\"", "[]", "[1, 2]", "{}", "{\"a\": 1}",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          const char *member = fields[f].member;
          const char *value = values[v];
          g_autoptr(AipAssistant) a = assistant_with (member, value);
          gboolean right_type;

          g_test_message ("%s = %s", member, value != NULL ? value : "(missing)");
          g_assert_nonnull (a);
          g_assert_cmpint (aip_assistant_get_id (a), ==, 123);

          switch (fields[f].kind)
            {
            case FIELD_INT:
              if (g_strcmp0 (value, "7") == 0)
                g_assert_cmpint (int_field (a, member), ==, 7);
              else
                g_assert_cmpint (int_field (a, member), ==, AIP_ASSISTANT_NO_ID);
              break;

            case FIELD_STRING:
              if (g_strcmp0 (value, "\"text\"") == 0)
                g_assert_cmpstr (string_field (a, member), ==, "text");
              else
                g_assert_null (string_field (a, member));
              break;

            case FIELD_BOOLEAN:
              g_assert_cmpint (aip_assistant_get_webhook_active (a), ==, g_strcmp0 (value, "true") == 0);
              break;

            case FIELD_DATE:
              g_assert_null (date_field (a, member));
              break;

            case FIELD_VARIABLES:
              right_type = value != NULL && value[0] == '{';
              if (right_type)
                g_assert_nonnull (aip_assistant_get_variables_json (a));
              else
                {
                  g_assert_null (aip_assistant_get_variables_json (a));
                  g_assert_cmpuint (aip_assistant_get_n_variables (a), ==, 0);
                }
              break;

            default:
              g_assert_not_reached ();
            }

          assert_round_trip (a);
        }
    }
}

static void
test_ids (void)
{
  static const struct
  {
    const char *id;
    gint64      expected;
  } cases[] = {
    { "123", 123 },
    { "0", 0 },
    { "9223372036854775807", G_MAXINT64 },
    { "\"456\"", 456 },
    { "\"0123\"", 123 },
    { "\"9223372036854775807\"", G_MAXINT64 },
    /* No usable id: the item is skipped */
    { NULL, -1 },
    { "null", -1 },
    { "-1", -1 },
    { "-5", -1 },
    { "12.0", -1 },
    { "1e3", -1 },
    { "true", -1 },
    { "\"\"", -1 },
    { "\"abc\"", -1 },
    { "\"12a\"", -1 },
    { "\" 12\"", -1 },
    { "\"+12\"", -1 },
    { "\"-12\"", -1 },
    { "\"1.5\"", -1 },
    { "\"9223372036854775808\"", -1 },
    /* Beyond 64 bits: a double, on every json-glib */
    { "9223372036854775808", -1 },
    { "123456789012345678901234567890", -1 },
    { "[]", -1 },
    { "{}", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipAssistant) a = assistant_with ("id", cases[i].id);

      g_test_message ("id = %s", cases[i].id != NULL ? cases[i].id : "(missing)");
      if (cases[i].expected < 0)
        g_assert_null (a);
      else
        {
          g_assert_nonnull (a);
          g_assert_cmpint (aip_assistant_get_id (a), ==, cases[i].expected);
        }
    }

  /* The same leniency for the other ids */
  {
    g_autoptr(AipAssistant) a = assistant_with ("voice_id", "\"42\"");

    g_assert_cmpint (aip_assistant_get_voice_id (a), ==, 42);
  }
}

static void
test_unknown_values (void)
{
  g_autoptr(AipAssistant) a = assistant_from_text ("{\"id\": 1, \"status\": \"paused\", \"mode\": \"telepathy\","
                                                   " \"type\": \"inbound\", \"timezone\": \"Mars/Olympus_Mons\","
                                                   " \"future_field\": {\"x\": [1, 2]}}");

  g_assert_cmpstr (aip_assistant_get_status (a), ==, "paused");
  g_assert_false (aip_assistant_is_active (a));
  g_assert_cmpstr (aip_assistant_get_mode (a), ==, "telepathy");
  g_assert_cmpstr (aip_assistant_get_kind (a), ==, "inbound");
  g_assert_cmpstr (aip_assistant_get_timezone (a), ==, "Mars/Olympus_Mons");
  assert_round_trip (a);
}

static void
test_minimal (void)
{
  g_autoptr(AipAssistant) a = assistant_from_text ("{\"id\": 5}");

  g_assert_cmpint (aip_assistant_get_id (a), ==, 5);
  g_assert_cmpint (aip_assistant_get_user_id (a), ==, AIP_ASSISTANT_NO_ID);
  g_assert_cmpint (aip_assistant_get_voice_id (a), ==, AIP_ASSISTANT_NO_ID);
  g_assert_cmpint (aip_assistant_get_language_id (a), ==, AIP_ASSISTANT_NO_ID);
  g_assert_null (aip_assistant_get_name (a));
  g_assert_null (aip_assistant_get_kind (a));
  g_assert_null (aip_assistant_get_mode (a));
  g_assert_null (aip_assistant_get_status (a));
  g_assert_null (aip_assistant_get_timezone (a));
  g_assert_null (aip_assistant_get_initial_message (a));
  g_assert_null (aip_assistant_get_system_prompt (a));
  g_assert_null (aip_assistant_get_webhook_url (a));
  g_assert_null (aip_assistant_get_variables_json (a));
  g_assert_cmpuint (aip_assistant_get_n_variables (a), ==, 0);
  g_assert_false (aip_assistant_get_webhook_active (a));
  g_assert_null (aip_assistant_get_created_at (a));
  g_assert_null (aip_assistant_get_updated_at (a));
  g_assert_false (aip_assistant_is_active (a));
  g_assert_cmpstr (aip_assistant_get_name_key (a), ==, "");
  g_assert_cmpstr (aip_assistant_get_search_text (a), ==, "\x1f\x1f");
  assert_round_trip (a);
}

/* What the variables' order rests on: json-glib (1.6 to 1.10) lists
 * members in the order they came, a repeated one at its first place with
 * its last value */
static void
test_json_glib_order (void)
{
  g_autoptr(JsonNode) node = parse ("{\"zeta\": 1, \"alpha\": 2, \"mid\": 3, \"alpha\": 4, \"b\": 5}");
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);
  static const char * const expected[] = { "zeta", "alpha", "mid", "b" };
  GList *l = members;

  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, l = l->next)
    g_assert_cmpstr (l->data, ==, expected[i]);
  g_assert_cmpint (json_object_get_int_member (object, "alpha"), ==, 4);
}

static void
test_variables (void)
{
  static const struct
  {
    const char *variables;
    const char *expected_json;
    const char *pairs[12];
  } cases[] = {
    { "{}", "{}", { NULL } },
    { "{\"a\": \"x\"}", "{\"a\":\"x\"}", { "a", "x", NULL } },
    /* The order the API sent them, not sorted */
    { "{\"zeta\": \"1\", \"alpha\": \"2\", \"mid\": \"3\", \"b\": \"4\", \"a\": \"5\"}",
      "{\"zeta\":\"1\",\"alpha\":\"2\",\"mid\":\"3\",\"b\":\"4\",\"a\":\"5\"}",
      { "zeta", "1", "alpha", "2", "mid", "3", "b", "4", "a", "5", NULL } },
    /* A repeated name: json-glib keeps its first place and its last value */
    { "{\"a\": \"1\", \"b\": \"2\", \"a\": \"3\"}", "{\"a\":\"3\",\"b\":\"2\"}",
      { "a", "3", "b", "2", NULL } },
    { "{\"n\": 5, \"neg\": -7, \"d\": 0.1, \"whole\": 2.0, \"big\": 3e20}",
      "{\"n\":5,\"neg\":-7,\"d\":0.1,\"whole\":2.0,\"big\":3e+20}",
      { "n", "5", "neg", "-7", "d", "0.1", "whole", "2.0", "big", "3e+20", NULL } },
    { "{\"t\": true, \"f\": false, \"z\": null}", "{\"t\":true,\"f\":false,\"z\":null}",
      { "t", "true", "f", "false", "z", "", NULL } },
    { "{\"o\": {\"k\": [1, \"two\", {\"three\": null}]}, \"e\": [], \"eo\": {}}",
      "{\"o\":{\"k\":[1,\"two\",{\"three\":null}]},\"e\":[],\"eo\":{}}",
      { "o", "{\"k\":[1,\"two\",{\"three\":null}]}", "e", "[]", "eo", "{}", NULL } },
    { "{\"quote\": \"say \\\"hi\\\"\\n\\tnow\\u0001\", \"ключ\": \"стойност\"}",
      "{\"quote\":\"say \\\"hi\\\"\\n\\tnow\\u0001\",\"ключ\":\"стойност\"}",
      { "quote", "say \"hi\"\n\tnow\x01", "ключ", "стойност", NULL } },
    { "{\"inf\": 1e400}", "{\"inf\":1e999}", { "inf", "1e999", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipAssistant) a = assistant_with ("variables", cases[i].variables);
      guint n = g_strv_length ((char **) cases[i].pairs) / 2;

      g_test_message ("variables = %s", cases[i].variables);
      g_assert_cmpstr (aip_assistant_get_variables_json (a), ==, cases[i].expected_json);
      g_assert_cmpuint (aip_assistant_get_n_variables (a), ==, n);
      for (guint j = 0; j < n; j++)
        {
          g_assert_cmpstr (aip_assistant_get_variable_name (a, j), ==, cases[i].pairs[2 * j]);
          g_assert_cmpstr (aip_assistant_get_variable_value (a, j), ==, cases[i].pairs[2 * j + 1]);
          g_assert_true (aip_assistant_has_variable (a, cases[i].pairs[2 * j]));
        }

      /* json-glib 1.6 writes 3e20 as "3e+20.0" and infinity as "inf.0",
       * which it cannot read back */
      if (strstr (cases[i].variables, "3e20") == NULL && strstr (cases[i].variables, "1e400") == NULL)
        assert_round_trip (a);
    }
}

static void
test_dates (void)
{
  static const struct
  {
    const char *date;
    const char *expected;
  } cases[] = {
    { "\"2025-07-15T14:32:15.000000Z\"", "2025-07-15T14:32:15.000000+0000" },
    { "\"2025-07-15T14:32:15.123456Z\"", "2025-07-15T14:32:15.123456+0000" },
    { "\"2025-07-15T14:32:15.5Z\"", "2025-07-15T14:32:15.500000+0000" },
    { "\"2025-07-15T14:32:15Z\"", "2025-07-15T14:32:15.000000+0000" },
    { "\"2025-07-15T14:32:15\"", "2025-07-15T14:32:15.000000+0000" },
    { "\"2025-07-15T14:32:15.250\"", "2025-07-15T14:32:15.250000+0000" },
    { "\"2025-07-15T16:32:15+02:00\"", "2025-07-15T14:32:15.000000+0000" },
    { "\"2025-07-15T09:02:15.000001-05:30\"", "2025-07-15T14:32:15.000001+0000" },
    { "\"2025-07-15 14:32:15\"", "2025-07-15T14:32:15.000000+0000" },
    { "\"2025-12-31T23:59:59.999999Z\"", "2025-12-31T23:59:59.999999+0000" },
    { "\"yesterday\"", NULL },
    { "\"\"", NULL },
    { "\"2025-13-01T00:00:00Z\"", NULL },
    { "\"2025-02-30T00:00:00Z\"", NULL },
    { "\"2025-07-15T25:00:00Z\"", NULL },
    { "\"2025-07-15T14:32:15.000000Zjunk\"", NULL },
    /* The API's own form, with values out of range */
    { "\"2025-13-01T00:00:00.000000Z\"", NULL },
    { "\"2025-02-29T00:00:00.000000Z\"", NULL },
    { "\"2024-02-29T00:00:00.000000Z\"", "2024-02-29T00:00:00.000000+0000" },
    { "\"2025-07-15T24:00:00.000000Z\"", NULL },
    { "\"2025-07-15T23:60:00.000000Z\"", NULL },
    { "\"2025-07-15T23:59:60.000000Z\"", "2025-07-15T23:59:59.000000+0000" },
    { "\"0000-07-15T00:00:00.000000Z\"", NULL },
    { "\"2025-07-15T14:32:15.00000xZ\"", NULL },
    { "\"2025-07-15t14:32:15.000000z\"", NULL },
    { "1752589935", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipAssistant) a = assistant_with ("created_at", cases[i].date);

      g_test_message ("created_at = %s", cases[i].date);
      assert_date (aip_assistant_get_created_at (a), cases[i].expected);
      assert_round_trip (a);
    }
}

/* The API's own form is read without the general parser: to the same
 * microsecond as g_date_time_new_from_iso8601() */
static void
test_api_dates (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                                               g_test_rand_int_range (1, 10000),
                                               g_test_rand_int_range (1, 13),
                                               g_test_rand_int_range (1, 29),
                                               g_test_rand_int_range (0, 24),
                                               g_test_rand_int_range (0, 60),
                                               g_test_rand_int_range (0, 60),
                                               g_test_rand_int_range (0, 1000000));
      g_autofree char *json = g_strdup_printf ("\"%s\"", text);
      g_autoptr(AipAssistant) a = assistant_with ("updated_at", json);
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (text, utc);
      GDateTime *got = aip_assistant_get_updated_at (a);

      g_assert_nonnull (got);
      g_assert_cmpint (g_date_time_to_unix (got), ==, g_date_time_to_unix (expected));
      g_assert_cmpint (g_date_time_get_microsecond (got), ==, g_date_time_get_microsecond (expected));
      g_assert_cmpint (g_date_time_get_utc_offset (got), ==, 0);
    }
}

static void
test_to_json (void)
{
  g_autoptr(AipAssistant) a = assistant_from_text (base_item);
  g_autoptr(AipAssistant) b = assistant_from_text ("{\"id\": \"77\"}");
  g_autofree char *text_a = to_json_text (a);
  g_autofree char *text_b = to_json_text (b);

  g_assert_cmpstr (text_a, ==,
                   "{\"id\":123,\"user_id\":1,\"name\":\"Sales Outbound Assistant\",\"type\":\"outbound\","
                   "\"mode\":\"pipeline\",\"status\":\"active\",\"voice_id\":8,\"language_id\":1,"
                   "\"timezone\":\"America/New_York\",\"initial_message\":\"Hi, this is Sarah.\","
                   "\"system_prompt\":\"You are a sales representative.\","
                   "\"variables\":{\"company_name\":\"Your Company\",\"product_line\":\"Premium Services\"},"
                   "\"webhook_url\":\"https://yourcompany.com/api/webhooks/outbound-calls\","
                   "\"is_webhook_active\":true,\"created_at\":\"2025-07-15T14:32:15.000000Z\","
                   "\"updated_at\":\"2025-08-02T09:18:42.000000Z\"}");
  g_assert_cmpstr (text_b, ==,
                   "{\"id\":77,\"user_id\":null,\"name\":null,\"type\":null,\"mode\":null,\"status\":null,"
                   "\"voice_id\":null,\"language_id\":null,\"timezone\":null,\"initial_message\":null,"
                   "\"system_prompt\":null,\"variables\":null,\"webhook_url\":null,"
                   "\"is_webhook_active\":false,\"created_at\":null,\"updated_at\":null}");

  /* Pretty, it reads back the same */
  {
    g_autoptr(GString) pretty = g_string_new (NULL);
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(AipAssistant) again = NULL;

    aip_assistant_append_json (a, pretty, 0);
    g_assert_true (g_str_has_prefix (pretty->str, "{\n  \"id\": 123,\n  \"user_id\": 1,\n"));
    g_assert_true (g_str_has_suffix (pretty->str, "\n}"));
    root = parse (pretty->str);
    again = aip_assistant_new_from_json (json_node_get_object (root), NULL);
    assert_same_assistant (a, again);
  }
}

static void
test_fold (void)
{
  static const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "", "" },
    { "Sales Outbound", "sales outbound" },
    { "АСИСТЕНТ", "асистент" },
    { "Асистент за Продажби", "асистент за продажби" },
    { "Café", "cafe" },
    { "Cafe\xcc\x81", "cafe" },
    { "CAFÉ", "cafe" },
    { "Straße", "strasse" },
    { "ﬁle", "file" },
    { "™", "tm" },
    { "ＡＢＣ", "abc" },
    { "İstanbul", "istanbul" },
    { "ΣΊΣΥΦΟΣ", "σισυφοσ" },
    { "σίσυφος", "σισυφοσ" },
    { "Йорданка", "иорданка" },
    { "line\nbreak\ttab\x1fsep\x7f", "line break tab sep " },
    { "ÅNGSTRÖM", "angstrom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = aip_fold_text (cases[i].text, -1);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  /* Lengths are honoured, and broken text is repaired, not trusted */
  {
    g_autofree char *part = aip_fold_text ("ABCDEF", 3);
    g_autofree char *broken = aip_fold_text ("A\xff" "B\xc3", -1);

    g_assert_cmpstr (part, ==, "abc");
    g_assert_true (g_utf8_validate (broken, -1, NULL));
    g_assert_cmpstr (broken, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  }
}

/* Folding text whole, the plain way */
static char *
fold_whole (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = g_utf8_casefold (normalized, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, ' ');
      else if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* aip_fold_text() works a character at a time, with a table for the
 * alphabets of two-byte UTF-8: the same as folding whole */
static void
test_fold_like_whole (void)
{
  static const char * const texts[] = {
    "Здравейте, обаждам се от Вашата компания. Ще Ви отнеме ли минута?",
    "Ἀθῆναι ΣΟΦΊΑ σοφίας ΐ ΰ ῼ", "Ça déjà vu — naïve Øresund Łódź ŒUVRE ǅ ǈ ǋ ß ẞ ŉ ǰ",
    "İIıi ﬁﬂﬀﬃ ① ㎒ ℌ Ⅻ ｶﾀｶﾅ ＡＢＣ", "한국어 텍스트 日本語のテキスト 中文", "😀 👍🏽 €£¥ “quotes” ‘single’ …",
    "Հայերեն և Ძ עברית עִבְרִית العربية العَرَبِيَّة", "\u0130\u0307 A\u030a\u0301 e\u0301\u0327",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *got = aip_fold_text (texts[i], -1);
      g_autofree char *expected = fold_whole (texts[i]);

      g_assert_cmpstr (got, ==, expected);
    }

  /* Every character of two-byte UTF-8, alone and among others */
  for (gunichar c = 0x80; c < 0x800; c++)
    {
      GString *with = g_string_new ("Q");
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      g_string_append_unichar (with, c);
      g_string_append (with, "z\xc3\x89");
      got = aip_fold_text (with->str, -1);
      expected = fold_whole (with->str);
      g_assert_cmpstr (got, ==, expected);
      g_string_free (with, TRUE);
    }
}

static void
test_search_text (void)
{
  g_autoptr(AipAssistant) a = assistant_from_text ("{\"id\": 1, \"name\": \"Асистент ПРОДАЖБИ\","
                                                   " \"initial_message\": \"Hello\\nthere\","
                                                   " \"system_prompt\": \"Be NICE.\","
                                                   " \"timezone\": \"Europe/Sofia\","
                                                   " \"variables\": {\"Company\": \"Café Noir\", \"n\": 5}}");
  const char *text = aip_assistant_get_search_text (a);
  static const char * const found[] = {
    "асистент", "ПРОДАЖБИ", "hello there", "be nice", "company", "cafe noir", "Café", "5",
  };
  static const char * const not_found[] = {
    /* Not searched */
    "sofia",
    /* Not across fields */
    "продажби hello", "nicecompany", "company cafe",
  };

  g_assert_cmpstr (text, ==, "асистент продажби\x1fhello there\x1f" "be nice.\x1f" "company\x1f" "cafe noir\x1f" "n\x1f" "5");

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_autofree char *query = aip_fold_text (found[i], -1);

      g_assert_nonnull (strstr (text, query));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_found); i++)
    {
      g_autofree char *query = aip_fold_text (not_found[i], -1);

      g_assert_null (strstr (text, query));
    }
}

static void
test_name_key (void)
{
  static const char * const names[] = { "beta", "Alpha", "ALPHA two", "gamma", "Éclair", "éclair", "ясен", "Ангел" };
  AipAssistant *assistants[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": %u, \"name\": \"%s\"}", i, names[i]);

      assistants[i] = assistant_from_text (json);
    }

  /* The keys order names as collation of their case-folded forms does */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (names); j++)
      {
        g_autofree char *fi = g_utf8_casefold (names[i], -1);
        g_autofree char *fj = g_utf8_casefold (names[j], -1);
        int by_key = strcmp (aip_assistant_get_name_key (assistants[i]), aip_assistant_get_name_key (assistants[j]));
        int by_collation = g_utf8_collate (fi, fj);

        g_assert_cmpint (by_key < 0, ==, by_collation < 0);
        g_assert_cmpint (by_key > 0, ==, by_collation > 0);
      }

  /* Case does not matter */
  g_assert_cmpstr (aip_assistant_get_name_key (assistants[4]), ==, aip_assistant_get_name_key (assistants[5]));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (assistants[i]);
}

/* json-glib reads a response as UTF-8, but an object built by hand may
 * hold any bytes: what reaches the assistant must be valid text. */
static void
test_invalid_text (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\": 1, \"variables\": {}}");
  JsonObject *object = json_node_get_object (node);
  g_autoptr(AipAssistant) a = NULL;

  json_object_set_string_member (object, "name", "A\xff B");
  json_object_set_string_member (object, "status", "\xed\xbf\xbfz");
  json_object_set_string_member (json_object_get_object_member (object, "variables"), "k\xc3z", "v\xffz");
  a = aip_assistant_new_from_json (object, NULL);

  g_assert_true (g_utf8_validate (aip_assistant_get_name (a), -1, NULL));
  g_assert_true (g_utf8_validate (aip_assistant_get_status (a), -1, NULL));
  g_assert_true (g_utf8_validate (aip_assistant_get_variable_name (a, 0), -1, NULL));
  g_assert_true (g_utf8_validate (aip_assistant_get_variable_value (a, 0), -1, NULL));
  g_assert_true (g_utf8_validate (aip_assistant_get_variables_json (a), -1, NULL));
  g_assert_true (g_utf8_validate (aip_assistant_get_search_text (a), -1, NULL));
  assert_round_trip (a);
}

static void
test_shared_strings (void)
{
  g_autoptr(GHashTable) strings = aip_assistant_new_string_table ();
  g_autoptr(AipAssistant) a = NULL;
  g_autoptr(AipAssistant) b = NULL;
  g_autoptr(JsonNode) node = parse (base_item);

  a = aip_assistant_new_from_json (json_node_get_object (node), strings);
  b = aip_assistant_new_from_json (json_node_get_object (node), strings);
  g_assert_true (aip_assistant_get_status (a) == aip_assistant_get_status (b));
  g_assert_true (aip_assistant_get_timezone (a) == aip_assistant_get_timezone (b));
  g_assert_true (aip_assistant_get_mode (a) == aip_assistant_get_mode (b));
  g_assert_cmpuint (g_hash_table_size (strings), ==, 4);

  /* The assistants keep their own references */
  g_clear_pointer (&strings, g_hash_table_unref);
  g_assert_cmpstr (aip_assistant_get_status (a), ==, "active");
  g_assert_cmpstr (aip_assistant_get_timezone (b), ==, "America/New_York");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/assistant/fixture/bare", "outbound-assistants.json", check_fixture);
  g_test_add_data_func ("/assistant/fixture/wrapped", "outbound-assistants-wrapped.json", check_fixture);
  g_test_add_func ("/assistant/properties", test_properties);
  g_test_add_func ("/assistant/absent-fields", test_absent_fields);
  g_test_add_func ("/assistant/ids", test_ids);
  g_test_add_func ("/assistant/unknown-values", test_unknown_values);
  g_test_add_func ("/assistant/minimal", test_minimal);
  g_test_add_func ("/assistant/json-glib-order", test_json_glib_order);
  g_test_add_func ("/assistant/variables", test_variables);
  g_test_add_func ("/assistant/dates", test_dates);
  g_test_add_func ("/assistant/api-dates", test_api_dates);
  g_test_add_func ("/assistant/to-json", test_to_json);
  g_test_add_func ("/assistant/fold", test_fold);
  g_test_add_func ("/assistant/fold-like-whole", test_fold_like_whole);
  g_test_add_func ("/assistant/search-text", test_search_text);
  g_test_add_func ("/assistant/name-key", test_name_key);
  g_test_add_func ("/assistant/invalid-text", test_invalid_text);
  g_test_add_func ("/assistant/shared-strings", test_shared_strings);

  return g_test_run ();
}
