"""Switch scanning: the whole kiosk with one switch (automatic) or two (step).

Pure logic on an injected clock (no Textual, no sleeps): the UI calls `tick()` often and
`press()` on every switch key, and acts on what they return. Every step time is computed
from the clock at the moment the previous step was due, never from "now + interval", so
steps do not drift however late a tick comes.

Defaults follow docs/accessibility.md: 1.5 s per item, +0.75 s on the first item,
3 loops then pause until the next press, repeated presses within 0.3 s ignored (EN 301 549
5.8, tremor), hold time off. Where there are more than about seven items the scan goes by
groups first, then items within the chosen group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum, StrEnum

from kiosk.input.clock import Clock

GROUP_ABOVE = 7
"""More items than this are scanned in groups first."""
REPEAT_GAP = 0.1
"""Events of one key closer than this are the terminal's auto-repeat, not presses."""
INITIAL_REPEAT_DELAY = 0.8
"""Terminals wait about 0.25-0.6 s before a held key starts repeating."""


class Mode(StrEnum):
    """How a person gives input: the one list of input modes. The clinic config's choices
    (`[input] mode`), the names on the settings screen (kiosk.config.personal) and the
    scanner all use it; the value is what the config file says."""

    KEYS = "keys"
    """A few large keys; nothing is scanned (no Scanner)."""
    ONE_SWITCH = "one-switch"
    """Automatic scanning: the highlight moves by itself, one switch selects."""
    TWO_SWITCH = "two-switch"
    """Step scanning: one switch moves the highlight, the other selects."""


class Switch(Enum):
    SELECT = "select"
    """The only switch in one-switch mode; the second switch in two-switch mode."""
    MOVE = "move"
    """Two-switch mode: step the highlight on."""


@dataclass(frozen=True)
class Timings:
    scan_seconds: float = 1.5
    first_item_extra: float = 0.75
    loops: int = 3
    ignore_repeat_seconds: float = 0.3
    hold_seconds: float = 0.0
    """0 = off. Otherwise a press counts only when the key is held this long (seen as the
    terminal's auto-repeat continuing); a brief knock is ignored."""


@dataclass(frozen=True)
class Highlight:
    """What is highlighted: a group (several items) or one item, by item index."""

    items: tuple[int, ...]
    is_group: bool


@dataclass(frozen=True)
class Choice:
    """An item was selected: the UI activates it."""

    item: int


def make_groups(count: int, alone: int = 0) -> list[tuple[int, ...]]:
    """Items in reading order, in groups of nearly equal size when there are many.

    The first `alone` items are offered one by one before any group: what a person most
    likely wants next on that screen (a page's text, its controls) takes one press."""
    alone = min(alone, count)
    singles: list[tuple[int, ...]] = [(i,) for i in range(alone)]
    rest = count - alone
    if rest <= GROUP_ABOVE:
        return singles + [(i,) for i in range(alone, count)]
    group_count = math.ceil(rest / 5)
    size = math.ceil(rest / group_count)
    return singles + [tuple(range(i, min(i + size, count))) for i in range(alone, count, size)]


class Scanner:
    def __init__(self, clock: Clock, mode: Mode, timings: Timings | None = None) -> None:
        self.clock = clock
        self.mode = mode
        self.timings = timings or Timings()
        self._groups: list[tuple[int, ...]] = []
        self._inside: tuple[int, ...] | None = None  # the chosen group's items
        self._position = 0
        self._next_step_at = math.inf
        self.paused = False
        self._events: dict[Switch, list[float]] = {}
        self._last_accepted: dict[Switch, float] = {}
        self._pending: dict[Switch, float] = {}
        self._hold_start: dict[Switch, float] = {}
        self._held_accepted: set[Switch] = set()

    # ------------------------------------------------------------------ what is scanned

    def start(self, count: int, alone: int = 0) -> Highlight | None:
        """Scan a screen with `count` actionable items, from the first; the first `alone`
        of them one by one, before any group (make_groups)."""
        self._groups = make_groups(count, alone)
        self._inside = None
        return self._restart_level()

    def _level(self) -> list[tuple[int, ...]]:
        if self._inside is not None:
            return [(i,) for i in self._inside]
        return self._groups

    def _restart_level(self) -> Highlight | None:
        self._position = 0
        self.paused = False
        now = self.clock.now()
        self._next_step_at = (
            now + self.timings.scan_seconds + self.timings.first_item_extra
            if self.mode is Mode.ONE_SWITCH
            else math.inf
        )
        return self.highlight

    @property
    def highlight(self) -> Highlight | None:
        level = self._level()
        if not level:
            return None
        chosen = level[self._position % len(level)]
        return Highlight(chosen, is_group=self._inside is None and len(chosen) > 1)

    # ------------------------------------------------------------------ time

    def tick(self) -> Highlight | Choice | None:
        """Count presses that have settled, and advance automatic scanning to the clock.

        Returns a Choice when an item was selected, the new Highlight when it moved."""
        settled = self._settle_presses()
        if settled is not None:
            return settled
        if self.mode is not Mode.ONE_SWITCH or self.paused or not self._level():
            return None
        moved = False
        now = self.clock.now()
        while now >= self._next_step_at:
            level = self._level()
            if self._position + 1 >= len(level) * self.timings.loops:
                if self._inside is not None:
                    # Nothing chosen in the group: back to scanning the groups.
                    return self.back_to_groups()
                # Loops done with no press: stop on the first item until a press.
                self.paused = True
                self._position = 0
                self._next_step_at = math.inf
                return self.highlight
            self._position += 1
            due = self._next_step_at
            extra = self.timings.first_item_extra if self._position % len(level) == 0 else 0.0
            self._next_step_at = due + self.timings.scan_seconds + extra
            moved = True
        return self.highlight if moved else None

    def hold_for(self, seconds: float) -> None:
        """Do not step for `seconds` from now: the item's name is still being spoken
        (auditory scanning waits for it), or a page is being read."""
        if self.mode is Mode.ONE_SWITCH and not self.paused:
            self._next_step_at = max(self._next_step_at, self.clock.now() + seconds)

    @property
    def next_step_at(self) -> float:
        return self._next_step_at

    # ------------------------------------------------------------------ presses

    def press(self, switch: Switch) -> Highlight | Choice | None:
        """A switch key event. A press counts a moment later (`tick`), once it is clear no
        auto-repeat follows; a held key is one press, never a series."""
        now = self.clock.now()
        history = self._events.setdefault(switch, [])
        history.append(now)
        del history[:-3]
        if len(history) >= 2 and now - history[-2] < REPEAT_GAP:
            # Auto-repeat of a held key. The hold began at the first event, or at the one
            # before the repeats started (terminals wait ~0.5 s before repeating).
            self._pending.pop(switch, None)
            if switch not in self._hold_start:
                initial = len(history) == 3 and history[-2] - history[-3] < INITIAL_REPEAT_DELAY
                self._hold_start[switch] = history[-3] if initial else history[-2]
            held = now - self._hold_start[switch]
            if (
                self.timings.hold_seconds
                and held >= self.timings.hold_seconds
                and switch not in self._held_accepted
            ):
                self._held_accepted.add(switch)
                return self._accept(switch, now)
            return None
        self._hold_start.pop(switch, None)
        self._held_accepted.discard(switch)
        if not self.timings.hold_seconds:
            self._pending[switch] = now
        return None

    def _settle_presses(self) -> Highlight | Choice | None:
        now = self.clock.now()
        result: Highlight | Choice | None = None
        for switch, at in list(self._pending.items()):
            if now - at >= REPEAT_GAP:
                del self._pending[switch]
                result = self._accept(switch, at) or result
        return result

    def _accept(self, switch: Switch, at: float) -> Highlight | Choice | None:
        last = self._last_accepted.get(switch)
        if last is not None and at - last < self.timings.ignore_repeat_seconds:
            return None  # tremor: a second press too soon after the first
        self._last_accepted[switch] = at
        if self.mode is Mode.TWO_SWITCH and switch is Switch.MOVE:
            level = self._level()
            if level:
                self._position = (self._position + 1) % len(level)
            return self.highlight
        return self._select()

    def _select(self) -> Highlight | Choice | None:
        if self.mode is Mode.ONE_SWITCH and self.paused:
            # A press after the loops ran out wakes the scan; it chooses nothing.
            return self._restart_level()
        highlight = self.highlight
        if highlight is None:
            return None
        if highlight.is_group:
            self._inside = highlight.items
            return self._restart_level()
        chosen = highlight.items[0]
        # Go on scanning from the chosen item (it keeps focus): the next press chooses it
        # again, so Read then Pause, or Louder three times, need no waiting.
        level_position = self._position % len(self._level())
        self._restart_level()
        self._position = level_position
        return Choice(chosen)

    def back_to_groups(self) -> Highlight | None:
        self._inside = None
        return self._restart_level()
