"""Speech says it right (issue #16): lexicons, numbers, phone numbers, the check, `say`.

Phoneme-level tests against the real engine (eSpeak NG 1.52 from espeakng-loader, whose
phonemes are byte-identical from run to run): the text as the kiosk prepares it, in its
worker, and the phonemes the engine makes of it, in each language's own voice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.content.layout import _break_allowed, wrap
from kiosk.content.pages import Run, parse_inline
from kiosk.i18n.misreadings import said_by, spelled
from kiosk.ops.checks import check_all
from kiosk.ops.doctor import _pronunciation
from kiosk.speech.controls import match_voice
from kiosk.speech.lexicon import MAX_BYTES, read_lexicon
from kiosk.speech.numbers import phone_digits, speakable_numbers
from kiosk.speech.reader import EventKind, SpeechEvent, SpeechReader, utterances_for
from kiosk.speech.spoken import Lexicons, Pronunciation
from kiosk.speech.worker import Synthesiser
from tests.conftest import CONTENT, LOCALES, REPO

LANGUAGES = ("en", "es", "fr", "pt_BR", "ar", "zh_Hans")
LATIN = ("en", "es", "fr", "pt_BR")
PHONE = "0808 802 6262"
SHIPPED = Lexicons(CONTENT, LOCALES)


@pytest.fixture(scope="module")
def synth() -> Iterator[Synthesiser]:
    synthesiser = Synthesiser(lexicons=SHIPPED)
    synthesiser.start()
    yield synthesiser
    synthesiser.close()


def voice(synth: Synthesiser, lang: str) -> str:
    info = synth.info or synth.start()
    found = match_voice(lang, info.languages)
    assert found is not None
    return found


def raw(synth: Synthesiser, text: str, lang: str) -> str:
    """The phonemes of the text as shown: what the engine said before the kiosk prepared it."""
    return synth.phonemes(text, voice(synth, lang), ipa=True)


def said(
    synth: Synthesiser, text: str, lang: str, phones: tuple[tuple[int, int], ...] = ()
) -> tuple[str, str]:
    """The text as the kiosk gives it to the engine, and the phonemes of that."""
    spoken = synth.prepare(text, lang, phones)
    return spoken, synth.phonemes(spoken, voice(synth, lang), ipa=True)


def unstressed(phonemes: str) -> str:
    """Sounds only: a number said in digits and in words differ in stress alone."""
    return phonemes.replace("ˈ", "").replace("ˌ", "")


def unmarked(phonemes: str) -> str:
    return re.sub(r"\([a-z-]+\)", "", phonemes)


# ----------------------------------------------------------------------------- the cases


def test_english_als_before_a_comma_is_spelled_not_the_word_als(synth: Synthesiser) -> None:
    text = "In ALS, the motor neurones stop working properly."
    assert raw(synth, text, "en").startswith("ɪn ˈalz | ")
    spoken, phonemes = said(synth, text, "en")
    assert spoken == "In A.L.S, the motor neurones stop working properly."
    assert phonemes == "ɪn ˌeɪˌɛlˈɛs | ðə mˈəʊtə njˈuːɹəʊnz stˈɒp wˈɜːkɪŋ pɹˈɒpəli"


def test_english_heading_als_and_mnd_is_spelled(synth: Synthesiser) -> None:
    assert raw(synth, "ALS and MND", "en") == "ˈalz and ˌɛmˌɛndˈiː"
    assert said(synth, "ALS and MND", "en")[1] == "ˌeɪˌɛlˈɛs and ˌɛmˌɛndˈiː"


def test_english_isscr_is_spelled(synth: Synthesiser) -> None:
    assert raw(synth, "ISSCR", "en") == "ˈɪskə"
    assert said(synth, "ISSCR", "en")[1] == "ˌaɪˌɛsˈɛssˌiːˈɑː"
    assert said(synth, "The ISSCR says so.", "en")[1] == "ðɪ ˌaɪˌɛsˈɛssˌiːˈɑː sˈɛz sˈəʊ"


def test_spanish_100_000_is_one_hundred_thousand(synth: Synthesiser) -> None:
    assert raw(synth, "100 000", "es") == "θjˈen θˈeɾoθˈeɾo θˈeɾo"  # cien cero cero cero
    assert said(synth, "100 000", "es") == ("100000", "θjˈen mˈil")


def test_french_sla_is_spelled(synth: Synthesiser) -> None:
    assert raw(synth, "SLA", "fr") == "slˈa"
    assert said(synth, "SLA", "fr")[1] == "ˌɛsˌɛlˈa"


def test_chinese_percent_stays_in_the_mandarin_voice(synth: Synthesiser) -> None:
    assert raw(synth, "67%", "zh_Hans") == "lˈiou5s.i.ɜtɕhˌi5 (en)pəsˈɛnt(cmn)"
    spoken, phonemes = said(synth, "67%", "zh_Hans")
    assert spoken == "百分之67"
    assert phonemes == "pˈai2 fˈə5n ts.ˈi.5 lˈiou5s.i.ɜtɕhˌi5"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_phone_number_is_read_digit_by_digit_in_its_groups(synth: Synthesiser, lang: str) -> None:
    before = raw(synth, PHONE, lang)
    spoken, phonemes = said(synth, PHONE, lang, ((0, len(PHONE)),))
    assert spoken == "0 8 0 8, 8 0 2, 6 2 6 2"
    assert phonemes == raw(synth, "0 8 0 8, 8 0 2, 6 2 6 2", lang)
    assert phonemes.count(" | ") == 2 and " | " not in before  # a pause between groups
    assert len(phonemes.split()) > len(before.split())  # digits, not "eight hundred and two"


# --------------------------------------------------------------------- each class, each language

SPELLED_ACRONYM = {
    "en": ("In ALS, the motor neurones stop working properly.", "ALS"),
    "es": ("En la EMN, las neuronas motoras dejan de funcionar.", "EMN"),
    "fr": ("Dans la SLA, les motoneurones cessent de fonctionner.", "SLA"),
    "pt_BR": ("Na ELA, os neurônios motores param de funcionar.", "ELA"),
    "ar": ("في مرض ALS، تتوقف الخلايا العصبية الحركية عن العمل.", "ALS"),
    "zh_Hans": ("在ALS中，运动神经元停止正常工作。", "ALS"),
}
HEADING = {
    "en": ("ALS and MND", "ALS"),
    "es": ("La ALS y la EMN", "EMN"),
    "fr": ("La SLA et la maladie du motoneurone", "SLA"),
    "pt_BR": ("A ELA e a DNM", "ELA"),
    "ar": ("ALS وMND", "ALS"),
    "zh_Hans": ("ALS与MND", "ALS"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_acronym_before_a_comma_is_spelled_and_the_pause_kept(
    synth: Synthesiser, lang: str
) -> None:
    sentence, acronym = SPELLED_ACRONYM[lang]
    letters = unmarked(said(synth, acronym, lang)[1])
    assert spelled(letters, len(acronym))
    first, *rest = said(synth, sentence, lang)[1].split(" | ")
    assert letters in unmarked(first) and rest  # spelled, and the comma is still a pause


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_acronym_in_a_heading_is_spelled(synth: Synthesiser, lang: str) -> None:
    heading, acronym = HEADING[lang]
    letters = unmarked(said(synth, acronym, lang)[1])
    assert spelled(letters, len(acronym)) and letters in unmarked(said(synth, heading, lang)[1])


GROUPED = {
    "en": "100,000",
    "es": "100.000",
    "fr": "100\u202f000",
    "pt_BR": "100.000",
    "ar": "100,000",
    "zh_Hans": "100,000",
}
ONE_HUNDRED_THOUSAND = {"zh_Hans": "十万"}
"""How the engine must be given 100 000 to say it right (plain digits, but Mandarin)."""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "grouping"])
def test_grouped_thousands_are_one_number(synth: Synthesiser, lang: str, space: str) -> None:
    written = GROUPED[lang] if space == "grouping" else f"100{space}000"
    right = raw(synth, ONE_HUNDRED_THOUSAND.get(lang, "100000"), lang)
    assert said(synth, written, lang)[1] == right


def test_mandarin_says_numbers_from_ten_thousand_up_in_myriads(synth: Synthesiser) -> None:
    """eSpeak NG 1.52 says 100000 as 一百千 and 12345 as 十二千…"""
    assert raw(synth, "100000", "zh_Hans") == "jˌi5pai2 tɕhˈiɛ5n"  # 一百千
    assert said(synth, "100000", "zh_Hans") == ("10万", "s.ˈi.ɜ wˈɑ5n")  # 十万
    assert said(synth, "12345", "zh_Hans")[0] == "1万2345"
    assert said(synth, "10005", "zh_Hans")[0] == "1万零5"
    assert said(synth, "120000000", "zh_Hans")[0] == "1亿2000万"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_percentage_is_said_in_the_language_s_own_voice(synth: Synthesiser, lang: str) -> None:
    _, phonemes = said(synth, "67%", lang)
    assert said_by(phonemes) is None
    assert phonemes != raw(synth, "67", lang)  # the "%" is said, not dropped


def test_arabic_percent_is_said_not_dropped(synth: Synthesiser) -> None:
    assert raw(synth, "67%", "ar") == raw(synth, "67", "ar")  # eSpeak drops it
    assert said(synth, "67%", "ar")[1] == "sˈabʕʕˌawasitːˈuːn bilmˈiʔat"


def test_chinese_percentages_and_a_range_of_them(synth: Synthesiser) -> None:
    assert said(synth, "5至10%", "zh_Hans")[0] == "百分之5至10"
    assert said(synth, "65%到85%", "zh_Hans")[0] == "百分之65到百分之85"
    assert "(en)" not in said(synth, "13.8%", "zh_Hans")[1]


@pytest.mark.parametrize(
    ("lang", "written", "word"),
    [
        ("en", "7.5", "pɔɪnt"),
        ("es", "7,5", "koma"),
        ("fr", "7,5", "viʁɡyl"),
        ("pt_BR", "7,5", "virɡulæ"),
        ("ar", "7.5", "faːs̪il"),
        ("zh_Hans", "7.5", "tiɛɜn"),
    ],
)
def test_decimals_are_said_with_the_language_s_decimal_word(
    synth: Synthesiser, lang: str, written: str, word: str
) -> None:
    """The engine already says them right: they reach it as written, never as groups."""
    spoken, phonemes = said(synth, written, lang)
    assert spoken == written and word in unstressed(phonemes) and said_by(phonemes) is None


@pytest.mark.parametrize(
    ("lang", "written", "right"),
    [
        ("en", "2012–2013", "2012 to 2013"),
        ("es", "2012–2013", "2012 a 2013"),
        ("fr", "2012–2013", "2012 à 2013"),
        ("zh_Hans", "2012–2013", "2012至2013"),
    ],
)
def test_a_range_gets_the_language_s_word_for_to(
    synth: Synthesiser, lang: str, written: str, right: str
) -> None:
    assert raw(synth, written, lang) != raw(synth, right, lang)  # the dash was silent
    assert said(synth, written, lang)[1] == raw(synth, right, lang)


def test_english_dates_as_written_on_the_pages_are_said_with_ordinals(synth: Synthesiser) -> None:
    shown = "Last reviewed: 2 December 2026. Next review due: 2 December 2027."
    spoken, phonemes = said(synth, shown, "en")
    assert spoken.startswith("Last reviewed: the 2nd of December 2026.")
    assert "ðə sˈɛkənd ɒv dɪsˈɛmbə" in phonemes
    assert said(synth, "December 2, 2026", "en")[1].startswith("dɪsˈɛmbə sˈɛkənd |")


def test_times_with_a_day_period_are_times_not_decimals(synth: Synthesiser) -> None:
    assert "pɔɪnt" in raw(synth, "from 9am to 4.30pm", "en")
    assert "fˈɔː θˈɜːti pˌiːˈɛm" in said(synth, "from 9am to 4.30pm", "en")[1]
    arabic = "من 9 صباحًا إلى 4.30 مساءً"
    assert "faːs̪" in raw(synth, arabic, "ar") and "faːs̪" not in said(synth, arabic, "ar")[1]


# --------------------------------------------------------------------------- every lexicon entry

_LETTERS = re.compile(r"(?:[A-Z][.-])+[A-Z]")


def entries() -> list[tuple[str, str, str]]:
    found = []
    for lang in LANGUAGES:
        lexicon, problems = read_lexicon(SHIPPED.path(lang), lang)
        assert lexicon is not None and not problems, problems
        found += [(lang, entry.grapheme, entry.alias) for entry in lexicon.entries]
    return found


@pytest.mark.parametrize(("lang", "grapheme", "alias"), entries())
def test_every_lexicon_entry_is_said_as_its_alias_means(
    synth: Synthesiser, lang: str, grapheme: str, alias: str
) -> None:
    probe = f"80{grapheme}24" if not grapheme[0].isalnum() else grapheme
    spoken, phonemes = said(synth, probe, lang)
    assert alias in spoken
    if lang in LATIN:
        assert said_by(phonemes) is None  # the language's own voice throughout
    letters = _LETTERS.match(alias)
    if letters:  # letters to spell: each one stressed, none read as a word
        count = len(re.findall("[A-Z]", letters.group()))
        assert spelled(unmarked(said(synth, letters.group(), lang)[1]), count)


def test_every_shipped_language_has_its_lexicon_beside_its_catalogs() -> None:
    for lang in LANGUAGES:
        path = SHIPPED.path(lang)
        expected = CONTENT / "en" if lang == "en" else LOCALES / lang
        assert path == expected / "lexicon.pls" and path.is_file()


# ------------------------------------------------------------------------------ hostile lexicons

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"\n'
    '         alphabet="ipa" xml:lang="fr">\n'
)


def lexicon_file(tmp_path: Path, body: str, head: str = HEAD) -> Path:
    path = tmp_path / "fr" / "lexicon.pls"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + body + "</lexicon>\n", encoding="utf-8")
    return path


ENTITIES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE lexicon [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;"> ]>\n'
    '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"\n'
    '         alphabet="ipa" xml:lang="fr">\n'
)


@pytest.mark.parametrize(
    ("body", "head", "line", "says"),
    [
        ("<lexeme><grapheme>SLA</grapheme><alias>S.L.A</alias>\n", HEAD, 5, "not well-formed"),
        ("<lexeme><grapheme>&lol2;</grapheme><alias>x</alias></lexeme>\n", ENTITIES, 2, "DTD"),
        ("<lexeme><grapheme>SLA</grapheme><alias><b>S</b>LA</alias></lexeme>\n", HEAD, 4, "markup"),
        (
            "<lexeme><grapheme>SLA</grapheme><alias>&lt;speak&gt;x</alias></lexeme>\n",
            HEAD,
            4,
            "U+003C",
        ),
        ("<lexeme><grapheme>SLA</grapheme><alias>[[s@'la]]</alias></lexeme>\n", HEAD, 4, "U+005B"),
        (
            "<lexeme><grapheme>SLA</grapheme><alias>\x1b[2JS</alias></lexeme>\n",
            HEAD,
            4,
            "well-formed",
        ),
        ("<lexeme><grapheme>SLA</grapheme><alias>S\u202eL</alias></lexeme>\n", HEAD, 4, "U+202E"),
        ("<lexeme><grapheme>SLA</grapheme><alias>S&#x85;L</alias></lexeme>\n", HEAD, 4, "U+0085"),
        ("<lexeme><grapheme>SLA</grapheme><phoneme>sla</phoneme></lexeme>\n", HEAD, 4, "<alias>"),
        (
            "<lexeme><grapheme>" + "A" * 41 + "</grapheme><alias>a</alias></lexeme>\n",
            HEAD,
            4,
            "longer",
        ),
        ("<lexeme><grapheme>SLA</grapheme><alias>   </alias></lexeme>\n", HEAD, 4, "empty"),
        (
            "<lexeme><grapheme>SLA</grapheme><alias>a</alias></lexeme>\n"
            "<lexeme><grapheme>SLA</grapheme><alias>b</alias></lexeme>\n",
            HEAD,
            5,
            "already",
        ),
        (
            "<lexeme><grapheme>SLA</grapheme><alias>a</alias></lexeme>\n",
            HEAD.replace('"fr"', '"es"'),
            2,
            "xml:lang",
        ),
    ],
)
def test_a_broken_or_hostile_lexicon_is_refused_at_its_line(
    tmp_path: Path, body: str, head: str, line: int, says: str
) -> None:
    path = lexicon_file(tmp_path, body, head)
    lexicon, problems = read_lexicon(path, "fr")
    assert lexicon is None and problems
    assert any(says in p.message for p in problems), problems
    assert any(p.line == line for p in problems), problems
    for problem in problems:  # nothing from the file reaches the terminal raw
        assert not re.search(
            r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", str(problem)
        )


def test_a_huge_lexicon_is_refused_without_being_parsed(tmp_path: Path) -> None:
    entry = "<lexeme><grapheme>SLA</grapheme><alias>S.L.A</alias></lexeme>\n"
    path = lexicon_file(tmp_path, entry * (MAX_BYTES // len(entry) + 1))
    lexicon, problems = read_lexicon(path, "fr")
    assert lexicon is None and [p.line for p in problems] == [0] and "KiB" in problems[0].message


def test_a_refused_lexicon_leaves_its_language_speaking_without_it(tmp_path: Path) -> None:
    (tmp_path / "content" / "en").mkdir(parents=True)
    lexicon_file(
        tmp_path / "locales", "<lexeme><grapheme>SLA</grapheme><alias><b/></alias></lexeme>\n"
    )
    pronunciation = Pronunciation(Lexicons(tmp_path / "content", tmp_path / "locales"))
    assert pronunciation.prepare("La SLA progresse.", "fr") == "La SLA progresse."
    assert pronunciation.problems["fr"][0].line == 4


def test_a_language_needs_no_lexicon(tmp_path: Path) -> None:
    (tmp_path / "locales" / "de").mkdir(parents=True)
    pronunciation = Pronunciation(Lexicons(tmp_path / "content", tmp_path / "locales"))
    assert pronunciation.prepare("Die ALS.", "de") == "Die ALS."
    assert pronunciation.problems["de"] == []


def test_what_reaches_the_engine_is_sanitised() -> None:
    spoken = Pronunciation(SHIPPED).prepare("ALS\x1b]0;pwned\x07 \x01" + "50S \u202eok", "en")
    assert spoken == "A.L.S 50S ok"


def test_doctor_tells_the_technician_which_language_speaks_without_its_lexicon(
    tmp_path: Path,
) -> None:
    (tmp_path / "content" / "en").mkdir(parents=True)
    lexicon_file(tmp_path / "locales", "<lexeme><grapheme>SLA</grapheme>\n")
    findings = _pronunciation(tmp_path / "content", tmp_path / "locales", ["en", "fr"])
    assert [f.ok for f in findings] == [False]
    assert (
        "lexicon.pls:5" in findings[0].message and "read without its lexicon" in findings[0].message
    )


# ------------------------------------------------------------------------------------- the check


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(LOCALES, tmp_path / "locales")
    return tmp_path / "content", tmp_path / "locales"


def spoken_problems(content: Path, locales: Path) -> tuple[list[str], list[str]]:
    problems, summary = check_all(content_dir=content, locales_dir=locales, config_path=None)
    found = [str(p) for p in problems if "would be said" in p.message or "lexicon" in p.message]
    return found, summary


def test_the_shipped_pages_and_catalogs_are_said_right() -> None:
    found, summary = spoken_problems(CONTENT, LOCALES)
    assert found == []
    assert (
        "acronyms and symbols the speech would misread: en 0, ar 0, es 0, fr 0, pt_BR 0, zh_Hans 0"
        in summary
    )


def test_the_check_finds_what_would_be_misread_without_lexicons(copies: tuple[Path, Path]) -> None:
    content, locales = copies
    for path in [content / "en" / "lexicon.pls", *locales.glob("*/lexicon.pls")]:
        path.unlink()
    found, _ = spoken_problems(content, locales)
    isscr = next(p for p in found if '"ISSCR"' in p and "content/en" in p)
    assert re.search(
        r"stem-cells\.md:\d+: warning: \"ISSCR\" would be said /ˈɪskə/; "
        r"add it to .*content/en/lexicon\.pls",
        isscr,
    )
    assert any(
        '"SLA" would be said /slˈa/; add it to' in p and "locales/fr/lexicon.pls" in p
        for p in found
    )
    assert any('"%" would be said' in p and "not said" in p and "locales/ar/" in p for p in found)
    assert not any('"%"' in p and "zh_Hans" in p for p in found)  # the kiosk's own rule says it
    # Each place is a real line of its file.
    for problem in found:
        where, line = re.match(r"(.+?):(\d+): ", problem).groups()  # type: ignore[union-attr]
        assert 1 <= int(line) <= len(Path(where).read_text(encoding="utf-8").splitlines())


def test_a_hostile_lexicon_is_an_error_at_its_line_and_its_language_is_still_checked(
    copies: tuple[Path, Path],
) -> None:
    content, locales = copies
    path = locales / "fr" / "lexicon.pls"
    path.write_text(path.read_text(encoding="utf-8").replace("S.L.A", "<b>S.L.A</b>"), "utf-8")
    problems, _ = check_all(content_dir=content, locales_dir=locales, config_path=None)
    refused = [p for p in problems if p.path == path]
    assert refused and not refused[0].warning and refused[0].line > 1
    assert any('"SLA" would be said' in p.message for p in problems)


def test_a_phone_number_that_is_not_a_tel_link_is_an_error(copies: tuple[Path, Path]) -> None:
    content, locales = copies
    page = content / "en" / "get-help.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("[0141 332 3903](tel:+441413323903)", "0141 332 3903"), "utf-8")
    catalog = locales / "fr" / "LC_MESSAGES" / "content.po"
    po = catalog.read_text(encoding="utf-8")
    linked = "est le [0808 802 6262](tel:+448088026262)"
    assert linked in po  # the translation (the English is left alone: it keys the message)
    catalog.write_text(po.replace(linked, linked.replace("+448088", "+449999")), "utf-8")
    problems, _ = check_all(content_dir=content, locales_dir=locales, config_path=None)
    unmarked = [p for p in problems if "looks like a phone number" in p.message]
    line = text.splitlines().index(next(x for x in text.splitlines() if "0141" in x)) + 1
    assert [(p.path, p.line, p.warning) for p in unmarked] == [(page, line, False)]
    differ = [p for p in problems if "differ" in p.message and p.path == catalog]
    assert differ and all(p.line > 0 and not p.warning for p in differ)


def test_every_phone_number_shipped_is_a_tel_link() -> None:
    problems, _ = check_all(content_dir=CONTENT, locales_dir=LOCALES, config_path=None)
    assert not [p for p in problems if "phone number" in p.message]
    runs = parse_inline("Its phone number is [0141 332 3903](tel:+441413323903).")
    assert [run.text for run in runs if run.tel] == ["0141 332 3903"]


# ---------------------------------------------------------------------------------- highlighting


@pytest.mark.speech  # reads two sentences aloud in real time
def test_the_highlight_is_the_shown_sentence_when_the_spoken_one_is_longer() -> None:
    shown = (
        "In ALS, the motor neurones stop working properly. "
        "Call [0808 802 6262](tel:+448088026262) for help."
    )
    runs = parse_inline(shown)
    text = "".join(run.text for run in runs)
    utterances = utterances_for(runs, "en", 3)
    assert [u.phones for u in utterances] == [(), ((5, 18),)]
    events: list[SpeechEvent] = []
    done = threading.Event()

    def on_event(event: SpeechEvent) -> None:
        events.append(event)
        if event.kind is EventKind.DONE:
            done.set()

    reader = SpeechReader(on_event, real_device=False, synthesiser=Synthesiser(lexicons=SHIPPED))
    try:
        reader.speak(utterances)
        assert done.wait(30)
    finally:
        reader.close()
    sentences = [e for e in events if e.kind is EventKind.SENTENCE and e.utterance]
    assert [e.spoken for e in sentences] == [
        "In A.L.S, the motor neurones stop working properly.",
        "Call 0 8 0 8, 8 0 2, 6 2 6 2 for help.",
    ]
    for event in sentences:
        assert event.utterance is not None
        start, end = event.utterance.start, event.utterance.end
        assert text[start:end] == event.utterance.text  # highlighted: the shown sentence
        assert len(event.spoken) != end - start


# ----------------------------------------------------------------- text rules without the engine


def test_numbers_as_written_in_each_language() -> None:
    assert speakable_numbers("sur 100\u00a0000 personnes", "fr") == "sur 100000 personnes"
    assert speakable_numbers("12 345 678 and 1,234.5", "en") == "12345678 and 1234.5"
    assert speakable_numbers("1.234,5 y 3.5", "es") == "1234,5 y 3.5"
    assert speakable_numbers("from 9am to 4.30pm", "en") == "from 9am to 4:30 pm"
    assert speakable_numbers("On 25 April 2023, and May 5", "en") == (
        "On the 25th of April 2023, and May 5th"
    )
    assert speakable_numbers("在2026年12月2日", "zh_Hans") == "在2026年12月2日"
    assert phone_digits("+44 (0)808 802-6262") == "+ 4 4, 0, 8 0 8, 8 0 2, 6 2 6 2"


def test_a_no_break_space_keeps_a_number_on_one_line() -> None:
    assert not _break_allowed("100\u00a0000", 4) and not _break_allowed("100\u202f000", 4)
    assert _break_allowed("100 000", 4)
    lines = wrap([Run("Sur 100\u00a0000 personnes")], 10)
    assert [line.pieces[0].text for line in lines] == ["Sur", "100\u00a0000", "personnes"]


# ---------------------------------------------------------------------- als-kiosk say --phonemes


def als_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_say_phonemes_prints_each_sentence_as_spoken_and_its_phonemes_for_a_page() -> None:
    result = als_kiosk("say", "what-is-als", "--lang", "fr", "--phonemes")
    assert result.returncode == 0, result.stderr
    assert "1. Qu'est-ce que la SLA\u00a0?" in result.stdout  # as shown, no-break space too
    assert "   spoken (fr): Qu'est-ce que la S.L.A\u00a0?" in result.stdout
    assert "   phonemes: kɛskˌə la- ˌɛsˌɛlˈa" in result.stdout


def test_say_phonemes_for_any_text_and_language() -> None:
    result = als_kiosk(
        "say",
        "--text",
        "它的电话号码是[0141 332 3903](tel:+441413323903)。",
        "--lang",
        "zh_Hans",
        "--phonemes",
    )
    assert result.returncode == 0, result.stderr
    assert "spoken (cmn): 它的电话号码是0 1 4 1, 3 3 2, 3 9 0 3。" in result.stdout
    assert "phonemes:" in result.stdout and "\x1b" not in result.stdout


def test_say_needs_a_page_or_a_text_and_an_output_or_phonemes() -> None:
    assert als_kiosk("say", "--phonemes").returncode == 2
    assert als_kiosk("say", "what-is-als").returncode == 2
    both = als_kiosk("say", "what-is-als", "--text", "x", "--phonemes")
    assert both.returncode == 2 and "not both" in both.stderr


def test_the_check_initialises_espeak_once_per_process_however_often_it_runs() -> None:
    """Initialising eSpeak NG again while it was loaded gave phonemes of the wrong voice
    and then crashed a test process that ran `check` many times."""
    from kiosk.speech.phonemes import Phonemizer

    first = Phonemizer()
    first.voice("fr")
    french = first.phonemes(["SLA"])
    for _ in range(5):
        again = Phonemizer()
        assert again._library is first._library
        assert again.voice("en") and again.phonemes(["zero"]) == first.phonemes(["zero"])
        assert again.voice("fr") and again.phonemes(["SLA"]) == french
