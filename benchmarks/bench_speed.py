"""Benchmark: the speed a coordinator feels, command by command, as ratios measured in one run.

    python benchmarks/bench_speed.py [--old DIR] [--runs 1] [--only CASE,...] [--mentees 20000 ...]

Times `mentorat` as a user runs it (a new process each time, `python -m
mentorat_cli`) on the national programme written by generate.py: validate
(cold, warm, after editing one profile), pair (first, again with nothing
changed), report --format html, --version, --help, and scores --format csv on
a 3,000 x 1,800 programme; `python -c pass` is timed beside them as the
start-up baseline. Each case prints wall seconds, CPU seconds and peak RSS.

`--old DIR` also times a checkout of another version (e.g. the code before a
change: `git archive <rev> | tar -x -C DIR`) case by case, back to back with
this one, and prints new/old ratios: the machine is shared, so only ratios
measured in the same run mean anything. Pairing writes files, so every
variant works on its own copy of the programme (hard links: writes replace
files by renaming, never in place), made afresh for each run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_validate import dataset  # noqa: E402

TODAY = "2026-11-25"
CASES = ("pass", "version", "help", "validate", "validate-warm", "validate-edit", "pair", "pair-again", "report", "scores")


@dataclass
class Timing:
    """One process: wall and CPU seconds, peak RSS in MiB, exit code."""

    wall: float
    cpu: float
    rss: float
    code: int


def run(code_dir: Path, args: list[str], out: Path | None = None) -> Timing:
    """`python -m mentorat_cli ARGS` with the package taken from `code_dir` (it is the working directory)."""
    command = [sys.executable, *args] if args[:1] == ["-c"] else [sys.executable, "-m", "mentorat_cli", *args]
    sink = open(out, "wb") if out else subprocess.DEVNULL  # noqa: SIM115
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=code_dir, stdout=sink, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if out:
        sink.close()  # type: ignore[union-attr]
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def fresh_copy(source: Path, target: Path) -> Path:
    """A hard-linked copy of the programme (fast; our writes rename new files into place)."""
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-al", str(source), str(target)], check=True)
    shutil.rmtree(target / ".mentorat" / "cache", ignore_errors=True)
    return target


def edit_one_profile(root: Path) -> None:
    """Change one mentee's profile the way an editor saves it (a new file renamed into place)."""
    path = sorted((root / "mentees").iterdir())[0]
    temporary = path.with_name(".bench-edit.tmp")
    temporary.write_text(path.read_text(encoding="utf-8") + "# relancé par téléphone\n", encoding="utf-8")
    os.replace(temporary, path)


def cases_for(root: Path, small: Path, work: Path) -> dict[str, tuple[list[str], str]]:
    """Each case: its arguments and what must happen before it ("fresh" copy, "edit", or nothing)."""
    common = ["--root", str(work), "--today", TODAY]
    return {
        "pass": (["-c", "pass"], ""),
        "version": (["--version"], ""),
        "help": (["--help"], ""),
        "validate": ([*common, "validate"], "fresh"),
        "validate-warm": ([*common, "validate"], ""),
        "validate-edit": ([*common, "validate"], "edit"),
        "pair": ([*common, "pair"], "fresh"),
        "pair-again": ([*common, "pair"], ""),
        "report": ([*common, "report", "--format", "html", "-o", str(work / "out" / "report.html")], ""),
        "scores": (["--root", str(small), "--today", TODAY, "scores", "--format", "csv"], "scores"),
    }


def measure(variants: dict[str, Path], root: Path, small: Path, only: list[str], runs: int) -> dict[str, dict[str, list[Timing]]]:
    """Every case for every variant, back to back, `runs` times; the work copies live under benchmarks/data/."""
    results: dict[str, dict[str, list[Timing]]] = {case: {name: [] for name in variants} for case in only}
    for _ in range(runs):
        for case in only:
            for name, code_dir in variants.items():
                work = HERE / "data" / f"work-{name}"
                args, before = cases_for(root, small, work)[case]
                if before == "fresh" or (str(work) in args and not work.exists()):
                    fresh_copy(root, work)
                if before == "edit":
                    edit_one_profile(work)
                if before == "scores":
                    shutil.rmtree(small / ".mentorat" / "cache", ignore_errors=True)
                out = HERE / "data" / f"scores-{name}.csv" if case == "scores" else None
                timing = run(code_dir, args, out)
                results[case][name].append(timing)
                print(
                    f"  {case:<14} {name:<4} {timing.wall:7.2f} s wall {timing.cpu:7.2f} s CPU {timing.rss:6.0f} MiB  exit {timing.code}",
                    flush=True,
                )
    return results


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def table(results: dict[str, dict[str, list[Timing]]], variants: list[str]) -> None:
    """Markdown table: per variant median wall / CPU / RSS, and the new/old ratio of wall times."""
    head = ["command"] + [f"{v} wall | {v} CPU | {v} RSS" for v in variants]
    if len(variants) == 2:
        head += ["new / old (wall)", "new / old (CPU)"]
    print("\n| " + " | ".join(head) + " |")
    print("|" + " --- |" * (1 + 3 * len(variants) + 2 * (len(variants) == 2)))
    for case, by_variant in results.items():
        cells = [case]
        for v in variants:
            timings = by_variant[v]
            cells += [
                f"{median([t.wall for t in timings]):.2f} s",
                f"{median([t.cpu for t in timings]):.2f} s",
                f"{median([t.rss for t in timings]):.0f} MiB",
            ]
        if len(variants) == 2:
            for attribute in ("wall", "cpu"):
                old, new = (median([getattr(t, attribute) for t in by_variant[v]]) for v in variants)
                cells.append(f"{new / old:.0%}" if old else "-")
        print("| " + " | ".join(cells) + " |")


def targets(results: dict[str, dict[str, list[Timing]]], name: str, old: str | None) -> None:
    """The issue's targets, each as a ratio of two figures of this run."""

    def wall(case: str, variant: str = name, attribute: str = "wall") -> float | None:
        found = results.get(case, {}).get(variant)
        return median([getattr(t, attribute) for t in found]) if found else None

    def cpu(case: str, variant: str = name) -> float | None:
        return wall(case, variant, "cpu")

    checks = [
        ("validate after one edit / cold validate", wall("validate-edit"), wall("validate"), 0.15),
        ("  same, CPU seconds", cpu("validate-edit"), cpu("validate"), 0.15),
        ("pair again / first pair", wall("pair-again"), wall("pair"), 0.15),
        ("  same, CPU seconds", cpu("pair-again"), cpu("pair"), 0.15),
        ("--version / python -c pass", wall("version"), wall("pass"), 3.0),
    ]
    if old:
        checks.append(("cold pair / old cold pair", wall("pair"), wall("pair", old), 0.60))
        checks.append(("  same, CPU seconds", cpu("pair"), cpu("pair", old), 0.60))
        checks.append(("scores csv / old scores csv", wall("scores"), wall("scores", old), 0.20))
        checks.append(("  same, CPU seconds", cpu("scores"), cpu("scores", old), 0.20))
    print(f"\ntargets ({name}):")
    for label, top, bottom, limit in checks:
        if top is None or bottom is None:
            continue
        ratio = top / bottom
        print(f"  {label:<42} {ratio:6.2f}  (target <= {limit:.2f}: {'met' if ratio <= limit else 'MISSED'})")
    for label, value in (("--help wall seconds", wall("help")), ("--help CPU seconds", cpu("help"))):
        if value is not None:
            print(f"  {label:<42} {value:6.2f}  (target <= 0.20: {'met' if value <= 0.2 else 'MISSED'})")


def main(argv: list[str] | None = None) -> None:
    """Command line: measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, help="a checkout of the version to compare with (its top folder)")
    parser.add_argument("--new", type=Path, default=REPO, help="the checkout measured as new (default: this one)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", default=",".join(CASES), help=f"comma-separated cases among {', '.join(CASES)}")
    parser.add_argument("--mentees", type=int, default=20000)
    parser.add_argument("--mentors", type=int, default=12000)
    parser.add_argument("--pairs", type=int, default=8000)
    parser.add_argument("--notes", type=int, default=100000)
    args = parser.parse_args(argv)
    only = [case for case in args.only.split(",") if case]
    unknown = set(only) - set(CASES)
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    # The start-up cases need no programme: generating one (140,000 files at 20k) would only delay them.
    needs_data = bool(set(only) - {"pass", "version", "help"})
    root = dataset(args.mentees, args.mentors, args.pairs, args.notes, 1) if needs_data else HERE
    small = dataset(3000, 1800, 0, 0, 1) if "scores" in only else HERE
    variants = {"new": args.new.resolve()}
    if args.old:
        variants = {"old": args.old.resolve(), "new": args.new.resolve()}
    print(
        f"programme {root.name}; scores on {small.name}; {os.cpu_count()} CPUs; "
        f"load average {os.getloadavg()[0]:.1f}; variants: " + ", ".join(f"{k}={v}" for k, v in variants.items())
    )
    results = measure(variants, root, small, only, args.runs)
    table(results, list(variants))
    targets(results, "new", "old" if args.old else None)
    if args.old and "scores" in only:
        same = (HERE / "data" / "scores-old.csv").read_bytes() == (HERE / "data" / "scores-new.csv").read_bytes()
        print(f"scores csv byte-identical between old and new: {same}")
    print(
        f"peak RSS of this script's children: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB; "
        f"load average now {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
