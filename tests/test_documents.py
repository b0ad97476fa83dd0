"""`mentorat charter`, `sheet` and `templates`: real programmes in temporary folders, real files out."""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

import pytest
from conftest import snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_documents_support import PAIR_ID, files

KINDS = ("school", "ministry", "company", "alumni", "youth")


@pytest.fixture
def make(programme):
    """make(kind=..., language=..., ...) -> a valid one-pair programme folder."""

    def build(**options: object) -> Path:
        extra_files = options.pop("tree", {})
        prog, tree = files(**options)  # type: ignore[arg-type]
        tree.update(extra_files)  # type: ignore[arg-type]
        return programme(tree, programme_yaml=prog)

    return build


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_builtin_charter_matches_its_golden_file(make, run_cli, golden, kind: str, language: str) -> None:
    root = make(kind=kind, language=language)
    for fmt in ("md", "html"):
        result = run_cli(["charter", PAIR_ID, "--format", fmt], cwd=root)
        assert result.code == 0, result.err
        produced = (root / "out" / f"charter-{PAIR_ID}.{fmt}").read_text(encoding="utf-8")
        golden(f"documents/charter-{kind}.{language}.{fmt}", produced)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sheet_matches_its_golden_file(make, run_cli, golden, language: str) -> None:
    root = make(
        language=language,
        tree={
            f"notes/{PAIR_ID}/2026-11-02-regular.md": (
                "---\ndate: '2026-11-02'\nkind: regular\ntopics: [networking, Mon stage]\n---\nprivé\n"
            )
        },
    )
    assert (
        run_cli(
            ["contact", PAIR_ID, "--date", "2026-10-20", "--channel", "phone", "--summary", "Premier point : le binôme a bien démarré."],
            cwd=root,
        ).code
        == 0
    )
    for fmt in ("md", "html"):
        result = run_cli(["sheet", PAIR_ID, "--format", fmt], cwd=root)
        assert result.code == 0, result.err
        golden(f"documents/sheet.{language}.{fmt}", (root / "out" / f"sheet-{PAIR_ID}.{fmt}").read_text(encoding="utf-8"))


def test_charter_holds_the_fields_the_issue_lists(make, run_cli) -> None:
    root = make(kind="company", language="en")
    run_cli(["sign", PAIR_ID, "--mentor", "2026-10-06"], cwd=root)
    assert run_cli(["charter", PAIR_ID], cwd=root).code == 0
    text = (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8")
    for expected in (
        "Programme company",
        "Organisation company",
        "Claire Dubois",
        "coordination@example.org",
        "Jean Martin",
        "Marie Dupont",
        "**Career orientation**: Choisir ma première affectation",
        "once a month",
        "6 months, from 5 October 2026 to 5 April 2027",
        "remote",
        "Listening",
        "discrimination, sexist conduct and sexual or moral harassment",
        "end the mentoring at any time",
        "I, the undersigned, Jean Martin, declare that I have read the mentoring charter",
        "Done at ________________________, on 6 October 2026",
        "on ____ / ____ / ________",
    ):
        assert expected in text, expected


def test_rerun_gives_byte_identical_files(make, run_cli) -> None:
    root = make()
    for command in (
        ["charter", "--all", "--format", "html"],
        ["sheet", "--all", "--format", "html"],
        ["charter", "--all"],
        ["sheet", "--all"],
    ):
        assert run_cli(command, cwd=root).code == 0
    first = snapshot(root / "out")
    for command in (
        ["charter", "--all", "--format", "html"],
        ["sheet", "--all", "--format", "html"],
        ["charter", "--all"],
        ["sheet", "--all"],
    ):
        assert run_cli([*command, "--force"], cwd=root).code == 0
    assert snapshot(root / "out") == first
    assert len(first) == 4


def test_hostile_values_print_literally_and_are_never_evaluated(make, run_cli) -> None:
    root = make(first="<script>alert(1)</script>", last="{{ 7*7 }}", objective="*gras* _x_ [lien](http://x.org) {% if %}")
    for fmt in ("md", "html"):
        for command in ("charter", "sheet"):
            result = run_cli([command, PAIR_ID, "--format", fmt], cwd=root)
            assert result.code == 0, result.err
            produced = (root / "out" / f"{command}-{PAIR_ID}.{fmt}").read_text(encoding="utf-8")
            assert "49" not in produced
            if fmt == "md":
                # Markdown keeps the text, but the tag can no longer become live HTML.
                assert "<script" not in produced and "&lt;script>alert(1)&lt;/script>" in produced
                assert "{{ 7*7 }}" in produced
            else:
                assert "<script" not in produced and "<a " not in produced and "<em>" not in produced
                shown = html.unescape(produced)
                assert "<script>alert(1)</script>" in shown and "Marie {{ 7*7 }}" in shown
                assert "*gras* _x_ [lien](http://x.org) {% if %}" in shown


def test_html_page_is_standalone_and_print_ready(make, run_cli) -> None:
    root = make()
    assert run_cli(["charter", PAIR_ID, "--format", "html"], cwd=root).code == 0
    page = (root / "out" / f"charter-{PAIR_ID}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert "@page { size: A4;" in page and "<style>" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page and "<script" not in page


def test_meeting_note_bodies_never_reach_documents(make, run_cli) -> None:
    root = make()
    for command in (["charter", "--all", "--format", "html"], ["sheet", "--all", "--format", "html"], ["sheet", "--all"]):
        assert run_cli(command, cwd=root).code == 0
    for path in (root / "out").iterdir():
        assert "CONFIDENTIAL-BODY" not in path.read_text(encoding="utf-8")


def test_programme_template_comes_before_the_builtin(make, run_cli) -> None:
    root = make(tree={"templates/charter-school.md.j2": "# Notre charte\n\n{{ mentee.full_name }} / {{ mentor.full_name }}\n"})
    assert run_cli(["charter", PAIR_ID], cwd=root).code == 0
    assert (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8") == "# Notre charte\n\nMarie Dupont / Jean Martin\n"


def test_programme_names_its_own_template(make, run_cli) -> None:
    root = make(
        language="en",
        extra="charter:\n  template: our-charter\n",
        tree={"templates/our-charter.en.md.j2": "# Ours\n\n{{ programme.name }}\n"},
    )
    assert run_cli(["charter", PAIR_ID, "--format", "html"], cwd=root).code == 0
    page = (root / "out" / f"charter-{PAIR_ID}.html").read_text(encoding="utf-8")
    assert "<title>Ours</title>" in page and "<p>Programme school</p>" in page


def test_missing_field_names_template_line_and_field(make, run_cli) -> None:
    root = make(
        extra="charter:\n  template: custom\n",
        tree={"templates/custom.md.j2": "# Charte\n\nBonjour {{ mentee.first_name }},\n{{ mentor.nickname }}\n"},
    )
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1
    assert "templates/custom.md.j2:4:1: error doc-template-field the template uses 'nickname', which the data does not have" in result.err
    assert "Traceback" not in result.err and not (root / "out").exists()


def test_undefined_top_level_name_is_reported(make, run_cli) -> None:
    root = make(tree={"templates/charter-school.fr.md.j2": "# C\n{% for x in objectifs %}{{ x }}{% endfor %}\n"})
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1
    assert "templates/charter-school.fr.md.j2:2:1: error doc-template-field the template uses 'objectifs'" in result.err


def test_template_syntax_error_names_file_and_line(make, run_cli) -> None:
    root = make(tree={"templates/charter-school.md.j2": "# C\n\n{% if %}\n"})
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1
    assert "templates/charter-school.md.j2:3:1: error doc-template-syntax template error:" in result.err and "Traceback" not in result.err


def test_templates_are_sandboxed(make, run_cli) -> None:
    root = make(tree={"templates/charter-school.md.j2": "# C\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n"})
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1 and "templates/charter-school.md.j2:2" in result.err
    assert "subclasses" not in result.out


@pytest.mark.parametrize(
    "source, detail",
    [
        ('{% include "../programme.yaml" %}', "uses '../programme.yaml', which is not a template here"),
        ('{% extends "charter-school.fr.md.j2" %}', "RecursionError"),
    ],
)
def test_templates_cannot_read_other_files_or_loop(make, run_cli, source: str, detail: str) -> None:
    root = make(tree={"templates/charter-school.fr.md.j2": "# C\n" + source + "\n"})
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1 and "templates/charter-school.fr.md.j2" in result.err and detail in result.err
    assert "Traceback" not in result.err and not (root / "out").exists()


def test_unknown_template_name_suggests_close_names(make, run_cli) -> None:
    root = make(extra="charter:\n  template: charter-scool\n")
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 2
    assert "no template 'charter-scool'" in result.err and "did you mean: charter-school" in result.err


def test_unknown_pair_lists_close_matches(make, run_cli) -> None:
    root = make()
    result = run_cli(["charter", "marie-dupont--jean-marti"], cwd=root)
    assert result.code == 2
    assert "pair 'marie-dupont--jean-marti' does not exist" in result.err
    assert f"did you mean: {PAIR_ID}?" in result.err
    result = run_cli(["sheet", "marie-dupont"], cwd=root)
    assert result.code == 2 and PAIR_ID in result.err


@pytest.mark.parametrize("args", [["charter"], ["charter", PAIR_ID, "--all"], ["sheet"]])
def test_pair_or_all_is_required(make, run_cli, args: list[str]) -> None:
    result = run_cli(args, cwd=make())
    assert result.code == 2 and "give a pair id or --all" in result.err


def test_all_needs_a_confirmed_pair(make, run_cli) -> None:
    root = make()
    pair_file = root / "pairs" / f"{PAIR_ID}.yaml"
    pair_file.write_text(pair_file.read_text().replace("status: confirmed", "status: proposed"))
    result = run_cli(["charter", "--all"], cwd=root)
    assert result.code == 2 and "no confirmed pair" in result.err


def test_pdf_without_weasyprint_says_how_to_get_it(make, run_cli, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # what an install without the extra looks like
    root = make()
    result = run_cli(["charter", PAIR_ID, "--format", "pdf"], cwd=root)
    assert result.code == 2
    assert "pip install 'mentorat[pdf]'" in result.err and not (root / "out").exists()


def test_pdf_charter_is_a_reproducible_pdf(make, run_cli) -> None:
    import weasyprint  # noqa: F401  (in the `test` extra: a missing one fails here, never skips)

    root = make()
    assert run_cli(["charter", PAIR_ID, "--format", "pdf"], cwd=root).code == 0
    first = (root / "out" / f"charter-{PAIR_ID}.pdf").read_bytes()
    assert first.startswith(b"%PDF-") and len(first) > 5000
    assert run_cli(["charter", PAIR_ID, "--format", "pdf", "--force"], cwd=root).code == 0
    assert (root / "out" / f"charter-{PAIR_ID}.pdf").read_bytes() == first
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_output_folder_option(make, run_cli, tmp_path: Path) -> None:
    root = make()
    before = snapshot(root)
    elsewhere = tmp_path / "printed"
    assert run_cli(["charter", "--all", "-o", elsewhere], cwd=root).code == 0
    assert (elsewhere / f"charter-{PAIR_ID}.md").is_file()
    assert run_cli(["sheet", "--all", "-o", root / "docs"], cwd=root).code == 0
    assert (root / "docs" / f"sheet-{PAIR_ID}.md").is_file()
    after = {k: v for k, v in snapshot(root).items() if not k.startswith("docs/") and k != ".mentorat.lock"}
    assert after == {k: v for k, v in before.items() if k != ".mentorat.lock"}


def test_a_programme_with_errors_gets_no_document(make, run_cli) -> None:
    root = make()
    (root / "mentors" / "jean-martin.yaml").write_text("id: jean-martin\nfirst_name: [\n")
    # The pair needs its mentor's file: `charter PAIR` refuses and names it (issue 12: it refuses only then).
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1 and "mentors/jean-martin.yaml:3" in result.err and not (root / "out").exists()
    # --all works on the pairs it can use: here none, and it says which file it left aside.
    result = run_cli(["charter", "--all"], cwd=root)
    assert result.code == 2 and "left aside: mentors/jean-martin.yaml:3" in result.err and not (root / "out").exists()


def test_templates_list_show_copy(make, run_cli) -> None:
    root = make(language="en", tree={"templates/charter-local.md.j2": "# Local\n"})
    listing = run_cli(["templates", "list"], cwd=root)
    assert listing.code == 0
    lines = listing.out.splitlines()
    assert lines[1].split() == ["charter-local", "*", "programme"]
    assert ["charter-youth", "en,fr", "built-in"] in [line.split() for line in lines]
    shown = run_cli(["templates", "show", "sheet"], cwd=root)
    assert shown.code == 0 and shown.out.startswith("# built-in/sheet.en.md.j2\n") and "Follow-up sheet" in shown.out
    assert run_cli(["templates", "copy", "charter-alumni"], cwd=root).code == 0
    copied = root / "templates" / "charter-alumni.en.md.j2"
    builtin = Path(__file__).resolve().parent.parent / "templates" / "documents" / "charter-alumni.en.md.j2"
    assert copied.read_bytes() == builtin.read_bytes()
    copied.write_text("# Edited by the coordinator\n")
    again = run_cli(["templates", "copy", "charter-alumni"], cwd=root)
    assert again.code == 2 and "already exists" in again.err and "--force" in again.err
    assert copied.read_text() == "# Edited by the coordinator\n"
    assert run_cli(["templates", "copy", "charter-alumni", "--force"], cwd=root).code == 0
    assert copied.read_bytes() == builtin.read_bytes()
    assert run_cli(["templates", "copy", "nope"], cwd=root).code == 2


def test_templates_show_works_while_the_programme_has_errors(make, run_cli) -> None:
    root = make(language="en")
    (root / "mentors" / "jean-martin.yaml").write_text("id: [\n")
    shown = run_cli(["templates", "show", "note-final"], cwd=root)
    assert shown.code == 0 and shown.out.startswith("# built-in/note-final.en.md.j2\n")
    assert run_cli(["templates", "show", "note-final", "--lang", "fr"], cwd=root).out.startswith("# built-in/note-final.fr.md.j2\n")


def test_output_option_must_be_a_writable_folder(make, run_cli, tmp_path: Path) -> None:
    root = make()
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    result = run_cli(["charter", "--all", "-o", a_file], cwd=root)
    assert result.code == 2 and "is a file, not a folder" in result.err
    # A folder that cannot be created (a file is in the way), even for root.
    result = run_cli(["sheet", "--all", "-o", a_file / "sub"], cwd=root)
    assert result.code == 2 and f"cannot write {a_file / 'sub'}" in result.err and "Traceback" not in result.err


_ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "li",
    "div",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.text(
        alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), st.sampled_from("<>&*_`[]{}#|\\!\n")),
        min_size=1,
        max_size=40,
    ).filter(lambda v: v.strip())
)
def test_any_name_prints_as_typed_and_adds_no_markup(make, run_cli, value: str) -> None:
    root = make(first=value, objective=value)
    assert run_cli(["sheet", PAIR_ID, "--format", "html", "--force"], cwd=root).code == 0
    assert run_cli(["charter", PAIR_ID, "--force"], cwd=root).code == 0
    page = (root / "out" / f"sheet-{PAIR_ID}.html").read_text(encoding="utf-8")
    assert set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", page)) <= _ALLOWED_TAGS
    assert " ".join(value.split()) in " ".join(html.unescape(page).split())
    markdown = (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8")
    # Markdown keeps values as typed, except that they can never open raw HTML.
    assert not re.search(r"<[A-Za-z/!?]", markdown)
    assert value in re.sub(r"&(lt|amp);", lambda m: {"lt": "<", "amp": "&"}[m.group(1)], markdown)
