/* aip-token-store-portal.c: the Secret portal with libsecret before 0.21.4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-token-store-private.h"

/* Built only against libsecret older than 0.21.4 (Debian 12 has 0.20.5),
 * which listens for the Secret portal's reply only once its own call has
 * returned: a reply that comes first is lost, and the request waits
 * forever. From the main thread, busy drawing the first frames of the
 * window, that reply was missed now and then with build-aux/flatpak-check.
 * Here libsecret runs in a worker thread, on a main context of its own that
 * nothing else keeps busy, and a request unanswered for
 * PORTAL_ATTEMPT_SECONDS is made again, within the operation's own bound.
 * libsecret 0.21.4 subscribes before it asks (commit 311ca72); the GNOME 51
 * runtime has 0.21.8, and there the plain calls are used. */

#define PORTAL_ATTEMPT_SECONDS 3
#define PORTAL_ATTEMPTS 3

/* What a worker thread needs of an operation, its own copy: a thread that
 * libsecret keeps waiting may outlive the operation. */
typedef struct
{
  AipTokenStoreOperationKind  kind;
  char                       *base_url;
  char                       *token;
} Request;

static void
request_free (Request *request)
{
  g_free (request->base_url);
  g_clear_pointer (&request->token, aip_token_store_free_token);
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
    case AIP_TOKEN_STORE_LOOKUP:
      {
        char *token = secret_password_lookup_sync (schema, cancellable, &error,
                                                   AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, op->base_url,
                                                   NULL);
        if (error != NULL)
          g_task_return_error (inner, error);
        else
          g_task_return_pointer (inner, token, (GDestroyNotify) aip_token_store_free_token);
      }
      break;

    case AIP_TOKEN_STORE_STORE:
      {
        g_autofree char *label = _aip_token_store_make_label (op->base_url);

        if (secret_password_store_sync (schema, SECRET_COLLECTION_DEFAULT, label, op->token,
                                        cancellable, &error,
                                        AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, op->base_url,
                                        NULL))
          g_task_return_boolean (inner, TRUE);
        else
          g_task_return_error (inner, error);
      }
      break;

    case AIP_TOKEN_STORE_CLEAR:
      /* FALSE without an error only says that nothing was stored. */
      secret_password_clear_sync (schema, cancellable, &error,
                                  AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE, op->base_url,
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

static void
sandboxed_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  gboolean current = g_task_get_cancellable (G_TASK (result)) == op->attempt;
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  if (op->kind == AIP_TOKEN_STORE_LOOKUP)
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
          _aip_token_store_run_sandboxed (task);
          return;
        }
    }

  _aip_token_store_complete (task, error, token);
}

static gboolean
attempt_expired_cb (gpointer user_data)
{
  GTask *task = user_data;
  AipTokenStoreOperation *op = g_task_get_task_data (task);

  g_debug ("The Secret portal did not answer within %u seconds; asking again", PORTAL_ATTEMPT_SECONDS);
  g_clear_pointer (&op->attempt_bound, g_source_unref);
  /* The waiting request returns at once; its thread is left to libsecret */
  g_cancellable_cancel (op->attempt);

  return G_SOURCE_REMOVE;
}

void
_aip_token_store_run_sandboxed (GTask *task)
{
  AipTokenStoreOperation *op = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;
  Request *request = g_new0 (Request, 1);

  request->kind = op->kind;
  request->base_url = g_strdup (op->base_url);
  request->token = g_strdup (op->token);

  op->n_attempts++;
  g_clear_object (&op->attempt);
  op->attempt = g_cancellable_new ();

  inner = g_task_new (NULL, op->attempt, sandboxed_done_cb, g_object_ref (task));
  g_task_set_source_tag (inner, _aip_token_store_run_sandboxed);
  g_task_set_task_data (inner, request, (GDestroyNotify) request_free);
  g_task_set_return_on_cancel (inner, TRUE);
  g_task_run_in_thread (inner, sandboxed_thread);

  _aip_token_store_destroy_source (&op->attempt_bound);
  if (op->n_attempts < PORTAL_ATTEMPTS)
    {
      op->attempt_bound = g_timeout_source_new_seconds (PORTAL_ATTEMPT_SECONDS);
      g_task_attach_source (task, op->attempt_bound, attempt_expired_cb);
    }
}

/* The operation is over: no request is made again, and the one in flight
 * returns at once. */
void
_aip_token_store_end_attempts (AipTokenStoreOperation *op)
{
  _aip_token_store_destroy_source (&op->attempt_bound);
  if (op->attempt != NULL)
    g_cancellable_cancel (op->attempt);
}
