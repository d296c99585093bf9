/* aip-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "aip-assistant-cell.h"
#include "aip-enums.h"
#include "aip-test-files.h"
#include "aip-test-ui.h"

const char *aip_test_generated_zones[4] = {
  "America/Los_Angeles", "America/New_York", "Europe/Sofia", "Asia/Tokyo",
};

static char *cache_home;

/* GTK 4.24's X11 backend reports a popover's frame as submitted twice on a
 * display without a compositor, as Xvfb is: GDK's own doing, nothing here
 * touches frame timings. Every other message goes on, and stays fatal. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
      strstr (message, "gdk_frame_timings_submitted() called on submitted frame") != NULL)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
aip_test_ignore_frame_timings (void)
{
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
}

void
aip_test_ui_init (int    *argc,
                  char ***argv)
{
  aip_test_ignore_frame_timings ();

  /* Offline copies of this run only, before GLib first reads the variable. */
  cache_home = g_dir_make_tmp ("aip-window-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  /* The software GL driver of a virtual display keeps memory from its
   * generated code past exit; the widgets under test draw the same with
   * cairo. GTK 4.16 moved the switch from GDK_DEBUG to GDK_DISABLE and
   * later releases warn about the old name. */
  if (gtk_get_minor_version () >= 16)
    g_setenv ("GDK_DISABLE", "gl", FALSE);
  else
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* The window buttons of GNOME and of phones; a bare X server offers
   * minimize and maximize too. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
}

int
aip_test_ui_run (void)
{
  int status = g_test_run ();

  aip_test_remove_tree (cache_home);
  g_clear_pointer (&cache_home, g_free);

  return status;
}

void
aip_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

AipAccount *
aip_test_new_account (void)
{
  aip_test_reset_settings ();

  return aip_account_new (NULL);
}

AipAccount *
aip_test_new_account_for (AipTestServer *server,
                          const char    *token)
{
  AipAccount *account = aip_test_new_account ();
  g_autoptr(GError) error = NULL;

  aip_account_set_base_url (account, aip_test_server_get_base_url (server), &error);
  g_assert_no_error (error);
  if (token != NULL)
    aip_account_set_token (account, token);

  return account;
}

/* The assistants of @body, as the loopback server answers them to a token
 * of their own. */
void
aip_test_load (AipAccount *account,
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

void
aip_test_load_sample (AipAccount *account)
{
  gboolean done = FALSE;

  aip_account_load_sample_async (account, NULL, sample_loaded_cb, &done);
  aip_test_wait_for (&done);
}

GBytes *
aip_test_fixture_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "outbound-assistants.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

const char *
aip_test_generated_status (guint i)
{
  return i % 7 == 0 ? "paused" : i % 3 == 0 ? "inactive" : "active";
}

const char *
aip_test_generated_mode (guint i)
{
  return i % 3 == 1 ? "pipeline" : "multimodal";
}

gboolean
aip_test_generated_has_needle (guint i)
{
  return i % 10 == 4;
}

GBytes *
aip_test_generated_bytes (void)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < AIP_TEST_N_GENERATED; i++)
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
                              1000 + i, (AIP_TEST_N_GENERATED - 1) - i,
                              aip_test_generated_mode (i), aip_test_generated_status (i),
                              i % 20, aip_test_generated_zones[i % G_N_ELEMENTS (aip_test_generated_zones)],
                              aip_test_generated_has_needle (i) ? "needle" : "there",
                              i,
                              i % 5 == 0 ? "null" : "\"https://example.com/hook\"",
                              i % 2 == 0 ? "true" : "false",
                              1 + i % 12, 1 + i % 28);
    }

  g_string_append (json, "]");

  return g_string_free_to_bytes (json);
}

/* Monday 1 December 2025, 16:00 UTC: 11:00 in New York (open), 08:00 in
 * Los Angeles (closed until 09:00), 18:00 in Sofia (closed: the end is
 * exclusive) and 01:00 on Tuesday in Tokyo. */
GDateTime *
aip_test_monday_afternoon (void)
{
  return g_date_time_new_utc (2025, 12, 1, 16, 0, 0);
}

AipWindow *
aip_test_new_window (AipAccount *account)
{
  AipWindow *window = aip_window_new (NULL, account, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

void
aip_test_destroy_window (AipWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Callbacks of cancelled operations still hold a reference. */
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  g_assert_finalize_object (window);
}

void
aip_test_wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget of the type under root whose title (for rows), label,
 * name or tooltip is text, or the first of the type when text is NULL;
 * hidden ones too. */
GtkWidget *
aip_test_find (GtkWidget  *root,
               GType       type,
               const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *title = ADW_IS_PREFERENCES_ROW (root) ?
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) : NULL;
      const char *label = GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root)) : NULL;
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      if (ADW_IS_STATUS_PAGE (root))
        title = adw_status_page_get_title (ADW_STATUS_PAGE (root));
      else if (GTK_IS_BUTTON (root))
        title = gtk_button_get_label (GTK_BUTTON (root));

      if (text == NULL || g_strcmp0 (title, text) == 0 || g_strcmp0 (tooltip, text) == 0 ||
          g_strcmp0 (gtk_widget_get_name (root), text) == 0 ||
          (label != NULL && g_str_has_prefix (label, text)))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = aip_test_find (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A window of the type the application opened, once it is on screen */
GtkWidget *
aip_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  g_assert_not_reached ();
}

GtkWidget *
aip_test_find_named (GtkWidget  *root,
                     const char *name)
{
  GtkWidget *found = aip_test_find (root, GTK_TYPE_WIDGET, name);

  g_assert_nonnull (found);
  return found;
}

AipAssistantTable *
aip_test_table (AipWindow *window)
{
  GtkWidget *table = aip_test_find (GTK_WIDGET (window), AIP_TYPE_ASSISTANT_TABLE, NULL);

  g_assert_nonnull (table);
  return AIP_ASSISTANT_TABLE (table);
}

AipAssistantFilter *
aip_test_filter (AipWindow *window)
{
  return aip_assistant_table_get_filter (aip_test_table (window));
}

/* What the window shows: "sign-in", "loading", "error", or for the list
 * "empty", "no-match" or "list", read off its stacks */
const char *
aip_test_state (AipWindow *window)
{
  GtkStack *main_stack = GTK_STACK (aip_test_find_named (GTK_WIDGET (window), "main-stack"));
  const char *page = gtk_stack_get_visible_child_name (main_stack);

  if (g_strcmp0 (page, "content") == 0)
    return gtk_stack_get_visible_child_name (GTK_STACK (aip_test_find_named (GTK_WIDGET (window), "list-stack")));

  return page;
}

void
aip_test_wait_for_state (AipWindow  *window,
                         const char *state)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (aip_test_state (window), state) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The banner's text while it is revealed: an AdwBanner where libadwaita
 * has one, the template's revealer on 1.2 */
char *
aip_test_banner_text (AipWindow *window)
{
  GtkWidget *revealer = aip_test_find_named (GTK_WIDGET (window), "banner");

#if ADW_CHECK_VERSION (1, 3, 0)
  GtkWidget *banner = aip_test_find (GTK_WIDGET (window), ADW_TYPE_BANNER, NULL);

  g_assert_nonnull (banner);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  if (!adw_banner_get_revealed (ADW_BANNER (banner)) || !gtk_widget_get_visible (banner))
    return NULL;

  {
    g_autofree char *text = NULL;

    pango_parse_markup (adw_banner_get_title (ADW_BANNER (banner)), -1, 0, NULL, &text, NULL, NULL);
    return g_steal_pointer (&text);
  }
#else
  GtkWidget *label;

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;

  label = aip_test_find (revealer, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
#endif
}

/* The toast on screen, the newest: every child of the overlay but its
 * content is a toast. */
GtkWidget *
aip_test_toast (AipWindow *window)
{
  GtkWidget *overlay = aip_test_find (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL);
  GtkWidget *content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

  for (GtkWidget *child = gtk_widget_get_last_child (overlay); child != NULL; child = gtk_widget_get_prev_sibling (child))
    if (child != content && gtk_widget_get_visible (child) && aip_test_find (child, GTK_TYPE_LABEL, NULL) != NULL)
      return child;

  return NULL;
}

char *
aip_test_toast_text (AipWindow *window)
{
  GtkWidget *toast = aip_test_toast (window);
  char *text = NULL;

  if (toast == NULL)
    return NULL;

  pango_parse_markup (gtk_label_get_label (GTK_LABEL (aip_test_find (toast, GTK_TYPE_LABEL, NULL))),
                      -1, 0, NULL, &text, NULL, NULL);
  return text;
}

const char *
aip_test_subtitle (AipWindow *window)
{
  GtkWidget *title = aip_test_find (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL);

  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

/* Runs the main loop until the list shows what the filter and the sorter
 * give and nothing else is ready to run. */
void
aip_test_wait_settled (AipWindow *window)
{
  AipAssistantTable *table = aip_test_table (window);

  /* Idle work first; spinners animate for ever, so this is bounded. */
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  while (!aip_assistant_table_get_settled (table))
    g_main_context_iteration (NULL, TRUE);
}

guint
aip_test_n_rows (AipWindow *window)
{
  aip_test_wait_settled (window);

  return g_list_model_get_n_items (aip_assistant_table_get_shown (aip_test_table (window)));
}

AipAssistant *
aip_test_row (AipWindow *window,
              guint      position)
{
  g_autoptr(AipAssistant) assistant = NULL;

  aip_test_wait_settled (window);
  assistant = g_list_model_get_item (aip_assistant_table_get_shown (aip_test_table (window)), position);
  g_assert_nonnull (assistant);

  /* The list holds a reference for as long as the test looks. */
  return assistant;
}

guint
aip_test_find_row (AipWindow *window,
                   gint64     id)
{
  GListModel *model = aip_assistant_table_get_shown (aip_test_table (window));

  aip_test_wait_settled (window);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (model, i);

      if (aip_assistant_get_id (assistant) == id)
        return i;
    }

  g_assert_not_reached ();
}

/* Every column in the view, through the menu's toggles as a person would */
void
aip_test_show_all_columns (AipWindow *window)
{
  static const char *ids[] = { "status", "calling-now", "timezone", "local-time", "mode", "webhook", "updated" };
  GtkWidget *view = aip_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strconcat ("table.show-", ids[i], NULL);
      guint before = g_list_model_get_n_items (columns);

      g_assert_true (gtk_widget_activate_action (view, name, NULL));
      if (g_list_model_get_n_items (columns) < before)
        gtk_widget_activate_action (view, name, NULL);
    }
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 8);
}

void
aip_test_sort_by (AipWindow   *window,
                  const char  *title,
                  GtkSortType  order)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (aip_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *columns = gtk_column_view_get_columns (view);

  aip_test_show_all_columns (window);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (view, column, order);
          aip_test_wait_settled (window);
          return;
        }
    }

  g_assert_not_reached ();
}

void
aip_test_select (AipWindow *window,
                 guint      position)
{
  g_autoptr(AipAssistant) assistant = g_object_ref (aip_test_row (window, position));

  g_assert_true (aip_assistant_table_show_assistant (aip_test_table (window), aip_assistant_get_id (assistant)));
  g_assert_true (aip_assistant_table_get_selected (aip_test_table (window)) == assistant);
}

static GtkWidget *
find_cell (GtkWidget     *root,
           AipSortColumn  column,
           AipAssistant  *assistant)
{
  if (AIP_IS_ASSISTANT_CELL (root) &&
      aip_assistant_cell_get_column (AIP_ASSISTANT_CELL (root)) == column &&
      aip_assistant_cell_get_assistant (AIP_ASSISTANT_CELL (root)) == assistant &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, column, assistant);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The cell of a column for the assistant with that id, once the list
 * scrolled it into sight and laid it out */
GtkWidget *
aip_test_wait_for_cell (AipWindow  *window,
                        const char *column,
                        gint64      id)
{
  g_autoptr(GEnumClass) columns = g_type_class_ref (AIP_TYPE_SORT_COLUMN);
  GEnumValue *value = g_enum_get_value_by_nick (columns, column);
  AipAssistantTable *table = aip_test_table (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  AipAssistant *assistant;
  GtkWidget *cell;

  g_assert_nonnull (value);
  assistant = aip_test_row (window, aip_test_find_row (window, id));
  g_assert_true (aip_assistant_table_show_assistant (table, id));

  while ((cell = find_cell (GTK_WIDGET (table), value->value, assistant)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return cell;
}

const char *
aip_test_cell_text (GtkWidget *cell)
{
  return gtk_label_get_text (GTK_LABEL (aip_test_find_named (cell, "text")));
}

/* What the cell's tooltip says */
const char *
aip_test_cell_hint (GtkWidget *cell)
{
  g_autofree char *hint = NULL;

  g_object_get (cell, "hint", &hint, NULL);
  g_object_set_data_full (G_OBJECT (cell), "aip-test-hint", g_steal_pointer (&hint), g_free);

  return g_object_get_data (G_OBJECT (cell), "aip-test-hint");
}

GtkWidget *
aip_test_cell_warning (GtkWidget *cell)
{
  return aip_test_find_named (cell, "warning");
}

GtkWidget *
aip_test_cell_dot (GtkWidget *cell)
{
  return aip_test_find_named (cell, "dot");
}
