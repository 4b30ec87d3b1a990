"""Running the per-report stages over many files: time limit, cache, process pool, groups.

`run_job` takes one file through the stages (each from the cache when it is there) and never
raises: a problem becomes the outcome's status and message. `run_jobs` runs many, over a pool
of worker processes; `run_groups` cuts the jobs into content-defined groups of ~256 reports and
stores each group whole (outcomes and concatenated tables), so a warm build loads a few dozen
files instead of three per report.
"""
from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

from ..config import BuildConfig
from ..problems import Problem
from ..readers import ReadError
from .cache import Cache
from .stages import STAGES, TABLE_KEYS

log = logging.getLogger(__name__)

#: Reports per group (on average) and per chunk of concatenated tables.
CHUNK_DOCUMENTS = 256


@dataclass
class Job:
    file: str  # path relative to the raw folder, POSIX style
    path: Path
    sha256: str


@dataclass(frozen=True)
class Run:
    """What every job of a build shares: its config, its cache, and the stages to run."""

    config: BuildConfig
    cache: Cache
    stages: tuple[str, ...] = tuple(STAGES)


@dataclass
class Outcome:
    file: str
    result: dict | None = None
    status: str = "ok"
    problems: list[Problem] = field(default_factory=list)
    computed: list[str] = field(default_factory=list)  # stages that were not in the cache
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage (cache reads included)


class FileTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Raise FileTimeout if the block runs longer than SECONDS (POSIX main thread only)."""
    if not seconds or not hasattr(signal, "SIGALRM") or os.name != "posix":
        yield
        return
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise FileTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_job(job: Job, run: Run) -> Outcome:
    """Take one file through the stages of RUN. Never raises: problems become the outcome's status."""
    outcome = Outcome(job.file)
    limits = run.config.limits
    try:
        with time_limit(limits.seconds_per_file):
            result: dict = {}
            parsed: dict | None = None
            clock = time.process_time()
            for name in run.stages:
                stage = STAGES[name]
                value = run.cache.get(name, job.sha256, job.file)
                if value is None:
                    if stage.reads_file:
                        value = stage.function(job.path.read_bytes(), job.file, run.config)
                    else:
                        value = stage.function(parsed, run.config)
                    run.cache.put(name, job.sha256, job.file, value)
                    outcome.computed.append(name)
                if stage.reads_file:
                    parsed = value
                result.update(value)
                clock, start = time.process_time(), clock
                outcome.seconds[name] = clock - start
        outcome.result = result
        outcome.problems += parsed["warnings"]
        if parsed["warnings"]:
            outcome.status = "warning"
    except ReadError as exc:
        outcome.status, outcome.problems = exc.status, [exc.problem]
    except FileTimeout:
        outcome.status = "error"
        outcome.problems = [Problem("timeout", f"took longer than {limits.seconds_per_file:g} s and was stopped; "
                                               "check the file or raise Limits.seconds_per_file")]
    except MemoryError:
        outcome.status = "error"
        outcome.problems = [Problem("out_of_memory", "ran out of memory while reading; the file is too large or "
                                                     "malformed")]
    except Exception as exc:  # a bug must not lose the other files; the message says where to look
        log.exception("unexpected error on %s", job.file)
        outcome.status = "error"
        outcome.problems = [Problem("internal_error", f"internal error ({type(exc).__name__}: {exc}); please report it "
                                                      "with this file", detail=type(exc).__name__)]
    return outcome


@contextmanager
def _no_pool():
    yield None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_jobs(jobs: list[Job], run: Run, *, n_jobs: int, progress: bool,
             collect: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run jobs over a process pool (or in-process for one job); results in the jobs' order.

    COLLECT, if given, is called with each outcome as it arrives, in the jobs' order.
    """
    from tqdm import tqdm

    outcomes: dict[str, Outcome] = {}
    collect = collect or (lambda outcome: None)
    # disable=None: the bar switches itself off when stderr is not a terminal (no fragments in logs)
    bar = tqdm(total=len(jobs), desc="reports", unit="file", disable=None if progress else True, leave=False)
    if n_jobs <= 1 or len(jobs) <= 1:
        for job in jobs:
            outcomes[job.file] = run_job(job, run)
            collect(outcomes[job.file])
            bar.update()
    else:
        # Fully cached files are loaded here, while the workers compute the others: a worker
        # would load them, pickle them and send them back (1,000 cached reports: 3.4 s with the
        # pool, 2.2 s in-process). Jobs go to the workers in chunks: one future per file costs
        # more in inter-process traffic. Small enough chunks keep both cores busy to the end.
        cached = {job.file for job in jobs if run.cache.has(run.stages, job.sha256, job.file)}
        todo = [job for job in jobs if job.file not in cached]
        chunksize = max(1, min(16, len(todo) // (n_jobs * 8)))
        try:
            with ProcessPoolExecutor(max_workers=n_jobs) if todo else _no_pool() as pool:
                computed = pool.map(partial(run_job, run=run), todo, chunksize=chunksize) if todo else iter(())
                for job in jobs:
                    outcome = run_job(job, run) if job.file in cached else next(computed)
                    outcomes[job.file] = outcome
                    collect(outcome)
                    bar.update()
        except BrokenProcessPool:
            # A worker died (killed for memory, crashed in a C library): finish the rest one by one
            # in this process, so that no file is lost and the culprit is named. (map yields in
            # order, so the rest is a suffix of JOBS and COLLECT still sees the jobs' order.)
            for job in jobs:
                if job.file not in outcomes:
                    outcomes[job.file] = run_job(job, run)
                    collect(outcomes[job.file])
                    bar.update()
    bar.close()
    return [outcomes[job.file] for job in jobs]


# --------------------------------------------------------------------------- chunks and groups


def concat(frames: Iterable[pd.DataFrame | None]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


class Collector:
    """Takes the tables (TABLE_KEYS) out of each outcome as it arrives and keeps them in chunks,
    each table concatenated, in the jobs' order.

    A chunk closes after SIZES[i] outcomes (errors included) for the i-th chunk, or after EVERY
    outcomes when SIZES is not given.
    """

    def __init__(self, every: int = CHUNK_DOCUMENTS, sizes: list[int] | None = None) -> None:
        self.every = every
        self.sizes = list(sizes) if sizes is not None else None
        self.chunks: list[dict[str, pd.DataFrame]] = []
        self._pending: list[dict] = []
        self._count = 0

    def add(self, outcome: Outcome) -> None:
        self._count += 1
        if outcome.result is not None:
            self._pending.append({k: outcome.result.pop(k) for k in TABLE_KEYS if k in outcome.result})
        size = self.sizes[len(self.chunks)] if self.sizes else self.every
        if self._count >= size:
            self.flush()

    def flush(self) -> list[dict[str, pd.DataFrame]]:
        if self._pending or self._count:
            self.chunks.append({key: concat(r.get(key) for r in self._pending) for key in TABLE_KEYS})
            self._pending, self._count = [], 0
        return self.chunks


def groups_of(jobs: list[Job], *, mean: int = CHUNK_DOCUMENTS) -> list[list[Job]]:
    """Jobs cut into content-defined groups (in order) that are cached as a whole.

    A group ends after a file whose sha256 ends in "00" (1 in 256), so adding or removing a
    file changes only the group it falls in; four times the mean bounds a group.
    """
    groups: list[list[Job]] = [[]]
    for job in jobs:
        groups[-1].append(job)
        if job.sha256.endswith("00") or len(groups[-1]) >= 4 * mean:
            groups.append([])
    return [g for g in groups if g]


def _store_group(run: Run, path: Path | None, outcomes: list[Outcome], chunk: dict[str, pd.DataFrame]) -> None:
    # Errors are not cached: a timeout or a memory error may not happen again.
    if path is None or any(o.status == "error" for o in outcomes):
        return
    run.cache.put_group(path, [{"file": o.file, "status": o.status, "problems": list(o.problems), "result": o.result}
                               for o in outcomes], chunk)


def run_groups(jobs: list[Job], run: Run, *, n_jobs: int, progress: bool) -> tuple[list[Outcome], list[dict]]:
    """Outcomes and table chunks of all jobs: whole groups from the cache, the rest computed.

    Loading 10,000 cached reports file by file takes minutes (three small files each, then
    concatenating their tables); a group of ~256 is one file of already concatenated tables.
    """
    groups = groups_of(jobs)
    paths = [run.cache.group_path([(j.file, j.sha256) for j in g], run.stages) for g in groups]
    stored = [path is not None and path.exists() for path in paths]
    todo = [g for g, have in zip(groups, stored) if not have]
    # The new files are computed before the cached groups are loaded, so that the workers are
    # forked from a small parent.
    collector = Collector(sizes=[len(g) for g in todo])
    fresh = iter(run_jobs([job for g in todo for job in g], run, n_jobs=n_jobs, progress=progress,
                          collect=collector.add))
    fresh_chunks = iter(collector.flush())
    outcomes: list[Outcome] = []
    chunks: list[dict] = []
    for group, path, have in zip(groups, paths, stored):
        got = run.cache.get_group(path, [j.file for j in group], run.stages) if have else None
        if got is not None:
            got = ([Outcome(o["file"], o["result"], o["status"], o["problems"]) for o in got["outcomes"]], got["tables"])
        elif have:  # unreadable: this group is rebuilt here
            one = Collector(sizes=[len(group)])
            got = (run_jobs(group, run, n_jobs=1, progress=False, collect=one.add), one.flush()[0])
            _store_group(run, path, *got)
        else:
            got = ([next(fresh) for _ in group], next(fresh_chunks))
            _store_group(run, path, *got)
        outcomes += got[0]
        chunks.append(got[1])
    run.cache.prune_groups(paths)
    return outcomes, chunks
