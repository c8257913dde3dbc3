"""Speech and navigation controls as items on the page, for people using switches.

With keys each control has its own key; with one or two switches the only way to reach
them is to scan to them, so in the scanning modes the page shows them as items.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.content.pages import Run
from kiosk.translate import N_, _
from kiosk.ui.widgets.focus_text import FocusText

CONTROLS: tuple[tuple[str, str], ...] = (
    ("back", N_("Back")),
    ("read", N_("Read/Pause")),
    ("stop", N_("Stop")),
    ("repeat", N_("Repeat")),
    ("previous_sentence", N_("Previous sentence")),
    ("next_sentence", N_("Next sentence")),
    ("slower", N_("Slower")),
    ("faster", N_("Faster")),
    ("quieter", N_("Quieter")),
    ("louder", N_("Louder")),
)


class ControlItem(FocusText):
    """Choosing it performs its action, as its key would."""

    DEFAULT_CSS = """
    ControlItem {
        margin: 0;
    }
    """

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
