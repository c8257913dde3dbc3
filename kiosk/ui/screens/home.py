"""Home: the topics as a short list of large items."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message

from kiosk.content.pages import Page, Run
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import FocusText, KeyLegend, Paragraph, TopBar


class TopicItem(FocusText):
    def __init__(self, page: Page, direction: str, reorder_rtl: bool) -> None:
        super().__init__(
            (Run(page.title, bold=True),),
            id=f"topic-{page.id}",
            lang=page.lang,
            direction=direction,
            reorder_rtl=reorder_rtl,
        )
        self.page = page


class LanguageChoice(FocusText):
    """The way to another language, always the last item."""

    def __init__(self, direction: str, reorder_rtl: bool) -> None:
        # "Language" in the current language, followed by the word in English for anyone
        # who cannot read the current one.
        # TRANSLATORS: topics list item that opens the list of languages; shown as 'your word /
        # Language' so anyone finds it (about 28 cells in all), read aloud.
        label = _("Language")
        text = label if label == "Language" else f"{label} / Language"
        super().__init__(
            (Run(text, bold=True),),
            id="choose-language",
            direction=direction,
            reorder_rtl=reorder_rtl,
        )


class SettingsChoice(FocusText):
    """The way to the person's own settings (colours, speech, switches)."""

    def __init__(self, direction: str, reorder_rtl: bool) -> None:
        super().__init__(
            # TRANSLATORS: topics list item and the settings screen's title in the top bar (about
            # 20 cells), read aloud.
            (Run(_("Settings"), bold=True),),
            id="settings",
            direction=direction,
            reorder_rtl=reorder_rtl,
        )


class HomeScreen(KioskScreen):
    LEGEND_ACTIONS = ("next", "previous", "select")
    SHOWS_STAFF_NOTICE = True

    class TopicChosen(Message):
        """A topic was chosen: the App opens its page on top of Home."""

        def __init__(self, page: Page) -> None:
            super().__init__()
            self.page = page

    class LanguagePickerRequested(Message):
        """Language was chosen: the App opens the language list, from which Back returns."""

    class SettingsRequested(Message):
        """Settings was chosen: the App opens the person's settings."""

    def compose(self) -> ComposeResult:
        languages = self.context.languages
        # TRANSLATORS: the title in the top bar of every screen (about 20 cells at 45 columns,
        # beside the status), read aloud.
        yield TopBar(languages.as_drawn(_("ALS information")))
        with VerticalScroll(classes="column"):
            pages = languages.localised_pages()
            if not pages:
                yield Paragraph(
                    # TRANSLATORS: shown and read aloud when no page could be read. Wraps at 45
                    # columns.
                    (Run(_("No information is available. Please tell a member of staff.")),),
                    classes="notice",
                )
            direction, reorder = languages.current().direction, languages.reorders_rtl
            for page in pages:
                yield TopicItem(page, direction, reorder)
            if len(languages.offered()) > 1:
                yield LanguageChoice(direction, reorder)
            yield SettingsChoice(direction, reorder)
            yield from self.staff_notice()
        yield KeyLegend(self.LEGEND_ACTIONS, self.context.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        if not self.context.languages.pages:
            # TRANSLATORS: shown and read aloud when no page could be read. Wraps at 45 columns.
            self.context.say(_("No information is available. Please tell a member of staff."))
        self.move_focus(0)

    def activate(self, item: FocusText) -> None:
        if isinstance(item, TopicItem):
            self.ask(self.TopicChosen(item.page))
        elif isinstance(item, LanguageChoice):
            self.ask(self.LanguagePickerRequested())
        elif isinstance(item, SettingsChoice):
            self.ask(self.SettingsRequested())
