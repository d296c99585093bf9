/* aip-assistant-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-assistant-rows.h"

/* The places of the list, each showing the assistant of its model at that
 * position. A new filter or sort order moves the assistants, not the
 * places: the rows on screen only show other assistants, and just the
 * count at the end changes. GTK 4.8 makes new widgets for every row a
 * change covers, even where the row only moved: 1,000 assistants filtered
 * to 145 took 100 to 300 ms that way, before a frame could be drawn. */
struct _AipAssistantRows
{
  GObject     parent_instance;

  GListModel *model;
  /* The rows handed out and still alive, by position; NULL elsewhere. */
  GPtrArray  *rows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AipAssistantRows, aip_assistant_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
row_gone_cb (gpointer  user_data,
             GObject  *row)
{
  AipAssistantRows *self = user_data;
  guint position = GPOINTER_TO_UINT (g_object_get_data (row, "aip-position"));

  if (position < self->rows->len && g_ptr_array_index (self->rows, position) == row)
    g_ptr_array_index (self->rows, position) = NULL;
}

static void
forget_row (AipAssistantRows *self,
            guint             position)
{
  GObject *row = g_ptr_array_index (self->rows, position);

  if (row != NULL)
    g_object_weak_unref (row, row_gone_cb, self);
  g_ptr_array_index (self->rows, position) = NULL;
}

static GType
aip_assistant_rows_get_item_type (GListModel *model)
{
  return AIP_TYPE_ASSISTANT_ROW;
}

static guint
aip_assistant_rows_get_n_items (GListModel *model)
{
  return AIP_ASSISTANT_ROWS (model)->rows->len;
}

static gpointer
aip_assistant_rows_get_item (GListModel *model,
                             guint       position)
{
  AipAssistantRows *self = AIP_ASSISTANT_ROWS (model);
  g_autoptr(AipAssistant) assistant = NULL;
  AipAssistantRow *row;

  if (position >= self->rows->len)
    return NULL;

  if ((row = g_ptr_array_index (self->rows, position)) != NULL)
    return g_object_ref (row);

  assistant = g_list_model_get_item (self->model, position);
  row = aip_assistant_row_new (assistant);
  g_object_set_data (G_OBJECT (row), "aip-position", GUINT_TO_POINTER (position));
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);
  g_ptr_array_index (self->rows, position) = row;

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = aip_assistant_rows_get_item_type;
  iface->get_n_items = aip_assistant_rows_get_n_items;
  iface->get_item = aip_assistant_rows_get_item;
}

/* The places from @position on show what the model has there now; places
 * are added or removed at the end only. */
static void
items_changed_cb (AipAssistantRows *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  guint n_old = self->rows->len;
  guint n_new = g_list_model_get_n_items (model);

  for (guint i = n_new; i < n_old; i++)
    forget_row (self, i);
  g_ptr_array_set_size (self->rows, n_new);

  for (guint i = position; i < MIN (n_old, n_new); i++)
    {
      AipAssistantRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(AipAssistant) assistant = NULL;

      if (row == NULL)
        continue;

      assistant = g_list_model_get_item (model, i);
      aip_assistant_row_set_assistant (row, assistant);
    }

  if (n_new < n_old)
    g_list_model_items_changed (G_LIST_MODEL (self), n_new, n_old - n_new, 0);
  else if (n_new > n_old)
    g_list_model_items_changed (G_LIST_MODEL (self), n_old, 0, n_new - n_old);
}

static void
aip_assistant_rows_dispose (GObject *object)
{
  AipAssistantRows *self = (AipAssistantRows *)object;

  aip_assistant_rows_set_model (self, NULL);

  G_OBJECT_CLASS (aip_assistant_rows_parent_class)->dispose (object);
}

static void
aip_assistant_rows_finalize (GObject *object)
{
  AipAssistantRows *self = (AipAssistantRows *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (aip_assistant_rows_parent_class)->finalize (object);
}

static void
aip_assistant_rows_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AipAssistantRows *self = AIP_ASSISTANT_ROWS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_rows_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AipAssistantRows *self = AIP_ASSISTANT_ROWS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      aip_assistant_rows_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_rows_class_init (AipAssistantRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aip_assistant_rows_dispose;
  object_class->finalize = aip_assistant_rows_finalize;
  object_class->get_property = aip_assistant_rows_get_property;
  object_class->set_property = aip_assistant_rows_set_property;

  /**
   * AipAssistantRows:model:
   *
   * The assistants to show, a #GListModel of #AipAssistant.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_rows_init (AipAssistantRows *self)
{
  self->rows = g_ptr_array_new ();
}

void
aip_assistant_rows_set_model (AipAssistantRows *self,
                              GListModel       *model)
{
  guint n_old;
  guint n_new;

  g_return_if_fail (AIP_IS_ASSISTANT_ROWS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  n_old = self->rows->len;
  for (guint i = 0; i < n_old; i++)
    forget_row (self, i);
  g_set_object (&self->model, model);
  n_new = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_ptr_array_set_size (self->rows, n_new);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  if (n_old > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}
