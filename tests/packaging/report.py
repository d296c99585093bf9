# SPDX-License-Identifier: GPL-3.0-or-later
"""One line per check, so that a failing packaging test says what is wrong."""

failures = []


def check(ok, message):
    print(("ok: " if ok else "FAIL: ") + message, flush=True)
    if not ok:
        failures.append(message)


def finish():
    """The exit status: 1 when any check failed."""
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0
