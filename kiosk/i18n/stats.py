"""`als-kiosk stats`: how far each language is, and how easy its pages are to read."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.pages import Page, load_pages
from kiosk.content.readability import reading_ease
from kiosk.i18n.languages import LoadedLanguage, discover, template_keys


def language_rows(content_dir: Path, locales_dir: Path) -> list[str]:
    pages, _ = load_pages(content_dir)
    languages, _ = discover(locales_dir, template_keys(pages, locales_dir), min_complete=0)
    header = (
        f"{'language':10} {'domain':8} {'translated':>10} {'fuzzy':>6} {'untranslated':>12} "
        f"{'obsolete':>8} {'invalid':>7} {'done':>6}  reading ease"
    )
    rows = [header]
    for loaded in languages:
        rows.extend(_rows(loaded, pages))
    return rows


def _rows(loaded: LoadedLanguage, pages: list[Page]) -> list[str]:
    rows = []
    tag = loaded.language.tag
    for domain, counts in loaded.counts.items():
        total = counts.translated + counts.fuzzy + counts.untranslated + counts.invalid
        done = counts.translated / total if total else 0.0
        ease = ""
        if domain == "content":
            blocks = [
                block
                for page in pages
                for block in loaded.localise(page).blocks
                if block.lang == tag
            ]
            score = reading_ease(blocks, tag)
            ease = f"{score:.0f} (Flesch, 0-100, higher is easier)" if score is not None else "n/a"
        rows.append(
            f"{tag:10} {domain:8} {counts.translated:>10} {counts.fuzzy:>6} "
            f"{counts.untranslated:>12} {counts.obsolete:>8} {counts.invalid:>7} {done:>6.0%}"
            f"  {ease}"
        )
    return rows
