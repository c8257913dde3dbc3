"""Speech in the running kiosk (Pilot): highlight, controls, interruptions, faults, reset."""

from __future__ import annotations

import os
import signal

import pytest
from textual import events
from textual.pilot import Pilot

from kiosk.speech.controls import VOLUME_STEPS_DB
from kiosk.speech.reader import SpeechReader, State, Utterance
from kiosk.speech.sentences import split_sentences
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import IdleWarningScreen, PageScreen
from kiosk.ui.widgets import FocusText, TopBar
from tests.conftest import AppFactory
from tests.doubles import ManualClock
from tests.pilot import at_home, wait_for_screen, wait_until

pytestmark = pytest.mark.speech  # the kiosk speaking in real time: sentences, pauses, highlight

QUIET_FOCUS = "[speech]\nspeak_focus = false\n"


def reader_of(app: KioskApp) -> SpeechReader:
    assert app.speaking is not None
    return app.speaking.reader


def focused(app: KioskApp) -> FocusText:
    item = app.screen.focused
    assert isinstance(item, FocusText)
    return item


def status(app: KioskApp) -> str:
    return app.screen.query_one(TopBar).status


async def open_what_is_als_at_first_paragraph(pilot: Pilot[None]) -> FocusText:
    await pilot.press("enter")
    await wait_for_screen(pilot, PageScreen)
    await pilot.press("down")
    await pilot.pause()
    item = focused(pilot.app)  # type: ignore[arg-type]
    assert len(split_sentences(item.plain_text)) >= 2
    return item


async def test_508_402_2_3_the_sentence_being_spoken_is_highlighted_and_followed(
    make_app: AppFactory,
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        paragraph = await open_what_is_als_at_first_paragraph(pilot)
        first, second = split_sentences(paragraph.plain_text)[:2]
        await pilot.press("space")
        await wait_until(pilot, lambda: paragraph.highlight == first)
        assert status(app) in ("Reading", "Reading · no sound")
        await wait_until(pilot, lambda: paragraph.highlight == second)
        # Reading goes on to the next block: focus and the highlight move with it.
        await wait_until(pilot, lambda: focused(app) is not paragraph)
        assert paragraph.highlight is None and focused(app).highlight is not None


async def test_en_5_1_3_4_read_key_pauses_and_resumes(make_app: AppFactory) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        paragraph = await open_what_is_als_at_first_paragraph(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: paragraph.highlight is not None)
        await pilot.press("space")
        assert reader_of(app).state is State.PAUSED and status(app).startswith("Paused")
        held = paragraph.highlight
        await pilot.pause(0.5)
        assert paragraph.highlight == held
        await pilot.press("space")
        assert reader_of(app).state is State.SPEAKING


async def test_en_5_1_3_5_any_other_key_interrupts_speech(make_app: AppFactory) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        paragraph = await open_what_is_als_at_first_paragraph(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: reader_of(app).state is State.SPEAKING)
        await pilot.press("down")
        assert reader_of(app).state is State.IDLE
        await wait_until(pilot, lambda: paragraph.highlight is None)


async def test_stop_key_stops_and_clears_the_highlight(make_app: AppFactory) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        paragraph = await open_what_is_als_at_first_paragraph(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: paragraph.highlight is not None)
        await pilot.press("s")
        await wait_until(pilot, lambda: paragraph.highlight is None)
        assert reader_of(app).state is State.IDLE and focused(app) is paragraph


async def test_focus_is_spoken_and_highlighted_when_speak_focus_is_on(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with at_home(app) as pilot:
        await pilot.press("down")
        item = focused(app)
        await wait_until(pilot, lambda: item.highlight == (0, len(item.plain_text)))


async def test_508_402_2_1_the_item_focused_on_the_first_screen_is_said_once_speech_is_up(
    make_app: AppFactory,
) -> None:
    """Speech starts after the first screen is painted (so that screen is up sooner); the
    item that already had focus is said then, with no key pressed."""
    app = make_app()
    async with at_home(app) as pilot:
        item = focused(app)
        await wait_until(pilot, lambda: item.highlight == (0, len(item.plain_text)))
        assert reader_of(app).current is not None
        assert reader_of(app).current[1].text == item.plain_text  # type: ignore[index]


async def test_en_5_1_3_12_volume_steps_are_confirmed_aloud_and_shown(
    make_app: AppFactory,
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        start = reader_of(app).volume_step
        await pilot.press("f8", "f8", "f8")
        assert reader_of(app).volume_step == len(VOLUME_STEPS_DB) - 1
        assert status(app).startswith(f"Volume {len(VOLUME_STEPS_DB)} of {len(VOLUME_STEPS_DB)}")
        await pilot.press("f7")
        assert reader_of(app).volume_step == len(VOLUME_STEPS_DB) - 2 != start - 10
        await wait_until(pilot, lambda: reader_of(app).state is State.SPEAKING)


async def test_rate_steps_are_confirmed_and_reading_carries_on(make_app: AppFactory) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        paragraph = await open_what_is_als_at_first_paragraph(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: paragraph.highlight is not None)
        await pilot.press("equals_sign")
        assert status(app).startswith("Speed 170 words per minute")
        # After the confirmation, the same paragraph is read on at the new speed.
        await wait_until(pilot, lambda: paragraph.highlight is not None)
        await pilot.press("minus", "minus")
        assert status(app).startswith("Speed 120 words per minute")


async def test_en_5_1_3_13_volume_and_rate_reset_after_each_person(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        reader = reader_of(app)
        defaults = (reader.rate_step, reader.volume_step)
        await pilot.press("f8", "equals_sign", "equals_sign")
        assert (reader.rate_step, reader.volume_step) != defaults
        await wait_until(pilot, lambda: reader.state is not State.SPEAKING)
        await pilot.press("s")
        clock.advance(120 + 30 + 1)
        await wait_until(pilot, lambda: (reader.rate_step, reader.volume_step) == defaults)


async def test_someone_listening_is_not_reset_for_being_quiet(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        await open_what_is_als_at_first_paragraph(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: reader_of(app).state is State.SPEAKING)
        clock.advance(125)
        app.idle.poll()
        await pilot.pause()
        assert not isinstance(app.screen, IdleWarningScreen)


async def test_no_sound_device_shows_a_notice_and_everything_else_works(
    make_app: AppFactory,
) -> None:
    """These machines have no sound card: the NULL device plays, and the notice says so."""
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        await pilot.press("space")
        await wait_until(pilot, lambda: status(app) == "Reading · no sound")
        await pilot.press("s")
        await wait_until(pilot, lambda: status(app) == "Sound is not available.")
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, PageScreen)


async def test_killing_the_worker_mid_sentence_leaves_the_kiosk_running_and_speech_recovers(
    make_app: AppFactory,
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        paragraph = await open_what_is_als_at_first_paragraph(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: paragraph.highlight is not None)
        synth = reader_of(app).synthesiser
        assert synth.pid is not None
        os.kill(synth.pid, signal.SIGKILL)
        # A new speed needs new audio (what is already synthesised may be cached).
        await pilot.press("equals_sign")
        await wait_until(pilot, lambda: synth.restarts >= 1)
        await wait_until(pilot, lambda: reader_of(app).state is State.SPEAKING)
        assert app.is_running and isinstance(app.screen, PageScreen)


async def test_508_402_2_1_the_idle_warning_is_spoken_and_counts_down_aloud(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        reader = reader_of(app)
        clock.advance(121)
        await wait_for_screen(pilot, IdleWarningScreen)
        await wait_until(pilot, lambda: spoken(reader).startswith("Are you still there?"))
        assert "29 seconds" in spoken(reader)
        clock.advance(19)  # 10 seconds left
        await wait_until(
            pilot,
            lambda: (
                spoken(reader) == ("The kiosk will start again for the next person in 10 seconds.")
            ),
        )


def spoken(reader: SpeechReader) -> str:
    current = reader.current
    return current[1].text if current is not None else ""


async def test_508_402_2_1_the_enlarge_notice_is_spoken(make_app: AppFactory) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        await pilot.resize_terminal(20, 8)
        await wait_until(pilot, lambda: spoken(reader_of(app)) == "Please make the window larger.")


async def test_read_pressed_right_after_a_move_reads_on_and_is_not_cut_by_the_focus_name(
    make_app: AppFactory,
) -> None:
    """Down and Space in one burst: Textual reports the new focus after Read has begun;
    saying the focused item's name then must not replace the reading (seen on CI)."""
    app = make_app()  # focus speech on
    async with at_home(app) as pilot:
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        # Both keys queued at once, as a terminal delivers keys pressed in quick succession.
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("space", " "))
        await wait_until(pilot, lambda: app.speaking is not None and app.speaking.is_reading())
        await pilot.pause(0.3)
        assert app.speaking is not None and app.speaking.is_reading()
        assert status(app).startswith("Reading")


async def test_en_5_1_3_6_each_item_focused_on_a_page_is_said_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving to a block of a page says it once. The page's focus handler used to call
    the screen's as well, which Textual also calls (every class's handler runs): each
    block was said twice, the second cutting the first off."""
    app = make_app()
    async with at_home(app) as pilot:
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        await wait_until(pilot, lambda: isinstance(app.screen, PageScreen) and app.screen.complete)
        await wait_until(pilot, lambda: app.speaking is not None)
        reader = reader_of(app)
        said: list[str] = []
        speak = reader.speak

        def counted(utterances: list[Utterance], start: int = 0) -> int:
            said.extend(u.text for u in utterances[:1])
            return speak(utterances, start)

        monkeypatch.setattr(reader, "speak", counted)
        await pilot.press("down")
        await wait_until(pilot, lambda: bool(said))
        await pilot.pause(0.2)
        assert len(said) == 1
        assert focused(app).plain_text.startswith(said[0])
