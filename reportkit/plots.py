"""Charts for briefing slides: a CJK-safe house theme and ``plot_*`` functions.

Every chart comes in a pair, in the seaborn / scikit-learn style:

* ``*_table(...) -> DataFrame`` is a pure function that computes exactly the numbers the chart
  draws, so they can be exported beside the picture (``reportkit.export.save_figure(data=...)``);
* ``plot_*(..., *, ax=None) -> Axes`` draws them on ``ax`` (or on a new slide-size figure).

Fonts. Most Linux servers have no Chinese font, and matplotlib then draws every Chinese
character as an empty box ("tofu"). :func:`set_theme` (from ``reportkit.fonts``, re-exported
here) picks a CJK font installed on the system or registers the bundled Noto Sans CJK; see it
for what survives a later call to seaborn's own theme functions.

This module imports matplotlib and seaborn at the top on purpose: it is only imported when
charts are drawn, so ``import reportkit`` stays light.

Example::

    from reportkit import plots
    plots.set_theme()
    table = plots.indicator_heatmap_table(indicators, documents)
    ax = plots.plot_indicator_heatmap(table)
"""
from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes

from .findings import HANDFUL, SHARE_COUNTS, warn_small_groups
from .fonts import (  # noqa: F401  (re-exported: charts and their theme are one API)
    BUNDLED_CJK_FONT,
    CJK_FONTS,
    HALF_SLIDE_SIZE,
    SLIDE_SIZE,
    cjk_font_name,
    font_rc,
    house_rc,
    rc_context,
    set_theme,
    use_cjk_font,
)

from .labels import axis_label

log = logging.getLogger(__name__)

#: Statutory parts of the report, in the order the 2019 督察工作规定 lists them.
PART_LABELS = {
    "measures": "主要举措和成效",
    "shortcomings": "不足和原因",
    "leadership": "第一责任人履职",
    "plans": "下一年度安排",
    "other": "其他情况",
}

#: Marker shapes of the lines of a trend chart, in order (told apart without colour too).
_MARKERS = "osD^vP<X>*"

#: Bars, rows or reports a chart shows before the rest are folded into one "其他" entry.
TOP_N = 20
_AGG_ZH = {"sum": "合计", "median": "中位数", "mean": "平均"}

# Qualifiers written after the number (40余起, 100以上); every other qualifier goes before it
# (近30, 共210, 累计, 约, 超过).
_SUFFIX_QUALIFIERS = frozenset({"余", "多", "以上", "左右", "以下", "余万", "多万"})


# --------------------------------------------------------------------------- labels


def doc_label(documents: pd.DataFrame) -> pd.Series:
    """A readable label per document, e.g. "大年乡 2024" (same index as ``documents``).

    Falls back to the file name's stem when the town is unknown, and to the ``doc_id`` when
    both are; labels that would collide get ``#`` and the first four hex digits of ``doc_id``.

    >>> doc_label(pd.DataFrame({"doc_id": ["a1"], "town": ["大年乡"], "year": [2024]})).tolist()
    ['大年乡 2024']
    """
    labels = []
    for row in documents.itertuples(index=False):
        town = _clean(getattr(row, "town", None))
        if not town:
            file = _clean(getattr(row, "file", None))
            town = Path(file).stem if file else str(getattr(row, "doc_id", ""))[:8]
        year = _year_text(getattr(row, "year", None))
        labels.append(f"{town} {year}" if year and year not in town else town)
    out = pd.Series(labels, index=documents.index, name="label", dtype="object")
    dup = out.duplicated(keep=False)
    if dup.any():
        out[dup] = out[dup] + " #" + documents.loc[dup, "doc_id"].astype(str).str[:4]
    return out


def _clean(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _year_text(value) -> str:
    if value is None or pd.isna(value) or str(value).strip() == "":
        return ""
    try:
        return str(int(float(value)))
    except (TypeError, ValueError):
        return str(value)


def _documents_with_labels(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, label, town, year, n_chars of each document, in a stable reading order."""
    docs = documents.copy()
    for col in ("town", "year", "file", "n_chars"):
        if col not in docs:
            docs[col] = pd.NA
    docs["label"] = doc_label(docs)
    docs["_year"] = pd.to_numeric(docs["year"], errors="coerce")
    docs["_no_town"] = [not _clean(t) for t in docs["town"]]  # unnamed towns after named ones
    docs = docs.sort_values(["_no_town", "town", "_year", "label"], na_position="last", kind="stable")
    return docs[["doc_id", "label", "town", "year", "n_chars"]].reset_index(drop=True)


def _labels_for(doc_ids: pd.Series, docs: pd.DataFrame) -> pd.Series:
    """Labels for doc_ids, falling back to the id itself for documents not in ``documents``."""
    mapping = dict(zip(docs["doc_id"], docs["label"]))
    return doc_ids.map(lambda d: mapping.get(d, str(d)[:8]))


def format_value(value: float, qualifier: str | None = None) -> str:
    """A number as written in the reports, with its qualifier where Chinese puts it.

    >>> format_value(40.0, "余"), format_value(30.0, "近"), format_value(12.5, None)
    ('40余', '近30', '12.5')
    >>> format_value(300.0, "累计;余")
    '累计300余'
    """
    if value is None or pd.isna(value):
        return ""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    number = number.replace(",", "")  # reports write 12000, not 12,000
    # several qualifiers are joined with ";" (累计;余 → 累计300余)
    quals = [q for q in re.split(r"[;；]", _clean(qualifier)) if q]
    before = "".join(q for q in quals if q not in _SUFFIX_QUALIFIERS)
    after = "".join(q for q in quals if q in _SUFFIX_QUALIFIERS)
    return before + number + after


# --------------------------------------------------------------------------- helpers


def _new_axes(ax: Axes | None, *, size: tuple[float, float] = SLIDE_SIZE) -> Axes:
    if ax is not None:
        return ax
    _fig, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _finish(ax: Axes) -> Axes:
    use_cjk_font(ax)
    return ax


def _cjk_safe(func):
    """Draw with the CJK font in force, whatever theme is active.

    Texts take their font family when they are created, so creating them inside
    ``rc_context(font_rc())`` keeps Chinese readable after a bare ``seaborn.set_theme()``;
    seaborn's heatmap also draws once internally, which would otherwise warn about tofu.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with rc_context(font_rc()):
            return func(*args, **kwargs)

    return wrapper


def _require(data: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c and c not in data.columns]
    if missing:
        raise ValueError(
            f"{what} needs column(s) {', '.join(missing)}; columns present: {', '.join(map(str, data.columns))}"
        )


def _wrap(label: str, width: int = 8) -> str:
    """Break a long label into lines of at most ``width`` characters, of even length.

    Breaks at spaces first (e.g. between town and year); Chinese words have no spaces, so
    longer runs are cut into equal pieces ("法律顾问与合法性审查" -> "法律顾问与\n合法性审查").
    """
    lines = []
    for part in str(label).split(" "):
        if lines and len(lines[-1]) + 1 + len(part) <= width:
            lines[-1] += " " + part
            continue
        target = math.ceil(len(part) / max(1, math.ceil(len(part) / width)))
        line = ""
        for token in re.findall(r"[A-Za-z0-9.%]+|.", part):  # never split a number
            if line and (len(line) >= target or len(line) + len(token) > width):
                lines.append(line)
                line = ""
            line += token
        lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- indicator heatmap


#: The heatmap's column adding up the categories beyond its top ones.
OTHER_CATEGORIES = "其他类别"


def indicator_heatmap_table(
    indicators: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    value: Literal["count", "sum", "per_1k_chars"] = "count",
    unit: str | None = None,
    rows: Literal["doc", "town"] = "doc",
    top: int | None = TOP_N,
    top_categories: int | None = 12,
) -> pd.DataFrame:
    """Indicators per report (or town) and category: the numbers behind the heatmap.

    ``value="count"`` counts indicators; ``"per_1k_chars"`` divides that count by the reports'
    length; ``"sum"`` adds the indicators' values and needs a single unit kind (``unit=`` a unit
    such as "场" or a kind such as "event": 场, 场次 and 次 add up, 人 and 人次 do not; money is
    added in yuan). Every report of ``documents`` gets a row, with 0 where it has no indicator.

    Returns ``label, category, value, n_indicators, measure, holds`` (long and tidy; ``measure``
    says what ``value`` is). Rows follow town and year; categories go from the one the most
    reports give to the fewest (then by number of figures), so one verbose report does not pick
    the columns. Beyond ``top_categories`` categories the rest are added up as "其他类别", whose
    rows name them in ``holds`` (the chart says so under its axis); beyond
    ``top`` rows the rows with the fewest indicators become one last row "其他（k 份，平均）"
    holding their mean, so the chart stays readable at hundreds of reports. Figures quoted from
    an earlier year or as a difference (`indicators.own_year`) are not counted.
    """
    _require(indicators, ["doc_id", "category"], "indicator_heatmap_table")
    if value not in ("count", "sum", "per_1k_chars"):
        raise ValueError(f"value must be 'count', 'sum' or 'per_1k_chars', not {value!r}")
    if rows not in ("doc", "town"):
        raise ValueError(f"rows must be 'doc' or 'town', not {rows!r}")
    docs = _documents_with_labels(documents)
    if rows == "town":
        docs["label"] = [t if _clean(t) else lab for t, lab in zip(docs["town"], docs["label"])]
    from .indicators import own_year, unit_kind

    ind = own_year(indicators).copy()  # last year's figures, quoted to compare, count no work of this one
    # Units are compared by kind (indicator_units.csv's compare_as): a sum never adds 人 to 人次.

    if unit is not None or value == "sum":
        _require(ind, ["unit"], "indicator_heatmap_table(unit=... / value='sum')")
        ind["unit_kind"] = ind["unit_kind"] if "unit_kind" in ind else ind["unit"].map(unit_kind)
    if unit is not None:
        ind = ind[(ind["unit"] == unit) | (ind["unit_kind"] == unit)]
    if value == "sum":
        _require(ind, ["value"], "indicator_heatmap_table(value='sum')")
        kinds = sorted(ind["unit_kind"].dropna().astype(str).unique())
        if len(kinds) > 1:
            raise ValueError(
                f"value='sum' would add numbers in different units of different kinds ({', '.join(kinds)}); "
                f"pass unit= one of them, e.g. unit={kinds[0]!r}"
            )
        units = sorted(ind["unit"].dropna().astype(str).unique())
        if kinds == ["money"]:  # 万元 and 元 add up in yuan
            _require(ind, ["value_yuan"], "indicator_heatmap_table(value='sum') of money")
            ind["value"], units = ind["value_yuan"], ["元"]
    ind["category"] = ind["category"].fillna("未分类").astype(str)
    ind = ind.merge(docs[["doc_id", "label"]], on="doc_id", how="inner")
    row_order = list(dict.fromkeys(docs["label"]))
    counts = ind["category"].value_counts()
    reach = ind.groupby("category")["label"].nunique()
    # given by the most reports first (one verbose report does not pick the columns), then the most
    # figures; uncategorised last, where it does not lead the eye
    cat_order = sorted(counts.index, key=lambda c: (c == "未分类", -reach[c], -counts[c], c))
    folded_categories: list[str] = []
    if top_categories is not None and len(cat_order) > top_categories:
        named = [c for c in cat_order if c != "未分类"]
        folded_categories = named[top_categories - 2:]
        ind["category"] = ind["category"].where(~ind["category"].isin(folded_categories), OTHER_CATEGORIES)
        cat_order = named[: top_categories - 2] + [OTHER_CATEGORIES] + (["未分类"] if "未分类" in counts else [])
    folded: list[str] = []
    if top is not None and len(row_order) > top:
        per_row = ind.groupby("label").size().reindex(row_order, fill_value=0)
        kept = set(per_row.sort_values(ascending=False, kind="stable").index[:top])
        folded = [r for r in row_order if r not in kept]
        row_order = [r for r in row_order if r in kept]

    grid = pd.MultiIndex.from_product([row_order, cat_order], names=["label", "category"])
    n = ind.groupby(["label", "category"]).size().reindex(grid, fill_value=0)
    if value == "count":
        val = n.astype(float)
        measure = "指标数量（个）"
    elif value == "sum":
        val = ind.groupby(["label", "category"])["value"].sum().reindex(grid, fill_value=0.0)
        measure = f"数值合计（{'/'.join(units) or unit or ''}）"
    else:
        chars = pd.to_numeric(docs["n_chars"], errors="coerce").groupby(docs["label"]).sum()
        per_row = chars.reindex(n.index.get_level_values("label")).to_numpy()
        val = pd.Series(n.to_numpy() / per_row * 1000, index=grid)
        measure = "每千字指标数"
    out = pd.DataFrame({"value": val.astype(float), "n_indicators": n.astype(int)}).reset_index()
    if folded:
        rest = _fold_rows(ind, docs, folded, cat_order, value=value)
        out = pd.concat([out[out["label"].isin(row_order)], rest], ignore_index=True)
    out["measure"] = measure
    # what the 其他类别 column adds up, for the chart to say
    out["holds"] = np.where(out["category"] == OTHER_CATEGORIES, "、".join(folded_categories), "")
    return out


def _fold_rows(ind: pd.DataFrame, docs: pd.DataFrame, labels: list[str], categories: list[str], *,
               value: str) -> pd.DataFrame:
    """The mean per row (report or town) of the rows LABELS, per category: the "其他" row."""
    part = ind[ind["label"].isin(labels)]
    n = part.groupby("category").size().reindex(categories, fill_value=0)
    if value == "count":
        val = n / len(labels)
    elif value == "sum":
        val = part.groupby("category")["value"].sum().reindex(categories, fill_value=0.0) / len(labels)
    else:
        chars = pd.to_numeric(docs.loc[docs["label"].isin(labels), "n_chars"], errors="coerce").sum()
        val = n / chars * 1000 if chars else n * np.nan
    return pd.DataFrame({"label": f"其他（{len(labels)} 份，平均）", "category": categories,
                         "value": val.to_numpy(dtype=float), "n_indicators": n.to_numpy(dtype=int)})


@_cjk_safe
def plot_indicator_heatmap(
    table: pd.DataFrame, *, ax: Axes | None = None, cmap: str = "Blues", annot: bool = True
) -> Axes:
    """Heatmap of :func:`indicator_heatmap_table` (reports down, categories across)."""
    _require(table, ["label", "category", "value"], "plot_indicator_heatmap")
    if not len(table):  # a selection without figures (no county reports in a township build): say so
        return _finish(_nothing_to_draw(_new_axes(ax), "所选报告中没有可比较的数字"))
    rows = list(dict.fromkeys(table["label"]))
    cols = list(dict.fromkeys(table["category"]))
    wide = table.pivot(index="label", columns="category", values="value").reindex(index=rows, columns=cols)
    ax = _new_axes(ax)
    labels = wide.map(lambda v: format_value(round(v, 2)) if pd.notna(v) else "") if annot else False
    measure = str(table["measure"].iloc[0]) if "measure" in table and len(table) else "value"
    # the colour scale follows the named categories: a large 未分类 column saturates, not washes out the rest
    named = wide.drop(columns=[c for c in ("未分类", OTHER_CATEGORIES) if c in wide.columns])
    vmax = float(named.max().max()) if named.size and named.max().max() > 0 else None
    sns.heatmap(
        wide,
        ax=ax,
        cmap=cmap,
        vmin=0,
        vmax=vmax,
        annot=labels if annot else False,
        fmt="",
        linewidths=0.5,
        linecolor="white",
        # with numbers in the cells a colorbar only repeats them (and its label reads sideways)
        cbar=not annot,
        cbar_kws={"label": measure, "shrink": 0.8},
        annot_kws={"fontsize": "small"},
    )
    xlabel = f"格中数字：{measure}" if annot else ""
    holds = table.loc[table["category"] == OTHER_CATEGORIES, "holds"] if "holds" in table else pd.Series(dtype=str)
    if len(holds) and str(holds.iloc[0]):
        held = str(holds.iloc[0]).split("、")
        shown = "、".join(held[:4]) + (f"等 {len(held)} 类" if len(held) > 4 else "")
        xlabel = "\n".join(x for x in (xlabel, f"{OTHER_CATEGORIES}：{shown}的合计") if x)
    _heatmap_axes(ax, cols, rows, xlabel=xlabel)
    return _finish(ax)


def _heatmap_axes(ax: Axes, cols: list, rows: list, *, xlabel: str) -> None:
    many = len(cols) > 8  # upright, wrapped labels fit up to eight columns; more stand on end
    size = _label_size(ax, len(cols), along="x", chars=1) if many else None
    ax.set_xticklabels([str(c) for c in cols] if many else [_wrap(c, 6) for c in cols],
                       rotation=90 if many else 0, ha="center", fontsize=size)
    ax.set_yticklabels([_wrap(r, 14) if len(rows) <= 12 else str(r) for r in rows], rotation=0,
                       fontsize=_label_size(ax, len(rows), along="y"))
    ax.set_xlabel(xlabel, fontsize="small", color="#555555")
    ax.set_ylabel("")
    ax.tick_params(axis="both", length=0)
    ax.grid(False)  # the whitegrid style would draw lines through the cells


# --------------------------------------------------------------------------- grouped bars


def grouped_bars_table(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    hue: str | None = None,
    qualifier: str | None = None,
    top: int | None = TOP_N,
    other: Literal["sum", "median", "mean"] = "median",
) -> pd.DataFrame:
    """The bars of :func:`plot_grouped_bars`: one row per (x, hue), with the label drawn on it.

    Keeps ``x``, ``hue``, ``y`` (and ``qualifier``) and adds ``bar_label`` such as "40余" or
    "近30", so a qualified number is never shown as if it were exact. Raises if two rows share
    an (x, hue) pair: aggregate first, the chart would otherwise hide one of them. Raises if the
    bars are indicators of several categories or unit kinds (送法入户100余次 beside a meeting held 5
    times; 人 beside 人次): bars compare like with like, or keep them apart with ``hue``.

    With more than ``top`` values of ``x`` (towns, reports) and two or more beyond it, the ``top``
    largest (by ``y``, summed over ``hue``) are kept in their order and the others become one last bar,
    "其他（k 个，中位数）": their ``other`` — "median" (default) for values per report, which a
    sum would dwarf; "sum" for counts of reports per province, county, ...
    """
    keys = [x] + ([hue] if hue else [])
    _require(data, keys + [y] + ([qualifier] if qualifier else []), "grouped_bars_table")
    if other not in _AGG_ZH:
        raise ValueError(f"other must be 'sum', 'median' or 'mean', not {other!r}")
    from .indicators import check_comparable

    check_comparable(data, within=keys, what="grouped_bars_table")
    dup = data.duplicated(keys, keep=False)
    if dup.any():
        first = data.loc[dup, keys].iloc[0].tolist()
        raise ValueError(
            f"{int(dup.sum())} rows share the same {'/'.join(keys)} (e.g. {first}); "
            "aggregate them first (e.g. data.groupby([...], as_index=False)[y].sum())"
        )
    cols = keys + [y] + ([qualifier] if qualifier else [])
    out = data[cols].reset_index(drop=True).copy()
    xs = list(dict.fromkeys(out[x]))
    if top is not None and len(xs) > top + 1:  # a bar "其他" of one would hide one bar behind a median of one
        totals = pd.to_numeric(out[y], errors="coerce").groupby(out[x], sort=False).sum()
        kept = set(totals.sort_values(ascending=False, kind="stable").index[:top])
        rest = out[~out[x].isin(kept)]
        label = f"其他（{len(xs) - len(kept)} 个，{_AGG_ZH[other]}）"
        folded = (rest.groupby(hue, sort=False)[y].agg(other).reset_index() if hue
                  else pd.DataFrame({y: [pd.to_numeric(rest[y], errors="coerce").agg(other)]}))
        folded[x] = label
        if qualifier:
            folded[qualifier] = ""
        out = pd.concat([out[out[x].isin(kept)], folded[cols]], ignore_index=True)
    quals = out[qualifier] if qualifier else [None] * len(out)
    out["bar_label"] = [format_value(round(float(v), 2) if pd.notna(v) else v, q) for v, q in zip(out[y], quals)]
    return out


def _is_count(values) -> bool:
    """True when every value is a whole number (counts get integer ticks)."""
    vals = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    return bool(len(vals)) and bool((vals == vals.round()).all())


#: The smallest value label drawn on a bar (points); smaller, a chart of many bars shows none.
MIN_BAR_LABEL_PT = 7.0


def _label_size(ax: Axes, n_labels: int, *, along: Literal["x", "y"], chars: int = 1) -> float:
    """A tick-label font size (points) at which N labels of about CHARS characters fit."""
    fig = ax.get_figure()
    w, h = fig.get_size_inches()
    pos = ax.get_position()
    room = (w * pos.width if along == "x" else h * pos.height) * 72 / max(n_labels, 1)
    default = mpl.rcParams["ytick.labelsize"]
    default = default if isinstance(default, float) else 14.0
    per_char = room / max(chars, 1) if along == "x" else room * 0.7
    return float(max(6.0, min(default, per_char * 0.9)))


@_cjk_safe
def plot_grouped_bars(
    table: pd.DataFrame,
    *,
    x: str,
    y: str,
    hue: str | None = None,
    qualifier: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    orient: Literal["auto", "v", "h"] = "auto",
    percent: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Bars of ``y`` per ``x`` (e.g. towns), side by side per ``hue`` (e.g. year or subject).

    ``table`` is :func:`grouped_bars_table` (other data is passed through it first, with its
    defaults). Each bar carries its number; with ``qualifier=`` (e.g. "qualifier") the 余/近/共
    of the report stays visible ("40余"). Order of ``x`` and ``hue`` is the order in ``table``.
    Axis labels default to the Chinese names of ``x`` and ``y`` (never an English column
    name); more than 12 bars are drawn horizontally so their labels do not overlap. Value labels
    that would be smaller than ``MIN_BAR_LABEL_PT`` (scores of grouped bars) are not drawn.
    """
    if "bar_label" not in table.columns:
        table = grouped_bars_table(table, x=x, y=y, hue=hue, qualifier=qualifier)
    _require(table, [x, y, hue, "bar_label"], "plot_grouped_bars")
    ax = _new_axes(ax)
    if not len(table):  # a selection without reports or figures: a box that says so, not a blank frame
        return _finish(_nothing_to_draw(ax, "所选报告中没有可画的数据"))
    xs = list(dict.fromkeys(table[x]))
    hues = list(dict.fromkeys(table[hue])) if hue else [None]
    horizontal = orient == "h" or (orient == "auto" and len(xs) > 12)
    colors = sns.color_palette(n_colors=max(len(hues), 1))
    width = 0.8 / len(hues)
    pos = {v: k for k, v in enumerate(xs)}
    draw = ax.barh if horizontal else ax.bar
    for i, level in enumerate(hues):
        part = table if level is None else table[table[hue] == level]
        centers = np.array([pos[v] for v in part[x]]) - 0.4 + width * (i + 0.5)
        bars = draw(centers, part[y].to_numpy(dtype=float), width * 0.92, color=colors[i],
                    label=None if level is None else str(level))
        size = "small" if len(xs) * len(hues) <= 15 else _label_size(
            ax, len(xs) * len(hues), along="y" if horizontal else "x", chars=3)
        if not isinstance(size, str) and size < MIN_BAR_LABEL_PT:  # scores of bars: labels this small pile up unread (the table has the values)
            continue
        labels = [f"{t}%" if percent and t and not t.endswith("%") else t for t in part["bar_label"]]
        ax.bar_label(bars, labels=labels, padding=3, fontsize=size)
    names = [str(v) for v in xs]
    value_axis = ax.xaxis if horizontal else ax.yaxis
    if horizontal:
        ax.set_yticks(range(len(xs)), names, fontsize=_label_size(ax, len(xs), along="y"))
        ax.invert_yaxis()
        ax.margins(x=0.12)
        ax.grid(axis="y", visible=False)
    else:
        wrapped = [_wrap(v, 6) for v in names]
        chars = max((len(line) for v in wrapped for line in v.splitlines()), default=1)
        ax.set_xticks(range(len(xs)), wrapped, fontsize=_label_size(ax, len(xs), along="x", chars=chars))
        ax.margins(y=0.12)  # headroom for the bar labels
        ax.grid(axis="x", visible=False)
    category_label = axis_label(x) if xlabel is None and x not in ("town", "label") else (xlabel or "")
    value_label = axis_label(y) if ylabel is None else ylabel
    # a gap between tick labels and the axis title, so "关键词" is not read as a second line of a tick
    (ax.set_ylabel if horizontal else ax.set_xlabel)(category_label, labelpad=12)
    (ax.set_xlabel if horizontal else ax.set_ylabel)(value_label)
    if percent:
        (ax.set_xlim if horizontal else ax.set_ylim)(0, 112)  # room for a label on a 100 % bar
        value_axis.set_major_locator(mpl.ticker.FixedLocator([0, 25, 50, 75, 100]))
        value_axis.set_major_formatter(mpl.ticker.PercentFormatter(100))
    elif _is_count(table[y]):
        value_axis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    if len(xs) < 4:  # a bar or two would otherwise fill the slide: keep the width of four
        pad = (4 - len(xs)) / 2
        (ax.set_ylim(len(xs) - 0.5 + pad, -0.5 - pad) if horizontal else ax.set_xlim(-0.5 - pad, len(xs) - 0.5 + pad))
    if hue:
        ax.legend(title=axis_label(hue), loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _finish(ax)


# --------------------------------------------------------------------------- completeness


def completeness_table(completeness: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Which statutory parts each report has: ``doc_id, label, part, part_label, present, n_parts``.

    One row per report of ``documents`` and part (a report ``completeness`` has but ``documents``
    leaves out, such as a partial text, is not drawn), parts in statutory order, reports in
    town/year order.
    """
    parts = list(PART_LABELS)
    _require(completeness, ["doc_id", *parts], "completeness_table")
    docs = _documents_with_labels(documents)
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    comp = completeness[completeness["doc_id"].isin(order)].copy()
    comp["label"] = _labels_for(comp["doc_id"], docs)
    comp["_order"] = comp["doc_id"].map(order).fillna(len(order))
    comp = comp.sort_values(["_order", "label"], kind="stable")
    long = comp.melt(id_vars=["doc_id", "label"], value_vars=parts, var_name="part", value_name="present")
    long["present"] = long["present"].fillna(False).astype(bool)
    long["_doc"] = long["doc_id"].map({d: i for i, d in enumerate(comp["doc_id"])})
    long["_part"] = long["part"].map({p: i for i, p in enumerate(parts)})
    long = long.sort_values(["_doc", "_part"]).reset_index(drop=True)
    long["part_label"] = long["part"].map(PART_LABELS)
    long["n_parts"] = long.groupby("doc_id")["present"].transform("sum").astype(int)
    return long[["doc_id", "label", "part", "part_label", "present", "n_parts"]]


def completeness_share_table(table: pd.DataFrame) -> pd.DataFrame:
    """Share of reports that have each statutory part, from :func:`completeness_table`:
    ``part, part_label, n_present, n_reports, share``, in statutory order."""
    _require(table, ["doc_id", "part", "part_label", "present"], "completeness_share_table")
    out = table.groupby(["part", "part_label"], sort=False, as_index=False).agg(
        n_present=("present", "sum"), n_reports=("doc_id", "nunique"))
    out["n_present"] = out["n_present"].astype(int)
    out["share"] = out["n_present"] / out["n_reports"].where(out["n_reports"] > 0)
    return out


@_cjk_safe
def plot_completeness(table: pd.DataFrame, *, max_reports: int = 30, ax: Axes | None = None) -> Axes:
    """Report × statutory part matrix of :func:`completeness_table`: 有 (a section of its own) or 未单列
    (none: the report may still speak of it inside another part, so not 缺, missing).

    With more than ``max_reports`` reports a matrix is unreadable: the chart becomes the share
    of reports that have each part (:func:`completeness_share_table`), "k/n 份" on each bar.
    """
    _require(table, ["doc_id", "label", "part_label", "present"], "plot_completeness")
    docs = list(dict.fromkeys(table["doc_id"]))
    if len(docs) > max_reports:
        return _plot_completeness_shares(completeness_share_table(table), ax=ax)
    parts = list(dict.fromkeys(table["part_label"]))
    grid = (
        table.pivot(index="doc_id", columns="part_label", values="present")
        .reindex(index=docs, columns=parts)
        .fillna(False)
        .astype(int)
    )
    labels = table.drop_duplicates("doc_id").set_index("doc_id")
    ax = _new_axes(ax)
    present, absent = sns.color_palette()[0], "#f2f2f2"
    cmap = mpl.colors.ListedColormap([absent, present])
    ax.imshow(grid.to_numpy(), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    size = _label_size(ax, len(docs), along="y")
    for (i, j), v in np.ndenumerate(grid.to_numpy()):
        ax.text(j, i, "有" if v else "未单列", ha="center", va="center",
                color="white" if v else "#b03a2e", fontsize=min(size, 16.0))
    n_total = len(parts)
    ax.set_xticks(range(len(parts)), [_wrap(p, 6) for p in parts])
    ax.set_yticks(range(len(docs)),
                  [f"{labels.loc[d, 'label']}（{int(grid.loc[d].sum())}/{n_total}）" for d in docs], fontsize=size)
    ax.xaxis.tick_top()
    ax.tick_params(axis="both", length=0)
    ax.set_xticks(np.arange(-0.5, len(parts)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(docs)), minor=True)
    ax.grid(which="minor", color="white", linewidth=3)
    ax.grid(which="major", visible=False)
    for side in ax.spines.values():
        side.set_visible(False)
    return _finish(ax)


def _plot_completeness_shares(shares: pd.DataFrame, *, ax: Axes | None) -> Axes:
    ax = _new_axes(ax)
    bars = ax.barh(range(len(shares)), shares["share"].to_numpy(dtype=float) * 100,
                   color=sns.color_palette()[0], height=0.7)
    ax.bar_label(bars, labels=[f"{p}/{n} 份" for p, n in zip(shares["n_present"], shares["n_reports"])],
                 padding=4, fontsize="small")
    ax.set_yticks(range(len(shares)), shares["part_label"].tolist())
    ax.invert_yaxis()
    ax.set_xlim(0, 115)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(100))
    ax.set_xlabel("包含该部分的报告占比")
    ax.grid(axis="y", visible=False)
    return _finish(ax)


# --------------------------------------------------------------------------- terms


def terms_table(
    data: pd.DataFrame,
    *,
    term: str = "term",
    value: str = "n",
    group: str | None = None,
    n: int = 15,
    agg: Literal["sum", "max", "mean"] = "sum",
) -> pd.DataFrame:
    """Top ``n`` terms by ``value`` (per ``group``): ``group, term, value, rank, measure``
    (``measure``: the Chinese name of ``value``, the chart's axis label).

    Rows sharing a term (and group) are combined with ``agg`` ("sum" for counts such as
    term_counts.n; use "max" for statistics such as keyness). Ties are broken by the term so the
    result does not depend on row order. ``group`` is "全部" when no group is given.
    """
    _require(data, [term, value, group], "terms_table")
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    df = data[[c for c in (group, term, value) if c]].copy()
    df["group"] = df[group].astype(str) if group else "全部"
    summed = df.groupby(["group", term], as_index=False, sort=False)[value].agg(agg)
    summed = summed.rename(columns={term: "term", value: "value"})
    summed = summed.sort_values(["group", "value", "term"], ascending=[True, False, True], kind="stable")
    if group:  # keep groups in order of first appearance, as the caller sorted them
        first = {g: i for i, g in enumerate(dict.fromkeys(df["group"]))}
        summed = summed.sort_values("group", key=lambda s: s.map(first), kind="stable")
    top = summed.groupby("group", sort=False).head(n).copy()
    top["rank"] = top.groupby("group", sort=False).cumcount() + 1
    top["measure"] = axis_label(value)
    return top[["group", "term", "value", "rank", "measure"]].reset_index(drop=True)


@_cjk_safe
def plot_terms(
    table: pd.DataFrame,
    *,
    xlabel: str | None = None,
    ax: Axes | Sequence[Axes] | None = None,
) -> Axes | np.ndarray:
    """Horizontal bars of :func:`terms_table` (``group, term, value``), largest on top.

    One group ("全部") gives one Axes. Several groups give one small panel per group, each
    titled with its group (a town, for keyness), returned as an array of Axes (pass ``ax`` as a
    sequence of at least that many axes, or None for a new slide-size figure with up to three
    panels per row). ``xlabel`` defaults to the Chinese name of what ``value`` measures.
    """
    _require(table, ["group", "term", "value"], "plot_terms (pass plots.terms_table(...))")
    groups = list(dict.fromkeys(table["group"]))
    single = len(groups) <= 1 and (not groups or groups[0] == "全部")
    if single:
        axes = [_new_axes(ax if not isinstance(ax, Sequence | np.ndarray) else ax[0])]
    elif ax is None:
        ncols = min(3, max(len(groups), 1))
        nrows = math.ceil(len(groups) / ncols)
        fig, grid = plt.subplots(nrows, ncols, figsize=SLIDE_SIZE, layout="constrained", squeeze=False)
        axes = list(grid.ravel())
        for extra in axes[len(groups):]:
            fig.delaxes(extra)
    else:
        axes = list(np.ravel(ax)) if isinstance(ax, Sequence | np.ndarray) else [ax]
        if len(axes) < len(groups):
            raise ValueError(f"the table has {len(groups)} groups; pass ax=None or {len(groups)} axes")
    n_rows = table.groupby("group").size().max() if len(table) else 1
    panel_h = axes[0].get_figure().get_size_inches()[1] * axes[0].get_position().height
    # about 0.6 of a row's height in points, so that terms never overlap
    size = min(mpl.rcParams["ytick.labelsize"] if isinstance(mpl.rcParams["ytick.labelsize"], float)
               else 14.0, max(7.0, 0.6 * panel_h * 72 / n_rows))
    colors = sns.color_palette(n_colors=max(len(groups), 1))
    measure = str(table["measure"].iloc[0]) if "measure" in table and len(table) else ""
    label = xlabel if xlabel is not None else measure
    for i, (g, a) in enumerate(zip(groups, axes)):
        part = table[table["group"] == g]
        a.barh(range(len(part)), part["value"].to_numpy(dtype=float), color=colors[i], height=0.7)
        a.set_yticks(range(len(part)), part["term"].tolist(), fontsize=size)
        a.invert_yaxis()
        a.tick_params(axis="x", labelsize=size)
        a.xaxis.set_major_locator(mpl.ticker.MaxNLocator(nbins=4, integer=_is_count(part["value"])))
        a.grid(axis="y", visible=False)
        a.set_xlabel(label, fontsize=size)
        if not single:
            a.set_title(str(g), fontsize=size * 1.15)
    for a in axes[: len(groups)]:
        _finish(a)
    return axes[0] if single else np.array(axes[: len(groups)], dtype=object)


# --------------------------------------------------------------------------- shortcoming themes


@_cjk_safe
def plot_theme_frequency(table: pd.DataFrame, *, n: int | None = 12, ax: Axes | None = None) -> Axes:
    """Horizontal bars of ``reportkit.theme_summary`` (how many reports name each shortcoming
    theme), annotated "3/5 份" (reports of all); the ``n`` most shared themes."""
    _require(table, ["theme_label", "n_reports", "n_reports_total"], "plot_theme_frequency (pass rk.theme_summary(...))")
    part = table.head(n) if n else table
    ax = _new_axes(ax)
    bars = ax.barh(range(len(part)), part["n_reports"].to_numpy(dtype=float),
                   color=sns.color_palette()[0], height=0.7)
    ax.bar_label(bars, labels=[f"{r}/{d} 份" for r, d in zip(part["n_reports"], part["n_reports_total"])],
                 padding=4, fontsize="small")
    ax.set_yticks(range(len(part)), [_wrap(t, 14) for t in part["theme_label"]])
    ax.invert_yaxis()
    ax.set_xlabel("提及该问题的报告数（份）")
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.margins(x=0.12)
    ax.grid(axis="y", visible=False)
    return _finish(ax)


# --------------------------------------------------------------------------- trend


def trend_table(
    data: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    value: str | None = None,
    by: str = "year",
    group: str | None = None,
    agg: Literal["sum", "mean", "count"] = "sum",
) -> pd.DataFrame:
    """A quantity per year (and group), with the number of reports behind each point.

    ``data`` is any table with ``doc_id`` (indicators, density, term_counts filtered to a term);
    ``by`` and ``group`` are columns of ``documents`` (e.g. "year", "town", "county").

    * ``agg="sum"``: total of ``value`` over the reports of that year;
    * ``agg="count"``: number of rows of ``data`` (``value`` not needed);
    * ``agg="mean"``: mean per report of each report's total, so for one row per report (density)
      it is the plain mean.

    Reports in ``documents`` without rows in ``data`` count as 0; reports without a year are left
    out (logged). Returns ``<by>, group, value, n_reports``; ``group`` is "全部" without ``group``.
    Warns (``findings.SmallNumbersWarning``) when a year has fewer than a handful of reports, or
    when the years hold mostly different towns.
    """
    if agg not in ("sum", "mean", "count"):
        raise ValueError(f"agg must be 'sum', 'mean' or 'count', not {agg!r}")
    if agg != "count" and value is None:
        raise ValueError(f"agg={agg!r} needs value= (a numeric column of data)")
    _require(data, ["doc_id", value if agg != "count" else None], "trend_table")
    _require(documents, ["doc_id", by, group], "trend_table(documents)")
    docs = documents[["doc_id", by] + ([group] if group else [])].drop_duplicates("doc_id").copy()
    docs["group"] = [(_clean(g) or "未注明") for g in docs[group]] if group else "全部"
    undated = docs[by].isna()
    if undated.any():
        log.info("trend_table: %d report(s) without %s left out", int(undated.sum()), by)
        docs = docs[~undated]
    if pd.api.types.is_numeric_dtype(docs[by]):
        docs[by] = docs[by].astype(int)
    per_doc = (
        data.groupby("doc_id").size() if agg == "count"
        else pd.to_numeric(data[value], errors="coerce").groupby(data["doc_id"]).sum()
    )
    docs["_v"] = docs["doc_id"].map(per_doc).fillna(0).astype(float)
    out = docs.groupby([by, "group"], as_index=False).agg(
        value=("_v", "mean" if agg == "mean" else "sum"), n_reports=("doc_id", "nunique")
    )
    warn_small_groups(documents[documents["doc_id"].isin(docs["doc_id"])], by=by)
    return out.sort_values([by, "group"]).reset_index(drop=True)


def trend_draws_counts(table: pd.DataFrame, *, by: str = "year", reports: Literal["sum", "max"] = "max") -> bool:
    """Whether :func:`plot_trend` draws a share table (one with a count column, ``n_mentioning`` or
    ``n_present``) as the counts of reports: when fewer than two years have a handful of reports."""
    if not len(table) or not any(c in table for c in SHARE_COUNTS):
        return False
    n_per_year = table.groupby(by)["n_reports"].agg(reports)
    return int((n_per_year >= HANDFUL).sum()) < 2


def share_trend_title(what: str, table: pd.DataFrame, *, by: str = "year") -> str:
    """The title of a share table's trend chart saying what :func:`plot_trend` draws: counts of
    reports or shares (a year of fewer than a handful a hollow point)."""
    if trend_draws_counts(table, by=by):
        return f"{what}（每年不足 {HANDFUL} 份时为份数，否则为占比）"
    return f"{what}占比（空心点：该年不足 {HANDFUL} 份报告）"


@_cjk_safe
def plot_trend(table: pd.DataFrame, *, by: str = "year", ylabel: str | None = None,
               reports: Literal["sum", "max"] = "sum", caveat: str | None = None, ax: Axes | None = None) -> Axes:
    """Lines of :func:`trend_table` per group; x tick labels say how many reports are behind
    each year ("2023\\n(n=1)"), so a jump carried by one report is not read as a trend.

    ``reports="sum"`` adds ``n_reports`` over the groups of a year (groups split the reports,
    e.g. ``trend_table(group="county")``); ``"max"`` takes the largest, for groups measured on
    the same reports (concepts, phrases, statutory parts). The table functions warn about
    years with few reports; the chart shows n under each year and says under the axis what the
    years cannot show (the PNG travels alone to slides, without the notebook's caveat): CAVEAT,
    ``rk.caveats(documents, by="year")``, which also knows when the years hold mostly different
    towns; without it, whether a year has fewer than `findings.HANDFUL` reports. A share table
    (`trends.phrase_trend_table`, `trends.parts_trend_table`) is drawn as the count of reports behind
    each share when fewer than two years have a handful of reports (0 % or 100 % of one report is no
    rate: :func:`trend_draws_counts`); else as shares, a year of fewer reports as a hollow point off
    the line."""
    _require(table, [by, "group", "value", "n_reports"], "plot_trend")
    if reports not in ("sum", "max"):
        raise ValueError(f"reports must be 'sum' or 'max', not {reports!r}")
    ax = _new_axes(ax)
    years = sorted(table[by].unique())
    pos = {y: i for i, y in enumerate(years)}  # even spacing, gaps in years stay visible in labels
    n_per_year = table.groupby(by)["n_reports"].agg(reports)
    # A share of one or two reports is 0 % or 100 %, a rate it is not: below a handful of reports a
    # year, a share table's chart draws the reports themselves (its count column), as its notes say k/n.
    count = next((c for c in SHARE_COUNTS if c in table), None)
    # Counts only while the shares could not make a line: with many reports most years have a handful,
    # and counts would draw the corpus growing (a year of 150 reports over one of 20), not the share.
    few = {y for y in years if int(n_per_year[y]) < HANDFUL} if count and len(table) else set()
    if trend_draws_counts(table, by=by, reports=reports):
        few = set()
        measure = str(table["measure"].iloc[0]) if "measure" in table else ""
        table = table.assign(value=table[count].astype(float))
        if ylabel is None:
            ylabel = measure.replace("占比（%）", "数（份）") if "占比（%）" in measure else "报告数（份）"
        ax.yaxis.get_major_locator().set_params(integer=True)
    # the table's own order (largest first, the parts' statutory order): the legend and the colours follow it
    groups = list(dict.fromkeys(table.sort_values(by, kind="stable")["group"]))
    colors = sns.color_palette(n_colors=max(len(groups), 1))
    # Groups often coincide (two phrases in every report: both at 100 %). Earlier lines are drawn
    # wider, with bigger markers of another shape, so a line hidden under a later one still shows.
    single = len(groups) <= 1
    widths = [2.5] if single else np.linspace(6.0, 2.0, len(groups))
    sizes = [8] if single else np.linspace(15, 7, len(groups))
    for i, (color, g) in enumerate(zip(colors, groups)):
        part = table[table["group"] == g].sort_values(by)
        small = part[by].isin(few)
        ax.plot([pos[y] for y in part[by]], part["value"].where(~small), marker=_MARKERS[i % len(_MARKERS)],
                color=color, label=str(g), linewidth=widths[i], markersize=sizes[i], clip_on=False)
        if small.any():  # a share of a few reports: shown, but apart from the line
            ax.scatter([pos[y] for y in part.loc[small, by]], part.loc[small, "value"], marker=_MARKERS[i % len(_MARKERS)],
                       s=sizes[i] ** 2, facecolors="none", edgecolors=[color], linewidths=1.5, clip_on=False, zorder=3)
    ax.set_xticks(range(len(years)), [f"{_year_text(y) or y}\n(n={int(n_per_year[y])})" for y in years])
    ax.set_xlim(-0.5, len(years) - 0.5)
    ax.set_xlabel("")
    if not caveat and (n_small := sum(int(n_per_year[y]) < HANDFUL for y in years)):
        caveat = f"{n_small}/{len(years)} 个年份不足 {HANDFUL} 份报告：年份之间的变化也是乡镇之间的差别，不能当作趋势来读"
    if few:
        caveat = (caveat or "").removeprefix("注意：").rstrip("。")
        caveat = (caveat + "。" if caveat else "") + f"空心点：不足 {HANDFUL} 份报告的年份，其占比只是几份报告。"
    if caveat:
        import textwrap

        ax.annotate("\n".join(textwrap.wrap(caveat.removeprefix("注意："), 64)), xy=(0, 0), xycoords="axes fraction",
                    xytext=(0, -56), textcoords="offset points", ha="left", va="top", fontsize="small", color="0.35",
                    annotation_clip=False)
    if ylabel is None:  # trend tables say what their value is in "measure"
        ylabel = str(table["measure"].iloc[0]) if "measure" in table and len(table) else ""
    ax.set_ylabel(ylabel)
    top = float(table["value"].max()) if len(table) else 1.0
    ax.set_ylim(bottom=0, top=top * 1.1 if top > 0 else 1.0)
    if len(groups) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _finish(ax)


# --------------------------------------------------------------------------- reuse and originality


def reuse_matrix_table(
    reuse: pd.DataFrame,
    documents: pd.DataFrame,
    passages: pd.DataFrame,
    *,
    value: Literal["share", "n_passages"] = "share",
    top: int | None = TOP_N,
) -> pd.DataFrame:
    """Report × report matrix of shared text: ``label_a, label_b, doc_a, doc_b, value,
    n_passages, n_chars_shared, measure`` (``measure``: "share" or "n_passages", what ``value`` is).

    ``n_passages`` counts ``doc_a``'s passages found again in ``doc_b`` and ``n_chars_shared`` their
    characters (their ``end - start`` in ``passages``, the build's passages table); ``share`` is
    that over ``doc_a``'s length (capped at 1; read along a row: "how much of this report
    reappears in that one"). Every pair of ``documents`` is present, 0 where nothing is shared;
    the diagonal is NaN. With more than ``top`` reports only the ``top`` that share the most text
    are kept (a 300 × 300 matrix cannot be read).
    """
    _require(reuse, ["doc_a", "doc_b", "passage_no_a", "passage_no_b"], "reuse_matrix_table")
    _require(passages, ["doc_id", "passage_no", "start", "end"], "reuse_matrix_table(passages)")
    if value not in ("share", "n_passages"):
        raise ValueError(f"value must be 'share' or 'n_passages', not {value!r}")
    docs = _documents_with_labels(documents)
    # both directions: a passage pair tells about the text of each of the two reports; a passage
    # matched by several passages of the other report counts once
    sides = pd.concat([
        reuse[["doc_a", "passage_no_a", "doc_b"]].set_axis(["doc_a", "passage_no", "doc_b"], axis=1),
        reuse[["doc_b", "passage_no_b", "doc_a"]].set_axis(["doc_a", "passage_no", "doc_b"], axis=1),
    ]).drop_duplicates()
    lengths = passages.assign(chars=passages["end"] - passages["start"]).rename(columns={"doc_id": "doc_a"})
    sides = sides.merge(lengths[["doc_a", "passage_no", "chars"]], on=["doc_a", "passage_no"], how="left")
    if sides["chars"].isna().any():
        lost = sides[sides["chars"].isna()].iloc[0]
        raise ValueError(f"passage {lost['passage_no']} of report {lost['doc_a']} is in reuse but not in passages; "
                         "pass the passages table of the same build")
    pairs = sides.groupby(["doc_a", "doc_b"]).agg(n_passages=("chars", "size"), n_chars_shared=("chars", "sum"))
    ids = list(docs["doc_id"])
    if top is not None and len(ids) > top:
        shared = pairs["n_chars_shared"].groupby(level="doc_a").sum()
        keep = set(shared.reindex(ids, fill_value=0).sort_values(ascending=False, kind="stable").index[:top])
        ids = [d for d in ids if d in keep]
    grid = pd.MultiIndex.from_product([ids, ids], names=["doc_a", "doc_b"])
    out = pairs.reindex(grid, fill_value=0).astype("int64").reset_index()
    n_chars = dict(zip(docs["doc_id"], pd.to_numeric(docs["n_chars"], errors="coerce")))
    if value == "share":
        # as float: an empty selection's ids map to an empty text column, which cannot divide
        out["value"] = (out["n_chars_shared"] / out["doc_a"].map(n_chars).astype(float)).clip(upper=1.0)
    else:
        out["value"] = out["n_passages"].astype(float)
    out.loc[out["doc_a"] == out["doc_b"], ["value"]] = np.nan
    labels = dict(zip(docs["doc_id"], docs["label"]))
    out["label_a"] = out["doc_a"].map(labels)
    out["label_b"] = out["doc_b"].map(labels)
    out["measure"] = value
    return out[["label_a", "label_b", "doc_a", "doc_b", "value", "n_passages", "n_chars_shared", "measure"]]


@_cjk_safe
def plot_reuse_matrix(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Heatmap of :func:`reuse_matrix_table`: row report's text found again in column report."""
    _require(table, ["label_a", "label_b", "value", "n_passages"], "plot_reuse_matrix (pass plots.reuse_matrix_table(...))")
    value = str(table["measure"].iloc[0]) if "measure" in table and len(table) else "share"
    if not len(table):
        return _finish(_nothing_to_draw(_new_axes(ax), "所选范围内没有报告"))
    order = list(dict.fromkeys(table["label_a"]))
    wide = table.pivot(index="label_a", columns="label_b", values="value").reindex(index=order, columns=order)
    ax = _new_axes(ax)
    is_share = value == "share"
    # blank for 0 so the few shared pairs stand out; the diagonal (a report with itself) is grey
    # a share that rounds to 0% is still reuse: say "<1%"
    annot = wide.map(lambda v: "" if pd.isna(v) or v == 0 else (
        (f"{v:.0%}" if v >= 0.005 else "<1%") if is_share else format_value(v)))
    sns.heatmap(wide, ax=ax, cmap="Reds", vmin=0, vmax=1 if is_share else None, annot=annot, fmt="",
                linewidths=0.5, linecolor="white", cbar=False)
    ax.set_facecolor("#e6e6e6")
    what = "行报告的文字在列报告中重现的比例" if is_share else "两份报告之间的重复段落数"
    _heatmap_axes(ax, order, order, xlabel=f"格中数字：{what}")
    if not (wide.fillna(0).to_numpy() > 0).any():  # an empty grid would read as a chart that failed
        _say_no_data(ax, "这些报告之间没有发现重复段落（套话除外）")
    return _finish(ax)


def _nothing_to_draw(ax: Axes, text: str) -> Axes:
    """AX for a table with no rows: TEXT, and no axis ticks or grid (0.0–1.0 would read as data)."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    return _say_no_data(ax, text)


def _say_no_data(ax: Axes, text: str) -> Axes:
    """AX with TEXT in a box at its centre: a chart with nothing to draw says why, not a blank frame."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
            fontsize="large", bbox={"facecolor": "white", "edgecolor": "0.7", "boxstyle": "round,pad=0.6"})
    return ax


def originality_table(
    originality: pd.DataFrame, documents: pd.DataFrame, *, top: int | None = TOP_N
) -> pd.DataFrame:
    """``label, doc_id, originality, n_chars_compared, n_chars_shared, n_reports_shared``, least
    original first. With more than ``top`` reports, the others become one last row "其他（k 份，
    中位数）" with the median of their originality."""
    _require(originality, ["doc_id", "originality"], "originality_table")
    docs = _documents_with_labels(documents)
    out = originality.copy()
    out["label"] = _labels_for(out["doc_id"], docs)
    cols = ["label", "doc_id", "originality"] + [
        c for c in ("n_chars_compared", "n_chars_shared", "n_reports_shared") if c in out
    ]
    out = out[cols].sort_values(["originality", "label"]).reset_index(drop=True)
    if top is not None and len(out) > top:
        rest = out.iloc[top:]
        folded = {"label": f"其他（{len(rest)} 份，中位数）", "doc_id": "",
                  **{c: rest[c].median() for c in cols[2:]}}
        out = pd.concat([out.iloc[:top], pd.DataFrame([folded])], ignore_index=True)
    return out


@_cjk_safe
def plot_originality(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Horizontal bars of :func:`originality_table`: each report's original share of text
    (0–100 %), least original on top."""
    _require(table, ["label", "originality"], "plot_originality (pass plots.originality_table(...))")
    ax = _new_axes(ax)
    vals = table["originality"].to_numpy(dtype=float)
    bars = ax.barh(range(len(table)), vals, color=sns.color_palette()[0], height=0.7)
    extra = table["n_reports_shared"] if "n_reports_shared" in table else [None] * len(table)
    ax.bar_label(bars, labels=[f"{v:.0%}" + (f"（与{int(k)}份重复）" if k and pd.notna(k) and k > 0 else "")
                               for v, k in zip(vals, extra)], padding=4, fontsize="small")
    ax.set_yticks(range(len(table)), table["label"].tolist(), fontsize=_label_size(ax, len(table), along="y"))
    ax.invert_yaxis()
    ax.set_xlim(0, 1.25)  # room for the labels right of a 100 % bar
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
    # the PNG travels alone to slides: it says what "original" cannot see
    ax.set_xlabel("原创文字占比（只与这批报告比较：抄自县里模板或未收录报告的文字看不出来）")
    ax.grid(axis="y", visible=False)
    return _finish(ax)
