"""The command-line shell: parse options, call the core, print, exit.

Exit codes (documented in the README): 0 success, 1 problems found in the
programme's files, 2 usage error or nothing to work on, 3 internal error
(a bug: details are written to a log file), 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli import __version__, i18n
from mentorat_cli.commands import register
from mentorat_cli.commands.common import Env, Lang, print_error, print_problems
from mentorat_cli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, MentoratError, ProblemsFound
from mentorat_cli.helptext import MentoratGroup
from mentorat_cli.messages import text
from mentorat_cli.safetext import TerminalStream
from mentorat_cli.usage import show_usage_error
from mentorat_cli.vocabulary import normalise_token

app = typer.Typer(
    name="mentorat",
    cls=MentoratGroup,
    help="Run a mentoring programme from plain files in a git repository.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # token_normalize_func: values typed in people's words (téléphone, présentiel) match the choices' ids.
    context_settings={"help_option_names": ["-h", "--help"], "token_normalize_func": normalise_token},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mentorat {__version__}")
        raise typer.Exit(0)


@app.callback()
def _global(
    ctx: typer.Context,
    root: Optional[Path] = typer.Option(
        None, "--root", help="Programme folder (default: the nearest folder upward holding programme.yaml)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Print more detail (timings, files)."),
    today: Optional[str] = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="Date to work as of (default: today); makes reports reproducible."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    lang: Optional[Lang] = typer.Option(
        None, "--lang", help="Language of messages and help (default: the programme's, else MENTORAT_LANG or the locale)."),
) -> None:
    """Run a mentoring programme from plain files in a git repository."""
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        raise typer.BadParameter(text("today-invalid", value=today), param_hint="--today") from None
    ctx.obj = Env(root_option=root, quiet=quiet, verbose=verbose, today=day)


register(app)


def _crash_log() -> str:
    handle = tempfile.NamedTemporaryFile("w", prefix="mentorat-crash-", suffix=".log", delete=False)
    with handle:
        handle.write(f"mentorat {__version__}\nargv: {sys.argv!r}\n\n")
        # The traceback holds code locations only, never file contents.
        handle.write(traceback.format_exc())
    return handle.name


def _is_usage_error(exc: Exception) -> bool:
    # typer may bundle its own copy of click: recognise its errors by shape.
    return hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int)


_GLOBAL_WITH_VALUE = ("--root", "--today")
_GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose")
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
    i18n.setup(argv)
    # Every line printed goes through here: control characters from the data never reach the terminal.
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(saved[0]), TerminalStream(saved[1])  # type: ignore[assignment]
    try:
        _run(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = saved


def _run(argv: list[str]) -> None:
    try:
        code = app(args=argv, standalone_mode=False, prog_name="mentorat")
    except ProblemsFound as exc:
        print_problems(exc.problems, "text", stream=sys.stderr)
        print_error(exc.message, exc.hint)
        code = exc.exit_code
    except MentoratError as exc:
        print_error(exc.message, exc.hint)
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if _is_usage_error(exc):
            show_usage_error(exc)
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        if type(exc).__name__ == "Abort":
            print_error(text("interrupted"))
            sys.exit(EXIT_INTERRUPTED)
        print_error(text("internal-error", error=type(exc).__name__, log=_crash_log()))
        code = EXIT_INTERNAL
    if code == EXIT_INTERRUPTED:
        print_error(text("interrupted"))  # typer turns Ctrl-C into a silent exit 130
    sys.exit(code if isinstance(code, int) else 0)
