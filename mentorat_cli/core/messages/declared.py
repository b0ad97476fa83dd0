"""Messages of the fields and criteria a programme declares (programme.yaml `extra_fields`, `extra_criteria`)."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

E, W = "error", "warning"

PROBLEMS: dict[str, Spec] = {
    "declared-scale-values": Spec(
        E, "extra field '{name}' is a scale and needs at least two values", "add 'values:' with its values, lowest first"
    ),
    "declared-criterion-name": Spec(
        E, "criterion '{name}' has the name of a built-in criterion or rule", "give it another name, e.g. '{name}_programme'"
    ),
    "declared-criterion-fields": Spec(
        E,
        "criterion '{name}' does not say which fields it compares",
        "add 'field:' (the same field on both sides) or 'mentor:' and 'mentee:'",
    ),
    "declared-criterion-field": Spec(
        E,
        "criterion '{name}': field '{field}' is neither a built-in field nor declared in extra_fields",
        "{suggestion}declare it under extra_fields and write it 'extra.<name>'",
    ),
    "declared-criterion-side": Spec(
        E,
        "criterion '{name}' reads '{field}' on the {role}, but only {side} profiles carry it",
        "read it on the other side, or change its 'side:'",
    ),
    "declared-criterion-type": Spec(
        E,
        "criterion '{name}' of kind '{kind}' cannot compare '{field}' (type {type})",
        "same: text, yes-no, number or scale; overlap: list or text; gap: number; scale: scale",
    ),
    "declared-criterion-types-differ": Spec(
        E,
        "criterion '{name}' compares '{mentor}' (type {mentor_type}) with '{mentee}' (type {mentee_type})",
        "compare fields of the same type",
    ),
    "declared-criterion-scales-differ": Spec(
        E,
        "criterion '{name}' compares two scales with different values",
        "give both fields the same 'values:', or compare one field on both sides",
    ),
    "declared-criterion-weight-or-rule": Spec(
        E,
        "criterion '{name}' needs either a weight or 'rule: true', not both and not neither",
        "'weight: 20' adds to the score; 'rule: true' excludes the couples that do not meet it",
    ),
    "declared-criterion-limit": Spec(
        E, "criterion '{name}' of kind gap needs a limit", "add 'limit:' (a number of the fields' unit, e.g. 'limit: 5')"
    ),
    "declared-extra-unknown": Spec(
        E, "'extra.{key}' is not declared in programme.yaml (extra_fields)", "{suggestion}declare it there, or remove it"
    ),
    "declared-extra-side": Spec(
        E, "'extra.{key}' is declared for {side} profiles only", "remove it from this profile, or change its 'side:' in programme.yaml"
    ),
    "declared-extra-value": Spec(E, "'extra.{key}' is {value}, which is not {expected}", "write {expected}"),
}

TEXT: dict[str, str] = {
    "declared-expect-text": "a text",
    "declared-expect-yes-no": "oui or non (true or false)",
    "declared-expect-number": "a number",
    "declared-expect-list": "a list, e.g. [a, b]",
    "declared-expect-scale": "one of: {values}",
    "declared-side-mentor": "mentor",
    "declared-side-mentee": "mentee",
}

# What proposal files and --explain say about a declared criterion, in the programme's language.
# {label} is the criterion's label in that language; values are quoted as entered.
EVIDENCE: dict[str, dict[str, str]] = {
    "fr": {
        "and": " et ",
        "yes": "oui",
        "no": "non",
        "missing": "{label} : non renseigné pour au moins l'un des deux",
        "same": "{label} : {value} pour les deux",
        "different": "{label} : {mentor} pour le mentor, {mentee} pour le mentoré",
        "overlap": "{label} : en commun {shared}",
        "overlap-none": "{label} : rien en commun",
        "gap-at_least": "{label} : écart de {gap} (au moins {limit} demandé)",
        "gap-at_least-not": "{label} : écart de {gap} seulement (au moins {limit} demandé)",
        "gap-at_most": "{label} : écart de {gap} (au plus {limit} admis)",
        "gap-at_most-not": "{label} : écart de {gap}, au-delà des {limit} admis",
        "gap-closest": "{label} : écart de {gap} (au plus {limit} admis)",
        "gap-closest-not": "{label} : écart de {gap}, au-delà des {limit} admis",
        "scale": "{label} : {mentor} pour le mentor, {mentee} pour le mentoré ({steps} cran(s) d'écart)",
        "scale-not": "{label} : {mentor} pour le mentor, {mentee} pour le mentoré ({steps} crans d'écart, {limit} au plus)",
    },
    "en": {
        "and": " and ",
        "yes": "yes",
        "no": "no",
        "missing": "{label}: missing for at least one of them",
        "same": "{label}: {value} for both",
        "different": "{label}: {mentor} for the mentor, {mentee} for the mentee",
        "overlap": "{label}: {shared} in common",
        "overlap-none": "{label}: nothing in common",
        "gap-at_least": "{label}: gap of {gap} (at least {limit} required)",
        "gap-at_least-not": "{label}: gap of only {gap} (at least {limit} required)",
        "gap-at_most": "{label}: gap of {gap} (at most {limit} allowed)",
        "gap-at_most-not": "{label}: gap of {gap}, beyond the {limit} allowed",
        "gap-closest": "{label}: gap of {gap} (at most {limit} allowed)",
        "gap-closest-not": "{label}: gap of {gap}, beyond the {limit} allowed",
        "scale": "{label}: {mentor} for the mentor, {mentee} for the mentee ({steps} step(s) apart)",
        "scale-not": "{label}: {mentor} for the mentor, {mentee} for the mentee ({steps} steps apart, at most {limit})",
    },
}
