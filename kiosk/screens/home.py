"""Home: the topics as a short list of large items."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from kiosk.content import Page, Run
from kiosk.i18n import _
from kiosk.screens.base import KioskScreen
from kiosk.widgets import FocusText, KeyLegend, TopBar


class TopicItem(FocusText):
    def __init__(self, page: Page) -> None:
        super().__init__((Run(page.title, bold=True),), id=f"topic-{page.id}", lang=page.lang)
        self.page = page


class HomeScreen(KioskScreen):
    LEGEND_ACTIONS = ("next", "previous", "select")

    def compose(self) -> ComposeResult:
        yield TopBar(_("ALS information"))
        with VerticalScroll(classes="column"):
            if not self.kiosk.pages:
                yield Static(
                    _("No information is available. Please tell a member of staff."),
                    markup=False,
                    classes="notice",
                )
            for page in self.kiosk.pages:
                yield TopicItem(page)
        yield KeyLegend(self.kiosk.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        if not self.kiosk.pages:
            self.kiosk.say(_("No information is available. Please tell a member of staff."))
        self.move_focus(0)

    def activate(self, item: FocusText) -> None:
        if isinstance(item, TopicItem):
            self.kiosk.open_page(item.page)
