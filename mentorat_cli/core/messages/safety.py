"""Messages of the write lock and of crash-safe writes: who holds the lock, changes finished or undone."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

E, W = "error", "warning"

PROBLEMS: dict[str, Spec] = {
    "tx-unfinished": Spec(
        E,
        "a command was stopped while writing: {count} change(s) decided but not finished ({paths})",
        "the next command that writes finishes them (for instance `mentorat schemas`)",
    ),
    "tx-undecided": Spec(
        W,
        "a command was stopped while preparing a change: {count} unfinished change(s) left ({paths})",
        "nothing was changed by them; the next command that writes deletes them (for instance `mentorat schemas`)",
    ),
    "tx-temporary": Spec(
        W,
        "{count} temporary file(s) left by a stopped command ({paths}); they may hold personal data",
        "the next command that writes deletes them (for instance `mentorat schemas`); never commit them",
    ),
    "pairing-summary-missing-pairs": Spec(
        E,
        "pairing.yaml counts {expected} active pair(s) (proposed and kept), but only {found} pair file(s) are active and {ended} ended",
        "a proposal was not written completely: run `mentorat pair` again",
    ),
    "pairing-summary-extra-pairs": Spec(
        E,
        "pairing.yaml counts {expected} proposal(s), but {found} pair files are proposed",
        "old proposals were not removed completely: run `mentorat pair` again",
    ),
    "pairing-summary-unmatched-paired": Spec(
        E,
        "pairing.yaml lists {mentee} as unmatched, but {pair} proposes a mentor for them",
        "the proposal was not written completely: run `mentorat pair` again",
    ),
}

TEXT: dict[str, str] = {
    "lock-holder": "`{command}` (pid {pid}, since {since})",
    "lock-holder-unknown": "a command that did not say which",
    "lock-taken-over": "note: {holder} stopped without releasing the write lock; this command took it over.",
    "lock-changed": "{files} changed while the changes were being prepared (edited by hand?); nothing written",
    "lock-changed-more": " and {count} more",
    "lock-changed-hint": "run the command again when the file is saved: it will start from your edits",
    "tx-finished": "Finished {count} change(s) that a stopped command had started ({paths}).",
    "tx-undone": "Undid {count} change(s) that a stopped command had only prepared; nothing of them was kept.",
    "tx-temporaries-removed": "Removed {count} temporary file(s) left by a stopped command.",
}
