"""Proposal files speak the programme's language: French by default, English when the programme says so."""

from __future__ import annotations

import pytest
from conftest import snapshot
from test_pair_helpers import files, mentee, mentor, programme_yaml, proposals

from mentorat_cli.pair import geo

EVERY_CRITERION = {
    "format": "hybrid",
    "matching": {
        "weights": {"themes": 30, "sector": 10, "public": 10, "distance": 10, "format": 10, "availability": 10, "school": 20},
        "distance_scale_km": 50,
    },
}
PAIR = "anna-mentee--paul-mentor"
KM = round(geo.distance_km({"postcode": "75011"}, {"postcode": "69003"}) or -1)

EXPECTED = {
    "fr": {
        "themes": "thème en commun : Réseau professionnel (1 objectif sur 2)",
        "sector": "même secteur : santé",
        "public": "public choisi par le mentor : Concours interne",
        "distance": f"à environ {KM} km",
        "format": "formats en partie compatibles (mentor : en présentiel, mentoré : hybride)",
        "availability": "disponibles tous les deux : en semaine à midi et le week-end",
        "school": "même école : INMSP",
    },
    "en": {
        "themes": "shared theme: Networking (1 of 2 objectives)",
        "sector": "same sector: santé",
        "public": "public chosen by the mentor: Internal competition",
        "distance": f"about {KM} km apart",
        "format": "partly compatible formats (mentor: in person, mentee: hybrid)",
        "availability": "both available: weekday lunchtime and weekend",
        "school": "same school: INMSP",
    },
}
WHY_NOT = {"fr": "score plus bas ({low} contre {high})", "en": "lower score ({low} against {high})"}


def _people() -> dict[str, str]:
    return files(
        mentor(
            "paul-mentor",
            themes=["networking", "teamwork"],
            sector="santé",
            publics=["internal"],
            location={"postcode": "75011"},
            format="in_person",
            availability=["weekday_lunch", "weekend"],
            school="INMSP",
        ),
        mentor("zoe-mentor", themes=["organisation"]),
        mentee(
            "anna-mentee",
            ["networking", "self-confidence"],
            sector="Santé",
            public="internal",
            location={"postcode": "69003"},
            format="hybrid",
            availability=["weekday_lunch", "weekend"],
            school="INMSP",
        ),
    )


def _config(lang: str) -> str:
    return programme_yaml(EVERY_CRITERION).replace("language: fr", f"language: {lang}")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_evidence_and_why_not_follow_the_programme_language(programme, run_cli, lang):
    root = programme(_people(), _config(lang))
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0, result.err
    pair = proposals(root)[PAIR]
    assert {row["criterion"]: row["evidence"] for row in pair["criteria"]} == EXPECTED[lang]
    (alt,) = pair["alternatives"]
    sep = "," if lang == "fr" else "."
    high, low = (f"{v:.2f}".replace(".", sep) for v in (pair["score"], alt["score"]))
    assert alt["mentor"] == "zoe-mentor" and alt["why_not"] == WHY_NOT[lang].format(low=low, high=high)
    # The CLI's own words stay English; it quotes the file's evidence as written.
    why = run_cli(["pair", "--explain", "anna-mentee", "zoe-mentor"], cwd=root)
    assert "proposed mentor paul-mentor" in why.out and EXPECTED[lang]["themes"] in why.out
    assert run_cli(["validate"], cwd=root).code == 0


def test_programme_labels_and_plurals_in_french(programme, run_cli):
    labelled = programme_yaml(
        {
            "themes": [{"id": "networking", "label": "Se constituer un réseau"}, {"id": "teamwork"}, {"id": "organisation"}],
            "matching": {"weights": {"themes": 100, "sector": 0, "public": 0, "distance": 0, "format": 0, "availability": 0, "school": 0}},
        }
    )
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking", "teamwork", "organisation"], capacity=1),
            mentor("rita-mentor", themes=["organisation"], capacity=1),
            mentee("anna-mentee", ["networking", "teamwork", "organisation"]),
            mentee("bob-mentee", ["organisation"]),
        ),
        labelled,
    )
    assert run_cli(["pair"], cwd=root).code == 0
    found = proposals(root)
    anna = found["anna-mentee--paul-mentor"]
    assert anna["criteria"][0]["evidence"] == (
        "thèmes en commun : Se constituer un réseau, Travail en équipe et Organisation du travail (3 objectifs sur 3)"
    )
    bob = found["bob-mentee--rita-mentor"]
    assert bob["criteria"][0]["evidence"] == "thème en commun : Organisation du travail (l'unique objectif du mentoré)"
    assert bob["alternatives"] == [{"mentor": "paul-mentor", "score": 100.0, "why_not": "aucune place libre : déjà prise par anna-mentee"}]


def test_switching_language_rewrites_the_wording_and_keeps_the_date(programme, run_cli):
    root = programme(_people(), _config("fr"))
    assert run_cli(["pair"], cwd=root).code == 0
    config = root / "programme.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8")
    assert run_cli(["pair"], cwd=root, today="2027-01-05").code == 0
    pair = proposals(root)[PAIR]
    assert {row["criterion"]: row["evidence"] for row in pair["criteria"]} == EXPECTED["en"]
    assert pair["proposed_on"] == "2026-11-25"
    before = snapshot(root)
    assert run_cli(["pair"], cwd=root, today="2027-02-01").code == 0
    assert snapshot(root) == before


MISSING = {
    "fr": {
        "themes": "le mentoré n'a pas encore fixé d'objectif",
        "sector": "secteur non renseigné pour au moins l'un des deux",
        "public": "public du mentoré non renseigné",
        "distance": "lieu manquant ou inconnu pour au moins l'un des deux",
        "format": "formats compatibles (mentor : indifférent, mentoré : indifférent)",
        "availability": "disponibilités non renseignées pour au moins l'un des deux",
        "school": "école non renseignée pour au moins l'un des deux",
    },
    "en": {
        "themes": "the mentee has set no objective yet",
        "sector": "sector missing for at least one of them",
        "public": "the mentee's public is not recorded",
        "distance": "location missing or unknown for at least one of them",
        "format": "compatible formats (mentor: no preference, mentee: no preference)",
        "availability": "availability missing for at least one of them",
        "school": "school missing for at least one of them",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_missing_data_is_said_in_the_programme_language(programme, run_cli, lang):
    root = programme(files(mentor("paul-mentor", themes=["networking"]), mentee("anna-mentee")), _config(lang))
    assert run_cli(["pair"], cwd=root).code == 0
    pair = proposals(root)[PAIR]
    assert {row["criterion"]: row["evidence"] for row in pair["criteria"]} == MISSING[lang]
    assert pair["alternatives"] == []
