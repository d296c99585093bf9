/* aip-calling-hours.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "aip-assistant.h"
#include "aip-calling-hours.h"

/* Immutable once made: the window replaces the whole value when the
 * preferences change, so rows never see a half-updated window. */
struct _AipCallingHours
{
  guint       start_minute;
  guint       end_minute;
  AipWeekdays days;
};

G_DEFINE_BOXED_TYPE (AipCallingHours, aip_calling_hours,
                     aip_calling_hours_ref, aip_calling_hours_unref)
G_DEFINE_QUARK (aip-calling-hours-error-quark, aip_calling_hours_error)

#define MINUTES_PER_DAY 1440
#define SECONDS_PER_DAY ((gint64) 86400)
/* The next opening is at most a week away; two more days cover a
 * daylight-saving shift and a window that ends at midnight. */
#define HORIZON         (9 * SECONDS_PER_DAY)
#define MAX_CACHED_ZONES 4096

G_LOCK_DEFINE_STATIC (zones);
static GHashTable *zones;

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b) != 0 && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* local is seconds since 1970-01-01 00:00 on the wall clock of the zone. */
static gboolean
is_open_local (const AipCallingHours *self,
               gint64                 local)
{
  gint64 day = floor_div (local, SECONDS_PER_DAY);
  guint minute = (guint) ((local - day * SECONDS_PER_DAY) / 60);
  /* 1970-01-01 was a Thursday; Monday is 0. */
  guint weekday = (guint) (((day + 3) % 7 + 7) % 7);

  return (self->days & (1u << weekday)) != 0 &&
         minute >= self->start_minute &&
         minute < self->end_minute;
}

static gint64
local_at (GTimeZone *tz,
          gint64     utc)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  return utc + g_time_zone_get_offset (tz, interval);
}

/* The first instant after from, up to limit, at which the zone's offset
 * rules change. GLib does not list the transitions, but interval indices
 * grow with time, so a binary search finds the change to the second. */
static gint64
segment_end (GTimeZone *tz,
             gint64     from,
             gint64     limit)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, from);
  gint64 lo = from;
  gint64 hi = limit;

  if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, limit) == interval)
    return limit;

  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid) == interval)
        lo = mid;
      else
        hi = mid;
    }

  return hi;
}

/* Whether the window is open depends only on the zone's wall clock, so it
 * can change only where the wall clock crosses a start or end minute, or
 * where it jumps (a daylight-saving change). Within one offset the wall
 * clock is the instant plus a constant, which turns each crossing into one
 * subtraction. */
static gboolean
find_next_change (const AipCallingHours *self,
                  GTimeZone             *tz,
                  gint64                 after,
                  gint64                *out)
{
  gboolean state = is_open_local (self, local_at (tz, after));
  gint64 limit = after + HORIZON;
  gint64 x = after;

  while (x < limit)
    {
      gint64 end = segment_end (tz, x, limit);
      gint64 local = local_at (tz, x);
      gint64 offset = local - x;
      gboolean past_end = FALSE;

      for (gint64 day = floor_div (local, SECONDS_PER_DAY); !past_end; day++)
        {
          gint64 boundaries[2] = {
            day * SECONDS_PER_DAY + self->start_minute * 60,
            day * SECONDS_PER_DAY + self->end_minute * 60,
          };

          for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
            {
              if (boundaries[i] <= local)
                continue;

              if (boundaries[i] - offset >= end)
                {
                  past_end = TRUE;
                  break;
                }

              if (is_open_local (self, boundaries[i]) != state)
                {
                  *out = boundaries[i] - offset;
                  return TRUE;
                }
            }
        }

      x = end;
      if (x < limit && is_open_local (self, local_at (tz, x)) != state)
        {
          *out = x;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_plausible_identifier (const char *identifier)
{
  gsize length = 0;

  if (identifier == NULL || identifier[0] == '\0' || identifier[0] == '/')
    return FALSE;

  /* IANA names use only these characters; refusing '.', ':' and ',' keeps
   * paths out of the zone directory and POSIX TZ rules out of GLib. */
  for (const char *p = identifier; *p != '\0'; p++, length++)
    {
      if (!g_ascii_isalnum (*p) && *p != '/' && *p != '_' && *p != '-' && *p != '+')
        return FALSE;
      if (*p == '/' && (p[1] == '/' || p[1] == '\0'))
        return FALSE;
    }

  return length <= 128;
}

/* GLib maps any file under the zone directory and asserts (a critical) when
 * it is not a zone file, as the directory's "leapseconds" is not; so look
 * before letting GLib read it. */
static gboolean
has_zone_file (const char *identifier)
{
  const char *dir = g_getenv ("TZDIR");
  g_autofree char *path = NULL;
  char header[44];
  gssize n_read;
  int fd;

  if (dir == NULL || *dir == '\0')
    dir = "/usr/share/zoneinfo";

  path = g_build_filename (dir, identifier, NULL);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;

  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);
  g_close (fd, NULL);

  return n_read == (gssize) sizeof header && memcmp (header, "TZif", 4) == 0;
}

static void
zone_unref_nullable (gpointer data)
{
  if (data != NULL)
    g_time_zone_unref (data);
}

static GTimeZone *
lookup_uncached (const char *identifier)
{
  if (!is_plausible_identifier (identifier) || !has_zone_file (identifier))
    return NULL;

  return g_time_zone_new_identifier (identifier);
}

static GDateTime *
date_time_in_zone (gint64     utc,
                   GTimeZone *tz)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);

  if (instant == NULL)
    return NULL;

  return g_date_time_to_timezone (instant, tz);
}

/**
 * aip_calling_hours_new:
 * @start_minute: the first minute of the window after midnight, 0 to 1439
 * @end_minute: the minute after midnight at which the window closes, 1 to 1440
 * @days: the days of the week on which the window opens
 * @error: return location for an error
 *
 * Makes a calling window. A start that is not before the end is refused
 * with a message for the person who chose it.
 *
 * Returns: (transfer full) (nullable): the window, or %NULL with @error set
 */
AipCallingHours *
aip_calling_hours_new (guint         start_minute,
                       guint         end_minute,
                       AipWeekdays   days,
                       GError      **error)
{
  AipCallingHours *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (start_minute >= MINUTES_PER_DAY || end_minute > MINUTES_PER_DAY)
    {
      g_set_error_literal (error, AIP_CALLING_HOURS_ERROR, AIP_CALLING_HOURS_ERROR_INVALID,
                           _("The calling hours must lie between 00:00 and 24:00."));
      return NULL;
    }

  if (start_minute >= end_minute)
    {
      g_set_error_literal (error, AIP_CALLING_HOURS_ERROR, AIP_CALLING_HOURS_ERROR_INVALID,
                           _("The calling hours must end after they start."));
      return NULL;
    }

  self = g_atomic_rc_box_new0 (AipCallingHours);
  self->start_minute = start_minute;
  self->end_minute = end_minute;
  self->days = days & AIP_WEEKDAYS_ALL;

  return self;
}

/**
 * aip_calling_hours_new_default:
 *
 * Returns: (transfer full): 09:00 to 18:00, Monday to Friday
 */
AipCallingHours *
aip_calling_hours_new_default (void)
{
  return aip_calling_hours_new (9 * 60, 18 * 60, AIP_WEEKDAYS_WORKWEEK, NULL);
}

/**
 * aip_calling_hours_new_from_settings:
 * @settings: settings with the keys calling-start, calling-end and calling-days
 *
 * Reads the window from the preferences. Settings that do not make a window
 * (a start after the end, written by hand) give the default.
 *
 * Returns: (transfer full): the window
 */
AipCallingHours *
aip_calling_hours_new_from_settings (GSettings *settings)
{
  g_autoptr(GVariant) days_value = NULL;
  g_autoptr(GError) error = NULL;
  AipCallingHours *self;
  AipWeekdays days = 0;
  const gint32 *iso_days;
  gsize n_days;
  int start;
  int end;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  start = g_settings_get_int (settings, "calling-start");
  end = g_settings_get_int (settings, "calling-end");
  days_value = g_settings_get_value (settings, "calling-days");
  iso_days = g_variant_get_fixed_array (days_value, &n_days, sizeof (gint32));
  for (gsize i = 0; i < n_days; i++)
    {
      if (iso_days[i] >= 1 && iso_days[i] <= 7)
        days |= 1u << (iso_days[i] - 1);
    }

  self = aip_calling_hours_new (MAX (start, 0), MAX (end, 0), days, &error);
  if (self == NULL)
    {
      g_debug ("Calling window from the settings is not usable: %s", error->message);
      return aip_calling_hours_new_default ();
    }

  return self;
}

/**
 * aip_calling_hours_ref:
 * @self: a calling window
 *
 * Returns: (transfer full): @self
 */
AipCallingHours *
aip_calling_hours_ref (AipCallingHours *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * aip_calling_hours_unref:
 * @self: (transfer full): a calling window
 */
void
aip_calling_hours_unref (AipCallingHours *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

gboolean
aip_calling_hours_equal (AipCallingHours *a,
                         AipCallingHours *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->start_minute == b->start_minute &&
         a->end_minute == b->end_minute &&
         a->days == b->days;
}

guint
aip_calling_hours_get_start_minute (AipCallingHours *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start_minute;
}

guint
aip_calling_hours_get_end_minute (AipCallingHours *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->end_minute;
}

AipWeekdays
aip_calling_hours_get_days (AipCallingHours *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->days;
}

/**
 * aip_calling_hours_is_open:
 * @self: a calling window
 * @timezone: (nullable): an IANA timezone name, e.g. "America/New_York"
 * @now: the instant, in any zone
 *
 * Returns: whether @now falls inside the window on the wall clock of
 *   @timezone; %FALSE when the zone is unknown
 */
gboolean
aip_calling_hours_is_open (AipCallingHours *self,
                           const char      *timezone,
                           GDateTime       *now)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  tz = aip_timezone_lookup (timezone);
  if (tz == NULL)
    return FALSE;

  return is_open_local (self, local_at (tz, g_date_time_to_unix (now)));
}

/**
 * aip_calling_hours_may_call:
 * @self: a calling window
 * @assistant: an assistant
 * @now: the instant, in any zone
 *
 * The one meaning of "calling now": an assistant that is active, inside
 * the window on the wall clock of its own timezone.
 *
 * Returns: whether @assistant may call at @now
 */
gboolean
aip_calling_hours_may_call (AipCallingHours *self,
                            AipAssistant    *assistant,
                            GDateTime       *now)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (AIP_IS_ASSISTANT (assistant), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return aip_assistant_is_active (assistant) &&
         aip_calling_hours_is_open (self, aip_assistant_get_timezone (assistant), now);
}

/**
 * aip_calling_hours_get_next_change:
 * @self: a calling window
 * @timezone: (nullable): an IANA timezone name
 * @after: the instant, in any zone
 *
 * Finds the first instant after @after at which the window opens (when it
 * is closed at @after) or closes (when it is open). Across a
 * daylight-saving change the wall clock decides: a window that would open
 * at a time the clocks skip opens when they land past it, and a window
 * whose end falls in the repeated hour closes, opens again when the clocks
 * go back, and closes the second time its end comes round.
 *
 * Returns: (transfer full) (nullable): the instant in the zone of
 *   @timezone, or %NULL when the zone is unknown or the window never
 *   changes (no days chosen, or open all week)
 */
GDateTime *
aip_calling_hours_get_next_change (AipCallingHours *self,
                                   const char      *timezone,
                                   GDateTime       *after)
{
  g_autoptr(GTimeZone) tz = NULL;
  gint64 change;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  tz = aip_timezone_lookup (timezone);
  if (tz == NULL)
    return NULL;

  if (!find_next_change (self, tz, g_date_time_to_unix (after), &change))
    return NULL;

  return date_time_in_zone (change, tz);
}

/**
 * aip_calling_hours_get_status:
 * @self: a calling window
 * @timezone: (nullable): the assistant's IANA timezone name
 * @now: the instant, in any zone
 * @next_change: (out) (optional) (transfer full) (nullable): the next
 *   closing when open, the next opening when closed, in the assistant's
 *   zone; %NULL when there is none or the zone is unknown
 *
 * Returns: whether the assistant may call at @now
 */
AipCallingStatus
aip_calling_hours_get_status (AipCallingHours  *self,
                              const char       *timezone,
                              GDateTime        *now,
                              GDateTime       **next_change)
{
  g_autoptr(GTimeZone) tz = NULL;
  gint64 utc;
  gint64 change;
  gboolean open;

  if (next_change != NULL)
    *next_change = NULL;

  g_return_val_if_fail (self != NULL, AIP_CALLING_STATUS_UNKNOWN_TIMEZONE);
  g_return_val_if_fail (now != NULL, AIP_CALLING_STATUS_UNKNOWN_TIMEZONE);

  tz = aip_timezone_lookup (timezone);
  if (tz == NULL)
    return AIP_CALLING_STATUS_UNKNOWN_TIMEZONE;

  utc = g_date_time_to_unix (now);
  open = is_open_local (self, local_at (tz, utc));

  if (next_change != NULL && find_next_change (self, tz, utc, &change))
    *next_change = date_time_in_zone (change, tz);

  return open ? AIP_CALLING_STATUS_OPEN : AIP_CALLING_STATUS_CLOSED;
}

/**
 * aip_calling_hours_format_moment:
 * @moment: an instant
 * @use_24h: whether the person's clock shows 24 hours
 *
 * Returns: (transfer full): the abbreviated weekday and time of @moment in
 *   its own zone, e.g. "Mon 09:00"
 */
char *
aip_calling_hours_format_moment (GDateTime *moment,
                                 gboolean   use_24h)
{
  char *text;

  g_return_val_if_fail (moment != NULL, NULL);

  if (use_24h)
    /* Translators: a weekday and time on a 24-hour clock in
     * g_date_time_format() notation, e.g. "Mon 09:00".
     * xgettext:no-c-format */
    text = g_date_time_format (moment, _("%a %H:%M"));
  else
    /* Translators: a weekday and time on a 12-hour clock in
     * g_date_time_format() notation, e.g. "Mon 9:00 AM".
     * xgettext:no-c-format */
    text = g_date_time_format (moment, _("%a %-l:%M %p"));

  /* Locales without AM and PM leave a space behind. */
  return text != NULL ? g_strchomp (text) : g_strdup ("");
}

static char *
format_clock (GDateTime *moment,
              gboolean   use_24h)
{
  char *text;

  if (use_24h)
    /* Translators: a time on a 24-hour clock, see g_date_time_format() */
    text = g_date_time_format (moment, _("%H:%M"));
  else
    /* Translators: a time on a 12-hour clock, see g_date_time_format() */
    text = g_date_time_format (moment, _("%-I:%M %p"));

  /* Locales without AM and PM leave a space behind. */
  return text != NULL ? g_strchomp (text) : g_strdup ("");
}

/**
 * aip_calling_hours_format_status:
 * @status: a status from aip_calling_hours_get_status()
 * @next_change: (nullable): the next change from aip_calling_hours_get_status()
 * @use_24h: whether the person's clock shows 24 hours
 *
 * The short text for the list and the filters, in the assistant's own
 * time: the window is open until its end the same day, or opens on the
 * day and at the time named.
 *
 * Returns: (transfer full): e.g. "Open until 18:00", "Opens Mon 09:00",
 *   "Open" (at every hour), "Closed" (on no day) or "Unknown timezone"
 */
char *
aip_calling_hours_format_status (AipCallingStatus  status,
                                 GDateTime        *next_change,
                                 gboolean          use_24h)
{
  g_autofree char *moment = NULL;

  switch (status)
    {
    case AIP_CALLING_STATUS_OPEN:
      if (next_change == NULL)
        return g_strdup (C_("calling hours", "Open"));
      moment = format_clock (next_change, use_24h);
      /* Translators: %s is the time the calling window closes, e.g. "18:00" */
      return g_strdup_printf (_("Open until %s"), moment);

    case AIP_CALLING_STATUS_CLOSED:
      if (next_change == NULL)
        return g_strdup (C_("calling hours", "Closed"));
      moment = aip_calling_hours_format_moment (next_change, use_24h);
      /* Translators: %s is a weekday and time, e.g. "Mon 09:00" */
      return g_strdup_printf (_("Opens %s"), moment);

    case AIP_CALLING_STATUS_UNKNOWN_TIMEZONE:
    default:
      return g_strdup (_("Unknown timezone"));
    }
}

/**
 * aip_calling_hours_format_tooltip:
 * @status: a status from aip_calling_hours_get_status()
 * @next_change: (nullable): the next change from aip_calling_hours_get_status()
 * @use_24h: whether the person's clock shows 24 hours
 *
 * What aip_calling_hours_format_status() leaves out: the day, and the same
 * moment on the person's own clock.
 *
 * Returns: (transfer full): e.g. "Closes Fri 18:00 there, Sat 01:00 your
 *   time", or "Opens Mon 09:00" when both clocks agree
 */
char *
aip_calling_hours_format_tooltip (AipCallingStatus  status,
                                  GDateTime        *next_change,
                                  gboolean          use_24h)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *there = NULL;
  g_autofree char *here = NULL;

  if (status == AIP_CALLING_STATUS_UNKNOWN_TIMEZONE)
    return g_strdup (_("This computer does not know the assistant’s timezone"));

  if (next_change == NULL)
    return g_strdup (status == AIP_CALLING_STATUS_OPEN
                     ? _("May call at any hour on any day")
                     : _("No calling days are chosen in Preferences"));

  local = g_date_time_to_local (next_change);
  there = aip_calling_hours_format_moment (next_change, use_24h);
  here = aip_calling_hours_format_moment (local, use_24h);

  if (g_str_equal (there, here))
    return aip_calling_hours_format_next_change (status, next_change, use_24h);

  if (status == AIP_CALLING_STATUS_OPEN)
    /* Translators: a weekday and time in the assistant's timezone, then the
     * same moment in the user's, e.g. "Closes Fri 18:00 there, Sat 01:00
     * your time" */
    return g_strdup_printf (_("Closes %s there, %s your time"), there, here);

  /* Translators: a weekday and time in the assistant's timezone, then the
   * same moment in the user's, e.g. "Opens Mon 09:00 there, Mon 16:00
   * your time" */
  return g_strdup_printf (_("Opens %s there, %s your time"), there, here);
}

/**
 * aip_calling_hours_format_next_change:
 * @status: a status from aip_calling_hours_get_status()
 * @next_change: (nullable): the next change from aip_calling_hours_get_status()
 * @use_24h: whether the person's clock shows 24 hours
 *
 * Returns: (transfer full) (nullable): e.g. "Closes Fri 18:00" or
 *   "Opens Mon 09:00", or %NULL when nothing changes
 */
char *
aip_calling_hours_format_next_change (AipCallingStatus  status,
                                      GDateTime        *next_change,
                                      gboolean          use_24h)
{
  g_autofree char *moment = NULL;

  if (next_change == NULL || status == AIP_CALLING_STATUS_UNKNOWN_TIMEZONE)
    return NULL;

  moment = aip_calling_hours_format_moment (next_change, use_24h);
  if (status == AIP_CALLING_STATUS_OPEN)
    /* Translators: %s is a weekday and time, e.g. "Fri 18:00" */
    return g_strdup_printf (_("Closes %s"), moment);

  /* Translators: %s is a weekday and time, e.g. "Mon 09:00" */
  return g_strdup_printf (_("Opens %s"), moment);
}

/**
 * aip_timezone_lookup:
 * @identifier: (nullable): an IANA timezone name from the platform
 *
 * Resolves a timezone name without letting a hostile name read files
 * outside the zone directory or make GLib complain. Results are kept, so
 * the disk is read once per name.
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL when the name is
 *   not a zone this system knows
 */
GTimeZone *
aip_timezone_lookup (const char *identifier)
{
  GTimeZone *tz;
  gpointer cached;

  if (identifier == NULL || *identifier == '\0')
    return NULL;

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   zone_unref_nullable);
  if (g_hash_table_lookup_extended (zones, identifier, NULL, &cached))
    {
      tz = cached != NULL ? g_time_zone_ref (cached) : NULL;
      G_UNLOCK (zones);
      return tz;
    }
  G_UNLOCK (zones);

  tz = lookup_uncached (identifier);

  G_LOCK (zones);
  if (g_hash_table_size (zones) < MAX_CACHED_ZONES)
    g_hash_table_replace (zones, g_strdup (identifier), tz != NULL ? g_time_zone_ref (tz) : NULL);
  G_UNLOCK (zones);

  return tz;
}
