/* aip-text-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-text-window.h"

/* Lines are broken for reading, at a space where there is one: GTK lays out
 * a line of text at once, in time that grows with the square of an
 * unbroken run (1,000 characters took 80 ms, 2,000 took 200 ms). */
#define LINE_CHARS 80
/* Text goes into the view this much at a time, from idle. */
#define CHUNK_BYTES (64 * 1024)

/* A whole long value the details show cut: the name, a message, the
 * prompt, a variable. It is read here, broken into lines, and copied as it
 * came. */
struct _AipTextWindow
{
  AdwWindow    parent_instance;

  char        *text;
  GString     *shown;
  gsize        inserted;
  guint        insert_source;

  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (AipTextWindow, aip_text_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GString *
break_lines (const char *text)
{
  GString *shown = g_string_sized_new (strlen (text) + strlen (text) / LINE_CHARS + 1);
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = line;
      const char *space = NULL;
      guint n = 0;

      while (*end != '\0' && *end != '\n' && n < LINE_CHARS)
        {
          if (g_unichar_isspace (g_utf8_get_char (end)))
            space = end;
          end = g_utf8_next_char (end);
          n++;
        }

      if (*end == '\0' || *end == '\n')
        {
          g_string_append_len (shown, line, end - line);
          if (*end == '\n')
            g_string_append_c (shown, '\n'), end++;
          line = end;
          continue;
        }

      /* Too long: at the last space, or where the line is full. */
      if (space != NULL && space > line)
        end = g_utf8_next_char (space);
      g_string_append_len (shown, line, end - line);
      g_string_append_c (shown, '\n');
      line = end;
    }

  return shown;
}

static gboolean
insert_chunk_cb (gpointer user_data)
{
  AipTextWindow *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize length = MIN (CHUNK_BYTES, self->shown->len - self->inserted);
  const char *start = self->shown->str + self->inserted;
  const char *end = start + length;
  GtkTextIter iter;

  /* A chunk ends on a character, never inside one. */
  if (end < self->shown->str + self->shown->len)
    end = g_utf8_find_prev_char (start, end + 1);

  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, start, end - start);
  self->inserted += end - start;

  if (self->inserted < self->shown->len)
    return G_SOURCE_CONTINUE;

  self->insert_source = 0;
  return G_SOURCE_REMOVE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AipTextWindow *self = AIP_TEXT_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text);
  gtk_widget_activate_action (widget, "window.close", NULL);
}

static void
aip_text_window_constructed (GObject *object)
{
  AipTextWindow *self = (AipTextWindow *)object;

  G_OBJECT_CLASS (aip_text_window_parent_class)->constructed (object);

  self->shown = break_lines (self->text != NULL ? self->text : "");
  if (self->shown->len > 0)
    self->insert_source = g_idle_add (insert_chunk_cb, self);
}

static void
aip_text_window_dispose (GObject *object)
{
  AipTextWindow *self = (AipTextWindow *)object;

  g_clear_handle_id (&self->insert_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIP_TYPE_TEXT_WINDOW);

  G_OBJECT_CLASS (aip_text_window_parent_class)->dispose (object);
}

static void
aip_text_window_finalize (GObject *object)
{
  AipTextWindow *self = (AipTextWindow *)object;

  g_clear_pointer (&self->text, g_free);
  if (self->shown != NULL)
    g_string_free (self->shown, TRUE);

  G_OBJECT_CLASS (aip_text_window_parent_class)->finalize (object);
}

static void
aip_text_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AipTextWindow *self = AIP_TEXT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_text_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AipTextWindow *self = AIP_TEXT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_text_window_class_init (AipTextWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aip_text_window_constructed;
  object_class->dispose = aip_text_window_dispose;
  object_class->finalize = aip_text_window_finalize;
  object_class->get_property = aip_text_window_get_property;
  object_class->set_property = aip_text_window_set_property;

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, AIP_RESOURCE_BASE "/aip-text-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AipTextWindow, text_view);

  gtk_widget_class_install_action (widget_class, "text.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aip_text_window_init (AipTextWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aip_text_window_new:
 * @parent: (nullable): the window it belongs to
 * @title: what the text is, e.g. "System Prompt"
 * @text: the whole text
 *
 * Returns: (transfer full): a new #AipTextWindow
 */
AipTextWindow *
aip_text_window_new (GtkWindow  *parent,
                     const char *title,
                     const char *text)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (AIP_TYPE_TEXT_WINDOW,
                       "transient-for", parent,
                       "title", title,
                       "text", text,
                       NULL);
}

/**
 * aip_text_window_get_text:
 * @self: a #AipTextWindow
 *
 * Returns: (transfer none): the whole text, as it came
 */
const char *
aip_text_window_get_text (AipTextWindow *self)
{
  g_return_val_if_fail (AIP_IS_TEXT_WINDOW (self), NULL);

  return self->text;
}
