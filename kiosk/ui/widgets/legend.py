"""The always-visible key legend, written from the keymap actually in force."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.widgets import Static

from kiosk.config.keymap import ACTIONS, display_key
from kiosk.translate import _


def legend_text(keymap: Mapping[str, Sequence[str]], action_ids: Sequence[str]) -> str:
    """'↓ Next   ↑ Previous   Enter Open   Esc Back' for the actions a screen offers."""
    labels = {action.id: action.label for action in ACTIONS}
    parts = []
    for action_id in action_ids:
        keys = keymap.get(action_id, ())
        if keys:
            parts.append(f"{display_key(keys[0])} {_(labels[action_id])}")
    return "   ".join(parts)


class KeyLegend(Static):
    DEFAULT_CSS = """
    KeyLegend {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__(text, markup=False)
