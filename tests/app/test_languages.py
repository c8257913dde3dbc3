"""Languages from PO files alone: a new language appears with its own name, text and voice."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from kiosk.i18n.languages import describe_language
from kiosk.speech.controls import match_voice
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageItem, LanguageScreen
from kiosk.ui.widgets import FocusText
from tests.conftest import LOCALES, AppFactory
from tests.pilot import wait_for_screen, wait_until

GERMAN_CONTENT = {
    ("what-is-als|menu", "What is ALS?"): "Was ist ALS?",
    ("what-is-als", "ALS is short for amyotrophic lateral sclerosis. It is a disease of the nerve "
     "cells that control your muscles."): "ALS steht für amyotrophe Lateralsklerose. Es ist "
    "eine Krankheit der Nervenzellen, die Ihre Muskeln steuern.",
}  # fmt: skip
GERMAN_UI = {"ALS information": "ALS-Informationen", "Next": "Weiter", "Language": "Sprache"}


def write_german(locales: Path) -> None:
    """What a translator delivers: two PO files in a new folder, nothing else."""
    folder = locales / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for domain in ("content", "kiosk"):
        with (LOCALES / f"{domain}.pot").open("rb") as handle:
            catalog = read_po(handle, locale="de")
        for message in catalog:
            if not isinstance(message.id, str) or not message.id:
                continue
            if domain == "content":
                message.string = GERMAN_CONTENT.get((message.context or "", message.id), "")
            else:
                message.string = GERMAN_UI.get(message.id, "")
        catalog.fuzzy = False
        with (folder / f"{domain}.po").open("wb") as handle:
            write_po(handle, catalog)


def make_locales(tmp_path: Path) -> Path:
    locales = tmp_path / "locales"
    locales.mkdir()
    for pot in ("content.pot", "kiosk.pot"):
        shutil.copy(LOCALES / pot, locales / pot)
    write_german(locales)
    return locales


async def test_a_new_language_from_po_files_alone_appears_by_its_own_name_with_its_voice(
    make_app: AppFactory, tmp_path: Path
) -> None:
    locales = make_locales(tmp_path)
    app = make_app("[language]\nmin_complete = 0\n", locales_dir=locales)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        names = [item.plain_text for item in app.screen.query(LanguageItem)]
        assert names == ["English", "Deutsch"]
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        topics = [item.plain_text for item in app.screen.query(FocusText)]
        assert topics[0] == "Was ist ALS?" and topics[-2:] == ["Sprache / Language", "Settings"]
        assert "Weiter" in str(app.screen.query_one("KeyLegend").render())
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        blocks = list(app.screen.query(FocusText))
        texts = [b.plain_text for b in blocks]
        assert "ALS steht für amyotrophe Lateralsklerose." in texts[2]
        assert texts[0].startswith("Diese") or "medical translator" in texts[0]
        # Untranslated blocks fall back to English, marked, and in English's voice.
        fallback = next(b for b in blocks if b.plain_text.startswith("[in English]"))
        assert fallback.lang == "en" and blocks[2].lang == "de"
        assert app.speaking is not None
        info = app.speaking.reader.synthesiser.info or app.speaking.reader.synthesiser.start()
        assert match_voice("de", info.languages) == "de"


def test_autonyms_come_from_cldr() -> None:
    assert [describe_language(t).autonym for t in ("es", "fr", "pt_BR", "ar", "zh_Hans", "de")] == [
        "Español", "Français", "Português (Brasil)", "العربية", "中文 (简体)", "Deutsch",
    ]  # fmt: skip


async def test_a_language_below_the_completeness_threshold_is_not_offered(
    make_app: AppFactory, tmp_path: Path
) -> None:
    locales = make_locales(tmp_path)
    app = make_app(locales_dir=locales)  # default threshold: 80% of the pages
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert [lang.tag for lang in app.languages.offered()] == ["en"]
        # A language in progress is nothing the staff must fix: no notice for patients.
        assert app.known_problems() == []
        assert "staff" not in " ".join(w.plain_text for w in app.screen.query(FocusText))
