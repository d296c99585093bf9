#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks what `meson install` puts where.

First as flatpak-builder installs it (prefix /app, into a DESTDIR): Flatpak
exports only the files under share/applications, share/metainfo,
share/icons and share/dbus-1 that are named after the app id, so anything
else there would silently be missing on the desktop. Then into a prefix of
the test's own, where the installed binary must run.
"""

import argparse
import os
import subprocess
import sys
import tempfile

from installtree import installed, installed_locally, run_env
from report import check, finish

EXPORTED_DIRS = ["share/applications", "share/metainfo", "share/icons", "share/dbus-1"]

def named_after(name, app_id):
    # Flatpak's own rule: the id, then the end of the name, a dot or a dash.
    return name == app_id or name.startswith(app_id + ".") or name.startswith(app_id + "-")


def check_flatpak_tree(root, app_id, executable, domain):
    print("# the /app tree in %s" % root, flush=True)
    for sub in EXPORTED_DIRS:
        top = os.path.join(root, sub)
        for dirpath, _dirnames, filenames in os.walk(top):
            for name in filenames:
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                check(named_after(name, app_id), "%s is named after %s" % (rel, app_id))

    expected = [
        "bin/" + executable,
        "share/applications/%s.desktop" % app_id,
        "share/metainfo/%s.metainfo.xml" % app_id,
        "share/icons/hicolor/scalable/apps/%s.svg" % app_id,
        "share/icons/hicolor/symbolic/apps/%s-symbolic.svg" % app_id,
        "share/glib-2.0/schemas/%s.gschema.xml" % app_id,
        "share/locale/bg/LC_MESSAGES/%s.mo" % domain,
    ]
    for rel in expected:
        check(os.path.isfile(os.path.join(root, rel)), "%s is installed" % rel)

    desktop = os.path.join(root, "share/applications/%s.desktop" % app_id)
    if os.path.isfile(desktop):
        with open(desktop, encoding="utf-8") as f:
            keys = dict(line.rstrip("\n").split("=", 1) for line in f
                        if "=" in line and not line.startswith("#"))
        check(keys.get("Icon") == app_id, "the desktop file's icon is %s" % app_id)
        exec_line = keys.get("Exec", "").split()
        check(bool(exec_line) and exec_line[0] == executable,
              "the desktop file starts %s" % executable)


def check_outside_prefix(destdir, prefix):
    inside = os.path.join(destdir, os.path.relpath(prefix, "/"))
    for dirpath, _dirnames, filenames in os.walk(destdir):
        for name in filenames:
            path = os.path.join(dirpath, name)
            check(path.startswith(inside + os.sep),
                  "%s is inside the prefix %s" % (os.path.relpath(path, destdir), prefix))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--srcdir", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--meson", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--executable", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--domain", required=True, help="the gettext domain")
    args = parser.parse_args()

    destdir = os.path.join(args.workdir, "destdir")
    with installed(args.meson, args.srcdir, os.path.join(args.workdir, "build-app"),
                   "/app", destdir) as root:
        check_flatpak_tree(root, args.app_id, args.executable, args.domain)
        check_outside_prefix(destdir, "/app")

    with installed_locally(args.meson, args.srcdir, args.workdir) as prefix:
        print("# the install into %s" % prefix, flush=True)
        compiled = os.path.join(prefix, "share/glib-2.0/schemas/gschemas.compiled")
        check(os.path.isfile(compiled), "the schemas are compiled after the install")

        binary = os.path.join(prefix, "bin", args.executable)
        with tempfile.TemporaryDirectory() as home:
            result = subprocess.run([binary, "--version"], capture_output=True, text=True,
                                    env=run_env(prefix, home), timeout=60)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        check(result.returncode == 0,
              "the installed binary answers --version (exit status %d)" % result.returncode)
        check(args.version in result.stdout, "--version prints %s" % args.version)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
