/* aip-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-application.h"
#include "aip-assistant-filter.h"
#include "aip-auto-refresh.h"
#include "aip-detail-pane.h"
#include "aip-filter-bar.h"
#include "aip-format.h"
#include "aip-sign-in-page.h"

G_BEGIN_DECLS

#define AIP_TYPE_WINDOW (aip_window_get_type ())

G_DECLARE_FINAL_TYPE (AipWindow, aip_window, AIP, WINDOW, AdwApplicationWindow)

AipWindow           *aip_window_new                (AipApplication *application,
                                                    AipAccount     *account);
AipAccount          *aip_window_get_account        (AipWindow      *self);
AipAssistantFilter  *aip_window_get_filter         (AipWindow      *self);
GListModel          *aip_window_get_visible_model  (AipWindow      *self);
GtkColumnViewColumn *aip_window_get_column         (AipWindow      *self,
                                                    const char     *id);
AipDetailPane       *aip_window_get_detail_pane    (AipWindow      *self);
AipFilterBar        *aip_window_get_filter_bar     (AipWindow      *self);
AipSignInPage       *aip_window_get_sign_in_page   (AipWindow      *self);
GtkWidget           *aip_window_get_header_box     (AipWindow      *self);
const char          *aip_window_get_state_name     (AipWindow      *self);
const char          *aip_window_get_banner_text    (AipWindow      *self);
const char          *aip_window_get_subtitle       (AipWindow      *self);
void                 aip_window_add_toast          (AipWindow      *self,
                                                    AdwToast       *toast);
void                 aip_window_set_now            (AipWindow      *self,
                                                    GDateTime      *now);
AipAutoRefresh      *aip_window_get_auto_refresh   (AipWindow      *self);
GtkWidget           *aip_window_get_cell           (AipWindow      *self,
                                                    const char     *column,
                                                    guint           position);
const char          *aip_window_get_last_toast     (AipWindow      *self);
GtkWidget           *aip_window_get_changes_button (AipWindow      *self);
void                 aip_window_export_to_file     (AipWindow           *self,
                                                    GFile               *file,
                                                    AipFormat            format,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean             aip_window_export_to_file_finish (AipWindow     *self,
                                                       GAsyncResult  *result,
                                                       guint         *n_written,
                                                       GError       **error);

G_END_DECLS
