"""Shared test helpers: run the real CLI on real files in temporary folders."""

from __future__ import annotations

import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from mentorat_cli.cli import main

# Most tests assert on the English messages: they choose English explicitly, as a person would with
# MENTORAT_LANG (which beats the programme's language). French tests unset it (see test_french.py).
os.environ["MENTORAT_LANG"] = "en"

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample-programme"
TODAY = "2026-11-25"  # fixed "today" so that outputs are reproducible

PROGRAMME_YAML = """\
schema_version: 1
name: Programme de test
organiser: École de test
kind: school
language: fr
cohort: {id: "2026", start: "2026-09-01", end: "2027-06-30"}
coordinator: {name: Claire Dubois, email: coordination@example.org}
"""


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """run_cli(["validate"], cwd=path) -> Result(code, out, err), in-process."""

    def run(args: list[str], cwd: Path | None = None, today: str | None = TODAY) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        argv = (["--today", today] if today else []) + [str(a) for a in args]
        capsys.readouterr()
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files under root from {relative path: text or bytes}; text is dedented."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def programme(tmp_path: Path):
    """programme(files) -> a minimal valid programme folder plus the given files."""

    def make(files: dict[str, str | bytes] | None = None, programme_yaml: str = PROGRAMME_YAML) -> Path:
        root = tmp_path / "prog"
        root.mkdir(exist_ok=True)
        write_tree(root, {"programme.yaml": programme_yaml, **(files or {})})
        return root

    return make


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the bundled sample programme."""
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("out"))
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes: compare before/after to prove nothing changed.

    The git-ignored cache (.mentorat/cache/) is left out: it holds no programme data, only saves reading.
    """
    return {
        rel: p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not (rel := p.relative_to(root).as_posix()).startswith(".mentorat/cache/")
    }


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """golden("name.md", text): compare text with tests/golden/name.md (or rewrite it with --update-goldens)."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-goldens"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-goldens and review it"
        assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return check
