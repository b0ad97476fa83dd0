"""`mentorat pair`'s work stage by stage, in one process: seconds, CPU and peak memory of each stage.

    .venv/bin/python benchmarks/profile_pair.py PROGRAMME [--today 2026-11-25] [--write] [--cprofile STAGE]

Stages: load (people and pairs, no notes), setup, encode, candidates, solve,
build (the proposal files' text), write (only with --write: the transaction,
on PROGRAMME itself, so give it a hard-linked copy). For each stage it prints
wall and CPU seconds, the peak resident memory during the stage (the kernel's
high-water mark, reset before each stage through /proc/self/clear_refs) and
the resident memory after it. Worker processes of the load are separate
processes: their own peak is printed from getrusage(RUSAGE_CHILDREN).
`--cprofile STAGE` prints the 25 costliest functions of that stage.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mentorat_cli.check import pipeline  # noqa: E402
from mentorat_cli.io import storage  # noqa: E402
from mentorat_cli.load import repository  # noqa: E402
from mentorat_cli.pair import candidates, encode, plan, propose, solve  # noqa: E402


def _status(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass  # an older kernel: the peak then covers every stage so far


def stage(name: str, fn: Callable[[], Any], profile: str | None) -> Any:
    _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    prof = cProfile.Profile() if profile == name else None
    result = prof.runcall(fn) if prof else fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{name:<11} {wall:7.2f} s wall {cpu:7.2f} s CPU  peak {_status('VmHWM'):7.0f} MiB  after {_status('VmRSS'):7.0f} MiB", flush=True
    )
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("programme", type=Path)
    parser.add_argument("--today", default="2026-11-25")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--cprofile", metavar="STAGE")
    args = parser.parse_args()
    root, today, prof = args.programme.resolve(), dt.date.fromisoformat(args.today), args.cprofile
    programme, _found = stage("load", lambda: pipeline.load(root, today, parts=repository.PEOPLE_AND_PAIRS), prof)
    s = stage("setup", lambda: plan.setup(programme), prof)
    enc = stage("encode", lambda: encode.encode(s.config, [r.data for r in s.mentees], [r.data for r in s.mentors], s.managers), prof)
    cand = stage("candidates", lambda: candidates.build(enc, s.capacity, plan.DEFAULT_K, s.previous), prof)

    def rescore(rows, cols):  # type: ignore[no-untyped-def]
        return candidates.rescore(enc, rows, s.capacity, s.previous, cols)

    solution = stage("solve", lambda: solve.solve(cand, s.capacity, "total", rescore), prof)
    run = plan.Run(s, enc, cand, solution, plan.DEFAULT_K)
    proposed = stage("build", lambda: propose.files(programme, run, today, "total"), prof)
    print(f"files to write {len(proposed.writes)}, to remove {len(proposed.changes.removes)}")
    if args.write:
        stage("write", lambda: storage.write_files(root, proposed.writes, removes=proposed.changes.removes), prof)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"worker processes: {children.ru_utime + children.ru_stime:.2f} s CPU, peak {children.ru_maxrss / 1024:.0f} MiB")
    print(f"this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (whole run)")


if __name__ == "__main__":
    main()
