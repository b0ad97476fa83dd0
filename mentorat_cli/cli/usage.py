"""Usage errors (bad option, missing argument, value not accepted) in the language of the run.

typer's bundled click writes these in English only; we recognise its few sentence shapes and
print our own translated message, with the accepted words for a value in people's words.
"""

from __future__ import annotations

import re
from typing import Any

from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.messages import text

# click's sentence -> our message key (templates in messages/core.py, translated like any other).
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^No such option: (?P<name>\S+) \(Possible options: (?P<options>.*)\)$"), "usage-no-option-suggest"),
    (re.compile(r"^No such option: (?P<name>\S+)$"), "usage-no-option"),
    (re.compile(r"^No such command '(?P<name>[^']*)'\.?$"), "usage-no-command"),
    (re.compile(r"^Missing argument '(?P<name>[^']*)'\.?.*$"), "usage-missing-argument"),
    (re.compile(r"^Missing option '(?P<name>[^']*)'\.?.*$"), "usage-missing-option"),
    (re.compile(r"^Missing parameter: (?P<name>\S+)$"), "usage-missing-argument"),
    (re.compile(r"^Option '(?P<name>[^']*)' requires an argument\.?$"), "usage-option-value"),
    (re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$"), "usage-extra"),
    (re.compile(r"^Invalid value for (?P<param>[^:]+): (?P<detail>.*)$", re.DOTALL), "usage-invalid"),
)
_NOT_ONE_OF = re.compile(r"^(?:Value error, )?'?(?P<value>.*?)'? is not one of .*$", re.DOTALL)


def translate(message: str, exc: Any = None) -> str:
    """click's English usage message in the language of the run (unknown shapes pass through)."""
    for pattern, key in _SHAPES:
        found = pattern.match(message.strip())
        if found is None:
            continue
        values = dict(found.groupdict())
        if key == "usage-invalid":
            values["detail"] = _detail(values["detail"], exc)
        return text(key, **values)
    return message


def _detail(detail: str, exc: Any) -> str:
    found = _NOT_ONE_OF.match(detail.strip())
    if found is None:
        return detail
    from mentorat_cli.core import vocabulary

    choices = getattr(getattr(getattr(exc, "param", None), "type_descriptor", None), "choices", None) or ()
    ids = [str(getattr(choice, "value", choice)) for choice in choices]
    return text("usage-not-accepted", value=found.group("value"), accepted=vocabulary.accepted_words(ids))


def show_usage_error(exc: Any) -> None:
    """Print a usage error: the usage line, where to find help, then the message (coloured as an error)."""
    from mentorat_cli.cli.common import print_error
    from mentorat_cli.cli.helptext import USAGE_PREFIX

    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()
        return
    import typer

    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage()
        typer.echo(usage.replace(USAGE_PREFIX, gettext(USAGE_PREFIX), 1), err=True)
        typer.echo(text("usage-help", command=f"{ctx.command_path} -h"), err=True)
    print_error(translate(exc.format_message(), exc))
