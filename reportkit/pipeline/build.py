"""The whole build: plan the files, run the per-report stages group by group with each group's
tables written to disk as it completes, the corpus-wide steps over those files, the output folder.

    plan            every file under the raw folder gets a job or a build-log row; the manifest is read
    write_groups    per-report stages (reportkit.pipeline.stages) over a process pool, from the cache;
                    each group of ~256 reports written as parts (pipeline/parts.py) once, then reused
    corpus_steps    same report in two files, partial flags, build_log, shortcoming themes (clusters
                    kept between builds), reuse (an index kept between builds and updated)
    write_outputs   the groups' parts copied into the output folder (NAME.parquet/part-NNNNN.parquet),
                    CSV copies concatenated, the whole tables written; swapped in atomically (the
                    per-report tables are copied by a thread while the corpus-wide steps run)

The parent process holds at most one group of per-report results, never a whole table of the
corpus (only the build log, a few columns per report and the reuse index's arrays).
`check` runs the plan and the parse stage only, with no cache, for the build log.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .. import resources, schema
from ..config import DEFAULT_CACHE_DIR, DEFAULT_OUT_DIR, BuildConfig, Limits
from ..manifest import LINK_PROBLEM, SPECIAL_PROBLEM, inventory, is_hidden, manifest_log, read_file, read_manifest
from ..problems import ManifestProblem, Problem, os_reason
from ..readers import size_problem
from .cache import Cache, stage_keys
from .hashes import KnownHashes
from .runner import Job, Outcome, Pool, Run, default_jobs, heap_allocator, in_threads, run_jobs

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = schema.table("documents").names
LOG_COLUMNS = schema.table("build_log").names


@dataclass
class BuildReport:
    """What a build did: counts per status and which stages were computed (not cached)."""

    n_files: int = 0
    n_documents: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    computed: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)  # groups of reports reused, written whole, patched

    def summary(self) -> str:
        counts = ", ".join(f"{self.status_counts.get(s, 0)} {s}" for s in schema.STATUSES)
        return f"{self.n_files} files: {counts}"


@dataclass
class Plan:
    """The files of a build before any is parsed: jobs, build-log rows of the files that get none,
    and the manifest with its problems."""

    jobs: list[Job]
    skipped: list[tuple[str, str, Problem]]  # (file, status, problem) of the files that get no job
    manifest: pd.DataFrame
    manifest_problems: list[ManifestProblem]


def plan(raw_dir: str | Path, manifest_path: str | Path | None, *, limits: Limits,
         known: KnownHashes | None = None) -> Plan:
    """Find files, account for each one, and read the manifest. No parsing yet. KNOWN: the hashes
    of an earlier build (a file whose stat is unchanged is not read again); updated."""
    known = known if known is not None else KnownHashes(None)
    raw_dir = Path(os.path.abspath(_raw_folder(raw_dir)))  # absolute: the kept hashes are by path
    try:
        found = inventory(raw_dir)
    except OSError as exc:
        raise ValueError(f"raw folder {raw_dir} cannot be listed ({os_reason(exc)}); check its permissions") from None
    manifest, manifest_problems = pd.DataFrame(columns=["file"]), []
    if manifest_path:
        try:
            manifest, manifest_problems = read_manifest(Path(manifest_path), raw_dir=raw_dir,
                                                        files=[f.name for f in found if f.kind != "unlisted"])
        except (ValueError, OSError) as exc:  # a broken manifest must not stop the build
            reason = f"manifest cannot be read ({os_reason(exc)})" if isinstance(exc, OSError) else exc
            manifest_problems = [ManifestProblem(Path(manifest_path).name, 0, "manifest_unreadable",
                                                 f"{reason}; built without the manifest")]
    skipped: list[tuple[str, str, Problem]] = []
    jobs: list[Job] = []
    first_by_hash: dict[str, str] = {}
    for entry in found:
        name, path = entry.name, entry.path
        if entry.kind == "unlisted":
            skipped.append((f"{name}/", "error", Problem("cannot_list", entry.problem)))
            continue
        if is_hidden(entry.relative):
            skipped.append((name, "skipped", Problem("hidden", "hidden or temporary file")))
            continue
        if entry.kind != "file":
            skipped.append((name, "skipped", Problem("not_regular", LINK_PROBLEM if entry.kind == "link"
                                                     else SPECIAL_PROBLEM)))
            continue
        try:
            status = os.lstat(path)
            hashed = known.get(path, status) if stat.S_ISREG(status.st_mode) else None
            if hashed is None:
                data, size = read_file(path, limits.max_file_bytes)
                size = max(size, len(data))
            else:
                data, size = None, status.st_size
        except OSError as exc:  # unreadable (permissions, a path too long) or gone since it was listed
            skipped.append((name, "error", Problem("cannot_read", f"cannot read the file ({os_reason(exc)})")))
            continue
        if problem := size_problem(size, limits):
            skipped.append((name, "error", Problem("too_large", problem)))
            continue
        if hashed is None:
            hashed = hashlib.sha256(data).hexdigest(), not data.strip()
            known.put(path, status, *hashed)
        digest, blank = hashed
        if digest in first_by_hash and not blank:  # empty files are reported as empty, not as copies
            original = first_by_hash[digest]
            skipped.append((name, "warning", Problem("duplicate", f"duplicate of {original} (byte-identical); "
                                                                  "counted once", detail=original)))
            continue
        first_by_hash[digest] = name
        jobs.append(Job(name, str(path), digest))  # a str, not a Path: ~200 bytes less a file, held all build long
    return Plan(jobs, skipped, manifest, manifest_problems)


def _config(config: BuildConfig | None, *, jobs: int | None, limits: Limits | None,
            tokenizer: str | None) -> BuildConfig:
    """CONFIG (a default one when None) with the shortcut arguments of `build`/`check` applied."""
    if config is not None and not isinstance(config, BuildConfig):
        raise TypeError(f"config must be a reportkit.BuildConfig, not {type(config).__name__} "
                        "(BuildConfig(jobs=1, ...), or the shortcuts jobs=, limits=, tokenizer=)")
    config = config or BuildConfig()
    changes = {k: v for k, v in (("jobs", jobs), ("limits", limits), ("tokenizer", tokenizer)) if v is not None}
    return replace(config, **changes) if changes else config


def _manifest_file(manifest: str | Path | None) -> None:
    """Refuse a MANIFEST path that is no file before any work: the manifest wins over every clue, so
    a mistyped path would change where every town and year comes from without a word."""
    if manifest is not None and not Path(manifest).is_file():
        raise FileNotFoundError(f"manifest {manifest} is not a file; give the manifest's path, or manifest=None "
                                "to build without one")


def build(
    raw_dir: str | Path = "data/raw",
    *,
    manifest: str | Path | None = None,
    out: str | Path | None = DEFAULT_OUT_DIR,
    cache_dir: str | Path | None = DEFAULT_CACHE_DIR,
    config: BuildConfig | None = None,
    jobs: int | None = None,
    limits: Limits | None = None,
    tokenizer: str | None = None,
    progress: bool = False,
    report: BuildReport | None = None,
    refit_themes: bool = False,
):
    """Build every table from the reports in RAW_DIR and (if OUT is given) write them there.

    >>> tables = build("data/raw", manifest="data/manifest.csv", out="data/processed")  # doctest: +SKIP
    >>> tables["documents"][["town", "year"]]                                          # doctest: +SKIP

    CONFIG (a `BuildConfig`) holds the limits, the tokenizer, the reuse and theme options and the
    number of worker processes; JOBS, LIMITS and TOKENIZER are shortcuts that replace those fields.
    REFIT_THEMES fits the shortcoming clusters again even when the corpus has changed little
    since they were fitted (see `ThemeOptions.refit_share`).

    Returns the tables, one per table of reportkit/schema.py, by name: with OUT, a read-only
    mapping read from OUT when asked for (`reading.Tables`: nothing is loaded until then, and a
    table not read before a later build replaced OUT's is refused; `rk.read_tables` reads only
    some reports or columns); without OUT, a dict, loaded. A file that cannot be read never stops the
    build: it gets a build_log row saying why.
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    from ..reading import Tables, read_tables

    config = _config(config, jobs=jobs, limits=limits, tokenizer=tokenizer)
    report = report if report is not None else BuildReport()
    started = time.perf_counter()
    _raw_folder(raw_dir)
    _manifest_file(manifest)
    _check_cache(cache_dir, raw_dir)
    with ExitStack() as stack:
        output = None
        if out is not None:  # checked, locked and tried before any work is done
            from ..store import Output

            output = stack.enter_context(Output(Path(out), protect={
                "raw folder": Path(raw_dir), "manifest": Path(manifest) if manifest else None,
                "cache": Path(cache_dir) if cache_dir else None}))
        cache = Cache.open(Path(cache_dir) if cache_dir else None, stage_keys(config))
        work = stack.enter_context(_work_folder(cache))
        threads = config.jobs or default_jobs()
        # Entered last, left first: no copying thread outlives the staging folder. (Without OUT the
        # tables are staged in the work folder after the build, as a full disk is reported there.)
        copies = stack.enter_context(PartCopies(output.staging, threads)) if output is not None else None
        try:
            corpus, whole = _build(raw_dir, manifest, cache, work, config, progress, report, refit_themes,
                                   on_groups=copies.start if copies is not None else None)
        except OSError as exc:  # the groups' parts and the corpus-wide state are files: a full disk stops here
            if output is not None:
                raise output._failed(exc) from None
            raise OSError(exc.errno, f"cannot write the build's working files in {work} ({os_reason(exc)}); free "
                                     "some disk space or give another --cache") from None
        t0 = time.perf_counter()
        if output is not None:
            report.n_documents = write_outputs(output, corpus, whole, threads=threads, copies=copies)
            tables = Tables(Path(out))
        else:
            from ..store import staged

            with staged(work / "tables") as staging:
                report.n_documents = fill_outputs(staging, corpus, whole, threads=threads)
            tables = dict(read_tables(work / "tables"))
        report.seconds["write"] = time.perf_counter() - t0
        if cache.folder is not None and cache.writable and work == cache.folder:
            from .parts import prune

            prune(work / "parts", _used(corpus, work / "parts"))
    report.seconds["total"] = time.perf_counter() - started
    return tables


def _raw_folder(raw_dir: str | Path) -> Path:
    """RAW_DIR as a Path; FileNotFoundError or ValueError, one line with the fix, when it is no folder."""
    raw_dir = Path(raw_dir)
    try:
        if raw_dir.is_dir():
            return raw_dir
        exists = raw_dir.exists()
    except OSError as exc:  # a path too long, a loop of links
        raise ValueError(f"raw folder {raw_dir} cannot be used ({os_reason(exc)})") from None
    if exists:
        raise FileNotFoundError(f"raw folder {raw_dir} is a file, not a folder; give the folder that holds the reports")
    raise FileNotFoundError(f"raw folder {raw_dir} does not exist; put the reports there or pass RAW_DIR")


def _forget_mismatched(folder: Path | None, jobs, groups) -> None:
    """The kept hashes of the files the GROUPS written now logged as changed (their bytes did not match),
    forgotten. (A group kept from before holds no such file: a group with an error is written again.)"""
    if folder is None:
        return
    from .hashes import forget
    from .parts import read_log

    changed = set()
    for group in groups:
        try:
            changed.update(row["file"] for row in read_log(group.folder)
                           if any(problem[0] == "changed" for problem in row.get("problems", ())))
        except (OSError, ValueError, TypeError, IndexError):
            continue
    if changed:
        forget(folder, [job.path for job in jobs if job.file in changed])


def _unlink_planted(folder: Path) -> None:
    """FOLDER of the cache, made a link (planted in a shared cache, or by mistake), removed: the
    link, not what it points at, so that the build neither writes nor prunes through it."""
    if folder.is_symlink():
        log.warning("cache folder %s is a link: the link is removed and the folder rebuilt", folder)
        try:
            folder.unlink()
        except OSError as exc:
            raise OSError(f"cache folder {folder} is a link that cannot be removed ({os_reason(exc)}); "
                          "remove it or give another --cache") from None


def _check_cache(cache_dir: str | Path | None, raw_dir: str | Path) -> None:
    if cache_dir is None:
        return
    cache, raw = Path(cache_dir).resolve(), Path(raw_dir).resolve()
    if cache == raw or raw in cache.parents or cache in raw.parents:
        raise ValueError(f"--cache {cache_dir} and the raw folder {raw_dir} overlap; the cache needs a folder of its "
                         "own, such as data/interim")


def _build(raw_dir, manifest, cache: Cache, work: Path, config: BuildConfig, progress: bool, report: BuildReport,
           refit_themes: bool, on_groups=None):
    """Plan, the groups written, the corpus-wide steps: (corpus, the tables written whole).
    ON_GROUPS(folders) is called as soon as the corpus's group folders are final."""
    from .corpus import corpus_steps
    from .groups import plan_groups, write_groups
    from .parts import is_complete

    started = time.perf_counter()
    run = Run(config, cache)
    # The workers are forked before the files are planned (see `Pool.start`), one of them loading
    # what the stages need meanwhile; the pool is closed before the corpus-wide steps (its
    # workers' memory is not held through them).
    with ExitStack() as allocator, Pool(run, config.jobs or default_jobs()) as pool:
        pool.start(warm=1)
        known = KnownHashes(work if cache.folder is not None and cache.writable and work == cache.folder else None)
        planned = plan(raw_dir, manifest, limits=config.limits, known=known)
        known.save()
        del known  # ~0.8 KB a file (39 MB at 50,000), not held while the groups are written
        _unlink_planted(work / "parts")
        groups = plan_groups(planned.jobs, run, planned.manifest, work / "parts")
        to_write = [g for g in groups if not is_complete(g.folder)]
        if len(to_write) > 1:
            # Many groups to write (a cold build, a year's reports): Arrow on the C heap, whose
            # freed pages are given back (see `heap_allocator`). Not for one group: its
            # allocator is faster (adding one report at 10,000: ~0.3-1 s).
            allocator.enter_context(heap_allocator())
        n_run, computed, cpu, report.groups = write_groups(groups, run, planned.manifest,
                                                           n_jobs=config.jobs or default_jobs(), progress=progress,
                                                           pool=pool)
        pool.close()  # before the corpus-wide steps, which run inside the allocator chosen
        _forget_mismatched(work if cache.folder is not None and cache.writable and work == cache.folder else None,
                           planned.jobs, to_write)
        report.seconds["documents"] = time.perf_counter() - started
        log.info("per-document stages: %d files (%d run) in %.1f s", len(planned.jobs), n_run,
                 report.seconds["documents"])
        report.computed.update(computed)
        report.seconds.update({f"cpu.{stage}": value for stage, value in cpu.items()})
        # The plan and groups (~0.5 KB a file) are not held through the corpus-wide steps, the
        # build's peak at national scale: only the folders, the skipped files and the manifest's problems.
        folders, skipped, manifest_problems = [g.folder for g in groups], planned.skipped, planned.manifest_problems
        del planned, groups, to_write

        t0 = time.perf_counter()
        corpus = corpus_steps(folders, skipped, config, work, refit_themes=refit_themes,
                              salt=run.cache.keys["terms"], reuse_salt=run.cache.keys["reuse"],
                              timings=report.seconds, on_groups=on_groups)
    report.seconds["corpus"] = time.perf_counter() - t0
    log.info("corpus-wide steps: %.1f s (%s)", report.seconds["corpus"], ", ".join(
        f"{k[7:]} {v:.1f}" for k, v in report.seconds.items() if k.startswith("corpus.")))
    report.n_files = len(corpus.build_log)
    report.status_counts = corpus.build_log["status"].value_counts().to_dict()
    whole = {"build_log": corpus.build_log, "manifest_log": manifest_log(manifest_problems),
             "originality": corpus.originality}
    for name, table in whole.items():  # the contracts, primary keys included, before anything is written
        schema.validate(name, table if len(table) else schema.empty(name))
    return corpus, whole


@contextmanager
def _work_folder(cache: Cache):
    """The folder where group parts, the theme model and the reuse index are kept: the cache
    folder, or (a build without a cache, or with one it cannot write) a temporary folder deleted
    afterwards."""
    from ..store import hold_lock, release_lock

    if cache.folder is not None and cache.writable:
        # Two builds at once on one cache (the default data/interim serves every raw folder built from one
        # place) would mix their reuse index, theme model and group files: the second is refused.
        held = hold_lock(cache.folder / CACHE_LOCK, lambda owner: (
            f"another build (process {owner or '?'}) is using the cache {cache.folder}; wait for it to finish, "
            "or give another --cache"))
        try:
            yield cache.folder
        finally:
            release_lock(held)
        return
    _sweep_dead_work_folders()
    with tempfile.TemporaryDirectory(prefix=f"{_WORK_PREFIX}{os.getpid()}-") as folder:
        yield Path(folder)


#: The lock file a build holds in its cache folder.
CACHE_LOCK = ".build.lock"
_WORK_PREFIX = "reportkit-build-"


def _sweep_dead_work_folders() -> None:
    """Remove the temporary work folders of builds that were killed (SIGKILL, the out-of-memory killer) before
    they could: this user's reportkit-build-PID-… folders whose process is gone."""
    base = Path(tempfile.gettempdir())
    try:
        candidates = list(base.glob(f"{_WORK_PREFIX}*-*"))
    except OSError:
        return
    for folder in candidates:
        pid = folder.name[len(_WORK_PREFIX):].split("-", 1)[0]
        try:
            if not pid.isdigit() or folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            os.kill(int(pid), 0)  # the build is still running (or its number is another process's): kept
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            log.info("removed %s, the work folder of a build that was killed", folder)
        except OSError:
            continue


def _used(corpus, parts_dir: Path) -> dict[Path, set[str]]:
    """Group folder → names of the files and variants in it this build used (the rest is pruned)."""
    used: dict[Path, set[str]] = {}
    for path in [*corpus.folders, *corpus.shortcomings, *corpus.boilerplate, *corpus.reuse]:
        rel = path.relative_to(parts_dir).parts
        names = used.setdefault(parts_dir / rel[0], set())
        if len(rel) > 1:
            names.add(rel[1])
            if len(rel) == 2 and rel[1].endswith(".parquet"):
                names.add(rel[1][: -len(".parquet")] + ".csv")
    return used


def write_outputs(output, corpus, whole: dict[str, pd.DataFrame], *, threads: int = 1,
                  copies: PartCopies | None = None) -> int:
    """OUTPUT (a `store.Output`) filled (`fill_outputs`) and swapped in; the number of reports."""
    try:
        n_documents = fill_outputs(output.staging, corpus, whole, threads=threads, copies=copies)
    except OSError as exc:
        raise output._failed(exc) from None
    output.commit()
    return n_documents


class PartCopies:
    """The per-report tables (`parts.PART_TABLES`) copied into STAGING by a background thread from
    the moment the corpus-wide steps know the group folders (`start`), while those steps go on:
    the copies and the CSV concatenation are file I/O (~0.5 s for one report added to 10,000)."""

    def __init__(self, staging: Path, threads: int):
        self.staging, self.threads = staging, threads
        self.folders: list[Path] | None = None
        self._executor = self._future = None

    def __enter__(self) -> PartCopies:
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:  # a failed build too: the thread ends before staging is removed
            self._executor.shutdown(wait=True, cancel_futures=True)

    def start(self, folders: list[Path]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.folders = list(folders)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reportkit-copies")
        self._future = self._executor.submit(copy_part_tables, self.staging, self.folders, threads=self.threads)

    def result(self, folders: list[Path]) -> int:
        """The number of reports, once the copies of FOLDERS are done (their error raised);
        made now if the corpus-wide steps never called `start`."""
        if self._future is None:
            return copy_part_tables(self.staging, folders, threads=self.threads)
        if list(folders) != self.folders:
            raise RuntimeError("the part tables were copied from other group folders than the build's")
        return self._future.result()


def copy_part_tables(staging: Path, folders: list[Path], *, threads: int = 1) -> int:
    """The per-report tables of the group FOLDERS in STAGING (`parts.copy_table`); the number of reports."""
    from .parts import PART_TABLES, copy_table, read_info

    infos = [read_info(f) for f in folders]
    copies = [(name, [f / f"{name}.parquet" for f in folders], sum(i["rows"][name] for i in infos))
              for name in PART_TABLES]
    # Each table its own files: copied in threads (the copies and the CSV concatenation are I/O).
    in_threads(lambda c: copy_table(staging, *c), copies, threads)
    return sum(i["rows"]["documents"] for i in infos)


def fill_outputs(staging: Path, corpus, whole: dict[str, pd.DataFrame], *, threads: int = 1,
                 copies: PartCopies | None = None) -> int:
    """Every table in STAGING: the per-report tables as the groups' parts (copies; COPIES: begun
    already), shortcomings, boilerplate and reuse likewise, the WHOLE tables written. Returns the
    number of reports."""
    from ..store import write_table
    from .parts import copy_table

    n_documents = (copies.result(corpus.folders) if copies is not None
                   else copy_part_tables(staging, corpus.folders, threads=threads))
    in_threads(lambda c: copy_table(staging, *c), [(name, files, sum(_rows(f) for f in files)) for name, files in (
        ("shortcomings", corpus.shortcomings), ("boilerplate", corpus.boilerplate), ("reuse", corpus.reuse))],
        threads)
    for name, table in whole.items():
        write_table(name, table if len(table) else schema.empty(name), staging)
    return n_documents


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.read_metadata(path).num_rows


def check(
    raw_dir: str | Path = "data/raw",
    *,
    manifest: str | Path | None = None,
    config: BuildConfig | None = None,
    jobs: int | None = 1,
    limits: Limits | None = None,
) -> dict[str, pd.DataFrame]:
    """The problems a build would report, without building: ``{"build_log", "manifest_log"}``.

    Every file is read and parsed (no cache, no term counts, nothing written), so the build log
    holds the same rows as a build's: unreadable files, files without a year or town, manifest
    disagreements. JOBS: worker processes (default 1).
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    config = _config(config, jobs=jobs, limits=limits, tokenizer=None)
    _manifest_file(manifest)
    planned = plan(raw_dir, manifest, limits=config.limits)
    run = Run(config, Cache(None, stage_keys(config)), stages=("parse",))
    outcomes = run_jobs(planned.jobs, run, n_jobs=config.jobs or default_jobs(), progress=False)
    return {"build_log": build_log_of(outcomes, planned),
            "manifest_log": schema.validate("manifest_log", manifest_log(planned.manifest_problems)
                                            if planned.manifest_problems else schema.empty("manifest_log"))}


def build_log_of(outcomes: list[Outcome], planned: Plan) -> pd.DataFrame:
    """The build log of OUTCOMES (all in memory), as a build makes it."""
    from .corpus import final_reasons, find_copies, make_build_log, short_ids
    from .groups import _manifest_rows, group_documents

    documents, entries, keys = group_documents(outcomes, _manifest_rows(planned.manifest))
    texts = dict(zip(documents["doc_id"], documents["text"]))
    copies = find_copies(keys, lambda ids: texts)
    kept = keys[~keys["file"].isin(copies)].reset_index(drop=True)
    reasons = dict(zip(kept["file"], final_reasons(kept, short_ids(kept))))
    return make_build_log(planned.skipped, entries, copies, reasons)
