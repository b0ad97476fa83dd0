"""Exceptions for the tool's own failures; bad input is reported as Problems instead."""

from __future__ import annotations

from mentorat_cli.core.i18n import gettext

# Documented exit codes (README, "Exit codes").
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class MentoratError(Exception):
    """A failure the user can fix: a message, a hint, and the exit code to use."""

    def __init__(self, message: str, hint: str = "", exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code


class ProblemsFound(MentoratError):
    """The programme's files have errors; the command cannot go on."""

    def __init__(self, problems: list, message: str = "", hint: str = "") -> None:  # type: ignore[type-arg]
        message = message or gettext("the programme has errors")  # in the run's language, like every message
        super().__init__(message, hint or gettext("run `mentorat validate` and fix them first"), 1)
        self.problems = problems


class BadInput(ProblemsFound):
    """Problems in a file the user gave (a spreadsheet, a mapping, a template): the problems say it all.

    Raised where going on makes no sense; the CLI prints the problems (one printer
    for every command) and exits with `exit_code`.
    """

    def __init__(self, problems: list, exit_code: int = EXIT_PROBLEMS) -> None:  # type: ignore[type-arg]
        MentoratError.__init__(self, "", "", exit_code)
        self.problems = problems
