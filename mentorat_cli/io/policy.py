"""The one policy for every file a command generates (`-o`, `out/`): where it may go, checked on real paths.

- programme data and the tool's state (DATA_NAMES at the programme's top level) and anything
  inside a `.git` folder are never an output, even with --force;
- an existing file is replaced only with --force;
- a path the user types may go anywhere they can write (relative to the current folder);
- a derived path (out/... by default) stays inside the programme;
- inside the programme, no symbolic link is followed (a linked out/ or templates/ is refused);
- every check runs on resolved paths, again under the lock just before writing (storage.write_outputs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io.paths import LOCK_NAME, first_link

DATA_NAMES = frozenset(
    {
        "programme.yaml",
        "pairing.yaml",
        "mentors",
        "mentees",
        "pairs",
        "notes",
        "feedback",
        ".mentorat",
        ".schemas",
        "templates",
        "audit",
        LOCK_NAME,
    }
)


@dataclass(frozen=True)
class Output:
    """Where one generated file goes, once the policy has accepted it."""

    root: Path  # the programme folder, resolved
    path: Path  # the file, resolved
    typed: bool  # the user typed it (else derived from the programme)
    data_ok: frozenset[str] = frozenset()  # data folders this output may go into (templates copy)

    @property
    def shown(self) -> str:
        """The path as messages print it: relative to the programme when inside it."""
        return self.path.relative_to(self.root).as_posix() if self.path.is_relative_to(self.root) else str(self.path)


def output_file(root: Path, typed: str | Path | None, default: str, data_ok: frozenset[str] = frozenset()) -> Output:
    """The output file `typed` by the user (relative to the current folder), or `default` in the programme."""
    root_real = root.resolve()
    if typed is None:
        wanted = Path(os.path.normpath(root_real / default))
    else:
        if "\x00" in str(typed):
            raise MentoratError(text("output-bad-path", path=typed))
        # normpath: "out/../x" means x, as the shell would say; links are judged below on the real path.
        wanted = Path(os.path.normpath(Path.cwd() / Path(typed).expanduser()))
    output = Output(root_real, wanted.resolve(), typed is not None, data_ok)
    check_output(output, wanted)
    return output


def check_output(output: Output, wanted: Path) -> None:
    """Refuse an output that is programme data, under .git, a folder, or reached through a link in the programme."""
    for path in (wanted, output.path):
        if ".git" in path.parts:
            raise MentoratError(text("output-git", path=path), text("output-git-hint"))
        if path.is_relative_to(output.root) and path != output.root:
            top = path.relative_to(output.root).parts[0]
            if top in DATA_NAMES and top not in output.data_ok:
                raise MentoratError(text("output-data", path=path.relative_to(output.root).as_posix()), text("output-data-hint"))
    if wanted.is_relative_to(output.root):
        link = first_link(output.root, wanted)
        if link is not None:
            raise MentoratError(text("output-symlink", path=link.relative_to(output.root).as_posix()), text("output-symlink-hint"))
    elif not output.typed:
        raise MentoratError(text("outside-root", path=wanted))
    if output.path.is_dir():
        raise MentoratError(text("output-folder", path=output.shown), text("output-folder-hint"))
