"""Schemas keep canonical ids and document each value's French and English labels (issue 11).

The labels are generated from core/vocabulary.py (tools/schema_labels.py), so a value added to a
schema without labels, or a label changed in the vocabulary, fails here until the schemas are
regenerated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mentorat_cli.core import vocabulary
from mentorat_cli.tools import schema_labels

REPO = Path(__file__).resolve().parents[1]


def _enums(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if "enum" in node:
            found.append((where, node))
        for key, value in node.items():
            found += _enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _enums(value, f"{where}/{index}")
    return found


def test_every_enum_value_in_the_schemas_has_its_labels_from_the_vocabulary() -> None:
    checked = 0
    for path in sorted((REPO / "schemas").glob("*.schema.json")):
        for where, node in _enums(json.loads(path.read_text(encoding="utf-8"))):
            assert "x-vocabulary" in node, f"{path.name}{where} names no vocabulary"
            table = vocabulary.labels(node["x-vocabulary"])
            assert len(node["markdownEnumDescriptions"]) == len(node["enum"]), f"{path.name}{where}"
            for value, shown in zip(node["enum"], node["markdownEnumDescriptions"], strict=True):
                # An accepted word listed beside the ids (programme.yaml's declarations) is documented by its id's labels.
                cid = value if value in table else vocabulary.canonical(node["x-vocabulary"], value)
                assert cid in table, f"{path.name}{where}: no label for {value!r}"
                assert shown == schema_labels.description(table[cid])
                assert table[cid]["fr"] in shown and table[cid]["en"] in shown
                checked += 1
    assert checked > 60  # every enum of the eight schemas, not a lucky few


def test_the_generated_labels_are_up_to_date() -> None:
    assert schema_labels.run(write=False) == []


def test_a_value_without_labels_is_reported_not_passed() -> None:
    problems: list[str] = []
    text = '{"channel": {"type": "string", "x-vocabulary": "channel", "enum": ["phone", "pigeon"]}}'
    assert schema_labels.generated(text, "pair.schema.json", problems) == text
    assert problems == ["pair.schema.json: channel has no labels for ['pigeon']"]
    problems.clear()
    schema_labels.generated('{"type": "string", "enum": ["a"]}', "x.schema.json", problems)
    assert problems == ["x.schema.json: enum ['a'] names no vocabulary (\"x-vocabulary\")"]


def test_the_editor_copy_of_the_schemas_shows_french_and_english_labels(sample: Path, run_cli) -> None:
    result = run_cli(["schemas"], cwd=sample)
    assert result.code == 0, result.err
    pair = json.loads((sample / ".schemas" / "pair.schema.json").read_text(encoding="utf-8"))
    channel = pair["properties"]["contacts"]["items"]["properties"]["channel"]
    assert channel["enum"] == ["phone", "mail", "visio", "in_person"]  # the files keep the ids
    assert channel["markdownEnumDescriptions"][0] == "**téléphone** · *phone*"
    # the schemas with their new keywords still validate the sample, labels or not
    assert run_cli(["validate"], cwd=sample).code == 0
