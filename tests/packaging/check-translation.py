#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a translation: complete, up to date with the sources, and used.

  statistics  msgfmt --check finds no error, no fuzzy and no untranslated
              message
  template    every message that xgettext finds in the files of
              POTFILES.in is translated in the catalogue
  runtime     an installed build run with LANGUAGE=LANG prints its
              command-line errors in that language
"""

import argparse
import gettext
import os
import re
import subprocess
import sys
import tempfile
import time

from installtree import installed_locally, run_env

# meson's i18n 'glib' preset, the keywords of which decide what is extracted.
XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
]


def po_file(args):
    return os.path.join(args.srcdir, "po", args.lang + ".po")


def statistics(args):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                             po_file(args)],
                            capture_output=True, text=True)
    sys.stdout.write(result.stdout + result.stderr)
    if result.returncode != 0:
        print("FAIL: msgfmt --check found errors in %s" % po_file(args))
        return 1
    report = result.stderr
    translated = re.search(r"(\d+) translated message", report)
    if translated is None or int(translated.group(1)) == 0:
        print("FAIL: %s translates no message" % po_file(args))
        return 1
    if "fuzzy" in report or "untranslated" in report:
        print("FAIL: %s has fuzzy or untranslated messages" % po_file(args))
        return 1
    print("ok: %s messages translated, none fuzzy or untranslated" % translated.group(1))
    return 0


def template(args):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "template.pot")
        result = subprocess.run(["xgettext", "--package-name=" + args.domain,
                                 "-f", os.path.join(args.srcdir, "po", "POTFILES.in"),
                                 "-D", args.srcdir, "-o", pot] + XGETTEXT_ARGS,
                                capture_output=True, text=True)
        sys.stdout.write(result.stdout + result.stderr)
        if result.returncode != 0 or not os.path.exists(pot):
            print("FAIL: xgettext could not make the template from POTFILES.in")
            return 1

        # The template must have come from the sources, not be empty.
        with open(pot, encoding="utf-8") as f:
            count = len(re.findall(r"^msgid ", f.read(), re.M)) - 1
        print("# %d messages in the template" % count)
        if count <= 0:
            print("FAIL: the template made from POTFILES.in has no message")
            return 1

        # msgcmp counts a message as present only when it is translated
        # and not fuzzy.
        result = subprocess.run(["msgcmp", po_file(args), pot],
                                capture_output=True, text=True)
        if result.returncode != 0:
            # msgcmp names lines of the template, which is gone afterwards.
            with open(pot, encoding="utf-8") as f:
                lines = f.read().split("\n")
            missing = 0
            for number in re.findall(r"^[^\n]*?:(\d+): ", result.stderr, re.M):
                print("missing: %s" % message_at(lines, int(number) - 1))
                missing += 1
            if missing == 0:
                sys.stdout.write(result.stderr)
            print("FAIL: %d message(s) of the sources are not translated in %s"
                  % (missing, po_file(args)))
            return 1
    print("ok: every message of the sources is translated in %s" % po_file(args))
    return 0


def message_at(lines, index):
    """The msgid text of the template entry whose msgid or msgstr is at
    lines[index]."""
    while index > 0 and not lines[index].startswith("msgid "):
        index -= 1
    parts = []
    while index < len(lines):
        line = lines[index]
        if line.startswith("msgid "):
            line = line[len("msgid "):]
        elif not line.startswith('"'):
            break
        parts.append(line.strip()[1:-1])
        index += 1
    return "".join(parts)


def c_format_regex(text):
    """A regular expression that matches the text with its printf
    directives filled in."""
    directive = re.compile(r"%%|%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?"
                           r"(?:hh|h|ll|l|j|z|t|L|q)?[diouxXeEfFgGaAcspS]|%<PRI\w+>")
    out = []
    pos = 0
    for match in directive.finditer(text):
        out.append(re.escape(text[pos:match.start()]))
        out.append("%" if match.group(0) == "%%" else "(?s:.+?)")
        pos = match.end()
    out.append(re.escape(text[pos:]))
    return "".join(out), len(directive.sub("", text).strip())


def load_catalogue(args, tmp):
    mo = os.path.join(tmp, args.lang + ".mo")
    subprocess.run(["msgfmt", "-o", mo, po_file(args)], check=True)
    with open(mo, "rb") as f:
        catalogue = gettext.GNUTranslations(f)._catalog
    messages = {}
    for key, value in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04", 1)[-1]
        if msgid:
            messages.setdefault(msgid, []).append(value)
    return messages


def start_server(args, tmp):
    port_file = os.path.join(tmp, "port")
    server = subprocess.Popen([sys.executable, os.path.join(args.srcdir, "tests", "fake-platform.py"),
                               "--port-file", port_file],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(port_file):
            with open(port_file) as f:
                return server, int(f.read())
        time.sleep(0.1)
    server.kill()
    raise RuntimeError("the loopback test server did not start")


def runtime(args):
    failures = 0
    with installed_locally(args.meson, args.srcdir, args.workdir) as prefix, \
         tempfile.TemporaryDirectory() as tmp:
        messages = load_catalogue(args, tmp)
        binary = os.path.join(prefix, "bin", args.executable)
        server, port = start_server(args, tmp)
        try:
            cases = [
                ("a refused base URL", 2, ["--list", "--base-url=http://example.com"]),
                ("a token the server rejects", 3,
                 ["--list", "--base-url=http://127.0.0.1:%d/api" % port]),
            ]
            for what, status, argv in cases:
                outputs = {}
                for lang in ("C", args.lang):
                    home = os.path.join(tmp, "home-" + lang)
                    extra = {"AIPLOYEES_TOKEN": "bad"}
                    if lang != "C":
                        # As a Bulgarian user runs it: GNU gettext ignores
                        # LANGUAGE under the C locale, and newer C libraries
                        # count C.UTF-8 as that locale.
                        extra["LANGUAGE"] = lang
                        extra["LC_ALL"] = "%s_%s.UTF-8" % (lang, lang.upper())
                    result = subprocess.run([binary] + argv, capture_output=True, text=True,
                                            env=run_env(prefix, home, **extra), timeout=60)
                    print("# LANGUAGE=%s %s: exit status %d, stderr: %s"
                          % (extra.get("LANGUAGE", ""), " ".join(argv), result.returncode,
                             result.stderr.strip()))
                    if result.returncode != status:
                        print("FAIL: %s: exit status %d, not %d"
                              % (what, result.returncode, status))
                        failures += 1
                    outputs[lang] = result.stderr
                failures += compare(what, outputs["C"], outputs[args.lang], messages, args.lang)
        finally:
            server.kill()
            server.wait()
    return 1 if failures else 0


def compare(what, english, translated, messages, lang):
    if not english.strip():
        print("FAIL: %s: nothing on stderr" % what)
        return 1
    if translated == english:
        print("FAIL: %s: the error is the same with LANGUAGE=%s" % (what, lang))
        return 1
    # The program name that starts each line is not a message: a catalogue
    # entry such as "assistants" would otherwise be found inside it.
    english = re.sub(r"(?m)^[\w.-]+: ", "", english)
    translated = re.sub(r"(?m)^[\w.-]+: ", "", translated)
    # Each message of the catalogue found in the English error must appear
    # translated, as the catalogue says, in the other run's error.
    found = 0
    for msgid, msgstrs in messages.items():
        pattern, literal = c_format_regex(msgid)
        if literal < 8 or not re.search(pattern, english):
            continue
        found += 1
        if not any(re.search(c_format_regex(s)[0], translated) for s in msgstrs):
            print("FAIL: %s: “%s” is not shown as “%s”" % (what, msgid, msgstrs[0]))
            return 1
        print("ok: %s: “%s” is shown as “%s”" % (what, msgid, msgstrs[0]))
    if found == 0:
        print("FAIL: %s: no message of the %s catalogue is in the error “%s”"
              % (what, lang, english.strip()))
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=["statistics", "template", "runtime"])
    parser.add_argument("--srcdir", required=True)
    parser.add_argument("--lang", default="bg")
    parser.add_argument("--domain")
    parser.add_argument("--workdir")
    parser.add_argument("--meson")
    parser.add_argument("--executable")
    args = parser.parse_args()
    return {"statistics": statistics, "template": template, "runtime": runtime}[args.check](args)


if __name__ == "__main__":
    sys.exit(main())
