"""The dashboard as one plain-text screen (the JSON view is the dashboard data itself)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.messages import text


def _table(rows: list[list[str]]) -> list[str]:
    """Rows as left-aligned columns, indented by two spaces."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def _section(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["", text("st-section", title=title, count=len(rows))]
    lines += _table([header, *rows]) if rows else ["  " + text("st-none")]
    return lines


def _charter_cell(row: dict[str, Any]) -> str:
    """Which pairs lack the mentor's signature, else "signed" (or "no pair" when there is nothing to sign)."""
    if row["charter_unsigned"]:
        return text("st-charter-unsigned", pairs=", ".join(row["charter_unsigned"]))
    return text("st-charter-signed") if row["paired"] else text("st-charter-no-pair")


def render(data: dict[str, Any]) -> str:
    """The text view of `dashboard.build`'s result."""
    counts = data["pairs_by_status"]
    lines = [text("st-title", programme=data["programme"], today=data["today"]),
             text("st-pairs", **counts)]
    if data["not_started"]:
        lines.append(text("st-not-started", count=len(data["not_started"]), pairs=", ".join(data["not_started"])))
    if data["to_introduce"]:
        lines.append(text("st-to-introduce", count=len(data["to_introduce"]), pairs=", ".join(data["to_introduce"])))
    if data["applicants"]:
        lines += _section(text("st-applicants"), text("st-applicants-cols").split("|"),
                          [[r["id"], r["role"], r["registered_on"] or "?", "?" if r["days"] is None else str(r["days"])]
                           for r in data["applicants"]])
    lines += _section(text("st-without", days=data["alert_after_days"]), text("st-without-cols").split("|"),
                      [[r["pair"], r["last_meeting"] or text("st-never"), str(r["days"])] for r in data["without_meeting"]])
    for key, title in (("reviews_due", "st-reviews"), ("finals_due", "st-finals")):
        lines += _section(text(title), text("st-due-cols").split("|"),
                          [[r["pair"], r["planned"], text("st-overdue") if r["overdue"] else ""] for r in data[key]])
    lines += _section(text("st-ending"), text("st-ending-cols").split("|"),
                      [[r["pair"], r["planned_end"], str(r["days_left"])] for r in data["ending_soon"]])
    lines += _section(text("st-waiting"), text("st-waiting-cols").split("|"),
                      [[r["mentee"], r["status"], r["waiting_since"] or "?",
                        "?" if r["days_waiting"] is None else str(r["days_waiting"]), r["proposed_pair"] or ""]
                       for r in data["waiting_mentees"]])
    lines += _section(text("st-mentors"), text("st-mentors-cols").split("|"),
                      [[r["mentor"], _charter_cell(r), r["trained_on"] or text("st-no")] for r in data["mentors_to_follow"]])
    return "\n".join(lines) + "\n"
