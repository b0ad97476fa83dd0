"""Start-up: commands that do not pair load neither numpy, pandas nor jinja2 (issue 15).

`validate` runs in pre-commit hooks and `status` many times a day: they read the
registries of criteria and eligibility rules (validate applies the rules to
confirmed pairs), whose vectorised forms need numpy, but they never pair, so numpy
must load only inside those forms. Each case runs the real entry point in a new
process on a copy of the sample programme and lists, at exit, every module that was
imported: one `import numpy` at the top of a criterion makes `validate` fail here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentorat_cli.load import cache

# Runs the console script's entry point, then writes its exit code and sys.modules to a file.
PROBE = """
import json, os, sys
from mentorat_cli.cli import main
try:
    main(sys.argv[1:])
    code = 0
except SystemExit as exc:
    code = exc.code
with open(os.environ["MENTORAT_PROBE_OUT"], "w", encoding="utf-8") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""
# Never loaded by a command that does not pair or write a document.
NEVER = ("numpy", "pandas", "scipy", "jinja2", "matplotlib", "openpyxl")
# Loaded only to check a file the cache does not answer: a warm validate and status do without them.
SCHEMA_CHECK = ("jsonschema", "referencing")
TODAY = "2026-11-25"


def probe(root: Path, args: list[str], tmp_path: Path) -> tuple[int, set[str], str]:
    """(exit code, top-level packages imported, stdout) of `mentorat ARGS` run in `root`."""
    out = tmp_path / "probe.json"
    env = {**os.environ, "MENTORAT_LANG": "en", "MENTORAT_PROBE_OUT": str(out)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--today", TODAY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.is_file(), done.stderr
    found = json.loads(out.read_text(encoding="utf-8"))
    return found["code"], {name.split(".")[0] for name in found["modules"]}, done.stdout


@pytest.fixture
def cold_sample(sample: Path) -> Path:
    shutil.rmtree(sample / ".mentorat" / "cache", ignore_errors=True)
    return sample


@pytest.fixture(scope="module")
def warm_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample older than the cache's racy window, then one validate: the cache answers every file."""
    root = tmp_path_factory.mktemp("warm") / "sample"
    shutil.copytree(Path(__file__).resolve().parents[1] / "sample-programme", root, ignore=shutil.ignore_patterns("out", ".mentorat"))
    time.sleep(cache.RACY_NS / 1e9 + 0.2)  # files written just now are re-read, by design (git's "racy clean")
    code, _, _ = probe(root, ["validate"], tmp_path_factory.mktemp("warm-up"))
    assert code == 0
    return root


def test_cold_validate_loads_no_numpy_pandas_or_jinja2(cold_sample, tmp_path):
    code, loaded, out = probe(cold_sample, ["validate"], tmp_path)
    assert code == 0
    assert "valid" in out
    # The registries were read (validate checks programme.yaml's weights and rules against them)...
    assert "mentorat_cli" in loaded
    assert sorted(loaded & set(NEVER)) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate"], "valid"),
        (["status"], "Pairs: 18 confirmed"),
        (["person", "show", "adam-zerrouki"], "adam-zerrouki"),
    ],
)
def test_warm_commands_load_no_numpy_pandas_jinja2_or_jsonschema(warm_sample, tmp_path, args, expected):
    code, loaded, out = probe(warm_sample, args, tmp_path)
    assert code == 0
    assert expected in out
    # rich neither: typer's help panels need it, a command that just runs does not.
    assert sorted(loaded & set(NEVER + SCHEMA_CHECK + ("rich",))) == []


def test_the_registries_still_reach_numpy_when_pairing(cold_sample, tmp_path):
    """The other side of the guard: the probe sees numpy when a command does load it."""
    code, loaded, _ = probe(cold_sample, ["pair", "--dry-run"], tmp_path)
    assert code == 0
    assert "numpy" in loaded


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        # typer 0.29 builds a pydantic adapter for each option value it parses: --version and --help parse none.
        (["--version"], NEVER + SCHEMA_CHECK + ("pydantic", "yaml", "rich")),
        (["--help"], NEVER + SCHEMA_CHECK + ("pydantic", "yaml", "rich")),
        # A command's help imports its module (and the global --today is parsed): still nothing heavy.
        (["validate", "--help"], NEVER + SCHEMA_CHECK),
        (["status", "--help"], NEVER + SCHEMA_CHECK),
    ],
)
def test_version_and_help_load_no_heavy_library(cold_sample, tmp_path, args, forbidden):
    code, loaded, out = probe(cold_sample, args, tmp_path)
    assert code == 0
    assert "mentorat" in out
    assert sorted(loaded & set(forbidden)) == []
