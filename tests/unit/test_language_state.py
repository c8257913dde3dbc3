"""The language state (kiosk.i18n.state), without a screen: which languages are offered,
which is in force, and what is built for it and forgotten after each person."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest

from kiosk.config.clinic import ClinicSettings, DisplaySettings, LanguageSettings, Settings
from kiosk.content.regions import arrange, review_dates
from kiosk.i18n.languages import describe_language
from kiosk.i18n.rtl import visual_line
from kiosk.i18n.state import LanguageState
from kiosk.library.load import Listing, Loaded, Request, list_languages, load_everything
from kiosk.translate import _, activate
from kiosk.upstream.babel import release_locale_data
from tests.conftest import CONTENT, LOCALES

REGION = "GB"


@dataclass
class Shelf:
    """A library that has answered (or not yet) with what it was given."""

    listed: Listing
    checked: Loaded
    is_loaded: bool = True
    loads: list[int] = field(default_factory=list)

    def listing(self) -> Listing:
        return self.listed

    def load(self) -> Loaded:
        self.loads.append(1)
        return self.checked


@pytest.fixture(scope="module")
def shipped() -> Iterator[tuple[Listing, Loaded]]:
    request = Request(CONTENT, LOCALES, min_complete=0.8, region=REGION)
    yield list_languages(request), load_everything(request)
    release_locale_data(keep=("en",))  # CLDR data read here is not left to later tests


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    activate(gettext.NullTranslations())  # the interface language is process-wide


def state_of(shelf: Shelf, *, default: str = "en", reorders_rtl: bool = True) -> LanguageState:
    return LanguageState(
        shelf, default=default, region=REGION, review_months=12, reorders_rtl=reorders_rtl
    )


def test_the_folders_are_offered_until_the_check_is_in_then_the_languages_that_passed(
    shipped: tuple[Listing, Loaded],
) -> None:
    listing, loaded = shipped
    german = describe_language("de")  # its folder is there, its files fail the check
    shelf = Shelf(replace(listing, others=[*listing.others, german]), loaded, is_loaded=False)
    state = state_of(shelf)
    assert [language.tag for language in state.offered()][-1] == "de"
    assert not shelf.loads  # the first screen never waits for the check
    shelf.is_loaded = True
    assert [language.tag for language in state.offered()] == [
        "en", "ar", "es", "fr", "pt_BR", "zh_Hans",
    ]  # fmt: skip


def test_a_language_in_use_is_the_interfaces_and_the_pages(
    shipped: tuple[Listing, Loaded],
) -> None:
    state = state_of(Shelf(*shipped))
    assert state.tag == "en" and state.current().autonym == "English"
    state.use("es")
    assert state.tag == "es" and state.current().autonym == "Español"
    assert _("Settings") != "Settings"
    assert {page.lang for page in state.localised_pages()} == {"es"}
    state.use("de")  # not offered: English, not a half-switched kiosk
    assert state.tag == "en" and _("Settings") == "Settings"
    assert state.localised_pages()[0].title == "What is ALS?"


def test_pages_are_arranged_for_the_clinics_place_and_built_once(
    shipped: tuple[Listing, Loaded],
) -> None:
    listing, loaded = shipped
    state = state_of(Shelf(listing, loaded))
    pages = state.localised_pages()
    assert [page.blocks for page in pages] == [
        arrange(page.blocks, REGION) for page in loaded.pages
    ]
    assert state.localised_pages() is pages


def test_after_a_person_only_the_clinics_language_is_kept_built(
    shipped: tuple[Listing, Loaded],
) -> None:
    state = state_of(Shelf(*shipped), default="fr")
    state.use("fr")
    french = state.localised_pages()
    state.use("es")
    spanish = state.localised_pages()
    state.forget_others()
    state.use("fr")
    assert state.localised_pages() is french
    state.use("es")
    assert state.localised_pages() is not spanish
    assert state.localised_pages() == spanish


def test_dates_and_places_come_from_the_check_or_are_worked_out_the_same_way(
    shipped: tuple[Listing, Loaded],
) -> None:
    listing, loaded = shipped
    checked = state_of(Shelf(listing, loaded))
    missing = state_of(Shelf(listing, replace(loaded, dates={}, places={})))
    for state in (checked, missing):
        state.use("es")
        page = state.localised_pages()[0]
        assert state.review_dates(page) == review_dates(page, "es", REGION, 12)
        assert state.place_names(("GB",), "es") == "Reino Unido"
    assert checked.review_dates(page) == loaded.dates[("es", page.id)]


def test_interface_lines_are_reordered_for_right_to_left_unless_the_terminal_does_it(
    shipped: tuple[Listing, Loaded],
) -> None:
    line = "معلومات عن التصلب"
    for reorders, expected in ((True, visual_line(line)[0]), (False, line)):
        state = state_of(Shelf(*shipped), reorders_rtl=reorders)
        assert state.as_drawn(line) == line  # English in force: nothing to reorder
        state.use("ar")
        assert state.as_drawn(line) == expected


def test_the_clinics_config_says_where_the_kiosk_starts_and_who_does_bidi(
    shipped: tuple[Listing, Loaded],
) -> None:
    settings = Settings(
        clinic=ClinicSettings(region="IE", review_months=6),
        display=DisplaySettings(bidi="terminal"),
        language=LanguageSettings(default="fr"),
    )
    state = LanguageState.for_clinic(Shelf(*shipped), settings)
    assert (state.default, state.region, state.review_months) == ("fr", "IE", 6)
    assert not state.reorders_rtl and state.tag == "en"  # until the App uses the default
