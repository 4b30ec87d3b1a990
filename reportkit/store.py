"""The build's output folder: checked, locked, tables written atomically, and read back.

    with Output(out, protect={"raw folder": raw, "manifest": manifest, "cache": cache}) as output:
        ...                    # the build runs; OUT was checked, locked and tried before it
        output.write(tables)   # into output.staging, then swapped in for OUT whole

`Output` refuses an OUT that would lose anything (`check_out`: only a new or empty folder, or one
holding nothing but a build's files and its MARKER, is replaced). Each table is written as
.parquet (zstd, the exact values) and as UTF-8-with-BOM .csv that Excel opens (cells that a
spreadsheet would run as formulas neutralised: `spreadsheet_safe`), so an interrupted build
leaves the previous outputs intact (`recover_outputs` repairs what a kill between the two renames
leaves). `write_tables` is the one-call form (tables checked against their contracts in
reportkit/schema.py first). `write_table` writes one table into a folder: a streaming build can
write tables piece by piece into `output.staging` (or `staged(out)`), then `output.commit()`.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from . import schema
from .interrupts import interrupts_held
from .problems import os_reason

log = logging.getLogger(__name__)

EXCEL_SHEET_ROWS = 1_048_576  # rows of an Excel sheet, header included
EXCEL_MAX_ROWS = EXCEL_SHEET_ROWS - 1  # the data rows a sheet holds under its header
# What makes a spreadsheet read a cell as a formula (OWASP's list: = + - @, and tab and carriage
# return, which some spreadsheets skip before looking for them).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """TABLE with its text cells unable to run as formulas ("formula injection": a file named
    ``=1+1.txt``, a title ``=HYPERLINK(…)``): a cell starting with ``= + - @``, tab or carriage
    return gets a leading ``'``. Numbers, dates and booleans are left as they are; TABLE is not
    changed (a new frame is returned when a cell had to change). The one rule for every CSV and
    sheet reportkit writes; parquet files keep the exact text.

    >>> spreadsheet_safe(pd.DataFrame({"a": ["=1+1", "普法", "-3"], "n": [-3, 1, 2]})).values.tolist()
    [["'=1+1", -3], ['普法', 1], ["'-3", 2]]
    >>> spreadsheet_safe(pd.DataFrame({"c": pd.Categorical(["@SUM(A1)", "镇"])}))["c"].tolist()
    ["'@SUM(A1)", '镇']
    """
    out = table
    for column in table.columns:
        series = table[column]
        text_dtype = isinstance(series.dtype, pd.StringDtype)
        if text_dtype:  # vectorised: ~20 times faster than a map
            risky = series.str.startswith(FORMULA_START).fillna(False).astype(bool)
        elif (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)
              or pd.api.types.is_datetime64_any_dtype(series)):
            continue
        else:  # object, category, ...: any cell may be text
            risky = series.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START)).astype(bool)
        if risky.any():
            if out is table:
                out = table.copy(deep=False)
            values = series.astype("object")
            values = values.where(~risky, "'" + values.where(risky, ""))
            # a category column cannot hold the quoted text among its categories: it becomes text
            out[column] = values.astype(series.dtype) if text_dtype else values
    return out


def csv_lines(columns: list[list]) -> list[str | None]:
    """Each row of COLUMNS (equal-length lists of ``str`` and ``int`` cells) as the CSV line
    `write_table` writes for it, without its line end (formula-like text neutralised, quoted
    where needed), or None for a row with a CR or LF in a cell (such a row is written whole by
    the table's writer). The CSV module pandas' ``to_csv`` calls, row by row: the same bytes,
    ~6 x faster than a frame's ``to_csv`` on a report's hundred rows.

    >>> csv_lines([["a", "b"], [1, 2], ['=1+1', '说"好",行']])
    ["a,1,'=1+1", 'b,2,"说""好"",行"']
    >>> csv_lines([["a"], ["两\\n行"]])
    [None]
    """
    import csv
    import io

    rows = []
    for row in zip(*columns):
        cells = ["'" + c if isinstance(c, str) and c.startswith(FORMULA_START) else c for c in row]
        broken = any(isinstance(c, str) and ("\r" in c or "\n" in c) for c in cells)
        rows.append(None if broken else cells)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(r for r in rows if r is not None)
    written = iter(buffer.getvalue().split("\n"))  # no cell holds "\n": one piece per row
    return [None if r is None else next(written) for r in rows]


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, *, protect: dict[str, Path | None] | None = None) -> None:
    """Write each table as .parquet and as UTF-8-with-BOM .csv (Excel opens it), atomically.

    Every table is first checked against its contract (`schema.validate`): a table that breaks
    it stops the writing before anything is written. A table longer than Excel's sheet limit
    gets no CSV: its .parquet file is the table. OUT_DIR must be a folder a build may replace
    (see `Output`); PROTECT names the paths it must not be, hold or lie in.
    """
    for name, table in tables.items():
        schema.validate(name, table)
    with Output(out_dir, protect=protect) as output:
        output.write(tables)


def write_table(name: str, table: pd.DataFrame, folder: Path) -> None:
    """Write table NAME into FOLDER as NAME.parquet and (unless it is too long for Excel) NAME.csv."""
    # zstd: Chinese text compresses ~2.5 x better than with the default snappy, at no
    # extra CPU (1,000 reports: 20.4 MB -> 8.0 MB of parquet); readers need nothing extra.
    table.to_parquet(folder / f"{name}.parquet", index=False, compression="zstd")
    if len(table) > EXCEL_MAX_ROWS:
        # Excel cannot open it anyway; the parquet file is the table (term_counts of a few
        # thousand reports). Writing a CSV nobody can open cost most of the write time.
        log.info("%s has %d rows, more than Excel opens: parquet only", name, len(table))
        return
    # The BOM written once by hand: encoding="utf-8-sig" makes pandas call the codec's
    # incremental encoder per row (~15 % of the writing time), same bytes. CRLF, as Excel writes
    # CSV: the csv module then quotes every cell holding a CR or an LF (with "\n" alone a bare CR
    # in a cell went out unquoted, and a spreadsheet starts a new row there).
    with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        columns = schema.table(name).csv_columns  # long texts (documents.text) stay in parquet
        shown = table if len(columns) == table.shape[1] else table[columns]
        spreadsheet_safe(shown).to_csv(handle, index=False, lineterminator="\r\n")


# --------------------------------------------------------------------------- the output folder
#
# A build replaces its output folder whole, so `--out` must never be a folder that holds anything
# else: the raw reports, the manifest, the cache, notes, a plain file given by mistake. A folder
# is replaced only when it holds nothing but what a build writes (MARKER and the tables' files) or
# is empty; a path that is, holds or lies inside a protected one (raw folder, manifest, cache) is
# refused. Besides OUT itself, reportkit writes only its hidden siblings: the staging folder
# (.OUT.tmp-<pid>-…, carrying MARKER), the previous outputs during the swap (.OUT.old) and the
# lock file (.OUT.lock), all removed when the build ends.

MARKER = ".reportkit-output"
_MARKER_TEXT = ("This folder is written by `reportkit build` and replaced whole by the next build:\n"
                "keep nothing else in it (a build refuses a folder that holds other files).\n")


class OutputError(ValueError):
    """An output folder a build must not write (it would lose something), or cannot write."""


def _written_by_build(name: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    return name == MARKER or (dot == "." and suffix in ("parquet", "csv") and stem in schema.TABLES)


_PART = re.compile(r"part-\d{5}\.parquet")


def _built(path: Path) -> bool:
    """PATH is what a build writes: a table's file, or a table's parquet folder holding nothing but
    its part files (``documents.parquet/part-00000.parquet``, pipeline/parts.py)."""
    if path.is_symlink() or not _written_by_build(path.name):
        return False
    if path.is_file():
        return True
    return path.is_dir() and path.suffix == ".parquet" and all(
        p.is_file() and not p.is_symlink() and _PART.fullmatch(p.name) for p in path.iterdir())


def check_out(out_dir: Path, *, protect: dict[str, Path | None] | None = None) -> None:
    """Raise OutputError when writing OUT_DIR could delete or move something that is not a
    build's output. PROTECT: {"raw folder": path, "manifest": path, "cache": path, ...}."""
    out_dir = Path(out_dir)
    try:
        _check_out(out_dir, protect)
    except OSError as exc:  # a path too long, a loop of links, a folder that cannot be read
        raise OutputError(f"--out {out_dir} cannot be used ({os_reason(exc)})") from None


def _check_out(out_dir: Path, protect: dict[str, Path | None] | None) -> None:
    out = out_dir.resolve()
    for what, path in (protect or {}).items():
        if path is None:
            continue
        guarded = Path(path).resolve()
        if out == guarded or out in guarded.parents:
            raise OutputError(f"--out {out_dir} {'is' if out == guarded else 'holds'} the {what} ({path}), and a build "
                              "replaces its --out whole; give the tables a folder of their own (default data/processed)")
        if guarded in out.parents:
            raise OutputError(f"--out {out_dir} lies inside the {what} ({path}); give the tables a folder of their "
                              "own, outside it (default data/processed)")
    if out_dir.is_symlink():
        raise OutputError(f"--out {out_dir} is a symbolic link; give the folder itself")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"--out {out_dir} is a file, not a folder; give a folder for the tables, such as "
                          "data/processed")
    if out_dir.is_dir():
        foreign = sorted(p.name for p in out_dir.iterdir() if not _built(p))
        if foreign:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            raise OutputError(f"--out {out_dir} holds files a build did not write ({shown}), which the build would "
                              "delete; give a new or empty folder, or move them out")


class Output:
    """An output folder being written: checked (`check_out`), locked against a second build,
    with a staging folder beside it, made and tried before any work is done (a read-only or
    full disk stops the build at once). `write` fills the staging folder and swaps it in whole;
    leaving the block without `write` (an error, Ctrl-C) leaves the previous outputs as they were.

    A second build into the same folder while this one runs is refused (OutputError), not queued:
    a build that hangs would otherwise hold up every later one without a word.
    """

    PROBE_BYTES = 1 << 20  # tried at the start: a disk that cannot take this cannot take the tables

    def __init__(self, out_dir: Path, *, protect: dict[str, Path | None] | None = None):
        self.out_dir = Path(out_dir)
        self.protect = protect
        self.staging: Path | None = None
        self._lock = None

    def __enter__(self) -> Output:
        check_out(self.out_dir, protect=self.protect)
        try:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            with interrupts_held():  # Ctrl-C between making the lock (the folder) and noting it left it behind
                self._lock = _lock(self.out_dir)
            recover_outputs(self.out_dir)
            if blocker := _in_the_way(self.out_dir):
                raise OutputError(blocker)
            with interrupts_held():
                self.staging = _staging(self.out_dir)
            probe = self.staging / ".probe"
            with open(probe, "wb") as handle:
                handle.write(b"\0" * self.PROBE_BYTES)
                handle.flush()
                os.fsync(handle.fileno())
            probe.unlink()
        except OSError as exc:
            self.__exit__(None, None, None)
            raise OutputError(f"cannot write to --out {self.out_dir} ({os_reason(exc)}); check that the disk "
                              "has room and the folder is writable") from None
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        with interrupts_held():  # a second Ctrl-C does not stop the clean-up half-way
            if self.staging is not None and self.staging.exists():
                shutil.rmtree(self.staging, ignore_errors=True)
            if self._lock is not None:
                _unlock(*self._lock)
                self._lock = None

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        """Write TABLES into the staging folder and swap it in for the output folder (`commit`)."""
        try:
            for name, table in tables.items():
                write_table(name, table, self.staging)
        except OSError as exc:
            raise self._failed(exc) from None
        self.commit()

    def commit(self) -> None:
        """Swap the staging folder (filled by `write`, or table by table with `write_table`) in
        for the output folder. OSError, saying the previous outputs are unchanged, if it fails."""
        try:
            with interrupts_held():  # the previous outputs moved aside and the new ones not yet in: never stop there
                _swap(self.staging, self.out_dir)
        except OSError as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OSError:
        return OSError(f"cannot write the tables to {self.out_dir} ({os_reason(exc)}); the previous outputs are "
                       "unchanged")


def _staging(out_dir: Path) -> Path:
    """A new staging folder beside OUT_DIR, with the user's usual permissions (umask) and MARKER."""
    for attempt in range(100):
        staging = out_dir.with_name(f".{out_dir.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")
        try:
            staging.mkdir()
        except FileExistsError:
            continue
        (staging / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        return staging
    raise OSError(f"cannot make a staging folder beside {out_dir}")


def _swap(staging: Path, out_dir: Path) -> None:
    # The whole folder in one rename; the previous outputs wait in .NAME.old until it is done.
    backup = out_dir.with_name(f".{out_dir.name}.old")
    if blocker := _in_the_way(out_dir):
        raise OSError(blocker)
    if backup.exists():
        shutil.rmtree(backup)
    if out_dir.exists():
        os.replace(out_dir, backup)
    os.replace(staging, out_dir)
    shutil.rmtree(backup, ignore_errors=True)


def _in_the_way(out_dir: Path) -> str | None:
    """Why .NAME.old beside OUT_DIR, which the swap replaces, must not be touched (None: it is
    absent, or a build's outputs)."""
    backup = out_dir.with_name(f".{out_dir.name}.old")
    if not (backup.exists() or backup.is_symlink()):
        return None
    if backup.is_symlink() or not backup.is_dir() or not _ours(backup):
        return f"{backup} is in the way (not a build's outputs, which a build would replace); move it"
    return None


def _lock(out_dir: Path):
    """Hold the lock file .NAME.lock beside OUT_DIR (POSIX flock); OutputError if another build holds it."""
    return hold_lock(out_dir.with_name(f".{out_dir.name}.lock"),
                     lambda owner: f"another build (process {owner or '?'}) is writing to --out {out_dir}; wait for it "
                                   "to finish, or give another folder")


def hold_lock(path: Path, busy):
    """(PATH, descriptor) of the lock file PATH, held (POSIX flock) until `release_lock`; OutputError with
    BUSY(the holder's process id) if another process holds it; None where there are no locks (Windows)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        return None
    in_the_way = OutputError(f"{path} is in the way (not a build's lock file: a link, folder or special file); "
                             "remove it")
    while True:
        try:  # never through a link: a planted .NAME.lock → ~/file would be truncated
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK, 0o666)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                raise in_the_way from None
            raise
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise in_the_way
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise OutputError(busy(_read_pid(path))) from None
        try:  # the file may have been removed by the build that held it: lock the one that is there
            if os.fstat(descriptor).st_ino == os.stat(path).st_ino:
                os.ftruncate(descriptor, 0)
                os.write(descriptor, str(os.getpid()).encode())
                return path, descriptor
        except FileNotFoundError:
            pass
        os.close(descriptor)


def release_lock(held) -> None:
    """Release a lock `hold_lock` gave (None: there was none)."""
    if held is not None:
        _unlock(*held)


def _unlock(path: Path, descriptor: int) -> None:
    path.unlink(missing_ok=True)  # before the lock is released: a waiting build then makes its own
    os.close(descriptor)


def _read_pid(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


@contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A staging folder beside OUT_DIR that replaces OUT_DIR whole when the block ends without error
    (`Output` without its checks; for writing tables piece by piece)."""
    with Output(out_dir) as output:
        yield output.staging
        output.commit()


def recover_outputs(out_dir: Path) -> None:
    """Repair what an interrupted build may have left beside OUT_DIR.

    A build killed between its two renames leaves OUT_DIR missing and the previous outputs in
    `.NAME.old`: they are moved back. Staging folders of builds that are no longer running are
    removed (the process id is part of their name, so a concurrent build's folder is kept); only
    folders that carry MARKER are touched, never a folder of the user's that happens to be so named.
    """
    out_dir = Path(out_dir)
    backup = out_dir.with_name(f".{out_dir.name}.old")
    if backup.is_dir() and not backup.is_symlink() and not out_dir.exists() and _ours(backup):
        log.warning("restoring previous outputs from %s (an earlier build was interrupted)", backup)
        os.replace(backup, out_dir)
    if not out_dir.parent.is_dir():
        return
    for stale in out_dir.parent.glob(f".{out_dir.name}.tmp-*"):
        pid = stale.name.removeprefix(f".{out_dir.name}.tmp-").split("-", 1)[0]
        if not pid.isdigit() or not stale.is_dir() or stale.is_symlink() or not (stale / MARKER).is_file():
            continue
        if int(pid) != os.getpid() and process_running(int(pid)):
            continue
        shutil.rmtree(stale, ignore_errors=True)


def _ours(folder: Path) -> bool:
    """FOLDER holds nothing but what a build writes."""
    try:
        return all(_built(p) for p in folder.iterdir())
    except OSError:
        return False


def process_running(pid: int) -> bool:
    """Whether process PID exists (whoever owns it): its temporary files are not to be swept."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def read_tables(out_dir: Path, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read the tables a build wrote (parquet), by name."""
    out_dir = Path(out_dir)
    recover_outputs(out_dir)
    if not out_dir.exists():
        raise FileNotFoundError(f"no build output at {out_dir}; run `reportkit build` first")
    paths = sorted(out_dir.glob("*.parquet"))
    wanted = set(names) if names else None
    return {p.stem: pd.read_parquet(p) for p in paths if wanted is None or p.stem in wanted}
