"""What a terminal that does bidi itself (VTE) shows of a row the kiosk sent it.

With `[display] bidi = "terminal"` the kiosk sends logical order and the terminal reorders
each row. VTE by default takes every row as one paragraph, left to right (implicit mode,
no autodetection of the direction): the Unicode bidi algorithm at level 0. Applying that
to a captured row is what the person sees there, but for the joining of letters.
"""

from __future__ import annotations

from kiosk.upstream.bidi import display_with_indices


def as_a_bidi_terminal_shows(row: str) -> str:
    return display_with_indices(row, rtl=False)[0]
