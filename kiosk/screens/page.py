"""A page: its text block by block, each block focusable, scrolled to keep focus in view."""

from __future__ import annotations

from babel.dates import format_date
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from kiosk.content import BlockKind, Page, Run
from kiosk.i18n import _
from kiosk.screens.base import KioskScreen
from kiosk.widgets import FocusText, KeyLegend, legend_text


class BlockView(FocusText):
    """One block of a page."""


class PageScreen(KioskScreen):
    LEGEND_ACTIONS = ("next", "previous", "back")

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page

    def compose(self) -> ComposeResult:
        yield Static(_("ALS information"), markup=False, classes="title-bar")
        with VerticalScroll(classes="column"):
            for block in self.page.blocks:
                bullet = "• " if block.kind in (BlockKind.LIST_ITEM, BlockKind.SOURCE) else ""
                yield BlockView(block.runs, kind=block.kind, level=block.level, bullet=bullet)
            reviewed = format_date(self.page.reviewed, format="long", locale="en")
            yield BlockView(
                (Run(_("Last checked against its sources: {date}").format(date=reviewed)),),
                classes="reviewed",
            )
        yield KeyLegend(legend_text(self.kiosk.keymap, self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        self.move_focus(0)

    def go_back(self) -> None:
        self.dismiss()
