"""`forget` after `pair`: no file of the programme keeps the erased person's id or name."""

from __future__ import annotations

import re

import yaml


def _holder_named_in_a_why_not(root) -> str:
    """A mentee whose id appears in another pair's why_not ("place taken by <mentee>")."""
    mentees = {p.stem for p in (root / "mentees").glob("*.yaml")}
    for path in sorted((root / "pairs").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get("alternatives") or []:
            for mentee in sorted(mentees):
                if mentee != data["mentee"] and re.search(rf"\b{re.escape(mentee)}\b", item.get("why_not", "")):
                    return mentee
    raise AssertionError("no why_not names another mentee in the sample's proposal")


def test_forget_leaves_no_trace_in_proposals_or_the_pairing_summary(run_cli, sample):
    assert run_cli(["pair"], cwd=sample).code == 0
    person = _holder_named_in_a_why_not(sample)
    profile = yaml.safe_load((sample / "mentees" / f"{person}.yaml").read_text(encoding="utf-8"))
    result = run_cli(["forget", person], cwd=sample)
    assert result.code == 0, result.err
    for path in sorted(sample.rglob("*")):
        if path.is_file() and ".git" not in path.parts and path.suffix in (".yaml", ".md"):
            content = path.read_text(encoding="utf-8")
            assert person not in content, path
            assert profile["email"] not in content, path
            assert f"{profile['first_name']} {profile['last_name']}" not in content, path
    assert run_cli(["validate"], cwd=sample).code == 0


def test_forget_renames_an_unmatched_mentee_in_pairing_yaml(run_cli, sample):
    # A mentee no mentor can take (a rule excludes everyone): pair lists them in pairing.yaml.
    path = sample / "mentees" / "zz-isolee.yaml"
    path.write_text(
        "id: zz-isolee\nfirst_name: Zoé\nlast_name: Isolée\nemail: zoe.isolee@example.org\nlanguages: [de]\nstatus: accepted\n",
        encoding="utf-8",
    )
    assert run_cli(["pair"], cwd=sample).code == 0
    assert "zz-isolee" in (sample / "pairing.yaml").read_text(encoding="utf-8")
    assert run_cli(["forget", "zz-isolee"], cwd=sample).code == 0
    summary = (sample / "pairing.yaml").read_text(encoding="utf-8")
    assert "zz-isolee" not in summary and "erased-" in summary
    assert run_cli(["validate"], cwd=sample).code == 0
