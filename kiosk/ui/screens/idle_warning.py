"""The warning before the idle reset (WCAG 2.2.1): a visible countdown; any key continues."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from kiosk.content.pages import Run
from kiosk.translate import _, ngettext
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import Paragraph


def countdown_text(seconds: int) -> str:
    # TRANSLATORS: countdown after nobody has pressed anything for a while; read aloud at
    # 20, 10 and 5 to 1 seconds. Wraps at 45 columns.
    return ngettext(
        "The kiosk will start again for the next person in {n} second.",
        "The kiosk will start again for the next person in {n} seconds.",
        seconds,
    ).format(n=seconds)


SPOKEN_COUNT = frozenset({20, 10, 5, 4, 3, 2, 1})
"""Seconds at which the countdown is said aloud (the whole warning is said when it opens)."""


def idle_warning_text(seconds: int) -> str:
    return " ".join(
        # TRANSLATORS: heading of the idle warning, read aloud. About 40 cells.
        (_("Are you still there?"), countdown_text(seconds), _("Press any key to continue."))
    )


class IdleWarningScreen(KioskScreen):
    """Shown on top of whatever the person was reading; dismissed by the app on any key."""

    LEGEND_ACTIONS = ()

    def __init__(self, seconds_left: int) -> None:
        super().__init__(classes="modal")
        self.seconds_left = seconds_left

    def compose(self) -> ComposeResult:
        languages = self.context.languages
        language = languages.current()
        with Vertical(classes="dialog"):
            for text, css_id in (
                # TRANSLATORS: heading of the idle warning, read aloud. About 40 cells.
                (_("Are you still there?"), "dialog-title"),
                (countdown_text(self.seconds_left), "countdown"),
                # TRANSLATORS: idle warning: any key or switch press keeps the person's session.
                # Read aloud; wraps at 45 columns.
                (_("Press any key to continue."), "continue"),
            ):
                yield Paragraph(
                    (Run(text),),
                    id=css_id,
                    lang=language.tag,
                    direction=language.direction,
                    reorder_rtl=languages.reorders_rtl,
                )

    def update_seconds(self, seconds_left: int) -> bool:
        """Show the new count; True when it changed."""
        if seconds_left == self.seconds_left:
            return False
        self.seconds_left = seconds_left
        self.query_one("#countdown", Paragraph).set_runs((Run(countdown_text(seconds_left)),))
        return True

    def handle_action(self, action: str) -> None:
        """Any key only continues: nothing underneath is activated by it."""
