/* aip-response-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aip-response.h"

G_BEGIN_DECLS

/* Tests force small groups, so that items fall on group boundaries and
 * every thread gets work however small the document; 0 goes back to the
 * automatic choice. */
void aip_response_set_group_size (guint n_items);

G_END_DECLS
