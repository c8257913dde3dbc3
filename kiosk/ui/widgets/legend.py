"""The always-visible key legend, written from the keymap actually in force.

Right to left it is mirrored like the top bar: set against the right edge, where reading
starts, and kept on one line. Wrapped by Textual, a line already reordered for display
would come apart (its start, "Space", alone on a second row). So where it does not fit,
the gaps between keys narrow first, and what still does not fit is shortened at the end
of its reading order (kiosk.i18n.rtl.shorten).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from kiosk.config.keymap import LABELS, display_key
from kiosk.content.layout import cells
from kiosk.i18n.rtl import shorten
from kiosk.translate import _
from kiosk.ui.widgets.top_bar import interface_layout

GAP = "   "
"""Between one key and the next: wide enough that each word reads with its own key."""
NARROW_GAP = "  "
"""The gap where the legend would not fit on one line otherwise (still two cells, so a
word is never taken for the next key's)."""


def legend_text(keymap: Mapping[str, Sequence[str]], action_ids: Sequence[str]) -> str:
    """'↓ Next   ↑ Previous   Enter Open   Esc Back' for the actions a screen offers."""
    parts = []
    for action_id in action_ids:
        keys = keymap.get(action_id, ())
        if keys:
            parts.append(f"{display_key(keys[0])} {_(LABELS[action_id])}")
    return GAP.join(parts)


def switch_legend_text(keymap: Mapping[str, Sequence[str]], one_switch: bool) -> str:
    """What the switches do now, named by the keys the switch interface sends: '1 Move   2
    Select', or with one switch '1 / 2 Select', since then every switch selects. The
    screen's key legend would name keys a switch user does not have."""
    if not one_switch:
        return legend_text(keymap, ("switch_move", "switch_select"))
    keys = [*keymap.get("switch_move", ()), *keymap.get("switch_select", ())]
    if not keys:
        return ""
    return f"{' / '.join(display_key(key) for key in keys)} {_(LABELS['switch_select'])}"


class KeyLegend(Widget):
    """The keys for the screen's actions, always shown at the bottom (keys are never a
    thing to guess). Given its text already drawn (KioskContext.legend), and shown as it
    is: a key such as "[" is not markup."""

    DEFAULT_CSS = """
    KeyLegend {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, actions: tuple[str, ...], text: str) -> None:
        super().__init__()
        self.actions = actions
        """The screen's actions, to write the legend again when the controls change."""
        self.text = text

    def update(self, text: str) -> None:
        """New words (the controls changed): laid out again at the next render."""
        self.text = text
        self.refresh(layout=True)

    def fitted(self, width: int) -> str:
        """The legend as shown in `width` cells: with narrow gaps where that makes it one
        line. Left to right one still too long wraps (in logical order, between words, as
        it always did). Right to left it is one line against the right edge, shortened at
        its reading end if it must be (the left of a drawn line; the right of one sent in
        logical order to a bidi terminal)."""
        direction, reorders = interface_layout(self.app)
        text = self.text
        if cells(text) > width:
            narrow = text.replace(GAP, NARROW_GAP)
            if cells(narrow) <= width or direction == "rtl":
                text = narrow
        if direction != "rtl":
            return text
        text = shorten(text, width, from_left=reorders)
        return " " * max(0, width - cells(text)) + text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        return len(Content(self.fitted(width)).wrap(width))

    def render(self) -> Content:
        return Content(self.fitted(self.content_region.width or self.size.width))
