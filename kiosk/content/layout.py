"""Wrapping styled text into lines by terminal cell width, keeping character offsets.

The kiosk wraps text itself instead of leaving it to the widget: the focus marker needs
a hanging indent, right-to-left lines must be wrapped in logical order before they are
reordered, Chinese breaks between characters, and the sentence being spoken is found by
its character offsets. Widths use Rich's `cell_len`, the measure Textual uses.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from kiosk.content.pages import Run

MIN_SIZE: tuple[int, int] = (40, 12)
"""Columns and rows every screen is designed for (docs/dependencies.md: about 45×12 cells
at a 32 pt font). Smaller, the kiosk asks for a larger window and `als-kiosk doctor` says so."""

# No line may start with these (closing punctuation, CJK and Latin).
_NO_BREAK_BEFORE = set(",.;:!?)]}%»、。，．：；！？）」』】〉》〕…‥ー")
# No line may end with these (opening brackets).
_NO_BREAK_AFTER = set("([{«（「『【〈《〔")


@dataclass(frozen=True)
class Piece:
    """Part of a line drawn with one run's style; `start` is its offset in the block text."""

    text: str
    run: Run
    start: int


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def cells(self) -> int:
        return sum(cell_len(piece.text) for piece in self.pieces)


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


_NO_BREAK_SPACES = set("\u00a0\u202f\u2007\u2060")
"""No-break, narrow no-break and figure spaces, word joiner: translators put them between
digit groups ("100\u00a0000") and before "%" so that a number stays on one line."""


def _break_allowed(text: str, index: int) -> bool:
    """May a line break fall between text[index - 1] and text[index]?"""
    before, after = text[index - 1], text[index]
    if after in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER:
        return False
    if before in _NO_BREAK_SPACES or after in _NO_BREAK_SPACES:
        return False
    if before.isspace() and not after.isspace():
        return True
    return (_is_wide(before) or _is_wide(after)) and not after.isspace()


def _line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy line breaking: (start, end) offsets; trailing spaces stay on their line."""
    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        # Skip spaces at the start of a continuation line.
        while spans and start < n and text[start] == " ":
            start += 1
        if start >= n:
            break
        cells = 0
        last_break = -1
        index = start
        while index < n:
            ch_cells = cell_len(text[index])
            if index > start and _break_allowed(text, index):
                last_break = index
            if cells + ch_cells > width and not text[index].isspace():
                break
            cells += ch_cells
            index += 1
        if index >= n:
            spans.append((start, n))
            break
        end = last_break if last_break > start else max(index, start + 1)
        spans.append((start, end))
        start = end
    return spans


def wrap(runs: Sequence[Run], width: int) -> list[Line]:
    """Lay out styled runs in lines at most `width` cells wide (trailing spaces excepted)."""
    text = "".join(run.text for run in runs)
    bounds: list[tuple[int, int, Run]] = []
    offset = 0
    for run in runs:
        bounds.append((offset, offset + len(run.text), run))
        offset += len(run.text)
    lines: list[Line] = []
    for start, end in _line_spans(text, width):
        # Trailing spaces are not drawn.
        shown_end = end
        while shown_end > start and text[shown_end - 1] == " ":
            shown_end -= 1
        pieces = tuple(
            Piece(text[max(a, start) : min(b, shown_end)], run, max(a, start))
            for a, b, run in bounds
            if a < shown_end and b > start and min(b, shown_end) > max(a, start)
        )
        lines.append(Line(start, end, pieces))
    return lines or [Line(0, 0, ())]


def cells(text: str) -> int:
    """Terminal cells `text` takes, as Textual will draw it (CJK characters take two)."""
    return cell_len(text)
