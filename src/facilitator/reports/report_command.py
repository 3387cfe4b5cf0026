"""Headless reports and exports: ``facilitator report|notes|questions|summary``.

The event file is opened read-only, so these run beside the app during a session.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.model import Session
from facilitator.reports.whole_file import write_bytes_whole, write_whole
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as session_store
from facilitator.store.event_file import refuse_to_replace_event_file

if TYPE_CHECKING:
    from facilitator.reports.fonts import MissingCharacters


def _command_error(message: str) -> Exception:
    # EventFileError, not cli.CommandError: cli imports the GUI, and reports sit below it.
    # The command runner prints either as one line on stderr.
    return EventFileError(message)


def _session(ef: EventFile, session_id: int | None) -> Session:
    return session_store.session_or_first(ef, session_id, what="to report on")


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise _command_error(f"cannot write {path}: it is a folder; name the file to write")
    if not path.parent.exists():
        raise _command_error(f"cannot write {path}: the folder {path.parent} does not exist")


REPORT_FORMATS = ("pdf", "docx")


def _report_format(output: Path) -> str:
    fmt = output.suffix.lstrip(".").lower() or "pdf"
    if fmt not in REPORT_FORMATS:
        raise _command_error(f"cannot write a report as {output.suffix!r}: name the file "
                             ".pdf or .docx")
    return fmt


def report(args: argparse.Namespace) -> int:
    """Write one session's summary, the whole assembly's with ``--all``, or with several
    event files and ``--all`` the forum report; PDF or Word by the output's suffix."""
    from facilitator.reports.session_report import load_session_report

    output = Path(args.output)
    _check_output(output)
    fmt = _report_format(output)
    files = args.event_file if isinstance(args.event_file, list) else [args.event_file]
    page_size = getattr(args, "page_size", "A4") or "A4"
    language = report_language_of(args)
    missing: MissingCharacters | None = None
    if len(files) > 1:
        if not getattr(args, "all", False):
            raise _command_error("several event files make the forum report: add --all")
        count, missing = write_forum_report(files, output, page_size, language)
        what = f"{count} sessions of {len(files)} event files"
    else:
        with EventFile.open(files[0], read_only=True) as ef:
            if getattr(args, "all", False):
                count, missing = write_event_report(ef, output, page_size, language)
                what = f"{count} sessions"
            else:
                session = _session(ef, args.session)
                data = load_session_report(ef, session.stored_id)
                missing = write_whole(output, lambda target: _writer(
                    fmt, page_size, language).write_session(data, target))
                what = f"session {session.id}"
    print(f"wrote {output} ({what})")
    if missing is not None and missing.count:
        # Printed, but not whole: say so, with the characters, so they can be rewritten.
        print(f"warning: {missing.message(str(output))}", file=sys.stderr)
    return 0


def report_language_of(args: argparse.Namespace) -> str:
    """--language, else the interface's language if reports have it, else English."""
    from facilitator.reports.report_text import report_language

    chosen = getattr(args, "language", None)
    if chosen:
        return report_language(chosen)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").split(":")[0]
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            try:
                return report_language(value)
            except ValueError:
                return "en"
    return "en"


def _writer(fmt: str, page_size: str, language: str) -> Any:
    if fmt == "docx":
        from facilitator.reports.summary_docx import WordReport

        return WordReport(language)
    from facilitator.reports.summary_pdf import SummaryReport

    return SummaryReport(page_size, language)


def write_event_report(ef: EventFile, output: Path, page_size: str = "A4",
                       language: str = "en") -> tuple[int, MissingCharacters | None]:
    """The whole-event report (a cover, contents, every session) as one PDF or .docx (by
    the suffix), written whole or not at all; returns the number of sessions and the
    characters no shipped font has (None for Word, which uses the reader's fonts).
    Raises EventFileError."""
    from facilitator.reports.session_report import load_session_report

    reports = [load_session_report(ef, s.stored_id) for s in session_store.list_sessions(ef)]
    if not reports:
        raise _command_error(f"{ef.path} has no sessions to report on")
    fmt = _report_format(output)
    writer = _writer(fmt, page_size, language)
    event = session_store.get_event(ef)
    return len(reports), write_whole(
        output, lambda target: writer.write_assembly(event, reports, target))


def write_forum_report(files: Sequence[str | os.PathLike[str]], output: Path,
                       page_size: str = "A4", language: str = "en"
                       ) -> tuple[int, MissingCharacters | None]:
    """Several rooms' event files (each only read) as one forum report, PDF or .docx;
    returns the number of sessions and the unprintable characters. Raises EventFileError."""
    from facilitator.reports.forum_report import forum_numbers, load_forum
    from facilitator.reports.report_text import ReportText

    for name in files:
        if Path(name).resolve() == output.resolve():
            raise _command_error(f"{output} is one of the event files: write the report "
                                 "to another file")
    forum = load_forum(files)
    text = ReportText(language)
    fmt = _report_format(output)
    writer = _writer(fmt, page_size, language)
    titles = " · ".join(dict.fromkeys(e.title for e in forum.events if e.title))
    return len(forum.reports), write_whole(output, lambda target: writer.write_assembly(
        forum.events[0], forum.reports, target, title=text("forum_report"),
        subtitle=titles, before=forum_numbers(forum, text)))


def _emit(data: str | bytes, output: str | None) -> None:
    """Write to the file ``output`` through a temporary file (never half a file), else to
    standard output."""
    if output:
        path = Path(output)
        _check_output(path)
        # Text as UTF-8 bytes, newlines as they are (CSV keeps its CRLF).
        write_bytes_whole(path, data if isinstance(data, bytes) else data.encode("utf-8"))
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    elif (buffer := getattr(sys.stdout, "buffer", None)) is not None:
        # UTF-8 bytes, whatever the terminal's encoding: redirected on Windows (cp1252) or
        # under a legacy locale, text mode refused an Arabic name or an em dash half-way
        # through (a traceback and half a file), and turned CSV's CRLF into CR CR LF.
        sys.stdout.flush()
        buffer.write(data.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(data)


def _format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "")
    fmt = fmt or allowed[0]
    if fmt not in allowed:
        raise _command_error(f"cannot export as {fmt!r}: use --format {' or '.join(allowed)}")
    return fmt


def export(args: argparse.Namespace, what: str) -> int:
    """A session's questions, notes or timing log (or the agenda) as CSV, JSON or .xlsx:
    a file gets CSV with a UTF-8 BOM; standard output (no -o, or "-o -") gets plain text."""
    from facilitator.reports.exports import EXPORTS, export_data

    if args.output == "-":  # the usual spelling of standard output, not a file named "-"
        args.output = None

    fmt = _format(args, EXPORTS[what])
    if fmt == "xlsx" and not args.output:
        raise _command_error("a workbook (.xlsx) can only be written to a file: add -o FILE")
    with EventFile.open(args.event_file, read_only=True) as ef:
        data = export_data(ef, what, fmt, getattr(args, "session", None),
                           for_file=bool(args.output))
    _emit(data, args.output)
    return 0


def notes(args: argparse.Namespace) -> int:
    """A session's rapporteur notes as CSV, JSON or .xlsx."""
    return export(args, "notes")


def questions(args: argparse.Namespace) -> int:
    """A session's audience questions as CSV, JSON or .xlsx."""
    return export(args, "questions")


def timing(args: argparse.Namespace) -> int:
    """A session's timing log (planned against actual, per speaker) as CSV, JSON or .xlsx."""
    return export(args, "timing")


def polls(args: argparse.Namespace) -> int:
    """A session's live poll results (counts; answers without device ids) as CSV, JSON
    or .xlsx."""
    return export(args, "polls")


# What a Markdown summary may be called: Markdown, plain text, or no suffix at all.
SUMMARY_SUFFIXES = ("", ".md", ".markdown", ".txt")


def summary(args: argparse.Namespace) -> int:
    """A session's summary as Markdown (the saved one, else the draft from the notes)."""
    from facilitator.reports.exports import summary_markdown
    from facilitator.reports.poll_report import session_polls
    from facilitator.reports.session_report import current_summary
    from facilitator.store.time_zone import event_time_zone

    if args.output == "-":  # standard output, as for the other exports
        args.output = None
    if args.output:
        refuse_to_replace_event_file(Path(args.output))  # the graver refusal first
        suffix = Path(args.output).suffix
        # Markdown written into summary.pdf would exit 0 and open nowhere.
        if suffix.lower() not in SUMMARY_SUFFIXES:
            raise _command_error(
                f"cannot write the summary as {suffix!r}: it is Markdown, name the file .md "
                "(a PDF or Word summary: facilitator report EVENT_FILE -o FILE.pdf)")
    with EventFile.open(args.event_file, read_only=True) as ef:
        session = _session(ef, args.session)
        text, _ = current_summary(ef, session)
        event = session_store.get_event(ef)
        zone = event_time_zone(ef)
        polls = session_polls(ef, session)
    _emit(summary_markdown(session, text, event.title, zone, polls), args.output)
    return 0

