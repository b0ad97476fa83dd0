"""Pseudonymised exports keep no quasi-identifier that names a person, and check k-anonymity.

A job title, a unit, an organisation, a city and a postcode together can
name one person even without a name ("Directrice adjointe, CAF de la
Seine-Saint-Denis, 93200"). A pseudonymised export drops the job, the unit,
the organisation and the city, gives the département instead of the
postcode, bands of experience instead of years and months instead of dates;
then every combination of the columns an outsider could know must be shared
by at least the programme's `privacy.min_group_size` people.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mentorat_cli.pair import geo

DROPPED = ("organisation", "unit", "job", "city", "postcode")
# What someone outside the programme may know about a person: the k-anonymity check runs on these.
QUASI_IDENTIFIERS = ("role", "public", "sector", "experience_years", "departement", "cohort")
_BANDS = ((0, 4), (5, 9), (10, 19), (20, 29), (30, 60))
_BAND_WORDS = {"fr": "{low} à {high} ans", "en": "{low} to {high} years"}


def columns(people_columns: list[str]) -> list[str]:
    """The pseudonymised people table's columns: the quasi-identifiers dropped, the département added."""
    kept = [c for c in people_columns if c not in DROPPED]
    kept.insert(kept.index("capacity") + 1, "departement")
    return kept


def experience_band(years: Any, lang: str) -> str:
    """Years of experience as a band: 7 -> '5 à 9 ans' (never a bare number an outsider could match)."""
    if not isinstance(years, int) or isinstance(years, bool):
        return ""
    low, high = next(((lo, hi) for lo, hi in _BANDS if lo <= years <= hi), _BANDS[-1])
    return _BAND_WORDS[lang].format(low=low, high=high)


def generalise(row: dict[str, Any], data: dict[str, Any], lang: str) -> dict[str, Any]:
    """One person's row with its quasi-identifiers generalised."""
    out = {k: v for k, v in row.items() if k not in DROPPED}
    out["departement"] = geo.place(data.get("location")) or ""
    out["experience_years"] = experience_band(data.get("experience_years"), lang)
    for field in ("registered_on", "left_on"):
        if out.get(field):
            out[field] = str(out[field])[:7]  # the month is enough for any evaluation
    return out


def small_groups(rows: list[dict[str, Any]], minimum: int) -> list[int]:
    """The data rows (1-based) whose quasi-identifiers are shared by fewer than `minimum` rows."""

    def key(row: dict[str, Any]) -> tuple[str, ...]:
        return tuple(str(row.get(c) or "") for c in QUASI_IDENTIFIERS)

    sizes = Counter(key(row) for row in rows)
    return [index for index, row in enumerate(rows, start=1) if sizes[key(row)] < minimum]
