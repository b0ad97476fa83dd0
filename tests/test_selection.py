"""Selection: `accept`, `decline`, `import --status`, and what `pair` and `status` say about applicants."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY


def _person(pid: str, extra: str = "") -> str:
    first, last = pid.split("-")
    return f"id: {pid}\nfirst_name: {first.title()}\nlast_name: {last.title()}\nemail: {pid}@example.org\n{extra}"


def _prog(programme) -> Path:
    return programme(
        {
            "mentees/ana-lima.yaml": "# Candidature reçue par courrier\n" + _person("ana-lima", "registered_on: '2026-11-05'\n"),
            "mentees/bob-roy.yaml": _person("bob-roy", "registered_on: '2026-11-20'\ncohort: '2027'\n"),
            "mentees/cyd-ho.yaml": _person("cyd-ho", "status: withdrawn\n"),
            "mentors/dan-sy.yaml": _person("dan-sy", "civil_servant: true\nregistered_on: '2026-10-26'\n"),
        }
    )


def test_pair_and_status_point_at_the_decision(programme, run_cli) -> None:
    root = _prog(programme)
    pair = run_cli(["--root", root, "pair"])
    assert pair.code == 0
    assert ("3 applicant(s) wait for a decision and cannot be paired yet: mentorat accept ID... or mentorat accept --all") in pair.out
    status = run_cli(["--root", root, "status"])
    lines = status.out.splitlines()
    start = lines.index("Applicants waiting for a decision (mentorat accept / decline) (3)")
    assert [line.split() for line in lines[start + 1 : start + 5]] == [
        ["PERSON", "ROLE", "REGISTERED", "DAYS"],
        ["dan-sy", "mentor", "2026-10-26", "30"],
        ["ana-lima", "mentee", "2026-11-05", "20"],
        ["bob-roy", "mentee", "2026-11-20", "5"],
    ]


def test_accept_and_decline_record_the_decision_and_its_date(programme, run_cli) -> None:
    root = _prog(programme)
    result = run_cli(["--root", root, "accept", "--all", "--role", "mentee", "--cohort", "2027"])
    assert result.code == 0 and "accepted: 1 person(s) (decided on 25 November 2026)" in result.out
    assert "status: accepted\ndecided_on: '2026-11-25'\n" in (root / "mentees/bob-roy.yaml").read_text(encoding="utf-8")
    assert "status" not in (root / "mentees/ana-lima.yaml").read_text(encoding="utf-8")
    waiting = run_cli(["--root", root, "decline", "ana-lima", "--reason", "  promotion   complète ", "--waiting"])
    assert waiting.code == 0, waiting.err
    text = (root / "mentees/ana-lima.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Candidature reçue par courrier\n")  # the coordinator's comment stays
    assert "status: waitlisted\ndecided_on: '2026-11-25'\ndecision_reason: promotion complète\n" in text
    again = run_cli(["--root", root, "accept", "ana-lima"], today="2026-12-01")
    assert again.code == 0
    text = (root / "mentees/ana-lima.yaml").read_text(encoding="utf-8")
    assert "status: accepted\ndecided_on: '2026-12-01'\n" in text and "decision_reason" not in text
    refused = run_cli(["--root", root, "decline", "dan-sy", "--reason", "pas fonctionnaire"])
    assert refused.code == 0 and "declined: 1 person(s)" in refused.out
    assert "status: declined" in (root / "mentors/dan-sy.yaml").read_text(encoding="utf-8")
    assert run_cli(["--root", root, "validate"]).code == 0
    nothing = run_cli(["--root", root, "accept", "--all"])
    assert nothing.code == 0 and "no application waiting for a decision" in nothing.out
    assert "wait for a decision" not in run_cli(["--root", root, "pair"]).out


def test_selection_mistakes_are_clear_errors(programme, run_cli) -> None:
    root = _prog(programme)
    for args, message in (
        (["accept"], "name the people to decide on, or use --all"),
        (["accept", "zed-xu"], "no mentor or mentee has the id 'zed-xu'"),
        (["accept", "ana-lima", "--all"], "give ids or --all, not both"),
        (["accept", "cyd-ho"], "'cyd-ho' has status 'withdrawn'"),
        (["decline", "ana-lima", "--reason", "  "], "--reason must say why"),
    ):
        result = run_cli(["--root", root, *args])
        assert result.code == 2 and message in result.err, (args, result.err)
        assert "Traceback" not in result.err
    missing = run_cli(["--root", root, "decline", "ana-lima"])
    assert missing.code == 2 and "--reason" in missing.err


def test_import_status_accepted_for_programmes_that_take_everyone(programme, run_cli, tmp_path: Path) -> None:
    root = programme()
    export = tmp_path / "inscrits.csv"
    export.write_bytes(
        "Prénom;Nom;Courriel;Statut\nAnaïs;Lefèvre;anais@example.org;\nLoïc;Roy;loic@example.org;Candidat\n".encode("cp1252")
    )
    result = run_cli(["--root", root, "import", export, "--role", "mentee", "--status", "accepted"])
    assert result.code == 0, result.err
    created = (root / "mentees/anais-lefevre.yaml").read_text(encoding="utf-8")
    assert f"status: accepted\ndecided_on: '{TODAY}'\n" in created
    # The row's own answer wins over the default.
    assert "status: applicant" in (root / "mentees/loic-roy.yaml").read_text(encoding="utf-8")
