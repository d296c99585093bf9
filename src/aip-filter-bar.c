/* aip-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-assistant-sorter.h"
#include "aip-display.h"
#include "aip-filter-bar-private.h"
#include "aip-filter-choice.h"
#include "aip-health.h"

#define N_FACETS 3

/* How long one slice of a count may hold the main loop: counting 100,000
 * assistants at once took 70 ms, after every keystroke. */
#define COUNT_SLICE_USEC 4000

static guint forced_slice_size;

/* A count of the menus' choices over the whole list, made in slices */
typedef struct
{
  GHashTable *counts[N_FACETS];
  guint       all_counts[N_FACETS];
  guint       n_calling;
  guint       n_attention;
  guint       position;
} Count;

struct _AipFilterBar
{
  AdwBin              parent_instance;

  GListModel         *all;
  GListModel         *shown;
  AipAssistantFilter *filter;
  GListStore         *choices[N_FACETS];
  GBinding           *calling_now_binding;
  GBinding           *attention_binding;
  guint               n_calling;
  guint               n_attention;
  guint               update_source;
  Count              *count;
  gboolean            updating;

  GtkDropDown        *status_dropdown;
  GtkDropDown        *timezone_dropdown;
  GtkDropDown        *mode_dropdown;
  GtkToggleButton    *calling_now_button;
  GtkLabel           *calling_now_label;
  GtkToggleButton    *attention_button;
  GtkLabel           *attention_label;
  GtkLabel           *summary_label;
  GtkButton          *clear_button;
};

G_DEFINE_FINAL_TYPE (AipFilterBar, aip_filter_bar, ADW_TYPE_BIN)

static const AipFilterFacet facets[N_FACETS] = {
  AIP_FILTER_FACET_STATUS,
  AIP_FILTER_FACET_TIMEZONE,
  AIP_FILTER_FACET_MODE,
};

static GtkDropDown *
get_dropdown (AipFilterBar *self,
              guint         f)
{
  GtkDropDown *dropdowns[N_FACETS] = { self->status_dropdown, self->timezone_dropdown, self->mode_dropdown };

  return dropdowns[f];
}

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
    default:
      g_assert_not_reached ();
    }

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static const char *
filter_value (AipFilterBar *self,
              guint         f)
{
  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      return aip_assistant_filter_get_status (self->filter);

    case AIP_FILTER_FACET_TIMEZONE:
      return aip_assistant_filter_get_timezone (self->filter);

    case AIP_FILTER_FACET_MODE:
      return aip_assistant_filter_get_mode (self->filter);

    case AIP_FILTER_FACET_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
set_filter_value (AipFilterBar *self,
                  guint         f,
                  const char   *value)
{
  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      aip_assistant_filter_set_status (self->filter, value);
      break;

    case AIP_FILTER_FACET_TIMEZONE:
      aip_assistant_filter_set_timezone (self->filter, value);
      break;

    case AIP_FILTER_FACET_MODE:
      aip_assistant_filter_set_mode (self->filter, value);
      break;

    case AIP_FILTER_FACET_NONE:
    default:
      g_assert_not_reached ();
    }
}

static char *
choice_name (guint       f,
             const char *value)
{
  gboolean known;
  int offset;
  g_autofree char *offset_text = NULL;

  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      return g_strdup (aip_display_status (value));

    case AIP_FILTER_FACET_MODE:
      return g_strdup (aip_display_mode (value));

    case AIP_FILTER_FACET_TIMEZONE:
      offset = aip_timezone_offset_now (value, &known);
      if (!known)
        /* Translators: a timezone name this computer does not know */
        return g_strdup_printf (_("%s (unknown timezone)"), value);
      offset_text = aip_display_utc_offset (offset);
      /* Translators: a timezone and its offset, e.g. "America/New_York, UTC−05:00" */
      return g_strdup_printf (_("%s, %s"), value, offset_text);

    case AIP_FILTER_FACET_NONE:
    default:
      g_assert_not_reached ();
    }
}

static const char *
all_name (guint f)
{
  switch (facets[f])
    {
    case AIP_FILTER_FACET_STATUS:
      return _("All Statuses");

    case AIP_FILTER_FACET_TIMEZONE:
      return _("All Timezones");

    case AIP_FILTER_FACET_MODE:
      return _("All Modes");

    case AIP_FILTER_FACET_NONE:
    default:
      g_assert_not_reached ();
    }
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

  /* West to east as on a map, zones the system does not know last. */
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

/* The values a facet offers, in the order of its menu. */
static GPtrArray *
ordered_values (guint       f,
                GHashTable *present)
{
  GPtrArray *values = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (facets[f] == AIP_FILTER_FACET_STATUS)
    {
      /* The two statuses the platform knows are always offered. */
      g_ptr_array_add (values, (gpointer) "active");
      g_ptr_array_add (values, (gpointer) "inactive");
    }

  if (facets[f] == AIP_FILTER_FACET_TIMEZONE)
    {
      g_autoptr(GArray) zones = g_array_new (FALSE, FALSE, sizeof (Zone));

      g_hash_table_iter_init (&iter, present);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          Zone zone = { key, 0, FALSE };

          zone.offset = aip_timezone_offset_now (key, &zone.known);
          g_array_append_val (zones, zone);
        }

      g_array_sort (zones, compare_zones);
      for (guint i = 0; i < zones->len; i++)
        g_ptr_array_add (values, (gpointer) g_array_index (zones, Zone, i).name);

      return values;
    }

  {
    guint first_other = values->len;

    g_hash_table_iter_init (&iter, present);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (facets[f] != AIP_FILTER_FACET_STATUS ||
          (!g_str_equal (key, "active") && !g_str_equal (key, "inactive")))
        g_ptr_array_add (values, key);

    if (values->len > first_other)
      qsort (values->pdata + first_other, values->len - first_other,
             sizeof (gpointer), compare_strings);
  }

  return values;
}

static gboolean
same_values (GListModel *choices,
             GPtrArray  *values)
{
  if (g_list_model_get_n_items (choices) != values->len + 1)
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i + 1);

      if (g_strcmp0 (aip_filter_choice_get_value (choice), values->pdata[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static guint
find_choice (GListModel *choices,
             const char *value)
{
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (aip_filter_choice_get_value (choice), value) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_summary (AipFilterBar *self)
{
  guint n_all = self->all != NULL ? g_list_model_get_n_items (self->all) : 0;
  guint n_shown = self->shown != NULL ? g_list_model_get_n_items (self->shown) : 0;
  g_autofree char *text = NULL;

  /* Translators: how many assistants the filters let through of how many */
  text = g_strdup_printf (ngettext ("%u of %u assistant", "%u of %u assistants", n_all), n_shown, n_all);
  gtk_label_set_text (self->summary_label, text);
}

static void
update_facet (AipFilterBar *self,
              guint         f,
              GHashTable   *counts,
              guint         all_count,
              guint         n_all)
{
  GListStore *store = self->choices[f];
  g_autoptr(GPtrArray) values = ordered_values (f, counts);
  const char *selected_value = filter_value (self, f);
  guint selected;

  if (!same_values (G_LIST_MODEL (store), values))
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (items, aip_filter_choice_new (NULL, all_name (f)));
      for (guint i = 0; i < values->len; i++)
        {
          g_autofree char *name = choice_name (f, values->pdata[i]);

          g_ptr_array_add (items, aip_filter_choice_new (values->pdata[i], name));
        }

      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           items->pdata, items->len);
    }

  for (guint i = 0; i < values->len + 1; i++)
    {
      g_autoptr(AipFilterChoice) choice = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *value = aip_filter_choice_get_value (choice);

      if (value == NULL)
        aip_filter_choice_set_count (choice, all_count);
      else
        aip_filter_choice_set_count (choice, GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)));
    }

  selected = find_choice (G_LIST_MODEL (store), selected_value);

  /* A remembered choice that the data no longer has would hide everything
   * without a way to see why; an empty list says nothing yet. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = 0;
      if (n_all > 0)
        set_filter_value (self, f, NULL);
    }

  gtk_drop_down_set_selected (get_dropdown (self, f), selected);
}

static void
set_toggle_count (GtkToggleButton *button,
                  GtkLabel        *label,
                  guint            count,
                  const char      *description)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
update_toggles (AipFilterBar *self,
                guint         n_calling,
                guint         n_attention)
{
  g_autofree char *calling = NULL;
  g_autofree char *attention = NULL;

  self->n_calling = n_calling;
  self->n_attention = n_attention;

  /* Translators: the tooltip of the filter that keeps only the assistants
   * inside the calling hours now, with how many it would keep */
  calling = g_strdup_printf (ngettext ("Only the %u assistant that may call now",
                                       "Only the %u assistants that may call now",
                                       n_calling),
                             n_calling);
  set_toggle_count (self->calling_now_button, self->calling_now_label, n_calling, calling);

  /* Translators: the tooltip of the filter that keeps only the assistants
   * with a problem, with how many it would keep */
  attention = g_strdup_printf (ngettext ("Only the %u assistant that needs attention",
                                         "Only the %u assistants that need attention",
                                         n_attention),
                               n_attention);
  set_toggle_count (self->attention_button, self->attention_label, n_attention, attention);
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

/* Counts assistants from where the count stands until the end of the list
 * or the deadline; returns whether the end was reached. */
static gboolean
count_step (AipFilterBar *self,
            Count        *count,
            gint64        deadline)
{
  guint n_all = g_list_model_get_n_items (self->all);
  gboolean calling_now = aip_assistant_filter_get_calling_now (self->filter);
  gboolean needs_attention = aip_assistant_filter_get_needs_attention (self->filter);
  AipCallingHours *calling_hours = aip_assistant_filter_get_calling_hours (self->filter);
  GDateTime *now = aip_assistant_filter_get_now (self->filter);

  /* The keys point into the assistants, which the list keeps alive while
   * the count runs: a change to the list starts it again. A choice counts
   * an assistant that passes every other facet and the search; the facets
   * are compared here and the search, the costly part, at most once per
   * assistant. */
  for (guint n_counted = 0; count->position < n_all; count->position++, n_counted++)
    {
      g_autoptr(AipAssistant) assistant = NULL;
      const char *values[N_FACETS];
      gboolean facet_ok[N_FACETS];
      guint n_failed = 0;
      guint failed = 0;
      gboolean match;

      if (forced_slice_size != 0 && deadline != G_MAXINT64)
        {
          if (n_counted == forced_slice_size)
            return FALSE;
        }
      else if (count->position % 256 == 0 && g_get_monotonic_time () > deadline)
        return FALSE;

      assistant = g_list_model_get_item (self->all, count->position);

      for (guint f = 0; f < N_FACETS; f++)
        {
          const char *choice = filter_value (self, f);

          values[f] = facet_value (assistant, f);
          facet_ok[f] = choice == NULL || g_strcmp0 (choice, values[f]) == 0;
          if (!facet_ok[f])
            {
              n_failed++;
              failed = f;
            }

          if (values[f] != NULL && !g_hash_table_contains (count->counts[f], values[f]))
            g_hash_table_insert (count->counts[f], (gpointer) values[f], GUINT_TO_POINTER (0));
        }

      if (n_failed > 1)
        continue;

      if (n_failed == 1)
        match = aip_assistant_filter_match_except (self->filter, assistant, facets[failed]);
      else
        {
          /* The toggles' counts follow every other filter. Each count
           * leaves out its own toggle; the search runs twice only while
           * both toggles are on. */
          gboolean open = aip_calling_hours_is_open (calling_hours, aip_assistant_get_timezone (assistant), now);
          gboolean attention = aip_health_check (assistant, now) != AIP_HEALTH_OK;
          gboolean but_calling;
          gboolean but_attention;

          if (!needs_attention)
            {
              but_calling = aip_assistant_filter_match_except (self->filter, assistant, AIP_FILTER_FACET_CALLING_NOW);
              but_attention = but_calling && (!calling_now || open);
            }
          else if (!calling_now)
            {
              but_attention = aip_assistant_filter_match_except (self->filter, assistant,
                                                                 AIP_FILTER_FACET_NEEDS_ATTENTION);
              but_calling = but_attention && attention;
            }
          else
            {
              but_calling = aip_assistant_filter_match_except (self->filter, assistant, AIP_FILTER_FACET_CALLING_NOW);
              but_attention = aip_assistant_filter_match_except (self->filter, assistant,
                                                                 AIP_FILTER_FACET_NEEDS_ATTENTION);
            }

          count->n_calling += but_calling && open;
          count->n_attention += but_attention && attention;
          match = but_calling && (!calling_now || open);
        }
      if (!match)
        continue;

      for (guint f = 0; f < N_FACETS; f++)
        {
          if (n_failed == 1 && f != failed)
            continue;

          count->all_counts[f]++;
          if (values[f] != NULL)
            g_hash_table_insert (count->counts[f], (gpointer) values[f],
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count->counts[f], values[f])) + 1));
        }
    }

  return TRUE;
}

static void
count_apply (AipFilterBar *self,
             Count        *count)
{
  guint n_all = g_list_model_get_n_items (self->all);

  self->updating = TRUE;
  for (guint f = 0; f < N_FACETS; f++)
    update_facet (self, f, count->counts[f], count->all_counts[f], n_all);
  self->updating = FALSE;

  update_toggles (self, count->n_calling, count->n_attention);
  update_summary (self);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), aip_assistant_filter_is_active (self->filter));
}

static void
stop_count (AipFilterBar *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_pointer (&self->count, count_free);
}

/* Counts the whole list at once */
static void
update (AipFilterBar *self)
{
  Count *count;

  stop_count (self);

  if (self->filter == NULL || self->all == NULL)
    return;

  count = count_new ();
  count_step (self, count, G_MAXINT64);
  count_apply (self, count);
  count_free (count);
}

static gboolean
update_cb (gpointer user_data)
{
  AipFilterBar *self = user_data;
  Count *count;

  if (self->filter == NULL || self->all == NULL)
    {
      self->update_source = 0;
      g_clear_pointer (&self->count, count_free);
      return G_SOURCE_REMOVE;
    }

  if (self->count == NULL)
    self->count = count_new ();

  if (!count_step (self, self->count, g_get_monotonic_time () + COUNT_SLICE_USEC))
    return G_SOURCE_CONTINUE;

  /* Applying may change the filter (a choice the data no longer has goes
   * back to all), which queues a new count: this one is out of its way. */
  count = g_steal_pointer (&self->count);
  self->update_source = 0;
  count_apply (self, count);
  count_free (count);

  return G_SOURCE_REMOVE;
}

static void
queue_update (AipFilterBar *self)
{
  /* A refresh and a filter change each ask once, however many rows; a
   * count under way starts again, as what it counted may have changed. */
  g_clear_pointer (&self->count, count_free);
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}

static void
all_items_changed_cb (AipFilterBar *self)
{
  update_summary (self);
  queue_update (self);
}

static void
filter_changed_cb (AipFilterBar *self)
{
  /* Shown only while it has something to clear, to leave room. */
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), aip_assistant_filter_is_active (self->filter));
  queue_update (self);
}

static void
selected_cb (AipFilterBar *self,
             GParamSpec   *pspec,
             GtkDropDown  *dropdown)
{
  AipFilterChoice *choice;

  if (self->updating || self->filter == NULL)
    return;

  choice = gtk_drop_down_get_selected_item (dropdown);
  if (choice == NULL)
    return;

  for (guint f = 0; f < N_FACETS; f++)
    if (get_dropdown (self, f) == dropdown)
      set_filter_value (self, f, aip_filter_choice_get_value (choice));
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (list_item), "label",
                                              gtk_list_item_get_child (list_item), "label",
                                              G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (list_item), "aip-binding", binding);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "aip-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
disconnect_models (AipFilterBar *self)
{
  stop_count (self);

  if (self->calling_now_binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->calling_now_binding));
  if (self->attention_binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->attention_binding));

  if (self->all != NULL)
    g_signal_handlers_disconnect_by_data (self->all, self);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);

  g_clear_object (&self->all);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
}

static void
aip_filter_bar_dispose (GObject *object)
{
  AipFilterBar *self = (AipFilterBar *)object;

  stop_count (self);
  disconnect_models (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_FILTER_BAR);

  for (guint f = 0; f < N_FACETS; f++)
    g_clear_object (&self->choices[f]);

  G_OBJECT_CLASS (aip_filter_bar_parent_class)->dispose (object);
}

static void
aip_filter_bar_class_init (AipFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_filter_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, timezone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, calling_now_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, calling_now_label);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, attention_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, attention_label);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, clear_button);
}

static void
aip_filter_bar_init (AipFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint f = 0; f < N_FACETS; f++)
    {
      GtkDropDown *dropdown = get_dropdown (self, f);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(AipFilterChoice) all = aip_filter_choice_new (NULL, all_name (f));

      self->choices[f] = g_list_store_new (AIP_TYPE_FILTER_CHOICE);
      g_list_store_append (self->choices[f], all);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), NULL);

      gtk_drop_down_set_factory (dropdown, factory);
      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (self->choices[f]));
      g_signal_connect_object (dropdown, "notify::selected",
                               G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
    }

  update_toggles (self, 0, 0);
  update_summary (self);
}

/**
 * aip_filter_bar_set_models:
 * @self: a #AipFilterBar
 * @all: every assistant of the account
 * @shown: the assistants that pass @filter
 * @filter: the filter the menus set
 *
 * The menus offer the values present in @all, each with how many
 * assistants it would show given the other choices, and set @filter.
 */
void
aip_filter_bar_set_models (AipFilterBar       *self,
                           GListModel         *all,
                           GListModel         *shown,
                           AipAssistantFilter *filter)
{
  g_return_if_fail (AIP_IS_FILTER_BAR (self));
  g_return_if_fail (G_IS_LIST_MODEL (all));
  g_return_if_fail (G_IS_LIST_MODEL (shown));
  g_return_if_fail (AIP_IS_ASSISTANT_FILTER (filter));

  disconnect_models (self);

  self->all = g_object_ref (all);
  self->shown = g_object_ref (shown);
  self->filter = g_object_ref (filter);

  g_signal_connect_object (all, "items-changed",
                           G_CALLBACK (all_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (shown, "items-changed",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  /* The now moves each minute, and with it which assistants may call and
   * which are overdue for an update. */
  g_signal_connect_object (filter, "notify::now",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "notify::calling-hours",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);

  self->calling_now_binding = g_object_bind_property (filter, "calling-now",
                                                      self->calling_now_button, "active",
                                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->attention_binding = g_object_bind_property (filter, "needs-attention",
                                                    self->attention_button, "active",
                                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update (self);
}

/**
 * aip_filter_bar_get_choices:
 * @self: a #AipFilterBar
 * @facet: a facet other than %AIP_FILTER_FACET_NONE
 *
 * Returns: (transfer none): the #AipFilterChoice items of the facet's menu
 */
GListModel *
aip_filter_bar_get_choices (AipFilterBar   *self,
                            AipFilterFacet  facet)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), NULL);

  for (guint f = 0; f < N_FACETS; f++)
    if (facets[f] == facet)
      return G_LIST_MODEL (self->choices[f]);

  g_return_val_if_reached (NULL);
}

/**
 * aip_filter_bar_get_summary:
 * @self: a #AipFilterBar
 *
 * Returns: (transfer none): the "N of M assistants" text
 */
const char *
aip_filter_bar_get_summary (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/**
 * aip_filter_bar_get_calling_count:
 * @self: a #AipFilterBar
 *
 * Returns: how many assistants the "Calling Now" toggle would show given
 *   the other filters
 */
guint
aip_filter_bar_get_calling_count (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), 0);

  return self->n_calling;
}

/**
 * aip_filter_bar_get_attention_count:
 * @self: a #AipFilterBar
 *
 * Returns: how many assistants the "Needs Attention" toggle would show
 *   given the other filters
 */
guint
aip_filter_bar_get_attention_count (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), 0);

  return self->n_attention;
}

/**
 * aip_filter_bar_update_now:
 * @self: a #AipFilterBar
 *
 * Brings the menus and counts up to date at once instead of at the next
 * idle moment.
 */
void
aip_filter_bar_update_now (AipFilterBar *self)
{
  g_return_if_fail (AIP_IS_FILTER_BAR (self));

  update (self);
}

void
aip_filter_bar_set_slice_size (guint n_assistants)
{
  forced_slice_size = n_assistants;
}

/**
 * aip_filter_bar_get_counting:
 * @self: a #AipFilterBar
 *
 * Returns: whether the counts of the menus are being brought up to date
 */
gboolean
aip_filter_bar_get_counting (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), FALSE);

  return self->update_source != 0;
}
