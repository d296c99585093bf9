/* aip-auto-refresh.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-account.h"
#include "aip-refresh-schedule.h"

G_BEGIN_DECLS

#define AIP_TYPE_AUTO_REFRESH (aip_auto_refresh_get_type ())

G_DECLARE_FINAL_TYPE (AipAutoRefresh, aip_auto_refresh, AIP, AUTO_REFRESH, GObject)

AipAutoRefresh     *aip_auto_refresh_new                 (AipAccount      *account);
AipRefreshSchedule *aip_auto_refresh_get_schedule        (AipAutoRefresh  *self);
GNetworkMonitor    *aip_auto_refresh_get_network_monitor (AipAutoRefresh  *self);
void                aip_auto_refresh_set_network_monitor (AipAutoRefresh  *self,
                                                          GNetworkMonitor *monitor);
gboolean            aip_auto_refresh_get_online          (AipAutoRefresh  *self);
void                aip_auto_refresh_set_now             (AipAutoRefresh  *self,
                                                          gint64           now);
gboolean            aip_auto_refresh_check               (AipAutoRefresh  *self);

G_END_DECLS
