"""The organiser's logo (programme.yaml `organiser_logo`): where it may be and what it must hold.

One rule for `validate` (which reports a Problem at the field) and for the
documents that embed it (which refuse to render): a real file inside the
programme folder, not behind a symbolic link, under 2 MB, whose content is
the image its name says (PNG, JPEG or SVG), and an SVG that neither runs a
script nor loads anything from elsewhere (a PDF renderer would fetch it).
"""

from __future__ import annotations

import re
from pathlib import Path

TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
MAX_BYTES = 2_000_000
_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
# Anything an SVG could load or run: scripts, event handlers, links to other files or sites, CSS imports.
_SVG_UNSAFE = re.compile(rb"<script|\bon[a-z]+\s*=|(?:xlink:)?href\s*=\s*[\"'](?!#|data:)|@import|url\(\s*[\"']?(?!#|data:)", re.I)


def path_of(root: Path, relative: str) -> Path:
    """The logo's path as written, under the programme folder."""
    return root / relative


def refusal(root: Path, relative: str) -> str:
    """Why the logo cannot be used, as a message key ('' when it can)."""
    path = path_of(root, relative)
    if any(p.is_symlink() for p in [path, *path.parents] if p.is_relative_to(root) and p != root):
        return "doc-logo-link"  # a link could point anywhere, e.g. at a private file
    if not path.resolve().is_relative_to(root.resolve()):
        return "doc-logo-outside"
    if not path.is_file():
        return "doc-logo-missing"
    if path.stat().st_size > MAX_BYTES:
        return "doc-logo-large"
    suffix = path.suffix.lower()
    if suffix not in TYPES:
        return "doc-logo-not-image"
    with path.open("rb") as handle:
        head = handle.read(MAX_BYTES if suffix == ".svg" else 16)
    if suffix == ".svg":
        if not re.search(rb"<svg[\s>]", head[:4096]):
            return "doc-logo-not-image"
        return "doc-logo-svg-unsafe" if _SVG_UNSAFE.search(head) else ""
    return "" if head.startswith(_MAGIC[suffix]) else "doc-logo-not-image"
