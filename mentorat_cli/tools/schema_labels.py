"""The labels of every enum value in schemas/, generated from core/vocabulary.py so they cannot drift.

Each enum in a schema names its vocabulary (`"x-vocabulary": "channel"`, written once by hand);
this tool writes, just before the enum, `markdownEnumDescriptions` (one entry per value, in the
enum's order: `**téléphone** · *phone*`), which editors (VS Code's YAML and JSON support,
yaml-language-server) show next to each id on completion. The files keep the canonical ids;
the labels only document them.

The schemas are laid out by hand, so the tool edits their text (one line per enum) rather than
dumping JSON again: the rest of each file stays byte for byte.

    python -m mentorat_cli.tools.schema_labels          # rewrite schemas/*.schema.json
    python -m mentorat_cli.tools.schema_labels check    # list what is missing or stale; exit 1 if anything
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mentorat_cli.core import vocabulary

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
_STRING = r'"(?:[^"\\]|\\.)*"'
# `"x-vocabulary": "name", ` then perhaps an earlier `"markdownEnumDescriptions": [...], `, then the enum itself.
_ENUM = re.compile(
    rf'(?P<vocab>"x-vocabulary": (?P<name>{_STRING}), )?(?P<old>"markdownEnumDescriptions": \[(?:{_STRING}(?:, )?)*\], )?'
    rf'(?P<enum>"enum": (?P<values>\[(?:{_STRING}(?:, )?)*\]))'
)


def description(labels: dict[str, str]) -> str:
    """One value's entry: the French label in bold, the English one in italics (once when they agree)."""
    french, english = labels["fr"], labels["en"]
    return f"**{french}**" if french == english else f"**{french}** · *{english}*"


def _labelled(match: re.Match[str], problems: list[str], where: str) -> str:
    values = json.loads(match.group("values"))
    if match.group("name") is None:
        problems.append(f'{where}: enum {values} names no vocabulary ("x-vocabulary")')
        return match.group(0)
    name = json.loads(match.group("name"))
    try:
        table = vocabulary.labels(name)
    except KeyError:
        problems.append(f"{where}: x-vocabulary {name!r} is not in core/vocabulary.py")
        return match.group(0)
    # An enum may list the accepted words beside the ids: each is documented by its id's labels.
    ids = {v: v if v in table else vocabulary.canonical(name, v) for v in values}
    missing = [v for v in values if ids[v] not in table]
    if missing:
        problems.append(f"{where}: {name} has no labels for {missing}")
        return match.group(0)
    entries = json.dumps([description(table[ids[v]]) for v in values], ensure_ascii=False)
    return f'{match.group("vocab")}"markdownEnumDescriptions": {entries}, {match.group("enum")}'


def generated(text: str, where: str, problems: list[str]) -> str:
    """The schema's text with every enum's descriptions as the vocabulary gives them."""
    return _ENUM.sub(lambda m: _labelled(m, problems, where), text)


def run(write: bool) -> list[str]:
    """Problems and stale files (written afresh when `write`)."""
    problems: list[str] = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        text = path.read_text(encoding="utf-8")
        enums = len(re.findall(r'"enum":', text))
        if enums != len(_ENUM.findall(text)):
            problems.append(f"{path.name}: an enum this tool cannot read (write it on one line)")
        fresh = generated(text, path.name, problems)
        if fresh != text:
            if write:
                path.write_text(fresh, encoding="utf-8")
            else:
                problems.append(f"{path.name}: labels out of date (run python -m mentorat_cli.tools.schema_labels)")
    return problems


def main(argv: list[str]) -> int:
    problems = run(write=not argv or argv[0] != "check")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
