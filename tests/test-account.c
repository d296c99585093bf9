/* test-account.c: sign-in, refresh and sign-out against the loopback server
 * and the throwaway keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "aip-account.h"
#include "aip-client-error.h"
#include "aip-test-files.h"
#include "aip-token-store.h"
#include "aip-test-async.h"
#include "aip-test-server.h"

typedef struct
{
  AipTestServer *server;
  AipTokenStore *store;
  AipAccount    *account;
} Fixture;

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) message = bytes_of ("{\"message\": \"Unauthenticated.\"}");
  g_autoptr(GError) error = NULL;

  fixture->server = aip_test_server_new ();
  aip_test_server_set_reply_file (fixture->server, "good-token", "outbound-assistants.json");
  aip_test_server_set_reply_file (fixture->server, "other-token", "outbound-assistants-wrapped.json");
  aip_test_server_set_reply (fixture->server, NULL, 401, "application/json", message, NULL, AIP_TEST_REPLY_NORMAL);

  fixture->store = aip_token_store_new ();
  fixture->account = aip_account_new (fixture->store);
  aip_account_set_base_url (fixture->account, aip_test_server_get_base_url (fixture->server), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Cancelled operations still report back, holding the account until then. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->account);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->server, aip_test_server_free);
}

static void
wait_refreshed (AipAccount *account)
{
  while (aip_account_get_refreshing (account))
    g_main_context_iteration (NULL, TRUE);
}

static char *
stored_token (Fixture    *fixture,
              const char *base_url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  aip_token_store_lookup_async (fixture->store, base_url, NULL, aip_test_store_result_cb, &result);
  token = aip_token_store_lookup_finish (fixture->store, aip_test_wait_for_result (&result), &error);
  g_assert_no_error (error);

  return token;
}

static gboolean
sign_in (Fixture     *fixture,
         const char  *token,
         gboolean     save,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_account_sign_in_async (fixture->account, token, save, NULL, aip_test_store_result_cb, &result);
  return aip_account_sign_in_finish (fixture->account, aip_test_wait_for_result (&result), error);
}

static void
sign_out (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  aip_account_sign_out_async (fixture->account, NULL, aip_test_store_result_cb, &result);
  aip_account_sign_out_finish (fixture->account, aip_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
}

static gboolean
skip_without_keyring (void)
{
  if (g_getenv ("AIP_TEST_HOME") != NULL)
    return FALSE;

  g_test_skip ("Needs the throwaway keyring of build-aux/with-keyring");
  return TRUE;
}

static void
test_account_sign_in (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *base_url = aip_account_get_base_url (fixture->account);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_SIGNED_OUT);

  /* Rejected: nothing stored, nothing shown. */
  g_assert_false (sign_in (fixture, "revoked", TRUE, &error));
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_null (stored_token (fixture, base_url));
  g_assert_false (aip_account_has_token (fixture->account));
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_SIGNED_OUT);

  /* Accepted, with spaces around it as pasted: stored and shown. */
  g_assert_true (sign_in (fixture, "  good-token\n", TRUE, &error));
  g_assert_no_error (error);
  token = stored_token (fixture, base_url);
  g_assert_cmpstr (token, ==, "good-token");
  g_assert_true (aip_account_has_token (fixture->account));
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 2);
  g_assert_nonnull (aip_account_get_updated_at (fixture->account));

  /* Signing in again replaces the stored token. */
  g_assert_true (sign_in (fixture, "other-token", TRUE, &error));
  g_clear_pointer (&token, g_free);
  token = stored_token (fixture, base_url);
  g_assert_cmpstr (token, ==, "other-token");

  sign_out (fixture);
  g_assert_null (stored_token (fixture, base_url));
  g_assert_false (aip_account_has_token (fixture->account));
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_SIGNED_OUT);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 0);
}

static void
test_account_sign_in_network_error (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  aip_account_set_base_url (fixture->account, "http://127.0.0.1:1/api", &error);
  g_assert_no_error (error);

  g_assert_false (sign_in (fixture, "good-token", TRUE, &error));
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_NETWORK);
  g_assert_null (stored_token (fixture, "http://127.0.0.1:1/api"));
  g_assert_false (aip_account_has_token (fixture->account));
}

static void
test_account_without_saving (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_true (sign_in (fixture, "good-token", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (aip_account_has_token (fixture->account));
  g_assert_null (stored_token (fixture, aip_account_get_base_url (fixture->account)));
}

static void
test_account_refresh (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) html = bytes_of ("<html><body>502 Bad Gateway</body></html>");
  guint before;

  aip_account_set_token (fixture->account, "good-token");
  aip_account_refresh (fixture->account);
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_LOADING);
  /* Asked for while one runs: ignored. */
  aip_account_refresh (fixture->account);
  wait_refreshed (fixture->account);
  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 1);
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 2);

  /* A failing refresh keeps what is shown. */
  aip_test_server_set_reply (fixture->server, "good-token", 502, "text/html", html, NULL, AIP_TEST_REPLY_NORMAL);
  before = aip_test_server_get_n_requests (fixture->server);
  aip_account_refresh (fixture->account);
  wait_refreshed (fixture->account);
  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, before + 1);
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_ERROR);
  g_assert_error ((GError *) aip_account_get_error (fixture->account), AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_SERVER);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 2);
}

static void
test_account_new_token_cancels (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GBytes) empty = bytes_of ("[]");

  aip_test_server_set_reply (fixture->server, "slow-token", 200, "application/json", empty, NULL, AIP_TEST_REPLY_HANG);
  aip_account_set_token (fixture->account, "slow-token");
  aip_account_refresh (fixture->account);
  g_assert_true (aip_account_get_refreshing (fixture->account));

  aip_account_set_token (fixture->account, "good-token");
  g_assert_false (aip_account_get_refreshing (fixture->account));

  aip_account_refresh (fixture->account);
  wait_refreshed (fixture->account);
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 2);
}

static void
test_account_base_url (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AipTestServer) other = aip_test_server_new ();
  g_autoptr(GError) error = NULL;

  aip_test_server_set_reply_file (other, NULL, "outbound-assistants.json");

  aip_account_set_token (fixture->account, "good-token");
  aip_account_refresh (fixture->account);
  wait_refreshed (fixture->account);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 2);

  /* Another server: the token and data of the first are forgotten, and
   * nothing is sent to the second. */
  g_assert_true (aip_account_set_base_url (fixture->account, aip_test_server_get_base_url (other), &error));
  g_assert_no_error (error);
  g_assert_false (aip_account_has_token (fixture->account));
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_SIGNED_OUT);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 0);
  aip_account_refresh (fixture->account);
  g_assert_false (aip_account_get_refreshing (fixture->account));
  g_assert_cmpuint (aip_test_server_get_n_requests (other), ==, 0);

  g_assert_false (aip_account_set_base_url (fixture->account, "http://example.com/api", &error));
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_BASE_URL);
  g_assert_cmpstr (aip_account_get_base_url (fixture->account), ==, aip_test_server_get_base_url (other));
}

static void
test_account_sample (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  aip_account_load_sample_async (fixture->account, NULL, aip_test_store_result_cb, &result);
  g_assert_true (aip_account_load_sample_finish (fixture->account, aip_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (aip_account_get_sample (fixture->account));
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 2);

  /* The sample never sends a request. */
  aip_account_refresh (fixture->account);
  g_assert_false (aip_account_get_refreshing (fixture->account));
  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 0);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_account_offline_copy (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AipAccount) second = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  guint found = 0;
  gint64 end;

  if (skip_without_keyring ())
    return;

  g_assert_true (sign_in (fixture, "good-token", TRUE, &error));
  g_assert_no_error (error);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, aip_account_get_base_url (fixture->account), -1);
  path = g_strdup_printf ("%s/aiployees-assistants/%s.json", g_get_user_cache_dir (), hash);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Next start: the copy shows at once while the server has not answered. */
  second = aip_account_new (fixture->store);
  aip_account_set_base_url (second, aip_account_get_base_url (fixture->account), &error);
  g_assert_no_error (error);
  empty = bytes_of ("[]");
  aip_test_server_set_reply (fixture->server, "good-token", 200, "application/json", empty, NULL, AIP_TEST_REPLY_HANG);
  aip_account_set_token (second, "good-token");
  aip_account_refresh (second);
  while (aip_account_get_state (second) != AIP_ACCOUNT_STATE_READY)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (aip_account_get_offline_copy (second));
  g_assert_true (aip_account_get_refreshing (second));
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (second)), ==, 2);
  g_assert_nonnull (aip_account_get_updated_at (second));

  /* The server answers with a change against the copy. */
  changed = bytes_of ("[{\"id\": 123, \"name\": \"Renamed\"}, {\"id\": 125, \"name\": \"New\"}]");
  aip_account_set_token (second, NULL);
  aip_test_server_set_reply (fixture->server, "good-token", 200, "application/json", changed, NULL, AIP_TEST_REPLY_NORMAL);
  g_signal_connect (aip_account_get_repository (second), "changes-found", G_CALLBACK (count_cb), &found);
  aip_account_set_token (second, "good-token");
  aip_account_refresh (second);
  wait_refreshed (second);
  g_assert_false (aip_account_get_offline_copy (second));
  /* The comparison runs in a worker after the list is shown */
  while (found == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found, ==, 1);
  g_assert_cmpuint (aip_changes_get_n_new (aip_account_get_changes (second)), ==, 1);
  g_assert_cmpuint (aip_changes_get_n_changed (aip_account_get_changes (second)), ==, 1);
  g_assert_cmpuint (aip_changes_get_n_removed (aip_account_get_changes (second)), ==, 1);

  /* Signing out removes the copy. */
  sign_out (fixture);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_finalize_object (g_steal_pointer (&second));
}

static void
first_cb (GObject    *object,
          GParamSpec *pspec,
          char      **first)
{
  if (*first == NULL)
    *first = g_strdup (pspec->name);
}

/* A copy large enough that reading it takes far longer than a loopback
 * answer, written where the account looks for it. */
static void
write_large_copy (AipAccount *account,
                  guint       n_items)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         aip_account_get_base_url (account), -1);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "aiployees-assistants", NULL);
  g_autofree char *path = g_strdup_printf ("%s/%s.json", dir, hash);
  g_autoptr(GString) body = g_string_new ("[");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (body,
                            "%s{\"id\": %u, \"name\": \"Assistant %u\", \"status\": \"active\", "
                            "\"timezone\": \"Europe/Sofia\", \"system_prompt\": \"%s\"}",
                            i > 0 ? "," : "", i + 1, i + 1,
                            "You call customers about their renewal and answer questions politely.");
  g_string_append (body, "]");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (path, body->str, body->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

/* A rejected token must get its "Sign In Again" whatever arrives first:
 * the server's answer or the offline copy. */
static void
test_account_error_over_copy (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) unauthorized = bytes_of ("{\"message\": \"Unauthenticated.\"}");
  AipRepository *repository = aip_account_get_repository (fixture->account);
  g_autofree char *first = NULL;

  write_large_copy (fixture->account, 50000);

  /* The answer first, then the copy */
  g_signal_connect (repository, "notify::error", G_CALLBACK (first_cb), &first);
  g_signal_connect (repository, "notify::offline-copy", G_CALLBACK (first_cb), &first);
  aip_account_set_token (fixture->account, "revoked-token");
  aip_account_refresh (fixture->account);
  while (!aip_account_get_offline_copy (fixture->account))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (repository, &first);

  g_assert_cmpstr (first, ==, "error");
  g_assert_false (aip_account_get_refreshing (fixture->account));
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 50000);
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_ERROR);
  g_assert_error (aip_account_get_error (fixture->account), AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpint (aip_account_error_kind (aip_account_get_error (fixture->account)), ==, AIP_ERROR_KIND_SIGN_IN);

  /* The copy first, then the answer */
  aip_test_server_set_reply (fixture->server, NULL, 401, "application/json", unauthorized, NULL, AIP_TEST_REPLY_NORMAL);
  aip_account_set_token (fixture->account, NULL);
  aip_account_set_token (fixture->account, "also-revoked");
  aip_account_refresh (fixture->account);
  wait_refreshed (fixture->account);
  g_assert_true (aip_account_get_offline_copy (fixture->account));
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 50000);
  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_ERROR);
  g_assert_error (aip_account_get_error (fixture->account), AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED);
}

/* A list of nothing usable is refused: the copy on screen and on disk
 * stays, and the error says why. */
static void
test_account_none_usable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) unusable = bytes_of ("[1, 2, 3, \"x\", null, {}]");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         aip_account_get_base_url (fixture->account), -1);
  g_autofree char *path = g_strdup_printf ("%s/aiployees-assistants/%s.json", g_get_user_cache_dir (), hash);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_large_copy (fixture->account, 10);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  aip_test_server_set_reply (fixture->server, "unusable-token", 200, "application/json", unusable, NULL, AIP_TEST_REPLY_NORMAL);
  aip_account_set_token (fixture->account, "unusable-token");
  aip_account_refresh (fixture->account);
  while (aip_account_get_refreshing (fixture->account) ||
         g_list_model_get_n_items (aip_account_get_assistants (fixture->account)) == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (aip_account_get_state (fixture->account), ==, AIP_ACCOUNT_STATE_ERROR);
  g_assert_error (aip_account_get_error (fixture->account), AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (aip_account_get_error (fixture->account)->message, ==,
                   "The server sent a list in which no item is a usable assistant");
  g_assert_cmpuint (g_list_model_get_n_items (aip_account_get_assistants (fixture->account)), ==, 10);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("aip-test-cache-XXXXXX", NULL);
  int status;

  /* The offline copy goes to a throwaway cache directory. The whole set of
   * isolated directories would hide the system's GSettings schemas, which
   * GIO's proxy resolver needs. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/account/sign-in", test_account_sign_in);
  ADD ("/account/sign-in-network-error", test_account_sign_in_network_error);
  ADD ("/account/without-saving", test_account_without_saving);
  ADD ("/account/refresh", test_account_refresh);
  ADD ("/account/new-token-cancels", test_account_new_token_cancels);
  ADD ("/account/base-url", test_account_base_url);
  ADD ("/account/sample", test_account_sample);
  ADD ("/account/offline-copy", test_account_offline_copy);
  ADD ("/account/error-over-copy", test_account_error_over_copy);
  ADD ("/account/none-usable", test_account_none_usable);
#undef ADD

  status = g_test_run ();
  aip_test_remove_tree (cache);

  return status;
}
