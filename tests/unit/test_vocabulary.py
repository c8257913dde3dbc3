"""Each shared term has one definition, and everything that names it uses that one."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from kiosk.config.clinic import DisplaySettings, InputSettings
from kiosk.config.keymap import ACTIONS, LABELS
from kiosk.config.palette import PALETTES, THEMES, is_plain
from kiosk.config.personal import MODE_NAMES, SETTINGS, THEME_NAMES
from kiosk.i18n.languages import CatalogTranslations, load_language
from kiosk.i18n.plural_forms import plural_count, plural_expression, plural_function
from kiosk.input.scanning import Mode
from kiosk.speech.controls import voice_candidates
from kiosk.translate import base_language, subtags
from tests.conftest import LOCALES


def choices_of(cls: type[object], name: str) -> tuple[str, ...]:
    found = {f.name: f for f in dataclasses.fields(cls)}[name]  # type: ignore[arg-type]
    return tuple(found.metadata["choices"])


def test_input_modes_are_one_list_for_the_config_the_settings_screen_and_the_scanner() -> None:
    assert choices_of(InputSettings, "mode") == tuple(mode.value for mode in Mode)
    assert set(MODE_NAMES) == set(Mode)
    mode = next(setting for setting in SETTINGS if setting.id == "mode")
    assert mode.choices(None) == tuple(Mode)  # type: ignore[arg-type]
    assert Mode("one-switch") is Mode.ONE_SWITCH and str(Mode.KEYS) == "keys"


def test_themes_are_the_palettes_everywhere() -> None:
    assert tuple(PALETTES) == THEMES
    assert choices_of(DisplaySettings, "theme") == THEMES
    assert tuple(THEME_NAMES) == THEMES
    assert [name for name in THEMES if is_plain(name)] == ["plain"]


def test_every_action_has_its_words_in_one_place() -> None:
    assert {action.id: action.label for action in ACTIONS} == LABELS


@pytest.mark.parametrize(
    ("field", "count", "expression"),
    [
        ("nplurals=2; plural=(n != 1);", 2, "(n != 1)"),
        ("nplurals = 3; plural = n%10==1 ? 0 : 1;", 3, None),
        ("nplurals=1; plural=0;", 1, "0"),
        ("plural=(n > 1);", None, "(n > 1)"),
    ],
)
def test_the_plural_forms_field_is_read_in_one_place(
    field: str, count: int | None, expression: str | None
) -> None:
    assert plural_count(field) == count
    if expression is not None:
        assert plural_expression(field) == expression


def test_a_plural_forms_field_without_an_expression_is_refused() -> None:
    with pytest.raises(ValueError, match="no plural= expression"):
        plural_function("nplurals=2;")


def test_the_interface_chooses_plural_forms_by_the_file_s_rule() -> None:
    arabic = (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"
    )
    forms = ["zero", "one", "two", "few", "many", "other"]
    translations = CatalogTranslations({"{n} second": forms}, arabic)
    chosen = [translations.ngettext("{n} second", "{n} seconds", n) for n in (0, 1, 2, 5, 11, 100)]
    assert chosen == forms
    broken = CatalogTranslations({"{n} second": ["one", "other"]}, "nplurals=2;")
    assert broken.ngettext("{n} second", "{n} seconds", 2) == "other"  # English's rule


@pytest.mark.parametrize("tag", ["pt_BR", "pt-BR", "PT", "pt", "pt_br"])
def test_a_tag_names_its_base_language_however_it_is_written(tag: str) -> None:
    assert base_language(tag) == "pt"


def test_subtags_and_voice_candidates_read_a_tag_alike() -> None:
    assert subtags("zh_Hans") == subtags("zh-hans") == ["zh", "hans"]
    assert voice_candidates("pt_BR") == voice_candidates("pt-br") == ["pt-br", "pt"]
    assert voice_candidates("zh_Hans") == ["cmn"]
    assert voice_candidates("en") == ["en"]


def test_a_plural_forms_field_with_spaces_loads_as_the_check_accepts_it(tmp_path: Path) -> None:
    """Found when the two parsers became one: `nplurals = 2` passed the check's reading
    (a regex) and then crashed the loader's (split on "nplurals=")."""
    folder = tmp_path / "es"
    shutil.copytree(LOCALES / "es", folder)
    for po in (folder / "LC_MESSAGES").glob("*.po"):
        text = po.read_text(encoding="utf-8")
        po.write_text(text.replace("nplurals=2;", "nplurals = 2;"), encoding="utf-8")
    loaded, _ = load_language(folder, {})
    assert loaded is not None
    assert loaded.plural.startswith("nplurals = 2;")
