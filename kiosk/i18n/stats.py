"""`als-kiosk stats`: how far each language is, and how easy its pages are to read."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.pages import Page, load_pages
from kiosk.content.readability import reading_ease
from kiosk.i18n.languages import LoadedLanguage, load_language, template_keys


def language_rows(content_dir: Path, locales_dir: Path) -> list[str]:
    """One row per domain of every language folder found; a language whose files cannot
    be read is listed too, with its first problem, never silently left out."""
    pages, _ = load_pages(content_dir)
    keys = template_keys(pages, locales_dir)
    header = (
        f"{'language':10} {'domain':8} {'translated':>10} {'fuzzy':>6} {'untranslated':>12} "
        f"{'obsolete':>8} {'invalid':>7} {'done':>6}  reading ease"
    )
    rows = [header]
    folders = sorted(p for p in locales_dir.iterdir() if p.is_dir()) if locales_dir.is_dir() else []
    for folder in folders:
        loaded, problems = load_language(folder, keys)
        if loaded is None:
            errors = [problem for problem in problems if not problem.warning]
            rows.append(f"{folder.name:10} cannot be read: {errors[0] if errors else 'unknown'}")
            continue
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
