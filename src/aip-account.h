/* aip-account.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-client.h"
#include "aip-token-store.h"

G_BEGIN_DECLS

typedef enum
{
  AIP_ACCOUNT_STATE_SIGNED_OUT,
  AIP_ACCOUNT_STATE_LOADING,
  AIP_ACCOUNT_STATE_READY,
  AIP_ACCOUNT_STATE_ERROR,
} AipAccountState;

#define AIP_TYPE_ACCOUNT (aip_account_get_type ())

G_DECLARE_FINAL_TYPE (AipAccount, aip_account, AIP, ACCOUNT, GObject)

AipAccount      *aip_account_new                (AipTokenStore        *token_store);
const char      *aip_account_get_base_url       (AipAccount           *self);
gboolean         aip_account_set_base_url       (AipAccount           *self,
                                                 const char           *base_url,
                                                 GError              **error);
const char      *aip_account_get_host           (AipAccount           *self);
AipTokenStore   *aip_account_get_token_store    (AipAccount           *self);
gboolean         aip_account_has_token          (AipAccount           *self);
void             aip_account_set_token          (AipAccount           *self,
                                                 const char           *token);
AipAccountState  aip_account_get_state          (AipAccount           *self);
gboolean         aip_account_get_refreshing     (AipAccount           *self);
gboolean         aip_account_get_sample         (AipAccount           *self);
GListModel      *aip_account_get_assistants     (AipAccount           *self);
GDateTime       *aip_account_get_updated_at     (AipAccount           *self);
const GError    *aip_account_get_error          (AipAccount           *self);
guint            aip_account_get_n_skipped      (AipAccount           *self);
guint            aip_account_get_retry_after    (AipAccount           *self);
AipClient       *aip_account_get_client         (AipAccount           *self);
void             aip_account_refresh            (AipAccount           *self);
void             aip_account_load_token_async   (AipAccount           *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         aip_account_load_token_finish  (AipAccount           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             aip_account_sign_in_async      (AipAccount           *self,
                                                 const char           *token,
                                                 gboolean              save,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         aip_account_sign_in_finish     (AipAccount           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             aip_account_sign_out_async     (AipAccount           *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         aip_account_sign_out_finish    (AipAccount           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             aip_account_load_sample_async  (AipAccount           *self,
                                                 GBytes               *body,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         aip_account_load_sample_finish (AipAccount           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
