/* aip-display.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "aip-base-url.h"
#include "aip-calling-hours.h"
#include "aip-display.h"

/**
 * aip_display_new_clock_settings:
 *
 * Returns: (transfer full) (nullable): the desktop's interface settings, or
 *   %NULL where the desktop has no clock-format setting
 */
GSettings *
aip_display_new_clock_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Outside GNOME, and in a Flatpak without the schema, there is no such
   * setting. */
  if (source == NULL ||
      !(schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE)) ||
      !g_settings_schema_has_key (schema, "clock-format"))
    return NULL;

  return g_settings_new ("org.gnome.desktop.interface");
}

/**
 * aip_display_use_24h:
 * @clock_settings: (nullable): from aip_display_new_clock_settings()
 *
 * Returns: %TRUE unless the desktop asks for a 12-hour clock; 24 hours is
 *   GNOME's own default
 */
gboolean
aip_display_use_24h (GSettings *clock_settings)
{
  g_autofree char *format = NULL;

  if (clock_settings == NULL)
    return TRUE;

  format = g_settings_get_string (clock_settings, "clock-format");

  return g_strcmp0 (format, "12h") != 0;
}

/**
 * aip_display_clock:
 * @time: a time
 * @use_24h: whether to use a 24-hour clock
 *
 * Returns: (transfer full): the hour and minute of @time in its own zone
 */
char *
aip_display_clock (GDateTime *time,
                   gboolean   use_24h)
{
  g_return_val_if_fail (time != NULL, NULL);

  if (use_24h)
    /* Translators: a time on a 24-hour clock, see g_date_time_format() */
    return g_date_time_format (time, _("%H:%M"));

  /* Translators: a time on a 12-hour clock, see g_date_time_format() */
  return g_strchomp (g_date_time_format (time, _("%-I:%M %p")));
}

/**
 * aip_display_local_clock:
 * @timezone: (nullable): an IANA timezone name
 * @now: the current time
 * @use_24h: whether to use a 24-hour clock
 *
 * Returns: (transfer full) (nullable): the time of day in @timezone, or
 *   %NULL if the zone is unknown
 */
char *
aip_display_local_clock (const char *timezone,
                         GDateTime  *now,
                         gboolean    use_24h)
{
  g_autoptr(GTimeZone) zone = aip_timezone_lookup (timezone);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (zone == NULL || !(local = g_date_time_to_timezone (now, zone)))
    return NULL;

  return aip_display_clock (local, use_24h);
}

/**
 * aip_display_full:
 * @time: a time
 * @use_24h: whether to use a 24-hour clock
 *
 * Returns: (transfer full): the date and time of @time in the user's zone
 */
char *
aip_display_full (GDateTime *time,
                  gboolean   use_24h)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a full date, see g_date_time_format() */
  date = g_date_time_format (local, _("%B %-d, %Y"));
  clock = aip_display_clock (local, use_24h);

  /* Translators: a date, then a time of day */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, clock);
}

/**
 * aip_display_relative:
 * @time: a time in the past
 * @now: the current time
 *
 * Returns: (transfer full): how long ago @time was, in words
 */
char *
aip_display_relative (GDateTime *time,
                      GDateTime *now)
{
  GTimeSpan span;
  gint64 minutes, hours, days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  span = g_date_time_difference (now, time);
  minutes = span / G_TIME_SPAN_MINUTE;
  hours = span / G_TIME_SPAN_HOUR;
  days = span / G_TIME_SPAN_DAY;

  /* A server clock slightly ahead of ours is "just now", not the future. */
  if (minutes < 1)
    return g_strdup (_("Just now"));

  if (hours < 1)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), (int) minutes);

  if (days < 1)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), (int) hours);

  if (days < 30)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), (int) days);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (time);

    /* Translators: a full date, see g_date_time_format() */
    return g_date_time_format (local, _("%B %-d, %Y"));
  }
}

/**
 * aip_display_utc_offset:
 * @seconds: an offset from UTC
 *
 * Returns: (transfer full): the offset as "UTC+02:00" or "UTC−05:00"
 */
char *
aip_display_utc_offset (int seconds)
{
  /* A real minus sign, as typography and screen readers want. */
  const char *sign = seconds < 0 ? "\u2212" : "+";
  int minutes = ABS (seconds) / 60;

  if (seconds == 0)
    return g_strdup ("UTC");

  return g_strdup_printf ("UTC%s%02d:%02d", sign, minutes / 60, minutes % 60);
}

/**
 * aip_display_status:
 * @status: (nullable): a status as the server sends it
 *
 * Returns: (transfer none): the status in the person's language; values
 *   the app does not know are shown as sent
 */
const char *
aip_display_status (const char *status)
{
  if (status == NULL || status[0] == '\0')
    return C_("status", "Unknown");
  if (g_str_equal (status, "active"))
    return C_("status", "Active");
  if (g_str_equal (status, "inactive"))
    return C_("status", "Inactive");

  return status;
}

/**
 * aip_display_mode:
 * @mode: (nullable): a mode as the server sends it
 *
 * Returns: (transfer none): the mode in the person's language
 */
const char *
aip_display_mode (const char *mode)
{
  if (mode == NULL || mode[0] == '\0')
    return C_("mode", "Unknown");
  if (g_str_equal (mode, "pipeline"))
    return C_("mode", "Pipeline");
  if (g_str_equal (mode, "multimodal"))
    return C_("mode", "Multimodal");

  return mode;
}

/**
 * aip_display_webhook:
 * @url: (nullable): the webhook URL
 * @active: whether the webhook is active
 *
 * Returns: (transfer none): "Active", "Inactive" or "None"
 */
const char *
aip_display_webhook (const char *url,
                     gboolean    active)
{
  if (url == NULL || url[0] == '\0')
    return C_("webhook", "None");

  return active ? C_("webhook", "Active") : C_("webhook", "Inactive");
}

/**
 * aip_display_status_class:
 * @status: (nullable): a status as the server sends it
 *
 * Returns: (transfer none): the CSS class that tints a label with @status
 */
const char *
aip_display_status_class (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return "status-active";
  if (g_strcmp0 (status, "inactive") == 0)
    return "status-inactive";

  return "status-other";
}


/**
 * aip_display_when:
 * @time: a time
 * @now: the current time
 * @use_24h: whether to use a 24-hour clock
 *
 * Returns: (transfer full): the time of day when @time is today in the
 *   user's zone, the date and time otherwise
 */
char *
aip_display_when (GDateTime *time,
                  GDateTime *now,
                  gboolean   use_24h)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    return aip_display_clock (local, use_24h);

  return aip_display_full (time, use_24h);
}

/**
 * aip_display_check_base_url:
 * @text: a server address as the person typed it
 * @normalized: (out) (transfer full): the address to store when usable
 *
 * The one check of a typed server address, for the sign-in page and the
 * preferences alike.
 *
 * Returns: (transfer full) (nullable): why @text cannot be used, or %NULL
 */
char *
aip_display_check_base_url (const char  *text,
                            char       **normalized)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (normalized != NULL, NULL);

  /* People type "example.com/api" as a browser lets them: the secure
   * scheme is the one meant. */
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] != '\0' && strstr (stripped, "://") == NULL)
    completed = g_strconcat ("https://", stripped, NULL);

  if ((*normalized = aip_base_url_normalize (completed != NULL ? completed : text, &error)))
    return NULL;

  /* Translators: the reason follows, e.g. "It must start with https://" */
  return g_strdup_printf (_("This address cannot be used. %s"), error->message);
}

/* Frames to follow a reason for: the page grows with it over a frame or
 * two, and a row above it may still be opening */
#define REVEAL_FRAMES 30
#define REVEAL_KEY "aip-reveal-frames"

static GtkWidget *
outer_scroller (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL ? gtk_widget_get_ancestor (parent, GTK_TYPE_SCROLLED_WINDOW) : NULL;
}

static gboolean
reveal_cb (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), REVEAL_KEY));

  if (frames > 0)
    frames--;
  g_object_set_data (G_OBJECT (widget), REVEAL_KEY, GUINT_TO_POINTER (frames));

  if (!gtk_widget_get_visible (widget) || frames == 0)
    {
      g_object_set_data (G_OBJECT (widget), REVEAL_KEY, NULL);
      return G_SOURCE_REMOVE;
    }

  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;

  /* Every scrolled window it sits in, the innermost first. The viewport
   * shows the part of the adjustment from its value on: a place in the
   * viewport plus the value is a place in the adjustment. */
  for (GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
       scroller != NULL;
       scroller = outer_scroller (scroller))
    {
      GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;
      double top;

      if (viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, &bounds))
        continue;

      top = bounds.origin.y + gtk_adjustment_get_value (adjustment);
      gtk_adjustment_clamp_page (adjustment, top, top + bounds.size.height);
    }

  return G_SOURCE_CONTINUE;
}

/**
 * aip_display_show_reason:
 * @label: a label under the entry it speaks of
 * @reason: why what was typed there was refused
 *
 * Shows @reason and scrolls it into sight as the page makes room for it: a
 * reason under the last row of a page is easily below the bottom of the
 * window, where pressing Apply would seem to do nothing.
 */
void
aip_display_show_reason (GtkLabel   *label,
                         const char *reason)
{
  GtkWidget *widget = GTK_WIDGET (label);

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (reason != NULL);

  gtk_label_set_text (label, reason);
  gtk_widget_set_visible (widget, TRUE);

  if (g_object_get_data (G_OBJECT (widget), REVEAL_KEY) == NULL)
    gtk_widget_add_tick_callback (widget, reveal_cb, NULL, NULL);
  g_object_set_data (G_OBJECT (widget), REVEAL_KEY, GUINT_TO_POINTER (REVEAL_FRAMES));
}

/**
 * aip_display_short_date:
 * @time: a time in the past
 * @now: the current time
 *
 * Returns: (transfer full): how long ago @time was for the last month
 *   ("3 days ago"), then a short date ("Oct 3", or "Oct 3, 2024" in
 *   another year), for a narrow column
 */
char *
aip_display_short_date (GDateTime *time,
                        GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  char *text;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (g_date_time_difference (now, time) < 30 * G_TIME_SPAN_DAY)
    return aip_display_relative (time, now);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a short date in this year, see g_date_time_format(),
     * e.g. "Oct 3".
     * xgettext:no-c-format */
    text = g_date_time_format (local, _("%b %-d"));
  else
    /* Translators: a short date with its year, see g_date_time_format(),
     * e.g. "Oct 3, 2024".
     * xgettext:no-c-format */
    text = g_date_time_format (local, _("%b %-d, %Y"));

  return text != NULL ? text : g_strdup ("");
}

/**
 * aip_display_cut:
 * @text: (nullable): text from the server, of any length
 * @max_chars: how many characters to keep
 * @max_run: how many characters without a space to keep in a row
 * @cut: (out) (optional): whether anything was left out
 *
 * GTK lays out the whole text of a label, even where it shows a few words,
 * and wrapping a run without spaces takes time that grows with its square
 * (measured with a 330-pixel label: 500 characters 15 ms, 1,000 characters
 * 80 ms, 2,000 characters 200 ms; 2,000 characters of words 12 ms). A name
 * of 100,000 characters held the main loop for minutes. What a label,
 * row or tooltip shows goes through here.
 *
 * Returns: (transfer full) (nullable): @text, or as much of it as the
 *   limits allow followed by an ellipsis
 */
char *
aip_display_cut (const char *text,
                 gsize       max_chars,
                 gsize       max_run,
                 gboolean   *cut)
{
  const char *end;
  gsize run = 0;

  if (cut != NULL)
    *cut = FALSE;

  if (text == NULL)
    return NULL;

  end = text;
  for (gsize i = 0; i < max_chars && *end != '\0' && run < max_run; i++)
    {
      run = g_unichar_isspace (g_utf8_get_char (end)) ? 0 : run + 1;
      end = g_utf8_next_char (end);
    }

  if (*end == '\0')
    return g_strdup (text);

  if (cut != NULL)
    *cut = TRUE;

  {
    GString *shown = g_string_new_len (text, end - text);

    g_string_append (shown, "…");
    return g_string_free (shown, FALSE);
  }
}

/**
 * aip_display_timezone_city:
 * @timezone: an IANA timezone name, e.g. "America/Argentina/Buenos_Aires"
 *
 * Returns: (transfer full): the place a person knows the zone by, e.g.
 *   "Buenos Aires"; the name itself when it has no place
 */
char *
aip_display_timezone_city (const char *timezone)
{
  const char *slash;
  char *city;

  g_return_val_if_fail (timezone != NULL, NULL);

  slash = strrchr (timezone, '/');
  city = g_strdup (slash != NULL && slash[1] != '\0' ? slash + 1 : timezone);
  g_strdelimit (city, "_", ' ');

  return city;
}
