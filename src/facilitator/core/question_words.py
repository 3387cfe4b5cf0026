"""The content words of a question, as stems, for finding questions asked twice.

"Can cities access climate finance directly?" and "Will cities get direct access to climate
finance?" share their content once words are reduced to their stems (Snowball stemmers for
English, French, Spanish and Arabic) and the small words of each language are set aside.
Each question's language is guessed from its own small words (a French question asked from
the English page is still French); Arabic script is Arabic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
# Arabic short vowels, shadda, sukun, dagger alef and the tatweel: written or not, the word
# is the same (and \w does not match marks, so they would split a word in two).
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC = re.compile("[\u0600-\u06ff]")

# Small words: they say nothing about what a question is about. Question words and the
# verbs of asking ("can", "should", "make") are here too: "Will you make public transport
# free?" and "Should public housing be free?" differ by what they are about, not by them.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = {
    "en": _words("""
        a about after again all also am an and any are as at be been being before between
        both but by can could did do does doing don during each few for from further get
        gets getting give had has have having he her here how i if in into is it its just
        let like make makes making many may me might more most much must my no nor not now
        of off on once only or other our out over own please same shall she should so some
        such than that the their them then there these they this those through to too under
        until up very want was way we were what when where which while who whom why will
        with would you your yours panel panellists panelists speaker speakers question
        ask comment think thoughts view views
        """),
    "fr": _words("""
        a au aux avec avez avons ce ces cet cette comment dans de des doit doivent donc du
        elle elles en est et etre être faire faut il ils je la le les leur leurs lui ma mais
        me mes moi mon ne nos notre nous on ou où par pas peut peuvent plus pour pourquoi
        quand que quel quelle quelles quels qui sa sans se ses si son sont sur ta te tes
        toi ton tu un une vos votre vous y ya rendre quoi selon est-ce panel panélistes
        intervenants question existe il-y-a sont-ils sont-elles
        """),
    "es": _words("""
        a al algo algunos como cómo con cual cuál cuales cuáles cuando cuándo de debe
        deben debería deberían del donde dónde el él ella ellas ellos en entre era es esa
        ese eso esta está están este esto estos existe fue ha han hay la las le les lo los
        más me mi mis muy no nos o para pero por porque puede pueden pueda qué que quien
        quién se ser si sí sin sobre son su sus también te tiene tienen tu tú un una uno
        unos usted ustedes y ya panel panelistas pregunta hacer
        """),
    "ar": _words("""
        في من على إلى الى عن ما ماذا كيف هل هذا هذه ذلك تلك التي الذي الذين و أو او مع
        لماذا متى أين اين كان كانت يكون تكون هو هي هم نحن أنتم انتم أنت انت أن ان إن لا لم
        لن قد كل بين عند ثم حتى بعد قبل يمكن يجب ينبغي هناك لدى له لها لهم عن بشأن حول
        ضد أي اي أيضا ايضا ولكن لكن إذا اذا يتم تم تقوم يقوم قام بها به فيها فيه منها منه
        عليها عليه المتعلقة المتعلق سؤال السؤال
        """),
}
ALL_STOP_WORDS = frozenset().union(*STOP_WORDS.values())
# Letters only one of the Latin-script working languages uses.
_LETTERS = {"en": re.compile("(?!)"), "fr": re.compile("[èêëàâîïôûùçœ]"),
            "es": re.compile("[ñáíóú¿¡]")}
_STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"}


def guess_language(words: list[str], hint: str = "") -> str:
    """The language of a question's lower-case ``words``: "ar" for Arabic script, else the
    working language whose small words and letters (ñ ¿ for Spanish, ç è for French) are
    most used. A tie goes to ``hint`` (the phone page's language) when it is one of the
    tied, else to the language whose stemmer recognises more word endings; no clue at all
    gives ``hint`` or "en"."""
    if any(_ARABIC.search(word) for word in words):
        return "ar"
    joined = " ".join(words)
    scores = {language: 2 * sum(word in STOP_WORDS[language] for word in words)
              + len(_LETTERS[language].findall(joined)) for language in ("en", "fr", "es")}
    best = max(scores.values())
    if not best:
        return hint if hint in ("en", "fr", "es") else "en"
    tied = [language for language, score in scores.items() if score == best]
    if len(tied) == 1:
        return tied[0]
    if hint in tied:
        return hint
    content = [word for word in words if word not in ALL_STOP_WORDS and not word.isdigit()]
    return max(tied, key=lambda language: sum(len(word) - len(stem(word, language))
                                              for word in content))


@lru_cache(maxsize=8)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    # Imported on first use: its 30-odd language modules cost ~35 ms of start-up, and
    # stems are needed only once questions are compared.
    import snowballstemmer

    return snowballstemmer.stemmer(_STEMMERS[language])


def load_stemmers() -> None:
    """Import the stemmers now rather than at the first comparison (~0.2 s): a worker
    reading a big session does it, so the GUI thread's search slices do not."""
    for language in _STEMMERS:
        _stemmer(language)


@lru_cache(maxsize=50_000)
def stem(word: str, language: str) -> str:
    """The stem of a lower-case ``word`` in ``language`` ("en", "fr", "es", "ar"), without
    accents ("financement" and "financer" → "financ")."""
    stemmed = _stemmer(language).stemWord(word)
    decomposed = unicodedata.normalize("NFD", stemmed)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@lru_cache(maxsize=50_000)
def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@lru_cache(maxsize=20_000)  # the moderation table asks again on every reload
def content_words(text: str, language_hint: str = "") -> frozenset[str]:
    """The stems of a question's content words: case, accents, small words and word
    endings set aside. ``language_hint`` settles a tie in ``guess_language``."""
    words = [w.casefold() for w in _WORD.findall(_ARABIC_MARKS.sub("", text))]
    language = guess_language(words, language_hint)
    kept = set()
    for word in words:
        if len(word) < 2 or word.isdigit() or word in ALL_STOP_WORDS:
            continue
        if not word.isascii() and _without_accents(word) in ALL_STOP_WORDS:
            continue
        stemmed = stem(word, language)
        if len(stemmed) > 1:
            kept.add(stemmed)
    return frozenset(kept)
