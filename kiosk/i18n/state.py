"""The language the kiosk is in, and what it has built for it.

One per App, kept out of it so that it can be tested without a screen: the language in
force, the languages offered (from the folders at first, from the full check once it is
in), the pages in that language arranged for the clinic's place, how a line of it is
drawn, and what is forgotten at the idle reset so that the next person starts from the
same memory as the first.

It reads the library (kiosk.library.load) through the small protocols below: the library
sits a layer above this package, so it is described here rather than imported.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from kiosk.content.pages import Page
from kiosk.content.regions import arrange
from kiosk.i18n.languages import Language, LoadedLanguage
from kiosk.i18n.rtl import visual_line
from kiosk.translate import SOURCE_LANGUAGE, activate
from kiosk.upstream.babel import release_locale_data

if TYPE_CHECKING:
    from kiosk.config.clinic import Settings


class Listed(Protocol):
    """The languages by name, known at once (kiosk.library.load.Listing)."""

    @property
    def english(self) -> Language: ...

    @property
    def others(self) -> list[Language]: ...


class Checked(Protocol):
    """Everything, once checked (kiosk.library.load.Loaded)."""

    @property
    def pages(self) -> list[Page]: ...

    @property
    def languages(self) -> list[LoadedLanguage]: ...

    @property
    def dates(self) -> Mapping[tuple[str, str], tuple[str, str]]: ...

    @property
    def places(self) -> Mapping[tuple[str, tuple[str, ...]], str]: ...


class Shelf(Protocol):
    """Where the pages and languages come from (kiosk.library.load.Library)."""

    @property
    def is_loaded(self) -> bool: ...

    def listing(self) -> Listed: ...

    def load(self) -> Checked: ...


class LanguageState:
    """The interface and pages in one language at a time, English until `use` says
    otherwise."""

    def __init__(
        self,
        library: Shelf,
        *,
        default: str,
        region: str = "",
        review_months: int = 12,
        reorders_rtl: bool = True,
    ) -> None:
        self.library = library
        self.default = default
        """The clinic's language: where each person starts."""
        self.region = region
        self.review_months = review_months
        self.reorders_rtl = reorders_rtl
        """False where the terminal does bidi itself (config [display] bidi = "terminal")."""
        self.tag = SOURCE_LANGUAGE
        """The language in force."""
        self._loaded: dict[str, LoadedLanguage] | None = None
        self._localised: dict[str, list[Page]] = {}

    @classmethod
    def for_clinic(cls, library: Shelf, settings: Settings) -> LanguageState:
        """As the clinic's config says: its language, its place, how often pages are
        reviewed, and whether the app or the terminal does bidi."""
        clinic = settings.clinic
        return cls(
            library,
            default=settings.language.default,
            region=clinic.region,
            review_months=int(clinic.review_months),
            reorders_rtl=settings.display.bidi == "app",
        )

    @property
    def pages(self) -> list[Page]:
        """The English pages (waits for the library, the first time)."""
        return self.library.load().pages

    @property
    def loaded(self) -> dict[str, LoadedLanguage]:
        """Every usable language but English, checked (waits for the library)."""
        if self._loaded is None:
            checked = self.library.load().languages
            self._loaded = {language.language.tag: language for language in checked}
        return self._loaded

    def offered(self) -> list[Language]:
        """English first, then the others; before the library is loaded, those whose
        files are there (the list is corrected when the check is in)."""
        listing = self.library.listing()
        if self.library.is_loaded:
            return [listing.english, *(loaded.language for loaded in self.loaded.values())]
        return [listing.english, *listing.others]

    def current(self) -> Language:
        if self.tag == SOURCE_LANGUAGE:
            return self.library.listing().english
        return self.loaded[self.tag].language

    def use(self, tag: str) -> None:
        """Interface and pages in `tag` (English when it is not offered)."""
        loaded = None if tag == SOURCE_LANGUAGE else self.loaded.get(tag)
        self.tag = tag if loaded is not None else SOURCE_LANGUAGE
        activate(loaded.translations() if loaded is not None else gettext.NullTranslations())

    def localised_pages(self) -> list[Page]:
        """The pages in the language in force, each arranged for the clinic's place."""
        if self.tag not in self._localised:
            loaded = self.loaded.get(self.tag)
            pages = [loaded.localise(page) for page in self.pages] if loaded else self.pages
            self._localised[self.tag] = [
                replace(page, blocks=arrange(page.blocks, self.region)) for page in pages
            ]
        return self._localised[self.tag]

    def review_dates(self, page: Page) -> tuple[str, str]:
        """When the page was last reviewed and when it is next due, in the page's language."""
        written = self.library.load().dates.get((page.lang, page.id))
        if written is None:
            from kiosk.content.regions import review_dates

            written = review_dates(page, page.lang, self.region, self.review_months)
        return written

    def place_names(self, regions: tuple[str, ...], lang: str) -> str:
        """The places a statement holds in, named in `lang` (the block's language)."""
        names = self.library.load().places.get((lang, regions))
        if names is None:
            from kiosk.content.regions import place_names
            from kiosk.translate import _

            names = place_names(regions, lang, _ if lang == self.tag else str)
        return names

    def as_drawn(self, line: str) -> str:
        """A one-line interface text as it must be drawn: reordered for right-to-left
        languages unless the terminal does bidi itself."""
        if self.reorders_rtl and self.current().direction == "rtl":
            return visual_line(line)[0]
        return line

    def forget_others(self) -> None:
        """Drop what was built for the last person's language: the next person starts
        from the same memory as the first did."""
        kept = self.default
        self._localised = {tag: pages for tag, pages in self._localised.items() if tag == kept}
        release_locale_data(keep=(SOURCE_LANGUAGE, kept))
