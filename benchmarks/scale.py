"""Documents per second on more than one core: local with 1 and 2 workers, Ray
with 1 and 2 actors, on the same input in one run, and what Ray costs to start.

    .venv/bin/python benchmarks/scale.py [PATH...] [--repeat N] [--no-ray]

The input (default: ../shared/data/events-dev/texts and examples/) is read once
into memory, so the figures are the analysis alone. Start-up (processes,
actors, the models each loads) is timed apart from the run; the throughput is
documents over the run's wall time. The machine's load average is printed
beside the figures: on a shared machine they move with it.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.executor import close, make_executor  # noqa: E402
from newsgraph.ingest import read_paths  # noqa: E402
from newsgraph.model import Failure  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.executor.base import start_pipeline  # noqa: E402


def timed_run(analyser, items) -> tuple[float, int]:
    began = time.monotonic()
    out = list(analyser.run(items))
    return time.monotonic() - began, sum(not isinstance(x, Failure) for x in out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=1, help="pass the input this many times")
    ap.add_argument("--no-ray", action="store_true")
    args = ap.parse_args()
    paths = args.paths or [p for p in (ROOT.parent / "shared/data/events-dev/texts", ROOT / "examples") if p.exists()]
    items = [x for x in read_paths(paths) if not isinstance(x, Failure)] * args.repeat
    chars = sum(len(x.text) for x in items)
    print(f"input: {len(items)} documents, {chars} characters from {', '.join(map(str, paths))}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
    rows = []

    began = time.monotonic()
    pipeline = start_pipeline(Pipeline, [])  # the models loaded, as a worker does
    start = time.monotonic() - began
    seconds, n = timed_run(pipeline, items)
    rows.append(("local", 1, start, 0.0, seconds, n))

    configs = [("local", 2)] + ([] if args.no_ray else [("ray", 1), ("ray", 2)])
    for engine, workers in configs:
        if engine == "local":
            ex = make_executor("local", workers)
        else:
            try:
                ex = make_executor("ray", workers)
            except RuntimeError as e:
                print(f"ray: {e}")
                break
        try:
            ex.start()
            seconds, n = timed_run(ex, items)
            rows.append((engine, workers, ex.startup_s, getattr(ex, "init_s", 0.0), seconds, n))
        finally:
            close(ex)

    base = rows[0][4] / rows[0][5]
    print(f"\n{'engine':<7}{'workers':>8}{'start s':>9}{'of it ray.init':>15}{'run s':>8}{'docs/s':>8}"
          f"{'speed-up':>9}{'s/doc vs local 1':>18}")
    for engine, workers, start, init, seconds, n in rows:
        per_doc = seconds / n
        print(f"{engine:<7}{workers:>8}{start + init:>9.1f}{init:>15.1f}{seconds:>8.1f}{n / seconds:>8.2f}"
              f"{base / per_doc:>9.2f}{(per_doc * workers - base) / base:>+18.1%}")
    ray1 = next((r for r in rows if r[:2] == ("ray", 1)), None)
    if ray1:
        print(f"\nRay's start-up overhead: {ray1[3]:.1f} s for ray.init, {ray1[2]:.1f} s for one actor to load "
              f"the pipeline (this process: {rows[0][2]:.1f} s); per document, 1 actor against this process: "
              f"{(ray1[4] / ray1[5] - base) / base:+.1%}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
