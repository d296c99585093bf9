/* test-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-test-keyring.h"
#include "aip-test-log.h"

#define SCHEMA_NAME "com.aiployees.Assistants.Token"

/* Set in a copy of this program that runs on a bus of its own (see
 * run_on_bare_bus()); holds that bus's address. */
#define BARE_BUS_ENV "AIP_TEST_BARE_BUS"

static const char *test_program;

/* Helpers */

static void
assert_finalized (AipTokenStore *store)
{
  GSource *guard;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  g_object_unref (store);

  guard = guard_new (30, "Finalizing the store");

  while (store != NULL)
    g_main_context_iteration (NULL, TRUE);

  guard_free (guard);
}

/* Never touch the keyring of the person running the tests: only the private
 * one that build-aux/with-keyring sets up under a throwaway HOME. */
static GList *
search_items (const char *base_url)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;

  attributes = secret_attributes_build (aip_token_store_get_schema (),
                                        "base-url", base_url,
                                        NULL);
  items = secret_service_search_sync (NULL, aip_token_store_get_schema (), attributes,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);

  return items;
}

/* Tests against the private keyring */

static void
test_round_trip (void)
{
  const char *url = "https://round-trip.example.test/api";
  g_autoptr(AipTokenStore) store = NULL;
  GList *items;

  if (skip_without_private_keyring ())
    return;

  store = aip_token_store_new ();

  assert_lookup (store, url, NULL);

  assert_store (store, url, "first-token");
  assert_lookup (store, url, "first-token");

  assert_store (store, url, "second-token");
  assert_lookup (store, url, "second-token");

  /* Replaced, not added beside the first one. */
  items = search_items (url);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);

  assert_clear (store, url);
  assert_lookup (store, url, NULL);

  items = search_items (url);
  g_assert_null (items);

  /* Clearing what is not there is no error. */
  assert_clear (store, url);

  g_assert_false (aip_token_store_get_prompting (store));
}

static void
test_two_base_urls (void)
{
  const char *production = "https://call.example.test/api";
  const char *staging = "https://staging.call.example.test/api";
  g_autoptr(AipTokenStore) store = NULL;

  if (skip_without_private_keyring ())
    return;

  store = aip_token_store_new ();

  assert_store (store, production, "production-token");
  assert_store (store, staging, "staging-token");
  assert_lookup (store, production, "production-token");
  assert_lookup (store, staging, "staging-token");

  /* A path is part of the identity too. */
  assert_lookup (store, "https://call.example.test", NULL);

  assert_clear (store, staging);
  assert_lookup (store, staging, NULL);
  assert_lookup (store, production, "production-token");

  assert_clear (store, production);
  assert_lookup (store, production, NULL);
}

static void
test_unknown_base_url (void)
{
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  if (skip_without_private_keyring ())
    return;

  store = aip_token_store_new ();
  token = lookup (store, "https://never-stored.example.test/api", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);
}

static void
test_item (void)
{
  const char *url = "https://item.example.test:8443/api";
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *schema_name = NULL;
  g_autofree char *label = NULL;
  SecretItem *item;
  GList *items;

  if (skip_without_private_keyring ())
    return;

  store = aip_token_store_new ();
  assert_store (store, url, "item-token");

  items = search_items (url);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;

  schema_name = secret_item_get_schema_name (item);
  g_assert_cmpstr (schema_name, ==, SCHEMA_NAME);

  label = secret_item_get_label (item);
  g_assert_cmpstr (label, ==, "Outbound Assistants token for item.example.test");

  attributes = secret_item_get_attributes (item);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "base-url"), ==, url);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, SCHEMA_NAME);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 2);

  g_list_free_full (items, g_object_unref);

  assert_clear (store, url);
}

/* An item of another application with the same attribute is not ours. */
static void
test_schema_name_matched (void)
{
  const char *url = "https://matched.example.test/api";
  static const SecretSchema other_schema = {
    "org.example.Other", SECRET_SCHEMA_NONE,
    {
      { "base-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_private_keyring ())
    return;

  secret_password_store_sync (&other_schema, SECRET_COLLECTION_DEFAULT, "Other", "not-ours",
                              NULL, &error, "base-url", url, NULL);
  g_assert_no_error (error);

  store = aip_token_store_new ();
  assert_lookup (store, url, NULL);
  assert_store (store, url, "ours");
  assert_clear (store, url);

  /* Clearing ours left theirs alone. */
  {
    char *theirs = secret_password_lookup_sync (&other_schema, NULL, &error, "base-url", url, NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (theirs, ==, "not-ours");
    secret_password_free (theirs);
  }

  secret_password_clear_sync (&other_schema, NULL, &error, "base-url", url, NULL);
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  char *token;

  if (skip_without_private_keyring ())
    return;

  store = aip_token_store_new ();
  g_cancellable_cancel (cancellable);

  token = lookup (store, "https://cancelled.example.test/api", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (token);
}

/* Tests that need no keyring */

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

static void
test_properties (void)
{
  g_autoptr(AipTokenStore) store = aip_token_store_new ();
  guint n_notified = 0;
  guint timeout;
  gboolean prompting;

  g_assert_cmpuint (aip_token_store_get_timeout (store), ==, 10);
  g_assert_false (aip_token_store_get_prompting (store));

  g_signal_connect (store, "notify::timeout", G_CALLBACK (notify_cb), &n_notified);

  aip_token_store_set_timeout (store, 2);
  aip_token_store_set_timeout (store, 2);
  g_assert_cmpuint (n_notified, ==, 1);

  g_object_set (store, "timeout", 3, NULL);
  g_object_get (store, "timeout", &timeout, "prompting", &prompting, NULL);
  g_assert_cmpuint (timeout, ==, 3);
  g_assert_false (prompting);
  g_assert_cmpuint (n_notified, ==, 2);

  g_assert_cmpuint (aip_token_store_get_prompt_timeout (store), ==, 0);
  g_signal_connect (store, "notify::prompt-timeout", G_CALLBACK (notify_cb), &n_notified);
  aip_token_store_set_prompt_timeout (store, 30);
  aip_token_store_set_prompt_timeout (store, 30);
  g_assert_cmpuint (n_notified, ==, 3);
  g_object_get (store, "prompt-timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 30);
}

static void
test_schema (void)
{
  const SecretSchema *schema = aip_token_store_get_schema ();

  g_assert_true (schema == aip_token_store_get_schema ());
  g_assert_cmpstr (schema->name, ==, SCHEMA_NAME);
  g_assert_cmpint (schema->flags, ==, SECRET_SCHEMA_NONE);
  g_assert_cmpstr (schema->attributes[0].name, ==, "base-url");
  g_assert_cmpint (schema->attributes[0].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_null (schema->attributes[1].name);
}

/* Tests on a bus without a Secret Service */

/* Runs this test again in a copy of the program whose session bus is a
 * dbus-daemon from tests/no-secret-service.conf, on which nothing can be
 * activated: a plain dbus-run-session would start gnome-keyring on demand. */
static void
run_on_bare_bus (void)
{
  g_autofree char *config = NULL;
  g_autofree char *address = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *child_err = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) daemon_out = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GSource *guard;

  config = g_test_build_filename (G_TEST_DIST, "no-secret-service.conf", NULL);

  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "dbus-daemon", "--config-file", config,
                             "--print-address=1", "--nofork",
                             NULL);
  if (daemon == NULL)
    {
      g_test_skip_printf ("dbus-daemon is needed: %s", error->message);
      return;
    }

  daemon_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon));
  address = g_data_input_stream_read_line (daemon_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_strchomp (address);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_subprocess_launcher_setenv (launcher, BARE_BUS_ENV, address, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error,
                                       test_program, "-p", g_test_get_path (),
                                       NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (child, NULL, NULL, aip_test_store_result_cb, &result);

  guard = guard_new (60, "The test on the bare bus");
  aip_test_wait_for_result (&result);
  guard_free (guard);

  g_subprocess_communicate_utf8_finish (child, result, &child_out, &child_err, &error);
  g_assert_no_error (error);

  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);

  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    {
      g_printerr ("%s%s", child_out, child_err);
      g_test_fail_printf ("The test on the bare bus failed");
    }
  else
    {
      g_test_message ("%s", child_out);
    }
}

static void
assert_unavailable (AipTokenStore *store,
                    const char    *base_url)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = lookup (store, base_url, NULL, &error);
  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_UNAVAILABLE);
  g_assert_null (token);
  g_clear_error (&error);

  g_assert_false (store_token (store, base_url, "unavailable-token", &error));
  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  g_assert_false (clear_token (store, base_url, &error));
  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_UNAVAILABLE);
}

static void
test_no_service (void)
{
  AipTokenStore *store;

  if (g_getenv (BARE_BUS_ENV) == NULL)
    {
      run_on_bare_bus ();
      return;
    }

  store = aip_token_store_new ();
  aip_token_store_set_timeout (store, 2);

  assert_unavailable (store, "https://no-service.example.test/api");
  g_assert_false (aip_token_store_get_prompting (store));

  assert_finalized (store);
}

static GDBusMessage *
drop_method_calls_filter (GDBusConnection *connection,
                          GDBusMessage    *message,
                          gboolean         incoming,
                          gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }

  return message;
}

/* A Secret Service that owns its name and never answers, as a hung one. */
static GDBusConnection *
own_silent_secret_service (void)
{
  g_autoptr(GDBusConnection) connection = NULL;

  connection = connect_to_bus (g_getenv (BARE_BUS_ENV));
  g_dbus_connection_add_filter (connection, drop_method_calls_filter, NULL, NULL);
  own_name (connection, "org.freedesktop.secrets");

  return g_steal_pointer (&connection);
}

static void
test_hung_service (void)
{
  g_autoptr(GDBusConnection) silent = NULL;
  AipTokenStore *store;

  if (g_getenv (BARE_BUS_ENV) == NULL)
    {
      run_on_bare_bus ();
      return;
    }

  silent = own_silent_secret_service ();

  store = aip_token_store_new ();
  aip_token_store_set_timeout (store, 2);

  assert_unavailable (store, "https://hung-service.example.test/api");
  g_assert_false (aip_token_store_get_prompting (store));

  assert_finalized (store);
  g_dbus_connection_close_sync (silent, NULL, NULL);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancelling does not wait for a service that does not answer. */
static void
test_cancel_hung_service (void)
{
  g_autoptr(GDBusConnection) silent = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) error = NULL;
  AipTokenStore *store;
  char *token;

  if (g_getenv (BARE_BUS_ENV) == NULL)
    {
      run_on_bare_bus ();
      return;
    }

  silent = own_silent_secret_service ();

  store = aip_token_store_new ();
  /* Long enough that only the cancellation can end the lookup first. */
  aip_token_store_set_timeout (store, 600);

  cancellable = g_cancellable_new ();
  g_timeout_add (100, cancel_cb, cancellable);

  token = lookup (store, "https://cancel.example.test/api", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (token);

  assert_finalized (store);
  g_dbus_connection_close_sync (silent, NULL, NULL);
}

/* The command line gives up on a keyring that does not answer after
 * --keyring-timeout, and says what it waited for. */
static void
test_cli_hung_service (void)
{
  g_autoptr(GDBusConnection) silent = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 started;
  int status;

  if (g_getenv (BARE_BUS_ENV) == NULL)
    {
      run_on_bare_bus ();
      return;
    }

  silent = own_silent_secret_service ();

  started = g_get_monotonic_time ();
  status = aip_test_keyring_run_cli ((const char *[]) { "--list", "--keyring-timeout=1",
                                                        "--base-url=https://cli-hung.example.test/api",
                                                        NULL },
                                     &out, &err);

  g_assert_cmpint (status, ==, 3);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "The system keyring did not answer within 1 second"));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 8 * G_USEC_PER_SEC);

  g_dbus_connection_close_sync (silent, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];

  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  g_test_add_func ("/token-store/schema", test_schema);
  g_test_add_func ("/token-store/properties", test_properties);
  g_test_add_func ("/token-store/round-trip", test_round_trip);
  g_test_add_func ("/token-store/two-base-urls", test_two_base_urls);
  g_test_add_func ("/token-store/unknown-base-url", test_unknown_base_url);
  g_test_add_func ("/token-store/item", test_item);
  g_test_add_func ("/token-store/schema-name-matched", test_schema_name_matched);
  g_test_add_func ("/token-store/cancelled", test_cancelled);
  g_test_add_func ("/token-store/no-service", test_no_service);
  g_test_add_func ("/token-store/hung-service", test_hung_service);
  g_test_add_func ("/token-store/cli-hung-service", test_cli_hung_service);
  g_test_add_func ("/token-store/cancel-hung-service", test_cancel_hung_service);

  return g_test_run ();
}

