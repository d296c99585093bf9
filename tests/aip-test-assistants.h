/* aip-test-assistants.h: assistants built from JSON for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "aip-assistant-json.h"
#include "aip-json-write.h"
#include "aip-response.h"

G_BEGIN_DECLS

/* One assistant as the API sends it, for tests to change a member of. */
static inline JsonObject *
aip_test_assistant_object (gint64 id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser,
                              "{"
                              "  \"id\": 123,"
                              "  \"user_id\": 1,"
                              "  \"name\": \"Sales Outbound Assistant\","
                              "  \"type\": \"outbound\","
                              "  \"mode\": \"pipeline\","
                              "  \"status\": \"active\","
                              "  \"voice_id\": 8,"
                              "  \"language_id\": 1,"
                              "  \"timezone\": \"America/New_York\","
                              "  \"initial_message\": \"Hi, this is Sarah from "
                              "{{ company_name }}.\","
                              "  \"system_prompt\": \"You sell {{product_line}}. Be friendly.\","
                              "  \"variables\": {"
                              "    \"company_name\": \"Your Company\","
                              "    \"product_line\": \"Premium Services\""
                              "  },"
                              "  \"webhook_url\": \"https://yourcompany.com/hooks/calls\","
                              "  \"is_webhook_active\": true,"
                              "  \"created_at\": \"2025-07-15T14:32:15.000000Z\","
                              "  \"updated_at\": \"2025-08-02T09:18:42.000000Z\""
                              "}",
                              -1, &error);
  g_assert_no_error (error);

  object = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  json_object_set_int_member (object, "id", id);

  return object;
}

/* Sets one member from JSON text, e.g. "null", "\"text\"" or "{}". */
static inline void
aip_test_set_member (JsonObject *object,
                     const char *member,
                     const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  json_object_set_member (object, member, node);
}

/* Parses the objects through our own parser, as a response would be. */
static inline GListStore *
aip_test_assistants_from_objects (JsonObject **objects,
                                  guint        n_objects)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *store = g_list_store_new (AIP_TYPE_ASSISTANT);
  GPtrArray *assistants;
  GString *out;

  for (guint i = 0; i < n_objects; i++)
    json_array_add_object_element (array, json_object_ref (objects[i]));
  json_node_set_array (root, array);
  /* Our writer: json-glib's writes 3e20 as "3e+20.0" */
  out = g_string_new (NULL);
  aip_json_append_node (out, root, -1);
  bytes = g_string_free_to_bytes (out);

  response = aip_response_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  assistants = aip_response_get_assistants (response);
  g_assert_cmpuint (assistants->len, ==, n_objects);
  g_list_store_splice (store, 0, 0, assistants->pdata, assistants->len);

  return store;
}

static inline AipAssistant *
aip_test_assistant_from_object (JsonObject *object)
{
  g_autoptr(GListStore) store = aip_test_assistants_from_objects (&object, 1);

  return g_list_model_get_item (G_LIST_MODEL (store), 0);
}

/* One assistant from the JSON text of an item, through the real parser. */
static inline AipAssistant *
aip_test_assistant_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return aip_test_assistant_from_object (json_node_get_object (json_parser_get_root (parser)));
}

G_END_DECLS
