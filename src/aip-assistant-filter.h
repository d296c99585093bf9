/* aip-assistant-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-assistant.h"
#include "aip-calling-hours.h"

G_BEGIN_DECLS

/* The facets a person picks from; text search is not one of them. */
typedef enum
{
  AIP_FILTER_FACET_NONE,
  AIP_FILTER_FACET_STATUS,
  AIP_FILTER_FACET_TIMEZONE,
  AIP_FILTER_FACET_MODE,
  AIP_FILTER_FACET_CALLING_NOW,
  AIP_FILTER_FACET_NEEDS_ATTENTION,
} AipFilterFacet;

#define AIP_TYPE_ASSISTANT_FILTER (aip_assistant_filter_get_type ())

G_DECLARE_FINAL_TYPE (AipAssistantFilter, aip_assistant_filter, AIP, ASSISTANT_FILTER, GtkFilter)

AipAssistantFilter *aip_assistant_filter_new          (void);
const char         *aip_assistant_filter_get_status   (AipAssistantFilter *self);
void                aip_assistant_filter_set_status   (AipAssistantFilter *self,
                                                       const char         *status);
const char         *aip_assistant_filter_get_timezone (AipAssistantFilter *self);
void                aip_assistant_filter_set_timezone (AipAssistantFilter *self,
                                                       const char         *timezone);
const char         *aip_assistant_filter_get_mode     (AipAssistantFilter *self);
void                aip_assistant_filter_set_mode     (AipAssistantFilter *self,
                                                       const char         *mode);
const char         *aip_assistant_filter_get_search   (AipAssistantFilter *self);
void                aip_assistant_filter_set_search   (AipAssistantFilter *self,
                                                       const char         *search);
gboolean            aip_assistant_filter_get_calling_now (AipAssistantFilter *self);
void                aip_assistant_filter_set_calling_now (AipAssistantFilter *self,
                                                          gboolean            calling_now);
gboolean            aip_assistant_filter_get_needs_attention (AipAssistantFilter *self);
void                aip_assistant_filter_set_needs_attention (AipAssistantFilter *self,
                                                              gboolean            needs_attention);
void                aip_assistant_filter_set_calling_hours (AipAssistantFilter *self,
                                                            AipCallingHours    *calling_hours);
AipCallingHours    *aip_assistant_filter_get_calling_hours (AipAssistantFilter *self);
GDateTime          *aip_assistant_filter_get_now      (AipAssistantFilter *self);
void                aip_assistant_filter_set_now      (AipAssistantFilter *self,
                                                       GDateTime          *now);
gboolean            aip_assistant_filter_is_active    (AipAssistantFilter *self);
void                aip_assistant_filter_clear        (AipAssistantFilter *self);
gboolean            aip_assistant_filter_match_except (AipAssistantFilter *self,
                                                       AipAssistant       *assistant,
                                                       AipFilterFacet      ignored);

G_END_DECLS
