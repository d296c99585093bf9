/* aip-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-account.h"

G_BEGIN_DECLS

#define AIP_TYPE_APPLICATION (aip_application_get_type ())

G_DECLARE_FINAL_TYPE (AipApplication, aip_application, AIP, APPLICATION, AdwApplication)

AipApplication *aip_application_new          (void);
AipAccount     *aip_application_get_account  (AipApplication *self);
GSettings      *aip_application_get_settings (AipApplication *self);

G_END_DECLS
