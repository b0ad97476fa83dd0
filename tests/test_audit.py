"""`mentorat audit`: the six stages' criteria, evidence from the files, thresholds from a data file."""

from __future__ import annotations

from pathlib import Path

from test_report_fixture import TODAY, make


def _audit(run_cli, root: Path, *extra: str):
    return run_cli(["--root", root, "audit", *extra], today=TODAY)


def _line(out: str, label: str) -> str:
    return next(line for line in out.splitlines() if label in line)


def test_audit_reports_each_stage_with_evidence_and_files(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    result = _audit(run_cli, root)
    assert result.code == 0  # without --strict, missing criteria do not fail the command
    stages = [line for line in result.out.splitlines() if line and not line.startswith(" ")]
    assert stages[:6] == [
        "Recruiting mentees",
        "Recruiting mentors",
        "Preparation and training",
        "Matching and introduction",
        "Follow-up and support",
        "Closure and evaluation",
    ]
    # Pairs with 4+ held meetings: e01..e08; e05 and e06 held no review.
    review = result.out.splitlines().index(_line(result.out, "intermediate review"))
    assert result.out.splitlines()[review] == (
        "  MISSING  Pairs past the review point that held their intermediate review: 6 of 8 (75%, threshold 80%)"
    )
    assert result.out.splitlines()[review + 1].strip() == "fix: pairs/e05--r05.yaml, pairs/e06--r06.yaml"
    assert _line(result.out, "final meeting").startswith("  met      Completed pairs closed with a final meeting: 2 of 2")
    assert "Ended early (or re-paired)".lower() in result.out.lower()
    assert _line(result.out, "documented reason").startswith("  met")
    assert result.out.splitlines()[-1] == "6 criteria met, 9 missing, 0 not applicable yet"


def test_strict_fails_when_something_is_missing(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    assert _audit(run_cli, root, "--strict").code == 1


def test_evidence_follows_the_files(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    pair = root / "pairs/e01--r01.yaml"
    pair.write_text(
        pair.read_text(encoding="utf-8")
        + ('charter_signed: {mentor: "2026-09-05", mentee: "2026-09-06"}\ncontacts:\n  - {date: "2027-06-01", channel: phone}\n'),
        encoding="utf-8",
    )
    other = root / "pairs/e02--r02.yaml"
    # Signed by one side only, and contacted too long ago: neither counts.
    other.write_text(
        other.read_text(encoding="utf-8")
        + ('charter_signed: {mentor: "2026-09-05"}\ncontacts:\n  - {date: "2027-04-01", channel: mail}\n'),
        encoding="utf-8",
    )
    for name, day in (("r01", "2026-09-01"), ("r02", "2026-12-01")):
        path = root / f"mentors/{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f'trained_on: "{day}"\n', encoding="utf-8")
    out = run_cli(["--root", root, "-v", "audit"], today=TODAY).out
    assert "Charters signed by both mentor and mentee: 1 of 11 (9%, threshold 100%)" in out
    assert "Ongoing pairs with a coordinator contact in the last two months: 1 of 7" in out
    # r02 was trained after the first meeting (2026-10-03): it does not count.
    assert "Mentors trained before their first meeting: 1 of 10" in out
    fix = out.splitlines()[out.splitlines().index(_line(out, "Mentors trained")) + 1]
    assert "mentors/r01.yaml" not in fix and "mentors/r02.yaml" in fix


def test_programme_criteria_file_replaces_the_bundled_one(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    (root / "audit").mkdir()
    (root / "audit/criteria.yaml").write_text(
        "stages:\n"
        "  - id: follow-up\n    title: Suivi\n    criteria:\n"
        "      - {id: review, label: Reviews held, metric: review-held, threshold: 75}\n"
        "      - {id: final, label: Finals held, metric: final-meeting-held, threshold: 90}\n",
        encoding="utf-8",
    )
    result = _audit(run_cli, root, "--strict")
    assert result.code == 0, result.out
    assert result.out.splitlines() == [
        "Suivi",
        "  met      Reviews held: 6 of 8 (75%, threshold 75%)",
        "  met      Finals held: 2 of 2 (100%, threshold 90%)",
        "2 criteria met, 0 missing, 0 not applicable yet",
    ]


def test_bad_criteria_file_names_file_and_line(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    (root / "audit").mkdir()
    (root / "audit/criteria.yaml").write_text(
        "stages:\n  - id: s\n    title: S\n    criteria:\n"
        "      - id: x\n        label: X\n        metric: charters-everywhere\n        threshold: 150\n",
        encoding="utf-8",
    )
    result = _audit(run_cli, root)
    assert result.code == 1
    assert "audit/criteria.yaml:7:17: error audit-criteria audit criteria: unknown metric 'charters-everywhere'" in result.out
    assert "audit/criteria.yaml:8:20: error audit-criteria audit criteria: threshold must be a number from 0 to 100" in result.out
    assert "Traceback" not in result.out + result.err


def test_criteria_yaml_syntax_error(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    (root / "audit").mkdir()
    (root / "audit/criteria.yaml").write_text("stages: [\n", encoding="utf-8")
    result = _audit(run_cli, root)
    assert result.code == 1
    assert result.out.startswith("audit/criteria.yaml:")
    assert "yaml-syntax" in result.out


def test_nothing_to_assess_is_not_missing(programme, run_cli) -> None:
    root = programme()
    result = run_cli(["--root", root, "audit", "--strict"])
    assert result.code == 0
    assert result.out.splitlines()[-1] == "0 criteria met, 0 missing, 15 not applicable yet"
    assert "  n/a      Charters signed by both mentor and mentee: nothing to assess yet" in result.out


def test_json_format_for_tools(tmp_path: Path, run_cli) -> None:
    import json

    root = make(tmp_path / "prog")
    result = _audit(run_cli, root, "--format", "json", "--strict")
    assert result.code == 1
    doc = json.loads(result.out)
    assert (doc["met"], doc["missing"], doc["not_applicable"]) == (6, 9, 0)
    review = next(c for c in doc["criteria"] if c["id"] == "review")
    assert review == {
        "stage": "Follow-up and support",
        "id": "review",
        "label": "Pairs past the review point that held their intermediate review",
        "status": "missing",
        "threshold": 80.0,
        "met_count": 6,
        "base": 8,
        "to_fix": ["pairs/e05--r05.yaml", "pairs/e06--r06.yaml"],
    }
