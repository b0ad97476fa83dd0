"""Benchmark: charters and follow-up sheets in HTML for every pair of a 1,000-pair programme.

Target (issue 4): <= 10 s for all charters and sheets. Run:
    .venv/bin/python benchmarks/bench_documents.py [PAIRS]
The programme is generated in a temporary folder (2 notes per pair).
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

from mentorat_cli.cli import main

PROGRAMME = """\
schema_version: 1
name: Programme de référence
organiser: École de démonstration
kind: school
language: fr
cohort: {id: "2026", start: "2026-09-01", end: "2027-06-30"}
coordinator: {name: Claire Dubois, email: coordination@example.org}
capacity: {default: 1, max: 1}
"""


def generate(root: Path, pairs: int) -> None:
    """A valid programme with `pairs` confirmed pairs, two meeting notes each."""
    (root / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    for folder in ("mentors", "mentees", "pairs", "notes"):
        (root / folder).mkdir()
    for n in range(pairs):
        mentor, mentee = f"mentor-{n:05d}", f"mentee-{n:05d}"
        (root / "mentors" / f"{mentor}.yaml").write_text(
            f"id: {mentor}\nfirst_name: Jean\nlast_name: Martin{n}\nemail: {mentor}@example.org\n"
            "civil_servant: true\nstatus: accepted\ntrained_on: '2026-09-10'\n",
            encoding="utf-8",
        )
        (root / "mentees" / f"{mentee}.yaml").write_text(
            f"id: {mentee}\nfirst_name: Marie\nlast_name: Dupont{n}\nemail: {mentee}@example.org\n"
            "status: accepted\nregistered_on: '2026-09-02'\nobjectives:\n"
            "  - {theme: career-orientation, text: Choisir une affectation}\n  - {theme: networking}\n",
            encoding="utf-8",
        )
        pid = f"{mentee}--{mentor}"
        (root / "pairs" / f"{pid}.yaml").write_text(
            f"id: {pid}\nmentee: {mentee}\nmentor: {mentor}\nstatus: confirmed\nconfirmed_on: '2026-09-20'\nstarted_on: '2026-10-05'\n",
            encoding="utf-8",
        )
        notes = root / "notes" / pid
        notes.mkdir()
        for date, kind in (("2026-10-05", "first"), ("2026-11-05", "regular")):
            (notes / f"{date}-{kind}.md").write_text(
                f"---\ndate: '{date}'\nkind: {kind}\nduration_minutes: 60\n---\nprivé\n", encoding="utf-8"
            )


def run(args: list[str]) -> float:
    """Seconds taken by one CLI run (in-process, output swallowed)."""
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            main(["--today", "2026-11-25", *args])
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise RuntimeError(f"{args} exited {exc.code}") from None
    return time.perf_counter() - start


def bench(pairs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "programme"
        root.mkdir()
        generate(root, pairs)
        root_arg = ["--root", str(root)]
        load = run([*root_arg, "validate"])
        charters = run([*root_arg, "charter", "--all", "--format", "html"])
        sheets = run([*root_arg, "sheet", "--all", "--format", "html"])
        written = len(list((root / "out").iterdir()))
        status = run([*root_arg, "status", "--format", "json"])
        calendar = run([*root_arg, "calendar", "--all"])
        print(f"pairs: {pairs}  files written: {written}")
        print(f"validate (load + checks):      {load:6.2f} s")
        print(f"charter --all --format html:   {charters:6.2f} s  (includes loading)")
        print(f"sheet --all --format html:     {sheets:6.2f} s  (includes loading)")
        print(f"charters + sheets:             {charters + sheets:6.2f} s  (target <= 10 s)")
        print(f"status --format json:          {status:6.2f} s  (includes loading)")
        print(f"calendar --all:                {calendar:6.2f} s  (includes loading)")


if __name__ == "__main__":
    bench(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
