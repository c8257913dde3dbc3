"""The workarounds in kiosk.ui.upstream: each bug is shown gone in the kiosk itself, and
each test named after an upstream issue fails once a Textual release makes its workaround
unneeded (remove it then)."""

from __future__ import annotations

import gc
import io
import logging

import pytest
from rich.console import Console
from textual._styles_cache import StylesCache
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot

from kiosk.ui import upstream
from kiosk.ui.lock import LockedApp
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


@pytest.mark.slow  # pages opened and closed many times
async def test_a_closed_page_leaves_none_of_its_rendered_lines_behind_textual_6665(
    make_app: AppFactory,
) -> None:
    """Textual keeps the styles cache (every rendered line) of up to 1,024 removed widgets
    (https://github.com/Textualize/textual/issues/6665); each page opened mounts a widget
    per block, so each page closed used to leave them all behind."""
    assert upstream.caches_styles_per_widget()
    app = make_app()
    async with at_home(app) as pilot:
        for _ in range(2):
            await open_and_close_a_page(pilot)
        before = styles_caches_alive()
        for _ in range(10):
            await open_and_close_a_page(pilot)
        assert styles_caches_alive() <= before


class Failing(App[None]):
    """A plain Textual app (no kiosk workaround) that stops on an error once it is up."""

    def on_mount(self) -> None:
        self.error_console = Console(file=io.StringIO(), width=80)  # captured, not stderr
        self.call_later(self.fail)

    def fail(self) -> None:
        raise ValueError("What is ALS? (a page's text)")


async def run_until_it_stops(app: App[None]) -> None:
    with pytest.raises(ValueError):
        async with app.run_test() as pilot:
            await pilot.pause(0.2)


async def test_an_app_stopped_by_an_error_prints_its_traceback_to_error_console_textual_5325() -> (
    None
):
    """Textual prints the traceback, with local variables, to the undocumented
    `App.error_console` (stderr: the visitor's screen), and nothing turns that off
    (https://github.com/Textualize/textual/issues/5325): kiosk.ui.upstream.
    quiet_error_console gives the kiosk a console that writes nowhere."""
    app = Failing()
    await run_until_it_stops(app)
    file = app.error_console.file
    assert isinstance(file, io.StringIO) and "Traceback" in file.getvalue()
    locked = LockedApp()
    assert isinstance(locked.error_console.file, io.StringIO)  # not sys.stderr


async def test_textual_hands_the_error_that_stops_an_app_only_to_a_private_method_textual_2818(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Textual passes an error no handler caught to `App._handle_exception` alone: no
    public hook (https://github.com/Textualize/textual/issues/2818), and nothing logged
    through `logging`. kiosk.ui.lock.LockedApp overrides it to tell the journal; if the
    method were renamed the override would silently stop, and if Textual logged such
    errors itself the kiosk's line would be a duplicate."""
    assert upstream.hands_stopping_errors_to_a_private_method()
    handed: list[Exception] = []

    class Watched(Failing):
        def _handle_exception(self, error: Exception) -> None:
            handed.append(error)
            super()._handle_exception(error)

    with caplog.at_level(logging.DEBUG):
        await run_until_it_stops(Watched())
    assert [type(error) for error in handed] == [ValueError]
    assert not [r for r in caplog.records if "ValueError" in r.getMessage() or r.exc_info]


async def test_a_theme_set_before_the_app_runs_parses_the_stylesheet_twice_start_in_theme(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No upstream issue: setting `App.theme` before the app runs makes Textual parse the
    whole stylesheet again as it starts. kiosk.ui.upstream.start_in_theme puts the
    clinic's theme in force without that."""
    reparses: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(stylesheet: Stylesheet) -> None:
        reparses.append(stylesheet)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)

    class Themed(App[None]):
        CSS = "Screen { background: $background; }"

        def __init__(self) -> None:
            super().__init__()
            self.theme = "nord"  # as dark as Textual's default

    async with Themed().run_test() as pilot:
        await pilot.pause()
    assert len(reparses) == 1
    reparses.clear()
    app = make_app()  # the clinic's dark theme
    async with at_home(app):
        assert app.theme == "kiosk-dark"
    assert not reparses
