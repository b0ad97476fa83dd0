"""Pseudonymised exports keep no quasi-identifier that names a person, and check k-anonymity.

A job title, a unit, an organisation, a city and a postcode together can
name one person even without a name ("Directrice adjointe, CAF de la
Seine-Saint-Denis, 93200"). A pseudonymised export drops the job, the unit,
the organisation and the city, gives the département instead of the
postcode and months instead of dates; then `kanon` generalises experience,
place, sector and public until every combination of the columns an outsider
could know is shared by at least the programme's `privacy.min_group_size`
people, and withholds those of the few rows still rare.
"""

from __future__ import annotations

from typing import Any

from mentorat_cli.core import i18n
from mentorat_cli.core.messages import text
from mentorat_cli.pair import geo
from mentorat_cli.privacy import kanon

DROPPED = ("organisation", "unit", "job", "city", "postcode")


def generalise(row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """One person's row without direct quasi-identifiers: département for the postcode, months for dates."""
    out = {k: v for k, v in row.items() if k not in DROPPED}
    out["departement"] = geo.place(data.get("location")) or ""
    for field in ("registered_on", "left_on"):
        if out.get(field):
            out[field] = str(out[field])[:7]  # the month is enough for any evaluation
    return out


def anonymise(rows: list[dict[str, Any]], datas: list[dict[str, Any]], k: int, lang: str) -> kanon.Result:
    """The rows (already through `generalise`) made k-anonymous: see kanon."""
    return kanon.anonymise(rows, datas, k, lang)


def columns(people_columns: list[str], levels: dict[str, int]) -> list[str]:
    """The pseudonymised people table's columns: direct quasi-identifiers dropped, the others at their level."""
    return kanon.columns([c for c in people_columns if c not in DROPPED], levels)


_STEPS = {
    "experience": ("", "export-gen-experience", "export-gen-experience", "export-gen-experience-out"),
    "place": ("", "export-gen-region", "export-gen-area", "export-gen-place-out"),
    "sector": ("", "export-gen-sector-out"),
    "public": ("", "export-gen-public-out"),
}
_LOWS = {1: (0, 10, 20), 2: (0, 10)}


def describe(result: kanon.Result, k: int, lang: str) -> str:
    """What was generalised or withheld, in one sentence ('' when the table needed nothing beyond the defaults)."""
    steps = []
    for quasi, level in result.levels.items():
        key = _STEPS[quasi][level]
        if key:
            bands = ", ".join(kanon.band(low, _LOWS.get(level, (0,)), lang) for low in _LOWS.get(level, ()))
            steps.append(text(key, bands=bands))
    if result.withheld:
        steps.append(text("export-gen-withheld", count=result.withheld, word=kanon.WITHHELD[lang]))
    separator = " ; " if i18n.language() == "fr" else "; "  # French puts a space before the semicolon
    return text("export-generalised", k=k, steps=separator.join(steps)) if steps else ""
