"""Name matcher benchmark: how long finding one typed name among a network's topics,
groups and regions takes (issue 32: well under a millisecond per input).

``--inputs`` texts (default 5,000) are made from what members type for a name — a word, a
beginning, the name in other case, umlauts spelt out or dropped, subscripts written plain,
emoji and punctuation left off, two words in another order — plus a share that names
nothing. Each is matched with :func:`bot.parsing.names.rank` against ``--names`` names
(default 60, about what a network has of topics, groups and regions together), three
times: an input's time is the fastest of its runs, since the machine is shared (the p99 of
single runs is reported beside it). The fold cache is cleared before each input's first
run ("cold": the names folded anew, as on the first message after a change of them).

Run: ``.venv/bin/python -m bench names [--inputs 5000] [--names 60]``; writes
``bench/results/names.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from bot.parsing.names import fold, rank

RESULTS = Path(__file__).parent / "results"
REPEATS = 3
WORDS = (
    "Oberflächen", "Beschichtung", "Wasserstoff", "Künstliche", "Intelligenz", "Schweißen",
    "Fügetechnik", "Leichtbau", "Luftfahrt", "Kreislaufwirtschaft", "Robotik", "Digitalisierung",
    "Energie", "Mobilität", "Gießerei", "Werkstoffe", "Fräsen", "Logistik", "Qualität", "Öffnung",
)  # fmt: skip
DECOR = ("🎨", "(H₂)", "&", "–", "4.0", "e.V.", "🚀", "")
NOTHING = ("Stammtisch", "Zzz", "Brauerei", "Quantencomputing", "🙂", "???")


def names(count: int, rng: random.Random) -> list[str]:
    """``count`` names of one to three words with symbols, emoji and subscripts."""
    made = []
    for index in range(count):
        words = rng.sample(WORDS, rng.randint(1, 3))
        made.append(f"{' '.join(words)} {rng.choice(DECOR)} {index}".strip())
    return made


def _typed(name: str, rng: random.Random) -> str:
    """How someone types ``name``: one of the ways the matcher must forgive."""
    words = [w for w in name.split() if any(c.isalpha() for c in w)]
    word = rng.choice(words)
    ways = [
        lambda: word,
        lambda: word[: max(3, len(word) // 2)],
        lambda: name.upper(),
        lambda: word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
        lambda: word.replace("ä", "a").replace("ö", "o").replace("ü", "u").lower(),
        lambda: name.replace("₂", "2"),
        lambda: " ".join(reversed(words)),
    ]
    return rng.choice(ways)()


def inputs(count: int, candidates: list[str], seed: int = 32) -> list[str]:
    """``count`` typed names, about one in eight naming nothing."""
    rng = random.Random(seed)
    return [
        rng.choice(NOTHING) if rng.random() < 0.125 else _typed(rng.choice(candidates), rng)
        for _ in range(count)
    ]


def main(count: int, name_count: int) -> dict[str, object]:
    rng = random.Random(32)
    candidates = names(name_count, rng)
    texts = inputs(count, candidates)
    times, first_runs, unique, ambiguous, none = [], [], 0, 0, 0
    for text in texts:
        fold.cache_clear()
        runs = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            found = rank(text, candidates)
            runs.append(time.perf_counter() - started)
        unique += len(found) == 1
        ambiguous += len(found) > 1
        none += not found
        times.append(min(runs))
        first_runs.append(runs[0])
    times.sort()
    first_runs.sort()
    return {
        "inputs": count,
        "names": name_count,
        "unique": unique,
        "ambiguous": ambiguous,
        "none": none,
        "median_ms": _ms(statistics.median(times)),
        "p99_ms": _ms(times[int(len(times) * 0.99) - 1]),
        "max_ms": _ms(times[-1]),
        "cold_median_ms": _ms(statistics.median(first_runs)),
        "cold_p99_ms": _ms(first_runs[int(len(first_runs) * 0.99) - 1]),
    }


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 4)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=5000)
    parser.add_argument("--names", type=int, default=60)
    ns = parser.parse_args()
    result = main(ns.inputs, ns.names)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "names.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:12} {value}")
