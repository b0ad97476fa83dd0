"""Words the documents use, in the programme's language (fr default, en available).

Sentences live in the templates; this module holds only the short labels
that code needs to fill in (kinds of meeting, channels, formats). Dates, numbers and
durations come from the one formatter, core/formatting.py.
"""

from __future__ import annotations

import unicodedata

from mentorat_cli.core.formatting import number

MEETING_KINDS = {
    "fr": {"first": "Premier rendez-vous", "regular": "Rendez-vous", "review": "Bilan intermédiaire", "final": "Rendez-vous de clôture"},
    "en": {"first": "First meeting", "regular": "Meeting", "review": "Intermediate review", "final": "Closing meeting"},
}

CHANNELS = {
    "fr": {"phone": "téléphone", "mail": "courriel", "visio": "visioconférence", "in_person": "en personne"},
    "en": {"phone": "phone", "mail": "e-mail", "visio": "video call", "in_person": "in person"},
}

FORMATS = {
    "fr": {"remote": "à distance", "in_person": "en présentiel", "hybrid": "à distance ou en présentiel"},
    "en": {"remote": "remote", "in_person": "in person", "hybrid": "remote or in person"},
}

PAIR_STATUSES = {
    "fr": {"proposed": "proposé", "confirmed": "confirmé", "ended": "terminé"},
    "en": {"proposed": "proposed", "confirmed": "confirmed", "ended": "ended"},
}

PAIR_NAMES = {"fr": "{mentee} et {mentor}", "en": "{mentee} and {mentor}"}

CALENDAR = {
    "fr": {
        "summary": "Mentorat – {kind} ({number}/{total}) : {mentee} et {mentor}",
        "description": "{programme}. Rendez-vous prévu par le calendrier du binôme ; la date exacte se fixe entre vous.",
    },
    "en": {
        "summary": "Mentoring – {kind} ({number}/{total}): {mentee} and {mentor}",
        "description": "{programme}. Meeting planned by the pair's schedule; agree the exact date between you.",
    },
}


def lang_of(config: dict[str, object]) -> str:
    """The documents' language: the programme's, when we have words for it; else French."""
    lang = config.get("language", "fr")
    return lang if isinstance(lang, str) and lang in MEETING_KINDS else "fr"


def frequency(per_month: float, lang: str) -> str:
    """How often a pair meets, in words: `une fois par mois`, `twice a month`, `once every 2 months`."""
    if per_month < 1 and (1 / per_month).is_integer():
        months = int(1 / per_month)
        return f"une fois tous les {months} mois" if lang == "fr" else f"once every {months} months"
    if per_month == 1:
        return "une fois par mois" if lang == "fr" else "once a month"
    if per_month == 2 and lang == "en":
        return "twice a month"
    shown = number(per_month, lang)
    return f"{shown} fois par mois" if lang == "fr" else f"{shown} times a month"


# French elides "de" and "que" before a vowel or a mute h: "d'Adam", "qu'Aïcha", "d'Hélène".
_ELIDING = frozenset("aeiouyh")


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()  # "É" -> "e"


def _elides(name: str) -> bool:
    """True when `name` starts with a vowel sound: a vowel, h, or y before a consonant ("d'Yves", "de Yanis")."""
    stripped = name.lstrip()
    if not stripped:
        return False
    first = _base(stripped[0])
    if first == "y":
        # Y before a vowel is a consonant sound: "de Yanis", "que Yasmine".
        return len(stripped) > 1 and _base(stripped[1]) not in _ELIDING
    return first in _ELIDING


def de(name: object) -> str:
    """French "de" before a name: "de Paul", "d'Adam" (a Jinja filter: `{{ mentee.first_name | de }}`)."""
    shown = "" if name is None else str(name)
    return f"d'{shown.lstrip()}" if _elides(shown) else f"de {shown}"


def que(name: object) -> str:
    """French "que" before a name: "que Paul", "qu'Aïcha" (a Jinja filter: `{{ mentee.first_name | que }}`)."""
    shown = "" if name is None else str(name)
    return f"qu'{shown.lstrip()}" if _elides(shown) else f"que {shown}"
