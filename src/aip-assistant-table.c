/* aip-assistant-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-assistant-cell.h"
#include "aip-assistant-list.h"
#include "aip-assistant-rows.h"
#include "aip-assistant-sorter.h"
#include "aip-assistant-table.h"

/* Up to this many assistants the filter runs at once: 10,000 take a few
 * milliseconds, and the list changes in one step. Beyond, it runs in
 * slices from idle while the last result stays on screen. */
#define FILTER_AT_ONCE 20000

/* The list's columns, in the order of the template. Names are always
 * shown; the others can be hidden, and those marked wide give way on a
 * narrow window, which keeps the name and whether the assistant calls
 * ("Not calling" says an inactive one does not). */
typedef struct
{
  const char *id;
  gboolean    wide;
} ColumnInfo;

static const ColumnInfo column_info[] = {
  { "name", FALSE },
  { "status", TRUE },
  { "calling-now", FALSE },
  { "timezone", TRUE },
  { "local-time", TRUE },
  { "mode", TRUE },
  { "webhook", TRUE },
  { "updated", TRUE },
};

#define N_COLUMNS G_N_ELEMENTS (column_info)

struct _AipAssistantTable
{
  GtkWidget            parent_instance;

  GListModel          *model;
  GDateTime           *now;
  AipCallingHours     *calling_hours;
  AipChanges          *changes;
  GSettings           *settings;
  GSimpleActionGroup  *actions;
  GtkColumnViewColumn *columns[N_COLUMNS];
  gboolean             chosen[N_COLUMNS];
  guint                save_widths_source;
  guint                use_24h : 1;
  guint                narrow : 1;
  /* Columns are leaving or joining the view: what that does to the sort
   * is not the person's choice */
  guint                placing : 1;
  guint                settled : 1;

  GtkSortListModel    *sort_model;
  AipAssistantFilter  *filter;
  GtkFilterListModel  *filter_model;
  AipAssistantList    *shown;
  GtkSingleSelection  *selection;
  GtkScrolledWindow   *scroller;
  GtkMenuButton       *columns_button;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *calling_now_column;
  GtkColumnViewColumn *timezone_column;
  GtkColumnViewColumn *local_time_column;
  GtkColumnViewColumn *mode_column;
  GtkColumnViewColumn *webhook_column;
  GtkColumnViewColumn *updated_column;
};

G_DEFINE_FINAL_TYPE (AipAssistantTable, aip_assistant_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FILTER,
  PROP_SHOWN,
  PROP_SETTLED,
  PROP_SELECTED,
  PROP_NOW,
  PROP_CALLING_HOURS,
  PROP_USE_24H,
  PROP_CHANGES,
  PROP_NARROW,
  N_PROPS
};

enum {
  ACTIVATE,
  CELLS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_settled (AipAssistantTable *self,
             gboolean           settled)
{
  if (self->settled == !!settled)
    return;

  self->settled = !!settled;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SETTLED]);
}

/* The list shows the chain's result only once it is whole: the filter
 * empties itself when it starts over, then fills up in slices. */
static void
commit (AipAssistantTable *self)
{
  AipAssistant *selected;
  guint position;

  if (gtk_sort_list_model_get_pending (self->sort_model) > 0 ||
      gtk_filter_list_model_get_pending (self->filter_model) > 0)
    {
      set_settled (self, FALSE);
      return;
    }

  selected = aip_assistant_table_get_selected (self);
  if (selected != NULL)
    g_object_ref (selected);

  aip_assistant_list_update_from (self->shown, G_LIST_MODEL (self->filter_model));

  /* An assistant that only moved stays selected; the rows stay where they
   * are, so another one at the selected row is a new selection too. */
  if (selected != NULL && aip_assistant_list_find (self->shown, selected, &position))
    gtk_single_selection_set_selected (self->selection, position);
  if (selected != aip_assistant_table_get_selected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
  g_clear_object (&selected);

  set_settled (self, TRUE);
}

static void
model_items_changed_cb (AipAssistantTable *self)
{
  guint n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  gtk_filter_list_model_set_incremental (self->filter_model, n_items > FILTER_AT_ONCE);
  gtk_sort_list_model_set_incremental (self->sort_model, n_items > FILTER_AT_ONCE);
}

static void
selected_cb (AipAssistantTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

static void
activate_cb (AipAssistantTable *self,
             guint              position)
{
  g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (assistant == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals [ACTIVATE], 0, assistant);
}

static void
cells_changed (AipAssistantTable *self)
{
  g_signal_emit (self, signals [CELLS_CHANGED], 0);
}

/* A hidden column leaves the view rather than hiding in it: GTK 4.8 makes
 * the cells of hidden columns too, for every row it lays out. */
static void restore_sort (AipAssistantTable *self);

static void
apply_visibility (AipAssistantTable *self)
{
  guint position = 0;

  self->placing = TRUE;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean visible = self->chosen[i] && !(self->narrow && column_info[i].wide);
      gboolean present = gtk_column_view_column_get_column_view (self->columns[i]) != NULL;

      if (visible && !present)
        gtk_column_view_insert_column (self->column_view, position, self->columns[i]);
      else if (!visible && present)
        gtk_column_view_remove_column (self->column_view, self->columns[i]);

      if (visible)
        position++;
    }
  self->placing = FALSE;

  /* A column that leaves the view leaves its sorter too, and does not
   * bring its sort back when it returns */
  restore_sort (self);
}

static gboolean
save_widths_cb (gpointer user_data)
{
  AipAssistantTable *self = user_data;
  GVariantBuilder builder;

  self->save_widths_source = 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int width = gtk_column_view_column_get_fixed_width (self->columns[i]);

      if (width > 0)
        g_variant_builder_add (&builder, "{si}", column_info[i].id, width);
    }

  g_settings_set_value (self->settings, "column-widths", g_variant_builder_end (&builder));

  return G_SOURCE_REMOVE;
}

static void
column_width_cb (AipAssistantTable *self)
{
  /* Dragging a column edge changes the width on every frame. */
  if (self->save_widths_source == 0)
    self->save_widths_source = g_timeout_add (500, save_widths_cb, self);
}

static void
show_column_cb (GSimpleAction *action,
                GVariant      *state,
                gpointer       user_data)
{
  AipAssistantTable *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (action), "aip-column");
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  g_simple_action_set_state (action, state);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (g_str_equal (column_info[i].id, id))
        self->chosen[i] = g_variant_get_boolean (state);
      if (i > 0 && self->chosen[i])
        g_ptr_array_add (shown, (gpointer) column_info[i].id);
    }
  g_ptr_array_add (shown, NULL);

  g_settings_set_strv (self->settings, "visible-columns", (const char * const *) shown->pdata);
  apply_visibility (self);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static int
column_index (AipAssistantTable   *self,
              GtkColumnViewColumn *column)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (self->columns[i] == column)
      return (int) i;

  return -1;
}

static void
sorter_changed_cb (AipAssistantTable *self,
                   GtkSorterChange    change,
                   GtkSorter         *sorter)
{
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));
  int index = column != NULL ? column_index (self, column) : -1;

  if (self->placing)
    return;

  g_settings_set_string (self->settings, "sort-column", index >= 0 ? column_info[index].id : "");
  g_settings_set_boolean (self->settings, "sort-descending",
                          gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter))
                          == GTK_SORT_DESCENDING);
}
#endif

/* The sort the settings remember, when its column is in the view. Before
 * GTK 4.10 the view's sort cannot be read back, so the settings hold the
 * one of the last start, and a folded window keeps the list as it is. */
static void
restore_sort (AipAssistantTable *self)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autofree char *sort_id = g_settings_get_string (self->settings, "sort-column");

  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (sort_id, column_info[i].id) == 0 &&
        gtk_column_view_column_get_column_view (self->columns[i]) != NULL)
      gtk_column_view_sort_by_column (self->column_view, self->columns[i],
                                      g_settings_get_boolean (self->settings, "sort-descending")
                                      ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
#endif
}

static void
restore_columns (AipAssistantTable *self)
{
  g_autoptr(GVariant) widths = g_settings_get_value (self->settings, "column-widths");
  g_auto(GStrv) visible = g_settings_get_strv (self->settings, "visible-columns");
  g_autofree char *sort_id = g_settings_get_string (self->settings, "sort-column");

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GSimpleAction) action = NULL;
      g_autofree char *name = NULL;
      int width;

      self->chosen[i] = i == 0 || g_strv_contains ((const char * const *) visible, column_info[i].id);

      if (g_variant_lookup (widths, column_info[i].id, "i", &width) && width > 0)
        gtk_column_view_column_set_fixed_width (self->columns[i], width);
      g_signal_connect_object (self->columns[i], "notify::fixed-width",
                               G_CALLBACK (column_width_cb), self, G_CONNECT_SWAPPED);

      if (g_strcmp0 (sort_id, column_info[i].id) == 0)
        gtk_column_view_sort_by_column (self->column_view, self->columns[i],
                                        g_settings_get_boolean (self->settings, "sort-descending")
                                        ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);

      if (i == 0)
        continue;

      name = g_strconcat ("show-", column_info[i].id, NULL);
      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (self->chosen[i]));
      g_object_set_data (G_OBJECT (action), "aip-column", (gpointer) column_info[i].id);
      g_signal_connect (action, "change-state", G_CALLBACK (show_column_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }

  apply_visibility (self);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
#endif
}

/* Tab leaves the list for what follows it, as in any other part of the
 * window; the arrows move within it. GtkColumnView would otherwise walk
 * the rows one Tab at a time. The window's own focus chain finds what
 * comes next while the list refuses the focus for a moment. */
static gboolean
leave_list (AipAssistantTable *self,
            GtkDirectionType   direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean moved;

  if (root == NULL)
    return FALSE;

  /* From the columns button, the table's last widget, with the list out of
   * the way: forward is what follows the table, backward what precedes it. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->column_view), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->columns_button));
  moved = gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (GTK_WIDGET (self->column_view), TRUE);

  if (!moved)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  return TRUE;
}

static gboolean
key_pressed_cb (AipAssistantTable     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    return leave_list (self, GTK_DIR_TAB_FORWARD);
  if (keyval == GDK_KEY_ISO_Left_Tab)
    return leave_list (self, GTK_DIR_TAB_BACKWARD);

  return FALSE;
}

static void
scroll_to (AipAssistantTable *self,
           guint              position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->column_view, position, NULL,
                             GTK_LIST_SCROLL_FOCUS | GTK_LIST_SCROLL_SELECT, NULL);
#else
  /* Before 4.12 only the column view's inner list can move its cursor and
   * scroll to an item */
  gtk_single_selection_set_selected (self->selection, position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.select-item", "(ubb)", position, FALSE, FALSE);
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        }
    }
#endif
}

static gboolean
aip_assistant_table_grab_focus (GtkWidget *widget)
{
  AipAssistantTable *self = AIP_ASSISTANT_TABLE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
aip_assistant_table_dispose (GObject *object)
{
  AipAssistantTable *self = (AipAssistantTable *)object;
  GtkWidget *child;

  /* A width dragged just before the window closed is kept all the same. */
  if (self->save_widths_source != 0)
    {
      g_clear_handle_id (&self->save_widths_source, g_source_remove);
      save_widths_cb (self);
    }

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_ASSISTANT_TABLE);
  /* GTK 4.8 leaves the template's top child, which has no name, in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->changes);
  g_clear_object (&self->actions);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aip_assistant_table_parent_class)->dispose (object);
}

static void
aip_assistant_table_finalize (GObject *object)
{
  AipAssistantTable *self = (AipAssistantTable *)object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);

  G_OBJECT_CLASS (aip_assistant_table_parent_class)->finalize (object);
}

static void
aip_assistant_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AipAssistantTable *self = AIP_ASSISTANT_TABLE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_SHOWN:
      g_value_set_object (value, self->shown);
      break;

    case PROP_SETTLED:
      g_value_set_boolean (value, self->settled);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, aip_assistant_table_get_selected (self));
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_CALLING_HOURS:
      g_value_set_boxed (value, self->calling_hours);
      break;

    case PROP_USE_24H:
      g_value_set_boolean (value, self->use_24h);
      break;

    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AipAssistantTable *self = AIP_ASSISTANT_TABLE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      aip_assistant_table_set_model (self, g_value_get_object (value));
      break;

    case PROP_NOW:
      aip_assistant_table_set_now (self, g_value_get_boxed (value));
      break;

    case PROP_CALLING_HOURS:
      aip_assistant_table_set_calling_hours (self, g_value_get_boxed (value));
      break;

    case PROP_USE_24H:
      aip_assistant_table_set_use_24h (self, g_value_get_boolean (value));
      break;

    case PROP_CHANGES:
      aip_assistant_table_set_changes (self, g_value_get_object (value));
      break;

    case PROP_NARROW:
      aip_assistant_table_set_narrow (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_table_class_init (AipAssistantTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_assistant_table_dispose;
  object_class->finalize = aip_assistant_table_finalize;
  object_class->get_property = aip_assistant_table_get_property;
  object_class->set_property = aip_assistant_table_set_property;

  widget_class->grab_focus = aip_assistant_table_grab_focus;

  /**
   * AipAssistantTable:model:
   *
   * All the assistants, a #GListModel of #AipAssistant.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipAssistantTable:filter:
   *
   * The person's choices of what to show: the filter bar and the search
   * set them.
   */
  properties [PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, AIP_TYPE_ASSISTANT_FILTER,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * AipAssistantTable:shown:
   *
   * The assistants the list shows, filtered and sorted; it changes in one
   * step once the filter and the sorter are done.
   */
  properties [PROP_SHOWN] =
    g_param_spec_object ("shown", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * AipAssistantTable:settled:
   *
   * Whether :shown is what the filter and sorter give for the current
   * choices; %FALSE while a large list is being filtered or sorted.
   */
  properties [PROP_SETTLED] =
    g_param_spec_boolean ("settled", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, AIP_TYPE_ASSISTANT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_HOURS] =
    g_param_spec_boxed ("calling-hours", NULL, NULL, AIP_TYPE_CALLING_HOURS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_USE_24H] =
    g_param_spec_boolean ("use-24h", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHANGES] =
    g_param_spec_object ("changes", NULL, NULL, AIP_TYPE_CHANGES,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipAssistantTable:narrow:
   *
   * Whether the list has only a phone's width: then it keeps the columns
   * that tell assistants apart and whether they call.
   */
  properties [PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AipAssistantTable::activate:
   * @self: the table
   * @assistant: the assistant of the row
   *
   * Emitted when the person activates a row, with Enter or a double click.
   */
  signals [ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AIP_TYPE_ASSISTANT);

  /**
   * AipAssistantTable::cells-changed:
   * @self: the table
   *
   * Emitted when what the cells show depends on changed: the time, the
   * calling hours, the clock format or the changes since last looked.
   */
  signals [CELLS_CHANGED] =
    g_signal_new ("cells-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (AIP_TYPE_ASSISTANT_CELL);
  g_type_ensure (AIP_TYPE_ASSISTANT_FILTER);
  g_type_ensure (AIP_TYPE_ASSISTANT_LIST);
  g_type_ensure (AIP_TYPE_ASSISTANT_ROW);
  g_type_ensure (AIP_TYPE_ASSISTANT_ROWS);
  g_type_ensure (AIP_TYPE_ASSISTANT_SORTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aip-assistant-table");

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-assistant-table.ui");
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, sort_model);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, filter);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, filter_model);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, shown);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, selection);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, columns_button);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, name_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, status_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, calling_now_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, timezone_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, local_time_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, mode_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, webhook_column);
  gtk_widget_class_bind_template_child (widget_class, AipAssistantTable, updated_column);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
aip_assistant_table_init (AipAssistantTable *self)
{
  GtkEventController *keys;

  self->now = g_date_time_new_now_utc ();
  self->calling_hours = aip_calling_hours_new_default ();
  self->use_24h = TRUE;
  self->settled = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns[0] = self->name_column;
  self->columns[1] = self->status_column;
  self->columns[2] = self->calling_now_column;
  self->columns[3] = self->timezone_column;
  self->columns[4] = self->local_time_column;
  self->columns[5] = self->mode_column;
  self->columns[6] = self->webhook_column;
  self->columns[7] = self->updated_column;
  /* Columns come and go from the view: the table keeps them. */
  for (guint i = 0; i < N_COLUMNS; i++)
    g_object_ref (self->columns[i]);

  self->settings = g_settings_new (APP_ID);
  self->actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "table", G_ACTION_GROUP (self->actions));
  restore_columns (self);

  g_signal_connect_object (self->sort_model, "notify::pending",
                           G_CALLBACK (commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (commit), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}

GListModel *
aip_assistant_table_get_model (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  return self->model;
}

/**
 * aip_assistant_table_set_model:
 * @self: a #AipAssistantTable
 * @model: (nullable): a #GListModel of #AipAssistant
 */
void
aip_assistant_table_set_model (AipAssistantTable *self,
                               GListModel        *model)
{
  g_return_if_fail (AIP_IS_ASSISTANT_TABLE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);

  /* Ahead of the sort model, which the template binds to :model, so that
   * it knows how to sort what comes. */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  model_items_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * aip_assistant_table_get_filter:
 * @self: a #AipAssistantTable
 *
 * Returns: (transfer none): the filter of the list
 */
AipAssistantFilter *
aip_assistant_table_get_filter (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  return self->filter;
}

/**
 * aip_assistant_table_get_shown:
 * @self: a #AipAssistantTable
 *
 * Returns: (transfer none): the assistants shown, in their order
 */
GListModel *
aip_assistant_table_get_shown (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

gboolean
aip_assistant_table_get_settled (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), FALSE);

  return self->settled;
}

/**
 * aip_assistant_table_get_selected:
 * @self: a #AipAssistantTable
 *
 * Returns: (transfer none) (nullable): the assistant selected
 */
AipAssistant *
aip_assistant_table_get_selected (AipAssistantTable *self)
{
  AipAssistantRow *row;

  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? aip_assistant_row_get_assistant (row) : NULL;
}

/**
 * aip_assistant_table_show_assistant:
 * @self: a #AipAssistantTable
 * @id: an assistant's id
 *
 * Selects the assistant with @id among those shown, scrolls to it and puts
 * the keyboard on it; with no @id (-1), the first one.
 *
 * Returns: whether an assistant with @id is shown
 */
gboolean
aip_assistant_table_show_assistant (AipAssistantTable *self,
                                    gint64             id)
{
  guint n_items;

  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), FALSE);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (id < 0 || aip_assistant_get_id (assistant) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * aip_assistant_table_dup_now:
 * @self: a #AipAssistantTable
 *
 * Returns: (transfer full): the time the cells show
 */
GDateTime *
aip_assistant_table_dup_now (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  return g_date_time_ref (self->now);
}

void
aip_assistant_table_set_now (AipAssistantTable *self,
                             GDateTime         *now)
{
  g_return_if_fail (AIP_IS_ASSISTANT_TABLE (self));

  if (now == NULL || g_date_time_equal (self->now, now))
    return;

  g_date_time_unref (self->now);
  self->now = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);
  cells_changed (self);
}

/**
 * aip_assistant_table_get_calling_hours:
 * @self: a #AipAssistantTable
 *
 * Returns: (transfer none): the hours assistants may call
 */
AipCallingHours *
aip_assistant_table_get_calling_hours (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  return self->calling_hours;
}

void
aip_assistant_table_set_calling_hours (AipAssistantTable *self,
                                       AipCallingHours   *calling_hours)
{
  g_return_if_fail (AIP_IS_ASSISTANT_TABLE (self));

  if (calling_hours == NULL || aip_calling_hours_equal (self->calling_hours, calling_hours))
    return;

  aip_calling_hours_unref (self->calling_hours);
  self->calling_hours = aip_calling_hours_ref (calling_hours);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_HOURS]);
  cells_changed (self);
}

gboolean
aip_assistant_table_get_use_24h (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), TRUE);

  return self->use_24h;
}

void
aip_assistant_table_set_use_24h (AipAssistantTable *self,
                                 gboolean           use_24h)
{
  g_return_if_fail (AIP_IS_ASSISTANT_TABLE (self));

  if (self->use_24h == !!use_24h)
    return;

  self->use_24h = !!use_24h;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USE_24H]);
  cells_changed (self);
}

/**
 * aip_assistant_table_get_changes:
 * @self: a #AipAssistantTable
 *
 * Returns: (transfer none) (nullable): what changed since the person last
 *   looked, which the names mark
 */
AipChanges *
aip_assistant_table_get_changes (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), NULL);

  return self->changes;
}

void
aip_assistant_table_set_changes (AipAssistantTable *self,
                                 AipChanges        *changes)
{
  g_return_if_fail (AIP_IS_ASSISTANT_TABLE (self));
  g_return_if_fail (changes == NULL || AIP_IS_CHANGES (changes));

  if (self->changes == changes)
    return;

  if (self->changes != NULL)
    g_signal_handlers_disconnect_by_data (self->changes, self);
  g_set_object (&self->changes, changes);
  if (changes != NULL)
    g_signal_connect_object (changes, "changed", G_CALLBACK (cells_changed), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGES]);
  cells_changed (self);
}

gboolean
aip_assistant_table_get_narrow (AipAssistantTable *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT_TABLE (self), FALSE);

  return self->narrow;
}

void
aip_assistant_table_set_narrow (AipAssistantTable *self,
                                gboolean           narrow)
{
  g_return_if_fail (AIP_IS_ASSISTANT_TABLE (self));

  if (self->narrow == !!narrow)
    return;

  self->narrow = !!narrow;
  apply_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NARROW]);
}
