"""Home: the topics as a short list of large items."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from kiosk.content.pages import Page, Run
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import FocusText, KeyLegend, Paragraph, TopBar


class TopicItem(FocusText):
    def __init__(self, page: Page, direction: str) -> None:
        super().__init__(
            (Run(page.title, bold=True),),
            id=f"topic-{page.id}",
            lang=page.lang,
            direction=direction,
        )
        self.page = page


class LanguageChoice(FocusText):
    """The way to another language, always the last item."""

    def __init__(self, direction: str) -> None:
        # "Language" in the current language, followed by the word in English for anyone
        # who cannot read the current one.
        label = _("Language")
        text = label if label == "Language" else f"{label} / Language"
        super().__init__((Run(text, bold=True),), id="choose-language", direction=direction)


class SettingsChoice(FocusText):
    """The way to the person's own settings (colours, speech, switches)."""

    def __init__(self, direction: str) -> None:
        super().__init__((Run(_("Settings"), bold=True),), id="settings", direction=direction)


class HomeScreen(KioskScreen):
    LEGEND_ACTIONS = ("next", "previous", "select")
    SHOWS_STAFF_NOTICE = True

    def compose(self) -> ComposeResult:
        yield TopBar(self.kiosk.as_drawn(_("ALS information")))
        with VerticalScroll(classes="column"):
            pages = self.kiosk.localised_pages()
            if not pages:
                yield Paragraph(
                    (Run(_("No information is available. Please tell a member of staff.")),),
                    classes="notice",
                )
            direction = self.kiosk.current_language().direction
            for page in pages:
                yield TopicItem(page, direction)
            if len(self.kiosk.offered_languages()) > 1:
                yield LanguageChoice(direction)
            yield SettingsChoice(direction)
            yield from self.staff_notice()
        yield KeyLegend(self.kiosk.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        if not self.kiosk.pages:
            self.kiosk.say(_("No information is available. Please tell a member of staff."))
        self.move_focus(0)

    def activate(self, item: FocusText) -> None:
        if isinstance(item, TopicItem):
            self.kiosk.open_page(item.page)
        elif isinstance(item, LanguageChoice):
            self.kiosk.open_language_picker()
        elif isinstance(item, SettingsChoice):
            self.kiosk.open_settings()
