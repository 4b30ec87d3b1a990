"""`make bench`: time `reportkit build` on synthetic corpora and compare it with plain jieba.

    python benchmarks/run.py                 # N = 1000 and 10000
    python benchmarks/run.py 300 --jobs 2    # sizes and processes of your choice
    REPORTKIT_TOKENIZER=rjieba python benchmarks/run.py 1000   # the build with the optional rjieba

For each N: generate (or reuse) benchmarks/corpus/n<N>/raw (SYNTHETIC reports, see
generate.py), then in separate processes, so that each one's memory is its own:

    cold      build with an empty cache
    warm      the same build again (everything cached)
    add1      one new report added to the built corpus (the new one is removed afterwards), three
              times with a different report: the median run is recorded, every run's time beside it
    add500    500 new reports (new towns) added to the built corpus (removed afterwards)
    plain     jieba.lcut over the same files with the same number of processes

and once: `import reportkit` and `reportkit --help`. Wall time, CPU time (user+sys of the
whole process tree: less disturbed by other load on the machine), peak memory (largest sum
of RSS over the process tree, sampled every 50 ms: an upper bound, since forked workers
share pages) and the build's own stage timings go to benchmarks/results/bench-<time>.csv
(and latest.csv); a table is printed.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent

sys.path.insert(0, str(HERE))
from generate import bigram_model, generate, load_seeds, paragraph_pools, synthetic_report  # noqa: E402

COLUMNS = ["n_docs", "case", "jobs", "mb", "wall_s", "cpu_s", "mb_per_s", "peak_rss_mb", "ratio_to_plain",
           "documents_s", "corpus_s", "write_s", "stage_cpu_s", "corpus_steps_s", "computed", "parent_rss_mb",
           "worker_rss_mb", "trials_wall_s", "machine"]
ADD1_TRIALS = 3  # add1 is timed this many times (a different report each time); the median is kept


def machine() -> str:
    """nproc, CPU model, RAM and Python version, for the record."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = psutil.virtual_memory().total / 2**30
    engine = os.environ.get("REPORTKIT_TOKENIZER") or "jieba"  # the build's engine; plain_jieba is always jieba
    bytecode = ", PYTHONDONTWRITEBYTECODE set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    return (f"{len(os.sched_getaffinity(0))} cores, {model}, {ram:.0f} GB RAM, Python {platform.python_version()}, "
            f"build tokenizer {engine}{bytecode}")


def compile_package() -> None:
    """reportkit's bytecode compiled ahead, as an installation and Python's default (writing it at
    the first import) leave it. A machine that sets PYTHONDONTWRITEBYTECODE (this one does) would
    otherwise compile ~30 modules from source in every build and every worker: ~0.3 s of adding one
    report, measured as if it were the build's."""
    import compileall

    compileall.compile_dir(str(ROOT / "reportkit"), quiet=1)


def measure(cmd: list[str], *, cwd: Path = ROOT) -> dict:
    """Run CMD; wall seconds, CPU seconds and peak RSS (MB) of its process tree, and its stdout."""
    started = time.perf_counter()
    # stderr goes to a log file beside the results, so a long run can be followed (tail -f).
    log_path = HERE / "results" / "last-command.log"
    log_path.parent.mkdir(exist_ok=True)
    errors = open(log_path, "w", encoding="utf-8")
    proc = psutil.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=errors, text=True)
    peak, cpu = 0, {}
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            rss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
                except psutil.Error:
                    pass
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    stdout, _ = proc.communicate()
    errors.close()
    stderr = log_path.read_text(encoding="utf-8")
    wall = time.perf_counter() - started
    total_cpu = sum(cpu.values())
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"wall_s": wall, "cpu_s": total_cpu, "peak_rss_mb": peak / 2**20, "stdout": stdout}


def build_row(n: int, case: str, raw: Path, jobs: int, mb: float) -> dict:
    base = raw.parent
    result = measure([PYTHON, str(HERE / "build_once.py"), str(raw), "--out", str(base / "out"),
                      "--cache", str(base / "cache"), "--jobs", str(jobs)])
    report = json.loads(result["stdout"].strip().splitlines()[-1])
    seconds = report["seconds"]
    stage_cpu = {k.split(".", 1)[1]: round(v, 1) for k, v in seconds.items() if k.startswith("cpu.")}
    steps = {k.split(".", 1)[1]: round(v, 2) for k, v in seconds.items() if k.startswith("corpus.")}
    print(f"  {case}: {result['wall_s']:.1f} s wall, {result['peak_rss_mb']:.0f} MB peak, "
          f"{json.dumps({k: round(v, 1) for k, v in seconds.items()})}", flush=True)
    return {
        "n_docs": n, "case": case, "jobs": jobs, "mb": round(mb, 1),
        "wall_s": round(result["wall_s"], 2), "cpu_s": round(result["cpu_s"], 1),
        "mb_per_s": round(mb / result["wall_s"], 3), "peak_rss_mb": round(result["peak_rss_mb"]),
        "documents_s": round(seconds.get("documents", 0), 2), "corpus_s": round(seconds.get("corpus", 0), 2),
        "write_s": round(seconds.get("write", 0), 2),
        "stage_cpu_s": json.dumps(stage_cpu, ensure_ascii=False), "corpus_steps_s": json.dumps(steps),
        "computed": json.dumps(report["computed"]),
        # Largest RSS of the build process and of one worker (for what more cores would need).
        "parent_rss_mb": round(report.get("parent_maxrss_mb", 0)), "worker_rss_mb": round(report.get("children_maxrss_mb", 0)),
    }


def add_one(raw: Path) -> Path:
    """Write one more synthetic report (new town) into RAW; returns its path."""
    import numpy as np

    seeds = load_seeds()
    pools = paragraph_pools(seeds)
    rng = np.random.default_rng(int(time.time()))
    place = {"town": "新添镇", "county": "新添县", "city": "新添市", "province": "河南省"}
    path = raw / "synthetic_added.txt"
    text = synthetic_report(seeds, pools, rng=rng, place=place, year=2024, model=bigram_model(seeds))
    path.write_text(text + "\n", encoding="utf-8")
    return path


def add_one_trials(n: int, raw: Path, jobs: int, mb: float, trials: int = ADD1_TRIALS) -> dict:
    """The add1 row: one new report (a different one each time) added to the built corpus TRIALS
    times, the corpus built again without it after each (not recorded); the median run's row, with
    every run's wall time in ``trials_wall_s`` (one run is at the mercy of the machine's spread)."""
    runs = []
    for _ in range(trials):
        added = add_one(raw)
        try:
            runs.append(build_row(n, "add1", raw, jobs, mb + added.stat().st_size / 1e6))
        finally:
            added.unlink()
        measure([PYTHON, str(HERE / "build_once.py"), str(raw), "--out", str(raw.parent / "out"),
                 "--cache", str(raw.parent / "cache"), "--jobs", str(jobs)])  # back to the corpus as built
    walls = [r["wall_s"] for r in runs]
    row = sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2]
    return {**row, "trials_wall_s": json.dumps(walls)}


def add_many(raw: Path, k: int) -> list[Path]:
    """Write K more synthetic reports (invented towns, another seed) into RAW; returns their paths."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        made = generate(k, Path(tmp), seed=int(time.time()))
        paths = []
        for i, path in enumerate(sorted(made.glob("synthetic_*.txt"))):
            target = raw / f"synthetic_added_{i:04d}.txt"
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            paths.append(target)
    return paths


def startup_rows(repeat: int = 5) -> list[dict]:
    """Best of REPEAT for `python -c "import reportkit"` and `reportkit --help` (and bare python)."""
    cases = {
        "python_bare": [PYTHON, "-c", "pass"],
        "import_reportkit": [PYTHON, "-c", "import reportkit"],
        "reportkit_help": [str(BIN / "reportkit"), "--help"],
    }
    rows = []
    for case, cmd in cases.items():
        best = min(measure(cmd)["wall_s"] for _ in range(repeat))
        rows.append({"n_docs": 0, "case": case, "jobs": 1, "wall_s": round(best, 3)})
    return rows


def bench_size(n: int, *, jobs: int, regenerate: bool) -> list[dict]:
    base = HERE / "corpus" / f"n{n}"
    raw = base / "raw"
    if regenerate or not raw.is_dir() or sum(1 for _ in raw.glob("synthetic_*.txt")) != n:
        generate(n, base)
    for stale in raw.glob("synthetic_added*.txt"):  # left by an interrupted run
        stale.unlink()
    mb = sum(p.stat().st_size for p in raw.glob("*.txt")) / 1e6
    shutil.rmtree(base / "cache", ignore_errors=True)
    rows = [build_row(n, "cold", raw, jobs, mb), build_row(n, "warm", raw, jobs, mb)]
    rows.append(add_one_trials(n, raw, jobs, mb))
    many = add_many(raw, 500)
    try:
        rows.append(build_row(n, "add500", raw, jobs, mb + sum(p.stat().st_size for p in many) / 1e6))
    finally:
        for path in many:
            path.unlink()
    plain = measure([PYTHON, str(HERE / "plain_jieba.py"), str(raw), "--jobs", str(jobs)])
    print(f"  plain jieba: {plain['wall_s']:.1f} s wall", flush=True)
    rows.append({"n_docs": n, "case": "plain_jieba", "jobs": jobs, "mb": round(mb, 1),
                 "wall_s": round(plain["wall_s"], 2), "cpu_s": round(plain["cpu_s"], 1),
                 "mb_per_s": round(mb / plain["wall_s"], 3), "peak_rss_mb": round(plain["peak_rss_mb"])})
    rows[0]["ratio_to_plain"] = round(rows[0]["wall_s"] / plain["wall_s"], 2)
    rows[-1]["ratio_to_plain"] = round(rows[0]["cpu_s"] / max(plain["cpu_s"], 1e-9), 2)  # CPU ratio
    return rows


def print_table(rows: list[dict]) -> None:
    shown = ["n_docs", "case", "jobs", "mb", "wall_s", "cpu_s", "mb_per_s", "peak_rss_mb", "ratio_to_plain",
             "documents_s", "corpus_s", "write_s"]
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in shown}
    print("  ".join(c.rjust(widths[c]) for c in shown))
    for r in rows:
        print("  ".join(str(r.get(c, "")).rjust(widths[c]) for c in shown))
    for r in rows:
        if r.get("stage_cpu_s"):
            print(f"{r['n_docs']:>6} {r['case']:>5}: per-document CPU s {r['stage_cpu_s']}; corpus steps s {r['corpus_steps_s']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="reportkit build benchmark (synthetic corpora)")
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--regenerate", action="store_true", help="rewrite the synthetic corpora")
    args = parser.parse_args(argv)
    where = machine()
    print(f"machine: {where}", flush=True)
    compile_package()
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    path = out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.csv"
    rows = startup_rows()
    for n in [None, *args.sizes]:
        if n is not None:
            print(f"N={n} ...", flush=True)
            rows += bench_size(n, jobs=args.jobs, regenerate=args.regenerate)
        # Written after every size, so that a long run interrupted later keeps what it measured.
        for row in rows:
            row["machine"] = where
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        shutil.copyfile(path, out / "latest.csv")
        print_table(rows)
    print(f"→ {path}")


if __name__ == "__main__":
    main()
