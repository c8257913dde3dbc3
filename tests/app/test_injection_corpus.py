"""The injection corpus (tests/corpus.py) through pages and translations: never on
screen, never in the text sent to speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.text import MAX_BLOCK_CHARS
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.speaking import item_utterances
from tests.conftest import AppFactory
from tests.corpus import clean, evil_page, evil_translation, shown
from tests.pilot import wait_for_screen, wait_until


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_corpus_never_reaches_the_screen_or_the_speech_engine(
    make_app: AppFactory, tmp_path: Path, language: str
) -> None:
    content, locales = tmp_path / "content", tmp_path / "locales"
    evil_page(content)
    locales.mkdir()
    if language == "es":
        evil_translation(locales, content)
    app = make_app("[language]\nmin_complete = 0\n", content_dir=content, locales_dir=locales)
    async with app.run_test(size=(60, 20)) as pilot:
        if language == "es":
            await wait_for_screen(pilot, LanguageScreen)
            assert not clean(shown(app)), clean(shown(app))
            await pilot.press("down", "enter")
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        assert not clean(shown(app)), clean(shown(app))
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        screen = app.screen
        assert isinstance(screen, PageScreen)
        items = screen.items()
        to_speech = item_utterances(items, 0, len(items))
        for utterance in to_speech:
            assert not clean(utterance.text), (utterance.text, clean(utterance.text))
        texts = [item.plain_text for item in items]
        marker = len("[in English] ")  # a block shown in English is marked so
        assert max(len(text) for text in texts) <= MAX_BLOCK_CHARS + marker  # the long line
        for _ in range(len(items)):
            await pilot.press("down")
            assert not clean(shown(app)), clean(shown(app))
        visible = "\n".join(texts)
        assert "[@click=app.quit]quit[/]" in visible and "[bold red]loud[/]" in visible
        assert app.is_running and isinstance(app.screen, PageScreen)
