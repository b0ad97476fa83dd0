"""Help screens in the language of the run, with clean argument names and examples.

No command module is edited for this: `MentoratGroup` (the app's click group, in
mentorat_cli.cli.group) registers the commands lazily and prepares each one here
when click asks for it (`get_command`, which typer's help and dispatch both use).
Every help text is a gettext msgid (the English text as written in the command
module); `python -m mentorat_cli.tools.i18n_tools extract` collects them from the same tree.

`mentorat --help` is click's plain help (no rich: it must answer without heavy
imports), so its fixed words (Options, Commands...) go through PLAIN_STRINGS;
the commands' own help screens are typer's rich panels (TYPER_STRINGS).
"""

from __future__ import annotations

from typing import Any

import typer.core
from typer._click.core import Command
from typer.core import TyperArgument, TyperOption

# Help is wrapped by Rich, which breaks lines at any space, no-break ones too: help keeps the catalogue's
# plain spaces (a sign never starts a line then), the no-break ones are for messages printed line by line.
from mentorat_cli.core.i18n import gettext_plain as gettext
from mentorat_cli.core.i18n import language

# One or two examples per command (command lines are the same in every language).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "mentorat": ("mentorat validate", "mentorat --lang en status"),
    "init": ("mentorat init mon-programme --kind ministry", "mentorat init my-programme --kind company --lang en"),
    "validate": ("mentorat validate", "mentorat validate --format json > problemes.json"),
    "schemas": ("mentorat schemas",),
    "pair": ("mentorat pair --dry-run", "mentorat pair --explain lea-martin --why-not paul-durand"),
    "scores": ("mentorat scores --format csv > scores.csv",),
    "confirm": ("mentorat confirm", "mentorat confirm lea-martin--paul-lambert"),
    "rematch": ('mentorat rematch lea-martin--paul-lambert --reason "déménagement"',),
    "charter": ("mentorat charter lea-martin--paul-lambert", "mentorat charter --all"),
    "sheet": ("mentorat sheet lea-martin--paul-lambert", "mentorat sheet --all"),
    "calendar": ("mentorat calendar --all",),
    "sign": ("mentorat sign lea-martin--paul-lambert --mentor 2026-10-02 --mentee 2026-10-03",),
    "contact": ("mentorat contact lea-martin--paul-lambert --channel téléphone",),
    "status": ("mentorat status", "mentorat status --format json"),
    "report": ("mentorat report", "mentorat report --format html"),
    "audit": ("mentorat audit",),
    "import": ("mentorat import inscriptions.csv --dry-run",),
    "export": ("mentorat export people --format xlsx -o personnes.xlsx",),
    "forget": ("mentorat forget lea-martin --dry-run", "mentorat forget --expired --dry-run"),
    "templates": ("mentorat templates list",),
    "note": ("mentorat note new lea-martin--paul-lambert --kind regular", "mentorat note list"),
    "survey": ("mentorat survey blank --role mentee", "mentorat survey import reponses.csv --dry-run"),
    "accept": ("mentorat accept marie-dupont", "mentorat accept --all --role mentee"),
    "decline": (
        'mentorat decline marie-dupont --reason "places complètes cette année"',
        'mentorat decline marie-dupont --waiting --reason "liste d\'attente"',
    ),
    "mail": ("mentorat mail intro --all", "mentorat mail reminder --all"),
    "person": ("mentorat person show lea-martin",),
}

# Strings typer prints around our texts (panel titles, default and required marks).
TYPER_STRINGS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "DEFAULT_STRING": "[default: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
# Words click's plain help prints (typer.core's gettext calls): for `mentorat --help`.
PLAIN_STRINGS = ("Arguments", "Options", "Commands", "default: {default}", "required")
HEADING = "{heading}:"  # a section of the plain help: `Options:`
EXAMPLES_HEADING = "Examples:"
USAGE_PREFIX = "Usage: "
OPTIONS_METAVAR = "[OPTIONS]"
SUBCOMMAND_METAVAR = "COMMAND [ARGS]..."
METAVARS = {"text": "TEXT", "path": "PATH", "number": "N", "date": "YYYY-MM-DD"}


def _metavar(param: Any, ctx: Any) -> str | None:
    """What the help shows after an option: nothing for a flag, `fr|en` for a choice, TEXT, PATH, N."""
    argument = type(param).__name__ == "TyperArgument"
    if getattr(param, "metavar", None) is not None:
        return None if argument else str(param.metavar)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    desc = getattr(param, "type_descriptor", None)
    if desc is None:
        return None
    many = "..." if getattr(desc, "is_list", False) or getattr(param, "multiple", False) else ""
    if desc.is_choice and desc.choices:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices) + many
    if desc.is_path and not argument:
        return gettext(METAVARS["path"]) + many
    kind = getattr(desc, "annotation", str)
    if kind in (int, float):
        return METAVARS["number"] + many
    if kind is bool:
        return None
    if argument:
        return None  # the argument's name column already says what it is
    return gettext(METAVARS["text"]) + many


def _examples(name: str, rich: bool) -> str:
    lines = EXAMPLES.get(name)
    if not lines:
        return ""
    body = "\n".join(f"  {line}" for line in lines)
    if rich and ("[" in body or body.endswith("\\")):
        # Rich markup is escaped so that [..] in an example stays visible (plain help shows text as is).
        # Without a bracket or a final backslash there is nothing to escape: rich, slow to import, stays
        # unloaded when a command runs rather than shows its help.
        from rich.markup import escape

        body = escape(body)
    # \b keeps the line breaks.
    return f"\n\n\b\n{gettext(EXAMPLES_HEADING)}\n{body}"


def uses_rich(command: Any) -> bool:
    """Whether typer prints this command's help with rich panels (the root group's is plain)."""
    return getattr(command, "rich_markup_mode", None) is not None


def _placeholder(param: Any) -> str | None:
    """An argument's name as usage shows it: upper case (`WHAT`), like options' placeholders."""
    if param.metavar is None and type(param).__name__ == "TyperArgument" and param.name:
        return str(param.name).upper()
    return getattr(param, "metavar", None)


def prepare(command: Any, name: str | None = None) -> None:
    """Put a command's help, short help and option helps in the language of the run (idempotent)."""
    lang = language()
    if getattr(command, "_mentorat_lang", None) == lang:
        return
    source = getattr(command, "_mentorat_source", None)
    if source is None:
        source = (command.help, command.short_help, [getattr(p, "help", None) for p in command.params])
        command._mentorat_source = source
        command._mentorat_metavars = [_placeholder(p) for p in command.params]
    help_text, short_help, param_helps = source
    for param, metavar in zip(command.params, command._mentorat_metavars, strict=True):
        if metavar:
            param.metavar = gettext(metavar)  # PAIR -> BINÔME, YYYY-MM-DD -> AAAA-MM-JJ
    command.options_metavar = gettext(OPTIONS_METAVAR)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = gettext(SUBCOMMAND_METAVAR)
    key = name or command.name or ""
    if help_text:
        command.help = gettext(help_text) + _examples(key, uses_rich(command))
        if short_help is None:
            # The commands panel shows the first paragraph only, without the examples.
            command.short_help = gettext(help_text).split("\n\n", 1)[0]
    if short_help:
        command.short_help = gettext(short_help)
    for param, original in zip(command.params, param_helps, strict=True):
        if original:
            param.help = gettext(original)
    if not getattr(command, "_mentorat_wrapped", False):
        _translate_frame_when_printed(command)
    command._mentorat_lang = lang


def _translate_frame_when_printed(command: Any) -> None:
    original = command.format_help

    def format_help(ctx: Any, formatter: Any) -> None:
        translate_typer_strings(rich=uses_rich(command))
        original(ctx, formatter)

    command.format_help = format_help
    command._mentorat_wrapped = True


def translate_typer_strings(rich: bool = True) -> None:
    """Typer's own panel titles and marks, in the language of the run (only when help is printed)."""
    from typer._click import formatting

    if rich:  # rich_utils imports rich: only for the help screens that use it
        from typer import rich_utils

        for attribute, english in TYPER_STRINGS.items():
            setattr(rich_utils, attribute, gettext(english))
    if not hasattr(formatting.HelpFormatter, "_mentorat_usage"):
        write_usage = formatting.HelpFormatter.write_usage

        def translated_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            write_usage(self, prog, args, gettext(USAGE_PREFIX) if prefix is None else prefix)

        def translated_heading(self: Any, heading: str) -> None:
            # French puts a space before the colon (`Options :`): the heading's form is a msgid too.
            self.write(f"{'':>{self.current_indent}}{gettext(HEADING).format(heading=heading)}\n")

        formatting.HelpFormatter.write_usage = translated_usage  # type: ignore[method-assign]
        formatting.HelpFormatter.write_heading = translated_heading  # type: ignore[method-assign]
        formatting.HelpFormatter._mentorat_usage = True  # type: ignore[attr-defined]


def prepare_fetched(command: Any, cmd_name: str) -> None:
    """Prepare a command the root group hands to click, and a sub-group's commands with it."""
    prepare(command, cmd_name)
    for sub_name, sub in getattr(command, "commands", {}).items():  # note, survey, person, templates
        prepare(sub, f"{command.name} {sub_name}")


def _plain_gettext(message: str) -> str:
    """typer's gettext for the plain help: our translation of its few fixed words, else as is."""
    return gettext(message) if message in PLAIN_STRINGS else _typer_gettext(message)


def walk(command: Any, name: str = "mentorat") -> list[tuple[str, Any]]:
    """(name, command) for the whole tree, for extraction and tests (loads every command module)."""
    found = [(name, command)]
    if not hasattr(command, "list_commands"):
        return found
    for sub_name in command.list_commands(None):
        sub = command.get_command(None, sub_name)
        if sub is not None:
            found += walk(sub, sub_name if name == "mentorat" else f"{name} {sub_name}")
    return found


def _usage_name(self: Any) -> str:
    """`PAIR` when required, `[PAIR]` when optional: the convention people know from other tools."""
    name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
    return name + ("..." if self.nargs != 1 else "")


def _usage_pieces(self: Any, ctx: Any) -> list[str]:
    """A hidden argument (an older form kept working) stays out of the usage line too."""
    return [] if getattr(self, "hidden", False) else [self._usage_display_name()]


_help_option = Command.get_help_option


def _translated_help_option(self: Any, ctx: Any) -> Any:
    option = _help_option(self, ctx)
    if option is not None:
        option.help = gettext(HELP_OPTION)
    return option


HELP_OPTION = "Show this message and exit."
# Typer-wide polish, set once at import (typer's own classes, so no command module changes):
TyperOption.display_type_rich = _metavar  # type: ignore[method-assign,assignment]
TyperArgument.display_type_rich = _metavar  # type: ignore[method-assign,assignment]
TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign]
TyperArgument.get_usage_pieces = _usage_pieces  # type: ignore[method-assign]
Command.get_help_option = _translated_help_option  # type: ignore[method-assign]
_typer_gettext = typer.core._
typer.core._ = _plain_gettext  # type: ignore[attr-defined]
