"""`mentorat pair` end to end as a user runs it (new process, lock, load, solve, transaction), against a baseline.

    .venv/bin/python benchmarks/bench_pair_cli.py [--size 20000x12000] [--runs 3] [--baseline SRC_DIR]

The synthetic programme (see pair_synthetic.py) is written once under
benchmarks/data/ and copied afresh before every run (copy not timed), so
that each run writes the whole proposal. With --baseline, each run of this
source tree alternates with a run of another copy of the source (say, a
`git archive` of main unpacked in /tmp), so that both see the same load on
a shared machine; the ratio of the medians is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import pair_synthetic  # noqa: E402

TODAY = "2026-11-25"


def dataset(n: int, m: int) -> Path:
    """The synthetic programme under benchmarks/data/, written the first time only."""
    root = HERE / "data" / f"pair-{n}x{m}"
    if not (root / "programme.yaml").is_file():
        pair_synthetic.write(root, n, m)
    return root


def timed_run(source: Path, programme: Path) -> float:
    """Seconds for one `python -m mentorat_cli pair` on a fresh copy of `programme`, with `source` on the path."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "prog"
        shutil.copytree(programme, copy)
        env = {**os.environ, "PYTHONPATH": str(source)}
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "mentorat_cli", "--root", str(copy), "--today", TODAY, "-q", "pair"],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        if done.returncode:
            raise SystemExit(f"pair failed ({done.returncode}) with {source}:\n{done.stderr}")
        return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="20000x12000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another source tree to compare with")
    args = parser.parse_args()
    n, m = (int(x) for x in args.size.split("x"))
    programme = dataset(n, m)
    ours: list[float] = []
    base: list[float] = []
    for run in range(args.runs):
        if args.baseline:
            base.append(timed_run(args.baseline, programme))
        ours.append(timed_run(HERE.parent, programme))
        line = f"run {run + 1}: this tree {ours[-1]:.2f} s"
        print(line + (f", baseline {base[-1]:.2f} s" if base else ""), flush=True)
    print(f"median: this tree {statistics.median(ours):.2f} s", end="")
    if base:
        ratio = statistics.median(ours) / statistics.median(base)
        print(f", baseline {statistics.median(base):.2f} s, ratio {ratio:.3f}")
    else:
        print()
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
