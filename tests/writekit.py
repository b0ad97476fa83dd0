"""Helpers for the crash and concurrency tests: programmes big enough to interrupt, CLI subprocesses, tree checks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROGRAMME_YAML, REPO, TODAY

sys.path.insert(0, str(REPO / "benchmarks"))
import pair_synthetic  # noqa: E402

LEGACY_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
LOCK = ".mentorat.lock"


def command(root: Path, *args: str) -> list[str]:
    """The real CLI in a new process, as a user runs it."""
    return [sys.executable, "-m", "mentorat_cli", "--root", str(root), "--today", TODAY, *args]


def start(root: Path, *args: str, output: bool = True, **env: str) -> subprocess.Popen[str]:
    """The CLI started in the background; without `output`, its output is dropped (a full pipe would block it)."""
    pipe = subprocess.PIPE if output else subprocess.DEVNULL
    return subprocess.Popen(command(root, *args), env={**os.environ, **env}, stdout=pipe, stderr=pipe, text=True)


def run(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(root, *args), env={**os.environ, **env}, capture_output=True, text=True)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes (the lock file aside: it only says who is writing; the
    .mentorat/cache/ folder aside too: a git-ignored copy of what was read, never the programme's data)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != LOCK and p.relative_to(root).parts[:2] != (".mentorat", "cache")
    }


def temporaries(root: Path) -> list[str]:
    """Anything a write leaves behind: transaction folders, old-style temp files, a lock file."""
    found = [
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if LEGACY_TEMP.match(p.name) or p.name == LOCK or "tmp" in p.relative_to(root).parts[:2]
    ]
    return sorted(found)


def pairing_programme(root: Path, mentees: int, mentors: int) -> Path:
    """A synthetic programme (benchmarks/pair_synthetic.py) with its editor schemas, ready to pair."""
    pair_synthetic.write(root, mentees, mentors, tight=True)
    done = run(root, "schemas")
    assert done.returncode == 0, done.stderr
    return root


def import_programme(root: Path, rows: int) -> tuple[Path, Path]:
    """An empty programme and a form export of `rows` new mentees (each import creates `rows` files)."""
    root.mkdir(parents=True)
    (root / "programme.yaml").write_text(PROGRAMME_YAML, encoding="utf-8")
    done = run(root, "schemas")
    assert done.returncode == 0, done.stderr
    lines = ["Prénom,Nom,Courriel,Ville"] + [f"Personne{i},Nom{i},p{i}@example.org,Lyon" for i in range(rows)]
    source = root.parent / f"{root.name}.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, source


def copy(base: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(base, target)
    return target
