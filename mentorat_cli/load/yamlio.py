"""Safe, strict and fast YAML for data files.

Reading uses libyaml's C parser (when present) with three changes to
PyYAML's safe loader, because coordinators' data is French and hand-edited:

* scalars resolve as in YAML 1.2: only `true`/`false` are booleans, only
  numbers without a leading zero are numbers, and dates stay text, so that
  `phone: 0612345670`, `postcode: 01000` and `country: NO` stay strings;
* a key written twice is an error (PyYAML silently keeps the last one);
* tags and aliases are refused: data files hold plain values, and an alias
  bomb of one kilobyte could otherwise expand to gigabytes downstream.

Line numbers are computed only for files that fail, by composing the file a
second time (`positions`), which keeps the common path fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


@dataclass(frozen=True)
class YamlIssue:
    """Why a text could not be loaded: a problem code, 1-based line and column, and values."""

    code: str
    line: int
    column: int
    values: dict[str, Any]


class YamlFailure(Exception):
    """Raised inside the loader; converted to a YamlIssue by `load`."""

    def __init__(self, issue: YamlIssue) -> None:
        super().__init__(issue.code)
        self.issue = issue


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(
    r"^(?:[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOLS = {"true", "True", "TRUE", "false", "False", "FALSE"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_NUMBER_START = frozenset("-+0123456789.")


class DataLoader(_BaseLoader):  # type: ignore[misc]
    """libyaml's parser and composer with YAML 1.2 scalar resolution (see module docstring)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        # Called by the composer for every untagged node: kept small because
        # a national programme has millions of scalars.
        if kind is yaml.ScalarNode:
            return plain_tag(value) if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


def plain_tag(value: str) -> str:
    """The type an unquoted scalar has when we read it (YAML 1.2 rules)."""
    if value in _NULLS:
        return "tag:yaml.org,2002:null"
    if value in _BOOLS:
        return "tag:yaml.org,2002:bool"
    if value[0] in _NUMBER_START:
        if _INT_RE.match(value):
            return "tag:yaml.org,2002:int"
        if _FLOAT_RE.match(value):
            return "tag:yaml.org,2002:float"
    return _STR


def decode(data: bytes) -> tuple[str | None, YamlIssue | None]:
    """Bytes to text: UTF-8 with or without BOM; otherwise an issue with the line of the bad byte."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        return None, YamlIssue("file-encoding", line, column, {"byte": f"{data[start]:02X}", "column_byte": start - line_start + 1})


def conflict_markers(text: str) -> list[int]:
    """1-based lines that hold a git merge-conflict marker."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text and "=======" not in text:
        return []
    return [text.count("\n", 0, m.start()) + 1 for m in _CONFLICT.finditer(text)]


def _reader_issue(exc: yaml.reader.ReaderError, text: str, line_offset: int) -> YamlIssue:
    """A character YAML refuses (NUL, other control characters), at its line and column.

    The reader stops at the first such character, so the character's first
    occurrence is the place (libyaml counts bytes, the pure-Python reader characters).
    """
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)[:1]
    index = max(text.find(char), 0) if char else 0
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = "file-nul" if char == "\x00" else "file-control-char"
    return YamlIssue(code, line + line_offset, column, {"char": f"U+{ord(char or chr(0)):04X}"})


def _issue_from_error(exc: yaml.YAMLError, text: str, line_offset: int) -> YamlIssue:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_issue(exc, text, line_offset)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = _mark(mark)
    problem = str(getattr(exc, "problem", "") or exc)
    context = str(getattr(exc, "context", "") or "")
    lines = text.splitlines()
    # libyaml reports a tab as "a character that cannot start any token":
    # look at the line itself to give the real cause.
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(column, 1)]:
        return YamlIssue("yaml-tab", line + line_offset, lines[line - 1].index("\t") + 1, {})
    if line:
        line += line_offset
    if "tab" in problem:
        return YamlIssue("yaml-tab", line, column, {})
    if "single document" in problem or "single document" in context or "another document" in problem:
        return YamlIssue("yaml-multi-document", line, column, {})
    if "alias" in problem or "anchor" in problem:
        return YamlIssue("yaml-alias", line, column, {})
    return _syntax_issue(exc, lines, line, column, problem, context, line_offset)


def _syntax_issue(exc: yaml.YAMLError, lines: list[str], line: int, column: int, problem: str, context: str, line_offset: int) -> YamlIssue:
    """A syntax error placed where the mistake most likely is, not where libyaml gave up."""
    context_line, context_column = _mark(getattr(exc, "context_mark", None))
    if "quoted scalar" in context and context_line:
        return YamlIssue("yaml-syntax", context_line + line_offset, context_column, {"detail": "this quote is never closed"})
    suspect = _unclosed_quote(lines, line - line_offset)
    if suspect:
        return YamlIssue(
            "yaml-syntax",
            suspect + line_offset,
            1,
            {"detail": f"a quote opened on this line is not closed on it (YAML then reads on until line {line})"},
        )
    if context.startswith("while parsing a flow") and context_line and context_line + line_offset < line:
        return YamlIssue(
            "yaml-syntax", line, column, {"detail": f"{problem} (the list or mapping opened on line {context_line + line_offset})"}
        )
    return YamlIssue("yaml-syntax", line, column, {"detail": problem})


def _unclosed_quote(lines: list[str], error_line: int) -> int:
    """The first line before `error_line` whose value opens a double quote it does not close (0 if none)."""
    for number, content in enumerate(lines[: max(error_line - 1, 0)], start=1):
        _, sep, value = content.partition(": ")
        value = value.strip() if sep else content.strip().lstrip("- ").strip()
        if value.startswith('"') and (len(value) == 1 or not value.rstrip().endswith('"')):
            closing = next((n for n in range(number + 1, error_line) if '"' in lines[n - 1]), error_line)
            # A quote closed before the error is a legal multi-line string, not the culprit.
            return number if closing >= error_line else 0
    return 0


def _first_alias(text: str) -> YamlIssue | None:
    """Where the first alias (*name) is used: more useful than the anchor's line."""
    try:
        for event in yaml.parse(text, Loader=DataLoader):
            if isinstance(event, yaml.AliasEvent):
                line, column = _mark(event.start_mark)
                return YamlIssue("yaml-alias", line, column, {})
    except yaml.YAMLError:
        return None
    return None


_SCALARS: dict[str, Any] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": lambda v: float(v.lower().replace(".inf", "inf").replace(".nan", "nan")),
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}


def _build(node: Any, seen: set[int]) -> Any:
    """Node graph -> plain data. Faster than PyYAML's constructor, and strict."""
    if id(node) in seen:  # the composer shares a node between its anchor and aliases
        line, column = _mark(node.start_mark)
        raise YamlFailure(YamlIssue("yaml-alias", line, column, {}))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        convert = _SCALARS.get(tag)
        if convert is None:
            line, column = _mark(node.start_mark)
            raise YamlFailure(YamlIssue("yaml-tag", line, column, {"tag": tag}))
        return convert(node.value)
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        if tag != "tag:yaml.org,2002:seq":
            line, column = _mark(node.start_mark)
            raise YamlFailure(YamlIssue("yaml-tag", line, column, {"tag": tag}))
        return [_build(item, seen) for item in node.value]
    if tag != "tag:yaml.org,2002:map":
        line, column = _mark(node.start_mark)
        raise YamlFailure(YamlIssue("yaml-tag", line, column, {"tag": tag}))
    mapping: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, column = _mark(key_node.start_mark)
            raise YamlFailure(YamlIssue("yaml-syntax", line, column, {"detail": "a key must be a plain value"}))
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key in mapping:
            raise YamlFailure(YamlIssue("yaml-duplicate-key", line, key_node.start_mark.column + 1, {"key": key, "other_line": lines[key]}))
        lines[key] = line
        mapping[key] = _build(value_node, seen)
    return mapping


def load(text: str, line_offset: int = 0) -> tuple[Any, YamlIssue | None]:
    """Parse one YAML document; returns (data, None) or (None, issue). Never raises on bad input."""
    try:
        loader = DataLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        return (None if node is None else _build(node, set())), None
    except YamlFailure as failure:
        issue = failure.issue
        if issue.code == "yaml-alias":
            issue = _first_alias(text) or issue
        if issue.line and line_offset:
            issue = YamlIssue(issue.code, issue.line + line_offset, issue.column, issue.values)
        return None, issue
    except yaml.YAMLError as exc:
        return None, _issue_from_error(exc, text, line_offset)
    except (ValueError, TypeError, RecursionError) as exc:
        # e.g. an explicit `!!int abc`: the value cannot be converted.
        return None, YamlIssue("yaml-syntax", 0, 0, {"detail": type(exc).__name__})


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def positions(text: str, line_offset: int = 0) -> dict[str, tuple[int, int]]:
    """JSON pointer -> (line, column) of each value; `pointer#key` for mapping keys.

    Only called for files that failed a check: composing twice is the price
    of a fast common path.
    """
    try:
        node = yaml.compose(text, Loader=DataLoader)
    except yaml.YAMLError:
        return {}
    found: dict[str, tuple[int, int]] = {}

    def walk(current: Any, pointer: str) -> None:
        line, column = _mark(current.start_mark)
        found[pointer] = (line + line_offset, column)
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                child = f"{pointer}/{escape_pointer(str(key_node.value))}"
                kline, kcol = _mark(key_node.start_mark)
                found[child + "#key"] = (kline + line_offset, kcol)
                walk(value_node, child)
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                walk(item, f"{pointer}/{index}")

    if node is not None:
        walk(node, "")
    return found


def split_front_matter(text: str) -> tuple[str, str] | None:
    """Split a Markdown note into (front matter, body); None when there is no front matter.

    The front matter starts on line 2, so its line numbers are offset by one.
    """
    if not text.startswith("---"):
        return None
    first_end = text.find("\n")
    if first_end == -1 or text[:first_end].strip() != "---":
        return None
    rest = text[first_end + 1 :]
    match = re.search(r"^(?:---|\.\.\.)[ \t]*$", rest, re.MULTILINE)
    if match is None:
        return None
    return rest[: match.start()], rest[match.end() :].lstrip("\n")


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Block style, unicode kept, no line wrapping, keys in the order given."""


def _represent_str(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    if style is None and value and plain_tag(value) != _STR:
        # PyYAML quotes by YAML 1.1 rules; also quote what our 1.2 reader would not read back as text (e.g. 123e45).
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any, schema_line: str | None = None) -> str:
    """Serialise data for a human-readable, diff-friendly file (stable: same data, same bytes)."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
        indent=2,
    )
    if schema_line:
        return f"# yaml-language-server: $schema={schema_line}\n{body}"
    return body
