/* aip-assistant-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-assistant-row.h"

/* A place in the list, and the assistant shown there now (see
 * AipAssistantRows). */
struct _AipAssistantRow
{
  GObject       parent_instance;

  AipAssistant *assistant;
};

G_DEFINE_FINAL_TYPE (AipAssistantRow, aip_assistant_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSISTANT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
aip_assistant_row_dispose (GObject *object)
{
  AipAssistantRow *self = (AipAssistantRow *)object;

  g_clear_object (&self->assistant);

  G_OBJECT_CLASS (aip_assistant_row_parent_class)->dispose (object);
}

static void
aip_assistant_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AipAssistantRow *self = AIP_ASSISTANT_ROW (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT:
      g_value_set_object (value, self->assistant);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AipAssistantRow *self = AIP_ASSISTANT_ROW (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT:
      aip_assistant_row_set_assistant (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_row_class_init (AipAssistantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aip_assistant_row_dispose;
  object_class->get_property = aip_assistant_row_get_property;
  object_class->set_property = aip_assistant_row_set_property;

  properties [PROP_ASSISTANT] =
    g_param_spec_object ("assistant", NULL, NULL, AIP_TYPE_ASSISTANT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_row_init (AipAssistantRow *self)
{
}

AipAssistantRow *
aip_assistant_row_new (AipAssistant *assistant)
{
  return g_object_new (AIP_TYPE_ASSISTANT_ROW, "assistant", assistant, NULL);
}

/**
 * aip_assistant_row_get_assistant:
 * @self: a #AipAssistantRow
 *
 * Returns: (transfer none) (nullable): the assistant shown at this place
 */
AipAssistant *
aip_assistant_row_get_assistant (AipAssistantRow *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_ROW (self), NULL);

  return self->assistant;
}

void
aip_assistant_row_set_assistant (AipAssistantRow *self,
                                 AipAssistant    *assistant)
{
  g_return_if_fail (AIP_IS_ASSISTANT_ROW (self));
  g_return_if_fail (assistant == NULL || AIP_IS_ASSISTANT (assistant));

  if (g_set_object (&self->assistant, assistant))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSISTANT]);
}
