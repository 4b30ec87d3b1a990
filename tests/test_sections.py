"""Tests for reportkit.sections: headings, types, completeness (shortcoming items: test_shortcomings.py)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from reportkit.normalize import normalize_text
from reportkit.partial import partial_reasons
from reportkit.shortcomings import shortcoming_items
from reportkit.sections import (
    MAX_RUN_IN_CHARS,
    SECTION_COLUMNS,
    classify_heading,
    completeness,
    found_headings,
    has_headings,
    split_sections,
    unmapped_heading_list,
    unmapped_headings,
)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"


def rows(sections: pd.DataFrame) -> list[tuple]:
    """(section_no, level, section_type) of each row, the shape most tests look at."""
    return list(zip(sections["section_no"], sections["level"], sections["section_type"]))


def headings(sections: pd.DataFrame) -> list[str]:
    return [h for h in sections["heading"] if h]


# --------------------------------------------------------------------------- classify_heading

@pytest.mark.parametrize("heading, expected", [
    ("一、主要举措和成效", "measures"),
    ("一、2023年工作开展情况", "measures"),
    ("一、基本情况", "measures"),
    ("二、存在的问题", "shortcomings"),
    ("三、存在的短板", "shortcomings"),
    ("二、上一年度推进法治政府建设存在的不足和原因", "shortcomings"),
    ("三、与先进地区的差距", "shortcomings"),
    ("四、2024年度主要工作安排", "plans"),
    ("三、2025年推进法治政府建设的主要安排", "plans"),
    ("三、2024年主要思路和工作打算", "plans"),
    ("四、下一步工作计划", "plans"),
    ("一、2022 年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设情况", "leadership"),
    ("（二）党政主要负责人履职尽责情况", "leadership"),
    ("五、其他需要报告的事项", "other"),
    ("六、其他需要说明的问题", "other"),
    ("一、强化组织领导", "other"),
    # Wordings written for the tests, beyond the seeds and the real openings (whose later parts are cut).
    ("一、工作完成情况", "measures"),
    ("二、特色亮点", "measures"),
    ("二、面临的困难", "shortcomings"),
    ("三、2025年重点任务", "plans"),
    ("四、下步工作谋划", "plans"),
    ("三、整改措施", "plans"),
    ("二、存在问题及整改措施", "shortcomings"),
    ("一、坚持高位谋划", "other"),
    ("一、面临新形势新任务,全面推进依法行政", "other"),
    # Key work done is measures, key work ahead plans (a banner's report to its 人大常委会, 2024).
    ("一、重点工作开展情况", "measures"),
    ("一、2024年重点工作完成情况", "measures"),
    ("二、重点工作落实情况及成效", "measures"),
    ("四、下一步重点工作", "plans"),
    ("三、明年重点工作计划", "plans"),
])
def test_classify_heading__wording(heading, expected):
    assert classify_heading(heading) == expected


def test_classify_heading__year_does_not_make_plans():
    assert classify_heading("一、2021年度推进法治政府建设的主要举措") == "measures"


# --------------------------------------------------------------------------- split_sections: basics

def test_split_sections__columns_and_offsets():
    text = "某镇2023年法治政府建设报告\n前言。\n一、主要举措和成效\n（一）学法\n内容。\n二、存在的问题\n一是人少。"
    s = split_sections(text, doc_id="d1")
    assert list(s.columns) == SECTION_COLUMNS
    assert all(text[a:b] == t for a, b, t in zip(s["start"], s["end"], s["text"]))
    assert set(s["doc_id"]) == {"d1"}


def test_split_sections__preamble_row():
    s = split_sections("关于2023年法治政府建设情况的报告\n一年来，我镇……\n一、主要举措和成效\n内容。")
    assert rows(s)[0] == ("0", 0, "preamble")
    assert s.iloc[0]["text"].endswith("一年来，我镇……")


def test_split_sections__parent_text_spans_children():
    text = "一、主要举措和成效\n（一）学法\n甲。\n（二）用法\n乙。\n二、存在的不足\n丙。"
    s = split_sections(text).set_index("section_no")
    assert s.loc["1", "text"] == "一、主要举措和成效\n（一）学法\n甲。\n（二）用法\n乙。"
    assert s.loc["1.2", "parent_section_no"] == "1"
    assert pd.isna(s.loc["1", "parent_section_no"])


def test_split_sections__same_line_heading_is_clause_only():
    text = ("一、2023年工作开展情况\n（一）加强组织领导，明确责任落实\n内容。\n"
            "（二）加强能力培训，提升法治素质。一是深入学习习近平法治思想。二是组织培训。\n二、存在的问题\n甲。")
    s = split_sections(text).set_index("section_no")
    assert s.loc["1.2", "heading"] == "（二）加强能力培训，提升法治素质"
    assert s.loc["1.2", "text"].endswith("二是组织培训。")


def test_split_sections__space_after_marker_and_half_width_brackets():
    text = "一、主要举措\n(1) 持续深入学习\n甲。\n(2)  加强规范性文件管理\n乙。"
    s = split_sections(text)
    assert headings(s) == ["一、主要举措", "(1) 持续深入学习", "(2)  加强规范性文件管理"]
    assert list(s["level"]) == [1, 2, 2]


def test_split_sections__marker_alone_on_its_line():
    s = split_sections("一、\n主要举措和成效\n内容。\n二、\n存在的问题\n内容。")
    assert headings(s) == ["一、主要举措和成效", "二、存在的问题"]
    assert list(s["section_type"]) == ["measures", "shortcomings"]


def test_split_sections__a_heading_wrapped_right_after_its_year():
    # an adversarial review: 一、2022 / 年度党政主要负责人… (a PDF's wrap) lost every part heading, and the report
    # passed as cut off; a part numbered with a year alone and no 年 after it is no heading
    text = ("一、2023\n年度推进法治政府建设的主要举措和成效\n开展普法宣传12场。\n二、存在的不足\n力量不足。\n"
            "三、2024\n年工作安排\n加强学习。")
    s = split_sections(text)
    assert headings(s) == ["一、2023年度推进法治政府建设的主要举措和成效", "二、存在的不足", "三、2024年工作安排"]
    assert list(s["section_type"]) == ["measures", "shortcomings", "plans"]
    assert not any(h.startswith("一、2021全年") for h in headings(split_sections("一、2021\n全年开展普法宣传12场。")))


def test_split_sections__a_heading_broken_by_a_page_break():
    # round 86: a red-header document copied out of its PDF kept the page's number and the running head
    # between a part heading's two halves (四、2024年法治政府 / -3- / …的报告 / 建设工作打算); the heading lost its end
    text = ("一、主要举措和成效\n开展普法宣传12场。\n二、党政主要负责人履行推进法治建设\n第 2 页 共 4 页\n"
            "城关镇人民政府文件\n第一责任人职责情况\n主持专题会议4次。\n三、存在的\n— 3 —\n问题和不足\n"
            "力量不足。\n第3页 共4页\n城关镇人民政府文件\n四、下一步工作计划\n加强学习。")
    s = split_sections(text)
    assert headings(s) == ["一、主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况",
                           "三、存在的问题和不足", "四、下一步工作计划"]
    assert list(s["section_type"]) == ["measures", "leadership", "shortcomings", "plans"]
    # a whole heading before the break keeps its words: the next page opens a sentence, a sub-heading or a signature
    for after in ("部分干部法治意识不强，依法办事能力不足。", "（一）执法力量不足", "城关镇人民政府", "2024年1月8日"):
        s = split_sections(f"一、主要举措和成效\n开展普法宣传12场。\n二、存在的问题\n- 2 -\n{after}\n内容。")
        assert headings(s)[1] == "二、存在的问题"


# --------------------------------------------------------------------------- irregular numbering

def test_split_sections__skipped_number_is_kept():
    text = "一、主要举措\n（一）甲项\n内容。\n（二）乙项\n内容。\n（四）丁项\n内容。\n二、存在的不足\n内容。"
    s = split_sections(text)
    assert headings(s) == ["一、主要举措", "（一）甲项", "（二）乙项", "（四）丁项", "二、存在的不足"]


def test_split_sections__repeated_number_is_kept():
    text = "一、主要举措\n(一)甲项\n(二)乙项\n(二)丙项\n(三)丁项\n二、存在的不足\n内容。"
    s = split_sections(text)
    assert list(s["section_no"]) == ["1", "1.1", "1.2", "1.3", "1.4", "2"]


def test_split_sections__arabic_to_chinese_switch_stays_same_level():
    subs = "".join(f"（{i}）第{i}项工作\n内容。\n" for i in range(1, 10))
    text = "一、主要举措\n" + subs + "（十）第十项工作\n内容。\n（十一）第十一项工作\n内容。\n二、存在的不足\n内容。"
    s = split_sections(text)
    tail = s[s["heading"].str.startswith(("（9）", "（十）", "（十一）"))]
    assert list(tail["level"]) == [2, 2, 2]
    assert list(tail["parent_section_no"]) == ["1", "1", "1"]
    assert list(tail["section_no"]) == ["1.9", "1.10", "1.11"]


def test_split_sections__chinese_paren_after_switch_starts_new_list():
    subs = "".join(f"（{i}）第{i}项\n" for i in range(1, 10))
    text = "一、主要举措\n" + subs + "（十）第十项\n二、下一步工作安排\n（一）甲\n（二）乙"
    s = split_sections(text)
    assert s[s["heading"] == "（一）甲"]["section_no"].tolist() == ["2.1"]


# --------------------------------------------------------------------------- false headings

def test_split_sections__year_at_line_start_is_not_a_heading():
    text = "一、主要举措\n2021年，我镇持续开展学习活动。\n2. 加强培训\n二、存在的不足\n内容。"
    s = split_sections(text)
    assert headings(s) == ["一、主要举措", "二、存在的不足"]


def test_split_sections__yishi_items_are_never_headings():
    text = "一、主要举措\n一是健全工作体系。\n二是规范执法。\n二、存在的不足\n一是人少。"
    assert headings(split_sections(text)) == ["一、主要举措", "二、存在的不足"]


def test_split_sections__numbered_line_out_of_sequence_is_not_a_heading():
    text = "一、主要举措\n内容。\n2、3月份开展普法宣传月活动。\n二、存在的不足\n内容。"
    assert headings(split_sections(text)) == ["一、主要举措", "二、存在的不足"]


def test_split_sections__number_run_is_not_a_heading():
    text = "一、主要举措\n三、四月份开展普法宣传月活动。\n二、存在的不足\n内容。"
    assert headings(split_sections(text)) == ["一、主要举措", "二、存在的不足"]


def test_split_sections__run_in_heading_without_full_stop_is_found():
    # 1.加强组织领导成立了… : heading and body on one line with no full stop between them; a clause
    # too long for a heading is cut at its first comma (or after MAX_RUN_IN_CHARS characters)
    text = ("一、主要举措\n1.加强组织领导成立了以党委书记为组长的法治建设领导小组，定期研究法治工作。\n"
            "2.深化普法宣传" + "组织开展法治宣传进村入户活动" * 6 + "。\n二、存在的不足\n内容。")
    found = split_sections(text)
    assert headings(found) == ["一、主要举措", "1.加强组织领导成立了以党委书记为组长的法治建设领导小组，定期研究法治工作",
                               "2." + ("深化普法宣传" + "组织开展法治宣传进村入户活动" * 6)[:MAX_RUN_IN_CHARS], "二、存在的不足"]
    assert found["level"].tolist() == [1, 2, 2, 1]


def test_split_sections__numbering_resumes_after_an_elision_marker():
    text = ("2023年法治政府建设工作报告\n今年以来，我镇……（开头部分已省略650字）\n"
            "（三）深化普法宣传。开展活动12场。\n（四）化解矛盾纠纷。\n二、存在的不足\n一是力量薄弱。\n三、下一步打算\n内容。")
    assert headings(split_sections(text)) == ["（三）深化普法宣传", "（四）化解矛盾纠纷", "二、存在的不足", "三、下一步打算"]


def test_split_sections__closing_bracket_only_and_ascii_brackets():
    text = "一、主要举措\n一)加强学习。\n二)深化普法。\n二、存在的问题\n(一)力量薄弱。\n(二) 形式单一。"
    assert headings(split_sections(text)) == ["一、主要举措", "一)加强学习", "二)深化普法", "二、存在的问题",
                                              "(一)力量薄弱", "(二) 形式单一"]


def test_split_sections__list_level_is_consistent_in_document():
    text = ("一、主要举措和成效\n（一）学法\n1、组织学习。\n2、组织考试。\n"
            "二、存在的不足\n1、人少。\n2、宣传弱。")
    s = split_sections(text)
    items = s[s["heading"].str.startswith(("1、", "2、"))]
    assert list(items["level"]) == [3, 3, 3, 3]
    assert list(items["parent_section_no"]) == ["1.1", "1.1", "2", "2"]
    assert list(items["section_type"]) == ["measures", "measures", "shortcomings", "shortcomings"]


# --------------------------------------------------------------------------- types of rows

def test_split_sections__leadership_subheading_inside_measures():
    text = ("一、主要举措和成效\n（一）学习法治思想\n甲。\n"
            "（二）党政主要负责人履行推进法治建设第一责任人职责情况\n1、带头学法。\n二、存在的不足\n乙。")
    s = split_sections(text).set_index("section_no")
    assert s.loc["1.2", "section_type"] == "leadership"
    assert s.loc["1.2", "parent_section_no"] == "1"
    assert s.loc["1.2.1", "section_type"] == "leadership"
    assert s.loc["1.1", "section_type"] == "measures"


def test_split_sections__leadership_wording_inside_plans_stays_plans():
    text = "一、主要举措\n甲。\n二、下一步工作打算\n（一）压实党政主要负责人第一责任人职责\n乙。"
    s = split_sections(text).set_index("section_no")
    assert s.loc["2.1", "section_type"] == "plans"


def test_split_sections__unmapped_top_heading_before_shortcomings_is_measures():
    text = "一、强化组织领导\n甲。\n二、推进依法行政\n乙。\n三、存在的问题\n丙。\n四、有关建议\n丁。"
    s = split_sections(text)
    assert list(s["section_type"]) == ["measures", "measures", "shortcomings", "other"]


def test_split_sections__unmapped_option_other():
    s = split_sections("一、强化组织领导\n甲。\n二、存在的问题\n乙。", unmapped="other")
    assert list(s["section_type"]) == ["other", "shortcomings"]


def test_unmapped_headings__lists_top_level_only():
    text = "一、强化组织领导\n（一）健全机构\n甲。\n二、存在的问题\n乙。"
    out = unmapped_headings(split_sections(text, doc_id="d"))
    assert out[["doc_id", "heading"]].values.tolist() == [["d", "一、强化组织领导"]]
    assert unmapped_heading_list(split_sections(text, doc_id="d")) == [("一、强化组织领导", "measures")]


def test_unmapped_headings__all_mapped_gives_empty_table_with_columns():
    out = unmapped_headings(split_sections("一、主要举措\n甲。\n二、存在的问题\n乙。", doc_id="d"))
    assert out.empty and list(out.columns) == ["doc_id", "section_no", "heading", "section_type"]


# --------------------------------------------------------------------------- no headings

def test_split_sections__no_headings_gives_one_other_section():
    text = "某镇2023年法治政府建设情况\n一年来，我镇认真落实法治建设要求。\n一是加强学习。二是规范执法。"
    s = split_sections(text, doc_id="x")
    assert rows(s) == [("0", 0, "other")]
    assert s.iloc[0]["text"] == text


def test_has_headings__flags_document_without_headings():
    both = pd.concat([split_sections("只有一段正文。", doc_id="a"),
                      split_sections("一、主要举措\n甲。", doc_id="b")])
    assert has_headings(both).to_dict() == {"a": False, "b": True}
    assert [found_headings(both[both["doc_id"] == d]) for d in "ab"] == [False, True]


def test_split_sections__empty_text_gives_empty_table():
    s = split_sections("  \n ")
    assert s.empty and list(s.columns) == SECTION_COLUMNS


# --------------------------------------------------------------------------- reports in other styles

def test_split_sections__street_office_report():
    text = """东湖街道2023年法治政府建设工作报告
区委、区政府：
2023年，东湖街道坚持以习近平法治思想为指导，现将有关情况报告如下。
一、2023年法治政府建设主要举措和成效
（一）深入学习贯彻习近平法治思想
街道党工委理论学习中心组开展专题学习4次。
（二）街道党工委书记履行推进法治建设第一责任人职责
党工委书记主持召开专题会议3次。
（三）推进社区依法治理
指导12个社区修订居民公约。
二、存在的不足和原因
一是执法力量不足，综合执法队仅有8人。二是居民法治意识有待提高。
三、2024年工作打算
（一）加强法治队伍建设
（二）深化普法宣传"""
    s = split_sections(text, doc_id="jd")
    assert list(s["section_type"]) == ["preamble", "measures", "measures", "leadership", "measures",
                                       "shortcomings", "plans", "plans", "plans"]
    items = shortcoming_items(s)
    assert items["headline"].tolist() == ["执法力量不足", "居民法治意识有待提高"]


def test_split_sections__district_report_with_parts():
    text = """某某区2022年法治政府建设年度报告
第一部分 2022年法治政府建设工作情况
一、健全依法决策机制
全年审查重大行政决策15件。
二、严格规范公正文明执法
开展执法检查20次。
第二部分 存在的主要问题
一、执法队伍专业化程度不高。
二、基层法治宣传形式单一。
第三部分 2023年工作计划
一、持续推进法治政府示范创建。"""
    s = split_sections(text)
    top = s[s["level"] == 1]
    assert top["heading"].tolist() == ["第一部分 2022年法治政府建设工作情况", "第二部分 存在的主要问题",
                                       "第三部分 2023年工作计划"]
    assert top["section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert set(s.loc[s["heading"].str.startswith(("一、", "二、")), "level"]) == {2}
    items = shortcoming_items(s)
    assert items["text"].tolist() == ["执法队伍专业化程度不高。", "基层法治宣传形式单一。"]


def test_split_sections__dot_numbering_half_and_full_width():
    text = """一、主要举措和成效
1.强化组织保障
成立领导小组。
2．完善制度体系
修订制度5项。
二、存在的问题
1.法治人才短缺。
2．群众法治观念淡薄。
三、下一步工作安排
1.加强培训。"""
    s = split_sections(text)
    assert headings(s)[:3] == ["一、主要举措和成效", "1.强化组织保障", "2．完善制度体系"]
    assert list(s["level"]) == [1, 2, 2, 1, 2, 2, 1, 2]
    assert shortcoming_items(s)["headline"].tolist() == ["法治人才短缺", "群众法治观念淡薄"]


def test_split_sections__paren_top_level_without_yi_dun():
    text = """某乡2023年法治政府建设情况报告
（一）法治政府建设主要举措
1、健全决策机制。
2、推进政务公开。
（二）存在的问题
1、执法人员数量少。
2、普法覆盖面窄。
（三）下一步工作计划
1、加大培训力度。"""
    s = split_sections(text)
    top = s[s["level"] == 1]
    assert top["heading"].tolist() == ["（一）法治政府建设主要举措", "（二）存在的问题", "（三）下一步工作计划"]
    assert top["section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert set(s.loc[s["level"] == 2, "heading"].str[:2]) == {"1、", "2、"}


def test_split_sections__short_parts_and_other_matters():
    text = """一、基本情况
甲。
二、党政主要负责人履行推进法治建设第一责任人职责情况
乙。
三、存在的短板
一是执法不够规范。二是学法不够深入。
四、下一步工作计划
丙。
五、其他需要报告的事项
无。"""
    s = split_sections(text, doc_id="k")
    assert list(s["section_type"]) == ["measures", "leadership", "shortcomings", "plans", "other"]
    c = completeness(s).iloc[0]
    assert c["other"] and c["n_parts"] == 5


# --------------------------------------------------------------------------- completeness

def test_completeness__report_cut_off_before_shortcomings():
    text = "一、主要举措和成效\n（一）学法\n甲。\n（二）党政主要负责人履行第一责任人职责\n乙。"
    c = completeness(split_sections(text, doc_id="cut")).iloc[0]
    assert (c["measures"], c["leadership"], c["shortcomings"], c["plans"], c["other"]) == (
        True, True, False, False, False)
    assert c["n_parts"] == 2


def test_completeness__four_main_parts_do_not_count_other():
    text = "一、主要举措\n甲。\n二、存在的问题\n乙。\n三、党政主要负责人履职情况\n丙。\n四、下一步打算\n丁。"
    c = completeness(split_sections(text, doc_id="f")).iloc[0]
    assert not c["other"] and c["n_parts"] == 4


def test_completeness__one_row_per_document():
    both = pd.concat([split_sections("一、主要举措\n甲。", doc_id="a"),
                      split_sections("一、存在的问题\n乙。", doc_id="b")])
    c = completeness(both)
    assert c["doc_id"].tolist() == ["a", "b"]
    assert c["n_parts"].tolist() == [1, 1]
    assert c["shortcomings"].tolist() == [False, True]


# --------------------------------------------------------------------------- the five seed reports

def _norm(text: str) -> str:
    """As the scorer compares: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


@pytest.fixture(scope="module")
def seed_sections() -> pd.DataFrame:
    return pd.concat([split_sections(normalize_text(path.read_text(encoding="utf-8")), doc_id=path.name)
                      for path in sorted(RAW.glob("*.txt"))], ignore_index=True)


def test_split_sections__seed_gold_headings(seed_sections):
    gold = pd.read_csv(GOLD / "seeds_sections.csv", dtype=str)
    missed = []
    for g in gold.itertuples():
        rows_ = seed_sections[seed_sections["doc_id"] == g.file]
        want = _norm(g.heading)[:12]
        if not any(_norm(h).startswith(want) and t == g.section_type
                   for h, t in zip(rows_["heading"], rows_["section_type"])):
            missed.append((g.file, g.heading, g.section_type))
    assert missed == []


def test_split_sections__seed_offsets_point_into_text(seed_sections):
    for path in sorted(RAW.glob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8"))
        doc = seed_sections[seed_sections["doc_id"] == path.name]
        assert all(text[a:b] == t for a, b, t in zip(doc["start"], doc["end"], doc["text"]))


def test_completeness__seeds_have_no_invented_parts(seed_sections):
    c = completeness(seed_sections).set_index("doc_id")
    assert c["shortcomings"].all() and c["plans"].all() and c["measures"].all()
    assert not c["other"].any()
    assert not c.loc["002_65f6f072feb0dbc0.txt", "leadership"]


@pytest.mark.parametrize("heading", ["（三）整改问题12项", "三、研究解决重点问题", "二、坚持问题导向推进依法行政",
                                     "四、推进重大问题集体决策", "（二）聚焦群众急难愁盼问题"])
def test_classify_heading__problems_solved_are_measures(heading):
    assert classify_heading(heading) == "measures"


@pytest.mark.parametrize("heading, expected, mixed", [
    ("二、2023年工作成效及存在的问题", "measures", "shortcomings"),
    ("二、存在的问题及下一步工作打算", "shortcomings", "plans"),
    ("二、2024年度主要工作安排", "plans", ""),
    ("二、其他需要说明的问题", "other", ""),
])
def test_split_sections__combined_part_is_typed_by_its_first_words_and_flagged(heading, expected, mixed):
    found = split_sections(f"前言。\n一、主要举措\n内容。\n{heading}\n内容。")
    row = found[found["heading"] == heading].iloc[0]
    assert (row["section_type"], row["mixed_with"]) == (expected, mixed)


def test_split_sections__numbering_runs_on_across_parents():
    # 1. 2. under （一）, then 3. under （二）: one list numbered through the part
    text = ("一、主要举措\n（一）加强领导\n1.加强党的领导。内容。\n2.强化考核。内容。\n"
            "（二）依法履职\n3.深化审批改革。内容。\n二、存在的不足\n内容。")
    found = split_sections(text)
    assert headings(found)[4:6] == ["（二）依法履职", "3.深化审批改革"]
    assert found.set_index("heading").loc["3.深化审批改革", "parent_section_no"] == "1.2"


@pytest.mark.parametrize("last", ["（二）依法全面履行政", "(二)聚焦职能转变,优", "二、聚焦依法履职,提升政府运行效"])
def test_split_sections__heading_cut_off_at_the_end_of_a_copy_is_dropped(last):
    text = f"一、主要举措\n（一）加强领导\n内容很多。\n{last}"
    assert headings(split_sections(text)) == ["一、主要举措", "（一）加强领导"]


@pytest.mark.parametrize("last", ["(二)深化“放管服”改革,持续推进法治化营商环境建设", "（二）健全依法决策机制",
                                  "（二）提升政府运行效能"])
def test_split_sections__a_copy_that_stops_after_a_whole_heading_keeps_it(last):
    # a copy cut at its byte limit just after a heading's closing noun (a real page, 垫江县 2023)
    text = f"一、主要举措\n（一）加强领导\n内容很多。\n{last}"
    assert headings(split_sections(text)) == ["一、主要举措", "（一）加强领导", last]


@pytest.mark.parametrize("last, kind", [("二、存在的问题", "shortcomings"), ("二、2024年工作打算", "plans"),
                                        ("（二）压实第一责任人职责，", "leadership")])
def test_split_sections__a_copy_that_stops_at_a_part_s_heading_keeps_it(last, kind):
    # a heading that names a part other than the work says which part the copy reached
    found = split_sections(f"一、主要举措\n（一）加强领导\n内容很多。\n{last}")
    assert (found["heading"].iloc[-1], found["section_type"].iloc[-1]) == (last, kind)


def test_split_sections__page_copied_without_line_breaks():
    body = "坚持将学习领会习近平法治思想作为首要政治任务，纳入党委理论学习中心组和干部教育培训体系。" * 16
    text = normalize_text(f"现将本年度工作情况报告如下: 一、法治建设主要措施和成效 (一)强化思想引领,筑牢根基 {body} "
                          f"(二)创新治理模式,提升效能 一是推进观察。 二、存在的问题 一是力量不足。")
    # the space after a heading was a line break too: the heading stands alone, its body below it
    assert headings(split_sections(text)) == ["一、法治建设主要措施和成效", "(一)强化思想引领,筑牢根基",
                                              "(二)创新治理模式,提升效能", "二、存在的问题"]


@pytest.mark.parametrize("heading", ["三、下步工作措施", "四、下一阶段工作思路", "三、2025年依法行政工作要点"])
def test_classify_heading__plans_said_short(heading):
    assert classify_heading(heading) == "plans"


# A whole report whose last part names its shortcomings and its plans together.
COMBINED = ("一、2023年工作开展情况\n（一）强化学法用法\n全年集中学法10次。\n"
            "二、存在的不足和下步打算\n（一）存在的不足\n一是基层执法力量薄弱。二是普法载体较少。\n"
            "（二）下步打算\n1.充实执法力量\n选派人员参加执法培训。\n")


def test_split_sections__a_sub_heading_opens_the_plans_its_part_names_with_the_shortcomings():
    found = split_sections(COMBINED).set_index("heading")["section_type"]
    assert found["二、存在的不足和下步打算"] == "shortcomings"
    assert found["（一）存在的不足"] == "shortcomings"
    assert found["（二）下步打算"] == "plans"
    assert found["1.充实执法力量"] == "plans"


def test_shortcoming_items__plans_of_a_combined_part_are_not_shortcomings():
    items = shortcoming_items(split_sections(COMBINED, doc_id="d"))
    assert items["text"].str.contains("基层执法力量薄弱").any()
    assert not items["text"].str.contains("选派人员").any()


@pytest.mark.parametrize(("text", "last"), [
    ("一、2023年工作开展情况\n内容。\n二、存在的问题\n内容。\n三、2024年工作举措\n内容。", "plans"),  # next year
    ("一、2023年主要工作\n内容。\n二、2024年1至3月工作进展\n内容。", "measures"),  # months: work done
    ("一、主要举措\n内容。\n二、2024年工作举措\n内容。", "measures"),  # no earlier year to compare
])
def test_split_sections__a_part_about_a_later_year_than_the_parts_before_it_is_plans(text, last):
    tops = split_sections(text).query("level == 1")
    assert tops["section_type"].iloc[-1] == last


@pytest.mark.parametrize("heading", ["（二）从严落实法治建设第一人责任", "（一）压实第一责任，健全推进机制"])
def test_classify_heading__the_first_responsibility_however_written_is_leadership(heading):
    assert classify_heading(heading) == "leadership"


# Written round 29: the statutory parts in less common words, and sub-headings they must not be taken for.
@pytest.mark.parametrize(("heading", "kind"), [
    ("二、“一把手”抓法治情况", "leadership"), ("2.党委书记、镇长带头推进法治建设情况", "leadership"),
    ("二、党政正职履行法治建设职责情况", "leadership"), ("二、政府主要领导带头抓法治建设情况", "leadership"),
    ("二、乡主要负责人带头依法行政情况", "leadership"),  # round 44: the 依法行政 template of 2021
    ("三、自查发现的问题", "shortcomings"), ("三、坚持问题导向，查找自身差距", "shortcomings"),
    ("四、锚定目标任务，扎实谋划2020年工作", "plans"),
    ("（三）及时发现问题", "measures"), ("（三）坚持问题导向，化解矛盾纠纷", "measures"),
    ("一、强化组织领导，由党委书记主抓法治政府建设工作", "other"),  # the heading's subject is organisation
])
def test_classify_heading__parts_in_less_common_words(heading, kind):
    assert classify_heading(heading) == kind


def test_split_sections__a_leadership_part_keeps_its_sub_headings_whatever_its_heading_s_other_words():
    # 工作情况 makes the heading "mixed with measures" in words, but the part is one: the leadership
    text = ("一、党政主要负责人履行推进法治建设第一责任人职责工作情况\n（一）带头学习习近平法治思想\n内容。\n"
            "（二）健全党委领导法治建设机制\n内容。\n二、存在的不足\n内容。")
    found = split_sections(text).set_index("heading")["section_type"]
    assert found["（一）带头学习习近平法治思想"] == "leadership"


def test_a_problems_subheading_inside_the_work_part_opens_the_shortcomings():
    # 一、工作情况 … （三）存在的短板和不足 … 二、下一步打算: the problems are a part of their own,
    # and their list is cut into items
    from reportkit.shortcomings import shortcoming_items

    text = ("一、主要举措和成效\n（一）强化组织领导。召开会议4次。\n（二）深化普法宣传。开展活动12场次。\n"
            "（三）存在的短板和不足\n1.部分干部学法意识不强；\n2.调解组织作用发挥不充分。\n"
            "（四）下一步工作打算\n1.加强学习。\n二、其他事项\n无。")
    s = split_sections(text)
    assert dict(zip(s["heading"], s["section_type"])) == {
        "一、主要举措和成效": "measures", "（一）强化组织领导": "measures",
        "（二）深化普法宣传": "measures", "（三）存在的短板和不足": "shortcomings",
        "1.部分干部学法意识不强": "shortcomings", "2.调解组织作用发挥不充分": "shortcomings",
        "（四）下一步工作打算": "plans", "1.加强学习": "plans", "二、其他事项": "other"}
    assert shortcoming_items(s)["headline"].tolist() == ["部分干部学法意识不强", "调解组织作用发挥不充分"]


@pytest.mark.parametrize("heading", ["（二）补齐短板，提升能力", "（三）聚焦存在问题抓整改", "（三）存在问题整改到位",
                                     "（三）存在的问题得到有效解决",
                                     "（三）着力解决群众反映的突出问题", "（四）完善工作计划"])
def test_work_done_on_problems_stays_in_the_work_part(heading):
    text = f"一、主要举措和成效\n（一）强化组织领导。召开会议4次。\n{heading}\n做了大量工作。\n二、存在的不足\n一是人少。"
    s = split_sections(text)
    assert s.loc[s["heading"] == heading, "section_type"].tolist() == ["measures"]


def test_a_heading_printed_twice_by_the_page_is_one_heading():
    text = "前言。\n一、强化党的领导，夯实法治根基\n一、强化党的领导，夯实法治根基\n一是加强政治引领。\n二、健全决策机制\n甲。"
    s = split_sections(text)
    assert s["heading"].tolist() == ["", "一、强化党的领导，夯实法治根基", "二、健全决策机制"]


@pytest.mark.parametrize("lost", [
    "强化组织领导，夯实法治基础，提升履职能力黑井镇始终把法治政府建设工作当作全镇的中心工作，常抓不懈，不断强化法治意识。",
    "强化组织领导\n镇党委始终把法治政府建设工作当作全镇的中心工作。"])
def test_a_second_heading_whose_first_lost_its_marker_is_found(lost):
    text = f"前言。\n一、法治政府建设工作落实情况\n{lost}\n（二）强化依法执政，提升执法能力。甲。\n（三）深化普法宣传。乙。\n二、存在的问题\n丙。"
    s = split_sections(text)
    assert s["heading"].tolist() == ["", "一、法治政府建设工作落实情况", "（二）强化依法执政，提升执法能力", "（三）深化普法宣传", "二、存在的问题"]
    assert s["level"].tolist() == [0, 1, 2, 2, 1]


@pytest.mark.parametrize("before", ["", "甲。\n乙。\n丙。"])
def test_a_list_first_seen_at_two_is_otherwise_body_text(before):
    # no part above it, or several paragraphs between: (二) is not taken without its (一)
    text = f"前言。\n{before}\n（二）强化依法执政，提升执法能力。\n" if not before else \
        f"一、工作情况\n{before}\n（二）强化依法执政，提升执法能力。\n二、存在的问题\n丁。"
    assert "（二）强化依法执政，提升执法能力" not in split_sections(text)["heading"].tolist()


@pytest.mark.parametrize("heading, kind", [
    ("三、困难与挑战", "shortcomings"), ("三、问题和困难", "shortcomings"), ("三、主要困难", "shortcomings"),
    ("四、对策建议", "plans"), ("四、意见建议", "plans"), ("四、对策措施", "plans"),
    # … but the same words as work done stay unmatched (typed by position)
    ("一、工作措施", "other"), ("（三）广泛征求意见建议", "other"), ("（二）积极应对风险挑战", "other")])
def test_classify_heading__difficulties_and_suggestions(heading, kind):
    assert classify_heading(heading) == kind


def test_a_second_heading_right_under_its_part_is_not_taken_for_a_lost_first():
    # nothing between 一、 and （二）: no lost （一） to speak of (this crashed the build once)
    s = split_sections("前言。\n一、工作情况\n（二）强化依法执政。甲。\n二、存在的问题\n丙。")
    assert s["heading"].tolist() == ["", "一、工作情况", "二、存在的问题"]


@pytest.mark.parametrize("marker", ["一．", "一.", "一、"])
def test_a_part_heading_that_starts_with_its_year_after_a_dot(marker):
    # 一．2022年度…: the dot before a year is a marker's (一.2 alone is a number)
    text = f"前言。\n{marker}2022年度推进法治政府建设的主要举措和成效\n（一）健全工作机制。甲。\n二．存在的问题\n乙。"
    s = split_sections(text)
    assert s["heading"].tolist()[1] == f"{marker}2022年度推进法治政府建设的主要举措和成效"
    assert s["section_type"].tolist() == ["preamble", "measures", "measures", "shortcomings"]


@pytest.mark.parametrize("above", ["", "首页 > 政务公开 > 乡镇信息\n", "高公庄乡2022年法治政府建设工作报告\n"])
def test_a_copy_that_begins_at_a_later_part_keeps_its_headings(above):
    text = f"{above}三、存在的问题\n一是宣传不够。二是力量薄弱。\n四、2023年工作打算\n（一）加强培训。\n（二）充实力量。"
    s = split_sections(text)
    assert [h for h in s["heading"] if h] == ["三、存在的问题", "四、2023年工作打算", "（一）加强培训", "（二）充实力量"]
    assert s.loc[s["level"] > 0, "section_type"].tolist() == ["shortcomings", "plans", "plans", "plans"]


@pytest.mark.parametrize("first", ["（三）坚持严格规范公正文明执法。全年检查32次。", "3.规范执法。全年检查32次。"])
def test_a_copy_that_begins_inside_its_first_part_keeps_the_parts_after_it(first):
    # round 22: a copy whose first part lost its start: sub-headings numbered past one, then 二、…
    text = (f"{first}\n（四）深化普法宣传。开展活动12场。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "镇党委书记认真履职。\n三、存在的问题\n（一）执法力量不足。\n（二）宣传不够。\n四、2021年工作打算\n（一）加强培训。")
    s = split_sections(text)
    parts = s[s["level"] == 1]
    assert parts["heading"].str[:2].tolist() == ["二、", "三、", "四、"]
    assert parts["section_type"].tolist() == ["leadership", "shortcomings", "plans"]
    assert partial_reasons(text, s) == ["no opening part"]


@pytest.mark.parametrize("first", [
    "……农牧区普法宣传。利用双语宣传开展活动23场次。\n（五）化解矛盾纠纷。全年调处纠纷57起。",  # cut inside a sentence
    "农牧区普法宣传。利用双语宣传开展活动23场次。\n（五）化解矛盾纠纷。全年调处纠纷57起。\n（六）推进政务公开。",
])
def test_a_copy_that_begins_inside_a_sentence_of_its_first_part_keeps_the_parts_after_it(first):
    # written round 63: a 360doc excerpt began ……牧区普法宣传。, its sub-headings （五）（六）（七）, then 二、…: part 二 was
    # read as a body line
    text = (f"{first}\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n苏木党委书记认真履职。\n"
            "三、存在的问题\n（一）执法力量不足。\n（二）宣传不够。")
    parts = split_sections(text).query("level == 1")
    assert parts["section_type"].tolist() == ["leadership", "shortcomings"]


@pytest.mark.parametrize("text", [
    "2022年，我乡扎实推进法治建设。\n三、强化依法行政\n甲。",  # a sentence above a work part: a body line
    "三、四月份开展普法宣传。\n乙。",  # no part the table knows
    "三、加强队伍建设\n乙。"])
def test_a_later_number_first_is_otherwise_no_heading(text):
    assert not split_sections(text)["level"].gt(0).any()


def test_classify_heading__the_part_on_the_responsibility_system_is_leadership():
    assert classify_heading("一、街道法治责任制落实工作情况") == "leadership"
    assert classify_heading("二、镇法治建设责任制履行情况") == "leadership"
    assert classify_heading("（三）完善法治建设责任制考核办法") == "other"  # work on the system: typed by its part


def test_split_sections__headings_numbered_with_word_glyphs():
    text = normalize_text("一、主要举措\n㈠加强组织领导。甲。\n⒈强化学习。乙。\n㈡深化普法宣传。丙。\n二、存在的问题\n丁。")
    assert split_sections(text)["heading"].tolist() == [
        "一、主要举措", "（一）加强组织领导", "1.强化学习", "（二）深化普法宣传", "二、存在的问题"]


@pytest.mark.parametrize("lost", ["2025年推进法治政府建设的主要举措和成效", "主要工作开展情况", "履行推进法治建设第一责任人职责情况",
                                  "- 坚持党的领导,把牢法治政府建设正确方向", "• 强化依法行政"])  # a page's list bullet for 一、
def test_a_part_heading_that_lost_its_marker_above_the_first_sub_heading(lost):
    text = f"2025年，庙垭乡全力推进法治政府建设。现将有关情况报告如下\n\n{lost}\n\n（一）加强党的领导\n甲。\n（二）深化普法\n乙。\n二、存在的不足\n丙。"
    s = split_sections(text)
    assert s["heading"].tolist()[1:] == [lost, "（一）加强党的领导", "（二）深化普法", "二、存在的不足"]
    assert s["level"].tolist()[1:] == [1, 2, 2, 1]


def test_a_part_heading_that_lost_its_marker_below_an_opening_of_one_sentence():
    # batch zg (祝桥镇): the opening is one sentence that ends 报告如下: with no 。 above the part
    text = ("2022年度祝桥镇法治政府建设情况报告\n祝桥镇党委、政府坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作，"
            "现将我镇法治政府建设情况报告如下:\n主要举措和成效\n（一）注重党委领导核心作用\n甲。\n（二）深化普法\n乙。")
    s = split_sections(text)
    assert s["heading"].tolist()[1:] == ["主要举措和成效", "（一）注重党委领导核心作用", "（二）深化普法"]
    assert s["level"].tolist()[1:] == [1, 2, 2]


@pytest.mark.parametrize("text", [
    "庙垭乡2025年法治政府建设情况报告\n（一）加强党的领导\n甲。",  # a title above it, no opening
    "2025年，庙垭乡全力推进法治政府建设。\n严格落实各项制度，扎实推进依法行政\n（一）加强党的领导\n甲。",  # a lead sentence, no part
    "2025年，庙垭乡全力推进法治政府建设。\n主要举措和成效。\n（一）加强党的领导\n甲。"])  # a sentence
def test_a_line_above_the_first_sub_heading_is_otherwise_no_heading(text):
    assert split_sections(text)["level"].tolist().count(1) == 1  # the （一） alone opens a level


def test_classify_heading__discharging_duties_is_leadership_only_for_the_principal():
    assert classify_heading("三、党政主要负责人履职尽责情况") == "leadership"
    # a part on the duty as such is the principal's own account (述法: 一、履职情况 / 二、存在问题)
    assert classify_heading("一、履职情况") == classify_heading("一、本人履职情况") == "leadership"
    assert classify_heading("一、依法履职情况") == "other"  # the government's lawful duties: by its part
    assert classify_heading("（二）依法履职尽责，提升政务服务质效") == "other"  # the government's duties: by its part


@pytest.mark.parametrize("heading, kind", [("二、需要改进的地方", "shortcomings"), ("二、有待加强的方面", "shortcomings"),
                                           ("三、下一步需要加强的方面", "plans")])
def test_classify_heading__what_still_needs_improving_is_the_shortcomings(heading, kind):
    assert classify_heading(heading) == kind


@pytest.mark.parametrize("line, heading", [
    ("一、六项措施推进法治政府建设", True), ("一、三项机制保障依法行政", True),  # a count in the heading's words
    ("三、四月份开展普法宣传月活动。", False), ("一、二季度完成执法检查。", False)])  # a run of numbers
def test_a_heading_that_starts_with_a_count_is_no_run_of_numbers(line, heading):
    s = split_sections(f"前言。\n{line}\n甲。")
    assert (line.rstrip("。") in s["heading"].tolist()) == heading


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_heading_typed_with_a_comma_after_its_numeral(comma):
    text = (f"前言。\n一{comma}推进法治政府建设的主要举措和成效\n（一）健全工作机制。甲。\n"
            f"二{comma}存在的不足和原因\n1.普法形式单一。\n2.执法力量不足。\n三{comma}2023年工作安排\n乙。")
    s = split_sections(text)
    assert s["heading"].tolist()[1:3] == [f"一{comma}推进法治政府建设的主要举措和成效", "（一）健全工作机制"]
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]


@pytest.mark.parametrize("line", ["一，二季度完成执法检查。", "三，四月份开展普法宣传。"])
def test_a_numeral_and_comma_before_more_numbers_is_no_heading(line):
    assert not split_sections(f"前言。\n{line}\n甲。")["level"].gt(0).any()


def test_a_copy_that_lost_its_line_breaks_keeps_headings_typed_with_a_comma():
    flat = ("2022年，大石头镇扎实推进法治建设。现将有关情况报告如下： 一，主要举措和成效 （一）完善依法决策机制。"
            "全年审查重大事项8件。 二.存在的不足 1.普法宣传的针对性不强。 2.执法程序不够规范。 三，2023年工作安排 "
            "（一）创新普法方式。 其中统一，规范执法文书。") * 3
    s = split_sections(normalize_text(flat))
    assert {"一，主要举措和成效", "二.存在的不足", "三，2023年工作安排"} <= set(s["heading"])
    assert not any(h.startswith("一，规范") for h in s["heading"])  # 统一， inside a sentence stays there


# A copying site's converter that doubles or misplaces the text's marks (…内容,。 …报告,、) put a stray comma
# between a marker's numeral and its 、 (batch zv: 一,、深入學(xué)習(xí)…的情況 on a mirror with pinyin notes).
def test_a_heading_whose_numeral_a_converter_put_a_stray_comma_after_is_a_heading():
    text = ("2023年，某镇扎实推进依法行政。现将有关情况报告如下：\n一，、主要做法和成效\n（一）健全工作机制。召开会议4次。\n"
            "二,、存在的问题和不足\n1,、普法形式较单一，针对性不强。\n2，、执法人员数量不足。\n三，、2024年工作打算\n乙。")
    s = split_sections(text)
    assert s["heading"].tolist()[1:] == ["一，、主要做法和成效", "（一）健全工作机制", "二,、存在的问题和不足",
                                         "1,、普法形式较单一，针对性不强", "2，、执法人员数量不足", "三，、2024年工作打算"]
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert shortcoming_items(s)["headline"].tolist() == ["普法形式较单一", "执法人员数量不足"]


def test_a_copy_that_lost_its_line_breaks_keeps_headings_with_a_stray_comma_before_their_mark():
    flat = ("2023年，某街道全面推进法治建设。现将有关情况报告如下： 一,、主要举措和成效 （一）规范行政决策。"
            "全年审查合同12份。 二，、存在的不足 1,、基层执法力量薄弱。 2,、普法宣传覆盖面不广。 三,、2024年工作计划 "
            "（一）加强执法培训。") * 3
    s = split_sections(normalize_text(flat))
    assert {"一,、主要举措和成效", "二，、存在的不足", "三,、2024年工作计划"} <= set(s["heading"])


@pytest.mark.parametrize("line", ["1，、2月份开展专项检查3次。", "开展普法宣传活动12场，、发放资料3000份。",
                                  "一、二季度完成执法检查。"])
def test_a_stray_comma_makes_no_heading_of_a_run_of_numbers_or_a_sentence(line):
    # guard: a run of months after the stray comma stays body text, and so does a sentence with one mid-line
    assert not split_sections(f"前言。\n{line}\n甲。")["level"].gt(0).any()


def test_split_sections__arabic_parts_with_a_full_width_dot_before_their_year():
    text = ("2024年，我镇坚持依法行政。\n1．2024年度推进法治政府建设的主要举措和成效\n（1）健全工作机制。召开会议4次。\n"
            "2．存在的不足和问题\n（1）普法精准性不够高。\n3．2025年度推进法治政府建设的主要安排\n（1）创新普法方式。"
            "\n2、3月份开展专项检查1.5万次。")  # a run of months and a decimal stay body text
    s = split_sections(text)
    assert s[["level", "section_type"]].values.tolist()[1:] == [
        [1, "measures"], [2, "measures"], [1, "shortcomings"], [2, "shortcomings"], [1, "plans"], [2, "plans"]]


def test_split_sections__parts_that_lost_their_numbers_are_the_short_lines_that_name_them():
    text = ("周至县楼观镇2024年法治政府建设年度报告\n2024年，楼观镇坚持依法行政。\n主要举措和成效\n（一）强化组织保障。召开会议4次。\n"
            "（二）规范行政决策。审查合同12份。\n存在的不足\n一是经费保障不足。二是普法形式单一。\n下一步工作打算\n2025年，我镇将加强学法。")
    s = split_sections(text)
    assert s[["heading", "level", "section_type"]].values.tolist()[1:] == [
        ["主要举措和成效", 1, "measures"], ["（一）强化组织保障", 2, "measures"], ["（二）规范行政决策", 2, "measures"],
        ["存在的不足", 1, "shortcomings"], ["下一步工作打算", 1, "plans"]]


def test_split_sections__parts_that_lost_their_numbers_under_an_opening_ending_as_a_formula():
    # an opening of one sentence (…报告如下:), and the statutory second part's heading at full length
    duty = "2024年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    text = ("楼观镇2024年法治政府建设年度报告\n2024年，楼观镇坚持依法行政，现将有关情况报告如下:\n主要举措和成效\n"
            f"（一）强化组织保障。召开会议4次。\n{duty}\n镇党委书记带头学法。\n存在的不足\n一是经费保障不足。\n"
            "下一步工作打算\n2025年，我镇将加强学法。")
    s = split_sections(text)
    assert s[["heading", "level", "section_type"]].values.tolist()[1:] == [
        ["主要举措和成效", 1, "measures"], ["（一）强化组织保障", 2, "measures"], [duty, 1, "leadership"],
        ["存在的不足", 1, "shortcomings"], ["下一步工作打算", 1, "plans"]]


@pytest.mark.parametrize(("part", "lead", "first"), [
    ("主要举措和成效", "", "1.强化法治引领"),  # a report with no （一）: its first sub-heading is 1.
    ("二、主要做法和成效:"[2:], "", "（一）强化法治引领"),  # the part's line ends with a colon
    ("主要举措和成效", "2025年，宝城镇坚持以习近平法治思想为指导，扎实推进依法行政。\n", "（一）强化法治引领"),  # a lead paragraph
])
def test_a_part_heading_that_lost_its_marker_above_the_first_sub_heading_in_other_layouts(part, lead, first):
    text = f"2025年，宝城镇全力推进法治政府建设。现将有关情况报告如下\n{part}\n{lead}{first}\n甲。\n二、存在的不足\n丙。"
    s = split_sections(text)
    assert s["heading"].tolist()[1:] == [part.rstrip(":"), first, "二、存在的不足"]
    assert s["level"].tolist()[1:] == [1, 2, 1]


@pytest.mark.parametrize("text", [
    # a title and a lead sentence above the first （一）, no opening above them
    "宝城镇2025年法治政府建设工作情况\n2025年，宝城镇坚持依法行政。\n（一）强化法治引领\n甲。",
    # two paragraphs between the line and the first （一）: a lead line of the opening, not a part
    "2025年，宝城镇全力推进法治政府建设。\n主要举措和成效\n甲乙。\n丙丁。\n（一）强化法治引领\n甲。",
])
def test_a_line_above_a_lead_paragraph_is_otherwise_no_lost_part(text):
    s = split_sections(text)
    assert s.loc[s["level"] > 0, "heading"].tolist() == ["（一）强化法治引领"]


def test_split_sections__a_short_line_naming_a_part_is_no_part_where_the_parts_are_numbered():
    text = "2024年，我镇坚持依法行政。\n一、主要举措和成效\n召开会议4次。\n存在的不足\n二、下一步工作打算\n加强学法。"
    assert split_sections(text)["heading"].tolist()[1:] == ["一、主要举措和成效", "二、下一步工作打算"]


def test_split_sections__parts_numbered_in_lenticular_brackets():
    text = "2024年，我镇坚持依法行政。\n【一】主要举措和成效\n（一）加强组织领导。召开会议4次。\n【二】存在的不足\n（一）干部法治思维不强。"
    s = split_sections(text)
    assert s[["level", "section_type"]].values.tolist()[1:] == [[1, "measures"], [2, "measures"], [1, "shortcomings"],
                                                                [2, "shortcomings"]]


def test_a_part_whose_sub_headings_reuse_its_own_numbering_keeps_the_parts_after_it():
    # round 21: 一、主要举措 at once followed by 一、…三、 sub-headings (a Word file's numbering), then the real 二、
    text = ("前言。\n一、2025年推进法治政府建设的主要举措和成效\n一、坚持党的领导。甲。\n二、深化改革。乙。\n三、严格执法。丙。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n丁。\n三、存在的不足和原因\n（一）力量薄弱。\n四、2026年工作安排\n戊。")
    s = split_sections(text)
    found = s.loc[s["level"] > 0, ["heading", "level", "section_type"]].values.tolist()
    assert [h[:4] for h, _, _ in found] == ["一、20", "一、坚持", "二、深化", "三、严格", "二、党政", "三、存在", "（一）力", "四、20"]
    assert [level for _, level, _ in found] == [1, 2, 2, 2, 1, 1, 2, 1]
    assert [t for h, level, t in found if level == 1] == ["measures", "leadership", "shortcomings", "plans"]


def test_a_heading_numbered_one_again_after_a_paragraph_is_no_nested_list():
    # a second 一、 with text between is not a sub-list of the first: a number repeated at the same level
    text = "一、主要举措\n甲。\n一、再次编号\n乙。\n二、存在的问题\n丙。"
    assert split_sections(text)["level"].tolist() == [1, 1, 1]


@pytest.mark.parametrize("heading, section_type", [
    ("三、上一年度法治政府建设存在问题的整改情况", "other"),  # round 24: last year's problems and what was done
    ("三、上年度法治政府建设存在问题整改情况", "other"),
    ("三、法治督察反馈问题整改落实情况", "other"),
    ("三、存在的问题和整改措施", "shortcomings"),  # this year's problems, and how they will be put right
    ("（五）突出问题导向，狠抓整改落实", "measures"),
])
def test_classify_heading__a_part_on_rectifying_last_years_problems_is_other(heading, section_type):
    assert classify_heading(heading) == section_type


def test_shortcoming_items__not_from_a_part_on_last_years_problems():
    text = ("一、主要举措\n甲。\n二、上一年度法治政府建设存在问题的整改情况\n一是针对执法力量薄弱的问题，充实队员3名。\n"
            "二是针对普法形式单一的问题，开展活动。\n三、存在的不足和原因\n一是执法队伍专业化水平不高。\n二是干部学法主动性不强。\n"
            "四、2023年工作安排\n乙。")
    items = shortcoming_items(split_sections(text))
    assert [t[:4] for t in items["text"]] == ["执法队伍", "干部学法"]


def test_a_sub_heading_numbered_one_twice_in_a_row_is_no_nested_list():
    # only a part's style nests so: （一）加强组织领导\n（一）落实… is a number repeated at its level
    text = "一、主要举措\n（一）加强组织领导，明确责任落实\n（一）落实执法改革。甲。\n（二）加强培训。乙。\n二、存在的问题\n丙。"
    assert split_sections(text)["level"].tolist() == [1, 2, 2, 2, 1]


def test_a_part_heading_numbered_one_again_that_names_a_part_is_no_sub_heading():
    # 一、…第一责任人…\n一、2023年度…主要举措: the second names a part of its own, so no list opens below the
    # first, and 二、存在的不足 after it stays a part (a wrong nesting would have sunk every later part a level)
    text = ("一、党政主要负责人履行推进法治建设第一责任人职责情况\n一、2023年度推进法治政府建设的主要举措\n（1）推进法律顾问制度。甲。\n"
            "二、推进法治政府建设存在的不足\n乙。\n三、法治政府建设下一步工作安排\n丙。")
    s = split_sections(text)
    parts = s[s["level"] == 1]
    assert parts["heading"].str[:2].tolist() == ["一、", "一、", "二、", "三、"]
    assert parts["section_type"].tolist()[-2:] == ["shortcomings", "plans"]


@pytest.mark.parametrize("heading, expected", [
    # batch zf: the year's key points carried out are work done; next year's key points are the plans
    ("二、学习《法治政府建设实施纲要(2021—2025年)》,落实依法行政工作要点", "measures"),
    ("二、认真贯彻年度法治政府建设工作要点", "measures"),
    ("三、2025年法治政府建设工作要点", "plans"),
    # the heading probe: key work taken in hand is work done, unless the heading says next year
    ("二、狠抓法治建设重点工作", "measures"), ("二、全力抓好重点任务落实", "measures"),
    ("三、下一步重点工作", "plans"), ("三、2025年重点任务", "plans"), ("三、下一步抓好重点工作", "plans"),
    ("三、2025年全力推进重点工作", "plans")])  # a year in the heading: the plans, as before
def test_classify_heading__key_points_and_key_work_carried_out_or_planned(heading, expected):
    assert classify_heading(heading) == expected


def test_split_sections__parts_that_lost_their_numbers_may_end_with_a_colon():
    # written round 42: every part's line ends with a colon (存在的不足和原因：), as official documents set them
    text = ("杨士堡镇2024年法治政府建设年度报告\n2024年，杨士堡镇坚持依法行政。\n主要举措和成效：\n（一）强化组织保障。召开会议4次。\n"
            "党政主要负责人履行推进法治建设第一责任人职责情况：\n镇党委书记带头学法。\n存在的不足和原因：\n一是经费保障不足。\n"
            "下一步工作安排：\n2025年，我镇将加强学法。\n具体如下：\n继续努力。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, ["heading", "section_type"]].values.tolist() == [
        ["主要举措和成效", "measures"], ["党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"],
        ["存在的不足和原因", "shortcomings"], ["下一步工作安排", "plans"]]


@pytest.mark.parametrize("announce", ["现将有关情况报告如下：", "现将有关情况报告如下（相关数据见附表）：",
                                      "现将2024年度工作情况汇报如下(附统计表)："])
def test_split_sections__parts_that_lost_their_numbers_include_the_other_matters_part(announce):
    # a probe of whole written reports with their parts' numbers taken out (a copy that drops Word's numbering):
    # 其他需要报告的情况 held 报告 and was taken for a title; an announcement with a note in brackets before its
    # colon was no opening, so the first part's line stood above it
    text = (f"梅林镇2024年法治政府建设情况报告\n2024年，梅林镇坚持依法行政。{announce}\n主要举措和成效\n"
            "（一）强化组织保障。召开会议4次。\n党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头学法。\n"
            "存在的不足和原因\n一是执法力量不足。\n2025年工作安排\n加强执法培训。\n其他需要报告的事项\n无。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "leadership", "shortcomings", "plans", "other"]
    assert s.loc[s["level"] == 1, "heading"].tolist()[-1] == "其他需要报告的事项"
    # … while the report's title, above the opening, is still no part
    assert "梅林镇2024年法治政府建设情况报告" not in s["heading"].tolist()


def test_split_sections__a_copy_that_begins_at_a_later_sub_heading_on_its_own_line_keeps_its_parts():
    # written round 47: （三）严格规范执法 on a line of its own, then its paragraph (round 22's ran in)
    text = ("（三）严格规范公正文明执法\n全年开展巡查检查260余次。\n（四）深化法治宣传教育\n开展普法活动26场次。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头学法。\n三、存在的问题\n1.执法力量薄弱。\n"
            "四、2022年工作打算\n（一）加强执法队伍建设。")
    tops = split_sections(text).query("level == 1")["heading"].tolist()
    assert tops == ["二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、存在的问题", "四、2022年工作打算"]


@pytest.mark.parametrize("subs", [["（一）推进综合行政执法", "（二）深化矛盾纠纷化解", "（三）开展普法宣传"],
                                  ["1.规范重大行政决策", "2.加强合同审查"]])
def test_split_sections__a_copy_that_begins_at_its_first_part_s_first_sub_heading_keeps_its_later_parts(subs):
    # a probe of whole written reports, each begun at a paragraph: a copy that begins at part 一's （一） (its 一、
    # and the opening lost) read the sub-headings as the parts and lost 三、 and 四、 after them
    body = "\n".join(f"{sub}。全年开展检查巡查120次。" for sub in subs)
    text = (f"{body}\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n街道党工委书记带头学法。\n"
            "三、存在的不足和原因\n一是执法力量不足。\n四、2026年工作打算\n加强执法培训。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, "heading"].tolist() == [
        "二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、存在的不足和原因", "四、2026年工作打算"]
    assert s.loc[s["level"] == 2, "heading"].tolist() == subs
    assert partial_reasons(text, s) == ["no opening part"]
    # … a sentence above them is an opening: the parts after an unwritten first part (below) are whole
    opened = "2025年，街道坚持以习近平法治思想为指导。\n" + text
    assert partial_reasons(opened, split_sections(opened)) == []


@pytest.mark.parametrize(("opening", "subs", "part_two", "part_three"), [
    ("2023年，青龙镇扎实推进法治政府建设，现将有关情况报告如下。",
     ["（一）强化组织领导", "（二）推进依法行政"], "二、存在的问题", "三、下一步工作打算"),
    ("今年以来，我乡围绕法治乡村建设主要做了以下工作：",  # the opening ends with a colon, sub-headings 1.
     ["1.抓学法", "2.抓普法", "3.抓调解"], "二、存在的不足和原因", "三、2025年工作思路"),
    ("街道坚持以习近平法治思想为指导。",  # a part past the shortcomings: the principals' part second
     ["（一）完善制度"], "二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、存在的短板"),
])
def test_a_report_that_never_wrote_its_first_parts_heading_keeps_the_parts_after_it(opening, subs, part_two,
                                                                                       part_three):
    # The opening runs into the first part's （一）, and the author numbered only the later parts: without an
    # untitled first part, 二、 and 三、 were body lines, and the shortcomings and plans were lost.
    body = "\n".join(f"{sub}\n全年召开会议4次。" for sub in subs)
    text = f"{opening}\n{body}\n{part_two}\n一是学法不深；二是力量不足。\n{part_three}\n加强培训。\n\n青龙镇人民政府\n2024年1月10日"
    s = split_sections(text)
    parts = s[s["level"] == 1]
    assert parts["heading"].tolist() == ["", part_two, part_three]
    assert s.loc[s["level"] == 2, "heading"].tolist() == subs
    assert parts["section_type"].tolist()[0] == "measures"
    assert parts["section_type"].tolist()[1:] == [classify_heading(part_two), classify_heading(part_three)]
    assert partial_reasons(text, s) == []
    if classify_heading(part_two) == "shortcomings":
        assert shortcoming_items(s)["text"].str.rstrip("；。").tolist() == ["学法不深", "力量不足"]


@pytest.mark.parametrize("text", [
    # the sub-headings are the parts themselves: （三） names the problems, a later 二、 is a body line
    "2023年，我镇推进依法行政。\n（一）主要举措\n甲。\n（二）存在问题\n乙。\n二、下一步工作打算\n丙。",
    # 二、 names no part
    "2023年，我镇推进依法行政。\n（一）强化组织领导\n甲。\n二、组织干部参加旁听庭审活动\n乙。",
    # no opening above the first sub-heading: a copy that begins inside its first part, not an unwritten one
    "（一）强化组织领导\n甲乙\n二、存在的问题\n乙。",
])
def test_an_unwritten_first_part_is_otherwise_not_supposed(text):
    assert "" not in split_sections(text).loc[lambda s: s["level"] > 0, "heading"].tolist()


@pytest.mark.parametrize(("one", "two", "three"), [("一：", "二：", "三："), ("一:", "二:", "三:"), ("1：", "2：", "3：")])
def test_parts_numbered_with_a_colon_after_their_numeral(one, two, three):
    # 一：主要举措和成效 typed with a colon: only the first part was found (as a line naming a part), and the
    # shortcomings and plans were body text
    text = (f"2024年，我街道全面推进依法行政，现报告如下。\n{one}主要举措和成效\n全年审查合同18份。\n"
            f"{two}存在的不足\n一是队伍不强；二是宣传不够。\n{three}2025年工作安排\n强化培训。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert len(shortcoming_items(s)) == 2


@pytest.mark.parametrize("line", ["1:30召开镇党委会议。", "二：三季度完成。"])
def test_a_time_or_a_run_of_numbers_after_a_colon_is_no_heading(line):
    assert not split_sections(f"2024年，我镇推进依法行政。\n{line}\n甲。")["level"].gt(0).any()


@pytest.mark.parametrize(("parts", "sub"), [
    (("1、", "2、", "3、"), ("（一）", "（二）")),  # parts numbered 1、 with （一） below (a style that ranks above 1、)
    (("(1)", "(2)", "(3)"), ("1.", "2.")),  # parts numbered (1) with 1. below
    (("1、", "2、", "3、"), ("1.", "2.")),  # parts numbered in the style of their own sub-headings, under each part
])
def test_parts_numbered_in_a_sub_heading_style_keep_their_sub_headings_below_them(parts, sub):
    # A heading that names a statutory part is a part whatever its numbering: a style first seen below it
    # nests, even one that usually ranks above it (（一） under 1、). Before, the sub-headings were parts' siblings,
    # and a 1. list under 2、存在的问题 was body text whose 2. became a part of its own.
    text = (f"2024年，我镇扎实推进依法行政，现报告如下。\n{parts[0]}主要举措和成效\n{sub[0]}强化学法。召开会议4次。\n"
            f"{sub[1]}规范执法。检查12次。\n{parts[1]}存在的问题\n{sub[0]}普法针对性不强。\n{sub[1]}执法人员不足。\n"
            f"{parts[2]}下一步工作打算\n{sub[0]}加强培训。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert s.loc[s["level"] == 2, "heading"].str[len(sub[0]):].tolist() == ["强化学法", "规范执法", "普法针对性不强",
                                                                          "执法人员不足", "加强培训"]
    assert shortcoming_items(s)["text"].tolist() == ["普法针对性不强。", "执法人员不足。"]


def test_a_top_level_list_that_names_no_part_still_takes_a_higher_style_as_its_sibling():
    # 1、 headings that name no part are no parts: a （一） after them is not nested under them
    text = "2024年，我镇推进依法行政。\n1、强化学法\n甲。\n（一）规范执法\n乙。"
    assert split_sections(text)["level"].tolist() == [0, 1, 1]


def test_a_joint_shuzhi_report_types_its_duties_part_as_the_work_and_its_integrity_part_as_other():
    # round 53: a joint 述职述责述廉述法 report; with a part of its own for the principal's rule-of-law duties,
    # 一、履职情况 is the work done, and a part on party discipline and integrity is neither
    text = ("2024年，本人认真履职。\n一、履职情况\n（一）抓产业发展\n甲。\n二、履行推进法治建设第一责任人职责情况（述法）\n乙。\n"
            "三、落实党风廉政建设责任制和廉洁自律情况\n丙。\n四、存在的问题\n丁。\n五、下一步打算\n戊。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "leadership", "other", "shortcomings", "plans"]
    assert s.loc[s["level"] == 2, "section_type"].tolist() == ["measures"]
    # alone, a part on the duty as such is still the principal's account (a 述法 report)
    alone = split_sections("2024年，本人认真履职。\n一、履职情况\n甲。\n二、存在的问题\n乙。")
    assert alone.loc[alone["level"] == 1, "section_type"].tolist() == ["leadership", "shortcomings"]


def test_an_interviews_questions_stand_for_its_parts():
    # round 55: an interview (记者：… 镇长：…) had no heading, so no shortcomings; the reporter's questions ask for the parts
    text = ("编者按：近日，记者就法治政府建设采访了镇长。\n记者：今年镇里推进法治政府建设有哪些主要做法和成效？\n"
            "镇长：我们审查合同18份，开展普法活动24场。\n记者：您觉得还存在哪些问题？\n镇长：一是执法力量不足；二是宣传不够。\n"
            "记者：明年有什么打算？\n镇长：加强培训。\n记者：感谢您接受采访！")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert s.loc[s["level"] == 1, "heading"].tolist()[1] == "记者：您觉得还存在哪些问题"
    assert len(shortcoming_items(s)) == 2


@pytest.mark.parametrize("label", ["问题{}：", "问{}：", "{}问：", "第{}问："])
@pytest.mark.parametrize("numbers", ["一二三四", "1234"])
def test_a_numbered_question_and_answer_reports_questions_stand_for_its_parts(label, numbers):
    # round 57: a report published as numbered questions and answers (问题一：…？ 答：…) had no heading, so no
    # shortcomings; a numbered question asking for a part opens it as an interviewer's does, and its label's
    # 问题 names no problem (问题二：…第一责任人职责… is the principals' part, not the shortcomings)
    asked = ["本年度我乡法治政府建设做了哪些工作、有何成效？", "乡党委书记、乡长怎样履行法治建设第一责任人职责？",
             "目前还有哪些短板？", "明年有什么计划？"]
    answers = ["答：审查合同18份，开展普法活动24场。", "答：亲自部署。", "答：一是执法力量不足；二是宣传不够。", "答：加强培训。"]
    lines = ["为方便群众了解，现以问答形式公布如下。"]
    for n, question, answer in zip(numbers, asked, answers):
        lines += [label.format(n) + question, answer]
    s = split_sections("\n".join(lines))
    assert s.loc[s["level"] == 1, "section_type"].tolist() == ["measures", "leadership", "shortcomings", "plans"]
    assert s.loc[s["level"] == 1, "heading"].tolist()[2] == label.format(numbers[2]) + "目前还有哪些短板"
    assert len(shortcoming_items(s)) == 2


def _top_types(text: str) -> list[str]:
    sections = split_sections(text)
    return sections[sections["parent_section_no"].isna() & (sections["section_no"] != "0")]["section_type"].tolist()


@pytest.mark.parametrize(("headings", "types"), [
    # written round 60: parts in an office's own words
    (("一、年度工作情况", "二、镇党委书记、镇长履职", "三、存在的问题", "四、明年打算"),
     ["measures", "leadership", "shortcomings", "plans"]),  # the principals named by their posts
    (("1.主要工作", "2.街道党工委书记履职情况", "3.存在问题", "4.工作打算"), ["measures", "leadership", "shortcomings", "plans"]),
    (("一、笃行实干，护航发展", "二、以上率下，压实责任", "三、正视不足", "四、踔厉奋发，续写新篇"),
     ["measures", "leadership", "shortcomings", "plans"]),  # a slogan after the faults is what follows them
    (("一、回顾总结", "二、检视问题", "三、接续奋进"), ["measures", "shortcomings", "plans"]),
    (("一、主要举措", "二、存在问题", "三、下一步打算", "四、聚力攻坚，再创佳绩"),
     ["measures", "shortcomings", "plans", "other"]),  # after the plans, unmapped stays other
])
def test_split_sections__parts_in_an_office_s_own_words(headings, types):
    text = "\n".join(f"{heading}\n正文一句。" for heading in headings)
    assert _top_types(text) == types


def test_split_sections__what_is_to_be_done_inside_the_shortcomings_part_then_a_slogan():
    # written round 60 (古陶镇): 二、对照检视 → （一）存在的不足 （二）整改方向, then 三、接续奋进 (the plans)
    text = ("一、回顾总结\n开展活动。\n二、对照检视\n（一）存在的不足\n一是宣传不够。二是调解不力。\n（二）整改方向\n逐项整改。\n"
            "三、接续奋进\n（一）总体思路\n甲。\n（二）重点工作推进不平衡的原因\n乙。")
    sections = split_sections(text).set_index("heading")
    assert sections.loc["（二）整改方向", "section_type"] == "plans"
    assert sections.loc["三、接续奋进", "section_type"] == "plans"
    assert shortcoming_items(split_sections(text).assign(doc_id="d"))["text"].tolist() == ["宣传不够。", "调解不力。"]


def test_split_sections__last_year_s_problems_put_right_inside_the_shortcomings_part():
    # written round 60 (渤海镇): 四、存在的问题及整改情况 opens with （一）上年度问题整改情况, whose 一是… restate
    # last year's problems; this year's are the items
    text = ("一、主要举措\n开展活动12场。\n二、存在的问题及整改情况\n（一）上年度问题整改情况\n一是执法人员不足的问题已补齐。"
            "二是普法形式单一的问题已改进。\n（二）本年度存在的问题\n一是村级调解力量薄弱。二是干部学法不够经常。\n三、下一步打算\n加强学习。")
    sections = split_sections(text).assign(doc_id="d")
    assert sections.set_index("heading").loc["（一）上年度问题整改情况", "section_type"] == "other"
    assert shortcoming_items(sections)["text"].tolist() == ["村级调解力量薄弱。", "干部学法不够经常。"]


@pytest.mark.parametrize(("text", "types"), [
    # batch zn (real pages): a part whose heading ends in carrying out the government's rule-of-law duty is the
    # part on that duty, as the development set's annotators typed it five times in six
    ("一、坚持高位推动，全面履行推进法治政府建设工作职责\n（一）健全领导机制\n甲。\n二、存在的问题\n乙。",
     ["leadership", "leadership", "shortcomings"]),
    ("一、深入学习习近平法治思想，肩负法治政府建设职责\n甲。\n二、下一步工作打算\n乙。", ["leadership", "plans"]),
    # only as a part: inside the work part the same words are one of its measures
    ("一、主要举措和成效\n（一）加强领导，严格落实法治政府建设职责\n甲。\n二、存在的问题\n乙。",
     ["measures", "measures", "shortcomings"]),
    # the first duty said short (履行第一职责) is the principal's, inside the work part too
    ("一、主要举措和成效\n（一）严格履行第一职责\n甲。\n（二）深化普法\n乙。",
     ["measures", "leadership", "measures"]),
])
def test_split_sections__the_part_on_the_government_s_duty_and_the_first_duty_said_short(text, types):
    assert split_sections(text)["section_type"].tolist() == types


def test_split_sections__a_reading_above_the_report_heads_none_of_its_parts():
    # written round 73: a 解读 published above the report, with its own 一、…三、, then the report's title and parts
    text = ("青山镇2023年度法治建设报告图文解读\n一、起草背景\n按规定向社会公开。\n二、主要内容\n报告共三部分。\n三、解读单位\n镇司法所\n"
            "附：报告全文\n青山镇2023年度法治建设报告\n2023年，青山镇扎实推进法治建设。\n一、工作成效\n审查合同64份。\n"
            "二、主要负责人履行推进法治建设第一责任人职责情况\n专题研究4次。\n三、存在的不足\n一是执法力量不足。\n"
            "四、下一步打算\n继续推进。\n")
    sections = split_sections(text)
    parts = sections[sections["level"] == 1]
    assert [h[:4] for h in parts["heading"]] == ["一、工作", "二、主要", "三、存在", "四、下一"]
    assert parts["section_type"].tolist() == ["measures", "leadership", "shortcomings", "plans"]


def test_split_sections__a_reading_above_the_report_stays_the_text_of_its_rows():
    # the companion is blanked only while headings are found: every row's text is still text[start:end]
    text = ("政策解读\n一、报告的主要内容\n报告总结了全年工作。\n二、主要数据\n全年调解纠纷94件。\n\n"
            "青山镇2024年法治政府建设年度报告\n一、主要工作成效\n全年调解纠纷94件。\n二、存在的不足\n一是宣传不够。\n")
    table = split_sections(text, doc_id="d")
    assert all(row.text == text[row.start:row.end] for row in table.itertuples())
    assert table.loc[table["level"] == 1, "heading"].tolist() == ["一、主要工作成效", "二、存在的不足"]


# Written round 79 (part headings as 2025–2026 reports write them).
def test_split_sections__a_numbered_part_heading_inside_lenticular_brackets_is_a_part():
    # 【一、…】 the whole heading in brackets, wording no rule names: the parts by their numbers, typed by place
    text = ("2025年，我乡坚持依法行政。现将情况报告如下。\n【一、守正创新　夯实法治根基】\n（一）强化学法。学法8次。\n"
            "【二、党政主要负责人履职情况】\n甲。\n【三、存在的问题】\n一是力量不足。\n【四、乘势而上　开启新征程】\n（一）抓培训。")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, ["heading", "section_type"]].values.tolist() == [
        ["【一、守正创新　夯实法治根基】", "measures"], ["【二、党政主要负责人履职情况】", "leadership"],
        ["【三、存在的问题】", "shortcomings"], ["【四、乘势而上　开启新征程】", "plans"]]


def test_split_sections__a_bullet_the_named_parts_share_marks_the_parts_their_words_do_not_name():
    # ◆扛起… and ◆查摆… name their parts; ◆守牢… and ◆踔厉… do not, but carry the same mark, so they are parts too
    text = ("2024年，我街道坚持依法行政。现将有关情况报告如下。\n◆守牢“两条底线”，护航高质量发展\n1.严格执法。查处案件9件。\n"
            "◆党政主要负责人履行第一责任人职责情况\n书记带头学法。\n◆查摆问题不足\n1.执法力量薄弱。\n2.宣传不够深入。\n"
            "◆踔厉奋发，续写新篇\n1.加强培训。\n★一个不同的标记\n")
    s = split_sections(text)
    assert s.loc[s["level"] == 1, ["heading", "section_type"]].values.tolist() == [
        ["◆守牢“两条底线”，护航高质量发展", "measures"], ["◆党政主要负责人履行第一责任人职责情况", "leadership"],
        ["◆查摆问题不足", "shortcomings"], ["◆踔厉奋发，续写新篇", "plans"]]


def test_split_sections__a_card_summarys_numbered_lines_are_its_parts():
    # round 81: 一图读懂 cards number their parts 01 … 04 and hold no opening sentence; lines that end in a
    # figure and bulleted points are no parts
    cards = ("一图看懂｜团结乡2022年法治政府建设年度报告\n01　法治建设主要成效\n镇党委会研究重大事项　12项\n"
             "02　主要负责人履职情况\n主要负责人带头讲法治课　3次\n03　存在的问题\n●村级调解队伍老化\n●普法阵地利用率不高\n"
             "04　下一步工作打算\n●加强调解员培训\n")
    sections = split_sections(cards)
    parts = sections[sections["level"] == 1]
    assert [t for t in parts["section_type"]] == ["measures", "leadership", "shortcomings", "plans"]
    assert not any("3次" in h or h.startswith("●") for h in parts["heading"])


def test_split_sections__a_news_items_excerpt_opens_at_the_part_it_quotes():
    # round 81: a news item's lead-in, then the report's part 二 (not a closing part) and the rest
    news = ("记者了解到，该镇全年办理案件30件。下面是报告节选：\n二、主要负责人履行推进法治建设第一责任人职责情况\n"
            "镇长带头讲法治课2次。\n三、存在的问题\n（一）执法力量不足。\n四、下一步工作安排\n（一）加强培训。")
    sections = split_sections(news)
    assert sections["heading"].str.startswith("二、主要负责人").any()
    assert "no opening part" in partial_reasons(news, sections)


@pytest.mark.parametrize("last", [
    # batch zy (沙面街道): a numbered paragraph with no heading phrase, whose first sentence the copy cut after a comma
    "2.落实《某某市法治建设规划（2021—2025年）》《某某市法治社会建设实施纲要（2021—2025年）》及年度工作要点，"
    "制定年度依法治镇工作要点，细分并明确各办公室职责清单，始终坚持把法治建设与中心工作同谋划、同部署，",
    "（二）对照《法治政府建设实施纲要（2021—2025年）》《法治社会建设实施纲要（2020—2025年）》逐项梳理任务清单，明确责任",
])
def test_split_sections__a_run_in_heading_whose_clause_the_copy_cut_is_dropped(last):
    text = f"一、主要举措\n（一）加强领导\n1.健全机制。成立领导小组。\n{last}"
    assert headings(split_sections(text)) == ["一、主要举措", "（一）加强领导", "1.健全机制"]


@pytest.mark.parametrize("last, kept", [
    ("2.强化监督。严格落实“三重一大”制度，", "2.强化监督"),  # the heading closed with 。, its body cut: kept
    ("2.强化监督\n严格落实“三重一大”制度，", "2.强化监督"),  # on a line of its own, its body cut below it
])
def test_split_sections__a_whole_run_in_heading_before_a_cut_body_is_kept(last, kept):
    text = f"一、主要举措\n（一）加强领导\n1.健全机制。成立领导小组。\n{last}"
    assert headings(split_sections(text))[-1] == kept


# Section-type review of the development set (batch st): a learning clause first (学思践悟习近平法治思想，…) only
# frames a heading whose clause of its own names the principal's duty; a list of the part's topics (…等情况)
# still goes by its first. Other wordings than the pages that showed it (e007, e011).
@pytest.mark.parametrize("heading", [
    "（一）深学笃用习近平法治思想，切实履行法治建设第一责任人职责",
    "一、学深悟透习近平法治思想，扛牢推进法治建设第一责任",
    "（二）坚持以习近平法治思想为指引，党政主要负责人带头推进法治政府建设",
    "2.学习宣传贯彻习近平法治思想，严格履行第一职责",
    "一、深入学习贯彻党的二十大精神和习近平法治思想，压紧压实主要负责人履职责任",
])
def test_classify_heading__a_learning_clause_before_the_principals_duty_is_the_duty_s(heading):
    assert classify_heading(heading) == "leadership"


@pytest.mark.parametrize("heading", [
    # guards: the topics of the part listed, learning first (the development set's measures, a045–a050)
    "（一）深入学习贯彻习近平法治思想、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设等情况",
    "（一）深入学习贯彻习近平法治思想，党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设等有关情况",
    # a learning heading whose other clause names no duty of the principal
    "（一）深入学习贯彻习近平法治思想，以“头雁领航”带动“群雁齐飞”，领导干部学法用法素养全面提升",
    "（一）学思践悟习近平法治思想，提升依法行政能力",
])
def test_classify_heading__a_learning_heading_stays_measures(heading):
    assert classify_heading(heading) == "measures"


@pytest.mark.parametrize(("text", "types"), [
    # the part and its sub-headings are the principal's; inside the work part, a sub-heading of that shape too
    ("一、学习贯彻习近平法治思想，落实党政主要负责人履行推进法治建设第一责任人职责制度\n（一）健全领导小组\n甲。\n"
     "二、存在的不足\n乙。", ["leadership", "leadership", "shortcomings"]),
    ("一、主要举措和成效\n（一）学深悟透习近平法治思想，履行法治建设第一责任人职责\n甲。\n（二）深化普法宣传\n乙。",
     ["measures", "leadership", "measures"]),
    # guard: the learning sub-heading with no duty of its own stays with its part
    ("一、主要举措和成效\n（一）学深悟透习近平法治思想，筑牢法治建设思想根基\n甲。\n（二）深化普法宣传\n乙。",
     ["measures", "measures", "measures"]),
])
def test_split_sections__a_learning_clause_before_the_principals_duty(text, types):
    assert split_sections(text)["section_type"].tolist() == types


@pytest.mark.parametrize("text, expected", [
    # b008 and z704 of the development set: a sub-heading's number glued to its verb, its mark lost in typing
    ("一、主要举措\n（一）依法履职\n1、深化学习，筑牢根基。学法6次。\n2优化普法阵地，推动八五普法。建成法治广场1个。",
     ["一、主要举措", "（一）依法履职", "1、深化学习，筑牢根基", "2优化普法阵地，推动八五普法"]),
    ("一、主要举措\n（一）统筹推进\n1积极开展示范创建。申报示范村2个。\n2.健全工作机制。",
     ["一、主要举措", "（一）统筹推进", "1积极开展示范创建", "2.健全工作机制"]),
    # a later number after an earlier one of its list, one skipped
    ("一、主要举措\n（一）队伍建设\n1.配齐人员。配备专职人员2名。\n3加强培训，全年培训干部。",
     ["一、主要举措", "（一）队伍建设", "1.配齐人员", "3加强培训，全年培训干部"]),
    # a number glued to a unit on a wrapped line is body text
    ("一、主要举措\n（一）队伍建设\n配备\n1名专职法治工作人员。", ["一、主要举措", "（一）队伍建设"]),
    # nor is a list's first bare number that does not stand right under a heading
    ("一、主要举措\n（一）队伍建设\n全年培训干部40人次。\n1加强培训，提升能力。", ["一、主要举措", "（一）队伍建设"]),
])
def test_split_sections__a_number_glued_to_a_headings_verb_is_a_sub_heading_in_its_list(text, expected):
    assert headings(split_sections(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a023, z109 and zd01 of the development set: a site's markup ate the （二 or （一 before a sub-heading's )
    ("一、主要举措和成效\n（一）加强组织领导，完善机制\n成立领导小组。\n)落实政务公开，优化决策流程\n主动公开信息120条。\n"
     "（三）强化执法监督\n开展案卷评查。",
     ["一、主要举措和成效", "（一）加强组织领导，完善机制", ")落实政务公开，优化决策流程", "（三）强化执法监督"]),
    ("一、工作完成情况\n）切实加强组织领导，扎实推进法治建设。一是健全机制。\n（二）严格规范执法\n二、存在的问题\n一是力量不足。",
     ["一、工作完成情况", "）切实加强组织领导，扎实推进法治建设", "（二）严格规范执法", "二、存在的问题"]),
    # a bracket that closes a wrapped line's parenthesis is body text
    ("一、主要举措\n（一）健全制度\n制定《某某镇法治政府建设实施方案（2021—2025年\n）》等文件，\n）等多项制度。",
     ["一、主要举措", "（一）健全制度"]),
])
def test_split_sections__a_sub_heading_that_lost_its_number_before_its_bracket_is_the_next_of_its_list(text, expected):
    assert headings(split_sections(text)) == expected


APPENDED_STATEMENT = ("某镇2023年度法治政府建设工作报告\n一、主要举措和成效\n召开会议4次。\n二、存在的问题\n一是干部学法不够。\n"
                      "三、2024年工作安排\n开展普法活动不少于30场次。\n\n某县某镇人民政府\n2024年1月22日\n\n{label}\n"
                      "　　2023年，本人主持党委会研究法治工作5次，接待来访群众28人次。\n述法人：某镇党委书记　某某\n2024年1月15日\n")


@pytest.mark.parametrize("label", ["附：\n中共某县某镇委员会书记2023年度述法报告", "附件2：某镇党委书记2023年度述职述法报告",
                                   "某镇党委书记2023年度述法报告"])
def test_split_sections__a_principal_s_statement_appended_after_the_signature_is_a_part_of_its_own(label):
    # round 111: a party secretary's 述法 report appended after the town's signed report is the principal's
    # account (leadership), not more of the plans part above it (whose figures are targets)
    sections = split_sections(APPENDED_STATEMENT.format(label=label))
    parts = sections[sections["level"] == 1]
    assert parts["section_type"].tolist() == ["measures", "shortcomings", "plans", "leadership"]
    assert "28人次" in parts["text"].iloc[-1] and "28人次" not in parts["text"].iloc[-2]


def test_split_sections__an_attachment_list_or_a_statement_s_own_title_opens_no_appended_part():
    # an attachment list after the signature names no 述法 report; a 述法 report's own title above its text,
    # before any signed date, stays its title
    text = APPENDED_STATEMENT.format(label="附件：1.某镇2023年度普法工作台账")
    assert split_sections(text)[lambda s: s["level"] == 1]["section_type"].tolist() == ["measures", "shortcomings", "plans"]
    own = ("某镇党委书记2023年度述法报告\n　　2023年，本人认真履行第一责任人职责。\n一、履行第一责任人职责情况\n主持会议5次。\n"
           "二、存在的不足\n一是学法不系统。\n\n述法人：某某\n2024年1月15日\n")
    assert split_sections(own)[lambda s: s["level"] == 1]["section_type"].tolist() == ["leadership", "shortcomings"]
