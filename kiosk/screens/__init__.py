"""One module per screen."""

from kiosk.screens.home import HomeScreen
from kiosk.screens.idle_warning import IdleWarningScreen
from kiosk.screens.page import PageScreen
from kiosk.screens.settings import ChoiceScreen, SettingsScreen
from kiosk.screens.too_small import TooSmallScreen, is_too_small

__all__ = [
    "ChoiceScreen",
    "HomeScreen",
    "IdleWarningScreen",
    "PageScreen",
    "SettingsScreen",
    "TooSmallScreen",
    "is_too_small",
]
