/* aip-assistant-cell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-assistant.h"
#include "aip-assistant-sorter.h"

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT_CELL (aip_assistant_cell_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantCell, aip_assistant_cell, AIP, ASSISTANT_CELL, GtkWidget)

AipAssistant  *aip_assistant_cell_get_assistant (AipAssistantCell *self);
void           aip_assistant_cell_set_assistant (AipAssistantCell *self,
                                                 AipAssistant     *assistant);
AipSortColumn  aip_assistant_cell_get_column    (AipAssistantCell *self);
void           aip_assistant_cell_update        (AipAssistantCell *self);

G_END_DECLS
