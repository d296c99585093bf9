/* aip-assistant-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-assistant.h"
#include "aip-assistant-list.h"

/* The account's list of assistants, backed by an array.
 *
 * GListStore keeps its items in a GSequence, a balanced tree: every
 * g_list_model_get_item() walks it. The sort and filter models above the
 * list ask for items by position all the time, and over 100,000 items that
 * made the first search keystroke take two to three times as long as with
 * an array (measured by the benchmark in tests/). The list is only ever
 * replaced whole, so an array loses nothing.
 */
struct _AipAssistantList
{
  GObject    parent_instance;

  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AipAssistantList, aip_assistant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
aip_assistant_list_get_item_type (GListModel *model)
{
  return AIP_TYPE_ASSISTANT;
}

static guint
aip_assistant_list_get_n_items (GListModel *model)
{
  return AIP_ASSISTANT_LIST (model)->items->len;
}

static gpointer
aip_assistant_list_get_item (GListModel *model,
                             guint       position)
{
  AipAssistantList *self = AIP_ASSISTANT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = aip_assistant_list_get_item_type;
  iface->get_n_items = aip_assistant_list_get_n_items;
  iface->get_item = aip_assistant_list_get_item;
}

static void
aip_assistant_list_finalize (GObject *object)
{
  AipAssistantList *self = (AipAssistantList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (aip_assistant_list_parent_class)->finalize (object);
}

static void
aip_assistant_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AipAssistantList *self = AIP_ASSISTANT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_list_class_init (AipAssistantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aip_assistant_list_finalize;
  object_class->get_property = aip_assistant_list_get_property;

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_list_init (AipAssistantList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * aip_assistant_list_new:
 *
 * Returns: (transfer full): an empty list of assistants
 */
AipAssistantList *
aip_assistant_list_new (void)
{
  return g_object_new (AIP_TYPE_ASSISTANT_LIST, NULL);
}

/**
 * aip_assistant_list_replace:
 * @self: a #AipAssistantList
 * @assistants: (nullable) (transfer none): the new items, #AipAssistant
 *
 * Replaces every item with @assistants in one change. The old items are
 * handed back rather than released here, so that the caller can release
 * a large list in slices without stalling the main loop.
 *
 * Returns: (transfer full): the items that were in the list
 */
GPtrArray *
aip_assistant_list_replace (AipAssistantList *self,
                            GPtrArray        *assistants)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n_new = assistants != NULL ? assistants->len : 0;
  guint n_old;

  g_return_val_if_fail (AIP_IS_ASSISTANT_LIST (self), NULL);

  old = g_steal_pointer (&self->items);
  n_old = old->len;

  self->items = g_ptr_array_new_full (n_new, g_object_unref);
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (assistants, i)));

  if (n_old > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);

  return g_steal_pointer (&old);
}

/**
 * aip_assistant_list_update_from:
 * @self: a #AipAssistantList
 * @source: a #GListModel of #AipAssistant
 *
 * Makes the list hold the items of @source in its order, announcing only
 * the part that differs, in one #GListModel::items-changed: a view above
 * keeps its rows, its scrolling and its selection where nothing moved.
 */
void
aip_assistant_list_update_from (AipAssistantList *self,
                                GListModel       *source)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n_new, n_old, n_common, prefix = 0, suffix = 0;

  g_return_if_fail (AIP_IS_ASSISTANT_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (source));

  n_new = g_list_model_get_n_items (source);
  old = g_steal_pointer (&self->items);
  n_old = old->len;

  self->items = g_ptr_array_new_full (n_new, g_object_unref);
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (source, i));

  n_common = MIN (n_old, n_new);
  while (prefix < n_common && old->pdata[prefix] == self->items->pdata[prefix])
    prefix++;
  while (suffix < n_common - prefix &&
         old->pdata[n_old - 1 - suffix] == self->items->pdata[n_new - 1 - suffix])
    suffix++;

  if (prefix + suffix < n_old || prefix + suffix < n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                n_old - prefix - suffix, n_new - prefix - suffix);
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * aip_assistant_list_find:
 * @self: a #AipAssistantList
 * @assistant: an assistant
 * @position: (out) (optional): where it is
 *
 * Returns: whether @assistant is in the list
 */
gboolean
aip_assistant_list_find (AipAssistantList *self,
                         AipAssistant     *assistant,
                         guint            *position)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_LIST (self), FALSE);

  return g_ptr_array_find (self->items, assistant, position);
}
