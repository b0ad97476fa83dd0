"""Build hook: compile the gettext catalogues (.po -> .mo) into the wheel.

The .po files are the sources translators edit; the .mo files are build products
(git-ignored), so every wheel, editable install included, carries catalogues that
match its .po files. In a source tree where a .po is edited later, mentorat_cli.core.i18n
compiles it in memory with Babel until the next build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):
    """Compile mentorat_cli/locale/*/LC_MESSAGES/*.po to .mo before the wheel is built."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted((root / "mentorat_cli" / "locale").glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            with po.open("rb") as source:
                catalog = read_po(source)
            with mo.open("wb") as target:
                write_mo(target, catalog)
            # .mo files are git-ignored, which hatch would otherwise leave out of the wheel.
            build_data["force_include"][str(mo)] = str(mo.relative_to(root))
