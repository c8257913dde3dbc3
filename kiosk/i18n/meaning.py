"""Does a translation still say what the English says? Numbers and hedges.

A medical kiosk must never show a number the English does not: "about 49% to about 58%"
once became "von 49 % auf 85 %" and passed every other check. So every number written in
digits in the English must be in the translation, allowing the language's own decimal
mark and digit grouping ("1.7" is "1,7" in Spanish, "100,000" is "100 000" in French).
translate-toolkit's `numbers` check compares digit strings literally and flags every
correct decimal comma (docs/dependencies.md), so it cannot do this job.

Some languages must write a number in words (Arabic writes "in their 50s" as
الخمسينيات). The translator then says so in a translator comment, which every PO editor
keeps (GNU gettext drops unknown flags):

    # numbers in words: 50 = الخمسينيات; 70 = السبعينيات

and the check accepts the number when those words are in the translation.

Hedges ("about", "may", "up to", "most often") are checked against the words the
language's glossary gives for them; a lost hedge is a warning for the reviewer, not an
error, because a language can hedge in ways no word list catches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

WORDS_NOTE = "numbers in words:"
"""How a translator comment that maps numbers to words begins."""

_NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>]*>|https?://\S+|doi:\S+|tel:\S+", re.IGNORECASE)
"""Link targets and addresses: their digits are not numbers a reader is told."""

_ENGLISH_TIME = re.compile(r"(?<![\d.])(\d{1,2})[.:](\d{2})\s?([ap])\.?m\b", re.IGNORECASE)
"""A time of day as English writes it: 4.30pm, 9:15 a.m."""
_ENGLISH_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
"""A number as English writes it: 7, 1.7, 1,282, 100,000.5."""

_SEPARATORS = ".,' \u00a0\u202f\u066b\u066c"
"""What may sit between digits of one number in a translation: point, comma, apostrophe
(Swiss), space, no-break space, narrow no-break space, Arabic decimal and thousands marks."""
_TRANSLATED_NUMBER = re.compile(rf"\d+(?:[{_SEPARATORS}]\d+)*")
_WORDS_PAIR = re.compile(r"(\d[\d.,]*)\s*=\s*([^;]+)")


_ANY_DIGIT = re.compile(r"\d")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and full-width digits as 0-9, so "٢٥" is "25"."""
    return _OTHER_DIGIT.sub(lambda match: str(unicodedata.digit(match.group())), text)


def _prose(markdown: str) -> str:
    return _NOT_PROSE.sub(" ", markdown)


@lru_cache(maxsize=4096)
def english_numbers(markdown: str) -> tuple[str, ...]:
    """Each number in the English, as plain digits with a point for the decimal mark.
    A time of day is one item, "4.30pm"; other languages write it in their own way."""
    prose = _prose(markdown)
    times = [match.group(0) for match in _ENGLISH_TIME.finditer(prose)]
    rest = _ENGLISH_TIME.sub(" ", prose)
    numbers = [match.replace(",", "") for match in _ENGLISH_NUMBER.findall(rest)]
    return (*times, *numbers)


def _time_is_there(time: str, readings: set[str]) -> bool:
    """A time is kept when its hour (on a 12- or 24-hour clock) and its minutes are both
    there: "4:30", "16 h 30", "4 heures 30", "下午4点30分"."""
    match = _ENGLISH_TIME.match(time)
    if match is None:
        return False
    hour, minutes, half = int(match.group(1)), match.group(2), match.group(3).lower()
    hours = {str(hour), str(hour + 12 if half == "p" and hour < 12 else hour)}
    return minutes in readings and bool(hours & readings)


def translated_numbers(markdown: str) -> set[str]:
    """Every reading of the numbers in a translation: each run of digits, and each run of
    digits and separators read with either mark as the decimal one and the others as
    grouping. Generous on purpose: the check asks only whether the English number is
    there, and a changed or missing number matches no reading."""
    readings: set[str] = set()
    for token in _TRANSLATED_NUMBER.findall(_ascii_digits(_prose(markdown))):
        parts = re.split(rf"([{_SEPARATORS}])", token)
        digits, separators = parts[0::2], parts[1::2]
        readings.update(digits)
        readings.add("".join(digits))
        if separators:
            whole, fraction = "".join(digits[:-1]), digits[-1]
            readings.add(f"{whole}.{fraction}")
            # A number inside a longer run: "0808 802 6262" holds 0808, 802 and 6262;
            # "1,5 a 2,5" holds 1.5 and 2.5.
            for start in range(len(digits)):
                for end in range(start + 1, len(digits) + 1):
                    run = digits[start:end]
                    readings.add("".join(run))
                    if len(run) > 1:
                        readings.add("".join(run[:-1]) + "." + run[-1])
    return readings


def words_for_numbers(translator_comments: Iterable[str]) -> dict[str, list[str]]:
    """The translator's "numbers in words: 50 = …; 70 = …" comment, as {"50": [words]}."""
    found: dict[str, list[str]] = {}
    for comment in translator_comments:
        text = comment.strip()
        if not text.lower().startswith(WORDS_NOTE):
            continue
        for number, words in _WORDS_PAIR.findall(text[len(WORDS_NOTE) :]):
            found.setdefault(number.replace(",", ""), []).append(words.strip())
    return found


def missing_numbers(
    english: str, translation: str, translator_comments: Iterable[str] = ()
) -> list[str]:
    """Numbers of the English that the translation does not have, in the English's order
    (each at most once)."""
    numbers = english_numbers(english) if _ANY_DIGIT.search(english) else ()
    if not numbers:
        return []
    present = translated_numbers(translation)
    in_words = words_for_numbers(translator_comments)
    missing: list[str] = []
    for number in numbers:
        if number in present or number in missing or _time_is_there(number, present):
            continue
        if any(words in translation for words in in_words.get(number, [])):
            continue
        missing.append(number)
    return missing


@dataclass(frozen=True)
class Hedge:
    """An English hedge and the words the language's glossary gives for it."""

    english: str
    translations: tuple[str, ...]


_QUANTITY = r"(?:\d|half|a third|a quarter|one in|a few|twice|double)"
HEDGES = {
    # Approximations count only before a quantity: "information about ALS" is no hedge.
    "about": rf"about (?={_QUANTITY})",
    "around": rf"around (?={_QUANTITY})",
    "approximately": "approximately",
    "nearly": "nearly",
    "almost": "almost",
    "up to": rf"up to (?={_QUANTITY})",
    "at least": "at least",
    "more than": rf"more than (?={_QUANTITY})",
    "less than": rf"less than (?={_QUANTITY})",
    "fewer than": "fewer than",
    # Lower case only: "May" is a month.
    "may": "(?-i:may)(?!\\w)",
    "might": "might",
    "most often": "most often",
    "often": r"(?<!how )(?<!most )often",
    "usually": "usually",
    # Not "as likely" or "more likely", which compare rather than hedge.
    "likely": r"(?<!un)(?<!as )(?<!more )(?<!less )likely",
    "probably": "probably",
    "possibly": "possibly",
}
"""The words by which the English says a statement is approximate or not certain, each
with the pattern that tells a hedge from the same word in another sense."""

_HEDGE_PATTERNS = {
    # A pattern that ends by looking at the quantity ("about (?=5)") has its own end.
    hedge: re.compile(rf"(?<!\w){pattern}" + ("" if pattern.endswith(")") else r"(?!\w)"), re.I)
    for hedge, pattern in HEDGES.items()
}


@lru_cache(maxsize=4096)
def hedges_in(english: str) -> tuple[str, ...]:
    """The hedges the English uses ("most often" is one hedge, not also "often")."""
    prose = _prose(english)
    return tuple(hedge for hedge in HEDGES if _HEDGE_PATTERNS[hedge].search(prose))


def lost_hedges(
    english: str, translation: str, glossary: Mapping[str, Iterable[str]]
) -> list[Hedge]:
    """Hedges of the English for which the glossary gives words and the translation has
    none of them. A hedge the glossary has no words for cannot be checked and is skipped
    (the glossary, not this code, knows the language)."""
    lost: list[Hedge] = []
    folded = translation.casefold()
    for hedge in hedges_in(english):
        words = tuple(glossary.get(hedge, ()))
        if words and not any(word.casefold() in folded for word in words):
            lost.append(Hedge(hedge, words))
    return lost
