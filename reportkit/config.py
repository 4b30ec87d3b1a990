"""Paths, defaults, limits and the options of a build. Nothing here touches the disk at import time."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from numbers import Integral
from pathlib import Path
from typing import Literal

RESOURCES = resources.files("reportkit") / "resources"

DEFAULT_RAW_DIR = Path("data/raw")
DEFAULT_MANIFEST = Path("data/manifest.csv")
DEFAULT_OUT_DIR = Path("data/processed")
DEFAULT_CACHE_DIR = Path("data/interim")
DEFAULT_FIGURES_DIR = Path("figures")


@dataclass(frozen=True)
class Limits:
    """Guards against hostile or pathological input files."""

    max_file_bytes: int = 50 * 1024 * 1024  # a report is ~10-100 kB; 50 MB is already a paste of many
    max_unzipped_bytes: int = 200 * 1024 * 1024  # .docx: declared and actual uncompressed size
    max_zip_ratio: float = 200.0  # .docx members compressed beyond this ratio are refused
    max_zip_members: int = 5000  # .docx parts; Word writes a few dozen
    max_pdf_pages: int = 300  # pages beyond this are not read (a warning says so)
    max_chars: int = 5_000_000  # text longer than this is truncated with a warning
    seconds_per_file: float = 120.0
    # a worker's address space beyond what it holds when it starts (a PDF stream inflating to
    # gigabytes stops there, not when the machine runs out)
    max_memory_bytes: int = 2 * 1024**3

    def __post_init__(self):
        # A limit of 0 or less would refuse every file (or none), with a reason naming no option.
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0:
                raise ValueError(f"Limits.{name} must be a number above 0, not {value!r}")


def resource_path(name: str) -> Path:
    """Filesystem path of a bundled resource file (reportkit/resources/NAME)."""
    return Path(str(RESOURCES / name))


# --------------------------------------------------------------------------- options of a build

#: Tokenising engines: jieba (default) and the optional, faster rjieba (same dictionary).
ENGINES = ("jieba", "rjieba")


def default_engine() -> str:
    """The tokenising engine when none is given: ``$REPORTKIT_TOKENIZER`` (jieba or rjieba), else jieba.

    Read only where a build or a tokenizer is set up (the command line, `BuildConfig()`,
    `terms.default_tokenizer()`); the build then carries the engine in its `BuildConfig`.
    """
    import os

    name = os.environ.get("REPORTKIT_TOKENIZER", "").strip().lower() or "jieba"
    if name not in ENGINES:
        raise ValueError(f"REPORTKIT_TOKENIZER must be one of {', '.join(ENGINES)}, not {name!r}")
    return name


@dataclass(frozen=True)
class ReuseOptions:
    """How copied passages are found (reportkit.reuse; its module docstring explains each step).

    The first five shape each report's passages and fingerprints (cached per report); the rest
    apply to the whole corpus.
    """

    min_cjk: int = 15  # passages with fewer CJK characters (after merging short clauses) are left out
    max_chars: int = 240  # a longer comma-only sentence is cut into chunks of whole clauses
    num_perm: int = 64  # MinHash permutations
    shingle_size: int = 4  # characters per shingle
    seed: int = 1  # fixes the hash family, so signatures agree across runs and processes
    threshold: float = 0.5  # Jaccard similarity from which two passages are reuse
    lsh_threshold: float = 0.3  # similarity at which LSH makes a pair a candidate
    boilerplate_share: float = 0.3  # a passage in this share of the towns is a stock formula ...
    boilerplate_min_towns: int = 3  # ... but never fewer towns than this
    boilerplate_max_towns: int = 50  # ... and always from this many towns
    boilerplate_coverage: float = 0.5  # share of a passage covered by boilerplate.txt phrases that makes it one
    max_bucket: int = 64  # an LSH bucket larger than this is not confirmed pair by pair

    def __post_init__(self):
        # a value out of range finds no pair (threshold=2) or fails deep in datasketch after the per-report work
        _whole("ReuseOptions", self, ("min_cjk", 0), ("max_chars", 1), ("num_perm", 2), ("shingle_size", 1),
               ("seed", 0), ("boilerplate_min_towns", 1), ("boilerplate_max_towns", self.boilerplate_min_towns),
               ("max_bucket", 2))
        _share("ReuseOptions", self, "threshold", "lsh_threshold", "boilerplate_coverage")
        _share("ReuseOptions", self, "boilerplate_share", low=0.0)  # 0: the fewest towns alone decide

    @property
    def per_report(self) -> tuple:
        """The options the per-report passages and fingerprints depend on (their cache key)."""
        return self.min_cjk, self.max_chars, self.num_perm, self.shingle_size, self.seed


@dataclass(frozen=True)
class ThemeOptions:
    """How shortcoming items are clustered into themes (reportkit.shortcomings explains each)."""

    k: int | None = None  # number of clusters; None: chosen by silhouette within k_range
    k_range: tuple[int, int] = (2, 8)
    method: Literal["kmeans", "agglomerative"] = "kmeans"
    mode: Literal["hybrid", "clusters", "items"] = "hybrid"
    guide: float = 1.0  # weight of the theme list's keywords in the clustering (0: plain tf-idf)
    lead_weight: float = 10.0  # what a keyword in the item's lead clause counts (1 elsewhere)
    min_coverage: float = 0.5  # share of a cluster's matching members that must name its theme
    # tf-idf cosine with a themed cluster-mate that passes its theme to an item no keyword matches. At 0.2,
    # 13 of the 5,455 written items took a theme so, and 12 wrongly (cosines 0.20-0.42: 基层减负 items took
    # disclosure from 台账 and 照片, an economy's 考核指标 from 考核指标设置偏软); the right one, a near copy, 0.61.
    min_similarity: float = 0.5
    n_terms: int = 5  # top terms that name a cluster
    random_state: int = 0
    # Clusters are fitted on at most this many items (the first in doc_id order: a random sample,
    # the same whatever order the files come in); the others go to the nearest cluster. None: all.
    fit_items: int | None = 4000
    # A build that finds the corpus grown (or shrunk) by less than this share since the clusters
    # were fitted keeps them and gives the new items the nearest cluster (a larger change, or
    # `build(..., refit_themes=True)`, fits them again). A corpus whose items all fit in the sample
    # is always fitted again, so its themes are those of a build from scratch.
    refit_share: float = 0.1

    def __post_init__(self):
        # checked here, not after every report has been parsed (k=0 failed only when the clusters were fitted)
        if self.k is not None:
            _whole("ThemeOptions", self, ("k", 1))
        if (not isinstance(self.k_range, (tuple, list)) or len(self.k_range) != 2
                or not all(_is_whole(v) and v >= 1 for v in self.k_range) or self.k_range[0] > self.k_range[1]):
            raise ValueError(f"ThemeOptions.k_range must be (fewest, most) clusters, 1 ≤ fewest ≤ most, "
                             f"not {self.k_range!r}")
        for name, allowed in (("method", ("kmeans", "agglomerative")), ("mode", ("hybrid", "clusters", "items"))):
            if getattr(self, name) not in allowed:
                raise ValueError(f"ThemeOptions.{name} must be one of {', '.join(allowed)}, not {getattr(self, name)!r}")
        _whole("ThemeOptions", self, ("n_terms", 1))
        if self.random_state is not None:
            _whole("ThemeOptions", self, ("random_state", 0))
        if self.fit_items is not None:
            _whole("ThemeOptions", self, ("fit_items", 1))
        _share("ThemeOptions", self, "min_coverage", "min_similarity", low=0.0)
        for name in ("guide", "lead_weight", "refit_share"):
            value = getattr(self, name)
            if not _is_number(value) or value < 0 or (name != "guide" and value == 0):
                raise ValueError(f"ThemeOptions.{name} must be a number above 0{' (or 0)' if name == 'guide' else ''}, "
                                 f"not {value!r}")


def _is_whole(value) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _whole(owner: str, options, *fields: tuple[str, int]) -> None:
    """Refuse each field of OPTIONS that is not a whole number at least its least value."""
    for name, least in fields:
        value = getattr(options, name)
        if not _is_whole(value) or value < least:
            raise ValueError(f"{owner}.{name} must be a whole number, {least} or more, not {value!r}")


def _share(owner: str, options, *names: str, low: float | None = None) -> None:
    """Refuse each field of OPTIONS that is no share: above 0 (or at least LOW) and at most 1."""
    for name in names:
        value = getattr(options, name)
        if not _is_number(value) or value > 1 or (value <= 0 if low is None else value < low):
            bound = "above 0" if low is None else f"{low:g} or more"
            raise ValueError(f"{owner}.{name} must be a share, {bound} and at most 1, not {value!r}")


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build's results depend on besides the files and the resources.

    It travels to every stage (and to the worker processes) and into the cache keys: each
    stage's key holds the part of it the stage reads, so changing an option recomputes
    exactly the work that depends on it.
    """

    limits: Limits = field(default_factory=Limits)
    tokenizer: str = field(default_factory=default_engine)  # jieba or rjieba
    reuse: ReuseOptions = field(default_factory=ReuseOptions)
    themes: ThemeOptions = field(default_factory=ThemeOptions)
    jobs: int | None = None  # worker processes; None: one per core

    def __post_init__(self):
        for name, kind in (("limits", Limits), ("reuse", ReuseOptions), ("themes", ThemeOptions)):
            if not isinstance(getattr(self, name), kind):  # a dict failed deep in the cache's code
                raise TypeError(f"BuildConfig.{name} must be a reportkit.{kind.__name__}, "
                                f"not {type(getattr(self, name)).__name__}")
        if self.tokenizer not in ENGINES:
            raise ValueError(f"tokenizer must be one of {', '.join(ENGINES)}, not {self.tokenizer!r}")
        if self.tokenizer == "rjieba":
            # without it every report failed as an internal error, and the build replaced the tables with none
            try:
                import rjieba  # noqa: F401
            except ImportError:
                raise ValueError("tokenizer 'rjieba' needs the optional package: pip install 'reportkit[fast]' "
                                 "(or tokenizer 'jieba'; REPORTKIT_TOKENIZER may have chosen it)") from None
        # jobs=-1 (joblib's "all cores") or 0 would be taken as a count: None is all cores
        if self.jobs is not None and (isinstance(self.jobs, bool) or not isinstance(self.jobs, Integral) or self.jobs < 1):
            raise ValueError(f"jobs must be a whole number of worker processes, 1 or more (None: one per core), "
                             f"not {self.jobs!r}")
