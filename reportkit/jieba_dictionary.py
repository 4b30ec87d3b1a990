"""jieba's prefix dictionary, loaded in a quarter of the time jieba's own cache takes.

jieba looks words up in a dictionary of every word of its dict.txt and every prefix of those
words (~500,000 entries). Building it, or loading it from jieba's marshal cache, takes ~0.6 s:
the longest part of starting a worker process, and so of adding one report to a built corpus.
The same entries kept as the words in one UTF-8 text file and their counts in a .npy array load
in ~0.17 s. Both files are plain data (nothing loaded can run code), kept in a folder only this
user can write, and named by what they were made from (jieba's version and its dict.txt).
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import numpy as np

#: Bump when the files or what they hold change.
FORMAT = "1"


def import_jieba():
    """The jieba module, imported without pkg_resources when nothing has imported that yet.

    jieba imports setuptools' pkg_resources only to find its own files (its fallback opens them
    by path, which is all reportkit needs). That import is most of jieba's: ~0.15 s and ~10 MB in
    every worker process, on the way to the first report. The None in sys.modules makes the
    import fail while jieba is imported, and is removed afterwards, so a later import of
    pkg_resources works as usual.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    block = "pkg_resources" not in sys.modules
    if block:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if block and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


def load_prefix_dict(engine, folder: Path) -> tuple[dict[str, int], int]:
    """(FREQ, total) of ENGINE (a ``jieba.Tokenizer`` with its default dictionary), as
    ``engine.gen_pfdict`` gives them: read from FOLDER, or made and kept there when missing or
    unreadable (a folder that cannot be written only costs the time of making them)."""
    words_path, counts_path = _paths(folder)
    try:
        words = words_path.read_text(encoding="utf-8").split("\n")
        counts = np.load(counts_path, allow_pickle=False)
        # counts[0] is jieba's total (a word listed twice counts twice there), then one per word.
        if counts.dtype == np.int64 and counts.ndim == 1 and len(counts) == len(words) + 1:
            return dict(zip(words, counts[1:].tolist())), int(counts[0])
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    table, total = engine.gen_pfdict(engine.get_dict_file())
    try:
        _write(words_path, counts_path, table, total)
    except OSError:
        pass
    return table, total


def _paths(folder: Path) -> tuple[Path, Path]:
    jieba = import_jieba()

    source = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    try:
        info = source.stat()
        made_from = f"{info.st_size}-{info.st_mtime_ns}"
    except OSError:
        made_from = "unknown"
    key = hashlib.sha256(f"{FORMAT}\0{jieba.__version__}\0{made_from}".encode()).hexdigest()[:16]
    stem = f"jieba-prefix-{key}"
    return Path(folder) / f"{stem}.words.txt", Path(folder) / f"{stem}.counts.npy"


def _write(words_path: Path, counts_path: Path, table: dict[str, int], total: int) -> None:
    """Both files under temporary names, then renamed: a reader never sees half of one."""
    suffix = f".tmp{os.getpid()}"
    counts = np.fromiter([total, *table.values()], dtype=np.int64, count=len(table) + 1)
    with open(f"{counts_path}{suffix}", "wb") as handle:
        np.save(handle, counts, allow_pickle=False)
    Path(f"{words_path}{suffix}").write_text("\n".join(table), encoding="utf-8")
    os.replace(f"{counts_path}{suffix}", counts_path)
    os.replace(f"{words_path}{suffix}", words_path)
