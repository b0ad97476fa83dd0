"""Translators' tools: `python -m mentorat_cli.tools.i18n_tools extract|update|check|compile`.

- extract: write mentorat_cli/locale/mentorat.pot from every msgid: the message modules
  (TEXT, PROBLEMS messages and hints), the help texts of every command and option (walking the
  click tree), the help's fixed strings (helptext.py), and `gettext("...")` calls in the code.
- update: extract, then merge the template into every language's .po (new msgids come in
  untranslated; translations of msgids that disappeared are kept as obsolete entries).
- check: list the msgids a language lacks (exit 1 if any); tests run the same check.
- compile: write the .mo files (the wheel's build hook does this; handy in a source tree).
A new language is `mkdir -p mentorat_cli/locale/xx/LC_MESSAGES`, copy mentorat.pot there as
mentorat.po, translate, and add "xx" to i18n.LANGUAGES. Needs Babel (the `dev`/`test` extras).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from mentorat_cli.core import i18n

POT = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"
PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def msgids() -> dict[str, str]:
    """Every msgid -> where it comes from (the comment a translator sees)."""
    from mentorat_cli.cli import helptext
    from mentorat_cli.core.messages import PROBLEMS, TEXT

    found: dict[str, str] = {}
    for key, template in TEXT.items():
        found.setdefault(template, f"message {key}")
    for code, spec in PROBLEMS.items():
        found.setdefault(spec.message, f"problem {code}")
        if spec.hint:
            found.setdefault(spec.hint, f"problem {code} (hint)")
    from mentorat_cli.core.messages.fields import FIELDS, TABLE_WORDS

    for field, label in FIELDS.items():
        found.setdefault(label, f"field {field}")
    for word in TABLE_WORDS:
        found.setdefault(word, "pairing table word")
    from mentorat_cli.pair import criteria

    for criterion in criteria.BUILT_IN:  # a criterion's name heads its `scores` column and its `--explain` line
        found.setdefault(criterion.name, "pairing table word")
    from mentorat_cli.pair import eligibility, scoring

    for name in (*eligibility.RULE_ORDER, scoring.PREVIOUS):  # a rule's name in --explain, scores, confirm, validate
        found.setdefault(name, "eligibility rule")
    for where, message in audit_criteria():
        found.setdefault(message, where)
    for where, message in help_texts():
        found.setdefault(message, where)
    fixed = [
        *helptext.TYPER_STRINGS.values(),
        *helptext.PLAIN_STRINGS,
        helptext.HEADING,
        helptext.EXAMPLES_HEADING,
        helptext.USAGE_PREFIX,
        helptext.OPTIONS_METAVAR,
        helptext.SUBCOMMAND_METAVAR,
        helptext.HELP_OPTION,
        *helptext.METAVARS.values(),
    ]
    for message in fixed:
        found.setdefault(message, "help screen")
    for message, where in code_calls():
        found.setdefault(message, where)
    found.pop("", None)
    return found


def audit_criteria() -> list[tuple[str, str]]:
    """The bundled audit criteria's stage titles and criterion labels."""
    from mentorat_cli.load import yamlio
    from mentorat_cli.report.audit import bundled_path

    data, _issue = yamlio.load(bundled_path().read_text(encoding="utf-8"))
    found = []
    for stage in (data or {}).get("stages", []):
        found.append((f"audit stage {stage['id']}", str(stage["title"])))
        for item in stage.get("criteria", []):
            found.append((f"audit criterion {item['id']}", str(item["label"])))
    return found


def help_texts() -> list[tuple[str, str]]:
    """(where, English text) for the help of every command and option."""
    import typer

    from mentorat_cli.cli.app import app
    from mentorat_cli.cli.group import COMMANDS
    from mentorat_cli.cli.helptext import _placeholder, walk

    # The lines `mentorat --help` lists (from COMMANDS, without loading the commands).
    texts: list[tuple[str, str]] = [(f"help line of {name}", line) for name, (_module, line) in COMMANDS.items()]
    for name, command in walk(typer.main.get_command(app)):
        source = getattr(command, "_mentorat_source", None)
        help_text, short_help, param_helps = source or (
            command.help,
            command.short_help,
            [getattr(p, "help", None) for p in command.params],
        )
        for text_ in (help_text, short_help):
            if text_:
                texts.append((f"help of {name}", text_))
                texts.append((f"help of {name} (first paragraph)", text_.split("\n\n", 1)[0]))
        metavars = getattr(command, "_mentorat_metavars", None) or [_placeholder(p) for p in command.params]
        for param, text_, metavar in zip(command.params, param_helps, metavars, strict=True):
            if text_:
                texts.append((f"help of {name} {'/'.join(param.opts)}", text_))
            if metavar:
                texts.append((f"placeholder of {name} {'/'.join(param.opts)}", metavar))
    return texts


def code_calls() -> list[tuple[str, str]]:
    """`gettext("...")` literals in the package (strings that are not in a message module)."""
    from babel.messages.extract import extract_from_dir

    found = []
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), keywords={"gettext": None, "N_": None, "gettext_for": (1,)}, comment_tags=()
    ):
        if isinstance(message, str):
            found.append((message, f"{filename}:{lineno}"))
    return found


def extract() -> Path:
    """Write the .pot template."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="mentorat", domain=i18n.DOMAIN, charset="utf-8")
    for message, where in sorted(msgids().items(), key=lambda item: (item[1], item[0])):
        catalog.add(message, auto_comments=[where])
    POT.parent.mkdir(parents=True, exist_ok=True)
    with POT.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
    return POT


def update() -> list[Path]:
    """Extract, then merge the template into every .po."""
    from babel.messages.pofile import read_po, write_po

    extract()
    with POT.open("rb") as handle:
        template = read_po(handle)
    written = []
    for lang in i18n.LANGUAGES:
        po, _mo = i18n.catalogue_paths(lang)
        if lang == i18n.SOURCE or not po.is_file():
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        with po.open("wb") as handle:
            write_po(handle, catalog, width=100, include_previous=False)
        written.append(po)
    return written


def missing(lang: str) -> list[str]:
    """The msgids `lang`'s .po does not translate (empty or fuzzy entries count as missing)."""
    from babel.messages.pofile import read_po

    po, _mo = i18n.catalogue_paths(lang)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    done = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    return sorted(set(msgids()) - done)


def compile_all() -> list[Path]:
    """Write every language's .mo next to its .po."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(i18n.LOCALE_DIR.glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        with po.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)
        written.append(po.with_suffix(".mo"))
    return written


def main(argv: list[str]) -> int:
    """The command line of the tools."""
    action = argv[0] if argv else "check"
    if action == "extract":
        print(extract())
    elif action == "update":
        for path in update():
            print(path)
    elif action == "compile":
        for path in compile_all():
            print(path)
    elif action == "check":
        gaps = {lang: missing(lang) for lang in i18n.LANGUAGES if lang != i18n.SOURCE}
        for lang, messages in gaps.items():
            for message in messages:
                print(f"{lang}: {message!r}")
        return 1 if any(gaps.values()) else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
