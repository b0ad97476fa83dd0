"""Data made harmless where it is shown: inert in Markdown, free of control characters on a terminal.

Names, comments and every other field come from files and spreadsheets anyone
may have filled in. In a Markdown document a value must not open raw HTML
(`<script>`, `<img onerror=...>`: live as soon as someone renders the file);
on a terminal it must not carry escape sequences (ESC, CSI, OSC...) that move
the cursor, rewrite lines or change the window's title.
"""

from __future__ import annotations

import io
import re
from typing import Any, TextIO

# A `<` before a letter, `/`, `!` or `?` opens a tag, comment or autolink (one at the end could open one with
# what follows it); "< 5" stays readable. `&` only matters where it would start an entity.
_MD_HTML = re.compile(r"<(?=[A-Za-z/!?]|\Z)|&(?=#?[0-9A-Za-z]+;)")
_MD_ENTITIES = {"<": "&lt;", "&": "&amp;"}
# C0 controls except tab and newline, DEL, C1 controls; a carriage return only when it ends a line (\r\n).
# Whole escape sequences go first (CSI, OSC up to its terminator), so that no "[2J" is left behind.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)"
)
# Every match of _CONTROLS starts with one of these: a search for them is several times faster than the
# substitution, and almost all text has none (`scores --format csv` writes hundreds of megabytes).
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def markdown_value(value: Any) -> Any:
    """Jinja `finalize` for Markdown: a value printed as typed, never as HTML; numbers and None unchanged."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return _MD_HTML.sub(lambda m: _MD_ENTITIES[m.group(0)[0]], str(value))


def for_terminal(message: str) -> str:
    """`message` without the control characters a terminal would act on (tab and newline kept)."""
    if _ANY_CONTROL.search(message) is None:
        return message
    return _CONTROLS.sub("", message)


class TerminalStream(io.TextIOBase):
    """A text stream that strips control characters from everything written to it.

    It says it is not a terminal, so that libraries (rich, click) write no
    escape sequences of their own: those would be stripped into noise.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)

    def write(self, text: str) -> int:  # type: ignore[override]
        self.stream.write(for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()  # rich points a broken pipe's descriptor at /dev/null

    def writable(self) -> bool:
        return True
