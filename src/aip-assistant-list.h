/* aip-assistant-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT_LIST (aip_assistant_list_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantList, aip_assistant_list, AIP, ASSISTANT_LIST, GObject)

AipAssistantList *aip_assistant_list_new     (void);
GPtrArray        *aip_assistant_list_replace (AipAssistantList *self,
                                              GPtrArray        *assistants);

G_END_DECLS
