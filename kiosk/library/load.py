"""The pages and languages the kiosk offers, read and checked in a loader process.

Parsing every page, checking every catalog strictly and reading CLDR (each locale's data
is over a megabyte of Python objects) costs the kiosk's process memory it never gets back
and time on the path to its first frame. So a short-lived process (`python -m
kiosk.library.loader`) does it on the other core while Textual starts, and sends back only what
is kept: first the language names for the first screen, then everything else. If that
process cannot run or answer, the same work is done here instead; the kiosk is only
slower to start and larger.
"""

from __future__ import annotations

import logging
import pickle
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from kiosk.content.pages import Page, load_pages
from kiosk.content.regions import place_names, review_dates
from kiosk.i18n.languages import (
    DOMAINS,
    SOURCE_LANGUAGE,
    Language,
    LoadedLanguage,
    describe_language,
    discover,
    template_keys,
)
from kiosk.i18n.rtl import Drawn, remember, visual_line
from kiosk.logs import describe_error
from kiosk.problems import Problem

T = TypeVar("T")

ANSWER_SECONDS = 20.0
"""How long the loader may take before the kiosk does the work itself."""


@dataclass(frozen=True)
class Request:
    content_dir: Path
    locales_dir: Path
    min_complete: float
    offered: tuple[str, ...] = ()
    review_months: int = 12
    region: str = ""
    """Where the clinic is ([clinic] region): dates are written as people write them there."""


@dataclass(frozen=True)
class Listing:
    """What the first screen needs: each language's name in its own script."""

    english: Language
    others: list[Language]
    drawn: dict[str, Drawn] = field(default_factory=dict)
    """Right-to-left names as drawn (kiosk.i18n.rtl), so the kiosk need not load bidi for them."""


@dataclass(frozen=True)
class Loaded:
    pages: list[Page]
    languages: list[LoadedLanguage]
    problems: list[Problem]
    dates: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    """(language, page id) -> when the page was last reviewed and when its next review is
    due, in words."""
    places: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)
    """(language, region codes) -> the places' names, for every region a page marks."""


_MESSAGE = re.compile(rb"^msgid ", re.MULTILINE)
_EMPTY = re.compile(rb'^msgstr ""\r?\n(?!")', re.MULTILINE)


def _may_be_complete(po: Path, min_complete: float) -> bool:
    """Could this language reach the offer threshold? Counted on the raw file (messages
    against empty translations, no parsing), so a language a translator has only started
    is never on the first screen, not even until the full check drops it."""
    try:
        data = po.read_bytes()
    except OSError:
        return True  # the full check will say what is wrong
    messages = len(_MESSAGE.findall(data)) - 1  # the header is a msgid "" too
    if messages <= 0:
        return True
    return 1 - len(_EMPTY.findall(data)) / messages >= min_complete


def list_languages(request: Request) -> Listing:
    """The languages whose folders hold both catalogs, by name: no catalog is parsed."""
    from kiosk.i18n.po_check import valid_tag

    wanted = set(request.offered)
    found: list[Language] = []
    folders = (
        sorted(p for p in request.locales_dir.iterdir() if p.is_dir())
        if (request.locales_dir.is_dir())
        else []
    )
    for folder in folders:
        tag = folder.name
        if (wanted and tag not in wanted) or not valid_tag(tag):
            continue
        if all(
            (folder / "LC_MESSAGES" / f"{domain}.po").is_file() for domain in DOMAINS
        ) and _may_be_complete(folder / "LC_MESSAGES" / "content.po", request.min_complete):
            found.append(describe_language(tag))
    drawn = {lang.autonym: visual_line(lang.autonym) for lang in found if lang.direction == "rtl"}
    return Listing(describe_language(SOURCE_LANGUAGE), found, drawn)


def load_everything(request: Request) -> Loaded:
    """Every page and usable language, checked, with what each language needs in words:
    each page's review dates and the names of the places its statements hold in."""
    pages, page_problems = load_pages(request.content_dir)
    languages, language_problems = discover(
        request.locales_dir,
        template_keys(pages, request.locales_dir),
        min_complete=request.min_complete,
        offered=request.offered,
    )
    translators: dict[str, Callable[[str], str]] = {SOURCE_LANGUAGE: str}
    for loaded in languages:
        translators[loaded.language.tag] = loaded.translations().gettext
    dates = {
        (tag, page.id): review_dates(page, tag, request.region, request.review_months)
        for tag in translators
        for page in pages
    }
    marked = {block.regions for page in pages for block in page.blocks if block.regions}
    places = {
        (tag, regions): place_names(regions, tag, translate)
        for tag, translate in translators.items()
        for regions in marked
    }
    # Warnings (a language still being translated) are for the translator and `doctor`:
    # the kiosk's staff notice is for what is broken.
    problems = [p for p in [*page_problems, *language_problems] if not p.warning]
    return Loaded(pages, languages, problems, dates, places)


class Library:
    """The loader's answers, waited for by whatever needs them first."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self._listing: Listing | None = None
        self._loaded: Loaded | None = None
        self._listed = threading.Event()
        self._answered = threading.Event()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._closed = False
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "kiosk.library.loader"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # fd 2 is the kiosk's screen
            )
        except OSError as error:
            _log("the loader could not start (%s): loading here", describe_error(error))
            self._listed.set()
            self._answered.set()
            return
        threading.Thread(target=self._receive, name="library", daemon=True).start()

    def _receive(self) -> None:
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        try:
            with process.stdin:
                pickle.dump(self.request, process.stdin)
            self._listing = _expect(process.stdout, Listing)
            remember(self._listing.drawn)
            self._listed.set()
            self._loaded = _expect(process.stdout, Loaded)
        except Exception as error:  # anything at all: the work is done here instead
            if not self._closed:
                _log("the loader gave no usable answer (%s): loading here", describe_error(error))
        finally:
            self._listed.set()
            self._answered.set()
            process.stdout.close()
            process.wait()

    def listing(self) -> Listing:
        if self._listing is None:
            self._listed.wait(ANSWER_SECONDS)
        with self._lock:
            if self._listing is None:
                self._listing = list_languages(self.request)
            return self._listing

    @property
    def is_loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> Loaded:
        if self._loaded is None:
            self._answered.wait(ANSWER_SECONDS)
        with self._lock:
            if self._loaded is None:
                self._loaded = load_everything(self.request)
            return self._loaded

    def load_in_background(self, then: Callable[[], None]) -> None:
        """Wait for everything on a thread, then call `then` (on that thread)."""

        def run() -> None:
            try:
                self.load()
            except Exception as error:  # the next caller tries again, and reports it
                _log("loading pages and languages failed: %s", describe_error(error))
                return
            then()

        threading.Thread(target=run, name="library-wait", daemon=True).start()

    def close(self) -> None:
        """The kiosk is stopping: the loader is not waited for."""
        self._closed = True
        if self._process is not None and self._process.poll() is None:
            self._process.kill()


def _expect(stream: IO[bytes], kind: type[T]) -> T:
    # The loader is this same package, run by this same interpreter: its pickles are
    # trusted as much as the kiosk's own code.
    answer: Any = pickle.load(stream)
    if not isinstance(answer, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(answer).__name__}")
    return answer


def _log(message: str, *args: object) -> None:
    logging.getLogger("als-kiosk").warning(message, *args)
