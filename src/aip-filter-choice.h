/* aip-filter-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIP_TYPE_FILTER_CHOICE (aip_filter_choice_get_type ())

G_DECLARE_FINAL_TYPE (AipFilterChoice, aip_filter_choice, AIP, FILTER_CHOICE, GObject)

AipFilterChoice *aip_filter_choice_new       (const char      *value,
                                              const char      *name);
const char      *aip_filter_choice_get_value (AipFilterChoice *self);
const char      *aip_filter_choice_get_name  (AipFilterChoice *self);
const char      *aip_filter_choice_get_label (AipFilterChoice *self);
guint            aip_filter_choice_get_count (AipFilterChoice *self);
void             aip_filter_choice_set_count (AipFilterChoice *self,
                                              guint            count);

G_END_DECLS
