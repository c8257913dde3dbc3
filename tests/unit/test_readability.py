"""Reading grade and reading ease (WCAG 3.1.5) computed without textstat."""

from __future__ import annotations

import pytest

from kiosk.content.pages import Block, BlockKind
from kiosk.content.readability import grade, reading_ease
from kiosk.translate import base_language


def paragraph(text: str, lang: str = "en") -> Block:
    return Block(BlockKind.PARAGRAPH, text, line=1, lang=lang)


def test_wcag_3_1_5_grade_follows_the_flesch_kincaid_formula() -> None:
    # 6 words, 1 sentence, 6 syllables (all in the CMU dictionary):
    # 0.39 * 6 + 11.8 * 1 - 15.59
    assert grade([paragraph("The cat sat on the mat.")]) == pytest.approx(-1.45)


def test_wcag_3_1_5_long_words_raise_the_grade() -> None:
    easy = grade([paragraph("We can help you at home. Ask us what you need.")])
    hard = grade(
        [paragraph("Multidisciplinary interventions ameliorate respiratory insufficiency.")]
    )
    assert easy is not None and hard is not None
    assert hard > easy + 10


def test_words_the_dictionary_lacks_are_counted_by_hyphenation() -> None:
    # "neurofilament" is not in the CMU dictionary; Pyphen splits it in 5 syllables:
    # 0.39 * 3 + 11.8 * (5 + 1 + 1) / 3 - 15.59
    assert grade([paragraph("Neurofilament was low.")]) == pytest.approx(
        0.39 * 3 + 11.8 * 7 / 3 - 15.59
    )


def test_source_entries_are_not_reading_matter() -> None:
    source = Block(BlockKind.SOURCE, "Multidisciplinary amelioration consortium.", line=2)
    text = paragraph("The cat sat on the mat.")
    assert grade([text, source]) == grade([text])


def test_reading_ease_uses_each_language_s_own_formula() -> None:
    text = "Le chat est sur le tapis."
    french = reading_ease([paragraph(text, "fr")], "fr")
    assert french is not None
    # Kandel and Moles: 207 - 1.015 * words/sentence - 73.6 * syllables/word (6 words, 7
    # syllables by Pyphen's French dictionary: ta-pis).
    assert french == pytest.approx(207 - 1.015 * 6 - 73.6 * 7 / 6)


@pytest.mark.parametrize("tag", ["pt_BR", "ar", "zh_Hans"])
def test_languages_without_a_formula_of_their_own_get_no_score(tag: str) -> None:
    assert reading_ease([paragraph("Texto.", tag)], tag) is None
    assert grade([paragraph("Texto.", tag)], tag) is None


def test_a_tag_names_its_base_language_however_it_is_written() -> None:
    assert {base_language(tag) for tag in ("pt_BR", "pt-BR", "pt", "PT")} == {"pt"}
