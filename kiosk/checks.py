"""`als-kiosk check`: everything a writer or technician must fix, as path:line: message."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content import BlockKind, Page, load_pages
from kiosk.languages import discover, template_keys
from kiosk.problems import Problem
from kiosk.readability import grade
from kiosk.settings import load_settings

MAX_GRADE = 8.0
"""WCAG 3.1.5: no more than lower-secondary reading level (Flesch-Kincaid grade 8)."""

_LINK = re.compile(r"https?://[^\s)>\]]+|doi:\s*\S+", re.IGNORECASE)
_FACT = re.compile(r"^(\d+)\.\s", re.MULTILINE)


def fact_sources(facts_text: str) -> dict[int, set[str]]:
    """Fact number → the URLs and DOIs given on its Source lines in facts.md."""
    sources: dict[int, set[str]] = {}
    same_as: dict[int, set[int]] = {}
    matches = list(_FACT.finditer(facts_text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(facts_text)
        body = facts_text[match.end() : end]
        number = int(match.group(1))
        sources[number] = {_normalise_link(link) for link in _LINK.findall(body)}
        # "Source: NHS inform (as #1)" cites the source given under another fact.
        same_as[number] = {int(n) for n in re.findall(r"\(as #(\d+)\)", body)}
    for number, others in same_as.items():
        for other in others:
            sources[number] |= sources.get(other, set())
    return sources


def _normalise_link(link: str) -> str:
    return link.rstrip(".,;").replace("doi: ", "doi:").lower()


def check_page(page: Page) -> list[Problem]:
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
    level = grade(page.blocks, page.lang)
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


def check_facts(page: Page, sources_by_fact: dict[int, set[str]]) -> list[Problem]:
    """Each fact the page uses exists in facts.md and has one of its sources listed."""
    problems: list[Problem] = []
    line = page.extra.get("facts", 1)
    cited = " ".join(
        _normalise_link(link)
        for block in page.blocks
        if block.kind is BlockKind.SOURCE
        for link in _LINK.findall(block.markdown)
    )
    for number in page.facts:
        if number not in sources_by_fact:
            problems.append(Problem(page.path, line, f"fact #{number} is not in facts.md"))
            continue
        links = sources_by_fact[number]
        if links and not any(link in cited for link in links):
            problems.append(
                Problem(
                    page.path,
                    line,
                    f"fact #{number} is used but none of its sources is in "
                    f"the Sources list (expected one of: {', '.join(sorted(links))})",
                )
            )
    return problems


def check_all(
    *,
    content_dir: Path,
    config_path: Path | None,
    facts_path: Path | None = None,
    locales_dir: Path | None = None,
) -> tuple[list[Problem], list[str]]:
    """All problems (sorted by file and line) and a summary for the technician."""
    problems: list[Problem] = []
    summary: list[str] = []
    pages, found = load_pages(content_dir)
    problems.extend(found)
    orders: dict[int, Page] = {}
    sources_by_fact: dict[int, set[str]] | None = None
    if facts_path is not None:
        try:
            sources_by_fact = fact_sources(facts_path.read_text(encoding="utf-8"))
        except OSError as error:
            problems.append(Problem(facts_path, 0, f"cannot read facts file: {error}"))
    for page in pages:
        problems.extend(check_page(page))
        if sources_by_fact is not None:
            problems.extend(check_facts(page, sources_by_fact))
        if page.order in orders:
            problems.append(
                Problem(
                    page.path,
                    page.extra.get("order", 1),
                    f"order {page.order} is also used by {orders[page.order].path.name}",
                )
            )
        orders.setdefault(page.order, page)
        level = grade(page.blocks, page.lang)
        summary.append(f"{page.id}: reading grade {level:.1f}" if level is not None else page.id)
    if config_path is not None:
        problems.extend(load_settings(config_path)[1])
    if locales_dir is not None and locales_dir.is_dir():
        # Every language folder, offered or not, at any completeness: a translator wants to
        # see every problem, not only those of languages the kiosk would show.
        languages, found = discover(locales_dir, template_keys(pages, locales_dir), min_complete=0)
        problems.extend(p for p in found if "left out until" not in p.message)
        for loaded in languages:
            share = loaded.language.completeness
            summary.append(f"{loaded.language.tag}: {share:.0%} of the pages translated")
    summary.append(f"{len(pages)} pages checked, {len(problems)} problem(s)")
    return sorted(problems), summary
