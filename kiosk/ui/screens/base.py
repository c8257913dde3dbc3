"""What every kiosk screen shares: semantic actions in, focus moves, cursor follows focus.

Screens never import the App (kiosk.ui.app). What they want done they ask for with a
Message (`KioskScreen.ask`), which the App handles; what they read comes through
`KioskContext`, the part of the App they may see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, cast

from textual import events
from textual.geometry import Offset
from textual.message import Message
from textual.screen import Screen

from kiosk.config.keymap import SPEECH_ACTIONS
from kiosk.content.pages import Run
from kiosk.translate import _
from kiosk.ui.widgets import ControlItem, FocusText, Paragraph

if TYPE_CHECKING:
    from kiosk.config.personal import Personal
    from kiosk.i18n.state import LanguageState
    from kiosk.input.scanning import Mode
    from kiosk.problems import Problem
    from kiosk.ui.speaking import Speaking


def staff_notice_text() -> str:
    # TRANSLATORS: shown and read aloud on the first screen when something only staff can fix is
    # wrong. Wraps at 45 columns.
    return _("Something in this kiosk needs fixing. Please tell a member of staff.")


class Scanning(Protocol):
    """Switch scanning as a screen sees it (kiosk.ui.scan_driver.ScanDriver)."""

    @property
    def active(self) -> bool:
        """The person uses switches: pages show their controls as items."""
        ...

    def restart(self) -> None:
        """Scan the front screen's items from the first (they are new, or more came)."""
        ...


class KioskContext(Protocol):
    """What a screen may read from the App (kiosk.ui.app.KioskApp), and nothing else.

    A protocol rather than the App class so that screens, a layer below it, never import
    it; anything that changes the kiosk is asked for with a Message instead."""

    @property
    def languages(self) -> LanguageState:
        """The language in force, its pages, and how its lines are drawn."""
        ...

    @property
    def speaking(self) -> Speaking | None:
        """Speech, once it has started (None until then, or when the clinic turned it off)."""
        ...

    @property
    def scan(self) -> Scanning: ...

    def legend(self, action_ids: tuple[str, ...]) -> str:
        """The key legend for these actions, from the keymap in force, as drawn."""
        ...

    def switch_keys_text(self, mode: Mode) -> str:
        """What the switches are in that mode, by their keys ("1 Move   2 Select"): not
        yet drawn for the language."""
        ...

    def say(self, text: str) -> None:
        """Say an interface message aloud (when there is speech)."""
        ...

    def current_personal(self) -> Personal:
        """The person's own choices now (settings, speed and volume keys)."""
        ...

    def known_problems(self) -> list[Problem]:
        """What staff must be told of, as far as is known yet (never waits)."""
        ...


class KioskScreen(Screen[None], inherit_bindings=False):
    """A screen driven only by the kiosk's semantic actions (no Textual default bindings).

    Subclasses compose their items (FocusText) and override the hooks below: `activate`
    for what choosing an item does, `go_back` for Back, `read_start` for where Read
    starts from a control. The App sends every key and switch here as an action
    (`handle_action`)."""

    LEGEND_ACTIONS: tuple[str, ...] = ("next", "previous", "select", "back")
    """The actions the key legend at the bottom shows."""

    SHOWS_STAFF_NOTICE = False
    """Home and the language list carry the staff notice: the screens staff pass by."""

    asked = False
    """This screen has asked the App for something not yet done (KioskScreen.ask): actions
    that arrive meanwhile wait for it, as they are meant for what it opens."""

    @property
    def context(self) -> KioskContext:
        """The App, as far as screens may see it."""
        return cast(KioskContext, self.app)

    def ask(self, request: Message) -> None:
        """Ask the App to do something for this screen (open a page, change the
        language…): a Message it handles. Posted to the App directly, behind any keys
        already on their way, which the App then holds back until it has answered
        (`asked`): keys pressed quickly still reach the screen that opens."""
        self.asked = True
        self.app.post_message(request)

    def staff_notice(self) -> Iterator[Paragraph]:
        """A line for staff when the config, a page or a language could not be loaded (the
        technician finds the details with `als-kiosk doctor`)."""
        if self.SHOWS_STAFF_NOTICE and self.context.known_problems():
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

    def scan_order(self) -> tuple[list[FocusText], int]:
        """What switches scan here, in order, and how many of the first are offered one
        by one before any group (kiosk.input.scanning.make_groups). Most screens: every
        item, grouped when there are many. An item may come twice (offered alone first,
        and again in its place)."""
        return self.items(), 0

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
            speaking = self.context.speaking
            if speaking is not None:
                speaking.handle(self, action)
        elif action == "next":
            self.move_focus(+1)
        elif action == "previous":
            self.move_focus(-1)
        elif action == "select" and isinstance(self.focused, FocusText):
            self.activate(self.focused)
        elif action == "back":
            self.go_back()

    def select_action(self, item: FocusText) -> str:
        """What choosing `item` does: a control acts as its key would; anything else is
        chosen (`activate`)."""
        return item.action if isinstance(item, ControlItem) else "select"

    def read_start(self) -> int:
        """Index of the item Read starts from when focus is not on text (a control).
        Pages override this to go on from the block last read."""
        return 0

    def activate(self, item: FocusText) -> None:
        """The focused item was chosen. Screens with choices override this, and ask the
        App (`ask`) for anything beyond the screen itself."""

    def go_back(self) -> None:
        """Back from this screen. Screens with somewhere to go back to override this."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.call_after_refresh(self.place_cursor)
        speaking = self.context.speaking
        if speaking is not None and isinstance(event.widget, FocusText):
            speaking.focused(self, event.widget)

    def on_screen_resume(self) -> None:
        self.asked = False  # in front again: whatever it asked for has been done
        context = self.context
        if context.speaking is not None:
            context.speaking.show_lasting_notices(self)
        # After the refresh: a new screen's items are mounted by then.
        self.call_after_refresh(context.scan.restart)

    def on_resize(self) -> None:
        # Screens get the new size after the app has applied it (the app's own Resize
        # handler runs before that), so the size check lives here.
        if self.is_current:
            from kiosk.ui.screens.too_small import sync_size_screen  # it imports this module

            sync_size_screen(self.app)
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        """Put the terminal cursor on the focused item's marker: screen readers and braille
        follow it. Right to left the marker is the item's last cell (FocusText), both as
        the kiosk draws it and as a bidi terminal shows it (which leaves it in place)."""
        focused = self.focused
        if focused is None or not self.is_current:
            return
        region = focused.content_region
        visible = region.intersection(self.region)
        if visible.area:
            rtl = isinstance(focused, FocusText) and focused.direction == "rtl"
            x = region.right - 1 if rtl else region.x
            self.app.cursor_position = Offset(x, max(region.y, visible.y))
            focused.refresh()
