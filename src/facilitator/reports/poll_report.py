"""A session's poll results for reports and exports: plain data, never a device id.

Only polls that ran (opened at least once: open or closed now) are reported; prepared
polls nobody saw are plans, not results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator.core.model import Session
from facilitator.core.polls import Poll, PollKind, PollResults, PollState, poll_results
from facilitator.store import polls as store
from facilitator.store.event_file import EventFile

POLL_FIELDS = ("poll", "question", "kind", "answers", "item", "count", "percent",
               "average_position")


@dataclass(frozen=True)
class PollOutcome:
    """One poll that ran, with its results and its answers (values only)."""

    poll: Poll
    results: PollResults
    answers: tuple[Any, ...]


def session_polls(ef: EventFile, session: Session) -> tuple[PollOutcome, ...]:
    """The session's polls that ran, in their order, with results (watch words applied)."""
    assert session.id is not None
    outcomes = []
    for poll in store.list_polls(ef, session.id):
        if poll.state is PollState.PREPARED or poll.id is None:
            continue
        answers = tuple(store.poll_answers(ef, poll.id))
        outcomes.append(PollOutcome(poll, poll_results(poll, answers, session.watch_words),
                                    answers))
    return tuple(outcomes)


def poll_rows(outcomes: tuple[PollOutcome, ...]) -> list[dict[str, Any]]:
    """One row per option, rating step, ranked option, word or text (spreadsheets)."""
    rows: list[dict[str, Any]] = []
    for number, outcome in enumerate(outcomes, 1):
        poll, results = outcome.poll, outcome.results
        base = {"poll": number, "question": poll.question, "kind": poll.kind.value,
                "answers": results.answers}
        if results.bars:
            rows += [{**base, "item": b.label, "count": b.count,
                      "percent": round(b.percent, 1)} for b in results.bars]
        rows += [{**base, "item": r.label, "average_position": round(r.average_position, 2)}
                 for r in results.ranking]
        rows += [{**base, "item": w.word, "count": w.count} for w in results.words]
        if poll.kind is PollKind.TEXT:
            rows += [{**base, "item": text} for text in results.texts]
        if not results.answers and not (results.bars or results.ranking):
            rows.append(base)
    return rows


def poll_documents(outcomes: tuple[PollOutcome, ...]) -> list[dict[str, Any]]:
    """Each poll with its results and its answers (values, no devices) for JSON."""
    return [{**o.poll.plan(), "state": o.poll.state.value,
             "results": o.results.public(most_words=10_000, most_texts=10_000),
             "answers": list(o.answers)} for o in outcomes]
