"""What a medical reviewer should look at in a translation that passes every rule.

A translation that keeps every number can still lose a hedge ("most often" becoming
"almost always") or use a word the language's terminology list rules out (the English
acronym "MND" as the French name of the disease). Neither can be decided by a program,
so both are warnings from `als-kiosk check`, never errors, and never reach patients.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.i18n.glossary import GLOSSARY_NAME, Glossary, forbidden_uses, read_glossary
from kiosk.i18n.meaning import HEDGES, lost_hedges
from kiosk.i18n.po_check import Entry
from kiosk.problems import Problem


class Reviewer:
    """Reads one language's glossary once, then looks at each translated message."""

    def __init__(self, folder: Path) -> None:
        self.problems: list[Problem] = []
        self.glossary: Glossary | None = None
        path = folder / GLOSSARY_NAME
        if not path.is_file():
            self.problems.append(
                Problem(
                    path,
                    0,
                    "no terminology list: hedges and ruled-out terms are not checked "
                    "(locales/README.md says how to start one)",
                    warning=True,
                )
            )
            return
        self.glossary, found = read_glossary(path, folder.name)
        self.problems += found
        words = self.glossary.words_for if self.glossary else (lambda _: [])
        self._hedges = {hedge: words(hedge) for hedge in HEDGES}

    def look_at(self, entry: Entry, path: Path) -> list[Problem]:
        """Warnings for one translated, non-fuzzy message."""
        if self.glossary is None:
            return []
        english, translation = entry.msgid, entry.strings.get(0, "")
        if translation == english:
            return []  # kept as written (a name, a citation): nothing was translated
        line = entry.string_lines.get(0, entry.line)
        found = [
            Problem(
                path,
                line,
                f'the English hedges with "{hedge.english}" and the translation has none of '
                f"{', '.join(repr(w) for w in hedge.translations)}: check it is as careful, "
                f"or add your word to {self.glossary.path.name}",
                warning=True,
            )
            for hedge in lost_hedges(english, translation, self._hedges)
        ]
        found += [
            Problem(
                path,
                line,
                f'"{term.translation}" is ruled out for "{term.english}" by '
                f"{self.glossary.path.name}:{term.line}" + (f": {term.note}" if term.note else ""),
                warning=True,
            )
            for term in forbidden_uses(self.glossary, english, translation)
        ]
        return found
