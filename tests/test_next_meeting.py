"""The next meeting a sheet expects follows the last meeting held, at the programme's rhythm (monthly here)."""

from __future__ import annotations

import json
from pathlib import Path

LEA = "lea-martin--paul-lambert"  # skipped June and October; last meeting 4 November 2026
KEVIN = "kevin-nguyen--mehdi-saidi"  # four meetings, the last on 26 July 2026, review not held
ENDED = "nour-mansouri--antoine-giordano"  # ended after its first meeting


def _sheet(run_cli, sample: Path, pair: str) -> str:
    assert run_cli(["sheet", pair], cwd=sample).code == 0
    return (sample / "out" / f"sheet-{pair}.md").read_text(encoding="utf-8")


def test_next_meeting_follows_the_last_one_held_not_the_count(sample: Path, run_cli) -> None:
    text = _sheet(run_cli, sample, LEA)
    assert "Dernier rendez-vous le 4 novembre 2026." in text
    # Before: "Rendez-vous, prévu le 13 octobre 2026 (date dépassée)", a month before the last meeting.
    assert "**Prochain rendez-vous attendu** : Rendez-vous, prévu le 4 décembre 2026." in text
    assert "13 octobre 2026 (date dépassée)" not in text


def test_an_owed_review_is_expected_a_month_after_the_last_meeting_and_marked_late(sample: Path, run_cli) -> None:
    text = _sheet(run_cli, sample, KEVIN)
    assert "**Prochain rendez-vous attendu** : Bilan intermédiaire, prévu le 26 août 2026 (date dépassée)." in text
    # status tells the same story: no meeting since 26 July, the review overdue
    status = json.loads(run_cli(["status", "--format", "json"], cwd=sample).out)
    assert {"pair": KEVIN, "last_meeting": "2026-07-26", "days": 122} in status["without_meeting"]
    assert any(r["pair"] == KEVIN and r["overdue"] for r in status["reviews_due"])
    # and `note new` drafts the meeting the sheet expects
    assert run_cli(["note", "new", KEVIN, "--date", "2026-11-26"], cwd=sample).code == 0
    assert (sample / "notes" / KEVIN / "2026-11-26-review.md").is_file()


def test_an_ended_pair_expects_no_meeting(sample: Path, run_cli) -> None:
    text = _sheet(run_cli, sample, ENDED)
    assert "Dernier rendez-vous le 22 mars 2026." in text
    assert "Prochain rendez-vous attendu" not in text


def test_note_list_speaks_french_and_explains_the_not_held_mark(sample: Path, run_cli, monkeypatch) -> None:
    monkeypatch.delenv("MENTORAT_LANG")  # the programme's language: French
    result = run_cli(["note", "list", LEA], cwd=sample)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["BINÔME", "DATE", "TYPE", "MIN", "SUJETS"]  # not PAIR DATE KIND MIN TOPICS
    assert lines[1].split("  ")[0] == LEA and "première rencontre" in lines[1]
    assert "2026-06-23  rencontre régulière*" in result.out  # the meeting of June was not held...
    assert "* non tenue (held: false dans la note)" in result.out  # ...and the mark says so
    assert "point d'étape" in result.out and "Réseau professionnel" in result.out  # labels, not review / networking
    assert " review " not in result.out and "networking" not in result.out
