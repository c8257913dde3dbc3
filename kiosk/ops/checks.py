"""`als-kiosk check`: everything a writer or technician must fix, as path:line: message."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kiosk.config.clinic import load_settings, setting_line
from kiosk.content.pages import BlockKind, Page, load_pages, review_due
from kiosk.content.readability import grade
from kiosk.content.regions import region_problem
from kiosk.i18n.languages import discover, template_keys
from kiosk.problems import Problem

MAX_GRADE = 8.0
"""WCAG 3.1.5: no more than lower-secondary reading level (Flesch-Kincaid grade 8)."""

_LINK = re.compile(r"https?://[^\s)>\]]+|doi:\s*\S+", re.IGNORECASE)
_FACT = re.compile(r"^(\d+)\.\s", re.MULTILINE)
_COPY_LINE = re.compile(
    r"reproduced|copied at|posted by|cop(?:y|ies):|via https?://|\(archived\)", re.IGNORECASE
)
"""A source line in facts.md that gives a copy of the text, not the issuing body's page."""
_SAYS_COPY = re.compile(r"\bcop(?:y|ies)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w/#.-])\d[\d,.]*\d(?![\w/])|(?<![\w/#.-])\d(?![\w/.,]\d)")
"""A number as written on a page: 7.5, 1,282, 2019 (not part of a word such as C9orf72)."""
_NOT_PROSE = re.compile(r"\]\([^)]*\)|https?://\S+|doi:\S+|tel:\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """One numbered fact of facts.md: its whole text (statement, sources, notes)."""

    number: int
    text: str
    sources: frozenset[str]
    """The URLs and DOIs on its Source lines, including those of the facts it cites "as #N"."""
    cites: frozenset[int] = frozenset()
    """Facts whose source this one shares ("Source: NICE NG42 (as #9)")."""

    @cached_property
    def numbers(self) -> frozenset[str]:
        """Every number in the fact, in digits; quoted sources often spell them out
        ("two to five years", "Thirty-three percent")."""
        found = {_digits(m) for m in re.findall(r"\d[\d,.·]*\d|\d", self.text)}
        return frozenset(found | _spelled_numbers(self.text))


def _digits(number: str) -> str:
    """Numbers compare by their digits: "1,282" is "1282", "0·006" is "0.006"."""
    return re.sub(r"\D", "", number)


# fmt: off
_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on
_WORD_NUMBER = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS[1:10])}))?|({'|'.join(_UNITS)}))\b",
    re.IGNORECASE,
)


def _spelled_numbers(text: str) -> set[str]:
    """English number words from zero to ninety-nine, as digits."""
    found = set()
    for tens, unit, small in _WORD_NUMBER.findall(text):
        if small:
            found.add(str(_UNITS.index(small.lower())))
        else:
            value = (_TENS.index(tens.lower()) + 2) * 10
            found.add(str(value + (_UNITS.index(unit.lower()) if unit else 0)))
    return found


def read_facts(facts_text: str) -> tuple[dict[int, Fact], frozenset[str]]:
    """Every fact by number, and the links that are copies of a source's text."""
    bodies: dict[int, str] = {}
    matches = list(_FACT.finditer(facts_text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(facts_text)
        bodies[int(match.group(1))] = facts_text[match.start() : end]
    links = {n: {_normalise_link(u) for u in _LINK.findall(body)} for n, body in bodies.items()}
    # "Source: NHS inform (as #1)" cites the source given under another fact.
    cites = {
        n: frozenset(int(o) for o in re.findall(r"\(as #(\d+)\)", body) if int(o) in bodies)
        for n, body in bodies.items()
    }
    for number, others in cites.items():
        for other in others:
            links[number] |= links[other]
    copies = frozenset(
        _normalise_link(link)
        for line in facts_text.splitlines()
        if _COPY_LINE.search(line)
        for link in _LINK.findall(line)
    )
    facts = {n: Fact(n, body, frozenset(links[n]), cites[n]) for n, body in bodies.items()}
    return facts, copies


def fact_sources(facts_text: str) -> dict[int, set[str]]:
    """Fact number → the URLs and DOIs given on its Source lines in facts.md."""
    facts, _ = read_facts(facts_text)
    return {number: set(fact.sources) for number, fact in facts.items()}


def _normalise_link(link: str) -> str:
    return link.rstrip(".,;").replace("doi: ", "doi:").lower()


def check_page(page: Page, level: float | None) -> list[Problem]:
    """The page's own rules; `level` is its reading grade (readability.grade)."""
    problems: list[Problem] = []
    sources = [block for block in page.blocks if block.kind is BlockKind.SOURCE]
    title_line = page.blocks[0].line if page.blocks else 1
    if page.facts and not sources:
        problems.append(
            Problem(
                page.path,
                page.extra.get("facts", 1),
                "page uses facts but has no `## Sources` list: add one entry per source",
            )
        )
    for block in sources:
        if not _LINK.search(block.markdown):
            problems.append(
                Problem(page.path, block.line, "source entry has no URL or DOI to check it by")
            )
    if page.lang == "en" and not any("care team" in block.text.lower() for block in page.blocks):
        problems.append(
            Problem(page.path, title_line, "page never points the reader to their own care team")
        )
    if level is not None and level > MAX_GRADE:
        problems.append(
            Problem(
                page.path,
                title_line,
                f"reading grade {level:.1f} is above {MAX_GRADE:g} "
                "(Flesch-Kincaid): use shorter sentences and common words",
            )
        )
    return problems


def check_facts(page: Page, facts: dict[int, Fact], copies: frozenset[str]) -> list[Problem]:
    """The page stands on the fact sheet: each fact it lists exists and has one of its
    sources in the page's Sources list; every number on the page is in a fact it lists;
    a source line that links to a copy of a text says so."""
    problems: list[Problem] = []
    line = page.extra.get("facts", 1)
    sources = [block for block in page.blocks if block.kind is BlockKind.SOURCE]
    cited = " ".join(
        _normalise_link(link) for block in sources for link in _LINK.findall(block.markdown)
    )
    listed = [facts[number] for number in page.facts if number in facts]
    for number in page.facts:
        if number not in facts:
            problems.append(Problem(page.path, line, f"fact #{number} is not in facts.md"))
            continue
        links = facts[number].sources
        if links and not any(link in cited for link in links):
            problems.append(
                Problem(
                    page.path,
                    line,
                    f"fact #{number} is used but none of its sources is in "
                    f"the Sources list (expected one of: {', '.join(sorted(links))})",
                )
            )
    stated = frozenset().union(*(fact.numbers for fact in listed))
    # A source line's years and volumes may come from the source a fact shares ("as #9").
    cited_facts = (facts[other] for fact in listed for other in fact.cites)
    citation = stated.union(*(fact.numbers for fact in cited_facts))
    for block in page.blocks:
        known = citation if block.kind is BlockKind.SOURCE else stated
        for match in _NUMBER.finditer(_NOT_PROSE.sub(" ", block.markdown)):
            if _digits(match.group()) not in known:
                problems.append(
                    Problem(
                        page.path,
                        block.line,
                        f"{match.group()} is in none of the facts this page lists "
                        f"({', '.join(f'#{n}' for n in page.facts) or 'none'}): "
                        "take it from facts.md and add its fact to `facts:`",
                    )
                )
    for block in sources:
        linked = {_normalise_link(link) for link in _LINK.findall(block.markdown)}
        if linked & copies and not _SAYS_COPY.search(block.text):
            problems.append(
                Problem(
                    page.path,
                    block.line,
                    "this link is a copy of the source's text, not the issuing body's own "
                    'page (facts.md): say so, as "Text read in a copy at <link>"',
                )
            )
    return problems


def check_reviews(pages: list[Page], months: int, today: dt.date) -> list[Problem]:
    """A warning for each page whose next review is due: nobody has checked it against
    the fact sheet within the clinic's interval. Patients see only the dates."""
    return [
        Problem(
            page.path,
            page.extra.get("reviewed", 1),
            f"review was due on {review_due(page.reviewed, months).isoformat()} "
            f"(last reviewed {page.reviewed.isoformat()}, every {months} months): check the "
            "page against facts.md, then set `reviewed:` to the day you did",
            warning=True,
        )
        for page in pages
        if review_due(page.reviewed, months) <= today
    ]


def facts_file(content_dir: Path) -> Path:
    """The fact sheet shipped with the pages: the only place medical statements come from."""
    return content_dir / "facts.md"


def check_all(
    *,
    content_dir: Path,
    config_path: Path | None,
    facts_path: Path | None = None,
    locales_dir: Path | None = None,
    today: dt.date | None = None,
) -> tuple[list[Problem], list[str]]:
    """All problems (sorted by file and line) and a summary for the technician."""
    problems: list[Problem] = []
    summary: list[str] = []
    # Pronunciation: the speech engine starts on the other core while the rest is checked.
    from kiosk.i18n.misreadings import SpeechCheck

    speech = SpeechCheck(content_dir, locales_dir)
    pages, found = load_pages(content_dir)
    problems.extend(found)
    orders: dict[int, Page] = {}
    facts_path = facts_path or facts_file(content_dir)
    facts: dict[int, Fact] | None = None
    copies: frozenset[str] = frozenset()
    try:
        facts, copies = read_facts(facts_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(facts_path, 0, f"cannot read the fact sheet: {error}"))
    settings, settings_problems = load_settings(config_path)
    for page in pages:
        level = grade(page.blocks, page.lang)
        problems.extend(check_page(page, level))
        if facts is not None:
            problems.extend(check_facts(page, facts, copies))
        if page.order in orders:
            problems.append(
                Problem(
                    page.path,
                    page.extra.get("order", 1),
                    f"order {page.order} is also used by {orders[page.order].path.name}",
                )
            )
        orders.setdefault(page.order, page)
        summary.append(f"{page.id}: reading grade {level:.1f}" if level is not None else page.id)
    months = int(settings.clinic.review_months)
    problems.extend(check_reviews(pages, months, today or dt.date.today()))
    problems.extend(settings_problems)
    if config_path is not None and settings.clinic.region:
        problem = region_problem(settings.clinic.region)
        if problem:
            line = setting_line(config_path, "clinic", "region")
            problems.append(Problem(config_path, line, f"[clinic] region: {problem}"))
    if locales_dir is not None and locales_dir.is_dir():
        # Every language folder, offered or not, at any completeness: a translator wants to
        # see every problem, not only those of languages the kiosk would show.
        languages, found = discover(
            locales_dir, template_keys(pages, locales_dir), min_complete=0, review=True
        )
        problems.extend(p for p in found if "left out until" not in p.message)
        for loaded in languages:
            share = loaded.language.completeness
            summary.append(f"{loaded.language.tag}: {share:.0%} of the pages translated")
    read = languages if locales_dir is not None and locales_dir.is_dir() else []
    spoken, said = speech.run(pages, read)
    problems.extend(spoken)
    summary.extend(said)
    errors = sum(not p.warning for p in problems)
    summary.append(
        f"{len(pages)} pages checked, {errors} problem(s), {len(problems) - errors} warning(s)"
    )
    return sorted(problems), summary
