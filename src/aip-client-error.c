/* aip-client-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aip-client-error.h"

/* Its own file because the parser reports into this domain too, and the
 * command line maps it to exit codes without needing the client. */
G_DEFINE_QUARK (aip-client-error-quark, aip_client_error)
