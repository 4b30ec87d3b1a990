"""The corpus-wide steps of a build, over the groups of per-report tables written to disk.

Each step reads what it needs column by column, never every table at once, and keeps what it
computed where a later build can update it:

    same report       the compared text's hash, opening and closing words of every report
                      (keys.parquet); the texts of the few reports that share one are read to
                      compare them (`find_copies`: copies, and parts of a report such as a page
                      copy), unless they are those of the last build (`kept_copies`)
    partial           level, length and the report's own partial reasons (`short_ids`)
    groups            a group holding a copy or a report far shorter than the others of its level
                      gets a variant of its parts (`parts.variant`), made once
    build_log         the groups' log entries with the corpus-wide problems added
    themes            reportkit.pipeline.themes (the fitted clusters kept; new items assigned)
    reuse             a `ReuseIndex` kept in the work folder, updated with the reports added,
                      removed or changed; boilerplate written per group when its rows change
"""
from __future__ import annotations

import hashlib
import itertools
import json
import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import schema
from ..config import BuildConfig, ReuseOptions
from ..problems import Problem
from . import parts
from .files import replace_file
from .groups import problems_of
from .runner import default_jobs, import_soon, in_threads, release_memory
from .stages import BOILERPLATE_CELLS

if TYPE_CHECKING:
    from ..partial import Copy

log = logging.getLogger(__name__)

LOG_COLUMNS = schema.table("build_log").names


@dataclass
class Corpus:
    """What the corpus-wide steps give: the group folders to link (variants applied), the tables
    computed whole, and the per-group parts of shortcomings and boilerplate."""

    folders: list[Path]
    build_log: pd.DataFrame
    shortcomings: list[Path]
    boilerplate: list[Path]
    reuse: list[Path]
    originality: pd.DataFrame


def corpus_steps(folders: list[Path], skipped: list, config: BuildConfig, work: Path, *, refit_themes: bool = False,
                 salt: str = "", reuse_salt: str = "", timings: dict[str, float] | None = None,
                 on_groups=None) -> Corpus:
    """The corpus-wide steps over the group FOLDERS (in the corpus's order); SKIPPED are the build-log
    rows of the files that got no job; WORK the folder where the theme model and the reuse index
    are kept. TIMINGS receives the seconds of each step under "corpus.<step>"; ON_GROUPS(folders)
    is called with the final group folders (variants applied) as soon as they are known."""
    from ..partial import SHORT_FOR_KIND
    from .themes import needs_model, shortcoming_parts

    timings = timings if timings is not None else {}
    clock = [time.perf_counter()]
    if needs_model(folders):  # new items will be given themes: scipy loads while the first steps read
        import_soon("scipy.sparse")

    def lap(step: str) -> None:
        release_memory()  # what a step freed is not held while the next one runs
        now = time.perf_counter()
        timings[f"corpus.{step}"] = now - clock[0]
        clock[0] = now

    threads = config.jobs or default_jobs()
    keys = read_keys(folders, threads=threads)
    lap("keys")
    copies = kept_copies(keys, folders, work / "same-report.json")
    kept = keys[~keys["file"].isin(copies)].reset_index(drop=True)
    short = short_ids(kept)
    lap("same_report")
    dropped_by_group = keys[keys["file"].isin(copies)].groupby("group")["doc_id"].agg(set).to_dict()
    short_by_group = kept[kept["doc_id"].isin(short)].groupby("group")["doc_id"].agg(set).to_dict()
    effective = [parts.variant(f, dropped_by_group.get(g, set()), short_by_group.get(g, set()), SHORT_FOR_KIND)
                 for g, f in enumerate(folders)]
    if on_groups is not None:
        on_groups(effective)
    lap("variants")
    reasons = dict(zip(kept["file"].tolist(), final_reasons(kept, short)))
    entries = (entry for f in folders for entry in parts.read_log(f))
    build_log = make_build_log(skipped, entries, copies, reasons)
    lap("build_log")
    shortcomings = shortcoming_parts(effective, config.themes, work / "themes", refit=refit_themes, salt=salt)
    lap("themes")
    reuse, originality, boilerplate = reuse_step(kept, effective, config.reuse, work / "reuse-index",
                                                 timings=timings, threads=threads, salt=reuse_salt)
    lap("reuse")
    return Corpus(effective, build_log, shortcomings, boilerplate, reuse, originality)


# --------------------------------------------------------------------------- reports


def read_keys(folders: list[Path], *, threads: int = 1) -> pd.DataFrame:
    """keys.parquet of every group, in order, with the group's position in ``group``: read as
    Arrow tables (in threads) and made one frame once (~3 times faster than a frame a group)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = in_threads(lambda f: pq.read_table(f / "keys.parquet"), folders, threads)
    sizes = [t.num_rows for t in tables]
    if not sum(sizes):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in (*parts.KEY_COLUMNS, "group")})
    # A group without readable reports wrote its text columns as nulls: "permissive" gives them the others' type.
    keys = pa.concat_tables([t for t in tables if t.num_rows], promote_options="permissive").to_pandas()
    keys["group"] = np.repeat(np.arange(len(folders), dtype=np.int64), sizes)
    return keys


def _texts(folders: list[Path], keys: pd.DataFrame, ids: set[str]) -> dict[str, str]:
    """doc_id → text of the reports IDS, read from their groups only."""
    texts: dict[str, str] = {}
    for g in sorted(set(keys.loc[keys["doc_id"].isin(ids), "group"])):
        table = pd.read_parquet(folders[g] / "documents.parquet", columns=["doc_id", "text"])
        table = table[table["doc_id"].isin(ids)]
        texts.update(zip(table["doc_id"], table["text"]))
    return texts


def find_copies(keys: pd.DataFrame, texts_of) -> dict[str, Copy]:
    """{file: Copy(kept file, similarity, part)} for the same report found in two files
    (`partial.same_reports` on the reports in KEYS order). Only reports that share their compared
    text's hash, or their inferred town and year and their opening or closing words (a copy cut
    short keeps the opening, one that lost its beginning the closing), can be the same: only their
    texts are read (TEXTS_OF(ids))."""
    from ..partial import same_reports

    k = copy_candidates(keys)
    if not len(k):
        return {}
    texts = texts_of(set(k["doc_id"]))
    return same_reports([(f, texts[d], w) for f, d, w in zip(k["file"], k["doc_id"], k["whose"])])


def copy_candidates(keys: pd.DataFrame) -> pd.DataFrame:
    """The rows of KEYS that may be the same report as another (`find_copies`), in KEYS order."""
    from ..partial import town_year_of

    k = keys[keys["same_hash"] != ""]
    town_year = k["whose"].map(town_year_of)
    opening, closing = town_year + "\0" + k["opening"], town_year + "\0" + k["closing"]
    # Only a copy that lost its beginning shares a report's closing words and not its opening: one of
    # them is partial (many reports of a common town name, 城关镇, end on the same stock sentence).
    partial = k["partial_reason"].fillna("") != ""
    closing_pair = closing.duplicated(keep=False) & partial.groupby(closing).transform("any")
    candidate = k["same_hash"].duplicated(keep=False) | ((k["whose"] != "") & (opening.duplicated(keep=False)
                                                                              | closing_pair))
    return k[candidate]


_COPY_COLUMNS = ["file", "doc_id", "whose", "same_hash", "opening", "closing"]


def kept_copies(keys: pd.DataFrame, folders: list[Path], state: Path) -> dict[str, Copy]:
    """`find_copies` over the group FOLDERS, its answer kept in STATE (JSON) for the next build: a
    build whose candidates are the same reads no text (the candidates' groups were read whole at
    each build, ~0.2 s at 10,000 reports; more in a corpus of many reports in two formats). The
    answer depends on the candidates' files and texts, and on the code that compares them: the
    candidates' rows and their groups' folder names (a digest of the group's files, code and stage
    keys) are its key."""
    k = copy_candidates(keys)
    if not len(k):
        return {}
    digest = hashlib.sha256(json.dumps([[folders[g].name for g in k["group"].tolist()], k[_COPY_COLUMNS].values.tolist()],
                                       ensure_ascii=False).encode()).hexdigest()
    from ..partial import Copy

    try:
        saved = json.loads(state.read_text(encoding="utf-8"))
        if saved["key"] == digest:
            return {str(file): Copy(str(kept), float(similarity), bool(part))
                    for file, (kept, similarity, part) in saved["copies"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # none yet, or not ours: found again
        pass
    copies = find_copies(keys, lambda ids: _texts(folders, keys, ids))
    text = json.dumps({"key": digest, "copies": copies}, ensure_ascii=False).encode("utf-8")
    replace_file(state, lambda handle: handle.write(text))
    return copies


def short_ids(kept: pd.DataFrame) -> set[str]:
    """doc_ids of the reports far shorter than the complete reports of their level (`partial.short_for_kind`)."""
    from ..partial import short_for_kind

    if not len(kept):
        return set()
    short = short_for_kind(kept[["level", "n_chars", "partial_reason"]].reset_index(drop=True))
    return set(kept.loc[short.to_numpy(), "doc_id"])


def final_reasons(kept: pd.DataFrame, short: set[str]) -> list[str]:
    """Each kept report's partial_reason, with the corpus-wide reason where it applies."""
    from ..partial import SHORT_FOR_KIND

    return [";".join(filter(None, [r, SHORT_FOR_KIND])) if d in short else r
            for d, r in zip(kept["doc_id"].tolist(), kept["partial_reason"].fillna("").tolist())]


def make_build_log(skipped: list, entries, copies: dict[str, Copy],
                   reasons: dict[str, str]) -> pd.DataFrame:
    """The build log: a row per file that got no job (SKIPPED), then per log entry (in order), with
    the corpus-wide problems (same report, partial) added; sorted by file."""
    rows = [_log_row(file, status, [problem]) for file, status, problem in skipped]
    for entry in entries:
        file, problems = entry["file"], problems_of(entry["problems"])
        if (copy := copies.get(file)) and copy.part:
            problems.append(Problem("part_of_report", f"a part of the report in {copy.kept} ({copy.similarity:.0%} "
                                    "of its text is there: a page copy, or a copy cut short); counted once, from "
                                    f"{copy.kept}", copy.kept))
        elif copy:
            problems.append(Problem("same_report", f"the same report as {copy.kept} ({copy.similarity:.0%} of the "
                                                   "text identical: another format, encoding or copy); counted once, "
                                                   f"from {copy.kept}", copy.kept))
        else:
            problems += problems_of(entry["doc_problems"])
            if reason := reasons.get(file, ""):
                problems.append(Problem("partial", f"partial text ({reason.replace(';', ', ')}): left out of the "
                                        "denominators of completeness, themes and density trends"))
        status = entry["status"]
        rows.append(_log_row(file, "warning" if problems and status == "ok" else status, problems))
    table = pd.DataFrame(rows, columns=LOG_COLUMNS).sort_values("file", kind="stable").reset_index(drop=True)
    return schema.validate("build_log", table if len(table) else schema.empty("build_log"), keys=False)


def _log_row(file: str, status: str, problems: list[Problem]) -> dict:
    return {"file": file, "status": status, "message": "; ".join(p.message for p in problems),
            "codes": ";".join(p.code for p in problems)}


# --------------------------------------------------------------------------- reuse


_META = ["doc_id", "town", "county", "year"]


def reuse_step(kept: pd.DataFrame, folders: list[Path], options: ReuseOptions, folder: Path, *,
               timings: dict[str, float], threads: int = 1, salt: str = "") -> tuple[list[Path], pd.DataFrame, list[Path]]:
    """(reuse part of each group, originality, boilerplate part of each group) of the reports KEPT, through the
    `ReuseIndex` in FOLDER brought up to date with the reports added, removed or changed; SALT is what the
    reports' passages were made with (a new one, a new index)."""
    from ..reuse import ORIGINALITY_COLUMNS
    from ..reuse_index import ReuseIndex, _as_docs

    parts.plain_folder(folder, "reuse index")
    index = ReuseIndex(folder, options, salt=salt)
    if index.dead_share > 0.5:  # mostly removed reports' passages: start again
        shutil.rmtree(folder, ignore_errors=True)
        index = ReuseIndex(folder, options, salt=salt)
    current = _as_docs(kept[_META])[_META]
    stored = index.docs[_META]
    merged = current.merge(stored, on="doc_id", how="left", suffixes=("", "_old"))
    same = np.ones(len(merged), bool)
    for column in ("town", "county"):
        same &= merged[column].fillna("\0").to_numpy() == merged[f"{column}_old"].fillna("\0").to_numpy()
    year, old_year = merged["year"].to_numpy(dtype=float), merged["year_old"].to_numpy(dtype=float)
    same &= (year == old_year) | (np.isnan(year) & np.isnan(old_year))
    stored_ids = set(stored["doc_id"].tolist())
    same &= merged["doc_id"].isin(stored_ids).to_numpy()
    added = current[~same].reset_index(drop=True)
    removed = stored_ids - set(current["doc_id"].tolist())
    group_of = dict(zip(kept["doc_id"].tolist(), kept["group"].tolist()))
    if len(added) or removed:
        wanted: dict[int, list[str]] = {}
        for doc_id in added["doc_id"]:
            wanted.setdefault(group_of[doc_id], []).append(doc_id)

        def chunks():
            import pyarrow.parquet as pq

            for g in sorted(wanted):
                path = folders[g] / "reuse.parquet"
                signatures = ["doc_id", "passage_no", *[c for c in pq.read_schema(path).names if c.startswith("mh_")]]
                # Not the passages' texts: the index keeps their masked forms only.
                table = pd.read_parquet(path, columns=[*signatures, "start", "end", "masked", "coverage", "form"])
                # The group's own reports: `isin` lists the values it is given, each time it is called.
                table = table[table["doc_id"].isin(wanted[g])].reset_index(drop=True)
                yield table[["doc_id", "passage_no", "start", "end", "masked", "coverage", "form"]], table[signatures]
                del table
                release_memory()  # a group's passages are large; what reading them took is not kept

        for step, seconds in index.update(added, chunks(), removed=removed, release=release_memory).items():
            timings[f"corpus.reuse.{step}"] = seconds
    t0 = time.perf_counter()
    reuse = _reuse_parts(index, group_of, folders)
    originality = index.originality_table()[ORIGINALITY_COLUMNS]
    t1 = time.perf_counter()
    timings["corpus.reuse.tables"] = t1 - t0
    flags = index.flags()
    by_group = kept.groupby("group", sort=False)["doc_id"].agg(list).to_dict()
    # One report of a new town changes the town counts of stock passages in every group, so
    # adding it rewrites every part: in threads (reading and writing parquet leaves the GIL).
    position = index.doc_positions()
    written = itertools.count(1)

    def release() -> None:
        # Each part read its group's passages; what they freed is given back every 4 parts
        # (all 240 parts of 50,000 written: 825 -> 687 MB, ~1 s more; after every part 673 MB, in twice the time).
        if next(written) % 4 == 0:
            release_memory()

    boilerplate = in_threads(lambda g: _boilerplate_part(folders[g], index.boilerplate_of_docs(
        by_group.get(g, []), flags=flags, position=position), release=release), range(len(folders)), threads)
    timings["corpus.reuse.boilerplate"] = time.perf_counter() - t1
    return reuse, originality, boilerplate


def _reuse_parts(index, group_of: dict[str, int], folders: list[Path]) -> list[Path]:
    """The reuse table cut by the group of doc_a, one part per group, each written only when its
    pairs are new: the pairs stay numbers (millions at national scale) and only a changed group's
    are made into rows. A part's name is a digest of its pairs and of its reports' town, county
    and year (which decide `kind`)."""
    arrays = index.reuse_arrays()
    docs = index.docs
    doc_ids = docs["doc_id"].astype(str)
    group = doc_ids.map(group_of).fillna(-1).to_numpy(dtype=np.int64)
    uid = np.array([int(d, 16) for d in doc_ids.tolist()], dtype=np.uint64)  # doc_id is 16 hex digits
    meta = pd.util.hash_pandas_object(docs[["doc_id", "town", "county", "year"]], index=False).to_numpy()
    of_pair = group[arrays["doc_a"]]
    order = np.argsort(of_pair, kind="stable")  # the table's order within each group
    bounds = np.searchsorted(of_pair[order], np.arange(len(folders) + 1))
    paths = []
    for g, folder in enumerate(folders):
        mine = {k: v[order[bounds[g]:bounds[g + 1]]] for k, v in arrays.items()}
        digest = hashlib.sha256()
        for column in (uid[mine["doc_a"]], uid[mine["doc_b"]], meta[mine["doc_a"]], meta[mine["doc_b"]],
                       mine["passage_no_a"], mine["passage_no_b"], mine["similarity"]):
            digest.update(np.ascontiguousarray(column).tobytes())
        path = folder / f"reuse-{digest.hexdigest()[:16]}.parquet"
        if not (path.exists() and path.with_suffix(".csv").exists()):
            parts.write_table_part(folder, "reuse", index.reuse_frame(mine), stem=path.stem)
        paths.append(path)
    return paths


def _boilerplate_part(folder: Path, rows: pd.DataFrame, *, release=lambda: None) -> Path:
    """The boilerplate part of one group (its ROWS: doc_id, passage_no, n_towns, source), written
    when these rows are new, with the passages' offsets, texts and CSV cells from the group's
    passages; returns it.

    Adding one report changes the towns of the stock passages of every group, so every part is
    written again: from Arrow columns (no pandas frame of the texts), with the CSV cells the
    reuse stage made for each passage (`stages.BOILERPLATE_CELLS`) and the new counts."""
    import pyarrow as pa

    rows = _in_order(rows)
    path = folder / f"boilerplate-{_digest(rows['doc_id'], rows['passage_no'], rows['n_towns'], rows['source'])}.parquet"
    if path.exists() and path.with_suffix(".csv").exists():
        return path
    if not len(rows):
        parts.write_table_part(folder, "boilerplate", schema.empty("boilerplate"), stem=path.stem)
        return path
    texts = _boilerplate_texts(folder, rows)
    target = parts.arrow_schema("boilerplate")
    counts = pa.array(rows["n_towns"].to_numpy(dtype=np.int64))
    source = pa.array(np.asarray(rows["source"].cat.categories, dtype=object)).take(
        pa.array(rows["source"].cat.codes.to_numpy())).cast(target.field("source").type)
    columns = {**{c: texts.column(c) for c in BOILERPLATE_CELLS}, "n_towns": counts, "source": source}
    table = pa.Table.from_arrays([columns[f.name].cast(f.type) for f in target], schema=target)
    cells = texts.column("csv").cast(pa.string())  # text pandas wrote may come back as large_string
    if cells.null_count or not _CSV_TAIL_FITS:  # a cell with a line break: the CSV is written whole
        parts.write_table_part(folder, "boilerplate", table.to_pandas(), stem=path.stem)
        return path
    # The CSV row is the passage's cells, then the two counts' cells (a number, a word: never
    # quoted or escaped), exactly as `parts.csv_rows` writes the whole row.
    lines = parts.csv_lines_of([cells, counts, source])
    parts.write_arrow_part(folder, "boilerplate", table, stem=path.stem, csv=lines)
    del texts, table, lines, cells
    release()
    return path


# The boilerplate CSV's columns are the passage's cells, then n_towns and source (else no fast path).
_CSV_TAIL_FITS = schema.table("boilerplate").csv_columns == [*BOILERPLATE_CELLS, "n_towns", "source"]


def _in_order(rows: pd.DataFrame) -> pd.DataFrame:
    """Boilerplate ROWS (doc_id, passage_no, n_towns, source) sorted by doc_id and passage_no, with
    doc_id (its reports) and source (the table's values) as categoricals of sorted categories.
    `ReuseIndex.boilerplate_of_docs` gives them so: then nothing is compared as text."""
    rows = rows[["doc_id", "passage_no", "n_towns", "source"]].reset_index(drop=True)
    doc_id, source = rows["doc_id"], rows["source"]
    if isinstance(doc_id.dtype, pd.CategoricalDtype) and doc_id.cat.categories.is_monotonic_increasing:
        doc_id = doc_id.cat.remove_unused_categories()
    else:
        doc_id = pd.Series(pd.Categorical(doc_id.astype(object), categories=sorted(set(doc_id.astype(object)))))
    used = set(source.cat.categories) if isinstance(source.dtype, pd.CategoricalDtype) else set(source.unique())
    if unknown := used - set(_SOURCES):
        raise ValueError(f"boilerplate source {sorted(unknown)} is not one of the table's values")
    source = (source.cat.set_categories(_SOURCES) if isinstance(source.dtype, pd.CategoricalDtype)
              else pd.Series(pd.Categorical(source.astype(object), categories=_SOURCES)))
    rows = rows.assign(doc_id=doc_id.array, source=source.array)
    order = np.lexsort((rows["passage_no"].to_numpy(), rows["doc_id"].cat.codes.to_numpy()))
    if (order != np.arange(len(order))).any():
        rows = rows.take(order).reset_index(drop=True)
    return rows


_SOURCES = sorted(schema.table("boilerplate").column("source").values)


def _digest(*columns: pd.Series) -> str:
    """A digest of COLUMNS (numbers, or categoricals: their categories' texts and their codes)."""
    digest = hashlib.sha256()
    for values in columns:
        if isinstance(values.dtype, pd.CategoricalDtype):
            digest.update("\0".join(values.cat.categories).encode() + b"\1")
            values = values.cat.codes
        digest.update(np.ascontiguousarray(values.to_numpy(dtype=np.int64)).tobytes())
    return digest.hexdigest()[:16]


def _boilerplate_texts(folder: Path, rows: pd.DataFrame):
    """The passages of ROWS (doc_id, passage_no, start, end, text and ``csv``, the cells their CSV
    row begins with, missing when one holds a line break) in ROWS' order, as an Arrow table taken
    from the group's earlier boilerplate part when it holds them all (adding a report changes the
    counts, seldom which passages are boilerplate), else from the group's passages (reuse.parquet,
    some fifteen times larger)."""
    import pyarrow.parquet as pq

    for earlier in sorted(folder.glob("boilerplate-*.parquet")):  # the last build's (and an interrupted one's)
        if (passages := _earlier_part_passages(earlier)) is not None:
            taken, lost = _take(passages, rows)
            if not lost.any():
                return taken
    taken, lost = _take(pq.read_table(folder / "reuse.parquet", columns=[*BOILERPLATE_CELLS, "csv"]), rows)
    if lost.any():
        missing = rows.loc[lost, ["doc_id", "passage_no"]].astype({"doc_id": object}).head(3).values.tolist()
        raise ValueError(f"{folder / 'reuse.parquet'} lacks boilerplate passages {missing}: "
                         "delete the cache folder and build again")
    return taken


def _earlier_part_passages(path: Path):
    """The passages of the boilerplate part PATH (written by this stage from the same folder's
    passages) with their CSV cells: each CSV row (rows only, CRLF) less its two last cells, the
    counts (a number and a word, never quoted). None when the part cannot be read so, e.g. a
    cell holds a line break (such a part's CSV was written whole by pandas)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path, columns=[*BOILERPLATE_CELLS, "n_towns", "source"])
        data = np.frombuffer(path.with_suffix(".csv").read_bytes(), dtype=np.uint8)
    except (OSError, pa.ArrowException):
        return None
    ends = np.flatnonzero(data == ord("\n"))  # each row's last byte
    if len(ends) != table.num_rows or not len(ends) or (data[ends - 1] != ord("\r")).any():
        return None
    counts = table.column("n_towns").to_numpy()
    if (counts < 0).any():
        return None
    digits = np.searchsorted(10 ** np.arange(1, 19), counts, side="right") + 1
    words = np.asarray(pc.utf8_length(table.column("source")).to_numpy(zero_copy_only=False), dtype=np.int64)
    tails = digits + words + 4  # ",", the count, ",", the word, CRLF
    starts = np.concatenate([[0], ends[:-1] + 1])
    cells_end = ends + 1 - tails  # where each row's cells stop: at the comma before its count
    if (cells_end <= starts).any() or (data[cells_end] != ord(",")).any() or (data[cells_end + 1 + digits] != ord(",")).any():
        return None
    keep = np.ones(len(data), bool)
    keep[np.repeat(cells_end - np.concatenate([[0], np.cumsum(tails)[:-1]]), tails) + np.arange(tails.sum())] = False
    offsets = np.concatenate([[0], np.cumsum(cells_end - starts)])
    cells = pa.LargeStringArray.from_buffers(len(ends), pa.py_buffer(offsets), pa.py_buffer(data[keep].tobytes()))
    try:
        cells.validate(full=True)  # UTF-8 whole, as the cache wrote it
    except pa.ArrowInvalid:
        return None
    return table.select(list(BOILERPLATE_CELLS)).append_column("csv", cells)


def _take(passages, rows: pd.DataFrame):
    """(PASSAGES' rows for ROWS (see `_in_order`) in ROWS' order, the mask of ROWS not among them:
    when one is, the rows are not taken)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    # Each passage and row as one number: its report's position among ROWS' reports (a
    # categorical, `_in_order`), then its passage_no; found by a search, with no text compared
    # in Python (a group holds tens of thousands of passages).
    reports = rows["doc_id"].cat.categories
    code = pc.index_in(passages.column("doc_id").combine_chunks(),
                       value_set=pa.array(reports.to_numpy(dtype=object), pa.string()))
    mine = np.flatnonzero(code.is_valid().to_numpy(zero_copy_only=False))
    passage_no = passages.column("passage_no").to_numpy()[mine].astype(np.int64)
    have = (code.to_numpy(zero_copy_only=False)[mine].astype(np.int64) << 32) | passage_no
    want = (rows["doc_id"].cat.codes.to_numpy().astype(np.int64) << 32) | rows["passage_no"].to_numpy(dtype=np.int64)
    order = np.argsort(have, kind="stable")
    have = have[order]
    at = np.searchsorted(have, want).clip(0, max(len(have) - 1, 0))
    lost = have[at] != want if len(have) else np.ones(len(want), bool)
    return (None if lost.any() else passages.take(pa.array(mine[order[at]]))), lost
