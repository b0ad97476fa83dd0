"""Import speed: generate a 20,000-row French form export, import it, re-import it; print the timings.

Run: .venv/bin/python benchmarks/bench_import.py [ROWS]   (goal: 20,000 rows in at most 20 s)
The last two lines time the form workflow: `import --template`, then the import with that mapping.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROGRAMME = """\
schema_version: 1
name: Programme de mesure
organiser: École de mesure
kind: school
language: fr
cohort: {id: "2026", start: "2026-09-01", end: "2027-06-30"}
coordinator: {name: Claire Dubois, email: coordination@example.org}
"""
FIRST = ["Élise", "François", "Zoé", "Jean", "Marie", "Amadou", "Inès", "Hugo", "Léa", "Noël", "Anaïs", "Côme"]
LAST = ["Le Goff", "Hénaff", "Martin", "Dupont", "Keita", "Bernard", "Petit", "Müller", "N'Diaye", "Lefèvre"]
ROUTES = ["Concours interne", "Concours externe", "Troisième concours", "Docteurs", "Concours externe, voie Talents"]
CITIES = [("Rennes", "35000"), ("Lyon", "69001"), ("Lille", "59000"), ("Brest", "29200"), ("Paris", "75005")]


def make_csv(path: Path, rows: int) -> None:
    """A cp1252 semicolon CSV as French Excel writes it, with a deterministic random mix of values."""
    pick = random.Random(42)
    lines = ["Horodateur;Prénom;Nom;Courriel;Téléphone;Ville;Code postal;Voie d'accès;Fonctionnaire;Disponibilités"]
    for number in range(rows):
        city, postcode = pick.choice(CITIES)
        lines.append(
            ";".join(
                [
                    f"{pick.randint(1, 28):02d}/{pick.randint(1, 12):02d}/2026 10:00:00",
                    pick.choice(FIRST),
                    pick.choice(LAST),
                    f"personne{number}@example.org",
                    f"06 {number % 100:02d} 34 56 70",
                    city,
                    postcode,
                    pick.choice(ROUTES),
                    pick.choice(["oui", "non"]),
                    '"Pause déjeuner; Soirée"',
                ]
            )
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def run(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one CLI run (CPU time stays meaningful on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mentorat_cli", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "prog"
        root.mkdir()
        (root / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
        source = Path(folder) / "export.csv"
        make_csv(source, rows)
        base = ["--root", str(root), "--today", "2026-11-25", "-q", "import", str(source), "--role", "mentee"]
        dry = run([*base, "--dry-run"])
        first = run(base)
        files = len(list((root / "mentees").iterdir()))
        again = run(base)
        print(f"rows: {rows}, profiles written: {files}, load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"dry run (read, map, check):   {dry[0]:6.2f} s wall, {dry[1]:6.2f} s CPU")
        print(f"first import (creates all):   {first[0]:6.2f} s wall, {first[1]:6.2f} s CPU   goal <= 20 s for 20,000 rows")
        print(f"re-import (no change):        {again[0]:6.2f} s wall, {again[1]:6.2f} s CPU")
        # The form workflow: a mapping written by --template (every answer listed), then an import with it.
        other = Path(folder) / "prog-mapped"
        other.mkdir()
        (other / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
        mapped = ["--root", str(other), "--today", "2026-11-25", "-q", "import", str(source), "--role", "mentee"]
        template = run([*mapped, "--template", "-o", "map.yaml"])
        with_map = run([*mapped, "--mapping", str(other / "map.yaml")])
        print(f"--template (answers listed):  {template[0]:6.2f} s wall, {template[1]:6.2f} s CPU")
        print(f"import with that mapping:     {with_map[0]:6.2f} s wall, {with_map[1]:6.2f} s CPU")


if __name__ == "__main__":
    main()
