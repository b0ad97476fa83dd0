"""Readable ids from names: ASCII-folded, stable for the same name, never taken twice."""

from __future__ import annotations

from mentorat_cli.ingest.fields import fold

MAX_ID = 64
_SUFFIX_ROOM = 6  # "-99999"


def base_id(first_name: str, last_name: str) -> str:
    """`Élise`, `Le Goff` -> `elise-le-goff`; `person` when nothing Latin is left."""
    words = fold(f"{first_name} {last_name}").split()
    ident = ""
    for word in words:
        candidate = f"{ident}-{word}" if ident else word
        if len(candidate) > MAX_ID - _SUFFIX_ROOM:
            break
        ident = candidate
    return ident or (words[0][: MAX_ID - _SUFFIX_ROOM] if words else "person")


def unique_id(first_name: str, last_name: str, taken: set[str], next_number: dict[str, int] | None = None) -> str:
    """The base id, or the base id with -2, -3... when it is taken; adds the result to `taken`.

    `next_number` remembers where each base's search stopped, so that a thousand
    homonyms cost a thousand steps, not half a million.
    """
    base = base_id(first_name, last_name)
    counters = next_number if next_number is not None else {}
    ident, number = base, counters.get(base, 1)
    if number > 1:
        ident = f"{base}-{number}"
    while ident in taken:
        number += 1
        ident = f"{base}-{number}"
    counters[base] = number
    taken.add(ident)
    return ident
