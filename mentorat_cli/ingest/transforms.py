"""Cell text -> profile value: French yes/no, French dates, multi-choice cells, labels to ids."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mentorat_cli.core import kinds
from mentorat_cli.ingest import fields as F

YES = {"oui", "o", "yes", "y", "vrai", "true", "1", "x", "ok", "d accord"}
NO = {"non", "n", "no", "faux", "false", "0"}
_DATE_FR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_INT = re.compile(r"^[+]?\d{1,4}(?:[.,]0+)?$")
_SPLIT = re.compile(r"\s*[;,\n]\s*")
# Leading characters a spreadsheet would run as a formula (phones may start with +).
FORMULA_START = ("=", "@", "+", "-")


COUNTRIES = {
    "france": "FR",
    "belgique": "BE",
    "belgium": "BE",
    "suisse": "CH",
    "switzerland": "CH",
    "luxembourg": "LU",
    "canada": "CA",
    "allemagne": "DE",
    "germany": "DE",
    "espagne": "ES",
    "spain": "ES",
    "italie": "IT",
    "italy": "IT",
    "royaume uni": "GB",
    "united kingdom": "GB",
}


class CellError(ValueError):
    """A cell that cannot become a value: the catalogue code saying why, and its values.

    The row reader turns it into a Problem on the cell (file, row, column).
    """

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


def vocabulary(config: dict[str, Any], field: str) -> dict[str, str]:
    """Folded label or id -> id, for the fields whose values come from a list."""
    if field in ("themes", "objectives"):
        items, builtin = config["themes"], kinds.THEMES
    elif field in ("public", "publics"):
        items, builtin = config["publics"], kinds.PUBLICS.get(config.get("kind", ""), {})
    else:
        return dict(F.CHOICE_LABELS.get(field, {}))
    out: dict[str, str] = {}
    for item in items:
        ident = item["id"]
        labels = [ident, ident.replace("-", " "), str(item.get("label", ""))]
        labels += list(builtin.get(ident, {}).values())
        for label in labels:
            if label:
                out.setdefault(F.fold(label), ident)
    return out


def parse_date(text: str) -> str:
    """`25/11/2026`, `25-11-2026`, `2026-11-25` (a time after it is ignored) -> `2026-11-25`."""
    match = _DATE_FR.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        iso = _DATE_ISO.match(text)
        if not iso:
            raise CellError("import-cell-date", value=text)
        year, month, day = (int(g) for g in iso.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise CellError("import-cell-no-such-date", value=text) from None


def parse_bool(text: str) -> bool:
    """French or English yes/no."""
    folded = F.fold(text)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise CellError("import-cell-yes-no", value=text)


def parse_int(text: str) -> int:
    """A whole number; `12 ans` and `12,0` are read as 12."""
    candidate = re.sub(r"\s*(ans?|years?|annees?)$", "", text.strip(), flags=re.IGNORECASE)
    if not _INT.match(candidate):
        raise CellError("import-cell-number", value=text)
    return int(re.split(r"[.,]", candidate.lstrip("+"))[0])


def split_choices(text: str, separator: str | None) -> list[str]:
    """A multi-choice cell's items (on the given separator, else `;` `,` or line breaks), blanks dropped."""
    parts = text.split(separator) if separator else _SPLIT.split(text)
    return [p.strip() for p in parts if p.strip()]


def _choice(item: str, values: dict[str, str | None], vocab: dict[str, str], field: str) -> str | None:
    """The id for one answer; None when the mapping says the answer means no value."""
    if item in values:
        return values[item]
    folded = F.fold(item)
    for label, target in values.items():
        if F.fold(label) == folded:
            return target
    if folded in vocab:
        return vocab[folded]
    known = sorted(set(vocab.values()))
    if not known:
        raise CellError("import-cell-choice-none", value=item, field=field)
    raise CellError("import-cell-choice", value=item, field=field, known=", ".join(known))


def convert(kind: str, field: str, text: str, values: dict[str, str | None], separator: str | None, vocab: dict[str, str]) -> Any:
    """The value for `field` from a non-empty cell (None: no value); raises CellError with the code saying why."""
    if text in values and values[text] is None:
        return None  # the mapping reads this answer as "no value" (e.g. "Indifférent")
    if kind == F.TEXT:
        if text.startswith(FORMULA_START) and not (field == "phone" and text.startswith("+")):
            raise CellError("import-cell-formula")
        if field == "location.country":
            return text.upper() if len(text) == 2 else _choice(text, values, COUNTRIES, field)
        return values.get(text, text)
    if kind == F.INT:
        return parse_int(text)
    if kind == F.BOOL:
        mapped = values.get(text)
        return parse_bool(mapped if mapped is not None else text)
    if kind == F.DATE:
        return parse_date(text)
    if kind == F.CHOICE:
        return _choice(text, values, vocab, field)
    if kind == F.LANGS:
        items = [_choice(i, values, {**F.LANGUAGE_LABELS, **{c: c for c in _two_letter(i)}}, field) for i in split_choices(text, separator)]
        return _unique(items) or None
    chosen = _unique([_choice(i, values, vocab, field) for i in split_choices(text, separator)])
    if not chosen:
        return None
    if field == "objectives":
        # A form gives the themes a mentee wants to work on; the objective's words come later.
        return [{"theme": theme} for theme in chosen]
    return chosen


def _two_letter(item: str) -> list[str]:
    folded = F.fold(item)
    return [folded] if re.fullmatch(r"[a-z]{2}", folded) else []


def _unique(items: list[str | None]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item is not None and item not in seen:
            seen.append(item)
    return seen
