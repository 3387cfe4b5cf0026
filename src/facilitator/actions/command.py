"""A command: one named user action, and the one function that runs every command.

Anki's ``CollectionOp`` returning ``OpChanges`` is the model: a command validates, commits
its writes with one ``event_log`` line (who acted, and the rows undo puts back), and says
what changed. The caller — the GUI's runner, the phone server, the CLI — never writes to
the store itself.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.actions.actor import Actor
from facilitator.actions.changes import Changes, Kind
from facilitator.actions.errors import Code, UserError, file_problem
from facilitator.core.agenda_error import AgendaError
from facilitator.core.model import Session
from facilitator.store import EventFile, EventFileError, rows
from facilitator.store.rows import Part, Scope


class Label(enum.Enum):
    """What a command does, in English (the undo menu says "Undo: <label>")."""

    APPROVE_QUESTION = "approve question"
    REJECT_QUESTION = "not selected"
    REOPEN_QUESTION = "back to new"
    EDIT_QUESTION = "edit wording"
    STAR_QUESTION = "star question"
    TAG_QUESTION = "tag question"
    ANSWER_QUESTION = "mark answered"
    QUESTION_ON_SCREEN = "question on screen"
    MERGE_QUESTIONS = "merge {count} questions"
    OPEN_QUESTIONS = "open questions"
    CLOSE_QUESTIONS = "close questions"
    ADD_SPEAKER = "add speaker"
    EDIT_SPEAKER = "edit speaker"
    REMOVE_SPEAKER = "remove speaker"
    REORDER_SPEAKERS = "reorder speakers"
    CLOCK = "clock change"
    NEXT_SPEAKER = "next speaker"
    PREVIOUS_SPEAKER = "previous speaker"
    ADJUST_TIME = "add time"
    ADD_NOTE = "add note"
    EDIT_NOTE = "edit note"
    DELETE_NOTE = "delete note"
    EDIT_SUMMARY = "edit summary"
    ADD_SESSION = "add session"
    EDIT_SESSION = "edit session"
    REMOVE_SESSION = "remove session"
    EDIT_EVENT = "edit event"
    STAGE_MESSAGE = "stage message"
    IMPORT_AGENDA = "import agenda"
    SEND_QUESTION = "send question"
    VOTE = "vote"
    CREATE_ROLE_LINK = "create team link"
    REVOKE_ROLE_LINK = "revoke team link"
    ASK_FOR_FLOOR = "ask for the floor"
    WITHDRAW_FLOOR_REQUEST = "withdraw floor request"
    ACCEPT_FLOOR_REQUEST = "accept floor request"
    DECLINE_FLOOR_REQUEST = "decline floor request"
    OPEN_FLOOR = "take floor requests"
    CLOSE_FLOOR = "stop floor requests"
    FLOOR_TIMES = "floor speaking times"
    ADD_POLL = "add poll"
    EDIT_POLL = "edit poll"
    REMOVE_POLL = "remove poll"
    REORDER_POLLS = "reorder polls"
    OPEN_POLL = "open poll"
    CLOSE_POLL = "close poll"
    SHOW_POLL_RESULTS = "show poll results"
    HIDE_POLL_RESULTS = "hide poll results"
    ANSWER_POLL = "answer poll"


@dataclass(frozen=True)
class Command:
    """One user action, ready to run on any connection to the event file.

    ``prepare(ef)`` validates (raising :class:`UserError`) and names the rows the action may
    change; ``write(ef)`` makes the change through store functions and returns a result
    (a new id, a question); ``added(ef, result)`` names rows the write created, which undo
    removes. ``slow`` commands run off the GUI thread.
    """

    label: Label
    session_id: int | None
    kinds: frozenset[Kind]
    prepare: Callable[[EventFile], Scope]
    write: Callable[[EventFile], Any]
    added: Callable[[EventFile, Any], Scope] = lambda _ef, _result: ()
    params: Mapping[str, Any] = field(default_factory=dict)
    undoable: bool = True
    slow: bool = False
    # Adds or removes sessions: views of every session, and the sessions list, refresh.
    event_wide: bool = False
    # Consecutive commands with the same key are one undo step (typing in a note).
    merge_key: tuple[Any, ...] | None = None
    # Set on the commands that put rows back: "undone", or "redone" for an undo's undo.
    restores: str = ""
    # The sessions (with slots) as the write left them, from the result, when the command
    # knows them without reading again: views take them (Changes.known), no second read.
    known: Callable[[Any], Sequence[Session]] = lambda _result: ()
    # The scope's rows as the write left them, from the result, when the command knows them
    # without reading again (the clock keys); None: read them after the write.
    after: Callable[[Any], Scope] | None = None
    # On a command that puts rows back: (the rows it puts back, the rows as the action it
    # undoes left them). It is refused when the rows are no longer as that action left them.
    restoring: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None = field(
        default=None, compare=False)

    @property
    def text(self) -> str:
        """The English label ("merge 3 questions")."""
        return self.label.value.format(**self.params)

    @property
    def changes(self) -> Changes:
        return Changes.of(None if self.event_wide else self.session_id, *self.kinds)


def together(commands: list[Command]) -> Command:
    """Several commands of one kind as one action and one undo step (approve 4 questions):
    named and counted by the first."""
    first = commands[0]
    if len(commands) == 1:
        return first

    def prepare(ef: EventFile) -> list[Part]:
        return [p for c in commands for p in c.prepare(ef)]

    def write(ef: EventFile) -> list[Any]:
        return [c.write(ef) for c in commands]

    return Command(first.label, first.session_id, frozenset().union(*(c.kinds for c in commands)),
                   prepare, write, params={**first.params, "count": len(commands)},
                   slow=any(c.slow for c in commands))


class Unchanged(Exception):
    """Raised by a command's ``prepare`` when there is nothing to do (Space with no
    speaker): nothing is written or logged, and there is nothing to undo."""


@dataclass(frozen=True)
class Done:
    """A committed command: what changed, how to undo it (None: it can't be), its result."""

    changes: Changes
    undo: Command | None
    label: Label
    params: Mapping[str, Any]
    result: Any = None


def run(ef: EventFile, actor: Actor, command: Command) -> Done:
    """Validate, commit (with the log line and undo snapshot), and say what changed.

    Raises :class:`UserError` for anything the user can act on; nothing is written then.
    """
    try:
        with ef.acting(str(actor)) as logged:
            scope = list(command.prepare(ef))
            snapshot = rows.take(ef, scope) if command.undoable else None
            if snapshot is not None:
                logged["undo"] = snapshot
            result = command.write(ef)
            if snapshot is not None:
                added = list(command.added(ef, result))
                snapshot += rows.take(ef, added)
                for part in snapshot[len(scope):]:
                    part["rows"] = []  # created by this action: undo removes them
                # The rows as this action leaves them: its undo checks they still are.
                after = rows.take(ef, [*(rows.scope_of(snapshot[:len(scope)])
                                         if command.after is None else command.after(result)),
                                       *rows.scope_of(snapshot[len(scope):])])
    except Unchanged:
        return Done(Changes.none(), None, command.label, command.params)
    except (EventFileError, AgendaError) as error:
        raise file_problem(error) from None
    verb = "redone" if command.restores == "undone" else "undone"
    undo = restore(snapshot, command, verb, after) if snapshot is not None else None
    changes = command.changes.knowing(command.known(result))
    return Done(changes, undo, command.label, command.params, result)


def restore(snapshot: list[dict[str, Any]], of: Command, verb: str = "undone",
            after: list[dict[str, Any]] | None = None) -> Command:
    """The command that puts back ``snapshot`` (undo of ``of``, logged as ``verb``); its
    own undo is the redo.

    ``after``: the same rows as ``of`` left them. When someone — the laptop, a team device,
    a phone — changed them since, putting the snapshot back would silently overwrite that
    change, so the undo is refused (``UserError(Code.UNDO_CHANGED_SINCE)``, nothing written).
    """

    def prepare(ef: EventFile) -> list[Part]:
        if after is not None and rows.changed_since(ef, after):
            raise UserError(Code.UNDO_CHANGED_SINCE)
        return rows.scope_of(snapshot)

    def write(ef: EventFile) -> None:
        with ef.action(verb, of.session_id, label=of.label.name):
            rows.put_back(ef, snapshot)

    return Command(of.label, of.session_id, of.kinds, prepare, write, params=of.params,
                   slow=of.slow, event_wide=of.event_wide, restores=verb,
                   restoring=(snapshot, after or []))


def merged_undo(first: Command, later: Command) -> Command:
    """One undo for two consecutive actions merged into one step (typing in a note): it
    puts back the rows as they were before ``first``'s action, and checks they are still as
    ``later``'s action left them."""
    if first.restoring is None or later.restoring is None:
        return first
    snapshot, first_after = first.restoring
    _, later_after = later.restoring
    verb = first.restores or "undone"
    return restore(snapshot, first, verb, rows.merged_after(first_after, later_after))
