"""Every message the CLI prints, in one place so it can be translated.

Each area of the toolkit keeps its entries in its own module (so that the
areas can grow independently); this package merges them into one catalogue.
`PROBLEMS` maps a stable problem code to its severity, message and hint;
`TEXT` maps a key to a plain message template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mentorat_cli.core import labels
from mentorat_cli.core.i18n import gettext, language
from mentorat_cli.core.messages import core, data, declared, documents, output, outreach, pairing, report, safety, workflow
from mentorat_cli.core.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {}
TEXT: dict[str, str] = {}

for _area in (core, pairing, documents, report, data, outreach, workflow, output, safety, declared):
    for _code, _spec in _area.PROBLEMS.items():
        if _code in PROBLEMS:
            raise RuntimeError(f"problem code defined twice: {_code}")
        PROBLEMS[_code] = _spec
    for _key, _text in _area.TEXT.items():
        if _key in TEXT:
            raise RuntimeError(f"message key defined twice: {_key}")
        TEXT[_key] = _text


# "de {x}" and "que {x}" in a French message: the value decides "d'"/"qu'" (labels.de / labels.que).
_ELIDABLE = re.compile(r"\b(de|que) \{(\w+)\}")
_ELIDE = {"de": labels.de, "que": labels.que}


def fill(template: str, values: Mapping[str, object]) -> str:
    """`template` (already translated) with its placeholders filled; in French, "de"/"que" elide before a vowel.

    « 2 points de moins qu'elodie-marchand », « le mois d'avril », « la ligne 3 d'inscriptions.csv »:
    the word before a placeholder cannot know the value, so the whole "de {x}" is filled at once.
    """
    if language() != "fr" or "{" not in template:
        return template.format(**values)
    filled = dict(values)

    def elide(match: re.Match[str]) -> str:
        word, name = match.group(1), match.group(2)
        if name not in values:
            return match.group(0)  # let format() report the missing value as it always has
        slot = f"elided_{word}_{name}"
        filled[slot] = _ELIDE[word](values[name])
        return "{" + slot + "}"

    return _ELIDABLE.sub(elide, template).format(**filled)


def text(key: str, **values: object) -> str:
    """The message `key`, in the language of this run, with its placeholders filled."""
    return fill(gettext(TEXT[key]), values)


__all__ = ["PROBLEMS", "TEXT", "Spec", "fill", "gettext", "text"]
