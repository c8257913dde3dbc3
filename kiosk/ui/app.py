"""The Textual App: screens, the kiosk lock, global bindings and the idle reset.

Thin by design: content, settings and timing live in the Textual-free core; screens do
their own layout. One factory (`create_app`) builds the App from explicit paths, for the
CLI and the tests alike.
"""

from __future__ import annotations

import gettext
import io
import logging
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.console import Console
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer

from kiosk.config.clinic import Settings
from kiosk.config.keymap import ACTIONS, SPEECH_ACTIONS, SWITCH_ACTIONS
from kiosk.config.personal import Personal
from kiosk.content.pages import Page
from kiosk.content.regions import arrange
from kiosk.i18n.languages import SOURCE_LANGUAGE, Language, LoadedLanguage
from kiosk.i18n.rtl import visual_line
from kiosk.input.clock import Clock, SystemClock
from kiosk.input.idle import IdleTimer, Phase
from kiosk.library.load import Library
from kiosk.logs import describe_error
from kiosk.ops.memory import (
    QUIET_SECONDS,
    collect_if_due,
    collect_in_pauses,
    release_free_memory,
)
from kiosk.problems import Problem
from kiosk.translate import activate
from kiosk.ui.screens import (
    HomeScreen,
    IdleWarningScreen,
    TooSmallScreen,
    is_too_small,
)
from kiosk.ui.screens.base import KioskScreen, staff_notice_text
from kiosk.ui.screens.idle_warning import SPOKEN_COUNT, countdown_text, idle_warning_text
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.themes import all_themes, theme_name
from kiosk.ui.upstream import keep_no_removed_widget_alive
from kiosk.ui.widgets import ControlItem, FocusText, legend_text
from kiosk.upstream.babel import release_locale_data

if TYPE_CHECKING:
    from kiosk.input.scanning import Choice, Highlight, Scanner
    from kiosk.speech.reader import SpeechEvent
    from kiosk.ui.speaking import Speaking

IDLE_POLL_SECONDS = 0.25
SCAN_TICK_SECONDS = 0.01
"""Scan steps are computed from the clock; ticks only need to come often."""


class KioskApp(App[None], inherit_bindings=False):
    """The kiosk. No quit, suspend or palette: a technician stops it from outside."""

    CSS_PATH = "kiosk.tcss"
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    # Semantic actions only; keys come from the clinic keymap through the binding ids.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            ",".join(action.keys),
            f"semantic('{action.id}')",
            action.label,
            id=action.id,
            show=False,
            priority=True,
        )
        for action in ACTIONS
    ]

    class LibraryLoaded(Message):
        """Every page and language is loaded and checked (posted from the loading thread)."""

    def __init__(
        self,
        *,
        library: Library,
        settings: Settings,
        problems: list[Problem] | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        keep_no_removed_widget_alive()
        # Never a traceback on the visitor's screen (Textual prints one, with local
        # variables, when it exits after an error): the journal gets a line without content.
        self.error_console = Console(file=io.StringIO(), markup=False, highlight=False)
        self.library = library
        self.settings = settings
        self._languages: dict[str, LoadedLanguage] | None = None
        self._localised: dict[str, list[Page]] = {}
        self.language = SOURCE_LANGUAGE
        self.settings_problems = problems or []
        self.clock = clock or SystemClock()
        self.idle = IdleTimer(
            self.clock, settings.session.idle_seconds, settings.session.warning_seconds
        )
        self.keymap = dict(settings.keys)
        self.reorders_rtl = settings.display.bidi == "app"
        self.speaking: Speaking | None = None
        self._last_input = self.clock.now()
        self._scan_timer: Timer | None = None
        self._scan_ticks: Timer | None = None
        self._armed_for = -1.0
        self.personal = Personal.clinic_defaults(settings)
        self.scanner: Scanner | None = self._make_scanner(self.personal)
        # Nothing slides or fades: motion distracts and some readers find it hard to follow.
        self.animation_level = "none"
        for theme in all_themes():
            self.register_theme(theme)
        self.theme_palette = ""
        self._start_in_theme(self.personal.theme)
        self.set_keymap({action: ",".join(keys) for action, keys in self.keymap.items()})

    def _make_scanner(self, personal: Personal) -> Scanner | None:
        if personal.mode == "keys":
            return None  # and kiosk.input.scanning is never loaded: a kiosk with keys starts sooner
        from kiosk.input.scanning import Mode, Scanner, Timings

        mode = Mode(personal.mode)
        configured = self.settings.input
        timings = Timings(
            scan_seconds=personal.scan_seconds,
            first_item_extra=configured.first_item_extra,
            loops=int(configured.loops),
            ignore_repeat_seconds=configured.ignore_repeat_seconds,
            hold_seconds=configured.hold_seconds,
        )
        return Scanner(self.clock, mode, timings)

    def current_personal(self) -> Personal:
        """The person's settings now (speed and volume also change by their own keys)."""
        if self.speaking is None:
            return self.personal
        reader = self.speaking.reader
        return replace(self.personal, rate_step=reader.rate_step, volume_step=reader.volume_step)

    def apply_personal(self, personal: Personal) -> None:
        """Put one person's choices (or, at the reset, the clinic's) into effect."""
        before = self.personal
        self.personal = personal
        if self.speaking is not None:
            self.speaking.reader.set_rate_step(personal.rate_step)
            self.speaking.reader.set_volume_step(personal.volume_step)
        if personal.theme != self.theme_palette:
            self.apply_theme(personal.theme)
        if (personal.mode, personal.scan_seconds) != (before.mode, before.scan_seconds):
            self.scanner = self._make_scanner(personal)
            self._run_scan_ticks()

    def _run_scan_ticks(self) -> None:
        """Frequent ticks settle presses while scanning; none at all with keys only."""
        if self.scanner is not None and self._scan_ticks is None:
            self._scan_ticks = self.set_interval(SCAN_TICK_SECONDS, self.scan_tick)
        elif self.scanner is None:
            for timer in (self._scan_ticks, self._scan_timer):
                if timer is not None:
                    timer.stop()
            self._scan_ticks = self._scan_timer = None
            self._armed_for = -1.0

    def _start_in_theme(self, palette_name: str) -> None:
        """The clinic's colours from the first frame, with the stylesheet parsed once.
        Setting `theme` before the app runs makes Textual parse the whole stylesheet a
        second time as it starts (about 4 ms, measured in tmux). Its CSS variables are set
        directly instead; a theme whose light or dark mode differs from Textual's default
        still goes Textual's own way, which also changes how ANSI colours are drawn."""
        name = theme_name(palette_name)
        theme = self.get_theme(name)
        if theme is None or theme.dark != self.current_theme.dark:
            self.apply_theme(palette_name)
            return
        self.theme_palette = palette_name
        self.set_reactive(KioskApp.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{name}", update=False)
        self.set_class(palette_name == "plain", "-plain", update=False)

    def apply_theme(self, palette_name: str) -> None:
        self.theme_palette = palette_name
        self.theme = theme_name(palette_name)
        self.set_class(palette_name == "plain", "-plain")

    # ------------------------------------------------------------------ lifecycle

    async def on_mount(self) -> None:
        self.set_language(self.settings.language.default)
        await self.push_screen(self.start_screen())
        if self.settings.speech.enabled:
            self.call_after_refresh(self._start_speech)
        self.sync_size_screen()
        log_problems(self.settings_problems)
        if self.known_problems():
            # Said once at start (EN 301 549 5.1.3.15); shown on Home and the language list.
            self.call_after_refresh(self.say, staff_notice_text())
        if not self.library.is_loaded:
            self.call_after_refresh(
                self.library.load_in_background, lambda: self.post_message(self.LibraryLoaded())
            )
        collect_in_pauses()
        self.set_interval(IDLE_POLL_SECONDS, self.poll_idle)
        # Frequent ticks settle presses; the exact step times come from a one-shot timer.
        self._run_scan_ticks()

    def _start_speech(self) -> None:
        """Speech starts once the first screen is up: its modules, thread and engine
        process then cost that screen nothing. The item focused meanwhile is said now."""
        if self.speaking is not None or not self.screen_stack:
            return  # already started, or the kiosk is closing (its thread would outlive it)
        from kiosk.speech.reader import SpeechReader
        from kiosk.ui.speaking import Speaking

        reader = SpeechReader(
            self._speech_event_from_thread,
            rate_step=self.personal.rate_step,
            volume_step=self.personal.volume_step,
        )
        self.speaking = Speaking(reader, speak_focus=self.settings.speech.speak_focus)
        screen = self.screen
        if isinstance(screen, KioskScreen) and isinstance(screen.focused, FocusText):
            self.speaking.focused(screen, screen.focused)

    def on_kiosk_app_library_loaded(self) -> None:
        """The full check is in: correct the language list, and tell staff of problems."""
        if not self.screen_stack:
            return  # closing
        log_problems(self.library.load().problems)
        release_free_memory()  # the start-up's garbage, before anyone is here
        screen = self.screen
        if isinstance(screen, LanguageScreen):
            if len(self.offered_languages()) > 1:
                screen.update_languages()
            else:
                self.switch_screen(HomeScreen())
        if self.library.load().problems and not self.settings_problems:
            if isinstance(screen, KioskScreen):
                screen.show_staff_notice()
            self.say(staff_notice_text())

    def _handle_exception(self, error: Exception) -> None:
        logging.getLogger("als-kiosk").error("the kiosk stopped: %s", describe_error(error))
        super()._handle_exception(error)

    def on_unmount(self) -> None:
        self.library.close()
        if self.speaking is not None:
            self.speaking.reader.close()

    class Speech(Message):
        """Something happened in speech (posted from the speech thread)."""

        def __init__(self, event: SpeechEvent) -> None:
            super().__init__()
            self.event = event

    def _speech_event_from_thread(self, event: SpeechEvent) -> None:
        # post_message is thread-safe and never blocks the speech thread.
        self.post_message(self.Speech(event))

    def on_kiosk_app_speech(self, message: Speech) -> None:
        if not self.screen_stack:
            return  # the kiosk is closing: speech events can still be on their way
        event = message.event
        screen = self.screen
        if self.speaking is not None and isinstance(screen, KioskScreen):
            self.speaking.on_event(screen, event)

    async def on_event(self, event: events.Event) -> None:
        # Any key or click counts as someone being there, before it is dispatched.
        if isinstance(event, events.Key | events.MouseDown):
            self.idle.touch()
            self._last_input = self.clock.now()
            if isinstance(self.screen, IdleWarningScreen):
                self.pop_screen()
                event.stop()
                return
        await super().on_event(event)

    def sync_size_screen(self) -> None:
        """Show the "please enlarge" view while the terminal is too small, and leave it after."""
        small = is_too_small(*self.size)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not small:
            self.pop_screen()

    # ------------------------------------------------------------------ actions

    def action_semantic(self, action: str) -> None:
        """Every key and switch ends here, as one of the kiosk's semantic actions."""
        if action in SWITCH_ACTIONS:
            self._switch_pressed(action)
            return
        focused = self.screen.focused
        if action == "select" and isinstance(focused, ControlItem):
            action = focused.action  # a control chosen by switch acts as its key would
        if action not in SPEECH_ACTIONS and self.speaking is not None:
            self.speaking.reader.stop()  # any other action interrupts speech (EN 5.1.3.5)
        screen = self.screen
        if isinstance(screen, KioskScreen):
            screen.handle_action(action)

    def say(self, text: str) -> None:
        """Say an interface message aloud (when there is speech)."""
        if self.speaking is not None:
            self.speaking.say(text)

    def legend(self, action_ids: tuple[str, ...]) -> str:
        """The key legend for these actions; speech keys only when there is speech."""
        speech = self.settings.speech.enabled
        offered = [a for a in action_ids if speech or a not in SPEECH_ACTIONS]
        return self.as_drawn(legend_text(self.keymap, offered))

    def as_drawn(self, line: str) -> str:
        """A one-line interface text as it must be drawn: reordered for right-to-left
        languages unless the terminal does bidi itself."""
        if self.reorders_rtl and self.current_language().direction == "rtl":
            return visual_line(line)[0]
        return line

    # ------------------------------------------------------------------ languages

    @property
    def pages(self) -> list[Page]:
        """The English pages (waits for the library, the first time)."""
        return self.library.load().pages

    @property
    def languages(self) -> dict[str, LoadedLanguage]:
        """Every usable language but English, checked (waits for the library)."""
        if self._languages is None:
            loaded = self.library.load().languages
            self._languages = {language.language.tag: language for language in loaded}
        return self._languages

    @property
    def problems(self) -> list[Problem]:
        """Everything a technician must fix (waits for the library)."""
        return [*self.settings_problems, *self.library.load().problems]

    def known_problems(self) -> list[Problem]:
        """The problems found so far, without waiting for the library."""
        found = self.library.load().problems if self.library.is_loaded else []
        return [*self.settings_problems, *found]

    def offered_languages(self) -> list[Language]:
        """English first, then the others; before the library is loaded, those whose
        files are there (the list is corrected when the check is in)."""
        listing = self.library.listing()
        if self.library.is_loaded:
            return [listing.english, *(loaded.language for loaded in self.languages.values())]
        return [listing.english, *listing.others]

    def current_language(self) -> Language:
        if self.language == SOURCE_LANGUAGE:
            return self.library.listing().english
        return self.languages[self.language].language

    def review_dates(self, page: Page) -> tuple[str, str]:
        """When the page was last reviewed and when it is next due, in the page's language."""
        written = self.library.load().dates.get((page.lang, page.id))
        if written is None:
            from kiosk.library.load import review_dates

            clinic = self.settings.clinic
            written = review_dates(page, page.lang, clinic.region, int(clinic.review_months))
        return written

    def place_names(self, regions: tuple[str, ...], lang: str) -> str:
        """The places a statement holds in, named in `lang` (the block's language)."""
        names = self.library.load().places.get((lang, regions))
        if names is None:
            from kiosk.content.regions import place_names
            from kiosk.translate import _

            names = place_names(regions, lang, _ if lang == self.language else str)
        return names

    def set_language(self, tag: str) -> None:
        """Interface and pages in `tag` (English when it is not offered)."""
        loaded = None if tag == SOURCE_LANGUAGE else self.languages.get(tag)
        self.language = tag if loaded is not None else SOURCE_LANGUAGE
        activate(loaded.translations() if loaded is not None else gettext.NullTranslations())

    def localised_pages(self) -> list[Page]:
        if self.language not in self._localised:
            loaded = self.languages.get(self.language)
            region = self.settings.clinic.region
            pages = [loaded.localise(page) for page in self.pages] if loaded else self.pages
            self._localised[self.language] = [
                replace(page, blocks=arrange(page.blocks, region)) for page in pages
            ]
        return self._localised[self.language]

    def start_screen(self) -> KioskScreen:
        if len(self.offered_languages()) > 1:
            return LanguageScreen(can_go_back=False)
        return HomeScreen()

    def open_language_picker(self) -> None:
        self.push_screen(LanguageScreen(can_go_back=True))

    def choose_language(self, tag: str) -> None:
        self.set_language(tag)
        # The function, not a coroutine: one replaced before it started is never created
        # (a coroutine object would be left un-awaited). Textual's stub cannot infer this.
        self.run_worker(self._show_home, exclusive=True, group="screens")  # type: ignore[arg-type]

    async def _show_home(self) -> None:
        with self.batch_update():
            while len(self.screen_stack) > 2:
                await self.pop_screen()
            await self.switch_screen(HomeScreen())

    # ------------------------------------------------------------------ switch scanning

    def _switch_pressed(self, action: str) -> None:
        if self.scanner is None:
            return
        from kiosk.input.scanning import Mode, Switch

        one_switch = self.scanner.mode is Mode.ONE_SWITCH
        switch = Switch.SELECT if one_switch or action == "switch_select" else Switch.MOVE
        self._show_scan(self.scanner.press(switch))

    def restart_scan(self) -> None:
        """A new screen: scan its items from the first."""
        screen = self.screen
        if self.scanner is None or not isinstance(screen, KioskScreen):
            return
        self._show_scan(self.scanner.start(len(screen.items())))

    def scan_tick(self) -> None:
        if self.scanner is None or not self.screen_stack:
            return
        speaking = self.speaking
        if speaking is not None and speaking.is_speaking():
            # Auditory scanning waits for the item's name; reading a page holds the scan
            # on the control that was chosen, so one press pauses it.
            self.scanner.hold_for(self.scanner.timings.scan_seconds)
        self._show_scan(self.scanner.tick())
        self._arm_scan_timer()

    def _arm_scan_timer(self) -> None:
        """A one-shot timer for the exact moment the next step is due: polling alone
        would add up to a polling interval of lateness to every step."""
        if self.scanner is None:
            return
        due = self.scanner.next_step_at
        delay = due - self.clock.now()
        if 0 < delay < 60 and due != self._armed_for:
            if self._scan_timer is not None:
                self._scan_timer.stop()
            self._armed_for = due
            self._scan_timer = self.set_timer(delay, self.scan_tick)

    def _show_scan(self, result: Highlight | Choice | None) -> None:
        screen = self.screen
        if result is None or not isinstance(screen, KioskScreen):
            return
        from kiosk.input.scanning import Choice

        items = screen.items()
        if isinstance(result, Choice):
            for item in items:
                item.remove_class("-scan-group")
            if 0 <= result.item < len(items):
                screen.focus_item(items[result.item])
                self.action_semantic("select")
            return
        group = set(result.items) if result.is_group else set()
        for index, item in enumerate(items):
            item.set_class(index in group, "-scan-group")
        if result.items and result.items[0] < len(items):
            # Highlighting moves focus (and speech) only: it never activates (WCAG 3.2.1).
            screen.focus_item(items[result.items[0]])

    def open_settings(self) -> None:
        from kiosk.ui.screens import SettingsScreen  # on first use: not on the first screen

        self.push_screen(SettingsScreen())

    def open_page(self, page: Page) -> None:
        from kiosk.ui.screens import PageScreen  # on first use: not on the first screen

        self.push_screen(PageScreen(page))

    # The kiosk lock: Textual's own ways out do nothing here (docs/dependencies.md: bindings merge
    # along the class hierarchy, and run_action("quit") must be neutralised too).
    async def action_quit(self) -> None:
        return

    def action_help_quit(self) -> None:
        return

    def action_suspend_process(self) -> None:
        return

    def action_command_palette(self) -> None:
        return

    # ------------------------------------------------------------------ idle reset

    def poll_idle(self) -> None:
        if not self.screen_stack:
            return
        collect_if_due(quiet=self.clock.now() - self._last_input >= QUIET_SECONDS)
        warning = self.screen if isinstance(self.screen, IdleWarningScreen) else None
        if warning is None and self.speaking is not None and self.speaking.is_reading():
            self.idle.touch()  # someone is listening to a page
        state = self.idle.state()
        if state.phase is Phase.WARNING:
            if warning is None:
                self.push_screen(IdleWarningScreen(state.seconds_left))
                self.say(idle_warning_text(state.seconds_left))
            elif warning.update_seconds(state.seconds_left) and state.seconds_left in SPOKEN_COUNT:
                self.say(countdown_text(state.seconds_left))
        elif state.phase is Phase.EXPIRED:
            self.run_worker(self.reset_session, exclusive=True, group="reset")  # type: ignore[arg-type]

    async def reset_session(self) -> None:
        """Back to Home with the clinic's defaults; nothing of the last person remains."""
        self.idle.touch()
        # One repaint at the end: the last person's pages never flash up while the
        # screens above Home are taken away.
        if self.speaking is not None:
            self.speaking.reset()
        with self.batch_update():
            while len(self.screen_stack) > 2:
                await self.pop_screen()
            self.apply_personal(Personal.clinic_defaults(self.settings))
            self.set_language(self.settings.language.default)
            await self.switch_screen(self.start_screen())
        self.sync_size_screen()
        self.forget_other_languages()
        release_free_memory()

    def forget_other_languages(self) -> None:
        """Drop what was built for the last person's language: the next person starts
        from the same memory as the first did."""
        default = self.settings.language.default
        self._localised = {tag: pages for tag, pages in self._localised.items() if tag == default}
        release_locale_data(keep=(SOURCE_LANGUAGE, default))


def log_problems(problems: list[Problem]) -> None:
    """The technician finds these in the journal, and with `als-kiosk doctor`."""
    for problem in problems:
        logging.getLogger("als-kiosk").warning("%s", problem)
