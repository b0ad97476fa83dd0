"""A starter mapping for `survey import --template`: every header of the export, with a guess where one is safe."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core import kinds
from mentorat_cli.ingest.fields import fold
from mentorat_cli.load import yamlio

# Words that give a column away, checked in this order (folded: lower case, no accents).
_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("consent_quote", ("cite", "citation", "citer", "quote", "quoted")),
    ("email", ("mail", "courriel")),
    ("would_recommend", ("recommand", "recommend")),
    ("wants_to_continue", ("poursuivre", "continuer", "keep in touch", "continue")),
    ("satisfaction", ("satisf",)),
    ("comment", ("commentaire", "comment", "remarque")),
    ("submitted_on", ("horodat", "timestamp", "date")),
    ("pair", ("binome", "pair id")),
    ("role", ("vous etes", "you are", "role")),
)

INTRO = [
    "# Mapping for `mentorat survey import`: each column header of the export -> the answer it holds.",
    "# Fields: email (or pair + role), submitted_on, satisfaction, objectives.<theme id>, would_recommend,",
    "# wants_to_continue, consent_quote, comment. Leave `null` for a column to ignore.",
    "# Answer labels are read in French or English; add your form's own labels under `values`, e.g.",
    '#   values: {satisfaction: {"Excellent": very_satisfied}, reached: {"Tout à fait": "yes"}}',
]


def _theme_for(folded: str, config: dict[str, Any]) -> str | None:
    for theme in config["themes"]:
        names = {fold(theme["id"].replace("-", " ")), fold(str(theme["label"]))}
        names |= {fold(label) for label in kinds.THEMES.get(theme["id"], {}).values()}
        # Form tools write grid questions as "Question [Row label]".
        if any(f" {name} " in f" {folded} " for name in names if name):
            return f"objectives.{theme['id']}"
    return None


def guess(header: str, config: dict[str, Any]) -> str | None:
    """The survey field a header most likely holds, or None when unsure."""
    folded = fold(header)
    theme = _theme_for(folded, config)
    if theme is not None:
        return theme
    for field, words in _HINTS:
        if any(word in folded for word in words):
            return field
    return None


def template(headers: list[str], config: dict[str, Any]) -> str:
    """The mapping file's text: one line per header, guessed fields filled in, the others null."""
    lines = [*INTRO, "columns:"]
    taken: set[str] = set()
    for header in headers:
        field = guess(header, config)
        if field in taken:
            field = None  # two columns cannot fill one field: let the coordinator choose
        if field is not None:
            taken.add(field)
        quoted = yamlio.dump([header]).strip()[2:]
        lines.append(f"  {quoted}: {field or 'null'}")
    return "\n".join(lines) + "\n"
