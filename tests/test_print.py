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


def _left_borders(page: pypdf.PageObject) -> list[tuple[float, float]]:
    """The (top, bottom) of each vertical border drawn at the table's left edge on a page, in drawing order."""
    segments: list[tuple[float, float, float]] = []
    start: tuple[float, float] | None = None
    for operands, operator in pypdf.generic.ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"m":
            start = (float(operands[0]), float(operands[1]))
        elif operator == b"l" and start is not None:
            x, y = float(operands[0]), float(operands[1])
            if abs(x - start[0]) < 0.01 and abs(y - start[1]) > 1:
                segments.append((x, min(y, start[1]), max(y, start[1])))
            start = None
    left = min((x for x, _, _ in segments), default=0.0)
    return [(top, bottom) for x, top, bottom in segments if abs(x - left) < 0.01]


@pytest.mark.parametrize("contacts", [0, 9, 14, 22, 40])
def test_the_sheet_pdf_keeps_each_blank_row_whole_on_one_page(programme, run_cli, contacts: int) -> None:
    prog, tree = files(kind="school", language="fr")
    lines = [f'  - {{date: "2026-10-{1 + i % 28:02d}", channel: phone, summary: "Point de suivi numéro {i}"}}' for i in range(contacts)]
    tree[f"pairs/{PAIR_ID}.yaml"] += ("contacts:\n" + "\n".join(lines) + "\n") if contacts else ""
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["sheet", PAIR_ID, "--format", "pdf"], cwd=root)
    assert result.code == 0, result.err
    reader = pypdf.PdfReader(root / "out" / f"sheet-{PAIR_ID}.pdf")
    pages = pages_of((root / "out" / f"sheet-{PAIR_ID}.pdf").read_bytes())
    assert_page_numbers(pages, "fr")
    if contacts:
        assert f"Point de suivi numéro {contacts - 1}" in " ".join(pages)
    last = max(i for i, page in enumerate(reader.pages) if _left_borders(page))
    rows = _left_borders(reader.pages[last])
    # The drawing unit is the CSS pixel (96 per inch): 12 mm is 45.35 px. A row cut by the page break would be shorter.
    blank = rows[-3:]
    assert len(blank) == 3 and all(bottom - top >= 45 for top, bottom in blank), rows[-4:]
    assert any("Suivi par la coordination Date Moyen Résumé" in page for page in pages[: last + 1])  # heading with its table
    for page in reader.pages[last + 1 :]:
        assert not _left_borders(page)  # nothing of the table runs over
    for page in reader.pages:
        for top, bottom in _left_borders(page):
            assert bottom - top >= 20, (top, bottom)  # no row is a sliver left at a page's foot or head
