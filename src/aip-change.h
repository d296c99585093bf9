/* aip-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "aip-assistant.h"

G_BEGIN_DECLS

typedef enum
{
  AIP_CHANGE_NONE,
  AIP_CHANGE_NEW,
  AIP_CHANGE_CHANGED,
  AIP_CHANGE_REMOVED,
} AipChangeKind;

/* The API's fields other than the id, which names an assistant. */
typedef enum
{
  AIP_FIELD_USER_ID         = 1 << 0,
  AIP_FIELD_NAME            = 1 << 1,
  AIP_FIELD_TYPE            = 1 << 2,
  AIP_FIELD_MODE            = 1 << 3,
  AIP_FIELD_STATUS          = 1 << 4,
  AIP_FIELD_VOICE_ID        = 1 << 5,
  AIP_FIELD_LANGUAGE_ID     = 1 << 6,
  AIP_FIELD_TIMEZONE        = 1 << 7,
  AIP_FIELD_INITIAL_MESSAGE = 1 << 8,
  AIP_FIELD_SYSTEM_PROMPT   = 1 << 9,
  AIP_FIELD_VARIABLES       = 1 << 10,
  AIP_FIELD_WEBHOOK_URL     = 1 << 11,
  AIP_FIELD_WEBHOOK_ACTIVE  = 1 << 12,
  AIP_FIELD_CREATED_AT      = 1 << 13,
  AIP_FIELD_UPDATED_AT      = 1 << 14,
} AipFields;

typedef struct
{
  gint64         id;
  char          *name;
  AipChangeKind  kind;
  AipFields      fields;
} AipChange;

#define AIP_TYPE_CHANGE (aip_change_get_type ())

GType          aip_change_get_type             (void) G_GNUC_CONST;
AipChange     *aip_change_copy                 (const AipChange *change);
void           aip_change_free                 (AipChange       *change);
char          *aip_change_describe_fields      (const AipChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AipChange, aip_change_free)

AipFields      aip_assistant_compare_fields    (AipAssistant    *a,
                                                AipAssistant    *b);
const char    *aip_field_get_label             (AipFields        field);

G_END_DECLS
