/* aip-filter-bar-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-filter-bar.h"

G_BEGIN_DECLS

/* Tests count in slices of a few assistants, so that a count spans many
 * idle callbacks and changes land in the middle of one; 0 goes back to
 * slices of a few milliseconds. */
void     aip_filter_bar_set_slice_size (guint         n_assistants);
gboolean aip_filter_bar_get_counting   (AipFilterBar *self);

G_END_DECLS
