"""`mentorat status --format csv`: the dashboard as one flat table, for spreadsheets and scripts.

One row per thing that needs attention, every section in the same columns, so a
tool can filter on `section` without knowing each section's shape. Ids, statuses
and ISO dates as in the JSON view (canonical, never translated): the CSV is for
tools; people read the text view.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

COLUMNS = ("section", "pair", "person", "role", "status", "date", "days", "count", "detail")


def _rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for status, count in data["pairs_by_status"].items():
        yield {"section": "pairs_by_status", "status": status, "count": count}
    for row in data["without_meeting"]:
        yield {"section": "without_meeting", "pair": row["pair"], "date": row["last_meeting"], "days": row["days"]}
    for name in ("not_started", "to_introduce"):
        yield from ({"section": name, "pair": pair} for pair in data[name])
    for row in data["applicants"]:
        yield {"section": "applicants", "person": row["id"], "role": row["role"], "date": row["registered_on"], "days": row["days"]}
    for name in ("reviews_due", "finals_due"):
        for row in data[name]:
            yield {"section": name, "pair": row["pair"], "date": row["planned"], "status": "overdue" if row["overdue"] else "due"}
    for row in data["ending_soon"]:
        yield {"section": "ending_soon", "pair": row["pair"], "date": row["planned_end"], "days": row["days_left"]}
    for row in data["waiting_mentees"]:
        yield {
            "section": "waiting_mentees",
            "pair": row["proposed_pair"],
            "person": row["mentee"],
            "role": "mentee",
            "status": row["status"],
            "date": row["waiting_since"],
            "days": row["days_waiting"],
        }
    for row in data["mentors_to_follow"]:
        detail = [*(f"charter_unsigned:{pair}" for pair in row["charter_unsigned"]), *(["not_trained"] if row["not_trained"] else [])]
        yield {
            "section": "mentors_to_follow",
            "person": row["mentor"],
            "role": "mentor",
            "date": row["trained_on"],
            "detail": " ".join(detail),
        }


def render(data: dict[str, Any]) -> str:
    """The CSV text (RFC 4180, comma, UTF-8, a header row; empty cells for what a section does not have)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _rows(data):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()
