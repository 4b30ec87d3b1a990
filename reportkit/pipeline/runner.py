"""Running the per-report stages over many files: time limit, cache, process pool, groups.

`run_job` takes one file through the stages (each from the cache when it is there) and never
raises: a problem becomes the outcome's status and message. `run_jobs` runs many, over a pool
of worker processes; `groups_of` cuts the jobs into content-defined groups of ~256 reports, which
pipeline/groups.py writes to disk whole as they complete.
"""
from __future__ import annotations

import hashlib
import logging
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..config import BuildConfig, Limits
from ..interrupts import interrupts_held
from ..manifest import read_file
from ..problems import Problem
from ..readers import ReadError, size_problem
from .cache import Cache
from .stages import STAGES

log = logging.getLogger(__name__)
T, R = TypeVar("T"), TypeVar("R")

#: Reports per group (on average) and per chunk of concatenated tables.
CHUNK_DOCUMENTS = 256


@dataclass
class Job:
    file: str  # path relative to the raw folder, POSIX style
    path: str | Path
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


def read_job(job: Job, limits: Limits) -> bytes:
    """The bytes of JOB's file, read once and at most up to the size limit, and checked against the
    hash the plan listed it under (a file edited since would otherwise be cached under the old hash)."""
    data, size = read_file(job.path, limits.max_file_bytes)
    if problem := size_problem(max(size, len(data)), limits):
        raise ReadError(problem, code="too_large")
    if hashlib.sha256(data).hexdigest() != job.sha256:
        raise ReadError("the file changed while the build was reading it; build again", code="changed")
    return data


def timeout_problem(limits: Limits) -> Problem:
    return Problem("timeout", f"took longer than {limits.seconds_per_file:g} s and was stopped; "
                              "check the file or raise the limit (--timeout, Limits.seconds_per_file)")


def run_job(job: Job, run: Run, *, compute: bool = True) -> Outcome | None:
    """Take one file through the stages of RUN. Never raises: problems become the outcome's status.

    COMPUTE False: only from the cache; None when a stage is not there (the parent process loads
    cached files this way and leaves the others to the workers).
    """
    outcome = Outcome(job.file)
    limits = run.config.limits
    try:
        with time_limit(limits.seconds_per_file if compute else 0):
            result: dict = {}
            parsed: dict | None = None
            clock = time.process_time()
            for name in run.stages:
                stage = STAGES[name]
                value = sent = run.cache.get(name, job.sha256, job.file)
                if value is None:
                    if not compute:
                        return None
                    if stage.reads_file:
                        value = stage.function(read_job(job, limits), job.file, run.config)
                    else:
                        value = stage.function(parsed, run.config)
                    # its tables go to the parent as the streams the cache wrote (cheaper than pickled)
                    sent = run.cache.put(name, job.sha256, job.file, value)
                    outcome.computed.append(name)
                if stage.reads_file:
                    parsed = value  # the later stages read DataFrames
                result.update(sent)
                clock, start = time.process_time(), clock
                outcome.seconds[name] = clock - start
        outcome.result = result
        outcome.problems += parsed["warnings"]
        if parsed["warnings"]:
            outcome.status = "warning"
    except ReadError as exc:
        outcome.status, outcome.problems = exc.status, [exc.problem]
    except FileTimeout:
        outcome.status, outcome.problems = "error", [timeout_problem(limits)]
    except MemoryError:
        outcome.status = "error"
        outcome.problems = [Problem("out_of_memory", f"needed more than the memory limit of {_mb(limits.max_memory_bytes)} "
                                                     "MB while reading; the file is too large or malformed (raise "
                                                     "--max-memory if it is a real report)")]
    except OSError as exc:  # gone or unreadable since it was listed
        outcome.status = "error"
        outcome.problems = [Problem("cannot_read", f"cannot read the file ({exc.strerror or exc})")]
    except Exception as exc:  # a bug must not lose the other files; the message says where to look
        log.exception("unexpected error on %s", job.file)
        outcome.status = "error"
        outcome.problems = [Problem("internal_error", f"internal error ({type(exc).__name__}: {exc}); please report it "
                                                      "with this file", detail=type(exc).__name__)]
    return outcome


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


# --------------------------------------------------------------------------- worker processes
#
# Files are computed in worker processes only, never in the parent, so that a file that makes
# its worker die (out of memory, a crash in a C library) or hang (a stopped process, C code that
# never returns to Python, where the time limit's signal cannot reach) costs that file alone:
# the parent marks it as an error, replaces the worker and goes on. Each worker has an address-
# space limit (Limits.max_memory_bytes above what it holds when it starts) and dies with the parent.


def _die_with_parent(parent: int) -> None:
    try:  # Linux: the kernel kills the worker when the parent dies, however it dies
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _limit_memory(extra: int) -> None:
    """Cap this process's address space at its present size plus EXTRA bytes (Linux)."""
    try:
        import resource

        with open("/proc/self/statm") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))
    except (ImportError, OSError, ValueError):  # no /proc (macOS, Windows): the time limit still holds
        pass


#: A report of a few lines in each part, which a worker takes through the stages before its
#: first file (`warm_up`): the dictionaries and gazetteers are loaded while the parent plans.
_WARM_UP_TEXT = ("某某镇2023年法治政府建设工作报告\n一、主要工作\n（一）加强组织领导。我镇召开专题会议3次。\n"
                 "二、存在的问题\n一是法治宣传不够深入。\n三、下一步工作计划\n持续推进依法行政。\n").encode("utf-8")


def warm_up(run: Run) -> None:
    """Take a made-up report through RUN's stages, without the cache, so that what they load on
    first use (jieba's dictionary, the township gazetteer) is loaded before a real file arrives."""
    try:
        parsed = None
        for name in run.stages:
            stage = STAGES[name]
            value = (stage.function(_WARM_UP_TEXT, "warm-up.txt", run.config) if stage.reads_file
                     else stage.function(parsed, run.config))
            if stage.reads_file:
                parsed = value
    except Exception:  # only a head start: a real file meets any problem again and reports it
        log.debug("warm-up failed", exc_info=True)


def _worker(connection, run: Run, parent: int) -> None:
    """A worker process: take (index, job) from CONNECTION, send back (index, outcome); None ends
    it, "warm" runs `warm_up`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a worker stopped ends (not the parent's handler, nor the fork's)
    _die_with_parent(parent)
    _limit_memory(run.config.limits.max_memory_bytes)
    with heap_allocator():  # a worker goes through thousands of files: what each frees is given back
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
            if message == "warm":
                warm_up(run)
                continue
            index, job = message
            connection.send((index, run_job(job, run)))


class _Worker:
    def __init__(self, context, run: Run):
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_worker, args=(theirs, run, os.getpid()), daemon=True)
        # A KeyboardInterrupt raised inside the fork's own hooks (logging's lock released after a fork) left
        # that lock held, and the build hung instead of stopping.
        with interrupts_held():
            self.process.start()
        theirs.close()
        # Its jobs sent and not yet answered, in order: it runs the first; the others wait in
        # its pipe, so that it starts the next at once, whatever the parent is doing.
        self.jobs: deque[tuple[int, Job]] = deque()
        self.deadline = 0.0  # for its first job


#: Jobs sent ahead to a worker. With one, a worker done with its file waited for the parent to
#: take the result and send the next (the parent also writes the groups): ~10 % of its time.
AHEAD = 2


class Pool:
    """N_JOBS worker processes that the parent watches: results by job index, a worker past the
    deadline or dead replaced and its file marked as an error (never retried in the parent)."""

    def __init__(self, run: Run, n_jobs: int):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        # fork: a worker starts at once, with the parent's modules (and any reader registered at run time)
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.run, self.n_jobs = run, max(1, n_jobs)
        self.workers: list[_Worker] = []
        self.queue: deque[tuple[int, Job]] = deque()
        self.results: dict[int, Outcome] = {}
        limits = run.config.limits
        # The time limit's own signal stops Python code in the worker; this is for what it cannot stop.
        self.allowed = limits.seconds_per_file * 1.1 + 2 if limits.seconds_per_file else None

    def start(self, *, warm: int = 1) -> None:
        """Fork the N_JOBS workers now, while the parent is small: a worker forked after planning
        keeps its own copy of the plan's pages once the parent frees them (at 50,000 reports
        ~90 MB more per worker). The first WARM take a made-up report through the stages
        (`warm_up`) while the parent plans; the others load on their first file (on two cores a
        second warm-up only slows the planning, and a build with one new file never uses it)."""
        while len(self.workers) < self.n_jobs:
            # A Ctrl-C as the worker was forked came after it was made and before the pool knew it:
            # `close` never stopped it, and the build waited for it at exit for ever.
            with interrupts_held():
                self.workers.append(_Worker(self.context, self.run))
            if len(self.workers) <= warm:
                self.workers[-1].connection.send("warm")

    def submit(self, index: int, job: Job, *, first: bool = False) -> None:
        """Queue JOB (FIRST: before the others: the parent is waiting for it)."""
        self.queue.appendleft((index, job)) if first else self.queue.append((index, job))

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind, *exc) -> None:
        self.close(kill=kind is not None)  # interrupted: no worker goes on computing

    def _dispatch(self) -> None:
        while self.queue:
            worker = min((w for w in self.workers if len(w.jobs) < AHEAD), key=lambda w: len(w.jobs), default=None)
            if (worker is None or worker.jobs) and len(self.workers) < self.n_jobs:
                worker = _Worker(self.context, self.run)
                self.workers.append(worker)
            if worker is None:
                break
            try:
                worker.connection.send(self.queue[0])
            except OSError:  # died: replaced; in its warm-up, no file lost
                if worker.jobs:
                    worker.process.join(timeout=5)
                self._lost(worker, _crashed(worker.process) if worker.jobs else None)
                continue
            worker.jobs.append(self.queue.popleft())
            if len(worker.jobs) == 1:
                self._started(worker)

    def _started(self, worker: _Worker) -> None:
        """WORKER's first job has its time from now: it began then at the latest."""
        worker.deadline = time.monotonic() + self.allowed if self.allowed else float("inf")

    def _lost(self, worker: _Worker, problem: Problem | None) -> None:
        """WORKER ended and forgotten: the results it sent taken, the file it was on given PROBLEM as
        an error (None: it died before its first, which is sent again), the files after it queued again."""
        self._answers(worker)
        if worker.jobs and problem is not None:
            index, job = worker.jobs.popleft()
            self.results[index] = Outcome(job.file, status="error", problems=[problem])
        self.queue.extendleft(reversed(worker.jobs))
        worker.jobs.clear()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.connection.close()
        self.workers.remove(worker)

    def _answers(self, worker: _Worker) -> bool:
        """Take the results WORKER has sent; False when its connection failed."""
        try:
            while worker.jobs and worker.connection.poll():
                index, outcome = worker.connection.recv()
                if index != worker.jobs[0][0]:
                    raise RuntimeError(f"a worker answered job {index} before job {worker.jobs[0][0]}")
                self.results[index] = outcome
                worker.jobs.popleft()
                if worker.jobs:
                    self._started(worker)
        except (EOFError, OSError):  # died while sending
            return False
        return True

    def poll(self, timeout: float = 0.0) -> None:
        """Hand queued jobs to workers and collect what is done, waiting at most TIMEOUT seconds."""
        from multiprocessing.connection import wait

        self._dispatch()
        busy = [w for w in self.workers if w.jobs]
        if not busy:
            return
        now = time.monotonic()
        timeout = max(0.0, min(timeout, min(w.deadline for w in busy) - now))
        ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout))
        for worker in busy:
            if worker.connection in ready:
                if not self._answers(worker):  # its connection failed: it died while sending
                    worker.process.join(timeout=5)
                    self._lost(worker, _crashed(worker.process))
            elif worker.process.sentinel in ready:
                worker.process.join()
                self._lost(worker, _crashed(worker.process))
            elif time.monotonic() >= worker.deadline:
                # A result that came after the wait gives the next file its own time.
                if self._answers(worker) and worker.jobs and time.monotonic() >= worker.deadline:
                    log.warning("%s: no answer after %.0f s; its worker process is stopped", worker.jobs[0][1].file,
                                self.allowed)
                    self._lost(worker, timeout_problem(self.run.config.limits))
        self._dispatch()

    def result(self, index: int) -> Outcome:
        """The outcome of job INDEX, waiting for it."""
        while index not in self.results:
            self.poll(timeout=1.0)
        return self.results.pop(index)

    def close(self, *, kill: bool = False) -> None:
        for worker in self.workers:
            try:
                # An idle worker holds nothing (it may still be warming up: not waited for).
                worker.process.kill() if kill or not worker.jobs else worker.connection.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []


def _crashed(process) -> Problem:
    code = process.exitcode
    how = f"was killed by signal {signal.Signals(-code).name}" if code and code < 0 else f"exited ({code})"
    return Problem("crashed", f"the process reading it {how}: the file needs more memory than the limit or "
                              "crashes a library; not retried (raise --max-memory if it is a real report)")


def run_jobs(jobs: list[Job], run: Run, *, n_jobs: int, progress: bool,
             collect: Callable[[Outcome], None] | None = None, pool: Pool | None = None,
             submitted: Callable[[], None] | None = None) -> list[Outcome]:
    """Run jobs: cached ones loaded here, the others computed by N_JOBS worker processes (those of
    POOL when given: it is left open); results in the jobs' order. COLLECT, if given, is called
    with each outcome in the jobs' order instead, and nothing is returned (the spent outcomes of
    50,000 reports held ~25 MB); SUBMITTED is called once the workers have their jobs."""
    from contextlib import nullcontext

    from tqdm import tqdm

    keep = collect is None
    collect = collect or (lambda outcome: None)
    # disable=None: the bar switches itself off when stderr is not a terminal (no fragments in logs)
    bar = tqdm(total=len(jobs), desc="reports", unit="file", disable=None if progress else True, leave=False)
    cached = [run.cache.has(run.stages, job.sha256, job.file) for job in jobs]
    outcomes: list[Outcome] = []
    with (nullcontext(pool) if pool is not None else Pool(run, n_jobs)) as pool:
        for index, (job, have) in enumerate(zip(jobs, cached)):
            if not have:
                pool.submit(index, job)
        pool.poll()  # the workers start on their jobs
        if submitted is not None:
            submitted()
        # Fully cached files are loaded here while the workers compute the others (loading in a
        # worker and sending back costs more); a cached file that turns out unreadable goes to them.
        for index, (job, have) in enumerate(zip(jobs, cached)):
            outcome = run_job(job, run, compute=False) if have else None
            pool.poll()
            if outcome is None:
                if have:
                    pool.submit(index, job, first=True)
                outcome = pool.result(index)
            if keep:
                outcomes.append(outcome)
            collect(outcome)
            bar.update()
    bar.close()
    return outcomes


class InOrderThread:
    """Calls run one at a time, in the order given, by a thread of their own (THREADS=0: at once,
    in the caller's), while the caller goes on: at most one waits to run, so what the calls hold
    is bounded. A call's error is raised at the next `submit`, at `wait`, or on leaving the block."""

    def __init__(self, threads: int = 1, *, name: str = "reportkit-in-order") -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name) if threads else None
        self._pending = None

    def submit(self, function: Callable[..., object], *args) -> None:
        if self._executor is None:
            function(*args)
            return
        self.wait()
        self._pending = self._executor.submit(function, *args)

    def wait(self) -> None:
        """The call given last has run (its error raised)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self) -> InOrderThread:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            if kind is None:
                self.wait()
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)


def in_threads(function: Callable[[T], R], items: Iterable[T], threads: int) -> list[R]:
    """[function(item) for item in ITEMS], in order, over THREADS threads: for steps that mostly
    read and write files (pyarrow and the file system leave the GIL). The first error is raised."""
    items = list(items)
    if threads <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(threads, len(items)), thread_name_prefix="reportkit") as executor:
        return list(executor.map(function, items))


def import_soon(*modules: str) -> None:
    """Import MODULES in a background thread, so that their import overlaps work that waits on
    files (an import of one later waits for it; an error is left for that import to raise). Only
    where no process is forked any more: a fork during an import would leave its lock held in the
    child."""
    import importlib
    import threading

    def run() -> None:
        for module in modules:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - the import that needs it raises it
                return

    threading.Thread(target=run, name="reportkit-import", daemon=True).start()


@contextmanager
def heap_allocator():
    """Arrow allocates from the C library's heap while inside (the previous pool after). pyarrow's
    default, mimalloc, keeps the pages that reading parquet freed, and `release_memory` cannot
    give them back; glibc's are given back. At 50,000 reports this took the corpus-wide steps'
    peak from 959 to 771 MB, in the same time."""
    try:
        import pyarrow as pa
    except ImportError:  # no parquet without it: nothing to choose
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def release_memory() -> None:
    """Give the memory freed since back to the system (glibc keeps freed heap for reuse, so a
    long build's RSS would otherwise stay at its largest group's; inside `heap_allocator` that
    includes what pyarrow freed). A no-op elsewhere."""
    import sys

    if "pyarrow" in sys.modules:  # never imported for this
        sys.modules["pyarrow"].default_memory_pool().release_unused()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f}"


# --------------------------------------------------------------------------- chunks and groups


def groups_of(jobs: list[Job], *, mean: int = CHUNK_DOCUMENTS) -> list[list[Job]]:
    """Jobs cut into content-defined groups (in order) that are cached as a whole.

    A group ends after a file whose sha256 ends in "00" (1 in 256), so adding or removing a
    file changes only the group it falls in; twice the mean bounds a group (the parent holds one
    group's results at a time: the bound is its memory's, whatever the size of the corpus).
    """
    groups: list[list[Job]] = [[]]
    for job in jobs:
        groups[-1].append(job)
        if job.sha256.endswith("00") or len(groups[-1]) >= 2 * mean:
            groups.append([])
    return [g for g in groups if g]
