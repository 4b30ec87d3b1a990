"""Fit time and memory against the number of reports, from `make bench` results, and extrapolate.

    python benchmarks/fit.py                               # benchmarks/results/*.csv, latest row per (N, case)
    python benchmarks/fit.py results/a.csv results/b.csv   # these files (later rows win)

For each case (cold, warm, add1, add500) a least-squares line ``seconds = a + b·N`` and
``peak MB = a + b·N`` over the sizes measured, and what they give for 150,000 reports here. For a
16-core machine the per-report stages (the parallel part: `documents_s`, measured with `jobs`
processes) are scaled by jobs/16 and the rest (corpus-wide steps, writing) kept as measured; peak
memory is the build process plus 16 workers of the largest size measured (an upper bound).
Prints Markdown, to paste into docs/benchmarks.md.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = ("cold", "warm", "add1", "add500")
TARGET = 150_000


def rows(paths: list[Path]) -> dict[tuple[int, str], dict]:
    latest: dict[tuple[int, str], dict] = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("case") in CASES and row.get("wall_s"):
                    latest[(int(row["n_docs"]), row["case"])] = row
    return latest


def line(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares (intercept, slope); a single point gives a line through the origin."""
    if len(xs) == 1:
        return 0.0, ys[0] / xs[0]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - slope * mx, slope


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted((HERE / "results").glob("bench-*.csv"))
    data = rows(paths)
    print(f"| case | sizes | wall s = a + b·N | peak MB = a + b·N | {TARGET:,}: wall here | peak here | "
          f"wall, 16 cores | peak, 16 cores |")
    print("|---|---|---|---|---|---|---|---|")
    for case in CASES:
        points = sorted((n, r) for (n, c), r in data.items() if c == case)
        if not points:
            continue
        ns = [float(n) for n, _ in points]
        wall = [float(r["wall_s"]) for _, r in points]
        peak = [float(r["peak_rss_mb"]) for _, r in points]
        serial = [float(r["wall_s"]) - float(r.get("documents_s") or 0) for _, r in points]
        parallel = [float(r.get("documents_s") or 0) * int(r["jobs"]) / 16 for _, r in points]
        (wa, wb), (pa, pb) = line(ns, wall), line(ns, peak)
        (sa, sb), (qa, qb) = line(ns, serial), line(ns, parallel)
        last = points[-1][1]
        parent, worker = float(last.get("parent_rss_mb") or 0), float(last.get("worker_rss_mb") or 0)
        peak16 = (max(pa + pb * TARGET, parent + 16 * worker) if worker else float("nan"))
        print(f"| {case} | {', '.join(f'{int(n):,}' for n in ns)} | {wa:.1f} + {wb * 1000:.2f}·N/1000 | "
              f"{pa:.0f} + {pb * 1000:.2f}·N/1000 | {wa + wb * TARGET:,.0f} s | {pa + pb * TARGET:,.0f} MB | "
              f"{sa + sb * TARGET + qa + qb * TARGET:,.0f} s | {peak16:,.0f} MB |")


if __name__ == "__main__":
    main(sys.argv[1:])
