"""Between the screens and the speech reader: what to say, and showing what is said.

Turns a screen's focusable items into sentences (Utterances), handles the speech actions,
and, when the reader starts a sentence, moves focus to its item and highlights it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.speech.controls import RATE_STEPS_WPM, VOLUME_STEPS_DB
from kiosk.speech.reader import (
    EventKind,
    Notice,
    SpeechEvent,
    SpeechReader,
    State,
    Utterance,
    utterances_for,
)
from kiosk.translate import SOURCE_LANGUAGE, _
from kiosk.ui.widgets import ControlItem, FocusText, TopBar

if TYPE_CHECKING:
    from kiosk.config.personal import Personal
    from kiosk.ui.screens.base import KioskScreen


def item_utterances(items: list[FocusText], first: int, last: int) -> list[Utterance]:
    """The sentences of items[first:last], each tied to its item and character range."""
    utterances: list[Utterance] = []
    for index in range(first, min(last, len(items))):
        item = items[index]
        if isinstance(item, ControlItem):
            continue  # a page's controls are chosen, not read as part of it
        # From the runs, not the plain text: a phone number (a tel: link) is read digit by
        # digit in the groups shown.
        rate_step, volume_step = item.said_at
        utterances += [
            replace(utterance, rate_step=rate_step, volume_step=volume_step)
            for utterance in utterances_for(item.runs, item.lang, index)
        ]
    return utterances


def notice_text(notice: Notice) -> str:
    return {
        # TRANSLATORS: notice at the top of the screen when no sound device works; the text stays
        # on screen. Wraps at 45 columns.
        Notice.NO_SOUND: _("Sound is not available."),
        # TRANSLATORS: notice when the speech engine has no voice for the chosen language. Wraps at
        # 45 columns.
        Notice.NO_VOICE: _("No voice for this language."),
        # TRANSLATORS: notice when the speech engine cannot start. Wraps at 45 columns.
        Notice.NO_ENGINE: _("Speech is not available."),
    }[notice]


class Speaking:
    """Speech for the screen in front: one per app, driven by semantic actions."""

    @classmethod
    def start(
        cls, post: Callable[[SpeechEvent], object], personal: Personal, *, speak_focus: bool
    ) -> Speaking:
        """Speech at the person's speed and volume, its thread and engine process started.
        `post` gets each event on the speech thread: it must not block."""

        def on_event(event: SpeechEvent) -> None:
            post(event)

        reader = SpeechReader(
            on_event, rate_step=personal.rate_step, volume_step=personal.volume_step
        )
        return cls(reader, speak_focus=speak_focus)

    def __init__(self, reader: SpeechReader, *, speak_focus: bool) -> None:
        self.reader = reader
        self.speak_focus = speak_focus
        self._reader_moved_focus: FocusText | None = None
        self._highlighted: FocusText | None = None
        self._request = 0
        self._interface_request = -1
        self._message = ""
        self._no_sound = False
        """The NULL device is playing: say so beside every speech status."""
        self._no_engine = False
        """The speech engine did not start or answer: shown until a sentence plays."""
        self._reading = False
        """The speech is a page being read (not an item's name or a message)."""
        self._follow_focus = False
        """True while reading on from item to item: focus follows the sentence."""
        self._reading_from: FocusText | None = None
        """The item that had focus when Read was pressed."""

    def _speak(self, utterances: list[Utterance], *, follow: bool, reading: bool = False) -> None:
        self._request = self.reader.speak(utterances)
        self._follow_focus = follow
        self._reading = reading

    # ------------------------------------------------------------------ what to say

    def say(self, text: str, lang: str = SOURCE_LANGUAGE) -> None:
        """Say an interface message (a notice, a warning, a confirmation)."""
        self._speak([Utterance(text, lang, -1, 0, len(text))], follow=False)
        self._interface_request = self._request

    def is_speaking(self) -> bool:
        """Anything at all is being said (a page, an item's name or a message)."""
        return self.reader.state is State.SPEAKING

    def is_reading(self) -> bool:
        """A page (not an item's name or a message) is being read aloud: someone listens."""
        return self.reader.state is State.SPEAKING and self._reading

    def is_paused_reading(self) -> bool:
        return self.reader.state is State.PAUSED and self._reading

    def focused(self, screen: KioskScreen, item: FocusText) -> None:
        """Focus moved: speak the item, unless the reader itself moved it there."""
        if item is self._reader_moved_focus:
            self._reader_moved_focus = None
            return
        if self._reading and item is self._reading_from:
            # Keys that come together (Down, then Read): Textual reports the focus after
            # the reading has begun from that very item. Saying its name would cut the
            # reading off.
            return
        if self.speak_focus:
            items = screen.items()
            if item in items:
                index = items.index(item)
                self._speak(item_utterances(items, index, index + 1), follow=False)

    def handle(self, screen: KioskScreen, action: str) -> None:
        reader = self.reader
        if action == "read":
            # Pause only a page being read: an item's name being said is simply replaced.
            if reader.state is State.SPEAKING and self.is_reading():
                reader.pause()
                # TRANSLATORS: status at the top right while reading aloud is paused (about 10
                # cells).
                self._status(screen, _("Paused"))
            elif reader.state is State.PAUSED and self._resumes_here(screen):
                reader.resume()
                # TRANSLATORS: status at the top right while the page is read aloud (about 10
                # cells).
                self._status(screen, _("Reading"))
            else:
                self.read_from_focus(screen)
        elif action == "stop":
            reader.stop()
        elif action in ("repeat", "next_sentence", "previous_sentence"):
            if reader.current is None:
                self.read_from_focus(screen)
            elif action == "repeat":
                reader.repeat()
            elif action == "next_sentence":
                reader.next_sentence()
            else:
                reader.previous_sentence()
        elif action in ("slower", "faster"):
            step = reader.set_rate_step(reader.rate_step + (1 if action == "faster" else -1))
            wpm = RATE_STEPS_WPM[step]
            # TRANSLATORS: said aloud (at the new speed) and shown at the top right (about 20
            # cells) when the reading speed changes.
            self._confirm(screen, _("Speed {wpm} words per minute").format(wpm=wpm))
        elif action in ("quieter", "louder"):
            step = reader.set_volume_step(reader.volume_step + (1 if action == "louder" else -1))
            self._confirm(
                screen,
                # TRANSLATORS: said aloud (at the new volume) and shown at the top right (about 20
                # cells) when the volume changes.
                _("Volume {step} of {count}").format(step=step + 1, count=len(VOLUME_STEPS_DB)),
            )

    def _resumes_here(self, screen: KioskScreen) -> bool:
        """Read/Pause on paused reading goes on from where it stopped, unless the person
        has since chosen other text (a switch user scanned to it): then from there."""
        if not self.is_paused_reading():
            return False
        focused = screen.focused
        text_elsewhere = (
            isinstance(focused, FocusText)
            and not isinstance(focused, ControlItem)
            and self._highlighted is not None
            and focused is not self._highlighted
        )
        return not text_elsewhere

    def read_from_focus(self, screen: KioskScreen) -> None:
        items = screen.items()
        focused = screen.focused
        if isinstance(focused, ControlItem) or not (
            isinstance(focused, FocusText) and focused in items
        ):
            first = screen.read_start()
        else:
            first = items.index(focused)
        # Reading from a control (switch users) leaves focus on the control.
        follow = not isinstance(focused, ControlItem)
        self._speak(item_utterances(items, first, len(items)), follow=follow, reading=True)
        self._reading_from = focused if isinstance(focused, FocusText) else None

    def _confirm(self, screen: KioskScreen, message: str) -> None:
        """Say the new setting, then carry on from the sentence that was being read."""
        self._status(screen, message)
        current = self.reader.current
        rest: list[Utterance] = []
        if current is not None and current[1].item >= 0 and self.reader.state is State.SPEAKING:
            items = screen.items()
            rest = [
                u
                for u in item_utterances(items, current[1].item, len(items))
                if (u.item, u.start) >= (current[1].item, current[1].start)
            ]
        self._speak(
            [Utterance(message, SOURCE_LANGUAGE, -1, 0, len(message)), *rest],
            follow=bool(rest) and self._follow_focus,
            reading=bool(rest),
        )

    # ------------------------------------------------------------------ what is being said

    def on_event(self, screen: KioskScreen, event: SpeechEvent) -> None:
        if event.request != self._request:
            return  # from speech that has since been replaced
        if event.kind is EventKind.SENTENCE and event.utterance is not None:
            self._no_engine = False
            if event.utterance.item >= 0:  # not an interface message: it shows itself
                self._show_sentence(screen, event.utterance)
                # "Reading" is a page being read, not an item's name said on focus.
                # TRANSLATORS: status at the top right while the page is read aloud (about 10
                # cells).
                self._status(screen, _("Reading") if self._reading else "")
        elif event.kind is EventKind.DONE:
            self._clear_highlight()
            self._status(screen, "")
        elif event.kind is EventKind.NOTICE and event.notice is not None:
            if event.notice is Notice.NO_SOUND:
                self._no_sound = True
                self._status(screen, self._message)
            else:
                self._no_engine = event.notice is Notice.NO_ENGINE
                # EN 301 549 5.1.3.15: the problem is said, not only shown, where it can be.
                self._status(screen, notice_text(event.notice))
                if event.notice is Notice.NO_VOICE and event.request != self._interface_request:
                    self.say(notice_text(event.notice))

    def _show_sentence(self, screen: KioskScreen, utterance: Utterance) -> None:
        items = screen.items()
        if not 0 <= utterance.item < len(items):
            return
        item = items[utterance.item]
        if self._highlighted is not item:
            self._clear_highlight()
        if screen.focused is not item:
            if self._follow_focus:
                self._reader_moved_focus = item
                screen.focus_item(item)
            elif isinstance(screen.focused, ControlItem):
                # Switch users keep the highlight on the control (one press pauses);
                # the page still scrolls to the sentence being read.
                item.scroll_visible(animate=False, immediate=True)
            else:
                return
        item.set_highlight((utterance.start, utterance.end))
        self._highlighted = item

    def _clear_highlight(self) -> None:
        if self._highlighted is not None:
            self._highlighted.set_highlight(None)
            self._highlighted = None

    def _status(self, screen: KioskScreen, message: str) -> None:
        self._message = message
        if self._no_engine and not message:
            message = notice_text(Notice.NO_ENGINE)  # stays until speech works again
        elif self._no_sound and message != notice_text(Notice.NO_ENGINE):
            # TRANSLATORS: status at the top right when no sound device works (about 10 cells).
            no_sound = _("no sound")
            message = f"{message} · {no_sound}" if message else notice_text(Notice.NO_SOUND)
        show_status(screen, message)

    def show_lasting_notices(self, screen: KioskScreen) -> None:
        """A screen came to the front: show a problem that still lasts (no sound, no speech)."""
        self._status(screen, "")

    def reset(self) -> None:
        self._clear_highlight()
        self._reader_moved_focus = None
        self.reader.reset()


def show_status(screen: KioskScreen, text: str) -> None:
    for bar in screen.query(TopBar):
        bar.set_status(screen.context.languages.as_drawn(text))
