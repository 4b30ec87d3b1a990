"""The per-report stages run group by group, each group's tables written to disk as it completes.

`write_groups` cuts the jobs into content-defined groups (`runner.groups_of`), runs the stages
for the files of the groups not yet written (over the process pool, each stage from the cache
when it is there) and, as soon as the last report of a group arrives, turns the group's results
into its tables (`group_tables`) and writes them (`parts.write_group`) in a thread of its own
(`runner.InOrderThread`) while the next group's results arrive; the results are then dropped. So the
parent holds at most two groups of results, whatever the size of the corpus.

`group_documents` is the documents table and build-log entries of some reports taken alone:
what needs the whole corpus (the same report in two files, a report far shorter than the others
of its level) is applied later (`pipeline.corpus`).
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ..problems import Problem
from . import parts
from .cache import join_tables
from .runner import InOrderThread, Job, Outcome, Run, groups_of, release_memory, run_jobs

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = schema.table("documents").names


@dataclass
class Group:
    """One group of jobs and the folder of its parts; a group not yet written may have a BASE: a
    complete group of an earlier build that holds the reports KEPT (same file, bytes, manifest
    row and code), whose rows are taken from it instead of being made again."""

    jobs: list[Job]
    folder: Path
    entries: list[list[str]] = field(default_factory=list)  # [file, sha256, manifest row digest] per job
    recipe: str = ""  # `parts.recipe`
    base: Path | None = None
    kept: frozenset[str] = frozenset()

    @cached_property
    def to_run(self) -> list[Job]:
        """The jobs not kept from the base (read once BASE and KEPT are set: every outcome asks)."""
        return [j for j in self.jobs if j.file not in self.kept]


def plan_groups(jobs: list[Job], run: Run, manifest: pd.DataFrame, parts_dir: Path) -> list[Group]:
    """JOBS cut into groups, each with its folder under PARTS_DIR (named by its key), and for those
    not written yet the earlier group that shares most of their reports (`Group.base`)."""
    by_file = _manifest_rows(manifest)
    stage_keys = {s: run.cache.keys[s] for s in run.stages}
    recipe = parts.recipe(stage_keys)
    out = []
    for group in groups_of(jobs):
        rows = [by_file[j.file] for j in group if j.file in by_file]
        key = parts.group_key([(j.file, j.sha256) for j in group], recipe, rows)
        entries = [[j.file, j.sha256, parts.row_digest(by_file.get(j.file))] for j in group]
        out.append(Group(group, parts_dir / key, entries, recipe))
    missing = [g for g in out if not parts.is_complete(g.folder)]
    if missing:
        earlier = parts.earlier_groups(parts_dir, recipe)
        for g in missing:
            g.base, g.kept = _base(g, earlier)
    return out


def _base(group: Group, earlier: dict[tuple[str, str, str], Path]) -> tuple[Path | None, frozenset[str]]:
    """The earlier group holding most of GROUP's reports, and the files it holds (None: no such group)."""
    found: dict[Path, list[str]] = {}
    for entry in group.entries:
        if (folder := earlier.get(tuple(entry))) is not None:
            found.setdefault(folder, []).append(entry[0])
    if not found:
        return None, frozenset()
    folder = max(found, key=lambda f: (len(found[f]), f.name))
    return folder, frozenset(found[folder])


def _manifest_rows(manifest: pd.DataFrame) -> dict[str, dict]:
    return {row["file"]: row for row in manifest.to_dict("records")} if len(manifest) else {}


def write_groups(groups: list[Group], run: Run, manifest: pd.DataFrame, *, n_jobs: int,
                 progress: bool, pool=None) -> tuple[int, dict[str, int], dict[str, float], dict[str, int]]:
    """Run the stages for the groups whose parts are missing and write their parts (a group with
    a base: only its other reports are run, `patch_group`). Returns the number of files run, how
    many computed each stage (not from the cache), the CPU seconds per stage and how many groups
    were reused, written whole or patched: the outcomes themselves are dropped once their group
    is on disk."""
    todo = [g for g in groups if not parts.is_complete(g.folder)]
    counts = {"reused": len(groups) - len(todo), "written": sum(g.base is None for g in todo),
              "patched": sum(g.base is not None for g in todo)}
    by_file = _manifest_rows(manifest)
    for g in todo:
        if not g.to_run:  # reports removed only: nothing to run
            patch_group(g, [], by_file)
    todo = [g for g in todo if g.to_run]
    pending: list[Outcome] = []
    queue = iter(todo)
    current = [next(queue, None)]
    computed: dict[str, int] = {}
    seconds: dict[str, float] = {}

    # The first group's kept rows are read while the workers compute its new reports (adding a
    # few reports to a big corpus then waits for them only); the others' when they complete.
    first: dict = {}

    def read_first() -> None:
        if todo and todo[0].base is not None:
            first.update(kept_rows(todo[0]))

    def collect(outcome: Outcome) -> None:
        pending.append(outcome)
        if len(pending) == len(current[0].to_run):
            group, outcomes = current[0], list(pending)
            old = dict(first) if group is todo[0] and first else None
            for done in outcomes:  # tallied here; the outcomes are dropped once their group is written
                for stage in done.computed:
                    computed[stage] = computed.get(stage, 0) + 1
                for stage, value in done.seconds.items():
                    seconds[stage] = seconds.get(stage, 0.0) + value
            pending.clear()
            first.clear()
            writer.submit(_write_complete, group, outcomes, by_file, old)
            current[0] = next(queue, None)

    jobs = [job for g in todo for job in g.to_run]
    if jobs:
        # Each completed group is written by a thread while the parent goes on handing files to
        # the workers and taking their results: written in the parent's own thread, a group held
        # the workers up (done with their file, they waited for the next: ~20 % of their time on
        # two cores). The parent so holds two groups' results at most.
        with InOrderThread(name="reportkit-group") as writer:
            run_jobs(jobs, run, n_jobs=n_jobs, progress=progress, collect=collect, pool=pool, submitted=read_first)
    return len(jobs), computed, seconds, counts


def _write_complete(group: Group, outcomes: list[Outcome], by_file: dict[str, dict], old: dict | None) -> None:
    """GROUP's files from its OUTCOMES: patched onto its base (OLD: its kept rows, read already) or written whole."""
    if group.base is not None:
        patch_group(group, outcomes, by_file, old)
    else:
        write_group(group, outcomes, by_file)
    outcomes.clear()
    release_memory()


def write_group(group: Group, outcomes: list[Outcome], by_file: dict[str, dict]) -> None:
    """The tables of GROUP's OUTCOMES (all its reports) written into its folder."""
    tables, info, keys, items, reuse_input = group_tables(outcomes, by_file)
    parts.write_group(group.folder, tables, dict(info, entries=group.entries, recipe=group.recipe), keys, items,
                      reuse_input)


#: The tables in the order of the group's files; the others are in doc_id order (`group_tables`).
_FILE_ORDER = ("documents", "sections", "indicators", "density", "term_counts", "completeness")


def kept_rows(group: Group) -> dict:
    """The rows of the reports GROUP keeps, read from its base: every part table, keys, items,
    passages with fingerprints (``reuse``) and log entries (``log``)."""
    base = group.base
    keys = pd.read_parquet(base / "keys.parquet")
    kept_docs = set(keys.loc[keys["file"].isin(group.kept), "doc_id"])

    def kept(table: pd.DataFrame) -> pd.DataFrame:
        return table[table["doc_id"].isin(kept_docs)]

    rows = {name: kept(pd.read_parquet(base / f"{name}.parquet")) for name in parts.PART_TABLES}
    rows.update(keys=kept(keys), items=kept(parts.read_items(base)), reuse=kept(pd.read_parquet(base / "reuse.parquet")),
                log=[e for e in parts.read_log(base) if e["file"] in group.kept])
    return rows


def patch_group(group: Group, outcomes: list[Outcome], by_file: dict[str, dict], old: dict | None = None) -> None:
    """GROUP written from its base's rows of the reports it keeps (OLD: `kept_rows`, read here when
    not given) and the tables of OUTCOMES (its other reports): the same files `write_group` makes
    from all its reports, since every row is a report's own, placed as `group_tables` places it
    (file order or doc_id order)."""
    old = old if old is not None else kept_rows(group)
    new, info, new_keys, new_items, new_reuse = group_tables(outcomes, by_file)
    keys = _stack(old["keys"], new_keys)
    position = {file: i for i, file in enumerate(j.file for j in group.jobs)}
    doc_position = dict(zip(keys["doc_id"], keys["file"].map(position)))

    def merged(kept: pd.DataFrame, fresh: pd.DataFrame, by_file_order: bool) -> pd.DataFrame:
        table = _stack(kept, fresh)
        if not len(table):
            return fresh
        if by_file_order:
            order = np.argsort(table["doc_id"].map(doc_position).to_numpy(), kind="stable")
            return table.take(order).reset_index(drop=True)
        return table.sort_values("doc_id", kind="stable").reset_index(drop=True)

    tables = {name: merged(old[name], new[name], name in _FILE_ORDER) for name in parts.PART_TABLES}
    keys = merged(old["keys"], new_keys, True)
    items = merged(old["items"], new_items, True)
    reuse_input = merged(old["reuse"], new_reuse, False)
    log = sorted(old["log"] + info["log"], key=lambda e: position[e["file"]])
    info = {"log": log, "has_errors": info["has_errors"], "entries": group.entries, "recipe": group.recipe}
    parts.write_group(group.folder, tables, info, keys, items, reuse_input)


def _stack(old: pd.DataFrame, fresh: pd.DataFrame) -> pd.DataFrame:
    frames = [f for f in (old, fresh) if len(f)]
    if not frames:
        return old.reset_index(drop=True)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)


def group_tables(outcomes: list[Outcome], by_file: dict[str, dict]):
    """(tables of `parts.PART_TABLES`, info for group.json, keys, shortcoming items, passages with
    fingerprints) of one group's OUTCOMES, its reports taken alone. The outcomes' tables are taken
    out of their results as they are joined: a group's rows are not held twice while it is written."""
    from ..sections import completeness
    from ..terms import concept_counts

    documents, entries, keys = group_documents(outcomes, by_file)
    results = [o.result for o in outcomes if o.result is not None]

    def cat(key: str) -> pd.DataFrame:  # a worker's tables arrive as the cache's streams (`StoredTable`)
        return join_tables([r.pop(key, None) for r in results])

    sections, term_counts = cat("sections"), cat("term_counts")
    passages = cat("passages")
    if len(passages):
        passages = passages.sort_values(["doc_id", "passage_no"], kind="stable").reset_index(drop=True)
    fingerprints = cat("fingerprints")
    if len(fingerprints):
        fingerprints = fingerprints.sort_values(["doc_id", "passage_no"], kind="stable").reset_index(drop=True)
    tables = {
        "documents": documents,
        "sections": sections,
        "indicators": cat("indicators"),
        "density": cat("density"),
        "term_counts": term_counts,
        "concept_counts": concept_counts(term_counts) if len(term_counts) else pd.DataFrame(),
        "completeness": completeness(sections) if len(sections) else pd.DataFrame(),
        "passages": passages[schema.table("passages").names] if len(passages) else pd.DataFrame(),
    }
    items = cat("shortcoming_items")
    if not len(items):
        from ..item_cutting import ITEM_COLUMNS

        items = pd.DataFrame({c: pd.Series(dtype="int64" if c == "item_no" else object) for c in ITEM_COLUMNS})
        items["tokens"] = pd.Series(dtype=object)
    reuse_input = _reuse_input(passages, fingerprints)
    info = {"log": entries, "has_errors": any(o.status == "error" for o in outcomes)}
    return tables, info, keys, items, reuse_input


def _reuse_input(passages: pd.DataFrame, fingerprints: pd.DataFrame) -> pd.DataFrame:
    """Passages (doc_id, passage_no, start, end, text, masked, coverage, form, csv) and their
    MinHash columns, one row each, in (doc_id, passage_no) order."""
    columns = ["doc_id", "passage_no", "start", "end", "text", "masked", "coverage", "form", "csv"]
    if not len(passages):
        return pd.DataFrame({"doc_id": pd.Series(dtype=str), "passage_no": pd.Series(dtype="int64"),
                             "start": pd.Series(dtype="int64"), "end": pd.Series(dtype="int64"),
                             "text": pd.Series(dtype=str), "masked": pd.Series(dtype=str),
                             "coverage": pd.Series(dtype=float), "form": pd.Series(dtype="uint64"),
                             "csv": pd.Series(dtype=str)})
    signatures = fingerprints.drop(columns=["doc_id", "passage_no"])
    return pd.concat([passages[columns].reset_index(drop=True), signatures.reset_index(drop=True)], axis=1)


# --------------------------------------------------------------------------- documents and log entries


def group_documents(outcomes: list[Outcome], by_file: dict[str, dict]) -> tuple[pd.DataFrame, list[dict], pd.DataFrame]:
    """The documents of OUTCOMES (manifest rows BY_FILE applied; partial reasons of each report
    alone), their build-log entries and keys (`parts.KEY_COLUMNS`).

    A log entry is ``{file, status, problems, doc_problems}``: the file's own problems, and those
    of its document, which it has unless it turns out to be a copy of another file's report.
    """
    from ..metadata import merge_manifest
    from ..partial import compared_text, whose_of

    documents, entries, keys = [], [], []
    for outcome in outcomes:
        entry = {"file": outcome.file, "status": outcome.status, "problems": _dump(outcome.problems),
                 "doc_problems": []}
        entries.append(entry)
        if outcome.result is None:
            continue
        result = outcome.result
        meta, disagreements = merge_manifest(result["meta"], by_file.get(outcome.file), text=result["text"])
        problems = [Problem("manifest_disagrees", text) for text in disagreements]
        if not meta.get("year"):
            problems.append(Problem("no_year", "no year found; add it to data/manifest.csv"))
        if meta.get("level") == "township" and not meta.get("town"):
            problems.append(Problem("no_town", "no town found, or not sure which; add it to data/manifest.csv"))
        if meta.get("town_source", "").endswith("not in gazetteer"):
            problems.append(Problem("town_not_in_gazetteer", f"town {meta['town']} (from the title) is not in the "
                                    "township gazetteer: renamed or new? check it, or give it in data/manifest.csv"))
        entry["doc_problems"] = _dump(problems)
        reason = ";".join(result.get("partial", []))
        documents.append({
            "doc_id": result["doc_id"], "file": outcome.file, "format": result["format"],
            "encoding": result["encoding"], **{k: meta.get(k, "") for k in DOCUMENT_COLUMNS if k in meta},
            "n_chars": len(result["text"]), "sha256": result["sha256"],
            "partial_reason": reason,
            "publisher": result["hints"].get("publisher", ""),
            "publish_date": result["hints"].get("publish_date", ""),
            "text": result["text"], "raw_text": result["raw_text"],
        })
        chinese = compared_text(result["text"])
        keys.append({"file": outcome.file, "doc_id": result["doc_id"], "level": meta.get("level", ""),
                     "n_chars": len(result["text"]), "partial_reason": reason, "whose": whose_of(meta.get("town", ""), meta.get("year"), meta.get("county", "")),
                     "same_hash": hashlib.sha256(chinese.encode()).hexdigest()[:32] if chinese else "",
                     "opening": chinese[:40], "closing": chinese[-40:],
                     "town": meta.get("town", ""), "county": meta.get("county", ""),
                     "year": meta.get("year")})
    docs = pd.DataFrame(documents)
    for column in DOCUMENT_COLUMNS:
        if column not in docs:
            docs[column] = ""
    docs = docs[DOCUMENT_COLUMNS]
    docs["year"] = pd.to_numeric(docs["year"], errors="coerce").astype("Int64")
    docs["n_chars"] = docs["n_chars"].astype("int64")
    docs["is_partial"] = docs["partial_reason"].astype(str).ne("")
    keys = pd.DataFrame(keys, columns=list(parts.KEY_COLUMNS))
    keys["year"] = pd.to_numeric(keys["year"], errors="coerce").astype("Int64")
    keys["n_chars"] = keys["n_chars"].astype("int64")
    for column in parts.KEY_COLUMNS:
        if column not in ("year", "n_chars"):
            keys[column] = keys[column].fillna("").astype(str)
    return docs.reset_index(drop=True), entries, keys




def _dump(problems: list[Problem]) -> list[list[str]]:
    return [[p.code, p.message, p.detail] for p in problems]


def problems_of(rows: list[list[str]]) -> list[Problem]:
    return [Problem(*row) for row in rows]
