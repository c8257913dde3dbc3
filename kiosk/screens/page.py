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
        yield TopBar(self.kiosk.as_drawn(_("ALS information")))
        with VerticalScroll(classes="column"):
            language = self.kiosk.current_language()
            if not language.reviewed:
                yield BlockView(
                    (Run(_("This translation has not yet been checked by a medical translator.")),),
                    classes="notice",
                    lang=language.tag,
                    direction=language.direction,
                )
            for block in self.page.blocks:
                bullet = "• " if block.kind in (BlockKind.LIST_ITEM, BlockKind.SOURCE) else ""
                runs = block.runs
                if block.fallback:
                    # Visibly marked, and read with the English voice (EN 301 549 5.1.3.14).
                    runs = (Run(_("[in English]") + " ", italic=True), *runs)
                yield BlockView(
                    runs,
                    kind=block.kind,
                    level=block.level,
                    bullet=bullet,
                    lang=block.lang,
                    direction="ltr" if block.fallback else language.direction,
                )
            reviewed = format_date(self.page.reviewed, format="long", locale=language.tag)
            yield BlockView(
                (Run(_("Last checked against its sources: {date}").format(date=reviewed)),),
                classes="reviewed",
            )
        yield KeyLegend(self.kiosk.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        self.move_focus(0)

    def go_back(self) -> None:
        self.dismiss()
