"""Arguments and options several commands share, written once so that their help reads the same everywhere."""

from __future__ import annotations

import typer

PAIR_ARG = typer.Argument(None, metavar="PAIR", help="Pair id, <mentee>--<mentor> (or use --all).")
ALL_OPT = typer.Option(False, "--all", help="Every confirmed pair.")
OUT_OPT = typer.Option(None, "-o", "--output", help="Folder to write to (default: out/ in the programme folder).")
FORCE_OPT = typer.Option(False, "--force", help="Replace documents that already exist.")
FORCE_FILE_OPT = typer.Option(False, "--force", help="Replace the file if it already exists.")
