"""How the kiosk is installed, how big the letters must be, and the command that shows the
kiosk full-screen with them.

Installs are reproducible: `constraints.txt`, at the top of the repository, holds the exact
version of every package (compiled from pyproject.toml with pip-compile), and CI and every
kiosk install with it (`install_command`), so two kiosks built a month apart run the same
code as the tests did.

A terminal program cannot set its own font size, so the deployment is part of the
product: `als-kiosk launch` starts the Wayland kiosk compositor cage with the foot terminal
at a font size worked out from the viewing distance in the clinic config.

Size rules (docs/accessibility.md): capital letters at least 4.8 mm high (508 402.4,
ADA 707.7.2) and subtending at least 0.7 degrees at the viewing distance (EN 301 549
5.1.4: about 7.3 mm at 60 cm). Font metrics are for DejaVu Sans Mono, the default font:
capitals are 0.729 of the em, and a terminal cell is 1.164 em high.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.config.clinic import DisplaySettings, LanguageSettings
from kiosk.ops.fonts import terminal_fonts

CONSTRAINTS = "constraints.txt"
"""The exact versions CI tested, at the top of the repository."""

SYSTEM_PACKAGES = ("cage", "xwayland", "foot", "fontconfig", "fonts-dejavu-core", "fonts-noto-cjk")
"""The Debian packages `als-kiosk launch` needs (README, Running a kiosk, installs them and
python3-venv): cage needs Xwayland to start at all (cage-kiosk/cage#293), fontconfig gives
doctor its tools, DejaVu draws Latin and Arabic, Noto CJK Chinese."""


def install_command(repository: str = "/path/to/this/repository") -> list[str]:
    """The pip command that installs (or repairs) the kiosk in the running Python's
    environment from a checkout, with the versions CI tested."""
    pip = str(Path(sys.prefix) / "bin" / "pip")
    constraints = f"{repository.rstrip('/')}/{CONSTRAINTS}"
    return [pip, "install", "--force-reinstall", "-c", constraints, repository]


MIN_CAPITAL_MM = 4.8
MIN_CAPITAL_DEGREES = 0.7
CAPITAL_PER_EM = 0.729
CELL_HEIGHT_PER_EM = 1.164
MM_PER_POINT = 25.4 / 72


def required_capital_mm(viewing_distance_cm: float) -> float:
    """The smallest capital height both standards allow at this distance."""
    angle = math.radians(MIN_CAPITAL_DEGREES)
    subtended = 2 * viewing_distance_cm * 10 * math.tan(angle / 2)
    return max(MIN_CAPITAL_MM, subtended)


def points_for(viewing_distance_cm: float) -> int:
    """Font size in (physical) points whose capitals meet `required_capital_mm`."""
    em_mm = required_capital_mm(viewing_distance_cm) / CAPITAL_PER_EM
    return math.ceil(em_mm / MM_PER_POINT)


def capital_mm_for_points(points: float) -> float:
    return points * MM_PER_POINT * CAPITAL_PER_EM


def font_points(display: DisplaySettings) -> float:
    """The configured size, or the size the viewing distance needs."""
    return display.font_size_pt or points_for(display.viewing_distance_cm)


@dataclass(frozen=True)
class CapitalEstimate:
    capital_mm: float
    required_mm: float

    @property
    def big_enough(self) -> bool:
        return self.capital_mm >= self.required_mm


def estimate_capital_mm(
    cell_height_px: float, window_width_px: int, screen_width_mm: float, distance_cm: float
) -> CapitalEstimate:
    """Capital height on the screen, from the terminal's cell size in pixels and the
    screen's measured width (the kiosk window fills the screen)."""
    mm_per_px = screen_width_mm / window_width_px
    capital = cell_height_px / CELL_HEIGHT_PER_EM * CAPITAL_PER_EM * mm_per_px
    return CapitalEstimate(capital, required_capital_mm(distance_cm))


def drawn_languages(locales_dir: Path, language: LanguageSettings) -> list[str]:
    """The languages the terminal may have to draw, in the order their fonts are named to
    foot (where two share letters, the first one's font draws both): the default language,
    then those the clinic offers or, when it lists none, those installed. Whether each is
    complete enough to be offered is not asked (that reads every catalog): a font named
    for a language not shown costs nothing."""
    installed = (
        sorted(p.name for p in locales_dir.iterdir() if p.is_dir())
        if (locales_dir.is_dir())
        else []
    )
    return [language.default, *(language.offered or installed)]


def foot_font(display: DisplaySettings, languages: Sequence[str] = ()) -> str:
    """foot's --font: terminal_fonts, each at the size the viewing distance needs."""
    size = f"{font_points(display):g}"
    return ",".join(f"{family}:size={size}" for family in terminal_fonts(display.font, languages))


def launch_command(
    display: DisplaySettings, kiosk_command: list[str], languages: Sequence[str] = ()
) -> list[str]:
    """cage (one full-screen window, no desktop, no way out) running foot at the right size,
    running the kiosk under its supervisor.

    foot: physical points (dpi-aware), with a font for each of `languages` that needs its
    own (drawn_languages), no scrollback for the last person's screen to be scrolled back
    to, no bell, and its own shortcuts off (no copy, no font zoom, no new window, no URL
    mode) so the keys reach the kiosk.
    """
    foot = [
        "foot",
        f"--font={foot_font(display, languages)}",
        "--override=dpi-aware=yes",
        "--override=scrollback.lines=0",
        "--override=bell.urgent=no",
        "--override=key-bindings.clipboard-copy=none",
        "--override=key-bindings.clipboard-paste=none",
        "--override=key-bindings.primary-paste=none",
        "--override=key-bindings.search-start=none",
        "--override=key-bindings.font-increase=none",
        "--override=key-bindings.font-decrease=none",
        "--override=key-bindings.font-reset=none",
        "--override=key-bindings.spawn-terminal=none",
        "--override=key-bindings.show-urls-launch=none",
        "--override=key-bindings.scrollback-up-page=none",
        "--override=key-bindings.scrollback-down-page=none",
        "--override=mouse-bindings.primary-paste=none",
    ]
    # -d: no client-side decorations; -s: the Linux virtual terminals stay switchable for
    # a technician (Ctrl+Alt+F2), not for a visitor without a keyboard.
    return ["cage", "-d", "-s", "--", *foot, *kiosk_command]
