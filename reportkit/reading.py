"""Reading a build's tables: whole, or only some reports and some columns, without loading the
corpus.

A table of a build is ``NAME.parquet``: one file, or (the per-report tables of a large build) a
folder of part files, one per group of reports, that any parquet reader opens as one table
(``pd.read_parquet("data/processed/term_counts.parquet")``). `read_tables` reads the tables
asked for; given ``doc_ids`` it keeps the rows of those reports only, pushing the selection
down to the files: part files that hold none of them are not opened (the documents table's
parts say which reports each part holds, and every per-report table's parts are cut the same
way), and within a file only the matching rows are kept as it is read, batch by batch.
`report_keys` reads the few columns that select reports (year, town, county, province, level)
of every report: what `notebooks.load_tables` selects on before reading the rest.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

log = logging.getLogger(__name__)

#: The documents columns reports are selected on.
KEY_COLUMNS = ("doc_id", "file", "year", "town", "county", "province", "level")


def table_paths(out_dir: Path) -> dict[str, Path]:
    """NAME → path of each table of a build folder (a .parquet file or a folder of parts)."""
    return {p.name[: -len(".parquet")]: p for p in sorted(Path(out_dir).glob("*.parquet"))
            if p.is_file() or p.is_dir()}


def parts(path: Path) -> list[Path]:
    """The files of a table: itself, or its part files in order."""
    return sorted(q for q in path.glob("*.parquet") if q.is_file()) if path.is_dir() else [path]


def report_keys(out_dir: Path) -> pd.DataFrame:
    """The KEY_COLUMNS of every report (those the build has), in the documents table's order."""
    import pyarrow.parquet as pq

    path = table_paths(out_dir).get("documents")
    if path is None:
        raise FileNotFoundError(f"no documents table in {out_dir}; run `reportkit build` first")
    present = pq.read_schema(parts(path)[0]).names if parts(path) else []
    return _read(path, [c for c in KEY_COLUMNS if c in present], None)


def read_tables(
    out_dir: str | Path,
    names: Iterable[str] | None = None,
    *,
    doc_ids: Iterable[str] | None = None,
    columns: dict[str, list[str]] | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables NAMES (default: all) of the build in OUT_DIR, as DataFrames.

    DOC_IDS keeps the rows of those reports only (tables with ``doc_id``; ``reuse`` keeps the
    pairs whose two reports are both among them; tables without a report, such as
    ``build_log``, stay whole). COLUMNS maps a table to the columns to read (others: all).
    """
    from .store import recover_outputs

    out_dir = Path(out_dir)
    recover_outputs(out_dir)  # a build interrupted between its two renames left the previous outputs aside
    if not out_dir.exists():
        raise FileNotFoundError(f"no build output at {out_dir}; run `reportkit build` first")
    paths = table_paths(out_dir)
    if "documents" not in paths:  # the raw folder, or any other: no table would be read, and none said why
        raise FileNotFoundError(f"{out_dir} holds no build (no documents.parquet); give the folder `reportkit build "
                                "--out` wrote, or run `reportkit build` first")
    # one name or one id is one, not its characters
    names = [names] if isinstance(names, str) else names
    doc_ids = [doc_ids] if isinstance(doc_ids, str) else doc_ids
    wanted = list(paths) if names is None else list(names)
    if unknown := [n for n in wanted if n not in paths]:
        raise ValueError(f"no table {', '.join(map(repr, unknown))} in {out_dir}; its tables: {', '.join(paths)}")
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(f"columns maps a table's name to the columns to read ({{'documents': ['doc_id', 'town']}}), "
                        f"not a {type(columns).__name__}")
    ids = None if doc_ids is None else sorted(set(doc_ids))
    located = _parts_of(paths, ids) if ids is not None else {}
    out = {}
    for name in wanted:
        path = paths[name]
        files = parts(path)
        if path.is_dir() and ids is not None and located and {f.name for f in files} == set(located):
            files = [f for f in files if located[f.name]]  # parts holding none of the reports: not opened
        out[name] = _read(path, (columns or {}).get(name), ids, files=files)
    return out


class Tables(Mapping):
    """The tables of the build in a folder, by name, each read when first asked for (what
    `build` returns: a corpus of 100,000 reports is not loaded unless a table is used). A
    read-only mapping of one build: once a later build has replaced the folder's tables, a table
    not read yet is refused rather than read from the other build."""

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        paths = table_paths(self.out_dir)
        self._names = list(paths)
        self._stamp = _stamp(paths)
        self._read: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._read:
            if _stamp(table_paths(self.out_dir)) != self._stamp:
                raise RuntimeError(f"the tables in {self.out_dir} were replaced by a later build after these were "
                                   f"returned; read them again: rk.read_tables({str(self.out_dir)!r})")
            self._read[name] = read_tables(self.out_dir, [name])[name]
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"Tables({str(self.out_dir)!r}: {', '.join(self._names)})"


def _stamp(paths: dict[str, Path]) -> tuple:
    """What identifies one build's tables: each table's name, inode and modification time (a build puts
    new files or part folders in place, so a later build changes them all)."""
    stamps = []
    for name, path in paths.items():
        try:
            info = path.stat()
        except OSError:  # removed since
            continue
        stamps.append((name, info.st_ino, info.st_mtime_ns))
    return tuple(stamps)


def _parts_of(paths: dict[str, Path], ids: list[str]) -> dict[str, bool]:
    """Part file name → whether it holds one of IDS (from the documents table's parts)."""
    import pyarrow.parquet as pq

    path = paths.get("documents")
    if path is None or not path.is_dir():
        return {}
    wanted = set(ids)
    return {f.name: bool(wanted.intersection(pq.read_table(f, columns=["doc_id"]).column(0).to_pylist()))
            for f in parts(path)}


def _read(path: Path, columns: list[str] | None, ids: list[str] | None, *, files: list[Path] | None = None
          ) -> pd.DataFrame:
    """One table (FILES: the part files to read, default all), COLUMNS only, rows of IDS only."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    files = parts(path) if files is None else files
    dataset = ds.dataset([str(f) for f in files], format="parquet") if files else None
    if dataset is None:
        import pyarrow.parquet as pq

        schema = pq.read_schema(parts(path)[0]) if parts(path) else pa.schema([])
        return schema.empty_table().to_pandas() if columns is None else schema.empty_table().select(columns).to_pandas()
    names = dataset.schema.names
    if columns is not None and (unknown := [c for c in columns if c not in names]):
        raise ValueError(f"table {path.name[:-len('.parquet')]} has no column {', '.join(map(repr, unknown))}; "
                         f"its columns: {', '.join(names)}")
    row_filter = None
    if ids is not None:
        values = pa.array(ids, type=pa.string())
        if "doc_id" in names:
            row_filter = pc.field("doc_id").isin(values)
        elif {"doc_a", "doc_b"} <= set(names):
            row_filter = pc.field("doc_a").isin(values) & pc.field("doc_b").isin(values)
    table = dataset.to_table(columns=columns, filter=row_filter)
    # The schema's pandas metadata (index, dtypes) is the first file's: as pd.read_parquet reads it.
    return table.to_pandas()
