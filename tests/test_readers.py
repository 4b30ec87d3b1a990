"""Readers: every format from tiny files made here, and the errors a person sees."""
from __future__ import annotations

import io
import zipfile

import pytest

from reportkit.config import Limits
from reportkit.chinese import count_cjk
from reportkit.readers import ReadError, decode_text, extract

TEXT = ("青城镇2022年度法治政府建设工作报告\n一、主要举措和成效\n"
        "我镇开展集中普法宣传12次，送法入户100余次，普法受众近3万人，调解成功率100％。")
LIMITS = Limits()


def read(data: bytes, suffix: str, limits: Limits = LIMITS):
    return extract(data, suffix, name=f"x{suffix}", limits=limits)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_extract__txt_in_any_common_encoding(encoding):
    assert read(TEXT.encode(encoding), ".txt").text == TEXT


def test_decode_text__gbk_reported_as_gb18030_superset():
    assert decode_text(TEXT.encode("gbk"))[1] == "gb18030"


# A report dated as official documents are: years in Chinese numerals with ○ in the title and under the
# signature (a geometric sign in GBK and Big5), which charset-normalizer's first probe found chaotic.
DATED = ("青城镇二○二二年度法治政府建设工作报告\n二○二二年，我镇坚持依法行政，全年开展集中普法宣传12次，"
         "送法入户100余次，调解成功率100%。二○二三年，我镇将继续深化普法。\n"
         "青城镇人民政府\n二○二三年一月十日")


@pytest.mark.parametrize("encoding, expected", [("gbk", "gb18030"), ("big5", "big5")])
def test_decode_text__a_report_dated_with_circle_zeros(encoding, expected):
    import opencc

    text = DATED if encoding == "gbk" else opencc.OpenCC("s2t").convert(DATED)  # Big5 holds Traditional
    assert read(text.encode(encoding), ".txt").text == text
    assert decode_text(text.encode(encoding))[1] == expected


def make_docx(paragraphs, table=None) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_extract__docx_paragraphs_in_order_then_table_cells():
    data = make_docx(["大年乡2024年法治政府建设年度报告", "一、推进法治政府建设的主要举措和成效",
                      "组织开展各类法治宣传活动17场次，印发各类宣传资料1000余份。"],
                     table=[["指标", "数量"], ["法律明白人", "80人"]])
    text = read(data, ".docx").text
    assert text.split("\n")[:3] == ["大年乡2024年法治政府建设年度报告", "一、推进法治政府建设的主要举措和成效",
                                    "组织开展各类法治宣传活动17场次，印发各类宣传资料1000余份。"]
    assert text.split("\n")[-1] == "法律明白人\t80人"


def test_extract__docx_zip_bomb_refused_by_declared_size():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\0" * (3 * 2**20))
    with pytest.raises(ReadError, match="zip bomb"):
        read(buffer.getvalue(), ".docx", Limits(max_unzipped_bytes=2**20))


def test_extract__docx_not_a_zip_is_a_clear_error():
    with pytest.raises(ReadError, match="not a valid .docx"):
        read(b"PK\x03\x04 this is not really a zip" * 10, ".docx")


HTML = """<html><head><meta charset="gbk"><title>治平乡2023年法治政府建设情况报告</title>
<script>var x = "不要这段脚本";</script><style>.a{}</style></head><body>
<div class="nav">首页 | 政务公开 | 法治政府</div>
<div class="breadcrumb">当前位置：首页 > 政府信息公开 > 法治政府建设</div>
<table class="xxgk"><tr><td>索引号：11500229-2024-001</td><td>发布机构：城口县治平乡人民政府</td></tr>
<tr><td>发布日期：2024-03-28</td></tr></table>
<div class="article"><h1>城口县治平乡人民政府关于2023年法治政府建设情况的报告</h1>
<p>一年来，治平乡坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。</p>
<p>一、2023年工作开展情况</p><p>今年以来我乡开展普法宣传活动10余次，向群众散发宣传资料700余份。</p></div>
<div class="footer">版权所有：城口县人民政府 主办单位：城口县人民政府办公室</div>
</body></html>"""


def test_extract__html_honours_declared_charset_and_drops_chrome():
    extracted = read(HTML.encode("gbk"), ".html")
    assert extracted.encoding == "gb18030"
    assert "开展普法宣传活动10余次" in extracted.text
    for chrome in ("首页", "当前位置", "版权所有", "不要这段脚本", "索引号"):
        assert chrome not in extracted.text
    assert extracted.text.startswith("城口县治平乡人民政府关于2023年法治政府建设情况的报告")


def test_extract__html_keeps_publisher_and_date_as_hints():
    hints = read(HTML.encode("gbk"), ".html").hints
    assert hints["publisher"] == "城口县治平乡人民政府"
    assert hints["publish_date"] == "2024-03-28"


def test_extract__html_the_articles_own_table_beats_the_pages_title_and_header_row():
    # <title> names the site's column, the header row says 来源：本站; the article's first lines are
    # the report's own table (标题：…, 发布机构：…), dropped from the text as chrome.
    page = ("<html><head><title>政务公开</title></head><body><div class='info'>来源：本站 浏览次数：128</div>"
            "<div id='zoom'><p>索引号：11360423MB1234567X/2024-00012 主题分类：其他</p>"
            "<p>标题：船滩镇2023年法治政府建设情况报告</p><p>发布机构：武宁县船滩镇人民政府 发布日期：2024-02-02</p>"
            "<p>2023年，我镇紧紧围绕县委、县政府工作部署，全面推进法治政府建设。</p><p>一、主要举措</p>"
            "<p>（一）规范行政决策。全年召开党政联席会议研究重大事项15次，开展普法宣传活动10余次。</p></div></body></html>")
    extracted = read(page.encode("utf-8"), ".html")
    assert (extracted.hints["page_title"], extracted.hints["publisher"]) == (
        "船滩镇2023年法治政府建设情况报告", "武宁县船滩镇人民政府")
    assert "标题" not in extracted.text and extracted.text.startswith("2023年，我镇")


def _pdf_with_text() -> bytes:
    """A one-page PDF whose text layer holds Chinese (drawn with the bundled CJK font)."""
    import matplotlib
    import noto_cjk_sans_otc
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig = Figure(figsize=(8, 3))
        font = FontProperties(fname=str(noto_cjk_sans_otc.FONT_PATH))
        fig.text(0.05, 0.5, "开展普法宣传活动十余场，发放资料三千余份，调解成功率百分之百，法治政府建设", fontproperties=font)
        buffer = io.BytesIO()
        FigureCanvasPdf(fig).print_pdf(buffer)
    return buffer.getvalue()


def test_extract__pdf_text_layer():
    assert "普法宣传活动" in read(_pdf_with_text(), ".pdf").text


def test_extract__pdf_without_text_layer_says_ocr():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf")
    plt.close(fig)
    with pytest.raises(ReadError, match="no text layer"):
        read(buffer.getvalue(), ".pdf")


def test_extract__empty_file():
    with pytest.raises(ReadError, match="empty file"):
        read(b"", ".txt")


def test_extract__whitespace_only_file_is_empty():
    with pytest.raises(ReadError, match="empty"):
        read("  \n\r\n\u3000".encode("utf-8"), ".txt")


def test_extract__unsupported_format_is_skipped_with_reason():
    with pytest.raises(ReadError, match=r"unsupported format \.xlsx") as info:
        read(b"PK\x03\x04", ".xlsx")
    assert info.value.status == "skipped"


LONG = TEXT * 20


@pytest.mark.parametrize(("encoding", "damage"), [
    ("utf-8", lambda b: b[:-1]),  # a download cut inside its last character
    ("utf-8", lambda b: b[:300] + b"\xff" + b[300:]),  # a stray byte
    ("gb18030", lambda b: b[:301] + b"\x81" + b[301:]),  # a dangling lead byte
])
def test_extract__a_text_with_a_few_bad_bytes_is_read_with_them_replaced_and_a_warning(encoding, damage):
    # an adversarial review: one bad byte had the whole .txt refused as binary ("save it as .txt")
    extracted = read(damage(LONG.encode(encoding)), ".txt")
    assert extracted.encoding == encoding
    assert 1 <= extracted.text.count("\ufffd") <= 4 and count_cjk(extracted.text) >= count_cjk(LONG) - 2
    assert [w.code for w in extracted.warnings] == ["garbled"]


def test_extract__a_document_with_no_word_of_rule_of_law_work_is_not_a_report():
    # an adversarial review: a meeting notice saved in the folder was counted as a sixth report (year made up,
    # no town), and the deck's shares became 3 of 4 where the truth was 3 of 3
    notice = ("关于召开2024年第一季度安全生产工作会议的通知\n各村（社区）、镇属各单位：\n经研究，定于2024年3月5日上午9时在镇政府"
              "三楼会议室召开第一季度安全生产工作会议，请各单位主要负责人准时参加。\n青城镇人民政府办公室\n2024年3月1日")
    with pytest.raises(ReadError, match="not a 法治政府建设 report") as info:
        read(notice.encode("utf-8"), ".txt")
    assert info.value.problem.code == "not_a_report"
    assert read(TEXT.encode("utf-8"), ".txt").text == TEXT  # a report names its work (法治, 普法 …)


def test_extract__a_zip_named_docx_and_a_page_of_links_only_say_what_to_do():
    # an adversarial review: a zip of something else named .docx was told to re-save a .doc; a page of site
    # links only was just "empty file"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("photos/1.jpg", b"\xff\xd8")
    with pytest.raises(ReadError, match="zip archive without word/document.xml.*save the report itself"):
        read(archive.getvalue(), ".docx")
    with pytest.raises(ReadError, match="page of links and scripts only.*save the report's own text") as info:
        read('<html><body><div class="nav"><a href="/">首页</a> <a href="/g">政务公开</a></div></body></html>'.encode(), ".html")
    assert info.value.problem.code == "empty"


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_extract__a_page_saved_as_markdown_is_read_as_text(suffix):
    # a docs review: the README says scraper's Markdown pages are read, and a .md file was skipped
    page = f"# 青城镇2022年度法治政府建设工作报告\n\n[首页](http://x.gov.cn/) > 政务公开\n\n{TEXT}"
    extracted = read(page.encode("utf-8"), suffix)
    assert "我镇开展集中普法宣传12次" in extracted.text


def test_extract__binary_content_is_not_text():
    with pytest.raises(ReadError, match="not text|garbled|no Chinese"):
        read(bytes(range(256)) * 40, ".txt")


def test_extract__mojibake_detected():
    garbled = TEXT.encode("utf-8").decode("latin-1").encode("utf-8")
    with pytest.raises(ReadError, match="mojibake"):
        read(garbled, ".txt")


def test_extract__file_over_size_limit():
    with pytest.raises(ReadError, match="over the 1 MB limit"):
        read(TEXT.encode() * 20000, ".txt", Limits(max_file_bytes=2**20))


def test_extract__a_problem_record_with_a_code_for_each_refusal():
    with pytest.raises(ReadError) as info:
        read(b"", ".txt")
    assert info.value.problem.code == "empty" and info.value.problem.message.startswith("empty file")
    assert "remove it" in info.value.problem.message  # and what to do about it
    with pytest.raises(ReadError) as info:
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".txt")
    assert info.value.problem.code == "old_format" and "save as .docx" in str(info.value)


def test_extract__a_pdf_named_txt_is_read_as_pdf_with_a_warning():
    pdf = _pdf_with_text()
    extracted = read(pdf, ".txt")
    assert extracted.format == "pdf"
    assert [(w.code, w.message) for w in extracted.warnings] == [
        ("misnamed", "file named .txt is really a PDF; read as PDF (rename it)")]


def test_register__a_new_format_is_one_function_and_one_registration(monkeypatch):
    from reportkit import readers

    monkeypatch.setattr(readers, "_READERS", dict(readers._READERS))  # the registry as it was after the test

    @readers.register("rtf", suffixes=(".rtf",), kinds=("rtf",), label="RTF")
    def read_rtf(data: bytes, limits: Limits) -> readers.Extracted:
        text = data.decode("ascii").removeprefix("{\\rtf1 ").removesuffix("}")
        return readers.Extracted(text.encode().decode("unicode_escape"), "rtf")

    rtf = ("{\\rtf1 " + TEXT.encode("unicode_escape").decode("ascii") + "}").encode("ascii")
    assert read(rtf, ".rtf").text == TEXT
    assert read(rtf, ".txt").format == "rtf"  # recognised by its content too, with a warning
    assert "or .rtf" in readers.formats()


def test_extract__html_names_the_site_its_header_shows():
    # The header is dropped with the chrome; the government it names is kept as the page's site.
    page = ("<html><head><meta charset='utf-8'><title>政务公开</title></head><body>"
            "<div class='header'><a>首页</a> &gt; <a>海丰县人民政府门户网站</a> &gt; <a>专题专栏</a></div>"
            "<div class='content'><p>2025年，大湖镇始终以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设。</p>"
            "<p>一、主要举措</p><p>全年开展普法活动12场。</p></div></body></html>")
    extracted = read(page.encode("utf-8"), ".html")
    assert "海丰县" not in extracted.text
    assert extracted.hints["site"] == "海丰县人民政府"


def test_extract__a_wechat_article_has_a_line_a_section_and_no_foot():
    sections = "".join(f"<section><span style='font-size:15px'>{line}</span></section>"
                       for line in ("2023年，东湖镇坚持依法行政。", "一、主要举措", "（一）加强组织领导"))
    page = (f"<html><body><div class='rich_media_wrp'><h1 class='rich_media_title'>东湖镇2023年法治政府建设情况报告</h1>"
            f"<div id='js_content' style='visibility: hidden;'>{sections}</div>"
            f"<div>阅读原文 阅读 1024 分享 收藏 点赞 在看</div></div></body></html>")
    text = read(page.encode("utf-8"), ".html").text
    assert text.split("\n") == ["东湖镇2023年法治政府建设情况报告", "2023年，东湖镇坚持依法行政。", "一、主要举措", "（一）加强组织领导"]


def test_extract__a_page_whose_site_fills_the_article_in_by_script_says_so():
    page = ("<html><head><meta charset='utf-8'><title>东湖镇2023年法治政府建设情况报告</title><script src='app.js'></script>"
            "</head><body><div class='header'><a>首页</a><a>政务公开</a></div><div id='app'></div></body></html>")
    with pytest.raises(ReadError, match="no article text.*copy the report's text into a .txt") as error:
        read(page.encode("utf-8"), ".html")
    assert error.value.problem.code == "no_article"


def _mht(html_text: str, *, charset: str, transfer: str, location: str) -> bytes:
    """A page saved as one file, as browsers write .mht: a multipart/related message."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    from email import charset as email_charset

    email_charset.add_charset(charset, email_charset.QP if transfer == "qp" else email_charset.BASE64,
                              email_charset.QP if transfer == "qp" else email_charset.BASE64, charset)
    message = MIMEMultipart("related")
    message["Snapshot-Content-Location"] = location
    page = MIMEText(html_text, "html", charset)
    page["Content-Location"] = location
    message.attach(page)
    return message.as_bytes()


@pytest.mark.parametrize("charset, transfer", [("gb2312", "qp"), ("utf-8", "base64")])
def test_extract__a_page_saved_as_one_file_mht_reads_as_the_page(charset, transfer):
    data = _mht(HTML, charset=charset, transfer=transfer, location="http://www.cqck.gov.cn/zwgk/2024/0328/1.html")
    extracted = read(data, ".mht")
    assert extracted.format == "mht"
    assert extracted.text.startswith("城口县治平乡人民政府关于2023年法治政府建设情况的报告")
    assert "开展普法宣传活动10余次" in extracted.text and "版权所有" not in extracted.text
    assert extracted.hints["url"] == "http://www.cqck.gov.cn/zwgk/2024/0328/1.html"
    assert extracted.hints["publisher"] == "城口县治平乡人民政府"


def test_extract__an_mht_without_a_page_says_so():
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message.attach(MIMEText("只是一段文字", "plain", "utf-8"))
    with pytest.raises(ReadError, match="no web page inside this .mht"):
        read(message.as_bytes(), ".mht")


def test_extract__a_page_source_saved_as_txt_is_read_as_the_page():
    extracted = read(HTML.encode("gbk"), ".txt")
    assert extracted.format == "html"
    assert [w.code for w in extracted.warnings] == ["misnamed"]
    assert extracted.text.startswith("城口县治平乡人民政府关于2023年法治政府建设情况的报告") and "<p>" not in extracted.text


def test_extract__a_report_that_mentions_html_is_still_text():
    text = "东湖镇2023年法治政府建设情况报告\n<html>标签之外，全年开展普法活动12场，发放资料3000份，覆盖群众5000人次。" * 2
    assert read(text.encode("utf-8"), ".txt").format == "txt"


def test_extract__a_short_article_in_a_block_named_like_chrome_only_in_part_is_kept():
    # topic-content is no "top", desktop-article no "top": only whole chrome words drop a block
    body = "2023年，东湖镇坚持依法行政，全年开展普法宣传活动12场，发放宣传资料3000余份。"
    for name in ("topic-content", "desktop-article"):
        page = (f"<html><body><div class='top-nav'><a>首页</a><a>政务公开</a></div>"
                f"<div class='{name}'><p>{body}</p></div></body></html>")
        assert read(page.encode("utf-8"), ".html").text == body, name


# --------------------------------------------------------------------------- ruled tables in PDFs

# A Word table (Table Grid) printed: a header cell over two columns, the header's other cells over two
# rows, cells that wrap inside their columns, right-aligned numbers a character from a left-aligned note.
RULED = ("青城镇2023年度法治政府建设工作报告\n全镇主要法治指标完成情况如下：\n"
         "序号\t指标名称\t单位\t完成情况\t<<\t备注\n"
         "^^\t^^\t^^\t2023年\t2022年\t^^\n"
         "1\t组织开展“法律进村居”主题宣传活动并发放宣传资料\t场\t18\t15\t已完成\n"
         "2\t开展行政执法检查\t次\t426\t380\t较上年增加\n"
         "3\t审查各类合同协议及重大行政决策事项\t份\t43\t39\t全部审查\n"
         "二、存在的不足\n法治宣传的针对性还不够强。")


def _table_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if "\t" in line]


def test_extract__a_ruled_pdf_table_reads_as_the_word_file_of_it():
    # a probe of Word tables made PDFs: a wrapped cell's second line was a line of its own, cutting the rows
    # apart, and the two-row header lost its first row's cells in the second
    from tests.realworld.printed import as_read, pdf_bytes
    from tests.realworld.saved import word_document

    pdf = read(pdf_bytes(RULED, ruled=True), ".pdf").text
    word = read(word_document(RULED, tables=True), ".docx").text
    assert _table_lines(pdf) == _table_lines(word) == _table_lines(as_read(RULED))
    assert "1\t组织开展“法律进村居”主题宣传活动并发放宣传资料\t场\t18\t15\t已完成" in pdf.split("\n")
    assert pdf.split("\n")[-2:] == ["二、存在的不足", "法治宣传的针对性还不够强。"]  # the text below, read as before


@pytest.mark.parametrize("layout", ["paragraphs", "breaks", "tables", "wechat"])
def test_extract__a_web_page_s_table_reads_as_the_word_file_of_it(layout):
    # a table of figures on a page read one cell a line: which number stood in which row and column was lost
    from tests.realworld.saved import web_page, word_document

    page = read(web_page(RULED, layout, tables=True), ".html").text
    assert _table_lines(page) == _table_lines(read(word_document(RULED, tables=True), ".docx").text)
    assert "2\t开展行政执法检查\t次\t426\t380\t较上年增加" in page.split("\n")
    assert page.split("\n")[-2:] == ["二、存在的不足", "法治宣传的针对性还不够强。"]


def _article(*blocks: str) -> str:
    return ("<html><body><div class='nav'>首页 政务公开</div><div id='zoom'><p>坪坝镇2024年法治政府建设工作报告</p>"
            "<p>2024年，坪坝镇全面推进法治政府建设，现将有关情况报告如下。</p>" + "".join(blocks) + "</div></body></html>")


def test_extract__a_page_s_table_cell_merged_down_stands_in_each_of_its_rows():
    page = _article("<table><tr><th>类别</th><th>事项</th><th>数量</th></tr>"
                    "<tr><td rowspan='2'>普法</td><td>宣传活动</td><td>24场</td></tr><tr><td>发放资料</td><td>3000份</td></tr>"
                    "<tr><td colspan='2'>合计</td><td>3024</td></tr></table><p>二、存在的不足</p>")
    assert _table_lines(read(page.encode("utf-8"), ".html").text) == [
        "类别\t事项\t数量", "普法\t宣传活动\t24场", "普法\t发放资料\t3000份", "合计\t3024"]


@pytest.mark.parametrize("table", [
    # a page laid out in a table: the article in one cell, the links beside it
    "<table><tr><td><a>首页</a><br><a>2024-01-05</a></td><td><p>一、主要举措和成效</p>"
    + "<p>全年开展普法宣传活动24场，调解矛盾纠纷36件。</p>" * 3 + "<p>二、存在的不足</p></td></tr>"
    "<tr><td>12</td><td>36</td></tr></table>",
    "<table><tr><td>12</td><td><p>" + "全年开展普法宣传活动24场，调解矛盾纠纷36件，" * 20 + "</p></td></tr>"
    "<tr><td>12</td><td>36</td></tr></table>",  # or in one long paragraph
    # the page's information table: pagechrome reads it as it stands
    "<table><tr><td>索引号：</td><td>11500238MB1234/2025-00012</td><td>主题分类：</td><td>其他</td></tr>"
    "<tr><td>发布机构：</td><td>巫溪县坪坝镇人民政府</td><td>发布日期：</td><td>2025-02-10</td></tr></table>",
    # a table of names: no figure in it
    "<table><tr><td>组长</td><td>张三</td></tr><tr><td>副组长</td><td>李四</td></tr></table>",
])
def test_extract__a_table_that_holds_no_figures_or_the_article_is_read_a_cell_a_line(table):
    assert _table_lines(read(_article(table).encode("utf-8"), ".html").text) == []


def test_extract__a_page_s_runaway_rowspan_is_cut_to_the_table():
    # a span of a million rows (a page's mistake, or a trap) stands in the rows the table has
    page = _article("<table><tr><td rowspan='1000000'>普法</td><td>宣传活动</td><td>24场</td></tr>"
                    "<tr><td>发放资料</td><td>3000份</td></tr></table>")
    assert _table_lines(read(page.encode("utf-8"), ".html").text) == ["普法\t宣传活动\t24场", "普法\t发放资料\t3000份"]


def test_extract__a_number_beside_a_left_aligned_note_one_character_apart_is_two_cells():
    # 426 set right in its cell, 较上年增加 left in the next: only the two paddings apart, read as one cell
    from tests.realworld.printed import pdf_bytes

    rows = [line.split("\t") for line in _table_lines(read(pdf_bytes(RULED, ruled=True), ".pdf").text)]
    assert ["2", "开展行政执法检查", "次", "426", "380", "较上年增加"] in rows


def test_extract__a_box_around_a_paragraph_is_no_table():
    # a drawn frame (a boxed note, a page's border), a rule across it (a letterhead's): no grid of rows and
    # columns, so its lines are read as any others
    import matplotlib
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    import noto_cjk_sans_otc

    font = FontProperties(fname=str(noto_cjk_sans_otc.FONT_PATH))
    page = Figure(figsize=(595 / 72, 842 / 72))
    for i, line in enumerate(TEXT.split("\n")):
        page.text(0.15, 0.85 - 0.04 * i, line, fontproperties=font, fontsize=12)
    page.add_artist(Rectangle((0.12, 0.70), 0.76, 0.20, transform=page.transFigure, fill=False))
    page.add_artist(Line2D([0.12, 0.88], [0.835, 0.835], transform=page.transFigure))
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        FigureCanvasPdf(page).print_pdf(buffer)
    assert read(buffer.getvalue(), ".pdf").text.split("\n")[:2] == TEXT.split("\n")[:2]


def test_ruled_tables__a_page_that_draws_nothing_is_not_searched():
    # the cost on a page without rules: a look at its drawn objects, no table finding
    from reportkit.ruled import ruled_tables

    class Page:
        rects = lines = curves = []

        def find_tables(self):
            raise AssertionError("searched")

    assert ruled_tables(Page()) == []


def test_ruled_tables__drawings_pdfplumber_cannot_grid_leave_the_page_read_line_by_line():
    from reportkit.ruled import ruled_tables

    class Page:
        rects, lines, curves = [{}], [], []

        def find_tables(self):
            raise ValueError("odd drawing")

    assert ruled_tables(Page()) == []
