/* aip-refresh-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include <glib/gi18n.h>

#include "aip-refresh-schedule.h"

/* The policy of automatic refreshes, without a timer of its own: the window
 * asks for the delay after each change and arms its one timeout with it,
 * and the tests give it whatever clock they like. Times are microseconds
 * (g_get_real_time() in the window, so that a sleep of the computer
 * counts as waiting). */
struct _AipRefreshSchedule
{
  GObject  parent_instance;

  guint    interval;
  guint    n_failures;
  guint    retry_after;
  gint64   last_finished;
  guint    has_finished : 1;
  guint    online : 1;
  guint    running : 1;
  guint    back_online : 1;
};

G_DEFINE_FINAL_TYPE (AipRefreshSchedule, aip_refresh_schedule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_ONLINE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define MAX_INTERVAL_MINUTES 60
#define MAX_BACKOFF          ((gint64) 30 * 60 * G_USEC_PER_SEC)

static void
set_running (AipRefreshSchedule *self,
             gboolean            running)
{
  if (self->running == !!running)
    return;

  self->running = !!running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* How long to wait after the last refresh ended: the interval; after n
 * failures in a row the interval times 2^(n-1), up to 30 minutes or the
 * interval, whichever is longer; never less than the server's Retry-After. */
static gint64
wait_after_last (AipRefreshSchedule *self)
{
  gint64 interval = (gint64) self->interval * 60 * G_USEC_PER_SEC;
  gint64 cap = MAX (MAX_BACKOFF, interval);
  gint64 wait = interval;

  for (guint i = 1; i < self->n_failures && wait < cap; i++)
    wait *= 2;
  wait = MIN (wait, cap);

  return MAX (wait, (gint64) self->retry_after * G_USEC_PER_SEC);
}

static void
aip_refresh_schedule_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AipRefreshSchedule *self = AIP_REFRESH_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_refresh_schedule_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AipRefreshSchedule *self = AIP_REFRESH_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      aip_refresh_schedule_set_interval (self, g_value_get_uint (value));
      break;

    case PROP_ONLINE:
      aip_refresh_schedule_set_online (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_refresh_schedule_class_init (AipRefreshScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aip_refresh_schedule_get_property;
  object_class->set_property = aip_refresh_schedule_set_property;

  /**
   * AipRefreshSchedule:interval:
   *
   * Minutes between automatic refreshes; 0 turns them off.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       0, MAX_INTERVAL_MINUTES, 5,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AipRefreshSchedule:online:
   *
   * Whether the network is up; nothing is due while it is down, and a
   * refresh is due as soon as it returns.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AipRefreshSchedule:running:
   *
   * Whether a refresh, automatic or not, is under way.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_refresh_schedule_init (AipRefreshSchedule *self)
{
  self->interval = 5;
  self->online = TRUE;
}

/**
 * aip_refresh_schedule_new:
 *
 * Returns: (transfer full): a schedule with a 5-minute interval, online,
 *   with no refresh recorded yet
 */
AipRefreshSchedule *
aip_refresh_schedule_new (void)
{
  return g_object_new (AIP_TYPE_REFRESH_SCHEDULE, NULL);
}

guint
aip_refresh_schedule_get_interval (AipRefreshSchedule *self)
{
  g_return_val_if_fail (AIP_IS_REFRESH_SCHEDULE (self), 0);

  return self->interval;
}

/**
 * aip_refresh_schedule_set_interval:
 * @self: a schedule
 * @minutes: minutes between automatic refreshes (0, 1, 5, 15 or 60); 0
 *   turns them off
 *
 * The new interval counts from the end of the last refresh, so a shorter
 * one can make a refresh due at once.
 */
void
aip_refresh_schedule_set_interval (AipRefreshSchedule *self,
                                   guint               minutes)
{
  g_return_if_fail (AIP_IS_REFRESH_SCHEDULE (self));

  minutes = MIN (minutes, MAX_INTERVAL_MINUTES);
  if (self->interval == minutes)
    return;

  self->interval = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

gboolean
aip_refresh_schedule_get_online (AipRefreshSchedule *self)
{
  g_return_val_if_fail (AIP_IS_REFRESH_SCHEDULE (self), FALSE);

  return self->online;
}

void
aip_refresh_schedule_set_online (AipRefreshSchedule *self,
                                 gboolean            online)
{
  g_return_if_fail (AIP_IS_REFRESH_SCHEDULE (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  if (online)
    self->back_online = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

gboolean
aip_refresh_schedule_get_running (AipRefreshSchedule *self)
{
  g_return_val_if_fail (AIP_IS_REFRESH_SCHEDULE (self), FALSE);

  return self->running;
}

/**
 * aip_refresh_schedule_get_n_failures:
 * @self: a schedule
 *
 * Returns: how many refreshes in a row have failed
 */
guint
aip_refresh_schedule_get_n_failures (AipRefreshSchedule *self)
{
  g_return_val_if_fail (AIP_IS_REFRESH_SCHEDULE (self), 0);

  return self->n_failures;
}

/**
 * aip_refresh_schedule_record_start:
 * @self: a schedule
 * @now: the current time in microseconds
 *
 * Records that a refresh, automatic or asked for, has started; nothing is
 * due until it ends.
 */
void
aip_refresh_schedule_record_start (AipRefreshSchedule *self,
                                   gint64              now)
{
  g_return_if_fail (AIP_IS_REFRESH_SCHEDULE (self));

  set_running (self, TRUE);
}

/**
 * aip_refresh_schedule_record_success:
 * @self: a schedule
 * @now: the current time in microseconds
 *
 * Records a good refresh: the back-off is forgotten and the next refresh
 * is due one interval from @now.
 */
void
aip_refresh_schedule_record_success (AipRefreshSchedule *self,
                                     gint64              now)
{
  g_return_if_fail (AIP_IS_REFRESH_SCHEDULE (self));

  self->n_failures = 0;
  self->retry_after = 0;
  self->last_finished = now;
  self->has_finished = TRUE;
  self->back_online = FALSE;
  set_running (self, FALSE);
}

/**
 * aip_refresh_schedule_record_failure:
 * @self: a schedule
 * @now: the current time in microseconds
 * @retry_after: the server's Retry-After in seconds, 0 when it gave none
 *
 * Records a failed refresh: each failure in a row doubles the wait.
 */
void
aip_refresh_schedule_record_failure (AipRefreshSchedule *self,
                                     gint64              now,
                                     guint               retry_after)
{
  g_return_if_fail (AIP_IS_REFRESH_SCHEDULE (self));

  if (self->n_failures < G_MAXUINT)
    self->n_failures++;
  self->retry_after = retry_after;
  self->last_finished = now;
  self->has_finished = TRUE;
  self->back_online = FALSE;
  set_running (self, FALSE);
}

/**
 * aip_refresh_schedule_reset:
 * @self: a schedule
 *
 * Forgets every refresh, as after signing out: nothing is due until the
 * next refresh has been recorded.
 */
void
aip_refresh_schedule_reset (AipRefreshSchedule *self)
{
  g_return_if_fail (AIP_IS_REFRESH_SCHEDULE (self));

  self->n_failures = 0;
  self->retry_after = 0;
  self->last_finished = 0;
  self->has_finished = FALSE;
  self->back_online = FALSE;
  set_running (self, FALSE);
}

/**
 * aip_refresh_schedule_next_delay:
 * @self: a schedule
 * @now: the current time in microseconds
 *
 * Tells how long to wait before the next automatic refresh. Nothing is
 * due while a refresh runs, while offline, when the interval is off or
 * before the first refresh has ended. When the network returns a refresh
 * is due at once, still not before the server's Retry-After. If the clock
 * went back, the wait is never longer than a whole one.
 *
 * Returns: the delay in milliseconds, rounded up, 0 when due now, or -1
 *   when no automatic refresh is due
 */
gint64
aip_refresh_schedule_next_delay (AipRefreshSchedule *self,
                                 gint64              now)
{
  gint64 wait;
  gint64 remaining;

  g_return_val_if_fail (AIP_IS_REFRESH_SCHEDULE (self), -1);

  if (self->running || !self->online || !self->has_finished)
    return -1;

  if (self->back_online)
    wait = (gint64) self->retry_after * G_USEC_PER_SEC;
  else if (self->interval == 0)
    return -1;
  else
    wait = wait_after_last (self);

  remaining = CLAMP (self->last_finished + wait - now, 0, wait);

  return (remaining + 999) / 1000;
}

/**
 * aip_refresh_schedule_is_due:
 * @self: a schedule
 * @now: the current time in microseconds
 *
 * Returns: whether an automatic refresh should start now
 */
gboolean
aip_refresh_schedule_is_due (AipRefreshSchedule *self,
                             gint64              now)
{
  g_return_val_if_fail (AIP_IS_REFRESH_SCHEDULE (self), FALSE);

  return aip_refresh_schedule_next_delay (self, now) == 0;
}
