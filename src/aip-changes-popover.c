/* aip-changes-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-changes-popover.h"

/* A popover is no place to read thousands of rows: past this many the
 * rest are counted in one line. */
#define MAX_ROWS 100

/* What changed since the person last marked the list as seen, and the
 * button that marks it so (the window's win.mark-changes-seen). */
struct _AipChangesPopover
{
  GtkPopover  parent_instance;

  AipChanges *changes;

  GtkLabel   *title_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (AipChangesPopover, aip_changes_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
describe (const AipChange *change)
{
  g_autofree char *fields = NULL;

  switch (change->kind)
    {
    case AIP_CHANGE_NEW:
      return g_strdup (C_("change", "New"));

    case AIP_CHANGE_REMOVED:
      return g_strdup (C_("change", "Removed"));

    case AIP_CHANGE_CHANGED:
      fields = aip_change_describe_fields (change);
      if (fields == NULL || fields[0] == '\0')
        return g_strdup (C_("change", "Changed"));
      /* Translators: the fields that changed follow, e.g. "Changed: Name, Status" */
      return g_strdup_printf (_("Changed: %s"), fields);

    case AIP_CHANGE_NONE:
    default:
      return g_strdup ("");
    }
}

static const char *
kind_icon (AipChangeKind kind)
{
  switch (kind)
    {
    case AIP_CHANGE_NEW:
      return "list-add-symbolic";

    case AIP_CHANGE_REMOVED:
      return "list-remove-symbolic";

    case AIP_CHANGE_CHANGED:
    case AIP_CHANGE_NONE:
    default:
      return "document-edit-symbolic";
    }
}

static void
rebuild (AipChangesPopover *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  if (self->changes == NULL)
    return;

  entries = aip_changes_get_entries (self->changes);
  summary = aip_changes_format_summary (self->changes);

  if (summary != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: the summary follows, e.g. "Since you last looked: 2 new, 1 changed" */
      title = g_strdup_printf (_("Since you last looked: %s"), summary);
      gtk_label_set_text (self->title_label, title);
    }
  else
    gtk_label_set_text (self->title_label, _("Nothing changed since you last looked"));

  for (guint i = 0; i < entries->len && i < MAX_ROWS; i++)
    {
      const AipChange *change = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (change->kind));
      g_autofree char *subtitle = describe (change);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     change->name != NULL && change->name[0] != '\0'
                                     ? change->name : _("Unnamed Assistant"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      /* A removed assistant has nothing left to show */
      if (change->kind != AIP_CHANGE_REMOVED)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-assistant");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", change->id);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }

      gtk_list_box_append (self->list, row);
    }

  if (entries->len > MAX_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;
      guint n_more = entries->len - MAX_ROWS;

      more = g_strdup_printf (ngettext ("And %u more assistant", "And %u more assistants", n_more), n_more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

static void
row_activated_cb (AipChangesPopover *self,
                  GtkListBoxRow     *row)
{
  /* The row's action shows the assistant: the list is in the way */
  if (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL)
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
aip_changes_popover_dispose (GObject *object)
{
  AipChangesPopover *self = (AipChangesPopover *)object;

  g_clear_object (&self->changes);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_CHANGES_POPOVER);

  G_OBJECT_CLASS (aip_changes_popover_parent_class)->dispose (object);
}

static void
aip_changes_popover_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AipChangesPopover *self = AIP_CHANGES_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_changes_popover_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AipChangesPopover *self = AIP_CHANGES_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CHANGES:
      aip_changes_popover_set_changes (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_changes_popover_class_init (AipChangesPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_changes_popover_dispose;
  object_class->get_property = aip_changes_popover_get_property;
  object_class->set_property = aip_changes_popover_set_property;

  properties [PROP_CHANGES] =
    g_param_spec_object ("changes", NULL, NULL, AIP_TYPE_CHANGES,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-changes-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AipChangesPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, AipChangesPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
aip_changes_popover_init (AipChangesPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aip_changes_popover_get_changes:
 * @self: a #AipChangesPopover
 *
 * Returns: (transfer none) (nullable): the changes shown
 */
AipChanges *
aip_changes_popover_get_changes (AipChangesPopover *self)
{
  g_return_val_if_fail (AIP_IS_CHANGES_POPOVER (self), NULL);

  return self->changes;
}

/**
 * aip_changes_popover_set_changes:
 * @self: a #AipChangesPopover
 * @changes: (nullable): the changes to list, followed as they change
 */
void
aip_changes_popover_set_changes (AipChangesPopover *self,
                                 AipChanges        *changes)
{
  g_return_if_fail (AIP_IS_CHANGES_POPOVER (self));
  g_return_if_fail (changes == NULL || AIP_IS_CHANGES (changes));

  if (self->changes == changes)
    return;

  if (self->changes != NULL)
    g_signal_handlers_disconnect_by_data (self->changes, self);

  g_set_object (&self->changes, changes);

  if (changes != NULL)
    g_signal_connect_object (changes, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGES]);
}

/**
 * aip_changes_popover_dup_entries:
 * @self: a #AipChangesPopover
 *
 * What the rows say, for tests and accessibility checks.
 *
 * Returns: (transfer full): one "name: description" text per row
 */
GStrv
aip_changes_popover_dup_entries (AipChangesPopover *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AIP_IS_CHANGES_POPOVER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = NULL;
      const char *subtitle = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;

      if (!ADW_IS_PREFERENCES_ROW (row))
        continue;

      text = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              subtitle != NULL ? subtitle : "");
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}
