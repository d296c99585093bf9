/* aip-json-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <math.h>
#include <string.h>

#include "aip-json-write.h"

/**
 * aip_json_append_string:
 * @out: where to append
 * @text: (nullable): text, %NULL being empty
 *
 * Appends @text as a JSON string: quotes, backslashes and control
 * characters escaped, everything else as it is. Bytes that are not UTF-8
 * (a node built by hand may hold any) become U+FFFD: the text written is
 * always JSON.
 */
void
aip_json_append_string (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;
  const guchar *p;

  if (text == NULL)
    text = "";
  else if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  p = (const guchar *) text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;

      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      g_string_append_len (out, (const char *) run, p - run);

      switch (*p)
        {
        case '\0':
          g_string_append_c (out, '"');
          return;
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", *p);
          break;
        }
      p++;
    }
}

/* json-glib 1.6 writes doubles with 17 digits ("0.10000000000000001") and
 * sometimes as text it cannot read back ("3e+20.0"): write the shortest
 * form that reads back to the same double, and keep it a double. */
static void
append_double (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (value))
    {
      /* What json-glib reads as infinity in the first place */
      g_string_append (out, value > 0 ? "1e999" : "-1e999");
      return;
    }
  if (isnan (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
newline (GString *out,
         int      indent)
{
  if (indent < 0)
    return;

  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

/**
 * aip_json_append_node:
 * @out: where to append
 * @node: a JSON value
 * @indent: the nesting of @node, two spaces a level, for text spread over
 *   lines; -1 for compact text
 *
 * Appends @node as JSON text that json-glib reads back to the same values.
 * json-glib 1.6's own writer does not always: it writes 3e20 as "3e+20.0"
 * and infinity as "inf.0", and doubles with seventeen digits.
 */
void
aip_json_append_node (GString  *out,
                      JsonNode *node,
                      int       indent)
{
  int inner = indent < 0 ? -1 : indent + 1;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            newline (out, inner);
            aip_json_append_string (out, name);
            g_string_append (out, indent < 0 ? ":" : ": ");
            aip_json_append_node (out, member, inner);
          }
        if (!first)
          newline (out, indent);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            newline (out, inner);
            aip_json_append_node (out, json_array_get_element (array, i), inner);
          }
        if (n > 0)
          newline (out, indent);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          aip_json_append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}
