"""Wrapping by terminal cells: words stay whole, Chinese breaks between characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from kiosk.content.layout import wrap
from kiosk.content.pages import Run, parse_inline


def texts(runs: tuple[Run, ...], width: int) -> list[str]:
    return [line.text for line in wrap(runs, width)]


def test_words_are_not_split_and_emphasis_is_kept() -> None:
    lines = wrap(parse_inline("ALS is a **disease** of the nerve cells"), 12)
    assert [line.text for line in lines] == ["ALS is a", "disease of", "the nerve", "cells"]
    assert [(p.text, p.run.bold) for p in lines[1].pieces] == [("disease", True), (" of", False)]


def test_chinese_wraps_by_cell_width_without_splitting_a_character() -> None:
    lines = texts((Run("肌萎缩侧索硬化症是一种疾病。"),), 9)
    assert lines == ["肌萎缩侧", "索硬化症", "是一种疾", "病。"]
    assert all(cell_len(line) <= 9 for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    for line in texts((Run("这是一个句子。这是另一个句子，很长。"),), 8)[1:]:
        assert line[0] not in "。，"


def test_a_word_longer_than_the_line_is_broken() -> None:
    assert texts((Run("abcdefghij"),), 4) == ["abcd", "efgh", "ij"]


@given(st.text(alphabet=st.sampled_from("ab 肌。,")), st.integers(min_value=2, max_value=30))
def test_no_line_is_wider_than_asked_and_no_text_is_lost(text: str, width: int) -> None:
    lines = wrap((Run(text),), width)
    for line in lines:
        assert line.cells <= width
    kept = "".join(line.text for line in lines).replace(" ", "")
    assert kept == text.replace(" ", "")
