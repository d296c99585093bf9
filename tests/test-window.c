/* test-window.c: the main window's pages, banners, toasts, keyboard and
 * clock, against a loopback server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-cache.h"
#include "aip-detail-pane.h"
#include "aip-sign-in-page.h"
#include "aip-test-ui.h"

static void
test_loading (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("[]", 2);
  AipAccount *account = aip_test_new_account_for (server, "good-token");
  AipWindow *window;

  /* The server never answers: the first load shows its page. */
  aip_test_server_set_reply (server, NULL, 200, "application/json", empty, NULL, AIP_TEST_REPLY_HANG);
  window = aip_test_new_window (account);
  aip_test_wait_for_state (window, "loading");
  aip_test_destroy_window (window);

  /* A new token cancels the fetch that never ends. */
  aip_account_set_token (account, NULL);
  while (G_OBJECT (account)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (account);
}

static char *
wait_for_banner (AipWindow  *window,
                 const char *unlike)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  char *text;

  while ((text = aip_test_banner_text (window)) == NULL || g_strcmp0 (text, unlike) == 0)
    {
      g_free (text);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return text;
}

static void
test_states (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = aip_test_new_account_for (server, "good-token");
  g_autoptr(GBytes) empty = g_bytes_new_static ("[]", 2);
  g_autofree char *banner = NULL;
  g_autofree char *forbidden = NULL;
  GtkWidget *error_page;
  GtkWidget *sign_in_page;
  AipWindow *window;

  /* An error without data has a page, and no banner. */
  aip_test_server_set_reply (server, NULL, 500, "text/plain", empty, NULL, AIP_TEST_REPLY_NORMAL);
  window = aip_test_new_window (account);
  aip_test_wait_for_state (window, "error");
  g_assert_null (aip_test_banner_text (window));
  error_page = aip_test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "The Assistants Could Not Be Loaded");
  g_assert_nonnull (error_page);
  g_assert_true (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)));

  /* Try Again reaches an empty account. */
  aip_test_server_set_reply (server, NULL, 200, "application/json", empty, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  aip_test_wait_for_state (window, "empty");

  /* Data, then a revoked token: the data stays under a banner that says
   * what happened, with the way out. */
  aip_test_server_set_reply_file (server, "good-token", "outbound-assistants.json");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  aip_test_wait_for_state (window, "list");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);

  aip_test_server_set_reply (server, "good-token", 401, "application/json", empty, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  banner = wait_for_banner (window, NULL);
  g_assert_cmpstr (banner, ==, aip_account_get_error (account)->message);
  g_assert_cmpstr (aip_test_state (window), ==, "list");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);

  /* Sign In Again leads to the sign-in page, which says why, and back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-in-again", NULL);
  g_assert_cmpstr (aip_test_state (window), ==, "sign-in");
  sign_in_page = aip_test_find (GTK_WIDGET (window), AIP_TYPE_SIGN_IN_PAGE, NULL);
  g_assert_nonnull (aip_test_find (sign_in_page, GTK_TYPE_LABEL, banner));
  g_assert_true (gtk_widget_get_mapped (aip_test_find (sign_in_page, GTK_TYPE_LABEL, banner)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_cmpstr (aip_test_state (window), ==, "list");

  /* A 403 has its own words. */
  aip_test_server_set_reply (server, "good-token", 403, "application/json", empty, NULL, AIP_TEST_REPLY_NORMAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  forbidden = wait_for_banner (window, banner);
  g_assert_nonnull (strstr (forbidden, "administrator"));

  /* No match: the filters hide every row. */
  aip_assistant_filter_set_search (aip_test_filter (window), "nothing matches this");
  g_assert_cmpuint (aip_test_n_rows (window), ==, 0);
  g_assert_cmpstr (aip_test_state (window), ==, "no-match");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);

  aip_test_destroy_window (window);
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
test_sample (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = aip_test_new_account_for (server, NULL);
  g_autofree char *banner = NULL;
  AipWindow *window;
  gboolean done = FALSE;

  window = aip_test_new_window (account);
  aip_test_wait_for_state (window, "sign-in");

  /* The sample is marked as such, and never refreshes. */
  aip_test_load_sample (account);
  aip_test_wait_for_state (window, "list");
  banner = aip_test_banner_text (window);
  g_assert_cmpstr (banner, ==, "This is sample data, not your account’s");
  g_assert_cmpstr (aip_test_subtitle (window), ==, "Sample data, not from your account");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL) &&
                  aip_account_get_refreshing (account));
  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, 0);

  aip_account_sign_out_async (account, NULL, sign_out_cb, &done);
  aip_test_wait_for (&done);
  g_assert_cmpstr (aip_test_state (window), ==, "sign-in");
  g_clear_pointer (&banner, g_free);
  banner = aip_test_banner_text (window);
  g_assert_null (banner);

  aip_test_destroy_window (window);
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
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("[]", 2);
  AipAccount *account = aip_test_new_account_for (server, "good-token");
  g_autoptr(AipCache) cache = aip_cache_new (aip_account_get_base_url (account));
  g_autofree char *banner = NULL;
  AipWindow *window;
  gboolean done = FALSE;

  /* A copy from an earlier run, and a server that never answers. */
  aip_cache_write_async (cache, body, NULL, cache_written_cb, &done);
  aip_test_wait_for (&done);
  aip_test_server_set_reply (server, NULL, 200, "application/json", empty, NULL, AIP_TEST_REPLY_HANG);

  window = aip_test_new_window (account);
  aip_test_wait_for_state (window, "list");
  g_assert_true (aip_account_get_offline_copy (account));
  g_assert_cmpuint (aip_test_n_rows (window), ==, 2);
  g_assert_nonnull (strstr (aip_test_subtitle (window), "Offline copy from "));
  banner = aip_test_banner_text (window);
  g_assert_null (banner);

  aip_test_destroy_window (window);

  aip_account_set_token (account, NULL);
  while (G_OBJECT (account)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (account);
}

/* Until the window is at most width wide, or long enough that it never
 * will be: the assertion after it then says so */
static void
wait_for_width (AipWindow *window,
                int        width)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (GTK_WIDGET (window)) > width && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
}

/* The question that text heads, wherever libadwaita puts it: inside the
 * window from 1.5, a window of its own before */
static GtkWidget *
wait_for_alert (const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
          GtkWidget *label = aip_test_find (toplevel, GTK_TYPE_LABEL, heading);

          if (label != NULL && gtk_widget_get_mapped (label))
#if ADW_CHECK_VERSION (1, 5, 0)
            return gtk_widget_get_ancestor (label, ADW_TYPE_ALERT_DIALOG);
#else
            return GTK_WIDGET (gtk_widget_get_root (label));
#endif
        }

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Export asks for the format first, each said in a line; Cancel leaves. */
static void
test_export_dialog (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) bytes = aip_test_fixture_bytes ();
  AipWindow *window = aip_test_new_window (account);
  GtkWidget *dialog, *cancel;

  aip_test_load (account, bytes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = wait_for_alert ("Export Assistants");
  g_assert_nonnull (dialog);

  g_assert_nonnull (aip_test_find (dialog, GTK_TYPE_LABEL, "The 2 assistants shown, in the order shown."));
  g_assert_nonnull (aip_test_find (dialog, ADW_TYPE_ACTION_ROW, "CSV for Spreadsheets"));
  g_assert_nonnull (aip_test_find (dialog, ADW_TYPE_ACTION_ROW, "CSV"));
  g_assert_nonnull (aip_test_find (dialog, ADW_TYPE_ACTION_ROW, "JSON"));

  cancel = aip_test_find (dialog, GTK_TYPE_BUTTON, "_Cancel");
  g_assert_nonnull (cancel);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (cancel);
  while (dialog != NULL && gtk_widget_get_mapped (dialog))
    g_main_context_iteration (NULL, TRUE);
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  aip_test_destroy_window (window);
}

/* Items the window cannot show are counted where the person sees them. */
static void
test_skipped (void)
{
  static const char body[] = "[{\"id\": 1, \"name\": \"Kept\"}, 17, {\"name\": \"no id\"}]";
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, sizeof body - 1);
  AipWindow *window = aip_test_new_window (account);
  GtkWidget *label;

  aip_test_load (account, bytes);
  g_assert_cmpuint (aip_test_n_rows (window), ==, 1);
  label = aip_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                         "2 items of the server’s answer could not be read and are not shown");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER))));

  aip_test_destroy_window (window);
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

static gint64
usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* The window tells when there is no network; the refreshing itself is the
 * application's, tested here with the window on top. */
static void
test_auto_refresh (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = aip_test_new_account_for (server, "good-token");
  TestNetwork *network = g_object_new (test_network_get_type (), NULL);
  g_autoptr(GDateTime) start = aip_test_monday_afternoon ();
  g_autoptr(GDateTime) half_minute = g_date_time_add_seconds (start, 30);
  g_autoptr(GDateTime) one_minute = g_date_time_add_seconds (start, 61);
  g_autoptr(GDateTime) five_minutes = g_date_time_add_minutes (start, 5);
  g_autoptr(AipAutoRefresh) auto_refresh = aip_auto_refresh_new (account);
  g_autofree char *banner = NULL;
  AipWindow *window;

  aip_refresh_schedule_set_interval (aip_auto_refresh_get_schedule (auto_refresh), 1);
  aip_auto_refresh_set_network_monitor (auto_refresh, G_NETWORK_MONITOR (network));
  aip_auto_refresh_set_now (auto_refresh, usec (start));
  aip_test_server_set_reply_file (server, "good-token", "outbound-assistants.json");

  window = aip_window_new (NULL, account, auto_refresh);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "now", start, NULL);
  wait_for_requests (server, account, 1);
  aip_test_wait_for_state (window, "list");

  /* Not due before the minute is over; then the timer asks by itself. */
  aip_auto_refresh_set_now (auto_refresh, usec (half_minute));
  g_assert_false (aip_auto_refresh_check (auto_refresh));
  aip_auto_refresh_set_now (auto_refresh, usec (one_minute));
  wait_for_requests (server, account, 2);

  /* Without a network: a banner, and no refresh however late it is. */
  set_network (network, auto_refresh, FALSE);
  banner = aip_test_banner_text (window);
  g_assert_true (g_str_has_prefix (banner, "No network connection; showing the data from "));
  aip_auto_refresh_set_now (auto_refresh, usec (five_minutes));
  g_assert_false (aip_auto_refresh_check (auto_refresh));
  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, 2);

  /* Its return brings a refresh, and the banner goes. */
  set_network (network, auto_refresh, TRUE);
  wait_for_requests (server, account, 3);
  g_clear_pointer (&banner, g_free);
  banner = aip_test_banner_text (window);
  g_assert_null (banner);

  aip_test_destroy_window (window);
  g_clear_object (&auto_refresh);
  g_assert_finalize_object (network);
}

static void
test_details_and_keys (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  AipWindow *window = aip_test_new_window (account);
  AipAssistantTable *table = aip_test_table (window);
  GtkWidget *entry = aip_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_autofree char *toast = NULL;

  aip_test_load (account, body);
  aip_test_sort_by (window, "Name", GTK_SORT_ASCENDING);
  aip_test_select (window, 1);

  /* Copying says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-id", NULL));
  toast = aip_test_toast_text (window);
  g_assert_cmpstr (toast, ==, "ID copied");

  /* Enter in the search goes to the first result. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_widget_get_first_child (entry)) ||
                 gtk_widget_get_focus_child (entry) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "sales");
  g_signal_emit_by_name (entry, "activate");
  aip_test_wait_settled (window);
  g_assert_cmpint (aip_assistant_get_id (aip_assistant_table_get_selected (table)), ==, 123);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (table)));

  aip_test_destroy_window (window);
}

/* The server first, then the token; an address without a scheme is taken
 * as https://; a refused one says why, where the person looks. */
static void
test_sign_in_page (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipAccount) account = aip_test_new_account_for (server, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;
  AipWindow *window = aip_test_new_window (account);
  GtkWidget *page, *server_row, *token_row, *reason, *scroller;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  graphene_rect_t bounds, server_bounds, token_bounds;

  aip_test_wait_for_state (window, "sign-in");
  page = aip_test_find (GTK_WIDGET (window), AIP_TYPE_SIGN_IN_PAGE, NULL);
  while (g_strcmp0 (aip_sign_in_page_get_view_name (AIP_SIGN_IN_PAGE (page)), "token") != 0)
    g_main_context_iteration (NULL, TRUE);

  server_row = aip_test_find (page, ADW_TYPE_ENTRY_ROW, "Server Address");
  token_row = aip_test_find (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "API Token");
  g_assert_nonnull (server_row);
  g_assert_nonnull (token_row);
  while (!gtk_widget_get_mapped (server_row) || gtk_widget_get_height (server_row) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_compute_bounds (server_row, page, &server_bounds));
  g_assert_true (gtk_widget_compute_bounds (token_row, page, &token_bounds));
  g_assert_cmpfloat (server_bounds.origin.y, <, token_bounds.origin.y);

  /* No scheme: https:// is meant. */
  gtk_editable_set_text (GTK_EDITABLE (server_row), "platform.example.com/api");
  g_signal_emit_by_name (server_row, "entry-activated");
  stored = g_settings_get_string (settings, "base-url");
  g_assert_cmpstr (stored, ==, "https://platform.example.com/api");

  /* Plain http to another computer is refused, the reason in sight. */
  gtk_editable_set_text (GTK_EDITABLE (server_row), "http://example.com/api");
  g_signal_emit_by_name (server_row, "entry-activated");
  reason = aip_test_find (page, GTK_TYPE_LABEL, "This address cannot be used");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_visible (reason));
  scroller = gtk_widget_get_ancestor (reason, GTK_TYPE_SCROLLED_WINDOW);
  while (g_get_monotonic_time () < end &&
         (!gtk_widget_compute_bounds (reason, scroller, &bounds) ||
          bounds.size.height == 0 || bounds.origin.y < -0.5 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller) + 0.5))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, -0.5);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller) + 0.5);
  g_clear_pointer (&stored, g_free);
  stored = g_settings_get_string (settings, "base-url");
  g_assert_cmpstr (stored, ==, "https://platform.example.com/api");

  aip_test_destroy_window (window);
  aip_test_reset_settings ();
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

/* Tab leaves the list instead of walking its rows; on a narrow window the
 * details cover the list, and going back shows it again. */
static void
test_keyboard (void)
{
  g_autoptr(AipAccount) account = aip_test_new_account ();
  g_autoptr(GBytes) body = aip_test_fixture_bytes ();
  AipWindow *window = aip_test_new_window (account);
  AipAssistantTable *table = aip_test_table (window);
  GtkWidget *view = aip_test_find (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *pane;

  aip_test_load (account, body);
  aip_test_wait_for_state (window, "list");
  aip_test_select (window, 0);
  gtk_widget_grab_focus (GTK_WIDGET (table));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (table)));
  g_assert_true (press_key (view, GDK_KEY_Tab));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), view));

  /* 360 pixels: nothing in the window asks for more. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  wait_for_width (window, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  pane = aip_test_find (GTK_WIDGET (window), AIP_TYPE_DETAIL_PANE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL));
  while (!gtk_widget_get_mapped (pane) || gtk_widget_get_mapped (GTK_WIDGET (table)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_width (window, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  while (!gtk_widget_get_mapped (GTK_WIDGET (table)))
    g_main_context_iteration (NULL, TRUE);

  aip_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  aip_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/loading", test_loading);
  g_test_add_func ("/window/states", test_states);
  g_test_add_func ("/window/sample", test_sample);
  g_test_add_func ("/window/sign-in-page", test_sign_in_page);
  g_test_add_func ("/window/offline-copy", test_offline_copy);
  g_test_add_func ("/window/skipped", test_skipped);
  g_test_add_func ("/window/auto-refresh", test_auto_refresh);
  g_test_add_func ("/window/details-and-keys", test_details_and_keys);
  g_test_add_func ("/window/keyboard", test_keyboard);
  g_test_add_func ("/window/export-dialog", test_export_dialog);

  return aip_test_ui_run ();
}
