"""The library loader: pages and languages read in a separate process, the same answer as
reading them here, and the kiosk still starts when that process cannot help."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest

from kiosk.library.load import Library, Request, list_languages, load_everything
from kiosk.speech.sentences import pysbd_sentences, split_sentences
from tests.conftest import CONTENT, LOCALES


def broken_locales(tmp_path: Path) -> Path:
    """The shipped languages, with French's interface catalog broken."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    broken = locales / "fr" / "LC_MESSAGES" / "kiosk.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unterminated\n')
    return locales


def summary(library_answer: object) -> object:
    from kiosk.library.load import Loaded

    assert isinstance(library_answer, Loaded)
    return (
        [page.id for page in library_answer.pages],
        {
            loaded.language.tag: (loaded.language.completeness, len(loaded.content))
            for loaded in library_answer.languages
        },
        [str(problem) for problem in library_answer.problems],
        library_answer.dates,
        library_answer.places,
    )


def test_the_loader_process_answers_as_loading_here_would(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    request = Request(CONTENT, broken_locales(tmp_path), min_complete=0.8)
    with caplog.at_level(logging.WARNING):
        library = Library(request)
        listing = library.listing()
        loaded = library.load()
    # No fallback was logged: the answers came from the loader process.
    assert not [r for r in caplog.records if "loader" in r.getMessage()]
    assert listing == list_languages(request)
    assert [language.tag for language in listing.others] == ["ar", "es", "fr", "pt_BR", "zh_Hans"]
    assert summary(loaded) == summary(load_everything(request))
    assert "fr" not in {language.language.tag for language in loaded.languages}
    assert any("kiosk.po" in str(problem) for problem in loaded.problems)
    assert loaded.dates[("es", "stem-cells")] != loaded.dates[("en", "stem-cells")]
    assert loaded.places[("es", ("GB",))] == "Reino Unido"


def test_without_the_loader_process_the_kiosk_loads_everything_itself(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = Request(CONTENT, LOCALES, min_complete=0.8)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python-here"))
    with caplog.at_level(logging.WARNING):
        library = Library(request)
        loaded = library.load()
    assert any("loader could not start" in r.getMessage() for r in caplog.records)
    assert summary(loaded) == summary(load_everything(request))
    assert library.listing() == list_languages(request)


def test_a_loader_that_dies_midway_is_replaced_by_loading_here(
    caplog: pytest.LogCaptureFixture,
) -> None:
    request = Request(CONTENT, LOCALES, min_complete=0.8)
    with caplog.at_level(logging.WARNING):
        library = Library(request)
        library.listing()
        process = library._process
        assert process is not None
        process.kill()  # before (or while) it sends the pages
        loaded = library.load()
    expected = load_everything(request)
    assert [page.id for page in loaded.pages] == [page.id for page in expected.pages]


@pytest.mark.slow  # pysbd over every block of every language
def test_sentences_without_a_sentence_end_inside_skip_pysbd_with_the_same_result() -> None:
    """The shortcut for one-sentence texts (item names, headings) agrees with pysbd on
    every block of every shipped language."""
    loaded = load_everything(Request(CONTENT, LOCALES, min_complete=0.0))
    texts = [(block.text, "en") for page in loaded.pages for block in page.blocks]
    for language in loaded.languages:
        for page in loaded.pages:
            localised = language.localise(page)
            texts += [(block.text, block.lang) for block in localised.blocks]
    assert len(texts) > 1000
    for text, lang in texts:
        assert split_sentences(text, lang) == pysbd_sentences(text, lang), text
