"""Sentence boundaries, language-aware (pysbd), as character offsets into a block's text.

Speech goes sentence by sentence: synthesis of a sentence takes milliseconds, pause and
repeat work on a sentence, and the screen highlights exactly what is being spoken.
"""

from __future__ import annotations

from functools import cache

import pysbd

# pysbd's rule sets; a language without its own uses the closest one that splits the same
# punctuation (Portuguese and Spanish share the Latin rules; Chinese covers 。！？).
_PYSBD_LANGUAGES = {"en", "es", "fr", "ar", "zh", "de", "it", "nl", "ru", "pl", "ja", "fa"}
_CLOSEST = {"pt": "es", "cmn": "zh", "yue": "zh"}


@cache
def _segmenter(lang: str) -> pysbd.Segmenter:
    base = lang.replace("-", "_").split("_")[0].lower()
    base = _CLOSEST.get(base, base)
    return pysbd.Segmenter(
        language=base if base in _PYSBD_LANGUAGES else "en", clean=False, char_span=True
    )


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trailing spaces excluded, none empty."""
    spans: list[tuple[int, int]] = []
    if not text.strip():
        return spans
    for part in _segmenter(lang).segment(text):
        start, end = part.start, part.end
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans or [(0, len(text))]
