/* aip-facets-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-facets.h"

G_BEGIN_DECLS

/* Tests count a few assistants per slice, so that a count spans many idle
 * callbacks and a change lands in the middle of one whatever the machine's
 * speed; 0 goes back to slices of a few milliseconds. */
void aip_facets_set_slice_size (guint n_assistants);

/* Tests compare the counts in slices with those of one call */
void aip_facets_count_now      (AipFacets *self);

G_END_DECLS
