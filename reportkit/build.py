"""The pipeline: a folder of report files → the tables in data/processed.

Per document (a pure function of the file's bytes, its name and the bundled resources, so it
can run in any process and be cached):

    read → normalise → metadata → sections → indicators        stage "parse"
    tokens → term counts                                         stage "terms"
    passages → fingerprints                                      stage "reuse"

Each stage's result is cached in `cache_dir` under the file's sha256 and a key made of the
code and resource files that stage depends on, so a changed dictionary re-tokenises but does
not re-parse, and unchanged reports are never processed twice. Corpus-wide steps (themes of
shortcomings, completeness, density, reuse) are recomputed from the cached rows every build:
they are cheap compared with tokenising.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import signal
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import __version__, resources, schema
from .config import DEFAULT_CACHE_DIR, DEFAULT_OUT_DIR, Limits
from .io import (ReadError, discover, display_name, extract, is_hidden, manifest_log, read_manifest, size_problem,
                 special_file_problem, write_tables)

log = logging.getLogger(__name__)

_PACKAGE_DIR = Path(__file__).parent

# What each cached stage depends on: its code and its resource files.
STAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "parse": {
        "code": ("io.py", "normalize.py", "metadata.py", "sections.py", "indicators.py", "config.py", "chinese.py",
                 "resources.py", "schema.py"),
        "resources": ("radicals.csv", "gazetteer.csv", "section_types.csv", "indicator_categories.csv",
                      "indicator_units.csv", "indicator_exclusions.csv"),
    },
    # Shortcoming items are cut and tokenised (shortcomings.py) here, in the workers.
    "terms": {"code": ("terms.py", "shortcomings.py", "chinese.py", "resources.py"),
              "resources": ("userdict.txt", "stopwords.txt", "boilerplate.txt")},
    # Passages are masked with the units of indicator_units.csv.
    "reuse": {"code": ("reuse.py", "chinese.py", "resources.py"), "resources": ("indicator_units.csv",)},
}

DOCUMENT_COLUMNS = schema.table("documents").names
LOG_COLUMNS = schema.table("build_log").names


def stage_key(stage: str) -> str:
    """Hash of the version, code and resources a stage depends on (its cache key).

    Later stages work on the parse stage's output, so their key includes the parse key: an edit
    to the reader or the normaliser re-tokenises too, while an edited dictionary re-parses nothing.
    The terms stage also depends on the tokenizer's version (engine chosen by
    REPORTKIT_TOKENIZER and its release).
    """
    from .terms import default_tokenizer

    return _stage_key(stage, default_tokenizer().version if stage == "terms" else "")


@lru_cache(maxsize=None)
def _stage_key(stage: str, tokenizer: str) -> str:
    digest = hashlib.sha256(__version__.encode() + tokenizer.encode())
    if stage != "parse":
        digest.update(stage_key("parse").encode())
    spec = STAGES[stage]
    for name in spec["code"]:
        path = _PACKAGE_DIR / name
        digest.update(name.encode() + (path.read_bytes() if path.exists() else b""))
    for name in spec["resources"]:
        digest.update(f"{name}={resources.digest(name)}".encode())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- per-document work


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


def parse_document(data: bytes, name: str, *, limits: Limits) -> dict:
    """Stage "parse": bytes of one file → text, inferred metadata, sections, indicators."""
    from .indicators import density, extract_indicators
    from .metadata import infer_metadata
    from .normalize import normalize_text
    from .sections import has_headings, split_sections, unmapped_headings

    extracted = extract(data, Path(name).suffix, name=name, limits=limits)
    text = normalize_text(extracted.text)
    sha256 = hashlib.sha256(data).hexdigest()
    doc_id = sha256[:16]  # stable: the same bytes always get the same id
    meta = infer_metadata(text, file_name=Path(name).name, hints=extracted.hints)
    sections = split_sections(text, doc_id=doc_id)
    indicators = extract_indicators(text, doc_id=doc_id, sections=sections)
    warnings = list(extracted.warnings)
    if not has_headings(sections).any():
        warnings.append("no numbered headings found; the whole report is one section of type 'other'")
    for row in unmapped_headings(sections).itertuples():
        warnings.append(f"heading '{row.heading[:30]}' matches no rule in section_types.csv "
                        f"(typed {row.section_type}); add a row there to map it")
    return {
        "doc_id": doc_id, "sha256": sha256, "format": extracted.format, "encoding": extracted.encoding,
        "hints": extracted.hints, "raw_text": extracted.text, "text": text, "meta": meta,
        "sections": sections, "indicators": indicators, "warnings": warnings,
        # Density is per document; computed here it is parallel and cached (over the whole
        # corpus at once it costs O(documents × indicators)).
        "density": density(indicators, sections),
    }


def terms_document(parsed: dict) -> dict:
    """Stage "terms": term counts and tokenised shortcoming items of one parsed document.

    The tokeniser is loaded once per process. Tokenising the items here (not corpus-wide in
    the parent) keeps the theme clustering cheap and adding one report cheap.
    """
    from .shortcomings import shortcoming_items
    from .shortcomings import item_tokens
    from .metadata import own_place_names
    from .terms import count_terms, load_tokenizer

    tokenizer = load_tokenizer()
    names = own_place_names(parsed["meta"].get("town"), parsed["meta"].get("county"))
    items = shortcoming_items(parsed["sections"])
    items["tokens"] = item_tokens(items, tokenize=tokenizer.tokens)
    term_counts = count_terms(parsed["sections"], tokenizer=tokenizer, drop_names=names)
    return {"term_counts": term_counts, "shortcoming_items": items}


def reuse_document(parsed: dict) -> dict:
    """Stage "reuse": passages and their fingerprints, so the corpus-wide index is cheap to rebuild."""
    from .reuse import fingerprints, passages

    meta = parsed["meta"]
    table = passages(parsed["doc_id"], parsed["text"], town=meta.get("town", ""), county=meta.get("county", ""))
    return {"passages": table, "fingerprints": fingerprints(table)}


STAGE_FUNCTIONS: dict[str, Callable[[dict], dict]] = {"terms": terms_document, "reuse": reuse_document}


@dataclass
class Job:
    file: str  # path relative to the raw folder, POSIX style
    path: Path
    sha256: str
    cache_dir: Path | None
    limits: Limits
    stages: tuple[str, ...] = ("parse", "terms", "reuse")
    keys: dict[str, str] = field(default_factory=dict)  # stage → cache key, fixed once per build


@dataclass
class Outcome:
    file: str
    result: dict | None = None
    status: str = "ok"
    messages: list[str] = field(default_factory=list)
    computed: list[str] = field(default_factory=list)  # stages that were not in the cache
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage (cache reads included)


def _cache_path(job: Job, stage: str) -> Path:
    key = job.keys.get(stage) or stage_key(stage)
    return job.cache_dir / stage / job.sha256[:2] / f"{job.sha256}-{key}.pkl"


def _is_cached(job: Job) -> bool:
    """Every stage of JOB is in the cache (so running it is only loading files)."""
    return job.cache_dir is not None and all(_cache_path(job, stage).exists() for stage in job.stages)


def _cached(job: Job, stage: str, compute: Callable[[], dict]) -> tuple[dict, bool]:
    if job.cache_dir is None:
        return compute(), True
    path = _cache_path(job, stage)
    if path.exists():
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle), False
        except Exception:  # a truncated cache file is simply recomputed
            log.warning("cache file %s unreadable; recomputing", path)
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return value, True


def run_job(job: Job) -> Outcome:
    """Process one file through all stages. Never raises: problems become the outcome's status."""
    outcome = Outcome(job.file)
    try:
        with time_limit(job.limits.seconds_per_file):
            t0 = time.process_time()
            data = job.path.read_bytes()
            parsed, fresh = _cached(job, "parse", lambda: parse_document(data, job.file, limits=job.limits))
            if fresh:
                outcome.computed.append("parse")
            result = dict(parsed)
            t1 = time.process_time()
            outcome.seconds["parse"] = t1 - t0
            for stage in job.stages:
                if stage == "parse":
                    continue
                value, fresh = _cached(job, stage, lambda s=stage: STAGE_FUNCTIONS[s](parsed))
                result.update(value)
                if fresh:
                    outcome.computed.append(stage)
                t0, t1 = t1, time.process_time()
                outcome.seconds[stage] = t1 - t0
        outcome.result = result
        outcome.messages += parsed["warnings"]
        if parsed["warnings"]:
            outcome.status = "warning"
    except ReadError as exc:
        outcome.status, outcome.messages = exc.status, [str(exc)]
    except FileTimeout:
        outcome.status = "error"
        outcome.messages = [f"took longer than {job.limits.seconds_per_file:g} s and was stopped; "
                            "check the file or raise Limits.seconds_per_file"]
    except MemoryError:
        outcome.status, outcome.messages = "error", ["ran out of memory while reading; the file is too large or malformed"]
    except Exception as exc:  # a bug must not lose the other files; the message says where to look
        log.exception("unexpected error on %s", job.file)
        outcome.status = "error"
        outcome.messages = [f"internal error ({type(exc).__name__}: {exc}); please report it with this file"]
    return outcome


# Per-document tables. The parent concatenates them in chunks as results arrive: thousands
# of small DataFrames cost far more memory than their rows (index, blocks, column objects:
# ~200 KB per report, 2 GB for 10,000), a few large ones do not.
TABLE_KEYS = ("sections", "indicators", "term_counts", "density", "passages", "fingerprints", "shortcoming_items")
CHUNK_DOCUMENTS = 256


def _compact(results: list[dict]) -> dict[str, pd.DataFrame]:
    """The tables (TABLE_KEYS) of many per-document results, each concatenated in order."""
    from .indicators import density
    from .shortcomings import shortcoming_items

    for result in results:  # results cached before density moved into the parse stage
        if "density" not in result and "indicators" in result and "sections" in result:
            result["density"] = density(result["indicators"], result["sections"])
        if "shortcoming_items" not in result and "sections" in result:  # no terms stage: tokenised later
            result["shortcoming_items"] = shortcoming_items(result["sections"])
    return {key: _concat(r[key] for r in results if key in r) for key in TABLE_KEYS}


class _Collector:
    """Takes the tables out of each outcome as it arrives and keeps them in chunks (job order).

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
            self.chunks.append(_compact(self._pending))
            self._pending, self._count = [], 0
        return self.chunks


def _groups(jobs: list[Job], *, mean: int = CHUNK_DOCUMENTS) -> list[list[Job]]:
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


def _group_path(group: list[Job]) -> Path | None:
    """Cache file of a group's outcomes and tables: keyed by its files, their bytes and the stage keys."""
    cache_dir = group[0].cache_dir
    if cache_dir is None:
        return None
    digest = hashlib.sha256(repr(sorted(group[0].keys.items())).encode())
    for job in group:
        digest.update(f"{job.file}\0{job.sha256}\0{job.stages}\0{job.limits}\n".encode())
    return cache_dir / "groups" / f"{digest.hexdigest()[:32]}.pkl"


def _load_group(path: Path | None):
    if path is None or not path.exists():
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a truncated cache file is simply rebuilt
        log.warning("cache file %s unreadable; rebuilding", path)
        return None


def _save_group(path: Path | None, outcomes: list[Outcome], chunk: dict[str, pd.DataFrame]) -> None:
    # Errors are not cached: a timeout or a memory error may not happen again.
    if path is None or any(o.status == "error" for o in outcomes):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    stored = [Outcome(o.file, o.result, o.status, list(o.messages)) for o in outcomes]
    with open(tmp, "wb") as handle:
        pickle.dump((stored, chunk), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _run_groups(planned: list[Job], *, n_jobs: int, progress: bool) -> tuple[list[Outcome], list[dict]]:
    """Outcomes and table chunks of all jobs: whole groups from the cache, the rest computed.

    Loading 10,000 cached reports file by file takes minutes (three small pickles each, then
    concatenating their tables); a group of ~256 is one pickle of already concatenated tables.
    """
    groups = _groups(planned)
    paths = [_group_path(g) for g in groups]
    stored = [path is not None and path.exists() for path in paths]
    todo = [g for g, have in zip(groups, stored) if not have]
    # The new files are computed before the cached groups are loaded, so that the workers are
    # forked from a small parent.
    collector = _Collector(sizes=[len(g) for g in todo])
    fresh = iter(run_jobs([job for g in todo for job in g], n_jobs=n_jobs, progress=progress,
                          collect=collector.add))
    fresh_chunks = iter(collector.flush())
    outcomes: list[Outcome] = []
    chunks: list[dict] = []
    for group, path, have in zip(groups, paths, stored):
        got = _load_group(path) if have else None
        if got is None and have:  # unreadable: this group is rebuilt here
            one = _Collector(sizes=[len(group)])
            got = (run_jobs(group, n_jobs=1, progress=False, collect=one.add), one.flush()[0])
            _save_group(path, *got)
        elif got is None:
            got = ([next(fresh) for _ in group], next(fresh_chunks))
            _save_group(path, *got)
        outcomes += got[0]
        chunks.append(got[1])
    _prune_groups(paths)
    return outcomes, chunks


def _prune_groups(current: list[Path | None]) -> None:
    """Delete group files this corpus no longer uses (the per-report caches stay)."""
    keep = {p for p in current if p is not None}
    if not keep:
        return
    folder = next(iter(keep)).parent
    for stale in folder.glob("*.pkl"):
        if stale not in keep:
            stale.unlink(missing_ok=True)


@contextmanager
def _no_pool():
    yield None


def run_jobs(jobs: list[Job], *, n_jobs: int, progress: bool,
             collect: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run jobs over a process pool (or in-process for one job); results in the jobs' order.

    COLLECT, if given, is called with each outcome as it arrives, in the jobs' order.
    """
    from tqdm import tqdm

    outcomes: dict[str, Outcome] = {}
    collect = collect or (lambda outcome: None)
    bar = tqdm(total=len(jobs), desc="reports", unit="file", disable=not progress, leave=False)
    if n_jobs <= 1 or len(jobs) <= 1:
        for job in jobs:
            outcomes[job.file] = run_job(job)
            collect(outcomes[job.file])
            bar.update()
    else:
        # Fully cached files are loaded here, while the workers compute the others: a worker
        # would load them, pickle them and send them back (1,000 cached reports: 3.4 s with the
        # pool, 2.2 s in-process). Jobs go to the workers in chunks: one future per file costs
        # more in inter-process traffic. Small enough chunks keep both cores busy to the end.
        cached = {job.file for job in jobs if _is_cached(job)}
        todo = [job for job in jobs if job.file not in cached]
        chunksize = max(1, min(16, len(todo) // (n_jobs * 8)))
        try:
            with ProcessPoolExecutor(max_workers=n_jobs) if todo else _no_pool() as pool:
                computed = pool.map(run_job, todo, chunksize=chunksize) if todo else iter(())
                for job in jobs:
                    outcome = run_job(job) if job.file in cached else next(computed)
                    outcomes[job.file] = outcome
                    collect(outcome)
                    bar.update()
        except BrokenProcessPool:
            # A worker died (killed for memory, crashed in a C library): finish the rest one by one
            # in this process, so that no file is lost and the culprit is named. (map yields in
            # order, so the rest is a suffix of JOBS and COLLECT still sees the jobs' order.)
            for job in jobs:
                if job.file not in outcomes:
                    outcomes[job.file] = run_job(job)
                    collect(outcomes[job.file])
                    bar.update()
    bar.close()
    return [outcomes[job.file] for job in jobs]


# ---------------------------------------------------------------- the whole build


@dataclass
class BuildReport:
    """What a build did: counts per status and which stages were computed (not cached)."""

    n_files: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    computed: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        counts = ", ".join(f"{self.status_counts.get(s, 0)} {s}" for s in ("ok", "warning", "error", "skipped"))
        return f"{self.n_files} files: {counts}"


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def plan(raw_dir: Path, manifest_path: Path | None, *, limits: Limits) -> tuple[list[Job], list[dict], pd.DataFrame, list[str]]:
    """Find files, account for each one, and read the manifest. No parsing yet."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist; put the reports there or pass RAW_DIR")
    manifest, manifest_problems = pd.DataFrame(columns=["file"]), []
    if manifest_path:
        try:
            manifest, manifest_problems = read_manifest(manifest_path, raw_dir=raw_dir)
        except (ValueError, OSError) as exc:  # a broken manifest must not stop the build
            manifest_problems = [f"{exc}; built without the manifest"]
    log_rows: list[dict] = []
    jobs: list[Job] = []
    first_by_hash: dict[str, str] = {}
    for path in discover(raw_dir):
        rel = path.relative_to(raw_dir)
        name = display_name(rel)
        if is_hidden(rel):
            log_rows.append({"file": name, "status": "skipped", "message": "hidden or temporary file"})
            continue
        if problem := special_file_problem(path):
            log_rows.append({"file": name, "status": "skipped", "message": problem})
            continue
        try:
            if problem := size_problem(path.stat().st_size, limits):
                log_rows.append({"file": name, "status": "error", "message": problem})
                continue
            data = path.read_bytes()
        except OSError as exc:  # unreadable (permissions) or gone since it was listed
            log_rows.append({"file": name, "status": "error", "message": f"cannot read the file ({exc.strerror})"})
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in first_by_hash and data.strip():  # empty files are reported as empty, not as copies
            log_rows.append({"file": name, "status": "warning",
                             "message": f"duplicate of {first_by_hash[digest]} (byte-identical); counted once"})
            continue
        first_by_hash[digest] = name
        jobs.append(Job(name, path, digest, None, limits))
    return jobs, log_rows, manifest, manifest_problems


def build(
    raw_dir: str | Path = "data/raw",
    *,
    manifest: str | Path | None = None,
    out: str | Path | None = DEFAULT_OUT_DIR,
    cache_dir: str | Path | None = DEFAULT_CACHE_DIR,
    jobs: int | None = None,
    limits: Limits | None = None,
    progress: bool = False,
    report: BuildReport | None = None,
) -> dict[str, pd.DataFrame]:
    """Build every table from the reports in RAW_DIR and (if OUT is given) write them there.

    >>> tables = build("data/raw", manifest="data/manifest.csv", out="data/processed")  # doctest: +SKIP
    >>> tables["documents"][["town", "year"]]                                          # doctest: +SKIP

    Returns a dict of DataFrames: documents, build_log, sections, shortcomings, completeness,
    indicators, density, term_counts, concept_counts, reuse, originality. A file that cannot be
    read never stops the build: it gets a build_log row saying why.
    """
    limits = limits or Limits()
    report = report if report is not None else BuildReport()
    n_jobs = jobs or default_jobs()
    started = time.perf_counter()
    planned, log_rows, manifest_table, manifest_problems = plan(Path(raw_dir), Path(manifest) if manifest else None,
                                                                 limits=limits)
    cache = Path(cache_dir) if cache_dir else None
    keys = {stage: stage_key(stage) for stage in STAGES}
    for job in planned:
        job.cache_dir, job.keys = cache, keys
    outcomes, chunks = _run_groups(planned, n_jobs=n_jobs, progress=progress)
    report.seconds["documents"] = time.perf_counter() - started
    log.info("per-document stages: %d files in %.1f s", len(planned), report.seconds["documents"])
    for outcome in outcomes:
        for stage in outcome.computed:
            report.computed[stage] = report.computed.get(stage, 0) + 1
        for stage, seconds in outcome.seconds.items():
            report.seconds[f"cpu.{stage}"] = report.seconds.get(f"cpu.{stage}", 0.0) + seconds

    t0 = time.perf_counter()
    tables = assemble(outcomes, log_rows, manifest_table, manifest_problems, chunks=chunks)
    del outcomes  # their texts are in tables["documents"] now
    report.seconds["corpus.assemble"] = time.perf_counter() - t0
    tables |= corpus_tables(tables, chunks, timings=report.seconds)
    del chunks
    report.seconds["corpus"] = time.perf_counter() - t0
    log.info("corpus-wide steps: %.1f s (%s)", report.seconds["corpus"], ", ".join(
        f"{k[7:]} {v:.1f}" for k, v in report.seconds.items() if k.startswith("corpus.")))
    report.n_files = len(tables["build_log"])
    report.status_counts = tables["build_log"]["status"].value_counts().to_dict()
    if out is not None:
        t0 = time.perf_counter()
        write_tables(tables, Path(out))
        report.seconds["write"] = time.perf_counter() - t0
    report.seconds["total"] = time.perf_counter() - started
    return tables


def assemble(outcomes: list[Outcome], log_rows: list[dict], manifest: pd.DataFrame,
             manifest_problems: list[str], *, chunks: list[dict] | None = None) -> dict[str, pd.DataFrame]:
    """Per-document results + manifest → documents, build_log, sections, indicators, term_counts.

    CHUNKS are the per-document tables already taken out of the outcomes by a `_Collector`
    (in the outcomes' order); without them the tables are taken from the outcomes.
    """
    from .metadata import merge_manifest

    if chunks is None:
        chunks = [_compact([o.result for o in outcomes if o.result is not None])]
    by_file = {row["file"]: row for row in manifest.to_dict("records")} if len(manifest) else {}
    documents = []
    for outcome in outcomes:
        messages = list(outcome.messages)
        status = outcome.status
        if outcome.result is not None:
            result = outcome.result
            meta, disagreements = merge_manifest(result["meta"], by_file.get(outcome.file))
            messages += disagreements
            if not meta.get("year"):
                messages.append("no year found; add it to data/manifest.csv")
            if meta.get("level") == "township" and not meta.get("town"):
                messages.append("no town found; add it to data/manifest.csv")
            if messages and status == "ok":
                status = "warning"
            documents.append({
                "doc_id": result["doc_id"], "file": outcome.file, "format": result["format"],
                "encoding": result["encoding"], **{k: meta.get(k, "") for k in DOCUMENT_COLUMNS if k in meta},
                "n_chars": len(result["text"]), "sha256": result["sha256"],
                "publisher": result["hints"].get("publisher", ""),
                "publish_date": result["hints"].get("publish_date", ""),
                "text": result["text"], "raw_text": result["raw_text"],
            })
        log_rows.append({"file": outcome.file, "status": status, "message": "; ".join(messages)})
    build_log = pd.DataFrame(log_rows, columns=LOG_COLUMNS).sort_values("file", kind="stable").reset_index(drop=True)
    docs = pd.DataFrame(documents)
    for column in DOCUMENT_COLUMNS:
        if column not in docs:
            docs[column] = ""
    docs = docs[DOCUMENT_COLUMNS]
    docs["year"] = pd.to_numeric(docs["year"], errors="coerce").astype("Int64")
    docs["n_chars"] = docs["n_chars"].astype("int64")
    return checked({
        "documents": docs.reset_index(drop=True),
        "build_log": build_log,
        "manifest_log": manifest_log(manifest_problems),  # the manifest's own problems, with line numbers
        # Popped: the chunks' copies are freed as soon as the corpus-wide table exists.
        "sections": _concat(c.pop("sections", None) for c in chunks),
        "indicators": _concat(c.pop("indicators", None) for c in chunks),
        "term_counts": _concat(c.pop("term_counts", None) for c in chunks),
    })


def checked(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """TABLES checked against their contracts (reportkit/schema.py); a table without rows gets the
    contract's columns and dtypes (an empty corpus has no rows to take them from).

    The primary keys are checked when the tables are written (`io.write_tables`), once.
    """
    return {name: schema.validate(name, table if len(table) else schema.empty(name), keys=False)
            for name, table in tables.items()}


def _concat(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def corpus_tables(tables: dict[str, pd.DataFrame], results: list[dict], *,
                  timings: dict[str, float] | None = None) -> dict[str, pd.DataFrame]:
    """Corpus-wide steps computed from the per-document rows: cheap, so always recomputed.

    TIMINGS, if given, receives the seconds of each step under "corpus.<step>".
    """
    from .indicators import density
    from .reuse import reuse_tables
    from .sections import completeness
    from .shortcomings import cluster_shortcomings
    from .terms import concept_counts

    timings = timings if timings is not None else {}
    clock = [time.perf_counter()]

    def lap(step: str) -> None:
        now = time.perf_counter()
        timings[f"corpus.{step}"] = now - clock[0]
        clock[0] = now

    documents, sections = tables["documents"], tables["sections"]
    # Items were cut and tokenised per document (stage "terms"); the tokens column is dropped by clustering.
    items = _concat(c["shortcoming_items"] for c in results if "shortcoming_items" in c)
    lap("shortcoming_items")
    if len(items):
        items = cluster_shortcomings(items)
    lap("cluster_shortcomings")
    out = {"shortcomings": items, "completeness": completeness(sections)}
    lap("completeness")
    # Per-document densities, in document order (as density() over the whole corpus orders them);
    # results cached before density moved into the parse stage are computed here.
    per_doc = [r["density"] if "density" in r else density(r["indicators"], r["sections"]) for r in results]
    out["density"] = _concat(per_doc) if any(len(d) for d in per_doc) else density(tables["indicators"], sections)
    lap("density")
    out["concept_counts"] = concept_counts(tables["term_counts"]) if len(tables["term_counts"]) else pd.DataFrame()
    lap("concept_counts")
    # Reuse: the expensive per-document part (passages, MinHash signatures) comes from the cache.
    # Popped, so that the per-chunk copies are freed once concatenated.
    passages = _concat(r.pop("passages") for r in results if "passages" in r)
    fingerprints = _concat(r.pop("fingerprints") for r in results if "fingerprints" in r)
    lap("reuse_concat")
    reuse = reuse_tables(documents, passages_table=passages if len(passages) else None,
                         fingerprints_table=fingerprints if len(fingerprints) else None)
    lap("reuse_tables")
    out["passages"] = reuse["passages"][schema.table("passages").names]
    out["reuse"] = reuse["reuse"]
    out["boilerplate"] = reuse["boilerplate"]
    out["originality"] = reuse["originality"]
    return checked(out)
