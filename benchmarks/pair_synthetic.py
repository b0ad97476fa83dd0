"""Write a synthetic programme of N mentees and M mentors (capacities 1-3) for the pairing benchmark.

    python benchmarks/pair_synthetic.py OUT_DIR --mentees 20000 --mentors 12000 [--seed 1] [--tight]

Deterministic for a seed. People are spread over French départements, with
themes, sectors, schools, availability and formats drawn from realistic
mixes, so that scores vary and some couples break the hard rules.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

from mentorat_cli.core import kinds
from mentorat_cli.pair import geo

SECTORS = [
    "finance",
    "santé",
    "éducation",
    "numérique",
    "justice",
    "culture",
    "environnement",
    "social",
    "industrie",
    "transport",
    "défense",
    "agriculture",
]
SCHOOLS = [f"Université {i}" for i in range(1, 21)]
SLOTS = ["weekday_daytime", "weekday_lunch", "weekday_evening", "weekend"]
FORMATS = ["any", "any", "remote", "in_person", "hybrid"]

PROGRAMME = {
    "schema_version": 1,
    "name": "Programme synthétique",
    "organiser": "Banc d'essai",
    "kind": "youth",
    "language": "fr",
    "cohort": {"id": "2026", "start": "2026-09-01", "end": "2027-06-30"},
    "coordinator": {"name": "Banc d'essai", "email": "bench@example.org"},
    "format": "hybrid",
    "capacity": {"default": 1, "max": 3},
    "eligibility": {"min_experience_gap_years": 3, "shared_language": True, "no_hierarchical_link": True},
}


def _postcode(rng: random.Random) -> str:
    code = rng.choice(geo.all_codes())
    if code in ("2A", "2B"):
        return "20000" if code == "2A" else "20200"
    return (code + "000")[:5] if len(code) == 2 else code + "00"


def _common(rng: random.Random, pid: str, manager: str | None) -> dict:
    person = {
        "id": pid,
        "first_name": "Prénom",
        "last_name": pid.upper(),
        "email": f"{pid}@example.org",
        "sector": rng.choice(SECTORS),
        "school": rng.choice(SCHOOLS),
        "location": {"postcode": _postcode(rng)},
        "languages": ["fr"] if rng.random() < 0.9 else rng.choice([["fr", "en"], ["en"]]),
        "availability": rng.sample(SLOTS, rng.randint(1, 3)),
        "format": rng.choice(FORMATS),
        "status": "accepted",
    }
    if manager:
        person["manager"] = manager
    return person


def people(n_mentees: int, n_mentors: int, seed: int, tight: bool = False) -> tuple[list[dict], list[dict]]:
    """The synthetic mentors and mentees as dicts (tight: fewer places than mentees, stricter rules)."""
    rng = random.Random(seed)
    themes, publics = list(kinds.THEMES), list(kinds.PUBLICS["youth"])
    mentors = []
    for k in range(n_mentors):
        person = _common(rng, f"mentor-{k:05d}", None)
        person.update(
            {
                "experience_years": rng.randint(5, 40),
                "themes": rng.sample(themes, rng.randint(2, 5)),
                "publics": rng.sample(publics, rng.randint(0, 3)),
                "capacity": rng.choices([1, 2, 3], [6, 3, 1])[0] if tight else rng.randint(1, 3),
            }
        )
        mentors.append(person)
    mentees = []
    for k in range(n_mentees):
        boss = f"mentor-{rng.randrange(n_mentors):05d}@example.org" if rng.random() < 0.02 else None
        person = _common(rng, f"mentee-{k:05d}", boss)
        person.update(
            {
                "experience_years": rng.randint(0, 12),
                "public": rng.choice(publics),
                "objectives": [{"theme": t} for t in rng.sample(themes, rng.randint(1, 3))],
            }
        )
        mentees.append(person)
    return mentors, mentees


def write(root: Path, n_mentees: int, n_mentors: int, seed: int = 1, tight: bool = False) -> None:
    """Write the programme folder (plain writes: this is test data, not a user's programme)."""
    mentors, mentees = people(n_mentees, n_mentors, seed, tight)
    for folder in ("mentors", "mentees", "pairs"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    config = {**PROGRAMME, "eligibility": {**PROGRAMME["eligibility"], "min_experience_gap_years": 12}} if tight else PROGRAMME
    (root / "programme.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for folder, group in (("mentors", mentors), ("mentees", mentees)):
        for person in group:
            text = yaml.dump(person, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False)
            (root / folder / f"{person['id']}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mentees", type=int, default=1000)
    parser.add_argument("--mentors", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tight", action="store_true", help="fewer places than mentees, stricter experience gap")
    args = parser.parse_args()
    write(args.out, args.mentees, args.mentors, args.seed, args.tight)
    print(f"wrote {args.mentees} mentees and {args.mentors} mentors to {args.out}")


if __name__ == "__main__":
    main()
