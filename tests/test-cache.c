/* test-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "aip-cache.h"
#include "aip-client.h"
#include "aip-test-async.h"
#include "aip-test-log.h"
#include "aip-test-server.h"

#define TOKEN "cache-sentinel-9f3a61c0d2"
/* In a copy of this program: hold a temporary file of this name */
#define HOLDER_ENV "AIP_TEST_CACHE_HOLDER"
/* In a copy of this program: write along with /cache/concurrent */
#define WRITER_ENV "AIP_TEST_CACHE_WRITER"
#define N_CONCURRENT_WRITES 200

static const char *test_program;

/* The tests share one cache directory; each writes the copy of its own
 * base URL. */
static AipCache *
test_cache (void)
{
  g_autofree char *base_url = g_strconcat ("https://call.aiployees.com/api", g_test_get_path (),
                                           NULL);

  return aip_cache_new (base_url);
}

static gboolean
write_body (AipCache  *cache,
            GBytes    *body,
            GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_cache_write_async (cache, body, NULL, aip_test_store_result_cb, &result);
  return aip_cache_write_finish (cache, aip_test_wait_for_result (&result), error);
}

static AipResponse *
read_copy (AipCache   *cache,
           GDateTime **modified,
           GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_cache_read_async (cache, NULL, aip_test_store_result_cb, &result);
  return aip_cache_read_finish (cache, aip_test_wait_for_result (&result), modified, error);
}

static gboolean
delete_copy (AipCache  *cache,
             GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_cache_delete_async (cache, NULL, aip_test_store_result_cb, &result);
  return aip_cache_delete_finish (cache, aip_test_wait_for_result (&result), error);
}

static GBytes *
fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the copy and what lies beside it, sorted, joined by
 * spaces. */
static char *
list_directory (AipCache *cache)
{
  g_autofree char *dir_name = g_path_get_dirname (aip_cache_get_path (cache));
  g_autofree char *base_name = g_path_get_basename (aip_cache_get_path (cache));
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return g_strdup ("");

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, base_name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
temp_path (AipCache   *cache,
           const char *suffix)
{
  return g_strconcat (aip_cache_get_path (cache), ".", suffix, NULL);
}

/* Creates a temporary file and locks it, as a write in progress does */
static int
hold_temp (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  g_assert_cmpint (write (fd, "[", 1), ==, 1);

  return fd;
}

static void
make_old (const char *path)
{
  struct utimbuf times = { .actime = 1000000000, .modtime = 1000000000 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_path (void)
{
  g_autoptr(AipCache) cache = aip_cache_new ("https://call.aiployees.com/api");
  g_autoptr(AipCache) other = aip_cache_new ("https://staging.example.com/api");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         "https://call.aiployees.com/api", -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "aiployees-assistants",
                                                name, NULL);

  g_assert_cmpstr (aip_cache_get_path (cache), ==, expected);
  g_assert_cmpstr (aip_cache_get_path (other), !=, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) body = fixture ("outbound-assistants-wrapped.json");
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *assistants;
  GStatBuf st;

  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);

  /* Byte for byte. */
  on_disk = file_bytes (aip_cache_get_path (cache));
  g_assert_true (g_bytes_equal (on_disk, body));

  response = read_copy (cache, &modified, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
  assistants = aip_response_get_assistants (response);
  g_assert_cmpuint (assistants->len, ==, 2);
  g_assert_cmpint (aip_assistant_get_id (g_ptr_array_index (assistants, 0)), ==, 123);
  g_assert_cmpint (aip_assistant_get_id (g_ptr_array_index (assistants, 1)), ==, 124);

  /* Its time is the file's. */
  g_assert_nonnull (modified);
  g_assert_cmpint (g_stat (aip_cache_get_path (cache), &st), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (modified), ==, st.st_mtime);

  /* A copy written long ago says so. */
  make_old (aip_cache_get_path (cache));
  g_clear_object (&response);
  g_clear_pointer (&modified, g_date_time_unref);
  response = read_copy (cache, &modified, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (modified), ==, 1000000000);

  /* The time is optional. */
  g_clear_object (&response);
  response = read_copy (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
}

static void
test_mode (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) body = fixture ("outbound-assistants.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_name = g_path_get_dirname (aip_cache_get_path (cache));

  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (aip_cache_get_path (cache)), ==, 0600);
  g_assert_cmpuint (file_mode (dir_name), ==, 0700);

  /* A copy and a directory others could read, as an older version or a
   * careless hand may leave them, do not keep their modes. */
  g_assert_cmpint (g_chmod (aip_cache_get_path (cache), 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir_name, 0755), ==, 0);
  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (aip_cache_get_path (cache)), ==, 0600);
  g_assert_cmpuint (file_mode (dir_name), ==, 0700);
}

static void
test_atomic_replace (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) first = fixture ("outbound-assistants.json");
  g_autoptr(GBytes) second = fixture ("outbound-assistants-wrapped.json");
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_name = g_path_get_basename (aip_cache_get_path (cache));
  g_autofree char *stray = temp_path (cache, "Q7xk2P");
  g_autofree char *recent = temp_path (cache, "Zr81mB");
  g_autofree char *held = temp_path (cache, "Hd7q0L");
  g_autofree char *listing = NULL;
  int held_fd;

  g_assert_true (write_body (cache, first, &error));
  g_assert_true (write_body (cache, second, &error));
  g_assert_no_error (error);
  on_disk = file_bytes (aip_cache_get_path (cache));
  g_assert_true (g_bytes_equal (on_disk, second));

  /* No temporary file stays behind. */
  listing = list_directory (cache);
  g_assert_cmpstr (listing, ==, base_name);

  /* A crash between writing the temporary file and renaming it leaves a
   * half-written file beside the copy: the copy is still read whole. */
  g_assert_true (g_file_set_contents (stray, "[{\"id\": 1, \"na", -1, &error));
  g_assert_no_error (error);
  response = read_copy (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 2);

  /* The next write clears every temporary file that no write holds, an
   * old one as a fresh one, and not one that a write still fills: held
   * here through an open file of its own, as another instance holds it. */
  make_old (stray);
  g_assert_true (g_file_set_contents (recent, "[", -1, &error));
  held_fd = hold_temp (held);
  g_assert_true (write_body (cache, first, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (held), ==, 0);
  g_close (held_fd, NULL);

  /* A crash before the first rename: no copy at all, only the stray. */
  g_assert_true (delete_copy (cache, &error));
  g_assert_true (g_file_set_contents (stray, "[", -1, &error));
  g_clear_object (&response);
  response = read_copy (cache, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (response);

  g_clear_error (&error);
  g_clear_pointer (&listing, g_free);
  g_assert_true (write_body (cache, first, &error));
  g_assert_no_error (error);
  listing = list_directory (cache);
  g_assert_cmpstr (listing, ==, base_name);
}

/* Another instance, a process of its own, holds a temporary file while it
 * writes: the write here leaves it; once that process is killed, the next
 * write here removes what it left, however recent. */
static void
test_other_instance (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) body = fixture ("outbound-assistants.json");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) holder_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *held = temp_path (cache, "Other1");
  g_autofree char *line = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *base_name = g_path_get_basename (aip_cache_get_path (cache));

  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, HOLDER_ENV, held, TRUE);
  holder = g_subprocess_launcher_spawn (launcher, &error, test_program, NULL);
  g_assert_no_error (error);
  holder_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line (holder_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "holding");

  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));

  g_subprocess_force_exit (holder);
  g_subprocess_wait (holder, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);
  listing = list_directory (cache);
  g_assert_cmpstr (listing, ==, base_name);
}

static GBytes *
numbered_list (guint n,
               guint size)
{
  GString *text = g_string_new ("[");

  while (text->len < size)
    g_string_append_printf (text, "%s{\"id\": %u}", text->len > 1 ? "," : "", n);
  g_string_append_c (text, ']');

  return g_string_free_to_bytes (text);
}

/* Two instances write the same copy over and over at the same time: every
 * write succeeds, no temporary file is left, and the copy is one of the
 * two bodies, whole. */
static void
test_concurrent (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) ours = numbered_list (1, 256 * 1024);
  g_autoptr(GBytes) theirs = numbered_list (2, 256 * 1024);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) writer_err = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *base_name = g_path_get_basename (aip_cache_get_path (cache));

  if (g_getenv (WRITER_ENV) != NULL)
    {
      g_printerr ("writing\n");
      for (guint i = 0; i < N_CONCURRENT_WRITES; i++)
        {
          g_assert_true (write_body (cache, theirs, &error));
          g_assert_no_error (error);
        }
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, WRITER_ENV, "1", TRUE);
  writer = g_subprocess_launcher_spawn (launcher, &error, test_program, "-p", g_test_get_path (), NULL);
  g_assert_no_error (error);
  /* Started together, or the two would barely overlap */
  writer_err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (writer));
  line = g_data_input_stream_read_line (writer_err, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "writing");

  for (guint i = 0; i < N_CONCURRENT_WRITES; i++)
    {
      g_assert_true (write_body (cache, ours, &error));
      g_assert_no_error (error);
    }

  g_subprocess_wait_check (writer, NULL, &error);
  g_assert_no_error (error);

  on_disk = file_bytes (aip_cache_get_path (cache));
  g_assert_true (g_bytes_equal (on_disk, ours) || g_bytes_equal (on_disk, theirs));
  listing = list_directory (cache);
  g_assert_cmpstr (listing, ==, base_name);
}

static void
test_order (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) first = fixture ("outbound-assistants.json");
  g_autoptr(GBytes) second = fixture ("outbound-assistants-wrapped.json");
  g_autoptr(GAsyncResult) result_1 = NULL;
  g_autoptr(GAsyncResult) result_2 = NULL;
  g_autoptr(GAsyncResult) result_3 = NULL;
  g_autoptr(GAsyncResult) result_4 = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  /* Asked for one after another without waiting: the last one stays. */
  aip_cache_write_async (cache, first, NULL, aip_test_store_result_cb, &result_1);
  aip_cache_delete_async (cache, NULL, aip_test_store_result_cb, &result_2);
  aip_cache_write_async (cache, second, NULL, aip_test_store_result_cb, &result_3);
  g_assert_true (aip_cache_write_finish (cache, aip_test_wait_for_result (&result_1), &error));
  g_assert_true (aip_cache_delete_finish (cache, aip_test_wait_for_result (&result_2), &error));
  g_assert_true (aip_cache_write_finish (cache, aip_test_wait_for_result (&result_3), &error));
  g_assert_no_error (error);
  on_disk = file_bytes (aip_cache_get_path (cache));
  g_assert_true (g_bytes_equal (on_disk, second));

  /* A sign-out asked for after a write leaves nothing. */
  g_clear_object (&result_1);
  aip_cache_write_async (cache, first, NULL, aip_test_store_result_cb, &result_1);
  aip_cache_delete_async (cache, NULL, aip_test_store_result_cb, &result_4);
  g_assert_true (aip_cache_write_finish (cache, aip_test_wait_for_result (&result_1), &error));
  g_assert_true (aip_cache_delete_finish (cache, aip_test_wait_for_result (&result_4), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (aip_cache_get_path (cache), G_FILE_TEST_EXISTS));
}

static void
test_corrupt (void)
{
  static const char *bodies[] = {
    "",
    "{not json",
    "[{\"id\": 1, \"name\": \"cut off",
    "{\"message\": \"an object that is not a response\"}",
    "\xff\xfe[]",
  };
  g_autoptr(AipCache) cache = test_cache ();

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (bodies[i], strlen (bodies[i]));
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (write_body (cache, body, &error));
      g_assert_no_error (error);
      response = read_copy (cache, &modified, &error);
      g_assert_nonnull (error);
      g_assert_null (response);
      g_assert_null (modified);
    }
}

static void
test_unreadable (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) body = fixture ("outbound-assistants.json");
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (g_get_user_cache_dir (), "elsewhere.json",
                                                 NULL);

  /* A directory where the copy should be. */
  g_assert_cmpint (g_mkdir_with_parents (aip_cache_get_path (cache), 0700), ==, 0);
  response = read_copy (cache, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (response);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (aip_cache_get_path (cache)), ==, 0);

  /* A link to a file elsewhere is not followed. */
  g_assert_true (g_file_set_contents (elsewhere, g_bytes_get_data (body, NULL),
                                      g_bytes_get_size (body), &error));
  g_assert_cmpint (symlink (elsewhere, aip_cache_get_path (cache)), ==, 0);
  response = read_copy (cache, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (response);
  g_clear_error (&error);

  /* Writing replaces the link itself, not the file it points to. */
  g_assert_true (write_body (cache, body, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (aip_cache_get_path (cache), G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (file_mode (elsewhere), !=, 0);
}

static void
test_missing (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) error = NULL;

  response = read_copy (cache, &modified, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (response);
  g_assert_null (modified);
}

static void
test_delete (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) body = fixture ("outbound-assistants.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *stray = temp_path (cache, "aB3dE9");
  g_autofree char *listing = NULL;

  g_assert_true (write_body (cache, body, &error));
  g_assert_true (g_file_set_contents (stray, "[", -1, &error));
  g_assert_no_error (error);

  g_assert_true (delete_copy (cache, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (aip_cache_get_path (cache), G_FILE_TEST_EXISTS));
  /* What a crash left goes too. */
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  listing = list_directory (cache);
  g_assert_cmpstr (listing, ==, "");

  /* Deleting what is not there is no error. */
  g_assert_true (delete_copy (cache, &error));
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  g_autoptr(AipCache) cache = test_cache ();
  g_autoptr(GBytes) body = fixture ("outbound-assistants.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  aip_cache_write_async (cache, body, cancellable, aip_test_store_result_cb, &result);
  g_assert_false (aip_cache_write_finish (cache, aip_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (aip_cache_get_path (cache), G_FILE_TEST_EXISTS));
}

static gboolean
directory_contains (const char *directory,
                    const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (directory_contains (path, needle))
            return TRUE;
          continue;
        }

      if (g_file_get_contents (path, &contents, &length, NULL) &&
          g_strstr_len (contents, length, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_no_token (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipClient) client = NULL;
  g_autoptr(AipCache) cache = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;

  /* A real fetch with the token, and its response written as the window
   * does after a good refresh. */
  aip_test_server_set_reply_file (server, TOKEN, "outbound-assistants.json");
  client = aip_client_new (aip_test_server_get_base_url (server), &error);
  g_assert_no_error (error);
  aip_client_fetch_outbound_async (client, TOKEN, NULL, aip_test_store_result_cb, &result);
  response = aip_client_fetch_outbound_finish (client, aip_test_wait_for_result (&result), NULL, &error);
  g_assert_no_error (error);
  authorization = aip_test_server_dup_last_authorization (server);
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);

  cache = aip_cache_new (aip_client_get_base_url (client));
  g_assert_true (write_body (cache, aip_response_get_body (response), &error));
  g_assert_no_error (error);

  g_assert_true (directory_contains (g_get_user_cache_dir (), "Sales Outbound Assistant"));
  g_assert_false (directory_contains (g_get_user_cache_dir (), TOKEN));
  g_assert_false (directory_contains (g_get_user_cache_dir (), "Bearer"));
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = NULL;
  g_autoptr(GFile) cache_dir = NULL;
  int status;

  /* The other instance of /cache/other-instance: it holds a temporary
   * file until it is killed. */
  if (g_getenv (HOLDER_ENV) != NULL)
    {
      hold_temp (g_getenv (HOLDER_ENV));
      g_print ("holding\n");
      fflush (stdout);
      while (TRUE)
        pause ();
    }

  test_program = argv[0];

  /* An empty XDG_CACHE_HOME of our own, before GLib first reads it; a copy
   * of this program that writes along shares its parent's. */
  if (g_getenv (WRITER_ENV) != NULL)
    {
      cache_home = g_strdup (g_getenv ("XDG_CACHE_HOME"));
    }
  else
    {
      cache_home = g_dir_make_tmp ("test-cache-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
    }
  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();
  g_assert_cmpstr (g_get_user_cache_dir (), ==, cache_home);

  g_test_add_func ("/cache/path", test_path);
  g_test_add_func ("/cache/round-trip", test_round_trip);
  g_test_add_func ("/cache/mode", test_mode);
  g_test_add_func ("/cache/atomic-replace", test_atomic_replace);
  g_test_add_func ("/cache/other-instance", test_other_instance);
  g_test_add_func ("/cache/concurrent", test_concurrent);
  g_test_add_func ("/cache/order", test_order);
  g_test_add_func ("/cache/corrupt", test_corrupt);
  g_test_add_func ("/cache/unreadable", test_unreadable);
  g_test_add_func ("/cache/missing", test_missing);
  g_test_add_func ("/cache/delete", test_delete);
  g_test_add_func ("/cache/cancelled", test_cancelled);
  g_test_add_func ("/cache/no-token", test_no_token);

  status = g_test_run ();

  if (g_getenv (WRITER_ENV) == NULL)
    {
      cache_dir = g_file_new_for_path (cache_home);
      remove_tree (cache_dir);
    }

  return status;
}
