"""Faithful edits of a human-edited YAML file: only the lines of the entries that change are written.

`rewrite(original, data, schema_line)` is the entry point every writer of a
file a human may have edited uses; it is built on the reader (`yamlio`), so
it lives above it.

`splice(original, data)` walks the original text's block mappings and
sequences alongside the new data. An entry whose value did not change keeps
its bytes (comments, quoting, blank lines); a mapping that changed inside is
entered and edited key by key; a list is edited item by item (an appended
contact adds its lines, the others stay). Only new or changed leaves are
written, in the file's own indentation, quoted only where YAML 1.2 needs it
(`2026-05-24` stays plain: our reader and the editors read it as text).
Returns None when the file's shape is not one it can edit this way (flow
style, not a mapping); the caller then falls back to a coarser rewrite.
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

import yaml

from mentorat_cli.load import yamlio

_INDENTLESS_DASH = re.compile(r"^( *)[^\s#-][^\n]*:[ \t]*\n(?:\1[ \t]*#[^\n]*\n)*\1- ", re.MULTILINE)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _PlainDumper(yaml.SafeDumper):
    """PyYAML's emitter, with ISO dates left plain (our reader and YAML 1.2 editors read them as text)."""

    indented_dashes = True
    date_style: str | None = None  # the quote the file puts around dates, if it does

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        tag: str = super().resolve(kind, value, implicit)
        # Only dates are left plain: YAML 1.1 readers take 0612345670 or `no` for numbers and booleans.
        if kind is yaml.ScalarNode and tag == "tag:yaml.org,2002:timestamp" and _ISO.match(value):
            return yamlio.plain_tag(value)
        return tag

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False if self.indented_dashes else indentless)


class _IndentlessDumper(_PlainDumper):
    indented_dashes = False


class _Analyser:
    allow_unicode = True


_QUOTED_DATE = re.compile(r"""(['"])\d{4}-\d{2}-\d{2}\1""")


def _represent_str(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    if dumper.date_style and _ISO.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=dumper.date_style)
    if style is None and value and (yamlio.plain_tag(value) != yamlio._STR or "'" in value):
        analysis = yaml.emitter.Emitter.analyze_scalar(_Analyser(), value)  # type: ignore[arg-type]
        if yamlio.plain_tag(value) != yamlio._STR or not analysis.allow_block_plain:
            # "Point d'étape : ok" rather than 'Point d''étape : ok': double quotes read better with apostrophes.
            style = '"' if "'" in value else "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_PlainDumper.add_representer(str, _represent_str)


def _dump(value: Any, indent: int, indented_dashes: bool, date_style: str | None = None) -> list[str]:
    base = _PlainDumper if indented_dashes else _IndentlessDumper
    dumper = type("_Dumper", (base,), {"date_style": date_style}) if date_style else base
    text = yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=2**31 - 1, indent=2)
    return [" " * indent + line for line in text.splitlines(keepends=True)]


def splice(original: str, data: dict[str, Any]) -> str | None:
    """`data` written over `original`, changing only the lines of what changed (None: cannot)."""
    old, issue = yamlio.load(original)
    if issue is not None or not isinstance(old, dict) or not old:
        return None
    try:
        node = yaml.compose(original, Loader=yamlio.DataLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return None
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    quoted = _QUOTED_DATE.search(original)
    # Lists in the file's style; indented dashes (as in the examples) when the file has no list yet.
    editor = _Editor(lines, not _INDENTLESS_DASH.search(original), quoted.group(1) if quoted else None)
    first = node.value[0][0].start_mark.line
    try:
        body = editor.mapping(node, old, data, first, len(lines))
    except _CannotSplice:
        return None
    return "".join(lines[:first] + body)


class _CannotSplice(Exception):
    """The text's layout is not one this editor handles; the caller falls back."""


class _Editor:
    def __init__(self, lines: list[str], indented_dashes: bool, date_style: str | None) -> None:
        self.lines = lines
        self.indented_dashes = indented_dashes
        self.date_style = date_style

    def dump(self, value: Any, indent: int) -> list[str]:
        """New lines in the file's own style: its dash indentation, its quotes around dates."""
        return _dump(value, indent, self.indented_dashes, self.date_style)

    def _first(self, start: int, floor: int) -> int:
        """The first of the comment and blank lines just above `start` (they go with the entry)."""
        first = start
        while first > floor and (not self.lines[first - 1].strip() or self.lines[first - 1].lstrip().startswith("#")):
            first -= 1
        return first

    def mapping(self, node: yaml.MappingNode, old: dict[str, Any], new: dict[str, Any], begin: int, end: int) -> list[str]:
        starts = [key.start_mark.line for key, _ in node.value]
        if len(set(starts)) != len(starts):
            raise _CannotSplice  # two keys on one line
        firsts = [begin] + [self._first(s, p + 1) for p, s in zip(starts, starts[1:], strict=False)]
        ends = [*firsts[1:], end]
        indent = node.value[0][0].start_mark.column
        where = {str(key.value): i for i, (key, _) in enumerate(node.value)}
        out: list[str] = []
        for key, value in new.items():
            if key not in where:
                out += self.dump({key: value}, indent)
                continue
            i = where[key]
            first, start, stop, value_node = firsts[i], starts[i], ends[i], node.value[i][1]
            if old.get(key) == value:
                out += self.lines[first:stop]
                continue
            out += self.lines[first:start]
            out += self._changed(key, old.get(key), value, value_node, indent, start, stop)
        return out

    def _changed(self, key: str, before: Any, after: Any, value_node: Any, indent: int, start: int, stop: int) -> list[str]:
        """The lines of one entry whose value changed: entered when both are block collections."""
        below = value_node.start_mark.line > start
        if (
            isinstance(before, dict)
            and isinstance(after, dict)
            and after
            and isinstance(value_node, yaml.MappingNode)
            and not value_node.flow_style
            and below
        ):
            return [self.lines[start], *self.mapping(value_node, before, after, start + 1, stop)]
        if (
            isinstance(before, list)
            and isinstance(after, list)
            and after
            and isinstance(value_node, yaml.SequenceNode)
            and not value_node.flow_style
            and value_node.value
        ):
            return [self.lines[start], *self.sequence(value_node, before, after, start + 1, stop)]
        return self.dump({key: after}, indent)

    def sequence(self, node: yaml.SequenceNode, old: list[Any], new: list[Any], begin: int, end: int) -> list[str]:
        starts = [item.start_mark.line for item in node.value]
        if len(set(starts)) != len(starts):
            raise _CannotSplice
        firsts = [begin] + [self._first(s, p + 1) for p, s in zip(starts, starts[1:], strict=False)]
        ends = [*firsts[1:], end]
        dash = self.lines[starts[0]]
        column = len(dash) - len(dash.lstrip(" "))
        if not dash.lstrip(" ").startswith("-"):
            raise _CannotSplice
        keys_old = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in old]
        keys_new = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in new]
        out: list[str] = []
        matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for i in range(i1, i2):
                    out += self.lines[firsts[i] : ends[i]]
            elif j2 > j1:  # insert or replace: the new items written in the list's own indentation
                out += self.dump(new[j1:j2], column)
        return out


def rewrite(original: str, data: dict[str, Any], schema_line: str | None = None) -> str:
    """`data` written over `original`, keeping the comments and layout of every top-level entry
    that did not change (a coordinator's notes in a file survive a command's update).

    First `splice`: only the lines of what changed, down to one list item. When the
    file's layout does not allow it (flow style...), changed top-level entries are written anew
    (with the comment lines just above them kept); added ones are written in `data`'s order; removed ones go. Falls back to `dump` when the
    original is empty or not a plain block mapping, and always checks the result reads back as `data`.
    """
    spliced = splice(original, data) if original.strip() else None
    if spliced is not None and yamlio.load(spliced) == (data, None):
        return spliced
    old, issue = yamlio.load(original)
    try:
        node = yaml.compose(original, Loader=yamlio.DataLoader) if issue is None else None
    except yaml.YAMLError:
        node = None
    if not isinstance(old, dict) or not isinstance(node, yaml.MappingNode) or node.flow_style:
        return yamlio.dump(data, schema_line)
    lines = original.splitlines(keepends=True)
    starts = [key_node.start_mark.line for key_node, _ in node.value]
    names = [str(key_node.value) for key_node, _ in node.value]
    # Comment and blank lines just above a key belong to that key.
    firsts = []
    for index, start in enumerate(starts):
        first = start
        floor = starts[index - 1] + 1 if index else 0
        while first > floor and (not lines[first - 1].strip() or lines[first - 1].lstrip().startswith("#")):
            first -= 1
        firsts.append(first if index else start)
    ends = [*firsts[1:], len(lines)]
    header = "".join(lines[: firsts[0]]) if firsts else ""
    blocks = {
        name: ("".join(lines[first:start]), "".join(lines[start:end]))
        for name, first, start, end in zip(names, firsts, starts, ends, strict=True)
    }
    out = [header if header or schema_line is None else f"# yaml-language-server: $schema={schema_line}\n"]
    for key, value in data.items():
        above, body = blocks.get(key, ("", ""))
        if key in old and old[key] == value:
            out.append(above + body if body.endswith("\n") else above + body + "\n")
        else:
            out.append(above + yamlio.dump({key: value}))
    result = "".join(out)
    back, problem = yamlio.load(result)
    return result if problem is None and back == data else yamlio.dump(data, schema_line)
