/* aip-assistant-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-assistant.h"

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT_ROW (aip_assistant_row_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantRow, aip_assistant_row, AIP, ASSISTANT_ROW, GObject)

AipAssistantRow *aip_assistant_row_new           (AipAssistant    *assistant);
AipAssistant    *aip_assistant_row_get_assistant (AipAssistantRow *self);
void             aip_assistant_row_set_assistant (AipAssistantRow *self,
                                                  AipAssistant    *assistant);

G_END_DECLS
