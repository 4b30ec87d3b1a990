"""The corpus-wide reuse computation as it was before issue 18 (all passages in memory, from
scratch): the oracle that `reportkit.reuse_index` (cold and incremental) must match exactly.

Test code only; the library computes reuse with `reportkit.reuse_index.ReuseIndex`.
"""
from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from reportkit.config import ReuseOptions
from reportkit.reuse import (
    BOILERPLATE_COLUMNS,
    ESTIMATE_MARGIN,
    ORIGINALITY_COLUMNS,
    _confirm,
    _count_distinct,
    _doc_meta,
    _originality,
    _pairs_within,
    _same_town,
    _signature_matrix,
    _town_keys,
    band_keys,
    boilerplate_coverage,
    corpus_passages,
    fingerprints,
    lsh_bands,
    min_docs_for_boilerplate,
)

log = logging.getLogger(__name__)


def _bucket_rows(sigs: np.ndarray, *, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """(bucket id, passage index) of every passage that shares a band with another one."""
    n = len(sigs)
    keys = band_keys(sigs, bands, rows).ravel()
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    same_next = keys[1:] == keys[:-1]
    shared = np.zeros(len(keys), dtype=bool)
    shared[1:] |= same_next
    shared[:-1] |= same_next
    del same_next
    # Row i of band j is position j * n + i of KEYS: the passage is the position modulo n.
    keys, index = keys[shared], order[shared] % n
    bucket = np.cumsum(np.r_[True, keys[1:] != keys[:-1]]) - 1 if len(keys) else np.zeros(0, np.int64)
    return bucket, index


def _estimated_jaccard(sigs: np.ndarray, a: np.ndarray, b: np.ndarray, *, chunk: int = 1 << 16) -> np.ndarray:
    """Share of equal MinHash values of passage pairs (A[i], B[i])."""
    out = np.empty(len(a), dtype=float)
    for i in range(0, len(a), chunk):
        out[i : i + chunk] = (sigs[a[i : i + chunk]] == sigs[b[i : i + chunk]]).mean(axis=1)
    return out


def reference_reuse_tables(
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
    `find_reuse` and `originality` for the columns.
    """
    options = options or ReuseOptions()
    meta = _doc_meta(documents)
    pas = corpus_passages(documents, min_cjk=options.min_cjk, max_chars=options.max_chars) if passages_table is None else passages_table.reset_index(drop=True)
    order = pas[["doc_id", "passage_no"]].sort_values(["doc_id", "passage_no"], kind="stable").index.to_numpy()
    if fingerprints_table is None:
        pas = pas.take(order).reset_index(drop=True)
        sigs = _signature_matrix(fingerprints(pas, num_perm=options.num_perm, shingle_size=options.shingle_size,
                                                 seed=options.seed))
    else:
        sigs = _aligned_signatures(pas, fingerprints_table)[order]
        pas = pas.take(order).reset_index(drop=True)
    bands, rows = lsh_bands(sigs.shape[1], options.lsh_threshold)
    doc_codes, doc_uniques = pd.factorize(pas["doc_id"], sort=True)
    # Document frequency counts towns, not reports: a town repeating itself every year
    # does not turn its own text into a formula of the genre.
    town_of_doc = _town_keys(meta.reindex(doc_uniques))
    town_codes = pd.factorize(pd.Series(town_of_doc, dtype=object))[0][doc_codes]
    n_towns = len(set(_town_keys(meta)))
    min_df = min_docs_for_boilerplate(n_towns, share=options.boilerplate_share, min_docs=options.boilerplate_min_towns,
                                      max_docs=options.boilerplate_max_towns)

    bucket, index = _bucket_rows(sigs, bands=bands, rows=rows)
    n_buckets = int(bucket.max()) + 1 if len(bucket) else 0
    doc_m, town_m = doc_codes[index], town_codes[index]
    n_docs_b = _count_distinct(bucket, doc_m, n_buckets)[bucket]
    n_towns_b = _count_distinct(bucket, town_m, n_buckets)[bucket]
    size_b = np.bincount(bucket, minlength=n_buckets)[bucket]
    shared = n_docs_b >= 2
    # A bucket too big to confirm pair by pair that spans min_df towns is a formula.
    big = shared & (size_b > options.max_bucket) & (n_towns_b >= min_df)
    by_bucket = np.zeros(len(pas), dtype=bool)
    by_bucket[index[big]] = True
    bucket_towns = np.ones(len(pas), dtype=np.int64)
    np.maximum.at(bucket_towns, index[big], n_towns_b[big])

    # Candidate pairs: members of the same bucket from different reports, confirmed exactly.
    cand = shared & ~big & ~by_bucket[index]
    p_a, p_b = _pairs_within(bucket[cand], index[cand], doc_m[cand], n=len(pas))
    log.info("reuse: %d passages, %d bands x %d rows, %d candidate pairs, boilerplate from %d docs",
             len(pas), bands, rows, len(p_a), min_df)

    keep = _estimated_jaccard(sigs, p_a, p_b) >= options.threshold - ESTIMATE_MARGIN
    del sigs, bucket, index, doc_m, town_m, n_docs_b, n_towns_b, size_b, cand, big
    p_a, p_b = p_a[keep], p_b[keep]
    sims = _confirm(pas["masked"].to_numpy(dtype=object), p_a, p_b, shingle_size=options.shingle_size)
    keep = sims >= options.threshold
    pairs = pd.DataFrame({"p_a": p_a[keep], "p_b": p_b[keep], "similarity": sims[keep]})

    # Town frequency of a passage: its own town plus the towns it is confirmed in.
    p_all = np.concatenate([pairs["p_a"].to_numpy(), pairs["p_b"].to_numpy(), np.arange(len(pas))])
    other = np.concatenate([pairs["p_b"].to_numpy(), pairs["p_a"].to_numpy(), np.arange(len(pas))])
    confirmed = _count_distinct(p_all, town_codes[other], len(pas))
    n_docs_like = np.maximum(bucket_towns, confirmed)
    # The list's coverage depends on the comparison form only: computed once per distinct form.
    form, forms = pd.factorize(pas["masked"].to_numpy(dtype=object))
    coverage = boilerplate_coverage(pd.Series(forms, dtype=object)).to_numpy()[form] if len(forms) else np.zeros(0)
    by_list = coverage >= options.boilerplate_coverage
    by_df = by_bucket | (n_docs_like >= min_df)
    is_boiler = by_list | by_df
    pairs = pairs[~is_boiler[pairs["p_a"].to_numpy()] & ~is_boiler[pairs["p_b"].to_numpy()]]

    reuse = _reuse_frame(pairs, pas, meta)
    boiler = pas.loc[is_boiler, ["doc_id", "passage_no", "start", "end", "text"]].copy()
    boiler["n_towns"] = n_docs_like[is_boiler]
    boiler["source"] = np.where(by_list[is_boiler] & by_df[is_boiler], "both",
                                np.where(by_list[is_boiler], "list", "frequency"))
    boiler = boiler.reset_index(drop=True)[BOILERPLATE_COLUMNS]
    return {
        "passages": pas,
        "boilerplate": boiler,
        "reuse": reuse,
        "originality": _originality(meta.index, pas, reuse, boiler),
    }


def _aligned_signatures(pas: pd.DataFrame, fingerprints_table: pd.DataFrame) -> np.ndarray:
    """Signature rows in the order of PAS (a merge only when the tables are not already aligned)."""
    if len(fingerprints_table) == len(pas) and np.array_equal(
            fingerprints_table["passage_no"].to_numpy(), pas["passage_no"].to_numpy()) and np.array_equal(
            fingerprints_table["doc_id"].to_numpy(dtype=object), pas["doc_id"].to_numpy(dtype=object)):
        return _signature_matrix(fingerprints_table)
    return _signature_matrix(pas[["doc_id", "passage_no"]].merge(
        fingerprints_table, on=["doc_id", "passage_no"], how="left", validate="one_to_one"))


def _reuse_frame(pairs: pd.DataFrame, pas: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Orient pairs earlier report → later report, label the kind, sort deterministically."""
    if pairs.empty:
        return pd.DataFrame({"doc_a": pd.Series(dtype=object), "doc_b": pd.Series(dtype=object),
                             "passage_no_a": pd.Series(dtype="int64"), "passage_no_b": pd.Series(dtype="int64"),
                             "similarity": pd.Series(dtype=float), "kind": pd.Series(dtype=object)})
    pa, pb = pairs["p_a"].to_numpy(), pairs["p_b"].to_numpy()
    doc_a = pas["doc_id"].to_numpy(dtype=object)[pa]
    doc_b = pas["doc_id"].to_numpy(dtype=object)[pb]
    ma, mb = meta.loc[doc_a], meta.loc[doc_b]
    # doc_a is the earlier report (the likely source); unknown years sort last, ties by doc_id.
    year_a = ma["year"].fillna(np.inf).to_numpy(dtype=float)
    year_b = mb["year"].fillna(np.inf).to_numpy(dtype=float)
    swap = (year_b < year_a) | ((year_b == year_a) & (doc_b < doc_a))
    first = np.where(swap, pb, pa)
    second = np.where(swap, pa, pb)
    same_town = _same_town(ma, mb)
    same_year = (ma["year"].to_numpy(dtype=float) == mb["year"].to_numpy(dtype=float))
    kind = np.where(~same_town, "other-town", np.where(same_year, "same-town-same-year", "same-town-other-year"))
    out = pd.DataFrame({
        "doc_a": pas["doc_id"].to_numpy(dtype=object)[first],
        "doc_b": pas["doc_id"].to_numpy(dtype=object)[second],
        "passage_no_a": pas["passage_no"].to_numpy(dtype="int64")[first],
        "passage_no_b": pas["passage_no"].to_numpy(dtype="int64")[second],
        "similarity": pairs["similarity"].to_numpy(dtype=float).round(4),
        "kind": kind.astype(object),
    })
    return out.sort_values(["doc_a", "doc_b", "passage_no_a", "passage_no_b"], kind="stable").reset_index(drop=True)
