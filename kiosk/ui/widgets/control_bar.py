"""Speech and navigation controls as items on the page, for people using switches.

With keys each control has its own key; with one or two switches the only way to reach
them is to scan to them, so in the scanning modes the page shows them as items.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.config.keymap import LABELS
from kiosk.content.pages import Run
from kiosk.translate import _
from kiosk.ui.widgets.focus_text import FocusText

CONTROL_ACTIONS: tuple[str, ...] = (
    "back",
    "read",
    "stop",
    "repeat",
    "previous_sentence",
    "next_sentence",
    "slower",
    "faster",
    "quieter",
    "louder",
)
"""The actions shown as items on a page, in their order there; their words are the
keymap's (kiosk.config.keymap.LABELS)."""
CONTROLS: tuple[tuple[str, str], ...] = tuple(
    (action, LABELS[action]) for action in CONTROL_ACTIONS
)


class ControlItem(FocusText):
    """Choosing it performs its action, as its key would. (Its look: kiosk.tcss.)"""

    def __init__(self, action: str, label: str) -> None:
        super().__init__((Run(label, bold=True),), id=f"control-{action}")
        self.action = action


class ControlBar(Vertical):
    DEFAULT_CSS = """
    ControlBar {
        height: auto;
        margin-bottom: 1;
    }
    """

    def compose(self) -> ComposeResult:
        for action, label in CONTROLS:
            yield ControlItem(action, _(label))
