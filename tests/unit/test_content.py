"""Markdown pages → typed blocks, and front-matter errors reported at the right line."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.pages import BlockKind, Run, load_pages, parse_inline, parse_page
from tests.conftest import CONTENT

GOOD = """---
id: sample
title: Sample
order: 3
facts: [1, 2]
reviewed: 2026-11-25
---

# What is ALS?

ALS is a **disease** of the
*nerve cells*.

## Signs

- Weak grip
- Tripping

## Sources

- "Motor neurone disease (MND)", NHS inform. https://www.nhsinform.scot/x
"""


def parse(text: str) -> tuple[object, list[str]]:
    page, problems = parse_page(text, Path("p/sample.md"))
    return page, [str(p) for p in problems]


def test_blocks_have_kinds_lines_and_one_msgid_per_paragraph() -> None:
    page, problems = parse_page(GOOD, Path("sample.md"))
    assert problems == [] and page is not None
    kinds = [(b.kind, b.line, b.markdown) for b in page.blocks]
    assert kinds == [
        (BlockKind.HEADING, 9, "What is ALS?"),
        (BlockKind.PARAGRAPH, 11, "ALS is a **disease** of the *nerve cells*."),
        (BlockKind.HEADING, 14, "Signs"),
        (BlockKind.LIST_ITEM, 16, "Weak grip"),
        (BlockKind.LIST_ITEM, 17, "Tripping"),
        (BlockKind.HEADING, 19, "Sources"),
        (
            BlockKind.SOURCE,
            21,
            '"Motor neurone disease (MND)", NHS inform. https://www.nhsinform.scot/x',
        ),
    ]
    assert page.facts == (1, 2) and page.order == 3 and page.title == "Sample"


def test_inline_emphasis_becomes_styled_runs_and_links_become_text() -> None:
    assert parse_inline("a **b** *c* [NHS](https://nhs.uk)") == (
        Run("a "),
        Run("b", bold=True),
        Run(" "),
        Run("c", italic=True),
        Run(" NHS (https://nhs.uk)"),
    )


def test_markup_and_actions_in_content_stay_literal_text() -> None:
    runs = parse_inline("[@click=app.quit]quit[/] [b]x[/b]")
    assert "".join(r.text for r in runs) == "[@click=app.quit]quit[/] [b]x[/b]"


def test_raw_html_is_shown_as_text_not_interpreted() -> None:
    page, _ = parse_page(GOOD.replace("- Tripping", "- <b>Tripping</b>"), Path("s.md"))
    assert page is not None
    assert any(b.text == "<b>Tripping</b>" for b in page.blocks)


def test_missing_front_matter_key_is_reported_at_the_front_matter() -> None:
    _, problems = parse(GOOD.replace("order: 3\n", ""))
    assert problems == ["p/sample.md:1: front matter needs `order:`"]


def test_bad_values_are_reported_on_their_own_line() -> None:
    text = GOOD.replace("order: 3", "order: three").replace("2026-11-25", "last week")
    _, problems = parse(text)
    assert problems == [
        "p/sample.md:4: `order` must be a whole number from 1",
        "p/sample.md:6: `reviewed` must be a date written YYYY-MM-DD",
    ]


def test_unknown_key_and_id_mismatch_are_reported() -> None:
    text = GOOD.replace("id: sample", "id: other").replace("title: Sample", "title: S\nauthor: x")
    _, problems = parse(text)
    assert "p/sample.md:2: `id` is 'other' but the file is sample.md: make them match" in problems
    assert any(p.startswith("p/sample.md:4: unknown front-matter key 'author'") for p in problems)


def test_invalid_yaml_is_reported_with_its_line() -> None:
    _, problems = parse(GOOD.replace("facts: [1, 2]", "facts: [1, 2"))
    assert len(problems) == 1 and problems[0].startswith("p/sample.md:")
    assert "not valid YAML" in problems[0]


def test_unsupported_blocks_are_reported_not_shown() -> None:
    _page, problems = parse(GOOD.replace("## Signs", "> quoted\n\n## Signs"))
    assert (
        "p/sample.md:14: blockquote blocks are not shown by the kiosk: use paragraphs" in problems
    )


def test_escape_sequences_in_a_page_never_reach_a_block() -> None:
    page, _ = parse_page(
        GOOD.replace("Weak grip", "Weak \x1b]52;c;eA==\x07grip\u202e"), Path("s.md")
    )
    assert page is not None
    assert any(b.markdown == "Weak grip" for b in page.blocks)


def test_shipped_pages_load_cleanly_in_topic_order() -> None:
    pages, problems = load_pages(CONTENT)
    assert problems == []
    assert [p.id for p in pages] == [
        "what-is-als",
        "symptoms",
        "diagnosis",
        "thinking-and-behaviour",
        "who-gets-als",
        "genetics",
        "outlook",
        "medicines",
        "stem-cells",
        "care-and-support",
        "planning-ahead",
        "carers",
        "get-help",
        "about",
    ]
    for page in pages:
        assert page.blocks[0].kind is BlockKind.HEADING and page.blocks[0].level == 1


def test_a_broken_page_is_left_out_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "good.md").write_text(GOOD.replace("id: sample", "id: good"))
    (tmp_path / "en" / "bad.md").write_text("no front matter here\n")
    pages, problems = load_pages(tmp_path)
    assert [p.id for p in pages] == ["good"]
    assert [str(p) for p in problems] == [
        f"{tmp_path}/en/bad.md:1: page must start with front matter between `---` lines"
    ]


REGIONS = GOOD.replace(
    "## Signs",
    """{region=GB}
## In the UK

Licensed.

{region="GB-ENG GB-WLS"}
- Legally binding.
- Over 18 only.

{region=US}
## In the US

Approved.

## Signs""",
)


def test_region_marks_reach_the_blocks_they_stand_before_and_not_the_text() -> None:
    page, problems = parse_page(REGIONS, Path("sample.md"))
    assert problems == [] and page is not None
    marked = [(b.markdown, b.regions) for b in page.blocks if b.regions]
    assert marked == [
        ("In the UK", ("GB",)),
        ("Legally binding.", ("GB-ENG", "GB-WLS")),
        ("Over 18 only.", ("GB-ENG", "GB-WLS")),
        ("In the US", ("US",)),
    ]
    # The text inside a marked section is covered by its heading, not marked again.
    assert next(b for b in page.blocks if b.markdown == "Licensed.").regions == ()
    assert all("{" not in b.markdown for b in page.blocks)


def test_a_wrong_region_or_attribute_is_reported_at_its_line() -> None:
    _, problems = parse(REGIONS.replace("{region=US}", "{region=UK lang=fr}"))
    line = REGIONS.splitlines().index("{region=US}") + 2
    assert f"p/sample.md:{line}: unknown block attribute 'lang': the kiosk knows `region`" in (
        problems
    )
    assert any(
        p.startswith(f"p/sample.md:{line}: the United Kingdom's code is GB") for p in problems
    )
    _, problems = parse(REGIONS.replace("{region=US}", "{region=XQ}"))
    assert any("'XQ' is not a country code CLDR knows" in p for p in problems)


def test_a_phone_link_shows_the_number_as_written_and_no_address() -> None:
    """Its text is its own run, marked, so that speech reads it digit by digit."""
    assert parse_inline("Call [0808 802 6262](tel:+448088026262) today.") == (
        Run("Call "),
        Run("0808 802 6262", tel=True),
        Run(" today."),
    )
