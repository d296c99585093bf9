#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The widgets know the layers below only through the account: no source of
the user interface includes, directly or through a header of ours, the
client, the token store, the parser, or libsoup, json-glib or libsecret.

  check-layers.py SRCDIR WIDGET-SOURCE...
"""

import os
import re
import sys

FORBIDDEN_LOCAL = re.compile(r"^aip-(client|client-error|token-store.*|response.*|json-.*|"
                             r"assistant-reader|assistant-writer|cache)\.h$")
FORBIDDEN_SYSTEM = re.compile(r"^(libsoup|json-glib|libsecret)/")
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def includes(path):
    with open(path, encoding="utf-8") as f:
        return INCLUDE.findall(f.read())


def walk(srcdir, name, seen, chain, problems):
    for kind, header in includes(os.path.join(srcdir, name)):
        if kind == "<":
            if FORBIDDEN_SYSTEM.match(header):
                problems.append(" → ".join(chain + [header]))
            continue
        if FORBIDDEN_LOCAL.match(os.path.basename(header)):
            problems.append(" → ".join(chain + [header]))
            continue
        local = os.path.join(srcdir, header)
        if header in seen or not os.path.exists(local):
            continue
        seen.add(header)
        walk(srcdir, header, seen, chain + [header], problems)


def main():
    srcdir, sources = sys.argv[1], sys.argv[2:]
    problems = []
    for source in sources:
        walk(srcdir, os.path.basename(source), set(), [os.path.basename(source)], problems)
    for problem in problems:
        print("FAIL: a widget reaches a lower layer: " + problem)
    print("# %d widget sources checked" % len(sources))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
