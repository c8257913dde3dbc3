"""Translators' workflow (extract, fuzzy messages, stats, `say`) and how Arabic lines are
ordered, without a terminal. What readers see in a real one: tests/e2e/test_e2e_scripts.py.

The commands run in this process (`kiosk.cli.main`), as tests/unit/test_cli.py shows the
installed `als-kiosk` does; only `say` runs as its own process (it starts the engine).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.pages import load_pages
from kiosk.i18n.catalogs import content_template, render
from kiosk.i18n.languages import discover, template_keys
from kiosk.i18n.rtl import visual_line
from kiosk.speech.audio import read_wav
from tests.conftest import CONTENT, LOCALES, REPO
from tests.doubles import rms


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


Command = Callable[..., Ran]


@pytest.fixture
def als_kiosk(capsys: pytest.CaptureFixture[str]) -> Command:
    """`als-kiosk ARGS`, run here: its exit status and what it printed."""

    def run(*args: str) -> Ran:
        capsys.readouterr()
        status = main(list(args))
        out, err = capsys.readouterr()
        return Ran(status, out, err)

    return run


def copy_tree(tmp_path: Path) -> tuple[Path, Path]:
    content, locales = tmp_path / "content", tmp_path / "locales"
    shutil.copytree(CONTENT, content)
    shutil.copytree(LOCALES, locales)
    return content, locales


def test_templates_are_up_to_date_and_a_changed_page_makes_them_stale(
    als_kiosk: Command, tmp_path: Path
) -> None:
    assert als_kiosk("extract", "--check").returncode == 0
    content, locales = copy_tree(tmp_path)
    page = content / "en" / "symptoms.md"
    text = page.read_text()
    assert "start slowly" in text
    page.write_text(text.replace("start slowly", "begin slowly", 1))
    stale = als_kiosk("extract", "--check", "--content", str(content), "--locales", str(locales))
    assert stale.returncode == 1
    assert f"{locales}/content.pot: out of date; run: als-kiosk extract" in stale.stdout


def test_templates_do_not_change_with_the_babel_release(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new Babel once made both templates "out of date" by their Generated-By header
    alone: a translator's tool would have reported changes that were not there."""
    import babel.messages.catalog

    pages, _ = load_pages(CONTENT)
    today = render(content_template(pages, CONTENT), with_line_numbers=True)
    monkeypatch.setattr(babel.messages.catalog, "VERSION", "99.0.0")
    assert render(content_template(pages, CONTENT), with_line_numbers=True) == today


@pytest.mark.slow  # extract over every shipped catalog, then every language loaded
def test_a_changed_english_block_marks_its_old_translation_fuzzy_and_shows_english(
    als_kiosk: Command, tmp_path: Path
) -> None:
    content, locales = copy_tree(tmp_path)
    page = content / "en" / "what-is-als.md"
    old = "It is a disease of the nerve cells that control your muscles."
    page.write_text(
        page.read_text().replace(old, "It is a disease of the nerve cells that move your muscles.")
    )
    result = als_kiosk("extract", "--content", str(content), "--locales", str(locales))
    assert result.returncode == 0, result.stderr
    spanish = (locales / "es" / "LC_MESSAGES" / "content.po").read_text(encoding="utf-8")
    entry = spanish[spanish.index("move your muscles") - 400 : spanish.index("move your muscles")]
    assert "#, fuzzy" in entry  # kept for the translator, marked for review
    assert "X-Medical-Review: none" in spanish  # the translator's header is kept
    pages, _ = load_pages(content)
    languages, _ = discover(locales, template_keys(pages, locales), min_complete=0)
    es = next(lang for lang in languages if lang.language.tag == "es")
    block = next(b for b in es.localise(pages[0]).blocks if "move your muscles" in b.markdown)
    assert block.fallback and block.lang == "en"  # fuzzy is never shown


@pytest.mark.slow  # extract over every shipped catalog, twice
def test_extract_keeps_the_previous_english_of_a_fuzzy_message_and_is_idempotent(
    als_kiosk: Command, tmp_path: Path
) -> None:
    """Poedit and Weblate show a translator what changed from the `#|` lines. Babel reads
    them as translator comments and wraps them into lines msgfmt rejects (babel#206):
    the second run must write exactly what the first did, and both must be valid."""
    content, locales = copy_tree(tmp_path)
    page = content / "en" / "what-is-als.md"
    old = "It is a disease of the nerve cells that control your muscles."
    page.write_text(page.read_text().replace(old, old.replace("control", "move")))
    command = ("extract", "--content", str(content), "--locales", str(locales))
    assert als_kiosk(*command).returncode == 0
    spanish = locales / "es" / "LC_MESSAGES" / "content.po"
    first = spanish.read_text(encoding="utf-8")
    entry = first[first.index("#, fuzzy\n#| msgctxt") : first.index("move your muscles")]
    assert '#| msgid ""\n#| "ALS is short for amyotrophic lateral sclerosis.' in entry
    assert "that control your muscles." in entry
    assert als_kiosk(*command).returncode == 0
    assert spanish.read_text(encoding="utf-8") == first
    assert "\n# |" not in first  # no previous msgid turned into a translator comment
    if shutil.which("msgfmt"):
        checked = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(spanish)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr


def test_babel_still_reads_previous_msgids_as_comments() -> None:
    """While this holds, kiosk.i18n.catalogs.recover_previous is needed (babel#206). When a
    Babel release parses `#|` itself, this fails: remove the workaround then."""
    from babel.messages.pofile import read_po

    po = b'msgid ""\nmsgstr ""\n\n#, fuzzy\n#| msgid "Old"\nmsgid "New"\nmsgstr "Nuevo"\n'
    message = read_po(io.BytesIO(po))["New"]
    assert message is not None
    assert message.previous_id == [] and message.user_comments == ['| msgid "Old"']


def test_stats_lists_every_shipped_language_complete(als_kiosk: Command) -> None:
    result = als_kiosk("stats")
    assert result.returncode == 0
    rows = [line.split() for line in result.stdout.splitlines()[1:]]
    assert {row[0] for row in rows} == {"ar", "es", "fr", "pt_BR", "zh_Hans"}
    assert all(row[7] == "100%" for row in rows), result.stdout


@pytest.mark.speech  # synthesises a whole page: more than a minute of audio
def test_say_reads_a_translated_page_in_its_own_voice(tmp_path: Path) -> None:
    out = tmp_path / "es.wav"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "say", "stem-cells", "--lang", "es", "--output", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    clip = read_wav(out)
    assert rms(clip) > 300 and clip.seconds > 60


def test_arabic_lines_read_right_to_left_with_numbers_and_latin_in_order() -> None:
    shown, order = visual_line("اتصل على 0808 802 6262 أو اقرأ عن NurOwn في المرحلة 3.")
    shown = shown.replace("\u00a0", " ")  # no-break spaces keep a number together
    assert "0808 802 6262" in shown  # a phone number keeps its order (no 6262 802 0808)
    assert "NurOwn" in shown  # a Latin word stays left to right
    assert sorted(order) == list(range(len(order)))
    assert shown.rstrip().endswith("ﻞﺼﺗﺍ")  # the first word is drawn at the right
