/* aip-response.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-assistant.h"

G_BEGIN_DECLS

#define AIP_TYPE_RESPONSE (aip_response_get_type ())

G_DECLARE_FINAL_TYPE (AipResponse, aip_response, AIP, RESPONSE, GObject)

void         aip_response_new_async        (GBytes              *body,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
AipResponse *aip_response_new_finish       (GAsyncResult        *result,
                                            GError             **error);
AipResponse *aip_response_new_from_bytes   (GBytes       *body,
                                            GError      **error);
AipResponse *aip_response_new_from_bytes_sequential
                                           (GBytes       *body,
                                            GError      **error);
GBytes      *aip_response_get_body         (AipResponse  *self);
GPtrArray   *aip_response_get_assistants   (AipResponse  *self);
GPtrArray   *aip_response_steal_assistants (AipResponse  *self);
guint        aip_response_get_n_skipped    (AipResponse  *self);

G_END_DECLS
