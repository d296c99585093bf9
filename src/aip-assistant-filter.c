/* aip-assistant-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-assistant-filter.h"
#include "aip-calling-hours.h"
#include "aip-fold.h"
#include "aip-health.h"

struct _AipAssistantFilter
{
  GtkFilter  parent_instance;

  char      *status;
  char      *timezone;
  char      *mode;
  char      *search;
  /* The search folded once and cut into words, so that matching an item
   * is one strstr() a word: every word must be found, in any order. */
  char      *folded_search;
  char     **folded_words;
  AipCallingHours *calling_hours;
  GDateTime *now;
  guint      calling_now : 1;
  guint      needs_attention : 1;
};

G_DEFINE_FINAL_TYPE (AipAssistantFilter, aip_assistant_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_TIMEZONE,
  PROP_MODE,
  PROP_SEARCH,
  PROP_CALLING_NOW,
  PROP_NEEDS_ATTENTION,
  PROP_CALLING_HOURS,
  PROP_NOW,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Empty means "all", so that GSettings and the command line can say it. */
static char *
normalize_choice (const char *value)
{
  return (value != NULL && value[0] != '\0') ? g_strdup (value) : NULL;
}

static void
set_choice (AipAssistantFilter *self,
            char              **field,
            const char         *value,
            GParamSpec         *pspec)
{
  g_autofree char *choice = normalize_choice (value);
  gboolean was_all = *field == NULL;
  gboolean was_active;

  g_assert (AIP_IS_ASSISTANT_FILTER (self));

  if (g_strcmp0 (*field, choice) == 0)
    return;

  was_active = aip_assistant_filter_is_active (self);

  g_free (*field);
  *field = g_steal_pointer (&choice);

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_active != aip_assistant_filter_is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);

  if (was_all)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (*field == NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
aip_assistant_filter_match (GtkFilter *filter,
                            gpointer   item)
{
  return aip_assistant_filter_match_except (AIP_ASSISTANT_FILTER (filter),
                                            AIP_ASSISTANT (item),
                                            AIP_FILTER_FACET_NONE);
}

static GtkFilterMatch
aip_assistant_filter_get_strictness (GtkFilter *filter)
{
  AipAssistantFilter *self = AIP_ASSISTANT_FILTER (filter);

  return aip_assistant_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
aip_assistant_filter_finalize (GObject *object)
{
  AipAssistantFilter *self = (AipAssistantFilter *)object;

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->folded_words, g_strfreev);
  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (aip_assistant_filter_parent_class)->finalize (object);
}

static void
aip_assistant_filter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AipAssistantFilter *self = AIP_ASSISTANT_FILTER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_CALLING_NOW:
      g_value_set_boolean (value, self->calling_now);
      break;

    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, self->needs_attention);
      break;

    case PROP_CALLING_HOURS:
      g_value_set_boxed (value, self->calling_hours);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, aip_assistant_filter_is_active (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_filter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AipAssistantFilter *self = AIP_ASSISTANT_FILTER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      aip_assistant_filter_set_status (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      aip_assistant_filter_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_MODE:
      aip_assistant_filter_set_mode (self, g_value_get_string (value));
      break;

    case PROP_SEARCH:
      aip_assistant_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_CALLING_NOW:
      aip_assistant_filter_set_calling_now (self, g_value_get_boolean (value));
      break;

    case PROP_NEEDS_ATTENTION:
      aip_assistant_filter_set_needs_attention (self, g_value_get_boolean (value));
      break;

    case PROP_CALLING_HOURS:
      aip_assistant_filter_set_calling_hours (self, g_value_get_boxed (value));
      break;

    case PROP_NOW:
      aip_assistant_filter_set_now (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_filter_class_init (AipAssistantFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = aip_assistant_filter_finalize;
  object_class->get_property = aip_assistant_filter_get_property;
  object_class->set_property = aip_assistant_filter_set_property;

  filter_class->match = aip_assistant_filter_match;
  filter_class->get_strictness = aip_assistant_filter_get_strictness;

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_NOW] =
    g_param_spec_boolean ("calling-now", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_HOURS] =
    g_param_spec_boxed ("calling-hours", NULL, NULL, AIP_TYPE_CALLING_HOURS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_filter_init (AipAssistantFilter *self)
{
  self->calling_hours = aip_calling_hours_new_default ();
  self->now = g_date_time_new_now_utc ();
}

/**
 * aip_assistant_filter_new:
 *
 * Creates a filter that lets every assistant through until a choice is set.
 *
 * Returns: (transfer full): a new #AipAssistantFilter
 */
AipAssistantFilter *
aip_assistant_filter_new (void)
{
  return g_object_new (AIP_TYPE_ASSISTANT_FILTER, NULL);
}

const char *
aip_assistant_filter_get_status (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), NULL);

  return self->status;
}

/**
 * aip_assistant_filter_set_status:
 * @self: a #AipAssistantFilter
 * @status: (nullable): the exact status to keep, or %NULL or "" for all
 */
void
aip_assistant_filter_set_status (AipAssistantFilter *self,
                                 const char         *status)
{
  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  set_choice (self, &self->status, status, properties [PROP_STATUS]);
}

const char *
aip_assistant_filter_get_timezone (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), NULL);

  return self->timezone;
}

/**
 * aip_assistant_filter_set_timezone:
 * @self: a #AipAssistantFilter
 * @timezone: (nullable): the exact timezone name to keep, or %NULL or "" for all
 */
void
aip_assistant_filter_set_timezone (AipAssistantFilter *self,
                                   const char         *timezone)
{
  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  set_choice (self, &self->timezone, timezone, properties [PROP_TIMEZONE]);
}

const char *
aip_assistant_filter_get_mode (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), NULL);

  return self->mode;
}

/**
 * aip_assistant_filter_set_mode:
 * @self: a #AipAssistantFilter
 * @mode: (nullable): the exact mode to keep, or %NULL or "" for all
 */
void
aip_assistant_filter_set_mode (AipAssistantFilter *self,
                               const char         *mode)
{
  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  set_choice (self, &self->mode, mode, properties [PROP_MODE]);
}

const char *
aip_assistant_filter_get_search (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), NULL);

  return self->search;
}

/* Folded text has spaces where the query had any white space or control
 * character: its words are what is between them. */
static char **
split_words (const char *folded)
{
  g_auto(GStrv) pieces = g_strsplit (folded, " ", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; pieces[i] != NULL; i++)
    if (pieces[i][0] != '\0')
      g_strv_builder_add (words, pieces[i]);

  return g_strv_builder_end (words);
}

/**
 * aip_assistant_filter_set_search:
 * @self: a #AipAssistantFilter
 * @search: (nullable): words to find in the name, messages and variables
 *
 * An assistant matches when it holds every word of @search, anywhere and
 * in any order: "payment sof" finds "Software payment reminder".
 * The search ignores case and Unicode normalization in every script, so
 * that "АСИСТЕНТ" finds "Асистент".
 */
void
aip_assistant_filter_set_search (AipAssistantFilter *self,
                                 const char         *search)
{
  g_autofree char *folded = NULL;
  g_autofree char *old_folded = NULL;
  g_auto(GStrv) words = NULL;
  gboolean was_active;
  GtkFilterChange change;

  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  was_active = aip_assistant_filter_is_active (self);
  folded = search != NULL ? aip_fold_text (search, -1) : NULL;
  words = folded != NULL ? split_words (folded) : NULL;
  /* Only spaces: no search at all */
  if (words != NULL && words[0] == NULL)
    {
      g_clear_pointer (&folded, g_free);
      g_clear_pointer (&words, g_strfreev);
    }

  g_free (self->search);
  self->search = g_strdup (search);
  old_folded = g_steal_pointer (&self->folded_search);
  self->folded_search = g_strdup (folded);
  g_clear_pointer (&self->folded_words, g_strfreev);
  self->folded_words = g_steal_pointer (&words);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
  if (was_active != aip_assistant_filter_is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);

  if (g_strcmp0 (old_folded, folded) == 0)
    return;

  /* Typing one more letter only ever removes rows: telling the model so
   * lets it look at the rows it still shows instead of all of them. */
  if (old_folded == NULL || (folded != NULL && strstr (folded, old_folded) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (old_folded, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self), change);
}

/**
 * aip_assistant_filter_is_active:
 * @self: a #AipAssistantFilter
 *
 * Returns: %TRUE if any choice or search narrows the list
 */
gboolean
aip_assistant_filter_is_active (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), FALSE);

  return self->status != NULL ||
         self->timezone != NULL ||
         self->mode != NULL ||
         self->folded_search != NULL ||
         self->calling_now ||
         self->needs_attention;
}

/**
 * aip_assistant_filter_clear:
 * @self: a #AipAssistantFilter
 *
 * Lets every assistant through again, with one change notification.
 */
void
aip_assistant_filter_clear (AipAssistantFilter *self)
{
  gboolean was_active;

  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  was_active = aip_assistant_filter_is_active (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
  if (self->timezone != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEZONE]);
  if (self->mode != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODE]);
  if (self->search != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
  if (self->calling_now)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_NOW]);
  if (self->needs_attention)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEEDS_ATTENTION]);

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->folded_words, g_strfreev);
  self->calling_now = FALSE;
  self->needs_attention = FALSE;

  if (was_active)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);

  g_object_thaw_notify (G_OBJECT (self));

  if (was_active)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

/**
 * aip_assistant_filter_match_except:
 * @self: a #AipAssistantFilter
 * @assistant: the assistant to test
 * @ignored: a facet to leave out, or %AIP_FILTER_FACET_NONE
 *
 * Tests @assistant against every choice but @ignored, which is what the
 * counts beside each choice of a facet need: how many assistants that
 * choice would hold given the other filters.
 *
 * Returns: %TRUE if @assistant passes
 */
gboolean
aip_assistant_filter_match_except (AipAssistantFilter *self,
                                   AipAssistant       *assistant,
                                   AipFilterFacet      ignored)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), FALSE);
  g_return_val_if_fail (AIP_IS_ASSISTANT (assistant), FALSE);

  if (self->status != NULL && ignored != AIP_FILTER_FACET_STATUS &&
      g_strcmp0 (self->status, aip_assistant_get_status (assistant)) != 0)
    return FALSE;

  if (self->timezone != NULL && ignored != AIP_FILTER_FACET_TIMEZONE &&
      g_strcmp0 (self->timezone, aip_assistant_get_timezone (assistant)) != 0)
    return FALSE;

  if (self->mode != NULL && ignored != AIP_FILTER_FACET_MODE &&
      g_strcmp0 (self->mode, aip_assistant_get_mode (assistant)) != 0)
    return FALSE;

  if (self->folded_words != NULL)
    {
      const char *text = aip_assistant_get_search_text (assistant);

      for (guint i = 0; self->folded_words[i] != NULL; i++)
        if (strstr (text, self->folded_words[i]) == NULL)
          return FALSE;
    }

  if (self->calling_now && ignored != AIP_FILTER_FACET_CALLING_NOW &&
      !aip_calling_hours_may_call (self->calling_hours, assistant, self->now))
    return FALSE;

  if (self->needs_attention && ignored != AIP_FILTER_FACET_NEEDS_ATTENTION &&
      aip_health_check (assistant, self->now) == AIP_HEALTH_OK)
    return FALSE;

  return TRUE;
}

static void
set_toggle (AipAssistantFilter *self,
            gboolean            value,
            gboolean            was_active,
            GParamSpec         *pspec)
{

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_active != aip_assistant_filter_is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);

  gtk_filter_changed (GTK_FILTER (self),
                      value ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

gboolean
aip_assistant_filter_get_calling_now (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), FALSE);

  return self->calling_now;
}

/**
 * aip_assistant_filter_set_calling_now:
 * @self: a #AipAssistantFilter
 * @calling_now: keep only assistants inside the calling hours at #AipAssistantFilter:now
 */
void
aip_assistant_filter_set_calling_now (AipAssistantFilter *self,
                                      gboolean            calling_now)
{
  gboolean was_active;

  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  calling_now = !!calling_now;
  if (self->calling_now == calling_now)
    return;

  was_active = aip_assistant_filter_is_active (self);
  self->calling_now = calling_now;
  set_toggle (self, calling_now, was_active, properties [PROP_CALLING_NOW]);
}

gboolean
aip_assistant_filter_get_needs_attention (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), FALSE);

  return self->needs_attention;
}

/**
 * aip_assistant_filter_set_needs_attention:
 * @self: a #AipAssistantFilter
 * @needs_attention: keep only assistants with a health warning
 */
void
aip_assistant_filter_set_needs_attention (AipAssistantFilter *self,
                                          gboolean            needs_attention)
{
  gboolean was_active;

  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));

  needs_attention = !!needs_attention;
  if (self->needs_attention == needs_attention)
    return;

  was_active = aip_assistant_filter_is_active (self);
  self->needs_attention = needs_attention;
  set_toggle (self, needs_attention, was_active, properties [PROP_NEEDS_ATTENTION]);
}

/**
 * aip_assistant_filter_set_calling_hours:
 * @self: a #AipAssistantFilter
 * @calling_hours: the calling window from Preferences
 */
void
aip_assistant_filter_set_calling_hours (AipAssistantFilter *self,
                                        AipCallingHours    *calling_hours)
{
  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));
  g_return_if_fail (calling_hours != NULL);

  if (aip_calling_hours_equal (self->calling_hours, calling_hours))
    return;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  self->calling_hours = aip_calling_hours_ref (calling_hours);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_HOURS]);

  if (self->calling_now)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * aip_assistant_filter_get_calling_hours:
 * @self: a #AipAssistantFilter
 *
 * Returns: (transfer none): the calling window the calling-now choice uses
 */
AipCallingHours *
aip_assistant_filter_get_calling_hours (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), NULL);

  return self->calling_hours;
}

/**
 * aip_assistant_filter_get_now:
 * @self: a #AipAssistantFilter
 *
 * Returns: (transfer none): the moment calling hours and the age of updates
 *   are judged at
 */
GDateTime *
aip_assistant_filter_get_now (AipAssistantFilter *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_FILTER (self), NULL);

  return self->now;
}

/**
 * aip_assistant_filter_set_now:
 * @self: a #AipAssistantFilter
 * @now: the moment calling hours and the age of updates are judged at
 *
 * The window moves this on with its one-minute timer; the list is filtered
 * again only when a filter depends on it.
 */
void
aip_assistant_filter_set_now (AipAssistantFilter *self,
                              GDateTime          *now)
{
  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (self));
  g_return_if_fail (now != NULL);

  if (g_date_time_equal (self->now, now))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);

  if (self->calling_now || self->needs_attention)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
