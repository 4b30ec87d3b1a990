"""The per-report cache: keys that know what a stage's result depends on, and the files.

A stage's key is a hash of: reportkit's version and this cache's format version; the source of
reportkit/pipeline/stages.py and of every reportkit module the stage function imports, followed
through their own imports (so editing `parse_document` or `indicators.py` recomputes the parse
stage and, since they read its result, the later stages; editing `terms.py` recomputes only the
terms stage); the digests of the resource files it declares; the part of the `BuildConfig` it
reads; and the keys of the stages it reads the results of.

Results are stored under ``<cache>/<stage>/<sha256[:2]>/<sha256>-<name>-<key>.rkc`` (<name>: a
digest of the file's path under the raw folder, which the parse stage reads); groups of reports
are kept as table parts by `pipeline.parts`. Serialisation happens
in `_dump` and `_load` only, as JSON and Arrow (never pickle: a cache file cannot run code); a
worker sends the parent the Arrow streams `_dump` wrote (`StoredTable`, `join_tables`). A
file that cannot be read back, or holds something else than expected, is logged and recomputed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__, resources, schema
from ..config import BuildConfig
from ..problems import Problem, os_reason
from .files import replace_file
from .stages import STAGES, Stage

if TYPE_CHECKING:  # imported where used: a worker that only reads text never loads them
    import pandas as pd
    import pyarrow as pa

log = logging.getLogger(__name__)

#: Bump when the layout or the serialisation of cache files changes.
CACHE_FORMAT = "2"
PACKAGE = "reportkit"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_STAGES_MODULE = f"{PACKAGE}.pipeline.stages"


# --------------------------------------------------------------------------- the code a stage depends on


def _source_file(module: str) -> Path | None:
    """The .py file of a reportkit module (dotted name), or None when there is none."""
    parts = module.split(".")[1:]
    base = _PACKAGE_DIR.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


# Import statements, read from the source text (an AST costs ~20 times more and every build
# computes the keys). A match inside a string only adds a module to the dependencies: a key may
# then change more often than needed, never less.
_FROM_IMPORT = re.compile(r"^([ \t]*)from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.M)
_IMPORT = re.compile(r"^([ \t]*)import[ \t]+([^\n#]*)", re.M)


def _imported(module: str, source: str) -> set[str]:
    """reportkit modules named by the relative and absolute imports in SOURCE (function bodies
    included: the library imports lazily)."""
    package = module if _source_file(module).name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for match in _FROM_IMPORT.finditer(source):
        dots, name, names = match.group(2), match.group(3), match.group(4)
        if dots:
            base = package.rsplit(".", len(dots) - 1)[0] if len(dots) > 1 else package
            base = f"{base}.{name}" if name else base
        elif name == PACKAGE or name.startswith(PACKAGE + "."):
            base = name
        else:
            continue
        found.add(base)
        for alias in names.strip("() \n").split(","):  # `from . import schema`: the names may be modules
            alias = alias.split(" as ")[0].strip()
            if alias:
                found.add(f"{base}.{alias}")
    for match in _IMPORT.finditer(source):
        for alias in match.group(2).split(","):
            alias = alias.split(" as ")[0].strip()
            if alias == PACKAGE or alias.startswith(PACKAGE + "."):
                found.add(alias)
    return {m for m in found if _source_file(m) is not None}


@lru_cache(maxsize=None)
def _source(module: str) -> str:
    return _source_file(module).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _imports_of(module: str) -> frozenset[str]:
    return frozenset(_imported(module, _source(module)))


def _function_source(source: str, name: str) -> str:
    """The text of the top-level function NAME in SOURCE (up to the next top-level statement)."""
    match = re.search(rf"^def {re.escape(name)}\(", source, re.M)
    if match is None:
        raise ValueError(f"stage function {name} is not a top-level function of {_STAGES_MODULE}")
    end = re.compile(r"^\S", re.M).search(source, match.end())
    return source[match.start():end.start() if end else len(source)]


def modules_of(stage: Stage) -> tuple[str, ...]:
    """The reportkit modules STAGE's result depends on: the stages module, what the stage function
    imports, and what those modules import in turn (sorted)."""
    source = _source(_STAGES_MODULE)
    top_level = "\n".join(m.group(0) for m in (*_FROM_IMPORT.finditer(source), *_IMPORT.finditer(source))
                          if not m.group(1))
    todo = _imported(_STAGES_MODULE, _function_source(source, stage.function.__name__) + "\n" + top_level)
    seen = {_STAGES_MODULE}
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        todo |= _imports_of(module) - seen
    return tuple(sorted(seen))


@lru_cache(maxsize=None)
def _code_digest(stage_name: str) -> str:
    digest = hashlib.sha256()
    for module in modules_of(STAGES[stage_name]):
        digest.update(module.encode() + b"\0" + _source(module).encode() + b"\0")
    return digest.hexdigest()


# --------------------------------------------------------------------------- keys


def stage_key(stage: Stage, config: BuildConfig, keys: dict[str, str]) -> str:
    """Cache key of STAGE under CONFIG; KEYS holds the keys of the stages it reads (see the module docstring)."""
    digest = hashlib.sha256(f"{__version__}\0{CACHE_FORMAT}\0{stage.name}\0".encode())
    digest.update(_code_digest(stage.name).encode())
    for name in stage.resources:
        digest.update(f"\0{name}={resources.digest(name)}".encode())
    digest.update(f"\0{stage.config_key(config)}".encode())
    for before in stage.after:
        digest.update(f"\0{before}={keys[before]}".encode())
    return digest.hexdigest()[:16]


def stage_keys(config: BuildConfig) -> dict[str, str]:
    """The key of every stage under CONFIG (fixed once per build)."""
    keys: dict[str, str] = {}
    for name, stage in STAGES.items():
        keys[name] = stage_key(stage, config, keys)
    return keys


# --------------------------------------------------------------------------- files
#
# A cache file cannot run code: nothing is unpickled. It is
#
#     MAGIC, the header's length (8 bytes, little-endian), the header (UTF-8 JSON), the tables
#
# where the header holds the format version, the byte length of each table and the value as JSON
# in which {"$table": i} stands for the i-th table and {"$problem": [code, message, detail]} for a
# `Problem`; each table is an Arrow IPC stream (pandas dtypes kept by pyarrow's pandas metadata;
# list columns come back as lists). Arrow reads ~1.5 times faster than pickle here, JSON of the
# texts about as fast. A file that is not exactly this, or whose value is not the shape the
# reader expects (see `_stage_value`), is logged, ignored and rebuilt.

MAGIC = b"RKCACHE\x00"
SUFFIX = ".rkc"


class CacheFileError(ValueError):
    """A cache file that is not one, or not of the expected shape."""


def _encode(value, tables: list):
    """VALUE as JSON-able data; DataFrames are appended to TABLES and replaced by a reference."""
    import pandas as pd

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, pd.DataFrame):
        tables.append(value)
        return {"$table": len(tables) - 1}
    if isinstance(value, Problem):
        return {"$problem": [value.code, value.message, value.detail]}
    if isinstance(value, dict):
        if not all(isinstance(k, str) and not k.startswith("$") for k in value):
            raise TypeError("cache values need str keys not starting with '$'")
        return {k: _encode(v, tables) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v, tables) for v in value]
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def _decode(data, tables: list):
    if isinstance(data, list):
        return [_decode(v, tables) for v in data]
    if not isinstance(data, dict):
        return data
    if len(data) == 1 and "$table" in data:
        index = data["$table"]
        if not isinstance(index, int) or not 0 <= index < len(tables):
            raise CacheFileError(f"reference to table {index!r} of {len(tables)}")
        return tables[index]
    if len(data) == 1 and "$problem" in data:
        fields = data["$problem"]
        if not (isinstance(fields, list) and len(fields) == 3 and all(isinstance(f, str) for f in fields)):
            raise CacheFileError("malformed problem record")
        return Problem(*fields)  # an unknown code raises ValueError
    return {k: _decode(v, tables) for k, v in data.items()}


@lru_cache(maxsize=64)
def _schema(names: tuple, dtypes: tuple, types: tuple, columns_dtype) -> "pa.Schema":
    """The Arrow schema, pandas metadata included, that `pa.Table.from_pandas(preserve_index=False)`
    gives a table of these columns, numpy dtypes and Arrow types (made once, from an empty table)."""
    import pandas as pd
    import pyarrow as pa

    empty = pd.DataFrame({n: pd.Series([], dtype=d) for n, d in zip(names, dtypes)},
                         columns=pd.Index(names, dtype=columns_dtype))
    return pa.Table.from_pandas(empty, schema=pa.schema(list(zip(names, types))), preserve_index=False).schema


#: A table with at least this many numeric columns (the MinHash fingerprints: one per permutation)
#: has them taken out of pandas as one block.
_WIDE_NUMERIC = 16


def _arrow_table(table) -> "pa.Table":
    """TABLE in Arrow, as `pa.Table.from_pandas` makes it, without threads (the build's workers
    already use every core).

    A table of numeric and string columns with the default index (0..n-1, what to_pandas gives
    back without one, so it is not stored) is converted column by column and given the schema
    from_pandas gives such a table: from_pandas cost a fixed ~0.3 ms a table in pandas work
    whatever its rows (seven tables a report), this a third less. A wide numeric table (the
    fingerprints) has its numeric columns taken out as one numpy block: from_pandas cost it
    ~3.5 ms, this 0.9 ms."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    index, dtypes = table.index, list(table.dtypes)
    numeric = [isinstance(d, np.dtype) and d.kind in "iufb" for d in dtypes]
    if not (dtypes and all(n or isinstance(d, pd.StringDtype) for n, d in zip(numeric, dtypes))
            and isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1 and index.name is None
            and not table.attrs and table.columns.is_unique and all(isinstance(c, str) for c in table.columns)):
        return pa.Table.from_pandas(table, nthreads=1)
    arrays: list = [None] * len(dtypes)
    wide = sum(numeric) >= _WIDE_NUMERIC
    by_dtype: dict = {}
    for position, (name, dtype, is_numeric) in enumerate(zip(table.columns, dtypes, numeric)):
        if not is_numeric:
            arrays[position] = pa.array(table[name].array)  # Arrow's own (pandas' __arrow_array__)
        elif wide:
            by_dtype.setdefault(dtype, []).append(position)
        else:
            arrays[position] = pa.array(table[name].to_numpy(), from_pandas=True)  # NaN → null, as from_pandas
    for dtype, positions in by_dtype.items():
        block = np.ascontiguousarray(table.iloc[:, positions].to_numpy(dtype=dtype).T)
        for position, values in zip(positions, block):
            arrays[position] = pa.array(values, from_pandas=True)
    schema = _schema(tuple(table.columns), tuple(dtypes), tuple(a.type for a in arrays), table.columns.dtype)
    return pa.Table.from_arrays(arrays, schema=schema)


def _arrow_stream(table) -> "pa.Buffer":
    import pyarrow as pa

    arrow = _arrow_table(table)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, arrow.schema) as writer:
        writer.write_table(arrow)
    return sink.getvalue()


def _table(buffer) -> "pd.DataFrame":
    """The DataFrame of one Arrow IPC stream, checked in full before pandas sees it."""
    import pyarrow as pa

    with pa.ipc.open_stream(buffer) as reader:
        arrow = reader.read_all()
    arrow.validate(full=True)  # offsets in bounds, valid UTF-8: a crafted buffer stops here
    if any(isinstance(f.type, pa.ExtensionType) for f in arrow.schema):
        raise CacheFileError("extension types are not used by reportkit")
    return _frame(arrow)


def _frame(arrow: "pa.Table") -> "pd.DataFrame":
    """ARROW in pandas, as the DataFrame it was made from (`_arrow_table`)."""
    import pandas as pd
    import pyarrow as pa

    lists = [f.name for f in arrow.schema if pa.types.is_list(f.type) or pa.types.is_large_list(f.type)]
    frame = arrow.to_pandas()
    for name in lists:  # numpy arrays of arrays otherwise
        frame[name] = pd.Series(arrow.column(name).to_pylist(), index=frame.index, dtype=object)
    return frame


# --------------------------------------------------------------------------- tables sent by a worker


class StoredTable:
    """A table of a stage's result as the Arrow stream the cache wrote for it. A worker sends
    this to the parent instead of the DataFrame: pickling a report's seven DataFrames and
    unpickling them in the parent cost ~4 ms a report (pandas rebuilds each one), and the parent
    joins a group's tables in Arrow at once (`join_tables`). Made only in the worker's own
    process: the stream is not checked again as a cache file read from disk is."""

    __slots__ = ("stream", "num_rows")

    def __init__(self, stream: bytes, num_rows: int):
        self.stream, self.num_rows = stream, num_rows

    def __len__(self) -> int:
        return self.num_rows

    def arrow(self) -> "pa.Table":
        import pyarrow as pa

        with pa.ipc.open_stream(self.stream) as reader:
            return reader.read_all()

    def frame(self) -> "pd.DataFrame":
        return _frame(self.arrow())


def stored_tables(value: dict, written: list[tuple["pd.DataFrame", "pa.Buffer"]]) -> dict:
    """VALUE (a stage's result) with each DataFrame that the cache WROTE (`_dump`) replaced by its
    `StoredTable`."""
    streams = {id(table): stream for table, stream in written}
    return {key: StoredTable(streams[id(v)].to_pybytes(), len(v)) if id(v) in streams else v
            for key, v in value.items()}


def _pandas_columns(arrow: "pa.Table"):
    """The column entries of ARROW's pandas metadata (its dtypes; the index, which differs by
    length, left out)."""
    metadata = arrow.schema.metadata or {}
    return json.loads(metadata[b"pandas"]).get("columns") if b"pandas" in metadata else None


def join_tables(values: list) -> "pd.DataFrame":
    """DataFrames and `StoredTable`s (one table of several reports, in order) as one DataFrame:
    what ``pd.concat`` of their DataFrames (the empty left out) with a new index makes. Stored
    tables of one schema, pandas dtypes included, are joined in Arrow and converted once; any
    other mix goes through pandas, whose rules decide the dtypes of columns that differ."""
    import pandas as pd
    import pyarrow as pa

    values = [v for v in values if v is not None and len(v)]
    if not values:
        return pd.DataFrame()
    if all(isinstance(v, StoredTable) for v in values):
        arrows = [v.arrow() for v in values]
        first, columns = arrows[0].schema, _pandas_columns(arrows[0])
        if all(a.schema.equals(first) or (a.schema.remove_metadata().equals(first.remove_metadata())
                                          and _pandas_columns(a) == columns) for a in arrows[1:]):
            return _frame(pa.concat_tables(arrows)).reset_index(drop=True)
        frames = [_frame(a) for a in arrows]
    else:
        frames = [v.frame() if isinstance(v, StoredTable) else v for v in values]
    return pd.concat(frames, ignore_index=True)


def through_link(root: Path, path: Path) -> bool:
    """Whether a folder between ROOT (itself not checked: the analyst chose it) and PATH is a link,
    which writing PATH would follow out of the cache."""
    try:
        relative = path.parent.relative_to(root)
    except ValueError:
        return True
    folder = root
    for part in relative.parts:
        folder = folder / part
        if folder.is_symlink():
            return True
    return False


def _dump(value, path: Path) -> list[tuple["pd.DataFrame", "pa.Buffer"]]:
    """Write VALUE (JSON data, Problems and DataFrames) to PATH atomically (a half-written file is
    never read back); returns each of its DataFrames with the Arrow stream written for it. Raises
    OSError when the folder cannot be written."""
    tables: list = []
    encoded = _encode(value, tables)
    streams = [_arrow_stream(t) for t in tables]
    header = json.dumps({"format": CACHE_FORMAT, "tables": [s.size for s in streams], "value": encoded},
                        ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, lambda handle: handle.writelines([MAGIC + len(header).to_bytes(8, "little") + header, *streams]))
    return list(zip(tables, streams))


def _read(path: Path):
    """The value stored at PATH; raises CacheFileError (or another exception) for anything else."""
    import pyarrow as pa

    from ..manifest import read_file

    data, _ = read_file(path, None)  # a FIFO or a link to /dev/zero planted in a shared cache: refused, not read
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 8:
        raise CacheFileError("not a reportkit cache file")
    start = len(MAGIC) + 8
    end = start + int.from_bytes(data[len(MAGIC):start], "little")
    if end > len(data):
        raise CacheFileError("truncated header")
    header = json.loads(data[start:end].decode("utf-8"))
    if not isinstance(header, dict) or header.get("format") != CACHE_FORMAT:
        raise CacheFileError("another cache format")
    lengths = header.get("tables")
    if not isinstance(lengths, list) or not all(isinstance(n, int) and n >= 0 for n in lengths):
        raise CacheFileError("malformed table list")
    if end + sum(lengths) != len(data):
        raise CacheFileError("truncated or padded")
    buffer, tables = pa.py_buffer(data), []
    for length in lengths:
        tables.append(_table(buffer.slice(end, length)))
        end += length
    return _decode(header.get("value"), tables)


def _load(path: Path, check=None):
    """The value stored at PATH, or None when it is missing, unreadable, foreign or (CHECK raises
    CacheFileError) not of the expected shape: it is then logged and recomputed."""
    try:
        value = _read(path)
        return check(value) if check else value
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated, foreign or crafted file: never trusted, never fatal
        log.warning("cache file %s ignored and rebuilt (%s: %s)", path, type(exc).__name__, str(exc)[:200])
        return None


# --------------------------------------------------------------------------- shapes

_SCALARS = (str, int, float, bool, type(None))


def _check_entry(kind: str, name: str, value) -> None:
    import pandas as pd

    if kind == "table":
        if not isinstance(value, pd.DataFrame):
            raise CacheFileError(f"{name} is not a table")
        if name in schema.TABLES and len(value):
            missing = set(schema.table(name).names) - set(value.columns)
            if missing:
                raise CacheFileError(f"table {name} lacks columns {sorted(missing)}")
    elif kind == "str":
        if not isinstance(value, str):
            raise CacheFileError(f"{name} is not text")
    elif kind == "dict":
        if not isinstance(value, dict) or not all(isinstance(v, _SCALARS) for v in value.values()):
            raise CacheFileError(f"{name} is not a mapping of plain values")
    elif kind == "strs":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CacheFileError(f"{name} is not a list of texts")
    elif kind == "problems":
        if not isinstance(value, list) or not all(isinstance(v, Problem) for v in value):
            raise CacheFileError(f"{name} is not a list of problems")
    else:
        raise ValueError(f"unknown kind {kind!r} in Stage.returns")


def _check_fields(fields: dict[str, str], value, what: str) -> dict:
    if not isinstance(value, dict) or set(value) != set(fields):
        raise CacheFileError(f"{what} does not hold {sorted(fields)}")
    for name, kind in fields.items():
        _check_entry(kind, name, value[name])
    return value


def _stage_value(stage: str):
    """The check of a cached result of STAGE: exactly the fields its `Stage.returns` declares."""
    return lambda value: _check_fields(STAGES[stage].returns, value, f"result of stage {stage}")


@dataclass(frozen=True)
class Cache:
    """The cache folder of a build (None: no cache) and the stage keys of its config.

    WRITABLE False: results are read from the folder but new ones are not stored (a read-only
    or shared cache). A failed write (disk full) is logged once per process and the build goes on.
    """

    folder: Path | None
    keys: dict[str, str]
    writable: bool = True
    _failed: list = field(default_factory=list, compare=False, repr=False)  # the first failed write, if any

    @classmethod
    def open(cls, folder: Path | None, keys: dict[str, str]) -> Cache:
        """The cache in FOLDER, tried once: read-only when it cannot be written, none when it cannot be made."""
        if folder is None:
            return cls(None, keys)
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".probe-{os.getpid()}"
            probe.write_bytes(b"reportkit")
            probe.unlink()
            return cls(folder, keys)
        except OSError as exc:
            try:
                readable = folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)
            except OSError:  # a path too long
                readable = False
            if readable:
                log.warning("cache folder %s cannot be written (%s): cached results are read, new ones not stored",
                            folder, os_reason(exc))
                return cls(folder, keys, writable=False)
            log.warning("cache folder %s cannot be used (%s): building without a cache", folder, os_reason(exc))
            return cls(None, keys)

    def _store(self, value, path: Path) -> list[tuple["pd.DataFrame", "pa.Buffer"]]:
        if not self.writable or self._failed:
            return []
        if through_link(self.folder, path):  # a stage's folder made a link: never written through
            log.warning("cache file %s not stored: a folder on its path is a link", path)
            return []
        try:
            return _dump(value, path)
        except OSError as exc:
            self._failed.append(path)
            log.warning("cache file %s cannot be written (%s); further results are not stored", path,
                        exc.strerror or exc)
            return []

    def path(self, stage: str, sha256: str, name: str) -> Path:
        """File of STAGE's result for the file NAME (path under the raw folder) with this SHA256:
        the name is part of the key, because a stage may read it (the year in a file's name)."""
        named = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        return self.folder / stage / sha256[:2] / f"{sha256}-{named}-{self.keys[stage]}{SUFFIX}"

    def has(self, stages: tuple[str, ...], sha256: str, name: str) -> bool:
        """Every one of STAGES is stored for the file NAME with this SHA256."""
        return self.folder is not None and all(self.path(s, sha256, name).exists() for s in stages)

    def get(self, stage: str, sha256: str, name: str) -> dict | None:
        return None if self.folder is None else _load(self.path(stage, sha256, name), _stage_value(stage))

    def put(self, stage: str, sha256: str, name: str, value: dict) -> dict:
        """VALUE stored; returned with the DataFrames written replaced by their `StoredTable`s (all of
        them when it was stored, none when there is no cache or it could not be written)."""
        if self.folder is None:
            return value
        return stored_tables(value, self._store(value, self.path(stage, sha256, name)))
