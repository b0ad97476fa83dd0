"""A small heuristic to catch a sentence in the wrong language in the CLI's output.

A line counts as English when it holds at least two distinct English function words that
French never uses, and as French when it holds two distinct French ones. Ids, paths, options
and e-mails are set aside first (`lea-martin--paul-lambert`, `pairs/x.yaml`, `--dry-run`).
"""

from __future__ import annotations

import re

ENGLISH = frozenset(
    """
the is are was were be been not with and of to for from this that these those which what when
there their its it's has have had will would should must cannot can't only each every any
nothing something written write wrote file files pair pairs mentee mentees meeting meetings
show print without already into than then but why how who where
""".split()
)

FRENCH = frozenset(
    """
le la les des du une est sont pas avec pour dans sans aucun aucune cette ces être été
fichier fichiers binôme binômes mentoré mentorés mentorée rencontre rencontres rien déjà
écrit écrire vérifiez lancez ajoutez corrigez indiquez qui que leur leurs sur ou où
""".split()
)

_NOISE = re.compile(
    r"(\S+\|\S+)"  # choices: people|pairs|meetings
    r"|(--?[\w-]+)"  # options
    r"|(\S+@\S+)"  # e-mails
    r"|([\w.-]*[/\\][\w./\\-]*)"  # paths
    r"|(\b[\w]+(?:[-_][\w]+)+\b)"  # ids and snake_case field names
    r"|(`[^`]*`)"  # commands quoted in messages
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def words(line: str) -> set[str]:
    """The lower-case words of a line, noise removed."""
    return {w.lower() for w in _WORD.findall(_NOISE.sub(" ", line))}


def english_lines(text: str) -> list[str]:
    """Lines that read as English sentences."""
    return [line for line in text.splitlines() if len(words(line) & ENGLISH) >= 2]


def french_lines(text: str) -> list[str]:
    """Lines that read as French sentences."""
    return [line for line in text.splitlines() if len(words(line) & FRENCH) >= 2]
