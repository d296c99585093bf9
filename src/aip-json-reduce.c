/* aip-json-reduce.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <string.h>

#include "aip-json-bytes.h"
#include "aip-json-reduce.h"

/* json-glib's scanner spends a function call and a GString append on each
 * byte of a string; prompts are most of an assistant's bytes. Values this
 * long (between the quotes) leave the text for a reference that json-glib
 * reads as a short string; they are decoded here with a memcpy when they
 * hold no escape. Shorter ones cost json-glib less than a lookup. */
#define MIN_TAKEN_LENGTH 16

/* What a reference starts with, followed by its index in decimal. Every
 * value that would start with it itself is taken too, so a string that
 * starts with it after parsing is always a reference. */
#define REFERENCE_MARK '\x7f'

/* The longest reference with its quotes: mark, ten digits */
#define MAX_REFERENCE_LENGTH (2 + 1 + 10)

typedef struct
{
  gsize offset;
  gsize length;
} Value;

void
aip_json_strings_init (AipJsonStrings *self)
{
  self->text = g_string_new (NULL);
  self->values = g_array_new (FALSE, FALSE, sizeof (Value));
}

void
aip_json_strings_clear (AipJsonStrings *self)
{
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->values, g_array_unref);
}

/* Forgets the values, keeping the memory for the next text */
void
aip_json_strings_reset (AipJsonStrings *self)
{
  g_string_truncate (self->text, 0);
  g_array_set_size (self->values, 0);
}

/**
 * aip_json_strings_resolve:
 * @self: (nullable): the values taken out of the text json-glib read
 * @text: a string json-glib read from it
 * @length: (out) (optional): the length of what is returned
 *
 * Returns: the value @text stands for, or @text itself when it is not a
 *   reference (or @self is %NULL)
 */
const char *
aip_json_strings_resolve (const AipJsonStrings *self,
                          const char           *text,
                          gsize                *length)
{
  const Value *value;
  guint64 index = 0;
  const char *p;

  if (self == NULL || text == NULL || text[0] != REFERENCE_MARK)
    goto itself;

  for (p = text + 1; *p >= '0' && *p <= '9' && p - text <= 10; p++)
    index = index * 10 + (guint64) (*p - '0');

  /* Only ever made by aip_json_append_reduced() for this text */
  if (p == text + 1 || *p != '\0' || index >= self->values->len)
    {
      g_critical ("“%s” is not a reference to a taken string", text + 1);
      goto itself;
    }

  value = &g_array_index (self->values, Value, index);
  if (length != NULL)
    *length = value->length;

  return self->text->str + value->offset;

itself:
  if (length != NULL && text != NULL)
    *length = strlen (text);

  return text;
}

/* The closing quote of the string whose content starts at p */
static const char *
string_end (const char *p,
            const char *end,
            gboolean   *escaped)
{
  for (;;)
    {
      while (end - p >= 8)
        {
          guint64 mask = quotes_and_backslashes (load_word (p));

          if (mask != 0)
            {
              p += first_byte (mask);
              break;
            }
          p += 8;
        }
      while (p < end && *p != '"' && *p != '\\')
        p++;

      if (p >= end || *p == '"')
        return p;

      *escaped = TRUE;
      p += 2;
    }
}

static gunichar
read_hex4 (const char *p)
{
  gunichar c = 0;

  for (guint i = 0; i < 4; i++)
    c = (c << 4) | (gunichar) hex_value (p[i]);

  return c;
}

/* Decodes strict JSON string content as json-glib 1.6 does; a "\u0000"
 * ends the text there, as json-glib's copy of it ends. */
static gsize
decode (char       *dest,
        const char *p,
        const char *end)
{
  char *start = dest;
  gboolean ended = FALSE;
  gsize length = 0;

  while (p < end)
    {
      const char *run = p;
      gunichar c;

      while (p < end && *p != '\\')
        p++;
      memcpy (dest, run, p - run);
      dest += p - run;
      if (p == end)
        break;

      switch (p[1])
        {
        case 'b': *dest++ = '\b'; p += 2; continue;
        case 'f': *dest++ = '\f'; p += 2; continue;
        case 'n': *dest++ = '\n'; p += 2; continue;
        case 'r': *dest++ = '\r'; p += 2; continue;
        case 't': *dest++ = '\t'; p += 2; continue;
        case 'u': break;
        default: *dest++ = p[1]; p += 2; continue;
        }

      c = read_hex4 (p + 2);
      p += 6;
      /* The scan let through only complete surrogate pairs */
      if (c >= 0xd800 && c <= 0xdbff)
        {
          c = 0x10000 + ((c - 0xd800) << 10) + (read_hex4 (p + 2) - 0xdc00);
          p += 6;
        }
      if (c == 0 && !ended)
        {
          ended = TRUE;
          length = dest - start;
        }
      dest += g_unichar_to_utf8 (c, dest);
    }

  if (!ended)
    length = dest - start;

  return length;
}

/* Takes the content of one string out, decoded, and returns its index */
static guint
take (AipJsonStrings *strings,
      const char     *start,
      const char     *end,
      gboolean        escaped)
{
  Value value = { strings->text->len, end - start };

  /* Decoding never makes the text longer */
  g_string_set_size (strings->text, value.offset + (end - start) + 1);
  if (escaped)
    value.length = decode (strings->text->str + value.offset, start, end);
  else
    memcpy (strings->text->str + value.offset, start, end - start);
  strings->text->str[value.offset + value.length] = '\0';
  g_string_truncate (strings->text, value.offset + value.length + 1);

  g_array_append_val (strings->values, value);

  return strings->values->len - 1;
}

/* Whether json-glib would read the string as starting with the mark */
static gboolean
starts_with_mark (const char *start,
                  const char *end)
{
  if (start < end && *start == REFERENCE_MARK)
    return TRUE;

  return end - start >= 6 && memcmp (start, "\\u007", 5) == 0 &&
         (start[5] == 'f' || start[5] == 'F');
}

static char *
write_reference (char  *dest,
                 guint  index)
{
  char digits[10];
  guint n = 0;

  do
    {
      digits[n++] = '0' + index % 10;
      index /= 10;
    }
  while (index > 0);

  *dest++ = '"';
  *dest++ = REFERENCE_MARK;
  while (n > 0)
    *dest++ = digits[--n];
  *dest++ = '"';

  return dest;
}

/**
 * aip_json_append_reduced:
 * @out: where to append
 * @start: the start of strict JSON text, as aip_json_scan() accepted it
 * @end: its end
 * @strings: where the values taken out go
 *
 * Appends the text without the spaces between tokens, which json-glib's
 * scanner takes a whole token's work for, and with long string values
 * replaced by references into @strings. Member names stay. What json-glib
 * reads from the result, with each string passed through
 * aip_json_strings_resolve(), is what it reads from the text.
 */
void
aip_json_append_reduced (GString        *out,
                         const char     *start,
                         const char     *end,
                         AipJsonStrings *strings)
{
  const char *p = start;
  gsize base;
  char *dest;
  char *limit;

  g_return_if_fail (out != NULL);
  g_return_if_fail (start <= end);
  g_return_if_fail (strings != NULL);

  base = out->len;
  g_string_set_size (out, base + (end - start));
  dest = out->str + base;
  limit = out->str + out->len;

  while (p < end)
    {
      const char *content, *close, *after;
      gboolean escaped = FALSE;
      char c = *p++;

      if (space_byte[(guchar) c])
        continue;
      if (c != '"')
        {
          *dest++ = c;
          continue;
        }

      content = p;
      close = string_end (content, end, &escaped);
      p = close < end ? close + 1 : end;

      after = p;
      while (after < end && space_byte[(guchar) *after])
        after++;

      if ((after < end && *after == ':') ||
          (close - content < MIN_TAKEN_LENGTH && !starts_with_mark (content, close)))
        {
          /* A member name, or a value cheaper left in */
          *dest++ = '"';
          memcpy (dest, content, p - content);
          dest += p - content;
          continue;
        }

      /* The rest of the text must still fit after the reference: only a
       * short value taken for its mark makes the text longer */
      if ((gsize) (limit - dest) < (gsize) (end - p) + MAX_REFERENCE_LENGTH)
        {
          gsize used = dest - out->str;

          g_string_set_size (out, used + (end - p) + MAX_REFERENCE_LENGTH);
          dest = out->str + used;
          limit = out->str + out->len;
        }
      dest = write_reference (dest, take (strings, content, close, escaped));
    }

  g_string_truncate (out, dest - out->str);
}
