"""What `validate` checks beyond the files' contents: changes a stopped command left half done.

Two signs: the leftovers of a transaction (see transaction.py), and a
pairing.yaml whose counts cannot come from the pair files on disk (a
proposal written in part, by a version without transactions or by hand).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.io import transaction
from mentorat_cli.load import yamlio

SUMMARY_FILE = "pairing.yaml"
SHOWN = 3  # paths named in one problem


def _paths(paths: list[str]) -> str:
    return ", ".join(paths[:SHOWN]) + (f", … (+{len(paths) - SHOWN})" if len(paths) > SHOWN else "")


def leftover_problems(root: Path, programme: Programme | None = None) -> list[Problem]:
    """One problem per kind of leftover: decided changes, undecided ones, stray temporary files.

    With the loaded `programme`, the notes folders its load listed are not listed again.
    """
    found = transaction.leftovers(root, programme.note_folders if programme is not None else None)
    out = []
    for code, paths in (("tx-unfinished", found.decided), ("tx-undecided", found.undecided), ("tx-temporary", found.temporaries)):
        if paths:
            out.append(P.make(code, paths[0], count=len(paths), paths=_paths(paths)))
    return out


def _summary(root: Path) -> dict[str, Any] | None:
    path = root / SUMMARY_FILE
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data, issue = yamlio.load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    return data if issue is None and isinstance(data, dict) else None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def summary_problems(root: Path, programme: Programme) -> list[Problem]:
    """pairing.yaml against the pair files: counts no later decision can explain, unmatched mentees paired.

    After `pair`, the active pairs are its proposals plus the pairs it kept;
    a later `confirm` keeps that total, `rematch` and ending a pair only move
    pairs to `ended`. So fewer active and ended pairs than the summary counts,
    or more proposals than it made (plus those rematches may add), means the
    proposal was not written completely.
    """
    data = _summary(root)
    if data is None or any(p.startswith("pairs/") for p in programme.broken):
        return []  # nothing to compare with, or pair files that already have their own errors
    mentees = data["mentees"] if isinstance(data.get("mentees"), dict) else {}
    proposed, kept = _count(mentees.get("proposed")), _count(data.get("pairs_kept", 0))
    kept_proposals = data.get("kept_proposals", [])
    if proposed is None or kept is None or not isinstance(kept_proposals, list):
        return []
    statuses = [p.data.get("status") for p in programme.pairs.values()]
    active = sum(s in ("proposed", "confirmed") for s in statuses)
    ended = sum(s == "ended" for s in statuses)
    now_proposed = sum(s == "proposed" for s in statuses)
    out = []
    if active + ended < proposed + kept:
        out.append(P.make("pairing-summary-missing-pairs", SUMMARY_FILE, expected=proposed + kept, found=active, ended=ended))
    if now_proposed > proposed + len(kept_proposals) + ended:
        out.append(P.make("pairing-summary-extra-pairs", SUMMARY_FILE, expected=proposed + len(kept_proposals), found=now_proposed))
    by_mentee = {p.data.get("mentee"): p.id for p in programme.pairs.values() if p.data.get("status") == "proposed"}
    for row in data.get("unmatched") or []:
        mentee = row.get("mentee") if isinstance(row, dict) else None
        if isinstance(mentee, str) and mentee in by_mentee:
            out.append(P.make("pairing-summary-unmatched-paired", SUMMARY_FILE, mentee=mentee, pair=f"pairs/{by_mentee[mentee]}.yaml"))
    return out
