"""A corpus of broken PO files: each problem is reported at its exact 1-based line, the
language (or just the message) is left out, and the kiosk still starts."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.pages import load_pages
from kiosk.i18n.languages import discover, load_language, template_keys
from kiosk.ui.screens import HomeScreen
from tests.conftest import CONTENT, LOCALES, AppFactory
from tests.pilot import wait_for_screen

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: als-kiosk 1\\n"
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""
GOOD_CONTENT = (
    HEADER
    + """
msgctxt "what-is-als"
msgid "What is ALS?"
msgstr "Was ist ALS?"
"""
)
GOOD_UI = (
    HEADER
    + """
msgid "Next"
msgstr "Weiter"

msgid "The kiosk will start again for the next person in {n} second."
msgid_plural "The kiosk will start again for the next person in {n} seconds."
msgstr[0] "Der Kiosk startet in {n} Sekunde neu."
msgstr[1] "Der Kiosk startet in {n} Sekunden neu."
"""
)


@functools.cache
def keys() -> dict[str, set[tuple[str | None, str]]]:
    """The shipped templates' messages (read once: the property test asks 200 times)."""
    pages, _ = load_pages(CONTENT)
    return template_keys(pages, LOCALES)


def write_language(root: Path, content: str | bytes, ui: str = GOOD_UI) -> Path:
    folder = root / "de"
    (folder / "LC_MESSAGES").mkdir(parents=True)
    path = folder / "LC_MESSAGES" / "content.po"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    (folder / "LC_MESSAGES" / "kiosk.po").write_text(ui, encoding="utf-8")
    return folder


def line_of(text: str, needle: str) -> int:
    """The last line holding `needle` (a duplicate is reported where it repeats)."""
    return [n for n, line in enumerate(text.split("\n"), 1) if needle in line][-1]


# (name, content.po text, line to find, expected message start, language still usable?)
FILE_CASES = [
    ("unquoted msgstr", GOOD_CONTENT.replace('msgstr "Was ist ALS?"', "msgstr Was ist ALS?"),
     "msgstr Was", "msgstr: the text must be one \"quoted string\"", False),
    ("unclosed quote", GOOD_CONTENT.replace('"Was ist ALS?"', '"Was ist ALS?'),
     'msgstr "Was ist ALS?', "msgstr: the text must be one \"quoted string\"", False),
    ("bad escape", GOOD_CONTENT.replace('"Was ist ALS?"', '"Was \\q ALS?"'),
     "Was \\q", "msgstr: the text must be one \"quoted string\"", False),
    ("garbage line", GOOD_CONTENT + "this is not PO\n", "this is not PO", "not PO syntax", False),
    ("duplicate message", GOOD_CONTENT + '\nmsgctxt "what-is-als"\nmsgid "What is ALS?"\n'
     'msgstr "Noch einmal"\n', 'msgid "What is ALS?"', "message is given twice", False),
    ("wrong plural rule", GOOD_CONTENT.replace("nplurals=2; plural=(n != 1);",
     "nplurals=3; plural=(n%3);"), "Plural-Forms",
     "header Plural-Forms uses one form for 1 and 4, but de needs two (CLDR)", False),
    ("plural form beyond nplurals", GOOD_CONTENT.replace("nplurals=2; plural=(n != 1);",
     "nplurals=2; plural=(n%3);"), "Plural-Forms",
     "header Plural-Forms chooses msgstr[2] for 2, but nplurals=2", False),
    ("invalid plural expression", GOOD_CONTENT.replace("plural=(n != 1);", "plural=(n !=;"),
     "Plural-Forms", "header Plural-Forms expression is not valid", False),
    ("wrong charset", GOOD_CONTENT.replace("charset=UTF-8", "charset=ISO-8859-1"),
     "Content-Type", "header Content-Type must say charset=UTF-8", False),
    ("wrong language", GOOD_CONTENT.replace("Language: de", "Language: fr"), "Language:",
     "header Language is 'fr', but the folder is 'de'", False),
    ("escape sequence in a translation", GOOD_CONTENT.replace("Was ist ALS?",
     b"Was ist \\u001b]52;c;eA==\\u0007ALS?".decode("unicode_escape")),
     'msgstr "Was', "translation contains U+001B", True),
    ("bidi override", GOOD_CONTENT.replace("Was ist ALS?", "Was ist \u202eALS?"),
     'msgstr "Was', "translation contains U+202E RIGHT-TO-LEFT OVERRIDE", True),
    ("markup in a translation", GOOD_CONTENT.replace("Was ist ALS?",
     "[@click=app.quit]Was ist ALS?[/]"), 'msgstr "[@click', "translation contains markup", True),
    ("emphasis changed", GOOD_CONTENT.replace("Was ist ALS?", "**Was** ist ALS?"),
     'msgstr "**Was', "Markdown emphasis or links differ", True),
    ("message not in the template", GOOD_CONTENT + '\nmsgctxt "what-is-als"\nmsgid "Gone"\n'
     'msgstr "Weg"\n', 'msgid "Gone"', "message is not in the template", True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "needle", "expected", "usable"),
    [case[1:] for case in FILE_CASES],
    ids=[case[0] for case in FILE_CASES],
)
def test_broken_content_po_is_reported_at_its_line(
    tmp_path: Path, text: str, needle: str, expected: str, usable: bool
) -> None:
    folder = write_language(tmp_path, text)
    loaded, problems = load_language(folder, keys())
    path = folder / "LC_MESSAGES" / "content.po"
    prefix = f"{path}:{line_of(text, needle)}: {expected}"
    assert any(str(p).startswith(prefix) for p in problems), [str(p) for p in problems]
    assert (loaded is not None) is usable
    if loaded is not None:  # the bad message alone is left out; its block falls back
        assert ("what-is-als", "What is ALS?") not in loaded.content or expected.startswith(
            "message is not in"
        )


# The traditional gettext rules (as GNU gettext, Poedit and most PO files have them) and
# the newer CLDR rules (Babel 2.19 and later: a third form for exact millions) are both
# right for every count the kiosk shows; a rule that merges forms the language keeps
# apart is not. Whichever Babel is installed, the verdict is the same.
PLURAL_RULES = [
    ("es", "nplurals=2; plural=(n != 1);", None),
    ("es", "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);", None),
    ("fr", "nplurals=2; plural=(n > 1);", None),
    ("fr", "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
     None),
    ("pt_BR", "nplurals=2; plural=(n > 1);", None),
    ("fr", "nplurals=2; plural=(n != 1);", "uses one form for 0 and 2, but fr needs two"),
    ("ar", "nplurals=2; plural=(n != 1);", "uses one form for 0 and 2, but ar needs two"),
    ("zh_Hans", "nplurals=1; plural=0;", None),
    ("de", "nplurals=2; plural=(n%3);", "chooses msgstr[2] for 2, but nplurals=2"),
    ("de", "nplurals=2; plural=(n/0);", "expression is not valid"),
]  # fmt: skip


@pytest.mark.parametrize(("tag", "rule", "expected"), PLURAL_RULES)
def test_a_plural_rule_is_judged_by_the_forms_it_chooses(
    tmp_path: Path, tag: str, rule: str, expected: str | None
) -> None:
    content, ui = (
        text.replace("Language: de", f"Language: {tag}").replace(
            "nplurals=2; plural=(n != 1);", rule
        )
        for text in (GOOD_CONTENT, GOOD_UI)
    )
    folder = write_language(tmp_path, content, ui).rename(tmp_path / tag)
    _, problems = load_language(folder, keys())
    found = [p.message for p in problems if "Plural-Forms" in p.message]
    if expected is None:
        assert found == []
    else:
        assert len(found) == 2 and all(expected in message for message in found), found


def test_placeholders_and_missing_plural_forms_are_reported(tmp_path: Path) -> None:
    ui = GOOD_UI.replace("{n} Sekunde neu", "{count} Sekunde neu").replace(
        'msgstr[1] "Der Kiosk startet in {n} Sekunden neu."\n', ""
    )
    folder = write_language(tmp_path, GOOD_CONTENT, ui)
    loaded, problems = load_language(folder, keys())
    path = folder / "LC_MESSAGES" / "kiosk.po"
    found = [str(p) for p in problems]
    assert f"{path}:{line_of(ui, '{count}')}: placeholders differ from the English: keep {{n}}" in (
        found
    )
    assert any(
        p.startswith(f"{path}:{line_of(ui, 'msgid_plural') - 1}: plural message needs")
        for p in found
    )
    plural = "The kiosk will start again for the next person in {n} second."
    assert loaded is not None and plural not in loaded.ui


def test_a_file_that_is_not_utf8_or_missing_is_reported(tmp_path: Path) -> None:
    folder = write_language(tmp_path, GOOD_CONTENT.encode("utf-16"))
    _, problems = load_language(folder, keys())
    assert str(problems[0]).startswith(f"{folder}/LC_MESSAGES/content.po: not UTF-8 text")
    (folder / "LC_MESSAGES" / "kiosk.po").unlink()
    _, problems = load_language(folder, keys())
    assert f"{folder}/LC_MESSAGES/kiosk.po: file is missing" in str(problems[-1])


def test_an_unknown_language_tag_is_reported(tmp_path: Path) -> None:
    (tmp_path / "xx_NOPE" / "LC_MESSAGES").mkdir(parents=True)
    languages, problems = discover(tmp_path, keys())
    assert languages == [] and "not a language tag Babel knows" in str(problems[0])


@pytest.mark.parametrize("case", FILE_CASES[:5], ids=[c[0] for c in FILE_CASES[:5]])
async def test_the_kiosk_still_starts_with_a_broken_language(
    make_app: AppFactory, tmp_path: Path, case: tuple[str, str, str, str, bool]
) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    shutil.copy(LOCALES / "kiosk.pot", locales / "kiosk.pot")
    write_language(locales, case[1])
    app = make_app("[language]\nmin_complete = 0\n", locales_dir=locales)
    async with app.run_test(size=(45, 12)) as pilot:
        await wait_for_screen(pilot, HomeScreen)  # German left out: straight to Home
        assert [lang.tag for lang in app.languages.offered()] == ["en"]
        assert any("left out until its files are fixed" in p.message for p in app.known_problems())


@pytest.mark.parametrize("po", sorted(LOCALES.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_every_shipped_catalog_passes_gnu_msgfmt(po: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_shipped_language_loads_without_problems() -> None:
    pages, _ = load_pages(CONTENT)
    languages, problems = discover(LOCALES, template_keys(pages, LOCALES), min_complete=0)
    assert [str(p) for p in problems] == []
    for loaded in languages:
        assert loaded.language.completeness == 1.0, loaded.language.tag


@pytest.mark.slow  # 200 examples, each parsing every page again in keys()
@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_no_translation_can_inject_markup_or_escapes(tmp_path_factory: object, text: str) -> None:
    import tempfile

    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    po = GOOD_CONTENT.replace('"Was ist ALS?"', f'"{escaped}"')
    with tempfile.TemporaryDirectory() as root:
        folder = write_language(Path(root), po)
        loaded, _ = load_language(folder, keys())
    if loaded is None:
        return  # the whole file was refused: nothing of it is shown
    shown = loaded.content.get(("what-is-als", "What is ALS?"))
    if shown is None:
        return  # the message was refused: the English is shown instead
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "[@" not in shown or "[@" in "What is ALS?"
