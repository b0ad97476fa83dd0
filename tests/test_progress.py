"""Long work shows progress on a terminal, and only there (issue 11).

A programme of 2,000 people read on a pseudo-terminal shows the bar (on stderr, erased at the
end); the same run in a pipe, a file or tests' captured output shows nothing; a small programme
stays quiet even on a terminal.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from test_pair_helpers import mentee

from mentorat_cli.cli import progress

BAR_LABEL = "Lecture des fichiers"  # progress-reading, in the programme's language (French)


def _programme(programme, people: int) -> Path:
    return programme(dict(mentee(f"mentee-{n:05d}") for n in range(people)))


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run mentorat with stdout and stderr on a pseudo-terminal; everything it wrote, as text."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8"}
    env.pop("MENTORAT_LANG", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "mentorat_cli", "--today", "2026-11-25", *args], cwd=cwd, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return child.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_large_programme_shows_progress_on_a_terminal_and_nowhere_else(programme, run_cli):
    root = _programme(programme, progress.FILES)
    code, seen = _on_a_terminal(["--no-cache", "validate"], root)
    assert code == 0, seen
    assert BAR_LABEL in seen
    assert "2000" in seen.replace("\u202f", "").replace(",", "")  # the bar's count of files
    piped = subprocess.run(
        [sys.executable, "-m", "mentorat_cli", "--today", "2026-11-25", "--no-cache", "validate"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8"},
        timeout=600,
    )
    assert piped.returncode == 0
    assert BAR_LABEL not in piped.stderr + piped.stdout and "\x1b" not in piped.stderr + piped.stdout
    captured = run_cli(["--no-cache", "status"], cwd=root)
    assert BAR_LABEL not in captured.out + captured.err


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_small_programme_stays_quiet_even_on_a_terminal(programme):
    root = _programme(programme, 30)
    code, seen = _on_a_terminal(["--no-cache", "validate"], root)
    assert code == 0, seen
    assert BAR_LABEL not in seen


def test_the_bar_decides_once_and_never_shows_below_its_minimum() -> None:
    with progress.bar("x", minimum=10) as given:
        assert given is None  # tests' captured stderr is no terminal: the core gets no callback at all
    shown = progress._Bar("x", minimum=10)
    for done in range(1, 6):
        shown(done, 5)
        assert shown.shown is None and shown.off
    shown.close()


def test_core_functions_report_their_progress_to_the_callback(sample: Path) -> None:
    import datetime as dt

    from mentorat_cli.check import pipeline
    from mentorat_cli.render import build

    heard: list[tuple[int, int]] = []
    programme, _ = pipeline.load(sample, dt.date(2026, 11, 25), workers=1, cache=False, progress=lambda d, t: heard.append((d, t)))
    total = heard[-1][1]
    assert heard[-1] == (total, total) and total == programme.files_checked - 1  # every file but programme.yaml
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    pairs = [p for _, p in sorted(programme.pairs.items()) if p.data["status"] == "confirmed"]
    written: list[tuple[int, int]] = []
    files = build.sheets(programme, pairs, "md", dt.date(2026, 11, 25), lambda d, t: written.append((d, t)))
    assert written == [(n, len(pairs)) for n in range(1, len(pairs) + 1)] and len(files) == len(pairs)
