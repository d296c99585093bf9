/* aip-json-compact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void aip_json_compact_append (GString            *out,
                              const char         *start,
                              const char         *end);
void aip_json_compact_items  (GString            *out,
                              const char         *start,
                              const char         *end,
                              const char * const *members,
                              guint               n_members);

G_END_DECLS
