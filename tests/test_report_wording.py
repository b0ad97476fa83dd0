"""The report's French: category names with accents, agreement, words instead of '>', the month in progress."""

from __future__ import annotations

from pathlib import Path


def _report(run_cli, root: Path, today: str = "2026-11-25") -> str:
    result = run_cli(["report", "--format", "md", "-o", "out/report.md"], cwd=root, today=today)
    assert result.code == 0, result.err
    return (root / "out" / "report.md").read_text(encoding="utf-8")


def test_categories_are_named_with_their_accents_or_the_programmes_words(sample: Path, run_cli) -> None:
    text = _report(run_cli, sample)
    assert "**Mentorés par « Région »**" in text and "Region" not in text
    programme = sample / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "category_labels: {region: Région académique}\n", encoding="utf-8")
    (sample / "out" / "report.md").unlink()
    assert "**Mentorés par « Région académique »**" in _report(run_cli, sample)


def test_agreement_and_words_for_hidden_shares(sample: Path, run_cli) -> None:
    text = _report(run_cli, sample)
    assert "Sont comptées comme participantes les personnes" in text
    assert "| > " not in text and "plus de " in text


def test_a_month_in_progress_is_marked_and_a_finished_one_is_not(sample: Path, run_cli) -> None:
    assert "| novembre 2026 (mois en cours) |" in _report(run_cli, sample, "2026-11-25")
    (sample / "out" / "report.md").unlink()
    finished = _report(run_cli, sample, "2026-11-30")
    assert "| novembre 2026 |" in finished and "mois en cours" not in finished


def test_an_objectives_table_of_only_hidden_cells_becomes_a_sentence(sample: Path, run_cli) -> None:
    text = _report(run_cli, sample)
    section = text.split("## Objectifs", 1)[1].split("\n## ", 1)[0]
    assert "Chaque thème réunit moins de 5 réponses : le détail par thème n'est pas publié." in section
    assert "| < 5 | < 5 | < 5 | < 5 |" not in section
