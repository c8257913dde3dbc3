"""`als-kiosk doctor` tells the technician which keys are switches (issue #15, item 3)."""

from __future__ import annotations

from pathlib import Path

from kiosk.config.clinic import parse_settings
from kiosk.ops.doctor import switches

PATH = Path("kiosk.toml")


def test_doctor_names_the_switch_keys_of_the_preset_and_the_mode() -> None:
    settings, _ = parse_settings(
        '[input]\nmode = "one-switch"\nswitch_keys = "space-enter"\n', PATH
    )
    said = str(switches(settings))
    assert said.startswith("ok   switch keys: switch 1 = Space (moves with two switches), ")
    assert "switch 2 = Enter" in said and "in one-switch mode (now) they do only that" in said
    assert "switch_keys = 'space-enter'" in said


def test_doctor_names_switch_keys_given_under_keys_and_how_to_change_them() -> None:
    settings, _ = parse_settings('[keys]\nswitch_move = ["f5", "f6"]\n', PATH)
    said = str(switches(settings))
    assert "switch 1 = F5 or F6" in said and "switch 2 = 2" in said
    assert "once someone chooses one or two switches in Settings" in said
    assert "one of 1-2, space-enter, f1-f2" in said
