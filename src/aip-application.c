/* aip-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-application.h"
#include "aip-auto-refresh.h"
#include "aip-cli.h"
#include "aip-preferences.h"
#include "aip-preferences-window.h"
#include "aip-window.h"

struct _AipApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  AipPreferences *preferences;
  AipAccount     *account;
  /* Lives with the account: it keeps refreshing while a window is
   * closed and opened again. */
  AipAutoRefresh *auto_refresh;
};

G_DEFINE_FINAL_TYPE (AipApplication, aip_application, ADW_TYPE_APPLICATION)

static void
base_url_changed_cb (AipApplication *self,
                     const char     *key,
                     GSettings      *settings)
{
  g_autofree char *base_url = g_settings_get_string (settings, "base-url");
  g_autoptr(GError) error = NULL;

  /* Preferences validate before they write; a bad value can only come from
   * outside (dconf-editor), and then the default is the safe choice. */
  if (!aip_account_set_base_url (self->account, base_url, &error))
    {
      g_debug ("Ignoring the stored base URL: %s", error->message);
      aip_account_set_base_url (self->account, AIP_DEFAULT_BASE_URL, NULL);
    }
}

static void
aip_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
aip_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  AipApplication *self = user_data;
  static const char *developers[] = { AIP_DEVELOPER_NAME, NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Outbound Assistants"),
                         "application-icon", APP_ID,
                         "developer-name", AIP_DEVELOPER_NAME,
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", AIP_HOMEPAGE_URL,
                         "copyright", "© 2026 " AIP_DEVELOPER_NAME,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: Replace "translator-credits" with your names, one name per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
aip_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  AipApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AipPreferencesWindow *preferences = aip_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", aip_application_quit_action },
  { "about", aip_application_about_action },
  { "preferences", aip_application_preferences_action },
};

static gboolean
aip_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  g_autoptr(GError) error = NULL;

  /* GApplication ends a usage error with status 1; ours is 2, as the
   * README promises to scripts. */
  if (!aip_cli_check_arguments (*arguments, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
      g_printerr ("\n");
      *exit_status = AIP_EXIT_USAGE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (aip_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static int
aip_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  return aip_cli_run (options);
}

static void
aip_application_startup (GApplication *app)
{
  AipApplication *self = AIP_APPLICATION (app);
  static const char *refresh_accels[] = { "F5", "<Control>r", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *export_accels[] = { "<Control>e", "<Control><Shift>s", NULL };

  G_APPLICATION_CLASS (aip_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);

  self->settings = g_settings_new (APP_ID);
  self->preferences = aip_preferences_new (self->settings);
  self->account = aip_account_new (NULL);
  self->auto_refresh = aip_auto_refresh_new (self->account);
  g_object_bind_property (self->preferences, "auto-refresh",
                          aip_auto_refresh_get_schedule (self->auto_refresh), "interval",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->settings, "changed::base-url",
                           G_CALLBACK (base_url_changed_cb), self, G_CONNECT_SWAPPED);
  base_url_changed_cb (self, "base-url", self->settings);
}

static void
aip_application_activate (GApplication *app)
{
  AipApplication *self = AIP_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (aip_window_new (self, self->account, self->auto_refresh));
      g_object_bind_property (self->preferences, "calling-hours", window, "calling-hours",
                              G_BINDING_SYNC_CREATE);
    }

  gtk_window_present (window);
}

static void
aip_application_dispose (GObject *object)
{
  AipApplication *self = (AipApplication *)object;

  g_clear_object (&self->auto_refresh);
  g_clear_object (&self->account);
  g_clear_object (&self->preferences);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aip_application_parent_class)->dispose (object);
}

static void
aip_application_class_init (AipApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aip_application_dispose;

  app_class->local_command_line = aip_application_local_command_line;
  app_class->handle_local_options = aip_application_handle_local_options;
  app_class->startup = aip_application_startup;
  app_class->activate = aip_application_activate;
}

static void
aip_application_init (AipApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), aip_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("See the outbound calling assistants of your account."));
}

/**
 * aip_application_new:
 *
 * Returns: (transfer full): the application
 */
AipApplication *
aip_application_new (void)
{
  return g_object_new (AIP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", AIP_RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * aip_application_get_account:
 * @self: a #AipApplication
 *
 * Returns: (transfer none): the account the window shows
 */
AipAccount *
aip_application_get_account (AipApplication *self)
{
  g_return_val_if_fail (AIP_IS_APPLICATION (self), NULL);

  return self->account;
}

/**
 * aip_application_get_settings:
 * @self: a #AipApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
aip_application_get_settings (AipApplication *self)
{
  g_return_val_if_fail (AIP_IS_APPLICATION (self), NULL);

  return self->settings;
}
