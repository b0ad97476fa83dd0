"""What `forget` cannot erase itself: generated files under out/ that still hold a person.

Documents and exports are made again from the data, so forget does not edit
them: it names every one whose content (not only its file name) holds an
erased person's id, name, e-mail or phone number, for the coordinator to delete.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

OUT = "out"
_SEPARATORS = r"[\s,;|\"'\t]+"  # between a first and a last name: a space, or the next cell of a table
_PHONE_GAP = r"[\s.()-]*"


def _norm(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold()


def _phone_patterns(phone: str) -> list[str]:
    """The phone number's digits, with any separators between them, in national and +33 forms."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return []
    variants = {digits}
    if phone.strip().startswith("+33"):
        variants.add("0" + digits[2:])
    elif digits.startswith("0"):
        variants.add("33" + digits[1:])
    return [r"(?<!\d)" + _PHONE_GAP.join(variant) + r"(?!\d)" for variant in sorted(variants)]


def _patterns(person_id: str, data: Mapping[str, Any]) -> list[tuple[str, re.Pattern[str]]]:
    """(what, pattern) for one person, on NFC case-folded text."""
    found = [("id", re.compile(rf"(?<![a-z0-9]){re.escape(_norm(person_id))}(?![a-z0-9])"))]
    first, last = (_norm(str(data.get(key) or "")).strip() for key in ("first_name", "last_name"))
    if first and last:
        a, b = re.escape(first), re.escape(last)
        found.append(("name", re.compile(rf"(?<!\w){a}{_SEPARATORS}{b}(?!\w)|(?<!\w){b}{_SEPARATORS}{a}(?!\w)")))
    email = _norm(str(data.get("email") or "")).strip()
    if email:
        found.append(("email", re.compile(re.escape(email))))
    found += [("phone", re.compile(p)) for p in _phone_patterns(str(data.get("phone") or ""))]
    return found


def _text_of(content: bytes) -> str:
    """A file's text as a reader would see it: workbooks unzipped, HTML entities decoded."""
    if content[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                # Cells are XML elements: their tags become spaces, so that two cells read as two words.
                content = re.sub(rb"<[^>]*>", b" ", b"\n".join(book.read(name) for name in book.namelist()))
        except (zipfile.BadZipFile, OSError, RuntimeError):
            pass
    return _norm(html.unescape(content.decode("utf-8", errors="replace")))


def files_holding(root: Path, people: Mapping[str, Mapping[str, Any]], skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(file under out/, what it holds) for each generated file that still holds one of `people` ({id: data})."""
    base = root / OUT
    if base.is_symlink() or not base.is_dir():
        return []
    patterns = [pattern for person_id, data in sorted(people.items()) for pattern in _patterns(person_id, data)]
    skipped = set(skip)
    found = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative in skipped or path.is_symlink() or not path.is_file():
            continue
        try:
            content = _text_of(path.read_bytes())
        except OSError:
            continue
        what = sorted({kind for kind, pattern in patterns if pattern.search(content)})
        if what:
            found.append((relative, ", ".join(what)))
    return found
