/* test-window.c: the main window driven through its actions and filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "aip-assistant-sorter.h"
#include "aip-filter-choice.h"
#include "aip-test-server.h"
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
load (AipAccount *account,
      GBytes     *body)
{
  gboolean done = FALSE;

  aip_account_load_sample_async (account, body, NULL, sample_loaded_cb, &done);
  wait_for (&done);
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
  g_settings_reset (settings, "sort-column");
  g_settings_reset (settings, "column-widths");
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

  /* The sample is marked as such, and never refreshes. */
  load (account, body);
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

int
main (int   argc,
      char *argv[])
{
  /* The software GL driver of a virtual display keeps memory from its
   * generated code past exit; the widgets under test draw the same with
   * cairo. */
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

  return g_test_run ();
}
