"""Content cannot take over the terminal: escapes, markup and actions reach the screen as text."""

from __future__ import annotations

from pathlib import Path

from kiosk.ui.screens import PageScreen
from tests.conftest import AppFactory
from tests.pilot import at_home, wait_for_screen

PAGE = """---
id: evil
title: "Evil [@click=app.quit]quit[/] \x1b]0;owned\x07"
order: 1
facts: []
reviewed: 2026-11-25
---

# Heading \x1b[2J\x1b[H with a clear-screen

Click [@click=app.quit]here[/] or [ @click=app.bell]there[/] \x1b]52;c;ZXZpbA==\x07 now.

- \u202eevil override\u202c and \x9b31m red and [b]bold[/b] and [link=https://x.example]x[/link]
"""


async def test_injected_escapes_and_markup_are_shown_as_text_and_never_run(
    make_app: AppFactory, tmp_path: Path
) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "evil.md").write_text(PAGE, encoding="utf-8")
    app = make_app(content_dir=tmp_path)
    async with at_home(app, size=(60, 20)) as pilot:
        await pilot.click("#topic-evil")
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        for _ in range(4):
            await pilot.press("down")
            await pilot.click(offset=(10, 5))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, PageScreen)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "[@click=app.quit]here[/]" in shown
        assert "[b]bold[/b]" in shown
        assert not any(ch == "\x1b" or 0x80 <= ord(ch) <= 0x9F for ch in shown)
        assert "\u202e" not in shown and "52;c" not in shown and "0;owned" not in shown
