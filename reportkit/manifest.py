"""The inventory of a raw folder: the files in it, and what the analyst's manifest says about them.

`discover` lists every entry under the raw folder (hidden files, links and FIFOs included, so
that each can be logged); `read_manifest` reads data/manifest.csv as Excel saves it and reports
its problems as `ManifestProblem` records, one per line at fault, which `manifest_log` turns
into the manifest_log table.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pandas as pd

from . import schema
from .problems import ManifestProblem
from .readers import UTF16_BOMS, ReadError, decode_text


# ---------------------------------------------------------------- files


def discover(raw_dir: Path) -> list[Path]:
    """Every entry under RAW_DIR that is not a plain folder, sorted: files, hidden files, symbolic
    links (to files or folders) and special files (FIFOs, sockets), so each can be logged.

    Symbolic links are never followed: a link to a folder above RAW_DIR would loop forever.
    """
    raw_dir = Path(raw_dir)
    found = []
    for folder, dirs, files in os.walk(raw_dir, followlinks=False, onerror=lambda exc: None):
        base = Path(folder)
        found += [base / d for d in dirs if (base / d).is_symlink()]
        found += [base / f for f in files]
    return sorted(found, key=lambda p: display_name(p.relative_to(raw_dir)))


def display_name(relative: Path) -> str:
    """The POSIX path of a file as a printable string, even when its name is not valid UTF-8.

    Names unpacked from Chinese Windows zips are often GBK bytes; they are shown decoded as
    GB18030 when that works, with undecodable bytes replaced otherwise (the real path is kept
    separately, so the file is still read).
    """
    name = relative.as_posix()
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def special_file_problem(path: Path) -> str | None:
    """Why PATH is not read at all (link, FIFO, device), or None for a regular file."""
    if path.is_symlink():
        return "symbolic link not followed; copy the file instead"
    if not path.is_file():
        return "not a regular file (FIFO, socket or device); not read"
    return None


def is_hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


# ---------------------------------------------------------------- manifest

MANIFEST_COLUMNS = ["file", "town", "town_type", "county", "city", "province", "year", "source_url", "note"]


def read_manifest(path: Path, *, raw_dir: Path | None = None) -> tuple[pd.DataFrame, list[ManifestProblem]]:
    """Read the analyst's manifest (UTF-8, UTF-8 with BOM or GB18030, as Excel saves it).

    Returns the valid rows (all columns as strings, empty cells "") and a list of `ManifestProblem`
    records, each naming the line. A bad row is dropped on its own; the rest are kept.
    """
    path = Path(path)
    text = _decode_manifest(path.read_bytes(), path)
    dialect = csv.excel_tab if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    if not rows:
        raise ValueError(f"manifest {path} is empty; it needs a header line with: {', '.join(MANIFEST_COLUMNS)}")
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    if "file" not in header:
        raise ValueError(f"manifest {path} has no 'file' column (header: {', '.join(header)}); "
                         f"expected columns: {', '.join(MANIFEST_COLUMNS)}")
    problems = [ManifestProblem(path.name, 1, "unknown_column",
                                f"unknown column '{h}' ignored (known: {', '.join(MANIFEST_COLUMNS)})")
                for h in header if h and h not in MANIFEST_COLUMNS]
    records, seen = [], {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = {col: "" for col in MANIFEST_COLUMNS}
        for col, cell in zip(header, row):
            if col in MANIFEST_COLUMNS:
                record[col] = cell.strip()
        name = record["file"].replace("\\", "/")
        record["file"] = name
        if not name:
            problems.append(ManifestProblem(path.name, line_no, "no_file_name", "no file name; row ignored"))
            continue
        if record["year"]:
            year = record["year"].removesuffix("年").removesuffix(".0")
            if not (year.isdigit() and 1990 <= int(year) <= 2100):
                problems.append(ManifestProblem(path.name, line_no, "invalid_year", f"invalid year '{record['year']}' for {name}; "
                                "year ignored (write it as 2023)"))
                year = ""
            record["year"] = year
        if name in seen:
            if {k: v for k, v in record.items()} == seen[name][1]:
                problems.append(ManifestProblem(path.name, line_no, "repeated_row",
                                                f"duplicate of line {seen[name][0]} ({name}); ignored"))
            else:
                problems.append(ManifestProblem(path.name, line_no, "repeated_row", f"{name} already described on line {seen[name][0]}; "
                                "this later row is ignored — keep one row per file"))
            continue
        if raw_dir is not None and not (Path(raw_dir) / name).exists():
            matches = list(Path(raw_dir).rglob(Path(name).name))
            if len(matches) == 1:
                record["file"] = matches[0].relative_to(raw_dir).as_posix()
            else:
                problems.append(ManifestProblem(path.name, line_no, "file_not_found", f"file '{name}' not found under {raw_dir}; "
                                "fix the name or remove the row"))
        seen[name] = (line_no, record)
        records.append(record)
    return pd.DataFrame(records, columns=MANIFEST_COLUMNS).astype(str), problems


def _decode_manifest(data: bytes, path: Path) -> str:
    """Excel saves "CSV UTF-8" with a BOM, plain "CSV" in the system code page (GBK on Chinese
    Windows) and "Unicode text" as UTF-16. A short GBK file fools statistical detection, so
    the candidates are tried strictly in this order before guessing."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return decode_text(data)[0]
    except ReadError as exc:
        raise ValueError(f"manifest {path} is not readable text ({exc}); save it from Excel as CSV UTF-8") from None


def manifest_log(problems: list[ManifestProblem]) -> pd.DataFrame:
    """Manifest problems as a table: the manifest's name, the line (0: the whole file), status, code, message.

    Kept apart from build_log, which has exactly one row per file under the raw folder: the
    manifest usually lives beside that folder and can have many problems.
    """
    rows = [{"file": p.file, "line": p.line, "status": p.status, "code": p.code, "message": p.message}
            for p in problems]
    return pd.DataFrame(rows, columns=schema.table("manifest_log").names).astype({"line": "int64"})
