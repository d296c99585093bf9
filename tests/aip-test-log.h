/* aip-test-log.h: debug messages beside the TAP output, not in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

static GLogFunc aip_test_log_framework_handler;

static inline void
aip_test_log_handler (const char     *log_domain,
                      GLogLevelFlags  log_level,
                      const char     *message,
                      gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    g_log_default_handler (log_domain, log_level, message, NULL);
  else
    aip_test_log_framework_handler (log_domain, log_level, message, user_data);
}

/* GLib's test framework writes every message, debug ones included, into the
 * TAP output on standard output. After g_test_init(): debug and info
 * messages go to standard error instead, and only the domains that
 * G_MESSAGES_DEBUG names; warnings and worse stay the framework's. */
static inline void
aip_test_log_debug_to_stderr (void)
{
  g_log_writer_default_set_use_stderr (TRUE);
  aip_test_log_framework_handler = g_log_set_default_handler (aip_test_log_handler, NULL);
}

G_END_DECLS
