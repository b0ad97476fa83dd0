"""French wording an administration expects: the organiser's article, role nouns, typographic spaces.

Role nouns replace first names in the body of a charter (« la personne
mentorée », « la mentore », « le ou la mentor »); a person's grammatical form comes from the
optional `gender_form` field, and is epicene when it is not recorded.
"""

from __future__ import annotations

import re
from typing import Any

ARTICLES = ("l'", "le", "la", "les", "")

# (the, of): « la mentore » / « de la mentore »; « le mentor » / « du mentor ».
_FR_ROLES: dict[str, dict[str, tuple[str, str]]] = {
    "mentor": {
        "feminine": ("la mentore", "de la mentore"),
        "masculine": ("le mentor", "du mentor"),
        "epicene": ("le ou la mentor", "du ou de la mentor"),
    },
    "mentee": {
        "feminine": ("la mentorée", "de la mentorée"),
        "masculine": ("le mentoré", "du mentoré"),
        "epicene": ("la personne mentorée", "de la personne mentorée"),
    },
    "youth": {
        "feminine": ("la jeune accompagnée", "de la jeune accompagnée"),
        "masculine": ("le jeune accompagné", "du jeune accompagné"),
        "epicene": ("la personne accompagnée", "de la personne accompagnée"),
    },
    "student": {form: ("l'élève", "de l'élève") for form in ("feminine", "masculine", "epicene")},
}
_EN_ROLES = {
    "mentor": ("the mentor", "of the mentor"),
    "mentee": ("the mentee", "of the mentee"),
    "youth": ("the young person", "of the young person"),
    "student": ("the student", "of the student"),
}
_SIGNED = {"feminine": "soussignée", "masculine": "soussigné", "epicene": "soussigné(e)"}


def role(kind: str, form: str, lang: str) -> dict[str, str]:
    """A role noun in its forms: `the`, `The`, `of` and the `signed` participle (« soussignée »)."""
    form = form if form in _SIGNED else "epicene"
    the, of = _EN_ROLES[kind] if lang == "en" else _FR_ROLES[kind][form]
    return {"the": the, "The": the[:1].upper() + the[1:], "of": of, "signed": _SIGNED[form], "form": form}


def organiser(name: str, article: str | None, lang: str) -> dict[str, Any]:
    """The organiser with its article (« l'Institut… »), or `known: False` when the programme gave none."""
    if lang == "en" or article is None:
        return {"known": lang == "en", "the": name, "by": f"by {name}" if lang == "en" else ""}
    the = f"l'{name}" if article == "l'" else f"{article} {name}".strip()
    by = {"le": f"par le {name}", "les": f"par les {name}"}.get(article, f"par {the}")
    return {"known": True, "the": the, "by": by}


# French typography: a no-break space before ':' and inside « », a narrow one before ; ! ?
_BEFORE = re.compile(r"[ \u00a0\u202f]+([:;!?»])")
_AFTER = re.compile(r"«[ \u00a0\u202f]+")
_NARROW = {";", "!", "?"}
_TAG = re.compile(r"(<[^>]*>)")


def _nbsp_text(segment: str) -> str:
    segment = _BEFORE.sub(lambda m: ("\u202f" if m.group(1) in _NARROW else "\u00a0") + m.group(1), segment)
    return _AFTER.sub("«\u00a0", segment)


def french_spaces(html: str) -> str:
    """HTML whose text has no-break spaces where French typography wants them (tags are left alone)."""
    parts = _TAG.split(html)
    inside_style = False
    for index, part in enumerate(parts):
        if index % 2:
            lowered = part.lower()
            inside_style = lowered.startswith("<style") or (inside_style and not lowered.startswith("</style"))
            continue
        if not inside_style:
            parts[index] = _nbsp_text(part)
    return "".join(parts)


def css_string(value: str) -> str:
    """`value` as a CSS string literal that nothing can break out of (every non-alphanumeric is escaped)."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in value) + '"'
