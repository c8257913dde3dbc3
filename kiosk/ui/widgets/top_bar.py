"""The bar at the top: where you are on the left, what speech is doing on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class TopBar(Horizontal):
    """One line on every screen: the title (already drawn for the language) on the left,
    and what speech is doing on the right ("Reading", "Speed 170 words per minute", "no
    sound"), set by the speech view with `set_status`."""

    DEFAULT_CSS = """
    TopBar {
        height: 1;
        width: 1fr;
    }
    TopBar > Static {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    TopBar > #title {
        width: 1fr;
        min-width: 3;
    }
    TopBar > #status {
        width: auto;
        max-width: 100%;
        padding-left: 1;
    }
    """

    def __init__(self, title: str) -> None:
        super().__init__(classes="title-bar")
        self._title = title
        self._status = ""

    def compose(self) -> ComposeResult:
        yield Static(self._title, markup=False, id="title")
        yield Static(self._status, markup=False, id="status")

    def set_status(self, text: str) -> None:
        # A status can come before the bar's own parts are mounted (a screen's first
        # resume): kept, and shown when they are.
        self._status = text
        shown = self.query("#status")
        if shown:
            shown.first(Static).update(text)

    @property
    def status(self) -> str:
        return self._status
