"""Every message the CLI prints, in one place so it can be translated.

Each area of the toolkit keeps its entries in its own module (so that the
areas can grow independently); this package merges them into one catalogue.
`PROBLEMS` maps a stable problem code to its severity, message and hint;
`TEXT` maps a key to a plain message template.
"""

from __future__ import annotations

from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.messages import core, data, declared, documents, output, outreach, pairing, report, safety, workflow
from mentorat_cli.core.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {}
TEXT: dict[str, str] = {}

for _area in (core, pairing, documents, report, data, outreach, workflow, output, safety, declared):
    for _code, _spec in _area.PROBLEMS.items():
        if _code in PROBLEMS:
            raise RuntimeError(f"problem code defined twice: {_code}")
        PROBLEMS[_code] = _spec
    for _key, _text in _area.TEXT.items():
        if _key in TEXT:
            raise RuntimeError(f"message key defined twice: {_key}")
        TEXT[_key] = _text


def text(key: str, **values: object) -> str:
    """The message `key`, in the language of this run, with its placeholders filled."""
    return gettext(TEXT[key]).format(**values)


__all__ = ["PROBLEMS", "TEXT", "Spec", "gettext", "text"]
