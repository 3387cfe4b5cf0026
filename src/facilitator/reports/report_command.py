"""Headless reports and exports: ``facilitator report|notes|questions|summary``.

The event file is opened read-only, so these run beside the app during a session.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from facilitator.core.model import Session
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as session_store


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
        raise _command_error(f"{path} is a folder; name the file to write")
    if not path.parent.exists():
        raise _command_error(f"the folder {path.parent} does not exist")


def report(args: argparse.Namespace) -> int:
    """Write one session's summary PDF, or the whole assembly's with ``--all``."""
    from facilitator.reports.session_report import load_session_report
    from facilitator.reports.summary_pdf import SummaryReport

    output = Path(args.output)
    _check_output(output)
    writer = SummaryReport(getattr(args, "page_size", "A4") or "A4")
    partial = output.with_name(output.name + ".partial")
    with EventFile.open(args.event_file, read_only=True) as ef:
        try:
            if getattr(args, "all", False):
                reports = [load_session_report(ef, s.id) for s in session_store.list_sessions(ef)]
                if not reports:
                    raise _command_error(f"{ef.path} has no sessions to report on")
                missing = writer.write_assembly(session_store.get_event(ef), reports, partial)
                what = f"{len(reports)} sessions"
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


def _emit(text: str, output: str | None) -> None:
    if output:
        path = Path(output)
        _check_output(path)
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_text(text, encoding="utf-8", newline="")
            partial.replace(path)
        except OSError as error:
            raise _command_error(f"cannot write {path}: {error.strerror or error}") from None
        finally:
            partial.unlink(missing_ok=True)
    else:
        sys.stdout.write(text)


def _format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "")
    fmt = fmt or allowed[0]
    if fmt not in allowed:
        raise _command_error(f"cannot export as {fmt!r}: use --format {' or '.join(allowed)}")
    return fmt


def notes(args: argparse.Namespace) -> int:
    """A session's rapporteur notes as CSV or JSON."""
    from facilitator.reports.exports import NOTE_FIELDS, as_csv, as_json, note_rows

    fmt = _format(args, ("csv", "json"))
    with EventFile.open(args.event_file, read_only=True) as ef:
        session = _session(ef, args.session)
        rows = note_rows(ef, session)
    _emit(as_csv(rows, NOTE_FIELDS) if fmt == "csv" else as_json(session, "notes", rows),
          args.output)
    return 0


def questions(args: argparse.Namespace) -> int:
    """A session's audience questions as CSV or JSON."""
    from facilitator.reports.exports import QUESTION_FIELDS, as_csv, as_json, question_rows

    fmt = _format(args, ("csv", "json"))
    with EventFile.open(args.event_file, read_only=True) as ef:
        session = _session(ef, args.session)
        rows = question_rows(ef, session)
    _emit(as_csv(rows, QUESTION_FIELDS) if fmt == "csv"
          else as_json(session, "questions", rows), args.output)
    return 0


def summary(args: argparse.Namespace) -> int:
    """A session's summary as Markdown (the saved one, else the draft from the notes)."""
    from facilitator.reports.exports import summary_markdown
    from facilitator.reports.session_report import current_summary

    with EventFile.open(args.event_file, read_only=True) as ef:
        session = _session(ef, args.session)
        text, _ = current_summary(ef, session)
        event = session_store.get_event(ef)
    _emit(summary_markdown(session, text, event.title), args.output)
    return 0

