"""Clinic config: typed values, and every mistake reported as path:line with the fix."""

from __future__ import annotations

from pathlib import Path

from kiosk.config.clinic import Settings, load_settings, parse_settings
from kiosk.config.keymap import SWITCH_PRESETS

PATH = Path("clinic.toml")


def problems_of(text: str) -> list[str]:
    return [str(p) for p in parse_settings(text, PATH)[1]]


def test_no_file_means_defaults() -> None:
    settings, problems = load_settings(None)
    assert problems == [] and settings == Settings()
    assert settings.session.idle_seconds == 120 and settings.display.theme == "dark"


def test_valid_values_are_used() -> None:
    settings, problems = parse_settings(
        '[display]\ntheme = "yellow"\n[session]\nidle_seconds = 300\nwarning_seconds = 45\n'
        '[keys]\nnext = ["j", "down"]\n',
        PATH,
    )
    assert problems == []
    assert settings.display.theme == "yellow"
    assert settings.session.idle_seconds == 300.0 and settings.session.warning_seconds == 45.0
    assert settings.keys["next"] == ("j", "down")


def test_idle_reset_can_be_turned_off_with_zero() -> None:
    settings, problems = parse_settings("[session]\nidle_seconds = 0\n", PATH)
    assert problems == [] and settings.session.idle_seconds == 0


def test_wrong_value_names_line_and_fix_and_keeps_the_default() -> None:
    settings, problems = parse_settings('\n[display]\ntheme = "pink"\n', PATH)
    assert settings.display.theme == "dark"
    assert [str(p) for p in problems] == [
        "clinic.toml:3: [display] theme must be one of: dark, light, yellow, plain; using the "
        "default 'dark'. (Colour theme: dark (light on dark), light (dark on light), yellow "
        "(yellow on black) or plain (no lines or block art, for people using their own screen "
        "reader).)"
    ]


def test_wcag_2_2_1_warning_shorter_than_20_seconds_is_refused() -> None:
    settings, problems = parse_settings("[session]\nwarning_seconds = 5\n", PATH)
    assert settings.session.warning_seconds == 30
    assert problems[0].line == 2 and "must be from 20 to 600" in problems[0].message


def test_unknown_table_and_setting_are_reported() -> None:
    assert problems_of("[sound]\nx = 1\n[display]\nthem = 'dark'\n") == [
        "clinic.toml:1: unknown table [sound] "
        "(known: clinic, display, session, speech, language, input, keys)",
        "clinic.toml:4: unknown setting `them` in [display] (known: theme, bidi, "
        "viewing_distance_cm, font_size_pt, font, screen_width_mm)",
    ]


def test_invalid_toml_is_reported_with_its_line_and_defaults_are_used() -> None:
    settings, problems = parse_settings('[display]\ntheme = "dark\n', PATH)
    assert settings == Settings()
    assert problems[0].line == 2 and "not valid TOML" in problems[0].message


def test_reserved_and_clashing_keys_are_refused() -> None:
    found = problems_of('[keys]\nback = ["ctrl+q"]\nselect = ["down"]\n')
    assert found[0].startswith("clinic.toml:2: [keys] back: 'ctrl+q' is reserved")
    assert found[1] == (
        "clinic.toml:3: key 'down' is given to both `next` and `select`: give each key one action"
    )


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    settings, problems = load_settings(missing)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{missing}: config file not found; the kiosk runs on defaults"
    ]
    binary = tmp_path / "bad.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert "cannot read config" in str(load_settings(binary)[1][0])


def test_the_clinic_region_is_checked_and_a_uk_mistake_gets_its_fix() -> None:
    settings, problems = parse_settings('[clinic]\nregion = "GB-SCT"\nreview_months = 6\n', PATH)
    assert problems == [] and settings.clinic.region == "GB-SCT"
    assert settings.clinic.review_months == 6
    found = problems_of('[clinic]\nregion = "UK"\n')
    assert found[0].startswith("clinic.toml:2: [clinic] region the United Kingdom's code is GB")
    assert parse_settings('[clinic]\nregion = "uk"\n', PATH)[0].clinic.region == ""


def test_switch_interface_presets_give_the_switch_keys() -> None:
    """The common outputs of switch interfaces are one setting away (issue #15)."""
    for preset, (move, select) in SWITCH_PRESETS.items():
        settings, problems = parse_settings(f'[input]\nswitch_keys = "{preset}"\n', PATH)
        assert problems == []
        assert settings.keys["switch_move"] == (move,)
        assert settings.keys["switch_select"] == (select,)
    default, _ = parse_settings("", PATH)
    assert (default.keys["switch_move"], default.keys["switch_select"]) == (("1",), ("2",))


def test_a_switch_key_may_also_be_an_ordinary_key() -> None:
    """Space and Enter as switches clash with nothing: in a switch mode they do only switch
    things, with keys they read and open as before."""
    settings, problems = parse_settings('[input]\nswitch_keys = "space-enter"\n', PATH)
    assert problems == []
    assert settings.keys["read"] == ("space",) and settings.keys["select"][0] == "enter"
    found = problems_of('[keys]\nswitch_move = ["space"]\nswitch_select = ["space"]\n')
    assert found == [
        "clinic.toml:3: key 'space' is given to both `switch_move` and `switch_select`: "
        "give each key one action"
    ]


def test_switch_keys_named_under_keys_take_the_place_of_the_preset() -> None:
    settings, problems = parse_settings(
        '[input]\nswitch_keys = "space-enter"\n[keys]\nswitch_select = ["f5"]\n', PATH
    )
    assert problems == []
    assert settings.keys["switch_move"] == ("space",) and settings.keys["switch_select"] == ("f5",)


def test_an_unknown_switch_preset_names_its_line_and_the_choices() -> None:
    found = problems_of('[input]\nmode = "one-switch"\nswitch_keys = "spacebar"\n')
    assert found[0].startswith(
        "clinic.toml:3: [input] switch_keys must be one of: 1-2, space-enter, f1-f2; "
        "using the default '1-2'"
    )
