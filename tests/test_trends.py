"""Tests for reportkit.trends: year-by-year tables in one shape, each warning about small years."""
import warnings

import pandas as pd
import pytest

from reportkit import trends
from reportkit.findings import SmallNumbersWarning
from reportkit.plots import PART_LABELS

DOCS = pd.DataFrame({"doc_id": list("abcd"), "town": ["甲镇", "乙镇", "丙镇", "丁镇"], "year": [2023, 2023, 2024, None],
                     "text": ["聘请法律顾问", "法律明白人", "法律顾问、法律明白人", "法律顾问"]})


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallNumbersWarning)
        return func(*args, **kwargs)


def test_phrase_trend_table__share_of_dated_reports_mentioning():
    table = _quiet(trends.phrase_trend_table, DOCS, ["法律顾问", "法律明白人"])
    got = table.set_index(["year", "group"])
    assert got.loc[(2023, "法律顾问"), ["value", "n_mentioning", "n_reports"]].tolist() == [50.0, 1, 2]
    assert got.loc[(2024, "法律明白人"), "value"] == 100.0
    assert list(table.columns[:5]) == trends.COLUMNS and set(table["measure"]) == {"提及该词的报告占比（%）"}


def test_parts_trend_table__share_of_reports_with_each_part():
    comp = pd.DataFrame({"doc_id": list("abc"), "measures": [True, True, True], "shortcomings": [True, False, True],
                         "leadership": [False] * 3, "plans": [True] * 3, "other": [False] * 3})
    table = _quiet(trends.parts_trend_table, comp, DOCS).set_index(["year", "group"])
    assert table.loc[(2023, "不足和原因"), ["value", "n_present", "n_reports"]].tolist() == [50.0, 1, 2]


def test_category_trend_table__median_counts_reports_without_any():
    ind = pd.DataFrame({"doc_id": ["a", "a", "a", "c"], "category": ["普法宣传活动"] * 3 + ["未分类"]})
    table = _quiet(trends.category_trend_table, ind, DOCS).set_index(["year", "group"])
    assert table.loc[(2023, "普法宣传活动"), ["value", "n_indicators"]].tolist() == [1.5, 3]  # median of 3 and 0
    assert "未分类" not in table.index.get_level_values("group")


@pytest.mark.parametrize("make", [
    lambda: trends.phrase_trend_table(DOCS, ["法律顾问"]),
    lambda: trends.density_trend_table(pd.DataFrame({"doc_id": list("abc"), "section_type": ["all"] * 3,
                                                     "indicators_per_1k_chars": [1.0, 2.0, 3.0]}), DOCS),
], ids=["phrases", "density"])
def test_trend_tables__warn_when_a_year_has_few_reports(make):
    with pytest.warns(SmallNumbersWarning, match="2024年只有 1 份报告"):
        make()


def test_trend_tables__min_reports_is_adjustable():
    same_towns = DOCS.assign(town=["甲镇", "乙镇", "甲镇", "丁镇"])  # 甲镇 in both years: no other-towns caveat
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trends.phrase_trend_table(same_towns, ["法律顾问"], min_reports=1)


def test_trend_tables__warn_when_the_years_hold_mostly_other_towns():
    with pytest.warns(SmallNumbersWarning, match="各年份的报告大多来自不同乡镇"):
        trends.phrase_trend_table(DOCS, ["法律顾问"], min_reports=1)


def test_trend_tables__groups_in_their_own_order_not_the_alphabet():
    # the chart's legend and colours follow the table: phrases as asked, parts in the order of every chart,
    # categories the most frequent first
    phrases = _quiet(trends.phrase_trend_table, DOCS, ["法律明白人", "法律顾问"])
    assert list(dict.fromkeys(phrases["group"])) == ["法律明白人", "法律顾问"]
    comp = pd.DataFrame({"doc_id": list("abc"), "measures": [True] * 3, "shortcomings": [True] * 3,
                         "leadership": [True] * 3, "plans": [True] * 3, "other": [False] * 3})
    parts = _quiet(trends.parts_trend_table, comp, DOCS)
    assert list(dict.fromkeys(parts["group"])) == list(PART_LABELS.values())
    ind = pd.DataFrame({"doc_id": ["a", "b", "c", "a"], "category": ["矛盾纠纷调解"] * 3 + ["阵地与平台"]})
    categories = _quiet(trends.category_trend_table, ind, DOCS)
    assert list(dict.fromkeys(categories["group"])) == ["矛盾纠纷调解", "阵地与平台"]
