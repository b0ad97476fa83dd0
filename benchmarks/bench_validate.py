"""Benchmark: load and validate a national-scale programme (target: at most 10 s on 2 cores).

    python benchmarks/bench_validate.py [--mentees 20000] [--mentors 12000] [--pairs 8000]
                                        [--notes 100000] [--seed 1] [--runs 3] [--workers N] [--profile]

Generates the programme once under benchmarks/data/ (git-ignored) and reuses
it; then times `mentorat_cli.check.pipeline.load`, the loader and every check that
`mentorat validate` runs, and prints files, seconds, files per second and peak
memory. It also prints the CPU seconds used (main process and workers) and the
load average: on a shared machine the wall time varies, the CPU time much less.
`--profile` adds a cProfile of one serial run (workers=1), where the
time of each stage is visible. A last run times `mentorat validate` end to
end in a new process (imports and printing included). `--no-gc` measures the load with Python's
garbage collector switched off (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import hashlib
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

from mentorat_cli.check import pipeline  # noqa: E402

TODAY = dt.date(2026, 11, 25)
TARGET_SECONDS = 10.0


def dataset(mentees: int, mentors: int, pairs: int, notes: int, seed: int) -> Path:
    """The generated programme for these parameters, made once and reused (a marker proves it is complete)."""
    # The generator's own source is part of the key: a changed generator makes a new programme.
    source = b"".join((HERE / name).read_bytes() for name in ("generate.py", "make_sample.py"))
    params = {
        "mentees": mentees,
        "mentors": mentors,
        "pairs": pairs,
        "notes": notes,
        "seed": seed,
        "generator": hashlib.sha256(source).hexdigest()[:16],
    }
    root = HERE / "data" / f"national-{mentees}-{mentors}-{pairs}-{notes}-s{seed}"
    marker = root / ".complete.json"
    if marker.is_file() and json.loads(marker.read_text()) == params:
        return root
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    generate(root, mentees, mentors, pairs, notes, seed)
    marker.write_text(json.dumps(params))
    print(f"generated {root} in {time.perf_counter() - started:.1f} s")
    return root


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _cpu_seconds() -> tuple[float, float]:
    """CPU time used so far by this process and by its finished workers (robust to other load on the machine)."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime


def run_once(root: Path, workers: int | None, collect: bool = True) -> tuple[float, tuple[float, float], int, int]:
    """(wall seconds, (main, workers) CPU seconds, files checked, problems) of one full load and check.

    collect=False switches Python's cyclic garbage collector off during the load, to measure what
    it costs: the load keeps millions of objects alive, which each collection scans again.
    """
    gc.collect()
    if not collect:
        gc.disable()
    try:
        (main0, work0), started = _cpu_seconds(), time.perf_counter()
        programme, found = pipeline.load(root, TODAY, workers=workers)
        seconds = time.perf_counter() - started
        main1, work1 = _cpu_seconds()
    finally:
        gc.enable()
    return seconds, (main1 - main0, work1 - work0), programme.files_checked, len(found)


def traced_peak_mb(root: Path, workers: int | None) -> float:
    """Peak Python allocations of one load, in MB (a separate run: tracing slows the loader several times)."""
    tracemalloc.start()
    pipeline.load(root, TODAY, workers=workers)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def end_to_end(root: Path) -> tuple[float, int, str]:
    """Wall seconds, exit code and last output line of `mentorat validate` run as a user would (a new process)."""
    command = [sys.executable, "-m", "mentorat_cli", "--root", str(root), "--today", TODAY.isoformat(), "validate"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=HERE.parent)
    last = (done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or [""])[-1]
    return time.perf_counter() - started, done.returncode, last


def profile(root: Path, top: int) -> None:
    """cProfile of one serial load: where the time goes."""
    profiler = cProfile.Profile()
    profiler.enable()
    pipeline.load(root, TODAY, workers=1)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
    print(f"\n--- cProfile, serial load, top {top} by cumulative time ---")
    stats.print_stats(top)
    print(f"--- top {top} by own time ---")
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> None:
    """Command line: time the loads and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=20000)
    parser.add_argument("--mentors", type=int, default=12000)
    parser.add_argument("--pairs", type=int, default=8000)
    parser.add_argument("--notes", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best and the median are printed")
    parser.add_argument("--workers", type=int, default=None, help="loader processes (default: the loader's choice)")
    parser.add_argument("--skip-cli", action="store_true", help="do not time `mentorat validate` end to end")
    parser.add_argument("--no-gc", action="store_true", help="switch the garbage collector off during each load (to measure what it costs)")
    parser.add_argument("--memory", action="store_true", help="also trace the main process's peak Python allocations")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of one serial run")
    parser.add_argument("--top", type=int, default=25, help="lines of profile to print")
    args = parser.parse_args(argv)

    root = dataset(args.mentees, args.mentors, args.pairs, args.notes, args.seed)
    print(
        f"programme: {root}  ({args.mentees} mentees, {args.mentors} mentors, {args.pairs} pairs, "
        f"{args.notes} notes; {os.cpu_count()} CPUs)"
    )
    times = []
    for run in range(1, args.runs + 1):
        load_before = os.getloadavg()[0]
        seconds, cpu, files, problems = run_once(root, args.workers, collect=not args.no_gc)
        times.append(seconds)
        print(
            f"run {run}: {files} files, {seconds:.2f} s, {files / seconds:,.0f} files/s, {problems} problem(s); "
            f"CPU {cpu[0]:.1f} s main + {cpu[1]:.1f} s workers; load average before {load_before:.1f} "
            f"on {os.cpu_count()} CPUs"
        )
        if problems:
            print("warning: the generated programme should be valid; see `mentorat validate --root` on it")
    best, median = min(times), sorted(times)[len(times) // 2]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"best {best:.2f} s, median {median:.2f} s ({files / best:,.0f} files/s at best); "
        f"peak RSS {rss_mb:.0f} MB (this process), {_children_peak_mb():.0f} MB (largest worker); "
        + (
            f"target <= {TARGET_SECONDS:.0f} s: {'met' if median <= TARGET_SECONDS else 'MISSED'}"
            if args.mentees >= 20000 and args.mentors >= 12000
            else "the target is for 20,000 mentees and 12,000 mentors"
        )
    )
    if not args.skip_cli:
        seconds, code, last = end_to_end(root)
        print(f"end to end, `mentorat validate` in a new process: {seconds:.2f} s, exit code {code}: {last}")
    if args.memory:
        print(f"peak Python allocations of one load (tracemalloc, main process): {traced_peak_mb(root, args.workers):.0f} MB")
    if args.profile:
        profile(root, args.top)


if __name__ == "__main__":
    main()
