"""``facilitator report|notes|questions|summary`` as a user runs them: real processes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from report_fixtures import add_question, international_session

from facilitator.store import EventFile


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def event_path(sample_path: Path) -> tuple[Path, int]:
    with EventFile.open(sample_path) as ef:
        session_id = international_session(ef)
        add_question(ef, session_id, "=HYPERLINK(\"http://x\")", status="approved")
    return sample_path, session_id


def test_report_one_session(event_path, tmp_path: Path) -> None:
    path, session_id = event_path
    target = tmp_path / "summary.pdf"
    result = run("report", path, "--session", session_id, "-o", target, "--page-size", "Letter")
    assert result.returncode == 0, result.stderr
    assert f"wrote {target}" in result.stdout
    reader = pypdf.PdfReader(target)
    assert "Panel on Łódź, Bakı and Москва" in reader.pages[0].extract_text()
    assert round(float(reader.pages[0].mediabox[3])) == 792
    assert not list(tmp_path.glob("*.partial"))


def test_report_all_sessions(event_path, tmp_path: Path) -> None:
    path, _ = event_path
    target = tmp_path / "assembly.pdf"
    result = run("report", path, "--all", "-o", target)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(target)
    assert "Contents" in reader.pages[1].extract_text()
    assert "4 sessions" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--session", "999"], "there is no session 999"),
    (["-o", "/no/such/folder/x.pdf"], "does not exist"),
])
def test_report_errors_are_one_line(event_path, tmp_path: Path, args, message) -> None:
    path, _ = event_path
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "x.pdf")]
    result = run("report", path, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_report_on_a_missing_or_wrong_file(tmp_path: Path) -> None:
    result = run("report", tmp_path / "nope.db", "-o", tmp_path / "x.pdf")
    assert result.returncode == 1 and "no event file" in result.stderr
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite")
    result = run("report", junk, "-o", tmp_path / "x.pdf")
    assert result.returncode == 1 and "not a facilitator event file" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_report_runs_while_the_app_holds_the_file(event_path, tmp_path: Path) -> None:
    path, session_id = event_path
    with EventFile.open(path):  # the app has it open and locked
        result = run("report", path, "--session", session_id, "-o", tmp_path / "x.pdf")
    assert result.returncode == 0, result.stderr


def test_notes_as_csv_and_json(event_path, tmp_path: Path) -> None:
    path, session_id = event_path
    result = run("notes", path, "--session", session_id, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["text"] == "Cities <b>lead</b> & deliver"
    assert rows[0]["speaker"] == "Gülşən Əliyeva"
    assert rows[0]["kind"] == "key_message" and rows[0]["tags"] == "Q1; SDG 11"
    target = tmp_path / "notes.json"
    result = run("notes", path, "--session", session_id, "-o", target)
    assert result.returncode == 0, result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["session"]["id"] == session_id
    assert [n["kind"] for n in data["notes"]][:4] == [
        "key_message", "recommendation", "commitment", "partnership_example"]


def test_questions_csv_is_safe_for_spreadsheets(event_path) -> None:
    path, session_id = event_path
    result = run("questions", path, "--session", session_id, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    assert rows[-1]["text"].startswith("'=HYPERLINK")
    answered = next(r for r in rows if r["status"] == "answered")
    assert answered["answered_by"] == "Gülşən Əliyeva"
    result = run("questions", path, "--session", session_id, "--format", "json")
    assert json.loads(result.stdout)["questions"][-1]["text"].startswith("=HYPERLINK")


def test_summary_as_markdown(event_path, tmp_path: Path) -> None:
    path, session_id = event_path
    target = tmp_path / "summary.md"
    result = run("summary", path, "--session", session_id, "-o", target)
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "# Panel on Łódź, Bakı and Москва" in text
    assert "## Key messages" in text and "## Way forward" in text
    assert "### Q1. How do cities finance housing?" in text
    assert "- Cities \\<b\\>lead\\</b\\> & deliver (Gülşən Əliyeva)" in text



@pytest.mark.parametrize("name", ["summary.pdf", "summary.docx", "summary.csv"])
def test_a_summary_named_as_another_format_is_refused(event_path, tmp_path: Path,
                                                      name: str) -> None:
    """Before: `facilitator summary ev.db -o summary.pdf` wrote Markdown into summary.pdf
    (exit 0), a file no PDF reader opens, found only when it was sent on."""
    path, session_id = event_path
    target = tmp_path / name
    result = run("summary", path, "--session", session_id, "-o", target)
    assert result.returncode == 1
    suffix = target.suffix
    assert result.stderr.strip() == (
        f"facilitator: error: cannot write the summary as {suffix!r}: it is Markdown, name "
        "the file .md (a PDF or Word summary: facilitator report EVENT_FILE -o FILE.pdf)")
    assert not target.exists()


@pytest.mark.parametrize("name", ["summary.md", "summary.markdown", "summary.txt", "summary"])
def test_a_summary_named_as_text_is_written(event_path, tmp_path: Path, name: str) -> None:
    path, session_id = event_path
    target = tmp_path / name
    result = run("summary", path, "--session", session_id, "-o", target)
    assert result.returncode == 0, result.stderr
    assert "# Panel on Łódź, Bakı and Москва" in target.read_text(encoding="utf-8")


def test_a_summary_to_dash_goes_to_standard_output(event_path, tmp_path: Path) -> None:
    """"-o -" is standard output, as for notes, questions and timing. Before: a file
    named "-" in the current folder, and nothing printed."""
    path, session_id = event_path
    here = tmp_path / "here"
    here.mkdir()
    result = subprocess.run([sys.executable, "-m", "facilitator", "summary", str(path),
                             "--session", str(session_id), "-o", "-"],
                            capture_output=True, text=True, timeout=120, cwd=here)
    assert result.returncode == 0, result.stderr
    assert "# Panel on Łódź, Bakı and Москва" in result.stdout
    assert list(here.iterdir()) == []

def test_export_format_errors(event_path, tmp_path: Path) -> None:
    path, _ = event_path
    result = run("notes", path, "-o", tmp_path / "notes.txt")
    assert result.returncode == 1 and "use --format csv or json" in result.stderr
