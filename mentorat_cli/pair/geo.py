"""Where people are: French postcodes and cities to coordinates, and distances between them.

The bundled table (departements.csv) holds one point per département, its
prefecture: a postcode resolves to its département, so two places in the
same département are 0 km apart. That precision (tens of kilometres) is
enough to rank mentors by proximity and to apply a programme's maximum
distance, which is what pairing needs; it is said in the evidence.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy loads with the first distance: commands that never measure one do not pay for it
    import numpy as np

EARTH_RADIUS_KM = 6371.0
_TABLE = Path(__file__).with_name("departements.csv")


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """(département code -> (lat, lon), normalised city name -> département code)."""
    by_code: dict[str, tuple[float, float]] = {}
    by_city: dict[str, str] = {}
    with _TABLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_code[row["code"]] = (float(row["lat"]), float(row["lon"]))
            by_city[_normal(row["city"])] = row["code"]
    return by_code, by_city


def _normal(name: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces: 'Saint-Étienne' == 'saint etienne'."""
    flat = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(flat.replace("-", " ").replace("'", " ").split())


def departement(postcode: str) -> str | None:
    """The département code of a French postcode ('20000' -> '2A', '97400' -> '974'), or None."""
    code = postcode.replace(" ", "")
    if len(code) != 5 or not code.isdigit():
        return None
    if code.startswith("97"):
        return code[:3]
    if code.startswith("20"):
        # Corsica: 200xx-201xx are Corse-du-Sud, 202xx-206xx Haute-Corse.
        return "2A" if int(code[2]) < 2 else "2B"
    return code[:2]


def place(location: dict[str, Any] | None) -> str | None:
    """The département a location falls in (by postcode, else by prefecture name), or None if unknown."""
    if not location or location.get("country", "FR") != "FR":
        return None
    by_code, by_city = _table()
    if location.get("postcode"):
        dept = departement(str(location["postcode"]))
        if dept in by_code:
            return dept
    if location.get("city"):
        return by_city.get(_normal(str(location["city"])))
    return None


def coordinates(dept: str) -> tuple[float, float]:
    """Latitude and longitude of a département's reference point."""
    return _table()[0][dept]


def haversine_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle distance in km (works on floats and on numpy arrays alike)."""
    import numpy as np

    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def distance_matrix(places: list[str]) -> np.ndarray:
    """Distances in km between every two of these départements, rounded to 0.1 km."""
    import numpy as np

    if not places:
        return np.zeros((0, 0))
    lat = np.array([coordinates(p)[0] for p in places])
    lon = np.array([coordinates(p)[1] for p in places])
    km = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    # Rounding makes every caller agree to the bit, whatever SIMD path numpy took.
    return np.round(np.asarray(km, dtype=np.float64), 1)


@functools.lru_cache(maxsize=1)
def table_matrix() -> tuple[dict[str, int], np.ndarray]:
    """(département code -> index, distance matrix over every département): one source for all callers."""

    codes = all_codes()
    return {code: i for i, code in enumerate(codes)}, distance_matrix(codes)


def distance_km(loc_a: dict[str, Any] | None, loc_b: dict[str, Any] | None) -> float | None:
    """Distance in km between two locations, None when either is missing or unknown."""
    a, b = place(loc_a), place(loc_b)
    if a is None or b is None:
        return None
    index, km = table_matrix()
    return float(km[index[a], index[b]])


def all_codes() -> list[str]:
    """Every département code of the bundled table, sorted."""
    return sorted(_table()[0])
