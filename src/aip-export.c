/* aip-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-assistant.h"
#include "aip-export.h"

/* Writing a list to a file as the person sees it: the assistants are
 * taken from the model on the main thread (the model may change after),
 * formatted on a worker thread (100,000 prompts take a while), and the
 * file replaced in one step, so that it is never found half written. */

typedef struct
{
  GPtrArray *assistants;
  GFile     *file;
  AipFormat  format;
} Export;

static void
export_free (Export *export)
{
  g_clear_pointer (&export->assistants, g_ptr_array_unref);
  g_clear_object (&export->file);
  g_free (export);
}

static void
format_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GListStore) store = g_list_store_new (AIP_TYPE_ASSISTANT);

  g_list_store_splice (store, 0, 0, export->assistants->pdata, export->assistants->len);

  g_task_return_pointer (task,
                         aip_format_assistants (G_LIST_MODEL (store), export->format, 0),
                         (GDestroyNotify) g_bytes_unref);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, export->assistants->len);
}

static void
formatted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_file_replace_contents_bytes_async (export->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task),
                                       replaced_cb, g_object_ref (task));
}

/**
 * aip_export_write_async:
 * @assistants: a #GListModel of #AipAssistant, in the order to write
 * @format: the file's format
 * @file: where to write; an existing file is replaced, without a backup
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or could not be
 * @user_data: data for @callback
 *
 * Writes the assistants @assistants holds now as aip_format_assistants()
 * does for the command line. The file is replaced only once all of it is
 * written: an error or cancellation leaves what was there before.
 */
void
aip_export_write_async (GListModel          *assistants,
                        AipFormat            format,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) format_task = NULL;
  Export *export;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (assistants));
  g_return_if_fail (format != AIP_FORMAT_TABLE);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  n = g_list_model_get_n_items (assistants);

  export = g_new0 (Export, 1);
  export->assistants = g_ptr_array_new_full (n, g_object_unref);
  export->file = g_object_ref (file);
  export->format = format;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (export->assistants, g_list_model_get_item (assistants, i));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_export_write_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  /* The worker reads the same immutable assistants; the list of them is
   * its own while it runs. */
  format_task = g_task_new (NULL, cancellable, formatted_cb, g_steal_pointer (&task));
  g_task_set_source_tag (format_task, aip_export_write_async);
  g_task_set_task_data (format_task, export, NULL);
  g_task_run_in_thread (format_task, format_thread);
}

/**
 * aip_export_write_finish:
 * @result: the result given to the callback
 * @n_written: (out) (optional): how many assistants the file holds
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
aip_export_write_finish (GAsyncResult  *result,
                         guint         *n_written,
                         GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_export_write_async, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_written != NULL)
    *n_written = (guint) n;

  return TRUE;
}
