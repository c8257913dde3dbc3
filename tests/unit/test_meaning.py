"""Numbers and hedges a translation must keep (kiosk.i18n.meaning)."""

from __future__ import annotations

import pytest

from kiosk.i18n.meaning import english_numbers, hedges_in, lost_hedges, missing_numbers


def test_english_numbers_are_read_with_their_grouping_and_decimals() -> None:
    assert english_numbers("About 1.7 in 100,000 people; 25% at 5 years (2019).") == (
        "1.7", "100000", "25", "5", "2019",
    )  # fmt: skip


def test_numbers_in_links_and_addresses_are_not_told_to_the_reader() -> None:
    text = "See [the study](https://doi.org/10.1056/NEJM199403033300901) or call 0808 802 6262."
    assert english_numbers(text) == ("0808", "802", "6262")


def test_a_changed_number_is_found() -> None:
    # The defect the translators' review reports: 58 became 85, and nothing noticed.
    english = "from about 49% to about 58%"
    assert missing_numbers(english, "von etwa 49 % auf etwa 85 %") == ["58"]


@pytest.mark.parametrize(
    ("english", "translation"),
    [
        ("about 1.7 people", "environ 1,7 personne"),  # decimal comma
        ("100,000 people", "100 000 personnes"),  # no-break space grouping (fr)
        ("100,000 people", "100\u202f000 personnes"),  # narrow no-break space (CLDR fr)
        ("100,000 people", "100.000 pessoas"),  # point grouping (pt, es)
        ("100,000 people", "100000 人"),
        ("25% of people", "25 % des personnes"),
        ("25% of people", "٢٥٪ من الأشخاص"),  # Arabic-Indic digits
        ("on 5 May 2017", "2017年5月5日"),
        ("call 0808 802 6262", "llame al 0808 802 6262"),
        ("between 1.5 and 2.5", "entre 1,5 y 2,5"),
        ("5 to 10 years", "5–10 ans"),
        ("open from 9am to 4.30pm", "abierta de 9 a 16:30"),
        ("open from 9am to 4.30pm", "ouverte de 9 heures à 4 heures 30"),
        ("open from 9am to 4.30pm", "上午9点到下午4点30分"),
    ],
)
def test_the_same_number_written_the_language_s_way_is_found(
    english: str, translation: str
) -> None:
    assert missing_numbers(english, translation) == []


def test_a_number_written_in_words_needs_the_translator_s_note() -> None:
    english = "ALS most often starts in later adult life (50s to 70s)."
    arabic = "يبدأ غالبًا في المراحل المتأخرة من العمر (من الخمسينيات إلى السبعينيات)."
    assert missing_numbers(english, arabic) == ["50", "70"]
    note = ["numbers in words: 50 = الخمسينيات; 70 = السبعينيات"]
    assert missing_numbers(english, arabic, note) == []
    # The note maps words that the translation must really contain.
    assert missing_numbers(english, "يبدأ غالبًا في الخمسينيات.", note) == ["70"]


def test_hedges_are_found_once_each() -> None:
    assert set(hedges_in("ALS most often starts later; about half may notice")) == {
        "most often", "about", "may",
    }  # fmt: skip
    assert hedges_in("Maybe not: mayor, abouts") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Information about ALS.",
        "Approved in May 2017.",
        "How often you see them.",
        "Keep up to date.",
        "The people around you.",
        "Side effects are unlikely to be serious.",
        "Veterans are twice as likely to get ALS.",
    ],
)
def test_the_same_words_in_another_sense_are_no_hedge(text: str) -> None:
    assert hedges_in(text) == ()


def test_a_hedge_the_glossary_knows_and_the_translation_lost_is_listed() -> None:
    glossary = {"most often": ["con más frecuencia", "suele"], "about": ["alrededor de"]}
    english = "ALS most often starts between ages 55 and 75."
    lost = lost_hedges(english, "La ELA empieza casi siempre entre los 55 y los 75 años.", glossary)
    assert [hedge.english for hedge in lost] == ["most often"]
    kept = "La ELA suele empezar entre los 55 y los 75 años."
    assert lost_hedges(english, kept, glossary) == []


def test_a_hedge_without_glossary_words_is_not_judged() -> None:
    assert lost_hedges("about 5 people", "5 personas", {}) == []


def test_a_changed_time_is_found() -> None:
    assert missing_numbers("open from 9am to 4.30pm", "abierta de 9 a 17:30") == ["4.30pm"]
