/* aip-json-bytes.h: reading JSON text eight bytes at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of each byte of v that is a quote or a backslash, and maybe
 * of some bytes after one (enough to tell whether there is any) */
static inline guint64
quotes_and_backslashes (guint64 v)
{
  guint64 quote = v ^ (ONES * '"');
  guint64 backslash = v ^ (ONES * '\\');

  return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGHS;
}

/* Eight bytes of text as a number whose lowest byte is the first one, so
 * that the lowest bit a mask above sets is on the first byte it found: the
 * false hits come only after a true one. */
static inline guint64
load_word (const void *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return GUINT64_FROM_LE (v);
}

static inline guint
first_byte (guint64 mask)
{
  return __builtin_ctzll (mask) / 8;
}

static const guint8 space_byte[256] = {
  [' '] = 1, ['\n'] = 1, ['\r'] = 1, ['\t'] = 1,
};

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

G_END_DECLS
