"""A realistic French application-form export, generated (not a committed binary): the test fixture of issue 13.

As Framaforms or Excel write it: `;` separated, cp1252, French headers and answer labels that differ from
the programme's ("3e concours", "Concours externe (Talents)", "Évolution professionnelle"), a "no preference"
answer ("Indifférent"), a formula-looking name, a blank row, multi-choice cells and free-text motivations.
"""

from __future__ import annotations

import random
from pathlib import Path

PROGRAMME_YAML = """\
schema_version: 1
name: Mentorat des élèves, promotion 2027
organiser: École de test
kind: school
language: fr
cohort: {id: "2027", start: "2027-01-05", end: "2027-12-20"}
coordinator: {name: Claire Dubois, email: coordination@example.org}
themes:
  - id: career-orientation
  - id: networking
  - id: self-confidence
  - id: work-life-balance
  - id: career-progression
  - id: prise-de-poste
    label: Préparer la prise de premier poste
publics: [{id: external}, {id: talents}, {id: internal}, {id: third}, {id: phd}]
capacity: {default: 1, max: 2}
eligibility: {mentor_civil_servant: true, min_experience_gap_years: null}
"""

MENTEE_HEADERS = [
    "Horodateur",
    "Nom",
    "Prénom",
    "Adresse e-mail",
    "Téléphone",
    "Ville",
    "Code postal",
    "Voie d'accès",
    "Thématiques souhaitées",
    "Format préféré",
    "Disponibilités",
    "Motivation",
    "Langues parlées",
    "Consentement évaluation",
]
MENTOR_HEADERS = [
    "Horodateur",
    "Nom",
    "Prénom",
    "Courriel",
    "Fonction",
    "Administration",
    "Années d'expérience professionnelle",
    "Nombre de mentorés acceptés",
    "Public souhaité",
    "Ancien élève de",
    "Thématiques",
    "Format préféré",
    "Disponibilités",
    "Fonctionnaire",
    "Motivation",
]
FIRST = [
    "Élise",
    "François",
    "Zoé",
    "Jean",
    "Marie",
    "Amadou",
    "Inès",
    "Hugo",
    "Léa",
    "Noël",
    "Anaïs",
    "Côme",
    "Yasmine",
    "Paul",
    "Aïcha",
    "Loïc",
]
LAST = ["Le Goff", "Hénaff", "Martin", "Dupont", "Keita", "Bernard", "Petit", "Müller", "N'Diaye", "Lefèvre", "Garnier", "Moreau"]
ROUTES = ["Concours externe", "Concours interne", "3e concours", "Concours externe (Talents)", "Docteurs", "Troisième concours"]
THEMES = [
    "Évolution professionnelle",
    "Réseau professionnel",
    "Confiance en soi",
    "Prise de poste",
    "Orientation professionnelle",
    "Équilibre vie pro / vie perso",
]
FORMATS = ["Présentiel", "À distance (visio)", "Hybride", "Indifférent"]
SLOTS = ["En semaine, en journée", "Pause déjeuner", "Soirée", "Week-end"]
PUBLICS = ["Concours externe", "Concours interne", "3e concours", "Talents", "Indifférent"]
SCHOOLS = ["ENA", "INSP", "IRA de Lyon", "Aucun"]
CITIES = [("Rennes", "35000"), ("Lyon", "69001"), ("Lille", "59000"), ("Brest", "29200"), ("Paris", "75005")]
FORMULA = '=HYPERLINK("http://exemple.invalid";"Cliquez")'


def _cell(value: str) -> str:
    """Quoted as Excel quotes a cell holding `;`, a quote or a line break."""
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ';"\n') else value


def _line(cells: list[str]) -> str:
    return ";".join(_cell(c) for c in cells)


def _stamp(pick: random.Random) -> str:
    return f"{pick.randint(1, 28):02d}/{pick.randint(9, 10):02d}/2026 {pick.randint(8, 20):02d}:{pick.randint(0, 59):02d}:00"


def mentees(path: Path, count: int = 150, seed: int = 13) -> None:
    """`count` mentee applications, one with a formula-looking name, and a blank row in the middle."""
    pick = random.Random(seed)
    lines = [_line(MENTEE_HEADERS)]
    for n in range(count):
        city, postcode = pick.choice(CITIES)
        last = FORMULA if n == 7 else pick.choice(LAST)
        lines.append(
            _line(
                [
                    _stamp(pick),
                    last,
                    pick.choice(FIRST),
                    f"candidat.{n:03d}@exemple.fr",
                    f"06 12 34 {n % 100:02d} 70",
                    city,
                    postcode,
                    pick.choice(ROUTES),
                    "; ".join(pick.sample(THEMES, pick.randint(1, 3))),
                    pick.choice(FORMATS),
                    "; ".join(pick.sample(SLOTS, pick.randint(1, 2))),
                    f"Je souhaite être accompagné(e) ; « prise de poste » n°{n}.\nMerci !",
                    pick.choice(["Français", "Français; Anglais"]),
                    pick.choice(["Oui", "Non"]),
                ]
            )
        )
        if n == count // 2:
            lines.append(";" * (len(MENTEE_HEADERS) - 1))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def mentors(path: Path, count: int = 110, seed: int = 31) -> None:
    """`count` mentor applications, most able to take two mentees."""
    pick = random.Random(seed)
    lines = [_line(MENTOR_HEADERS)]
    for n in range(count):
        lines.append(
            _line(
                [
                    _stamp(pick),
                    pick.choice(LAST),
                    pick.choice(FIRST),
                    f"mentor.{n:03d}@administration.example",
                    pick.choice(["Cheffe de bureau", "Sous-directeur", "Chargée de mission", "Attaché principal"]),
                    pick.choice(["Ministère de l'Intérieur", "DGFiP", "Préfecture du Rhône", "ARS Bretagne"]),
                    pick.choice([str(pick.randint(8, 35)), f"{pick.randint(8, 35)} ans"]),
                    pick.choice(["1", "2", "2"]),
                    "; ".join(pick.sample(PUBLICS, pick.randint(1, 3))),
                    pick.choice(SCHOOLS),
                    "; ".join(pick.sample(THEMES, pick.randint(2, 4))),
                    pick.choice(FORMATS),
                    "; ".join(pick.sample(SLOTS, pick.randint(1, 3))),
                    "Non" if n % 25 == 0 else "Oui",
                    "Transmettre ce que j'ai appris.",
                ]
            )
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
