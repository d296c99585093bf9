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
  gsize            offset;
  gsize            length;
  gint64           integer;
  AipJsonValueKind kind;
} Value;

/**
 * aip_json_strings_init:
 * @self: the values to set up
 * @members: (nullable) (array zero-terminated=1): names of members to take
 *   out of the objects that are items of a text, when their values are
 *   strings; at most %AIP_JSON_MAX_MEMBERS, kept by reference
 */
void
aip_json_strings_init (AipJsonStrings     *self,
                       const char * const *members)
{
  static const char * const none[] = { NULL };

  memset (self, 0, sizeof *self);
  self->text = g_string_new (NULL);
  self->values = g_array_new (FALSE, FALSE, sizeof (Value));
  self->items = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->members = members != NULL ? members : none;

  while (self->members[self->n_members] != NULL)
    {
      g_return_if_fail (self->n_members < AIP_JSON_MAX_MEMBERS);
      self->member_lengths[self->n_members] = strlen (self->members[self->n_members]);
      self->n_members++;
    }
}

void
aip_json_strings_clear (AipJsonStrings *self)
{
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
}

/* Forgets the values, keeping the memory for the next text */
void
aip_json_strings_reset (AipJsonStrings *self)
{
  g_string_truncate (self->text, 0);
  g_array_set_size (self->values, 0);
  g_array_set_size (self->items, 0);
}

static const char *
get_value (const AipJsonStrings *self,
           guint                 index,
           gsize                *length)
{
  const Value *value = &g_array_index (self->values, Value, index);

  if (length != NULL)
    *length = value->length;

  return self->text->str + value->offset;
}

/**
 * aip_json_strings_get_member_value:
 * @self: the values taken out of the text json-glib read
 * @item: the position of an item in the text
 * @member: the position of a name in the members @self was set up with
 * @text: (out) (optional): for a string, its text
 * @length: (out) (optional): for a string, its length
 * @integer: (out) (optional): for an integer, its value
 *
 * Returns: what the member held when it was taken out of the item;
 *   %AIP_JSON_VALUE_NONE when the item has it still, or not at all
 */
AipJsonValueKind
aip_json_strings_get_member_value (const AipJsonStrings  *self,
                                   guint                  item,
                                   guint                  member,
                                   const char           **text,
                                   gsize                 *length,
                                   gint64                *integer)
{
  const Value *value;
  gint32 index;

  g_return_val_if_fail (self != NULL, AIP_JSON_VALUE_NONE);
  g_return_val_if_fail (member < self->n_members, AIP_JSON_VALUE_NONE);

  if ((gsize) item * self->n_members >= self->items->len)
    return AIP_JSON_VALUE_NONE;

  index = g_array_index (self->items, gint32, item * self->n_members + member);
  if (index < 0)
    return AIP_JSON_VALUE_NONE;

  value = &g_array_index (self->values, Value, index);
  if (text != NULL)
    *text = value->kind == AIP_JSON_VALUE_STRING ? self->text->str + value->offset : NULL;
  if (length != NULL)
    *length = value->length;
  if (integer != NULL)
    *integer = value->integer;

  return value->kind;
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

  return get_value (self, index, length);

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
  Value value = { strings->text->len, end - start, 0, AIP_JSON_VALUE_STRING };

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

static guint
take_literal (AipJsonStrings   *strings,
              AipJsonValueKind  kind,
              gint64            integer)
{
  Value value = { 0, 0, integer, kind };

  g_array_append_val (strings->values, value);

  return strings->values->len - 1;
}

/* The end of a literal or of an integer json-glib reads exactly (no
 * fraction or exponent, at most 18 digits), or NULL for anything else */
static const char *
simple_value (const char       *p,
              const char       *end,
              AipJsonValueKind *kind,
              gint64           *integer)
{
  static const struct
  {
    const char       *text;
    gsize             length;
    AipJsonValueKind  kind;
  } literals[] = {
    { "true", 4, AIP_JSON_VALUE_TRUE },
    { "false", 5, AIP_JSON_VALUE_FALSE },
    { "null", 4, AIP_JSON_VALUE_NULL },
  };
  const char *digits;
  gboolean negative;
  gint64 value = 0;

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      if ((gsize) (end - p) >= literals[i].length && memcmp (p, literals[i].text, literals[i].length) == 0)
        {
          *kind = literals[i].kind;
          *integer = 0;
          return p + literals[i].length;
        }
    }

  negative = p < end && *p == '-';
  digits = negative ? p + 1 : p;
  for (p = digits; p < end && *p >= '0' && *p <= '9' && p - digits < 18; p++)
    value = value * 10 + (*p - '0');

  if (p == digits || (p < end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E')))
    return NULL;

  *kind = AIP_JSON_VALUE_INTEGER;
  *integer = negative ? -value : value;

  return p;
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

static gint
find_member (const AipJsonStrings *strings,
             const char           *name,
             gsize                 length)
{
  for (guint i = 0; i < strings->n_members; i++)
    if (strings->member_lengths[i] == length && memcmp (strings->members[i], name, length) == 0)
      return i;

  return -1;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && space_byte[(guchar) *p])
    p++;

  return p;
}

/* Takes the value at @value of an item's member when it is a string, a
 * literal or an integer json-glib reads exactly; returns where it ends, or
 * NULL for a value json-glib must read */
static const char *
take_member_value (AipJsonStrings *strings,
                   guint           item,
                   guint           member,
                   const char     *value,
                   const char     *end)
{
  gint32 *slot = &g_array_index (strings->items, gint32, item * strings->n_members + member);
  const char *value_end;
  AipJsonValueKind kind;
  gint64 integer;

  if (value < end && *value == '"')
    {
      gboolean escaped = FALSE;
      const char *close = string_end (value + 1, end, &escaped);

      *slot = take (strings, value + 1, close, escaped);
      return close < end ? close + 1 : end;
    }

  if ((value_end = simple_value (value, end, &kind, &integer)) == NULL)
    return NULL;

  *slot = take_literal (strings, kind, integer);

  return value_end;
}

/* Where the text is written to, always with room for the rest of the
 * input as it is */
typedef struct
{
  GString *out;
  char    *dest;
  char    *limit;
} Output;

static void
make_room (Output *output,
           gsize   needed)
{
  gsize used;

  if ((gsize) (output->limit - output->dest) >= needed)
    return;

  used = output->dest - output->out->str;
  g_string_set_size (output->out, used + needed);
  output->dest = output->out->str + used;
  output->limit = output->out->str + output->out->len;
}

/* Where the walk was when an item object started, to walk it again */
typedef struct
{
  const char *input;
  gsize       output;
  guint       n_values;
  gsize       text_length;
} Mark;

/**
 * aip_json_append_reduced:
 * @out: where to append
 * @start: the start of strict JSON text, as aip_json_scan() accepted it: a
 *   sequence of values separated by commas, the items
 * @end: its end
 * @strings: where the values taken out go
 *
 * Appends the text without the spaces between tokens, which json-glib's
 * scanner takes a whole token's work for, and with long string values
 * replaced by references into @strings. Members of items that are objects
 * whose names @strings was set up with leave the text altogether when
 * their values are strings, unless the object has such a name twice or a
 * name with an escape (which json-glib might read as one of them): then
 * that object keeps all its members. Other member names stay.
 *
 * What json-glib reads from the result, with each string passed through
 * aip_json_strings_resolve() and the members taken added back from
 * aip_json_strings_get_member(), is what it reads from the text.
 */
void
aip_json_append_reduced (GString        *out,
                         const char     *start,
                         const char     *end,
                         AipJsonStrings *strings)
{
  Output output;
  const char *p = start;
  guint depth = 0;
  gboolean expect_item = TRUE;
  /* Whether the current item is an object, and members may leave it */
  gboolean object_item = FALSE;
  gboolean taking = FALSE;
  /* Set to walk an object again after a name that stops the taking */
  gboolean keep_all = FALSE;
  /* The members of strings->members seen in the current object */
  guint32 seen = 0;
  guint n_kept = 0;
  guint item = 0;
  Mark mark = { 0 };

  g_return_if_fail (out != NULL);
  g_return_if_fail (start <= end);
  g_return_if_fail (strings != NULL);

  output.out = out;
  g_string_set_size (out, out->len + (end - start));
  output.dest = out->str + out->len - (end - start);
  output.limit = out->str + out->len;

  while (p < end)
    {
      const char *content, *close, *after;
      gboolean escaped = FALSE;
      char c = *p++;

      if (space_byte[(guchar) c])
        continue;

      if (depth == 0 && expect_item && c != ',')
        {
          expect_item = FALSE;
          item = strings->items->len / MAX (strings->n_members, 1);
          for (guint i = 0; i < strings->n_members; i++)
            {
              gint32 none = -1;

              g_array_append_val (strings->items, none);
            }

          object_item = c == '{';
          taking = object_item && !keep_all && strings->n_members > 0;
          keep_all = FALSE;
          seen = 0;
          n_kept = 0;
          mark.input = p - 1;
          mark.output = output.dest - out->str;
          mark.n_values = strings->values->len;
          mark.text_length = strings->text->len;
        }

      switch (c)
        {
        case '{':
        case '[':
          depth++;
          *output.dest++ = c;
          continue;

        case '}':
        case ']':
          depth--;
          *output.dest++ = c;
          continue;

        case ',':
          if (depth == 0)
            expect_item = TRUE;
          /* Between the members of an item object, a comma goes before
           * each member that stays instead */
          else if (depth == 1 && object_item)
            continue;
          *output.dest++ = c;
          continue;

        case '"':
          break;

        default:
          *output.dest++ = c;
          continue;
        }

      content = p;
      close = string_end (content, end, &escaped);
      p = close < end ? close + 1 : end;
      after = skip_spaces (p, end);

      if (after < end && *after == ':')
        {
          if (depth == 1 && object_item)
            {
              gint member = taking && !escaped ? find_member (strings, content, close - content) : -1;
              const char *value_end;

              /* A name json-glib might read as one taken, or one taken
               * already: walk the object again, taking nothing */
              if (taking && (escaped || (member >= 0 && (seen & (1u << member)) != 0)))
                {
                  output.dest = out->str + mark.output;
                  g_array_set_size (strings->values, mark.n_values);
                  g_string_truncate (strings->text, mark.text_length);
                  g_array_set_size (strings->items, item * strings->n_members);
                  p = mark.input;
                  depth = 0;
                  expect_item = TRUE;
                  keep_all = TRUE;
                  continue;
                }

              if (member >= 0)
                {
                  seen |= 1u << member;
                  value_end = take_member_value (strings, item, member, skip_spaces (after + 1, end), end);
                  if (value_end != NULL)
                    {
                      p = value_end;
                      continue;
                    }
                }

              if (n_kept++ > 0)
                *output.dest++ = ',';
            }

          /* A member name stays as it is */
          *output.dest++ = '"';
          memcpy (output.dest, content, p - content);
          output.dest += p - content;
          continue;
        }

      if (close - content < MIN_TAKEN_LENGTH && !starts_with_mark (content, close))
        {
          /* A value cheaper left in */
          *output.dest++ = '"';
          memcpy (output.dest, content, p - content);
          output.dest += p - content;
          continue;
        }

      /* Only a short value taken for its mark makes the text longer */
      make_room (&output, (end - p) + MAX_REFERENCE_LENGTH);
      output.dest = write_reference (output.dest, take (strings, content, close, escaped));
    }

  g_string_truncate (out, output.dest - out->str);
}
