/* aip-token-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIP_TOKEN_STORE_ERROR (aip_token_store_error_quark ())

typedef enum
{
  /* No Secret Service or portal answered within the bound. */
  AIP_TOKEN_STORE_ERROR_UNAVAILABLE,
  /* The keyring is locked, and its unlock prompt was dismissed or not
   * answered within the bound. */
  AIP_TOKEN_STORE_ERROR_LOCKED,
  AIP_TOKEN_STORE_ERROR_FAILED,
} AipTokenStoreError;

#define AIP_TYPE_TOKEN_STORE (aip_token_store_get_type ())

G_DECLARE_FINAL_TYPE (AipTokenStore, aip_token_store, AIP, TOKEN_STORE, GObject)

GQuark         aip_token_store_error_quark        (void);
void           aip_token_store_free_token         (char                 *token);
AipTokenStore *aip_token_store_new                (void);
guint          aip_token_store_get_timeout        (AipTokenStore        *self);
void           aip_token_store_set_timeout        (AipTokenStore        *self,
                                                   guint                 seconds);
guint          aip_token_store_get_prompt_timeout (AipTokenStore        *self);
void           aip_token_store_set_prompt_timeout (AipTokenStore        *self,
                                                   guint                 seconds);
gboolean       aip_token_store_get_prompting      (AipTokenStore        *self);
void           aip_token_store_lookup_async       (AipTokenStore        *self,
                                                   const char           *base_url,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char          *aip_token_store_lookup_finish      (AipTokenStore        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void           aip_token_store_store_async        (AipTokenStore        *self,
                                                   const char           *base_url,
                                                   const char           *token,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       aip_token_store_store_finish       (AipTokenStore        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void           aip_token_store_clear_async        (AipTokenStore        *self,
                                                   const char           *base_url,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       aip_token_store_clear_finish       (AipTokenStore        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
