"""A linter for the French slips a new user found in printed documents (helpers only, no tests here)."""

from __future__ import annotations

import re

_VOWEL = "AEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜ"
_RULES = [
    # The organiser inserted without its article: « organisé par Institut… ».
    ("article", re.compile(r"\b(?:organisée?s?|proposée?s?|menée?s?) par (?!l'|le |la |les |un |une |des )[A-ZÀ-Ý]")),
    # No elision before a capitalised vowel (« de Adam »), elision before Y + vowel (« d'Yanis »).
    ("elision", re.compile(rf"\b(?:[Dd]e|[Qq]ue|[Ll]e|[Ll]a) [{_VOWEL}]")),
    ("elision", re.compile(r"\b(?:[Dd]|[Qq]u)'Y[aeiouyàâéèêëîïôöùûü]")),
    ("elision", re.compile(r"\b(?:[Dd]e|[Qq]ue) Y[^aeiouyàâéèêëîïôöùûü\W]")),
    ("nbsp-literal", re.compile(r"&nbsp;|&#160;")),
]
# Role nouns that are only masculine: wrong about a person whose gender is not recorded.
_MASCULINE = re.compile(r"\b(?:[Ll]e|[Dd]u|[Aa]u) (?:mentoré|jeune accompagné|filleul|mentor)\b|\bJeune accompagné\b")


def slips(text: str, gender_known: bool = False) -> list[tuple[str, str]]:
    """(rule, line) for every line of French that holds a slip."""
    found = []
    for line in text.splitlines():
        for rule, pattern in _RULES:
            if pattern.search(line):
                found.append((rule, line))
        if not gender_known and _MASCULINE.search(line):
            found.append(("masculine-role", line))
    return found
