"""A report's text as an analyst receives it saved from a government site or from Word, or in a
legacy encoding. Used to check that the build reads a report the same in every form.

    web_page(text, layout)   the page a county's site serves: a header of links (with the lines
                             pasted above the title), a breadcrumb, the title in its own element
                             above an information line, the article, then
                             上一篇 / 下一篇 links and a footer; in one of three layouts seen on such
                             sites: "paragraphs" (UTF-8, <p> a paragraph), "breaks" (GB2312 declared,
                             the article one <div> broken by <br>), "tables" (a layout of nested
                             tables, <span>s inside <p>s), "wechat" (a WeChat article: each
                             paragraph a <section>, 阅读原文 阅读 1024 分享 … at its foot, the
                             pasted site lines as the account's name)
    web_page(text, layout, tables=True)
                             the same, each block of two or more tab-separated lines a <table>,
                             cells merged by colspan and rowspan as printed.pdf_bytes(ruled=True)
                             marks them
    word_document(text)      a .docx: the title centred in larger bold type, headings in bold runs,
                             body paragraphs with a first-line indent
    word_document(text, tables=True)
                             the same, each block of two or more tab-separated lines a real table
                             (Table Grid), cells merged as printed.pdf_bytes(ruled=True) marks them
    legacy_encoded(text)     the bytes in GB18030, or Big5 where the text is Traditional and Big5
                             holds it; no declaration of either
    single_file_page(text, layout)
                             the same page saved as one file (.mht): a multipart/related message,
                             the page quoted-printable in its charset, its address beside it
    flattened(text)          the page copied without its line breaks: every break a space (as
                             pages whose markup sets paragraphs apart only by style are copied)

The chrome around the article names no place and no year: what the build must find comes from
the report's own text, as in the text form.
"""
from __future__ import annotations

import html
import io
import re

LAYOUTS = ("paragraphs", "breaks", "tables", "wechat")

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进本地", "专题专栏"]
_PREVIOUS_NEXT = ("上一篇：关于公开征集民生实事项目意见建议的公告", "下一篇：关于做好冬春季森林防火工作的通知")
_FOOTER = ["主办单位：本站编辑部", "网站标识码：1234567890", "备案号：ICP备12345678号", "建议使用1920×1080分辨率浏览"]


_TITLE = re.compile(r"报告|总结")


# A line of the site's header as pasted: the government's name, the site's name or address.
_SITE_LINE = re.compile(r"(?:人民政府|门户网站|政府网|域名)")
_TOWN_BODY = re.compile(r"镇|乡|街道|委员会")  # a town's or a party committee's name: the report's issuer


def _parts(text: str) -> tuple[list[str], str, list[str]]:
    """The site's header lines as pasted above the report's title, the title (the first short line
    among the first ten that names a report) and the lines below it. When a line above the title
    is not plainly the site's (an issuer, half a title, a search form), there is no header and no
    separate title: every line is the article's."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines[:10]):
        if len(line) <= 60 and _TITLE.search(line) and not line.endswith("。"):
            above = lines[:i]
            if above and line.startswith("关于") and re.search(r"(?:人民政府|办事处)$", above[-1]):
                above, line = above[:-1], above[-1] + line  # the issuer's name above 关于…的报告: one title
            if all(_SITE_LINE.search(a) and not _TOWN_BODY.search(a) for a in above):
                return above, line, lines[i + 1:]
            break
    return [], "", lines


def _title_and_body(text: str) -> tuple[str, list[str]]:
    """The title and every other line (a Word file has no site chrome: its lines stay in order)."""
    above, title, below = _parts(text)
    return (title, below) if not above else ("", [*above, title, *below])


# Each layout: the page around the article ({fields} filled in by `web_page`), how a line of the
# article is set, what joins the lines, and the page's encoding.
_PAGES = {
    "paragraphs": (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{page_title}_政府门户网站</title>{script}</head>'
        "<body><div class='header'><div class='logo'>政府门户网站</div><ul class='nav'>{nav}</ul></div>"
        "<div class='position'>{crumb}</div><div class='main'><h1 class='article-title'>{title}</h1>"
        "<div class='article-info'>{info}</div><div class='TRS_Editor' id='zoom'>{article}</div>"
        "<div class='pages'>{previous_next}</div><div class='share'>分享到：微信 微博</div></div>"
        "<div class='footer'>{footer}</div></body></html>",
        '<p style="text-indent:2em">{line}</p>', "", "utf-8"),
    "breaks": (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{page_title}</title>'
        "</head><body><div id='top'><ul>{nav}</ul></div><div id='dqwz'>{crumb}</div><table width='1000'><tr>"
        "<td align='center' class='title'><b>{title}</b></td></tr><tr><td class='info'>{info}</td></tr></table>"
        "<div id='zoom'>{article}</div><div id='bottom'>{previous_next}{footer}</div></body></html>",
        "&nbsp;&nbsp;&nbsp;&nbsp;<font size='3'>{line}</font>", "<br>", "gb18030"),
    "tables": (
        '<html><head><meta charset="utf-8"><title>{page_title}</title></head><body>'
        "<table width='100%'><tr>{nav_cells}</tr></table><table width='1000'><tr><td>{crumb}</td></tr>"
        "<tr><td><table><tr><td class='bt'>{title}</td></tr><tr><td>{info}</td></tr>"
        "<tr><td class='bt_content'>{article}</td></tr></table></td></tr>"
        "<tr><td>{previous_next}</td></tr></table><table><tr><td>{footer}</td></tr></table></body></html>",
        "<p><span style='font-family:仿宋_GB2312;font-size:16pt'>{line}</span></p>", "", "utf-8"),
    "wechat": (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="{title}">'
        "<title>{title}</title>{script}</head><body id='activity-detail'><div class='rich_media_wrp'>"
        "<h1 class='rich_media_title' id='activity-name'>{title}</h1><div id='meta_content'>"
        "<span class='rich_media_meta'>原创</span> <a id='js_name'>{account}</a> <em id='publish_time'></em></div>"
        "<div class='rich_media_content js_underline_content' id='js_content' style='visibility: hidden;'>"
        "{article}</div><div id='js_tags'>阅读原文 阅读 1024 分享 收藏 点赞 在看</div></div>"
        "<div class='qr_code_pc'>微信扫一扫关注该公众号</div></body></html>",
        "<section style='margin:0 8px'><span style='font-size:15px;letter-spacing:1px'>{line}</span></section>",
        "", "utf-8"),
}


def web_page(text: str, layout: str = "paragraphs", *, tables: bool = False) -> bytes:
    """TEXT as the HTML page of a government site (or a WeChat article), in LAYOUT (one of LAYOUTS);
    TABLES: its tables as <table>s, cells merged as printed.pdf_bytes(ruled=True) marks them (colspan, rowspan)."""
    from .printed import blocks

    if layout not in _PAGES:
        raise ValueError(f"unknown layout {layout!r}; one of {LAYOUTS}")
    page, line_format, joiner, encoding = _PAGES[layout]
    above, title, body = _parts(text)
    e = html.escape
    links = [*above, *_NAV]  # the pasted site lines go to the site's header
    fields = {
        "title": e(title), "page_title": e(title or "政务公开"), "account": e(" ".join(above)) or "普法公众号",
        "nav": "".join(f'<li><a href="/{i}/">{e(name)}</a></li>' for i, name in enumerate(links)),
        "nav_cells": "".join(f"<td><a href='/{i}/'>{e(name)}</a></td>" for i, name in enumerate(links)),
        "crumb": "当前位置：<a href='/'>首页</a> &gt; <a href='/zwgk/'>政务公开</a> &gt; 法治政府建设",
        "info": "来源：本站　浏览次数：<span id='count'>128</span>　【字体：<a>大</a> <a>中</a> <a>小</a>】",
        "previous_next": "".join(f"<p><a href='/a/{i}.html'>{e(s)}</a></p>" for i, s in enumerate(_PREVIOUS_NEXT)),
        "footer": "".join(f"<span>{e(s)}</span> " for s in _FOOTER),
        "script": "<script>var _hmt=_hmt||[];document.write('<p>统计</p>');</script>",
        "article": joiner.join(_html_table(block) if isinstance(block, list) else
                               joiner.join(line_format.format(line=e(line)) for line in block.split("\n"))
                               for block in (blocks("\n".join(body)) if tables else ["\n".join(body)])),
    }
    return page.format(**fields).encode(encoding)


def _html_table(rows: list[list[str]]) -> str:
    """ROWS as a <table>, a SPAN_LEFT / SPAN_UP cell merged into the one left of / above it."""
    from .printed import SPAN_LEFT, SPAN_UP

    n = max(len(row) for row in rows)
    cell = [[row[c] if c < len(row) else "" for c in range(n)] for row in rows]
    out = []
    for r in range(len(cell)):
        tds = []
        for c in range(n):
            if cell[r][c] in (SPAN_LEFT, SPAN_UP):
                continue
            across = next((k for k in range(c + 1, n) if cell[r][k] != SPAN_LEFT), n) - c
            down = next((k for k in range(r + 1, len(cell)) if cell[k][c] != SPAN_UP), len(cell)) - r
            spans = (f" colspan='{across}'" if across > 1 else "") + (f" rowspan='{down}'" if down > 1 else "")
            tds.append(f"<td{spans}>{html.escape(cell[r][c])}</td>")
        out.append(f"<tr>{''.join(tds)}</tr>")
    return f"<table border='1' cellspacing='0'>{''.join(out)}</table>"


def word_document(text: str, *, tables: bool = False) -> bytes:
    """TEXT as a Word document typed the way offices type these reports; TABLES: its tables as Word tables."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from .printed import blocks

    title, body = _title_and_body(text)
    document = docx.Document()
    if title:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(title)
        run.bold, run.font.size = True, Pt(22)
    for block in blocks("\n".join(body)) if tables else ["\n".join(body)]:
        if isinstance(block, list):
            _word_table(document, block)
            continue
        for line in block.split("\n"):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Pt(32)
            run = paragraph.add_run(line)
            run.bold, run.font.size = bool(_HEADING.match(line)), Pt(16)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _word_table(document, rows: list[list[str]]) -> None:
    """ROWS as a Table Grid table, a SPAN_LEFT / SPAN_UP cell merged into the one left of / above it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from .printed import _NUMBER, SPAN_LEFT, SPAN_UP

    n = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=n)
    table.style = "Table Grid"
    origin = {}  # (row, column) -> the (row, column) of the cell it is merged into
    for r, row in enumerate(rows):
        for c in range(n):
            text = row[c] if c < len(row) else ""
            if text == SPAN_LEFT and c:
                origin[r, c] = origin[r, c - 1]
            elif text == SPAN_UP and r:
                origin[r, c] = origin[r - 1, c]
            else:
                origin[r, c] = (r, c)
    for (r, c), (r0, c0) in origin.items():
        if (r, c) != (r0, c0):
            table.cell(r0, c0).merge(table.cell(r, c))
    for (r, c), at in origin.items():
        if (r, c) == at:
            cell = table.cell(r, c)
            cell.text = rows[r][c] if c < len(rows[r]) else ""
            if _NUMBER.match(cell.text):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def legacy_encoded(text: str) -> bytes:
    """TEXT in the legacy encoding its script would have had."""
    import opencc

    if opencc.OpenCC("t2s").convert(text) != text:  # Traditional
        try:
            return text.encode("big5")
        except UnicodeEncodeError:
            pass
    return text.encode("gb18030")


def flattened(text: str) -> str:
    """TEXT on one line, a space where each line break was."""
    return re.sub(r"\s*\n\s*", " ", text.strip())


def single_file_page(text: str, layout: str = "paragraphs") -> bytes:
    """TEXT's web page (`web_page`) as a browser saves it in one file (.mht)."""
    from email import encoders
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    address = "http://www.example.gov.cn/zwgk/1.html"  # names no county
    message = MIMEMultipart("related")
    message["Snapshot-Content-Location"] = address
    part = MIMENonMultipart("text", "html", charset="gb2312" if layout == "breaks" else "utf-8")
    part.set_payload(web_page(text, layout))  # the page's own bytes, in its charset
    encoders.encode_quopri(part)
    part["Content-Location"] = address
    message.attach(part)
    return message.as_bytes()
