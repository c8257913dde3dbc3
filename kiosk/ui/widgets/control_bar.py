"""Speech and navigation controls as items on a page, for people using switches.

With keys each control has its own key; with one or two switches the only way to reach
them is to scan to them. Shown all the time they would fill the kiosk's 45×12 screen and
hide the page's text (issue #15), so the page shows one line, "Controls…", at the
bottom, and choosing it shows the controls above that line until the person has chosen
one (or "Hide controls").
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from kiosk.config.keymap import LABELS
from kiosk.content.pages import Run
from kiosk.translate import N_, _
from kiosk.ui.widgets.focus_text import FocusText

CONTROL_ACTIONS: tuple[str, ...] = (
    "read",
    "back",
    "stop",
    "repeat",
    "previous_sentence",
    "next_sentence",
    "slower",
    "faster",
    "quieter",
    "louder",
)
"""The actions shown as items when the controls are open, in their order there: the two
most wanted first, each scanned alone (PageScreen.scan_order). Their words are the
keymap's (kiosk.config.keymap.LABELS)."""
CONTROLS: tuple[tuple[str, str], ...] = tuple(
    (action, LABELS[action]) for action in CONTROL_ACTIONS
)

TOGGLE_ACTION = "controls"
"""Not a key: what choosing the "Controls…" line does (show or hide the controls)."""

# TRANSLATORS: on a page, for people using switches: the one line at the bottom that
# shows the reading controls when chosen. Highlighted and read aloud; at most two lines
# at 45 columns (keep it near 40 characters). Name the most used controls.
SHOW_LABEL = N_("Controls: Read, Back, Speed, Volume")
# TRANSLATORS: on a page, for people using switches: the same line once the controls are
# shown; choosing it hides them again. Highlighted and read aloud.
HIDE_LABEL = N_("Hide controls")


class ControlItem(FocusText):
    """Choosing it performs its action, as its key would. (Its look: kiosk.tcss.)"""

    def __init__(
        self,
        action: str,
        label: str,
        *,
        lang: str = "en",
        direction: str = "ltr",
        reorder_rtl: bool = True,
    ) -> None:
        super().__init__(
            (Run(label, bold=True),),
            id=f"control-{action}",
            lang=lang,
            direction=direction,
            reorder_rtl=reorder_rtl,
        )
        self.action = action


class ControlBar(Vertical):
    """The "Controls…" line, and above it the controls while they are shown."""

    DEFAULT_CSS = """
    ControlBar {
        width: 1fr;
        max-width: 72;
        height: auto;
        padding: 0 1;
        margin-top: 1;  /* a blank line sets the controls apart from the text */
    }
    /* Half the screen at most (6 controls at 45×12): the line below and a few lines of
       the text being read stay in view; the rest of the controls scroll. */
    ControlBar > VerticalScroll {
        height: auto;
        max-height: 50vh;
        scrollbar-size-vertical: 1;
        display: none;
    }
    """

    def __init__(
        self, *, lang: str = "en", direction: str = "ltr", reorder_rtl: bool = True
    ) -> None:
        super().__init__()
        self.shown = False
        """The controls are shown (the line then says "Hide controls")."""
        self.lang = lang
        """The interface language the labels are in: their voice and, right to left,
        their mirrored layout, as the page's own blocks have (FocusText)."""
        self.direction = direction
        self.reorder_rtl = reorder_rtl

    def _item(self, action: str, label: str) -> ControlItem:
        return ControlItem(
            action,
            label,
            lang=self.lang,
            direction=self.direction,
            reorder_rtl=self.reorder_rtl,
        )

    def compose(self) -> ComposeResult:
        # Hidden controls are neither shown nor focusable, so neither scanned nor read.
        with VerticalScroll(id="control-list", disabled=True):
            for action, label in CONTROLS:
                yield self._item(action, _(label))
        yield self._item(TOGGLE_ACTION, _(SHOW_LABEL))

    def show(self, shown: bool) -> None:
        """Show the controls, or only the line that shows them."""
        self.shown = shown
        listed = self.query_one("#control-list", VerticalScroll)
        listed.display = shown
        listed.disabled = not shown
        toggle = self.query_one(f"#control-{TOGGLE_ACTION}", ControlItem)
        toggle.set_runs((Run(_(HIDE_LABEL if shown else SHOW_LABEL), bold=True),))

    def items(self) -> list[ControlItem]:
        """The controls that can be chosen now, in order, the line last."""
        return [item for item in self.query(ControlItem) if item.focusable]
