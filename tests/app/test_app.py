"""The kiosk through Textual's Pilot: navigation, the lock, the idle reset, small terminals."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from kiosk.ui.screens import HomeScreen, IdleWarningScreen, PageScreen, TooSmallScreen
from kiosk.ui.screens.base import KioskContext
from kiosk.ui.widgets import FocusText
from tests.conftest import AppFactory
from tests.doubles import ManualClock
from tests.pilot import at_home, countdown_shown, focused_text, wait_for_screen, wait_until

# Idle tests measure quiet time: no item read aloud on focus (speech keeps the kiosk awake,
# tested in tests/app/test_speech_app.py).
SILENT = "[speech]\nspeak_focus = false\n"


async def open_topic(pilot: Pilot[None], title: str) -> None:
    for _ in range(16):
        if focused_text(pilot.app) == title:  # type: ignore[arg-type]
            await pilot.press("enter")
            await wait_for_screen(pilot, PageScreen)
            return
        await pilot.press("down")
    raise AssertionError(f"no topic {title!r}")


async def test_home_lists_topics_in_order_with_the_first_focused(make_app: AppFactory) -> None:
    app = make_app()
    async with at_home(app):
        titles = [item.plain_text for item in app.screen.query(FocusText)]
        assert titles[0] == "What is ALS?" and titles[8] == "Stem cell therapy"
        assert titles[14:] == ["Settings"] and len(titles) == 15
        assert focused_text(app) == "What is ALS?"


def test_the_app_gives_screens_all_that_kiosk_context_promises(make_app: AppFactory) -> None:
    """Screens read the App only through KioskContext (so they never import it); mypy
    checks this assignment, so the App cannot drift from what screens rely on."""
    app = make_app()
    context: KioskContext = app
    assert context.languages.tag == "en" and context.speaking is None
    app.library.close()


async def test_down_up_tab_move_focus_and_presses_in_a_burst_all_count(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await pilot.press("down", "down", "down", "tab")
        assert focused_text(app) == "Who gets ALS?"
        await pilot.press("up", "shift+tab")
        assert focused_text(app) == "How ALS is diagnosed"
        await pilot.press(*["up"] * 5)
        assert focused_text(app) == "What is ALS?"  # stops at the top, no wrap-around


async def test_enter_opens_a_page_and_back_returns_to_the_same_topic(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await open_topic(pilot, "Stem cell therapy")
        assert focused_text(app) == "Does stem cell therapy help ALS?"
        for back_key in ("escape", "backspace", "left"):
            await pilot.press("down")
            await pilot.press(back_key)
            await wait_for_screen(pilot, HomeScreen)
            assert focused_text(app) == "Stem cell therapy"
            await pilot.press("right")
            await wait_for_screen(pilot, PageScreen)


@pytest.mark.slow  # about 100 single key presses on the longest page
async def test_focus_moves_block_by_block_and_the_page_scrolls_to_keep_it_visible(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await open_topic(pilot, "Stem cell therapy")
        blocks = app.screen.query(FocusText)
        for _ in range(len(blocks) + 3):
            await pilot.press("down")
            await pilot.pause()
            focused = app.screen.focused
            assert focused is not None
            assert focused.region.intersection(app.screen.region).area > 0
        assert focused_text(app).startswith("Last reviewed: ")


async def test_terminal_cursor_follows_focus_for_screen_readers(make_app: AppFactory) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None
        assert app.cursor_position == focused.content_region.offset


async def test_kiosk_lock_no_key_combination_quits_or_leaves(make_app: AppFactory) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await pilot.press(
            "ctrl+q",
            "ctrl+c",
            "ctrl+z",
            "ctrl+backslash",
            "ctrl+p",
            "escape",
            "ctrl+d",
            "f1",
            "ctrl+s",
            "alt+f4",
            "ctrl+w",
            "q",
            "ctrl+l",
        )
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HomeScreen)
        await app.run_action("quit")
        await app.run_action("command_palette")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert app.ENABLE_COMMAND_PALETTE is False


async def test_escape_on_home_does_nothing_harmful(make_app: AppFactory) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await pilot.press("down", "escape", "escape", "backspace")
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2
        assert focused_text(app) == "Symptoms"


async def test_keys_come_from_the_clinic_keymap(make_app: AppFactory) -> None:
    app = make_app('[keys]\nnext = ["j"]\nprevious = ["k"]\nselect = ["space"]\nback = ["b"]\n')
    async with at_home(app) as pilot:
        await pilot.press("down", "j", "j", "k")
        assert focused_text(app) == "Symptoms"
        await pilot.press("space")
        await wait_for_screen(pilot, PageScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PageScreen)
        await pilot.press("b")
        await wait_for_screen(pilot, HomeScreen)
        legend = str(app.screen.query_one("KeyLegend").render())
        assert "J Next" in legend and "Space Open" in legend


@pytest.mark.slow  # twelve warnings, each waited for on screen
async def test_wcag_2_2_1_idle_warning_counts_down_and_any_key_continues_many_times(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(SILENT)
    async with at_home(app) as pilot:
        await open_topic(pilot, "Symptoms")
        await pilot.press("down")
        reading = focused_text(app)
        for _ in range(12):  # WCAG 2.2.1: extendable at least 10 times
            clock.advance(121)
            await wait_for_screen(pilot, IdleWarningScreen)
            countdown = str(app.screen.query_one("#countdown").render())
            assert "29 seconds" in countdown
            clock.advance(10)
            await wait_until(pilot, lambda: "19 seconds" in countdown_shown(app))
            await pilot.press("x")
            await wait_for_screen(pilot, PageScreen)
        assert focused_text(app) == reading  # the key only continued; nothing moved


async def test_idle_reset_returns_home_with_default_theme_and_no_history(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app('[display]\ntheme = "yellow"\n' + SILENT)
    async with at_home(app) as pilot:
        await open_topic(pilot, "Medicines")
        await pilot.press("down", "down")
        app.choices.apply(replace(app.choices.personal, theme="light"))  # a carer changed the theme
        first_home = app.screen_stack[1]
        clock.advance(120 + 30 + 1)
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, HomeScreen)
                and app.screen is not first_home
                and app.screen.focused is not None
            ),
        )
        assert len(app.screen_stack) == 2  # no page of the last person is kept underneath
        assert focused_text(app) == "What is ALS?"
        assert app.theme == "kiosk-yellow"


async def test_idle_reset_can_be_turned_off(make_app: AppFactory, clock: ManualClock) -> None:
    app = make_app("[session]\nidle_seconds = 0\n")
    async with at_home(app) as pilot:
        await open_topic(pilot, "Medicines")
        clock.advance(100_000)
        app.idle.poll()  # what the timer does, called directly: no fixed sleep
        await pilot.pause()
        assert isinstance(app.screen, PageScreen)


async def test_too_small_terminal_shows_enlarge_view_and_recovers(make_app: AppFactory) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await open_topic(pilot, "Symptoms")
        await pilot.press("down")
        reading = focused_text(app)
        await pilot.resize_terminal(20, 8)
        await wait_for_screen(pilot, TooSmallScreen)
        await pilot.press("escape", "enter", "down")
        await pilot.resize_terminal(39, 30)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(45, 12)
        await wait_for_screen(pilot, PageScreen)
        assert focused_text(app) == reading


async def test_broken_config_still_starts_the_kiosk_on_defaults(make_app: AppFactory) -> None:
    app = make_app("this is [ not toml")
    async with at_home(app):
        assert app.theme == "kiosk-dark"
        problems = app.known_problems()
        assert problems and "not valid TOML" in problems[0].message


async def test_missing_content_shows_a_notice_not_a_crash(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(content_dir=tmp_path / "nothing-here")
    async with at_home(app) as pilot:
        await pilot.press("enter", "down", "escape")
        assert "No information is available" in str(app.screen.query_one(".notice").render())


async def test_a_double_press_on_a_topic_opens_one_page(make_app: AppFactory) -> None:
    """Home asks the App for the page (a Message): the second press, already on its way,
    waits for the answer and reaches the page, as it did when Home opened pages itself."""
    app = make_app("[speech]\nenabled = false\n")
    async with at_home(app) as pilot:
        for key in ("enter", "enter"):
            app.post_message(events.Key(key, None))
        await wait_for_screen(pilot, PageScreen)
        await pilot.pause(0.3)
        assert len(app.screen_stack) == 3 and isinstance(app.screen, PageScreen)


async def test_keys_pressed_while_a_page_opens_are_kept_and_never_leave_twice(
    make_app: AppFactory,
) -> None:
    """Found by the soak: Back pressed twice within a page's first frame popped Home too."""
    app = make_app("[speech]\nenabled = false\n")
    async with at_home(app) as pilot:
        shown: list[str] = []
        app.screen_change_signal.subscribe(app, lambda screen: shown.append(type(screen).__name__))
        for key in ("enter", "escape", "escape", "escape"):
            app.post_message(events.Key(key, None))
        # However slowly the page opens, the first Back closes it and the others stay there.
        await wait_until(pilot, lambda: shown[-2:] == ["PageScreen", "HomeScreen"])
        await pilot.pause(0.3)
        assert shown == ["PageScreen", "HomeScreen"]
        assert isinstance(app.screen, HomeScreen) and app.is_running
        assert len(app.screen_stack) == 2 and focused_text(app) == "What is ALS?"
