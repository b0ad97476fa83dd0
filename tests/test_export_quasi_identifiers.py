"""Pseudonymised exports generalise quasi-identifiers and say which rows are still unique (k-anonymity)."""

from __future__ import annotations

import csv
import io

KEY = "a-long-enough-secret-key-0123"


def _person(role: str, ident: str, sector: str, years: int, postcode: str) -> tuple[str, str]:
    folder = "mentors" if role == "mentor" else "mentees"
    return f"{folder}/{ident}.yaml", (
        f"id: {ident}\nfirst_name: {ident.title()}\nlast_name: Nom\nemail: {ident}@example.org\n"
        f"organisation: CAF de la Seine-Saint-Denis\nunit: Direction de l'action sociale\njob: Directrice adjointe\n"
        f'sector: {sector}\nexperience_years: {years}\nlocation: {{city: Saint-Denis, postcode: "{postcode}"}}\n'
        f'registered_on: "2026-09-1{years % 10}"\n'
    )


def _programme(programme, extra_people: int) -> object:
    tree = dict(_person("mentor", f"mentor-{i}", "social", 12 + i % 3, f"932{i:02d}") for i in range(5))
    tree.update(_person("mentor", f"seul-{i}", f"secteur{i}", 30, "75001") for i in range(extra_people))
    return programme(tree)


def test_pseudonymised_people_keep_no_job_unit_organisation_city_or_postcode(programme, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("MENTORAT_PSEUDONYM_KEY", KEY)
    root = _programme(programme, 0)
    result = run_cli(["--root", root, "export", "people", "--pseudonymise", "-o", "-"])
    assert result.code == 0, result.err
    for private in ("CAF", "Directrice", "action sociale", "Saint-Denis", "93200", "93201", "Mentor-0"):
        assert private not in result.out, private
    rows = list(csv.DictReader(io.StringIO(result.out), delimiter=";"))
    assert {r["Département"] for r in rows} == {"93"}
    assert {r["Années d'expérience"] for r in rows} == {"10 à 19 ans"} and {r["Inscription"] for r in rows} == {"2026-09"}
    assert "Organisation" not in rows[0] and "Code postal" not in rows[0] and "Fonction" not in rows[0]
    assert "warning" not in result.err  # five people share every combination: k = 5 holds


def test_rare_rows_are_generalised_or_withheld_until_each_combination_holds_k(programme, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("MENTORAT_PSEUDONYM_KEY", KEY)
    root = _programme(programme, 2)  # two mentors alone in their sector, experience band and département
    result = run_cli(["--root", root, "export", "people", "--pseudonymise", "--dialect", "rfc", "-o", root / "out" / "people.csv"])
    assert result.code == 0, result.err
    assert "so that every combination of role, cohort, public, sector, experience and place is shared by at least 5 people" in result.err
    assert "warning" not in result.err  # nothing is left that the check would flag
    rows = list(csv.DictReader(io.StringIO((root / "out" / "people.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 7 and not any("secteur" in value for row in rows for value in row.values())
    quasi = [c for c in ("role", "public", "sector", "experience_years", "departement", "region", "area", "cohort") if c in rows[0]]
    groups = {tuple(row[c] for c in quasi) for row in rows}
    assert all(sum(1 for row in rows if tuple(row[c] for c in quasi) == group) >= 5 for group in groups)


def test_a_plain_export_keeps_every_column(programme, run_cli) -> None:
    root = _programme(programme, 0)
    result = run_cli(["--root", root, "export", "people", "-o", "-"])
    assert "CAF de la Seine-Saint-Denis" in result.out and "93200" in result.out and "warning" not in result.err
