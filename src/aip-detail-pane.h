/* aip-detail-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-assistant.h"
#include "aip-calling-hours.h"

G_BEGIN_DECLS

#define AIP_TYPE_DETAIL_PANE (aip_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (AipDetailPane, aip_detail_pane, AIP, DETAIL_PANE, AdwBin)

AipAssistant *aip_detail_pane_get_assistant  (AipDetailPane *self);
void          aip_detail_pane_set_assistant  (AipDetailPane *self,
                                              AipAssistant  *assistant);
void          aip_detail_pane_set_use_24h    (AipDetailPane *self,
                                              gboolean       use_24h);
void          aip_detail_pane_set_calling_hours (AipDetailPane   *self,
                                                 AipCallingHours *calling_hours);
void          aip_detail_pane_update_time    (AipDetailPane *self,
                                              GDateTime     *now);
const char   *aip_detail_pane_get_shown_text (AipDetailPane *self,
                                              const char    *field);

G_END_DECLS
