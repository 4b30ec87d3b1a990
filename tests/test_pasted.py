"""Tests for reportkit.pasted: a page's markup or a spreadsheet's CSV export pasted as a report's text."""
from __future__ import annotations

import pytest

from reportkit.normalize import normalize_text
from reportkit.partial import partial_reasons
from reportkit.pasted import from_csv_export, from_markup_fragment, from_two_column_form
from reportkit.sections import split_sections
from reportkit.shortcomings import shortcoming_items

from .realworld.saved import flattened


def test_markup_pasted_as_text_is_read_as_its_words():
    # round 53: a page's source copied into a .txt (&nbsp; indents, <br> line ends, <strong> parts) lost every part
    text = ("云台镇2024年法治政府建设情况<br>\n&nbsp;&nbsp;2024年，云台镇扎实推进依法行政。<br>\n"
            "&nbsp;&nbsp;<strong>一、主要举措和成效</strong><br>\n&nbsp;&nbsp;开展&ldquo;宪法宣传周&rdquo;活动12场。<br>\n"
            "<p>二、存在的不足</p><p>一是普法形式单一；二是执法力量不足。</p>\n<div>三、下一步工作打算</div>加强培训。")
    plain = normalize_text(text)
    assert "<" not in plain and "&" not in plain and "“宪法宣传周”" in plain
    sections = split_sections(plain)
    assert sections.loc[sections["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert len(shortcoming_items(sections)) == 2


@pytest.mark.parametrize("text", [
    "一、主要举措\n开展<b>重点</b>普法活动，A&amp;B两类企业全覆盖。\n二、存在的问题\n宣传不够。",  # a quoted tag or two
    "合格率<95%的村3个，>90%的村12个。",  # comparison signs, no tag
])
def test_a_report_with_a_stray_tag_or_sign_is_left_as_it_is(text):
    assert from_markup_fragment(text) == text


CSV = '''"填报单位","桐乡市河山镇人民政府","",""
"栏目","内容","",""
"总体情况","2023年，河山镇扎实推进法治政府建设。现将有关情况报告如下。","",""
"一、主要举措和成效","（一）推进依法决策。法律顾问审查合同36份。","",""
"","（二）规范执法。开展检查112次。","",""
"序号","指标","单位","数量"
"1","调解矛盾纠纷","件","1,208"
"二、存在的不足","一是执法人员不足；二是宣传不够深入。","",""
"三、2024年工作打算","加强执法队伍建设。","",""
"填报人","党政办","联系电话","0573-8888××××"'''


@pytest.mark.parametrize("form", ["lines", "flat"])
def test_a_report_template_saved_as_csv_is_read_as_its_cells(form):
    # round 53: a template filled in Excel and saved as CSV: the parts' headings sat inside quoted cells
    text = normalize_text(CSV if form == "lines" else flattened(CSV))
    assert "一、主要举措和成效\n（一）推进依法决策" in text
    assert "| 1 | 调解矛盾纠纷 | 件 | 1,208 |" in text  # a table's row, read by the table reader
    sections = split_sections(text)
    assert sections.loc[sections["level"] == 1, "section_type"].tolist() == ["measures", "shortcomings", "plans"]
    assert len(shortcoming_items(sections)) == 2
    assert partial_reasons(text, sections) == []  # its last line, the 填报人 row, is no sentence cut off


@pytest.mark.parametrize("text", [
    '他说："好","我们马上办"。\n一、主要举措\n甲。',  # one quoted line among sentences
    '"一","二"\n三',  # too few lines to be an export
])
def test_text_with_a_few_quoted_cells_is_left_as_it_is(text):
    assert from_csv_export(text) == text


def test_a_copy_that_ends_mid_sentence_is_still_cut_off_after_the_table_rule():
    text = "一、主要举措\n开展检查12次。\n二、存在的问题\n一是执法力量不足，面对点多面广的执法任务，执法人员身兼数职的情况仍然比较"
    assert "cut off" in partial_reasons(text, split_sections(text))


FORM = """临安区镇（街道）2023年度法治政府建设情况报告
｜ 栏目 ｜ 填报内容 ｜
｜:---｜:---｜
｜ 填报单位 ｜ 杭州市临安区於潜镇人民政府 ｜
｜ 一、2023年度主要举措和成效 ｜ 2023年，於潜镇扎实推进依法行政。（一）推进依法决策。法律顾问审查合同36份。（二）规范执法。开展检查112次。 ｜
｜ 二、党政主要负责人履行第一责任人职责情况 ｜ 镇党委书记、镇长专题研究法治工作4次。 ｜
｜ 三、存在的不足和原因 ｜ 一是执法人员不足；二是普法宣传不够深入；三是政务公开不够及时。 ｜
｜ 四、2024年度工作打算 ｜ 加强执法队伍建设。 ｜
｜ 联系人 ｜ 党政办 王某 ｜"""


@pytest.mark.parametrize("form", ["lines", "flat"])
def test_a_template_laid_out_as_a_two_column_form_is_read_as_its_parts(form):
    # round 71: a county's template filled in as a two-column form (| 项目 | 内容 |), a part a row with its heading in
    # the first cell: its parts were not seen, so neither were its items
    text = normalize_text(FORM if form == "lines" else flattened(FORM))
    assert "一、2023年度主要举措和成效\n2023年，於潜镇" in text and "填报单位：杭州市临安区於潜镇人民政府" in text
    sections = split_sections(text)
    assert sections.loc[sections["level"] == 1, "section_type"].tolist() == ["measures", "leadership", "shortcomings", "plans"]
    assert len(shortcoming_items(sections)) == 3
    assert partial_reasons(text, sections) == []


@pytest.mark.parametrize("text", [
    "| 序号 | 指标 |\n| 一、 | 调解纠纷 |\n| 二、 | 普法活动 |",  # a table numbering its rows, no part's text beside them
    "| 项目 | 内容 |\n| 报告单位 | 某镇人民政府 |\n一、主要举措\n甲。",  # one form row of fields, its parts below
])
def test_a_table_that_is_no_two_column_form_of_parts_is_left_as_it_is(text):
    assert from_two_column_form(text) == text
