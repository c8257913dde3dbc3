"""Settings a person may change for themselves: controls, scan time, colours, speed, volume.

Two simple lists, so one switch can do it all: the settings with their values, and for the
chosen setting its values. Choosing a value applies it at once and says it; every value
is spoken as it is highlighted, like any item. Nothing chosen here outlives the idle reset.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message

from kiosk.config.personal import (
    SETTINGS,
    Personal,
    Setting,
    setting_line,
    value_of,
    with_value,
)
from kiosk.content.pages import Run
from kiosk.input.scanning import Mode
from kiosk.translate import _
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import FocusText, KeyLegend, TopBar


def with_switch_keys(screen: KioskScreen, setting: Setting, value: object, text: str) -> str:
    """A switch mode is named with the keys that are its switches: a person (or carer)
    choosing it knows which switch does what, and a technician sees the preset at work."""
    if setting.id != "mode" or value == Mode.KEYS:
        return text
    switches = screen.context.switch_keys_text(Mode(str(value)))
    # TRANSLATORS: Settings, Controls: a way of controlling the kiosk and the keys its
    # switches send, e.g. 'Two switches — 1 Move   2 Select'. List item (wraps), read aloud.
    return _("{mode} — {switches}").format(mode=text, switches=switches)


class BackItem(FocusText):
    """Back as an item, for switch users who have no Back key."""

    def __init__(self) -> None:
        # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9
        # cells at 45 columns) and, on a page, a control that is highlighted and read aloud. Write
        # it in full (it is spoken), no abbreviations.
        super().__init__((Run(_("Back"), bold=True),), id="back")


class SettingItem(FocusText):
    def __init__(self, setting: Setting, line: str, direction: str, reorder_rtl: bool) -> None:
        super().__init__(
            (Run(line, bold=True),),
            id=f"setting-{setting.id}",
            direction=direction,
            reorder_rtl=reorder_rtl,
        )
        self.setting = setting


class ChoiceItem(FocusText):
    def __init__(
        self, value: object, text: str, index: int, direction: str, reorder_rtl: bool
    ) -> None:
        super().__init__(
            (Run(text, bold=True),),
            id=f"choice-{index}",
            direction=direction,
            reorder_rtl=reorder_rtl,
        )
        self.value = value


class _ListScreen(KioskScreen):
    LEGEND_ACTIONS = ("next", "previous", "select", "back")

    def go_back(self) -> None:
        self.dismiss()

    def activate(self, item: FocusText) -> None:
        if isinstance(item, BackItem):
            self.dismiss()


class SettingsScreen(_ListScreen):
    def settings(self) -> list[Setting]:
        speech = self.context.speaking is not None
        return [setting for setting in SETTINGS if speech or not setting.needs_speech]

    def _line(self, setting: Setting) -> str:
        value = value_of(self.context.current_personal(), setting)
        return with_switch_keys(
            self, setting, value, setting_line(setting, value, self.context.languages.tag)
        )

    def compose(self) -> ComposeResult:
        languages = self.context.languages
        # TRANSLATORS: topics list item and the settings screen's title in the top bar (about 20
        # cells), read aloud.
        yield TopBar(languages.as_drawn(_("Settings")))
        direction, reorder = languages.current().direction, languages.reorders_rtl
        with VerticalScroll(classes="column"):
            for setting in self.settings():
                yield SettingItem(setting, self._line(setting), direction, reorder)
            yield BackItem()
        yield KeyLegend(self.LEGEND_ACTIONS, self.context.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        self.move_focus(0)

    def activate(self, item: FocusText) -> None:
        if isinstance(item, SettingItem):
            self.app.push_screen(ChoiceScreen(item.setting, self._chosen))
        else:
            super().activate(item)

    def _chosen(self, setting: Setting) -> None:
        """A value was chosen: show the new value, and say it."""
        for item in self.query(SettingItem):
            if item.setting is setting:
                line = self._line(setting)
                item.set_runs((Run(line, bold=True),))
                self.focus_item(item)
                # After the focus has been spoken, so the confirmation is what is heard.
                self.call_after_refresh(self.context.say, line)


class ChoiceScreen(_ListScreen):
    """The values of one setting, the current one first in focus and marked as current."""

    class PersonalChanged(Message):
        """A value was chosen: the App puts the person's new choices into effect."""

        def __init__(self, personal: Personal) -> None:
            super().__init__()
            self.personal = personal

    def __init__(self, setting: Setting, on_chosen: Callable[[Setting], None]) -> None:
        super().__init__()
        self.setting = setting
        self._on_chosen = on_chosen

    def compose(self) -> ComposeResult:
        personal = self.context.current_personal()
        current = value_of(personal, self.setting)
        languages = self.context.languages
        tag = languages.tag
        direction, reorder = languages.current().direction, languages.reorders_rtl
        yield TopBar(languages.as_drawn(_(self.setting.label)))
        with VerticalScroll(classes="column"):
            for index, value in enumerate(self.setting.choices(personal)):
                text = with_switch_keys(
                    self, self.setting, value, self.setting.describe(value, tag)
                )
                if value == current:
                    # TRANSLATORS: Settings: marks the value in use now, e.g. 'Yellow on black
                    # (now)'. Read aloud.
                    text = _("{value} (now)").format(value=text)
                item = ChoiceItem(value, text, index, direction, reorder)
                if self.setting.id in ("rate_step", "volume_step") and isinstance(value, int):
                    # Each speed and volume is said at that speed and volume.
                    item.said_at = (
                        (value, None) if self.setting.id == "rate_step" else (None, value)
                    )
                yield item
            yield BackItem()
        yield KeyLegend(self.LEGEND_ACTIONS, self.context.legend(self.LEGEND_ACTIONS))

    def on_mount(self) -> None:
        current = value_of(self.context.current_personal(), self.setting)
        for item in self.query(ChoiceItem):
            if item.value == current:
                self.focus_item(item)
                return
        self.move_focus(0)

    def activate(self, item: FocusText) -> None:
        if isinstance(item, ChoiceItem):
            chosen = with_value(self.context.current_personal(), self.setting, item.value)
            self.ask(self.PersonalChanged(chosen))
            # Closed once the App has put it into effect (its messages are handled in
            # order), so the settings list below shows and says the new value.
            self.app.call_later(self._close)
        else:
            super().activate(item)

    def _close(self) -> None:
        if self.is_current:  # not if something else came in front meanwhile
            self.dismiss()
            self._on_chosen(self.setting)
