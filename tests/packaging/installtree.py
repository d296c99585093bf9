# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the project from a sub-build of its own for the packaging tests.

Each prefix has a build directory of its own that is kept between runs, so
ninja rebuilds only what changed. A lock per build directory lets tests
that share one run in parallel.
"""

import contextlib
import fcntl
import os
import shutil
import subprocess


def run(cmd, **kwargs):
    print("+ " + " ".join(cmd), flush=True)
    status = subprocess.run(cmd, **kwargs).returncode
    if status != 0:
        raise SystemExit("FAIL: %s exited with status %d" % (" ".join(cmd[:2]), status))


@contextlib.contextmanager
def installed(meson, srcdir, builddir, prefix, destdir=None):
    """Installs into DESTDIR/PREFIX (or PREFIX) and keeps the lock while
    the caller looks at the result.

    Without destdir, prefix is removed first, so it must be a directory of
    the test's own."""
    os.makedirs(os.path.dirname(builddir), exist_ok=True)
    with open(builddir + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)

        if not os.path.exists(os.path.join(builddir, "meson-private", "coredata.dat")):
            shutil.rmtree(builddir, ignore_errors=True)
            run([meson, "setup", "--prefix=" + prefix, "-Dbenchmarks=false",
                 "--wrap-mode=nodownload", builddir, srcdir],
                stdout=subprocess.DEVNULL)

        if destdir is not None:
            shutil.rmtree(destdir, ignore_errors=True)
            run([meson, "install", "-C", builddir, "--quiet", "--destdir", destdir])
            yield os.path.join(destdir, os.path.relpath(prefix, "/"))
        else:
            shutil.rmtree(prefix, ignore_errors=True)
            run([meson, "install", "-C", builddir, "--quiet"])
            yield prefix


def installed_locally(meson, srcdir, workdir):
    """The install into a prefix of the test's own, without DESTDIR: the
    binary finds its data files there, so it can run."""
    return installed(meson, srcdir, os.path.join(workdir, "build-prefix"),
                     os.path.join(workdir, "prefix"))


def run_env(prefix, home, **extra):
    """A clean environment for running the installed binary."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_DATA_DIRS": os.path.join(prefix, "share") + ":/usr/local/share:/usr/share",
        "GSETTINGS_BACKEND": "memory",
        "G_DEBUG": "fatal-warnings",
        "LC_ALL": "C.UTF-8",
    }
    env.update(extra)
    return env
