/* aip-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "aip-application.h"
#include "aip-window.h"

struct _AipApplication
{
  AdwApplication  parent_instance;

  AipAccount     *account;
};

G_DEFINE_FINAL_TYPE (AipApplication, aip_application, ADW_TYPE_APPLICATION)

static void
aip_application_activate (GApplication *app)
{
  AipApplication *self = AIP_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (aip_window_new (ADW_APPLICATION (app), self->account));

  gtk_window_present (window);
}

static void
aip_application_dispose (GObject *object)
{
  AipApplication *self = (AipApplication *)object;

  g_clear_object (&self->account);

  G_OBJECT_CLASS (aip_application_parent_class)->dispose (object);
}

static void
aip_application_class_init (AipApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aip_application_dispose;
  app_class->activate = aip_application_activate;
}

static void
aip_application_init (AipApplication *self)
{
}

AipApplication *
aip_application_new (void)
{
  return g_object_new (AIP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", AIP_RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

AipAccount *
aip_application_get_account (AipApplication *self)
{
  g_return_val_if_fail (AIP_IS_APPLICATION (self), NULL);

  return self->account;
}
