"""Cross-file checks: pure functions over the loaded programme, each returning problems.

Registered in CHECKS, run in order by `run_all`. A check never reads files
except to find the line of a value it reports (`Locator`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentorat_cli.check import assets, declared
from mentorat_cli.core import kinds, suggest
from mentorat_cli.core import problems as P
from mentorat_cli.core.dates import add_months, is_minor
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record, email_key
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import resources, yamlio
from mentorat_cli.pair import declared as titles
from mentorat_cli.pair import eligibility as rules

ACTIVE = ("proposed", "confirmed")


class Locator:
    """Finds the line of a JSON pointer in a file, reading the file only when asked."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, dict[str, tuple[int, int]]] = {}

    def __call__(self, file: str, pointer: str = "") -> tuple[int, int]:
        if file not in self._cache:
            try:
                text = (self.root / file).read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._cache[file] = yamlio.positions(text)
        found = self._cache[file]
        key = pointer
        while key and key not in found:
            key = key.rsplit("/", 1)[0]
        return found.get(key, (1, 1))


Check = Callable[[Programme, Locator, "dt.date | None"], list[Problem]]


def _at(loc: Locator, code: str, record_or_file: Record | str, pointer: str = "", **values: Any) -> Problem:
    file = record_or_file if isinstance(record_or_file, str) else record_or_file.path
    line, column = loc(file, pointer)
    return P.make(code, file, line, column, pointer=pointer, **values)


def check_programme(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    raw, out = prog.raw_config, []
    cohort = raw.get("cohort") or {}
    if cohort.get("start") and cohort.get("end") and cohort["end"] <= cohort["start"]:
        out.append(_at(loc, "programme-dates", "programme.yaml", "/cohort/end", start=cohort["start"], end=cohort["end"]))
    if "duration_months" in raw and raw["duration_months"] < 6:
        out.append(_at(loc, "programme-duration", "programme.yaml", "/duration_months", months=raw["duration_months"]))
    seen: set[str] = set()
    for index, theme in enumerate(raw.get("themes") or []):
        if theme["id"] in seen:
            out.append(_at(loc, "programme-theme-duplicate", "programme.yaml", f"/themes/{index}", theme=theme["id"]))
        seen.add(theme["id"])
        if theme["id"] not in kinds.THEMES and not theme.get("label"):
            out.append(_at(loc, "programme-theme-label", "programme.yaml", f"/themes/{index}", theme=theme["id"]))
    examples = resources.placeholders()
    for pointer, value in (("/organiser", raw.get("organiser")), ("/coordinator/name", (raw.get("coordinator") or {}).get("name"))):
        if value in examples:
            out.append(
                _at(loc, "programme-placeholder", "programme.yaml", pointer, field=pointer.strip("/").replace("/", "."), value=value)
            )
    capacity = prog.config["capacity"]
    if capacity["default"] > capacity["max"]:
        out.append(_at(loc, "programme-capacity", "programme.yaml", "/capacity/default", **capacity))
    return out


def check_identities(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    out = []
    for person_id in sorted(set(prog.mentors) & set(prog.mentees)):
        out.append(_at(loc, "id-duplicate", prog.mentees[person_id], "/id", id=person_id, other=prog.mentors[person_id].path))
    by_email: dict[str, list[Record]] = defaultdict(list)
    for record in [*prog.mentors.values(), *prog.mentees.values()]:
        if record.data.get("status") != "erased":
            by_email[email_key(record.data["email"])].append(record)
    for email, records in sorted(by_email.items()):
        records.sort(key=lambda r: r.path)
        for record in records[1:]:
            out.append(_at(loc, "email-duplicate", record, "/email", email=email, other=records[0].path))
    return out


def check_people(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    out: list[Problem] = []
    config = prog.config
    themes = {t["id"] for t in config["themes"]}
    publics = {p["id"] for p in config["publics"]}
    categories = set(config.get("categories") or [])
    capacity_max = config["capacity"]["max"]
    people = {**prog.mentors, **prog.mentees}
    for record in sorted(people.values(), key=lambda r: r.path):
        data = record.data
        for index, other in enumerate(data.get("not_with", [])):
            if other == record.id:
                out.append(_at(loc, "exclusion-self", record, f"/not_with/{index}"))
            elif other not in people and not _is_broken(prog, other):
                out.append(
                    _at(
                        loc,
                        "ref-missing",
                        record,
                        f"/not_with/{index}",
                        field="not_with",
                        ref=other,
                        expected="a mentor or mentee",
                        suggestion=suggest.hint(other, people),
                    )
                )
        # Only the fields of the record's own role: another role's field here is an unknown key
        # (a warning already) and may hold anything.
        theme_list: list[tuple[str, Any]] = []
        public_list: list[tuple[str, Any]] = []
        if record.kind == "mentee":
            theme_list += [(f"/objectives/{i}/theme", o["theme"]) for i, o in enumerate(data.get("objectives", []))]
            public_list += [("/public", data["public"])] if "public" in data else []
        else:
            theme_list += [(f"/themes/{i}", t) for i, t in enumerate(data.get("themes", []))]
            public_list += [(f"/publics/{i}", p) for i, p in enumerate(data.get("publics", []))]
        for ptr, theme in theme_list:
            if theme not in themes:
                out.append(
                    _at(
                        loc,
                        "ref-theme",
                        record,
                        ptr,
                        field=ptr.strip("/").replace("/", "."),
                        theme=theme,
                        suggestion=suggest.hint(theme, themes),
                    )
                )
        for ptr, public in public_list:
            if public not in publics:
                out.append(
                    _at(
                        loc,
                        "ref-public",
                        record,
                        ptr,
                        field=ptr.strip("/").replace("/", "."),
                        public=public,
                        suggestion=suggest.hint(public, publics),
                    )
                )
        for key in sorted(data.get("categories") or {}):
            if key not in categories:
                out.append(_at(loc, "ref-category", record, f"/categories/{key}", category=key))
        if record.kind == "mentor" and data.get("capacity", 0) > capacity_max:
            out.append(_at(loc, "capacity-over-max", record, "/capacity", capacity=data["capacity"], limit=capacity_max))
        if data.get("left_on") and data.get("registered_on") and data["left_on"] < data["registered_on"]:
            out.append(
                _at(
                    loc,
                    "date-order",
                    record,
                    "/left_on",
                    later="left_on",
                    later_value=data["left_on"],
                    earlier="registered_on",
                    earlier_value=data["registered_on"],
                )
            )
    return out


def _is_broken(prog: Programme, person_id: str) -> bool:
    return f"mentors/{person_id}.yaml" in prog.broken or f"mentees/{person_id}.yaml" in prog.broken


_DATE_ORDER = (("proposed_on", "confirmed_on"), ("proposed_on", "ended_on"), ("confirmed_on", "ended_on"), ("started_on", "ended_on"))


def check_pairs(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    out: list[Problem] = []
    ctx = {"managers": rules.managers_by_email([r.data for r in [*prog.mentors.values(), *prog.mentees.values()]])}
    active_by_mentee: dict[str, list[str]] = defaultdict(list)
    confirmed_by_mentor: dict[str, int] = defaultdict(int)
    for pid, pair in sorted(prog.pairs.items()):
        data = pair.data
        expected = f"{data['mentee']}--{data['mentor']}"
        mentee, mentor = prog.mentees.get(data["mentee"]), prog.mentors.get(data["mentor"])
        # Renaming the file to match a misspelt person would spread the typo: the reference is the error then.
        if data["id"] != expected and data["id"] == pid and mentee is not None and mentor is not None:
            out.append(_at(loc, "pair-id", pair, "/id", id=data["id"], expected=expected))
        named = dict(zip(("mentee", "mentor"), pid.split("--", 1), strict=False))
        for role, ref, record in (("mentee", data["mentee"], mentee), ("mentor", data["mentor"], mentor)):
            if record is None and f"{role}s/{ref}.yaml" not in prog.broken:
                known = prog.mentees if role == "mentee" else prog.mentors
                near = named.get(role) if named.get(role) in known else suggest.closest(ref, known)
                out.append(
                    _at(
                        loc,
                        "ref-missing",
                        pair,
                        f"/{role}",
                        field=role,
                        ref=ref,
                        expected=f"a {role} of the programme",
                        suggestion=text("did-you-mean", value=near) if near else "",
                    )
                )
        if data.get("replaces") and data["replaces"] not in prog.pairs and f"pairs/{data['replaces']}.yaml" not in prog.broken:
            out.append(
                _at(
                    loc,
                    "ref-missing",
                    pair,
                    "/replaces",
                    field="replaces",
                    ref=data["replaces"],
                    expected="a pair",
                    suggestion=suggest.hint(data["replaces"], prog.pairs),
                )
            )
        for earlier, later in _DATE_ORDER:
            if data.get(earlier) and data.get(later) and data[later] < data[earlier]:
                out.append(
                    _at(
                        loc,
                        "date-order",
                        pair,
                        f"/{later}",
                        later=later,
                        later_value=data[later],
                        earlier=earlier,
                        earlier_value=data[earlier],
                    )
                )
        status = data["status"]
        if status == "ended" and not data.get("ended_on"):
            out.append(_at(loc, "pair-ended-fields", pair, "/status", field="ended_on"))
        if status not in ACTIVE:
            continue
        active_by_mentee[data["mentee"]].append(pid)
        if status == "confirmed":
            confirmed_by_mentor[data["mentor"]] += 1
        for role, record in (("mentee", mentee), ("mentor", mentor)):
            if record is not None and record.data.get("status", "applicant") in ("withdrawn", "erased", "declined"):
                out.append(
                    _at(
                        loc,
                        "pair-person-inactive",
                        pair,
                        f"/{role}",
                        role=role,
                        person=record.id,
                        status=status,
                        person_status=record.data["status"],
                    )
                )
        if mentee is not None and mentor is not None:
            for rule, reason in rules.violations(prog.config, mentor.data, mentee.data, ctx):
                out.append(_at(loc, "pair-rule", pair, "/mentor", rule=titles.title(prog.config, rule), detail=reason))
    for mentee_id, pids in sorted(active_by_mentee.items()):
        if len(pids) > 1:
            for pid in pids:
                out.append(_at(loc, "pair-active-twice", prog.pairs[pid], "/status", mentee=mentee_id, pairs=", ".join(pids)))
    default_capacity = prog.config["capacity"]["default"]
    for mentor_id, count in sorted(confirmed_by_mentor.items()):
        mentor = prog.mentors.get(mentor_id)
        if mentor is None:
            continue
        capacity = mentor.data.get("capacity", default_capacity)
        if count > capacity:
            out.append(
                _at(
                    loc,
                    "capacity-exceeded",
                    mentor,
                    "/capacity" if "capacity" in mentor.data else "/id",
                    mentor=mentor_id,
                    count=count,
                    capacity=capacity,
                )
            )
    return out


def check_replaces(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    """A pair that replaces itself, or a ring of pairs each replacing the next: the history has no start."""
    out: list[Problem] = []
    for pid, pair in sorted(prog.pairs.items()):
        if pair.data.get("replaces") == pid:
            out.append(_at(loc, "pair-replaces-self", pair, "/replaces"))
            continue
        chain, current = [pid], pair.data.get("replaces")
        while current in prog.pairs and current not in chain:
            chain.append(current)
            current = prog.pairs[current].data.get("replaces")
        if current == pid:
            out.append(_at(loc, "pair-replaces-cycle", pair, "/replaces", cycle=" -> ".join([*chain, pid])))
    return out


def check_notes_and_feedback(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    out: list[Problem] = []
    for pid, notes in sorted(prog.notes.items()):
        pair = prog.pairs.get(pid)
        if pair is None:
            if f"pairs/{pid}.yaml" not in prog.broken:
                out.append(P.make("note-pair", f"notes/{pid}", pair=pid))
            continue
        start = pair.data.get("confirmed_on") or pair.data.get("proposed_on")
        for note in notes:
            if start and note.meta["date"] < start:
                event = "confirmed" if pair.data.get("confirmed_on") else "proposed"
                # Front matter starts on line 2; do not quote the note.
                out.append(P.make("note-before-pair", note.path, 2, 1, event=event, when=start))
    for record in sorted(prog.feedback.values(), key=lambda r: r.path):
        pid = record.data["pair"]
        if pid not in prog.pairs and f"pairs/{pid}.yaml" not in prog.broken:
            out.append(_at(loc, "feedback-pair", record, "/pair", pair=pid, suggestion=suggest.hint(pid, prog.pairs)))
    return out


def check_retention(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    end = (prog.raw_config.get("cohort") or {}).get("end")
    if today is None or not end:
        return []
    months = prog.config["retention"]["months_after_end"]
    try:
        limit = add_months(dt.date.fromisoformat(end), months)
    except ValueError:
        return []
    if today <= limit:
        return []
    return [
        _at(loc, "retention-expired", r, "/id", months=months, limit=limit.isoformat())
        for r in sorted([*prog.mentors.values(), *prog.mentees.values()], key=lambda r: r.path)
        if r.data.get("status") != "erased"
    ]


def check_minors(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    """A minor mentee needs a parent's or legal guardian's written consent before the mentoring starts."""
    out = []
    for record in sorted(prog.mentees.values(), key=lambda r: r.path):
        data = record.data
        minor = is_minor(data, today) if today else bool(data.get("minor"))
        if data.get("status") == "erased" or not minor:
            continue
        if not (data.get("guardian") or {}).get("consent_on"):
            pointer = "/guardian" if "guardian" in data else ("/minor" if "minor" in data else "/birth_date")
            out.append(_at(loc, "minor-no-consent", record, pointer, id=record.id))
    return out


def check_date_coherence(prog: Programme, loc: Locator, today: dt.date | None) -> list[Problem]:
    from mentorat_cli.check.coherence import check_dates

    return check_dates(prog, loc, today)


CHECKS: list[Check] = [
    check_programme,
    check_identities,
    check_people,
    check_pairs,
    check_replaces,
    check_notes_and_feedback,
    check_retention,
    check_date_coherence,
    check_minors,
    assets.check_logo,
    *declared.CHECKS,  # hook: the programme's declared fields and criteria (check/declared.py)
]


def run_all(prog: Programme, today: dt.date | None = None) -> list[Problem]:
    """Every cross-file check's problems."""
    loc = Locator(prog.root)
    found: list[Problem] = []
    for check in CHECKS:
        found += check(prog, loc, today)
    return found
