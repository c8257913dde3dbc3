"""The always-visible key legend, written from the keymap actually in force."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.widgets import Static

from kiosk.config.keymap import LABELS, display_key
from kiosk.translate import _


def legend_text(keymap: Mapping[str, Sequence[str]], action_ids: Sequence[str]) -> str:
    """'↓ Next   ↑ Previous   Enter Open   Esc Back' for the actions a screen offers."""
    parts = []
    for action_id in action_ids:
        keys = keymap.get(action_id, ())
        if keys:
            parts.append(f"{display_key(keys[0])} {_(LABELS[action_id])}")
    return "   ".join(parts)


def switch_legend_text(keymap: Mapping[str, Sequence[str]], one_switch: bool) -> str:
    """What the switches do now, named by the keys the switch interface sends: '1 Move   2
    Select', or with one switch '1 / 2 Select', since then every switch selects. The
    screen's key legend would name keys a switch user does not have."""
    if not one_switch:
        return legend_text(keymap, ("switch_move", "switch_select"))
    keys = [*keymap.get("switch_move", ()), *keymap.get("switch_select", ())]
    if not keys:
        return ""
    return f"{' / '.join(display_key(key) for key in keys)} {_(LABELS['switch_select'])}"


class KeyLegend(Static):
    """The keys for the screen's actions, always shown at the bottom (keys are never a
    thing to guess). Given its text already drawn (KioskContext.legend), and shown as it
    is: a key such as "[" is not markup."""

    DEFAULT_CSS = """
    KeyLegend {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, actions: tuple[str, ...], text: str) -> None:
        super().__init__(text, markup=False)
        self.actions = actions
        """The screen's actions, to write the legend again when the controls change."""
