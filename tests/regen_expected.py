#!/usr/bin/env python3
"""Regenerate the expected outputs of the conformance suite in tests/py/ with CPython 3.11.

For every program tests/py/NAME.py whose name does not start with ``fz_`` this runs
``python3 tests/py/NAME.py`` with the repository root as working directory and writes

    NAME.out     its stdout (always written, possibly empty)
    NAME.err     the last line of its stderr (only when stderr is not empty)
    NAME.status  its exit status (only when it is not 0)

Usage:
    python3 tests/regen_expected.py [PATTERN ...]          regenerate (all, or names containing a pattern)
    python3 tests/regen_expected.py --check [PATTERN ...]  report stale or missing expected files
    python3 tests/regen_expected.py --check --seed random  also shows hash-seed dependent programs

``fz_*`` programs are fzpy-only and their expected files (if any) are written by hand.
``NAME.fzpy.out`` (and ``.fzpy.err``/``.fzpy.status``) overrides are never touched.
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY_DIR = os.path.join(ROOT, "tests", "py")
TIMEOUT = 60


def programs(patterns):
    names = []
    for f in sorted(os.listdir(PY_DIR)):
        path = os.path.join(PY_DIR, f)
        if not f.endswith(".py") or not os.path.isfile(path):
            continue
        name = f[:-3]
        if name.startswith("fz_"):
            continue
        if patterns and not any(p in f for p in patterns):
            continue
        names.append(name)
    return names


def run(name, seed):
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONWARNINGS", "PYTHONSAFEPATH"):
        env.pop(var, None)
    env["PYTHONHASHSEED"] = seed
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        p = subprocess.run(
            [sys.executable, "tests/py/%s.py" % name],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise SystemExit("%s.py: timed out after %d s" % (name, TIMEOUT))
    files = {"out": p.stdout}
    lines = [l.rstrip() for l in p.stderr.decode("utf-8", "replace").splitlines()]
    lines = [l for l in lines if l]
    if lines:
        files["err"] = (lines[-1] + "\n").encode("utf-8")
    if p.returncode != 0:
        files["status"] = ("%d\n" % p.returncode).encode("ascii")
    return files


def current(name):
    files = {}
    for ext in ("out", "err", "status"):
        path = os.path.join(PY_DIR, "%s.%s" % (name, ext))
        if os.path.exists(path):
            with open(path, "rb") as f:
                files[ext] = f.read()
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only report stale or missing expected files")
    ap.add_argument("--seed", default="0", help="PYTHONHASHSEED for the runs (default 0)")
    ap.add_argument("patterns", nargs="*", help="only programs whose file name contains one of these")
    args = ap.parse_args()

    if sys.version_info[:2] != (3, 11):
        sys.exit("regen_expected.py must run under CPython 3.11 (this is %s)" % sys.version.split()[0])
    if sys.implementation.name != "cpython":
        sys.exit("regen_expected.py must run under CPython, not %s" % sys.implementation.name)

    names = programs(args.patterns)
    if not names:
        sys.exit("no programs match")
    stale = []
    written = 0
    for name in names:
        want = run(name, args.seed)
        have = current(name)
        if want == have:
            continue
        if args.check:
            what = sorted(set(want) | set(have))
            stale.append("%s (%s)" % (name, ", ".join(e for e in what if want.get(e) != have.get(e))))
            continue
        for ext in ("out", "err", "status"):
            path = os.path.join(PY_DIR, "%s.%s" % (name, ext))
            if ext in want:
                with open(path, "wb") as f:
                    f.write(want[ext])
            elif os.path.exists(path):
                os.remove(path)
        written += 1
        print("updated", name)

    if args.check:
        for s in stale:
            print("stale:", s)
        print("%d program(s) checked, %d stale" % (len(names), len(stale)))
        sys.exit(1 if stale else 0)
    print("%d program(s), %d updated" % (len(names), written))


if __name__ == "__main__":
    main()
