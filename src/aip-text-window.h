/* aip-text-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIP_TYPE_TEXT_WINDOW (aip_text_window_get_type ())

G_DECLARE_FINAL_TYPE (AipTextWindow, aip_text_window, AIP, TEXT_WINDOW, AdwWindow)

AipTextWindow *aip_text_window_new      (GtkWindow     *parent,
                                         const char    *title,
                                         const char    *text);
const char    *aip_text_window_get_text (AipTextWindow *self);

G_END_DECLS
