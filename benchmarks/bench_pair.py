"""Pairing benchmark: end-to-end time and memory, against a greedy baseline and an exact dense solver.

    .venv/bin/python benchmarks/bench_pair.py [--sizes 1000x600,5000x3000,20000x12000] [--keep DIR]

For each size a synthetic programme is written (not timed), then a child
process runs the real pipeline - load and check the files, score and prune,
solve with the optimality proof, write the proposal files - and reports each
stage's time and its peak memory. In the same child, after the measured run:
a greedy best-pair-first baseline, and, where the slot-expanded matrix fits
in memory, SciPy's dense linear_sum_assignment as the exact reference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pair_synthetic  # noqa: E402

from mentorat_cli.check import pipeline
from mentorat_cli.io import storage  # noqa: E402
from mentorat_cli.pair import candidates, encode, plan, proposal, solve  # noqa: E402

TODAY = dt.date(2026, 11, 25)
DENSE_LIMIT = 80_000_000  # cells of the slot-expanded matrix (x 8 bytes, plus SciPy's copies)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _figures(units: np.ndarray, mate: np.ndarray) -> dict:
    got = units[mate >= 0]
    return {"matched": int(len(got)), "total": int(got.sum()) / 100, "min": (int(got.min()) / 100) if len(got) else None}


def greedy(run: plan.Run) -> tuple[np.ndarray, np.ndarray, float]:
    """Best pair first over each mentee's candidates, then each leftover mentee takes its best free mentor."""
    started = time.perf_counter()
    cand, cap = run.cand, run.setup.capacity.copy()
    n = len(run.setup.mentees)
    mate, units = np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64)
    order = np.lexsort((cand.arc_j, cand.arc_i, -cand.arc_u))
    for i, j, u in zip(cand.arc_i[order].tolist(), cand.arc_j[order].tolist(), cand.arc_u[order].tolist(), strict=False):
        if mate[i] < 0 and cap[j] > 0:
            mate[i], units[i], cap[j] = j, u, cap[j] - 1
    for i in np.flatnonzero(mate < 0).tolist():
        feasible, score = candidates.rescore(run.enc, np.array([i]), cap, run.setup.previous)
        if feasible[0].any():
            j = int(np.argmax(np.where(feasible[0], score[0], -1)))
            mate[i], units[i], cap[j] = j, score[0, j], cap[j] - 1
    return mate, units, time.perf_counter() - started


def dense(run: plan.Run) -> dict | None:
    """The exact optimum with SciPy's dense solver on the slot-expanded matrix (None if too big)."""
    from scipy.optimize import linear_sum_assignment

    n, cap = len(run.setup.mentees), run.setup.capacity
    slots = np.repeat(np.arange(len(cap)), cap)
    if n * (len(slots) + n) > DENSE_LIMIT:
        return None
    started = time.perf_counter()
    feasible, units = candidates.rescore(run.enc, np.arange(n), cap, run.setup.previous)
    bigw = solve.big(n)
    weight = np.full((n, len(slots) + n), -1.0)
    weight[:, : len(slots)] = np.where(feasible, bigw + units, -1.0)[:, slots]
    weight[np.arange(n), len(slots) + np.arange(n)] = 0.0
    rows, cols = linear_sum_assignment(weight, maximize=True)
    mate = np.full(n, -1, dtype=np.int64)
    real = cols < len(slots)
    mate[rows[real]] = slots[cols[real]]
    got = units[np.arange(n), np.maximum(mate, 0)]
    return {**_figures(np.where(mate >= 0, got, -1), mate), "seconds": time.perf_counter() - started, "peak_mib": _peak_mib()}


def child(root: Path) -> dict:
    """The measured run on one programme folder, then the baselines."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    prog, _ = pipeline.load_valid(root, TODAY)
    times["load"] = time.perf_counter() - t0
    t = time.perf_counter()
    s = plan.setup(prog)
    enc = encode.encode(s.config, [r.data for r in s.mentees], [r.data for r in s.mentors], s.managers)
    cand = candidates.build(enc, s.capacity, plan.DEFAULT_K, s.previous)
    times["score"] = time.perf_counter() - t
    t = time.perf_counter()
    solution = solve.solve(cand, s.capacity, "total", lambda rows, cols: candidates.rescore(enc, rows, s.capacity, s.previous, cols))
    times["solve"] = time.perf_counter() - t
    run = plan.Run(s, enc, cand, solution, plan.DEFAULT_K)
    t = time.perf_counter()
    changes = proposal.build(prog, run, TODAY, "total")
    with storage.lock(root):
        storage.write_files(root, changes.writes)
    times["write"] = time.perf_counter() - t
    times["end_to_end"] = time.perf_counter() - t0
    out = {
        "times": times,
        "peak_mib": _peak_mib(),
        "ours": _figures(solution.units, solution.mate),
        "rounds": solution.rounds,
        "added": solution.added,
        "checked_rows": solution.checked_rows,
        "workers_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    g_mate, g_units, g_seconds = greedy(run)
    out["greedy"] = {**_figures(g_units, g_mate), "seconds": g_seconds}
    out["dense"] = dense(run)
    return out


def _line(name: str, fig: dict, seconds: float | None, mib: float | None, ref: dict) -> str:
    gap = (ref["total"] - fig["total"]) / ref["total"] * 100 if ref["total"] else 0.0
    secs = f"{seconds:7.2f} s" if seconds is not None else "        "
    mem = f"{mib:7.0f} MiB" if mib is not None else "           "
    low = f"{fig['min']:.2f}" if fig["min"] is not None else "-"
    return f"  {name:<18} {secs}  {mem}  matched {fig['matched']:>6}  total {fig['total']:>12.2f}  min {low:>6}  gap to ours {gap:+.3f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000x600,5000x3000,20000x12000")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--profiles",
        default="standard,tight",
        help="standard: capacities 1-3 uniform; tight: mostly 1 (fewer places than mentees), 12-year gap",
    )
    parser.add_argument("--keep", type=Path, help="write the programmes here instead of a temporary folder")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    for size, profile in [(s, p) for s in args.sizes.split(",") for p in args.profiles.split(",")]:
        n, m = (int(x) for x in size.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            root = (args.keep or Path(tmp)) / f"prog-{n}x{m}-{profile}"
            pair_synthetic.write(root, n, m, tight=profile == "tight")
            done = subprocess.run([sys.executable, __file__, "--child", str(root)], capture_output=True, text=True)
            if done.returncode:
                print(done.stderr)
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
        t = r["times"]
        print(f"{n} mentees x {m} mentors, {profile} (capacities 1-3)")
        print(
            f"  end to end {t['end_to_end']:.2f} s (load {t['load']:.2f}, score+prune {t['score']:.2f}, "
            f"solve+proof {t['solve']:.2f}, write {t['write']:.2f}); peak {r['peak_mib']:.0f} MiB "
            f"(loader workers {r['workers_peak_mib']:.0f} MiB each at most)"
        )
        print(f"  proof: {r['rounds']} round(s), {r['added']} couple(s) added back, {r['checked_rows']} mentee rows checked in full")
        print(_line("ours (optimal)", r["ours"], t["solve"], r["peak_mib"], r["ours"]))
        print(_line("greedy", r["greedy"], r["greedy"]["seconds"], None, r["ours"]))
        if r["dense"]:
            d = r["dense"]
            print(_line("exact dense (LSA)", d, d["seconds"], d["peak_mib"], r["ours"]))
            same = (d["matched"], d["total"]) == (r["ours"]["matched"], r["ours"]["total"])
            print(f"  ours equals the exact optimum: {'yes' if same else 'NO'}")
        else:
            print("  exact dense solver skipped: the slot-expanded matrix does not fit in memory here")


if __name__ == "__main__":
    main()
