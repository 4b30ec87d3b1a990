"""The per-report tables of a group of reports, written once, as the output's part files.

A build cuts its reports into content-defined groups of ~256 (`runner.groups_of`). When a
group's reports have been through the stages, `write_group` writes, into the folder
``<cache>/parts/<key>/``, every per-report table of the group as the parquet file the output
will hold (``documents.parquet`` …) and as the CSV rows an Excel copy will hold (header-less,
``documents.csv``), plus what the corpus-wide steps read: the group's description
(``group.json``: whether a file failed, the recipe, each table's rows; beside it ``log.json``,
the build-log entries, and ``entries.json``, each file's hash), one row of keys per report
(``keys.parquet``: what same-report detection, partial flags and the reuse index need), the
shortcoming items with their tokens (``items.parquet``) and the passages
with their fingerprints (``reuse.parquet``). A group whose key is unchanged is never read
again: `copy_table` copies its files into the output folder (``<table>.parquet/part-NNNNN.parquet``)
and the CSV copies are its chunks concatenated. So the parent never holds more than one group,
and adding a report rewrites one group.

A corpus-wide fact can change a group's rows: a report found to be the same as one in another
group is dropped, one far shorter than the reports of its level is marked partial. Such a group
gets a *variant* (``v-<hash>/``, `variant`): the same files with those changes, made once.

The key covers the group's files and stage keys, the manifest rows of its files, this format,
and the code and resources that turn stage results into tables. Nothing here is pickled.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from .. import resources, schema
from ..store import EXCEL_MAX_ROWS

log = logging.getLogger(__name__)

#: Bump when what a part holds changes.
PARTS_FORMAT = "4"
#: The per-report tables: one part per group, in the output folder as NAME.parquet/part-NNNNN.parquet.
PART_TABLES = ("documents", "sections", "indicators", "density", "term_counts", "concept_counts", "completeness",
               "passages")
#: The code that makes a group's rows from its reports' stage results (the stages have keys of their
#: own). Not build.py, which plans and orders the work but makes no row: listing it had every
#: change there rewrite every group (~14 min at 50,000 reports).
_CODE = ("pipeline/parts.py", "pipeline/groups.py", "schema.py", "terms.py", "sections.py", "metadata.py",
         "towns.py", "places.py", "partial.py", "shortcomings.py",
         "item_cutting.py", "theme_words.py")
#: Columns of keys.parquet (one row per readable report of a group, in the group's order).
KEY_COLUMNS = ("file", "doc_id", "level", "n_chars", "partial_reason", "whose", "same_hash", "opening",
               "closing", "town", "county", "year")


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def _code_digest() -> str:
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(PARTS_FORMAT.encode())
    for name in _CODE:
        digest.update(name.encode() + b"\0" + (package / name).read_bytes())
    digest.update(resources.digest("concepts.csv").encode())
    return digest.hexdigest()


def group_key(entries: list[tuple[str, str]], recipe: str, manifest_rows: list[dict]) -> str:
    """Key of a group's parts: its (file, sha256) ENTRIES, its RECIPE (`recipe`), its files' manifest rows."""
    digest = hashlib.sha256(recipe.encode())
    for file, sha256 in entries:
        digest.update(f"{file}\0{sha256}\n".encode())
    digest.update(json.dumps(manifest_rows, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()[:32]


def recipe(stage_keys: dict[str, str]) -> str:
    """What a group's rows depend on besides its files and their manifest rows: this code and
    format, and the stage keys. Two groups of one recipe hold the same rows for the same file."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(json.dumps(sorted(stage_keys.items())).encode())
    return digest.hexdigest()[:32]


def row_digest(row: dict | None) -> str:
    """Digest of a file's manifest row ('' without one)."""
    if row is None:
        return ""
    return hashlib.sha256(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def earlier_groups(parts_dir: Path, recipe: str) -> dict[tuple[str, str, str], Path]:
    """(file, sha256, manifest row digest) → the complete group of PARTS_DIR of RECIPE that holds
    that report (groups an earlier build wrote, before they are pruned)."""
    found: dict[tuple[str, str, str], Path] = {}
    if not parts_dir.is_dir():
        return found
    for folder in sorted(parts_dir.iterdir()):
        try:  # as `is_complete`, with group.json read once
            if ".tmp" in folder.name or not _plain(folder, depth=2):
                continue
            info = read_info(folder)
            if info.get("has_errors", False) or info.get("recipe") != recipe:
                continue
            entries = read_entries(folder)
        except (OSError, ValueError):
            continue
        for entry in entries:
            found.setdefault(tuple(entry), folder)
    return found


def is_complete(folder: Path) -> bool:
    """FOLDER holds a group written whole by a build whose files all went through (no error: an
    error such as a timeout may not happen again, so such a group is recomputed). A folder holding
    anything but plain files and its variants' folders (a link, a FIFO planted in a shared cache)
    is not read: it is rebuilt."""
    try:
        if not _plain(folder, depth=2):
            log.warning("group folder %s holds links or special files: ignored and rebuilt", folder)
            return False
        return not read_info(folder).get("has_errors", False)
    except (OSError, ValueError):
        return False


def plain_folder(folder: Path, what: str) -> None:
    """FOLDER (kept between builds: a theme model, a reuse index) removed when it holds anything but
    regular files and folders of them (a link or a FIFO planted in a shared cache would be followed
    or hang the build); it is then rebuilt."""
    try:
        if not os.path.lexists(folder) or _plain(folder, depth=3):
            return
    except OSError:
        pass
    log.warning("%s %s holds links or special files: ignored and rebuilt", what, folder)
    if os.path.islink(folder) or not os.path.isdir(folder):
        os.unlink(folder)
    else:
        shutil.rmtree(folder)


def _plain(path: Path, *, depth: int) -> bool:
    """PATH is a real folder of regular files (and, DEPTH > 1, of such folders)."""
    mode = os.lstat(path).st_mode
    if not stat.S_ISDIR(mode):
        return False
    for entry in os.scandir(path):
        kind = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISDIR(kind) and depth > 1:
            if not _plain(Path(entry.path), depth=depth - 1):
                return False
        elif not stat.S_ISREG(kind):
            return False
    return True


# --------------------------------------------------------------------------- writing


def typed(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """TABLE with the contract's columns, text columns as pandas strings (a part whose text column
    is all missing must still be a text column, or the parts would not read as one table)."""
    table = table if len(table) else schema.empty(name)
    table = schema.validate(name, table, keys=False)
    out = table[schema.table(name).names].reset_index(drop=True)
    for column in schema.table(name).columns:
        if column.dtype == "str" and out[column.name].dtype != "str":
            out[column.name] = out[column.name].astype(pd.StringDtype(na_value=np.nan))
    return out


def csv_rows(name: str, table: pd.DataFrame) -> bytes:
    """The CSV rows (no header, no BOM) of TABLE as the Excel copy holds them, as `store.write_table`
    writes them: long texts left out, formula-like cells neutralised, CRLF."""
    from ..store import spreadsheet_safe

    cells = spreadsheet_safe(table[schema.table(name).csv_columns])
    # A few hundred rows: pandas is as fast as Arrow's calls a column (a group holds thousands).
    fast = _arrow_csv_rows(cells) if len(cells) >= 256 else None
    return fast if fast is not None else cells.to_csv(index=False, header=False, lineterminator="\r\n").encode("utf-8")


def _arrow_csv_rows(cells: pd.DataFrame) -> bytes | None:
    """The bytes pandas' ``to_csv`` gives CELLS, made in Arrow (2-3 times faster on a group's
    thousands of rows: the per-report parts are written at every build) when CELLS has two or
    more columns, all text, integers, floats or booleans; None otherwise. Text that holds the
    delimiter, the quote or a line break is quoted as the csv module pandas calls quotes it."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if cells.shape[1] < 2:  # pandas quotes an empty cell that is the whole row
        return None
    if not len(cells):
        return b""
    utf8 = pa.large_string()  # one type for every cell (pandas' text may come as either width)
    quote, empty = pa.scalar('"', utf8), pa.scalar("", utf8)
    columns, quoted = [], False
    for name, dtype in cells.dtypes.items():
        if isinstance(dtype, pd.StringDtype):
            text = pa.array(cells[name], from_pandas=True).cast(utf8)
            special = pc.match_substring_regex(text, '[,"\r\n]')
            if pc.any(special).as_py():  # those cells quoted, their quotes doubled
                quoted = True
                text = pc.if_else(special, pc.binary_join_element_wise(
                    quote, pc.replace_substring(text, '"', '""'), quote, empty), text)
            columns.append(text)
        elif dtype.kind in "iu":  # integers, nullable or not
            columns.append(pa.array(cells[name], from_pandas=True))
        elif dtype.kind == "b":  # pandas writes True / False
            columns.append(pc.if_else(pa.array(cells[name], from_pandas=True), "True", "False"))
        elif isinstance(dtype, np.dtype) and dtype.kind == "f":
            # pandas writes a float column as numpy's `astype(str)` (shortest repr: 1.0, 1e-05);
            # Arrow's own cast would write 1.0 as "1".
            values = cells[name].to_numpy()
            columns.append(pa.array(values.astype(str), mask=np.isnan(values)))
        else:
            return None
    if not quoted:  # Arrow's CSV writer, told that nothing needs quotes (a missing cell is empty)
        sink = pa.BufferOutputStream()
        pacsv.write_csv(pa.Table.from_arrays(columns, names=[str(c) for c in cells.columns]), sink,
                        write_options=pacsv.WriteOptions(include_header=False, quoting_style="none"))
        # no cell holds a line break (nothing was quoted): each \n ends a row (WriteOptions(eol=) needs pyarrow 26)
        return sink.getvalue().to_pybytes().replace(b"\n", b"\r\n")
    return bytes(csv_lines_of(columns))


def csv_lines_of(columns) -> memoryview:
    """The CSV rows whose cells are COLUMNS (Arrow text as the CSV holds it, or numbers; a missing
    cell empty, pandas' na_rep): joined by commas, each row ending in CRLF."""
    import pyarrow as pa
    import pyarrow.compute as pc

    utf8 = pa.large_string()
    empty = pa.scalar("", utf8)
    lines = pc.binary_join_element_wise(*[pc.fill_null(c.cast(utf8), empty) for c in columns], pa.scalar(",", utf8))
    return string_bytes(pc.binary_join_element_wise(lines, empty, pa.scalar("\r\n", utf8)))


def string_bytes(strings) -> memoryview:
    """The bytes of an Arrow string array's values, one after the other (its data buffer, not copied
    unless the array is in chunks)."""
    import pyarrow as pa

    if isinstance(strings, pa.ChunkedArray):  # text read back from parquet, pieces joined
        strings = strings.combine_chunks()
    width = np.int64 if pa.types.is_large_string(strings.type) else np.int32
    offsets = np.frombuffer(strings.buffers()[1], dtype=width)[strings.offset:strings.offset + len(strings) + 1]
    return memoryview(strings.buffers()[2])[int(offsets[0]):int(offsets[-1])] if len(strings) else memoryview(b"")


def csv_header(name: str) -> bytes:
    return schema.empty(name)[schema.table(name).csv_columns].to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def write_table_part(folder: Path, name: str, table: pd.DataFrame, *, stem: str | None = None,
                     csv: bytes | None = None) -> int:
    """STEM.parquet and STEM.csv (rows only) of table NAME in FOLDER (STEM defaults to NAME);
    the number of rows. CSV: the rows as `csv_rows` would make them, when the caller has them.
    Written under temporary names and renamed: never read half-written."""
    table = typed(name, table)
    _write_pair(folder, stem or name, lambda path: _write_parquet(table, path), csv_rows(name, table) if csv is None else csv)
    return len(table)


def _write_parquet(table: pd.DataFrame, path: Path) -> None:
    """TABLE as `DataFrame.to_parquet` (zstd, no index) writes it, each column in one piece: a
    patched group's columns are concatenations, text backed by Arrow keeps their chunks, and a
    column's pages end where its chunks do, so the same rows written whole gave other bytes."""
    import pyarrow as pa

    _write_arrow(pa.Table.from_pandas(table, preserve_index=False), path)


def _write_arrow(table, path: Path) -> None:
    """The Arrow TABLE as parquet (zstd), each column combined into one piece first."""
    import pyarrow.parquet as pq

    pq.write_table(table.combine_chunks(), path, compression="zstd")


@functools.lru_cache(maxsize=None)
def arrow_schema(name: str):
    """The Arrow schema (pandas metadata included) of table NAME's parts as `write_table_part`
    writes them: an Arrow table of it is written to the same bytes, without pandas."""
    import pyarrow as pa

    return pa.Schema.from_pandas(typed(name, schema.empty(name)), preserve_index=False)


def write_arrow_part(folder: Path, name: str, table, *, stem: str, csv) -> int:
    """`write_table_part` for an Arrow TABLE of `arrow_schema(NAME)` and its CSV rows (bytes or a
    buffer): the same two files, with no pandas frame made (the boilerplate parts of every group
    are written again when one new town changes their counts)."""
    if not table.schema.equals(arrow_schema(name), check_metadata=True):
        raise ValueError(f"{name}: an Arrow part must have the table's schema, not {table.schema}")
    _write_pair(folder, stem, lambda path: _write_arrow(table, path), csv)
    return table.num_rows


def _write_pair(folder: Path, stem: str, write_parquet, csv) -> None:
    """STEM.parquet (by WRITE_PARQUET(path)) and STEM.csv (CSV) under temporary names, then renamed:
    never read half-written."""
    tmp = f".tmp{os.getpid()}"
    write_parquet(folder / f"{stem}.parquet{tmp}")
    (folder / f"{stem}.csv{tmp}").write_bytes(csv)
    os.replace(folder / f"{stem}.csv{tmp}", folder / f"{stem}.csv")
    os.replace(folder / f"{stem}.parquet{tmp}", folder / f"{stem}.parquet")


def write_group(folder: Path, tables: dict[str, pd.DataFrame], info: dict, keys: pd.DataFrame,
                items: pd.DataFrame, reuse_input: pd.DataFrame) -> None:
    """Write one group's parts into FOLDER (atomically: a half-written group is never read)."""
    tmp = folder.with_name(f"{folder.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    info = dict(info, rows={name: write_table_part(tmp, name, tables[name]) for name in PART_TABLES})
    keys.to_parquet(tmp / "keys.parquet", index=False, compression="zstd")
    items_table(items).to_parquet(tmp / "items.parquet", index=False, compression="zstd")
    reuse_input.to_parquet(tmp / "reuse.parquet", index=False, compression="zstd")
    write_info(tmp, info)
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(tmp, folder)


def items_table(items: pd.DataFrame) -> pd.DataFrame:
    """Shortcoming items with their (lead, rest) tokens as two list columns (parquet has no tuples)."""
    out = items.drop(columns=["tokens"], errors="ignore").copy()
    tokens = list(items["tokens"]) if "tokens" in items else [([], [])] * len(items)
    out["lead_tokens"] = pd.Series([list(t[0]) for t in tokens], index=out.index, dtype=object)
    out["rest_tokens"] = pd.Series([list(t[1]) for t in tokens], index=out.index, dtype=object)
    return out


def read_items(folder: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A group's shortcoming items (``tokens`` as (lead, rest) when the token columns are read)."""
    items = pd.read_parquet(folder / "items.parquet", columns=columns)
    if "lead_tokens" in items and "rest_tokens" in items:
        items = items.assign(tokens=[(list(a), list(b)) for a, b in zip(items["lead_tokens"], items["rest_tokens"])])
        items = items.drop(columns=["lead_tokens", "rest_tokens"])
    return items.reset_index(drop=True)


# A group's description is three files: group.json (small: read by every step that looks at the
# group) and, beside it, what only one step reads: the build-log entries and the files' hashes.
_INFO_FILES = {"log": "log.json", "entries": "entries.json"}


def write_info(folder: Path, info: dict) -> None:
    """group.json, log.json and entries.json of INFO in FOLDER (group.json last: a group is whole
    when it reads)."""
    for key, name in _INFO_FILES.items():
        (folder / name).write_text(json.dumps(info.get(key, []), ensure_ascii=False), encoding="utf-8")
    small = {k: v for k, v in info.items() if k not in _INFO_FILES}
    (folder / "group.json").write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")


def read_info(folder: Path) -> dict:
    """has_errors, recipe and rows (per table) of the group in FOLDER."""
    return json.loads((folder / "group.json").read_text(encoding="utf-8"))


def read_log(folder: Path) -> list[dict]:
    """The build-log entries of the group's files."""
    return json.loads((folder / _INFO_FILES["log"]).read_text(encoding="utf-8"))


def read_entries(folder: Path) -> list[list[str]]:
    """(file, sha256, manifest row digest) of each of the group's files."""
    return json.loads((folder / _INFO_FILES["entries"]).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- corpus-wide changes


def variant(folder: Path, dropped: set[str], short: set[str], short_reason: str) -> Path:
    """FOLDER, or its variant without the reports DROPPED and with SHORT marked partial (SHORT_REASON
    added to their partial_reason), made once and kept beside the group's files."""
    dropped, short = set(dropped), set(short)
    if not dropped and not short:
        return folder
    name = hashlib.sha256(json.dumps([sorted(dropped), sorted(short), short_reason]).encode()).hexdigest()[:16]
    target = folder / f"v-{name}"
    if (target / "group.json").exists():
        return target
    tmp = folder / f"v-{name}.tmp{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    info = read_info(folder)
    rows = {}
    for table in PART_TABLES:
        frame = pd.read_parquet(folder / f"{table}.parquet")
        frame = frame[~frame["doc_id"].isin(dropped)].reset_index(drop=True)
        if table == "documents" and short:
            mark = frame["doc_id"].isin(short).to_numpy()
            frame.loc[mark, "partial_reason"] = [";".join(filter(None, [r, short_reason]))
                                                 for r in frame.loc[mark, "partial_reason"].fillna("")]
            frame["is_partial"] = frame["partial_reason"].fillna("").astype(str).ne("")
        rows[table] = write_table_part(tmp, table, frame)
    for extra in ("items", "reuse", "keys"):
        frame = pd.read_parquet(folder / f"{extra}.parquet")
        frame[~frame["doc_id"].isin(dropped)].reset_index(drop=True).to_parquet(
            tmp / f"{extra}.parquet", index=False, compression="zstd")
    write_info(tmp, dict(info, rows=rows, log=read_log(folder), entries=read_entries(folder)))
    os.replace(tmp, target)
    return target


# --------------------------------------------------------------------------- into the output folder


def place(source: Path, target: Path) -> None:
    """TARGET a copy of SOURCE. Not a hard link: the output and the cache must not share a file,
    or writing one (an analyst saving over an output, someone planting files in a shared cache)
    would change the other. (shutil copies in the kernel: ~1 s a GB.)"""
    shutil.copyfile(source, target)


def copy_table(staging: Path, name: str, files: list[Path], rows: int) -> None:
    """Table NAME in STAGING: NAME.parquet/part-NNNNN.parquet copied from FILES (parquet parts, each
    with its header-less .csv beside it), and NAME.csv (BOM, header, the parts' rows in order)
    unless its ROWS are more than Excel opens (the parquet folder is then the table)."""
    target = staging / f"{name}.parquet"
    target.mkdir()
    if not files:  # no report: one empty part, so that the table still has its columns
        typed(name, schema.empty(name)).to_parquet(target / part_name(0), index=False, compression="zstd")
    for i, source in enumerate(files):
        place(source, target / part_name(i))
    if rows <= EXCEL_MAX_ROWS:
        write_csv(staging, name, [f.with_suffix(".csv") for f in files])


def write_csv(staging: Path, name: str, chunks: Iterable[Path]) -> None:
    """NAME.csv in STAGING: BOM, header, then the CSV rows of CHUNKS in order."""
    with open(staging / f"{name}.csv", "wb") as out:
        out.write("\ufeff".encode("utf-8"))
        out.write(csv_header(name))
        for chunk in chunks:
            with open(chunk, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)


# What a build writes under parts/: group folders named by their key (`group_key`), and inside them
# variants (`variant`), the corpus-wide steps' keyed tables (shortcomings-KEY.parquet, reuse-KEY.csv …)
# and files and folders under work names (….tmpPID).
_GROUP_FOLDER = re.compile(r"[0-9a-f]{32}(?:\.tmp\d+)?")
_GROUP_ENTRY = re.compile(r"v-[0-9a-f]{16}(?:\.tmp\d+)?|[a-z_]+-[0-9a-f]{16}\.(?:parquet|csv)|.+\.tmp\d+(?:-[0-9a-f]{8})?")


def prune(parts_dir: Path, keep: dict[Path, set[str]]) -> None:
    """Delete the group folders of PARTS_DIR this corpus no longer uses, and inside those it uses
    the variants and work folders not named in KEEP (folder → names kept besides the group's own
    files). Only what a build writes is deleted, never through a link: a folder the analyst made
    (a cache pointed at a folder of their own that holds a parts/) is left as it is."""
    if parts_dir.is_symlink() or not parts_dir.is_dir():
        return
    for folder in parts_dir.iterdir():
        if folder.is_symlink() or not folder.is_dir():
            continue
        if folder not in keep:
            if _GROUP_FOLDER.fullmatch(folder.name):
                shutil.rmtree(folder, ignore_errors=True)
            continue
        for path in folder.iterdir():
            if _GROUP_ENTRY.fullmatch(path.name) and path.name not in keep[folder] and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
