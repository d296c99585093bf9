/* aip-name-cell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-changes.h"

G_BEGIN_DECLS

#define AIP_TYPE_NAME_CELL (aip_name_cell_get_type ())

G_DECLARE_FINAL_TYPE (AipNameCell, aip_name_cell, AIP, NAME_CELL, GtkWidget)

GtkWidget     *aip_name_cell_new            (void);
const char    *aip_name_cell_get_name       (AipNameCell   *self);
void           aip_name_cell_set_name       (AipNameCell   *self,
                                             const char    *name);
AipChangeKind  aip_name_cell_get_change     (AipNameCell   *self);
void           aip_name_cell_set_change     (AipNameCell   *self,
                                             AipChangeKind  change);
const char    *aip_name_cell_get_warning    (AipNameCell   *self);
void           aip_name_cell_set_warnings   (AipNameCell   *self,
                                             GPtrArray     *sentences);

G_END_DECLS
