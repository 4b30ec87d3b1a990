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

from .chinese import CJK

_SPACE = r"\s*"


def _labels(*words: str) -> str:
    """An alternation of WORDS that tolerates spaces inside them (索 引 号)."""
    return "|".join(_SPACE.join(map(re.escape, word)) for word in sorted(words, key=len, reverse=True))


# Labels of the information table of a government page (政府信息公开 pages and article pages).
_TITLE_LABELS = ("标题", "名称", "信息名称", "文件名称", "公文名称", "内容概述", "题名")
_PUBLISHER_LABELS = ("发布机构", "发文机关", "发文单位", "发布单位", "公开机构", "信息来源", "文章来源", "来源")
_PUBLISHED_LABELS = ("发布日期", "发布时间", "发文日期")
_WRITTEN_LABELS = ("成文日期", "成文时间", "生成日期", "公文生成日期", "印发日期")
_OTHER_LABELS = (
    "信息索引号", "索引号", "主办单位", "公开方式", "公开范围", "公开时限", "公开形式", "实施日期", "更新时间",
    "更新日期", "主题分类", "体裁分类", "组配分类", "服务对象分类", "主题词", "关键词", "信息分类", "信息类别",
    "所属主题", "文号", "发文字号", "文件编号", "有效性", "时效性", "效力状况", "作者", "撰稿", "责任编辑", "审核",
    "审签", "备注", "浏览次数", "阅读次数", "访问次数", "点击次数", "点击数", "点击量", "浏览量", "阅读量", "访问量",
    "字体", "字号", "分享到", "统一编号", "所属机构", "主题", "分类",
)
_ALL_LABELS = _labels(*_TITLE_LABELS, *_PUBLISHER_LABELS, *_PUBLISHED_LABELS, *_WRITTEN_LABELS, *_OTHER_LABELS)
# A label where a field starts: at the line's start or after a separator, closed by a colon, a
# bracket (【体裁分类】其他) or, at the start of a flattened table row, a space (成文日期 2025-03-21).
_SEPARATORS = r"[\s|｜•·●▪■\-—【】\[\]]"
_FIELD = re.compile(rf"(?:^|{_SEPARATORS})[【\[]?\s*(?:{_ALL_LABELS})\s*[】\]]?\s*[：:]")
_LEADING_FIELD = re.compile(rf"^{_SEPARATORS}*[【\[]?\s*(?:{_ALL_LABELS})\s*(?:[】\]]|[：:]|\s+(?=\S))")
_NAVIGATION = re.compile(
    r"^(?:您?(?:现在|当前)?(?:所在)?的?位置|当前位置|所在位置)\s*[：:]"
    r"|^首页\s*(?:[>＞»›/\\|]|$)|[>＞»›]\s*(?:政务公开|信息公开|政府信息公开|通知公告|工作动态|法治政府建设|年度报告|其他)"
)
# A line made only of buttons and switches: 【打印】【关闭】, 字体 大 中 小, 简体 | 繁体, 分享到 …
_BUTTON = (r"打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|加入收藏|设为首页|纠错|我要纠错|分享|"
           r"分享到|扫一扫|在手机打开当前页|无障碍|无障碍浏览|长者模式|关怀版|适老化|简体|繁体|简|繁|English|"
           r"网站地图|手机版|登录|注册|微信|微博|大|中|小|默认|A\+|A-|A|字体|字号|视力保护色|保护视力色|[\-+]")
_BUTTONS_ONLY = re.compile(rf"^(?:[\s【】\[\]|｜/：:()（）·•]*(?:{_BUTTON}))+[\s【】\[\]|｜/：:()（）·•]*$")
_COUNTER = re.compile(r"(?:浏览|阅读|访问|点击)(?:次数|量|数)?\s*[：:]\s*\d*\s*(?:次)?\s*$|\[\s*\d+\s*\]\s*次")
# Notices a site shows to every visitor (browser versions, screen readers, keyboard hints).
_NOTICE = re.compile(r"IE版本|浏览器版本|请升级.{0,6}浏览器|为了不影响您的浏览|tab按钮|正文内容区域|读屏|屏幕阅读|"
                     r"扫一扫在手机|网站支持IPv6|您访问的链接即将离开")
# The site header's date: 2019年12月3日 星期二 (reports are not dated with their weekday).
_WEEKDAY_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]")

_DATE = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}"
_VALUE_END = rf"(?={_SEPARATORS}*[【\[]?\s*(?:{_ALL_LABELS})\s*[】\]]?\s*[：:]|$)"
_FACTS = {
    "publisher": re.compile(rf"(?:{_labels(*_PUBLISHER_LABELS)})\s*[】\]]?\s*[：:][\s|｜]*(?!{_ALL_LABELS}|日期|时间)"
                            rf"([^\s|｜<>【】\[\]：:•]{{2,30}})"),
    "publish_date": re.compile(rf"(?:{_labels(*_PUBLISHED_LABELS, '日期')})\s*[】\]]?\s*[：:]?\s*({_DATE})"),
    "written_date": re.compile(rf"(?:{_labels(*_WRITTEN_LABELS)})\s*[】\]]?\s*[：:]?\s*({_DATE})"),
    "index_no": re.compile(rf"(?:{_labels('索引号')})\s*[】\]]?\s*[：:]\s*([\w\-/]{{4,40}})"),
    "page_title": re.compile(rf"(?:{_labels(*_TITLE_LABELS)})\s*[】\]]?\s*[：:]\s*(.{{4,80}}?)\s*{_VALUE_END}"),
}
# The site's own name in its header: 天津市静海区人民政府 / XX县人民政府门户网站.
_SITE = re.compile(rf"^([{CJK}]{{2,20}}(?:人民政府|政府))(?:门户网站|网站)?(?=\s|$)")
_SITE_ONLY = re.compile(rf"^[{CJK}]{{2,20}}(?:人民政府|政府)?(?:门户网站|政府网|网站)$")
# A header of links to sites: 中国政府网|重庆市人民政府网 (two or more site names, nothing else).
_SITE_NAME = rf"[{CJK}]{{2,20}}(?:门户网站|政府网|网站|网)"
_SITES_ONLY = re.compile(rf"^{_SITE_NAME}(?:\s*[|｜/·•]\s*{_SITE_NAME})+$")

# A report's title inside a longer line: …关于2023年度法治政府建设情况的报告 / …法治政府建设年度报告(2024年度)
EMBEDDED_TITLE = re.compile(rf"[{CJK}\d（）()]{{2,40}}?(?:法治政府建设|法治建设|依法行政|依法治)"
                            rf"[{CJK}\d、]{{0,24}}?(?:报告|总结)(?:[（(]\d{{4}}年度?[)）])?")

_GLUED_LABEL = re.compile(r"(?:发布日期|发布时间|日期|时间|作者|来源)$")

MAX_CHROME_LINE = 200  # a labelled line longer than this is prose that happens to start with 来源…


@dataclass
class PageFacts:
    """What the page's chrome says about the report (empty strings when it says nothing)."""

    publisher: str = ""
    publish_date: str = ""
    written_date: str = ""
    index_no: str = ""
    page_title: str = ""
    site: str = ""
    n_lines: int = 0  # chrome lines removed

    def as_hints(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if isinstance(v, str) and v}


def is_chrome(line: str) -> bool:
    """True when LINE (one line of text) is page chrome, not report prose."""
    line = line.strip()
    if not line:
        return False
    if _BUTTONS_ONLY.match(line) or _SITE_ONLY.match(line) or _SITES_ONLY.match(line):
        return True
    if len(line) <= 80 and (_WEEKDAY_DATE.search(line) or _NOTICE.search(line)):
        return True
    if len(line) > MAX_CHROME_LINE:
        return False
    if _NAVIGATION.search(line) or _LEADING_FIELD.match(line) or len(line) <= 60 and _COUNTER.search(line):
        return True
    return len(_FIELD.findall(line)) >= 2  # 来源：… 发布时间：… on one line


def page_facts(lines: list[str]) -> PageFacts:
    """Publisher, dates, index number, title field and site name from chrome LINES (first wins)."""
    facts = PageFacts(n_lines=len(lines))
    for line in lines:
        for name, pattern in _FACTS.items():
            if not getattr(facts, name) and (m := pattern.search(line)):
                value = m.group(1).strip(" |｜") if name == "page_title" else re.sub(r"\s+", "", m.group(1))
                if name == "publisher":  # 田村路街道办事处日期:… — the next label glued on
                    value = _GLUED_LABEL.sub("", value)
                setattr(facts, name, value)
        if not facts.site and (m := _SITE.match(line.strip())):
            facts.site = m.group(1)
    if not facts.page_title:  # a flattened header row that ends with the report's title
        facts.page_title = next((m.group() for line in lines if (m := EMBEDDED_TITLE.search(line))), "")
    if not facts.publish_date and facts.written_date:
        facts.publish_date = facts.written_date
    return facts


def split_chrome(text: str) -> tuple[str, PageFacts]:
    """TEXT without its page-chrome lines, and the facts those lines state."""
    kept, chrome = [], []
    for line in text.split("\n"):
        (chrome if is_chrome(line) else kept).append(line)
    if not chrome:
        return text, PageFacts()
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return body, page_facts(chrome)
