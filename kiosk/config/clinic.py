"""Clinic configuration: one TOML file → typed, validated settings.

A bad file never stops the kiosk: every value that is wrong is reported as
`path:line: message` (with the fix) and replaced by its default, so the kiosk runs on
what is right. The settings are frozen; a person's changes at the kiosk are a copy that
the idle reset throws away.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config.keymap import (
    ACTION_IDS,
    DEFAULT_SWITCH_PRESET,
    SWITCH_ACTIONS,
    SWITCH_PRESETS,
    default_keymap,
    key_problem,
    with_switch_preset,
)
from kiosk.config.palette import THEMES
from kiosk.content.regions import shape_problem
from kiosk.input.scanning import Mode
from kiosk.problems import Problem

CONFIG_ENV = "ALS_KIOSK_CONFIG"


def _doc(text: str, **rules: Any) -> dict[str, Any]:
    return {"doc": text, **rules}


@dataclass(frozen=True)
class DisplaySettings:
    theme: str = field(
        default="dark",
        metadata=_doc(
            "Colour theme: dark (light on dark), light (dark on light), yellow (yellow on "
            "black) or plain (no lines or block art, for people using their own screen reader).",
            choices=THEMES,
        ),
    )
    bidi: str = field(
        default="app",
        metadata=_doc(
            "Who lays out right-to-left text: app (the kiosk reorders and joins Arabic, for "
            "terminals such as xterm, foot and the Linux console) or terminal (for terminals "
            "that do bidi themselves, such as GNOME Terminal and other VTE terminals).",
            choices=("app", "terminal"),
        ),
    )
    viewing_distance_cm: float = field(
        default=60.0,
        metadata=_doc(
            "How far the reader's eyes are from the screen. Sets the font size of the kiosk "
            "terminal (`als-kiosk launch`): capitals at least 4.8 mm high (508 402.4) and "
            "at least 0.7 degrees of view (EN 301 549 5.1.4).",
            minimum=20,
            maximum=400,
        ),
    )
    font_size_pt: float = field(
        default=0.0,
        metadata=_doc(
            "0 = worked out from the viewing distance. Otherwise the terminal's font size in "
            "points; `als-kiosk doctor` warns when it is too small for the distance.",
            minimum=0,
            maximum=200,
        ),
    )
    font: str = field(
        default="DejaVu Sans Mono",
        metadata=_doc(
            "A sans-serif monospace font for the kiosk terminal (508 402.4).",
            # It goes into the terminal's command line: a font name, nothing that reads as
            # an option (foot takes `name:size=…`).
            pattern=(
                r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}",
                "must be a font name: letters, digits, spaces, dots, dashes",
            ),
        ),
    )
    screen_width_mm: float = field(
        default=0.0,
        metadata=_doc(
            "0 = unknown. The visible width of the screen, measured with a ruler: lets "
            "`als-kiosk doctor` estimate the real height of capital letters.",
            minimum=0,
            maximum=5000,
        ),
    )


@dataclass(frozen=True)
class SessionSettings:
    idle_seconds: float = field(
        default=120.0,
        metadata=_doc(
            "Quiet time before the kiosk warns that it will reset for the next person; 0 = never.",
            minimum=0,
            maximum=3600,
            zero_or_at_least=15,
        ),
    )
    warning_seconds: float = field(
        default=30.0,
        metadata=_doc(
            "How long the reset warning counts down; any key continues. WCAG 2.2.1 asks "
            "for at least 20 seconds.",
            minimum=20,
            maximum=600,
        ),
    )


@dataclass(frozen=True)
class SpeechSettings:
    enabled: bool = field(
        default=True,
        metadata=_doc("Read aloud at all. Off: a text-only kiosk (no speech worker runs)."),
    )
    speak_focus: bool = field(
        default=True,
        metadata=_doc("Speak each menu item and block as it gets focus (auditory menus)."),
    )
    rate_wpm: float = field(
        default=140.0,
        metadata=_doc(
            "Default speech rate in words per minute, as measured in the audio; the nearest "
            "of the 7 steps 70, 100, 120, 140, 170, 205, 250 is used.",
            minimum=70,
            maximum=250,
        ),
    )
    volume_db: float = field(
        default=-6.0,
        metadata=_doc(
            "Default volume in dB below full scale; the nearest of the steps -36, -30, -24, "
            "-18, -12, -6, 0 is used. It returns to this after every person.",
            minimum=-36,
            maximum=0,
        ),
    )


@dataclass(frozen=True)
class LanguageSettings:
    default: str = field(
        default="en",
        metadata=_doc("Language the kiosk starts in and returns to after each person."),
    )
    offered: tuple[str, ...] = field(
        default=(),
        metadata=_doc(
            'Languages to offer, e.g. ["en", "es", "ar"]; empty = every language installed.'
        ),
    )
    min_complete: float = field(
        default=0.8,
        metadata=_doc(
            "A language is offered only when at least this share of its pages is translated.",
            minimum=0,
            maximum=1,
        ),
    )


@dataclass(frozen=True)
class InputSettings:
    mode: str = field(
        default=Mode.KEYS.value,
        metadata=_doc(
            "keys (a few large keys), one-switch (automatic scanning: one switch selects) or "
            "two-switch (step scanning: one switch moves, the other selects).",
            choices=tuple(mode.value for mode in Mode),
        ),
    )
    scan_seconds: float = field(
        default=1.5,
        metadata=_doc(
            "Time each item stays highlighted in one-switch scanning.", minimum=0.5, maximum=10
        ),
    )
    first_item_extra: float = field(
        default=0.75,
        metadata=_doc("Extra time on the first item of each scan.", minimum=0, maximum=10),
    )
    loops: float = field(
        default=3.0,
        metadata=_doc(
            "Scans through all items before scanning pauses until a press.", minimum=1, maximum=10
        ),
    )
    ignore_repeat_seconds: float = field(
        default=0.3,
        metadata=_doc(
            "A second press of the same switch within this time is ignored "
            "(tremor; EN 301 549 5.8 asks for up to at least 0.5 s).",
            minimum=0,
            maximum=2,
        ),
    )
    switch_keys: str = field(
        default=DEFAULT_SWITCH_PRESET,
        metadata=_doc(
            "What the switch interface sends: 1-2 (switch 1 sends the key 1, switch 2 the "
            "key 2), space-enter (Space and Enter, what many interfaces send out of the box) "
            "or f1-f2. In one-switch and two-switch modes these keys do only switch things "
            "(Space no longer reads, Enter no longer opens); `als-kiosk doctor` shows them. "
            "[keys] switch_move and switch_select, when given, take their place.",
            choices=tuple(SWITCH_PRESETS),
        ),
    )
    hold_seconds: float = field(
        default=0.0,
        metadata=_doc(
            "0 = off. Otherwise a switch must be held this long to count (needs the "
            "terminal's key auto-repeat).",
            minimum=0,
            maximum=3,
        ),
    )


@dataclass(frozen=True)
class ClinicSettings:
    region: str = field(
        default="",
        metadata=_doc(
            "Where the clinic is, as an ISO 3166 code: a country (GB, US, IE, AU, CA, FR…) "
            "or a UK nation (GB-ENG, GB-NIR, GB-SCT, GB-WLS). Pages then show what applies "
            'there first (medicines, helplines, laws) and label the rest with its country; "" '
            "= not set: nothing moves and every country-specific statement is labelled.",
            check=lambda code: shape_problem(code) if code else None,
        ),
    )
    review_months: float = field(
        default=12.0,
        metadata=_doc(
            "Months after a page's last review that its next review is due. Each page shows "
            "both dates; `als-kiosk check` and `doctor` warn when one is overdue.",
            minimum=1,
            maximum=60,
        ),
    )


@dataclass(frozen=True)
class Settings:
    clinic: ClinicSettings = field(default_factory=ClinicSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    input: InputSettings = field(default_factory=InputSettings)
    keys: dict[str, tuple[str, ...]] = field(default_factory=default_keymap)
    """Semantic action id → keys, e.g. `next = ["down", "tab"]`."""


_SECTIONS: dict[str, type[Any]] = {
    "clinic": ClinicSettings,
    "display": DisplaySettings,
    "session": SessionSettings,
    "speech": SpeechSettings,
    "language": LanguageSettings,
    "input": InputSettings,
}


class _Lines:
    """Finds the line of a table or key in the TOML text, for error messages."""

    def __init__(self, text: str) -> None:
        self._table_lines: dict[str, int] = {}
        self._key_lines: dict[tuple[str, str], int] = {}
        table = ""
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            header = re.match(r"^\[\s*([A-Za-z0-9_.\-\" ]+?)\s*\]", line)
            if header:
                table = header.group(1).replace('"', "").strip()
                self._table_lines.setdefault(table, number)
                continue
            key = re.match(r"^\"?([A-Za-z0-9_\-+]+)\"?\s*=", line)
            if key:
                self._key_lines.setdefault((table, key.group(1)), number)

    def of(self, table: str, key: str | None = None) -> int:
        if key is not None and (table, key) in self._key_lines:
            return self._key_lines[(table, key)]
        return self._table_lines.get(table, 1)


def _check_value(value: Any, default: Any, rules: dict[str, Any]) -> tuple[Any, str | None]:
    """Return the value converted to the field's type, or an explanation of what is wrong."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            return default, "must be true or false"
        return value, None
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return default, "must be a number"
        number = float(value)
        low, high = rules.get("minimum"), rules.get("maximum")
        if (low is not None and number < low) or (high is not None and number > high):
            return default, f"must be from {low:g} to {high:g}"
        floor = rules.get("zero_or_at_least")
        if floor is not None and 0 < number < floor:
            return default, f"must be 0 (off) or at least {floor:g}"
        return number, None
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return default, 'must be a list of texts, like ["en", "es"]'
        return tuple(value), None
    if isinstance(default, str):
        if not isinstance(value, str):
            return default, "must be text in quotes"
        choices = rules.get("choices")
        if choices and value not in choices:
            return default, f"must be one of: {', '.join(choices)}"
        pattern = rules.get("pattern")
        if pattern and not re.fullmatch(pattern[0], value):
            return default, pattern[1]
        problem = rules["check"](value) if "check" in rules else None
        if problem:
            return default, problem
        return value, None
    return default, "has an unsupported type"


def _load_section(
    cls: type[Any], table: dict[str, Any], name: str, lines: _Lines, path: Path
) -> tuple[Any, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key, value in table.items():
        spec = fields.get(key)
        if spec is None:
            problems.append(
                Problem(
                    path,
                    lines.of(name, key),
                    f"unknown setting `{key}` in [{name}] (known: {', '.join(fields)})",
                )
            )
            continue
        default = spec.default
        converted, error = _check_value(value, default, dict(spec.metadata))
        if error:
            problems.append(
                Problem(
                    path,
                    lines.of(name, key),
                    f"[{name}] {key} {error}; using the default "
                    f"{default!r}. ({spec.metadata['doc']})",
                )
            )
        values[key] = converted
    return cls(**values), problems


def _load_keys(
    table: dict[str, Any], lines: _Lines, path: Path
) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    problems: list[Problem] = []
    keymap = default_keymap()
    for action, keys in table.items():
        line = lines.of("keys", action)
        if action not in ACTION_IDS:
            problems.append(
                Problem(
                    path,
                    line,
                    f"unknown action `{action}` in [keys] (known: {', '.join(sorted(ACTION_IDS))})",
                )
            )
            continue
        if isinstance(keys, str):
            keys = [keys]
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
            problems.append(
                Problem(
                    path, line, f'[keys] {action} must be a list of key names, like ["down", "tab"]'
                )
            )
            continue
        bad = [p for p in (key_problem(k) for k in keys) if p]
        if bad:
            problems.append(Problem(path, line, f"[keys] {action}: {bad[0]}; keeping the defaults"))
            continue
        keymap[action] = tuple(keys)
    owners: dict[tuple[bool, str], str] = {}
    for action, keys in keymap.items():
        # Switch keys act only in the switch modes, the other keys' actions only beside
        # them: a key may be both a switch and, say, Read (space-enter).
        switch = action in SWITCH_ACTIONS
        for key in keys:
            owner = owners.get((switch, key))
            if owner is not None and owner != action:
                problems.append(
                    Problem(
                        path,
                        lines.of("keys", action),
                        f"key {key!r} is given to both "
                        f"`{owner}` and `{action}`: give each key one action",
                    )
                )
            owners.setdefault((switch, key), action)
    return keymap, problems


def parse_settings(text: str, path: Path) -> tuple[Settings, list[Problem]]:
    """Settings from TOML text; wrong values are reported and replaced by defaults."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"at line (\d+)", str(error))
        line = int(match.group(1)) if match else 1
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return Settings(), [
            Problem(path, line, f"not valid TOML ({message}); the kiosk runs on defaults")
        ]
    lines = _Lines(text)
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    keymap = default_keymap()
    for name, table in data.items():
        if not isinstance(table, dict):
            problems.append(Problem(path, lines.of("", name), f"`{name}` must be a [{name}] table"))
            continue
        if name == "keys":
            keymap, found = _load_keys(table, lines, path)
        elif name in _SECTIONS:
            sections[name], found = _load_section(_SECTIONS[name], table, name, lines, path)
        else:
            found = [
                Problem(
                    path,
                    lines.of(name),
                    f"unknown table [{name}] (known: {', '.join([*_SECTIONS, 'keys'])})",
                )
            ]
        problems.extend(found)
    # The switch preset gives the switch keys, unless [keys] names them itself.
    given = data.get("keys")
    named = frozenset(given) & SWITCH_ACTIONS if isinstance(given, dict) else frozenset()
    input_settings = sections.get("input", InputSettings())
    keymap = with_switch_preset(keymap, input_settings.switch_keys, keep=named)
    return Settings(**sections, keys=keymap), problems


def setting_line(path: Path, table: str, key: str) -> int:
    """The line of `key` in `[table]` of the config file (1 when it cannot be read)."""
    try:
        return _Lines(path.read_text(encoding="utf-8")).of(table, key)
    except (OSError, UnicodeDecodeError):
        return 1


def load_settings(path: Path | None) -> tuple[Settings, list[Problem]]:
    """Settings from the clinic's file, or defaults when there is none."""
    if path is None:
        return Settings(), []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), [Problem(path, 0, "config file not found; the kiosk runs on defaults")]
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [Problem(path, 0, f"cannot read config ({error}); using defaults")]
    return parse_settings(text, path)
