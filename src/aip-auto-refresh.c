/* aip-auto-refresh.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aiployees-assistants"

#include "config.h"

#include "aip-auto-refresh.h"

/* Refreshes an account on its own: an AipRefreshSchedule holds the policy,
 * this object feeds it what the account and the network do and keeps one
 * timeout armed with the delay the schedule asks for. */
struct _AipAutoRefresh
{
  GObject             parent_instance;

  AipAccount         *account;
  AipRefreshSchedule *schedule;
  GNetworkMonitor    *monitor;
  /* Microseconds since 1970, or 0 for the computer's clock. */
  gint64              now;
  guint               timeout;
};

G_DEFINE_FINAL_TYPE (AipAutoRefresh, aip_auto_refresh, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_ONLINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gint64
current_time (AipAutoRefresh *self)
{
  /* Real time, not monotonic: a computer that slept has waited too. */
  return self->now != 0 ? self->now : g_get_real_time ();
}

static gboolean timeout_cb (gpointer user_data);

static void
rearm (AipAutoRefresh *self)
{
  gint64 delay;

  g_clear_handle_id (&self->timeout, g_source_remove);

  delay = aip_refresh_schedule_next_delay (self->schedule, current_time (self));
  if (delay < 0)
    return;

  self->timeout = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) MIN (delay, G_MAXUINT),
                                      timeout_cb, self, NULL);
}

static gboolean
timeout_cb (gpointer user_data)
{
  AipAutoRefresh *self = user_data;

  self->timeout = 0;
  aip_auto_refresh_check (self);
  rearm (self);

  return G_SOURCE_REMOVE;
}

static void
refreshing_cb (AipAutoRefresh *self)
{
  gint64 now = current_time (self);

  if (aip_account_get_refreshing (self->account))
    aip_refresh_schedule_record_start (self->schedule, now);
  else if (aip_refresh_schedule_get_running (self->schedule))
    {
      /* A good answer was recorded as it came; what ends otherwise either
       * failed or was cancelled for another token or server, whose own
       * first answer starts the schedule again. */
      if (aip_account_get_state (self->account) == AIP_ACCOUNT_STATE_ERROR)
        aip_refresh_schedule_record_failure (self->schedule, now,
                                             aip_account_get_retry_after (self->account));
      else
        aip_refresh_schedule_reset (self->schedule);
    }

  rearm (self);
}

static void
response_received_cb (AipAutoRefresh *self)
{
  /* Also after a sign-in, which fetches without a refresh. */
  aip_refresh_schedule_record_success (self->schedule, current_time (self));
  rearm (self);
}

static void
state_cb (AipAutoRefresh *self)
{
  if (aip_account_get_state (self->account) != AIP_ACCOUNT_STATE_SIGNED_OUT)
    return;

  aip_refresh_schedule_reset (self->schedule);
  rearm (self);
}

static void
network_cb (AipAutoRefresh *self)
{
  gboolean online = g_network_monitor_get_network_available (self->monitor);

  if (aip_refresh_schedule_get_online (self->schedule) == online)
    return;

  aip_refresh_schedule_set_online (self->schedule, online);
  rearm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE]);
}

static void
aip_auto_refresh_constructed (GObject *object)
{
  AipAutoRefresh *self = (AipAutoRefresh *)object;

  G_OBJECT_CLASS (aip_auto_refresh_parent_class)->constructed (object);

  g_assert (AIP_IS_ACCOUNT (self->account));

  g_signal_connect_object (self->account, "notify::refreshing",
                           G_CALLBACK (refreshing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::state",
                           G_CALLBACK (state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aip_account_get_repository (self->account), "response-received",
                           G_CALLBACK (response_received_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->schedule, "notify::interval",
                           G_CALLBACK (rearm), self, G_CONNECT_SWAPPED);

  aip_auto_refresh_set_network_monitor (self, g_network_monitor_get_default ());

  if (aip_account_get_refreshing (self->account))
    refreshing_cb (self);
}

static void
aip_auto_refresh_dispose (GObject *object)
{
  AipAutoRefresh *self = (AipAutoRefresh *)object;

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->schedule);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (aip_auto_refresh_parent_class)->dispose (object);
}

static void
aip_auto_refresh_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AipAutoRefresh *self = AIP_AUTO_REFRESH (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, aip_auto_refresh_get_online (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_auto_refresh_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AipAutoRefresh *self = AIP_AUTO_REFRESH (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aip_auto_refresh_class_init (AipAutoRefreshClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aip_auto_refresh_constructed;
  object_class->dispose = aip_auto_refresh_dispose;
  object_class->get_property = aip_auto_refresh_get_property;
  object_class->set_property = aip_auto_refresh_set_property;

  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, AIP_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AipAutoRefresh:online:
   *
   * Whether the network monitor sees a network; nothing is refreshed on
   * its own while it does not, and a refresh follows its return.
   */
  properties [PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aip_auto_refresh_init (AipAutoRefresh *self)
{
  self->schedule = aip_refresh_schedule_new ();
}

/**
 * aip_auto_refresh_new:
 * @account: the account to refresh
 *
 * Returns: (transfer full): a new #AipAutoRefresh following the system's
 *   network monitor, with the schedule's default interval
 */
AipAutoRefresh *
aip_auto_refresh_new (AipAccount *account)
{
  g_return_val_if_fail (AIP_IS_ACCOUNT (account), NULL);

  return g_object_new (AIP_TYPE_AUTO_REFRESH, "account", account, NULL);
}

/**
 * aip_auto_refresh_get_schedule:
 * @self: a #AipAutoRefresh
 *
 * Returns: (transfer none): the schedule; set its interval to change how
 *   often the account is refreshed
 */
AipRefreshSchedule *
aip_auto_refresh_get_schedule (AipAutoRefresh *self)
{
  g_return_val_if_fail (AIP_IS_AUTO_REFRESH (self), NULL);

  return self->schedule;
}

/**
 * aip_auto_refresh_get_network_monitor:
 * @self: a #AipAutoRefresh
 *
 * Returns: (transfer none): the monitor that tells whether there is a network
 */
GNetworkMonitor *
aip_auto_refresh_get_network_monitor (AipAutoRefresh *self)
{
  g_return_val_if_fail (AIP_IS_AUTO_REFRESH (self), NULL);

  return self->monitor;
}

/**
 * aip_auto_refresh_set_network_monitor:
 * @self: a #AipAutoRefresh
 * @monitor: the monitor to follow instead of the system's
 */
void
aip_auto_refresh_set_network_monitor (AipAutoRefresh  *self,
                                      GNetworkMonitor *monitor)
{
  g_return_if_fail (AIP_IS_AUTO_REFRESH (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));

  if (self->monitor == monitor)
    return;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_set_object (&self->monitor, monitor);

  g_signal_connect_object (monitor, "notify::network-available",
                           G_CALLBACK (network_cb), self, G_CONNECT_SWAPPED);
  network_cb (self);
}

gboolean
aip_auto_refresh_get_online (AipAutoRefresh *self)
{
  g_return_val_if_fail (AIP_IS_AUTO_REFRESH (self), FALSE);

  return aip_refresh_schedule_get_online (self->schedule);
}

/**
 * aip_auto_refresh_set_now:
 * @self: a #AipAutoRefresh
 * @now: the time in microseconds since 1970, or 0 for the computer's clock
 *
 * Stops the clock the schedule is judged by at @now, for tests; the timer
 * is armed again for the new time.
 */
void
aip_auto_refresh_set_now (AipAutoRefresh *self,
                          gint64          now)
{
  g_return_if_fail (AIP_IS_AUTO_REFRESH (self));
  g_return_if_fail (now >= 0);

  self->now = now;
  rearm (self);
}

/**
 * aip_auto_refresh_check:
 * @self: a #AipAutoRefresh
 *
 * Refreshes the account if the schedule says a refresh is due now; the
 * timer calls this when its time comes.
 *
 * Returns: whether a refresh started
 */
gboolean
aip_auto_refresh_check (AipAutoRefresh *self)
{
  g_return_val_if_fail (AIP_IS_AUTO_REFRESH (self), FALSE);

  if (!aip_refresh_schedule_is_due (self->schedule, current_time (self)))
    return FALSE;

  aip_account_refresh (self->account);
  if (aip_account_get_refreshing (self->account))
    return TRUE;

  /* The account refreshes nothing (sample data, no token): asking again
   * at once would spin; the next refresh that happens starts over. */
  aip_refresh_schedule_reset (self->schedule);
  rearm (self);

  return FALSE;
}
