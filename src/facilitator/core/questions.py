"""Audience questions: their statuses, how phone text is cleaned, duplicates, watch words."""

from __future__ import annotations

import bisect
import enum
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

# The phone text's rules, named here as before (core/question_text.py).
from facilitator.core.question_text import MAX_NAME_CHARS as MAX_NAME_CHARS
from facilitator.core.question_text import MAX_QUESTION_CHARS as MAX_QUESTION_CHARS
from facilitator.core.question_text import QuestionError as QuestionError
from facilitator.core.question_text import as_sent as as_sent
from facilitator.core.question_text import clean_name as clean_name
from facilitator.core.question_text import clean_question as clean_question
from facilitator.core.question_text import clean_text as clean_text
from facilitator.core.question_words import content_words
from facilitator.core.text import normalise_text

SIMILAR_THRESHOLD = 0.6
# The phone page's languages: the six UN languages (the assembly works in English, French
# and Spanish; a question asked from the Arabic, Chinese or Russian page is tagged as such).
LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")


class RequestReused(QuestionError):
    """A phone sent a request id already used for a different question."""


class QuestionStatus(enum.StrEnum):
    """Where an audience question stands in moderation."""
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ANSWERED = "answered"
    MERGED = "merged"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def public(self) -> str:
        """What the asker's phone shows: "not_selected" for rejected, else the status
        (a merged-away question shows as merged, with the question it joined)."""
        if self is QuestionStatus.REJECTED:
            return "not_selected"
        return self.value


STATUS_LABELS = {
    QuestionStatus.PENDING: "Pending",
    QuestionStatus.APPROVED: "Approved",
    QuestionStatus.REJECTED: "Not selected",
    QuestionStatus.ANSWERED: "Answered",
    QuestionStatus.MERGED: "Merged",
}

# Shown to the audience (approved for voting, or already answered).
VISIBLE_STATUSES = (QuestionStatus.APPROVED, QuestionStatus.ANSWERED)


# Each vote makes a new Question for its row (its cached sent_text gone with the old one):
# the cleaning, ~0.3 ms a text, is remembered by wording.
_cleaned = functools.lru_cache(maxsize=4096)(normalise_text)


@dataclass(frozen=True)
class Question:
    """One audience question as stored."""

    id: int
    session_id: int
    text: str
    status: QuestionStatus
    created_at: float
    updated_at: float = 0.0
    original_text: str = ""
    author: str = ""
    organisation: str = ""
    addressed_to: str = ""
    language: str = ""
    votes: int = 0
    starred: bool = False
    on_screen: bool = False
    flagged: bool = False
    merged_into: int | None = None
    answered_by: str = ""
    device_id: str = ""

    @functools.cached_property  # the moderation table asks on every paint
    def sent_text(self) -> str:
        """The wording as the phone sent it, cleaned as on arrival (``original_text`` is
        the text exactly as sent)."""
        return _cleaned(self.original_text)

    @property
    def edited(self) -> bool:
        """The moderator changed the wording."""
        return bool(self.original_text) and self.sent_text != self.text


_SPACE = re.compile(r"\s+")


def clean_language(language: object) -> str:
    """One of the working languages, or empty when the phone sent something else."""
    if isinstance(language, str) and language.lower()[:2] in LANGUAGES:
        return language.lower()[:2]
    return ""


# --- duplicates ---------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def tokens(text: str, language_hint: str = "") -> frozenset[str]:
    """Content words of a question as stems, case- and accent-insensitive
    (``question_words.content_words``; the hint is the language of the phone's page)."""
    return content_words(text, language_hint)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of content words: 1.0 the same words, 0.0 nothing shared."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def words_alike(mine: frozenset[str], theirs: frozenset[str],
                threshold: float = SIMILAR_THRESHOLD) -> bool:
    """The duplicate test on two questions' ``tokens``: Jaccard similarity >= threshold."""
    return bool(mine) and bool(theirs) and len(mine & theirs) / len(mine | theirs) >= threshold


def survivor_order(question: Question) -> tuple[int, int, float, int]:
    """The sort key that puts the question a merge should keep first: one the audience
    already sees (approved or answered), then the most votes, then the earliest."""
    return (0 if question.status in VISIBLE_STATUSES else 1, -question.votes,
            question.created_at, question.id)


def merge_survivor(questions: Iterable[Question]) -> Question:
    """The question to keep when these are merged (see ``survivor_order``).

    Raises ValueError when there are no questions.
    """
    return min(questions, key=survivor_order)


def is_live(question: Question) -> bool:
    """Still in play for duplicate detection (merged-away and rejected ones are dealt with)."""
    return question.status not in (QuestionStatus.MERGED, QuestionStatus.REJECTED)


def similar_questions(questions: Sequence[Question],
                      threshold: float = SIMILAR_THRESHOLD) -> dict[int, int]:
    """For each question that looks like an earlier one, the id of that earlier question.

    Merged-away and rejected questions are ignored: they are already dealt with.
    """
    live = [q for q in sorted(questions, key=lambda q: (q.created_at, q.id))
            if q.status not in (QuestionStatus.MERGED, QuestionStatus.REJECTED)]
    found: dict[int, int] = {}
    for _ in _search_steps(live, threshold, found, []):
        pass
    return found


def _search_steps(live: list[Question], threshold: float, found: dict[int, int],
                  words: list[frozenset[str]]) -> Iterator[int]:
    """``similar_questions`` over ``live`` (in time order), one question at a time: fills
    ``words`` with each question's ``tokens``, then ``found``, and yields after each
    question (twice per question in all), so a caller can spread the work out."""
    for question in live:
        words.append(tokens(question.text, question.language))
        yield 0
    if threshold <= 0:  # any two questions with words match: no word need be shared
        first = next((i for i, mine in enumerate(words) if mine), len(live))
        found.update({live[i].id: live[first].id
                      for i in range(first + 1, len(live)) if words[i]})
        yield len(live)
        return
    # Comparing every pair took seconds at a few thousand questions (the table reloads on
    # every vote). Prefix filtering finds the same pairs: two word sets with Jaccard >= t
    # share a word among the first |x| - ceil(t|x|) + 1 of each, in one global order
    # (rarest words first, so few candidates share one). Candidates are then checked with
    # the exact test, earliest first, as before; sets too small or too large to reach t
    # (|y| < t|x| or |y| > |x|/t) are passed over without it.
    frequency = Counter(word for mine in words for word in mine)
    sizes = [len(mine) for mine in words]
    index: dict[str, list[int]] = {}
    for position, (question, mine) in enumerate(zip(live, words, strict=True)):
        size = sizes[position]
        if size:
            ordered = sorted(mine, key=lambda word: (frequency[word], word))
            prefix = ordered[:size - math.ceil(threshold * size - 1e-9) + 1]
            candidates: set[int] = set()
            for word in prefix:
                candidates.update(index.get(word, ()))
            smallest, largest = threshold * size - 1e-9, size / threshold + 1e-9
            for earlier in sorted(candidates):
                other = sizes[earlier]
                if other < smallest or other > largest:
                    continue
                shared = len(mine & words[earlier])
                if shared / (size + other - shared) >= threshold:  # as words_alike
                    found[question.id] = live[earlier].id
                    break
            for word in prefix:
                index.setdefault(word, []).append(position)
        yield position


class DuplicateSearch:
    """``similar_questions`` kept up to date as questions change, for a view that asks
    after every change: only what a change touches is compared again.

    A question's match is the earliest live question before it whose words are alike, so:
    a question leaving play (not selected, merged) only changes the questions it was the
    match of; a question coming into play (new, returned to review, reworded) can only
    become the match of questions after it whose match came later or was missing. Running
    the whole search again after one "not selected" took 1.4 s at 5,000 questions.
    """

    # Past this many questions in or out of play at once, the whole search (prefix
    # filtering) costs less than comparing each one with the others.
    WHOLE_SEARCH_AFTER = 200
    # A whole search over more live questions than this is spread out when asked to
    # (``update(spread=True)``, then ``step``): ~1 s at 5,000 questions.
    SPREAD_AFTER = 500

    def __init__(self, threshold: float = SIMILAR_THRESHOLD) -> None:
        self.threshold = threshold
        self.found: dict[int, int] = {}
        self._order: list[tuple[float, int]] = []  # live questions' (created_at, id), sorted
        self._seen: dict[int, tuple[str, str, float]] = {}  # id -> text, language, created_at
        self._words: dict[int, frozenset[str]] = {}
        self._steps: Iterator[int] | None = None  # a whole search under way
        self._searched: tuple[list[Question], list[frozenset[str]]] = ([], [])
        self._latest: list[Question] | None = None  # asked about while it was under way

    @property
    def pending(self) -> bool:
        """A whole search is under way: ``found`` is partial until ``step`` says done."""
        return self._steps is not None

    def update(self, questions: Iterable[Question], *, spread: bool = False
               ) -> dict[int, int]:
        """The matches (as ``similar_questions``) of ``questions``, all of one session.
        Returns a new dict; ``found`` holds the same.

        With ``spread``, a whole search over many questions is only begun: the result is
        partial (``pending``) until ``step`` has been called until it returns True.
        """
        if self._steps is not None:
            self._latest = list(questions)
            if spread:
                return dict(self.found)
            self._finish()
            return dict(self.found)
        live = {q.id: q for q in questions if is_live(q)}
        gone = [qid for qid, seen in self._seen.items()
                if qid not in live or _identity(live[qid]) != seen]
        new = [q for qid, q in live.items()
               if qid not in self._seen or _identity(q) != self._seen[qid]]
        if len(gone) + len(new) > self.WHOLE_SEARCH_AFTER or self.threshold <= 0:
            self._begin_whole(list(live.values()))
            if not spread or len(live) <= self.SPREAD_AFTER:
                self._finish()
        elif gone or new:
            self._compare(gone, new)
        return dict(self.found)

    def apply(self, changed: Iterable[Question], removed: Iterable[int]) -> set[int]:
        """Take in what changed since the last update: ``changed`` questions (new or
        changed) and the ids of ``removed`` ones; only they are compared. Returns the ids
        whose match changed (``found`` holds the matches). A whole search under way takes
        them in when it ends (every id is then "changed" as it goes)."""
        if self._steps is not None:
            raise RuntimeError("apply() during a spread-out search: use update()")
        gone, new = list(removed), []
        for question in changed:
            seen = self._seen.get(question.id)
            if not is_live(question):
                if seen is not None:
                    gone.append(question.id)
            elif seen != _identity(question):
                if seen is not None:
                    gone.append(question.id)
                new.append(question)
        if not gone and not new:
            return set()
        touched: dict[int, int | None] = {}  # id -> its match before
        self._compare([qid for qid in dict.fromkeys(gone) if qid in self._seen], new, touched)
        return {qid for qid, was in touched.items() if self.found.get(qid) != was}

    def _compare(self, gone: list[int], new: list[Question],
                 touched: dict[int, int | None] | None = None) -> None:
        """Questions out of play (``gone``, their ids) and into play (``new``, reworded
        ones in both), compared with what they touch only; ``touched`` gets each id whose
        match may have changed, with its match before."""
        found, words = self.found, self._words
        touched = {} if touched is None else touched

        def note(qid: int) -> None:
            if qid not in touched:
                touched[qid] = found.get(qid)

        gone_ids = set(gone)
        gone_at: dict[int, float] = {}
        for qid in gone:
            created = self._seen.pop(qid)[2]
            gone_at[qid] = created
            del self._order[bisect.bisect_left(self._order, (created, qid))]
            del words[qid]
            note(qid)
            found.pop(qid, None)
        orphans = [qid for qid, match in found.items() if match in gone_ids]
        # An orphan's questions before its lost match were not alike to it (that match
        # was the earliest): its search goes on from where that match stood.
        resume = {qid: (gone_at[found[qid]], found[qid]) for qid in orphans}
        for qid in orphans:
            note(qid)
            del found[qid]
        for question in new:
            self._seen[question.id] = _identity(question)
            words[question.id] = tokens(question.text, question.language)
            bisect.insort(self._order, (question.created_at, question.id))
        if not orphans and not new:
            return
        order, seen = self._order, self._seen

        def position(qid: int) -> int:
            return bisect.bisect_left(order, (seen[qid][2], qid))

        # The newcomers and the orphans look for their earliest match again.
        renewed = {q.id for q in new}
        for qid in {*orphans, *renewed}:
            note(qid)
            mine = words[qid]
            start = 0 if qid in renewed else bisect.bisect_left(order, resume[qid])
            for _, earlier in order[start:position(qid)]:
                if words_alike(mine, words[earlier], self.threshold):
                    found[qid] = earlier
                    break
        # A newcomer may be an earlier match for questions after it.
        for question in sorted(new, key=lambda q: (q.created_at, q.id)):
            mine, here = words[question.id], (question.created_at, question.id)
            for key in order[position(question.id) + 1:]:
                later = key[1]
                match = found.get(later)
                if (match is None or (seen[match][2], match) > here) and words_alike(
                        words[later], mine, self.threshold):
                    note(later)
                    found[later] = question.id

    def step(self, count: int = 100) -> bool:
        """Go on with a spread-out whole search for ``count`` steps (each step is one
        question's words or one question's comparisons); True when it is done."""
        if self._steps is None:
            return True
        for _ in range(count):
            if next(self._steps, None) is None:
                self._end_whole()
                return self._steps is None
        return False

    def _finish(self) -> None:
        while not self.step(10_000):
            pass

    def _begin_whole(self, live: list[Question]) -> None:
        live = sorted(live, key=lambda q: (q.created_at, q.id))
        words: list[frozenset[str]] = []
        self.found = {}
        self._searched = (live, words)
        self._steps = _search_steps(live, self.threshold, self.found, words)

    def _end_whole(self) -> None:
        live, words = self._searched
        self._order = [(q.created_at, q.id) for q in live]
        self._seen = {q.id: _identity(q) for q in live}
        self._words = {q.id: mine for q, mine in zip(live, words, strict=True)}
        self._steps, self._searched = None, ([], [])
        latest, self._latest = self._latest, None
        if latest is not None:  # what changed while it ran: compared the usual way
            self.update(latest, spread=True)


def _identity(question: Question) -> tuple[str, str, float]:
    """What a question's match depends on: its words and its place in time."""
    return question.text, question.language, question.created_at


# --- watch words --------------------------------------------------------------------------


def clean_watch_words(words: Iterable[str]) -> tuple[str, ...]:
    """The moderator's list: trimmed, no blanks, no repeats (first spelling kept)."""
    seen: set[str] = set()
    kept = []
    for word in words:
        word = _SPACE.sub(" ", unicodedata.normalize("NFC", str(word))).strip()
        key = word.casefold()
        if word and key not in seen:
            seen.add(key)
            kept.append(word)
    return tuple(kept)


def watch_word_hits(text: str, words: Iterable[str]) -> list[str]:
    """The watch words (or phrases) found in ``text`` as whole words, any case or accent."""
    plain = " " + " ".join(_strip_accents(w.casefold()) for w in _WORD.findall(text)) + " "
    hits = []
    for word in words:
        needle = " ".join(_strip_accents(w.casefold()) for w in _WORD.findall(word))
        if needle and f" {needle} " in plain:
            hits.append(word)
    return hits
