"""Full garbage collections wait for a pause in the key presses, and nothing is kept frozen
from one person to the next."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from kiosk.ops.memory import (
    FULL_COLLECTION_BACKLOG,
    collect_if_due,
    collect_in_pauses,
    release_free_memory,
)


class Node:
    """A widget-like object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def own_gc_settings() -> Iterator[None]:
    threshold = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults: kiosks run earlier change them
    # The test process's own objects set aside, so that Python's rule for a full
    # collection (a quarter more long-lived objects) depends on this test's work alone.
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


def old_cyclic_garbage() -> weakref.ref[Node]:
    """A cycle that has survived into the oldest generation, then became garbage."""
    gc.collect()
    node = Node()
    gc.collect(1)  # moves it into the oldest generation
    ref = weakref.ref(node)
    del node
    for _ in range(3):  # younger collections, as key presses make them
        gc.collect(1)
    return ref


def busy_session(ref: weakref.ref[Node]) -> list[Node]:
    """Pages opened and closed: many new objects, a third of them kept. Stops at the
    first full collection (the old garbage is gone), or just before the kiosk would run
    one anyway (FULL_COLLECTION_BACKLOG)."""
    kept: list[Node] = []
    while gc.get_count()[2] < FULL_COLLECTION_BACKLOG - 2:
        for index in range(10_000):
            node = Node()
            if index % 3 == 0:
                kept.append(node)
        gc.collect(1)
        if ref() is None:
            break
    return kept


def test_full_collections_wait_for_a_pause_in_the_key_presses() -> None:
    # Python on its own: the same work brings a full collection, mid-press.
    ref = old_cyclic_garbage()
    busy_session(ref)
    assert ref() is None
    collect_in_pauses()
    ref = old_cyclic_garbage()
    busy_session(ref)
    assert ref() is not None, "a full collection ran while keys were being pressed"
    collect_if_due(quiet=False)
    assert ref() is not None
    collect_if_due(quiet=True)
    assert ref() is None


def test_a_long_burst_of_presses_still_gets_a_full_collection() -> None:
    collect_in_pauses()
    ref = old_cyclic_garbage()
    while gc.get_count()[2] < FULL_COLLECTION_BACKLOG:
        gc.collect(1)
    collect_if_due(quiet=False)
    assert ref() is None


def test_what_one_person_left_is_not_kept_frozen_past_the_next_reset() -> None:
    node = Node()
    ref = weakref.ref(node)
    release_free_memory()  # a reset: what is alive now is frozen
    assert gc.get_freeze_count() > 0
    del node  # the person's screens go
    gc.collect()
    assert ref() is not None  # frozen objects are not scanned...
    release_free_memory()  # ...until the next reset unfreezes them
    assert ref() is None
