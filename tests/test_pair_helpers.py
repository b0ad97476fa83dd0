"""Builders of small programmes for the pairing tests (people as YAML text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from mentorat_cli.load import yamlio

REPO = Path(__file__).resolve().parent.parent

SCHOOL = """\
schema_version: 1
name: Programme de test
organiser: École de test
kind: school
language: fr
cohort: {{id: "2026", start: "2026-09-01", end: "2027-06-30"}}
coordinator: {{name: Claire Dubois, email: coordination@example.org}}
{extra}
"""


def programme_yaml(extra: dict[str, Any] | None = None) -> str:
    """A school programme, with extra top-level settings (e.g. eligibility, matching, capacity)."""
    return SCHOOL.format(extra=yaml.safe_dump(extra, sort_keys=True) if extra else "")


def person(pid: str, **fields: Any) -> str:
    """A person's YAML file: accepted, with a unique e-mail, plus the given fields."""
    first, _, last = pid.partition("-")
    data = {
        "id": pid,
        "first_name": first.title() or "X",
        "last_name": (last or "x").title(),
        "email": f"{pid}@example.org",
        "status": "accepted",
        **fields,
    }
    return yamlio.dump(data)


def mentor(pid: str, **fields: Any) -> tuple[str, str]:
    fields.setdefault("civil_servant", True)
    return f"mentors/{pid}.yaml", person(pid, **fields)


def mentee(pid: str, themes: list[str] | None = None, **fields: Any) -> tuple[str, str]:
    if themes:
        fields["objectives"] = [{"theme": t} for t in themes]
    return f"mentees/{pid}.yaml", person(pid, **fields)


def files(*entries: tuple[str, str]) -> dict[str, str]:
    return dict(entries)


def load(path: Path) -> Any:
    """A YAML file as mentorat reads it (YAML 1.2 scalars: dates stay text)."""
    data, issue = yamlio.load(path.read_text(encoding="utf-8"))
    assert issue is None, issue
    return data


def proposals(root: Path) -> dict[str, dict[str, Any]]:
    """pair id -> data of every pair file."""
    folder = root / "pairs"
    return {p.stem: load(p) for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def schema_errors(data: Any, schema_name: str) -> list[str]:
    """Messages of JSON Schema errors of data against one of the bundled schemas."""
    import jsonschema
    from referencing import Registry, Resource

    folder = REPO / "schemas"
    registry = Registry().with_resources((p.name, Resource.from_contents(json.loads(p.read_text()))) for p in folder.glob("*.schema.json"))
    schema = json.loads((folder / schema_name).read_text())
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    return [e.message for e in validator.iter_errors(data)]
