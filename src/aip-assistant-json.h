/* aip-assistant-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "aip-assistant.h"

G_BEGIN_DECLS

GHashTable   *aip_assistant_new_string_table (void);
AipAssistant *aip_assistant_new_from_json    (JsonObject   *object,
                                              GHashTable   *strings);
const char * const *aip_assistant_get_members (guint    *n_members);
AipAssistant *aip_assistant_new_from_values  (JsonArray    *values,
                                              GHashTable   *strings);
void          aip_assistant_append_json      (AipAssistant *self,
                                              GString      *out,
                                              int           indent);

G_END_DECLS
