"""Issue 15: `mail`, `accept` and `decline` read only the folders they use.

A broken file in a folder a command does not read cannot stop it; a broken
file in a folder it does read still does (so the narrowing is real, not a
blanket pass).
"""

from __future__ import annotations

from pathlib import Path

A_PAIR = "amadou-keita--samira-bouzid"
BAD_NOTE = f"notes/{A_PAIR}/2026-04-09-first.md"
FEEDBACK = "feedback/fb-emma-schmitt-mentee.yaml"
APPLICANT = "adam-zerrouki"
OTHER_APPLICANT = "anais-marchetti"


def _replace(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, (path, old)
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def _break_notes_and_feedback(root: Path) -> None:
    _replace(root / BAD_NOTE, "date: 2026-04-09", "date: 12/03/2026")
    _replace(root / FEEDBACK, "role: mentee", "role: [mentee")


def test_mail_reads_no_note_or_feedback_except_reminders(sample, run_cli):
    _break_notes_and_feedback(sample)
    assert run_cli(["--root", sample, "validate"]).code == 1  # both files really are broken
    intro = run_cli(["--root", sample, "mail", "intro", "--all"])
    assert intro.code == 0, intro.err
    assert sorted(p.name for p in (sample / "out" / "mail").iterdir())
    assert BAD_NOTE not in intro.err and FEEDBACK not in intro.err
    # Reminders depend on meetings: they read the notes, so the bad note still stops them.
    reminder = run_cli(["--root", sample, "mail", "reminder", "-o", sample / "out" / "box"])
    assert reminder.code == 1
    assert BAD_NOTE in reminder.err and FEEDBACK not in reminder.err


def test_accept_and_decline_read_profiles_only(sample, run_cli):
    _break_notes_and_feedback(sample)
    _replace(sample / "pairs" / f"{A_PAIR}.yaml", "status:", "statut:")
    accepted = run_cli(["--root", sample, "accept", APPLICANT])
    assert accepted.code == 0, accepted.err
    assert "status: accepted" in (sample / "mentees" / f"{APPLICANT}.yaml").read_text(encoding="utf-8")
    declined = run_cli(["--root", sample, "decline", OTHER_APPLICANT, "--reason", "promotion complète", "--waiting"])
    assert declined.code == 0, declined.err
    assert "status: waitlisted" in (sample / "mentees" / f"{OTHER_APPLICANT}.yaml").read_text(encoding="utf-8")
    # A broken profile is still seen: decisions read the people's folders.
    _replace(sample / "mentees" / f"{APPLICANT}.yaml", "status: accepted", "status: [accepted")
    refused = run_cli(["--root", sample, "accept", OTHER_APPLICANT])
    assert refused.code == 1 and f"mentees/{APPLICANT}.yaml" in refused.err
