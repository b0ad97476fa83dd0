"""`import --template`: a mapping file listing every column's guessed field and every answer's guessed value."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core.messages import text
from mentorat_cli.ingest import answers as A
from mentorat_cli.ingest import declared
from mentorat_cli.ingest import fields as F
from mentorat_cli.ingest.mapping import default_mapping
from mentorat_cli.ingest.transforms import vocabulary
from mentorat_cli.load import yamlio
from mentorat_cli.load.tabular import Table


def _quoted(value: str) -> str:
    # Dumping the text alone quotes it exactly when YAML needs it.
    return yamlio.dump([value]).strip()[2:]


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return _quoted(str(value))


def _values(table: Table, header: str, field: str, role: str, config: dict[str, Any]) -> list[str]:
    """The `values:` block of one column: each distinct answer and how it is read."""
    kind = F.field_type(role, field) or F.TEXT
    if kind not in A.LISTED and field != "status":
        return []
    cells = [row.get(header, "") for _, row in table.rows]
    separator = A.separator_for(cells) if kind == F.CHOICES else None
    found = A.distinct_answers(cells, kind, separator)
    if not found:
        return []
    if len(found) > A.MAX_LISTED:
        return [f"    # {text('import-template-many', count=len(found))}"]
    vocab = vocabulary(config, field)
    lines = [f"    split: {_quoted(separator)}"] if separator else []
    lines.append("    values:")
    for answer in found:
        guess = A.guess(kind, field, answer, vocab)
        line = f"      {_quoted(answer)}: {_scalar(guess.value)}"
        if guess.value is None:
            line += f"  # {text('import-template-answer-unknown')}"
        elif not guess.sure:
            line += f"  # {text('import-template-answer-check', near=guess.near)}"
        lines.append(line)
    return lines


def template(table: Table, role: str, config: dict[str, Any]) -> str:
    """The mapping file for `table`: recognised columns filled in, answers listed, the rest left to decide."""
    recognised = default_mapping(table.headers, role, config).columns
    lines = [
        text("import-template-intro-1", role=role),
        text("import-template-intro-2"),
        text("import-template-intro-null"),
        text("import-template-intro-check"),
        text("import-template-intro-3", fields=", ".join(sorted([*F.fields_for(role), *declared.names(config, role)]))),
        f"role: {role}",
        "columns:",
    ]
    for header in table.headers:
        column = recognised.get(header)
        if column is None:
            lines.append(f"  {_quoted(header)}: null  # " + text("import-template-unknown"))
            continue
        block = _values(table, header, column.field, role, config)
        if block:
            lines += [f"  {_quoted(header)}:", f"    field: {column.field}", *block]
        else:
            lines.append(f"  {_quoted(header)}: {column.field}")
    return "\n".join(lines) + "\n"
