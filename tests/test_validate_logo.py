"""`validate` reports a bad organiser_logo at its line in programme.yaml, with a hint, before any document is rendered."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from conftest import PROGRAMME_YAML

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#2f5d8a"/></svg>'
HINT = "hint: put the logo (PNG, JPEG or SVG, under 2 MB) in the programme folder"


def _validate(programme, run_cli, logo: str, files: dict[str, str | bytes]):
    root = programme(files, programme_yaml=PROGRAMME_YAML + f"organiser_logo: {logo}\n")
    line = (root / "programme.yaml").read_text(encoding="utf-8").splitlines().index(f"organiser_logo: {logo}") + 1
    return root, line, run_cli(["validate"], cwd=root)


@pytest.mark.parametrize(
    "logo, files, reason",
    [
        ("../secret.png", {}, "is outside the programme folder"),
        ("assets/logo.png", {}, "is not a file"),
        ("logo.png", {"logo.png": "not an image\n"}, "is not a PNG, JPEG or SVG image of the kind its name says"),
        ("logo.png", {"logo.png": JPEG_START + b"\x00" * 20}, "is not a PNG, JPEG or SVG image of the kind its name says"),
        ("logo.svg", {"logo.svg": "<html>not svg</html>"}, "is not a PNG, JPEG or SVG image"),
        ("logo.png", {"logo.png": PNG + b"\x00" * 2_000_000}, "is larger than 2 MB"),
        ("logo.svg", {"logo.svg": SVG.replace("<rect", "<script>alert(1)</script><rect")}, "is an SVG that runs a script"),
        (
            "logo.svg",
            {"logo.svg": SVG.replace("<rect", '<image href="https://example.org/x.png"/><rect')},
            "is an SVG that runs a script or loads other files",
        ),
    ],
)
def test_a_bad_logo_is_a_problem_at_its_line(programme, run_cli, logo: str, files: dict, reason: str) -> None:
    _root, line, result = _validate(programme, run_cli, logo, files)
    out = result.out + result.err
    assert f"programme.yaml:{line}:17: warning organiser-logo organiser_logo: {logo} {reason}" in out, out
    assert HINT in out and "Traceback" not in out


@pytest.mark.parametrize("logo, files", [("assets/logo.png", {"assets/logo.png": PNG}), ("logo.svg", {"logo.svg": SVG})])
def test_a_good_logo_is_not_reported(programme, run_cli, logo: str, files: dict) -> None:
    _root, _line, result = _validate(programme, run_cli, logo, files)
    assert "organiser-logo" not in result.out + result.err and result.code == 0


def test_a_logo_behind_a_link_is_reported(programme, run_cli, tmp_path: Path) -> None:
    root = programme({}, programme_yaml=PROGRAMME_YAML + "organiser_logo: logo.png\n")
    (root.parent / "secret.png").write_bytes(PNG)
    (root / "logo.png").symlink_to(root.parent / "secret.png")
    result = run_cli(["validate"], cwd=root)
    assert "warning organiser-logo organiser_logo: logo.png is a symbolic link" in result.out + result.err
