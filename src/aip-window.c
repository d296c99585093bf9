/* aip-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "aip-window.h"

struct _AipWindow
{
  AdwApplicationWindow  parent_instance;

  AipAccount           *account;
  GtkLabel             *label;
};

G_DEFINE_FINAL_TYPE (AipWindow, aip_window, ADW_TYPE_APPLICATION_WINDOW)

static void
aip_window_dispose (GObject *object)
{
  AipWindow *self = (AipWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_WINDOW);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (aip_window_parent_class)->dispose (object);
}

static void
aip_window_class_init (AipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AipWindow, label);
}

static void
aip_window_init (AipWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AipWindow *
aip_window_new (AdwApplication *application,
                AipAccount     *account)
{
  AipWindow *self;

  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AIP_IS_ACCOUNT (account), NULL);

  self = g_object_new (AIP_TYPE_WINDOW, "application", application, NULL);
  self->account = g_object_ref (account);

  return self;
}
