"""Test doubles and measures: what the tests drive or inspect the kiosk with, kept out of
the product (kiosk/ holds only what the kiosk itself uses)."""

from __future__ import annotations

import array
import math
import sys
import threading
from typing import Any

from kiosk.speech.audio import Clip
from kiosk.speech.reader import SpeechReader


class ManualClock:
    """A clock that moves only when told to (kiosk.input.clock.Clock)."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds


def samples(clip: Clip) -> array.array[int]:
    """The clip's 16-bit samples as numbers."""
    values = array.array("h")
    values.frombytes(clip.pcm)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def rms(clip: Clip) -> float:
    """Root mean square of the samples, 0 to 32768: a silent clip is near 0."""
    values = samples(clip)
    if not values:
        return 0.0
    return math.sqrt(sum(v * v for v in values) / len(values))


class SettlingReader(SpeechReader):
    """A SpeechReader a test can wait on: `wait_idle` returns once the speech thread has
    handled every command queued before it (the engine started, a request played)."""

    def wait_idle(self, timeout: float = 10.0) -> bool:
        done = threading.Event()
        self._commands.put(("settled", done))
        return done.wait(timeout)

    def _handle(self, command: str, argument: Any) -> None:
        if command == "settled":
            argument.set()
            return
        super()._handle(command, argument)
