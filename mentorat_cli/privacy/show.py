"""Right of access: everything the programme folder holds on one person, in one listing."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core import kinds, vocabulary
from mentorat_cli.core.i18n import SOURCE, gettext, language
from mentorat_cli.core.messages import text
from mentorat_cli.core.messages.fields import FIELDS
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.load import yamlio


def pairs_of(programme: Programme, person_id: str) -> list[Record]:
    """The pairs a person is (or was) in, sorted by id."""
    return [p for _, p in sorted(programme.pairs.items()) if person_id in (p.data.get("mentee"), p.data.get("mentor"))]


def role_of(programme: Programme, person_id: str) -> str:
    """`mentor` or `mentee`."""
    return "mentor" if person_id in programme.mentors else "mentee"


def _block(data: Any, kind: str, config: dict[str, Any], indent: str = "    ") -> list[str]:
    words = _Words(kind, config)
    return [indent + line for line in yamlio.dump(_labelled(data, words)).rstrip("\n").splitlines()]


class _Words:
    """Which vocabulary (or programme list) names the values of each field of one kind of record."""

    def __init__(self, kind: str, config: dict[str, Any]) -> None:
        self.config = config
        self.active = language() != SOURCE  # in English, the files' own ids read as English already
        # `contacts[].channel` -> `channel`: within one kind of record a field name says its vocabulary.
        self.vocabularies = {path.split(".")[-1].removesuffix("[]"): name for path, name in vocabulary.FIELDS.get(kind, ())}
        if kind == "note":
            self.vocabularies["format"] = "format"  # a meeting's format: remote or in person

    def value(self, field: str, value: Any) -> Any:
        if not self.active or not isinstance(value, str):
            return value
        if field in self.vocabularies:
            return vocabulary.label(self.vocabularies[field], value)
        if field in ("theme", "themes"):
            return kinds.theme_label(self.config, value)
        if field in ("public", "publics"):
            return kinds.public_label(self.config, value)
        if field in ("topics", "topic"):
            return kinds.theme_label(self.config, value)  # free words stay as written
        if field == "languages":
            return _language_name(value)
        return value


def _language_name(code: str) -> str:
    """`bm` -> `bambara` in French (CLDR's names, through Babel); the code itself when unknown."""
    from babel.core import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(language()).languages.get(code, code))
    except (UnknownLocaleError, ValueError):
        return code


def _labelled(data: Any, words: _Words, field: str = "") -> Any:
    """Field names and coded values as people read them, in the language of the run (a reply to a right-of-access request)."""
    if isinstance(data, dict):
        return {field_label(str(k)): _labelled(v, words, str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_labelled(v, words, field) for v in data]
    return words.value(field, data)


def field_label(field: str) -> str:
    """`first_name` -> `Prénom` in French; in English the files' own keys, which read as English already."""
    if language() == SOURCE or field not in FIELDS:
        return field
    return gettext(FIELDS[field])


def _mentions(programme: Programme, person_id: str) -> list[str]:
    found = []
    for record in sorted([*programme.mentors.values(), *programme.mentees.values()], key=lambda r: r.path):
        if person_id in (record.data.get("not_with") or []):
            found.append(text("show-mention-not-with", path=record.path))
    for record in sorted(programme.pairs.values(), key=lambda r: r.path):
        if any(a.get("mentor") == person_id for a in record.data.get("alternatives") or []):
            found.append(text("show-mention-alternative", path=record.path))
    return found


def person_report(programme: Programme, person_id: str, state_paths: set[str]) -> list[str]:
    """The listing's lines: profile, pairs with contacts, own feedback, notes by metadata, mentions."""
    person = programme.person(person_id)
    assert person is not None
    role = role_of(programme, person_id)
    lines = [
        text("show-title", path=person.path, role=field_label(role).lower()),
        text("show-profile"),
        *_block(person.data, role, programme.config),
    ]
    pairs = pairs_of(programme, person_id)
    lines.append(text("show-pairs", count=len(pairs)))
    for pair in pairs:
        lines.append("  " + pair.path)
        lines += _block(pair.data, "pair", programme.config)
    own: list[Record] = []
    others: list[Record] = []
    pair_ids = {p.id for p in pairs}
    for record in sorted(programme.feedback.values(), key=lambda r: r.path):
        if record.data.get("pair") in pair_ids:
            (own if record.data.get("role") == role else others).append(record)
    lines.append(text("show-feedback", count=len(own)))
    for record in own:
        lines.append("  " + record.path)
        lines += _block(record.data, "feedback", programme.config)
    for record in others:
        lines.append("  " + text("show-feedback-other", path=record.path))
    notes = [n for pid in sorted(pair_ids) for n in programme.notes_of(pid)]
    note_words = _Words("note", programme.config)
    lines.append(text("show-notes", count=len(notes)))
    for note in notes:
        meta = ", ".join(f"{field_label(k)}: {_flat(_labelled(v, note_words, k))}" for k, v in note.meta.items())
        lines.append(f"  {note.path}: {meta}")
    mentions = _mentions(programme, person_id)
    lines.append(text("show-mentions", count=len(mentions)))
    lines += ["  " + m for m in mentions]
    if person.path in state_paths:
        lines.append(text("show-import-state"))
    lines.append(text("show-outside"))
    return lines


def _flat(value: Any) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
