"""Messages of the output policy (storage.output_file / write_outputs), templates and terminal safety."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {
    # a template reached through a link: a Problem on the link
    "template-symlink": Spec(
        "error",
        "refusing to read a template through a symbolic link: {path}",
        "replace the link by a real file or folder: templates are read from the programme only",
    ),
}

TEXT: dict[str, str] = {
    "output-bad-path": "{path!r} is not a usable file name",
    "output-git": "refusing to write into a git folder: {path}",
    "output-git-hint": "git's own files are never an output; choose a file outside .git/",
    "output-data": "refusing to write over the programme's data: {path}",
    "output-data-hint": "programme.yaml, mentors/, mentees/, pairs/, notes/, feedback/, pairing.yaml, templates/, "
    "audit/ and .mentorat/ are never an output, even with --force; write under out/ (the default) "
    "or choose another file",
    "output-symlink": "refusing to write through a symbolic link inside the programme: {path}",
    "output-symlink-hint": "replace the link by a real folder or file (it could lead outside the programme), "
    "or give -o a path outside the programme",
    "output-folder": "{path} is a folder, not a file",
    "output-folder-hint": "give -o a file name",
    "output-exists": "{path} already exists{more}",
    "output-exists-more": " (and {count} more)",
    "output-exists-hint": "add --force to replace it, or choose another place with -o",
    "output-failed": "cannot write {path}: {reason}",
    "output-failed-hint": "check that the folder exists and is writable, or choose another one with -o",
    "forget-leftover-content": "{path}: NOT changed, it holds an erased person's {what}; delete it "
    "(it was generated from the data and can be made again)",
}
