"""One module per screen."""

from kiosk.screens.home import HomeScreen
from kiosk.screens.idle_warning import IdleWarningScreen
from kiosk.screens.page import PageScreen
from kiosk.screens.too_small import TooSmallScreen, is_too_small

__all__ = ["HomeScreen", "IdleWarningScreen", "PageScreen", "TooSmallScreen", "is_too_small"]
