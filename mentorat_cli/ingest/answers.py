"""A form's answer labels -> the programme's values: exact (accent- and case-insensitive) or close ("check")."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from mentorat_cli.ingest import fields as F
from mentorat_cli.ingest import transforms as T

# Fields whose cells are labels from a list: the template lists their answers.
LISTED = (F.CHOICE, F.CHOICES, F.LANGS, F.BOOL)
MAX_LISTED = 60  # more distinct answers than this is free text, not a list of choices
CLOSE = 0.72  # similarity above which a label is proposed, marked "check"
# Ordinals forms write in words or digits ("3e concours" is the "troisième concours").
_ORDINALS = {
    "1er": "premier",
    "1ere": "premiere",
    "2e": "deuxieme",
    "2eme": "deuxieme",
    "2nd": "second",
    "3e": "troisieme",
    "3eme": "troisieme",
    "4e": "quatrieme",
    "4eme": "quatrieme",
}


@dataclass(frozen=True)
class Guess:
    """The value an answer is read as (None: no value), and whether a person should check it."""

    value: Any
    sure: bool
    near: str = ""  # the programme's label it was found close to


def _words(folded: str) -> str:
    return " ".join(_ORDINALS.get(w, w) for w in folded.split())


def guess(kind: str, field: str, answer: str, vocab: dict[str, str]) -> Guess:
    """How `answer` would be read for `field`; None with sure=False when it cannot be placed."""
    folded = F.fold(answer)
    if kind == F.BOOL:
        try:
            return Guess(T.parse_bool(answer), True)
        except T.CellError:
            return Guess(None, False)
    if kind == F.LANGS:
        vocab = {**F.LANGUAGE_LABELS, **({folded: folded} if re.fullmatch(r"[a-z]{2}", folded) else {})}
    if folded in vocab:
        return Guess(vocab[folded], True)
    wanted = _words(folded)
    labels = {_words(label): label for label in vocab}
    if wanted in labels:
        return Guess(vocab[labels[wanted]], False, labels[wanted])
    best = difflib.get_close_matches(wanted, list(labels), n=1, cutoff=CLOSE)
    if best:
        return Guess(vocab[labels[best[0]]], False, labels[best[0]])
    # "Concours externe (Talents)": a label whose words all appear in the answer, the longest such.
    inside = [label for label in labels if len(label) > 3 and f" {label} " in f" {wanted} "]
    if inside:
        label = max(inside, key=lambda x: (len(x), x))
        return Guess(vocab[labels[label]], False, labels[label])
    return Guess(None, False)


def distinct_answers(cells: list[str], kind: str, separator: str | None) -> list[str]:
    """The different answers of a column in order of first appearance (multi-choice cells split)."""
    seen: dict[str, None] = {}
    for cell in cells:
        if not cell:
            continue
        items = T.split_choices(cell, separator) if kind in (F.CHOICES, F.LANGS) else [cell]
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def separator_for(cells: list[str]) -> str | None:
    """';' when the column uses it (then commas may sit inside labels), else the default split."""
    return ";" if any(";" in c for c in cells) else None
