"""Import into the fields a programme declares (programme.yaml `extra_fields`): a column fills `extra.<name>`.

A header is recognised when it reads as the field's label (in any language
given) or its name, accents, case and punctuation aside: the form asked
"Secteur souhaité ?", the programme declared `label: Secteur souhaité`.
Cells become values of the declared type: oui/non for yes-no, a number, a
list (split like multi-choice cells), or one of a scale's values.
"""

from __future__ import annotations

import re
from typing import Any

from mentorat_cli.core import declared as D
from mentorat_cli.ingest import fields as F
from mentorat_cli.ingest.transforms import CellError, split_choices
from mentorat_cli.ingest.transforms import convert as convert_builtin

NUMBER, LIST = "number", "list"  # import kinds of their own; text, yes-no and scale reuse the built-in ones
KINDS = {D.TEXT: F.TEXT, D.YES_NO: F.BOOL, D.NUMBER: NUMBER, D.LIST: LIST, D.SCALE: F.CHOICE}
_NUMBER = re.compile(r"^[+-]?\d{1,9}(?:[.,]\d+)?$")


def _fields(config: dict[str, Any] | None, role: str) -> dict[str, D.Field]:
    """The declared fields profiles of this role carry."""
    return {name: f for name, f in D.fields(config or {}).items() if f.side in ("both", role)}


def field_for_header(config: dict[str, Any] | None, header: str, role: str) -> str | None:
    """`extra.<name>` when the header reads as a declared field's label or name, else None."""
    folded = F.fold(header)
    for name, found in _fields(config, role).items():
        if folded in {F.fold(label) for label in found.labels.values()} | {F.fold(name.replace("_", " "))}:
            return D.EXTRA + name
    return None


def names(config: dict[str, Any] | None, role: str) -> list[str]:
    """`extra.<name>` of every declared field this role may fill."""
    return [D.EXTRA + name for name in _fields(config, role)]


def field_type(config: dict[str, Any] | None, role: str, field: str) -> str | None:
    """The import kind of `extra.<name>` for this role; None when not declared for it."""
    found = _fields(config, role).get(field[len(D.EXTRA) :]) if field.startswith(D.EXTRA) else None
    return KINDS.get(found.type, F.TEXT) if found else None


def vocabulary(config: dict[str, Any], field: str) -> dict[str, str]:
    """A scale's values by their folded spelling (what a form's answer is matched against)."""
    found = D.fields(config).get(field[len(D.EXTRA) :]) if field.startswith(D.EXTRA) else None
    return {F.fold(v): v for v in found.values} if found else {}


def convert(kind: str, field: str, text: str, values: dict[str, str | None], separator: str | None, vocab: dict[str, str]) -> Any:
    """The value of a declared field from a non-empty cell; raises CellError with a one-line reason."""
    if text in values and values[text] is None:
        return None
    if kind == NUMBER:
        mapped = values.get(text) or text
        candidate = mapped.strip().replace(" ", "")
        if not _NUMBER.match(candidate):
            raise CellError("import-cell-decimal", value=text)
        number = float(candidate.replace(",", "."))
        return int(number) if number.is_integer() else number
    if kind == LIST:
        items = [values.get(i, i) for i in split_choices(text, separator)]
        return [i for i in dict.fromkeys(items) if i] or None
    return convert_builtin(kind, field, text, values, separator, vocab)
