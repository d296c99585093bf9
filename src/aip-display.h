/* aip-display.h: values as the window shows them to people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-calling-hours.h"

G_BEGIN_DECLS

GSettings  *aip_display_new_clock_settings (void);
char       *aip_display_check_base_url     (const char  *text,
                                            char       **normalized);
void        aip_display_show_reason        (GtkLabel    *label,
                                            const char  *reason);
gboolean    aip_display_use_24h            (GSettings  *clock_settings);
char       *aip_display_clock              (GDateTime  *time,
                                            gboolean    use_24h);
char       *aip_display_local_clock        (const char *timezone,
                                            GDateTime  *now,
                                            gboolean    use_24h);
char       *aip_display_full               (GDateTime  *time,
                                            gboolean    use_24h);
char       *aip_display_relative           (GDateTime  *time,
                                            GDateTime  *now);
char       *aip_display_utc_offset         (int         seconds);
const char *aip_display_status             (const char *status);
const char *aip_display_status_class       (const char *status);
const char *aip_display_mode               (const char *mode);
const char *aip_display_webhook            (const char *url,
                                            gboolean    active);
char       *aip_display_when               (GDateTime  *time,
                                            GDateTime  *now,
                                            gboolean    use_24h);

char       *aip_display_short_date         (GDateTime  *time,
                                            GDateTime  *now);
char       *aip_display_cut                (const char *text,
                                            gsize       max_chars,
                                            gsize       max_run,
                                            gboolean   *cut);
char       *aip_display_timezone_city      (const char *timezone);

G_END_DECLS
