/* aip-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-display.h"
#include "aip-preferences-window.h"

#define MINUTES_STEP 15
#define N_STEPS (24 * 60 / MINUTES_STEP)

struct _AipPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkToggleButton      *day_buttons[7];
  gboolean              syncing;

  AdwEntryRow          *base_url_row;
  GtkLabel             *base_url_error_label;
  AdwComboRow          *auto_refresh_row;
  AdwComboRow          *calling_start_row;
  AdwComboRow          *calling_end_row;
  GtkBox               *days_box;
  GtkLabel             *calling_error_label;
};

G_DEFINE_FINAL_TYPE (AipPreferencesWindow, aip_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const int auto_refresh_minutes[] = { 0, 1, 5, 15, 60 };

static gboolean
auto_refresh_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  int minutes = g_variant_get_int32 (variant);
  guint best = 0;

  /* A value written by other means shows as the nearest choice. */
  for (guint i = 0; i < G_N_ELEMENTS (auto_refresh_minutes); i++)
    if (ABS (auto_refresh_minutes[i] - minutes) < ABS (auto_refresh_minutes[best] - minutes))
      best = i;

  g_value_set_uint (value, best);

  return TRUE;
}

static GVariant *
auto_refresh_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (auto_refresh_minutes))
    return NULL;

  return g_variant_new_int32 (auto_refresh_minutes[index]);
}

static GListModel *
time_choices (gboolean end,
              gboolean use_24h)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_STEPS; i++)
    {
      int minutes = (int) (i * MINUTES_STEP) + (end ? MINUTES_STEP : 0);
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *text = NULL;

      if (minutes == 24 * 60)
        {
          gtk_string_list_append (list, C_("end of the day", "Midnight"));
          continue;
        }

      time = g_date_time_new_utc (2000, 1, 1, minutes / 60, minutes % 60, 0);
      text = aip_display_clock (time, use_24h);
      gtk_string_list_append (list, text);
    }

  return G_LIST_MODEL (list);
}

static guint
minutes_to_index (int      minutes,
                  gboolean end)
{
  int index = (minutes - (end ? MINUTES_STEP : 0)) / MINUTES_STEP;

  return CLAMP (index, 0, N_STEPS - 1);
}

static int
index_to_minutes (guint    index,
                  gboolean end)
{
  return (int) (index * MINUTES_STEP) + (end ? MINUTES_STEP : 0);
}

static void
sync_calling_hours (AipPreferencesWindow *self)
{
  g_autoptr(GVariant) days = g_settings_get_value (self->settings, "calling-days");
  gsize n_days;
  const gint32 *day_values = g_variant_get_fixed_array (days, &n_days, sizeof (gint32));

  self->syncing = TRUE;

  adw_combo_row_set_selected (self->calling_start_row,
                              minutes_to_index (g_settings_get_int (self->settings, "calling-start"), FALSE));
  adw_combo_row_set_selected (self->calling_end_row,
                              minutes_to_index (g_settings_get_int (self->settings, "calling-end"), TRUE));

  for (guint d = 0; d < 7; d++)
    {
      gboolean active = FALSE;

      for (gsize i = 0; i < n_days; i++)
        active |= day_values[i] == (gint32) d + 1;

      gtk_toggle_button_set_active (self->day_buttons[d], active);
    }

  self->syncing = FALSE;
}

static void
calling_hours_cb (AipPreferencesWindow *self)
{
  int start, end;

  if (self->syncing)
    return;

  start = index_to_minutes (adw_combo_row_get_selected (self->calling_start_row), FALSE);
  end = index_to_minutes (adw_combo_row_get_selected (self->calling_end_row), TRUE);

  /* A window that closes before it opens would never let anyone call. */
  if (start >= end)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->calling_error_label), TRUE);
      sync_calling_hours (self);
      return;
    }

  /* The rows going back after a refusal notify too: the reason stays
   * until the person picks new hours */
  if (start == g_settings_get_int (self->settings, "calling-start") &&
      end == g_settings_get_int (self->settings, "calling-end"))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->calling_error_label), FALSE);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "calling-start", start);
  g_settings_set_int (self->settings, "calling-end", end);
  g_settings_apply (self->settings);
}

static void
day_toggled_cb (AipPreferencesWindow *self)
{
  GVariantBuilder builder;

  if (self->syncing)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  for (guint d = 0; d < 7; d++)
    if (gtk_toggle_button_get_active (self->day_buttons[d]))
      g_variant_builder_add (&builder, "i", (gint32) d + 1);

  g_settings_set_value (self->settings, "calling-days", g_variant_builder_end (&builder));
}

static void
base_url_changed_cb (AipPreferencesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_error_label), FALSE);
}

static void
base_url_apply_cb (AipPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
  g_autofree char *normalized = NULL;
  g_autofree char *problem = aip_display_check_base_url (text, &normalized);

  if (problem != NULL)
    {
      aip_display_show_reason (self->base_url_error_label, problem);
      return;
    }

  g_settings_set_string (self->settings, "base-url", normalized);
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), normalized);
}

static void
base_url_setting_cb (AipPreferencesWindow *self)
{
  g_autofree char *base_url = g_settings_get_string (self->settings, "base-url");

  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url);
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_error_label), FALSE);
}

static void
create_day_buttons (AipPreferencesWindow *self)
{
  for (guint d = 0; d < 7; d++)
    {
      /* 1 January 2024 was a Monday: the names come from the locale. */
      g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, (int) d + 1, 12, 0, 0);
      g_autofree char *name = g_date_time_format (day, "%a");
      g_autofree char *full_name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (name);

      gtk_widget_set_tooltip_text (button, full_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full_name,
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (day_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, button);
      self->day_buttons[d] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
aip_preferences_window_constructed (GObject *object)
{
  AipPreferencesWindow *self = (AipPreferencesWindow *)object;
  g_autoptr(GSettings) clock_settings = aip_display_new_clock_settings ();
  gboolean use_24h = aip_display_use_24h (clock_settings);
  g_autoptr(GListModel) starts = time_choices (FALSE, use_24h);
  g_autoptr(GListModel) ends = time_choices (TRUE, use_24h);

  G_OBJECT_CLASS (aip_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  base_url_setting_cb (self);
  g_signal_connect_object (self->settings, "changed::base-url",
                           G_CALLBACK (base_url_setting_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (self->settings, "auto-refresh",
                                self->auto_refresh_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                auto_refresh_get_mapping,
                                auto_refresh_set_mapping,
                                NULL, NULL);

  adw_combo_row_set_model (self->calling_start_row, starts);
  adw_combo_row_set_model (self->calling_end_row, ends);
  create_day_buttons (self);
  sync_calling_hours (self);

  g_signal_connect_object (self->calling_start_row, "notify::selected",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calling_end_row, "notify::selected",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-start",
                           G_CALLBACK (sync_calling_hours), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-end",
                           G_CALLBACK (sync_calling_hours), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-days",
                           G_CALLBACK (sync_calling_hours), self, G_CONNECT_SWAPPED);
}

static void
aip_preferences_window_dispose (GObject *object)
{
  AipPreferencesWindow *self = (AipPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aip_preferences_window_parent_class)->dispose (object);
}

static void
aip_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AipPreferencesWindow *self = AIP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AipPreferencesWindow *self = AIP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_preferences_window_class_init (AipPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aip_preferences_window_constructed;
  object_class->dispose = aip_preferences_window_dispose;
  object_class->get_property = aip_preferences_window_get_property;
  object_class->set_property = aip_preferences_window_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, base_url_error_label);
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, auto_refresh_row);
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, calling_start_row);
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, calling_end_row);
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, AipPreferencesWindow, calling_error_label);
  gtk_widget_class_bind_template_callback (widget_class, base_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_url_changed_cb);
}

static void
aip_preferences_window_init (AipPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aip_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new #AipPreferencesWindow that edits @settings
 */
AipPreferencesWindow *
aip_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (AIP_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
