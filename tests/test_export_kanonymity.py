"""A pseudonymised people export is k-anonymous (k = the report's threshold) on the sample and on a generated programme."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

KEY = "a-long-enough-secret-key-0123"
REPO = Path(__file__).resolve().parent.parent
QUASI = ("role", "public", "sector", "experience_years", "departement", "region", "area", "cohort")


def _export(run_cli, root: Path) -> tuple[list[dict[str, str]], str]:
    result = run_cli(["--root", root, "export", "people", "--pseudonymise", "--dialect", "rfc", "-o", "-"])
    assert result.code == 0, result.err
    return list(csv.DictReader(io.StringIO(result.out))), result.err


def _smallest_group(rows: list[dict[str, str]]) -> int:
    kept = [c for c in QUASI if c in rows[0]]
    return min(Counter(tuple(row[c] for c in kept) for row in rows).values())


def test_the_sample_has_no_combination_seen_fewer_than_k_times(sample: Path, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("MENTORAT_PSEUDONYM_KEY", KEY)
    k = (yaml.safe_load((sample / "programme.yaml").read_text(encoding="utf-8")).get("privacy") or {}).get("min_group_size", 5)
    rows, err = _export(run_cli, sample)
    assert len(rows) == 84 and _smallest_group(rows) >= k
    assert "warning" not in err
    # The school's routes into the civil service are what an evaluation needs most: they are kept, the sector goes.
    assert "public" in rows[0] and "sector" not in rows[0]
    assert {r["experience_years"] for r in rows} <= {"0 à 9 ans", "10 à 19 ans", "20 ans ou plus", "(masqué)"}
    withheld = [r for r in rows if r["public"] == "(masqué)"]
    assert 0 < len(withheld) <= max(2 * k, len(rows) // 10)  # withholding is for the few: 2k rows or 10 %
    assert f"{len(withheld)} row(s) with a rare combination have these columns shown as (masqué)" in err


@pytest.mark.parametrize("k", [5, 11])
def test_a_generated_programme_is_k_anonymous_for_its_threshold(tmp_path: Path, run_cli, monkeypatch, k: int) -> None:
    monkeypatch.setenv("MENTORAT_PSEUDONYM_KEY", KEY)
    root = tmp_path / "generated"
    command = [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(root), "--mentees", "300", "--mentors", "200"]
    subprocess.run([*command, "--pairs", "100", "--notes", "100"], check=True, capture_output=True)
    config = root / "programme.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nprivacy:\n  min_group_size: {k}\n", encoding="utf-8")
    rows, err = _export(run_cli, root)
    assert len(rows) == 500 and _smallest_group(rows) >= k, err
    assert "warning" not in err
    if k == 5:
        # With 500 people, k = 5 does not need the place left out: metropolitan France or overseas is kept.
        assert "area" in rows[0] and "sector" not in rows[0]
