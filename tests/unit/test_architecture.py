"""What the kiosk process loads before its first screen.

Which package may import which (and that only kiosk.ui imports Textual) is checked
statically by import-linter, with the contracts in pyproject.toml (`lint-imports`, run by
tests/run); these tests check what an import graph cannot: what is loaded at run time.
"""

from __future__ import annotations

import subprocess
import sys

NOT_BEFORE_THE_FIRST_SCREEN = (
    # Catalogs and CLDR are read by the loader process (kiosk.library.load).
    "yaml",
    "babel.core",
    "kiosk.i18n.po_check",
    # Speech starts once the first screen is up (KioskApp._start_speech).
    "pysbd",
    "miniaudio",
    "kiosk.ui.speaking",
    "kiosk.speech.reader",
    "kiosk.speech.worker",
    # Screens that are never the first (kiosk.ui.screens imports each on first use).
    "kiosk.ui.screens.page",
    "kiosk.ui.screens.settings",
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
    """The loader process draws the right-to-left language names (kiosk.i18n.rtl.remember): the
    kiosk shows العربية joined and in order without loading the bidi libraries itself, and
    exactly as it would have drawn it."""
    code = """
import asyncio, sys
from kiosk.factory import create_app
from kiosk.ui.screens.language import LanguageItem, LanguageScreen

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
        import kiosk.i18n.rtl
        kiosk.i18n.rtl._remembered.clear()
        drawn_here = kiosk.i18n.rtl.visual_line(item.plain_text)[0]
        print(repr((loaded, drawn_here in shown, item.plain_text in shown)))

asyncio.run(main())
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "([], True, False)", result.stdout


def test_no_textual_message_handler_calls_its_base_class_handler() -> None:
    """Textual runs the `on_…` handler of every class in a widget's MRO itself, so a
    handler that also calls `super().on_…` runs the base class's twice (it said each
    focused block of a page twice, cutting off the reading). `on_event` is the one
    exception: it is the dispatcher, not a handler."""
    import re
    from pathlib import Path

    import kiosk

    root = Path(kiosk.__file__).parent
    calls = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"super\(\)\._?on_(?!event\()\w+\(", line)
    ]
    assert calls == []
