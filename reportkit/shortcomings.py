"""Common shortcomings: cluster every shortcoming item of every report into themes.

Input is the shortcomings table (``doc_id, item_no, text, headline``); output is the same
table with ``cluster, cluster_terms, theme, theme_label, theme_score`` added.

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
that matches no keyword stays ``"other"`` unless it shares wording with a cluster-mate that
carries the cluster's theme (tf-idf cosine similarity ≥ ``min_similarity``): k-means has to put every
item somewhere, and a lone item parked in a cluster is not evidence of its theme.

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
used for tuning: 94% (ARI 0.85). Items that mix two
problems get one theme. Keywords are matched as substrings of the normalised text, so edit
the list with care: a short keyword (宣传, 监督) matches widely.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from .config import resource_path

log = logging.getLogger(__name__)

OTHER = "other"
OTHER_LABEL = "其他"
ADDED_COLUMNS = ("cluster", "cluster_terms", "theme", "theme_label", "theme_score")

# Item markers stripped before the lead clause is taken: 一是 / 1、 / （1） / 第一，
_ITEM_PREFIX = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+[，,、]?)\s*"
)
_CLAUSE_END = re.compile(r"[，,；;。：:！!？?\n]")


@lru_cache(maxsize=1)
def _default_themes() -> pd.DataFrame:
    return _read_themes(resource_path("themes.csv"))


def _read_themes(path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"theme", "label_zh", "keywords"} - set(table.columns)
    if missing:
        raise ValueError(f"theme list {path} lacks columns {sorted(missing)}; need theme, label_zh, keywords")
    table = table[table["theme"].str.strip() != ""].reset_index(drop=True)
    if table["theme"].duplicated().any():
        raise ValueError(f"theme list {path} repeats themes: {sorted(table.loc[table['theme'].duplicated(), 'theme'])}")
    return table[["theme", "label_zh", "keywords"]]


def load_themes(path=None) -> pd.DataFrame:
    """The editable theme list (``theme, label_zh, keywords``); default ``resources/themes.csv``."""
    return (_default_themes() if path is None else _read_themes(path)).copy()


def _keywords(themes: pd.DataFrame) -> list[list[str]]:
    return [[k.strip() for k in str(row).split("|") if k.strip()] for row in themes["keywords"]]


def split_lead(text: str, headline: str | None = None) -> tuple[str, str]:
    """(lead clause, rest) of an item: marker stripped, lead cut at the first comma or stop.

    >>> split_lead("一是执法队伍较为薄弱，取得执法资格人员较少。")
    ('执法队伍较为薄弱', '取得执法资格人员较少。')
    """
    body = _ITEM_PREFIX.sub("", str(text or ""), count=1)
    head = _ITEM_PREFIX.sub("", str(headline or ""), count=1) or body
    lead = _CLAUSE_END.split(head.strip(), maxsplit=1)[0].strip()
    rest = body.strip()
    if lead and lead in rest:  # the lead is scored on its own; do not count it twice
        rest = rest.replace(lead, "", 1).lstrip("，,；;。：:！!？? \n")
    return lead, rest.strip()


def _theme_scores(leads: list[str], rests: list[str], themes: pd.DataFrame, lead_weight: float) -> np.ndarray:
    """Item × theme keyword scores; a keyword counts once per zone (lead, rest).

    Keywords are found longest first without overlap, so a compound listed under one theme
    (群众法治意识, publicity) hides the shorter keyword inside it (法治意识, awareness).
    """
    keywords = _keywords(themes)
    owners: dict[str, list[int]] = {}
    for j, words in enumerate(keywords):
        for word in words:
            owners.setdefault(word, []).append(j)
    scores = np.zeros((len(leads), len(keywords)))
    if not owners:
        return scores
    pattern = re.compile("|".join(re.escape(w) for w in sorted(owners, key=len, reverse=True)))
    for i, (lead, rest) in enumerate(zip(leads, rests)):
        for zone, weight in ((lead, lead_weight), (rest, 1.0)):
            for word in set(pattern.findall(zone)):
                scores[i, owners[word]] += weight
    return scores


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
    """Row-normalised sparse (CSR) tf-idf matrix and its vocabulary; terms in more than MAX_DF of items dropped."""
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
        return sparse.csr_matrix((len(token_weights), 0)), vocab
    df = np.bincount(counts.indices, minlength=counts.shape[1]) / counts.shape[0]
    # Words every item uses (法治, 有待, 加强) say nothing about which problem an item names.
    keep = df <= max_df if counts.shape[0] >= 4 else np.ones_like(df, dtype=bool)
    counts, vocab = counts[:, keep], vocab[keep]
    if counts.shape[1] == 0:
        return sparse.csr_matrix((len(token_weights), 0)), vocab
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    matrix.sort_indices()
    return matrix, vocab


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
                       *, max_cells: int = 2_000_000) -> np.ndarray:
    """Per item that is not a donor: tf-idf cosine similarity ≥ MIN_SIMILARITY with a donor in its cluster.

    Only non-donors need the answer (donors keep their own theme). Similarities are computed
    as sparse products, a block of items at a time (at most MAX_CELLS similarities), never as an
    item × item matrix.
    """
    result = np.zeros(len(labels), dtype=bool)
    seekers, givers = np.flatnonzero(~donors), np.flatnonzero(donors)
    if tfidf.shape[1] == 0 or not len(seekers) or not len(givers):
        return result
    given = tfidf[givers].T.tocsc()  # rows are L2-normalised (or zero), so products are cosines
    giver_labels = labels[givers]
    block = max(1, max_cells // len(givers))
    for lo in range(0, len(seekers), block):
        rows = seekers[lo:lo + block]
        sims = (tfidf[rows] @ given).tocsr()
        for r, i in enumerate(rows):
            a, b = sims.indptr[r], sims.indptr[r + 1]
            mates = giver_labels[sims.indices[a:b]] == labels[i]
            result[i] = bool(mates.any()) and float(sims.data[a:b][mates].max()) >= min_similarity
    return result


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Cluster ids in order of first appearance, so equal partitions get equal ids."""
    order = {}
    for label in labels:
        order.setdefault(label, len(order))
    return np.array([order[label] for label in labels], dtype=int)


def cluster_shortcomings(
    shortcomings: pd.DataFrame,
    *,
    k: int | None = None,
    k_range: tuple[int, int] = (2, 8),
    tokenize: Callable[[str], Iterable[str]] | None = None,
    themes: pd.DataFrame | None = None,
    method: Literal["kmeans", "agglomerative"] = "kmeans",
    mode: Literal["hybrid", "clusters", "items"] = "hybrid",
    guide: float = 1.0,
    lead_weight: float = 10.0,
    min_coverage: float = 0.5,
    min_similarity: float = 0.2,
    n_terms: int = 5,
    random_state: int = 0,
) -> pd.DataFrame:
    """Add ``cluster, cluster_terms, theme, theme_label, theme_score`` to the shortcomings table.

    ``k`` fixes the number of clusters; otherwise it is chosen by silhouette within ``k_range``
    (inclusive). ``tokenize`` maps a text to tokens (default: the project tokenizer of
    :mod:`reportkit.terms`); an optional ``tokens`` column (as made by :func:`item_tokens`;
    ``None`` where missing) is used instead of tokenising again, and is not in the result.
    ``themes`` is a table like ``load_themes()``. ``theme_score`` is the
    item's own keyword score for its assigned theme (0 for "other" or a theme taken from the
    cluster). ``lead_weight`` is what a keyword in the lead clause counts (1 elsewhere);
    ``min_coverage`` the share of a cluster's members that must mention a theme for the cluster
    to take it. See the module docstring for ``mode``, ``guide``, ``min_similarity`` and what
    to expect. Deterministic for a given ``random_state``.

    Scales to tens of thousands of items: features stay sparse, silhouette is computed on a
    fixed-seed sample of 2,000 items and k-means restarts 3 times instead of 10 above 5,000
    items; nothing item × item is built (``method="agglomerative"`` is limited to 5,000 items).

    >>> items = pd.DataFrame({"doc_id": ["a", "b"], "item_no": [1, 1],
    ...     "text": ["普法形式单一", "调解机制不健全"], "headline": ["", ""]})
    >>> cluster_shortcomings(items, tokenize=list)["theme"].tolist()
    ['publicity', 'disputes']
    """
    from scipy import sparse

    if mode not in ("clusters", "items", "hybrid"):
        raise ValueError(f"mode {mode!r} unknown; use 'clusters', 'items' or 'hybrid'")
    if "text" not in shortcomings.columns:
        raise ValueError("shortcomings table needs a 'text' column (doc_id, item_no, text, headline)")
    themes = load_themes() if themes is None else themes.reset_index(drop=True)
    drop = [c for c in (*ADDED_COLUMNS, "tokens") if c in shortcomings.columns]
    out = shortcomings.drop(columns=drop).reset_index(drop=True)
    n = len(out)
    if n == 0:
        return out.assign(cluster=pd.Series(dtype=int), cluster_terms=pd.Series(dtype=str),
                          theme=pd.Series(dtype=str), theme_label=pd.Series(dtype=str),
                          theme_score=pd.Series(dtype=float))
    if k is not None and not 1 <= k <= n:
        raise ValueError(f"k={k} clusters impossible for {n} items; choose 1 ≤ k ≤ {n}")

    headlines = out["headline"] if "headline" in out.columns else pd.Series([""] * n)
    parts = [split_lead(t, h) for t, h in zip(out["text"].fillna(""), headlines.fillna(""))]
    leads, rests = [p[0] for p in parts], [p[1] for p in parts]
    scores = _theme_scores(leads, rests, themes, lead_weight)

    given = list(shortcomings["tokens"]) if "tokens" in shortcomings.columns else [None] * n
    missing = [i for i, t in enumerate(given) if t is None or (isinstance(t, float) and np.isnan(t))]
    if missing:
        fresh = item_tokens(out.iloc[missing], tokenize=tokenize)
        for i, t in zip(missing, fresh):
            given[i] = t
    weights = []
    for lead_tokens, rest_tokens in given:
        w: dict[str, float] = {}
        for token in lead_tokens:
            w[token] = w.get(token, 0.0) + 2.0
        for token in rest_tokens:
            w[token] = w.get(token, 0.0) + 1.0
        weights.append(w)
    tfidf, vocab = _tfidf(weights, max_df=0.5)
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
    # Cluster centroids of the tf-idf (clusters × terms), one sparse product instead of per-item work.
    member = sparse.csr_matrix((np.ones(n), (np.searchsorted(clusters, labels), np.arange(n))),
                               shape=(len(clusters), n))
    sizes = np.asarray(member.sum(axis=1)).ravel()
    centroids = (member @ tfidf).toarray() / sizes[:, None] if tfidf.shape[1] else np.zeros((len(clusters), 0))
    cluster_theme, cluster_terms = {}, {}
    for row, c in enumerate(clusters):
        members = labels == c
        totals = scores[members].sum(axis=0)
        # Coverage among members that match any theme: unmatched members neither vote nor veto.
        matched = scores[members][scores[members].sum(axis=1) > 0]
        coverage = (matched > 0).mean(axis=0) if len(matched) else np.zeros(scores.shape[1])
        eligible = np.where(coverage >= min_coverage, totals, 0.0)
        cluster_theme[c] = ids[int(eligible.argmax())] if eligible.max() > 0 else OTHER
        centroid = centroids[row]
        top = [vocab[i] for i in np.argsort(-centroid, kind="stable")[:n_terms] if centroid[i] > 0]
        cluster_terms[c] = "|".join(top)

    own = [ids[int(row.argmax())] if row.max() > 0 else OTHER for row in scores]
    donors = np.array([o != OTHER and o == cluster_theme[c] for o, c in zip(own, labels)])
    inherits = _shares_vocabulary(tfidf, donors, labels, min_similarity)
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
    out["cluster"] = labels
    out["cluster_terms"] = [cluster_terms[c] for c in labels]
    out["theme"] = theme
    out["theme_label"] = [labels_zh.get(t, OTHER_LABEL) for t in theme]
    out["theme_score"] = [float(scores[i, col[t]]) if t in col else 0.0 for i, t in enumerate(theme)]
    return out


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

    Columns: ``theme, theme_label, n_reports, n_items, n_documents, share_reports, towns, example``.
    ``n_documents`` is the number of reports in DOCUMENTS when given (reports without a
    shortcomings part count in the denominator), else of the reports in the shortcomings table;
    ``share_reports = n_reports / n_documents``. ``towns`` lists the towns behind the theme
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
    table["n_documents"] = int(total)
    table["share_reports"] = table["n_reports"] / max(total, 1)
    towns = {}
    if documents is not None and "town" in documents:
        town_of = documents.drop_duplicates("doc_id").set_index("doc_id")["town"]
        named = items.assign(_town=items["doc_id"].map(town_of)).dropna(subset=["_town"])
        towns = named.groupby("theme")["_town"].agg(lambda s: "、".join(sorted(set(map(str, s))))).to_dict()
    table["towns"] = [towns.get(t, "") for t in table["theme"]]
    examples = representative_items(items, n=1).set_index("theme")["text"] if "text" in items else {}
    table["example"] = table["theme"].map(examples)
    table["_other"] = table["theme"].isin([OTHER, UNTHEMED])
    table = table.sort_values(["_other", "n_reports", "n_items", "theme"],
                              ascending=[True, False, False, True], kind="stable")
    cols = ["theme", "theme_label", "n_reports", "n_items", "n_documents", "share_reports", "towns", "example"]
    return table[cols].reset_index(drop=True)


def _require_themes(shortcomings: pd.DataFrame) -> None:
    missing = {"doc_id", "theme"} - set(shortcomings.columns)
    if missing:
        raise ValueError(f"shortcomings table lacks {sorted(missing)}; run cluster_shortcomings() first")
