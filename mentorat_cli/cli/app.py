"""The typer app: global options, the commands (loaded lazily), the top-level error handler.

Exit codes (documented in the README): 0 success, 1 problems found in the
programme's files, 2 usage error or nothing to work on, 3 internal error
(a bug: details are written to a log file), 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli import __version__
from mentorat_cli.cli.group import MentoratGroup
from mentorat_cli.core.choices import RunLang
from mentorat_cli.core.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, MentoratError, ProblemsFound
from mentorat_cli.core.vocabulary import normalise_token

app = typer.Typer(
    name="mentorat",
    # Registers commands lazily (COMMANDS) and translates each one's help when click fetches it.
    cls=MentoratGroup,
    help="Run a mentoring programme from plain files in a git repository.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help and errors: rich takes longer to import and render than the whole answer may (--help <= 0.2 s).
    rich_markup_mode=None,
    # token_normalize_func: values typed in people's words (téléphone, présentiel) match the choices' ids.
    context_settings={"help_option_names": ["-h", "--help"], "token_normalize_func": normalise_token},
)


def text(key: str, **values: object) -> str:
    """A message in the run's language (the message tables load with the first: --help never needs one)."""
    from mentorat_cli.core.messages import text as message

    return message(key, **values)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mentorat {__version__}")
        raise typer.Exit(0)


@app.callback()
def _global(
    ctx: typer.Context,
    root: Optional[Path] = typer.Option(
        None, "--root", help="Programme folder (default: the nearest folder upward holding programme.yaml)."
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Print more detail (timings, files)."),
    today: Optional[str] = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="Date to work as of (default: today); makes reports reproducible."
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file again instead of using .mentorat/cache/ (the results are the same)."
    ),
    lang: Optional[RunLang] = typer.Option(
        None, "--lang", help="Language of messages and help (default: the programme's, else MENTORAT_LANG or the locale)."
    ),
) -> None:
    """Run a mentoring programme from plain files in a git repository."""
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        raise typer.BadParameter(text("today-invalid", value=today), param_hint="--today") from None
    from mentorat_cli.cli.common import Env  # loads the repository: not needed for --help

    ctx.obj = Env(root_option=root, quiet=quiet, verbose=verbose, today=day, cache=not no_cache)


def _crash_log() -> str:
    import tempfile
    import traceback

    handle = tempfile.NamedTemporaryFile("w", prefix="mentorat-crash-", suffix=".log", delete=False)
    with handle:
        handle.write(f"mentorat {__version__}\nargv: {sys.argv!r}\n\n")
        # The traceback holds code locations only, never file contents.
        handle.write(traceback.format_exc())
    return handle.name


def _is_usage_error(exc: Exception) -> bool:
    # typer may bundle its own copy of click: recognise its errors by shape.
    return hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int)


def print_error(message: str, hint: str = "") -> None:
    """Print an error (the helpers of commands.common load the repository: imported only on this path)."""
    from mentorat_cli.cli.common import print_error as show

    show(message, hint)


def run(argv: list[str]) -> int:
    """Run the app on `argv` (global options first); the exit code."""
    try:
        code = app(args=argv, standalone_mode=False, prog_name="mentorat")
    except ProblemsFound as exc:
        from mentorat_cli.cli.common import print_problems

        print_problems(exc.problems, "text", stream=sys.stderr)
        if exc.message:  # BadInput: the problems are the whole message
            print_error(exc.message, exc.hint)
        code = exc.exit_code
    except MentoratError as exc:
        print_error(exc.message, exc.hint)
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if _is_usage_error(exc):
            from mentorat_cli.cli.usage import show_usage_error

            show_usage_error(exc)
            return int(exc.exit_code)  # type: ignore[attr-defined]
        if type(exc).__name__ == "Abort":
            print_error(text("interrupted"))
            return EXIT_INTERRUPTED
        print_error(text("internal-error", error=type(exc).__name__, log=_crash_log()))
        code = EXIT_INTERNAL
    if code == EXIT_INTERRUPTED:
        print_error(text("interrupted"))  # typer turns Ctrl-C into a silent exit 130
    return code if isinstance(code, int) else 0
