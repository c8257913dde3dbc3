"""The settings a person may change: reachable by switch, every value spoken, all reset."""

from __future__ import annotations

from functools import partial

import pytest
from textual.pilot import Pilot

from kiosk.config.personal import SETTINGS, Personal
from kiosk.input.scanning import Mode
from kiosk.speech.reader import SpeechReader, State
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import ChoiceScreen, HomeScreen, SettingsScreen
from kiosk.ui.widgets import FocusText, KeyLegend
from tests.app.test_switch_app import ONE, press, scan_until
from tests.conftest import AppFactory
from tests.doubles import ManualClock
from tests.pilot import at_home, focused_text, reader_of, said, wait_for_screen, wait_until

QUIET = "[speech]\nspeak_focus = false\n"


def texts(app: KioskApp) -> list[str]:
    return [item.plain_text for item in app.screen.query(FocusText) if item.focusable]


async def open_settings(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, KioskApp)
    await pilot.press(*["down"] * len(texts(app)), "enter")
    await wait_for_screen(pilot, SettingsScreen)


async def choose(pilot: Pilot[None], setting: str, value: str) -> None:
    """With keys: open `setting` from the settings screen and choose `value`."""
    app = pilot.app
    assert isinstance(app, KioskApp)
    lines = texts(app)
    index = next(i for i, line in enumerate(lines) if line.startswith(setting + ":"))
    await pilot.press("up", "up", "up", "up", "up", "up", *["down"] * index, "enter")
    await wait_for_screen(pilot, ChoiceScreen)
    await wait_until(pilot, lambda: app.screen.focused is not None)
    values = texts(app)
    target = next(i for i, line in enumerate(values) if line.split(" (now)")[0] == value)
    await pilot.press(*["up"] * len(values), *["down"] * target, "enter")
    await wait_for_screen(pilot, SettingsScreen)


async def test_settings_show_each_setting_with_its_value_and_a_way_back(
    make_app: AppFactory,
) -> None:
    app = make_app(QUIET)
    async with at_home(app) as pilot:
        await open_settings(pilot)
        assert texts(app) == [
            "Controls: Keys",
            "Scan time: 1.5 seconds",
            "Colours: White on black",
            "Speech speed: 140 words per minute",
            "Volume: 6 of 7",
            "Back",
        ]
        await pilot.press(*["down"] * 5, "enter")
        await wait_for_screen(pilot, HomeScreen)


async def test_without_speech_there_are_no_speech_settings(make_app: AppFactory) -> None:
    app = make_app("[speech]\nenabled = false\n")
    async with at_home(app) as pilot:
        await open_settings(pilot)
        assert [line.split(":")[0] for line in texts(app)] == [
            "Controls",
            "Scan time",
            "Colours",
            "Back",
        ]


async def test_the_current_value_is_marked_and_focused(make_app: AppFactory) -> None:
    app = make_app(QUIET)
    async with at_home(app) as pilot:
        await open_settings(pilot)
        await pilot.press("down", "enter")  # Scan time
        await wait_for_screen(pilot, ChoiceScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        assert focused_text(app) == "1.5 seconds (now)"
        assert texts(app) == [
            "0.75 seconds",
            "1 second",
            "1.5 seconds (now)",
            "2 seconds",
            "3 seconds",
            "5 seconds",
            "Back",
        ]
        await pilot.press("escape")
        await wait_for_screen(pilot, SettingsScreen)
        assert app.choices.personal.scan_seconds == 1.5


@pytest.mark.speech  # waits for each item to be spoken
async def test_508_402_2_1_every_setting_and_value_is_spoken_as_it_is_focused(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await open_settings(pilot)
        for line in texts(app):
            await wait_until(pilot, lambda line=line: said(app) == line)  # type: ignore[misc]
            await pilot.press("down")
        await pilot.press("up", "up", "enter")  # Speech speed
        await wait_for_screen(pilot, ChoiceScreen)
        # Walk the values up from the current one: each is said as it gets focus.
        values = texts(app)
        for value in reversed(values[:3]):
            await pilot.press("up")
            await wait_until(pilot, lambda value=value: said(app) == value)  # type: ignore[misc]


@pytest.mark.speech  # waits for each choice to be spoken
async def test_a_chosen_value_applies_at_once_and_is_said(make_app: AppFactory) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await open_settings(pilot)
        await choose(pilot, "Speech speed", "170 words per minute")
        reader = reader_of(app)
        assert reader.rate_step == 4
        await wait_until(pilot, lambda: said(app) == "Speech speed: 170 words per minute")
        assert focused_text(app) == "Speech speed: 170 words per minute"
        await choose(pilot, "Volume", "3 of 7")
        assert reader.volume_step == 2
        await wait_until(pilot, lambda: said(app) == "Volume: 3 of 7")
        await choose(pilot, "Colours", "Yellow on black")
        assert app.choices.palette == "yellow" and app.theme == "kiosk-yellow"


@pytest.mark.slow  # two choices by key, then scans in 50 ms virtual steps
async def test_choosing_one_switch_starts_scanning_at_once(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(QUIET)
    async with at_home(app) as pilot:
        assert app.scan.scanner is None
        await open_settings(pilot)
        await choose(pilot, "Scan time", "2 seconds")
        await choose(pilot, "Controls", "One switch — 1 / 2 Select")
        assert app.scan.scanner is not None and app.scan.scanner.mode is Mode.ONE_SWITCH
        assert app.scan.scanner.timings.scan_seconds == 2.0
        await wait_until(pilot, lambda: focused_text(app) == "Controls: One switch — 1 / 2 Select")
        await scan_until(pilot, clock, lambda: focused_text(app).startswith("Scan time"))


@pytest.mark.slow  # scans four screens in 100 ms virtual steps, a real frame each
async def test_settings_are_reachable_and_changed_with_one_switch(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(ONE)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await scan_until(
            pilot, clock, lambda: "-scan-group" in app.screen.query_one("#settings").classes
        )
        await press(pilot, clock)
        await scan_until(pilot, clock, lambda: focused_text(app) == "Settings")
        await press(pilot, clock)
        await wait_for_screen(pilot, SettingsScreen)
        await scan_until(pilot, clock, lambda: focused_text(app).startswith("Scan time"))
        await press(pilot, clock)
        await wait_for_screen(pilot, ChoiceScreen)
        await scan_until(pilot, clock, lambda: focused_text(app) == "3 seconds")
        await press(pilot, clock)
        await wait_for_screen(pilot, SettingsScreen)
        assert app.scan.scanner is not None and app.scan.scanner.timings.scan_seconds == 3.0
        assert "Scan time: 3 seconds" in texts(app)
        # The new time is used at once: the next step comes 3 s (+ the first-item extra) on.
        # (Once the confirmation has been said: auditory scanning waits for speech.)
        await wait_until(pilot, lambda: reader_of(app).state is State.IDLE)
        app.scan.restart()
        start = clock.now()
        await scan_until(pilot, clock, lambda: focused_text(app).startswith("Scan time"))
        assert 3.0 + 0.75 <= clock.now() - start < 3.0 + 0.75 + 0.1
        await scan_until(pilot, clock, lambda: focused_text(app) == "Back")
        await press(pilot, clock)
        await wait_for_screen(pilot, HomeScreen)


@pytest.mark.slow  # five settings chosen one key press at a time
async def test_en_5_1_3_13_every_setting_returns_to_the_clinic_default_after_each_person(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(QUIET)
    async with at_home(app) as pilot:
        defaults = Personal.clinic_defaults(app.settings)
        await open_settings(pilot)
        await choose(pilot, "Colours", "Black on white")
        await choose(pilot, "Speech speed", "250 words per minute")
        await choose(pilot, "Volume", "1 of 7")
        await choose(pilot, "Scan time", "5 seconds")
        await choose(pilot, "Controls", "Two switches — 1 Move   2 Select")
        changed = app.current_personal()
        assert all(getattr(changed, s.id) != getattr(defaults, s.id) for s in SETTINGS)
        await wait_until(pilot, lambda: reader_of(app).state is not State.SPEAKING)
        clock.advance(120 + 30 + 1)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: app.current_personal() == defaults)
        assert app.scan.scanner is None and app.theme == "kiosk-dark"
        assert reader_of(app).rate_step == defaults.rate_step


@pytest.mark.parametrize("controls", ["one-switch", "two-switch"])
async def test_choosing_keys_by_switch_turns_scanning_off_at_once_after_saying_so(
    make_app: AppFactory, clock: ManualClock, controls: str
) -> None:
    """Issue #15: a switch user who chooses Keys is told so, and from then on nothing is
    scanned: no highlight moves, no group stays marked, the legend names keys, and the
    keys work at once (not only after the idle reset)."""
    app = make_app(f'[input]\nmode = "{controls}"\n')  # focus spoken, as in the clinic

    async def reach(wanted: str) -> None:
        if controls == "one-switch":
            await scan_until(pilot, clock, lambda: focused_text(app).startswith(wanted))
            await press(pilot, clock, "1")
            return
        while not focused_text(app).startswith(wanted):
            await press(pilot, clock, "1")
        await press(pilot, clock, "2")

    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        app.post_message(HomeScreen.SettingsRequested())
        await wait_for_screen(pilot, SettingsScreen)
        await reach("Controls")
        await wait_for_screen(pilot, ChoiceScreen)
        await reach("Keys")
        await wait_for_screen(pilot, SettingsScreen)
        await wait_until(pilot, lambda: focused_text(app) == "Controls: Keys")
        assert app.scan.scanner is None
        await wait_until(pilot, lambda: said(app) == "Controls: Keys")
        clock.advance(10)
        app.scan.tick()
        await pilot.pause()
        assert focused_text(app) == "Controls: Keys"
        assert not any("-scan-group" in item.classes for item in app.screen.query(FocusText))
        assert "Enter" in str(app.screen.query_one(KeyLegend).render())
        await pilot.press("down")
        assert focused_text(app).startswith("Scan time")  # the keys work at once


def is_said(reader: SpeechReader, text: str) -> bool:
    return reader.current is not None and reader.current[1].text == text


@pytest.mark.speech  # waits for each value to be spoken
@pytest.mark.parametrize(("setting", "field"), [("Speech speed", 0), ("Volume", 1)])
async def test_each_speed_and_volume_is_said_at_that_speed_and_volume(
    make_app: AppFactory, setting: str, field: int
) -> None:
    """Issue #15: moving through the speeds (or volumes) says each one as it would sound,
    before it is chosen; the list's Back, and the person's own steps, are untouched."""
    app = make_app()
    async with at_home(app) as pilot:
        await open_settings(pilot)
        lines = texts(app)
        index = next(i for i, line in enumerate(lines) if line.startswith(setting + ":"))
        await pilot.press(*["up"] * 6, *["down"] * index, "enter")
        await wait_for_screen(pilot, ChoiceScreen)
        reader = reader_of(app)
        own = (reader.rate_step, reader.volume_step)
        # To the top; the last press moves the focus, so the top value is what is said
        # (a press that moves nothing only stops speech, as every other key does).
        await pilot.press(*["up"] * 10, "down", "up")
        for step in range(len(texts(app)) - 1):  # every value, then Back
            shown = focused_text(app)
            await wait_until(pilot, partial(is_said, reader, shown))
            current = reader.current
            assert current is not None
            said_at = (current[1].rate_step, current[1].volume_step)
            assert said_at[field] == step and said_at[1 - field] is None
            await pilot.press("down")
        assert focused_text(app) == "Back"
        await wait_until(pilot, lambda: said(app) == "Back")
        current = reader.current
        assert current is not None and (current[1].rate_step, current[1].volume_step) == (
            None,
            None,
        )
        assert (reader.rate_step, reader.volume_step) == own


async def test_wcag_2_1_1_settings_name_the_keys_that_are_switches(make_app: AppFactory) -> None:
    """Choosing one or two switches, a person or carer sees (and hears) which keys of
    the clinic's switch interface do what: here the Space/Enter preset."""
    app = make_app('[input]\nswitch_keys = "space-enter"\n[speech]\nspeak_focus = false\n')
    async with at_home(app) as pilot:
        await open_settings(pilot)
        lines = texts(app)
        index = next(i for i, line in enumerate(lines) if line.startswith("Controls:"))
        await pilot.press(*["up"] * len(lines), *["down"] * index, "enter")
        await wait_for_screen(pilot, ChoiceScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        assert texts(app)[:3] == [
            "Keys (now)",
            "One switch — Space / Enter Select",
            "Two switches — Space Move   Enter Select",
        ]
