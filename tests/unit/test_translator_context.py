"""Every interface string tells its translator where it shows, that it is read aloud and
how much room it has; the template points at its line of code."""

from __future__ import annotations

from pathlib import Path

import kiosk
from kiosk.content.pages import load_pages
from kiosk.i18n.catalogs import content_template, ui_template
from tests.conftest import CONTENT


def test_every_interface_string_has_context_and_a_line() -> None:
    catalog = ui_template(Path(kiosk.__file__).parent)
    messages = [message for message in catalog if message.id]
    assert len(messages) > 40
    for message in messages:
        comment = " ".join(message.auto_comments)
        assert comment.startswith("TRANSLATORS:"), message.id
        assert all(line for _, line in message.locations), message.id


def test_spoken_controls_say_they_are_spoken_and_how_wide_they_may_be() -> None:
    catalog = ui_template(Path(kiosk.__file__).parent)
    for label in ("Next sentence", "Read/Pause", "Quieter"):
        comment = " ".join(catalog[label].auto_comments)
        assert "read aloud" in comment and "cells" in comment and "abbreviation" in comment


def test_a_menu_label_and_a_heading_with_the_same_words_are_two_messages() -> None:
    pages, _ = load_pages(CONTENT)
    catalog = content_template(pages, CONTENT)
    label = catalog.get("Who gets ALS?", "who-gets-als|menu")
    heading = catalog.get("Who gets ALS?", "who-gets-als")
    assert label is not None and heading is not None
    assert "cells" in " ".join(label.auto_comments)
    assert heading.auto_comments == ["heading"]


def test_citations_are_not_in_the_template() -> None:
    pages, _ = load_pages(CONTENT)
    catalog = content_template(pages, CONTENT)
    assert not any("https://" in message.id for message in catalog if message.id)
