"""A French run names the eligibility rules in French (« écart d'expérience », not « experience_gap »); English keeps the ids."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from test_declared_criteria import EVENING, _programme

NNBSP = "\u202f"


@pytest.fixture
def french_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MENTORAT_LANG, LANG=C.UTF-8: the programme's language (French) decides."""
    for variable in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_explain_and_scores_name_a_built_in_rule_in_french(sample: Path, run_cli, french_machine) -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli(["scores", "--format", "csv"], cwd=sample).out)))
    couple = next(r for r in rows if r["rule"] == "experience_gap")  # the CSV, for tools, keeps the id
    why_not = run_cli(["pair", "--explain", couple["mentee"], "--why-not", couple["mentor"]], cwd=sample)
    assert why_not.code == 0
    assert f"la règle «{NNBSP}écart d'expérience{NNBSP}»" in why_not.out and "experience_gap" not in why_not.out
    text = run_cli(["scores"], cwd=sample).out
    assert "écart d'expérience" in text and "experience_gap" not in text


def test_confirm_names_a_declared_rule_by_its_label(run_cli, tmp_path, french_machine) -> None:
    root = _programme(tmp_path, {"soir": EVENING})
    pid = "chloe-e--bruno-m"
    (root / "pairs").mkdir()
    (root / "pairs" / f"{pid}.yaml").write_text(
        f"id: {pid}\nmentee: chloe-e\nmentor: bruno-m\nstatus: proposed\nproposed_on: '2026-10-01'\n"
    )
    result = run_cli(["--root", root, "confirm", pid])
    assert result.code == 1
    assert f"la règle «{NNBSP}Disponible le soir{NNBSP}»" in result.err


def test_english_keeps_the_rule_ids(sample: Path, run_cli) -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli(["scores", "--format", "csv"], cwd=sample).out)))
    couple = next(r for r in rows if r["rule"] == "experience_gap")
    why_not = run_cli(["pair", "--explain", couple["mentee"], "--why-not", couple["mentor"]], cwd=sample)
    assert "the pair breaks the rule 'experience_gap'" in why_not.out
