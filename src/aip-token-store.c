/* aip-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-token-store.h"

/* Every operation runs under a bound: a timer that gives up with
 * AIP_TOKEN_STORE_ERROR_UNAVAILABLE when the keyring does not answer in time
 * (no Secret Service, a dead portal, a hung bus). The one wait that may take
 * longer is a person typing into the keyring's unlock prompt, so the prompt
 * is not left to happen somewhere inside libsecret: first the default
 * collection, where our items live, is unlocked explicitly, with the timer
 * stopped and :prompting set while the prompt is up. The lookup, store or
 * clear itself then goes through the simple secret_password_*() calls under
 * a fresh bound, which work whichever backend libsecret picked (the Secret
 * Service, or inside Flatpak the file backend behind the Secret portal).
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
 * returns its task twice). So Cancel only stops the waiting; the prompt stays
 * for the person to close, and an operation that finds it still up waits for
 * that same prompt instead of asking for a second one. */

struct _AipTokenStore
{
  GObject          parent_instance;

  guint            timeout;
  /* Inside Flatpak: found once, when the store is made */
  gboolean         sandboxed;

  /* The keyring's unlock prompt, while it is up */
  GDBusConnection *connection;
  char            *prompt_path;
  guint            completed_id;
  guint            vanished_id;
  /* GTask: the operations waiting for it */
  GPtrArray       *waiting;
};

G_DEFINE_FINAL_TYPE (AipTokenStore, aip_token_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (aip-token-store-error-quark, aip_token_store_error)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_PROMPTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define DEFAULT_TIMEOUT 10

/* libsecret 0.20 listens for the Secret portal's reply only once its own
 * call has returned: a reply that comes first is lost, and the request
 * waits forever (seen now and then with build-aux/flatpak-check). A request
 * unanswered this long is made again, within the operation's own bound. */
#define PORTAL_ATTEMPT_SECONDS 3
#define PORTAL_ATTEMPTS 3
#define BASE_URL_ATTRIBUTE "base-url"
#define PROMPT_INTERFACE "org.freedesktop.Secret.Prompt"

typedef enum
{
  OPERATION_LOOKUP,
  OPERATION_STORE,
  OPERATION_CLEAR,
} OperationKind;

typedef struct
{
  OperationKind  kind;
  char          *base_url;
  char          *token;
  /* Cancelled when the operation is over, so that whatever libsecret still
   * has in flight stops, and a token is not stored after all once the
   * caller has been told it was not. */
  GCancellable  *inner;
  GSource       *bound;
  GSource       *caller_cancelled;
  gboolean       done;
  /* Inside Flatpak: the request in flight, its time, how many were made */
  GCancellable  *attempt;
  GSource       *attempt_bound;
  guint          n_attempts;
} Operation;

/* What a worker thread needs of an operation, its own copy: a thread that
 * libsecret keeps waiting may outlive the operation. */
typedef struct
{
  OperationKind  kind;
  char          *base_url;
  char          *token;
} Request;

static void
destroy_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
operation_free (gpointer data)
{
  Operation *op = data;

  destroy_source (&op->bound);
  destroy_source (&op->caller_cancelled);
  destroy_source (&op->attempt_bound);
  g_clear_object (&op->inner);
  g_clear_object (&op->attempt);
  g_clear_pointer (&op->base_url, g_free);
  g_clear_pointer (&op->token, secret_password_free);
  g_free (op);
}

static void
stop_waiting (AipTokenStore *self,
              GTask         *task)
{
  if (!g_ptr_array_remove (self->waiting, task))
    return;

  if (self->waiting->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTING]);
}

static void
clear_prompt (AipTokenStore *self)
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

/* Ends the operation: no timer or cancellation may fire after this, and a
 * call still in flight finds op->done set when it comes back. */
static void
operation_end (GTask *task)
{
  AipTokenStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  g_assert (!op->done);

  op->done = TRUE;
  destroy_source (&op->bound);
  destroy_source (&op->caller_cancelled);
  destroy_source (&op->attempt_bound);
  stop_waiting (self, task);
  g_cancellable_cancel (op->inner);
  if (op->attempt != NULL)
    g_cancellable_cancel (op->attempt);
}

static void
operation_fail (GTask  *task,
                GError *error)
{
  operation_end (task);
  g_task_return_error (task, error);
}

static GError *
unavailable_error (void)
{
  return g_error_new_literal (AIP_TOKEN_STORE_ERROR,
                              AIP_TOKEN_STORE_ERROR_UNAVAILABLE,
                              _("The system keyring could not be reached"));
}

static GError *
locked_error (void)
{
  return g_error_new_literal (AIP_TOKEN_STORE_ERROR,
                              AIP_TOKEN_STORE_ERROR_LOCKED,
                              _("The system keyring is still locked, so the token cannot be read or saved"));
}

/* libsecret's errors speak of D-Bus and collections; a person is told in
 * plain words, and the original goes to the debug log. */
static GError *
translate_error (const GError *error)
{
  g_debug ("Keyring error: %s (%s %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return locked_error ();

  /* Among these: ServiceUnknown, a broken connection, and the portal's
   * "user interaction failed". */
  if (error->domain == G_DBUS_ERROR ||
      error->domain == G_IO_ERROR ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_PROTOCOL))
    return unavailable_error ();

  return g_error_new_literal (AIP_TOKEN_STORE_ERROR,
                              AIP_TOKEN_STORE_ERROR_FAILED,
                              _("The system keyring could not save or read the token"));
}

static char *
make_label (const char *base_url)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    host = base_url;

  /* Translators: %s is the name of a server, such as call.aiployees.com */
  return g_strdup_printf (_("Outbound Assistants token for %s"), host);
}

static gboolean
bound_expired_cb (gpointer user_data)
{
  GTask *task = user_data;
  AipTokenStore *self = g_task_get_source_object (task);

  g_debug ("The keyring did not answer within %u seconds", self->timeout);
  operation_fail (task, unavailable_error ());

  return G_SOURCE_REMOVE;
}

static gboolean
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;

  /* Not waiting for libsecret to notice: a hung bus would keep it busy. */
  operation_end (task);
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

static void
arm_bound (GTask *task)
{
  AipTokenStore *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);

  g_assert (op->bound == NULL);

  op->bound = g_timeout_source_new_seconds (self->timeout);
  g_task_attach_source (task, op->bound, bound_expired_cb);
}

/* Ends the operation with libsecret's answer, unless it ended already (timed
 * out, cancelled); takes @token, which only a lookup has */
static void
complete_operation (GTask        *task,
                    const GError *error,
                    char         *token)
{
  Operation *op = g_task_get_task_data (task);

  if (op->done || error != NULL)
    g_clear_pointer (&token, secret_password_free);
  if (op->done)
    return;

  operation_end (task);

  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else if (op->kind == OPERATION_LOOKUP)
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
  else
    g_task_return_boolean (task, TRUE);
}

static void
operation_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  switch (op->kind)
    {
    case OPERATION_LOOKUP:
      token = secret_password_lookup_finish (result, &error);
      break;

    case OPERATION_STORE:
      secret_password_store_finish (result, &error);
      break;

    case OPERATION_CLEAR:
      /* FALSE without an error only says that nothing was stored. */
      secret_password_clear_finish (result, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  complete_operation (task, error, token);
}

static void
run_operation (GTask *task)
{
  Operation *op = g_task_get_task_data (task);
  const SecretSchema *schema = aip_token_store_get_schema ();

  switch (op->kind)
    {
    case OPERATION_LOOKUP:
      secret_password_lookup (schema, op->inner, operation_cb, g_object_ref (task),
                              BASE_URL_ATTRIBUTE, op->base_url,
                              NULL);
      break;

    case OPERATION_STORE:
      {
        g_autofree char *label = make_label (op->base_url);

        secret_password_store (schema, SECRET_COLLECTION_DEFAULT, label, op->token,
                               op->inner, operation_cb, g_object_ref (task),
                               BASE_URL_ATTRIBUTE, op->base_url,
                               NULL);
      }
      break;

    case OPERATION_CLEAR:
      secret_password_clear (schema, op->inner, operation_cb, g_object_ref (task),
                             BASE_URL_ATTRIBUTE, op->base_url,
                             NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
request_free (Request *request)
{
  g_free (request->base_url);
  g_clear_pointer (&request->token, secret_password_free);
  g_free (request);
}

static void
sandboxed_thread (GTask        *inner,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *op = task_data;
  const SecretSchema *schema = aip_token_store_get_schema ();
  GError *error = NULL;

  switch (op->kind)
    {
    case OPERATION_LOOKUP:
      {
        char *token = secret_password_lookup_sync (schema, cancellable, &error,
                                                   BASE_URL_ATTRIBUTE, op->base_url,
                                                   NULL);
        if (error != NULL)
          g_task_return_error (inner, error);
        else
          g_task_return_pointer (inner, token, (GDestroyNotify) secret_password_free);
      }
      break;

    case OPERATION_STORE:
      {
        g_autofree char *label = make_label (op->base_url);

        if (secret_password_store_sync (schema, SECRET_COLLECTION_DEFAULT, label, op->token,
                                        cancellable, &error,
                                        BASE_URL_ATTRIBUTE, op->base_url,
                                        NULL))
          g_task_return_boolean (inner, TRUE);
        else
          g_task_return_error (inner, error);
      }
      break;

    case OPERATION_CLEAR:
      /* FALSE without an error only says that nothing was stored. */
      secret_password_clear_sync (schema, cancellable, &error,
                                  BASE_URL_ATTRIBUTE, op->base_url,
                                  NULL);
      if (error != NULL)
        g_task_return_error (inner, error);
      else
        g_task_return_boolean (inner, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void run_operation_sandboxed (GTask *task);

static void
sandboxed_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  gboolean current = g_task_get_cancellable (G_TASK (result)) == op->attempt;
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  if (op->kind == OPERATION_LOOKUP)
    token = g_task_propagate_pointer (G_TASK (result), &error);
  else
    g_task_propagate_boolean (G_TASK (result), &error);

  if (!op->done && error != NULL)
    {
      /* An earlier request failing while a newer one is out */
      if (!current)
        return;

      /* Unanswered for too long: asked again, as long as the bound allows */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && op->n_attempts < PORTAL_ATTEMPTS)
        {
          run_operation_sandboxed (task);
          return;
        }
    }

  complete_operation (task, error, token);
}

static gboolean
attempt_expired_cb (gpointer user_data)
{
  GTask *task = user_data;
  Operation *op = g_task_get_task_data (task);

  g_debug ("The Secret portal did not answer within %u seconds; asking again", PORTAL_ATTEMPT_SECONDS);
  g_clear_pointer (&op->attempt_bound, g_source_unref);
  /* The waiting request returns at once; its thread is left to libsecret */
  g_cancellable_cancel (op->attempt);

  return G_SOURCE_REMOVE;
}

/* Inside a Flatpak sandbox libsecret answers through the Secret portal and
 * listens for the portal's reply only once its own call has returned. From
 * the main thread, busy drawing the first frames of the window, that reply
 * was missed and the lookup never finished (seen with build-aux/flatpak-check).
 * A worker thread runs libsecret on a main context of its own, which nothing
 * else keeps busy; a request that still goes unanswered is made again. */
static void
run_operation_sandboxed (GTask *task)
{
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;
  Request *request = g_new0 (Request, 1);

  request->kind = op->kind;
  request->base_url = g_strdup (op->base_url);
  request->token = g_strdup (op->token);

  op->n_attempts++;
  g_clear_object (&op->attempt);
  op->attempt = g_cancellable_new ();

  inner = g_task_new (NULL, op->attempt, sandboxed_done_cb, g_object_ref (task));
  g_task_set_source_tag (inner, run_operation_sandboxed);
  g_task_set_task_data (inner, request, (GDestroyNotify) request_free);
  g_task_set_return_on_cancel (inner, TRUE);
  g_task_run_in_thread (inner, sandboxed_thread);

  destroy_source (&op->attempt_bound);
  if (op->n_attempts < PORTAL_ATTEMPTS)
    {
      op->attempt_bound = g_timeout_source_new_seconds (PORTAL_ATTEMPT_SECONDS);
      g_task_attach_source (task, op->attempt_bound, attempt_expired_cb);
    }
}

/* Sends every operation waiting for the prompt on its way. */
static void
finish_prompt (AipTokenStore *self,
               gboolean       dismissed,
               const GError  *error)
{
  g_autoptr(GPtrArray) waiting = NULL;

  clear_prompt (self);

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  if (waiting->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTING]);

  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        operation_fail (task, g_error_copy (error));
      else if (dismissed)
        operation_fail (task, locked_error ());
      else
        {
          arm_bound (task);
          run_operation (task);
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
  g_autoptr(GError) error = unavailable_error ();

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
      g_autoptr(GError) translated = translate_error (error);

      finish_prompt (self, TRUE, translated);
    }
}

static void
wait_for_prompt (AipTokenStore *self,
                 GTask         *task)
{
  Operation *op = g_task_get_task_data (task);

  /* The service answered; from here on it waits for a person. */
  destroy_source (&op->bound);

  g_ptr_array_add (self->waiting, g_object_ref (task));
  if (self->waiting->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTING]);
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
  Operation *op = g_task_get_task_data (task);
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
      operation_fail (task, translate_error (error));
      return;
    }

  g_variant_get_child (reply, 1, "&o", &prompt_path);
  owner = g_dbus_proxy_get_name_owner (service);

  if (g_str_equal (prompt_path, "/") || owner == NULL)
    {
      run_operation (task);
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
  Operation *op = g_task_get_task_data (task);
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
      run_operation (task);
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
  Operation *op = g_task_get_task_data (task);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_finish (result, &error);

  if (op->done)
    return;

  if (service == NULL)
    {
      g_debug ("Could not reach the Secret Service directly: %s", error->message);
      run_operation (task);
      return;
    }

  secret_collection_for_alias (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                               op->inner, default_collection_cb, g_steal_pointer (&task));
}

static void
start_operation (AipTokenStore       *self,
                 OperationKind        kind,
                 const char          *base_url,
                 const char          *token,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (g_task_return_error_if_cancelled (task))
    return;

  /* D-Bus strings must be UTF-8, and GLib would complain loudly otherwise. */
  if (!g_utf8_validate (base_url, -1, NULL) ||
      (token != NULL && !g_utf8_validate (token, -1, NULL)))
    {
      g_task_return_new_error (task, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_FAILED,
                               _("The token or the server address contains characters that cannot be saved"));
      return;
    }

  op = g_new0 (Operation, 1);
  op->kind = kind;
  op->base_url = g_strdup (base_url);
  op->token = g_strdup (token);
  op->inner = g_cancellable_new ();
  g_task_set_task_data (task, op, operation_free);

  if (cancellable != NULL)
    {
      op->caller_cancelled = g_cancellable_source_new (cancellable);
      g_task_attach_source (task, op->caller_cancelled, G_SOURCE_FUNC (caller_cancelled_cb));
    }

  arm_bound (task);

  /* In a Flatpak sandbox the Secret Service is out of reach and libsecret
   * goes through the Secret portal; the unlock step has nothing to do. */
  if (self->sandboxed)
    {
      run_operation_sandboxed (task);
      return;
    }

  secret_service_get (SECRET_SERVICE_NONE, op->inner, service_cb, g_steal_pointer (&task));
}

static void
aip_token_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AipTokenStore *self = AIP_TOKEN_STORE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_PROMPTING:
      g_value_set_boolean (value, aip_token_store_get_prompting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_token_store_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AipTokenStore *self = AIP_TOKEN_STORE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      aip_token_store_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_token_store_dispose (GObject *object)
{
  AipTokenStore *self = (AipTokenStore *)object;

  clear_prompt (self);

  G_OBJECT_CLASS (aip_token_store_parent_class)->dispose (object);
}

static void
aip_token_store_finalize (GObject *object)
{
  AipTokenStore *self = (AipTokenStore *)object;

  /* Waiting operations hold the store, so none is left by now. */
  g_ptr_array_unref (self->waiting);

  G_OBJECT_CLASS (aip_token_store_parent_class)->finalize (object);
}

static void
aip_token_store_class_init (AipTokenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aip_token_store_dispose;
  object_class->finalize = aip_token_store_finalize;
  object_class->get_property = aip_token_store_get_property;
  object_class->set_property = aip_token_store_set_property;

  /**
   * AipTokenStore:timeout:
   *
   * How many seconds the keyring has to answer before an operation fails
   * with %AIP_TOKEN_STORE_ERROR_UNAVAILABLE. Time spent in the keyring's
   * unlock prompt does not count.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 3600, DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AipTokenStore:prompting:
   *
   * Whether an operation waits for the person to answer the keyring's
   * unlock prompt. Cancelling the operation's cancellable dismisses it.
   */
  properties[PROP_PROMPTING] =
    g_param_spec_boolean ("prompting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_token_store_init (AipTokenStore *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->sandboxed = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * aip_token_store_get_schema:
 *
 * The schema of the items that hold the token, one per base URL.
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
aip_token_store_get_schema (void)
{
  /* The name is matched: ignoring it would let any item with a "base-url"
   * attribute pass for our token. */
  static const SecretSchema schema = {
    "com.aiployees.Assistants.Token", SECRET_SCHEMA_NONE,
    {
      { BASE_URL_ATTRIBUTE, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * aip_token_store_new:
 *
 * Returns: (transfer full): a new token store
 */
AipTokenStore *
aip_token_store_new (void)
{
  return g_object_new (AIP_TYPE_TOKEN_STORE, NULL);
}

guint
aip_token_store_get_timeout (AipTokenStore *self)
{
  g_return_val_if_fail (AIP_IS_TOKEN_STORE (self), 0);

  return self->timeout;
}

/**
 * aip_token_store_set_timeout:
 * @self: a token store
 * @seconds: the bound for operations started from now on, at least 1
 */
void
aip_token_store_set_timeout (AipTokenStore *self,
                             guint          seconds)
{
  g_return_if_fail (AIP_IS_TOKEN_STORE (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gboolean
aip_token_store_get_prompting (AipTokenStore *self)
{
  g_return_val_if_fail (AIP_IS_TOKEN_STORE (self), FALSE);

  return self->waiting->len > 0;
}

/**
 * aip_token_store_lookup_async:
 * @self: a token store
 * @base_url: the normalized base URL
 * @cancellable: (nullable): a #GCancellable, also the way to give up on the
 *   unlock prompt
 * @callback: called when the lookup is done
 * @user_data: data for @callback
 *
 * Looks up the token stored for @base_url.
 */
void
aip_token_store_lookup_async (AipTokenStore       *self,
                              const char          *base_url,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (AIP_IS_TOKEN_STORE (self));
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (self, OPERATION_LOOKUP, base_url, NULL,
                   cancellable, callback, user_data, aip_token_store_lookup_async);
}

/**
 * aip_token_store_lookup_finish:
 * @self: a token store
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns the token, or %NULL with @error unset when none is stored for the
 * base URL. Errors are %AIP_TOKEN_STORE_ERROR_UNAVAILABLE,
 * %AIP_TOKEN_STORE_ERROR_LOCKED, %AIP_TOKEN_STORE_ERROR_FAILED, or
 * %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the token, to be freed with
 *   secret_password_free()
 */
char *
aip_token_store_lookup_finish (AipTokenStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (AIP_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_token_store_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * aip_token_store_store_async:
 * @self: a token store
 * @base_url: the normalized base URL
 * @token: the token
 * @cancellable: (nullable): a #GCancellable, also the way to give up on the
 *   unlock prompt
 * @callback: called when the token is stored
 * @user_data: data for @callback
 *
 * Stores @token for @base_url in the default keyring, replacing the token
 * stored for it before.
 */
void
aip_token_store_store_async (AipTokenStore       *self,
                             const char          *base_url,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (AIP_IS_TOKEN_STORE (self));
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (self, OPERATION_STORE, base_url, token,
                   cancellable, callback, user_data, aip_token_store_store_async);
}

/**
 * aip_token_store_store_finish:
 * @self: a token store
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the token was stored
 */
gboolean
aip_token_store_store_finish (AipTokenStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (AIP_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_token_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * aip_token_store_clear_async:
 * @self: a token store
 * @base_url: the normalized base URL
 * @cancellable: (nullable): a #GCancellable, also the way to give up on the
 *   unlock prompt
 * @callback: called when the token is removed
 * @user_data: data for @callback
 *
 * Removes the token stored for @base_url.
 */
void
aip_token_store_clear_async (AipTokenStore       *self,
                             const char          *base_url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (AIP_IS_TOKEN_STORE (self));
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (self, OPERATION_CLEAR, base_url, NULL,
                   cancellable, callback, user_data, aip_token_store_clear_async);
}

/**
 * aip_token_store_clear_finish:
 * @self: a token store
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if no token is stored for the base URL any more, also when
 *   none was
 */
gboolean
aip_token_store_clear_finish (AipTokenStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (AIP_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_token_store_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
