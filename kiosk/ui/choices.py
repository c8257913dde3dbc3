"""One person's choices in force: colours, speech speed and volume, and controls.

Set from the settings screen (and speed and volume by their own keys), and put back to the
clinic's at every reset (EN 301 549 5.1.3.13), so the App only says when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import App

from kiosk.config.clinic import Settings
from kiosk.config.palette import is_plain
from kiosk.config.personal import Personal
from kiosk.ui.scan_driver import ScanDriver
from kiosk.ui.themes import all_themes, theme_name
from kiosk.ui.upstream import start_in_theme

if TYPE_CHECKING:
    from kiosk.ui.speaking import Speaking


class Choices:
    """The choices in force and how each reaches the App, the reader and the scanner."""

    def __init__(
        self,
        app: App[Any],
        settings: Settings,
        scan: ScanDriver,
        speaking: Callable[[], Speaking | None],
        *,
        controls_changed: Callable[[], None],
    ) -> None:
        self._app = app
        self._controls_changed = controls_changed
        self._scan = scan
        self._speaking = speaking
        for theme in all_themes():
            app.register_theme(theme)
        self.personal = personal = Personal.clinic_defaults(settings)
        self.palette = ""
        """The palette in force (kiosk.config.palette), "" until the first is set."""
        scan.use(personal)
        # The clinic's colours from the first frame, the stylesheet parsed only once.
        if start_in_theme(app, theme_name(personal.theme)):
            self.palette = personal.theme
            app.set_class(is_plain(personal.theme), "-plain", update=False)
        self.apply(personal)  # the theme too, when it could not start in it

    def current(self) -> Personal:
        """The person's choices now (speed and volume also change by their own keys)."""
        speaking = self._speaking()
        if speaking is None:
            return self.personal
        reader = speaking.reader
        return replace(self.personal, rate_step=reader.rate_step, volume_step=reader.volume_step)

    def apply(self, personal: Personal) -> None:
        """Put one person's choices (or, at the reset, the clinic's) into effect."""
        before = self.personal
        self.personal = personal
        speaking = self._speaking()
        if speaking is not None:
            speaking.reader.set_rate_step(personal.rate_step)
            speaking.reader.set_volume_step(personal.volume_step)
        if personal.theme != self.palette:
            self.palette = personal.theme
            self._app.theme = theme_name(personal.theme)
            self._app.set_class(is_plain(personal.theme), "-plain")
        if (personal.mode, personal.scan_seconds) != (before.mode, before.scan_seconds):
            self._scan.use(personal)
            self._scan.run()
            self._controls_changed()
