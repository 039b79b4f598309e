#!/usr/bin/env python3
"""Name-matching speed, citegraph against RapidFuzz, on the same names in one run.

Usage: scripts/compare_rapidfuzz.py [N] [THRESHOLD]

1. Builds and runs `cargo run --release --example name_speed -- N THRESHOLD`, which generates N
   realistic name mentions (deterministic), writes them to target/name_speed/names.txt, and
   scores all N x N pairs in one process with citegraph's matcher, `strsim::jaro_winkler` and
   the `rapidfuzz` crate's Jaro-Winkler BatchComparator, printing pairs/s for each.
2. Scores the same N x N pairs with RapidFuzz for Python: `process.cdist(names, names,
   scorer=JaroWinkler.normalized_similarity, score_cutoff=THRESHOLD, workers=1)`, on the same
   folded keys that the Rust comparators see (target/name_speed/keys.txt).
3. Prints one table with pairs/s and the ratio of each to RapidFuzz cdist.

RapidFuzz (and numpy, which cdist returns) are installed with pip (user site) when missing.
"""
import os
import subprocess
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
THRESHOLD = float(sys.argv[2]) if len(sys.argv) > 2 else 0.9
ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def ensure_rapidfuzz():
    try:
        import numpy  # noqa: F401  (cdist returns a numpy matrix)
        import rapidfuzz  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--user", "rapidfuzz", "numpy"], check=True)
        import site
        sys.path.append(site.getusersitepackages())


def main():
    ensure_rapidfuzz()
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler
    import rapidfuzz

    rust = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "name_speed", "--", str(N), str(THRESHOLD)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    rows = {}
    for line in rust.splitlines():
        if line.startswith("rate\t"):
            _, name, rate = line.split("\t")
            rows[name] = float(rate)
    keys_path = os.path.join(ROOT, "target", "name_speed", "keys.txt")
    keys = open(keys_path, encoding="utf-8").read().splitlines()
    start = time.perf_counter()
    process.cdist(keys, keys, scorer=JaroWinkler.normalized_similarity, score_cutoff=THRESHOLD, workers=1)
    elapsed = time.perf_counter() - start
    base = len(keys) * len(keys) / elapsed
    rows[f"rapidfuzz {rapidfuzz.__version__} (Python) process.cdist, workers=1"] = base

    print(f"{len(keys)} x {len(keys)} name pairs, threshold {THRESHOLD}, one thread")
    print("| comparator | pairs/s | ratio to RapidFuzz cdist |")
    print("|---|---:|---:|")
    for name, rate in rows.items():
        print(f"| {name} | {rate:,.0f} | {rate / base:.2f}x |")


if __name__ == "__main__":
    main()
