"""Typed ids: a question id passed where a slot id belongs is a type error, not a bug hunt.

``NewType`` costs nothing at run time (Anki's ``NoteId`` does the same).
"""

from typing import NewType

SessionId = NewType("SessionId", int)
SlotId = NewType("SlotId", int)
QuestionId = NewType("QuestionId", int)
NoteId = NewType("NoteId", int)
FloorRequestId = NewType("FloorRequestId", int)
