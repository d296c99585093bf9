/* aip-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aip-assistant-json.h"
#include "aip-format.h"
#include "aip-json-write.h"

/* The command line's --list and the window's export write through here,
 * so that a file from either reads the same. */

/* Where the text goes: a buffer, flushed to a stream when there is one
 * each time it holds this much, so that --list of 100,000 assistants does
 * not hold its 100 MB of output besides the list. */
#define FLUSH_SIZE (256 * 1024)

typedef struct
{
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static void
sink_flush (Sink     *sink,
            gboolean  all)
{
  if (sink->stream == NULL || sink->error != NULL)
    return;
  if (!all && sink->out->len < FLUSH_SIZE)
    return;

  g_output_stream_write_all (sink->stream, sink->out->str, sink->out->len, NULL,
                             sink->cancellable, &sink->error);
  g_string_truncate (sink->out, 0);
}

typedef enum
{
  COLUMN_ID,
  COLUMN_NAME,
  COLUMN_STATUS,
  COLUMN_MODE,
  COLUMN_TIMEZONE,
  COLUMN_WEBHOOK,
  COLUMN_UPDATED,
  N_COLUMNS
} Column;

/* Below this a column is not narrowed further to fit the terminal. */
#define MIN_COLUMN_WIDTH 4
#define COLUMN_GAP       2

static const char * const csv_fields[] = {
  "id", "user_id", "name", "type", "mode", "status", "voice_id", "language_id", "timezone",
  "initial_message", "system_prompt", "variables", "webhook_url", "is_webhook_active",
  "created_at", "updated_at",
};

static gsize
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;

  return 1;
}

/* A cell's text for a terminal: control characters (line breaks, escape
 * sequences) become spaces and format characters (direction overrides)
 * go, so that a name from the server cannot break or restyle the table. */
static char *
terminal_text (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else if (g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));

  return width;
}

/* Appends text cut to width display columns, with an ellipsis where it was
 * cut, padded with spaces to width unless it is the last column. */
static void
append_cell (GString    *out,
             const char *text,
             gsize       width,
             gboolean    align_right,
             gboolean    pad)
{
  gsize text_width = display_width (text);
  gsize used = 0;

  if (text_width > width)
    {
      const char *p;

      for (p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gsize w = char_width (g_utf8_get_char (p));

          if (used + w > width - 1)
            break;
          used += w;
        }
      /* Marks that follow the last character kept belong to it. */
      while (*p != '\0' && char_width (g_utf8_get_char (p)) == 0)
        p = g_utf8_next_char (p);

      g_string_append_len (out, text, p - text);
      g_string_append (out, "…");
      used += 1;
    }
  else
    {
      if (align_right)
        for (gsize i = text_width; i < width; i++)
          g_string_append_c (out, ' ');
      g_string_append (out, text);
      used = align_right ? width : text_width;
    }

  if (pad)
    for (gsize i = used; i < width; i++)
      g_string_append_c (out, ' ');
}

static char *
format_local_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;
  char *text;

  if (date_time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (date_time);
  /* Translators: the date and time in the Updated column of --list, in
   * g_date_time_format() notation; %x and %X are the locale's own forms.
   * xgettext:no-c-format */
  text = local != NULL ? g_date_time_format (local, _("%x %X")) : NULL;

  return text != NULL ? text : g_strdup ("");
}

static char *
table_cell (AipAssistant *assistant,
            Column        column)
{
  switch (column)
    {
    case COLUMN_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, aip_assistant_get_id (assistant));

    case COLUMN_NAME:
      return terminal_text (aip_assistant_get_name (assistant));

    case COLUMN_STATUS:
      return terminal_text (aip_assistant_get_status (assistant));

    case COLUMN_MODE:
      return terminal_text (aip_assistant_get_mode (assistant));

    case COLUMN_TIMEZONE:
      return terminal_text (aip_assistant_get_timezone (assistant));

    case COLUMN_WEBHOOK:
      if (aip_assistant_get_webhook_url (assistant) == NULL ||
          aip_assistant_get_webhook_url (assistant)[0] == '\0')
        /* Translators: the webhook column of --list: no webhook URL */
        return g_strdup (C_("webhook", "none"));
      if (aip_assistant_get_webhook_active (assistant))
        return g_strdup (C_("webhook", "active"));
      return g_strdup (C_("webhook", "inactive"));

    case COLUMN_UPDATED:
      return format_local_time (aip_assistant_get_updated_at (assistant));

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
format_table (Sink       *sink,
              GListModel *assistants,
              int         width)
{
  const char *headers[N_COLUMNS] = {
    _("ID"), _("Name"), _("Status"), _("Mode"), _("Timezone"), _("Webhook"), _("Updated"),
  };
  guint n_items = g_list_model_get_n_items (assistants);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gsize widths[N_COLUMNS];
  gsize minimums[N_COLUMNS];
  gsize total = COLUMN_GAP * (N_COLUMNS - 1);
  GString *out = sink->out;

  for (guint c = 0; c < N_COLUMNS; c++)
    g_ptr_array_add (cells, terminal_text (headers[c]));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (assistants, i);

      for (guint c = 0; c < N_COLUMNS; c++)
        g_ptr_array_add (cells, table_cell (assistant, c));
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      widths[c] = 0;
      for (guint row = 0; row <= n_items; row++)
        widths[c] = MAX (widths[c], display_width (g_ptr_array_index (cells, row * N_COLUMNS + c)));
      minimums[c] = MIN (widths[c], MIN_COLUMN_WIDTH);
      total += widths[c];
    }

  /* Narrow the widest column, one display column at a time, until the
   * table fits: long names and timezones give way before short fields. */
  while (width > 0 && total > (gsize) width)
    {
      guint widest = N_COLUMNS;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (widths[c] > minimums[c] && (widest == N_COLUMNS || widths[c] > widths[widest]))
          widest = c;

      if (widest == N_COLUMNS)
        break;

      widths[widest]--;
      total--;
    }

  for (guint row = 0; row <= n_items; row++)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_len (out, "  ", COLUMN_GAP);
          append_cell (out, g_ptr_array_index (cells, row * N_COLUMNS + c), widths[c],
                       c == COLUMN_ID, c + 1 < N_COLUMNS);
        }
      g_string_append_c (out, '\n');
      sink_flush (sink, FALSE);
    }
}

static char *
format_integer (gint64 value)
{
  if (value == AIP_ASSISTANT_NO_ID)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Whether a spreadsheet could take @text for a formula. Besides OWASP's
 * list (a cell that starts with = + - @, tab or CR), spreadsheets skip
 * white space and invisible characters (the byte-order mark, zero-width
 * spaces and joiners, all Unicode format characters) before they look for
 * the sign, and some read the full-width signs an input method types as
 * the ASCII ones. */
static gboolean
looks_like_formula (const char *text)
{
  const char *p;

  if (text[0] == '\t' || text[0] == '\r')
    return TRUE;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        break;
    }

  switch (g_utf8_get_char (p))
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case 0xFF1D: /* FULLWIDTH EQUALS SIGN */
    case 0xFF0B: /* FULLWIDTH PLUS SIGN */
    case 0xFF0D: /* FULLWIDTH HYPHEN-MINUS */
    case 0xFF20: /* FULLWIDTH COMMERCIAL AT */
      return TRUE;

    default:
      return FALSE;
    }
}

static void
append_csv_cell (GString    *out,
                 const char *text,
                 gboolean    spreadsheet)
{
  gboolean neutralize = FALSE;

  if (text == NULL)
    text = "";

  /* OWASP's advice against formula injection: a cell a spreadsheet would
   * take for a formula starts with a single quote, which it shows as text. */
  if (spreadsheet && looks_like_formula (text))
    neutralize = TRUE;

  if (neutralize || strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (neutralize)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, text);
    }
}

static void
format_csv (Sink       *sink,
            GListModel *assistants,
            gboolean    spreadsheet)
{
  guint n_items = g_list_model_get_n_items (assistants);
  GString *out = sink->out;

  /* Without the byte-order mark spreadsheets take the file for the
   * system's legacy encoding and garble anything but ASCII. */
  if (spreadsheet)
    g_string_append (out, "\xef\xbb\xbf");

  for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
    {
      if (f > 0)
        g_string_append_c (out, ',');
      g_string_append (out, csv_fields[f]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (assistants, i);
      g_autofree char *id = format_integer (aip_assistant_get_id (assistant));
      g_autofree char *user_id = format_integer (aip_assistant_get_user_id (assistant));
      g_autofree char *voice_id = format_integer (aip_assistant_get_voice_id (assistant));
      g_autofree char *language_id = format_integer (aip_assistant_get_language_id (assistant));
      g_autofree char *created_at = aip_assistant_format_date (aip_assistant_get_created_at (assistant));
      g_autofree char *updated_at = aip_assistant_format_date (aip_assistant_get_updated_at (assistant));
      const char *values[] = {
        id,
        user_id,
        aip_assistant_get_name (assistant),
        aip_assistant_get_kind (assistant),
        aip_assistant_get_mode (assistant),
        aip_assistant_get_status (assistant),
        voice_id,
        language_id,
        aip_assistant_get_timezone (assistant),
        aip_assistant_get_initial_message (assistant),
        aip_assistant_get_system_prompt (assistant),
        aip_assistant_get_variables_json (assistant),
        aip_assistant_get_webhook_url (assistant),
        aip_assistant_get_webhook_active (assistant) ? "true" : "false",
        created_at,
        updated_at,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (csv_fields));

      for (guint f = 0; f < G_N_ELEMENTS (values); f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, values[f], spreadsheet);
        }
      g_string_append (out, "\r\n");
      sink_flush (sink, FALSE);
    }
}

/* Pretty, two spaces, as people open exports in an editor */
static void
format_json (Sink       *sink,
             GListModel *assistants)
{
  guint n_items = g_list_model_get_n_items (assistants);
  GString *out = sink->out;

  g_string_append_c (out, '[');
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AipAssistant) assistant = g_list_model_get_item (assistants, i);

      g_string_append (out, i > 0 ? ",\n  " : "\n  ");
      aip_assistant_append_json (assistant, out, 1);
      sink_flush (sink, FALSE);
    }
  g_string_append (out, n_items > 0 ? "\n]\n" : "]\n");
}

static void
write_format (Sink       *sink,
              GListModel *assistants,
              AipFormat   format,
              int         width)
{
  switch (format)
    {
    case AIP_FORMAT_TABLE:
      format_table (sink, assistants, width);
      break;

    case AIP_FORMAT_CSV:
      format_csv (sink, assistants, FALSE);
      break;

    case AIP_FORMAT_CSV_SPREADSHEET:
      format_csv (sink, assistants, TRUE);
      break;

    case AIP_FORMAT_JSON:
    default:
      format_json (sink, assistants);
      break;
    }
}

/**
 * aip_format_parse:
 * @name: a format name: "table", "csv", "json" or "csv-spreadsheet"
 * @out: (out): where to store the format
 *
 * Returns: whether @name is a format
 */
gboolean
aip_format_parse (const char *name,
                  AipFormat  *out)
{
  static const struct {
    const char *name;
    AipFormat   format;
  } formats[] = {
    { "table", AIP_FORMAT_TABLE },
    { "csv", AIP_FORMAT_CSV },
    { "csv-spreadsheet", AIP_FORMAT_CSV_SPREADSHEET },
    { "json", AIP_FORMAT_JSON },
  };

  g_return_val_if_fail (out != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (name, formats[i].name))
        {
          *out = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * aip_format_assistants:
 * @assistants: a #GListModel of #AipAssistant
 * @format: the output format
 * @width: for %AIP_FORMAT_TABLE, the terminal's width in columns, to which
 *   wide text is cut with an ellipsis; 0 or less for no limit
 *
 * Writes the assistants, in the model's order, as an aligned table, as CSV
 * (RFC 4180: CRLF line ends, a header row of the API's field names, every
 * field, variables as JSON text, dates in ISO 8601 UTC), as CSV for
 * spreadsheets (the same with a UTF-8 byte-order mark and formula-like
 * cells neutralized), or as a pretty-printed JSON array of objects with
 * the API's field names.
 *
 * Returns: (transfer full): the UTF-8 text
 */
GBytes *
aip_format_assistants (GListModel *assistants,
                       AipFormat   format,
                       int         width)
{
  Sink sink = { NULL };

  g_return_val_if_fail (G_IS_LIST_MODEL (assistants), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (assistants), AIP_TYPE_ASSISTANT),
                        NULL);
  g_return_val_if_fail (format <= AIP_FORMAT_JSON, NULL);

  sink.out = g_string_new (NULL);
  write_format (&sink, assistants, format, width);

  return g_string_free_to_bytes (sink.out);
}

/**
 * aip_format_write:
 * @assistants: a #GListModel of #AipAssistant
 * @format: the output format
 * @width: as for aip_format_assistants()
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes what aip_format_assistants() returns to @stream as it goes, a
 * quarter of a megabyte at a time. Blocks: for the command line.
 *
 * Returns: whether all was written
 */
gboolean
aip_format_write (GListModel     *assistants,
                  AipFormat       format,
                  int             width,
                  GOutputStream  *stream,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GString) out = NULL;
  Sink sink = { NULL };

  g_return_val_if_fail (G_IS_LIST_MODEL (assistants), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format <= AIP_FORMAT_JSON, FALSE);

  sink.out = out = g_string_sized_new (FLUSH_SIZE + 4096);
  sink.stream = stream;
  sink.cancellable = cancellable;
  write_format (&sink, assistants, format, width);
  sink_flush (&sink, TRUE);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }

  return TRUE;
}
