/* aip-name-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-name-cell.h"

/* The Name cell of the list: a dot while the assistant is new or changed
 * since the person last looked, the name, and a warning sign while it
 * needs attention. Each mark says in words what it means, in its tooltip
 * and to screen readers. */
struct _AipNameCell
{
  GtkWidget      parent_instance;

  GtkWidget     *dot;
  GtkWidget     *label;
  GtkWidget     *warning;
  char          *warning_text;
  AipChangeKind  change;
};

G_DEFINE_FINAL_TYPE (AipNameCell, aip_name_cell, GTK_TYPE_WIDGET)

static void
set_description (GtkWidget  *widget,
                 const char *text)
{
  gtk_widget_set_tooltip_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
}

static void
aip_name_cell_dispose (GObject *object)
{
  AipNameCell *self = (AipNameCell *)object;

  g_clear_pointer (&self->dot, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->warning, gtk_widget_unparent);

  G_OBJECT_CLASS (aip_name_cell_parent_class)->dispose (object);
}

static void
aip_name_cell_finalize (GObject *object)
{
  AipNameCell *self = (AipNameCell *)object;

  g_clear_pointer (&self->warning_text, g_free);

  G_OBJECT_CLASS (aip_name_cell_parent_class)->finalize (object);
}

static void
aip_name_cell_class_init (AipNameCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_name_cell_dispose;
  object_class->finalize = aip_name_cell_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aip-name-cell");
}

static void
aip_name_cell_init (AipNameCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->dot = g_object_new (GTK_TYPE_BOX,
                            "valign", GTK_ALIGN_CENTER,
                            "visible", FALSE,
                            "css-classes", (const char *[]) { "aip-change-dot", NULL },
                            "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                            "width-request", 8,
                            "height-request", 8,
                            NULL);
  gtk_widget_set_parent (self->dot, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
  /* Names tell assistants apart: they give way last. */
  gtk_label_set_width_chars (GTK_LABEL (self->label), 22);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_visible (self->warning, FALSE);
  gtk_widget_add_css_class (self->warning, "warning");
  gtk_widget_set_parent (self->warning, GTK_WIDGET (self));
}

/**
 * aip_name_cell_new:
 *
 * Returns: (transfer full): a new, empty #AipNameCell
 */
GtkWidget *
aip_name_cell_new (void)
{
  return g_object_new (AIP_TYPE_NAME_CELL, NULL);
}

const char *
aip_name_cell_get_name (AipNameCell *self)
{
  g_return_val_if_fail (AIP_IS_NAME_CELL (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

void
aip_name_cell_set_name (AipNameCell *self,
                        const char  *name)
{
  g_return_if_fail (AIP_IS_NAME_CELL (self));

  gtk_label_set_text (GTK_LABEL (self->label), name);
}

AipChangeKind
aip_name_cell_get_change (AipNameCell *self)
{
  g_return_val_if_fail (AIP_IS_NAME_CELL (self), AIP_CHANGE_NONE);

  return self->change;
}

/**
 * aip_name_cell_set_change:
 * @self: a #AipNameCell
 * @change: how the assistant changed since the person last looked
 *
 * New and changed assistants carry the dot; removed ones are not listed.
 */
void
aip_name_cell_set_change (AipNameCell   *self,
                          AipChangeKind  change)
{
  g_return_if_fail (AIP_IS_NAME_CELL (self));

  if (change == AIP_CHANGE_REMOVED)
    change = AIP_CHANGE_NONE;

  if (self->change == change)
    return;

  self->change = change;
  gtk_widget_set_visible (self->dot, change != AIP_CHANGE_NONE);

  if (change == AIP_CHANGE_NEW)
    set_description (self->dot, _("New since you last looked"));
  else if (change == AIP_CHANGE_CHANGED)
    set_description (self->dot, _("Changed since you last looked"));
  else
    set_description (self->dot, NULL);
}

/**
 * aip_name_cell_get_warning:
 * @self: a #AipNameCell
 *
 * Returns: (transfer none) (nullable): the warning's text, one sentence a
 *   line, or %NULL while there is none
 */
const char *
aip_name_cell_get_warning (AipNameCell *self)
{
  g_return_val_if_fail (AIP_IS_NAME_CELL (self), NULL);

  return self->warning_text;
}

/**
 * aip_name_cell_set_warnings:
 * @self: a #AipNameCell
 * @sentences: (nullable) (element-type utf8): what needs attention, from
 *   aip_health_describe()
 */
void
aip_name_cell_set_warnings (AipNameCell *self,
                            GPtrArray   *sentences)
{
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (AIP_IS_NAME_CELL (self));

  if (sentences != NULL && sentences->len > 0)
    {
      GString *joined = g_string_new (NULL);

      for (guint i = 0; i < sentences->len; i++)
        {
          if (i > 0)
            g_string_append_c (joined, '\n');
          g_string_append (joined, g_ptr_array_index (sentences, i));
        }

      text = g_string_free (joined, FALSE);
    }

  if (g_strcmp0 (self->warning_text, text) == 0)
    return;

  g_free (self->warning_text);
  self->warning_text = g_strdup (text);

  gtk_widget_set_visible (self->warning, text != NULL);
  if (text != NULL)
    /* Translators: what a screen reader says for the warning sign in the
     * list, followed by the problems found */
    description = g_strdup_printf (_("Needs attention: %s"), text);
  gtk_widget_set_tooltip_text (self->warning, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description != NULL ? description : "",
                                  -1);
}
