/* aip-client-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AIP_CLIENT_ERROR (aip_client_error_quark ())

/* libsoup 3.2 has no name for it */
#define AIP_HTTP_STATUS_TOO_MANY_REQUESTS 429

typedef enum
{
  AIP_CLIENT_ERROR_UNAUTHORIZED,
  AIP_CLIENT_ERROR_FORBIDDEN,
  AIP_CLIENT_ERROR_NOT_FOUND,
  AIP_CLIENT_ERROR_RATE_LIMITED,
  AIP_CLIENT_ERROR_SERVER,
  AIP_CLIENT_ERROR_REDIRECT,
  AIP_CLIENT_ERROR_TIMEOUT,
  AIP_CLIENT_ERROR_TOO_LARGE,
  AIP_CLIENT_ERROR_INVALID_RESPONSE,
  AIP_CLIENT_ERROR_NETWORK,
  AIP_CLIENT_ERROR_TLS,
  AIP_CLIENT_ERROR_INVALID_BASE_URL,
} AipClientError;

GQuark  aip_client_error_quark            (void);
GError *aip_client_error_new_for_status   (guint         status,
                                           guint         retry_after);
GError *aip_client_error_new_for_transfer (const GError *error);
GError *aip_client_error_new_too_large    (guint64       max_size);
GError *aip_client_error_new_unreadable   (gboolean      web_page);

G_END_DECLS
