/* aip-filter-choice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-filter-choice.h"

/* One entry of a filter menu: the value the filter compares, the name a
 * person reads, and how many assistants the entry would show. */
struct _AipFilterChoice
{
  GObject  parent_instance;

  char    *value;
  char    *name;
  char    *label;
  guint    count;
};

G_DEFINE_FINAL_TYPE (AipFilterChoice, aip_filter_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
aip_filter_choice_finalize (GObject *object)
{
  AipFilterChoice *self = (AipFilterChoice *)object;

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);

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
    case PROP_LABEL:
      g_value_set_string (value, self->label);
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

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
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
 * @name: the name a person reads
 *
 * Returns: (transfer full): a new #AipFilterChoice with a count of 0
 */
AipFilterChoice *
aip_filter_choice_new (const char *value,
                       const char *name)
{
  AipFilterChoice *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (AIP_TYPE_FILTER_CHOICE, NULL);
  self->value = g_strdup (value);
  self->name = g_strdup (name);
  self->count = G_MAXUINT;
  aip_filter_choice_set_count (self, 0);

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

const char *
aip_filter_choice_get_name (AipFilterChoice *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_CHOICE (self), NULL);

  return self->name;
}

/**
 * aip_filter_choice_get_label:
 * @self: a #AipFilterChoice
 *
 * Returns: (transfer none): the name with the count, as the menu shows it
 */
const char *
aip_filter_choice_get_label (AipFilterChoice *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_CHOICE (self), NULL);

  return self->label;
}

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
  g_free (self->label);
  /* Translators: a filter choice and how many assistants it would show,
   * e.g. "Active (12)" */
  self->label = g_strdup_printf (C_("filter choice", "%s (%u)"), self->name, count);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}
