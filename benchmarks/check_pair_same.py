"""Check: `mentorat pair` writes byte-identical proposals and pairing.yaml with this checkout and another.

    .venv/bin/python benchmarks/check_pair_same.py --old DIR [PROGRAMME ...]

The solver is exact, so a faster pairing must not change a single byte of
what it writes. For each programme (default: sample-programme/), `pair` runs
once with each checkout (`python -m mentorat_cli`, the checkout as working
directory), each on its own hard-linked copy, timed; then every file under
pairs/ and pairing.yaml are compared. Exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = "2026-11-25"


def _run(code: Path, root: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mentorat_cli", "--root", str(root), "--today", TODAY, "-q", "pair"],
        cwd=code,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"pair failed ({done.returncode}) with {code}:\n{done.stderr}")
    return time.perf_counter() - started


def _written(root: Path) -> dict[str, bytes]:
    files = {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "pairs").glob("*.yaml"))}
    files["pairing.yaml"] = (root / "pairing.yaml").read_bytes()
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--old", type=Path, required=True, help="the other checkout (its top folder)")
    parser.add_argument("programmes", type=Path, nargs="*", default=[REPO / "sample-programme"])
    args = parser.parse_args()
    same = True
    for programme in args.programmes:
        with tempfile.TemporaryDirectory() as tmp:
            found = {}
            for name, code in (("old", args.old.resolve()), ("new", REPO)):
                copy = Path(tmp) / name
                subprocess.run(["cp", "-al", str(programme.resolve()), str(copy)], check=True)
                shutil.rmtree(copy / ".mentorat", ignore_errors=True)
                seconds = _run(code, copy)
                found[name] = _written(copy)
                print(f"{programme}: {name} {seconds:.1f} s, {len(found[name]) - 1} proposals", flush=True)
            differ = sorted(rel for rel in found["old"].keys() | found["new"].keys() if found["old"].get(rel) != found["new"].get(rel))
            same = same and not differ
            print(f"{programme}: {'identical' if not differ else f'{len(differ)} files differ, first: {differ[:5]}'}")
    raise SystemExit(0 if same else 1)


if __name__ == "__main__":
    main()
