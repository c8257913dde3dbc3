"""Speech says it right in the running kiosk (Pilot): the highlight stays on the words shown
while the engine is given their spoken form (issue #16)."""

from __future__ import annotations

from kiosk.speech.sentences import split_sentences
from kiosk.speech.spoken import Lexicons, Pronunciation
from kiosk.ui.screens import PageScreen
from kiosk.ui.widgets import FocusText
from tests.conftest import CONTENT, LOCALES, AppFactory
from tests.pilot import at_home, wait_for_screen, wait_until

QUIET_FOCUS = "[speech]\nspeak_focus = false\n"


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
