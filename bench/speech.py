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


def read_key_to_first_frame(runs: int) -> list[float]:
    started = threading.Event()

    def on_event(event: SpeechEvent) -> None:
        if event.kind is EventKind.SENTENCE:
            started.set()

    reader = SpeechReader(on_event, real_device=False)
    reader.wait_idle()
    latencies = []
    for _ in range(runs):
        started.clear()
        reader.speak([Utterance(FIRST)])
        started.wait(5)
        reader.wait_idle()
        if reader.last_latency is not None:
            latencies.append(reader.last_latency)
        reader.stop()
        reader.wait_idle()
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
