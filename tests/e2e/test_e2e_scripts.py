"""Arabic and Chinese in a real terminal (tmux): the order a reader expects, and widths
that agree with the terminal's."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.tmux import TmuxPane, installed_kiosk, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]


def kiosk_in_tmux(tmp_path: Path) -> list[str]:
    config = tmp_path / "kiosk.toml"
    config.write_text("[speech]\nspeak_focus = false\n")
    command = installed_kiosk()
    return [*command, "--config", str(config)]


def test_tmux_arabic_page_reads_in_the_order_a_reader_expects(tmp_path: Path) -> None:
    with TmuxPane(kiosk_in_tmux(tmp_path), 60, 20) as pane:
        pane.wait_for(lambda s: "▶ English" in s)
        pane.press("Down", "Enter")  # العربية comes second (by tag)
        pane.wait_for(lambda s: "ﺽﺍﺮﻋﺄﻟﺍ" in s)  # "Symptoms" topic, shaped
        pane.press("Enter")
        screen = pane.wait_for(lambda s: "«ALS»" in s)
        # Without the scrollbar (block elements): only the text is compared.
        bar = str.maketrans("", "", "".join(map(chr, range(0x2580, 0x25A0))))
        lines = [line.translate(bar).rstrip() for line in screen.splitlines()]
        title = next(n for n, line in enumerate(lines) if "؟ﻱﺭﻮﻤﻀﻟﺍ ﻲﺒﻧﺎﺠﻟﺍ ﺐﻠﺼﺘﻟﺍ ﺎﻣ" in line)
        body = next(n for n, line in enumerate(lines) if "«ALS»" in line)
        assert title < body
        # Right-aligned: the lines of a paragraph end at the same column.
        ends = {len(line) for line in lines[body : body + 3] if line.strip()}
        assert len(ends) == 1, lines[body : body + 3]
        assert pane.is_running()


def test_tmux_chinese_widths_match_what_textual_measures(tmp_path: Path) -> None:
    """Every wrapped line fits the pane as tmux draws it: the scrollbar column does not
    move, so Rich's cell widths (Textual's) and the terminal's agree for CJK."""
    with TmuxPane(kiosk_in_tmux(tmp_path), 50, 20) as pane:
        pane.wait_for(lambda s: "▶ English" in s)
        pane.press(*["Down"] * 5, "Enter")  # 中文 (简体) is last
        pane.wait_for(lambda s: "症状" in s)
        pane.press("Enter")
        screen = pane.wait_for(lambda s: "肌萎缩侧索硬化症" in s)
        for line in screen.splitlines():
            assert cell_len(line) <= 50, line
        bar_columns = {
            cell_len(line[: line.index(ch)])
            for line in screen.splitlines()
            for ch in "▁▂▃▄▅▆▇█"
            if ch in line
        }
        assert len(bar_columns) <= 1, bar_columns
        assert "**" not in screen  # emphasis markers never leak into CJK wrapping
