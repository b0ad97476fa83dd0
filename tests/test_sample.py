"""The bundled sample programme: valid, realistic in size, and exercising the school's rules."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from conftest import REPO, SAMPLE, snapshot

from mentorat_cli.load import yamlio

REGENERATE = "sample-programme/ is out of date: run `python benchmarks/make_sample.py` and review the diff"


def records(root: Path, folder: str) -> dict[str, dict[str, Any]]:
    """Every YAML record of a folder, loaded with the project's strict loader."""
    out = {}
    for path in sorted((root / folder).glob("*.yaml")):
        data, issue = yamlio.load(path.read_text(encoding="utf-8"))
        assert issue is None, f"{path}: {issue}"
        out[path.stem] = data
    return out


def test_sample_validates_with_no_error_and_no_warning(run_cli, sample: Path) -> None:
    result = run_cli(["--root", sample, "validate", "--strict"])
    assert result.code == 0, result.out + result.err
    assert "valid (" in result.out and "warning" not in result.out
    report = json.loads(run_cli(["--root", sample, "validate", "--format", "json"]).out)
    assert report["problems"] == [] and report["valid"] is True


def test_sample_validates_from_a_subfolder(run_cli, sample: Path) -> None:
    result = run_cli(["validate"], cwd=sample / "notes")
    assert result.code == 0, result.out + result.err


def test_sample_has_the_promised_people_and_pairs(sample: Path) -> None:
    mentors, mentees, pairs = records(sample, "mentors"), records(sample, "mentees"), records(sample, "pairs")
    assert len(mentors) >= 32 and len(mentees) >= 48
    statuses = Counter(p["status"] for p in pairs.values())
    assert statuses["confirmed"] >= 15 and statuses["ended"] == 6
    ended_by = Counter(p.get("ended_by") for p in pairs.values() if p["status"] == "ended")
    assert ended_by["completed"] == 3 and sum(ended_by.values()) - ended_by["completed"] == 3
    assert all(p.get("end_reason") for p in pairs.values() if p["status"] == "ended" and p["ended_by"] != "completed")
    assert sum(1 for p in pairs.values() if p.get("replaces")) == 2
    assert any(p.get("contacts") for p in pairs.values())
    people = [*mentors.values(), *mentees.values()]
    assert Counter(p["status"] for p in people)["withdrawn"] == 1
    assert Counter(p["status"] for p in people)["applicant"] >= 3
    assert {m["public"] for m in mentees.values()} == {"external", "talents", "internal", "third", "phd"}
    assert len({p["location"]["city"] for p in people}) >= 20
    assert sum(1 for p in people if p.get("not_with")) >= 3


def test_sample_leaves_real_work_for_pairing(sample: Path) -> None:
    mentors, mentees, pairs = records(sample, "mentors"), records(sample, "mentees"), records(sample, "pairs")
    active = [p for p in pairs.values() if p["status"] == "confirmed"]
    unpaired = [m for m in mentees.values() if m["status"] == "accepted" and m["id"] not in {p["mentee"] for p in pairs.values()}]
    assert len(unpaired) >= 15
    load = Counter(p["mentor"] for p in active)
    spare = sum(m.get("capacity", 1) - load[m["id"]] for m in mentors.values() if m["status"] == "accepted" and m.get("civil_servant"))
    assert spare >= len(unpaired)
    # A waiting mentee whose line manager is a mentor: the hierarchy rule matters for `mentorat pair`.
    mentor_emails = {m["email"] for m in mentors.values()}
    assert any(m.get("manager") in mentor_emails for m in unpaired)


def test_a_pair_across_a_hierarchy_link_is_rejected(run_cli, sample: Path) -> None:
    mentees = records(sample, "mentees")
    mentors_by_email = {m["email"]: m["id"] for m in records(sample, "mentors").values()}
    mentee = next(m for m in mentees.values() if m.get("manager") in mentors_by_email and m["status"] == "accepted")
    mentor = mentors_by_email[mentee["manager"]]
    pid = f"{mentee['id']}--{mentor}"
    (sample / "pairs" / f"{pid}.yaml").write_text(
        f"id: {pid}\nmentee: {mentee['id']}\nmentor: {mentor}\nstatus: confirmed\nconfirmed_on: 2026-11-02\n", encoding="utf-8"
    )
    result = run_cli(["--root", sample, "validate"])
    assert result.code == 1
    assert f"pairs/{pid}.yaml" in result.out and "pair-rule" in result.out and "management chain" in result.out


def test_sample_notes_fall_within_their_pair(sample: Path) -> None:
    pairs = records(sample, "pairs")
    notes = sorted((sample / "notes").glob("*/*.md"))
    assert len(notes) >= 100
    kinds = Counter()
    for path in notes:
        front, _body = yamlio.split_front_matter(path.read_text(encoding="utf-8")) or ("", "")
        meta, issue = yamlio.load(front)
        assert issue is None
        pair = pairs[path.parent.name]
        kinds[meta["kind"]] += 1
        assert pair["started_on"] <= meta["date"] <= min(pair.get("ended_on", "2026-11-20"), "2026-11-20"), path
    assert kinds["final"] == 3 and kinds["review"] >= 10 and kinds["first"] == len(pairs)


def test_sample_files_point_editors_at_the_schemas(sample: Path) -> None:
    for path in sorted(sample.glob("*/*.yaml")):
        kind = {"mentors": "mentor", "mentees": "mentee", "pairs": "pair", "feedback": "feedback"}[path.parent.name]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../.schemas/{kind}.schema.json", path
    first = (sample / "programme.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=.schemas/programme.schema.json"
    # The editor copies must be the schemas validate uses.
    for schema in sorted((REPO / "schemas").glob("*.json")):
        copy = sample / ".schemas" / schema.name
        assert copy.is_file() and copy.read_bytes() == schema.read_bytes(), f"{schema.name}: {REGENERATE}"


def test_french_values_stay_text(sample: Path) -> None:
    mentors = records(sample, "mentors")
    bourg = [m for m in mentors.values() if m["location"]["city"] == "Bourg-en-Bresse"]
    assert bourg and bourg[0]["location"]["postcode"] == "01000"
    assert all(isinstance(m.get("phone", ""), str) for m in mentors.values())


def test_sample_is_what_the_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "regenerated"
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_sample.py"), str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 problem(s)" in done.stdout
    # Ignore what commands leave in the real sample folder (generated documents, the write lock).
    expected = {k: v for k, v in snapshot(SAMPLE).items() if not k.startswith("out/") and not k.endswith(".lock")}
    assert snapshot(out) == expected, REGENERATE


def _generate(out: Path, seed: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate.py"),
            str(out),
            "--mentees",
            "120",
            "--mentors",
            "80",
            "--pairs",
            "50",
            "--notes",
            "400",
            "--seed",
            str(seed),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_generated_programme_is_valid_and_deterministic(run_cli, tmp_path: Path) -> None:
    assert _generate(tmp_path / "a", 7).returncode == 0
    assert _generate(tmp_path / "b", 7).returncode == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    result = run_cli(["--root", tmp_path / "a", "validate", "--strict"])
    assert result.code == 0, result.out + result.err
    # programme.yaml + 120 mentees + 80 mentors + 50 pairs + 400 notes + 2 survey responses (pairs 20 and 40 ended)
    assert "(653 files checked" in result.out
    pairs = records(tmp_path / "a", "pairs")
    assert len(pairs) == 50 and len(list((tmp_path / "a" / "notes").glob("*/*.md"))) == 400
    assert _generate(tmp_path / "c", 8).returncode == 0
    assert snapshot(tmp_path / "c") != snapshot(tmp_path / "a")


def test_generator_refuses_impossible_sizes_and_full_folders(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate.py"),
            str(tmp_path / "x"),
            "--mentees",
            "10",
            "--mentors",
            "3",
            "--pairs",
            "9",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "civil-servant mentor places" in done.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    assert _generate(tmp_path / "full", 1).returncode == 2
    assert (tmp_path / "full" / "keep.txt").read_text(encoding="utf-8") == "mine"
