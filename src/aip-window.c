/* aip-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-display.h"
#include "aip-window-private.h"

G_DEFINE_FINAL_TYPE (AipWindow, aip_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_AUTO_REFRESH,
  PROP_SHOW_FILTERS,
  PROP_NOW,
  PROP_CALLING_HOURS,
  PROP_USE_24H,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
refresh_child_name (gpointer  unused,
                    gboolean  refreshing)
{
  return g_strdup (refreshing ? "spinner" : "icon");
}

static gboolean
has_skipped (gpointer unused,
             guint    n_skipped)
{
  return n_skipped > 0;
}

static char *
skipped_text (gpointer unused,
              guint    n_skipped)
{
  return g_strdup_printf (ngettext ("%u item of the server’s answer could not be read and is not shown",
                                    "%u items of the server’s answer could not be read and are not shown",
                                    n_skipped),
                          n_skipped);
}

static void
set_now (AipWindow *self,
         GDateTime *now)
{
  if (self->now != NULL && g_date_time_equal (self->now, now))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);
}

/**
 * _aip_window_show_toast:
 * @self: a #AipWindow
 * @title: plain text, some of it from the server or the system
 * @button_label: (nullable): the button's label
 * @action_name: (nullable): the button's action
 * @action_target: (nullable): the action's parameter
 */
void
_aip_window_show_toast (AipWindow  *self,
                        const char *title,
                        const char *button_label,
                        const char *action_name,
                        GVariant   *action_target)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* Work that ends after the window went away has no one to tell. */
  if (self->toast_overlay == NULL)
    return;

  /* Toast titles are markup in libadwaita 1.2 */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  /* What the person just did or what just happened comes first */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      if (action_target != NULL)
        adw_toast_set_action_target_value (toast, action_target);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_banner (AipWindow  *self,
             const char *text,
             const char *button_label,
             const char *action_name)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  if (text != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_banner_set_title (ADW_BANNER (self->banner), escaped);
      adw_banner_set_button_label (ADW_BANNER (self->banner), button_label);
      g_object_set_data_full (G_OBJECT (self->banner), "aip-action", g_strdup (action_name), g_free);
    }
  adw_banner_set_revealed (ADW_BANNER (self->banner), text != NULL);
#else
  if (text != NULL)
    {
      gtk_label_set_text (self->banner_label, text);
      gtk_button_set_label (self->banner_button, button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), action_name);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
#endif
}

#if ADW_CHECK_VERSION (1, 3, 0)
static void
banner_clicked_cb (AipWindow *self,
                   AdwBanner *banner)
{
  const char *action_name = g_object_get_data (G_OBJECT (banner), "aip-action");

  if (action_name != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action_name, NULL);
}
#endif

static const char *
error_text (const GError *error)
{
  return error != NULL ? error->message : _("Something went wrong");
}

gboolean
_aip_window_is_folded (AipWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  if (self->split_view != NULL)
    return adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (self->split_view));
#endif

  return adw_leaflet_get_folded (self->leaflet);
}

gboolean
_aip_window_details_on_top (AipWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  if (self->split_view != NULL)
    return adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (self->split_view));
#endif

  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail_pane);
}

void
_aip_window_show_details (AipWindow *self,
                          gboolean   details)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  if (self->split_view != NULL)
    {
      adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (self->split_view), details);
      return;
    }
#endif

  adw_leaflet_set_visible_child (self->leaflet, details ? GTK_WIDGET (self->detail_pane) : self->list_page);
}

static void
update_subtitle (AipWindow *self)
{
  const char *host = aip_account_get_host (self->account);
  GDateTime *updated_at = aip_account_get_updated_at (self->account);
  g_autofree char *subtitle = NULL;

  if (aip_account_get_sample (self->account))
    subtitle = g_strdup (_("Sample data, not from your account"));
  else if (updated_at != NULL && !self->sign_in_requested && aip_account_get_offline_copy (self->account))
    {
      g_autofree char *when = aip_display_when (updated_at, self->now, self->use_24h);
      g_autofree char *copy = NULL;

      /* Translators: when the copy kept from the last run was fetched
       * follows, e.g. "Offline copy from 14:05" or "Offline copy from
       * March 3, 2025, 14:05" */
      copy = g_strdup_printf (_("Offline copy from %s"), when);
      subtitle = g_strdup_printf (C_("window subtitle", "%s · %s"), host != NULL ? host : "", copy);
    }
  else if (updated_at != NULL && !self->sign_in_requested)
    {
      g_autofree char *updated = NULL;

      if (g_date_time_difference (self->now, updated_at) < G_TIME_SPAN_MINUTE)
        updated = g_strdup (_("Updated just now"));
      else
        {
          g_autofree char *relative = aip_display_relative (updated_at, self->now);

          /* Translators: when the list was fetched, e.g. "Updated 5 minutes ago" */
          updated = g_strdup_printf (_("Updated %s"), relative);
        }

      /* Translators: the server's host name, then when the list was updated */
      subtitle = g_strdup_printf (C_("window subtitle", "%s · %s"), host != NULL ? host : "", updated);
    }
  else
    subtitle = g_strdup (host != NULL ? host : "");

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static gboolean
online (AipWindow *self)
{
  return self->auto_refresh == NULL || aip_auto_refresh_get_online (self->auto_refresh);
}

/* One banner at a time, the one the person can act on first. A network
 * error says less than "no network", but a rejected token more. */
static void
update_banner (AipWindow *self)
{
  AipAccountState state = aip_account_get_state (self->account);
  const GError *error = aip_account_get_error (self->account);
  GDateTime *updated_at = aip_account_get_updated_at (self->account);
  gboolean content = g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content");
  gboolean error_shown = content && state == AIP_ACCOUNT_STATE_ERROR;

  if (aip_account_get_sample (self->account) && !self->sign_in_requested)
    show_banner (self, _("This is sample data, not your account’s"), _("_Sign In"), "win.sign-in-again");
  else if (error_shown && aip_account_error_kind (error) == AIP_ERROR_KIND_SIGN_IN)
    show_banner (self, error_text (error), _("Sign In _Again"), "win.sign-in-again");
  else if (content && !online (self))
    {
      g_autofree char *text = NULL;

      if (updated_at != NULL)
        {
          g_autofree char *when = aip_display_when (updated_at, self->now, self->use_24h);

          /* Translators: when the list shown was fetched follows, e.g. "14:05" */
          text = g_strdup_printf (_("No network connection; showing the data from %s"), when);
        }
      else
        text = g_strdup (_("No network connection"));

      show_banner (self, text, _("_Try Again"), "win.refresh");
    }
  else if (error_shown)
    show_banner (self, error_text (error), _("_Try Again"), "win.refresh");
  else
    show_banner (self, NULL, NULL, NULL);
}

static const char *
main_page (AipWindow *self)
{
  AipAccountState state = aip_account_get_state (self->account);
  guint n_all = g_list_model_get_n_items (aip_account_get_assistants (self->account));

  if (self->sign_in_requested || (state == AIP_ACCOUNT_STATE_SIGNED_OUT && !aip_account_get_sample (self->account)))
    return "sign-in";
  if (state == AIP_ACCOUNT_STATE_LOADING)
    return "loading";
  if (state == AIP_ACCOUNT_STATE_ERROR && n_all == 0)
    return "error";

  return "content";
}

void
_aip_window_update_view (AipWindow *self)
{
  const char *page = main_page (self);
  guint n_all = g_list_model_get_n_items (aip_account_get_assistants (self->account));
  guint n_shown = g_list_model_get_n_items (aip_assistant_table_get_shown (self->table));
  gboolean arriving = g_str_equal (page, "content") &&
                      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0;

  gtk_stack_set_visible_child_name (self->main_stack, page);

  /* Arriving at the list puts the keyboard in it, ready for arrows, Enter
   * and typing to search. */
  if (arriving)
    gtk_widget_grab_focus (GTK_WIDGET (self->table));

  if (g_str_equal (page, "error"))
    {
      const GError *error = aip_account_get_error (self->account);
      gboolean sign_in = aip_account_error_kind (error) == AIP_ERROR_KIND_SIGN_IN;

      adw_status_page_set_description (self->error_page, error_text (error));
      gtk_button_set_label (self->error_button, sign_in ? _("Sign In _Again") : _("_Try Again"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_button),
                                      sign_in ? "win.sign-in-again" : "win.refresh");
    }

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0 && aip_assistant_table_get_settled (self->table))
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  update_banner (self);
  update_subtitle (self);
  _aip_window_update_actions (self);
}

static gboolean tick_cb (gpointer user_data);

static void
schedule_tick (AipWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int ms = (60 - g_date_time_get_second (now)) * 1000 - g_date_time_get_microsecond (now) / 1000;

  /* On the minute, so that the local times turn over with the clock. */
  self->tick_source = g_timeout_add (MAX (ms, 0) + 50, tick_cb, self);
}

static gboolean
tick_cb (gpointer user_data)
{
  AipWindow *self = user_data;

  self->tick_source = 0;

  if (!self->clock_stopped)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      set_now (self, now);
    }

  update_subtitle (self);
  update_banner (self);
  schedule_tick (self);

  return G_SOURCE_REMOVE;
}

static void
clock_format_cb (AipWindow *self)
{
  gboolean use_24h = aip_display_use_24h (self->clock_settings);

  if (self->use_24h == use_24h)
    return;

  self->use_24h = use_24h;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USE_24H]);
  update_subtitle (self);
}

static void
state_cb (AipWindow *self)
{
  if (aip_account_get_state (self->account) == AIP_ACCOUNT_STATE_SIGNED_OUT)
    self->sign_in_requested = FALSE;

  _aip_window_update_view (self);
}

static void
base_url_cb (AipWindow *self)
{
  /* The application switched servers: the other server's token, if any,
   * or a sign-in. */
  self->sign_in_requested = FALSE;
  if (!aip_account_has_token (self->account))
    aip_sign_in_page_load_token (self->sign_in_page);

  _aip_window_update_view (self);
}

static void
signed_in_cb (AipWindow *self)
{
  self->sign_in_requested = FALSE;
  _aip_window_update_view (self);
}

static void
changes_found_cb (AipWindow *self)
{
  g_autofree char *summary = aip_changes_format_summary (aip_account_get_changes (self->account));

  if (summary != NULL)
    _aip_window_show_toast (self, summary, _("_Show"), "win.show-changes", NULL);
}

static void
leaflet_changed_cb (AipWindow *self)
{
  _aip_window_update_actions (self);
}

static void
search_changed_cb (AipWindow *self)
{
  aip_assistant_filter_set_search (aip_assistant_table_get_filter (self->table),
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (AipWindow *self)
{
  /* Enter does not wait for the typing pause: the first result is that of
   * everything typed. */
  search_changed_cb (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-list", NULL);
}

static gboolean
search_key_pressed_cb (AipWindow       *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return search_changed_cb (self), gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-list", NULL);

  return FALSE;
}

/* Clearing the filters clears the search too, wherever it was asked. */
static void
filter_search_cb (AipWindow *self)
{
  const char *search = aip_assistant_filter_get_search (aip_assistant_table_get_filter (self->table));

  if ((search == NULL || search[0] == '\0') &&
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_mode_cb (AipWindow *self)
{
  /* Leaving the search shows every assistant the other filters allow. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (AipWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-details", NULL);
}

static gboolean
int_to_string_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *text = g_variant_get_string (variant, NULL);

  g_value_set_string (value, text[0] != '\0' ? text : NULL);
  return TRUE;
}

static GVariant *
string_to_setting_mapping (const GValue       *value,
                           const GVariantType *expected_type,
                           gpointer            user_data)
{
  const char *text = g_value_get_string (value);

  return g_variant_new_string (text != NULL ? text : "");
}

/* The filter's choices are remembered; the search is not: a list that
 * opens filtered by words nobody remembers typing looks broken. */
static void
bind_filter_settings (AipWindow *self)
{
  AipAssistantFilter *filter = aip_assistant_table_get_filter (self->table);
  static const char *strings[][2] = {
    { "filter-status", "status" },
    { "filter-timezone", "timezone" },
    { "filter-mode", "mode" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_settings_bind_with_mapping (self->settings, strings[i][0], filter, strings[i][1],
                                  G_SETTINGS_BIND_DEFAULT,
                                  int_to_string_mapping, string_to_setting_mapping, NULL, NULL);

  g_settings_bind (self->settings, "filter-calling-now", filter, "calling-now", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "filter-needs-attention", filter, "needs-attention", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (filter, "notify::active", G_CALLBACK (_aip_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "notify::search", G_CALLBACK (filter_search_cb),
                           self, G_CONNECT_SWAPPED);
}

#if ADW_CHECK_VERSION (1, 4, 0)
static void
use_split_view (AipWindow *self)
{
  GtkWidget *split_view = adw_navigation_split_view_new ();
  g_autoptr(GtkWidget) list_page = g_object_ref (self->list_page);
  g_autoptr(GtkWidget) detail_pane = g_object_ref (GTK_WIDGET (self->detail_pane));
  AdwNavigationPage *sidebar;
  AdwNavigationPage *content;
  AdwBreakpoint *breakpoint;

  /* The leaflet of the template serves libadwaita 1.2 and 1.3; newer ones
   * get the split view that replaces it, folding at the same width. */
  adw_leaflet_remove (self->leaflet, list_page);
  adw_leaflet_remove (self->leaflet, detail_pane);
  gtk_stack_remove (self->main_stack, GTK_WIDGET (self->leaflet));
  self->leaflet = NULL;

  sidebar = adw_navigation_page_new (list_page, _("Assistants"));
  content = adw_navigation_page_new (detail_pane, _("Details"));
  adw_navigation_split_view_set_sidebar (ADW_NAVIGATION_SPLIT_VIEW (split_view), sidebar);
  adw_navigation_split_view_set_content (ADW_NAVIGATION_SPLIT_VIEW (split_view), content);
  adw_navigation_split_view_set_min_sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (split_view), 320);
  adw_navigation_split_view_set_max_sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (split_view), 100000);
  adw_navigation_split_view_set_sidebar_width_fraction (ADW_NAVIGATION_SPLIT_VIEW (split_view), 0.66);

  g_object_bind_property (split_view, "collapsed", self->table, "narrow", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (split_view, "notify::collapsed",
                           G_CALLBACK (leaflet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (split_view, "notify::show-content",
                           G_CALLBACK (leaflet_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_add_named (self->main_stack, split_view, "content");
  self->split_view = split_view;

  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 720sp"));
  adw_breakpoint_add_setters (breakpoint, G_OBJECT (split_view), "collapsed", TRUE, NULL);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
}
#endif

static void
aip_window_constructed (GObject *object)
{
  AipWindow *self = (AipWindow *)object;
  GListModel *store;

  G_OBJECT_CLASS (aip_window_parent_class)->constructed (object);

  g_assert (AIP_IS_ACCOUNT (self->account));

  store = aip_account_get_assistants (self->account);

#if ADW_CHECK_VERSION (1, 4, 0)
  use_split_view (self);
#endif
  bind_filter_settings (self);
  aip_sign_in_page_set_account (self->sign_in_page, self->account);

  if (self->auto_refresh != NULL)
    g_signal_connect_object (self->auto_refresh, "notify::online",
                             G_CALLBACK (_aip_window_update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aip_account_get_repository (self->account), "changes-found",
                           G_CALLBACK (changes_found_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aip_account_get_changes (self->account), "changed",
                           G_CALLBACK (_aip_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "items-changed",
                           G_CALLBACK (_aip_window_update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aip_assistant_table_get_shown (self->table), "items-changed",
                           G_CALLBACK (_aip_window_update_view), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->account, "notify::state",
                           G_CALLBACK (state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::base-url",
                           G_CALLBACK (base_url_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::sample",
                           G_CALLBACK (_aip_window_update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::has-token",
                           G_CALLBACK (_aip_window_update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aip_account_get_repository (self->account), "notify",
                           G_CALLBACK (_aip_window_update_view), self, G_CONNECT_SWAPPED);

  _aip_window_update_view (self);

  /* A stored token goes straight to the list; otherwise the sign-in page
   * looks in the keyring first. */
  if (aip_account_has_token (self->account))
    {
      if (aip_account_get_state (self->account) == AIP_ACCOUNT_STATE_SIGNED_OUT)
        aip_account_refresh (self->account);
    }
  else if (aip_account_get_state (self->account) == AIP_ACCOUNT_STATE_SIGNED_OUT &&
           aip_account_get_base_url (self->account) != NULL)
    aip_sign_in_page_load_token (self->sign_in_page);
}

static void
aip_window_dispose (GObject *object)
{
  AipWindow *self = (AipWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);

  g_clear_handle_id (&self->tick_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_WINDOW);

  g_clear_object (&self->auto_refresh);
  g_clear_object (&self->account);
  g_clear_object (&self->clock_settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aip_window_parent_class)->dispose (object);
}

static void
aip_window_finalize (GObject *object)
{
  AipWindow *self = (AipWindow *)object;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (aip_window_parent_class)->finalize (object);
}

static void
aip_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AipWindow *self = AIP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_AUTO_REFRESH:
      g_value_set_object (value, self->auto_refresh);
      break;

    case PROP_SHOW_FILTERS:
      g_value_set_boolean (value, self->show_filters);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_CALLING_HOURS:
      g_value_set_boxed (value, self->calling_hours);
      break;

    case PROP_USE_24H:
      g_value_set_boolean (value, self->use_24h);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AipWindow *self = AIP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    case PROP_AUTO_REFRESH:
      self->auto_refresh = g_value_dup_object (value);
      break;

    case PROP_SHOW_FILTERS:
      if (self->show_filters != g_value_get_boolean (value))
        {
          self->show_filters = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_NOW:
      /* A time stops the clock there, for tests; none starts it again. */
      self->clock_stopped = g_value_get_boxed (value) != NULL;
      if (self->clock_stopped)
        set_now (self, g_value_get_boxed (value));
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          set_now (self, now);
        }
      update_subtitle (self);
      update_banner (self);
      break;

    case PROP_CALLING_HOURS:
      if (g_value_get_boxed (value) != NULL &&
          !aip_calling_hours_equal (self->calling_hours, g_value_get_boxed (value)))
        {
          g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
          self->calling_hours = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_window_class_init (AipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aip_window_constructed;
  object_class->dispose = aip_window_dispose;
  object_class->finalize = aip_window_finalize;
  object_class->get_property = aip_window_get_property;
  object_class->set_property = aip_window_set_property;

  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, AIP_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * AipWindow:auto-refresh:
   *
   * What refreshes the account on its own and tells whether there is a
   * network; %NULL for neither.
   */
  properties [PROP_AUTO_REFRESH] =
    g_param_spec_object ("auto-refresh", NULL, NULL, AIP_TYPE_AUTO_REFRESH,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_FILTERS] =
    g_param_spec_boolean ("show-filters", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipWindow:now:
   *
   * The time everything is shown at, moved on each minute. Setting a time
   * stops the clock there; setting %NULL starts it again.
   */
  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_HOURS] =
    g_param_spec_boxed ("calling-hours", NULL, NULL, AIP_TYPE_CALLING_HOURS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_USE_24H] =
    g_param_spec_boolean ("use-24h", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIP_TYPE_ASSISTANT_TABLE);
  g_type_ensure (AIP_TYPE_CHANGES_POPOVER);
  g_type_ensure (AIP_TYPE_DETAIL_PANE);
  g_type_ensure (AIP_TYPE_FILTER_BAR);
  g_type_ensure (AIP_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AipWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, changes_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, changes_popover);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, error_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, table);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, detail_pane);
  gtk_widget_class_bind_template_callback (widget_class, refresh_child_name);
  gtk_widget_class_bind_template_callback (widget_class, has_skipped);
  gtk_widget_class_bind_template_callback (widget_class, skipped_text);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _aip_window_update_view);
  gtk_widget_class_bind_template_callback (widget_class, _aip_window_update_actions);

  _aip_window_class_actions_init (klass);
}

static void
aip_window_init (AipWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkEventController *keys;

  self->cancellable = g_cancellable_new ();
  self->show_filters = TRUE;
  self->export_format = AIP_FORMAT_CSV_SPREADSHEET;
  self->now = g_date_time_ref (now);
  self->calling_hours = aip_calling_hours_new_default ();
  self->clock_settings = aip_display_new_clock_settings ();
  self->use_24h = aip_display_use_24h (self->clock_settings);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  if (self->clock_settings != NULL)
    g_signal_connect_object (self->clock_settings, "changed::clock-format",
                             G_CALLBACK (clock_format_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->table));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

#if ADW_CHECK_VERSION (1, 3, 0)
  self->banner = adw_banner_new ("");
  g_signal_connect_object (self->banner, "button-clicked",
                           G_CALLBACK (banner_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (self->main_box, self->banner, GTK_WIDGET (self->header_bar));
#endif

  schedule_tick (self);
}

/**
 * aip_window_new:
 * @application: (nullable): the application, or %NULL for a window of its own
 * @account: the account to show
 * @auto_refresh: (nullable): what refreshes @account on its own
 *
 * Returns: (transfer full): a new #AipWindow
 */
AipWindow *
aip_window_new (AipApplication *application,
                AipAccount     *account,
                AipAutoRefresh *auto_refresh)
{
  g_return_val_if_fail (application == NULL || AIP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AIP_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (auto_refresh == NULL || AIP_IS_AUTO_REFRESH (auto_refresh), NULL);

  return g_object_new (AIP_TYPE_WINDOW,
                       "application", application,
                       "account", account,
                       "auto-refresh", auto_refresh,
                       NULL);
}
