"""Evidence sentences quoted on a French command line take its typography; the proposal files keep plain spaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_declared_criteria import EVENING, _programme

NBSP = "\u00a0"
PLAIN_SPACE_BEFORE_SIGN = re.compile(r"\S [:;?!](?:\s|$)")


@pytest.fixture
def french_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MENTORAT_LANG, LANG=C.UTF-8: the programme's language (French) decides."""
    for variable in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_explain_quotes_evidence_with_no_break_spaces_and_files_keep_plain_ones(sample: Path, run_cli, french_machine) -> None:
    assert run_cli(["pair"], cwd=sample).code == 0
    proposal = next(
        p for p in sorted((sample / "pairs").glob("*.yaml")) if yaml.safe_load(p.read_text(encoding="utf-8"))["status"] == "proposed"
    )
    data = yaml.safe_load(proposal.read_text(encoding="utf-8"))
    themes = next(c["evidence"] for c in data["criteria"] if c["criterion"] == "themes")
    assert " : " in themes and NBSP not in proposal.read_text(encoding="utf-8")  # the record: plain spaces
    explained = run_cli(["pair", "--explain", data["mentee"]], cwd=sample)
    assert explained.code == 0
    assert themes.replace(" : ", f"{NBSP}: ") in explained.out  # the same sentence, French typography
    other = re.search(r"^  (\S+)\s+\d+,\d\d  score plus bas", explained.out, re.MULTILINE)
    assert other, explained.out
    why_not = run_cli(["pair", "--explain", data["mentee"], "--why-not", other.group(1)], cwd=sample)
    for out in (explained.out, why_not.out):
        assert PLAIN_SPACE_BEFORE_SIGN.findall(out) == []


def test_a_declared_rules_evidence_in_confirm_takes_the_same_typography(run_cli, tmp_path, french_machine) -> None:
    root = _programme(tmp_path, {"soir": EVENING})
    pid = "chloe-e--bruno-m"
    (root / "pairs").mkdir()
    (root / "pairs" / f"{pid}.yaml").write_text(
        f"id: {pid}\nmentee: chloe-e\nmentor: bruno-m\nstatus: proposed\nproposed_on: '2026-10-01'\n"
    )
    result = run_cli(["--root", root, "confirm", pid])
    assert result.code == 1
    assert f"Disponible le soir{NBSP}: non pour le mentor, oui pour le mentoré" in result.err
    assert PLAIN_SPACE_BEFORE_SIGN.findall(result.err) == []
