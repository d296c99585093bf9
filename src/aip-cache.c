/* aip-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aip-base-url.h"
#include "aip-cache.h"

/* The last good response of one base URL, byte for byte, so that the list
 * shows at once at start and survives a failed refresh. It holds only the
 * body the server sent, never the request, so the token cannot reach it. */
struct _AipCache
{
  GObject  parent_instance;

  char    *path;

  /* Writes and deletes run on worker threads, one at a time under the
   * lock, but may start out of order; each gets a number when asked for,
   * and one that finds a later one already done leaves the file alone, so
   * the last asked for wins. */
  GMutex   lock;
  guint64  n_requested;
  guint64  n_done;
};

G_DEFINE_FINAL_TYPE (AipCache, aip_cache, G_TYPE_OBJECT)

typedef struct
{
  GBytes  *body;
  guint64  serial;
} WriteData;

typedef struct
{
  AipResponse *response;
  GDateTime   *modified;
} ReadResult;

/* The same cap as the client's: a copy larger than any response we would
 * have accepted is not ours. */
#define MAX_SIZE ((goffset) 256 * 1024 * 1024)
/* Tries at making a temporary file that no other instance removed at once */
#define MAX_TEMP_ATTEMPTS 8

static void
write_data_free (WriteData *data)
{
  g_bytes_unref (data->body);
  g_free (data);
}

static void
read_result_free (ReadResult *result)
{
  g_clear_object (&result->response);
  g_clear_pointer (&result->modified, g_date_time_unref);
  g_free (result);
}

/* A write fills "NAME.XXXXXX" beside the copy, then renames it over the
 * copy, so that a crash leaves either copy whole; versions that wrote with
 * g_file_set_contents_full() used the same names. */
static gboolean
is_temp_name (const char *name,
              const char *base_name)
{
  gsize length = strlen (base_name);

  return strncmp (name, base_name, length) == 0 &&
         name[length] == '.' &&
         strlen (name + length + 1) == 6;
}

/* A temporary file is locked by the write that fills it for as long as its
 * name exists, so that one nobody holds was left by a write that died (the
 * kernel drops the lock of a dead process), however recent it is, while one
 * that another instance is filling stays. With @locked_too, as when signing
 * out, those go as well: their writes then fail rather than bring the copy
 * back. */
static void
remove_temp_files (const char *path,
                   gboolean    locked_too)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base_name = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temp_path = NULL;
      struct stat by_fd, by_name;
      int fd;

      if (!is_temp_name (name, base_name))
        continue;

      temp_path = g_build_filename (dir_name, name, NULL);
      fd = g_open (temp_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;

      /* Still the file that was opened and locked: a write that created
       * the name anew is not mistaken for it. */
      if ((locked_too || flock (fd, LOCK_EX | LOCK_NB) == 0) &&
          fstat (fd, &by_fd) == 0 && S_ISREG (by_fd.st_mode) &&
          g_lstat (temp_path, &by_name) == 0 &&
          by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino &&
          g_unlink (temp_path) != 0)
        g_debug ("Could not remove %s: %s", temp_path, g_strerror (errno));

      g_close (fd, NULL);
    }
}

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

static GBytes *
read_file (const char  *path,
           GDateTime  **modified,
           GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize n_total = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_error_from_errno (error, errno, path);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_error_from_errno (error, errno, path);
      g_close (fd, NULL);
      return NULL;
    }

  if (!S_ISREG (st.st_mode) || st.st_size > MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a regular file of a plausible size", path);
      g_close (fd, NULL);
      return NULL;
    }

  data = g_malloc (st.st_size + 1);
  while (n_total < (gsize) st.st_size)
    {
      gssize n_read = read (fd, data + n_total, st.st_size - n_total);

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          set_error_from_errno (error, errno, path);
          g_close (fd, NULL);
          return NULL;
        }
      if (n_read == 0)
        break;
      n_total += n_read;
    }
  g_close (fd, NULL);

  *modified = g_date_time_new_from_unix_local (st.st_mtim.tv_sec);
  if (*modified != NULL)
    {
      GDateTime *precise = g_date_time_add (*modified, st.st_mtim.tv_nsec / 1000);

      g_date_time_unref (*modified);
      *modified = precise;
    }

  return g_bytes_new_take (g_steal_pointer (&data), n_total);
}

/* Makes a temporary file beside @path, mode 0600, and locks it before
 * anything is written. Another instance's sweep may find it in the instant
 * between creating and locking it and remove it: then its name is gone, and
 * a new one is made. */
static int
open_locked_temp (const char  *path,
                  char       **temp_path,
                  GError     **error)
{
  for (guint attempt = 0; attempt < MAX_TEMP_ATTEMPTS; attempt++)
    {
      g_autofree char *name = g_strconcat (path, ".XXXXXX", NULL);
      struct stat st;
      int fd;

      fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          set_error_from_errno (error, errno, name);
          return -1;
        }

      if (flock (fd, LOCK_EX) != 0 || fstat (fd, &st) != 0)
        {
          set_error_from_errno (error, errno, name);
          g_unlink (name);
          g_close (fd, NULL);
          return -1;
        }

      if (st.st_nlink > 0)
        {
          *temp_path = g_steal_pointer (&name);
          return fd;
        }

      g_close (fd, NULL);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               "%s: every temporary file was removed at once", path);
  return -1;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length,
           const char    *path,
           GError       **error)
{
  while (length > 0)
    {
      gssize n_written = write (fd, data, length);

      if (n_written < 0 && errno == EINTR)
        continue;
      if (n_written < 0)
        return set_error_from_errno (error, errno, path);

      data += n_written;
      length -= n_written;
    }

  return TRUE;
}

/* A fresh file of mode 0600 is filled, flushed to disk and renamed over the
 * old copy: a crash leaves either copy whole, and no mode of an older file
 * carries over (GLib 2.90's g_file_set_contents_full() would keep it). */
static gboolean
replace_copy (const char  *path,
              GBytes      *body,
              GError     **error)
{
  g_autofree char *temp_path = NULL;
  gconstpointer contents;
  gboolean ok;
  gsize length;
  int fd;

  fd = open_locked_temp (path, &temp_path, error);
  if (fd < 0)
    return FALSE;

  contents = g_bytes_get_data (body, &length);
  ok = write_all (fd, contents, length, temp_path, error);
  if (ok && (fchmod (fd, 0600) != 0 || fsync (fd) != 0))
    ok = set_error_from_errno (error, errno, temp_path);
  if (ok && g_rename (temp_path, path) != 0)
    ok = set_error_from_errno (error, errno, path);
  if (!ok)
    g_unlink (temp_path);

  /* Closing drops the lock, which nobody needs once the name is gone. */
  g_close (fd, NULL);

  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AipCache *self = source_object;
  WriteData *data = task_data;
  g_autofree char *dir_name = g_path_get_dirname (self->path);
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_mkdir_with_parents (dir_name, 0700) != 0 || g_chmod (dir_name, 0700) != 0)
    {
      set_error_from_errno (&error, errno, dir_name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_mutex_lock (&self->lock);
  if (data->serial < self->n_done)
    {
      g_mutex_unlock (&self->lock);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!replace_copy (self->path, data->body, &error))
    {
      g_mutex_unlock (&self->lock);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->n_done = data->serial;
  remove_temp_files (self->path, FALSE);
  g_mutex_unlock (&self->lock);

  g_task_return_boolean (task, TRUE);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AipCache *self = source_object;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  ReadResult *result;

  if (g_task_return_error_if_cancelled (task))
    return;

  body = read_file (self->path, &modified, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  response = aip_response_new_from_bytes (body, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (ReadResult, 1);
  result->response = g_steal_pointer (&response);
  result->modified = g_steal_pointer (&modified);
  g_task_return_pointer (task, result, (GDestroyNotify) read_result_free);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AipCache *self = source_object;
  guint64 serial = GPOINTER_TO_SIZE (task_data);
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->lock);
  if (serial > self->n_done)
    {
      if (g_unlink (self->path) != 0 && errno != ENOENT)
        {
          set_error_from_errno (&error, errno, self->path);
          g_mutex_unlock (&self->lock);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      self->n_done = serial;
    }

  /* Whatever a crash left beside the copy goes too: it holds the same kind
   * of data. */
  remove_temp_files (self->path, TRUE);
  g_mutex_unlock (&self->lock);

  g_task_return_boolean (task, TRUE);
}

static guint64
next_serial (AipCache *self)
{
  guint64 serial;

  g_mutex_lock (&self->lock);
  serial = ++self->n_requested;
  g_mutex_unlock (&self->lock);

  return serial;
}

static void
aip_cache_finalize (GObject *object)
{
  AipCache *self = (AipCache *)object;

  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (aip_cache_parent_class)->finalize (object);
}

static void
aip_cache_class_init (AipCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aip_cache_finalize;
}

static void
aip_cache_init (AipCache *self)
{
  g_mutex_init (&self->lock);
}

/**
 * aip_cache_new:
 * @base_url: a base URL as aip_base_url_normalize() gives it
 *
 * Makes the offline copy of one base URL, in
 * `$XDG_CACHE_HOME/aiployees-assistants/HASH.json`. Nothing is read or
 * written until asked.
 *
 * Returns: (transfer full): the cache
 */
AipCache *
aip_cache_new (const char *base_url)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  AipCache *self;

  g_return_val_if_fail (base_url != NULL, NULL);

  hash = aip_base_url_hash (base_url);
  name = g_strconcat (hash, ".json", NULL);

  self = g_object_new (AIP_TYPE_CACHE, NULL);
  self->path = g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, name, NULL);

  return self;
}

/**
 * aip_cache_get_path:
 * @self: a cache
 *
 * Returns: the file of the copy
 */
const char *
aip_cache_get_path (AipCache *self)
{
  g_return_val_if_fail (AIP_IS_CACHE (self), NULL);

  return self->path;
}

/**
 * aip_cache_write_async:
 * @self: a cache
 * @body: the body of a good response, as the server sent it
 * @cancellable: (nullable): a cancellable
 * @callback: called when the copy is written
 * @user_data: data for @callback
 *
 * Replaces the copy with @body atomically, readable by the user only. When
 * writes overlap, the one asked for last is what stays.
 */
void
aip_cache_write_async (AipCache            *self,
                       GBytes              *body,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (AIP_IS_CACHE (self));
  g_return_if_fail (body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (WriteData, 1);
  data->body = g_bytes_ref (body);
  data->serial = next_serial (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_cache_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * aip_cache_write_finish:
 * @self: a cache
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: whether the copy was written
 */
gboolean
aip_cache_write_finish (AipCache      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (AIP_IS_CACHE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_cache_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * aip_cache_read_async:
 * @self: a cache
 * @cancellable: (nullable): a cancellable
 * @callback: called when the copy is read and parsed
 * @user_data: data for @callback
 *
 * Reads the copy and parses it on a worker thread, through the same
 * parser as a fresh response.
 */
void
aip_cache_read_async (AipCache            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_cache_read_async);
  g_task_run_in_thread (task, read_thread);
}

/**
 * aip_cache_read_finish:
 * @self: a cache
 * @result: the result given to the callback
 * @modified: (out) (optional) (transfer full): when the copy was written,
 *   in local time
 * @error: return location for an error: %G_IO_ERROR_NOT_FOUND when there
 *   is no copy; any error means there is no copy to show
 *
 * Returns: (transfer full) (nullable): the parsed copy
 */
AipResponse *
aip_cache_read_finish (AipCache      *self,
                       GAsyncResult  *result,
                       GDateTime    **modified,
                       GError       **error)
{
  ReadResult *read_result;
  AipResponse *response;

  if (modified != NULL)
    *modified = NULL;

  g_return_val_if_fail (AIP_IS_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_cache_read_async, NULL);

  read_result = g_task_propagate_pointer (G_TASK (result), error);
  if (read_result == NULL)
    return NULL;

  response = g_steal_pointer (&read_result->response);
  if (modified != NULL)
    *modified = g_steal_pointer (&read_result->modified);
  read_result_free (read_result);

  return response;
}

/**
 * aip_cache_delete_async:
 * @self: a cache
 * @cancellable: (nullable): a cancellable
 * @callback: called when the copy is gone
 * @user_data: data for @callback
 *
 * Deletes the copy, as when signing out. A missing copy is no error.
 */
void
aip_cache_delete_async (AipCache            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AIP_IS_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_cache_delete_async);
  /* Signing out must not leave the data behind because it was cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) next_serial (self)), NULL);
  g_task_run_in_thread (task, delete_thread);
}

/**
 * aip_cache_delete_finish:
 * @self: a cache
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: whether the copy is gone
 */
gboolean
aip_cache_delete_finish (AipCache      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (AIP_IS_CACHE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_cache_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
