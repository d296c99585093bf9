/* test-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <utime.h>

#include "aip-cache.h"
#include "aip-client.h"
#include "aip-test-async.h"
#include "aip-test-server.h"

#define TOKEN "cache-sentinel-9f3a61c0d2"

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
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;

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

  /* The next write clears what an old crash left, not a file another
   * write may still be filling. */
  make_old (stray);
  g_assert_true (g_file_set_contents (recent, "[", -1, &error));
  g_assert_true (write_body (cache, first, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (recent), ==, 0);

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
  expected = g_strdup_printf ("%s %s.Q7xk2P", base_name, base_name);
  g_assert_cmpstr (listing, ==, expected);
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

  /* An empty XDG_CACHE_HOME of our own, before GLib first reads it. */
  cache_home = g_dir_make_tmp ("test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (g_get_user_cache_dir (), ==, cache_home);

  g_test_add_func ("/cache/path", test_path);
  g_test_add_func ("/cache/round-trip", test_round_trip);
  g_test_add_func ("/cache/mode", test_mode);
  g_test_add_func ("/cache/atomic-replace", test_atomic_replace);
  g_test_add_func ("/cache/order", test_order);
  g_test_add_func ("/cache/corrupt", test_corrupt);
  g_test_add_func ("/cache/unreadable", test_unreadable);
  g_test_add_func ("/cache/missing", test_missing);
  g_test_add_func ("/cache/delete", test_delete);
  g_test_add_func ("/cache/cancelled", test_cancelled);
  g_test_add_func ("/cache/no-token", test_no_token);

  status = g_test_run ();

  cache_dir = g_file_new_for_path (cache_home);
  remove_tree (cache_dir);

  return status;
}
