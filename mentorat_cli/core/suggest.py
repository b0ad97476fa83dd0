"""Did you mean: the closest known ids, fields and values for a typo."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from mentorat_cli.core.messages import text

# The words a French coordinator writes for the values the schemas spell in English.
ALIASES = {
    "ecole": "school",
    "ministere": "ministry",
    "entreprise": "company",
    "societe": "company",
    "anciens": "alumni",
    "ancien": "alumni",
    "jeunes": "youth",
    "jeunesse": "youth",
    "distanciel": "remote",
    "a-distance": "remote",
    "presentiel": "in_person",
    "hybride": "hybrid",
    "premier": "first",
    "premiere": "first",
    "bilan": "review",
    "final": "final",
    "finale": "final",
    "propose": "proposed",
    "confirme": "confirmed",
    "termine": "ended",
    "fini": "ended",
}


def _fold(value: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", value.lower()) if not unicodedata.combining(c))
    return plain.strip().replace(" ", "-").replace("_", "-")


def closest(value: object, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known value closest to `value` (never `value` itself), or None."""
    if not isinstance(value, str) or not value:
        return None
    choices = sorted({k for k in known if k != value})
    alias = ALIASES.get(_fold(value))
    if alias in choices:
        return alias
    folded = {_fold(k): k for k in choices}
    if _fold(value) in folded:
        return folded[_fold(value)]
    found = difflib.get_close_matches(value, choices, n=1, cutoff=cutoff)
    return found[0] if found else None


def hint(value: object, known: Iterable[str], cutoff: float = 0.6) -> str:
    """ "did you mean 'x'? " to put before a hint, or ''."""
    found = closest(value, known, cutoff)
    return text("did-you-mean", value=found) if found else ""
