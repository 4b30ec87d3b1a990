"""Tests for reportkit.plots: CJK font, chart tables, and charts without missing glyphs."""
import logging
import warnings

from .plotting import _theme_and_cleanup  # noqa: F401  (autouse; sets the Agg backend)

import matplotlib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402

from reportkit import plots, schema  # noqa: E402
from reportkit import reuse as reuse_module  # noqa: E402

A, B, C, D = "a" * 16, "b" * 16, "c" * 16, "d" * 16


@pytest.fixture
def documents():
    return pd.DataFrame({
        "doc_id": [A, B, C, D],
        "file": ["a.txt", "b.txt", "c.txt", "东坡街道2022年报告.docx"],
        "town": ["青松镇", "白云乡", "青松镇", None],
        "year": [2023, 2023, 2024, 2022],
        "n_chars": [2000, 1000, 4000, 500],
    })


@pytest.fixture
def indicators():
    return pd.DataFrame({
        "doc_id": [A, A, A, B, C],
        "category": ["普法宣传", "普法宣传", "矛盾纠纷化解", "矛盾纠纷化解", "行政执法"],
        "value": [12.0, 3.0, 40.0, 30.0, 5.0],
        "unit": ["场", "场", "起", "起", "次"],
        "qualifier": [None, "共", "余", "近", None],
    })


def _glyph_warnings(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def _chinese_chart():
    fig, ax = plt.subplots()
    ax.plot([2022, 2023], [1, 2], label="青松镇")
    ax.set_title("法治政府建设年度报告")
    ax.set_xticks([2022, 2023], ["二〇二二年", "二〇二三年"])
    ax.legend()
    return fig


# --------------------------------------------------------------------------- fonts


def test_cjk_font_name__font_has_chinese_glyphs():
    name = plots.cjk_font_name()
    path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    assert FT2Font(path).get_char_index(ord("镇")) != 0


def test_cjk_font_name__registers_bundled_font_once():
    plots.cjk_font_name()
    before = len(font_manager.fontManager.ttflist)
    plots.cjk_font_name()
    assert len(font_manager.fontManager.ttflist) == before


def test_glyph_check__detects_tofu_with_matplotlib_defaults():
    # the detector used below must be able to fail: DejaVu Sans alone has no Chinese glyphs
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = _chinese_chart()
        assert _glyph_warnings(fig)


def test_set_theme__chinese_title_ticks_legend_have_no_missing_glyphs(caplog):
    fig = _chinese_chart()
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        assert _glyph_warnings(fig) == []
    assert not [r for r in caplog.records if "findfont" in r.getMessage() and "not found" in r.getMessage()]


def test_set_theme__returns_font_first_in_family_and_sans_serif():
    name = plots.set_theme()
    assert matplotlib.rcParams["font.family"][0] == name
    assert matplotlib.rcParams["font.sans-serif"][0] == name


def test_set_theme__unicode_minus_off():
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_seaborn_set_style__with_font_rc_keeps_chinese():
    sns.set_style("ticks", rc=plots.font_rc())
    assert _glyph_warnings(_chinese_chart()) == []


def test_use_cjk_font__fixes_figure_after_bare_seaborn_reset():
    sns.set_theme()  # resets font.sans-serif to seaborn's list: Chinese would be tofu
    fig = _chinese_chart()
    plots.use_cjk_font(fig)
    assert _glyph_warnings(fig) == []


def test_plot_functions__stay_readable_after_bare_seaborn_reset(documents, indicators):
    sns.set_theme()
    table = plots.indicator_heatmap_table(indicators, documents)
    ax = plots.plot_indicator_heatmap(table)
    assert _glyph_warnings(ax.figure) == []


# --------------------------------------------------------------------------- labels


def test_doc_label__town_and_year(documents):
    assert plots.doc_label(documents).tolist()[:3] == ["青松镇 2023", "白云乡 2023", "青松镇 2024"]


def test_doc_label__no_town_falls_back_to_file_stem_without_repeating_year(documents):
    assert plots.doc_label(documents).iloc[3] == "东坡街道2022年报告"


def test_doc_label__duplicates_get_doc_id_prefix():
    docs = pd.DataFrame({"doc_id": ["1234aaaa", "5678bbbb"], "town": ["青松镇", "青松镇"], "year": [2023, 2023]})
    assert plots.doc_label(docs).tolist() == ["青松镇 2023 #1234", "青松镇 2023 #5678"]


@pytest.mark.parametrize(("value", "qualifier", "expected"), [
    (40.0, "余", "40余"), (30.0, "近", "近30"), (210.0, "共", "共210"), (12.5, None, "12.5"),
    (12000.0, None, "12000"), (100.0, "以上", "100以上"),
])
def test_format_value__qualifier_in_place(value, qualifier, expected):
    assert plots.format_value(value, qualifier) == expected


# --------------------------------------------------------------------------- tables


def test_indicator_heatmap_table__counts_with_zero_rows_for_reports_without_indicators(documents, indicators):
    t = plots.indicator_heatmap_table(indicators, documents)
    wide = t.pivot(index="label", columns="category", values="value")
    assert wide.loc["青松镇 2023", "普法宣传"] == 2
    assert wide.loc["东坡街道2022年报告"].sum() == 0
    assert len(t) == 4 * 3


def test_indicator_heatmap_table__rows_in_town_year_order_unnamed_last(documents, indicators):
    t = plots.indicator_heatmap_table(indicators, documents)
    assert list(dict.fromkeys(t["label"])) == ["白云乡 2023", "青松镇 2023", "青松镇 2024", "东坡街道2022年报告"]


def test_indicator_heatmap_table__columns_are_the_categories_most_reports_give():
    # one verbose report with many figures of one category does not pick the columns: 普法 and 学法,
    # given by three reports each, stay; 民生 (eight figures, one report) is folded after 调解 (two reports)
    docs = pd.DataFrame({"doc_id": list("abc"), "town": ["甲镇", "乙镇", "丙镇"], "year": [2023] * 3})
    rows = ([("a", "民生")] * 8 + [("a", "政务")] * 2 + [(d, "普法") for d in "aabc"] + [(d, "学法") for d in "abc"]
            + [("a", "调解"), ("b", "调解")])
    indicators = pd.DataFrame(rows, columns=["doc_id", "category"])
    t = plots.indicator_heatmap_table(indicators, docs, top_categories=4)
    assert list(dict.fromkeys(t["category"])) == ["普法", "学法", "其他类别"]
    other = t[t["category"] == "其他类别"]
    assert set(other["holds"]) == {"调解、民生、政务"} and other["n_indicators"].sum() == 12
    assert (t.loc[t["category"] != "其他类别", "holds"] == "").all()
    ax = plots.plot_indicator_heatmap(t)
    assert "其他类别：调解、民生、政务的合计" in ax.get_xlabel()


def test_indicator_heatmap_table__sum_refuses_mixed_units(documents, indicators):
    with pytest.raises(ValueError, match="different units"):
        plots.indicator_heatmap_table(indicators, documents, value="sum")


def test_indicator_heatmap_table__sum_of_one_unit(documents, indicators):
    t = plots.indicator_heatmap_table(indicators, documents, value="sum", unit="场")
    assert t.set_index(["label", "category"]).loc[("青松镇 2023", "普法宣传"), "value"] == 15.0


def test_indicator_heatmap_table__per_1k_chars(documents, indicators):
    t = plots.indicator_heatmap_table(indicators, documents, value="per_1k_chars")
    assert t.set_index(["label", "category"]).loc[("白云乡 2023", "矛盾纠纷化解"), "value"] == 1.0


def test_indicator_heatmap_table__rows_by_town_merge_years(documents, indicators):
    t = plots.indicator_heatmap_table(indicators, documents, rows="town")
    assert t[t["label"] == "青松镇"]["n_indicators"].sum() == 4


def test_grouped_bars_table__labels_keep_qualifier():
    data = pd.DataFrame({"town": ["青松镇", "白云乡"], "n": [40, 30], "qualifier": ["余", "近"]})
    t = plots.grouped_bars_table(data, x="town", y="n", qualifier="qualifier")
    assert t["bar_label"].tolist() == ["40余", "近30"]


def test_grouped_bars_table__beyond_top_the_rest_is_one_median_bar():
    data = pd.DataFrame({"label": [f"镇{i}" for i in range(6)], "n": [10, 1, 8, 2, 3, 7]})
    t = plots.grouped_bars_table(data, x="label", y="n", top=3)
    assert t["label"].tolist() == ["镇0", "镇2", "镇5", "其他（3 个，中位数）"]
    assert t["n"].tolist() == [10, 8, 7, 2]  # a sum (6) would say nothing about a typical report


def test_grouped_bars_table__counts_fold_into_their_sum():
    data = pd.DataFrame({"province": list("甲乙丙丁"), "n_reports": [5, 4, 1, 1]})
    t = plots.grouped_bars_table(data, x="province", y="n_reports", top=2, other="sum")
    assert t.iloc[-1][["province", "n_reports"]].tolist() == ["其他（2 个，合计）", 2]


def test_plot_grouped_bars__chinese_axis_labels_and_integer_ticks_for_counts():
    data = pd.DataFrame({"province": ["山东省", "福建省"], "n_reports": [3, 1]})
    ax = plots.plot_grouped_bars(plots.grouped_bars_table(data, x="province", y="n_reports"), x="province",
                                 y="n_reports")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("省份", "报告数（份）")
    assert all(float(v).is_integer() for v in ax.get_yticks())


def test_grouped_bars_table__duplicate_pairs_raise():
    data = pd.DataFrame({"town": ["青松镇", "青松镇"], "n": [40, 30]})
    with pytest.raises(ValueError, match="aggregate"):
        plots.grouped_bars_table(data, x="town", y="n")


def test_plot_grouped_bars__bar_annotations_show_qualifier():
    data = pd.DataFrame({"town": ["青松镇", "青松镇", "白云乡"], "year": [2023, 2024, 2023],
                         "n": [40, 12, 30], "q": ["余", None, "近"]})
    ax = plots.plot_grouped_bars(data, x="town", y="n", hue="year", qualifier="q")
    texts = {t.get_text() for t in ax.texts}
    assert {"40余", "12", "近30"} <= texts


def test_completeness_table__statutory_order_and_n_parts(documents):
    comp = pd.DataFrame({"doc_id": [B, A], "measures": [True, True], "shortcomings": [False, True],
                         "leadership": [False, False], "plans": [True, True], "other": [False, False]})
    t = plots.completeness_table(comp, documents)
    assert t["part"].tolist()[:5] == ["measures", "shortcomings", "leadership", "plans", "other"]
    assert t.drop_duplicates("doc_id").set_index("label")["n_parts"].to_dict() == {"白云乡 2023": 2, "青松镇 2023": 3}


def test_completeness_table__only_the_reports_given(documents):
    # the notebooks pass the whole reports: a partial text's parts are not drawn, nor counted in the finding
    comp = pd.DataFrame({"doc_id": [B, A], "measures": [True, True], "shortcomings": [False, True],
                         "leadership": [False, False], "plans": [True, True], "other": [False, False]})
    t = plots.completeness_table(comp, documents[documents["doc_id"] == A])
    assert set(t["doc_id"]) == {A} and len(t) == 5


def test_plot_completeness__marks_missing_parts(documents):
    comp = pd.DataFrame({"doc_id": [A], "measures": [True], "shortcomings": [False],
                         "leadership": [False], "plans": [True], "other": [False]})
    ax = plots.plot_completeness(plots.completeness_table(comp, documents))
    assert [t.get_text() for t in ax.texts].count("未单列") == 3  # as the findings say: not set out on its own
    assert ax.get_yticklabels()[0].get_text() == "青松镇 2023（2/5）"


def test_terms_table__top_n_per_group_ties_by_term():
    data = pd.DataFrame({"town": ["青松镇"] * 4 + ["白云乡"], "term": ["调解", "普法", "法治", "调解", "网格"],
                         "n": [2, 5, 5, 4, 1]})
    t = plots.terms_table(data, group="town", n=2)
    assert t[t["group"] == "青松镇"]["term"].tolist() == ["调解", "普法"]
    assert t[t["group"] == "青松镇"]["value"].tolist() == [6, 5]
    assert t["group"].tolist()[-1] == "白云乡"


def test_plot_terms__one_panel_per_group_each_titled():
    data = pd.DataFrame({"town": ["青松镇", "青松镇", "白云乡"], "term": ["调解", "普法", "网格"], "n": [3, 2, 1]})
    axes = plots.plot_terms(plots.terms_table(data, group="town"))
    assert [a.get_title(loc="left") for a in axes] == ["青松镇", "白云乡"]


def test_plot_terms__a_single_town_panel_is_titled_too():
    data = pd.DataFrame({"town": ["青松镇", "青松镇"], "term": ["调解", "普法"], "stat": [3.5, 2.0]})
    axes = plots.plot_terms(plots.terms_table(data, value="stat", group="town", agg="max"))
    assert [a.get_title(loc="left") for a in axes] == ["青松镇"]


def test_plot_terms__axis_says_what_the_value_is_in_chinese():
    data = pd.DataFrame({"term": ["调解", "普法"], "stat": [3.5, 2.0]})
    ax = plots.plot_terms(plots.terms_table(data, value="stat", agg="max"))
    assert ax.get_xlabel() == "关键度"


def test_plot_terms__raw_data_is_refused_with_the_fix():
    with pytest.raises(ValueError, match=r"terms_table"):
        plots.plot_terms(pd.DataFrame({"term": ["调解"], "n": [3]}))


def test_plot_theme_frequency__draws_theme_summary(documents):
    from reportkit.shortcomings import theme_summary

    sc = pd.DataFrame({"doc_id": [A, A, B], "item_no": [1, 2, 1], "theme": ["t"] * 3, "theme_label": ["普法宣传不够深入"] * 3})
    ax = plots.plot_theme_frequency(theme_summary(sc, documents))
    assert [t.get_text() for t in ax.texts] == ["2/4 份"]


def test_plots__one_theme_frequency_table():
    assert not hasattr(plots, "theme_frequency_table")  # shortcomings.theme_summary is the one


@pytest.mark.filterwarnings("ignore::reportkit.findings.SmallNumbersWarning")
def test_trend_table__n_reports_counts_reports_without_rows(documents, indicators):
    t = plots.trend_table(indicators, documents, agg="count")
    assert t.set_index("year")[["value", "n_reports"]].loc[2023].tolist() == [4, 2]
    assert t.set_index("year").loc[2022, "value"] == 0


@pytest.mark.filterwarnings("ignore::reportkit.findings.SmallNumbersWarning")
def test_trend_table__mean_is_per_report(documents, indicators):
    t = plots.trend_table(indicators, documents, value="value", agg="mean")
    assert t.set_index("year").loc[2023, "value"] == (55.0 + 30.0) / 2


@pytest.mark.filterwarnings("ignore::reportkit.findings.SmallNumbersWarning")
def test_trend_table__group_column_names_unknown_town(documents, indicators):
    t = plots.trend_table(indicators, documents, agg="count", group="town")
    assert set(t["group"]) == {"青松镇", "白云乡", "未注明"}


def test_trend_table__warns_when_a_year_has_fewer_than_a_handful_of_reports(documents, indicators):
    from reportkit.findings import SmallNumbersWarning

    with pytest.warns(SmallNumbersWarning, match="2023年只有 2 份报告.*不同乡镇之间的差异"):
        plots.trend_table(indicators, documents, agg="count")


def test_trend_table__quiet_when_every_year_has_a_handful_of_the_same_towns(indicators):
    import warnings

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "town": [f"镇{i % 5}" for i in range(10)],
                         "year": [2023] * 5 + [2024] * 5})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.trend_table(indicators.assign(doc_id="d0"), docs, agg="count")


@pytest.mark.filterwarnings("ignore::reportkit.findings.SmallNumbersWarning")
def test_plot_trend__says_under_the_axis_what_the_years_cannot_show(documents, indicators):
    table = plots.trend_table(indicators, documents, agg="count")
    notes = [t.get_text() for t in plots.plot_trend(table).texts]
    assert any("不能当作趋势来读" in t for t in notes)  # years of one or two reports
    given = plots.plot_trend(table, caveat="注意：各年份的报告大多来自不同乡镇。年份之间的变化也是乡镇之间的差别。")
    assert [t.get_text() for t in given.texts] == ["各年份的报告大多来自不同乡镇。年份之间的变化也是乡镇之间的差别。"]


@pytest.mark.filterwarnings("ignore::reportkit.findings.SmallNumbersWarning")
def test_plot_trend__tick_labels_show_reports_per_year(documents, indicators):
    ax = plots.plot_trend(plots.trend_table(indicators, documents, agg="count"))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022\n(n=1)", "2023\n(n=2)", "2024\n(n=1)"]


def test_plot_trend__reports_max_for_groups_on_the_same_reports():
    table = pd.DataFrame({"year": [2023, 2023], "group": ["法律顾问", "法律明白人"], "value": [1.0, 0.5],
                          "n_reports": [2, 2]})
    ax = plots.plot_trend(table, reports="max")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023\n(n=2)"]


def test_plot_trend__coinciding_groups_stay_visible():
    table = pd.DataFrame({"year": [2022, 2023] * 3, "group": ["甲", "甲", "乙", "乙", "丙", "丙"],
                          "value": [100.0, 100.0] * 3, "n_reports": [1, 1] * 3})
    lines = plots.plot_trend(table, reports="max").get_lines()
    widths = [line.get_linewidth() for line in lines]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) == 3  # the later line sits inside
    assert len({line.get_marker() for line in lines}) == 3


def _phrase_shares(n_reports: int) -> pd.DataFrame:
    k = [n_reports, n_reports - 1, 1, n_reports]
    return pd.DataFrame({"year": [2022, 2022, 2023, 2023], "group": ["法律顾问", "八五"] * 2,
                         "value": [100 * x / n_reports for x in k], "n_mentioning": k, "n_reports": n_reports,
                         "measure": "提及该词的报告占比（%）"})


def test_plot_trend__a_share_of_few_reports_is_drawn_as_the_reports_it_counts():
    # one or two reports a year: 0 % / 100 % is no rate; the chart draws k (its notes say k/n)
    ax = plots.plot_trend(_phrase_shares(2), reports="max")
    assert [list(line.get_ydata()) for line in ax.get_lines()] == [[2.0, 1.0], [1.0, 2.0]]
    assert ax.get_ylabel() == "提及该词的报告数（份）"
    many = plots.plot_trend(_phrase_shares(8), reports="max")
    assert [list(line.get_ydata()) for line in many.get_lines()] == [[100.0, 12.5], [87.5, 100.0]]
    assert many.get_ylabel() == "提及该词的报告占比（%）"


def test_trend_finding__a_share_says_how_many_reports_it_is():
    from reportkit.findings import trend_finding

    few, many = trend_finding(_phrase_shares(2)).notes, trend_finding(_phrase_shares(8)).notes
    assert few[0] == "法律顾问：2022年 2/2 份，2023年 1/2 份"
    assert many[0] == "法律顾问：2022年 100%（8/8 份），2023年 12.5%（1/8 份）"


@pytest.fixture
def reuse():
    # From the table contracts: passage numbers are numbers (a fixture once held text there).
    return schema.frame("reuse", doc_a=[A], doc_b=[C], passage_no_a=[3], passage_no_b=[7], similarity=[0.9])


@pytest.fixture
def passages():
    return schema.frame("passages", doc_id=[A, A, C], passage_no=[2, 3, 7], start=[0, 100, 0], end=[90, 600, 1000])


def test_reuse_matrix_table__share_read_along_rows(documents, reuse, passages):
    t = plots.reuse_matrix_table(reuse, documents, passages).set_index(["doc_a", "doc_b"])
    assert t.loc[(A, C), "value"] == 500 / 2000
    assert t.loc[(C, A), "value"] == 1000 / 4000
    assert t.loc[(A, B), "value"] == 0
    assert np.isnan(t.loc[(A, A), "value"])


def test_reuse_matrix_table__shared_characters_are_the_copied_passages_of_a_real_build():
    # Regression: the matrix measured len() of the passage *number* (1 or 2 characters), not the passage.
    copied = "我镇坚持每季度召开一次党委理论学习中心组学法会议，邀请法律顾问讲解行政复议法和行政诉讼法的新规定。"
    docs = schema.frame("documents", doc_id=[A, B], town=["青松镇", "白云乡"], year=[2022, 2023],
                        text=["一、主要举措\n" + copied + "\n全年调解纠纷十二起。", "一、工作情况\n" + copied])
    docs["n_chars"] = docs["text"].str.len()
    found = reuse_module.reuse_tables(docs)
    assert len(found["reuse"]) == 1
    t = plots.reuse_matrix_table(found["reuse"], docs, found["passages"]).set_index(["doc_a", "doc_b"])
    assert t.loc[(A, B), "n_chars_shared"] == t.loc[(B, A), "n_chars_shared"] == len(copied)
    assert t.loc[(B, A), "value"] == len(copied) / len(docs.loc[1, "text"])


def test_originality_table__least_original_first(documents):
    orig = pd.DataFrame({"doc_id": [A, B, C], "originality": [0.9, 0.5, 1.0], "n_reports_shared": [1, 2, 0]})
    assert plots.originality_table(orig, documents)["label"].tolist() == ["白云乡 2023", "青松镇 2023", "青松镇 2024"]


# --------------------------------------------------------------------------- every chart renders


def _charts(documents, indicators, reuse, passages):
    from reportkit.shortcomings import theme_summary

    comp = pd.DataFrame({"doc_id": [A, B], "measures": [True, True], "shortcomings": [True, False],
                         "leadership": [False, False], "plans": [True, False], "other": [False, False]})
    terms = pd.DataFrame({"doc_id": [A, A, B], "term": ["调解", "普法", "网格化管理"], "n": [3, 2, 1]})
    sc = pd.DataFrame({"doc_id": [A, B], "theme": [1, 2], "theme_label": ["法治宣传不够深入", "执法人员不足"]})
    orig = pd.DataFrame({"doc_id": [A, B], "originality": [0.8, 1.0], "n_reports_shared": [1, 0]})
    bars = pd.DataFrame({"town": ["青松镇", "白云乡"], "n": [40, 30], "q": ["余", "近"]})
    return {
        "heatmap": lambda: plots.plot_indicator_heatmap(plots.indicator_heatmap_table(indicators, documents)),
        "bars": lambda: plots.plot_grouped_bars(bars, x="town", y="n", qualifier="q"),
        "completeness": lambda: plots.plot_completeness(plots.completeness_table(comp, documents)),
        "terms": lambda: plots.plot_terms(plots.terms_table(terms)),
        "terms_grouped": lambda: plots.plot_terms(plots.terms_table(terms.merge(documents), group="town"))[0],
        "themes": lambda: plots.plot_theme_frequency(theme_summary(sc, documents)),
        "trend": lambda: plots.plot_trend(plots.trend_table(indicators, documents, agg="count", group="town")),
        "reuse": lambda: plots.plot_reuse_matrix(plots.reuse_matrix_table(reuse, documents, passages)),
        "originality": lambda: plots.plot_originality(plots.originality_table(orig, documents)),
    }


@pytest.mark.parametrize("chart", ["heatmap", "bars", "completeness", "terms", "terms_grouped", "themes",
                                   "trend", "reuse", "originality"])
@pytest.mark.filterwarnings("ignore::reportkit.findings.SmallNumbersWarning")
def test_plot__chart_has_chinese_text_and_no_missing_glyphs(chart, documents, indicators, reuse, passages):
    ax = _charts(documents, indicators, reuse, passages)[chart]()
    assert isinstance(ax, matplotlib.axes.Axes)
    texts = [t.get_text() for t in ax.figure.findobj(matplotlib.text.Text)]
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts)
    assert _glyph_warnings(ax.figure) == []


def test_plot__draws_on_given_axes(documents, indicators):
    fig, (left, right) = plt.subplots(1, 2)
    ax = plots.plot_indicator_heatmap(plots.indicator_heatmap_table(indicators, documents), ax=right)
    assert ax is right
    assert not left.has_data()


def test_plot_grouped_bars__percent_axis_runs_to_100():
    data = pd.DataFrame({"label": ["青松镇 2023→2024"], "share": [67.0]})
    ax = plots.plot_grouped_bars(plots.grouped_bars_table(data, x="label", y="share"), x="label", y="share",
                                 percent=True)
    assert list(ax.get_yticks()) == [0, 25, 50, 75, 100] and ax.get_ylim()[1] > 100
    assert [t.get_text() for t in ax.texts] == ["67%"]


def test_plot_grouped_bars__one_bar_keeps_a_normal_width():
    data = pd.DataFrame({"label": ["青松镇"], "n": [3]})
    ax = plots.plot_grouped_bars(plots.grouped_bars_table(data, x="label", y="n"), x="label", y="n")
    bar = ax.patches[0]
    assert bar.get_width() / (ax.get_xlim()[1] - ax.get_xlim()[0]) < 0.3


def test_reuse_matrix_table__a_report_copying_most_of_another_shows_that_share(tmp_path):
    # Issue: a report that copied 88 % of another town's report showed "1%". Built for real: a seed
    # report, and a copy under another town's name with its last paragraphs left out.
    import reportkit as rk

    raw = tmp_path / "raw"
    raw.mkdir()
    from .conftest import RAW

    original = (RAW / "002_65f6f072feb0dbc0.txt").read_text(encoding="utf-8")
    paragraphs = original.split("\n")
    kept = paragraphs[: int(len(paragraphs) * 0.88)]
    copy = "\n".join(kept).replace("治平乡", "青松乡").replace("城口县", "巫溪县")
    (raw / "original.txt").write_text(original, encoding="utf-8")
    (raw / "copy.txt").write_text(copy, encoding="utf-8")
    tables = rk.build(raw, manifest=None, out=None, cache_dir=None, jobs=1)
    docs = tables["documents"]
    ids = dict(zip(docs["file"], docs["doc_id"]))
    matrix = plots.reuse_matrix_table(tables["reuse"], docs, tables["passages"]).set_index(["doc_a", "doc_b"])
    share = matrix.loc[(ids["copy.txt"], ids["original.txt"]), "value"]
    assert share >= 0.7  # most of the copy is the original's text (headings and short lines are not compared)
    assert matrix.loc[(ids["original.txt"], ids["copy.txt"]), "value"] >= 0.6


def test_charts_of_an_empty_selection_say_so_instead_of_failing():
    # an API review: a selection without reports (LEVEL="county" in a build of townships) stopped the heatmap
    # inside seaborn, the reuse matrix inside pandas (an empty text column cannot divide) and the bars at 0.8 / 0
    documents = schema.empty("documents")
    reuse = schema.empty("reuse")
    passages = schema.empty("passages")
    matrix = plots.reuse_matrix_table(reuse, documents, passages)
    assert matrix.empty and list(matrix.columns)[:2] == ["label_a", "label_b"]
    heat = plots.indicator_heatmap_table(schema.empty("indicators").assign(category_label=pd.Series(dtype=str)),
                                         documents)
    bars = plots.grouped_bars_table(pd.DataFrame({"label": [], "part_label": [], "n": []}), x="label", y="n",
                                    hue="part_label")
    for ax in (plots.plot_reuse_matrix(matrix), plots.plot_indicator_heatmap(heat),
               plots.plot_grouped_bars(bars, x="label", y="n", hue="part_label")):
        said = [t.get_text() for t in ax.texts]
        assert len(said) == 1 and said[0].startswith("所选") and not ax.get_xticks().size
