"""What the engine is given: a sentence as shown, made speakable in its language.

Applied to one sentence at a time, after the text is split into sentences, so the screen
keeps its own text and offsets: the highlight is the displayed sentence whatever length
its spoken form has. In order: phone numbers (marked on the page as `tel:` links) are
read digit by digit; the language's lexicon (kiosk.speech.lexicon) replaces what the
engine would misread; numbers, times and dates are written the way the engine says them
right (kiosk.speech.numbers). What comes out is sanitised once more: nothing from a file
reaches the engine raw.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.text import sanitise
from kiosk.problems import Problem
from kiosk.speech.lexicon import Lexicon, lexicon_path, read_lexicon
from kiosk.speech.numbers import number_style, phone_digits, speakable_numbers
from kiosk.translate import SOURCE_LANGUAGE

Span = tuple[int, int]


@dataclass(frozen=True)
class Lexicons:
    """Where each language's lexicon is: beside the English pages, beside the catalogs."""

    content_dir: Path
    locales_dir: Path

    @classmethod
    def shipped(cls) -> Lexicons:
        from kiosk.paths import default_content_dir, default_locales_dir

        return cls(default_content_dir(), default_locales_dir())

    def path(self, tag: str) -> Path:
        return lexicon_path(tag, self.content_dir, self.locales_dir)

    def tags(self) -> list[str]:
        """English and every language folder (with or without a lexicon)."""
        try:
            folders = sorted(p.name for p in self.locales_dir.iterdir() if p.is_dir())
        except OSError:
            folders = []
        return [SOURCE_LANGUAGE, *(tag for tag in folders if tag != SOURCE_LANGUAGE)]


@dataclass
class Pronunciation:
    """Each language's lexicon, read on first use (or all at once by `preload`), and the
    problems that kept one from being used. Thread-safe: the reader prefetches."""

    lexicons: Lexicons = field(default_factory=Lexicons.shipped)
    _loaded: dict[str, Lexicon | None] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    """Per language: why its lexicon is not used (empty when it is, or there is none)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def lexicon(self, lang: str) -> Lexicon | None:
        tag = lang.replace("-", "_")
        with self._lock:
            if tag not in self._loaded:
                lexicon, problems = read_lexicon(self.lexicons.path(tag), tag)
                self._loaded[tag] = lexicon
                self.problems[tag] = problems
            return self._loaded[tag]

    def preload(self) -> None:
        """Read every language's lexicon and number style now, off the first sentence's path."""
        for tag in self.lexicons.tags():
            self.lexicon(tag)
            number_style(tag)

    def prepare(self, text: str, lang: str, phones: Sequence[Span] = ()) -> str:
        """The sentence `text` (as shown) as the engine should get it. `phones` are the
        offsets of phone numbers in it."""
        lexicon = self.lexicon(lang)
        pieces: list[str] = []
        cursor = 0
        for start, end in sorted(phones):
            if start < cursor or end > len(text) or start >= end:
                continue
            pieces.append(_words(text[cursor:start], lang, lexicon))
            pieces.append(phone_digits(text[start:end]))
            cursor = end
        pieces.append(_words(text[cursor:], lang, lexicon))
        return sanitise("".join(pieces))


def _words(text: str, lang: str, lexicon: Lexicon | None) -> str:
    if lexicon is not None:
        text = lexicon.apply(text)
    return speakable_numbers(text, lang)
