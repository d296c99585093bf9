/* aip-facets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-assistant-filter.h"

G_BEGIN_DECLS

#define AIP_TYPE_FACETS (aip_facets_get_type ())

G_DECLARE_FINAL_TYPE (AipFacets, aip_facets, AIP, FACETS, GObject)

AipFacets          *aip_facets_new                       (GListModel         *model,
                                                          AipAssistantFilter *filter);
GListModel         *aip_facets_get_model                 (AipFacets          *self);
void                aip_facets_set_model                 (AipFacets          *self,
                                                          GListModel         *model);
AipAssistantFilter *aip_facets_get_filter                (AipFacets          *self);
void                aip_facets_set_filter                (AipFacets          *self,
                                                          AipAssistantFilter *filter);
GListModel         *aip_facets_get_choices               (AipFacets          *self,
                                                          AipFilterFacet      facet);
guint               aip_facets_get_calling_now_count     (AipFacets          *self);
guint               aip_facets_get_needs_attention_count (AipFacets          *self);
gboolean            aip_facets_get_counting              (AipFacets          *self);

G_END_DECLS
