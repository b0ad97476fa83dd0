"""Messages of the foundation: loading files, validating, scaffolding."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

E, W = "error", "warning"

PROBLEMS: dict[str, Spec] = {
    # Reading files
    "file-encoding": Spec(
        E,
        "the file is not valid UTF-8 (byte 0x{byte} in column {column_byte})",
        "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
    ),
    "file-empty": Spec(E, "the file is empty", "fill it in (see the examples written by `mentorat init`) or delete it"),
    "file-unreadable": Spec(E, "the file cannot be read: {reason}", "check the file's permissions"),
    "file-too-large": Spec(
        E,
        "the file is {size}, over the limit of {limit} for one data file; it was not read",
        "check it is the right file; if it really must be this big, raise limits.max_file_bytes in programme.yaml",
    ),
    "file-nul": Spec(
        E,
        "a NUL byte (an invisible character, code 0) is in the file here",
        "delete it; if there is one after every letter, the file was saved as UTF-16: save it as UTF-8",
    ),
    "file-control-char": Spec(
        E,
        "an invisible control character ({char}) is in the file here",
        "delete it: data files hold only printable text, tabs and line breaks",
    ),
    "folder-unreadable": Spec(E, "the folder cannot be read: {reason}; none of its files were checked", "check the folder's permissions"),
    "folder-not-folder": Spec(
        E, "this should be a folder, but it is a file; nothing in it was checked", "rename or remove the file, and create the folder"
    ),
    "file-symlink": Spec(
        E,
        "symbolic links are not allowed in a programme folder",
        "replace the link by a copy of the file: a link could point outside the programme",
    ),
    "file-stray": Spec(W, "file ignored: {folder}/ holds only {expected} files", "move or delete this file"),
    "file-name": Spec(
        E,
        "the file name '{name}' is not a valid id",
        "rename the file: lower-case letters, digits and single hyphens, e.g. marie-dupont.yaml",
    ),
    "file-case-clash": Spec(
        E, "'{name}' differs only in upper/lower case from '{other}'", "rename one of them: the two files collide on Windows and macOS"
    ),
    "conflict-marker": Spec(
        E,
        "a git merge-conflict marker is left in the file",
        "resolve the conflict: keep the right lines and delete the <<<<<<<, ======= and >>>>>>> lines",
    ),
    # YAML
    "yaml-syntax": Spec(E, "YAML syntax error: {detail}", "check the indentation and quoting on this line and the one before"),
    "yaml-tab": Spec(E, "a tab character is used for indentation", "indent with spaces only"),
    "yaml-duplicate-key": Spec(
        E, "the key '{key}' appears twice (also on line {other_line})", "keep only one: YAML would silently use the last one"
    ),
    "yaml-tag": Spec(
        E,
        "the tag '{tag}' is not allowed in a data file",
        "remove the tag: data files hold only text, numbers, true/false, lists and mappings",
    ),
    "yaml-alias": Spec(E, "anchors and aliases (&name, *name) are not allowed in data files", "write the value out in full"),
    "yaml-multi-document": Spec(E, "the file holds more than one YAML document", "keep one document per file: remove the extra '---' line"),
    "yaml-not-mapping": Spec(
        E, "expected a mapping (key: value lines), found {found}", "start the file with 'key: value' lines, as in the examples"
    ),
    # Schema
    "schema-required": Spec(E, "missing required field '{field}'", "add '{field}:' (see {schema})"),
    "schema-type": Spec(E, "{field}: expected {expected}, found {found}", "{type_hint}"),
    "schema-enum": Spec(E, "{field}: {value} is not one of: {allowed}", "{suggestion}use one of the listed values"),
    "schema-pattern": Spec(E, "{field}: {value} does not have the expected form", "{pattern_hint}"),
    "schema-range": Spec(E, "{field}: {detail}", "see the limits in {schema}"),
    "schema-size": Spec(E, "{field}: {detail}", "see {schema}"),
    "schema-invalid": Spec(E, "{field}: {detail}", "see {schema}"),
    "schema-unknown-key": Spec(W, "unknown field '{key}'", "{suggestion}check the spelling; the known fields are described in {schema}"),
    # Cross-file checks
    "id-mismatch": Spec(E, "id '{id}' does not match the file name '{stem}'", "make the id and the file name the same"),
    "id-duplicate": Spec(E, "id '{id}' is also used by {other}", "give each person a unique id"),
    "email-duplicate": Spec(
        E, "e-mail '{email}' is also used by {other}", "one person, one profile: merge the two files or correct the address"
    ),
    "ref-missing": Spec(E, "{field} refers to '{ref}', which is not {expected}", "{suggestion}correct the id, or create the missing file"),
    "ref-theme": Spec(
        E,
        "{field}: theme '{theme}' is not offered by the programme",
        "{suggestion}use a theme listed under 'themes' in programme.yaml, or add it there",
    ),
    "ref-public": Spec(
        E,
        "{field}: '{public}' is not one of the programme's publics",
        "{suggestion}use an id listed under 'publics' in programme.yaml, or add it there",
    ),
    "ref-category": Spec(
        W, "category '{category}' is not declared by the programme", "add it to 'categories' in programme.yaml or remove it"
    ),
    "date-invalid": Spec(E, "{field}: {value} is not a date", "write the date as YYYY-MM-DD, e.g. 2026-01-15"),
    "date-order": Spec(E, "{later} ({later_value}) is before {earlier} ({earlier_value})", "correct one of the two dates"),
    "pair-id": Spec(E, "pair id '{id}' should be '{expected}' (<mentee>--<mentor>)", "rename the file and its id to '{expected}'"),
    "pair-active-twice": Spec(E, "mentee '{mentee}' has more than one active pair: {pairs}", "end or delete all but one of these pairs"),
    "pair-person-inactive": Spec(
        W, "the {role} '{person}' of this {status} pair is {person_status}", "end the pair (mentorat rematch) or update the person's status"
    ),
    "pair-ended-fields": Spec(E, "an ended pair needs '{field}'", "add '{field}:'"),
    "pair-replaces-self": Spec(E, "the pair replaces itself", "set 'replaces:' to the earlier pair it follows, or remove it"),
    "pair-replaces-cycle": Spec(
        E, "these pairs replace each other in a circle: {cycle}", "one of them is the first: remove its 'replaces:'"
    ),
    "capacity-exceeded": Spec(
        E,
        "mentor '{mentor}' has {count} active pairs for a capacity of {capacity}",
        "end a pair, or raise the mentor's capacity (within the programme's capacity.max)",
    ),
    "capacity-over-max": Spec(
        E, "capacity {capacity} is above the programme's limit of {limit}", "lower it, or raise capacity.max in programme.yaml"
    ),
    "pair-rule": Spec(
        E,
        "the pair breaks the rule '{rule}': {detail}",
        "end the pair (mentorat rematch), or change the rule in programme.yaml if it is wrong",
    ),
    "exclusion-self": Spec(E, "not_with lists the person's own id", "remove it"),
    "note-front-matter": Spec(
        E, "the meeting note has no front matter", "start the file with a '---' line, the metadata (date, kind...), then another '---' line"
    ),
    "note-name": Spec(
        E,
        "the note file name should be <YYYY-MM-DD>-<kind>.md, with kind first, regular, review or final",
        "rename the file, e.g. 2026-10-05-regular.md",
    ),
    "note-name-mismatch": Spec(E, "{field} '{value}' does not match the file name", "make them the same"),
    "note-pair": Spec(E, "notes folder for '{pair}', which is not a pair of the programme", "rename the folder to an existing pair id"),
    "note-before-pair": Spec(W, "meeting dated before the pair was {event} ({when})", "check the date"),
    "feedback-pair": Spec(E, "pair '{pair}' does not exist", "{suggestion}correct the pair id"),
    "retention-expired": Spec(
        W,
        "personal data kept past the retention period, which ended on {limit} ({months} months after the cohort ended)",
        "run `mentorat forget --expired --dry-run` to review the people concerned",
    ),
    "schemas-outdated": Spec(
        W,
        "the editors' copy of the schemas is not this version's: {names}",
        "run `mentorat schemas` to refresh .schemas/ (validate itself always uses the right ones)",
    ),
    "programme-missing": Spec(E, "programme.yaml is missing", "run `mentorat init` or create programme.yaml"),
    "programme-dates": Spec(E, "cohort end ({end}) is not after its start ({start})", "correct the cohort dates"),
    "programme-duration": Spec(
        W, "duration of {months} months is under the six months a mentoring relationship needs", "set duration_months to 6 or more"
    ),
    "programme-theme-duplicate": Spec(E, "theme '{theme}' is listed twice", "remove one"),
    "programme-theme-label": Spec(E, "theme '{theme}' is not a built-in theme and needs a label", "add 'label:' to it"),
    "programme-placeholder": Spec(
        W,
        "{field} still holds the example written by `mentorat init` ({value})",
        "replace it: it is printed in charters, sheets and reports",
    ),
    "programme-capacity": Spec(E, "capacity.default ({default}) is above capacity.max ({max})", "lower the default or raise the limit"),
}

TEXT: dict[str, str] = {
    # why a date does not exist (core/datefix.py); {month} is the month's name in the run's language
    "date-no-month": "there is no month {month}",
    "date-no-day": "there is no day {day}",
    "date-month-days": "{month} has {days} days in {year}",
    "no-programme": "no programme.yaml found in {start} or any folder above it",
    "no-programme-hint": "run the command inside a programme folder, pass --root PATH, or create one with `mentorat init DIR`",
    "root-not-programme": "{root} is not a programme folder (no programme.yaml)",
    "validate-ok": "{root}: valid ({files} files checked)",
    "validate-summary": "{errors} error(s), {warnings} warning(s) in {files} files checked",
    "init-not-empty": "{path} is not empty: mentorat init only writes into a new or empty folder",
    "init-not-empty-hint": "choose another folder name, or empty this one",
    "init-done": "Created the {kind} programme in {path} ({files} files).",
    "init-git-done": "Made the first git commit.",
    "init-git-missing": "git is not available: the folder was not put under version control (run `git init` later).",
    "init-git-failed": "git could not make the first commit: run `git init`, `git add -A` and `git commit` yourself.",
    "init-next": "Next: cd {path}, edit programme.yaml, then run `mentorat validate`.",
    "schemas-done": "Refreshed {count} schema file(s) in {folder}.",
    "schemas-unchanged": "{folder} is up to date.",
    "internal-error": "internal error: {error}. This is a bug in mentorat; the details are in {log}",
    "interrupted": "interrupted",
    "locked": "another mentorat command is writing to this programme: {holder} (lock {lock})",
    "locked-hint": "wait for it to finish, then run this command again (MENTORAT_LOCK_WAIT sets how many seconds to wait)",
    "outside-root": "refusing to write outside the programme folder: {path}",
    "today-invalid": "'{value}' is not a date written YYYY-MM-DD",
    "usage-help": "help: {command}",
    "usage-no-option": "no such option: {name}",
    "usage-no-option-suggest": "no such option: {name} (did you mean {options}?)",
    "usage-no-command": "no such command: '{name}'",
    "usage-missing-argument": "missing argument {name}",
    "usage-missing-option": "missing option {name}",
    "usage-option-value": "option {name} needs a value",
    "usage-extra": "unexpected extra argument(s): {args}",
    "usage-invalid": "invalid value for {param}: {detail}",
    "usage-not-accepted": "'{value}' is not accepted; accepted words: {accepted}",
    "severity-error": "error",
    "severity-warning": "warning",
    "severity-info": "info",
    "warning-prefix": "warning: ",
    "error-prefix": "error: ",
    "hint-prefix": "hint: ",
    # where a problem is in a spreadsheet (a form export): the row and the column as the spreadsheet shows them
    "problem-at-row": "{file}: row {row}",
    "problem-at-cell": "{file}: row {row}, column {letter}",
    "problem-at-cell-named": '{file}: row {row}, column {letter} "{header}"',
}
