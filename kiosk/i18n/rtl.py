"""Right-to-left lines for terminals that do no bidi of their own (most of them).

A line is wrapped in logical order first (kiosk.content.layout), then shaped (arabic-reshaper, so
letters join) and reordered for display by the Unicode bidi algorithm (python-bidi), one
line at a time: reordering a whole paragraph before wrapping would put its last sentence on
the first line. The reordering keeps each character's logical index, so emphasis and the
spoken sentence's highlight stay on the right letters (python-bidi's public API does not
give the indices: kiosk.upstream.bidi). Terminals that do bidi themselves (VTE) would
garble this: the clinic config hands bidi to the terminal there.

The two libraries are loaded on the first line that needs them (about 4.5 ms). The
kiosk's first screen needs none: its only right-to-left lines are the language names,
which the loader process draws and hands over with the list (`remember`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from kiosk.content.layout import cells
from kiosk.upstream.bidi import display_with_indices

# Digits in groups ("0808 802 6262") must stay one number: a no-break space is a common
# number separator in the bidi algorithm (rule W4), a plain space is a neutral that the
# right-to-left context would turn around, showing "6262 802 0808".
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")


ELLIPSIS = "…"

Drawn = tuple[str, list[int]]
"""A line as drawn left to right, and the logical index of each drawn character."""

_remembered: dict[str, Drawn] = {}


def remember(drawn: Mapping[str, Drawn]) -> None:
    """Lines already drawn elsewhere (right to left): they need no library here."""
    _remembered.update(drawn)


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    # No ligatures: one shaped character per logical character, so indices still match.
    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "support_ligatures": False}
    )


def visual_line(text: str, *, rtl: bool = True) -> Drawn:
    """The line as drawn left to right, and the logical index of each drawn character."""
    if not text:
        return "", []
    if rtl and text in _remembered:
        shown, order = _remembered[text]
        return shown, list(order)
    logical = _SPACE_IN_NUMBER.sub("\u00a0", _reshaper().reshape(text))
    return display_with_indices(logical, rtl=rtl)


def shorten(line: str, width: int, *, from_left: bool = False) -> str:
    """`line` in at most `width` cells, cut at the end of its reading order and marked "…".

    A right-to-left line the kiosk has drawn (reordered) ends at its left, so it is cut
    there (`from_left`); a line in logical order (left to right, or right to left left to
    a bidi terminal) ends at its right. Cut between words where one fits, so that a reader
    is not left with half a word, nor Arabic with a letter in the wrong joining form."""
    if cells(line) <= width:
        return line
    if width <= 0:
        return ""
    room = width - cells(ELLIPSIS)
    # From the end of the line that is kept: its start in reading order.
    kept = line[::-1] if from_left else line
    taken = 0
    end = 0
    for index, char in enumerate(kept):
        taken += cells(char)
        if taken > room:
            break
        end = index + 1
    cut = kept[:end]
    space = cut.rfind(" ")
    if space > 0 and end < len(kept) and kept[end] != " ":
        cut = cut[:space]
    cut = cut.rstrip(" ")
    return ELLIPSIS + cut[::-1] if from_left else cut + ELLIPSIS
