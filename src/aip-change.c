/* aip-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-change.h"

/* One entry of the changes: which assistant, how, and which of its fields,
 * named as the person reads them. */

G_DEFINE_BOXED_TYPE (AipChange, aip_change, aip_change_copy, aip_change_free)

static const struct {
  AipFields   field;
  const char *label;
} field_labels[] = {
  { AIP_FIELD_NAME, N_("Name") },
  { AIP_FIELD_STATUS, N_("Status") },
  { AIP_FIELD_MODE, N_("Mode") },
  { AIP_FIELD_TIMEZONE, N_("Timezone") },
  { AIP_FIELD_INITIAL_MESSAGE, N_("Initial message") },
  { AIP_FIELD_SYSTEM_PROMPT, N_("System prompt") },
  { AIP_FIELD_VARIABLES, N_("Variables") },
  { AIP_FIELD_WEBHOOK_URL, N_("Webhook URL") },
  { AIP_FIELD_WEBHOOK_ACTIVE, N_("Webhook") },
  { AIP_FIELD_VOICE_ID, N_("Voice") },
  { AIP_FIELD_LANGUAGE_ID, N_("Language") },
  { AIP_FIELD_TYPE, N_("Type") },
  { AIP_FIELD_USER_ID, N_("Owner") },
  { AIP_FIELD_CREATED_AT, N_("Created") },
  { AIP_FIELD_UPDATED_AT, N_("Updated") },
};

/* Variables are a JSON object: the same names with the same values in
 * another order are the same variables. */
static gboolean
same_variables (AipAssistant *a,
                AipAssistant *b)
{
  g_autoptr(GHashTable) values = NULL;
  guint n_variables = aip_assistant_get_n_variables (a);

  guint same_in_order = 0;

  if (n_variables != aip_assistant_get_n_variables (b))
    return FALSE;

  /* Almost always the same order: no table for 100,000 of those */
  while (same_in_order < n_variables &&
         g_str_equal (aip_assistant_get_variable_name (a, same_in_order),
                      aip_assistant_get_variable_name (b, same_in_order)) &&
         g_str_equal (aip_assistant_get_variable_value (a, same_in_order),
                      aip_assistant_get_variable_value (b, same_in_order)))
    same_in_order++;
  if (same_in_order == n_variables)
    return TRUE;

  values = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_variables; i++)
    g_hash_table_insert (values,
                         (gpointer) aip_assistant_get_variable_name (a, i),
                         (gpointer) aip_assistant_get_variable_value (a, i));

  for (guint i = 0; i < n_variables; i++)
    {
      const char *name = aip_assistant_get_variable_name (b, i);
      gpointer value;

      if (!g_hash_table_lookup_extended (values, name, NULL, &value) ||
          g_strcmp0 (value, aip_assistant_get_variable_value (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_date (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

/**
 * aip_change_copy:
 * @change: an entry
 *
 * Returns: (transfer full): a copy of @change
 */
AipChange *
aip_change_copy (const AipChange *change)
{
  AipChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_memdup2 (change, sizeof *change);
  copy->name = g_strdup (change->name);

  return copy;
}

void
aip_change_free (AipChange *change)
{
  if (change == NULL)
    return;

  g_free (change->name);
  g_free (change);
}

/**
 * aip_field_get_label:
 * @field: one field
 *
 * Returns: the field's translated name as the person sees it, e.g. "Name"
 */
const char *
aip_field_get_label (AipFields field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      if (field_labels[i].field == field)
        return _(field_labels[i].label);
    }

  g_return_val_if_reached (NULL);
}

/**
 * aip_change_describe_fields:
 * @change: an entry
 *
 * Returns: (transfer full): the translated names of the changed fields, in
 *   the order the detail pane shows them, e.g. "Name, Status"; empty for a
 *   new or removed assistant
 */
char *
aip_change_describe_fields (const AipChange *change)
{
  GString *text;

  g_return_val_if_fail (change != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      if ((change->fields & field_labels[i].field) == 0)
        continue;

      if (text->len > 0)
        /* Translators: between the items of a list such as "Name, Status" */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, _(field_labels[i].label));
    }

  return g_string_free (text, FALSE);
}

/**
 * aip_assistant_compare_fields:
 * @a: an assistant
 * @b: another version of it
 *
 * Returns: the fields whose values differ, every API field but the id
 */
AipFields
aip_assistant_compare_fields (AipAssistant *a,
                              AipAssistant *b)
{
  AipFields fields = 0;

  g_return_val_if_fail (AIP_IS_ASSISTANT (a), 0);
  g_return_val_if_fail (AIP_IS_ASSISTANT (b), 0);

#define COMPARE_INT(getter, field) \
  if (getter (a) != getter (b)) fields |= field
#define COMPARE_STRING(getter, field) \
  if (g_strcmp0 (getter (a), getter (b)) != 0) fields |= field

  COMPARE_INT (aip_assistant_get_user_id, AIP_FIELD_USER_ID);
  COMPARE_STRING (aip_assistant_get_name, AIP_FIELD_NAME);
  COMPARE_STRING (aip_assistant_get_kind, AIP_FIELD_TYPE);
  COMPARE_STRING (aip_assistant_get_mode, AIP_FIELD_MODE);
  COMPARE_STRING (aip_assistant_get_status, AIP_FIELD_STATUS);
  COMPARE_INT (aip_assistant_get_voice_id, AIP_FIELD_VOICE_ID);
  COMPARE_INT (aip_assistant_get_language_id, AIP_FIELD_LANGUAGE_ID);
  COMPARE_STRING (aip_assistant_get_timezone, AIP_FIELD_TIMEZONE);
  COMPARE_STRING (aip_assistant_get_initial_message, AIP_FIELD_INITIAL_MESSAGE);
  COMPARE_STRING (aip_assistant_get_system_prompt, AIP_FIELD_SYSTEM_PROMPT);
  COMPARE_STRING (aip_assistant_get_webhook_url, AIP_FIELD_WEBHOOK_URL);
  COMPARE_INT (aip_assistant_get_webhook_active, AIP_FIELD_WEBHOOK_ACTIVE);

#undef COMPARE_INT
#undef COMPARE_STRING

  if (!same_variables (a, b))
    fields |= AIP_FIELD_VARIABLES;
  if (!same_date (aip_assistant_get_created_at (a), aip_assistant_get_created_at (b)))
    fields |= AIP_FIELD_CREATED_AT;
  if (!same_date (aip_assistant_get_updated_at (a), aip_assistant_get_updated_at (b)))
    fields |= AIP_FIELD_UPDATED_AT;

  return fields;
}
