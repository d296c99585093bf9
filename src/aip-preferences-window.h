/* aip-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIP_TYPE_PREFERENCES_WINDOW (aip_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AipPreferencesWindow, aip_preferences_window, AIP, PREFERENCES_WINDOW, AdwPreferencesWindow)

AipPreferencesWindow *aip_preferences_window_new (GSettings *settings);

G_END_DECLS
