"""One monotonic clock for every timed behaviour, so tests can drive time by hand."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale; only differences mean anything."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.monotonic()
