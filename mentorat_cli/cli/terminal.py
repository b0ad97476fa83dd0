"""Colour on a terminal, plain text elsewhere, through Rich.

Rich decides: colour only when the stream is a terminal, never when NO_COLOR is set
(https://no-color.org), forced with FORCE_COLOR (tests, CI logs). Errors are red,
warnings yellow, hints cyan: visibly different at a glance. Rich is imported only
when something is printed in colour, so start-up stays fast.
"""

from __future__ import annotations

import os
import sys
from typing import IO

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue", "hint": "cyan", "heading": "bold"}


def wants_colour(stream: IO[str]) -> bool:
    """True when this stream should get colour: a terminal, NO_COLOR unset (FORCE_COLOR forces it)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write(parts: list[tuple[str, str]], stream: IO[str] | None = None) -> None:
    """Write one line made of (text, style name) parts; the style is dropped when colour is off."""
    stream = stream or sys.stdout
    # cli.main wraps the streams so that control characters from the data never reach the terminal
    # (safetext.TerminalStream): the text is cleaned here, and only our own styling goes to the real stream.
    raw = getattr(stream, "stream", None) if type(stream).__name__ == "TerminalStream" else None
    if not wants_colour(raw if raw is not None else stream):
        stream.write("".join(text for text, _style in parts) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    from mentorat_cli.core.safetext import for_terminal

    line = Text()
    for text, style in parts:
        line.append(for_terminal(text), style=STYLES.get(style, "") or None)
    target = raw if raw is not None else stream
    Console(file=target, force_terminal=True, no_color=False, highlight=False, soft_wrap=True).print(line)
