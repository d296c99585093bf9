/* aip-fold.h: text folded for search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *aip_fold_text      (const char *text,
                          gssize      length);
void  aip_fold_append    (GString    *out,
                          const char *text,
                          gsize       length);
void  aip_fold_ascii_run (char       *dest,
                          const char *text,
                          gsize       length);

G_END_DECLS
