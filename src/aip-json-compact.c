/* aip-json-compact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <string.h>

#include "aip-json-bytes.h"
#include "aip-json-compact.h"

/* What json-glib 1.6 and 1.10 read differently in strict JSON, and what
 * the text they get says instead, so that every version reads the same
 * values (HACKING.md, "How a response becomes assistants"):
 *
 * - \u0000 cuts a string short in both (json-glib keeps C strings), so a
 *   name could hide what follows it: it becomes U+FFFD.
 * - A surrogate escape without its other half: 1.6 reads past the closing
 *   quote, 1.10 refuses the document. It becomes U+FFFD.
 * - An integer beyond 64 bits: 1.6 wraps it around, 1.10 clamps it. It
 *   gets a fraction (".0"), so both read the nearest double.
 *
 * Nothing is decoded here but the names of members (to find the ones an
 * assistant has): json-glib reads every string and number. */

#define REPLACEMENT "\\ufffd"

static gboolean
read_unit (const char *p,
           const char *end,
           gunichar   *unit)
{
  gunichar value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return FALSE;

  for (guint i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      value = (value << 4) | (guint) h;
    }

  *unit = value;
  return TRUE;
}

/* Copies the escape at p, a backslash, and returns what follows it */
static const char *
copy_escape (GString    *out,
             const char *p,
             const char *end)
{
  gunichar unit, low;

  if (!read_unit (p, end, &unit))
    {
      /* \" \\ \/ \b \f \n \r \t: the scan let no other through */
      g_string_append_len (out, p, 2);
      return p + 2;
    }

  if (unit == 0)
    {
      g_string_append (out, REPLACEMENT);
      return p + 6;
    }

  if (unit >= 0xd800 && unit <= 0xdbff &&
      read_unit (p + 6, end, &low) && low >= 0xdc00 && low <= 0xdfff)
    {
      g_string_append_len (out, p, 12);
      return p + 12;
    }

  if (unit >= 0xd800 && unit <= 0xdfff)
    g_string_append (out, REPLACEMENT);
  else
    g_string_append_len (out, p, 6);

  return p + 6;
}

/* The first quote or backslash at or after p, or end: eight bytes at a
 * time through the long runs of prompts */
static const char *
next_quote_or_backslash (const char *p,
                         const char *end)
{
  while (end - p >= 8)
    {
      guint64 mask = quotes_and_backslashes (load_word (p));

      if (mask != 0)
        return p + first_byte (mask);
      p += 8;
    }
  while (p < end && *p != '"' && *p != '\\')
    p++;

  return p;
}

/* Copies the string whose opening quote is at p; returns what follows it */
static const char *
copy_string (GString    *out,
             const char *p,
             const char *end)
{
  const char *run = p;

  p++;
  for (;;)
    {
      p = next_quote_or_backslash (p, end);
      g_string_append_len (out, run, p - run);
      if (p >= end)
        return end;
      if (*p == '"')
        {
          g_string_append_c (out, '"');
          return p + 1;
        }

      p = copy_escape (out, p, end);
      run = p;
    }
}

/* Whether the digits of an integer, without sign, name a value beyond
 * gint64: strict JSON has no leading zeros, so the count decides, and the
 * text beside the limit for as many digits. */
static gboolean
beyond_64_bits (const char *digits,
                gsize       n,
                gboolean    negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (n != 19)
    return n > 19;

  return memcmp (digits, limit, 19) > 0;
}

/* Copies the number at p; returns what follows it */
static const char *
copy_number (GString    *out,
             const char *p,
             const char *end)
{
  const char *start = p;
  const char *digits;
  gboolean negative = FALSE;
  gboolean integer = TRUE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;

  if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      while (p < end && *p != '\0' && (g_ascii_isdigit (*p) || strchr (".eE+-", *p) != NULL))
        p++;
    }

  g_string_append_len (out, start, p - start);
  if (integer && beyond_64_bits (digits, p - digits, negative))
    g_string_append (out, ".0");

  return p;
}

/**
 * aip_json_compact_append:
 * @out: where to append
 * @start: strict JSON text, as aip_json_scan() accepts it
 * @end: its end
 *
 * Appends the text without white space outside strings, with what json-glib
 * versions read differently (see above) written so that all read the same.
 */
void
aip_json_compact_append (GString    *out,
                         const char *start,
                         const char *end)
{
  const char *p = start;

  g_return_if_fail (out != NULL);
  g_return_if_fail (start != NULL && end >= start);

  while (p < end)
    {
      const char *run = p;

      /* Brackets, commas, colons and literals go as they are */
      while (p < end && *p != '"' && *p != '-' && !g_ascii_isdigit (*p) &&
             !space_byte[(guchar) *p])
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;

      if (*p == '"')
        p = copy_string (out, p, end);
      else if (space_byte[(guchar) *p])
        p++;
      else
        p = copy_number (out, p, end);
    }
}

/* Returns what follows the string whose opening quote is at p */
static const char *
skip_string (const char *p,
             const char *end)
{
  p = next_quote_or_backslash (p + 1, end);
  /* Past a backslash and the character it escapes: \u's four digits are
   * never quotes nor backslashes */
  while (p < end && *p != '"')
    p = next_quote_or_backslash (p + 2, end);

  return p < end ? p + 1 : end;
}

/* Returns what follows the value at p, in strict JSON */
static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  if (*p == '"')
    return skip_string (p, end);

  if (*p != '{' && *p != '[')
    {
      while (p < end && *p != ',' && *p != ']' && *p != '}' && !space_byte[(guchar) *p])
        p++;
      return p;
    }

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          continue;

        case '{':
        case '[':
          depth++;
          break;

        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;

        default:
          break;
        }
      p++;
    }

  return end;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && space_byte[(guchar) *p])
    p++;
  return p;
}

/* Which of @members the key between the quotes at p and q names, or -1.
 * Escapes spell the same names ("n\u0061me"); member names are ASCII. */
static int
find_member (const char         *p,
             const char         *q,
             const char * const *members,
             guint               n_members)
{
  char name[32];
  gsize n = 0;

  while (p < q)
    {
      gunichar c = (guchar) *p++;

      if (c == '\\')
        {
          if (*p != 'u' || !read_unit (p - 1, q, &c))
            return -1;
          p += 5;
        }
      if (c == 0 || c >= 0x80 || n + 1 >= sizeof name)
        return -1;
      name[n++] = (char) c;
    }
  name[n] = '\0';

  for (guint i = 0; i < n_members; i++)
    if (strcmp (members[i], name) == 0)
      return i;

  return -1;
}

/* Appends the object at p as the array of the values of @members, null
 * where it has none, the last of repeated ones; returns what follows it. */
static const char *
append_values (GString            *out,
               const char         *p,
               const char         *end,
               const char * const *members,
               guint               n_members,
               const char        **starts,
               const char        **ends)
{
  memset (starts, 0, n_members * sizeof *starts);

  p = skip_space (p + 1, end);
  while (p < end && *p == '"')
    {
      const char *key = p + 1;
      const char *value;
      int member;

      p = skip_string (p, end);
      member = find_member (key, p - 1, members, n_members);
      p = skip_space (p, end);
      p = skip_space (p + 1, end);  /* the colon */
      value = p;
      p = skip_value (p, end);
      if (member >= 0)
        {
          starts[member] = value;
          ends[member] = p;
        }
      p = skip_space (p, end);
      if (p < end && *p == ',')
        p = skip_space (p + 1, end);
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n_members; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (starts[i] != NULL)
        aip_json_compact_append (out, starts[i], ends[i]);
      else
        g_string_append (out, "null");
    }
  g_string_append_c (out, ']');

  /* Past the closing brace */
  return p + 1;
}

/**
 * aip_json_compact_items:
 * @out: where to append
 * @start: items of a list, strict JSON values separated by commas, as
 *   aip_json_scan() found them
 * @end: their end
 * @members: the names of the members to keep, in the order to keep them
 * @n_members: how many, at most 32
 *
 * Appends the items separated by commas, each object as the array of the
 * values of @members in that order (null where it has none; of repeated
 * members the last, as json-glib keeps), anything else as null; values as
 * aip_json_compact_append() writes them. Members not asked for are left
 * out. json-glib builds a node, a copy of the name and a hash table entry
 * for each member of an object, and only a node for an element: for
 * 100,000 assistants it reads the arrays in 1.1 s where it read the
 * objects in 1.8 s (json-glib 1.6; 1.10 alike).
 */
void
aip_json_compact_items (GString            *out,
                        const char         *start,
                        const char         *end,
                        const char * const *members,
                        guint               n_members)
{
  const char *starts[32];
  const char *ends[32];
  const char *p = start;
  gboolean first = TRUE;

  g_return_if_fail (out != NULL);
  g_return_if_fail (start != NULL && end >= start);
  g_return_if_fail (n_members <= G_N_ELEMENTS (starts));

  for (p = skip_space (p, end); p < end; p = skip_space (p, end))
    {
      if (*p == ',')
        {
          p++;
          continue;
        }

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;

      if (*p == '{')
        p = append_values (out, p, end, members, n_members, starts, ends);
      else
        {
          p = skip_value (p, end);
          g_string_append (out, "null");
        }
    }
}
