"""Issue 15: what a warm `validate` no longer redoes still sees every change.

programme.yaml now comes from the per-file cache like the other files, and the
leftover scan reuses the load's listing of the notes folders: an edit of
programme.yaml, and a stopped command's temporary file in a notes folder
(listed by the load or not), must still be seen.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from conftest import SAMPLE

from mentorat_cli.load import cache, repository

A_PAIR = "amadou-keita--samira-bouzid"


def _aged(target: Path) -> Path:
    """A copy of the sample older than the racy window (its change times too), so that its files are cached."""
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("out", ".mentorat"))
    time.sleep(cache.RACY_NS / 1e9 + 0.2)
    return target


def test_programme_yaml_comes_from_the_cache_and_an_edit_is_seen(tmp_path, run_cli, monkeypatch):
    root = _aged(tmp_path / "p")
    assert run_cli(["--root", root, "validate"]).code == 0
    parsed: list[str] = []
    original = repository.parse_record

    def counting(kind, *args, **kwargs):
        parsed.append(kind)
        return original(kind, *args, **kwargs)

    monkeypatch.setattr(repository, "parse_record", counting)
    warm = run_cli(["--root", root, "validate"])
    assert warm.code == 0 and parsed == []
    # Same size, new content: the modification time alone tells the cache.
    path = root / "programme.yaml"
    content = path.read_text(encoding="utf-8")
    edited = content.replace("duration_months: 6\n", "duration_months: 5\n", 1)
    assert edited != content and len(edited) == len(content)
    path.write_text(edited, encoding="utf-8")
    seen = run_cli(["--root", root, "validate"])
    assert parsed == ["programme"]
    assert seen.code == 0 and "programme.yaml:14" in seen.out and "programme-duration" in seen.out  # a warning


def test_temporaries_in_notes_folders_are_still_reported_when_warm(tmp_path, run_cli):
    root = _aged(tmp_path / "p")
    assert run_cli(["--root", root, "validate"]).code == 0
    assert run_cli(["--root", root, "validate"]).code == 0  # warm: the notes listing is shared
    (root / "notes" / A_PAIR / ".2026-05-12-regular.md.abcdefgh.tmp").write_text("x", encoding="utf-8")
    (root / "notes" / "Not-A-Pair").mkdir()
    (root / "notes" / "Not-A-Pair" / ".x.md.k3j2_x9q.tmp").write_text("y", encoding="utf-8")
    checked = run_cli(["--root", root, "validate"])
    assert "tx-temporary" in checked.out and "2 temporary file(s)" in checked.out
    assert f"notes/{A_PAIR}/.2026-05-12-regular.md.abcdefgh.tmp" in checked.out
    # A folder named like a temporary is not a temporary file.
    os.unlink(root / "notes" / A_PAIR / ".2026-05-12-regular.md.abcdefgh.tmp")
    (root / "notes" / A_PAIR / ".2026-05-12-regular.md.abcdefgh.tmp").mkdir()
    again = run_cli(["--root", root, "validate"])
    assert "1 temporary file(s)" in again.out and f"notes/{A_PAIR}/.2026" not in again.out
