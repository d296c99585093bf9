/* aip-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-changes.h"

/* What changed between the list the person last marked as seen (the
 * baseline) and the latest one. Each refresh is compared with the
 * baseline, not with the refresh before it, so changes stay until they are
 * marked as seen however many automatic refreshes come in between. */
struct _AipChanges
{
  GObject     parent_instance;

  /* id → AipAssistant, and the same assistants in the list's order. */
  GHashTable *baseline;
  GPtrArray  *baseline_order;
  GHashTable *latest;
  GPtrArray  *latest_order;

  GPtrArray  *entries;
  GHashTable *entries_by_id;
  guint       n_new;
  guint       n_changed;
  guint       n_removed;

  /* Bumped whenever the baseline or the latest list changes here, so that
   * a comparison made meanwhile in a worker is not taken */
  guint       generation;
};

/* What a comparison of the baseline with the latest list finds. Made from
 * tables nobody changes once they are built, so that it can run in a
 * worker thread for large lists. */
typedef struct
{
  GPtrArray  *entries;
  GHashTable *entries_by_id;
  guint       n_new;
  guint       n_changed;
  guint       n_removed;
  gboolean    news;
} Comparison;

G_DEFINE_FINAL_TYPE (AipChanges, aip_changes, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HAS_BASELINE,
  PROP_HAS_CHANGES,
  PROP_N_NEW,
  PROP_N_CHANGED,
  PROP_N_REMOVED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static AipChange *
change_new (AipAssistant  *assistant,
            AipChangeKind  kind,
            AipFields      fields)
{
  AipChange *change = g_new0 (AipChange, 1);

  change->id = aip_assistant_get_id (assistant);
  change->name = g_strdup (aip_assistant_get_name (assistant));
  change->kind = kind;
  change->fields = fields;

  return change;
}

static GPtrArray *
list_items (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* Indexes assistants by id; a repeated id keeps its first assistant. */
static void
index_items (GPtrArray   *items,
             GHashTable **table,
             GPtrArray  **order)
{
  *table = id_table_new ();
  *order = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      AipAssistant *assistant = g_ptr_array_index (items, i);
      gint64 id = aip_assistant_get_id (assistant);

      if (g_hash_table_contains (*table, &id))
        continue;

      g_hash_table_insert (*table, g_memdup2 (&id, sizeof id), g_object_ref (assistant));
      g_ptr_array_add (*order, g_object_ref (assistant));
    }
}

static void
index_list (GListModel  *model,
            GHashTable **table,
            GPtrArray  **order)
{
  g_autoptr(GPtrArray) items = list_items (model);

  index_items (items, table, order);
}

/* Whether this computation of the entries tells the person anything the
 * previous one did not: an assistant newly listed, listed differently, or
 * changed again since the last refresh. */
static gboolean
has_news (const Comparison *comparison,
          GHashTable       *latest,
          GHashTable       *old_entries_by_id,
          GHashTable       *old_latest)
{
  for (guint i = 0; i < comparison->entries->len; i++)
    {
      AipChange *change = g_ptr_array_index (comparison->entries, i);
      AipChange *old = old_entries_by_id != NULL ?
                       g_hash_table_lookup (old_entries_by_id, &change->id) : NULL;
      AipAssistant *before;
      AipAssistant *now;

      if (old == NULL || old->kind != change->kind || old->fields != change->fields)
        return TRUE;

      if (change->kind == AIP_CHANGE_REMOVED)
        continue;

      before = old_latest != NULL ? g_hash_table_lookup (old_latest, &change->id) : NULL;
      now = g_hash_table_lookup (latest, &change->id);
      if (before == NULL || aip_assistant_compare_fields (before, now) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
set_counts (AipChanges *self,
            guint       n_new,
            guint       n_changed,
            guint       n_removed)
{
  gboolean had_changes = aip_changes_get_has_changes (self);

  if (self->n_new != n_new)
    {
      self->n_new = n_new;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NEW]);
    }
  if (self->n_changed != n_changed)
    {
      self->n_changed = n_changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGED]);
    }
  if (self->n_removed != n_removed)
    {
      self->n_removed = n_removed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REMOVED]);
    }
  if (had_changes != aip_changes_get_has_changes (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

/* Compares a baseline with a latest list, either of which may be missing;
 * news are against the entries and latest list of the comparison before. */
static void
compare_lists (GHashTable *baseline,
               GPtrArray  *baseline_order,
               GHashTable *latest,
               GPtrArray  *latest_order,
               GHashTable *old_entries_by_id,
               GHashTable *old_latest,
               Comparison *comparison)
{
  memset (comparison, 0, sizeof *comparison);
  comparison->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) aip_change_free);
  comparison->entries_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (baseline != NULL && latest != NULL)
    {
      for (guint i = 0; i < latest_order->len; i++)
        {
          AipAssistant *assistant = g_ptr_array_index (latest_order, i);
          gint64 id = aip_assistant_get_id (assistant);
          AipAssistant *seen = g_hash_table_lookup (baseline, &id);
          AipChangeKind kind;
          AipFields fields = 0;

          if (seen != NULL)
            {
              fields = aip_assistant_compare_fields (seen, assistant);
              if (fields == 0)
                continue;
            }

          kind = seen != NULL ? AIP_CHANGE_CHANGED : AIP_CHANGE_NEW;
          g_ptr_array_add (comparison->entries, change_new (assistant, kind, fields));
          if (seen != NULL)
            comparison->n_changed++;
          else
            comparison->n_new++;
        }

      for (guint i = 0; i < baseline_order->len; i++)
        {
          AipAssistant *assistant = g_ptr_array_index (baseline_order, i);
          gint64 id = aip_assistant_get_id (assistant);

          if (g_hash_table_contains (latest, &id))
            continue;

          g_ptr_array_add (comparison->entries, change_new (assistant, AIP_CHANGE_REMOVED, 0));
          comparison->n_removed++;
        }
    }

  for (guint i = 0; i < comparison->entries->len; i++)
    {
      AipChange *change = g_ptr_array_index (comparison->entries, i);

      g_hash_table_insert (comparison->entries_by_id, &change->id, change);
    }

  comparison->news = has_news (comparison, latest, old_entries_by_id, old_latest);
}

/* Takes a comparison's entries; returns whether they brought news. */
static gboolean
apply (AipChanges *self,
       Comparison *comparison)
{
  g_autoptr(GPtrArray) old_entries = g_steal_pointer (&self->entries);
  g_autoptr(GHashTable) old_entries_by_id = g_steal_pointer (&self->entries_by_id);

  self->entries = g_steal_pointer (&comparison->entries);
  self->entries_by_id = g_steal_pointer (&comparison->entries_by_id);

  g_object_freeze_notify (G_OBJECT (self));
  set_counts (self, comparison->n_new, comparison->n_changed, comparison->n_removed);
  g_object_thaw_notify (G_OBJECT (self));

  if (old_entries->len > 0 || self->entries->len > 0)
    g_signal_emit (self, signals[CHANGED], 0);

  return comparison->news;
}

/* Compares the baseline with the latest list; returns whether that brought
 * news. */
static gboolean
recompute (AipChanges *self,
           GHashTable *old_latest)
{
  Comparison comparison;

  compare_lists (self->baseline, self->baseline_order, self->latest, self->latest_order,
                 self->entries_by_id, old_latest, &comparison);

  return apply (self, &comparison);
}

static void
set_baseline_from_latest (AipChanges *self)
{
  gboolean had_baseline = self->baseline != NULL;

  g_clear_pointer (&self->baseline, g_hash_table_unref);
  g_clear_pointer (&self->baseline_order, g_ptr_array_unref);

  if (self->latest != NULL)
    {
      self->baseline = g_hash_table_ref (self->latest);
      self->baseline_order = g_ptr_array_ref (self->latest_order);
    }

  if (had_baseline != (self->baseline != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BASELINE]);
}

static void
aip_changes_finalize (GObject *object)
{
  AipChanges *self = (AipChanges *)object;

  g_clear_pointer (&self->baseline, g_hash_table_unref);
  g_clear_pointer (&self->baseline_order, g_ptr_array_unref);
  g_clear_pointer (&self->latest, g_hash_table_unref);
  g_clear_pointer (&self->latest_order, g_ptr_array_unref);
  g_clear_pointer (&self->entries_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (aip_changes_parent_class)->finalize (object);
}

static void
aip_changes_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AipChanges *self = AIP_CHANGES (object);

  switch (prop_id)
    {
    case PROP_HAS_BASELINE:
      g_value_set_boolean (value, aip_changes_get_has_baseline (self));
      break;

    case PROP_HAS_CHANGES:
      g_value_set_boolean (value, aip_changes_get_has_changes (self));
      break;

    case PROP_N_NEW:
      g_value_set_uint (value, self->n_new);
      break;

    case PROP_N_CHANGED:
      g_value_set_uint (value, self->n_changed);
      break;

    case PROP_N_REMOVED:
      g_value_set_uint (value, self->n_removed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_changes_class_init (AipChangesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aip_changes_finalize;
  object_class->get_property = aip_changes_get_property;

  properties[PROP_HAS_BASELINE] =
    g_param_spec_boolean ("has-baseline", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AipChanges:has-changes:
   *
   * Whether anything changed since the list was last marked as seen; the
   * Changes button shows while it is true.
   */
  properties[PROP_HAS_CHANGES] =
    g_param_spec_boolean ("has-changes", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_NEW] =
    g_param_spec_uint ("n-new", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_CHANGED] =
    g_param_spec_uint ("n-changed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_REMOVED] =
    g_param_spec_uint ("n-removed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AipChanges::changed:
   *
   * The entries changed: rows with a dot and the popover need a new look.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
aip_changes_init (AipChanges *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) aip_change_free);
  self->entries_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/**
 * aip_changes_new:
 *
 * Returns: (transfer full): changes with no baseline yet
 */
AipChanges *
aip_changes_new (void)
{
  return g_object_new (AIP_TYPE_CHANGES, NULL);
}

gboolean
aip_changes_get_has_baseline (AipChanges *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES (self), FALSE);

  return self->baseline != NULL;
}

/**
 * aip_changes_set_baseline:
 * @self: changes
 * @seen: a #GListModel of #AipAssistant: the list the person has seen,
 *   such as the offline copy from the previous run
 *
 * Sets what later lists are compared with.
 */
void
aip_changes_set_baseline (AipChanges *self,
                          GListModel *seen)
{
  gboolean had_baseline;

  g_return_if_fail (AIP_IS_CHANGES (self));
  g_return_if_fail (G_IS_LIST_MODEL (seen));

  self->generation++;
  had_baseline = self->baseline != NULL;
  g_clear_pointer (&self->baseline, g_hash_table_unref);
  g_clear_pointer (&self->baseline_order, g_ptr_array_unref);
  index_list (seen, &self->baseline, &self->baseline_order);

  if (!had_baseline)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BASELINE]);

  recompute (self, self->latest);
}

static gboolean
update_from_items (AipChanges *self,
                   GPtrArray  *items)
{
  g_autoptr(GHashTable) old_latest = NULL;

  self->generation++;
  old_latest = g_steal_pointer (&self->latest);
  g_clear_pointer (&self->latest_order, g_ptr_array_unref);
  index_items (items, &self->latest, &self->latest_order);

  if (self->baseline == NULL)
    {
      set_baseline_from_latest (self);
      return FALSE;
    }

  return recompute (self, old_latest);
}

/**
 * aip_changes_update:
 * @self: changes
 * @latest: a #GListModel of #AipAssistant: the list a refresh brought
 *
 * Compares @latest with the baseline. Without a baseline, @latest becomes
 * it: on the very first sign-in nothing is new.
 *
 * Returns: whether this brought changes the person was not told of yet,
 *   the moment for a toast
 */
gboolean
aip_changes_update (AipChanges *self,
                    GListModel *latest)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (AIP_IS_CHANGES (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (latest), FALSE);

  items = list_items (latest);

  return update_from_items (self, items);
}

typedef struct
{
  /* The latest list, and snapshots of what it is compared with */
  GPtrArray  *items;
  GHashTable *baseline;
  GPtrArray  *baseline_order;
  GHashTable *old_latest;
  GPtrArray  *old_entries;
  GHashTable *old_entries_by_id;
  guint       generation;

  /* Made in the worker */
  GHashTable *latest;
  GPtrArray  *latest_order;
  Comparison  comparison;
} Update;

static void
update_free (Update *update)
{
  g_clear_pointer (&update->items, g_ptr_array_unref);
  g_clear_pointer (&update->baseline, g_hash_table_unref);
  g_clear_pointer (&update->baseline_order, g_ptr_array_unref);
  g_clear_pointer (&update->old_latest, g_hash_table_unref);
  g_clear_pointer (&update->old_entries_by_id, g_hash_table_unref);
  g_clear_pointer (&update->old_entries, g_ptr_array_unref);
  g_clear_pointer (&update->latest, g_hash_table_unref);
  g_clear_pointer (&update->latest_order, g_ptr_array_unref);
  g_clear_pointer (&update->comparison.entries_by_id, g_hash_table_unref);
  g_clear_pointer (&update->comparison.entries, g_ptr_array_unref);
  g_free (update);
}

static gpointer
ref_table (GHashTable *table)
{
  return table != NULL ? g_hash_table_ref (table) : NULL;
}

static gpointer
ref_array (GPtrArray *array)
{
  return array != NULL ? g_ptr_array_ref (array) : NULL;
}

static void
update_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Update *update = task_data;

  index_items (update->items, &update->latest, &update->latest_order);
  if (update->baseline != NULL)
    compare_lists (update->baseline, update->baseline_order, update->latest, update->latest_order,
                   update->old_entries_by_id, update->old_latest, &update->comparison);

  g_task_return_boolean (task, TRUE);
}

/**
 * aip_changes_update_async:
 * @self: changes
 * @latest: (element-type AipAssistant): the list a refresh brought
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the comparison is done
 * @user_data: data for @callback
 *
 * Does what aip_changes_update() does, comparing in a worker thread: for
 * 100,000 assistants that takes longer than a frame. Changes to @self made
 * meanwhile are taken into account.
 */
void
aip_changes_update_async (AipChanges          *self,
                          GPtrArray           *latest,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Update *update;

  g_return_if_fail (AIP_IS_CHANGES (self));
  g_return_if_fail (latest != NULL);

  update = g_new0 (Update, 1);
  update->items = g_ptr_array_new_full (latest->len, g_object_unref);
  for (guint i = 0; i < latest->len; i++)
    g_ptr_array_add (update->items, g_object_ref (g_ptr_array_index (latest, i)));
  update->baseline = ref_table (self->baseline);
  update->baseline_order = ref_array (self->baseline_order);
  update->old_latest = ref_table (self->latest);
  update->old_entries = ref_array (self->entries);
  update->old_entries_by_id = ref_table (self->entries_by_id);
  update->generation = self->generation;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_changes_update_async);
  g_task_set_task_data (task, update, (GDestroyNotify) update_free);
  g_task_run_in_thread (task, update_in_thread);
}

/**
 * aip_changes_update_finish:
 * @self: changes
 * @result: the result given to the callback
 * @error: a location for a #GError, set when the update was cancelled
 *
 * Returns: whether this brought changes the person was not told of yet
 */
gboolean
aip_changes_update_finish (AipChanges    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(GHashTable) old_latest = NULL;
  Update *update;

  g_return_val_if_fail (AIP_IS_CHANGES (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  update = g_task_get_task_data (G_TASK (result));

  /* Marked as seen or given another list meanwhile: the snapshots are
   * stale, and the comparison is made again here. Rare enough. */
  if (update->generation != self->generation)
    return update_from_items (self, update->items);

  self->generation++;
  old_latest = g_steal_pointer (&self->latest);
  g_clear_pointer (&self->latest_order, g_ptr_array_unref);
  self->latest = g_steal_pointer (&update->latest);
  self->latest_order = g_steal_pointer (&update->latest_order);

  if (self->baseline == NULL)
    {
      set_baseline_from_latest (self);
      return FALSE;
    }

  return apply (self, &update->comparison);
}

/**
 * aip_changes_mark_seen:
 * @self: changes
 *
 * Takes the latest list as seen: the changes are gone until a refresh
 * brings new ones.
 */
void
aip_changes_mark_seen (AipChanges *self)
{
  g_return_if_fail (AIP_IS_CHANGES (self));

  if (self->latest == NULL)
    return;

  self->generation++;
  set_baseline_from_latest (self);
  recompute (self, self->latest);
}

/**
 * aip_changes_clear:
 * @self: changes
 *
 * Forgets the baseline, the latest list and the changes, as when signing
 * out.
 */
void
aip_changes_clear (AipChanges *self)
{
  g_return_if_fail (AIP_IS_CHANGES (self));

  self->generation++;
  g_clear_pointer (&self->latest, g_hash_table_unref);
  g_clear_pointer (&self->latest_order, g_ptr_array_unref);
  set_baseline_from_latest (self);
  recompute (self, NULL);
}

gboolean
aip_changes_get_has_changes (AipChanges *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES (self), FALSE);

  return self->n_new + self->n_changed + self->n_removed > 0;
}

guint
aip_changes_get_n_new (AipChanges *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES (self), 0);

  return self->n_new;
}

guint
aip_changes_get_n_changed (AipChanges *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES (self), 0);

  return self->n_changed;
}

guint
aip_changes_get_n_removed (AipChanges *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES (self), 0);

  return self->n_removed;
}

/**
 * aip_changes_lookup:
 * @self: changes
 * @id: an assistant's id
 * @fields: (out) (optional): the fields that changed
 *
 * Returns: how the assistant changed since the list was marked as seen
 */
AipChangeKind
aip_changes_lookup (AipChanges *self,
                    gint64      id,
                    AipFields  *fields)
{
  AipChange *change;

  if (fields != NULL)
    *fields = 0;

  g_return_val_if_fail (AIP_IS_CHANGES (self), AIP_CHANGE_NONE);

  change = g_hash_table_lookup (self->entries_by_id, &id);
  if (change == NULL)
    return AIP_CHANGE_NONE;

  if (fields != NULL)
    *fields = change->fields;

  return change->kind;
}

/**
 * aip_changes_is_new_or_changed:
 * @self: changes
 * @id: an assistant's id
 *
 * Returns: whether the assistant's row carries the dot
 */
gboolean
aip_changes_is_new_or_changed (AipChanges *self,
                               gint64      id)
{
  AipChangeKind kind = aip_changes_lookup (self, id, NULL);

  return kind == AIP_CHANGE_NEW || kind == AIP_CHANGE_CHANGED;
}

/**
 * aip_changes_get_entries:
 * @self: changes
 *
 * The new and changed assistants in the order of the latest list, then
 * the removed ones in the order of the baseline.
 *
 * Returns: (transfer container) (element-type AipChange): the entries;
 *   they stay as they are when later lists arrive, do not modify them
 */
GPtrArray *
aip_changes_get_entries (AipChanges *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES (self), NULL);

  return g_ptr_array_ref (self->entries);
}

/**
 * aip_changes_format_summary:
 * @self: changes
 *
 * Returns: (transfer full) (nullable): e.g. "2 new, 1 changed, 1 removed",
 *   the parts that are not zero, or %NULL when nothing changed
 */
char *
aip_changes_format_summary (AipChanges *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text;

  g_return_val_if_fail (AIP_IS_CHANGES (self), NULL);

  /* Each count is a whole phrase with its own plural forms, joined by a
   * translatable separator: in many languages the words agree with the
   * number (and with the noun "assistant" they leave out), which one
   * sentence with three numbers could not express for every combination
   * of counts. */
  if (self->n_new > 0)
    g_ptr_array_add (parts, g_strdup_printf (
                       /* Translators: part of a summary such as "2 new, 1 changed, 1 removed";
                        * counts assistants */
                       ngettext ("%u new", "%u new", self->n_new),
                       self->n_new));
  if (self->n_changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (
                       /* Translators: part of a summary such as "2 new, 1 changed, 1 removed";
                        * counts assistants */
                       ngettext ("%u changed", "%u changed", self->n_changed),
                       self->n_changed));
  if (self->n_removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (
                       /* Translators: part of a summary such as "2 new, 1 changed, 1 removed";
                        * counts assistants */
                       ngettext ("%u removed", "%u removed", self->n_removed),
                       self->n_removed));

  if (parts->len == 0)
    return NULL;

  text = g_string_new (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      /* Translators: between the items of a list such as "Name, Status" */
      g_string_append (text, C_("list separator", ", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }

  return g_string_free (text, FALSE);
}
