"""Faults an unattended kiosk meets: it keeps running, says what is wrong, doctor names it.

Each fault is real: a broken file, a broken engine package on the path, a stopped
process, a language eSpeak NG has no voice for. (No sound device, a killed worker, a
missing page folder and a tiny terminal are in test_speech_app.py and test_app.py; a
read-only and a full disk, and a crash, in test_e2e_faults.py and test_e2e_supervisor.py.)
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from textual.pilot import Pilot

from kiosk.speech.reader import State
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageItem, LanguageScreen
from kiosk.ui.widgets import FocusText, TopBar
from tests.conftest import CONTENT, LOCALES, AppFactory
from tests.pilot import at_home, reader_of, said, wait_for_screen, wait_until

STAFF = "Something in this kiosk needs fixing. Please tell a member of staff."


async def wait_long(pilot: Pilot[None], condition: Callable[[], bool], seconds: float) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"not within {seconds} s; screen is {pilot.app.screen}")


def status(app: KioskApp) -> str:
    return app.screen.query_one(TopBar).status


def doctor(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


def broken_engine_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose eSpeak NG package is broken (as after a failed upgrade)."""
    fake = tmp_path / "broken-engine"
    fake.mkdir()
    (fake / "espeakng_loader.py").write_text(
        "raise ImportError('libespeak-ng.so.1: cannot open shared object file')\n"
    )
    return {**os.environ, "PYTHONPATH": str(fake)}


async def open_first_page(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, PageScreen)
    await pilot.press("down")


@pytest.mark.speech  # an engine that fails to start, and doctor
async def test_no_speech_engine_text_stays_notice_is_shown_and_doctor_names_it(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = broken_engine_path(tmp_path)
    monkeypatch.setenv("PYTHONPATH", env["PYTHONPATH"])  # the speech worker inherits it
    app = make_app("[speech]\nspeak_focus = false\n")
    async with at_home(app) as pilot:
        await open_first_page(pilot)
        await pilot.press("space")
        await wait_long(pilot, lambda: status(app) == "Speech is not available.", 20)
        await pilot.press("down", "escape")  # everything else works, the notice stays
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        await wait_long(pilot, lambda: status(app) == "Speech is not available.", 5)
    result = doctor("--content", str(CONTENT), env=env)
    assert result.returncode == 1
    assert "FIX  speech engine: eSpeak NG did not start" in result.stdout


def write_language(locales: Path, tag: str, ui: dict[str, str], content: dict[str, str]) -> None:
    folder = locales / tag / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for domain, table in (("content", content), ("kiosk", ui)):
        with (LOCALES / f"{domain}.pot").open("rb") as handle:
            catalog = read_po(handle, locale=tag)
        for message in catalog:
            if isinstance(message.id, str) and message.id:
                message.string = table.get(message.id, "")
        with (folder / f"{domain}.po").open("wb") as handle:
            write_po(handle, catalog)


@pytest.mark.speech  # waits for the notice to be spoken
async def test_en_5_1_3_15_a_language_with_no_voice_keeps_its_text_and_says_so(
    make_app: AppFactory, tmp_path: Path
) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    title = "Kí ni ALS?"
    write_language(locales, "yo", {"Next": "Tókàn"}, {"What is ALS?": title})
    app = make_app(
        "[language]\nmin_complete = 0\n[speech]\nspeak_focus = false\n", locales_dir=locales
    )
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        assert [i.plain_text for i in app.screen.query(LanguageItem)][1] == "Èdè Yorùbá"
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, PageScreen)
        await pilot.press("space")  # the focused block is the Yoruba title
        await wait_long(pilot, lambda: said(app) == "No voice for this language.", 20)
        assert "No voice for this language." in status(app)
        shown = [item.plain_text for item in app.screen.query(FocusText)]
        assert title in shown  # the text stays


@pytest.mark.speech  # waits out a hung worker's timeout
async def test_a_hung_speech_worker_is_replaced_and_reading_goes_on(make_app: AppFactory) -> None:
    app = make_app("[speech]\nspeak_focus = false\n")
    async with at_home(app) as pilot:
        reader = reader_of(app)
        reader.synthesiser.start()
        pid = reader.synthesiser.pid
        assert pid is not None
        await open_first_page(pilot)
        os.kill(pid, signal.SIGSTOP)  # hangs as a stuck engine would: alive, never answers
        try:
            await pilot.press("space")
            await wait_long(pilot, lambda: reader.state is State.SPEAKING, 20)
            assert reader.synthesiser.restarts >= 1 and reader.synthesiser.pid != pid
            assert status(app).startswith("Reading")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # normally gone already: replaced


async def test_a_broken_config_runs_on_defaults_and_staff_are_told(make_app: AppFactory) -> None:
    app = make_app('[display]\ntheme = "purple"\n')
    async with at_home(app) as pilot:
        assert app.theme == "kiosk-dark"
        notice = app.screen.query_one("#staff-notice", FocusText)
        assert notice.plain_text == STAFF
        await wait_long(pilot, lambda: said(app) == STAFF, 10)


async def test_a_broken_locale_is_left_out_and_staff_are_told(
    make_app: AppFactory, tmp_path: Path
) -> None:
    locales = tmp_path / "locales"
    for tag in ("es", "fr"):
        (locales / tag / "LC_MESSAGES").mkdir(parents=True)
        for domain in ("content", "kiosk"):
            source = LOCALES / tag / "LC_MESSAGES" / f"{domain}.po"
            (locales / tag / "LC_MESSAGES" / f"{domain}.po").write_bytes(source.read_bytes())
    for pot in ("content.pot", "kiosk.pot"):
        (locales / pot).write_bytes((LOCALES / pot).read_bytes())
    broken = locales / "fr" / "LC_MESSAGES" / "kiosk.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unterminated\n')
    app = make_app(locales_dir=locales)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        # The list is drawn from the folders at once, and corrected when the check is in.
        await wait_until(
            pilot, lambda: app.library.is_loaded and not app.screen.query("#language-fr")
        )
        names = [item.plain_text for item in app.screen.query(LanguageItem)]
        assert names == ["English", "Español"]  # French is left out, the rest works
        assert app.screen.query_one("#staff-notice", FocusText).plain_text == STAFF
        await wait_long(pilot, lambda: said(app) == STAFF, 10)  # and said, once known
    result = doctor("--content", str(CONTENT), "--locales", str(locales))
    assert result.returncode == 1
    assert f"{broken}:" in result.stdout


async def test_an_error_inside_the_kiosk_is_logged_without_content_and_never_shown(
    make_app: AppFactory, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    app = make_app("[speech]\nenabled = false\n")

    def fail() -> None:
        raise ValueError("What is ALS? (a page's text)")

    with caplog.at_level(logging.ERROR), pytest.raises(ValueError):
        async with at_home(app) as pilot:
            app.call_later(fail)
            await pilot.pause(0.2)
    assert "the kiosk stopped: ValueError at test_faults.py:" in caplog.text
    assert "What is ALS" not in caplog.text
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "What is ALS" not in out + err


async def test_a_status_set_before_the_top_bar_is_mounted_is_kept_and_shown(
    make_app: AppFactory,
) -> None:
    """A screen's first resume can come before its bar's parts exist (found by the bench:
    it crashed the kiosk when the language list was opened right after a switch)."""
    from kiosk.ui.widgets import TopBar

    app = make_app("[speech]\nenabled = false\n")
    async with at_home(app) as pilot:
        bar = TopBar("Title")
        bar.set_status("Sound is not available.")  # not mounted yet
        await app.screen.mount(bar)
        await pilot.pause()
        assert bar.status == "Sound is not available."
        assert "Sound is not available." in str(bar.query_one("#status").render())
