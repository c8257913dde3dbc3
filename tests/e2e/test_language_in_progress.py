"""A language a translator has only started is safe on the real kiosk: patients see no
notice about it and are not offered it; the technician can preview it (tmux)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import LOCALES, start_language_with_msginit
from tests.tmux import TmuxPane, installed_kiosk, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]


def half_translated_german(tmp_path: Path) -> Path:
    """locales/ plus a German folder made by msginit, as a new translator would, with its
    first messages translated."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    folder = start_language_with_msginit(locales, "de")
    po = folder / "content.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Symptoms"\nmsgstr ""', 'msgid "Symptoms"\nmsgstr "Symptome"')
    po.write_text(text, encoding="utf-8")
    return locales


def kiosk(tmp_path: Path, locales: Path, config: str = "") -> list[str]:
    path = tmp_path / "kiosk.toml"
    path.write_text("[speech]\nspeak_focus = false\n" + config)
    command = installed_kiosk()
    return [*command, "--config", str(path), "--locales", str(locales)]


def test_tmux_a_half_translated_language_shows_patients_nothing(tmp_path: Path) -> None:
    locales = half_translated_german(tmp_path)
    with TmuxPane(kiosk(tmp_path, locales), 45, 12) as pane:
        # The languages are listed English first, then by tag: Deutsch would be second.
        languages = pane.wait_for(lambda s: "▶ English" in s and "Español" in s)
        assert "Deutsch" not in languages
        pane.press("Enter")
        screen = pane.wait_for(lambda s: "Symptoms" in s)
        assert "staff" not in screen and "fixing" not in screen
        assert pane.is_running()


def test_tmux_the_preview_setting_doctor_names_offers_it(tmp_path: Path) -> None:
    locales = half_translated_german(tmp_path)
    command = installed_kiosk()
    doctor = subprocess.run(
        [*command, "--locales", str(locales), "doctor"], capture_output=True, text=True
    )
    line = next(line for line in doctor.stdout.splitlines() if "/de" in line)
    setting = line.split("set ", 1)[1].split(" under")[0]  # "min_complete = 0"
    assert setting.startswith("min_complete = ")
    with TmuxPane(kiosk(tmp_path, locales, f"[language]\n{setting}\n"), 45, 12) as pane:
        screen = pane.wait_for(lambda s: "Deutsch" in s)
        assert "staff" not in screen


def test_tmux_arabic_pages_show_their_sources_left_to_right(tmp_path: Path) -> None:
    """Citations are not translated: in Arabic they keep their English order, so a reader
    can copy a web address as it is (the translators' review saw "/https://…")."""
    with TmuxPane(kiosk(tmp_path, LOCALES), 60, 20) as pane:
        pane.wait_for(lambda s: "▶ English" in s)
        pane.press("Down", "Enter")  # العربية comes second (by tag)
        pane.wait_for(lambda s: "ﺽﺍﺮﻋﺄﻟﺍ" in s)  # the topics, in Arabic
        pane.press("Enter")
        pane.wait_for(lambda s: "«ALS»" in s)
        screen = ""
        for _ in range(120):  # down the page, one item at a time, to its sources
            pane.press("Down")
            screen = pane.screen()
            if "https://" in screen:
                break
        addresses = [line for line in screen.splitlines() if "https://" in line]
        assert addresses, screen
        assert all("/https:" not in line for line in addresses), addresses
        assert all(
            line.lstrip().startswith(("https://", '"', "-", "•", "▶"))
            or line.index("https://") < len(line) // 2
            for line in addresses
        ), addresses
