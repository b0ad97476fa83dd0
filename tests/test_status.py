"""`mentorat status`, `contact`, `sign` and `calendar` on real programme folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import snapshot
from icalendar import Calendar
from test_documents_support import PAIR_ID, files


def person(pid: str, **fields: str) -> str:
    first, last = pid.split("-")
    lines = [
        f"id: {pid}",
        f"first_name: {first.title()}",
        f"last_name: {last.title()}",
        f"email: {pid}@example.org",
        "civil_servant: true",
    ] + [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def pair(mentee: str, mentor: str, status: str = "confirmed", **fields: str) -> str:
    lines = [f"id: {mentee}--{mentor}", f"mentee: {mentee}", f"mentor: {mentor}", f"status: {status}"]
    return "\n".join(lines + [f"{key}: {value}" for key, value in fields.items()]) + "\n"


def note(date: str, kind: str) -> str:
    return f"---\ndate: '{date}'\nkind: {kind}\n---\nprivate words\n"


@pytest.fixture
def busy(programme) -> Path:
    """A programme on 2026-11-25 with one pair of each situation the dashboard reports."""
    late = "ann-late--max-one"
    tree = {
        "mentors/max-one.yaml": person("max-one", status="accepted", trained_on="'2026-05-01'"),
        "mentors/bob-two.yaml": person("bob-two", status="accepted"),
        "mentors/eve-three.yaml": person("eve-three", status="applicant"),
        "mentors/kim-four.yaml": person("kim-four", status="accepted", trained_on="'2026-05-01'", capacity="1"),
        "mentees/ann-late.yaml": person("ann-late", status="accepted", registered_on="'2026-05-01'"),
        "mentees/bea-fresh.yaml": person("bea-fresh", status="accepted", registered_on="'2026-09-01'"),
        "mentees/cid-wait.yaml": person("cid-wait", status="accepted", registered_on="'2026-09-01'"),
        "mentees/dan-prop.yaml": person("dan-prop", status="applicant", registered_on="'2026-11-01'"),
        "mentees/fay-gone.yaml": person("fay-gone", status="withdrawn", registered_on="'2026-09-01'"),
        "mentees/gus-nodate.yaml": person("gus-nodate", status="accepted"),
        "mentees/hal-done.yaml": person("hal-done", status="accepted", registered_on="'2026-01-10'"),
        "mentees/ivy-early.yaml": person("ivy-early", status="accepted", registered_on="'2026-01-10'"),
        "pairs/hal-done--bob-two.yaml": pair(
            "hal-done", "bob-two", status="ended", confirmed_on="'2026-02-01'", ended_on="'2026-08-01'", ended_by="completed"
        ),
        "pairs/ivy-early--max-one.yaml": pair(
            "ivy-early", "max-one", status="ended", confirmed_on="'2026-02-01'", ended_on="'2026-11-05'", ended_by="mentee"
        ),
        f"pairs/{late}.yaml": pair(
            "ann-late",
            "max-one",
            confirmed_on="'2026-05-20'",
            started_on="'2026-06-01'",
            charter_signed="{mentor: '2026-06-01', mentee: '2026-06-02'}",
        ),
        "pairs/bea-fresh--bob-two.yaml": pair("bea-fresh", "bob-two", confirmed_on="'2026-10-01'"),
        "pairs/dan-prop--kim-four.yaml": pair("dan-prop", "kim-four", status="proposed", proposed_on="'2026-11-20'"),
        f"notes/{late}/2026-06-01-first.md": note("2026-06-01", "first"),
        f"notes/{late}/2026-07-01-regular.md": note("2026-07-01", "regular"),
        f"notes/{late}/2026-08-01-regular.md": note("2026-08-01", "regular"),
        f"notes/{late}/2026-09-01-regular.md": note("2026-09-01", "regular"),
        "notes/bea-fresh--bob-two/2026-10-01-first.md": note("2026-10-01", "first"),
        "notes/bea-fresh--bob-two/2026-11-10-regular.md": note("2026-11-10", "regular"),
        "notes/bea-fresh--bob-two/2026-12-01-regular.md": note("2026-12-01", "regular"),  # planned, not held yet
    }
    root = programme(tree)
    return root


def test_status_json_reports_each_situation(busy: Path, run_cli) -> None:
    result = run_cli(["status", "--format", "json"], cwd=busy)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["pairs_by_status"] == {"proposed": 1, "confirmed": 2, "ended": 2}
    assert data["without_meeting"] == [{"pair": "ann-late--max-one", "last_meeting": "2026-09-01", "days": 85}]
    assert data["reviews_due"] == [{"pair": "ann-late--max-one", "planned": "2026-10-01", "overdue": True}]
    # Planned on Sunday 1 November 2026 (All Saints' Day), moved to the next working day.
    assert data["finals_due"] == [{"pair": "ann-late--max-one", "planned": "2026-11-02", "overdue": True}]
    assert data["ending_soon"] == [{"pair": "ann-late--max-one", "planned_end": "2026-12-01", "days_left": 6}]
    assert data["waiting_mentees"] == [
        {
            "mentee": "cid-wait",
            "status": "accepted",
            "registered_on": "2026-09-01",
            "waiting_since": "2026-09-01",
            "days_waiting": 85,
            "proposed_pair": None,
        },
        {
            "mentee": "dan-prop",
            "status": "applicant",
            "registered_on": "2026-11-01",
            "waiting_since": "2026-11-01",
            "days_waiting": 24,
            "proposed_pair": "dan-prop--kim-four",
        },
        {
            "mentee": "ivy-early",
            "status": "accepted",
            "registered_on": "2026-01-10",
            "waiting_since": "2026-11-05",
            "days_waiting": 20,
            "proposed_pair": None,
        },
        {
            "mentee": "gus-nodate",
            "status": "accepted",
            "registered_on": None,
            "waiting_since": None,
            "days_waiting": None,
            "proposed_pair": None,
        },
    ]
    assert data["mentors_to_follow"] == [
        {"mentor": "bob-two", "charter_unsigned": ["bea-fresh--bob-two"], "not_trained": True, "trained_on": None, "paired": True}
    ]


def test_status_threshold_option_and_programme_setting(busy: Path, run_cli) -> None:
    strict = json.loads(run_cli(["status", "--format", "json", "--days", "10"], cwd=busy).out)
    assert [r["pair"] for r in strict["without_meeting"]] == ["ann-late--max-one", "bea-fresh--bob-two"]
    assert strict["alert_after_days"] == 10
    programme_yaml = busy / "programme.yaml"
    programme_yaml.write_text(programme_yaml.read_text() + "follow_up: {alert_after_days: 90}\n")
    relaxed = json.loads(run_cli(["status", "--format", "json"], cwd=busy).out)
    assert relaxed["without_meeting"] == [] and relaxed["alert_after_days"] == 90


def test_status_text_is_one_screen(busy: Path, run_cli) -> None:
    result = run_cli(["status"], cwd=busy)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Programme de test: status on 25 November 2026"
    assert lines[1] == "Pairs: 2 confirmed, 1 proposed, 2 ended"
    assert "No meeting for more than 45 days (1)" in lines
    assert any(line.split() == ["ann-late--max-one", "2026-09-01", "85"] for line in lines)
    assert any(line.split() == ["cid-wait", "accepted", "2026-09-01", "85"] for line in lines)
    assert any(line.split() == ["bob-two", "not", "signed:", "bea-fresh--bob-two", "no"] for line in lines)
    assert len(lines) < 50
    assert run_cli(["status"], cwd=busy).out == result.out  # same day, same screen


def test_status_does_not_write(busy: Path, run_cli) -> None:
    before = snapshot(busy)
    run_cli(["status"], cwd=busy)
    assert snapshot(busy) == before


@pytest.fixture
def one(programme) -> Path:
    prog, tree = files()
    return programme(tree, programme_yaml=prog)


def test_sign_records_dates_and_keeps_the_rest_of_the_file(one: Path, run_cli) -> None:
    pair_file = one / "pairs" / f"{PAIR_ID}.yaml"
    before = pair_file.read_text(encoding="utf-8")
    result = run_cli(["sign", PAIR_ID, "--mentor", "2026-10-05", "--mentee", "2026-10-06"], cwd=one)
    assert result.code == 0, result.err
    text = pair_file.read_text(encoding="utf-8")
    # Only the new entry is added: every line the coordinator wrote stays as it was (minimal git diff).
    # New lines follow the file's style: its dates are in double quotes (issue 12).
    assert text == before + 'charter_signed:\n  mentor: "2026-10-05"\n  mentee: "2026-10-06"\n'
    assert "were not kept" not in result.out
    assert run_cli(["validate"], cwd=one).code == 0
    again = run_cli(["sign", PAIR_ID, "--mentor", "2026-10-05"], cwd=one)
    assert again.code == 0 and "Nothing to change" in again.out


def test_sign_never_replaces_a_recorded_date_without_force(one: Path, run_cli) -> None:
    assert run_cli(["sign", PAIR_ID, "--mentor", "2026-10-05"], cwd=one).code == 0
    before = snapshot(one)
    result = run_cli(["sign", PAIR_ID, "--mentor", "2026-10-09"], cwd=one)
    assert result.code == 2 and "already signed on 2026-10-05" in result.err and "--force" in result.err
    assert snapshot(one) == before
    assert run_cli(["sign", PAIR_ID, "--mentor", "2026-10-09", "--force"], cwd=one).code == 0
    assert 'mentor: "2026-10-09"' in (one / "pairs" / f"{PAIR_ID}.yaml").read_text()


@pytest.mark.parametrize(
    "args, message",
    [
        (["sign", PAIR_ID], "nothing to record"),
        (["sign", PAIR_ID, "--mentor", "05/10/2026"], "--mentor: '05/10/2026' is not a date"),
        (["sign", PAIR_ID, "--mentee", "2027-01-01"], "--mentee: 2027-01-01 is after today (2026-11-25)"),
        (["sign", "jean-martin--marie-dupont", "--mentor", "2026-10-05"], "does not exist"),
        (["contact", PAIR_ID, "--channel", "phone", "--date", "2026-12-01"], "after today"),
        (["contact", PAIR_ID, "--channel", "phone", "--summary", "x" * 2001], "the limit is 2000"),
        (["contact", PAIR_ID, "--channel", "pigeon"], "pigeon"),
    ],
)
def test_bad_sign_and_contact_input_changes_nothing(one: Path, run_cli, args: list[str], message: str) -> None:
    before = snapshot(one)
    result = run_cli(args, cwd=one)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err
    assert snapshot(one) == before


def test_contact_says_when_inner_comments_are_lost(one: Path, run_cli) -> None:
    pair_file = one / "pairs" / f"{PAIR_ID}.yaml"
    pair_file.write_text(pair_file.read_text().replace("status: confirmed\n", "status: confirmed  # after the call\n# keep\n"))
    first = run_cli(["contact", PAIR_ID, "--channel", "phone", "--date", "2026-11-01"], cwd=one)
    assert first.code == 0 and "the comments inside" not in first.out
    assert "status: confirmed  # after the call\n# keep\n" in pair_file.read_text()
    pair_file.write_text(pair_file.read_text().replace("  channel: phone\n", "  channel: phone  # she called back\n"))
    second = run_cli(["contact", PAIR_ID, "--channel", "mail"], cwd=one)
    # Issue 12: the contact already recorded is not rewritten, so its comment stays.
    assert second.code == 0 and "the comments inside" not in second.out
    assert "  channel: phone  # she called back\n" in pair_file.read_text()
    # Only a comment on a line that does change is lost, and the command says so.
    assert run_cli(["sign", PAIR_ID, "--mentor", "2026-10-05"], cwd=one).code == 0
    pair_file.write_text(pair_file.read_text().replace('  mentor: "2026-10-05"\n', '  mentor: "2026-10-05"  # on paper\n'))
    third = run_cli(["sign", PAIR_ID, "--mentor", "2026-10-07", "--force"], cwd=one)
    assert third.code == 0 and "the comments inside" in third.out
    text = pair_file.read_text()
    assert text.startswith("# Confirmed at the September committee.\nid: ") and "# after the call" in text


def test_contact_appends_and_shows_on_the_sheet(one: Path, run_cli) -> None:
    args = ["contact", PAIR_ID, "--date", "2026-11-02", "--channel", "visio", "--summary", "Point  d'étape\nrassurant"]
    assert run_cli(args, cwd=one).code == 0
    assert run_cli(["contact", PAIR_ID, "--channel", "mail"], cwd=one).code == 0
    duplicate = run_cli(args, cwd=one)
    assert duplicate.code == 0 and "already recorded" in duplicate.out
    text = (one / "pairs" / f"{PAIR_ID}.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        'contacts:\n  - date: "2026-11-02"\n    channel: visio\n    summary: Point d\'étape rassurant\n'
        '  - date: "2026-11-25"\n    channel: mail\n'
    )
    assert run_cli(["validate"], cwd=one).code == 0
    assert run_cli(["sheet", PAIR_ID], cwd=one).code == 0
    sheet = (one / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "| 2 novembre 2026 | visioconférence | Point d'étape rassurant |" in sheet
    assert "| 25 novembre 2026 | courriel |  |" in sheet


def test_calendar_is_valid_ics_with_stable_uids(one: Path, run_cli, tmp_path: Path) -> None:
    assert run_cli(["calendar", "--all"], cwd=one).code == 0
    first = (one / "out" / "calendar.ics").read_bytes()
    cal = Calendar.from_ical(first)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 6
    assert [str(e["uid"]) for e in events] == [f"{PAIR_ID}.{n}.2026@mentorat" for n in range(1, 7)]
    assert [e.decoded("dtstart").isoformat() for e in events] == [
        "2026-10-05",
        "2026-11-05",
        "2026-12-07",
        "2027-01-05",
        "2027-02-05",
        "2027-03-05",
    ]  # 5 December: a Saturday
    assert "Premier rendez-vous (1/6) : Marie Dupont et Jean Martin" in str(events[0]["summary"])
    assert "Bilan intermédiaire" in str(events[4]["summary"])
    assert run_cli(["calendar", "--all", "--force"], cwd=one).code == 0
    assert (one / "out" / "calendar.ics").read_bytes() == first
    # A new start date moves the events but keeps their UIDs, so calendar apps update them.
    pair_file = one / "pairs" / f"{PAIR_ID}.yaml"
    pair_file.write_text(pair_file.read_text().replace('started_on: "2026-10-05"', 'started_on: "2026-10-12"'))
    target = tmp_path / "exports" / "mine.ics"
    assert run_cli(["calendar", PAIR_ID, "-o", target], cwd=one).code == 0
    moved = [c for c in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert [str(e["uid"]) for e in moved] == [str(e["uid"]) for e in events]
    assert moved[0].decoded("dtstart").isoformat() == "2026-10-12"


def test_calendar_needs_a_start_date(programme, run_cli) -> None:
    prog, tree = files()
    tree[f"pairs/{PAIR_ID}.yaml"] = (
        tree[f"pairs/{PAIR_ID}.yaml"]
        .replace("started_on", "proposed_on")
        .replace('confirmed_on: "2026-09-20"\n', "")
        .replace("status: confirmed", "status: proposed")
    )
    del tree[f"notes/{PAIR_ID}/2026-10-05-first.md"]
    result = run_cli(["calendar", PAIR_ID], cwd=programme(tree, programme_yaml=prog))
    assert result.code == 2 and "no planned meeting to export" in result.err


def test_pairs_that_keep_meeting_are_treated_as_renewed(busy: Path, run_cli) -> None:
    # ann-late's planned final meeting was on 2026-11-01; meetings after it mean the pair was renewed.
    late = "ann-late--max-one"
    for date in ("2026-10-01", "2026-11-03", "2026-11-20"):
        kind = "review" if date == "2026-10-01" else "regular"
        (busy / "notes" / late / f"{date}-{kind}.md").write_text(note(date, kind))
    data = json.loads(run_cli(["status", "--format", "json"], cwd=busy).out)
    assert late not in [r["pair"] for r in data["finals_due"] + data["ending_soon"] + data["without_meeting"]]
    assert run_cli(["sheet", late], cwd=busy).code == 0
    sheet = (busy / "out" / f"sheet-{late}.md").read_text(encoding="utf-8")
    assert "du 1er juin 2026 au 1er juin 2027 (prolongé à 12 mois)" in sheet
    assert "| 12 | 3 mai 2027 | Rendez-vous de clôture | à venir |" in sheet  # 1 May 2027: a Saturday and a holiday
    assert "Aucune alerte." in sheet


def test_sheet_alerts_for_a_pair_past_its_end(busy: Path, run_cli) -> None:
    late = "ann-late--max-one"
    assert run_cli(["sheet", late, "--format", "html"], cwd=busy, today="2026-12-15").code == 0
    # French HTML puts a no-break space before the colon.
    sheet = (busy / "out" / f"sheet-{late}.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "<li>Aucun rendez-vous depuis 105 jours (seuil du programme : 45 jours).</li>" in sheet
    assert (
        "<li>Rythme en retard : 4 rendez-vous tenus, environ 6 attendus à cette date (objectif du programme : 6 sur la durée).</li>"
    ) in sheet
    assert "<li>Le bilan intermédiaire, prévu le 1er octobre 2026, n'a pas encore eu lieu.</li>" in sheet
    assert "<li>La durée prévue est dépassée depuis le 1er décembre 2026 : prolonger ou clore le binôme.</li>" in sheet
    assert '<td style="text-align: right;">4</td>\n<td>1er septembre 2026</td>\n<td>Rendez-vous</td>\n<td>tenu</td>' in sheet
    assert '<td style="text-align: right;">5</td>\n<td>1er octobre 2026</td>\n<td>Bilan intermédiaire</td>\n<td>en retard</td>' in sheet


def test_calendar_into_a_folder(one: Path, run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "cal"
    folder.mkdir()
    assert run_cli(["calendar", PAIR_ID, "-o", folder], cwd=one).code == 0
    assert (folder / f"calendar-{PAIR_ID}.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def _events(root: Path, run_cli) -> list[tuple[str, str]]:
    assert run_cli(["calendar", "--all"], cwd=root).code == 0
    events = Calendar.from_ical((root / "out" / "calendar.ics").read_bytes()).walk("VEVENT")
    return [(e.decoded("dtstart").isoformat(), str(e["summary"]).split(" – ")[1].split(" (")[0]) for e in events]


def test_schedule_follows_the_cadence(programme, run_cli) -> None:
    prog, tree = files(language="en", extra="cadence: {meetings_per_month: 2}\nduration_months: 3\n")
    events = _events(programme(tree, programme_yaml=prog), run_cli)
    # Every 365.25 / 12 / 2 days (about 15), the review after the 4th meeting.
    assert events == [
        ("2026-10-05", "First meeting"),
        ("2026-10-20", "Meeting"),
        ("2026-11-04", "Meeting"),
        ("2026-11-20", "Meeting"),
        ("2026-12-07", "Intermediate review"),
        ("2026-12-21", "Closing meeting"),
    ]


def test_sparse_cadence_puts_the_review_at_mid_term(programme, run_cli) -> None:
    prog, tree = files(language="en", extra="cadence: {meetings_per_month: 0.5}\n")
    events = _events(programme(tree, programme_yaml=prog), run_cli)
    # Every two months, same day of the month; too few meetings for "after the 4th": review at mid-term.
    assert events == [
        ("2026-10-05", "First meeting"),
        ("2026-12-07", "Intermediate review"),  # not Saturday the 5th
        ("2027-02-05", "Closing meeting"),
    ]


def test_confirmed_pair_without_dates_is_flagged(programme, run_cli) -> None:
    prog, tree = files()
    tree[f"pairs/{PAIR_ID}.yaml"] = f"id: {PAIR_ID}\nmentee: marie-dupont\nmentor: jean-martin\nstatus: confirmed\n"
    del tree[f"notes/{PAIR_ID}/2026-10-05-first.md"]
    root = programme(tree, programme_yaml=prog)
    status = run_cli(["status"], cwd=root)
    assert status.code == 0 and f"1 confirmed pair(s) without a start date: {PAIR_ID}" in status.out
    assert run_cli(["sheet", PAIR_ID], cwd=root).code == 0
    sheet = (root / "out" / f"sheet-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "pas encore commencée" in sheet and "- Le binôme est confirmé mais n'a pas de date de début." in sheet


def test_a_pair_after_its_closing_meeting_is_not_chased(busy: Path, run_cli) -> None:
    late = "ann-late--max-one"
    (busy / "notes" / late / "2026-09-20-final.md").write_text(note("2026-09-20", "final"))
    data = json.loads(run_cli(["status", "--format", "json"], cwd=busy).out)
    assert data["without_meeting"] == [] and data["finals_due"] == []
    assert data["ending_soon"] == [{"pair": late, "planned_end": "2026-12-01", "days_left": 6}]


def test_sign_keeps_a_pair_file_with_an_unknown_field(one: Path, run_cli) -> None:
    pair_file = one / "pairs" / f"{PAIR_ID}.yaml"
    pair_file.write_text(pair_file.read_text() + "remarque: binôme suivi de près\n")
    assert run_cli(["sign", PAIR_ID, "--mentee", "2026-10-06"], cwd=one).code == 0
    text = pair_file.read_text(encoding="utf-8")
    assert text.endswith('started_on: "2026-10-05"\ncharter_signed:\n  mentee: "2026-10-06"\nremarque: binôme suivi de près\n')
