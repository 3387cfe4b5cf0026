"""Rapporteur notes and the session summary built from them (pure: no Qt, no I/O)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from facilitator.core.model import Session, Slot
from facilitator.core.text import looks_empty, normalise_text


class NoteKind(enum.StrEnum):
    """What a rapporteur's note records; the summary groups notes by kind."""
    NOTE = "note"
    KEY_MESSAGE = "key_message"
    RECOMMENDATION = "recommendation"
    COMMITMENT = "commitment"
    PARTNERSHIP = "partnership_example"
    QUOTE = "quote"

    @property
    def label(self) -> str:
        return NOTE_KIND_LABELS[self]


NOTE_KIND_LABELS = {
    NoteKind.NOTE: "Note",
    NoteKind.KEY_MESSAGE: "Key message",
    NoteKind.RECOMMENDATION: "Recommendation",
    NoteKind.COMMITMENT: "Commitment",
    NoteKind.PARTNERSHIP: "Partnership example",
    NoteKind.QUOTE: "Quote",
}

SDG_NAMES = (
    "No poverty", "Zero hunger", "Good health and well-being", "Quality education",
    "Gender equality", "Clean water and sanitation", "Affordable and clean energy",
    "Decent work and economic growth", "Industry, innovation and infrastructure",
    "Reduced inequalities", "Sustainable cities and communities",
    "Responsible consumption and production", "Climate action", "Life below water",
    "Life on land", "Peace, justice and strong institutions", "Partnerships for the goals",
)

# The WUF12 dialogues the World Assembly concept note names; a session's own themes are
# offered beside them.
WUF12_DIALOGUES = (
    "Housing our future",
    "Stronger together",
    "Financing localization and localizing finance",
    "Putting people first in a digital era",
    "The loss of home and urban crises",
)


def sdg_tag(number: int) -> str:
    """The stored tag of an SDG: "SDG 11"."""
    if not 1 <= number <= len(SDG_NAMES):
        raise ValueError(f"there is no SDG {number}")
    return f"SDG {number}"


def sdg_number(tag: str) -> int | None:
    """The SDG a stored tag names ("SDG 11" → 11), or None for any other tag."""
    number = tag[4:]
    if tag.startswith("SDG ") and number.isdigit() and 1 <= int(number) <= len(SDG_NAMES):
        return int(number)
    return None


def question_tag(index: int) -> str:
    """The stored tag of a session's guiding question, 1-based: "Q2"."""
    return f"Q{index}"


@dataclass(frozen=True)
class TagChoice:
    """One tag a rapporteur can pick: the stored value and the words shown for it."""

    tag: str
    label: str
    group: str


def tag_choices(session: Session) -> list[TagChoice]:
    """Guiding questions of the session, then SDGs 1-17, then WUF12 dialogue themes."""
    choices = [
        TagChoice(question_tag(i), f"Q{i}: {text}", "Guiding questions")
        for i, text in enumerate(session.guiding_questions, 1)
    ]
    choices += [TagChoice(sdg_tag(n), f"SDG {n}: {name}", "SDGs")
                for n, name in enumerate(SDG_NAMES, 1)]
    themes = list(WUF12_DIALOGUES) + [t for t in session.themes if t not in WUF12_DIALOGUES]
    choices += [TagChoice(theme, theme, "WUF12 dialogues and themes") for theme in themes]
    return choices


def tag_label(tag: str, session: Session | None = None) -> str:
    """Words for a stored tag ("SDG 11: Sustainable cities and communities")."""
    number = sdg_number(tag)
    if number is not None:
        return f"{tag}: {SDG_NAMES[number - 1]}"
    if session and tag.startswith("Q") and tag[1:].isdigit():
        index = int(tag[1:])
        if 1 <= index <= len(session.guiding_questions):
            return f"{tag}: {session.guiding_questions[index - 1]}"
    return tag


@dataclass(frozen=True)
class Note:
    """One rapporteur note, stamped with when it was taken and who was speaking."""

    session_id: int
    text: str
    kind: NoteKind = NoteKind.NOTE
    tags: tuple[str, ...] = ()
    slot_id: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    deleted: bool = False
    id: int | None = None
    # Sent by a team device: the id its page made (a retry carries the same one), and who.
    client_id: str | None = None
    taken_by: str = ""
    # The name of the speaker ``slot_id`` named when the note was linked: kept when that
    # speaker leaves the list (``slot_id`` is then None). "" for a note linked to nobody.
    speaker: str = ""


def note_speaker(note: Note, speakers: Mapping[int, str]) -> str:
    """Who was speaking when ``note`` was taken, as every view and report names them: the
    name on the speakers list (``speakers``: slot id → name) while the turn is on it, so a
    corrected spelling shows; else the name kept with the note (a speaker removed since);
    "" for a note linked to nobody."""
    if note.slot_id is not None and note.slot_id in speakers:
        return speakers[note.slot_id]
    return note.speaker


@dataclass(frozen=True)
class Summary:
    """The rapporteur's summary of a session; each section is plain text, one point a line."""

    key_messages: str = ""
    answers: tuple[str, ...] = ()  # one per guiding question, in the session's order
    recommendations: str = ""
    commitments: str = ""
    way_forward: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def answer(self, index: int) -> str:
        """The answer to guiding question ``index`` (0-based), empty if none yet."""
        return self.answers[index] if index < len(self.answers) else ""

    def is_empty(self) -> bool:
        return not any(
            part.strip() for part in (self.key_messages, self.recommendations,
                                      self.commitments, self.way_forward, *self.answers)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            **dict(self.extra),
            "key_messages": self.key_messages,
            "answers": list(self.answers),
            "recommendations": self.recommendations,
            "commitments": self.commitments,
            "way_forward": self.way_forward,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Summary:
        """Read stored sections; unknown keys are kept so a newer version loses nothing."""
        known = {"key_messages", "answers", "recommendations", "commitments", "way_forward"}

        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        answers = data.get("answers", [])
        if not isinstance(answers, list):
            answers = []
        return cls(
            key_messages=text("key_messages"),
            answers=tuple(a if isinstance(a, str) else "" for a in answers),
            recommendations=text("recommendations"),
            commitments=text("commitments"),
            way_forward=text("way_forward"),
            extra={k: v for k, v in data.items() if k not in known},
        )


def clean_note_text(text: str) -> str:
    """A note's text as kept: the questions' normalisation (joiners kept, text-hiding
    characters removed) with its line breaks; empty ("") when it shows nothing."""
    text = normalise_text(text, keep_lines=True)
    return "" if looks_empty(text) else text


# Summary sections in print order: (key, title). Answers are expanded per question.

def note_line(note: Note, speakers: Mapping[int, str]) -> str:
    """A note as one summary point: "- text (Speaker)"; quotes keep their quotation marks."""
    text = " ".join(note.text.split())
    if note.kind is NoteKind.QUOTE and not text.startswith(("“", '"')):
        text = f"“{text}”"
    speaker = note_speaker(note, speakers)
    return f"- {text} ({speaker})" if speaker else f"- {text}"


def prefill_summary(session: Session, notes: Iterable[Note],
                    speakers: Mapping[int, str]) -> Summary:
    """A first draft of the summary from the notes of the matching kinds.

    Key messages, recommendations and commitments come from notes of those kinds; each
    guiding question's answer gathers the notes tagged with it (any kind); the way forward
    starts with the partnership examples, which are what the panel proposes to build on.
    """
    live = [n for n in notes if not n.deleted and n.text.strip()]

    def lines(kinds: set[NoteKind]) -> str:
        return "\n".join(note_line(n, speakers) for n in live if n.kind in kinds)

    answers = tuple(
        "\n".join(note_line(n, speakers) for n in live if question_tag(i) in n.tags)
        for i in range(1, len(session.guiding_questions) + 1)
    )
    return Summary(
        key_messages=lines({NoteKind.KEY_MESSAGE}),
        answers=answers,
        recommendations=lines({NoteKind.RECOMMENDATION}),
        commitments=lines({NoteKind.COMMITMENT}),
        way_forward=lines({NoteKind.PARTNERSHIP}),
    )


def fill_empty_sections(summary: Summary, prefilled: Summary) -> Summary:
    """Take the prefilled text only where the rapporteur has written nothing yet."""
    count = max(len(summary.answers), len(prefilled.answers))
    answers = tuple(summary.answer(i) if summary.answer(i).strip() else prefilled.answer(i)
                    for i in range(count))
    return replace(
        summary,
        key_messages=summary.key_messages if summary.key_messages.strip()
        else prefilled.key_messages,
        answers=answers,
        recommendations=summary.recommendations if summary.recommendations.strip()
        else prefilled.recommendations,
        commitments=summary.commitments if summary.commitments.strip()
        else prefilled.commitments,
        way_forward=summary.way_forward if summary.way_forward.strip()
        else prefilled.way_forward,
    )


def summary_points(text: str) -> list[str]:
    """A section's text as points: one per non-empty line, "- " or "• " bullets dropped."""
    points = []
    for line in text.splitlines():
        line = line.strip()
        if line[:2] in ("- ", "• ", "* "):
            line = line[2:].strip()
        if line:
            points.append(line)
    return points


def sdg_tags_of(notes: Iterable[Note]) -> list[tuple[int, int]]:
    """(SDG number, how many notes) for every SDG tagged in the notes, by number."""
    counts: dict[int, int] = {}
    for note in notes:
        if note.deleted:
            continue
        for tag in note.tags:
            number = sdg_number(tag)
            if number is not None:
                counts[number] = counts.get(number, 0) + 1
    return sorted(counts.items())


def speaker_at(slots: Iterable[Slot], instant: float,
               current_slot_id: int | None = None) -> int | None:
    """The slot the room was hearing at ``instant`` (epoch seconds), or None; what the
    Notes tab would have linked a note to had it been added then.

    A turn covers its start up to its end (an unended turn: up to now). A speaker brought
    back with Previous keeps their older start and has no end again, so where turns
    overlap the one started last wins. Between turns (Next pressed, the next speaker not
    started yet) the note goes to the one walking up: the slot under the cursor if that
    is now, else the next turn that started. ``current_slot_id``: the cursor now.
    """
    turns = [(slot.id, slot.clock) for slot in slots if slot.id is not None]
    covering: tuple[float, int] | None = None
    known: list[float] = []
    for slot_id, clock in turns:
        known += [t for t in (clock.started_at, clock.ended_at) if t is not None]
        if clock.started_at is None or clock.started_at > instant:
            continue
        if clock.ended_at is not None and clock.ended_at <= instant:
            continue
        if covering is None or clock.started_at > covering[0]:
            covering = (clock.started_at, slot_id)
    if covering is not None:
        return covering[1]
    if not known or instant >= max(known):
        return current_slot_id
    if not any(t <= instant for t in known):
        return None  # before the first turn
    later = [(clock.started_at, slot_id) for slot_id, clock in turns
             if clock.started_at is not None and clock.started_at > instant]
    return min(later)[1] if later else None


# --- summary sections, each edited on its own by the laptop and the rapporteurs' devices ---

FIXED_SECTIONS = ("key_messages", "recommendations", "commitments", "way_forward")
_ANSWER_PREFIX = "answer."


def answer_section(index: int) -> str:
    """The section key of the answer to guiding question ``index`` (0-based): "answer.0"."""
    return f"{_ANSWER_PREFIX}{index}"


def section_keys(summary: Summary, questions: int = 0) -> list[str]:
    """Every section of ``summary`` (and at least ``questions`` answers), in print order."""
    answers = max(len(summary.answers), questions)
    return ["key_messages", *(answer_section(i) for i in range(answers)),
            "recommendations", "commitments", "way_forward"]


def is_section_key(key: object) -> bool:
    """True for "key_messages" … "way_forward" and "answer.N" (N below 100)."""
    if not isinstance(key, str):
        return False
    if key in FIXED_SECTIONS:
        return True
    number = key.removeprefix(_ANSWER_PREFIX)
    return key.startswith(_ANSWER_PREFIX) and number.isdigit() and len(number) <= 2 \
        and str(int(number)) == number


def section_text(summary: Summary, key: str) -> str:
    """One section's text ("" for an answer not written yet)."""
    if key.startswith(_ANSWER_PREFIX):
        return summary.answer(int(key.removeprefix(_ANSWER_PREFIX)))
    return str(getattr(summary, key))


def with_section(summary: Summary, key: str, text: str) -> Summary:
    """``summary`` with one section replaced (answers are padded with empty ones).
    ValueError for a key that names no section (``is_section_key``)."""
    if key.startswith(_ANSWER_PREFIX):
        index = int(key.removeprefix(_ANSWER_PREFIX))
        answers = list(summary.answers) + [""] * max(0, index + 1 - len(summary.answers))
        answers[index] = text
        return replace(summary, answers=tuple(answers))
    # Named one by one: a key from a device must not reach another field ("extra").
    match key:
        case "key_messages":
            return replace(summary, key_messages=text)
        case "recommendations":
            return replace(summary, recommendations=text)
        case "commitments":
            return replace(summary, commitments=text)
        case "way_forward":
            return replace(summary, way_forward=text)
    raise ValueError(f"the summary has no section {key!r}")


def changed_sections(before: Summary, after: Summary) -> list[str]:
    """The sections whose text differs between two summaries."""
    return [key for key in section_keys(after, len(before.answers))
            if section_text(before, key) != section_text(after, key)]
