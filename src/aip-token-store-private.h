/* aip-token-store-private.h: what the token store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

#include "aip-token-store.h"

G_BEGIN_DECLS

/* libsecret 0.21.4 subscribes to the Secret portal's reply before asking
 * (libsecret commit 311ca72, issue #58); older ones can miss the reply and
 * wait forever, which aip-token-store-portal.c works around. */
#define AIP_TOKEN_STORE_PORTAL_RETRY (!SECRET_CHECK_VERSION (0, 21, 4))

#define AIP_TOKEN_STORE_BASE_URL_ATTRIBUTE "base-url"

struct _AipTokenStore
{
  GObject          parent_instance;

  guint            timeout;
  guint            prompt_timeout;
  /* Inside Flatpak: found once, when the store is made */
  gboolean         sandboxed;

  /* The keyring's unlock prompt, while it is up */
  GDBusConnection *connection;
  char            *prompt_path;
  guint            completed_id;
  guint            vanished_id;
  /* GTask: the operations waiting for it */
  GPtrArray       *waiting;
};

typedef enum
{
  AIP_TOKEN_STORE_LOOKUP,
  AIP_TOKEN_STORE_STORE,
  AIP_TOKEN_STORE_CLEAR,
} AipTokenStoreOperationKind;

/* The task data of every operation */
typedef struct
{
  AipTokenStoreOperationKind  kind;
  char                       *base_url;
  char                       *token;
  /* Cancelled when the operation is over, so that whatever libsecret still
   * has in flight stops, and a token is not stored after all once the
   * caller has been told it was not. */
  GCancellable               *inner;
  /* The bound on the keyring's answer, or while the unlock prompt is up
   * the bound on a person's answer */
  GSource                    *bound;
  GSource                    *caller_cancelled;
  gboolean                    done;
#if AIP_TOKEN_STORE_PORTAL_RETRY
  /* Inside Flatpak: the request in flight, its time, how many were made */
  GCancellable               *attempt;
  GSource                    *attempt_bound;
  guint                       n_attempts;
#endif
} AipTokenStoreOperation;

const SecretSchema *aip_token_store_get_schema          (void);

/* aip-token-store.c */
void                _aip_token_store_destroy_source     (GSource       **source);
GError             *_aip_token_store_unavailable_error  (void);
GError             *_aip_token_store_locked_error       (void);
GError             *_aip_token_store_translate_error    (const GError   *error);
char               *_aip_token_store_make_label         (const char     *base_url);
void                _aip_token_store_arm_bound          (GTask          *task);
void                _aip_token_store_fail               (GTask          *task,
                                                         GError         *error);
void                _aip_token_store_complete           (GTask          *task,
                                                         const GError   *error,
                                                         char           *token);
void                _aip_token_store_run                (GTask          *task);
void                _aip_token_store_notify_prompting   (AipTokenStore  *self);

/* aip-token-store-unlock.c */
void                _aip_token_store_unlock_and_run     (GTask          *task);
void                _aip_token_store_stop_waiting       (AipTokenStore  *self,
                                                         GTask          *task);
void                _aip_token_store_clear_prompt       (AipTokenStore  *self);

#if AIP_TOKEN_STORE_PORTAL_RETRY
/* aip-token-store-portal.c */
void                _aip_token_store_run_sandboxed      (GTask          *task);
void                _aip_token_store_end_attempts       (AipTokenStoreOperation *op);
#endif

G_END_DECLS
