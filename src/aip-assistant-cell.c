/* aip-assistant-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-assistant-cell.h"
#include "aip-assistant-table.h"
#include "aip-changes.h"
#include "aip-display.h"
#include "aip-enums.h"
#include "aip-health.h"

/* A cell shows a few words: what it hands to GTK is cut to this many
 * characters, so that a name of any length is laid out in no time. */
#define CELL_CHARS 160
#define TOOLTIP_CHARS 1000
#define TOOLTIP_RUN 200

/* One cell of the list: the column says what of the assistant it shows.
 * What depends on the time, the calling hours, the clock format and the
 * changes comes from the table the cell is in, which it follows while it is
 * rooted there. The Name cell also carries a dot while the assistant is new
 * or changed since the person last looked, and a warning sign while it
 * needs attention; each mark says in words what it means. */
struct _AipAssistantCell
{
  GtkWidget          parent_instance;

  AipAssistant      *assistant;
  AipAssistantTable *table;
  GtkWidget         *dot;
  GtkWidget         *label;
  GtkWidget         *warning;
  /* What the cell's tooltip says; asked for when the pointer rests on it,
   * since setting a tooltip costs a round trip to the display server on
   * X11 (50 ms for a list of 40 rows on GTK 4.8). */
  char              *hint;
  AipSortColumn      column;
  /* Cells the list keeps off screen show their assistant once mapped
   * (GTK 4.12 and later, see aip_assistant_cell_update()) */
  guint              stale : 1;
};

G_DEFINE_FINAL_TYPE (AipAssistantCell, aip_assistant_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSISTANT,
  PROP_COLUMN,
  PROP_HINT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_text (AipAssistantCell *self,
          const char       *text,
          const char       *tooltip)
{
  g_autofree char *cut = aip_display_cut (text, CELL_CHARS, CELL_CHARS, NULL);
  g_autofree char *cut_tooltip = aip_display_cut (tooltip, TOOLTIP_CHARS, TOOLTIP_RUN, NULL);

  gtk_label_set_text (GTK_LABEL (self->label), cut != NULL && cut[0] != '\0' ? cut : "—");

  if (g_strcmp0 (self->hint, cut_tooltip) != 0)
    {
      g_free (self->hint);
      self->hint = g_steal_pointer (&cut_tooltip);
      /* What gtk_widget_set_tooltip_text() would have told a screen
       * reader, without its round trip to the display */
      if (self->hint != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        self->hint, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HINT]);
    }
}

static gboolean
query_tooltip_cb (AipAssistantCell *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip)
{
  if (self->hint == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->hint);
  return TRUE;
}

/* A tooltip set again with the same text costs the round trip all the
 * same. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
set_style (AipAssistantCell *self,
           const char       *style)
{
  static const char *styles[] = {
    "status-active", "status-inactive", "status-other", "calling-open", "dim-label",
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (self->label, styles[i]);

  if (style != NULL)
    gtk_widget_add_css_class (self->label, style);
}

static void
describe (GtkWidget  *widget,
          const char *text)
{
  set_tooltip (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
}

static void
show_name (AipAssistantCell *self,
           GDateTime        *now)
{
  const char *name = aip_assistant_get_name (self->assistant);
  AipChanges *changes = aip_assistant_table_get_changes (self->table);
  AipChangeKind change = AIP_CHANGE_NONE;
  g_autoptr(GPtrArray) warnings = aip_health_describe (self->assistant, now);
  g_autofree char *warning = NULL;
  g_autofree char *warning_label = NULL;

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed Assistant");
  set_text (self, name, name);

  if (changes != NULL)
    change = aip_changes_lookup (changes, aip_assistant_get_id (self->assistant), NULL);
  gtk_widget_set_visible (self->dot, change == AIP_CHANGE_NEW || change == AIP_CHANGE_CHANGED);
  if (change == AIP_CHANGE_NEW)
    describe (self->dot, _("New since you last looked"));
  else if (change == AIP_CHANGE_CHANGED)
    describe (self->dot, _("Changed since you last looked"));
  else
    describe (self->dot, NULL);

  if (warnings != NULL && warnings->len > 0)
    {
      g_ptr_array_add (warnings, NULL);
      warning = g_strjoinv ("\n", (char **) warnings->pdata);
      /* Translators: what a screen reader says for the warning sign in the
       * list, followed by the problems found */
      warning_label = g_strdup_printf (_("Needs attention: %s"), warning);
    }
  gtk_widget_set_visible (self->warning, warning != NULL);
  set_tooltip (self->warning, warning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, warning_label != NULL ? warning_label : "",
                                  -1);
}

static void
show_calling (AipAssistantCell *self,
              GDateTime        *now,
              gboolean          use_24h)
{
  AipCallingHours *hours = aip_assistant_table_get_calling_hours (self->table);
  g_autoptr(GDateTime) next_change = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  AipCallingStatus status;

  /* Only an active assistant calls, whatever the hours. */
  if (!aip_assistant_is_active (self->assistant))
    {
      set_text (self, C_("calling hours", "Not calling"), _("Only active assistants call"));
      set_style (self, "dim-label");
      return;
    }

  status = aip_calling_hours_get_status (hours, aip_assistant_get_timezone (self->assistant),
                                         now, &next_change);
  text = aip_calling_hours_format_status (status, next_change, use_24h);
  tooltip = aip_calling_hours_format_tooltip (status, next_change, use_24h);
  set_text (self, text, tooltip);
  set_style (self, status == AIP_CALLING_STATUS_OPEN ? "calling-open" : NULL);
}

static void
show_timezone (AipAssistantCell *self,
               GDateTime        *now)
{
  const char *timezone = aip_assistant_get_timezone (self->assistant);
  g_autoptr(GTimeZone) zone = aip_timezone_lookup (timezone);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *city = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *text = NULL;

  if (timezone == NULL || timezone[0] == '\0')
    {
      set_text (self, NULL, NULL);
      return;
    }

  if (zone == NULL || !(local = g_date_time_to_timezone (now, zone)))
    {
      /* Translators: a timezone name this computer does not know */
      text = g_strdup_printf (_("%s (unknown)"), timezone);
      set_text (self, text, _("This computer does not know the assistant’s timezone"));
      return;
    }

  city = aip_display_timezone_city (timezone);
  offset = aip_display_utc_offset ((int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC));
  /* Translators: a place and its offset from UTC, e.g. "New York, UTC−05:00" */
  text = g_strdup_printf (C_("timezone", "%s, %s"), city, offset);
  set_text (self, text, timezone);
}

static void
show_local_time (AipAssistantCell *self,
                 GDateTime        *now,
                 gboolean          use_24h)
{
  g_autoptr(GTimeZone) zone = aip_timezone_lookup (aip_assistant_get_timezone (self->assistant));
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *offset = NULL;

  if (zone == NULL || !(local = g_date_time_to_timezone (now, zone)))
    {
      set_text (self, NULL, _("This computer does not know the assistant’s timezone"));
      return;
    }

  clock = aip_display_clock (local, use_24h);
  offset = aip_display_utc_offset ((int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC));
  set_text (self, clock, offset);
}

static void
show_updated (AipAssistantCell *self,
              GDateTime        *now,
              gboolean          use_24h)
{
  GDateTime *updated = aip_assistant_get_updated_at (self->assistant);
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;

  if (updated == NULL)
    {
      set_text (self, NULL, NULL);
      return;
    }

  text = aip_display_short_date (updated, now);
  full = aip_display_full (updated, use_24h);
  set_text (self, text, full);
}

static void
table_changed_cb (AipAssistantCell *self)
{
  aip_assistant_cell_update (self);
}

static void
aip_assistant_cell_root (GtkWidget *widget)
{
  AipAssistantCell *self = AIP_ASSISTANT_CELL (widget);
  GtkWidget *table;

  GTK_WIDGET_CLASS (aip_assistant_cell_parent_class)->root (widget);

  table = gtk_widget_get_ancestor (widget, AIP_TYPE_ASSISTANT_TABLE);
  if (table == NULL)
    return;

  self->table = AIP_ASSISTANT_TABLE (table);
  g_signal_connect_object (table, "cells-changed", G_CALLBACK (table_changed_cb), self, G_CONNECT_SWAPPED);
  aip_assistant_cell_update (self);
}

#if GTK_CHECK_VERSION (4, 12, 0)
static void
aip_assistant_cell_map (GtkWidget *widget)
{
  AipAssistantCell *self = AIP_ASSISTANT_CELL (widget);

  GTK_WIDGET_CLASS (aip_assistant_cell_parent_class)->map (widget);

  if (self->stale)
    aip_assistant_cell_update (self);
}
#endif

static void
aip_assistant_cell_unroot (GtkWidget *widget)
{
  AipAssistantCell *self = AIP_ASSISTANT_CELL (widget);

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (self->table, self);
  self->table = NULL;

  GTK_WIDGET_CLASS (aip_assistant_cell_parent_class)->unroot (widget);
}

static void
aip_assistant_cell_constructed (GObject *object)
{
  AipAssistantCell *self = (AipAssistantCell *)object;

  G_OBJECT_CLASS (aip_assistant_cell_parent_class)->constructed (object);

  if (self->column != AIP_SORT_COLUMN_NAME)
    return;

  self->dot = g_object_new (GTK_TYPE_BOX,
                            "valign", GTK_ALIGN_CENTER,
                            "visible", FALSE,
                            "css-classes", (const char *[]) { "aip-change-dot", NULL },
                            "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                            "width-request", 8,
                            "height-request", 8,
                            "name", "dot",
                            NULL);
  gtk_widget_insert_before (self->dot, GTK_WIDGET (self), self->label);

  self->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_visible (self->warning, FALSE);
  gtk_widget_set_name (self->warning, "warning");
  gtk_widget_add_css_class (self->warning, "warning");
  gtk_widget_insert_after (self->warning, GTK_WIDGET (self), self->label);

  /* Names tell assistants apart: they give way last. */
  gtk_label_set_width_chars (GTK_LABEL (self->label), 12);
  gtk_widget_set_hexpand (self->label, TRUE);
}

static void
aip_assistant_cell_dispose (GObject *object)
{
  AipAssistantCell *self = (AipAssistantCell *)object;

  g_clear_pointer (&self->dot, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->warning, gtk_widget_unparent);
  g_clear_object (&self->assistant);
  g_clear_pointer (&self->hint, g_free);

  G_OBJECT_CLASS (aip_assistant_cell_parent_class)->dispose (object);
}

static void
aip_assistant_cell_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AipAssistantCell *self = AIP_ASSISTANT_CELL (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT:
      g_value_set_object (value, self->assistant);
      break;

    case PROP_COLUMN:
      g_value_set_enum (value, self->column);
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_cell_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AipAssistantCell *self = AIP_ASSISTANT_CELL (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT:
      aip_assistant_cell_set_assistant (self, g_value_get_object (value));
      break;

    case PROP_COLUMN:
      self->column = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_cell_class_init (AipAssistantCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aip_assistant_cell_constructed;
  object_class->dispose = aip_assistant_cell_dispose;
  object_class->get_property = aip_assistant_cell_get_property;
  object_class->set_property = aip_assistant_cell_set_property;

  widget_class->root = aip_assistant_cell_root;
#if GTK_CHECK_VERSION (4, 12, 0)
  widget_class->map = aip_assistant_cell_map;
#endif
  widget_class->unroot = aip_assistant_cell_unroot;

  properties [PROP_ASSISTANT] =
    g_param_spec_object ("assistant", NULL, NULL, AIP_TYPE_ASSISTANT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COLUMN] =
    g_param_spec_enum ("column", NULL, NULL, AIP_TYPE_SORT_COLUMN, AIP_SORT_COLUMN_NAME,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * AipAssistantCell:hint:
   *
   * What the cell's tooltip says, e.g. the full timezone name or the
   * calling hours in the person's own time.
   */
  properties [PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aip-assistant-cell");
}

static void
aip_assistant_cell_init (AipAssistantCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->label = gtk_label_new (NULL);
  gtk_widget_set_name (self->label, "text");
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/**
 * aip_assistant_cell_get_assistant:
 * @self: a #AipAssistantCell
 *
 * Returns: (transfer none) (nullable): the assistant shown
 */
AipAssistant *
aip_assistant_cell_get_assistant (AipAssistantCell *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_CELL (self), NULL);

  return self->assistant;
}

void
aip_assistant_cell_set_assistant (AipAssistantCell *self,
                                  AipAssistant     *assistant)
{
  g_return_if_fail (AIP_IS_ASSISTANT_CELL (self));
  g_return_if_fail (assistant == NULL || AIP_IS_ASSISTANT (assistant));

  if (!g_set_object (&self->assistant, assistant))
    return;

  aip_assistant_cell_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSISTANT]);
}

AipSortColumn
aip_assistant_cell_get_column (AipAssistantCell *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_CELL (self), AIP_SORT_COLUMN_NAME);

  return self->column;
}

/**
 * aip_assistant_cell_update:
 * @self: a #AipAssistantCell
 *
 * Shows the assistant again with what the table knows now.
 */
void
aip_assistant_cell_update (AipAssistantCell *self)
{
  g_autoptr(GDateTime) now = NULL;
  const char *status;
  gboolean use_24h;

  g_return_if_fail (AIP_IS_ASSISTANT_CELL (self));

  /* Rows waiting to be reused have no assistant, and cells not yet in a
   * table nothing to show it with. */
  if (self->assistant == NULL || self->table == NULL)
    return;

  /* GTK keeps rows beyond the visible ones, three times as many: they
   * catch up when they come into sight, which spares a filter change of
   * 1,000 assistants a 60 ms stall (GTK 4.24). GTK 4.8 maps rows while it
   * lays them out, and a label changed then leaves a row it draws without
   * having placed it: there every cell is brought up to date at once. */
#if GTK_CHECK_VERSION (4, 12, 0)
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
#endif

  now = aip_assistant_table_dup_now (self->table);
  use_24h = aip_assistant_table_get_use_24h (self->table);

  switch (self->column)
    {
    case AIP_SORT_COLUMN_NAME:
      show_name (self, now);
      break;

    case AIP_SORT_COLUMN_STATUS:
      status = aip_assistant_get_status (self->assistant);
      set_text (self, aip_display_status (status), NULL);
      set_style (self, aip_display_status_class (status));
      break;

    case AIP_SORT_COLUMN_CALLING_NOW:
      show_calling (self, now, use_24h);
      break;

    case AIP_SORT_COLUMN_MODE:
      set_text (self, aip_display_mode (aip_assistant_get_mode (self->assistant)), NULL);
      break;

    case AIP_SORT_COLUMN_TIMEZONE:
      show_timezone (self, now);
      break;

    case AIP_SORT_COLUMN_LOCAL_TIME:
      show_local_time (self, now, use_24h);
      break;

    case AIP_SORT_COLUMN_WEBHOOK:
      set_text (self,
                aip_display_webhook (aip_assistant_get_webhook_url (self->assistant),
                                     aip_assistant_get_webhook_active (self->assistant)),
                aip_assistant_get_webhook_url (self->assistant));
      break;

    case AIP_SORT_COLUMN_UPDATED:
      show_updated (self, now, use_24h);
      break;

    case AIP_SORT_COLUMN_ID:
    default:
      break;
    }
}
