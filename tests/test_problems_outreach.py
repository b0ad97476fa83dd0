"""Mail drafts and the survey's mapping file report bad input as Problems: file, line, column, code, message, hint."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import write_tree
from test_report_fixture import TODAY


def _line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.lstrip().startswith(start))


def _confirmed_mentee(root: Path) -> str:
    for path in sorted((root / "pairs").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["status"] == "confirmed":
            return str(data["mentee"])
    raise AssertionError("the sample has no confirmed pair")


def test_every_address_a_header_cannot_hold_is_a_problem_at_its_line(sample: Path, run_cli) -> None:
    mentee = sample / "mentees" / f"{_confirmed_mentee(sample)}.yaml"
    text = mentee.read_text(encoding="utf-8")
    mentee.write_text("\n".join("email: jean,paul@example.org" if x.startswith("email:") else x for x in text.splitlines()) + "\n")
    config = sample / "programme.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("email: mentorat@example.fr", "email: a,b@example.fr"), encoding="utf-8")
    assert run_cli(["validate"], cwd=sample).code == 0  # the schema lets these through; a mail header does not
    result = run_cli(["mail", "intro", "--all"], cwd=sample)
    assert result.code == 1 and "Traceback" not in result.err
    rel = mentee.relative_to(sample).as_posix()
    assert (
        f"{rel}:{_line_of(mentee, 'email:')}:8: error mail-bad-address the e-mail address 'jean,paul@example.org' "
        "cannot be written in a message header\n  hint: correct the address (e.g. prenom.nom@example.org)"
    ) in result.err
    # every bad address at once, each at its own file and line
    assert f"programme.yaml:{_line_of(config, 'email: a,b')}:10: error mail-bad-address the e-mail address 'a,b@example.fr'" in result.err
    assert not (sample / "out" / "mail").exists()


def test_a_template_without_subject_is_a_problem_at_its_first_text_line(sample: Path, run_cli) -> None:
    template = "{#- Our introduction,\n    kept short. -#}\n\nBonjour {{ person.first_name }}\n"
    write_tree(sample, {"templates/mail-intro.fr.md.j2": template})
    result = run_cli(["mail", "intro", "--all"], cwd=sample)
    assert result.code == 1
    assert (
        "templates/mail-intro.fr.md.j2:4:1: error mail-template-subject mail template mail-intro: "
        "the first line must be 'Subject: ...'\n  hint: start the template with the subject line"
    ) in result.err
    assert not (sample / "out" / "mail").exists()


def test_an_unreadable_survey_mapping_is_a_problem_on_the_file(tmp_path: Path, run_cli) -> None:
    from test_survey import _setup

    root, export, mapping = _setup(tmp_path, ["25/06/2027;e01@secret-mail.example;Très satisfait;;;;;non"])
    mapping.write_bytes(
        b"columns:\n  Horodateur: submitted_on\n  Adresse e-mail: email\n" + "  Satisfaction générale: satisfaction\n".encode("cp1252")
    )
    bad_byte = run_cli(["--root", root, "survey", "import", export, "--mapping", mapping], today=TODAY)
    assert bad_byte.code == 2
    assert f"{mapping}:4:17: error file-encoding the file is not valid UTF-8 (byte 0xE9 in column 17)" in bad_byte.err
    missing = run_cli(["--root", root, "survey", "import", export, "--mapping", tmp_path / "absent.yaml"], today=TODAY)
    assert missing.code == 2
    assert (
        f"{tmp_path / 'absent.yaml'}: error survey-mapping-unreadable cannot read the mapping file: the file does not exist\n"
        "  hint: give --mapping a YAML file describing the columns, saved as text (UTF-8)"
    ) in missing.err
