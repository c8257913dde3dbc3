"""The core never imports Textual, so tools, tests and benchmarks run without a screen."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "kiosk.checks",
    "kiosk.clock",
    "kiosk.content",
    "kiosk.deployment",
    "kiosk.factory",
    "kiosk.contrast",
    "kiosk.doctor",
    "kiosk.i18n",
    "kiosk.idle",
    "kiosk.keymap",
    "kiosk.layout",
    "kiosk.library",
    "kiosk.loader",
    "kiosk.logs",
    "kiosk.memory",
    "kiosk.palette",
    "kiosk.paths",
    "kiosk.personal",
    "kiosk.problems",
    "kiosk.readability",
    "kiosk.regions",
    "kiosk.settings",
    "kiosk.speech.audio",
    "kiosk.speech.controls",
    "kiosk.speech.engine",
    "kiosk.speech.page_audio",
    "kiosk.speech.player",
    "kiosk.speech.reader",
    "kiosk.speech.sentences",
    "kiosk.speech.worker",
    "kiosk.supervisor",
    "kiosk.text",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


NOT_BEFORE_THE_FIRST_SCREEN = (
    # Catalogs and CLDR are read by the loader process (kiosk.library).
    "yaml",
    "babel.core",
    "kiosk.po_check",
    # Speech starts once the first screen is up (KioskApp._start_speech).
    "pysbd",
    "miniaudio",
    "kiosk.speaking",
    "kiosk.speech.reader",
    "kiosk.speech.worker",
    # Screens that are never the first (kiosk.screens imports each on first use).
    "kiosk.screens.page",
    "kiosk.screens.settings",
)


def test_the_kiosk_process_loads_only_what_its_first_screen_needs() -> None:
    """The kiosk does not even import the modules that parse catalogs, speak, or show
    pages and settings until someone needs them: the first screen is up sooner."""
    code = (
        "import sys\n"
        "from kiosk.factory import create_app\n"
        "app = create_app()\n"
        "app.library.listing()\n"
        f"print(sorted(m for m in {NOT_BEFORE_THE_FIRST_SCREEN!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_first_screen_shows_the_arabic_name_drawn_without_loading_bidi_here() -> None:
    """The loader process draws the right-to-left language names (kiosk.rtl.remember): the
    kiosk shows العربية joined and in order without loading the bidi libraries itself, and
    exactly as it would have drawn it."""
    code = """
import asyncio, sys
from kiosk.factory import create_app
from kiosk.screens.language import LanguageItem, LanguageScreen

async def main():
    app = create_app()
    async with app.run_test(size=(45, 12)) as pilot:
        for _ in range(500):
            if isinstance(app.screen, LanguageScreen) and app.screen.query(LanguageItem):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        item = app.screen.query_one("#language-ar", LanguageItem)
        shown = item.render().plain
        loaded = sorted(m for m in ("arabic_reshaper", "bidi") if m in sys.modules)
        import kiosk.rtl
        kiosk.rtl._remembered.clear()
        drawn_here = kiosk.rtl.visual_line(item.plain_text)[0]
        print(repr((loaded, drawn_here in shown, item.plain_text in shown)))

asyncio.run(main())
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "([], True, False)", result.stdout
