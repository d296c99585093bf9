/* test-leak.c: the token goes to the keyring and nowhere else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "aip-account.h"
#include "aip-token-store.h"
#include "aip-test-async.h"
#include "aip-test-log.h"
#include "aip-test-server.h"

#define SENTINEL "leak-sentinel-4b1d0c77e2"

static void
run_cli (AipTestServer *server,
         const char    *input,
         const char    *argument,
         GString       *output)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strdup_printf ("--base-url=%s", aip_test_server_get_base_url (server));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  /* Settings land in a file under the test HOME, which is searched below. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "AIPLOYEES_TOKEN");

  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("AIP_EXECUTABLE"), argument, base, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s%s", argument, out, err);
  g_assert_true (g_subprocess_get_successful (process));

  g_string_append (output, out);
  g_string_append (output, err);
}

static void
assert_not_in_files (const char *directory,
                     const char *keyrings)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      /* The keyring's own files are where the token belongs. */
      if (g_str_equal (path, keyrings))
        continue;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_not_in_files (path, keyrings);
          continue;
        }

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      if (g_strstr_len (contents, length, SENTINEL) != NULL)
        g_error ("The token was written to %s", path);
    }
}

static void
test_leak_everywhere (void)
{
  const char *home = g_getenv ("AIP_TEST_HOME");
  g_autoptr(AipTestServer) server = NULL;
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(AipAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *keyrings = NULL;
  char *token;

  if (home == NULL)
    {
      g_test_skip ("Needs the throwaway HOME and keyring of build-aux/with-keyring");
      return;
    }

  server = aip_test_server_new ();
  aip_test_server_set_reply_file (server, SENTINEL, "outbound-assistants.json");

  /* The way the sign-in page goes. */
  store = aip_token_store_new ();
  account = aip_account_new (store);
  aip_account_set_base_url (account, aip_test_server_get_base_url (server), &error);
  g_assert_no_error (error);
  aip_account_sign_in_async (account, SENTINEL, TRUE, NULL, aip_test_store_result_cb, &result);
  aip_account_sign_in_finish (account, aip_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  aip_token_store_lookup_async (store, aip_account_get_base_url (account), NULL, aip_test_store_result_cb, &result);
  token = aip_token_store_lookup_finish (store, aip_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, SENTINEL);
  aip_token_store_free_token (token);
  g_clear_object (&result);

  /* The way the command line goes. */
  run_cli (server, SENTINEL "\n", "--sign-in", output);
  run_cli (server, NULL, "--list", output);
  run_cli (server, NULL, "--sign-out", output);
  g_assert_null (strstr (output->str, SENTINEL));

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_assert_nonnull (schema);
  settings = g_settings_new (APP_ID);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, SENTINEL));
    }

  keyrings = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  assert_not_in_files (home, keyrings);
  assert_not_in_files (g_get_user_config_dir (), keyrings);
  assert_not_in_files (g_get_user_cache_dir (), keyrings);
  assert_not_in_files (g_get_user_data_dir (), keyrings);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  g_test_add_func ("/leak/everywhere", test_leak_everywhere);

  return g_test_run ();
}
