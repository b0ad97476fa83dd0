"""Meeting notes: the file a new note starts as, and the metadata a list shows.

A note is `notes/<pair>/<date>-<kind>.md`: YAML front matter (read by the
toolkit) and a Markdown body (private to the pair, never read back).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mentorat_cli.core import kinds, vocabulary
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.followup import sheet as followup
from mentorat_cli.load import yamlio

KINDS = ("first", "regular", "review", "final")
MAX_SAME_DAY = 20


def candidates(pair_id: str, date: str, kind: str) -> list[str]:
    """Where the note may go: `<date>-<kind>.md`, then `-2`, `-3`... when that exists already."""
    base = f"notes/{pair_id}/{date}-{kind}"
    return [f"{base}.md"] + [f"{base}-{n}.md" for n in range(2, MAX_SAME_DAY + 1)]


def front_matter(date: str, kind: str, config: dict[str, Any]) -> dict[str, Any]:
    """The metadata a new note starts with (the pair fills in the topics and corrects the length)."""
    return {
        "date": date,
        "kind": kind,
        "duration_minutes": int(config["cadence"]["minutes_per_meeting"]),
        "format": str(config.get("format", "remote")),
        "topics": [],
    }


def next_kind(programme: Programme, pair: Record, today: dt.date) -> str:
    """The kind of the next meeting: the schedule's next one, `first` before any meeting, else `regular`."""
    state = followup.state_of(programme, pair, today)
    if state.next_due is not None:
        return state.next_due.kind
    return "regular" if state.held or programme.notes_of(pair.id) else "first"


def note_text(meta: dict[str, Any], body: str) -> str:
    """Front matter between `---` lines, then the body."""
    return "---\n" + yamlio.dump(meta) + "---\n\n" + body


def rows(programme: Programme, pair_id: str | None) -> list[dict[str, Any]]:
    """Every note's metadata (never its body), by pair then date."""
    out = []
    pair_ids = [pair_id] if pair_id else sorted(programme.notes)
    for pid in pair_ids:
        for note in programme.notes_of(pid):
            meta = note.meta
            out.append(
                {
                    "pair": pid,
                    "file": note.path,
                    "date": str(meta["date"]),
                    "kind": str(meta["kind"]),
                    "duration_minutes": meta.get("duration_minutes"),
                    "format": meta.get("format"),
                    "topics": list(meta.get("topics", [])),
                    "held": meta.get("held", True),
                }
            )
    return out


def table(config: dict[str, Any], rows: list[dict[str, Any]]) -> list[str]:
    """`rows` as aligned lines in the run's language: column words, kinds and themes as people read them."""
    cells = [text("doc-note-cols").split("|")]
    for row in rows:
        kind = vocabulary.label("note_kind", row["kind"]) + ("*" if row["held"] is False else "")
        minutes = "" if row["duration_minutes"] is None else str(row["duration_minutes"])
        topics = ", ".join(kinds.theme_label(config, str(t)) for t in row["topics"])
        cells.append([row["pair"], row["date"], kind, minutes, topics])
    widths = [max(len(line[c]) for line in cells) for c in range(5)]
    lines = [
        "  ".join(
            cell.rjust(width) if c == 3 else cell.ljust(width) for c, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in cells
    ]
    return lines + ([text("doc-note-not-held")] if any(row["held"] is False for row in rows) else [])
