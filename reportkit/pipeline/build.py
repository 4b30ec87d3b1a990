"""The whole build: plan the files, run the per-report stages, assemble the tables, compute the
corpus-wide ones, write them.

    plan            every file under the raw folder gets a job or a build-log row; the manifest is read
    run_groups      per-report stages (reportkit.pipeline.stages) over a process pool, from the cache
    assemble        documents (manifest applied), build_log, manifest_log, sections, indicators, term_counts
    corpus_tables   shortcomings with themes, completeness, density, concept_counts, passages, reuse,
                    boilerplate, originality: recomputed from the per-report rows on every build
    write_tables    every table checked against its contract and written atomically

`check` runs the first three steps with the parse stage only and no cache, for the build log.
"""
from __future__ import annotations

import hashlib
import logging
import time
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .. import schema
from ..config import DEFAULT_CACHE_DIR, DEFAULT_OUT_DIR, BuildConfig, Limits
from ..manifest import LINK_PROBLEM, SPECIAL_PROBLEM, inventory, is_hidden, manifest_log, read_file, read_manifest
from ..problems import ManifestProblem, Problem, os_reason
from ..readers import size_problem
from .cache import Cache, stage_keys
from .runner import Job, Outcome, Run, concat, default_jobs, run_groups, run_jobs

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = schema.table("documents").names
LOG_COLUMNS = schema.table("build_log").names


@dataclass
class BuildReport:
    """What a build did: counts per status and which stages were computed (not cached)."""

    n_files: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    computed: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

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


def plan(raw_dir: str | Path, manifest_path: str | Path | None, *, limits: Limits) -> Plan:
    """Find files, account for each one, and read the manifest. No parsing yet."""
    raw_dir = _raw_folder(raw_dir)
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
        if is_hidden(path.relative_to(raw_dir)):
            skipped.append((name, "skipped", Problem("hidden", "hidden or temporary file")))
            continue
        if entry.kind != "file":
            skipped.append((name, "skipped", Problem("not_regular", LINK_PROBLEM if entry.kind == "link"
                                                     else SPECIAL_PROBLEM)))
            continue
        try:
            data, size = read_file(path, limits.max_file_bytes)
        except OSError as exc:  # unreadable (permissions, a path too long) or gone since it was listed
            skipped.append((name, "error", Problem("cannot_read", f"cannot read the file ({os_reason(exc)})")))
            continue
        if problem := size_problem(max(size, len(data)), limits):
            skipped.append((name, "error", Problem("too_large", problem)))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in first_by_hash and data.strip():  # empty files are reported as empty, not as copies
            original = first_by_hash[digest]
            skipped.append((name, "warning", Problem("duplicate", f"duplicate of {original} (byte-identical); "
                                                                  "counted once", detail=original)))
            continue
        first_by_hash[digest] = name
        jobs.append(Job(name, path, digest))
    return Plan(jobs, skipped, manifest, manifest_problems)


def _config(config: BuildConfig | None, *, jobs: int | None, limits: Limits | None,
            tokenizer: str | None) -> BuildConfig:
    """CONFIG (a default one when None) with the shortcut arguments of `build`/`check` applied."""
    config = config or BuildConfig()
    changes = {k: v for k, v in (("jobs", jobs), ("limits", limits), ("tokenizer", tokenizer)) if v is not None}
    return replace(config, **changes) if changes else config


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
) -> dict[str, pd.DataFrame]:
    """Build every table from the reports in RAW_DIR and (if OUT is given) write them there.

    >>> tables = build("data/raw", manifest="data/manifest.csv", out="data/processed")  # doctest: +SKIP
    >>> tables["documents"][["town", "year"]]                                          # doctest: +SKIP

    CONFIG (a `BuildConfig`) holds the limits, the tokenizer, the reuse and theme options and the
    number of worker processes; JOBS, LIMITS and TOKENIZER are shortcuts that replace those fields.
    Returns a dict of DataFrames, one per table of reportkit/schema.py. A file that cannot be
    read never stops the build: it gets a build_log row saying why.
    """
    config = _config(config, jobs=jobs, limits=limits, tokenizer=tokenizer)
    report = report if report is not None else BuildReport()
    started = time.perf_counter()
    _raw_folder(raw_dir)
    _check_cache(cache_dir, raw_dir)
    with ExitStack() as stack:
        output = None
        if out is not None:  # checked, locked and tried before any work is done
            from ..store import Output

            output = stack.enter_context(Output(Path(out), protect={
                "raw folder": Path(raw_dir), "manifest": Path(manifest) if manifest else None,
                "cache": Path(cache_dir) if cache_dir else None}))
        tables = _build(raw_dir, manifest, cache_dir, config, progress, report)
        if output is not None:
            t0 = time.perf_counter()
            for name, table in tables.items():  # the contracts, primary keys included, before anything is written
                schema.validate(name, table)
            output.write(tables)
            report.seconds["write"] = time.perf_counter() - t0
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


def _check_cache(cache_dir: str | Path | None, raw_dir: str | Path) -> None:
    if cache_dir is None:
        return
    cache, raw = Path(cache_dir).resolve(), Path(raw_dir).resolve()
    if cache == raw or raw in cache.parents or cache in raw.parents:
        raise ValueError(f"--cache {cache_dir} and the raw folder {raw_dir} overlap; the cache needs a folder of its "
                         "own, such as data/interim")


def _build(raw_dir, manifest, cache_dir, config: BuildConfig, progress: bool, report: BuildReport) -> dict:
    started = time.perf_counter()
    planned = plan(raw_dir, manifest, limits=config.limits)
    run = Run(config, Cache.open(Path(cache_dir) if cache_dir else None, stage_keys(config)))
    outcomes, chunks = run_groups(planned.jobs, run, n_jobs=config.jobs or default_jobs(), progress=progress)
    report.seconds["documents"] = time.perf_counter() - started
    log.info("per-document stages: %d files in %.1f s", len(planned.jobs), report.seconds["documents"])
    for outcome in outcomes:
        for stage in outcome.computed:
            report.computed[stage] = report.computed.get(stage, 0) + 1
        for stage, seconds in outcome.seconds.items():
            report.seconds[f"cpu.{stage}"] = report.seconds.get(f"cpu.{stage}", 0.0) + seconds

    t0 = time.perf_counter()
    tables = assemble(outcomes, planned, chunks)
    del outcomes  # their texts are in tables["documents"] now
    report.seconds["corpus.assemble"] = time.perf_counter() - t0
    tables |= corpus_tables(tables, chunks, config, timings=report.seconds)
    del chunks
    report.seconds["corpus"] = time.perf_counter() - t0
    log.info("corpus-wide steps: %.1f s (%s)", report.seconds["corpus"], ", ".join(
        f"{k[7:]} {v:.1f}" for k, v in report.seconds.items() if k.startswith("corpus.")))
    report.n_files = len(tables["build_log"])
    report.status_counts = tables["build_log"]["status"].value_counts().to_dict()
    return tables


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
    config = _config(config, jobs=jobs, limits=limits, tokenizer=None)
    planned = plan(raw_dir, manifest, limits=config.limits)
    run = Run(config, Cache(None, stage_keys(config)), stages=("parse",))
    outcomes = run_jobs(planned.jobs, run, n_jobs=config.jobs or default_jobs(), progress=False)
    _, build_log = documents_and_log(outcomes, planned)
    return schema_checked({"build_log": build_log, "manifest_log": manifest_log(planned.manifest_problems)})


def documents_and_log(outcomes: list[Outcome], planned: Plan) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents table (manifest applied) and the build log (one row per file found)."""
    from ..metadata import merge_manifest

    from ..partial import SHORT_FOR_KIND, same_reports, short_for_kind

    manifest = planned.manifest
    by_file = {row["file"]: row for row in manifest.to_dict("records")} if len(manifest) else {}
    documents = []
    problems_of: dict[str, list[Problem]] = {}
    status_of: dict[str, str] = {}
    log_rows = [_log_row(file, status, [problem]) for file, status, problem in planned.skipped]
    # The same report in two formats or encodings: counted once, the later file logged.
    texts = [(o.file, o.result["text"], _whose(o.result["meta"])) for o in outcomes if o.result is not None]
    copies = same_reports(texts)
    for outcome in outcomes:
        problems = problems_of.setdefault(outcome.file, list(outcome.problems))
        status_of[outcome.file] = outcome.status
        if outcome.result is None:
            continue
        if outcome.file in copies:
            first, similarity = copies[outcome.file]
            problems.append(Problem("same_report", f"the same report as {first} ({similarity:.0%} of the text "
                                                   "identical, another format or encoding); counted once"))
            continue
        result = outcome.result
        meta, disagreements = merge_manifest(result["meta"], by_file.get(outcome.file), text=result["text"])
        problems += [Problem("manifest_disagrees", text) for text in disagreements]
        if not meta.get("year"):
            problems.append(Problem("no_year", "no year found; add it to data/manifest.csv"))
        if meta.get("level") == "township" and not meta.get("town"):
            problems.append(Problem("no_town", "no town found, or not sure which; add it to data/manifest.csv"))
        if meta.get("town_source", "").endswith("not in gazetteer"):
            problems.append(Problem("town_not_in_gazetteer", f"town {meta['town']} (from the title) is not in the "
                                    "township gazetteer: renamed or new? check it, or give it in data/manifest.csv"))
        documents.append({
            "doc_id": result["doc_id"], "file": outcome.file, "format": result["format"],
            "encoding": result["encoding"], **{k: meta.get(k, "") for k in DOCUMENT_COLUMNS if k in meta},
            "n_chars": len(result["text"]), "sha256": result["sha256"],
            "partial_reason": ";".join(result.get("partial", [])),
            "publisher": result["hints"].get("publisher", ""),
            "publish_date": result["hints"].get("publish_date", ""),
            "text": result["text"], "raw_text": result["raw_text"],
        })
    docs = pd.DataFrame(documents)
    for column in DOCUMENT_COLUMNS:
        if column not in docs:
            docs[column] = ""
    docs = docs[DOCUMENT_COLUMNS]
    docs["year"] = pd.to_numeric(docs["year"], errors="coerce").astype("Int64")
    docs["n_chars"] = docs["n_chars"].astype("int64")
    if len(docs):  # far shorter than the whole reports of its level: a corpus-wide reason
        short = short_for_kind(docs)
        docs.loc[short, "partial_reason"] = [";".join(filter(None, [r, SHORT_FOR_KIND]))
                                             for r in docs.loc[short, "partial_reason"]]
    docs["is_partial"] = docs["partial_reason"].astype(str).ne("")
    for file, reason in zip(docs["file"], docs["partial_reason"]):
        if reason:
            problems_of[file].append(Problem("partial", f"partial text ({reason.replace(';', ', ')}): left out of the "
                                             "denominators of completeness, themes and density trends"))
    for outcome in outcomes:
        problems, status = problems_of[outcome.file], status_of[outcome.file]
        log_rows.append(_log_row(outcome.file, "warning" if problems and status == "ok" else status, problems))
    build_log = pd.DataFrame(log_rows, columns=LOG_COLUMNS).sort_values("file", kind="stable").reset_index(drop=True)
    return docs.reset_index(drop=True), build_log


def _whose(meta: dict) -> str:
    """"town year" of a report when both are known, else "" (near copies of unknown reports stay apart)."""
    return f"{meta['town']} {meta['year']}" if meta.get("town") and meta.get("year") else ""


def _log_row(file: str, status: str, problems: list[Problem]) -> dict:
    return {"file": file, "status": status, "message": "; ".join(p.message for p in problems),
            "codes": ";".join(p.code for p in problems)}


def assemble(outcomes: list[Outcome], planned: Plan, chunks: list[dict]) -> dict[str, pd.DataFrame]:
    """Per-document results + manifest → documents, build_log, manifest_log, sections, indicators, term_counts.

    CHUNKS are the per-document tables already taken out of the outcomes by the runner's
    `Collector`, in the outcomes' order.
    """
    documents, build_log = documents_and_log(outcomes, planned)
    counted = set(documents["doc_id"])  # a report found twice (two formats) is counted once
    for chunk in chunks:
        for key, table in chunk.items():
            if table is not None and len(table) and "doc_id" in table and not table["doc_id"].isin(counted).all():
                chunk[key] = table[table["doc_id"].isin(counted)].reset_index(drop=True)
    return schema_checked({
        "documents": documents,
        "build_log": build_log,
        "manifest_log": manifest_log(planned.manifest_problems),  # the manifest's own problems, with line numbers
        # Popped: the chunks' copies are freed as soon as the corpus-wide table exists.
        "sections": concat(c.pop("sections", None) for c in chunks),
        "indicators": concat(c.pop("indicators", None) for c in chunks),
        "term_counts": concat(c.pop("term_counts", None) for c in chunks),
    })


def schema_checked(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """TABLES checked against their contracts (reportkit/schema.py); a table without rows gets the
    contract's columns and dtypes (an empty corpus has no rows to take them from).

    The primary keys are checked when the tables are written (`io.write_tables`), once.
    """
    return {name: schema.validate(name, table if len(table) else schema.empty(name), keys=False)
            for name, table in tables.items()}


def corpus_tables(tables: dict[str, pd.DataFrame], chunks: list[dict], config: BuildConfig, *,
                  timings: dict[str, float] | None = None) -> dict[str, pd.DataFrame]:
    """Corpus-wide steps computed from the per-document rows: cheap, so always recomputed.

    TIMINGS, if given, receives the seconds of each step under "corpus.<step>".
    """
    from ..reuse import reuse_tables
    from ..sections import completeness
    from ..shortcomings import cluster_shortcomings
    from ..terms import concept_counts

    timings = timings if timings is not None else {}
    clock = [time.perf_counter()]

    def lap(step: str) -> None:
        now = time.perf_counter()
        timings[f"corpus.{step}"] = now - clock[0]
        clock[0] = now

    documents, sections = tables["documents"], tables["sections"]
    # Items were cut and tokenised per document (stage "terms"); the tokens column is dropped by clustering.
    items = concat(c["shortcoming_items"] for c in chunks)
    lap("shortcoming_items")
    if len(items):
        items = cluster_shortcomings(items, config.themes)
    lap("cluster_shortcomings")
    out = {"shortcomings": items, "completeness": completeness(sections)}
    lap("completeness")
    out["density"] = concat(c["density"] for c in chunks)  # per document, in document order
    lap("density")
    out["concept_counts"] = concept_counts(tables["term_counts"]) if len(tables["term_counts"]) else pd.DataFrame()
    lap("concept_counts")
    # Reuse: the expensive per-document part (passages, MinHash signatures) comes from the cache.
    # Popped, so that the per-chunk copies are freed once concatenated.
    passages = concat(c.pop("passages") for c in chunks)
    fingerprints = concat(c.pop("fingerprints") for c in chunks)
    lap("reuse_concat")
    reuse = reuse_tables(documents, config.reuse, passages_table=passages if len(passages) else None,
                         fingerprints_table=fingerprints if len(fingerprints) else None)
    lap("reuse_tables")
    out["passages"] = reuse["passages"][schema.table("passages").names]
    out["reuse"] = reuse["reuse"]
    out["boilerplate"] = reuse["boilerplate"]
    out["originality"] = reuse["originality"]
    return schema_checked(out)
