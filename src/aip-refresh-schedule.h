/* aip-refresh-schedule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AIP_TYPE_REFRESH_SCHEDULE (aip_refresh_schedule_get_type ())

G_DECLARE_FINAL_TYPE (AipRefreshSchedule, aip_refresh_schedule, AIP, REFRESH_SCHEDULE, GObject)

AipRefreshSchedule *aip_refresh_schedule_new            (void);
guint               aip_refresh_schedule_get_interval   (AipRefreshSchedule *self);
void                aip_refresh_schedule_set_interval   (AipRefreshSchedule *self,
                                                         guint               minutes);
gboolean            aip_refresh_schedule_get_online     (AipRefreshSchedule *self);
void                aip_refresh_schedule_set_online     (AipRefreshSchedule *self,
                                                         gboolean            online);
gboolean            aip_refresh_schedule_get_running    (AipRefreshSchedule *self);
guint               aip_refresh_schedule_get_n_failures (AipRefreshSchedule *self);
void                aip_refresh_schedule_record_start   (AipRefreshSchedule *self,
                                                         gint64              now);
void                aip_refresh_schedule_record_success (AipRefreshSchedule *self,
                                                         gint64              now);
void                aip_refresh_schedule_record_failure (AipRefreshSchedule *self,
                                                         gint64              now,
                                                         guint               retry_after);
void                aip_refresh_schedule_reset          (AipRefreshSchedule *self);
gint64              aip_refresh_schedule_next_delay     (AipRefreshSchedule *self,
                                                         gint64              now);
gboolean            aip_refresh_schedule_is_due         (AipRefreshSchedule *self,
                                                         gint64              now);

G_END_DECLS
