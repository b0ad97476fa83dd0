"""Documents checked on paper: every charter, the sheet and the report printed to A4 PDF, read back page by page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
import weasyprint  # in the test extra: these tests must run, never skip
from french_lint import slips
from test_documents_support import PAIR_ID, files

KINDS = ("school", "ministry", "company", "alumni", "youth")
PAGE_OF = {"fr": "Page {} sur {}", "en": "Page {} of {}"}
FORMULA = {
    "fr": "Je soussigné(e) {name}, atteste avoir pris connaissance de la charte du mentorat",
    "en": "I, the undersigned, {name}, declare that I have read the mentoring charter",
}
PLACE = {"fr": "Fait à", "en": "Done at"}


def pages_of(pdf: bytes) -> list[str]:
    """Each page's text, with every kind of space made plain (no-break spaces print as spaces)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().replace("\u00a0", " ").replace("\u202f", " ").split()) for page in reader.pages]


def assert_signature_blocks_whole(pages: list[str], lang: str, names: list[tuple[str, str]]) -> None:
    """Heading, formula, place and date, and the signature line of each signer are on one page, in order."""
    for label, name in names:
        formula = FORMULA[lang].format(name=name)
        holding = [i for i, page in enumerate(pages) if formula in page]
        assert len(holding) == 1, (name, holding)
        page = pages[holding[0]]
        start = page.index(f"{label}{' :' if lang == 'fr' else ':'} {name}")
        after = page[start:]
        assert after.index(formula) < after.index(PLACE[lang]) < after.index("Signature"), name


def assert_page_numbers(pages: list[str], lang: str) -> None:
    for number, page in enumerate(pages, start=1):
        assert PAGE_OF[lang].format(number, len(pages)) in page, (number, page[-200:])


def _programme(programme, kind: str, lang: str, extra: str = "", mentee_extra: str = "") -> Path:
    prog, tree = files(kind=kind, language=lang, extra=extra)
    tree["mentees/marie-dupont.yaml"] += mentee_extra
    return programme(tree, programme_yaml=prog)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_charter_prints_whole_signature_blocks_page_numbers_and_footer(programme, run_cli, kind: str, lang: str) -> None:
    root = _programme(programme, kind, lang)
    result = run_cli(["charter", PAIR_ID, "--format", "pdf"], cwd=root)
    assert result.code == 0, result.err
    pages = pages_of((root / "out" / f"charter-{PAIR_ID}.pdf").read_bytes())
    assert len(pages) >= 2
    roles = {
        "fr": ("Le ou la mentor", {"school": "L'élève", "youth": "La personne accompagnée"}.get(kind, "La personne mentorée")),
        "en": ("The mentor", {"school": "The student", "youth": "The young person"}.get(kind, "The mentee")),
    }[lang]
    assert_signature_blocks_whole(pages, lang, [(roles[0], "Jean Martin"), (roles[1], "Marie Dupont")])
    assert_page_numbers(pages, lang)
    footer = {"fr": "Marie Dupont et Jean Martin", "en": "Marie Dupont and Jean Martin"}[lang]
    assert all(footer in page for page in pages)
    if lang == "fr":
        assert slips("\n".join(pages)) == []


def test_the_youth_charter_of_a_minor_prints_the_guardians_block(programme, run_cli) -> None:
    guardian = 'minor: true\nguardian: {name: Sophie Dupont, phone: "06 12 34 56 78", consent_on: "2026-09-15"}\n'
    root = _programme(programme, "youth", "fr", mentee_extra=guardian)
    assert run_cli(["charter", PAIR_ID, "--format", "pdf"], cwd=root).code == 0
    pages = pages_of((root / "out" / f"charter-{PAIR_ID}.pdf").read_bytes())
    holding = [page for page in pages if "Responsable légal(e) de la personne accompagnée : Sophie Dupont" in page]
    assert len(holding) == 1
    block = holding[0][holding[0].index("Responsable légal(e)") :]
    assert "Je soussigné(e) Sophie Dupont, représentant(e) légal(e) de Marie Dupont, autorise sa participation" in block
    assert block.index("autorise") < block.index("Fait à") < block.index("Signature")
    assert "06 12 34 56 78" in block
    assert_page_numbers(pages, "fr")


def test_the_sample_charter_prints_well(sample: Path, run_cli) -> None:
    assert run_cli(["charter", "lea-martin--paul-lambert", "--format", "pdf"], cwd=sample).code == 0
    pages = pages_of((sample / "out" / "charter-lea-martin--paul-lambert.pdf").read_bytes())
    assert_page_numbers(pages, "fr")
    text = "\n".join(pages)
    assert "Organisé par l'Institut national des métiers du service public" in text
    assert slips(text) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sheet_prints_with_page_numbers_and_one_line_dates(programme, run_cli, lang: str) -> None:
    root = _programme(programme, "school", lang)
    assert run_cli(["sheet", PAIR_ID, "--format", "html"], cwd=root).code == 0
    page = (root / "out" / f"sheet-{PAIR_ID}.html").read_text(encoding="utf-8")
    pages = pages_of(weasyprint.HTML(string=page).write_pdf())
    assert_page_numbers(pages, lang)
    # Dates never wrap: each planned date is whole on its line of text.
    date = {"fr": "5 octobre 2026", "en": "5 October 2026"}[lang]
    assert date in " ".join(pages)
    assert ".handwriting tbody tr:nth-last-child(-n+3) td { height: 12mm; }" in page
    if lang == "fr":
        assert slips("\n".join(pages)) == []


def test_the_report_prints_with_page_numbers(sample: Path, run_cli) -> None:
    assert run_cli(["report", "--format", "html", "-o", "out/report.html"], cwd=sample).code == 0
    html = (sample / "out" / "report.html").read_text(encoding="utf-8")
    pages = pages_of(weasyprint.HTML(string=html).write_pdf())
    assert len(pages) >= 2
    assert_page_numbers(pages, "fr")


def test_printed_text_is_checked_by_the_linter() -> None:
    """The linter finds each slip the issue names (so a clean result above means something)."""
    for line in (
        "Ce programme est organisé par Institut national du service",
        "Les objectifs de Adam",
        "Les objectifs d'Yanis",
        "Les objectifs de Yves",
        "Signature :&nbsp;",
        "Tenir le mentoré au courant",
        "Jeune accompagné : Marie",
    ):
        assert slips(line), line
    assert slips("Organisé par l'Institut, les objectifs de Yanis et d'Yves, la personne mentorée") == []
    assert re.search(r"\bde la mentore\b", "de la mentore") and slips("de la mentore") == []
