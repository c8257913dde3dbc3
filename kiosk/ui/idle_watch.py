"""Whether anyone is still at the kiosk: the idle timer, its warning, and when to reset.

After the quiet time without a key (and not while a page is read aloud: someone is
listening) the kiosk asks "Are you still there?", aloud too, with a countdown, and any key
continues (WCAG 2.2.1). When the countdown ends the App's reset runs. The rule itself is
kiosk.input.idle, on the clock; this watch polls it and shows what it says.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from kiosk.config.clinic import SessionSettings
from kiosk.input.clock import Clock
from kiosk.input.idle import IdleTimer, Phase
from kiosk.ui.screens import IdleWarningScreen
from kiosk.ui.screens.idle_warning import SPOKEN_COUNT, countdown_text, idle_warning_text

if TYPE_CHECKING:
    from textual.app import App

    from kiosk.ops.memory import MemoryPolicy

IDLE_POLL_SECONDS = 0.25


class IdleWatch:
    """The idle reset for one App: told of every key or click, polled a few times a second."""

    def __init__(
        self,
        app: App[Any],
        clock: Clock,
        session: SessionSettings,
        *,
        listening: Callable[[], bool],
        say: Callable[[str], None],
        reset: Callable[[], Coroutine[Any, Any, None]],
        memory: MemoryPolicy | None,
    ) -> None:
        self.app = app
        self.clock = clock
        self.timer = IdleTimer(clock, session.idle_seconds, session.warning_seconds)
        self._listening = listening
        """A page is being read aloud."""
        self._say = say
        self._reset = reset
        self._memory = memory
        self._last_input = clock.now()

    def start(self) -> None:
        """The first screen is up: watch from now on."""
        if self._memory is not None:
            self._memory.first_screen_up()
        self.app.set_interval(IDLE_POLL_SECONDS, self.poll)

    def someone_is_there(self) -> bool:
        """A key or click came: the quiet time starts again. True when all it did was
        take the warning away (nothing underneath is touched by it)."""
        self.timer.touch()
        self._last_input = self.clock.now()
        if isinstance(self.app.screen, IdleWarningScreen):
            self.app.pop_screen()
            return True
        return False

    def poll(self) -> None:
        app = self.app
        if not app.screen_stack:
            return
        if self._memory is not None:
            self._memory.poll(seconds_since_input=self.clock.now() - self._last_input)
        warning = app.screen if isinstance(app.screen, IdleWarningScreen) else None
        if warning is None and self._listening():
            self.timer.touch()  # someone is listening to a page
        state = self.timer.state()
        if state.phase is Phase.WARNING:
            if warning is None:
                app.push_screen(IdleWarningScreen(state.seconds_left))
                self._say(idle_warning_text(state.seconds_left))
            elif warning.update_seconds(state.seconds_left) and state.seconds_left in SPOKEN_COUNT:
                self._say(countdown_text(state.seconds_left))
        elif state.phase is Phase.EXPIRED:
            reset = self._reset_and_release  # Textual's stub cannot type an async method
            app.run_worker(reset, exclusive=True, group="reset")  # type: ignore[arg-type]

    async def _reset_and_release(self) -> None:
        await self._reset()
        if self._memory is not None:
            self._memory.release()  # nobody is here: what the last person used goes back
