"""Shortcoming themes: every item of the corpus clustered, and given a theme.

`shortcoming_items` (reportkit.item_cutting, re-exported here) cuts the items of each report
from its sections table (``doc_id, item_no, text, headline``); `cluster_shortcomings` adds
``cluster, cluster_terms, theme, theme_label, theme_score`` to the items of the whole corpus, from
each item's keyword scores (reportkit.theme_words) and its cluster.

How it works, and what to expect from it
-----------------------------------------
1. **Keyword affinities.** ``resources/themes.csv`` (theme, label_zh, keywords separated by
   ``|``) lists the known themes. Each item gets a score per theme: one point per keyword found in
   the item, and ``lead_weight`` points when the keyword is in the item's *lead clause* (its
   headline up to the first comma or full stop). The lead clause decides because items often
   start with the problem and then wander into neighbouring topics ("执法队伍较为薄弱，部分党员干部
   ……学法意识不强" is about capacity, not awareness).
2. **Clustering.** Items are tokenised (jieba with the domain dictionary and stop words, from
   :mod:`reportkit.terms`), weighted by tf-idf (lead clause counted twice), and clustered with
   k-means or agglomerative (Ward) clustering. The feature space is the tf-idf vector joined with
   the unit-length vector of keyword affinities times ``guide``: ``guide=0`` is plain tf-idf
   clustering, the default lets the theme list steer the grouping. ``k`` is given, or chosen by
   the silhouette score over ``k_range``.
3. **Naming.** Each cluster is named by its top tf-idf terms (``cluster_terms``) and matched to
   the theme with the largest summed score among its members, if at least ``min_coverage`` of
   the members that match any theme mention it; otherwise the cluster is ``"other"`` and its
   terms tell the analyst what the theme list is missing.

``mode="hybrid"`` (default) gives an item its own best keyword theme when it has one and
otherwise its cluster's theme. ``mode="clusters"`` gives every item its cluster's theme (theme
as a property of the cluster). ``mode="items"`` uses the keyword scores alone and ignores the
clusters (transparent, but blind to unlisted wording). In the two cluster-based modes an item
that matches no keyword stays ``"other"`` unless it is a near copy of a cluster-mate that
carries the cluster's theme (tf-idf cosine similarity ≥ ``min_similarity``, 0.5, two words in common that
are not words of who or where, resources/unshared_words.txt): k-means has to put every
item somewhere, and a lone item parked in a cluster is not evidence of its theme. Nor is a looser
likeness: at a cosine of 0.2, 12 of the 13 written items that took a theme so took a wrong one.

Why hybrid is the default: on the seeds (14 items) every mode reaches ARI 1.0 with k from 4 up,
but when k is smaller than the number of themes present (silhouette can choose so on a large
corpus), ``clusters`` merges themes and loses the smaller ones (seeds, k=2: ARI 0.50; 24 invented
items, k=3: 0.36) while ``hybrid`` keeps each item's own theme (1.0 and 0.94 at any k).

Honest limits: a township report has two to five items, so a corpus of a few dozen items is
too small for unsupervised clustering alone to find stable themes (plain tf-idf clustering,
``guide=0``, groups the seed items with ARI 0.27 against the hand themes). The theme list does
most of the work and the clusters mainly group wording it does not cover. The keywords were
written with the seeds in view, so the seed score flatters. On 24 items written afterwards in
other styles 83% got the right theme (ARI 0.66); the misses were wording the list lacked, which
became "other" (visible, fixed by adding keywords: now 96%). A further 16 fresh items, not
used for tuning: 94% (ARI 0.85). Seven later sets of 136 items in wordings further from the
seeds (tests/fixtures/shortcomings/) showed the list's long tail: 74% right when first measured,
90% on the two sets held out after keywords with a gap (群众…意识) and weak ``cues`` (群众, 干部)
were added for items no keyword matched. Items that mix two
problems get one theme. Keywords are matched as substrings of the normalised text, so edit
the list with care: a short keyword (宣传, 监督) matches widely.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import resources, schema
from .config import ThemeOptions
from .item_cutting import ITEM_COLUMNS, shortcoming_items  # noqa: F401 (the public API keeps its names)
from .theme_words import keyword_scores, lead_clause, problem_cell, split_lead  # noqa: F401

log = logging.getLogger(__name__)

OTHER = "other"
OTHER_LABEL = "其他"


ADDED_COLUMNS = tuple(schema.table("shortcomings").names[4:])  # cluster ... theme_score: corpus-wide


def load_themes(path=None) -> pd.DataFrame:
    """The editable theme list (``theme, label_zh, keywords``); default ``resources/themes.csv``."""
    return resources.themes(path)


def _default_tokenize() -> Callable[[str], list[str]]:
    from .terms import load_tokenizer  # private jieba with the domain dictionary and stop words

    return load_tokenizer().tokens


def item_tokens(
    shortcomings: pd.DataFrame, *, tokenize: Callable[[str], Iterable[str]] | None = None
) -> list[tuple[list[str], list[str]]]:
    """Per item, the tokens of its lead clause and of the rest: ``[(lead_tokens, rest_tokens), ...]``.

    This is the expensive part of clustering (jieba), and it depends on one item alone, so the
    build computes it per document, in the worker processes and cached; ``cluster_shortcomings``
    then reads it from a ``tokens`` column instead of tokenising again.

    >>> item_tokens(pd.DataFrame({"text": ["一是普法形式单一，群众参与少。"], "headline": [""]}), tokenize=list)
    [(['普', '法', '形', '式', '单', '一'], ['群', '众', '参', '与', '少', '。'])]
    """
    tokenize = tokenize or _default_tokenize()
    n = len(shortcomings)
    headlines = shortcomings["headline"] if "headline" in shortcomings.columns else pd.Series([""] * n)
    return [(list(tokenize(lead)), list(tokenize(rest)))
            for lead, rest in (split_lead(t, h) for t, h in zip(shortcomings["text"].fillna(""), headlines.fillna("")))]


def _tfidf(token_weights: list[dict[str, float]], *, max_df: float):
    """Row-normalised sparse (CSR) tf-idf matrix, its vocabulary and idf; terms in more than MAX_DF of items dropped."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfTransformer

    # Built by hand: DictVectorizer's per-item dict handling is the slow part at 30,000 items.
    vocab = np.asarray(sorted({t for w in token_weights for t in w}), dtype=object)
    column = {t: j for j, t in enumerate(vocab)}
    indptr, indices, data = [0], [], []
    for w in token_weights:
        indices.extend(column[t] for t in w)
        data.extend(w.values())
        indptr.append(len(indices))
    counts = sparse.csr_matrix((np.asarray(data, dtype=float), np.asarray(indices, dtype=np.int64),
                                np.asarray(indptr, dtype=np.int64)), shape=(len(token_weights), len(vocab)))
    counts.sort_indices()
    if counts.shape[1] == 0:
        return sparse.csr_matrix((len(token_weights), 0)), vocab, np.zeros(0)
    df = np.bincount(counts.indices, minlength=counts.shape[1]) / counts.shape[0]
    # Words every item uses (法治, 有待, 加强) say nothing about which problem an item names.
    keep = df <= max_df if counts.shape[0] >= 4 else np.ones_like(df, dtype=bool)
    counts, vocab = counts[:, keep], vocab[keep]
    if counts.shape[1] == 0:
        return sparse.csr_matrix((len(token_weights), 0)), vocab, np.zeros(0)
    transformer = TfidfTransformer(sublinear_tf=True)
    matrix = transformer.fit_transform(counts).tocsr()
    matrix.sort_indices()
    return matrix, vocab, np.asarray(transformer.idf_, dtype=float)


# Above this many items the k-means fits use fewer restarts and silhouette a sample: the
# item × item distances silhouette needs grow with the square of the corpus.
_LARGE = 5000
_SILHOUETTE_SAMPLE = 2000
# Ward clustering needs dense item × item work; beyond this it would take minutes and gigabytes.
_AGGLOMERATIVE_MAX = 5000


def _cluster(features, k: int, method: str, random_state: int) -> np.ndarray:
    n = features.shape[0]
    if k <= 1:
        return np.zeros(n, dtype=int)
    if method == "kmeans":
        from sklearn.cluster import KMeans

        n_init = 10 if n <= _LARGE else 3
        return KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit_predict(features)
    if method == "agglomerative":
        from sklearn.cluster import AgglomerativeClustering

        if n > _AGGLOMERATIVE_MAX:
            raise ValueError(f"method='agglomerative' needs memory and time that grow with the square of the "
                             f"items ({n}); use method='kmeans' above {_AGGLOMERATIVE_MAX} items")
        return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(features.toarray())
    raise ValueError(f"method {method!r} unknown; use 'kmeans' or 'agglomerative'")


def _n_distinct_rows(features) -> int:
    """Number of distinct rows of a CSR matrix (values rounded like the dense check was)."""
    features = features.tocsr()
    features.sort_indices()
    ptr, idx, data = features.indptr, features.indices, features.data.round(12)
    rows = set()
    for i in range(features.shape[0]):
        a, b = ptr[i], ptr[i + 1]
        keep = data[a:b] != 0
        rows.add((idx[a:b][keep].tobytes(), data[a:b][keep].tobytes()))
    return len(rows)


def _choose_k(features, k_range: tuple[int, int], method: str, random_state: int) -> tuple[int, np.ndarray]:
    """K with the best silhouette in K_RANGE, and its labels (so the winner is not fitted twice)."""
    from sklearn.metrics import silhouette_score

    n = features.shape[0]
    low, high = max(2, k_range[0]), min(k_range[1], n - 1)
    high = min(high, _n_distinct_rows(features))
    # A fixed-seed sample keeps silhouette at O(sample²) memory; small corpora use every item.
    sample = {} if n <= _SILHOUETTE_SAMPLE else {"sample_size": _SILHOUETTE_SAMPLE, "random_state": random_state}
    best_k, best, best_labels = 1, -np.inf, np.zeros(n, dtype=int)
    for k in range(low, high + 1):
        labels = _cluster(features, k, method, random_state)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(features, labels, **sample)
        log.debug("k=%d silhouette=%.3f", k, score)
        if score > best + 1e-9:  # ties keep the smaller k
            best_k, best, best_labels = k, score, labels
    log.info("shortcomings: %d items, k=%d chosen by silhouette (%.3f)", n, best_k, best)
    return best_k, best_labels


def _shares_vocabulary(tfidf, donors: np.ndarray, labels: np.ndarray, min_similarity: float,
                       *, max_cells: int = 2_000_000, vocab=None) -> np.ndarray:
    """Per item that is not a donor: it shares wording with a donor of its cluster (`_shares_wording`;
    VOCAB, the tf-idf columns' words, tells which of them name only who or where).

    Only non-donors need the answer (donors keep their own theme).
    """
    result = np.zeros(len(labels), dtype=bool)
    seekers, givers = np.flatnonzero(~donors), np.flatnonzero(donors)
    if tfidf.shape[1] == 0 or not len(seekers) or not len(givers):
        return result
    result[seekers] = _shares_wording(tfidf[seekers], labels[seekers], tfidf[givers], labels[givers], min_similarity,
                                      max_cells=max_cells, counted=_counted_words(vocab))
    return result


def _counted_words(vocab) -> np.ndarray | None:
    """Per word of VOCAB: whether it counts as shared wording (not a word of who or where: 乡镇, 县直, 部门)."""
    if vocab is None:
        return None
    unshared = resources.unshared_words()
    return np.array([str(v) not in unshared for v in vocab], dtype=bool)


# Wording is shared when two or more words are: a single word in common (法治政府建设, in a short
# item 法治政府建设推进不够平衡) is how every item of these reports speaks, not what it is about; nor are
# words of who or where (乡镇, 县直, 部门: resources/unshared_words.txt) counted.
MIN_SHARED_WORDS = 2


def _shares_wording(rows, row_labels: np.ndarray, donors, donor_labels: np.ndarray, min_similarity: float,
                    *, max_cells: int = 2_000_000, counted: np.ndarray | None = None) -> np.ndarray:
    """Per row: a donor of its cluster has tf-idf cosine ≥ MIN_SIMILARITY with it and shares at least
    `MIN_SHARED_WORDS` words (of the columns COUNTED, all when None). Computed as sparse products, a block
    of rows at a time (at most MAX_CELLS similarities), never as a row × donor matrix."""
    result = np.zeros(rows.shape[0], dtype=bool)
    given = donors.T.tocsc()  # rows are L2-normalised (or zero), so products are cosines
    given_words = (given > 0).astype(np.int32)
    if counted is not None:
        given_words = given_words.multiply(counted[:, None]).astype(np.int32).tocsc()  # rows are words
    block = max(1, max_cells // max(donors.shape[0], 1))
    for lo in range(0, rows.shape[0], block):
        part = rows[lo:lo + block]
        shared = ((part > 0).astype(np.int32) @ given_words) >= MIN_SHARED_WORDS
        sims = (part @ given).multiply(shared).tocsr()
        sims.eliminate_zeros()
        for r in range(part.shape[0]):
            a, b = sims.indptr[r], sims.indptr[r + 1]
            mates = donor_labels[sims.indices[a:b]] == row_labels[lo + r]
            result[lo + r] = bool(mates.any()) and float(sims.data[a:b][mates].max()) >= min_similarity
    return result


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Cluster ids in order of first appearance, so equal partitions get equal ids."""
    order = {}
    for label in labels:
        order.setdefault(label, len(order))
    return np.array([order[label] for label in labels], dtype=int)


def cluster_shortcomings(
    shortcomings: pd.DataFrame,
    options: ThemeOptions | None = None,
    *,
    tokenize: Callable[[str], Iterable[str]] | None = None,
    themes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Add ``cluster, cluster_terms, theme, theme_label, theme_score`` to the shortcomings table.

    OPTIONS (a `ThemeOptions`; its defaults when None): ``k`` fixes the number of clusters;
    otherwise it is chosen by silhouette within ``k_range`` (inclusive). ``lead_weight`` is what a
    keyword in the lead clause counts (1 elsewhere); ``min_coverage`` the share of a cluster's
    members that must mention a theme for the cluster to take it. See the module docstring for
    ``mode``, ``guide``, ``min_similarity`` and what to expect. Deterministic for a given
    ``random_state``.

    ``tokenize`` maps a text to tokens (default: the project tokenizer of :mod:`reportkit.terms`);
    an optional ``tokens`` column (as made by :func:`item_tokens`; ``None`` where missing) is used
    instead of tokenising again, and is not in the result. ``themes`` is a table like
    ``load_themes()``. ``theme_score`` is the item's own keyword score for its assigned theme (0
    for "other" or a theme taken from the cluster).

    Scales to any number of items: the clusters are fitted on at most ``fit_items`` items (the
    first in ``doc_id, item_no`` order: doc_id is a hash of the file, so they are a random sample
    that does not depend on the order the files came in) and every other item is given the
    nearest cluster (`fit_themes`, `assign_themes`); features stay sparse, silhouette is
    computed on a fixed-seed sample of 2,000 items and k-means restarts 3 times instead of 10
    above 5,000 fitted items; nothing item × item is built.

    >>> items = pd.DataFrame({"doc_id": ["a", "b"], "item_no": [1, 1],
    ...     "text": ["普法形式单一", "调解机制不健全"], "headline": ["", ""]})
    >>> cluster_shortcomings(items, tokenize=list)["theme"].tolist()
    ['publicity', 'disputes']
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    options = options or ThemeOptions()
    model, out = _fit(shortcomings, options, tokenize=tokenize, themes=themes)
    if len(out) < len(shortcomings):
        # Items outside the fitted sample: the nearest cluster, named as the model names it.
        table = shortcomings.reset_index(drop=True)
        rest = np.setdiff1d(np.arange(len(table)), out.index.to_numpy())
        assigned = assign_themes(table.iloc[rest], model, tokenize=tokenize)
        out = pd.concat([out, assigned]).sort_index(kind="stable")
    return out.reset_index(drop=True)


def _sample_positions(table: pd.DataFrame, fit_items: int | None) -> np.ndarray:
    """Positions (in table order) of the items the clusters are fitted on: all of them, or the
    FIT_ITEMS first in (doc_id, item_no) order (a hash order, so a random sample)."""
    n = len(table)
    if fit_items is None or n <= fit_items:
        return np.arange(n)
    if not {"doc_id", "item_no"} <= set(table.columns):
        raise ValueError("fitting on a sample needs doc_id and item_no columns; give ThemeOptions(fit_items=None)")
    order = np.lexsort((table["item_no"].to_numpy(), table["doc_id"].astype(str).to_numpy()))
    return np.sort(order[:fit_items])


@dataclass(frozen=True)
class ThemeModel:
    """Clusters fitted on a sample of items and what names them: enough to give any other item
    its cluster and theme (`assign_themes`) without fitting again.

    ``sample`` holds the (doc_id, item_no) of the fitted items in the order they were fitted;
    ``centroids`` are the clusters' means in feature space (tf-idf terms, then the themes'
    affinities times ``guide``); ``donors`` the tf-idf rows of the fitted items that pass their
    cluster's theme on to cluster-mates that share their wording.
    """

    options: ThemeOptions
    themes: pd.DataFrame
    sample: tuple[tuple[str, int], ...]
    vocab: np.ndarray
    idf: np.ndarray
    centroids: np.ndarray
    cluster_theme: tuple[str, ...]
    cluster_terms: tuple[str, ...]
    donors: object  # scipy.sparse.csr_matrix: tf-idf rows of the donor items
    donor_cluster: np.ndarray

    def to_parts(self) -> tuple[dict, dict[str, np.ndarray]]:
        """(JSON-able dict, numpy arrays): the model without pickle; `from_parts` reads them back."""
        from dataclasses import asdict

        themes = self.themes.reindex(columns=["theme", "label_zh", "keywords", "cues"]).fillna("")
        meta = {"options": asdict(self.options), "themes": themes.astype(str).to_dict("list"),
                "sample": [[d, int(i)] for d, i in self.sample], "vocab": [str(v) for v in self.vocab],
                "cluster_theme": list(self.cluster_theme), "cluster_terms": list(self.cluster_terms)}
        donors = self.donors.tocsr()
        arrays = {"idf": self.idf, "centroids": self.centroids, "donor_cluster": self.donor_cluster,
                  "donor_data": donors.data, "donor_indices": donors.indices, "donor_indptr": donors.indptr,
                  "donor_shape": np.asarray(donors.shape, dtype=np.int64)}
        return meta, arrays

    @classmethod
    def from_parts(cls, meta: dict, arrays: dict[str, np.ndarray]) -> ThemeModel:
        from scipy import sparse

        opts = dict(meta["options"])
        opts["k_range"] = tuple(opts["k_range"])
        donors = sparse.csr_matrix((arrays["donor_data"], arrays["donor_indices"], arrays["donor_indptr"]),
                                   shape=tuple(int(x) for x in arrays["donor_shape"]))
        return cls(options=ThemeOptions(**opts), themes=pd.DataFrame(meta["themes"]),
                   sample=tuple((str(d), int(i)) for d, i in meta["sample"]),
                   vocab=np.asarray(meta["vocab"], dtype=object), idf=arrays["idf"], centroids=arrays["centroids"],
                   cluster_theme=tuple(meta["cluster_theme"]), cluster_terms=tuple(meta["cluster_terms"]),
                   donors=donors, donor_cluster=arrays["donor_cluster"])


def _item_weights(tokens: list) -> list[dict[str, float]]:
    """Per item, its tokens weighted: 2 in the lead clause, 1 in the rest (summed)."""
    weights = []
    for lead_tokens, rest_tokens in tokens:
        w: dict[str, float] = {}
        for token in lead_tokens:
            w[token] = w.get(token, 0.0) + 2.0
        for token in rest_tokens:
            w[token] = w.get(token, 0.0) + 1.0
        weights.append(w)
    return weights


def _tokens_of(table: pd.DataFrame, tokenize) -> list:
    """The (lead, rest) tokens of each item: its ``tokens`` column where given, else tokenised."""
    n = len(table)
    given = list(table["tokens"]) if "tokens" in table.columns else [None] * n
    missing = [i for i, t in enumerate(given) if t is None or (isinstance(t, float) and np.isnan(t))]
    if missing:
        fresh = item_tokens(table.iloc[missing], tokenize=tokenize)
        for i, t in zip(missing, fresh):
            given[i] = t
    return given


def _check(shortcomings: pd.DataFrame) -> None:
    # (the options were checked when they were made: ThemeOptions.__post_init__)
    if "text" not in shortcomings.columns:
        raise ValueError("shortcomings table needs a 'text' column (doc_id, item_no, text, headline)")


def _empty_result(out: pd.DataFrame) -> pd.DataFrame:
    return out.assign(cluster=pd.Series(dtype=int), cluster_terms=pd.Series(dtype=str),
                      theme=pd.Series(dtype=str), theme_label=pd.Series(dtype=str),
                      theme_score=pd.Series(dtype=float))


def fit_themes(
    shortcomings: pd.DataFrame,
    options: ThemeOptions | None = None,
    *,
    tokenize: Callable[[str], Iterable[str]] | None = None,
    themes: pd.DataFrame | None = None,
) -> ThemeModel | None:
    """The clusters of `cluster_shortcomings`, fitted on at most ``options.fit_items`` items of
    SHORTCOMINGS (None when it has no items); `assign_themes` gives other items their cluster."""
    return _fit(shortcomings, options or ThemeOptions(), tokenize=tokenize, themes=themes)[0]


def _fit(shortcomings: pd.DataFrame, options: ThemeOptions, *, tokenize, themes) -> tuple[ThemeModel | None,
                                                                                           pd.DataFrame]:
    """(model, the fitted items with the added columns, indexed by their position in SHORTCOMINGS)."""
    k, k_range, method, mode = options.k, options.k_range, options.method, options.mode
    guide, lead_weight, min_coverage = options.guide, options.lead_weight, options.min_coverage
    min_similarity, n_terms, random_state = options.min_similarity, options.n_terms, options.random_state
    from scipy import sparse

    _check(shortcomings)
    themes = load_themes() if themes is None else themes.reset_index(drop=True)
    drop = [c for c in (*ADDED_COLUMNS, "tokens") if c in shortcomings.columns]
    table = shortcomings.reset_index(drop=True)
    if len(table) == 0:
        return None, _empty_result(table.drop(columns=drop))
    positions = _sample_positions(table, options.fit_items)
    if {"doc_id", "item_no"} <= set(table.columns):
        # k-means' start and the clusters' numbers follow the order of the items: fitted in (doc_id, item_no)
        # order (doc_id hashes the file's bytes), a renamed or reordered file changes no cluster
        sub = table.iloc[positions]
        positions = positions[np.lexsort((sub["item_no"].to_numpy(), sub["doc_id"].astype(str).to_numpy()))]
    n = len(positions)
    if k is not None and not 1 <= k <= n:
        raise ValueError(f"k={k} clusters impossible for {n} items; choose 1 ≤ k ≤ {n}")
    fitted = table.iloc[positions]
    out = fitted.drop(columns=drop)

    scores = keyword_scores(fitted, themes, lead_weight)
    tfidf, vocab, idf = _tfidf(_item_weights(_tokens_of(fitted, tokenize)), max_df=0.5)
    norms = np.linalg.norm(scores, axis=1, keepdims=True)
    affinity = np.divide(scores, norms, out=np.zeros_like(scores), where=norms > 0)
    features = sparse.hstack([tfidf, sparse.csr_matrix(guide * affinity)], format="csr")

    from threadpoolctl import threadpool_limits

    # One OpenMP thread: k-means on these small sparse matrices gains little from threads and,
    # on a busy machine, loses 5-8x to threads waiting for each other (same labels either way).
    with threadpool_limits(limits=1, user_api="openmp"):
        if k is None and n >= 3:
            k, labels = _choose_k(features, k_range, method, random_state)
        else:
            # Silhouette needs 2 ≤ k ≤ n-1; one or two items are each their own cluster unless identical.
            k = k if k is not None else _n_distinct_rows(features)
            labels = _cluster(features, k, method, random_state)
    labels = _renumber(labels)

    ids = themes["theme"].tolist()
    labels_zh = dict(zip(themes["theme"], themes["label_zh"]))
    clusters = np.unique(labels)
    # Cluster centroids (clusters × features), one sparse product instead of per-item work.
    member = sparse.csr_matrix((np.ones(n), (np.searchsorted(clusters, labels), np.arange(n))),
                               shape=(len(clusters), n))
    sizes = np.asarray(member.sum(axis=1)).ravel()
    centroids = (member @ features).toarray() / sizes[:, None]
    width = tfidf.shape[1]
    cluster_theme, cluster_terms = {}, {}
    for row, c in enumerate(clusters):
        members = labels == c
        totals = scores[members].sum(axis=0)
        # Coverage among members that match any theme: unmatched members neither vote nor veto.
        matched = scores[members][scores[members].sum(axis=1) > 0]
        coverage = (matched > 0).mean(axis=0) if len(matched) else np.zeros(scores.shape[1])
        eligible = np.where(coverage >= min_coverage, totals, 0.0)
        cluster_theme[c] = ids[int(eligible.argmax())] if eligible.max() > 0 else OTHER
        centroid = centroids[row, :width]
        top = [vocab[i] for i in np.argsort(-centroid, kind="stable")[:n_terms] if centroid[i] > 0]
        cluster_terms[c] = "|".join(top)

    own = [ids[int(row.argmax())] if row.max() > 0 else OTHER for row in scores]
    donors = np.array([o != OTHER and o == cluster_theme[c] for o, c in zip(own, labels)], dtype=bool)
    inherits = _shares_vocabulary(tfidf, donors, labels, min_similarity, vocab=vocab)
    out["cluster"] = labels
    out["cluster_terms"] = [cluster_terms[c] for c in labels]
    out["theme"], out["theme_label"], out["theme_score"] = _themes_of(own, labels, inherits, scores, cluster_theme,
                                                                      ids, labels_zh, mode)
    keys = (tuple(zip(fitted["doc_id"].astype(str), fitted["item_no"].astype("int64")))
            if {"doc_id", "item_no"} <= set(fitted.columns) else ())
    model = ThemeModel(options=options, themes=themes, sample=keys, vocab=vocab, idf=idf, centroids=centroids,
                       cluster_theme=tuple(cluster_theme[c] for c in clusters),
                       cluster_terms=tuple(cluster_terms[c] for c in clusters),
                       donors=tfidf[np.flatnonzero(donors)], donor_cluster=labels[donors].astype(np.int64))
    out.index = positions
    return model, out.sort_index(kind="stable")


def _themes_of(own, labels, inherits, scores, cluster_theme, ids, labels_zh, mode) -> tuple[list, list, list]:
    """theme, theme_label, theme_score of items from their own theme, cluster and inheritance."""
    # An item no keyword matches takes its cluster's theme only through shared wording;
    # otherwise k-means has merely parked it somewhere, and "other" is the honest answer.
    via_cluster = [cluster_theme[c] if (o != OTHER or ok) else OTHER for o, c, ok in zip(own, labels, inherits)]
    if mode == "clusters":
        theme = via_cluster
    elif mode == "items":
        theme = own
    else:
        theme = [o if o != OTHER else v for o, v in zip(own, via_cluster)]
    col = {t: j for j, t in enumerate(ids)}
    return (theme, [labels_zh.get(t, OTHER_LABEL) for t in theme],
            [float(scores[i, col[t]]) if t in col else 0.0 for i, t in enumerate(theme)])


def assign_themes(
    shortcomings: pd.DataFrame,
    model: ThemeModel,
    *,
    tokenize: Callable[[str], Iterable[str]] | None = None,
) -> pd.DataFrame:
    """SHORTCOMINGS with ``cluster, cluster_terms, theme, theme_label, theme_score`` from MODEL:
    each item goes to the nearest centroid; nothing is fitted.

    Pure per item: an item gets the same columns whatever else is in the table, so a build can
    assign new reports' items to the clusters of the previous build. (The fitted items themselves
    keep the clusters of the fit: `cluster_shortcomings`.)
    """
    from scipy import sparse

    options = model.options
    _check(shortcomings)
    drop = [c for c in (*ADDED_COLUMNS, "tokens") if c in shortcomings.columns]
    out = shortcomings.drop(columns=drop)
    if len(out) == 0:
        return _empty_result(out)
    scores = keyword_scores(shortcomings, model.themes, options.lead_weight)
    tfidf = _tfidf_rows(_item_weights(_tokens_of(shortcomings, tokenize)), model.vocab, model.idf)
    norms = np.linalg.norm(scores, axis=1, keepdims=True)
    affinity = np.divide(scores, norms, out=np.zeros_like(scores), where=norms > 0)
    features = sparse.hstack([tfidf, sparse.csr_matrix(options.guide * affinity)], format="csr")
    # Nearest centroid: |x - c|² = |x|² - 2 x·c + |c|²; |x|² is the same for every c. Row by row
    # (a sparse product), so an item's result never depends on the other items of the table.
    centroids = model.centroids
    distance = (centroids * centroids).sum(axis=1)[None, :] - 2.0 * (features @ centroids.T)
    labels = np.asarray(distance.argmin(axis=1)).ravel().astype(int)
    ids = model.themes["theme"].tolist()
    labels_zh = dict(zip(model.themes["theme"], model.themes["label_zh"]))
    cluster_theme = dict(enumerate(model.cluster_theme))
    own = [ids[int(row.argmax())] if row.max() > 0 else OTHER for row in scores]
    inherits = _inherits(tfidf, labels, np.array([o == OTHER for o in own], dtype=bool), model)
    out = out.copy()
    out["cluster"] = labels
    out["cluster_terms"] = [model.cluster_terms[c] for c in labels]
    out["theme"], out["theme_label"], out["theme_score"] = _themes_of(own, labels, inherits, scores, cluster_theme,
                                                                      ids, labels_zh, options.mode)
    return out


def _tfidf_rows(token_weights: list[dict[str, float]], vocab: np.ndarray, idf: np.ndarray):
    """Tf-idf rows of new items in a fitted vocabulary (words outside it are left out), computed as
    `_tfidf` computes the fitted ones: sublinear tf, times idf, L2-normalised."""
    from scipy import sparse

    column = {t: j for j, t in enumerate(vocab)}
    indptr, indices, data = [0], [], []
    for w in token_weights:
        known = sorted((column[t], v) for t, v in w.items() if t in column)
        indices.extend(j for j, _ in known)
        data.extend(v for _, v in known)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix((np.asarray(data, dtype=float), np.asarray(indices, dtype=np.int64),
                                np.asarray(indptr, dtype=np.int64)), shape=(len(token_weights), len(vocab)))
    if len(vocab) == 0:
        return matrix
    matrix.data = (np.log(matrix.data) + 1.0) * idf[matrix.indices]
    row_norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, row_norms, out=np.zeros_like(row_norms), where=row_norms > 0)
    matrix.data *= np.repeat(scale, np.diff(matrix.indptr))
    return matrix


def _inherits(tfidf, labels: np.ndarray, seekers: np.ndarray, model: ThemeModel, *, max_cells: int = 2_000_000):
    """Per item: it seeks a theme (SEEKERS) and shares wording with a donor of its cluster, as
    `_shares_vocabulary` decides for the fitted items."""
    result = np.zeros(len(labels), dtype=bool)
    rows_all = np.flatnonzero(seekers)
    if tfidf.shape[1] == 0 or not len(rows_all) or model.donors.shape[0] == 0:
        return result
    result[rows_all] = _shares_wording(tfidf[rows_all], labels[rows_all], model.donors, model.donor_cluster,
                                       model.options.min_similarity, max_cells=max_cells,
                                       counted=_counted_words(model.vocab))
    return result


def representative_items(shortcomings: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """The N items per theme with the highest ``theme_score`` (ties, or no score: table order).

    Columns: ``theme, theme_label, rank, doc_id, item_no, text, theme_score``.
    """
    _require_themes(shortcomings)
    table = shortcomings.reset_index(drop=True).assign(_order=lambda d: range(len(d)))
    if "theme_score" not in table:
        table["theme_score"] = np.nan
    table = table.sort_values(["theme", "theme_score", "_order"], ascending=[True, False, True], kind="stable")
    top = table.groupby("theme", sort=True).head(n).copy()
    top["rank"] = top.groupby("theme").cumcount() + 1
    cols = ["theme", "theme_label", "rank", "doc_id", "item_no", "text", "theme_score"]
    return top[[c for c in cols if c in top.columns]].reset_index(drop=True)


UNTHEMED = "未归类"


def theme_summary(shortcomings: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many reports name each shortcoming theme, which towns, and one representative item:
    the table behind ``plots.plot_theme_frequency``.

    Columns: ``theme, theme_label, n_reports, n_items, n_reports_total, share_reports, towns, example``.
    ``n_reports_total`` is the number of reports in DOCUMENTS when given (reports without a
    shortcomings part count in the denominator), else of the reports in the shortcomings table;
    ``share_reports = n_reports / n_reports_total``. ``towns`` lists the towns behind the theme
    ("大年乡、里心镇", from DOCUMENTS). Items without a theme count as "未归类". Sorted by
    ``n_reports`` then ``n_items``, descending; "other" last.
    """
    _require_themes(shortcomings)
    items = shortcomings
    if documents is not None:
        items = items[items["doc_id"].isin(documents["doc_id"])]
    items = items.copy()
    if "theme_label" not in items:
        items["theme_label"] = pd.NA
    unthemed = items["theme"].isna()
    items["theme"] = items["theme"].astype("object").where(~unthemed, UNTHEMED).astype(str)
    items["theme_label"] = [UNTHEMED if u else (str(lab) if pd.notna(lab) and str(lab).strip() else t)
                            for u, lab, t in zip(unthemed, items["theme_label"], items["theme"])]
    total = documents["doc_id"].nunique() if documents is not None else items["doc_id"].nunique()
    table = items.groupby(["theme", "theme_label"], sort=True).agg(
        n_reports=("doc_id", "nunique"), n_items=("doc_id", "size")).reset_index()
    table["n_reports_total"] = int(total)
    table["share_reports"] = table["n_reports"] / max(total, 1)
    towns = {}
    if documents is not None and "town" in documents:
        # a plain dict: Series.map of a categorical doc_id through a categorical-valued Series picks wrong towns
        town_of = dict(zip(documents["doc_id"].astype(str), documents["town"].astype(object)))
        named = items.assign(_town=items["doc_id"].astype(str).map(town_of)).dropna(subset=["_town"])
        towns = named.groupby("theme")["_town"].agg(lambda s: "、".join(sorted(set(map(str, s))))).to_dict()
    table["towns"] = [towns.get(t, "") for t in table["theme"]]
    examples = representative_items(items, n=1).set_index("theme")["text"] if "text" in items else {}
    table["example"] = table["theme"].map(examples)
    table["_other"] = table["theme"].isin([OTHER, UNTHEMED])
    table = table.sort_values(["_other", "n_reports", "n_items", "theme"],
                              ascending=[True, False, False, True], kind="stable")
    cols = ["theme", "theme_label", "n_reports", "n_items", "n_reports_total", "share_reports", "towns", "example"]
    return table[cols].reset_index(drop=True)


def _require_themes(shortcomings: pd.DataFrame) -> None:
    missing = {"doc_id", "theme"} - set(shortcomings.columns)
    if missing:
        raise ValueError(f"shortcomings table lacks {sorted(missing)}; run cluster_shortcomings() first")
