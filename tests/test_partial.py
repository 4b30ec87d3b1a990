"""Partial texts (page openings, copies cut short) and the same report in two formats (issue 15.3)."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pandas as pd
import pytest

import reportkit as rk
from reportkit.partial import partial_reasons, same_reports, short_for_kind
from reportkit.sections import split_sections

from .conftest import RAW, SAMPLE_REPORT

WRITTEN = Path(__file__).parent / "fixtures" / "written_reports"


def test_partial_reasons__a_whole_report_has_none(sample_report):
    text = rk.normalize_text(sample_report)
    assert partial_reasons(text, rk.split_sections(text)) == []


@pytest.mark.parametrize("tail, reason", [
    ("（开头部分已省略650字）", "elision marker"),
    ("开展普法宣传活动12场，发放资料3000余份，群众参与度……", "cut off"),
    ("开展普法宣传活动12场，发放资料3000余份，受众1.2万人次，群众法治意识逐步提", "cut off"),
])
def test_partial_reasons__elided_or_cut_off(tail, reason):
    text = "北城街道2023年法治政府建设年度报告\n一、主要举措和成效\n（一）深化普法宣传\n" + tail
    assert reason in partial_reasons(text, rk.split_sections(text))


def test_partial_reasons__an_opening_without_plans_or_signature_has_no_closing_part():
    text = "北城街道2023年法治政府建设年度报告\n一、主要举措和成效\n（一）深化普法宣传。开展活动12场。"
    assert partial_reasons(text, rk.split_sections(text)) == ["no closing part"]
    signed = text + "\n北城街道办事处\n2024年3月1日"
    assert partial_reasons(signed, rk.split_sections(signed)) == []


@pytest.mark.parametrize("footer", [
    "林州市合涧镇2023年度法治政府建设工作报告　　　　第 3 页 共 3 页",  # written round 110: a PDF copy's running footer
    "北城街道2023年法治政府建设情况报告 - 3 -",
    "第 3 页　北城街道2023年法治政府建设情况报告",
    "第3页 共3页",
])
def test_partial_reasons__the_last_page_s_header_or_footer_is_no_cut(footer):
    text = "北城街道2023年法治政府建设情况报告\n一、主要举措和成效\n开展活动12场。\n二、下一步打算\n加强学习。\n北城街道办事处\n2024年1月5日\n"
    assert partial_reasons(text + footer, split_sections(text + footer)) == []
    cut = text.replace("加强学习。\n北城街道办事处\n2024年1月5日\n", "加强学习，推进法治宣传教育，深入开展法律进乡村进社区活动，提升群\n")
    assert "cut off" in partial_reasons(cut + footer, split_sections(cut + footer))  # guard: a cut before it still shows


@pytest.mark.parametrize("text, reasons", [
    # a county's opening, cut at a sentence's end, its work listed 一是…四是 with no numbered heading (f010)
    ("望都县2024年法治政府建设情况报告\n一是健全工作机制。今年以来，推动各政府部门学法116次。二是落实报告制度。"
     "2024年3月8日，以县政府正式文件向市政府报告。四是推动落实政府部门负责人旁听庭审制度。", ["no closing part"]),
    # whole reports with no numbered heading: their plans are said, or they are signed
    ("北城街道2023年法治政府建设情况\n今年以来，街道开展普法活动12场。下一步，街道将继续深化普法宣传。", []),
    ("北城街道2023年法治政府建设情况\n今年以来，街道开展普法活动12场。2024年，我街道将持续推进依法行政。", []),
    ("北城街道2023年法治政府建设情况\n今年以来，街道开展普法活动12场。\n北城街道办事处\n2024年1月5日", []),
])
def test_partial_reasons__a_text_without_headings_is_whole_when_it_says_its_plans_or_is_signed(text, reasons):
    assert partial_reasons(text, split_sections(text)) == reasons


@pytest.mark.parametrize("page", [
    "西河镇2023年度法治政府建设工作报告\n附件：西河镇2023年度法治政府建设工作报告.pdf",
    "关于印发西河镇2023年度法治政府建设工作报告的通知\n附件下载：西河镇2023年度法治政府建设工作报告.docx",
    "西河镇2023年度法治政府建设工作报告",
])
def test_partial_reasons__a_page_that_only_links_the_report_has_no_report_text(page):
    assert partial_reasons(page, rk.split_sections(page)) == ["no report text"]


def test_partial_reasons__a_short_whole_report_has_sentences_so_report_text():
    text = ("2023年法治政府建设情况报告\n2023年，青河镇全面推进法治政府建设。\n一、主要工作\n（一）召开专题会议4次。\n"
            "二、存在的不足\n一是部分干部依法行政意识不强；二是普法宣传形式单一。\n三、下一步工作打算\n（一）加强干部法治培训。")
    assert partial_reasons(text, rk.split_sections(text)) == []


def test_build__a_saved_page_with_only_the_title_and_its_attachment_is_partial(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "link_only.html").write_text(
        "<html><head><title>西河镇2023年度法治政府建设工作报告_西河镇人民政府</title></head><body>"
        "<div class='nav'>首页 &gt; 政务公开 &gt; 法治政府建设年度报告</div>"
        "<div class='article'><h1>西河镇2023年度法治政府建设工作报告</h1>"
        "<p>发布时间：2024-02-05 来源：西河镇人民政府 浏览次数：126</p>"
        "<p>附件：<a href='/u/2024/report.pdf'>西河镇2023年度法治政府建设工作报告.pdf</a></p></div>"
        "<div class='foot'>【打印本页】【关闭窗口】</div></body></html>", encoding="utf-8")
    document = rk.build(raw, out=tmp_path / "out")["documents"].iloc[0]
    assert (document["town"], document["year"], document["is_partial"]) == ("西河镇", 2023, True)
    assert document["partial_reason"] == "no report text"


def test_short_for_kind__far_shorter_than_the_whole_reports_of_its_level():
    docs = pd.DataFrame({"level": ["township"] * 6 + ["county"], "n_chars": [6000, 5000, 7000, 5500, 6500, 1200, 900],
                         "partial_reason": [""] * 7})
    assert short_for_kind(docs).tolist() == [False] * 5 + [True, False]  # too few county reports to compare


def test_same_reports__identical_chinese_text_and_near_copies():
    text = rk.normalize_text(SAMPLE_REPORT)
    lost_table = text.replace("受众1.2万人次。", "")
    found = same_reports([("a.txt", text, "北城街道 2023"), ("b.docx", text.replace("\n", " "), ""),
                          ("c.txt", lost_table, "北城街道 2023"), ("d.txt", "另一份完全不同的报告。" * 30, "北城街道 2023"),
                          ("e.txt", text.replace("北城街道", "南城街道"), "南城街道 2023")])
    assert set(found) == {"b.docx", "c.txt"} and found["b.docx"] == ("a.txt", 1.0, False)
    assert found["c.txt"].kept == "a.txt" and 0.9 <= found["c.txt"].similarity < 1.0 and not found["c.txt"].part
    # e.txt: another town's report copied from a.txt is reuse, not the same report


def test_same_reports__of_near_identical_copies_the_fuller_is_kept_and_a_text_pasted_twice_is_not_fuller():
    # an adversarial review: the same report pasted twice (a_twice.txt) was kept over the clean copy by name
    # order, doubling its length, its term counts and its plans part
    text = rk.normalize_text(SAMPLE_REPORT)
    found = same_reports([("a_twice.txt", text + "\n" + text, "北城街道 2023"), ("zz_clean.txt", text, "北城街道 2023")])
    assert {f: (c.kept, c.part) for f, c in found.items()} == {"a_twice.txt": ("zz_clean.txt", False)}
    lost_table = text.replace("受众1.2万人次。", "")  # the copy that kept the table is kept, whichever comes first
    found = same_reports([("a.txt", lost_table, "北城街道 2023"), ("b.docx", text, "北城街道 2023")])
    assert {f: c.kept for f, c in found.items()} == {"a.txt": "b.docx"}


def _whole_and_parts():
    whole = rk.normalize_text(SAMPLE_REPORT)
    opening = whole[: whole.index("二、")]  # a page opening, cut after the first part
    later = whole[whole.index("二、"):]  # a copy that begins at the second part
    return whole, opening, later


def test_same_reports__a_page_copy_is_a_part_of_the_whole_report_which_is_kept_whichever_comes_first():
    whole, opening, later = _whole_and_parts()
    found = same_reports([("page.txt", opening, "北城街道 2023"), ("later.html", later, "北城街道 2023"),
                          ("whole.docx", whole, "北城街道 2023"), ("again.txt", opening, "北城街道 2023")])
    assert {file: (copy.kept, copy.part) for file, copy in found.items()} == {
        "page.txt": ("whole.docx", True), "later.html": ("whole.docx", True), "again.txt": ("whole.docx", False)}
    assert all(copy.similarity >= 0.9 for copy in found.values())
    # kept the same way when the whole report comes first
    assert {f: c.kept for f, c in same_reports([("whole.docx", whole, "北城街道 2023"),
                                               ("page.txt", opening, "北城街道 2023")]).items()} == {"page.txt": "whole.docx"}


def test_same_reports__a_part_only_of_the_same_town_and_year_and_nearly_all_of_its_text():
    whole, opening, _ = _whole_and_parts()
    assert same_reports([("whole.txt", whole, "北城街道 2023"), ("page.txt", opening, "南城街道 2023")]) == {}
    assert same_reports([("whole.txt", whole, "北城街道 2023"), ("page.txt", opening, "")]) == {}
    # towns of one name in two counties are two towns; a copy that does not show its county may be either
    assert same_reports([("a.txt", whole, "北城街道 2023 甲县"), ("b.txt", opening, "北城街道 2023 乙县")]) == {}
    assert list(same_reports([("a.txt", whole, "北城街道 2023 甲县"), ("b.txt", opening, "北城街道 2023")])) == ["b.txt"]
    # the same town's next report, reusing its opening part and rewriting the rest, is another report
    next_year = opening + "二、存在的不足\n一是执法力量薄弱，专业人员缺乏。二是群众参与普法的积极性不高。\n三、下一步工作安排\n继续推进。"
    assert same_reports([("whole.txt", whole, "北城街道 2023"), ("other.txt", next_year, "北城街道 2023")]) == {}


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    """The seeds, a 700-character page opening of a sixth report, a Word copy and a GBK copy."""
    raw = tmp_path_factory.mktemp("mixed") / "raw"
    shutil.copytree(RAW, raw)
    opening = SAMPLE_REPORT.replace("北城街道", "东湖街道")[:700]
    (raw / "opening.txt").write_text(opening.split("二、存在的不足")[0], encoding="utf-8")
    seed = (RAW / "002_65f6f072feb0dbc0.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for line in seed.split("\n"):
        document.add_paragraph(line)
    document.save(raw / "word_copy.docx")
    (raw / "gbk_copy.txt").write_bytes((RAW / "004_157b345b01cbe403.txt").read_text(encoding="utf-8").encode("gb18030"))
    return rk.build(raw, manifest=None, out=None, cache_dir=None, jobs=1)


def test_build__same_report_in_another_format_or_encoding_is_counted_once_and_named(mixed_build):
    docs, log = mixed_build["documents"], mixed_build["build_log"].set_index("file")
    assert len(docs) == 6 and not docs["file"].isin(["word_copy.docx", "gbk_copy.txt"]).any()
    assert "002_65f6f072feb0dbc0.txt" in log.loc["word_copy.docx", "message"]
    assert "004_157b345b01cbe403.txt" in log.loc["gbk_copy.txt", "message"]
    assert set(log.loc[["word_copy.docx", "gbk_copy.txt"], "codes"]) == {"same_report"}
    for table in ("sections", "indicators", "term_counts", "passages", "shortcomings"):
        assert set(mixed_build[table]["doc_id"]) <= set(docs["doc_id"]), table


def test_build__a_page_copy_beside_the_whole_report_is_counted_once_from_the_whole(tmp_path):
    """An analyst saves a site's page copy of a report, then adds the whole report from the town."""
    raw, out, cache = tmp_path / "raw", tmp_path / "out", tmp_path / "cache"
    raw.mkdir()
    shutil.copy(WRITTEN / "r357_jieyuan_hongqiao_queye.txt", raw / "a_page.txt")  # met first: its name sorts first
    alone = rk.build(raw, manifest=None, out=out, cache_dir=cache, jobs=1)
    assert alone["documents"]["file"].tolist() == ["a_page.txt"] and alone["documents"]["is_partial"].all()
    shutil.copy(WRITTEN / "r356_jieyuan_hongqiao_qianming.txt", raw / "b_whole.txt")
    for _ in range(2):  # the whole added, then built again unchanged (the answer the cache kept)
        built = rk.build(raw, manifest=None, out=out, cache_dir=cache, jobs=1)
        docs, log = built["documents"], built["build_log"].set_index("file")
        assert docs["file"].tolist() == ["b_whole.txt"] and not docs["is_partial"].any()
        assert log.loc["a_page.txt", "codes"] == "part_of_report"
        assert "b_whole.txt" in log.loc["a_page.txt", "message"]
        for table in ("sections", "indicators", "shortcomings"):
            assert set(built[table]["doc_id"]) == set(docs["doc_id"]), table
    (raw / "b_whole.txt").unlink()
    assert rk.build(raw, manifest=None, out=out, cache_dir=cache, jobs=1)["documents"]["file"].tolist() == ["a_page.txt"]


def test_build__page_opening_is_partial_and_logged(mixed_build):
    docs = mixed_build["documents"].set_index("file")
    assert docs.loc["opening.txt", "is_partial"] and "no closing part" in docs.loc["opening.txt", "partial_reason"]
    assert not docs.drop(index="opening.txt")["is_partial"].any()
    log = mixed_build["build_log"].set_index("file")
    assert "partial" in log.loc["opening.txt", "codes"].split(";")


def test_notebook_setup__partial_texts_are_left_out_of_the_denominators(mixed_build, tmp_path):
    from reportkit.store import write_tables

    out = tmp_path / "processed"
    write_tables(mixed_build, out)
    nb = rk.notebooks.setup(out, tmp_path / "outputs")
    assert len(nb.docs) == 6 and len(nb.whole) == 5
    assert nb.partial_note == "另有 1 份不完整文本（只有开头或被删节）未计入"
    summary = rk.theme_summary(mixed_build["shortcomings"], nb.whole)
    assert (summary["n_reports_total"] == 5).all()


def test_partial_reasons__a_report_closing_with_shortcomings_and_plans_together_is_whole():
    text = ("一、2023年主要举措\n全年集中学法10次。\n"
            "二、存在的问题及下一步工作打算\n一是执法力量薄弱。下一步，我镇将充实执法力量，创新普法形式。")
    assert partial_reasons(text, rk.split_sections(text)) == []


_WHOLE = ("2023年，石门镇扎实推进法治政府建设，现将有关情况报告如下。\n一、主要举措和成效\n（一）强化组织领导。召开专题会议4次。\n"
          "二、存在的不足\n一是执法力量薄弱。\n三、下一步工作打算\n（一）加强学习培训，提升干部法治素养。\n（二）强化执法队伍建设，规范执法行为。")


@pytest.mark.parametrize("end", ["\n（三）加强执法人员培", "\n四、其他需要报告的事项"])
def test_partial_reasons__a_text_ending_on_a_heading_after_a_paragraph_is_cut(end):
    assert "cut off" in partial_reasons(_WHOLE + end, split_sections(_WHOLE + end))


@pytest.mark.parametrize("end", ["", "\n\n石门镇人民政府\n2024年1月12日", "\n\n附件：\n1.2023年法治政府建设工作台账",
                                 "\n\n阅读原文",
                                 # a PDF of a flat copy: the last item, the signature and its date on one line
                                 "\n（三）开展执法人员轮训，规范执法行为。 石门镇人民政府2024年1月12日",
                                 "\n3、创新普法方式。　石门镇人民政府　二〇二四年一月十二日"])
def test_partial_reasons__whole_reports_end_in_many_ways(end):
    assert partial_reasons(_WHOLE + end, split_sections(_WHOLE + end)) == []


@pytest.mark.parametrize("signature", ["", "\n\n新县千斤乡人民政府", "\n千斤乡党委"])
def test_partial_reasons__plans_as_the_last_paragraph_of_the_problems_part_end_a_whole_report(signature):
    # written round 65: the plans (下一步，…将…) closed part 三 above a signature with no date: read as cut
    text = ("一、主要举措和成效\n召开专题会议4次。\n二、存在的不足\n一是执法力量薄弱。二是宣传不够深入。\n"
            "下一步，千斤乡将重点抓好以下工作：一是加强学法用法；二是充实法治力量。" + signature)
    assert partial_reasons(text, split_sections(text)) == []


def test_partial_reasons__a_signature_with_no_date_below_a_part_s_paragraph_is_still_no_closing_part():
    text = "一、主要举措和成效\n召开专题会议4次。\n二、存在的不足\n一是执法力量薄弱。\n\n新县千斤乡人民政府"
    assert partial_reasons(text, split_sections(text)) == ["no closing part"]


def test_partial_reasons__a_list_of_bare_headings_may_end_a_report():
    text = _WHOLE.rsplit("\n", 2)[0] + "\n（一）加强学习培训\n（二）强化队伍建设"
    assert partial_reasons(text, split_sections(text)) == []


def test_partial_reasons__a_link_to_the_rest_of_the_page_marks_an_excerpt():
    assert partial_reasons(_WHOLE + "\n\n点击查看全文", split_sections(_WHOLE)) == ["elision marker"]


@pytest.mark.parametrize("note", ["仅展示628字，全文共2002字", "还剩3页未读，继续阅读", "试读结束，下载文档查看全文"])
def test_partial_reasons__a_document_sharing_site_s_excerpt_note_marks_an_excerpt(note):
    assert partial_reasons(_WHOLE + "\n" + note, split_sections(_WHOLE)) == ["elision marker"]


@pytest.mark.parametrize("note", ["还剩40%未读", "剩余 35％ 内容", "剩余62%的内容"])
def test_partial_reasons__an_app_s_hidden_share_of_the_article_marks_an_excerpt(note):
    # written round 104 (a 今日头条 copy ending 剩余 58% 内容，打开APP阅读全文): the share the app hides, alone
    assert partial_reasons(_WHOLE + "\n" + note, split_sections(_WHOLE)) == ["elision marker"]


@pytest.mark.parametrize("note", ["剩余10%的任务将在明年完成。", "整改完成率90%，剩余问题限期整改。"])
def test_partial_reasons__a_remaining_share_of_the_work_is_no_excerpt(note):
    # guards, which passed before: a share of the work left (剩余…的任务) says nothing of the copy
    assert partial_reasons(_WHOLE + "\n" + note, split_sections(_WHOLE)) == []


@pytest.mark.parametrize("stop", ["\n今年，", "\n为此，我街道将突出抓好三个方面，", "\n重点抓好法治宣传、",
                                  "\n一是深化“八五”普法，开展“法", "\n三是推进诉源治理,力争"])
def test_partial_reasons__a_short_last_line_that_stops_on_a_comma_is_cut(stop):
    # a probe of whole written reports cut mid-sentence: 四、2022年工作计划\n2022年， read as a whole report
    text = _WHOLE + stop
    assert "cut off" in partial_reasons(text, split_sections(text))
    # … a short last line that ends its sentence, or a signed date, is no cut
    for end in ("\n继续抓好法治宣传。", "\n\n石门镇人民政府\n2024年1月12日", "\n\n返回搜狐，查看更多"):
        assert "cut off" not in partial_reasons(_WHOLE + end, split_sections(_WHOLE + end))
    # … nor a bare heading with a comma in it that closes a list of bare headings
    listed = _WHOLE.rsplit("\n", 2)[0] + "\n（一）加强学习培训，提升干部素养\n（二）强化队伍建设，规范执法行为"
    assert partial_reasons(listed, split_sections(listed)) == []


def test_partial_reasons__a_text_that_ends_on_its_announcement_is_cut():
    text = "石门镇2023年法治政府建设工作报告\n2023年，石门镇扎实推进法治政府建设，现将有关情况报告如下。"
    assert partial_reasons(text, split_sections(text)) == ["cut off", "no closing part"]


@pytest.mark.parametrize("text, elided", [("甲。\n……（中间部分略）……\n乙。", True), ("（下略）", True), ("（此处略）", True),
                                          ("甲。\n（此处有删节）\n乙。", True), ("（有删节）", True),
                                          ("实施乡村振兴战略（国家战略）。", False), ("坚持发展战略）。", False),
                                          ("删节本教材已发放。", False)])
def test_partial_reasons__an_elision_in_other_words(text, elided):
    assert ("elision marker" in partial_reasons(text)) == elided


def test_partial_reasons__attachments_listed_after_the_signature_end_a_whole_report():
    text = _WHOLE + "\n\n石门镇人民政府\n2024年1月12日\n\n附件：1.2022年度行政执法统计表 2.2022年度普法活动台账"
    assert partial_reasons(text, split_sections(text)) == []


@pytest.mark.parametrize("lead_in", ["记者注意到，报告对存在的不足写得具体。以下为报告节选：\n",  # a news item quotes it
                                     "示精神，制定职责清单，明确职责任务12项。\n"])  # page 2 begins inside part 二
def test_partial_reasons__a_closing_part_numbered_past_one_after_other_text_has_no_opening_part(lead_in):
    text = lead_in + "三、存在的不足和原因\n1.工作力量薄弱。\n四、2024年工作打算\n（一）充实法治工作力量。\n\n仙米乡人民政府\n2024年1月6日"
    assert partial_reasons(text, split_sections(text)) == ["no opening part"]
    # after sentences, 二、 naming the work is no closing part: it may be a body line
    body = "今年以来，全镇上下共同努力。\n二、强化法治建设\n全年开展活动5场。"
    assert split_sections(body)["level"].max() == 0


def test_partial_reasons__parts_numbered_past_a_lost_one_are_missing_a_part():
    lost = _WHOLE.replace("二、存在的不足", "三、存在的不足").replace("三、下一步工作打算", "四、下一步工作打算")
    assert partial_reasons(lost, split_sections(lost)) == ["part missing"]
    # a number written twice (一、二、二、) is a slip, not a loss
    slip = _WHOLE.replace("三、下一步工作打算", "二、下一步工作打算")
    assert partial_reasons(slip, split_sections(slip)) == []


def test_partial_reasons__a_copy_that_begins_at_a_later_part_has_no_opening_part():
    text = "首页 > 乡镇信息\n三、存在的问题\n一是宣传不够。\n四、2023年工作打算\n（一）加强培训。\n\n高公庄乡人民政府\n2023年1月6日"
    assert partial_reasons(text, split_sections(text)) == ["no opening part"]
    assert partial_reasons(_WHOLE, split_sections(_WHOLE)) == []  # a report that begins at 一、


@pytest.mark.parametrize("numbers", [("【一、", "【二、", "【三、", "【四、", "】"), ("壹、", "贰、", "叁、", "肆、", ""),
                                     ("▍一、", "▍二、", "▍三、", "▍四、", ""), ("◆ 一、", "◆ 二、", "◆ 三、", "◆ 四、", ""),
                                     ("Ⅰ、", "Ⅱ、", "Ⅲ、", "Ⅳ、", ""), ("I. ", "II. ", "III. ", "IV. ", ""),
                                     ("1️⃣ ", "2️⃣ ", "3️⃣ ", "4️⃣ ", "")])
def test_partial_reasons__a_copy_that_begins_at_a_later_part_numbered_in_other_ways_has_no_opening_part(numbers):
    # a probe of whole written reports cut at a paragraph: parts typed 【二、…】, 贰、 (壹 贰 叁), ▍二、, Ⅱ、, II. or 2️⃣
    # read as no part
    one, two, three, four, close = numbers
    text = (f"{two}镇党委书记履行推进法治建设第一责任人职责情况{close}\n书记主持学法4次，带头接访群众12人次。\n"
            f"{three}存在的短板{close}\n一是法治队伍力量不足。\n二是群众学法主动性不强。\n"
            f"{four}2025年工作思路{close}\n（一）充实执法力量。\n\n柳河镇人民政府\n2025年1月8日")
    assert "no opening part" in partial_reasons(text, split_sections(text))
    # … and the whole report, its first part numbered one in the same way, has none
    whole = ("柳河镇2024年度法治政府建设工作报告\n2024年，柳河镇扎实推进法治政府建设，现将有关情况报告如下：\n"
             f"{one}主要举措和成效{close}\n召开专题会议3次。\n" + text)
    assert partial_reasons(whole, split_sections(whole)) == []


@pytest.mark.parametrize("label", ["附件", "附件1：", "附表"])
def test_partial_reasons__an_annex_table_after_the_signed_date_ends_a_whole_report(label):
    # written round 37: the table's last row read as a sentence cut off
    text = (_WHOLE + f"\n\n鲁沙尔镇人民政府\n2024年1月19日\n\n{label}\n鲁沙尔镇2023年主要数据统计表\n"
            "| 序号 | 指标名称 | 单位 | 2023年 | 备注 |\n| 1 | 行政执法检查 | 次 | 1684 |  |\n| 2 | 党政主要负责人专题研究法治建设 | 次 | 5 |  |")
    assert partial_reasons(text, split_sections(text)) == []
    # … but a 附件 line inside the body, with no signed date above it, ends nothing
    assert "cut off" in partial_reasons(_WHOLE + "\n附件\n| 1 | 党政主要负责人专题研究法治建设工作情况并形成会议纪要的次数 | 次 | 5")


def test_partial_reasons__a_document_site_s_download_button_on_a_whole_copy_is_no_elision():
    # written round 43: a whole copy of all five pages (第 5 页 / 共 5 页) under the site's 下载文档 button
    text = _WHOLE + "\n第 5 页 / 共 5 页\n下载文档（5积分）　　　收藏　　　分享　　　举报"
    assert "elision marker" not in partial_reasons(text, split_sections(_WHOLE))
    assert partial_reasons(_WHOLE + "\n下载完整文档", split_sections(_WHOLE)) == ["elision marker"]


def test_partial_reasons__a_closing_paragraph_of_plans_without_a_signature_ends_a_whole_report():
    # written round 47: 下一步，我镇将… after the problems, no plans heading and no signature
    text = ("2023年，石门镇扎实推进法治政府建设，现将有关情况报告如下。\n一、主要举措和成效\n（一）强化组织领导。召开专题会议4次。\n"
            "二、存在的不足\n一是执法力量薄弱。\n下一步，我镇将坚持以习近平法治思想为指导，针对上述问题逐项整改。")
    assert partial_reasons(text, split_sections(text)) == []
    cut = text.rsplit("\n", 1)[0]  # without it, the copy stops after the problems
    assert partial_reasons(cut, split_sections(cut)) == ["no closing part"]



@pytest.mark.parametrize("note", ["打开APP，查看剩余内容", "在APP内阅读全文 >", "下载客户端，阅读完整报告", "查看全部︾",
                                  "打开今日头条APP查看完整内容"])
def test_partial_reasons__an_app_share_page_s_line_sending_the_reader_to_the_app_for_the_rest_marks_an_excerpt(note):
    # written round 75: 打开APP阅读全文 under a share page's cut was dropped as an advertisement, the copy whole
    from reportkit.pagechrome import split_chrome
    text, _ = split_chrome(rk.normalize_text(_WHOLE + "\n\n" + note))
    assert partial_reasons(text, split_sections(text)) == ["elision marker"]


@pytest.mark.parametrize("note", ["打开APP，查看更多精彩内容", "立即下载APP，新用户领7天VIP", "查看全部评论 >"])
def test_partial_reasons__an_app_s_advertisement_or_a_comments_button_under_a_whole_report_is_no_elision(note):
    from reportkit.pagechrome import split_chrome
    text, _ = split_chrome(rk.normalize_text(_WHOLE + "\n\n" + note))
    assert "elision marker" not in partial_reasons(text, split_sections(text))


def test_partial_reasons__a_link_to_a_whole_list_under_a_whole_page_is_no_elision():
    from reportkit.pagechrome import split_chrome
    text, _ = split_chrome(rk.normalize_text(_WHOLE + "\n\n相关推荐　　查看全部 >\n东湖镇2022年法治政府建设年度报告"))
    assert "elision marker" not in partial_reasons(text, split_sections(text))


def test_partial_reasons__a_card_summary_saved_alone_is_no_report():
    # round 81: an 一图读懂 page saved for the report it sums up (here 图解 and 数说, other wordings)
    cards = ("图解｜城关街道2023年度法治政府建设情况报告\n01　年度主要成效\n办理行政复议案件　4件\n"
             "开展普法活动　35场\n02　存在的问题\n●社区法律服务力量不足\n03　下一步打算\n●深化普法宣传\n")
    assert "summary only" in partial_reasons(cards, split_sections(cards))
    numbers = "数说：某乡2022年法治政府建设\n调解纠纷 58件\n普法讲座 12场\n"
    assert "summary only" in partial_reasons(numbers)


def test_partial_reasons__an_editors_note_above_a_report_is_not_a_summary():
    # 编者按 runs into the report it introduces; a 解读 followed by the report's title is no summary alone
    noted = ("编者按：现将某镇报告全文刊发。\n2023年，某镇扎实推进法治政府建设。\n一、主要举措\n开展执法检查20次。\n"
             "二、存在的问题\n执法力量不足。\n三、下一步打算\n加强队伍建设。\n某镇人民政府\n2024年1月5日")
    assert "summary only" not in partial_reasons(noted, split_sections(noted))
    read = "政策解读\n报告共四个部分。\n某镇2023年度法治政府建设工作报告\n2023年，某镇扎实推进法治政府建设。"
    assert "summary only" not in partial_reasons(read)


@pytest.mark.parametrize("first", ["2.规范执法行为。全年开展执法检查60次。\n3.加强执法培训。组织培训2期。\n",
                                   "（2）规范执法行为。全年开展执法检查60次。\n"])
def test_partial_reasons__a_copy_that_begins_at_a_later_item_of_part_one_has_no_opening_part(first):
    # written round 99 (long reports cut at a paragraph past 40 %: 3.加强征收拆迁领域依法行政。…\n4.…\n（五）…\n1.…\n
    # 二、党政主要负责人…): the end of a sub-part's list above the next sub-part hid that the copy begins inside part
    # one, so its 二、, 三、 … were no parts and it passed as whole; other wordings
    text = (first + "（三）深化普法宣传\n1.开展主题宣传。举办活动12场。\n2.培育法律明白人。培育45名。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头学法。\n三、存在的问题\n一是执法力量不足。\n"
            "二是群众法治意识不强。\n四、下一步工作打算\n（一）充实执法力量。\n\n柳河镇人民政府\n2025年1月8日")
    sections = split_sections(text)
    assert partial_reasons(text, sections) == ["no opening part"]
    assert {"leadership", "shortcomings", "plans"} <= set(sections.loc[sections["level"] == 1, "section_type"])


@pytest.mark.parametrize("first", ["2.规范执法行为。全年开展执法检查60次。\n3.加强执法培训。组织培训2期。\n",
                                   "（2）规范执法行为。全年开展执法检查60次。\n"])
def test_partial_reasons__the_whole_report_with_items_closing_a_sub_part_has_none(first):
    # guard, which passed before: the whole report, its first part's heading and opening above the same lines
    whole = ("柳河镇2024年度法治政府建设工作报告\n2024年，柳河镇扎实推进法治政府建设，现将有关情况报告如下：\n"
             "一、主要举措和成效\n（一）强化组织领导\n1.召开专题会议3次。\n（二）严格规范执法\n1.落实三项制度。\n" + first +
             "（三）深化普法宣传\n1.开展主题宣传。举办活动12场。\n2.培育法律明白人。培育45名。\n"
             "二、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头学法。\n三、存在的问题\n一是执法力量不足。\n"
             "二是群众法治意识不强。\n四、下一步工作打算\n（一）充实执法力量。\n\n柳河镇人民政府\n2025年1月8日")
    assert partial_reasons(whole, split_sections(whole)) == []


@pytest.mark.parametrize("first", ["（四）预防化解社会矛盾纠纷。全县调解纠纷6420件。", "(5) 政务服务持续优化，可办事项83项。",
                                   "六是政务公开更加透明，主动公开信息132条。", "5. 深化执法体制改革，划转事项38项。",
                                   "（十二）加强队伍建设。全年培训执法人员46人次。"])
def test_partial_reasons__a_copy_that_begins_at_a_later_item_of_a_list_has_no_opening_part(first):
    # written rounds 109 and 110: a PDF's second page saved alone, begun at a later item of a list whose parts are
    # labelled 【…】, numbered 1. or not numbered at all; no whole report begins there
    text = (first + "\n【下一步工作打算】\n一是加强学法。二是规范执法。\n\n巫溪县人民政府\n2025年2月20日")
    assert "no opening part" in partial_reasons(text, split_sections(text))


@pytest.mark.parametrize("first", ["（一）主要举措和成效", "一是坚持党的领导，学法4次。", "2024年，我镇坚持以习近平法治思想为指导。",
                                   "2.5万元法治经费全部到位。", "二〇二四年度法治政府建设情况报告"])
def test_partial_reasons__a_text_that_begins_at_a_first_item_or_a_figure_has_an_opening(first):
    # guards: a first item, a year, a figure with a decimal point and a title begin a whole report as well
    text = (first + "\n一、主要举措和成效\n召开专题会议3次。\n二、存在的问题\n一是宣传不够。\n三、下一步工作打算\n"
            "（一）加强培训。\n\n高公庄乡人民政府\n2023年1月6日")
    assert "no opening part" not in partial_reasons(text, split_sections(text))
