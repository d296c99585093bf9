/* aip-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-account.h"
#include "aip-assistant-list.h"
#include "aip-base-url.h"
#include "aip-cache.h"
#include "aip-enums.h"

#include <libsecret/secret.h>

/* Releasing 100,000 replaced assistants at once would stall the window for
 * a frame or more; they go in slices from idle instead. */
#define RELEASE_CHUNK 5000

struct _AipAccount
{
  GObject          parent_instance;

  AipTokenStore   *token_store;
  AipClient       *client;
  char            *base_url;
  char            *host;
  char            *token;
  AipAssistantList *assistants;
  GDateTime       *updated_at;
  GError          *error;
  GCancellable    *refresh_cancellable;
  /* The comparison of a fetched list with the seen one */
  GCancellable    *changes_cancellable;
  GPtrArray       *to_release;
  AipCache        *cache;
  GCancellable    *cache_cancellable;
  AipChanges      *changes;
  guint            release_source;
  AipAccountState  state;
  guint            n_skipped;
  guint            retry_after;
  guint            sample : 1;
  guint            use_offline_copy : 1;
  guint            offline_copy : 1;
  guint            offline_copy_tried : 1;
};

G_DEFINE_FINAL_TYPE (AipAccount, aip_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_HOST,
  PROP_STATE,
  PROP_REFRESHING,
  PROP_SAMPLE,
  PROP_HAS_TOKEN,
  PROP_ASSISTANTS,
  PROP_UPDATED_AT,
  PROP_ERROR,
  PROP_N_SKIPPED,
  PROP_OFFLINE_COPY,
  PROP_CHANGES,
  N_PROPS
};

enum {
  RESPONSE_RECEIVED,
  CHANGES_FOUND,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_state (AipAccount      *self,
           AipAccountState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static void
set_error (AipAccount   *self,
           const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
}

static gboolean
release_chunk_cb (gpointer user_data)
{
  AipAccount *self = user_data;
  guint n = MIN (self->to_release->len, RELEASE_CHUNK);

  g_ptr_array_remove_range (self->to_release, self->to_release->len - n, n);

  if (self->to_release->len > 0)
    return G_SOURCE_CONTINUE;

  self->release_source = 0;
  return G_SOURCE_REMOVE;
}

static void
replace_assistants (AipAccount *self,
                    GPtrArray  *assistants)
{
  g_autoptr(GPtrArray) old = aip_assistant_list_replace (self->assistants, assistants);

  if (old->len == 0)
    return;

  /* The list only dropped its references; the models above it may still
   * hold a few, the rest are freed from idle. */
  g_ptr_array_extend_and_steal (self->to_release, g_steal_pointer (&old));

  if (self->release_source == 0)
    self->release_source = g_idle_add_full (G_PRIORITY_LOW, release_chunk_cb, self, NULL);
}

static void
set_updated_at (AipAccount *self,
                GDateTime  *updated_at)
{
  if (self->updated_at == updated_at)
    return;

  g_clear_pointer (&self->updated_at, g_date_time_unref);
  if (updated_at != NULL)
    self->updated_at = g_date_time_ref (updated_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

static void
adopt_response (AipAccount  *self,
                AipResponse *response,
                GDateTime   *updated_at)
{
  g_object_freeze_notify (G_OBJECT (self));

  replace_assistants (self, aip_response_get_assistants (response));

  if (self->n_skipped != aip_response_get_n_skipped (response))
    {
      self->n_skipped = aip_response_get_n_skipped (response);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SKIPPED]);
    }

  set_updated_at (self, updated_at);
  set_error (self, NULL);
  self->retry_after = 0;
  set_state (self, AIP_ACCOUNT_STATE_READY);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_offline_copy (AipAccount *self,
                  gboolean    offline_copy)
{
  if (self->offline_copy == !!offline_copy)
    return;

  self->offline_copy = !!offline_copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OFFLINE_COPY]);
}

static void
cache_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Only the next start is poorer for it: nothing to tell the person. */
  if (!aip_cache_write_finish (AIP_CACHE (object), result, &error))
    g_debug ("Could not write the offline copy: %s", error->message);
}

static void
changes_updated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  AipAccount *self;

  /* Cancelled when the account goes or signs out: self may be gone. */
  if (!aip_changes_update_finish (AIP_CHANGES (object), result, &error))
    return;

  self = AIP_ACCOUNT (user_data);
  g_signal_emit (self, signals [CHANGES_FOUND], 0);
}

static void
cancel_changes (AipAccount *self)
{
  if (self->changes_cancellable != NULL)
    g_cancellable_cancel (self->changes_cancellable);
  g_clear_object (&self->changes_cancellable);
}

/* Everything that follows a good answer from the server, for a refresh and
 * for a sign-in alike. */
static void
adopt_fetched (AipAccount  *self,
               AipResponse *response)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_object_freeze_notify (G_OBJECT (self));
  adopt_response (self, response, now);
  set_offline_copy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->use_offline_copy && self->cache != NULL)
    aip_cache_write_async (self->cache, aip_response_get_body (response),
                           self->cache_cancellable, cache_written_cb, NULL);

  /* Comparing 100,000 assistants takes longer than a frame */
  cancel_changes (self);
  self->changes_cancellable = g_cancellable_new ();
  aip_changes_update_async (self->changes, aip_response_get_assistants (response),
                            self->changes_cancellable, changes_updated_cb, self);

  g_signal_emit (self, signals [RESPONSE_RECEIVED], 0, response);
}

static void
cache_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AipAccount) self = user_data;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) error = NULL;

  response = aip_cache_read_finish (AIP_CACHE (object), result, &modified, &error);

  if (response == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Ignoring the offline copy: %s", error->message);
      return;
    }

  /* The server answered first, or the person moved on: the copy is old. */
  if (AIP_CACHE (object) != self->cache || self->sample || self->token == NULL ||
      self->state == AIP_ACCOUNT_STATE_READY)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  adopt_response (self, response, modified);
  set_offline_copy (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  /* What the person saw last time is what today's changes are against. */
  if (!aip_changes_get_has_baseline (self->changes))
    aip_changes_set_baseline (self->changes, G_LIST_MODEL (self->assistants));
}

static void
cancel_refresh (AipAccount *self)
{
  if (self->refresh_cancellable == NULL)
    return;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
}

static void
forget_data (AipAccount *self)
{
  g_object_freeze_notify (G_OBJECT (self));

  cancel_refresh (self);
  cancel_changes (self);
  replace_assistants (self, NULL);
  set_updated_at (self, NULL);
  set_error (self, NULL);
  set_offline_copy (self, FALSE);
  aip_changes_clear (self->changes);
  self->offline_copy_tried = FALSE;

  if (self->n_skipped != 0)
    {
      self->n_skipped = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SKIPPED]);
    }

  if (self->sample)
    {
      self->sample = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAMPLE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
forget_token (AipAccount *self)
{
  if (self->token == NULL)
    return;

  /* The token is a company's key: leave no copy in freed memory. */
  memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_TOKEN]);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AipClient *client = AIP_CLIENT (object);
  g_autoptr(AipAccount) self = user_data;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  guint retry_after = 0;

  response = aip_client_fetch_outbound_finish (client, result, &retry_after, &error);

  /* A newer base URL, token or sign-in took over: this answer is stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || client != self->client)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_clear_object (&self->refresh_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);

  if (response != NULL)
    {
      adopt_fetched (self, response);
    }
  else
    {
      /* What is on screen stays: only the error and the state change. */
      self->retry_after = retry_after;
      set_error (self, error);
      set_state (self, AIP_ACCOUNT_STATE_ERROR);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
aip_account_dispose (GObject *object)
{
  AipAccount *self = (AipAccount *)object;

  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  cancel_changes (self);
  g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  g_clear_object (&self->cache);
  g_clear_object (&self->changes);
  g_clear_handle_id (&self->release_source, g_source_remove);
  g_clear_pointer (&self->to_release, g_ptr_array_unref);
  g_clear_object (&self->assistants);
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
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_error (&self->error);

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
      g_value_set_enum (value, self->state);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, aip_account_get_refreshing (self));
      break;

    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;

    case PROP_HAS_TOKEN:
      g_value_set_boolean (value, self->token != NULL);
      break;

    case PROP_ASSISTANTS:
      g_value_set_object (value, self->assistants);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_N_SKIPPED:
      g_value_set_uint (value, self->n_skipped);
      break;

    case PROP_OFFLINE_COPY:
      g_value_set_boolean (value, self->offline_copy);
      break;

    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
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
  properties [PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_TOKEN] =
    g_param_spec_boolean ("has-token", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ASSISTANTS] =
    g_param_spec_object ("assistants", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_SKIPPED] =
    g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OFFLINE_COPY] =
    g_param_spec_boolean ("offline-copy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CHANGES] =
    g_param_spec_object ("changes", NULL, NULL, AIP_TYPE_CHANGES,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AipAccount::changes-found:
   * @self: the account
   *
   * Emitted after a fetch found changes that were not there before, the
   * moment to tell the person.
   */
  signals [CHANGES_FOUND] =
    g_signal_new ("changes-found",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AipAccount::response-received:
   * @self: the account
   * @response: the response just adopted
   *
   * Emitted after a fetch from the server replaced the assistants, so that
   * the offline copy and the change list can follow.
   */
  signals [RESPONSE_RECEIVED] =
    g_signal_new ("response-received",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AIP_TYPE_RESPONSE);
}

static void
aip_account_init (AipAccount *self)
{
  self->assistants = aip_assistant_list_new ();
  self->to_release = g_ptr_array_new_with_free_func (g_object_unref);
  self->state = AIP_ACCOUNT_STATE_SIGNED_OUT;
  self->changes = aip_changes_new ();
  self->cache_cancellable = g_cancellable_new ();
  self->use_offline_copy = TRUE;
}

/**
 * aip_account_new:
 * @token_store: where tokens are kept
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

  g_return_val_if_fail (AIP_IS_TOKEN_STORE (token_store), NULL);

  self = g_object_new (AIP_TYPE_ACCOUNT, NULL);
  self->token_store = g_object_ref (token_store);

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

  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (base_url != NULL, FALSE);

  if (!(normalized = aip_base_url_normalize (base_url, error)))
    return FALSE;

  if (g_strcmp0 (normalized, self->base_url) == 0)
    return TRUE;

  if (!(client = aip_client_new (normalized, error)))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  forget_data (self);
  forget_token (self);
  g_set_object (&self->client, client);

  g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  self->cache_cancellable = g_cancellable_new ();
  g_clear_object (&self->cache);
  self->cache = aip_cache_new (normalized);

  g_free (self->base_url);
  self->base_url = g_steal_pointer (&normalized);
  g_free (self->host);
  self->host = aip_base_url_get_host (self->base_url);

  set_state (self, AIP_ACCOUNT_STATE_SIGNED_OUT);

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

/**
 * aip_account_get_token_store:
 * @self: a #AipAccount
 *
 * Returns: (transfer none): the store the account keeps its token in
 */
AipTokenStore *
aip_account_get_token_store (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->token_store;
}

/**
 * aip_account_get_client:
 * @self: a #AipAccount
 *
 * Returns: (transfer none) (nullable): the client for the base URL
 */
AipClient *
aip_account_get_client (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->client;
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

  cancel_refresh (self);
  forget_token (self);

  if (token != NULL && token[0] != '\0')
    {
      self->token = g_strdup (token);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_TOKEN]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

AipAccountState
aip_account_get_state (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), AIP_ACCOUNT_STATE_SIGNED_OUT);

  return self->state;
}

gboolean
aip_account_get_refreshing (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return self->refresh_cancellable != NULL;
}

gboolean
aip_account_get_sample (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return self->sample;
}

/**
 * aip_account_get_assistants:
 * @self: a #AipAccount
 *
 * Returns: (transfer none): a #GListModel of #AipAssistant, replaced in one
 *   change by each refresh
 */
GListModel *
aip_account_get_assistants (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return G_LIST_MODEL (self->assistants);
}

/**
 * aip_account_get_updated_at:
 * @self: a #AipAccount
 *
 * Returns: (transfer none) (nullable): when the shown data was fetched
 */
GDateTime *
aip_account_get_updated_at (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->updated_at;
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

  return self->error;
}

guint
aip_account_get_n_skipped (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), 0);

  return self->n_skipped;
}

/**
 * aip_account_get_retry_after:
 * @self: a #AipAccount
 *
 * Returns: the seconds the server asked to wait after a 429, or 0
 */
guint
aip_account_get_retry_after (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), 0);

  return self->retry_after;
}

/**
 * aip_account_refresh:
 * @self: a #AipAccount
 *
 * Fetches the assistants again. Does nothing while a refresh runs, without
 * a token, or for the sample data, which never sends a request.
 */
void
aip_account_refresh (AipAccount *self)
{
  g_return_if_fail (AIP_IS_ACCOUNT (self));

  if (self->refresh_cancellable != NULL || self->token == NULL ||
      self->client == NULL || self->sample)
    return;

  self->refresh_cancellable = g_cancellable_new ();

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
  if (self->state == AIP_ACCOUNT_STATE_SIGNED_OUT)
    set_state (self, AIP_ACCOUNT_STATE_LOADING);
  g_object_thaw_notify (G_OBJECT (self));

  /* The first refresh shows the offline copy while the server is asked. */
  if (self->use_offline_copy && !self->offline_copy_tried && self->cache != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->assistants)) == 0)
    {
      self->offline_copy_tried = TRUE;
      aip_cache_read_async (self->cache, self->cache_cancellable, cache_read_cb, g_object_ref (self));
    }

  aip_client_fetch_outbound_async (self->client,
                                   self->token,
                                   self->refresh_cancellable,
                                   refresh_cb,
                                   g_object_ref (self));
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
 * @callback: called when the keyring answered
 * @user_data: data for @callback
 *
 * Looks up the stored token for the base URL and uses it when there is one.
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
 * Returns: %TRUE if a token was found and is now used; %FALSE with @error
 *   unset if none is stored
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
  if (sign_in->token != NULL)
    memset (sign_in->token, 0, strlen (sign_in->token));
  g_clear_pointer (&sign_in->token, g_free);
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
      self->sample = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAMPLE]);
    }
  adopt_fetched (self, sign_in->response);
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
 * @token: the API token the person typed
 * @save: whether to store @token in the keyring once the server accepts it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches the assistants with @token; only if the server accepts it is the
 * token stored (when @save) and used, and the data shown. On any error
 * nothing changes.
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

  cancel_refresh (self);

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
  g_autoptr(GError) error = NULL;

  if (!aip_cache_delete_finish (AIP_CACHE (object), result, &error))
    g_debug ("Could not delete the offline copy: %s", error->message);

  g_object_freeze_notify (G_OBJECT (self));
  forget_data (self);
  forget_token (self);
  set_state (self, AIP_ACCOUNT_STATE_SIGNED_OUT);
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

  /* A write of the copy still under way must not bring it back. */
  g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  self->cache_cancellable = g_cancellable_new ();

  aip_cache_delete_async (self->cache, g_task_get_cancellable (task),
                          sign_out_deleted_cb, g_object_ref (task));
}

/**
 * aip_account_sign_out_async:
 * @self: a #AipAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes the stored token of the base URL and its offline copy, then
 * forgets the token and the data. If the keyring cannot remove it, nothing is forgotten, so that the
 * person is never told they are signed out while the token stays stored.
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
  cancel_refresh (self);
  forget_token (self);
  if (!self->sample)
    {
      self->sample = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAMPLE]);
    }
  adopt_response (self, response, NULL);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

/**
 * aip_account_load_sample_async:
 * @self: a #AipAccount
 * @body: a response body to show as sample data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Shows @body as read-only sample data: the token is forgotten and no
 * request is sent while the sample is shown.
 */
void
aip_account_load_sample_async (AipAccount          *self,
                               GBytes              *body,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_ACCOUNT (self));
  g_return_if_fail (body != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_account_load_sample_async);

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
 * aip_account_set_use_offline_copy:
 * @self: a #AipAccount
 * @use_offline_copy: whether to read and write the offline copy
 *
 * The window keeps an offline copy of the last good answer; a one-shot
 * command line run neither needs nor should leave one behind.
 */
void
aip_account_set_use_offline_copy (AipAccount *self,
                                  gboolean    use_offline_copy)
{
  g_return_if_fail (AIP_IS_ACCOUNT (self));

  self->use_offline_copy = !!use_offline_copy;
}

/**
 * aip_account_get_offline_copy:
 * @self: a #AipAccount
 *
 * Returns: %TRUE while the data shown is the offline copy of an earlier run
 */
gboolean
aip_account_get_offline_copy (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), FALSE);

  return self->offline_copy;
}

/**
 * aip_account_get_changes:
 * @self: a #AipAccount
 *
 * Returns: (transfer none): what changed since the person last marked the
 *   list as seen
 */
AipChanges *
aip_account_get_changes (AipAccount *self)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (self), NULL);

  return self->changes;
}
