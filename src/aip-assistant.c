/* aip-assistant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-assistant.h"
#include "aip-json-write.h"

/* Separates the fields of the search text; aip_fold_text() turns every
 * control character into a space, so a folded query never contains it and
 * never matches across two fields. */
#define SEARCH_SEPARATOR '\x1f'

struct _AipAssistant
{
  GObject     parent_instance;

  gint64      id;
  gint64      user_id;
  gint64      voice_id;
  gint64      language_id;

  /* GRefStrings, shared between the assistants of one response */
  char       *kind;
  char       *mode;
  char       *status;
  char       *timezone;

  /* All point into block, one allocation per assistant */
  char       *name;
  char       *initial_message;
  char       *system_prompt;
  char       *webhook_url;
  char       *variables_json;
  char      **variables;
  char       *search_text;
  char       *name_key;
  gpointer    block;

  GDateTime  *created_at;
  GDateTime  *updated_at;

  guint       n_variables;
  gboolean    webhook_active;
};

G_DEFINE_FINAL_TYPE (AipAssistant, aip_assistant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_NAME,
  PROP_TYPE,
  PROP_MODE,
  PROP_STATUS,
  PROP_VOICE_ID,
  PROP_LANGUAGE_ID,
  PROP_TIMEZONE,
  PROP_INITIAL_MESSAGE,
  PROP_SYSTEM_PROMPT,
  PROP_VARIABLES_JSON,
  PROP_WEBHOOK_URL,
  PROP_IS_WEBHOOK_ACTIVE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef enum
{
  FIELD_ID,
  FIELD_USER_ID,
  FIELD_NAME,
  FIELD_TYPE,
  FIELD_MODE,
  FIELD_STATUS,
  FIELD_VOICE_ID,
  FIELD_LANGUAGE_ID,
  FIELD_TIMEZONE,
  FIELD_INITIAL_MESSAGE,
  FIELD_SYSTEM_PROMPT,
  FIELD_VARIABLES,
  FIELD_WEBHOOK_URL,
  FIELD_IS_WEBHOOK_ACTIVE,
  FIELD_CREATED_AT,
  FIELD_UPDATED_AT,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "id", "user_id", "name", "type", "mode", "status", "voice_id", "language_id",
  "timezone", "initial_message", "system_prompt", "variables", "webhook_url",
  "is_webhook_active", "created_at", "updated_at",
};

/* The fields of a single value, which aip_json_append_reduced() may take
 * out of the items: in the order of aip_assistant_get_value_members().
 * Only the variables stay for json-glib. */
static const Field value_fields[] = {
  FIELD_ID, FIELD_USER_ID, FIELD_NAME, FIELD_TYPE, FIELD_MODE, FIELD_STATUS,
  FIELD_VOICE_ID, FIELD_LANGUAGE_ID, FIELD_TIMEZONE, FIELD_INITIAL_MESSAGE,
  FIELD_SYSTEM_PROMPT, FIELD_WEBHOOK_URL, FIELD_IS_WEBHOOK_ACTIVE,
  FIELD_CREATED_AT, FIELD_UPDATED_AT,
};

/* A piece of text on its way into the assistant's block */
typedef struct
{
  const char *text;
  gsize       length;
  gboolean    ascii;
} Piece;

typedef struct
{
  JsonNode             *nodes[N_FIELDS];
  /* What the strings json-glib read may stand for, and the members taken
   * out of this item, which is the item-th of its text */
  const AipJsonStrings *taken;
  guint                 item;
  /* Texts made for this assistant only: repaired strings, values as text */
  GPtrArray            *scratch;
} Reader;

/* One walk over the members instead of a hash lookup per field: this runs
 * for every item of lists of 100,000. */
static void
reader_init (Reader               *reader,
             JsonObject           *object,
             const AipJsonStrings *taken,
             guint                 item)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  memset (reader, 0, sizeof *reader);
  reader->taken = taken;
  reader->item = item;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      for (guint f = 0; f < N_FIELDS; f++)
        {
          if (field_names[f][0] == name[0] && strcmp (field_names[f], name) == 0)
            {
              reader->nodes[f] = node;
              break;
            }
        }
    }
}

static const char *
keep_scratch (Reader *reader,
              char   *text)
{
  if (reader->scratch == NULL)
    reader->scratch = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (reader->scratch, text);
  return text;
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The length, and whether the text is plain ASCII, which needs neither
 * validation nor Unicode folding. Prompts run to kilobytes: eight bytes at
 * a time. */
static gboolean
is_ascii (const char *text,
          gsize       n)
{
  guint64 high = 0;
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 v;

      memcpy (&v, text + i, sizeof v);
      high |= v;
    }
  for (; i < n; i++)
    high |= (guchar) text[i];

  return (high & HIGHS) == 0;
}

/* json-glib 1.6 turns a lone surrogate escape into bytes that are not
 * UTF-8; GTK must never see those. */
static Piece
piece_from_text_len (Reader     *reader,
                     const char *text,
                     gsize       length)
{
  Piece piece = { text, length, TRUE };

  if (text == NULL)
    return piece;

  piece.ascii = is_ascii (text, piece.length);
  if (!piece.ascii && !g_utf8_validate_len (text, piece.length, NULL))
    {
      piece.text = keep_scratch (reader, g_utf8_make_valid (text, piece.length));
      piece.length = strlen (piece.text);
    }

  return piece;
}

static Piece
piece_from_text (Reader     *reader,
                 const char *text)
{
  return piece_from_text_len (reader, text, text != NULL ? strlen (text) : 0);
}

/* The text of a string node, as the document had it */
static const char *
node_string (const AipJsonStrings *taken,
             JsonNode             *node,
             gsize                *length)
{
  if (node == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return aip_json_strings_resolve (taken, json_node_get_string (node), length);
}

static Piece
node_piece (Reader   *reader,
            JsonNode *node)
{
  gsize length = 0;
  const char *text = node_string (reader->taken, node, &length);

  return piece_from_text_len (reader, text, length);
}

/* What the field held when it was taken out of the item, if it was */
static AipJsonValueKind
taken_value (Reader      *reader,
             Field        field,
             const char **text,
             gsize       *length,
             gint64      *integer)
{
  if (reader->taken == NULL)
    return AIP_JSON_VALUE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (value_fields); i++)
    if (value_fields[i] == field)
      return aip_json_strings_get_member_value (reader->taken, reader->item, i, text, length, integer);

  return AIP_JSON_VALUE_NONE;
}

static Piece
read_string (Reader *reader,
             Field   field)
{
  const char *text = NULL;
  gsize length = 0;

  switch (taken_value (reader, field, &text, &length, NULL))
    {
    case AIP_JSON_VALUE_NONE:
      return node_piece (reader, reader->nodes[field]);

    case AIP_JSON_VALUE_STRING:
      return piece_from_text_len (reader, text, length);

    /* Not a string: absent, as a node of another type is */
    case AIP_JSON_VALUE_INTEGER:
    case AIP_JSON_VALUE_TRUE:
    case AIP_JSON_VALUE_FALSE:
    case AIP_JSON_VALUE_NULL:
    default:
      return piece_from_text_len (reader, NULL, 0);
    }
}

static gboolean
id_from_text (const char *text,
              gint64     *value)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, value, NULL);
}

/* Ids are non-negative: json-glib 1.6 wraps integers beyond 64 bits into
 * negative values, and -1 means "none" for the other ids. */
static gboolean
read_id (Reader *reader,
         Field   field,
         gint64 *id)
{
  JsonNode *node = reader->nodes[field];
  const char *text = NULL;
  gint64 value = 0;

  switch (taken_value (reader, field, &text, NULL, &value))
    {
    case AIP_JSON_VALUE_INTEGER:
      break;

    case AIP_JSON_VALUE_STRING:
      if (!id_from_text (text, &value))
        return FALSE;
      break;

    case AIP_JSON_VALUE_NONE:
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
        return FALSE;

      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          value = json_node_get_int (node);
          break;

        case G_TYPE_STRING:
          if (!id_from_text (node_string (reader->taken, node, NULL), &value))
            return FALSE;
          break;

        default:
          return FALSE;
        }
      break;

    case AIP_JSON_VALUE_TRUE:
    case AIP_JSON_VALUE_FALSE:
    case AIP_JSON_VALUE_NULL:
    default:
      return FALSE;
    }

  if (value < 0)
    return FALSE;

  *id = value;
  return TRUE;
}

static gint64
read_optional_id (Reader *reader,
                  Field   field)
{
  gint64 id;

  if (!read_id (reader, field, &id))
    return AIP_ASSISTANT_NO_ID;
  return id;
}

static gboolean
read_boolean (Reader *reader,
              Field   field)
{
  JsonNode *node = reader->nodes[field];
  AipJsonValueKind taken = taken_value (reader, field, NULL, NULL, NULL);

  if (taken != AIP_JSON_VALUE_NONE)
    return taken == AIP_JSON_VALUE_TRUE;

  if (node == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  return json_node_get_boolean (node);
}

static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/* The API's own form, "2025-07-15T14:32:15.000000Z", read without the
 * general ISO 8601 parser: two dates for each of 100,000 items. The result
 * is the one g_date_time_new_from_iso8601() gives, which computes the
 * seconds the same way. */
static GDateTime *
read_api_date (const char *text,
               gsize       length,
               GTimeZone  *utc)
{
  int year, month, day, hour, minute, second, micro;

  if (length != 27 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != '.' || text[26] != 'Z' ||
      !read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day) || !read_digits (text + 11, 2, &hour) ||
      !read_digits (text + 14, 2, &minute) || !read_digits (text + 17, 2, &second) ||
      !read_digits (text + 20, 6, &micro) || second > 59)
    return NULL;

  return g_date_time_new (utc, year, month, day, hour, minute,
                          (gdouble) (second * G_USEC_PER_SEC + micro) / G_USEC_PER_SEC);
}

static GDateTime *
read_date (Reader    *reader,
           Field      field,
           GTimeZone *utc)
{
  g_autoptr(GDateTime) parsed = NULL;
  Piece piece = read_string (reader, field);
  GDateTime *date;

  if (piece.text == NULL)
    return NULL;

  date = read_api_date (piece.text, piece.length, utc);
  if (date != NULL)
    return date;

  parsed = g_date_time_new_from_iso8601 (piece.text, utc);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_timezone (parsed, utc);
}

static char *
share_string (GHashTable *strings,
              const char *text)
{
  char *shared;

  if (text == NULL)
    return NULL;
  if (strings == NULL)
    return g_ref_string_new (text);

  shared = g_hash_table_lookup (strings, text);
  if (shared == NULL)
    {
      shared = g_ref_string_new (text);
      g_hash_table_add (strings, shared);
    }

  return g_ref_string_acquire (shared);
}

/* Strings are themselves, null is empty, anything else its JSON text. */
static Piece
variable_value (Reader   *reader,
                JsonNode *node)
{
  GString *json;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return node_piece (reader, node);
  if (JSON_NODE_HOLDS_NULL (node))
    return piece_from_text (reader, "");

  json = g_string_new (NULL);
  aip_json_append_node (json, node, -1, reader->taken);
  return piece_from_text (reader, keep_scratch (reader, g_string_free (json, FALSE)));
}

static inline char
fold_ascii (guchar c)
{
  if (c >= 'A' && c <= 'Z')
    return c + ('a' - 'A');
  if (c < 0x20 || c == 0x7f)
    return ' ';
  return c;
}

/* fold_ascii() eight bytes at a time: upper case letters get the 0x20 bit;
 * words with a control character go byte by byte. */
static void
fold_ascii_run (char       *dest,
                const char *text,
                gsize       length)
{
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 v, at_least_a, above_z, below_space, del;

      memcpy (&v, text + i, sizeof v);
      at_least_a = v + ONES * (0x80 - 'A');
      above_z = v + ONES * (0x7f - 'Z');
      below_space = ~(v + ONES * (0x80 - 0x20));
      del = v + ONES;

      if (((below_space | del) & HIGHS) != 0)
        {
          for (gsize j = i; j < i + 8; j++)
            dest[j] = fold_ascii (text[j]);
          continue;
        }

      v |= ((at_least_a & ~above_z) & HIGHS) >> 2;
      memcpy (dest + i, &v, sizeof v);
    }

  for (; i < length; i++)
    dest[i] = fold_ascii (text[i]);
}

/* One character folded as aip_fold_text() documents. NFKD first, so that
 * compatibility forms ("ﬁ", "™", full-width letters) are plain letters
 * before case folding; then the combining marks it split off are dropped,
 * so "cafe" finds "Café". The query goes through this same folding, so
 * dropping marks only widens matches. Both steps work character by
 * character (but for the order of marks, which are dropped), so folding
 * text a character at a time gives what folding it whole would. */
static void
fold_char (GString  *out,
           gunichar  c)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  char utf8[6];

  normalized = g_utf8_normalize (utf8, g_unichar_to_utf8 (c, utf8), G_NORMALIZE_NFKD);
  if (normalized == NULL)
    return;
  folded = g_utf8_casefold (normalized, -1);

  for (const char *p = folded; *p != '\0'; )
    {
      const char *next = g_utf8_next_char (p);
      gunichar d = g_utf8_get_char (p);

      if (d < 0x20 || d == 0x7f)
        g_string_append_c (out, ' ');
      else if (g_unichar_type (d) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_len (out, p, next - p);
      p = next;
    }
}

/* fold_char() of U+0080 to U+07FF (Latin, Greek, Cyrillic, Armenian,
 * Hebrew, Arabic...), worked out once: the general way costs thousands of
 * instructions and two allocations a character. */
typedef struct
{
  guint8 length;
  char   bytes[7];
} FoldedChar;

#define FOLD_TABLE_START 0x80
#define FOLD_TABLE_END 0x800
#define FOLD_TABLE_TOO_LONG 0xff

static FoldedChar fold_table[FOLD_TABLE_END - FOLD_TABLE_START];

static void
ensure_fold_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GString) folded = g_string_new (NULL);

      for (gunichar c = FOLD_TABLE_START; c < FOLD_TABLE_END; c++)
        {
          FoldedChar *entry = &fold_table[c - FOLD_TABLE_START];

          g_string_truncate (folded, 0);
          fold_char (folded, c);
          if (folded->len <= sizeof entry->bytes)
            {
              entry->length = folded->len;
              memcpy (entry->bytes, folded->str, folded->len);
            }
          else
            entry->length = FOLD_TABLE_TOO_LONG;
        }

      g_once_init_leave (&initialized, 1);
    }
}

/* Text that is not plain ASCII, valid UTF-8 */
static void
fold_unicode (GString    *out,
              const char *text,
              gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  ensure_fold_table ();

  while (p < end)
    {
      const char *run = p;
      const FoldedChar *entry;
      gunichar c;

      while (p < end && (guchar) *p < 0x80)
        p++;
      if (p > run)
        {
          gsize start = out->len;

          g_string_set_size (out, start + (p - run));
          fold_ascii_run (out->str + start, run, p - run);
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);

      if (c >= FOLD_TABLE_END ||
          (entry = &fold_table[c - FOLD_TABLE_START])->length == FOLD_TABLE_TOO_LONG)
        fold_char (out, c);
      else
        g_string_append_len (out, entry->bytes, entry->length);
    }
}

/* A piece of the search text: plain ASCII folds while it is copied into
 * the block (ascii stays TRUE), anything else is folded here. */
static Piece
search_piece (Reader      *reader,
              const Piece *piece)
{
  Piece folded = { "", 0, TRUE };
  GString *out;

  if (piece->text == NULL)
    return folded;
  if (piece->ascii)
    return *piece;

  out = g_string_sized_new (piece->length);
  fold_unicode (out, piece->text, piece->length);
  folded.length = out->len;
  folded.text = keep_scratch (reader, g_string_free (out, FALSE));
  folded.ascii = FALSE;

  return folded;
}

/* g_utf8_collate_key() of the case-folded name. For ASCII in a UTF-8
 * locale that is strxfrm() of the lower-case name, as normalization leaves
 * ASCII alone; the general way costs ten times more. */
static char *
name_collate_key (const Piece *name)
{
  g_autofree char *folded = NULL;
  char *key;
  gsize size;

  if (!name->ascii || !g_get_charset (NULL))
    {
      folded = g_utf8_casefold (name->text, name->length);
      return g_utf8_collate_key (folded, -1);
    }

  folded = g_ascii_strdown (name->text, name->length);
  size = strxfrm (NULL, folded, 0);
  if (size >= G_MAXINT - 2)
    return g_utf8_collate_key (folded, -1);
  key = g_malloc (size + 1);
  strxfrm (key, folded, size + 1);

  return key;
}

static char *
place (char        **cursor,
       const Piece  *piece)
{
  char *dest;

  if (piece->text == NULL)
    return NULL;

  dest = *cursor;
  memcpy (dest, piece->text, piece->length);
  dest[piece->length] = '\0';
  *cursor += piece->length + 1;

  return dest;
}

static char *
place_search_text (char        **cursor,
                   const Piece  *pieces,
                   guint         n_pieces)
{
  char *dest = *cursor;
  char *p = dest;

  for (guint i = 0; i < n_pieces; i++)
    {
      if (i > 0)
        *p++ = SEARCH_SEPARATOR;
      if (pieces[i].ascii)
        {
          fold_ascii_run (p, pieces[i].text, pieces[i].length);
          p += pieces[i].length;
        }
      else
        {
          memcpy (p, pieces[i].text, pieces[i].length);
          p += pieces[i].length;
        }
    }
  *p++ = '\0';
  *cursor = p;

  return dest;
}

static void
aip_assistant_finalize (GObject *object)
{
  AipAssistant *self = (AipAssistant *)object;

  g_clear_pointer (&self->kind, g_ref_string_release);
  g_clear_pointer (&self->mode, g_ref_string_release);
  g_clear_pointer (&self->status, g_ref_string_release);
  g_clear_pointer (&self->timezone, g_ref_string_release);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self->block);

  G_OBJECT_CLASS (aip_assistant_parent_class)->finalize (object);
}

static void
aip_assistant_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AipAssistant *self = AIP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USER_ID:
      g_value_set_int64 (value, self->user_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->kind);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_VOICE_ID:
      g_value_set_int64 (value, self->voice_id);
      break;

    case PROP_LANGUAGE_ID:
      g_value_set_int64 (value, self->language_id);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_INITIAL_MESSAGE:
      g_value_set_string (value, self->initial_message);
      break;

    case PROP_SYSTEM_PROMPT:
      g_value_set_string (value, self->system_prompt);
      break;

    case PROP_VARIABLES_JSON:
      g_value_set_string (value, self->variables_json);
      break;

    case PROP_WEBHOOK_URL:
      g_value_set_string (value, self->webhook_url);
      break;

    case PROP_IS_WEBHOOK_ACTIVE:
      g_value_set_boolean (value, self->webhook_active);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_assistant_class_init (AipAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = aip_assistant_finalize;
  object_class->get_property = aip_assistant_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USER_ID] =
    g_param_spec_int64 ("user-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL, flags);
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_VOICE_ID] =
    g_param_spec_int64 ("voice-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_LANGUAGE_ID] =
    g_param_spec_int64 ("language-id", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL, flags);
  properties[PROP_INITIAL_MESSAGE] =
    g_param_spec_string ("initial-message", NULL, NULL, NULL, flags);
  properties[PROP_SYSTEM_PROMPT] =
    g_param_spec_string ("system-prompt", NULL, NULL, NULL, flags);
  properties[PROP_VARIABLES_JSON] =
    g_param_spec_string ("variables-json", NULL, NULL, NULL, flags);
  properties[PROP_WEBHOOK_URL] =
    g_param_spec_string ("webhook-url", NULL, NULL, NULL, flags);
  properties[PROP_IS_WEBHOOK_ACTIVE] =
    g_param_spec_boolean ("is-webhook-active", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_assistant_init (AipAssistant *self)
{
  self->user_id = AIP_ASSISTANT_NO_ID;
  self->voice_id = AIP_ASSISTANT_NO_ID;
  self->language_id = AIP_ASSISTANT_NO_ID;
}

/**
 * aip_assistant_new_string_table:
 *
 * Creates the table aip_assistant_new_from_json() shares short repeated
 * texts through. Each assistant holds its own references, so the table can
 * be dropped as soon as the assistants exist.
 *
 * Returns: (transfer full): a new table
 */
GHashTable *
aip_assistant_new_string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, (GDestroyNotify) g_ref_string_release, NULL);
}

/**
 * aip_assistant_new_from_json:
 * @object: one item of the API's list
 * @strings: (nullable): a table from aip_assistant_new_string_table() to
 *   share type, mode, status and timezone texts through
 *
 * Reads an assistant. A field that is absent, null or of the wrong type is
 * absent; ids may also arrive as strings of digits. Dates are ISO 8601 with
 * or without fraction and zone (no zone means UTC) or `YYYY-MM-DD HH:MM:SS`
 * in UTC; they are kept in UTC. Variable values that are not strings are
 * kept as their JSON text, null as an empty text.
 *
 * Also prepares the folded search text and the name's collation key, so
 * call it off the main thread for large lists.
 *
 * Returns: (transfer full) (nullable): the assistant, or %NULL when the item
 *   has no usable id (a non-negative integer)
 */
AipAssistant *
aip_assistant_new_from_json (JsonObject *object,
                             GHashTable *strings)
{
  return aip_assistant_new_from_reduced_json (object, strings, NULL, 0);
}

/**
 * aip_assistant_get_value_members:
 *
 * Returns: (array zero-terminated=1) (transfer none): the names of the
 *   members that hold a single value (all but the variables), which
 *   aip_json_append_reduced() may take out of the items for
 *   aip_assistant_new_from_reduced_json()
 */
const char * const *
aip_assistant_get_value_members (void)
{
  static const char *names[G_N_ELEMENTS (value_fields) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (value_fields); i++)
        names[i] = field_names[value_fields[i]];
      g_once_init_leave (&initialized, 1);
    }

  return names;
}

/**
 * aip_assistant_new_from_reduced_json:
 * @object: one item, as json-glib read it from aip_json_append_reduced()
 * @strings: (nullable): as for aip_assistant_new_from_json()
 * @taken: (nullable): the values taken out of that text, set up with
 *   aip_assistant_get_value_members()
 * @item: the position of the item in that text
 *
 * Does what aip_assistant_new_from_json() does, with the strings of
 * @object resolved through @taken and the members taken out of it added.
 *
 * Returns: (transfer full) (nullable): the assistant, or %NULL when the item
 *   has no usable id
 */
AipAssistant *
aip_assistant_new_from_reduced_json (JsonObject           *object,
                                     GHashTable           *strings,
                                     const AipJsonStrings *taken,
                                     guint                 item)
{
  g_autoptr(GString) variables_json = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree Piece *search_heap = NULL;
  /* The search pieces, then the variables' own */
  Piece search_stack[2 * (3 + 2 * 8)];
  Piece *search = search_stack;
  Piece *variables;
  g_autofree char *name_key = NULL;
  AipAssistant *self;
  JsonNode *node;
  Reader reader;
  Piece name, initial_message, system_prompt, webhook_url, key;
  Piece json = { NULL, 0, TRUE };
  guint max_variables = 0;
  guint n_variables = 0;
  guint n_search;
  gsize size;
  char *cursor;
  gint64 id;

  g_return_val_if_fail (object != NULL, NULL);

  reader_init (&reader, object, taken, item);

  if (!read_id (&reader, FIELD_ID, &id))
    return NULL;

  utc = g_time_zone_new_utc ();

  self = g_object_new (AIP_TYPE_ASSISTANT, NULL);
  self->id = id;
  self->user_id = read_optional_id (&reader, FIELD_USER_ID);
  self->voice_id = read_optional_id (&reader, FIELD_VOICE_ID);
  self->language_id = read_optional_id (&reader, FIELD_LANGUAGE_ID);
  self->webhook_active = read_boolean (&reader, FIELD_IS_WEBHOOK_ACTIVE);
  self->kind = share_string (strings, read_string (&reader, FIELD_TYPE).text);
  self->mode = share_string (strings, read_string (&reader, FIELD_MODE).text);
  self->status = share_string (strings, read_string (&reader, FIELD_STATUS).text);
  self->timezone = share_string (strings, read_string (&reader, FIELD_TIMEZONE).text);
  self->created_at = read_date (&reader, FIELD_CREATED_AT, utc);
  self->updated_at = read_date (&reader, FIELD_UPDATED_AT, utc);

  name = read_string (&reader, FIELD_NAME);
  initial_message = read_string (&reader, FIELD_INITIAL_MESSAGE);
  system_prompt = read_string (&reader, FIELD_SYSTEM_PROMPT);
  webhook_url = read_string (&reader, FIELD_WEBHOOK_URL);

  /* The search text's pieces, variables after the three texts */
  node = reader.nodes[FIELD_VARIABLES];
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    max_variables = json_object_get_size (json_node_get_object (node));
  n_search = 3 + 2 * max_variables;
  /* Most assistants have a few variables: no allocation for those */
  if (2 * n_search > G_N_ELEMENTS (search_stack))
    search = search_heap = g_new (Piece, 2 * n_search);
  search[0] = search_piece (&reader, &name);
  search[1] = search_piece (&reader, &initial_message);
  search[2] = search_piece (&reader, &system_prompt);

  /* Names and values as they are, for the block; folded, in search */
  variables = search + n_search;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *var_name;
      JsonNode *value;

      /* json-glib 1.6 keeps members in the order they came, a repeated
       * name at its first place with its last value. */
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (n_variables < max_variables &&
             json_object_iter_next_ordered (&iter, &var_name, &value))
        {
          Piece *pair = &variables[2 * n_variables];

          pair[0] = piece_from_text (&reader, var_name);
          pair[1] = variable_value (&reader, value);
          search[3 + 2 * n_variables] = search_piece (&reader, &pair[0]);
          search[4 + 2 * n_variables] = search_piece (&reader, &pair[1]);
          n_variables++;
        }

      variables_json = g_string_sized_new (256);
      aip_json_append_node (variables_json, node, -1, taken);
      json = piece_from_text (&reader, variables_json->str);
    }
  n_search = 3 + 2 * n_variables;

  if (name.text != NULL)
    name_key = name_collate_key (&name);
  /* A collation key is bytes for strcmp(), not text: keep it as it is */
  key.text = name_key != NULL ? name_key : "";
  key.length = strlen (key.text);

  size = 2 * n_variables * sizeof (char *);
  size += name.length + initial_message.length + system_prompt.length + webhook_url.length + 4;
  size += json.length + 1 + key.length + 1;
  for (guint i = 0; i < 2 * n_variables; i++)
    size += variables[i].length + 1;
  for (guint i = 0; i < n_search; i++)
    size += search[i].length + 1;

  self->block = g_malloc (size);
  self->variables = n_variables > 0 ? self->block : NULL;
  self->n_variables = n_variables;
  cursor = (char *) self->block + 2 * n_variables * sizeof (char *);
  for (guint i = 0; i < 2 * n_variables; i++)
    self->variables[i] = place (&cursor, &variables[i]);
  self->name = place (&cursor, &name);
  self->initial_message = place (&cursor, &initial_message);
  self->system_prompt = place (&cursor, &system_prompt);
  self->webhook_url = place (&cursor, &webhook_url);
  self->variables_json = place (&cursor, &json);
  self->name_key = place (&cursor, &key);
  self->search_text = place_search_text (&cursor, search, n_search);
  g_assert (cursor <= (char *) self->block + size);

  g_clear_pointer (&reader.scratch, g_ptr_array_unref);

  return self;
}

/**
 * aip_assistant_get_id:
 * @self: an assistant
 *
 * Returns: the assistant's id, never negative
 */
gint64
aip_assistant_get_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->id;
}

/**
 * aip_assistant_get_user_id:
 * @self: an assistant
 *
 * Returns: the owner's id, or %AIP_ASSISTANT_NO_ID
 */
gint64
aip_assistant_get_user_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->user_id;
}

/**
 * aip_assistant_get_name:
 * @self: an assistant
 *
 * Returns: (nullable): the name
 */
const char *
aip_assistant_get_name (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->name;
}

/**
 * aip_assistant_get_kind:
 * @self: an assistant
 *
 * Returns: (nullable): the API's `type`, "outbound" on this endpoint
 */
const char *
aip_assistant_get_kind (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->kind;
}

/**
 * aip_assistant_get_mode:
 * @self: an assistant
 *
 * Returns: (nullable): the mode as the API sent it, known or not
 */
const char *
aip_assistant_get_mode (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->mode;
}

/**
 * aip_assistant_get_status:
 * @self: an assistant
 *
 * Returns: (nullable): the status as the API sent it, known or not
 */
const char *
aip_assistant_get_status (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->status;
}

/**
 * aip_assistant_get_voice_id:
 * @self: an assistant
 *
 * Returns: the voice's id, or %AIP_ASSISTANT_NO_ID
 */
gint64
aip_assistant_get_voice_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->voice_id;
}

/**
 * aip_assistant_get_language_id:
 * @self: an assistant
 *
 * Returns: the language's id, or %AIP_ASSISTANT_NO_ID
 */
gint64
aip_assistant_get_language_id (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), AIP_ASSISTANT_NO_ID);

  return self->language_id;
}

/**
 * aip_assistant_get_timezone:
 * @self: an assistant
 *
 * Returns: (nullable): the IANA timezone name as the API sent it
 */
const char *
aip_assistant_get_timezone (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->timezone;
}

/**
 * aip_assistant_get_initial_message:
 * @self: an assistant
 *
 * Returns: (nullable): what the assistant says when the call connects
 */
const char *
aip_assistant_get_initial_message (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->initial_message;
}

/**
 * aip_assistant_get_system_prompt:
 * @self: an assistant
 *
 * Returns: (nullable): the assistant's instructions
 */
const char *
aip_assistant_get_system_prompt (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->system_prompt;
}

/**
 * aip_assistant_get_n_variables:
 * @self: an assistant
 *
 * Returns: how many variables the assistant has
 */
guint
aip_assistant_get_n_variables (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), 0);

  return self->n_variables;
}

/**
 * aip_assistant_get_variable_name:
 * @self: an assistant
 * @position: a variable's position, in the order the API sent them
 *
 * Returns: the variable's name
 */
const char *
aip_assistant_get_variable_name (AipAssistant *self,
                                 guint         position)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (position < self->n_variables, NULL);

  return self->variables[2 * position];
}

/**
 * aip_assistant_get_variable_value:
 * @self: an assistant
 * @position: a variable's position, in the order the API sent them
 *
 * Returns: the variable's value as text: a string as it is, another value
 *   as its JSON text, null as an empty text
 */
const char *
aip_assistant_get_variable_value (AipAssistant *self,
                                  guint         position)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (position < self->n_variables, NULL);

  return self->variables[2 * position + 1];
}

/**
 * aip_assistant_has_variable:
 * @self: an assistant
 * @name: a variable name
 *
 * Returns: whether the assistant has a variable called @name
 */
gboolean
aip_assistant_has_variable (AipAssistant *self,
                            const char   *name)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < self->n_variables; i++)
    if (strcmp (self->variables[2 * i], name) == 0)
      return TRUE;

  return FALSE;
}

/**
 * aip_assistant_get_variables_json:
 * @self: an assistant
 *
 * Returns: (nullable): the variables as compact JSON, "{}" when there are
 *   none, %NULL when the API sent no variables object
 */
const char *
aip_assistant_get_variables_json (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->variables_json;
}

/**
 * aip_assistant_get_webhook_url:
 * @self: an assistant
 *
 * Returns: (nullable): where the platform posts call events
 */
const char *
aip_assistant_get_webhook_url (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->webhook_url;
}

/**
 * aip_assistant_get_webhook_active:
 * @self: an assistant
 *
 * Returns: the API's `is_webhook_active`, %FALSE when absent
 */
gboolean
aip_assistant_get_webhook_active (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), FALSE);

  return self->webhook_active;
}

/**
 * aip_assistant_get_created_at:
 * @self: an assistant
 *
 * Returns: (transfer none) (nullable): when the assistant was created, in UTC
 */
GDateTime *
aip_assistant_get_created_at (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->created_at;
}

/**
 * aip_assistant_get_updated_at:
 * @self: an assistant
 *
 * Returns: (transfer none) (nullable): when the assistant last changed, in UTC
 */
GDateTime *
aip_assistant_get_updated_at (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->updated_at;
}

/**
 * aip_assistant_get_search_text:
 * @self: an assistant
 *
 * The name, initial message, system prompt and variable names and values,
 * each folded with aip_fold_text() and separated by a character no folded
 * text contains. A folded query found in it with strstr() matches.
 *
 * Returns: the search text
 */
const char *
aip_assistant_get_search_text (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->search_text;
}

/**
 * aip_assistant_get_name_key:
 * @self: an assistant
 *
 * Returns: the collation key of the case-folded name, for strcmp(); empty
 *   when there is no name
 */
const char *
aip_assistant_get_name_key (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), NULL);

  return self->name_key;
}

/**
 * aip_assistant_is_active:
 * @self: an assistant
 *
 * Returns: whether the status is "active"
 */
gboolean
aip_assistant_is_active (AipAssistant *self)
{
  g_return_val_if_fail (AIP_IS_ASSISTANT (self), FALSE);

  return g_strcmp0 (self->status, "active") == 0;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_id (JsonBuilder *builder,
        const char  *name,
        gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != AIP_ASSISTANT_NO_ID)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = aip_assistant_format_date (value);

  add_string (builder, name, text);
}

/**
 * aip_assistant_format_date:
 * @date_time: (nullable): a date of an assistant
 *
 * Returns: (transfer full) (nullable): the date in the API's own form, in
 *   UTC with microseconds ("2025-07-15T14:32:15.000000Z"), or %NULL
 */
char *
aip_assistant_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;

  utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/**
 * aip_assistant_to_json:
 * @self: an assistant
 * @builder: a builder where a value is expected
 *
 * Adds the assistant as one object with the API's field names, in the
 * API's order: every field is written, absent ones as null; dates as
 * ISO 8601 in UTC with microseconds; variables as the API sent them.
 * aip_assistant_new_from_json() reads it back to an equal assistant.
 */
void
aip_assistant_to_json (AipAssistant *self,
                       JsonBuilder  *builder)
{
  g_return_if_fail (AIP_IS_ASSISTANT (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  add_id (builder, "user_id", self->user_id);
  add_string (builder, "name", self->name);
  add_string (builder, "type", self->kind);
  add_string (builder, "mode", self->mode);
  add_string (builder, "status", self->status);
  add_id (builder, "voice_id", self->voice_id);
  add_id (builder, "language_id", self->language_id);
  add_string (builder, "timezone", self->timezone);
  add_string (builder, "initial_message", self->initial_message);
  add_string (builder, "system_prompt", self->system_prompt);

  json_builder_set_member_name (builder, "variables");
  if (self->variables_json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      /* Our own output: valid, and as shallow as the item it came from */
      if (json_parser_load_from_data (parser, self->variables_json, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL)
        json_builder_add_value (builder, json_node_copy (root));
      else
        json_builder_add_null_value (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_string (builder, "webhook_url", self->webhook_url);
  json_builder_set_member_name (builder, "is_webhook_active");
  json_builder_add_boolean_value (builder, self->webhook_active);
  add_date (builder, "created_at", self->created_at);
  add_date (builder, "updated_at", self->updated_at);

  json_builder_end_object (builder);
}

/**
 * aip_fold_text:
 * @text: UTF-8 text; invalid sequences are replaced first
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Folds text for search: compatibility decomposition (NFKD), Unicode case
 * folding, combining marks dropped, control characters made spaces. Fold
 * the query and the searched text alike, then compare bytes: "АСИСТЕНТ"
 * and "асистент" fold equal, and "cafe" finds "Café".
 *
 * Returns: (transfer full): the folded text
 */
char *
aip_fold_text (const char *text,
               gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean ascii = TRUE;
  gsize len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar) text[i] < 0x80;

  out = g_string_sized_new (len + 1);
  if (ascii)
    {
      for (gsize i = 0; i < len; i++)
        g_string_append_c (out, fold_ascii (text[i]));
    }
  else
    {
      if (!g_utf8_validate_len (text, len, NULL))
        {
          valid = g_utf8_make_valid (text, len);
          text = valid;
          len = strlen (valid);
        }
      fold_unicode (out, text, len);
    }

  return g_string_free (out, FALSE);
}
