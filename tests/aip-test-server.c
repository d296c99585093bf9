/* aip-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aip-test-server"

#include "config.h"

#include <libsoup/soup.h>

#include "aip-test-server.h"

#define OUTBOUND_PATH "/api/user/assistants/outbound"

typedef struct
{
  guint             status;
  char             *content_type;
  GBytes           *body;
  char             *extra_header;
  AipTestReplyKind  kind;
} Reply;

struct _AipTestServer
{
  GThread            *thread;
  GMainContext       *context;
  GTlsCertificate    *certificate;
  char               *base_url;
  guint               port;
  gboolean            has_ipv6;

  /* Touched by the server thread only. */
  GMainLoop          *loop;
  GPtrArray          *stolen_streams;

  GMutex              mutex;
  GCond               cond;
  gboolean            ready;
  GError             *listen_error;
  GHashTable         *replies;
  Reply              *any_token_reply;
  guint               n_requests;
  SoupMessageHeaders *last_headers;
};

typedef struct
{
  AipTestServer     *server;
  SoupServerMessage *message;
  Reply             *reply;
} Stall;

static void
reply_free (Reply *reply)
{
  g_free (reply->content_type);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->extra_header);
  g_free (reply);
}

static Reply *
reply_copy (const Reply *reply)
{
  Reply *copy = g_new0 (Reply, 1);

  copy->status = reply->status;
  copy->content_type = g_strdup (reply->content_type);
  copy->body = g_bytes_ref (reply->body);
  copy->extra_header = g_strdup (reply->extra_header);
  copy->kind = reply->kind;

  return copy;
}

static void
stall_free (Stall *stall)
{
  g_object_unref (stall->message);
  reply_free (stall->reply);
  g_free (stall);
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  gsize size;

  g_output_stream_write_all (gzip,
                             g_bytes_get_data (bytes, NULL),
                             g_bytes_get_size (bytes),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);

  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));

  return g_bytes_new_take (g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory)),
                           size);
}

static void
set_json_status (SoupServerMessage *message,
                 guint              status,
                 const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    json, strlen (json));
}

static void
split_header (const char  *header,
              char       **name,
              char       **value)
{
  const char *colon = strchr (header, ':');

  g_assert_nonnull (colon);

  *name = g_strstrip (g_strndup (header, colon - header));
  *value = g_strstrip (g_strdup (colon + 1));
}

/* Returns the reply for the request's token, or NULL for the default. */
static Reply *
lookup_reply_locked (AipTestServer *self,
                     const char    *authorization)
{
  Reply *reply = NULL;

  if (authorization != NULL && g_str_has_prefix (authorization, "Bearer "))
    reply = g_hash_table_lookup (self->replies, authorization + strlen ("Bearer "));

  if (reply == NULL)
    reply = self->any_token_reply;

  return reply != NULL ? reply_copy (reply) : NULL;
}

static gboolean
stall_cb (gpointer user_data)
{
  Stall *stall = user_data;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GString) head = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *output;
  const char *data;
  gsize size;

  stream = soup_server_message_steal_connection (stall->message);
  if (stream == NULL)
    return G_SOURCE_REMOVE;

  if (stall->reply->kind == AIP_TEST_REPLY_HANG)
    {
      g_ptr_array_add (stall->server->stolen_streams, g_steal_pointer (&stream));
      return G_SOURCE_REMOVE;
    }

  data = g_bytes_get_data (stall->reply->body, &size);

  head = g_string_new (NULL);
  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n",
                          stall->reply->status,
                          soup_status_get_phrase (stall->reply->status));
  if (stall->reply->content_type != NULL)
    g_string_append_printf (head, "Content-Type: %s\r\n", stall->reply->content_type);
  /* Promise more than is sent, then hang up. */
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n", MAX (size, 2));
  if (stall->reply->extra_header != NULL)
    g_string_append_printf (head, "%s\r\n", stall->reply->extra_header);
  g_string_append (head, "Connection: close\r\n\r\n");

  output = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (output, head->str, head->len, NULL, NULL, &error);
  if (error == NULL)
    g_output_stream_write_all (output, data, size / 2, NULL, NULL, &error);
  if (error != NULL)
    g_debug ("Could not write the truncated reply: %s", error->message);

  g_io_stream_close (stream, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  AipTestServer *self = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  Reply *reply;

  g_mutex_lock (&self->mutex);
  self->n_requests++;
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_iter_init (&iter, request_headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (self->last_headers, name, value);
  reply = lookup_reply_locked (self, soup_message_headers_get_one (request_headers, "Authorization"));
  g_mutex_unlock (&self->mutex);

  if (!g_str_equal (path, OUTBOUND_PATH))
    {
      set_json_status (message, SOUP_STATUS_NOT_FOUND, "{\"message\":\"Not found.\"}");
      g_clear_pointer (&reply, reply_free);
      return;
    }

  if (reply == NULL)
    {
      set_json_status (message, SOUP_STATUS_UNAUTHORIZED, "{\"message\":\"Unauthenticated.\"}");
      return;
    }

  if (reply->kind == AIP_TEST_REPLY_HANG || reply->kind == AIP_TEST_REPLY_TRUNCATE)
    {
      Stall *stall = g_new0 (Stall, 1);
      g_autoptr(GSource) source = g_idle_source_new ();

      /* Taking the connection away inside the handler would free the
       * message under libsoup's feet; do it once the handler returned. */
      stall->server = self;
      stall->message = g_object_ref (message);
      stall->reply = reply;
      soup_server_message_pause (message);
      g_source_set_callback (source, stall_cb, stall, (GDestroyNotify) stall_free);
      g_source_attach (source, self->context);
      return;
    }

  soup_server_message_set_status (message, reply->status, NULL);

  if (reply->extra_header != NULL)
    {
      g_autofree char *header_name = NULL;
      g_autofree char *header_value = NULL;

      split_header (reply->extra_header, &header_name, &header_value);
      soup_message_headers_replace (response_headers, header_name, header_value);
    }

  if (reply->kind == AIP_TEST_REPLY_GZIP)
    {
      body = gzip_bytes (reply->body);
      soup_message_headers_replace (response_headers, "Content-Encoding", "gzip");
    }
  else
    {
      body = g_bytes_ref (reply->body);
    }

  if (reply->content_type != NULL)
    soup_message_headers_set_content_type (response_headers, reply->content_type, NULL);
  if (g_bytes_get_size (body) > 0)
    soup_message_body_append_bytes (soup_server_message_get_response_body (message), body);

  reply_free (reply);
}

static gboolean
quit_cb (gpointer user_data)
{
  AipTestServer *self = user_data;

  g_main_loop_quit (self->loop);

  return G_SOURCE_REMOVE;
}

static gpointer
server_thread (gpointer user_data)
{
  AipTestServer *self = user_data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  SoupServerListenOptions options = 0;

  g_main_context_push_thread_default (self->context);

  self->loop = g_main_loop_new (self->context, FALSE);
  self->stolen_streams = g_ptr_array_new_with_free_func (g_object_unref);

  server = soup_server_new ("server-header", "aip-test-server",
                            "tls-certificate", self->certificate,
                            NULL);
  soup_server_add_handler (server, NULL, handler_cb, self, NULL);

  if (self->certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  /* 127.0.0.1 always; ::1 on the same port where the system has it. Both
   * at once fail together where IPv6 is there but switched off, as in
   * some containers. */
  if (soup_server_listen_local (server, 0, options | SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      uris = soup_server_get_uris (server);
      g_assert_nonnull (uris);
      self->port = g_uri_get_port (uris->data);
      self->has_ipv6 = soup_server_listen_local (server, self->port,
                                                 options | SOUP_SERVER_LISTEN_IPV6_ONLY, NULL);
      self->base_url = g_strdup_printf ("%s://127.0.0.1:%u/api",
                                        self->certificate != NULL ? "https" : "http",
                                        self->port);
    }

  g_mutex_lock (&self->mutex);
  self->listen_error = g_steal_pointer (&error);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (self->base_url != NULL)
    g_main_loop_run (self->loop);

  /* Let requests that arrived last take their connections first, and the
   * closed connections finish their own clean-up after. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  soup_server_disconnect (server);
  g_clear_object (&server);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  for (guint i = 0; i < self->stolen_streams->len; i++)
    g_io_stream_close (g_ptr_array_index (self->stolen_streams, i), NULL, NULL);
  g_clear_pointer (&self->stolen_streams, g_ptr_array_unref);

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static AipTestServer *
start (GTlsCertificate *certificate)
{
  AipTestServer *self = g_new0 (AipTestServer, 1);

  self->certificate = certificate;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->replies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) reply_free);
  self->context = g_main_context_new ();
  self->thread = g_thread_new ("aip-test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  g_assert_no_error (self->listen_error);

  return self;
}

/**
 * aip_test_server_new:
 *
 * Starts a server on 127.0.0.1 on a free port. Without any reply set, every
 * request to the outbound path gets 401, every other path 404.
 *
 * Returns: (transfer full): the running server
 */
AipTestServer *
aip_test_server_new (void)
{
  return start (NULL);
}

/**
 * aip_test_server_new_tls:
 *
 * Starts a server like aip_test_server_new() that speaks https with a
 * self-signed certificate.
 *
 * Returns: (transfer full): the running server
 */
AipTestServer *
aip_test_server_new_tls (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "test-server-tls.pem", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);

  return start (certificate);
}

/**
 * aip_test_server_free:
 * @self: the server
 *
 * Stops the server thread, closing every connection, hanging ones included.
 */
void
aip_test_server_free (AipTestServer *self)
{
  GSource *source;

  if (self == NULL)
    return;

  source = g_idle_source_new ();
  g_source_set_callback (source, quit_cb, self, NULL);
  g_source_attach (source, self->context);
  g_source_unref (source);

  g_thread_join (self->thread);

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->replies, g_hash_table_unref);
  g_clear_pointer (&self->any_token_reply, reply_free);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_clear_error (&self->listen_error);
  g_free (self->base_url);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
aip_test_server_get_base_url (AipTestServer *self)
{
  return self->base_url;
}

guint
aip_test_server_get_port (AipTestServer *self)
{
  return self->port;
}

gboolean
aip_test_server_has_ipv6 (AipTestServer *self)
{
  return self->has_ipv6;
}

void
aip_test_server_set_reply (AipTestServer    *self,
                           const char       *token,
                           guint             status,
                           const char       *content_type,
                           GBytes           *body,
                           const char       *extra_header,
                           AipTestReplyKind  kind)
{
  Reply *reply = g_new0 (Reply, 1);

  g_assert (extra_header == NULL || strchr (extra_header, ':') != NULL);

  reply->status = status;
  reply->content_type = g_strdup (content_type);
  reply->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
  reply->extra_header = g_strdup (extra_header);
  reply->kind = kind;

  g_mutex_lock (&self->mutex);
  if (token == NULL)
    {
      g_clear_pointer (&self->any_token_reply, reply_free);
      self->any_token_reply = reply;
    }
  else
    {
      g_hash_table_replace (self->replies, g_strdup (token), reply);
    }
  g_mutex_unlock (&self->mutex);
}

/**
 * aip_test_server_set_reply_file:
 * @self: the server
 * @token: (nullable): the token, or %NULL for any other token
 * @test_data_file: a file name in the tests' data directory
 *
 * Answers 200 with the file's content as application/json.
 */
void
aip_test_server_set_reply_file (AipTestServer *self,
                                const char    *token,
                                const char    *test_data_file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", test_data_file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  body = g_bytes_new_take (contents, length);

  aip_test_server_set_reply (self, token, SOUP_STATUS_OK, "application/json", body, NULL,
                             AIP_TEST_REPLY_NORMAL);
}

guint
aip_test_server_get_n_requests (AipTestServer *self)
{
  guint n_requests;

  g_mutex_lock (&self->mutex);
  n_requests = self->n_requests;
  g_mutex_unlock (&self->mutex);

  return n_requests;
}

char *
aip_test_server_dup_last_authorization (AipTestServer *self)
{
  return aip_test_server_dup_last_header (self, "Authorization");
}

/* Returns the header of the last request, or NULL if it had none. */
char *
aip_test_server_dup_last_header (AipTestServer *self,
                                 const char    *name)
{
  char *value = NULL;

  g_mutex_lock (&self->mutex);
  if (self->last_headers != NULL)
    value = g_strdup (soup_message_headers_get_one (self->last_headers, name));
  g_mutex_unlock (&self->mutex);

  return value;
}
