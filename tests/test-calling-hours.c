/* test-calling-hours.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aip-calling-hours.h"
#include "aip-test-assistants.h"

#define NEW_YORK "America/New_York"
#define SOFIA    "Europe/Sofia"

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static AipCallingHours *
hours (guint       start_minute,
       guint       end_minute,
       AipWeekdays days)
{
  g_autoptr(GError) error = NULL;
  AipCallingHours *self = aip_calling_hours_new (start_minute, end_minute, days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (self);

  return self;
}

/* Asserts the status at now and that the next change is the given UTC time
 * (year 0 for none) with the given local wall-clock text in the zone. */
static void
assert_status (AipCallingHours  *self,
               const char       *timezone,
               GDateTime        *now,
               AipCallingStatus  expected,
               GDateTime        *expected_change,
               const char       *expected_local)
{
  g_autoptr(GDateTime) change = NULL;
  AipCallingStatus status;

  status = aip_calling_hours_get_status (self, timezone, now, &change);
  g_assert_cmpint (status, ==, expected);
  g_assert_cmpint (aip_calling_hours_is_open (self, timezone, now), ==,
                   expected == AIP_CALLING_STATUS_OPEN);

  if (expected_change == NULL)
    {
      g_assert_null (change);
      return;
    }

  g_assert_nonnull (change);
  g_assert_cmpint (g_date_time_to_unix (change), ==, g_date_time_to_unix (expected_change));
  if (expected_local != NULL)
    {
      g_autofree char *local = g_date_time_format (change, "%F %H:%M %Z");

      g_assert_cmpstr (local, ==, expected_local);
    }
}

static void
test_default (void)
{
  g_autoptr(AipCallingHours) self = aip_calling_hours_new_default ();
  g_autoptr(AipCallingHours) same = hours (540, 1080, AIP_WEEKDAYS_WORKWEEK);

  g_assert_cmpuint (aip_calling_hours_get_start_minute (self), ==, 9 * 60);
  g_assert_cmpuint (aip_calling_hours_get_end_minute (self), ==, 18 * 60);
  g_assert_cmpuint (aip_calling_hours_get_days (self), ==, AIP_WEEKDAYS_WORKWEEK);
  g_assert_true (aip_calling_hours_equal (self, same));
}

static void
test_invalid (void)
{
  static const guint cases[][2] = {
    { 600, 600 },
    { 600, 540 },
    { 1440, 1440 },
    { 0, 1441 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AipCallingHours) self = NULL;

      self = aip_calling_hours_new (cases[i][0], cases[i][1], AIP_WEEKDAYS_ALL, &error);
      g_assert_null (self);
      g_assert_error (error, AIP_CALLING_HOURS_ERROR, AIP_CALLING_HOURS_ERROR_INVALID);
      g_assert_nonnull (error->message);
    }

  /* The whole day is a valid window. */
  g_autoptr(AipCallingHours) whole = hours (0, 1440, AIP_WEEKDAYS_ALL);
  g_assert_nonnull (whole);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AipCallingHours) defaults = NULL;
  g_autoptr(AipCallingHours) custom = NULL;
  g_autoptr(AipCallingHours) broken = NULL;
  static const gint32 weekend[] = { 6, 7, 9, 0 };

  defaults = aip_calling_hours_new_from_settings (settings);
  g_assert_cmpuint (aip_calling_hours_get_start_minute (defaults), ==, 540);
  g_assert_cmpuint (aip_calling_hours_get_end_minute (defaults), ==, 1080);
  g_assert_cmpuint (aip_calling_hours_get_days (defaults), ==, AIP_WEEKDAYS_WORKWEEK);

  g_settings_set_int (settings, "calling-start", 600);
  g_settings_set_int (settings, "calling-end", 720);
  g_settings_set_value (settings, "calling-days",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, weekend,
                                                   G_N_ELEMENTS (weekend), sizeof (gint32)));
  custom = aip_calling_hours_new_from_settings (settings);
  g_assert_cmpuint (aip_calling_hours_get_start_minute (custom), ==, 600);
  g_assert_cmpuint (aip_calling_hours_get_end_minute (custom), ==, 720);
  g_assert_cmpuint (aip_calling_hours_get_days (custom), ==,
                    AIP_WEEKDAY_SATURDAY | AIP_WEEKDAY_SUNDAY);

  /* A start after the end falls back to the default instead of failing. */
  g_settings_set_int (settings, "calling-start", 900);
  broken = aip_calling_hours_new_from_settings (settings);
  g_assert_true (aip_calling_hours_equal (broken, defaults));

  g_settings_reset (settings, "calling-start");
  g_settings_reset (settings, "calling-end");
  g_settings_reset (settings, "calling-days");
}

static void
test_edges (void)
{
  g_autoptr(AipCallingHours) self = aip_calling_hours_new_default ();
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  /* Wednesday 2025-07-16, New York is UTC-4. */
  g_autoptr(GDateTime) before = g_date_time_new_utc (2025, 7, 16, 12, 59, 59);
  g_autoptr(GDateTime) start = utc (2025, 7, 16, 13, 0);
  g_autoptr(GDateTime) last = g_date_time_new_utc (2025, 7, 16, 21, 59, 59);
  g_autoptr(GDateTime) end = utc (2025, 7, 16, 22, 0);
  g_autoptr(GDateTime) next_open = utc (2025, 7, 17, 13, 0);
  g_autoptr(GDateTime) start_tokyo = NULL;

  assert_status (self, NEW_YORK, before, AIP_CALLING_STATUS_CLOSED, start, "2025-07-16 09:00 EDT");
  assert_status (self, NEW_YORK, start, AIP_CALLING_STATUS_OPEN, end, "2025-07-16 18:00 EDT");
  assert_status (self, NEW_YORK, last, AIP_CALLING_STATUS_OPEN, end, NULL);
  assert_status (self, NEW_YORK, end, AIP_CALLING_STATUS_CLOSED, next_open, "2025-07-17 09:00 EDT");

  /* The zone of the instant given does not matter, only the instant. */
  start_tokyo = g_date_time_to_timezone (start, tokyo);
  assert_status (self, NEW_YORK, start_tokyo, AIP_CALLING_STATUS_OPEN, end, NULL);
}

/* One instant checked against one window: times are UTC as
 * { year, month, day, hour, minute }; a change of { 0 } means none. */
typedef struct
{
  const char       *timezone;
  guint             start_minute;
  guint             end_minute;
  AipWeekdays       days;
  int               now[5];
  AipCallingStatus  status;
  int               change[5];
  const char       *change_local;
} Case;

#define OFFICE 540, 1080, AIP_WEEKDAYS_WORKWEEK
#define OPEN   AIP_CALLING_STATUS_OPEN
#define CLOSED AIP_CALLING_STATUS_CLOSED

static void
run_cases (const Case *cases,
           gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const Case *c = &cases[i];
      g_autoptr(AipCallingHours) self = hours (c->start_minute, c->end_minute, c->days);
      g_autoptr(GDateTime) now = utc (c->now[0], c->now[1], c->now[2], c->now[3], c->now[4]);
      g_autoptr(GDateTime) change = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, c->timezone);
      if (c->change[0] != 0)
        change = utc (c->change[0], c->change[1], c->change[2], c->change[3], c->change[4]);
      assert_status (self, c->timezone, now, c->status, change, c->change_local);
    }
}

static void
test_weekend (void)
{
  static const Case cases[] = {
    /* Friday 18:00 in New York to Monday 09:00. */
    { NEW_YORK, OFFICE, { 2025, 7, 18, 22, 0 }, CLOSED,
      { 2025, 7, 21, 13, 0 }, "2025-07-21 09:00 EDT" },
    { NEW_YORK, OFFICE, { 2025, 7, 19, 16, 0 }, CLOSED, { 2025, 7, 21, 13, 0 }, NULL },
    /* Friday 20:30 in Sofia (UTC+3). */
    { SOFIA, OFFICE, { 2025, 7, 18, 17, 30 }, CLOSED,
      { 2025, 7, 21, 6, 0 }, "2025-07-21 09:00 EEST" },
    /* Friday 18:00 before each change; Monday 09:00 is then at another offset. */
    { NEW_YORK, OFFICE, { 2025, 3, 7, 23, 0 }, CLOSED,
      { 2025, 3, 10, 13, 0 }, "2025-03-10 09:00 EDT" },
    { NEW_YORK, OFFICE, { 2025, 10, 31, 22, 0 }, CLOSED,
      { 2025, 11, 3, 14, 0 }, "2025-11-03 09:00 EST" },
    { SOFIA, OFFICE, { 2025, 3, 28, 16, 0 }, CLOSED,
      { 2025, 3, 31, 6, 0 }, "2025-03-31 09:00 EEST" },
    { SOFIA, OFFICE, { 2025, 10, 24, 15, 0 }, CLOSED,
      { 2025, 10, 27, 7, 0 }, "2025-10-27 09:00 EET" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_midnight (void)
{
  static const Case cases[] = {
    /* 22:00 to midnight on Mondays: Monday 2025-07-14 23:30 in New York. */
    { NEW_YORK, 1320, 1440, AIP_WEEKDAY_MONDAY, { 2025, 7, 15, 3, 30 }, OPEN,
      { 2025, 7, 15, 4, 0 }, "2025-07-15 00:00 EDT" },
    { NEW_YORK, 1320, 1440, AIP_WEEKDAY_MONDAY, { 2025, 7, 15, 4, 0 }, CLOSED,
      { 2025, 7, 22, 2, 0 }, "2025-07-21 22:00 EDT" },
    /* Whole days: Saturday 02:00 UTC is still Friday in New York and
     * already Saturday in Sofia. */
    { NEW_YORK, 0, 1440, AIP_WEEKDAYS_WORKWEEK, { 2025, 7, 19, 2, 0 }, OPEN,
      { 2025, 7, 19, 4, 0 }, "2025-07-19 00:00 EDT" },
    { SOFIA, 0, 1440, AIP_WEEKDAYS_WORKWEEK, { 2025, 7, 19, 2, 0 }, CLOSED,
      { 2025, 7, 20, 21, 0 }, "2025-07-21 00:00 EEST" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* New York skips 02:00-03:00 on Sunday 2025-03-09 (07:00 UTC); Sofia skips
 * 03:00-04:00 on Sunday 2025-03-30 (01:00 UTC). A window that starts in the
 * skipped hour opens when the clocks land past its start. */
static void
test_spring_forward (void)
{
#define NY_WINDOW    150, 300, AIP_WEEKDAY_SUNDAY
#define SOFIA_WINDOW 210, 360, AIP_WEEKDAY_SUNDAY
  static const Case cases[] = {
    { NEW_YORK, NY_WINDOW, { 2025, 3, 9, 6, 0 }, CLOSED,
      { 2025, 3, 9, 7, 0 }, "2025-03-09 03:00 EDT" },
    { NEW_YORK, NY_WINDOW, { 2025, 3, 9, 6, 59 }, CLOSED, { 2025, 3, 9, 7, 0 }, NULL },
    { NEW_YORK, NY_WINDOW, { 2025, 3, 9, 7, 0 }, OPEN,
      { 2025, 3, 9, 9, 0 }, "2025-03-09 05:00 EDT" },
    { NEW_YORK, NY_WINDOW, { 2025, 3, 9, 9, 0 }, CLOSED,
      { 2025, 3, 16, 6, 30 }, "2025-03-16 02:30 EDT" },
    { SOFIA, SOFIA_WINDOW, { 2025, 3, 30, 0, 30 }, CLOSED,
      { 2025, 3, 30, 1, 0 }, "2025-03-30 04:00 EEST" },
    { SOFIA, SOFIA_WINDOW, { 2025, 3, 30, 1, 0 }, OPEN,
      { 2025, 3, 30, 3, 0 }, "2025-03-30 06:00 EEST" },
  };
#undef NY_WINDOW
#undef SOFIA_WINDOW

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* New York repeats 01:00-02:00 on Sunday 2025-11-02 (back at 06:00 UTC);
 * Sofia repeats 03:00-04:00 on Sunday 2025-10-26 (back at 01:00 UTC). A
 * window ending in the repeated hour closes, opens again when the clocks go
 * back, and closes when its end comes round the second time. */
static void
test_fall_back (void)
{
#define NY_WINDOW    0, 90, AIP_WEEKDAY_SUNDAY
#define SOFIA_WINDOW 120, 210, AIP_WEEKDAY_SUNDAY
  static const Case cases[] = {
    { NEW_YORK, NY_WINDOW, { 2025, 11, 2, 4, 0 }, OPEN,
      { 2025, 11, 2, 5, 30 }, "2025-11-02 01:30 EDT" },
    { NEW_YORK, NY_WINDOW, { 2025, 11, 2, 5, 30 }, CLOSED,
      { 2025, 11, 2, 6, 0 }, "2025-11-02 01:00 EST" },
    { NEW_YORK, NY_WINDOW, { 2025, 11, 2, 6, 0 }, OPEN,
      { 2025, 11, 2, 6, 30 }, "2025-11-02 01:30 EST" },
    { NEW_YORK, NY_WINDOW, { 2025, 11, 2, 6, 30 }, CLOSED,
      { 2025, 11, 9, 5, 0 }, "2025-11-09 00:00 EST" },
    { SOFIA, SOFIA_WINDOW, { 2025, 10, 25, 23, 0 }, OPEN,
      { 2025, 10, 26, 0, 30 }, "2025-10-26 03:30 EEST" },
    { SOFIA, SOFIA_WINDOW, { 2025, 10, 26, 0, 30 }, CLOSED,
      { 2025, 10, 26, 1, 0 }, "2025-10-26 03:00 EET" },
    { SOFIA, SOFIA_WINDOW, { 2025, 10, 26, 1, 0 }, OPEN,
      { 2025, 10, 26, 1, 30 }, "2025-10-26 03:30 EET" },
    { SOFIA, SOFIA_WINDOW, { 2025, 10, 26, 1, 30 }, CLOSED,
      { 2025, 11, 2, 0, 0 }, "2025-11-02 02:00 EET" },
  };
#undef NY_WINDOW
#undef SOFIA_WINDOW

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* For every instant of the weeks around each change, in steps that fall on
 * and between boundaries: the status agrees with GLib's own wall clock, and
 * the next change is really where the status first differs. */
static void
test_sweep (void)
{
  static const struct {
    const char *timezone;
    int month;
    int day;
  } weeks[] = {
    { NEW_YORK, 3, 6 },
    { NEW_YORK, 10, 30 },
    { SOFIA, 3, 27 },
    { SOFIA, 10, 23 },
  };
  g_autoptr(AipCallingHours) office = aip_calling_hours_new_default ();
  g_autoptr(AipCallingHours) night = hours (60 + 15, 3 * 60 + 45, AIP_WEEKDAYS_ALL);
  g_autoptr(AipCallingHours) weekend = hours (2 * 60 + 30, 1440,
                                              AIP_WEEKDAY_SATURDAY | AIP_WEEKDAY_SUNDAY);
  AipCallingHours *windows[] = { office, night, weekend };

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (weeks[w].timezone);
      g_autoptr(GDateTime) first = utc (2025, weeks[w].month, weeks[w].day, 0, 0);
      gint64 start = g_date_time_to_unix (first);

      for (guint h = 0; h < G_N_ELEMENTS (windows); h++)
        {
          AipCallingHours *self = windows[h];
          const char *timezone = weeks[w].timezone;

          for (gint64 t = start; t < start + 6 * 86400; t += 7 * 60 + 30)
            {
              g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (t);
              g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);
              g_autoptr(GDateTime) change = NULL;
              g_autoptr(GDateTime) just_before = NULL;
              int minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
              int weekday = g_date_time_get_day_of_week (local);
              gboolean expected;
              gboolean open;

              expected = (aip_calling_hours_get_days (self) & (1 << (weekday - 1))) != 0 &&
                         minute >= (int) aip_calling_hours_get_start_minute (self) &&
                         minute < (int) aip_calling_hours_get_end_minute (self);
              open = aip_calling_hours_is_open (self, timezone, now);
              g_assert_cmpint (open, ==, expected);

              change = aip_calling_hours_get_next_change (self, timezone, now);
              g_assert_nonnull (change);
              g_assert_cmpint (g_date_time_to_unix (change), >, t);
              g_assert_cmpint (g_date_time_to_unix (change) - t, <=, 8 * 86400);
              g_assert_cmpint (aip_calling_hours_is_open (self, timezone, change), !=, open);
              just_before = g_date_time_add_seconds (change, -1);
              g_assert_cmpint (aip_calling_hours_is_open (self, timezone, just_before), ==, open);
            }
        }
    }
}

static void
test_never_changes (void)
{
  g_autoptr(AipCallingHours) never = hours (540, 1080, 0);
  g_autoptr(AipCallingHours) always = hours (0, 1440, AIP_WEEKDAYS_ALL);
  g_autoptr(GDateTime) now = utc (2025, 7, 16, 15, 0);
  g_autofree char *closed = NULL;

  assert_status (never, SOFIA, now, AIP_CALLING_STATUS_CLOSED, NULL, NULL);
  assert_status (always, SOFIA, now, AIP_CALLING_STATUS_OPEN, NULL, NULL);

  closed = aip_calling_hours_format_status (AIP_CALLING_STATUS_CLOSED, NULL, TRUE);
  g_assert_cmpstr (closed, ==, "Closed");
  g_clear_pointer (&closed, g_free);
  closed = aip_calling_hours_format_tooltip (AIP_CALLING_STATUS_CLOSED, NULL, TRUE);
  g_assert_cmpstr (closed, ==, "No calling days are chosen in Preferences");
  g_clear_pointer (&closed, g_free);
  closed = aip_calling_hours_format_status (AIP_CALLING_STATUS_OPEN, NULL, TRUE);
  g_assert_cmpstr (closed, ==, "Open");
  g_clear_pointer (&closed, g_free);
  closed = aip_calling_hours_format_tooltip (AIP_CALLING_STATUS_OPEN, NULL, TRUE);
  g_assert_cmpstr (closed, ==, "May call at any hour on any day");
}

static void
test_unknown_timezone (void)
{
  static const char *names[] = {
    NULL, "", "Mars/Olympus_Mons", "America/", "/etc/passwd", "../../../etc/passwd",
    "America/../../../../etc/passwd", ":America/New_York", "leapseconds", "zone.tab",
    "America", "EST5EDT,M3.2.0,M11.1.0", "+05:00", "ABC5", "Europe//Sofia",
    "America/New_York\n",
  };
  g_autoptr(AipCallingHours) self = aip_calling_hours_new_default ();
  g_autoptr(GDateTime) now = utc (2025, 7, 16, 15, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GDateTime) change = NULL;
      g_autoptr(GDateTime) next = NULL;
      g_autofree char *label = NULL;
      AipCallingStatus status;

      /* Twice: the second answer comes from the cache. */
      for (guint pass = 0; pass < 2; pass++)
        {
          g_autoptr(GTimeZone) tz = aip_timezone_lookup (names[i]);

          g_assert_null (tz);
        }

      status = aip_calling_hours_get_status (self, names[i], now, &change);
      g_assert_cmpint (status, ==, AIP_CALLING_STATUS_UNKNOWN_TIMEZONE);
      g_assert_null (change);
      g_assert_false (aip_calling_hours_is_open (self, names[i], now));
      next = aip_calling_hours_get_next_change (self, names[i], now);
      g_assert_null (next);

      label = aip_calling_hours_format_status (status, change, TRUE);
      g_assert_cmpstr (label, ==, "Unknown timezone");
      g_clear_pointer (&label, g_free);
      label = aip_calling_hours_format_tooltip (status, change, TRUE);
      g_assert_cmpstr (label, ==, "This computer does not know the assistant’s timezone");
      g_assert_null (aip_calling_hours_format_next_change (status, change, TRUE));
    }

  /* Known names still resolve, more than once. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GTimeZone) tz = aip_timezone_lookup ("Etc/GMT+5");

      g_assert_nonnull (tz);
      g_assert_cmpint (g_time_zone_get_offset (tz, 0), ==, -5 * 3600);
    }
}

/* The list and the filters say what the hours mean: open until when, or
 * opening on which day at what time, on the assistant's own clock. */
static void
test_labels (void)
{
  static const struct {
    const char *timezone;
    int         day, hour, minute;     /* July 2025, UTC */
    gboolean    use_24h;
    const char *status;
    const char *tooltip;
  } cases[] = {
    /* Friday 20:00 in New York, Saturday 03:00 in Sofia (the person's). */
    { NEW_YORK, 19, 0, 0, TRUE, "Opens Mon 09:00", "Opens Mon 09:00 there, Mon 16:00 your time" },
    { NEW_YORK, 19, 0, 0, FALSE, "Opens Mon 9:00 AM", "Opens Mon 9:00 AM there, Mon 4:00 PM your time" },
    /* The same instant is Saturday in Sofia, on the person's clock too. */
    { SOFIA, 19, 0, 0, TRUE, "Opens Mon 09:00", "Opens Mon 09:00" },
    /* Tuesday 10:00 in New York. */
    { NEW_YORK, 15, 14, 0, TRUE, "Open until 18:00", "Closes Tue 18:00 there, Wed 01:00 your time" },
    { NEW_YORK, 15, 14, 0, FALSE, "Open until 6:00 PM", "Closes Tue 6:00 PM there, Wed 1:00 AM your time" },
    /* Tuesday 08:59 in Sofia: opens within the minute, the same day. */
    { SOFIA, 15, 5, 59, TRUE, "Opens Tue 09:00", "Opens Tue 09:00" },
    { SOFIA, 15, 14, 59, FALSE, "Open until 6:00 PM", "Closes Tue 6:00 PM" },
  };
  g_autoptr(AipCallingHours) self = aip_calling_hours_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = utc (2025, 7, cases[i].day, cases[i].hour, cases[i].minute);
      g_autoptr(GDateTime) change = NULL;
      g_autofree char *status_text = NULL;
      g_autofree char *tooltip = NULL;
      AipCallingStatus status;

      g_test_message ("case %u", i);
      status = aip_calling_hours_get_status (self, cases[i].timezone, now, &change);
      status_text = aip_calling_hours_format_status (status, change, cases[i].use_24h);
      g_assert_cmpstr (status_text, ==, cases[i].status);
      tooltip = aip_calling_hours_format_tooltip (status, change, cases[i].use_24h);
      g_assert_cmpstr (tooltip, ==, cases[i].tooltip);
    }
}

/* Only an active assistant calls, and only inside the window. */
static void
test_may_call (void)
{
  static const struct {
    const char *status;
    const char *timezone;
    gboolean    may_call;
  } cases[] = {
    { "active", NEW_YORK, TRUE },
    { "active", SOFIA, FALSE },
    { "inactive", NEW_YORK, FALSE },
    { "paused", NEW_YORK, FALSE },
    { "active", "Mars/Olympus_Mons", FALSE },
  };
  g_autoptr(AipCallingHours) self = aip_calling_hours_new_default ();
  /* Tuesday 10:00 in New York, 17:00 in Sofia... */
  g_autoptr(GDateTime) now = utc (2025, 7, 15, 14, 0);
  /* ...and at 19:00 Sofia is closed. */
  g_autoptr(GDateTime) evening = utc (2025, 7, 15, 16, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = aip_test_assistant_object (123);
      g_autoptr(AipAssistant) assistant = NULL;

      json_object_set_string_member (object, "status", cases[i].status);
      json_object_set_string_member (object, "timezone", cases[i].timezone);
      assistant = aip_test_assistant_from_object (object);

      g_assert_cmpint (aip_calling_hours_may_call (self, assistant, evening), ==,
                       cases[i].may_call);
    }

  {
    g_autoptr(JsonObject) object = aip_test_assistant_object (124);
    g_autoptr(AipAssistant) assistant = NULL;

    json_object_set_string_member (object, "timezone", SOFIA);
    assistant = aip_test_assistant_from_object (object);
    g_assert_true (aip_calling_hours_may_call (self, assistant, now));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Fixed English weekday names for the labels, and the person's own
   * clock in Sofia for the tooltips. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", SOFIA, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calling-hours/default", test_default);
  g_test_add_func ("/calling-hours/invalid", test_invalid);
  g_test_add_func ("/calling-hours/settings", test_settings);
  g_test_add_func ("/calling-hours/edges", test_edges);
  g_test_add_func ("/calling-hours/weekend", test_weekend);
  g_test_add_func ("/calling-hours/midnight", test_midnight);
  g_test_add_func ("/calling-hours/spring-forward", test_spring_forward);
  g_test_add_func ("/calling-hours/fall-back", test_fall_back);
  g_test_add_func ("/calling-hours/sweep", test_sweep);
  g_test_add_func ("/calling-hours/never-changes", test_never_changes);
  g_test_add_func ("/calling-hours/unknown-timezone", test_unknown_timezone);
  g_test_add_func ("/calling-hours/labels", test_labels);
  g_test_add_func ("/calling-hours/may-call", test_may_call);

  return g_test_run ();
}
