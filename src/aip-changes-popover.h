/* aip-changes-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-changes.h"

G_BEGIN_DECLS

#define AIP_TYPE_CHANGES_POPOVER (aip_changes_popover_get_type ())

G_DECLARE_FINAL_TYPE (AipChangesPopover, aip_changes_popover, AIP, CHANGES_POPOVER, GtkPopover)

AipChanges *aip_changes_popover_get_changes  (AipChangesPopover *self);
void        aip_changes_popover_set_changes  (AipChangesPopover *self,
                                              AipChanges        *changes);
GStrv       aip_changes_popover_dup_entries  (AipChangesPopover *self);

G_END_DECLS
