"""Row snapshots: what an action's undo puts back.

A command names the rows it may change as a *scope* — ``(table, column, values)`` triples,
parents before children — and the snapshot of those rows, taken inside the action's
transaction before it writes, goes into the action's ``event_log`` line. Putting it back
updates the rows that still exist, re-inserts the ones that were removed (with their ids,
so notes and votes pointing at them still fit) and removes the ones the action added.
This is generic on purpose: one way to undo every kind of action, no hand-written inverse
per action that could drift from the store's own writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.store.event_file import EventFile

# The tables an action may change, with the columns that identify a row. Anything else
# (event_log, settings) is never put back: the log is append-only. People are put back
# only as they were (a person is shared by the slots of every session).
_KEYS: dict[str, tuple[str, ...]] = {
    "events": ("id",),
    "people": ("id",),
    "sessions": ("id",),
    "slots": ("id",),
    "questions": ("id",),
    "votes": ("question_id", "device_id"),
    "question_tags": ("question_id", "tag"),
    "notes": ("id",),
    "summaries": ("session_id",),
    "floor_requests": ("id",),
    "floor_settings": ("session_id",),
    "polls": ("id",),
    "poll_answers": ("poll_id", "device_id"),
}


@dataclass(frozen=True)
class Part:
    """The rows of ``table`` whose ``column`` is one of ``values``.

    Name rows by a column the action does not change (their key, or the session): rows
    that leave the part during the action would otherwise be removed by its redo.
    """

    table: str
    column: str
    values: tuple[Any, ...]
    # The rows, when the command already read them in its transaction (every column): the
    # snapshot takes them instead of reading them again.
    rows: tuple[dict[str, Any], ...] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.table not in _KEYS:
            raise ValueError(f"rows of {self.table!r} cannot be put back")


Scope = Sequence[Part]


def part(table: str, column: str, values: Iterable[Any],
         rows: Iterable[dict[str, Any]] | None = None) -> Part:
    """The rows of ``table`` whose ``column`` is in ``values``; ``rows``: those rows, when
    read already in the same transaction (every column, exactly the rows named)."""
    return Part(table, column, tuple(dict.fromkeys(values)),
                None if rows is None else tuple(rows))


def _select(ef: EventFile, p: Part) -> list[dict[str, Any]]:
    if not p.values:
        return []
    marks = ", ".join("?" for _ in p.values)
    cursor = ef.db.execute(f"SELECT * FROM {p.table} WHERE {p.column} IN ({marks})",
                           list(p.values))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def take(ef: EventFile, scope: Scope) -> list[dict[str, Any]]:
    """The rows in ``scope`` as they are now: a JSON-ready list, one entry per part."""
    return [{"table": p.table, "column": p.column, "values": list(p.values),
             "rows": _select(ef, p) if p.rows is None else [dict(r) for r in p.rows]}
            for p in scope]


# Columns derived from other rows, which phones move at any time (a vote recounts its
# question and stamps updated_at) and put_back recounts itself: a change there alone is no
# one's edit to protect. Every edit also changes a column of its own (text, starred...).
_DERIVED: dict[str, frozenset[str]] = {"questions": frozenset({"votes", "updated_at"})}


def changed_since(ef: EventFile, after: list[dict[str, Any]]) -> bool:
    """Whether the rows in ``after``'s scope are no longer what ``after`` holds (a row
    changed, added or removed since), derived columns aside. ``after``: a :func:`take`."""
    for p, s in zip(scope_of(after), after, strict=True):
        if _comparable(p.table, _select(ef, p)) != _comparable(p.table, s["rows"]):
            return True
    return False


def merged_after(first: list[dict[str, Any]], later: list[dict[str, Any]]
                 ) -> list[dict[str, Any]]:
    """The rows as two consecutive actions left them: ``later``'s parts over ``first``'s."""
    parts = {(s["table"], s["column"], tuple(s["values"])): s for s in first}
    parts.update({(s["table"], s["column"], tuple(s["values"])): s for s in later})
    return list(parts.values())


def _comparable(table: str, rows: Iterable[dict[str, Any]]
                ) -> dict[tuple[Any, ...], dict[str, Any]]:
    derived = _DERIVED.get(table, frozenset())
    return {_key(table, row): {c: v for c, v in row.items() if c not in derived}
            for row in rows}


def scope_of(snapshot: list[dict[str, Any]]) -> list[Part]:
    return [Part(s["table"], s["column"], tuple(s["values"])) for s in snapshot]


def put_back(ef: EventFile, snapshot: list[dict[str, Any]]) -> None:
    """Inside an action: make the rows in the snapshot's scope what they were.

    Foreign keys are checked at commit, so a merged question may come back before the one
    it points to.
    """
    ef.db.execute("PRAGMA defer_foreign_keys = ON")
    parts = scope_of(snapshot)
    wanted = [{_key(p.table, row): row for row in s["rows"]} for p, s in zip(parts, snapshot,
                                                                           strict=True)]
    # Children first when removing what the action added; parents first when restoring.
    for p, rows in reversed(list(zip(parts, wanted, strict=True))):
        for row in _select(ef, p):
            if _key(p.table, row) not in rows:
                _delete(ef, p.table, row)
    for p, rows in zip(parts, wanted, strict=True):
        for row in rows.values():
            _upsert(ef, p.table, row)
    _recount_votes(ef, parts)


def _recount_votes(ef: EventFile, parts: list[Part]) -> None:
    """A question's vote count is derived from its votes: phones may have voted since the
    snapshot, and their votes (outside the snapshot) still count after an undo."""
    ids = {row_id for p in parts if p.table == "questions" and p.column == "id"
           for row_id in p.values}
    if ids:
        marks = ", ".join("?" for _ in ids)
        ef.db.execute("UPDATE questions SET votes = (SELECT COUNT(*) FROM votes "
                      f"WHERE votes.question_id = questions.id) WHERE id IN ({marks})",
                      sorted(ids))


def _key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[column] for column in _KEYS[table])


def _delete(ef: EventFile, table: str, row: dict[str, Any]) -> None:
    keys = _KEYS[table]
    ef.db.execute(f"DELETE FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in keys)}",
                  [row[k] for k in keys])


def _upsert(ef: EventFile, table: str, row: dict[str, Any]) -> None:
    # ON CONFLICT … DO UPDATE keeps an existing row in place: INSERT OR REPLACE would delete
    # it first and cascade to its votes, notes and slots.
    columns = list(row)
    keys = _KEYS[table]
    others = [c for c in columns if c not in keys]
    update = ", ".join(f"{c} = excluded.{c}" for c in others) if others else None
    conflict = f"DO UPDATE SET {update}" if update else "DO NOTHING"
    ef.db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT({', '.join(keys)}) {conflict}",
        [row[c] for c in columns],
    )
