"""Helpers for Pilot tests that wait on conditions, never on fixed sleeps."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from textual.pilot import Pilot

from kiosk.speech.reader import SpeechReader
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen
from kiosk.ui.widgets import FocusText

KIOSK_SIZE = (45, 12)
"""A 32 pt font on a 1280×800 screen (docs/dependencies.md)."""


WAIT_SECONDS = 30.0
"""How long a condition may take: generous, since CI runs two busy workers on two cores
(a language check that takes 1 s here once took over 5 s there)."""


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError(f"condition never became true; screen is {pilot.app.screen}")


async def wait_for_screen(pilot: Pilot[None], kind: type) -> None:
    """Textual delays screen switches: wait for the screen before asserting on it."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind))


@asynccontextmanager
async def at_home(app: KioskApp, size: tuple[int, int] = KIOSK_SIZE) -> AsyncIterator[Pilot[None]]:
    """The kiosk running at `size`, with Home shown and its first topic focused."""
    async with app.run_test(size=size) as pilot:
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, HomeScreen)
                and app.screen.focused is not None
                # Speech starts once the first screen is up (KioskApp._start_speech).
                and (app.speaking is not None or not app.settings.speech.enabled)
            ),
        )
        yield pilot


def reader_of(app: KioskApp) -> SpeechReader:
    assert app.speaking is not None
    return app.speaking.reader


def said(app: KioskApp) -> str:
    """The sentence the reader is on (what is being, or was last, said)."""
    current = reader_of(app).current
    return current[1].text if current is not None else ""


def focused_text(app: KioskApp) -> str:
    focused = app.screen.focused
    assert isinstance(focused, FocusText)
    return focused.plain_text


def countdown_shown(app: KioskApp) -> str:
    return str(app.screen.query_one("#countdown").render())
