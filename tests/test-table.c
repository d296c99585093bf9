/* test-table.c: the list of the main window: filters, sorting, the cells,
 * the columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-test-ui.h"

static void
test_fixture_filters (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  AipWindow *window = aip_test_new_window (account);
  AipAssistantFilter *filter = aip_test_filter (window);

  aip_test_load (account, body);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);
  g_assert_cmpstr (aip_test_state (window), ==, "list");

  aip_assistant_filter_set_status (filter, "active");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 123);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);

  aip_assistant_filter_set_timezone (filter, "America/Los_Angeles");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 124);

  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 0);
  g_assert_cmpstr (aip_test_state (window), ==, "no-match");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);
  g_assert_cmpstr (aip_test_state (window), ==, "list");

  /* The search reaches the messages, not only the names. */
  aip_assistant_filter_set_search (filter, "FOLLOW UP ON OUR");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 124);
  aip_assistant_filter_set_search (filter, "no such words anywhere");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 0);
  g_assert_cmpstr (aip_test_state (window), ==, "no-match");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);
  g_assert_false (aip_assistant_filter_is_active (filter));

  aip_test_destroy_window (window);
}

static void
test_fixture_sort (void)
{
  static const struct {
    const char *column;
    gint64      first_ascending;
  } expected[] = {
    { "Name", 124 },          /* "Follow-up" before "Sales" */
    { "Status", 123 },        /* active before inactive */
    { "Mode", 124 },          /* multimodal before pipeline */
    { "Timezone", 124 },      /* America/Los_Angeles before America/New_York */
    { "Local Time", 124 },    /* Los Angeles is behind New York */
    { "Webhook", 123 },       /* active before none */
    { "Updated", 124 },       /* July before August */
  };
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  AipWindow *window = aip_test_new_window (account);

  aip_test_load (account, body);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 other = expected[i].first_ascending == 123 ? 124 : 123;

      aip_test_sort_by (window, expected[i].column, GTK_SORT_ASCENDING);
      g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, expected[i].first_ascending);
      aip_test_sort_by (window, expected[i].column, GTK_SORT_DESCENDING);
      g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, other);
    }

  aip_test_destroy_window (window);
}

static void
test_generated (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_generated_bytes ();
  AipWindow *window = aip_test_new_window (account);
  AipAssistantFilter *filter = aip_test_filter (window);
  guint n_active = 0, n_inactive = 0, n_paused = 0, n_pipeline = 0;
  guint n_needle = 0, n_active_tokyo = 0, n_active_tokyo_pipeline = 0;

  for (guint i = 0; i < AIP_TEST_N_GENERATED; i++)
    {
      gboolean active = g_str_equal (aip_test_generated_status (i), "active");
      gboolean tokyo = i % G_N_ELEMENTS (aip_test_generated_zones) == 3;
      gboolean pipeline = g_str_equal (aip_test_generated_mode (i), "pipeline");

      n_active += active;
      n_inactive += g_str_equal (aip_test_generated_status (i), "inactive");
      n_paused += g_str_equal (aip_test_generated_status (i), "paused");
      n_pipeline += pipeline;
      n_needle += aip_test_generated_has_needle (i);
      n_active_tokyo += active && tokyo;
      n_active_tokyo_pipeline += active && tokyo && pipeline;
    }

  aip_test_load (account, body);
  g_assert_cmpuint (aip_test_n_rows (window), ==, AIP_TEST_N_GENERATED);

  aip_assistant_filter_set_status (filter, "active");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_active);
  aip_assistant_filter_set_timezone (filter, "Asia/Tokyo");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_active_tokyo);
  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_active_tokyo_pipeline);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, AIP_TEST_N_GENERATED);

  aip_assistant_filter_set_status (filter, "inactive");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_inactive);
  aip_assistant_filter_set_status (filter, "paused");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_paused);
  aip_assistant_filter_set_status (filter, NULL);
  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_pipeline);
  aip_assistant_filter_set_mode (filter, NULL);

  aip_assistant_filter_set_search (filter, "needle");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_needle);
  aip_assistant_filter_set_search (filter, "Assistant 000");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 10);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, AIP_TEST_N_GENERATED);

  /* Names count down while ids count up. */
  aip_test_sort_by (window, "Name", GTK_SORT_ASCENDING);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 1000 + AIP_TEST_N_GENERATED - 1);
  aip_test_sort_by (window, "Name", GTK_SORT_DESCENDING);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 1000);
  aip_test_sort_by (window, "Timezone", GTK_SORT_ASCENDING);
  g_assert_cmpstr (aip_assistant_get_timezone (aip_test_row (window, 0)), ==, "America/Los_Angeles");
  aip_test_sort_by (window, "Local Time", GTK_SORT_DESCENDING);
  g_assert_cmpstr (aip_assistant_get_timezone (aip_test_row (window, 0)), ==, "Asia/Tokyo");
  aip_test_sort_by (window, "Status", GTK_SORT_ASCENDING);
  g_assert_cmpstr (aip_assistant_get_status (aip_test_row (window, 0)), ==, "active");
  aip_test_sort_by (window, "Mode", GTK_SORT_ASCENDING);
  g_assert_cmpstr (aip_assistant_get_mode (aip_test_row (window, 0)), ==, "multimodal");
  aip_test_sort_by (window, "Webhook", GTK_SORT_DESCENDING);
  g_assert_null (aip_assistant_get_webhook_url (aip_test_row (window, 0)));
  aip_test_sort_by (window, "Updated", GTK_SORT_DESCENDING);
  g_assert_cmpint (g_date_time_get_month (aip_assistant_get_updated_at (aip_test_row (window, 0))), ==, 12);

  /* Sorted and filtered together. */
  aip_assistant_filter_set_status (filter, "inactive");
  aip_test_sort_by (window, "Name", GTK_SORT_ASCENDING);
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_inactive);
  g_assert_cmpstr (aip_assistant_get_status (aip_test_row (window, 0)), ==, "inactive");

  aip_test_destroy_window (window);
}

/* The list changes in one step: however the filter changes, the list
 * never passes through an empty or partial state on its way. */
static void
count_steps_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GArray     *sizes)
{
  guint n = g_list_model_get_n_items (model);

  g_array_append_val (sizes, n);
}

static void
test_one_step (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_generated_bytes ();
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  AipWindow *window = aip_test_new_window (account);
  AipAssistantFilter *filter = aip_test_filter (window);
  GListModel *shown = aip_assistant_table_get_shown (aip_test_table (window));
  guint n_inactive;

  aip_test_load (account, body);
  g_assert_cmpuint (aip_test_n_rows (window), ==, AIP_TEST_N_GENERATED);
  g_signal_connect (shown, "items-changed", G_CALLBACK (count_steps_cb), sizes);

  aip_assistant_filter_set_status (filter, "inactive");
  n_inactive = aip_test_n_rows (window);
  g_assert_cmpuint (sizes->len, ==, 1);
  g_assert_cmpuint (g_array_index (sizes, guint, 0), ==, n_inactive);

  g_array_set_size (sizes, 0);
  aip_assistant_filter_set_status (filter, "active");
  g_assert_cmpuint (aip_test_n_rows (window), >, 0);
  g_assert_cmpuint (sizes->len, ==, 1);

  g_array_set_size (sizes, 0);
  aip_test_sort_by (window, "Name", GTK_SORT_ASCENDING);
  g_assert_cmpuint (sizes->len, ==, 1);

  g_signal_handlers_disconnect_by_data (shown, sizes);
  aip_test_destroy_window (window);
}

static void
test_remembered_filters (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;
  AipWindow *window;

  g_settings_set_string (settings, "filter-status", "inactive");

  window = aip_test_new_window (account);
  g_assert_cmpstr (aip_assistant_filter_get_status (aip_test_filter (window)), ==, "inactive");

  aip_test_load (account, body);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 124);

  aip_assistant_filter_set_status (aip_test_filter (window), "active");
  stored = g_settings_get_string (settings, "filter-status");
  g_assert_cmpstr (stored, ==, "active");
  aip_assistant_filter_set_status (aip_test_filter (window), NULL);
  g_clear_pointer (&stored, g_free);
  stored = g_settings_get_string (settings, "filter-status");
  g_assert_cmpstr (stored, ==, "");

  aip_test_destroy_window (window);
  aip_test_reset_settings ();
}

static void
test_calling_now (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  g_autoptr(GDateTime) now = aip_test_monday_afternoon ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 90);
  g_autoptr(AipCallingHours) from_noon = NULL;
  g_autoptr(AipCallingHours) usual = aip_calling_hours_new_default ();
  AipWindow *window = aip_test_new_window (account);
  AipAssistantFilter *filter = aip_test_filter (window);
  GtkWidget *cell;

  g_object_set (window, "now", now, NULL);
  aip_test_load (account, body);
  aip_test_sort_by (window, "Name", GTK_SORT_ASCENDING);

  /* Sales, active in New York, calls; its time in its own zone, the
   * person's in the tooltip. Follow-up is inactive: it never calls. */
  cell = aip_test_wait_for_cell (window, "calling-now", 123);
  g_assert_true (g_str_has_prefix (aip_test_cell_text (cell), "Open"));
  g_assert_true (g_str_has_prefix (aip_test_cell_hint (cell), "Closes "));
  cell = aip_test_wait_for_cell (window, "calling-now", 124);
  g_assert_cmpstr (aip_test_cell_text (cell), ==, "Not calling");

  /* Open first. */
  aip_test_sort_by (window, "Calling Hours", GTK_SORT_ASCENDING);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 123);
  aip_test_sort_by (window, "Calling Hours", GTK_SORT_DESCENDING);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 124);

  /* The toggle keeps New York only. */
  aip_assistant_filter_set_calling_now (filter, TRUE);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (aip_test_row (window, 0)), ==, 123);

  /* The calling hours follow the window's: from noon New York is closed. */
  from_noon = aip_calling_hours_new (12 * 60, 18 * 60, AIP_WEEKDAYS_WORKWEEK, NULL);
  g_assert_nonnull (from_noon);
  g_object_set (window, "calling-hours", from_noon, NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 0);
  g_assert_cmpstr (aip_test_state (window), ==, "no-match");
  g_object_set (window, "calling-hours", usual, NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);

  /* Later, Los Angeles opens too, but an inactive assistant stays out. */
  g_object_set (window, "now", later, NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);

  aip_test_destroy_window (window);
}

static gboolean
generated_needs_attention (guint      i,
                           GDateTime *now)
{
  gboolean has_url = i % 5 != 0;
  gboolean hook_active = i % 2 == 0;
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2025, 1 + i % 12, 1 + i % 28, 10, 0, 0);
  gboolean stale = g_date_time_difference (now, updated) > 90 * G_TIME_SPAN_DAY;

  return (has_url && !hook_active) || (!has_url && hook_active) ||
         (g_str_equal (aip_test_generated_status (i), "active") && stale);
}

static void
test_needs_attention (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_generated_bytes ();
  g_autoptr(GDateTime) now = aip_test_monday_afternoon ();
  AipWindow *window = aip_test_new_window (account);
  AipAssistantFilter *filter = aip_test_filter (window);
  guint n_attention = 0, n_attention_tokyo = 0;
  GtkWidget *cell;

  for (guint i = 0; i < AIP_TEST_N_GENERATED; i++)
    {
      gboolean attention = generated_needs_attention (i, now);

      n_attention += attention;
      n_attention_tokyo += attention && i % G_N_ELEMENTS (aip_test_generated_zones) == 3;
    }
  g_assert_cmpuint (n_attention, >, 0);
  g_assert_cmpuint (n_attention, <, AIP_TEST_N_GENERATED);

  g_object_set (window, "now", now, NULL);
  aip_test_load (account, body);

  aip_assistant_filter_set_needs_attention (filter, TRUE);
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_attention);
  aip_assistant_filter_set_timezone (filter, "Asia/Tokyo");
  g_assert_cmpuint (aip_test_n_rows (window), ==, n_attention_tokyo);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, AIP_TEST_N_GENERATED);

  /* "Assistant 0000" (id 1999) has a webhook that is set but off: the
   * warning sign says so, to the eye and to a screen reader. */
  cell = aip_test_wait_for_cell (window, "name", 1999);
  g_assert_cmpstr (aip_test_cell_text (cell), ==, "Assistant 0000");
  g_assert_true (gtk_widget_get_visible (aip_test_cell_warning (cell)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (aip_test_cell_warning (cell)),
                            "The webhook URL is set but the webhook is inactive"));

  /* Number 15 is inactive, without a webhook: nothing to say. */
  g_assert_false (generated_needs_attention (15, now));
  cell = aip_test_wait_for_cell (window, "name", 1015);
  g_assert_false (gtk_widget_get_visible (aip_test_cell_warning (cell)));

  aip_test_destroy_window (window);
}

static void
test_columns (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AipWindow *window = aip_test_new_window (account);
  GtkColumnView *view = GTK_COLUMN_VIEW (aip_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_autoptr(GtkColumnViewColumn) mode = NULL;
  g_autoptr(GtkColumnViewColumn) name = NULL;
  g_auto(GStrv) visible = NULL;
  g_autoptr(GVariant) widths = NULL;
  int width = 0;

  aip_test_load (account, body);
  name = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (name), ==, "Name");

  /* At the default size: name, status, calling hours, timezone, updated.
   * Mode is not in the list until the person asks for it, at its place,
   * and that is remembered. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "table.show-mode", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 6);
  mode = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
  g_assert_cmpstr (gtk_column_view_column_get_title (mode), ==, "Mode");
  visible = g_settings_get_strv (settings, "visible-columns");
  g_assert_true (g_strv_contains ((const char * const *) visible, "mode"));

  /* Sorted by a column that folds away on a narrow window: the choice
   * stays, and is the list's again when the window widens. */
  aip_test_sort_by (window, "Updated", GTK_SORT_DESCENDING);
  aip_assistant_table_set_narrow (aip_test_table (window), TRUE);
  aip_assistant_table_set_narrow (aip_test_table (window), FALSE);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autofree char *sort_column = g_settings_get_string (settings, "sort-column");

    g_assert_cmpstr (sort_column, ==, "updated");
    g_assert_true (g_settings_get_boolean (settings, "sort-descending"));
  }
  g_assert_cmpstr (gtk_column_view_column_get_title (
                     gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (view)))),
                   ==, "Updated");
#endif

  /* A width dragged just before the window closes is kept: the window
   * goes at once, before the settings would be written. */
  gtk_column_view_column_set_fixed_width (name, 321);
  aip_test_destroy_window (window);
  widths = g_settings_get_value (settings, "column-widths");
  g_assert_true (g_variant_lookup (widths, "name", "i", &width));
  g_assert_cmpint (width, ==, 321);

  /* Nothing the window started outlives it. */
  for (guint i = 0; i < 10; i++)
    g_usleep (100000), g_main_context_iteration (NULL, FALSE);

  aip_test_reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  aip_test_ui_init (&argc, &argv);

  g_test_add_func ("/table/fixture/filters", test_fixture_filters);
  g_test_add_func ("/table/fixture/sort", test_fixture_sort);
  g_test_add_func ("/table/generated", test_generated);
  g_test_add_func ("/table/one-step", test_one_step);
  g_test_add_func ("/table/remembered-filters", test_remembered_filters);
  g_test_add_func ("/table/calling-now", test_calling_now);
  g_test_add_func ("/table/needs-attention", test_needs_attention);
  g_test_add_func ("/table/columns", test_columns);

  return aip_test_ui_run ();
}
