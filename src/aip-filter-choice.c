/* aip-filter-choice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-filter-choice.h"

/* One choice of a facet: the value the filter compares (none for "all"),
 * how many assistants it would show given the other filters, and for a
 * timezone its offset from UTC, by which the choices are ordered. Names
 * for people are the widgets' business. */
struct _AipFilterChoice
{
  GObject  parent_instance;

  char    *value;
  guint    count;
  int      utc_offset;
  gboolean has_utc_offset;
};

G_DEFINE_FINAL_TYPE (AipFilterChoice, aip_filter_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_COUNT,
  PROP_HAS_UTC_OFFSET,
  PROP_UTC_OFFSET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
aip_filter_choice_finalize (GObject *object)
{
  AipFilterChoice *self = (AipFilterChoice *)object;

  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (aip_filter_choice_parent_class)->finalize (object);
}

static void
aip_filter_choice_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AipFilterChoice *self = AIP_FILTER_CHOICE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    case PROP_HAS_UTC_OFFSET:
      g_value_set_boolean (value, self->has_utc_offset);
      break;

    case PROP_UTC_OFFSET:
      g_value_set_int (value, self->utc_offset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_filter_choice_class_init (AipFilterChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aip_filter_choice_finalize;
  object_class->get_property = aip_filter_choice_get_property;

  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_UTC_OFFSET] =
    g_param_spec_boolean ("has-utc-offset", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UTC_OFFSET] =
    g_param_spec_int ("utc-offset", NULL, NULL, -86400, 86400, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_filter_choice_init (AipFilterChoice *self)
{
}

/**
 * aip_filter_choice_new:
 * @value: (nullable): the value the filter compares, %NULL for all
 *
 * Returns: (transfer full): a new #AipFilterChoice with a count of 0
 */
AipFilterChoice *
aip_filter_choice_new (const char *value)
{
  AipFilterChoice *self = g_object_new (AIP_TYPE_FILTER_CHOICE, NULL);

  self->value = g_strdup (value);

  return self;
}

/**
 * aip_filter_choice_new_timezone:
 * @timezone: an IANA timezone name as the assistants have it
 * @known: whether this computer knows @timezone
 * @utc_offset: the offset of @timezone from UTC in seconds when @known
 *
 * Returns: (transfer full): a new #AipFilterChoice with a count of 0
 */
AipFilterChoice *
aip_filter_choice_new_timezone (const char *timezone,
                                gboolean    known,
                                int         utc_offset)
{
  AipFilterChoice *self;

  g_return_val_if_fail (timezone != NULL, NULL);

  self = aip_filter_choice_new (timezone);
  self->has_utc_offset = !!known;
  self->utc_offset = known ? CLAMP (utc_offset, -86400, 86400) : 0;

  return self;
}

/**
 * aip_filter_choice_get_value:
 * @self: a #AipFilterChoice
 *
 * Returns: (transfer none) (nullable): the value, %NULL for all
 */
const char *
aip_filter_choice_get_value (AipFilterChoice *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_CHOICE (self), NULL);

  return self->value;
}

/**
 * aip_filter_choice_get_count:
 * @self: a #AipFilterChoice
 *
 * Returns: how many assistants the choice would show given the other filters
 */
guint
aip_filter_choice_get_count (AipFilterChoice *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_CHOICE (self), 0);

  return self->count;
}

void
aip_filter_choice_set_count (AipFilterChoice *self,
                             guint            count)
{
  g_return_if_fail (AIP_IS_FILTER_CHOICE (self));

  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNT]);
}

/**
 * aip_filter_choice_get_has_utc_offset:
 * @self: a #AipFilterChoice
 *
 * Returns: whether the choice is a timezone this computer knows
 */
gboolean
aip_filter_choice_get_has_utc_offset (AipFilterChoice *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_CHOICE (self), FALSE);

  return self->has_utc_offset;
}

/**
 * aip_filter_choice_get_utc_offset:
 * @self: a #AipFilterChoice
 *
 * Returns: the timezone's offset from UTC in seconds when the choices were
 *   made, 0 where #AipFilterChoice:has-utc-offset is %FALSE
 */
int
aip_filter_choice_get_utc_offset (AipFilterChoice *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_CHOICE (self), 0);

  return self->utc_offset;
}
