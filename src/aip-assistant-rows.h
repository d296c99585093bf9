/* aip-assistant-rows.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-assistant-row.h"

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT_ROWS (aip_assistant_rows_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantRows, aip_assistant_rows, AIP, ASSISTANT_ROWS, GObject)

void              aip_assistant_rows_set_model (AipAssistantRows *self,
                                                GListModel       *model);

G_END_DECLS
