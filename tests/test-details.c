/* test-details.c: the detail pane, long values, and exporting the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "aip-detail-pane.h"
#include "aip-text-window.h"
#include "aip-test-ui.h"

static GtkWidget *
pane (AipWindow *window)
{
  GtkWidget *pane = aip_test_find (GTK_WIDGET (window), AIP_TYPE_DETAIL_PANE, NULL);

  g_assert_nonnull (pane);
  return pane;
}

static const char *
label_text (AipWindow  *window,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (aip_test_find_named (pane (window), name)));
}

static const char *
row_subtitle (AipWindow  *window,
              const char *title)
{
  GtkWidget *row = aip_test_find (pane (window), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_fixture_details (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  AipWindow *window = aip_test_new_window (account);

  aip_test_load (account, body);
  aip_test_sort_by (window, "Name", GTK_SORT_DESCENDING);

  aip_test_select (window, 0);
  g_assert_cmpstr (label_text (window, "name"), ==, "Sales Outbound Assistant");
  g_assert_cmpstr (row_subtitle (window, "ID"), ==, "123");
  g_assert_cmpstr (label_text (window, "status"), ==, "Active");
  g_assert_cmpstr (row_subtitle (window, "Mode"), ==, "Pipeline");
  g_assert_cmpstr (row_subtitle (window, "Voice"), ==, "Voice #8");
  g_assert_cmpstr (row_subtitle (window, "Language"), ==, "Language #1");
  g_assert_true (g_str_has_prefix (row_subtitle (window, "Timezone"), "America/New_York"));
  g_assert_nonnull (aip_test_find (pane (window), ADW_TYPE_ACTION_ROW,
                                   "https://yourcompany.com/api/webhooks/outbound-calls"));
  g_assert_true (g_str_has_prefix (label_text (window, "initial-message"), "Hi, this is Sarah"));
  g_assert_true (g_str_has_prefix (label_text (window, "system-prompt"), "You are a sales"));
  g_assert_nonnull (strstr (row_subtitle (window, "Updated"), "2025"));

  aip_test_select (window, 1);
  g_assert_cmpstr (label_text (window, "name"), ==, "Follow-up Assistant");
  g_assert_cmpstr (row_subtitle (window, "ID"), ==, "124");
  g_assert_cmpstr (label_text (window, "status"), ==, "Inactive");
  g_assert_cmpstr (row_subtitle (window, "Voice"), ==, "Voice #12");
  g_assert_nonnull (aip_test_find (pane (window), ADW_TYPE_ACTION_ROW, "No webhook"));

  aip_test_destroy_window (window);
}

static GBytes *
long_body (gsize length)
{
  GString *json = g_string_new ("[{\"id\": 7, \"status\": \"active\", \"timezone\": \"Europe/Sofia\", \"name\": \"");

  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, "\", \"system_prompt\": \"");
  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, 'A' + i % 26);
  g_string_append (json, "\", \"variables\": {\"note\": \"");
  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, '0' + i % 10);
  g_string_append (json, "\"}}]");

  return g_string_free_to_bytes (json);
}

/* No text, however long, reaches a label whole: what GTK lays out stays
 * small, and the whole is a click away. */
static void
test_long_text (void)
{
  static const gsize lengths[] = { 5000, 100000, 1000000 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(AipAccount) account = aip_test_new_account ();
      g_autoptr(GBytes) body = long_body (lengths[i]);
      AipWindow *window = aip_test_new_window (account);
      GtkWidget *cell;
      AipTextWindow *text_window;

      aip_test_load (account, body);
      aip_test_select (window, 0);

      /* The list's cell, and the pane */
      cell = aip_test_wait_for_cell (window, "name", 7);
      g_assert_cmpuint (g_utf8_strlen (aip_test_cell_text (cell), -1), <=, 200);
      g_assert_cmpuint (g_utf8_strlen (aip_test_cell_hint (cell), -1), <=, 1001);
      g_assert_cmpuint (g_utf8_strlen (label_text (window, "name"), -1), <=, 301);
      g_assert_true (g_str_has_suffix (label_text (window, "name"), "…"));
      g_assert_cmpuint (g_utf8_strlen (label_text (window, "system-prompt"), -1), <=, 3001);
      g_assert_cmpuint (g_utf8_strlen (row_subtitle (window, "note"), -1), <=, 501);

      /* The whole prompt, from its button */
      g_assert_true (gtk_widget_get_visible (aip_test_find (pane (window), GTK_TYPE_BUTTON, "Show Whole Name…")));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-field", "s", "system-prompt"));
      text_window = AIP_TEXT_WINDOW (aip_test_find_toplevel (AIP_TYPE_TEXT_WINDOW));
      g_assert_cmpuint (strlen (aip_text_window_get_text (text_window)), ==, lengths[i]);
      gtk_window_destroy (GTK_WINDOW (text_window));

      aip_test_destroy_window (window);
    }
}

static const char export_body[] =
  "[{\"id\": 1, \"name\": \"=SUM(A1:A9)\", \"status\": \"active\", \"timezone\": \"Europe/Sofia\"},"
  " {\"id\": 2, \"name\": \"Бургас, \\\"север\\\"\", \"status\": \"active\", \"timezone\": \"Europe/Sofia\"},"
  " {\"id\": 3, \"name\": \"Hidden by the filter\", \"status\": \"inactive\"}]";

/* Exports as the dialog does once the person chose, and waits for the
 * toast that tells how it went. */
static char *
export_to (AipWindow  *window,
           const char *path,
           const char *format,
           char      **toast)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *before = aip_test_toast (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  char *contents = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(ss)", uri, format));
  while (aip_test_toast (window) == NULL || aip_test_toast (window) == before)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  *toast = aip_test_toast_text (window);

  g_file_get_contents (path, &contents, NULL, NULL);

  return contents;
}

static void
test_export (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = g_bytes_new_static (export_body, sizeof export_body - 1);
  g_autofree char *dir = g_dir_make_tmp ("aip-export-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "assistants.csv", NULL);
  g_autofree char *sheet_path = g_build_filename (dir, "spreadsheet.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "assistants.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-folder", "assistants.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *json = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  AipWindow *window = aip_test_new_window (account);
  JsonArray *array;

  aip_test_load (account, body);
  aip_assistant_filter_set_status (aip_test_filter (window), "active");
  aip_test_sort_by (window, "Name", GTK_SORT_DESCENDING);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);

  /* The list as shown: filtered, and the Cyrillic name first. */
  csv = export_to (window, csv_path, "csv", &toast);
  g_assert_cmpstr (toast, ==, "Exported 2 assistants");
  g_assert_true (g_str_has_prefix (csv, "id,user_id,name,"));
  g_assert_null (strstr (csv, "Hidden"));
  g_assert_nonnull (strstr (csv, "\r\n2,,\"Бургас, \"\"север\"\"\","));
  g_assert_nonnull (strstr (csv, "\r\n1,,=SUM(A1:A9),"));
  g_assert_true (strstr (csv, "Бургас") < strstr (csv, "=SUM"));
  g_clear_pointer (&toast, g_free);

  /* For spreadsheets: a byte-order mark, and no formula. */
  sheet = export_to (window, sheet_path, "csv-spreadsheet", &toast);
  g_assert_true (g_str_has_prefix (sheet, "\xef\xbb\xbf" "id,user_id,name,"));
  g_assert_nonnull (strstr (sheet, "\r\n1,,\"'=SUM(A1:A9)\","));
  g_clear_pointer (&toast, g_free);

  json = export_to (window, json_path, "json", &toast);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "id"), ==, 1);
  g_clear_pointer (&toast, g_free);

  /* A place that cannot be written: a toast says so and nothing is left. */
  missing = export_to (window, missing_path, "csv", &toast);
  g_assert_null (missing);
  g_assert_true (g_str_has_prefix (toast, "The assistants could not be exported. "));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  aip_test_destroy_window (window);

  g_remove (csv_path);
  g_remove (sheet_path);
  g_remove (json_path);
  g_rmdir (dir);
}

/* {{first_name}} is filled for each contact: listed, not a warning. */
static void
test_call_time (void)
{
  static const char body[] =
    "[{\"id\": 9, \"name\": \"Renewals\", \"status\": \"active\", \"timezone\": \"Europe/Sofia\","
    "  \"initial_message\": \"Hi {{first_name}}, this is {{company_name}}.\","
    "  \"system_prompt\": \"Ask {{first_name}} about {{plan}}.\","
    "  \"variables\": {\"company_name\": \"Northwind\"},"
    "  \"updated_at\": \"2099-01-01T00:00:00.000000Z\"}]";
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, sizeof body - 1);
  AipWindow *window = aip_test_new_window (account);
  GtkWidget *cell;

  aip_test_load (account, bytes);
  aip_test_select (window, 0);

  g_assert_nonnull (aip_test_find (pane (window), ADW_TYPE_ACTION_ROW, "{{first_name}}"));
  g_assert_nonnull (aip_test_find (pane (window), ADW_TYPE_ACTION_ROW, "{{plan}}"));
  g_assert_null (aip_test_find (pane (window), ADW_TYPE_ACTION_ROW, "{{company_name}}"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (aip_test_find (pane (window), ADW_TYPE_ACTION_ROW,
                                                                                 "{{plan}}"),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));

  cell = aip_test_wait_for_cell (window, "name", 9);
  g_assert_false (gtk_widget_get_visible (aip_test_cell_warning (cell)));

  aip_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  aip_test_ui_init (&argc, &argv);

  g_test_add_func ("/details/fixture", test_fixture_details);
  g_test_add_func ("/details/long-text", test_long_text);
  g_test_add_func ("/details/call-time", test_call_time);
  g_test_add_func ("/details/export", test_export);

  return aip_test_ui_run ();
}
