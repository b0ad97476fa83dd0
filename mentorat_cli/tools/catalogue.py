"""The README's list of problem codes, generated from the message catalogue.

`python -m mentorat_cli.tools.catalogue` prints the table; `--write README.md`
replaces the part of the README between the markers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mentorat_cli.core.messages import PROBLEMS

START = "<!-- problem-codes:start -->"
END = "<!-- problem-codes:end -->"


def problem_table() -> str:
    """Markdown table: code, severity, what it means, how to fix it."""
    rows = ["| code | severity | message | hint |", "| --- | --- | --- | --- |"]
    for code in sorted(PROBLEMS):
        spec = PROBLEMS[code]
        cells = [f"`{code}`", spec.severity, spec.message, spec.hint]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def replace_section(readme: str) -> str:
    """The README with its problem-code section regenerated."""
    before, _, rest = readme.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{problem_table()}{END}{after}"


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        path = Path(sys.argv[2])
        path.write_text(replace_section(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(problem_table())
