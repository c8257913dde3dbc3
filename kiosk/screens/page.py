"""A page: its text block by block, each block focusable, scrolled to keep focus in view."""

from __future__ import annotations

from babel.dates import format_date
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from kiosk.content import BlockKind, Page, Run
from kiosk.i18n import _
from kiosk.screens.base import KioskScreen
from kiosk.widgets import FocusText, KeyLegend, TopBar


class BlockView(FocusText):
    """One block of a page."""


class PageScreen(KioskScreen):
    LEGEND_ACTIONS = ("read", "next", "back")

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page

    def compose(self) -> ComposeResult:
        yield TopBar(_("ALS information"))
        with VerticalScroll(classes="column"):
            for block in self.page.blocks:
                bullet = "• " if block.kind in (BlockKind.LIST_ITEM, BlockKind.SOURCE) else ""
                yield BlockView(
                    block.runs, kind=block.kind, level=block.level, bullet=bullet, lang=block.lang
                )
            reviewed = format_date(self.page.reviewed, format="long", locale="en")
            yield BlockView(
                (Run(_("Last checked against its sources: {date}").format(date=reviewed)),),
                classes="reviewed",
            )
        yield KeyLegend(self.kiosk.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        self.move_focus(0)

    def go_back(self) -> None:
        self.dismiss()
