"""`validate`'s checks of the fields and criteria a programme declares (programme.yaml `extra_fields`, `extra_criteria`).

The JSON Schema already checks the shape (known keys, the words allowed for
type, side, kind and mode). These checks need the declarations together:
each criterion's fields exist and fit its kind, and each profile's `extra:`
values are declared, on the right side, and of the declared type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from mentorat_cli.core import declared as D
from mentorat_cli.core import problems as P
from mentorat_cli.core import suggest
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.pair import criteria as builtin_criteria
from mentorat_cli.pair import eligibility as builtin_rules

PROGRAMME = "programme.yaml"
Locator = Callable[[str, str], tuple[int, int]]  # crossfile.Locator: (file, JSON pointer) -> (line, column)
# Same-kind comparisons need values of one family: labels (text, scale), yes-no, or numbers.
FAMILY = {D.TEXT: "label", D.SCALE: "label", D.YES_NO: "yes-no", D.NUMBER: "number", D.LIST: "list"}


def _at(loc: Locator, code: str, where: Record | str, pointer: str, **values: Any) -> Problem:
    file = where if isinstance(where, str) else where.path
    line, column = loc(file, pointer)
    return P.make(code, file, line, column, pointer=pointer, **values)


def check_declarations(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    """Each declared field and criterion makes sense on its own and with the others."""
    config, out = prog.config, []
    for field in D.fields(config).values():
        if field.type == D.SCALE and len(field.values) < 2:
            out.append(_at(loc, "declared-scale-values", PROGRAMME, f"/extra_fields/{field.name}", name=field.name))
    for crit in D.criteria(config).values():
        out += _criterion(config, loc, crit)
    return out


def _criterion(config: dict[str, Any], loc: Locator, crit: D.Criterion) -> list[Problem]:
    where = f"/extra_criteria/{crit.name}"
    if crit.name in (*builtin_criteria.CRITERIA, *builtin_rules.RULE_ORDER, "previous_mentor"):
        return [_at(loc, "declared-criterion-name", PROGRAMME, where, name=crit.name)]
    out: list[Problem] = []
    weighted = isinstance(((config.get("extra_criteria") or {}).get(crit.name) or {}).get("weight"), int | float)
    if weighted == crit.rule:
        out.append(_at(loc, "declared-criterion-weight-or-rule", PROGRAMME, where, name=crit.name))
    if crit.kind == D.GAP and crit.limit is None:
        out.append(_at(loc, "declared-criterion-limit", PROGRAMME, where, name=crit.name))
    if not crit.mentor or not crit.mentee:
        return [*out, _at(loc, "declared-criterion-fields", PROGRAMME, where, name=crit.name)]
    types: dict[str, str] = {}
    for role, path in (("mentor", crit.mentor), ("mentee", crit.mentee)):
        pointer = f"{where}/{role}" if f"{role}" in (config["extra_criteria"][crit.name] or {}) else f"{where}/field"
        found = D.field_type(config, path)
        if found is None:
            known = [*D.BUILTIN_FIELDS, *(D.EXTRA + name for name in D.fields(config))]
            out.append(
                _at(loc, "declared-criterion-field", PROGRAMME, pointer, name=crit.name, field=path, suggestion=suggest.hint(path, known))
            )
            continue
        type_, side = found
        if side not in ("both", role):
            out.append(
                _at(loc, "declared-criterion-side", PROGRAMME, pointer, name=crit.name, field=path, role=_side(role), side=_side(side))
            )
        if type_ not in D.KIND_TYPES.get(crit.kind, frozenset()):
            out.append(_at(loc, "declared-criterion-type", PROGRAMME, pointer, name=crit.name, kind=crit.kind, field=path, type=type_))
        types[role] = type_
    return out + _pairing(config, loc, crit, types, where)


def _pairing(config: dict[str, Any], loc: Locator, crit: D.Criterion, types: dict[str, str], where: str) -> list[Problem]:
    """The two sides of a criterion compare values of the same family (and scales the same values)."""
    if len(types) < 2 or crit.kind == D.OVERLAP:
        return []
    if FAMILY.get(types["mentor"]) != FAMILY.get(types["mentee"]):
        return [
            _at(
                loc,
                "declared-criterion-types-differ",
                PROGRAMME,
                where,
                name=crit.name,
                mentor=crit.mentor,
                mentor_type=types["mentor"],
                mentee=crit.mentee,
                mentee_type=types["mentee"],
            )
        ]
    scales = [D.scale_values(config, path) for path in (crit.mentor, crit.mentee)]
    if types["mentor"] == types["mentee"] == D.SCALE and [D.norm(v) for v in scales[0]] != [D.norm(v) for v in scales[1]]:
        return [_at(loc, "declared-criterion-scales-differ", PROGRAMME, where, name=crit.name)]
    return []


def _side(side: str) -> str:
    return text(f"declared-side-{side}") if side in ("mentor", "mentee") else side


def check_extra_values(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    """Each profile's `extra:` holds declared fields, for its side, with values of the declared type."""
    fields, out = D.fields(prog.config), []
    if "extra_fields" not in prog.raw_config and loc(PROGRAMME, "/extra_fields") != loc(PROGRAMME, ""):
        return []  # programme.yaml has extra_fields with a schema error (reported): judging profiles by it would only add noise
    for role, records in (("mentor", prog.mentors), ("mentee", prog.mentees)):
        for record in records.values():
            extra = record.data.get("extra")
            if isinstance(extra, dict):
                out += _extra(loc, record, role, extra, fields)
    return out


def _extra(loc: Locator, record: Record, role: str, extra: dict[str, Any], fields: dict[str, D.Field]) -> list[Problem]:
    out = []
    for key, value in extra.items():
        pointer = f"/extra/{key}"
        field = fields.get(key)
        if field is None:
            out.append(_at(loc, "declared-extra-unknown", record, pointer + "#key", key=key, suggestion=suggest.hint(key, fields)))
        elif field.side not in ("both", role):
            out.append(_at(loc, "declared-extra-side", record, pointer + "#key", key=key, side=_side(field.side)))
        elif not D.fits(field.type, value, field.values):
            expected = text(f"declared-expect-{field.type}", values=", ".join(field.values))
            out.append(_at(loc, "declared-extra-value", record, pointer, key=key, value=_quoted(value), expected=expected))
    return out


def _quoted(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


CHECKS = [check_declarations, check_extra_values]
