"""Speech figures: read key → first audio frame, synthesis speed, words per minute per step.

Run: python bench/speech.py [--runs N]. Ratios are against a baseline measured in the same
run (the engine alone synthesising the same sentence), because the machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

from kiosk.content.pages import load_pages
from kiosk.paths import default_content_dir
from kiosk.speech.controls import RATE_STEPS_WPM, speed_for
from kiosk.speech.page_audio import page_audio
from kiosk.speech.reader import EventKind, SpeechEvent, SpeechReader, Utterance
from kiosk.speech.worker import Synthesiser

FIRST = "Does stem cell therapy help ALS?"
PARAGRAPH = (
    "Motor neurone disease affects the nerves that control your muscles. It usually starts "
    "slowly. Some people first notice a weak grip, or they trip more often. Others notice "
    "that their speech is slurred. A team of health workers can help with each change. "
    "Ask your own care team what might help you."
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def engine_alone(runs: int) -> list[float]:
    synth = Synthesiser()
    synth.start()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        synth.synthesise(FIRST, "en", speed_for(140))
        times.append(time.perf_counter() - started)
    synth.close()
    return times


class Requests:
    """The reader's events, by request: when each one started playing, and ended."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._started: set[int] = set()
        self._done: set[int] = set()

    def __call__(self, event: SpeechEvent) -> None:
        with self._condition:
            if event.kind is EventKind.SENTENCE:
                self._started.add(event.request)
            elif event.kind is EventKind.DONE:
                self._done.add(event.request)
            self._condition.notify_all()

    def wait_started(self, request: int, timeout: float = 5.0) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: request in self._started, timeout)

    def wait_done(self, request: int, timeout: float = 5.0) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: request in self._done, timeout)


def first_frame_at(reader: SpeechReader, timeout: float = 1.0) -> float | None:
    """When the player handed the sentence now playing its first samples (perf_counter),
    read from the bench's own thread: the speech thread never waits for it."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        player = reader.player
        if player is not None and player.first_frame_at is not None:
            return player.first_frame_at
        time.sleep(0.0005)
    return None


def read_key_to_first_frame(runs: int) -> list[float]:
    """Seconds from `speak` (what a read key calls) to the first samples of the sentence
    reaching the audio device (miniaudio's NULL backend, which keeps real time).

    Measured from outside the reader: the time is taken before `speak`, and the player's
    own record of its first frame is read once the sentence has started (SENTENCE event;
    `play` has reset the record by then)."""
    requests = Requests()
    reader = SpeechReader(requests, real_device=False)
    # One request first, not measured: the engine and the device are ready after it.
    warm_up = reader.speak([Utterance(FIRST)])
    requests.wait_started(warm_up, timeout=15)
    reader.stop()
    requests.wait_done(warm_up)
    latencies = []
    for _ in range(runs):
        requested = time.perf_counter()
        request = reader.speak([Utterance(FIRST)])
        if requests.wait_started(request):
            played = first_frame_at(reader)
            if played is not None:
                latencies.append(played - requested)
        reader.stop()
        requests.wait_done(request)
    reader.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs

    base = engine_alone(runs)
    latency = read_key_to_first_frame(runs)
    base_p50 = statistics.median(base)
    print(f"{'metric':44} {'p50':>9} {'p95':>9} {'ratio p50':>10}")
    print(
        f"{'baseline: engine alone, first sentence':44} {base_p50 * 1000:8.1f}ms "
        f"{percentile(base, 0.95) * 1000:8.1f}ms {1.0:>10.2f}"
    )
    print(
        f"{'read key -> first frame to the device':44} "
        f"{statistics.median(latency) * 1000:8.1f}ms {percentile(latency, 0.95) * 1000:8.1f}ms "
        f"{statistics.median(latency) / base_p50:>10.2f}"
    )

    pages, _ = load_pages(default_content_dir())
    page = next(p for p in pages if p.id == "stem-cells")
    synth = Synthesiser()
    synth.start()
    started = time.perf_counter()
    clip, sentences = page_audio(page, synth, 140)
    elapsed = time.perf_counter() - started
    print(
        f"synthesis real-time factor (stem-cells page, {sentences} sentences): "
        f"{clip.seconds:.0f} s of audio in {elapsed:.2f} s = {clip.seconds / elapsed:.0f}x"
    )
    words = len(PARAGRAPH.split())
    print("words per minute heard, per rate step (audio length of a 50-word paragraph):")
    for target in RATE_STEPS_WPM:
        paragraph, _ = synth.synthesise(PARAGRAPH, "en", speed_for(target))
        print(f"  step {target:3d} wpm -> {words / paragraph.seconds * 60:6.1f} wpm")
    synth.close()


if __name__ == "__main__":
    main()
