"""Messages of the documents area: charters, sheets, notes, calendar, follow-up and the dashboard."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {
    # a programme's own template that cannot be used: a Problem on its file and line
    "doc-template-unreadable": Spec("error", "the template cannot be read as UTF-8 text", "save the template as UTF-8"),
    "doc-template-syntax": Spec(
        "error", "template error: {detail}", "correct the template at this line (Jinja2 syntax: {{{{ field }}}}, {{% if ... %}})"
    ),
    "doc-template-field": Spec(
        "error",
        "the template uses '{field}', which the data does not have",
        "check the spelling, or use a field listed in `mentorat templates show` of a built-in template",
    ),
    "doc-template-include": Spec(
        "error",
        "the template uses '{name}', which is not a template here",
        'include or extend only templates by name, e.g. {{% include "my-part.md.j2" %}}, from templates/ or the built-ins',
    ),
    "doc-template-error": Spec(
        "error", "the template failed ({detail})", "correct the template at this line (Jinja2 syntax: {{{{ field }}}}, {{% if ... %}})"
    ),
    "minor-no-consent": Spec(
        "warning",
        "{id} is a minor and no guardian's consent is recorded",
        "once the parent or legal guardian has agreed in writing, record it under guardian: "
        "name, email or phone, and consent_on: YYYY-MM-DD (the youth charter then has their signature block)",
    ),
    "organiser-logo": Spec(
        # A warning: only documents need the logo (they refuse it), and an error in programme.yaml would stop every command.
        "warning",
        "organiser_logo: {path} {reason}",
        "put the logo (PNG, JPEG or SVG, under 2 MB) in the programme folder, as a real file, "
        "and give its path relative to programme.yaml, e.g. organiser_logo: logo.png",
    ),
}

TEXT: dict[str, str] = {
    # Pairs and options
    "doc-pair-missing": "pair '{pair}' does not exist",
    "doc-pair-missing-hint": "pair ids are <mentee>--<mentor>, as the file names in pairs/; `mentorat status` lists them",
    "doc-did-you-mean": "did you mean: {names}?",
    "doc-pair-or-all": "give a pair id or --all, not both and not neither",
    "doc-pair-or-all-hint": "e.g. `mentorat {command} marie-dupont--jean-martin` or `mentorat {command} --all`",
    "doc-no-pairs": "no confirmed pair to work on",
    "doc-no-pairs-hint": "confirm pairs first (status: confirmed in pairs/*.yaml), or name a pair",
    "doc-bad-date": "{option}: '{value}' is not a date written YYYY-MM-DD",
    "doc-bad-date-hint": "write the date as YYYY-MM-DD, e.g. 2026-10-05",
    "doc-future-date": "{option}: {value} is after today ({today})",
    "doc-future-date-hint": "record what happened, once it has happened (or pass --today)",
    # Templates
    "doc-template-missing": "no template '{name}' for language '{lang}' in the programme's templates/ or the built-ins",
    "doc-template-missing-hint": "run `mentorat templates list` to see the names; a programme template is templates/<name>.<lang>.md.j2",
    "doc-templates-header": "{name:<24} {langs:<8} {origin}",
    "doc-templates-row": "{name:<24} {langs:<8} {origin}",
    "doc-template-source": "# {file}",
    "doc-template-exists": "{file} already exists",
    "doc-template-exists-hint": "edit it, or pass --force to replace it with the built-in",
    "doc-template-copied": "Copied the built-in template to {file}; set charter.template in programme.yaml if you renamed it.",
    "doc-template-not-builtin": "'{name}' is not a built-in template",
    # Output
    "doc-logo-refused": "programme.yaml organiser_logo: {path} {reason}",
    "doc-logo-refused-hint": "put the logo (PNG, JPEG or SVG, under 2 MB) in the programme folder, as a real file, "
    "and give its path relative to programme.yaml, e.g. organiser_logo: logo.png",
    "doc-logo-outside": "is outside the programme folder",
    "doc-logo-link": "is a symbolic link",
    "doc-logo-missing": "is not a file",
    "doc-logo-large": "is larger than 2 MB",
    "doc-logo-not-image": "is not a PNG, JPEG or SVG image of the kind its name says",
    "doc-logo-svg-unsafe": "is an SVG that runs a script or loads other files",
    "doc-pdf-missing": "PDF output needs WeasyPrint, which is not installed",
    "doc-pdf-missing-hint": (
        "pip install 'mentorat[pdf]' (from a source checkout: pip install '.[pdf]'), "
        "or use --format html and print the page to PDF from a browser"
    ),
    "doc-output-not-folder": "-o {path} is a file, not a folder",
    "doc-output-not-folder-hint": "give a folder for the documents (it is created if needed)",
    "doc-written": "Wrote {count} file(s) to {folder}",
    "doc-written-one": "Wrote {file}",
    # sign / contact
    "doc-sign-nothing": "nothing to record: give --mentor DATE and/or --mentee DATE",
    "doc-sign-nothing-hint": "e.g. `mentorat sign {pair} --mentor 2026-10-01 --mentee 2026-10-02`",
    "doc-sign-conflict": "the {role} already signed on {current} (pairs/{pair}.yaml)",
    "doc-sign-conflict-hint": "pass --force to replace the recorded date with {new}",
    "doc-sign-unchanged": "Nothing to change: the signature dates are already recorded in {file}",
    "doc-sign-done": "Recorded the charter signature ({roles}) in {file}",
    "doc-contact-long": "--summary is {length} characters long; the limit is {limit}",
    "doc-contact-long-hint": "keep the summary short and factual (nothing confidential)",
    "doc-contact-duplicate": "This contact is already recorded in {file}: nothing changed",
    "doc-contact-done": "Recorded the {channel} contact of {date} in {file}",
    "doc-comments-dropped": "Note: the comments inside {file} (below its first field) were not kept; the ones at the top were",
    "doc-pair-file-changed": "{file} could not be read back as a valid pair file",
    "doc-pair-file-changed-hint": "run `mentorat validate` and fix the file first",
    # notes
    "doc-note-done": "Created {file} (the text below the front matter is private to the pair)",
    "doc-note-cols": "PAIR|DATE|KIND|MIN|TOPICS",
    "doc-note-not-held": "* not held (held: false in the note)",
    "doc-note-none": "No meeting notes yet.",
    "doc-note-count": "{count} meeting note(s)",
    # calendar
    "doc-calendar-none": "no planned meeting to export: the pairs have no start date (started_on or confirmed_on)",
    "doc-calendar-none-hint": "confirm the pairs or set started_on in their files",
    # status
    "st-title": "{programme}: status on {today}",
    "st-pairs": "Pairs: {confirmed} confirmed, {proposed} proposed, {ended} ended",
    "st-not-started": "{count} confirmed pair(s) without a start date: {pairs}",
    "st-section": "{title} ({count})",
    "st-none": "none",
    "st-more": "  and {count} more (mentorat status --all shows everything)",
    "st-never": "never",
    "st-overdue": "overdue",
    "st-no": "no",
    "st-without": "No meeting for more than {days} days",
    "st-without-cols": "PAIR|LAST MEETING|DAYS",
    "st-reviews": "Intermediate reviews overdue or due within 30 days",
    "st-finals": "Closing meetings overdue or due within 30 days",
    "st-due-cols": "PAIR|PLANNED|",
    "st-ending": "Pairs ending in the next 30 days",
    "st-ending-cols": "PAIR|PLANNED END|DAYS LEFT",
    "st-waiting": "Mentees waiting for a mentor",
    "st-waiting-cols": "MENTEE|STATUS|WAITING SINCE|DAYS|PROPOSED PAIR",
    "st-mentors": "Mentors to remind (charter not signed, or not trained)",
    "st-mentors-cols": "MENTOR|CHARTER|TRAINED",
    "st-charter-unsigned": "not signed: {pairs}",
    "st-charter-signed": "signed",
    "st-charter-no-pair": "no confirmed pair",
}
