/* aip-response.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-assistant-json.h"
#include "aip-client-error.h"
#include "aip-json-compact.h"
#include "aip-json-scan.h"
#include "aip-response-private.h"

/* The text it takes (some hundred assistants) to repay one more thread */
#define MIN_PARALLEL_BYTES (256 * 1024)

/* Items json-glib parses at a time: a group's tree stays small enough to be
 * freed while still in the cache, and its memory serves the next group. */
#define DEFAULT_GROUP_SIZE 32

/* Spans found but not yet taken for parsing, at most (a megabyte's worth) */
#define MAX_PENDING_ITEMS 65536

struct _AipResponse
{
  GObject    parent_instance;

  GBytes    *body;
  GPtrArray *assistants;
  guint      n_skipped;
};

G_DEFINE_FINAL_TYPE (AipResponse, aip_response, G_TYPE_OBJECT)

typedef enum
{
  PROBLEM_EMPTY,
  PROBLEM_NOT_TEXT,
  PROBLEM_UNREADABLE,
  PROBLEM_NOT_A_LIST,
  PROBLEM_NONE_USABLE,
} Problem;

/* What a thread parsing groups keeps from one group to the next */
typedef struct
{
  GHashTable         *strings;
  GString            *buffer;
  AipJsonSpan        *spans;
  const char * const *members;
  guint               n_members;
} Worker;

/* The work of one document, shared by the threads parsing it. The scan
 * publishes item spans as it finds them, so parsing starts long before the
 * scan ends; everything below the lock is guarded by it. */
typedef struct
{
  const char   *data;
  guint         group_size;

  GMutex        lock;
  GCond         cond;
  /* The spans published so far, copied out of the scan's own array */
  GArray       *spans;
  /* Bumped when a later "data" member replaces the items: work on older
   * ones is thrown away */
  guint         generation;
  guint         next_group;
  gboolean      scan_done;
  gboolean      stopped;
  gboolean      failed;
  /* For each finished group, a GPtrArray of its assistants, or NULL when
   * it has none: nothing is kept for skipped items */
  GPtrArray    *groups;
  guint         n_skipped;
  guint         error_group;
  char         *error_message;
  /* Which item the first of spans is: those taken are dropped */
  guint         spans_base;

  /* The scanning thread's own, for parsing while it scans */
  Worker       *scanning_worker;
} Job;

static guint forced_group_size;

static gboolean
fail (GError  **error,
      Problem   problem)
{
  const char *message = NULL;

  switch (problem)
    {
    case PROBLEM_EMPTY:
      message = _("The server sent an empty response instead of the list of assistants");
      break;

    case PROBLEM_NOT_TEXT:
      message = _("The server sent a response that is not readable text");
      break;

    case PROBLEM_UNREADABLE:
      message = _("The server sent a response that could not be read");
      break;

    case PROBLEM_NONE_USABLE:
      message = _("The server sent a list in which no item is a usable assistant");
      break;

    case PROBLEM_NOT_A_LIST:
    default:
      message = _("The server sent a response that is not a list of assistants");
      break;
    }

  g_set_error_literal (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE, message);

  return FALSE;
}

/* json-glib quotes the offending text, which need not be UTF-8 */
static void
debug_json_error (const char *what,
                  const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  g_debug ("%s: %s", what, valid);
}

static AipAssistant *
assistant_from_node (JsonNode   *node,
                     GHashTable *strings)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return aip_assistant_new_from_json (json_node_get_object (node), strings);
}

static JsonArray *
list_of_assistants (JsonNode *root)
{
  JsonNode *data;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  data = json_object_get_member (json_node_get_object (root), "data");
  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data))
    return NULL;

  return json_node_get_array (data);
}

/* Parses spans as the elements of one array: the bytes between them are
 * commas and spaces, so only brackets need adding. json-glib reads the
 * items compacted (aip-json-compact.c): the same on every version, and
 * each assistant as the array of its members' values. */
static GPtrArray *
parse_group (const char         *data,
             const AipJsonSpan  *spans,
             guint               n,
             Worker             *worker,
             guint              *n_skipped,
             GError            **error)
{
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GString *buffer = worker->buffer;
  JsonArray *array;
  JsonNode *root;

  g_string_truncate (buffer, 0);
  g_string_append_c (buffer, '[');
  aip_json_compact_items (buffer, data + spans[0].start, data + spans[n - 1].end,
                          worker->members, worker->n_members);
  g_string_append_c (buffer, ']');

  if (!json_parser_load_from_data (parser, buffer->str, buffer->len, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root) ||
      json_array_get_length (array = json_node_get_array (root)) != n)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_UNKNOWN,
                           "the group does not hold the items the scan found");
      return NULL;
    }

  made = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      AipAssistant *assistant = NULL;

      if (JSON_NODE_HOLDS_ARRAY (node))
        assistant = aip_assistant_new_from_values (json_node_get_array (node), worker->strings);

      if (assistant != NULL)
        g_ptr_array_add (made, assistant);
      else
        (*n_skipped)++;
    }

  /* The parser goes now, and the group's tree with it */
  return g_steal_pointer (&made);
}

static void
clear_groups (GPtrArray *groups)
{
  for (guint i = 0; i < groups->len; i++)
    g_clear_pointer (&groups->pdata[i], g_ptr_array_unref);
  g_ptr_array_set_size (groups, 0);
}

typedef enum
{
  TAKE_DONE,
  TAKE_WAIT,
  TAKE_TOOK,
} Take;

/* Takes the next group of published items and parses it. Called and
 * returns with the job's lock held. */
static Take
take_group (Job    *job,
            Worker *worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = NULL;
  guint first = job->next_group * job->group_size - job->spans_base;
  guint n = job->spans->len > first ? MIN (job->spans->len - first, job->group_size) : 0;
  guint group, generation;
  guint n_skipped = 0;

  if (job->stopped)
    return TAKE_DONE;
  if (n < job->group_size && !job->scan_done)
    return TAKE_WAIT;
  if (n == 0)
    return TAKE_DONE;

  group = job->next_group++;
  generation = job->generation;
  memcpy (worker->spans, &g_array_index (job->spans, AipJsonSpan, first), n * sizeof *worker->spans);
  g_mutex_unlock (&job->lock);

  made = parse_group (job->data, worker->spans, n, worker, &n_skipped, &error);

  g_mutex_lock (&job->lock);

  /* Items of a "data" member a later one replaced: the whole document is
   * checked again for those, among the others */
  if (generation != job->generation)
    return TAKE_TOOK;

  if (made == NULL)
    {
      if (job->error_message == NULL || group < job->error_group)
        {
          g_free (job->error_message);
          job->error_message = g_strdup (error->message);
          job->error_group = group;
        }
      job->failed = TRUE;
      job->stopped = TRUE;
      g_cond_broadcast (&job->cond);
      return TAKE_DONE;
    }

  if (job->groups->len <= group)
    g_ptr_array_set_size (job->groups, group + 1);
  if (made->len > 0)
    job->groups->pdata[group] = g_steal_pointer (&made);
  job->n_skipped += n_skipped;

  return TAKE_TOOK;
}

static void
worker_init (Worker *worker,
             guint   group_size)
{
  worker->strings = aip_assistant_new_string_table ();
  worker->buffer = g_string_new (NULL);
  worker->members = aip_assistant_get_members (&worker->n_members);
  worker->spans = g_new (AipJsonSpan, group_size);
}

static void
worker_clear (Worker *worker)
{
  g_clear_pointer (&worker->strings, g_hash_table_unref);
  g_string_free (g_steal_pointer (&worker->buffer), TRUE);
  g_clear_pointer (&worker->spans, g_free);
}

/* Takes groups until the scan is done and all are taken, or the job stops */
static void
take_groups (Job    *job,
             Worker *worker)
{
  Take take;

  g_mutex_lock (&job->lock);
  while ((take = take_group (job, worker)) != TAKE_DONE)
    if (take == TAKE_WAIT)
      g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
}

static gpointer
parse_groups_thread (gpointer data)
{
  Job *job = data;
  Worker worker;

  worker_init (&worker, job->group_size);
  take_groups (job, &worker);
  worker_clear (&worker);

  return NULL;
}

/* Hands the items the scan found so far to the parsing threads, and
 * forgets those already taken. */
static void
publish (Job         *job,
         AipJsonScan *scan)
{
  guint taken;

  g_mutex_lock (&job->lock);

  taken = job->next_group * job->group_size - job->spans_base;
  if (taken >= MAX_PENDING_ITEMS / 4 && taken >= job->spans->len / 2)
    {
      g_array_remove_range (job->spans, 0, taken);
      job->spans_base += taken;
    }

  g_array_append_vals (job->spans, scan->items->data, scan->items->len);
  g_cond_broadcast (&job->cond);

  g_mutex_unlock (&job->lock);

  g_array_set_size (scan->items, 0);
}

static void
items_changed_cb (AipJsonScan *scan,
                  gboolean     restart,
                  gpointer     user_data)
{
  Job *job = user_data;

  if (restart)
    {
      g_mutex_lock (&job->lock);
      job->generation++;
      g_array_set_size (job->spans, 0);
      job->spans_base = 0;
      job->next_group = 0;
      clear_groups (job->groups);
      job->n_skipped = 0;
      g_mutex_unlock (&job->lock);
    }

  if (scan->items->len < job->group_size)
    return;

  publish (job, scan);

  /* The scan outruns the parsing by far: past a bound, the scanning
   * thread parses a group for each it publishes, so that a list of
   * millions of tiny items does not pile up spans. */
  g_mutex_lock (&job->lock);
  if (job->spans->len - (job->next_group * job->group_size - job->spans_base) > MAX_PENDING_ITEMS)
    take_group (job, job->scanning_worker);
  g_mutex_unlock (&job->lock);
}

static void
job_init (Job        *job,
          const char *data,
          guint       group_size)
{
  memset (job, 0, sizeof *job);
  job->data = data;
  job->group_size = group_size;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->spans = g_array_new (FALSE, FALSE, sizeof (AipJsonSpan));
  job->groups = g_ptr_array_new ();
}

static void
job_stop (Job *job)
{
  g_mutex_lock (&job->lock);
  job->stopped = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);
}

static void
job_clear (Job *job)
{
  clear_groups (job->groups);
  g_ptr_array_unref (job->groups);
  g_array_unref (job->spans);
  g_free (job->error_message);
  g_cond_clear (&job->cond);
  g_mutex_clear (&job->lock);
}

static AipResponse *
response_new (GBytes    *body,
              GPtrArray *assistants,
              guint      n_skipped)
{
  AipResponse *self = g_object_new (AIP_TYPE_RESPONSE, NULL);

  self->body = g_bytes_ref (body);
  g_ptr_array_unref (self->assistants);
  self->assistants = g_ptr_array_ref (assistants);
  self->n_skipped = n_skipped;

  return self;
}

static void
aip_response_finalize (GObject *object)
{
  AipResponse *self = (AipResponse *)object;

  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->assistants, g_ptr_array_unref);

  G_OBJECT_CLASS (aip_response_parent_class)->finalize (object);
}

static void
aip_response_class_init (AipResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aip_response_finalize;
}

static void
aip_response_init (AipResponse *self)
{
  self->assistants = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Why a scan refused the body, or FALSE when it did not. Text that is not
 * UTF-8 says so first, wherever the scan stopped. */
static gboolean
scan_failed (const char   *data,
             gsize         length,
             AipJsonScan  *scan,
             GError      **error)
{
  if (scan->status == AIP_JSON_SCAN_OK)
    {
      if (scan->root == AIP_JSON_ROOT_NONE)
        return !fail (error, PROBLEM_EMPTY);
      if (scan->root != AIP_JSON_ROOT_ARRAY && scan->root != AIP_JSON_ROOT_DATA_ARRAY)
        {
          g_debug ("Response holds neither an array nor an object with a \"data\" array");
          return !fail (error, PROBLEM_NOT_A_LIST);
        }
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_debug ("Response is not UTF-8");
      return !fail (error, PROBLEM_NOT_TEXT);
    }

  switch (scan->status)
    {
    case AIP_JSON_SCAN_TOO_DEEP:
      g_debug ("Response nests deeper than %d at byte %zu", AIP_JSON_MAX_DEPTH, scan->offset);
      break;

    case AIP_JSON_SCAN_TRUNCATED:
      g_debug ("Response ends early, at byte %zu", scan->offset);
      break;

    case AIP_JSON_SCAN_NOT_STRICT:
    case AIP_JSON_SCAN_OK:
    default:
      g_debug ("Response is not JSON (RFC 8259) at byte %zu", scan->offset);
      break;
    }

  return !fail (error, PROBLEM_UNREADABLE);
}

/* A list whose items are all unusable is not a list of assistants either:
 * it must not replace one that was. */
static AipResponse *
response_new_checked (GBytes     *body,
                      GPtrArray  *assistants,
                      guint       n_skipped,
                      GError    **error)
{
  if (assistants->len == 0 && n_skipped > 0)
    {
      g_debug ("None of the %u items of the response is a usable assistant", n_skipped);
      fail (error, PROBLEM_NONE_USABLE);
      return NULL;
    }

  return response_new (body, assistants, n_skipped);
}

/**
 * aip_response_new_from_bytes:
 * @body: the body of a response of the outbound assistants endpoint
 * @error: return location for an error
 *
 * Reads the list of assistants: a bare array or an object whose last
 * "data" member is one. The body must be strict JSON (RFC 8259, UTF-8, at
 * most %AIP_JSON_MAX_DEPTH deep) whichever json-glib reads it. Items that
 * are not objects or have no usable id are skipped and counted; a list of
 * nothing but such items is refused. Blocks for as long as parsing takes,
 * using a thread per processor for large lists: call it from a worker
 * thread.
 *
 * Returns: (transfer full) (nullable): the response, or %NULL with
 *   %AIP_CLIENT_ERROR_INVALID_RESPONSE when @body is not such a list
 */
AipResponse *
aip_response_new_from_bytes (GBytes  *body,
                             GError **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GPtrArray) assistants = NULL;
  guint group_size = g_atomic_int_get (&forced_group_size);
  guint n_threads = 1;
  guint n_skipped = 0;
  AipJsonScan scan;
  const char *data;
  gsize length;
  gboolean ok = FALSE;
  Worker worker;
  Job job;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (body, &length);
  if (data == NULL)
    data = "";

  /* A thread per processor, as far as the size of the list repays them;
   * tests force small groups and several threads whatever the size */
  if (group_size != 0)
    n_threads = MAX (g_get_num_processors (), 4);
  else
    {
      group_size = DEFAULT_GROUP_SIZE;
      n_threads = MIN (g_get_num_processors (), 1 + length / MIN_PARALLEL_BYTES);
    }

  job_init (&job, data, group_size);
  worker_init (&worker, group_size);
  job.scanning_worker = &worker;

  for (guint i = 1; i < n_threads; i++)
    {
      g_autoptr(GError) thread_error = NULL;
      GThread *thread = g_thread_try_new ("aip-parse", parse_groups_thread, &job, &thread_error);

      /* Fewer threads only make it slower */
      if (thread == NULL)
        {
          g_debug ("Could not start a parsing thread: %s", thread_error->message);
          break;
        }
      g_ptr_array_add (threads, thread);
    }

  aip_json_scan_full (data, length, &scan, items_changed_cb, &job);

  if (!scan_failed (data, length, &scan, error))
    {
      publish (&job, &scan);
      g_mutex_lock (&job.lock);
      job.scan_done = TRUE;
      g_cond_broadcast (&job.cond);
      g_mutex_unlock (&job.lock);

      /* The scanning thread joins the parsing */
      take_groups (&job, &worker);
      ok = TRUE;
    }
  else
    job_stop (&job);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);

  /* The scan and json-glib disagree on a group: never seen, but json-glib
   * has the last word on what it can read */
  if (ok && job.failed)
    {
      g_autofree char *where = g_strdup_printf ("Response item group %u is not JSON", job.error_group);

      debug_json_error (where, job.error_message);
      fail (error, PROBLEM_UNREADABLE);
      ok = FALSE;
    }

  if (ok)
    {
      guint n = 0;

      for (guint i = 0; i < job.groups->len; i++)
        if (job.groups->pdata[i] != NULL)
          n += ((GPtrArray *) job.groups->pdata[i])->len;

      assistants = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < job.groups->len; i++)
        {
          GPtrArray *group = job.groups->pdata[i];

          if (group == NULL)
            continue;
          for (guint j = 0; j < group->len; j++)
            g_ptr_array_add (assistants, g_steal_pointer (&group->pdata[j]));
          /* The group array keeps NULLs now: nothing to drop */
          g_ptr_array_set_free_func (group, NULL);
        }
      n_skipped = job.n_skipped;
    }

  job_clear (&job);
  worker_clear (&worker);
  aip_json_scan_clear (&scan);

  if (!ok)
    return NULL;

  return response_new_checked (body, assistants, n_skipped, error);
}

/**
 * aip_response_new_from_bytes_sequential:
 * @body: the body of a response of the outbound assistants endpoint
 * @error: return location for an error
 *
 * Does what aip_response_new_from_bytes() does, the plain way: after the
 * same scan, json-glib parses the whole document, compacted as the groups
 * are, on the calling thread, then each item becomes an assistant. The
 * result is the same; this is the reference that the parallel parse is
 * measured and tested against.
 *
 * Returns: (transfer full) (nullable): the response, or %NULL with
 *   %AIP_CLIENT_ERROR_INVALID_RESPONSE when @body is not such a list
 */
AipResponse *
aip_response_new_from_bytes_sequential (GBytes  *body,
                                        GError **error)
{
  g_autoptr(GPtrArray) assistants = NULL;
  g_autoptr(GHashTable) strings = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) compact = NULL;
  g_autoptr(GError) local_error = NULL;
  AipJsonScan scan;
  const char *data;
  guint n_skipped = 0;
  JsonArray *array;
  JsonNode *root;
  gsize length;
  gboolean failed;
  guint n;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (body, &length);
  if (data == NULL)
    data = "";

  aip_json_scan (data, length, &scan);
  failed = scan_failed (data, length, &scan, error);
  aip_json_scan_clear (&scan);
  if (failed)
    return NULL;

  /* Past the byte order mark, which the scan allowed */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  compact = g_string_sized_new (length);
  aip_json_compact_append (compact, data, data + length);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, compact->str, compact->len, &local_error))
    {
      debug_json_error ("Response is not JSON", local_error->message);
      fail (error, PROBLEM_UNREADABLE);
      return NULL;
    }

  /* The scan found the list where json-glib does: the last "data" */
  root = json_parser_get_root (parser);
  array = list_of_assistants (root);
  g_assert (array != NULL);

  strings = aip_assistant_new_string_table ();
  n = json_array_get_length (array);
  assistants = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      AipAssistant *assistant = assistant_from_node (json_array_get_element (array, i), strings);

      if (assistant != NULL)
        g_ptr_array_add (assistants, assistant);
      else
        n_skipped++;
    }

  return response_new_checked (body, assistants, n_skipped, error);
}

/**
 * aip_response_get_body:
 * @self: a response
 *
 * Returns: (transfer none): the body as it came, for the offline copy
 */
GBytes *
aip_response_get_body (AipResponse *self)
{
  g_return_val_if_fail (AIP_IS_RESPONSE (self), NULL);

  return self->body;
}

/**
 * aip_response_get_assistants:
 * @self: a response
 *
 * Returns: (transfer none) (element-type AipAssistant): the assistants, in
 *   the order the server sent them
 */
GPtrArray *
aip_response_get_assistants (AipResponse *self)
{
  g_return_val_if_fail (AIP_IS_RESPONSE (self), NULL);

  return self->assistants;
}

/**
 * aip_response_steal_assistants:
 * @self: a response
 *
 * Takes the assistants out of @self, which is left with none.
 *
 * Returns: (transfer full) (element-type AipAssistant): the assistants
 */
GPtrArray *
aip_response_steal_assistants (AipResponse *self)
{
  GPtrArray *assistants;

  g_return_val_if_fail (AIP_IS_RESPONSE (self), NULL);

  assistants = g_steal_pointer (&self->assistants);
  self->assistants = g_ptr_array_new_with_free_func (g_object_unref);

  return assistants;
}

/**
 * aip_response_get_n_skipped:
 * @self: a response
 *
 * Returns: how many items were skipped: not objects, or without a usable id
 */
guint
aip_response_get_n_skipped (AipResponse *self)
{
  g_return_val_if_fail (AIP_IS_RESPONSE (self), 0);

  return self->n_skipped;
}

void
aip_response_set_group_size (guint n_items)
{
  g_atomic_int_set (&forced_group_size, n_items);
}

static void
new_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  AipResponse *response = aip_response_new_from_bytes (task_data, &error);

  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, response, g_object_unref);
}

/**
 * aip_response_new_async:
 * @body: a response body
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread with the result
 * @user_data: data for @callback
 *
 * Runs aip_response_new_from_bytes() in a worker thread. The task has no
 * source object: the worker may drop the last reference to it after the
 * callback ran, and must not be what keeps the caller's objects alive.
 */
void
aip_response_new_async (GBytes              *body,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (body != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_response_new_async);
  g_task_set_task_data (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, new_in_thread);
}

/**
 * aip_response_new_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the response, or %NULL with @error set
 */
AipResponse *
aip_response_new_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
