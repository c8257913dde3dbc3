"""The kiosk lock: an App with none of Textual's ways out.

A Textual app quits on Ctrl+Q, suspends on Ctrl+Z, opens a command palette on Ctrl+P,
lets text be selected, and prints a traceback when it stops on an error. A kiosk in a
waiting room does none of that: a technician stops it from outside (its service), and its
problems go to the journal (kiosk.logs), never to the visitor's screen.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from kiosk.config.keymap import ACTIONS, SWITCH_ACTIONS
from kiosk.logs import describe_error
from kiosk.ui.upstream import quiet_error_console


class LockedApp(App[None], inherit_bindings=False):
    """An App nobody at its keyboard can leave. Textual's own bindings are not inherited
    (they merge along the class hierarchy), and the actions they would run do nothing,
    since `run_action("quit")` still reaches them (docs/dependencies.md). Its only keys
    are the kiosk's semantic actions, each key from the clinic's keymap through the
    binding's id, all ending in `action_semantic`."""

    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
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
        # Switch keys are no bindings: in a switch mode the App takes them before any
        # binding (they do only switch things), and with keys they do nothing.
        if action.id not in SWITCH_ACTIONS
    ]

    def __init__(self) -> None:
        super().__init__()
        quiet_error_console(self)  # kiosk.ui.upstream, item 2

    async def action_quit(self) -> None:
        return

    def action_help_quit(self) -> None:
        return

    def action_suspend_process(self) -> None:
        return

    def action_command_palette(self) -> None:
        return

    def _handle_exception(self, error: Exception) -> None:
        # Private: Textual's only hook for an error no handler caught (kiosk.ui.upstream,
        # item 3). The journal gets its type and place, never its message (kiosk.logs).
        logging.getLogger("als-kiosk").error("the kiosk stopped: %s", describe_error(error))
        super()._handle_exception(error)
