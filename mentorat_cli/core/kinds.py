"""Built-in vocabulary and the defaults each kind of programme starts from.

The figures come from real programmes (see the README): six months at one
meeting a month, renewable up to twelve; alumni mentors with ten more years
of experience and paid dues; company mentors two levels above; school
mentors who are civil servants and choose the access routes they help.
"""

from __future__ import annotations

import copy
from typing import Any

KINDS = ("school", "ministry", "company", "alumni", "youth")
LANGUAGES = ("fr", "en")

# Objective themes practitioners use (id -> label per language).
THEMES: dict[str, dict[str, str]] = {
    "career-orientation": {"fr": "Orientation professionnelle", "en": "Career orientation"},
    "interpersonal-relations": {"fr": "Relations interpersonnelles", "en": "Interpersonal relations"},
    "work-life-balance": {"fr": "Équilibre vie professionnelle et personnelle", "en": "Work-life balance"},
    "networking": {"fr": "Réseau professionnel", "en": "Networking"},
    "teamwork": {"fr": "Travail en équipe", "en": "Teamwork"},
    "professional-development": {"fr": "Développement professionnel", "en": "Professional development"},
    "self-confidence": {"fr": "Confiance en soi", "en": "Self-confidence"},
    "organisation": {"fr": "Organisation du travail", "en": "Work organisation"},
    "career-progression": {"fr": "Évolution de carrière", "en": "Career progression"},
}

# Publics per kind (for a school: the access routes to the civil service).
PUBLICS: dict[str, dict[str, dict[str, str]]] = {
    "school": {
        "external": {"fr": "Concours externe", "en": "External competition"},
        "talents": {"fr": "Concours externe, voie Talents", "en": "External competition, Talents track"},
        "internal": {"fr": "Concours interne", "en": "Internal competition"},
        "third": {"fr": "Troisième concours", "en": "Third competition"},
        "phd": {"fr": "Docteurs", "en": "PhD holders"},
    },
    "ministry": {
        "new-executive": {"fr": "Cadre supérieur nouvellement nommé", "en": "Newly appointed senior executive"},
        "first-management": {"fr": "Première fonction d'encadrement", "en": "First management post"},
        "mobility": {"fr": "Mobilité ou changement de ministère", "en": "Transfer between ministries"},
    },
    "company": {
        "junior": {"fr": "Jeune professionnel", "en": "Junior"},
        "new-hire": {"fr": "Nouvel arrivant", "en": "New hire"},
        "women-leadership": {"fr": "Femmes et leadership", "en": "Women in leadership"},
        "high-potential": {"fr": "Haut potentiel", "en": "High potential"},
    },
    "alumni": {
        "young-graduate": {"fr": "Jeune diplômé", "en": "Young graduate"},
        "career-change": {"fr": "Reconversion", "en": "Career change"},
        "student": {"fr": "Étudiant", "en": "Student"},
    },
    "youth": {
        "priority-neighbourhood": {"fr": "Quartier prioritaire de la ville", "en": "Priority urban neighbourhood"},
        "rural": {"fr": "Zone rurale", "en": "Rural area"},
        "student": {"fr": "Étudiant", "en": "Student"},
        "job-seeker": {"fr": "En recherche d'emploi", "en": "Job seeker"},
        "high-school": {"fr": "Lycéen", "en": "High-school pupil"},
    },
}

# Largest data file read (programme.yaml `limits.max_file_bytes`): a bigger one is refused before parsing.
MAX_FILE_BYTES = 1_048_576

_COMMON: dict[str, Any] = {
    "language": "fr",
    "duration_months": 6,
    "renewal": {"allowed": True, "max_months": 12},
    "cadence": {"meetings_per_month": 1, "minutes_per_meeting": 60},
    "format": "remote",
    "categories": [],
    "capacity": {"default": 1, "max": 1},
    "eligibility": {
        "no_hierarchical_link": True,
        "min_experience_gap_years": None,
        "min_level_gap": None,
        "require_membership": False,
        "mentor_civil_servant": False,
        "shared_language": True,
        "max_distance_km": None,
        "must": [],
    },
    # Each criterion's default weight per kind lives with the criterion (pair/criteria/<name>.py, `weights`);
    # `matching.weights` here holds only what programme.yaml sets.
    "matching": {"weights": {}, "distance_scale_km": 50},
    "follow_up": {"alert_after_days": 45, "review_after_meeting": 4, "min_meetings": 6},
    "retention": {"months_after_end": 12},
    "privacy": {"min_group_size": 5},
    "limits": {"max_file_bytes": MAX_FILE_BYTES},
}

_BY_KIND: dict[str, dict[str, Any]] = {
    "school": {
        "eligibility": {"mentor_civil_servant": True},
    },
    "ministry": {
        "eligibility": {"min_experience_gap_years": 5},
        "capacity": {"default": 1, "max": 2},
    },
    "company": {
        "eligibility": {"min_level_gap": 2},
        "capacity": {"default": 1, "max": 2},
    },
    "alumni": {
        "eligibility": {"min_experience_gap_years": 10, "require_membership": True},
    },
    "youth": {
        "format": "hybrid",
        "capacity": {"default": 1, "max": 3},
    },
}


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def defaults(kind: str) -> dict[str, Any]:
    """The defaults for a kind of programme (unknown kinds get the common defaults)."""
    return _merge(_COMMON, _BY_KIND.get(kind, {}))


def effective_config(raw: dict[str, Any]) -> dict[str, Any]:
    """programme.yaml merged over its kind's defaults, with themes and publics filled in."""
    kind = raw.get("kind", "school")
    config = _merge(defaults(kind if kind in KINDS else "school"), raw)
    lang = config.get("language", "fr")
    if not raw.get("themes"):
        config["themes"] = [{"id": tid} for tid in THEMES]
    if "publics" not in raw:
        config["publics"] = [{"id": pid} for pid in PUBLICS.get(kind, {})]
    config["themes"] = [_labelled(t, THEMES, lang) for t in config["themes"]]
    kind_publics = PUBLICS.get(kind, {})
    config["publics"] = [_labelled(p, kind_publics, lang) for p in config["publics"]]
    config.setdefault("charter", {}).setdefault("template", f"charter-{kind}")
    config.setdefault("coordinator", {})
    config.setdefault("cohort", {}).setdefault("id", str(config.get("cohort", {}).get("start", ""))[:4])
    return config


def _labelled(item: dict[str, Any], vocabulary: dict[str, dict[str, str]], lang: str) -> dict[str, Any]:
    label = item.get("label") or vocabulary.get(item["id"], {}).get(lang) or item["id"]
    return {"id": item["id"], "label": label}


def theme_label(config: dict[str, Any], theme_id: str) -> str:
    """The label of a theme in the programme's language (its id if unknown)."""
    for theme in config.get("themes", []):
        if theme["id"] == theme_id:
            return str(theme["label"])
    return theme_id


def public_label(config: dict[str, Any], public_id: str) -> str:
    """The label of a public in the programme's language (its id if unknown)."""
    for public in config.get("publics", []):
        if public["id"] == public_id:
            return str(public["label"])
    return public_id
