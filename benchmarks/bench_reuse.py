"""Benchmark of reportkit.reuse on a synthetic corpus (not part of the library).

The corpus is made in memory from the seed reports in data/raw: each synthetic report
has a town name of its own and ~3,500 characters of sentences built by recombining
clauses of the seeds, with ~15 % of their characters substituted and all figures
redrawn (so that "own" text is unique but shares stock phrasing, as real reports
do); 2-3 stock sentences that every report carries; and, in one report in three,
6 sentences copied from an earlier synthetic report with the town and figures
changed (the reuse to be found).

    python benchmarks/bench_reuse.py 1000 3000
"""
from __future__ import annotations

import logging
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from reportkit.normalize import normalize_text
from reportkit.reuse import corpus_passages, fingerprints, reuse_tables

ROOT = Path(__file__).resolve().parents[1]
STOCK = [
    "{t}坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，全面推进法治政府建设。",
    "现将{t}{y}年法治政府建设工作情况报告如下：",
    "{t}将持续深入学习贯彻习近平法治思想，为全面建设社会主义现代化国家提供有力法治保障。",
]


def _seed_clauses() -> list[str]:
    texts = [normalize_text(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data/raw").glob("*.txt"))]
    clauses = re.split(r"[，。；！？\n]", "".join(texts))
    return [c for c in clauses if 6 <= len(c) <= 40]


def synthetic_corpus(n_docs: int, *, seed: int = 7, chars_per_doc: int = 3500) -> pd.DataFrame:
    """DOCUMENTS-like table (doc_id, town, county, year, text) of N_DOCS synthetic reports."""
    rng = np.random.default_rng(seed)
    clauses = _seed_clauses()
    alphabet = np.array(sorted({ch for c in clauses for ch in c if "\u4e00" <= ch <= "\u9fff"}))
    sentences_by_doc: list[list[str]] = []
    rows = []
    for i in range(n_docs):
        town = "".join(rng.choice(alphabet, 2)) + rng.choice(["镇", "乡", "街道"])
        county = "".join(rng.choice(alphabet, 2)) + "县"
        year = int(rng.integers(2020, 2025))
        sentences, size = [], 0
        while size < chars_per_doc:
            parts = [clauses[j] for j in rng.integers(0, len(clauses), rng.integers(2, 5))]
            chars = np.array(list("，".join(parts)))
            hit = rng.random(len(chars)) < 0.15
            chars[hit] = rng.choice(alphabet, hit.sum())
            sentence = re.sub(r"\d+", lambda _: str(rng.integers(1, 500)), "".join(chars)) + "。"
            sentences.append(sentence)
            size += len(sentence) + 1
        if i % 3 == 2 and i > 3:
            source = sentences_by_doc[int(rng.integers(0, i))]
            start = int(rng.integers(0, max(1, len(source) - 6)))
            for k, copied in enumerate(source[start : start + 6]):
                copied = re.sub(r"\d+", lambda _: str(rng.integers(1, 500)), copied)
                sentences[k * 5 + 3] = copied
        sentences_by_doc.append(sentences)
        stock = [s.format(t=town, y=year) for s in STOCK]
        body = [stock[0] + stock[1]] + ["".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)] + [stock[2]]
        rows.append((f"{i:016x}", town, county, year, "\n".join(body)))
    return pd.DataFrame(rows, columns=["doc_id", "town", "county", "year", "text"])


def benchmark_reuse(n_docs: int, *, seed: int = 7) -> dict[str, float]:
    """CPU seconds for passages, fingerprints and the corpus-wide step on N_DOCS synthetic reports."""
    docs = synthetic_corpus(n_docs, seed=seed)
    # CPU seconds of this process (wall clock is also given; it varies with machine load).
    w0, t0 = time.perf_counter(), time.process_time()
    pas = corpus_passages(docs)
    t1 = time.process_time()
    fps = fingerprints(pas)
    t2 = time.process_time()
    tables = reuse_tables(docs, passages_table=pas, fingerprints_table=fps)
    t3, w3 = time.process_time(), time.perf_counter()
    total = t3 - t0
    return {
        "n_docs": n_docs,
        "n_chars": int(docs["text"].str.len().sum()),
        "n_passages": len(pas),
        "n_reuse_pairs": len(tables["reuse"]),
        "n_boilerplate": len(tables["boilerplate"]),
        "seconds_passages": round(t1 - t0, 2),
        "seconds_fingerprints": round(t2 - t1, 2),
        "seconds_corpus_step": round(t3 - t2, 2),
        "seconds_total": round(total, 2),
        "seconds_per_1000_docs": round(total / n_docs * 1000, 2),
        "seconds_wall": round(w3 - w0, 2),
    }


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for arg in sys.argv[1:] or ["1000"]:
        print(benchmark_reuse(int(arg)))
