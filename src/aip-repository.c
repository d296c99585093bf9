/* aip-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-assistant-list.h"
#include "aip-cache.h"
#include "aip-client.h"
#include "aip-enums.h"
#include "aip-repository.h"

/* Releasing 100,000 replaced assistants at once would stall the window for
 * a frame or more; they go in slices from idle instead. */
#define RELEASE_CHUNK 5000

/* The assistants of one server as this computer knows them: the list, when
 * it was fetched, the last error, the offline copy on disk and what changed
 * since the person last looked. Which server and which token is the
 * account's business; a refresh is given both. */
struct _AipRepository
{
  GObject             parent_instance;

  AipAssistantList   *assistants;
  GDateTime          *updated_at;
  GError             *error;
  AipCache           *cache;
  AipChanges         *changes;
  GCancellable       *refresh_cancellable;
  GCancellable       *changes_cancellable;
  /* Reads and writes of the offline copy; a new server or a sign-out
   * cancels them, so that an old copy never comes back. */
  GCancellable       *cache_cancellable;
  GPtrArray          *to_release;
  guint               release_source;
  AipRepositoryState  state;
  guint               n_skipped;
  guint               retry_after;
  guint               use_offline_copy : 1;
  guint               offline_copy : 1;
  guint               offline_copy_tried : 1;
};

G_DEFINE_FINAL_TYPE (AipRepository, aip_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSISTANTS,
  PROP_STATE,
  PROP_REFRESHING,
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
set_state (AipRepository      *self,
           AipRepositoryState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static void
set_error (AipRepository *self,
           const GError  *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
}

static void
set_n_skipped (AipRepository *self,
               guint          n_skipped)
{
  if (self->n_skipped == n_skipped)
    return;

  self->n_skipped = n_skipped;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SKIPPED]);
}

static void
set_offline_copy (AipRepository *self,
                  gboolean       offline_copy)
{
  if (self->offline_copy == !!offline_copy)
    return;

  self->offline_copy = !!offline_copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OFFLINE_COPY]);
}

static void
set_updated_at (AipRepository *self,
                GDateTime     *updated_at)
{
  if (self->updated_at == updated_at)
    return;

  g_clear_pointer (&self->updated_at, g_date_time_unref);
  if (updated_at != NULL)
    self->updated_at = g_date_time_ref (updated_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

static gboolean
release_chunk_cb (gpointer user_data)
{
  AipRepository *self = user_data;
  guint n = MIN (self->to_release->len, RELEASE_CHUNK);

  g_ptr_array_remove_range (self->to_release, self->to_release->len - n, n);

  if (self->to_release->len > 0)
    return G_SOURCE_CONTINUE;

  self->release_source = 0;
  return G_SOURCE_REMOVE;
}

static void
replace_assistants (AipRepository *self,
                    GPtrArray     *assistants)
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
adopt_response (AipRepository *self,
                AipResponse   *response,
                GDateTime     *updated_at)
{
  replace_assistants (self, aip_response_get_assistants (response));
  set_n_skipped (self, aip_response_get_n_skipped (response));
  set_updated_at (self, updated_at);
}

static void
cancel_changes (AipRepository *self)
{
  g_cancellable_cancel (self->changes_cancellable);
  g_clear_object (&self->changes_cancellable);
}

static void
cancel_cache (AipRepository *self)
{
  g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  self->cache_cancellable = g_cancellable_new ();
}

static void
changes_updated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Cancelled when the repository goes or is reset: user_data may be gone. */
  if (!aip_changes_update_finish (AIP_CHANGES (object), result, &error))
    return;

  g_signal_emit (AIP_REPOSITORY (user_data), signals [CHANGES_FOUND], 0);
}

static void
cache_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Only the next start is poorer for it: nothing to tell the person. */
  if (!aip_cache_write_finish (AIP_CACHE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not write the offline copy: %s", error->message);
}

static void
cache_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AipRepository) self = user_data;
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

  /* The server answered first: the copy is older than what is shown. */
  if (AIP_CACHE (object) != self->cache || self->state == AIP_REPOSITORY_STATE_READY)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  adopt_response (self, response, modified);
  set_offline_copy (self, TRUE);
  /* A refresh that already failed keeps its error and state, so that a
   * rejected token still gets its banner over the copy. */
  if (self->state != AIP_REPOSITORY_STATE_ERROR)
    set_state (self, AIP_REPOSITORY_STATE_READY);
  g_object_thaw_notify (G_OBJECT (self));

  /* What the person saw last time is what today's changes are against. */
  if (!aip_changes_get_has_baseline (self->changes))
    aip_changes_set_baseline (self->changes, G_LIST_MODEL (self->assistants));
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipRepository *self = g_task_get_source_object (task);
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  guint retry_after = 0;

  response = aip_client_fetch_outbound_finish (AIP_CLIENT (object), result, &retry_after, &error);

  /* The task only carries the repository and the fetch's cancellable */
  g_task_return_boolean (task, TRUE);

  /* A reset, a new token or a sign-in took over: this answer is stale. */
  if (g_task_get_cancellable (task) != self->refresh_cancellable)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_clear_object (&self->refresh_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);

  if (response != NULL)
    aip_repository_adopt_fetched (self, response);
  else
    {
      /* What is on screen stays: only the error and the state change. */
      self->retry_after = retry_after;
      set_error (self, error);
      set_state (self, AIP_REPOSITORY_STATE_ERROR);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
aip_repository_dispose (GObject *object)
{
  AipRepository *self = (AipRepository *)object;

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

  G_OBJECT_CLASS (aip_repository_parent_class)->dispose (object);
}

static void
aip_repository_finalize (GObject *object)
{
  AipRepository *self = (AipRepository *)object;

  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (aip_repository_parent_class)->finalize (object);
}

static void
aip_repository_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AipRepository *self = AIP_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_ASSISTANTS:
      g_value_set_object (value, self->assistants);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refresh_cancellable != NULL);
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
aip_repository_class_init (AipRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aip_repository_dispose;
  object_class->finalize = aip_repository_finalize;
  object_class->get_property = aip_repository_get_property;

  properties [PROP_ASSISTANTS] =
    g_param_spec_object ("assistants", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       AIP_TYPE_REPOSITORY_STATE, AIP_REPOSITORY_STATE_EMPTY,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
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
   * AipRepository::changes-found:
   * @self: the repository
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
   * AipRepository::response-received:
   * @self: the repository
   * @response: the response just adopted
   *
   * Emitted after a fetch from the server replaced the assistants.
   */
  signals [RESPONSE_RECEIVED] =
    g_signal_new ("response-received",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AIP_TYPE_RESPONSE);
}

static void
aip_repository_init (AipRepository *self)
{
  self->assistants = aip_assistant_list_new ();
  self->to_release = g_ptr_array_new_with_free_func (g_object_unref);
  self->changes = aip_changes_new ();
  self->cache_cancellable = g_cancellable_new ();
  self->use_offline_copy = TRUE;
}

/**
 * aip_repository_new:
 *
 * Returns: (transfer full): an empty #AipRepository without an offline copy
 */
AipRepository *
aip_repository_new (void)
{
  return g_object_new (AIP_TYPE_REPOSITORY, NULL);
}

/**
 * aip_repository_reset:
 * @self: a #AipRepository
 * @cache: (nullable): the offline copy of the server to show next
 *
 * Forgets every assistant, error, change and the time, cancels what is
 * under way, and keeps the offline copy in @cache from now on.
 */
void
aip_repository_reset (AipRepository *self,
                      AipCache      *cache)
{
  g_return_if_fail (AIP_IS_REPOSITORY (self));
  g_return_if_fail (cache == NULL || AIP_IS_CACHE (cache));

  g_object_freeze_notify (G_OBJECT (self));

  aip_repository_cancel_refresh (self);
  cancel_changes (self);
  cancel_cache (self);
  g_set_object (&self->cache, cache);
  replace_assistants (self, NULL);
  set_updated_at (self, NULL);
  set_error (self, NULL);
  set_n_skipped (self, 0);
  set_offline_copy (self, FALSE);
  aip_changes_clear (self->changes);
  self->offline_copy_tried = FALSE;
  self->retry_after = 0;
  set_state (self, AIP_REPOSITORY_STATE_EMPTY);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * aip_repository_set_use_offline_copy:
 * @self: a #AipRepository
 * @use_offline_copy: whether to read and write the offline copy
 *
 * The command line shows what the server says now, never a copy.
 */
void
aip_repository_set_use_offline_copy (AipRepository *self,
                                     gboolean       use_offline_copy)
{
  g_return_if_fail (AIP_IS_REPOSITORY (self));

  self->use_offline_copy = !!use_offline_copy;
}

/**
 * aip_repository_refresh:
 * @self: a #AipRepository
 * @client: the client of the server
 * @token: the token to send
 *
 * Fetches the assistants, unless a fetch is under way. The first refresh
 * after a reset shows the offline copy while the server is asked.
 */
void
aip_repository_refresh (AipRepository *self,
                        AipClient     *client,
                        const char    *token)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_REPOSITORY (self));
  g_return_if_fail (AIP_IS_CLIENT (client));
  g_return_if_fail (token != NULL);

  if (self->refresh_cancellable != NULL)
    return;

  self->refresh_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->refresh_cancellable, NULL, NULL);
  g_task_set_source_tag (task, aip_repository_refresh);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
  if (self->state == AIP_REPOSITORY_STATE_EMPTY)
    set_state (self, AIP_REPOSITORY_STATE_LOADING);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->use_offline_copy && !self->offline_copy_tried && self->cache != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->assistants)) == 0)
    {
      self->offline_copy_tried = TRUE;
      aip_cache_read_async (self->cache, self->cache_cancellable, cache_read_cb, g_object_ref (self));
    }

  aip_client_fetch_outbound_async (client, token, self->refresh_cancellable,
                                   refresh_cb, g_steal_pointer (&task));
}

/**
 * aip_repository_cancel_refresh:
 * @self: a #AipRepository
 *
 * Stops the fetch under way, if any; what is shown stays.
 */
void
aip_repository_cancel_refresh (AipRepository *self)
{
  g_return_if_fail (AIP_IS_REPOSITORY (self));

  if (self->refresh_cancellable == NULL)
    return;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REFRESHING]);
}

/**
 * aip_repository_adopt_fetched:
 * @self: a #AipRepository
 * @response: what the server answered just now
 *
 * Shows @response, keeps it as the offline copy and compares it with the
 * list last seen: everything that follows a good answer, for a refresh and
 * for a sign-in alike.
 */
void
aip_repository_adopt_fetched (AipRepository *self,
                              AipResponse   *response)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (AIP_IS_REPOSITORY (self));
  g_return_if_fail (AIP_IS_RESPONSE (response));

  g_object_freeze_notify (G_OBJECT (self));
  adopt_response (self, response, now);
  set_offline_copy (self, FALSE);
  set_error (self, NULL);
  self->retry_after = 0;
  set_state (self, AIP_REPOSITORY_STATE_READY);
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

/**
 * aip_repository_adopt_sample:
 * @self: a #AipRepository
 * @response: the sample data
 *
 * Shows @response as it is: no time, no offline copy, no changes.
 */
void
aip_repository_adopt_sample (AipRepository *self,
                             AipResponse   *response)
{
  g_return_if_fail (AIP_IS_REPOSITORY (self));
  g_return_if_fail (AIP_IS_RESPONSE (response));

  g_object_freeze_notify (G_OBJECT (self));
  aip_repository_reset (self, NULL);
  adopt_response (self, response, NULL);
  set_state (self, AIP_REPOSITORY_STATE_READY);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
cache_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!aip_cache_delete_finish (AIP_CACHE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * aip_repository_delete_offline_copy_async:
 * @self: a #AipRepository
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the copy is gone
 * @user_data: data for @callback
 *
 * Deletes the offline copy from the disk; a write still under way is
 * cancelled first, so that it cannot bring the copy back.
 */
void
aip_repository_delete_offline_copy_async (AipRepository       *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_repository_delete_offline_copy_async);

  cancel_cache (self);

  if (self->cache == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  aip_cache_delete_async (self->cache, cancellable, cache_deleted_cb, g_steal_pointer (&task));
}

gboolean
aip_repository_delete_offline_copy_finish (AipRepository  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * aip_repository_get_assistants:
 * @self: a #AipRepository
 *
 * Returns: (transfer none): the assistants, a #GListModel of
 *   #AipAssistant that stays the same object for the repository's life
 */
GListModel *
aip_repository_get_assistants (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->assistants);
}

AipRepositoryState
aip_repository_get_state (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), AIP_REPOSITORY_STATE_EMPTY);

  return self->state;
}

gboolean
aip_repository_get_refreshing (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), FALSE);

  return self->refresh_cancellable != NULL;
}

/**
 * aip_repository_get_updated_at:
 * @self: a #AipRepository
 *
 * Returns: (transfer none) (nullable): when the assistants shown were
 *   fetched
 */
GDateTime *
aip_repository_get_updated_at (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), NULL);

  return self->updated_at;
}

/**
 * aip_repository_get_error:
 * @self: a #AipRepository
 *
 * Returns: (transfer none) (nullable): why the last refresh failed
 */
const GError *
aip_repository_get_error (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), NULL);

  return self->error;
}

guint
aip_repository_get_n_skipped (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), 0);

  return self->n_skipped;
}

/**
 * aip_repository_get_retry_after:
 * @self: a #AipRepository
 *
 * Returns: the seconds the server asked to wait after the last failed
 *   refresh, or 0
 */
guint
aip_repository_get_retry_after (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), 0);

  return self->retry_after;
}

/**
 * aip_repository_get_offline_copy:
 * @self: a #AipRepository
 *
 * Returns: whether the assistants shown come from the offline copy
 */
gboolean
aip_repository_get_offline_copy (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), FALSE);

  return self->offline_copy;
}

/**
 * aip_repository_get_changes:
 * @self: a #AipRepository
 *
 * Returns: (transfer none): what changed since the person last looked
 */
AipChanges *
aip_repository_get_changes (AipRepository *self)
{
  g_return_val_if_fail (AIP_IS_REPOSITORY (self), NULL);

  return self->changes;
}
