/* aip-base-url.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *aip_base_url_normalize   (const char  *url,
                                    GError     **error);
char     *aip_base_url_get_host    (const char  *normalized);
gboolean  aip_base_url_is_loopback (const char  *normalized);
char     *aip_base_url_hash        (const char  *normalized);

G_END_DECLS
