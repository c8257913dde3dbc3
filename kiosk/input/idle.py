"""The idle reset as a time limit (WCAG 2.2.1): quiet, then a warning, then reset.

Pure logic on an injected clock; the app polls `phase()` and shows what it says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from kiosk.input.clock import Clock


class Phase(Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleState:
    phase: Phase
    seconds_left: int
    """Whole seconds until the reset, shown in the warning's countdown."""


class IdleTimer:
    def __init__(self, clock: Clock, idle_seconds: float, warning_seconds: float) -> None:
        self._clock = clock
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self._last_activity = clock.now()

    @property
    def enabled(self) -> bool:
        return self.idle_seconds > 0

    def touch(self) -> None:
        """Someone pressed a key or a switch: the quiet time starts again."""
        self._last_activity = self._clock.now()

    def state(self) -> IdleState:
        if not self.enabled:
            return IdleState(Phase.ACTIVE, 0)
        quiet = self._clock.now() - self._last_activity
        left = self.idle_seconds + self.warning_seconds - quiet
        if quiet < self.idle_seconds:
            return IdleState(Phase.ACTIVE, math.ceil(left))
        if left > 0:
            return IdleState(Phase.WARNING, math.ceil(left))
        return IdleState(Phase.EXPIRED, 0)
