/* aip-json-write.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void aip_json_append_string (GString    *out,
                             const char *text);
void aip_json_append_node   (GString    *out,
                             JsonNode   *node,
                             int         indent);

G_END_DECLS
