"""Tests for reportkit.across_years on a two-year corpus written here and built by the real pipeline."""
from __future__ import annotations

import pandas as pd
import pytest

import reportkit as rk
from reportkit import across_years

REPORT_2023 = """青松镇2023年法治政府建设年度报告
2023年，青松镇在县委、县政府的正确领导下，深入学习贯彻习近平法治思想，现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。镇党委书记切实履行推进法治建设第一责任人职责，全年召开专题会议6次。
（二）深化普法宣传。开展普法宣传活动25场次，发放宣传资料3000余份。
二、存在的不足和原因
一是执法力量薄弱，执法人员身兼数职，专业执法人员不足。二是普法形式单一，群众参与度不高。
三、2024年工作安排
（一）加强执法队伍建设。通过招录和培训充实执法队伍。
（二）创新普法宣传形式。探索新媒体普法。
（三）建设智慧法治服务平台。实现法律服务线上办理。
"""
REPORT_2024 = """青松镇2024年法治政府建设年度报告
2024年，青松镇在县委、县政府的正确领导下，深入学习贯彻习近平法治思想，现将有关情况报告如下：
一、主要举措和成效
（一）执法队伍建设。新招录执法人员5名，组织执法队伍建设专题培训3次。
（二）普法宣传。创新普法宣传形式，开展直播普法3场，覆盖群众1.2万人次。
二、存在的不足和原因
一是执法力量依然薄弱，执法人员不足，难以满足执法需要。二是干部法治意识有待提高，学法培训不够系统。
三、2025年工作安排
（一）继续充实执法力量。（二）加强干部学法培训。
"""
# Same town name, another county, one year later: a different town, never joined to 青松镇 of 高青县.
OTHER_COUNTY_2024 = REPORT_2024.replace("执法力量依然薄弱", "矛盾纠纷化解机制不健全")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    from reportkit import build

    tmp = tmp_path_factory.mktemp("two_years")
    raw = tmp / "raw"
    raw.mkdir()
    files = {"qs2023.txt": REPORT_2023, "qs2024.txt": REPORT_2024, "qs_other_2024.txt": OTHER_COUNTY_2024}
    for name, text in files.items():
        (raw / name).write_text(text, encoding="utf-8")
    pd.DataFrame({
        "file": list(files), "town": ["青松镇"] * 3, "town_type": ["镇"] * 3,
        "county": ["高青县", "高青县", "桓台县"], "city": ["淄博市"] * 3, "province": ["山东省"] * 3,
        "year": [2023, 2024, 2024],
    }).to_csv(tmp / "manifest.csv", index=False)
    return build(raw, manifest=tmp / "manifest.csv", out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)


def test_town_keys__town_and_county_tell_same_named_towns_apart(two_years):
    keys = across_years.town_keys(two_years["documents"])
    assert sorted(keys["town_key"].unique()) == ["青松镇｜桓台县", "青松镇｜高青县"]


def test_town_keys__town_code_wins_when_present():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "town": ["青松镇", "青松镇"], "county": ["高青县", ""],
                         "year": [2023, 2024], "town_code": ["370322101", "370322101"]})
    assert across_years.town_keys(docs)["town_key"].nunique() == 1  # the county was not read from one report


def test_recurring_themes__a_theme_named_both_years_recurs(two_years):
    table = rk.recurring_themes(two_years["shortcomings"], two_years["documents"]).set_index("theme")
    assert table.loc["capacity", ["years", "n_years", "recurring", "consecutive"]].tolist() == [
        "2023、2024", 2, True, True]
    assert not table.loc["publicity", "recurring"] and table.loc["publicity", "years"] == "2023"
    assert set(table["county"]) == {"高青县"}  # the one-year town of another county is not compared


def test_recurring_theme_counts__towns_per_recurring_theme(two_years):
    recurring = rk.recurring_themes(two_years["shortcomings"], two_years["documents"])
    counts = across_years.recurring_theme_counts(recurring)
    assert counts[["theme_label", "n_towns", "n_towns_compared"]].values.tolist() == [
        ["执法与法治工作力量、人才薄弱", 1, 1]]


def test_carried_plans__last_years_plans_found_in_this_years_measures(two_years):
    carried = rk.carried_plans(two_years["sections"], two_years["documents"])
    assert carried[["plan_year", "plan_item", "measure_year", "carried"]].values.tolist() == [
        [2023, "加强执法队伍建设", 2024, True],
        [2023, "创新普法宣传形式", 2024, True],
        [2023, "建设智慧法治服务平台", 2024, False],
    ]
    assert "直播普法" in carried.loc[1, "measure_text"]


def test_carried_plans__a_plan_read_clause_by_clause_and_a_short_one_only_when_all_of_it_recurs():
    from reportkit.sections import split_sections

    plans = ("白沙镇2023年法治政府建设年度报告\n一、主要举措和成效\n开展普法活动12场。\n三、2024年工作打算\n"
             "（一）加强执法队伍建设。通过招录充实执法人员，组织执法人员参加业务培训。\n"
             "（二）做实矛盾纠纷化解。推广物业纠纷调解工作室经验。\n")
    measures = ("白沙镇2024年法治政府建设年度报告\n一、主要举措和成效\n"
                "综合执法队开展执法检查300余次。在各社区设立物业纠纷调解工作室，调处纠纷88件。\n")
    sections = pd.concat([split_sections(plans).assign(doc_id="a"), split_sections(measures).assign(doc_id="b")])
    docs = pd.DataFrame({"doc_id": ["a", "b"], "town": ["白沙镇"] * 2, "county": ["甲县"] * 2, "year": [2023, 2024]})
    carried = rk.carried_plans(sections, docs)
    # inspections by the 执法队 are not the team's building (two of 执法队伍's three pairs); the
    # explanation's 物业纠纷调解工作室 is found whole though the headline's words are not
    assert carried[["plan_item", "carried"]].values.tolist() == [["加强执法队伍建设", False], ["做实矛盾纠纷化解", True]]
    assert "物业纠纷调解工作室" in carried.loc[1, "measure_text"]


def test_carried_plans_summary__share_per_town_and_year(two_years):
    summary = across_years.carried_plans_summary(rk.carried_plans(two_years["sections"], two_years["documents"]))
    assert summary[["label", "n_plans", "n_carried"]].values.tolist() == [["青松镇 2023→2024", 3, 2]]


def test_findings__say_what_recurs_and_what_was_carried(two_years):
    recurring = rk.recurring_themes(two_years["shortcomings"], two_years["documents"])
    found = across_years.recurring_themes_finding(across_years.recurring_theme_counts(recurring), recurring)
    assert found.title == "「执法与法治工作力量、人才薄弱」在 1/1 个乡镇的报告中反复被列为不足"
    carried = rk.carried_plans(two_years["sections"], two_years["documents"])
    found = across_years.carried_plans_finding(across_years.carried_plans_summary(carried), carried)
    assert found.title == "上一年的 3 条计划中，2 条在下一年的主要举措中重现"
    assert "未见：青松镇 2023「建设智慧法治服务平台」" in found.notes


def test_one_year_per_town__empty_tables_not_errors():
    docs = pd.DataFrame({"doc_id": ["a"], "town": ["青松镇"], "county": ["高青县"], "year": [2023]})
    sections = pd.DataFrame(columns=["doc_id", "section_no", "level", "heading", "section_type", "parent_section_no",
                                     "text", "start", "end"])
    shortcomings = pd.DataFrame({"doc_id": ["a"], "theme": ["capacity"], "theme_label": ["力量"], "text": ["x"]})
    recurring = rk.recurring_themes(shortcomings, docs)
    assert recurring.empty and across_years.recurring_theme_counts(recurring).empty
    assert rk.carried_plans(sections, docs).empty
