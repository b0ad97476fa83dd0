"""Benchmark: start-up of the commands a coordinator runs often, with and without translation catalogues.

    python benchmarks/bench_startup.py [--runs 15] [--compare NAME=DIR ...]

Runs each command in a new process, `--runs` times, and prints the median wall time and its
ratio to `python -c pass` measured in the same run (the machine is shared: ratios travel
better than seconds). English needs no catalogue; French loads the compiled .mo; "fr, .po
newer" makes the .po look edited, so the catalogue is compiled in memory with Babel (what a
translator sees in a source tree). Targets (issue 15): --version <= 3x `python -c pass`,
--help <= 0.2 s.

Besides --version and --help, it times the commands that must feel instant on a small
programme: `validate` and `status` with a warm cache (a pre-commit hook, a look many times a
day) and `person show`, each on a copy of the checkout's own sample programme, aged past the
cache's racy window and read once before timing.

`--compare NAME=DIR` also times another checkout (e.g. `git archive <rev> | tar -x -C DIR`),
case by case and run by run, interleaved with this one, and prints this/NAME ratios: only
ratios measured in the same run mean anything. Every checkout runs with this interpreter and
its packages; the translation cases are timed for this checkout only.
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
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from mentorat_cli.core import i18n  # noqa: E402

TODAY = "2026-11-25"
RACY_SECONDS = 2.2  # past load/cache.py's RACY_NS: files written just now are re-read on purpose


def seconds(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh process: CPU moves less than wall on a shared machine."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def median_seconds(argv: list[str], env: dict[str, str], runs: int, cwd: Path = REPO) -> float:
    """Median wall time of `runs` fresh processes."""
    return statistics.median(seconds(argv, env, cwd)[0] for _ in range(runs))


def aged_sample(checkout: Path, scratch: Path) -> Path:
    """A copy of the checkout's sample programme, without cache; the caller waits past the racy window once."""
    target = scratch / checkout.name / "sample"
    shutil.copytree(checkout / "sample-programme", target, ignore=shutil.ignore_patterns("out", ".mentorat"))
    return target


def common_cases(python: str, sample: Path) -> list[tuple[str, list[str]]]:
    """(label, argv) of the cases every checkout runs; `python -m` takes the package from the working directory."""
    cli = [python, "-m", "mentorat_cli"]
    on_sample = [*cli, "--root", str(sample), "--today", TODAY]
    person = sorted(p.stem for p in (sample / "mentees").glob("*.yaml"))[0]
    return [
        ("python -c pass (baseline)", [python, "-c", "pass"]),
        ("mentorat --version", [*cli, "--version"]),
        ("mentorat --help", [*cli, "--help"]),
        ("mentorat validate --help", [*cli, "validate", "--help"]),
        ("mentorat validate (sample, warm cache)", [*on_sample, "validate"]),
        ("mentorat status (sample, warm cache)", [*on_sample, "status"]),
        ("mentorat person show (sample)", [*on_sample, "person", "show", person]),
    ]


def compare(variants: dict[str, Path], env: dict[str, str], runs: int) -> dict[str, dict[str, tuple[float, float]]]:
    """Median (wall, CPU) seconds per case and checkout, the checkouts interleaved run by run."""
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        samples = {name: aged_sample(checkout, Path(scratch) / name) for name, checkout in variants.items()}
        time.sleep(RACY_SECONDS)
        cases = {name: common_cases(python, samples[name]) for name in variants}
        for name, checkout in variants.items():  # warm-up: the cache is written once
            seconds(cases[name][4][1], env, checkout)
        times: dict[str, dict[str, list[tuple[float, float]]]] = {label: {name: [] for name in variants} for label, _ in cases["new"]}
        for _ in range(runs):
            for index, (label, _) in enumerate(cases["new"]):
                for name, checkout in variants.items():
                    times[label][name].append(seconds(cases[name][index][1], env, checkout))
    return {
        label: {name: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found)) for name, found in by_name.items()}
        for label, by_name in times.items()
    }


def translation_cases(python: str, base_env: dict[str, str], runs: int) -> list[tuple[str, float]]:
    """This checkout's help in French: the compiled .mo, and a .po newer than it (compiled with Babel)."""
    po, mo = i18n.catalogue_paths("fr")
    if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
        subprocess.run([python, "-m", "mentorat_cli.tools.i18n_tools", "compile"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    fr = {**base_env, "MENTORAT_LANG": "fr"}
    results = [
        ("mentorat --version (fr, .mo)", median_seconds([python, "-m", "mentorat_cli", "--version"], fr, runs)),
        ("mentorat --help (fr, .mo)", median_seconds([python, "-m", "mentorat_cli", "--help"], fr, runs)),
        ("mentorat pair --help (fr, .mo)", median_seconds([python, "-m", "mentorat_cli", "pair", "--help"], fr, runs)),
    ]
    # A .po newer than its .mo: compiled in memory with Babel (source trees only; wheels ship the .mo).
    saved = mo.stat()
    os.utime(mo, (saved.st_atime, po.stat().st_mtime - 10))
    try:
        stale = median_seconds([python, "-m", "mentorat_cli", "--help"], fr, runs)
    finally:
        os.utime(mo, (saved.st_atime, saved.st_mtime))
    results.append(("mentorat --help (fr, .po newer: Babel)", stale))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=DIR", help="another checkout to time beside this one")
    args = parser.parse_args()
    base_env = {k: v for k, v in os.environ.items() if k not in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES")}
    base_env["LANG"] = "C.UTF-8"
    variants = {"new": REPO}
    for item in args.compare:
        name, _, folder = item.partition("=")
        if not folder or name == "new":
            parser.error(f"--compare takes NAME=DIR (NAME other than 'new'): {item}")
        variants[name] = Path(folder).resolve()
    print(
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}; medians of {args.runs} runs; "
        + ", ".join(f"{k}={v}" for k, v in variants.items())
    )
    medians = compare(variants, {**base_env, "MENTORAT_LANG": "en"}, args.runs)
    baseline = medians["python -c pass (baseline)"]
    others = [name for name in variants if name != "new"]
    for index, what in ((0, "wall"), (1, "CPU")):
        head = f"{what + ' seconds':<42}" + "".join(f" {name:>9} {'x pass':>7}" for name in variants)
        print("\n" + head + "".join(f" {'new/' + name:>9}" for name in others))
        for label, found in medians.items():
            line = f"{label:<42}" + "".join(f" {found[n][index]:>9.3f} {found[n][index] / baseline[n][index]:>7.1f}" for n in variants)
            print(line + "".join(f" {found['new'][index] / found[n][index]:>9.0%}" for n in others))
    print(f"\n{'wall seconds, this checkout only':<42}")
    for label, value in translation_cases(sys.executable, base_env, args.runs):
        print(f"{label:<42} {value:>9.3f} {value / baseline['new'][0]:>7.1f}")
    version, help_ = medians["mentorat --version"]["new"][0], medians["mentorat --help"]["new"][0]
    print(f"\ntargets: --version / python -c pass {version / baseline['new'][0]:.1f} (<= 3.0), --help {help_:.3f} s wall (<= 0.2 s)")
    print(f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
