"""The report and the audit on the bundled sample programme: golden Markdown, and nothing private leaks."""

from __future__ import annotations

from pathlib import Path

import yaml

from mentorat_cli.load import yamlio

TODAY = "2026-11-25"


def _private_strings(root: Path) -> list[str]:
    """Last names, e-mails, note bodies' lines and unconsented comments of the sample."""
    found: list[str] = []
    for folder in ("mentors", "mentees"):
        for path in sorted((root / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            found += [str(data["last_name"]), str(data["email"])]
    for path in sorted((root / "notes").glob("*/*.md")):
        split = yamlio.split_front_matter(path.read_text(encoding="utf-8"))
        assert split is not None
        found += [line.strip() for line in split[1].splitlines() if len(line.strip()) > 25]
    for path in sorted((root / "feedback").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("comment") and data.get("consent_quote") is not True:
            found.append(" ".join(str(data["comment"]).split()))
    return found


def test_sample_report_golden_and_private_data_absent(sample: Path, run_cli, golden) -> None:
    private = _private_strings(sample)
    assert private
    outputs = {}
    for fmt in ("md", "html"):
        result = run_cli(["--root", sample, "report", "--format", fmt], today=TODAY)
        assert result.code == 0, result.err
        outputs[fmt] = (sample / f"out/report-2026.{fmt}").read_text(encoding="utf-8")
    for fmt, text in outputs.items():
        for secret in private:
            assert secret not in text, (fmt, secret)
    golden("report/sample-fr.md", outputs["md"])


def test_sample_audit_runs_and_names_files(sample: Path, run_cli) -> None:
    result = run_cli(["--root", sample, "audit"], today=TODAY)
    assert result.code == 0
    assert result.out.splitlines()[0] == "Recruiting mentees"
    summary = result.out.splitlines()[-1]
    assert summary.endswith("not applicable yet")
    for line in result.out.splitlines():
        if line.strip().startswith("fix:"):
            for name in line.split("fix:", 1)[1].replace(" and ", ", ").split(", "):
                if name.endswith(".yaml"):
                    assert (sample / name.strip()).is_file(), name
