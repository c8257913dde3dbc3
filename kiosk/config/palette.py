"""The kiosk's colour themes as data: every pair of colours drawn together is named here.

Text pairs must reach 7:1 (WCAG 1.4.6) and the focus marker 3:1 against what surrounds
it (1.4.11); `tests/app/test_contrast.py` measures every pair, and the UI builds its Textual
themes from these same values, so what is measured is what is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    name: str
    dark: bool
    background: str
    text: str
    focus_background: str
    """The focused or scanned item is drawn in reverse: a change of shape, not only colour."""
    focus_text: str
    marker: str
    """The thick bar beside the focused item."""
    bar_background: str
    """The key legend and status lines."""
    bar_text: str
    notice: str
    """Notices (English fallback, sound not available) on the page background."""

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every foreground/background pair that carries text."""
        return {
            "text": (self.text, self.background),
            "focused text": (self.focus_text, self.focus_background),
            "legend": (self.bar_text, self.bar_background),
            "notice": (self.notice, self.background),
        }

    def boundary_pairs(self) -> dict[str, tuple[str, str]]:
        """Focus indicators against what is next to them (WCAG 1.4.11, 2.4.13)."""
        return {
            "focus marker on background": (self.marker, self.background),
            # The focused item is drawn in reverse: its area against the unfocused look.
            "focused item on background": (self.focus_background, self.background),
        }


PALETTES: dict[str, Palette] = {
    palette.name: palette
    for palette in (
        Palette(
            name="dark",
            dark=True,
            background="#101010",
            text="#f2f2f2",
            focus_background="#f2f2f2",
            focus_text="#101010",
            marker="#5cc8ff",
            bar_background="#26323d",
            bar_text="#ffffff",
            notice="#ffd54a",
        ),
        Palette(
            name="light",
            dark=False,
            background="#ffffff",
            text="#141414",
            focus_background="#0b2d6b",
            focus_text="#ffffff",
            marker="#b3261e",
            bar_background="#e4e9ef",
            bar_text="#000000",
            notice="#6b2c00",
        ),
        Palette(
            name="yellow",
            dark=True,
            background="#000000",
            text="#ffff00",
            focus_background="#ffff00",
            focus_text="#000000",
            marker="#ffffff",
            bar_background="#000000",
            bar_text="#ffff00",
            notice="#ffffff",
        ),
        Palette(
            name="plain",
            dark=True,
            background="#000000",
            text="#ffffff",
            focus_background="#ffffff",
            focus_text="#000000",
            marker="#ffffff",
            bar_background="#000000",
            bar_text="#ffffff",
            notice="#ffffff",
        ),
    )
}

THEMES: tuple[str, ...] = tuple(PALETTES)
"""The theme names a clinic and a person choose from: one per palette."""

PLAIN = "plain"


def is_plain(palette_name: str) -> bool:
    """Is this the plain theme: no borders, block art or bars for a screen reader to read
    out? (For a Textual theme's name: kiosk.ui.themes.is_plain_theme.)"""
    return palette_name == PLAIN
