/* aip-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-response.h"

G_BEGIN_DECLS

#define AIP_TYPE_CACHE (aip_cache_get_type ())

G_DECLARE_FINAL_TYPE (AipCache, aip_cache, AIP, CACHE, GObject)

AipCache    *aip_cache_new           (const char           *base_url);
const char  *aip_cache_get_path      (AipCache             *self);
void         aip_cache_write_async   (AipCache             *self,
                                      GBytes               *body,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean     aip_cache_write_finish  (AipCache             *self,
                                      GAsyncResult         *result,
                                      GError              **error);
void         aip_cache_read_async    (AipCache             *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
AipResponse *aip_cache_read_finish   (AipCache             *self,
                                      GAsyncResult         *result,
                                      GDateTime           **modified,
                                      GError              **error);
void         aip_cache_delete_async  (AipCache             *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean     aip_cache_delete_finish (AipCache             *self,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
