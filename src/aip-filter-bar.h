/* aip-filter-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-assistant-filter.h"
#include "aip-facets.h"

G_BEGIN_DECLS

#define AIP_TYPE_FILTER_BAR (aip_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (AipFilterBar, aip_filter_bar, AIP, FILTER_BAR, GtkWidget)

AipAssistantFilter *aip_filter_bar_get_filter         (AipFilterBar       *self);
void                aip_filter_bar_set_filter         (AipFilterBar       *self,
                                                       AipAssistantFilter *filter);
GListModel         *aip_filter_bar_get_model          (AipFilterBar       *self);
void                aip_filter_bar_set_model          (AipFilterBar       *self,
                                                       GListModel         *model);
GListModel         *aip_filter_bar_get_filtered_model (AipFilterBar       *self);
void                aip_filter_bar_set_filtered_model (AipFilterBar       *self,
                                                       GListModel         *filtered_model);
AipFacets          *aip_filter_bar_get_facets         (AipFilterBar       *self);

G_END_DECLS
