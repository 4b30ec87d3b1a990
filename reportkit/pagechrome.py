"""Page chrome: the lines a government web page puts around a report, recognised in plain text.

Analysts save report pages as .html or paste them into .txt, and the site comes along: a header
with the site's name and today's date, 您现在所在的位置：首页 > 政务公开 > …, an information table
(索引号, 发布机构, 发布日期, 成文日期, 主题分类 …, often flattened into one line, with bullets, with
spaces inside the labels: 索 引 号), 字体 大 中 小, 打印 / 关闭, view counters, share buttons, browser
notices. These lines are not the report: their years are not the report's year (a header dated
2019, an 索引号 of 2026) and their names are not its title. `split_chrome` takes them out of the
text and keeps what they say that is evidence — the publisher, the publication date, the page's
own title field — as `PageFacts`, so metadata inference can use it with a source of its own
("page metadata").

Only whole lines that cannot be report prose are removed: a line that starts with a label of the
information table, or holds two of them, navigation, buttons, counters, a date with its weekday,
a browser notice. The report's own lines are never touched, and the raw text keeps everything.

>>> text, facts = split_chrome("首页 > 政务公开 > 法治政府建设\\n发布机构：大年乡人民政府 发布日期：2024-03-28\\n"
...                            "大年乡2023年法治政府建设年度报告\\n【字体：大 中 小】【打印】【关闭】")
>>> text
'大年乡2023年法治政府建设年度报告'
>>> facts.publisher, facts.publish_date
('大年乡人民政府', '2024-03-28')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .chinese import CJK, CJK_CHAR, DATE_AT_LINE_END, HEADING_LINE, MORE_LINK

_SPACE = r"\s*"


def _labels(*words: str) -> str:
    """An alternation of WORDS that tolerates spaces inside them (索 引 号)."""
    return "|".join(_SPACE.join(map(re.escape, word)) for word in sorted(words, key=len, reverse=True))


# Labels of the information table of a government page (政府信息公开 pages and article pages).
_TITLE_LABELS = ("标题", "名称", "信息名称", "文件名称", "公文名称", "内容概述", "题名", "Title")
_PUBLISHER_LABELS = ("发布机构", "发文机关", "发文单位", "发布单位", "公开机构", "信息来源", "文章来源", "来源")
_PUBLISHED_LABELS = ("发布日期", "发布时间", "发文日期", "发文时间", "Published Time")
# The page's address, as a copy or a reader tool writes it above or below the text.
_URL_LABELS = ("原文链接", "原文地址", "原文网址", "本文链接", "文章链接", "页面地址", "URL Source")
_WRITTEN_LABELS = ("成文日期", "成文时间", "生成日期", "公文生成日期", "印发日期")
# The year a report covers, as a disclosure table's field (年度：2023); not 年份, which some
# catalogues fill with the year of publication.
_YEAR_LABELS = ("所属年度", "报告年度", "年度")
_OTHER_LABELS = (
    "信息索引号", "索引号", "主办单位", "公开方式", "公开范围", "公开时限", "公开形式", "实施日期", "更新时间",
    "更新日期", "主题分类", "体裁分类", "组配分类", "服务对象分类", "主题词", "关键词", "信息分类", "信息类别",
    "所属主题", "文号", "发文字号", "文件编号", "有效性", "时效性", "效力状况", "效力状态", "作者", "撰稿", "责任编辑", "编辑",
    "审核", "审签", "备注", "浏览次数", "阅读次数", "访问次数", "点击次数", "点击数", "点击量", "浏览量", "阅读量", "访问量",
    "字体", "字号", "分享到", "统一编号", "所属机构", "主题", "分类", "Markdown Content",
)
_ALL_LABELS = _labels(*_TITLE_LABELS, *_PUBLISHER_LABELS, *_PUBLISHED_LABELS, *_WRITTEN_LABELS, *_YEAR_LABELS,
                      *_URL_LABELS, *_OTHER_LABELS)
# A label where a field starts: at the line's start or after a separator, closed by a colon, a
# bracket (【体裁分类】其他) or, at the start of a flattened table row, a space (成文日期 2025-03-21).
_SEPARATORS = r"[\s|｜•·●▪■\-—【】\[\]]"
_FIELD = re.compile(rf"(?:^|{_SEPARATORS})[【\[]?\s*(?:{_ALL_LABELS})\s*[】\]]?\s*[：:]")
_LEADING_FIELD = re.compile(rf"^{_SEPARATORS}*[【\[]?\s*(?:{_ALL_LABELS})\s*(?:[】\]]|[：:]|\s+(?=\S))")
_WHERE_YOU_ARE = r"^(?:您?(?:现在|当前)?(?:所在)?的?位置|当前位置|所在位置)\s*[：:]"  # a breadcrumb's label
_NAVIGATION = re.compile(
    _WHERE_YOU_ARE +
    r"|^首页\s*(?:[>＞»›/\\|]|$)|[>＞»›]\s*(?:政务公开|信息公开|政府信息公开|通知公告|工作动态|法治政府建设|年度报告|其他)"
    r"|^首页(?:\s+[^\s。，；：:]{2,6}){3,}$"  # a menu: 首页　政务公开　政务服务　互动交流
)
# A line made only of buttons and switches: 【打印】【关闭】, 字体 大 中 小, 简体 | 繁体, 分享到 …
_BUTTON = (r"打印本页|打印此页|打印|下载文档|立即下载|免费下载|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|加入收藏|设为首页|纠错|我要纠错|分享|"
           r"分享到|扫一扫|在手机打开当前页|无障碍|无障碍浏览|长者模式|关怀版|适老化|简体|繁体|简|繁|English|"
           r"网站地图|手机版|登录|注册|微信|微博|大|中|小|默认|A\+|A-|A|字体|字号|视力保护色|保护视力色|[\-+]|"
           # a WeChat article's foot: 阅读原文 阅读 1024 分享 收藏 点赞 在看
           r"阅读原文|(?:阅读|在看|点赞|赞|留言|转发|分享|收藏)\s*\d+(?:\.\d+)?万?\+?|在看|点赞|赞赏|写留言|留言|喜欢|"
           r"转发|赞")
_BUTTONS_ONLY = re.compile(rf"^(?:[\s【】\[\]|｜/：:()（）·•]*(?:{_BUTTON}))+[\s【】\[\]|｜/：:()（）·•]*$")
_COUNTER = re.compile(r"(?:浏览|阅读|访问|点击)(?:次数|量|数)?\s*[：:]\s*\d*\s*(?:次)?\s*$|\[\s*\d+\s*\]\s*次")
# Notices a site shows to every visitor (browser versions, screen readers, keyboard hints).
_NOTICE = re.compile(r"IE版本|浏览器版本|请升级.{0,6}浏览器|为了不影响您的浏览|tab按钮|正文内容区域|读屏|屏幕阅读|"
                     r"扫一扫在手机|网站支持IPv6|您访问的链接即将离开|"
                     r"微信扫一扫|扫码关注|预览时标签不可点|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|喜欢此内容的人还喜欢|"
                     # a WeChat article's header and foot: 点击上方蓝字 关注我们, 长按识别二维码关注我们 under its account's
                     # code (not its byline, 原创 作者 公众号 date time: the author it names may be the report's office)
                     r"点击(?:上方)?蓝字|点击上方.{0,20}?关注|长按(?:识别)?(?:图中|下方)?二维码|"
                     # an aggregator's advertisement between paragraphs: 广告 / 立即下载APP，新用户领7天VIP
                     r"^广告(?:\s|$)|下载APP|打开APP|APP内打开|海量范文|免费复制|开通VIP|VIP会员|领\d+天VIP|"
                     # a document-sharing site's header and buttons: 原创力文档 下载文档 150金币, 本文档由用户上传, 21人评价
                     r"原创力文档|道客巴巴|豆丁网|\d+\s*金币|本文档由用户上传|VIP免费下载|下载积分|所需积分|需要金币|"
                     r"\d+\s*人评价|文档格式\s*[：:]|页数\s*[：:]\s*\d+|上传者\s*[：:]|下载量\s*\d")
# The site header's date: 2019年12月3日 星期二 (reports are not dated with their weekday).
_WEEKDAY_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]")

_DATE = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}"
_VALUE_END = rf"(?={_SEPARATORS}*[【\[]?\s*(?:{_ALL_LABELS})\s*[】\]]?\s*[：:]|$)"
_FACTS = {
    # 发布机构：某镇人民政府, or a table's cells: 发布机构 | 蜀山街道 |
    "publisher": re.compile(rf"(?:{_labels(*_PUBLISHER_LABELS)})\s*[】\]]?\s*[：:|｜][\s|｜]*(?!{_ALL_LABELS}|日期|时间)"
                            rf"([^\s|｜<>【】\[\]：:•]{{2,30}})"),
    "publish_date": re.compile(rf"(?:{_labels(*_PUBLISHED_LABELS, '日期')})\s*[】\]]?\s*[：:|｜]?\s*({_DATE})"),
    "written_date": re.compile(rf"(?:{_labels(*_WRITTEN_LABELS)})\s*[】\]]?\s*[：:|｜]?\s*({_DATE})"),
    "report_year": re.compile(rf"(?:{_labels(*_YEAR_LABELS)})\s*[】\]]?\s*[：:|｜][\s|｜]*(20\d\d)(?!\d)"),
    "index_no": re.compile(rf"(?:{_labels('索引号')})\s*[】\]]?\s*[：:|｜]\s*([\w\-/]{{4,40}})"),
    "page_title": re.compile(rf"(?:{_labels(*_TITLE_LABELS)})\s*[】\]]?\s*[：:]\s*(.{{4,80}}?)\s*{_VALUE_END}"),
    "url": re.compile(rf"(?:{_labels(*_URL_LABELS)})\s*[】\]]?\s*[：:]\s*(https?://[^\s<>\"'，。；]+)"),
}
# The site's own name in its header: 天津市静海区人民政府 / XX县人民政府门户网站.
_SITE = re.compile(rf"^([{CJK}]{{2,20}}(?:人民政府|政府))(?:门户网站|网站)?(?=\s|$)")
_SITE_ONLY = re.compile(rf"^[{CJK}]{{2,20}}(?:人民政府|政府)?(?:门户网站|政府网|网站)$")
# The site's name in one piece of a saved page's header or breadcrumb: 海丰县人民政府门户网站 in
# 首页 > 海丰县人民政府门户网站 > 专题专栏, 中文域名:天津市宝坻区人民政府.政务.
# (Not a labelled field's value: 发布机构：某镇人民政府 is the publisher, already read as such.)
_SITE_IN_PIECE = re.compile(rf"(?:^|[>＞»›/|｜\s]|域名\s*[:：])(?:欢迎(?:访问|来到|光临))?([{CJK}]{{2,20}}?人民政府)(?:门户网站|网站|\.政务)?\s*"
                            rf"(?:$|[>＞»›/|｜])")
MAX_SITE_PIECE = 80
# A breadcrumb's pieces, and one that is a township's column (日兴镇, 龙泉街道办事处) on its county's site.
_CRUMB_SEPARATOR = re.compile(r"[>＞»›/|｜]")
_NAVIGATION_LABEL = re.compile(_WHERE_YOU_ARE)
_TOWN_COLUMN = re.compile(rf"^[{CJK}]{{2,8}}(?:镇|乡|街道|苏木)(?:人民政府|政府|办事处)?$")
# A header of links to sites: 中国政府网|重庆市人民政府网 (two or more site names, nothing else).
_SITE_NAME = rf"[{CJK}]{{2,20}}(?:门户网站|政府网|网站|网)"
_SITES_ONLY = re.compile(rf"^{_SITE_NAME}(?:\s*[|｜/·•]\s*{_SITE_NAME})+$")

# A report's title inside a longer line: …关于2023年度法治政府建设情况的报告 / …法治政府建设年度报告(2024年度)
EMBEDDED_TITLE = re.compile(rf"[{CJK}\d（）()][{CJK}\d（）()\-—–]{{1,39}}?(?:法治政府建设|法治建设|依法行政|依法治)"
                            rf"[{CJK}\d、]{{0,24}}?(?:报告|总结)(?:[（(]\d{{4}}年度?[)）])?")

# What a page puts after the article: links to the articles before and after it (上一篇：…), the
# label of a list of related ones (相关链接), and the footer (版权所有, 网站标识码, ICP备…). These
# name other reports and other governments, so they are never evidence of this one.
_NEIGHBOUR = re.compile(r"^[【\[]?\s*(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|前一篇|后一篇)\s*[】\]]?\s*(?:[：:]|$)")
_RELATED_LABEL = re.compile(r"^[【\[]?\s*(?:相关链接|相关文章|相关阅读|相关新闻|相关信息|相关文件|相关稿件|相关推荐|"
                            r"热点推荐|推荐阅读|延伸阅读|猜你喜欢|热门文章|最新文章|友情链接|相关文档|相似文档)\s*[】\]]?\s*[：:]?\s*")
_RELATED = re.compile(_RELATED_LABEL.pattern
                      + r"(?:$|[·•●▪]\s*\S|[^。；，,]{2,30}[|｜])")  # the label, or its list (· 甲 · 乙, 甲 | 乙 | 丙)
# (版权所有 only as a footer says it: 查处侵犯版权所有人权益案件3起 is a report's sentence.)
_FOOTER = re.compile(r"版权所有\s*(?:[：:©(（]|\d{4}|$)|(?:政府|办公室|网站|中心)\s*版权所有|©|"
                     r"(?:ICP|公网安)\s*备|ICP\s*证|网站标识码|网站识别码|技术支持\s*[：:]|"
                     r"(?:主办|承办|协办|运维|维护)单位\s*[：:]|^(?:主办|承办)\s*[：:]|建议使用.{0,30}(?:浏览器|分辨率)|"
                     # the site's address line (地址：… 联系电话：… 邮编：516100) and a pager (共2页：上一页 [1] 2 下一页)
                     r"^地址\s*[：:].{0,60}(?:电话|邮编|邮政编码)|邮\s*编\s*[：:]\s*\d{6}|"
                     r"^共\s*\d+\s*页[\s：:，,]*(?:首页|上一页|[\[【(（]?\d+[\]】)）]?\s).{0,40}(?:上一页|下一页|尾页)")
MAX_FOOTER_LINE = 120
# The titles listed under 相关链接 or after 上一篇/下一篇: short lines, no sentence.
_LISTED_TITLE_LEN = 60
_MAX_LISTED = 20
_EMPHASIS = "*#▍◆■●▶►★"  # marks a page sets before a heading

_GLUED_LABEL = re.compile(r"(?:发布日期|发布时间|日期|时间|作者|来源)$")

MAX_CHROME_LINE = 200  # a labelled line longer than this is prose that happens to start with 来源…

# A picture the copy kept only as its placeholder: [图片：…（3）.jpg], 【图片】, [image].
_PICTURE = re.compile(r"^[\[【［〔]\s*(?:图片|图像|照片|插图|image|img|picture|photo)\s*\d*\s*(?:[：:][^\]】］〕]*)?[\]】］〕]$",
                      re.IGNORECASE)
# A table of contents (a Word file's, or a PDF's): entries with leader dots and a page number
# (一、主要举措和成效……………1), or a 目录 and the short lines under it, most ending in a page number.
_LEADER = r"[.．…·_]\s*"
_CONTENTS_LEADER = re.compile(rf"(?:{_LEADER}){{4,}}\d{{1,3}}$")
_CONTENTS_LABEL = re.compile(r"^目\s*录$")
_PAGE_NUMBER = re.compile(rf"(?:(?:{_LEADER}){{2,}}|\s+)\d{{1,3}}$")
_MAX_CONTENTS = 40  # lines under a 目录
_CONTENTS_ENTRY_LEN = 80


@dataclass
class PageFacts:
    """What the page's chrome says about the report (empty strings when it says nothing)."""

    publisher: str = ""
    publish_date: str = ""
    written_date: str = ""
    report_year: str = ""  # a 年度：2023 field
    index_no: str = ""
    page_title: str = ""
    site: str = ""
    column: str = ""  # a town's column in the breadcrumb of its county's site (首页 > 乡镇动态 > 日兴镇)
    url: str = ""  # the page's address, when the copy gives it (原文链接：http://…)
    n_lines: int = 0  # chrome lines removed

    def as_hints(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if isinstance(v, str) and v}


def is_chrome(line: str) -> bool:
    """True when LINE (one line of text) is page chrome, not report prose."""
    line = line.strip()
    if not line:
        return False
    if _BUTTONS_ONLY.match(line) or _SITE_ONLY.match(line) or _SITES_ONLY.match(line) or _PICTURE.match(line):
        return True
    if len(line) <= _CONTENTS_ENTRY_LEN and _CONTENTS_LEADER.search(line):
        return True
    if len(line) <= 80 and (_WEEKDAY_DATE.search(line) or _NOTICE.search(line) and not MORE_LINK.search(line)):
        return True  # (打开APP阅读全文 is no advertisement: it says the copy stops here, as 展开全文 does)
    if len(line) > MAX_CHROME_LINE:
        return False
    if _NAVIGATION.search(line) or _LEADING_FIELD.match(line) or len(line) <= 60 and _COUNTER.search(line):
        return True
    if _links_or_footer(line):
        return True
    return len(_FIELD.findall(line)) >= 2  # 来源：… 发布时间：… on one line


def _is_listed_title(line: str) -> bool:
    """Could LINE (stripped) be another article's title in a list of links: short, no sentence?"""
    return len(line) <= _LISTED_TITLE_LEN and not line.endswith(("。", "；", "！", "？"))


def _links_or_footer(line: str) -> bool:
    """LINE (stripped) links to other articles or belongs to the site's footer."""
    return bool(_NEIGHBOUR.match(line) or _RELATED.match(line)
                or len(line) <= MAX_FOOTER_LINE and _FOOTER.search(line))


def site_of_page(pieces) -> str:
    """The government whose site a saved page is, from the page's text PIECES in document order
    (its text nodes: the header and breadcrumb come first): the first short piece that is, or has
    between separators, a government's name; "" when none does."""
    for piece in pieces:
        piece = piece.strip()
        if piece and len(piece) <= MAX_SITE_PIECE and (m := _SITE_IN_PIECE.search(piece)):
            return m.group(1)
    return ""


def report_end(text: str) -> int:
    """Where the report ends in TEXT: before the chrome a whole page copy carries after it (buttons,
    上一篇/下一篇 links, a 相关链接 list with its titles, the footer); len(text) when none follows.

    >>> text = "三、下步打算\\n持续深化依法行政。\\n【打印】【关闭】\\n上一篇：关于公布2023年预算的公告\\n版权所有：某县人民政府"
    >>> text[:report_end(text)]
    '三、下步打算\\n持续深化依法行政。\\n'
    """
    end = stop = min(_next_report_start(text), _comments_start(text))
    listed = 0
    while stop >= 0:  # the lines from the last up (most texts end in prose: one line is read)
        start = text.rfind("\n", 0, stop) + 1
        stripped, stop = text[start:stop].strip(), start - 1
        if not stripped:
            continue
        if is_chrome(stripped):
            if listed and not _links_or_footer(stripped):
                return end  # short lines under a button row are the report's (a heading, a signature)
            end, listed = start, 0  # and titles listed under 相关链接 or 上一篇 go with it
        elif listed < _MAX_LISTED and _is_listed_title(stripped):
            listed += 1  # a listed title, if a link label turns up above it
        else:
            return end
    return end if text[:end].strip() else len(text)  # all chrome and titles: nothing is surely the report's


# Readers' comments under a page's article (网友评论（3）, 精选留言, 全部评论 2条, 我要评论): their label on a line of its own.
# What readers wish (希望明年多搞几场…, 建议多配几个人) is no part of the report, signed or not.
_COMMENTS_LABEL = re.compile(r"^[【\[]?\s*(?:网友|读者|用户|群众|精选|全部|热门|最新)?(?:评论|留言)(?:区|列表)?\s*[】\]]?\s*"
                             r"(?:[（(]\s*\d+\s*[)）]|\d+\s*条)?\s*[：:]?$|^(?:我要|发表)(?:评论|留言)(?:\s|$)")


def _comments_start(text: str) -> int:
    """Where a block of readers' comments begins below the report (its label, after a sentence); len(text) when none."""
    offset, said = 0, False
    for line in text.split("\n"):
        stripped = line.strip()
        if said and stripped and _COMMENTS_LABEL.match(stripped):
            return offset + len(line) - len(line.lstrip())
        said = said or "。" in line
        offset += len(line) + 1
    return len(text)


# A compilation (汇编) or a page of several reports runs on into the next one: its title alone on a
# line right after this report's dated signature (…人民政府\n2019年12月26日\n帕古乡2019年…工作报告).
_SIGNATURE_DATE = re.compile(rf"^\S{{0,12}}?{DATE_AT_LINE_END}")
_ALONE_TITLE = re.compile(rf"^(?:关于)?{EMBEDDED_TITLE.pattern}$")
# Chinese characters of report text above a signature: less is a page's header date, not a signature.
_MIN_SIGNED_REPORT = 300


def _next_report_start(text: str) -> int:
    """Where the next report's title, or a companion's label (`COMPANION`), begins after this one's dated
    signature; len(text) when none."""
    offset, signed = 0, False
    for line in text.split("\n"):
        stripped = line.strip()
        if signed and stripped:
            if _ALONE_TITLE.match(stripped) or is_companion_label(stripped):
                return offset + len(line) - len(line.lstrip())
            signed = False
        if _SIGNATURE_DATE.match(stripped) and len(CJK_CHAR.findall(text[:offset])) >= _MIN_SIGNED_REPORT:
            signed = True
        offset += len(line) + 1
    return len(text)


# What a site publishes with a report, on its page or in its file: a reading of it (政策解读, 《…年度报告》解读, 图文解读),
# its figures drawn as cards (一图读懂, 图解, 数说), an official's answers (…答记者问, 答网友问), an editor's note (编者按).
# They restate the report's figures (全年共办理…) and describe its parts (报告从…四个方面), so they are no part of it:
# after the dated signature the report ends at the label; above the report's own title the report starts at its title.
_COMPANION = re.compile(r"^[【\[]?\s*(?:政策解读|图文解读|视频解读|文字解读|解读|一图读懂|一图看懂|一图了解|图解|数说|答记者问|编者按)"
                        r"(?:\s*[】\]]\s*|\s*[：:|｜丨]|$)"
                        r"|^[^。；;]{0,60}?(?:》|报告|情况)\s*(?:政策解读|图文解读|解读)$|^[^。；;]{0,60}?答(?:记者|网友)问$")
_MAX_COMPANION_LABEL = 80


def is_companion_label(line: str) -> bool:
    """Whether LINE (stripped) labels a companion of the report: 政策解读, 一图读懂丨…, 图解：…, …答记者问, 编者按：…"""
    line = line.strip()
    return (len(line) <= _MAX_COMPANION_LABEL or line.startswith(("编者按", "【编者按"))) and bool(_COMPANION.match(line))


def report_start(text: str) -> int:
    """Where the report begins in TEXT when a companion comes first (a 解读 or 图解 block, an editor's note, then the
    report's own title on a line of its own): at that title; 0 when no labelled companion stands above a title.

    >>> text = "政策解读\\n全年共办理案件94件。\\n某镇2022年度法治政府建设工作报告\\n2022年，某镇…"
    >>> text[report_start(text):].split("\\n")[0]
    '某镇2022年度法治政府建设工作报告'
    """
    offset, companion = 0, False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            if companion and _ALONE_TITLE.match(stripped):
                return offset + len(line) - len(line.lstrip())
            if not companion and is_companion_label(stripped):
                companion = True
            elif not companion and (_ALONE_TITLE.match(stripped) or HEADING_LINE.match(stripped)):
                return 0  # the report's own title or first part comes first: what follows it is the report's
        offset += len(line) + 1
    return 0


def companion_alone(text: str) -> bool:
    """Whether TEXT is a companion saved without its report: its first line labels a reading or a card
    summary (一图读懂丨…, 图解：…, 政策解读) and no report title follows (an editor's note may run into its
    report's opening, so 编者按 is not enough).

    >>> companion_alone("一图读懂丨某镇2024年法治政府建设年度报告\\n01 主要举措和成效\\n执法检查 38次")
    True
    """
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return (is_companion_label(first) and not first.lstrip("【[ ").startswith("编者按")
            and not report_start(text))


def companion_ranges(text: str) -> list[tuple[int, int]]:
    """The spans of TEXT that hold a companion of the report rather than the report (see `_COMPANION`): the
    block above the report's own title, from a companion's label after the dated signature to the end, and the
    readers' comments under it (`_COMMENTS_LABEL`: 已有3条评论 is no figure of the town's)."""
    ranges = []
    if start := report_start(text):
        ranges.append((0, start))
    if (end := _next_report_start(text)) < len(text) and is_companion_label(text[end:].split("\n", 1)[0]):
        ranges.append((end, len(text)))
    if (comments := _comments_start(text)) < len(text):
        ranges.append((comments, len(text)))
    return ranges


# Sources that name no publisher: the site itself, or the article's kind.
_NO_PUBLISHER = {"本站", "本网", "本网站", "网站", "原创", "转载", "本单位", "本部门", "未知"}


def page_facts(lines: list[str]) -> PageFacts:
    """Publisher, dates, the year field (年度), index number, title field and site name from chrome LINES
    (first wins)."""
    facts = PageFacts(n_lines=len(lines))
    for line in lines:
        for name, pattern in _FACTS.items():
            if not getattr(facts, name) and (m := pattern.search(line)):
                value = m.group(1).strip(" |｜") if name == "page_title" else re.sub(r"\s+", "", m.group(1))
                if name == "publisher":  # 田村路街道办事处日期:… — the next label glued on
                    value = _GLUED_LABEL.sub("", value)
                    if value in _NO_PUBLISHER:
                        continue  # 来源：本站 names no one; a 发布机构 below may
                setattr(facts, name, value)
        if not facts.site and (m := _SITE.match(line.strip())):
            facts.site = m.group(1)
        if not facts.column and len(line) <= MAX_SITE_PIECE and _NAVIGATION.search(line.strip()):
            pieces = [p.strip() for p in _CRUMB_SEPARATOR.split(_NAVIGATION_LABEL.sub("", line.strip()))]
            facts.column = next((p for p in reversed(pieces) if _TOWN_COLUMN.match(p)), "")
    if not facts.page_title:  # a flattened header row that ends with the report's title
        facts.page_title = next((m.group() for line in lines if (m := EMBEDDED_TITLE.search(line))), "")
    if not facts.publish_date and facts.written_date:
        facts.publish_date = facts.written_date
    return facts


# An information table whose labels the copy lost (a site draws them with CSS): bare values a
# bullet a line (• 115002242037431382/2024-00011 / • 法制 / • 工作报告 / • 铜梁区司法局 / • 2024-03-22).
_BARE_FIELD = re.compile(r"^\s*[•·●▪]\s*([^\s。，,；;：:]{1,30})\s*$")
_BARE_DATE = re.compile(rf"^{_DATE}$")
_BARE_INDEX = re.compile(r"^[\w\-/]*\d{6}[\w\-/]*$")
_MIN_BARE_FIELDS = 3


def _bare_table(lines: list[str]) -> set[int]:
    """The indices of LINES that make an information table without labels: a run of at least three
    bullet lines of one short value each (blank lines between them allowed), a date or an index
    number among the values, as no list of a report's own is."""
    found: set[int] = set()
    run: dict[int, str] = {}  # line index → its value
    for k, line in enumerate([*lines, "end of text"]):
        if not line.strip():
            continue
        if field := _BARE_FIELD.match(line):
            run[k] = field.group(1)
            continue
        if len(run) >= _MIN_BARE_FIELDS and any(_BARE_DATE.match(v) or _BARE_INDEX.match(v) for v in run.values()):
            found.update(run)
        run = {}
    return found


def _contents(lines: list[str]) -> set[int]:
    """The indices of LINES that make a table of contents under its 目录 line: the label and the
    short lines after it (blank ones too) up to the first sentence, long line or entry met again
    (the body's own first heading), when at least two of them end in a page number, or when the
    body below begins a line with most of them (a contents list without page numbers, round 50)."""
    for k, line in enumerate(lines):
        if not _CONTENTS_LABEL.match(line.strip()):
            continue
        block, entries, numbered = {k}, [], 0
        for j in range(k + 1, min(len(lines), k + 1 + _MAX_CONTENTS)):
            entry = lines[j].strip()
            if entry:
                bare = re.sub(r"\s+", "", _PAGE_NUMBER.sub("", entry))
                if len(entry) > _CONTENTS_ENTRY_LEN or "。" in entry or bare in entries:
                    break
                entries.append(bare)
                numbered += bool(_PAGE_NUMBER.search(entry))
            block.add(j)
        if numbered >= 2 or _listed_again(entries, lines[max(block) + 1:]):
            return block
    return set()


def _listed_again(entries: list[str], below: list[str]) -> bool:
    """Whether at least two of a contents list's ENTRIES begin a line BELOW it (the headings themselves, or
    sub-headings run into their first sentence): most of them, or its first ones in order (a copy cut short
    reaches only the first entries)."""
    starts = [re.sub(r"\s+", "", line) for line in below if line.strip()]
    # an entry may hold its page number glued on (…主要举措和成效1: a PDF that set the tab as no space)
    heads = [unglued if len(unglued := entry.rstrip("0123456789")) >= 4 else entry for entry in entries if entry]
    found = [any(line.startswith(head) for line in starts) for head in heads]
    again = sum(found)
    return again >= 2 and (again * 2 > len(entries) or all(found[:again]))


def _listed_under_links(lines: list[str]) -> set[int]:
    """The indices of LINES listed under a 相关阅读 / 相关链接 label: the titles of other articles
    (short lines, no sentence), up to the first line that is not one. A numbered heading is the
    report's own (a 猜你喜欢 list set between two parts, as aggregator pages insert one, ends at 三、…)."""
    found: set[int] = set()
    for k, line in enumerate(lines):
        if not _RELATED.match(line.strip()):
            continue
        if _RELATED_LABEL.sub("", line.strip()):
            continue  # 相关链接 · 甲 · 乙: the list is on the label's line; the lines below are the page's own
        for j in range(k + 1, min(len(lines), k + 1 + _MAX_LISTED)):
            listed = lines[j].strip()
            bare = listed.lstrip(_EMPHASIS)  # **二、…** as a page or a Markdown copy sets a heading in bold
            if listed and (not _is_listed_title(listed) or HEADING_LINE.match(bare)):
                break
            found.add(j)
    return found


# A county site's menu of its towns, a bare name a line (乡镇之窗 / 当曲卡镇 / 羊八井镇 / …): none of them is
# whose report it is, and the last of them stands right above the title as its issuer would.
_BARE_TOWN = re.compile(rf"^[{CJK}]{{2,8}}(?:镇|乡|街道|苏木)$")
_MIN_MENU = 3


def _town_menu(lines: list[str]) -> set[int]:
    """The indices of LINES in runs of three or more lines each a bare town name (blank lines apart)."""
    found: set[int] = set()
    run: list[int] = []
    for k, line in enumerate([*lines, "。"]):  # a sentence ends the last run
        stripped = line.strip()
        if _BARE_TOWN.match(stripped):
            run.append(k)
        elif stripped:
            if len(run) >= _MIN_MENU and len({lines[j].strip() for j in run}) == len(run):
                found.update(run)
            run = []
    return found


# A list of other reports' titles a page sets above or beside the article without a label (a county site's
# column: · 甲镇2023年法治政府建设年度报告 / · 乙乡2023年…, or each with its date): lines that are a report's title
# and nothing else but a list bullet before it or a date after it, two or more titles in a run.
_LISTED_BULLET = re.compile(r"^[·•●▪◆◇○◎■□▶►\-*]\s*")
_LISTED_DATE = re.compile(rf"[\s\[【(（]*{_DATE}[\]】)）]?$")
_MIN_LISTED_RUN = 2
_LISTED_EXTRA = 24  # characters a listed title may carry besides itself: a bullet, a date in brackets


def _listed_title_entry(line: str) -> str | None:
    """The title LINE lists with its bullet or its date taken off, when it is one such entry; else None."""
    line = line.strip()
    if len(line) > _LISTED_TITLE_LEN + _LISTED_EXTRA:
        return None  # (and no regex scans a line of junk: the date's pattern would, from every place in it)
    bare = _LISTED_DATE.sub("", _LISTED_BULLET.sub("", line)).strip()
    if bare == line or not bare or len(bare) > _LISTED_TITLE_LEN:
        return None
    # (a place's rare character, 流波䃥镇 or 湖㳇镇, is outside the common block the title's pattern reads)
    title = EMBEDDED_TITLE.search(re.sub("[\u3400-\u4dbf]", "一", bare))
    return bare if title and title.start() == 0 and len(bare) - title.end() <= 6 else None


def _listed_titles(lines: list[str]) -> set[int]:
    """The indices of LINES in runs of listed titles (blank lines apart) of two or more different reports."""
    found: set[int] = set()
    run: dict[int, str] = {}
    for k, line in enumerate([*lines, "。"]):
        if not line.strip():
            continue
        if (entry := _listed_title_entry(line)) is not None:
            run[k] = entry
            continue
        if len(run) >= _MIN_LISTED_RUN and len(set(run.values())) >= _MIN_LISTED_RUN:
            found.update(run)
        run = {}
    return found


# The end of a breadcrumb that a printed or narrow copy wrapped onto the next line
# (当前位置:首页->政务公开->政府信息公开-> / 法定主动公开内容->政府工作报告): pieces between separators,
# no sentence, and not the report's title.
_CRUMB_CONTINUATION_LEN = 40
_SENTENCE_MARK = re.compile(r"[。，,；;！？!?：:、]")


def _continues_breadcrumb(line: str) -> bool:
    """Is LINE, right after a breadcrumb, that breadcrumb's wrapped end?"""
    line = line.strip()
    return (0 < len(line) <= _CRUMB_CONTINUATION_LEN and bool(_CRUMB_SEPARATOR.search(line))
            and not _SENTENCE_MARK.search(line) and not EMBEDDED_TITLE.search(line))


def split_chrome(text: str) -> tuple[str, PageFacts]:
    """TEXT without its page-chrome lines, and the facts those lines state."""
    kept, chrome, elsewhere = [], [], 0
    lines = text.split("\n")
    bare = _bare_table(lines)
    # About other articles, or the report's own outline: no facts of it.
    elsewhere_lines = _contents(lines) | _listed_under_links(lines) | _town_menu(lines) | _listed_titles(lines)
    after_crumb = False  # the last line with text was a breadcrumb (当前位置：首页->政务公开->…)
    for k, line in enumerate(lines):
        crumb_goes_on = after_crumb and _continues_breadcrumb(line)
        if line.strip():
            after_crumb = bool(_NAVIGATION.search(line.strip())) or crumb_goes_on
        if k in bare:
            chrome.append(line)
        elif k in elsewhere_lines:
            elsewhere += bool(line.strip())
        elif crumb_goes_on:
            chrome.append(line)  # the breadcrumb's end, wrapped onto a line of its own
        elif not is_chrome(line):
            kept.append(line)
        elif _links_or_footer(line.strip()):
            elsewhere += 1  # about other articles and the site: no facts of this report
        else:
            chrome.append(line)
    if not chrome and not elsewhere:
        return text, PageFacts()
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    facts = page_facts(chrome)
    facts.n_lines += elsewhere
    return body, facts
