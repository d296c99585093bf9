/* aip-json-reduce.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The string values aip_json_append_reduced() took out of a text, decoded */
typedef struct
{
  /* Each value followed by a NUL */
  GString *text;
  /* Where each value starts in text, and its length */
  GArray  *values;
} AipJsonStrings;

void        aip_json_strings_init    (AipJsonStrings       *self);
void        aip_json_strings_clear   (AipJsonStrings       *self);
void        aip_json_strings_reset   (AipJsonStrings       *self);
const char *aip_json_strings_resolve (const AipJsonStrings *self,
                                      const char           *text,
                                      gsize                *length);

void        aip_json_append_reduced  (GString              *out,
                                      const char           *start,
                                      const char           *end,
                                      AipJsonStrings       *strings);

G_END_DECLS
