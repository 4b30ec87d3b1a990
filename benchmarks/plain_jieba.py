"""The baseline the build is compared with: plain `jieba.lcut` over the same files, same processes.

    python benchmarks/plain_jieba.py RAW_DIR --jobs 2

Each worker imports jieba and loads its default dictionary (as each build worker loads its
own), reads and decodes its share of the files and tokenises them whole. Prints JSON with the
wall time, including pool start-up and dictionary loads, as the build's time does.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _init() -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _tokenise(path: str) -> int:
    import jieba

    return len(jieba.lcut(Path(path).read_text(encoding="utf-8")))


def plain_jieba(raw_dir: Path, *, jobs: int) -> dict:
    """Seconds and token count of jieba.lcut over every .txt file of RAW_DIR with JOBS processes."""
    files = sorted(str(p) for p in Path(raw_dir).glob("*.txt"))
    started = time.perf_counter()
    if jobs <= 1:
        _init()
        n_tokens = sum(map(_tokenise, files))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init) as pool:
            n_tokens = sum(pool.map(_tokenise, files, chunksize=max(1, len(files) // (jobs * 8))))
    return {"n_files": len(files), "n_tokens": n_tokens, "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    print(json.dumps(plain_jieba(args.raw_dir, jobs=args.jobs)))


if __name__ == "__main__":
    main()
