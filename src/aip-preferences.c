/* aip-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-preferences.h"

/* The person's choices that outlive a window, read from the settings as
 * the values the rest of the application works with: the calling hours as
 * one AipCallingHours (three keys, checked together), the automatic
 * refresh in minutes. Owned by the application; windows bind to it. */
struct _AipPreferences
{
  GObject          parent_instance;

  GSettings       *settings;
  AipCallingHours *calling_hours;
  guint            auto_refresh;
};

G_DEFINE_FINAL_TYPE (AipPreferences, aip_preferences, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CALLING_HOURS,
  PROP_AUTO_REFRESH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
calling_hours_cb (AipPreferences *self)
{
  g_autoptr(AipCallingHours) calling_hours = aip_calling_hours_new_from_settings (self->settings);

  if (self->calling_hours != NULL && aip_calling_hours_equal (self->calling_hours, calling_hours))
    return;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);
  self->calling_hours = g_steal_pointer (&calling_hours);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALLING_HOURS]);
}

static void
auto_refresh_cb (AipPreferences *self)
{
  guint minutes = (guint) MAX (g_settings_get_int (self->settings, "auto-refresh"), 0);

  if (self->auto_refresh == minutes)
    return;

  self->auto_refresh = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTO_REFRESH]);
}

static void
aip_preferences_constructed (GObject *object)
{
  AipPreferences *self = (AipPreferences *)object;

  G_OBJECT_CLASS (aip_preferences_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->settings, "changed::calling-start",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-end",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calling-days",
                           G_CALLBACK (calling_hours_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-refresh",
                           G_CALLBACK (auto_refresh_cb), self, G_CONNECT_SWAPPED);

  calling_hours_cb (self);
  auto_refresh_cb (self);
}

static void
aip_preferences_dispose (GObject *object)
{
  AipPreferences *self = (AipPreferences *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aip_preferences_parent_class)->dispose (object);
}

static void
aip_preferences_finalize (GObject *object)
{
  AipPreferences *self = (AipPreferences *)object;

  g_clear_pointer (&self->calling_hours, aip_calling_hours_unref);

  G_OBJECT_CLASS (aip_preferences_parent_class)->finalize (object);
}

static void
aip_preferences_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AipPreferences *self = AIP_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CALLING_HOURS:
      g_value_set_boxed (value, self->calling_hours);
      break;

    case PROP_AUTO_REFRESH:
      g_value_set_uint (value, self->auto_refresh);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_preferences_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AipPreferences *self = AIP_PREFERENCES (object);

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
aip_preferences_class_init (AipPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aip_preferences_constructed;
  object_class->dispose = aip_preferences_dispose;
  object_class->finalize = aip_preferences_finalize;
  object_class->get_property = aip_preferences_get_property;
  object_class->set_property = aip_preferences_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALLING_HOURS] =
    g_param_spec_boxed ("calling-hours", NULL, NULL, AIP_TYPE_CALLING_HOURS,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_AUTO_REFRESH] =
    g_param_spec_uint ("auto-refresh", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_preferences_init (AipPreferences *self)
{
}

/**
 * aip_preferences_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new #AipPreferences following @settings
 */
AipPreferences *
aip_preferences_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (AIP_TYPE_PREFERENCES, "settings", settings, NULL);
}

/**
 * aip_preferences_get_settings:
 * @self: a #AipPreferences
 *
 * Returns: (transfer none): the settings read
 */
GSettings *
aip_preferences_get_settings (AipPreferences *self)
{
  g_return_val_if_fail (AIP_IS_PREFERENCES (self), NULL);

  return self->settings;
}

/**
 * aip_preferences_get_calling_hours:
 * @self: a #AipPreferences
 *
 * Returns: (transfer none): the hours and days assistants may call, in
 *   their own timezones
 */
AipCallingHours *
aip_preferences_get_calling_hours (AipPreferences *self)
{
  g_return_val_if_fail (AIP_IS_PREFERENCES (self), NULL);

  return self->calling_hours;
}

/**
 * aip_preferences_get_auto_refresh:
 * @self: a #AipPreferences
 *
 * Returns: minutes between automatic refreshes, 0 for none
 */
guint
aip_preferences_get_auto_refresh (AipPreferences *self)
{
  g_return_val_if_fail (AIP_IS_PREFERENCES (self), 0);

  return self->auto_refresh;
}
