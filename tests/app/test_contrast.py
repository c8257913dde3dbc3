"""WCAG 1.4.6 / 1.4.11: every colour pair of every theme, measured — as declared and as drawn."""

from __future__ import annotations

import pytest
from textual.color import Color

from kiosk.config.contrast import contrast_ratio, relative_luminance
from kiosk.config.palette import PALETTES
from tests.conftest import AppFactory


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#ffff00", "#000000") == pytest.approx(19.56, abs=0.01)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_wcag_1_4_6_every_text_pair_reaches_7_to_1(name: str) -> None:
    for pair, (fg, bg) in PALETTES[name].text_pairs().items():
        assert contrast_ratio(fg, bg) >= 7.0, f"{name}: {pair} {fg} on {bg}"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_wcag_1_4_11_focus_indicators_reach_3_to_1(name: str) -> None:
    for pair, (fg, bg) in PALETTES[name].boundary_pairs().items():
        assert contrast_ratio(fg, bg) >= 3.0, f"{name}: {pair} {fg} on {bg}"


def _hex(color: object) -> str | None:
    if color is None:
        return None
    rich_color = color  # rich.color.Color
    triplet = rich_color.get_truecolor()  # type: ignore[attr-defined]
    return Color(triplet.red, triplet.green, triplet.blue).hex.lower()


@pytest.mark.parametrize("name", sorted(PALETTES))
async def test_wcag_1_4_6_colours_actually_drawn_reach_7_to_1(
    make_app: AppFactory, name: str
) -> None:
    """Render Home and a page in the theme and measure every cell that shows text."""
    app = make_app(f'[display]\ntheme = "{name}"\n')
    async with app.run_test(size=(45, 12)) as pilot:
        await pilot.pause()
        seen: set[tuple[str, str]] = set()
        for _ in range(2):
            for strip in app.screen._compositor.render_strips():
                for segment in strip:
                    style = segment.style
                    if style is None or not segment.text.strip():
                        continue
                    fg, bg = _hex(style.color), _hex(style.bgcolor)
                    if fg and bg and not any(ch in segment.text for ch in "▁▂▃▄▅▆▇█▌▐"):
                        if style.reverse:
                            fg, bg = bg, fg
                        seen.add((fg, bg))
            await pilot.press("enter")
            await pilot.pause()
        assert len(seen) >= 2, f"too little was measured: {seen}"
        for fg, bg in seen:
            assert contrast_ratio(fg, bg) >= 7.0, f"{name}: {fg} on {bg} (all: {seen})"
