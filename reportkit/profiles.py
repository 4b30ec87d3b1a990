"""One page per town: its reports' parts, figures, shortcomings and themes, distinctive terms
and copied passages, as HTML (everything) and PNG (one printable A4 page).

``write_profiles(tables, "data/outputs/profiles")`` writes ``<town>_<county>.html`` and ``.png``
for every town of a build (``python -m reportkit.notebooks`` does it after the notebooks);
:func:`town_profile` computes the content (pure), :func:`profile_html` and :func:`plot_profile`
lay it out. Towns are told apart by ``town_code`` when the documents carry it, else by town and
county (``across_years.town_keys``).
"""
from __future__ import annotations

import html
import logging
import re
from pathlib import Path

import pandas as pd

from .across_years import town_keys

log = logging.getLogger(__name__)

_LEVEL_ZH = {"township": "乡镇级", "county": "县级", "city": "市级", "unknown": "不明"}
_TOKEN = re.compile(r"[（(]?[A-Za-z0-9.%]+[)）]?|.", re.DOTALL)
# punctuation that Chinese typesetting never puts at the start of a line
_NO_LINE_START = set("，。、；：！？）」』》,.;:!?)")
_KIND_ZH = {"other-town": "其他乡镇", "same-town-other-year": "同一乡镇往年", "same-town-same-year": "同一乡镇同年"}

#: Marks a page :func:`write_profiles` wrote, so that a later run may replace or remove it (and never
#: a page written by hand).
GENERATOR = "<meta name='generator' content='reportkit profiles'>"

#: Rows of each list on the one-page PNG (the HTML has them all).
PNG_ROWS = {"figures": 8, "shortcomings": 8, "terms": 10, "reuse": 5}


def keyness_by_town(term_counts: pd.DataFrame, documents: pd.DataFrame, *, n: int = 10,
                    min_count: int = 5) -> pd.DataFrame:
    """The N most distinctive terms of every town at once: ``town_key, term, stat, n_target``.

    `terms.keyness_by` over the reports whose town is known, grouped by town key (two towns of one
    name in two counties are two): Pearson's chi-squared of the town against all other such reports,
    terms seen at least MIN_COUNT times, only terms over-represented in the town.
    """
    from .terms import keyness_by

    keys = town_keys(documents)[["doc_id", "town_key"]]
    counts = term_counts[term_counts["doc_id"].isin(keys["doc_id"])]
    found = keyness_by(counts, keys, by="town_key", n=n, min_count=min_count)
    return found[["town_key", "term", "stat", "n_target"]]


def town_profile(tables: dict[str, pd.DataFrame], town_key: str, *, n_terms: int = 10,
                 keyness: pd.DataFrame | None = None) -> dict:
    """The content of one town's profile: ``header`` (dict) and DataFrames ``reports``
    (label, year, n_chars, parts present and missing), ``figures`` (indicators: label, span,
    category, sentence), ``shortcomings`` (label, theme_label, text), ``terms`` (distinctive
    terms against all other towns: term, stat, n_target) and ``reuse`` (passages shared with
    other reports: label, other, similarity, kind) plus ``originality`` per report."""
    from .plots import PART_LABELS, doc_label

    docs = tables["documents"]
    keys = town_keys(docs)
    ids = keys.loc[keys["town_key"] == town_key, "doc_id"].tolist()
    if not ids:
        raise ValueError(f"town {town_key!r} not in the documents; towns present: "
                         f"{'、'.join(sorted(set(keys['town_key']))[:20])}")
    mine = docs[docs["doc_id"].isin(ids)].assign(label=lambda d: doc_label(d)).sort_values("year", kind="stable")
    labels = dict(zip(docs["doc_id"], doc_label(docs)))
    # a town renamed (英买里乡 → 英买里镇, one town_code) goes by the name of its latest report; the
    # names its earlier reports used are listed as former names
    latest = mine.iloc[-1]
    header = {c: (str(latest[c]) if c in mine and pd.notna(latest[c]) else "")
              for c in ("town", "town_type", "county", "city", "province", "level")}
    former = mine[mine["town"].notna() & (mine["town"].astype(str) != header["town"])]
    header["former_names"] = "、".join(
        f"{name}（{'、'.join(str(int(y)) for y in sorted(set(pd.to_numeric(g['year'], errors='coerce').dropna())))}）"
        for name, g in former.groupby("town", sort=False))
    header["years"] = "、".join(str(int(y)) for y in sorted(pd.to_numeric(mine["year"], errors="coerce").dropna()))
    header["n_reports"] = len(mine)
    partial = (mine["is_partial"].fillna(False).astype(bool) if "is_partial" in mine
               else pd.Series(False, index=mine.index))
    header["n_partial"] = int(partial.sum())

    comp = tables.get("completeness", pd.DataFrame(columns=["doc_id"]))
    comp = comp[comp["doc_id"].isin(ids)].set_index("doc_id")
    reports = []
    for row in mine.itertuples():
        have = [p for p in PART_LABELS if p in comp.columns and row.doc_id in comp.index and bool(comp.loc[row.doc_id, p])]
        reports.append({"label": row.label, "year": row.year, "n_chars": getattr(row, "n_chars", pd.NA),
                        "parts": "、".join(PART_LABELS[p] for p in have) or "（未识别）",
                        "missing": "、".join(PART_LABELS[p] for p in PART_LABELS if p not in have) or "无",
                        "partial": bool(partial.loc[row.Index])})
    ind = tables.get("indicators", pd.DataFrame(columns=["doc_id"]))
    ind = ind[ind["doc_id"].isin(ids)]
    if len(ind):
        from .notebooks import with_category_labels

        ind = with_category_labels(ind)
    figures = pd.DataFrame({"label": ind["doc_id"].map(labels), "span": ind.get("span"),
                            "category": ind.get("category"), "sentence": ind.get("sentence")}) if len(ind) else \
        pd.DataFrame(columns=["label", "span", "category", "sentence"])
    sc = tables.get("shortcomings", pd.DataFrame(columns=["doc_id"]))
    sc = sc[sc["doc_id"].isin(ids)]
    shortcomings = pd.DataFrame({"label": sc["doc_id"].map(labels),
                                 "theme_label": sc.get("theme_label", pd.Series("", index=sc.index)),
                                 "text": sc.get("text", pd.Series("", index=sc.index))})
    tc = tables.get("term_counts")
    if keyness is None:
        keyness = keyness_by_town(tc, docs, n=n_terms) if tc is not None and len(tc) else \
            pd.DataFrame(columns=["town_key", "term", "stat", "n_target"])
    terms = keyness[keyness["town_key"] == town_key].head(n_terms)[["term", "stat", "n_target"]].reset_index(drop=True)
    pairs = tables.get("reuse", pd.DataFrame(columns=["doc_a", "doc_b"]))
    shared = []
    for a, b in (("doc_a", "doc_b"), ("doc_b", "doc_a")):
        part = pairs[pairs[a].isin(ids)]
        shared += [{"label": labels.get(x, x), "other": labels.get(y, y), "similarity": s, "kind": k}
                   for x, y, s, k in zip(part[a], part[b], part.get("similarity", [None] * len(part)),
                                         part.get("kind", [""] * len(part)))]
    reuse = pd.DataFrame(shared, columns=["label", "other", "similarity", "kind"]).sort_values(
        "similarity", ascending=False, kind="stable").reset_index(drop=True)
    orig = tables.get("originality", pd.DataFrame(columns=["doc_id", "originality"]))
    # a partial text's share is over its few passages: marked, not taken for its report's
    partial_ids = set(mine.loc[partial, "doc_id"])
    marked = {d: labels.get(d, d) + ("（不完整文本）" if d in partial_ids else "") for d in ids}
    originality = {marked[d]: float(o) for d, o in zip(orig["doc_id"], orig["originality"]) if d in ids}
    return {"town_key": town_key, "header": header, "reports": pd.DataFrame(reports), "figures": figures,
            "shortcomings": shortcomings, "terms": terms, "reuse": reuse, "originality": originality}


def _title(profile: dict) -> str:
    h = profile["header"]
    where = "".join(dict.fromkeys(x for x in (h.get("province"), h.get("city"), h.get("county")) if x))
    return f"{h.get('town') or '（未知乡镇）'}（{where}）" if where else (h.get("town") or "（未知乡镇）")


def _lines(profile: dict, limits: dict | None) -> list[tuple[str, str]]:
    """(style, text) lines of a profile: "h" heading, "t" text, "n" note."""
    cap = limits or {}
    h = profile["header"]
    out = [("h", "基本情况"),
           ("t", f"报告：{h['n_reports']} 份（{h['years'] or '年份不明'}）"
                 + (f"，其中 {h['n_partial']} 份是不完整文本（只有开头或被删节）" if h.get("n_partial") else "")
                 + f"；层级：{_LEVEL_ZH.get(h.get('level'), '不明')}"
                 + (f"；曾用名：{h['former_names']}" if h.get("former_names") else ""))]
    # a partial text cannot show the parts its report gives further down: never "未单列"
    out += [("t", f"{r.label}{'（不完整文本）' if getattr(r, 'partial', False) else ''}："
                  f"{int(r.n_chars) if pd.notna(r.n_chars) else '?'} 字；有 {r.parts}"
                  + ("；其余部分不在这份文本中，不能算作没写" if getattr(r, "partial", False) and r.missing != "无"
                     else f"；未单列 {r.missing}" if r.missing != "无" else ""))  # every part: nothing to say
            for r in profile["reports"].itertuples()]
    fig = profile["figures"]
    out.append(("h", f"具体数字（共 {len(fig)} 个）"))
    if len(fig):
        counts = fig["category"].value_counts()
        out.append(("t", "类别：" + "、".join(f"{c} {n}" for c, n in counts.head(8).items())))
        # categorised figures first: they are the ones an analyst compares
        ordered = fig.assign(_unc=fig["category"] == "未分类").sort_values("_unc", kind="stable")
        shown = ordered.head(cap.get("figures", len(fig)))
        out += [("t", f"{r.label}｜{r.category}｜{r.span}") for r in shown.itertuples()]
        if len(shown) < len(fig):
            out.append(("n", f"……另有 {len(fig) - len(shown)} 个，见 HTML"))
    else:
        out.append(("n", "报告中没有识别出具体数字"))
    sc = profile["shortcomings"]
    out.append(("h", f"自述的不足（{len(sc)} 条）"))
    shown = sc.head(cap.get("shortcomings", len(sc)))
    out += [("t", f"{r.label}｜{r.theme_label}｜{r.text}") for r in shown.itertuples()] or [("n", "没有列出不足")]
    if len(shown) < len(sc):
        out.append(("n", f"……另有 {len(sc) - len(shown)} 条，见 HTML"))
    terms = profile["terms"].head(cap.get("terms", len(profile["terms"])))
    out.append(("h", "特色词（与其他乡镇的报告相比）"))
    out.append(("t", "、".join(f"{t}（{s:.1f}）" for t, s in zip(terms["term"], terms["stat"])))
               if len(terms) else ("n", "没有其他乡镇可比较，或没有足够的词"))
    reuse = profile["reuse"]
    out.append(("h", "与其他报告重复的段落"))
    orig = profile["originality"]
    if orig:
        out.append(("t", "原创文字占比：" + "；".join(f"{k} {v:.0%}" for k, v in orig.items())))
    shown = reuse.head(cap.get("reuse", len(reuse)))
    out += [("t", f"{r.label} 与 {r.other}：相似度 {float(r.similarity):.2f}（{_KIND_ZH.get(r.kind, r.kind)}）")
            for r in shown.itertuples()] \
        or [("n", "没有发现与其他报告重复的段落")]
    if len(shown) < len(reuse):
        out.append(("n", f"……另有 {len(reuse) - len(shown)} 对，见 HTML"))
    return out


def profile_html(profile: dict) -> str:
    """A self-contained HTML page of :func:`town_profile` (every row, no truncation)."""
    parts = [f"<h1>{html.escape(_title(profile))}</h1>"]
    for style, text in _lines(profile, None):
        tag = {"h": "h2", "t": "p", "n": "p class='note'"}[style]
        parts.append(f"<{tag}>{html.escape(text)}</{tag.split()[0]}>")
    for name, title in (("figures", "全部具体数字"), ("shortcomings", "全部不足条目"), ("reuse", "全部重复段落")):
        table = profile[name]
        if len(table):
            parts.append(f"<h2>{title}</h2>" + table.to_html(index=False, escape=True, border=0))
    style = ("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:60em;margin:2em auto;"
             "line-height:1.6} h2{border-bottom:1px solid #ccc} .note{color:#777} table{border-collapse:collapse}"
             " td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}")
    return (f"<!DOCTYPE html>\n<html lang='zh-CN'><head><meta charset='utf-8'>{GENERATOR}<title>"
            f"{html.escape(_title(profile))}</title><style>{style}</style></head><body>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def plot_profile(profile: dict, *, size: tuple[float, float] = (8.27, 11.69)):
    """One A4 page of the profile (the longest lists cut, said so); returns the Figure."""
    import matplotlib.pyplot as plt

    from .fonts import font_rc, rc_context

    with rc_context(font_rc()):
        fig = plt.figure(figsize=size)
        width_chars = int((size[0] - 1.0) * 72 / 10.5)  # 10.5 pt Chinese characters per line
        y = 1 - 0.6 / size[1]
        fig.text(0.06, y, _title(profile), fontsize=18, va="top")
        y -= 0.45 / size[1]
        step = 10.5 * 1.45 / 72 / size[1]
        for style, text in _lines(profile, PNG_ROWS):
            if style == "h":
                y -= step * 0.6
            wrapped = _wrap(text, width_chars)
            for line in wrapped[:3]:
                if y < 0.5 / size[1]:
                    fig.text(0.06, y, "……（页面已满，完整内容见 HTML）", fontsize=9, color="#777777", va="top")
                    return fig
                fig.text(0.06 if style != "t" else 0.08, y, line, va="top",
                         fontsize=13 if style == "h" else 10.5 if style == "t" else 9.5,
                         color="#1f4e79" if style == "h" else "#777777" if style == "n" else "#222222")
                y -= step * (1.3 if style == "h" else 1.0)
        return fig


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most WIDTH characters (Chinese wraps anywhere, numbers never split)."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line and len(line) + len(token) > width and token not in _NO_LINE_START:
            lines.append(line)
            line = ""
        line += token
    return lines + [line] if line or not lines else lines


def _file_stem(profile: dict) -> str:
    h = profile["header"]
    stem = "_".join(x for x in (h.get("town"), h.get("county")) if x) or profile["town_key"]
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", stem)


def write_profiles(tables: dict[str, pd.DataFrame], out_dir: str | Path, *, png: bool = True) -> list[Path]:
    """Write ``<town>_<county>.html`` (and ``.png``) for every town; return the HTML paths.

    The pages an earlier run wrote for towns this build no longer has under that name (a town
    renamed, as 英买里乡 became 英买里镇; a town a manifest corrected) are removed with their PNG, so
    the folder holds one page per town; pages without the :data:`GENERATOR` mark are left alone."""
    import matplotlib.pyplot as plt

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    earlier = [p for p in out.glob("*.html") if _written_here(p)]
    written = []
    tc = tables.get("term_counts")
    keyness = keyness_by_town(tc, tables["documents"]) if tc is not None and len(tc) else None
    for key in sorted(set(town_keys(tables["documents"])["town_key"])):
        profile = town_profile(tables, key, keyness=keyness)
        stem = _file_stem(profile)
        path = out / f"{stem}.html"
        path.write_text(profile_html(profile), encoding="utf-8")
        if png:
            fig = plot_profile(profile)
            fig.savefig(out / f"{stem}.png", dpi=150, metadata={"Software": None})
            plt.close(fig)
        written.append(path)
    stale = [p for p in earlier if p not in set(written)]
    for page in stale:
        page.unlink(missing_ok=True)
        page.with_suffix(".png").unlink(missing_ok=True)
    log.info("wrote %d town profile(s) to %s%s", len(written), out,
             f" (removed {len(stale)} of towns no longer in the build)" if stale else "")
    return written


def _written_here(page: Path) -> bool:
    """Whether ``page`` is a profile :func:`write_profiles` wrote (its head carries GENERATOR)."""
    try:
        with page.open(encoding="utf-8", errors="replace") as f:
            return GENERATOR in f.read(600)
    except OSError:
        return False
