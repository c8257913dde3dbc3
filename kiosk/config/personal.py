"""What a person may change for themselves, and the clinic defaults it returns to.

The settings screen offers these; the idle reset puts every one back (508 402.3.2,
EN 301 549 5.1.3.13), so nothing chosen by one person is left for the next. Values are
data here and words only when shown: the screen translates the labels, and numbers with
units are written by CLDR (Babel), so "1,5 secondes" needs no translator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from kiosk.config.clinic import Settings
from kiosk.config.palette import THEMES
from kiosk.input.scanning import Mode
from kiosk.speech.controls import RATE_STEPS_WPM, VOLUME_STEPS_DB, nearest_step
from kiosk.translate import N_, _

if TYPE_CHECKING:
    from babel.core import Locale

SCAN_SECONDS_CHOICES: tuple[float, ...] = (0.75, 1.0, 1.5, 2.0, 3.0, 5.0)
"""Presets like Android Switch Access and Cboard offer (0.75-5 s; docs/accessibility.md)."""

MODE_NAMES: dict[Mode, str] = {
    # TRANSLATORS: Settings, Controls: using the keyboard's keys. Keep 'keys' (keyboard) and
    # 'switch' (an accessibility switch button) different words. List item (about 38 cells), read
    # aloud.
    Mode.KEYS: N_("Keys"),
    # TRANSLATORS: Settings, Controls: one accessibility switch (a large button), with the kiosk
    # highlighting each item in turn. Not a keyboard key. List item (about 38 cells), read aloud.
    Mode.ONE_SWITCH: N_("One switch"),
    # TRANSLATORS: Settings, Controls: two accessibility switches (one moves, one chooses). Not
    # keyboard keys. List item (about 38 cells), read aloud.
    Mode.TWO_SWITCH: N_("Two switches"),
}
"""The name of each input mode on the settings screen (marked with N_)."""
THEME_NAMES: dict[str, str] = {
    # TRANSLATORS: Settings, Colours: a colour theme named by its text and background. List item
    # (about 38 cells), read aloud.
    "dark": N_("White on black"),
    # TRANSLATORS: Settings, Colours: a colour theme named by its text and background. List item
    # (about 38 cells), read aloud.
    "light": N_("Black on white"),
    # TRANSLATORS: Settings, Colours: a colour theme named by its text and background. List item
    # (about 38 cells), read aloud.
    "yellow": N_("Yellow on black"),
    # TRANSLATORS: Settings, Colours: no colours or decorations, for terminal screen readers and
    # braille displays. List item (about 38 cells), read aloud.
    "plain": N_("Plain, for screen readers"),
}
"""The name of each theme (kiosk.config.palette.THEMES) on the settings screen."""


@dataclass(frozen=True)
class Personal:
    """One person's choices. Starts as the clinic's, and returns to them at each reset."""

    mode: Mode
    scan_seconds: float
    theme: str
    rate_step: int
    volume_step: int

    @classmethod
    def clinic_defaults(cls, settings: Settings) -> Personal:
        return cls(
            mode=Mode(settings.input.mode),
            scan_seconds=settings.input.scan_seconds,
            theme=settings.display.theme,
            rate_step=nearest_step(int(settings.speech.rate_wpm), RATE_STEPS_WPM),
            volume_step=nearest_step(int(settings.speech.volume_db), VOLUME_STEPS_DB),
        )


@dataclass(frozen=True)
class Setting:
    """One line of the settings screen: its name, its choices, how a value is said."""

    id: str
    label: str
    """Marked with N_; translated when shown."""
    needs_speech: bool
    choices: Callable[[Personal], tuple[object, ...]]
    describe: Callable[[object, str], str]
    """(value, locale) -> the value in words, in the active language."""


def _locale(tag: str) -> Locale:
    # Babel (and its CLDR data) only once someone opens the settings.
    from babel.core import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def describe_seconds(value: object, tag: str) -> str:
    from babel.units import format_unit

    seconds = float(str(value))
    return str(format_unit(seconds, "duration-second", length="long", locale=_locale(tag)))


def describe_rate(value: object, tag: str) -> str:
    from babel.numbers import format_decimal

    wpm = format_decimal(RATE_STEPS_WPM[int(str(value))], locale=_locale(tag))
    # TRANSLATORS: Settings, Speech speed: one value, read aloud at that speed. List item (about 38
    # cells).
    return _("{wpm} words per minute").format(wpm=wpm)


def describe_volume(value: object, tag: str) -> str:
    from babel.numbers import format_decimal

    step = format_decimal(int(str(value)) + 1, locale=_locale(tag))
    count = format_decimal(len(VOLUME_STEPS_DB), locale=_locale(tag))
    # TRANSLATORS: Settings, Volume: one value such as '3 of 7', read aloud at that volume. List
    # item (about 38 cells).
    return _("{step} of {count}").format(step=step, count=count)


def _scan_choices(personal: Personal) -> tuple[object, ...]:
    # The clinic may have set a time that is not a preset: it stays choosable.
    return tuple(sorted({*SCAN_SECONDS_CHOICES, personal.scan_seconds}))


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "mode",
        # TRANSLATORS: Settings: the name of the setting that chooses keys or switches. List item
        # with its value (about 38 cells), read aloud.
        N_("Controls"),
        needs_speech=False,
        choices=lambda _p: tuple(Mode),
        describe=lambda value, _tag: _(MODE_NAMES[Mode(str(value))]),
    ),
    Setting(
        "scan_seconds",
        # TRANSLATORS: Settings: how long each item stays highlighted when switches are used
        # (switch scanning). List item with its value (about 38 cells), read aloud.
        N_("Scan time"),
        needs_speech=False,
        choices=_scan_choices,
        describe=describe_seconds,
    ),
    Setting(
        "theme",
        # TRANSLATORS: Settings: the name of the colour theme setting. List item with its value
        # (about 38 cells), read aloud.
        N_("Colours"),
        needs_speech=False,
        choices=lambda _p: THEMES,
        describe=lambda value, _tag: _(THEME_NAMES[str(value)]),
    ),
    Setting(
        "rate_step",
        # TRANSLATORS: Settings: the name of the reading speed setting. List item with its value
        # (about 38 cells), read aloud.
        N_("Speech speed"),
        needs_speech=True,
        choices=lambda _p: tuple(range(len(RATE_STEPS_WPM))),
        describe=describe_rate,
    ),
    Setting(
        "volume_step",
        # TRANSLATORS: Settings: the name of the loudness setting. List item with its value (about
        # 38 cells), read aloud.
        N_("Volume"),
        needs_speech=True,
        choices=lambda _p: tuple(range(len(VOLUME_STEPS_DB))),
        describe=describe_volume,
    ),
)


def value_of(personal: Personal, setting: Setting) -> object:
    return getattr(personal, setting.id)


def with_value(personal: Personal, setting: Setting, value: object) -> Personal:
    """`personal` with one setting changed; a value that is not one of its choices is refused."""
    if value not in setting.choices(personal):
        raise ValueError(f"{value!r} is not a choice for {setting.id}")
    changes: dict[str, Any] = {setting.id: value}
    return replace(personal, **changes)


def setting_line(setting: Setting, value: object, tag: str) -> str:
    """What the settings screen shows and says for one setting, e.g. "Scan time: 1.5 seconds"."""
    name, described = _(setting.label), setting.describe(value, tag)
    # TRANSLATORS: Settings list item: a setting and its value now, e.g. 'Volume: 4 of 7'. About 38
    # cells; read aloud.
    return _("{setting}: {value}").format(setting=name, value=described)
