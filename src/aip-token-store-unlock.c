/* aip-token-store-unlock.c: the keyring's unlock prompt, before an operation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-token-store-private.h"

/* The prompt is not left to happen somewhere inside libsecret: first the
 * default collection, where our items live, is unlocked explicitly, and the
 * operation waits for the person as long as :prompt-timeout allows.
 *
 * The unlock step is best effort: where the Secret Service cannot be asked
 * directly (a sandbox without access to it), the step is skipped and the
 * backend's own answer decides. Unlocking first also matters because
 * gnome-keyring does not match schema names in a locked keyring it has not
 * opened yet, so a lookup there would silently find nothing.
 *
 * The prompt is run here over D-Bus rather than by secret_service_unlock(),
 * which would dismiss it when cancelled: gnome-keyring 42 aborts when an
 * unlock prompt on screen is dismissed over D-Bus (and libsecret 0.20 then
 * returns its task twice). So Cancel, and the prompt's own bound, only stop
 * the waiting; the prompt stays for the person to close, and an operation
 * that finds it still up waits for that same prompt instead of asking for a
 * second one. */

#define PROMPT_INTERFACE "org.freedesktop.Secret.Prompt"

void
_aip_token_store_stop_waiting (AipTokenStore *self,
                               GTask         *task)
{
  if (!g_ptr_array_remove (self->waiting, task))
    return;

  if (self->waiting->len == 0)
    _aip_token_store_notify_prompting (self);
}

void
_aip_token_store_clear_prompt (AipTokenStore *self)
{
  if (self->completed_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->completed_id);
  self->completed_id = 0;

  if (self->vanished_id != 0)
    g_bus_unwatch_name (self->vanished_id);
  self->vanished_id = 0;

  g_clear_object (&self->connection);
  g_clear_pointer (&self->prompt_path, g_free);
}

/* Sends every operation waiting for the prompt on its way. */
static void
finish_prompt (AipTokenStore *self,
               gboolean       dismissed,
               const GError  *error)
{
  g_autoptr(GPtrArray) waiting = NULL;

  _aip_token_store_clear_prompt (self);

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  if (waiting->len > 0)
    _aip_token_store_notify_prompting (self);

  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        _aip_token_store_fail (task, g_error_copy (error));
      else if (dismissed)
        _aip_token_store_fail (task, _aip_token_store_locked_error ());
      else
        {
          _aip_token_store_arm_bound (task);
          _aip_token_store_run (task);
        }
    }
}

static void
prompt_completed_cb (GDBusConnection *connection,
                     const char      *sender_name,
                     const char      *object_path,
                     const char      *interface_name,
                     const char      *signal_name,
                     GVariant        *parameters,
                     gpointer         user_data)
{
  AipTokenStore *self = user_data;
  gboolean dismissed = TRUE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(bv)")))
    g_variant_get_child (parameters, 0, "b", &dismissed);

  finish_prompt (self, dismissed, NULL);
}

static void
keyring_vanished_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  AipTokenStore *self = user_data;
  g_autoptr(GError) error = _aip_token_store_unavailable_error ();

  g_debug ("The keyring went away during its unlock prompt");
  finish_prompt (self, TRUE, error);
}

static void
prompt_called_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AipTokenStore) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply == NULL && self->prompt_path != NULL)
    {
      g_autoptr(GError) translated = _aip_token_store_translate_error (error);

      finish_prompt (self, TRUE, translated);
    }
}

static gboolean
prompt_unanswered_cb (gpointer user_data)
{
  GTask *task = user_data;
  AipTokenStore *self = g_task_get_source_object (task);

  g_debug ("Nobody answered the unlock prompt within %u seconds", self->prompt_timeout);
  _aip_token_store_fail (task, g_error_new (AIP_TOKEN_STORE_ERROR,
                                            AIP_TOKEN_STORE_ERROR_LOCKED,
                                            ngettext ("Nobody answered the keyring’s unlock prompt within %u second, "
                                                      "so the token cannot be read or saved",
                                                      "Nobody answered the keyring’s unlock prompt within %u seconds, "
                                                      "so the token cannot be read or saved",
                                                      self->prompt_timeout),
                                            self->prompt_timeout));

  return G_SOURCE_REMOVE;
}

static void
wait_for_prompt (AipTokenStore *self,
                 GTask         *task)
{
  AipTokenStoreOperation *op = g_task_get_task_data (task);

  /* The service answered; from here on it waits for a person. */
  _aip_token_store_destroy_source (&op->bound);
  if (self->prompt_timeout > 0)
    {
      op->bound = g_timeout_source_new_seconds (self->prompt_timeout);
      g_task_attach_source (task, op->bound, prompt_unanswered_cb);
    }

  g_ptr_array_add (self->waiting, g_object_ref (task));
  if (self->waiting->len == 1)
    _aip_token_store_notify_prompting (self);
}

static void
show_prompt (AipTokenStore *self,
             GDBusProxy    *service,
             const char    *owner,
             const char    *prompt_path)
{
  g_assert (self->prompt_path == NULL);

  self->connection = g_object_ref (g_dbus_proxy_get_connection (service));
  self->prompt_path = g_strdup (prompt_path);
  self->completed_id = g_dbus_connection_signal_subscribe (self->connection, owner,
                                                           PROMPT_INTERFACE, "Completed",
                                                           prompt_path, NULL,
                                                           G_DBUS_SIGNAL_FLAGS_NONE,
                                                           prompt_completed_cb, self, NULL);
  self->vanished_id = g_bus_watch_name_on_connection (self->connection, owner,
                                                      G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                      NULL, keyring_vanished_cb, self, NULL);
  g_dbus_connection_call (self->connection, owner, prompt_path,
                          PROMPT_INTERFACE, "Prompt", g_variant_new ("(s)", ""), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL,
                          prompt_called_cb, g_object_ref (self));
}

static void
unlock_called_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipTokenStore *self = g_task_get_source_object (task);
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  GDBusProxy *service = G_DBUS_PROXY (source);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  const char *prompt_path;

  reply = g_dbus_proxy_call_finish (service, result, &error);

  if (op->done)
    return;

  if (reply == NULL)
    {
      _aip_token_store_fail (task, _aip_token_store_translate_error (error));
      return;
    }

  g_variant_get_child (reply, 1, "&o", &prompt_path);
  owner = g_dbus_proxy_get_name_owner (service);

  if (g_str_equal (prompt_path, "/") || owner == NULL)
    {
      _aip_token_store_run (task);
      return;
    }

  /* Another operation's prompt came up meanwhile: this one goes unused. */
  if (self->prompt_path == NULL)
    show_prompt (self, service, owner, prompt_path);

  wait_for_prompt (self, task);
}

static void
default_collection_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipTokenStore *self = g_task_get_source_object (task);
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  collection = secret_collection_for_alias_finish (result, &error);

  if (op->done)
    return;

  if (error != NULL)
    g_debug ("Could not look at the default keyring: %s", error->message);

  if (collection == NULL || !secret_collection_get_locked (collection))
    {
      _aip_token_store_run (task);
      return;
    }

  if (self->prompt_path != NULL)
    {
      wait_for_prompt (self, task);
      return;
    }

  path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection));
  g_dbus_proxy_call (G_DBUS_PROXY (secret_collection_get_service (collection)),
                     "Unlock", g_variant_new ("(@ao)", g_variant_new_objv (&path, 1)),
                     G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, op->inner,
                     unlock_called_cb, g_steal_pointer (&task));
}

static void
service_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_finish (result, &error);

  if (op->done)
    return;

  if (service == NULL)
    {
      g_debug ("Could not reach the Secret Service directly: %s", error->message);
      _aip_token_store_run (task);
      return;
    }

  secret_collection_for_alias (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                               op->inner, default_collection_cb, g_steal_pointer (&task));
}

/* Unlocks the default collection, through its prompt if need be, then runs
 * the operation of @task, which it takes */
void
_aip_token_store_unlock_and_run (GTask *task)
{
  AipTokenStoreOperation *op = g_task_get_task_data (task);

  secret_service_get (SECRET_SERVICE_NONE, op->inner, service_cb, task);
}
