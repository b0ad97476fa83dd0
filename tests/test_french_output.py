"""The command line writes numbers, dates and punctuation as the programme's language does (issues 10 and 11).

One formatter (core/formatting.py) for every number and date shown; in French the decimal comma,
dates in words, no-break spaces before `:` `;` `?` `!`; `status --format csv`; `person show` values
as labels; `pair --explain MENTEE --why-not MENTOR`. Run on the bundled sample (French) and on the
same sample switched to English.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from french_lint import slips

from mentorat_cli.core import formatting

NBSP, NNBSP = "\u00a0", "\u202f"
# A plain space before a high sign ends a word in running French text: the slip the typography removes.
PLAIN_SPACE_BEFORE_SIGN = re.compile(r"\S [:;?!](?:\s|$)")


@pytest.fixture
def french_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server as coordinators have them: no MENTORAT_LANG, LANG=C.UTF-8 (the programme's language decides)."""
    for variable in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _english(sample: Path) -> Path:
    config = sample / "programme.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8")
    return sample


# --- the formatter itself ------------------------------------------------------------------------


def test_one_formatter_writes_each_language_its_way() -> None:
    assert formatting.number(1234.5, "fr") == f"1{NNBSP}234,5"
    assert formatting.number(1234.5, "en") == "1,234.5"
    assert formatting.number(72.3, "fr", 2) == "72,30"
    assert formatting.number(2.0, "fr") == "2"
    assert formatting.number(-0.001, "fr", 2) == "0,00"
    assert formatting.score(8250, "fr") == "82,50" and formatting.score(8250, "en") == "82.50"
    assert formatting.percent(89.5, "fr") == f"90{NBSP}%" and formatting.percent(89.5, "en") == "90%"
    assert formatting.long_date("2026-12-01", "fr") == "1er décembre 2026"
    assert formatting.long_date(dt.date(2026, 12, 2), "fr") == "2 décembre 2026"
    assert formatting.long_date("2026-12-02", "en") == "2 December 2026"
    assert formatting.long_date(None, "fr") == ""
    assert formatting.month_year("2026-11", "fr") == "novembre 2026" and formatting.month_year("2026-11", "en") == "November 2026"
    assert formatting.duration(75) == "1 h 15" and formatting.duration(60) == "1 h" and formatting.duration(45) == "45 min"
    assert formatting.listing(["A", "B", "C"], "fr") == "A, B et C" and formatting.listing(["A", "B"], "en") == "A and B"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_shipped_languages_copy_of_cldr_still_says_what_babel_says(lang: str) -> None:
    from babel.core import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = Locale.parse(lang)
    decimal, group, spaced, months = formatting._SHIPPED[lang]
    assert (decimal, group) == (get_decimal_symbol(locale), get_group_symbol(locale))
    assert spaced == str(locale.percent_formats[None].pattern).endswith("\u00a0%")
    assert months == tuple(locale.months["format"]["wide"][m] for m in range(1, 13))
    assert months == tuple(locale.months["stand-alone"]["wide"][m] for m in range(1, 13))


def test_another_language_is_formatted_from_babel_without_code() -> None:
    assert formatting.long_date("2026-12-02", "de") == "2 Dezember 2026"
    assert formatting.number(1234.5, "de") == "1.234,5"


def test_rounding_is_pythons_whatever_babel_does() -> None:
    # 2.45 is 2.4500000000000001776 in binary: Python rounds it up; decimal half-even would print 2,4.
    assert formatting.number(2.45, "fr", 1) == f"{2.45:.1f}".replace(".", ",")
    assert formatting.number(0.165, "en", 2) == f"{0.165:.2f}"


def test_french_spaces_change_only_spaces_already_there() -> None:
    assert formatting.french_spaces("Binômes : 18 ; vraiment ? « oui » !") == (
        f"Binômes{NBSP}: 18{NNBSP}; vraiment{NNBSP}? «{NNBSP}oui{NNBSP}»{NNBSP}!"
    )
    for untouched in ("https://example.fr", "--format=csv", "9:30", "{leaf}: value", "a:b"):
        assert formatting.french_spaces(untouched) == untouched


# --- the command line, French and English -------------------------------------------------------


def test_french_status_and_pair_use_the_decimal_comma_and_dates_in_words(sample, run_cli, french_machine):
    status = run_cli(["status"], cwd=sample, today="2026-12-02")
    assert status.code == 0, status.err
    assert status.out.splitlines()[0].endswith(f"{NBSP}: situation au 2 décembre 2026")
    dry = run_cli(["pair", "--dry-run"], cwd=sample)
    assert dry.code == 0, dry.err
    summary = next(line for line in dry.out.splitlines() if "score moyen" in line)
    assert re.search(rf"{NNBSP}; score moyen \d+,\d\d, le plus bas \d+,\d\d{NNBSP};", summary), summary
    assert re.search(rf"{NNBSP}; \d+,\d{NBSP}s$", summary), summary
    assert not re.search(r"\d\.\d", dry.out), "a decimal point in French output"
    mentee = re.search(r"^  (\S+)\s+\S+\s+\d+,\d\d$", dry.out, re.MULTILINE)
    assert mentee, dry.out  # the table of proposals: scores with the decimal comma too
    explained = run_cli(["pair", "--explain", mentee.group(1)], cwd=sample)
    assert re.search(r"mentor proposé \S+, score \d+,\d\d\n", explained.out), explained.out
    assert re.search(r"^  \S+\s+\d+,\d\d / \d+,\d\d ", explained.out, re.MULTILINE), explained.out
    assert not re.search(r"\d\.\d\d", explained.out)
    scores = run_cli(["scores"], cwd=sample)
    assert re.search(r"\s\d+,\d\d\s", scores.out.splitlines()[1])
    assert "." not in run_cli(["scores", "--format", "csv"], cwd=sample).out.splitlines()[1].split(",")[0]  # ids
    assert re.search(r",\d+\.\d\d,", run_cli(["scores", "--format", "csv"], cwd=sample).out)  # CSV is for tools: a dot


def test_english_programme_keeps_the_decimal_point_and_english_dates(sample, run_cli, french_machine):
    _english(sample)
    status = run_cli(["status"], cwd=sample, today="2026-12-02")
    assert status.out.splitlines()[0].endswith(": status on 2 December 2026")
    dry = run_cli(["pair", "--dry-run"], cwd=sample)
    summary = next(line for line in dry.out.splitlines() if "mean score" in line)
    assert re.search(r"; mean score \d+\.\d\d, lowest \d+\.\d\d; .* \d+\.\d s$", summary), summary
    assert NBSP not in dry.out and NNBSP not in dry.out


def test_french_lines_have_no_plain_space_before_a_high_sign(sample, run_cli, french_machine):
    outputs = []
    for args in (["status"], ["status", "--all"], ["pair", "--dry-run"], ["audit"], ["pair"], ["validate"]):
        if args == ["pair"]:  # a broken file: validate's problems and hints, pair's refusal
            (sample / "mentees" / "lea-martin.yaml").write_text("id: lea-martin\nformat: [\n", encoding="utf-8")
        result = run_cli(args, cwd=sample)
        outputs.append(result.out + result.err)
    assert "le programme comporte des erreurs" in outputs[4]
    for text in outputs:
        assert text.strip()
        # Our sentences only: ids and file contents (a note's summary) are data, shown as written.
        offending = [line for line in text.splitlines() if PLAIN_SPACE_BEFORE_SIGN.search(line) and "yaml:" not in line]
        assert offending == [], offending[:5]
        assert slips(text) == [], slips(text)[:5]
    assert any(f"{NBSP}:" in text for text in outputs) and any(f"{NNBSP};" in text for text in outputs)


def test_french_help_keeps_plain_spaces_so_rich_never_starts_a_line_with_a_sign(sample, run_cli, french_machine):
    result = run_cli(["status", "--help"], cwd=sample)
    assert result.code == 0
    assert NBSP not in result.out and NNBSP not in result.out
    assert all(len(line) <= 80 for line in result.out.splitlines())


# --- status --format csv -------------------------------------------------------------------------


def test_status_csv_is_one_flat_table_with_the_json_figures(sample, run_cli, french_machine):
    result = run_cli(["status", "--format", "csv"], cwd=sample)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == ["section", "pair", "person", "role", "status", "date", "days", "count", "detail"]
    data = json.loads(run_cli(["status", "--format", "json"], cwd=sample).out)
    by_status = {r["status"]: int(r["count"]) for r in rows if r["section"] == "pairs_by_status"}
    assert by_status == data["pairs_by_status"]
    waiting = [r for r in rows if r["section"] == "waiting_mentees"]
    assert [r["person"] for r in waiting] == [w["mentee"] for w in data["waiting_mentees"]]
    assert all(r["role"] == "mentee" and r["status"] in ("accepted", "applicant", "waitlisted") for r in waiting)
    for name in ("without_meeting", "applicants", "reviews_due", "finals_due", "ending_soon", "mentors_to_follow"):
        assert sum(r["section"] == name for r in rows) == len(data[name]), name
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|", r["date"]) for r in rows)  # ISO dates, for tools
    # Ids and statuses are canonical: an English run prints the same bytes.
    assert run_cli(["--lang", "en", "status", "--format", "csv"], cwd=sample).out == result.out


# --- person show ---------------------------------------------------------------------------------


def test_person_show_in_french_gives_values_as_people_read_them(sample, run_cli, french_machine):
    result = run_cli(["person", "show", "amadou-keita"], cwd=sample)
    assert result.code == 0, result.err
    out = result.out
    assert "Canal: téléphone" in out and "Canal: phone" not in out
    assert "Statut: accepté(e)" in out and "Statut: confirmé" in out
    assert "- en semaine à midi" in out and "Format des rencontres: indifférent" in out
    assert "- bambara" in out and "- français" in out
    assert "Thème: Confiance en soi" in out
    assert "Type: première rencontre" in out and "Durée (minutes): 60" in out
    assert "Format des rencontres: à distance" in out  # a note's format
    assert "weekday_lunch" not in out and "self-confidence" not in out


def test_person_show_in_english_keeps_the_files_ids(sample, run_cli, french_machine):
    result = run_cli(["person", "show", "amadou-keita"], cwd=_english(sample))
    assert "channel: phone" in result.out and "- weekday_lunch" in result.out and "status: accepted" in result.out


# --- pair --explain MENTEE --why-not MENTOR ------------------------------------------------------


def test_why_not_is_an_option_and_the_older_positional_still_works(sample, run_cli, french_machine):
    dry = run_cli(["pair", "--dry-run"], cwd=sample)
    mentee = re.search(r"^  (\S+)\s+\S+\s+\d+,\d\d$", dry.out, re.MULTILINE)
    assert mentee
    explained = run_cli(["pair", "--explain", mentee.group(1)], cwd=sample)
    other = re.search(r"^  (\S+)\s+\d+,\d\d  score plus bas", explained.out, re.MULTILINE)
    assert other, explained.out
    new = run_cli(["pair", "--explain", mentee.group(1), "--why-not", other.group(1)], cwd=sample)
    old = run_cli(["pair", "--explain", mentee.group(1), other.group(1)], cwd=sample)
    assert new.code == old.code == 0
    assert new.out == old.out and f"pourquoi pas {other.group(1)}" in new.out
    alone = run_cli(["pair", "--why-not", other.group(1)], cwd=sample)
    assert alone.code == 2 and "--explain" in alone.err
    both = run_cli(["pair", "--explain", mentee.group(1), "--why-not", other.group(1), "someone-else"], cwd=sample)
    assert both.code == 2
    usage = run_cli(["pair", "--help"], cwd=sample).out
    assert "[MENTOR]" not in usage and "--why-not" in usage


# --- datefix: why a date does not exist, from the catalogue -------------------------------------


def test_an_impossible_date_is_explained_in_the_programmes_language(sample, run_cli, french_machine):
    args = ["contact", "amadou-keita--samira-bouzid", "--channel", "téléphone", "--date", "2026-02-31", "--summary", "Point"]
    french = run_cli(args, cwd=sample)
    assert french.code == 2
    assert f"conseil{NBSP}: le mois de février compte 28 jours en 2026" in french.err
    english = run_cli(["--lang", "en", *args], cwd=sample)
    assert "hint: February has 28 days in 2026" in english.err
    month = run_cli([*args[:-4], "--date", "2026-13-02", "--summary", "Point"], cwd=sample)
    assert "il n'y a pas de mois 13" in month.err
