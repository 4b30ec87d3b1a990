"""The analyst's folder of many towns and years, in small: a real build of written reports (two
towns of one name in two counties, one town of four years, a page whose town is unknown, years of
one or two reports beside years of six) and what the charts, caveats and deck say about it."""
import shutil
import warnings
from pathlib import Path

from .plotting import _theme_and_cleanup  # noqa: F401  (autouse; sets the Agg backend)

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from pptx import Presentation  # noqa: E402

import reportkit as rk  # noqa: E402
from reportkit import deck, export, plots  # noqa: E402
from reportkit.across_years import count_towns  # noqa: E402
from reportkit.findings import HANDFUL  # noqa: E402

WRITTEN = Path(__file__).parent / "fixtures" / "written_reports"
PAGES = Path(__file__).parent / "realworld" / "cases"
FILES = [
    "r534_chongansi_liangxi_2021_yemian_jieduan.txt", "r535_chongansi_liangxi_2022_dangongwei_lvzhi_zaihou.txt",
    "r536_chongansi_liangxi_2023_zhutijiaoyu_2024nian1yue.txt", "r537_chongansi_liangxi_2024_banshichu_yijianshi.txt",
    "r35_longhu.txt", "r562_longhu_xinzheng_huibian_liebiao.txt",  # 龙湖镇 of 定安县 and of 新郑市
    "r137_wulongshan_yaozu_2019_twice.txt", "r146_zhaobeikou_niandu_field.txt",  # 2019
    "r100_santai_breadcrumb.txt", "r110_gubeikou_paragraph_items.txt", "r114_maotai_inline_paren.txt",
    "r122_wucheng_xixian_dozens.txt", "r123_panan_namesake.txt",  # 2023
    "r102_tianhuangping_fullspace_table.txt", "r105_louguan_bare_headings.txt", "r106_songjianghe_fullwidth_dot.txt",
    "r111_qingmuchuan_explained_items.txt", "r113_langmusi_grouped.txt",  # 2024
]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("many_towns")
    raw = tmp / "raw"
    raw.mkdir()
    for name in FILES:
        shutil.copy(WRITTEN / name, raw / name)
    shutil.copy(PAGES / "a048.txt", raw / "page_a048.txt")  # a page opening whose town is unknown
    return rk.build(raw, out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)


@pytest.fixture(scope="module")
def docs(tables):
    documents = tables["documents"]
    return documents[documents["level"] != "county"]


def test_fixture__the_folder_is_what_the_tests_say(docs):
    assert count_towns(docs) == docs["town"].replace("", pd.NA).nunique() + 1  # 龙湖镇 twice
    assert (docs["town"] == "").sum() == 1
    whole = docs[~docs["is_partial"]].groupby("year")["doc_id"].nunique()
    assert (whole >= HANDFUL).sum() == 2 and (whole < HANDFUL).any()


def test_plot_trend__share_of_parts_drawn_as_shares_when_most_years_have_a_handful(tables, docs):
    whole = docs[~docs["is_partial"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rk.SmallNumbersWarning)
        table = rk.trends.parts_trend_table(tables["completeness"], whole)
    ax = plots.plot_trend(table, reports="max")
    # shares, not the counts that grow with the number of reports a year
    assert ax.get_ylabel() == "包含该部分的报告占比（%）"
    n = table.groupby("year")["n_reports"].max()
    years = sorted(n.index)
    small = [i for i, y in enumerate(years) if n[y] < HANDFUL]
    for line in ax.get_lines():
        y = pd.Series(line.get_ydata(), dtype=float)
        assert y.iloc[small].isna().all() and y.drop(index=small).between(0, 100).all()
    # the few reports' shares are still shown, as hollow points apart from the lines
    hollow = [c for c in ax.collections if len(c.get_offsets())]
    assert sum(len(c.get_offsets()) for c in hollow) == len(small) * table["group"].nunique()
    assert plots.share_trend_title("各年份包含各法定部分的报告", table) == "各年份包含各法定部分的报告占比（空心点：该年不足 5 份报告）"


def test_plot_trend__phrases_of_one_large_year_stay_counts(docs):
    few_years = docs[docs["year"].isin([2019, 2024])]  # one year of a handful, one of two reports
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rk.SmallNumbersWarning)
        table = rk.trends.phrase_trend_table(few_years, ["法律顾问", "合法性审查"])
    ax = plots.plot_trend(table, reports="max")
    assert ax.get_ylabel() == "提及该词的报告数（份）"
    assert plots.share_trend_title("各年份提及关键词的报告", table).endswith("（每年不足 5 份时为份数，否则为占比）")
    plt.close("all")


def test_caveats__many_towns_of_one_report_are_counted_not_listed(docs):
    text = rk.caveats(docs, by="town", min_reports=2)
    per_town = rk.across_years.town_years(docs).set_index("town_key")["n_reports"]  # 龙湖镇 of two counties: two
    singles = int((per_town == 1).sum())
    assert singles > 10 and f"{singles} 个乡镇只有 1 份报告（如 " in text
    assert len(text) < 150
    assert "：只有" not in text and "、只有" not in text  # the unknown town is no name


def test_towns_by_reports__most_reports_first_and_no_unknown_town(docs):
    towns = rk.notebooks.towns_by_reports(docs)
    assert towns[:2] == ["崇安寺街道", "龙湖镇"] and "" not in towns
    assert towns[2:] == sorted(towns[2:])  # a tie goes by name


def test_build_deck__title_slide_counts_towns_as_the_methods_slide(docs, tmp_path):
    fig, ax = plt.subplots()
    ax.bar(["甲", "乙"], [1, 2])
    export.save_figure(fig, "a_bars", tmp_path / "figures", title="图", documents=docs)
    prs = Presentation(deck.build_deck(tmp_path / "figures", tmp_path / "deck.pptx", documents=docs, date="2025-03-01"))
    n = count_towns(docs)
    title = prs.slides[0].placeholders[1].text_frame.text.replace(" ", "")  # the deck drops CJK–digit spaces
    methods = "\n".join(s.text_frame.text for s in prs.slides[-1].shapes if s.has_text_frame).replace(" ", "")
    assert f"等{n}个乡镇" in title and f"，{n}个乡镇，" in methods


def test_methods_lines__an_unknown_county_or_province_is_not_counted(docs):
    line = rk.findings.methods_lines(docs)[0]
    named = {c: docs.loc[docs[c] != "", c].nunique() for c in ("county", "province")}
    assert (docs["province"] == "").any()
    assert f"分属 {named['county']} 个县（区）、{named['province']} 个省份" in line


# --------------------------------------------------------------------------- second pass (s43 ap2)


def test_keyness_by__every_town_at_once_as_keyness_gives_each(tables, docs):
    """One pass over the term counts gives each town what keyness(target={"town": t}) gives it, the
    report of unknown town staying in the reference."""
    at_once = rk.keyness_by(tables["term_counts"], docs, by="town", n=6)
    towns = rk.notebooks.towns_by_reports(docs)
    assert set(at_once["town"]) <= set(towns) and len(set(at_once["town"])) > 10
    assert list(at_once.columns) == ["town", "term", "stat", "p", "n_target", "n_reference"]
    for town in towns:
        one = rk.keyness(tables["term_counts"], docs, target={"town": town}).query("stat > 0").head(6)
        mine = at_once[at_once["town"] == town].drop(columns="town").reset_index(drop=True)
        assert mine["term"].tolist() == one["term"].tolist(), town
        pd.testing.assert_frame_equal(mine[["stat", "p"]], one[["stat", "p"]].reset_index(drop=True), rtol=1e-9)
        assert mine["n_target"].tolist() == one["n_target"].tolist()
        assert mine["n_reference"].tolist() == one["n_reference"].tolist()
    assert rk.keyness_by(tables["term_counts"], docs[docs["town"] == "崇安寺街道"], by="town").empty


def test_caveats__towns_of_one_name_in_two_counties_are_two_towns(docs):
    singles = rk.across_years.town_years(docs).query("n_reports == 1")
    text = rk.caveats(docs, by="town", min_reports=2)
    assert f"{len(singles)} 个乡镇只有 1 份报告" in text  # both 龙湖镇 among them, not one 龙湖镇 of 2 reports
    two = rk.caveats(docs[docs["town"].isin(["龙湖镇", "崇安寺街道"])], by="town", min_reports=2)
    assert "龙湖镇（定安县）只有 1 份报告" in two and "龙湖镇（新郑市）只有 1 份报告" in two


def test_recurring_themes_finding__says_which_towns_it_compares(tables, docs):
    followed = int((rk.across_years.town_years(docs)["n_years"] >= 2).sum())
    assert followed == 1
    # the town of four years with no themed shortcoming: it has years to compare but nothing listed
    ids = docs.loc[docs["town"] == "崇安寺街道", "doc_id"]
    items = tables["shortcomings"][~tables["shortcomings"]["doc_id"].isin(ids)]
    recurring = rk.recurring_themes(items, docs)
    finding = rk.across_years.recurring_themes_finding(
        rk.across_years.recurring_theme_counts(recurring), recurring, docs)
    assert "没有乡镇有两个年份的报告" not in finding.title and "1 个乡镇都没有列出归类的不足" in finding.title
    assert "共 1 个，其余 1 个没有列出归类的不足" in finding.caveat
    recurring = rk.recurring_themes(tables["shortcomings"], docs)
    finding = rk.across_years.recurring_themes_finding(
        rk.across_years.recurring_theme_counts(recurring), recurring, docs)
    assert "/1 个乡镇的报告中反复被列为不足" in finding.title and "且列出了归类的不足的乡镇（1 个）。" in finding.caveat


def test_theme_frequency_finding__a_note_names_a_few_towns_and_counts_the_rest(tables, docs):
    whole = docs[~docs["is_partial"]]
    summary = rk.theme_summary(tables["shortcomings"], whole)
    many = summary[summary["towns"].str.count("、") + 1 > rk.findings.MAX_NAMED]
    assert len(many)  # the fixture has a theme of more towns than a note names
    notes = rk.findings.theme_frequency_finding(summary).notes
    for row in many.itertuples():
        note = next(n for n in notes if n.startswith(f"{row.theme_label}："))
        named = note.split("（", 1)[1].split("等 ")[0].split("、")
        assert len(named) == rk.findings.MAX_NAMED and f"等 {row.towns.count('、') + 1} 个乡镇）" in note


def test_grouped_bars__one_report_beyond_the_top_is_a_bar_not_an_other(docs):
    values = docs.assign(label=plots.doc_label(docs), n=docs["text"].str.len())[["label", "n"]]
    bars = plots.grouped_bars_table(values, x="label", y="n", top=len(values) - 1)
    assert len(bars) == len(values) and not bars["label"].str.startswith("其他").any()
    folded = plots.grouped_bars_table(values, x="label", y="n", top=len(values) - 2)
    assert folded["label"].iloc[-1] == "其他（2 个，中位数）"


def test_plot_grouped_bars__scores_of_bars_carry_no_unreadable_labels(tables, docs):
    parts = tables["density"].merge(docs.assign(label=plots.doc_label(docs))[["doc_id", "label"]], on="doc_id")
    parts = parts[parts["section_type"].isin(["measures", "shortcomings", "leadership", "other"])]
    many = plots.grouped_bars_table(parts, x="label", y="indicators_per_1k_chars", hue="section_type", top=None)
    assert many["label"].nunique() * many["section_type"].nunique() > 50
    ax = plots.plot_grouped_bars(many, x="label", y="indicators_per_1k_chars", hue="section_type")
    assert not ax.texts  # labels under MIN_BAR_LABEL_PT piled on each other ("0" over "0")
    few = many[many["label"].isin(many["label"].unique()[:3])]
    ax = plots.plot_grouped_bars(few, x="label", y="indicators_per_1k_chars", hue="section_type")
    assert len(ax.texts) == len(few)  # a few bars keep their numbers
    plt.close("all")


def test_methods_lines__each_year_says_how_many_of_its_reports_are_partial(docs):
    # a 2025 of 147 reports, 122 of them page openings, read as the largest year on the methods slide
    line = next(x for x in rk.findings.methods_lines(docs) if x.startswith("每年报告数："))
    total = docs.groupby("year")["doc_id"].nunique()
    partial = docs[docs["is_partial"]].groupby("year")["doc_id"].nunique()
    assert len(partial) and len(partial) < len(total)
    for year, n in total.items():
        said = f"{year}年 {n} 份（其中 {partial[year]} 份不完整）" if year in partial else f"{year}年 {n} 份"
        assert said in line.removeprefix("每年报告数：").removesuffix("。").split("、"), (year, line)
