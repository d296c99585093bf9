/* test-window.c: the main window driven through its actions and filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "aip-assistant-sorter.h"
#include "aip-cache.h"
#include "aip-changes-popover.h"
#include "aip-filter-bar-private.h"
#include "aip-preferences-window.h"
#include "aip-filter-choice.h"
#include "aip-name-cell.h"
#include "aip-test-server.h"
#include "aip-token-store.h"
#include "aip-window.h"

#define N_GENERATED 1000

static const char *generated_zones[] = {
  "America/Los_Angeles", "America/New_York", "Europe/Sofia", "Asia/Tokyo",
};

/* Runs the main loop until the sort and filter models are done and nothing
 * else is ready to run. */
static void
wait_for_models (AipWindow *window)
{
  GListModel *selection = aip_window_get_visible_model (window);
  GtkFilterListModel *filter_model = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
  GtkSortListModel *sort_model = GTK_SORT_LIST_MODEL (gtk_filter_list_model_get_model (filter_model));

  /* Idle work first; spinners animate for ever, so this is bounded. The
   * filter bar may then reset a choice the data no longer has. */
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  aip_filter_bar_update_now (aip_window_get_filter_bar (window));

  while (gtk_filter_list_model_get_pending (filter_model) > 0 ||
         gtk_sort_list_model_get_pending (sort_model) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_state (AipWindow  *window,
                const char *state)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (aip_window_get_state_name (window), state) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static guint
n_rows (AipWindow *window)
{
  wait_for_models (window);

  return g_list_model_get_n_items (aip_window_get_visible_model (window));
}

static AipAssistant *
row (AipWindow *window,
     guint      position)
{
  g_autoptr(AipAssistant) assistant = g_list_model_get_item (aip_window_get_visible_model (window), position);

  g_assert_nonnull (assistant);

  return assistant;
}

static void
sample_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aip_account_load_sample_finish (AIP_ACCOUNT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
load_sample (AipAccount *account)
{
  gboolean done = FALSE;

  aip_account_load_sample_async (account, NULL, sample_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The assistants of @body, as the loopback server answers them to a token
 * of their own. */
static void
load (AipAccount *account,
      GBytes     *body)
{
  static AipTestServer *server;
  static guint n_loads;
  g_autofree char *token = g_strdup_printf ("window-test-%u", ++n_loads);
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    server = aip_test_server_new ();

  aip_test_server_set_reply (server, token, 200, "application/json", body, NULL, AIP_TEST_REPLY_NORMAL);
  aip_account_set_use_offline_copy (account, FALSE);
  g_assert_true (aip_account_set_base_url (account, aip_test_server_get_base_url (server), &error));
  g_assert_no_error (error);
  aip_account_set_token (account, token);
  aip_account_refresh (account);
  while (aip_account_get_refreshing (account))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (aip_account_get_state (account), ==, AIP_ACCOUNT_STATE_READY);
}

static GBytes *
fixture_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "outbound-assistants.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static const char *
generated_status (guint i)
{
  return i % 7 == 0 ? "paused" : i % 3 == 0 ? "inactive" : "active";
}

static const char *
generated_mode (guint i)
{
  return i % 3 == 1 ? "pipeline" : "multimodal";
}

static gboolean
generated_has_needle (guint i)
{
  return i % 10 == 4;
}

static GBytes *
generated_bytes (void)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_string_append_printf (json,
                              "%s{\"id\":%u,\"user_id\":1,\"name\":\"Assistant %04u\","
                              "\"type\":\"outbound\",\"mode\":\"%s\",\"status\":\"%s\","
                              "\"voice_id\":%u,\"language_id\":1,\"timezone\":\"%s\","
                              "\"initial_message\":\"Hello %s\",\"system_prompt\":\"Be kind\","
                              "\"variables\":{\"n\":\"%u\"},"
                              "\"webhook_url\":%s,\"is_webhook_active\":%s,"
                              "\"created_at\":\"2025-01-01T00:00:00.000000Z\","
                              "\"updated_at\":\"2025-%02u-%02uT10:00:00.000000Z\"}",
                              i == 0 ? "" : ",",
                              1000 + i, (N_GENERATED - 1) - i,
                              generated_mode (i), generated_status (i),
                              i % 20, generated_zones[i % G_N_ELEMENTS (generated_zones)],
                              generated_has_needle (i) ? "needle" : "there",
                              i,
                              i % 5 == 0 ? "null" : "\"https://example.com/hook\"",
                              i % 2 == 0 ? "true" : "false",
                              1 + i % 12, 1 + i % 28);
    }

  g_string_append (json, "]");

  return g_string_free_to_bytes (json);
}

static AipWindow *
new_window (AipAccount *account)
{
  AipWindow *window = aip_window_new (NULL, account);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
destroy_window (AipWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Callbacks of cancelled operations still hold a reference. */
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  g_assert_finalize_object (window);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "filter-status");
  g_settings_reset (settings, "filter-timezone");
  g_settings_reset (settings, "filter-mode");
  g_settings_reset (settings, "filter-calling-now");
  g_settings_reset (settings, "filter-needs-attention");
  g_settings_reset (settings, "sort-column");
  g_settings_reset (settings, "column-widths");
  g_settings_reset (settings, "calling-start");
  g_settings_reset (settings, "calling-end");
  g_settings_reset (settings, "calling-days");
  g_settings_reset (settings, "auto-refresh");
}

static AipAccount *
new_account (void)
{
  g_autoptr(AipTokenStore) store = aip_token_store_new ();

  reset_settings ();
  aip_token_store_set_timeout (store, 5);

  return aip_account_new (store);
}

static guint
choice_count (AipWindow      *window,
              AipFilterFacet  facet,
              const char     *value)
{
  GListModel *choices = aip_filter_bar_get_choices (aip_window_get_filter_bar (window), facet);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (aip_filter_choice_get_value (choice), value) == 0)
        return aip_filter_choice_get_count (choice);
    }

  g_assert_not_reached ();
}

static void
sort_by (AipWindow   *window,
         const char  *id,
         GtkSortType  order)
{
  GtkColumnViewColumn *column = aip_window_get_column (window, id);

  g_assert_nonnull (column);
  gtk_column_view_sort_by_column (gtk_column_view_column_get_column_view (column), column, order);
  wait_for_models (window);
}

static void
test_fixture_filters (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = fixture_bytes ();
  AipWindow *window = new_window (account);
  AipAssistantFilter *filter = aip_window_get_filter (window);

  load (account, body);
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "list");
  g_assert_cmpstr (aip_filter_bar_get_summary (aip_window_get_filter_bar (window)), ==, "2 of 2 assistants");

  aip_assistant_filter_set_status (filter, "active");
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 123);
  g_assert_cmpstr (aip_filter_bar_get_summary (aip_window_get_filter_bar (window)), ==, "1 of 2 assistants");
  /* Counts of one facet follow the other facets, not their own. */
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_STATUS, "inactive"), ==, 1);
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_MODE, "multimodal"), ==, 0);
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_MODE, NULL), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, 2);

  aip_assistant_filter_set_timezone (filter, "America/Los_Angeles");
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 124);

  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "no-match");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "list");

  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 123);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);

  /* The search reaches the messages, not only the names. */
  aip_assistant_filter_set_search (filter, "FOLLOW UP ON OUR");
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 124);
  aip_assistant_filter_set_search (filter, "no such words anywhere");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "no-match");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_false (aip_assistant_filter_is_active (filter));

  destroy_window (window);
}

static void
test_fixture_sort (void)
{
  static const struct {
    const char *column;
    gint64      first_ascending;
  } expected[] = {
    { "name", 124 },        /* "Follow-up" before "Sales" */
    { "status", 123 },      /* active before inactive */
    { "mode", 124 },        /* multimodal before pipeline */
    { "timezone", 124 },    /* America/Los_Angeles before America/New_York */
    { "local-time", 124 },  /* Los Angeles is behind New York */
    { "webhook", 123 },     /* active before none */
    { "updated", 124 },     /* July before August */
  };
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = fixture_bytes ();
  AipWindow *window = new_window (account);

  load (account, body);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 other = expected[i].first_ascending == 123 ? 124 : 123;

      sort_by (window, expected[i].column, GTK_SORT_ASCENDING);
      g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, expected[i].first_ascending);
      sort_by (window, expected[i].column, GTK_SORT_DESCENDING);
      g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, other);
    }

  destroy_window (window);
}

static void
test_fixture_details (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = fixture_bytes ();
  AipWindow *window = new_window (account);
  AipDetailPane *pane = aip_window_get_detail_pane (window);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (aip_window_get_visible_model (window));

  load (account, body);
  sort_by (window, "name", GTK_SORT_DESCENDING);

  gtk_single_selection_set_selected (selection, 0);
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "name"), ==, "Sales Outbound Assistant");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "id"), ==, "123");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "status"), ==, "Active");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "mode"), ==, "Pipeline");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "voice"), ==, "Voice #8");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "language"), ==, "Language #1");
  g_assert_true (g_str_has_prefix (aip_detail_pane_get_shown_text (pane, "timezone"), "America/New_York"));
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "webhook"), ==,
                   "https://yourcompany.com/api/webhooks/outbound-calls");
  g_assert_true (g_str_has_prefix (aip_detail_pane_get_shown_text (pane, "webhook-state"), "Active"));
  g_assert_true (g_str_has_prefix (aip_detail_pane_get_shown_text (pane, "initial-message"), "Hi, this is Sarah"));
  g_assert_true (g_str_has_prefix (aip_detail_pane_get_shown_text (pane, "system-prompt"), "You are a sales"));
  g_assert_nonnull (strstr (aip_detail_pane_get_shown_text (pane, "updated"), "2025"));

  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "name"), ==, "Follow-up Assistant");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "id"), ==, "124");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "status"), ==, "Inactive");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "voice"), ==, "Voice #12");
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "webhook"), ==, "No webhook");

  /* The actions a person uses on the selection work without a crash. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-id", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);

  destroy_window (window);
}

/* The menus' counts come in slices from idle, so that a large list never
 * holds a frame; changes in the middle of a count start it again, and the
 * result is what counting at once gives. */
static void
test_counts_in_slices (void)
{
  static const struct
  {
    AipFilterFacet  facet;
    const char     *value;
  } choices[] = {
    { AIP_FILTER_FACET_STATUS, NULL }, { AIP_FILTER_FACET_STATUS, "active" },
    { AIP_FILTER_FACET_STATUS, "paused" }, { AIP_FILTER_FACET_TIMEZONE, NULL },
    { AIP_FILTER_FACET_TIMEZONE, "Asia/Tokyo" }, { AIP_FILTER_FACET_MODE, "pipeline" },
  };
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = generated_bytes ();
  AipWindow *window = new_window (account);
  AipAssistantFilter *filter = aip_window_get_filter (window);
  AipFilterBar *bar = aip_window_get_filter_bar (window);
  guint sliced[G_N_ELEMENTS (choices)];
  guint calling, attention;

  load (account, body);
  aip_filter_bar_set_slice_size (7);

  aip_assistant_filter_set_status (filter, "active");
  g_assert_true (aip_filter_bar_get_counting (bar));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  /* A thousand assistants, seven at a time: still counting */
  g_assert_true (aip_filter_bar_get_counting (bar));

  aip_assistant_filter_set_timezone (filter, "Asia/Tokyo");
  while (aip_filter_bar_get_counting (bar))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    sliced[i] = choice_count (window, choices[i].facet, choices[i].value);
  calling = aip_filter_bar_get_calling_count (bar);
  attention = aip_filter_bar_get_attention_count (bar);

  aip_filter_bar_set_slice_size (0);
  aip_filter_bar_update_now (bar);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_assert_cmpuint (sliced[i], ==, choice_count (window, choices[i].facet, choices[i].value));
  g_assert_cmpuint (calling, ==, aip_filter_bar_get_calling_count (bar));
  g_assert_cmpuint (attention, ==, aip_filter_bar_get_attention_count (bar));
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_TIMEZONE, "Asia/Tokyo"), >, 0);

  destroy_window (window);
}

static void
test_generated (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = generated_bytes ();
  AipWindow *window = new_window (account);
  AipAssistantFilter *filter = aip_window_get_filter (window);
  guint n_active = 0, n_inactive = 0, n_paused = 0, n_tokyo = 0, n_pipeline = 0;
  guint n_needle = 0, n_active_tokyo = 0, n_active_tokyo_pipeline = 0;

  for (guint i = 0; i < N_GENERATED; i++)
    {
      gboolean active = g_str_equal (generated_status (i), "active");
      gboolean tokyo = g_str_equal (generated_zones[i % G_N_ELEMENTS (generated_zones)], "Asia/Tokyo");
      gboolean pipeline = g_str_equal (generated_mode (i), "pipeline");

      n_active += active;
      n_inactive += g_str_equal (generated_status (i), "inactive");
      n_paused += g_str_equal (generated_status (i), "paused");
      n_tokyo += tokyo;
      n_pipeline += pipeline;
      n_needle += generated_has_needle (i);
      n_active_tokyo += active && tokyo;
      n_active_tokyo_pipeline += active && tokyo && pipeline;
    }

  load (account, body);
  g_assert_cmpuint (n_rows (window), ==, N_GENERATED);

  /* A status the app does not know is offered as it is. */
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_STATUS, "paused"), ==, n_paused);
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_TIMEZONE, "Asia/Tokyo"), ==, n_tokyo);

  aip_assistant_filter_set_status (filter, "active");
  g_assert_cmpuint (n_rows (window), ==, n_active);
  aip_assistant_filter_set_timezone (filter, "Asia/Tokyo");
  g_assert_cmpuint (n_rows (window), ==, n_active_tokyo);
  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (n_rows (window), ==, n_active_tokyo_pipeline);
  g_assert_cmpuint (choice_count (window, AIP_FILTER_FACET_STATUS, NULL), >=, n_active_tokyo_pipeline);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, N_GENERATED);

  aip_assistant_filter_set_status (filter, "inactive");
  g_assert_cmpuint (n_rows (window), ==, n_inactive);
  aip_assistant_filter_set_status (filter, "paused");
  g_assert_cmpuint (n_rows (window), ==, n_paused);
  aip_assistant_filter_set_status (filter, NULL);
  aip_assistant_filter_set_mode (filter, "pipeline");
  g_assert_cmpuint (n_rows (window), ==, n_pipeline);
  aip_assistant_filter_set_mode (filter, NULL);

  aip_assistant_filter_set_search (filter, "needle");
  g_assert_cmpuint (n_rows (window), ==, n_needle);
  aip_assistant_filter_set_search (filter, "Assistant 000");
  g_assert_cmpuint (n_rows (window), ==, 10);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, N_GENERATED);

  /* Names count down while ids count up. */
  sort_by (window, "name", GTK_SORT_ASCENDING);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 1000 + N_GENERATED - 1);
  sort_by (window, "name", GTK_SORT_DESCENDING);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 1000);
  sort_by (window, "timezone", GTK_SORT_ASCENDING);
  g_assert_cmpstr (aip_assistant_get_timezone (row (window, 0)), ==, "America/Los_Angeles");
  sort_by (window, "local-time", GTK_SORT_DESCENDING);
  g_assert_cmpstr (aip_assistant_get_timezone (row (window, 0)), ==, "Asia/Tokyo");
  sort_by (window, "status", GTK_SORT_ASCENDING);
  g_assert_cmpstr (aip_assistant_get_status (row (window, 0)), ==, "active");
  sort_by (window, "mode", GTK_SORT_ASCENDING);
  g_assert_cmpstr (aip_assistant_get_mode (row (window, 0)), ==, "multimodal");
  sort_by (window, "webhook", GTK_SORT_DESCENDING);
  g_assert_null (aip_assistant_get_webhook_url (row (window, 0)));
  sort_by (window, "updated", GTK_SORT_DESCENDING);
  g_assert_cmpint (g_date_time_get_month (aip_assistant_get_updated_at (row (window, 0))), ==, 12);

  /* Sorted and filtered together. */
  aip_assistant_filter_set_status (filter, "inactive");
  sort_by (window, "name", GTK_SORT_ASCENDING);
  g_assert_cmpuint (n_rows (window), ==, n_inactive);
  g_assert_cmpstr (aip_assistant_get_status (row (window, 0)), ==, "inactive");

  destroy_window (window);
}

static void
test_remembered_filters (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = fixture_bytes ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;
  AipWindow *window;

  g_settings_set_string (settings, "filter-status", "inactive");
  g_settings_set_string (settings, "filter-mode", "no-such-mode");

  window = new_window (account);
  g_assert_cmpstr (aip_assistant_filter_get_status (aip_window_get_filter (window)), ==, "inactive");

  load (account, body);
  /* The remembered mode is gone from the data and falls back to all. */
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_null (aip_assistant_filter_get_mode (aip_window_get_filter (window)));
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 124);

  aip_assistant_filter_set_status (aip_window_get_filter (window), "active");
  stored = g_settings_get_string (settings, "filter-status");
  g_assert_cmpstr (stored, ==, "active");

  destroy_window (window);
  reset_settings ();
}

static AipAccount *
new_account_for (AipTestServer *server,
                 const char    *token)
{
  AipAccount *account = new_account ();
  g_autoptr(GError) error = NULL;

  aip_account_set_base_url (account, aip_test_server_get_base_url (server), &error);
  g_assert_no_error (error);
  if (token != NULL)
    aip_account_set_token (account, token);

  return account;
}

static void
test_loading (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("[]", 2);
  AipAccount *account = new_account_for (server, "good-token");
  AipWindow *window;

  /* The server never answers: the first load shows its page. */
  aip_test_server_set_reply (server, NULL, 200, "application/json", empty, NULL, AIP_TEST_REPLY_HANG);
  window = new_window (account);
  wait_for_state (window, "loading");
  destroy_window (window);

  /* A new token cancels the fetch that never ends. */
  aip_account_set_token (account, NULL);
  while (G_OBJECT (account)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (account);
}

static void
test_states (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = new_account_for (server, "good-token");
  g_autoptr(GBytes) empty = g_bytes_new_static ("[]", 2);
  AipWindow *window;

  /* An error without data. */
  aip_test_server_set_reply (server, NULL, 500, "text/plain", empty, NULL, AIP_TEST_REPLY_NORMAL);
  window = new_window (account);
  wait_for_state (window, "error");
  g_assert_null (aip_window_get_banner_text (window));

  /* Try Again reaches an empty account. */
  aip_test_server_set_reply (server, NULL, 200, "application/json", empty, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  wait_for_state (window, "empty");

  /* Data, then a revoked token: the data stays under a banner. */
  aip_test_server_set_reply_file (server, "good-token", "outbound-assistants.json");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  wait_for_state (window, "list");
  g_assert_cmpuint (n_rows (window), ==, 2);

  aip_test_server_set_reply (server, "good-token", 401, "application/json", empty, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  while (aip_window_get_banner_text (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (aip_window_get_banner_text (window), ==, "The server rejected the token");
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "list");
  g_assert_cmpuint (n_rows (window), ==, 2);

  /* Sign In Again leads to the sign-in page, and back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-in-again", NULL);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "sign-in");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "list");

  /* A 403 has its own words. */
  aip_test_server_set_reply (server, "good-token", 403, "application/json", empty, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  while (g_strcmp0 (aip_window_get_banner_text (window), "The server rejected the token") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (aip_window_get_banner_text (window), "administrator"));

  /* No match: the filters hide every row. */
  aip_assistant_filter_set_search (aip_window_get_filter (window), "nothing matches this");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "no-match");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, 2);

  destroy_window (window);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aip_account_sign_out_finish (AIP_ACCOUNT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* The first widget of the type under root whose title (for rows), label
 * or tooltip is text, or the first of the type when text is NULL */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *title = ADW_IS_PREFERENCES_ROW (root) ?
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) : NULL;
      const char *label = GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root)) : NULL;
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      if (text == NULL || g_strcmp0 (title, text) == 0 || g_strcmp0 (tooltip, text) == 0 ||
          (label != NULL && g_str_has_prefix (label, text)))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_signed_out (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = new_account_for (server, NULL);
  g_autoptr(GBytes) body = fixture_bytes ();
  AipWindow *window;
  gboolean done = FALSE;

  /* No token stored for this server: the sign-in page asks for one. */
  window = new_window (account);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "sign-in");
  while (g_strcmp0 (aip_sign_in_page_get_view_name (aip_window_get_sign_in_page (window)), "checking") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (aip_sign_in_page_get_view_name (aip_window_get_sign_in_page (window)), ==, "token");

  /* A refused server address scrolls its reason into sight, applied with
   * Enter as a person does. */
  {
    GtkWidget *page = GTK_WIDGET (aip_window_get_sign_in_page (window));
    GtkWidget *row = find_widget (page, ADW_TYPE_ENTRY_ROW, "Server Address");
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    graphene_rect_t bounds;
    GtkWidget *reason, *scroller;

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_widget (page, ADW_TYPE_EXPANDER_ROW, "Server")), TRUE);
    gtk_editable_set_text (GTK_EDITABLE (row), "http://example.com/api");
    g_signal_emit_by_name (row, "entry-activated");
    reason = find_widget (page, GTK_TYPE_LABEL, "This address cannot be used");
    g_assert_nonnull (reason);
    g_assert_true (gtk_widget_get_visible (reason));
    /* Where it is in the part of the page the scrolled window shows */
    scroller = gtk_widget_get_ancestor (reason, GTK_TYPE_SCROLLED_WINDOW);

    while (g_get_monotonic_time () < end &&
           (!gtk_widget_compute_bounds (reason, scroller, &bounds) ||
            bounds.size.height == 0 || bounds.origin.y < -0.5 ||
            bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller) + 0.5))
      g_main_context_iteration (NULL, TRUE);

    g_assert_cmpfloat (bounds.size.height, >, 0);
    g_assert_cmpfloat (bounds.origin.y, >=, -0.5);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller) + 0.5);
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  }

  /* The sample is marked as such, and never refreshes. */
  load_sample (account);
  wait_for_state (window, "list");
  g_assert_nonnull (aip_window_get_banner_text (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL) &&
                  aip_account_get_refreshing (account));
  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, 0);

  aip_account_sign_out_async (account, NULL, sign_out_cb, &done);
  wait_for (&done);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "sign-in");
  g_assert_null (aip_window_get_banner_text (window));

  destroy_window (window);
}

/* Monday 1 December 2025, 16:00 UTC: 11:00 in New York (open), 08:00 in
 * Los Angeles (closed until 09:00), 18:00 in Sofia (closed: the end is
 * exclusive) and 01:00 on Tuesday in Tokyo. */
static GDateTime *
monday_afternoon (void)
{
  return g_date_time_new_utc (2025, 12, 1, 16, 0, 0);
}

/* Cells exist only for rows on screen, once the column view has laid them
 * out; the view keeps the row it showed in sight when sorting moves it, so
 * the test scrolls as a person would. */
static GtkWidget *
wait_for_cell (AipWindow  *window,
               const char *column,
               guint       position)
{
  GtkWidget *view = GTK_WIDGET (gtk_column_view_column_get_column_view (aip_window_get_column (window, column)));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *cell;

  wait_for_models (window);
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);

  while ((cell = aip_window_get_cell (window, column, position)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return cell;
}

static guint
find_row (AipWindow *window,
          gint64     id)
{
  GListModel *model = aip_window_get_visible_model (window);

  wait_for_models (window);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (model, i);

      if (aip_assistant_get_id (assistant) == id)
        return i;
    }

  g_assert_not_reached ();
}

static void
test_calling_now (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = fixture_bytes ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = monday_afternoon ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 90);
  AipWindow *window = new_window (account);
  AipDetailPane *pane = aip_window_get_detail_pane (window);
  AipAssistantFilter *filter = aip_window_get_filter (window);
  GtkWidget *cell;

  aip_window_set_now (window, now);
  load (account, body);
  sort_by (window, "name", GTK_SORT_ASCENDING);

  /* Follow-up, in Los Angeles, then Sales, in New York; each in its own
   * time, with the person's time in the tooltip. */
  cell = wait_for_cell (window, "calling-now", 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "Opens Mon 09:00");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (cell), "Opens "));
  g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (cell), " your time"));
  cell = wait_for_cell (window, "calling-now", 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "Open");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (cell), "Closes "));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (aip_window_get_visible_model (window)), 0);
  g_assert_cmpstr (aip_detail_pane_get_shown_text (pane, "calling-status"), ==, "Closed");
  g_assert_true (g_str_has_prefix (aip_detail_pane_get_shown_text (pane, "calling"), "Opens Mon 09:00 there, "));
  g_assert_true (g_str_has_prefix (aip_detail_pane_get_shown_text (pane, "timezone"),
                                   "America/Los_Angeles (UTC\u221208:00), now 08:00"));

  /* Open first. */
  sort_by (window, "calling-now", GTK_SORT_ASCENDING);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 123);
  sort_by (window, "calling-now", GTK_SORT_DESCENDING);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 124);

  /* The toggle keeps New York only, and is remembered. */
  aip_assistant_filter_set_calling_now (filter, TRUE);
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_cmpint (aip_assistant_get_id (row (window, 0)), ==, 123);
  g_assert_true (g_settings_get_boolean (settings, "filter-calling-now"));

  /* The calling hours follow Preferences: from noon New York is closed. */
  g_settings_set_int (settings, "calling-start", 12 * 60);
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (aip_window_get_state_name (window), ==, "no-match");
  g_settings_reset (settings, "calling-start");
  g_assert_cmpuint (n_rows (window), ==, 1);

  /* The clock moves the filter: at 09:30 Los Angeles opens too. */
  aip_window_set_now (window, later);
  g_assert_cmpuint (n_rows (window), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_false (g_settings_get_boolean (settings, "filter-calling-now"));

  destroy_window (window);
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
         (g_str_equal (generated_status (i), "active") && stale);
}

static void
test_needs_attention (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = generated_bytes ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = monday_afternoon ();
  AipWindow *window = new_window (account);
  AipAssistantFilter *filter = aip_window_get_filter (window);
  AipDetailPane *pane = aip_window_get_detail_pane (window);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (aip_window_get_visible_model (window));
  guint n_attention = 0, n_attention_tokyo = 0, n_new_york = 0, n_attention_new_york = 0;
  AipNameCell *cell;

  for (guint i = 0; i < N_GENERATED; i++)
    {
      gboolean attention = generated_needs_attention (i, now);

      n_attention += attention;
      n_attention_tokyo += attention && i % G_N_ELEMENTS (generated_zones) == 3;
      n_new_york += i % G_N_ELEMENTS (generated_zones) == 1;
      n_attention_new_york += attention && i % G_N_ELEMENTS (generated_zones) == 1;
    }
  g_assert_cmpuint (n_attention, >, 0);
  g_assert_cmpuint (n_attention, <, N_GENERATED);

  aip_window_set_now (window, now);
  load (account, body);
  g_assert_cmpuint (n_rows (window), ==, N_GENERATED);
  g_assert_cmpuint (aip_filter_bar_get_attention_count (aip_window_get_filter_bar (window)), ==, n_attention);

  aip_assistant_filter_set_needs_attention (filter, TRUE);
  g_assert_cmpuint (n_rows (window), ==, n_attention);
  g_assert_true (g_settings_get_boolean (settings, "filter-needs-attention"));

  /* The count follows the other filters. */
  aip_assistant_filter_set_timezone (filter, "Asia/Tokyo");
  g_assert_cmpuint (n_rows (window), ==, n_attention_tokyo);
  aip_filter_bar_update_now (aip_window_get_filter_bar (window));
  g_assert_cmpuint (aip_filter_bar_get_attention_count (aip_window_get_filter_bar (window)), ==, n_attention_tokyo);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (n_rows (window), ==, N_GENERATED);
  g_assert_false (g_settings_get_boolean (settings, "filter-needs-attention"));

  /* Only New York may call at this moment. */
  g_assert_cmpuint (aip_filter_bar_get_calling_count (aip_window_get_filter_bar (window)), ==, n_new_york);
  aip_assistant_filter_set_calling_now (filter, TRUE);
  g_assert_cmpuint (n_rows (window), ==, n_new_york);

  /* With both toggles on, each count still leaves out its own toggle. */
  aip_assistant_filter_set_needs_attention (filter, TRUE);
  g_assert_cmpuint (n_rows (window), ==, n_attention_new_york);
  aip_filter_bar_update_now (aip_window_get_filter_bar (window));
  g_assert_cmpuint (aip_filter_bar_get_calling_count (aip_window_get_filter_bar (window)), ==, n_attention_new_york);
  g_assert_cmpuint (aip_filter_bar_get_attention_count (aip_window_get_filter_bar (window)), ==, n_attention_new_york);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);

  /* "Assistant 0000" is the last generated one, with a webhook that is set
   * but off: the warning sign says so, and so does the detail pane. */
  sort_by (window, "name", GTK_SORT_ASCENDING);
  cell = AIP_NAME_CELL (wait_for_cell (window, "name", 0));
  g_assert_cmpstr (aip_name_cell_get_name (cell), ==, "Assistant 0000");
  g_assert_nonnull (aip_name_cell_get_warning (cell));
  g_assert_nonnull (strstr (aip_name_cell_get_warning (cell), "The webhook URL is set but the webhook is inactive"));
  gtk_single_selection_set_selected (selection, 0);
  g_assert_nonnull (strstr (aip_detail_pane_get_shown_text (pane, "attention"),
                            "The webhook URL is set but the webhook is inactive"));

  /* Number 15 is inactive, without a webhook: nothing to say. */
  g_assert_false (generated_needs_attention (15, now));
  gtk_single_selection_set_selected (selection, find_row (window, 1015));
  g_assert_null (aip_detail_pane_get_shown_text (pane, "attention"));

  destroy_window (window);
}

static const char changed_body[] =
  "[{\"id\": 123, \"name\": \"Sales Assistant, Renamed\", \"status\": \"inactive\","
  "  \"mode\": \"pipeline\", \"timezone\": \"America/New_York\", \"user_id\": 1, \"type\": \"outbound\","
  "  \"voice_id\": 8, \"language_id\": 1,"
  "  \"initial_message\": \"Hi, this is Sarah from Your Company. I hope I'm catching you at a good time. How are you doing today?\","
  "  \"system_prompt\": \"You are a sales representative for Your Company. Be professional, friendly, and focus on qualifying leads.\","
  "  \"variables\": {\"company_name\": \"Your Company\", \"product_line\": \"Premium Services\"},"
  "  \"webhook_url\": \"https://yourcompany.com/api/webhooks/outbound-calls\", \"is_webhook_active\": true,"
  "  \"created_at\": \"2025-07-15T14:32:15.000000Z\", \"updated_at\": \"2025-08-02T09:18:42.000000Z\"},"
  " {\"id\": 125, \"name\": \"Brand New\", \"status\": \"active\", \"mode\": \"pipeline\","
  "  \"timezone\": \"Europe/Sofia\", \"initial_message\": \"Hello\", \"system_prompt\": \"Be brief\"}]";

/* The row of a popover's list with the given title */
static GtkWidget *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
selected_id (AipWindow *window)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (aip_window_get_visible_model (window));
  AipAssistant *assistant = gtk_single_selection_get_selected_item (selection);

  return assistant != NULL ? aip_assistant_get_id (assistant) : -1;
}

static void
test_changes (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = new_account_for (server, "good-token");
  g_autoptr(GBytes) changed = g_bytes_new_static (changed_body, sizeof changed_body - 1);
  g_auto(GStrv) entries = NULL;
  AipChangesPopover *popover;
  GtkWidget *button;
  AipWindow *window;

  /* The first answer is what the person has seen; an offline copy from
   * another test must not stand in for it. */
  aip_account_set_use_offline_copy (account, FALSE);
  aip_test_server_set_reply_file (server, "good-token", "outbound-assistants.json");
  window = new_window (account);
  wait_for_state (window, "list");
  button = aip_window_get_changes_button (window);
  popover = AIP_CHANGES_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_false (gtk_widget_get_visible (button));

  aip_test_server_set_reply (server, "good-token", 200, "application/json", changed, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  while (!gtk_widget_get_visible (button))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (aip_window_get_last_toast (window), ==, "1 new, 1 changed, 1 removed");
  entries = aip_changes_popover_dup_entries (popover);
  g_assert_cmpuint (g_strv_length (entries), ==, 3);
  g_assert_cmpstr (entries[0], ==, "Sales Assistant, Renamed: Changed: Name, Status");
  g_assert_cmpstr (entries[1], ==, "Brand New: New");
  g_assert_cmpstr (entries[2], ==, "Follow-up Assistant: Removed");

  /* The toast's button opens the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-changes", NULL));

  /* An entry shows its assistant; a removed one has nothing to show. */
  gtk_widget_activate (find_action_row (GTK_WIDGET (popover), "Brand New"));
  g_assert_cmpint (selected_id (window), ==, 125);
  g_assert_cmpint (aip_assistant_get_id (aip_detail_pane_get_assistant (aip_window_get_detail_pane (window))), ==, 125);
  g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_action_row (GTK_WIDGET (popover),
                                                                                  "Follow-up Assistant"))));

  /* Hidden by the search, it is shown all the same. */
  aip_assistant_filter_set_search (aip_window_get_filter (window), "Brand New");
  wait_for_models (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-assistant", "x", (gint64) 123));
  g_assert_cmpint (selected_id (window), ==, 123);
  g_assert_false (aip_assistant_filter_is_active (aip_window_get_filter (window)));
  g_assert_cmpstr (aip_window_get_last_toast (window), ==, "Filters cleared to show the assistant");

  /* Changed and new rows carry the dot. */
  g_assert_cmpint (aip_name_cell_get_change (AIP_NAME_CELL (wait_for_cell (window, "name", find_row (window, 123)))),
                   ==, AIP_CHANGE_CHANGED);
  g_assert_cmpint (aip_name_cell_get_change (AIP_NAME_CELL (wait_for_cell (window, "name", find_row (window, 125)))),
                   ==, AIP_CHANGE_NEW);

  /* Another refresh with the same answer keeps them and tells nothing new. */
  g_clear_pointer (&entries, g_strfreev);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  while (aip_account_get_refreshing (account))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (button));
  entries = aip_changes_popover_dup_entries (popover);
  g_assert_cmpuint (g_strv_length (entries), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-changes-seen", NULL));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpint (aip_name_cell_get_change (AIP_NAME_CELL (wait_for_cell (window, "name", find_row (window, 123)))),
                   ==, AIP_CHANGE_NONE);

  destroy_window (window);
}

static const char export_body[] =
  "[{\"id\": 1, \"name\": \"=SUM(A1:A9)\", \"status\": \"active\", \"timezone\": \"Europe/Sofia\"},"
  " {\"id\": 2, \"name\": \"Бургас, \\\"север\\\"\", \"status\": \"active\", \"timezone\": \"Europe/Sofia\"},"
  " {\"id\": 3, \"name\": \"Hidden by the filter\", \"status\": \"inactive\"}]";

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  guint n_written = 0;

  if (aip_window_export_to_file_finish (AIP_WINDOW (object), result, &n_written, error))
    g_assert_cmpuint (n_written, ==, 2);
  else
    g_assert_nonnull (*error);

  g_object_set_data (object, "test-done", GINT_TO_POINTER (TRUE));
}

static char *
export_to (AipWindow  *window,
           const char *path,
           AipFormat   format,
           GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *contents = NULL;

  g_object_set_data (G_OBJECT (window), "test-done", NULL);
  aip_window_export_to_file (window, file, format, NULL, exported_cb, error);
  while (g_object_get_data (G_OBJECT (window), "test-done") == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (*error == NULL)
    g_file_get_contents (path, &contents, NULL, error);

  return contents;
}

static void
test_export (void)
{
  g_autoptr(AipAccount) account = new_account ();
  g_autoptr(GBytes) body = g_bytes_new_static (export_body, sizeof export_body - 1);
  g_autofree char *dir = g_dir_make_tmp ("aip-export-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "assistants.csv", NULL);
  g_autofree char *sheet_path = g_build_filename (dir, "spreadsheet.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "assistants.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-folder", "assistants.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  AipWindow *window = new_window (account);
  JsonArray *array;

  load (account, body);
  aip_assistant_filter_set_status (aip_window_get_filter (window), "active");
  sort_by (window, "name", GTK_SORT_DESCENDING);
  g_assert_cmpuint (n_rows (window), ==, 2);

  /* The list as shown: filtered, and the Cyrillic name first. */
  csv = export_to (window, csv_path, AIP_FORMAT_CSV, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "id,user_id,name,"));
  g_assert_null (strstr (csv, "Hidden"));
  g_assert_nonnull (strstr (csv, "\r\n2,,\"Бургас, \"\"север\"\"\","));
  g_assert_nonnull (strstr (csv, "\r\n1,,=SUM(A1:A9),"));
  g_assert_true (strstr (csv, "Бургас") < strstr (csv, "=SUM"));
  g_assert_cmpstr (aip_window_get_last_toast (window), ==, "Exported 2 assistants");

  /* For spreadsheets: a byte-order mark, and no formula. */
  sheet = export_to (window, sheet_path, AIP_FORMAT_CSV_SPREADSHEET, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sheet, "\xef\xbb\xbf" "id,user_id,name,"));
  g_assert_nonnull (strstr (sheet, "\r\n1,,\"'=SUM(A1:A9)\","));

  json = export_to (window, json_path, AIP_FORMAT_JSON, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "id"), ==, 1);

  /* A place that cannot be written: a toast says so and nothing is left. */
  g_free (export_to (window, missing_path, AIP_FORMAT_CSV, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (aip_window_get_last_toast (window), "The assistants could not be exported. "));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  destroy_window (window);

  g_remove (csv_path);
  g_remove (sheet_path);
  g_remove (json_path);
  g_rmdir (dir);
}

static void
cache_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aip_cache_write_finish (AIP_CACHE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_offline_copy (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(GBytes) body = fixture_bytes ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("[]", 2);
  AipAccount *account = new_account_for (server, "good-token");
  g_autoptr(AipCache) cache = aip_cache_new (aip_account_get_base_url (account));
  AipWindow *window;
  gboolean done = FALSE;

  /* A copy from an earlier run, and a server that never answers. */
  aip_cache_write_async (cache, body, NULL, cache_written_cb, &done);
  wait_for (&done);
  aip_test_server_set_reply (server, NULL, 200, "application/json", empty, NULL, AIP_TEST_REPLY_HANG);

  window = new_window (account);
  wait_for_state (window, "list");
  g_assert_true (aip_account_get_offline_copy (account));
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_nonnull (strstr (aip_window_get_subtitle (window), "Offline copy from "));
  g_assert_null (aip_window_get_banner_text (window));

  destroy_window (window);

  aip_account_set_token (account, NULL);
  while (G_OBJECT (account)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (account);
}

/* A network that the test switches on and off, in place of the computer's
 * network monitor (the code under test only reads network-available). */
typedef struct
{
  GObject  parent_instance;
  gboolean available;
} TestNetwork;

typedef GObjectClass TestNetworkClass;

GType test_network_get_type (void);

static void test_network_monitor_init (GNetworkMonitorInterface *iface) { }
static void test_network_initable_init (GInitableIface *iface) { }

G_DEFINE_TYPE_WITH_CODE (TestNetwork, test_network, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_network_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_network_monitor_init))

enum {
  PROP_NETWORK_AVAILABLE = 1,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void
test_network_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestNetwork *self = (TestNetwork *) object;

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;

    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_network_class_init (TestNetworkClass *klass)
{
  klass->get_property = test_network_get_property;

  g_object_class_override_property (klass, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (klass, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (klass, PROP_CONNECTIVITY, "connectivity");
}

static void
test_network_init (TestNetwork *self)
{
  self->available = TRUE;
}

static void
set_network (TestNetwork    *network,
             AipAutoRefresh *auto_refresh,
             gboolean        up)
{
  network->available = up;
  g_object_notify (G_OBJECT (network), "network-available");
  g_assert_cmpint (aip_auto_refresh_get_online (auto_refresh), ==, up);
}

static void
wait_for_requests (AipTestServer *server,
                   AipAccount    *account,
                   guint          n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (aip_test_server_get_n_requests (server) < n || aip_account_get_refreshing (account))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, n);
}

static void
test_auto_refresh (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = new_account_for (server, "good-token");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TestNetwork *network = g_object_new (test_network_get_type (), NULL);
  g_autoptr(GDateTime) start = monday_afternoon ();
  g_autoptr(GDateTime) half_minute = g_date_time_add_seconds (start, 30);
  g_autoptr(GDateTime) one_minute = g_date_time_add_seconds (start, 61);
  g_autoptr(GDateTime) three_minutes = g_date_time_add_minutes (start, 3);
  g_autoptr(GDateTime) five_minutes = g_date_time_add_minutes (start, 5);
  AipAutoRefresh *auto_refresh;
  AipWindow *window;

  g_settings_set_int (settings, "auto-refresh", 1);
  aip_test_server_set_reply_file (server, "good-token", "outbound-assistants.json");

  window = new_window (account);
  auto_refresh = aip_window_get_auto_refresh (window);
  aip_auto_refresh_set_network_monitor (auto_refresh, G_NETWORK_MONITOR (network));
  aip_window_set_now (window, start);
  wait_for_requests (server, account, 1);
  wait_for_state (window, "list");

  /* Not due before the minute is over. */
  aip_window_set_now (window, half_minute);
  g_assert_false (aip_auto_refresh_check (auto_refresh));

  /* Once it is, the timer asks for a refresh by itself. */
  aip_window_set_now (window, one_minute);
  wait_for_requests (server, account, 2);

  /* The hook asks at once. */
  aip_window_set_now (window, three_minutes);
  g_assert_true (aip_auto_refresh_check (auto_refresh));
  wait_for_requests (server, account, 3);

  /* Without a network: a banner, and no refresh however late it is. */
  set_network (network, auto_refresh, FALSE);
  g_assert_true (g_str_has_prefix (aip_window_get_banner_text (window),
                                   "No network connection; showing the data from "));
  aip_window_set_now (window, five_minutes);
  g_assert_false (aip_auto_refresh_check (auto_refresh));
  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, 3);

  /* Its return brings a refresh. */
  set_network (network, auto_refresh, TRUE);
  wait_for_requests (server, account, 4);
  g_assert_null (aip_window_get_banner_text (window));

  /* Off in Preferences: nothing is due any more. */
  g_settings_set_int (settings, "auto-refresh", 0);
  g_assert_cmpint (aip_refresh_schedule_get_interval (aip_auto_refresh_get_schedule (auto_refresh)), ==, 0);
  aip_window_set_now (window, g_date_time_add_hours (five_minutes, 2));
  g_assert_false (aip_auto_refresh_check (auto_refresh));

  destroy_window (window);
  g_assert_finalize_object (network);
  reset_settings ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) days = NULL;
  AipPreferencesWindow *preferences;
  GtkWidget *base_url, *refresh, *from, *until, *sunday, *monday, *error;
  g_autofree char *stored = NULL;

  reset_settings ();
  g_settings_reset (settings, "base-url");
  preferences = aip_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));

  base_url = find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Server Address");
  refresh = find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Refresh Automatically");
  from = find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "From");
  until = find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Until");
  monday = find_widget (GTK_WIDGET (preferences), GTK_TYPE_TOGGLE_BUTTON, "Monday");
  sunday = find_widget (GTK_WIDGET (preferences), GTK_TYPE_TOGGLE_BUTTON, "Sunday");
  g_assert_nonnull (base_url);
  g_assert_nonnull (refresh);
  g_assert_nonnull (from);
  g_assert_nonnull (until);
  g_assert_nonnull (monday);
  g_assert_nonnull (sunday);

  /* What the settings hold shows */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (base_url)), ==, "https://call.aiployees.com/api");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (refresh)), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (monday)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sunday)));

  /* A plain-text server is refused with a reason, and nothing is saved */
  gtk_editable_set_text (GTK_EDITABLE (base_url), "http://example.com/api");
  g_signal_emit_by_name (base_url, "apply");
  error = find_widget (GTK_WIDGET (preferences), GTK_TYPE_LABEL, "This address cannot be used");
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  stored = g_settings_get_string (settings, "base-url");
  g_assert_cmpstr (stored, ==, "https://call.aiployees.com/api");
  g_clear_pointer (&stored, g_free);

  /* Typing again hides the reason; a good address is saved normalized */
  gtk_editable_set_text (GTK_EDITABLE (base_url), " HTTPS://Platform.Example.COM/api/ ");
  g_assert_false (gtk_widget_get_visible (error));
  g_signal_emit_by_name (base_url, "apply");
  stored = g_settings_get_string (settings, "base-url");
  g_assert_cmpstr (stored, ==, "https://platform.example.com/api");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (base_url)), ==, stored);
  g_clear_pointer (&stored, g_free);

  /* Automatic refresh: the choice is minutes; other values show as the
   * nearest choice */
  adw_combo_row_set_selected (ADW_COMBO_ROW (refresh), 3);
  g_assert_cmpint (g_settings_get_int (settings, "auto-refresh"), ==, 15);
  adw_combo_row_set_selected (ADW_COMBO_ROW (refresh), 0);
  g_assert_cmpint (g_settings_get_int (settings, "auto-refresh"), ==, 0);
  g_settings_set_int (settings, "auto-refresh", 50);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (refresh)), ==, 4);

  /* Calling hours in quarters of an hour; a window that closes before it
   * opens is refused and the rows go back */
  adw_combo_row_set_selected (ADW_COMBO_ROW (from), 8 * 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (until), 20 * 4 - 1);
  g_assert_cmpint (g_settings_get_int (settings, "calling-start"), ==, 8 * 60);
  g_assert_cmpint (g_settings_get_int (settings, "calling-end"), ==, 20 * 60);

  error = find_widget (GTK_WIDGET (preferences), GTK_TYPE_LABEL, "The calling hours must end after they start");
  g_assert_nonnull (error);
  g_assert_false (gtk_widget_get_visible (error));
  adw_combo_row_set_selected (ADW_COMBO_ROW (until), 6 * 4 - 1);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpint (g_settings_get_int (settings, "calling-end"), ==, 20 * 60);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (until)), ==, 20 * 4 - 1);
  /* New hours that make sense take the reason away */
  adw_combo_row_set_selected (ADW_COMBO_ROW (until), 18 * 4 - 1);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpint (g_settings_get_int (settings, "calling-end"), ==, 18 * 60);

  /* Days: toggles write the list; the settings move the toggles */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sunday), TRUE);
  days = g_settings_get_value (settings, "calling-days");
  g_assert_true (g_variant_equal (days, g_variant_new_parsed ("[1, 2, 3, 4, 5, 7]")));
  g_settings_set_value (settings, "calling-days", g_variant_new_parsed ("[7]"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (monday)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sunday)));

  reset_settings ();
  g_settings_reset (settings, "base-url");
  g_object_ref (preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (preferences);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_home = g_dir_make_tmp ("aip-window-cache-XXXXXX", NULL);
  int status;

  /* Offline copies of this run only, before GLib first reads the variable. */
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  /* The software GL driver of a virtual display keeps memory from its
   * generated code past exit; the widgets under test draw the same with
   * cairo. GTK 4.16 moved the switch from GDK_DEBUG to GDK_DISABLE and
   * later releases warn about the old name. */
  if (gtk_get_minor_version () >= 16)
    g_setenv ("GDK_DISABLE", "gl", FALSE);
  else
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/fixture/filters", test_fixture_filters);
  g_test_add_func ("/window/fixture/sort", test_fixture_sort);
  g_test_add_func ("/window/fixture/details", test_fixture_details);
  g_test_add_func ("/window/generated", test_generated);
  g_test_add_func ("/window/remembered-filters", test_remembered_filters);
  g_test_add_func ("/window/loading", test_loading);
  g_test_add_func ("/window/states", test_states);
  g_test_add_func ("/window/signed-out", test_signed_out);
  g_test_add_func ("/window/calling-now", test_calling_now);
  g_test_add_func ("/window/needs-attention", test_needs_attention);
  g_test_add_func ("/window/changes", test_changes);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/counts-in-slices", test_counts_in_slices);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/offline-copy", test_offline_copy);
  g_test_add_func ("/window/auto-refresh", test_auto_refresh);

  status = g_test_run ();
  remove_tree (cache_home);

  return status;
}
