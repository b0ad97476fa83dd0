"""The programme as data: records that remember the file they came from."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ACTIVE_PAIR_STATUSES = ("proposed", "confirmed")


def email_key(value: Any) -> str:
    """An e-mail as compared (duplicates, matching): Unicode NFC, then case folding, without surrounding spaces.

    A composed "é" and "e" + combining accent look the same and are the same address.
    """
    return unicodedata.normalize("NFC", str(value or "")).casefold().strip()


@dataclass
class Record:
    """One YAML file's data: a mentor, a mentee, a pair or a survey response."""

    kind: str
    id: str
    path: str  # relative to the programme root, with forward slashes
    data: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass
class Note:
    """A meeting note's front matter. The confidential body is never loaded into the model."""

    pair: str
    path: str
    meta: dict[str, Any]


@dataclass
class Programme:
    """Everything a programme folder holds, as loaded and checked."""

    root: Path
    config: dict[str, Any]
    raw_config: dict[str, Any]
    mentors: dict[str, Record] = field(default_factory=dict)
    mentees: dict[str, Record] = field(default_factory=dict)
    pairs: dict[str, Record] = field(default_factory=dict)
    notes: dict[str, list[Note]] = field(default_factory=dict)
    feedback: dict[str, Record] = field(default_factory=dict)
    # Paths of files that exist but could not be loaded (so cross-file
    # checks do not report a missing person whose file is merely broken).
    broken: set[str] = field(default_factory=set)
    files_checked: int = 0
    # The notes' pair folders the load listed, each with its dot-names: validate looks there for a
    # stopped command's temporary files without listing 8,000 folders again.
    note_folders: dict[str, list[str]] = field(default_factory=dict)

    def person(self, person_id: str) -> Record | None:
        return self.mentors.get(person_id) or self.mentees.get(person_id)

    def active_pairs(self) -> list[Record]:
        """Proposed and confirmed pairs, sorted by id."""
        return [p for _, p in sorted(self.pairs.items()) if p.data["status"] in ACTIVE_PAIR_STATUSES]

    def notes_of(self, pair_id: str) -> list[Note]:
        return self.notes.get(pair_id, [])


def pair_id(mentee: str, mentor: str) -> str:
    """The id of the pair of this mentee and mentor."""
    return f"{mentee}--{mentor}"
