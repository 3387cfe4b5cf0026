"""Headless reports and exports: ``facilitator report|notes|questions|summary``.

The event file is opened read-only, so these run beside the app during a session.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.model import Session
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as session_store

if TYPE_CHECKING:
    from facilitator.reports.fonts import MissingCharacters


def _command_error(message: str) -> Exception:
    # EventFileError, not cli.CommandError: cli imports the GUI, and reports sit below it.
    # The command runner prints either as one line on stderr.
    return EventFileError(message)


def _session(ef: EventFile, session_id: int | None) -> Session:
    if session_id is None:
        sessions = session_store.list_sessions(ef)
        if not sessions:
            raise _command_error(f"{ef.path} has no sessions to report on")
        session_id = sessions[0].id
    return session_store.get_session(ef, session_id)


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise _command_error(f"cannot write {path}: it is a folder; name the file to write")
    if not path.parent.exists():
        raise _command_error(f"cannot write {path}: the folder {path.parent} does not exist")


def report(args: argparse.Namespace) -> int:
    """Write one session's summary PDF, or the whole assembly's with ``--all``."""
    from facilitator.reports.session_report import load_session_report
    from facilitator.reports.summary_pdf import SummaryReport

    output = Path(args.output)
    _check_output(output)
    page_size = getattr(args, "page_size", "A4") or "A4"
    writer = SummaryReport(page_size)
    partial = output.with_name(output.name + ".partial")
    with EventFile.open(args.event_file, read_only=True) as ef:
        try:
            if getattr(args, "all", False):
                count, missing = write_event_report(ef, output, page_size)
                what = f"{count} sessions"
            else:
                session = _session(ef, args.session)
                missing = writer.write_session(load_session_report(ef, session.id), partial)
                what = f"session {session.id}"
                os.replace(partial, output)
        except OSError as error:
            raise _command_error(f"cannot write {output}: {error.strerror or error}") from None
        finally:
            partial.unlink(missing_ok=True)
    print(f"wrote {output} ({what})")
    if missing.count:
        # Printed, but not whole: say so, with the characters, so they can be rewritten.
        print(f"warning: {missing.message(str(output))}", file=sys.stderr)
    return 0


def write_event_report(ef: EventFile, output: Path,
                       page_size: str = "A4") -> tuple[int, MissingCharacters]:
    """The whole-event report (a cover, contents, every session) as one PDF, written whole
    or not at all; returns the number of sessions and the characters no shipped font has.
    Raises EventFileError or OSError."""
    from facilitator.reports.session_report import load_session_report
    from facilitator.reports.summary_pdf import SummaryReport

    reports = [load_session_report(ef, s.id) for s in session_store.list_sessions(ef)]
    if not reports:
        raise _command_error(f"{ef.path} has no sessions to report on")
    partial = output.with_name(output.name + ".partial")
    try:
        missing = SummaryReport(page_size).write_assembly(session_store.get_event(ef), reports,
                                                          partial)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return len(reports), missing


def _emit(data: str | bytes, output: str | None) -> None:
    """Write to the file ``output`` through a temporary file (never half a file), else to
    standard output."""
    if output:
        path = Path(output)
        _check_output(path)
        partial = path.with_name(path.name + ".partial")
        try:
            if isinstance(data, bytes):
                partial.write_bytes(data)
            else:
                partial.write_text(data, encoding="utf-8", newline="")
            partial.replace(path)
        except OSError as error:
            raise _command_error(f"cannot write {path}: {error.strerror or error}") from None
        finally:
            partial.unlink(missing_ok=True)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
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


def summary(args: argparse.Namespace) -> int:
    """A session's summary as Markdown (the saved one, else the draft from the notes)."""
    from facilitator.reports.exports import summary_markdown
    from facilitator.reports.session_report import current_summary
    from facilitator.store.time_zone import event_time_zone

    with EventFile.open(args.event_file, read_only=True) as ef:
        session = _session(ef, args.session)
        text, _ = current_summary(ef, session)
        event = session_store.get_event(ef)
        zone = event_time_zone(ef)
    _emit(summary_markdown(session, text, event.title, zone), args.output)
    return 0

