"""Messages of the day-to-day workflow: records set aside, causes and their consequences, dates."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

E, W = "error", "warning"

PROBLEMS: dict[str, Spec] = {
    "date-format": Spec(E, "{field}: '{value}' is a date, but not written year-month-day", "write it {iso}"),
    "date-impossible": Spec(E, "{field}: '{value}' is not a real date: {reason}", "correct the day or the month"),
    "date-future": Spec(
        W, "{field} ({value}) is after today ({today}), but it records something already done", "check the date (a typo in the year?)"
    ),
    "pair-signed-early": Spec(
        E,
        "charter_signed.{role} ({signed}) is before the pair was proposed ({proposed})",
        "correct the signature date: a charter is signed after the pair is proposed",
    ),
    "pair-before-cohort": Spec(
        W, "started_on ({started}) is before the cohort starts ({cohort_start})", "check started_on, or cohort.start in programme.yaml"
    ),
    "note-final-early": Spec(
        E, "final meeting on {final}, before the first meeting ({first})", "check the dates and kinds of the two notes"
    ),
}

TEXT: dict[str, str] = {
    "sign-before-proposed": "the {role}'s signature date {date} is before the pair was proposed ({proposed})",
    "sign-before-proposed-hint": "a charter is signed after the pair is proposed: check the date",
    "option-date-format-hint": "write it {iso}",
    "option-date-impossible-hint": "{reason}",
    "did-you-mean": "did you mean '{value}'? ",
    "aside-file": "left aside: {where}: {message} (run `mentorat validate`)",
    "aside-follows": "left aside: {file}: it needs {cause}, which has errors (run `mentorat validate`)",
    "aside-more": "left aside: {count} more file(s) (run `mentorat validate`)",
    "programme-broken": "programme.yaml has errors: every command needs it",
    "programme-broken-hint": "fix the problems above, then run `mentorat validate`",
    "needed-broken": "the files this command needs have errors: {files}",
    "needed-broken-hint": "fix the problems above (`mentorat validate` lists them all); other files are not the cause",
    "folded": "  and {count} problem(s) that follow from it (in {files} file(s)): they go once it is fixed",
    "validate-summary-folded": "{errors} error(s), {warnings} warning(s) in {files} files checked ({folded} follow from programme.yaml)",
    "note-same-day": "{file} already records a meeting on {date}",
    "note-same-day-hint": "edit that note; for a second meeting on the same day, pass --kind",
    "pair-commit-nothing": "nothing new to commit: the proposal on file is already committed (no branch created)",
    # progress bars (cli/progress.py), on a terminal only
    "progress-reading": "Reading files",
    "progress-charters": "Writing charters",
    "progress-sheets": "Writing follow-up sheets",
    "progress-rows": "Reading rows",
    "status-programme-broken": "status: programme.yaml has errors, so nothing else can be shown (run `mentorat validate`)",
}
