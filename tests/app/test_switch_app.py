"""The kiosk with one switch and with two (Pilot, on the virtual clock)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from kiosk.config.personal import SETTINGS, with_value
from kiosk.speech.reader import State
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.widgets import ControlItem, FocusText, KeyLegend
from tests.conftest import LOCALES, AppFactory
from tests.doubles import ManualClock
from tests.pilot import wait_for_screen, wait_until

ONE = '[input]\nmode = "one-switch"\n[speech]\nspeak_focus = false\n'
TWO = '[input]\nmode = "two-switch"\n[speech]\nspeak_focus = false\n'


def focused(app: KioskApp) -> str:
    item = app.screen.focused
    return item.plain_text if isinstance(item, FocusText) else ""


async def scan_until(
    pilot: Pilot[None], clock: ManualClock, wanted: Callable[[], bool], limit: float = 60
) -> None:
    """Let the scan run (virtual time) until `wanted` holds."""
    waited = 0.0
    while not wanted():
        app = pilot.app
        assert isinstance(app, KioskApp)
        assert waited < limit, (
            f"scan never reached it; focus on {focused(app)!r}, "
            f"scan {app.scan.scanner and app.scan.scanner.highlight}, "
            f"paused {app.scan.scanner and app.scan.scanner.paused}, screen {app.screen}"
        )
        clock.advance(0.05)
        waited += 0.05
        app.scan.tick()  # what the app's timer does, called at each virtual step
        await pilot.pause()


async def press(pilot: Pilot[None], clock: ManualClock, key: str = "1") -> None:
    """One switch press: the key, then the moment that shows it is not auto-repeat, and a
    little more so the next press is not taken for a tremor."""
    await pilot.press(key)
    clock.advance(0.15)
    assert isinstance(pilot.app, KioskApp)
    pilot.app.scan.tick()
    await pilot.pause()
    clock.advance(0.2)


@pytest.mark.slow  # scans four screens in 50 ms virtual steps, a real frame each
async def test_the_whole_journey_with_one_switch(make_app: AppFactory, clock: ManualClock) -> None:
    app = make_app(ONE, locales_dir=LOCALES)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        await scan_until(pilot, clock, lambda: focused(app) == "English")
        await press(pilot, clock)
        await wait_for_screen(pilot, HomeScreen)
        # 16 items: scanned as groups first. Wait for the group holding the stem-cell topic.
        await scan_until(
            pilot, clock, lambda: "-scan-group" in app.screen.query_one("#topic-stem-cells").classes
        )
        await press(pilot, clock)
        await scan_until(pilot, clock, lambda: focused(app) == "Stem cell therapy")
        await press(pilot, clock)
        await wait_for_screen(pilot, PageScreen)
        # The controls come first on the page; find Read/Pause and choose it.
        await scan_until(
            pilot, clock, lambda: "-scan-group" in app.screen.query_one("#control-read").classes
        )
        await press(pilot, clock)
        await scan_until(pilot, clock, lambda: focused(app) == "Read/Pause")
        await press(pilot, clock)
        assert app.speaking is not None
        reader = app.speaking.reader
        await wait_until(pilot, lambda: reader.state is State.SPEAKING)
        clock.advance(5)  # the scan holds on Read/Pause while the page is read
        await pilot.pause(0.05)
        assert focused(app) == "Read/Pause"
        await press(pilot, clock)  # one press pauses
        assert reader.state is State.PAUSED
        # Back is the first control: scan to it and go back to the topics.
        await scan_until(pilot, clock, lambda: focused(app) == "Back")
        await press(pilot, clock)
        await wait_for_screen(pilot, HomeScreen)


async def test_the_journey_with_two_switches(make_app: AppFactory, clock: ManualClock) -> None:
    app = make_app(TWO)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        clock.advance(30)
        await pilot.pause(0.05)
        assert focused(app) == "What is ALS?"  # nothing moves by itself
        await press(pilot, clock, "1")  # move: next group (15 items: 3 groups of 5)
        assert "-scan-group" in app.screen.query_one("#topic-medicines").classes
        await press(pilot, clock, "2")  # select the group
        assert focused(app) == "Genes and genetic testing"
        for _ in range(3):
            await press(pilot, clock, "1")
        assert focused(app) == "Stem cell therapy"
        await press(pilot, clock, "2")
        await wait_for_screen(pilot, PageScreen)
        controls = list(app.screen.query(ControlItem))
        assert [c.action for c in controls][:2] == ["back", "read"]
        await press(pilot, clock, "2")  # into the first group of controls
        assert focused(app) == "Back"
        await press(pilot, clock, "2")
        await wait_for_screen(pilot, HomeScreen)


@pytest.mark.slow  # 600 virtual scan steps, each waiting for a real frame
async def test_wcag_3_2_1_scanning_for_a_minute_activates_nothing(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(ONE)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        seen = set()
        for _ in range(600):
            clock.advance(0.1)
            app.scan.tick()
            await pilot.pause()
            seen.add(focused(app))
            assert isinstance(app.screen, HomeScreen)
        # Every group highlighted, none chosen.
        assert seen == {"What is ALS?", "Genes and genetic testing", "Planning ahead"}
        assert app.scan.scanner is not None and app.scan.scanner.paused  # 3 loops, then it waits


CONTROLS = next(setting for setting in SETTINGS if setting.id == "mode")


def legend_shown(app: KioskApp) -> str:
    return str(app.screen.query_one(KeyLegend).render())


async def test_wcag_2_1_1_the_bottom_line_names_the_switches_and_what_they_do(
    make_app: AppFactory,
) -> None:
    """In a switch mode the legend says what each switch does now, never keys the person
    does not have ("↓ Next   Enter Open")."""
    for config, expected in ((TWO, "1 Move   2 Select"), (ONE, "1 / 2 Select")):
        app = make_app(config)
        async with app.run_test(size=(45, 12)) as pilot:
            await wait_for_screen(pilot, HomeScreen)
            assert legend_shown(app) == expected
            app.post_message(HomeScreen.TopicChosen(app.languages.localised_pages()[0]))
            await wait_for_screen(pilot, PageScreen)
            assert legend_shown(app) == expected


async def test_the_legend_changes_at_once_with_the_controls_and_back_at_the_reset(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app("[speech]\nspeak_focus = false\n")
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        keys_legend = legend_shown(app)
        assert "Enter Open" in keys_legend
        app.choices.apply(with_value(app.current_personal(), CONTROLS, "two-switch"))
        await pilot.pause()
        assert legend_shown(app) == "1 Move   2 Select"
        await app.reset_session()
        await wait_for_screen(pilot, HomeScreen)
        assert legend_shown(app) == keys_legend


async def test_the_switch_legend_is_in_the_persons_language(make_app: AppFactory) -> None:
    app = make_app(TWO, locales_dir=LOCALES)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        app.post_message(LanguageScreen.LanguageChosen("es"))
        await wait_for_screen(pilot, HomeScreen)
        assert legend_shown(app) == "1 Mover   2 Seleccionar"
