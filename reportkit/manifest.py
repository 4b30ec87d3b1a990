"""The inventory of a raw folder: the files in it, and what the analyst's manifest says about them.

`inventory` lists every entry under the raw folder (hidden files, links, FIFOs and folders that
cannot be listed included, so that each can be logged), each under a name no other entry shows; `read_manifest` reads data/manifest.csv as Excel saves it and reports
its problems as `ManifestProblem` records, one per line at fault, which `manifest_log` turns
into the manifest_log table.
"""
from __future__ import annotations

import csv
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schema
from .problems import ManifestProblem, os_reason, printable
from .readers import UTF16_BOMS, ReadError, decode_text


# ---------------------------------------------------------------- files


@dataclass(frozen=True)
class Found:
    """One entry under the raw folder: its name as the tables show it (unique), its real path, and
    what kind of entry it is: "file", "link" (never followed), "special" (FIFO, socket, device) or
    "unlisted" (a folder that could not be listed; PROBLEM says why); RELATIVE is its path under
    the raw folder (POSIX, as on disk)."""

    name: str
    path: Path
    kind: str = "file"
    problem: str = ""
    relative: str = ""


def inventory(raw_dir: Path) -> list[Found]:
    """Every entry under RAW_DIR that is not a plain folder, sorted by name, each with a name no
    other entry shows (see `display_name`), and every sub-folder that could not be listed.

    Symbolic links are never followed: a link to a folder above RAW_DIR would loop forever.
    Raises OSError when RAW_DIR itself cannot be listed.
    """
    raw_dir = Path(raw_dir)
    # Paths as strings while walking: a pathlib operation per file was most of the time at 10,000 files.
    entries: list[tuple[str, str, str]] = []  # (relative path, kind, problem)
    folders = [("", str(raw_dir))]
    while folders:
        relative, folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                children = list(listing)
        except OSError as exc:
            if not relative:
                raise
            reason = os_reason(exc) if exc.errno == errno.ENAMETOOLONG else f"{exc.strerror or exc}: check its permissions"
            entries.append((relative, "unlisted", f"folder cannot be listed ({reason}); its files are not read"))
            continue
        for child in children:
            path = f"{relative}/{child.name}" if relative else child.name
            try:
                if child.is_symlink():
                    entries.append((path, "link", ""))
                elif child.is_dir(follow_symlinks=False):
                    folders.append((path, child.path))
                elif child.is_file(follow_symlinks=False):
                    entries.append((path, "file", ""))
                else:
                    entries.append((path, "special", ""))
            except OSError:  # a name too long to stat: the file is logged, its reading fails with a reason
                entries.append((path, "file", ""))
    names = _unique_names([relative for relative, _, _ in entries])
    # Joined to RAW_DIR (whose parts are parsed once) rather than each parsed again from its full path.
    found = [Found(name, raw_dir / relative, kind, problem, relative)
             for name, (relative, kind, problem) in zip(names, entries)]
    return sorted(found, key=lambda f: f.name)


def _unique_names(paths: list[str]) -> list[str]:
    """The display names of PATHS (relative, POSIX), made unique: a name that had to be decoded or
    escaped and shows like another entry's is shown with every odd byte escaped instead (a UTF-8
    报告.txt and its GBK-byte twin, a file named \xff.txt and one named �.txt), then numbered if need be."""
    names = [display_name(p) for p in paths]
    taken: set[str] = set()
    unique: dict[str, str] = {}
    # Names shown exactly as they are on disk first: they keep them.
    for name, path in sorted(zip(names, paths), key=lambda item: (item[0] != item[1], item[0])):
        if name in taken:
            name = base = printable(os.fsencode(path).decode("utf-8", "backslashreplace"))
            n = 2
            while name in taken:
                name, n = f"{base} ({n})", n + 1
        taken.add(name)
        unique[path] = name
    return [unique[p] for p in paths]


def discover(raw_dir: Path) -> list[Path]:
    """Every entry under RAW_DIR that is not a plain folder, sorted: files, hidden files, symbolic
    links (to files or folders) and special files (FIFOs, sockets), so each can be logged.
    (`inventory` gives each its unique name, and the sub-folders that could not be listed.)"""
    return [f.path for f in inventory(raw_dir) if f.kind != "unlisted"]


def display_name(relative: str) -> str:
    """The POSIX path of a file as a printable string, even when its name is not valid UTF-8.

    Names unpacked from Chinese Windows zips are often GBK bytes; they are shown decoded as
    GB18030 when that works, with undecodable bytes escaped (\\xff) otherwise; control and
    direction characters are escaped too (\\x1b, \\x0a), so a name cannot forge a line of the
    console or a row of a CSV. The real path is kept separately, so the file is still read.
    """
    name = relative
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        try:
            name = raw.decode("gb18030")
        except UnicodeDecodeError:
            name = raw.decode("utf-8", errors="backslashreplace")
    return printable(name)


def read_file(path: Path, max_bytes: int | None, *, follow: bool = False) -> tuple[bytes, int]:
    """At most MAX_BYTES + 1 bytes (None: all) of the regular file PATH, and its size on disk: a
    file that grew past the limit is never read whole. Raises OSError when it is gone or
    unreadable, or when it is a link, FIFO or device (one that has taken a listed file's place, or
    was planted in a shared cache: opening a FIFO never blocks, /dev/zero is never read). FOLLOW:
    a symbolic link to a regular file is read (the analyst's own manifest may be one)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or folder)")
        if max_bytes is None:
            return handle.read(), status.st_size
        # read(n) sets n bytes aside first: no more than the file holds (and one more, to see it grew)
        return handle.read(min(max_bytes, status.st_size) + 1), status.st_size


LINK_PROBLEM = "symbolic link not followed; copy the file instead"
SPECIAL_PROBLEM = "not a regular file (FIFO, socket or device); not read"


def is_hidden(relative: str) -> bool:
    """RELATIVE (a POSIX path under the raw folder) is or lies in a hidden or temporary entry."""
    return any(part.startswith((".", "~$")) for part in relative.split("/"))


# ---------------------------------------------------------------- manifest

#: A manifest of 100,000 reports is ~30 MB; a bigger file is not one (and would be read whole).
MANIFEST_MAX_BYTES = 64 * 2**20
MANIFEST_COLUMNS = ["file", "town", "town_type", "county", "city", "province", "year", "source_url", "note"]


def read_manifest(path: Path, *, raw_dir: Path | None = None,
                  files: list[str] | None = None) -> tuple[pd.DataFrame, list[ManifestProblem]]:
    """Read the analyst's manifest (UTF-8, UTF-8 with BOM or GB18030, as Excel saves it).

    Returns the valid rows (all columns as strings, empty cells "") and a list of `ManifestProblem`
    records, each naming the line. A bad row is dropped on its own; the rest are kept. FILES (the
    names `inventory` gives the files under RAW_DIR; listed when only RAW_DIR is given) are what
    the `file` column is matched against: exactly, or by the file's own name when only one file
    bears it (never as a pattern). A path outside the raw folder (absolute, or with ..) is refused.
    """
    path = Path(path)
    data, size = read_file(path, MANIFEST_MAX_BYTES, follow=True)  # never a FIFO or /dev/zero
    if size > MANIFEST_MAX_BYTES or len(data) > MANIFEST_MAX_BYTES:
        raise ValueError(f"manifest {path} is over {MANIFEST_MAX_BYTES >> 20} MB (one row per report is a few "
                         "hundred bytes); is it the right file?")
    text = _decode_manifest(data, path)
    first = text.split("\n", 1)[0]
    dialect = csv.excel_tab if first.count("\t") > first.count(",") else csv.excel
    records_read = list(_records(text, dialect, path.name))
    rows = [(line, row) for line, row, _ in records_read if row is not None]
    if not rows:
        raise ValueError(f"manifest {path} is empty; it needs a header line with: {', '.join(MANIFEST_COLUMNS)}")
    header = [h.strip().lstrip("\ufeff") for h in rows[0][1]]
    if "file" not in header:
        raise ValueError(f"manifest {path} has no 'file' column (header: {', '.join(header)}); "
                         f"expected columns: {', '.join(MANIFEST_COLUMNS)}")
    problems = [ManifestProblem(path.name, 1, "unknown_column",
                                f"unknown column '{h}' ignored (known: {', '.join(MANIFEST_COLUMNS)})")
                for h in header if h and h not in MANIFEST_COLUMNS]
    problems += [problem for _, _, problem in records_read if problem is not None]
    if files is None and raw_dir is not None:
        files = [f.name for f in inventory(Path(raw_dir)) if f.kind != "unlisted"]
    by_name: dict[str, list[str]] = {}
    for file in files or ():
        by_name.setdefault(file.rsplit("/", 1)[-1], []).append(file)
    known = set(files or ())
    records, seen = [], {}
    for line_no, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        record = {col: "" for col in MANIFEST_COLUMNS}
        for col, cell in zip(header, row):
            if col in MANIFEST_COLUMNS:
                record[col] = cell.strip()
        name = record["file"].replace("\\", "/")
        while name.startswith("./"):
            name = name[2:]
        record["file"] = name
        if not name:
            problems.append(ManifestProblem(path.name, line_no, "no_file_name", "no file name; row ignored"))
            continue
        if name.startswith("/") or re.match(r"[A-Za-z]:/", name) or ".." in name.split("/"):
            problems.append(ManifestProblem(path.name, line_no, "outside_raw", f"'{name}' is not a path under the raw "
                                            "folder (absolute, or with ..); write it as the build log shows it; "
                                            "row ignored"))
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
        if files is not None and name not in known:
            matches = by_name.get(name.rsplit("/", 1)[-1], [])
            if len(matches) == 1:
                record["file"] = matches[0]
            else:
                problems.append(ManifestProblem(path.name, line_no, "file_not_found", f"file '{name}' not found under "
                                                f"{raw_dir or 'the raw folder'}; fix the name or remove the row"))
        seen[name] = (line_no, record)
        records.append(record)
    problems.sort(key=lambda problem: problem.line)
    return pd.DataFrame(records, columns=MANIFEST_COLUMNS).astype(str), problems


class _Lines:
    """The lines of a text, one at a time, with the position of the next (csv.reader reads exactly
    the lines of one record at a time, so the position says where each record ends)."""

    def __init__(self, lines: list[str], position: int = 0):
        self.lines, self.position = lines, position

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            raise StopIteration
        self.position += 1
        return self.lines[self.position - 1]


def _records(text: str, dialect, name: str):
    """(line, cells, problem) per record of TEXT, with the line it starts on.

    Two things Excel never writes are caught here instead of silently eating rows: a cell over
    csv's 128 KB limit (that row alone is skipped), and an unbalanced quote, whose cell would run
    on to the next quote and swallow the rows between. A record running over several lines is
    kept whole (a note with a line break is legitimate) unless a line it swallowed reads, alone,
    as a row of its own naming a report file; then the line with the stray quote is read alone,
    its quotes taken as written.
    """
    from .readers import suffixes

    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    source = _Lines(lines)
    reader = csv.reader(source, dialect)
    n_columns, file_column = None, 0
    while True:
        start = source.position
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start + 1, None, ManifestProblem(name, start + 1, "unreadable_row",
                                                   f"row cannot be read ({exc}: a cell over 128 KB?); row ignored")
            source = _Lines(lines, start + 1)
            reader = csv.reader(source, dialect)
            continue
        if source.position - start > 1 and n_columns and any(
                _looks_like_a_row(line, dialect, n_columns, file_column, suffixes())
                for line in lines[start + 1:source.position]):
            row = [cell.strip().strip('"') for cell in next(csv.reader([lines[start]], dialect, quoting=csv.QUOTE_NONE))]
            yield start + 1, row, ManifestProblem(name, start + 1, "unbalanced_quote",
                                                  "a quote (\") opens a cell and never closes; this line is read alone, "
                                                  "quotes as written — check it")
            source = _Lines(lines, start + 1)
            reader = csv.reader(source, dialect)
            continue
        if n_columns is None:  # the header
            n_columns = len(row)
            names = [cell.strip().lstrip("\ufeff") for cell in row]
            file_column = names.index("file") if "file" in names else 0
        yield start + 1, row, None


def _looks_like_a_row(line: str, dialect, n_columns: int, file_column: int, suffixes: tuple[str, ...]) -> bool:
    """LINE, read alone, has the header's number of cells or fewer and a report's file name in the file column."""
    try:
        cells = next(csv.reader([line], dialect, strict=True))
    except (csv.Error, StopIteration):
        return False
    return (1 < len(cells) <= n_columns and file_column < len(cells)
            and cells[file_column].strip().lower().endswith(suffixes))


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
