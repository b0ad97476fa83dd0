"""`survey blank` -> a form built with its exact labels -> `survey import` without a mapping, in French and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_report_fixture import TODAY, make

LEVELS = ["very_satisfied", "rather_satisfied", "rather_not_satisfied", "not_satisfied"]
REACHED = ["yes", "partly", "no"]


def _blank(run_cli, root: Path, tmp_path: Path) -> dict:
    """The questions and answer labels exactly as `survey blank` prints them (Markdown)."""
    out = root / "out/survey-mentee.md"  # the default file
    result = run_cli(["--root", root, "survey", "blank", "--role", "mentee"], today=TODAY)
    assert result.code == 0, result.err
    lines = out.read_text(encoding="utf-8").splitlines()
    questions = [line.split(". ", 1)[1] for line in lines if re.match(r"^## \d\. ", line)]
    options: list[list[str]] = []
    for line in lines:
        if line.startswith("## "):
            options.append([])
        elif line.startswith("- [ ] "):
            options[-1].append(line[6:])
    table = [line for line in lines if line.startswith("| ")]
    reached = [c.strip() for c in table[0].strip("|").split("|")][1:]
    themes = [row.strip("|").split("|")[0].strip() for row in table[1:]]
    who = next(line for line in lines if line.startswith("**")).split("**")[1]
    return {"questions": questions, "scale": options[0], "reached": reached, "themes": themes, "yes_no": options[2], "who": who}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_label_of_the_blank_questionnaire_imports_without_a_mapping(tmp_path: Path, run_cli, language) -> None:
    root = make(tmp_path / "prog", language)
    for path in (root / "feedback").iterdir():
        path.unlink()
    blank = _blank(run_cli, root, tmp_path)
    q = blank["questions"]
    assert len(blank["scale"]) == 4 and len(blank["reached"]) == 3 and len(blank["yes_no"]) == 2
    grid = [f"{q[1]} [{theme}]" for theme in blank["themes"][:3]]
    headers = [blank["who"], q[0], *grid, q[2], q[3], q[4], q[5]]
    rows, expected = [], {}
    for n in range(1, 7):
        level, reach = (n - 1) % 4, (n - 1) % 3
        yes = blank["yes_no"][n % 2]
        rows.append(
            [f"e{n:02d}@secret-mail.example", blank["scale"][level], *[blank["reached"][reach]] * 3, yes, yes, f"commentaire {n}", yes]
        )
        expected[n] = (LEVELS[level], REACHED[reach], n % 2 == 0)
    export = tmp_path / "form.csv"
    export.write_bytes(
        ("\r\n".join(";".join(f'"{c}"' for c in row) for row in [headers, *rows]) + "\r\n").encode(
            "cp1252" if language == "fr" else "utf-8-sig"
        )
    )
    result = run_cli(["--root", root, "survey", "import", export], today=TODAY)
    assert result.code == 0, result.out + result.err
    assert "6 response(s) created" in result.out
    for n, (level, reach, yes) in expected.items():
        text = (root / f"feedback/mentee-e{n:02d}-r{n:02d}.yaml").read_text(encoding="utf-8")
        assert f"satisfaction: {level}\n" in text
        assert text.count(f"reached: {reach}" if reach == "partly" else f"reached: '{reach}'") == 3, text
        assert f"would_recommend: {'true' if yes else 'false'}" in text
        assert f"wants_to_continue: {'true' if yes else 'false'}" in text
        assert f"consent_quote: {'true' if yes else 'false'}" in text
    assert run_cli(["--root", root, "validate"], today=TODAY).code == 0
