"""Write the bundled sample programme (sample-programme/) from hand-curated facts.

    python benchmarks/make_sample.py [OUT_DIR]

Deterministic: the same script writes the same bytes. The people, places
and jobs are fictional. The pairs are chosen by hand below and checked
against the programme's hard rules (mentorat_cli.pair.eligibility) before writing;
the result must pass `mentorat validate` with no warnings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mentorat_cli.check import pipeline  # noqa: E402
from mentorat_cli.core import kinds  # noqa: E402
from mentorat_cli.pair import eligibility as rules  # noqa: E402

# key -> (city, postcode, region). Postcodes are text: 01000, 06000 and 02000 keep their zero.
CITIES: dict[str, tuple[str, str, str]] = {
    "paris1": ("Paris", "75001", "Île-de-France"),
    "paris7": ("Paris", "75007", "Île-de-France"),
    "paris8": ("Paris", "75008", "Île-de-France"),
    "paris12": ("Paris", "75012", "Île-de-France"),
    "paris13": ("Paris", "75013", "Île-de-France"),
    "paris15": ("Paris", "75015", "Île-de-France"),
    "saint-denis-93": ("Saint-Denis", "93200", "Île-de-France"),
    "versailles": ("Versailles", "78000", "Île-de-France"),
    "creteil": ("Créteil", "94000", "Île-de-France"),
    "lyon": ("Lyon", "69003", "Auvergne-Rhône-Alpes"),
    "grenoble": ("Grenoble", "38000", "Auvergne-Rhône-Alpes"),
    "bourg": ("Bourg-en-Bresse", "01000", "Auvergne-Rhône-Alpes"),
    "clermont": ("Clermont-Ferrand", "63000", "Auvergne-Rhône-Alpes"),
    "lille": ("Lille", "59000", "Hauts-de-France"),
    "amiens": ("Amiens", "80000", "Hauts-de-France"),
    "laon": ("Laon", "02000", "Hauts-de-France"),
    "bordeaux": ("Bordeaux", "33000", "Nouvelle-Aquitaine"),
    "poitiers": ("Poitiers", "86000", "Nouvelle-Aquitaine"),
    "pau": ("Pau", "64000", "Nouvelle-Aquitaine"),
    "toulouse": ("Toulouse", "31000", "Occitanie"),
    "montpellier": ("Montpellier", "34000", "Occitanie"),
    "perpignan": ("Perpignan", "66000", "Occitanie"),
    "strasbourg": ("Strasbourg", "67000", "Grand Est"),
    "metz": ("Metz", "57000", "Grand Est"),
    "nancy": ("Nancy", "54000", "Grand Est"),
    "rennes": ("Rennes", "35000", "Bretagne"),
    "brest": ("Brest", "29200", "Bretagne"),
    "nantes": ("Nantes", "44000", "Pays de la Loire"),
    "angers": ("Angers", "49000", "Pays de la Loire"),
    "marseille": ("Marseille", "13001", "Provence-Alpes-Côte d'Azur"),
    "nice": ("Nice", "06000", "Provence-Alpes-Côte d'Azur"),
    "rouen": ("Rouen", "76000", "Normandie"),
    "caen": ("Caen", "14000", "Normandie"),
    "dijon": ("Dijon", "21000", "Bourgogne-Franche-Comté"),
    "besancon": ("Besançon", "25000", "Bourgogne-Franche-Comté"),
    "orleans": ("Orléans", "45000", "Centre-Val de Loire"),
    "tours": ("Tours", "37000", "Centre-Val de Loire"),
    "ajaccio": ("Ajaccio", "20000", "Corse"),
    "reunion": ("Saint-Denis", "97400", "Outre-mer"),
    "cayenne": ("Cayenne", "97300", "Outre-mer"),
}

SCHOOL = "INMSP"

# first, last, organisation, unit, job, sector, years, school, city, themes, publics, capacity, languages
MENTORS: list[tuple[str, str, str, str, str, str, int, str, str, str, str, int, str]] = [
    (
        "Isabelle",
        "Fournier",
        "Ministère de l'Économie et des Finances",
        "Direction du budget",
        "Cheffe de bureau",
        "finances publiques",
        22,
        SCHOOL,
        "paris12",
        "career-progression networking organisation",
        "internal talents",
        2,
        "en",
    ),
    (
        "Karim",
        "Haddad",
        "Préfecture du Rhône",
        "Cabinet du préfet",
        "Directeur de cabinet",
        "administration territoriale",
        18,
        SCHOOL,
        "lyon",
        "career-orientation self-confidence networking",
        "talents external",
        1,
        "ar en",
    ),
    (
        "Nathalie",
        "Girard",
        "Région Hauts-de-France",
        "Direction des lycées",
        "Directrice adjointe",
        "éducation",
        25,
        "Université de Lille",
        "lille",
        "teamwork interpersonal-relations work-life-balance",
        "third internal",
        1,
        "",
    ),
    (
        "Mamadou",
        "Diop",
        "CHU de Bordeaux",
        "Direction des ressources humaines",
        "Directeur adjoint",
        "santé",
        15,
        "EHESP",
        "bordeaux",
        "self-confidence career-orientation professional-development",
        "talents third",
        2,
        "wo en",
    ),
    (
        "Sophie",
        "Laurent",
        "Direction régionale des finances publiques d'Occitanie",
        "Pôle gestion publique",
        "Administratrice des finances publiques",
        "finances publiques",
        20,
        SCHOOL,
        "toulouse",
        "organisation career-progression professional-development",
        "internal",
        1,
        "es",
    ),
    (
        "Thomas",
        "Nguyen",
        "Direction interministérielle du numérique",
        "Pôle produits",
        "Chef du pôle produits",
        "numérique",
        16,
        "Université Paris-Saclay",
        "paris13",
        "professional-development networking career-orientation",
        "phd external",
        2,
        "en vi",
    ),
    (
        "Élodie",
        "Marchand",
        "Rectorat de l'académie de Rennes",
        "Division des personnels",
        "Secrétaire générale adjointe",
        "éducation",
        17,
        SCHOOL,
        "rennes",
        "work-life-balance organisation self-confidence",
        "internal third",
        1,
        "",
    ),
    (
        "Youssef",
        "El Amrani",
        "Direction départementale des territoires de Loire-Atlantique",
        "Service aménagement",
        "Chef de service",
        "aménagement",
        19,
        "ENTPE",
        "nantes",
        "career-orientation teamwork professional-development",
        "external phd",
        1,
        "ar",
    ),
    (
        "Catherine",
        "Roux",
        "Ministère de la Justice",
        "Direction de l'administration pénitentiaire",
        "Sous-directrice",
        "justice",
        28,
        SCHOOL,
        "paris1",
        "career-progression interpersonal-relations networking",
        "internal third",
        1,
        "",
    ),
    (
        "Pierre-Antoine",
        "Lemaire",
        "Chambre régionale des comptes Grand Est",
        "Deuxième section",
        "Premier conseiller",
        "finances publiques",
        24,
        SCHOOL,
        "metz",
        "professional-development organisation career-progression",
        "external internal",
        1,
        "de",
    ),
    (
        "Aïcha",
        "Traoré",
        "Caisse d'allocations familiales de la Seine-Saint-Denis",
        "Direction de l'action sociale",
        "Directrice adjointe",
        "action sociale",
        16,
        "Université Paris 8",
        "saint-denis-93",
        "self-confidence interpersonal-relations career-orientation",
        "talents third",
        2,
        "en",
    ),
    (
        "Julien",
        "Moreau",
        "Ministère des Armées",
        "Secrétariat général pour l'administration",
        "Chef de bureau",
        "défense",
        14,
        SCHOOL,
        "paris15",
        "teamwork organisation career-progression",
        "external internal",
        1,
        "en",
    ),
    (
        "Hélène",
        "Bertrand",
        "DREAL Auvergne-Rhône-Alpes",
        "Service climat et énergie",
        "Cheffe de service",
        "environnement",
        21,
        "Université Grenoble Alpes",
        "grenoble",
        "professional-development career-orientation teamwork",
        "phd external",
        1,
        "en it",
    ),
    (
        "Vincent",
        "Caron",
        "Département de la Gironde",
        "Pôle solidarités",
        "Directeur général adjoint",
        "action sociale",
        26,
        SCHOOL,
        "bordeaux",
        "career-progression networking work-life-balance",
        "third internal",
        1,
        "",
    ),
    (
        "Linh",
        "Tran",
        "Insee",
        "Direction régionale de Provence-Alpes-Côte d'Azur",
        "Cheffe de division",
        "statistique",
        11,
        "ENSAE",
        "marseille",
        "professional-development self-confidence organisation",
        "phd talents",
        1,
        "en vi",
    ),
    (
        "François",
        "Delmas",
        "Préfecture du Bas-Rhin",
        "Direction de la citoyenneté",
        "Directeur",
        "administration territoriale",
        23,
        SCHOOL,
        "strasbourg",
        "career-orientation networking interpersonal-relations",
        "external talents",
        1,
        "de",
    ),
    (
        "Samira",
        "Bouzid",
        "Agence régionale de santé Occitanie",
        "Délégation départementale de l'Hérault",
        "Déléguée départementale",
        "santé",
        18,
        "EHESP",
        "montpellier",
        "work-life-balance self-confidence career-progression",
        "third talents",
        1,
        "ar es",
    ),
    (
        "Olivier",
        "Petit",
        "Ministère de l'Europe et des Affaires étrangères",
        "Direction de la coopération",
        "Conseiller",
        "international",
        20,
        SCHOOL,
        "paris7",
        "networking career-orientation professional-development",
        "external phd",
        1,
        "en es pt",
    ),
    (
        "Claire",
        "Vidal",
        "Métropole de Lyon",
        "Direction des ressources humaines",
        "Directrice",
        "ressources humaines",
        19,
        SCHOOL,
        "lyon",
        "interpersonal-relations teamwork career-progression",
        "internal external",
        2,
        "en",
    ),
    (
        "Mehdi",
        "Saïdi",
        "Direction générale des douanes et droits indirects",
        "Direction interrégionale de Lille",
        "Chef divisionnaire",
        "finances publiques",
        16,
        "Université de Lille",
        "lille",
        "organisation teamwork self-confidence",
        "talents internal",
        1,
        "ar en",
    ),
    (
        "Anne-Sophie",
        "Kieffer",
        "Rectorat de l'académie de Strasbourg",
        "Délégation au numérique",
        "Déléguée académique",
        "numérique",
        13,
        "Université de Strasbourg",
        "strasbourg",
        "professional-development organisation work-life-balance",
        "phd third",
        1,
        "de en",
    ),
    (
        "Bruno",
        "Lefebvre",
        "Ministère de l'Intérieur",
        "Direction générale des collectivités locales",
        "Sous-directeur",
        "aménagement",
        27,
        SCHOOL,
        "paris8",
        "career-progression networking interpersonal-relations",
        "internal third",
        1,
        "",
    ),
    (
        "Fanta",
        "Camara",
        "Préfecture de la région Normandie",
        "Secrétariat général aux affaires régionales",
        "Secrétaire générale adjointe",
        "administration territoriale",
        15,
        SCHOOL,
        "rouen",
        "self-confidence career-orientation work-life-balance",
        "talents external",
        2,
        "en",
    ),
    (
        "Laurent",
        "Besson",
        "Direction régionale des finances publiques de Bourgogne-Franche-Comté",
        "Pôle pilotage",
        "Responsable du pôle",
        "finances publiques",
        22,
        "Université de Bourgogne",
        "dijon",
        "organisation teamwork career-progression",
        "internal",
        1,
        "",
    ),
    (
        "Marie-Claire",
        "Ollivier",
        "Centre hospitalier de Brest",
        "Direction des affaires médicales",
        "Directrice adjointe",
        "santé",
        24,
        "EHESP",
        "brest",
        "interpersonal-relations work-life-balance professional-development",
        "third internal",
        1,
        "br en",
    ),
    (
        "Antoine",
        "Giordano",
        "Collectivité de Corse",
        "Direction de la culture",
        "Directeur adjoint",
        "culture",
        17,
        "Università di Corsica",
        "ajaccio",
        "networking career-orientation self-confidence",
        "external phd",
        1,
        "it co",
    ),
    (
        "Valérie",
        "Payet",
        "Région Réunion",
        "Direction de l'économie",
        "Directrice",
        "développement économique",
        20,
        SCHOOL,
        "reunion",
        "career-progression networking work-life-balance",
        "talents internal",
        1,
        "en",
    ),
    (
        "Stéphane",
        "Renaud",
        "Direction régionale des affaires culturelles Centre-Val de Loire",
        "Pôle patrimoines",
        "Conseiller",
        "culture",
        18,
        "École du Louvre",
        "orleans",
        "professional-development interpersonal-relations organisation",
        "phd external",
        1,
        "it",
    ),
    (
        "Jeanne",
        "Morel",
        "Département de l'Ain",
        "Direction de l'autonomie",
        "Directrice",
        "action sociale",
        12,
        SCHOOL,
        "bourg",
        "work-life-balance teamwork self-confidence",
        "external talents",
        1,
        "",
    ),
    (
        "Rachid",
        "Benkirane",
        "Ville de Nice",
        "Direction de la transition écologique",
        "Directeur",
        "environnement",
        16,
        "Université Côte d'Azur",
        "nice",
        "career-orientation professional-development networking",
        "talents phd",
        1,
        "ar en",
    ),
    (
        "Paul",
        "Lambert",
        "Ministère de la Justice",
        "Direction des services judiciaires",
        "Chef de bureau",
        "justice",
        21,
        "Université de Poitiers",
        "paris1",
        "organisation career-orientation interpersonal-relations",
        "external third",
        1,
        "en",
    ),
    (
        "Inès",
        "Carvalho",
        "Direction interministérielle du numérique",
        "Pôle produits",
        "Cheffe de produit",
        "numérique",
        9,
        SCHOOL,
        "paris13",
        "self-confidence teamwork professional-development",
        "external talents",
        1,
        "pt en",
    ),
    (
        "Gérard",
        "Fontaine",
        "Inspection générale de l'administration",
        "Mission d'inspection",
        "Inspecteur général",
        "administration territoriale",
        35,
        SCHOOL,
        "paris8",
        "career-progression networking organisation",
        "internal third",
        2,
        "",
    ),
    (
        "Émilie",
        "Roche",
        "Agence de l'eau Adour-Garonne",
        "Direction des interventions",
        "Chargée de mission",
        "environnement",
        14,
        "Université de Pau",
        "pau",
        "career-orientation teamwork work-life-balance",
        "external phd",
        1,
        "es en",
    ),
    (
        "Nicolas",
        "Perrin",
        "Département du Calvados",
        "Direction des routes",
        "Directeur adjoint",
        "aménagement",
        17,
        SCHOOL,
        "caen",
        "organisation teamwork career-progression",
        "internal external",
        1,
        "",
    ),
    (
        "Awa",
        "Sow",
        "Hospices civils de Lyon",
        "Direction des achats",
        "Directrice adjointe",
        "santé",
        13,
        "EHESP",
        "lyon",
        "self-confidence networking career-orientation",
        "talents third",
        1,
        "en wo",
    ),
]

# first, last, route, years, sector wanted, city, objective themes, languages, intake
# intake: 1 = first intake (paired in spring), 2 = second intake (accepted in autumn), 0 = applicant
MENTEES: list[tuple[str, str, str, int, str, str, str, str, int]] = [
    ("Léa", "Martin", "external", 1, "finances publiques", "paris13", "career-orientation networking", "en", 1),
    (
        "Yanis",
        "Belkacem",
        "talents",
        0,
        "administration territoriale",
        "saint-denis-93",
        "self-confidence networking career-orientation",
        "ar en",
        1,
    ),
    ("Camille", "Lefèvre", "internal", 9, "éducation", "rennes", "career-progression organisation", "", 1),
    ("Fatou", "Diallo", "talents", 2, "santé", "bordeaux", "self-confidence career-orientation", "wo en", 1),
    ("Hugo", "Bernard", "external", 2, "défense", "versailles", "teamwork organisation", "en de", 1),
    ("Sarah", "Cohen", "phd", 5, "numérique", "paris13", "professional-development networking", "en he", 1),
    ("Mathieu", "Garnier", "third", 12, "action sociale", "lille", "career-progression interpersonal-relations teamwork", "", 1),
    ("Nour", "Mansouri", "external", 1, "international", "paris7", "networking career-orientation", "ar en es", 1),
    ("Antoine", "Dubois", "internal", 8, "finances publiques", "toulouse", "organisation career-progression", "es", 1),
    ("Inès", "Benali", "talents", 1, "action sociale", "creteil", "self-confidence interpersonal-relations", "ar", 1),
    ("Maxime", "Leroy", "phd", 4, "environnement", "grenoble", "professional-development career-orientation", "en it", 1),
    (
        "Chloé",
        "Rousseau",
        "external",
        0,
        "administration territoriale",
        "strasbourg",
        "career-orientation networking interpersonal-relations",
        "de",
        1,
    ),
    ("Omar", "Kaci", "third", 14, "finances publiques", "metz", "professional-development organisation", "ar", 1),
    ("Julie", "Faure", "internal", 11, "justice", "paris1", "career-progression networking", "", 1),
    ("Amadou", "Keita", "talents", 1, "santé", "montpellier", "self-confidence work-life-balance", "bm en", 1),
    ("Emma", "Schmitt", "phd", 6, "statistique", "marseille", "professional-development organisation", "en", 1),
    ("Lucas", "Mercier", "external", 3, "aménagement", "nantes", "career-orientation teamwork", "en", 1),
    ("Zoé", "Blanc", "third", 10, "ressources humaines", "lyon", "interpersonal-relations teamwork career-progression", "en", 1),
    ("Kevin", "Nguyen", "internal", 7, "finances publiques", "lille", "organisation self-confidence", "vi", 1),
    ("Manon", "Chevalier", "external", 2, "culture", "orleans", "professional-development networking", "it", 1),
    ("Rayan", "Bouaziz", "talents", 0, "administration territoriale", "rouen", "self-confidence career-orientation", "ar", 1),
    ("Pauline", "Gauthier", "internal", 10, "éducation", "dijon", "work-life-balance career-progression", "", 1),
    # Second intake: accepted in autumn 2026, waiting for `mentorat pair`.
    ("Clément", "Perrot", "external", 1, "numérique", "paris13", "professional-development career-orientation", "en", 2),
    ("Aya", "Benmoussa", "talents", 0, "administration territoriale", "lyon", "self-confidence networking", "ar en", 2),
    ("Baptiste", "Robin", "internal", 9, "numérique", "paris15", "career-progression organisation", "en", 2),
    ("Mélissa", "Hoarau", "external", 2, "développement économique", "reunion", "career-orientation networking", "en", 2),
    ("Théo", "Girard", "phd", 5, "environnement", "montpellier", "professional-development teamwork", "en", 2),
    ("Salomé", "Da Silva", "third", 15, "action sociale", "bordeaux", "career-progression work-life-balance", "pt", 2),
    ("Alexandre", "Muller", "internal", 12, "finances publiques", "strasbourg", "organisation teamwork", "de", 2),
    ("Lina", "Haddou", "talents", 1, "santé", "marseille", "self-confidence interpersonal-relations career-orientation", "ar", 2),
    ("Quentin", "Lambert", "external", 0, "justice", "poitiers", "career-orientation networking", "", 2),
    ("Yasmine", "Cherif", "phd", 4, "culture", "tours", "professional-development networking", "ar en", 2),
    ("Romain", "Fabre", "third", 16, "aménagement", "clermont", "career-progression interpersonal-relations", "", 2),
    ("Océane", "Lebrun", "external", 1, "éducation", "caen", "work-life-balance self-confidence", "en", 2),
    ("Samuel", "Ouattara", "talents", 2, "international", "paris7", "networking career-orientation", "en fr", 2),
    ("Margaux", "Renard", "internal", 8, "administration territoriale", "lyon", "career-progression self-confidence", "", 2),
    ("Ethan", "Marie", "external", 3, "environnement", "angers", "professional-development teamwork", "en", 2),
    ("Jade", "Poulain", "internal", 6, "santé", "brest", "organisation work-life-balance", "br", 2),
    ("Nassim", "Amrani", "third", 13, "numérique", "nancy", "career-progression professional-development", "ar en", 2),
    # Applicants: registered in November 2026, not yet accepted.
    ("Lou", "Vasseur", "external", 0, "culture", "amiens", "career-orientation networking", "en", 0),
    ("Adam", "Zerrouki", "talents", 1, "finances publiques", "laon", "self-confidence career-orientation", "ar", 0),
    ("Charlotte", "Duval", "phd", 3, "santé", "besancon", "professional-development networking", "en de", 0),
    ("Hamza", "Ferhat", "internal", 10, "justice", "perpignan", "career-progression organisation", "ar es", 0),
    ("Anaïs", "Marchetti", "external", 2, "environnement", "ajaccio", "career-orientation teamwork", "it co", 0),
    ("Moussa", "Sylla", "third", 18, "action sociale", "cayenne", "interpersonal-relations career-progression", "en", 0),
    ("Elsa", "Lemoine", "talents", 0, "éducation", "nice", "self-confidence work-life-balance", "", 0),
    ("Victor", "Aubert", "external", 1, "défense", "pau", "teamwork career-orientation", "en", 0),
    ("Sofia", "Rinaldi", "phd", 4, "numérique", "toulouse", "professional-development career-orientation", "it en", 0),
]

# Objective wording per theme, in the mentee's words (fictional).
OBJECTIVE_TEXTS: dict[str, tuple[str, ...]] = {
    "career-orientation": (
        "Choisir entre un premier poste en administration centrale ou en services déconcentrés",
        "Y voir plus clair sur les métiers ouverts à la sortie de l'école",
    ),
    "interpersonal-relations": (
        "Mieux gérer les échanges tendus avec des partenaires extérieurs",
        "Trouver ma place dans une équipe déjà installée",
    ),
    "work-life-balance": (
        "Garder un rythme tenable pendant la scolarité et le stage",
        "Anticiper une mobilité géographique avec ma famille",
    ),
    "networking": ("Rencontrer des cadres d'autres ministères", "Comprendre comment se construit un réseau dans la fonction publique"),
    "teamwork": ("Apprendre à animer une réunion de service", "Préparer ma première expérience d'encadrement d'équipe"),
    "professional-development": (
        "Identifier les compétences à renforcer avant mon premier poste",
        "Valoriser mon parcours de recherche auprès des recruteurs publics",
    ),
    "self-confidence": ("Prendre la parole plus facilement devant une hiérarchie", "Oser candidater à des postes exposés"),
    "organisation": (
        "Mieux prioriser entre les cours, le stage et les projets",
        "Mettre en place des méthodes pour suivre plusieurs dossiers",
    ),
    "career-progression": ("Préparer un parcours vers des fonctions de direction", "Construire un projet de carrière sur dix ans"),
}

CAREER_PATHS: dict[str, tuple[str, ...]] = {
    "external": (
        "Master de droit public, puis classe préparatoire aux concours administratifs.",
        "Institut d'études politiques, puis un an de préparation au concours.",
        "Master d'économie et un stage dans une collectivité locale.",
    ),
    "talents": (
        "Licence d'administration publique, puis classe préparatoire Talents.",
        "Licence de sociologie en alternance, puis préparation Talents du service public.",
    ),
    "internal": (
        "Plusieurs années comme attaché d'administration, en gestion budgétaire puis en ressources humaines.",
        "Secrétaire administratif, puis adjoint au chef d'un service déconcentré.",
        "Professeur certifié, puis conseiller en charge des personnels au rectorat.",
    ),
    "third": (
        "Une carrière dans le secteur associatif, dont plusieurs années à la direction d'une structure d'insertion.",
        "Cadre dans une entreprise de services, puis élu municipal d'une petite commune.",
        "Responsable d'exploitation dans le privé avant une reconversion vers le service public.",
    ),
    "phd": (
        "Doctorat, puis deux années de recherche contractuelle dans un laboratoire public.",
        "Thèse CIFRE menée avec une collectivité territoriale.",
    ),
}

CUSTOM_THEME = ("prise-de-poste", "Préparer la prise de premier poste")
EXTRA_THEMES = {
    "gerard-fontaine": CUSTOM_THEME[0],
    "bruno-lefebvre": CUSTOM_THEME[0],
    "baptiste-robin": CUSTOM_THEME[0],
    "quentin-lambert": CUSTOM_THEME[0],
}
# Hierarchy links (e-mail of the line manager): interns under a mentor, and a mentor under another.
MANAGERS = {
    "ines-carvalho": "thomas-nguyen",
    "clement-perrot": "ines-carvalho",
    "aya-benmoussa": "karim-haddad",
    "margaux-renard": "claire-vidal",
}
NOT_WITH = {
    "lea-martin": ["isabelle-fournier"],
    "sophie-laurent": ["antoine-dubois"],
    "baptiste-robin": ["thomas-nguyen"],
    "alexandre-muller": ["pierre-antoine-lemaire"],
    "paul-lambert": ["quentin-lambert"],
}
NOT_CIVIL_SERVANT = {"emilie-roche"}
LATE_MENTORS = {"bruno-lefebvre", "marie-claire-ollivier", "valerie-payet", "jeanne-morel", "rachid-benkirane", "emilie-roche"}
APPLICANT_MENTORS = {"nicolas-perrin", "awa-sow"}
NO_CONSENT = {"gerard-fontaine", "omar-kaci", "zoe-blanc", "theo-girard"}

# mentee -> mentor, with when each pair was confirmed and introduced (hand-made in March 2026).
PAIRS: list[tuple[str, str, str, str]] = [
    ("lea-martin", "paul-lambert", "2026-03-06", "2026-03-13"),
    ("yanis-belkacem", "fanta-camara", "2026-03-05", "2026-03-12"),
    ("camille-lefevre", "elodie-marchand", "2026-03-04", "2026-03-09"),
    ("fatou-diallo", "mamadou-diop", "2026-03-06", "2026-03-16"),
    ("hugo-bernard", "julien-moreau", "2026-03-09", "2026-03-17"),
    ("sarah-cohen", "thomas-nguyen", "2026-03-05", "2026-03-11"),
    ("mathieu-garnier", "nathalie-girard", "2026-03-04", "2026-03-10"),
    ("nour-mansouri", "antoine-giordano", "2026-03-10", "2026-03-16"),
    ("antoine-dubois", "laurent-besson", "2026-03-11", "2026-03-23"),
    ("ines-benali", "aicha-traore", "2026-03-06", "2026-03-18"),
    ("maxime-leroy", "helene-bertrand", "2026-03-12", "2026-03-24"),
    ("chloe-rousseau", "francois-delmas", "2026-03-13", "2026-03-26"),
    ("omar-kaci", "gerard-fontaine", "2026-03-16", "2026-03-30"),
    ("julie-faure", "catherine-roux", "2026-03-18", "2026-04-01"),
    ("amadou-keita", "samira-bouzid", "2026-03-20", "2026-04-02"),
    ("emma-schmitt", "linh-tran", "2026-03-05", "2026-03-12"),
    ("lucas-mercier", "youssef-el-amrani", "2026-03-23", "2026-04-06"),
    ("zoe-blanc", "claire-vidal", "2026-03-25", "2026-04-08"),
    ("kevin-nguyen", "mehdi-saidi", "2026-03-27", "2026-04-09"),
    ("manon-chevalier", "stephane-renaud", "2026-04-01", "2026-04-14"),
    ("rayan-bouaziz", "fanta-camara", "2026-03-12", "2026-03-19"),
    ("pauline-gauthier", "vincent-caron", "2026-04-03", "2026-04-15"),
]
# Pairs that ended: pair -> (ended_on, ended_by, reason or "", replacement mentor or "", its confirmed_on, started_on)
ENDINGS: dict[str, tuple[str, str, str, str, str, str]] = {
    "hugo-bernard--julien-moreau": (
        "2026-05-22",
        "mentor",
        "Changement de poste du mentor, qui ne pouvait plus tenir le rythme des rencontres.",
        "pierre-antoine-lemaire",
        "2026-06-03",
        "2026-06-10",
    ),
    "nour-mansouri--antoine-giordano": (
        "2026-04-03",
        "mentee",
        "Attentes trop éloignées, constatées dès la première rencontre ; nouvelle mise en relation demandée.",
        "olivier-petit",
        "2026-04-13",
        "2026-04-20",
    ),
    "rayan-bouaziz--fanta-camara": ("2026-06-12", "coordinator", "La personne mentorée a quitté l'école.", "", "", ""),
    "camille-lefevre--elodie-marchand": ("2026-09-11", "completed", "", "", "", ""),
    "mathieu-garnier--nathalie-girard": ("2026-09-18", "completed", "", "", "", ""),
    "emma-schmitt--linh-tran": ("2026-09-25", "completed", "", "", "", ""),
}
WITHDRAWN = {"rayan-bouaziz": "2026-06-12"}
# Pairs whose notes stop early (follow-up has something to flag), and a meeting that did not take place.
QUIET_AFTER = {"zoe-blanc--claire-vidal": "2026-07-10", "kevin-nguyen--mehdi-saidi": "2026-08-20"}
MISSED = {"lea-martin--paul-lambert": 3}
LAST_NOTE_DAY = dt.date(2026, 11, 20)

NOTE_BODIES: dict[str, tuple[str, ...]] = {
    "first": (
        "Chacun a présenté son parcours. Les objectifs ont été reformulés ensemble et le rythme fixé à une rencontre par mois.",
        "Premier échange détendu. Trois dates sont déjà posées et un document de suivi partagé a été ouvert.",
        "Présentations croisées puis discussion sur ce que chacun attend du mentorat. Prochaine rencontre dans un mois.",
    ),
    "regular": (
        "Retour sur une situation vécue en stage et sur la façon de l'aborder la prochaine fois.",
        "Préparation d'un entretien de recrutement : deux points à retravailler d'ici la prochaine rencontre.",
        "Point sur l'avancement des objectifs ; le mentor a raconté un épisode comparable de sa propre carrière.",
        "Discussion sur l'organisation de la semaine et la manière de hiérarchiser les urgences.",
        "Échange sur les réseaux professionnels utiles et les personnes à solliciter pour un avis.",
    ),
    "review": (
        "Bilan d'étape après quatre rencontres : les objectifs restent pertinents, l'un "
        "d'eux est précisé. Les deux souhaitent prolonger au-delà de six mois.",
        "Point intermédiaire : satisfaction des deux côtés, rythme maintenu, un objectif remplacé par un nouveau.",
    ),
    "final": ("Dernière rencontre : rédaction commune d'une courte synthèse des acquis et de la valeur de l'accompagnement.",),
}
FEEDBACK: list[tuple[str, str, str, str, bool, bool, bool, str]] = [
    # pair, role, submitted_on, satisfaction, would_recommend, wants_to_continue, consent_quote, comment
    (
        "camille-lefevre--elodie-marchand",
        "mentee",
        "2026-09-20",
        "very_satisfied",
        True,
        False,
        True,
        "Un regard extérieur précieux pour préparer mon choix de poste.",
    ),
    (
        "camille-lefevre--elodie-marchand",
        "mentor",
        "2026-09-22",
        "very_satisfied",
        True,
        True,
        False,
        "Relation riche ; je recommencerai avec la prochaine promotion.",
    ),
    ("mathieu-garnier--nathalie-girard", "mentee", "2026-09-28", "rather_satisfied", True, False, False, ""),
    (
        "mathieu-garnier--nathalie-girard",
        "mentor",
        "2026-09-30",
        "very_satisfied",
        True,
        True,
        True,
        "Des échanges qui m'ont aussi fait réfléchir à ma propre pratique du management.",
    ),
    (
        "emma-schmitt--linh-tran",
        "mentee",
        "2026-10-02",
        "very_satisfied",
        True,
        False,
        True,
        "J'ai appris à présenter mon doctorat comme un atout pour un poste public.",
    ),
    (
        "emma-schmitt--linh-tran",
        "mentor",
        "2026-10-05",
        "rather_satisfied",
        True,
        False,
        False,
        "Calendrier parfois difficile à tenir pendant l'été.",
    ),
    (
        "hugo-bernard--julien-moreau",
        "mentee",
        "2026-06-01",
        "rather_not_satisfied",
        True,
        False,
        False,
        "Arrêt trop rapide, mais la nouvelle mise en relation a été proposée vite.",
    ),
    ("nour-mansouri--antoine-giordano", "mentee", "2026-04-10", "not_satisfied", False, False, False, ""),
    (
        "nour-mansouri--antoine-giordano",
        "mentor",
        "2026-04-12",
        "rather_not_satisfied",
        True,
        False,
        True,
        "Nos attentes ne se rejoignaient pas ; la décision d'arrêter a été prise d'un commun accord.",
    ),
]
REACHED = ("yes", "partly", "yes", "no", "partly")


def slug(text: str) -> str:
    """ASCII id from a name: 'Aïcha Traoré' -> 'aicha-traore'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def email(first: str, last: str, domain: str) -> str:
    """prenom.nom@domain, in ASCII."""
    return f"{slug(first)}.{slug(last)}@{domain}"


def add_days(day: str, days: int) -> str:
    """An ISO date moved by some days."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def location(city_key: str) -> tuple[dict[str, str], str]:
    """(location mapping, region) of a city of the table."""
    city, postcode, region = CITIES[city_key]
    return {"city": city, "postcode": postcode}, region


def languages(extra: str) -> list[str]:
    """French first, then the other languages listed."""
    return ["fr"] + [code for code in extra.split() if code != "fr"]


AVAILABILITY = (
    ["weekday_lunch", "weekday_evening"],
    ["weekday_evening"],
    ["weekday_daytime", "weekday_lunch"],
    ["weekday_evening", "weekend"],
    ["weekday_lunch"],
    ["weekday_daytime", "weekday_evening"],
)
FORMATS = ("any", "remote", "hybrid", "any", "in_person", "remote", "hybrid")


def build_mentors() -> list[dict[str, Any]]:
    """Mentor records, in the order a coordinator fills them in."""
    out = []
    for index, row in enumerate(MENTORS):
        first, last, org, unit, job, sector, years, school, city, themes, publics, capacity, langs = row
        pid = slug(f"{first} {last}")
        loc, region = location(city)
        since = 2026 - years
        record: dict[str, Any] = {"id": pid, "first_name": first, "last_name": last, "email": email(first, last, "example.org")}
        if index % 3 == 0:
            record["phone"] = f"06 {12 + index:02d} {30 + index:02d} {45 + index % 50:02d} {10 + 2 * index:02d}"
        record.update({"organisation": org, "unit": unit})
        if pid in MANAGERS:
            record["manager"] = email(*_name(MANAGERS[pid]), "example.org")
        record.update(
            {
                "experience_years": years,
                "career_path": f"Dans la fonction publique depuis {since} ; {job.lower()} depuis {min(2025, since + years // 2 + 3)}.",
                "sector": sector,
                "job": job,
                "school": school,
                "civil_servant": pid not in NOT_CIVIL_SERVANT,
                "location": loc,
                "languages": languages(langs),
                "availability": AVAILABILITY[index % len(AVAILABILITY)],
                "format": FORMATS[index % len(FORMATS)],
                "themes": themes.split() + ([EXTRA_THEMES[pid]] if pid in EXTRA_THEMES else []),
                "publics": publics.split(),
                "capacity": capacity,
            }
        )
        if pid in NOT_WITH:
            record["not_with"] = NOT_WITH[pid]
        applicant = pid in APPLICANT_MENTORS
        late = pid in LATE_MENTORS
        if not applicant:
            record["trained_on"] = "2026-09-24" if late else "2026-02-12"
        record["consent_evaluation"] = pid not in NO_CONSENT
        record["status"] = "applicant" if applicant else "accepted"
        record["registered_on"] = (
            f"2026-11-{3 + index % 10:02d}" if applicant else f"2026-09-{1 + index % 20:02d}" if late else add_days("2025-12-01", index * 2)
        )
        record["categories"] = {"region": region}
        out.append(record)
    return out


def _name(pid: str) -> tuple[str, str]:
    for row in [*MENTORS, *MENTEES]:
        if slug(f"{row[0]} {row[1]}") == pid:
            return str(row[0]), str(row[1])
    raise KeyError(pid)


def build_mentees() -> list[dict[str, Any]]:
    """Mentee records: first intake (paired in spring), second intake (waiting) and applicants."""
    out = []
    for index, row in enumerate(MENTEES):
        first, last, route, years, sector, city, themes, langs, intake = row
        pid = slug(f"{first} {last}")
        loc, region = location(city)
        paths = CAREER_PATHS[route]
        record: dict[str, Any] = {
            "id": pid,
            "first_name": first,
            "last_name": last,
            "email": email(first, last, "example.fr"),
            "organisation": SCHOOL,
            "unit": "Promotion 2026" if intake != 2 else "Promotion 2026, rentrée d'automne",
        }
        if pid in MANAGERS:
            record["manager"] = email(*_name(MANAGERS[pid]), "example.org")
        record.update({"experience_years": years, "career_path": paths[index % len(paths)], "sector": sector, "school": SCHOOL})
        if route == "internal":
            record["civil_servant"] = True
        record.update(
            {
                "location": loc,
                "languages": languages(langs),
                "availability": AVAILABILITY[(index + 2) % len(AVAILABILITY)],
                "format": FORMATS[(index + 3) % len(FORMATS)],
                "public": route,
            }
        )
        theme_ids = themes.split() + ([EXTRA_THEMES[pid]] if pid in EXTRA_THEMES else [])
        objectives = []
        for number, theme in enumerate(theme_ids):
            texts = OBJECTIVE_TEXTS.get(theme, ("Arriver serein dans mon premier poste",))
            objective = {"theme": theme}
            if (index + number) % 4 != 3:  # some objectives are only a theme: the text comes at the first meeting
                objective["text"] = texts[(index + number) % len(texts)]
            objectives.append(objective)
        record["objectives"] = objectives
        if pid in NOT_WITH:
            record["not_with"] = NOT_WITH[pid]
        if intake == 1:
            record["trained_on"] = "2026-02-19"
        elif intake == 2 and index % 3 != 0:
            record["trained_on"] = "2026-10-08"
        record["consent_evaluation"] = pid not in NO_CONSENT
        record["status"] = "withdrawn" if pid in WITHDRAWN else ("accepted" if intake else "applicant")
        record["registered_on"] = (
            add_days("2026-01-05", index * 1)
            if intake == 1
            else add_days("2026-09-07", (index - 22) * 2)
            if intake == 2
            else add_days("2026-11-02", index - 39)
        )
        record["categories"] = {"region": region}
        if pid in WITHDRAWN:
            record["left_on"] = WITHDRAWN[pid]
        out.append(record)
    return out


def build_pairs() -> list[dict[str, Any]]:
    """Pair records: confirmed in spring 2026, a few ended, two re-paired."""
    out = []
    for mentee, mentor, confirmed, started in PAIRS:
        pid = f"{mentee}--{mentor}"
        out.append(_pair(mentee, mentor, confirmed, started, ENDINGS.get(pid)))
        ending = ENDINGS.get(pid)
        if ending and ending[3]:
            new = _pair(mentee, ending[3], ending[4], ending[5], None)
            new["proposed_on"] = add_days(ending[0], 5)
            new["replaces"] = pid
            out.append(_order_pair(new))
    return sorted(out, key=lambda p: p["id"])


PAIR_KEYS = (
    "id",
    "mentee",
    "mentor",
    "status",
    "proposed_on",
    "confirmed_on",
    "started_on",
    "ended_on",
    "end_reason",
    "ended_by",
    "replaces",
    "charter_signed",
    "contacts",
)


def _order_pair(pair: dict[str, Any]) -> dict[str, Any]:
    return {key: pair[key] for key in PAIR_KEYS if key in pair}


def _pair(mentee: str, mentor: str, confirmed: str, started: str, ending: tuple[str, str, str, str, str, str] | None) -> dict[str, Any]:
    pid = f"{mentee}--{mentor}"
    seed = sum(map(ord, pid))
    pair: dict[str, Any] = {
        "id": pid,
        "mentee": mentee,
        "mentor": mentor,
        "status": "confirmed",
        "proposed_on": "2026-03-02" if confirmed < "2026-04-05" else add_days(confirmed, -4),
        "confirmed_on": confirmed,
        "started_on": started,
        "charter_signed": {"mentor": add_days(started, seed % 4), "mentee": add_days(started, (seed // 4) % 5)},
    }
    contacts = []
    if seed % 3 != 1 and (not ending or add_days(started, 55) < ending[0]):
        contacts.append(
            {
                "date": add_days(started, 45 + seed % 10),
                "channel": "phone",
                "summary": "Point de suivi : rythme mensuel respecté, pas de difficulté signalée.",
            }
        )
    if pid in QUIET_AFTER:
        contacts.append(
            {
                "date": add_days(QUIET_AFTER[pid], 60),
                "channel": "mail",
                "summary": "Relance : aucune rencontre signalée depuis l'été ; la personne mentorée propose une date.",
            }
        )
    if ending:
        ended_on, ended_by, reason = ending[:3]
        pair.update({"status": "ended", "ended_on": ended_on, "ended_by": ended_by})
        if reason:
            pair["end_reason"] = reason
            contacts.append(
                {"date": add_days(ended_on, -3), "channel": "visio", "summary": "Échange avec la coordination avant l'arrêt du binôme."}
            )
    if contacts:
        pair["contacts"] = sorted(contacts, key=lambda c: c["date"])
    return _order_pair(pair)


def meeting_dates(pair: dict[str, Any]) -> list[tuple[str, str]]:
    """(date, kind) of each meeting a pair noted, about monthly from the introduction."""
    pid, seed = pair["id"], sum(map(ord, pair["id"]))
    day = dt.date.fromisoformat(pair["started_on"]) + dt.timedelta(days=5 + seed % 5)
    end = dt.date.fromisoformat(pair["ended_on"]) if pair.get("ended_on") else LAST_NOTE_DAY
    if pid in QUIET_AFTER:
        end = dt.date.fromisoformat(QUIET_AFTER[pid])
    completed = pair.get("ended_by") == "completed"
    out: list[tuple[str, str]] = []
    step = 0
    while day <= end:
        kind = "first" if not out else "review" if len(out) == 4 else "regular"
        out.append((day.isoformat(), kind))
        step += 1
        day += dt.timedelta(days=27 + (seed + 7 * step) % 12)
        if pair["status"] == "ended" and not completed and len(out) >= (1 if pair["ended_by"] == "mentee" else 2):
            break
    if completed:
        if out[-1][0] >= pair["ended_on"]:
            out.pop()
        out.append((pair["ended_on"], "final"))
    return out


def build_notes(pairs: list[dict[str, Any]], mentees: dict[str, dict[str, Any]]) -> dict[str, str]:
    """notes/<pair>/<date>-<kind>.md: front matter the reports read, and a short private body."""
    files = {}
    for pair in pairs:
        pid, seed = pair["id"], sum(map(ord, pair["id"]))
        themes = [o["theme"] for o in mentees[pair["mentee"]]["objectives"]]
        for number, (day, kind) in enumerate(meeting_dates(pair)):
            fmt = "remote" if (seed + number) % 3 else ("in_person" if number else "hybrid")
            topics = {
                "first": ["présentations", "objectifs", "calendrier"],
                "review": ["bilan intermédiaire", *themes],
                "final": ["synthèse", *themes],
            }.get(kind, [themes[(seed + number) % len(themes)]])
            meta: dict[str, Any] = {
                "date": day,
                "kind": kind,
                "duration_minutes": (45, 60, 60, 75, 90)[(seed + number) % 5],
                "format": fmt,
                "topics": topics,
            }
            if MISSED.get(pid) == number:
                meta = {"date": day, "kind": kind, "format": fmt, "held": False}
                body = "Rencontre reportée : empêchement de dernière minute, nouvelle date à fixer."
            else:
                bodies = NOTE_BODIES[kind]
                body = bodies[(seed + number) % len(bodies)]
            files[f"notes/{pid}/{day}-{kind}.md"] = "---\n" + emit(meta) + "---\n\n" + body + "\n"
    return files


def build_feedback(pairs: dict[str, dict[str, Any]], mentees: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """End-of-relationship survey responses of completed and ended pairs."""
    out = []
    for index, (pid, role, day, satisfaction, recommend, more, quote, comment) in enumerate(FEEDBACK):
        mentee = mentees[pairs[pid]["mentee"]]
        record: dict[str, Any] = {
            "id": f"fb-{mentee['id']}-{role}",
            "role": role,
            "pair": pid,
            "submitted_on": day,
            "satisfaction": satisfaction,
            "objectives": [
                {"theme": o["theme"], "reached": REACHED[(index + n) % len(REACHED)]} for n, o in enumerate(mentee["objectives"])
            ],
            "would_recommend": recommend,
            "wants_to_continue": more,
            "consent_quote": quote,
        }
        if comment:
            record["comment"] = comment
        out.append(record)
    return out


# --- writing YAML by hand, so the files look like a person typed them -------------------------

_PLAIN = re.compile(r"^[A-Za-zÀ-ÿ][^:#\n\"\[\]{}]*$")
_SPECIAL = re.compile(r"^(?:true|false|null|yes|no|on|off|y|n|~)$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def scalar(value: Any, quote: bool = False, flow: bool = False) -> str:
    """A YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    plain = _PLAIN.match(text) and not _SPECIAL.match(text) and text == text.strip() and not (flow and "," in text)
    if not quote and (_DATE.match(text) or plain):
        return text
    return json.dumps(text, ensure_ascii=False)


_QUOTED_KEYS = {"postcode", "phone"}
_FLOW_KEYS = {"languages", "availability", "themes", "publics", "not_with", "topics"}


def emit(data: dict[str, Any], indent: str = "") -> str:
    """Block-style YAML for a mapping; short id lists in flow style, as people write them."""
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:\n" + emit(value, indent + "  ").rstrip("\n"))
        elif isinstance(value, list) and key in _FLOW_KEYS:
            lines.append(f"{indent}{key}: [" + ", ".join(scalar(v, flow=True) for v in value) + "]")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:")
            for item in value:
                body = emit(item, indent + "    ").splitlines()
                lines.append(f"{indent}  - " + body[0].lstrip())
                lines.extend(body[1:])
        else:
            lines.append(f"{indent}{key}: {scalar(value, key in _QUOTED_KEYS)}")
    return "\n".join(lines) + "\n"


def yaml_file(kind: str, data: dict[str, Any]) -> str:
    """A record file: the editor's schema line, then the data."""
    return f"# yaml-language-server: $schema=../.schemas/{kind}.schema.json\n" + emit(data)


PROGRAMME_YAML = """\
# yaml-language-server: $schema=.schemas/programme.schema.json
# Programme fictif livré avec mentorat : l'école, les personnes et les binômes sont inventés.
schema_version: 1
name: Mentorat des élèves de l'INMSP, promotion 2026
organiser: Institut national des métiers du service public (INMSP)
kind: school
language: fr
organiser_article: "l'"
cohort:
  id: "2026"
  start: 2026-03-01
  end: 2027-02-28
# Six mois au minimum, renouvelables une fois jusqu'à douze mois.
duration_months: 6
renewal:
  allowed: true
  max_months: 12
cadence:
  meetings_per_month: 1
  minutes_per_meeting: 60
format: hybrid
coordinator:
  name: Sandrine Leclerc
  email: mentorat@example.fr
  phone: "01 44 55 66 77"
themes:
  - id: career-orientation
  - id: interpersonal-relations
  - id: work-life-balance
  - id: networking
  - id: teamwork
  - id: professional-development
  - id: self-confidence
  - id: organisation
  - id: career-progression
  - id: {custom_id}
    label: {custom_label}
# Les voies d'accès à l'école ; les libellés viennent de mentorat.
publics:
  - id: external
  - id: talents
  - id: internal
  - id: third
  - id: phd
categories: [region]
# Un mentor suit une personne ; deux au plus, à titre exceptionnel.
capacity:
  default: 1
  max: 2
eligibility:
  mentor_civil_servant: true
  no_hierarchical_link: true
  min_experience_gap_years: 5
# Pondérations : celles du type « school » (voir mentorat_cli/core/kinds.py).
follow_up:
  alert_after_days: 45
  review_after_meeting: 4
charter:
  template: charter-school
retention:
  months_after_end: 12
"""

README = """\
# Programme d'exemple (fictif)

Ce dossier est un programme de mentorat **entièrement fictif**, livré avec
`mentorat` pour l'essayer sans données réelles : l'Institut national des
métiers du service public (INMSP), ses élèves, ses mentors et leurs binômes
sont inventés. Toute ressemblance avec des personnes existantes est fortuite ;
les adresses électroniques utilisent les domaines réservés `example.org` et
`example.fr`.

Contenu : `programme.yaml`, {mentors} mentors, {mentees} personnes mentorées,
{pairs} binômes (dont certains terminés ou remplacés), des comptes rendus de
rencontre dans `notes/` et des réponses au questionnaire de fin dans
`feedback/`. Les schémas de `.schemas/` permettent à l'éditeur de vérifier
les fichiers pendant la saisie.

    mentorat validate --root sample-programme

Ce dossier est produit par `benchmarks/make_sample.py` ; modifiez ce script
plutôt que les fichiers, puis relancez-le.
"""


def check(mentors: list[dict[str, Any]], mentees: list[dict[str, Any]], pairs: list[dict[str, Any]]) -> None:
    """Refuse to write a sample whose pairs break the school's hard rules."""
    config = kinds.effective_config(
        {"kind": "school", "eligibility": {"min_experience_gap_years": 5}, "capacity": {"default": 1, "max": 2}}
    )
    by_id = {p["id"]: p for p in [*mentors, *mentees]}
    ctx = {"managers": rules.managers_by_email(list(by_id.values()))}
    for pair in pairs:
        broken = rules.violations(config, by_id[pair["mentor"]], by_id[pair["mentee"]], ctx)
        if broken:
            raise SystemExit(f"{pair['id']} breaks {broken}")
    for mentee, mentor in (("clement-perrot", "thomas-nguyen"), ("aya-benmoussa", "karim-haddad")):
        assert rules.violations(config, by_id[mentor], by_id[mentee], ctx), "hierarchy link should rule this out"


GITIGNORE = (
    "out/\n# Verrou posé pendant qu'une commande mentorat écrit.\n.mentorat.lock\n"
    "# Fichiers temporaires d'une écriture en cours (ils peuvent contenir des données personnelles).\n.mentorat/tmp/\n"
    "# Copie de travail des fiches déjà lues, refaite au besoin (à ne pas versionner).\n"
    ".mentorat/cache/\n"
)


def write(out: Path) -> dict[str, int]:
    """Write the sample programme into `out`, replacing what this script wrote before."""
    mentors, mentees, pairs = build_mentors(), build_mentees(), build_pairs()
    check(mentors, mentees, pairs)
    by_mentee = {m["id"]: m for m in mentees}
    files: dict[str, str] = {
        "programme.yaml": PROGRAMME_YAML.replace("{custom_id}", CUSTOM_THEME[0]).replace("{custom_label}", CUSTOM_THEME[1]),
        ".gitignore": GITIGNORE,
    }
    for kind, folder, records in (("mentor", "mentors", mentors), ("mentee", "mentees", mentees), ("pair", "pairs", pairs)):
        files.update({f"{folder}/{r['id']}.yaml": yaml_file(kind, r) for r in records})
    files.update(build_notes(pairs, by_mentee))
    feedback = build_feedback({p["id"]: p for p in pairs}, by_mentee)
    files.update({f"feedback/{r['id']}.yaml": yaml_file("feedback", r) for r in feedback})
    files["README.md"] = (
        README.replace("{mentors}", str(len(mentors))).replace("{mentees}", str(len(mentees))).replace("{pairs}", str(len(pairs)))
    )
    for folder in ("mentors", "mentees", "pairs", "notes", "feedback", ".schemas"):
        shutil.rmtree(out / folder, ignore_errors=True)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # Editors validate while typing against these copies (tests check they match schemas/).
    shutil.copytree(REPO / "schemas", out / ".schemas")
    return {
        "mentors": len(mentors),
        "mentees": len(mentees),
        "pairs": len(pairs),
        "feedback": len(feedback),
        "notes": sum(1 for rel in files if rel.startswith("notes/")),
    }


def main() -> None:
    """Write the sample (or OUT_DIR), validate it, print counts; exit 1 on any problem."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "sample-programme"
    out.mkdir(parents=True, exist_ok=True)
    counts = write(out)
    _, found = pipeline.load(out, dt.date(2026, 11, 25))
    for problem in found:
        print(problem.render())
    print(", ".join(f"{n} {k}" for k, n in counts.items()) + f"; {len(found)} problem(s)")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
