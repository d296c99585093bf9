/* aip-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-health.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_variable_len (AipAssistant *assistant,
                  const char   *name,
                  gsize         length)
{
  guint n_variables = aip_assistant_get_n_variables (assistant);

  for (guint i = 0; i < n_variables; i++)
    {
      const char *variable = aip_assistant_get_variable_name (assistant, i);

      if (strncmp (variable, name, length) == 0 && variable[length] == '\0')
        return TRUE;
    }

  return FALSE;
}

/* Placeholder names, each once in the order met, but for the assistant's
 * own variables when there is an assistant */
typedef struct
{
  GPtrArray    *names;
  GHashTable   *seen;
  AipAssistant *assistant;
} Collect;

static void
collect_init (Collect      *collect,
              AipAssistant *assistant)
{
  collect->names = g_ptr_array_new ();
  collect->seen = g_hash_table_new (g_str_hash, g_str_equal);
  collect->assistant = assistant;
}

static void
collect_name (Collect    *collect,
              const char *name,
              gsize       length)
{
  g_autofree char *copy = NULL;

  if (collect->assistant != NULL && has_variable_len (collect->assistant, name, length))
    return;

  copy = g_strndup (name, length);
  if (!g_hash_table_contains (collect->seen, copy))
    {
      g_hash_table_add (collect->seen, copy);
      g_ptr_array_add (collect->names, g_steal_pointer (&copy));
    }
}

/* Each "{{ name }}" of text, with the name trimmed; braces inside the name
 * or a line break end the search for that one. */
static void
collect_placeholders (Collect    *collect,
                      const char *text)
{
  const char *p = text;

  if (text == NULL)
    return;

  while ((p = strstr (p, "{{")) != NULL)
    {
      const char *start = p + 2;
      const char *end = start;

      while (*end != '\0' && *end != '{' && *end != '}' && *end != '\n' && *end != '\r')
        end++;

      if (end[0] != '}' || end[1] != '}')
        {
          p++;
          continue;
        }

      p = end + 2;

      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;

      if (end > start)
        collect_name (collect, start, end - start);
    }
}

static GStrv
collect_finish (Collect *collect)
{
  g_hash_table_unref (collect->seen);
  g_ptr_array_add (collect->names, NULL);

  return (GStrv) g_ptr_array_free (collect->names, FALSE);
}

static int
days_since_update (AipAssistant *assistant,
                   GDateTime    *now)
{
  GDateTime *updated_at = aip_assistant_get_updated_at (assistant);

  if (updated_at == NULL)
    return 0;

  return (int) CLAMP (g_date_time_difference (now, updated_at) / G_TIME_SPAN_DAY, 0, G_MAXINT);
}

static gboolean
is_not_updated (AipAssistant *assistant,
                GDateTime    *now)
{
  GDateTime *updated_at = aip_assistant_get_updated_at (assistant);

  return aip_assistant_is_active (assistant) &&
         updated_at != NULL &&
         g_date_time_difference (now, updated_at) >
           (GTimeSpan) AIP_HEALTH_MAX_DAYS_WITHOUT_UPDATE * G_TIME_SPAN_DAY;
}

/**
 * aip_health_check:
 * @assistant: an assistant
 * @now: the current time
 *
 * Looks for settings that keep an assistant from working as meant: a
 * webhook half set up, an empty message or prompt, an active assistant
 * nobody has touched for long. It runs for every assistant at each
 * refresh and filter change, so it allocates nothing.
 *
 * Returns: the problems found, %AIP_HEALTH_OK for none
 */
AipHealthFlags
aip_health_check (AipAssistant *assistant,
                  GDateTime    *now)
{
  AipHealthFlags flags = AIP_HEALTH_OK;
  gboolean has_url;

  g_return_val_if_fail (AIP_IS_ASSISTANT (assistant), AIP_HEALTH_OK);
  g_return_val_if_fail (now != NULL, AIP_HEALTH_OK);

  has_url = !is_blank (aip_assistant_get_webhook_url (assistant));
  if (has_url && !aip_assistant_get_webhook_active (assistant))
    flags |= AIP_HEALTH_WEBHOOK_INACTIVE;
  if (!has_url && aip_assistant_get_webhook_active (assistant))
    flags |= AIP_HEALTH_WEBHOOK_WITHOUT_URL;

  if (is_blank (aip_assistant_get_initial_message (assistant)))
    flags |= AIP_HEALTH_EMPTY_INITIAL_MESSAGE;
  if (is_blank (aip_assistant_get_system_prompt (assistant)))
    flags |= AIP_HEALTH_EMPTY_SYSTEM_PROMPT;

  if (is_not_updated (assistant, now))
    flags |= AIP_HEALTH_NOT_UPDATED;

  return flags;
}

/**
 * aip_health_describe:
 * @assistant: an assistant
 * @now: the current time
 *
 * Says in words what aip_health_check() found, one sentence per problem,
 * for a tooltip or the detail pane.
 *
 * Returns: (transfer container) (element-type utf8): the translated
 *   sentences, empty when all is well
 */
GPtrArray *
aip_health_describe (AipAssistant *assistant,
                     GDateTime    *now)
{
  GPtrArray *sentences;
  AipHealthFlags flags;

  g_return_val_if_fail (AIP_IS_ASSISTANT (assistant), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  sentences = g_ptr_array_new_with_free_func (g_free);
  flags = aip_health_check (assistant, now);

  if (flags & AIP_HEALTH_WEBHOOK_INACTIVE)
    g_ptr_array_add (sentences,
                     g_strdup (_("The webhook URL is set but the webhook is inactive")));
  if (flags & AIP_HEALTH_WEBHOOK_WITHOUT_URL)
    g_ptr_array_add (sentences, g_strdup (_("The webhook is active but has no URL")));
  if (flags & AIP_HEALTH_EMPTY_INITIAL_MESSAGE)
    g_ptr_array_add (sentences, g_strdup (_("The initial message is empty")));
  if (flags & AIP_HEALTH_EMPTY_SYSTEM_PROMPT)
    g_ptr_array_add (sentences, g_strdup (_("The system prompt is empty")));
  if (flags & AIP_HEALTH_NOT_UPDATED)
    {
      int days = days_since_update (assistant, now);

      g_ptr_array_add (sentences,
                       g_strdup_printf (ngettext ("Active but not updated for %d day",
                                                  "Active but not updated for %d days",
                                                  days),
                                        days));
    }

  return sentences;
}

/**
 * aip_health_find_placeholders:
 * @text: (nullable): an initial message or system prompt
 *
 * Finds the names of the `{{placeholder}}`s in @text, with any spaces
 * inside the braces trimmed (`{{ company_name }}` is `company_name`).
 *
 * Returns: (transfer full): each name once, in the order first used
 */
GStrv
aip_health_find_placeholders (const char *text)
{
  Collect collect;

  collect_init (&collect, NULL);
  collect_placeholders (&collect, text);

  return collect_finish (&collect);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/**
 * aip_health_get_call_time_placeholders:
 * @assistant: an assistant
 *
 * The placeholders of the initial message and the system prompt that are
 * not among the assistant's variables: the platform fills them for each
 * contact when it calls ({{first_name}}), so they are no warning; the
 * details list them so that a person can check the spelling.
 *
 * Returns: (transfer full): their names, each once, sorted
 */
GStrv
aip_health_get_call_time_placeholders (AipAssistant *assistant)
{
  Collect collect;

  g_return_val_if_fail (AIP_IS_ASSISTANT (assistant), NULL);

  collect_init (&collect, assistant);
  collect_placeholders (&collect, aip_assistant_get_initial_message (assistant));
  collect_placeholders (&collect, aip_assistant_get_system_prompt (assistant));
  g_ptr_array_sort (collect.names, compare_names);

  return collect_finish (&collect);
}
