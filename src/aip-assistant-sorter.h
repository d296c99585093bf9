/* aip-assistant-sorter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-assistant.h"
#include "aip-calling-hours.h"

G_BEGIN_DECLS

typedef enum
{
  AIP_SORT_COLUMN_NAME,
  AIP_SORT_COLUMN_STATUS,
  AIP_SORT_COLUMN_MODE,
  AIP_SORT_COLUMN_TIMEZONE,
  AIP_SORT_COLUMN_LOCAL_TIME,
  AIP_SORT_COLUMN_WEBHOOK,
  AIP_SORT_COLUMN_UPDATED,
  AIP_SORT_COLUMN_ID,
  AIP_SORT_COLUMN_CALLING_NOW,
} AipSortColumn;

#define AIP_TYPE_ASSISTANT_SORTER (aip_assistant_sorter_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantSorter, aip_assistant_sorter, AIP, ASSISTANT_SORTER, GtkSorter)

AipAssistantSorter *aip_assistant_sorter_new        (AipSortColumn       column);
AipSortColumn       aip_assistant_sorter_get_column (AipAssistantSorter *self);
void                aip_assistant_sorter_set_calling_hours (AipAssistantSorter *self,
                                                            AipCallingHours    *calling_hours);
void                aip_assistant_sorter_set_now    (AipAssistantSorter *self,
                                                     GDateTime          *now);
int                 aip_timezone_offset_now         (const char         *timezone,
                                                     gboolean           *known);

G_END_DECLS
