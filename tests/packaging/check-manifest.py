#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest as flatpak-builder itself reads it."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from report import check, finish

RUNTIME = "org.gnome.Platform"
RUNTIME_VERSION = "51"
SDK = "org.gnome.Sdk"
# The sandbox gets the network, a display and the GPU. The keyring is reached
# through the Secret portal, so no --talk-name=org.freedesktop.secrets.
FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
]
# Meson's own options, which meson_options.txt does not list.
MESON_BUILTIN = {"buildtype", "debug", "optimization", "werror", "warning_level",
                 "prefix", "libdir", "datadir", "localedir", "wrap_mode"}
CLEANUP = ["/include", "/lib/pkgconfig", "/share/pkgconfig", "*.la", "*.a"]

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("manifest")
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--options-file", required=True,
                        help="meson_options.txt, to check the config-opts")
    args = parser.parse_args()

    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("SKIP: flatpak-builder is not installed")
        return 77

    # flatpak-builder may leave its state directory in the working directory.
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run([builder, "--show-manifest",
                                 os.path.abspath(args.manifest)],
                                cwd=cwd, capture_output=True, text=True)
    sys.stderr.write(result.stderr)
    check(result.returncode == 0, "flatpak-builder --show-manifest exits with 0")
    check("Unknown property" not in result.stderr,
          "flatpak-builder knows every property of the manifest")
    if result.returncode != 0:
        return 1
    manifest = json.loads(result.stdout)

    app_id = manifest.get("id", manifest.get("app-id"))
    check(app_id == args.app_id, "id is %s (found %r)" % (args.app_id, app_id))
    check(manifest.get("command") == args.command,
          "command is %s (found %r)" % (args.command, manifest.get("command")))
    check(manifest.get("runtime") == RUNTIME,
          "runtime is %s (found %r)" % (RUNTIME, manifest.get("runtime")))
    check(manifest.get("runtime-version") == RUNTIME_VERSION,
          "runtime-version is %s (found %r)"
          % (RUNTIME_VERSION, manifest.get("runtime-version")))
    check(manifest.get("sdk") == SDK,
          "sdk is %s (found %r)" % (SDK, manifest.get("sdk")))

    finish_args = manifest.get("finish-args", [])
    check(len(finish_args) == len(set(finish_args))
          and sorted(finish_args) == sorted(FINISH_ARGS),
          "finish-args are exactly %s (found %s)"
          % (" ".join(FINISH_ARGS), " ".join(finish_args)))

    cleanup = manifest.get("cleanup", [])
    for pattern in CLEANUP:
        check(pattern in cleanup, "cleanup removes %s" % pattern)

    modules = manifest.get("modules", [])
    check(len(modules) == 1, "there is one module (found %d)" % len(modules))
    if modules:
        module = modules[0]
        check(module.get("name") == args.command,
              "the module is named %s (found %r)" % (args.command, module.get("name")))
        check(module.get("buildsystem") == "meson", "the module builds with meson")
        sources = module.get("sources") or [{}]
        check(len(sources) == 1 and sources[0].get("type") == "dir" and sources[0].get("path") == "..",
              "the module is built from this checkout (found %s)"
              % json.dumps(module.get("sources")))

        with open(args.options_file, encoding="utf-8") as f:
            known = set(re.findall(r"option\s*\(\s*'([^']+)'", f.read()))
        for opt in module.get("config-opts", []):
            match = re.match(r"-D([^=]+)=", opt)
            if match:
                name = match.group(1)
                check(name in known or name in MESON_BUILTIN or name.startswith("b_"),
                      "config-opts option %s exists in meson_options.txt" % name)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
