"""The console script's entry point: answer --version at once, else run the typer app.

Kept free of heavy imports: `mentorat --version` must answer about as fast as
Python starts (the app, typer and the commands load only when needed). The
language of the run is chosen here (i18n, standard library only) and every line
printed goes through the terminal-safe stream (safetext).
"""

from __future__ import annotations

import sys

from mentorat_cli import __version__

# Global options that may come before --version (their values are not checked then, as before).
_GLOBAL_WITH_VALUE = ("--root", "--today")
_GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose", "--no-cache")
# Commands with their own --lang (the documents' language); elsewhere --lang is the global option.
_OWN_LANG = ("init", "templates")


def _command_name(argv: list[str]) -> str:
    """The first argument that is neither an option nor a global option's value."""
    index = 0
    while index < len(argv):
        if argv[index] in (*_GLOBAL_WITH_VALUE, "--lang"):
            index += 2
            continue
        if not argv[index].startswith("-"):
            return argv[index]
        index += 1
    return ""


def asks_version(argv: list[str]) -> bool:
    """True when --version comes before any command (it wins over everything else, as typer's eager option)."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--version":
            return True
        if arg in (*_GLOBAL_WITH_VALUE, "--lang"):
            index += 2
            continue
        if arg in _GLOBAL_FLAGS or arg.split("=", 1)[0] in (*_GLOBAL_WITH_VALUE, "--lang"):
            index += 1
            continue
        return False
    return False


def hoist_global_options(argv: list[str]) -> list[str]:
    """Accept global options after the command too (`mentorat validate --root X`), as people type them."""
    front: list[str] = []
    rest: list[str] = []
    command = _command_name(argv)
    with_value = _GLOBAL_WITH_VALUE if command in _OWN_LANG else (*_GLOBAL_WITH_VALUE, "--lang")
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest += argv[index:]
            break
        if arg in _GLOBAL_FLAGS:
            front.append(arg)
        elif arg in with_value and index + 1 < len(argv):
            front += [arg, argv[index + 1]]
            index += 1
        elif arg.split("=", 1)[0] in with_value:
            front.append(arg)
        else:
            rest.append(arg)
        index += 1
    return front + rest


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `mentorat` console script."""
    argv = hoist_global_options(sys.argv[1:] if argv is None else list(argv))
    if asks_version(argv):
        sys.stdout.write(f"mentorat {__version__}\n")
        sys.exit(0)
    from mentorat_cli.core import i18n  # after --version, which needs no language (gettext, pathlib: a third of its time)

    i18n.setup(argv)  # before parsing: help texts, messages and usage errors speak the run's language
    from mentorat_cli.cli.app import run
    from mentorat_cli.core.safetext import TerminalStream

    # Every line printed goes through here: control characters from the data never reach the terminal.
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(saved[0]), TerminalStream(saved[1])  # type: ignore[assignment]
    try:
        code = run(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = saved
    sys.exit(code)
