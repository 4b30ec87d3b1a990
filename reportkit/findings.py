"""What a chart can say, in words: the small-numbers caveat and the finding of each chart.

* :func:`caveats` writes, from the data, the warning that a comparison rests on too few reports
  ("2021年只有 1 份报告……不能当作趋势来读"); :func:`warn_small_groups` raises it as a
  :class:`SmallNumbersWarning` (the trend functions call it);
* :class:`Finding` is the headline of a chart stated as a finding ("5 份报告均提到执法力量薄弱"),
  the numbers behind it (speaker notes) and its caveat; the ``*_finding`` functions compute one
  from the table a chart draws. ``export.save_figure(finding=...)`` stores it beside the chart and
  ``export.build_deck`` uses it as the slide title and speaker notes.

Pure functions of DataFrames; nothing here draws or writes.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pandas as pd

#: Fewer reports than this in a year (or town, county...) and a comparison is only anecdote.
HANDFUL = 5
#: More groups short of reports than this and a caveat counts them instead of naming each.
MAX_NAMED = 10
#: The count behind a share (%) in the trend tables: the reports that mention the phrase, that have the part.
SHARE_COUNTS = ("n_mentioning", "n_present")


class SmallNumbersWarning(UserWarning):
    """A year (or other group) has fewer reports than a comparison needs."""


# --------------------------------------------------------------------------- small numbers


def _group_counts(documents: pd.DataFrame, by: str) -> pd.Series:
    if by not in documents.columns:
        raise ValueError(f"documents have no column {by!r}; columns: {', '.join(map(str, documents.columns))}")
    docs = documents.dropna(subset=[by]).drop_duplicates("doc_id")
    docs = docs[docs[by].astype(str).str.strip() != ""]  # an unknown (empty) town is no group
    if by == "town":
        # a town is its code or its name and county, as across_years counts towns: two 城关镇 are two
        from .across_years import town_key_of

        key, town = town_key_of(docs)
        names = town.groupby(town).transform(lambda s: key[s.index].nunique())
        county = docs["county"].astype("object").fillna("").astype(str).str.strip() if "county" in docs else ""
        label = town.where(names < 2, town + "（" + county + "）")
        counts = docs["doc_id"].groupby(key).nunique()  # a town renamed (one code) is one town
        return counts.set_axis(label.groupby(key).first().reindex(counts.index).to_numpy()).rename_axis(by).sort_index()
    return docs.groupby(by)["doc_id"].nunique().sort_index()


def caveats(
    documents: pd.DataFrame, *, by: str = "year", min_reports: int = HANDFUL, what: str | None = None
) -> str:
    """A plain-language warning when some ``by`` group (year, town, ...) has fewer than
    ``min_reports`` reports, and, by year, when the years hold mostly different towns (fewer than
    half the towns have reports of two years); ``""`` when neither. Built from the data, never hard-coded.

    >>> docs = pd.DataFrame({"doc_id": list("abc"), "town": list("xyz"), "year": [2021, 2022, 2022]})
    >>> caveats(docs, by="year", min_reports=3)
    '注意：2021年只有 1 份报告、2022年只有 2 份报告（少于 3 份）。这些年份之间的差异同时也是不同乡镇之间的差异，不能当作趋势来读。'
    """
    several_towns = "town" in documents and documents["town"].nunique() > 1
    small = _caveat(_group_counts(documents, by), by=by, min_reports=min_reports, what=what,
                    several_towns=several_towns)
    if small or by != "year" or what is not None:
        return small
    return _years_of_other_towns(documents)


def _years_of_other_towns(documents: pd.DataFrame) -> str:
    """The caveat when most towns have a report of one year only, so that the years hold mostly
    different towns, or "": enough reports a year do not make a trend of different towns.

    >>> docs = pd.DataFrame({"doc_id": list("abcd"), "town": ["甲镇", "乙镇", "丙镇", "甲镇"],
    ...                      "county": ["A县"] * 4, "year": [2023, 2023, 2024, 2024]})
    >>> _years_of_other_towns(docs)
    '注意：各年份的报告大多来自不同乡镇（3 个乡镇中只有 1 个有两个及以上年份的报告）。年份之间的变化也是乡镇之间的差别，不能当作趋势来读。'
    """
    if "town" not in documents:
        return ""
    from .across_years import town_years

    towns = town_years(documents)
    followed = int((towns["n_years"] >= 2).sum())
    if 2 * followed >= len(towns) or pd.to_numeric(documents["year"], errors="coerce").nunique() < 2:
        return ""
    return (f"注意：各年份的报告大多来自不同乡镇（{len(towns)} 个乡镇中只有 {followed} 个有两个及以上年份的报告）。"
            "年份之间的变化也是乡镇之间的差别，不能当作趋势来读。")


def _caveat(counts: pd.Series, *, by: str, min_reports: int, what: str | None, several_towns: bool) -> str:
    small = counts[counts < min_reports]
    if small.empty:
        return ""
    unit = "年" if by == "year" else ""
    noun = {"year": "年份", "town": "乡镇", "county": "县（区）", "province": "省份"}.get(by, "组")
    if len(small) == len(counts) and small.nunique() == 1:  # every group equally small: say it once
        parts = f"每个{noun}都只有 {int(small.iloc[0])} 份报告"
    elif len(small) > MAX_NAMED:  # hundreds of towns: how many, and a few of them, not one name each
        parts = "、".join(_counted(list(names), int(n), noun, unit) for n, names in small.groupby(small).groups.items())
    else:
        parts = "、".join(f"{_fmt(k)}{unit}只有 {int(n)} 份报告" for k, n in small.items())
    if what is None:
        if by == "year":
            what = ("这些年份之间的差异同时也是不同乡镇之间的差异，不能当作趋势来读。" if several_towns
                    else "一两份报告的变化可能只是写法的变化，不能当作趋势来读。")
        else:
            what = "这些组之间的差异可能只是个别报告的写法不同，不能推及其他乡镇。"
    return f"注意：{parts}（少于 {min_reports} 份）。{what}"


def warn_small_groups(
    documents: pd.DataFrame | pd.Series, *, by: str = "year", min_reports: int = HANDFUL, stacklevel: int = 3
) -> str:
    """Warn (:class:`SmallNumbersWarning`) with :func:`caveats` when a group is too small;
    return the caveat (``""`` when every group is large enough).

    ``documents`` may also be the number of reports per group (a Series indexed by year), as a
    trend table carries it in ``n_reports``.
    """
    if isinstance(documents, pd.Series):
        text = _caveat(documents, by=by, min_reports=min_reports, what=None, several_towns=True)
    else:
        text = caveats(documents, by=by, min_reports=min_reports)
    if text:
        warnings.warn(text, SmallNumbersWarning, stacklevel=stacklevel)
    return text


def reports_per_group(documents: pd.DataFrame, by: str = "year") -> str:
    """"2021年 1 份、2022年 2 份" — the reports behind each group, for notes and methods.

    >>> reports_per_group(pd.DataFrame({"doc_id": list("abc"), "year": [2021, 2022, 2022]}))
    '2021年 1 份、2022年 2 份'
    """
    counts = _group_counts(documents, by)
    unit = "年" if by == "year" else ""
    return "、".join(f"{_fmt(k)}{unit} {n} 份" for k, n in counts.items())


def _counted(names: list, n: int, noun: str, unit: str) -> str:
    """The groups NAMES of N reports each: named when few, else counted with three examples."""
    if len(names) <= 3:
        return "、".join(f"{_fmt(k)}{unit}只有 {n} 份报告" for k in names)
    return f"{len(names)} 个{noun}只有 {n} 份报告（如 {'、'.join(f'{_fmt(k)}{unit}' for k in names[:3])}）"


def some_towns(towns: str, *, most: int = MAX_NAMED) -> str:
    """A "、"-joined list of towns for a note, cut to its MOST first and counted beyond: a speaker
    note does not read out hundreds of names.

    >>> some_towns("甲镇、乙乡、丙镇", most=2)
    '甲镇、乙乡等 3 个乡镇'
    """
    names = [t for t in str(towns).split("、") if t]
    return "、".join(names) if len(names) <= most else f"{'、'.join(names[:most])}等 {len(names)} 个乡镇"


def _fmt(value) -> str:
    try:
        return str(int(value)) if float(value).is_integer() else str(value)
    except (TypeError, ValueError):
        return str(value)


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    """A chart's headline as a finding, the numbers behind it and its caveat."""

    title: str
    notes: list[str] = field(default_factory=list)
    caveat: str = ""

    def as_dict(self) -> dict:
        return {"finding": self.title, "notes": list(self.notes), "caveat": self.caveat}


def _share(k: int, n: int) -> str:
    """"5 份报告均" / "3/5 份报告" — a count out of the reports, never a bare percentage."""
    return f"{n} 份报告均" if k == n and n > 1 else f"{k}/{n} 份报告"


def _small_n_note(n: int) -> str:
    return (f"份数是这 {n} 份报告中的计数，只描述这些报告，不能推及其他乡镇。" if n < 30
            else f"份数是这 {n} 份报告中的计数。")


def _number(value, digits: int = 1) -> str:
    if value is None or pd.isna(value):
        return "—"
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.{digits}f}"


def theme_frequency_finding(summary: pd.DataFrame, *, max_notes: int = 20) -> Finding:
    """The most shared shortcoming theme, from ``reportkit.theme_summary``:
    "5 份报告均提到「执法与法治工作力量、人才薄弱」方面的不足"."""
    named = summary[~summary["theme"].isin(["other", "未归类"])] if "theme" in summary else summary
    n = int(summary["n_reports_total"].iloc[0]) if len(summary) else 0
    notes = [f"{r.theme_label}：{r.n_reports}/{r.n_reports_total} 份报告，{r.n_items} 条"
             + (f"（{some_towns(r.towns)}）" if getattr(r, "towns", "") else "") for r in summary.head(max_notes).itertuples()]
    caveat = "这些是报告自述的不足，不是检查结论；主题按 themes.csv 的关键词和聚类归类。" + _small_n_note(n)
    if named.empty:
        return Finding("报告中没有可归类的不足条目", notes, caveat)
    top = named[named["n_reports"] == named["n_reports"].max()]
    k = int(top["n_reports"].iloc[0])
    labels = "」「".join(top["theme_label"].head(2))
    if len(top) == 1:
        title = f"{_share(k, n)}提到「{labels}」方面的不足"
    else:
        title = f"「{labels}」{'等' if len(top) > 2 else ''}最常见：各有 {k}/{n} 份报告提到"
    return Finding(title, notes, caveat)


def completeness_finding(table: pd.DataFrame) -> Finding:
    """How many reports have all statutory parts and which part is missing most, from
    ``plots.completeness_table``."""
    n = table["doc_id"].nunique()
    n_parts = table["part"].nunique()
    per_doc = table.groupby("doc_id")["present"].sum()
    complete = int((per_doc == n_parts).sum())
    missing = (~table["present"].astype(bool)).groupby(table["part_label"], sort=False).sum()
    notes = [f"{part}：{n - int(m)}/{n} 份报告有" for part, m in missing.items()]
    for label, part in table[~table["present"].astype(bool)].groupby("label", sort=False)["part_label"]:
        notes.append(f"{label} 未单列：{'、'.join(part)}")
    caveat = ("按标题识别组成部分：把第一责任人履职写进主要举措的报告记为未单列，未必真的没写。" + _small_n_note(n))
    if complete == n:
        return Finding(f"{_share(n, n)}包含全部 {n_parts} 个法定组成部分", notes, caveat)
    everywhere = [p for p, m in missing.items() if m == n]
    partly = missing[(missing > 0) & (missing < n)].sort_values(ascending=False, kind="stable")
    pieces = [f"{complete}/{n} 份报告 {n_parts} 个部分齐全"] if complete else []
    if everywhere:
        pieces.append(f"{_share(n, n)}未单列「{'」「'.join(everywhere)}」")
    if len(partly):
        pieces.append(f"{int(partly.iloc[0])}/{n} 份未单列「{partly.index[0]}」")
    return Finding("；".join(pieces), notes, caveat)


def _unfolded(table: pd.DataFrame, column: str, what: str) -> None:
    if table[column].astype(str).str.startswith(FOLDED).any():
        raise ValueError(f"{what}: the table has a folded 其他 row (the chart's top-N); pass the data before folding "
                         "(e.g. the table given to grouped_bars_table, or originality_table(..., top=None))")


#: How the plots name a row that folds the reports beyond the top N ("其他（280 份，中位数）").
FOLDED = "其他（"


def bars_finding(table: pd.DataFrame, *, x: str, y: str, what: str, unit: str = "", max_notes: int = 30,
                 n_reports: int | None = None, drawn=None, qualifier: str | None = None,
                 unit_column: str | None = None) -> Finding:
    """The largest and smallest value: "{what}：甲 最多（12 个），乙、丙 最少（3 个）" (every bar tied at
    either end is named, up to three); notes list the values (largest first). Pass the data before
    the chart folded it to its top N, and DRAWN, the x values the chart shows as bars of their own
    (``bars[x]``): a report named here but folded into 其他 is said to be so. N_REPORTS: how many
    reports the bars count, when a bar is not one report (reports per year: the sum of the bars);
    by default one a bar. QUALIFIER and UNIT_COLUMN: columns of each value's own qualifier and
    unit (100余次, 共17场), said as the report writes them instead of UNIT.

    >>> per_year = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "n_reports": [1, 1, 1, 2]})
    >>> found = bars_finding(per_year, x="year", y="n_reports", what="各年份的报告数", unit=" 份", n_reports=5)
    >>> found.title, found.caveat[:10]
    ('各年份的报告数：2024 最多（2 份），2021、2022、2023 最少（1 份）', '份数是这 5 份报告')
    """
    _unfolded(table, x, "bars_finding")
    rows = table.dropna(subset=[y])
    ordered = rows.sort_values(y, ascending=False, kind="stable")

    def said(i: int, digits: int = 1) -> str:  # the value of row I of ORDERED as the report writes it
        if qualifier is None and unit_column is None:
            return f"{_number(ordered[y].iloc[i], digits)}{unit}"
        from .plots import format_value

        q = ordered[qualifier].iloc[i] if qualifier else None
        u = ordered[unit_column].iloc[i] if unit_column else unit
        return format_value(float(ordered[y].iloc[i]), None if pd.isna(q) else str(q)) + ("" if pd.isna(u) else str(u))

    notes = [f"{label}：{said(i, 2)}" for i, label in enumerate(ordered[x])][:max_notes]
    if rows.empty:
        return Finding(f"{what}：没有数据", notes, "")
    hi, lo = ordered[y].iloc[0], ordered[y].iloc[-1]
    if len(ordered) == 1 or hi == lo:
        title = f"{what}：{'都是 ' if len(ordered) > 1 else ''}{said(0)}"
    else:
        title = (f"{what}：{_named(ordered.loc[ordered[y] == hi, x])} 最多（{said(0)}），"
                 f"{_named(ordered.loc[ordered[y] == lo, x])} 最少（{said(len(ordered) - 1)}）")
        if drawn is not None and not set(ordered.loc[ordered[y] == lo, x]) & set(drawn):
            title += "（图中归入「其他」）"
    return Finding(title, notes, _small_n_note(len(rows) if n_reports is None else n_reports))


def with_partial_counts(found: Finding, documents: pd.DataFrame, by: str, *, most: int = 5) -> Finding:
    """FOUND with its caveat saying how many texts of each BY group are partial (``is_partial``):
    a count of texts found is no count of reports that can be compared (the MOST largest groups
    named). FOUND itself when every text is whole.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2024, 2025, 2025], "is_partial": [False, True, False]})
    >>> with_partial_counts(Finding("各年份的报告数", [], "份数是这 3 份报告中的计数。"), docs, "year").caveat
    '份数是这 3 份报告中的计数。其中 1 份是不完整文本（只有开头或被删节），不能当作完整报告比较：2025 1 份。'
    """
    if "is_partial" not in documents:
        return found
    docs = documents.drop_duplicates("doc_id")
    partial = docs[docs["is_partial"].fillna(False).astype(bool)]
    if partial.empty:
        return found
    counts = partial.groupby(by, dropna=False)["doc_id"].nunique().rename("n").reset_index()
    counts = counts.sort_values(["n", by], ascending=[False, True], kind="stable")
    said = "、".join(f"{_fmt(g) if pd.notna(g) else '未注明'} {n} 份" for g, n in zip(counts[by][:most], counts["n"]))
    said += f" 等 {len(counts)} 个" if len(counts) > most else ""
    caveat = (f"{found.caveat}其中 {len(partial)} 份是不完整文本（只有开头或被删节），不能当作完整报告比较："
              f"{said}。")
    return Finding(found.title, list(found.notes), caveat)


def _named(labels: pd.Series, most: int = 3) -> str:
    """Up to MOST labels joined with 、, then "等 k 个"."""
    shown = "、".join(str(label) for label in labels.iloc[:most])
    return shown + (f" 等 {len(labels)} 个" if len(labels) > most else "")


def density_finding(table: pd.DataFrame) -> Finding:
    """Reports' figures per 1,000 characters: which report gives the most, which the fewest."""
    found = bars_finding(table, x="label", y="indicators_per_1k_chars", what="每千字具体数字", unit=" 个")
    notes = [f"{r.label}：每千字 {_number(r.indicators_per_1k_chars)} 个，共 {int(r.n_indicators)} 个数字、"
             f"{int(r.n_chars)} 字" for r in table.itertuples() if hasattr(r, "n_indicators")] or found.notes
    caveat = "只数报告中出现的具体数字（指标），不判断数字是否重要或真实。" + found.caveat
    return Finding(found.title, notes, caveat)


def part_density_finding(table: pd.DataFrame) -> Finding:
    """Figures per 1,000 characters in each statutory part, from rows of ``density`` with
    ``label`` (the report) and ``part_label``: which part gives the most figures (its median over
    the reports that have it).

    >>> parts = pd.DataFrame({"label": ["甲 2023", "乙 2023", "甲 2023"], "part_label": ["主要举措和成效"] * 2 + ["不足和原因"],
    ...                       "indicators_per_1k_chars": [6.0, 4.0, 0.0]})
    >>> part_density_finding(parts).title
    '每千字具体数字：「主要举措和成效」最多（中位数 5 个），「不足和原因」最少（中位数 0 个）'
    """
    if table.empty:
        return Finding("每千字具体数字：没有数据", [], "")
    per_part = (table.groupby("part_label", sort=False)["indicators_per_1k_chars"]
                .agg(["median", "max", "size"]).sort_values("median", ascending=False, kind="stable"))
    notes = [f"{part}：{int(r['size'])} 份报告有这一部分，每千字中位数 {_number(r['median'])} 个，最多 {_number(r['max'])} 个"
             for part, r in per_part.iterrows()]
    hi, lo = per_part.index[0], per_part.index[-1]
    title = f"每千字具体数字：「{hi}」最多（中位数 {_number(per_part.loc[hi, 'median'])} 个）"
    if len(per_part) > 1:
        title += f"，「{lo}」最少（中位数 {_number(per_part.loc[lo, 'median'])} 个）"
    caveat = ("每一部分只比较有这一部分的报告；只数报告中出现的具体数字，不判断数字是否重要或真实。"
              + _small_n_note(table["label"].nunique()))
    return Finding(title, notes, caveat)


def keyword_hits_finding(table: pd.DataFrame) -> Finding:
    """How often each keyword occurs, from rows ``label, keyword, n_hits`` (a row per report and
    keyword, 0 included): the keyword said most, and in how many reports.

    >>> hits = pd.DataFrame({"label": ["甲", "乙", "甲", "乙"], "keyword": ["调解", "调解", "复议", "复议"],
    ...                      "n_hits": [5, 2, 0, 1]})
    >>> keyword_hits_finding(hits).title
    '「调解」出现最多：共 7 次，2 份报告均提到'
    """
    if table.empty:
        return Finding("没有要数的关键词", [], "")
    n = table["label"].nunique()
    per_word = (table.groupby("keyword", sort=False)
                .agg(total=("n_hits", "sum"), reports=("n_hits", lambda s: int((s > 0).sum())))
                .sort_values("total", ascending=False, kind="stable"))
    notes = [f"{word}：共 {int(r.total)} 次，{_share(int(r.reports), n)}提到" for word, r in per_word.iterrows()]
    word, top = per_word.index[0], per_word.iloc[0]
    if top["total"] == 0:
        return Finding("这些关键词在所选报告中都没有出现", notes, "")
    title = f"「{word}」出现最多：共 {int(top['total'])} 次，{_share(int(top['reports']), n)}提到"
    return Finding(title, notes, "出现次数随报告篇幅增长；" + _small_n_note(n))


def town_years_finding(town_years: pd.DataFrame, *, max_notes: int = 30) -> Finding:
    """How many towns have reports of two years or more (``across_years.town_years``), the ones
    whose work can be followed from year to year.

    >>> towns = pd.DataFrame({"town": ["甲镇", "乙乡"], "county": ["A县", "B县"], "years": ["2023", "2023、2024"],
    ...                       "n_years": [1, 2]})
    >>> town_years_finding(towns).title
    '1/2 个乡镇有两年及以上的报告，可以跨年比较这些乡镇'
    >>> town_years_finding(towns.head(1)).title
    '没有乡镇有两年及以上的报告：还不能跨年比较同一乡镇'
    """
    compared = int((town_years["n_years"] >= 2).sum())
    notes = [f"{r.town}（{r.county}）：{r.years}" for r in town_years.head(max_notes).itertuples()]
    if not compared:
        return Finding("没有乡镇有两年及以上的报告：还不能跨年比较同一乡镇", notes,
                       "同一乡镇有两个年份的报告后，这一部分的图才有内容。")
    return Finding(f"{compared}/{len(town_years)} 个乡镇有两年及以上的报告，可以跨年比较这些乡镇", notes, "")


def indicator_heatmap_finding(indicators: pd.DataFrame, documents: pd.DataFrame, *, max_notes: int = 30) -> Finding:
    """The indicator category most reports give, from the indicators (categories in Chinese,
    ``notebooks.with_category_labels``) and the reports behind the heatmap."""
    from .indicators import own_year

    ids = set(documents["doc_id"])
    ind = own_year(indicators[indicators["doc_id"].isin(ids)])  # as the heatmap counts them
    n = len(ids)
    reach = ind.groupby("category").agg(n_reports=("doc_id", "nunique"), n=("doc_id", "size"))
    unc = int(reach.loc["未分类", "n"]) if "未分类" in reach.index else 0
    reach = reach.drop(index=[c for c in ("未分类",) if c in reach.index])
    reach = reach.sort_values(["n_reports", "n"], ascending=False, kind="stable")
    notes = [f"{c}：{int(r.n_reports)}/{n} 份报告给出，共 {int(r.n)} 个" for c, r in reach.iterrows()][:max_notes]
    if not n:  # a selection without reports (LEVEL="county" in a build of townships)
        return Finding("所选范围内没有报告", [], "换一个年份、乡镇或层级再看。")
    per_report = ind.groupby("doc_id").size().reindex(list(ids), fill_value=0)
    notes.append(f"每份报告给出 {int(per_report.min())}–{int(per_report.max())} 个数字（中位数 "
                 f"{_number(per_report.median())}）")
    caveat = ("类别按 indicator_categories.csv 自动归类" + (f"，另有 {unc} 个数字未分类" if unc else "")
              + "；只能比较同类同单位的数字。" + _small_n_note(n))
    if reach.empty:
        return Finding("报告中没有可归类的具体数字", notes, caveat)
    category, top = reach.index[0], reach.iloc[0]
    title = f"{_share(int(top['n_reports']), n)}给出「{category}」类数字，共 {int(top['n'])} 个"
    return Finding(title, notes, caveat)


def keyness_finding(table: pd.DataFrame, *, group: str = "town", per_group: int = 5) -> Finding:
    """Each town's most distinctive term, from ``keyness`` rows with a ``town`` column."""
    if table.empty:
        return Finding("只有一个乡镇，没有可比较的特色词", [], "")
    firsts = table.sort_values("stat", ascending=False).drop_duplicates(group)
    order = list(dict.fromkeys(table[group]))
    firsts = firsts.set_index(group).reindex(order).dropna(subset=["term"])
    shown = "，".join(f"{g}「{t}」" for g, t in firsts["term"].head(3).items())
    title = f"各乡镇最有特色的词：{shown}" + ("等" if len(firsts) > 3 else "")
    notes = [f"{g}：" + "、".join(f"{t}（{_number(s)}）" for t, s in list(zip(part["term"], part["stat"]))[:per_group])
             for g, part in table.groupby(group, sort=False)]
    caveat = "卡方关键度：与其他报告相比，该乡镇报告中多得异常的词；常是地名或个别项目，报告少时不稳定。"
    return Finding(title, notes, caveat)


def trend_finding(table: pd.DataFrame, *, what: str | None = None, by: str = "year", max_notes: int = 30) -> Finding:
    """The first and last year of each line of a trend table, with the reports behind each year;
    the title never calls a change a trend when a year has fewer than a handful of reports."""
    measure = str(table["measure"].iloc[0]) if "measure" in table and len(table) else ""
    what = what or measure
    unit = "%" if "（%）" in measure else ""
    years = sorted(table[by].unique())
    n_per_year = table.groupby(by)["n_reports"].max()
    count = next((c for c in SHARE_COUNTS if c in table), None) if unit == "%" else None
    notes = []
    for g, part in table.groupby("group", sort=False):
        if count:  # a share says how many reports it is: of one report, 100 % is "1/1"
            values = "，".join(f"{_fmt(y)}年 {int(k)}/{int(n)} 份" if n < HANDFUL else
                              f"{_fmt(y)}年 {_number(v)}%（{int(k)}/{int(n)} 份）"
                              for y, v, k, n in zip(part[by], part["value"], part[count], part["n_reports"]))
        else:
            values = "，".join(f"{_fmt(y)}年 {_number(v)}{unit}" for y, v in zip(part[by], part["value"]))
        notes.append(f"{g}：{values}")
    notes = notes[:max_notes] + ["每年报告数：" + "、".join(f"{_fmt(y)}年 {int(n)} 份" for y, n in n_per_year.items())]
    caveat = _caveat(n_per_year, by=by, min_reports=HANDFUL, what=None, several_towns=True)
    if not years:
        return Finding(f"{what}：没有数据", notes, caveat)
    span = f"{_fmt(years[0])}–{_fmt(years[-1])}年" if len(years) > 1 else f"{_fmt(years[0])}年"
    title = span + _leaders(table, by=by, what=what)
    if caveat:
        title += f"（每年仅 {int(n_per_year.min())}–{int(n_per_year.max())} 份报告，不是趋势）" \
            if n_per_year.min() != n_per_year.max() else f"（每年仅 {int(n_per_year.min())} 份报告，不是趋势）"
    return Finding(title, notes, caveat)


def _leaders(table: pd.DataFrame, *, by: str, what: str) -> str:
    """Which line is highest, year by year: the same every year, tied, or changing (a mean over
    the years would name a line that leads in one year only).

    >>> t = pd.DataFrame({"year": [2021, 2021, 2022, 2022], "group": ["普法", "执法"] * 2, "value": [2.3, 3.0, 2.5, 2.0]})
    >>> _leaders(t, by="year", what="所占比重")
    '所占比重最高的因年而异：2021年「执法」，2022年「普法」'
    >>> _leaders(t.assign(value=[100, 100, 100, 100]), by="year", what="包含比例")
    '各年包含比例最高的都是「普法」「执法」（并列）'
    >>> _leaders(t.assign(value=[100, 100, 100, 50]), by="year", what="包含比例")
    '各年包含比例最高的都有「普法」'
    """
    if table["group"].nunique() < 2:
        return what
    leaders = []
    for year, part in table.groupby(by, sort=True):
        best = part["value"].max()
        leaders.append((year, tuple(part.loc[part["value"] == best, "group"])))
    tops = {groups for _, groups in leaders}
    if len(tops) == 1:
        groups = leaders[0][1]
        return f"各年{what}最高的都是「{'」「'.join(groups[:3])}」" + ("（并列）" if len(groups) > 1 else "")
    always = [g for g in leaders[0][1] if all(g in groups for _, groups in leaders)]
    if always:  # ties that change from year to year, around lines that lead every year
        return f"各年{what}最高的都有「{'」「'.join(always[:3])}」"
    if len(leaders) <= 5:
        return f"{what}最高的因年而异：" + "，".join(f"{_fmt(y)}年「{'」「'.join(g[:2])}」" for y, g in leaders)
    counts = pd.Series([g for _, groups in leaders for g in groups]).value_counts()
    return f"{what}最高的因年而异：「{counts.index[0]}」在 {int(counts.iloc[0])}/{len(leaders)} 个年份最高"


def phrase_finding(table: pd.DataFrame) -> Finding:
    """Which phrases most and fewest reports mention, from ``trends.phrase_trend_table``."""
    found = trend_finding(table)
    totals = table.groupby("group").agg(k=("n_mentioning", "sum"))
    n = int(table.groupby("year")["n_reports"].max().sum())
    if totals.empty:
        return found
    totals = totals.sort_values("k", ascending=False, kind="stable")
    hi, lo = totals.index[0], totals.index[-1]
    k_hi = int(totals["k"].iloc[0])
    title = f"「{hi}」见于全部 {n} 份报告" if k_hi == n else f"「{hi}」见于 {k_hi}/{n} 份报告"
    if lo != hi and totals["k"].iloc[-1] < totals["k"].iloc[0]:
        title += f"，「{lo}」{int(totals['k'].iloc[-1])} 份"
    notes = [f"{g}：{int(k)}/{n} 份报告提及" for g, k in totals["k"].items()] + found.notes
    return Finding(title, notes, found.caveat)


def originality_finding(table: pd.DataFrame) -> Finding:
    """How many reports share text with another, and the least original, from
    ``plots.originality_table(..., top=None)`` (every report, not the chart's top N)."""
    _unfolded(table, "label", "originality_finding")
    rows = table
    n = len(rows)
    shared = rows[rows.get("n_reports_shared", pd.Series(0, index=rows.index)).fillna(0) > 0]
    notes = [f"{r.label}：原创 {float(r.originality):.0%}"
             + (f"，与 {int(r.n_reports_shared)} 份报告有重复段落" if getattr(r, "n_reports_shared", 0) else "")
             for r in table.itertuples()][:30]
    caveat = "只在这批报告之间比较：抄自未收录的报告或县里模板的文字看不出来；套话不计。"
    if shared.empty:
        return Finding(f"{n} 份报告之间没有发现重复段落", notes, caveat)
    low = rows.sort_values("originality").iloc[0]
    if float(low["originality"]) >= 0.95:  # a shared sentence or two: say so, not "only 99 %"
        title = f"各报告基本是自己写的：原创文字均在 {int(float(low['originality']) * 100)}% 以上"
        notes.insert(0, f"{len(shared)}/{n} 份报告与其他报告有少量重复段落")
    else:
        title = f"{len(shared)}/{n} 份报告与其他报告有重复段落；{low['label']} 原创文字仅 {float(low['originality']):.0%}"
    return Finding(title, notes, caveat)


def reuse_matrix_finding(table: pd.DataFrame, *, max_notes: int = 20) -> Finding:
    """The pair of reports that shares the most text, from ``plots.reuse_matrix_table(...,
    value="share", top=None)`` (every report, not the chart's top N)."""
    _unfolded(table, "label_a", "reuse_matrix_finding")
    pairs = table[(table["label_a"] != table["label_b"]) & (table["n_chars_shared"] > 0)]
    pairs = pairs.sort_values(["value", "n_chars_shared"], ascending=False)
    n = table["label_a"].nunique()
    caveat = ("比例 = 行报告中在列报告里重现的段落字数 / 行报告字数；地名和数字已替换后比较，套话不计；"
              "只在这批报告之间比较。")
    notes = [f"{r.label_a} 的文字有 {float(r.value):.0%}（{int(r.n_chars_shared)} 字）见于 {r.label_b}"
             for r in pairs.head(max_notes).itertuples()]
    if pairs.empty:
        return Finding(f"{n} 份报告之间没有发现重复段落", notes, caveat)
    top = pairs.iloc[0]
    share = float(top["value"])
    if share < 0.05:
        return Finding(f"报告之间重复的文字很少：最多 {share:.0%}（{top['label_a']} 与 {top['label_b']}）", notes, caveat)
    return Finding(f"{top['label_a']} 有 {share:.0%} 的文字见于 {top['label_b']}", notes, caveat)


def methods_lines(
    documents: pd.DataFrame, *, build_log: pd.DataFrame | None = None, left_out: pd.DataFrame | None = None,
    min_reports: int = HANDFUL,
) -> list[str]:
    """The methods-and-caveats slide: what the corpus is, what was left out, what n allows."""
    n = documents["doc_id"].nunique()
    from .across_years import count_towns

    towns = count_towns(documents)
    # a place the build could not tell is empty, not one more county or province
    counties, provinces = (documents[c].replace("", pd.NA).nunique() if c in documents else 0 for c in ("county", "province"))
    years = sorted(int(y) for y in pd.to_numeric(documents.get("year"), errors="coerce").dropna().unique()) \
        if "year" in documents else []
    span = f"，{years[0]}–{years[-1]}年" if len(years) > 1 else (f"，{years[0]}年" if years else "")
    lines = [f"语料：{n} 份乡镇法治政府建设年度报告，{towns} 个乡镇，分属 {counties} 个县（区）、{provinces} 个省份{span}。"]
    if years:
        per_year = reports_per_group(documents, "year")
        if "is_partial" in documents:
            # a year of many page openings is not a year of many reports to compare: say how many are whole
            counts = _group_counts(documents, "year")
            partial = _group_counts(documents[documents["is_partial"].fillna(False).astype(bool)], "year")
            if len(partial):
                per_year = "、".join(f"{_fmt(y)}年 {n} 份" + (f"（其中 {int(partial[y])} 份不完整）" if y in partial else "")
                                     for y, n in counts.items())
        lines.append(f"每年报告数：{per_year}。")
    # every kind of exclusion is named, a zero too: "none left out" is a statement the reader can check
    left = []
    if left_out is not None:
        left.append(f"{len(left_out)} 份县级或市级报告（不与乡镇报告比较）" if len(left_out)
                    else "没有县级或市级报告需要排除")
    if "is_partial" in documents:
        partial = int(documents["is_partial"].fillna(False).astype(bool).sum())
        left.append(f"{partial} 份不完整文本（只有开头、被删节等）不计入比例的分母" if partial
                    else "没有发现不完整的文本")
    if build_log is not None and "status" in build_log:
        errors = int((build_log["status"] == "error").sum())
        left.append(f"{errors} 个文件无法读取（见 build_log）" if errors else "所有文件都已读取")
    lines.append("未纳入：" + ("；".join(left) if left else "无") + "。")
    caveat = caveats(documents, by="year", min_reports=min_reports) if years else ""
    lines.append("年份比较：" + (caveat.removeprefix("注意：") if caveat else
                               f"每年至少有 {min_reports} 份报告，且多数乡镇有几个年份的报告，可以比较年份；"
                               "仍只代表这些乡镇。"))
    lines.append("份数：" + _small_n_note(n) + "“k/n 份”是份数，不是抽样估计。")
    lines.append("来源与方法：报告是乡镇的自述材料，其中的数字未经核实；主题、类别和组成部分由 reportkit "
                 "按可编辑的词表自动识别。")
    return lines
