"""Profile data as the import handles it: dotted field paths, and keys in the schema's order."""

from __future__ import annotations

import functools
from typing import Any

from mentorat_cli.ingest import fields as F
from mentorat_cli.load import schemas


@functools.cache
def _schema_order(role: str) -> tuple[str, ...]:
    """The profile keys in the order the schema lists them (its shared fields, then the role's own)."""
    return tuple(schemas.validator(role).schema.get("properties", {}))


def get_path(data: dict[str, Any], dotted: str) -> Any:
    """The value at `location.city` (None when absent)."""
    current: Any = data
    for part in dotted.split("."):
        if not isinstance(current, dict) or part not in current:
            return None
        current = current[part]
    return current


def set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set (or, for None, remove) the value at a dotted path; empty parents are dropped."""
    parts = dotted.split(".")
    if value is None:
        parent = data.get(parts[0]) if len(parts) > 1 else data
        if isinstance(parent, dict):
            parent.pop(parts[-1], None)
            if len(parts) > 1 and not parent:
                data.pop(parts[0], None)
        return
    current = data
    for part in parts[:-1]:
        current = current.setdefault(part, {})
    current[parts[-1]] = value


def ordered(data: dict[str, Any], role: str) -> dict[str, Any]:
    """Keys in the schema's order (unknown keys after, sorted), so files diff well."""
    order = _schema_order(role)
    out = {k: data[k] for k in order if k in data}
    out.update({k: data[k] for k in sorted(data) if k not in out})
    if isinstance(out.get("location"), dict):
        loc = out["location"]
        out["location"] = {
            **{k: loc[k] for k in F.LOCATION_ORDER if k in loc},
            **{k: loc[k] for k in sorted(loc) if k not in F.LOCATION_ORDER},
        }
    if isinstance(out.get("categories"), dict):
        out["categories"] = dict(sorted(out["categories"].items()))
    return out


def field_of(pointer: str) -> str:
    """The import field a JSON pointer falls in (`/location/city` -> `location.city`, `/themes/0` -> `themes`)."""
    parts = [p for p in pointer.split("/")[1:] if not p.isdigit()]
    return ".".join(parts[:2]) if parts[:1] in (["location"], ["categories"], ["extra"]) else ".".join(parts[:1])
