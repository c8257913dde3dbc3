"""Where the clinic is, and which statements on a page apply there.

Medicines, helplines, laws and benefits differ by country. A page marks each statement
that holds only in some places with the places' codes, in the Markdown itself:
`{region=GB}` on the line before a section heading, a list or a paragraph (markdown-it's
block attributes; the marker is not part of the text, so translators still get one
message per block). Codes are ISO 3166: a country (`GB`, `US`, `IE`), `EU` for the
European Union, or a UK nation (`GB-SCT`); several are separated by spaces.

The clinic sets its own place once (`[clinic] region`). Statements for that place then
come first among the statements they stand beside, and every country-specific statement
is labelled with its place wherever it stands; with no place set, nothing moves and every
such statement is labelled. What applies where is data in the pages, never code here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kiosk.translate import N_

if TYPE_CHECKING:
    from kiosk.content.pages import Block, Page

# fmt: off
EU_MEMBERS = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
# fmt: on
"""The European Union's 27 member states (EU approvals apply in each)."""

# TRANSLATORS: the UK's nations, shown before statements that hold only there
# ("Scotland: MND Scotland …") and read aloud.
SUBDIVISIONS = {
    # TRANSLATORS: a place a statement on a page applies to; shown before it as '{places}:' and
    # read aloud.
    "GB-ENG": N_("England"),
    # TRANSLATORS: a place a statement on a page applies to; shown before it as '{places}:' and
    # read aloud.
    "GB-NIR": N_("Northern Ireland"),
    # TRANSLATORS: a place a statement on a page applies to; shown before it as '{places}:' and
    # read aloud.
    "GB-SCT": N_("Scotland"),
    # TRANSLATORS: a place a statement on a page applies to; shown before it as '{places}:' and
    # read aloud.
    "GB-WLS": N_("Wales"),
}
"""Places below country level that pages use. CLDR names countries in every language,
but not these: their names are interface messages, translated in kiosk.po."""

_SHAPE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")


def shape_problem(code: str) -> str | None:
    """What is wrong with a region code's form, or None. Needs no CLDR (cheap at start)."""
    if code == "UK":
        return "the United Kingdom's code is GB (ISO 3166); its nations are GB-ENG, " + (
            "GB-NIR, GB-SCT and GB-WLS"
        )
    if not _SHAPE.fullmatch(code):
        return f"{code!r} is not a region code: use a country code such as GB or US, or EU"
    if "-" in code and code not in SUBDIVISIONS:
        known = ", ".join(sorted(SUBDIVISIONS))
        return f"{code!r} is not a region the kiosk can name (known: {known})"
    return None


def region_problem(code: str) -> str | None:
    """What is wrong with a region code, checked against CLDR's list of territories."""
    problem = shape_problem(code)
    if problem is not None or "-" in code or code == "EU":
        return problem
    from babel.core import get_global

    if code not in get_global("territory_languages"):
        return f"{code!r} is not a country code CLDR knows (ISO 3166, such as GB or US)"
    return None


def parse_codes(value: str) -> tuple[str, ...]:
    """`"GB-ENG GB-WLS"` → ("GB-ENG", "GB-WLS")."""
    return tuple(value.replace(",", " ").split())


def contains(area: str, place: str) -> bool:
    """Does a statement for `area` hold at `place`? GB holds in GB-SCT, EU in FR."""
    if area == place or place.startswith(area + "-"):
        return True
    return area == "EU" and place.split("-")[0] in EU_MEMBERS


def applies(regions: Sequence[str], place: str) -> bool:
    return bool(place) and any(contains(area, place) for area in regions)


def arrange(blocks: Sequence[Block], place: str) -> tuple[Block, ...]:
    """The blocks with what holds at `place` first among the marked statements beside it.

    A marked heading carries its whole section (up to the next heading as high); a marked
    paragraph or list item is a statement of its own. Marked statements that follow one
    another are a group, and only a group is reordered, stably: unmarked text never moves.
    """
    if not place:
        return tuple(blocks)
    arranged: list[Block] = []
    group: list[list[Block]] = []

    def flush() -> None:
        group.sort(key=lambda unit: not applies(unit[0].regions, place))
        for unit in group:
            arranged.extend(unit)
        group.clear()

    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = _unit_end(blocks, index)
        if not block.regions:
            flush()
            arranged.append(block)
        else:
            head, rest = blocks[index], blocks[index + 1 : end]
            group.append([head, *arrange(rest, place)])
        index = end
    flush()
    return tuple(arranged)


def _unit_end(blocks: Sequence[Block], start: int) -> int:
    from kiosk.content.pages import BlockKind

    block = blocks[start]
    if not block.regions or block.kind is not BlockKind.HEADING:
        return start + 1
    end = start + 1
    while end < len(blocks) and not (
        blocks[end].kind is BlockKind.HEADING and blocks[end].level <= block.level
    ):
        end += 1
    return end


def place_names(regions: Sequence[str], lang: str, translate: Callable[[str], str]) -> str:
    """The places as a reader of `lang` says them: "England and Wales", "Royaume-Uni".

    Countries are named by CLDR, UK nations by the language's own catalog (`translate`).
    """
    from babel import Locale
    from babel.lists import format_list

    locale = Locale.parse(lang)
    territories = locale.territories
    names = [
        translate(SUBDIVISIONS[code]) if code in SUBDIVISIONS else territories.get(code, code)
        for code in regions
    ]
    return format_list(names, locale=locale) if names else ""


def date_locale(lang: str, place: str) -> str:
    """The locale to write dates in: the language as written where the clinic is, when
    CLDR knows that variant ("2 December 2026" for English in the UK, not "December 2")."""
    from babel import localedata

    country = place.split("-")[0]
    if country and country != "EU" and "_" not in lang and localedata.exists(f"{lang}_{country}"):
        return f"{lang}_{country}"
    return lang


def review_dates(page: Page, lang: str, region: str, months: int) -> tuple[str, str]:
    """When the page was last reviewed and when it is next due, in words of `lang` as
    written where the clinic is."""
    from babel.dates import format_date

    from kiosk.content.pages import review_due

    locale = date_locale(lang, region)
    due = review_due(page.reviewed, months)
    return format_date(page.reviewed, "long", locale=locale), format_date(
        due, "long", locale=locale
    )
