/* aip-sign-in-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "aip-account.h"

G_BEGIN_DECLS

#define AIP_TYPE_SIGN_IN_PAGE (aip_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (AipSignInPage, aip_sign_in_page, AIP, SIGN_IN_PAGE, AdwBin)

AipAccount *aip_sign_in_page_get_account   (AipSignInPage *self);
void        aip_sign_in_page_set_account   (AipSignInPage *self,
                                            AipAccount    *account);
void        aip_sign_in_page_load_token    (AipSignInPage *self);
void        aip_sign_in_page_reset         (AipSignInPage *self,
                                            const char    *message);
const char *aip_sign_in_page_get_view_name (AipSignInPage *self);
const char *aip_sign_in_page_get_error     (AipSignInPage *self);

G_END_DECLS
