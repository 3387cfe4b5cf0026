"""The rapporteur's desk: notes from a laptop or tablet, the summary's sections, its PDF.

Routes (a rapporteur link's token; see audience/roles.py for the checks every route makes):

=====================================  ==================================================
``GET /api/r/{token}/rapporteur``      the room's session, who speaks now, the speakers,
                                       note kinds and tags, the notes (ETag: poll it)
``POST /api/r/{token}/notes``          a note ``{client_id, text, kind, tags, slot,
                                       typed_at, sent_at, session}`` → 201 (stored) or 200
                                       (it was already: a resend), ``{"note": …,
                                       "created", "speaker_removed", "session_removed"}``
``GET /api/r/{token}/summary``         the summary's sections with their revisions (ETag)
``POST /api/r/{token}/summary/{key}``  ``{text, base}`` → 200 ``{"section": …}``, or 409
                                       ``{"error": "conflict", "section", "theirs",
                                       "revision"}`` when someone saved it meanwhile
``GET /r/{token}/summary.pdf``         the summary PDF, as the laptop's Summary tab makes it
=====================================  ==================================================

Exactly once: the page gives each note a random ``client_id`` and keeps it in the browser
until the laptop has answered; the event file's unique index on it makes every resend a
no-op (actions.notes.take_note). Typed when: the page sends when it typed the note and when
it sent it, both on its own clock, so their difference — the note's age — needs no clock
agreement with the laptop; the note is stamped and linked to the speaker at
``now - age`` on the laptop's clock.

Never lost: a note typed offline about a speaker the laptop removed meanwhile is kept in
its session with no speaker (``speaker_removed``); one typed in a session removed
meanwhile is kept in the room's session (``session_removed``). The page says which, in
its language.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions import notes
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import SessionId, SlotId
from facilitator.audience.app import PhoneError
from facilitator.audience.limits import (
    NOTE_MAX_BODY,
    NOTE_MAX_CHARACTERS,
    NOTE_MAX_TAGS,
    NOTE_TAG_MAX_CHARACTERS,
    SUMMARY_MAX_BODY,
    SUMMARY_SECTION_MAX_CHARACTERS,
)
from facilitator.audience.roles import (
    ROLE_PAGES,
    Role,
    RoleAccess,
    TeamApp,
    role_link,
    tag_choices_json,
)
from facilitator.core.model import Session
from facilitator.core.notes import (
    Note,
    NoteKind,
    is_section_key,
    note_speaker,
    section_keys,
    section_text,
)
from facilitator.core.text import normalise_text
from facilitator.core.timer import Phase
from facilitator.reports.session_report import current_summary, speaker_names
from facilitator.store import EventFile, EventFileError
from facilitator.store import notes as note_store
from facilitator.store import summaries as summary_store
from facilitator.store.sessions import get_session
from facilitator.store.time_zone import event_time_zone

ROLE_PAGES[Role.RAPPORTEUR] = "rapporteur.html"

_CLIENT_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
# A note queued offline this long ago is still stamped by its age; older ages (a clock
# jump on the device) are taken as "just now" rather than as a day ago.
MAX_NOTE_AGE = 12 * 3600.0
# The settings the laptop's File › Export menu keeps (gui/export_menu.py).
_REPORT_LANGUAGE, _PAGE_SIZE = "report.language", "report.page_size"


def _no_store(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={"cache-control": "no-store"})


def _room_session(access: RoleAccess) -> Session:
    session_id = access.team.room_session_id()
    if session_id is None:
        raise PhoneError(409, "no_session", "The event has no session yet.")
    return get_session(access.team.file, session_id)


def _note_json(note: Note, names: dict[int, str]) -> dict[str, Any]:
    return {"id": note.id, "client_id": note.client_id, "text": note.text,
            "kind": note.kind.value, "tags": list(note.tags), "slot": note.slot_id,
            "speaker": note_speaker(note, names),
            "at": note.created_at, "by": note.taken_by}


def _speaking(session: Session, *, next_up: bool = False) -> dict[str, Any] | None:
    """The cursor's speaker if their turn is under way (running or paused); with
    ``next_up``, if it has not started yet (Next pressed): "speaking now" is only the one."""
    phases = {Phase.NOT_STARTED} if next_up else {Phase.RUNNING, Phase.PAUSED}
    for slot in session.slots:
        if slot.id is not None and slot.id == session.current_slot_id \
                and slot.phase in phases:
            return {"slot": slot.id, "name": slot.person.name,
                    "affiliation": slot.person.affiliation}
    return None


# --- the desk's state ---------------------------------------------------------------------


async def desk(request: Request) -> Response:
    access = await role_link(request, (Role.RAPPORTEUR,))
    session = _room_session(access)
    names = speaker_names(session)
    data = {
        "session": {"id": session.id, "title": session.title,
                    "questions": list(session.guiding_questions)},
        "zone": event_time_zone(access.team.file).key,
        "speaking": _speaking(session),
        "next": _speaking(session, next_up=True),
        "speakers": [{"slot": slot.id, "name": slot.person.name}
                     for slot in session.slots],
        "kinds": [kind.value for kind in NoteKind],
        "tags": tag_choices_json(session),
        "notes": [_note_json(note, names)
                  for note in note_store.list_notes(access.team.file, session.stored_id)],
        "name": access.link.name,
    }
    return access.team.phones.json_with_etag(request, data)


# --- notes ------------------------------------------------------------------------------------


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise PhoneError(400, "invalid", f"\"{key}\" must be text.")
    return value


def _instant(data: dict[str, Any], key: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value \
            or not 0 <= value < 1e15:
        raise PhoneError(400, "invalid", f"\"{key}\" must be a time in milliseconds.")
    return float(value)


def typed_at(data: dict[str, Any], now: float) -> float:
    """When the note was typed, on the laptop's clock: now less its age on the device's
    clock (``sent_at - typed_at``, milliseconds). Raises PhoneError for bad values."""
    age = (_instant(data, "sent_at") - _instant(data, "typed_at")) / 1000.0
    return now - age if 0 <= age <= MAX_NOTE_AGE else now


def _note_command(data: dict[str, Any], session: Session, now: float, by: str
                  ) -> tuple[Any, bool]:
    """The take_note command for ``data``, and whether the speaker it names was removed
    from the session meanwhile (the note is then kept with no speaker)."""
    client_id = data.get("client_id")
    if not isinstance(client_id, str) or not _CLIENT_ID.match(client_id):
        raise PhoneError(400, "invalid", "\"client_id\" must be 8 to 64 letters, digits or "
                         "dashes (the page makes one per note).")
    kind = NoteKind.NOTE
    if "kind" in data:
        try:
            kind = NoteKind(data["kind"])
        except ValueError:
            raise PhoneError(400, "invalid", "\"kind\" must be one of: "
                             + ", ".join(k.value for k in NoteKind) + ".") from None
    tags = data.get("tags", [])
    if not isinstance(tags, list) or len(tags) > NOTE_MAX_TAGS or not all(
            isinstance(tag, str) and len(tag) <= NOTE_TAG_MAX_CHARACTERS for tag in tags):
        raise PhoneError(400, "invalid", f"\"tags\" must be a list of at most "
                         f"{NOTE_MAX_TAGS} short texts.")
    text = _text(data, "text")
    if len(text) > NOTE_MAX_CHARACTERS:
        # "too_large", as a body over the limit: the desk says "too long, split it" in
        # its own language (resources/web/desk.js) and keeps the words on screen.
        raise PhoneError(413, "too_large", f"A note is at most {NOTE_MAX_CHARACTERS:,} "
                         "characters: split it into shorter notes.")
    # Tags are the Notes tab's choices, but a device could send any text: cleaned as names.
    tags = [normalise_text(tag) for tag in tags]
    slot: SlotId | notes.Speaker | None = notes.WHOEVER_SPOKE
    speaker_removed = False
    if "slot" in data and data["slot"] != "auto":
        chosen = data["slot"]
        # A list or object is refused before the lookup: unhashable, it would be a 500.
        if chosen is not None and (isinstance(chosen, bool)
                                   or not isinstance(chosen, int | float)
                                   or not 0 < chosen < 2**63 or chosen != int(chosen)):
            raise PhoneError(400, "invalid", "\"slot\" must be \"auto\", null or a speaker "
                             "of this session.")
        # A speaker the page listed, removed on the laptop while the note waited (a tablet
        # offline): the note is kept, naming nobody, and the page says why.
        speaker_removed = chosen is not None and chosen not in {s.id for s in session.slots}
        # int(): one of the session's ids, though JSON may spell it 3.0.
        slot = None if chosen is None or speaker_removed else SlotId(int(chosen))
    return notes.take_note(SessionId(session.stored_id), text, client_id=client_id,
                           typed_at=typed_at(data, now), kind=kind, tags=tuple(tags),
                           slot_id=slot, taken_by=by), speaker_removed


async def add_note(request: Request) -> Response:
    access = await role_link(request, (Role.RAPPORTEUR,))
    data = await access.team.read_json(request, max_body=NOTE_MAX_BODY)
    session = _room_session(access)
    # A resend after a restart may arrive once the room moved to another session: the
    # note belongs to the session it was typed in, which the page names.
    wanted = data.get("session", session.id)
    session_removed = False
    if wanted != session.id:
        # Beyond SQLite's integers an id would be an OverflowError (a 500), not a 4xx.
        if isinstance(wanted, bool) or not isinstance(wanted, int) or not 0 < wanted < 2**63:
            raise PhoneError(400, "invalid", "\"session\" must be a session's id.")
        try:
            session = get_session(access.team.file, SessionId(wanted))
        except EventFileError:
            # Removed on the laptop while the note waited: kept in the room's session
            # rather than lost, and its speaker there is nobody's (another session's).
            session_removed = True
            data = {**data, "slot": None}
    command, speaker_removed = _note_command(data, session, access.team.clock.now(),
                                             str(access.actor))
    note, created = access.team.run(access, command).result
    return _no_store({"note": _note_json(note, speaker_names(session)), "created": created,
                      "speaker_removed": speaker_removed and note.slot_id is None,
                      "session_removed": session_removed},
                     201 if created else 200)


# --- the summary ------------------------------------------------------------------------------


def _sections(ef: EventFile, session: Session) -> dict[str, Any]:
    summary, is_draft = current_summary(ef, session)
    saved = summary_store.get_summary_with_revisions(ef, session.stored_id)
    revisions = saved[1] if saved is not None else {}
    keys = section_keys(summary, len(session.guiding_questions))
    return {"session": {"id": session.id, "title": session.title,
                        "questions": list(session.guiding_questions)},
            "draft": is_draft,
            "sections": [{"key": key, "text": section_text(summary, key),
                          "revision": revisions.get(key, 0)} for key in keys]}


async def summary(request: Request) -> Response:
    access = await role_link(request, (Role.RAPPORTEUR,))
    session = _room_session(access)
    return access.team.phones.json_with_etag(request, _sections(access.team.file, session))


async def save_section(request: Request) -> Response:
    access = await role_link(request, (Role.RAPPORTEUR,))
    key = request.path_params["key"]
    if not is_section_key(key):
        raise PhoneError(404, "section_gone", "The summary has no such section.")
    data = await access.team.read_json(request, max_body=SUMMARY_MAX_BODY)
    text, base = _text(data, "text"), data.get("base")
    if len(text) > SUMMARY_SECTION_MAX_CHARACTERS:
        raise PhoneError(413, "too_large", "A section of the summary is at most "
                         f"{SUMMARY_SECTION_MAX_CHARACTERS:,} characters.")
    if isinstance(base, bool) or not isinstance(base, int) or not 0 <= base < 2**31:
        raise PhoneError(400, "invalid", "\"base\" must be the section's revision the text "
                         "was written from.")
    session = _room_session(access)
    wanted = data.get("session", session.id)
    if wanted != session.id:
        raise PhoneError(409, "other_session", "The room moved to another session; reload "
                         "the summary.")
    draft, is_draft = current_summary(access.team.file, session)
    try:
        revisions = access.team.run(access, notes.save_summary_section(
            SessionId(session.stored_id), key, text, base=base, at=access.team.clock.now(),
            draft=draft if is_draft else None)).result
    except UserError as error:
        if error.code is Code.NO_SUCH_SECTION:  # answer.7 with three guiding questions
            # Not "not_found": the page takes that for a dead link.
            raise PhoneError(404, "section_gone", "The summary has no such section.") from None
        if error.code is not Code.SUMMARY_SECTION_CHANGED:
            raise
        return _no_store({"error": "conflict", "message": str(error), "section": key,
                          "theirs": error.params["theirs"],
                          "revision": error.params["revision"]}, 409)
    return _no_store({"section": {"key": key, "text": text,
                                  "revision": revisions.get(key, 0)}})


async def summary_pdf(request: Request) -> Response:
    """The PDF, made on a worker thread with its own read-only connection: a few hundred
    milliseconds of reportlab must not hold up the phones' event loop."""
    access = await role_link(request, (Role.RAPPORTEUR,))
    session = _room_session(access)
    ef = access.team.file
    language = ef.get_setting(_REPORT_LANGUAGE, "") or "en"
    page_size = ef.get_setting(_PAGE_SIZE, "A4")
    now = access.team.clock.now()
    body = await run_in_threadpool(_pdf_bytes, ef.path, session.stored_id, now, language,
                                   page_size)
    name = f"summary-{session.id}.pdf"
    return Response(body, media_type="application/pdf",
                    headers={"cache-control": "no-store",
                             "content-disposition": f'attachment; filename="{name}"'})


def _pdf_bytes(path: Path, session_id: int, now: float, language: str,
               page_size: str) -> bytes:
    from facilitator.reports.report_text import report_language
    from facilitator.reports.session_report import load_session_report
    from facilitator.reports.summary_pdf import SummaryReport

    try:
        language = report_language(language)
    except ValueError:
        language = "en"
    ef = EventFile.open(path, read_only=True)
    try:
        report = load_session_report(ef, session_id, now)
    finally:
        ef.close()
    with tempfile.TemporaryDirectory(prefix="facilitator-desk-") as folder:
        target = Path(folder) / "summary.pdf"
        # Beside the laptop's own PDFs on other threads: reportlab's shared font tables
        # are taken one step at a time (reports/fonts.py FONT_TABLES).
        SummaryReport(page_size if page_size in ("A4", "Letter") else "A4",
                      language).write_session(report, target)
        return target.read_bytes()


def routes(team: TeamApp) -> list[Route]:
    return [
        Route("/api/r/{token}/rapporteur", desk),
        Route("/api/r/{token}/notes", add_note, methods=["POST"]),
        Route("/api/r/{token}/summary", summary),
        Route("/api/r/{token}/summary/{key}", save_section, methods=["POST"]),
        Route("/r/{token}/summary.pdf", summary_pdf),
    ]
