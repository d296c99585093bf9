/* aip-json-reduce.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most member names that can be taken out of the items */
#define AIP_JSON_MAX_MEMBERS 32

/* What a member taken out of an item held */
typedef enum
{
  AIP_JSON_VALUE_NONE,
  AIP_JSON_VALUE_STRING,
  AIP_JSON_VALUE_INTEGER,
  AIP_JSON_VALUE_TRUE,
  AIP_JSON_VALUE_FALSE,
  AIP_JSON_VALUE_NULL,
} AipJsonValueKind;

/* The values aip_json_append_reduced() took out of a text, decoded */
typedef struct
{
  /* Each value followed by a NUL */
  GString            *text;
  /* Where each value starts in text, and its length */
  GArray             *values;
  /* Members taken out of objects that are items of the text, when their
   * values are strings, literals or integers json-glib reads exactly:
   * their names, and their lengths */
  const char * const *members;
  guint               n_members;
  gsize               member_lengths[AIP_JSON_MAX_MEMBERS];
  /* For each item, for each of members, the index of its value or -1 */
  GArray             *items;
} AipJsonStrings;

void        aip_json_strings_init       (AipJsonStrings       *self,
                                         const char * const   *members);
void        aip_json_strings_clear      (AipJsonStrings       *self);
void        aip_json_strings_reset      (AipJsonStrings       *self);
const char *aip_json_strings_resolve    (const AipJsonStrings *self,
                                         const char           *text,
                                         gsize                *length);
AipJsonValueKind aip_json_strings_get_member_value (const AipJsonStrings *self,
                                                   guint                 item,
                                                   guint                 member,
                                                   const char          **text,
                                                   gsize                *length,
                                                   gint64               *integer);

void        aip_json_append_reduced     (GString              *out,
                                         const char           *start,
                                         const char           *end,
                                         AipJsonStrings       *strings);

G_END_DECLS
