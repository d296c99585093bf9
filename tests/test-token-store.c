/* test-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-token-store.h"
#include "aip-test-async.h"

#define SCHEMA_NAME "com.aiployees.Assistants.Token"

/* Set in a copy of this program that runs on a bus of its own (see
 * run_on_bare_bus()); holds that bus's address. */
#define BARE_BUS_ENV "AIP_TEST_BARE_BUS"

static const char *test_program;

/* Helpers */

static char *
lookup (AipTokenStore  *store,
        const char     *base_url,
        GCancellable   *cancellable,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_token_store_lookup_async (store, base_url, cancellable, aip_test_store_result_cb, &result);
  return aip_token_store_lookup_finish (store, aip_test_wait_for_result (&result), error);
}

static gboolean
store_token (AipTokenStore  *store,
             const char     *base_url,
             const char     *token,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_token_store_store_async (store, base_url, token, NULL, aip_test_store_result_cb, &result);
  return aip_token_store_store_finish (store, aip_test_wait_for_result (&result), error);
}

static gboolean
clear_token (AipTokenStore  *store,
             const char     *base_url,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_token_store_clear_async (store, base_url, NULL, aip_test_store_result_cb, &result);
  return aip_token_store_clear_finish (store, aip_test_wait_for_result (&result), error);
}

static void
assert_lookup (AipTokenStore *store,
               const char    *base_url,
               const char    *expected)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = lookup (store, base_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected);
  secret_password_free (token);
}

static void
assert_store (AipTokenStore *store,
              const char    *base_url,
              const char    *token)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store_token (store, base_url, token, &error));
  g_assert_no_error (error);
}

static void
assert_clear (AipTokenStore *store,
              const char    *base_url)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clear_token (store, base_url, &error));
  g_assert_no_error (error);
}

static gboolean
fail_waiting_cb (gpointer user_data)
{
  g_error ("%s took too long", (const char *)user_data);
  return G_SOURCE_REMOVE;
}

/* Fails the test if what follows hangs, for as long as it is attached. */
static GSource *
guard_new (guint       seconds,
           const char *what)
{
  GSource *guard = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (guard, fail_waiting_cb, (gpointer)what, NULL);
  g_source_attach (guard, NULL);

  return guard;
}

static void
guard_free (GSource *guard)
{
  g_source_destroy (guard);
  g_source_unref (guard);
}

/* A connection of its own, to stand in for a service on the bus. */
static GDBusConnection *
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

static void
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
static gboolean
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

  store = aip_token_store_new ();
  assert_store (store, url, "locked-token");

  prompter = prompter_new (mode);
  lock_login_keyring ();

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

  store = aip_token_store_new ();
  assert_store (store, url, "prompt-token");

  prompter = prompter_new (PROMPTER_WAIT);
  lock_login_keyring ();

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

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

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

  g_subprocess_communicate_utf8_async (child, NULL, NULL, communicated_cb, &result);

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

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-store/schema", test_schema);
  g_test_add_func ("/token-store/properties", test_properties);
  g_test_add_func ("/token-store/round-trip", test_round_trip);
  g_test_add_func ("/token-store/two-base-urls", test_two_base_urls);
  g_test_add_func ("/token-store/unknown-base-url", test_unknown_base_url);
  g_test_add_func ("/token-store/item", test_item);
  g_test_add_func ("/token-store/schema-name-matched", test_schema_name_matched);
  g_test_add_func ("/token-store/cancelled", test_cancelled);
  g_test_add_func ("/token-store/locked/prompt-dismissed", test_locked_prompt_dismissed);
  g_test_add_func ("/token-store/locked/prompt-failed", test_locked_prompt_failed);
  g_test_add_func ("/token-store/locked/prompt-cancelled", test_locked_prompt_cancelled);
  g_test_add_func ("/token-store/no-service", test_no_service);
  g_test_add_func ("/token-store/hung-service", test_hung_service);
  g_test_add_func ("/token-store/cancel-hung-service", test_cancel_hung_service);

  return g_test_run ();
}
