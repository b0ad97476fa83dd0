"""The closed sets of values command-line options accept, defined once for every command.

Plain enums (standard library only): `mentorat --help` imports this module through the app.
A value typed in people's words (téléphone, présentiel) is matched to these ids by
vocabulary.normalise_token before click compares it.
"""

from __future__ import annotations

from enum import Enum


class RunLang(str, Enum):
    """Languages the command line speaks, and documents are written in."""

    fr = "fr"
    en = "en"


Lang = RunLang  # the documents' language (init, templates): the same two


class TextOrJson(str, Enum):
    """--format for commands that print for people (text) or for scripts (json)."""

    text = "text"
    json = "json"


class Role(str, Enum):
    mentor = "mentor"
    mentee = "mentee"


class ProgrammeKind(str, Enum):
    """core.kinds.KINDS, as choices (a test keeps the two equal)."""

    school = "school"
    ministry = "ministry"
    company = "company"
    alumni = "alumni"
    youth = "youth"


class ImportStatus(str, Enum):
    applicant = "applicant"
    accepted = "accepted"


class ExportWhat(str, Enum):
    people = "people"
    pairs = "pairs"
    meetings = "meetings"


class TableFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


class Dialect(str, Enum):
    excel_fr = "excel-fr"
    excel = "excel"
    rfc = "rfc"


class Objective(str, Enum):
    total = "total"
    fair = "fair"


class ScoresFormat(str, Enum):
    text = "text"
    csv = "csv"


class EndedBy(str, Enum):
    coordinator = "coordinator"
    mentor = "mentor"
    mentee = "mentee"


class CharterFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class PageFormat(str, Enum):
    """Documents without a PDF form: the follow-up sheet, the survey questionnaire."""

    md = "md"
    html = "html"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    xlsx = "xlsx"


class Channel(str, Enum):
    phone = "phone"
    mail = "mail"
    visio = "visio"
    in_person = "in_person"


class NoteKind(str, Enum):
    first = "first"
    regular = "regular"
    review = "review"
    final = "final"


class MailKind(str, Enum):
    """render.mail.KINDS, as choices (a test keeps the two equal)."""

    intro = "intro"
    received = "received"
    accepted = "accepted"
    declined = "declined"
    waiting = "waiting"
    reminder = "reminder"
    survey = "survey"
    thanks = "thanks"


class MailFormat(str, Enum):
    eml = "eml"
    mbox = "mbox"


class StatusFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
