/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aip-changes.h"
#include "aip-format.h"
#include "aip-json-write.h"
#include "aip-test-assistants.h"

#define BOM "\xef\xbb\xbf"

static const char * const header[] = {
  "id", "user_id", "name", "type", "mode", "status", "voice_id", "language_id", "timezone",
  "initial_message", "system_prompt", "variables", "webhook_url", "is_webhook_active",
  "created_at", "updated_at", NULL
};

/* Three assistants: the plain one, one in Cyrillic with text that needs
 * quoting, one in Japanese with cells a spreadsheet would run. */
static GListStore *
sample_list (void)
{
  g_autoptr(JsonObject) plain = aip_test_assistant_object (123);
  g_autoptr(JsonObject) cyrillic = aip_test_assistant_object (7);
  g_autoptr(JsonObject) formulas = aip_test_assistant_object (45);
  JsonObject *objects[3];

  json_object_set_string_member (cyrillic, "name", "Асистент за продажби");
  json_object_set_string_member (cyrillic, "status", "inactive");
  json_object_set_string_member (cyrillic, "mode", "multimodal");
  json_object_set_string_member (cyrillic, "timezone", "Europe/Sofia");
  json_object_set_string_member (cyrillic, "initial_message",
                                 "Здравейте, \"Фирма\", 2025:\r\nвтори ред,\nтрети");
  json_object_set_string_member (cyrillic, "updated_at", "2025-07-25T16:45:22.500000Z");
  aip_test_set_member (cyrillic, "variables", "{\"град\": \"София, \\\"център\\\"\", \"n\": 5}");
  aip_test_set_member (cyrillic, "webhook_url", "null");
  json_object_set_boolean_member (cyrillic, "is_webhook_active", FALSE);
  aip_test_set_member (cyrillic, "voice_id", "null");

  json_object_set_string_member (formulas, "name", "営業アシスタント");
  json_object_set_string_member (formulas, "status", "paused");
  json_object_set_string_member (formulas, "initial_message", "=HYPERLINK(\"http://x\",\"y\")");
  json_object_set_string_member (formulas, "system_prompt", "+1, -2");
  json_object_set_string_member (formulas, "mode", "-pipeline");
  json_object_set_string_member (formulas, "timezone", "@Asia/Tokyo");
  json_object_set_boolean_member (formulas, "is_webhook_active", FALSE);

  objects[0] = plain;
  objects[1] = cyrillic;
  objects[2] = formulas;

  return aip_test_assistants_from_objects (objects, G_N_ELEMENTS (objects));
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (g_utf8_validate_len (data, length, NULL));

  return g_strndup (data, length);
}

/* A strict RFC 4180 reader: rows end in CRLF, fields that hold a comma,
 * quote, CR or LF are quoted, quotes inside are doubled. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  g_string_append_c (field, *p);
                }
            }
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            {
              /* Unquoted fields hold no quote or line feed. */
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));

      if (*p == ',')
        {
          p++;
          continue;
        }

      /* Every row, the last one too, ends in CRLF. */
      g_assert_true (p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }

  return rows;
}

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static char *
format_id (gint64 id)
{
  return id == AIP_ASSISTANT_NO_ID ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
assert_row (char         **row,
            AipAssistant  *assistant)
{
  g_autofree char *id = format_id (aip_assistant_get_id (assistant));
  g_autofree char *user_id = format_id (aip_assistant_get_user_id (assistant));
  g_autofree char *voice_id = format_id (aip_assistant_get_voice_id (assistant));
  g_autofree char *language_id = format_id (aip_assistant_get_language_id (assistant));
  g_autofree char *created_at = format_date (aip_assistant_get_created_at (assistant));
  g_autofree char *updated_at = format_date (aip_assistant_get_updated_at (assistant));
  const char *webhook_url = aip_assistant_get_webhook_url (assistant);

  g_assert_cmpuint (g_strv_length (row), ==, g_strv_length ((char **) header));
  g_assert_cmpstr (row[0], ==, id);
  g_assert_cmpstr (row[1], ==, user_id);
  g_assert_cmpstr (row[2], ==, aip_assistant_get_name (assistant));
  g_assert_cmpstr (row[3], ==, aip_assistant_get_kind (assistant));
  g_assert_cmpstr (row[4], ==, aip_assistant_get_mode (assistant));
  g_assert_cmpstr (row[5], ==, aip_assistant_get_status (assistant));
  g_assert_cmpstr (row[6], ==, voice_id);
  g_assert_cmpstr (row[7], ==, language_id);
  g_assert_cmpstr (row[8], ==, aip_assistant_get_timezone (assistant));
  g_assert_cmpstr (row[9], ==, aip_assistant_get_initial_message (assistant));
  g_assert_cmpstr (row[10], ==, aip_assistant_get_system_prompt (assistant));
  g_assert_cmpstr (row[11], ==, aip_assistant_get_variables_json (assistant));
  g_assert_cmpstr (row[12], ==, webhook_url != NULL ? webhook_url : "");
  g_assert_cmpstr (row[13], ==, aip_assistant_get_webhook_active (assistant) ? "true" : "false");
  g_assert_cmpstr (row[14], ==, created_at);
  g_assert_cmpstr (row[15], ==, updated_at);
}

static void
test_parse (void)
{
  static const struct {
    const char *name;
    gboolean    valid;
    AipFormat   format;
  } cases[] = {
    { "table", TRUE, AIP_FORMAT_TABLE },
    { "csv", TRUE, AIP_FORMAT_CSV },
    { "json", TRUE, AIP_FORMAT_JSON },
    { "csv-spreadsheet", TRUE, AIP_FORMAT_CSV_SPREADSHEET },
    { "CSV", FALSE, 0 },
    { "xml", FALSE, 0 },
    { "", FALSE, 0 },
    { NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AipFormat format = 99;

      g_assert_cmpint (aip_format_parse (cases[i].name, &format), ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_cmpint (format, ==, cases[i].format);
      else
        g_assert_cmpint (format, ==, 99);
    }
}

static void
test_csv (void)
{
  g_autoptr(GListStore) list = sample_list ();
  g_autoptr(GBytes) bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_CSV, 0);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *header_line = g_strjoinv (",", (char **) header);

  /* No byte-order mark in plain CSV; the header is the API's names. */
  g_assert_true (g_str_has_prefix (text, "id,user_id,name,"));
  g_assert_true (g_str_has_prefix (text, header_line));
  g_assert_true (g_str_has_prefix (text + strlen (header_line), "\r\n"));

  /* The plain row, exactly: the initial message and the variables hold
   * commas, so they are quoted. */
  g_assert_nonnull (strstr (text,
                            "\r\n123,1,Sales Outbound Assistant,outbound,pipeline,active,8,1,"
                            "America/New_York,\"Hi, this is Sarah from {{ company_name }}.\","
                            "You sell {{product_line}}. Be friendly.,"
                            "\"{\"\"company_name\"\":\"\"Your Company\"\",\"\"product_line\"\":"
                            "\"\"Premium Services\"\"}\",https://yourcompany.com/hooks/calls,true,"
                            "2025-07-15T14:32:15.000000Z,2025-08-02T09:18:42.000000Z\r\n"));

  /* Quotes doubled, line breaks kept inside quotes, Cyrillic as UTF-8. */
  g_assert_nonnull (strstr (text, ",\"Здравейте, \"\"Фирма\"\", 2025:\r\nвтори ред,\nтрети\","));
  g_assert_nonnull (strstr (text, ",Асистент за продажби,"));

  /* Formulas are left alone in plain CSV. */
  g_assert_nonnull (strstr (text, ",\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
  g_assert_nonnull (strstr (text, ",-pipeline,"));

  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (list), i);

      assert_row (g_ptr_array_index (rows, i + 1), assistant);
    }

  /* Dates in UTC with the API's microseconds, absent values empty. */
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[15], ==, "2025-07-25T16:45:22.500000Z");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[6], ==, "");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[12], ==, "");
}

static void
test_csv_empty (void)
{
  g_autoptr(GListStore) list = g_list_store_new (AIP_TYPE_ASSISTANT);
  g_autoptr(GBytes) bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_CSV, 0);
  g_autofree char *text = bytes_to_string (bytes);

  g_assert_cmpstr (text, ==,
                   "id,user_id,name,type,mode,status,voice_id,language_id,timezone,"
                   "initial_message,system_prompt,variables,webhook_url,is_webhook_active,"
                   "created_at,updated_at\r\n");
}

static void
test_csv_spreadsheet (void)
{
  g_autoptr(GListStore) list = sample_list ();
  g_autoptr(GBytes) bytes = aip_format_assistants (G_LIST_MODEL (list),
                                                   AIP_FORMAT_CSV_SPREADSHEET, 0);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  /* The byte-order mark, then the same header. */
  g_assert_true (g_str_has_prefix (text, BOM "id,user_id,name,"));

  rows = parse_csv (text + strlen (BOM));
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);

  /* Cells that begin with =, +, - or @ begin with a quote instead. */
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row[9], ==, "'=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpstr (row[10], ==, "'+1, -2");
  g_assert_cmpstr (row[4], ==, "'-pipeline");
  g_assert_cmpstr (row[8], ==, "'@Asia/Tokyo");
  g_assert_cmpstr (row[2], ==, "営業アシスタント");

  /* Everything else reads as in plain CSV. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (list), i);

      assert_row (g_ptr_array_index (rows, i + 1), assistant);
    }
}

static void
test_csv_formula_cells (void)
{
  static const struct {
    const char *value;
    const char *cell;
  } cases[] = {
    { "=1+1", "\"'=1+1\"" },
    { "+359 88 123 4567", "\"'+359 88 123 4567\"" },
    { "-5", "\"'-5\"" },
    { "@SUM(A1:A2)", "\"'@SUM(A1:A2)\"" },
    { "\t=1", "\"'\t=1\"" },
    /* Spreadsheets skip white space and invisible characters before the
     * sign, and take the full-width signs for the ASCII ones. */
    { " =1", "\"' =1\"" },
    { "  =1+1", "\"'  =1+1\"" },
    { BOM "=1", "\"'" BOM "=1\"" },
    { "\u200b=1", "\"'\u200b=1\"" },
    { "\u200c\u200d\u2060\u180e-1", "\"'\u200c\u200d\u2060\u180e-1\"" },
    { "\u00a0=1", "\"'\u00a0=1\"" },
    { "\u3000 @x", "\"'\u3000 @x\"" },
    { "＝1", "\"'＝1\"" },
    { "＋1", "\"'＋1\"" },
    { "－1", "\"'－1\"" },
    { "＠x", "\"'＠x\"" },
    { " " BOM "＝1", "\"' " BOM "＝1\"" },
    /* A sign after visible text, or no sign at all, is no formula. */
    { "a=1", "a=1" },
    { "1-2", "1-2" },
    { "  hello", "  hello" },
    { "a＝1", "a＝1" },
    { "1＋1", "1＋1" },
    { BOM "hello", BOM "hello" },
    { "Здравей", "Здравей" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = aip_test_assistant_object (1);
      g_autoptr(GListStore) list = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = g_strdup_printf (",%s,outbound,", cases[i].cell);

      json_object_set_string_member (object, "name", cases[i].value);
      list = aip_test_assistants_from_objects (&object, 1);
      bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_CSV_SPREADSHEET, 0);
      text = bytes_to_string (bytes);
      g_test_message ("case %u: %s", i, text);
      g_assert_nonnull (strstr (text, expected));

      /* Plain CSV is for programs, which run no formulas: the text as it is. */
      {
        g_autoptr(GBytes) plain_bytes = aip_format_assistants (G_LIST_MODEL (list),
                                                               AIP_FORMAT_CSV, 0);
        g_autofree char *plain_text = bytes_to_string (plain_bytes);
        g_autofree char *plain_expected = g_strdup_printf (",%s,outbound,", cases[i].value);

        g_assert_nonnull (strstr (plain_text, plain_expected));
      }
    }
}

/* A year before 1000 is written with four digits, as ISO 8601 has it, and
 * reads back as the same year. */
static void
test_early_year (void)
{
  static const char * const date = "0999-01-01T00:00:00.000000Z";
  static const AipFormat csv_formats[] = { AIP_FORMAT_CSV, AIP_FORMAT_CSV_SPREADSHEET };
  g_autoptr(JsonObject) object = aip_test_assistant_object (1);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json_member = NULL;
  g_autofree char *csv_cells = NULL;
  g_autoptr(AipAssistant) original = NULL;
  AipAssistant *read_back;

  json_object_set_string_member (object, "created_at", "0999-01-01T00:00:00Z");
  json_object_set_string_member (object, "updated_at", "0999-01-01T00:00:00Z");
  list = aip_test_assistants_from_objects (&object, 1);
  original = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (aip_assistant_get_created_at (original));
  g_assert_cmpint (g_date_time_get_year (aip_assistant_get_created_at (original)), ==, 999);

  bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_JSON, 0);
  text = bytes_to_string (bytes);
  g_test_message ("%s", text);
  json_member = g_strdup_printf ("\"created_at\": \"%s\"", date);
  g_assert_nonnull (strstr (text, json_member));

  response = aip_response_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 1);
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
  read_back = g_ptr_array_index (aip_response_get_assistants (response), 0);
  g_assert_nonnull (aip_assistant_get_created_at (read_back));
  g_assert_nonnull (aip_assistant_get_updated_at (read_back));
  g_assert_cmpint (g_date_time_get_year (aip_assistant_get_created_at (read_back)), ==, 999);
  g_assert_cmpint (g_date_time_get_year (aip_assistant_get_updated_at (read_back)), ==, 999);
  g_assert_true (g_date_time_equal (aip_assistant_get_created_at (read_back),
                                    aip_assistant_get_created_at (original)));
  g_assert_cmpint (aip_assistant_compare_fields (original, read_back), ==, 0);

  csv_cells = g_strdup_printf (",%s,%s\r\n", date, date);
  for (guint i = 0; i < G_N_ELEMENTS (csv_formats); i++)
    {
      g_autoptr(GBytes) csv_bytes = aip_format_assistants (G_LIST_MODEL (list),
                                                           csv_formats[i], 0);
      g_autofree char *csv_text = bytes_to_string (csv_bytes);

      g_test_message ("%s", csv_text);
      g_assert_nonnull (strstr (csv_text, csv_cells));
    }
}

static void
test_json (void)
{
  g_autoptr(GListStore) list = sample_list ();
  g_autoptr(GBytes) bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_JSON, 0);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *assistants;
  JsonObject *first;

  /* Pretty printed, two spaces, a final newline. */
  g_assert_true (g_str_has_prefix (text, "[\n  {\n    \""));
  g_assert_true (g_str_has_suffix (text, "]\n"));

  /* The API's field names. */
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_node_type (root), ==, JSON_NODE_ARRAY);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  for (guint i = 0; header[i] != NULL; i++)
    g_assert_true (json_object_has_member (first, header[i]));
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 123);

  /* Our own parser reads it back to the same assistants. */
  response = aip_response_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  assistants = aip_response_get_assistants (response);
  g_assert_cmpuint (assistants->len, ==, 3);
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
  for (guint i = 0; i < assistants->len; i++)
    {
      g_autoptr(AipAssistant) original = g_list_model_get_item (G_LIST_MODEL (list), i);
      AipAssistant *read_back = g_ptr_array_index (assistants, i);

      g_assert_cmpint (aip_assistant_get_id (read_back), ==, aip_assistant_get_id (original));
      g_assert_cmpint (aip_assistant_compare_fields (original, read_back), ==, 0);
      g_assert_cmpstr (aip_assistant_get_variables_json (read_back), ==,
                       aip_assistant_get_variables_json (original));
    }

  /* An empty list is an empty array. */
  {
    g_autoptr(GListStore) empty = g_list_store_new (AIP_TYPE_ASSISTANT);
    g_autoptr(GBytes) empty_bytes = aip_format_assistants (G_LIST_MODEL (empty),
                                                           AIP_FORMAT_JSON, 0);
    g_autofree char *empty_text = bytes_to_string (empty_bytes);

    g_assert_cmpstr (empty_text, ==, "[]\n");
  }
}

/* Variable values of every kind survive an export and a new reading,
 * numbers json-glib's own writer gets wrong included */
static void
test_json_numbers (void)
{
  g_autoptr(AipAssistant) original = aip_test_assistant_from_json (
    "{\"id\": 7, \"variables\": {\"big\": 3e20, \"huge\": 1e999, \"tenth\": 0.1, \"third\": 0.3333333333333333,"
    " \"int\": 123456789012345678, \"tiny\": -2.5e-300, \"whole\": 2.0,"
    " \"list\": [1, 2.5, \"x\\u0001y\\\"z\", null, true], \"nested\": {\"a\": {\"b\": [], \"c\": {}}}}}");
  g_autoptr(GListStore) list = g_list_store_new (AIP_TYPE_ASSISTANT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AipAssistant *read_back;

  g_list_store_append (list, original);
  bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_JSON, 0);
  text = bytes_to_string (bytes);

  /* Any JSON parser reads it */
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"big\":3e+20,"));
  g_assert_null (strstr (text, "e+20.0"));
  g_assert_nonnull (strstr (text, "\"tenth\":0.1,"));
  g_assert_nonnull (strstr (text, "\"whole\":2.0,"));
  g_assert_nonnull (strstr (text, "\"b\":[],"));

  response = aip_response_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 1);
  read_back = g_ptr_array_index (aip_response_get_assistants (response), 0);
  g_assert_cmpstr (aip_assistant_get_variables_json (read_back), ==,
                   aip_assistant_get_variables_json (original));
  g_assert_cmpint (aip_assistant_compare_fields (original, read_back), ==, 0);
}

/* A node built by hand may hold bytes that are not UTF-8, in a member's
 * name as in a value: the writer still writes JSON, compact or pretty. */
static void
test_json_invalid_utf8 (void)
{
  static const char * const invalid = "a\xff\xfe" "b";
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_false (g_utf8_validate (invalid, -1, NULL));
  json_object_set_string_member (object, invalid, invalid);
  json_node_set_object (node, object);

  for (int indent = -1; indent <= 0; indent++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GList) names = NULL;
      JsonObject *read_back;
      const char *name;

      aip_json_append_node (out, node, indent);
      g_test_message ("indent %d: %s", indent, out->str);
      g_assert_true (g_utf8_validate_len (out->str, out->len, NULL));

      root = json_from_string (out->str, &error);
      g_assert_no_error (error);
      g_assert_cmpint (json_node_get_node_type (root), ==, JSON_NODE_OBJECT);
      read_back = json_node_get_object (root);
      names = json_object_get_members (read_back);
      g_assert_cmpuint (g_list_length (names), ==, 1);
      name = names->data;
      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_true (g_str_has_prefix (name, "a") && g_str_has_suffix (name, "b"));
      g_assert_cmpstr (json_object_get_string_member (read_back, name), ==, name);
    }
}

/* The width of text on a terminal, as the table counts it. */
static gsize
display_width (const char *text,
               gsize       length)
{
  gsize width = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* The display column where each column of a line starts: after two
 * spaces, where a cell starts with a non-space. */
static GArray *
column_starts (const char *line)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = line;

  while (*p == ' ')
    p++;
  while (*p != '\0')
    {
      gsize start = display_width (line, p - line);

      g_array_append_val (starts, start);
      p = strstr (p, "  ");
      if (p == NULL)
        break;
      while (*p == ' ')
        p++;
    }

  return starts;
}

static void
test_table (void)
{
  g_autoptr(GListStore) list = sample_list ();
  g_autoptr(GBytes) bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_TABLE, 0);
  g_autofree char *text = bytes_to_string (bytes);
  static const char * const expected[] = {
    " ID  Name                      Status    Mode        Timezone          Webhook   Updated",
    "123  Sales Outbound Assistant  active    pipeline    America/New_York  active    "
    "08/02/25 09:18:42",
    "  7  Асистент за продажби      inactive  multimodal  Europe/Sofia      none      "
    "07/25/25 16:45:22",
    " 45  営業アシスタント          paused    -pipeline   @Asia/Tokyo       inactive  "
    "08/02/25 09:18:42",
    "",
    NULL
  };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_test_message ("%s", text);
  g_assert_cmpstrv (lines, expected);
}

static void
test_table_truncated (void)
{
  g_autoptr(GListStore) list = sample_list ();

  for (int width = 80; width >= 40; width -= 5)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GArray) header_starts = NULL;

      bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_TABLE, width);
      text = bytes_to_string (bytes);
      lines = g_strsplit (text, "\n", -1);
      header_starts = column_starts (lines[0]);

      g_test_message ("width %d:\n%s", width, text);
      g_assert_cmpuint (g_strv_length (lines), ==, 5);
      g_assert_true (strstr (text, "…") != NULL);

      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(GArray) starts = column_starts (lines[i]);

          g_assert_cmpuint (display_width (lines[i], strlen (lines[i])), <=, width);
          g_assert_false (g_str_has_suffix (lines[i], " "));
          /* Every row's columns start where the header's do. */
          g_assert_cmpuint (starts->len, ==, 7);
          for (guint c = 1; c < starts->len; c++)
            g_assert_cmpuint (g_array_index (starts, gsize, c), ==,
                              g_array_index (header_starts, gsize, c));
        }
    }

  /* Narrower than the columns' minimum: cut as far as that, no further. */
  {
    g_autoptr(GBytes) bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_TABLE, 5);
    g_autofree char *text = bytes_to_string (bytes);

    g_assert_true (g_str_has_prefix (text, " ID  Name  Sta…  Mode  Tim…  Web…  Upd…\n"));
  }
}

static void
test_table_hostile (void)
{
  g_autoptr(JsonObject) object = aip_test_assistant_object (1);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  /* A line break, a terminal escape and a direction override in the name
   * do not reach the terminal. */
  json_object_set_string_member (object, "name", "A\nB\x1b[31mC\u202eD\tE");
  list = aip_test_assistants_from_objects (&object, 1);
  bytes = aip_format_assistants (G_LIST_MODEL (list), AIP_FORMAT_TABLE, 0);
  text = bytes_to_string (bytes);
  lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strchr (text, '\t'));
  g_assert_null (strstr (text, "\u202e"));
  g_assert_nonnull (strstr (lines[1], "A B [31mCD E"));
}

int
main (int   argc,
      char *argv[])
{
  /* Fixed locale and zone for the table's dates. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/parse", test_parse);
  g_test_add_func ("/format/csv", test_csv);
  g_test_add_func ("/format/csv-empty", test_csv_empty);
  g_test_add_func ("/format/csv-spreadsheet", test_csv_spreadsheet);
  g_test_add_func ("/format/csv-formula-cells", test_csv_formula_cells);
  g_test_add_func ("/format/json", test_json);
  g_test_add_func ("/format/json-numbers", test_json_numbers);
  g_test_add_func ("/format/json-invalid-utf8", test_json_invalid_utf8);
  g_test_add_func ("/format/early-year", test_early_year);
  g_test_add_func ("/format/table", test_table);
  g_test_add_func ("/format/table-truncated", test_table_truncated);
  g_test_add_func ("/format/table-hostile", test_table_hostile);

  return g_test_run ();
}
