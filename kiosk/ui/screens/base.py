"""What every kiosk screen shares: semantic actions in, focus moves, cursor follows focus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Offset
from textual.screen import Screen

from kiosk.config.keymap import SPEECH_ACTIONS
from kiosk.content.pages import Run
from kiosk.translate import _
from kiosk.ui.widgets import FocusText, Paragraph

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp


def staff_notice_text() -> str:
    return _("Something in this kiosk needs fixing. Please tell a member of staff.")


class KioskScreen(Screen[None], inherit_bindings=False):
    """A screen driven only by the kiosk's semantic actions (no Textual default bindings)."""

    LEGEND_ACTIONS: tuple[str, ...] = ("next", "previous", "select", "back")

    @property
    def kiosk(self) -> KioskApp:
        from kiosk.ui.app import KioskApp

        assert isinstance(self.app, KioskApp)
        return self.app

    SHOWS_STAFF_NOTICE = False
    """Home and the language list carry the staff notice: the screens staff pass by."""

    def staff_notice(self) -> Iterator[Paragraph]:
        """A line for staff when the config, a page or a language could not be loaded (the
        technician finds the details with `als-kiosk doctor`)."""
        if self.SHOWS_STAFF_NOTICE and self.kiosk.known_problems():
            yield Paragraph((Run(staff_notice_text()),), classes="notice", id="staff-notice")

    def show_staff_notice(self) -> None:
        """Problems found after this screen was built: add the notice below its items."""
        if not self.SHOWS_STAFF_NOTICE or self.query("#staff-notice"):
            return
        column = self.query(".column")
        if column:
            column.first().mount_all(self.staff_notice())

    def items(self) -> list[FocusText]:
        """The focusable items in reading order."""
        return [item for item in self.query(FocusText) if item.focusable]

    def move_focus(self, step: int) -> None:
        items = self.items()
        if not items:
            return
        current = self.focused
        index = -1
        if isinstance(current, FocusText) and current in items:
            index = items.index(current)
        target = items[max(0, min(len(items) - 1, index + step))] if index >= 0 else items[0]
        self.focus_item(target)

    def focus_item(self, item: FocusText) -> None:
        # Synchronous, unlike Widget.focus() (deferred with call_later): presses that
        # arrive together must each move from where the last one left the focus.
        self.set_focus(item, scroll_visible=False)
        item.scroll_visible(animate=False, immediate=True)

    def handle_action(self, action: str) -> None:
        """Act on a semantic action (from keys, switches or tests)."""
        if action in SPEECH_ACTIONS:
            if self.kiosk.speaking is not None:
                self.kiosk.speaking.handle(self, action)
        elif action == "next":
            self.move_focus(+1)
        elif action == "previous":
            self.move_focus(-1)
        elif action == "select" and isinstance(self.focused, FocusText):
            self.activate(self.focused)
        elif action == "back":
            self.go_back()

    def read_start(self) -> int:
        """Index of the item Read starts from when focus is not on text (a control)."""
        return 0

    def activate(self, item: FocusText) -> None:
        """The focused item was chosen. Screens with choices override this."""

    def go_back(self) -> None:
        """Back from this screen. Screens with somewhere to go back to override this."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.call_after_refresh(self.place_cursor)
        speaking = self.kiosk.speaking
        if speaking is not None and isinstance(event.widget, FocusText):
            speaking.focused(self, event.widget)

    def on_screen_resume(self) -> None:
        if self.kiosk.speaking is not None:
            self.kiosk.speaking.show_lasting_notices(self)
        # After the refresh: a new screen's items are mounted by then.
        self.call_after_refresh(self.kiosk.restart_scan)

    def on_resize(self) -> None:
        # Screens get the new size after the app has applied it (the app's own Resize
        # handler runs before that), so the size check lives here.
        if self.is_current:
            self.kiosk.sync_size_screen()
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        """Put the terminal cursor on the focused item: screen readers and braille follow it."""
        focused = self.focused
        if focused is None or not self.is_current:
            return
        region = focused.content_region
        visible = region.intersection(self.region)
        if visible.area:
            self.app.cursor_position = Offset(region.x, max(region.y, visible.y))
            focused.refresh()
