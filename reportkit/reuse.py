"""Near-duplicate passages between reports, and how original each report is.

Reviewers criticise *formalism*: passages copied from another town's report (or from
the same town's report of last year) with only the name and the figures changed.
This module finds such passages across a whole corpus and says, per report, what
share of its text it does not share with any other report.

Pipeline
--------
1. ``passages(doc_id, text, town=..., county=...)`` (per document, pure, cacheable):
   split the normalised text at 。！？； and newlines, merge clauses shorter than
   ``min_cjk`` CJK characters into their neighbour on the same line, cut overlong
   comma-only paragraphs into ~100-character chunks and drop what is still shorter
   than ``min_cjk``. ``masked`` is the *comparison form*: the document's own town and
   county (and their stems: 里心镇 → 里心), 我镇/本乡/全镇…, and generic place names
   (two characters + 乡/镇/街道/村/县/区) become ``@``; counts (arabic digits,
   Chinese numerals before a measure word, and the ``*``/``×`` placeholders of
   sample reports, as in 召开会议*次) become ``#``; punctuation and spaces go, so
   that ASCII and full-width commas do not hide a copy.
2. ``fingerprints(passages)`` (per document, pure, cacheable): MinHash signatures of
   the set of character ``shingle_size``-grams of ``masked``.
3. ``reuse_tables(documents)`` (corpus-wide): LSH banding of the signatures gives
   candidate pairs (never all pairs); each candidate is confirmed with the exact
   Jaccard similarity of the two shingle sets (``threshold``, default 0.5).

Why MinHash + LSH rather than winnowing: reuse here is sentence-sized and the edits
are substitutions (names, figures, a word or two), which Jaccard on short shingles
measures directly, and LSH gives candidates in time linear in the number of
passages. Winnowing (MOSS) finds shared *substrings* of a minimum length; it is the
better tool for long verbatim runs inside otherwise different text, but needs a
second step to turn fingerprint hits into passage pairs.

Why our own numpy MinHash instead of ``datasketch.MinHash`` objects: a corpus of
10,000 reports has ~1M passages. ``MinHash.bulk`` makes one Python hash call per
shingle and one object per passage, and ``MinHashLSH.insert``/``query`` are Python
calls per passage and band; hashing all shingles of a batch of passages at once with
numpy (rolling polynomial hash → splitmix64 → ``num_perm`` multiply-shift
permutations → ``np.minimum.reduceat``) is several times faster, gives plain arrays
that cache well, and is identical in every process (fixed seed, no PYTHONHASHSEED). The banding parameters (``b`` bands of ``r``
rows) are the ones ``datasketch.MinHashLSH`` chooses for ``lsh_threshold`` and
``num_perm``, and the buckets are formed by sorting the band keys of all passages.

Boilerplate
-----------
Stock formulae (以习近平新时代中国特色社会主义思想为指导…) are not reuse. A passage is
boilerplate when (a) phrases of ``reportkit/resources/boilerplate.txt`` (one phrase
a line, ``#`` comments; optional) cover at least ``boilerplate_coverage`` of its
comparison form, or (b) it is found (confirmed pairs, or an LSH bucket too big to
confirm pair by pair) in the reports of at least ``min_df`` different *towns*, where
``min_df = max(boilerplate_min_towns, ceil(boilerplate_share * n_towns))`` capped at
``boilerplate_max_towns`` (fields of ``ReuseOptions``). Towns, not reports, are counted, so that a town repeating
its own text every year does not make it a formula (that is same-town-other-year
reuse). With five towns a sentence in three of them is a formula; in any corpus a
sentence found in 50 different towns is one too. The cap (50) matters from ~170 towns
on: a sentence in 20 % of 600 towns' reports (stock text of a widely copied model
report) would otherwise be reported as reuse between every pair of its ~200 reports,
~20,000 pairs per sentence, which nobody reads and which made the reuse step quadratic
(2.2 million pairs for 1,000 synthetic reports). With fewer than ``boilerplate_min_towns`` towns only the list can flag
boilerplate, so tiny corpora report shared formulae as reuse unless they are listed.
Boilerplate is reported in its own table (``boilerplate``: one row per passage, since
a formula shared by thousands of reports would make millions of pairs) and never in
``reuse``; ``originality`` leaves boilerplate passages out of both numerator and
denominator, so a report is not rewarded or punished for its formulae.

Similarity
----------
``similarity`` is the exact Jaccard similarity of the two passages' sets of 4-character
shingles of the comparison form; pairs at or above ``threshold`` = 0.5 are reuse. A
sentence copied with only names and figures changed scores ~1.0; one with two words
of a 40-character sentence rewritten scores ~0.55; unrelated sentences of the same
genre rarely pass 0.3. LSH candidates are generated at ``lsh_threshold`` = 0.3
(64 permutations: 21 bands of 3 rows, P(candidate) ≈ 0.94 at J = 0.5, 0.99 at 0.6).
A sentence *contained* in a longer one (one report splits with ；, the other does not)
scores lower than its containment and may be missed.
"""
from __future__ import annotations

import logging
import math
from typing import Literal

import numpy as np
import pandas as pd

from . import schema
from .config import ReuseOptions

# The per-report half (steps 1 and 2, and list boilerplate), kept apart so that the build's
# per-report stage does not depend on the corpus-wide code; its public names are also ours.
from .reuse_passages import (  # noqa: F401
    HEADING_MAX_CHARS,
    NUMBER_MARK,
    PASSAGE_COLUMNS,
    PLACE_MARK,
    _shingle_hashes,
    _signature_matrix,
    _splitmix64,
    boilerplate_coverage,
    corpus_passages,
    fingerprints,
    form_hashes,
    mask_text,
    passages,
)

log = logging.getLogger(__name__)

REUSE_COLUMNS = schema.table("reuse").names
ORIGINALITY_COLUMNS = schema.table("originality").names
BOILERPLATE_COLUMNS = schema.table("boilerplate").names
Kind = Literal["same-town-other-year", "other-town", "same-town-same-year"]


def min_docs_for_boilerplate(n_docs: int, *, share: float = 0.3, min_docs: int = 3, max_docs: int = 50) -> int:
    """Document frequency from which a passage counts as a stock formula.

    ``max(min_docs, ceil(share * n_docs))`` capped at ``max_docs`` (never below min_docs).

    >>> min_docs_for_boilerplate(5), min_docs_for_boilerplate(100), min_docs_for_boilerplate(10_000)
    (3, 30, 50)
    """
    return max(min_docs, min(max_docs, math.ceil(share * n_docs)))


# ------------------------------------------------------------------------------ LSH


def lsh_bands(num_perm: int, lsh_threshold: float) -> tuple[int, int]:
    """(bands, rows) that datasketch.MinHashLSH picks for LSH_THRESHOLD and NUM_PERM."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """LSH band keys (bands × passages, uint64) of signature rows SIGS: band b hashes its ROWS
    values together with b, so equal keys mean equal values in that band (and keys of different
    bands never meet)."""
    n = len(sigs)
    keys = np.empty((bands, n), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = sigs[:, band * rows : (band + 1) * rows].astype(np.uint64)
            h = np.full(n, np.uint64(band + 1) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
            for col in range(block.shape[1]):
                h = _splitmix64(h ^ block[:, col])
            keys[band] = h
    return keys


# Candidates whose MinHash estimate is this far below THRESHOLD are not confirmed: with
# 64 permutations the estimate's standard error is <= 0.0625, so a pair at the
# threshold is dropped with probability < 1e-4, and most candidates go cheaply.
ESTIMATE_MARGIN = 0.25


def _shingle_set(masked: str, k: int) -> frozenset[str]:
    if len(masked) <= k:
        return frozenset([masked]) if masked else frozenset()
    return frozenset(masked[i : i + k] for i in range(len(masked) - k + 1))


def _same_town(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    """Same town: equal town names and, when both counties are known, equal counties."""
    town_a, town_b = a["town"].to_numpy(dtype=object), b["town"].to_numpy(dtype=object)
    county_a, county_b = a["county"].to_numpy(dtype=object), b["county"].to_numpy(dtype=object)
    known = np.array([isinstance(t, str) and bool(t) for t in town_a]) & np.array(
        [isinstance(t, str) and bool(t) for t in town_b])
    same = known & (town_a == town_b)
    both_county = np.array([isinstance(c, str) and bool(c) for c in county_a]) & np.array(
        [isinstance(c, str) and bool(c) for c in county_b])
    return same & (~both_county | (county_a == county_b))


def _town_keys(meta: pd.DataFrame) -> list[str]:
    """County|town of each report; a report without a town is a town of its own."""
    # Lists, not the columns: iterating an Arrow-backed column yields one element at a time (slow).
    return [f"{c if isinstance(c, str) else ''}|{t}" if isinstance(t, str) and t else f"doc:{d}"
            for d, t, c in zip(meta.index.tolist(), meta["town"].tolist(), meta["county"].tolist())]


def _doc_meta(documents: pd.DataFrame) -> pd.DataFrame:
    meta = pd.DataFrame({"doc_id": documents["doc_id"].astype(object)})
    for col in ("town", "county", "year"):
        meta[col] = documents[col].to_numpy(dtype=object) if col in documents else None
    meta["year"] = pd.to_numeric(meta["year"], errors="coerce")
    return meta.drop_duplicates("doc_id").set_index("doc_id")


def reuse_tables(
    documents: pd.DataFrame,
    options: ReuseOptions | None = None,
    *,
    passages_table: pd.DataFrame | None = None,
    fingerprints_table: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Passages, boilerplate, reuse and originality of a corpus in one pass.

    DOCUMENTS needs ``doc_id`` and ``text`` (normalised); ``town``, ``county`` and
    ``year`` are used when present. OPTIONS (a `ReuseOptions`; its defaults when None) set the
    thresholds. PASSAGES_TABLE / FINGERPRINTS_TABLE are the concatenated outputs of
    `passages` / `fingerprints` (e.g. from the build cache); they are computed when not given.

    Returns ``{"passages", "boilerplate", "reuse", "originality"}``; see
    `find_reuse` and `originality` for the columns. (Computed by a `reuse_index.ReuseIndex` in a
    temporary folder; a build keeps its index between builds and updates it.)
    """
    import tempfile
    from pathlib import Path

    from .reuse_index import ReuseIndex

    options = options or ReuseOptions()
    pas = (corpus_passages(documents, min_cjk=options.min_cjk, max_chars=options.max_chars) if passages_table is None
           else passages_table.reset_index(drop=True))
    order = pas[["doc_id", "passage_no"]].sort_values(["doc_id", "passage_no"], kind="stable").index.to_numpy()
    pas = pas.take(order).reset_index(drop=True)
    fps = (fingerprints(pas, num_perm=options.num_perm, shingle_size=options.shingle_size, seed=options.seed)
           if fingerprints_table is None else fingerprints_table)
    with tempfile.TemporaryDirectory(prefix="reportkit-reuse-") as folder:
        index = ReuseIndex(Path(folder), options)
        index.update(_doc_meta(documents).reset_index(), [(pas, fps)])
        flags = index.flags()  # per passage id, i.e. per row of PAS (the index's first passages)
        reuse = index.reuse_table()
        orig = index.originality_table()
    is_boiler = flags["is_boiler"]
    boiler = pas.loc[is_boiler, ["doc_id", "passage_no", "start", "end", "text"]].copy()
    boiler["n_towns"] = flags["n_towns"][is_boiler]
    by_list, by_df = flags["by_list"][is_boiler], flags["by_df"][is_boiler]
    boiler["source"] = np.where(by_list & by_df, "both", np.where(by_list, "list", "frequency"))
    return {"passages": pas, "boilerplate": boiler.reset_index(drop=True)[BOILERPLATE_COLUMNS], "reuse": reuse,
            "originality": orig[ORIGINALITY_COLUMNS]}


def _count_distinct(groups: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """Number of distinct VALUES (non-negative ints) per group id in 0..N_GROUPS-1."""
    if not len(groups):
        return np.zeros(n_groups, dtype=np.int64)
    width = np.int64(values.max()) + 1
    keys = groups.astype(np.int64) * width + values.astype(np.int64)
    if n_groups * int(width) <= _DENSE_CELLS:  # few groups (an update's touched buckets): a table, no sort
        seen = np.zeros(n_groups * int(width), bool)
        seen[keys] = True
        return seen.reshape(n_groups, int(width)).sum(axis=1).astype(np.int64)
    return np.bincount(_unique(keys) // width, minlength=n_groups)


_DENSE_CELLS = 1 << 22  # group × value cells up to which `_count_distinct` marks a table instead of sorting


def _unique(keys: np.ndarray) -> np.ndarray:
    """Sorted distinct values of an int64 array (sort-based: numpy's hash-based unique was ~10 x slower here)."""
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def _pairs_within(groups: np.ndarray, items: np.ndarray, docs: np.ndarray, *, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (a, b), a < b, of ITEMS in the same group and of different DOCS (GROUPS sorted)."""
    m = len(groups)
    if m < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    sizes = np.diff(np.r_[starts, m])
    later = np.repeat(starts + sizes, sizes) - np.arange(m) - 1  # members after each one in its group
    left = np.repeat(np.arange(m), later)
    right = left + 1 + (np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later))
    other_doc = docs[left] != docs[right]
    a, b = items[left[other_doc]], items[right[other_doc]]
    key = _unique(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
    return key // n, key % n


def _confirm(masked: np.ndarray, p_a: np.ndarray, p_b: np.ndarray, *, shingle_size: int,
             chunk: int = 1 << 12) -> np.ndarray:  # chunk < 2**16: see the key below
    """Exact Jaccard similarity of the shingle sets of MASKED[p_a[i]] and MASKED[p_b[i]].

    Shingles are compared by their 64-bit hashes (`_shingle_hashes`), in chunks of pairs,
    so memory stays flat (Python sets of every candidate's shingles took ~750 MB at 10,000
    reports); two distinct shingles of one pair share the 48 bits compared with probability
    ~1e-10 (100-shingle passages), i.e. a similarity is off by one shingle once in ~10^10 pairs.
    """
    if not len(p_a):
        return np.zeros(0, dtype=float)
    form = pd.factorize(masked)[0]
    nonempty = np.fromiter((bool(m) for m in masked), bool, len(masked))
    return _confirm_forms(form, nonempty, lambda idx: [masked[i] for i in idx], p_a, p_b,
                          shingle_size=shingle_size, chunk=chunk)


def _confirm_forms(form: np.ndarray, nonempty: np.ndarray, get_masked, p_a: np.ndarray, p_b: np.ndarray, *,
                   shingle_size: int, chunk: int = 1 << 12) -> np.ndarray:
    """`_confirm` on comparison forms given by FORM (equal ids, equal forms), NONEMPTY (the form is
    not empty) and GET_MASKED (indices → their forms; asked only for one passage of each form).
    CHUNK pairs are compared at a time: their shingles, a few hundred a pair, are sorted together
    (32,768 pairs took ~400 MB at once, the largest allocation of a national cold build)."""
    sims = np.zeros(len(p_a), dtype=float)
    if not len(p_a):
        return sims
    # Identical comparison forms (stock text, copies with only names and figures changed) are
    # most candidates: their similarity is 1 without comparing shingles.
    same = (form[p_a] == form[p_b]) & nonempty[p_a]
    sims[same] = 1.0
    rest = np.flatnonzero(~same)
    if not len(rest):
        return sims
    # Similarity depends on the two forms only, and the variants of a stock paragraph meet
    # again and again: each distinct pair of forms is compared once, through a representative.
    n_forms = int(form.max()) + 1
    fa, fb = form[p_a[rest]].astype(np.int64), form[p_b[rest]].astype(np.int64)
    key = np.minimum(fa, fb) * n_forms + np.maximum(fa, fb)
    order = np.argsort(key, kind="stable")
    new_key = np.r_[True, key[order][1:] != key[order][:-1]]
    inverse = np.empty(len(key), dtype=np.int64)
    inverse[order] = np.cumsum(new_key) - 1
    unique_keys = key[order][new_key]
    representative = np.empty(n_forms, dtype=np.int64)
    representative[form[::-1]] = np.arange(len(form) - 1, -1, -1)  # first passage of each form
    p_a, p_b = representative[unique_keys // n_forms], representative[unique_keys % n_forms]
    need = _unique(np.concatenate([p_a, p_b]).astype(np.int64))
    hashes, first = _shingle_hashes(list(get_masked(need)), shingle_size)
    owner = np.repeat(np.arange(len(need)), np.diff(np.append(first, len(hashes))))
    order = np.lexsort((hashes, owner))
    hashes, owner = hashes[order], owner[order]
    distinct = np.r_[True, (hashes[1:] != hashes[:-1]) | (owner[1:] != owner[:-1])]
    hashes, owner = hashes[distinct], owner[distinct]
    size = np.bincount(owner, minlength=len(need))
    begin = np.cumsum(size) - size
    ia, ib = np.searchsorted(need, p_a), np.searchsorted(need, p_b)
    out = np.zeros(len(p_a), dtype=float)
    for i in range(0, len(p_a), chunk):
        a, b = ia[i : i + chunk], ib[i : i + chunk]
        m = len(a)
        # One sortable key per shingle of either side: pair number in the top 16 bits, 48 bits of
        # the shingle's hash below; an equal neighbour after sorting is a shared shingle.
        pair = np.concatenate([np.repeat(np.arange(m, dtype=np.uint64), size[a]),
                               np.repeat(np.arange(m, dtype=np.uint64), size[b])])
        key = hashes[np.concatenate([_ranges(begin[a], size[a]), _ranges(begin[b], size[b])])]
        key = np.sort((pair << np.uint64(48)) | (key >> np.uint64(16)), kind="stable")  # radix sort
        dup = key[1:] == key[:-1]
        inter = np.bincount((key[1:][dup] >> np.uint64(48)).astype(np.int64), minlength=m)
        union = size[a] + size[b] - inter
        out[i : i + m] = np.where((size[a] > 0) & (size[b] > 0), inter / np.maximum(union, 1), 0.0)
    sims[rest] = out[inverse]
    return sims


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + n) for each (s, n)."""
    total = int(lengths.sum())
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(total)

def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _originality(doc_ids, pas: pd.DataFrame, reuse: pd.DataFrame, boiler: pd.DataFrame) -> pd.DataFrame:
    keys = pd.MultiIndex.from_frame(pas[["doc_id", "passage_no"]])
    boiler_keys = pd.MultiIndex.from_frame(boiler[["doc_id", "passage_no"]])
    own = pas.loc[~keys.isin(boiler_keys), ["doc_id", "passage_no", "start", "end"]].copy()
    own["n"] = own["end"] - own["start"]
    sides = pd.concat([
        reuse[["doc_a", "passage_no_a", "doc_b"]].set_axis(["doc_id", "passage_no", "other"], axis=1),
        reuse[["doc_b", "passage_no_b", "doc_a"]].set_axis(["doc_id", "passage_no", "other"], axis=1),
    ], ignore_index=True)
    shared_keys = pd.MultiIndex.from_frame(sides[["doc_id", "passage_no"]].drop_duplicates())
    own["shared"] = pd.MultiIndex.from_frame(own[["doc_id", "passage_no"]]).isin(shared_keys)
    n_compared = own.groupby("doc_id")["n"].sum()
    n_shared = own[own["shared"]].groupby("doc_id")["n"].sum()
    n_other = sides.groupby("doc_id")["other"].nunique()
    out = pd.DataFrame({"doc_id": pd.Index(doc_ids, dtype=object)})
    out["n_chars_compared"] = out["doc_id"].map(n_compared).fillna(0).astype("int64")
    out["n_chars_shared"] = out["doc_id"].map(n_shared).fillna(0).astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        out["originality"] = np.where(out["n_chars_compared"] > 0,
                                      1.0 - out["n_chars_shared"] / out["n_chars_compared"].where(out["n_chars_compared"] > 0),
                                      np.nan).round(4)
    out["n_reports_shared"] = out["doc_id"].map(n_other).fillna(0).astype("int64")
    return out.sort_values("doc_id", kind="stable").reset_index(drop=True)[ORIGINALITY_COLUMNS]


# ------------------------------------------------------------------------- public API


def find_reuse(documents: pd.DataFrame, options: ReuseOptions | None = None) -> pd.DataFrame:
    """Confirmed near-duplicate passage pairs between different reports (boilerplate excluded).

    Columns ``doc_a, doc_b, passage_no_a, passage_no_b, similarity, kind``: ``passage_no_*`` are
    ``passage_no`` of `passages`; ``similarity`` is the exact Jaccard similarity of the
    passages' shingle sets (≥ ``options.threshold``); ``doc_a`` is the earlier report (year, then
    doc_id), so read a row as "doc_b repeats doc_a". ``kind`` is ``same-town-other-year``,
    ``same-town-same-year`` (same town, and same county when both are known) or
    ``other-town`` (also when a town is unknown). Sorted by doc_a, doc_b, passage_no_a,
    passage_no_b. OPTIONS: a `ReuseOptions` (as for `reuse_tables`).
    """
    return reuse_tables(documents, options)["reuse"]


def find_boilerplate(documents: pd.DataFrame, options: ReuseOptions | None = None) -> pd.DataFrame:
    """Passages recognised as stock formulae: ``doc_id, passage_no, start, end, text, n_towns, source``.

    ``n_towns`` is the number of towns whose reports hold the passage (its own town
    included; from confirmed pairs, or the largest LSH bucket when that is too big to
    confirm: a lower bound); ``source`` is list | frequency | both. OPTIONS: a `ReuseOptions`.
    """
    return reuse_tables(documents, options)["boilerplate"]


def originality(
    documents: pd.DataFrame,
    reuse: pd.DataFrame,
    *,
    boilerplate: pd.DataFrame | None = None,
    passages_table: pd.DataFrame | None = None,
    options: ReuseOptions | None = None,
) -> pd.DataFrame:
    """Per report: ``doc_id, n_chars_compared, n_chars_shared, originality, n_reports_shared``.

    ``n_chars_compared`` counts the characters of the report's comparable passages that are not
    boilerplate (headings and fragments under ``min_cjk`` CJK characters, and stock
    formulae, count neither as own nor as shared text); ``n_chars_shared`` those of its
    passages that appear in REUSE (any kind); ``originality = 1 - shared / compared``
    (NaN without comparable text); ``n_reports_shared`` the number of other reports it
    shares passages with. BOILERPLATE (from `find_boilerplate`) and PASSAGES_TABLE are
    recomputed (with OPTIONS) when not given.
    """
    meta = _doc_meta(documents)
    if boilerplate is None or passages_table is None:
        tables = reuse_tables(documents, options, passages_table=passages_table)
        boilerplate = tables["boilerplate"] if boilerplate is None else boilerplate
        passages_table = tables["passages"]
    return _originality(meta.index, passages_table, reuse, boilerplate)
