"""The workarounds in kiosk.ui.upstream: each bug is shown gone in the kiosk itself."""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache
from textual.pilot import Pilot

from kiosk.ui.screens import HomeScreen, PageScreen
from tests.conftest import AppFactory
from tests.pilot import at_home, wait_for_screen


def styles_caches_alive() -> int:
    gc.collect()
    return sum(isinstance(thing, StylesCache) for thing in gc.get_objects())


async def open_and_close_a_page(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, PageScreen)
    await pilot.pause()
    await pilot.press("escape")
    await wait_for_screen(pilot, HomeScreen)
    await pilot.pause()


async def test_a_closed_page_leaves_none_of_its_rendered_lines_behind_textual_6665(
    make_app: AppFactory,
) -> None:
    """Textual keeps the styles cache (every rendered line) of up to 1,024 removed widgets
    (https://github.com/Textualize/textual/issues/6665); each page opened mounts a widget
    per block, so each page closed used to leave them all behind."""
    app = make_app()
    async with at_home(app) as pilot:
        for _ in range(2):
            await open_and_close_a_page(pilot)
        before = styles_caches_alive()
        for _ in range(10):
            await open_and_close_a_page(pilot)
        assert styles_caches_alive() <= before
