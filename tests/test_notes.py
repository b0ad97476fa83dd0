"""`mentorat note new` and `note list`: files created from templates, bodies never read back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import snapshot
from test_documents_support import PAIR_ID, files


@pytest.fixture
def make(programme):
    def build(**options: object) -> Path:
        prog, tree = files(**options)  # type: ignore[arg-type]
        return programme(tree, programme_yaml=prog)

    return build


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", ["first", "regular", "review", "final"])
def test_note_new_writes_front_matter_and_the_kind_template(make, run_cli, golden, kind: str, language: str) -> None:
    root = make(language=language)
    result = run_cli(["note", "new", PAIR_ID, "--kind", kind, "--date", "2026-11-20"], cwd=root)
    assert result.code == 0, result.err
    path = root / "notes" / PAIR_ID / f"2026-11-20-{kind}.md"
    assert f"notes/{PAIR_ID}/2026-11-20-{kind}.md" in result.out
    golden(f"documents/note-{kind}.{language}.md", path.read_text(encoding="utf-8"))
    # The new note is a valid part of the programme.
    assert run_cli(["validate"], cwd=root).code == 0


def test_note_new_defaults_to_today_and_a_regular_meeting(make, run_cli) -> None:
    root = make()
    assert run_cli(["note", "new", PAIR_ID], cwd=root, today="2026-11-24").code == 0
    text = (root / "notes" / PAIR_ID / "2026-11-24-regular.md").read_text(encoding="utf-8")
    assert text.startswith("---\ndate: '2026-11-24'\nkind: regular\nduration_minutes: 60\nformat: remote\ntopics: []\n---\n")
    assert "# Rendez-vous du 24 novembre 2026" in text


def test_note_new_picks_the_kind_the_schedule_expects(programme, run_cli) -> None:
    prog, tree = files(language="en")
    del tree[f"notes/{PAIR_ID}/2026-10-05-first.md"]
    root = programme(tree, programme_yaml=prog)
    expected = ["first", "regular", "regular", "regular", "review", "final", "regular"]
    days = ["2026-10-05", "2026-11-05", "2026-12-05", "2027-01-05", "2027-02-05", "2027-03-05", "2027-03-20"]
    for day, kind in zip(days, expected, strict=True):
        result = run_cli(["note", "new", PAIR_ID, "--date", day], cwd=root, today=day)
        assert result.code == 0 and f"{day}-{kind}.md" in result.out, (day, result.out)


def test_note_new_never_overwrites_a_note(make, run_cli) -> None:
    root = make()
    existing = root / "notes" / PAIR_ID / "2026-10-05-first.md"
    before = existing.read_bytes()
    result = run_cli(["note", "new", PAIR_ID, "--kind", "first", "--date", "2026-10-05"], cwd=root)
    assert result.code == 0 and "2026-10-05-first-2.md" in result.out
    again = run_cli(["note", "new", PAIR_ID, "--kind", "first", "--date", "2026-10-05"], cwd=root)
    assert again.code == 0 and "2026-10-05-first-3.md" in again.out
    assert existing.read_bytes() == before
    assert run_cli(["validate"], cwd=root).code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["note", "new", "marie-dupont--jean"], "pair 'marie-dupont--jean' does not exist"),
        (["note", "new", PAIR_ID, "--date", "2026-13-01"], "--date: '2026-13-01' is not a date written YYYY-MM-DD"),
        (["note", "new", PAIR_ID, "--date", "26-11-01"], "is not a date written YYYY-MM-DD"),
        (["note", "new", PAIR_ID, "--date", "2026-W45-1"], "is not a date written YYYY-MM-DD"),
        (["note", "new", PAIR_ID, "--date", "20261105"], "is not a date written YYYY-MM-DD"),
    ],
)
def test_note_new_refuses_bad_input_and_writes_nothing(make, run_cli, args: list[str], message: str) -> None:
    root = make()
    before = snapshot(root)
    result = run_cli(args, cwd=root)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err
    assert snapshot(root) == before


def test_note_new_rejects_an_unknown_kind(make, run_cli) -> None:
    result = run_cli(["note", "new", PAIR_ID, "--kind", "lunch"], cwd=make())
    assert result.code == 2 and "lunch" in result.err


def test_note_list_shows_metadata_only(make, run_cli) -> None:
    root = make()
    run_cli(["note", "new", PAIR_ID, "--date", "2026-11-20"], cwd=root)
    result = run_cli(["note", "list"], cwd=root)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["PAIR", "DATE", "KIND", "MIN", "TOPICS"]
    assert re.split(r"\s{2,}", lines[1]) == [PAIR_ID, "2026-10-05", "first", "90", "Orientation professionnelle"]  # the theme's label
    assert lines[2].split() == [PAIR_ID, "2026-11-20", "regular", "60"]
    assert lines[3] == "2 meeting note(s)"
    assert "CONFIDENTIAL-BODY" not in result.out + result.err


def test_note_list_json_and_one_pair(make, run_cli) -> None:
    root = make()
    result = run_cli(["note", "list", PAIR_ID, "--format", "json"], cwd=root)
    assert result.code == 0
    rows = json.loads(result.out)
    assert rows == [
        {
            "pair": PAIR_ID,
            "file": f"notes/{PAIR_ID}/2026-10-05-first.md",
            "date": "2026-10-05",
            "kind": "first",
            "duration_minutes": 90,
            "format": None,
            "topics": ["career-orientation"],
            "held": True,
        }
    ]
    assert "CONFIDENTIAL" not in result.out
    missing = run_cli(["note", "list", "nobody--here"], cwd=root)
    assert missing.code == 2 and "does not exist" in missing.err


def test_note_list_without_notes(programme, run_cli) -> None:
    prog, tree = files()
    del tree[f"notes/{PAIR_ID}/2026-10-05-first.md"]
    result = run_cli(["note", "list"], cwd=programme(tree, programme_yaml=prog))
    assert result.code == 0 and result.out == "No meeting notes yet.\n"
