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
    if not wants_colour(stream):
        stream.write("".join(text for text, _style in parts) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    line = Text()
    for text, style in parts:
        line.append(text, style=STYLES.get(style, "") or None)
    Console(file=stream, force_terminal=True, no_color=False, highlight=False, soft_wrap=True).print(line)
