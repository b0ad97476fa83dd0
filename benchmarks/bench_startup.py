"""Benchmark: start-up of `mentorat --version` and `mentorat --help`, with and without translation catalogues.

    python benchmarks/bench_startup.py [--runs 15]

Runs each command in a new process, `--runs` times, and prints the median wall time and its
ratio to `python -c pass` measured in the same run (the machine is shared: ratios travel
better than seconds). English needs no catalogue; French loads the compiled .mo; "fr, .po
newer" makes the .po look edited, so the catalogue is compiled in memory with Babel (what a
translator sees in a source tree). Target: every line under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from mentorat_cli.core import i18n  # noqa: E402


def median_seconds(argv: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of `runs` fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    base_env = {k: v for k, v in os.environ.items() if k not in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES")}
    base_env["LANG"] = "C.UTF-8"
    po, mo = i18n.catalogue_paths("fr")
    if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
        subprocess.run([python, "-m", "mentorat_cli.tools.i18n_tools", "compile"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    cases = [
        ("python -c pass (baseline)", [python, "-c", "pass"], {}),
        ("mentorat --version (en)", [python, "-m", "mentorat_cli", "--version"], {"MENTORAT_LANG": "en"}),
        ("mentorat --version (fr, .mo)", [python, "-m", "mentorat_cli", "--version"], {"MENTORAT_LANG": "fr"}),
        ("mentorat --help (en)", [python, "-m", "mentorat_cli", "--help"], {"MENTORAT_LANG": "en"}),
        ("mentorat --help (fr, .mo)", [python, "-m", "mentorat_cli", "--help"], {"MENTORAT_LANG": "fr"}),
        ("mentorat pair --help (fr, .mo)", [python, "-m", "mentorat_cli", "pair", "--help"], {"MENTORAT_LANG": "fr"}),
    ]
    results = [(name, median_seconds(argv, {**base_env, **env}, args.runs)) for name, argv, env in cases]
    # A .po newer than its .mo: compiled in memory with Babel (source trees only; wheels ship the .mo).
    saved = mo.stat()
    os.utime(mo, (saved.st_atime, po.stat().st_mtime - 10))
    try:
        stale = median_seconds([python, "-m", "mentorat_cli", "--help"], {**base_env, "MENTORAT_LANG": "fr"}, args.runs)
    finally:
        os.utime(mo, (saved.st_atime, saved.st_mtime))
    results.append(("mentorat --help (fr, .po newer: Babel)", stale))
    baseline = results[0][1]
    print(f"{'command':<42} {'median s':>9} {'x baseline':>11}")
    for name, seconds in results:
        print(f"{name:<42} {seconds:>9.3f} {seconds / baseline:>11.1f}")


if __name__ == "__main__":
    main()
