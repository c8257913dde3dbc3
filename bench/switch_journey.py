"""Presses and seconds a one-switch user needs to hear the stem-cell page (issue #15).

Run: python bench/switch_journey.py. The kiosk as shipped (every language, so the journey
starts on the language list), one-switch scanning at the default timings, real clock,
headless Textual at 45×12. The "user" presses the switch the moment the item they want
is highlighted, so the figures are the least any one-switch user can do. Speaking each
highlighted item is off: auditory scanning would add the time each name takes to say.
Ends when the first sentence of the stem-cell page is being spoken.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events

from kiosk.factory import create_app
from kiosk.speech.reader import State
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.page import BlockView
from kiosk.ui.widgets import FocusText

STEP_SECONDS = 0.01


def focused(app: KioskApp) -> str:
    item = app.screen.focused
    return item.plain_text if isinstance(item, FocusText) else ""


def grouped(app: KioskApp, selector: str) -> bool:
    found = app.screen.query(selector)
    return bool(found) and "-scan-group" in found.first().classes


async def journey() -> tuple[int, float, list[str]]:
    folder = Path(tempfile.mkdtemp())
    config = folder / "kiosk.toml"
    config.write_text('[input]\nmode = "one-switch"\n[speech]\nspeak_focus = false\n')
    app = create_app(config_path=config)
    presses = 0
    steps: list[str] = []
    async with app.run_test(size=(45, 12)) as pilot:

        async def wait(condition: Callable[[], bool], limit: float = 120) -> None:
            deadline = time.monotonic() + limit
            while not condition():
                if time.monotonic() > deadline:
                    raise RuntimeError(f"not reached; focus on {focused(app)!r}")
                await pilot.pause(STEP_SECONDS)

        last_press = 0.0

        async def press_when(what: str, condition: Callable[[], bool]) -> None:
            nonlocal presses, last_press
            # A press within the repeat window of the last one is taken for a tremor and
            # ignored (`[input] ignore_repeat_seconds`): a person waits that long too.
            settle = app.settings.input.ignore_repeat_seconds + 0.05
            await wait(lambda: condition() and time.monotonic() - last_press > settle)
            last_press = time.monotonic()
            app.post_message(events.Key("1", "1"))
            presses += 1
            steps.append(what)
            await pilot.pause()

        await wait(lambda: bool(focused(app)))
        started = time.monotonic()
        if focused(app) != "What is ALS?":  # the language list comes first
            await press_when("English", lambda: focused(app) == "English")
            await wait(lambda: isinstance(app.screen, HomeScreen) and bool(focused(app)))
        await press_when("its group", lambda: grouped(app, "#topic-stem-cells"))
        await press_when("Stem cell therapy", lambda: focused(app) == "Stem cell therapy")
        await wait(lambda: isinstance(app.screen, PageScreen) and app.screen.complete)
        page: Any = app.screen
        first_text = page.query(BlockView).first().plain_text
        # The scan starts on the page's text: choosing it reads the page from there.
        await press_when("the page's first text", lambda: focused(app) == first_text)
        await wait(lambda: app.speaking is not None and app.speaking.reader.state is State.SPEAKING)
        return presses, time.monotonic() - started, steps


def main() -> None:
    presses, seconds, steps = asyncio.run(journey())
    print(
        f"one switch, start screen -> first sentence of the stem-cell page heard: "
        f"{presses} presses, {seconds:.1f} s ({' > '.join(steps)})"
    )


if __name__ == "__main__":
    main()
