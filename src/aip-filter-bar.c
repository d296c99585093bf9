/* aip-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-choice-list.h"
#include "aip-enums.h"
#include "aip-facet-text.h"
#include "aip-facets-private.h"
#include "aip-filter-bar.h"

#define SPACING 6

/* The forms the bar takes, widest first. It takes the widest whose
 * children all fit at their natural width: the names chosen and the
 * language decide how much room that is, which is why this is measured
 * here and not set as a breakpoint at a fixed width. */
typedef enum
{
  FORM_WIDE,    /* a menu for each facet, the toggles, the count, Clear */
  FORM_FOLDED,  /* the facets behind one Filters menu */
  FORM_NARROW,  /* the toggles behind it too */
} Form;

struct _AipFilterBar
{
  GtkWidget           parent_instance;

  AipAssistantFilter *filter;
  GListModel         *model;
  GListModel         *filtered_model;
  GBindingGroup      *filter_bindings;

  AipFacets          *facets;
  GtkMenuButton      *status_button;
  GtkMenuButton      *timezone_button;
  GtkMenuButton      *mode_button;
  AipChoiceList      *status_list;
  AipChoiceList      *timezone_list;
  AipChoiceList      *mode_list;
  GtkMenuButton      *filters_button;
  GtkLabel           *filters_count_label;
  GtkPopover         *filters_popover;
  GtkStack           *filters_stack;
  GtkWidget          *status_row;
  GtkWidget          *timezone_row;
  GtkWidget          *mode_row;
  AipChoiceList      *folded_status_list;
  AipChoiceList      *folded_timezone_list;
  AipChoiceList      *folded_mode_list;
  GtkCheckButton     *folded_calling_check;
  GtkCheckButton     *folded_attention_check;
  GtkToggleButton    *calling_button;
  GtkToggleButton    *attention_button;
  GtkLabel           *summary_label;
  GtkButton          *clear_button;
};

G_DEFINE_FINAL_TYPE (AipFilterBar, aip_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_MODEL,
  PROP_FILTERED_MODEL,
  PROP_FACETS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
shown_in (AipFilterBar *self,
          GtkWidget    *child,
          Form          form)
{
  if (!gtk_widget_get_visible (child))
    return FALSE;

  if (child == GTK_WIDGET (self->status_button) ||
      child == GTK_WIDGET (self->timezone_button) ||
      child == GTK_WIDGET (self->mode_button))
    return form == FORM_WIDE;

  if (child == GTK_WIDGET (self->filters_button))
    return form != FORM_WIDE;

  if (child == GTK_WIDGET (self->calling_button) ||
      child == GTK_WIDGET (self->attention_button))
    return form != FORM_NARROW;

  return TRUE;
}

static int
form_width (AipFilterBar *self,
            Form          form,
            gboolean      natural)
{
  int width = 0;
  int n_shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!shown_in (self, child, form))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      width += natural ? nat : min;
      n_shown++;
    }

  return width + SPACING * MAX (n_shown - 1, 0);
}

static Form
choose_form (AipFilterBar *self,
             int           width)
{
  if (form_width (self, FORM_WIDE, TRUE) <= width)
    return FORM_WIDE;
  if (form_width (self, FORM_FOLDED, TRUE) <= width)
    return FORM_FOLDED;

  return FORM_NARROW;
}

/* The width of a child shown in @form at @width: its natural one, and for
 * the count of assistants whatever is left, in which it wraps if it must. */
static int
child_width (AipFilterBar *self,
             GtkWidget    *child,
             Form          form,
             int           width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (child != GTK_WIDGET (self->summary_label))
    return nat;

  return MAX (min, nat + width - form_width (self, form, TRUE));
}

static void
aip_filter_bar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AipFilterBar *self = AIP_FILTER_BAR (widget);
  int width;
  Form form;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = form_width (self, FORM_NARROW, FALSE);
      *natural = MAX (*minimum, form_width (self, FORM_WIDE, TRUE));
      return;
    }

  width = for_size >= 0 ? for_size : form_width (self, FORM_WIDE, TRUE);
  form = choose_form (self, width);
  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!shown_in (self, child, form))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width (self, child, form, width),
                          &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
aip_filter_bar_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AipFilterBar *self = AIP_FILTER_BAR (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Form form = choose_form (self, width);
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean shown = shown_in (self, child, form);
      GtkAllocation allocation;

      /* What another form shows is unmapped: out of sight, out of the
       * focus chain and out of the accessibility tree. */
      gtk_widget_set_child_visible (child, shown);
      if (!shown)
        continue;

      allocation.width = child_width (self, child, form, width);
      allocation.height = height;
      allocation.x = rtl ? width - x - allocation.width : x;
      allocation.y = 0;
      gtk_widget_size_allocate (child, &allocation, -1);

      x += allocation.width + SPACING;
    }
}

static GtkSizeRequestMode
aip_filter_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
update_summary (AipFilterBar *self)
{
  guint n_all = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  guint n_shown = self->filtered_model != NULL ? g_list_model_get_n_items (self->filtered_model) : 0;
  g_autofree char *text = NULL;

  /* While the list is still being filtered its count is partial: the last
   * settled one stays until the new one is known. */
  if (GTK_IS_FILTER_LIST_MODEL (self->filtered_model) &&
      gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (self->filtered_model)) > 0)
    return;

  /* Translators: how many assistants the filters let through of how many */
  text = g_strdup_printf (ngettext ("%u of %u assistant", "%u of %u assistants", n_all), n_shown, n_all);
  gtk_label_set_text (self->summary_label, text);
}

static char *
count_text (AipFilterBar *self,
            guint         count)
{
  return g_strdup_printf ("%u", count);
}

static char *
calling_text (AipFilterBar *self,
              guint         count)
{
  if (count == 0)
    return g_strdup (_("No assistant may call now"));

  /* Translators: the tooltip of the filter that keeps only the assistants
   * that are active and inside their calling hours now */
  return g_strdup_printf (ngettext ("%u assistant may call now", "%u assistants may call now", count),
                          count);
}

static char *
attention_text (AipFilterBar *self,
                guint         count)
{
  if (count == 0)
    return g_strdup (_("No assistant needs attention"));

  /* Translators: the tooltip of the filter that keeps only the assistants
   * with a warning */
  return g_strdup_printf (ngettext ("%u assistant needs attention", "%u assistants need attention", count),
                          count);
}

static char *
button_text (AipFilterBar   *self,
             AipFilterFacet  facet,
             const char     *value,
             GListModel     *choices)
{
  return aip_facet_text_short (facet, value, choices);
}

/* Beside the facet's name in the folded menu: "All Timezones", or the
 * choice as short as its button has it, so that the menu stays narrow. */
static char *
row_text (AipFilterBar   *self,
          AipFilterFacet  facet,
          const char     *value,
          GListModel     *choices)
{
  if (value == NULL)
    return aip_facet_text_name (facet, NULL);

  return aip_facet_text_short (facet, value, choices);
}

static void
toggle_counts_cb (AipFilterBar *self)
{
  g_autofree char *calling = calling_text (self, aip_facets_get_calling_now_count (self->facets));
  g_autofree char *attention = attention_text (self, aip_facets_get_needs_attention_count (self->facets));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calling_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, calling, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attention_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, attention, -1);
}

static void
update_filters_button (AipFilterBar *self)
{
  AipChoiceList *lists[] = { self->status_list, self->timezone_list, self->mode_list };
  guint n_active = 0;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    n_active += aip_choice_list_get_value (lists[i]) != NULL;
  n_active += gtk_toggle_button_get_active (self->calling_button);
  n_active += gtk_toggle_button_get_active (self->attention_button);

  count = g_strdup_printf ("%u", n_active);
  gtk_label_set_text (self->filters_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_count_label), n_active > 0);

  if (n_active > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filters_button), "aip-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filters_button), "aip-filter-active");

  if (n_active == 0)
    description = g_strdup (_("No filter is on"));
  else
    description = g_strdup_printf (ngettext ("%u filter is on", "%u filters are on", n_active), n_active);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filters_button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filters_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
facet_value_cb (AipFilterBar  *self,
                GParamSpec    *pspec,
                AipChoiceList *list)
{
  AipFilterFacet facet = aip_choice_list_get_facet (list);
  const char *value = aip_choice_list_get_value (list);
  g_autofree char *name = aip_facet_text_name (facet, value);
  g_autofree char *label = NULL;
  GtkWidget *button;

  /* Translators: a filter and its choice, e.g. "Status: Inactive" */
  label = g_strdup_printf (_("%s: %s"), aip_facet_text_title (facet), name);

  if (list == self->status_list || list == self->timezone_list || list == self->mode_list)
    {
      button = gtk_widget_get_parent (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER));

      /* A facet that narrows the list says so at a glance. */
      if (value != NULL)
        gtk_widget_add_css_class (button, "aip-filter-active");
      else
        gtk_widget_remove_css_class (button, "aip-filter-active");

      gtk_widget_set_tooltip_text (button, label);
    }
  else
    {
      button = list == self->folded_status_list ? self->status_row
             : list == self->folded_timezone_list ? self->timezone_row
             : self->mode_row;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_filters_button (self);
}

static void
focus_cb (GtkWidget *widget)
{
  gtk_widget_grab_focus (widget);
}

static void
popdown_cb (GtkPopover *popover)
{
  gtk_popover_popdown (popover);
}

static void
filters_show_cb (AipFilterBar *self)
{
  gtk_widget_grab_focus (self->status_row);
}

static void
filters_closed_cb (AipFilterBar *self)
{
  gtk_stack_set_visible_child_full (self->filters_stack, "main", GTK_STACK_TRANSITION_TYPE_NONE);
}

static GtkWidget *
facet_row (AipFilterBar *self,
           const char   *page)
{
  if (g_strcmp0 (page, "status") == 0)
    return self->status_row;
  if (g_strcmp0 (page, "timezone") == 0)
    return self->timezone_row;
  if (g_strcmp0 (page, "mode") == 0)
    return self->mode_row;

  return NULL;
}

static void
show_facet (AipFilterBar *self,
            const char   *page)
{
  const char *shown = gtk_stack_get_visible_child_name (self->filters_stack);
  GtkWidget *row = facet_row (self, shown);
  GtkWidget *child;

  if (page == NULL || page[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->filters_stack, "main");
      /* Back where the person left the list of filters. */
      if (row != NULL)
        gtk_widget_grab_focus (row);
      return;
    }

  child = gtk_stack_get_child_by_name (self->filters_stack, page);
  g_return_if_fail (child != NULL);

  gtk_stack_set_visible_child (self->filters_stack, child);
  gtk_widget_grab_focus (gtk_widget_get_last_child (child));
}

static void
folded_choice_activated_cb (AipFilterBar *self)
{
  show_facet (self, NULL);
}

static void
show_facet_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_facet (AIP_FILTER_BAR (widget), g_variant_get_string (parameter, NULL));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AipFilterBar *self = AIP_FILTER_BAR (widget);

  if (self->filter != NULL)
    aip_assistant_filter_clear (self->filter);
}

static void
disconnect_model (AipFilterBar *self,
                  GListModel   *model)
{
  if (model != NULL)
    g_signal_handlers_disconnect_by_data (model, self);
}

static void
aip_filter_bar_dispose (GObject *object)
{
  AipFilterBar *self = (AipFilterBar *)object;

  if (self->filter_bindings != NULL)
    g_binding_group_set_source (self->filter_bindings, NULL);
  g_clear_object (&self->filter_bindings);

  disconnect_model (self, self->model);
  disconnect_model (self, self->filtered_model);
  g_clear_object (&self->model);
  g_clear_object (&self->filtered_model);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_FILTER_BAR);

  G_OBJECT_CLASS (aip_filter_bar_parent_class)->dispose (object);
}

static void
aip_filter_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AipFilterBar *self = AIP_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FILTERED_MODEL:
      g_value_set_object (value, self->filtered_model);
      break;

    case PROP_FACETS:
      g_value_set_object (value, self->facets);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_filter_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AipFilterBar *self = AIP_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      aip_filter_bar_set_filter (self, g_value_get_object (value));
      break;

    case PROP_MODEL:
      aip_filter_bar_set_model (self, g_value_get_object (value));
      break;

    case PROP_FILTERED_MODEL:
      aip_filter_bar_set_filtered_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_filter_bar_class_init (AipFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_filter_bar_dispose;
  object_class->get_property = aip_filter_bar_get_property;
  object_class->set_property = aip_filter_bar_set_property;

  widget_class->measure = aip_filter_bar_measure;
  widget_class->size_allocate = aip_filter_bar_size_allocate;
  widget_class->get_request_mode = aip_filter_bar_get_request_mode;

  /**
   * AipFilterBar:filter:
   *
   * The filter the bar's choices set; the search is the window's.
   */
  properties [PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, AIP_TYPE_ASSISTANT_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipFilterBar:model:
   *
   * Every assistant of the account: the choices and their counts come from
   * it, and the M of "N of M assistants".
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipFilterBar:filtered-model:
   *
   * The assistants the filter lets through, as the list shows them: the N
   * of "N of M assistants". A #GtkFilterListModel's count is shown once it
   * is no longer pending.
   */
  properties [PROP_FILTERED_MODEL] =
    g_param_spec_object ("filtered-model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipFilterBar:facets:
   *
   * The choices and their counts the bar shows, counted over
   * #AipFilterBar:model for #AipFilterBar:filter.
   */
  properties [PROP_FACETS] =
    g_param_spec_object ("facets", NULL, NULL, AIP_TYPE_FACETS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIP_TYPE_ASSISTANT_FILTER);
  g_type_ensure (AIP_TYPE_CHOICE_LIST);
  g_type_ensure (AIP_TYPE_FACETS);
  g_type_ensure (AIP_TYPE_FILTER_FACET);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, facets);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, status_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, timezone_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, mode_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, status_list);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, timezone_list);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, mode_list);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, filters_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, filters_count_label);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, filters_popover);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, filters_stack);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, status_row);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, mode_row);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, folded_status_list);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, folded_timezone_list);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, folded_mode_list);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, folded_calling_check);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, folded_attention_check);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, calling_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, attention_button);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AipFilterBar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, button_text);
  gtk_widget_class_bind_template_callback (widget_class, row_text);
  gtk_widget_class_bind_template_callback (widget_class, count_text);
  gtk_widget_class_bind_template_callback (widget_class, calling_text);
  gtk_widget_class_bind_template_callback (widget_class, attention_text);
  gtk_widget_class_bind_template_callback (widget_class, facet_value_cb);
  gtk_widget_class_bind_template_callback (widget_class, toggle_counts_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_filters_button);
  gtk_widget_class_bind_template_callback (widget_class, focus_cb);
  gtk_widget_class_bind_template_callback (widget_class, popdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_choice_activated_cb);

  gtk_widget_class_install_action (widget_class, "filter-bar.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "filter-bar.show-facet", "s", show_facet_action);

  gtk_widget_class_set_css_name (widget_class, "aip-filter-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
bind_to_filter (AipFilterBar *self)
{
  const struct {
    const char *source;
    gpointer    target;
    const char *target_property;
  } bindings[] = {
    { "status", self->status_list, "value" },
    { "status", self->folded_status_list, "value" },
    { "timezone", self->timezone_list, "value" },
    { "timezone", self->folded_timezone_list, "value" },
    { "mode", self->mode_list, "value" },
    { "mode", self->folded_mode_list, "value" },
    { "calling-now", self->calling_button, "active" },
    { "calling-now", self->folded_calling_check, "active" },
    { "needs-attention", self->attention_button, "active" },
    { "needs-attention", self->folded_attention_check, "active" },
  };

  /* Each choice is in the bar and in the folded menu alike: both follow
   * the filter, whichever of them a person uses. */
  self->filter_bindings = g_binding_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_binding_group_bind (self->filter_bindings, bindings[i].source,
                          bindings[i].target, bindings[i].target_property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
aip_filter_bar_init (AipFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bind_to_filter (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filter-bar.clear", FALSE);
  update_summary (self);
  toggle_counts_cb (self);
  update_filters_button (self);
  facet_value_cb (self, NULL, self->status_list);
  facet_value_cb (self, NULL, self->timezone_list);
  facet_value_cb (self, NULL, self->mode_list);
  facet_value_cb (self, NULL, self->folded_status_list);
  facet_value_cb (self, NULL, self->folded_timezone_list);
  facet_value_cb (self, NULL, self->folded_mode_list);
}

/**
 * aip_filter_bar_get_filter:
 * @self: a #AipFilterBar
 *
 * Returns: (transfer none) (nullable): the filter the bar sets
 */
AipAssistantFilter *
aip_filter_bar_get_filter (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), NULL);

  return self->filter;
}

void
aip_filter_bar_set_filter (AipFilterBar       *self,
                           AipAssistantFilter *filter)
{
  g_return_if_fail (AIP_IS_FILTER_BAR (self));
  g_return_if_fail (filter == NULL || AIP_IS_ASSISTANT_FILTER (filter));

  if (!g_set_object (&self->filter, filter))
    return;

  g_binding_group_set_source (self->filter_bindings, filter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filter-bar.clear", filter != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER]);
}

/**
 * aip_filter_bar_get_model:
 * @self: a #AipFilterBar
 *
 * Returns: (transfer none) (nullable): every assistant
 */
GListModel *
aip_filter_bar_get_model (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), NULL);

  return self->model;
}

void
aip_filter_bar_set_model (AipFilterBar *self,
                          GListModel   *model)
{
  g_return_if_fail (AIP_IS_FILTER_BAR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  disconnect_model (self, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * aip_filter_bar_get_filtered_model:
 * @self: a #AipFilterBar
 *
 * Returns: (transfer none) (nullable): the assistants the list shows
 */
GListModel *
aip_filter_bar_get_filtered_model (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), NULL);

  return self->filtered_model;
}

void
aip_filter_bar_set_filtered_model (AipFilterBar *self,
                                   GListModel   *filtered_model)
{
  g_return_if_fail (AIP_IS_FILTER_BAR (self));
  g_return_if_fail (filtered_model == NULL || G_IS_LIST_MODEL (filtered_model));

  if (self->filtered_model == filtered_model)
    return;

  disconnect_model (self, self->filtered_model);
  g_set_object (&self->filtered_model, filtered_model);
  if (filtered_model != NULL)
    {
      g_signal_connect_object (filtered_model, "items-changed", G_CALLBACK (update_summary), self,
                               G_CONNECT_SWAPPED);
      if (GTK_IS_FILTER_LIST_MODEL (filtered_model))
        g_signal_connect_object (filtered_model, "notify::pending", G_CALLBACK (update_summary), self,
                                 G_CONNECT_SWAPPED);
    }
  update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTERED_MODEL]);
}

/**
 * aip_filter_bar_get_facets:
 * @self: a #AipFilterBar
 *
 * Returns: (transfer none): the choices and counts the bar shows
 */
AipFacets *
aip_filter_bar_get_facets (AipFilterBar *self)
{
  g_return_val_if_fail (AIP_IS_FILTER_BAR (self), NULL);

  return self->facets;
}
