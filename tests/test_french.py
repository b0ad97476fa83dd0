"""French-first: the command line speaks the programme's language, command by command."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import typer
from conftest import PROGRAMME_YAML
from language_words import english_lines, french_lines
from test_pair_helpers import files, mentee, mentor

from mentorat_cli.cli.app import app
from mentorat_cli.cli.helptext import walk
from mentorat_cli.core import i18n
from mentorat_cli.tools import i18n_tools

COMMANDS = sorted(name for name, _ in walk(typer.main.get_command(app)) if name != "mentorat")


@pytest.fixture
def french_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server as coordinators have them: no MENTORAT_LANG, LANG=C.UTF-8."""
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_every_message_and_help_text_has_its_french_translation():
    missing = i18n_tools.missing("fr")
    assert missing == [], "untranslated: run `python -m mentorat_cli.tools.i18n_tools update`, translate in the .po: " + repr(missing[:10])


def test_translations_keep_every_placeholder():
    def fields(template: str) -> list[str]:
        return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)

    checked = 0
    for message, where in i18n_tools.msgids().items():
        if where.startswith("help") or "{" not in message:
            continue  # help texts are not templates
        french = i18n.translated(message, "fr")
        assert french is not None, message
        assert fields(french) == fields(message), (message, french)
        checked += 1
    assert checked > 250


def test_the_heuristic_tells_the_languages_apart():
    assert english_lines("error: the file is empty") == ["error: the file is empty"]
    assert french_lines("error: the file is empty") == []
    assert french_lines("erreur : le fichier est vide") == ["erreur : le fichier est vide"]
    assert english_lines("erreur : le fichier est vide") == []
    # ids, paths and options are not words of either language
    assert english_lines("  the-pair--with-the-mentor  pairs/of-the.yaml --with-the") == []


def _broken(root: Path) -> None:
    lea = root / "mentees" / "lea-martin.yaml"
    lea.write_text(
        lea.read_text(encoding="utf-8").replace("first_name: Léa", "first_name: [Léa]") + "prenom: Léa\nformat: 12\n", encoding="utf-8"
    )
    (root / "mentors" / "Bad Name.yaml").write_text("id: x\n", encoding="utf-8")
    (root / "mentees" / "tab.yaml").write_text("id: tab\n\tfirst_name: x\n", encoding="utf-8")


FRENCH_RUNS = [
    ["status"],
    ["audit"],
    ["pair", "--dry-run"],
    ["pair", "--explain", "clement-perrot"],
    ["pair", "--explain", "clement-perrot", "paul-lambert"],
    ["scores"],
    ["person", "show", "lea-martin"],
    ["forget", "lea-martin", "--dry-run"],
    ["contact", "nobody--nowhere", "--channel", "pigeon"],
]


@pytest.mark.parametrize("args", FRENCH_RUNS, ids=lambda a: " ".join(a))
def test_the_french_sample_speaks_french(args, sample, run_cli, french_machine):
    result = run_cli(args, cwd=sample)
    output = result.out + result.err
    assert output.strip()
    assert english_lines(output) == [], output


def test_validate_on_broken_files_speaks_french(sample, run_cli, french_machine):
    _broken(sample)
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1
    assert "erreur" in result.out and "conseil\u00a0: " in result.out
    assert english_lines(result.out + result.err) == [], result.out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_is_french_in_the_french_sample(command, sample, run_cli, french_machine):
    result = run_cli([*command.split(), "--help"], cwd=sample)
    assert result.code == 0, result.err
    assert "Utilisation : mentorat" in result.out
    assert english_lines(result.out) == [], result.out
    assert "<bool>" not in result.out and "{" not in result.out.split("\n", 2)[1]


def test_help_shows_examples_and_clean_argument_names(sample, run_cli, french_machine):
    result = run_cli(["contact", "--help"], cwd=sample)
    assert "Exemples :" in result.out and "mentorat contact" in result.out
    assert "Utilisation : mentorat contact [OPTIONS] BINÔME" in result.out
    assert "<str>" not in result.out and "<bool>" not in result.out


# --- an English programme: no French ------------------------------------------------------------


def english(programme) -> Path:
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], capacity=1),
            mentor("rita-mentor", themes=["self-confidence"], capacity=1),
            mentee("anna-mentee", ["networking"]),
            mentee("bob-mentee", ["self-confidence"]),
        ),
        PROGRAMME_YAML.replace("language: fr", "language: en")
        .replace("Programme de test", "Test programme")
        .replace("École de test", "Test school"),
    )
    return root


ENGLISH_RUNS = [
    ["validate"],
    ["status"],
    ["audit"],
    ["pair", "--dry-run"],
    ["pair", "--explain", "anna-mentee"],
    ["pair", "--explain", "anna-mentee", "rita-mentor"],
    ["scores"],
    ["person", "show", "anna-mentee"],
    ["forget", "anna-mentee", "--dry-run"],
    ["contact", "nobody--nowhere", "--channel", "pigeon"],
]


@pytest.mark.parametrize("args", ENGLISH_RUNS, ids=lambda a: " ".join(a))
def test_an_english_programme_speaks_english_even_on_a_french_machine(args, programme, run_cli, monkeypatch):
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = run_cli(args, cwd=english(programme))
    output = result.out + result.err
    assert output.strip()
    assert french_lines(output) == [], output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_is_english_in_an_english_programme(command, programme, run_cli, monkeypatch):
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = run_cli([*command.split(), "--help"], cwd=english(programme))
    assert "Usage: mentorat" in result.out
    assert french_lines(result.out) == [], result.out


# --- choosing the language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "env", "programme_lang", "expected"),
    [
        (["--lang", "en", "status"], {}, "fr", "en"),
        (["status"], {"MENTORAT_LANG": "en"}, "fr", "en"),
        (["status"], {"LANG": "C.UTF-8"}, "fr", "fr"),
        (["status"], {"LANG": "fr_FR.UTF-8"}, "en", "en"),
        (["init", "x"], {"LANG": "C.UTF-8"}, None, "en"),
        (["init", "x"], {"LANG": "fr_FR.UTF-8"}, None, "fr"),
        (["init", "x"], {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, None, "fr"),
        (["init", "x"], {"LANG": "de_DE.UTF-8"}, None, "en"),
        (["init", "x"], {}, None, "fr"),
    ],
)
def test_language_of_a_run(argv, env, programme_lang, expected, tmp_path):
    if programme_lang:
        (tmp_path / "programme.yaml").write_text(f"name: x\nlanguage: {programme_lang}\n", encoding="utf-8")
    assert i18n.decide(argv, env, tmp_path / "sub" if False else tmp_path) == expected


def test_lang_option_outside_a_programme(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    result = run_cli(["--lang", "fr", "status"], cwd=tmp_path)
    assert result.code == 2
    assert "erreur\u00a0: aucun programme.yaml trouvé" in result.err
    result = run_cli(["status", "--lang", "fr"], cwd=tmp_path)
    assert "erreur\u00a0: aucun programme.yaml trouvé" in result.err


def test_status_shows_first_rows_and_all_with_all(sample, run_cli, french_machine):
    short = run_cli(["status"], cwd=sample)
    assert "Mentorés en attente d'un mentor (26)" in short.out
    assert "  et 16 autre(s) (mentorat status --all affiche tout)" in short.out
    assert "accepté(e)" in short.out and " accepted " not in short.out
    full = run_cli(["status", "--all"], cwd=sample)
    waiting = full.out.split("Mentorés en attente d'un mentor (26)\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(waiting) == 1 + 26 and "autre(s)" not in full.out
