"""`als-kiosk doctor` says whether the terminal's fonts draw every offered language, and
names the package to install: the real fontconfig, given a private font list so that a
missing font can be shown without uninstalling one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config.clinic import DisplaySettings
from kiosk.ops.deployment import drawn_languages
from kiosk.ops.doctor import Finding, fonts
from kiosk.ops.fonts import fallback_fonts, font_for, fontconfig_language, terminal_fonts
from tests.conftest import LOCALES

needs_fontconfig = pytest.mark.skipif(
    shutil.which("fc-match") is None, reason="the test command installs fontconfig"
)
SHIPPED = ["en", *sorted(path.name for path in LOCALES.iterdir() if path.is_dir())]


def system_font_folder(pattern: str) -> Path:
    """Where the system's fontconfig finds the first font matching `pattern`."""
    result = subprocess.run(
        ["fc-list", pattern, "file"], capture_output=True, text=True, check=True
    )
    files = sorted(line.rstrip(":") for line in result.stdout.split())
    if not files:
        pytest.skip(f"no font for {pattern}: the test command installs fonts-noto-cjk")
    return Path(files[0]).parent


def private_fontconfig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *folders: Path) -> None:
    """fontconfig (and foot, were it started from here) sees only the fonts in `folders`,
    with the system's rules (aliases, preferences)."""
    dirs = "\n".join(f"  <dir>{folder}</dir>" for folder in folders)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>\n{dirs}\n  <cachedir>{tmp_path / 'cache'}</cachedir>\n"
        '  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))


def by_topic(findings: list[Finding]) -> dict[str, Finding]:
    return {finding.topic: finding for finding in findings}


@pytest.mark.parametrize(
    ("tag", "language"),
    [("en", "en"), ("ar", "ar"), ("pt_BR", "pt"), ("zh_Hans", "zh-cn"), ("zh_Hant", "zh-tw")],
)
def test_kiosk_tags_are_named_as_fontconfig_names_their_letters(tag: str, language: str) -> None:
    assert fontconfig_language(tag) == language


@needs_fontconfig
def test_with_the_readme_fonts_every_shipped_language_has_a_font() -> None:
    """This machine has the README's packages (the test command installs them)."""
    assert {"en", "ar", "zh_Hans"} <= set(SHIPPED)
    findings = fonts(DisplaySettings(), SHIPPED)
    assert all(finding.ok for finding in findings), "\n".join(map(str, findings))
    found = {finding.topic: finding.message for finding in findings}
    assert found["terminal font"].startswith("DejaVu Sans Mono (")
    assert found["font for ar"] == "DejaVu Sans Mono (the terminal font)."
    assert found["font for zh_Hans"] == (
        "Noto Sans Mono CJK SC (named after DejaVu Sans Mono in foot's --font)."
    )


def test_each_language_whose_letters_another_shares_gets_its_own_font_named() -> None:
    """Han characters are shared by Chinese, Japanese and Korean with different shapes: the
    font for each such offered language is named after the terminal font, the first one
    offered first (it draws the shared letters); other scripts need none."""
    assert terminal_fonts("DejaVu Sans Mono", ["en", "ar", "es", "pt_BR"]) == ["DejaVu Sans Mono"]
    assert terminal_fonts("DejaVu Sans Mono", ["en", "zh_Hans", "zh-CN", "ja"]) == [
        "DejaVu Sans Mono",
        "Noto Sans Mono CJK SC",
        "Noto Sans Mono CJK JP",
    ]
    assert terminal_fonts("Hack, Noto Sans Mono CJK TC", ["zh_Hant", "zh_Hans"]) == [
        "Hack",
        "Noto Sans Mono CJK TC",
        "Noto Sans Mono CJK SC",
    ]
    assert terminal_fonts("", ["en"]) == ["monospace"]  # foot's own default


def test_the_fonts_launch_names_are_for_the_default_then_offered_or_installed_languages(
    tmp_path: Path,
) -> None:
    from kiosk.config.clinic import LanguageSettings

    for tag in ("zh_Hans", "ar", "ja"):
        (tmp_path / tag / "LC_MESSAGES").mkdir(parents=True)
    assert drawn_languages(tmp_path, LanguageSettings()) == ["en", "ar", "ja", "zh_Hans"]
    chosen = LanguageSettings(default="zh_Hans", offered=("en", "ja", "zh_Hans"))
    assert drawn_languages(tmp_path, chosen) == ["zh_Hans", "en", "ja", "zh_Hans"]
    assert drawn_languages(tmp_path / "none", LanguageSettings()) == ["en"]


@needs_fontconfig
@pytest.mark.parametrize(("locale", "tag"), [("ja_JP.UTF-8", "zh_Hans"), ("zh_CN.UTF-8", "ja")])
def test_without_its_font_named_a_language_is_drawn_with_the_locales_shapes(
    locale: str, tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why the font is named: fontconfig's own fallback for Han letters follows the
    system's language (under LANG=ja_JP Chinese gets the Japanese font), the named one
    does not."""
    system_font_folder(":lang=zh-cn")  # skips without fonts-noto-cjk
    monkeypatch.setenv("LANG", locale)
    language = fontconfig_language(tag)
    wanted = {"zh-cn": "Noto Sans Mono CJK SC", "ja": "Noto Sans Mono CJK JP"}[language]
    unnamed = font_for(language, fallback_fonts(["DejaVu Sans Mono"]))
    assert unnamed is not None and not unnamed.is_family(wanted), unnamed
    named = font_for(language, fallback_fonts(terminal_fonts("DejaVu Sans Mono", [tag])))
    assert named is not None and named.is_family(wanted), named
    [*_, finding] = fonts(DisplaySettings(), [tag])
    assert finding.ok and finding.message.startswith(f"{wanted} (named after"), finding


@needs_fontconfig
def test_a_language_no_font_covers_is_named_with_the_package_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fonts-dejavu-core alone, as the README used to install: Arabic is drawn, Chinese is
    not (DejaVu has no Chinese letters)."""
    private_fontconfig(tmp_path, monkeypatch, system_font_folder("DejaVu Sans Mono"))
    found = by_topic(fonts(DisplaySettings(), ["en", "ar", "zh_Hans"]))
    assert found["font for en"].ok and found["font for ar"].ok
    chinese = found["font for zh_Hans"]
    assert not chinese.ok and "fc-list :lang=zh-cn" in chinese.message
    assert chinese.fix.startswith("sudo apt install fonts-noto-cjk")


@needs_fontconfig
def test_the_chinese_font_once_its_folder_is_there_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_fontconfig(
        tmp_path,
        monkeypatch,
        system_font_folder("DejaVu Sans Mono"),
        system_font_folder(":lang=zh-cn"),
    )
    findings = fonts(DisplaySettings(), ["en", "zh_Hans"])
    assert all(finding.ok for finding in findings), "\n".join(map(str, findings))


@needs_fontconfig
def test_a_terminal_font_that_is_not_installed_is_named_with_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_fontconfig(tmp_path, monkeypatch, system_font_folder("DejaVu Sans Mono"))
    [known, *_] = fonts(DisplaySettings(font="Noto Sans Mono"), ["en"])
    assert not known.ok and known.topic == "terminal font"
    assert "'Noto Sans Mono' is not installed: the terminal would draw with DejaVu" in (
        known.message
    )
    assert known.fix.startswith("sudo apt install fonts-noto-mono")
    [unknown, *_] = fonts(DisplaySettings(font="No Such Mono"), ["en"])
    assert not unknown.ok and "fc-list :spacing=mono family" in unknown.fix


def test_without_fontconfig_doctor_says_the_fonts_were_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no fc-match
    [finding] = fonts(DisplaySettings(), SHIPPED)
    assert not finding.ok and "not checked" in finding.message
    assert finding.fix == "sudo apt install fontconfig, then run doctor again."


@needs_fontconfig
def test_doctor_prints_the_missing_font_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_fontconfig(tmp_path, monkeypatch, system_font_folder("DejaVu Sans Mono"))
    config = tmp_path / "kiosk.toml"
    config.write_text("[speech]\nenabled = false\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--config", str(config)],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    chinese = lines.index(next(line for line in lines if "font for zh_Hans" in line))
    assert lines[chinese].startswith("FIX ")
    assert "sudo apt install fonts-noto-cjk" in lines[chinese + 1]
    assert any(line.startswith("ok   font for ar: DejaVu Sans Mono") for line in lines)


def font_charset(family: str) -> set[int]:
    """The code points the installed font of this family has, as fontconfig lists them."""
    result = subprocess.run(
        ["fc-match", "--format", "%{charset}", family], capture_output=True, text=True, check=True
    )
    points: set[int] = set()
    for span in result.stdout.split():
        first, _, last = span.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def drawn_characters(tag: str) -> set[str]:
    """Every character the kiosk draws from this language's catalogs (Arabic as shaped for
    the terminal, in presentation forms), the English source for en."""
    from babel.messages.pofile import read_po

    from kiosk.i18n.rtl import visual_line

    files = (
        [LOCALES / "content.pot", LOCALES / "kiosk.pot"]
        if tag == "en"
        else sorted((LOCALES / tag / "LC_MESSAGES").glob("*.po"))
    )
    drawn: set[str] = set()
    for path in files:
        with path.open("rb") as file:
            catalog = read_po(file)
        for message in catalog:
            texts = [message.id] if tag == "en" else [message.string]
            for text in texts:
                for one in text if isinstance(text, (list, tuple)) else [text]:
                    for line in (one or "").splitlines():
                        drawn.update(visual_line(line)[0] if tag == "ar" else line)
    return {character for character in drawn if character.isprintable() and character != " "}


@needs_fontconfig
@pytest.mark.parametrize("tag", SHIPPED)
def test_the_font_doctor_names_has_every_character_the_language_shows(tag: str) -> None:
    """fontconfig's language lists are about letters; this checks the text itself: each
    character of the catalog is in the terminal font or in the font doctor names for the
    language (so a language doctor passes shows no empty box)."""
    terminal = DisplaySettings().font
    [*_, finding] = fonts(DisplaySettings(), [tag])
    assert finding.ok, finding
    named = finding.message.split(" (", 1)[0]
    covered = font_charset(terminal) | font_charset(named)
    missing = sorted(c for c in drawn_characters(tag) if ord(c) not in covered)
    assert not missing, f"{tag}: {''.join(missing)} ({[hex(ord(c)) for c in missing]})"
    assert len(drawn_characters(tag)) > 40  # the catalogs were read
