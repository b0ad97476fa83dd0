"""The report's wording in French and English (documents speak the programme's language)."""

from __future__ import annotations

import datetime as dt
from typing import Any

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Bilan du programme de mentorat",
        "subtitle": "{name} — {organiser}",
        "scope": "Cohorte {cohort}, situation au {today}. Seuil de confidentialité : {k} personnes.",
        "s-participants": "Participants",
        "registered": "Inscrits",
        "participants": "Participants",
        "participants-intro": "Sont comptées comme participantes les personnes acceptées et celles qui font partie d'un binôme mis "
        "en relation.",
        "role-mentee": "Mentorés",
        "role-mentor": "Mentors",
        "by-public": "Mentorés par public",
        "by-route": "Mentorés par voie d'accès",
        "by-city": "{role} par ville",
        "by-cat": "{role} par « {cat} »",
        "col-count": "Nombre",
        "col-share": "Part",
        "col-value": "Catégorie",
        "col-figure": "Indicateur",
        "col-month": "Mois",
        "col-active": "Binômes actifs",
        "col-meetings": "Rencontres tenues",
        "not-given": "Non renseigné",
        "total": "Total",
        "others": "Autres ({count} valeurs de moins de {k} personnes chacune)",
        "s-pairs": "Binômes",
        "pairs-total": "Binômes proposés",
        "pairs-introduced": "Binômes mis en relation",
        "pairs-repaired": "Binômes formés pour remplacer un binôme interrompu",
        "status-proposed": "En attente de décision",
        "status-confirmed": "En cours",
        "status-completed": "Menés à leur terme",
        "status-ended_early": "Interrompus avant terme",
        "pairs-by-status": "Binômes selon leur situation",
        "ended-by": "Binômes interrompus : à l'initiative de",
        "by-mentor": "Le mentor",
        "by-mentee": "Le mentoré",
        "by-coordinator": "La coordination",
        "reasons": "Motifs d'interruption déclarés",
        "reasons-other": "Autres motifs (trop peu fréquents pour être cités)",
        "reasons-missing": "Motif non documenté",
        "s-delay": "Délai entre inscription et mise en relation",
        "delay-text": "Pour {n} premiers binômes dont la date d'inscription du mentoré est connue : délai médian de "
        "{median} jours, et 90 % des mises en relation en {p90} jours ou moins.",
        "delay-none": "Le délai n'est pas publié : moins de {k} binômes ont une date d'inscription et une date de mise en relation.",
        "s-meetings": "Rencontres",
        "m-median-hours": "Heures de mentorat par binôme (médiane)",
        "recommend": "Recommanderaient le programme (parmi ceux qui ont répondu à la question)",
        "m-pairs": "Binômes mis en relation",
        "m-held": "Rencontres tenues",
        "m-hours": "Heures de mentorat déclarées",
        "m-median": "Rencontres par binôme (médiane)",
        "m-nodur": "Rencontres sans durée renseignée (non comptées dans les heures)",
        "m-reached-meetings": "Binômes ayant tenu au moins {n} rencontres",
        "m-reached-duration": "Binômes ayant duré au moins {n} mois",
        "m-reviews": "Binômes ayant tenu un bilan intermédiaire",
        "m-finals": "Binômes ayant tenu une rencontre de clôture",
        "m-distribution": "Répartition des binômes selon le nombre de rencontres",
        "bucket": "{low} à {high} rencontres",
        "bucket-open": "{low} rencontres ou plus",
        "bucket-zero": "Aucune rencontre",
        "of": "{count} sur {base}",
        "monthly": "Activité mois par mois",
        "s-satisfaction": "Satisfaction",
        "sat-intro": "Part des répondants « très » ou « plutôt » satisfaits, comparée à la référence nationale {year} du mentorat.",
        "col-respondents": "Répondants",
        "col-rate": "Taux de réponse",
        "col-satisfied": "Très ou plutôt satisfaits",
        "col-reference": "Référence nationale",
        "very_satisfied": "Très satisfait",
        "rather_satisfied": "Plutôt satisfait",
        "rather_not_satisfied": "Plutôt pas satisfait",
        "not_satisfied": "Pas satisfait",
        "sat-detail": "Détail des réponses ({role})",
        "s-objectives": "Objectifs atteints, par thème",
        "obj-intro": "Réponses des mentorés sur chacun de leurs objectifs.",
        "obj-yes": "Atteint",
        "obj-partly": "En partie",
        "obj-no": "Non atteint",
        "col-theme": "Thème",
        "obj-none": "Aucune réponse sur les objectifs pour le moment.",
        "obj-all-small": "Chaque thème réunit moins de {k} réponses : le détail par thème n'est pas publié.",
        "month-partial": "{month} (mois en cours)",
        "s-quotes": "Paroles de participants",
        "quotes-intro": "Seuls figurent les commentaires dont l'auteur a accepté la citation ; ils sont reproduits sans nom.",
        "quotes-none": "Aucun participant n'a, à ce jour, accepté que son commentaire soit cité.",
        "s-charts": "Graphiques",
        "chart-pairs": "Binômes actifs en fin de mois",
        "chart-meetings": "Rencontres tenues par mois",
        "chart-satisfaction": "Très ou plutôt satisfaits (%)",
        "chart-programme": "Programme",
        "chart-reference": "Référence nationale",
        "chart-hidden": "non publié",
        "s-method": "Méthode",
        "me-meetings": "Une rencontre compte si son compte rendu porte une date passée et n'est pas marqué comme non tenu ; "
        "les heures sont celles déclarées dans les comptes rendus.",
        "me-delay": "Le délai va de l'inscription du mentoré à la présentation de son premier binôme ; "
        "le 90e centile est la plus petite durée observée qui couvre 90 % des binômes.",
        "me-satisfaction": "Le taux de réponse rapporte les questionnaires reçus aux personnes ayant fait partie d'un binôme "
        "mis en relation ; les objectifs sont ceux déclarés par les mentorés.",
        "s-excluded": "Ce que ce rapport ne contient pas",
        "ex-notes": "Le contenu des comptes rendus de rencontre : seules leurs dates, types et durées sont utilisés.",
        "ex-names": "Aucun nom, aucune adresse ni aucun identifiant de personne.",
        "ex-comments": "Les commentaires des questionnaires dont l'auteur n'a pas accepté la citation.",
        "ex-small": "Les effectifs inférieurs à {k} personnes, affichés « < {k} » ; une seconde case est alors masquée "
        "(« masqué ») pour qu'on ne puisse pas les recalculer à partir des totaux.",
        "ex-cohort": "Les personnes et binômes des autres cohortes.",
        "ex-reasons": "Le texte des motifs d'interruption cités par moins de {k} binômes.",
        "hidden-small": "< {k}",
        "hidden-secondary": "masqué",
        "more-than": "plus de {n}",
        "not-published": "non publié",
        "na": "—",
        "monthly-none": "Rien à montrer mois par mois pour l'instant : la cohorte démarre le {start}, aucun binôme n'a "
        "encore été mis en relation et aucune rencontre n'a eu lieu.",
        "small-group": "Détail non publié : le groupe compte moins de {k} personnes ou binômes (voir « Méthode »).",
        "me-small": "Les totaux (personnes inscrites, participants, binômes, rencontres) sont publiés tels quels : ils décrivent "
        "le programme, pas une personne. Leurs détails (par voie d'accès, ville, catégorie, situation, réponse) ne "
        "le sont que si le groupe détaillé compte au moins {k} personnes ou binômes ; sinon le tableau est remplacé "
        "par une phrase, et une médiane ou une part n'est pas calculée.",
        "chart-no-respondent": "aucun répondant",
        "generated": "Document produit par mentorat à partir des fichiers du programme.",
    },
    "en": {
        "title": "Mentoring programme report",
        "subtitle": "{name} — {organiser}",
        "scope": "Cohort {cohort}, as of {today}. Confidentiality threshold: {k} people.",
        "s-participants": "Participants",
        "registered": "Registered",
        "participants": "Participants",
        "participants-intro": "Participants are the people accepted into the programme and those in a pair that was introduced.",
        "role-mentee": "Mentees",
        "role-mentor": "Mentors",
        "by-public": "Mentees by public",
        "by-route": "Mentees by access route",
        "by-city": "{role} by city",
        "by-cat": '{role} by "{cat}"',
        "col-count": "Number",
        "col-share": "Share",
        "col-value": "Category",
        "col-figure": "Figure",
        "col-month": "Month",
        "col-active": "Active pairs",
        "col-meetings": "Meetings held",
        "not-given": "Not given",
        "total": "Total",
        "others": "Others ({count} values with fewer than {k} people each)",
        "s-pairs": "Pairs",
        "pairs-total": "Pairs proposed",
        "pairs-introduced": "Pairs introduced",
        "pairs-repaired": "Pairs formed to replace an interrupted pair",
        "status-proposed": "Awaiting a decision",
        "status-confirmed": "Ongoing",
        "status-completed": "Completed",
        "status-ended_early": "Ended early",
        "pairs-by-status": "Pairs by situation",
        "ended-by": "Pairs ended early: who ended them",
        "by-mentor": "The mentor",
        "by-mentee": "The mentee",
        "by-coordinator": "The coordinator",
        "reasons": "Reasons given for ending early",
        "reasons-other": "Other reasons (too rare to be listed)",
        "reasons-missing": "Reason not recorded",
        "s-delay": "Time from registration to introduction",
        "delay-text": "For {n} first pairs whose mentee's registration date is known: median of {median} days, and 90% of "
        "introductions within {p90} days.",
        "delay-none": "Not published: fewer than {k} pairs have both a registration date and an introduction date.",
        "s-meetings": "Meetings",
        "m-median-hours": "Hours of mentoring per pair (median)",
        "recommend": "Would recommend the programme (among those who answered the question)",
        "m-pairs": "Pairs introduced",
        "m-held": "Meetings held",
        "m-hours": "Hours of mentoring recorded",
        "m-median": "Meetings per pair (median)",
        "m-nodur": "Meetings with no duration recorded (left out of the hours)",
        "m-reached-meetings": "Pairs that held at least {n} meetings",
        "m-reached-duration": "Pairs that lasted at least {n} months",
        "m-reviews": "Pairs that held an intermediate review",
        "m-finals": "Pairs that held a final meeting",
        "m-distribution": "Pairs by number of meetings",
        "bucket": "{low} to {high} meetings",
        "bucket-open": "{low} meetings or more",
        "bucket-zero": "No meeting",
        "of": "{count} of {base}",
        "monthly": "Month by month",
        "s-satisfaction": "Satisfaction",
        "sat-intro": 'Share of respondents "very" or "rather" satisfied, beside the national mentoring reference for {year}.',
        "col-respondents": "Respondents",
        "col-rate": "Response rate",
        "col-satisfied": "Very or rather satisfied",
        "col-reference": "National reference",
        "very_satisfied": "Very satisfied",
        "rather_satisfied": "Rather satisfied",
        "rather_not_satisfied": "Rather not satisfied",
        "not_satisfied": "Not satisfied",
        "sat-detail": "Answers in detail ({role})",
        "s-objectives": "Objectives reached, by theme",
        "obj-intro": "Mentees' answers about each of their objectives.",
        "obj-yes": "Reached",
        "obj-partly": "Partly",
        "obj-no": "Not reached",
        "col-theme": "Theme",
        "obj-none": "No answer about objectives yet.",
        "obj-all-small": "Each theme has fewer than {k} answers: the detail by theme is not published.",
        "month-partial": "{month} (month in progress)",
        "s-quotes": "In participants' words",
        "quotes-intro": "Only comments whose authors agreed to be quoted appear here, without any name.",
        "quotes-none": "So far no participant has agreed to have a comment quoted.",
        "s-charts": "Charts",
        "chart-pairs": "Active pairs at the end of each month",
        "chart-meetings": "Meetings held per month",
        "chart-satisfaction": "Very or rather satisfied (%)",
        "chart-programme": "Programme",
        "chart-reference": "National reference",
        "chart-hidden": "not published",
        "s-method": "Method",
        "me-meetings": "A meeting counts when its note bears a past date and is not marked as not held; "
        "hours are the durations recorded in the notes.",
        "me-delay": "The delay runs from the mentee's registration to the introduction of their first pair; "
        "the 90th percentile is the shortest observed delay that covers 90% of pairs.",
        "me-satisfaction": "The response rate relates questionnaires received to the people who were in an introduced pair; "
        "objectives are those reported by mentees.",
        "s-excluded": "What this report does not include",
        "ex-notes": "What meeting notes say: only their dates, kinds and durations are used.",
        "ex-names": "No name, address or personal identifier.",
        "ex-comments": "Survey comments whose authors did not agree to be quoted.",
        "ex-small": 'Groups of fewer than {k} people, shown as "< {k}"; a second cell is then hidden ("hidden") so '
        "that they cannot be worked out from the totals.",
        "ex-cohort": "People and pairs of other cohorts.",
        "ex-reasons": "The wording of end reasons given by fewer than {k} pairs.",
        "hidden-small": "< {k}",
        "hidden-secondary": "hidden",
        "more-than": "more than {n}",
        "not-published": "not published",
        "na": "—",
        "monthly-none": "Nothing to show month by month yet: the cohort starts on {start}, no pair has been introduced "
        "and no meeting has been held.",
        "small-group": 'Detail not published: the group has fewer than {k} people or pairs (see "Method").',
        "me-small": "Totals (people registered, participants, pairs, meetings) are published as they are: they describe the "
        "programme, not a person. Their details (by access route, city, category, situation, answer) are published "
        "only when the group detailed has at least {k} people or pairs; otherwise the table is replaced by a "
        "sentence, and no median or share is worked out.",
        "chart-no-respondent": "no respondent",
        "generated": "Produced by mentorat from the programme's files.",
    },
}


def labels(language: str) -> dict[str, str]:
    """The wording for a language (French when the language is unknown)."""
    return LABELS.get(language, LABELS["fr"])


def number(value: float, language: str, decimals: int = 0) -> str:
    """A number written the way the language writes it (1 234,5 in French, 1,234.5 in English)."""
    text = f"{value:,.{decimals}f}"
    if language == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(value: float, language: str) -> str:
    """A whole percentage (90 % in French, 90% in English)."""
    whole = int(value + 0.5)  # half up, unlike round()
    return f"{number(whole, language)}\u00a0%" if language == "fr" else f"{number(whole, language)}%"


MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}


def long_date(iso: str, language: str) -> str:
    """A date in words: 25 novembre 2026 (1er for the first day, as French writes it), 25 November 2026."""
    day = dt.date.fromisoformat(iso)
    lang = language if language in MONTHS else "fr"
    number_ = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number_} {MONTHS[lang][day.month - 1]} {day.year}"


def month_name(year_month: str, language: str) -> str:
    """A month in words: novembre 2026, November 2026 (from YYYY-MM)."""
    year, month = year_month.split("-")
    return f"{MONTHS[language if language in MONTHS else 'fr'][int(month) - 1]} {year}"


# Names with their accents for the category ids programmes use most; programme.yaml `category_labels` wins.
_CATEGORY_NAMES = {
    "fr": {
        "region": "Région",
        "departement": "Département",
        "genre": "Genre",
        "gender": "Genre",
        "age": "Âge",
        "qpv": "Quartier prioritaire",
        "rural": "Zone rurale",
        "handicap": "Situation de handicap",
        "niveau": "Niveau d'études",
        "level": "Niveau d'études",
        "job_family": "Famille de métiers",
    },
    "en": {"qpv": "Priority neighbourhood", "departement": "Département"},
}


def category_label(category: str, config: dict[str, Any] | None = None, language: str = "fr") -> str:
    """A readable name for a category id: the programme's `category_labels`, a known name (region -> Région), else the id in words."""
    given = ((config or {}).get("category_labels") or {}).get(category)
    if given:
        return str(given)
    known = _CATEGORY_NAMES.get(language, {}).get(category)
    if known:
        return known
    words = " ".join(category.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]
