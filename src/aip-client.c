/* aip-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "aip-base-url.h"
#include "aip-client.h"

#define DEFAULT_TIMEOUT   30
#define DEFAULT_DEADLINE  60
#define DEFAULT_MAX_SIZE  (G_GUINT64_CONSTANT (256) * 1024 * 1024)
#define CHUNK_SIZE        (64 * 1024)
/* A server may ask for any delay; beyond a day it is not a useful hint. */
#define MAX_RETRY_AFTER   (24 * 60 * 60)

struct _AipClient
{
  GObject      parent_instance;

  char           *base_url;
  SoupSession    *session;
  /* NULL for the system's */
  GProxyResolver *proxy_resolver;
  guint           deadline;
  guint64         max_size;
};

G_DEFINE_FINAL_TYPE (AipClient, aip_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_SIZE,
  PROP_PROXY_RESOLVER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  /* Ours, cancelled by the caller's cancellable and by the deadline alike;
   * deadline_passed tells the two apart. */
  GCancellable *cancellable;
  GSource      *cancelled_source;
  GSource      *deadline_source;
  gboolean      deadline_passed;

  guint8       *data;
  gsize         size;
  gsize         allocated;
  /* The announced length of a body that is not content-encoded, or -1. */
  goffset       expected_size;
  guint64       max_size;
  GBytes       *body;
  /* Announced as HTML: a login page, a proxy's or a web server's own page */
  gboolean      web_page;

  gint64        started;
  gint64        network_ms;
  guint         retry_after;
} Fetch;

static void
fetch_stop (Fetch *fetch)
{
  if (fetch->cancelled_source != NULL)
    g_source_destroy (fetch->cancelled_source);
  g_clear_pointer (&fetch->cancelled_source, g_source_unref);
  if (fetch->deadline_source != NULL)
    g_source_destroy (fetch->deadline_source);
  g_clear_pointer (&fetch->deadline_source, g_source_unref);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->message);
  g_clear_pointer (&fetch->data, g_free);
}

static void
fetch_free (Fetch *fetch)
{
  fetch_stop (fetch);
  g_clear_object (&fetch->cancellable);
  g_clear_pointer (&fetch->body, g_bytes_unref);
  g_free (fetch);
}

static gint64
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000;
}

static GError *
transfer_error (Fetch        *fetch,
                const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !fetch->deadline_passed)
    return g_error_copy (error);

  g_debug ("Fetch failed after %" G_GINT64_FORMAT " ms: %s",
           elapsed_ms (fetch->started), error->message);

  return aip_client_error_new_for_transfer (error);
}

static guint
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;
  GTimeSpan delay;

  if (value == NULL)
    return 0;

  if (value[0] != '\0' && strspn (value, "0123456789") == strlen (value))
    {
      /* All digits can only fail by being too large. */
      if (!g_ascii_string_to_unsigned (value, 10, 0, MAX_RETRY_AFTER, &seconds, NULL))
        seconds = MAX_RETRY_AFTER;
      return seconds;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  delay = g_date_time_difference (date, now);
  if (delay <= 0)
    return 0;

  return MIN ((delay + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND, MAX_RETRY_AFTER);
}

/**
 * aip_client_is_token_char:
 * @c: a byte
 *
 * Returns: whether a token may hold @c: visible ASCII, as an HTTP header
 *   value can carry it
 */
gboolean
aip_client_is_token_char (guchar c)
{
  return c >= 0x21 && c <= 0x7e;
}

/* A token is pasted from a web page: surrounding white space is an accident,
 * anything else outside visible ASCII cannot go into an HTTP header. A copy
 * refused is wiped as a kept one would be. */
static char *
clean_token (const char *token)
{
  char *copy = g_strstrip (g_strdup (token));

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (!aip_client_is_token_char (*p))
        {
          explicit_bzero (copy, strlen (copy));
          g_free (copy);
          return NULL;
        }
    }

  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static void
return_error (GTask  *task,
              GError *error)
{
  fetch_stop (g_task_get_task_data (task));
  g_task_return_error (task, error);
}

/* A body that could not be read is a web page by its announced type, or by
 * its first character where the type is missing or wrong: no list of
 * assistants starts with "<". An empty body is no page. */
static gboolean
is_web_page (Fetch *fetch)
{
  gsize size;
  const char *data = g_bytes_get_data (fetch->body, &size);
  gsize i = 0;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  if (i == size)
    return FALSE;

  return fetch->web_page || data[i] == '<';
}

static void
parse_thread_cb (GTask        *parse,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  g_autoptr(GError) error = NULL;
  AipResponse *response;
  gint64 started = g_get_monotonic_time ();
  gboolean web_page;

  response = aip_response_new_from_bytes (fetch->body, &error);

  if (response == NULL)
    {
      g_debug ("Fetched %" G_GSIZE_FORMAT " bytes in %" G_GINT64_FORMAT " ms; "
               "not a valid list (%" G_GINT64_FORMAT " ms): %s",
               g_bytes_get_size (fetch->body), fetch->network_ms,
               elapsed_ms (started), error->message);

      web_page = is_web_page (fetch);
      if (web_page || error->domain != AIP_CLIENT_ERROR)
        {
          g_clear_error (&error);
          error = aip_client_error_new_unreadable (web_page);
        }

      g_task_return_error (parse, g_steal_pointer (&error));
      return;
    }

  g_debug ("Fetched %" G_GSIZE_FORMAT " bytes in %" G_GINT64_FORMAT " ms; "
           "%u assistants, %u skipped, parsed in %" G_GINT64_FORMAT " ms",
           g_bytes_get_size (fetch->body), fetch->network_ms,
           aip_response_get_assistants (response)->len,
           aip_response_get_n_skipped (response),
           elapsed_ms (started));

  g_task_return_pointer (parse, response, g_object_unref);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AipResponse *response;

  response = g_task_propagate_pointer (G_TASK (result), &error);

  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, response, g_object_unref);
}

/* The worker thread may drop the last reference to the task it ran, so
 * that task holds neither the client nor anything of libsoup's: it is a
 * second task, and the caller's task completes on the caller's thread. */
static void
parse_in_thread (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GTask) parse = NULL;

  parse = g_task_new (NULL, NULL, parsed_cb, task);
  g_task_set_source_tag (parse, parse_in_thread);
  g_task_set_task_data (parse, fetch, NULL);
  g_task_run_in_thread (parse, parse_thread_cb);
}

static void read_next_chunk (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);

  if (n_read < 0)
    {
      return_error (task, transfer_error (fetch, error));
      return;
    }

  if (n_read > 0)
    {
      fetch->size += n_read;

      if (fetch->size > fetch->max_size)
        {
          g_debug ("Fetch stopped after %" G_GSIZE_FORMAT " bytes: over the limit", fetch->size);
          return_error (task, aip_client_error_new_too_large (fetch->max_size));
          return;
        }

      read_next_chunk (g_steal_pointer (&task));
      return;
    }

  /* libsoup takes a connection closed early for the end of the body. */
  if (fetch->expected_size >= 0 && fetch->size < (guint64) fetch->expected_size)
    {
      g_autoptr(GError) partial = NULL;

      partial = g_error_new (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                             "Body cut off after %" G_GSIZE_FORMAT " of %" G_GOFFSET_FORMAT " bytes",
                             fetch->size, fetch->expected_size);
      return_error (task, transfer_error (fetch, partial));
      return;
    }

  fetch->network_ms = elapsed_ms (fetch->started);
  fetch->body = g_bytes_new_take (g_steal_pointer (&fetch->data), fetch->size);
  fetch_stop (fetch);

  parse_in_thread (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  gsize wanted;

  /* Never ask for more than one byte past the cap, so that the buffer stays
   * bounded by the cap whatever the server sends. */
  wanted = MIN (CHUNK_SIZE, fetch->max_size + 1 - fetch->size);
  /* A buffer sized to the announced length then never grows. */
  if (fetch->expected_size >= 0)
    wanted = MIN (wanted, (guint64) fetch->expected_size - fetch->size + 1);

  if (fetch->allocated - fetch->size < wanted)
    {
      fetch->allocated = MAX (fetch->allocated * 2, fetch->size + wanted);
      fetch->allocated = MIN (fetch->allocated, fetch->max_size + 1);
      fetch->data = g_realloc (fetch->data, fetch->allocated);
    }

  g_input_stream_read_async (fetch->stream,
                             fetch->data + fetch->size,
                             wanted,
                             G_PRIORITY_DEFAULT,
                             fetch->cancellable,
                             read_cb,
                             task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  goffset content_length;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);

  if (fetch->stream == NULL)
    {
      return_error (task, transfer_error (fetch, error));
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (status == AIP_HTTP_STATUS_TOO_MANY_REQUESTS)
        fetch->retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

      g_debug ("Fetch answered %u %s after %" G_GINT64_FORMAT " ms",
               status, soup_message_get_reason_phrase (fetch->message),
               elapsed_ms (fetch->started));

      return_error (task, aip_client_error_new_for_status (status, fetch->retry_after));
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  /* Media types are case-insensitive (RFC 9110, 8.3.1) */
  fetch->web_page = content_type != NULL &&
                    (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
                     g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0);

  /* The length of a body that is not encoded is known before reading it. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    {
      content_length = soup_message_headers_get_content_length (headers);

      if ((guint64) content_length > fetch->max_size)
        {
          g_debug ("Fetch refused: %" G_GOFFSET_FORMAT " bytes announced", content_length);
          return_error (task, aip_client_error_new_too_large (fetch->max_size));
          return;
        }

      fetch->expected_size = content_length;
      fetch->allocated = content_length + 1;
      fetch->data = g_malloc (fetch->allocated);
    }

  read_next_chunk (g_steal_pointer (&task));
}

static gboolean
deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline_passed = TRUE;
  g_cancellable_cancel (fetch->cancellable);

  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  Fetch *fetch = user_data;

  g_cancellable_cancel (fetch->cancellable);

  return G_SOURCE_REMOVE;
}

/* http:// is allowed only for this computer, and only because nothing lies
 * between: a proxy would see the token in clear text. Whatever resolver is
 * set or configured in the environment, this computer is reached directly. */
static void
apply_proxy_resolver (AipClient *self)
{
  if (self->base_url != NULL && aip_base_url_is_loopback (self->base_url))
    soup_session_set_proxy_resolver (self->session, NULL);
  else if (self->proxy_resolver != NULL)
    soup_session_set_proxy_resolver (self->session, self->proxy_resolver);
  else
    soup_session_set_proxy_resolver (self->session, g_proxy_resolver_get_default ());
}

static void
aip_client_finalize (GObject *object)
{
  AipClient *self = (AipClient *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->proxy_resolver);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (aip_client_parent_class)->finalize (object);
}

static void
aip_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AipClient *self = AIP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, aip_client_get_timeout (self));
      break;

    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;

    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;

    case PROP_PROXY_RESOLVER:
      g_value_set_object (value, self->proxy_resolver);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AipClient *self = AIP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      aip_client_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_DEADLINE:
      aip_client_set_deadline (self, g_value_get_uint (value));
      break;

    case PROP_MAX_SIZE:
      aip_client_set_max_size (self, g_value_get_uint64 (value));
      break;

    case PROP_PROXY_RESOLVER:
      aip_client_set_proxy_resolver (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_client_class_init (AipClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aip_client_finalize;
  object_class->get_property = aip_client_get_property;
  object_class->set_property = aip_client_set_property;

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_DEADLINE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL,
                         1, G_MAXUINT64, DEFAULT_MAX_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AipClient:proxy-resolver:
   *
   * The proxy resolver for a server that is not on this computer, %NULL for
   * the system's. A server on this computer is always reached directly.
   */
  properties [PROP_PROXY_RESOLVER] =
    g_param_spec_object ("proxy-resolver", NULL, NULL,
                         G_TYPE_PROXY_RESOLVER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_client_init (AipClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT,
                                                 NULL);
  self->deadline = DEFAULT_DEADLINE;
  self->max_size = DEFAULT_MAX_SIZE;
}

/**
 * aip_client_new:
 * @base_url: the base URL of the platform's API
 * @error: return location for an %AIP_CLIENT_ERROR_INVALID_BASE_URL error
 *
 * Creates a client for the API at @base_url, which must follow the rules of
 * aip_base_url_normalize().
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL if @base_url
 *   is not acceptable
 */
AipClient *
aip_client_new (const char  *base_url,
                GError     **error)
{
  g_autofree char *normalized = NULL;
  AipClient *self;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalized = aip_base_url_normalize (base_url, error);
  if (normalized == NULL)
    return NULL;

  self = g_object_new (AIP_TYPE_CLIENT, NULL);
  self->base_url = g_steal_pointer (&normalized);
  apply_proxy_resolver (self);

  return self;
}

/**
 * aip_client_get_base_url:
 * @self: a #AipClient
 *
 * Returns: the normalized base URL
 */
const char *
aip_client_get_base_url (AipClient *self)
{
  g_return_val_if_fail (AIP_IS_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * aip_client_get_timeout:
 * @self: a #AipClient
 *
 * Returns: the longest wait in seconds for connecting or for any single
 *   network read or write, 0 for none
 */
guint
aip_client_get_timeout (AipClient *self)
{
  g_return_val_if_fail (AIP_IS_CLIENT (self), 0);

  return soup_session_get_timeout (self->session);
}

/**
 * aip_client_set_timeout:
 * @self: a #AipClient
 * @seconds: the longest wait for connecting or for any single network read
 *   or write, 0 for none
 *
 * Applies to connections made after the call.
 */
void
aip_client_set_timeout (AipClient *self,
                        guint      seconds)
{
  g_return_if_fail (AIP_IS_CLIENT (self));

  if (soup_session_get_timeout (self->session) == seconds)
    return;

  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
}

/**
 * aip_client_get_deadline:
 * @self: a #AipClient
 *
 * Returns: the longest time in seconds that a fetch may take until its
 *   whole body has arrived, 0 for none
 */
guint
aip_client_get_deadline (AipClient *self)
{
  g_return_val_if_fail (AIP_IS_CLIENT (self), 0);

  return self->deadline;
}

/**
 * aip_client_set_deadline:
 * @self: a #AipClient
 * @seconds: the longest time that a fetch may take until its whole body has
 *   arrived, 0 for none
 *
 * A server that trickles its answer byte by byte never trips the socket
 * timeout; this deadline stops it. Applies to fetches started after the call.
 */
void
aip_client_set_deadline (AipClient *self,
                         guint      seconds)
{
  g_return_if_fail (AIP_IS_CLIENT (self));

  if (self->deadline == seconds)
    return;

  self->deadline = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEADLINE]);
}

/**
 * aip_client_get_max_size:
 * @self: a #AipClient
 *
 * Returns: the largest body in bytes, after content decoding, that a fetch
 *   accepts
 */
guint64
aip_client_get_max_size (AipClient *self)
{
  g_return_val_if_fail (AIP_IS_CLIENT (self), 0);

  return self->max_size;
}

/**
 * aip_client_set_max_size:
 * @self: a #AipClient
 * @bytes: the largest body, after content decoding, that a fetch accepts
 *
 * Applies to fetches started after the call.
 */
void
aip_client_set_max_size (AipClient *self,
                         guint64    bytes)
{
  g_return_if_fail (AIP_IS_CLIENT (self));
  g_return_if_fail (bytes > 0 && bytes < G_MAXSIZE);

  if (self->max_size == bytes)
    return;

  self->max_size = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAX_SIZE]);
}

/**
 * aip_client_get_proxy_resolver:
 * @self: a #AipClient
 *
 * Returns: (transfer none) (nullable): the proxy resolver set with
 *   aip_client_set_proxy_resolver(), or %NULL for the system's
 */
GProxyResolver *
aip_client_get_proxy_resolver (AipClient *self)
{
  g_return_val_if_fail (AIP_IS_CLIENT (self), NULL);

  return self->proxy_resolver;
}

/**
 * aip_client_set_proxy_resolver:
 * @self: a #AipClient
 * @resolver: (nullable): a proxy resolver, or %NULL for the system's
 *
 * Sets the proxy resolver for a server that is not on this computer; a
 * server on this computer is always reached directly. Applies to
 * connections made after the call.
 */
void
aip_client_set_proxy_resolver (AipClient      *self,
                               GProxyResolver *resolver)
{
  g_return_if_fail (AIP_IS_CLIENT (self));
  g_return_if_fail (resolver == NULL || G_IS_PROXY_RESOLVER (resolver));

  if (!g_set_object (&self->proxy_resolver, resolver))
    return;

  apply_proxy_resolver (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROXY_RESOLVER]);
}

/**
 * aip_client_fetch_outbound_async:
 * @self: a #AipClient
 * @token: the API token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list has arrived and is parsed, or on error
 * @user_data: data for @callback
 *
 * Fetches every outbound assistant of the account that @token belongs to.
 * The token is sent to the client's base URL only: redirects are not
 * followed.
 */
void
aip_client_fetch_outbound_async (AipClient           *self,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  Fetch *fetch;

  g_return_if_fail (AIP_IS_CLIENT (self));
  g_return_if_fail (token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aip_client_fetch_outbound_async);

  fetch = g_new0 (Fetch, 1);
  fetch->cancellable = g_cancellable_new ();
  fetch->max_size = self->max_size;
  fetch->expected_size = -1;
  fetch->started = g_get_monotonic_time ();
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  clean = clean_token (token);
  if (clean == NULL)
    {
      g_task_return_new_error (task, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED,
                               _("The token contains characters that a token cannot have; "
                                 "copy it again from the platform’s web dashboard"));
      return;
    }

  url = g_strconcat (self->base_url, "/user/assistants/outbound", NULL);
  fetch->message = soup_message_new (SOUP_METHOD_GET, url);
  if (fetch->message == NULL)
    {
      g_task_return_new_error (task, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_BASE_URL,
                               _("The server address is not a valid web address"));
      return;
    }

  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  authorization = g_strconcat ("Bearer ", clean, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (cancellable != NULL)
    {
      fetch->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (fetch->cancelled_source, G_SOURCE_FUNC (cancelled_cb), fetch, NULL);
      g_source_attach (fetch->cancelled_source, g_task_get_context (task));
    }

  if (self->deadline > 0)
    {
      fetch->deadline_source = g_timeout_source_new_seconds (self->deadline);
      g_source_set_callback (fetch->deadline_source, deadline_cb, fetch, NULL);
      g_source_attach (fetch->deadline_source, g_task_get_context (task));
    }

  g_debug ("Fetching %s", url);

  soup_session_send_async (self->session,
                           fetch->message,
                           G_PRIORITY_DEFAULT,
                           fetch->cancellable,
                           send_cb,
                           g_steal_pointer (&task));
}

/**
 * aip_client_fetch_outbound_finish:
 * @self: a #AipClient
 * @result: the result given to the callback
 * @retry_after: (out) (optional): the delay in seconds that the server asked
 *   for before the next try, 0 if it asked for none
 * @error: return location for an error
 *
 * Returns the parsed list. Errors are in the %AIP_CLIENT_ERROR domain, with
 * a message for people; cancellation is %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the response, or %NULL on error
 */
AipResponse *
aip_client_fetch_outbound_finish (AipClient     *self,
                                  GAsyncResult  *result,
                                  guint         *retry_after,
                                  GError       **error)
{
  Fetch *fetch;

  g_return_val_if_fail (AIP_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aip_client_fetch_outbound_async, NULL);

  fetch = g_task_get_task_data (G_TASK (result));

  if (retry_after != NULL)
    *retry_after = fetch->retry_after;

  return g_task_propagate_pointer (G_TASK (result), error);
}
