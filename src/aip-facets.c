/* aip-facets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <string.h>

#include "aip-calling-hours.h"
#include "aip-facets-private.h"
#include "aip-filter-choice.h"
#include "aip-health.h"

#define N_FACETS 3

/* How long one slice of a count may hold the main loop: counting 100,000
 * assistants at once took 70 ms, after every keystroke. */
#define COUNT_SLICE_USEC 4000

static guint forced_slice_size;

/* A count over the whole list, made in slices. The keys point into the
 * assistants, which the list keeps alive while the count runs: a change to
 * the list drops the count and starts again. */
typedef struct
{
  GHashTable *counts[N_FACETS];
  guint       all_counts[N_FACETS];
  guint       calling_now;
  guint       needs_attention;
  guint       position;
} Count;

/* What the filter's choices are, for every facet, with how many assistants
 * each would show given the other filters: the counts beside the menus. */
struct _AipFacets
{
  GObject             parent_instance;

  GListModel         *model;
  AipAssistantFilter *filter;
  GListStore         *choices[N_FACETS];
  guint               calling_now_count;
  guint               needs_attention_count;

  Count              *count;
  guint               count_source;
  gboolean            applying;
  gboolean            count_again;
};

G_DEFINE_FINAL_TYPE (AipFacets, aip_facets, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FILTER,
  PROP_STATUS_CHOICES,
  PROP_TIMEZONE_CHOICES,
  PROP_MODE_CHOICES,
  PROP_CALLING_NOW_COUNT,
  PROP_NEEDS_ATTENTION_COUNT,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const AipFilterFacet facets[N_FACETS] = {
  AIP_FILTER_FACET_STATUS,
  AIP_FILTER_FACET_TIMEZONE,
  AIP_FILTER_FACET_MODE,
};

static const char *
facet_value (AipAssistant *assistant,
             guint         f)
{
  const char *value;

  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      value = aip_assistant_get_status (assistant);
      break;

    case AIP_FILTER_FACET_TIMEZONE:
      value = aip_assistant_get_timezone (assistant);
      break;

    case AIP_FILTER_FACET_MODE:
      value = aip_assistant_get_mode (assistant);
      break;

    case AIP_FILTER_FACET_NONE:
    case AIP_FILTER_FACET_CALLING_NOW:
    case AIP_FILTER_FACET_NEEDS_ATTENTION:
    default:
      g_assert_not_reached ();
    }

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static const char *
filter_value (AipAssistantFilter *filter,
              guint               f)
{
  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      return aip_assistant_filter_get_status (filter);

    case AIP_FILTER_FACET_TIMEZONE:
      return aip_assistant_filter_get_timezone (filter);

    case AIP_FILTER_FACET_MODE:
      return aip_assistant_filter_get_mode (filter);

    case AIP_FILTER_FACET_NONE:
    case AIP_FILTER_FACET_CALLING_NOW:
    case AIP_FILTER_FACET_NEEDS_ATTENTION:
    default:
      g_assert_not_reached ();
    }
}

static void
set_filter_value (AipAssistantFilter *filter,
                  guint               f,
                  const char         *value)
{
  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      aip_assistant_filter_set_status (filter, value);
      break;

    case AIP_FILTER_FACET_TIMEZONE:
      aip_assistant_filter_set_timezone (filter, value);
      break;

    case AIP_FILTER_FACET_MODE:
      aip_assistant_filter_set_mode (filter, value);
      break;

    case AIP_FILTER_FACET_NONE:
    case AIP_FILTER_FACET_CALLING_NOW:
    case AIP_FILTER_FACET_NEEDS_ATTENTION:
    default:
      g_assert_not_reached ();
    }
}

static Count *
count_new (void)
{
  Count *count = g_new0 (Count, 1);

  for (guint f = 0; f < N_FACETS; f++)
    count->counts[f] = g_hash_table_new (g_str_hash, g_str_equal);

  return count;
}

static void
count_free (Count *count)
{
  for (guint f = 0; f < N_FACETS; f++)
    g_hash_table_unref (count->counts[f]);
  g_free (count);
}

static void
add_one (GHashTable *counts,
         const char *value)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, value));

  g_hash_table_insert (counts, (gpointer) value, GUINT_TO_POINTER (n + 1));
}

static inline gboolean
may_call (AipAssistantFilter *filter,
          AipAssistant       *assistant,
          GDateTime          *now)
{
  return aip_calling_hours_may_call (aip_assistant_filter_get_calling_hours (filter), assistant, now);
}

/* Counts one assistant. A choice of a facet counts an assistant that
 * passes every other facet, the search and the toggles; each toggle counts
 * one that passes everything else. The facets are compared here, and the
 * search, the costly part, runs twice only while both toggles are on. */
static void
count_assistant (AipFacets    *self,
                 Count        *count,
                 AipAssistant *assistant)
{
  AipAssistantFilter *filter = self->filter;
  gboolean calling_now = aip_assistant_filter_get_calling_now (filter);
  gboolean needs_attention = aip_assistant_filter_get_needs_attention (filter);
  GDateTime *now = aip_assistant_filter_get_now (filter);
  const char *values[N_FACETS];
  guint n_failed = 0;
  guint failed = 0;
  gboolean attention;
  gboolean calling = FALSE;
  gboolean calling_asked = FALSE;
  gboolean but_calling;
  gboolean but_attention;
  gboolean match;

  for (guint f = 0; f < N_FACETS; f++)
    {
      const char *choice = filter_value (filter, f);

      values[f] = facet_value (assistant, f);
      if (choice != NULL && g_strcmp0 (choice, values[f]) != 0)
        {
          n_failed++;
          failed = f;
        }

      if (values[f] != NULL && !g_hash_table_contains (count->counts[f], values[f]))
        g_hash_table_insert (count->counts[f], (gpointer) values[f], GUINT_TO_POINTER (0));
    }

  if (n_failed > 1)
    return;

  if (n_failed == 1)
    {
      if (aip_assistant_filter_match_except (filter, assistant, facets[failed]))
        {
          count->all_counts[failed]++;
          if (values[failed] != NULL)
            add_one (count->counts[failed], values[failed]);
        }
      return;
    }

  /* The filter keeps only assistants with a warning when the toggle is on,
   * which is what aip_health_check() says. */
  attention = aip_health_check (assistant, now) != AIP_HEALTH_OK;

  if (!calling_now && !needs_attention)
    {
      match = aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_NONE);
      but_calling = but_attention = match;
    }
  else if (!needs_attention)
    {
      but_calling = aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_CALLING_NOW);
      calling = but_calling && may_call (filter, assistant, now);
      calling_asked = TRUE;
      match = but_attention = calling;
    }
  else if (!calling_now)
    {
      but_attention = aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_NEEDS_ATTENTION);
      match = but_calling = but_attention && attention;
    }
  else
    {
      but_calling = aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_CALLING_NOW);
      but_attention = aip_assistant_filter_match_except (filter, assistant, AIP_FILTER_FACET_NEEDS_ATTENTION);
      match = but_attention && attention;
    }

  /* Asked once, and only of assistants that pass everything else */
  if (but_calling && !calling_asked)
    calling = may_call (filter, assistant, now);
  if (calling)
    count->calling_now++;
  if (but_attention && attention)
    count->needs_attention++;

  if (!match)
    return;

  for (guint f = 0; f < N_FACETS; f++)
    {
      count->all_counts[f]++;
      if (values[f] != NULL)
        add_one (count->counts[f], values[f]);
    }
}

/* Counts from where the count stands until the end of the list or the
 * deadline; returns whether the end was reached. */
static gboolean
count_step (AipFacets *self,
            Count     *count,
            gint64     deadline)
{
  guint n_items = g_list_model_get_n_items (self->model);

  for (guint n_counted = 0; count->position < n_items; count->position++, n_counted++)
    {
      g_autoptr(AipAssistant) assistant = NULL;

      if (deadline != G_MAXINT64)
        {
          if (forced_slice_size != 0 ? n_counted == forced_slice_size
                                    : (n_counted % 256 == 255 && g_get_monotonic_time () > deadline))
            return FALSE;
        }

      assistant = g_list_model_get_item (self->model, count->position);
      count_assistant (self, count, assistant);
    }

  return TRUE;
}

typedef struct
{
  const char *name;
  int         offset;
  gboolean    known;
} Zone;

static int
compare_zones (gconstpointer a,
               gconstpointer b)
{
  const Zone *za = a;
  const Zone *zb = b;

  /* West to east as on a map, zones this computer does not know last. */
  if (za->known != zb->known)
    return za->known ? -1 : 1;
  if (za->offset != zb->offset)
    return za->offset < zb->offset ? -1 : 1;

  return strcmp (za->name, zb->name);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static int
offset_at (const char *timezone,
           GDateTime  *now,
           gboolean   *known)
{
  g_autoptr(GTimeZone) zone = aip_timezone_lookup (timezone);
  g_autoptr(GDateTime) there = NULL;

  *known = zone != NULL && (there = g_date_time_to_timezone (now, zone)) != NULL;

  return *known ? (int) (g_date_time_get_utc_offset (there) / G_USEC_PER_SEC) : 0;
}

/* The choices a facet offers after "all", in the order of its menu. */
static GPtrArray *
make_choices (guint       f,
              GHashTable *present,
              GDateTime  *now)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (facets[f] == AIP_FILTER_FACET_TIMEZONE)
    {
      g_autoptr(GArray) zones = g_array_new (FALSE, FALSE, sizeof (Zone));

      g_hash_table_iter_init (&iter, present);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          Zone zone = { key, 0, FALSE };

          zone.offset = offset_at (key, now, &zone.known);
          g_array_append_val (zones, zone);
        }

      g_array_sort (zones, compare_zones);
      for (guint i = 0; i < zones->len; i++)
        {
          Zone *zone = &g_array_index (zones, Zone, i);

          g_ptr_array_add (choices, aip_filter_choice_new_timezone (zone->name, zone->known, zone->offset));
        }

      return choices;
    }

  if (facets[f] == AIP_FILTER_FACET_STATUS)
    {
      /* The two statuses the platform knows are always offered, first. */
      g_ptr_array_add (choices, aip_filter_choice_new ("active"));
      g_ptr_array_add (choices, aip_filter_choice_new ("inactive"));
    }

  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (facets[f] != AIP_FILTER_FACET_STATUS ||
        (!g_str_equal (key, "active") && !g_str_equal (key, "inactive")))
      g_ptr_array_add (values, key);

  g_ptr_array_sort (values, compare_strings);
  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (choices, aip_filter_choice_new (values->pdata[i]));

  return choices;
}

static gboolean
same_choices (GListModel *store,
              GPtrArray  *choices)
{
  if (g_list_model_get_n_items (store) != choices->len + 1)
    return FALSE;

  for (guint i = 0; i < choices->len; i++)
    {
      g_autoptr(AipFilterChoice) old = g_list_model_get_item (store, i + 1);
      AipFilterChoice *new = choices->pdata[i];

      if (g_strcmp0 (aip_filter_choice_get_value (old), aip_filter_choice_get_value (new)) != 0 ||
          aip_filter_choice_get_has_utc_offset (old) != aip_filter_choice_get_has_utc_offset (new) ||
          aip_filter_choice_get_utc_offset (old) != aip_filter_choice_get_utc_offset (new))
        return FALSE;
    }

  return TRUE;
}

static void
apply_facet (AipFacets *self,
             guint      f,
             Count     *count,
             guint      n_items)
{
  GListModel *store = G_LIST_MODEL (self->choices[f]);
  GDateTime *now = self->filter != NULL ? aip_assistant_filter_get_now (self->filter) : NULL;
  g_autoptr(GPtrArray) choices = make_choices (f, count->counts[f], now);
  const char *chosen = self->filter != NULL ? filter_value (self->filter, f) : NULL;
  gboolean found = chosen == NULL;
  guint n_choices;

  /* The choices stay the same objects while only their counts change, so
   * that a menu open meanwhile keeps its rows and its focus. */
  if (!same_choices (store, choices))
    {
      g_ptr_array_insert (choices, 0, aip_filter_choice_new (NULL));
      g_list_store_splice (self->choices[f], 0, g_list_model_get_n_items (store),
                           choices->pdata, choices->len);
    }

  n_choices = g_list_model_get_n_items (store);
  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (store, i);
      const char *value = aip_filter_choice_get_value (choice);

      if (value == NULL)
        aip_filter_choice_set_count (choice, count->all_counts[f]);
      else
        aip_filter_choice_set_count (choice, GPOINTER_TO_UINT (g_hash_table_lookup (count->counts[f], value)));

      found |= g_strcmp0 (value, chosen) == 0;
    }

  /* A remembered choice that the data no longer has would hide everything
   * without a way to see why; an empty list says nothing yet. */
  if (!found && n_items > 0)
    set_filter_value (self->filter, f, NULL);
}

static void
set_toggle_counts (AipFacets *self,
                   guint      calling_now,
                   guint      needs_attention)
{
  if (self->calling_now_count != calling_now)
    {
      self->calling_now_count = calling_now;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_NOW_COUNT]);
    }

  if (self->needs_attention_count != needs_attention)
    {
      self->needs_attention_count = needs_attention;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEEDS_ATTENTION_COUNT]);
    }
}

static void
apply (AipFacets *self,
       Count     *count)
{
  guint n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  /* Falling back to "all" changes the filter, which asks for a new count:
   * it is made after this one is applied, not in its middle. */
  self->applying = TRUE;
  g_object_freeze_notify (G_OBJECT (self));

  for (guint f = 0; f < N_FACETS; f++)
    apply_facet (self, f, count, n_items);
  set_toggle_counts (self, count->calling_now, count->needs_attention);

  g_object_thaw_notify (G_OBJECT (self));
  self->applying = FALSE;
}

static void
stop_count (AipFacets *self)
{
  g_clear_pointer (&self->count, count_free);
  if (self->count_source != 0)
    {
      g_clear_handle_id (&self->count_source, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTING]);
    }
}

static gboolean can_count (AipFacets *self);

static gboolean
count_cb (gpointer user_data)
{
  AipFacets *self = user_data;
  Count *count;

  if (self->count == NULL)
    self->count = count_new ();

  if (can_count (self) &&
      !count_step (self, self->count, g_get_monotonic_time () + COUNT_SLICE_USEC))
    return G_SOURCE_CONTINUE;

  count = g_steal_pointer (&self->count);
  self->count_source = 0;
  self->count_again = FALSE;

  apply (self, count);
  count_free (count);

  if (self->count_again)
    {
      self->count_again = FALSE;
      self->count_source = g_idle_add (count_cb, self);
      return G_SOURCE_REMOVE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTING]);

  return G_SOURCE_REMOVE;
}

static gboolean
can_count (AipFacets *self)
{
  return self->model != NULL && self->filter != NULL;
}

static void
queue_count (AipFacets *self)
{
  if (self->applying)
    {
      self->count_again = TRUE;
      return;
    }

  /* A refresh and a filter change each ask once, however many rows; a
   * count under way starts again, as what it counted may have changed. */
  g_clear_pointer (&self->count, count_free);
  if (self->count_source == 0)
    {
      self->count_source = g_idle_add (count_cb, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTING]);
    }
}

static void
aip_facets_dispose (GObject *object)
{
  AipFacets *self = (AipFacets *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);

  g_clear_pointer (&self->count, count_free);
  g_clear_handle_id (&self->count_source, g_source_remove);

  G_OBJECT_CLASS (aip_facets_parent_class)->dispose (object);
}

static void
aip_facets_finalize (GObject *object)
{
  AipFacets *self = (AipFacets *)object;

  for (guint f = 0; f < N_FACETS; f++)
    g_clear_object (&self->choices[f]);

  G_OBJECT_CLASS (aip_facets_parent_class)->finalize (object);
}

static void
aip_facets_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AipFacets *self = AIP_FACETS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_STATUS_CHOICES:
      g_value_set_object (value, aip_facets_get_choices (self, AIP_FILTER_FACET_STATUS));
      break;

    case PROP_TIMEZONE_CHOICES:
      g_value_set_object (value, aip_facets_get_choices (self, AIP_FILTER_FACET_TIMEZONE));
      break;

    case PROP_MODE_CHOICES:
      g_value_set_object (value, aip_facets_get_choices (self, AIP_FILTER_FACET_MODE));
      break;

    case PROP_CALLING_NOW_COUNT:
      g_value_set_uint (value, self->calling_now_count);
      break;

    case PROP_NEEDS_ATTENTION_COUNT:
      g_value_set_uint (value, self->needs_attention_count);
      break;

    case PROP_COUNTING:
      g_value_set_boolean (value, aip_facets_get_counting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_facets_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AipFacets *self = AIP_FACETS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      aip_facets_set_model (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      aip_facets_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_facets_class_init (AipFacetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aip_facets_dispose;
  object_class->finalize = aip_facets_finalize;
  object_class->get_property = aip_facets_get_property;
  object_class->set_property = aip_facets_set_property;

  /**
   * AipFacets:model:
   *
   * Every assistant of the account, #AipAssistant items.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipFacets:filter:
   *
   * The filter whose choices are counted; a remembered choice that the
   * model no longer has is set back to all.
   */
  properties [PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, AIP_TYPE_ASSISTANT_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS_CHOICES] =
    g_param_spec_object ("status-choices", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIMEZONE_CHOICES] =
    g_param_spec_object ("timezone-choices", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODE_CHOICES] =
    g_param_spec_object ("mode-choices", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_NOW_COUNT] =
    g_param_spec_uint ("calling-now-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NEEDS_ATTENTION_COUNT] =
    g_param_spec_uint ("needs-attention-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_facets_init (AipFacets *self)
{
  Count *count = count_new ();

  for (guint f = 0; f < N_FACETS; f++)
    self->choices[f] = g_list_store_new (AIP_TYPE_FILTER_CHOICE);

  /* "All", and the statuses every account has, before any count. */
  for (guint f = 0; f < N_FACETS; f++)
    {
      g_autoptr(GPtrArray) choices = make_choices (f, count->counts[f], NULL);

      g_ptr_array_insert (choices, 0, aip_filter_choice_new (NULL));
      g_list_store_splice (self->choices[f], 0, 0, choices->pdata, choices->len);
    }

  count_free (count);
}

/**
 * aip_facets_new:
 * @model: (nullable): every assistant, #AipAssistant items
 * @filter: (nullable): the filter whose choices are counted
 *
 * Returns: (transfer full): a new #AipFacets
 */
AipFacets *
aip_facets_new (GListModel         *model,
                AipAssistantFilter *filter)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (filter == NULL || AIP_IS_ASSISTANT_FILTER (filter), NULL);

  return g_object_new (AIP_TYPE_FACETS,
                       "model", model,
                       "filter", filter,
                       NULL);
}

/**
 * aip_facets_get_model:
 * @self: a #AipFacets
 *
 * Returns: (transfer none) (nullable): the assistants counted
 */
GListModel *
aip_facets_get_model (AipFacets *self)
{
  g_return_val_if_fail (AIP_IS_FACETS (self), NULL);

  return self->model;
}

void
aip_facets_set_model (AipFacets  *self,
                      GListModel *model)
{
  g_return_if_fail (AIP_IS_FACETS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (queue_count), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
  queue_count (self);
}

/**
 * aip_facets_get_filter:
 * @self: a #AipFacets
 *
 * Returns: (transfer none) (nullable): the filter whose choices are counted
 */
AipAssistantFilter *
aip_facets_get_filter (AipFacets *self)
{
  g_return_val_if_fail (AIP_IS_FACETS (self), NULL);

  return self->filter;
}

void
aip_facets_set_filter (AipFacets          *self,
                       AipAssistantFilter *filter)
{
  g_return_if_fail (AIP_IS_FACETS (self));
  g_return_if_fail (filter == NULL || AIP_IS_ASSISTANT_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    {
      g_signal_connect_object (filter, "changed", G_CALLBACK (queue_count), self, G_CONNECT_SWAPPED);
      /* The now moves each minute, and with it which assistants may call,
       * which are overdue for an update, and the timezones' offsets. */
      g_signal_connect_object (filter, "notify::now", G_CALLBACK (queue_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (filter, "notify::calling-hours", G_CALLBACK (queue_count), self,
                               G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER]);
  queue_count (self);
}

/**
 * aip_facets_get_choices:
 * @self: a #AipFacets
 * @facet: %AIP_FILTER_FACET_STATUS, %AIP_FILTER_FACET_TIMEZONE or
 *   %AIP_FILTER_FACET_MODE
 *
 * The choices of a facet: "all" (a %NULL value) first, then each value the
 * assistants have; statuses with "active" and "inactive" always first,
 * timezones from west to east by their offset now, modes alphabetically.
 * The model is the same for the life of @self.
 *
 * Returns: (transfer none): the #AipFilterChoice items of @facet
 */
GListModel *
aip_facets_get_choices (AipFacets      *self,
                        AipFilterFacet  facet)
{
  g_return_val_if_fail (AIP_IS_FACETS (self), NULL);

  for (guint f = 0; f < N_FACETS; f++)
    if (facets[f] == facet)
      return G_LIST_MODEL (self->choices[f]);

  g_return_val_if_reached (NULL);
}

/**
 * aip_facets_get_calling_now_count:
 * @self: a #AipFacets
 *
 * Returns: how many assistants the calling-now toggle would show given the
 *   other filters
 */
guint
aip_facets_get_calling_now_count (AipFacets *self)
{
  g_return_val_if_fail (AIP_IS_FACETS (self), 0);

  return self->calling_now_count;
}

/**
 * aip_facets_get_needs_attention_count:
 * @self: a #AipFacets
 *
 * Returns: how many assistants the needs-attention toggle would show given
 *   the other filters
 */
guint
aip_facets_get_needs_attention_count (AipFacets *self)
{
  g_return_val_if_fail (AIP_IS_FACETS (self), 0);

  return self->needs_attention_count;
}

/**
 * aip_facets_get_counting:
 * @self: a #AipFacets
 *
 * Returns: whether a count is waiting or under way; the choices and counts
 *   are settled when this is %FALSE
 */
gboolean
aip_facets_get_counting (AipFacets *self)
{
  g_return_val_if_fail (AIP_IS_FACETS (self), FALSE);

  return self->count_source != 0;
}

/**
 * aip_facets_count_now:
 * @self: a #AipFacets
 *
 * Counts at once instead of in slices from idle, and settles: a choice
 * that falls back to all is counted again at once too.
 */
void
aip_facets_count_now (AipFacets *self)
{
  g_return_if_fail (AIP_IS_FACETS (self));

  /* A fall-back changes one facet once; nothing else can ask again. */
  for (guint round = 0; round < N_FACETS + 1; round++)
    {
      Count *count = count_new ();

      stop_count (self);
      self->count_again = FALSE;
      if (can_count (self))
        count_step (self, count, G_MAXINT64);
      apply (self, count);
      count_free (count);

      if (!self->count_again)
        break;
    }

  self->count_again = FALSE;
}

void
aip_facets_set_slice_size (guint n_assistants)
{
  forced_slice_size = n_assistants;
}
