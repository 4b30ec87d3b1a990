"""Year-by-year tables for ``plots.plot_trend``: concepts, indicator categories, data density,
phrases mentioned and statutory parts covered.

Every function returns the same long shape, ``year, group, value, n_reports, measure`` (plus the
counts behind ``value``), with ``n_reports`` the reports behind each year, and warns
(:class:`reportkit.findings.SmallNumbersWarning`) when a year has fewer than a handful of
reports, or when the years hold mostly different towns (fewer than half the towns have reports of
two years): a change between years is then also a change between towns.
Pure functions; ``documents`` decides which reports count (pass the selection a notebook uses).
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .findings import HANDFUL, warn_small_groups

COLUMNS = ["year", "group", "value", "n_reports", "measure"]


def _dated(documents: pd.DataFrame) -> pd.DataFrame:
    docs = documents.drop_duplicates("doc_id")
    docs = docs[pd.to_numeric(docs["year"], errors="coerce").notna()].copy()
    docs["year"] = pd.to_numeric(docs["year"]).astype(int)
    return docs


def _finish(table: pd.DataFrame, docs: pd.DataFrame, measure: str, min_reports: int,
            order: Sequence[str] | None = None) -> pd.DataFrame:
    """TABLE with ``n_reports`` and ``measure``, by year and then ORDER (the groups' meaningful
    order: largest first, or the statutory parts' order; by name when None), which the chart's
    legend and colours follow, so they do not change with the alphabet."""
    table = table.copy()
    n_per_year = docs.groupby("year")["doc_id"].nunique()
    table["n_reports"] = table["year"].map(n_per_year).astype(int)
    table["measure"] = measure
    warn_small_groups(docs, by="year", min_reports=min_reports, stacklevel=4)
    extra = [c for c in table.columns if c not in COLUMNS]
    rank = {g: i for i, g in enumerate(dict.fromkeys(order or ()))}
    table["_rank"] = table["group"].map(lambda g: rank.get(g, len(rank)))
    table = table.sort_values(["year", "_rank", "group"], kind="stable")
    return table[COLUMNS + extra].reset_index(drop=True)


def _check_top(top: int) -> None:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a whole number of groups, 1 or more, not {top!r}")


def _largest(counts: pd.Series, top: int) -> pd.Index:
    """The TOP labels of COUNTS, largest first; a tie goes by the label (not by the rows' order)."""
    frame = counts.rename("n").rename_axis("label").reset_index()
    return pd.Index(frame.sort_values(["n", "label"], ascending=[False, True], kind="stable")["label"].head(top))


def concept_trend_table(
    concept_counts: pd.DataFrame, term_counts: pd.DataFrame, documents: pd.DataFrame, *,
    top: int = 6, min_reports: int = HANDFUL,
) -> pd.DataFrame:
    """Share (%) of all tokens of a year's reports that belong to each concept; the ``top``
    concepts with the largest share overall. ``n``: the concept's tokens."""
    docs = _dated(documents)
    concepts = concept_counts.merge(docs[["doc_id", "year"]], on="doc_id")
    tokens = term_counts.merge(docs[["doc_id", "year"]], on="doc_id").groupby("year")["n"].sum()
    _check_top(top)
    totals = concepts.groupby("label_zh")["n"].sum()
    chosen = _largest(totals, top)
    out = (concepts[concepts["label_zh"].isin(chosen)].groupby(["year", "label_zh"], as_index=False)["n"].sum()
           .rename(columns={"label_zh": "group"}))
    out["value"] = out["n"] / out["year"].map(tokens) * 100
    return _finish(out, docs, "占全部词数的比例（%）", min_reports, order=list(chosen))


def category_trend_table(
    indicators: pd.DataFrame, documents: pd.DataFrame, *, top: int = 6, exclude: Sequence[str] = ("", "未分类"),
    min_reports: int = HANDFUL,
) -> pd.DataFrame:
    """Indicators per report in each category: per year the median over that year's reports
    (0 for a report without one), for the ``top`` most frequent categories; ``n_indicators``
    is the year's total. EXCLUDE: categories left out (uncategorised figures: '' as the build
    writes them, 未分类 once labelled)."""
    docs = _dated(documents)
    category = indicators["category"].fillna("")
    ind = indicators[indicators["doc_id"].isin(docs["doc_id"]) & ~category.isin(exclude)]
    _check_top(top)
    chosen = _largest(ind["category"].value_counts(), top)
    per_report = (pd.crosstab(ind["doc_id"], ind["category"]).reindex(columns=chosen, fill_value=0)
                  .reindex(docs["doc_id"], fill_value=0).rename_axis("doc_id").reset_index()
                  .melt(id_vars="doc_id", var_name="group", value_name="n_indicators")
                  .merge(docs[["doc_id", "year"]], on="doc_id"))
    out = per_report.groupby(["year", "group"], as_index=False).agg(
        value=("n_indicators", "median"), n_indicators=("n_indicators", "sum"))
    return _finish(out, docs, "每份报告的指标数（中位数）", min_reports, order=list(chosen))


def density_trend_table(density: pd.DataFrame, documents: pd.DataFrame, *, min_reports: int = HANDFUL) -> pd.DataFrame:
    """Median indicators per 1,000 characters of a year's reports (whole reports)."""
    docs = _dated(documents)
    per_report = density[density["section_type"] == "all"].merge(docs[["doc_id", "year"]], on="doc_id")
    out = per_report.groupby("year", as_index=False).agg(value=("indicators_per_1k_chars", "median"))
    out["group"] = "每千字指标数（中位数）"
    return _finish(out, docs, "每千字指标数（中位数）", min_reports)


def phrase_trend_table(
    documents: pd.DataFrame, phrases: Sequence[str], *, min_reports: int = HANDFUL
) -> pd.DataFrame:
    """Share (%) of a year's reports whose text mentions each phrase; ``n_mentioning`` counts them."""
    phrases = [phrases] if isinstance(phrases, str) else list(phrases)  # one phrase, not its characters
    docs = _dated(documents)
    rows = [{"doc_id": d, "year": y, "group": p, "mentioned": p in str(text)}
            for d, y, text in zip(docs["doc_id"], docs["year"], docs["text"]) for p in phrases]
    mentions = pd.DataFrame(rows, columns=["doc_id", "year", "group", "mentioned"])
    out = mentions.groupby(["year", "group"], as_index=False).agg(
        value=("mentioned", "mean"), n_mentioning=("mentioned", "sum"))
    out["value"] = out["value"].astype(float) * 100
    out["n_mentioning"] = out["n_mentioning"].astype(int)
    return _finish(out, docs, "提及该词的报告占比（%）", min_reports, order=list(phrases))


def parts_trend_table(completeness: pd.DataFrame, documents: pd.DataFrame, *, min_reports: int = HANDFUL) -> pd.DataFrame:
    """Share (%) of a year's reports that have each statutory part; ``n_present`` counts them."""
    from .plots import PART_LABELS, completeness_table

    docs = _dated(documents)
    parts = completeness_table(completeness[completeness["doc_id"].isin(docs["doc_id"])], docs)
    parts = parts.merge(docs[["doc_id", "year"]], on="doc_id")
    out = parts.groupby(["year", "part_label"], as_index=False, sort=False).agg(
        value=("present", "mean"), n_present=("present", "sum")).rename(columns={"part_label": "group"})
    out["value"] = out["value"].astype(float) * 100
    out["n_present"] = out["n_present"].astype(int)
    return _finish(out, docs, "包含该部分的报告占比（%）", min_reports, order=list(PART_LABELS.values()))
