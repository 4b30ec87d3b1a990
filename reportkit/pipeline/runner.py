"""Running the per-report stages over many files: time limit, cache, process pool, groups.

`run_job` takes one file through the stages (each from the cache when it is there) and never
raises: a problem becomes the outcome's status and message. `run_jobs` runs many, over a pool
of worker processes; `groups_of` cuts the jobs into content-defined groups of ~256 reports, which
pipeline/groups.py writes to disk whole as they complete.
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
from .stages import STAGES

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
                value = run.cache.get(name, job.sha256)
                if value is None:
                    if stage.reads_file:
                        value = stage.function(job.path.read_bytes(), job.file, run.config)
                    else:
                        value = stage.function(parsed, run.config)
                    run.cache.put(name, job.sha256, value)
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
        cached = {job.file for job in jobs if run.cache.has(run.stages, job.sha256)}
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
