"""Numbers, dates, durations and lists as each language writes them: the one formatter (issue 10).

Every place that shows a number or a date to a person (documents, reports, proposal
files, the command line) formats it here, so the same value reads the same
everywhere: `72,30` and `2 décembre 2026` in French, `72.30` and `2 December 2026`
in English. The locale data (decimal and grouping signs, month names, percent
pattern) is CLDR's: for the two languages mentorat ships (fr, en) a copy of it is
kept below, so that a command pays nothing to format (Babel's data takes 0.2 s to
load, more than `status` itself on a small programme); any other language comes
from Babel, loaded on first use, so a third language needs no code here. A test
checks that the copy still says what Babel says.

Rounding is Python's (the value's decimal digits are fixed first, then localised),
so a figure never changes with the Babel version.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

# The conjunction before a list's last item; other languages use CLDR's list pattern.
_AND = {"fr": " et ", "en": " and "}
# French typography: a no-break space before « : », a narrow no-break space before « ; ? ! »
# and inside guillemets (Imprimerie nationale's rules, as LibreOffice and Word apply them).
NBSP, NNBSP = "\u00a0", "\u202f"
_BEFORE_COLON = re.compile(r"(?<=\S) +(?=:(?:\s|$))")
_BEFORE_TALL = re.compile(r"(?<=\S) +(?=[;?!](?:\s|$|[»)]))")
_AFTER_OPENING = re.compile(r"« +")
_BEFORE_CLOSING = re.compile(r" +»")


# CLDR's data for the shipped languages: (decimal sign, grouping sign, space before %, month names).
_SHIPPED: dict[str, tuple[str, str, bool, tuple[str, ...]]] = {
    "fr": (
        ",",
        NNBSP,
        True,
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
    ),
    "en": (
        ".",
        ",",
        False,
        ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    ),
}


@functools.lru_cache(maxsize=8)
def _locale(lang: str) -> Any:
    from babel.core import Locale, UnknownLocaleError  # imported here: Babel's data costs ~0.15 s to load

    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("fr")


@functools.lru_cache(maxsize=8)
def _symbols(lang: str) -> tuple[str, str]:
    """(decimal sign, grouping sign) of a language: (',', U+202F) in French, ('.', ',') in English."""
    if lang in _SHIPPED:
        return _SHIPPED[lang][0], _SHIPPED[lang][1]
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return str(get_decimal_symbol(_locale(lang))), str(get_group_symbol(_locale(lang)))


def number(value: float, lang: str, decimals: int | None = None) -> str:
    """A number as `lang` writes it: 1234.5 -> '1 234,5' (fr), '1,234.5' (en).

    `decimals` fixes the digits after the sign (2 -> '72,30'); None shows as few as the value needs
    (1.0 -> '1', 1.5 -> '1,5', at most six).
    """
    if decimals is None:
        digits = f"{value:,.6f}".rstrip("0").rstrip(".")
    else:
        digits = f"{value:,.{decimals}f}"
    if digits.startswith("-") and not digits.strip("-0.,"):
        digits = digits[1:]  # -0.001 rounds to '0', not '-0'
    decimal, group = _symbols(lang)
    table: dict[str, str | int | None] = {",": group, ".": decimal}
    return digits.translate(str.maketrans(table))


def score(units: int, lang: str) -> str:
    """A pairing score held in hundredths, with its two decimals: 8250 -> '82,50' (fr), '82.50' (en)."""
    return number(units / 100, lang, 2)


def percent(value: float, lang: str, decimals: int | None = 0) -> str:
    """A percentage: 89.5 -> '90 %' (fr, no-break space), '90%' (en); whole and half up unless `decimals` says
    otherwise (None: as many as the value has, for a threshold such as 62.5)."""
    shown = number(int(value + 0.5), lang) if decimals == 0 else number(value, lang, decimals)  # half up, unlike round()
    if lang in _SHIPPED:
        spaced = _SHIPPED[lang][2]
    else:
        spaced = str(_locale(lang).percent_formats[None].pattern).endswith(("\u00a0%", " %"))
    return f"{shown}{NBSP if spaced else ''}%"


def seconds(value: float, lang: str) -> str:
    """A measured time: 1.84 -> '1,8 s' (fr), '1.8 s' (en)."""
    return f"{number(value, lang, 1)}{NBSP if lang == 'fr' else ' '}s"


def _as_date(day: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(day) if isinstance(day, str) else day


def long_date(day: dt.date | str | None, lang: str) -> str:
    """A date in words: '2 décembre 2026' ('1er décembre' for the first day), '2 December 2026'; '' when unknown."""
    if day is None or day == "":
        return ""
    day = _as_date(day)
    month = month_name(day.month, lang)
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {month} {day.year}"


def month_name(month: int, lang: str) -> str:
    """A month's name as a sentence starts it: 'February', 'février' (French writes months in lower case)."""
    if lang in _SHIPPED:
        return _SHIPPED[lang][3][month - 1]
    return str(_locale(lang).months["format"]["wide"][month])


def month_year(month: str | dt.date, lang: str) -> str:
    """A month in words from YYYY-MM (or a date): 'novembre 2026', 'November 2026'."""
    if isinstance(month, str):
        year, number_ = (int(part) for part in month.split("-")[:2])
    else:
        year, number_ = month.year, month.month
    if lang in _SHIPPED:  # French and English write a month alone as in a date
        return f"{_SHIPPED[lang][3][number_ - 1]} {year}"
    return f"{_locale(lang).months['stand-alone']['wide'][number_]} {year}"


def duration(minutes: int, lang: str = "fr") -> str:
    """Minutes as people write them: 45 -> '45 min', 60 -> '1 h', 75 -> '1 h 15', 0 -> '0 min'.

    The hour sign reads the same in French and English documents (SI symbols).
    """
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def listing(items: list[str], lang: str) -> str:
    """Items as people list them: 'A, B et C' in French, 'A, B and C' in English."""
    if len(items) < 2:
        return "".join(items)
    if lang in _AND:
        return ", ".join(items[:-1]) + _AND[lang] + items[-1]
    from babel.lists import format_list

    return str(format_list(items, locale=_locale(lang)))


def french_spaces(text: str) -> str:
    """French typography on a sentence: no-break space before ':', narrow no-break before ';', '?', '!'.

    Only spaces already there become no-break (nothing is inserted), so '--format=csv' or 'https://'
    stay as they are; the line then never wraps between a word and its sign.
    """
    if " " not in text:
        return text
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _BEFORE_TALL.sub(NNBSP, text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    return _BEFORE_CLOSING.sub(NNBSP + "»", text)
