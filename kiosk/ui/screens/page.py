"""A page: its text block by block, each block focusable, scrolled to keep focus in view."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from kiosk.content.pages import BlockKind, Page, Run
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import ControlBar, FocusText, KeyLegend, TopBar
from kiosk.ui.widgets.control_bar import TOGGLE_ACTION

MIN_FIRST_BLOCKS = 6
"""Blocks mounted for the first frame, at least: more than fill the kiosk's 45×12."""

CLOSE_CONTROLS = frozenset({"read", "stop", "repeat", "next_sentence", "previous_sentence"})
"""Controls after which the switch user wants the text back in view: the controls close
and the text being read has focus. Speed and volume stay open, to be chosen again."""


class BlockView(FocusText):
    """One block of a page."""


class PageScreen(KioskScreen):
    LEGEND_ACTIONS = ("read", "next", "back")

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.last_block: BlockView | None = None
        self._rest: list[BlockView] = []
        self._waiting: list[str] = []
        self.complete = False
        """All blocks mounted."""

    def compose(self) -> ComposeResult:
        # TRANSLATORS: the title in the top bar of every screen (about 20 cells at 45 columns,
        # beside the status), read aloud.
        yield TopBar(self.context.languages.as_drawn(_("ALS information")))
        blocks = self._blocks()
        # The first screenful is there for the first frame; the rest of a long page is
        # mounted straight after it, so opening a page does not wait for all of it.
        count = max(MIN_FIRST_BLOCKS, self.app.size.height // 2)  # a block takes 2+ rows
        first, self._rest = blocks[:count], blocks[count:]
        with VerticalScroll(classes="column"):
            yield from first
        if self.context.scan.active:
            # Switch users reach the controls by one line below the text (issue #15: the
            # page opens on its text, never on a screenful of controls).
            # Its labels are in the interface's language, laid out as the blocks are.
            languages = self.context.languages
            language = languages.current()
            yield ControlBar(
                lang=language.tag,
                direction=language.direction,
                reorder_rtl=languages.reorders_rtl,
            )
        yield KeyLegend(self.LEGEND_ACTIONS, self.context.legend(self.LEGEND_ACTIONS))

    def _blocks(self) -> list[BlockView]:
        languages = self.context.languages
        language = languages.current()
        views = []
        if not language.reviewed:
            views.append(
                BlockView(
                    # TRANSLATORS: note at the top of every page of a translation whose header says
                    # X-Medical-Review: none. Read aloud; wraps.
                    (Run(_("This translation has not yet been checked by a medical translator.")),),
                    classes="notice",
                    lang=language.tag,
                    direction=language.direction,
                    reorder_rtl=languages.reorders_rtl,
                )
            )
        for block in self.page.blocks:
            bullet = "• " if block.kind in (BlockKind.LIST_ITEM, BlockKind.SOURCE) else ""
            runs = block.runs
            if block.regions:
                # Where the statement holds, shown and said with it, in its own language
                # (kiosk.content.regions).
                places = languages.place_names(block.regions, block.lang)
                # TRANSLATORS: the label before a statement that holds only in some places,
                # read aloud with it: "United Kingdom: Tofersen was licensed…". {places} is
                # one or more country names, already in your language.
                label = "{places}:" if block.fallback else _("{places}:")
                runs = (Run(label.format(places=places) + " ", bold=True), *runs)
            if block.fallback:
                # Visibly marked, and read with the English voice (EN 301 549 5.1.3.14).
                # TRANSLATORS: marker before a block shown in English because it is not translated
                # yet; the block is read by the English voice.
                runs = (Run(_("[in English]") + " ", italic=True), *runs)
            views.append(
                BlockView(
                    runs,
                    kind=block.kind,
                    level=block.level,
                    bullet=bullet,
                    lang=block.lang,
                    # English blocks (untranslated, or citations) read left to right.
                    direction=language.direction if block.lang == language.tag else "ltr",
                    reorder_rtl=languages.reorders_rtl,
                )
            )
        reviewed, due = languages.review_dates(self.page)
        # TRANSLATORS: the last line of every page, read aloud; {reviewed} and {due} are
        # dates already written in your language ("2 December 2026").
        dates = _("Last reviewed: {reviewed}. Next review due: {due}.")
        views.append(
            BlockView(
                (Run(dates.format(reviewed=reviewed, due=due)),),
                classes="reviewed",
                # In the interface's language, drawn (and read) as it is, like the notice.
                lang=language.tag,
                direction=language.direction,
                reorder_rtl=languages.reorders_rtl,
            )
        )
        return views

    def on_mount(self) -> None:
        blocks = list(self.query(BlockView))
        if blocks:
            self.focus_item(blocks[0])
        self.call_after_refresh(self._mount_rest)

    async def _mount_rest(self) -> None:
        if self._rest:
            await self.query_one(VerticalScroll).mount_all(self._rest)
            self._rest = []
        self.complete = True
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            if not self.is_current:
                break  # an earlier one left the page (Back): the rest were meant for it
            self.handle_action(action)
        self.context.scan.restart()  # scanning covers the whole page

    def handle_action(self, action: str) -> None:
        # A key pressed within the page's first frame waits for the whole page: Read must
        # read all of it, Next must be able to go past the first screenful.
        if not self.complete:
            self._waiting.append(action)
            return
        bar = self._control_bar()
        if bar is not None and action == TOGGLE_ACTION:
            self._show_controls(bar, not bar.shown)
            return
        if bar is not None and bar.shown and action in CLOSE_CONTROLS:
            self._show_controls(bar, False)
        super().handle_action(action)
        if bar is not None and action == "read" and self.is_current:
            self.context.scan.restart()  # from the text now being read, or paused

    def _control_bar(self) -> ControlBar | None:
        bars = self.query(ControlBar)
        return bars.first() if bars else None

    def _show_controls(self, bar: ControlBar, shown: bool) -> None:
        bar.show(shown)
        # Open: the first control has focus. Closed: the text being read (or the first).
        self.focus_item(bar.items()[0] if shown else self._text_in_view())
        self.context.scan.restart()

    def _text_in_view(self) -> BlockView:
        """The block a switch user is at: the one with focus, else the one being read or
        last read, else the first."""
        blocks = [item for item in self.items() if isinstance(item, BlockView)]
        if isinstance(self.focused, BlockView):
            return self.focused
        if self.last_block is not None and self.last_block in blocks:
            return self.last_block
        return blocks[0]

    def scan_order(self) -> tuple[list[FocusText], int]:
        """With the controls shown: Read/Pause and Back one by one, then the rest. Else the
        text the person is at (the first block when the page opens: choosing it reads
        from there), then the controls line, each alone, then the whole page by groups."""
        bar = self._control_bar()
        if bar is None:
            return super().scan_order()
        if bar.shown:
            return list(bar.items()), 2
        blocks: list[FocusText] = [i for i in self.items() if isinstance(i, BlockView)]
        if not blocks:
            return list(bar.items()), 0
        return [self._text_in_view(), *bar.items(), *blocks], 2

    def select_action(self, item: FocusText) -> str:
        # Choosing a block reads the page from there; choosing it again pauses.
        return "read" if isinstance(item, BlockView) else super().select_action(item)

    def read_start(self) -> int:
        """Where Read starts when a control has focus: the last block read or focused."""
        items = self.items()
        blocks = [i for i, item in enumerate(items) if isinstance(item, BlockView)]
        if self.last_block is not None and self.last_block in items:
            return items.index(self.last_block)
        return blocks[0] if blocks else 0

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual calls KioskScreen's handler as well, itself (each class's handler in the
        # MRO runs): calling it here too said every focused item twice, the second time
        # over the reading that had moved focus there.
        if isinstance(event.widget, BlockView):
            self.last_block = event.widget

    def go_back(self) -> None:
        if self.is_current:
            self.dismiss()
