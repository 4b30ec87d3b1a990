"""Printed lines back into paragraphs (reportkit.unwrap): PDFs and text copied out of them."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from reportkit.unwrap import Line, lines_of, paragraphs, unwrap_text

LEFT, RIGHT, SIZE = 80.0, 515.0, 16.0


def line(text: str, *, indent: float = 0.0, gap: float | None = None, size: float = SIZE, top: float = 0.0) -> Line:
    """A printed line of TEXT: INDENT characters in from the left edge, ending GAP characters short
    of the right edge (default: where its characters end, a full-width character each)."""
    x0 = LEFT + indent * size
    x1 = RIGHT - gap * size if gap is not None else x0 + len(text) * size
    return Line(text, x0, x1, top, top + size)


def test_paragraphs__wrapped_lines_joined_and_indented_first_lines_kept_apart():
    page = [line("全年共开展普法宣传活动十二场，发放资料三千余", indent=2, gap=0),
            line("份，受众五千人次。", gap=18),
            line("村居法律顾问实现全覆盖，全年提供法律咨询四", indent=2, gap=0),
            line("百余次。", gap=23)]
    assert paragraphs([page]) == ("全年共开展普法宣传活动十二场，发放资料三千余份，受众五千人次。\n"
                                  "村居法律顾问实现全覆盖，全年提供法律咨询四百余次。")


def test_paragraphs__a_line_short_of_the_edge_by_a_run_that_did_not_fit_is_wrapped():
    # “1+4+8” may not be broken, and a closing mark never starts a line: the line above stopped
    # 4 characters short, yet the paragraph goes on.
    page = [line("构建“1+4+8”工作体系，明确重点工作四十七项，", indent=2, gap=0),
            line("深化“放管服”改革，推行", gap=4),
            line("“1+4+8”全方位优化营商环境工作体系。", gap=10)]
    assert paragraphs([page]).count("\n") == 0


def test_paragraphs__a_short_line_ends_its_paragraph_even_before_an_unindented_line():
    page = [line("一是强化组织领导。", gap=14), line("二是健全工作机制，定期召开会议研究法治建设工作", gap=0)]
    assert paragraphs([page]) == "一是强化组织领导。\n二是健全工作机制，定期召开会议研究法治建设工作"


@pytest.mark.parametrize("heading", ["二、存在的不足和原因", "（三）推进严格规范公正文明执法", "3.加强普法宣传", "第二部分 下一步工作计划"])
def test_paragraphs__a_numbered_heading_never_continues_a_full_line(heading):
    page = [line("全年办理行政复议案件十二件，纠错率百分之八", indent=2, gap=0), line(heading, gap=12)]
    assert paragraphs([page]).split("\n")[1] == heading


@pytest.mark.parametrize("heading", ["一,、深入学习贯彻党的二十大精神的情况", "2，、加强普法宣传教育"])
def test_paragraphs__a_heading_with_a_stray_comma_before_its_mark_never_continues_a_full_line(heading):
    # a converter's stray comma between the numeral and its 、 (batch zv): still a numbered heading
    page = [line("全年办理行政复议案件十二件，纠错率百分之八", indent=2, gap=0), line(heading, gap=12)]
    assert paragraphs([page]).split("\n")[1] == heading


def test_paragraphs__a_stray_comma_and_mark_inside_a_sentence_do_not_start_a_paragraph():
    # guard: ，、 after a word (a converter's doubled marks mid-sentence) is no heading's number
    page = [line("全年开展普法宣传活动十二场，发放资料三千余", indent=2, gap=0), line("份，、受众五千人次。", gap=14)]
    assert paragraphs([page]) == "全年开展普法宣传活动十二场，发放资料三千余份，、受众五千人次。"


def test_paragraphs__page_numbers_left_out_and_a_paragraph_goes_on_over_the_page():
    first = [line("全镇共排查化解矛盾纠纷一百二十件，调解成功率达", indent=2, gap=0, top=700),
             Line("— 3 —", 270, 310, 780, 794)]
    second = [Line("第 4 页 共 9 页", 260, 330, 40, 54),
              line("到百分之九十八。", gap=19, top=100)]
    assert paragraphs([first, second]) == "全镇共排查化解矛盾纠纷一百二十件，调解成功率达到百分之九十八。"


def test_paragraphs__a_centred_title_wrapped_over_two_lines_is_one_line():
    title = [Line("安乐镇人民政府关于2023年度法治政府建设工", 86, 509, 100, 122),
             Line("作情况的报告", 232, 364, 130, 152)]
    body = [line("2023年，安乐镇坚持以习近平新时代中国特色社", indent=2, gap=0, top=170)]
    assert paragraphs([title + body]).split("\n")[0] == "安乐镇人民政府关于2023年度法治政府建设工作情况的报告"


def test_paragraphs__a_centred_line_below_the_opening_lines_is_not_joined():
    lines = [line(f"第{i}段全文写满一整行并且在此处换行继续写下去直到页边", indent=2, gap=0) for i in range(6)]
    lines.append(Line("表1 法治建设主要指标", 232, 364, 0, 16))
    assert paragraphs([lines]).endswith("\n表1 法治建设主要指标")


def test_paragraphs__lines_in_another_size_of_type_are_not_one_paragraph():
    page = [Line("南城街道法治政府建设年度报告", 80, 515, 100, 122), line("（2024年度）", indent=12, gap=12)]
    assert paragraphs([page]).split("\n") == ["南城街道法治政府建设年度报告", "（2024年度）"]


def test_paragraphs__latin_words_cut_at_the_edge_get_their_space_back():
    page = [line("依托政务服务 App", indent=2, gap=0), line("and website 推行网上办理。", gap=15)]
    assert paragraphs([page]) == "依托政务服务 App and website 推行网上办理。"


# --------------------------------------------------------------------------- text without positions

# A report of another style than the development set's (a 乡, a 不足 part, 一是… items), as copied out
# of a PDF: 24 characters a line, indents lost, the title wrapped in larger type.
WRAPPED = """\
青山乡人民政府2024年度法治政府建设工
作情况报告
2024年，青山乡在县委、县政府的坚强领导
下，深入学习贯彻习近平法治思想，全面推进依
法行政，现将有关情况报告如下：
一、主要举措和成效
（一）强化组织领导。乡党委召开专题会议研究
法治建设工作4次，将法治建设纳入年度目标考
核，层层压实责任。
（二）深化普法宣传。全年开展“法律进村
居”活动18场，发放宣传资料2600余份，受众
3000余人次。
二、存在的问题
一是部分干部运用法治思维解决问题的能力不
足；二是基层执法力量薄弱，执法人员专业素质
有待提高。
三、下一步工作打算
2025年，青山乡将继续加强法治队伍建设，提
升依法行政水平。"""


def test_unwrap_text__hard_wrapped_report_back_into_its_paragraphs():
    assert unwrap_text(WRAPPED).split("\n") == [
        "青山乡人民政府2024年度法治政府建设工作情况报告",
        "2024年，青山乡在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进依法行政，现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）强化组织领导。乡党委召开专题会议研究法治建设工作4次，将法治建设纳入年度目标考核，层层压实责任。",
        "（二）深化普法宣传。全年开展“法律进村居”活动18场，发放宣传资料2600余份，受众3000余人次。",
        "二、存在的问题",
        "一是部分干部运用法治思维解决问题的能力不足；二是基层执法力量薄弱，执法人员专业素质有待提高。",
        "三、下一步工作打算",
        "2025年，青山乡将继续加强法治队伍建设，提升依法行政水平。",
    ]


def test_unwrap_text__a_number_broken_off_at_a_short_line_s_end_goes_on_into_the_next():
    # round 111: a PDF's text layer breaks inside a figure on a line that stops short (…事项16 / 50件，…); a
    # paragraph never ends inside a figure, whatever its last line's width (13 / 3人次, 2.5 / 6万元 alike)
    lines = WRAPPED.split("\n")
    at = lines.index("居”活动18场，发放宣传资料2600余份，受众")
    for head, tail, whole in (("居”活动18场，发放资料26", "00余份，受众3000余人次。", "资料2600余份"),
                              ("居”活动18场，接待群众13", "3人次，受众3000余人次。", "群众133人次"),
                              ("居”活动18场，投入经费2.", "56万元，受众3000余人次。", "经费2.56万元")):
        text = "\n".join([*lines[:at], head, tail, *lines[at + 2:]])
        assert whole in unwrap_text(text), head
    # not a short line's number before a list's number or a year that begins its own paragraph
    for tail in ("2. 开展“法律进村居”活动。", "2025年，青山乡将继续加强法治队伍建设。"):
        text = "\n".join([*lines[:at], "居”活动共计18", tail, *lines[at + 2:]])
        assert "\n" + tail.split("，")[0][:6] in unwrap_text(text), tail


def test_unwrap_text__a_page_number_between_two_printed_lines_is_dropped():
    lines = WRAPPED.split("\n")
    at = lines.index("法治建设工作4次，将法治建设纳入年度目标考")
    with_number = "\n".join([*lines[: at + 1], "— 2 —", "", *lines[at + 1:]])
    assert unwrap_text(with_number).replace("\n\n", "\n") == unwrap_text(WRAPPED)


def test_unwrap_text__text_in_whole_paragraphs_is_left_as_it_is():
    text = "\n".join(unwrap_text(WRAPPED).split("\n"))
    assert unwrap_text(text) == text
    # Short lines of many widths (a list, a page's chrome) are not a printed page either.
    listing = "\n".join(["首页", "政务公开", "法治政府建设", "发布日期：2024-03-28", "来源：青山乡", "字号：大 中 小",
                         "打印本页", "关闭窗口", "扫一扫在手机打开当前页"])
    assert unwrap_text(listing) == listing


def test_build__a_report_copied_out_of_a_pdf_reads_as_the_whole_text(tmp_path):
    import reportkit as rk

    def built(name: str, text: str):
        raw = tmp_path / name
        raw.mkdir()
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
        tables = rk.build(raw, out=None, cache_dir=None, jobs=1)
        sections = tables["sections"]
        return (tables["documents"].iloc[0], sections.loc[sections["level"] > 0, "heading"].tolist(),
                len(tables["shortcomings"]))

    wrapped, headings, n_items = built("wrapped", WRAPPED)
    whole, whole_headings, whole_items = built("whole", unwrap_text(WRAPPED))
    assert (wrapped["town"], wrapped["year"], wrapped["level"]) == ("青山乡", 2024, "township")
    assert wrapped["text"] == whole["text"]
    assert headings == whole_headings and len(headings) == 5
    assert n_items == whole_items == 2


def test_build__a_copy_out_of_a_pdf_beside_the_whole_text_is_the_same_report(tmp_path):
    import reportkit as rk

    (tmp_path / "a.txt").write_text(unwrap_text(WRAPPED), encoding="utf-8")
    (tmp_path / "b.txt").write_text(WRAPPED, encoding="utf-8")
    log = rk.build(tmp_path, out=None, cache_dir=None, jobs=1)["build_log"].set_index("file")
    assert "same_report" in log.loc["b.txt", "codes"]


# --------------------------------------------------------------------------- real PDFs

CASES = Path(__file__).parent / "realworld" / "cases"
SEEDS = Path(__file__).parent.parent / "data" / "raw"
WRITTEN = Path(__file__).parent / "fixtures" / "written_reports"


# Two real pages (a 镇 of Anhui; one of Hunan in Traditional script) and a whole seed report, whose
# shortcomings part and figures the pages' openings do not reach; and two written reports that a
# probe of all of them as PDFs found read otherwise: Word tables of figures (cells apart on the page,
# one space apart in the text layer, read as tabs again) and a table of contents.
@pytest.mark.skipif(not CASES.is_dir(), reason="the development set arrives with tests/realworld")
@pytest.mark.parametrize("path", [CASES / "a045.txt", CASES / "b028.txt", SEEDS / "002_65f6f072feb0dbc0.txt",
                                  WRITTEN / "r400_mujiayu_miyun_word_biaoge.txt",
                                  WRITTEN / "r255_zhenzhuquan_fengmian_mulu.txt"],
                         ids=lambda p: p.stem[:4])
def test_build__a_real_report_typeset_as_a_pdf_reads_as_its_text(tmp_path, path):
    import reportkit as rk
    from tests.realworld.printed import pdf_bytes

    text = path.read_text(encoding="utf-8")
    built = {}
    for fmt, data in (("txt", text.encode("utf-8")), ("pdf", pdf_bytes(text))):
        raw = tmp_path / fmt  # apart: in one folder the two are the same report, counted once
        raw.mkdir()
        (raw / f"{path.stem}.{fmt}").write_bytes(data)
        built[fmt] = rk.build(raw, out=None, cache_dir=None, jobs=1)
    docs = {fmt: tables["documents"].iloc[0] for fmt, tables in built.items()}
    assert docs["pdf"]["format"] == "pdf" and "— 1 —" not in docs["pdf"]["text"]
    columns = ["town", "county", "year", "level", "is_partial"]
    assert docs["pdf"][columns].tolist() == docs["txt"][columns].tolist()
    assert docs["pdf"]["town"]  # the answer's town, found in both
    found = {fmt: tables["sections"].query("level > 0")[["heading", "level", "section_type"]].values.tolist()
             for fmt, tables in built.items()}
    assert found["pdf"] == found["txt"] and found["txt"]
    figures = {fmt: sorted(tables["indicators"][["value", "unit"]].itertuples(index=False))
               for fmt, tables in built.items()}
    assert figures["pdf"] == figures["txt"] and figures["txt"]
    items = {fmt: tables["shortcomings"]["text"].tolist() for fmt, tables in built.items()}
    assert items["pdf"] == items["txt"] and (items["txt"] or path.parent != SEEDS)


def test_paragraphs__running_heads_and_feet_of_a_browser_print_left_out():
    def page(n: int, body: list[Line]) -> list[Line]:
        return [Line("2024/3/5 10:20 青山乡2023年法治政府建设年度报告", 30, 400, 10, 20), *body,
                Line(f"https://www.qingshan.gov.cn/art/2024/3/5/art_12_345.html {n}/2", 30, 560, 820, 830)]

    first = page(1, [line("全乡共排查化解矛盾纠纷一百二十件，调解成功率达", indent=2, gap=0, top=700)])
    second = page(2, [line("到百分之九十八。", gap=19, top=100)])
    assert paragraphs([first, second]) == "全乡共排查化解矛盾纠纷一百二十件，调解成功率达到百分之九十八。"
    # One page: its first and last lines are the report's own.
    assert paragraphs([first]).startswith("2024/3/5 10:20 青山乡")


def test_unwrap_text__a_heading_as_wide_as_the_page_does_not_run_into_the_item_below():
    # （一）… fills its line with no stop; 一是… begins an item, never the rest of a wrapped line
    heading = "（一）深化行政执法体制改革，严格规范公正文明执法"
    lines = WRAPPED.split("\n")
    at = lines.index("一、主要举措和成效")
    text = "\n".join([*lines[:at + 1], heading, "一是建立健全工作制度，按时完成综合执法改革任务。", *lines[at + 1:]])
    assert heading in unwrap_text(text).split("\n")


def test_unwrap_text__a_part_heading_short_of_the_edge_keeps_apart_from_its_body_and_the_cut():
    # batch zw: a copy ends two lines into a part; each part heading stops on a noun headings close on, two
    # characters short of the 21-character lines, the body's indent lost
    lines = WRAPPED.split("\n")
    at = lines.index("三、下一步工作打算")
    text = "\n".join([*lines[:at], "三、坚持依法全面履职，推进治理体系建设", "乡党委把法治建设摆在全局工作的突出位置，全",
                      "年研究法治工作五次。", "四、强化普法宣传教育，营造守法氛围", "坚持"])
    assert unwrap_text(text).split("\n")[-4:] == ["三、坚持依法全面履职，推进治理体系建设",
                                                   "乡党委把法治建设摆在全局工作的突出位置，全年研究法治工作五次。",
                                                   "四、强化普法宣传教育，营造守法氛围", "坚持"]


@pytest.mark.parametrize("second", ["一、工作情况", "青山乡2019年法治政府建设工作总结"])
def test_unwrap_text__a_title_is_not_joined_to_a_heading_or_to_another_title(second):
    lines = WRAPPED.split("\n")
    text = "\n".join(["青山乡2022年法治政府建设工作总结", second, *lines[1:]])
    assert unwrap_text(text).split("\n")[:2] == ["青山乡2022年法治政府建设工作总结", second]


def test_unwrap_text__short_paragraphs_of_like_length_are_not_printed_lines():
    # one sentence a line, most of them as long as one another: a short report, not a page's lines
    lines = ["桃山镇2023年法治政府建设情况报告", "2023年，桃山镇坚持依法行政。现将有关情况报告如下：", "一，主要举措和成效"]
    lines += [f"{n}是加强组织领导，全年开展工作{k}次。" for n, k in zip("一二三四五六七八", range(3, 11))]
    text = "\n".join(lines)
    assert unwrap_text(text) == text


# A probe of the written reports copied out of their PDFs: a short report is mostly short lines (headings,
# one-line items, its signature), so fewer than half its lines are printed full; they were left unjoined.
SHORT = ("石门镇2023年法治政府建设工作报告\n县人民政府：\n"
         "2023年，石门镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：\n"
         "一、主要做法\n（一）全年召开党委会专题研究法治工作4次。\n（二）办理行政处罚案件26件，无一被纠错。\n"
         "二、存在的不足\n一是综合执法力量薄弱，专业人员偏少；二是群众学法用法的积极性不高，普法形式较为单一。\n"
         "三、下一步打算\n一是加强执法队伍建设，开展业务培训；二是创新普法宣传形式，提高群众法治意识和守法自觉。\n"
         "石门镇人民政府\n2024年1月12日")


def test_unwrap_text__a_short_report_s_few_printed_lines_are_joined():
    from tests.realworld.printed import hard_wrapped

    wrapped = hard_wrapped(SHORT)
    assert wrapped != SHORT and unwrap_text(wrapped) == SHORT


def test_unwrap_text__a_text_in_paragraphs_under_short_header_lines_of_like_width_stays():
    # batch zi printed: a PDF's text, its paragraphs already joined by where the lines stood, read again as
    # a copy: the page's header lines share a width, but two whole paragraphs are many times wider
    text = "\n".join(["南开区人民政府2019年11月2日星期六无障碍", "首页 | 政务公开 | 法治政府建设专栏",
                      "索引号：12010400-2023-00012 分类：法治", "南开区人民政府2022年法治政府建设情况报告", "发布机构：南开区司法局",
                      "成文日期：2023年03月28日 发布日期：2023年3月", "主题分类：政务公开、法治政府建设",
                      "有效性：有效 来源：南开区司法局政策法规科",
                      "南开区人民政府2022年法治政府建设情况报告",
                      "2022年，南开区政府坚持以习近平法治思想为指导，" * 6 + "现将有关情况报告如下：",
                      "一、主要举措和成效", "（一）坚持党的领导，统筹推进法治政府建设",
                      "区政府常务会议专题研究法治政府建设工作6次，" * 12 + "全年召开会议12次。",
                      "（二）突出改革引领，完成行政复议体制改革", "持"])
    assert unwrap_text(text) == text


def test_unwrap_text__a_slide_s_bullets_as_wide_as_its_lines_stay_lines():
    # a slide outline copied out (each bullet a line of its own, several as wide as one another), and a
    # printed page's bullets: a line never wraps into a bullet
    outline = "\n".join(["羊井镇2024年度法治政府建设工作汇报", "羊井镇人民政府"]
                        + [f"▪ 便民服务中心全年办理各类事项{n}件办结率百分之百" for n in range(2140, 2148)]
                        + [f"– 开展草场保护专项巡查{n}次查处违法行为{n // 10}起" for n in range(20, 26)])
    assert unwrap_text(outline) == outline
    page = [line("全年共开展普法宣传活动十二场，发放资料三千余", indent=2, gap=0),
            line("• 组建“草原调解员”队伍，推动纠纷就地化解，全年", gap=0),
            line("调解成功九十四件。", gap=15)]
    assert paragraphs([page]).split("\n") == ["全年共开展普法宣传活动十二场，发放资料三千余",
                                              "• 组建“草原调解员”队伍，推动纠纷就地化解，全年调解成功九十四件。"]


def test_paragraphs__a_page_s_breadcrumb_and_date_line_stay_lines_of_their_own():
    # batch ze: a printed web page; the breadcrumb ran into the title and the date into the opening
    page = [line(">专题专栏>法治政府示范创建>法治政府建设报告", gap=1),
            line("中共博山区委 博山区人民政府 关于2022年度", gap=1),
            line("发布日期:2023-01-30 浏览次数:字体:[ ]", gap=3),
            line("2022年以来,博山区高度重视法治建设工作,加", gap=0)]
    assert paragraphs([page]).split("\n") == [">专题专栏>法治政府示范创建>法治政府建设报告", "中共博山区委 博山区人民政府 关于2022年度",
                                             "发布日期:2023-01-30 浏览次数:字体:[ ]", "2022年以来,博山区高度重视法治建设工作,加"]
    # … but a breadcrumb wrapped over two lines is one line (…>法治政 / 府建设年度报告 > 2022年…)
    crumb = [line("您当前的位置: 首页>政务公开>信息公开目录>法治政", gap=0), line("府建设年度报告 > 2022年法治政府建设年度报告", gap=2)]
    assert paragraphs([crumb]) == "您当前的位置: 首页>政务公开>信息公开目录>法治政府建设年度报告 > 2022年法治政府建设年度报告"


def test_paragraphs__a_heading_that_fills_its_line_is_not_joined_to_the_body_below():
    # the development set's t003 printed: a heading as wide as the page, the body's indent lost
    page = [line("（三）提升行政规范性文件质量，完善依法行政制度体系情况", gap=0),
            line("严格执行规范性文件“三统一”制度，全年审核文件5件，备", gap=0),
            line("案率100%。", gap=20)]
    assert paragraphs([page]).split("\n") == ["（三）提升行政规范性文件质量，完善依法行政制度体系情况",
                                             "严格执行规范性文件“三统一”制度，全年审核文件5件，备案率100%。"]


@pytest.mark.parametrize("heading", ["二、健全依法决策机制，推进政府治理体系建设", "（一）强化示范引领，全面提升依法行政水平",
                                     "3.聚焦营商环境，护航民营经济高质量发展"])
def test_paragraphs__a_heading_that_stops_on_a_closing_noun_is_not_joined_to_the_full_line_below(heading):
    # batch zw (a district's page copied out of its PDF): a numbered heading a character short of the edge that
    # ends as headings end, the body's indent lost; the body's first line runs on to the edge
    page = [line(heading, gap=1),
            line("坚持把依法决策作为政府工作的基本准则，全年提请审议", gap=0),
            line("事项十二项。", gap=18)]
    assert paragraphs([page]).split("\n") == [heading, "坚持把依法决策作为政府工作的基本准则，全年提请审议事项十二项。"]


def test_paragraphs__a_copy_cut_just_after_such_a_heading_keeps_it_whole():
    # the text stops a few characters into the body: the last line is the body's, not the heading's tail
    page = [line("全年办理行政复议案件十二件，纠错率百分之八", indent=2, gap=0),
            line("点五。", gap=20),
            line("（三）优化法治化营商环境，推动经济高质量发展", gap=1),
            line("深入开", gap=24)]
    assert paragraphs([page]).split("\n")[1:] == ["（三）优化法治化营商环境，推动经济高质量发展", "深入开"]


def test_paragraphs__a_heading_wrapped_after_a_closing_noun_is_joined_to_its_short_tail():
    # guard: …法治政府建设 / 工作的领导 is one heading, wrapped; so is a run-in heading's tail before its stop
    wrapped = [line("（一）学习贯彻习近平法治思想，全面加强党对法治政府建设", gap=0),
               line("工作的领导", gap=17),
               line("始终把学习贯彻习近平法治思想作为首要政治任务。", indent=2, gap=0)]
    assert paragraphs([wrapped]).split("\n")[0] == "（一）学习贯彻习近平法治思想，全面加强党对法治政府建设工作的领导"
    run_in = [line("（二）坚持依法科学民主决策，健全重大行政决策机制", gap=0),
              line("建设。严格落实重大行政决策程序，全年审查合同十二", gap=0),
              line("份。", gap=21)]
    assert paragraphs([run_in]) == ("（二）坚持依法科学民主决策，健全重大行政决策机制建设。严格落实重大行政决策程序，"
                                    "全年审查合同十二份。")


def test_paragraphs__an_item_or_a_numbered_line_that_fills_its_line_runs_on_after_such_a_noun():
    # guard (a written report's hard-wrapped copy): 一是… is an item, not a heading, however its line ends; a
    # numbered line that reaches the edge was wrapped there, whatever word it stops on
    item = [line("一是乡村两级法治人才缺乏，乡司法所仅有工作人员一名，综合执法", gap=1),
            line("队员多为兼职，具备法律专业背景的人员少，执法办", gap=0),
            line("案能力不足。", gap=18)]
    assert paragraphs([item]).count("\n") == 0
    full = [line("1.坚持把学习贯彻习近平法治思想作为首要政治任务，纳入干部教育", gap=0),
            line("培训核心内容，全年开展专题学习十次，实现镇村干", gap=0),
            line("部全覆盖。", gap=19)]
    assert paragraphs([full]).count("\n") == 0


def test_paragraphs__a_right_aligned_date_and_a_table_s_row_end_their_lines():
    # a probe of Word files made PDFs by LibreOffice: the signed date, set right two characters in from the
    # margin, ran into the next page's 附件 (so the annex table after it went unseen); a table row, its cells
    # apart (read as tabs), ran on into the row below when it reached the right margin
    last_page = [line("全面提升基层依法治理水平。", indent=2, gap=10),
                 Line("石门镇人民政府", 370, 483, 100, 116), Line("2024年1月19日", 370, 483, 120, 136)]
    annex = [line("附件", gap=25, top=100), line("2023年度法治建设主要指标完成情况", gap=4, top=120),
             line("1\t行政执法检查\t次\t4826\t同比增长14.5%", gap=0, top=140),
             line("2\t办理行政复议案件\t件\t27", gap=12, top=160)]
    assert paragraphs([last_page, annex]).split("\n") == [
        "全面提升基层依法治理水平。", "石门镇人民政府", "2024年1月19日", "附件", "2023年度法治建设主要指标完成情况",
        "1\t行政执法检查\t次\t4826\t同比增长14.5%", "2\t办理行政复议案件\t件\t27"]


def test_paragraphs__the_opening_s_closing_formula_ends_its_paragraph_however_full_its_line():
    # batch zg printed: …报告如下: fills its line; the part heading below lost its 一、 and its indent
    page = [line("统筹推进法治政府建设各项工作，现将我镇法治政府建设情况报告如下:", gap=0),
            line("主要举措和成效", gap=28),
            line("（一）注重党委领导核心作用", gap=22)]
    assert paragraphs([page]).split("\n") == ["统筹推进法治政府建设各项工作，现将我镇法治政府建设情况报告如下:", "主要举措和成效",
                                              "（一）注重党委领导核心作用"]


def test_paragraphs__closing_marks_hanging_past_the_margin_do_not_move_the_right_edge():
    # batch zg/za printed: 》。 or ）》， may hang past the margin; the full lines end where the next
    # character would not fit, less than a character short of it, and go on below
    page = [line("全镇严格落实《重大行政决策程序暂行条例》，对涉及群", indent=2, gap=0.7),
            line("众切身利益的事项开展风险评估，修订《议事规则（2023年）》。", gap=-1.6),
            line("全年审查合同协议三十八份，提出法律意见一百二十", gap=0.7),
            line("余条，确保决策合法合规。", gap=13)]
    assert paragraphs([page]).count("\n") == 0


def test_paragraphs__a_title_in_body_type_above_a_full_indented_line_is_not_centred():
    # batch t printed: a site's line in title type, then the title in body type, indented as a
    # paragraph; the opening's first line, as indented, fills its line: no centred second line of a title
    page = [Line("当前位置：政务公开", 200, 395, 100, 122),
            line("青山乡人民政府2023年度法治政府建设工作报告", indent=2, gap=2, top=140),
            line("2023年，青山乡在县委县政府的坚强领导下，坚持", indent=2, gap=0.3, top=160),
            line("以习近平法治思想为引领，认真贯彻落实《青山乡“八五”普法规划》。", gap=-1.0, top=180),
            line("现将有关情况报告如下：", gap=17, top=200)]
    assert paragraphs([page]).split("\n")[1] == "青山乡人民政府2023年度法治政府建设工作报告"


def test_lines_of__the_glyphs_spacing_goes_but_a_space_before_a_heading_s_number_stays():
    # batch zg printed: a page that lost its line breaks keeps a space where each was (…思想 1.深入…)
    records = [{"text": "全年开展 12 次法治讲座，覆盖 2023 年度全部村居。", "x0": 80, "x1": 515, "top": 0, "bottom": 16},
               {"text": "（二）健全依法决策机制 1.严格落实重大决策程序。 2、完善", "x0": 80, "x1": 515, "top": 20,
                "bottom": 36}]
    assert [line.text for line in lines_of(records)] == ["全年开展12次法治讲座，覆盖2023年度全部村居。",
                                                         "（二）健全依法决策机制 1.严格落实重大决策程序。 2、完善"]


def test_lines_of__a_gap_as_wide_as_a_table_s_cell_boundary_is_a_tab():
    # a Word table's row printed: pdfplumber writes one space for each gap, a cell's or the glyphs'
    def glyphs(*runs):
        chars, x = [], 80.0
        for text, gap in runs:
            for char in text:
                width = 16.0 if ord(char) > 0x2E80 else 8.0
                chars.append({"text": char, "x0": x, "x1": x + width})
                x += width
            x += gap
        return chars
    row = glyphs(("1", 40), ("执法检查", 60), ("次", 48), ("1418", 0))
    spaced = glyphs(("全年开展", 4), ("12", 4), ("次法治讲座", 0))
    records = [{"text": "1 执法检查 次 1418", "chars": row, "x0": 80, "x1": 400, "top": 0, "bottom": 16},
               {"text": "全年开展 12 次法治讲座", "chars": spaced, "x0": 80, "x1": 250, "top": 20, "bottom": 36},
               {"text": "表1 执法情况", "chars": glyphs(("表1", 8), ("执法情况", 0))[:2], "x0": 80, "x1": 200,
                "top": 40, "bottom": 56}]  # glyphs that do not spell the text: read as before, by the text alone
    assert [line.text for line in lines_of(records)] == ["1\t执法检查\t次\t1418", "全年开展12次法治讲座", "表1执法情况"]


# A page that lost its line breaks (a space where each was; headings run on into their bodies), printed:
# the PDF must read as the text does (batch zg: a space before 1. was taken for the glyphs' spacing).
FLAT = ("白沙镇2023年度法治政府建设工作报告\n"
        "2023年,白沙镇以习近平新时代中国特色社会主义思想为指导,"
        "认真贯彻《法治政府建设实施纲要(2021—2025年)》《中共中央关于加强党的政治建设的意见》和县委县政府的决策部署"
        ",扎实推进依法行政,各项工作取得新进展。"
        "现将有关情况报告如下: 一、主要做法和成效 (一)加强组织领导,压实法治建设责任 1.健全领导机制。"
        "镇党委召开专题会议研究法治建设工作6次,将法治建设纳入全镇年度目标考核,与经济社会发展同部署、同推进、同考核,"
        "层层压实各村(社区)、镇属各站所的工作责任。2.抓实学法用法。"
        "组织镇村干部集中学法12场,开展领导干部述法评议1次,推动领导干部带头尊法学法守法用法,"
        "不断提升依法决策、依法管理的能力和水平。 (二)规范行政决策,提升依法行政水平 1.严格决策程序。"
        "全面落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定等重大行政决策法定程序,全年审查重大行政决策事项8件,"
        "审查各类合同协议43份,提出法律意见56条。2.加强规范性文件管理。"
        "严格执行规范性文件“三统一”制度,做到应审必审、应备必备,全年未发生因程序违法被撤销的情况。 "
        "(三)深化普法宣传,营造浓厚法治氛围 1.开展主题宣传。"
        "围绕宪法宣传周、民法典宣传月等重要节点,开展“法律进村居”主题宣传活动18场,发放宣传资料2600余份,"
        "受众3000余人次。2.培育法治力量。"
        "培养“法律明白人”120名,建成村级法治文化阵地5个,群众学法用法的氛围更加浓厚。")


@pytest.mark.skipif(not CASES.is_dir(), reason="the development set arrives with tests/realworld")
def test_build__a_page_that_lost_its_line_breaks_typeset_as_a_pdf_reads_as_its_text(tmp_path):
    import reportkit as rk
    from tests.realworld.printed import pdf_bytes

    built = {}
    for fmt, data in (("txt", FLAT.encode("utf-8")), ("pdf", pdf_bytes(FLAT))):
        raw = tmp_path / fmt
        raw.mkdir()
        (raw / f"flat.{fmt}").write_bytes(data)
        built[fmt] = rk.build(raw, out=None, cache_dir=None, jobs=1)
    headings = {fmt: tables["sections"].query("level > 0")["heading"].tolist() for fmt, tables in built.items()}
    assert headings["pdf"] == headings["txt"] and len(headings["txt"]) == 10
    assert "1.健全领导机制" in headings["pdf"]
    figures = {fmt: sorted(tables["indicators"][["value", "unit"]].itertuples(index=False)) for fmt, tables in built.items()}
    assert figures["pdf"] == figures["txt"]


# A report with a Word table (Table Grid) printed, as a probe of Word files made PDFs by LibreOffice found
# them: a header cell over two columns above 2023年 and 2022年, the header's other cells over two rows, cells
# that wrap inside their columns, numbers set right a character from a left-aligned note, and the table
# going on over the page (its header repeated there, a row broken across the page's foot).
_RULED_ROWS = [("组织开展“法律进村居”主题宣传活动并发放宣传资料", "场", 18, 15, "已完成"),
               ("开展行政执法检查", "次", 426, 380, "较上年增加"),
               ("审查各类合同协议及重大行政决策事项", "份", 43, 39, "全部审查"),
               ("调处矛盾纠纷并回访当事人", "件", 137, 152, ""),
               ("培养“法律明白人”并建立村级法治文化阵地", "名", 120, 96, "覆盖全部行政村"),
               ("办理行政复议和行政应诉案件", "件", 3, 5, "无败诉"),
               ("组织领导干部集中学法", "场", 12, 10, ""),
               ("开展领导干部述法评议", "次", 2, 1, ""),
               ("发放宪法、民法典等普法宣传资料", "份", 2600, 2100, ""),
               ("建成村级法治文化阵地", "个", 5, 3, "新建2个"),
               ("受理群众来信来访并按期办结", "件", 64, 71, "办结率100%"),
               ("开展安全生产和消防专项执法检查", "次", 58, 44, ""),
               ("聘请法律顾问为重大决策提供法律意见", "条", 56, 40, ""),
               ("开展“双随机、一公开”抽查", "次", 9, 6, "")]
RULED = "\n".join([
    "白沙镇2023年法治政府建设工作报告",
    "2023年，白沙镇以习近平新时代中国特色社会主义思想为指导，认真贯彻《法治政府建设实施纲要（2021—2025年）》，"
    "扎实推进依法行政，各项工作取得新进展。现将有关情况报告如下：",
    "一、主要做法和成效",
    "（一）加强组织领导，压实法治建设责任。镇党委召开专题会议研究法治建设工作6次，将法治建设纳入全镇年度目标考核，"
    "与经济社会发展同部署、同推进、同考核，层层压实各村（社区）、镇属各站所的工作责任。",
    "（二）规范行政决策，提升依法行政水平。全面落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定等重大行政决策"
    "法定程序，全年审查重大行政决策事项8件。全镇各村（社区）均配备法律顾问，全镇2023年法治建设主要指标完成情况见下表：",
    "序号\t指标名称\t单位\t完成情况\t<<\t备注",
    "^^\t^^\t^^\t2023年\t2022年\t^^",
    *(f"{i}\t{name}\t{unit}\t{now}\t{before}\t{note}" for i, (name, unit, now, before, note) in enumerate(_RULED_ROWS, 1)),
    "二、存在的不足",
    "一是法治宣传的针对性还不够强。二是执法队伍力量还较薄弱。",
    "三、下一步工作打算",
    "持续深化法治乡村建设，提升基层依法治理水平。"])


def test_build__a_ruled_table_printed_or_on_a_web_page_gives_the_figures_of_its_text_and_its_word_file(tmp_path):
    # the probe: each printed line a line, a wrapped cell cut the block of rows and its figures were lost
    import pdfplumber

    import reportkit as rk
    from reportkit.ruled import page_lines
    from tests.realworld.printed import as_read, pdf_bytes
    from tests.realworld.saved import web_page, word_document

    pdf = pdf_bytes(RULED, ruled=True)
    with pdfplumber.open(io.BytesIO(pdf)) as printed:  # the fixture breaks a row over the page, as Word does
        _, header = page_lines(printed.pages[0])
        assert page_lines(printed.pages[1], header)[0][0].text.startswith("\t人")
    built = {}
    for fmt, data in (("txt", as_read(RULED).encode("utf-8")), ("docx", word_document(RULED, tables=True)),
                      ("pdf", pdf), ("html", web_page(RULED, "tables", tables=True))):
        raw = tmp_path / fmt
        raw.mkdir()
        (raw / f"ruled.{fmt}").write_bytes(data)
        built[fmt] = rk.build(raw, out=None, cache_dir=None, jobs=1)
    figures = {fmt: sorted(tables["indicators"][["value", "unit"]].itertuples(index=False))
               for fmt, tables in built.items()}
    assert figures["pdf"] == figures["txt"] == figures["docx"] == figures["html"]
    assert (137.0, "件") in figures["pdf"] and (426.0, "次") in figures["pdf"] and len(figures["pdf"]) == 18
    texts = {fmt: tables["documents"].iloc[0]["text"] for fmt, tables in built.items()}
    assert texts["pdf"] == texts["docx"] == texts["html"]


def test_paragraphs__a_ruled_table_s_row_is_a_line_of_its_own_and_sets_no_margin():
    # a table may stand wider than the text; a row reaching the right edge runs into nothing, nor a line into it
    body = [line("全镇主要法治指标完成情况如下表所示，各项指标均已完成年", indent=2, gap=0),
            line("度目标任务。", gap=20, top=20),
            Line("序号\t指标\t数量", LEFT - 10, RIGHT + 10, 40, 70, ruled=True),
            Line("合计", LEFT - 10, RIGHT + 10, 70, 90, ruled=True),
            line("以上数据截至2023年12月31日，由镇党政办汇总。", gap=0, top=100)]
    assert paragraphs([body]).split("\n") == ["全镇主要法治指标完成情况如下表所示，各项指标均已完成年度目标任务。",
                                              "序号\t指标\t数量", "合计", "以上数据截至2023年12月31日，由镇党政办汇总。"]


def test_unwrap_text__a_card_pages_numbered_part_lines_are_never_joined():
    # round 81: a 数说 card page's lines (no blank lines between them) look like a printed text's;
    # its 01 … 03 part lines open paragraphs as 一、 does
    lines = ["数说丨某乡2023年法治政府建设年度报告", "01　年度主要工作成效", "调处矛盾纠纷　58件", "开展执法检查　96次",
             "举办法治讲座　12期", "培育法律明白人　40名", "02　主要负责人履职情况", "研究法治工作　4次",
             "03　存在的问题和不足", "●普法阵地利用率不高", "●执法力量较为薄弱"]
    out = unwrap_text("\n".join(lines)).split("\n")
    assert any(line.startswith("02　主要负责人履职情况") for line in out)
    assert any(line.startswith("03　存在的问题和不足") for line in out)


# --------------------------------------------------------------------------- heads and feet by where they stand
# A running head or foot stands in the same place in the same type on every page. A report's own line that opens two
# pages in the same words does not: the issuer's name centred in title type atop page 1 and again as the signature
# atop the last page, or the title below a header that repeats it from page 2 on (Word's "different first page").

def test_paragraphs__a_line_opening_two_pages_in_other_places_is_no_running_head():
    first = [Line("清原满族自治县人民政府", 176, 418, 100, 122),  # the title's first line, centred, 22 pt
             Line("关于2020年度法治政府建设情况的报告", 110, 485, 136, 158),
             line("全县各级调解组织调处矛盾纠纷二千八百件，调解成", indent=2, gap=0, top=700)]
    second = [line("功二千七百件。", gap=20, top=100)]
    last = [line("清原满族自治县人民政府", indent=2, gap=16, top=100),  # the signature, atop the last page
            line("2021年1月22日", indent=2, gap=18, top=126)]
    text = paragraphs([first, second, last])
    assert text.startswith("清原满族自治县人民政府\n关于2020年度")
    assert text.endswith("清原满族自治县人民政府\n2021年1月22日")


def test_paragraphs__a_title_under_a_header_from_page_two_on_is_kept_and_the_header_dropped():
    title = "华士镇2025年度法治政府建设工作报告"

    def head() -> Line:
        return Line(title, 200, 390, 56, 66.5)  # 10.5 pt, in the header's place

    first = [Line(title, 100, 494, 100, 122), line("全镇共排查化解矛盾纠纷一百二十件，调解成功率达", indent=2, gap=0, top=700)]
    second = [head(), line("到百分之九十八。", gap=19, top=100), line("二、存在的不足", gap=25, top=700)]
    third = [head(), line("（一）执法力量薄弱。", gap=20, top=100)]
    assert paragraphs([first, second, third]).split("\n") == [
        title, "全镇共排查化解矛盾纠纷一百二十件，调解成功率达到百分之九十八。", "二、存在的不足", "（一）执法力量薄弱。"]


def _signature_atop_page_two() -> str:
    """A county's report printed by the project's printer so that its signature (the title's first line again)
    opens page 2: body paragraphs added until the signature is the first line past page 1."""
    from tests.realworld.printed import BODY, BOTTOM, LEADING, PAGE_H, TOP, printed_lines

    head = ["清原满族自治县人民政府", "关于2020年度法治政府建设情况的报告", "中共抚顺市委、抚顺市人民政府：",
            "2020年，县政府在市委、市政府的领导下，扎实推进法治政府建设。现将有关情况报告如下：",
            "一、主要举措和成效"]
    tail = ["二、存在的不足", "（一）部分乡镇执法能力与改革要求不相适应。", "（二）基层普法宣传形式较为单一。",
            "三、2021年工作安排", "（一）深入推进乡镇综合行政执法改革。", "（二）创新普法宣传方式。"]
    sign = ["清原满族自治县人民政府", "2021年1月22日"]
    fill = "全年审查重大决策事项和合同协议一百五十八件，提出法律意见三百条。"
    for n in range(1, 40):
        text = "\n".join([*head, *[f"（{'一二三四五六七八九十'[i % 10]}）{fill}" for i in range(n)], *tail, *sign])
        y, page, first_of = TOP, 1, {}
        for i, (printed, _, size) in enumerate(printed_lines(text)):
            if y + size > PAGE_H - BOTTOM:
                page, y = page + 1, TOP
                first_of[page] = printed
            y += size * LEADING
        if page == 2 and first_of[2] == sign[0]:
            return text
    raise AssertionError("no filling puts the signature atop page 2")


@pytest.mark.slow
def test_build__a_signature_atop_the_last_page_like_the_title_keeps_both_and_the_county(tmp_path):
    import reportkit as rk
    from reportkit.readers import Limits, read_pdf
    from tests.realworld.printed import pdf_bytes

    data = pdf_bytes(_signature_atop_page_two())
    text = read_pdf(data, Limits()).text
    assert text.startswith("清原满族自治县人民政府\n") and text.count("清原满族自治县人民政府") == 2
    (tmp_path / "qingyuan.pdf").write_bytes(data)
    document = rk.build(tmp_path, out=None, cache_dir=None, jobs=1)["documents"].iloc[0]
    assert (document["county"], document["level"]) == ("清原满族自治县", "county")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice, with its Writer) is not installed")
def test_build__word_s_header_from_page_two_on_repeating_the_title_leaves_the_title(tmp_path):
    """A 公文 as offices print it from Word: justified 16 pt lines at a fixed 28 pt, a centred title, a footer's PAGE
    field (— 1 —), and a header repeating the title on pages 2 on (different first page), printed by LibreOffice."""
    import subprocess

    import reportkit as rk
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    title = "华士镇2025年度法治政府建设工作报告"
    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].add_run(title).font.size = Pt(10.5)
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("— ")
        run = paragraph.add_run()
        for tag, kind in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
            element = OxmlElement(tag)
            if kind:
                element.set(qn("w:fldCharType"), kind)
            else:
                element.text = " PAGE "
            run._element.append(element)
        paragraph.add_run(" —")

    def add(text: str, *, size: float = 16, centred: bool = False) -> None:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
        form = paragraph.paragraph_format
        form.line_spacing_rule, form.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28 if not centred else 36)
        form.space_after = Pt(0)
        if not centred:
            form.first_line_indent = Pt(2 * size)
        paragraph.add_run(text).font.size = Pt(size)

    add(title, size=22, centred=True)
    add("今年以来，华士镇在江阴市委、市政府的坚强领导下扎实推进法治政府建设。现将有关情况报告如下：")
    add("一、主要举措和成效")
    for i in range(24):
        add(f"（{i + 1}）全年审查重大决策事项和合同协议一百五十八件，提出法律意见三百条，办理行政复议案件十二件。")
    add("二、存在的不足")
    add("（一）执法力量薄弱，执法装备不足。")
    add("三、下一步工作打算")
    add("（一）充实执法力量。")
    add("华士镇人民政府")
    add("2026年1月10日")
    raw = tmp_path / "raw"
    raw.mkdir()
    doc.save(tmp_path / "huashi.docx")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(raw), str(tmp_path / "huashi.docx")], check=True, capture_output=True,
                   timeout=240)
    if not (raw / "huashi.pdf").exists():  # soffice without its Writer (libreoffice-impress alone) prints no .docx
        pytest.skip("LibreOffice could not print a .docx: install libreoffice-writer")
    document = rk.build(raw, out=None, cache_dir=None, jobs=1)["documents"].iloc[0]
    assert document["title"] == title
    assert document["text"].count(title) == 1 and "— 2 —" not in document["text"]
    assert (document["town"], document["year"]) == ("华士镇", 2025)
