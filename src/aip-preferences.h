/* aip-preferences.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-calling-hours.h"

G_BEGIN_DECLS

#define AIP_TYPE_PREFERENCES (aip_preferences_get_type ())

G_DECLARE_FINAL_TYPE (AipPreferences, aip_preferences, AIP, PREFERENCES, GObject)

AipPreferences  *aip_preferences_new               (GSettings      *settings);
GSettings       *aip_preferences_get_settings      (AipPreferences *self);
AipCallingHours *aip_preferences_get_calling_hours (AipPreferences *self);
guint            aip_preferences_get_auto_refresh  (AipPreferences *self);

G_END_DECLS
