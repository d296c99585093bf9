/* aip-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-client-error.h"
#include "aip-response.h"

G_BEGIN_DECLS

#define AIP_TYPE_CLIENT (aip_client_get_type ())

G_DECLARE_FINAL_TYPE (AipClient, aip_client, AIP, CLIENT, GObject)

gboolean        aip_client_is_token_char         (guchar                c);
AipClient      *aip_client_new                   (const char           *base_url,
                                                  GError              **error);
const char     *aip_client_get_base_url          (AipClient            *self);
guint           aip_client_get_timeout           (AipClient            *self);
void            aip_client_set_timeout           (AipClient            *self,
                                                  guint                 seconds);
guint           aip_client_get_deadline          (AipClient            *self);
void            aip_client_set_deadline          (AipClient            *self,
                                                  guint                 seconds);
guint64         aip_client_get_max_size          (AipClient            *self);
void            aip_client_set_max_size          (AipClient            *self,
                                                  guint64               bytes);
GProxyResolver *aip_client_get_proxy_resolver    (AipClient            *self);
void            aip_client_set_proxy_resolver    (AipClient            *self,
                                                  GProxyResolver       *resolver);
void            aip_client_fetch_outbound_async  (AipClient            *self,
                                                  const char           *token,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
AipResponse    *aip_client_fetch_outbound_finish (AipClient            *self,
                                                  GAsyncResult         *result,
                                                  guint                *retry_after,
                                                  GError              **error);

G_END_DECLS
