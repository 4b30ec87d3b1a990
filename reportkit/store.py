"""The build's output folder: tables written atomically, and read back.

Each table is written as .parquet (zstd) and as UTF-8-with-BOM .csv that Excel opens, into a
staging folder beside the output folder that is swapped in whole (`staged`), so an interrupted
build leaves the previous outputs intact (`recover_outputs` repairs what a kill between the two
renames leaves). Every table is checked against its contract (reportkit/schema.py) before it is
written. `write_table` writes one table into a folder: a later streaming build can write tables
piece by piece into the staging folder before the same swap.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from . import schema

log = logging.getLogger(__name__)

EXCEL_MAX_ROWS = 1_048_575  # Excel's sheet limit (1,048,576 rows) less the header


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> None:
    """Write each table as .parquet and as UTF-8-with-BOM .csv (Excel opens it), atomically.

    Every table is first checked against its contract (`schema.validate`): a table that breaks
    it stops the writing before anything is written. A table longer than Excel's sheet limit
    gets no CSV: its .parquet file is the table.
    """
    for name, table in tables.items():
        schema.validate(name, table)
    with staged(out_dir) as staging:
        for name, table in tables.items():
            write_table(name, table, staging)


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
    # incremental encoder per row (~15 % of the writing time), same bytes.
    with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        columns = schema.table(name).csv_columns  # long texts (documents.text) stay in parquet
        (table if len(columns) == table.shape[1] else table[columns]).to_csv(handle, index=False, lineterminator="\n")


@contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A staging folder beside OUT_DIR that replaces OUT_DIR whole when the block ends without error."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_outputs(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-{os.getpid()}-", dir=out_dir.parent))
    try:
        yield staging
        # The output folder belongs to the build: swap the whole folder in one rename.
        backup = out_dir.with_name(f".{out_dir.name}.old")
        if backup.exists():
            shutil.rmtree(backup)
        if out_dir.exists():
            os.replace(out_dir, backup)
        os.replace(staging, out_dir)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def recover_outputs(out_dir: Path) -> None:
    """Repair what an interrupted `write_tables` may have left beside OUT_DIR.

    A build killed between its two renames leaves OUT_DIR missing and the previous outputs in
    `.NAME.old`: they are moved back. Staging folders of builds that are no longer running are
    removed (the process id is part of their name, so a concurrent build's folder is kept).
    """
    out_dir = Path(out_dir)
    backup = out_dir.with_name(f".{out_dir.name}.old")
    if backup.is_dir() and not out_dir.exists():
        log.warning("restoring previous outputs from %s (an earlier build was interrupted)", backup)
        os.replace(backup, out_dir)
    if not out_dir.parent.is_dir():
        return
    for stale in out_dir.parent.glob(f".{out_dir.name}.tmp-*"):
        pid = stale.name.removeprefix(f".{out_dir.name}.tmp-").split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
            continue
        shutil.rmtree(stale, ignore_errors=True)


def _running(pid: int) -> bool:
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
