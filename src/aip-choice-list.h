/* aip-choice-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "aip-assistant-filter.h"

G_BEGIN_DECLS

#define AIP_TYPE_CHOICE_LIST (aip_choice_list_get_type ())

G_DECLARE_FINAL_TYPE (AipChoiceList, aip_choice_list, AIP, CHOICE_LIST, GtkWidget)

AipFilterFacet  aip_choice_list_get_facet   (AipChoiceList *self);
GListModel     *aip_choice_list_get_choices (AipChoiceList *self);
void            aip_choice_list_set_choices (AipChoiceList *self,
                                             GListModel    *choices);
const char     *aip_choice_list_get_value   (AipChoiceList *self);
void            aip_choice_list_set_value   (AipChoiceList *self,
                                             const char    *value);

G_END_DECLS
