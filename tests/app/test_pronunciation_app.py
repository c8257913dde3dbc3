"""Speech says it right in the running kiosk (Pilot): the highlight stays on the words shown
while the engine is given their spoken form (issue #16)."""

from __future__ import annotations

import pytest

from kiosk.speech.reader import SpeechEvent
from kiosk.speech.sentences import split_sentences
from kiosk.speech.spoken import Lexicons, Pronunciation
from kiosk.ui.screens import PageScreen
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import FocusText
from tests.conftest import CONTENT, LOCALES, AppFactory
from tests.pilot import at_home, focused_text, wait_for_screen, wait_until

QUIET_FOCUS = "[speech]\nspeak_focus = false\n"


@pytest.mark.speech  # the kiosk reading a page aloud in real time
async def test_the_highlight_is_the_shown_sentence_while_its_alias_is_spoken(
    make_app: AppFactory,
) -> None:
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        await pilot.press("enter")  # "What is ALS?"
        await wait_for_screen(pilot, PageScreen)
        await pilot.press("down")
        await pilot.pause()
        paragraph = app.screen.focused
        assert isinstance(paragraph, FocusText)
        text = paragraph.plain_text
        first, second = split_sentences(text)[:2]
        shown = text[first[0] : first[1]]
        spoken = Pronunciation(Lexicons(CONTENT, LOCALES)).prepare(shown, "en")
        assert shown.startswith("ALS ") and spoken.startswith("A.L.S ")
        assert len(spoken) != len(shown)  # the alias changes the sentence's length
        await pilot.press("space")
        await wait_until(pilot, lambda: paragraph.highlight == first)
        await wait_until(pilot, lambda: paragraph.highlight == second)


@pytest.mark.speech  # the kiosk reading a page aloud in real time
async def test_a_phone_number_on_a_page_is_read_digit_by_digit_in_its_groups(
    make_app: AppFactory,
) -> None:
    """The kiosk gives the reader the page's tel: links (kiosk.ui.speaking.item_utterances),
    so eSpeak says the MND Connect helpline as digits in the groups shown, not as
    "eight hundred and two, six thousand…"."""
    app = make_app(QUIET_FOCUS)
    async with at_home(app) as pilot:
        for _ in range(30):
            if focused_text(app) == "Where to get help":
                break
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        for _ in range(40):
            if "0808 802 6262" in focused_text(app):
                break
            await pilot.press("down")
        assert app.speaking is not None
        spoken: list[str] = []
        hear = app.speaking.on_event

        def listen(screen: KioskScreen, event: SpeechEvent) -> None:
            spoken.append(event.spoken)
            hear(screen, event)

        app.speaking.on_event = listen  # type: ignore[method-assign]
        await pilot.press("space")
        await wait_until(pilot, lambda: any("0 8 0 8, 8 0 2, 6 2 6 2" in s for s in spoken))
