/* aip-facet-text.h: the filter choices as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-assistant-filter.h"
#include "aip-filter-choice.h"

G_BEGIN_DECLS

const char *aip_facet_text_title      (AipFilterFacet   facet);
char       *aip_facet_text_name       (AipFilterFacet   facet,
                                       const char      *value);
char       *aip_facet_text_detail     (AipFilterFacet   facet,
                                       AipFilterChoice *choice);
char       *aip_facet_text_short      (AipFilterFacet   facet,
                                       const char      *value,
                                       GListModel      *choices);
char       *aip_facet_text_search_key (AipFilterFacet   facet,
                                       AipFilterChoice *choice);
char       *aip_facet_text_count      (guint            count);

G_END_DECLS
