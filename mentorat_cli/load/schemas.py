"""JSON Schema validation that speaks the coordinator's language.

jsonschema's errors are turned into Problems with our own wording, the
field's dotted path and, via `yamlio.positions`, the line and column.
Unknown keys are warnings, not errors (a typo should not block a
programme, but it should be seen).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorat_cli.core import datefix, suggest, vocabulary
from mentorat_cli.core import problems as P
from mentorat_cli.core.i18n import N_, gettext
from mentorat_cli.core.problems import Problem
from mentorat_cli.load.resources import data_dir

if TYPE_CHECKING:  # jsonschema loads with the first file checked: a warm cache, status and --help never need it
    import jsonschema
    from referencing import Registry

_BASE = "file:///mentorat/schemas/"
SCHEMA_FILES = {
    "programme": "programme.schema.json",
    "mentor": "mentor.schema.json",
    "mentee": "mentee.schema.json",
    "pair": "pair.schema.json",
    "note": "note.schema.json",
    "feedback": "feedback.schema.json",
}

# Values are msgids (translated where they are used); N_ marks them for extraction.
_TYPE_NAMES = {
    str: N_("text"),
    int: N_("a whole number"),
    float: N_("a number"),
    bool: N_("true/false"),
    list: N_("a list"),
    dict: N_("a mapping"),
    type(None): N_("nothing (empty)"),
}
_OTHER_TYPE = N_("another value")
_EXPECTED = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a mapping"),
    "null": N_("nothing"),
}


def schema_dir() -> Path:
    return data_dir("schemas")


@functools.cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schema_dir().glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        contents.setdefault("$id", _BASE + path.name)
        resources.append((_BASE + path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def _raw(name: str) -> dict[str, Any]:
    return _registry().contents(_BASE + name)  # type: ignore[no-any-return]


def _inline(node: Any, current: str) -> Any:
    """Replace every $ref by the schema it points to (our schemas are not recursive)."""
    if isinstance(node, list):
        return [_inline(item, current) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target_file, _, fragment = node["$ref"].partition("#")
        target_file = target_file or current
        target: Any = _raw(target_file)
        for part in fragment.strip("/").split("/") if fragment.strip("/") else []:
            target = target[part]
        merged = {**_inline(target, target_file), **{k: v for k, v in node.items() if k != "$ref"}}
        return _inline(merged, target_file)
    return {key: _inline(value, current) for key, value in node.items() if key != "$defs"}


def _flatten(schema: dict[str, Any]) -> dict[str, Any]:
    """Merge `allOf` parts into the top level and turn `unevaluatedProperties` into
    `additionalProperties`: the same rules, validated several times faster."""
    flat = dict(schema)
    for part in flat.pop("allOf", []):
        flat["properties"] = {**part.get("properties", {}), **flat.get("properties", {})}
        flat["required"] = sorted(set(part.get("required", [])) | set(flat.get("required", [])))
    if "unevaluatedProperties" in flat:
        flat["additionalProperties"] = flat.pop("unevaluatedProperties")
    return flat


@functools.cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    """A compiled validator for one kind of file (references inlined for speed)."""
    import jsonschema

    name = SCHEMA_FILES[kind]
    schema = _flatten(_inline(_raw(name), name))
    cls = jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@functools.cache
def known_keys(kind: str) -> frozenset[str]:
    """Top-level keys a kind of file may hold (its own properties and those of its allOf parts)."""
    return frozenset(validator(kind).schema.get("properties", {}))


def field_name(path: Any) -> str:
    """`objectives[1].theme` from a jsonschema path."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def pointer(path: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _show(value: Any, confidential: bool) -> str:
    if confidential:
        return gettext("the value written")
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_hint(expected: Any, instance: Any, field: str) -> str:
    wanted = expected if isinstance(expected, list) else [expected]
    if "string" in wanted and isinstance(instance, (int, float)) and not isinstance(instance, bool):
        leaf = field.rsplit(".", 1)[-1]
        return gettext('write it in quotes so it stays text, e.g. {leaf}: "{instance}"').format(leaf=leaf, instance=instance)
    if ("integer" in wanted or "number" in wanted) and isinstance(instance, str):
        number = re.match(r"\s*(\d+(?:[.,]\d+)?)", instance)
        if number:  # "45 jours": the unit is in the field's name already
            return gettext("write the number alone: {number}").format(number=number.group(1).replace(",", "."))
    if "boolean" in wanted:
        return gettext("write true or false")
    if "array" in wanted:
        return gettext("write a list: one '- item' per line, or [a, b]")
    return gettext("correct the value")


def _convert(error: jsonschema.ValidationError, kind: str, confidential: bool) -> list[tuple[str, str, dict[str, Any]]]:
    """(code, pointer, values) for one jsonschema error."""
    keyword = error.validator
    path = list(error.absolute_path)
    field = field_name(path)
    # Programme folders hold their copy of the schemas in .schemas/ (written by `mentorat init`).
    schema_name = f".schemas/{SCHEMA_FILES[kind]}"
    base: dict[str, Any] = {"field": field, "schema": schema_name}
    ptr = pointer(path)
    if keyword == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        return [("schema-required", ptr, {**base, "field": name}) for name in error.validator_value if name not in instance]
    if keyword in ("unevaluatedProperties", "additionalProperties"):
        instance = error.instance if isinstance(error.instance, dict) else {}
        known: frozenset[str] = known_keys(kind) if not path else frozenset(error.schema.get("properties", {}))
        return [
            ("schema-unknown-key", f"{ptr}/{key}#key", {**base, "key": key, "suggestion": _did_you_mean(key, known)})
            for key in sorted(instance)
            if key not in known
        ]
    if keyword == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return [
            (
                "schema-type",
                ptr,
                {
                    **base,
                    "expected": gettext(" or ").join(gettext(_EXPECTED.get(str(t), str(t))) for t in wanted),
                    "found": gettext(_TYPE_NAMES.get(type(error.instance), _OTHER_TYPE)),
                    "type_hint": _type_hint(error.validator_value, error.instance, field),
                },
            )
        ]
    if keyword in ("enum", "const"):
        choices = error.validator_value if keyword == "enum" else [error.validator_value]
        near = suggest.hint(error.instance, [str(a) for a in choices])
        return [
            (
                "schema-enum",
                ptr,
                {
                    **base,
                    "value": _show(error.instance, confidential),
                    "allowed": vocabulary.accepted_words([str(a) for a in choices]),
                    "suggestion": near,
                },
            )
        ]
    if keyword == "format" and error.validator_value == "date":
        return [_date_problem(error.instance, ptr, base, confidential)]
    if keyword == "pattern":
        examples = error.schema.get("examples") or []
        hint = (
            (gettext("for example: ") + ", ".join(str(e) for e in examples))
            if examples
            else (error.schema.get("description") or gettext("see {schema}").format(schema=schema_name))
        )
        return [("schema-pattern", ptr, {**base, "value": _show(error.instance, confidential), "pattern_hint": hint})]
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [("schema-range", ptr, {**base, "detail": _bound(keyword, error.validator_value)})]
    if keyword in ("minItems", "maxItems", "minLength", "maxLength", "uniqueItems"):
        return [("schema-size", ptr, {**base, "detail": _size(keyword, error.validator_value)})]
    return [("schema-invalid", ptr, {**base, "detail": keyword})]


def _date_problem(value: Any, ptr: str, base: dict[str, Any], confidential: bool) -> tuple[str, str, dict[str, Any]]:
    """Why a value is not a date: written the French way (with the converted value), impossible, or not a date.

    A date may be quoted back even from a meeting note: only date-like values are shown.
    """
    code, values = datefix.explain(value)
    shown = str(value).strip() if datefix.looks_like_date(value) else _show(value, confidential).strip('"')
    if code == "date-invalid" and (datefix.looks_like_date(value) or not confidential):
        shown = f"'{shown}'"  # a value quoted back; "the value written" of a note is not
    return (code, ptr, {**base, "value": shown, **values})


def sound_part(kind: str, data: dict[str, Any], found: list[Problem]) -> dict[str, Any] | None:
    """The file's data without the top-level fields that have errors, when what is left is valid.

    Cross-file checks then still see the rest of a file with a schema error, so one
    run of validate shows all that can be known. None when nothing sound is left.
    """
    bad = {p.pointer.split("/")[1] for p in found if p.severity == P.ERROR and p.pointer.count("/") >= 1}
    part = {key: value for key, value in data.items() if key not in bad}
    if kind == "programme":
        return part
    if any(p.severity == P.ERROR and not p.pointer for p in found):
        return None  # a required field is missing: the record cannot be identified
    errors = list(validator(kind).iter_errors(part))
    return None if errors else part


def _did_you_mean(key: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)
    return gettext("did you mean '{name}'? ").format(name=close[0]) if close else ""


def _bound(keyword: str, limit: Any) -> str:
    words = {
        "minimum": gettext("must be at least {limit}"),
        "maximum": gettext("must be at most {limit}"),
        "exclusiveMinimum": gettext("must be more than {limit}"),
        "exclusiveMaximum": gettext("must be less than {limit}"),
    }
    return words[keyword].format(limit=limit)


def _size(keyword: str, limit: Any) -> str:
    if keyword == "minLength" and limit == 1:
        return gettext("must not be empty")
    return {
        "minItems": gettext("needs at least {limit} item(s)"),
        "maxItems": gettext("takes at most {limit} item(s)"),
        "minLength": gettext("needs at least {limit} characters"),
        "maxLength": gettext("takes at most {limit} characters"),
        "uniqueItems": gettext("lists the same item twice"),
    }[keyword].format(limit=limit)


@functools.cache
def _fast(kind: str) -> Callable[[Any], Any] | None:
    """A compiled yes/no validator when the optional `fastjsonschema` is installed (the `speed` extra).

    It only answers "valid?"; files it rejects go through jsonschema for the
    full list of problems, so messages do not depend on the extra.
    """
    try:
        import fastjsonschema  # type: ignore[import-untyped]
    except ImportError:
        return None
    schema = {**validator(kind).schema, "$schema": "http://json-schema.org/draft-07/schema#"}
    formats = {"date": _is_date}
    # use_default=False: a check must never write defaults into the data (they would end up in files).
    return fastjsonschema.compile(schema, formats=formats, use_default=False)  # type: ignore[no-any-return]


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def is_valid_fast(kind: str, data: Any) -> bool | None:
    """True when the fast validator accepts the data; None when it is not installed or says no."""
    fast = _fast(kind)
    if fast is None:
        return None
    try:
        fast(data)
    except Exception:  # noqa: BLE001 - any failure means "ask jsonschema"
        return None
    return True


def check(kind: str, data: Any, file: str, locate: Callable[[str], tuple[int, int]], confidential: bool = False) -> list[Problem]:
    """Schema problems of one file's data; `locate` maps a JSON pointer to (line, column)."""
    found: list[Problem] = []
    if is_valid_fast(kind, data):
        return found
    errors = list(validator(kind).iter_errors(data))
    for error in errors:
        if error.validator in ("allOf", "anyOf", "oneOf") and error.context:
            candidates = error.context
        else:
            candidates = [error]
        for sub in candidates:
            for code, ptr, values in _convert(sub, kind, confidential):
                line, column = locate(ptr)
                found.append(P.make(code, file, line, column, pointer=ptr.split("#")[0], **values))
    # One mistake, one message: a date that is not a real date also fails its pattern.
    dates = {p.pointer for p in found if p.code in ("date-invalid", "date-format", "date-impossible")}
    return [p for p in found if not (p.code == "schema-pattern" and p.pointer in dates)]
