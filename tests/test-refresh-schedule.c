/* test-refresh-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-refresh-schedule.h"

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)
#define MS(minutes) ((gint64) (minutes) * 60 * 1000)

/* An arbitrary fixed start, so that nothing depends on the real clock. */
#define T0 ((gint64) 1752670800 * G_USEC_PER_SEC)

static void
test_defaults (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  g_assert_cmpuint (aip_refresh_schedule_get_interval (self), ==, 5);
  g_assert_true (aip_refresh_schedule_get_online (self));
  g_assert_false (aip_refresh_schedule_get_running (self));

  /* Nothing is automatic before the first refresh has ended. */
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, -1);
  g_assert_false (aip_refresh_schedule_is_due (self, T0));
}

static void
test_interval (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  aip_refresh_schedule_record_start (self, T0);
  g_assert_true (aip_refresh_schedule_get_running (self));
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, -1);

  aip_refresh_schedule_record_success (self, T0);
  g_assert_false (aip_refresh_schedule_get_running (self));
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, MS (5));
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 2 * MINUTE), ==, MS (3));
  /* Rounded up, so a timer armed with it never fires early. */
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 5 * MINUTE - 1), ==, 1);
  g_assert_false (aip_refresh_schedule_is_due (self, T0 + 5 * MINUTE - 1));
  g_assert_true (aip_refresh_schedule_is_due (self, T0 + 5 * MINUTE));
  g_assert_true (aip_refresh_schedule_is_due (self, T0 + 50 * MINUTE));

  /* Each interval, counted from the end of the last refresh. */
  for (guint i = 0; i < 4; i++)
    {
      static const guint intervals[] = { 1, 15, 60, 5 };

      aip_refresh_schedule_set_interval (self, intervals[i]);
      g_assert_cmpuint (aip_refresh_schedule_get_interval (self), ==, intervals[i]);
      g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, MS (intervals[i]));
    }

  /* A shorter interval can make a refresh due at once. */
  aip_refresh_schedule_set_interval (self, 15);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 10 * MINUTE), ==, MS (5));
  aip_refresh_schedule_set_interval (self, 1);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 10 * MINUTE), ==, 0);

  /* Off. */
  aip_refresh_schedule_set_interval (self, 0);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 10 * MINUTE), ==, -1);
  g_assert_false (aip_refresh_schedule_is_due (self, T0 + 100 * MINUTE));
}

static void
test_running (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  aip_refresh_schedule_record_success (self, T0);
  aip_refresh_schedule_record_start (self, T0 + 10 * MINUTE);
  g_assert_false (aip_refresh_schedule_is_due (self, T0 + 20 * MINUTE));
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 20 * MINUTE), ==, -1);

  aip_refresh_schedule_record_success (self, T0 + 21 * MINUTE);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 21 * MINUTE), ==, MS (5));
}

/* The sequence of waits after failures in a row, for each interval: the
 * interval, then doubled each time, up to 30 minutes or the interval,
 * whichever is longer; a success starts over. */
static void
test_backoff (void)
{
  static const struct {
    guint interval;
    guint waits[8];
  } cases[] = {
    { 1, { 1, 2, 4, 8, 16, 30, 30, 30 } },
    { 5, { 5, 10, 20, 30, 30, 30, 30, 30 } },
    { 15, { 15, 30, 30, 30, 30, 30, 30, 30 } },
    { 60, { 60, 60, 60, 60, 60, 60, 60, 60 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();
      gint64 now = T0;

      aip_refresh_schedule_set_interval (self, cases[c].interval);
      aip_refresh_schedule_record_success (self, now);

      for (guint i = 0; i < G_N_ELEMENTS (cases[c].waits); i++)
        {
          gint64 delay;

          aip_refresh_schedule_record_start (self, now);
          now += 3 * G_USEC_PER_SEC;
          aip_refresh_schedule_record_failure (self, now, 0);
          g_assert_cmpuint (aip_refresh_schedule_get_n_failures (self), ==, i + 1);

          delay = aip_refresh_schedule_next_delay (self, now);
          g_assert_cmpint (delay, ==, MS (cases[c].waits[i]));
          g_assert_false (aip_refresh_schedule_is_due (self, now + delay * 1000 - 1));
          g_assert_true (aip_refresh_schedule_is_due (self, now + delay * 1000));
          now += delay * 1000;
        }

      aip_refresh_schedule_record_start (self, now);
      aip_refresh_schedule_record_success (self, now);
      g_assert_cmpuint (aip_refresh_schedule_get_n_failures (self), ==, 0);
      g_assert_cmpint (aip_refresh_schedule_next_delay (self, now), ==, MS (cases[c].interval));

      /* After the reset the first failure waits one interval again. */
      aip_refresh_schedule_record_failure (self, now, 0);
      g_assert_cmpint (aip_refresh_schedule_next_delay (self, now), ==, MS (cases[c].interval));
    }
}

static void
test_retry_after (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  aip_refresh_schedule_set_interval (self, 1);
  aip_refresh_schedule_record_success (self, T0);

  /* Longer than the back-off: the server's wait wins. */
  aip_refresh_schedule_record_failure (self, T0, 900);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, 900 * 1000);
  g_assert_false (aip_refresh_schedule_is_due (self, T0 + 899 * G_USEC_PER_SEC));

  /* Even beyond the 30-minute cap. */
  aip_refresh_schedule_record_failure (self, T0, 7200);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, 7200 * 1000);

  /* Shorter than the back-off (third failure: 4 minutes): the back-off wins. */
  aip_refresh_schedule_record_failure (self, T0, 10);
  g_assert_cmpuint (aip_refresh_schedule_get_n_failures (self), ==, 3);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, MS (4));

  /* A success forgets it. */
  aip_refresh_schedule_record_failure (self, T0, 7200);
  aip_refresh_schedule_record_success (self, T0);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, MS (1));
}

static void
test_offline (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  aip_refresh_schedule_record_success (self, T0);
  aip_refresh_schedule_set_online (self, FALSE);
  g_assert_false (aip_refresh_schedule_get_online (self));
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 60 * MINUTE), ==, -1);

  /* The network returns: a refresh follows at once. */
  aip_refresh_schedule_set_online (self, TRUE);
  g_assert_true (aip_refresh_schedule_is_due (self, T0 + 61 * MINUTE));
  /* Even right after the last one. */
  g_assert_true (aip_refresh_schedule_is_due (self, T0 + 1));

  /* Once it has run, the interval applies again. */
  aip_refresh_schedule_record_start (self, T0 + 61 * MINUTE);
  aip_refresh_schedule_record_failure (self, T0 + 61 * MINUTE, 0);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 61 * MINUTE), ==, MS (5));

  /* The return still honours the server's Retry-After. */
  aip_refresh_schedule_record_failure (self, T0, 120);
  aip_refresh_schedule_set_online (self, FALSE);
  aip_refresh_schedule_set_online (self, TRUE);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + MINUTE), ==, 60 * 1000);

  /* And follows even when automatic refreshes are off. */
  aip_refresh_schedule_set_interval (self, 0);
  g_assert_true (aip_refresh_schedule_is_due (self, T0 + 2 * MINUTE));
}

static void
test_clock_back (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  aip_refresh_schedule_record_success (self, T0);
  /* The clock was set a day back: wait one interval, not a day. */
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 - 24 * 60 * MINUTE), ==, MS (5));
}

static void
test_reset (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();

  aip_refresh_schedule_record_start (self, T0);
  aip_refresh_schedule_record_failure (self, T0, 600);
  aip_refresh_schedule_reset (self);
  g_assert_cmpuint (aip_refresh_schedule_get_n_failures (self), ==, 0);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0 + 60 * MINUTE), ==, -1);

  aip_refresh_schedule_record_success (self, T0);
  g_assert_cmpint (aip_refresh_schedule_next_delay (self, T0), ==, MS (5));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *n_notifies)
{
  (*n_notifies)++;
}

static void
test_properties (void)
{
  g_autoptr(AipRefreshSchedule) self = aip_refresh_schedule_new ();
  guint n_notifies = 0;
  guint interval;

  g_signal_connect (self, "notify", G_CALLBACK (notify_cb), &n_notifies);

  g_object_set (self, "interval", 15, NULL);
  g_object_get (self, "interval", &interval, NULL);
  g_assert_cmpuint (interval, ==, 15);
  g_assert_cmpuint (n_notifies, ==, 1);

  /* Only real changes notify. */
  aip_refresh_schedule_set_interval (self, 15);
  g_assert_cmpuint (n_notifies, ==, 1);

  aip_refresh_schedule_set_online (self, FALSE);
  aip_refresh_schedule_set_online (self, FALSE);
  g_assert_cmpuint (n_notifies, ==, 2);

  aip_refresh_schedule_record_start (self, T0);
  aip_refresh_schedule_record_start (self, T0);
  g_assert_cmpuint (n_notifies, ==, 3);
  aip_refresh_schedule_record_success (self, T0);
  g_assert_cmpuint (n_notifies, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/refresh-schedule/defaults", test_defaults);
  g_test_add_func ("/refresh-schedule/interval", test_interval);
  g_test_add_func ("/refresh-schedule/running", test_running);
  g_test_add_func ("/refresh-schedule/backoff", test_backoff);
  g_test_add_func ("/refresh-schedule/retry-after", test_retry_after);
  g_test_add_func ("/refresh-schedule/offline", test_offline);
  g_test_add_func ("/refresh-schedule/clock-back", test_clock_back);
  g_test_add_func ("/refresh-schedule/reset", test_reset);
  g_test_add_func ("/refresh-schedule/properties", test_properties);

  return g_test_run ();
}
