"""Golden files on the bundled sample programme: dashboard, sheet, charter, calendar, note list."""

from __future__ import annotations

from pathlib import Path

from conftest import snapshot

LEA = "lea-martin--paul-lambert"  # renewed: kept meeting after its sixth month


def test_sample_dashboard(sample: Path, run_cli, golden) -> None:
    text = run_cli(["status"], cwd=sample)
    assert text.code == 0, text.err
    golden("documents/sample-status.txt", text.out)
    json_view = run_cli(["status", "--format", "json"], cwd=sample)
    assert json_view.code == 0
    golden("documents/sample-status.json", json_view.out)


def test_sample_documents(sample: Path, run_cli, golden) -> None:
    assert run_cli(["sheet", LEA, "--format", "html"], cwd=sample).code == 0
    golden(f"documents/sample-sheet-{LEA}.html", (sample / "out" / f"sheet-{LEA}.html").read_text(encoding="utf-8"))
    assert run_cli(["charter", LEA, "--format", "html"], cwd=sample).code == 0
    golden(f"documents/sample-charter-{LEA}.html", (sample / "out" / f"charter-{LEA}.html").read_text(encoding="utf-8"))
    assert run_cli(["calendar", LEA], cwd=sample).code == 0
    golden(
        f"documents/sample-calendar-{LEA}.ics",
        # iCalendar lines end in CRLF; the golden file is kept with plain newlines.
        (sample / "out" / f"calendar-{LEA}.ics").read_bytes().decode("utf-8").replace("\r\n", "\n"),
    )
    listing = run_cli(["note", "list", LEA], cwd=sample)
    assert listing.code == 0
    golden(f"documents/sample-notes-{LEA}.txt", listing.out)


def test_sample_all_documents_are_byte_identical_on_rerun(sample: Path, run_cli) -> None:
    commands = [["charter", "--all", "--format", "html"], ["sheet", "--all", "--format", "html"], ["sheet", "--all"], ["calendar", "--all"]]
    for command in commands:
        assert run_cli(command, cwd=sample).code == 0
    first = snapshot(sample / "out")
    confirmed = sum(1 for p in (sample / "pairs").glob("*.yaml") if "status: confirmed" in p.read_text())
    assert len(first) == 3 * confirmed + 1
    for command in commands:
        assert run_cli([*command, "--force"], cwd=sample).code == 0
    assert snapshot(sample / "out") == first


def test_sample_note_bodies_stay_private(sample: Path, run_cli) -> None:
    bodies = []
    for note in (sample / "notes").rglob("*.md"):
        body = note.read_text(encoding="utf-8").split("\n---", 1)[1]
        bodies += [line.strip() for line in body.splitlines() if len(line.strip()) > 25]
    assert bodies, "the sample should have note bodies to protect"
    outputs = []
    for command in (
        ["charter", "--all", "--format", "html"],
        ["sheet", "--all"],
        ["calendar", "--all"],
        ["status"],
        ["status", "--format", "json"],
        ["note", "list"],
        ["note", "list", "--format", "json"],
    ):
        result = run_cli(command, cwd=sample)
        outputs.append(result.out + result.err)
    outputs += [p.read_bytes().decode("utf-8") for p in (sample / "out").iterdir()]
    everything = "\n".join(outputs)
    leaked = [line for line in bodies if line in everything]
    assert leaked == []
