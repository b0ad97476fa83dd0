"""Data shown elsewhere stays inert: no live HTML in Markdown outputs, no control character on the terminal,
and `forget` names the generated files whose content still holds an erased person."""

from __future__ import annotations

import re
from pathlib import Path

from test_documents_support import PAIR_ID, files
from test_report_fixture import TODAY
from test_report_fixture import make as make_report_programme

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LIVE_HTML = re.compile(r"<\s*(script|img)", re.I)


def _hostile_one_pair(programme) -> Path:
    prog_yaml, tree = files(first=SCRIPT, last=IMG, objective=f"Un objectif {SCRIPT}")
    prog_yaml = re.sub(r"^name: .*$", f'name: "Programme {SCRIPT}"', prog_yaml, flags=re.M)
    prog_yaml = re.sub(r"^organiser: .*$", f'organiser: "Organisation {IMG}"', prog_yaml, flags=re.M)
    return programme(tree, programme_yaml=prog_yaml)


def test_html_from_data_never_reaches_a_markdown_output(programme, run_cli, tmp_path) -> None:
    root = _hostile_one_pair(programme)
    for command in (
        ["charter", PAIR_ID],
        ["sheet", PAIR_ID],
        ["survey", "blank"],
        ["survey", "blank", "--role", "mentor"],
        ["note", "new", PAIR_ID, "--kind", "first", "--date", "2026-11-20"],
    ):
        result = run_cli(command, cwd=root)
        assert result.code == 0, (command, result.err)
    report_root = make_report_programme(tmp_path / "report")
    for path in [report_root / "programme.yaml", *sorted((report_root / "feedback").glob("*.yaml"))]:
        content = path.read_text(encoding="utf-8")
        content = content.replace("Une belle rencontre, qui m'a ouvert des portes.", f'"{IMG} Une belle rencontre"')
        content = re.sub(r"^organiser: .*$", f'organiser: "École {SCRIPT}"', content, flags=re.M)
        path.write_text(content, encoding="utf-8")
    assert run_cli(["--root", report_root, "report"], today=TODAY).code == 0
    outputs = [
        *sorted((root / "out").glob("*.md")),
        *sorted((root / "notes").rglob("2026-11-20-*.md")),
        report_root / "out" / "report-2026.md",
    ]
    assert len(outputs) == 6
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        assert not LIVE_HTML.search(text), path
        assert "&lt;script>" in text or "&lt;img" in text, path  # the value is still there, as text
    report = (report_root / "out" / "report-2026.md").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)> Une belle rencontre" in report


def _escape_programme(programme) -> Path:
    prog_yaml, tree = files()
    # YAML double-quoted escapes: ESC (clear screen), an OSC title change ended by BEL, a C1 CSI, a bare CR.
    tree["mentees/marie-dupont.yaml"] = tree["mentees/marie-dupont.yaml"].replace(
        'last_name: "Dupont"', 'last_name: "Dupont\\e[2J\\e]0;pwned\\a\\x9b31m\\rX"'
    )
    return programme(tree, programme_yaml=prog_yaml)


CONTROLS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def test_control_characters_from_data_never_reach_the_terminal(programme, run_cli) -> None:
    root = _escape_programme(programme)
    assert "\\e[2J" in (root / "mentees/marie-dupont.yaml").read_text(encoding="utf-8")
    for command in (
        ["export", "people", "-o", "-"],
        ["export", "pairs", "-o", "-"],
        ["person", "show", "marie-dupont"],
        ["status"],
        ["pair", "--explain", PAIR_ID],
    ):
        result = run_cli(command, cwd=root)
        assert not CONTROLS.search(result.out + result.err), (command, repr(result.out + result.err))
    shown = run_cli(["export", "people", "-o", "-"], cwd=root).out
    assert "Dupont" in shown and "pwned" not in shown and "X" in shown
    # A value echoed in a problem message is cleaned too.
    bad = root / "mentors" / "jean-martin.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: accepted", 'status: "\\e[31mred\\e[0m"'), encoding="utf-8")
    result = run_cli(["validate"], cwd=root)
    assert result.code == 1 and "red" in result.out + result.err
    assert not CONTROLS.search(result.out + result.err), repr(result.out + result.err)


def test_forget_names_out_files_whose_content_holds_the_person(programme, run_cli) -> None:
    prog_yaml, tree = files()
    tree["mentees/marie-dupont.yaml"] += 'phone: "06 12 34 56 70"\n'
    root = programme(tree, programme_yaml=prog_yaml)
    assert run_cli(["export", "people", "-o", "out/everyone.csv"], cwd=root).code == 0
    assert run_cli(["export", "people", "--format", "xlsx", "-o", "out/everyone.xlsx"], cwd=root).code == 0
    assert run_cli(["charter", "--all", "--format", "html", "-o", "out/printed"], cwd=root).code == 0
    (root / "out" / "printed" / "renamed.html").write_bytes((root / "out" / "printed" / f"charter-{PAIR_ID}.html").read_bytes())
    (root / "out" / "call-list.txt").write_text("rappeler le +33 6 12 34 56 70 lundi\n", encoding="utf-8")
    (root / "out" / "by-mail.txt").write_text("MARIE.DUPONT@example.org\n", encoding="utf-8")
    (root / "out" / "by-name.md").write_text("| Dupont | Marie |\n", encoding="utf-8")
    (root / "out" / "other.txt").write_text("Jean Martin, Marie Curie, Paul Dupont\n", encoding="utf-8")
    result = run_cli(["forget", "marie-dupont", "--dry-run"], cwd=root)
    assert result.code == 0, result.err
    flagged = dict(re.findall(r"^(out/\S+): NOT changed, it holds an erased person's (.+); delete it", result.out, re.M))
    assert flagged == {
        "out/everyone.csv": "email, id, name, phone",
        "out/everyone.xlsx": "email, id, name, phone",
        "out/printed/renamed.html": "name",
        "out/call-list.txt": "phone",
        "out/by-mail.txt": "email",
        "out/by-name.md": "name",
    }
    # A file whose name already gives it away is listed once, by its name.
    assert result.out.count(f"out/printed/charter-{PAIR_ID}.html") == 1
    assert "delete it" in result.out
