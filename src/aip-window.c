/* aip-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-assistant-sorter.h"
#include "aip-auto-refresh.h"
#include "aip-calling-hours.h"
#include "aip-changes-popover.h"
#include "aip-client-error.h"
#include "aip-display.h"
#include "aip-export.h"
#include "aip-health.h"
#include "aip-name-cell.h"
#include "aip-window.h"

struct _AipWindow
{
  AdwApplicationWindow  parent_instance;

  AipAccount           *account;
  GSettings            *settings;
  GSettings            *clock_settings;
  AipAssistantFilter   *filter;
  GtkSortListModel     *sort_model;
  GtkFilterListModel   *filter_model;
  GtkSingleSelection   *selection;
  GCancellable         *cancellable;
  /* The bound cells: GtkListItem → column. Those of columns that tick are
   * filled again each minute. */
  GHashTable           *cells;
  GPtrArray            *columns;
  AipAssistantSorter   *calling_sorter;
  AipCallingHours      *calling_hours;
  /* A clock that stands still, for tests; NULL for the real one. */
  GDateTime            *fixed_now;
  char                 *banner_text;
  char                 *last_toast;
  GtkWidget            *changes_button;
  AipChangesPopover    *changes_popover;
  GtkNativeDialog      *export_chooser;
  AipAutoRefresh       *auto_refresh;
  AipFormat             export_format;
  GtkWidget            *banner;
  GtkWidget            *split_view;
  guint                 tick_source;
  guint                 save_widths_source;
  guint                 use_24h : 1;
  guint                 sign_in_requested : 1;
  guint                 show_filters : 1;

  AdwToastOverlay      *toast_overlay;
  GtkBox               *main_box;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkButton            *refresh_button;
  GtkStack             *refresh_stack;
  GtkSpinner           *refresh_spinner;
  GtkToggleButton      *filter_button;
  GtkToggleButton      *search_button;
  GtkBox               *header_extra_box;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AipSignInPage        *sign_in_page;
  AdwStatusPage        *error_page;
  GtkButton            *error_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *filter_revealer;
  AipFilterBar         *filter_bar;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  AipDetailPane        *detail_pane;
};

G_DEFINE_FINAL_TYPE (AipWindow, aip_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_SHOW_FILTERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The list's columns. A column is added here and nowhere else: its id names
 * it in the settings (widths, sort order), and its bind function fills a
 * cell; cells of columns that tick are filled again each minute. */
typedef struct
{
  const char     *id;
  const char     *title;
  AipSortColumn   sort;
  gboolean        expand;
  gboolean        ticks;
  gboolean        wide_only;
  GtkWidget    *(*create) (void);
  void          (*bind)   (AipWindow    *self,
                           GtkWidget    *cell,
                           AipAssistant *assistant,
                           GDateTime    *now);
} Column;

static GtkWidget *
create_label_cell (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return label;
}

static void
set_cell (GtkWidget  *cell,
          const char *text,
          const char *tooltip)
{
  gtk_label_set_text (GTK_LABEL (cell), text != NULL && text[0] != '\0' ? text : "—");
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static void
bind_name (AipWindow    *self,
           GtkWidget    *cell,
           AipAssistant *assistant,
           GDateTime    *now)
{
  const char *name = aip_assistant_get_name (assistant);
  AipChanges *changes = aip_account_get_changes (self->account);
  g_autoptr(GPtrArray) warnings = aip_health_describe (assistant, now);

  aip_name_cell_set_name (AIP_NAME_CELL (cell), name != NULL && name[0] != '\0' ? name : _("Unnamed Assistant"));
  aip_name_cell_set_change (AIP_NAME_CELL (cell), aip_changes_lookup (changes, aip_assistant_get_id (assistant), NULL));
  aip_name_cell_set_warnings (AIP_NAME_CELL (cell), warnings);
}

static void
bind_status (AipWindow    *self,
             GtkWidget    *cell,
             AipAssistant *assistant,
             GDateTime    *now)
{
  const char *status = aip_assistant_get_status (assistant);

  set_cell (cell, aip_display_status (status), NULL);
  gtk_widget_remove_css_class (cell, "status-active");
  gtk_widget_remove_css_class (cell, "status-inactive");
  gtk_widget_remove_css_class (cell, "status-other");
  gtk_widget_add_css_class (cell, aip_display_status_class (status));
}

static void
bind_mode (AipWindow    *self,
           GtkWidget    *cell,
           AipAssistant *assistant,
           GDateTime    *now)
{
  set_cell (cell, aip_display_mode (aip_assistant_get_mode (assistant)), NULL);
}

static void
bind_timezone (AipWindow    *self,
               GtkWidget    *cell,
               AipAssistant *assistant,
               GDateTime    *now)
{
  const char *timezone = aip_assistant_get_timezone (assistant);

  set_cell (cell, timezone, timezone);
}

static void
bind_local_time (AipWindow    *self,
                 GtkWidget    *cell,
                 AipAssistant *assistant,
                 GDateTime    *now)
{
  const char *timezone = aip_assistant_get_timezone (assistant);
  g_autoptr(GTimeZone) zone = aip_timezone_lookup (timezone);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *offset = NULL;

  if (zone == NULL || !(local = g_date_time_to_timezone (now, zone)))
    {
      set_cell (cell, NULL, _("This computer does not know the assistant’s timezone"));
      return;
    }

  clock = aip_display_clock (local, self->use_24h);
  offset = aip_display_utc_offset ((int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC));
  set_cell (cell, clock, offset);
}

static GtkWidget *
create_calling_cell (void)
{
  GtkWidget *label = create_label_cell ();

  /* "Opens Mon 09:00" cut short would hide when. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);

  return label;
}

static void
bind_calling_now (AipWindow    *self,
                  GtkWidget    *cell,
                  AipAssistant *assistant,
                  GDateTime    *now)
{
  g_autoptr(GDateTime) next_change = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  AipCallingStatus status;

  status = aip_calling_hours_get_status (self->calling_hours, aip_assistant_get_timezone (assistant),
                                         now, &next_change);
  /* Under "Calling Now", "Opens Mon 09:00" says it is closed: the shorter
   * text leaves room for every column beside the details at 1200 pixels */
  if (status == AIP_CALLING_STATUS_CLOSED && next_change != NULL)
    text = aip_calling_hours_format_next_change (status, next_change, self->use_24h);
  else
    text = aip_calling_hours_format_status (status, next_change, self->use_24h);
  tooltip = aip_display_calling_tooltip (status, next_change, self->use_24h);
  set_cell (cell, text, tooltip);

  if (status == AIP_CALLING_STATUS_OPEN)
    gtk_widget_add_css_class (cell, "calling-open");
  else
    gtk_widget_remove_css_class (cell, "calling-open");
}

static void
bind_webhook (AipWindow    *self,
              GtkWidget    *cell,
              AipAssistant *assistant,
              GDateTime    *now)
{
  const char *url = aip_assistant_get_webhook_url (assistant);

  set_cell (cell, aip_display_webhook (url, aip_assistant_get_webhook_active (assistant)), url);
}

static void
bind_updated (AipWindow    *self,
              GtkWidget    *cell,
              AipAssistant *assistant,
              GDateTime    *now)
{
  GDateTime *updated = aip_assistant_get_updated_at (assistant);
  g_autofree char *relative = NULL;
  g_autofree char *full = NULL;

  if (updated == NULL)
    {
      set_cell (cell, NULL, NULL);
      return;
    }

  relative = aip_display_relative (updated, now);
  full = aip_display_full (updated, self->use_24h);
  set_cell (cell, relative, full);
}

static const Column columns[] = {
  /* The name's marks, health and changes, move with the time too. */
  { "name", N_("Name"), AIP_SORT_COLUMN_NAME, TRUE, TRUE, FALSE, aip_name_cell_new, bind_name },
  { "status", N_("Status"), AIP_SORT_COLUMN_STATUS, FALSE, FALSE, FALSE, NULL, bind_status },
  { "calling-now", N_("Calling Now"), AIP_SORT_COLUMN_CALLING_NOW, FALSE, TRUE, FALSE, create_calling_cell, bind_calling_now },
  { "mode", N_("Mode"), AIP_SORT_COLUMN_MODE, FALSE, FALSE, TRUE, NULL, bind_mode },
  { "timezone", N_("Timezone"), AIP_SORT_COLUMN_TIMEZONE, FALSE, FALSE, TRUE, NULL, bind_timezone },
  { "local-time", N_("Local Time"), AIP_SORT_COLUMN_LOCAL_TIME, FALSE, TRUE, TRUE, NULL, bind_local_time },
  { "webhook", N_("Webhook"), AIP_SORT_COLUMN_WEBHOOK, FALSE, FALSE, TRUE, NULL, bind_webhook },
  { "updated", N_("Updated"), AIP_SORT_COLUMN_UPDATED, FALSE, TRUE, FALSE, NULL, bind_updated },
};

static GDateTime *
window_now (AipWindow *self)
{
  return self->fixed_now != NULL ? g_date_time_ref (self->fixed_now) : g_date_time_new_now_utc ();
}

static const Column *
factory_column (GtkListItemFactory *factory)
{
  return g_object_get_data (G_OBJECT (factory), "aip-column");
}

static void
setup_cell_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               AipWindow          *self)
{
  const Column *column = factory_column (factory);

  gtk_list_item_set_child (list_item, column->create != NULL ? column->create () : create_label_cell ());
}

static void
bind_cell_cb (GtkListItemFactory *factory,
              GtkListItem        *list_item,
              AipWindow          *self)
{
  const Column *column = factory_column (factory);
  g_autoptr(GDateTime) now = window_now (self);

  column->bind (self, gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item), now);

  if (self->cells != NULL)
    g_hash_table_insert (self->cells, list_item, (gpointer) column);
}

static void
unbind_cell_cb (GtkListItemFactory *factory,
                GtkListItem        *list_item,
                AipWindow          *self)
{
  if (self->cells != NULL)
    g_hash_table_remove (self->cells, list_item);
}

static const char *
column_id (GtkColumnViewColumn *column)
{
  const Column *desc = g_object_get_data (G_OBJECT (column), "aip-column");

  return desc != NULL ? desc->id : NULL;
}

static gboolean
save_widths_cb (gpointer user_data)
{
  AipWindow *self = user_data;
  GVariantBuilder builder;

  self->save_widths_source = 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
      int width = gtk_column_view_column_get_fixed_width (column);

      if (width > 0)
        g_variant_builder_add (&builder, "{si}", column_id (column), width);
    }

  g_settings_set_value (self->settings, "column-widths", g_variant_builder_end (&builder));

  return G_SOURCE_REMOVE;
}

static void
column_width_cb (AipWindow *self)
{
  /* Dragging a column edge changes the width on every frame. */
  if (self->save_widths_source == 0)
    self->save_widths_source = g_timeout_add (500, save_widths_cb, self);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
sorter_changed_cb (AipWindow *self)
{
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (sorter);
  const char *id = column != NULL ? column_id (column) : NULL;

  g_settings_set_string (self->settings, "sort-column", id != NULL ? id : "");
  g_settings_set_boolean (self->settings, "sort-descending",
                          gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING);
}
#endif

static void
create_columns (AipWindow *self)
{
  g_autoptr(GVariant) widths = g_settings_get_value (self->settings, "column-widths");
  g_autofree char *sort_id = g_settings_get_string (self->settings, "sort-column");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *desc = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(AipAssistantSorter) sorter = aip_assistant_sorter_new (desc->sort);
      GtkColumnViewColumn *column;
      int width;

      g_object_set_data (G_OBJECT (factory), "aip-column", (gpointer) desc);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (unbind_cell_cb), self);

      column = gtk_column_view_column_new (_(desc->title), factory);
      g_object_set_data (G_OBJECT (column), "aip-column", (gpointer) desc);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, desc->expand);

      if (g_variant_lookup (widths, desc->id, "i", &width) && width > 0)
        gtk_column_view_column_set_fixed_width (column, width);

      g_signal_connect_object (column, "notify::fixed-width",
                               G_CALLBACK (column_width_cb), self, G_CONNECT_SWAPPED);

      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->columns, column);

      if (desc->sort == AIP_SORT_COLUMN_CALLING_NOW)
        self->calling_sorter = g_object_ref (sorter);

      if (g_strcmp0 (sort_id, desc->id) == 0)
        gtk_column_view_sort_by_column (self->column_view, column,
                                        g_settings_get_boolean (self->settings, "sort-descending")
                                        ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
#endif
}

/* Toast titles are markup in libadwaita 1.2; what we show is plain text,
 * some of it from the server or the system. */
static void
show_toast (AipWindow  *self,
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

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      if (action_target != NULL)
        adw_toast_set_action_target_value (toast, action_target);
    }

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_banner (AipWindow  *self,
             const char *text,
             const char *button_label,
             const char *action_name)
{
  if (g_strcmp0 (self->banner_text, text) != 0)
    {
      g_free (self->banner_text);
      self->banner_text = g_strdup (text);
    }

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

static gboolean
is_sign_in_error (const GError *error)
{
  return g_error_matches (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_FORBIDDEN);
}

static const char *
error_text (const GError *error)
{
  if (g_error_matches (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED))
    return _("The server rejected the token");
  if (g_error_matches (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_FORBIDDEN))
    return _("This token may not read assistants; ask your platform administrator");

  return error != NULL ? error->message : _("Something went wrong");
}

static gboolean
is_folded (AipWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  if (self->split_view != NULL)
    return adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (self->split_view));
#endif

  return adw_leaflet_get_folded (self->leaflet);
}

static gboolean
details_on_top (AipWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  if (self->split_view != NULL)
    return adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (self->split_view));
#endif

  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail_pane);
}

static void
show_details_page (AipWindow *self,
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
update_subtitle (AipWindow *self,
                 GDateTime *now)
{
  const char *host = aip_account_get_host (self->account);
  GDateTime *updated_at = aip_account_get_updated_at (self->account);
  g_autofree char *subtitle = NULL;

  if (aip_account_get_sample (self->account))
    subtitle = g_strdup (_("Sample data, not from your account"));
  else if (updated_at != NULL && !self->sign_in_requested && aip_account_get_offline_copy (self->account))
    {
      g_autofree char *when = aip_display_when (updated_at, now, self->use_24h);
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

      if (g_date_time_difference (now, updated_at) < G_TIME_SPAN_MINUTE)
        updated = g_strdup (_("Updated just now"));
      else
        {
          g_autofree char *relative = aip_display_relative (updated_at, now);

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

static void
update_actions (AipWindow *self)
{
  AipAccountState state = aip_account_get_state (self->account);
  gboolean sample = aip_account_get_sample (self->account);
  gboolean has_token = aip_account_has_token (self->account);
  gboolean content = g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content");
  AipAssistant *selected = gtk_single_selection_get_selected_item (self->selection);
  gboolean has_data = g_list_model_get_n_items (aip_account_get_assistants (self->account)) > 0;
  gboolean can_go_back;

  can_go_back = (self->sign_in_requested && has_data) ||
                (content && is_folded (self) && details_on_top (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 has_token && !sample && !self->sign_in_requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-filters", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 aip_assistant_filter_is_active (self->filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 has_token || sample || state != AIP_ACCOUNT_STATE_SIGNED_OUT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in-again",
                                 state != AIP_ACCOUNT_STATE_SIGNED_OUT || sample);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-details", content && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-id", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-webhook",
                                 selected != NULL && aip_assistant_get_webhook_url (selected) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 content && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-changes",
                                 content && aip_changes_get_has_changes (aip_account_get_changes (self->account)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-changes-seen",
                                 aip_changes_get_has_changes (aip_account_get_changes (self->account)));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), content || state == AIP_ACCOUNT_STATE_ERROR);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), content);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), content);
  gtk_widget_set_visible (GTK_WIDGET (self->header_extra_box), content);
}

/* One banner at a time, the one the person can act on first. A network
 * error says less than "no network", but a rejected token more. */
static void
update_banner (AipWindow  *self,
               const char *page,
               GDateTime  *now)
{
  AipAccountState state = aip_account_get_state (self->account);
  const GError *error = aip_account_get_error (self->account);
  GDateTime *updated_at = aip_account_get_updated_at (self->account);
  gboolean content = g_str_equal (page, "content");
  gboolean error_shown = content && state == AIP_ACCOUNT_STATE_ERROR;

  if (aip_account_get_sample (self->account) && !self->sign_in_requested)
    show_banner (self, _("This is sample data, not your account’s"), _("_Sign In"), "win.sign-in-again");
  else if (error_shown && is_sign_in_error (error))
    show_banner (self, error_text (error), _("Sign In _Again"), "win.sign-in-again");
  else if (content && !aip_auto_refresh_get_online (self->auto_refresh))
    {
      g_autofree char *text = NULL;

      if (updated_at != NULL)
        {
          g_autofree char *when = aip_display_when (updated_at, now, self->use_24h);

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

static void
update_view (AipWindow *self)
{
  AipAccountState state = aip_account_get_state (self->account);
  const GError *error = aip_account_get_error (self->account);
  gboolean sample = aip_account_get_sample (self->account);
  guint n_all = g_list_model_get_n_items (aip_account_get_assistants (self->account));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  const char *page;
  g_autoptr(GDateTime) now = window_now (self);

  if (self->sign_in_requested || (state == AIP_ACCOUNT_STATE_SIGNED_OUT && !sample))
    page = "sign-in";
  else if (state == AIP_ACCOUNT_STATE_LOADING)
    page = "loading";
  else if (state == AIP_ACCOUNT_STATE_ERROR && n_all == 0)
    page = "error";
  else
    page = "content";

  /* Arriving at the list puts the keyboard in it, ready for arrows,
   * Enter and typing to search. */
  if (g_str_equal (page, "content") &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, page);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));

  if (g_str_equal (page, "error"))
    {
      adw_status_page_set_description (self->error_page, error_text (error));
      if (is_sign_in_error (error))
        {
          gtk_button_set_label (self->error_button, _("Sign In _Again"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_button), "win.sign-in-again");
        }
      else
        {
          gtk_button_set_label (self->error_button, _("_Try Again"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_button), "win.refresh");
        }
    }

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0 && gtk_filter_list_model_get_pending (self->filter_model) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  update_banner (self, page, now);

  gtk_stack_set_visible_child_name (self->refresh_stack,
                                    aip_account_get_refreshing (self->account) ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->refresh_spinner, aip_account_get_refreshing (self->account));

  update_subtitle (self, now);
  update_actions (self);
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

/* Everything that depends on the time, at now. */
static void
update_time (AipWindow *self,
             GDateTime *now)
{
  GHashTableIter iter;
  gpointer list_item;
  gpointer column;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &list_item, &column))
    {
      gpointer item = gtk_list_item_get_item (list_item);

      if (item != NULL && ((const Column *) column)->ticks)
        ((const Column *) column)->bind (self, gtk_list_item_get_child (list_item), item, now);
    }

  aip_assistant_filter_set_now (self->filter, now);
  if (self->calling_sorter != NULL)
    aip_assistant_sorter_set_now (self->calling_sorter, now);
  update_subtitle (self, now);
  update_banner (self, gtk_stack_get_visible_child_name (self->main_stack), now);
  aip_detail_pane_update_time (self->detail_pane, now);
}

static gboolean
tick_cb (gpointer user_data)
{
  AipWindow *self = user_data;
  g_autoptr(GDateTime) now = window_now (self);

  update_time (self, now);
  schedule_tick (self);

  return G_SOURCE_REMOVE;
}

static void
rebind_time_cells (AipWindow *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
  tick_cb (self);
}

static void
calling_hours_cb (AipWindow *self)
{
  g_autoptr(AipCallingHours) calling_hours = aip_calling_hours_new_from_settings (self->settings);

  if (self->calling_hours != NULL && aip_calling_hours_equal (self->calling_hours, calling_hours))
    return;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  self->calling_hours = aip_calling_hours_ref (calling_hours);

  aip_assistant_filter_set_calling_hours (self->filter, calling_hours);
  if (self->calling_sorter != NULL)
    aip_assistant_sorter_set_calling_hours (self->calling_sorter, calling_hours);
  aip_detail_pane_set_calling_hours (self->detail_pane, calling_hours);

  /* Not while the window is being made: there is no list yet. */
  if (self->selection != NULL)
    rebind_time_cells (self);
}

static void
clock_format_cb (AipWindow *self)
{
  self->use_24h = aip_display_use_24h (self->clock_settings);
  aip_detail_pane_set_use_24h (self->detail_pane, self->use_24h);
  rebind_time_cells (self);
}

static void
state_cb (AipWindow *self)
{
  AipAccountState state = aip_account_get_state (self->account);

  if (state == AIP_ACCOUNT_STATE_SIGNED_OUT)
    self->sign_in_requested = FALSE;

  update_view (self);
}

static void
base_url_cb (AipWindow *self)
{
  /* The application switched servers: the other server's token, if any,
   * or a sign-in. */
  self->sign_in_requested = FALSE;
  if (!aip_account_has_token (self->account))
    aip_sign_in_page_load_token (self->sign_in_page);

  update_view (self);
}

static void
selection_cb (AipWindow *self)
{
  aip_detail_pane_set_assistant (self->detail_pane,
                                 gtk_single_selection_get_selected_item (self->selection));
  update_actions (self);
}

static void
filter_settings_cb (AipWindow *self)
{
  const char *status = aip_assistant_filter_get_status (self->filter);
  const char *timezone = aip_assistant_filter_get_timezone (self->filter);
  const char *mode = aip_assistant_filter_get_mode (self->filter);

  g_settings_set_string (self->settings, "filter-status", status != NULL ? status : "");
  g_settings_set_string (self->settings, "filter-timezone", timezone != NULL ? timezone : "");
  g_settings_set_string (self->settings, "filter-mode", mode != NULL ? mode : "");
  g_settings_set_boolean (self->settings, "filter-calling-now",
                          aip_assistant_filter_get_calling_now (self->filter));
  g_settings_set_boolean (self->settings, "filter-needs-attention",
                          aip_assistant_filter_get_needs_attention (self->filter));

  update_actions (self);
}

static void
signed_in_cb (AipWindow *self)
{
  self->sign_in_requested = FALSE;
  update_view (self);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
leaflet_changed_cb (AipWindow *self)
{
  gboolean folded;

  if (self->selection == NULL)
    return;

  /* A narrow list keeps the columns that tell assistants apart. */
  folded = is_folded (self);
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
      const Column *desc = g_object_get_data (G_OBJECT (column), "aip-column");

      gtk_column_view_column_set_visible (column, !(folded && desc->wide_only));
    }

  update_actions (self);
}

static void
search_changed_cb (AipWindow *self)
{
  aip_assistant_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (AipWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_mode_cb (AipWindow *self)
{
  /* Leaving the search shows every assistant the other filters allow. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (AipWindow *self,
                  guint      position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-details", NULL);
}

static void
copy_text (AipWindow  *self,
           const char *text,
           const char *toast_title)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  show_toast (self, toast_title, NULL, NULL, NULL);
}

static void
changes_found_cb (AipWindow *self)
{
  g_autofree char *summary = aip_changes_format_summary (aip_account_get_changes (self->account));

  if (summary == NULL)
    return;

  show_toast (self, summary, _("_Show"), "win.show-changes", NULL);
}

static void
changes_changed_cb (AipWindow *self)
{
  /* The dots come and go with the changes. */
  rebind_time_cells (self);
  update_actions (self);
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  if (!aip_changes_get_has_changes (aip_account_get_changes (self->account)))
    return;

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->changes_button));
}

static const struct {
  AipFormat   format;
  const char *id;
  const char *label;
  const char *extension;
} export_formats[] = {
  { AIP_FORMAT_CSV_SPREADSHEET, "csv-spreadsheet", N_("CSV for Spreadsheets"), "csv" },
  { AIP_FORMAT_CSV, "csv", N_("CSV"), "csv" },
  { AIP_FORMAT_JSON, "json", N_("JSON"), "json" },
};

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  guint n_written = 0;

  if (!aip_export_write_finish (result, &n_written, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: the reason follows, e.g. "Permission denied" */
          message = g_strdup_printf (_("The assistants could not be exported. %s"), error->message);
          show_toast (self, message, NULL, NULL, NULL);
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  uri = g_file_get_uri (file);
  message = g_strdup_printf (ngettext ("Exported %u assistant", "Exported %u assistants", n_written),
                             n_written);
  show_toast (self, message, _("_Open"), "win.open-export", g_variant_new_string (uri));

  g_task_return_int (task, n_written);
}

static void
export_response_cb (AipWindow       *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  const char *format_id;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  format_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (format_id, export_formats[i].id) == 0)
      self->export_format = export_formats[i].format;

  if (file != NULL)
    aip_window_export_to_file (self, file, self->export_format, self->cancellable, NULL, NULL);
}

/* GtkFileDialog (GTK 4.10) neither offers choices nor tells which filter
 * was picked, and the two CSV formats share their extension: the format
 * has to be chosen in the dialog, so the native chooser serves every
 * version. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const char *ids[G_N_ELEMENTS (export_formats) + 1] = { NULL, };
  const char *labels[G_N_ELEMENTS (export_formats) + 1] = { NULL, };
  g_autofree char *name = NULL;
  const char *extension = "csv";
  const char *current_id = NULL;
  GtkFileChooserNative *chooser;

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (self->export_chooser);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      ids[i] = export_formats[i].id;
      labels[i] = _(export_formats[i].label);
      if (export_formats[i].format == self->export_format)
        {
          current_id = export_formats[i].id;
          extension = export_formats[i].extension;
        }
    }

  chooser = gtk_file_chooser_native_new (_("Export Assistants"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", current_id);
  /* Translators: the suggested file name of an export, without extension */
  name = g_strdup_printf ("%s.%s", _("assistants"), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);

  self->export_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->export_chooser);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not open the export: %s", error->message);
}
#endif

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (self), self->cancellable, launched_cb, NULL);
#else
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
#endif
}

static void
mark_changes_seen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->changes_button));
  aip_changes_mark_seen (aip_account_get_changes (self->account));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  aip_account_refresh (self->account);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  aip_assistant_filter_clear (self->filter);
}

static gboolean
find_position (AipWindow *self,
               gint64     id,
               guint     *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (model, i);

      if (aip_assistant_get_id (assistant) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
scroll_to_position (AipWindow *self,
                    guint      position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
#else
  /* Before 4.12 only the column view's inner list can scroll to an item */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
#endif
}

/* Selects an assistant by id and shows its details, from the list of
 * changes for one. Filters that hide it are cleared: the person asked to
 * see this one. */
static void
show_assistant_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  guint position;

  if (self->selection == NULL)
    return;

  if (!find_position (self, id, &position))
    {
      /* With no filter left the list is the whole account at once */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      aip_assistant_filter_clear (self->filter);

      if (!find_position (self, id, &position))
        {
          show_toast (self, _("This assistant is no longer in the list"), NULL, NULL, NULL);
          return;
        }
      show_toast (self, _("Filters cleared to show the assistant"), NULL, NULL, NULL);
    }

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_position (self, position);
  gtk_widget_activate_action (widget, "win.show-details", NULL);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return;

  show_details_page (self, TRUE);
  update_actions (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  if (self->sign_in_requested)
    {
      self->sign_in_requested = FALSE;
      update_view (self);
      return;
    }

  show_details_page (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  update_actions (self);
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  AipAssistant *assistant = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *id = NULL;

  if (assistant == NULL)
    return;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, aip_assistant_get_id (assistant));
  copy_text (self, id, _("ID copied"));
}

static void
copy_webhook_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  AipAssistant *assistant = gtk_single_selection_get_selected_item (self->selection);

  if (assistant == NULL || aip_assistant_get_webhook_url (assistant) == NULL)
    return;

  copy_text (self, aip_assistant_get_webhook_url (assistant), _("Webhook address copied"));
}

static void
sign_in_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);

  self->sign_in_requested = TRUE;
  aip_sign_in_page_reset (self->sign_in_page, NULL);
  update_view (self);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AipWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aip_account_sign_out_finish (AIP_ACCOUNT (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: the reason follows */
      message = g_strdup_printf (_("Could not sign out. %s"), error->message);
      show_toast (self, message, NULL, NULL, NULL);
      return;
    }

  aip_sign_in_page_reset (self->sign_in_page, NULL);
  update_view (self);
}

static void
sign_out_response_cb (AipWindow        *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "sign-out") != 0)
    return;

  aip_account_sign_out_async (self->account, self->cancellable, sign_out_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AipWindow *self = AIP_WINDOW (widget);
  const char *host = aip_account_get_host (self->account);
  GtkWidget *dialog;

  /* The sample has no token to remove: leaving it is all there is. */
  if (aip_account_get_sample (self->account) && !aip_account_has_token (self->account))
    {
      gtk_widget_activate_action (widget, "win.sign-in-again", NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Sign Out?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The token for %s will be removed from the keyring, and the "
                                    "assistants shown here will be forgotten on this computer."),
                                  host != NULL ? host : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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

  sidebar = adw_navigation_page_new (list_page, _("Assistants"));
  content = adw_navigation_page_new (detail_pane, _("Details"));
  adw_navigation_split_view_set_sidebar (ADW_NAVIGATION_SPLIT_VIEW (split_view), sidebar);
  adw_navigation_split_view_set_content (ADW_NAVIGATION_SPLIT_VIEW (split_view), content);
  adw_navigation_split_view_set_min_sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (split_view), 360);
  adw_navigation_split_view_set_max_sidebar_width (ADW_NAVIGATION_SPLIT_VIEW (split_view), 100000);
  adw_navigation_split_view_set_sidebar_width_fraction (ADW_NAVIGATION_SPLIT_VIEW (split_view), 0.66);

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
auto_refresh_interval_cb (AipWindow *self)
{
  int minutes = g_settings_get_int (self->settings, "auto-refresh");

  aip_refresh_schedule_set_interval (aip_auto_refresh_get_schedule (self->auto_refresh),
                                     (guint) MAX (minutes, 0));
}

static void
create_changes_button (AipWindow *self)
{
  AipChanges *changes = aip_account_get_changes (self->account);
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "document-edit-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Changes"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);

  self->changes_popover = g_object_new (AIP_TYPE_CHANGES_POPOVER, "changes", changes, NULL);
  self->changes_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->changes_button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->changes_button), GTK_WIDGET (self->changes_popover));
  gtk_widget_set_tooltip_text (self->changes_button, _("What changed since you last looked"));
  gtk_box_append (self->header_extra_box, self->changes_button);

  g_object_bind_property (changes, "has-changes", self->changes_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (changes, "changed", G_CALLBACK (changes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aip_account_get_repository (self->account), "changes-found", G_CALLBACK (changes_found_cb), self, G_CONNECT_SWAPPED);
}

static void
aip_window_constructed (GObject *object)
{
  AipWindow *self = (AipWindow *)object;
  GListModel *store;

  G_OBJECT_CLASS (aip_window_parent_class)->constructed (object);

  g_assert (AIP_IS_ACCOUNT (self->account));

  store = aip_account_get_assistants (self->account);

  /* Before anything can show the list, and before the first refresh
   * below, so that the schedule sees that one start. */
  self->auto_refresh = aip_auto_refresh_new (self->account);
  auto_refresh_interval_cb (self);
  g_signal_connect_object (self->settings, "changed::auto-refresh",
                           G_CALLBACK (auto_refresh_interval_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auto_refresh, "notify::online",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  create_changes_button (self);

  self->sort_model = gtk_sort_list_model_new (g_object_ref (store),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "items-changed",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);

  aip_filter_bar_set_models (self->filter_bar, store, G_LIST_MODEL (self->filter_model), self->filter);

  aip_sign_in_page_set_account (self->sign_in_page, self->account);

  g_signal_connect_object (self->account, "notify::state",
                           G_CALLBACK (state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::base-url",
                           G_CALLBACK (base_url_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::refreshing",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::sample",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::has-token",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::error",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::updated-at",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::offline-copy",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);

  selection_cb (self);
  update_view (self);

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

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);

  if (self->save_widths_source != 0)
    save_widths_cb (self);
  g_clear_handle_id (&self->tick_source, g_source_remove);

  /* Cells are unbound while the column view goes away; they must find no
   * table to update. */
  g_clear_pointer (&self->cells, g_hash_table_unref);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_WINDOW);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->calling_sorter);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
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

  g_clear_pointer (&self->banner_text, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);

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

    case PROP_SHOW_FILTERS:
      g_value_set_boolean (value, self->show_filters);
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

    case PROP_SHOW_FILTERS:
      if (self->show_filters != g_value_get_boolean (value))
        {
          self->show_filters = g_value_get_boolean (value);
          gtk_revealer_set_reveal_child (self->filter_revealer, self->show_filters);
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
  properties [PROP_SHOW_FILTERS] =
    g_param_spec_boolean ("show-filters", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_child (widget_class, AipWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, header_extra_box);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, error_button);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, AipWindow, detail_pane);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "win.show-assistant", "x", show_assistant_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.copy-id", NULL, copy_id_action);
  gtk_widget_class_install_action (widget_class, "win.copy-webhook", NULL, copy_webhook_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in-again", NULL, sign_in_again_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL, show_changes_action);
  gtk_widget_class_install_action (widget_class, "win.mark-changes-seen", NULL, mark_changes_seen_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-filters", "show-filters");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
}

static void
aip_window_init (AipWindow *self)
{
  g_autofree char *status = NULL;
  g_autofree char *timezone = NULL;
  g_autofree char *mode = NULL;

  self->cells = g_hash_table_new (NULL, NULL);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->show_filters = TRUE;
  self->export_format = AIP_FORMAT_CSV_SPREADSHEET;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->clock_settings = aip_display_new_clock_settings ();
  self->use_24h = aip_display_use_24h (self->clock_settings);
  aip_detail_pane_set_use_24h (self->detail_pane, self->use_24h);
  if (self->clock_settings != NULL)
    g_signal_connect_object (self->clock_settings, "changed::clock-format",
                             G_CALLBACK (clock_format_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* The search is not remembered: a list that opens filtered by words
   * nobody remembers typing looks broken. */
  status = g_settings_get_string (self->settings, "filter-status");
  timezone = g_settings_get_string (self->settings, "filter-timezone");
  mode = g_settings_get_string (self->settings, "filter-mode");
  self->filter = g_object_new (AIP_TYPE_ASSISTANT_FILTER,
                               "status", status,
                               "timezone", timezone,
                               "mode", mode,
                               "calling-now", g_settings_get_boolean (self->settings, "filter-calling-now"),
                               "needs-attention", g_settings_get_boolean (self->settings, "filter-needs-attention"),
                               NULL);
  g_signal_connect_object (self->filter, "notify::status",
                           G_CALLBACK (filter_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::timezone",
                           G_CALLBACK (filter_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::mode",
                           G_CALLBACK (filter_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::calling-now",
                           G_CALLBACK (filter_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::needs-attention",
                           G_CALLBACK (filter_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify::active",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  create_columns (self);

  calling_hours_cb (self);
  g_signal_connect_object (self->settings, "changed::calling-start",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-end",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-days",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);

  gtk_revealer_set_reveal_child (self->filter_revealer, self->show_filters);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->column_view));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

#if ADW_CHECK_VERSION (1, 3, 0)
  self->banner = adw_banner_new ("");
  g_signal_connect_object (self->banner, "button-clicked",
                           G_CALLBACK (banner_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (self->main_box, self->banner, GTK_WIDGET (self->header_bar));
#endif

#if ADW_CHECK_VERSION (1, 4, 0)
  use_split_view (self);
#endif

  schedule_tick (self);
}

/**
 * aip_window_new:
 * @application: (nullable): the application, or %NULL for a window of its own
 * @account: the account to show
 *
 * Returns: (transfer full): a new #AipWindow
 */
AipWindow *
aip_window_new (AipApplication *application,
                AipAccount     *account)
{
  g_return_val_if_fail (application == NULL || AIP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AIP_IS_ACCOUNT (account), NULL);

  return g_object_new (AIP_TYPE_WINDOW,
                       "application", application,
                       "account", account,
                       NULL);
}

/**
 * aip_window_get_account:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the account shown
 */
AipAccount *
aip_window_get_account (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->account;
}

/**
 * aip_window_get_filter:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the filter the filter bar and the search set
 */
AipAssistantFilter *
aip_window_get_filter (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->filter;
}

/**
 * aip_window_get_visible_model:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the model of the list as shown: sorted,
 *   filtered, with the selection
 */
GListModel *
aip_window_get_visible_model (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * aip_window_get_column:
 * @self: a #AipWindow
 * @id: a column id: "name", "status", "mode", "timezone", "local-time",
 *   "webhook" or "updated"
 *
 * Returns: (transfer none) (nullable): the column
 */
GtkColumnViewColumn *
aip_window_get_column (AipWindow  *self,
                       const char *id)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (column_id (g_ptr_array_index (self->columns, i)), id) == 0)
      return g_ptr_array_index (self->columns, i);

  return NULL;
}

/**
 * aip_window_get_detail_pane:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the pane that shows the selected assistant
 */
AipDetailPane *
aip_window_get_detail_pane (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->detail_pane;
}

/**
 * aip_window_get_filter_bar:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the filter bar
 */
AipFilterBar *
aip_window_get_filter_bar (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->filter_bar;
}

/**
 * aip_window_get_sign_in_page:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the sign-in page
 */
AipSignInPage *
aip_window_get_sign_in_page (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->sign_in_page;
}

/**
 * aip_window_get_header_box:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): a #GtkBox at the end of the header bar for
 *   buttons that belong to the list, shown while the list is
 */
GtkWidget *
aip_window_get_header_box (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->header_extra_box);
}

/**
 * aip_window_get_state_name:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): what the window shows: "sign-in", "loading",
 *   "error", "empty", "no-match" or "list"
 */
const char *
aip_window_get_state_name (AipWindow *self)
{
  const char *page;

  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  page = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_str_equal (page, "content"))
    return gtk_stack_get_visible_child_name (self->list_stack);

  return page;
}

/**
 * aip_window_get_banner_text:
 * @self: a #AipWindow
 *
 * Returns: (transfer none) (nullable): the text of the banner above the
 *   list, or %NULL while none is shown
 */
const char *
aip_window_get_banner_text (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->banner_text;
}

/**
 * aip_window_get_subtitle:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the subtitle under the window title
 */
const char *
aip_window_get_subtitle (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

/**
 * aip_window_add_toast:
 * @self: a #AipWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
aip_window_add_toast (AipWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (AIP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_clear_pointer (&self->last_toast, g_free);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * aip_window_set_now:
 * @self: a #AipWindow
 * @now: (nullable): the time to show everything at, or %NULL for the
 *   computer's clock
 *
 * Stops the window's clock at @now, so that tests can tell what the list
 * shows at a given moment and when an automatic refresh is due; the timers
 * keep running but find the same time.
 */
void
aip_window_set_now (AipWindow *self,
                    GDateTime *now)
{
  g_autoptr(GDateTime) shown = NULL;

  g_return_if_fail (AIP_IS_WINDOW (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);

  shown = window_now (self);
  aip_auto_refresh_set_now (self->auto_refresh,
                            now != NULL ? g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now) : 0);
  update_time (self, shown);
}

/**
 * aip_window_get_auto_refresh:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): what refreshes the list on its own and tells
 *   whether there is a network
 */
AipAutoRefresh *
aip_window_get_auto_refresh (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->auto_refresh;
}

/**
 * aip_window_get_cell:
 * @self: a #AipWindow
 * @column: a column id, as for aip_window_get_column()
 * @position: a row of the visible model
 *
 * Returns: (transfer none) (nullable): the widget that shows @column of
 *   the row at @position, a #GtkLabel or, for "name", an #AipNameCell; %NULL
 *   while that row is not on screen
 */
GtkWidget *
aip_window_get_cell (AipWindow  *self,
                     const char *column,
                     guint       position)
{
  GHashTableIter iter;
  gpointer list_item;
  gpointer desc;

  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &list_item, &desc))
    if (g_str_equal (((const Column *) desc)->id, column) &&
        gtk_list_item_get_item (list_item) != NULL &&
        gtk_list_item_get_position (list_item) == position)
      return gtk_list_item_get_child (list_item);

  return NULL;
}

/**
 * aip_window_get_last_toast:
 * @self: a #AipWindow
 *
 * Returns: (transfer none) (nullable): the text of the last toast the
 *   window showed, for tests
 */
const char *
aip_window_get_last_toast (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->last_toast;
}

/**
 * aip_window_get_changes_button:
 * @self: a #AipWindow
 *
 * Returns: (transfer none): the header bar's #GtkMenuButton that opens
 *   the list of changes, shown while there are changes
 */
GtkWidget *
aip_window_get_changes_button (AipWindow *self)
{
  g_return_val_if_fail (AIP_IS_WINDOW (self), NULL);

  return self->changes_button;
}

/**
 * aip_window_export_to_file:
 * @self: a #AipWindow
 * @file: where to write
 * @format: %AIP_FORMAT_CSV, %AIP_FORMAT_CSV_SPREADSHEET or %AIP_FORMAT_JSON
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called when the file is written or could not be
 * @user_data: data for @callback
 *
 * Writes the list as shown, filtered and sorted, to @file, as the Export
 * action does with the file the person chose, and tells the person how it
 * went with a toast.
 */
void
aip_window_export_to_file (AipWindow           *self,
                           GFile               *file,
                           AipFormat            format,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format == AIP_FORMAT_CSV || format == AIP_FORMAT_CSV_SPREADSHEET ||
                    format == AIP_FORMAT_JSON);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_window_export_to_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  aip_export_write_async (G_LIST_MODEL (self->selection), format, file, cancellable,
                          export_written_cb, g_steal_pointer (&task));
}

/**
 * aip_window_export_to_file_finish:
 * @self: a #AipWindow
 * @result: the result given to the callback
 * @n_written: (out) (optional): how many assistants the file holds
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
aip_window_export_to_file_finish (AipWindow     *self,
                                  GAsyncResult  *result,
                                  guint         *n_written,
                                  GError       **error)
{
  gssize n;

  g_return_val_if_fail (AIP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_written != NULL)
    *n_written = (guint) n;

  return TRUE;
}

