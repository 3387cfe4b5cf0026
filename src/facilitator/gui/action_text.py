"""The command layer's words — its user errors and its action names — in the app's language.

actions/ is Qt-free, so each code and label carries its English text; ``ACTION_TEXTS``
registers every one for lupdate (context "actions"), and tests/unit/test_action_runner.py
checks that it covers them all and that each has a French and a Spanish text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from facilitator.actions.command import Label
from facilitator.actions.errors import UserError, file_problem
from facilitator.core.agenda_error import AgendaError
from facilitator.store import EventFileError

ACTION_TEXTS = (
    # actions.errors.Code
    QT_TRANSLATE_NOOP("actions", "There is no session {session_id} in this event."),
    QT_TRANSLATE_NOOP("actions", "That speaker is no longer on the list."),
    QT_TRANSLATE_NOOP("actions", "That question is no longer there."),
    QT_TRANSLATE_NOOP("actions", "That note is no longer there."),
    QT_TRANSLATE_NOOP("actions", "A session needs a title."),
    QT_TRANSLATE_NOOP("actions", "Choose at least two questions to merge."),
    QT_TRANSLATE_NOOP("actions", "Questions from different sessions cannot be merged."),
    QT_TRANSLATE_NOOP("actions", "That question was already merged into another one."),
    QT_TRANSLATE_NOOP("actions", "Approve the question before putting it on screen."),
    QT_TRANSLATE_NOOP("actions", "The question cannot be saved: {reason}"),
    QT_TRANSLATE_NOOP("actions", "The name cannot be saved: {reason}"),
    QT_TRANSLATE_NOOP("actions", "A note needs some text."),
    QT_TRANSLATE_NOOP("actions", "The summary has no section {section}."),
    QT_TRANSLATE_NOOP("actions", "Someone else saved this section of the summary meanwhile: "
                                 "compare their text with yours and choose."),
    QT_TRANSLATE_NOOP("actions", "Planned time must be more than zero."),
    QT_TRANSLATE_NOOP("actions", "The new order must list every speaker of the session once."),
    QT_TRANSLATE_NOOP("actions", "That floor request is no longer there."),
    QT_TRANSLATE_NOOP("actions", "That floor request was already answered."),
    QT_TRANSLATE_NOOP("actions", "Speaking times must be between 1 second and 30 minutes."),
    QT_TRANSLATE_NOOP("actions", "That poll is no longer there."),
    QT_TRANSLATE_NOOP("actions", "The poll cannot be saved: {reason}"),
    QT_TRANSLATE_NOOP("actions", "The new order must list every poll of the session once."),
    QT_TRANSLATE_NOOP("actions", "Close the open poll first: the phones and the projector "
                                 "show “{question}” while it is open."),
    QT_TRANSLATE_NOOP("actions", "This was changed since, on the laptop or by a team device; "
                                 "undo would overwrite that."),
    QT_TRANSLATE_NOOP("actions", "{path} already exists; choose another name"),
    QT_TRANSLATE_NOOP("actions", "the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("actions", "no event file at {path}"),
    QT_TRANSLATE_NOOP("actions", "{path} is a folder, not an event file"),
    QT_TRANSLATE_NOOP("actions", "{path} is already open in another facilitator window "
                                 "(process {pid} on {host}); switch to that window, or close "
                                 "it first"),
    QT_TRANSLATE_NOOP("actions", "{path} is already open in the phone server started with "
                                 "`facilitator serve` (process {pid} on {host}); stop it "
                                 "(Ctrl-C where it runs), then try again"),
    QT_TRANSLATE_NOOP("actions", "{path} is in use by the command `facilitator {command}` "
                                 "(process {pid} on {host}); wait for it to finish, then try "
                                 "again"),
    QT_TRANSLATE_NOOP("actions", "{path} is already open in another facilitator program; "
                                 "close it, then try again"),
    QT_TRANSLATE_NOOP("actions", "{path} is damaged ({detail}); open a copy you saved with "
                                 "File › Save a copy"),
    QT_TRANSLATE_NOOP("actions", "{path} is damaged ({detail}); open the automatic backup "
                                 "{backup}"),
    QT_TRANSLATE_NOOP("actions", "{path} is a SQLite database but not a facilitator event"),
    QT_TRANSLATE_NOOP("actions", "{path} is empty: it is not a facilitator event file"),
    QT_TRANSLATE_NOOP("actions", "{path} is not a facilitator event file (not SQLite)"),
    QT_TRANSLATE_NOOP("actions", "{path} was written by a newer facilitator (schema {schema}); "
                                 "update facilitator to open it"),
    QT_TRANSLATE_NOOP("actions", "{path} uses an older schema; open it in facilitator once to "
                                 "upgrade it"),
    QT_TRANSLATE_NOOP("actions", "{path} is read-only; open a copy or check the file's "
                                 "permissions"),
    QT_TRANSLATE_NOOP("actions", "the disk holding {path} is full; free some space (nothing "
                                 "was lost)"),
    QT_TRANSLATE_NOOP("actions", "{path} is busy in another program; close it there and try "
                                 "again"),
    QT_TRANSLATE_NOOP("actions", "cannot open {path}: check that the folder exists and is "
                                 "writable"),
    QT_TRANSLATE_NOOP("actions", "no permission to read {path}"),
    QT_TRANSLATE_NOOP("actions", "cannot read {path}: {reason}"),
    QT_TRANSLATE_NOOP("actions", "cannot create {path}: {reason}"),
    QT_TRANSLATE_NOOP("actions", "choose a different file name for the copy"),
    QT_TRANSLATE_NOOP("actions", "could not save a copy to {target}: {reason}"),
    QT_TRANSLATE_NOOP("actions", "{path} is an event file: an export or report written there "
                                 "would destroy it; choose another file name"),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: the disk is read-only."),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: the disk is full; free some space and "
                                 "try again."),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: you have no permission to write in the "
                                 "folder {folder}."),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: the file name is too long; choose a "
                                 "shorter one."),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: the folder {folder} is no longer there."),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: it is a folder; choose a file name."),
    QT_TRANSLATE_NOOP("actions", "Cannot write {name}: {reason}."),
    QT_TRANSLATE_NOOP("actions", "{detail}"),
    QT_TRANSLATE_NOOP("actions", "There is no team role {role}."),
    QT_TRANSLATE_NOOP("actions", "That team link is no longer there."),
    # actions.command.Label
    QT_TRANSLATE_NOOP("actions", "approve question"),
    QT_TRANSLATE_NOOP("actions", "not selected"),
    QT_TRANSLATE_NOOP("actions", "back to new"),
    QT_TRANSLATE_NOOP("actions", "edit wording"),
    QT_TRANSLATE_NOOP("actions", "star question"),
    QT_TRANSLATE_NOOP("actions", "tag question"),
    QT_TRANSLATE_NOOP("actions", "mark answered"),
    QT_TRANSLATE_NOOP("actions", "question on screen"),
    QT_TRANSLATE_NOOP("actions", "merge {count} questions"),
    QT_TRANSLATE_NOOP("actions", "open questions"),
    QT_TRANSLATE_NOOP("actions", "close questions"),
    QT_TRANSLATE_NOOP("actions", "add speaker"),
    QT_TRANSLATE_NOOP("actions", "edit speaker"),
    QT_TRANSLATE_NOOP("actions", "remove speaker"),
    QT_TRANSLATE_NOOP("actions", "reorder speakers"),
    QT_TRANSLATE_NOOP("actions", "clock change"),
    QT_TRANSLATE_NOOP("actions", "next speaker"),
    QT_TRANSLATE_NOOP("actions", "previous speaker"),
    QT_TRANSLATE_NOOP("actions", "add time"),
    QT_TRANSLATE_NOOP("actions", "add note"),
    QT_TRANSLATE_NOOP("actions", "edit note"),
    QT_TRANSLATE_NOOP("actions", "delete note"),
    QT_TRANSLATE_NOOP("actions", "edit summary"),
    QT_TRANSLATE_NOOP("actions", "add session"),
    QT_TRANSLATE_NOOP("actions", "edit session"),
    QT_TRANSLATE_NOOP("actions", "remove session"),
    QT_TRANSLATE_NOOP("actions", "edit event"),
    QT_TRANSLATE_NOOP("actions", "stage message"),
    QT_TRANSLATE_NOOP("actions", "import agenda"),
    QT_TRANSLATE_NOOP("actions", "send question"),
    QT_TRANSLATE_NOOP("actions", "vote"),
    QT_TRANSLATE_NOOP("actions", "create team link"),
    QT_TRANSLATE_NOOP("actions", "revoke team link"),
    QT_TRANSLATE_NOOP("actions", "ask for the floor"),
    QT_TRANSLATE_NOOP("actions", "withdraw floor request"),
    QT_TRANSLATE_NOOP("actions", "accept floor request"),
    QT_TRANSLATE_NOOP("actions", "decline floor request"),
    QT_TRANSLATE_NOOP("actions", "take floor requests"),
    QT_TRANSLATE_NOOP("actions", "stop floor requests"),
    QT_TRANSLATE_NOOP("actions", "floor speaking times"),
    QT_TRANSLATE_NOOP("actions", "add poll"),
    QT_TRANSLATE_NOOP("actions", "edit poll"),
    QT_TRANSLATE_NOOP("actions", "remove poll"),
    QT_TRANSLATE_NOOP("actions", "reorder polls"),
    QT_TRANSLATE_NOOP("actions", "open poll"),
    QT_TRANSLATE_NOOP("actions", "close poll"),
    QT_TRANSLATE_NOOP("actions", "show poll results"),
    QT_TRANSLATE_NOOP("actions", "hide poll results"),
    QT_TRANSLATE_NOOP("actions", "answer poll"),
)


def _translated(english: str, params: Mapping[str, Any]) -> str:
    return QCoreApplication.translate("actions", english).format(**params)


def error_text(error: UserError) -> str:
    """A user error in the app's language."""
    return _translated(error.code.english, error.params)


def file_error_text(error: EventFileError | AgendaError) -> str:
    """A store or agenda error in the app's language (its English text where the store
    did not name the problem)."""
    return error_text(file_problem(error))


def label_text(label: Label, params: Mapping[str, Any]) -> str:
    """An action's name in the app's language ("fusionner 3 questions")."""
    return _translated(label.value, params)


def failed_title(label: Label, params: Mapping[str, Any]) -> str:
    """The error box's title: "Could not <action>"."""
    return QCoreApplication.translate("actions", "Could not: {action}").format(
        action=label_text(label, params))
