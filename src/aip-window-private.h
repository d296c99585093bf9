/* aip-window-private.h: what the window and its actions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-assistant-table.h"
#include "aip-changes-popover.h"
#include "aip-detail-pane.h"
#include "aip-filter-bar.h"
#include "aip-format.h"
#include "aip-sign-in-page.h"
#include "aip-window.h"

G_BEGIN_DECLS

struct _AipWindow
{
  AdwApplicationWindow  parent_instance;

  AipAccount           *account;
  AipAutoRefresh       *auto_refresh;
  AipCallingHours      *calling_hours;
  GSettings            *settings;
  GSettings            *clock_settings;
  GCancellable         *cancellable;
  /* The time everything is shown at: the computer's, moved each minute,
   * or one a test stopped the clock at. */
  GDateTime            *now;
  GtkNativeDialog      *export_chooser;
  GtkWidget            *banner;
  GtkWidget            *split_view;
  AipFormat             export_format;
  guint                 tick_source;
  guint                 clock_stopped : 1;
  guint                 use_24h : 1;
  guint                 sign_in_requested : 1;
  guint                 show_filters : 1;

  AdwToastOverlay      *toast_overlay;
  GtkBox               *main_box;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkButton            *refresh_button;
  GtkToggleButton      *filter_button;
  GtkToggleButton      *search_button;
  GtkMenuButton        *changes_button;
  AipChangesPopover    *changes_popover;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  GtkStack             *main_stack;
  AipSignInPage        *sign_in_page;
  AdwStatusPage        *error_page;
  GtkButton            *error_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AipFilterBar         *filter_bar;
  GtkStack             *list_stack;
  AipAssistantTable    *table;
  AipDetailPane        *detail_pane;
};

void     _aip_window_class_actions_init (AipWindowClass *klass);
void     _aip_window_update_actions     (AipWindow      *self);
void     _aip_window_update_view        (AipWindow      *self);
void     _aip_window_show_toast         (AipWindow      *self,
                                         const char     *title,
                                         const char     *button_label,
                                         const char     *action_name,
                                         GVariant       *action_target);
void     _aip_window_show_details       (AipWindow      *self,
                                         gboolean        details);
gboolean _aip_window_is_folded          (AipWindow      *self);
gboolean _aip_window_details_on_top     (AipWindow      *self);

G_END_DECLS
