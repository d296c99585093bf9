/* aip-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-account.h"
#include "aip-base-url.h"
#include "aip-cache.h"
#include "aip-client.h"
#include "aip-core-resources.h"
#include "aip-enums.h"
#include "aip-response.h"
#include "aip-token-store.h"

#define SAMPLE_RESOURCE AIP_RESOURCE_BASE "/sample-assistants.json"

/* The session with one server: its address, the token and where the token
 * is kept, signing in and out, and the sample data. The assistants
 * themselves are the repository's, which the account feeds. */
struct _AipAccount
{
  GObject          parent_instance;

  AipTokenStore   *token_store;
  AipClient       *client;
  AipRepository   *repository;
  char            *base_url;
  char            *host;
  char            *token;
  guint            sample : 1;
};

G_DEFINE_FINAL_TYPE (AipAccount, aip_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_HOST,
  PROP_STATE,
  PROP_SAMPLE,
  PROP_HAS_TOKEN,
  PROP_PROMPTING,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_sample (AipAccount *self,
            gboolean    sample)
{
  if (self->sample == !!sample)
    return;

  self->sample = !!sample;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAMPLE]);
}

static void
forget_token (AipAccount *self)
{
  if (self->token == NULL)
    return;

  /* The token is a company's key: leave no copy in freed memory. */
  g_clear_pointer (&self->token, aip_token_store_free_token);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_TOKEN]);
}

static void
forget_data (AipAccount *self,
             AipCache   *cache)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_sample (self, FALSE);
  aip_repository_reset (self->repository, cache);
  g_object_thaw_notify (G_OBJECT (self));
}

static AipCache *
new_cache (AipAccount *self)
{
  return self->base_url != NULL ? aip_cache_new (self->base_url) : NULL;
}

static void
repository_state_cb (AipAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static void
prompting_cb (AipAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROMPTING]);
}

static void
aip_account_dispose (GObject *object)
{
  AipAccount *self = (AipAccount *)object;

  g_clear_object (&self->repository);
  g_clear_object (&self->client);
  g_clear_object (&self->token_store);

  G_OBJECT_CLASS (aip_account_parent_class)->dispose (object);
}

static void
aip_account_finalize (GObject *object)
{
  AipAccount *self = (AipAccount *)object;

  forget_token (self);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (aip_account_parent_class)->finalize (object);
}

static void
aip_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AipAccount *self = AIP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_STATE:
      g_value_set_enum (value, aip_account_get_state (self));
      break;

    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;

    case PROP_HAS_TOKEN:
      g_value_set_boolean (value, self->token != NULL);
      break;

    case PROP_PROMPTING:
      g_value_set_boolean (value, aip_account_get_prompting (self));
      break;

    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_account_class_init (AipAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aip_account_dispose;
  object_class->finalize = aip_account_finalize;
  object_class->get_property = aip_account_get_property;

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       AIP_TYPE_ACCOUNT_STATE, AIP_ACCOUNT_STATE_SIGNED_OUT,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_TOKEN] =
    g_param_spec_boolean ("has-token", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipAccount:prompting:
   *
   * Whether the keyring asks the person to unlock it, for the account's
   * own lookup or store; the wait has no bound meanwhile.
   */
  properties [PROP_PROMPTING] =
    g_param_spec_boolean ("prompting", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AipAccount:repository:
   *
   * The assistants of the server, with their time, error, offline copy and
   * changes. The same object for the account's life.
   */
  properties [PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, AIP_TYPE_REPOSITORY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_account_init (AipAccount *self)
{
  self->repository = aip_repository_new ();
  g_signal_connect_object (self->repository, "notify::state",
                           G_CALLBACK (repository_state_cb), self, G_CONNECT_SWAPPED);
}

/**
 * aip_account_new:
 * @token_store: (nullable): where tokens are kept, or %NULL for the
 *   system's keyring
 *
 * Creates a signed-out account without a base URL; set one with
 * aip_account_set_base_url().
 *
 * Returns: (transfer full): a new #AipAccount
 */
AipAccount *
aip_account_new (AipTokenStore *token_store)
{
  AipAccount *self;

  g_return_val_if_fail (token_store == NULL || AIP_IS_TOKEN_STORE (token_store), NULL);

  self = g_object_new (AIP_TYPE_ACCOUNT, NULL);
  self->token_store = token_store != NULL ? g_object_ref (token_store) : aip_token_store_new ();
  g_signal_connect_object (self->token_store, "notify::prompting",
                           G_CALLBACK (prompting_cb), self, G_CONNECT_SWAPPED);

  return self;
}

const char *
aip_account_get_base_url (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->base_url;
}

/**
 * aip_account_set_base_url:
 * @self: a #AipAccount
 * @base_url: the platform's API base URL
 * @error: a location for a #GError
 *
 * Switches to another server. A different base URL signs out: the token
 * and the data of one server are never used with another.
 *
 * Returns: %TRUE if @base_url is acceptable
 */
gboolean
aip_account_set_base_url (AipAccount  *self,
                          const char  *base_url,
                          GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr(AipClient) client = NULL;
  g_autoptr(AipCache) cache = NULL;

  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (base_url != NULL, FALSE);

  if (!(normalized = aip_base_url_normalize (base_url, error)))
    return FALSE;

  if (g_strcmp0 (normalized, self->base_url) == 0)
    return TRUE;

  if (!(client = aip_client_new (normalized, error)))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  cache = aip_cache_new (normalized);
  forget_data (self, cache);
  forget_token (self);
  g_set_object (&self->client, client);

  g_free (self->base_url);
  self->base_url = g_steal_pointer (&normalized);
  g_free (self->host);
  self->host = aip_base_url_get_host (self->base_url);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BASE_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HOST]);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

const char *
aip_account_get_host (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->host;
}

gboolean
aip_account_get_prompting (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return self->token_store != NULL && aip_token_store_get_prompting (self->token_store);
}

gboolean
aip_account_has_token (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return self->token != NULL;
}

/**
 * aip_account_set_token:
 * @self: a #AipAccount
 * @token: (nullable): the API token, kept in memory only
 *
 * Uses @token for this run without storing it anywhere; a refresh in
 * flight for another token is cancelled.
 */
void
aip_account_set_token (AipAccount *self,
                       const char *token)
{
  g_return_if_fail (AIP_IS_ACCOUNT (self));

  if (g_strcmp0 (self->token, token) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  aip_repository_cancel_refresh (self->repository);
  forget_token (self);

  if (token != NULL && token[0] != '\0')
    {
      self->token = g_strdup (token);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_TOKEN]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * aip_account_get_state:
 * @self: a #AipAccount
 *
 * Returns: %AIP_ACCOUNT_STATE_SIGNED_OUT until the first fetch for the
 *   server starts, then the repository's state
 */
AipAccountState
aip_account_get_state (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), AIP_ACCOUNT_STATE_SIGNED_OUT);

  switch (aip_repository_get_state (self->repository))
    {
    case AIP_REPOSITORY_STATE_LOADING:
      return AIP_ACCOUNT_STATE_LOADING;
    case AIP_REPOSITORY_STATE_READY:
      return AIP_ACCOUNT_STATE_READY;
    case AIP_REPOSITORY_STATE_ERROR:
      return AIP_ACCOUNT_STATE_ERROR;
    case AIP_REPOSITORY_STATE_EMPTY:
    default:
      return AIP_ACCOUNT_STATE_SIGNED_OUT;
    }
}

gboolean
aip_account_get_sample (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return self->sample;
}

/**
 * aip_account_get_repository:
 * @self: a #AipAccount
 *
 * Returns: (transfer none): the assistants of the server and what is known
 *   of them
 */
AipRepository *
aip_account_get_repository (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->repository;
}

gboolean
aip_account_get_refreshing (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return aip_repository_get_refreshing (self->repository);
}

gboolean
aip_account_get_offline_copy (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return aip_repository_get_offline_copy (self->repository);
}

/**
 * aip_account_set_use_offline_copy:
 * @self: a #AipAccount
 * @use_offline_copy: whether to read and write the offline copy
 */
void
aip_account_set_use_offline_copy (AipAccount *self,
                                  gboolean    use_offline_copy)
{
  g_return_if_fail (AIP_IS_ACCOUNT (self));

  aip_repository_set_use_offline_copy (self->repository, use_offline_copy);
}

/**
 * aip_account_get_changes:
 * @self: a #AipAccount
 *
 * Returns: (transfer none): what changed since the person last looked
 */
AipChanges *
aip_account_get_changes (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return aip_repository_get_changes (self->repository);
}

/**
 * aip_account_get_assistants:
 * @self: a #AipAccount
 *
 * Returns: (transfer none): the assistants, a #GListModel of #AipAssistant
 */
GListModel *
aip_account_get_assistants (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return aip_repository_get_assistants (self->repository);
}

/**
 * aip_account_get_updated_at:
 * @self: a #AipAccount
 *
 * Returns: (transfer none) (nullable): when the assistants shown were fetched
 */
GDateTime *
aip_account_get_updated_at (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return aip_repository_get_updated_at (self->repository);
}

/**
 * aip_account_get_error:
 * @self: a #AipAccount
 *
 * Returns: (transfer none) (nullable): why the last refresh failed
 */
const GError *
aip_account_get_error (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return aip_repository_get_error (self->repository);
}

guint
aip_account_get_n_skipped (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), 0);

  return aip_repository_get_n_skipped (self->repository);
}

guint
aip_account_get_retry_after (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), 0);

  return aip_repository_get_retry_after (self->repository);
}

/**
 * aip_account_refresh:
 * @self: a #AipAccount
 *
 * Fetches the assistants with the account's token, unless a fetch is under
 * way or there is nothing to fetch with.
 */
void
aip_account_refresh (AipAccount *self)
{
  g_return_if_fail (AIP_IS_ACCOUNT (self));

  if (self->token == NULL || self->client == NULL || self->sample)
    return;

  aip_repository_refresh (self->repository, self->client, self->token);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipAccount *self = g_task_get_source_object (task);
  const char *base_url = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  token = aip_token_store_lookup_finish (AIP_TOKEN_STORE (object), result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The person switched servers meanwhile: this token is not for it. */
  if (g_strcmp0 (base_url, self->base_url) != 0)
    {
      aip_token_store_free_token (token);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The base URL changed during the lookup");
      return;
    }

  if (token != NULL)
    aip_account_set_token (self, token);

  g_task_return_boolean (task, token != NULL);
  aip_token_store_free_token (token);
}

/**
 * aip_account_load_token_async:
 * @self: a #AipAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up the token stored for the base URL and uses it if there is one.
 */
void
aip_account_load_token_async (AipAccount          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_ACCOUNT (self));
  g_return_if_fail (self->base_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_account_load_token_async);
  g_task_set_task_data (task, g_strdup (self->base_url), g_free);

  aip_token_store_lookup_async (self->token_store, self->base_url, cancellable,
                                lookup_cb, g_steal_pointer (&task));
}

/**
 * aip_account_load_token_finish:
 * @self: a #AipAccount
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if a stored token was found and is now used; %FALSE with
 *   no error if none is stored
 */
gboolean
aip_account_load_token_finish (AipAccount    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char        *base_url;
  char        *token;
  AipResponse *response;
  gboolean     save;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_clear_pointer (&sign_in->token, aip_token_store_free_token);
  g_clear_pointer (&sign_in->base_url, g_free);
  g_clear_object (&sign_in->response);
  g_free (sign_in);
}

static void
sign_in_complete (GTask *task)
{
  AipAccount *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);

  if (g_strcmp0 (sign_in->base_url, self->base_url) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The base URL changed during sign-in");
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  aip_account_set_token (self, sign_in->token);
  if (self->sample)
    {
      g_autoptr(AipCache) cache = new_cache (self);

      forget_data (self, cache);
    }
  aip_repository_adopt_fetched (self->repository, sign_in->response);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

static void
sign_in_store_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!aip_token_store_store_finish (AIP_TOKEN_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sign_in_complete (task);
}

static void
sign_in_fetch_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipAccount *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  sign_in->response = aip_client_fetch_outbound_finish (AIP_CLIENT (object), result, NULL, &error);

  if (sign_in->response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only a token the server accepted is stored. */
  if (sign_in->save)
    aip_token_store_store_async (self->token_store,
                                 sign_in->base_url,
                                 sign_in->token,
                                 g_task_get_cancellable (task),
                                 sign_in_store_cb,
                                 g_object_ref (task));
  else
    sign_in_complete (task);
}

/**
 * aip_account_sign_in_async:
 * @self: a #AipAccount
 * @token: the token the person typed
 * @save: whether to keep the token in the keyring once the server took it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Fetches the assistants with @token; if the server accepts it, stores it
 * (with @save) and shows what the server answered.
 */
void
aip_account_sign_in_async (AipAccount          *self,
                           const char          *token,
                           gboolean             save,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *trimmed = NULL;
  SignIn *sign_in;

  g_return_if_fail (AIP_IS_ACCOUNT (self));
  g_return_if_fail (token != NULL);
  g_return_if_fail (self->client != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_account_sign_in_async);

  /* Pasted tokens often carry a newline or spaces around them. */
  trimmed = g_strstrip (g_strdup (token));
  if (trimmed[0] == '\0')
    {
      g_task_return_new_error (task, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED,
                               "%s", _("Enter the API token"));
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->base_url = g_strdup (self->base_url);
  sign_in->token = g_steal_pointer (&trimmed);
  sign_in->save = save;
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);

  aip_repository_cancel_refresh (self->repository);

  aip_client_fetch_outbound_async (self->client,
                                   sign_in->token,
                                   cancellable,
                                   sign_in_fetch_cb,
                                   g_steal_pointer (&task));
}

gboolean
aip_account_sign_in_finish (AipAccount    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sign_out_deleted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipAccount *self = g_task_get_source_object (task);
  g_autoptr(AipCache) cache = NULL;
  g_autoptr(GError) error = NULL;

  if (!aip_repository_delete_offline_copy_finish (AIP_REPOSITORY (object), result, &error))
    g_debug ("Could not delete the offline copy: %s", error->message);

  cache = new_cache (self);
  g_object_freeze_notify (G_OBJECT (self));
  forget_data (self, cache);
  forget_token (self);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!aip_token_store_clear_finish (AIP_TOKEN_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  aip_repository_delete_offline_copy_async (self->repository, g_task_get_cancellable (task),
                                            sign_out_deleted_cb, g_object_ref (task));
}

/**
 * aip_account_sign_out_async:
 * @self: a #AipAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Removes the token from the keyring and the offline copy from the disk,
 * and forgets the assistants.
 */
void
aip_account_sign_out_async (AipAccount          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_ACCOUNT (self));
  g_return_if_fail (self->base_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_account_sign_out_async);

  aip_token_store_clear_async (self->token_store, self->base_url, cancellable,
                               sign_out_cb, g_steal_pointer (&task));
}

gboolean
aip_account_sign_out_finish (AipAccount    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sample_parsed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipAccount *self = g_task_get_source_object (task);
  g_autoptr(AipResponse) response = NULL;
  GError *error = NULL;

  if (!(response = aip_response_new_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  forget_token (self);
  aip_repository_adopt_sample (self->repository, response);
  set_sample (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

/**
 * aip_account_load_sample_async:
 * @self: a #AipAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Shows the sample assistants that come with the application instead of
 * an account's; never a request, never a token.
 */
void
aip_account_load_sample_async (AipAccount          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AIP_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_account_load_sample_async);

  body = g_resource_lookup_data (aip_core_get_resource (), SAMPLE_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (body == NULL)
    {
      /* Only a broken build lacks the resource. */
      g_debug ("No sample data: %s", error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("The sample data is missing from this installation"));
      return;
    }

  aip_repository_cancel_refresh (self->repository);
  aip_response_new_async (body, cancellable, sample_parsed_cb, g_steal_pointer (&task));
}

gboolean
aip_account_load_sample_finish (AipAccount    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * aip_account_error_kind:
 * @error: (nullable): an error from the account or its repository
 *
 * Returns: what a person can do about @error
 */
AipErrorKind
aip_account_error_kind (const GError *error)
{
  if (error == NULL)
    return AIP_ERROR_KIND_OTHER;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return AIP_ERROR_KIND_CANCELLED;

  if (g_error_matches (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_FORBIDDEN))
    return AIP_ERROR_KIND_SIGN_IN;

  if (g_error_matches (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_LOCKED))
    return AIP_ERROR_KIND_KEYRING_LOCKED;

  if (error->domain == AIP_TOKEN_STORE_ERROR)
    return AIP_ERROR_KIND_KEYRING_UNAVAILABLE;

  return AIP_ERROR_KIND_OTHER;
}
