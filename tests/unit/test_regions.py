"""Where the clinic is: which statements apply there, in what order, under which name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.pages import Block, BlockKind, parse_page
from kiosk.content.regions import applies, arrange, contains, place_names, shape_problem
from tests.unit.test_content import REGIONS


def blocks() -> tuple[Block, ...]:
    page, problems = parse_page(REGIONS, Path("sample.md"))
    assert page is not None and not problems
    return page.blocks


def order(arranged: tuple[Block, ...]) -> list[str]:
    return [b.markdown for b in arranged if b.kind is not BlockKind.SOURCE]


@pytest.mark.parametrize(
    ("area", "place", "holds"),
    [
        ("GB", "GB", True),
        ("GB", "GB-SCT", True),  # a UK-wide statement holds in Scotland
        ("GB-SCT", "GB", False),  # a Scottish one is not known to hold UK-wide
        ("GB-ENG", "GB-SCT", False),
        ("EU", "FR", True),
        ("EU", "IE", True),
        ("EU", "GB", False),
        ("US", "CA", False),
    ],
)
def test_a_statement_holds_in_its_place_and_the_places_inside_it(
    area: str, place: str, holds: bool
) -> None:
    assert contains(area, place) is holds


def test_nothing_applies_where_no_region_is_set() -> None:
    assert not applies(("GB", "US"), "")


def test_without_a_region_nothing_moves() -> None:
    assert arrange(blocks(), "") == blocks()


def test_the_clinics_own_statements_come_first_and_unmarked_text_stays_put() -> None:
    before = order(blocks())
    assert before[:10] == [
        "What is ALS?",
        "ALS is a **disease** of the *nerve cells*.",
        "In the UK",
        "Licensed.",
        "Legally binding.",
        "Over 18 only.",
        "In the US",
        "Approved.",
        "Signs",
        "Weak grip",
    ]
    in_us = order(arrange(blocks(), "US"))
    assert in_us[:10] == [
        "What is ALS?",
        "ALS is a **disease** of the *nerve cells*.",
        "In the US",
        "Approved.",
        "In the UK",  # a marked section moves whole
        "Licensed.",
        "Legally binding.",
        "Over 18 only.",
        "Signs",  # unmarked text never moves
        "Weak grip",
    ]
    in_wales = order(arrange(blocks(), "GB-WLS"))
    assert in_wales == before  # GB and Wales statements are first already
    in_scotland = order(arrange(blocks(), "GB-SCT"))
    assert in_scotland == before  # the UK section holds; England-and-Wales stays after it


def test_places_are_named_in_the_readers_language() -> None:
    assert place_names(("GB-ENG", "GB-WLS"), "en", str) == "England and Wales"
    assert place_names(("GB",), "fr", str) == "Royaume-Uni"
    assert place_names(("EU",), "es", str) == "Unión Europea"
    # UK nations come from the language's own catalog.
    french = {"Scotland": "Écosse"}
    assert place_names(("GB-SCT",), "fr", lambda message: french[message]) == "Écosse"


def test_the_commonest_mistake_in_a_region_code_gets_its_fix() -> None:
    assert shape_problem("GB-SCT") is None and shape_problem("EU") is None
    assert "code is GB" in (shape_problem("UK") or "")
    assert "not a region the kiosk can name" in (shape_problem("CA-ON") or "")
