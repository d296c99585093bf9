/* test-token-store-locked.c: the token store with a locked keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program of its own because it locks the shared throwaway keyring: no
 * other test may run meanwhile (tests/meson.build).
 */

#include "config.h"

#include "aip-test-keyring.h"
#include "aip-test-log.h"

/* Tests with a locked keyring
 *
 * gnome-keyring shows its unlock prompt through a prompter on the session
 * bus; the test stands in for it, as a person who does not answer or who
 * dismisses the prompt would. */

#define LOGIN_COLLECTION "/org/freedesktop/secrets/collection/login"

typedef enum
{
  PROMPTER_FAIL,
  PROMPTER_DISMISS,
  PROMPTER_WAIT,
} PrompterMode;

typedef struct
{
  GDBusConnection *connection;
  PrompterMode     mode;
  guint            object_id;
  guint            n_begun;
  guint            n_shown;
  /* The prompt on screen, in PROMPTER_WAIT */
  char            *sender;
  char            *callback;
} Prompter;

static const char prompter_xml[] =
  "<node>"
  "  <interface name='org.gnome.keyring.internal.Prompter'>"
  "    <method name='BeginPrompting'>"
  "      <arg name='callback' type='o' direction='in'/>"
  "    </method>"
  "    <method name='PerformPrompt'>"
  "      <arg name='callback' type='o' direction='in'/>"
  "      <arg name='type' type='s' direction='in'/>"
  "      <arg name='properties' type='a{sv}' direction='in'/>"
  "      <arg name='exchange' type='s' direction='in'/>"
  "    </method>"
  "    <method name='StopPrompting'>"
  "      <arg name='callback' type='o' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
call_prompt_callback (GDBusConnection *connection,
                      const char      *sender,
                      const char      *callback,
                      const char      *method,
                      GVariant        *parameters)
{
  g_dbus_connection_call (connection, sender, callback,
                          "org.gnome.keyring.internal.Prompter.Callback", method,
                          parameters, NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, NULL, NULL);
}

static GVariant *
prompt_ready_parameters (const char *reply)
{
  return g_variant_new ("(s@a{sv}s)", reply,
                        g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0),
                        "");
}

static void
prompter_method_call_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  Prompter *prompter = user_data;
  const char *callback;

  g_variant_get_child (parameters, 0, "&o", &callback);

  if (g_str_equal (method_name, "BeginPrompting"))
    {
      prompter->n_begun++;

      if (prompter->mode == PROMPTER_FAIL)
        {
          g_dbus_method_invocation_return_dbus_error (invocation,
                                                      "org.freedesktop.DBus.Error.Failed",
                                                      "No display to show a prompt on");
          return;
        }

      g_dbus_method_invocation_return_value (invocation, NULL);
      call_prompt_callback (connection, sender, callback, "PromptReady",
                            prompt_ready_parameters (""));
    }
  else if (g_str_equal (method_name, "PerformPrompt"))
    {
      prompter->n_shown++;
      g_dbus_method_invocation_return_value (invocation, NULL);

      /* Waiting is a person who has not answered yet. */
      if (prompter->mode == PROMPTER_DISMISS)
        {
          call_prompt_callback (connection, sender, callback, "PromptReady",
                                prompt_ready_parameters ("no"));
        }
      else
        {
          g_free (prompter->sender);
          g_free (prompter->callback);
          prompter->sender = g_strdup (sender);
          prompter->callback = g_strdup (callback);
        }
    }
  else if (g_str_equal (method_name, "StopPrompting"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      call_prompt_callback (connection, sender, callback, "PromptDone", NULL);
    }
  else
    {
      g_assert_not_reached ();
    }
}

static const GDBusInterfaceVTable prompter_vtable = {
  prompter_method_call_cb,
  NULL,
  NULL,
};

static Prompter *
prompter_new (PrompterMode mode)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  Prompter *prompter;

  prompter = g_new0 (Prompter, 1);
  prompter->mode = mode;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  prompter->connection = connect_to_bus (address);

  info = g_dbus_node_info_new_for_xml (prompter_xml, &error);
  g_assert_no_error (error);
  prompter->object_id = g_dbus_connection_register_object (prompter->connection,
                                                           "/org/gnome/keyring/Prompter",
                                                           info->interfaces[0],
                                                           &prompter_vtable,
                                                           prompter, NULL, &error);
  g_assert_no_error (error);

  own_name (prompter->connection, "org.gnome.keyring.SystemPrompter");

  return prompter;
}

/* The person closes the prompt that waited for them. */
static void
prompter_dismiss (Prompter *prompter)
{
  g_assert_nonnull (prompter->callback);

  call_prompt_callback (prompter->connection, prompter->sender, prompter->callback,
                        "PromptReady", prompt_ready_parameters ("no"));
  g_clear_pointer (&prompter->sender, g_free);
  g_clear_pointer (&prompter->callback, g_free);
}

static void
prompter_free (Prompter *prompter)
{
  g_dbus_connection_unregister_object (prompter->connection, prompter->object_id);
  g_dbus_connection_close_sync (prompter->connection, NULL, NULL);
  g_object_unref (prompter->connection);
  g_free (prompter->sender);
  g_free (prompter->callback);
  g_free (prompter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prompter, prompter_free)

static void
lock_login_keyring (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GList) objects = NULL;
  g_autoptr(GError) error = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_cmpstr (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)), ==, LOGIN_COLLECTION);

  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

/* Without a prompt: through gnome-keyring's own interface for the password
 * given on its command line, which build-aux/with-keyring passes on. */
static void
unlock_login_keyring (void)
{
  const char *password = g_getenv ("AIP_TEST_KEYRING_PASSWORD");
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *session_path;
  GVariant *secret;

  g_assert_nonnull (password);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  session = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                         "org.freedesktop.Secret.Service", "OpenSession",
                                         g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                         G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE,
                                         5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get_child (session, 1, "&o", &session_path);

  secret = g_variant_new ("(o@ay@ays)", session_path,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, password,
                                                     strlen (password), 1),
                          "text/plain");
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                                       "UnlockWithMasterPassword",
                                       g_variant_new ("(o@(oayays))", LOGIN_COLLECTION, secret),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", session_path,
                                       "org.freedesktop.Secret.Session", "Close",
                                       NULL, NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

/* A store with @token stored for @url, then the keyring locked, with a
 * prompter in @mode standing in for the person */
static AipTokenStore *
locked_store_new (const char    *url,
                  const char    *token,
                  PrompterMode   mode,
                  Prompter     **prompter)
{
  AipTokenStore *store = aip_token_store_new ();

  assert_store (store, url, token);
  *prompter = prompter_new (mode);
  lock_login_keyring ();

  return store;
}

static void
prompting_changed_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  GString *changes = user_data;

  g_string_append_c (changes, aip_token_store_get_prompting (AIP_TOKEN_STORE (object)) ? '1' : '0');
}

static void
assert_locked_with_prompter (PrompterMode mode)
{
  const char *url = "https://locked.example.test/api";
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(Prompter) prompter = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *token;

  if (skip_without_private_keyring ())
    return;

  store = locked_store_new (url, "locked-token", mode, &prompter);

  g_signal_connect (store, "notify::prompting", G_CALLBACK (prompting_changed_cb), changes);

  token = lookup (store, url, NULL, &error);
  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_LOCKED);
  g_assert_null (token);
  g_clear_error (&error);

  g_assert_false (store_token (store, url, "other-token", &error));
  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_cmpstr (changes->str, ==, "1010");
  g_assert_cmpuint (prompter->n_begun, ==, 2);

  unlock_login_keyring ();
  assert_lookup (store, url, "locked-token");
  g_assert_cmpstr (changes->str, ==, "1010");

  assert_clear (store, url);
}

static void
test_locked_prompt_dismissed (void)
{
  assert_locked_with_prompter (PROMPTER_DISMISS);
}

static void
test_locked_prompt_failed (void)
{
  assert_locked_with_prompter (PROMPTER_FAIL);
}

static void
wait_until_prompting (AipTokenStore *store,
                      Prompter      *prompter)
{
  GSource *guard;

  guard = guard_new (30, "Waiting for the prompt");

  while (!aip_token_store_get_prompting (store) || prompter->callback == NULL)
    g_main_context_iteration (NULL, TRUE);

  guard_free (guard);
}

static gboolean
quit_waiting_cb (gpointer user_data)
{
  gboolean *waited = user_data;

  *waited = TRUE;
  return G_SOURCE_REMOVE;
}

/* The bound does not cut the prompt short, Cancel stops the waiting, and
 * the prompt, left to the person, is not asked for twice. */
static void
test_locked_prompt_cancelled (void)
{
  const char *url = "https://prompt-cancelled.example.test/api";
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(Prompter) prompter = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;
  char *token;

  if (skip_without_private_keyring ())
    return;

  store = locked_store_new (url, "prompt-token", PROMPTER_WAIT, &prompter);

  aip_token_store_set_timeout (store, 1);
  aip_token_store_lookup_async (store, url, cancellable, aip_test_store_result_cb, &result);
  wait_until_prompting (store, prompter);

  /* Three times the bound, and still waiting for the person. */
  g_timeout_add_seconds (3, quit_waiting_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (result);
  g_assert_true (aip_token_store_get_prompting (store));

  g_cancellable_cancel (cancellable);
  token = aip_token_store_lookup_finish (store, aip_test_wait_for_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (token);
  g_clear_error (&error);
  g_assert_false (aip_token_store_get_prompting (store));

  /* The prompt is still up: the next lookup waits for it. */
  aip_token_store_lookup_async (store, url, NULL, aip_test_store_result_cb, &second);
  wait_until_prompting (store, prompter);
  g_assert_cmpuint (prompter->n_begun, ==, 1);
  g_assert_cmpuint (prompter->n_shown, ==, 1);

  prompter_dismiss (prompter);
  token = aip_token_store_lookup_finish (store, aip_test_wait_for_result (&second), &error);
  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_LOCKED);
  g_assert_null (token);
  g_assert_false (aip_token_store_get_prompting (store));

  unlock_login_keyring ();
  assert_lookup (store, url, "prompt-token");
  assert_clear (store, url);
}

/* With a bound on the prompt, as the command line sets, an operation gives
 * up on a person who does not answer and says so; the prompt stays up for
 * them. */
static void
test_locked_prompt_timeout (void)
{
  const char *url = "https://prompt-timeout.example.test/api";
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(Prompter) prompter = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;
  char *token;

  if (skip_without_private_keyring ())
    return;

  store = locked_store_new (url, "prompt-token", PROMPTER_WAIT, &prompter);

  aip_token_store_set_prompt_timeout (store, 1);
  started = g_get_monotonic_time ();
  token = lookup (store, url, NULL, &error);

  g_assert_error (error, AIP_TOKEN_STORE_ERROR, AIP_TOKEN_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "unlock prompt within 1 second"));
  g_assert_null (token);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
  g_assert_false (aip_token_store_get_prompting (store));
  g_assert_cmpuint (prompter->n_shown, ==, 1);
  g_assert_nonnull (prompter->callback);

  prompter_dismiss (prompter);
  unlock_login_keyring ();
  assert_lookup (store, url, "prompt-token");
  assert_clear (store, url);
}

/* The command line's wait for the keyring is bounded, the unlock prompt
 * included, and it says what it waited for. */
static void
test_locked_cli_timeout (void)
{
  const char *url = "https://cli-timeout.example.test/api";
  g_autofree char *base = g_strconcat ("--base-url=", url, NULL);
  g_autoptr(AipTokenStore) store = NULL;
  g_autoptr(Prompter) prompter = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 started;
  int status;

  if (skip_without_private_keyring ())
    return;

  store = locked_store_new (url, "cli-token", PROMPTER_WAIT, &prompter);

  started = g_get_monotonic_time ();
  /* The prompter answers from this main loop while the command waits. */
  status = aip_test_keyring_run_cli ((const char *[]) { "--list", "--keyring-timeout=1", base, NULL },
                                     &out, &err);
  g_test_message ("%s", err);

  g_assert_cmpint (status, ==, 3);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Nobody answered the keyring’s unlock prompt within 1 second"));
  g_assert_nonnull (strstr (err, "AIPLOYEES_TOKEN"));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (prompter->n_shown, ==, 1);

  if (prompter->callback != NULL)
    prompter_dismiss (prompter);
  unlock_login_keyring ();
  assert_clear (store, url);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  g_test_add_func ("/token-store/locked/prompt-dismissed", test_locked_prompt_dismissed);
  g_test_add_func ("/token-store/locked/prompt-failed", test_locked_prompt_failed);
  g_test_add_func ("/token-store/locked/prompt-cancelled", test_locked_prompt_cancelled);
  g_test_add_func ("/token-store/locked/prompt-timeout", test_locked_prompt_timeout);
  g_test_add_func ("/token-store/locked/cli-timeout", test_locked_cli_timeout);

  return g_test_run ();
}
