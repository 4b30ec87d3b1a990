"""Written reports typed as Word files with real tables (python-docx, Table Grid style), as offices type
them: a merged header of two rows over the figures, and a problem list (问题清单, 整改台账) of text cells in
the shortcomings part. A probe that made such files (docs/accuracy.md, "Real Word tables as PDFs") found
the Word reader read a merged header as two header rows (a 2023 column read as the change, the wrong
column's number the figure) and a problem list with its header row as an item and its measures and units
in every item.

A table is written row by row: a cell's text, "<" for a cell merged into the one on its left, "^" for
a cell merged into the one above.
"""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import reportkit as rk
from reportkit.config import Limits
from reportkit.figure_tables import table_figures
from reportkit.indicators import extract_indicators
from reportkit.normalize import normalize_text
from reportkit.readers import extract
from reportkit.sections import split_sections
from reportkit.shortcomings import shortcoming_items


def add_table(document, rows: list[list[str]]) -> None:
    """ROWS as a Word table in DOCUMENT, merged where a cell is "<" or "^"."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value not in ("<", "^"):
                table.cell(r, c).text = value
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value == "<":
                start = c
                while rows[r][start] == "<":
                    start -= 1
                table.cell(r, start).merge(table.cell(r, c))
            elif value == "^":
                top = r
                while rows[top][c] == "^":
                    top -= 1
                table.cell(top, c).merge(table.cell(r, c))


def report(town: str, figures: list[list[str]] | None = None, problems: list[list[str]] | None = None) -> bytes:
    """A short report of TOWN as a Word file: its figures table in the measures part, its problem table in
    the shortcomings part."""
    document = docx.Document()
    for line in [f"{town}2024年法治政府建设工作报告", f"2024年，{town}深入贯彻落实上级关于法治政府建设的部署要求，现将有关情况报告如下：",
                 "一、主要举措和成效", "（一）严格规范公正文明执法", "坚持严格规范公正文明执法，全年执法办案情况如下表："]:
        document.add_paragraph(line)
    if figures:
        add_table(document, figures)
    document.add_paragraph("（二）深入开展普法宣传")
    document.add_paragraph("组织开展送法下乡活动，营造良好法治氛围。")
    document.add_paragraph("二、存在的不足")
    if problems:
        document.add_paragraph("对照上级要求，我镇法治政府建设还存在一些问题，梳理如下：")
        add_table(document, problems)
    else:
        document.add_paragraph("一是执法力量较为薄弱。二是普法宣传形式较为单一。")
    for line in ["三、2025年工作打算", "一是加强法治学习。二是规范行政执法。"]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_text(data: bytes) -> str:
    return extract(data, ".docx", name="x.docx", limits=Limits()).text


def figures_of(data: bytes) -> list[tuple[float, str, bool]]:
    """(value, unit, a change?) of the table figures the normalised text of DATA gives."""
    return [(f.value, f.unit, f.change) for f in table_figures(normalize_text(read_text(data)), {"件", "%", "个百分点"})]


def items_of(data: bytes) -> list[str]:
    text = normalize_text(read_text(data))
    return shortcoming_items(split_sections(text).assign(doc_id="a"))["text"].tolist()


# ------------------------------------------------------------------ a merged header of two rows

_DATA = [["行政处罚案件", "件", "120", "9.1", "110"], ["调解矛盾纠纷", "件", "86", "-4.4", "90"]]
# the year over its count and its change, the other header cells merged down both rows
YEAR_OVER_COUNT = [["项目", "单位", "2024年", "<", "2023年"], ["^", "^", "数量", "同比（%）", "^"], *_DATA]
# the same header with its cells unmerged down (a name above, a blank cell below), as some offices type it
YEAR_OVER_COUNT_UNMERGED = [["项目", "单位", "2024年", "<", "2023年"], ["", "", "数量", "同比（%）", ""], *_DATA]
# … its names typed again below instead of merged down
YEAR_OVER_COUNT_TYPED_AGAIN = [["项目", "单位", "2024年", "<", "2023年"], ["项目", "单位", "数量", "同比（%）", "2023年"], *_DATA]
# the measure (and its unit) over the years
MEASURE_OVER_YEARS = [["指标", "办理数量（件）", "<", "同比（%）"], ["^", "2024年", "2023年", "^"],
                      ["行政处罚案件", "120", "110", "9.1"], ["调解矛盾纠纷", "86", "90", "-4.4"]]
# … with a 单位 column (read as two rows, the 2023 column stood under 同比 and was read as the change)
MEASURE_OVER_YEARS_UNITS = [["项目", "单位", "数量", "<", "同比（%）"], ["^", "^", "2024年", "2023年", "^"],
                            ["行政处罚案件", "件", "120", "110", "9.1"], ["调解矛盾纠纷", "件", "86", "90", "-4.4"]]
# each year over its count and its change: the 2023 change is last year's, no change of this year's
YEARS_WITH_CHANGES = [["序号", "指标名称", "单位", "2024年", "<", "2023年", "<"],
                      ["^", "^", "^", "完成数", "同比增减（%）", "完成数", "同比增减（%）"],
                      ["1", "行政处罚案件", "件", "120", "9.1", "110", "12.2"],
                      ["2", "调解矛盾纠纷", "件", "86", "-4.4", "90", "5.9"]]
# a caption merged across the table above the header
CAPTIONED = [["2024年执法办案情况统计表", "<", "<", "<", "<"], *YEAR_OVER_COUNT]
# three rows: the work over the years over each year's count and change
THREE_ROWS = [["项目", "单位", "执法办案", "<", "<", "<"], ["^", "^", "2024年", "<", "2023年", "<"],
              ["^", "^", "数量", "同比（%）", "数量", "同比（%）"],
              ["行政处罚案件", "件", "120", "9.1", "110", "12.2"], ["调解矛盾纠纷", "件", "86", "-4.4", "90", "5.9"]]

_COUNTS_AND_CHANGES = [(120.0, "件", False), (9.1, "%", True), (86.0, "件", False), (-4.4, "%", True)]


@pytest.mark.parametrize(("rows", "header"), [
    (YEAR_OVER_COUNT, "项目\t单位\t2024年 数量\t2024年 同比（%）\t2023年"),
    (YEAR_OVER_COUNT_UNMERGED, "项目\t单位\t2024年 数量\t2024年 同比（%）\t2023年"),
    (YEAR_OVER_COUNT_TYPED_AGAIN, "项目\t单位\t2024年 数量\t2024年 同比（%）\t2023年"),
    (MEASURE_OVER_YEARS, "指标\t办理数量（件） 2024年\t办理数量（件） 2023年\t同比（%）"),
    (YEARS_WITH_CHANGES, "序号\t指标名称\t单位\t2024年 完成数\t2024年 同比增减（%）\t2023年 完成数\t2023年 同比增减（%）"),
    (THREE_ROWS, "项目\t单位\t执法办案 2024年 数量\t执法办案 2024年 同比（%）\t执法办案 2023年 数量\t执法办案 2023年 同比（%）"),
    ([["指标", "数量", "<"], ["^", "2024年", "2023年"], ["行政处罚案件", "120", "110"]], "指标\t数量 2024年\t数量 2023年"),
], ids=["year-over-count", "unmerged-below", "typed-again", "measure-over-years", "years-with-changes", "three-rows",
        "bare-measure"])
def test_read_docx__a_merged_header_of_two_rows_is_one_row_naming_each_column(rows, header):
    lines = read_text(report("东坝镇", figures=rows)).split("\n")
    at = lines.index(header)
    assert lines[at + 1].startswith(("行政处罚案件\t", "1\t行政处罚案件\t"))  # the data rows follow, a row a line
    assert len(lines[at + 1].split("\t")) == len(header.split("\t"))


@pytest.mark.parametrize(("rows", "figures"), [
    (YEAR_OVER_COUNT, _COUNTS_AND_CHANGES),
    (YEAR_OVER_COUNT_UNMERGED, _COUNTS_AND_CHANGES),
    (MEASURE_OVER_YEARS, _COUNTS_AND_CHANGES),
    (MEASURE_OVER_YEARS_UNITS, _COUNTS_AND_CHANGES),  # not 110 and 90 as the changes
    (YEARS_WITH_CHANGES, _COUNTS_AND_CHANGES),  # not 110, 12.2, 90, 5.9: last year's count and change
    (CAPTIONED, _COUNTS_AND_CHANGES),
    (THREE_ROWS, _COUNTS_AND_CHANGES),
], ids=["year-over-count", "unmerged-below", "measure-over-years", "measure-over-years-units", "years-with-changes",
        "captioned", "three-rows"])
def test_table_figures__a_word_table_s_merged_header_gives_the_year_s_figure_and_its_change(rows, figures):
    assert figures_of(report("东坝镇", figures=rows)) == figures


def test_read_docx__a_caption_merged_across_the_table_stays_a_line_of_its_own():
    lines = read_text(report("东坝镇", figures=CAPTIONED)).split("\n")
    assert lines[lines.index("2024年执法办案情况统计表") + 1] == "项目\t单位\t2024年 数量\t2024年 同比（%）\t2023年"


def test_read_docx__a_one_row_header_and_merged_data_cells_read_as_before():
    one_row = [["项目", "单位", "2024年", "2023年"], ["行政处罚案件", "件", "120", "110"], ["调解矛盾纠纷", "件", "86", "86"]]
    lines = read_text(report("东坝镇", figures=one_row)).split("\n")
    assert "项目\t单位\t2024年\t2023年" in lines
    assert "调解矛盾纠纷\t件\t86\t86" in lines  # two cells of the same text are two cells (no merge)
    numbered = [["序号", "指标", "单位", "2024年"], ["1", "持证执法人员", "名", "3"], ["2", "普法经费", "万元", "2"]]
    assert "2\t普法经费\t万元\t2" in read_text(report("东坝镇", figures=numbered)).split("\n")  # its 2 was lost
    # a header cell over two columns with the figures under it (no second header row) is no header of two rows
    spanned = [["项目", "2024年", "<", "2023年"], ["行政处罚案件", "120", "件", "110"], ["调解矛盾纠纷", "86", "件", "90"]]
    lines = read_text(report("东坝镇", figures=spanned)).split("\n")
    assert "项目\t2024年\t2023年" in lines and "行政处罚案件\t120\t件\t110" in lines
    # a unit cell merged down the data rows stands in each row
    merged_unit = [["项目", "单位", "2024年"], ["行政处罚案件", "件", "120"], ["调解矛盾纠纷", "^", "86"]]
    assert "调解矛盾纠纷\t件\t86" in read_text(report("东坝镇", figures=merged_unit)).split("\n")


def test_table_figures__a_change_column_of_an_earlier_year_is_last_year_s_change():
    text = ("| 指标 | 单位 | 2024年 数量 | 2024年 同比（%） | 2023年 数量 | 2023年 同比（%） |\n"
            "| 行政处罚案件 | 件 | 120 | 9.1 | 110 | 12.2 |")
    assert [(f.value, f.unit, f.change) for f in table_figures(text, {"件", "%"})] == [(120.0, "件", False),
                                                                                       (9.1, "%", True)]


@pytest.mark.parametrize("header, rows, want", [
    # round 89: a change column whose header names no unit (增减, 比上年) holding the year's figure less last year's
    # is a change in the row's own unit (+6 件), not a rate; a rate's row stays in points
    ("| 项目 | 单位 | 2022年 | 2021年 | 比上年 |", ["| 受理信访事项 | 件 | 42 | 51 | -9 |", "| 出庭应诉率 | % | 100 | 96 | +4 |"],
     [(42.0, "件", False), (-9.0, "件", True), (100.0, "%", False), (4.0, "个百分点", True)]),
    ("| 指标 | 2023年 | 2022年 | 增减量 |", ["| 执法检查（次） | 415 | 380 | 35 |"], [(415.0, "次", False), (35.0, "次", True)]),
    # guards: a change that is no difference of the two years is a rate, as is one under a header naming %
    ("| 项目 | 单位 | 2022年 | 2021年 | 增减 |", ["| 受理信访事项 | 件 | 42 | 51 | -17.6 |"],
     [(42.0, "件", False), (-17.6, "%", True)]),
    ("| 项目 | 单位 | 2022年 | 2021年 | 增减（%） |", ["| 调解纠纷 | 件 | 10 | 5 | 5 |"], [(10.0, "件", False), (5.0, "%", True)]),
])
def test_table_figures__a_change_column_that_is_the_difference_of_the_years_keeps_the_row_s_unit(header, rows, want):
    text = "\n".join([header, *rows])
    assert [(f.value, f.unit, f.change) for f in table_figures(text, {"件", "次", "%", "个百分点"})] == want


# ------------------------------------------------------------------ a problem list in the shortcomings part

_TWO_PROBLEMS = ["部分村干部法治意识淡薄。", "行政执法案卷制作不够规范。"]


@pytest.mark.parametrize(("rows", "items"), [
    # four columns: its number, the problem, the measure, the unit that answers for it
    ([["序号", "存在问题", "整改措施", "责任单位"], ["1", "部分村干部法治意识淡薄", "开展专题培训", "党政办"],
      ["2", "行政执法案卷制作不够规范", "开展案卷评查", "综合行政执法队"]], _TWO_PROBLEMS),
    # … the unit merged down both rows
    ([["序号", "存在问题", "整改措施", "责任单位"], ["1", "部分村干部法治意识淡薄", "开展专题培训", "党政办"],
      ["2", "行政执法案卷制作不够规范", "开展案卷评查", "^"]], _TWO_PROBLEMS),
    # three columns, no number: the shortcoming, the measure, the deadline
    ([["存在的不足", "整改措施", "完成时限"], ["普法宣传形式较为单一", "运用新媒体开展普法", "2025年6月底前"],
      ["法律顾问作用发挥不充分", "重大决策前听取法律顾问意见", "长期坚持"]],
     ["普法宣传形式较为单一。", "法律顾问作用发挥不充分。"]),
    # three columns: its number, the weak point, what will be done
    ([["序号", "短板弱项", "整改举措"], ["1", "部分村干部法治意识淡薄", "开展专题培训"],
      ["2", "行政执法案卷制作不够规范", "开展案卷评查"]], _TWO_PROBLEMS),
    # five columns: a category before the problem, the measure and the unit after it
    ([["序号", "问题类别", "具体问题", "整改措施", "牵头单位"],
      ["1", "依法决策", "重大行政决策合法性审查不够严格", "严格落实合法性审查", "党政办"],
      ["2", "普法宣传", "农村群众法治意识仍需增强", "开展送法下乡", "司法所"]],
     ["重大行政决策合法性审查不够严格。", "农村群众法治意识仍需增强。"]),
    # five columns: what shows the problem is its own words; the measure and the deadline are not
    ([["序号", "存在问题", "主要表现", "整改措施", "整改时限"],
      ["1", "执法队伍力量薄弱", "持证执法人员较少", "组织参加执法资格考试", "2025年底前"],
      ["2", "普法宣传针对性不强", "宣传内容与群众需求结合不够", "开展菜单式普法", "立行立改"]],
     ["执法队伍力量薄弱。持证执法人员较少。", "普法宣传针对性不强。宣传内容与群众需求结合不够。"]),
    # no header: numbered rows, the problem first, then the measure and the unit
    ([["1", "部分村干部法治意识淡薄", "开展专题培训", "党政办"], ["2", "行政执法案卷制作不够规范", "开展案卷评查", "综合行政执法队"],
      ["3", "普法宣传形式较为单一", "运用新媒体开展普法", "司法所"]], [*_TWO_PROBLEMS, "普法宣传形式较为单一。"]),
], ids=["four", "four-merged-unit", "three-no-number", "three", "five-category", "five-shown", "no-header"])
def test_shortcoming_items__a_word_problem_table_gives_each_row_s_problem(rows, items):
    assert items_of(report("西河镇", problems=rows)) == items


def test_shortcoming_items__a_doc_s_problem_table_gives_each_row_s_problem():
    # tests/fixtures/doc/word_tables.doc: 东坝镇's report with the four-column problem table (its unit merged
    # down), saved as .doc by LibreOffice (soffice --convert-to doc): the merged unit's place is empty there
    data = (Path(__file__).parent / "fixtures" / "doc" / "word_tables.doc").read_bytes()
    text = normalize_text(extract(data, ".doc", name="x.doc", limits=Limits()).text)
    assert shortcoming_items(split_sections(text).assign(doc_id="a"))["text"].tolist() == _TWO_PROBLEMS


def test_shortcoming_items__a_problem_table_naming_no_problem_column_gives_its_first_column():
    rows = [["整改事项", "整改措施", "责任单位"], ["部分村干部法治意识淡薄", "开展专题培训", "党政办"],
            ["行政执法案卷制作不够规范", "开展案卷评查", "综合行政执法队"]]
    assert items_of(report("西河镇", problems=rows)) == _TWO_PROBLEMS


@pytest.mark.parametrize("table", ["序号\t指标\t单位\t2024年\n1\t持证执法人员\t名\t3\n2\t普法经费\t万元\t2",
                                   "1\t持证执法人员\t名\t3\n2\t普法经费\t万元\t2"], ids=["header", "no-header"])
def test_shortcoming_items__a_table_of_figures_in_the_part_gives_no_items_of_its_own(table):
    text = normalize_text(f"二、存在的不足\n一是执法力量较为薄弱。\n二是普法宣传形式较为单一。\n{table}\n三、下步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="a"))["text"].tolist()
    assert len(items) == 2 and items[0] == "执法力量较为薄弱。"


def test_shortcoming_items__a_problem_list_typed_with_tabs_reads_as_the_word_table():
    # a Word table copied into a text file keeps its cells apart by tabs
    text = normalize_text("二、存在的不足\n对照要求，还存在以下问题：\n序号\t存在问题\t整改措施\t责任单位\n"
                          "1\t部分村干部法治意识淡薄\t开展专题培训\t党政办\n2\t行政执法案卷制作不够规范\t开展案卷评查\t综合行政执法队\n"
                          "三、下步打算\n加强学习。")
    assert shortcoming_items(split_sections(text).assign(doc_id="a"))["text"].tolist() == _TWO_PROBLEMS


# ------------------------------------------------------------------ tables aligned with spaces

# written round 83: a table typed with runs of spaces between its cells, each row's unit in its label's
# brackets, the year's column beside last year's (here with ASCII spaces and a 序号 column)
_SPACED_TABLE = ("序号    工作指标    2023年    2022年\n1    受理调解案件（件）    88    75\n"
                 "2    法治讲座（场）    12    9\n3    群众满意率（%）    96.5    95\n")
_SPACED_REPORT = ("一、主要做法和成效\n（一）完善工作台账。本年度主要数据如下：\n{table}（二）强化学法。镇领导班子坚持会前学法。\n"
                  "二、存在的问题\n一是调解员队伍老化。\n三、下步打算\n加强培训。\n")


@pytest.mark.parametrize("flat", [False, True], ids=["lines", "flat"])
def test_extract_indicators__a_table_aligned_with_spaces_gives_the_year_s_column_with_its_label_s_unit(flat):
    text = _SPACED_REPORT.format(table=_SPACED_TABLE)
    if flat:  # a copy that lost its line breaks: one space where each break was
        text = text.replace("\n", " ")
    text = normalize_text(text)
    found = extract_indicators(text, sections=split_sections(text))
    assert sorted(zip(found["value"], found["unit"])) == [(12.0, "场"), (88.0, "件"), (96.5, "%")]


@pytest.mark.parametrize("lines", [
    "　　全年开展普法活动12场。\n　　调解纠纷30件。\n　　办结率100%。\n",  # paragraphs indented, not cells
    "联系人：王某    电话：5512345    日期：2024年3月\n地址：镇政府    邮编：246000    传真：5512346\n"
    "备注：无    页码：2    份数：3\n",  # a form's label：value fields
])
def test_normalize_text__lines_aligned_with_spaces_that_are_no_table_stay_lines(lines):
    assert "|" not in normalize_text(lines)


# ------------------------------------------------------------------ built whole


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("word_tables") / "raw"
    raw.mkdir()
    reports = {"dongba": report("东坝镇", figures=YEAR_OVER_COUNT, problems=[
                   ["序号", "存在问题", "整改措施", "责任单位"], ["1", "部分村干部法治意识淡薄", "开展专题培训", "党政办"],
                   ["2", "行政执法案卷制作不够规范", "开展案卷评查", "综合行政执法队"]]),
               "xihe": report("西河镇", figures=MEASURE_OVER_YEARS, problems=[
                   ["存在的不足", "整改措施", "完成时限"], ["普法宣传形式较为单一", "运用新媒体开展普法", "2025年6月底前"],
                   ["法律顾问作用发挥不充分", "重大决策前听取法律顾问意见", "长期坚持"]]),
               "nanshan": report("南山镇", figures=YEARS_WITH_CHANGES)}
    for name, data in reports.items():
        (raw / f"{name}.docx").write_bytes(data)
    return rk.build(raw, manifest=None, out=None, cache_dir=None, jobs=1)


def test_build__word_tables_give_the_year_s_figures_and_each_problem_once(built):
    documents = built["documents"].set_index("file")
    assert documents.loc["dongba.docx", "town"] == "东坝镇" and documents.loc["xihe.docx", "town"] == "西河镇"
    assert set(documents["year"]) == {2024}
    sections = built["sections"]
    for doc_id in documents["doc_id"]:  # the tables' rows are no headings
        assert sections.loc[sections["doc_id"] == doc_id, "heading"].tolist() == [
            "", "一、主要举措和成效", "（一）严格规范公正文明执法", "（二）深入开展普法宣传", "二、存在的不足", "三、2025年工作打算"]
    shortcomings = built["shortcomings"].merge(built["documents"][["doc_id", "file"]])
    assert shortcomings.groupby("file")["text"].apply(list).to_dict() == {
        "dongba.docx": _TWO_PROBLEMS, "xihe.docx": ["普法宣传形式较为单一。", "法律顾问作用发挥不充分。"],
        "nanshan.docx": ["执法力量较为薄弱。", "普法宣传形式较为单一。"]}
    indicators = built["indicators"].merge(built["documents"][["doc_id", "file"]])
    for file in ("dongba.docx", "xihe.docx", "nanshan.docx"):
        mine = indicators[indicators["file"] == file]
        assert sorted(zip(mine["value"], mine["unit"])) == [(-4.4, "%"), (9.1, "%"), (86.0, "件"), (120.0, "件")], file
        assert set(mine["section_type"]) == {"measures"}
