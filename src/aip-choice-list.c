/* aip-choice-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-choice-list.h"
#include "aip-enums.h"
#include "aip-facet-text.h"
#include "aip-filter-choice.h"
#include "aip-fold.h"

/* The choices of one facet, each whole with its count, the chosen one
 * checked; the timezones, which can be many, with a search above them.
 * A GtkListBox rather than a list view: a facet has tens of choices, and a
 * list box measures every row, so that the popover it sits in is as wide
 * as its widest name from the start. */
struct _AipChoiceList
{
  GtkWidget           parent_instance;

  AipFilterFacet      facet;
  GListModel         *choices;
  char               *value;
  char              **search_words;
  GtkCustomFilter    *search_filter;
  GtkFilterListModel *shown;

  GtkSearchEntry     *search_entry;
  GtkListBox         *list_box;
  GtkLabel           *no_match_label;
};

G_DEFINE_FINAL_TYPE (AipChoiceList, aip_choice_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FACET,
  PROP_CHOICES,
  PROP_VALUE,
  N_PROPS
};

enum {
  CHOICE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static AipFilterChoice *
row_choice (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "aip-choice");
}

static void
update_row_count (GtkListBoxRow *row)
{
  AipFilterChoice *choice = row_choice (row);
  GtkLabel *count_label = g_object_get_data (G_OBJECT (row), "aip-count");
  const char *name = g_object_get_data (G_OBJECT (row), "aip-name");
  guint count = aip_filter_choice_get_count (choice);
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *spoken = aip_facet_text_count (count);
  g_autofree char *label = NULL;

  gtk_label_set_text (count_label, number);
  /* Translators: a filter choice for screen readers, the name and how many
   * assistants it would show, e.g. "Inactive, 3 assistants" */
  label = g_strdup_printf (_("%s, %s"), name, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The check mark shows a chosen row; a screen reader says it is selected */
static void
set_row_chosen (GtkWidget *row,
                gboolean   chosen)
{
  gtk_widget_set_opacity (g_object_get_data (G_OBJECT (row), "aip-check"), chosen ? 1 : 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, chosen, -1);
}

static void
update_checks (AipChoiceList *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AipFilterChoice *choice;
      gboolean chosen;

      if (!GTK_IS_LIST_BOX_ROW (child) || (choice = row_choice (GTK_LIST_BOX_ROW (child))) == NULL)
        continue;

      chosen = g_strcmp0 (aip_filter_choice_get_value (choice), self->value) == 0;
      set_row_chosen (child, chosen);
    }
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AipChoiceList *self = user_data;
  AipFilterChoice *choice = item;
  g_autofree char *name = aip_facet_text_name (self->facet, aip_filter_choice_get_value (choice));
  g_autofree char *detail = aip_facet_text_detail (self->facet, choice);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *count_label = gtk_label_new (NULL);

  /* Names are never cut short: that is the point of this list. */
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_box_append (GTK_BOX (texts), name_label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_box_append (GTK_BOX (texts), detail_label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "aip-choice", g_object_ref (choice), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "aip-name", g_steal_pointer (&name), g_free);
  g_object_set_data (G_OBJECT (row), "aip-check", check);
  g_object_set_data (G_OBJECT (row), "aip-count", count_label);

  g_signal_connect_object (choice, "notify::count", G_CALLBACK (update_row_count), row, G_CONNECT_SWAPPED);
  update_row_count (GTK_LIST_BOX_ROW (row));
  set_row_chosen (row, g_strcmp0 (aip_filter_choice_get_value (choice), self->value) == 0);

  return row;
}

static gboolean
match_choice_cb (gpointer item,
                 gpointer user_data)
{
  AipChoiceList *self = user_data;
  g_autofree char *key = NULL;

  if (self->search_words == NULL)
    return TRUE;

  key = aip_facet_text_search_key (self->facet, item);

  /* Every word, in any order: "york new" finds America/New_York. */
  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (strstr (key, self->search_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static GtkListBoxRow *
first_shown_row (AipChoiceList *self)
{
  return gtk_list_box_get_row_at_index (self->list_box, 0);
}

static GtkListBoxRow *
chosen_row (AipChoiceList *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_choice (GTK_LIST_BOX_ROW (child)) != NULL &&
        g_strcmp0 (aip_filter_choice_get_value (row_choice (GTK_LIST_BOX_ROW (child))), self->value) == 0)
      return GTK_LIST_BOX_ROW (child);

  return first_shown_row (self);
}

static void
search_changed_cb (AipChoiceList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = aip_fold_text (text, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  /* Folded as the rows' keys are, so that both compare byte for byte. */
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        g_strv_builder_add (builder, words[i]);
        any = TRUE;
      }

  g_clear_pointer (&self->search_words, g_strfreev);
  if (any)
    self->search_words = g_strv_builder_end (builder);

  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
row_activated_cb (AipChoiceList *self,
                  GtkListBoxRow *row)
{
  AipFilterChoice *choice = row_choice (row);

  if (choice == NULL)
    return;

  aip_choice_list_set_value (self, aip_filter_choice_get_value (choice));
  g_signal_emit (self, signals [CHOICE_ACTIVATED], 0);
}

/* Enter in the search takes the first choice that matches. */
static void
search_activate_cb (AipChoiceList *self)
{
  GtkListBoxRow *row = first_shown_row (self);

  if (row != NULL)
    row_activated_cb (self, row);
}

/* Down goes from the search to the choices, as in every searchable list. */
static gboolean
search_key_pressed_cb (AipChoiceList         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = first_shown_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));

  return GDK_EVENT_STOP;
}

static void
stop_search_cb (AipChoiceList *self)
{
  GtkWidget *popover;

  /* Escape clears the search first, then closes the menu as anywhere. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return;
    }

  popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static gboolean
aip_choice_list_grab_focus (GtkWidget *widget)
{
  AipChoiceList *self = AIP_CHOICE_LIST (widget);
  GtkListBoxRow *row;

  if (gtk_widget_get_visible (GTK_WIDGET (self->search_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  row = chosen_row (self);
  if (row != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (row));

  return FALSE;
}

static void
aip_choice_list_unmap (GtkWidget *widget)
{
  AipChoiceList *self = AIP_CHOICE_LIST (widget);

  /* A menu opens on every choice again. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  GTK_WIDGET_CLASS (aip_choice_list_parent_class)->unmap (widget);
}

static void
aip_choice_list_constructed (GObject *object)
{
  AipChoiceList *self = (AipChoiceList *)object;

  G_OBJECT_CLASS (aip_choice_list_parent_class)->constructed (object);

  if (self->facet == AIP_FILTER_FACET_TIMEZONE)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);
      gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
      gtk_list_box_set_placeholder (self->list_box, GTK_WIDGET (self->no_match_label));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, aip_facet_text_title (self->facet),
                                  -1);
}

static void
aip_choice_list_dispose (GObject *object)
{
  AipChoiceList *self = (AipChoiceList *)object;
  GtkWidget *child;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->choices);
  g_clear_object (&self->shown);
  g_clear_object (&self->search_filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_CHOICE_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aip_choice_list_parent_class)->dispose (object);
}

static void
aip_choice_list_finalize (GObject *object)
{
  AipChoiceList *self = (AipChoiceList *)object;

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (aip_choice_list_parent_class)->finalize (object);
}

static void
aip_choice_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AipChoiceList *self = AIP_CHOICE_LIST (object);

  switch (prop_id)
    {
    case PROP_FACET:
      g_value_set_enum (value, self->facet);
      break;

    case PROP_CHOICES:
      g_value_set_object (value, self->choices);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_choice_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AipChoiceList *self = AIP_CHOICE_LIST (object);

  switch (prop_id)
    {
    case PROP_FACET:
      self->facet = g_value_get_enum (value);
      break;

    case PROP_CHOICES:
      aip_choice_list_set_choices (self, g_value_get_object (value));
      break;

    case PROP_VALUE:
      aip_choice_list_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_choice_list_class_init (AipChoiceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aip_choice_list_constructed;
  object_class->dispose = aip_choice_list_dispose;
  object_class->finalize = aip_choice_list_finalize;
  object_class->get_property = aip_choice_list_get_property;
  object_class->set_property = aip_choice_list_set_property;

  widget_class->grab_focus = aip_choice_list_grab_focus;
  widget_class->unmap = aip_choice_list_unmap;

  /**
   * AipChoiceList:facet:
   *
   * Which of the filter's facets the choices are of: it names them, and
   * timezones can be searched.
   */
  properties [PROP_FACET] =
    g_param_spec_enum ("facet", NULL, NULL, AIP_TYPE_FILTER_FACET, AIP_FILTER_FACET_STATUS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * AipChoiceList:choices:
   *
   * The #AipFilterChoice items, from #AipFacets.
   */
  properties [PROP_CHOICES] =
    g_param_spec_object ("choices", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipChoiceList:value:
   *
   * The value chosen, %NULL for all.
   */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AipChoiceList::choice-activated:
   *
   * A person took a choice, the one chosen before included: the menu it is
   * in can close.
   */
  signals [CHOICE_ACTIVATED] =
    g_signal_new ("choice-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-choice-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AipChoiceList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AipChoiceList, list_box);
  gtk_widget_class_bind_template_child (widget_class, AipChoiceList, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
aip_choice_list_init (AipChoiceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_filter = gtk_custom_filter_new (match_choice_cb, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row_cb, self, NULL);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);
}

AipFilterFacet
aip_choice_list_get_facet (AipChoiceList *self)
{
  g_return_val_if_fail (AIP_IS_CHOICE_LIST (self), AIP_FILTER_FACET_NONE);

  return self->facet;
}

/**
 * aip_choice_list_get_choices:
 * @self: a #AipChoiceList
 *
 * Returns: (transfer none) (nullable): the #AipFilterChoice items shown
 */
GListModel *
aip_choice_list_get_choices (AipChoiceList *self)
{
  g_return_val_if_fail (AIP_IS_CHOICE_LIST (self), NULL);

  return self->choices;
}

void
aip_choice_list_set_choices (AipChoiceList *self,
                             GListModel    *choices)
{
  g_return_if_fail (AIP_IS_CHOICE_LIST (self));
  g_return_if_fail (choices == NULL || G_IS_LIST_MODEL (choices));

  if (self->choices == choices)
    return;

  g_set_object (&self->choices, choices);
  gtk_filter_list_model_set_model (self->shown, choices);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHOICES]);
}

/**
 * aip_choice_list_get_value:
 * @self: a #AipChoiceList
 *
 * Returns: (transfer none) (nullable): the value chosen, %NULL for all
 */
const char *
aip_choice_list_get_value (AipChoiceList *self)
{
  g_return_val_if_fail (AIP_IS_CHOICE_LIST (self), NULL);

  return self->value;
}

void
aip_choice_list_set_value (AipChoiceList *self,
                           const char    *value)
{
  g_return_if_fail (AIP_IS_CHOICE_LIST (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  update_checks (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}
