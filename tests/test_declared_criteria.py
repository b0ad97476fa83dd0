"""Criteria a programme declares in programme.yaml (extra_fields, extra_criteria), run through the real CLI."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pair_helpers import load, mentee, mentor, programme_yaml, proposals

from mentorat_cli.core import kinds
from mentorat_cli.pair import criteria, encode, scoring
from mentorat_cli.pair import eligibility as rules

NO_RULES = {"mentor_civil_servant": False, "min_experience_gap_years": None, "no_hierarchical_link": False}
ONLY_THEMES = {"weights": {c: 0 for c in criteria.CRITERIA} | {"themes": 10}}
FIELDS = {
    "secteur_souhaite": {"label": {"fr": "Secteur souhaité", "en": "Sector wanted"}, "type": "texte", "side": "mentoré"},
    "soir": {"label": {"fr": "Disponible le soir", "en": "Available in the evening"}, "type": "oui-non"},
}
SECTOR = {
    "label": {"fr": "Secteur souhaité", "en": "Sector wanted"},
    "kind": "identique",
    "mentor": "sector",
    "mentee": "extra.secteur_souhaite",
    "weight": 20,
}
EVENING = {
    "label": {"fr": "Disponible le soir", "en": "Available in the evening"},
    "kind": "identique",
    "field": "extra.soir",
    "rule": True,
}


def _programme(root: Path, declared: dict[str, Any]) -> Path:
    """Two mentors and two mentees: themes pair anne-chloe and bruno-david; the wanted sectors say the opposite."""
    config: dict[str, Any] = {"eligibility": NO_RULES, "matching": ONLY_THEMES, "extra_fields": FIELDS}
    if declared:
        config["extra_criteria"] = declared
    write_tree(
        root,
        {
            "programme.yaml": programme_yaml(config),
            **dict(
                [
                    mentor("anne-m", sector="santé", themes=["networking"], extra={"soir": True}),
                    mentor("bruno-m", sector="finance", themes=["teamwork"], extra={"soir": False}),
                    mentee("chloe-e", ["networking"], extra={"secteur_souhaite": "Finance", "soir": True}),
                    mentee("david-e", ["teamwork"], extra={"secteur_souhaite": "santé", "soir": False}),
                ]
            ),
        },
    )
    return root


def _couples(root: Path) -> set[tuple[str, str]]:
    return {(p["mentee"], p["mentor"]) for p in proposals(root).values() if p["status"] == "proposed"}


def test_declared_criterion_and_rule_change_the_proposal(run_cli, tmp_path):
    plain = _programme(tmp_path / "plain", {})
    assert run_cli(["--root", plain, "validate"]).code == 0
    assert run_cli(["--root", plain, "pair"]).code == 0
    assert _couples(plain) == {("chloe-e", "anne-m"), ("david-e", "bruno-m")}

    weighted = _programme(tmp_path / "weighted", {"secteur": SECTOR})
    assert run_cli(["--root", weighted, "validate"]).code == 0
    assert run_cli(["--root", weighted, "pair"]).code == 0
    # The wanted sector (weight 20 against 10 for themes) swaps both mentors.
    assert _couples(weighted) == {("chloe-e", "bruno-m"), ("david-e", "anne-m")}
    pair = proposals(weighted)["chloe-e--bruno-m"]
    assert pair["score"] == 66.67
    assert {"criterion": "secteur", "points": 66.67, "max": 66.67, "evidence": "Secteur souhaité : finance pour les deux"} in pair[
        "criteria"
    ]

    ruled = _programme(tmp_path / "ruled", {"secteur": SECTOR, "soir": EVENING})
    assert run_cli(["--root", ruled, "validate"]).code == 0
    assert run_cli(["--root", ruled, "pair"]).code == 0
    # Chloé is available in the evening, Bruno is not: the rule rules the swap out again.
    assert _couples(ruled) == {("chloe-e", "anne-m"), ("david-e", "bruno-m")}


def test_explain_shows_declared_criteria_and_rules_in_french(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    root = _programme(tmp_path, {"secteur": SECTOR, "soir": EVENING})
    assert run_cli(["--root", root, "pair"]).code == 0
    out = run_cli(["--root", root, "pair", "--explain", "chloe-e", "bruno-m"]).out
    # French typography on the command line, quoted evidence included: decimal comma, no-break space
    # before ':', narrow no-break spaces inside « ».
    assert "Secteur souhaité   0,00 / 66,67  Secteur souhaité\u00a0: santé pour le mentor, Finance pour le mentoré" in out
    assert "la règle «\u202fDisponible le soir\u202f»" in out  # the declared rule's label, not its name
    assert "règle déclarée «\u202fsoir\u202f» non respectée (Disponible le soir\u00a0: non pour le mentor, oui pour le mentoré)" in out


def test_explain_in_english_for_an_english_programme(run_cli, tmp_path):
    root = _programme(tmp_path, {"secteur": SECTOR})
    text = (root / "programme.yaml").read_text().replace("language: fr", "language: en")
    (root / "programme.yaml").write_text(text)
    assert run_cli(["--root", root, "pair"]).code == 0
    out = run_cli(["--root", root, "pair", "--explain", "chloe-e"]).out
    assert "Sector wanted" in out and "Sector wanted: finance for both" in out


def test_scores_show_a_column_per_declared_criterion_and_the_declared_rule(run_cli, tmp_path):
    root = _programme(tmp_path, {"secteur": SECTOR, "soir": EVENING})
    result = run_cli(["--root", root, "scores", "--format", "csv"])
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "mentee,mentor,feasible,rule,score,themes,secteur",
        "chloe-e,anne-m,yes,,33.33,33.33,0.00",
        "chloe-e,bruno-m,no,soir,66.67,0.00,66.67",
        "david-e,anne-m,no,soir,66.67,0.00,66.67",
        "david-e,bruno-m,yes,,33.33,33.33,0.00",
    ]


def test_scores_text_heads_a_declared_criterion_with_its_label_in_the_runs_language(run_cli, tmp_path, monkeypatch):
    root = _programme(tmp_path, {"secteur": SECTOR, "soir": EVENING})
    english = run_cli(["--root", root, "scores"])
    assert english.code == 0, english.err
    assert english.out.splitlines()[0].split() == ["mentee", "mentor", "feasible", "rule", "score", "themes", "Sector", "wanted"]
    monkeypatch.delenv("MENTORAT_LANG")  # the programme's language: French
    french = run_cli(["--root", root, "scores"])
    assert french.out.splitlines()[0].split() == ["mentoré", "mentor", "possible", "règle", "score", "thèmes", "Secteur", "souhaité"]
    assert "secteur  " not in french.out.splitlines()[0]  # not the criterion's name
    # the CSV is for tools: it keeps the names
    assert run_cli(["--root", root, "scores", "--format", "csv"]).out.splitlines()[0].endswith(",themes,secteur")


def test_confirm_refuses_a_pair_that_breaks_a_declared_rule(run_cli, tmp_path):
    root = _programme(tmp_path, {"soir": EVENING})
    pid = "chloe-e--bruno-m"
    (root / "pairs").mkdir()
    (root / "pairs" / f"{pid}.yaml").write_text(
        f"id: {pid}\nmentee: chloe-e\nmentor: bruno-m\nstatus: proposed\nproposed_on: '2026-10-01'\n"
    )
    result = run_cli(["--root", root, "confirm", pid])
    assert result.code == 1
    assert "soir" in result.err and "Available in the evening: no for the mentor, yes for the mentee" in result.err


GAP_AND_SCALE = {
    "extra_fields": {
        "anglais": {"label": "Niveau d'anglais", "type": "échelle", "values": ["débutant", "intermédiaire", "courant", "bilingue"]},
        "langues": {"label": {"fr": "Langues de travail", "en": "Working languages"}, "type": "liste"},
    },
    "extra_criteria": {
        "anglais": {"kind": "échelle", "field": "extra.anglais", "weight": 10, "label": {"fr": "Anglais", "en": "English"}},
        "langues": {"kind": "commun", "field": "extra.langues", "weight": 10},
        "experience": {"kind": "écart", "mode": "le-plus-proche", "field": "experience_years", "limit": 9, "weight": 10},
    },
}


def test_scale_overlap_and_gap_points_and_evidence(run_cli, tmp_path):
    config = {"eligibility": NO_RULES, "matching": {"weights": {c: 0 for c in criteria.CRITERIA}}, **GAP_AND_SCALE}
    tree = {
        "programme.yaml": programme_yaml(config),
        **dict(
            [
                mentor("anne-m", experience_years=20, extra={"anglais": "courant", "langues": ["Allemand", "espagnol"]}),
                mentee("chloe-e", experience_years=14, extra={"anglais": "Débutant", "langues": ["espagnol", "allemand"]}),
            ]
        ),
    }
    write_tree(tmp_path, tree)
    assert run_cli(["--root", tmp_path, "validate"]).code == 0
    assert run_cli(["--root", tmp_path, "pair"]).code == 0
    rows = {r["criterion"]: r for r in proposals(tmp_path)["chloe-e--anne-m"]["criteria"]}
    # Scale of 4 values: 2 steps apart -> 1 - 2/4; gap of 6 within 9 -> 1 - 6/10; a shared language -> 1.
    assert rows["anglais"]["points"] == 16.67 and rows["anglais"]["evidence"] == (
        "Anglais : courant pour le mentor, Débutant pour le mentoré (2 cran(s) d'écart)"
    )
    assert rows["experience"]["points"] == 13.33 and rows["experience"]["evidence"] == "experience : écart de 6 (au plus 9 admis)"
    assert rows["langues"]["points"] == 33.33 and rows["langues"]["evidence"] == "Langues de travail : en commun espagnol et allemand"


BAD = """\
extra_fields:
  soir: {type: oui-non, side: mentoré}
  niveau: {type: échelle, values: [bas]}
extra_criteria:
  secteur: {kind: identique, mentor: sector, mentee: extra.secteur_souhait, weight: 20}
  soir: {kind: identique, field: extra.soir, rule: true}
  ecart: {kind: écart, field: extra.soir, weight: 5}
  themes: {kind: commun, field: languages, weight: 5}
"""


def test_validate_reports_declared_problems_with_their_place(run_cli, tmp_path):
    tree = {
        "programme.yaml": programme_yaml({"eligibility": NO_RULES}) + BAD,
        **dict(
            [
                mentor("anne-m", extra={"soir": True, "inconnu": 3}),
                mentee("chloe-e", extra={"soir": "peut-être"}),
            ]
        ),
    }
    write_tree(tmp_path, tree)
    result = run_cli(["--root", tmp_path, "validate"])
    assert result.code == 1
    found = {line.split(" ")[0] + " " + line.split(" ")[2] for line in result.out.splitlines() if " error " in line}
    # programme.yaml gets 12 lines from programme_yaml(); BAD starts on line 13. Columns point at the value at fault.
    assert found == {
        "programme.yaml:15:11: declared-scale-values",
        "programme.yaml:17:54: declared-criterion-field",
        "programme.yaml:18:34: declared-criterion-side",
        "programme.yaml:19:10: declared-criterion-limit",
        "programme.yaml:19:31: declared-criterion-side",
        "programme.yaml:19:31: declared-criterion-type",
        "programme.yaml:20:11: declared-criterion-name",
        "mentees/chloe-e.yaml:7:9: declared-extra-value",
        "mentors/anne-m.yaml:7:3: declared-extra-side",
        "mentors/anne-m.yaml:8:3: declared-extra-unknown",
    }, result.out
    assert (tmp_path / "programme.yaml").read_text().splitlines()[12] == "extra_fields:"
    assert "did you mean 'extra.secteur_souhaite'" not in result.out  # not declared: nothing to suggest
    assert "'extra.soir' is 'peut-être', which is not oui or non (true or false)" in result.out


# Properties ---------------------------------------------------------------------------------------------

WORDS = ["santé", "Santé ", "finance", "éducation"]
LEVELS = ["a1", "b1", "c1"]


def _declared(draw: Any) -> dict[str, Any]:
    """Random declarations of every kind, each weighted or a rule."""
    fields = {
        "mot": {"type": "texte"},
        "oui": {"type": "oui-non"},
        "liste": {"type": "liste"},
        "nombre": {"type": "nombre"},
        "niveau": {"type": "échelle", "values": LEVELS},
    }
    pool = [
        {"kind": "identique", "mentor": "sector", "mentee": "extra.mot"},
        {"kind": "identique", "field": "extra.oui"},
        {"kind": "identique", "field": "extra.niveau"},
        {"kind": "commun", "field": "extra.liste"},
        {"kind": "commun", "mentor": "extra.liste", "mentee": "extra.mot"},
        {"kind": "écart", "field": "extra.nombre", "mode": "au-moins", "limit": draw(st.integers(0, 3))},
        {"kind": "écart", "field": "extra.nombre", "mode": "au-plus", "limit": draw(st.integers(0, 3))},
        {"kind": "écart", "field": "extra.nombre", "mode": "le-plus-proche", "limit": draw(st.sampled_from([0, 1, 2.5, 4]))},
        {"kind": "échelle", "field": "extra.niveau", **draw(st.sampled_from([{}, {"limit": 1}, {"limit": 0}]))},
    ]
    chosen = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=4, unique=True))
    declared = {}
    for k in chosen:
        spec = dict(pool[k])
        if draw(st.integers(0, 3)) == 0:
            spec["rule"] = True
        else:
            spec["weight"] = draw(st.integers(1, 30))
        declared[f"c{k}"] = spec
    return {"extra_fields": fields, "extra_criteria": declared}


def _extra(draw: Any) -> dict[str, Any]:
    maybe = lambda s: draw(st.one_of(st.none(), s))  # noqa: E731
    values = {
        "mot": maybe(st.sampled_from(WORDS)),
        "oui": maybe(st.sampled_from([True, False, "oui", "Non"])),
        "liste": maybe(st.lists(st.sampled_from(WORDS), max_size=2)),
        "nombre": maybe(st.one_of(st.integers(0, 6), st.sampled_from([1.5, 2.25]))),
        "niveau": maybe(st.sampled_from([*LEVELS, "C1"])),
    }
    return {k: v for k, v in values.items() if v is not None}


def _people(draw: Any, prefix: str, count: int, mentor_side: bool) -> list[dict[str, Any]]:
    people = []
    for k in range(count):
        person: dict[str, Any] = {"id": f"{prefix}{k}", "email": f"{prefix}{k}@x.org", "extra": _extra(draw)}
        if draw(st.booleans()):
            person["sector"] = draw(st.sampled_from(WORDS))
        theme = draw(st.sampled_from(["networking", "teamwork"]))
        if mentor_side:
            person["themes"] = [theme]
        else:
            person["objectives"] = [{"theme": theme}]
        people.append(person)
    return people


@st.composite
def declared_cases(draw: Any) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    raw = {
        "kind": "school",
        "eligibility": NO_RULES,
        "matching": {"weights": {c: 0 for c in criteria.CRITERIA} | {"themes": draw(st.integers(0, 20))}},
        **_declared(draw),
    }
    config = kinds.effective_config(raw)
    mentors = _people(draw, "m", draw(st.integers(1, 4)), True)
    mentees = _people(draw, "e", draw(st.integers(1, 4)), False)
    return config, mentors, mentees


@settings(max_examples=200, deadline=None)
@given(declared_cases())
def test_declared_vectorised_form_agrees_with_reference_form(case):
    config, mentors, mentees = case
    enc = encode.encode(config, mentees, mentors, {})
    rows = np.arange(len(mentees))
    masks = scoring.rule_masks(enc, rows)
    feasible, units = scoring.block(enc, rows)
    for i, person in enumerate(mentees):
        for j, other in enumerate(mentors):
            broken = [name for name, _ in rules.violations(config, other, person, {"managers": {}})]
            assert [name for name, mask in masks.items() if mask[i, j]] == broken
            assert bool(feasible[i, j]) == (not broken)
            reference, rows_ = criteria.score(config, other, person)
            assert int(units[i, j]) == reference
            for row in rows_:
                assert round(row["points"] * 100) == int(scoring.points(enc, row["criterion"], np.array([i]))[0, j])


def _best(config: dict[str, Any], mentors: list[dict[str, Any]], mentees: list[dict[str, Any]]) -> tuple[int, int]:
    """(most matched, best total units) over every assignment (capacity 1), from the reference forms."""
    options = []
    for person in mentees:
        ok = [(m["id"], criteria.score(config, m, person)[0]) for m in mentors if not rules.violations(config, m, person, {"managers": {}})]
        options.append([None, *ok])
    best = (0, 0)
    for choice in itertools.product(*options):
        picked = [p for p in choice if p]
        if len({p[0] for p in picked}) == len(picked):
            best = max(best, (len(picked), sum(p[1] for p in picked)))
    return best


def _write(root: Path, config: dict[str, Any], mentors: list[dict[str, Any]], mentees: list[dict[str, Any]]) -> None:
    raw = {key: config[key] for key in ("eligibility", "matching", "extra_fields", "extra_criteria")}
    tree = {"programme.yaml": programme_yaml(raw)}
    for m in mentors:
        tree.update([mentor(m["id"], **{k: v for k, v in m.items() if k not in ("id", "email")})])
    for e in mentees:
        tree.update([mentee(e["id"], **{k: v for k, v in e.items() if k not in ("id", "email")})])
    write_tree(root, tree)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(declared_cases())
def test_pair_with_declared_criteria_reaches_the_brute_force_optimum(run_cli, case):
    config, mentors, mentees = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, config, mentors, mentees)
        assert run_cli(["--root", root, "validate"]).code == 0
        result = run_cli(["--root", root, "pair"])
        assert result.code in (0, 2), result.err  # 2: every couple breaks a declared rule
        found = [p for p in proposals(root).values() if p["status"] == "proposed"]
        assert run_cli(["--root", root, "validate"]).code == 0  # no declared rule broken by a proposal
        from mentorat_cli.check import pipeline

        prog, _ = pipeline.load(root)
        people = [prog.mentors[m["id"]].data for m in mentors], [prog.mentees[e["id"]].data for e in mentees]
        assert (len(found), sum(round(p["score"] * 100) for p in found)) == _best(prog.config, *people)


@pytest.mark.parametrize("word", ["oui-non", "yes-no"])
def test_type_words_in_french_and_english_mean_the_same(run_cli, tmp_path, word):
    config = {"eligibility": NO_RULES, "extra_fields": {"soir": {"type": word}}}
    write_tree(tmp_path, {"programme.yaml": programme_yaml(config), **dict([mentor("anne-m", extra={"soir": "oui"})])})
    assert run_cli(["--root", tmp_path, "validate"]).code == 0
    write_tree(tmp_path, dict([mentor("anne-m", extra={"soir": 3})]))
    assert "declared-extra-value" in run_cli(["--root", tmp_path, "validate"]).out


def test_import_fills_declared_fields_from_their_labels_and_a_mapping(run_cli, tmp_path):
    config = {"eligibility": NO_RULES, "extra_fields": {**FIELDS, **GAP_AND_SCALE["extra_fields"], "note": {"type": "nombre"}}}
    write_tree(tmp_path, {"programme.yaml": programme_yaml(config)})
    (tmp_path / "form.csv").write_text(
        "Prénom,Nom,Adresse e-mail,Secteur souhaité ?,Disponible le soir,Niveau d'anglais,Langues de travail,Auto-évaluation\n"
        'Chloé,Roux,chloe@example.org,Finance,Oui,Courant,espagnol; allemand,"3,5"\n',
        encoding="utf-8",
    )
    result = run_cli(["--root", tmp_path, "import", tmp_path / "form.csv", "--role", "mentee"])
    assert result.code == 0, result.out + result.err
    data = load(tmp_path / "mentees" / "chloe-roux.yaml")
    # Headers read as the declared labels; the last column has no label to match: it needs a mapping file.
    assert data["extra"] == {"secteur_souhaite": "Finance", "soir": True, "anglais": "courant", "langues": ["espagnol", "allemand"]}
    (tmp_path / "map.yaml").write_text(
        "role: mentee\ncolumns:\n  Prénom: first_name\n  Nom: last_name\n  Adresse e-mail: email\n  Auto-évaluation: extra.note\n",
        encoding="utf-8",
    )
    result = run_cli(["--root", tmp_path, "import", tmp_path / "form.csv", "--role", "mentee", "--mapping", tmp_path / "map.yaml"])
    assert result.code == 0, result.out + result.err
    assert load(tmp_path / "mentees" / "chloe-roux.yaml")["extra"]["note"] == 3.5
    assert run_cli(["--root", tmp_path, "validate"]).code == 0


def test_import_rejects_a_cell_that_does_not_fit_the_declared_type(run_cli, tmp_path):
    config = {"eligibility": NO_RULES, "extra_fields": {**FIELDS, **GAP_AND_SCALE["extra_fields"]}}
    write_tree(tmp_path, {"programme.yaml": programme_yaml(config)})
    (tmp_path / "form.csv").write_text(
        "Prénom,Nom,Adresse e-mail,Disponible le soir,Niveau d'anglais\nChloé,Roux,chloe@example.org,peut-être,expert\n", encoding="utf-8"
    )
    result = run_cli(["--root", tmp_path, "import", tmp_path / "form.csv", "--role", "mentee"])
    assert result.code == 1
    assert "row 2, column D \"Disponible le soir\": error import-cell-yes-no 'peut-être' is not yes or no" in result.err
    assert "row 2, column E \"Niveau d'anglais\": error import-cell-choice 'expert' is not a known extra.anglais value" in result.err
    assert not (tmp_path / "mentees" / "chloe-roux.yaml").exists()


def test_mapping_file_refuses_an_undeclared_extra_field(run_cli, tmp_path):
    write_tree(tmp_path, {"programme.yaml": programme_yaml({"eligibility": NO_RULES, "extra_fields": FIELDS})})
    (tmp_path / "form.csv").write_text("Prénom,Nom,Adresse e-mail,Soir\nChloé,Roux,chloe@example.org,oui\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text(
        "columns:\n  Prénom: first_name\n  Nom: last_name\n  Adresse e-mail: email\n  Soir: extra.soirée\n", encoding="utf-8"
    )
    result = run_cli(["--root", tmp_path, "import", tmp_path / "form.csv", "--role", "mentee", "--mapping", tmp_path / "map.yaml"])
    assert result.code == 2  # a usage error, like every mistake in a mapping file
    assert "map.yaml:5:" in result.err and "extra.soirée" in result.err and "extra.secteur_souhaite, extra.soir" in result.err


def test_a_broken_extra_fields_is_reported_once_not_in_every_profile(run_cli, tmp_path):
    tree = {
        "programme.yaml": programme_yaml({"eligibility": NO_RULES}) + "extra_fields:\n  soir: oui-non\n",
        **dict([mentor("anne-m", extra={"soir": True}), mentee("chloe-e", extra={"soir": False})]),
    }
    write_tree(tmp_path, tree)
    result = run_cli(["--root", tmp_path, "validate"])
    assert result.code == 1
    assert [line.split(" ")[2] for line in result.out.splitlines() if " error " in line] == ["schema-type"]


def test_import_template_recognises_and_lists_declared_fields(run_cli, tmp_path):
    write_tree(tmp_path, {"programme.yaml": programme_yaml({"eligibility": NO_RULES, "extra_fields": FIELDS})})
    (tmp_path / "form.csv").write_text(
        "Prénom,Nom,Adresse e-mail,Disponible le soir ?\nChloé,Roux,chloe@example.org,oui\n", encoding="utf-8"
    )
    result = run_cli(["--root", tmp_path, "import", tmp_path / "form.csv", "--role", "mentee", "--template"])
    assert result.code == 0, result.err
    content = (tmp_path / "import-mapping.yaml").read_text(encoding="utf-8")
    assert "extra.secteur_souhaite, extra.soir" in content
    assert '"Disponible le soir ?": extra.soir' in content or "Disponible le soir ?: extra.soir" in content


def test_import_reads_a_declared_number_with_a_decimal_comma_and_refuses_a_word(run_cli, tmp_path):
    config = {"eligibility": NO_RULES, "extra_fields": {"note": {"label": "Note sur 5", "type": "nombre"}}}
    write_tree(tmp_path, {"programme.yaml": programme_yaml(config)})
    good = tmp_path / "good.csv"
    good.write_text('Prénom,Nom,Adresse e-mail,Note sur 5\nChloé,Roux,chloe@example.org,"4,5"\n', encoding="utf-8")
    assert run_cli(["--root", tmp_path, "import", good, "--role", "mentee"]).code == 0
    assert "note: 4.5" in (tmp_path / "mentees" / "chloe-roux.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("Prénom,Nom,Adresse e-mail,Note sur 5\nAnne,Petit,anne@example.org,beaucoup\n", encoding="utf-8")
    result = run_cli(["--root", tmp_path, "import", bad, "--role", "mentee"])
    assert result.code == 1, result.err
    assert "row 2, column D \"Note sur 5\": error import-cell-decimal 'beaucoup' is not a number" in result.err
    assert "Traceback" not in result.err
