/* aip-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  AIP_FORMAT_TABLE,
  AIP_FORMAT_CSV,
  AIP_FORMAT_CSV_SPREADSHEET,
  AIP_FORMAT_JSON,
} AipFormat;

gboolean  aip_format_parse      (const char *name,
                                 AipFormat  *out);
GBytes   *aip_format_assistants (GListModel     *assistants,
                                 AipFormat       format,
                                 int             width);
gboolean  aip_format_write      (GListModel     *assistants,
                                 AipFormat       format,
                                 int             width,
                                 GOutputStream  *stream,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
