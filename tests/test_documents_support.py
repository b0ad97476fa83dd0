"""Small programmes for the documents tests (no tests here: helpers only)."""

from __future__ import annotations

import json

PROGRAMME = """\
schema_version: 1
name: Programme {kind}
organiser: Organisation {kind}
kind: {kind}
language: {language}
cohort: {{id: "2026", start: "2026-09-01", end: "2027-06-30"}}
coordinator: {{name: Claire Dubois, email: coordination@example.org, phone: "01 23 45 67 89"}}
{extra}"""

MENTOR = """\
id: jean-martin
first_name: {first}
last_name: Martin
email: jean.martin@example.org
organisation: Direction générale
job: Sous-directeur
civil_servant: true
level: 6
experience_years: 22
membership_paid: true
status: accepted
trained_on: "2026-09-10"
"""

MENTEE = """\
id: marie-dupont
first_name: Marie
last_name: {last}
email: marie.dupont@example.org
level: 1
experience_years: 2
membership_paid: true
status: accepted
registered_on: "2026-09-02"
objectives:
  - {{theme: career-orientation, text: {objective}}}
  - {{theme: networking}}
"""

PAIR_ID = "marie-dupont--jean-martin"

PAIR = """\
# Confirmed at the September committee.
id: marie-dupont--jean-martin
mentee: marie-dupont
mentor: jean-martin
status: confirmed
confirmed_on: "2026-09-20"
started_on: "2026-10-05"
"""

FIRST_NOTE = """\
---
date: "2026-10-05"
kind: first
duration_minutes: 90
topics: [career-orientation]
---
CONFIDENTIAL-BODY: what the pair said stays here.
"""


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def files(
    kind: str = "school",
    language: str = "fr",
    first: str = "Jean",
    last: str = "Dupont",
    objective: str = "Choisir ma première affectation",
    extra: str = "",
    notes: dict[str, str] | None = None,
) -> tuple[str, dict[str, str]]:
    """(programme.yaml, {path: text}) for a one-pair programme of this kind and language."""
    tree = {
        "mentors/jean-martin.yaml": MENTOR.format(first=_quoted(first)),
        "mentees/marie-dupont.yaml": MENTEE.format(last=_quoted(last), objective=_quoted(objective)),
        f"pairs/{PAIR_ID}.yaml": PAIR,
        f"notes/{PAIR_ID}/2026-10-05-first.md": FIRST_NOTE,
    }
    tree.update(notes or {})
    return PROGRAMME.format(kind=kind, language=language, extra=extra), tree
