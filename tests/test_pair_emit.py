"""The fast proposal writer gives exactly yamlio.dump's bytes."""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorat_cli.core.messages.pairing import EVIDENCE
from mentorat_cli.load import yamlio
from mentorat_cli.pair import emit

TRICKY = st.lists(st.sampled_from(list("aZé9 :#'’-_.,()/\"\\\t@!&*?|>%`[]{}~\n") + ["yes", "no", "null", "1", "0x"]), max_size=12).map(
    "".join
)
WORDS = st.sampled_from(
    [
        "shared themes: a, b (2 of 3 objectives)",
        "lower score (70.00 against 72.50)",
        "no free place: taken by anna-x, bob-y",
        "2026-11-25",
        "same sector: santé",
        "mentor-00042",
        "yes",
        "Off",
        "about 12 km apart",
        "l'été",
        "a:",
        " lead",
        "trail ",
        "x #y",
        "",
    ]
)
SCALARS = st.one_of(
    TRICKY, WORDS, st.integers(-5, 10**6), st.floats(0, 100).map(lambda f: round(f, 2)), st.floats(), st.booleans(), st.none()
)
ITEM = st.dictionaries(
    st.sampled_from(["criterion", "points", "max", "evidence", "mentor", "score", "why_not"]), SCALARS, min_size=1, max_size=4
)


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["id", "mentee", "mentor", "status", "proposed_on", "score", "replaces"]), SCALARS),
    st.lists(ITEM, max_size=3),
    st.lists(ITEM, max_size=3),
)
def test_emit_matches_pyyaml(head, criteria, alternatives):
    data = {**head, "criteria": criteria, "alternatives": alternatives}
    line = "../.schemas/pair.schema.json"
    assert emit.dump(data, schema_line=line) == yamlio.dump(data, schema_line=line)


def test_every_wording_of_proposal_files_is_written_as_pyyaml_writes_it():
    """Each evidence and why-not sentence, in each language, filled as criteria.py fills it."""
    values = {
        "shared": "Réseau professionnel et Travail en équipe",
        "wanted": "Confiance en soi",
        "count": 2,
        "total": 3,
        "value": "finances publiques",
        "mentor": "en présentiel",
        "mentee": "l'été",
        "public": "Concours externe, voie Talents",
        "chosen": "Docteurs",
        "km": "12",
        "score": "67,50",
        "holders": "anna-x et bob-y",
    }
    sentences = []
    for lang, table in EVIDENCE.items():
        assert set(table) == set(EVIDENCE["fr"]), lang  # every language says everything
        for template in table.values():
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            sentences.append(template.format(**{name: values[name] for name in names}))
    line = "../.schemas/pair.schema.json"
    data = {
        "id": "a--b",
        "criteria": [{"criterion": "themes", "evidence": s} for s in sentences],
        "alternatives": [{"mentor": "b", "why_not": s} for s in sentences],
    }
    assert emit.dump(data, schema_line=line) == yamlio.dump(data, schema_line=line)


KEYS = st.sampled_from(["mentee", "reason", "excluded", "not_with", "civil_servant", "yes", "a b", "x:", "0", "idle_mentors", ""])
NESTED = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(KEYS, NESTED, max_size=5))
def test_emit_matches_pyyaml_on_nested_data(data):
    """Mappings in mappings, lists of scalars, lists of mappings holding mappings (pairing.yaml's shapes), and the rest."""
    line = ".schemas/pairing.schema.json"
    assert emit.dump(data, schema_line=line) == yamlio.dump(data, schema_line=line)


def test_pairing_summary_is_written_as_pyyaml_writes_it(run_cli, tmp_path):
    """pairing.yaml of a real run, unmatched mentees and their excluded counts included."""
    root = tmp_path / "prog"
    command = [sys.executable, str(Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"), str(root)]
    subprocess.run([*command, "--mentees", "400", "--mentors", "120", "--pairs", "40", "--notes", "0", "--seed", "2"], check=True)
    assert run_cli(["--root", root, "pair"]).code == 0
    text = (root / "pairing.yaml").read_text(encoding="utf-8")
    data, _ = yamlio.load(text)
    assert data["unmatched"] and data["unmatched"][0]["excluded"]
    assert text == yamlio.dump(data, schema_line=".schemas/pairing.schema.json")
