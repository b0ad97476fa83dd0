"""`mentorat mail`: e-mail drafts that mail programs open, that never hold a note's text, and that are never sent."""

from __future__ import annotations

import email
import email.policy
import mailbox
from pathlib import Path

import yaml
from conftest import TODAY, write_tree

CANARY = "CANARI-7f3e9-NE-DOIT-JAMAIS-SORTIR"


def _read(path: Path) -> email.message.EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def _pairs(root: Path, status: str) -> list[dict]:
    pairs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "pairs").glob("*.yaml"))]
    return [p for p in pairs if p["status"] == status]


def _email_of(root: Path, folder: str, ident: str) -> str:
    return yaml.safe_load((root / folder / f"{ident}.yaml").read_text(encoding="utf-8"))["email"]


def test_intro_all_writes_one_readable_draft_per_confirmed_pair(sample: Path, run_cli) -> None:
    confirmed = _pairs(sample, "confirmed")
    result = run_cli(["--root", sample, "mail", "intro", "--all"])
    assert result.code == 0, result.err
    drafts = sorted((sample / "out/mail").glob("*.eml"))
    assert [d.name for d in drafts] == sorted(f"intro-{p['id']}.eml" for p in confirmed)
    for pair in confirmed:
        message = _read(sample / f"out/mail/intro-{pair['id']}.eml")
        to = {a.addr_spec for a in message["To"].addresses}
        assert to == {_email_of(sample, "mentees", pair["mentee"]), _email_of(sample, "mentors", pair["mentor"])}
        assert [a.addr_spec for a in message["Cc"].addresses] == ["mentorat@example.fr"]
        assert message["Subject"].startswith("Mentorat\u00a0: présentation de votre binôme")
        body = message.get_body(("plain",)).get_content()
        assert body.startswith("Bonjour ") and "charte d'engagement" in body
        attachments = list(message.iter_attachments())
        assert len(attachments) == 1
        assert attachments[0].get_filename() in (f"charter-{pair['id']}.pdf", f"charter-{pair['id']}.html")
        assert len(attachments[0].get_content()) > 1000
    # Same data, same bytes.
    before = {d.name: d.read_bytes() for d in drafts}
    assert run_cli(["--root", sample, "mail", "intro", "--all", "--force"]).code == 0
    assert {d.name: d.read_bytes() for d in sorted((sample / "out/mail").glob("*.eml"))} == before
    assert run_cli(["--root", sample, "validate"]).code == 0


def _plant_canary(root: Path) -> int:
    notes = sorted((root / "notes").rglob("*.md"))
    for note in notes:
        note.write_text(note.read_text(encoding="utf-8") + f"\n{CANARY} ({note.name})\n", encoding="utf-8")
    return len(notes)


def test_no_draft_holds_a_note_body(sample: Path, run_cli) -> None:
    assert _plant_canary(sample) > 20
    write_tree(sample, {"mentees/lou-vasseur.yaml": (sample / "mentees/lou-vasseur.yaml").read_text(encoding="utf-8")})
    for kind in ("intro", "reminder", "thanks", "survey", "received"):
        result = run_cli(
            ["--root", sample, "mail", kind, "--all", "-o", sample / f"out/{kind}"]
            if kind != "reminder"
            else ["--root", sample, "mail", kind, "-o", sample / f"out/{kind}"]
        )
        assert result.code == 0, (kind, result.err)
        assert CANARY not in result.out + result.err
    mbox = run_cli(["--root", sample, "mail", "reminder", "--format", "mbox", "-o", sample / "out/box"])
    assert mbox.code == 0, mbox.err
    written = [p for p in (sample / "out").rglob("*") if p.is_file()]
    assert len(written) > 30
    for path in written:
        raw = path.read_bytes()
        assert CANARY.encode() not in raw, path
        # Encoded bodies (quoted-printable, base64) decoded too.
        for message in [_read(path)] if path.suffix == ".eml" else list(mailbox.mbox(path)):
            for part in message.walk():
                payload = part.get_payload(decode=True)
                assert payload is None or CANARY.encode() not in payload, path


def test_intro_date_is_recorded_and_status_stops_flagging(programme, run_cli) -> None:
    root = programme(
        {
            "mentees/ana-lima.yaml": "id: ana-lima\nfirst_name: Ana\nlast_name: Lima\nemail: ana@example.org\nstatus: accepted\n",
            "mentors/paul-roy.yaml": "id: paul-roy\nfirst_name: Paul\nlast_name: Roy\nemail: paul@example.org\nstatus: accepted\n"
            "civil_servant: true\ntrained_on: '2026-10-01'\n",
            "pairs/ana-lima--paul-roy.yaml": "# Binôme décidé en comité\nid: ana-lima--paul-roy\nmentee: ana-lima\n"
            "mentor: paul-roy\nstatus: confirmed\nconfirmed_on: '2026-11-20'\n",
        }
    )
    before = run_cli(["--root", root, "status"])
    assert "1 confirmed pair(s) not introduced yet (mentorat mail intro --all): ana-lima--paul-roy" in before.out
    result = run_cli(["--root", root, "mail", "intro", "ana-lima--paul-roy"])
    assert result.code == 0, result.err
    assert "recorded the introduction draft date in 1 pair file(s)" in result.out
    text = (root / "pairs/ana-lima--paul-roy.yaml").read_text(encoding="utf-8")
    assert "# Binôme décidé en comité" in text and f"intro_drafted_on: '{TODAY}'" in text
    assert "not introduced yet" not in run_cli(["--root", root, "status"]).out
    assert run_cli(["--root", root, "validate"]).code == 0
    # A later draft keeps the first date.
    again = run_cli(["--root", root, "mail", "intro", "--all", "--force"], today="2026-12-01")
    assert again.code == 0 and "recorded the introduction" not in again.out
    assert f"intro_drafted_on: '{TODAY}'" in (root / "pairs/ana-lima--paul-roy.yaml").read_text(encoding="utf-8")


def test_decision_mails_follow_the_status_and_templates_can_be_overridden(programme, run_cli) -> None:
    people = {
        f"mentees/{n}.yaml": f"id: {n}\nfirst_name: {n.title()}\nlast_name: Test\nemail: {n}@example.org\n" for n in ("ana", "bea", "cid")
    }
    root = programme(people)
    assert run_cli(["--root", root, "accept", "ana"]).code == 0
    assert run_cli(["--root", root, "decline", "bea", "--reason", "places pourvues", "--waiting"]).code == 0
    accepted = run_cli(["--root", root, "mail", "accepted", "--all"])
    assert accepted.code == 0, accepted.err
    assert [p.name for p in (root / "out/mail").glob("*.eml")] == ["accepted-ana.eml"]
    message = _read(root / "out/mail/accepted-ana.eml")
    assert message["Subject"] == "Mentorat\u00a0: votre candidature est retenue"
    assert "places pourvues" not in message.get_body(("plain",)).get_content()
    wrong = run_cli(["--root", root, "mail", "declined", "bea"])
    assert wrong.code == 2 and "waitlisted" in wrong.err
    write_tree(
        root,
        {
            "templates/mail-waiting.fr.md.j2": "Subject: Liste d'attente, {{ person.first_name }}\n\n"
            "Bonjour {{ person.first_name }}, texte du programme.\n"
        },
    )
    waiting = run_cli(["--root", root, "mail", "waiting", "bea", "--format", "mbox"])
    assert waiting.code == 0, waiting.err
    box = list(mailbox.mbox(root / f"out/mail/waiting-{TODAY}.mbox"))
    assert len(box) == 1 and box[0]["To"] == "Bea Test <bea@example.org>"
    assert "texte du programme" in box[0].get_payload(decode=True).decode("utf-8")
    received = run_cli(["--root", root, "mail", "received", "--all"])
    assert received.code == 0 and (root / "out/mail/received-cid.eml").is_file()
    assert not (root / "out/mail/received-ana.eml").exists()


def test_mail_refuses_unknown_targets_and_kinds(sample: Path, run_cli) -> None:
    unknown = run_cli(["--root", sample, "mail", "intro", "personne--inconnue"])
    assert unknown.code == 2 and "neither a pair nor a person" in unknown.err
    kind = run_cli(["--root", sample, "mail", "bonjour", "--all"])
    assert kind.code == 2
    nothing = run_cli(["--root", sample, "mail", "intro"])
    assert nothing.code == 2 and "--all" in nothing.err
    assert not (sample / "out/mail").exists()


def test_a_programme_template_without_subject_is_a_clear_error(sample: Path, run_cli) -> None:
    write_tree(sample, {"templates/mail-intro.fr.md.j2": "Bonjour {{ mentee.first_name }}\n"})
    result = run_cli(["--root", sample, "mail", "intro", "--all"])
    assert result.code == 1 and "mail template mail-intro: the first line must be 'Subject: ...'" in result.err
    assert "Traceback" not in result.err and not (sample / "out/mail").exists()


def test_survey_link_or_attachment_and_thanks_at_closure(sample: Path, run_cli) -> None:
    linked = run_cli(
        ["--root", sample, "mail", "survey", "--all", "--link", "https://framaforms.org/bilan-2026", "-o", sample / "out/linked"]
    )
    assert linked.code == 0, linked.err
    drafts = sorted((sample / "out/linked").glob("survey-*.eml"))
    assert drafts
    for path in drafts:
        message = _read(path)
        assert "https://framaforms.org/bilan-2026" in message.get_body(("plain",)).get_content()
        assert not list(message.iter_attachments())
    attached = run_cli(["--root", sample, "mail", "survey", drafts[0].stem[len("survey-") :], "-o", sample / "out/att"])
    assert attached.code == 0, attached.err
    (only,) = list(_read(next((sample / "out/att").glob("*.eml"))).iter_attachments())
    assert only.get_filename().startswith("survey-") and "Questionnaire de fin de mentorat" in only.get_content()
    assert run_cli(["--root", sample, "mail", "thanks", "--all"]).code == 0
    ended = [p for p in _pairs(sample, "ended")]
    completed = sorted(f"thanks-{p['id']}.eml" for p in ended if p.get("ended_by") == "completed")
    assert completed and len(completed) < len(ended)
    assert sorted(p.name for p in (sample / "out/mail").glob("thanks-*.eml")) == completed
