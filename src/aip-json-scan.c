/* aip-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <string.h>

#include "aip-json-bytes.h"
#include "aip-json-scan.h"

/* The scanner is the judge of what is JSON: RFC 8259, valid UTF-8, at most
 * AIP_JSON_MAX_DEPTH deep. Whatever json-glib would also accept (comments,
 * single quotes, trailing data...) is NOT_STRICT, and refused whichever
 * json-glib is installed. It also finds the items of the list, so that
 * each can be parsed on its own and gives the node the whole document
 * would. */

typedef enum
{
  STEP_OK,
  STEP_TRUNCATED,
  STEP_NOT_STRICT,
} Step;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
} Scanner;

/* Printable ASCII other than the quote and the backslash. Ranges keep
 * -Woverride-init quiet. */
static const guint8 plain_string_byte[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0x7f] = 1,
};

/* The same for quotes, backslashes, control characters and bytes that are
 * not ASCII: what plain_string_byte does not pass */
static inline guint64
special_bytes (guint64 v)
{
  guint64 control = v - ONES * 0x20;

  return quotes_and_backslashes (v) | ((control | v) & HIGHS);
}

static inline gboolean
is_space (guchar c)
{
  return space_byte[c];
}

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

static inline void
skip_space (Scanner *s)
{
  const guchar *p = s->data + s->pos;
  const guchar *end = s->data + s->length;

  while (p < end && space_byte[*p])
    p++;
  s->pos = p - s->data;
}

static inline gboolean
at_end (Scanner *s)
{
  return s->pos >= s->length;
}

/* Reads "\uXXXX" at s->pos. */
static Step
read_unicode_escape (Scanner *s,
                     gunichar *value)
{
  gunichar v = 0;

  if (s->pos + 6 > s->length)
    {
      /* Whatever is there must still look like the start of an escape */
      for (gsize i = s->pos; i < s->length; i++)
        {
          if ((i == s->pos && s->data[i] != '\\') ||
              (i == s->pos + 1 && s->data[i] != 'u') ||
              (i >= s->pos + 2 && hex_value (s->data[i]) < 0))
            return STEP_NOT_STRICT;
        }
      s->pos = s->length;
      return STEP_TRUNCATED;
    }

  if (s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
    return STEP_NOT_STRICT;

  for (guint i = 2; i < 6; i++)
    {
      int h = hex_value (s->data[s->pos + i]);

      if (h < 0)
        return STEP_NOT_STRICT;
      v = (v << 4) | (guint) h;
    }

  s->pos += 6;
  *value = v;

  return STEP_OK;
}

static Step
scan_escape (Scanner *s)
{
  gunichar unit;

  g_assert (s->data[s->pos] == '\\');

  if (s->pos + 1 >= s->length)
    {
      s->pos = s->length;
      return STEP_TRUNCATED;
    }

  switch (s->data[s->pos + 1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      s->pos += 2;
      return STEP_OK;

    case 'u':
      /* RFC 8259's grammar allows a surrogate without its other half;
       * aip_json_compact_append() decides what it reads as. */
      return read_unicode_escape (s, &unit);

    default:
      return STEP_NOT_STRICT;
    }
}

/* One UTF-8 sequence starting with a byte >= 0x80, as g_utf8_validate()
 * accepts it: no overlong forms, no surrogates, nothing above U+10FFFF. */
static Step
scan_utf8 (Scanner *s)
{
  const guchar *p = s->data + s->pos;
  gsize left = s->length - s->pos;
  guchar c = p[0];
  guchar min = 0x80, max = 0xbf;
  gsize n;

  if (c < 0xc2)
    return STEP_NOT_STRICT;
  else if (c < 0xe0)
    n = 2;
  else if (c < 0xf0)
    {
      n = 3;
      if (c == 0xe0)
        min = 0xa0;
      else if (c == 0xed)
        max = 0x9f;
    }
  else if (c < 0xf5)
    {
      n = 4;
      if (c == 0xf0)
        min = 0x90;
      else if (c == 0xf4)
        max = 0x8f;
    }
  else
    return STEP_NOT_STRICT;

  /* A sequence cut short is invalid text, not a truncated document: the
   * response says "not readable text". */
  if (left < n)
    return STEP_NOT_STRICT;
  if (p[1] < min || p[1] > max)
    return STEP_NOT_STRICT;
  for (gsize i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xbf)
      return STEP_NOT_STRICT;

  s->pos += n;

  return STEP_OK;
}

static Step
scan_string (Scanner  *s,
             gboolean *escaped)
{
  g_assert (s->data[s->pos] == '"');

  s->pos++;

  for (;;)
    {
      const guchar *p = s->data + s->pos;
      const guchar *end = s->data + s->length;
      Step step;
      guchar c;

      /* Eight bytes at a time through the long plain runs of prompts */
      while (end - p >= 8)
        {
          guint64 mask = special_bytes (load_word (p));

          if (mask != 0)
            {
              p += first_byte (mask);
              break;
            }
          p += 8;
        }
      while (p < end && plain_string_byte[*p])
        p++;
      s->pos = p - s->data;

      if (p == end)
        return STEP_TRUNCATED;

      c = *p;
      if (c == '"')
        {
          s->pos++;
          return STEP_OK;
        }
      else if (c == '\\')
        {
          *escaped = TRUE;
          step = scan_escape (s);
        }
      else if (c < 0x20)
        step = STEP_NOT_STRICT;
      else
        step = scan_utf8 (s);

      if (step != STEP_OK)
        return step;
    }
}

static Step
scan_digits (Scanner *s)
{
  if (at_end (s))
    return STEP_TRUNCATED;
  if (!is_digit (s->data[s->pos]))
    return STEP_NOT_STRICT;
  while (s->pos < s->length && is_digit (s->data[s->pos]))
    s->pos++;
  return STEP_OK;
}

static Step
scan_number (Scanner *s)
{
  Step step;

  if (s->data[s->pos] == '-')
    s->pos++;

  if (at_end (s))
    return STEP_TRUNCATED;
  if (s->data[s->pos] == '0')
    s->pos++;
  else if ((step = scan_digits (s)) != STEP_OK)
    return step;

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      s->pos++;
      if ((step = scan_digits (s)) != STEP_OK)
        return step;
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if ((step = scan_digits (s)) != STEP_OK)
        return step;
    }

  return STEP_OK;
}

static Step
scan_literal (Scanner    *s,
              const char *word)
{
  for (const char *w = word; *w != '\0'; w++, s->pos++)
    {
      if (at_end (s))
        return STEP_TRUNCATED;
      if (s->data[s->pos] != (guchar) *w)
        return STEP_NOT_STRICT;
    }

  return STEP_OK;
}

/* Whether a key written with escapes ("d\u0061ta") names "data": only
 * escapes of ASCII can spell it. */
static gboolean
escaped_key_is_data (const guchar *p,
                     const guchar *end)
{
  static const char data[] = "data";
  guint n = 0;

  while (p < end)
    {
      gunichar c = *p++;

      if (c == '\\')
        {
          if (*p != 'u')
            return FALSE;
          c = 0;
          for (guint i = 1; i <= 4; i++)
            c = (c << 4) | (guint) hex_value (p[i]);
          p += 5;
        }
      if (n == 4 || c != (guchar) data[n])
        return FALSE;
      n++;
    }

  return n == 4;
}

/**
 * aip_json_scan_full:
 * @data: (array length=length): the document
 * @length: its length in bytes
 * @scan: (out caller-allocates): the result; clear it with
 *   aip_json_scan_clear()
 * @items_changed: (nullable) (scope call): called on the scanning thread
 *   each time an item is added to @scan->items or all are dropped, so that
 *   other threads can start on them while the scan goes on; it may take
 *   the items out, so that they are not kept twice
 * @user_data: for @items_changed
 *
 * Checks in one pass that @data is strict JSON nested at most
 * %AIP_JSON_MAX_DEPTH deep, and finds the byte ranges of the items of the
 * list of assistants: the elements of a root array, or of the array in the
 * last "data" member of a root object (the last of duplicate members
 * counts, as json-glib keeps it). Allocates only the arrays of ranges.
 */
void
aip_json_scan_full (const char       *data,
                    gsize             length,
                    AipJsonScan      *scan,
                    AipJsonItemsFunc  items_changed,
                    gpointer          user_data)
{
  Scanner s = { (const guchar *) data, length, 0 };
  guchar stack[AIP_JSON_MAX_DEPTH];
  guint depth = 0;
  guint item_depth = 0;
  gsize item_start = 0;
  gsize key_start;
  gboolean key_is_data = FALSE;
  gboolean member_is_items = FALSE;
  gboolean has_data_array = FALSE;
  gboolean escaped;
  Step step;
  guchar c;

  g_return_if_fail (data != NULL || length == 0);
  g_return_if_fail (scan != NULL);

  memset (scan, 0, sizeof *scan);

  /* A byte order mark at the very start is ignored, as RFC 8259 (8.1)
   * lets a parser do; anywhere else outside a string it is not JSON. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    s.pos = 3;
  /* Assistants take a kilobyte or so; a caller following the items takes
   * them out as they come */
  scan->items = g_array_sized_new (FALSE, FALSE, sizeof (AipJsonSpan),
                                   items_changed != NULL ? 64 : length / 1024 + 1);

value:
  skip_space (&s);
  if (at_end (&s))
    {
      if (depth == 0 && scan->root == AIP_JSON_ROOT_NONE)
        goto done;
      step = STEP_TRUNCATED;
      goto fail;
    }

  c = s.data[s.pos];
  if (depth == 0)
    {
      if (c == '[')
        scan->root = AIP_JSON_ROOT_ARRAY;
      else if (c == '{')
        scan->root = AIP_JSON_ROOT_OBJECT;
      else
        scan->root = AIP_JSON_ROOT_SCALAR;
    }
  else if (depth == item_depth)
    item_start = s.pos;
  else if (depth == 1 && scan->root == AIP_JSON_ROOT_OBJECT)
    {
      member_is_items = key_is_data && c == '[';
      if (key_is_data && has_data_array)
        {
          /* A later "data" replaces the earlier one */
          g_array_set_size (scan->items, 0);
          has_data_array = FALSE;
          if (items_changed != NULL)
            items_changed (scan, TRUE, user_data);
        }
    }

  switch (c)
    {
    case '[':
    case '{':
      if (depth == AIP_JSON_MAX_DEPTH)
        {
          scan->status = AIP_JSON_SCAN_TOO_DEEP;
          goto stop;
        }
      stack[depth++] = c;
      s.pos++;
      if (c == '[' && ((depth == 1 && scan->root == AIP_JSON_ROOT_ARRAY) ||
                       (depth == 2 && member_is_items)))
        item_depth = depth;

      skip_space (&s);
      if (at_end (&s))
        {
          step = STEP_TRUNCATED;
          goto fail;
        }
      if (s.data[s.pos] == (c == '[' ? ']' : '}'))
        {
          s.pos++;
          goto close;
        }
      if (c == '[')
        goto value;
      goto key;

    case '"':
      escaped = FALSE;
      step = scan_string (&s, &escaped);
      break;

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      step = scan_number (&s);
      break;

    case 't':
      step = scan_literal (&s, "true");
      break;

    case 'f':
      step = scan_literal (&s, "false");
      break;

    case 'n':
      step = scan_literal (&s, "null");
      break;

    default:
      step = STEP_NOT_STRICT;
      break;
    }

  if (step != STEP_OK)
    goto fail;

after:
  /* A value just ended; depth is that of the container holding it */
  if (depth == 0)
    {
      skip_space (&s);
      if (!at_end (&s))
        {
          step = STEP_NOT_STRICT;
          goto fail;
        }
      goto done;
    }

  if (depth == item_depth)
    {
      AipJsonSpan span = { item_start, s.pos };

      g_array_append_val (scan->items, span);
      if (items_changed != NULL)
        items_changed (scan, FALSE, user_data);
    }
  else if (depth == 1 && scan->root == AIP_JSON_ROOT_OBJECT)
    {
      /* A later "data" that is not an array leaves none */
      has_data_array = member_is_items || (has_data_array && !key_is_data);
      member_is_items = FALSE;
    }

  skip_space (&s);
  if (at_end (&s))
    {
      step = STEP_TRUNCATED;
      goto fail;
    }

  c = s.data[s.pos];
  if (c == ',')
    {
      s.pos++;
      if (stack[depth - 1] == '[')
        goto value;
      goto key;
    }
  if (c == (stack[depth - 1] == '[' ? ']' : '}'))
    {
      s.pos++;
      goto close;
    }
  step = STEP_NOT_STRICT;
  goto fail;

close:
  if (depth == item_depth)
    item_depth = 0;
  depth--;
  goto after;

key:
  skip_space (&s);
  if (at_end (&s))
    {
      step = STEP_TRUNCATED;
      goto fail;
    }
  if (s.data[s.pos] != '"')
    {
      step = STEP_NOT_STRICT;
      goto fail;
    }

  escaped = FALSE;
  key_start = s.pos + 1;
  if ((step = scan_string (&s, &escaped)) != STEP_OK)
    goto fail;

  if (depth == 1)
    {
      if (escaped)
        key_is_data = escaped_key_is_data (s.data + key_start, s.data + s.pos - 1);
      else
        key_is_data = s.pos - 1 - key_start == 4 &&
                      memcmp (s.data + key_start, "data", 4) == 0;
    }

  skip_space (&s);
  if (at_end (&s))
    {
      step = STEP_TRUNCATED;
      goto fail;
    }
  if (s.data[s.pos] != ':')
    {
      step = STEP_NOT_STRICT;
      goto fail;
    }
  s.pos++;
  goto value;

done:
  scan->status = AIP_JSON_SCAN_OK;
  if (scan->root == AIP_JSON_ROOT_OBJECT && has_data_array)
    scan->root = AIP_JSON_ROOT_DATA_ARRAY;
  scan->offset = s.pos;
  return;

fail:
  /* Only a cut inside a container is a document that came short: a root
   * scalar cut short ("1.") is simply not JSON. */
  g_assert (step != STEP_OK);
  if (step == STEP_TRUNCATED && depth > 0)
    scan->status = AIP_JSON_SCAN_TRUNCATED;
  else
    scan->status = AIP_JSON_SCAN_NOT_STRICT;

stop:
  scan->offset = s.pos;
  g_array_set_size (scan->items, 0);
}

/**
 * aip_json_scan:
 * @data: (array length=length): the document
 * @length: its length in bytes
 * @scan: (out caller-allocates): the result; clear it with
 *   aip_json_scan_clear()
 *
 * aip_json_scan_full() without following the items as they come.
 */
void
aip_json_scan (const char  *data,
               gsize        length,
               AipJsonScan *scan)
{
  aip_json_scan_full (data, length, scan, NULL, NULL);
}

/**
 * aip_json_scan_clear:
 * @scan: a scan filled by aip_json_scan()
 *
 * Frees what @scan holds.
 */
void
aip_json_scan_clear (AipJsonScan *scan)
{
  g_return_if_fail (scan != NULL);

  g_clear_pointer (&scan->items, g_array_unref);
}
