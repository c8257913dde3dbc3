"""The Textual App: what the screens ask for, speech and the reset.

Thin by design: the lock is kiosk.ui.lock, switch scanning kiosk.ui.scan_driver, the idle
watch kiosk.ui.idle_watch, the person's choices kiosk.ui.choices, the language in force
kiosk.i18n.state, and the process's memory habits kiosk.ops.memory (given by kiosk.cli);
content, settings and timing live in the Textual-free core, and screens do their own
layout. Screens read the App through KioskContext and ask it for things with Messages.
One factory (`create_app`) builds it, for the CLI and the tests alike.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message
from textual.screen import Screen

from kiosk.config.clinic import Settings
from kiosk.config.keymap import SPEECH_ACTIONS, SWITCH_ACTIONS, switch_keys
from kiosk.config.personal import Personal
from kiosk.i18n.state import LanguageState
from kiosk.input.clock import Clock, SystemClock
from kiosk.input.scanning import Mode
from kiosk.library.load import Library
from kiosk.ops.memory import MemoryPolicy
from kiosk.problems import Problem
from kiosk.ui import screens  # PageScreen and SettingsScreen load on first use (PEP 562)
from kiosk.ui.choices import Choices
from kiosk.ui.idle_watch import IdleWatch
from kiosk.ui.lock import LockedApp
from kiosk.ui.scan_driver import ScanDriver
from kiosk.ui.screens import HomeScreen, sync_size_screen
from kiosk.ui.screens.base import KioskScreen, staff_notice_text
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.widgets import (
    FocusText,
    KeyLegend,
    legend_text,
    switch_legend_text,
)
from kiosk.ui.widgets.control_bar import TOGGLE_ACTION

if TYPE_CHECKING:
    from kiosk.speech.reader import SpeechEvent
    from kiosk.ui.screens.settings import ChoiceScreen
    from kiosk.ui.speaking import Speaking


class KioskApp(LockedApp):
    """The kiosk. Implements KioskContext, what the screens read."""

    CSS_PATH = "kiosk.tcss"

    class LibraryLoaded(Message):
        """Every page and language is loaded and checked (posted from the loading thread)."""

    class Speech(Message):
        """Something happened in speech (posted from the speech thread)."""

        def __init__(self, event: SpeechEvent) -> None:
            super().__init__()
            self.event = event

    def __init__(
        self,
        *,
        library: Library,
        settings: Settings,
        problems: list[Problem] | None = None,
        clock: Clock | None = None,
        memory: MemoryPolicy | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.settings_problems = problems or []
        self.clock = clock or SystemClock()
        self.memory = memory
        """The process's memory habits; None leaves the interpreter alone (tests, tools)."""
        self.languages = LanguageState.for_clinic(library, settings)
        self.keymap = dict(settings.keys)
        self.speaking: Speaking | None = None
        self.idle = IdleWatch(
            self,
            self.clock,
            settings.session,
            listening=lambda: self.speaking is not None and self.speaking.is_reading(),
            say=self.say,
            reset=self.reset_session,
            memory=memory,
        )
        self.scan = ScanDriver(
            self,
            self.clock,
            settings.input,
            speaking=lambda: self.speaking is not None and self.speaking.is_speaking(),
            reading=lambda: self.speaking is not None and self.speaking.is_reading(),
            select=lambda: self.action_semantic("select"),
        )
        # Nothing slides or fades: motion distracts and some readers find it hard to follow.
        self.animation_level = "none"
        self.choices = Choices(
            self, settings, self.scan, lambda: self.speaking, controls_changed=self._write_legends
        )
        self.switch_keys = switch_keys(self.keymap)
        """Key → switch action: in a switch mode these keys do only that."""
        self.set_keymap(
            {
                action: ",".join(keys)
                for action, keys in self.keymap.items()
                if action not in SWITCH_ACTIONS
            }
        )

    def current_personal(self) -> Personal:
        return self.choices.current()

    # ------------------------------------------------------------------ lifecycle

    async def on_mount(self) -> None:
        self.languages.use(self.languages.default)
        await self.push_screen(start_screen(self.languages))
        if self.settings.speech.enabled:
            self.call_after_refresh(self._start_speech)
        sync_size_screen(self)
        log_problems(self.settings_problems)
        if self.known_problems():
            # Said once at start (EN 301 549 5.1.3.15); shown on Home and the language list.
            self.call_after_refresh(self.say, staff_notice_text())
        # Even when it is in already: what follows the full check (the log, the list
        # corrected, staff told) then happens the same way.
        self.call_after_refresh(
            self.library.load_in_background, lambda: self.post_message(self.LibraryLoaded())
        )
        self.idle.start()
        # Frequent ticks settle presses; the exact step times come from a one-shot timer.
        self.scan.run()

    def _start_speech(self) -> None:
        """Speech starts once the first screen is up: its modules, thread and engine
        process then cost that screen nothing. The item focused meanwhile is said now."""
        if self.speaking is not None or not self.screen_stack:
            return  # already started, or the kiosk is closing (its thread would outlive it)
        from kiosk.ui.speaking import Speaking

        self.speaking = Speaking.start(
            lambda event: self.post_message(self.Speech(event)),  # thread-safe, never blocks
            self.choices.personal,
            speak_focus=self.settings.speech.speak_focus,
        )
        screen = self.screen
        if isinstance(screen, KioskScreen) and isinstance(screen.focused, FocusText):
            self.speaking.focused(screen, screen.focused)

    def on_kiosk_app_library_loaded(self) -> None:
        """The full check is in: correct the language list, and tell staff of problems."""
        if not self.screen_stack:
            return  # closing
        log_problems(self.library.load().problems)
        if self.memory is not None:
            self.memory.release()  # the start-up's garbage, before anyone is here
        screen = self.screen
        if isinstance(screen, LanguageScreen):
            if len(self.languages.offered()) > 1:
                screen.update_languages()
            else:
                self.switch_screen(HomeScreen())
        if self.library.load().problems and not self.settings_problems:
            if isinstance(screen, KioskScreen):
                screen.show_staff_notice()
            self.say(staff_notice_text())

    def on_unmount(self) -> None:
        self.library.close()
        if self.speaking is not None:
            self.speaking.reader.close()

    def on_kiosk_app_speech(self, message: Speech) -> None:
        if not self.screen_stack:
            return  # the kiosk is closing: speech events can still be on their way
        screen = self.screen
        if self.speaking is not None and isinstance(screen, KioskScreen):
            self.speaking.on_event(screen, message.event)

    async def on_event(self, event: events.Event) -> None:
        # Any key or click counts as someone being there, before it is dispatched.
        if isinstance(event, events.Key | events.MouseDown) and self.idle.someone_is_there():
            event.stop()  # it only took the idle warning away
            return
        if isinstance(event, events.Key) and self.scan.active and event.key in self.switch_keys:
            # Before any binding: a switch interface that sends Space or Enter must
            # choose, not read or open ([input] switch_keys).
            event.stop()
            event.prevent_default()
            self.action_semantic(self.switch_keys[event.key])
            return
        await super().on_event(event)

    # ------------------------------------------------------------------ what screens read

    def action_semantic(self, action: str, waited: bool = False) -> None:
        """Every key and switch ends here, as one of the kiosk's semantic actions."""
        screen = self.screen
        if not waited and isinstance(screen, KioskScreen) and screen.asked:
            # Came before the App answered what this screen asked: meant for what it opens.
            self.call_later(self.action_semantic, action, True)
            return
        if action in SWITCH_ACTIONS:
            self.scan.press(action)
            return
        focused = screen.focused
        chosen = focused if isinstance(focused, FocusText) else None
        if action == "select" and isinstance(screen, KioskScreen) and chosen is not None:
            action = screen.select_action(chosen)  # a control acts as its key would
        if action not in SPEECH_ACTIONS | {TOGGLE_ACTION} and self.speaking is not None:
            # Any other action interrupts speech (EN 5.1.3.5); showing the controls does
            # not, so that they can pause, repeat or slow what is being read.
            self.speaking.reader.stop()
        if isinstance(screen, KioskScreen):
            screen.handle_action(action)

    def say(self, text: str) -> None:
        """Say an interface message aloud (when there is speech)."""
        if self.speaking is not None:
            self.speaking.say(text)

    def legend(self, action_ids: tuple[str, ...]) -> str:
        """The key legend for these actions (speech keys only when there is speech), or
        in a switch mode what the switches do."""
        mode = self.choices.personal.mode
        if mode != Mode.KEYS:
            return self.languages.as_drawn(self.switch_keys_text(mode))
        speech = self.settings.speech.enabled
        offered = [a for a in action_ids if speech or a not in SPEECH_ACTIONS]
        return self.languages.as_drawn(legend_text(self.keymap, offered))

    def switch_keys_text(self, mode: Mode) -> str:
        return switch_legend_text(self.keymap, one_switch=mode == Mode.ONE_SWITCH)

    def _write_legends(self) -> None:
        """The controls changed: every screen's legend says what works now."""
        for screen in self.screen_stack:
            for legend in screen.query(KeyLegend):
                legend.update(self.legend(legend.actions))

    def known_problems(self) -> list[Problem]:
        """The problems found so far, without waiting for the library."""
        found = self.library.load().problems if self.library.is_loaded else []
        return [*self.settings_problems, *found]

    # ------------------------------------------------------------------ what screens ask for

    def on_home_screen_topic_chosen(self, message: HomeScreen.TopicChosen) -> None:
        self.push_screen(screens.PageScreen(message.page))

    def on_home_screen_language_picker_requested(self) -> None:
        self.push_screen(LanguageScreen(can_go_back=True))

    def on_home_screen_settings_requested(self) -> None:
        self.push_screen(screens.SettingsScreen())

    def on_language_screen_language_chosen(self, message: LanguageScreen.LanguageChosen) -> None:
        self.languages.use(message.tag)
        # A function, not a coroutine: one replaced before it started is never created
        # (a coroutine object would be left un-awaited). Textual's stub cannot type this.
        work = partial(self._show_only, HomeScreen())
        self.run_worker(work, exclusive=True, group="screens")  # type: ignore[arg-type]

    def on_choice_screen_personal_changed(self, message: ChoiceScreen.PersonalChanged) -> None:
        self.choices.apply(message.personal)

    async def _show_only(self, screen: Screen[None]) -> None:
        """`screen` in place of everything above the base, in one repaint: the last
        person's pages never flash up while the screens above it are taken away."""
        with self.batch_update():
            while len(self.screen_stack) > 2:
                await self.pop_screen()
            await self.switch_screen(screen)

    # ------------------------------------------------------------------ idle reset

    async def reset_session(self) -> None:
        """Back to the start with the clinic's defaults; nothing of the last person remains
        (run by the idle watch when its countdown ends, which then gives memory back)."""
        self.idle.timer.touch()
        if self.speaking is not None:
            self.speaking.reset()
        with self.batch_update():
            self.choices.apply(Personal.clinic_defaults(self.settings))
            self.languages.use(self.languages.default)
            await self._show_only(start_screen(self.languages))
        sync_size_screen(self)
        self.languages.forget_others()


def start_screen(languages: LanguageState) -> KioskScreen:
    """The language list when there is a choice, else Home."""
    if len(languages.offered()) > 1:
        return LanguageScreen(can_go_back=False)
    return HomeScreen()


def log_problems(problems: list[Problem]) -> None:
    """The technician finds these in the journal, and with `als-kiosk doctor`."""
    for problem in problems:
        logging.getLogger("als-kiosk").warning("%s", problem)
