"""The published list of questions, assembled from each question's JSON kept encoded.

Publishing a session's shared state encoded every visible question again (~0.6 s at 20,000,
on the server thread, holding the GIL). Each question's JSON is kept here by id with the row
it was made from: a publish reads the rows (one query), re-encodes only the rows that
changed (a vote changes one count) and joins the rest as bytes.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from facilitator.core.questions import QuestionStatus

# Stamps for what the questions say besides their counts: new ones never repeat an old one,
# even across caches (a cache dropped and made again starts past every stamp given).
_stamps = itertools.count(1)

# The row columns (``store.questions.public_rows``): the count is column 5.
_VOTES = 5
_PUBLIC_STATUS = {status.value: status.public for status in QuestionStatus}


def encode(value: Any) -> bytes:
    """JSON as phones receive it: compact, UTF-8 as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def public_question(row: tuple[Any, ...]) -> dict[str, Any]:
    """One question as every phone sees it, from its ``public_rows`` row: the one shape of
    it (``PhoneApp.public_question`` makes its row and calls this)."""
    qid, text, author, organisation, to, votes, status = row
    return {"id": qid, "text": text, "author": author, "organisation": organisation,
            "to": to, "votes": votes, "voted": False, "status": _PUBLIC_STATUS[status]}


class QuestionFragments:
    """One session's questions as JSON fragments, by id, with the rows they were made from.

    ``assemble(rows)`` gives (the JSON array's parts, a stamp): ``b"[" + b",".join(parts)
    + b"]"`` is the array, joined only when published (a held vote needs no bytes). The
    stamp changes whenever what the questions say besides their counts and order changed
    since the last call (a question added, removed, edited, or its status changed); a vote
    alone keeps it.
    """

    def __init__(self) -> None:
        self._fragments: dict[int, tuple[tuple[Any, ...], bytes]] = {}
        self._stamp = next(_stamps)
        # What the questions say besides their counts, as a sum of their rows' hashes:
        # the same questions give the same digest in any order and from any cache (the
        # phones' ``rev``, which must not move with votes), kept up to date row by row.
        self.digest = 0

    @staticmethod
    def _said(row: tuple[Any, ...]) -> int:
        return hash(row[:_VOTES] + row[_VOTES + 1:])

    def assemble(self, rows: list[tuple[Any, ...]]) -> tuple[list[bytes], int]:
        fragments = self._fragments
        changed = len(rows) != len(fragments)  # same ids, no new one: the same set
        parts = []
        for row in rows:
            kept = fragments.get(row[0])
            if kept is not None and kept[0] == row:
                parts.append(kept[1])
                continue
            if kept is None or kept[0][:_VOTES] != row[:_VOTES] or (
                    kept[0][_VOTES + 1:] != row[_VOTES + 1:]):
                changed = True
                self.digest += self._said(row) - (self._said(kept[0]) if kept else 0)
            fragment = encode(public_question(row))
            fragments[row[0]] = (row, fragment)
            parts.append(fragment)
        if len(fragments) > len(rows):  # some left the list: forget them
            seen = {row[0] for row in rows}
            for gone in [qid for qid in fragments if qid not in seen]:
                self.digest -= self._said(fragments[gone][0])
                del fragments[gone]
            changed = True
        if changed:
            self._stamp = next(_stamps)
        return parts, self._stamp
