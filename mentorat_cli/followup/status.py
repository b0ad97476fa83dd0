"""The dashboard as one plain-text screen (the JSON view is the dashboard data itself)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core import formatting, vocabulary
from mentorat_cli.core.i18n import gettext, language
from mentorat_cli.core.messages import text

# Rows shown per section unless --all: a national programme's status fits a screen.
FIRST_ROWS = 10


def _table(rows: list[list[str]]) -> list[str]:
    """Rows as left-aligned columns, indented by two spaces."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def _section(title: str, header: list[str], rows: list[list[str]], limit: int | None) -> list[str]:
    lines = ["", text("st-section", title=title, count=len(rows))]
    shown = rows if limit is None else rows[:limit]
    lines += _table([header, *shown]) if rows else ["  " + text("st-none")]
    if len(shown) < len(rows):
        lines.append(text("st-more", count=len(rows) - len(shown)))
    return lines


def _charter_cell(row: dict[str, Any]) -> str:
    """Which pairs lack the mentor's signature, else "signed" (or "no pair" when there is nothing to sign)."""
    if row["charter_unsigned"]:
        return text("st-charter-unsigned", pairs=", ".join(row["charter_unsigned"]))
    return text("st-charter-signed") if row["paired"] else text("st-charter-no-pair")


def render(data: dict[str, Any], limit: int | None = FIRST_ROWS) -> str:
    """The text view of `dashboard.build`'s result: counts per section and the first `limit` rows (None: all)."""
    counts = data["pairs_by_status"]
    lines = [
        text("st-title", programme=data["programme"], today=formatting.long_date(data["today"], language())),
        text("st-pairs", **counts),
    ]
    if data["not_started"]:
        lines.append(text("st-not-started", count=len(data["not_started"]), pairs=", ".join(data["not_started"])))
    if data["to_introduce"]:
        lines.append(text("st-to-introduce", count=len(data["to_introduce"]), pairs=", ".join(data["to_introduce"])))
    if data["applicants"]:
        lines += _section(
            text("st-applicants"),
            text("st-applicants-cols").split("|"),
            [
                [r["id"], gettext(r["role"]), r["registered_on"] or "?", "?" if r["days"] is None else str(r["days"])]
                for r in data["applicants"]
            ],
            limit,
        )
    lines += _section(
        text("st-without", days=data["alert_after_days"]),
        text("st-without-cols").split("|"),
        [[r["pair"], r["last_meeting"] or text("st-never"), str(r["days"])] for r in data["without_meeting"]],
        limit,
    )
    for key, title in (("reviews_due", "st-reviews"), ("finals_due", "st-finals")):
        lines += _section(
            text(title),
            text("st-due-cols").split("|"),
            [[r["pair"], r["planned"], text("st-overdue") if r["overdue"] else ""] for r in data[key]],
            limit,
        )
    lines += _section(
        text("st-ending"),
        text("st-ending-cols").split("|"),
        [[r["pair"], r["planned_end"], str(r["days_left"])] for r in data["ending_soon"]],
        limit,
    )
    lines += _section(
        text("st-waiting"),
        text("st-waiting-cols").split("|"),
        [
            [
                r["mentee"],
                vocabulary.label("person_status", r["status"]),
                r["waiting_since"] or "?",
                "?" if r["days_waiting"] is None else str(r["days_waiting"]),
                r["proposed_pair"] or "",
            ]
            for r in data["waiting_mentees"]
        ],
        limit,
    )
    lines += _section(
        text("st-mentors"),
        text("st-mentors-cols").split("|"),
        [[r["mentor"], _charter_cell(r), r["trained_on"] or text("st-no")] for r in data["mentors_to_follow"]],
        limit,
    )
    return "\n".join(lines) + "\n"
