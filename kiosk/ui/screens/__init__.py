"""One module per screen. Each is imported when first asked for (PEP 562): the first
screen is up sooner when the page and settings screens are not loaded before it."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.idle_warning import IdleWarningScreen
    from kiosk.ui.screens.page import PageScreen
    from kiosk.ui.screens.settings import ChoiceScreen, SettingsScreen
    from kiosk.ui.screens.too_small import TooSmallScreen, sync_size_screen

_MODULES = {
    "ChoiceScreen": "settings",
    "HomeScreen": "home",
    "IdleWarningScreen": "idle_warning",
    "PageScreen": "page",
    "SettingsScreen": "settings",
    "TooSmallScreen": "too_small",
    "sync_size_screen": "too_small",
}

__all__ = [
    "ChoiceScreen",
    "HomeScreen",
    "IdleWarningScreen",
    "PageScreen",
    "SettingsScreen",
    "TooSmallScreen",
    "sync_size_screen",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"kiosk.ui.screens.{_MODULES[name]}"), name)
