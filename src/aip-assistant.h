/* aip-assistant.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AIP_TYPE_ASSISTANT (aip_assistant_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistant, aip_assistant, AIP, ASSISTANT, GObject)

/* Integer fields other than the id that are absent, null, negative or of
 * the wrong type read back as AIP_ASSISTANT_NO_ID. Ids may also come as
 * strings of digits. */
#define AIP_ASSISTANT_NO_ID ((gint64) -1)

char         *aip_assistant_format_date         (GDateTime     *date_time);
gint64        aip_assistant_get_id              (AipAssistant  *self);
gint64        aip_assistant_get_user_id         (AipAssistant  *self);
const char   *aip_assistant_get_name            (AipAssistant  *self);
const char   *aip_assistant_get_kind            (AipAssistant  *self);
const char   *aip_assistant_get_mode            (AipAssistant  *self);
const char   *aip_assistant_get_status          (AipAssistant  *self);
gint64        aip_assistant_get_voice_id        (AipAssistant  *self);
gint64        aip_assistant_get_language_id     (AipAssistant  *self);
const char   *aip_assistant_get_timezone        (AipAssistant  *self);
const char   *aip_assistant_get_initial_message (AipAssistant  *self);
const char   *aip_assistant_get_system_prompt   (AipAssistant  *self);
guint         aip_assistant_get_n_variables     (AipAssistant  *self);
const char   *aip_assistant_get_variable_name   (AipAssistant  *self,
                                                 guint          position);
const char   *aip_assistant_get_variable_value  (AipAssistant  *self,
                                                 guint          position);
gboolean      aip_assistant_has_variable        (AipAssistant  *self,
                                                 const char    *name);
const char   *aip_assistant_get_variables_json  (AipAssistant  *self);
const char   *aip_assistant_get_webhook_url     (AipAssistant  *self);
gboolean      aip_assistant_get_webhook_active  (AipAssistant  *self);
GDateTime    *aip_assistant_get_created_at      (AipAssistant  *self);
GDateTime    *aip_assistant_get_updated_at      (AipAssistant  *self);
const char   *aip_assistant_get_search_text     (AipAssistant  *self);
const char   *aip_assistant_get_name_key        (AipAssistant  *self);
gboolean      aip_assistant_is_active           (AipAssistant  *self);

G_END_DECLS
