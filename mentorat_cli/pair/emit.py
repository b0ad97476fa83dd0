"""Proposal files and pairing.yaml as YAML, byte for byte what yamlio.dump writes, twenty times faster.

PyYAML's representer costs about 0.6 ms per proposal: 12 s for a national
programme, and as much for the 30,000 unmatched mentees pairing.yaml can
list. Both are block mappings, lists and scalars, so this writer lays the
lines out itself and asks PyYAML only how to write the scalars it cannot
classify with certainty (cached). Anything else (a list in a list, an empty
mapping in a list, a key PyYAML would quote) goes to yamlio.dump. A property
test holds the two equal.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from mentorat_cli.load import yamlio

_WORD = "A-Za-z0-9_À-ÖØ-öø-ÿ"
# Starts with a letter, ends with a word character or a closing bracket or dot, no special character inside.
_SAFE = re.compile(rf"[A-Za-zÀ-ÖØ-öø-ÿ](?:[{_WORD} ,.()/'’:-]*[{_WORD}).])?")
# YAML 1.1 words PyYAML would read back as booleans or null.
_RESOLVED = {"yes", "no", "true", "false", "on", "off", "null"}


def _by_pyyaml(value: Any) -> str | None:
    """PyYAML's own rendering of one scalar as a mapping value (None when it spans lines)."""
    text = yaml.dump(
        {"k": value}, Dumper=yamlio._Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=2**31 - 1, indent=2
    )
    body = text[3:-1]
    return None if "\n" in body else body


@functools.lru_cache(maxsize=200_000)
def _string(value: str) -> str | None:
    # Cached for strings only: 0.0 and -0.0 (or 1 and True) are equal keys for a cache.
    if _SAFE.fullmatch(value) and value.lower() not in _RESOLVED and "  " not in value:
        if ": " in value or value.endswith(":") or " #" in value:
            return "'" + value.replace("'", "''") + "'"
        return value
    return _by_pyyaml(value)


def scalar(value: Any) -> str | None:
    """A scalar as PyYAML writes it in block style; None when this writer should not be trusted."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        # PyYAML writes repr() for plain finite numbers; exponents and inf/nan have their own spelling.
        return text if "." in text and "e" not in text and "n" not in text else _by_pyyaml(value)
    return None


class _Fallback(Exception):
    pass


def _line(key: str, value: Any, indent: str) -> str:
    text = scalar(value)
    if text is None:
        raise _Fallback
    return f"{indent}{key}: {text}\n"


def _mapping(data: dict[Any, Any], indent: str, out: list[str], first: str | None = None) -> None:
    """A block mapping at `indent`; `first` is the first line's lead when it opens a list item ("- ")."""
    for n, (key, value) in enumerate(data.items()):
        lead = first if first is not None and n == 0 else indent
        if not isinstance(key, str) or scalar(key) != key:
            raise _Fallback  # a key PyYAML would quote
        if isinstance(value, dict | list) and not value:
            out.append(f"{lead}{key}: {'{}' if isinstance(value, dict) else '[]'}\n")
        elif isinstance(value, dict):
            out.append(f"{lead}{key}:\n")
            _mapping(value, indent + "  ", out)
        elif isinstance(value, list):
            out.append(f"{lead}{key}:\n")
            _sequence(value, indent, out)  # PyYAML does not indent a list under its key
        else:
            out.append(_line(key, value, lead))


def _sequence(items: list[Any], indent: str, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + "  ", out, first=indent + "- ")
        elif isinstance(item, dict | list):
            raise _Fallback
        else:
            text = scalar(item)
            if text is None:
                raise _Fallback
            out.append(f"{indent}- {text}\n")


def dump(data: dict[str, Any], schema_line: str | None = None) -> str:
    """Same bytes as yamlio.dump(data, schema_line) for data made of mappings, lists and scalars (proposals, pairing.yaml)."""
    try:
        out = [f"# yaml-language-server: $schema={schema_line}\n"] if schema_line else []
        if not isinstance(data, dict) or not data:
            raise _Fallback
        _mapping(data, "", out)
        return "".join(out)
    except _Fallback:
        return yamlio.dump(data, schema_line=schema_line)
