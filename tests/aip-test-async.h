/* aip-test-async.h: waiting for an asynchronous call in a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A callback that keeps the result in the GAsyncResult * user_data points
 * to, for the test to finish the call with */
static inline void
aip_test_store_result_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Runs the main loop until aip_test_store_result_cb() filled slot */
static inline GAsyncResult *
aip_test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

G_END_DECLS
