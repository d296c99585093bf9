/* test-base-url.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aip-base-url.h"
#include "aip-client-error.h"
#include "aip-test-log.h"

typedef struct
{
  const char *input;
  /* NULL when the input must be refused. */
  const char *normalized;
} Case;

static const Case cases[] = {
  /* The default and its spellings. */
  { "https://call.aiployees.com/api", "https://call.aiployees.com/api" },
  { "https://call.aiployees.com/api/", "https://call.aiployees.com/api" },
  { "https://call.aiployees.com/api///", "https://call.aiployees.com/api" },
  { "HTTPS://Call.AIployees.COM/api", "https://call.aiployees.com/api" },
  { "https://call.aiployees.com:443/api", "https://call.aiployees.com/api" },
  { "  https://call.aiployees.com/api\n", "https://call.aiployees.com/api" },
  { "https://call.aiployees.com", "https://call.aiployees.com" },
  { "https://call.aiployees.com/", "https://call.aiployees.com" },
  /* The path keeps its case; dot segments and escapes are normalized. */
  { "https://call.aiployees.com/API/v2", "https://call.aiployees.com/API/v2" },
  { "https://call.aiployees.com/a/../api/./v2", "https://call.aiployees.com/api/v2" },
  { "https://call.aiployees.com/%7eapi%2fv2", "https://call.aiployees.com/~api%2Fv2" },
  { "https://call.aiployees.com:8443/api", "https://call.aiployees.com:8443/api" },
  { "https://staging.example:80/api", "https://staging.example:80/api" },
  /* IDN hosts in their ASCII form. */
  { "https://bücher.example/api", "https://xn--bcher-kva.example/api" },
  { "https://BÜCHER.example/api", "https://xn--bcher-kva.example/api" },
  { "https://b%C3%BCcher.example/api", "https://xn--bcher-kva.example/api" },
  { "https://пример.бг/api", "https://xn--e1afmkfd.xn--90ae/api" },
  /* IP addresses. */
  { "https://192.0.2.7/api", "https://192.0.2.7/api" },
  { "https://[2001:DB8::1]:8443/api", "https://[2001:db8::1]:8443/api" },
  /* Plain http for this computer only. */
  { "http://localhost:8080/api", "http://localhost:8080/api" },
  { "http://LOCALHOST/api/", "http://localhost/api" },
  { "http://localhost:80/api", "http://localhost/api" },
  { "http://127.0.0.1:3000/api", "http://127.0.0.1:3000/api" },
  { "http://127.45.6.7/api", "http://127.45.6.7/api" },
  { "http://[::1]:8080/api", "http://[::1]:8080/api" },
  { "http://[0:0:0:0:0:0:0:1]/api", "http://[::1]/api" },
  { "http://call.aiployees.com/api", NULL },
  { "http://128.0.0.1/api", NULL },
  { "http://10.0.0.1/api", NULL },
  { "http://[::2]/api", NULL },
  { "http://[::ffff:127.0.0.1]/api", NULL },
  { "http://localhost.example/api", NULL },
  /* Nothing that could carry a secret or change the request. */
  { "https://user@call.aiployees.com/api", NULL },
  { "https://user:secret@call.aiployees.com/api", NULL },
  { "https://@call.aiployees.com/api", NULL },
  { "https://call.aiployees.com/api?x=1", NULL },
  { "https://call.aiployees.com/api?", NULL },
  { "https://call.aiployees.com/api#top", NULL },
  { "https://call.aiployees.com/api#", NULL },
  /* Garbage. */
  { "", NULL },
  { "   ", NULL },
  { "call.aiployees.com/api", NULL },
  { "//call.aiployees.com/api", NULL },
  { "ftp://call.aiployees.com/api", NULL },
  { "file:///etc/passwd", NULL },
  { "javascript:alert(1)", NULL },
  { "https:", NULL },
  { "https://", NULL },
  { "https:///api", NULL },
  { "https://call aiployees.com/api", NULL },
  { "https://call.aiployees.com/my api", NULL },
  { "https://call.aiployees.com/api\t", "https://call.aiployees.com/api" },
  { "https://call.aiployees.com/a\tpi", NULL },
  { "https://call.aiployees.com:0/api", NULL },
  { "https://call.aiployees.com:99999/api", NULL },
  { "https://call.aiployees.com:port/api", NULL },
  { "https://call..aiployees.com/api", NULL },
  { "https://call.aiployees.com./api", NULL },
  { "https://call.aiployees.com\\@evil.example/api", NULL },
  { "https://[fe80::1%25eth0]/api", NULL },
  { "https://[::1/api", NULL },
  { "https://call.aiployees.com/%zz", NULL },
  { "https://\xff\xfe/api", NULL },
};

static void
test_normalize_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      g_test_message ("%s", cases[i].input);
      normalized = aip_base_url_normalize (cases[i].input, &error);

      if (cases[i].normalized != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (normalized, ==, cases[i].normalized);
        }
      else
        {
          g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_BASE_URL);
          g_assert_null (normalized);
          g_assert_nonnull (error->message);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

static void
test_normalize_idempotent (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *again = NULL;

      if (cases[i].normalized == NULL)
        continue;

      again = aip_base_url_normalize (cases[i].normalized, NULL);
      g_assert_cmpstr (again, ==, cases[i].normalized);
    }
}

/* Each refusal says why, not merely that the address is bad. */
static void
test_normalize_messages (void)
{
  static const struct {
    const char *input;
    const char *message;
  } messages[] = {
    { "", "Enter a server address" },
    { "call.aiployees.com/api", "The server address must start with https://" },
    { "ftp://call.aiployees.com/api", "The server address must start with https://" },
    { "http://call.aiployees.com/api",
      "The server address must start with https://; http:// is allowed only for this computer" },
    { "https://user@call.aiployees.com/api",
      "The server address must not contain a user name or password" },
    { "https://call.aiployees.com/api?x=1",
      "The server address must not contain a query (a part after “?”)" },
    { "https://call.aiployees.com/api#x",
      "The server address must not contain a fragment (a part after “#”)" },
    { "https://call.aiployees.com/my api", "The server address must not contain spaces" },
    { "https:///api", "The server address has no server name" },
    { "https://call.aiployees.com:0/api", "The port number in the server address is not valid" },
    { "https://call..aiployees.com/api", "The server name in the server address is not valid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = aip_base_url_normalize (messages[i].input, &error);

      g_assert_error (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_BASE_URL);
      g_assert_cmpstr (error->message, ==, messages[i].message);
    }
}

static void
test_host (void)
{
  static const struct {
    const char *normalized;
    const char *host;
  } hosts[] = {
    { "https://call.aiployees.com/api", "call.aiployees.com" },
    { "https://call.aiployees.com:8443/api", "call.aiployees.com:8443" },
    { "https://xn--bcher-kva.example", "xn--bcher-kva.example" },
    { "http://127.0.0.1:3000/api", "127.0.0.1:3000" },
    { "http://[::1]/api", "[::1]" },
    { "http://[::1]:8080/api", "[::1]:8080" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autofree char *host = aip_base_url_get_host (hosts[i].normalized);

      g_assert_cmpstr (host, ==, hosts[i].host);
    }

  g_assert_null (aip_base_url_get_host ("not a url"));
}

static void
test_loopback (void)
{
  static const struct {
    const char *normalized;
    gboolean    loopback;
  } urls[] = {
    { "http://127.0.0.1:3000/api", TRUE },
    { "http://127.1.2.3/api", TRUE },
    { "http://localhost:8000", TRUE },
    { "https://localhost/api", TRUE },
    { "http://[::1]:8080/api", TRUE },
    { "https://call.aiployees.com/api", FALSE },
    { "https://localhost.example.com/api", FALSE },
    { "https://10.0.0.1/api", FALSE },
    { "https://[::2]/api", FALSE },
    { "not a url", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_test_message ("%s", urls[i].normalized);
      g_assert_cmpint (aip_base_url_is_loopback (urls[i].normalized), ==, urls[i].loopback);
    }
}

static void
test_hash (void)
{
  g_autofree char *hash = aip_base_url_hash ("https://call.aiployees.com/api");
  g_autofree char *other = aip_base_url_hash ("https://call.aiployees.com/api/v2");
  g_autofree char *a = aip_base_url_normalize ("HTTPS://Call.Aiployees.com:443/api/", NULL);
  g_autofree char *b = aip_base_url_normalize ("https://call.aiployees.com/api", NULL);
  g_autofree char *hash_a = aip_base_url_hash (a);
  g_autofree char *hash_b = aip_base_url_hash (b);

  /* printf 'https://call.aiployees.com/api' | sha256sum */
  g_assert_cmpstr (hash, ==, "b583b6dfbd2e76b7e701c0a54fe9c0db2d8995f739162a9390d8bedc69172636");
  g_assert_cmpstr (hash, !=, other);
  g_assert_cmpstr (hash_a, ==, hash_b);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  aip_test_log_debug_to_stderr ();

  g_test_add_func ("/base-url/normalize/table", test_normalize_table);
  g_test_add_func ("/base-url/normalize/idempotent", test_normalize_idempotent);
  g_test_add_func ("/base-url/normalize/messages", test_normalize_messages);
  g_test_add_func ("/base-url/host", test_host);
  g_test_add_func ("/base-url/loopback", test_loopback);
  g_test_add_func ("/base-url/hash", test_hash);

  return g_test_run ();
}
