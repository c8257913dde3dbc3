"""Textual themes built from the measured palettes (kiosk.config.palette), one per palette."""

from __future__ import annotations

from textual.theme import Theme

from kiosk.config.palette import PALETTES, Palette, is_plain

THEME_PREFIX = "kiosk-"


def theme_name(palette_name: str) -> str:
    return f"{THEME_PREFIX}{palette_name}"


def is_plain_theme(theme: str) -> bool:
    """Is this Textual theme (the App's `theme`) the plain one (kiosk.config.palette.is_plain)?"""
    return is_plain(theme.removeprefix(THEME_PREFIX))


def build_theme(palette: Palette) -> Theme:
    return Theme(
        name=theme_name(palette.name),
        primary=palette.marker,
        foreground=palette.text,
        background=palette.background,
        surface=palette.background,
        panel=palette.bar_background,
        dark=palette.dark,
        # Full-strength text: Textual's default 0.95 alpha blends text into the background
        # and lowers the contrast below what the palette test measured.
        text_alpha=1.0,
        variables={
            "kiosk-text": palette.text,
            "kiosk-background": palette.background,
            "kiosk-focus-text": palette.focus_text,
            "kiosk-focus-background": palette.focus_background,
            "kiosk-marker": palette.marker,
            "kiosk-bar-text": palette.bar_text,
            "kiosk-bar-background": palette.bar_background,
            "kiosk-notice": palette.notice,
        },
    )


def all_themes() -> list[Theme]:
    return [build_theme(palette) for palette in PALETTES.values()]
