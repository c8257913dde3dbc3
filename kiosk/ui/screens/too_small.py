"""Shown instead of a garbled layout when the terminal is smaller than the kiosk needs."""

from __future__ import annotations

from textual.app import ComposeResult

from kiosk.content.pages import Run
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import Paragraph

MIN_WIDTH = 40
MIN_HEIGHT = 12


def is_too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(KioskScreen):
    LEGEND_ACTIONS = ()

    def compose(self) -> ComposeResult:
        language = self.kiosk.current_language()
        yield Paragraph(
            (Run(_("Please make the window larger."), bold=True),),
            classes="too-small",
            lang=language.tag,
            direction=language.direction,
        )
        yield Paragraph(
            (), id="size", classes="too-small", lang=language.tag, direction=language.direction
        )

    def on_mount(self) -> None:
        self._show_size()
        self.kiosk.say(_("Please make the window larger."))

    def on_resize(self) -> None:
        self._show_size()

    def _show_size(self) -> None:
        width, height = self.app.size
        text = _("Now {width}×{height}, needs {min_width}×{min_height}.").format(
            width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT
        )
        self.query_one("#size", Paragraph).set_runs((Run(text),))

    def handle_action(self, action: str) -> None:
        """Nothing to act on until the window is large enough again."""
