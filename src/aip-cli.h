/* aip-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  AIP_EXIT_OK = 0,
  /* The output could not be written */
  AIP_EXIT_FAILURE = 1,
  AIP_EXIT_USAGE = 2,
  AIP_EXIT_AUTH = 3,
  AIP_EXIT_NETWORK = 4,
  AIP_EXIT_RESPONSE = 5,
} AipExitCode;

const GOptionEntry *aip_cli_get_option_entries (void);
gboolean            aip_cli_check_arguments    (char         **arguments,
                                                GError       **error);
int                 aip_cli_run                (GVariantDict  *options);
AipExitCode         aip_cli_exit_code_for_error (const GError *error);

G_END_DECLS
