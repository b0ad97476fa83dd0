"""What an imported column can fill: profile fields, their value types, and the headers forms use for them."""

from __future__ import annotations

import functools
import re
import unicodedata

# Value types: how a cell's text becomes a profile value.
TEXT, INT, BOOL, DATE, CHOICE, CHOICES, LANGS = "text", "int", "bool", "date", "choice", "choices", "langs"

# Fields an import may fill, in the order they are written (the schema's order), with their type.
COMMON_FIELDS: dict[str, str] = {
    "first_name": TEXT,
    "last_name": TEXT,
    "email": TEXT,
    "phone": TEXT,
    "organisation": TEXT,
    "unit": TEXT,
    "manager": TEXT,
    "level": INT,
    "experience_years": INT,
    "career_path": TEXT,
    "sector": TEXT,
    "job": TEXT,
    "school": TEXT,
    "civil_servant": BOOL,
    "motivation": TEXT,
    "membership_paid": BOOL,
    "location.city": TEXT,
    "location.postcode": TEXT,
    "location.country": TEXT,
    "languages": LANGS,
    "availability": CHOICES,
    "format": CHOICE,
    "trained_on": DATE,
    "consent_evaluation": BOOL,
    "status": CHOICE,
    "registered_on": DATE,
    "cohort": TEXT,
    "left_on": DATE,
}
ROLE_FIELDS: dict[str, dict[str, str]] = {
    "mentor": {"themes": CHOICES, "publics": CHOICES, "capacity": INT},
    "mentee": {"public": CHOICE, "objectives": CHOICES},
}
LOCATION_ORDER = ["city", "postcode", "country"]

# Fixed vocabularies with the labels forms show (folded: see `fold`).
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "format": {
        "distance": "remote",
        "a distance": "remote",
        "visio": "remote",
        "en ligne": "remote",
        "remote": "remote",
        "online": "remote",
        "presentiel": "in_person",
        "en presentiel": "in_person",
        "in person": "in_person",
        "face to face": "in_person",
        "hybride": "hybrid",
        "mixte": "hybrid",
        "hybrid": "hybrid",
        "indifferent": "any",
        "peu importe": "any",
        "sans preference": "any",
        "any": "any",
        "no preference": "any",
        "les deux": "hybrid",
        "pas de preference": "any",
        "distanciel": "remote",
        "a distance visio telephone": "remote",
        "visioconference": "remote",
        "presentiel si possible": "in_person",
        "either": "any",
    },
    "availability": {
        "en semaine en journee": "weekday_daytime",
        "semaine journee": "weekday_daytime",
        "journee": "weekday_daytime",
        "weekday daytime": "weekday_daytime",
        "pause dejeuner": "weekday_lunch",
        "midi": "weekday_lunch",
        "dejeuner": "weekday_lunch",
        "weekday lunch": "weekday_lunch",
        "lunch": "weekday_lunch",
        "soir": "weekday_evening",
        "en soiree": "weekday_evening",
        "soiree": "weekday_evening",
        "evening": "weekday_evening",
        "weekday evening": "weekday_evening",
        "week end": "weekend",
        "weekend": "weekend",
        "en semaine journee": "weekday_daytime",
        "en journee": "weekday_daytime",
        "le midi": "weekday_lunch",
        "en semaine le midi": "weekday_lunch",
        "en semaine soir": "weekday_evening",
        "en semaine en soiree": "weekday_evening",
        "le soir": "weekday_evening",
        "le week end": "weekend",
        "samedi": "weekend",
    },
    "status": {
        "candidat": "applicant",
        "candidate": "applicant",
        "applicant": "applicant",
        "accepte": "accepted",
        "retenu": "accepted",
        "accepted": "accepted",
        "desiste": "withdrawn",
        "withdrawn": "withdrawn",
        "liste d attente": "waitlisted",
        "waiting list": "waitlisted",
        "waitlisted": "waitlisted",
        "refuse": "declined",
        "non retenu": "declined",
        "declined": "declined",
    },
}
LANGUAGE_LABELS = {
    "francais": "fr",
    "french": "fr",
    "anglais": "en",
    "english": "en",
    "allemand": "de",
    "german": "de",
    "espagnol": "es",
    "spanish": "es",
    "italien": "it",
    "italian": "it",
    "arabe": "ar",
    "arabic": "ar",
    "portugais": "pt",
    "portuguese": "pt",
}

# Folded header -> field. Role-specific entries are resolved by `field_for_header`.
HEADER_SYNONYMS: dict[str, str] = {
    "nom": "last_name",
    "nom de famille": "last_name",
    "last name": "last_name",
    "surname": "last_name",
    "family name": "last_name",
    "prenom": "first_name",
    "first name": "first_name",
    "given name": "first_name",
    "courriel": "email",
    "e mail": "email",
    "email": "email",
    "mail": "email",
    "adresse mail": "email",
    "adresse e mail": "email",
    "adresse electronique": "email",
    "adresse email": "email",
    "email address": "email",
    "telephone": "phone",
    "tel": "phone",
    "portable": "phone",
    "phone": "phone",
    "mobile": "phone",
    "phone number": "phone",
    "ville": "location.city",
    "city": "location.city",
    "commune": "location.city",
    "code postal": "location.postcode",
    "cp": "location.postcode",
    "postcode": "location.postcode",
    "postal code": "location.postcode",
    "zip": "location.postcode",
    "pays": "location.country",
    "country": "location.country",
    "annees d experience": "experience_years",
    "nombre d annees d experience": "experience_years",
    "experience": "experience_years",
    "years of experience": "experience_years",
    "experience years": "experience_years",
    "themes": "themes",
    "thematiques": "themes",
    "themes souhaites": "themes",
    "topics": "themes",
    "organisation": "organisation",
    "employeur": "organisation",
    "administration": "organisation",
    "structure": "organisation",
    "employer": "organisation",
    "organization": "organisation",
    "service": "unit",
    "direction": "unit",
    "unit": "unit",
    "department": "unit",
    "poste": "job",
    "fonction": "job",
    "intitule du poste": "job",
    "job": "job",
    "job title": "job",
    "secteur": "sector",
    "secteur d activite": "sector",
    "sector": "sector",
    "ecole": "school",
    "school": "school",
    "voie d acces": "public",
    "concours": "public",
    "public": "public",
    "access route": "public",
    "publics": "publics",
    "disponibilites": "availability",
    "availability": "availability",
    "format": "format",
    "modalite": "format",
    "format des rencontres": "format",
    "langues": "languages",
    "langues parlees": "languages",
    "languages": "languages",
    "capacite": "capacity",
    "nombre de mentores": "capacity",
    "capacity": "capacity",
    "date d inscription": "registered_on",
    "horodateur": "registered_on",
    "timestamp": "registered_on",
    "registration date": "registered_on",
    "fonctionnaire": "civil_servant",
    "civil servant": "civil_servant",
    "cotisation a jour": "membership_paid",
    "cotisation": "membership_paid",
    "membership paid": "membership_paid",
    "courriel du responsable": "manager",
    "responsable hierarchique": "manager",
    "manager": "manager",
    "manager email": "manager",
    "niveau": "level",
    "level": "level",
    "parcours": "career_path",
    "career path": "career_path",
    "consentement evaluation": "consent_evaluation",
    "consent evaluation": "consent_evaluation",
    "promotion": "cohort",
    "cohorte": "cohort",
    "cohort": "cohort",
    "statut": "status",
    "status": "status",
    "formation suivie le": "trained_on",
    "trained on": "trained_on",
    # Questions French application forms ask, as Framaforms, Google Forms or démarches simplifiées export them.
    "format prefere": "format",
    "format souhaite": "format",
    "modalite souhaitee": "format",
    "modalite des rencontres": "format",
    "preferred format": "format",
    "meeting format": "format",
    "annees d experience professionnelle": "experience_years",
    "experience professionnelle": "experience_years",
    "nombre d annees d experience professionnelle": "experience_years",
    "anciennete": "experience_years",
    "years of professional experience": "experience_years",
    "nombre de mentores acceptes": "capacity",
    "nombre de mentores souhaites": "capacity",
    "combien de mentores": "capacity",
    "number of mentees": "capacity",
    "mentees accepted": "capacity",
    "public souhaite": "publics",
    "publics souhaites": "publics",
    "public accompagne": "publics",
    "preferred public": "publics",
    "publics wished": "publics",
    "voie d acces au concours": "public",
    "concours passe": "public",
    "mode d acces": "public",
    "ancien eleve de": "school",
    "ancienne eleve de": "school",
    "ancien ne eleve de": "school",
    "ecole d origine": "school",
    "formation initiale": "school",
    "alumni of": "school",
    "former school": "school",
    "motivation": "motivation",
    "motivations": "motivation",
    "vos motivations": "motivation",
    "pourquoi souhaitez vous etre mentore": "motivation",
    "pourquoi souhaitez vous devenir mentor": "motivation",
    "why do you apply": "motivation",
    "motivation letter": "motivation",
    "mes disponibilites": "availability",
    "vos disponibilites": "availability",
    "creneaux": "availability",
    "creneaux preferes": "availability",
    "when are you available": "availability",
    "thematiques souhaitees": "themes",
    "sujets": "themes",
    "objectifs": "themes",
    "objectives": "themes",
    "langues pratiquees": "languages",
    "date de soumission": "registered_on",
    "date de reponse": "registered_on",
    "submitted at": "registered_on",
    "submission date": "registered_on",
}
# Longer headers ("Années d'expérience professionnelle (en années)") start with a known question:
# the longest known header of at least two words that begins the folded header is taken.
_PREFIXES = sorted((k for k in HEADER_SYNONYMS if " " in k), key=lambda k: (-len(k), k))
# Same words, other role: a mentor lists the publics they help; a mentee has one.
# A mentee's themes are the themes of their objectives.
ROLE_SWAP = {"mentor": {"public": "publics"}, "mentee": {"publics": "public", "themes": "objectives"}}

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that Unicode does not decompose into a Latin letter and an accent.
_LETTERS = str.maketrans(
    {"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"}
)


@functools.lru_cache(maxsize=8192)  # form cells repeat the same few labels thousands of times
def fold(value: str) -> str:
    """Lower-case ASCII words: accents dropped, punctuation to single spaces (`Années d'expérience` -> `annees d experience`)."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_LETTERS))
    # Accents go; any other non-ASCII sign (’, «, –) separates words like a space.
    ascii_text = "".join(c if c.isascii() else "" if unicodedata.combining(c) else " " for c in decomposed)
    return _NON_ALNUM.sub(" ", ascii_text.lower()).strip()


def fields_for(role: str) -> dict[str, str]:
    """Every field an import of this role may fill, with its value type."""
    return {**COMMON_FIELDS, **ROLE_FIELDS[role]}


def field_type(role: str, field: str) -> str | None:
    """The value type of a field (`categories.<name>` is text); None when the role has no such field."""
    if field.startswith("categories.") and len(field) > len("categories."):
        return TEXT
    return fields_for(role).get(field)


def field_for_header(header: str, role: str) -> str | None:
    """The field a header is recognised as, for this role; None when unknown."""
    folded = fold(header)
    field = HEADER_SYNONYMS.get(folded)
    if field is None:
        field = next((HEADER_SYNONYMS[k] for k in _PREFIXES if folded.startswith(k + " ")), None)
    if field is None:
        return None
    field = ROLE_SWAP[role].get(field, field)
    return field if field in fields_for(role) else None
