/* test-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <libsoup/soup.h>

#include "aip-client.h"
#include "aip-test-async.h"
#include "aip-test-child.h"
#include "aip-test-log.h"
#include "aip-test-server.h"

#define TOKEN "sentinel-7f3a9c1e-token"

static const char *test_program;

typedef struct
{
  AipTestServer *server;
  AipClient     *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = aip_test_server_new ();
  fixture->client = aip_client_new (aip_test_server_get_base_url (fixture->server), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->client);
  g_object_add_weak_pointer (G_OBJECT (fixture->client), (gpointer *) &fixture->client);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->client);
  /* Nothing may keep the client alive once its fetches are done. */
  g_assert_null (fixture->client);
  aip_test_server_free (fixture->server);
}

static AipResponse *
fetch_full (AipClient     *client,
            const char    *token,
            GCancellable  *cancellable,
            guint         *retry_after,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aip_client_fetch_outbound_async (client, token, cancellable, aip_test_store_result_cb, &result);
  aip_test_wait_for_result (&result);

  return aip_client_fetch_outbound_finish (client, result, retry_after, error);
}

static AipResponse *
fetch (Fixture  *fixture,
       GError  **error)
{
  return fetch_full (fixture->client, TOKEN, NULL, NULL, error);
}

static void
set_reply (Fixture          *fixture,
           guint             status,
           const char       *content_type,
           const char       *body,
           const char       *extra_header,
           AipTestReplyKind  kind)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  aip_test_server_set_reply (fixture->server, TOKEN, status, content_type, bytes,
                             extra_header, kind);
}

static void
assert_fixture_response (AipResponse *response)
{
  GPtrArray *assistants;

  g_assert_nonnull (response);
  assistants = aip_response_get_assistants (response);
  g_assert_cmpuint (assistants->len, ==, 2);
  g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
  g_assert_cmpint (aip_assistant_get_id (g_ptr_array_index (assistants, 0)), ==, 123);
  g_assert_cmpstr (aip_assistant_get_name (g_ptr_array_index (assistants, 0)), ==,
                   "Sales Outbound Assistant");
  g_assert_cmpint (aip_assistant_get_id (g_ptr_array_index (assistants, 1)), ==, 124);
}

static void
test_shapes (Fixture       *fixture,
             gconstpointer  data)
{
  const char *files[] = { "outbound-assistants.json", "outbound-assistants-wrapped.json" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      guint retry_after = 99;

      aip_test_server_set_reply_file (fixture->server, TOKEN, files[i]);
      response = fetch_full (fixture->client, TOKEN, NULL, &retry_after, &error);

      g_assert_no_error (error);
      assert_fixture_response (response);
      g_assert_cmpuint (retry_after, ==, 0);
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 2);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  const char *bodies[] = { "[]", "{\"data\": []}" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      set_reply (fixture, 200, "application/json", bodies[i], NULL, AIP_TEST_REPLY_NORMAL);
      response = fetch (fixture, &error);

      g_assert_no_error (error);
      g_assert_nonnull (response);
      g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 0);
      g_assert_cmpuint (aip_response_get_n_skipped (response), ==, 0);
    }
}

static void
test_request_headers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *user_agent = NULL;

  set_reply (fixture, 200, "application/json", "[]", NULL, AIP_TEST_REPLY_NORMAL);
  /* Surrounding white space from a paste is not part of the token. */
  response = fetch_full (fixture->client, " " TOKEN "\n", NULL, NULL, &error);
  g_assert_no_error (error);

  authorization = aip_test_server_dup_last_authorization (fixture->server);
  accept = aip_test_server_dup_last_header (fixture->server, "Accept");
  user_agent = aip_test_server_dup_last_header (fixture->server, "User-Agent");
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);
  g_assert_cmpstr (accept, ==, "application/json");
  g_assert_cmpstr (user_agent, ==, "aiployees-assistants/" PACKAGE_VERSION);
}

static void
test_bad_token (Fixture       *fixture,
                gconstpointer  data)
{
  const char *tokens[] = { "", "  ", "abc\r\nX-Injected: 1", "tok en", "tökén" };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      response = fetch_full (fixture->client, tokens[i], NULL, NULL, &error);
      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED);
      g_assert_null (response);
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 0);
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    guint status;
    const char *content_type;
    const char *body;
    const char *extra_header;
    AipClientError code;
    const char *in_message;
  } cases[] = {
    { 401, "application/json", "{\"message\": \"Unauthenticated.\"}", NULL,
      AIP_CLIENT_ERROR_UNAUTHORIZED, "Sign in again" },
    { 403, "application/json", "{\"message\": \"Forbidden.\"}", NULL,
      AIP_CLIENT_ERROR_FORBIDDEN, "may not read assistants" },
    { 404, "text/html", "<h1>Not Found</h1>", NULL,
      AIP_CLIENT_ERROR_NOT_FOUND, "check the address" },
    { 410, "text/plain", "", NULL, AIP_CLIENT_ERROR_NOT_FOUND, NULL },
    { 500, "application/json", "{\"message\": \"Server Error\"}", NULL,
      AIP_CLIENT_ERROR_SERVER, "(error 500)" },
    { 502, "text/html",
      "<html><head><title>502 Bad Gateway</title></head>"
      "<body><center><h1>502 Bad Gateway</h1></center></body></html>", NULL,
      AIP_CLIENT_ERROR_SERVER, "(error 502)" },
    { 503, "text/plain", "", "Retry-After: 30", AIP_CLIENT_ERROR_SERVER, "(error 503)" },
    { 301, "text/html", "", "Location: https://elsewhere.example/", AIP_CLIENT_ERROR_REDIRECT, NULL },
    /* Nothing was asked for conditionally: not a redirect, but no list. */
    { 304, "text/plain", "", NULL, AIP_CLIENT_ERROR_INVALID_RESPONSE, "not modified" },
    { 408, "text/plain", "", NULL, AIP_CLIENT_ERROR_TIMEOUT, NULL },
    { 400, "text/plain", "", NULL, AIP_CLIENT_ERROR_INVALID_RESPONSE, "(error 400)" },
    { 418, "text/plain", "I'm a teapot", NULL, AIP_CLIENT_ERROR_INVALID_RESPONSE, "(error 418)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      guint retry_after = 99;

      g_test_message ("status %u", cases[i].status);
      set_reply (fixture, cases[i].status, cases[i].content_type, cases[i].body,
                 cases[i].extra_header, AIP_TEST_REPLY_NORMAL);
      response = fetch_full (fixture->client, TOKEN, NULL, &retry_after, &error);

      g_assert_error (error, AIP_CLIENT_ERROR, (int) cases[i].code);
      g_assert_null (response);
      g_assert_cmpuint (retry_after, ==, 0);
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      /* What the server wrote is never shown as ours. */
      g_assert_null (strstr (error->message, "<"));
      g_assert_null (strstr (error->message, "Unauthenticated."));
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, G_N_ELEMENTS (cases));
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 600);
  g_autoptr(GDateTime) earlier = g_date_time_add_seconds (now, -600);
  g_autofree char *later_text = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autofree char *earlier_text = soup_date_time_to_string (earlier, SOUP_DATE_HTTP);
  g_autofree char *later_header = g_strconcat ("Retry-After: ", later_text, NULL);
  g_autofree char *earlier_header = g_strconcat ("Retry-After: ", earlier_text, NULL);
  const struct {
    const char *header;
    guint min;
    guint max;
    const char *in_message;
  } cases[] = {
    { "Retry-After: 17", 17, 17, "17 seconds" },
    { "Retry-After: 1", 1, 1, "1 second" },
    { "Retry-After: 120", 120, 120, "2 minutes" },
    { "Retry-After: 99999999999999999999", 86400, 86400, "1440 minutes" },
    /* The date is taken relative to now, whole seconds rounded up. */
    { later_header, 590, 601, "minutes" },
    { earlier_header, 0, 0, "later" },
    { "Retry-After: soon", 0, 0, "later" },
    { "Retry-After: -5", 0, 0, "later" },
    { NULL, 0, 0, "later" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      guint retry_after = 99;

      g_test_message ("%s", cases[i].header ? cases[i].header : "no Retry-After");
      set_reply (fixture, 429, "application/json", "{\"message\": \"Too Many Attempts.\"}",
                 cases[i].header, AIP_TEST_REPLY_NORMAL);
      response = fetch_full (fixture->client, TOKEN, NULL, &retry_after, &error);

      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_RATE_LIMITED);
      g_assert_null (response);
      g_assert_cmpuint (retry_after, >=, cases[i].min);
      g_assert_cmpuint (retry_after, <=, cases[i].max);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

static void
test_invalid_body (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *content_type;
    const char *body;
    const char *in_message;
  } cases[] = {
    { "text/html", "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>", "web page" },
    /* A login page that calls itself JSON, after a byte order mark */
    { "application/json", "\xef\xbb\xbf\n  <html><form action=/login></form></html>", "web page" },
    { "text/html; charset=utf-8", "{\"message\": \"ok\"}", "web page" },
    /* Media types are case-insensitive */
    { "Text/HTML", "{\"message\": \"ok\"}", "web page" },
    { "text/html", "", "empty" },
    { "application/json", "", "empty" },
    { "application/json", "{\"message\": \"ok\"}", "not a list" },
    { "application/json", "[{\"id\": 1}", "could not be read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s: %s", cases[i].content_type, cases[i].body);
      set_reply (fixture, 200, cases[i].content_type, cases[i].body, NULL, AIP_TEST_REPLY_NORMAL);
      response = fetch (fixture, &error);

      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE);
      g_assert_null (response);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

/* A body cut off in transit is a broken connection, not a bad answer:
 * trying again can help. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "outbound-assistants.json", NULL);
  g_autofree char *body = NULL;

  g_file_get_contents (path, &body, NULL, &error);
  g_assert_no_error (error);

  set_reply (fixture, 200, "application/json", body, NULL, AIP_TEST_REPLY_TRUNCATE);
  response = fetch (fixture, &error);

  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_NETWORK);
  g_assert_null (response);
}

static char *
padded_empty_list (gsize size)
{
  char *body = g_malloc (size + 1);

  memset (body, ' ', size);
  body[0] = '[';
  body[size - 1] = ']';
  body[size] = '\0';

  return body;
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  static const AipTestReplyKind kinds[] = { AIP_TEST_REPLY_NORMAL, AIP_TEST_REPLY_GZIP };

  aip_client_set_max_size (fixture->client, 4096);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *fits = padded_empty_list (4096);
      g_autofree char *over = padded_empty_list (4097);
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(AipResponse) refused = NULL;
      g_autoptr(GError) error = NULL;

      set_reply (fixture, 200, "application/json", fits, NULL, kinds[i]);
      response = fetch (fixture, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 0);

      set_reply (fixture, 200, "application/json", over, NULL, kinds[i]);
      refused = fetch (fixture, &error);
      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TOO_LARGE);
      g_assert_null (refused);
    }
}

/* Bodies of many chunks arrive whole, announced or not. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  static const AipTestReplyKind kinds[] = { AIP_TEST_REPLY_NORMAL, AIP_TEST_REPLY_GZIP };
  g_autoptr(GString) body = g_string_new ("[");

  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (body, "%s{\"id\": %u, \"name\": \"Assistant %u\"}", i > 1 ? "," : "", i, i);
  g_string_append (body, "]");
  g_assert_cmpuint (body->len, >, 2 * 64 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *assistants;

      set_reply (fixture, 200, "application/json", body->str, NULL, kinds[i]);
      response = fetch (fixture, &error);

      g_assert_no_error (error);
      assistants = aip_response_get_assistants (response);
      g_assert_cmpuint (assistants->len, ==, 5000);
      g_assert_cmpint (aip_assistant_get_id (g_ptr_array_index (assistants, 4999)), ==, 5000);
      g_assert_cmpstr (aip_assistant_get_name (g_ptr_array_index (assistants, 4999)), ==,
                       "Assistant 5000");
    }
}

/* 64 MiB of white space shrink to some 64 KiB of gzip; the client must stop
 * at its cap instead of inflating all of it (/client/log sees where). */
static void
test_gzip_bomb (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bomb = padded_empty_list (64 * 1024 * 1024);
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  aip_client_set_max_size (fixture->client, 1024 * 1024);
  set_reply (fixture, 200, "application/json", bomb, NULL, AIP_TEST_REPLY_GZIP);
  g_clear_pointer (&bomb, g_free);

  response = fetch (fixture, &error);

  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TOO_LARGE);
  g_assert_null (response);
}

/* The session asks for gzip and decodes it, and the cap counts the decoded
 * bytes: the fixture compresses to less than half its size, so a cap one
 * byte short of its decoded size refuses it only if it counts those. */
static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "outbound-assistants.json", NULL);
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(AipResponse) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GOutputStream) gzip = NULL;
  g_autofree char *body = NULL;
  g_autofree char *accept_encoding = NULL;
  gsize length;

  g_file_get_contents (path, &body, &length, &error);
  g_assert_no_error (error);
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  memory = g_memory_output_stream_new_resizable ();
  gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_output_stream_write_all (gzip, body, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), <, length / 2);

  set_reply (fixture, 200, "application/json", body, NULL, AIP_TEST_REPLY_GZIP);

  aip_client_set_max_size (fixture->client, length);
  response = fetch (fixture, &error);
  g_assert_no_error (error);
  assert_fixture_response (response);
  accept_encoding = aip_test_server_dup_last_header (fixture->server, "Accept-Encoding");
  g_assert_nonnull (strstr (accept_encoding, "gzip"));

  aip_client_set_max_size (fixture->client, length - 1);
  refused = fetch (fixture, &error);
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TOO_LARGE);
  g_assert_null (refused);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  /* Once the socket timeout alone, once the deadline alone. */
  static const guint settings[][2] = { { 1, 0 }, { 0, 1 } };

  set_reply (fixture, 200, "application/json", "[]", NULL, AIP_TEST_REPLY_HANG);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      aip_client_set_timeout (fixture->client, settings[i][0]);
      aip_client_set_deadline (fixture->client, settings[i][1]);
      response = fetch (fixture, &error);

      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TIMEOUT);
      g_assert_null (response);
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 2);
}

static void
test_redirect (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AipTestServer) elsewhere = aip_test_server_new ();
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *authorization = NULL;

  aip_test_server_set_reply_file (elsewhere, NULL, "outbound-assistants.json");
  location = g_strdup_printf ("Location: %s/user/assistants/outbound",
                              aip_test_server_get_base_url (elsewhere));

  for (guint status = 301; status <= 308; status++)
    {
      if (status == 304 || status == 305 || status == 306)
        continue;

      set_reply (fixture, status, "text/html", "", location, AIP_TEST_REPLY_NORMAL);
      response = fetch (fixture, &error);

      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_REDIRECT);
      g_assert_null (response);
      g_clear_error (&error);
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 5);
  g_assert_cmpuint (aip_test_server_get_n_requests (elsewhere), ==, 0);
  authorization = aip_test_server_dup_last_authorization (elsewhere);
  g_assert_null (authorization);
}

static gboolean
cancel_when_asked_cb (gpointer user_data)
{
  Fixture *fixture = g_object_get_data (user_data, "fixture");

  if (aip_test_server_get_n_requests (fixture->server) == 0)
    return G_SOURCE_CONTINUE;

  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  set_reply (fixture, 200, "application/json", "[]", NULL, AIP_TEST_REPLY_HANG);
  g_object_set_data (G_OBJECT (cancellable), "fixture", fixture);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 10, cancel_when_asked_cb,
                      g_object_ref (cancellable), g_object_unref);

  response = fetch_full (fixture->client, TOKEN, cancellable, NULL, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 1);
}

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  aip_test_server_set_reply_file (fixture->server, TOKEN, "outbound-assistants.json");
  g_cancellable_cancel (cancellable);

  response = fetch_full (fixture->client, TOKEN, cancellable, NULL, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
  g_assert_cmpuint (aip_test_server_get_n_requests (fixture->server), ==, 0);
}

/* The caller may drop its client while a fetch runs: the fetch keeps it. */
static void
test_unref_during_fetch (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  AipClient *client;

  aip_test_server_set_reply_file (server, NULL, "outbound-assistants.json");
  client = aip_client_new (aip_test_server_get_base_url (server), &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);

  aip_client_fetch_outbound_async (client, TOKEN, NULL, aip_test_store_result_cb, &result);
  g_object_unref (client);
  g_assert_nonnull (client);

  aip_test_wait_for_result (&result);

  response = aip_client_fetch_outbound_finish (AIP_CLIENT (g_async_result_get_source_object (result)),
                                               result, NULL, &error);
  /* get_source_object gave a reference of its own. */
  g_object_unref (client);
  g_assert_no_error (error);
  assert_fixture_response (response);

  g_clear_object (&result);
  g_assert_null (client);
}

static void
test_connection_refused (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(AipClient) client = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* A port that is taken but not listening refuses every connection. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  url = g_strdup_printf ("http://127.0.0.1:%u/api",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  client = aip_client_new (url, &error);
  g_assert_no_error (error);

  response = fetch_full (client, TOKEN, NULL, NULL, &error);

  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_NETWORK);
  g_assert_null (response);
}

static void
test_tls (void)
{
  g_autoptr(AipTestServer) server = NULL;
  g_autoptr(AipClient) client = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;

#if defined (__SANITIZE_ADDRESS__) && !defined (__clang__) && __GNUC__ <= 12
  /* The LeakSanitizer of GCC 12 (Debian 12) crashes at exit, "Tracer caught
   * signal 11", scanning the dynamic TLS that GnuTLS leaves in GIO's worker
   * threads; GCC 16's does not. There the test runs in a copy of this
   * program, still under AddressSanitizer and UBSan, with only the leak
   * check off. */
  if (!aip_test_is_child ())
    {
      g_autofree char *asan_options = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                                                   ":detect_leaks=0", NULL);

      aip_test_run_in_child (test_program, (const char *[]) { "ASAN_OPTIONS", asan_options, NULL });
      return;
    }
#endif

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      /* A copy of this program cannot skip for its parent: it fails. */
      if (aip_test_is_child ())
        g_error ("No TLS backend (glib-networking) is installed");
      g_test_skip ("No TLS backend (glib-networking) is installed");
      return;
    }

  server = aip_test_server_new_tls ();
  aip_test_server_set_reply_file (server, NULL, "outbound-assistants.json");
  client = aip_client_new (aip_test_server_get_base_url (server), &error);
  g_assert_no_error (error);

  response = fetch_full (client, TOKEN, NULL, NULL, &error);

  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TLS);
  g_assert_null (response);
  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, 0);
}

static void
test_bad_base_url (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  const char *base_url = aip_test_server_get_base_url (server);
  g_autofree char *with_user = g_strdup_printf ("http://user:%s@%s", TOKEN, base_url + strlen ("http://"));
  g_autofree char *with_query = g_strdup_printf ("%s?token=%s", base_url, TOKEN);
  g_autofree char *with_fragment = g_strdup_printf ("%s#x", base_url);
  const char *urls[] = {
    with_user, with_query, with_fragment,
    "http://call.aiployees.com/api", "call.aiployees.com", "", "ftp://127.0.0.1/api",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(AipClient) client = NULL;
      g_autoptr(GError) error = NULL;

      client = aip_client_new (urls[i], &error);
      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_BASE_URL);
      g_assert_null (client);
    }

  g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, 0);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

static void
test_properties (void)
{
  g_autoptr(AipClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new ("http://127.0.0.1:1", NULL);
  GProxyResolver *got_resolver = NULL;
  guint n_notified = 0;
  guint timeout;
  guint deadline;
  guint64 max_size;

  client = aip_client_new ("HTTPS://Call.Aiployees.com:443/api/", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (aip_client_get_base_url (client), ==, "https://call.aiployees.com/api");
  g_assert_cmpuint (aip_client_get_timeout (client), ==, 30);
  g_assert_cmpuint (aip_client_get_deadline (client), ==, 60);
  g_assert_cmpuint (aip_client_get_max_size (client), ==, 256 * 1024 * 1024);

  g_object_set (client, "timeout", 5, "deadline", 7, "max-size", (guint64) 1000, NULL);
  g_object_get (client,
                "base-url", &base_url,
                "timeout", &timeout,
                "deadline", &deadline,
                "max-size", &max_size,
                NULL);
  g_assert_cmpstr (base_url, ==, "https://call.aiployees.com/api");
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_cmpuint (deadline, ==, 7);
  g_assert_cmpuint (max_size, ==, 1000);

  g_assert_null (aip_client_get_proxy_resolver (client));
  g_signal_connect (client, "notify::proxy-resolver", G_CALLBACK (count_notify_cb), &n_notified);
  aip_client_set_proxy_resolver (client, resolver);
  aip_client_set_proxy_resolver (client, resolver);
  g_object_get (client, "proxy-resolver", &got_resolver, NULL);
  g_assert_true (got_resolver == resolver);
  g_assert_cmpuint (n_notified, ==, 1);
  g_object_unref (got_resolver);
}

/* With every debug message on, a fetch says what it did, and never the
 * token. Run in a child with debug messages on, so that they stay out of
 * this program's TAP output and are read from the child's standard error
 * the same way on every GLib. */
static void
test_log (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *bomb = NULL;
  g_autoptr(AipResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_setenv ("G_MESSAGES_DEBUG", "aiployees-assistants", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("G_MESSAGES_DEBUG");

      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*Fetching http://127.0.0.1:*/api/user/assistants/outbound*");
      g_test_trap_assert_stderr ("*Fetched 1623 bytes in * ms; 2 assistants, 0 skipped, parsed in *");
      g_test_trap_assert_stderr ("*Fetch answered 401 Unauthorized after *");
      g_test_trap_assert_stderr ("*Fetch stopped after 1048577 bytes*");
      g_test_trap_assert_stderr_unmatched ("*" TOKEN "*");
      g_test_trap_assert_stdout_unmatched ("*" TOKEN "*");
      return;
    }

  aip_test_server_set_reply_file (fixture->server, TOKEN, "outbound-assistants-wrapped.json");
  response = fetch (fixture, &error);
  g_assert_no_error (error);
  g_clear_object (&response);

  set_reply (fixture, 401, "application/json", "{\"message\": \"Unauthenticated.\"}",
             NULL, AIP_TEST_REPLY_NORMAL);
  response = fetch (fixture, &error);
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  bomb = padded_empty_list (64 * 1024 * 1024);
  aip_client_set_max_size (fixture->client, 1024 * 1024);
  set_reply (fixture, 200, "application/json", bomb, NULL, AIP_TEST_REPLY_GZIP);
  response = fetch (fixture, &error);
  g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  test_program = argv[0];

  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

#define ADD(path, func) \
  g_test_add ("/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shapes", test_shapes);
  ADD ("empty", test_empty);
  ADD ("request-headers", test_request_headers);
  ADD ("bad-token", test_bad_token);
  ADD ("status", test_status);
  ADD ("rate-limited", test_rate_limited);
  ADD ("invalid-body", test_invalid_body);
  ADD ("truncated", test_truncated);
  ADD ("too-large", test_too_large);
  ADD ("large", test_large);
  ADD ("gzip", test_gzip);
  ADD ("gzip-bomb", test_gzip_bomb);
  ADD ("timeout", test_timeout);
  ADD ("redirect", test_redirect);
  ADD ("cancel", test_cancel);
  ADD ("cancel-before", test_cancel_before);
  ADD ("log", test_log);
#undef ADD

  g_test_add_func ("/client/unref-during-fetch", test_unref_during_fetch);
  g_test_add_func ("/client/connection-refused", test_connection_refused);
  g_test_add_func ("/client/tls", test_tls);
  g_test_add_func ("/client/bad-base-url", test_bad_base_url);
  g_test_add_func ("/client/properties", test_properties);

  return g_test_run ();
}
