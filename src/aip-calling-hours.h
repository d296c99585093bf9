/* aip-calling-hours.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AipAssistant AipAssistant;

typedef enum
{
  AIP_WEEKDAY_MONDAY    = 1 << 0,
  AIP_WEEKDAY_TUESDAY   = 1 << 1,
  AIP_WEEKDAY_WEDNESDAY = 1 << 2,
  AIP_WEEKDAY_THURSDAY  = 1 << 3,
  AIP_WEEKDAY_FRIDAY    = 1 << 4,
  AIP_WEEKDAY_SATURDAY  = 1 << 5,
  AIP_WEEKDAY_SUNDAY    = 1 << 6,
} AipWeekdays;

#define AIP_WEEKDAYS_WORKWEEK (AIP_WEEKDAY_MONDAY | AIP_WEEKDAY_TUESDAY | AIP_WEEKDAY_WEDNESDAY | \
                               AIP_WEEKDAY_THURSDAY | AIP_WEEKDAY_FRIDAY)
#define AIP_WEEKDAYS_ALL      ((AipWeekdays) 0x7f)

typedef enum
{
  AIP_CALLING_STATUS_OPEN,
  AIP_CALLING_STATUS_CLOSED,
  AIP_CALLING_STATUS_UNKNOWN_TIMEZONE,
} AipCallingStatus;

#define AIP_CALLING_HOURS_ERROR (aip_calling_hours_error_quark ())

typedef enum
{
  AIP_CALLING_HOURS_ERROR_INVALID,
} AipCallingHoursError;

#define AIP_TYPE_CALLING_HOURS (aip_calling_hours_get_type ())

typedef struct _AipCallingHours AipCallingHours;

GQuark            aip_calling_hours_error_quark        (void);
GType             aip_calling_hours_get_type           (void) G_GNUC_CONST;
AipCallingHours  *aip_calling_hours_new                (guint              start_minute,
                                                        guint              end_minute,
                                                        AipWeekdays        days,
                                                        GError           **error);
AipCallingHours  *aip_calling_hours_new_default        (void);
AipCallingHours  *aip_calling_hours_new_from_settings  (GSettings         *settings);
AipCallingHours  *aip_calling_hours_ref                (AipCallingHours   *self);
void              aip_calling_hours_unref              (AipCallingHours   *self);
gboolean          aip_calling_hours_equal              (AipCallingHours   *a,
                                                        AipCallingHours   *b);
guint             aip_calling_hours_get_start_minute   (AipCallingHours   *self);
guint             aip_calling_hours_get_end_minute     (AipCallingHours   *self);
AipWeekdays       aip_calling_hours_get_days           (AipCallingHours   *self);
gboolean          aip_calling_hours_is_open            (AipCallingHours   *self,
                                                        const char        *timezone,
                                                        GDateTime         *now);
gboolean          aip_calling_hours_may_call           (AipCallingHours   *self,
                                                        AipAssistant      *assistant,
                                                        GDateTime         *now);
GDateTime        *aip_calling_hours_get_next_change    (AipCallingHours   *self,
                                                        const char        *timezone,
                                                        GDateTime         *after);
AipCallingStatus  aip_calling_hours_get_status         (AipCallingHours   *self,
                                                        const char        *timezone,
                                                        GDateTime         *now,
                                                        GDateTime        **next_change);
char             *aip_calling_hours_format_status      (AipCallingStatus   status,
                                                        GDateTime         *next_change,
                                                        gboolean           use_24h);
char             *aip_calling_hours_format_tooltip     (AipCallingStatus   status,
                                                        GDateTime         *next_change,
                                                        gboolean           use_24h);
char             *aip_calling_hours_format_next_change (AipCallingStatus   status,
                                                        GDateTime         *next_change,
                                                        gboolean           use_24h);
char             *aip_calling_hours_format_moment      (GDateTime         *moment,
                                                        gboolean           use_24h);

GTimeZone        *aip_timezone_lookup                  (const char        *identifier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AipCallingHours, aip_calling_hours_unref)

G_END_DECLS
