"""Live polls: their kinds, what a valid poll and a valid answer are, and their results.

Six kinds: single choice, multiple choice, a rating scale (1–5 or 1–10), a ranking of the
options, words (one to three short words: a word cloud) and open text. Answers are stored
as JSON values, one per device and poll; results never name a device.

Pure: no I/O. The store keeps polls and answers; the phone server, the app and the reports
all compute results here, so they agree.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.poll_state import PollState as PollState
from facilitator.core.question_words import content_words
from facilitator.core.questions import watch_word_hits
from facilitator.core.text import looks_empty, normalise_text

MAX_POLL_QUESTION_CHARS = 300
MAX_OPTIONS = 12
MAX_OPTION_CHARS = 80
MAX_WORDS = 3  # a word-cloud answer: one to three short words
MAX_WORD_CHARS = 30
MAX_TEXT_CHARS = 500  # as a question
RATING_SCALES = (5, 10)


class PollKind(enum.Enum):
    """What a poll asks for, by the agenda JSON's names."""

    SINGLE = "single"  # one option
    MULTIPLE = "multiple"  # any options, at least one
    RATING = "rating"  # a whole number from 1 to the scale (5 or 10)
    RANKING = "ranking"  # every option, best first
    WORDS = "words"  # one to three short words (a word cloud)
    TEXT = "text"  # open text

    @property
    def has_options(self) -> bool:
        return self in (PollKind.SINGLE, PollKind.MULTIPLE, PollKind.RANKING)


class PollError(ValueError):
    """A poll or an answer that cannot be taken: ``reason`` is a short code the phone page
    and the app translate ("empty", "too_long", "options", "choice", "closed", …)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Poll:
    """One poll of a session. ``scale`` is 5 or 10 for ratings, 0 otherwise; ``options`` is
    empty for ratings, words and text."""

    question: str
    kind: PollKind
    options: tuple[str, ...] = ()
    scale: int = 0
    state: PollState = PollState.PREPARED
    results_shown: bool = False
    position: int = 0
    session_id: int | None = None
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.state is PollState.OPEN

    @property
    def stored_id(self) -> int:
        """The id of a poll read from the event file; ValueError for one not stored yet."""
        if self.id is None:
            raise ValueError(f"the poll {self.question!r} is not stored yet")
        return self.id

    def plan(self) -> dict[str, Any]:
        """The poll as agenda JSON writes it."""
        data: dict[str, Any] = {"question": self.question, "kind": self.kind.value,
                                "options": list(self.options)}
        if self.kind is PollKind.RATING:
            data["scale"] = self.scale
        return data


def _length(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def _clean(value: object, *, limit: int, what: str) -> str:
    if not isinstance(value, str):
        raise PollError("invalid", f"the {what} must be text")
    text = normalise_text(value)
    if not text or looks_empty(text):
        raise PollError("empty", f"the {what} is empty")
    if _length(text) > limit:
        raise PollError("too_long", f"the {what} is longer than {limit} characters")
    return text


def check_poll(question: object, kind: object, options: object = (), scale: object = None
               ) -> Poll:
    """A prepared poll from what a person typed, cleaned (text kept as typed, spaces and
    hiding characters tidied). Raises PollError: "empty", "too_long", "kind", "options",
    "scale"."""
    try:
        poll_kind = kind if isinstance(kind, PollKind) else PollKind(str(kind))
    except ValueError:
        raise PollError("kind", f"unknown poll kind {kind!r} (single, multiple, rating, "
                        "ranking, words or text)") from None
    text = _clean(question, limit=MAX_POLL_QUESTION_CHARS, what="poll question")
    cleaned: tuple[str, ...] = ()
    if poll_kind.has_options:
        if not isinstance(options, list | tuple):
            raise PollError("options", "the options must be a list of texts")
        cleaned = tuple(_clean(o, limit=MAX_OPTION_CHARS, what="option") for o in options)
        if not 2 <= len(cleaned) <= MAX_OPTIONS:
            raise PollError("options", f"a {poll_kind.value} poll needs 2 to {MAX_OPTIONS} "
                            "options")
        if len({o.casefold() for o in cleaned}) != len(cleaned):
            raise PollError("options", "two options are the same")
    elif options:
        raise PollError("options", f"a {poll_kind.value} poll has no options")
    size = 0
    if poll_kind is PollKind.RATING:
        chosen = 5 if scale in (None, "") else scale
        if isinstance(chosen, bool) or not isinstance(chosen, int | float) \
                or chosen not in RATING_SCALES:
            raise PollError("scale", "a rating goes from 1 to 5 or from 1 to 10")
        size = int(chosen)
    return Poll(question=text, kind=poll_kind, options=cleaned, scale=size)


def _index(value: object, count: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
        raise PollError("choice", "that choice is not one of the options")
    return value


_cleaned_word = functools.lru_cache(maxsize=8192)(normalise_text)


def _normalised_word(text: str) -> str:
    """A word cleaned as on arrival; short ones (every word a hall types again and again,
    each re-checked when results are counted) remembered."""
    return _cleaned_word(text) if len(text) <= 4 * MAX_WORD_CHARS else normalise_text(text)


def check_answer(poll: Poll, answer: object) -> Any:
    """A phone's answer, checked against the poll and made canonical (JSON-ready):

    * single: an option's index → ``int``
    * multiple: indexes, at least one → sorted ``list[int]`` without repeats
    * rating: 1…scale → ``int``
    * ranking: every option's index once, best first → ``list[int]``
    * words: one to three short words (a list, or one text split at commas) → ``list[str]``
    * text: → ``str``

    Raises PollError ("choice", "empty", "too_long", "invalid").
    """
    count = len(poll.options)
    if poll.kind is PollKind.SINGLE:
        return _index(answer, count)
    if poll.kind is PollKind.MULTIPLE:
        if not isinstance(answer, list) or not answer:
            raise PollError("choice", "choose at least one option")
        return sorted({_index(a, count) for a in answer})
    if poll.kind is PollKind.RATING:
        if isinstance(answer, bool) or not isinstance(answer, int) or not (
                1 <= answer <= poll.scale):
            raise PollError("choice", f"a rating is a whole number from 1 to {poll.scale}")
        return answer
    if poll.kind is PollKind.RANKING:
        if not isinstance(answer, list) or sorted(
                _index(a, count) for a in answer) != list(range(count)):
            raise PollError("choice", "rank every option once")
        return list(answer)
    if poll.kind is PollKind.WORDS:
        if isinstance(answer, str):
            answer = answer.split(",")
        if not isinstance(answer, list) or len(answer) > 3 * MAX_WORDS:
            raise PollError("invalid", "send one to three words")
        if not all(isinstance(x, str) for x in answer):
            raise PollError("invalid", "send one to three words")
        words = [w for w in (_normalised_word(x) for x in answer) if w and not looks_empty(w)]
        if not words:
            raise PollError("empty", "write a word first")
        if len(words) > MAX_WORDS:
            raise PollError("invalid", "send one to three words")
        if any(_length(w) > MAX_WORD_CHARS for w in words):
            raise PollError("too_long", f"a word is at most {MAX_WORD_CHARS} characters")
        return list(dict.fromkeys(words))
    return _clean(answer, limit=MAX_TEXT_CHARS, what="answer")


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: ``count`` answers, ``percent`` of the people who answered."""

    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class RankedOption:
    """An option of a ranking poll with its average position (1 = ranked first)."""

    label: str
    average_position: float


@dataclass(frozen=True)
class WordCount:
    """A word of the cloud: the spelling most people typed, and how many typed it."""

    word: str
    count: int


@dataclass(frozen=True)
class PollResults:
    """What a poll's answers say, with no device in it.

    ``answers`` is how many devices answered. Choices and ratings fill ``bars`` (a rating's
    bars go 1…scale, and ``average`` is the mean rating); rankings fill ``ranking`` (best
    first); words fill ``words`` (most typed first; ``held_back`` counts words left out
    because they hold a watch word); text fills ``texts`` (in the order they came; texts
    holding a watch word are held back and counted in ``held_back``).
    """

    kind: PollKind
    answers: int
    bars: tuple[Bar, ...] = ()
    average: float | None = None
    ranking: tuple[RankedOption, ...] = ()
    words: tuple[WordCount, ...] = ()
    held_back: int = 0
    texts: tuple[str, ...] = field(default=())

    def public(self, *, most_words: int = 40, most_texts: int = 20) -> dict[str, Any]:
        """The results as JSON for phones and exports (shortened lists for phones)."""
        data: dict[str, Any] = {"answers": self.answers}
        if self.bars:
            data["bars"] = [{"label": b.label, "count": b.count,
                             "percent": round(b.percent, 1)} for b in self.bars]
        if self.average is not None:
            data["average"] = round(self.average, 2)
        if self.ranking:
            data["ranking"] = [{"label": r.label,
                                "average_position": round(r.average_position, 2)}
                               for r in self.ranking]
        if self.kind is PollKind.WORDS:
            data["words"] = [{"word": w.word, "count": w.count}
                             for w in self.words[:most_words]]
        if self.kind is PollKind.TEXT:
            data["texts"] = list(self.texts[-most_texts:])
        return data


def _percent(count: int, total: int) -> float:
    return 100.0 * count / total if total else 0.0


_WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=8192)  # a hall types the same words: each stemmed once
def word_key(word: str) -> str:
    """The form words are counted under: "Housing", "housing" and "houses" are one word
    (stems, as similar questions are found); a word made only of small words ("the")
    counts under its own letters, case and accents set aside."""
    stems = content_words(word)
    if stems:
        return " ".join(sorted(stems))
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return " ".join(_WORD.findall("".join(c for c in decomposed
                                          if unicodedata.category(c) != "Mn")))


def poll_results(poll: Poll, answers: Iterable[Any], watch_words: Sequence[str] = ()
                 ) -> PollResults:
    """The results of ``poll`` from its stored answers (canonical values, as check_answer
    gives them; anything else is skipped, never counted wrongly)."""
    return tallied_results(poll, ((answer, 1) for answer in answers), watch_words)


def tallied_results(poll: Poll, tally: Iterable[tuple[Any, int]],
                    watch_words: Sequence[str] = ()) -> PollResults:
    """``poll_results`` from (answer, how many gave it) pairs, each answer once, in the
    order it was first given (``store.polls.answer_tally``): the same results, each
    different answer checked once. Open texts keep their own order only as a plain list:
    give those to ``poll_results``."""
    valid: list[tuple[Any, int]] = []
    for answer, times in tally:
        try:
            valid.append((check_answer(poll, answer), times))
        except PollError:
            continue
    total = sum(times for _, times in valid)
    kind = poll.kind
    if kind in (PollKind.SINGLE, PollKind.MULTIPLE):
        counts: Counter[int] = Counter()
        for a, times in valid:
            for i in ([a] if kind is PollKind.SINGLE else a):
                counts[i] += times
        bars = tuple(Bar(o, counts[i], _percent(counts[i], total))
                     for i, o in enumerate(poll.options))
        return PollResults(kind, total, bars=bars)
    if kind is PollKind.RATING:
        counts = Counter()
        for a, times in valid:
            counts[a] += times
        bars = tuple(Bar(str(n), counts[n], _percent(counts[n], total))
                     for n in range(1, poll.scale + 1))
        return PollResults(kind, total, bars=bars,
                           average=sum(a * times for a, times in valid) / total if total
                           else None)
    if kind is PollKind.RANKING:
        sums = [0] * len(poll.options)
        for order, times in valid:
            for place, index in enumerate(order, 1):
                sums[index] += place * times
        ranked = [RankedOption(o, sums[i] / total if total else 0.0)
                  for i, o in enumerate(poll.options)]
        if total:  # ties keep the options' own order (sorted is stable)
            ranked.sort(key=lambda r: r.average_position)
        return PollResults(kind, total, ranking=tuple(ranked))
    if kind is PollKind.WORDS:
        return _word_results(valid, total, watch_words)
    # Open texts go on screens as typed: those holding a watch word are held back.
    texts = [t for t, times in valid for _ in range(times)]
    kept = tuple(t for t in texts if not (watch_words and watch_word_hits(t, watch_words)))
    return PollResults(kind, total, texts=kept, held_back=total - len(kept))


def _word_results(answers: list[tuple[list[str], int]], total: int,
                  watch_words: Sequence[str]) -> PollResults:
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    held_back = 0
    for words, times in answers:
        for word in words:
            if watch_words and watch_word_hits(word, watch_words):
                held_back += times
                continue
            key = word_key(word)
            counts[key] += times
            spellings.setdefault(key, Counter())[word] += times
    # Ties: the word first typed first (Counter keeps insertion order within a count).
    word_counts = tuple(WordCount(spellings[key].most_common(1)[0][0], count)
                        for key, count in counts.most_common())
    return PollResults(PollKind.WORDS, total, words=word_counts, held_back=held_back)
