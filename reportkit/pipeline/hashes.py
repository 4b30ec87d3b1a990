"""The sha256 of each raw file as an earlier build read it, kept by path and stat (as git's index
does): a file whose size, modification and change times and inode are all unchanged is not read
and hashed again. At 10,000 reports that is most of a warm build's planning.

Kept as JSON in the cache folder (``<cache>/hashes.json``; nothing in it can run). An entry is
trusted only when the file was last modified well before the entry was written ("racy" files,
changed again within the clock's resolution after being hashed, are read again).
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from .files import replace_file

log = logging.getLogger(__name__)

FORMAT = "1"
#: A file modified less than this before its entry was written is hashed again.
RACY_NS = 2_000_000_000


def _signature(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


class KnownHashes:
    """Path → (signature, sha256, blank) of the files an earlier build hashed; `get`, `put`, `save`."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "hashes.json" if folder is not None else None
        self.written_ns = 0
        self.entries: dict[str, list] = {}
        self.seen: dict[str, list] = {}
        self.changed = False
        if self.path is None:
            return
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("format") == FORMAT:
                self.written_ns, self.entries = int(stored["written_ns"]), dict(stored["files"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            pass  # none yet, or unreadable: every file is hashed

    def get(self, path: Path, status: os.stat_result) -> tuple[str, bool] | None:
        """(sha256, blank) of PATH when its STATUS is the one it was hashed with, else None."""
        entry = self.entries.get(str(path))
        if (entry is None or entry[0] != _signature(status)
                or status.st_mtime_ns > self.written_ns - RACY_NS or not isinstance(entry[1], str)):
            return None
        self.seen[str(path)] = entry
        # A copy: the build keeps the digest after the loaded entries are freed, which then go whole.
        return entry[1].encode().decode(), bool(entry[2])

    def put(self, path: Path, status: os.stat_result, sha256: str, blank: bool) -> None:
        self.seen[str(path)] = [_signature(status), sha256, blank]
        self.changed = True

    def save(self) -> None:
        """Keep the entries of the files of this build (nothing when they are those already kept)."""
        if self.path is None or not (self.changed or self.seen.keys() != self.entries.keys()):
            return
        text = json.dumps({"format": FORMAT, "written_ns": time.time_ns(), "files": self.seen}).encode("utf-8")
        try:
            replace_file(self.path, lambda handle: handle.write(text))
        except OSError as exc:  # a read-only cache: the next build hashes every file again
            log.info("file hashes not kept (%s)", exc)


def forget(folder: Path | None, paths: list[Path]) -> None:
    """Drop the entries of PATHS from FOLDER's hashes.json: files whose bytes did not match the hash
    kept for them (an entry edited or copied from another cache), hashed again by the next build
    rather than refused as changed at every build."""
    known = KnownHashes(folder)
    if known.path is None or not (gone := [str(p) for p in paths if str(p) in known.entries]):
        return
    files = {path: entry for path, entry in known.entries.items() if path not in gone}
    text = json.dumps({"format": FORMAT, "written_ns": known.written_ns, "files": files}).encode("utf-8")
    try:
        replace_file(known.path, lambda handle: handle.write(text))
    except OSError as exc:
        log.info("file hashes not corrected (%s)", exc)
    log.warning("kept hashes of %d file(s) did not match their bytes: hashed again next time", len(gone))

