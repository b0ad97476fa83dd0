"""What each built-in charter says: the source charters' clauses, the organiser's article, roles, logo, minors."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from french_lint import slips
from test_documents_support import PAIR_ID, files

KINDS = ("school", "ministry", "company", "alumni", "youth")

# clause -> (kinds it applies to, French words, English words)
CLAUSES = {
    "no obligation of result": (KINDS, "aucune obligation de résultat ne pèse sur", "under no obligation of result"),
    "no use for personal ends": (KINDS, "ne nous en servons jamais à des fins personnelles", "nor use it for personal ends"),
    "sexist acts beside discrimination and harassment": (
        KINDS,
        "discrimination, d'agissements sexistes et de harcèlement sexuel ou moral",
        "discrimination, sexist conduct and sexual or moral harassment",
    ),
    "public-service code reference": (
        ("school", "ministry"),
        "code général de la fonction publique : articles L. 131-1 à L. 131-13",
        "French general civil service code: articles L. 131-1 to L. 131-13",
    ),
    "consent before involving HR or a third party": (
        KINDS,
        "Ne solliciter le service des ressources humaines ou toute autre personne au sujet",
        "Involve human resources or anyone else about",
    ),
    "mentee's active learning": (("ministry",), "acteur ou actrice de ses apprentissages", "active in their own learning"),
    "alumni activities": (("alumni",), "Prendre part aux réunions et aux activités", "Take part in the meetings and activities"),
    "alumni testimony": (("alumni",), "accepter de témoigner", "agree to give a testimony"),
    "definition of mentoring": (KINDS, "Il ne se confond ni avec le tutorat", "It is neither tutoring"),
    "coaching is paid": (KINDS, "ni avec le coaching, confié à un professionnel rémunéré", "nor coaching, which a paid professional"),
    "coordinator's role": (
        KINDS,
        "La coordination met en relation les deux membres du binôme, prend régulièrement de leurs nouvelles, "
        "organise un point d'étape à mi-parcours",
        "The coordinator introduces the two members of the pair, keeps in touch with them regularly, holds a mid-point review",
    ),
    "no part in the mentee's evaluation": (
        KINDS,
        "le mentorat ne joue aucun rôle dans l'évaluation",
        "mentoring plays no part in the evaluation of",
    ),
}
CASES = [(clause, kind, lang) for clause, (kinds, _, _) in CLAUSES.items() for kind in KINDS for lang in ("fr", "en")]


def _charter(
    programme,
    run_cli,
    kind: str = "school",
    lang: str = "fr",
    extra: str = "",
    mentee_extra: str = "",
    mentor_extra: str = "",
    tree: dict[str, str | bytes] | None = None,
    fmt: str = "md",
) -> str:
    prog, files_ = files(kind=kind, language=lang, extra=extra)
    files_["mentees/marie-dupont.yaml"] += mentee_extra
    files_["mentors/jean-martin.yaml"] += mentor_extra
    files_.update(tree or {})
    root = programme(files_, programme_yaml=prog)
    result = run_cli(["charter", PAIR_ID, "--format", fmt, "--force"], cwd=root)  # the fixture reuses one folder
    assert result.code == 0, result.err
    return (root / "out" / f"charter-{PAIR_ID}.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("clause, kind, lang", CASES)
def test_each_clause_is_in_the_charters_it_applies_to(programme, run_cli, clause: str, kind: str, lang: str) -> None:
    kinds, french, english = CLAUSES[clause]
    text = " ".join(_charter(programme, run_cli, kind, lang).split())
    assert ((french if lang == "fr" else english) in text) == (kind in kinds), (clause, kind, lang)


@pytest.mark.parametrize("kind", KINDS)
def test_french_charters_name_roles_not_first_names_and_sign_the_public_sector_way(programme, run_cli, kind: str) -> None:
    text = _charter(programme, run_cli, kind)
    assert "Tenir le ou la mentor au courant de ses avancées." in text
    assert (
        "Je soussigné(e) Jean Martin, atteste avoir pris connaissance de la charte du mentorat, y souscris et m'engage à la respecter."
    ) in text
    assert "Fait à ________________________, le ____ / ____ / ________" in text
    assert "Moi," not in text and "j'ai lu" not in text and "&nbsp;" not in text
    body = text.split("## Signatures")[0].split("## Pourquoi cette charte")[1]
    assert "Marie" not in body and "Jean" not in body
    assert slips(text) == []


def test_a_recorded_grammatical_form_is_used(programme, run_cli) -> None:
    text = _charter(programme, run_cli, "youth", mentee_extra="gender_form: feminine\n", mentor_extra="gender_form: masculine\n")
    assert "## Ce que le mentor s'engage à faire" in text and "## Ce que la jeune accompagnée s'engage à faire" in text
    assert "Je soussignée Marie Dupont, atteste" in text and "Je soussigné Jean Martin, atteste" in text
    epicene = _charter(programme, run_cli, "youth")
    assert "La personne accompagnée" in epicene and "jeune accompagné " not in epicene and "Jeune accompagné" not in epicene


@pytest.mark.parametrize(
    "article, expected",
    [
        ('"l\'"', "Organisé par l'Organisation school, ce programme"),
        ("la", "Organisé par la Organisation school, ce programme"),
        ("le", "Organisé par le Organisation school, ce programme"),
        ('""', "Organisé par Organisation school, ce programme"),
    ],
)
def test_the_organiser_takes_the_article_the_programme_gives(programme, run_cli, article: str, expected: str) -> None:
    assert expected in _charter(programme, run_cli, extra=f"organiser_article: {article}\n")


def test_without_an_article_the_charter_phrases_around_it(programme, run_cli) -> None:
    text = _charter(programme, run_cli)
    assert "- **Organisateur** : Organisation school" in text and "par Organisation" not in text
    assert slips(text) == []


def test_remote_only_programmes_fix_no_places(programme, run_cli) -> None:
    remote = _charter(programme, run_cli, extra="format: remote\n")
    assert "lieux" not in remote and "Nous convenons ensemble des dates de nos échanges" in remote
    hybrid = _charter(programme, run_cli, extra="format: hybrid\n")
    assert "Nous convenons ensemble des dates et des lieux de nos rendez-vous." in hybrid


def test_html_signature_blocks_are_kept_together_with_room_to_sign(programme, run_cli) -> None:
    page = _charter(programme, run_cli, fmt="html")
    assert page.count('<div class="signature">') == 2 and page.count('<div class="signature-space"></div>') == 2
    assert ".signature { break-inside: avoid;" in page and ".signature-space { height: 32mm;" in page
    assert '@bottom-right { content: "Page " counter(page) " sur " counter(pages);' in page
    # French typography: no-break spaces before the colon and inside guillemets, narrow ones before ';'.
    assert "Signature\u00a0:" in page and "\u202f;" in page and " :" not in page.split("<body>")[1]


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_the_organisers_logo_is_embedded(programme, run_cli) -> None:
    page = _charter(programme, run_cli, extra="organiser_logo: assets/logo.png\n", tree={"assets/logo.png": PNG}, fmt="html")
    assert '<img class="logo" src="data:image/png;base64,' + base64.b64encode(PNG).decode() + '"' in page
    assert "<img" not in _charter(programme, run_cli, extra="organiser_logo: assets/logo.png\n", tree={"assets/logo.png": PNG})


@pytest.mark.parametrize("how", ["outside", "link", "missing"])
def test_a_logo_outside_the_programme_or_behind_a_link_is_refused(programme, run_cli, tmp_path: Path, how: str) -> None:
    prog, tree = files(extra="organiser_logo: " + ("../secret.png" if how == "outside" else "logo.png") + "\n")
    root = programme(tree, programme_yaml=prog)
    (root.parent / "secret.png").write_bytes(PNG)
    if how == "link":
        (root / "logo.png").symlink_to(root.parent / "secret.png")
    result = run_cli(["charter", PAIR_ID, "--format", "html"], cwd=root)
    assert result.code == 1, result.err
    reason = {"outside": "is outside the programme folder", "link": "is a symbolic link", "missing": "is not a file"}[how]
    assert "organiser_logo: " in result.err and reason in result.err and "Traceback" not in result.err
    assert not (root / "out").exists()


def test_a_minor_without_guardian_consent_is_flagged_and_gets_the_guardian_block(programme, run_cli) -> None:
    prog, tree = files(kind="youth")
    tree["mentees/marie-dupont.yaml"] += 'birth_date: "2011-03-02"\n'
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["validate"], cwd=root)
    assert result.code == 0
    assert "mentees/marie-dupont.yaml:" in result.out + result.err
    assert "minor-no-consent marie-dupont is a minor and no guardian's consent is recorded" in result.out + result.err
    assert run_cli(["validate", "--strict"], cwd=root).code == 1
    assert run_cli(["charter", PAIR_ID], cwd=root).code == 0
    text = (root / "out" / f"charter-{PAIR_ID}.md").read_text(encoding="utf-8")
    assert "### Responsable légal(e) de la personne accompagnée : ________________________" in text
    mentee = root / "mentees" / "marie-dupont.yaml"
    mentee.write_text(mentee.read_text() + 'guardian: {name: Sophie Dupont, email: s.dupont@example.org, consent_on: "2026-09-15"}\n')
    result = run_cli(["validate", "--strict"], cwd=root)
    assert result.code == 0 and "minor-no-consent" not in result.out + result.err


def test_an_adult_needs_no_guardian(programme, run_cli) -> None:
    prog, tree = files(kind="youth")
    tree["mentees/marie-dupont.yaml"] += 'birth_date: "2000-03-02"\n'
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["validate", "--strict"], cwd=root)
    assert result.code == 0 and "minor" not in result.out + result.err
    assert "Responsable légal" not in _charter(programme, run_cli, "youth", mentee_extra="minor: false\n")


def test_the_guardian_fields_are_checked_by_the_schema(programme, run_cli) -> None:
    prog, tree = files(kind="youth")
    tree["mentees/marie-dupont.yaml"] += "minor: yes-ish\nguardian: {name: X, nickname: Y}\n"
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["validate", "--format", "json"], cwd=root)
    assert result.code == 1
    codes = {p["code"] for p in json.loads(result.out)["problems"]}
    assert "schema-type" in codes or "schema-invalid" in codes
