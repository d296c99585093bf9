/* aip-base-url.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "aip-base-url.h"
#include "aip-client-error.h"

/* Path, query and fragment stay encoded so that GUri normalizes their
 * percent-encoding instead of decoding "%2F" into a path separator; the host
 * is decoded, which gives IDN hosts in their ASCII form. */
#define PARSE_FLAGS (G_URI_FLAGS_ENCODED_PATH | G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT)

static char *
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_BASE_URL, message);
  return NULL;
}

static gboolean
is_dns_name (const char *host)
{
  gsize label_length = 0;
  gsize length = 0;

  for (const char *p = host; *p != '\0'; p++, length++)
    {
      if (*p == '.')
        {
          if (label_length == 0)
            return FALSE;
          label_length = 0;
        }
      else if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        {
          if (++label_length > 63)
            return FALSE;
        }
      else
        {
          return FALSE;
        }
    }

  return label_length > 0 && length <= 253;
}

/* Returns the host in its one canonical form, or NULL when it is none. */
static char *
canonical_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *lower = NULL;

  /* An IPv6 zone only makes sense on a link, never for this service. */
  if (strchr (host, '%') != NULL)
    return NULL;

  address = g_inet_address_new_from_string (host);
  if (address != NULL)
    return g_inet_address_to_string (address);

  lower = g_ascii_strdown (host, -1);
  if (!is_dns_name (lower))
    return NULL;

  return g_steal_pointer (&lower);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_str_equal (host, "localhost"))
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * aip_base_url_normalize:
 * @url: a base URL as a person typed it
 * @error: return location for an %AIP_CLIENT_ERROR_INVALID_BASE_URL error
 *
 * Checks @url against the rules for a base URL and returns its one canonical
 * form: scheme and host in lower case, the host in ASCII, no default port,
 * no trailing slash. Surrounding white space is ignored.
 *
 * Returns: (transfer full) (nullable): the normalized URL, or %NULL with
 *   @error set to a message that says what is wrong
 */
char *
aip_base_url_normalize (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  const char *scheme;
  gsize path_length;
  int port;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));

  if (trimmed[0] == '\0')
    return refuse (error, _("Enter a server address"));

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        return refuse (error, _("The server address must not contain spaces"));
    }

  if (!g_utf8_validate (trimmed, -1, NULL))
    return refuse (error, _("The server address is not a valid web address"));

  scheme = g_uri_peek_scheme (trimmed);
  if (scheme == NULL || !strstr (trimmed, "://"))
    return refuse (error, _("The server address must start with https://"));

  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    return refuse (error, _("The server address must start with https://"));

  uri = g_uri_parse (trimmed, PARSE_FLAGS, &parse_error);
  if (uri == NULL)
    {
      g_debug ("Base URL refused: %s", parse_error->message);

      if (g_error_matches (parse_error, G_URI_ERROR, G_URI_ERROR_BAD_PORT))
        return refuse (error, _("The port number in the server address is not valid"));
      if (g_error_matches (parse_error, G_URI_ERROR, G_URI_ERROR_BAD_HOST))
        return refuse (error, _("The server name in the server address is not valid"));

      return refuse (error, _("The server address is not a valid web address"));
    }

  if (g_uri_get_userinfo (uri) != NULL)
    return refuse (error, _("The server address must not contain a user name or password"));
  if (g_uri_get_query (uri) != NULL)
    return refuse (error, _("The server address must not contain a query (a part after “?”)"));
  if (g_uri_get_fragment (uri) != NULL)
    return refuse (error, _("The server address must not contain a fragment (a part after “#”)"));

  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return refuse (error, _("The server address has no server name"));

  host = canonical_host (g_uri_get_host (uri));
  if (host == NULL)
    return refuse (error, _("The server name in the server address is not valid"));

  port = g_uri_get_port (uri);
  if (port == 0)
    return refuse (error, _("The port number in the server address is not valid"));

  if (g_str_equal (scheme, "http"))
    {
      if (!is_loopback (host))
        return refuse (error, _("The server address must start with https://; "
                                "http:// is allowed only for this computer"));
      if (port == 80)
        port = -1;
    }
  else if (port == 443)
    {
      port = -1;
    }

  path = g_strdup (g_uri_get_path (uri));
  path_length = strlen (path);
  while (path_length > 0 && path[path_length - 1] == '/')
    path[--path_length] = '\0';

  return g_uri_join (PARSE_FLAGS, scheme, NULL, host, port, path, NULL, NULL);
}

/**
 * aip_base_url_is_loopback:
 * @normalized: a URL from aip_base_url_normalize()
 *
 * Returns: whether @normalized names this computer: localhost or a loopback
 *   address, which http:// may reach and no proxy may stand between
 */
gboolean
aip_base_url_is_loopback (const char *normalized)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (normalized != NULL, FALSE);

  uri = g_uri_parse (normalized, PARSE_FLAGS, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && is_loopback (g_uri_get_host (uri));
}

/**
 * aip_base_url_get_host:
 * @normalized: a URL from aip_base_url_normalize()
 *
 * Returns the part of @normalized that names the server, with the port when
 * it is not the default one, for showing to people. An IDN host stays in its
 * ASCII form: that is the name the connection really goes to.
 *
 * Returns: (transfer full) (nullable): the host, or %NULL if @normalized
 *   is not a URL
 */
char *
aip_base_url_get_host (const char *normalized)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (normalized != NULL, NULL);

  uri = g_uri_parse (normalized, PARSE_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  host = g_uri_get_host (uri);

  if (strchr (host, ':') != NULL)
    {
      if (g_uri_get_port (uri) > 0)
        return g_strdup_printf ("[%s]:%d", host, g_uri_get_port (uri));
      return g_strdup_printf ("[%s]", host);
    }

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", host, g_uri_get_port (uri));

  return g_strdup (host);
}

/**
 * aip_base_url_hash:
 * @normalized: a URL from aip_base_url_normalize()
 *
 * Returns: (transfer full): the SHA-256 of @normalized in lower-case hex, a
 *   name that identifies the base URL without showing it
 */
char *
aip_base_url_hash (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, normalized, -1);
}
