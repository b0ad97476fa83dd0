"""French messages elide "de" and "que" before a value that starts with a vowel sound (issue 14's rule, on the CLI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

VOWEL_MENTOR = re.compile(r"^  (\S+)\s+([aeiouAEIOU]\S*)\s+\d+,\d\d$", re.MULTILINE)


@pytest.fixture
def french_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MENTORAT_LANG, LANG=C.UTF-8: the programme's language (French) decides."""
    for variable in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_why_not_elides_que_before_a_vowel_initial_mentor(sample: Path, run_cli, french_machine) -> None:
    dry = run_cli(["pair", "--dry-run"], cwd=sample)
    found = VOWEL_MENTOR.search(dry.out)
    assert found, dry.out  # the sample proposes at least one mentor whose id starts with a vowel
    mentee, chosen = found.groups()
    explained = run_cli(["pair", "--explain", mentee], cwd=sample)
    other = re.search(r"^  (\S+)\s+\d+,\d\d  score plus bas", explained.out, re.MULTILINE)
    assert other, explained.out
    why_not = run_cli(["pair", "--explain", mentee, "--why-not", other.group(1)], cwd=sample)
    assert why_not.code == 0
    assert f"de moins qu'{chosen} (" in why_not.out
    assert f"que {chosen}" not in why_not.out


def test_de_elides_before_a_month_and_a_file_name_and_not_before_a_consonant(sample: Path, run_cli, french_machine, tmp_path) -> None:
    args = ["contact", "amadou-keita--samira-bouzid", "--channel", "téléphone", "--summary", "Point"]
    april = run_cli([*args, "--date", "2026-04-31"], cwd=sample)
    assert april.code == 2 and "le mois d'avril compte 30 jours en 2026" in april.err
    june = run_cli([*args, "--date", "2026-06-31"], cwd=sample)
    assert "le mois de juin compte 30 jours en 2026" in june.err
    form = tmp_path / "inscriptions.csv"
    form.write_text("Prénom,Nom\nA,B\n", encoding="utf-8")
    result = run_cli(["import", form, "--role", "mentee"], cwd=sample)
    assert result.code == 2 and "aucune colonne d'inscriptions.csv ne donne" in result.err
