"""Terminology lists in TBX (kiosk.i18n.glossary): read safely, forbidden terms found."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.i18n.glossary import forbidden_uses, read_glossary

FRENCH = """<?xml version="1.0" encoding="utf-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>ALS kiosk, fr</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="mnd">
        <descrip>Motor neurone disease, the UK name for ALS.</descrip>
        <langSet xml:lang="en"><tig><term>MND</term></tig></langSet>
        <langSet xml:lang="fr"><tig><term>maladie du motoneurone</term></tig></langSet>
      </termEntry>
      <termEntry id="mnd-forbidden">
        <langSet xml:lang="en"><tig><term>MND</term></tig></langSet>
        <langSet xml:lang="fr">
          <tig>
            <term>MND</term>
            <termNote type="administrativeStatus">forbidden</termNote>
            <note from="translator">Not a French name: write « maladie du motoneurone ».</note>
          </tig>
        </langSet>
      </termEntry>
      <termEntry id="about">
        <langSet xml:lang="en"><tig><term>about</term></tig></langSet>
        <langSet xml:lang="fr"><tig><term>environ</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.tbx"
    path.write_text(text, encoding="utf-8")
    return path


def test_terms_and_their_status_are_read(tmp_path: Path) -> None:
    glossary, problems = read_glossary(write(tmp_path, FRENCH), "fr")
    assert problems == [] and glossary is not None
    assert glossary.words_for("about") == ["environ"]
    assert [(t.english, t.translation, t.line) for t in glossary.forbidden()] == [
        ("MND", "MND", 11)
    ]


def test_the_english_acronym_as_the_french_disease_name_is_found(tmp_path: Path) -> None:
    glossary, _ = read_glossary(write(tmp_path, FRENCH), "fr")
    assert glossary is not None
    english = "About half of people with MND have some change in thinking."
    used = forbidden_uses(glossary, english, "Environ la moitié des personnes atteintes de MND…")
    assert [term.translation for term in used] == ["MND"]


@pytest.mark.parametrize(
    ("english", "translation"),
    [
        ("In the UK it is called MND.", "Au Royaume-Uni, on dit « MND »."),
        ("The MND Association can help.", "La MND Association peut vous aider."),
        ("Ask your care team.", "Demandez à votre équipe soignante (MND)."),
    ],
)
def test_a_quoted_mention_a_name_or_another_message_is_not_a_use(
    tmp_path: Path, english: str, translation: str
) -> None:
    glossary, _ = read_glossary(write(tmp_path, FRENCH), "fr")
    assert glossary is not None
    assert forbidden_uses(glossary, english, translation) == []


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ('<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY x "y">]>\n<martif/>', 2, "DTD"),
        ("<martif>\n<text>\n</martif>", 3, "not well-formed"),
        (
            '<martif><text><body>\n<termEntry>\n<langSet xml:lang="en"><tig><term>a</term>'
            "</tig></langSet></termEntry></body></text></martif>",
            2,
            "needs an English term and a term",
        ),
    ],
)
def test_a_broken_or_hostile_glossary_is_refused_at_its_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    _, problems = read_glossary(write(tmp_path, text), "fr")
    assert [(p.line, says in p.message) for p in problems] == [(line, True)]


def test_bidi_tricks_in_a_term_never_reach_the_screen(tmp_path: Path) -> None:
    hostile = FRENCH.replace("environ", "envi&#x202e;ron")
    glossary, _ = read_glossary(write(tmp_path, hostile), "fr")
    assert glossary is not None
    assert glossary.words_for("about") == ["environ"]


def test_an_escape_character_is_not_xml_and_is_refused_at_its_line(tmp_path: Path) -> None:
    hostile = FRENCH.replace("environ", "envi&#x1b;[31mron")
    glossary, problems = read_glossary(write(tmp_path, hostile), "fr")
    assert glossary is None
    assert [(p.line, "not well-formed" in p.message) for p in problems] == [(23, True)]


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = write(tmp_path, "<martif>" + " " * (2 << 20) + "</martif>")
    glossary, problems = read_glossary(path, "fr")
    assert glossary is None and "KiB" in problems[0].message


ARABIC = """<martif type="TBX" xml:lang="en"><text><body>
<termEntry><langSet xml:lang="en"><tig><term>switch</term></tig></langSet>
<langSet xml:lang="ar"><tig><term>مفتاح تبديل</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="en"><tig><term>switch</term></tig></langSet>
<langSet xml:lang="ar"><tig><term>مفتاح</term>
<termNote type="administrativeStatus">forbidden</termNote></tig></langSet></termEntry>
</body></text></martif>"""


def test_a_forbidden_word_inside_the_allowed_term_is_no_use(tmp_path: Path) -> None:
    glossary, _ = read_glossary(write(tmp_path, ARABIC), "ar")
    assert glossary is not None
    assert forbidden_uses(glossary, "One switch", "مفتاح تبديل واحد") == []
    assert [t.translation for t in forbidden_uses(glossary, "One switch", "مفتاح واحد")] == [
        "مفتاح"
    ]
