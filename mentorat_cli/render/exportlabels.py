"""Export cells in the words people read: each value's label in the programme's language, not its id.

A coordinator opens an export in a spreadsheet: « en présentiel », « Bilan
intermédiaire », « accepté(e) » and « Réseau professionnel » read there as
they do in `status`, `person show` and the documents, where `in_person`,
`review`, `accepted` and `networking` would not. Only `--dialect rfc`, the CSV
documented as meant for scripts, keeps the ids. People's and pairs' ids stay:
they are identifiers, not values. A value without a label (free text, a
generalised word of a pseudonymised export) is written as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mentorat_cli.core import kinds, labels, vocabulary

LIST_SEPARATOR = "; "  # how exporting joins a list into one cell


def _vocabulary(name: str, lang: str) -> Callable[[str], str]:
    table = vocabulary.labels(name)
    return lambda value: table[value][lang] if value in table else value


def _each(convert: Callable[[str], str]) -> Callable[[str], str]:
    """A converter for a cell holding a list joined by `LIST_SEPARATOR`."""
    return lambda joined: LIST_SEPARATOR.join(convert(item) for item in joined.split(LIST_SEPARATOR))


def converters(what: str, config: dict[str, Any], lang: str) -> dict[str, Callable[[str], str]]:
    """Column -> how its id becomes a label, for the table `what` (people, pairs, meetings)."""

    def theme(value: str) -> str:
        return kinds.theme_label(config, value)

    def public(value: str) -> str:
        return kinds.public_label(config, value)

    kinds_ = labels.MEETING_KINDS[lang]  # the words of the follow-up sheet and the calendar
    tables: dict[str, dict[str, Callable[[str], str]]] = {
        "people": {
            "role": _vocabulary("role", lang),
            "status": _vocabulary("person_status", lang),
            "public": public,
            "publics": _each(public),
            "themes": _each(theme),
        },
        "pairs": {"status": _vocabulary("pair_status", lang), "ended_by": _vocabulary("ended_by", lang)},
        "meetings": {"kind": lambda value: kinds_.get(value, value), "format": _vocabulary("format", lang), "topics": _each(theme)},
    }
    return tables[what]


def readable(what: str, rows: list[dict[str, Any]], config: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The rows with every labelled value in the programme's language (other cells unchanged)."""
    convert = converters(what, config, lang)
    return [
        {
            column: convert[column](value) if column in convert and isinstance(value, str) and value else value
            for column, value in row.items()
        }
        for row in rows
    ]
