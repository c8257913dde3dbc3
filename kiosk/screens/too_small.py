"""Shown instead of a garbled layout when the terminal is smaller than the kiosk needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from kiosk.i18n import _
from kiosk.screens.base import KioskScreen

MIN_WIDTH = 40
MIN_HEIGHT = 12


def is_too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(KioskScreen):
    LEGEND_ACTIONS = ()

    def compose(self) -> ComposeResult:
        yield Static(
            _("Please make the window larger."),
            markup=False,
            classes="too-small",
        )
        yield Static("", markup=False, id="size", classes="too-small")

    def on_mount(self) -> None:
        self._show_size()
        self.kiosk.say(_("Please make the window larger."))

    def on_resize(self) -> None:
        self._show_size()

    def _show_size(self) -> None:
        width, height = self.app.size
        self.query_one("#size", Static).update(
            _("Now {width}×{height}, needs {min_width}×{min_height}.").format(
                width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT
            )
        )

    def handle_action(self, action: str) -> None:
        """Nothing to act on until the window is large enough again."""
