"""Messages of the evaluation area: surveys, the report and the quality self-assessment."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

E, W = "error", "warning"

PROBLEMS: dict[str, Spec] = {
    # survey import: the mapping file
    "survey-mapping-unreadable": Spec(
        E, "cannot read the mapping file: {reason}", "give --mapping a YAML file describing the columns, saved as text (UTF-8)"
    ),
    "survey-mapping-shape": Spec(
        E, "mapping: the file needs a 'columns' mapping (header: field)", "see `mentorat survey import --help` for the mapping file's form"
    ),
    "survey-mapping-field": Spec(
        E,
        "mapping: '{target}' is not a survey field",
        "use one of {fields}, or objectives.<theme id> (see `mentorat survey import --help`)",
    ),
    "survey-mapping-no-satisfaction": Spec(
        E, "mapping: no column is mapped to 'satisfaction'", "add the column of the satisfaction question"
    ),
    "survey-mapping-no-respondent": Spec(
        E, "mapping: no column says who answered", "map an 'email' column, or both 'pair' and 'role' columns"
    ),
    "survey-mapping-values-shape": Spec(
        E, "mapping: 'values' must map a field to {{answer label: code}}", "see `mentorat survey import --help` for the mapping file's form"
    ),
    "survey-mapping-values-field": Spec(
        E, "values.{key}: answer labels can be given for {fields} only", "remove it, or use one of those fields"
    ),
    "survey-mapping-values-code": Spec(E, "values.{key}: each label must map to one of {codes}", "correct the codes of this list"),
    "survey-mapping-column": Spec(
        E,
        "the column '{header}' named for '{field}' is not in {table}",
        "correct the column name in the mapping (the table's columns are: {columns})",
    ),
    # survey import: the rows
    "survey-row-value": Spec(
        E, "{field}: '{value}' is not a known answer", "add it under values.{key} in the mapping, or correct the cell ({allowed})"
    ),
    "survey-row-missing": Spec(E, "{field} is empty", "fill in the cell, or remove the row if it is not a real answer"),
    "survey-row-person": Spec(E, "no mentor or mentee has the e-mail '{email}'", "correct the e-mail, or add the person to the programme"),
    "survey-row-pair": Spec(
        E,
        "{who} has {count} introduced pairs, so the row cannot say which pair it is about",
        "map a 'pair' column (and a 'role' column) giving the pair id, or remove the row",
    ),
    "survey-row-pair-unknown": Spec(E, "pair '{pair}' does not exist", "correct the pair id"),
    "survey-row-invalid": Spec(
        E, "{field} cannot be stored as it is (too long or malformed)", "shorten or correct the cell (see schemas/feedback.schema.json)"
    ),
    "survey-row-duplicate": Spec(E, "a second answer for the same {role} of pair '{pair}' (also row {other})", "keep one of the two rows"),
    # audit criteria file
    "audit-criteria": Spec(E, "audit criteria: {detail}", "see the bundled criteria file ({bundled}) for the expected form"),
}

TEXT: dict[str, str] = {
    "report-unknown-cohort": "no cohort '{cohort}' in this programme",
    "report-unknown-cohort-hint": "known cohorts: {known}",
    "report-written": "Report written to {path}",
    "survey-who-mentee": "the mentee with this e-mail",
    "survey-who-mentor": "the mentor with this e-mail",
    "survey-written": "Questionnaire written to {path}",
    "survey-import-done": "{created} response(s) created, {unchanged} unchanged, {skipped} kept as edited (use --force to replace them)",
    "survey-import-dry": "Dry run: {created} response(s) would be created, {unchanged} unchanged, {skipped} kept as edited",
    "survey-import-failed": "no response imported: fix the rows above first",
    "survey-import-skip": "kept {path}: it differs from the imported answer (edited by hand?)",
    "survey-mapping-absent": "the file does not exist",
    "survey-mapping-missing": "no mapping given, and the columns are not those of `mentorat survey blank`: "
    "say which column holds which answer with --mapping FILE",
    "survey-mapping-guessed": "no --mapping: {count} of {total} columns recognised from the questionnaire's questions",
    "survey-mapping-missing-hint": "start from a guess: mentorat survey import {file} --template",
    "survey-template-exists": "{path} already exists",
    "survey-template-exists-hint": "edit it, give another file with -o, or replace it with --force",
    "survey-template-written": "Starter mapping written to {path}: check each line, then run the import with --mapping",
    "audit-stage": "{title}",
    "audit-met": "  met      {label}: {evidence}",
    "audit-missing": "  MISSING  {label}: {evidence}",
    "audit-na": "  n/a      {label}: {evidence}",
    "audit-fix": "           fix: {files}",
    "audit-more": "{files} and {more} more",
    "audit-summary": "{met} criteria met, {missing} missing, {na} not applicable yet",
    "audit-evidence": "{value} of {base} ({pct}, threshold {threshold})",
    "audit-evidence-none": "nothing to assess yet",
    "audit-source": "criteria from {path}",
}
