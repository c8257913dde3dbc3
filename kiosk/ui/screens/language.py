"""The language picker: each language by its own name, in its own script (CLDR autonyms)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message

from kiosk.content.pages import Run
from kiosk.i18n.languages import Language
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import FocusText, KeyLegend, TopBar


class LanguageItem(FocusText):
    def __init__(self, language: Language, reorder_rtl: bool) -> None:
        # Its own language and voice: "Español" is said by the Spanish voice.
        super().__init__(
            (Run(language.autonym, bold=True),),
            id=f"language-{language.tag}",
            lang=language.tag,
            direction=language.direction,
            reorder_rtl=reorder_rtl,
        )
        self.language = language


class LanguageScreen(KioskScreen):
    LEGEND_ACTIONS = ("next", "previous", "select")
    SHOWS_STAFF_NOTICE = True

    class LanguageChosen(Message):
        """A language was chosen: the App puts it in force and shows its Home."""

        def __init__(self, tag: str) -> None:
            super().__init__()
            self.tag = tag

    def __init__(self, *, can_go_back: bool) -> None:
        super().__init__()
        self.can_go_back = can_go_back

    def compose(self) -> ComposeResult:
        languages = self.context.languages
        yield TopBar(languages.as_drawn(_("ALS information")))
        with VerticalScroll(classes="column"):
            for language in languages.offered():
                yield LanguageItem(language, languages.reorders_rtl)
            yield from self.staff_notice()
        yield KeyLegend(self.LEGEND_ACTIONS, self.context.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        current = self.query(f"#language-{self.context.languages.tag}")
        if current:
            self.focus_item(current.first(LanguageItem))
        else:
            self.move_focus(0)

    def update_languages(self) -> None:
        """The full check is in: take off any language whose files turned out unusable."""
        offered = {language.tag for language in self.context.languages.offered()}
        dropped = [item for item in self.query(LanguageItem) if item.language.tag not in offered]
        if not dropped:
            return
        focused = self.focused
        for item in dropped:
            item.remove()
        if focused in dropped:
            self.call_after_refresh(self.move_focus, 0)

    def activate(self, item: FocusText) -> None:
        if isinstance(item, LanguageItem):
            self.ask(self.LanguageChosen(item.language.tag))

    def go_back(self) -> None:
        if self.can_go_back:
            self.dismiss()
