"""Switch scanning in the running kiosk: when each step is shown, and what a press does.

The Scanner (kiosk.input.scanning) works out from the clock which item is highlighted and
when a press counts; this driver gives it ticks and shows its answers on the screen in
front. Two timers: a frequent tick settles presses (a hold, a repeat within the tremor
time), and a one-shot timer fires at the moment the next step is due, since ticks alone
would make every step up to a tick late (bench/scan_timing.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.config.clinic import InputSettings
from kiosk.config.personal import Personal
from kiosk.input.clock import Clock
from kiosk.input.scanning import Mode, Scanner, Timings
from kiosk.ui.screens.base import KioskScreen

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from kiosk.input.scanning import Choice, Highlight, Scanner

SCAN_TICK_SECONDS = 0.01
"""Scan steps are computed from the clock; ticks only need to come often."""


class ScanDriver:
    """Scanning for one App; idle (no scanner, no timers) while the person uses keys."""

    def __init__(
        self,
        app: App[Any],
        clock: Clock,
        configured: InputSettings,
        *,
        speaking: Callable[[], bool],
        reading: Callable[[], bool],
        select: Callable[[], None],
    ) -> None:
        self.app = app
        self.clock = clock
        self.configured = configured
        self._speaking = speaking
        """Anything being said: auditory scanning waits for it."""
        self._reading = reading
        """A page is being read aloud: a press pauses it, wherever the scan is."""
        self._select = select
        """Choose the focused item, as the select key would."""
        self.scanner: Scanner | None = None
        self._ticks: Timer | None = None
        self._step_timer: Timer | None = None
        self._armed_for = -1.0

    @property
    def active(self) -> bool:
        """The person scans with switches (and pages show their controls as items)."""
        return self.scanner is not None

    def use(self, personal: Personal) -> None:
        """A scanner for the person's controls and scan time: the next `run` starts it."""
        if personal.mode is Mode.KEYS:
            self.scanner = None
            return
        configured = self.configured
        timings = Timings(
            scan_seconds=personal.scan_seconds,
            first_item_extra=configured.first_item_extra,
            loops=int(configured.loops),
            ignore_repeat_seconds=configured.ignore_repeat_seconds,
            hold_seconds=configured.hold_seconds,
        )
        self.scanner = Scanner(self.clock, Mode(personal.mode), timings)

    def run(self) -> None:
        """Frequent ticks settle presses while scanning; none at all with keys only."""
        if self.scanner is not None and self._ticks is None:
            self._ticks = self.app.set_interval(SCAN_TICK_SECONDS, self.tick)
        elif self.scanner is None:
            for timer in (self._ticks, self._step_timer):
                if timer is not None:
                    timer.stop()
            self._ticks = self._step_timer = None
            self._armed_for = -1.0

    def press(self, action: str) -> None:
        """A switch was pressed (switch_select or switch_move)."""
        if self.scanner is None:
            return
        from kiosk.input.scanning import Mode, Switch

        one_switch = self.scanner.mode is Mode.ONE_SWITCH
        switch = Switch.SELECT if one_switch or action == "switch_select" else Switch.MOVE
        self._show(self.scanner.press(switch))

    def restart(self) -> None:
        """A new screen, or new items on it: scan its items from the first."""
        screen = self.app.screen
        if self.scanner is None or not isinstance(screen, KioskScreen):
            return
        items, alone = screen.scan_order()
        self._show(self.scanner.start(len(items), alone))

    def tick(self) -> None:
        if self.scanner is None or not self.app.screen_stack:
            return
        if self._speaking():
            # Auditory scanning waits for the item's name; reading a page holds the scan
            # on the control that was chosen, so one press pauses it.
            self.scanner.hold_for(self.scanner.timings.scan_seconds)
        self._show(self.scanner.tick())
        self._arm()

    def _arm(self) -> None:
        """A one-shot timer for the exact moment the next step is due: polling alone
        would add up to a polling interval of lateness to every step."""
        if self.scanner is None:
            return
        due = self.scanner.next_step_at
        delay = due - self.clock.now()
        if 0 < delay < 60 and due != self._armed_for:
            if self._step_timer is not None:
                self._step_timer.stop()
            self._armed_for = due
            self._step_timer = self.app.set_timer(delay, self.tick)

    def _show(self, result: Highlight | Choice | None) -> None:
        screen = self.app.screen
        if result is None or not isinstance(screen, KioskScreen):
            return
        from kiosk.input.scanning import Choice

        items, _alone = screen.scan_order()
        if isinstance(result, Choice):
            for item in items:
                item.remove_class("-scan-group")
            if self._reading():
                # The switch pauses a page being read, wherever the scan had got to: focus
                # is on the sentence being read, and stays there (no jump back up the
                # page). The scan then starts again from that text (PageScreen.scan_order),
                # so the next press carries on reading.
                self._select()
                self.restart()
            elif 0 <= result.item < len(items):
                screen.focus_item(items[result.item])
                self._select()
            return
        group = {id(items[i]) for i in result.items if i < len(items)} if result.is_group else set()
        for item in items:
            item.set_class(id(item) in group, "-scan-group")
        if result.items and result.items[0] < len(items):
            # Highlighting moves focus (and speech) only: it never activates (WCAG 3.2.1).
            screen.focus_item(items[result.items[0]])
