"""Shared fixtures: apps built by the same factory as the CLI, from explicit paths only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.factory import create_app
from kiosk.input.clock import ManualClock
from kiosk.ui.app import KioskApp

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
LOCALES = REPO / "locales"
FACTS = CONTENT / "facts.md"

AppFactory = Callable[..., KioskApp]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_app(tmp_path: Path, clock: ManualClock) -> AppFactory:
    """Build a kiosk from the shipped content and an optional clinic config text.

    English only unless `locales_dir` is given, so that tests of other features start on
    Home rather than on the language picker.
    """

    def build(
        config: str | None = None,
        content_dir: Path = CONTENT,
        locales_dir: Path | None = None,
    ) -> KioskApp:
        config_path = None
        if config is not None:
            config_path = tmp_path / "kiosk.toml"
            config_path.write_text(config, encoding="utf-8")
        no_languages = tmp_path / "no-locales"
        no_languages.mkdir(exist_ok=True)
        return create_app(
            content_dir=content_dir,
            locales_dir=locales_dir or no_languages,
            config_path=config_path,
            clock=clock,
        )

    return build
