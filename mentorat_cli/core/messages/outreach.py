"""Messages of the outreach area: selection of applicants (accept, decline) and e-mail drafts (mail)."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {
    # mail: a draft that cannot be written, at the file and line to correct
    "mail-bad-address": Spec(
        "error", "the e-mail address '{email}' cannot be written in a message header", "correct the address (e.g. prenom.nom@example.org)"
    ),
    "mail-template-subject": Spec(
        "error",
        "mail template {name}: the first line must be 'Subject: ...'",
        "start the template with the subject line, then a blank line and the body (see mentorat's templates/mail/{name}.fr.md.j2)",
    ),
}

TEXT: dict[str, str] = {
    # accept / decline
    "select-none": "name the people to decide on, or use --all",
    "select-none-hint": "e.g. mentorat accept marie-dupont, or mentorat accept --all --role mentee",
    "select-unknown": "no {role} has the id '{id}'",
    "select-unknown-hint": "ids are the file names under mentors/ and mentees/ (without .yaml); `mentorat status` lists the applicants",
    "select-not-applicant": "'{id}' has status '{status}', which is not an application to decide",
    "select-not-applicant-hint": "only applicants, waitlisted and declined people can be accepted or declined",
    "select-reason-empty": "--reason must say why, in a few words",
    "select-reason-empty-hint": 'e.g. --reason "places full this year"; it stays in the profile and is never sent',
    "select-all-with-ids": "give ids or --all, not both",
    "select-nothing": "no application waiting for a decision",
    "select-unchanged": "already {status}: {ids}",
    "select-done": "{status}: {count} person(s) (decided on {date})",
    "select-next-accepted": "next: mentorat pair",
    "select-status-accepted": "accepted",
    "select-status-waitlisted": "on the waiting list",
    "select-status-declined": "declined",
    "pair-applicants": "{count} applicant(s) wait for a decision and cannot be paired yet: "
    "mentorat accept ID... or mentorat accept --all (mentorat decline ID... --reason TEXT)",
    "st-applicants": "Applicants waiting for a decision (mentorat accept / decline)",
    "st-applicants-cols": "PERSON|ROLE|REGISTERED|DAYS",
    "st-to-introduce": "{count} confirmed pair(s) not introduced yet (mentorat mail intro --all): {pairs}",
    # mail
    "mail-kind-unknown": "unknown kind of e-mail '{kind}'",
    "mail-nobody": "nobody to write to for '{kind}'",
    "mail-nobody-hint": "{hint}",
    "mail-nobody-intro": "intro needs a confirmed pair: mentorat confirm PAIR",
    "mail-nobody-person": "name people by id, or use --all",
    "mail-nobody-reminder": "`mentorat status` shows no alert to remind anyone of",
    "mail-target-unknown": "'{target}' is neither a pair nor a person of the programme",
    "mail-target-unknown-hint": "pair ids are <mentee>--<mentor> (pairs/); people ids are file names under mentors/ and mentees/",
    "mail-target-wrong": "'{target}' cannot receive a '{kind}' e-mail: {why}",
    "mail-target-wrong-hint": "{hint}",
    "mail-why-not-confirmed": "the pair is {status}, not confirmed",
    "mail-why-not-pair": "this kind is about a pair: give a pair id",
    "mail-why-status": "the person's status is {status}",
    "mail-both": "give targets or --all, not both",
    "mail-written": "wrote {count} draft(s) to {folder} (nothing is sent: open them in your mail program)",
    "mail-mbox-written": "wrote {count} draft(s) in one mailbox file {path} (nothing is sent)",
    "mail-intro-recorded": "recorded the introduction draft date in {count} pair file(s)",
    "mail-charter-html": "charters attached as HTML (install the pdf extra for PDF: pip install 'mentorat[pdf]')",
}
