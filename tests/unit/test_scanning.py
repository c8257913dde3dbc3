"""Switch scanning on a virtual clock: order, groups, timing, loops, tremor and hold."""

from __future__ import annotations

import random
import statistics

from kiosk.input.scanning import Choice, Highlight, Mode, Scanner, Switch, Timings, make_groups
from tests.doubles import ManualClock


def items(scanner: Scanner) -> tuple[int, ...]:
    assert scanner.highlight is not None
    return scanner.highlight.items


def one_switch(count: int, timings: Timings | None = None) -> tuple[Scanner, ManualClock]:
    clock = ManualClock()
    scanner = Scanner(clock, Mode.ONE_SWITCH, timings)
    scanner.start(count)
    return scanner, clock


def run(scanner: Scanner, clock: ManualClock, seconds: float, step: float = 0.01) -> list[object]:
    """Let `seconds` pass in ticks, collecting what changed."""
    seen: list[object] = []
    for _ in range(round(seconds / step)):
        clock.advance(step)
        result = scanner.tick()
        if result is not None:
            seen.append(result)
    return seen


def tap(scanner: Scanner, clock: ManualClock, switch: Switch = Switch.SELECT) -> object:
    """A short press: the key event, then a moment for it to settle (no auto-repeat)."""
    scanner.press(switch)
    results = run(scanner, clock, 0.12)
    return results[0] if results else None


def test_items_are_scanned_in_reading_order_with_extra_time_on_the_first() -> None:
    scanner, clock = one_switch(4)
    assert scanner.highlight == Highlight((0,), is_group=False)
    run(scanner, clock, 1.5 + 0.75 - 0.02)
    assert items(scanner) == (0,)  # still first
    run(scanner, clock, 0.04)
    assert items(scanner) == (1,)
    run(scanner, clock, 1.5)
    assert items(scanner) == (2,)
    run(scanner, clock, 1.5)
    assert items(scanner) == (3,)
    run(scanner, clock, 1.5)
    assert items(scanner) == (0,)  # the second loop
    run(scanner, clock, 1.5 + 0.75 - 0.02)  # on the first item: the extra time again
    assert items(scanner) == (0,)
    run(scanner, clock, 0.04)
    assert items(scanner) == (1,)


def test_items_offered_alone_come_before_the_groups() -> None:
    """A page offers its first text and its controls one by one, then the rest by groups."""
    assert make_groups(12, alone=2) == [(0,), (1,), (2, 3, 4, 5, 6), (7, 8, 9, 10, 11)]
    assert make_groups(5, alone=2) == [(0,), (1,), (2,), (3,), (4,)]
    assert make_groups(1, alone=2) == [(0,)]
    clock = ManualClock()
    scanner = Scanner(clock, Mode.ONE_SWITCH)
    assert scanner.start(12, alone=2) == Highlight((0,), is_group=False)
    assert tap(scanner, clock) == Choice(0)  # one press: no group to open first


def test_more_than_seven_items_are_scanned_by_group_then_item() -> None:
    assert make_groups(11) == [(0, 1, 2, 3), (4, 5, 6, 7), (8, 9, 10)]
    scanner, clock = one_switch(11)
    assert scanner.highlight == Highlight((0, 1, 2, 3), is_group=True)
    run(scanner, clock, 1.5 + 0.75 + 0.01)
    assert scanner.highlight == Highlight((4, 5, 6, 7), is_group=True)
    assert tap(scanner, clock) == Highlight((4,), is_group=False)  # into the group
    run(scanner, clock, 1.5 + 0.75)
    assert items(scanner) == (5,)
    assert tap(scanner, clock) == Choice(5)


def test_loops_then_pause_until_a_press_which_chooses_nothing() -> None:
    scanner, clock = one_switch(3)  # 3 loops of 3 items
    run(scanner, clock, 0.75 + 9 * 1.5 + 3 * 0.75 + 1)
    assert scanner.paused and items(scanner) == (0,)
    run(scanner, clock, 10)
    assert scanner.paused  # it stays paused
    assert tap(scanner, clock) == Highlight((0,), is_group=False)  # a press resumes…
    assert not scanner.paused
    run(scanner, clock, 1.5 + 0.75 + 0.01)
    assert items(scanner) == (1,)  # …and scanning runs again


def test_en_5_8_two_presses_0_1_s_apart_count_once() -> None:
    scanner, clock = one_switch(5)
    run(scanner, clock, 2.3)  # on item 1
    scanner.press(Switch.SELECT)
    clock.advance(0.1)
    scanner.press(Switch.SELECT)  # tremor: a second knock
    results = run(scanner, clock, 1.0)
    assert [r for r in results if isinstance(r, Choice)] == [Choice(1)]


def test_held_key_auto_repeat_is_one_press() -> None:
    scanner, clock = one_switch(5)
    scanner.press(Switch.SELECT)
    choices = [r for r in run(scanner, clock, 0.5) if isinstance(r, Choice)]
    for _ in range(30):  # the terminal repeats the held key every 33 ms
        scanner.press(Switch.SELECT)
        choices += [r for r in run(scanner, clock, 0.033) if isinstance(r, Choice)]
    choices += [r for r in run(scanner, clock, 0.5) if isinstance(r, Choice)]
    assert choices == [Choice(0)]


def test_hold_time_ignores_a_brief_knock_and_accepts_a_long_press() -> None:
    scanner, clock = one_switch(3, Timings(hold_seconds=0.8))
    assert tap(scanner, clock) is None  # brief: not counted
    clock.advance(1.0)
    scanner.press(Switch.SELECT)
    clock.advance(0.5)
    accepted = []
    for _ in range(15):  # held: auto-repeat every 33 ms after 0.5 s
        result = scanner.press(Switch.SELECT)
        if result is not None:
            accepted.append((round(clock.now() - 1000, 2), result))
        clock.advance(0.033)
    assert len(accepted) == 1 and isinstance(accepted[0][1], Choice)


def test_two_switch_step_mode_one_moves_the_other_selects_with_no_timing() -> None:
    clock = ManualClock()
    scanner = Scanner(clock, Mode.TWO_SWITCH)
    scanner.start(4)
    run(scanner, clock, 30)
    assert items(scanner) == (0,)  # nothing moves by itself
    assert tap(scanner, clock, Switch.MOVE) == Highlight((1,), is_group=False)
    clock.advance(0.5)
    assert tap(scanner, clock, Switch.MOVE) == Highlight((2,), is_group=False)
    clock.advance(0.5)
    assert tap(scanner, clock, Switch.SELECT) == Choice(2)


def test_wcag_3_2_1_highlighting_never_activates() -> None:
    scanner, clock = one_switch(5)
    results = run(scanner, clock, 60)
    assert results and not any(isinstance(r, Choice) for r in results)


def test_scan_steps_do_not_drift_when_ticks_come_late() -> None:
    """Step times come from one clock: late, irregular ticks do not add up to drift."""
    rng = random.Random(7)
    scanner, clock = one_switch(200, Timings(loops=1))
    scanner.start(7)
    errors = []
    for _ in range(400):
        due = scanner.next_step_at
        clock.advance(max(0.0, due - clock.now()) + rng.uniform(0, 0.015))
        late = clock.now() - due
        scanner.tick()
        if scanner.paused:
            scanner.press(Switch.SELECT)
            clock.advance(0.12)
            scanner.tick()
            continue
        errors.append(late)
        # The next step is due exactly one interval after the last one was due.
        assert scanner.next_step_at - due in (1.5, 1.5 + 0.75)
    assert statistics.median(errors) < 0.015
