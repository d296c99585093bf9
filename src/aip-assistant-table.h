/* aip-assistant-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-assistant.h"
#include "aip-assistant-filter.h"
#include "aip-calling-hours.h"
#include "aip-changes.h"

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT_TABLE (aip_assistant_table_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantTable, aip_assistant_table, AIP, ASSISTANT_TABLE, GtkWidget)

GListModel         *aip_assistant_table_get_model         (AipAssistantTable *self);
void                aip_assistant_table_set_model         (AipAssistantTable *self,
                                                           GListModel        *model);
AipAssistantFilter *aip_assistant_table_get_filter        (AipAssistantTable *self);
GListModel         *aip_assistant_table_get_shown         (AipAssistantTable *self);
gboolean            aip_assistant_table_get_settled       (AipAssistantTable *self);
AipAssistant       *aip_assistant_table_get_selected      (AipAssistantTable *self);
gboolean            aip_assistant_table_show_assistant    (AipAssistantTable *self,
                                                           gint64             id);
GDateTime          *aip_assistant_table_dup_now           (AipAssistantTable *self);
void                aip_assistant_table_set_now           (AipAssistantTable *self,
                                                           GDateTime         *now);
AipCallingHours    *aip_assistant_table_get_calling_hours (AipAssistantTable *self);
void                aip_assistant_table_set_calling_hours (AipAssistantTable *self,
                                                           AipCallingHours   *calling_hours);
gboolean            aip_assistant_table_get_use_24h       (AipAssistantTable *self);
void                aip_assistant_table_set_use_24h       (AipAssistantTable *self,
                                                           gboolean           use_24h);
AipChanges         *aip_assistant_table_get_changes       (AipAssistantTable *self);
void                aip_assistant_table_set_changes       (AipAssistantTable *self,
                                                           AipChanges        *changes);
gboolean            aip_assistant_table_get_narrow        (AipAssistantTable *self);
void                aip_assistant_table_set_narrow        (AipAssistantTable *self,
                                                           gboolean           narrow);

G_END_DECLS
