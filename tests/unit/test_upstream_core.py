"""The workarounds in kiosk.upstream (every dependency but Textual, whose are in
kiosk.ui.upstream and tests/app/test_upstream.py).

Each test named after a workaround asserts that the problem is still there: when a
release of the dependency fixes it, the test fails, and the workaround (and the version
bound in pyproject.toml that keeps it honest) can go. The others show each workaround
still does its job on the version installed.
"""

from __future__ import annotations

import gc
import io
import json
import re
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from kiosk.upstream import babel as babel_workarounds
from kiosk.upstream import bidi as bidi_workarounds

# ------------------------------------------------------------------ Babel


def test_babel_forgets_cldr_data_only_all_or_nothing() -> None:
    """kiosk.upstream.babel.release_locale_data empties Babel's private caches because
    its one public purge (localedata.clear_caches) forgets English and the clinic's
    default too. No upstream issue."""
    assert babel_workarounds.forgets_only_all_or_nothing()


def test_release_locale_data_gives_the_memory_of_other_locales_back() -> None:
    """Babel 2.19 added a second cache (`_dict_cache`): emptying only `_cache` kept
    5.0 of the 5.2 MiB that five languages had read."""
    from babel import Locale
    from babel.units import format_unit

    Locale.parse("en").get_display_name("en")
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for tag in ("fr", "es", "ar", "zh_Hans", "pt_BR"):
            locale = Locale.parse(tag)
            locale.get_display_name(tag)
            format_unit(1.5, "duration-second", locale=locale)
        del locale
        gc.collect()
        loaded = tracemalloc.get_traced_memory()[0] - before
        babel_workarounds.release_locale_data(keep=("en",))
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert loaded > 2 * 2**20
    assert kept < loaded / 10, (loaded, kept)


def test_babel_35_flags_prose_with_a_percent_sign_as_python_format() -> None:
    """https://github.com/python-babel/babel/issues/35: kiosk.upstream.babel.
    drop_guessed_python_format takes the flag back from pages (not format strings)."""
    assert babel_workarounds.guesses_python_format_from_a_percent_sign()


def test_the_guessed_python_format_flag_is_taken_back_unless_the_template_has_it() -> None:
    template = Catalog()
    template.add("33% of people")
    babel_workarounds.drop_guessed_python_format(template)  # as content_template does
    template.add("%(count)s left", flags=["python-format"])
    catalog = Catalog()
    catalog.add("33% of people", "33%的人")
    catalog.add("%(count)s left", "%(count)s restantes")
    catalog.add("gone, 10% of it")  # no longer in the template: left as it is
    babel_workarounds.drop_guessed_python_format(catalog, template)
    flags = {message.id: message.flags for message in catalog if message.id}
    assert "python-format" not in flags["33% of people"]
    assert "python-format" in flags["%(count)s left"]
    assert "python-format" in flags["gone, 10% of it"]
    babel_workarounds.drop_guessed_python_format(catalog)
    assert not any("python-format" in message.flags for message in catalog)


def test_babel_writes_its_version_into_every_template_generated_by() -> None:
    """kiosk.upstream.babel.without_generated_by keeps templates byte-stable across
    Babel releases. No upstream issue for this field (python-babel/babel#503 is the
    general one)."""
    assert babel_workarounds.names_its_version()


def test_babel_206_reads_previous_msgids_as_translator_comments() -> None:
    """https://github.com/python-babel/babel/issues/206: kiosk.upstream.babel.
    recover_previous turns them back into previous msgids."""
    assert babel_workarounds.reads_previous_msgids_as_comments()


def test_babel_206_writes_a_long_previous_msgid_into_lines_msgfmt_rejects() -> None:
    """https://github.com/python-babel/babel/issues/206: kiosk.upstream.babel.
    with_previous writes them as GNU gettext does."""
    assert babel_workarounds.writes_long_previous_msgids_broken()


PREVIOUS = "ALS is short for amyotrophic lateral sclerosis, a disease of the nerve cells."
GNU_PO = f"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
#| msgid ""
#| "{PREVIOUS[:60]}"
#| "{PREVIOUS[60:]}"
msgid "ALS is a disease of the nerve cells."
msgstr "La ELA es una enfermedad de las neuronas."
"""


def test_previous_msgids_survive_a_read_and_a_write_as_gnu_gettext_writes_them(
    tmp_path: Path,
) -> None:
    catalog = read_po(io.BytesIO(GNU_PO.encode()))
    babel_workarounds.recover_previous(catalog)
    message = catalog["ALS is a disease of the nerve cells."]
    assert message is not None
    assert message.previous_id == [PREVIOUS] and message.user_comments == []
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79)
    written = babel_workarounds.with_previous(buffer.getvalue().decode(), catalog)
    previous = [line for line in written.splitlines() if line.startswith("#|")]
    assert previous[0] == '#| msgid ""'
    assert "".join(line[4:-1] for line in previous[1:]) == PREVIOUS
    assert all(re.fullmatch(r'#\| "[^"]*"', line) for line in previous[1:])
    if shutil.which("msgfmt"):
        po = tmp_path / "es.po"
        po.write_text(written, encoding="utf-8")
        checked = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr


def test_templates_leave_out_the_babel_version() -> None:
    buffer = io.BytesIO()
    write_po(buffer, Catalog())
    assert b"Generated-By" in buffer.getvalue()
    assert b"Generated-By" not in babel_workarounds.without_generated_by(buffer.getvalue())


# ------------------------------------------------------------------ python-bidi


def test_python_bidi_public_api_gives_no_logical_index_of_drawn_characters() -> None:
    """kiosk.upstream.bidi.display_with_indices drives python-bidi's pure-Python stages
    for the index map. No upstream issue; this fails when the public API grows."""
    assert bidi_workarounds.public_api_gives_no_index_map()


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا بالعالم",
        "اتصل على 0808\u00a0802\u00a06262 أو اقرأ عن NurOwn في المرحلة 3.",
        "(ملاحظة) [نص]",
    ],
)
def test_the_python_bidi_stages_draw_each_line_as_its_own_get_display(text: str) -> None:
    """The private stages still run in the order python-bidi's own function runs them,
    and the index map is a reordering of the line."""
    from bidi.algorithm import get_display

    shown, order = bidi_workarounds.display_with_indices(text, rtl=True)
    assert shown == get_display(text, base_dir="R")
    assert sorted(order) == list(range(len(text)))
    # Each drawn character is the one at its index, or its mirror image (brackets).
    assert all(shown[n] == text[i] or shown[n] in "()[]" for n, i in enumerate(order))


# ------------------------------------------------------------------ pyttsx3 / eSpeak NG


@pytest.fixture(scope="module")
def pyttsx3_checks() -> dict[str, bool]:
    """Both checks, asked in a child process: they start eSpeak NG, as the worker does."""
    code = (
        "import json\n"
        "from kiosk.upstream import pyttsx3 as p\n"
        "print(json.dumps({'word_gap': p.has_no_word_gap_property(),"
        " 'languages': p.lists_one_language_per_voice()}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    checks: dict[str, bool] = json.loads(result.stdout.strip().splitlines()[-1])
    return checks


def test_pyttsx3_has_no_word_gap_property_so_its_espeak_binding_is_used(
    pyttsx3_checks: dict[str, bool],
) -> None:
    """kiosk.upstream.pyttsx3.load_espeak: the engine sets voice, rate and word gap
    through pyttsx3's private `_espeak` binding. No upstream issue."""
    assert pyttsx3_checks["word_gap"]


def test_pyttsx3_lists_only_the_first_language_of_each_espeak_voice_pyttsx_23(
    pyttsx3_checks: dict[str, bool],
) -> None:
    """https://github.com/RapidWareTech/pyttsx/issues/23: kiosk.upstream.pyttsx3.
    voice_languages reads every language behind the field."""
    assert pyttsx3_checks["languages"]
