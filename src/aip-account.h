/* aip-account.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-changes.h"
#include "aip-repository.h"

G_BEGIN_DECLS

/* The widgets know the token store only by name: its header brings
 * libsecret. */
typedef struct _AipTokenStore AipTokenStore;

typedef enum
{
  AIP_ACCOUNT_STATE_SIGNED_OUT,
  AIP_ACCOUNT_STATE_LOADING,
  AIP_ACCOUNT_STATE_READY,
  AIP_ACCOUNT_STATE_ERROR,
} AipAccountState;

/* What a person can do about an error, for the widgets, which know
 * neither the client's nor the token store's error domain. */
typedef enum
{
  AIP_ERROR_KIND_OTHER,
  /* The server refused the token (401) or its rights (403). */
  AIP_ERROR_KIND_SIGN_IN,
  AIP_ERROR_KIND_KEYRING_LOCKED,
  AIP_ERROR_KIND_KEYRING_UNAVAILABLE,
  AIP_ERROR_KIND_CANCELLED,
} AipErrorKind;

#define AIP_TYPE_ACCOUNT (aip_account_get_type ())

G_DECLARE_FINAL_TYPE (AipAccount, aip_account, AIP, ACCOUNT, GObject)

AipAccount      *aip_account_new                (AipTokenStore        *token_store);
const char      *aip_account_get_base_url       (AipAccount           *self);
gboolean         aip_account_set_base_url       (AipAccount           *self,
                                                 const char           *base_url,
                                                 GError              **error);
const char      *aip_account_get_host           (AipAccount           *self);
gboolean         aip_account_get_prompting      (AipAccount           *self);
gboolean         aip_account_has_token          (AipAccount           *self);
void             aip_account_set_token          (AipAccount           *self,
                                                 const char           *token);
AipAccountState  aip_account_get_state          (AipAccount           *self);
gboolean         aip_account_get_sample         (AipAccount           *self);
AipRepository   *aip_account_get_repository     (AipAccount           *self);
gboolean         aip_account_get_refreshing     (AipAccount           *self);
gboolean         aip_account_get_offline_copy   (AipAccount           *self);
void             aip_account_set_use_offline_copy (AipAccount         *self,
                                                 gboolean              use_offline_copy);
AipChanges      *aip_account_get_changes        (AipAccount           *self);
GListModel      *aip_account_get_assistants     (AipAccount           *self);
GDateTime       *aip_account_get_updated_at     (AipAccount           *self);
const GError    *aip_account_get_error          (AipAccount           *self);
guint            aip_account_get_n_skipped      (AipAccount           *self);
guint            aip_account_get_retry_after    (AipAccount           *self);
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
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         aip_account_load_sample_finish (AipAccount           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
AipErrorKind     aip_account_error_kind         (const GError         *error);

G_END_DECLS
