"""Fixes found by a new user: French elision, cohort start, PDF hint, status columns, dates in words."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from test_documents_support import PAIR_ID, files

KINDS = ("school", "ministry", "company", "alumni", "youth")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _programme(
    programme,
    mentee_first: str = "Marie",
    mentor_first: str = "Jean",
    language: str = "fr",
    kind: str = "school",
    pair: str | None = None,
    cohort_start: str = "2026-09-01",
    mentee_extra: str = "",
) -> Path:
    """A one-pair programme whose names, pair file and cohort start the test chooses."""
    prog, tree = files(kind=kind, language=language, first=mentor_first)
    prog = prog.replace('start: "2026-09-01"', f'start: "{cohort_start}"')
    mentee = tree["mentees/marie-dupont.yaml"]
    tree["mentees/marie-dupont.yaml"] = mentee.replace("first_name: Marie", f"first_name: {json.dumps(mentee_first)}") + mentee_extra
    if pair is not None:
        tree[f"pairs/{PAIR_ID}.yaml"] = pair
        del tree[f"notes/{PAIR_ID}/2026-10-05-first.md"]
    return programme(tree, programme_yaml=prog)


# 1. French elision before a name ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, de, que",
    [
        ("Adam", "d'Adam", "qu'Adam"),
        ("Aïcha", "d'Aïcha", "qu'Aïcha"),
        ("Élodie", "d'Élodie", "qu'Élodie"),
        ("Îlona", "d'Îlona", "qu'Îlona"),
        ("Hugo", "d'Hugo", "qu'Hugo"),
        ("Yves", "d'Yves", "qu'Yves"),
        ("Paul", "de Paul", "que Paul"),
        ("Yanis", "de Yanis", "que Yanis"),  # Y before a vowel is a consonant sound: no elision
        ("Yasmine", "de Yasmine", "que Yasmine"),
    ],
)
def test_french_charters_and_notes_elide_before_a_vowel_or_h(programme, run_cli, name: str, de: str, que: str) -> None:
    root = _programme(programme, mentee_first=name, mentor_first=name)
    for kind in KINDS:
        (root / "programme.yaml").write_text(
            re.sub(r"^kind: \w+", f"kind: {kind}", (root / "programme.yaml").read_text(), flags=re.M), encoding="utf-8"
        )
        assert run_cli(["charter", "--force", PAIR_ID], cwd=root).code == 0
        charter = (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8")
        # The body names roles, not first names: the first name appears only with the surname.
        assert "## Les objectifs de l" in charter, kind
        assert re.findall(rf"{name}(?! Dupont| Martin)", charter) == [], kind
    for kind in ("first", "regular"):
        assert run_cli(["note", "new", PAIR_ID, "--kind", kind, "--date", "2026-11-20"], cwd=root).code == 0
    first = (root / "notes" / PAIR_ID / "2026-11-20-first.md").read_text(encoding="utf-8")
    assert f"- Ce {que} a présenté de son parcours :" in first and f"## Les objectifs {de}\n" in first
    regular = (root / "notes" / PAIR_ID / "2026-11-20-regular.md").read_text(encoding="utf-8")
    assert f"## Ce {que} retient" in regular


def test_english_documents_do_not_elide(programme, run_cli) -> None:
    root = _programme(programme, mentee_first="Adam", language="en")
    assert run_cli(["charter", "--force", PAIR_ID], cwd=root).code == 0
    charter = (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "Adam" in charter and "d'Adam" not in charter


def test_elision_keeps_hostile_names_escaped(programme, run_cli) -> None:
    root = _programme(programme, mentee_first="<img src=x onerror=alert(1)>", mentor_first="{{ 7*7 }}")
    assert run_cli(["charter", "--force", PAIR_ID, "--format", "html"], cwd=root).code == 0
    page = (root / "out" / f"charter-{PAIR_ID}.html").read_text(encoding="utf-8")
    assert "<img" not in page and "49" not in page
    assert "Je soussigné(e) <img src=x onerror=alert(1)> Dupont, atteste" in html.unescape(page)
    root = _programme(programme, mentee_first="Ève <b>*x*</b>")
    assert run_cli(["charter", "--force", PAIR_ID, "--format", "html"], cwd=root).code == 0
    page = (root / "out" / f"charter-{PAIR_ID}.html").read_text(encoding="utf-8")
    assert "<b>" not in page and "<em>" not in page
    assert "Je soussigné(e) Ève <b>*x*</b> Dupont, atteste" in html.unescape(page)


# 2. The cohort start bounds the planned start ------------------------------------------------------

EARLY_PAIR = f'id: {PAIR_ID}\nmentee: marie-dupont\nmentor: jean-martin\nstatus: confirmed\nconfirmed_on: "2026-06-20"\n'


def test_a_pair_confirmed_before_its_cohort_starts_with_the_cohort(programme, run_cli) -> None:
    root = _programme(programme, pair=EARLY_PAIR, cohort_start="2026-09-01")
    assert run_cli(["charter", "--force", PAIR_ID], cwd=root).code == 0
    charter = (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "1er septembre 2026" in charter and "1er mars 2027" in charter and "20 juin 2026" not in charter.split("##")[0]
    assert run_cli(["sheet", "--force", PAIR_ID], cwd=root, today="2026-08-01").code == 0
    sheet = (root / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "du 1er septembre 2026 au 1er mars 2027" in sheet
    assert "| 1 | 1er septembre 2026 | Premier rendez-vous | à venir |" in sheet
    assert run_cli(["calendar", "--all", "--force"], cwd=root).code == 0
    events = Calendar.from_ical((root / "out" / "calendar.ics").read_bytes()).walk("VEVENT")
    assert events[0].decoded("dtstart").isoformat() == "2026-09-01"
    # Before the cohort opens nothing is late or silent.
    data = json.loads(run_cli(["status", "--format", "json"], cwd=root, today="2026-08-01").out)
    assert data["without_meeting"] == [] and data["reviews_due"] == [] and data["ending_soon"] == []


def test_a_recorded_start_or_a_later_confirmation_is_kept(programme, run_cli) -> None:
    later = EARLY_PAIR.replace("2026-06-20", "2026-09-20")
    root = _programme(programme, pair=later)
    assert run_cli(["sheet", "--force", PAIR_ID], cwd=root).code == 0
    assert "du 20 septembre 2026 au 20 mars 2027" in (root / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")
    started = EARLY_PAIR + 'started_on: "2026-07-01"\n'
    root = _programme(programme, pair=started)
    assert run_cli(["sheet", "--force", PAIR_ID], cwd=root).code == 0
    assert "du 1er juillet 2026 au 1er janvier 2027" in (root / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")


def test_a_mentee_of_another_cohort_keeps_the_confirmation_date(programme, run_cli) -> None:
    root = _programme(programme, pair=EARLY_PAIR, mentee_extra='cohort: "2025"\n')
    assert run_cli(["sheet", "--force", PAIR_ID], cwd=root).code == 0
    assert "du 20 juin 2026 au 20 décembre 2026" in (root / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")


# 3. The PDF hint works from a source checkout too ----------------------------------------------------


def test_pdf_hint_gives_both_ways_to_add_the_extra(programme, run_cli, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    root = _programme(programme)
    result = run_cli(["charter", "--force", PAIR_ID, "--format", "pdf"], cwd=root)
    assert result.code == 2
    assert "pip install 'mentorat[pdf]' (from a source checkout: pip install '.[pdf]')" in result.err


# 4. Status: trained and charter columns are never blank ---------------------------------------------


def _person(pid: str, **fields: str) -> str:
    first, last = pid.split("-")
    return (
        "\n".join(
            [f"id: {pid}", f"first_name: {first.title()}", f"last_name: {last.title()}", f"email: {pid}@example.org", "civil_servant: true"]
            + [f"{k}: {v}" for k, v in fields.items()]
        )
        + "\n"
    )


def test_status_shows_training_date_and_charter_state(programme, run_cli) -> None:
    tree = {
        "mentors/ada-trained.yaml": _person("ada-trained", status="accepted", trained_on="'2026-09-10'"),
        "mentors/ben-untrained.yaml": _person("ben-untrained", status="accepted"),
        "mentors/cy-signed.yaml": _person("cy-signed", status="accepted"),
        "mentees/ann-one.yaml": _person("ann-one", status="accepted", registered_on="'2026-09-01'"),
        "mentees/bo-two.yaml": _person("bo-two", status="accepted", registered_on="'2026-09-01'"),
        "pairs/ann-one--ada-trained.yaml": "id: ann-one--ada-trained\nmentee: ann-one\nmentor: ada-trained\n"
        "status: confirmed\nconfirmed_on: '2026-10-01'\n",
        "pairs/bo-two--cy-signed.yaml": "id: bo-two--cy-signed\nmentee: bo-two\nmentor: cy-signed\nstatus: confirmed\n"
        "confirmed_on: '2026-10-01'\ncharter_signed: {mentor: '2026-10-02'}\n",
    }
    root = programme(tree)
    result = run_cli(["status"], cwd=root)
    assert result.code == 0, result.err
    lines = [line.split() for line in result.out.splitlines()]
    assert ["MENTOR", "CHARTER", "TRAINED"] in lines
    assert ["ada-trained", "not", "signed:", "ann-one--ada-trained", "2026-09-10"] in lines
    assert ["ben-untrained", "no", "confirmed", "pair", "no"] in lines
    assert ["cy-signed", "signed", "no"] in lines
    data = json.loads(run_cli(["status", "--format", "json"], cwd=root).out)
    assert data["mentors_to_follow"] == [
        {
            "mentor": "ada-trained",
            "charter_unsigned": ["ann-one--ada-trained"],
            "not_trained": False,
            "trained_on": "2026-09-10",
            "paired": True,
        },
        {"mentor": "ben-untrained", "charter_unsigned": [], "not_trained": True, "trained_on": None, "paired": False},
        {"mentor": "cy-signed", "charter_unsigned": [], "not_trained": True, "trained_on": None, "paired": True},
    ]


# 5. French documents write dates in words -------------------------------------------------------------


def test_french_sheet_and_charter_have_no_iso_date(programme, run_cli) -> None:
    root = _programme(programme)
    assert run_cli(["sign", PAIR_ID, "--mentor", "2026-10-06"], cwd=root).code == 0
    assert run_cli(["contact", PAIR_ID, "--date", "2026-11-02", "--channel", "phone", "--summary", "Point"], cwd=root).code == 0
    for today in ("2026-11-25", "2027-03-20", "2027-05-01"):  # no alert, final due / ending soon, past end
        for command in ("sheet", "charter"):
            for fmt in ("md", "html"):
                assert run_cli([command, PAIR_ID, "--format", fmt, "--force"], cwd=root, today=today).code == 0
                produced = (root / "out" / f"{command}-{PAIR_ID}.{fmt}").read_text(encoding="utf-8")
                assert ISO_DATE.findall(produced) == [], (command, fmt, today)
    sheet = (root / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "Situation au 1er mai 2027" in sheet and "le 6 octobre 2026" in sheet and "| 2 novembre 2026 |" in sheet
