/* aip-test-server.h: a real HTTP server on 127.0.0.1 for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  AIP_TEST_REPLY_NORMAL,
  /* Accept the request and never answer it. */
  AIP_TEST_REPLY_HANG,
  /* Send the headers and half the body, then close the connection. */
  AIP_TEST_REPLY_TRUNCATE,
  /* Send the body gzip-encoded with Content-Encoding: gzip. */
  AIP_TEST_REPLY_GZIP,
} AipTestReplyKind;

typedef struct _AipTestServer AipTestServer;

/* The server runs on its own thread and main context, so that a test can
 * block its own main loop in the client under test. */
AipTestServer *aip_test_server_new               (void);
/* The same over https, with a self-signed certificate that no client
 * trusts; its base URL is https://127.0.0.1:PORT/api. */
AipTestServer *aip_test_server_new_tls           (void);
void           aip_test_server_free              (AipTestServer    *self);
/* http://127.0.0.1:PORT/api */
const char    *aip_test_server_get_base_url      (AipTestServer    *self);
guint          aip_test_server_get_port          (AipTestServer    *self);
/* Whether it listens on [::1] too, on the same port */
gboolean       aip_test_server_has_ipv6          (AipTestServer    *self);
/* What GET /api/user/assistants/outbound answers when the request carries
 * "Authorization: Bearer TOKEN"; token NULL sets the answer for any other
 * token. extra_header is "Name: value" or NULL. */
void           aip_test_server_set_reply         (AipTestServer    *self,
                                                  const char       *token,
                                                  guint             status,
                                                  const char       *content_type,
                                                  GBytes           *body,
                                                  const char       *extra_header,
                                                  AipTestReplyKind  kind);
void           aip_test_server_set_reply_file    (AipTestServer    *self,
                                                  const char       *token,
                                                  const char       *test_data_file);
guint          aip_test_server_get_n_requests    (AipTestServer    *self);
/* The Authorization header of the last request, or NULL if it had none. */
char          *aip_test_server_dup_last_authorization (AipTestServer *self);
char          *aip_test_server_dup_last_header   (AipTestServer    *self,
                                                  const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AipTestServer, aip_test_server_free)

G_END_DECLS
