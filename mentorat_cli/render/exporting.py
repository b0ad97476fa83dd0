"""Tables of people, pairs and meetings for HR systems and spreadsheets: safe cells, optional pseudonyms."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.privacy import generalise, kanon
from mentorat_cli.render import exportformat, exportlabels

KEY_ENV = "MENTORAT_PSEUDONYM_KEY"
MIN_KEY_LENGTH = 16
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

PEOPLE_COLUMNS = [
    "role",
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "status",
    "public",
    "publics",
    "themes",
    "organisation",
    "unit",
    "job",
    "sector",
    "experience_years",
    "capacity",
    "city",
    "postcode",
    "cohort",
    "registered_on",
    "left_on",
]
PAIR_COLUMNS = [
    "id",
    "mentee",
    "mentor",
    "status",
    "proposed_on",
    "confirmed_on",
    "started_on",
    "ended_on",
    "ended_by",
    "score",
    "charter_signed_mentor",
    "charter_signed_mentee",
    "contacts",
]
MEETING_COLUMNS = ["pair", "mentee", "mentor", "date", "kind", "held", "duration_minutes", "format", "topics"]

Row = dict[str, Any]


def key_file(environ: Mapping[str, str], home: Path) -> Path:
    """Where the pseudonym key file lives: $XDG_CONFIG_HOME/mentorat/pseudonym.key or ~/.config/..."""
    base = Path(environ["XDG_CONFIG_HOME"]) if environ.get("XDG_CONFIG_HOME") else home / ".config"
    return base / "mentorat" / "pseudonym.key"


def find_key(environ: Mapping[str, str], home: Path, root: Path) -> bytes:
    """The pseudonym key from the environment or the user's config file; a clear error when there is none."""
    where = key_file(environ, home)
    value = environ.get(KEY_ENV, "")
    if not value and where.is_file():
        if where.resolve().is_relative_to(root.resolve()):
            raise MentoratError(text("export-key-in-repo", path=where), text("export-key-hint", path=where, env=KEY_ENV))
        value = where.read_text(encoding="utf-8").strip()
    if not value:
        raise MentoratError(text("export-key-missing", env=KEY_ENV, path=where), text("export-key-hint", path=where, env=KEY_ENV))
    if len(value) < MIN_KEY_LENGTH:
        raise MentoratError(text("export-key-short", minimum=MIN_KEY_LENGTH), text("export-key-hint", path=where, env=KEY_ENV))
    return value.encode("utf-8")


class Pseudonyms:
    """Stable pseudonyms: the same key and value always give the same pseudonym; without the key, no way back."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _digest(self, kind: str, value: str) -> str:
        return hmac.new(self._key, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()

    def person(self, person_id: str) -> str:
        """A person id's pseudonym (a valid id, so joins between tables still work)."""
        return "p-" + self._digest("id", person_id)[:12]

    def name(self, value: str) -> str:
        """A first or last name's pseudonym."""
        return "N-" + self._digest("name", value)[:10] if value else ""

    def email(self, value: str) -> str:
        """An e-mail's pseudonym, in a reserved domain that can never receive mail."""
        return self._digest("email", value.strip().lower())[:16] + "@pseudonym.invalid" if value else ""

    def pair(self, pair_id: str) -> str:
        """A pair id's pseudonym, made of its two members' pseudonyms."""
        mentee, _, mentor = pair_id.partition("--")
        return f"{self.person(mentee)}--{self.person(mentor)}"


def _join(values: Any) -> str:
    return "; ".join(str(v) for v in values) if isinstance(values, list) else ("" if values is None else str(values))


def people_rows(programme: Programme, pseudo: Pseudonyms | None) -> list[Row]:
    """One row per mentor and mentee, mentors first, each group sorted by id; pseudonymised rows are k-anonymous."""
    rows, datas = _people(programme, pseudo)
    return rows if pseudo is None else generalise.anonymise(rows, datas, _k(programme), _lang(programme)).rows


def _people(programme: Programme, pseudo: Pseudonyms | None) -> tuple[list[Row], list[dict[str, Any]]]:
    rows: list[Row] = []
    datas: list[dict[str, Any]] = []
    for role, records in (("mentor", programme.mentors), ("mentee", programme.mentees)):
        for ident in sorted(records):
            data = records[ident].data
            location = data.get("location") or {}
            row: Row = {
                "role": role,
                **{c: data.get(c) for c in PEOPLE_COLUMNS if c in data and c != "role"},
                "city": location.get("city"),
                "postcode": location.get("postcode"),
            }
            for listed in ("publics", "themes"):
                row[listed] = _join(data.get(listed))
            if pseudo is not None:
                row.update(
                    id=pseudo.person(ident),
                    first_name=pseudo.name(str(data.get("first_name", ""))),
                    last_name=pseudo.name(str(data.get("last_name", ""))),
                    email=pseudo.email(str(data.get("email", ""))),
                    phone="",
                )
                row = generalise.generalise(row, data)
            rows.append(row)
            datas.append(data)
    return rows, datas


def _lang(programme: Programme) -> str:
    return "en" if programme.config.get("language") == "en" else "fr"


def _k(programme: Programme) -> int:
    return int(programme.config["privacy"]["min_group_size"])


def generalisation(programme: Programme, what: str, pseudo: Pseudonyms | None) -> kanon.Result | None:
    """How a pseudonymised people export was generalised (None for any other export)."""
    if pseudo is None or what != "people":
        return None
    rows, datas = _people(programme, pseudo)
    return generalise.anonymise(rows, datas, _k(programme), _lang(programme))


def generalisation_note(programme: Programme, result: kanon.Result) -> str:
    """What a pseudonymised people export generalised or withheld beyond the defaults, in one sentence."""
    return generalise.describe(result, _k(programme), _lang(programme))


def pair_rows(programme: Programme, pseudo: Pseudonyms | None) -> list[Row]:
    """One row per pair, sorted by pair id."""
    rows: list[Row] = []
    for ident in sorted(programme.pairs):
        data = programme.pairs[ident].data
        signed = data.get("charter_signed") or {}
        row: Row = {c: data.get(c) for c in PAIR_COLUMNS}
        row.update(
            charter_signed_mentor=signed.get("mentor"), charter_signed_mentee=signed.get("mentee"), contacts=len(data.get("contacts") or [])
        )
        if pseudo is not None:
            row.update(id=pseudo.pair(ident), mentee=pseudo.person(data["mentee"]), mentor=pseudo.person(data["mentor"]))
        rows.append(row)
    return rows


def meeting_rows(programme: Programme, pseudo: Pseudonyms | None) -> list[Row]:
    """One row per meeting note, from its front matter only (bodies are never read); by pair, date, file."""
    rows: list[Row] = []
    for pair_id in sorted(programme.notes):
        mentee, _, mentor = pair_id.partition("--")
        for note in sorted(programme.notes[pair_id], key=lambda n: (str(n.meta.get("date")), n.path)):
            meta = note.meta
            row: Row = {
                "pair": pair_id,
                "mentee": mentee,
                "mentor": mentor,
                "date": meta.get("date"),
                "kind": meta.get("kind"),
                "held": meta.get("held", True),
                "duration_minutes": meta.get("duration_minutes"),
                "format": meta.get("format"),
                "topics": _join(meta.get("topics")),
            }
            if pseudo is not None:
                row.update(pair=pseudo.pair(pair_id), mentee=pseudo.person(mentee), mentor=pseudo.person(mentor))
            rows.append(row)
    return rows


TABLES: dict[str, tuple[list[str], Callable[[Programme, Pseudonyms | None], list[Row]]]] = {
    "people": (PEOPLE_COLUMNS, people_rows),
    "pairs": (PAIR_COLUMNS, pair_rows),
    "meetings": (MEETING_COLUMNS, meeting_rows),
}


def cell(value: Any, keep_bool: bool = False) -> str | int | float | bool:
    """A value as a safe cell: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value if keep_bool else ("true" if value else "false")
    if isinstance(value, (int, float)):
        return value
    textual = str(value)
    return "'" + textual if textual.startswith(DANGEROUS_START) else textual


def to_csv(columns: list[str], rows: list[Row], dialect: str = "excel", lang: str = "en") -> bytes:
    """CSV bytes in `dialect` (see exportformat), CRLF as spreadsheets expect, every cell neutralised."""
    return exportformat.to_csv(columns, [[cell(row.get(c), keep_bool=True) for c in columns] for row in rows], dialect, lang)


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def to_xlsx(columns: list[str], rows: list[Row], sheet: str, today: dt.date, lang: str = "en") -> bytes:
    """XLSX bytes with typed cells (numbers, dates, booleans), text never a formula, byte-identical for the same input."""
    import openpyxl  # imported here: only XLSX exports pay for it

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = exportformat.sheet_title(sheet)
    worksheet.append(exportformat.headers(columns, exportformat.default_dialect(lang)))
    for row in rows:
        worksheet.append([exportformat.typed(cell(row.get(c), keep_bool=True)) for c in columns])
    for line in worksheet.iter_rows(min_row=1):
        for item in line:
            if isinstance(item.value, str):
                item.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    exportformat.format_sheet(worksheet, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip(buffer.getvalue(), today)


def _fixed_zip(data: bytes, today: dt.date) -> bytes:
    """The same archive with fixed timestamps, so that equal tables give equal files."""
    stamp = f"{today.isoformat()}T00:00:00Z".encode("ascii")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(2), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(today.year, today.month, today.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def export(programme: Programme, what: str, fmt: str, pseudo: Pseudonyms | None, today: dt.date, dialect: str | None = None) -> bytes:
    """The export file's bytes; CSV in `dialect`, by default the one of the programme's language."""
    columns, build = TABLES[what]
    result = generalisation(programme, what, pseudo)
    if result is not None:
        columns, rows = generalise.columns(columns, result.levels), result.rows
    else:
        rows = build(programme, pseudo)
    lang = _lang(programme)
    dialect = dialect or exportformat.default_dialect(lang)
    if fmt == "xlsx" or dialect != exportformat.TOOLS_DIALECT:
        rows = exportlabels.readable(what, rows, programme.config, lang)  # people read labels; scripts keep ids
    if fmt == "csv":
        # With a BOM (excel, excel-fr), Excel opens UTF-8 correctly instead of guessing cp1252.
        return to_csv(columns, rows, dialect, lang)
    return to_xlsx(columns, rows, exportformat.SHEETS[lang][what], today, lang)
