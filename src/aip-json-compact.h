/* aip-json-compact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void aip_json_compact_append (GString    *out,
                              const char *start,
                              const char *end);

G_END_DECLS
