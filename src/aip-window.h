/* aip-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-account.h"
#include "aip-application.h"
#include "aip-auto-refresh.h"

G_BEGIN_DECLS

#define AIP_TYPE_WINDOW (aip_window_get_type ())

G_DECLARE_FINAL_TYPE (AipWindow, aip_window, AIP, WINDOW, AdwApplicationWindow)

AipWindow *aip_window_new (AipApplication *application,
                           AipAccount     *account,
                           AipAutoRefresh *auto_refresh);

G_END_DECLS
