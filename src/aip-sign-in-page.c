/* aip-sign-in-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-display.h"
#include "aip-sign-in-page.h"

/* What "Try Again" on the keyring page repeats. */
typedef enum
{
  KEYRING_STEP_LOOKUP,
  KEYRING_STEP_STORE,
} KeyringStep;

struct _AipSignInPage
{
  AdwBin              parent_instance;

  AipAccount         *account;
  GSettings          *settings;
  GCancellable       *cancellable;
  char               *view_before_wait;
  KeyringStep         keyring_step;
  guint               save : 1;
  guint               cancelled_by_person : 1;

  GtkStack           *stack;
  AdwPasswordEntryRow *token_row;
  GtkLabel           *error_label;
  GtkLabel           *unsaved_label;
  GtkButton          *sign_in_button;
  GtkSpinner         *spinner;
  GtkButton          *sample_button;
  AdwEntryRow        *base_url_row;
  GtkLabel           *base_url_error_label;
  GtkSpinner         *checking_spinner;
  AdwStatusPage      *keyring_status;
};

G_DEFINE_FINAL_TYPE (AipSignInPage, aip_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void sign_in (AipSignInPage *self,
                     gboolean       save);

static void
show_view (AipSignInPage *self,
           const char    *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->checking_spinner, g_str_equal (name, "checking"));
}

static void
show_error (AipSignInPage *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (AipSignInPage *self,
          gboolean       busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->base_url_row), !busy);
}

static GCancellable *
start_operation (AipSignInPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->cancelled_by_person = FALSE;
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static void
show_keyring_problem (AipSignInPage *self,
                      const GError  *error,
                      KeyringStep    step)
{
  const char *description;

  self->keyring_step = step;

  if (self->cancelled_by_person || aip_account_error_kind (error) == AIP_ERROR_KIND_KEYRING_LOCKED)
    description = _("The keyring stayed locked, so your token can be neither read nor saved. "
                    "You can try again, or use a token without saving it.");
  else
    description = _("The system keyring, where your token is kept safe, did not answer. "
                    "It may not be installed or not be running. You can try again, "
                    "or use a token without saving it: you will then enter it again "
                    "the next time you start Outbound Assistants.");

  g_debug ("Keyring problem: %s", error != NULL ? error->message : "cancelled");

  adw_status_page_set_description (self->keyring_status, description);
  show_view (self, "keyring");
}

static void
update_server (AipSignInPage *self)
{
  const char *base_url = self->account != NULL ? aip_account_get_base_url (self->account) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url != NULL ? base_url : "");
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_error_label), FALSE);
}

static void
prompting_changed_cb (AipSignInPage *self,
                      GParamSpec    *pspec,
                      AipAccount    *account)
{
  /* Only our own operations wait for the prompt; the person may take as
   * long as they like and can cancel from here. */
  if (aip_account_get_prompting (account) && self->cancellable != NULL)
    {
      if (self->view_before_wait == NULL)
        self->view_before_wait = g_strdup (gtk_stack_get_visible_child_name (self->stack));
      show_view (self, "waiting");
    }
  else if (self->view_before_wait != NULL)
    {
      g_autofree char *view = g_steal_pointer (&self->view_before_wait);

      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "waiting"))
        show_view (self, view);
    }
}

static void
base_url_notify_cb (AipSignInPage *self,
                    GParamSpec    *pspec,
                    AipAccount    *account)
{
  update_server (self);
}

static void
token_changed_cb (AipSignInPage *self)
{
  show_error (self, NULL);
}

static void
base_url_changed_cb (AipSignInPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_error_label), FALSE);
}

static void
base_url_apply_cb (AipSignInPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
  g_autofree char *normalized = NULL;
  g_autofree char *problem = aip_display_check_base_url (text, &normalized);

  if (problem != NULL)
    {
      aip_display_show_reason (self->base_url_error_label, problem);
      return;
    }

  /* The application follows the setting and switches the account, which
   * notifies base-url back to us. */
  g_settings_set_string (self->settings, "base-url", normalized);
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), normalized);
}

static void
load_token_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AipAccount *account = AIP_ACCOUNT (object);
  g_autoptr(AipSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean found;

  found = aip_account_load_token_finish (account, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->cancelled_by_person)
    return;

  g_clear_object (&self->cancellable);

  if (error != NULL)
    {
      show_keyring_problem (self, error, KEYRING_STEP_LOOKUP);
      return;
    }

  show_view (self, "token");

  if (found)
    aip_account_refresh (account);
}

static void
sign_in_cb_finish (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AipAccount *account = AIP_ACCOUNT (object);
  g_autoptr(AipSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aip_account_sign_in_finish (account, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->cancelled_by_person)
        return;

      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);

      /* The typed token stays in the entry, to be corrected or kept. */
      switch (aip_account_error_kind (error))
        {
        case AIP_ERROR_KIND_KEYRING_LOCKED:
        case AIP_ERROR_KIND_KEYRING_UNAVAILABLE:
        case AIP_ERROR_KIND_CANCELLED:
          show_keyring_problem (self, error, KEYRING_STEP_STORE);
          break;

        case AIP_ERROR_KIND_SIGN_IN:
        case AIP_ERROR_KIND_OTHER:
        default:
          show_error (self, error->message);
          break;
        }

      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  show_view (self, "token");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  g_signal_emit (self, signals [SIGNED_IN], 0);
}

static void
sign_in (AipSignInPage *self,
         gboolean       save)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (token));

  g_return_if_fail (self->account != NULL);

  if (trimmed[0] == '\0')
    {
      show_error (self, _("Enter the API token first"));
      gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
      return;
    }

  show_error (self, NULL);
  show_view (self, "token");
  set_busy (self, TRUE);

  aip_account_sign_in_async (self->account, token, save, start_operation (self),
                             sign_in_cb_finish, g_object_ref (self));
}

static void
sign_in_cb (AipSignInPage *self)
{
  sign_in (self, self->save);
}

static void
sample_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AipSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aip_account_load_sample_finish (AIP_ACCOUNT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  g_signal_emit (self, signals [SIGNED_IN], 0);
}

static void
sample_cb (AipSignInPage *self)
{
  g_return_if_fail (self->account != NULL);

  show_error (self, NULL);
  set_busy (self, TRUE);
  aip_account_load_sample_async (self->account, start_operation (self),
                                 sample_loaded_cb, g_object_ref (self));
}

static void
cancel_cb (AipSignInPage *self)
{
  if (self->cancellable == NULL)
    return;

  self->cancelled_by_person = TRUE;
  g_cancellable_cancel (self->cancellable);
}

static void
keyring_retry_cb (AipSignInPage *self)
{
  if (self->keyring_step == KEYRING_STEP_STORE)
    sign_in (self, TRUE);
  else
    aip_sign_in_page_load_token (self);
}

static void
keyring_unsaved_cb (AipSignInPage *self)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  self->save = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->unsaved_label), TRUE);

  if (self->keyring_step == KEYRING_STEP_STORE && token[0] != '\0')
    {
      sign_in (self, FALSE);
      return;
    }

  show_view (self, "token");
  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
aip_sign_in_page_dispose (GObject *object)
{
  AipSignInPage *self = (AipSignInPage *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  aip_sign_in_page_set_account (self, NULL);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->view_before_wait, g_free);

  /* The bin would otherwise unparent the stack a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (aip_sign_in_page_parent_class)->dispose (object);
}

static void
aip_sign_in_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AipSignInPage *self = AIP_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_sign_in_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AipSignInPage *self = AIP_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      aip_sign_in_page_set_account (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_sign_in_page_class_init (AipSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aip_sign_in_page_dispose;
  object_class->get_property = aip_sign_in_page_get_property;
  object_class->set_property = aip_sign_in_page_set_property;

  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, AIP_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AipSignInPage::signed-in:
   * @self: the page
   *
   * Emitted when the server accepted a token or the sample data is shown.
   */
  signals [SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, sample_button);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, base_url_error_label);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, AipSignInPage, keyring_status);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sample_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, keyring_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, keyring_unsaved_cb);
}

static void
aip_sign_in_page_init (AipSignInPage *self)
{
  self->save = TRUE;
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aip_sign_in_page_get_account:
 * @self: a #AipSignInPage
 *
 * Returns: (transfer none) (nullable): the account signed in to
 */
AipAccount *
aip_sign_in_page_get_account (AipSignInPage *self)
{
  g_return_val_if_fail (AIP_IS_SIGN_IN_PAGE (self), NULL);

  return self->account;
}

/**
 * aip_sign_in_page_set_account:
 * @self: a #AipSignInPage
 * @account: (nullable): the account to sign in to
 */
void
aip_sign_in_page_set_account (AipSignInPage *self,
                              AipAccount    *account)
{
  g_return_if_fail (AIP_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (account == NULL || AIP_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);

  g_set_object (&self->account, account);

  if (account != NULL)
    {
      g_signal_connect_object (account, "notify::base-url",
                               G_CALLBACK (base_url_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "notify::prompting",
                               G_CALLBACK (prompting_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_server (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT]);
}

/**
 * aip_sign_in_page_load_token:
 * @self: a #AipSignInPage
 *
 * Looks for a stored token of the account's server: with one the account
 * refreshes, without one the page asks for it, and when the keyring cannot
 * answer the page explains that and offers ways on.
 */
void
aip_sign_in_page_load_token (AipSignInPage *self)
{
  g_return_if_fail (AIP_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (self->account != NULL);

  show_error (self, NULL);
  set_busy (self, FALSE);
  show_view (self, "checking");

  aip_account_load_token_async (self->account, start_operation (self),
                                load_token_cb, g_object_ref (self));
}

/**
 * aip_sign_in_page_reset:
 * @self: a #AipSignInPage
 * @message: (nullable): why the person is asked to sign in again
 *
 * Stops what the page was doing and asks for a token, with an empty entry.
 */
void
aip_sign_in_page_reset (AipSignInPage *self,
                        const char    *message)
{
  g_return_if_fail (AIP_IS_SIGN_IN_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  show_error (self, message);
  show_view (self, "token");
}

/**
 * aip_sign_in_page_get_view_name:
 * @self: a #AipSignInPage
 *
 * Returns: (transfer none): "token", "checking", "waiting" or "keyring"
 */
const char *
aip_sign_in_page_get_view_name (AipSignInPage *self)
{
  g_return_val_if_fail (AIP_IS_SIGN_IN_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * aip_sign_in_page_get_error:
 * @self: a #AipSignInPage
 *
 * Returns: (transfer none) (nullable): the message shown under the token
 *   entry, if any
 */
const char *
aip_sign_in_page_get_error (AipSignInPage *self)
{
  g_return_val_if_fail (AIP_IS_SIGN_IN_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}
