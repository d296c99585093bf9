/* aip-test-keyring.h: the token store against the private keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-token-store-private.h"
#include "aip-test-async.h"

G_BEGIN_DECLS

static inline char *
lookup (AipTokenStore  *store,
        const char     *base_url,
        GCancellable   *cancellable,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_token_store_lookup_async (store, base_url, cancellable, aip_test_store_result_cb, &result);
  return aip_token_store_lookup_finish (store, aip_test_wait_for_result (&result), error);
}

static inline gboolean
store_token (AipTokenStore  *store,
             const char     *base_url,
             const char     *token,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_token_store_store_async (store, base_url, token, NULL, aip_test_store_result_cb, &result);
  return aip_token_store_store_finish (store, aip_test_wait_for_result (&result), error);
}

static inline gboolean
clear_token (AipTokenStore  *store,
             const char     *base_url,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_token_store_clear_async (store, base_url, NULL, aip_test_store_result_cb, &result);
  return aip_token_store_clear_finish (store, aip_test_wait_for_result (&result), error);
}

static inline void
assert_lookup (AipTokenStore *store,
               const char    *base_url,
               const char    *expected)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = lookup (store, base_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected);
  aip_token_store_free_token (token);
}

static inline void
assert_store (AipTokenStore *store,
              const char    *base_url,
              const char    *token)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store_token (store, base_url, token, &error));
  g_assert_no_error (error);
}

static inline void
assert_clear (AipTokenStore *store,
              const char    *base_url)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clear_token (store, base_url, &error));
  g_assert_no_error (error);
}

static inline gboolean
fail_waiting_cb (gpointer user_data)
{
  g_error ("%s took too long", (const char *)user_data);
  return G_SOURCE_REMOVE;
}

/* Fails the test if what follows hangs, for as long as it is attached. */
static inline GSource *
guard_new (guint       seconds,
           const char *what)
{
  GSource *guard = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (guard, fail_waiting_cb, (gpointer)what, NULL);
  g_source_attach (guard, NULL);

  return guard;
}

static inline void
guard_free (GSource *guard)
{
  g_source_destroy (guard);
  g_source_unref (guard);
}

/* A connection of its own, to stand in for a service on the bus. */
static inline GDBusConnection *
connect_to_bus (const char *address)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static inline void
own_name (GDBusConnection *connection,
          const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 status;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", name,
                                                      G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &status);
  g_assert_cmpuint (status, ==, 1);
}

/* Operations that gave up early still have libsecret calls in flight, each
 * holding the store; they must all come back and let it go. */
static inline gboolean
skip_without_private_keyring (void)
{
  const char *test_home = g_getenv ("AIP_TEST_HOME");
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (test_home == NULL ||
      g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL ||
      g_strcmp0 (test_home, g_get_home_dir ()) != 0)
    {
      g_test_skip ("Needs the private keyring of build-aux/with-keyring");
      return TRUE;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus", "NameHasOwner",
                                         g_variant_new ("(s)", "org.freedesktop.secrets"),
                                         G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                         5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  if (!has_owner)
    {
      g_test_skip ("No keyring runs on the private bus of build-aux/with-keyring");
      return TRUE;
    }

  return FALSE;
}

/* Runs the executable under test with @args (ended by NULL), in English
 * and without AIPLOYEES_TOKEN, while this main loop keeps running, for
 * whatever stands in on the bus for the keyring or the person. Returns its
 * exit status. */
static inline int
aip_test_keyring_run_cli (const char * const  *args,
                          char               **out,
                          char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("AIP_EXECUTABLE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "AIPLOYEES_TOKEN");
  cli = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (cli, NULL, NULL, aip_test_store_result_cb, &result);
  g_subprocess_communicate_utf8_finish (cli, aip_test_wait_for_result (&result), out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (cli));

  return g_subprocess_get_exit_status (cli);
}

G_END_DECLS
