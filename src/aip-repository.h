/* aip-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-changes.h"

G_BEGIN_DECLS

/* Known here by name only, so that the widgets that show a repository need
 * neither the client's nor the cache's header. */
typedef struct _AipCache AipCache;
typedef struct _AipClient AipClient;
typedef struct _AipResponse AipResponse;

typedef enum
{
  AIP_REPOSITORY_STATE_EMPTY,
  AIP_REPOSITORY_STATE_LOADING,
  AIP_REPOSITORY_STATE_READY,
  AIP_REPOSITORY_STATE_ERROR,
} AipRepositoryState;

#define AIP_TYPE_REPOSITORY (aip_repository_get_type ())

G_DECLARE_FINAL_TYPE (AipRepository, aip_repository, AIP, REPOSITORY, GObject)

AipRepository      *aip_repository_new                 (void);
void                aip_repository_reset               (AipRepository       *self,
                                                        AipCache            *cache);
void                aip_repository_set_use_offline_copy (AipRepository      *self,
                                                        gboolean             use_offline_copy);
void                aip_repository_refresh             (AipRepository       *self,
                                                        AipClient           *client,
                                                        const char          *token);
void                aip_repository_cancel_refresh      (AipRepository       *self);
void                aip_repository_adopt_fetched       (AipRepository       *self,
                                                        AipResponse         *response);
void                aip_repository_adopt_sample        (AipRepository       *self,
                                                        AipResponse         *response);
void                aip_repository_delete_offline_copy_async  (AipRepository       *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean            aip_repository_delete_offline_copy_finish (AipRepository       *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
GListModel         *aip_repository_get_assistants      (AipRepository       *self);
AipRepositoryState  aip_repository_get_state           (AipRepository       *self);
gboolean            aip_repository_get_refreshing      (AipRepository       *self);
GDateTime          *aip_repository_get_updated_at      (AipRepository       *self);
const GError       *aip_repository_get_error           (AipRepository       *self);
guint               aip_repository_get_n_skipped       (AipRepository       *self);
guint               aip_repository_get_retry_after     (AipRepository       *self);
gboolean            aip_repository_get_offline_copy    (AipRepository       *self);
AipChanges         *aip_repository_get_changes         (AipRepository       *self);

G_END_DECLS
