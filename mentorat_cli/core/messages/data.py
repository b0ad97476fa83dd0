"""Messages of the data area: import, export, and personal-data rights."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

E = "error"

PROBLEMS: dict[str, Spec] = {
    # reading spreadsheets (load/tabular.py): each a Problem on the file, its row and its column
    "tabular-bad-utf8": Spec(
        E, "the file starts as UTF-8 but byte {byte} is not valid UTF-8", "save the file again as 'CSV UTF-8' from your spreadsheet"
    ),
    "tabular-no-header": Spec(E, "there is no header row", "put the column names on the first row"),
    "tabular-header-twice": Spec(E, "column header '{name}' appears twice (columns {first} and {second})", "rename one of the two columns"),
    "tabular-no-header-cell": Spec(E, "a value sits in column {letter}, which has no header", "give that column a header or empty it"),
    "tabular-cell-too-long": Spec(E, "cell is {length} characters long (at most {limit})", "shorten it or remove the column"),
    "tabular-csv-broken": Spec(E, "CSV cannot be read: {detail}", "check the quotes on that row"),
    "tabular-no-openpyxl": Spec(E, "reading XLSX needs the openpyxl package", "pip install openpyxl"),
    "tabular-bad-xlsx": Spec(
        E, "this is not a readable XLSX workbook ({detail})", "open it in your spreadsheet and save it again as .xlsx"
    ),
    "tabular-missing": Spec(E, "the file does not exist", "check the file name and folder"),
    "tabular-folder": Spec(E, "this is a folder, not a file", "give a .csv or .xlsx file"),
    "tabular-unreadable": Spec(E, "the file cannot be read ({reason})", "check its permissions"),
    "tabular-xls": Spec(E, "this is an old Excel (.xls) file", "save it as .xlsx or as CSV from your spreadsheet"),
    # importing a row of a form export (ingest/): each a Problem on the cell at fault
    "import-cell-date": Spec(E, "'{value}' is not a date (write it 25/11/2026)", "correct the cell, or empty it"),
    "import-cell-no-such-date": Spec(E, "'{value}' is not a real date", "correct the day or the month in the cell"),
    "import-cell-yes-no": Spec(
        E, "'{value}' is not yes or no (write oui or non)", "correct the cell, or say in the mapping which answer means yes"
    ),
    "import-cell-number": Spec(E, "'{value}' is not a whole number", "write a number such as 12 in the cell"),
    "import-cell-decimal": Spec(E, "'{value}' is not a number", "write a number such as 12 or 4,5 in the cell"),
    "import-cell-choice": Spec(
        E,
        "'{value}' is not a known {field} value (known: {known})",
        "correct the cell, or map this answer to one of the known values in the mapping (values:)",
    ),
    "import-cell-choice-none": Spec(
        E, "'{value}' is not a known {field} value (the programme declares none)", "declare the values in programme.yaml, or empty the cell"
    ),
    "import-cell-formula": Spec(
        E,
        "starts like a spreadsheet formula; check the cell",
        "remove the leading =, +, - or @ if the cell is text (formulas are never imported)",
    ),
    "import-cell-required": Spec(E, "{field} is empty but required", "fill in the cell, or remove the row"),
    "import-email-twice": Spec(E, "same e-mail as row {row}", "keep one of the two rows, or correct the e-mail"),
    "import-email-other-role": Spec(
        E, "this e-mail already belongs to {path}", "check the --role given; one person cannot be mentor and mentee of one programme"
    ),
    # a mapping file of the import (ingest/mapping.py): a Problem on its line, every one found
    "import-mapping-unreadable": Spec(E, "the mapping file cannot be read ({reason})", "check the file name, and that it is saved as text"),
    "import-mapping-shape": Spec(
        E, "a mapping file is a YAML mapping with a `columns:` section", "start from `mentorat import FILE --role ROLE --template`"
    ),
    "import-mapping-column": Spec(
        E,
        "column '{header}' must map to a field name, null, or {{field: ..., values: {{...}}, split: ';'}}",
        "see the comments at the top of a mapping written by --template",
    ),
    "import-mapping-field": Spec(E, "column '{header}' maps to '{field}', which a {role} profile does not have", "use one of: {known}"),
    "import-mapping-role": Spec(
        E, "this mapping is for role '{found}', not {role}", "use --role {found}, or change `role:` in the mapping"
    ),
    # a field a human edited and the source changed too: the file's value is kept
    "import-conflict": Spec(
        "warning",
        "{field} changed in row {row} of {source} and was edited by hand since the last import; kept the file's value",
        "keep it, or run the import again with --force to take the source's value",
    ),
    "import-conflict-new": Spec(
        "warning",
        "{field} differs between row {row} of {source} and the file, which no import wrote; kept the file's value",
        "keep it, or run the import again with --force to take the source's value",
    ),
    "tabular-binary": Spec(E, "this is not a text file", "give a .csv or .xlsx file"),
}

TEXT: dict[str, str] = {
    "import-no-rows": "{file} has a header row but no data rows",
    "import-no-rows-hint": "check that you exported the right sheet",
    "import-role-needed": "say which kind of people the file holds",
    "import-role-needed-hint": "add --role mentor or --role mentee",
    "import-required-column": "no column of {file} gives the {field} (headers: {headers})",
    "import-required-column-hint": "rename the column, or write a mapping: mentorat import {file} --role {role} --template",
    "import-state-damaged": "the import state file {path} is damaged",
    "import-state-damaged-hint": "restore {path} from git (git checkout -- {path}); it must not be edited by hand",
    "import-state-header": "Written by `mentorat import`: for each imported person and field, a fingerprint of the\n"
    "value last imported (a hash, not the value), so that an import can tell a hand edit\n"
    "from a change in the source. Commit this file; do not edit it.",
    "import-template-intro-1": "# Mapping for `mentorat import FILE --role {role} --mapping THIS_FILE`.",
    "import-template-intro-2": '# Each column: a field, null (not imported), or {{field: F, values: {{"Label": value}}, split: ";"}}.',
    "import-template-intro-3": "# Fields: {fields}",
    "import-template-unknown": "not recognised: give a field or leave null",
    "import-template-intro-null": '# null means "no value": a column set to null is not imported, '
    "an answer set to null leaves the field empty.",
    "import-template-intro-check": "# Every answer found is listed with the value it is read as; "
    "check those marked `check`, replace each null you can place.",
    "import-template-answer-unknown": "not recognised: give a value, or leave null for no value",
    "import-template-answer-check": 'check: close to "{near}"',
    "import-template-many": "{count} different answers: too many to list; labels are read as they come",
    "import-template-written": "wrote {path}: {known} of {total} columns recognised, {unknown} answer(s) to place (null), "
    "{check} to check; edit it, then import with --mapping {path}",
    "import-template-exists": "{path} already exists",
    "import-template-exists-hint": "add --force to overwrite it, or choose another file with --output",
    "import-unknown-header": "{file}: column '{header}' is not imported (the mapping does not know it)",
    "import-missing-header": "{file}: column '{header}' of the mapping is not in the file",
    "import-create": "create {path} (row {row})",
    "import-update": "update {path}: {fields} (row {row})",
    "import-summary": "{created} to create, {updated} to update, {unchanged} unchanged, {conflicts} conflict(s), "
    "{rejected} row(s) rejected",
    "import-dry-run": "dry run: nothing written",
    "import-blocked": "nothing written: {rows} row(s) have errors",
    "import-blocked-hint": "fix them in the file, or add --skip-invalid to import the valid rows only",
    "import-done": "imported from {file}: {created} created, {updated} updated, {unchanged} unchanged",
    "import-nothing": "nothing to change: the programme already holds this file's data",
    # export
    "export-key-missing": "--pseudonymise needs a secret key, and none is set (environment variable {env} or file {path})",
    "export-key-short": "the pseudonym key is too short (at least {minimum} characters)",
    "export-key-in-repo": "the pseudonym key file {path} is inside the programme folder, where it could be committed",
    "export-key-hint": 'create a key outside the repository, e.g. `mkdir -p {path.parent} && python3 -c "import secrets; '
    'print(secrets.token_urlsafe(32))" > {path} && chmod 600 {path}`, or set {env}; '
    "keep it safe: the same key gives the same pseudonyms",
    "export-stdout-xlsx": "an XLSX export cannot go to the terminal",
    "export-stdout-xlsx-hint": "give a file with -o, e.g. -o out/people.xlsx",
    "export-written": "wrote {path}: {rows} row(s){pseudo}",
    "export-pseudo-note": ", names and e-mails pseudonymised; job, unit, organisation and city left out, département instead of postcode",
    "export-small-groups": (
        "warning: {count} row(s) share their role, public, sector, experience, département and cohort "
        "with fewer than {minimum} people, so they could still single someone out "
        "(spreadsheet lines {lines}); remove or merge those values before sharing the file"
    ),
    "export-generalised": "so that every combination of role, cohort, public, sector, experience and place is shared by at least "
    "{k} people: {steps}",
    "export-gen-experience": "experience in wider bands ({bands})",
    "export-gen-experience-out": "experience left out",
    "export-gen-region": "region instead of département",
    "export-gen-area": "metropolitan France or overseas instead of département",
    "export-gen-place-out": "place left out",
    "export-gen-sector-out": "sector left out",
    "export-gen-public-out": "public left out",
    "export-gen-withheld": "{count} row(s) with a rare combination have these columns shown as {word}",
    # person show
    "person-unknown": "no mentor or mentee has the id '{id}'",
    "person-unknown-hint": "ids are the file names under mentors/ and mentees/ (without .yaml)",
    "show-title": "Everything held on {path} ({role}), as of these files:",
    "show-profile": "Profile:",
    "show-pairs": "Pairs ({count}), with the coordinator's contacts:",
    "show-feedback": "Survey responses by this person ({count}):",
    "show-feedback-other": "{path}: by the other member of the pair, not shown (it is theirs)",
    "show-notes": "Meeting notes ({count}), metadata only: the text of a note is private to the pair and is not shown here:",
    "show-mentions": "Mentioned in other files ({count}):",
    "show-mention-not-with": "{path}: in not_with (must not be paired with this person)",
    "show-mention-alternative": "{path}: as an alternative mentor",
    "show-import-state": "Import records: .mentorat/import-state.yaml holds fingerprints (hashes) of the values last imported "
    "for this person, not the values.",
    "show-outside": "Not covered: git history, exports and documents generated earlier (under out/ or sent by e-mail), backups.",
    # forget
    "forget-nobody": "give the id of the person to erase, or --expired",
    "forget-nobody-hint": "e.g. mentorat forget marie-dupont --dry-run",
    "forget-none-expired": "nobody is past the retention period ({months} months after the cohort's end)",
    "forget-already": "{path} is already erased",
    "forget-profile": "{old}: replaced by the anonymous record {new} (kept: {kept})",
    "forget-state": "{path}: removed this person's import fingerprints",
    "forget-pair-ended": "{old}: pair ended (data erased on request), renamed {new}, contact summaries and matching explanations removed",
    "forget-pair": "{old}: renamed {new}, contact summaries and matching explanations removed",
    "forget-notes": "{folder}: removed {count} file(s) (meeting notes of the pair)",
    "forget-feedback-removed": "{path}: removed (this person's survey response)",
    "forget-feedback-other": "{path}: the other member's response kept as {new}, without its comment, pointing to the renamed pair",
    "forget-reference": "{path}: reference to the erased person updated to the new id",
    "forget-leftover": "{path}: NOT changed, its name mentions an erased id; check it and delete it if needed",
    "forget-dry-run": "dry run: nothing changed",
    "forget-done": "erased {count} person(s) from the working tree",
    "forget-git": "Git history still holds the old data: these changes only affect the files as they are now.",
    "forget-git-how": "After committing, purge the history (this rewrites it; every clone must be cloned again):",
    "forget-git-command": "  git filter-repo --invert-paths {paths}",
    "forget-git-changed": "Files changed in place keep their earlier content in the history as well ({paths}); "
    "to scrub it, list the old values in a file and run git filter-repo --replace-text FILE.",
    "forget-not-git": "This folder is not in a git repository; copies and backups made elsewhere are not changed.",
    "forget-backups": "Exports and documents already sent, and backups, are not changed.",
}
