"""The sanitiser: nothing that could drive the terminal survives, and ordinary text is kept."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.text import MAX_BLOCK_CHARS, clip, sanitise, unsafe_characters

BIDI_AND_INVISIBLE = set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u2060\ufeff\u00ad"
)

ATTACKS = [
    "\x1b[2J\x1b[H",  # clear screen, cursor home
    "\x1b]0;owned\x07",  # set window title (OSC 0)
    "\x1b]52;c;ZXZpbA==\x07",  # write the clipboard (OSC 52)
    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",  # hyperlink (OSC 8)
    "\x1bP+q544e\x1b\\",  # DCS request
    "\x9b31m",  # 8-bit CSI
    "\x9d0;title\x9c",  # 8-bit OSC
    "\u202eevil\u202c",  # right-to-left override
]


def test_escape_sequences_are_removed_whole() -> None:
    for attack in ATTACKS:
        cleaned = sanitise("before " + attack + " after")
        assert "\x1b" not in cleaned and not any(0x80 <= ord(c) <= 0x9F for c in cleaned)
        assert cleaned.startswith("before ") and cleaned.endswith(" after")
        # No debris of the sequence's parameters is left to be shown either.
        assert "52;c" not in cleaned and "0;owned" not in cleaned and "2J" not in cleaned


def test_ordinary_multilingual_text_is_kept() -> None:
    for text in [
        "ALS — “motor neurone disease”, 5–10%.",
        "La ELA afecta a las neuronas motoras.",
        "التصلب الجانبي الضموري",
        "肌萎缩侧索硬化症（ALS）。",
        "मोटर न्यूरॉन",  # needs ZWJ/ZWNJ-free Devanagari
        "می‌خواهم",  # Persian with ZWNJ, which must stay
    ]:
        assert sanitise(text) == unicodedata.normalize("NFC", text)


def test_newlines_become_spaces_unless_kept() -> None:
    assert sanitise("one\ntwo\r\nthree\tfour") == "one two three four"
    assert sanitise("one\r\ntwo", keep_newlines=True) == "one\ntwo"


@given(st.text())
def test_no_control_bidi_or_invisible_character_survives(text: str) -> None:
    cleaned = sanitise(text)
    for ch in cleaned:
        assert unicodedata.category(ch) != "Cc", repr(ch)
        assert ch not in BIDI_AND_INVISIBLE, repr(ch)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_sanitising_twice_changes_nothing(text: str) -> None:
    once = sanitise(text)
    assert sanitise(once) == once


def test_overlong_blocks_are_cut_with_a_mark() -> None:
    cut = clip("a" * (MAX_BLOCK_CHARS * 3))
    assert len(cut) == MAX_BLOCK_CHARS and cut.endswith("…")


def test_unsafe_characters_are_named_for_translators() -> None:
    assert unsafe_characters("ok\x1b[31m\u202e") == [
        "U+001B control character",
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ]
