"""The kiosk with one switch and with two (Pilot, on the virtual clock)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from kiosk.config.personal import SETTINGS, with_value
from kiosk.content.pages import Page
from kiosk.speech.controls import RATE_STEPS_WPM
from kiosk.speech.reader import State
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.page import BlockView
from kiosk.ui.speaking import item_utterances
from kiosk.ui.widgets import ControlBar, ControlItem, FocusText, KeyLegend
from tests.conftest import LOCALES, AppFactory
from tests.doubles import ManualClock
from tests.pilot import wait_for_screen, wait_until

ONE = '[input]\nmode = "one-switch"\n[speech]\nspeak_focus = false\n'
TWO = '[input]\nmode = "two-switch"\n[speech]\nspeak_focus = false\n'
QUIET_KEYS = "[speech]\nspeak_focus = false\n"


def focused(app: KioskApp) -> str:
    item = app.screen.focused
    return item.plain_text if isinstance(item, FocusText) else ""


SCAN_STEP = 0.1
"""Virtual seconds a frame while the scan runs: fifteen frames to each 1.5 s item, so
every highlight is seen, at half the frames of 50 ms steps (the suite's slowest tests)."""


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
        clock.advance(SCAN_STEP)
        waited += SCAN_STEP
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


def first_text(app: KioskApp) -> str:
    return app.screen.query(BlockView).first().plain_text


def on_screen(app: KioskApp, item: FocusText) -> bool:
    """The item is drawn inside the screen, not scrolled away nor hidden."""
    shown = all(node.display for node in item.ancestors_with_self if isinstance(node, Widget))
    return shown and app.screen.region.contains_region(item.region)


@pytest.mark.slow  # scans four screens in 100 ms virtual steps, a real frame each
async def test_en_5_8_the_whole_journey_with_one_switch(
    make_app: AppFactory, clock: ManualClock
) -> None:
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
        # The page opens on its text, and the scan starts there: one press reads it.
        assert focused(app) == "Does stem cell therapy help ALS?" == first_text(app)
        await press(pilot, clock)
        assert app.speaking is not None
        reader = app.speaking.reader
        await wait_until(pilot, lambda: reader.state is State.SPEAKING)
        clock.advance(5)  # the scan holds while the page is read
        app.scan.tick()
        await pilot.pause(0.05)
        await press(pilot, clock)  # one press pauses
        assert reader.state is State.PAUSED
        # The controls line comes next in the scan; Back is the second control.
        await scan_until(pilot, clock, lambda: focused(app).startswith("Controls"))
        await press(pilot, clock)
        await scan_until(pilot, clock, lambda: focused(app) == "Back")
        await press(pilot, clock)
        await wait_for_screen(pilot, HomeScreen)


async def test_en_5_8_the_journey_with_two_switches(
    make_app: AppFactory, clock: ManualClock
) -> None:
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
        await wait_until(pilot, lambda: page_complete(app))
        assert focused(app) == first_text(app)
        await press(pilot, clock, "1")  # the controls line
        assert focused(app) == "Controls: Read, Back, Speed, Volume"
        await press(pilot, clock, "2")
        assert focused(app) == "Read/Pause"
        await press(pilot, clock, "1")
        assert focused(app) == "Back"
        await press(pilot, clock, "2")
        await wait_for_screen(pilot, HomeScreen)


@pytest.mark.parametrize("config", [ONE, TWO], ids=["one-switch", "two-switch"])
async def test_wcag_2_4_7_a_switch_user_sees_the_page_text_first(
    make_app: AppFactory, config: str
) -> None:
    """At 45×12 with either switch mode the page opens on its text: the first block has
    focus and is on screen with more text below it; the controls are one line (issue #15:
    they were the whole screen)."""
    app = make_app(config)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        page = await open_stem_cells(pilot, app)
        blocks = list(app.screen.query(BlockView))
        assert app.screen.focused is blocks[0]
        assert on_screen(app, blocks[0]) and on_screen(app, blocks[1])
        shown = [c for c in app.screen.query(ControlItem) if on_screen(app, c)]
        assert [c.action for c in shown] == ["controls"]
        assert shown[0].region.height == 1
        # The scan starts on the text, then the controls line, each alone.
        assert app.scan.scanner is not None
        assert app.scan.scanner.highlight is not None
        assert app.scan.scanner.highlight.items == (0,)
        order, alone = page.scan_order()
        assert order[:2] == [blocks[0], shown[0]] and alone == 2


def page_complete(app: KioskApp) -> bool:
    return isinstance(app.screen, PageScreen) and app.screen.complete


def stem_cells(app: KioskApp) -> Page:
    return next(p for p in app.languages.localised_pages() if p.id == "stem-cells")


async def open_stem_cells(pilot: Pilot[None], app: KioskApp) -> PageScreen:
    """The stem-cell page, opened as if chosen on Home, once all of it is there."""
    app.post_message(HomeScreen.TopicChosen(stem_cells(app)))
    await wait_for_screen(pilot, PageScreen)
    await wait_until(pilot, lambda: page_complete(app))
    page = app.screen
    assert isinstance(page, PageScreen)
    return page


@pytest.mark.speech  # real speech: the reading moves on through the page
async def test_en_5_8_a_press_pauses_the_reading_where_it_is(
    make_app: AppFactory, clock: ManualClock
) -> None:
    """While a page is read, the switch pauses it without moving the highlight back to
    where the reading began; the next press goes on from there."""
    app = make_app(ONE)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        page = await open_stem_cells(pilot, app)
        blocks = list(app.screen.query(BlockView))
        assert app.speaking is not None
        reader = app.speaking.reader
        reader.set_rate_step(len(RATE_STEPS_WPM) - 1)  # fastest: reach the third block soon
        page.focus_item(blocks[2])
        app.scan.restart()
        await press(pilot, clock)  # the scan starts on the focused text: read from it
        await wait_until(pilot, lambda: reader.state is State.SPEAKING)
        await wait_until(pilot, lambda: app.screen.focused is blocks[3])
        await press(pilot, clock)
        assert reader.state is State.PAUSED
        paused_at = page.focused
        assert isinstance(paused_at, BlockView)
        assert blocks.index(paused_at) >= 3  # no jump back to where reading began
        assert page.scan_order()[0][0] is paused_at  # the scan starts again there
        assert app.scan.scanner is not None and app.scan.scanner.highlight is not None
        assert app.scan.scanner.highlight.items == (0,)
        await press(pilot, clock)
        await wait_until(pilot, lambda: reader.state is State.SPEAKING)
        assert reader.current is not None
        assert reader.current[1].item >= page.items().index(paused_at)  # went on from there


async def test_the_controls_close_to_show_the_text_being_read(
    make_app: AppFactory, clock: ManualClock
) -> None:
    """Read/Pause chosen from the controls hides them and reads from the text the person
    was at; Slower keeps them open to be chosen again; their names are never read as
    part of the page."""
    app = make_app(TWO)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        page = await open_stem_cells(pilot, app)
        blocks = list(page.query(BlockView))
        bar = page.query_one(ControlBar)
        page.handle_action("controls")
        assert bar.shown and focused(app) == "Read/Pause"
        assert [c.action for c in bar.items()][:2] == ["read", "back"]
        page.focus_item(page.query_one("#control-slower", ControlItem))
        app.action_semantic("select")  # as the select switch would
        assert bar.shown and focused(app) == "Slower"
        page.handle_action("controls")  # Hide controls
        assert not bar.shown and page.focused is blocks[0]
        page.handle_action("controls")
        await press(pilot, clock, "2")  # Read/Pause, where the scan starts
        assert not bar.shown
        assert page.focused is blocks[0] and on_screen(app, blocks[0])
        assert app.speaking is not None
        said = [u.text for u in item_utterances(page.items(), 0, len(page.items()))]
        assert said and not any("Controls" in text or text == "Back" for text in said)


async def test_choosing_text_with_a_key_reads_from_it(make_app: AppFactory) -> None:
    """With keys too, choosing (Enter) a block of a page reads the page from there."""
    app = make_app(QUIET_KEYS)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        page = await open_stem_cells(pilot, app)
        assert not page.query(ControlItem)  # keys: every control has its key
        await pilot.press("down", "enter")
        assert app.speaking is not None
        reader = app.speaking.reader
        await wait_until(pilot, lambda: reader.current is not None)
        assert reader.current is not None
        assert reader.current[1].item == 1


@pytest.mark.slow  # 240 virtual scan steps, each waiting for a real frame
async def test_wcag_3_2_1_scanning_for_a_minute_activates_nothing(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(ONE)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        seen = set()
        for _ in range(240):
            clock.advance(0.25)
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


@pytest.mark.speech  # real speech, each highlighted item said (auditory scanning)
async def test_en_5_8_reading_goes_on_from_block_to_block_with_items_said_aloud(
    make_app: AppFactory, clock: ManualClock
) -> None:
    """With each highlighted item said aloud, reading a page moves focus on to the next
    block; that focus must not be announced over the reading (it cut the reading off
    after its first block, found with one switch in tmux)."""
    app = make_app('[input]\nmode = "one-switch"\n')
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await open_stem_cells(pilot, app)
        assert app.speaking is not None
        speaking = app.speaking
        speaking.reader.set_rate_step(len(RATE_STEPS_WPM) - 1)
        await press(pilot, clock)  # the heading, where the scan starts: read from it
        await wait_until(pilot, lambda: speaking.is_reading())

        def reading_item() -> int:
            current = speaking.reader.current
            return current[1].item if current is not None and speaking.is_reading() else -1

        await wait_until(pilot, lambda: reading_item() >= 2)


def space_enter(mode: str) -> str:
    return f'[input]\nmode = "{mode}"\nswitch_keys = "space-enter"\n[speech]\nspeak_focus = false\n'


async def test_wcag_2_1_1_a_space_switch_chooses_with_one_switch(
    make_app: AppFactory, clock: ManualClock
) -> None:
    """An interface that sends Space, with one switch: Space chooses what is highlighted
    (it read the page before the presets); the legend names Space and Enter."""
    app = make_app(space_enter("one-switch"))
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert legend_shown(app) == "Space / Enter Select"
        await scan_until(pilot, clock, lambda: focused(app) == "What is ALS?")
        await press(pilot, clock, "space")  # the first group
        await press(pilot, clock, "space")  # its first topic
        await wait_for_screen(pilot, PageScreen)
        assert app.speaking is not None
        assert not app.speaking.is_reading()
        await wait_until(pilot, lambda: page_complete(app))
        await press(pilot, clock, "enter")  # the page's first text: read from it
        await wait_until(pilot, lambda: app.speaking is not None and app.speaking.is_reading())


async def test_wcag_2_1_1_space_moves_and_enter_selects_with_two_switches(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(space_enter("two-switch"))
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert legend_shown(app) == "Space Move   Enter Select"
        await press(pilot, clock, "space")
        assert "-scan-group" in app.screen.query_one("#topic-medicines").classes
        await press(pilot, clock, "enter")
        assert focused(app) == "Genes and genetic testing"
        assert isinstance(app.screen, HomeScreen)  # Enter chose the group, opened nothing


async def test_with_keys_the_switch_preset_changes_nothing(make_app: AppFactory) -> None:
    """Keys mode with a Space/Enter switch preset: Space still reads, Enter still opens,
    and the keys 1 and 2 do nothing."""
    app = make_app(space_enter("keys"))
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("1", "2")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and focused(app) == "What is ALS?"
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        await wait_until(pilot, lambda: page_complete(app))
        await pilot.press("space")
        await wait_until(pilot, lambda: app.speaking is not None and app.speaking.is_reading())
