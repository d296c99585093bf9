/* aip-filter-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIP_TYPE_FILTER_CHOICE (aip_filter_choice_get_type ())

G_DECLARE_FINAL_TYPE (AipFilterChoice, aip_filter_choice, AIP, FILTER_CHOICE, GObject)

AipFilterChoice *aip_filter_choice_new                (const char      *value);
AipFilterChoice *aip_filter_choice_new_timezone       (const char      *timezone,
                                                       gboolean         known,
                                                       int              utc_offset);
const char      *aip_filter_choice_get_value          (AipFilterChoice *self);
guint            aip_filter_choice_get_count          (AipFilterChoice *self);
void             aip_filter_choice_set_count          (AipFilterChoice *self,
                                                       guint            count);
gboolean         aip_filter_choice_get_has_utc_offset (AipFilterChoice *self);
int              aip_filter_choice_get_utc_offset     (AipFilterChoice *self);

G_END_DECLS
