"""Run one `reportkit build` (the library call behind the CLI) and print its timings as JSON.

    python benchmarks/build_once.py RAW_DIR --out OUT --cache CACHE --jobs 2

The same call as `reportkit build RAW_DIR --out OUT --cache CACHE --jobs N --quiet`, but the
BuildReport (seconds per stage, stages computed) is printed so that run.py can record it.
"""
from __future__ import annotations

import argparse
import json
import logging
import resource
from pathlib import Path

from reportkit.pipeline.build import BuildReport, build


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("jieba").setLevel(logging.WARNING)
    logging.getLogger("reportkit.pipeline").setLevel(logging.INFO)  # stage times on stderr as they happen
    report = BuildReport()
    build(args.raw_dir, manifest=None, out=args.out, cache_dir=args.cache, jobs=args.jobs, report=report)
    print(json.dumps({
        "n_documents": report.n_documents,
        "seconds": report.seconds, "computed": report.computed, "status": report.status_counts,
        "parent_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
