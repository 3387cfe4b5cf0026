"""Tags of audience questions (WUF12 dialogues, SDGs, guiding questions) and the tags a
question's words suggest, in English, French and Spanish.

A question carries the same tags a rapporteur's note does (``core.notes``): "SDG 11", "Q2",
or a dialogue's name. Suggestions match word beginnings: "hous" finds "housing" and
"households", "logement" and "logements"; a keyword of two words matches them in a row.
They are suggestions: the moderator or co-moderator decides.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitator.core.model import Session
from facilitator.core.notes import WUF12_DIALOGUES, question_tag, sdg_number, sdg_tag
from facilitator.core.text import looks_empty, normalise_text

MAX_TAGS = 12
MAX_TAG_LENGTH = 120

# Word beginnings, accents removed, lower case; EN / FR / ES in one list each.
_DIALOGUE_WORDS: dict[str, tuple[str, ...]] = {
    "Housing our future": (
        "hous", "home", "rent", "tenan", "afford", "shelter", "evict", "slum",
        "informal settlement", "logement", "loyer", "locatai", "habitat", "bidonville",
        "expuls", "vivienda", "alquiler", "inquilin", "asentamiento", "desalojo", "hogar"),
    "Stronger together": (
        "partner", "cooperat", "collaborat", "together", "multilevel", "multi-level",
        "coalition", "network", "partenari", "ensemble", "alliance", "reseau", "asociac",
        "alianza", "juntos", "red de", "colabora", "cooperac"),
    "Financing localization and localizing finance": (
        "financ", "fund", "budget", "investment", "invest", "tax", "debt", "loan", "bond",
        "revenue", "fiscal", "fonds", "impot", "dette", "emprunt", "recette",
        "financiacion", "fondos", "presupuest", "impuest", "deuda", "prestamo", "inversion"),
    "Putting people first in a digital era": (
        "digital", "data", "online", "internet", "smart cit", "technolog", "artificial "
        "intelligence", "ai ", "numerique", "donnees", "en ligne", "intelligence artificielle",
        "ville intelligente", "datos", "tecnolog", "inteligencia artificial",
        "ciudad inteligente", "brecha digital"),
    "The loss of home and urban crises": (
        "displace", "refugee", "migrant", "disaster", "conflict", "crisis", "crises", "war",
        "flood", "earthquake", "reconstruct", "deplace", "refugie", "catastroph",
        "conflit", "guerre", "inondation", "seisme", "desplaza", "refugiad", "desastre",
        "conflicto", "guerra", "inundac", "terremoto", "reconstruc"),
}

_SDG_WORDS: dict[int, tuple[str, ...]] = {
    1: ("poverty", "poor", "pauvre", "pobreza", "pobre"),
    2: ("hunger", "food", "faim", "aliment", "hambre", "comida"),
    3: ("health", "hospital", "sante", "hopita", "salud"),
    4: ("education", "school", "ecole", "escuela", "educacion", "universit"),
    5: ("gender", "women", "woman", "girls", "femme", "genre", "mujer", "genero", "nina"),
    6: ("water", "sanitation", "eau", "assainissement", "agua", "saneamiento"),
    7: ("energy", "electric", "solar", "energie", "energia", "solaire"),
    8: ("employment", "jobs", "job ", "work", "emploi", "travail", "empleo", "trabajo"),
    9: ("infrastructure", "innovation", "industr", "infraestructura", "innovac"),
    10: ("inequalit", "inclusion", "disabilit", "inegalit", "handicap", "desigualdad",
         "discapacidad", "inclusi"),
    11: ("cities", "city", "urban", "transport", "mobility", "public space", "ville",
         "urbain", "mobilite", "espace public", "ciudad", "urbano", "urbana", "movilidad",
         "espacio publico"),
    12: ("waste", "recycl", "consumption", "circular", "dechet", "recycl", "consommation",
         "residuo", "recicla", "consumo"),
    13: ("climate", "carbon", "emission", "heat", "resilien", "climat", "chaleur", "clima",
         "calor", "emision"),
    14: ("ocean", "sea ", "coast", "marine", "mer ", "cotier", "oceano", "mar ", "costa"),
    15: ("biodiversity", "forest", "nature", "green space", "biodiversit", "foret",
         "espace vert", "biodiversidad", "bosque", "naturaleza", "espacio verde"),
    16: ("corruption", "justice", "peace", "transparen", "accountab", "paix", "paz",
         "justicia", "corrupcion", "gouvernance", "governance", "gobernanza"),
    17: ("partnership", "partenariat", "alianza", "cooperation", "cooperacion"),
}

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TagGroups:
    """Tags sorted into the report's groups, each in its own order."""

    dialogues: tuple[str, ...]
    sdgs: tuple[str, ...]
    guiding: tuple[str, ...]
    other: tuple[str, ...]


def clean_tags(tags: Iterable[object], known: Iterable[str] = ()) -> tuple[str, ...]:
    """Tags as stored: each cleaned as questions are (core.text: bidi controls and hidden
    characters removed, spaces collapsed, trimmed), each once whatever its case, in the
    order given. A tag matching one of ``known`` (the laptop's choices) in another case
    takes the choice's spelling; otherwise the first spelling given is kept.

    One rule for the laptop and the co-moderator's page: the store runs it on every save.
    A blank tag (nothing typed) is left out. Raises ValueError for a tag that is not text,
    shows nothing once cleaned (only hidden characters or marks), too long, or too many
    tags.
    """
    spelling = {tag.casefold(): tag for tag in known}
    cleaned: dict[str, str] = {}  # casefolded → as stored
    for tag in tags:
        if not isinstance(tag, str):
            raise ValueError("a tag must be text")
        if not tag.strip():
            continue  # an empty line of the laptop's tag box: nothing typed
        tag = normalise_text(tag)
        if looks_empty(tag):  # only bidi controls, hidden characters or marks
            raise ValueError("a tag must show some text")
        if len(tag) > MAX_TAG_LENGTH:
            raise ValueError(f"a tag has at most {MAX_TAG_LENGTH} characters")
        key = tag.casefold()
        cleaned.setdefault(key, spelling.get(key, tag))
    if len(cleaned) > MAX_TAGS:
        raise ValueError(f"a question has at most {MAX_TAGS} tags")
    return tuple(cleaned.values())


def _plain(text: str) -> str:
    """" words separated by one space ", lower case, accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + " ".join(_WORD.findall(bare)) + " "


def _mentions(plain: str, keywords: Sequence[str]) -> bool:
    return any(" " + keyword in plain for keyword in keywords)


def suggest_tags(text: str, session: Session | None = None) -> list[str]:
    """Tags the words of ``text`` suggest: dialogues, then SDGs by number, then the session's
    guiding questions that share a content word of five letters or more with it."""
    return list(_suggested(text, tuple(session.guiding_questions) if session else ()))


# The co-moderator's page asks for every question's suggestions on each poll of its queue
# (every second): about 40 µs a question, so remembered by the words that decide them.
@functools.lru_cache(maxsize=8192)
def _suggested(text: str, guiding_questions: tuple[str, ...]) -> tuple[str, ...]:
    plain = _plain(text)
    tags = [name for name, words in _DIALOGUE_WORDS.items() if _mentions(plain, words)]
    tags += [sdg_tag(n) for n, words in sorted(_SDG_WORDS.items()) if _mentions(plain, words)]
    asked = {w for w in plain.split() if len(w) >= 5}
    for index, guiding in enumerate(guiding_questions, 1):
        if asked & {w for w in _plain(guiding).split() if len(w) >= 5}:
            tags.append(question_tag(index))
    return tuple(tags)


def group_tags(tags: Iterable[str]) -> TagGroups:
    """Dialogues in the concept note's order, SDGs by number, Q1… by number, others A–Z."""
    present = set(tags)
    sdgs = [t for t in present if sdg_number(t) is not None]
    guiding = [t for t in present if _question_number(t) is not None]
    dialogues = [d for d in WUF12_DIALOGUES if d in present]
    other = present - set(sdgs) - set(guiding) - set(dialogues)
    return TagGroups(
        dialogues=tuple(dialogues),
        sdgs=tuple(sorted(sdgs, key=lambda tag: sdg_number(tag) or 0)),
        guiding=tuple(sorted(guiding, key=lambda tag: _question_number(tag) or 0)),
        other=tuple(sorted(other, key=str.casefold)),
    )


def tagged(items: Iterable[tuple[object, Iterable[str]]]) -> dict[str, list[object]]:
    """tag → the items carrying it (in the order given), from (item, tags) pairs."""
    by_tag: dict[str, list[object]] = {}
    for item, tags in items:
        for tag in dict.fromkeys(tags):
            by_tag.setdefault(tag, []).append(item)
    return by_tag


def _question_number(tag: str) -> int | None:
    return int(tag[1:]) if tag[:1] == "Q" and tag[1:].isdigit() else None
