"""`mentorat report` on a small new programme: cohort starting after today, a few pairs, one meeting.

This is the situation of a coordinator trying the tool for the first time: the
report must show the month that has activity, explain every figure it holds back,
and never print a number where there is nothing to count.
"""

from __future__ import annotations

import re

from conftest import PROGRAMME_YAML
from test_report import table_after

TODAY = "2026-11-25"
# The cohort officially starts next week; pairs were introduced and a first meeting held before.
PROGRAMME = (
    PROGRAMME_YAML.replace('start: "2026-09-01"', 'start: "2026-12-01"').replace('end: "2027-06-30"', 'end: "2027-11-30"')
    + "categories: [job-family]\n"
)
HIDDEN_DETAIL = "Détail non publié : le groupe compte moins de 5 personnes ou binômes (voir « Méthode »)."


def _files(pairs: int = 4, meeting: bool = True) -> dict[str, str]:
    out: dict[str, str] = {}
    for n in range(1, 7):
        out[f"mentees/e{n}.yaml"] = (
            f"id: e{n}\nfirst_name: Prenom{n}\nlast_name: Nom{n}\nemail: e{n}@example.org\n"
            f'status: accepted\nregistered_on: "2026-10-01"\nlocation: {{city: Paris}}\n'
            f"categories: {{job-family: finance}}\n"
        )
    for n in range(1, 5):
        out[f"mentors/r{n}.yaml"] = (
            f"id: r{n}\nfirst_name: Mentor{n}\nlast_name: Nom{n}\nemail: r{n}@example.org\n"
            "civil_servant: true\nstatus: accepted\nlocation: {city: Paris}\n"
        )
    for n in range(1, pairs + 1):
        out[f"pairs/e{n}--r{n}.yaml"] = (
            f'id: e{n}--r{n}\nmentee: e{n}\nmentor: r{n}\nstatus: confirmed\nproposed_on: "2026-11-20"\nconfirmed_on: "2026-11-20"\n'
        )
    if meeting:
        out["notes/e1--r1/2026-11-25-first.md"] = '---\ndate: "2026-11-25"\nkind: first\nduration_minutes: 60\n---\nPRIVATE\n'
    return out


def _report(programme, run_cli, fmt: str = "md", files: dict[str, str] | None = None, language: str = "fr") -> str:
    root = programme(_files() if files is None else files, PROGRAMME.replace("language: fr", f"language: {language}"))
    assert run_cli(["--root", root, "validate"]).code == 0
    result = run_cli(["--root", root, "report", "--format", fmt, "--force"], today=TODAY)
    assert result.code == 0, result.err
    return (root / f"out/report-2026.{fmt}").read_text(encoding="utf-8")


def _chart_texts(html: str) -> list[list[str]]:
    """The text labels of each inline SVG chart, in order."""
    return [re.findall(r"<text[^>]*>([^<]*)</text>", svg) for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S)]


def test_month_with_pairs_introduced_before_the_cohort_start_is_shown(programme, run_cli) -> None:
    months = table_after(_report(programme, run_cli), "Activité mois par mois")
    # Four pairs introduced on 20 November, one meeting today, the cohort starts on 1 December.
    assert months == {"Mois": ["Binômes actifs", "Rencontres tenues"], "novembre 2026 (mois en cours)": ["4", "1"]}


def test_html_month_charts_have_data_and_whole_number_ticks(programme, run_cli) -> None:
    html = _report(programme, run_cli, "html")
    pairs_chart, meetings_chart, _ = _chart_texts(html)
    for labels, title in ((pairs_chart, "Binômes actifs en fin de mois"), (meetings_chart, "Rencontres tenues par mois")):
        assert title in labels and "novembre 2026 (mois en cours)" in labels  # today is 25 November: not over yet
        ticks = [t for t in labels if t not in (title, "novembre 2026 (mois en cours)", "mois en cours")]  # the word on the plot too
        assert ticks and all(t.isdigit() for t in ticks), ticks  # no 0.00 .. 0.05 axis
    assert "4" in pairs_chart and "1" in meetings_chart  # the axes reach the values plotted


def test_nothing_to_show_yet_is_said_instead_of_an_empty_table(programme, run_cli) -> None:
    files = _files(pairs=0, meeting=False)
    text = _report(programme, run_cli, files=files)
    section = text.split("**Activité mois par mois**", 1)[1].split("## ", 1)[0]
    assert "| Mois |" not in section
    assert "la cohorte démarre le 1er décembre 2026" in section
    html = _report(programme, run_cli, "html", files=files)
    assert "Binômes actifs en fin de mois" not in html  # no empty chart
    assert len(_chart_texts(html)) == 1  # only the satisfaction chart remains


def test_small_counts_follow_one_rule_explained_in_the_method(programme, run_cli) -> None:
    text = _report(programme, run_cli)
    people = table_after(text, "## Participants")
    assert people["Mentors"] == ["4", "4"]  # totals are published...
    for title in ("Mentors par ville", "Binômes selon leur situation", "Répartition des binômes selon le nombre de rencontres"):
        after = text.split(f"**{title}**", 1)[1].lstrip("\n").split("\n", 1)[0]
        assert after == HIDDEN_DETAIL, title  # ...their details under 5 are not, and the report says why
    assert "| Total | < 5 |" not in text
    city = table_after(text, "Mentorés par ville")  # six mentees: the detail is published
    assert city == {"Catégorie": ["Nombre"], "Paris": ["6"], "Total": ["6"]}
    method = text.split("## Méthode", 1)[1].split("## ", 1)[0]
    assert "Les totaux" in method and "au moins 5 personnes ou binômes" in method
    assert table_after(text, "## Rencontres")["Rencontres par binôme (médiane)"] == ["non publié"]


def test_no_respondent_shows_a_dash_not_zero(programme, run_cli) -> None:
    text = _report(programme, run_cli)
    satisfaction = table_after(text, "## Satisfaction")
    # No questionnaire yet: nobody to be satisfied or not. Four eligible people: no rate either.
    # (The Markdown writer folds the non-breaking space before % into a plain one.)
    assert satisfaction["Mentorés"] == ["0", "non publié", "—", "90 %"]
    assert satisfaction["Mentors"] == ["0", "non publié", "—", "80 %"]
    recommend = table_after(text, "Recommanderaient le programme")
    assert recommend["Mentorés"] == ["—", "—"] and recommend["Mentors"] == ["—", "—"]
    html = _report(programme, run_cli, "html")
    assert "aucun répondant" in _chart_texts(html)[2]


def test_dates_are_written_in_words(programme, run_cli) -> None:
    french = _report(programme, run_cli)
    assert "situation au 25 novembre 2026" in french
    english = _report(programme, run_cli, language="en")
    assert "as of 25 November 2026" in english
    assert table_after(english, "Month by month")["November 2026 (month in progress)"] == ["4", "1"]
    for text in (french, english):
        assert not re.search(r"\b20\d\d-\d\d(-\d\d)?\b", text.replace("report-2026", "")), "an ISO date is left"


def test_category_ids_are_given_readable_labels(programme, run_cli) -> None:
    text = _report(programme, run_cli)
    assert "Mentorés par « Job family »" in text
    assert "job-family" not in text
    assert 'Mentees by "Job family"' in _report(programme, run_cli, language="en")


def test_meeting_bodies_stay_out(programme, run_cli) -> None:
    for fmt in ("md", "html"):
        assert "PRIVATE" not in _report(programme, run_cli, fmt)


def test_workbook_says_why_a_detail_is_missing(programme, run_cli) -> None:
    from openpyxl import load_workbook

    root = programme(_files(), PROGRAMME)
    assert run_cli(["--root", root, "report", "--format", "xlsx", "--force"], today=TODAY).code == 0
    sheet = load_workbook(root / "out/report-2026.xlsx")["1 Participants"]
    cells = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert cells[cells.index("Mentors par ville") + 1] == HIDDEN_DETAIL
