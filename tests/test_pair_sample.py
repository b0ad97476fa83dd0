"""Golden tests of `mentorat pair` on the bundled sample programme."""

from __future__ import annotations

from conftest import snapshot
from test_pair_helpers import load, proposals, schema_errors


def _proposal_files(root) -> str:
    """Every proposal written, in name order, as one text (the golden proposal)."""
    parts = []
    for path in sorted((root / "pairs").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "status: proposed" in text:
            parts.append(f"=== {path.name}\n{text}")
    return "".join(parts)


def test_sample_proposal_golden(sample, run_cli, golden):
    confirmed = {p: b for p, b in snapshot(sample).items() if p.startswith("pairs/")}
    result = run_cli(["pair"], cwd=sample)
    assert result.code == 0, result.err
    golden("pair/sample-proposals.txt", _proposal_files(sample))
    golden("pair/sample-pairing.yaml", (sample / "pairing.yaml").read_text(encoding="utf-8"))
    after = snapshot(sample)
    assert all(after[p] == b for p, b in confirmed.items())
    assert schema_errors(load(sample / "pairing.yaml"), "pairing.schema.json") == []
    for data in proposals(sample).values():
        assert schema_errors(data, "pair.schema.json") == []
    assert run_cli(["validate"], cwd=sample).code == 0
    again = run_cli(["pair"], cwd=sample, today="2027-01-05")
    assert again.code == 0 and snapshot(sample) == after


def test_sample_explain_golden(sample, run_cli, golden):
    run_cli(["pair"], cwd=sample)
    first = next(d for _, d in sorted(proposals(sample).items()) if d["status"] == "proposed")
    other = first["alternatives"][0]["mentor"]
    result = run_cli(["pair", "--explain", first["mentee"], other], cwd=sample)
    assert result.code == 0, result.err
    golden("pair/sample-explain.txt", f"$ mentorat pair --explain {first['mentee']} {other}\n{result.out}")
    assert f"proposed mentor {first['mentor']}" in result.out
    assert f"why not {other}:" in result.out
