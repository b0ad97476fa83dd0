"""The language the command line speaks, and the gettext catalogues that hold its translations.

English templates in mentorat_cli/core/messages/ are the msgids; translations live in
mentorat_cli/locale/<lang>/LC_MESSAGES/mentorat.po (edit them in Poedit or Weblate;
a third language is a new .po file). The wheel ships them compiled to .mo by the
hatch build hook (hatch_build.py); in a source tree where a .po is newer than its
.mo, the catalogue is compiled in memory with Babel, so a translator sees the
change at once. Only the standard library's gettext is imported at start-up.

One language per run: `main()` decides it before parsing (see `decide`) and every
message, problem and help text goes through `gettext` here.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

DOMAIN = "mentorat"
LANGUAGES = ("fr", "en")
SOURCE = "en"  # msgids are English: English needs no catalogue
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_RUN_VARIABLE = "_MENTORAT_LANGUAGE_OF_RUN"
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = SOURCE


def catalogue_paths(lang: str) -> tuple[Path, Path]:
    """(.po source, .mo compiled) of a language."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def _compiled(lang: str) -> _gettext.NullTranslations:
    po, mo = catalogue_paths(lang)
    stale = po.is_file() and (not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime)
    if stale:
        fresh = _compile_in_memory(po)
        if fresh is not None:
            return fresh
    if mo.is_file():
        with mo.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    return _gettext.NullTranslations()


def _compile_in_memory(po: Path) -> _gettext.NullTranslations | None:
    """A .po newer than its .mo (a source tree being edited): compile it with Babel if it is installed."""
    try:
        import io

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:
        return None
    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def set_language(lang: str) -> None:
    """Speak `lang` from now on (English when the language has no catalogue)."""
    global _translations, _language
    lang = lang if lang in LANGUAGES else SOURCE
    _language = lang
    _translations = _gettext.NullTranslations() if lang == SOURCE else _compiled(lang)
    # Worker processes (repository's pool) started by spawn or forkserver inherit the environment,
    # not this module's state: they read it back at import (see the end of this module).
    os.environ[_RUN_VARIABLE] = lang


def language() -> str:
    """The language of this run ("fr" or "en")."""
    return _language


def gettext(message: str) -> str:
    """`message` (an English msgid) in the language of this run.

    In French, the spaces before ':', ';', '?' and '!' become no-break (typography.french_spaces):
    what the terminal shows never wraps a sign away from its word. Records written into files
    (`gettext_for`) keep the catalogue's plain spaces.
    """
    if not message or _language == SOURCE:
        return message
    found = _translations.gettext(message)
    return _french_spaces(found) if _language == "fr" else found


def gettext_plain(message: str) -> str:
    """`message` in the language of this run, with the catalogue's own spaces: for text a wrapper reflows (help)."""
    if not message or _language == SOURCE:
        return message
    return _translations.gettext(message)


@functools.lru_cache(maxsize=4096)
def _french_spaces(found: str) -> str:
    from mentorat_cli.core.formatting import french_spaces

    return french_spaces(found)


def shown(record_text: str) -> str:
    """Text as records hold it (an evidence sentence: plain spaces), as this run's messages show it.

    A French run's messages have a no-break space before ':' and narrow ones inside « »
    (`gettext`); a sentence quoted inside them gets the same typography, so a line never
    mixes both. Files keep the record's own text: only what is printed goes through here.
    """
    return _french_spaces(record_text) if _language == "fr" and record_text else record_text


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is used."""
    return message


def gettext_for(message: str, lang: str) -> str:
    """`message` in `lang` whatever the run's language: for records written into a programme's files."""
    if lang == SOURCE or lang not in LANGUAGES:
        return message
    return _compiled(lang).gettext(message)


def translated(message: str, lang: str) -> str | None:
    """The translation of `message` in `lang`'s catalogue, or None when it has none (for tests and tools)."""
    catalogue = _compiled(lang)
    entries = getattr(catalogue, "_catalog", {})
    return entries[message] if message in entries and entries[message] else None


# --- choosing the language of a run -------------------------------------------------------------

_LANGUAGE_LINE = re.compile(r"^language:\s*[\"']?([A-Za-z]{2})\b", re.MULTILINE)


def from_locale(value: str) -> str | None:
    """fr_FR.UTF-8 -> fr; en_GB -> en; C, POSIX and C.UTF-8 -> en; unknown -> None."""
    value = value.strip()
    if not value:
        return None
    code = value.split(":", 1)[0].split(".", 1)[0].split("_", 1)[0].lower()
    if code in ("c", "posix"):
        return "en"
    return code if code in LANGUAGES else None


def programme_language(start: Path, root_option: str | None) -> str | None:
    """The `language:` of the programme this run works on, read cheaply (no YAML parser at start-up)."""
    folders = [Path(root_option)] if root_option else [start, *start.parents]
    for folder in folders:
        candidate = folder / "programme.yaml"
        if candidate.is_file():
            try:
                found = _LANGUAGE_LINE.search(candidate.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                return None
            if found is None:
                return "fr"  # the programme's default language (kinds.DEFAULTS)
            return found.group(1).lower() if found.group(1).lower() in LANGUAGES else None
    return None


def option_value(argv: Sequence[str], name: str) -> str | None:
    """The value of `--name X` or `--name=X` in argv (before `--`), the last one winning."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith(name + "="):
            found = arg.split("=", 1)[1]
    return found


def decide(argv: Sequence[str], environ: Mapping[str, str], cwd: Path) -> str:
    """The language of a run, strongest choice first.

    1. `--lang fr|en` on the command line;
    2. MENTORAT_LANG (a person's explicit, lasting choice, e.g. an English-speaking auditor);
    3. the programme's `language` when the run works inside a programme (so LANG=C.UTF-8 on a
       server still gives French in a French programme);
    4. LC_ALL, LC_MESSAGES, LANG, as gettext reads them: fr_* gives French, C/POSIX and en_* English;
    5. French: most people who run mentorat are French.
    """
    for value in (option_value(argv, "--lang"), environ.get("MENTORAT_LANG", "")):
        if value and value.lower()[:2] in LANGUAGES:
            return value.lower()[:2]
    programme = programme_language(cwd, option_value(argv, "--root"))
    if programme:
        return programme
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        chosen = from_locale(environ.get(variable, ""))
        if chosen:
            return chosen
        if environ.get(variable):
            return "en"  # a locale we do not speak (de_DE...): English is the lingua franca
    return "fr"


def setup(argv: Sequence[str], environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> str:
    """Decide the language of this run and load its catalogue; returns it."""
    lang = decide(argv, os.environ if environ is None else environ, Path.cwd() if cwd is None else cwd)
    set_language(lang)
    return lang


if os.environ.get(_RUN_VARIABLE, SOURCE) != SOURCE:
    set_language(os.environ[_RUN_VARIABLE])
