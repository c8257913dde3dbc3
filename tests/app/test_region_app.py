"""Where the clinic is, on the patient's screen: its own medicines and helpline first,
every country-specific statement labelled, and review dates without warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kiosk.ui.app import KioskApp
from kiosk.ui.screens import PageScreen
from kiosk.ui.screens.page import BlockView
from tests.conftest import CONTENT, AppFactory
from tests.pilot import at_home, wait_for_screen, wait_until

SILENT = "[speech]\nspeak_focus = false\n"


async def open_page(pilot: Pilot[None], page_id: str) -> list[str]:
    """Open a topic as a visitor would (Down until it has focus, Enter); its blocks' text."""
    app = pilot.app
    assert isinstance(app, KioskApp)
    await pilot.press(*["up"] * 20)  # from the top of the list
    for _ in range(20):
        focused = app.screen.focused
        if getattr(getattr(focused, "page", None), "id", None) == page_id:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await wait_for_screen(pilot, PageScreen)
    screen = app.screen
    assert isinstance(screen, PageScreen)
    await wait_until(pilot, lambda: screen.complete)
    return [view.plain_text for view in screen.query(BlockView)]


def after(texts: list[str], *headings: str, count: int) -> list[str]:
    """The `count` blocks after a heading (after each of `headings` in turn)."""
    start = 0
    for heading in headings:
        start = texts.index(heading, start) + 1
    return texts[start : start + count]


@pytest.mark.slow  # pages opened and read through block by block
async def test_a_scottish_clinic_shows_its_own_helpline_and_uk_medicines_first(
    make_app: AppFactory,
) -> None:
    app = make_app(SILENT + '[clinic]\nregion = "GB-SCT"\n')
    async with at_home(app) as pilot:
        texts = await open_page(pilot, "get-help")
        assert after(texts, "Charities and helplines", count=1) == ["Scotland: MND Scotland"]
        await pilot.press("escape")
        texts = await open_page(pilot, "medicines")
        tofersen = after(texts, "Tofersen (Qalsody)", "Where it is approved", count=2)
        assert tofersen[0].startswith("United Kingdom: The UK medicines regulator (MHRA)")
        assert tofersen[1].startswith("United Kingdom: A licence does not mean")


@pytest.mark.slow  # pages opened and read through block by block
async def test_without_a_region_every_country_statement_is_labelled_in_page_order(
    make_app: AppFactory,
) -> None:
    app = make_app(SILENT)
    async with at_home(app) as pilot:
        texts = await open_page(pilot, "get-help")
        assert after(texts, "Charities and helplines", count=1) == [
            "England, Wales, and Northern Ireland: The MND Association"
        ]
        assert "Scotland: MND Scotland" in texts
        assert "United States: The ALS Association" in texts
        assert any(t.startswith("United Kingdom: If your health professionals") for t in texts)
        await pilot.press("escape")
        texts = await open_page(pilot, "medicines")
        tofersen = after(texts, "Tofersen (Qalsody)", "Where it is approved", count=5)
        assert [t.split(":")[0] for t in tofersen] == [
            "United Kingdom",
            "United Kingdom",
            "European Union",
            "United States",
            "United States",
        ]
        # Statements that hold everywhere carry no label.
        assert after(texts, "Tofersen (Qalsody)", "What the studies found", count=1)[0].startswith(
            "Tofersen lowered the SOD1 protein"
        )


async def test_a_us_clinic_sees_us_approvals_first(make_app: AppFactory) -> None:
    app = make_app(SILENT + '[clinic]\nregion = "US"\n')
    async with at_home(app) as pilot:
        texts = await open_page(pilot, "medicines")
        assert after(texts, "Riluzole (Rilutek)", "Where it is approved", count=1)[0].startswith(
            "United States: Riluzole was the first medicine approved for ALS in the US"
        )
        # A statement for the US and Canada together holds in the US.
        withdrawn = after(
            texts, "Relyvrio or Albrioza (withdrawn or refused)", "Where it was approved", count=3
        )
        assert withdrawn[1].startswith("United States and Canada: In April 2024")
        assert withdrawn[2].startswith("European Union: It was refused")


@pytest.mark.slow  # every page opened in turn
async def test_a_page_past_its_review_date_shows_patients_only_the_dates(
    make_app: AppFactory, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / "en" / "outlook.md"
    page.write_text(page.read_text().replace("reviewed: 2026-12-02", "reviewed: 2024-03-31"))
    screens = []
    for content_dir in (CONTENT, content):
        app = make_app(SILENT + '[clinic]\nregion = "GB-WLS"\n', content_dir=content_dir)
        async with at_home(app) as pilot:
            screens.append(await open_page(pilot, "outlook"))
    current, overdue = screens
    assert overdue[-1] == "Last reviewed: 31 March 2024. Next review due: 31 March 2025."
    assert current[-1] == "Last reviewed: 2 December 2026. Next review due: 2 December 2027."
    assert overdue[:-1] == current[:-1]  # nothing else changes: no warning for the patient
