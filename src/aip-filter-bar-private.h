/* aip-filter-bar-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-filter-bar.h"

G_BEGIN_DECLS

/* Transitional, for tests/test-window.c until it counts in slices through
 * AipFacets (aip-facets-private.h); remove with it. */
void     aip_filter_bar_set_slice_size (guint         n_assistants);
gboolean aip_filter_bar_get_counting   (AipFilterBar *self);

G_END_DECLS
