#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback stand-in for the platform's outbound-assistants endpoint.

GET /api/user/assistants/outbound answers the fixture for the accepted token
and 401 for any other; every other path is 404. It listens on 127.0.0.1 on a
free port and writes that port to --port-file (or stdout) once it accepts
connections, so that scripts need no fixed port.
"""

import argparse
import http.server
import os
import sys

ENDPOINT = "/api/user/assistants/outbound"
HERE = os.path.dirname(os.path.abspath(__file__))


def make_handler(token, body):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "fake-platform"

        def reply(self, status, payload):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        def do_GET(self):
            if self.path.split("?", 1)[0] != ENDPOINT:
                self.reply(404, b'{"message": "Not Found."}')
            elif self.headers.get("Authorization") == "Bearer " + token:
                self.reply(200, body)
            else:
                self.reply(401, b'{"message": "Unauthenticated."}')

        do_HEAD = do_GET

        def log_message(self, fmt, *args):
            # The request line and status only: never the headers, which
            # carry the token.
            sys.stderr.write("fake-platform: %s\n" % (fmt % args))

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--token", default="flatpak-check-token",
                        help="the token the server accepts")
    parser.add_argument("--data",
                        default=os.path.join(HERE, "data", "outbound-assistants.json"),
                        help="the JSON body of a successful answer")
    parser.add_argument("--port-file",
                        help="write the port here instead of to stdout")
    args = parser.parse_args()

    with open(args.data, "rb") as f:
        body = f.read()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             make_handler(args.token, body))
    port = str(server.server_address[1])
    if args.port_file:
        # Written whole and then renamed, so a reader never sees half a number.
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(port + "\n")
        os.replace(tmp, args.port_file)
    else:
        print(port, flush=True)

    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
