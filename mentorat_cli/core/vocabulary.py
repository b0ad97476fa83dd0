"""Values in the words people use: French and English labels and common variants -> canonical ids.

Defined once here and used everywhere a person types a value: CLI choices (through click's
token_normalize_func, see cli.py), YAML files (normalised in memory on load, before the schema
check; files are never rewritten for it, and every write stores the canonical id), and the
schemas' documentation (`markdownEnumDescriptions`, generated from these tables by `mentorat_cli.tools.schema_labels`).
Accents, case, spaces, hyphens and underscores do not matter: `Présentiel`, `presentiel` and
`in-person` are all `in_person`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# vocabulary -> canonical id -> (French label, English label, other accepted words)
VOCABULARIES: dict[str, dict[str, tuple[str, str, tuple[str, ...]]]] = {
    "format": {
        "remote": ("à distance", "remote", ("distance", "distanciel", "en ligne", "online", "en visio")),
        "in_person": ("en présentiel", "in person", ("présentiel", "sur place", "face à face", "in-person")),
        "hybrid": ("hybride", "hybrid", ("mixte",)),
        "any": ("indifférent", "any", ("peu importe", "sans préférence", "no preference")),
    },
    "availability": {
        "weekday_daytime": ("en semaine en journée", "weekday daytime", ("journée", "en journée", "daytime")),
        "weekday_lunch": ("en semaine à midi", "weekday lunchtime", ("midi", "pause déjeuner", "lunch", "lunchtime")),
        "weekday_evening": ("en semaine le soir", "weekday evening", ("soir", "le soir", "soirée", "evening")),
        "weekend": ("le week-end", "weekend", ("week-end", "week end", "samedi", "dimanche")),
    },
    "person_status": {
        "applicant": ("candidat(e)", "applicant", ("candidat", "candidate", "candidature", "inscrit", "inscrite")),
        "accepted": ("accepté(e)", "accepted", ("accepté", "acceptée", "acceptés", "acceptées", "retenu", "retenue")),
        "waitlisted": ("sur liste d'attente", "waitlisted", ("liste d'attente", "en attente", "waiting list")),
        "declined": ("refusé(e)", "declined", ("refusé", "refusée", "refus", "non retenu", "non retenue")),
        "withdrawn": ("retiré(e)", "withdrawn", ("retiré", "retirée", "désisté", "désistée", "abandon")),
        "erased": ("effacé(e)", "erased", ("effacé", "effacée", "supprimé", "supprimée")),
    },
    "pair_status": {
        "proposed": ("proposé", "proposed", ("proposée", "proposition")),
        "confirmed": ("confirmé", "confirmed", ("confirmée", "validé", "validée")),
        "ended": ("terminé", "ended", ("terminée", "clos", "close", "fini", "finie")),
    },
    "ended_by": {
        "mentor": ("le mentor", "mentor", ("mentore", "la mentore")),
        "mentee": ("la personne mentorée", "mentee", ("mentoré", "mentorée", "filleul", "filleule")),
        "coordinator": ("la coordination", "coordinator", ("coordination", "coordinateur", "coordinatrice", "référent")),
        "completed": ("arrivé à terme", "completed", ("à terme", "terme", "achevé")),
    },
    # programme.yaml's declared fields and criteria (core/declared.py reads its keywords from these)
    "declared_type": {
        "text": ("texte", "text", ()),
        "yes-no": ("oui-non", "yes-no", ("boolean",)),
        "list": ("liste", "list", ()),
        "number": ("nombre", "number", ()),
        "scale": ("échelle", "scale", ()),
    },
    "declared_side": {
        "mentor": ("mentor", "mentor", ()),
        "mentee": ("mentoré", "mentee", ()),
        "both": ("les-deux", "both", ("tous-les-deux",)),
    },
    "declared_kind": {
        "same": ("identique", "same", ("même-valeur",)),
        "overlap": ("commun", "overlap", ("en-commun",)),
        "gap": ("écart", "gap", ()),
        "scale": ("échelle", "scale", ()),
    },
    "declared_mode": {
        "at_least": ("au-moins", "at-least", ()),
        "at_most": ("au-plus", "at-most", ()),
        "closest": ("le-plus-proche", "closest", ("proche",)),
    },
    "channel": {
        "phone": ("téléphone", "phone", ("tel", "tél", "telephone", "appel", "call")),
        "mail": ("courriel", "e-mail", ("mail", "email", "mél", "courrier électronique")),
        "visio": ("visioconférence", "video call", ("visio", "video", "vidéo", "visioconference")),
        "in_person": ("en présentiel", "in person", ("présentiel", "rencontre", "sur place", "in-person")),
    },
    "role": {
        "mentor": ("mentor", "mentor", ("mentore",)),
        "mentee": ("mentoré(e)", "mentee", ("mentoré", "mentorée", "filleul", "filleule")),
    },
    "note_kind": {
        "first": ("première rencontre", "first meeting", ("première", "premiere", "premier")),
        "regular": ("rencontre régulière", "regular meeting", ("régulière", "suivi", "courante")),
        "review": ("point d'étape", "review", ("point étape", "bilan intermédiaire")),
        "final": ("rencontre de clôture", "final meeting", ("clôture", "bilan final", "dernière")),
    },
    "satisfaction": {
        "very_satisfied": ("très satisfait(e)", "very satisfied", ("très satisfait", "très satisfaite")),
        "rather_satisfied": ("plutôt satisfait(e)", "rather satisfied", ("plutôt satisfait", "plutôt satisfaite")),
        "rather_not_satisfied": (
            "plutôt pas satisfait(e)",
            "rather not satisfied",
            ("plutôt pas satisfait", "plutôt pas satisfaite", "peu satisfait", "peu satisfaite"),
        ),
        "not_satisfied": ("pas satisfait(e)", "not satisfied", ("pas satisfait", "pas satisfaite", "insatisfait", "insatisfaite")),
    },
    "reached": {
        "yes": ("oui", "yes", ("atteint", "atteints")),
        "partly": ("en partie", "partly", ("partiellement", "partially")),
        "no": ("non", "no", ("pas atteint",)),
    },
    "kind": {
        "school": ("école", "school", ("établissement", "université")),
        "ministry": ("ministère", "ministry", ("administration", "fonction publique")),
        "company": ("entreprise", "company", ("société",)),
        "alumni": ("anciens élèves", "alumni", ("anciens", "alumnis")),
        "youth": ("jeunes", "youth", ("jeunesse",)),
    },
    "language": {
        "fr": ("français", "French", ("francais", "french")),
        "en": ("anglais", "English", ("english",)),
    },
    "export": {
        "people": ("personnes", "people", ("personne", "participants")),
        "pairs": ("binômes", "pairs", ("binôme",)),
        "meetings": ("rencontres", "meetings", ("comptes rendus",)),
    },
    "objective": {
        "total": ("total", "total", ("maximum",)),
        "fair": ("équitable", "fair", ("équité",)),
    },
}

# Values documented in the schemas (editor completion shows the labels) but not read as people's words:
# an article is itself a word, criterion ids and holiday regions are settings written once by whoever
# sets the programme up. vocabulary -> canonical id -> (French label, English label).
LABELS_ONLY: dict[str, dict[str, tuple[str, str]]] = {
    "gender_form": {"feminine": ("féminin", "feminine"), "masculine": ("masculin", "masculine"), "epicene": ("épicène", "epicene")},
    "unmatched_reason": {
        "no-feasible-mentor": ("aucun mentor possible", "no feasible mentor"),
        "all-feasible-mentors-full": ("tous les mentors possibles sont complets", "every feasible mentor is full"),
    },
    "organiser_article": {
        "l'": ("l' (devant une voyelle ou un h muet)", "l' (before a vowel or a mute h)"),
        "le": ("le", "le (masculine)"),
        "la": ("la", "la (feminine)"),
        "les": ("les", "les (plural)"),
        "": ("sans article", "no article"),
    },
    "criterion": {
        "themes": ("thèmes", "themes"),
        "sector": ("secteur", "sector"),
        "public": ("public", "public"),
        "distance": ("distance", "distance"),
        "format": ("format des rencontres", "meeting format"),
        "availability": ("disponibilités", "availability"),
        "school": ("école", "school"),
    },
    "holiday_region": {
        "57": ("Moselle", "Moselle"),
        "6AE": ("Alsace", "Alsace"),
        "971": ("Guadeloupe", "Guadeloupe"),
        "972": ("Martinique", "Martinique"),
        "973": ("Guyane", "French Guiana"),
        "974": ("La Réunion", "Réunion"),
        "976": ("Mayotte", "Mayotte"),
        "BL": ("Saint-Barthélemy", "Saint Barthélemy"),
        "MF": ("Saint-Martin", "Saint Martin"),
        "NC": ("Nouvelle-Calédonie", "New Caledonia"),
        "PF": ("Polynésie française", "French Polynesia"),
        "PM": ("Saint-Pierre-et-Miquelon", "Saint Pierre and Miquelon"),
        "TF": ("Terres australes et antarctiques françaises", "French Southern and Antarctic Lands"),
        "WF": ("Wallis-et-Futuna", "Wallis and Futuna"),
    },
}

# Where each vocabulary applies in the files: kind -> (dotted path, vocabulary); [] means every item.
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "mentor": (("format", "format"), ("availability[]", "availability"), ("status", "person_status")),
    "mentee": (("format", "format"), ("availability[]", "availability"), ("status", "person_status")),
    "pair": (("status", "pair_status"), ("ended_by", "ended_by"), ("contacts[].channel", "channel")),
    "note": (("kind", "note_kind"),),
    "feedback": (("role", "role"), ("satisfaction", "satisfaction"), ("objectives[].reached", "reached")),
    # programme.yaml's kind and language are left out on purpose: they choose the charter, the rules
    # and the language of everything; a value there that is not an id is reported, not interpreted
    # (and `kind: ecole` is the planted typo of issue 12's tests).
}


def norm(value: Any) -> str:
    """Free-text values compared whole (sectors, schools, declared answers): case folded, spacing ignored, accents kept."""
    return " ".join(str(value).casefold().split()) if value is not None else ""


def fold(word: str) -> str:
    """Accents, case, and the separators people vary (space, -, _, ') set aside: `Présentiel` -> `presentiel`."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    for separator in ("-", "_", "'", "\u2019"):
        plain = plain.replace(separator, " ")
    return " ".join(plain.split())


def _index(entries: dict[str, tuple[str, str, tuple[str, ...]]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, (french, english, others) in entries.items():
        for word in (canonical, french, english, *others, french.replace("(e)", "")):
            index.setdefault(fold(word), canonical)
    return index


_INDEXES = {name: _index(entries) for name, entries in VOCABULARIES.items()}
_CANONICAL = {canonical for entries in VOCABULARIES.values() for canonical in entries}
# For the command line, where a choice does not say which vocabulary it uses: a word maps to
# an id only when all vocabularies agree, and a canonical id always stays itself (`visio`).
_GLOBAL: dict[str, str] = {}
_AMBIGUOUS: set[str] = set()
for _index_ in _INDEXES.values():
    for _word, _canonical in _index_.items():
        if _GLOBAL.setdefault(_word, _canonical) != _canonical:
            _AMBIGUOUS.add(_word)


def canonical(vocabulary: str, value: Any) -> Any:
    """The canonical id of `value` in `vocabulary`, or `value` unchanged when it is not a known word."""
    if not isinstance(value, str):
        return value
    return _INDEXES[vocabulary].get(fold(value), value)


def normalise_token(token: str) -> str:
    """click's token_normalize_func: a typed word -> the canonical id it names (other tokens unchanged)."""
    if token in _CANONICAL or token.startswith("-"):
        return token
    folded = fold(token)
    if folded in _AMBIGUOUS:
        return token
    return _GLOBAL.get(folded, token)


def accepted_words(ids: list[str], lang: str | None = None) -> str:
    """`phone (téléphone), mail (courriel)...`: what an error lists as accepted for a choice."""
    from mentorat_cli.core.i18n import language

    lang = lang or language()
    shown = []
    for canonical_id in ids:
        found = next((entries[canonical_id] for entries in VOCABULARIES.values() if canonical_id in entries), None)
        word = canonical_id if found is None else (found[0] if lang == "fr" else found[1])
        shown.append(canonical_id if fold(word) == fold(canonical_id) else f"{canonical_id} ({word})")
    return ", ".join(shown)


def label(vocabulary: str, canonical_id: str, lang: str | None = None) -> str:
    """How people read an id in the run's language (`accepted` -> `accepté(e)`); English keeps the id."""
    from mentorat_cli.core.i18n import SOURCE, language

    lang = lang or language()
    entry = VOCABULARIES[vocabulary].get(canonical_id)
    if entry is None or lang == SOURCE:
        return canonical_id
    return entry[0]


def labels(vocabulary: str) -> dict[str, dict[str, str]]:
    """{id: {"fr": label, "en": label}} of a vocabulary (or a LABELS_ONLY table), for the schemas' documentation."""
    if vocabulary in LABELS_ONLY:
        return {cid: {"fr": fr, "en": en} for cid, (fr, en) in LABELS_ONLY[vocabulary].items()}
    return {cid: {"fr": fr, "en": en} for cid, (fr, en, _others) in VOCABULARIES[vocabulary].items()}


def normalise_record(kind: str, data: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Replace labels by canonical ids in a freshly loaded file; returns (field, typed, id) for each change."""
    changes: list[tuple[str, Any, Any]] = []
    for path, vocabulary in FIELDS.get(kind, ()):
        _normalise_path(data, path.split("."), vocabulary, path, changes)
    return changes


def _normalise_path(node: Any, steps: list[str], vocabulary: str, path: str, changes: list[tuple[str, Any, Any]]) -> None:
    if not isinstance(node, dict) or not steps:
        return
    step, rest = steps[0], steps[1:]
    many = step.endswith("[]")
    key = step[:-2] if many else step
    if key not in node:
        return
    if many:
        items = node[key]
        if not isinstance(items, list):
            return
        for position, item in enumerate(items):
            if rest:
                _normalise_path(item, rest, vocabulary, path, changes)
            else:
                items[position] = _swap(item, vocabulary, path, changes)
    elif rest:
        _normalise_path(node[key], rest, vocabulary, path, changes)
    else:
        node[key] = _swap(node[key], vocabulary, path, changes)


def _swap(value: Any, vocabulary: str, path: str, changes: list[tuple[str, Any, Any]]) -> Any:
    result = canonical(vocabulary, value)
    if result != value:
        changes.append((path, value, result))
    return result
