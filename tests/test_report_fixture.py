"""A small school programme whose report figures are worked out by hand in test_report.py.

The people's names, e-mails, note bodies and unconsented comments carry
sentinel strings that must never appear in any output.
"""

from __future__ import annotations

from pathlib import Path

from conftest import PROGRAMME_YAML, write_tree

TODAY = "2027-07-01"
SECRETS = ("NOMSECRET", "SECRET-NOTE-BODY", "SECRET-COMMENT-NOCONSENT", "secret-mail.example", "Prenomsecret")

# Mentee number -> (public, city, genre, day of introduction in September/October, ...).
PUBLICS = {**{i: "internal" for i in range(1, 8)}, 8: "external", 9: "external", 10: "external", 11: "talents"}
INTRO = {
    1: "2026-09-05",
    2: "2026-09-08",
    3: "2026-09-10",
    4: "2026-09-15",
    5: "2026-09-20",
    6: "2026-09-30",
    7: "2026-09-11",
    8: "2026-09-21",
    9: "2026-09-16",
    10: "2026-10-01",
}


def _person(kind: str, n: int, extra: str = "") -> str:
    pid = f"{'e' if kind == 'mentee' else 'r'}{n:02d}"
    return f"id: {pid}\nfirst_name: Prenomsecret{n:02d}\nlast_name: NOMSECRET{n:02d}\nemail: {pid}@secret-mail.example\n{extra}"


def _note(date: str, kind: str, minutes: int | None = 60, held: bool = True) -> str:
    lines = [f'date: "{date}"', f"kind: {kind}"]
    if minutes is not None:
        lines.append(f"duration_minutes: {minutes}")
    if not held:
        lines.append("held: false")
    return "---\n" + "\n".join(lines) + "\n---\nSECRET-NOTE-BODY: what was said stays here.\n"


def _notes(pair: str, kinds: list[str], start_month: int = 10, minutes: int | None = 60) -> dict[str, str]:
    out = {}
    for index, kind in enumerate(kinds):
        month = start_month + index
        year, month = (2026, month) if month <= 12 else (2027, month - 12)
        date = f"{year}-{month:02d}-03"
        out[f"notes/{pair}/{date}-{kind}.md"] = _note(date, kind, minutes)
    return out


def _feedback(fid: str, role: str, pair: str, satisfaction: str, extra: str = "") -> str:
    return f"id: {fid}\nrole: {role}\npair: {pair}\nsatisfaction: {satisfaction}\n{extra}"


def files() -> dict[str, str]:
    """Every file of the hand-computed programme (besides programme.yaml)."""
    out: dict[str, str] = {}
    for n in range(1, 13):
        status = "applicant" if n == 12 else "accepted"
        city = "Paris" if n <= 6 else "Lyon"
        genre = "" if n == 12 else f"categories: {{genre: {'F' if n <= 8 else 'H'}}}\n"
        public = f"public: {PUBLICS[n]}\n" if n in PUBLICS else ""
        extra = f'status: {status}\nregistered_on: "2026-09-01"\nlocation: {{city: {city}}}\n{genre}{public}'
        out[f"mentees/e{n:02d}.yaml"] = _person("mentee", n, extra)
        out[f"mentors/r{n:02d}.yaml"] = _person("mentor", n, f"civil_servant: true\nstatus: {status}\n")
    for n, day in INTRO.items():
        pair = f"e{n:02d}--r{n:02d}"
        body = f'id: {pair}\nmentee: e{n:02d}\nmentor: r{n:02d}\nconfirmed_on: "{day}"\n'
        if n <= 6:
            body += "status: confirmed\n"
        elif n <= 8:
            body += 'status: ended\nended_on: "2027-04-01"\nended_by: completed\n'
        elif n == 9:
            body += 'status: ended\nended_on: "2026-11-01"\nended_by: mentee\nend_reason: Manque de disponibilité\n'
        else:
            body += 'status: ended\nended_on: "2026-12-01"\nended_by: mentor\nend_reason: "manque de  disponibilité."\n'
        out[f"pairs/{pair}.yaml"] = body
    out["pairs/e09--r11.yaml"] = (
        'id: e09--r11\nmentee: e09\nmentor: r11\nstatus: confirmed\nconfirmed_on: "2026-11-15"\nreplaces: e09--r09\n'
    )
    out["pairs/e11--r12.yaml"] = 'id: e11--r12\nmentee: e11\nmentor: r12\nstatus: proposed\nproposed_on: "2027-06-01"\n'
    six_review = ["first", "regular", "regular", "review", "regular", "regular"]
    six_plain = ["first", "regular", "regular", "regular", "regular", "regular"]
    for n in range(1, 7):
        out.update(_notes(f"e{n:02d}--r{n:02d}", six_review if n <= 4 else six_plain))
    for n in (7, 8):
        out.update(_notes(f"e{n:02d}--r{n:02d}", [*six_review, "final"], minutes=90))
    out["notes/e09--r09/2026-10-03-first.md"] = _note("2026-10-03", "first")
    out["notes/e09--r09/2026-10-20-regular.md"] = _note("2026-10-20", "regular", held=False)
    out["notes/e10--r10/2026-10-05-first.md"] = _note("2026-10-05", "first")
    out["notes/e10--r10/2026-11-05-regular.md"] = _note("2026-11-05", "regular", minutes=None)
    levels = ["very_satisfied"] * 3 + ["rather_satisfied"] * 3 + ["rather_not_satisfied"]
    reached = ["yes"] * 5 + ["partly", "no"]
    for n in range(1, 8):
        pair = f"e{n:02d}--r{n:02d}"
        objectives = f"objectives:\n  - {{theme: networking, reached: {reached[n - 1]}}}\n"
        if n <= 6:
            objectives += "  - {theme: self-confidence, reached: yes}\n"
        if n <= 2:
            objectives += "  - {theme: career-orientation, reached: partly}\n"
        extra = objectives + f"would_recommend: {'true' if n <= 6 else 'false'}\n"
        if n == 1:
            extra += "consent_quote: true\ncomment: Une belle rencontre, qui m'a ouvert des portes.\n"
        if n == 2:
            extra += "consent_quote: false\ncomment: SECRET-COMMENT-NOCONSENT\n"
        out[f"feedback/mentee-{n}.yaml"] = _feedback(f"mentee-{n}", "mentee", pair, levels[n - 1], extra)
    for n in range(1, 7):
        pair = f"e{n:02d}--r{n:02d}"
        extra = "objectives:\n  - {theme: teamwork, reached: yes}\n"
        if n == 3:
            extra += "comment: SECRET-COMMENT-NOCONSENT mentor\n"
        level = "very_satisfied" if n <= 4 else "rather_satisfied"
        out[f"feedback/mentor-{n}.yaml"] = _feedback(f"mentor-{n}", "mentor", pair, level, extra)
    return out


PROGRAMME = PROGRAMME_YAML + "categories: [genre]\n"


def make(root: Path, language: str = "fr") -> Path:
    """Write the programme under root."""
    programme_yaml = PROGRAMME.replace("language: fr", f"language: {language}")
    return write_tree(root, {"programme.yaml": programme_yaml, **files()})


def test_fixture_is_valid(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    result = run_cli(["--root", root, "validate"], today=TODAY)
    assert result.code == 0, result.out + result.err
