"""Shown instead of a garbled layout when the terminal is smaller than the kiosk needs."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult

from kiosk.content.layout import MIN_SIZE
from kiosk.content.pages import Run
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import Paragraph

MIN_WIDTH, MIN_HEIGHT = MIN_SIZE


def is_too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


def sync_size_screen(app: App[Any]) -> None:
    """Show the "please enlarge" view while the terminal is too small, and leave it after
    (at start, after a reset, and whenever the front screen is resized)."""
    small = is_too_small(*app.size)
    showing = isinstance(app.screen, TooSmallScreen)
    if small and not showing:
        app.push_screen(TooSmallScreen())
    elif showing and not small:
        app.pop_screen()


class TooSmallScreen(KioskScreen):
    LEGEND_ACTIONS = ()

    def compose(self) -> ComposeResult:
        languages = self.context.languages
        language, reorder = languages.current(), languages.reorders_rtl
        yield Paragraph(
            # TRANSLATORS: shown when the terminal is smaller than the kiosk's minimum; for staff
            # setting it up. Wraps.
            (Run(_("Please make the window larger."), bold=True),),
            classes="too-small",
            lang=language.tag,
            direction=language.direction,
            reorder_rtl=reorder,
        )
        yield Paragraph(
            (),
            id="size",
            classes="too-small",
            lang=language.tag,
            direction=language.direction,
            reorder_rtl=reorder,
        )

    def on_mount(self) -> None:
        self._show_size()
        # TRANSLATORS: shown when the terminal is smaller than the kiosk's minimum; for staff
        # setting it up. Wraps.
        self.context.say(_("Please make the window larger."))

    def on_resize(self) -> None:
        self._show_size()

    def _show_size(self) -> None:
        width, height = self.app.size
        # TRANSLATORS: the terminal's size now and the size needed, in character cells. Wraps.
        text = _("Now {width}×{height}, needs {min_width}×{min_height}.").format(
            width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT
        )
        self.query_one("#size", Paragraph).set_runs((Run(text),))

    def handle_action(self, action: str) -> None:
        """Nothing to act on until the window is large enough again."""
