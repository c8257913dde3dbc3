"""Sentence boundaries, language-aware (pysbd), as character offsets into a block's text.

Speech goes sentence by sentence: synthesis of a sentence takes milliseconds, pause and
repeat work on a sentence, and the screen highlights exactly what is being spoken.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kiosk.translate import base_language

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pysbd

    from kiosk.content.pages import Run

# pysbd's rule sets; a language without its own uses the closest one that splits the same
# punctuation (Portuguese and Spanish share the Latin rules; Chinese covers 。！？).
_PYSBD_LANGUAGES = {"en", "es", "fr", "ar", "zh", "de", "it", "nl", "ru", "pl", "ja", "fa"}
_CLOSEST = {"pt": "es", "cmn": "zh", "yue": "zh"}


@cache
def _segmenter(lang: str) -> pysbd.Segmenter:
    import pysbd  # on first use: the first screen is up before anything is read

    base = base_language(lang)
    base = _CLOSEST.get(base, base)
    return pysbd.Segmenter(
        language=base if base in _PYSBD_LANGUAGES else "en", clean=False, char_span=True
    )


_END_THEN_MORE = re.compile(r"[.!?;:\u060c\u3002\uff01\uff1f\u061f\u06d4\u0964](?!\s*$)")
"""Punctuation that may end a sentence, anywhere but at the very end: without any, the text
is one sentence (an item's name, a heading) and pysbd need not be asked."""


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trailing spaces excluded, none empty."""
    stripped = text.strip()
    if not stripped:
        return []
    if not _END_THEN_MORE.search(text):
        start = text.index(stripped[0])
        return [(start, start + len(stripped))]
    return pysbd_sentences(text, lang)


def pysbd_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """The sentences pysbd finds (split_sentences asks it only when it must)."""
    spans: list[tuple[int, int]] = []
    for part in _segmenter(lang).segment(text):
        start, end = part.start, part.end
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans or [(0, len(text))]


def tel_spans(runs: Sequence[Run]) -> list[tuple[int, int]]:
    """Offsets of the phone numbers (the text of `tel:` links) in the runs' joined text."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for run in runs:
        if run.tel:
            if spans and spans[-1][1] == offset:
                spans[-1] = (spans[-1][0], offset + len(run.text))  # one link, two styles
            else:
                spans.append((offset, offset + len(run.text)))
        offset += len(run.text)
    return spans
