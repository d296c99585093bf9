/* aip-client-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "aip-client-error.h"

/* Its own file because the parser reports into this domain too, and the
 * command line maps it to exit codes without needing the client. The texts
 * are whole sentences for people, shown as they are by the window, the
 * sign-in page and the command line: they say what happened and what to
 * do, and never quote the server. */
G_DEFINE_QUARK (aip-client-error-quark, aip_client_error)


/**
 * aip_client_error_new_for_status:
 * @status: an HTTP status that is not a success
 * @retry_after: the delay in seconds that the server asked for, 0 for none
 *
 * Returns: (transfer full): the error for a person
 */
GError *
aip_client_error_new_for_status (guint status,
                                 guint retry_after)
{
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_UNAUTHORIZED,
                                _("The server refused the token; it may have been revoked or "
                                  "mistyped. Sign in again with a new token"));

  if (status == SOUP_STATUS_FORBIDDEN)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_FORBIDDEN,
                                _("This token may not read assistants; ask your platform administrator"));

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_NOT_FOUND,
                                _("No assistants were found at this server address; "
                                  "check the address in Preferences"));

  if (status == AIP_HTTP_STATUS_TOO_MANY_REQUESTS)
    {
      guint minutes = (retry_after + 59) / 60;

      if (retry_after == 0)
        return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_RATE_LIMITED,
                                    _("The server is busy; try again later"));
      if (retry_after < 120)
        return g_error_new (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_RATE_LIMITED,
                            ngettext ("The server is busy; try again in %u second",
                                      "The server is busy; try again in %u seconds",
                                      retry_after),
                            retry_after);
      return g_error_new (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_RATE_LIMITED,
                          ngettext ("The server is busy; try again in %u minute",
                                    "The server is busy; try again in %u minutes",
                                    minutes),
                          minutes);
    }

  if (status == SOUP_STATUS_REQUEST_TIMEOUT)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TIMEOUT,
                                _("The server did not answer in time; try again later"));

  /* Nothing was asked for conditionally, so a 304 is no redirect: the
   * server, or a cache on the way, sent no list at all. */
  if (status == SOUP_STATUS_NOT_MODIFIED)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE,
                                _("The server answered “not modified” (304) without sending the "
                                  "list, although no earlier copy was offered; a cache or proxy "
                                  "on the way may be misbehaving. Try again later"));

  if (status >= 300 && status < 400)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_REDIRECT,
                                _("The server redirected the request to another address; it was "
                                  "not followed, to keep the token safe. Check the server "
                                  "address in Preferences"));

  if (status >= 500 && status < 600)
    return g_error_new (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_SERVER,
                        _("The platform is having problems (error %u); try again later"),
                        status);

  /* Any other answer means the address does not lead to the platform's API
   * as this version knows it: retrying will not help. */
  if (status >= 400 && status < 500)
    return g_error_new (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE,
                        _("The server refused the request (error %u); "
                          "check the server address in Preferences"),
                        status);

  return g_error_new (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE,
                      _("The server sent an answer that could not be read (status %u)"),
                      status);
}

/**
 * aip_client_error_new_for_transfer:
 * @error: why the request or the reading of the body failed; a cancellation
 *   here is the fetch's deadline, the caller's own is not an error of this
 *   domain
 *
 * Returns: (transfer full): the error for a person
 */
GError *
aip_client_error_new_for_transfer (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TIMEOUT,
                                _("The server did not answer in time; try again later"));

  if (error->domain == G_TLS_ERROR)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TLS,
                                _("The server’s identity could not be verified, so no "
                                  "connection was made; check the server address"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_NETWORK,
                                _("The connection to the server broke off; try again"));

  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
      g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE,
                                _("The server sent an answer that could not be read"));

  return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_NETWORK,
                              _("Could not connect to the server; check your internet "
                                "connection and the server address"));
}

/**
 * aip_client_error_new_too_large:
 * @max_size: the largest body in bytes that is read
 *
 * Returns: (transfer full): the error for a person
 */
GError *
aip_client_error_new_too_large (guint64 max_size)
{
  g_autofree char *size = g_format_size (max_size);

  return g_error_new (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_TOO_LARGE,
                      _("The server’s answer is larger than %s and was not read"),
                      size);
}

/**
 * aip_client_error_new_unreadable:
 * @web_page: whether the body is a web page
 *
 * Returns: (transfer full): the error for a body that is not the list of
 *   assistants, for a person
 */
GError *
aip_client_error_new_unreadable (gboolean web_page)
{
  if (web_page)
    return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE,
                                _("The server answered with a web page instead of the list of "
                                  "assistants; the server address may be wrong, or a login page "
                                  "or a proxy is in the way. Check the server address in "
                                  "Preferences"));

  return g_error_new_literal (AIP_CLIENT_ERROR, AIP_CLIENT_ERROR_INVALID_RESPONSE,
                              _("The server sent an answer that could not be read"));
}
