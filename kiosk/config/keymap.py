"""The kiosk's semantic actions and their default keys: bindings as data.

Keys, switches (scanning) and tests all feed these same actions; a clinic changes keys in
its config (`[keys]`), never in code. Defaults are a handful of large keys with no chords,
no double presses and no timing (WCAG 2.1.1).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.translate import N_


@dataclass(frozen=True)
class Action:
    id: str
    """Binding id (Textual keymaps are keyed by it) and config key under `[keys]`."""
    label: str
    """Plain words for the on-screen legend (translated when shown)."""
    keys: tuple[str, ...]


SWITCH_PRESETS: dict[str, tuple[str, str]] = {
    "1-2": ("1", "2"),
    "space-enter": ("space", "enter"),
    "f1-f2": ("f1", "f2"),
}
"""What common switch interfaces send, as the clinic config names it (`[input]
switch_keys`): the key of switch 1 (moves the highlight with two switches) and of switch 2
(selects). With one switch, either selects. In a switch mode these keys do only switch
things (kiosk.ui.app): Space no longer reads and Enter no longer opens."""
DEFAULT_SWITCH_PRESET = "1-2"
"""Keys no other action has, so a keyboard still works beside the switches; and what
kiosks before the presets used, so a clinic's switch interface keeps working."""


ACTIONS: tuple[Action, ...] = (
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("next", N_("Next"), ("down", "tab")),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("previous", N_("Previous"), ("up", "shift+tab")),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("select", N_("Open"), ("enter", "right")),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("back", N_("Back"), ("escape", "backspace", "left")),
    # Speech controls (508 402.2.4, EN 301 549 5.1.3.4): single keys, no shift needed.
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("read", N_("Read/Pause"), ("space",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations. Stops reading aloud (not the same as pausing).
    Action("stop", N_("Stop"), ("s",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("repeat", N_("Repeat"), ("r",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("next_sentence", N_("Next sentence"), ("n",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations.
    Action("previous_sentence", N_("Previous sentence"), ("p",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations. Speech speed.
    Action("slower", N_("Slower"), ("minus",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations. Speech speed.
    Action("faster", N_("Faster"), ("equals_sign",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations. Speech volume.
    Action("quieter", N_("Quieter"), ("f7",)),
    # TRANSLATORS: a control's name: on the bottom-line key legend beside its key (about 9 cells at
    # 45 columns) and, on a page, a control that is highlighted and read aloud. Write it in full
    # (it is spoken), no abbreviations. Speech volume.
    Action("louder", N_("Louder"), ("f8",)),
    # Switches (scanning modes only): interfaces usually send Space and Enter, or 1 and 2;
    # `[input] switch_keys` picks the preset (SWITCH_PRESETS). In one-switch mode every
    # switch key selects.
    # TRANSLATORS: in switch modes, what switch 1 does (moves the highlight), on the bottom line
    # (about 12 cells) and read aloud.
    Action("switch_move", N_("Move"), (SWITCH_PRESETS[DEFAULT_SWITCH_PRESET][0],)),
    # TRANSLATORS: in switch modes, what switch 2 does (chooses the highlighted item), on the
    # bottom line (about 12 cells) and read aloud.
    Action("switch_select", N_("Select"), (SWITCH_PRESETS[DEFAULT_SWITCH_PRESET][1],)),
)

SWITCH_ACTIONS = frozenset({"switch_move", "switch_select"})


def switch_keys(keymap: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Each key that is a switch, and the switch action it gives."""
    return {key: action for action in ("switch_move", "switch_select") for key in keymap[action]}


def with_switch_preset(
    keymap: dict[str, tuple[str, ...]], preset: str, *, keep: frozenset[str] = frozenset()
) -> dict[str, tuple[str, ...]]:
    """The keymap with the switch keys of `preset`, except for the switch actions in
    `keep` (given their own keys under [keys])."""
    move, select = SWITCH_PRESETS[preset]
    chosen = dict(keymap)
    for action, key in (("switch_move", move), ("switch_select", select)):
        if action not in keep:
            chosen[action] = (key,)
    return chosen


SPEECH_ACTIONS = frozenset(
    {"read", "stop", "repeat", "next_sentence", "previous_sentence"}
    | {"slower", "faster", "quieter", "louder"}
)
"""Actions that control speech; every other action interrupts it (EN 301 549 5.1.3.5)."""

ACTION_IDS = frozenset(action.id for action in ACTIONS)

LABELS: dict[str, str] = {action.id: action.label for action in ACTIONS}
"""Each action's words, wherever it is shown: the key legend, the controls on a page
(kiosk.ui.widgets.control_bar), the settings screen. Marked with N_, translated when shown."""

# Keys that a clinic may not give to an action: they are how terminals and Textual
# quit, suspend or open tools, so binding them would only look like an exit.
RESERVED_KEYS = frozenset({"ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p"})

_KEY_NAME = "abcdefghijklmnopqrstuvwxyz0123456789_+"


def default_keymap() -> dict[str, tuple[str, ...]]:
    return {action.id: action.keys for action in ACTIONS}


def key_problem(key: str) -> str | None:
    """Why `key` cannot be used in the keymap, or None when it can."""
    if not key or any(ch not in _KEY_NAME for ch in key):
        return f"{key!r} is not a key name: use names like `down`, `enter`, `space`, `f5`, `a`, `1`"
    if key in RESERVED_KEYS:
        return f"{key!r} is reserved (it would quit or suspend a normal terminal program)"
    return None


def display_key(key: str) -> str:
    """A key name as people say it, for the legend."""
    names = {
        "down": "↓",
        "up": "↑",
        "left": "←",
        "right": "→",
        "enter": "Enter",
        "escape": "Esc",
        "backspace": "Backspace",
        "space": "Space",
        "tab": "Tab",
        "shift+tab": "Shift+Tab",
        "minus": "-",
        "equals_sign": "=",
    }
    return names.get(key, key.upper() if len(key) == 1 else key.capitalize())
