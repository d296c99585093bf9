/* aip-json-write.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "aip-json-reduce.h"

G_BEGIN_DECLS

void aip_json_append_node   (GString              *out,
                             JsonNode             *node,
                             int                   indent,
                             const AipJsonStrings *taken);

G_END_DECLS
