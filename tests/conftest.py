"""Shared fixtures: apps built by the same factory as the CLI, from explicit paths only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app import KioskApp, create_app
from kiosk.clock import ManualClock

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
FACTS = REPO.parent / "shared" / "facts.md"

AppFactory = Callable[..., KioskApp]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_app(tmp_path: Path, clock: ManualClock) -> AppFactory:
    """Build a kiosk from the shipped content and an optional clinic config text."""

    def build(config: str | None = None, content_dir: Path = CONTENT) -> KioskApp:
        config_path = None
        if config is not None:
            config_path = tmp_path / "kiosk.toml"
            config_path.write_text(config, encoding="utf-8")
        return create_app(content_dir=content_dir, config_path=config_path, clock=clock)

    return build
