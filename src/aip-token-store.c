/* aip-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-token-store-private.h"

/* Every operation runs under a bound: a timer that gives up with
 * AIP_TOKEN_STORE_ERROR_UNAVAILABLE when the keyring does not answer in time
 * (no Secret Service, a dead portal, a hung bus). The one wait that may take
 * longer is a person typing into the keyring's unlock prompt, which
 * aip-token-store-unlock.c brings up before the operation itself, with the
 * timer stopped (or replaced by :prompt-timeout) and :prompting set while
 * the prompt is up. The lookup, store or clear itself then goes through the
 * simple secret_password_*() calls under a fresh bound, which work
 * whichever backend libsecret picked (the Secret Service, or inside Flatpak
 * the file backend behind the Secret portal). */

G_DEFINE_FINAL_TYPE (AipTokenStore, aip_token_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (aip-token-store-error-quark, aip_token_store_error)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_PROMPT_TIMEOUT,
  PROP_PROMPTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define DEFAULT_TIMEOUT 10

void
_aip_token_store_destroy_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
operation_free (gpointer data)
{
  AipTokenStoreOperation *op = data;

  _aip_token_store_destroy_source (&op->bound);
  _aip_token_store_destroy_source (&op->caller_cancelled);
#if AIP_TOKEN_STORE_PORTAL_RETRY
  _aip_token_store_destroy_source (&op->attempt_bound);
  g_clear_object (&op->attempt);
#endif
  g_clear_object (&op->inner);
  g_clear_pointer (&op->base_url, g_free);
  g_clear_pointer (&op->token, aip_token_store_free_token);
  g_free (op);
}

/* Ends the operation: no timer or cancellation may fire after this, and a
 * call still in flight finds op->done set when it comes back. */
static void
operation_end (GTask *task)
{
  AipTokenStore *self = g_task_get_source_object (task);
  AipTokenStoreOperation *op = g_task_get_task_data (task);

  g_assert (!op->done);

  op->done = TRUE;
  _aip_token_store_destroy_source (&op->bound);
  _aip_token_store_destroy_source (&op->caller_cancelled);
  _aip_token_store_stop_waiting (self, task);
  g_cancellable_cancel (op->inner);
#if AIP_TOKEN_STORE_PORTAL_RETRY
  _aip_token_store_end_attempts (op);
#endif
}

void
_aip_token_store_fail (GTask  *task,
                       GError *error)
{
  operation_end (task);
  g_task_return_error (task, error);
}

GError *
_aip_token_store_unavailable_error (void)
{
  return g_error_new_literal (AIP_TOKEN_STORE_ERROR,
                              AIP_TOKEN_STORE_ERROR_UNAVAILABLE,
                              _("The system keyring could not be reached"));
}

GError *
_aip_token_store_locked_error (void)
{
  return g_error_new_literal (AIP_TOKEN_STORE_ERROR,
                              AIP_TOKEN_STORE_ERROR_LOCKED,
                              _("The system keyring is still locked, so the token cannot be read or saved"));
}

/* libsecret's errors speak of D-Bus and collections; a person is told in
 * plain words, and the original goes to the debug log. */
GError *
_aip_token_store_translate_error (const GError *error)
{
  g_debug ("Keyring error: %s (%s %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return _aip_token_store_locked_error ();

  /* Among these: ServiceUnknown, a broken connection, and the portal's
   * "user interaction failed". */
  if (error->domain == G_DBUS_ERROR ||
      error->domain == G_IO_ERROR ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_PROTOCOL))
    return _aip_token_store_unavailable_error ();

  return g_error_new_literal (AIP_TOKEN_STORE_ERROR,
                              AIP_TOKEN_STORE_ERROR_FAILED,
                              _("The system keyring could not save or read the token"));
}

char *
_aip_token_store_make_label (const char *base_url)
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
  _aip_token_store_fail (task, g_error_new (AIP_TOKEN_STORE_ERROR,
                                            AIP_TOKEN_STORE_ERROR_UNAVAILABLE,
                                            ngettext ("The system keyring did not answer within %u second",
                                                      "The system keyring did not answer within %u seconds",
                                                      self->timeout),
                                            self->timeout));

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

void
_aip_token_store_arm_bound (GTask *task)
{
  AipTokenStore *self = g_task_get_source_object (task);
  AipTokenStoreOperation *op = g_task_get_task_data (task);

  _aip_token_store_destroy_source (&op->bound);
  op->bound = g_timeout_source_new_seconds (self->timeout);
  g_task_attach_source (task, op->bound, bound_expired_cb);
}

/* Ends the operation with libsecret's answer, unless it ended already (timed
 * out, cancelled); takes @token, which only a lookup has */
void
_aip_token_store_complete (GTask        *task,
                           const GError *error,
                           char         *token)
{
  AipTokenStoreOperation *op = g_task_get_task_data (task);

  if (op->done || error != NULL)
    g_clear_pointer (&token, aip_token_store_free_token);
  if (op->done)
    return;

  operation_end (task);

  if (error != NULL)
    g_task_return_error (task, _aip_token_store_translate_error (error));
  else if (op->kind == AIP_TOKEN_STORE_LOOKUP)
    g_task_return_pointer (task, token, (GDestroyNotify) aip_token_store_free_token);
  else
    g_task_return_boolean (task, TRUE);
}

static void
operation_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  switch (op->kind)
    {
    case AIP_TOKEN_STORE_LOOKUP:
      token = secret_password_lookup_finish (result, &error);
      break;

    case AIP_TOKEN_STORE_STORE:
      secret_password_store_finish (result, &error);
      break;

    case AIP_TOKEN_STORE_CLEAR:
      /* FALSE without an error only says that nothing was stored. */
      secret_password_clear_finish (result, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  _aip_token_store_complete (task, error, token);
}

/* The operation itself, once the keyring is unlocked or could not be asked */
void
_aip_token_store_run (GTask *task)
{
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  const SecretSchema *schema = aip_token_store_get_schema ();

  switch (op->kind)
    {
    case AIP_TOKEN_STORE_LOOKUP:
      secret_password_lookup (schema, op->inner, operation_cb, g_object_ref (task),
                              AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, op->base_url,
                              NULL);
      break;

    case AIP_TOKEN_STORE_STORE:
      {
        g_autofree char *label = _aip_token_store_make_label (op->base_url);

        secret_password_store (schema, SECRET_COLLECTION_DEFAULT, label, op->token,
                               op->inner, operation_cb, g_object_ref (task),
                               AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, op->base_url,
                               NULL);
      }
      break;

    case AIP_TOKEN_STORE_CLEAR:
      secret_password_clear (schema, op->inner, operation_cb, g_object_ref (task),
                             AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, op->base_url,
                             NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
start_operation (AipTokenStore              *self,
                 AipTokenStoreOperationKind  kind,
                 const char                 *base_url,
                 const char                 *token,
                 GCancellable               *cancellable,
                 GAsyncReadyCallback         callback,
                 gpointer                    user_data,
                 gpointer                    source_tag)
{
  g_autoptr(GTask) task = NULL;
  AipTokenStoreOperation *op;

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

  op = g_new0 (AipTokenStoreOperation, 1);
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

  _aip_token_store_arm_bound (task);

  /* In a Flatpak sandbox the Secret Service is out of reach and libsecret
   * goes through the Secret portal; the unlock step has nothing to do. */
  if (self->sandboxed)
    {
#if AIP_TOKEN_STORE_PORTAL_RETRY
      _aip_token_store_run_sandboxed (task);
#else
      _aip_token_store_run (task);
#endif
      return;
    }

  _aip_token_store_unlock_and_run (g_steal_pointer (&task));
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

    case PROP_PROMPT_TIMEOUT:
      g_value_set_uint (value, self->prompt_timeout);
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

    case PROP_PROMPT_TIMEOUT:
      aip_token_store_set_prompt_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_token_store_dispose (GObject *object)
{
  AipTokenStore *self = (AipTokenStore *)object;

  _aip_token_store_clear_prompt (self);

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
   * AipTokenStore:prompt-timeout:
   *
   * How many seconds an operation waits for a person to answer the
   * keyring's unlock prompt before it fails with
   * %AIP_TOKEN_STORE_ERROR_LOCKED, 0 for as long as they like. The prompt
   * stays up for them either way.
   */
  properties[PROP_PROMPT_TIMEOUT] =
    g_param_spec_uint ("prompt-timeout", NULL, NULL,
                       0, 24 * 3600, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AipTokenStore:prompting:
   *
   * Whether an operation waits for the person to answer the keyring's
   * unlock prompt. Cancelling the operation's cancellable stops the
   * waiting; the prompt stays for the person to close.
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

/* Called by aip-token-store-unlock.c when the first operation starts or the
 * last one stops waiting for the prompt */
void
_aip_token_store_notify_prompting (AipTokenStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTING]);
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
      { AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * aip_token_store_free_token:
 * @token: (nullable) (transfer full): a token from
 *   aip_token_store_lookup_finish()
 *
 * Wipes @token from memory and frees it.
 */
void
aip_token_store_free_token (char *token)
{
  /* Wipes it too, and frees the memory libsecret keeps out of swap. */
  secret_password_free (token);
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

guint
aip_token_store_get_prompt_timeout (AipTokenStore *self)
{
  g_return_val_if_fail (AIP_IS_TOKEN_STORE (self), 0);

  return self->prompt_timeout;
}

/**
 * aip_token_store_set_prompt_timeout:
 * @self: a token store
 * @seconds: the longest wait for a person to answer the unlock prompt, for
 *   prompts that come up from now on; 0 for no bound
 */
void
aip_token_store_set_prompt_timeout (AipTokenStore *self,
                                    guint          seconds)
{
  g_return_if_fail (AIP_IS_TOKEN_STORE (self));

  if (self->prompt_timeout == seconds)
    return;

  self->prompt_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPT_TIMEOUT]);
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

  start_operation (self, AIP_TOKEN_STORE_LOOKUP, base_url, NULL,
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
 *   aip_token_store_free_token()
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

  start_operation (self, AIP_TOKEN_STORE_STORE, base_url, token,
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

  start_operation (self, AIP_TOKEN_STORE_CLEAR, base_url, NULL,
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
