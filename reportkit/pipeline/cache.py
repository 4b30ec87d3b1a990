"""The per-report cache: keys that know what a stage's result depends on, and the files.

A stage's key is a hash of: reportkit's version and this cache's format version; the source of
reportkit/pipeline/stages.py and of every reportkit module the stage function imports, followed
through their own imports (so editing `parse_document` or `indicators.py` recomputes the parse
stage and, since they read its result, the later stages; editing `terms.py` recomputes only the
terms stage); the digests of the resource files it declares; the part of the `BuildConfig` it
reads; and the keys of the stages it reads the results of.

Results are stored under ``<cache>/<stage>/<sha256[:2]>/<sha256>-<key>.pkl``; whole groups of
~256 reports (outcomes and concatenated tables) under ``<cache>/groups/``. Serialisation
happens in `_dump` and `_load` only. A file that cannot be read back is recomputed.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import __version__, resources
from ..config import BuildConfig
from .stages import STAGES, Stage

log = logging.getLogger(__name__)

#: Bump when the layout or the serialisation of cache files changes.
CACHE_FORMAT = "1"
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


def _dump(value, path: Path) -> None:
    """Write VALUE to PATH atomically (a half-written file is never read back)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open(tmp, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _load(path: Path):
    """The value stored at PATH, or None when it is missing or unreadable (it is then recomputed)."""
    if not path.exists():
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a truncated or foreign file
        log.warning("cache file %s unreadable; recomputing", path)
        return None


@dataclass(frozen=True)
class Cache:
    """The cache folder of a build (None: no cache) and the stage keys of its config."""

    folder: Path | None
    keys: dict[str, str]

    def path(self, stage: str, sha256: str) -> Path:
        return self.folder / stage / sha256[:2] / f"{sha256}-{self.keys[stage]}.pkl"

    def has(self, stages: tuple[str, ...], sha256: str) -> bool:
        """Every one of STAGES is stored for the file with this SHA256."""
        return self.folder is not None and all(self.path(s, sha256).exists() for s in stages)

    def get(self, stage: str, sha256: str):
        return None if self.folder is None else _load(self.path(stage, sha256))

    def put(self, stage: str, sha256: str, value) -> None:
        if self.folder is not None:
            _dump(value, self.path(stage, sha256))

    # ---- groups of reports, stored whole

    def group_path(self, entries: list[tuple[str, str]], stages: tuple[str, ...]) -> Path | None:
        """File of a group of (file, sha256) ENTRIES run through STAGES."""
        if self.folder is None:
            return None
        digest = hashlib.sha256(repr(sorted((s, self.keys[s]) for s in stages)).encode())
        for file, sha256 in entries:
            digest.update(f"{file}\0{sha256}\n".encode())
        return self.folder / "groups" / f"{digest.hexdigest()[:32]}.pkl"

    def get_group(self, path: Path | None):
        return None if path is None else _load(path)

    def put_group(self, path: Path | None, value) -> None:
        if path is not None:
            _dump(value, path)

    def prune_groups(self, current: list[Path | None]) -> None:
        """Delete group files this corpus no longer uses (the per-report files stay)."""
        keep = {p for p in current if p is not None}
        if not keep:
            return
        for stale in next(iter(keep)).parent.glob("*.pkl"):
            if stale not in keep:
                stale.unlink(missing_ok=True)
