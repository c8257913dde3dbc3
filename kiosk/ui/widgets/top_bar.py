"""The bar at the top: where you are, and what speech is doing.

Left to right: the title on the left, the status on the right. Right to left the bar is
mirrored, as an Arabic reader expects: the title at the right, where reading starts, and
the status at the left. Each part is shortened at the end of its reading order (for a
right-to-left line the kiosk drew, its left end), and the title gives way before it runs
into the status: there is always a blank cell between them.

For a terminal that does bidi itself the bar is sent in logical order, title first and set
against the right edge: the terminal turns the title, the blank and an Arabic status
around as one run, so it shows the title at the right and the status at its left.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from kiosk.content.layout import cells
from kiosk.i18n.rtl import shorten
from kiosk.i18n.state import LanguageState

TITLE_MIN_CELLS = 3
"""What the title keeps however long the status: "…" and a letter or two."""


def interface_layout(app: App[object]) -> tuple[str, bool]:
    """The interface's direction and whether the kiosk reorders its lines. The bars' texts
    come drawn for it (LanguageState.as_drawn), so the bars are laid out to match."""
    languages = getattr(app, "languages", None)
    if isinstance(languages, LanguageState):
        return languages.current().direction, languages.reorders_rtl
    return "ltr", True


class BarText(Widget):
    """One part of the bar, on one line, shortened at the end of its reading order."""

    DEFAULT_CSS = """
    BarText {
        height: 1;
    }
    """

    def __init__(
        self, text: str, *, from_left: bool, to_right: bool, leaves: int = 0, id: str
    ) -> None:
        super().__init__(id=id)
        self.text = text
        self.leaves = leaves
        """Cells of the bar it never takes, however long it is (the status leaves the title
        its last cells and a blank)."""
        self.from_left = from_left
        """The text is a right-to-left line already drawn: it ends, and is cut, at the left."""
        self.to_right = to_right
        """Set against the right edge (a right-to-left title)."""

    def update(self, text: str) -> None:
        self.text = text
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max(0, min(cells(self.text), container.width - self.leaves))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        shown = shorten(self.text, width, from_left=self.from_left)
        if self.to_right:
            shown = " " * max(0, width - cells(shown)) + shown
        return Content(shown)


class TopBar(Horizontal):
    """One line on every screen: the title (already drawn for the language) and what
    speech is doing ("Reading", "Speed 170 words per minute", "no sound"), set by the
    speech view with `set_status`."""

    DEFAULT_CSS = """
    TopBar {
        height: 1;
        width: 1fr;
    }
    TopBar > #title {
        width: 1fr;
        min-width: 3;
    }
    TopBar > #status {
        width: auto;
        padding-left: 1;
    }
    TopBar.-rtl > #status {
        padding-left: 0;
        padding-right: 1;
    }
    """

    def __init__(self, title: str) -> None:
        super().__init__(classes="title-bar")
        self._title = title
        self._status = ""

    def compose(self) -> ComposeResult:
        direction, reorders = interface_layout(self.app)
        rtl = direction == "rtl"
        # Drawn by the kiosk, a right-to-left text ends at its left; handed to a bidi
        # terminal, it is in logical order, which ends at its right like any other.
        from_left = rtl and reorders
        title = BarText(self._title, from_left=from_left, to_right=rtl, id="title")
        status = BarText(
            self._status,
            from_left=from_left,
            to_right=False,
            leaves=TITLE_MIN_CELLS + 1,  # and the blank between them
            id="status",
        )
        if from_left:
            # Mirrored: the status at the left, the title at the right.
            self.add_class("-rtl")
            yield status
            yield title
        else:
            # Left to right; and in logical order for a bidi terminal, which turns the two
            # right-to-left texts (and the blank between them) around as one run: the title
            # ends up at the right there, the status at its left.
            yield title
            yield status

    def set_status(self, text: str) -> None:
        # A status can come before the bar's own parts are mounted (a screen's first
        # resume): kept, and shown when they are.
        self._status = text
        shown = self.query("#status")
        if shown:
            shown.first(BarText).update(text)

    @property
    def status(self) -> str:
        return self._status
