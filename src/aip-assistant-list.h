/* aip-assistant-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-assistant.h"

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT_LIST (aip_assistant_list_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantList, aip_assistant_list, AIP, ASSISTANT_LIST, GObject)

AipAssistantList *aip_assistant_list_new     (void);
GPtrArray        *aip_assistant_list_replace (AipAssistantList *self,
                                              GPtrArray        *assistants);

void              aip_assistant_list_update_from (AipAssistantList *self,
                                                  GListModel       *source);

gboolean          aip_assistant_list_find        (AipAssistantList *self,
                                                  AipAssistant     *assistant,
                                                  guint            *position);

G_END_DECLS
