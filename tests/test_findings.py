"""Tests for reportkit.findings: the small-numbers caveat and each chart's finding in words."""
import warnings

import pandas as pd
import pytest

import reportkit as rk
from reportkit import findings


def _docs(years, towns=None):
    n = len(years)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "town": towns or [f"镇{i}" for i in range(n)],
                         "year": years})


# --------------------------------------------------------------------------- caveats


def test_caveats__reachable_from_the_top_level_api_on_every_call():
    docs = _docs([2021, 2022, 2022])
    first, second = rk.caveats(docs, min_reports=3), rk.caveats(docs, min_reports=3)  # a cell run twice
    assert first == second and "2021年只有 1 份报告" in first


def test_caveats__empty_when_every_year_has_enough_reports_of_the_same_towns():
    assert rk.caveats(_docs([2021, 2021, 2022, 2022], towns=["甲镇", "乙镇", "甲镇", "乙镇"]), min_reports=2) == ""


def test_caveats__years_of_mostly_other_towns_are_no_trend_however_many_reports():
    # four reports a year, but only one town of seven has two years: the years compare towns
    docs = _docs([2021] * 4 + [2022] * 4, towns=["甲镇", "乙镇", "丙镇", "丁镇", "甲镇", "戊镇", "己镇", "庚镇"])
    text = rk.caveats(docs, min_reports=2)
    assert "7 个乡镇中只有 1 个有两个及以上年份的报告" in text and "不能当作趋势来读" in text
    with pytest.warns(rk.SmallNumbersWarning):  # and the trend tables warn
        findings.warn_small_groups(docs, by="year", min_reports=2)
    # a town renamed (one code) is one town followed over two years
    renamed = _docs([2021, 2022], towns=["英买里乡", "英买里镇"]).assign(town_code=["653129106"] * 2)
    assert rk.caveats(renamed, min_reports=1) == ""


def test_caveats__names_only_the_small_years():
    text = rk.caveats(_docs([2021, 2022, 2022, 2022]), min_reports=3)
    assert "2021年只有 1 份报告" in text and "2022年" not in text


def test_caveats__counts_come_from_the_data():
    assert "都只有 7 份报告" in rk.caveats(_docs([2020] * 7), min_reports=8)


def test_caveats__default_is_a_handful():
    assert rk.caveats(_docs([2020] * findings.HANDFUL)) == ""
    assert "少于 5 份" in rk.caveats(_docs([2020] * (findings.HANDFUL - 1)))


def test_warn_small_groups__warns_with_the_caveat():
    with pytest.warns(rk.SmallNumbersWarning, match="2021年只有 1 份报告"):
        findings.warn_small_groups(_docs([2021] + [2022] * 5))


def test_warn_small_groups__silent_when_enough():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert findings.warn_small_groups(_docs([2021] * 5)) == ""


# --------------------------------------------------------------------------- findings


def test_theme_frequency_finding__states_the_shared_theme_with_its_count():
    summary = pd.DataFrame({"theme": ["capacity", "publicity", "other"], "theme_label": ["执法力量薄弱", "普法形式单一", "其他"],
                            "n_reports": [5, 3, 5], "n_items": [7, 3, 6], "n_reports_total": [5, 5, 5],
                            "towns": ["甲、乙", "甲", "乙"]})
    found = findings.theme_frequency_finding(summary)
    assert found.title == "5 份报告均提到「执法力量薄弱」方面的不足"  # "other" never makes the headline
    assert "执法力量薄弱：5/5 份报告，7 条（甲、乙）" in found.notes
    assert "不能推及其他乡镇" in found.caveat


def test_theme_frequency_finding__k_of_n_when_not_all():
    summary = pd.DataFrame({"theme": ["a"], "theme_label": ["普法形式单一"], "n_reports": [3], "n_items": [3],
                            "n_reports_total": [5]})
    assert findings.theme_frequency_finding(summary).title == "3/5 份报告提到「普法形式单一」方面的不足"


def test_completeness_finding__part_missing_everywhere_and_the_next():
    rows = [{"doc_id": d, "label": d, "part": p, "part_label": label, "present": present}
            for d, have in (("a", {"measures", "plans"}), ("b", {"measures", "plans", "leadership"}))
            for p, label in (("measures", "主要举措和成效"), ("leadership", "第一责任人履职"), ("plans", "下一年度安排"),
                             ("other", "其他情况"))
            for present in [p in have]]
    found = findings.completeness_finding(pd.DataFrame(rows))
    assert found.title == "2 份报告均未单列「其他情况」；1/2 份未单列「第一责任人履职」"
    assert "a 未单列：第一责任人履职、其他情况" in found.notes


def test_bars_finding__largest_and_smallest_with_unit():
    data = pd.DataFrame({"label": ["乙 2023", "甲 2023", "丙 2024"], "n": [3, 12, 5]})
    found = findings.bars_finding(data, x="label", y="n", what="问题条数", unit=" 条")
    assert found.title == "问题条数：甲 2023 最多（12 条），乙 2023 最少（3 条）"
    assert found.notes == ["甲 2023：12 条", "丙 2024：5 条", "乙 2023：3 条"]


def test_bars_finding__refuses_a_chart_folded_to_its_top_n():
    # the smallest of the 20 bars drawn is not the smallest of 300 reports
    bars = pd.DataFrame({"label": ["甲 2023", "乙 2023", "其他（280 个，中位数）"], "n": [12, 3, 1]})
    with pytest.raises(ValueError, match="before folding"):
        findings.bars_finding(bars, x="label", y="n", what="问题条数")


def test_indicator_heatmap_finding__counts_every_report_not_the_rows_drawn():
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)]})
    ind = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)] + ["d0", "d1"],
                        "category": ["矛盾纠纷调解"] * 30 + ["未分类", "法律咨询"]})
    found = findings.indicator_heatmap_finding(ind, docs)
    assert found.title == "30/40 份报告给出「矛盾纠纷调解」类数字，共 30 个"
    assert "另有 1 个数字未分类" in found.caveat


def test_trend_finding__never_calls_one_report_a_year_a_trend():
    table = pd.DataFrame({"year": [2021, 2022], "group": ["法律顾问"] * 2, "value": [0.0, 100.0],
                          "n_reports": [1, 1]})
    found = findings.trend_finding(table, what="提及比例")
    assert "不是趋势" in found.title and "每年仅 1 份报告" in found.title
    assert "法律顾问：2021年 0，2022年 100" in found.notes


def test_phrase_finding__most_and_fewest_reports():
    table = pd.DataFrame({"year": [2021, 2021, 2022, 2022], "group": ["法律顾问", "行政复议"] * 2,
                          "value": [100.0, 0.0, 100.0, 50.0], "n_mentioning": [1, 0, 2, 1], "n_reports": [1, 1, 2, 2]})
    assert findings.phrase_finding(table).title.startswith("「法律顾问」见于全部 3 份报告，「行政复议」1 份")


def test_originality_finding__little_shared_text_is_not_called_only_99_percent():
    table = pd.DataFrame({"label": ["甲", "乙"], "originality": [0.99, 1.0], "n_reports_shared": [1, 0]})
    assert findings.originality_finding(table).title.startswith("各报告基本是自己写的：原创文字均在 99% 以上")


def test_methods_lines__from_the_data():
    docs = _docs([2021, 2022, 2022])
    log = pd.DataFrame({"file": ["a", "b"], "status": ["ok", "error"], "message": ["", "坏文件"]})
    text = "\n".join(findings.methods_lines(docs, build_log=log))
    assert "3 份乡镇法治政府建设年度报告，3 个乡镇" in text
    assert "2021年 1 份、2022年 2 份" in text and "1 个文件无法读取" in text
    assert "is_partial" not in text  # no such column yet: nothing said about partial texts


def test_reuse_matrix_finding__names_the_pair_that_shares_most():
    table = pd.DataFrame({"label_a": ["甲镇 2023", "甲镇 2023", "乙乡 2023", "乙乡 2023"],
                          "label_b": ["甲镇 2023", "乙乡 2023", "甲镇 2023", "乙乡 2023"],
                          "value": [float("nan"), 0.88, 0.40, float("nan")],
                          "n_chars_shared": [0, 2200, 2200, 0]})
    found = findings.reuse_matrix_finding(table)
    assert found.title == "甲镇 2023 有 88% 的文字见于 乙乡 2023"
    assert found.notes[0] == "甲镇 2023 的文字有 88%（2200 字）见于 乙乡 2023"
    little = table.assign(value=[float("nan"), 0.01, 0.004, float("nan")])
    assert findings.reuse_matrix_finding(little).title.startswith("报告之间重复的文字很少：最多 1%")


def test_bars_finding__values_said_with_their_own_qualifier_and_unit():
    # the chart keeps 余 and 共; the finding (a slide title when chosen) says them too, with each value's own unit
    values = pd.DataFrame({"label": ["青城镇 2022", "松源镇 2021", "治平乡 2023"], "value": [100.0, 17.0, 10.0],
                           "qualifier": ["余", "共", "余"], "unit": ["次", "场", "次"]})
    found = findings.bars_finding(values, x="label", y="value", what="最大的数字", qualifier="qualifier",
                                  unit_column="unit")
    assert found.title == "最大的数字：青城镇 2022 最多（100余次），治平乡 2023 最少（10余次）"
    assert found.notes[1] == "松源镇 2021：共17场"
