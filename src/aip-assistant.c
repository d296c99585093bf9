/* aip-assistant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-assistant-private.h"

G_DEFINE_FINAL_TYPE (AipAssistant, aip_assistant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_NAME,
  PROP_TYPE,
  PROP_MODE,
  PROP_STATUS,
  PROP_VOICE_ID,
  PROP_LANGUAGE_ID,
  PROP_TIMEZONE,
  PROP_INITIAL_MESSAGE,
  PROP_SYSTEM_PROMPT,
  PROP_VARIABLES_JSON,
  PROP_WEBHOOK_URL,
  PROP_IS_WEBHOOK_ACTIVE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
aip_assistant_finalize (GObject *object)
{
  AipAssistant *self = (AipAssistant *)object;

  g_clear_pointer (&self->kind, g_ref_string_release);
  g_clear_pointer (&self->mode, g_ref_string_release);
  g_clear_pointer (&self->status, g_ref_string_release);
  g_clear_pointer (&self->timezone, g_ref_string_release);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self->block);

  G_OBJECT_CLASS (aip_assistant_parent_class)->finalize (object);
}

static void
aip_assistant_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AipAssistant *self = AIP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USER_ID:
      g_value_set_int64 (value, self->user_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->kind);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_VOICE_ID:
      g_value_set_int64 (value, self->voice_id);
      break;

    case PROP_LANGUAGE_ID:
      g_value_set_int64 (value, self->language_id);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_INITIAL_MESSAGE:
      g_value_set_string (value, self->initial_message);
      break;

    case PROP_SYSTEM_PROMPT:
      g_value_set_string (value, self->system_prompt);
      break;

    case PROP_VARIABLES_JSON:
      g_value_set_string (value, self->variables_json);
      break;

    case PROP_WEBHOOK_URL:
      g_value_set_string (value, self->webhook_url);
      break;

    case PROP_IS_WEBHOOK_ACTIVE:
      g_value_set_boolean (value, self->webhook_active);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_class_init (AipAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = aip_assistant_finalize;
  object_class->get_property = aip_assistant_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USER_ID] =
    g_param_spec_int64 ("user-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL, flags);
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_VOICE_ID] =
    g_param_spec_int64 ("voice-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_LANGUAGE_ID] =
    g_param_spec_int64 ("language-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL, flags);
  properties[PROP_INITIAL_MESSAGE] =
    g_param_spec_string ("initial-message", NULL, NULL, NULL, flags);
  properties[PROP_SYSTEM_PROMPT] =
    g_param_spec_string ("system-prompt", NULL, NULL, NULL, flags);
  properties[PROP_VARIABLES_JSON] =
    g_param_spec_string ("variables-json", NULL, NULL, NULL, flags);
  properties[PROP_WEBHOOK_URL] =
    g_param_spec_string ("webhook-url", NULL, NULL, NULL, flags);
  properties[PROP_IS_WEBHOOK_ACTIVE] =
    g_param_spec_boolean ("is-webhook-active", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_init (AipAssistant *self)
{
  self->user_id = AIP_ASSISTANT_NO_ID;
  self->voice_id = AIP_ASSISTANT_NO_ID;
  self->language_id = AIP_ASSISTANT_NO_ID;
}

/**
 * aip_assistant_get_id:
 * @self: an assistant
 *
 * Returns: the assistant's id, never negative
 */
gint64
aip_assistant_get_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->id;
}

/**
 * aip_assistant_get_user_id:
 * @self: an assistant
 *
 * Returns: the owner's id, or %AIP_ASSISTANT_NO_ID
 */
gint64
aip_assistant_get_user_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->user_id;
}

/**
 * aip_assistant_get_name:
 * @self: an assistant
 *
 * Returns: (nullable): the name
 */
const char *
aip_assistant_get_name (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->name;
}

/**
 * aip_assistant_get_kind:
 * @self: an assistant
 *
 * Returns: (nullable): the API's `type`, "outbound" on this endpoint
 */
const char *
aip_assistant_get_kind (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->kind;
}

/**
 * aip_assistant_get_mode:
 * @self: an assistant
 *
 * Returns: (nullable): the mode as the API sent it, known or not
 */
const char *
aip_assistant_get_mode (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->mode;
}

/**
 * aip_assistant_get_status:
 * @self: an assistant
 *
 * Returns: (nullable): the status as the API sent it, known or not
 */
const char *
aip_assistant_get_status (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->status;
}

/**
 * aip_assistant_get_voice_id:
 * @self: an assistant
 *
 * Returns: the voice's id, or %AIP_ASSISTANT_NO_ID
 */
gint64
aip_assistant_get_voice_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->voice_id;
}

/**
 * aip_assistant_get_language_id:
 * @self: an assistant
 *
 * Returns: the language's id, or %AIP_ASSISTANT_NO_ID
 */
gint64
aip_assistant_get_language_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->language_id;
}

/**
 * aip_assistant_get_timezone:
 * @self: an assistant
 *
 * Returns: (nullable): the IANA timezone name as the API sent it
 */
const char *
aip_assistant_get_timezone (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->timezone;
}

/**
 * aip_assistant_get_initial_message:
 * @self: an assistant
 *
 * Returns: (nullable): what the assistant says when the call connects
 */
const char *
aip_assistant_get_initial_message (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->initial_message;
}

/**
 * aip_assistant_get_system_prompt:
 * @self: an assistant
 *
 * Returns: (nullable): the assistant's instructions
 */
const char *
aip_assistant_get_system_prompt (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->system_prompt;
}

/**
 * aip_assistant_get_n_variables:
 * @self: an assistant
 *
 * Returns: how many variables the assistant has
 */
guint
aip_assistant_get_n_variables (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), 0);

  return self->n_variables;
}

/**
 * aip_assistant_get_variable_name:
 * @self: an assistant
 * @position: a variable's position, in the order the API sent them
 *
 * Returns: the variable's name
 */
const char *
aip_assistant_get_variable_name (AipAssistant *self,
                                 guint         position)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (position < self->n_variables, NULL);

  return self->variables[2 * position];
}

/**
 * aip_assistant_get_variable_value:
 * @self: an assistant
 * @position: a variable's position, in the order the API sent them
 *
 * Returns: the variable's value as text: a string as it is, another value
 *   as its JSON text, null as an empty text
 */
const char *
aip_assistant_get_variable_value (AipAssistant *self,
                                  guint         position)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (position < self->n_variables, NULL);

  return self->variables[2 * position + 1];
}

/**
 * aip_assistant_has_variable:
 * @self: an assistant
 * @name: a variable name
 *
 * Returns: whether the assistant has a variable called @name
 */
gboolean
aip_assistant_has_variable (AipAssistant *self,
                            const char   *name)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < self->n_variables; i++)
    if (strcmp (self->variables[2 * i], name) == 0)
      return TRUE;

  return FALSE;
}

/**
 * aip_assistant_get_variables_json:
 * @self: an assistant
 *
 * Returns: (nullable): the variables as compact JSON, "{}" when there are
 *   none, %NULL when the API sent no variables object
 */
const char *
aip_assistant_get_variables_json (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->variables_json;
}

/**
 * aip_assistant_get_webhook_url:
 * @self: an assistant
 *
 * Returns: (nullable): where the platform posts call events
 */
const char *
aip_assistant_get_webhook_url (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->webhook_url;
}

/**
 * aip_assistant_get_webhook_active:
 * @self: an assistant
 *
 * Returns: the API's `is_webhook_active`, %FALSE when absent
 */
gboolean
aip_assistant_get_webhook_active (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), FALSE);

  return self->webhook_active;
}

/**
 * aip_assistant_get_created_at:
 * @self: an assistant
 *
 * Returns: (transfer none) (nullable): when the assistant was created, in UTC
 */
GDateTime *
aip_assistant_get_created_at (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->created_at;
}

/**
 * aip_assistant_get_updated_at:
 * @self: an assistant
 *
 * Returns: (transfer none) (nullable): when the assistant last changed, in UTC
 */
GDateTime *
aip_assistant_get_updated_at (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->updated_at;
}

/**
 * aip_assistant_get_search_text:
 * @self: an assistant
 *
 * The name, initial message, system prompt and variable names and values,
 * each folded with aip_fold_text() and separated by a character no folded
 * text contains. A folded query found in it with strstr() matches.
 *
 * Returns: the search text
 */
const char *
aip_assistant_get_search_text (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->search_text;
}

/**
 * aip_assistant_get_name_key:
 * @self: an assistant
 *
 * Returns: the collation key of the case-folded name, for strcmp(); empty
 *   when there is no name
 */
const char *
aip_assistant_get_name_key (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->name_key;
}

/**
 * aip_assistant_is_active:
 * @self: an assistant
 *
 * Returns: whether the status is "active"
 */
gboolean
aip_assistant_is_active (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), FALSE);

  return g_strcmp0 (self->status, "active") == 0;
}

/**
 * aip_assistant_format_date:
 * @date_time: (nullable): a date of an assistant
 *
 * Returns: (transfer full) (nullable): the date in the API's own form, in
 *   UTC with microseconds ("2025-07-15T14:32:15.000000Z"), or %NULL
 */
char *
aip_assistant_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;

  utc = g_date_time_to_utc (date_time);

  /* %Y writes the year as few digits as it has: "999-01-01" is not
   * ISO 8601 and does not read back. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc));
}
