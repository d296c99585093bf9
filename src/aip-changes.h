/* aip-changes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "aip-change.h"

G_BEGIN_DECLS

#define AIP_TYPE_CHANGES (aip_changes_get_type ())

G_DECLARE_FINAL_TYPE (AipChanges, aip_changes, AIP, CHANGES, GObject)

AipChanges    *aip_changes_new                 (void);
gboolean       aip_changes_get_has_baseline    (AipChanges      *self);
void           aip_changes_set_baseline        (AipChanges      *self,
                                                GListModel      *seen);
gboolean       aip_changes_update              (AipChanges      *self,
                                                GListModel      *latest);
void           aip_changes_update_async        (AipChanges          *self,
                                                GPtrArray           *latest,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       aip_changes_update_finish       (AipChanges      *self,
                                                GAsyncResult    *result,
                                                GError         **error);
void           aip_changes_mark_seen           (AipChanges      *self);
void           aip_changes_clear               (AipChanges      *self);
gboolean       aip_changes_get_has_changes     (AipChanges      *self);
guint          aip_changes_get_n_new           (AipChanges      *self);
guint          aip_changes_get_n_changed       (AipChanges      *self);
guint          aip_changes_get_n_removed       (AipChanges      *self);
AipChangeKind  aip_changes_lookup              (AipChanges      *self,
                                                gint64           id,
                                                AipFields       *fields);
gboolean       aip_changes_is_new_or_changed   (AipChanges      *self,
                                                gint64           id);
GPtrArray     *aip_changes_get_entries         (AipChanges      *self);
char          *aip_changes_format_summary      (AipChanges      *self);

G_END_DECLS
