"""One town across years: shortcomings that recur, and last year's plans that became this year's measures.

A town's reports of several years are joined on ``town_code`` when the documents table has it
(a statistical division code, unambiguous) and otherwise on town and county (two 太平镇 in
different counties stay apart; a report without a town joins nothing).

* :func:`recurring_themes` — for each town and shortcoming theme, the years whose report names
  it: a theme named year after year is a problem the town keeps reporting and not fixing;
* :func:`plan_items` — the items of each report's next-year plans part (一是…, （一）…);
* :func:`carried_plans` — each plan item of year Y set against the measures part of the same
  town's report of year Y+1: the closest measures sentence and how much of the plan's wording
  it repeats. A plan whose wording reappears was at least reported on; one that does not was
  dropped, renamed, or done and not mentioned — the table is a reading list, not a verdict.

Pure functions of the build's tables.
"""
from __future__ import annotations

import re

import pandas as pd

from .findings import Finding

#: Wording every plan and measure uses; left out when plans and measures are compared.
GENERIC_WORDS = ("进一步", "继续", "持续", "加强", "推进", "深入", "全面", "不断", "切实", "着力", "强化",
                 "提升", "提高", "完善", "健全", "深化", "坚持", "扎实", "大力", "积极", "努力", "做好",
                 "落实", "开展", "建设", "工作", "法治", "依法", "我镇", "我乡", "全镇", "全乡")
_GENERIC = re.compile("|".join(sorted(map(re.escape, GENERIC_WORDS), key=len, reverse=True)))
_NON_CJK = re.compile(r"[^\u3400-\u9fff]")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_MARKER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|[一二三四五六七八九十]+是)\s*")
#: Share of a plan clause's distinctive wording (character pairs) a measure sentence must repeat.
CARRIED_THRESHOLD = 0.5
#: A clause of fewer distinctive pairs than this must be repeated whole: 执法队伍 (three pairs) is not
#: carried by 综合执法队 开展执法检查 (two of them), which is inspections, not the team's building.
SHORT_CLAUSE_PAIRS = 4
_CLAUSE_END = re.compile(r"[，,；;。：:！!？?\n]")
KEY_COLUMNS = ["town", "county"]


def town_key_of(docs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(town_key, town) of each row of DOCS: ``town_code`` where there is one (a 乡 made a 镇 keeps
    its code), else "town｜county"; the key is "" where the town is unknown."""
    def column(name: str) -> pd.Series:
        values = docs[name] if name in docs else pd.Series(pd.NA, index=docs.index)
        return values.astype("object").fillna("").astype(str).str.strip()

    town, county, code = column("town"), column("county"), column("town_code")
    key = (town + "｜" + county).where(code == "", "code:" + code)
    return key.where(town != "", ""), town


def count_towns(documents: pd.DataFrame) -> int:
    """How many towns DOCUMENTS are from: a town renamed (英买里乡 → 英买里镇, one code) is one town,
    and towns of one name in two counties are two."""
    key, _ = town_key_of(documents.drop_duplicates("doc_id"))
    return int(key[key != ""].nunique())


def town_keys(documents: pd.DataFrame) -> pd.DataFrame:
    """``doc_id, town_key, town, county, year`` of the reports that can be joined across years
    (town known, year known). ``town_key`` is ``town_code`` where the documents carry one, else
    "town｜county"."""
    docs = documents.drop_duplicates("doc_id").copy()
    for column in ("town", "county"):
        if column not in docs:
            docs[column] = pd.NA
    docs["year"] = pd.to_numeric(docs["year"], errors="coerce")
    docs["town_key"], town = town_key_of(docs)
    usable = (town != "") & docs["year"].notna()
    out = docs.loc[usable, ["doc_id", "town_key", "town", "county", "year"]].copy()
    out["year"] = out["year"].astype(int)
    return out.reset_index(drop=True)


def town_years(documents: pd.DataFrame) -> pd.DataFrame:
    """``town_key, town, county, years, n_years, n_reports`` per town, most years first."""
    keys = town_keys(documents)
    out = keys.groupby("town_key", as_index=False).agg(
        town=("town", "first"), county=("county", "first"),
        years=("year", lambda s: "、".join(str(y) for y in sorted(set(s)))),
        n_years=("year", "nunique"), n_reports=("doc_id", "nunique"))
    return out.sort_values(["n_years", "town"], ascending=[False, True], kind="stable").reset_index(drop=True)


def recurring_themes(shortcomings: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """For each town with reports of two or more years and each shortcoming theme it names:
    ``town_key, town, county, theme, theme_label, years, n_years, n_report_years, first_year,
    last_year, recurring, consecutive``.

    ``n_report_years``: the years the town has reports for; ``recurring``: the theme is named in
    two or more of them; ``consecutive``: in two consecutive years at least. Items without a
    theme, or themed "other", are left out. Most recurring first.
    """
    columns = ["town_key", "town", "county", "theme", "theme_label", "years", "n_years", "n_report_years",
               "first_year", "last_year", "recurring", "consecutive"]
    keys = town_keys(documents)
    span = keys.groupby("town_key")["year"].nunique()
    keys = keys[keys["town_key"].map(span) >= 2]
    items = shortcomings.dropna(subset=["theme"])
    items = items[items["theme"] != "other"].merge(keys, on="doc_id")
    if items.empty:
        return pd.DataFrame(columns=columns)
    if "theme_label" not in items:
        items["theme_label"] = items["theme"]
    out = items.groupby(["town_key", "theme"], as_index=False).agg(
        town=("town", "first"), county=("county", "first"), theme_label=("theme_label", "first"),
        year_list=("year", lambda s: sorted(set(s))))
    out["years"] = out["year_list"].map(lambda ys: "、".join(map(str, ys)))
    out["n_years"] = out["year_list"].map(len)
    out["n_report_years"] = out["town_key"].map(span).astype(int)
    out["first_year"] = out["year_list"].map(min)
    out["last_year"] = out["year_list"].map(max)
    out["recurring"] = out["n_years"] >= 2
    out["consecutive"] = out["year_list"].map(lambda ys: any(b - a == 1 for a, b in zip(ys, ys[1:])))
    out = out.sort_values(["n_years", "town", "theme_label"], ascending=[False, True, True], kind="stable")
    return out[columns].reset_index(drop=True)


def recurring_theme_counts(recurring: pd.DataFrame) -> pd.DataFrame:
    """Per theme, the towns in which it recurs: ``theme_label, n_towns, n_towns_compared, towns``."""
    compared = recurring["town_key"].nunique()
    rec = recurring[recurring["recurring"].astype(bool)]
    out = rec.groupby("theme_label", as_index=False).agg(
        n_towns=("town_key", "nunique"), towns=("town", lambda s: "、".join(sorted(set(s)))))
    out["n_towns_compared"] = compared
    return out.sort_values(["n_towns", "theme_label"], ascending=[False, True], kind="stable").reset_index(drop=True)


def plan_items(sections: pd.DataFrame) -> pd.DataFrame:
    """The items of each report's next-year plans part: ``doc_id, item_no, text, headline``.

    Cut exactly as shortcoming items are (``sections.shortcoming_items``: the part's outermost
    numbered list, or its paragraphs), so the two tables read alike.
    """
    from .item_cutting import shortcoming_items

    plans = sections[sections["section_type"] == "plans"]
    # the splitter reads the "shortcomings" part; give it the plans part under that name
    return shortcoming_items(plans.assign(section_type="shortcomings"))


def _pairs(text: str) -> set[str]:
    """Character pairs of the distinctive wording of TEXT (generic verbs and non-Chinese dropped)."""
    core = _NON_CJK.sub(" ", _GENERIC.sub(" ", text))
    return {a + b for word in core.split() for a, b in zip(word, word[1:])}


def _sentences(text: str) -> list[str]:
    parts = (_MARKER.sub("", s.strip()) for s in _SENTENCE_END.split(text))
    return [s for s in parts if len(s) >= 4]


def carried_plans(sections: pd.DataFrame, documents: pd.DataFrame, *,
                  threshold: float = CARRIED_THRESHOLD) -> pd.DataFrame:
    """Each plan item of a town's report for year Y against the measures part of its report for
    Y+1: ``town_key, town, county, plan_year, item_no, plan_item, measure_year, measure_text,
    similarity, carried``.

    A plan item is read clause by clause, its headline and the clauses of its explanation (做实矛盾
    纠纷化解。推广物业纠纷调解工作室…): ``similarity`` is the largest share of a clause's distinctive
    character pairs (generic words such as 进一步/加强 left out) found in one measures sentence, and
    ``measure_text`` that sentence; ``carried`` when a clause reaches ``threshold`` (a short clause,
    under `SHORT_CLAUSE_PAIRS` pairs, only when all of it is found). Only towns with reports of
    consecutive years appear.
    """
    columns = ["town_key", "town", "county", "plan_year", "item_no", "plan_item", "measure_year", "measure_text",
               "similarity", "carried"]
    keys = town_keys(documents)
    items = plan_items(sections).merge(keys, on="doc_id")
    measures = sections[sections["section_type"] == "measures"].merge(keys, on="doc_id")
    if items.empty or measures.empty:
        return pd.DataFrame(columns=columns)
    # outermost measures rows hold their sub-sections' text already
    typed = set(zip(measures["doc_id"], measures["section_no"]))
    outer = measures[[(d, p) not in typed for d, p in zip(measures["doc_id"], measures["parent_section_no"])]]
    sentences = {}  # (town_key, year) → [(sentence, its pairs)] of the measures
    for (key, year), part in outer.groupby(["town_key", "year"]):
        sentences[(key, int(year))] = [(s, _pairs(s)) for text in part["text"] for s in _sentences(str(text))]
    rows = []
    for item in items.itertuples(index=False):
        following = sentences.get((item.town_key, int(item.year) + 1))
        if following is None:
            continue
        clauses = [pairs for c in _CLAUSE_END.split(str(item.text or item.headline)) if (pairs := _pairs(c))]
        if not clauses:
            continue
        best, sentence, carried = 0.0, "", False
        for wanted in clauses:
            need = threshold if len(wanted) >= SHORT_CLAUSE_PAIRS else 1.0
            for s, found in following:
                share = len(wanted & found) / len(wanted)
                carried = carried or share >= need
                if share > best:
                    best, sentence = share, s
        rows.append({"town_key": item.town_key, "town": item.town, "county": item.county,
                     "plan_year": int(item.year), "item_no": int(item.item_no), "plan_item": item.headline,
                     "measure_year": int(item.year) + 1, "measure_text": sentence,
                     "similarity": round(best, 3), "carried": carried})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["town", "plan_year", "item_no"], kind="stable").reset_index(drop=True)


def carried_plans_summary(carried: pd.DataFrame) -> pd.DataFrame:
    """Per town and plan year: ``label, town, county, plan_year, n_plans, n_carried, share``."""
    out = carried.groupby(["town_key", "plan_year"], as_index=False).agg(
        town=("town", "first"), county=("county", "first"), n_plans=("item_no", "size"),
        n_carried=("carried", "sum"))
    out["n_carried"] = out["n_carried"].astype(int)
    out["share"] = out["n_carried"] / out["n_plans"]
    out["label"] = [f"{t} {y}→{y + 1}" for t, y in zip(out["town"], out["plan_year"])]
    cols = ["label", "town", "county", "plan_year", "n_plans", "n_carried", "share"]
    return out.sort_values(["town", "plan_year"], kind="stable")[cols].reset_index(drop=True)


def recurring_themes_finding(counts: pd.DataFrame, recurring: pd.DataFrame,
                             documents: pd.DataFrame | None = None) -> Finding:
    """"「执法与法治工作力量、人才薄弱」在 2/3 个乡镇连续被列为不足" from :func:`recurring_theme_counts`.

    The towns compared are those with reports of two or more years that list a themed shortcoming;
    with DOCUMENTS the caveat also counts the towns of two or more years that list none, so the
    denominator is not read as :func:`town_years`' count of towns followed."""
    from .findings import some_towns

    compared = recurring["town_key"].nunique() if len(recurring) else 0
    notes = [f"{r.theme_label}：{r.n_towns}/{r.n_towns_compared} 个乡镇（{some_towns(r.towns)}）"
             for r in counts.itertuples()]
    notes += [f"{r.town} {r.theme_label}：{r.years}"
              for r in recurring[recurring["recurring"].astype(bool)].itertuples()][:30]
    caveat = ("主题按关键词归类；同一问题换了说法可能归入另一主题。只比较有两个及以上年份报告、且列出了归类的不足的乡镇"
              f"（{compared} 个）")
    followed = int((town_years(documents)["n_years"] >= 2).sum()) if documents is not None else compared
    caveat += (f"；有两个及以上年份报告的乡镇共 {followed} 个，其余 {followed - compared} 个没有列出归类的不足。"
               if followed > compared else "。")
    if counts.empty or compared == 0:
        return Finding("没有乡镇在不同年份的报告中重复列出同一类不足" if compared else
                       f"有两个年份报告的 {followed} 个乡镇都没有列出归类的不足，无法比较" if followed else
                       "没有乡镇有两个年份的报告，无法比较", notes, caveat)
    top = counts.iloc[0]
    among = "个列出了不足的乡镇中" if followed > compared else "个乡镇的报告中"  # not all towns followed
    return Finding(f"「{top['theme_label']}」在 {int(top['n_towns'])}/{compared} {among}反复被列为不足",
                   notes, caveat)


def carried_plans_finding(summary: pd.DataFrame, carried: pd.DataFrame) -> Finding:
    """How many of last year's plans reappear in this year's measures."""
    n, k = int(summary["n_plans"].sum()), int(summary["n_carried"].sum())
    notes = [f"{r.label}：{r.n_carried}/{r.n_plans} 条计划在下一年的举措中重现" for r in summary.itertuples()]
    notes += [f"未见：{r.town} {r.plan_year}「{r.plan_item}」"
              for r in carried[~carried["carried"].astype(bool)].itertuples()][:20]
    caveat = ("按字面逐句比较计划（标题和说明）与下一年“主要举措”中的句子：换了说法的落实看不出，提到了也不等于"
              f"做到了，引用前请核对原文。重现的门槛是计划中一句特有用字的 {CARRIED_THRESHOLD:.0%}（短句须全部重现）。")
    if n == 0:
        return Finding("没有可比较的上一年计划（需要同一乡镇相邻两年的报告）", notes, caveat)
    return Finding(f"上一年的 {n} 条计划中，{k} 条在下一年的主要举措中重现", notes, caveat)
