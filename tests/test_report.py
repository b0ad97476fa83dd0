"""`mentorat report`: figures checked against values worked out by hand (see test_report_fixture.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_report_fixture import SECRETS, TODAY, make

NNBSP = "\u00a0"


def table_after(text: str, title: str) -> dict[str, list[str]]:
    """The first Markdown table after the line holding `title`, as {first cell: other cells}."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if title in line)
    while lines[start].startswith("|"):  # the title is a row: read the table it belongs to
        start -= 1
    rows: dict[str, list[str]] = {}
    in_table = False
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            in_table = True
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            if cells[0] != "---":
                rows[cells[0]] = cells[1:]
        elif in_table:
            break
    return rows


@pytest.fixture
def report_md(tmp_path: Path, run_cli) -> str:
    root = make(tmp_path / "prog")
    result = run_cli(["--root", root, "report"], today=TODAY)
    assert result.code == 0, result.err
    assert "out/report-2026.md" in result.out
    return (root / "out" / "report-2026.md").read_text(encoding="utf-8")


def test_participants_and_breakdowns(report_md: str) -> None:
    people = table_after(report_md, "## Participants")
    assert people["Mentorés"] == ["12", "11"]  # e12 is an applicant with no pair
    assert people["Mentors"] == ["12", "11"]  # r12 only has a proposal
    public = table_after(report_md, "Mentorés par voie d'accès")
    assert public == {
        "Catégorie": ["Nombre"],
        "Concours interne": ["7"],
        "Concours externe": ["< 5"],
        "Concours externe, voie Talents": ["< 5"],
        "Total": ["11"],
    }
    city = table_after(report_md, "Mentorés par ville")
    assert city["Paris"] == ["6"] and city["Lyon"] == ["5"] and city["Total"] == ["11"]
    assert table_after(report_md, "Mentors par ville")["Non renseigné"] == ["11"]


def test_secondary_suppression_protects_the_complement(report_md: str) -> None:
    genre = table_after(report_md, "Mentorés par « Genre »")
    # H = 3 is hidden; F = 8 would give it away from the total of 11, so it is hidden too.
    assert genre["H"] == ["< 5"]
    assert genre["F"] == ["masqué"]
    assert genre["Total"] == ["11"]


def test_pairs(report_md: str) -> None:
    headline = table_after(report_md, "## Binômes")
    assert headline["Binômes proposés"] == ["12"]
    assert headline["Binômes mis en relation"] == ["11"]
    status = table_after(report_md, "Binômes selon leur situation")
    assert status["En cours"] == ["7"]
    assert status["En attente de décision"] == ["< 5"]
    assert status["Menés à leur terme"] == ["< 5"] and status["Interrompus avant terme"] == ["< 5"]
    # Two early endings: too few to publish who ended them or why.
    ended_by = report_md.split("**Binômes interrompus : à l'initiative de**", 1)[1].split("**", 1)[0]
    assert ended_by.strip() == "Détail non publié : le groupe compte moins de 5 personnes ou binômes (voir « Méthode »)."
    assert "Manque de disponibilité" not in report_md
    repaired = table_after(report_md, "Binômes formés pour remplacer")
    assert repaired["Binômes formés pour remplacer un binôme interrompu"] == ["< 5 sur 12", "non publié"]


def test_delay_median_and_p90(report_md: str) -> None:
    # First pairs' delays in days: 4 7 9 10 14 15 19 20 29 30 -> median 14.5, P90 (nearest rank) 29.
    assert "Pour 10 premiers binômes" in report_md
    assert "délai médian de 14,5 jours" in report_md
    assert "90 % des mises en relation en 29 jours ou moins" in report_md.replace(NNBSP, " ")


def test_meetings(report_md: str) -> None:
    table = table_after(report_md, "## Rencontres")
    assert table["Binômes mis en relation"] == ["11"]
    assert table["Rencontres tenues"] == ["53"]  # 6x6 + 2x7 + 1 + 2; the meeting not held is left out
    assert table["Heures de mentorat déclarées"] == ["59,0"]  # (36x60 + 14x90 + 60 + 60) / 60
    assert table["Rencontres sans durée renseignée (non comptées dans les heures)"] == ["1"]
    assert table["Rencontres par binôme (médiane)"] == ["6"]
    # Hours per pair: 6 x 6, 10.5 x 2, 1 (e09), 1 (e10: one meeting has no duration), 0 (e09's new pair).
    assert table["Heures de mentorat par binôme (médiane)"] == ["6,0"]
    shares = table_after(report_md, "Binômes ayant tenu au moins 6 rencontres")
    # 8 of 11 reached six meetings: the 3 others are too few, so only a bound is given.
    assert shares["Binômes ayant tenu au moins 6 rencontres"] == ["plus de 6 sur 11", "non publié"]
    assert shares["Binômes ayant duré au moins 6 mois"] == ["plus de 6 sur 11", "non publié"]
    assert [c.replace(NNBSP, " ") for c in shares["Binômes ayant tenu un bilan intermédiaire"]] == ["6 sur 11", "55 %"]
    assert shares["Binômes ayant tenu une rencontre de clôture"] == ["< 5 sur 11", "non publié"]
    buckets = table_after(report_md, "Répartition des binômes selon le nombre de rencontres")
    assert buckets["Aucune rencontre"] == ["< 5"] and buckets["1 à 2 rencontres"] == ["< 5"]
    assert buckets["3 à 5 rencontres"] == ["0"] and buckets["6 à 9 rencontres"] == ["8"]


def test_monthly_activity(report_md: str) -> None:
    months = table_after(report_md, "Activité mois par mois")
    assert months["septembre 2026"] == ["9", "0"]
    assert months["octobre 2026"] == ["10", "10"]  # p10 starts; 8 first meetings + e09 + e10 held in October
    assert months["novembre 2026"] == ["10", "9"]  # e09's first pair ended on 1 Nov, its new pair started on 15 Nov
    assert months["avril 2027"] == ["7", "2"]
    assert list(months)[-1] == "juin 2027"


def test_satisfaction(report_md: str) -> None:
    table = {k: [c.replace(NNBSP, " ") for c in v] for k, v in table_after(report_md, "## Satisfaction").items()}
    # Mentees: 7 answers from 10 people; 6 satisfied, the 1 other too few to show an exact share.
    assert table["Mentorés"] == ["7", "70 %", "plus de 2 sur 7", "90 %"]
    # Mentors: 6 answers from 11 people, all satisfied.
    assert table["Mentors"] == ["6", "55 %", "6 sur 6 (100 %)", "80 %"]
    recommend = table_after(report_md, "Recommanderaient le programme")
    assert recommend["Mentorés"] == ["plus de 2 sur 7", "non publié"]  # 6 of 7: the one "no" must not be exposed
    assert recommend["Mentors"] == ["—", "—"]  # nobody answered the question: no count, no share


def test_objectives_by_theme_use_mentee_answers_only(report_md: str) -> None:
    table = table_after(report_md, "## Objectifs atteints")
    assert table["Réseau professionnel"] == ["5", "< 5", "< 5", "7"]
    assert table["Confiance en soi"] == ["6", "0", "0", "6"]
    assert table["Orientation professionnelle"] == ["< 5"] * 4
    assert "Travail en équipe" not in table  # only mentors answered about teamwork


def test_quotes_need_consent_and_no_secret_leaks(report_md: str) -> None:
    assert "> Une belle rencontre, qui m'a ouvert des portes." in report_md
    for secret in SECRETS:
        assert secret not in report_md
    assert "## Ce que ce rapport ne contient pas" in report_md


def test_all_formats_keep_secrets_and_are_byte_stable(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    for fmt in ("md", "html", "xlsx"):
        first = run_cli(["--root", root, "report", "--format", fmt, "-o", root / f"out/a.{fmt}"], today=TODAY)
        second = run_cli(["--root", root, "report", "--format", fmt, "-o", root / f"out/b.{fmt}"], today=TODAY)
        assert first.code == second.code == 0, first.err
        a, b = (root / f"out/a.{fmt}").read_bytes(), (root / f"out/b.{fmt}").read_bytes()
        assert a == b
        texts = (
            [a.decode("utf-8")]
            if fmt != "xlsx"
            else [zipfile.ZipFile(root / "out/a.xlsx").read(n).decode("utf-8") for n in zipfile.ZipFile(root / "out/a.xlsx").namelist()]
        )
        for content in texts:
            for secret in SECRETS:
                assert secret not in content, (fmt, secret)


def test_html_is_self_contained_with_inline_charts(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    assert run_cli(["--root", root, "report", "--format", "html"], today=TODAY).code == 0
    page = (root / "out/report-2026.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3
    for attribute in ("src=", 'href="http', "@import", "url(http"):
        assert attribute not in page
    assert 'xlink:href="http' not in page
    assert "<blockquote>Une belle rencontre, qui m&#39;a ouvert des portes.</blockquote>" in page


def test_xlsx_has_one_sheet_per_section(tmp_path: Path, run_cli) -> None:
    from openpyxl import load_workbook

    root = make(tmp_path / "prog", language="en")
    assert run_cli(["--root", root, "report", "--format", "xlsx"], today=TODAY).code == 0
    book = load_workbook(root / "out/report-2026.xlsx")
    assert book.sheetnames[0] == "1 Participants"
    assert book.sheetnames[-2] == "8 Method"
    assert book.sheetnames[-1].startswith("9 What this report does not")
    values = [c.value for row in book["2 Pairs"].iter_rows() for c in row if c.value is not None]
    assert "Pairs proposed" in values and 12 in values  # counts are numbers, not text
    assert "< 5 of 12" in values


def test_english_report(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog", language="en")
    assert run_cli(["--root", root, "report"], today=TODAY).code == 0
    text = (root / "out/report-2026.md").read_text(encoding="utf-8")
    assert text.startswith("# Mentoring programme report")
    assert "median of 14.5 days, and 90% of introductions within 29 days" in text
    assert "## What this report does not include" in text


def test_unknown_cohort_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    result = run_cli(["--root", root, "report", "--cohort", "1999"], today=TODAY)
    assert result.code == 2
    assert "no cohort '1999'" in result.err and "known cohorts: 2026" in result.err
    assert not (root / "out").exists()


def test_a_typed_output_may_go_outside_the_programme(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    result = run_cli(["--root", root, "report", "-o", tmp_path / "elsewhere.md"], today=TODAY)
    assert result.code == 0, result.err
    assert run_cli(["--root", root, "report"], today=TODAY).code == 0
    assert (tmp_path / "elsewhere.md").read_bytes() == (root / "out/report-2026.md").read_bytes()
    again = run_cli(["--root", root, "report", "-o", tmp_path / "elsewhere.md"], today=TODAY)
    assert again.code == 2 and "already exists" in again.err and "--force" in again.err


def test_invalid_programme_stops_the_report(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    (root / "pairs/e01--r01.yaml").write_text("id: e01--r01\nmentee: e01\nstatus: maybe\n", encoding="utf-8")
    result = run_cli(["--root", root, "report"], today=TODAY)
    assert result.code == 1
    assert "pairs/e01--r01.yaml:3:9: error schema-enum" in result.err
    assert "Traceback" not in result.err
    assert not (root / "out").exists()


def test_cohort_option_keeps_other_cohorts_out(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    extra = 'id: z01\nfirst_name: Z\nlast_name: NOMSECRETZ\nemail: z@secret-mail.example\ncohort: "2027"\nstatus: accepted\n'
    (root / "mentees/z01.yaml").write_text(extra, encoding="utf-8")
    assert run_cli(["--root", root, "report", "--cohort", "2027"], today=TODAY).code == 0
    other = (root / "out/report-2027.md").read_text(encoding="utf-8")
    assert table_after(other, "## Participants")["Mentorés"] == ["1", "1"]
    assert run_cli(["--root", root, "report"], today=TODAY).code == 0
    own = (root / "out/report-2026.md").read_text(encoding="utf-8")
    assert table_after(own, "## Participants")["Mentorés"] == ["12", "11"]


def test_golden_markdown(report_md: str, golden) -> None:
    golden("report/fixture-fr.md", report_md)


def test_empty_programme_gives_a_report_without_figures(programme, run_cli) -> None:
    root = programme()
    for fmt in ("md", "html", "xlsx"):
        result = run_cli(["--root", root, "report", "--format", fmt])
        assert result.code == 0, result.err
    text = (root / "out/report-2026.md").read_text(encoding="utf-8")
    assert table_after(text, "## Participants")["Mentorés"] == ["0", "0"]
    assert "Le délai n'est pas publié" in text


def test_rare_values_are_pooled_and_not_named(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    for name, city in (("e10", "Brest"), ("e11", "Nice")):
        path = root / f"mentees/{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("city: Lyon", f"city: {city}"), encoding="utf-8")
    assert run_cli(["--root", root, "report"], today=TODAY).code == 0
    text = (root / "out/report-2026.md").read_text(encoding="utf-8")
    city = table_after(text, "Mentorés par ville")
    # Lyon 3, Brest 1, Nice 1: pooled into one row of 5, so no small city is named.
    assert city == {"Catégorie": ["Nombre"], "Paris": ["6"], "Autres (3 valeurs de moins de 5 personnes chacune)": ["5"], "Total": ["11"]}
    assert "Brest" not in text and "Nice" not in text


def test_meetings_dated_after_today_are_not_counted(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    (root / "notes/e01--r01/2027-08-03-regular.md").write_text(
        '---\ndate: "2027-08-03"\nkind: regular\nduration_minutes: 60\n---\nSECRET-NOTE-BODY\n', encoding="utf-8"
    )
    assert run_cli(["--root", root, "report"], today=TODAY).code == 0
    text = (root / "out/report-2026.md").read_text(encoding="utf-8")
    assert table_after(text, "## Rencontres")["Rencontres tenues"] == ["53"]
    assert "SECRET-NOTE-BODY" not in text


def test_report_before_the_cohort_starts(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    for fmt in ("md", "html"):
        result = run_cli(["--root", root, "report", "--format", fmt], today="2026-08-01")
        assert result.code == 0, result.err
    assert "Activité mois par mois" in (root / "out/report-2026.md").read_text(encoding="utf-8")


def test_html_escapes_values_from_the_files(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    for n in range(1, 7):
        path = root / f"mentees/e{n:02d}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("city: Paris", 'city: "<script>alert(1)</script>"'), encoding="utf-8")
    assert run_cli(["--root", root, "report", "--format", "html"], today=TODAY).code == 0
    page = (root / "out/report-2026.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_output_never_replaces_programme_files(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    (root / "notes.md").write_text("my own notes\n", encoding="utf-8")
    before = (root / "mentees/e01.yaml").read_bytes()
    for target in ("mentees/e01.yaml", "programme.yaml", "feedback/new.md"):
        result = run_cli(["--root", root, "report", "-o", root / target, "--force"], today=TODAY)
        assert result.code == 2, target
        assert "refusing to write over the programme's data" in result.err
    result = run_cli(["--root", root, "report", "-o", root / "notes.md"], today=TODAY)
    assert result.code == 2 and "notes.md already exists" in result.err
    assert (root / "mentees/e01.yaml").read_bytes() == before
    assert (root / "notes.md").read_text(encoding="utf-8") == "my own notes\n"
    assert not (root / "feedback/new.md").exists()
