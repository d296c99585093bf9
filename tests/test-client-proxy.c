/* test-client-proxy.c: the token never goes through a proxy to this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "aip-client.h"
#include "aip-test-async.h"
#include "aip-test-child.h"
#include "aip-test-log.h"
#include "aip-test-server.h"

#define TOKEN "sentinel-5d20e8b1-token"

static const char *test_program;

/* A stand-in for a proxy: it answers every request itself, with a status
 * that no server on the way to the platform gives. */
static AipTestServer *
proxy_new (void)
{
  AipTestServer *proxy = aip_test_server_new ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  aip_test_server_set_reply (proxy, NULL, SOUP_STATUS_PROXY_AUTHENTICATION_REQUIRED,
                             "text/plain", empty, NULL, AIP_TEST_REPLY_NORMAL);

  return proxy;
}

/* Whether a plain session, with @resolver or else the system's, goes
 * through the proxy to @server: a leak is there to be seen. */
static gboolean
plain_session_uses_proxy (AipTestServer  *server,
                          GProxyResolver *resolver)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = g_strconcat (aip_test_server_get_base_url (server),
                                      "/user/assistants/outbound", NULL);

  if (resolver != NULL)
    soup_session_set_proxy_resolver (session, resolver);
  message = soup_message_new (SOUP_METHOD_GET, url);
  body = soup_session_send_and_read (session, message, NULL, NULL);

  return soup_message_get_status (message) == SOUP_STATUS_PROXY_AUTHENTICATION_REQUIRED;
}

/* The token goes to a server on this computer directly, whatever loopback
 * name it has, never through a proxy that would read it in clear text. */
static void
assert_loopback_direct (AipTestServer  *server,
                        GProxyResolver *resolver)
{
  const char *hosts[] = { "127.0.0.1", "localhost", "[::1]" };

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autofree char *url = g_strdup_printf ("http://%s:%u/api", hosts[i],
                                              aip_test_server_get_port (server));
      g_autoptr(AipClient) client = NULL;
      g_autoptr(AipResponse) response = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      guint before = aip_test_server_get_n_requests (server);

      if (g_str_equal (hosts[i], "[::1]") && !aip_test_server_has_ipv6 (server))
        {
          g_test_message ("No IPv6 loopback here: %s is not tried", hosts[i]);
          continue;
        }

      g_test_message ("%s", url);
      client = aip_client_new (url, &error);
      g_assert_no_error (error);
      if (resolver != NULL)
        aip_client_set_proxy_resolver (client, resolver);

      aip_client_fetch_outbound_async (client, TOKEN, NULL, aip_test_store_result_cb, &result);
      response = aip_client_fetch_outbound_finish (client, aip_test_wait_for_result (&result),
                                                   NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (aip_response_get_assistants (response)->len, ==, 2);
      g_assert_cmpuint (aip_test_server_get_n_requests (server), ==, before + 1);
    }
}

static void
test_loopback_proxy_resolver (void)
{
  g_autoptr(AipTestServer) server = aip_test_server_new ();
  g_autoptr(AipTestServer) proxy = proxy_new ();
  g_autofree char *proxy_url = g_strdup_printf ("http://127.0.0.1:%u",
                                                aip_test_server_get_port (proxy));
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (proxy_url, NULL);

  aip_test_server_set_reply_file (server, TOKEN, "outbound-assistants.json");

  g_assert_true (plain_session_uses_proxy (server, resolver));
  g_assert_cmpuint (aip_test_server_get_n_requests (proxy), ==, 1);

  assert_loopback_direct (server, resolver);
  g_assert_cmpuint (aip_test_server_get_n_requests (proxy), ==, 1);
}

/* The same with http_proxy in the environment, which the system's resolver
 * reads, as a person's shell may have it: in a copy of this program, so that
 * no other test meets the proxy. The proxy runs here and counts what
 * reaches it. */
static void
test_loopback_proxy_environment (void)
{
  g_autoptr(AipTestServer) proxy = NULL;
  g_autoptr(AipTestServer) server = NULL;
  g_autofree char *proxy_url = NULL;
  g_autofree char *asan_options = NULL;

  if (aip_test_is_child ())
    {
      server = aip_test_server_new ();
      aip_test_server_set_reply_file (server, TOKEN, "outbound-assistants.json");

      /* The parent sees whether this went through the proxy. */
      if (!plain_session_uses_proxy (server, NULL))
        return;

      assert_loopback_direct (server, NULL);
      return;
    }

  proxy = proxy_new ();
  proxy_url = g_strdup_printf ("http://127.0.0.1:%u", aip_test_server_get_port (proxy));

  /* libproxy 0.5 (Debian testing) leaks a GUri on every lookup; the
   * frames that tests/lsan.supp matches it by are only seen with the slow
   * unwinder, as GLib there is built without frame pointers. */
  asan_options = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                              ":fast_unwind_on_malloc=0", NULL);
  aip_test_run_in_child (test_program, (const char *[]) { "http_proxy", proxy_url, "HTTP_PROXY", proxy_url,
                                                          "no_proxy", NULL, "NO_PROXY", NULL,
                                                          "ASAN_OPTIONS", asan_options, NULL });

  if (aip_test_server_get_n_requests (proxy) == 0)
    {
      g_test_skip ("The system’s proxy resolver here does not read http_proxy "
                   "(glib-networking’s proxy module is missing)");
      return;
    }

  /* The plain session's request, and no other */
  g_assert_cmpuint (aip_test_server_get_n_requests (proxy), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];

  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  g_test_add_func ("/client/loopback/proxy-resolver", test_loopback_proxy_resolver);
  g_test_add_func ("/client/loopback/proxy-environment", test_loopback_proxy_environment);

  return g_test_run ();
}
