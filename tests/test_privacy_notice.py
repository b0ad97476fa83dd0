"""The privacy notice that `mentorat init` writes from templates/privacy/, in both languages."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["# Vos données personnelles", "12 mois après la fin de la promotion", "CNIL", "coordination@example.org"]),
        ("en", ["# Your personal data", "12 months after the cohort ends", "coordination@example.org"]),
    ],
)
def test_init_writes_the_notice_in_the_programme_language(run_cli, tmp_path, lang, words):
    target = tmp_path / "prog"
    result = run_cli(["init", target, "--kind", "school", "--lang", lang, "--no-git"])
    assert result.code == 0, result.err
    notice = (target / "privacy-notice.md").read_text(encoding="utf-8")
    for word in words:
        assert word in notice
    assert "{{" not in notice and "{%" not in notice
    if lang == "fr":
        # Dates are written the French way in a French document.
        assert re.search(r"fin prévue le \d{2}/\d{2}/\d{4}", notice)


def test_the_french_notice_never_drops_the_organisers_article(run_cli, tmp_path):
    target = tmp_path / "prog"
    assert run_cli(["init", target, "--kind", "youth", "--no-git"]).code == 0
    notice = (target / "privacy-notice.md").read_text(encoding="utf-8")
    # init does not know the article: the notice phrases around it.
    assert "Organisateur du programme de mentorat : Organisme à compléter." in notice
    assert "organisé par Organisme" not in notice
    assert '# organiser_article: "l\'"' in (target / "programme.yaml").read_text(encoding="utf-8")
