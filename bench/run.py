#!/usr/bin/env python3
"""Times each benchmark under fzpy, CPython and (when installed) MicroPython in
one run and prints time ratios (fzpy / other). Wall-clock times are noisy on
shared machines: each program runs REPEAT times and the best time counts.
With --callgrind, fzpy's instruction counts are reported too (valgrind)."""
import os, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REPEAT = 3


def best_time(cmd):
    best = None
    out = None
    for _ in range(REPEAT):
        t = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        dt = time.perf_counter() - t
        if r.returncode != 0:
            return None, r.stderr.strip().splitlines()[-1:] or ["failed"]
        out = r.stdout
        best = dt if best is None else min(best, dt)
    return best, out


def main():
    fzpy = os.path.join(ROOT, "target", "release", "fzpy")
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    others = [("cpython", [sys.executable])]
    mp = shutil.which("micropython")
    if mp:
        others.append(("micropython", [mp]))
    heap = ["--heap", "1m"]
    names = sorted(f for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py")
    print(f"{'benchmark':14} {'fzpy s':>8} " + " ".join(f"{n + ' s':>14} {'ratio':>6}" for n, _ in others))
    for name in names:
        path = os.path.join(HERE, name)
        t_fz, out_fz = best_time([fzpy, *heap, path])
        row = f"{name[:-3]:14} " + (f"{t_fz:8.3f} " if t_fz else f"{'error':>8} ")
        for _, cmd in others:
            t, out = best_time([*cmd, path])
            if t and t_fz:
                same = "" if out == out_fz else "*"
                row += f"{t:14.3f} {t_fz / t:6.2f}{same}"
            else:
                row += f"{'-':>14} {'-':>6}"
        print(row)
        if not t_fz:
            print(f"    fzpy: {out_fz}")
    print("ratio = fzpy time / other time (lower is better); * = outputs differ")


if __name__ == "__main__":
    main()
