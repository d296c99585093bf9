/* aip-health.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-assistant.h"

G_BEGIN_DECLS

/* Placeholders that are not among an assistant's variables are no problem:
 * the platform fills them per contact at call time ({{first_name}}). */
typedef enum
{
  AIP_HEALTH_OK                    = 0,
  AIP_HEALTH_WEBHOOK_INACTIVE      = 1 << 0,
  AIP_HEALTH_WEBHOOK_WITHOUT_URL   = 1 << 1,
  AIP_HEALTH_EMPTY_INITIAL_MESSAGE = 1 << 2,
  AIP_HEALTH_EMPTY_SYSTEM_PROMPT   = 1 << 3,
  AIP_HEALTH_NOT_UPDATED           = 1 << 4,
} AipHealthFlags;

/* Active assistants not updated for longer than this need a look. */
#define AIP_HEALTH_MAX_DAYS_WITHOUT_UPDATE 90

AipHealthFlags  aip_health_check                      (AipAssistant *assistant,
                                                       GDateTime    *now);
GPtrArray      *aip_health_describe                   (AipAssistant *assistant,
                                                       GDateTime    *now);
GStrv           aip_health_find_placeholders          (const char   *text);
GStrv           aip_health_get_call_time_placeholders (AipAssistant *assistant);

G_END_DECLS
