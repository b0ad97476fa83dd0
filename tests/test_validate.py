"""`mentorat validate` on real files: every kind of bad input gives file, line, column, code and exit 1."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

MENTOR = """\
id: jean-martin
first_name: Jean
last_name: Martin
email: jean.martin@example.org
civil_servant: true
experience_years: 20
status: accepted
"""

MENTEE = """\
id: marie-dupont
first_name: Marie
last_name: Dupont
email: marie.dupont@example.org
public: talents
objectives:
  - theme: networking
  - theme: career-orientation
status: accepted
"""

PAIR = """\
id: marie-dupont--jean-martin
mentee: marie-dupont
mentor: jean-martin
status: confirmed
proposed_on: "2026-09-10"
confirmed_on: "2026-09-15"
"""

NOTE = """\
---
date: "2026-10-01"
kind: first
duration_minutes: 60
---
Texte confidentiel SECRET-SENTINEL du binôme.
"""

BASE = {
    "mentors/jean-martin.yaml": MENTOR,
    "mentees/marie-dupont.yaml": MENTEE,
    "pairs/marie-dupont--jean-martin.yaml": PAIR,
    "notes/marie-dupont--jean-martin/2026-10-01-first.md": NOTE,
}


def problems(run_cli, root: Path) -> list[dict]:
    result = run_cli(["validate", "--format", "json"], cwd=root)
    assert "Traceback" not in result.out + result.err
    return json.loads(result.out)["problems"]


def codes(run_cli, root: Path) -> list[tuple[str, str, int]]:
    return [(p["code"], p["file"], p["line"]) for p in problems(run_cli, root)]


def test_valid_programme_exits_0(run_cli, programme):
    root = programme(BASE)
    result = run_cli(["validate"], cwd=root)
    assert result.code == 0, result.out + result.err
    assert "valid (5 files checked)" in result.out


def test_validate_works_from_a_subfolder(run_cli, programme):
    root = programme(BASE)
    result = run_cli(["validate"], cwd=root / "mentors")
    assert result.code == 0


def test_outside_a_programme_is_a_usage_error(run_cli, tmp_path):
    result = run_cli(["validate"], cwd=tmp_path)
    assert result.code == 2
    assert "no programme.yaml found" in result.err
    assert "hint:" in result.err


def test_text_output_names_file_line_column_and_hint(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR.replace("experience_years: 20", "experience_years: vingt")})
    result = run_cli(["validate"], cwd=root)
    assert result.code == 1
    assert "mentors/jean-martin.yaml:6:19: error schema-type experience_years: expected a whole number, found text" in result.out
    assert "\n  hint: " in result.out
    assert "1 error(s), 0 warning(s)" in result.out


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"mentors/jean-martin.yaml": MENTOR + "status: withdrawn\n"}, ("yaml-duplicate-key", "mentors/jean-martin.yaml", 8)),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("civil_servant: true", "civil_servant:\n\t true")},
            ("yaml-tab", "mentors/jean-martin.yaml", 6),
        ),
        ({"mentors/jean-martin.yaml": MENTOR + "x: !!python/object/apply:os.system ['ls']\n"}, ("yaml-tag", "mentors/jean-martin.yaml", 8)),
        ({"mentors/jean-martin.yaml": MENTOR + "a: &bomb [1, 2]\nb: *bomb\n"}, ("yaml-alias", "mentors/jean-martin.yaml", 9)),
        ({"mentors/jean-martin.yaml": MENTOR + "---\nid: other\n"}, ("yaml-multi-document", "mentors/jean-martin.yaml", 8)),
        ({"mentors/jean-martin.yaml": "- id: jean-martin\n- x\n"}, ("yaml-not-mapping", "mentors/jean-martin.yaml", 1)),
        ({"mentors/jean-martin.yaml": ""}, ("file-empty", "mentors/jean-martin.yaml", 1)),
        ({"mentors/jean-martin.yaml": "# only a comment\n"}, ("file-empty", "mentors/jean-martin.yaml", 1)),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("first_name: Jean", "first_name: [Jean")},
            ("yaml-syntax", "mentors/jean-martin.yaml", 3),
        ),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("status: accepted", "status: acepted")},
            ("schema-enum", "mentors/jean-martin.yaml", 7),
        ),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("email: jean.martin@example.org\n", "")},
            ("schema-required", "mentors/jean-martin.yaml", 1),
        ),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("id: jean-martin", "id: jean-martine")},
            ("id-mismatch", "mentors/jean-martin.yaml", 1),
        ),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("id: jean-martin", "id: ../../etc/passwd")},
            ("schema-pattern", "mentors/jean-martin.yaml", 1),
        ),
        ({"mentors/Jean-Martin.yaml": MENTOR.replace("jean-martin", "Jean-Martin")}, ("file-name", "mentors/Jean-Martin.yaml", 0)),
        ({"mentees/marie-dupont.yaml": MENTEE + "not_with: [paul-durand]\n"}, ("ref-missing", "mentees/marie-dupont.yaml", 10)),
        (
            {"pairs/marie-dupont--jean-martin.yaml": PAIR.replace("mentor: jean-martin", "mentor: marie-dupont")},
            ("ref-missing", "pairs/marie-dupont--jean-martin.yaml", 3),
        ),
        (
            {"pairs/marie-dupont--jean-martin.yaml": PAIR.replace('confirmed_on: "2026-09-15"', 'confirmed_on: "2026-09-01"')},
            ("date-order", "pairs/marie-dupont--jean-martin.yaml", 6),
        ),
        (
            {"pairs/marie-dupont--jean-martin.yaml": PAIR.replace('"2026-09-15"', '"2026-02-30"')},
            ("date-impossible", "pairs/marie-dupont--jean-martin.yaml", 6),
        ),
        (
            {"mentees/marie-dupont.yaml": "<<<<<<< HEAD\n" + MENTEE + "=======\nid: x\n>>>>>>> branch\n"},
            ("conflict-marker", "mentees/marie-dupont.yaml", 1),
        ),
        (
            {"notes/marie-dupont--jean-martin/2026-10-01-first.md": NOTE.replace("Texte", "<<<<<<< HEAD\nTexte")},
            ("conflict-marker", "notes/marie-dupont--jean-martin/2026-10-01-first.md", 6),
        ),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("Martin", "Mart\xe9n").encode("cp1252")},
            ("file-encoding", "mentors/jean-martin.yaml", 3),
        ),
        ({"mentees/marie-dupont.yaml": MENTEE.replace("theme: networking", "theme: net")}, ("ref-theme", "mentees/marie-dupont.yaml", 7)),
        (
            {"mentors/jean-martin.yaml": MENTOR.replace("civil_servant: true", "civil_servant: false")},
            ("pair-rule", "pairs/marie-dupont--jean-martin.yaml", 3),
        ),
        ({"mentors/jean-martin.yaml": MENTOR + "capacity: 0\n"}, ("capacity-exceeded", "mentors/jean-martin.yaml", 8)),
        (
            {"mentees/marie-dupont.yaml": MENTEE.replace("marie.dupont@", "Jean.Martin@")},
            ("email-duplicate", "mentors/jean-martin.yaml", 4),
        ),
        ({"notes/ghost--pair/2026-10-01-first.md": NOTE}, ("note-pair", "notes/ghost--pair", 0)),
        (
            {"notes/marie-dupont--jean-martin/2026-10-01-first.md": "Pas de métadonnées\n"},
            ("note-front-matter", "notes/marie-dupont--jean-martin/2026-10-01-first.md", 1),
        ),
        (
            {"notes/marie-dupont--jean-martin/2026-10-01-first.md": NOTE.replace("kind: first", "kind: lunch")},
            ("schema-enum", "notes/marie-dupont--jean-martin/2026-10-01-first.md", 3),
        ),
        ({"notes/marie-dupont--jean-martin/premiere.md": NOTE}, ("note-name", "notes/marie-dupont--jean-martin/premiere.md", 1)),
    ],
)
def test_bad_input_is_reported_with_place(run_cli, programme, files, expected):
    root = programme({**BASE, **files})
    result = run_cli(["validate"], cwd=root)
    assert result.code == 1, result.out
    assert "Traceback" not in result.out + result.err
    found = codes(run_cli, root)
    assert expected in found, found


def test_duplicate_key_names_both_lines(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR + "status: withdrawn\n"})
    [problem] = problems(run_cli, root)
    assert problem["line"] == 8 and "also on line 7" in problem["message"]


def test_yaml_1_1_traps_stay_strings(run_cli, programme):
    mentee = MENTEE + "phone: 0612345670\nlocation: {postcode: 01000, country: NO, city: Bourg}\n"
    root = programme({**BASE, "mentees/marie-dupont.yaml": mentee})
    assert codes(run_cli, root) == []


def test_unquoted_postcode_number_gets_a_quoting_hint(run_cli, programme):
    root = programme({**BASE, "mentees/marie-dupont.yaml": MENTEE + "location: {postcode: 75005}\n"})
    [problem] = problems(run_cli, root)
    assert problem["code"] == "schema-type"
    assert 'postcode: "75005"' in problem["hint"]


def test_bom_is_accepted(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": b"\xef\xbb\xbf" + MENTOR.encode()})
    assert codes(run_cli, root) == []


def test_unknown_key_is_a_warning(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR + "favourite_colour: blue\n"})
    result = run_cli(["validate"], cwd=root)
    assert result.code == 0
    assert "mentors/jean-martin.yaml:8:1: warning schema-unknown-key unknown field 'favourite_colour'" in result.out
    assert "hint: check the spelling; the known fields are described in .schemas/mentor.schema.json" in result.out
    assert run_cli(["validate", "--strict"], cwd=root).code == 1


def test_alias_bomb_is_rejected_quickly(run_cli, programme):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR + bomb})
    assert ("yaml-alias", "mentors/jean-martin.yaml", 9) in codes(run_cli, root)


def test_symlink_is_refused(run_cli, programme, tmp_path):
    root = programme(BASE)
    outside = tmp_path / "outside.yaml"
    outside.write_text(MENTOR.replace("jean-martin", "paul"))
    os.symlink(outside, root / "mentors" / "paul.yaml")
    assert ("file-symlink", "mentors/paul.yaml", 0) in codes(run_cli, root)


def test_files_differing_only_in_case(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR, "mentors/Jean-martin.yaml": MENTOR})
    found = codes(run_cli, root)
    assert ("file-case-clash", "mentors/jean-martin.yaml", 0) in found or ("file-name", "mentors/Jean-martin.yaml", 0) in found


def test_nul_byte_in_id(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR.replace("id: jean-martin", 'id: "jean\\0martin"')})
    found = codes(run_cli, root)
    assert ("schema-pattern", "mentors/jean-martin.yaml", 1) in found


def test_errors_in_notes_never_echo_the_note(run_cli, programme):
    note = '---\ndate: "2026-10-01"\nkind: first\ntopics: SECRET-SENTINEL\n---\nSECRET-SENTINEL body\n'
    bad_yaml = "---\ndate: [SECRET-SENTINEL\n---\nSECRET-SENTINEL\n"
    root = programme(
        {
            **BASE,
            "notes/marie-dupont--jean-martin/2026-10-01-first.md": note,
            "notes/marie-dupont--jean-martin/2026-10-02-regular.md": bad_yaml,
        }
    )
    result = run_cli(["validate"], cwd=root)
    assert result.code == 1
    assert "SECRET-SENTINEL" not in result.out + result.err
    json_result = run_cli(["validate", "--format", "json"], cwd=root)
    assert "SECRET-SENTINEL" not in json_result.out


def test_all_problems_at_once_sorted_by_file_and_line(run_cli, programme):
    root = programme(
        {
            **BASE,
            "mentors/jean-martin.yaml": MENTOR.replace("status: accepted", "status: nope") + "x: 1\nx: 2\n",
            "mentees/marie-dupont.yaml": MENTEE.replace("public: talents", "public: 7"),
            "mentors/zoe.yaml": "id: zoe\nfirst_name: Zoé\nlast_name: L\nemail: bad\n",
        }
    )
    found = codes(run_cli, root)
    files = [f for _, f, _ in found]
    assert files == sorted(files)
    assert {"mentees/marie-dupont.yaml", "mentors/jean-martin.yaml", "mentors/zoe.yaml"} <= set(files)


def test_json_format_is_stable(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR + "status: x\n"})
    first = run_cli(["validate", "--format", "json"], cwd=root).out
    second = run_cli(["validate", "--format", "json"], cwd=root).out
    assert first == second
    doc = json.loads(first)
    assert doc["valid"] is False and doc["errors"] == 1


def test_root_option(run_cli, programme, tmp_path):
    root = programme(BASE)
    assert run_cli(["--root", str(root), "validate"], cwd=tmp_path).code == 0
    assert run_cli(["--root", str(tmp_path), "validate"], cwd=tmp_path).code == 2


def test_version(run_cli):
    result = run_cli(["--version"], today=None)
    assert result.code == 0 and result.out.startswith("mentorat ")


@pytest.mark.parametrize(
    "mutation",
    [
        lambda m: m.replace("experience_years: 20", "experience_years: -3"),
        lambda m: m.replace("status: accepted", "status: 1"),
        lambda m: m + "location: {postcode: '1', city: ''}\n",
        lambda m: m + "registered_on: '2026-13-01'\n",
        lambda m: m + "languages: [fr, fr]\n",
        lambda m: m + "capacity: 1.5\n",
        lambda m: m + "email2: x\n",
    ],
)
def test_fast_and_full_validators_agree(run_cli, programme, monkeypatch, mutation):
    """The optional fast validator only answers "valid?": it must never accept what jsonschema rejects."""
    from mentorat_cli.load import schemas

    root = programme({**BASE, "mentors/jean-martin.yaml": mutation(MENTOR)})
    with_fast = run_cli(["validate", "--format", "json"], cwd=root).out
    monkeypatch.setattr(schemas, "is_valid_fast", lambda kind, data: None)
    without_fast = run_cli(["validate", "--format", "json"], cwd=root).out
    assert with_fast == without_fast
    assert json.loads(with_fast)["problems"]


def test_parallel_loading_gives_the_same_result(programme):
    from mentorat_cli.check import pipeline

    files = {f"mentors/m-{i}.yaml": MENTOR.replace("jean-martin", f"m-{i}").replace("jean.martin", f"m{i}") for i in range(30)}
    files["mentors/m-7.yaml"] += "status: x\n"
    root = programme({**BASE, **files})
    serial = pipeline.load(root, workers=1)
    parallel = pipeline.load(root, workers=2)
    assert serial[1] == parallel[1]
    assert sorted(serial[0].mentors) == sorted(parallel[0].mentors)


def test_unknown_key_suggests_the_close_field(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR + "trained_onn: '2026-01-01'\n"})
    [problem] = problems(run_cli, root)
    assert problem["hint"].startswith("did you mean 'trained_on'?")


def test_a_french_date_gives_one_clear_error(run_cli, programme):
    root = programme({**BASE, "mentors/jean-martin.yaml": MENTOR + "registered_on: 09/09/2026\n"})
    [problem] = problems(run_cli, root)
    assert problem["code"] == "date-format" and problem["hint"] == "write it 2026-09-09"


def test_unclosed_quote_is_reported_where_it_opens(run_cli, programme):
    mentor = MENTOR.replace("last_name: Martin", 'last_name: "Martin') + 'job: "Chef"\n'
    root = programme({**BASE, "mentors/jean-martin.yaml": mentor})
    [problem] = problems(run_cli, root)
    assert (problem["code"], problem["line"]) == ("yaml-syntax", 3)
    assert "quote" in problem["message"]


def test_symlinked_folder_is_refused(run_cli, programme, tmp_path):
    root = programme({k: v for k, v in BASE.items() if not k.startswith("mentors/")})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "jean-martin.yaml").write_text(MENTOR)
    (root / "mentors").symlink_to(outside)
    found = codes(run_cli, root)
    assert ("file-symlink", "mentors", 0) in found


def test_outdated_editor_schemas_are_flagged_and_refreshed(run_cli, programme):
    root = programme({**BASE, ".schemas/mentor.schema.json": "{}\n"})
    result = run_cli(["validate"], cwd=root)
    assert result.code == 0
    assert ".schemas: warning schemas-outdated" in result.out
    refreshed = run_cli(["schemas"], cwd=root)
    assert refreshed.code == 0 and "Refreshed" in refreshed.out
    assert " warning " not in run_cli(["validate"], cwd=root).out
    assert "up to date" in run_cli(["schemas"], cwd=root).out
