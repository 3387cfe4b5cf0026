"""The ``facilitator`` command: open the app, or work on an event file from scripts.

Every error a user can cause ends as one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from facilitator import __version__

COMMANDS = ("new", "import", "export", "serve", "report", "notes", "questions", "timing",
            "summary", "polls")


class CommandError(Exception):
    """A user-facing failure of a command; its text is the whole message."""


def _new(args: argparse.Namespace) -> int:
    from facilitator.store.agenda_io import create_event_file

    create_event_file(Path(args.event_file), None if args.empty else args.sample)
    kind = "an empty event" if args.empty else f"the {args.sample} sample event"
    print(f"created {args.event_file} with {kind}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from facilitator.actions import sessions
    from facilitator.actions.actor import CLI
    from facilitator.actions.command import run
    from facilitator.store import EventFile

    with EventFile.open(args.event_file) as event_file:
        print(run(event_file, CLI, sessions.import_agenda(Path(args.agenda))).result)
    return 0


def _export(args: argparse.Namespace) -> int:
    from facilitator.reports.report_command import export

    return export(args, "agenda")


def _serve(args: argparse.Namespace) -> int:
    from facilitator.audience.serve_command import serve

    return serve(args)


def _report(args: argparse.Namespace) -> int:
    from facilitator.reports.report_command import report

    return report(args)


def _session_export(name: str) -> Callable[[argparse.Namespace], int]:
    """notes / questions / summary exports, loaded only when run."""
    def run(args: argparse.Namespace) -> int:
        from facilitator.reports import report_command

        return getattr(report_command, name)(args)

    return run


def _port(text: str) -> int:
    """A TCP port from the command line: 0 (any free one) to 65535, else argparse's
    one-line usage error rather than a traceback from the socket."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0 to 65535)")
    return port


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facilitator")
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="create an event file")
    new.add_argument("event_file")
    kind = new.add_mutually_exclusive_group()
    kind.add_argument("--sample", default="walrg", choices=["walrg"],
                      help="start from a built-in event (default: walrg)")
    kind.add_argument("--empty", action="store_true", help="start with no sessions")
    new.set_defaults(run=_new)

    imp = sub.add_parser("import", help="import an agenda (.json, .csv or .xlsx) into an "
                         "event file")
    imp.add_argument("event_file")
    imp.add_argument("agenda")
    imp.set_defaults(run=_import)

    exp = sub.add_parser("export", help="export the event's agenda")
    exp.add_argument("event_file")
    exp.add_argument("--format", choices=["json", "csv", "xlsx"])
    exp.add_argument("-o", "--output", help="file to write (default: standard output)")
    exp.set_defaults(run=_export)

    serve = sub.add_parser("serve", help="serve the phone page without the app")
    serve.add_argument("event_file")
    serve.add_argument("--session", type=int, help="session id (default: the first)")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on")
    serve.add_argument("--port", type=_port, default=None,
                       help="port (default 8765 or a free one; 0: any free one)")
    serve.add_argument("--proxy", metavar="ADDRESS",
                       help="a reverse proxy's address: believe its X-Forwarded-For")
    serve.add_argument("--proxy-host", metavar="NAME",
                       help="the public host name the proxy serves this under")
    serve.set_defaults(run=_serve)

    report = sub.add_parser(
        "report", help="print the session summary as a PDF or Word document",
        description="Several event files with --all make the forum report: every room's "
                    "sessions in one document (each file is only read).")
    report.add_argument("event_file", nargs="+", help="the event file (or several rooms')")
    which = report.add_mutually_exclusive_group()
    which.add_argument("--session", type=int, help="session id (default: the first)")
    which.add_argument("--all", action="store_true",
                       help="the whole assembly (with several files: the forum report)")
    report.add_argument("-o", "--output", required=True,
                        help="the file to write: .pdf, or .docx for Word")
    report.add_argument("--page-size", choices=["A4", "Letter"], default="A4")
    report.add_argument("--language", choices=["ar", "zh", "en", "fr", "ru", "es"],
                        help="the report's headings and fixed texts (default: the "
                             "interface language, else English)")
    report.set_defaults(run=_report)

    for name, what, formats in (("notes", "the rapporteur notes", ["csv", "json", "xlsx"]),
                                ("questions", "the audience questions",
                                 ["csv", "json", "xlsx"]),
                                ("timing", "the timing log (planned against actual)",
                                 ["csv", "json", "xlsx"]),
                                ("polls", "the live poll results (no device ids)",
                                 ["csv", "json", "xlsx"]),
                                ("summary", "the session summary as Markdown", None)):
        export = sub.add_parser(name, help=f"export {what} of a session")
        export.add_argument("event_file")
        export.add_argument("--session", type=int, help="session id (default: the first)")
        if formats:
            export.add_argument("--format", choices=formats)
        export.add_argument("-o", "--output", help="file to write (default: standard output)")
        export.set_defaults(run=_session_export(name))
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run live panel sessions. Commands: " + ", ".join(COMMANDS)
        + " (facilitator COMMAND --help).",
    )
    parser.add_argument("event_file", nargs="?", help="the event file to open")
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    return parser


def _run_guarded(run: Callable[[], int]) -> int:
    from facilitator.actions.errors import UserError
    from facilitator.core.agenda import AgendaError
    from facilitator.store import EventFileError

    try:
        return run()
    except (CommandError, EventFileError, AgendaError, UserError) as error:
        print(f"facilitator: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"facilitator: error: {error.strerror or error}"
              + (f": {error.filename}" if error.filename else ""), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _messages_never_fail() -> None:
    """Messages print whatever the terminal can show: a name it cannot encode (an event
    file named in Latin-1 under a UTF-8 locale, an Arabic title on a cp1252 console) shows
    as escapes, as Python's own stderr does, instead of a traceback after the work is
    done. Exports to standard output are UTF-8 bytes (report_command._emit)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        _messages_never_fail()
        from facilitator.store.lock import announce_program

        args = _command_parser().parse_args(argv)
        # Another opener of the event file is told it is this command (or the phone
        # server), not "another facilitator window"; the window again after it (main()
        # called in a process that goes on: the tests).
        previous = announce_program(argv[0])
        try:
            return _run_guarded(lambda: args.run(args))
        finally:
            announce_program(previous)
    args = _app_parser().parse_args(argv)
    from facilitator.gui.app import run_app

    return _run_guarded(lambda: run_app(args.event_file))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
