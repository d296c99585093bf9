/* aip-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-format.h"

G_BEGIN_DECLS

void      aip_export_write_async  (GListModel           *assistants,
                                   AipFormat             format,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  aip_export_write_finish (GAsyncResult         *result,
                                   guint                *n_written,
                                   GError              **error);

G_END_DECLS
