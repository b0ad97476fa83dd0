"""One module per command; each exposes `register(app)`, loaded only when its command runs.

`mentorat --help` lists every command from COMMANDS without importing any
command module (they pull in the repository, jsonschema, pandas...): a test
keeps each line here equal to the command's own help.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from mentorat_cli.cli import helptext
from mentorat_cli.core.i18n import gettext

# name -> (module under mentorat_cli.cli, the help line `mentorat --help` shows), in --help's order.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "Create a new programme folder with commented example files."),
    "validate": ("validate", "Check every file: schemas, references, dates, capacities and the programme's rules."),
    "schemas": ("schemas", "Refresh the copy of the schemas in .schemas/ that editors use to complete and check fields."),
    "accept": ("accept", "Accept applications: the people take part in the next `mentorat pair`."),
    "decline": ("decline", "Refuse applications, or put them on the waiting list with --waiting."),
    "pair": ("pair", "Propose the optimal pairs, each explained, as files to review (status: proposed)."),
    "scores": ("scores", "Every couple of the mentees to pair and the mentors: feasible or the rule broken, score, criteria."),
    "confirm": ("confirm", "Turn proposals into decisions (status: confirmed, with today's date)."),
    "rematch": ("rematch", "End a pair (date, reason) and propose a new mentor for the mentee, never the previous one."),
    "charter": ("charter", "Write the engagement charter of a pair (or of every confirmed pair), ready to sign."),
    "sheet": ("sheet", "Write the follow-up sheet of a pair: schedule, meetings held, hours, alerts, contacts."),
    "calendar": ("calendar", "Export the planned meetings as an iCalendar file to import into a calendar app."),
    "sign": ("sign", "Record the dates the charter was signed in the pair's file (charter_signed)."),
    "contact": ("contact", "Record a follow-up contact with a pair in its file (contacts)."),
    "status": ("status", "One screen: pairs by state, pairs to follow up, mentees waiting, mentors to remind."),
    "mail": ("mail", "Write e-mail drafts to review and send from your mail program; nothing is ever sent."),
    "report": ("report", "Write the end-of-programme report: participants, pairs, meetings, satisfaction, objectives."),
    "audit": ("audit", "Assess the programme against the quality label's six stages, with the files to fix."),
    "import": ("import_", "Create and update profiles from a form export (CSV or XLSX)."),
    "export": ("export", "Export people, pairs or meetings as CSV or XLSX, with formula-safe cells."),
    "forget": ("forget", "Erase people's personal data from the working tree (right to erasure), and say what remains."),
    "templates": ("templates", "List, show or copy the document templates (charters, sheet, notes)."),
    "note": ("note", "Meeting notes: create one from a template, list them (metadata only)."),
    "survey": ("survey", "End-of-programme surveys: the blank questionnaire, and importing the answers."),
    "person": ("person", "Right of access: what the programme holds on a person."),
}


def module_commands(module_name: str) -> dict[str, Any]:
    """The click commands one command module registers (imports it)."""
    module = importlib.import_module(f"mentorat_cli.cli.{module_name}")
    holder = typer.Typer()

    @holder.callback()
    def _group() -> None:  # a callback keeps typer from collapsing a single command into the group
        pass

    module.register(holder)
    return dict(typer.main.get_group(holder).commands)


class MentoratGroup(TyperGroup):
    """The root group: lists commands from COMMANDS, imports a command's module only to run it (or show
    its help), and hands every command to click prepared for the language of the run (helptext.prepare)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, dict[str, Any]] = {}
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        module_name, short_help = COMMANDS[cmd_name]
        if self._listing:
            # Listing for --help: the name and help line (in the run's language) are all it shows.
            line = gettext(short_help)
            return TyperCommand(cmd_name, help=line, short_help=line, callback=None)
        if module_name not in self._loaded:
            self._loaded[module_name] = module_commands(module_name)
        command = self._loaded[module_name][cmd_name]
        helptext.prepare_fetched(command, cmd_name)
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        helptext.prepare(self, "mentorat")  # a usage error shows the group's usage line: translated too
        return list(super().parse_args(ctx, args))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        helptext.translate_typer_strings(rich=False)  # plain help: rich stays unimported
        helptext.prepare(self, "mentorat")
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
