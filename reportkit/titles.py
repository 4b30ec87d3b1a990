"""A report's title and the year it covers.

The title is the first line that names a rule-of-law report (法治… 报告/总结/情况), with its issuer on
the line above and its continuation on the next; the year comes from the title, else the opening
sentence, a plans heading, the page's fields, the publication or signature date, or the file name
(`infer_year` says which). Years written in Chinese numerals (二〇二三年) count as digits.
"""
from __future__ import annotations

import re
from collections import Counter

from . import resources
from .arguments import require_text
from .chinese import CJK, marker_number
from .unwrap import DOCUMENT_NUMBER

__all__ = ["find_title", "infer_year", "other_document_kind", "page_title_of", "title_of"]

_YEAR = r"(20[0-4]\d)"
# 二〇二三年 / 二零二三年度 in titles and openings; digits only, so it cannot touch other numerals.
# (an office's typing: 二0二三年 with a digit zero, 二O二四年 with a letter O, as 〇 is hard to type)
_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "0": "0", "O": "0", "o": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"二[〇零○Ｏ0Oo][〇零○Ｏ0Oo一二三四]\s*[〇零○Ｏ0Oo一二三四五六七八九](?=\s*年)")


def _arabic_years(text: str) -> str:
    """二〇二三年 → 2023年 (nothing else is converted)."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS.get(c, "") for c in m.group()), text)


# "2021-2025年" and similar plan periods are not a report year.
_PERIOD = re.compile(r"20\d{2}\s*[-—–~至到]\s*20\d{2}\s*年?")
_TITLE_YEAR = re.compile(_YEAR + r"\s*年\s*度?")
_OPENING_YEAR = re.compile(r"(?:现将|^|\n|，|。)\s*(?:我[镇乡]|本[镇乡]|全[镇乡])?\s*" + _YEAR + r"\s*年(?:度)?(?:[，,以是]|来|全年|工作)")
_PLAN_HEADING_YEAR = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*" + _YEAR + r"\s*年(?:度)?.{0,20}(?:安排|打算|计划|思路|工作要点)", re.M)
# The first part's heading naming the year's work (一、2024年工作情况 / 一、2023年度推进法治政府建设的主要举措和成效):
# the year covered, where no title or opening says it and the body quotes other years (获评2023年度…先进单位).
_WORK_HEADING_YEAR = re.compile(r"^[一1][、.．]\s*" + _YEAR + r"\s*年(?:度)?(?![^\n]{0,20}(?:安排|打算|计划|思路|要点|目标))"
                                r"[^\n]{0,20}(?:工作情况|工作开展情况|主要举措|主要工作|工作成效|主要成效|工作总结|工作回顾)", re.M)
_DATE = re.compile(_YEAR + r"\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# A date that ends the text (the signature: 2024年1月8日 / 2024年元月 / 二〇二四年一月八日).
_SIGNED_ON = re.compile(_YEAR + r"\s*年\s*(\d{1,2}|[元正一二三四五六七八九十]{1,3})\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*$")


# A title's own span of years (黄姚镇2020—2022年法治政府建设工作情况), not a plan's in brackets (《纲要（2021—2025年）》).
_COVERED_YEARS = re.compile(r"(?<![（(《〈\d])" + _YEAR + r"\s*[-—–~至到]\s*" + _YEAR + r"\s*年")
# The date a report bears: on a line of its own under the title ((2024年1月16日)) or in its signature.
_DATED_LINE = re.compile(r"^\s*[（(]?\s*" + _YEAR + r"\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$", re.M)


def _dated_early_in(year: str, text: str) -> bool:
    """Does TEXT bear a date in the first half of YEAR (under its title or in its signature)? A report
    so dated cannot cover YEAR's work."""
    dates = [(m.group(1), int(m.group(2))) for m in _DATED_LINE.finditer(text[:300])]
    if m := _SIGNED_ON.search(_arabic_years(text[-80:])):
        dates.append((m.group(1), _month(m.group(2))))
    return any(y == year and 1 <= month <= 6 for y, month in dates)


def _month(text: str) -> int:
    """1 for 1 / 一 / 元 / 正; 12 for 12 / 十二; 0 when not a month."""
    month = 1 if text in ("元", "正") else marker_number(text)
    return month if 1 <= month <= 12 else 0

# What a report's title says: its topic and that it is a report.
_TITLE_TOPIC = re.compile(r"法治|法制|依法行政|依法治|述法")
_TITLE_KIND = re.compile(r"报告|总结|情况|汇报")  # (…工作汇报: a report read to a meeting)
# What a title's first line holds when the rest follows on the next (XX镇人民政府关于2023年度 / 法治…
# 报告); a page's 排序 or 匹配度 above a whole title is not part of it.
_TITLE_START = re.compile(r"法治|法制|依法|关于|20\d\d|二[〇零○Ｏ0O]|政府|委员会|党委|党工委|办事处|街道|镇|乡|苏木|县|区|市|旗")
_ISSUER_LINE = re.compile(r"(?:政府|委员会|党委|党工委|办事处|街道|镇|乡|苏木)$")
# A site's column above the title (乡镇之窗, 镇街动态, 法治专栏): no part of it, nor its issuer.
_COLUMN_LABEL = re.compile(r"(?:之窗|动态|专栏|专题|频道|栏目|首页|导航|信息公开)$")
# A title that opens with its own issuer before its year (唐克镇2024年度…, 某乡人民政府关于2023年…), and a
# government's name on the line above that is not that issuer's (若尔盖县人民政府, the site's header left once
# its breadcrumb went): no part of the title. (The county's name above a title with no issuer of its own stays.)
_OWN_ISSUER = re.compile(rf"^([{CJK}]{{2,14}}?(?:镇|乡|街道|苏木|办事处))(?:人民政府|政府)?(?:关于)?(?:20\d\d|二[〇零○])")
_GOVERNMENT_LINE = re.compile(rf"^([{CJK}]{{2,20}}?)(?:人民政府|政府)$")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
# A line that is only the document's number (沙政发〔2025〕9号, 文号：江政报〔2025〕4号, 宾政发[2022]3号), as a 公文 sets it
# between its red header or issuer and its title: no line of the title, and no bar between the title and its issuer.
_NUMBER_LINE = re.compile(rf"^(?:(?:发文字号|文号)\s*[：:]\s*)?[^，,。；;：:！!？?、\s]{{1,12}}"
                          rf"(?:{DOCUMENT_NUMBER}|[\[［【（(](?:19|20)\d\d[\]］】）)]第?\d{{1,4}}号)$")
MAX_TITLE_CHARS = 80
_TITLE_SCAN_LINES = 40


# A page's own <title> tail: …报告_公开目录_上海市宝山区人民政府门户网站
_SITE_TAIL = re.compile(r"(?:[_|｜]+[^_|｜]*)*[_|｜]+[^_|｜]*(?:网站|门户|目录|政府网)[^_|｜]*$")


# A sub-title under a title: ——在区法治政府建设推进会上的书面报告, in brackets or not.
_SUBTITLE = re.compile(r"^[（(]?\s*[—–―-]")


def _title_at(lines: list[str], i: int) -> str:
    """The title that line I of LINES begins (with its continuation on the next line), or ""."""
    line = lines[i]
    if (len(line) > MAX_TITLE_CHARS or line.endswith(("：", ":", "。")) or _NUMBERED.match(line)  # a sentence is no title
            or _NUMBER_LINE.match(line)):  # nor is a document's number, whose year once joined it to the title below
        return ""
    if _SUBTITLE.match(line) or _COLUMN_LABEL.search(line):  # （——在…推进会上的书面报告） says where the report
        return ""  # was given, not what it is; a site's column (乡镇之窗) says where it was filed
    following = lines[i + 1] if i + 1 < len(lines) else ""
    joined = line
    if (not _TITLE_KIND.search(line) and len(line) <= 40 and len(following) <= 40
            and _TITLE_KIND.search(following) and not following.endswith(("：", ":"))
            and (_TITLE_START.search(line) or not _TITLE_TOPIC.search(following))
            and not _another_government(line, following)):
        joined = line + following  # 关于2023年度法治政府建设 / 工作情况的报告
    return joined if _TITLE_TOPIC.search(joined) and _TITLE_KIND.search(joined) else ""


def _title_years(title: str) -> set[str]:
    return set(_TITLE_YEAR.findall(_PERIOD.sub("", _arabic_years(title))))


def _another_government(above: str, title: str) -> bool:
    """Is ABOVE a government's name (the line over TITLE) other than the issuer TITLE opens with?"""
    own, government = _OWN_ISSUER.match(title), _GOVERNMENT_LINE.match(above)
    return bool(own and government) and own.group(1) not in above and government.group(1) not in own.group(1)


def find_title(text: str) -> str:
    """The report's title: the first line that names a rule-of-law report (法治… 报告/总结/情况),
    with the issuer written on the line above (XX镇人民政府) and a continuation on the next;
    "" when no line does. Page chrome is expected to be gone (`pagechrome.split_chrome`).

    A second such line just below with another year is the report's own title, the first a copy
    site's (街道2022年法治政府建设工作总结 above 街道2020年法治政府建设工作总结2020年12月10日).
    """
    # The first ten lines; past them, on to the body's first paragraph (a page's chrome table may
    # stand above the title a field a line: 组配分类 / 政府建设 / 发布机构 / 区司法局 …).
    lines = [line.strip() for line in text.split("\n")[:_TITLE_SCAN_LINES] if line.strip()]
    body = next((k for k, line in enumerate(lines) if len(line) > 40 and "。" in line), len(lines))
    for i in range(min(max(10, body), len(lines))):
        joined = _title_at(lines, i)
        if not joined:
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            below = _title_at(lines, j)
            if (below and _TITLE_TOPIC.search(lines[j]) and _TITLE_KIND.search(lines[j])  # a title of its own
                    and _title_years(below) and _title_years(below) != _title_years(joined)):
                i, joined = j, below
                break
        parts = [joined]
        for above in reversed([line for line in lines[max(0, i - 3):i] if not _NUMBER_LINE.match(line)][-2:]):
            if len(above) > 30 or not _ISSUER_LINE.search(above) or above in parts or _another_government(above, joined):
                break
            parts.insert(0, above)
        return _SITE_TAIL.sub("", "".join(parts))
    return ""


def title_of(text: str) -> str:
    """The report's title (`find_title`), or else its first lines up to the one that names the
    report, as reports without a proper title begin."""
    if title := find_title(require_text(text, "title_of")):
        return title
    lines = [line.strip() for line in text.split("\n")[:14] if line.strip()]
    title: list[str] = []
    for line in lines[:4]:
        if len(line) > 60 or line.endswith(("：", ":")):
            break
        if line not in title:
            title.append(line)
        if re.search(r"报告|总结|情况$", line):
            break
    return "".join(title) if title else (lines[0][:60] if lines else "")


def infer_year(text: str, *, title: str, file_name: str = "", publish_date: str = "",
               report_year: str = "") -> tuple[str, str]:
    """The year the report COVERS and where that came from.

    Order of evidence: the title (2023年度…报告); the opening ("2022年，我镇…", "现将2023年…");
    the first part's heading naming the year's work (一、2024年工作情况); a plans heading for year Y
    when the report speaks of 今年以来 (covers Y-1); the page's 年度
    field (REPORT_YEAR); the publication date (reports appear in the first months of the
    following year), then the signature's date read the same way; the file name.
    Years quoted inside other headings never win over the title.
    """
    clean_title = _PERIOD.sub("", _arabic_years(title))
    head = _PERIOD.sub("", _arabic_years(text[:600]))
    if m := _TITLE_YEAR.search(clean_title):
        year = m.group(1)
        opening = _OPENING_YEAR.search(head)
        if opening and int(opening.group(1)) == int(year) - 1 and _dated_early_in(year, text):
            return opening.group(1), "body"  # 关于2024年…的报告 dated 2024年1月16日, on 2023年's work
        return year, "title"
    if m := _COVERED_YEARS.search(_arabic_years(title)):
        return m.group(2), "title"  # 2020—2022年法治政府建设工作情况: the last year it covers
    if m := _OPENING_YEAR.search(head):
        return m.group(1), "body"
    if m := _WORK_HEADING_YEAR.search(_PERIOD.sub("", _arabic_years(text))):
        return m.group(1), "body"
    if m := _PLAN_HEADING_YEAR.search(_PERIOD.sub("", text)):
        return str(int(m.group(1)) - 1), "body"
    if report_year:
        return report_year, "page metadata"
    if publish_date and (m := _DATE.search(publish_date)):
        year, month = int(m.group(1)), int(m.group(2))
        return str(year - 1 if month <= 6 else year), "page metadata"
    if m := _SIGNED_ON.search(_arabic_years(text[-80:])):  # the signature's date, read as a publication date
        year, month = int(m.group(1)), _month(m.group(2))
        if month:
            return str(year - 1 if month <= 6 else year), "body"
    if m := re.search(r"(?<!\d)" + _YEAR + r"(?!\d)", file_name):
        return m.group(1), "file name"
    years = Counter(re.findall(r"(?<![\d-])" + _YEAR + r"\s*年", _PERIOD.sub("", text)))
    if years:
        return years.most_common(1)[0][0], "body"
    return "", ""


def page_title_of(field: str) -> str:
    """A page's title FIELD as a report's title, the site's name after it cut
    (…报告_公开目录_上海市宝山区人民政府门户网站); "" when it names no rule-of-law report (a Word
    file's "Microsoft Word - 文档1" names nothing)."""
    title = _SITE_TAIL.sub("", field)
    return title if _TITLE_TOPIC.search(title) and _TITLE_KIND.search(title) else ""


_TITLE_LINE = 60
_OPENING = 300
_SENTENCE_MARK = re.compile("[，,。；;]")


def other_document_kind(text: str, *, page_title: str = "") -> str:
    """The kind of document TEXT is when its title lines (or PAGE_TITLE) name another than the annual
    rule-of-law report, or its opening says so (resources/other_documents.csv: 政府信息公开工作年度报告,
    also when it opens 依据《政府信息公开条例》…编制本报告; 政府工作报告; a 普法 summary; a 工作要点 or
    实施方案; a 司法所 or 执法队 year; the 人大's 审议意见 …); "" for a rule-of-law report. Folders filled
    by a search hold such files, which read like reports and would be compared as if they were.

    >>> other_document_kind("某镇2023年政府信息公开工作年度报告")
    '政府信息公开工作年度报告'
    >>> other_document_kind("某镇2023年法治政府建设和政务公开工作报告")
    ''
    """
    # Title lines only: short, no sentence's commas (an opening sentence may cite 《…工作要点》).
    lines = [line.strip() for line in text.split("\n")[:8] if line.strip()][:4]
    titles = [line for line in lines if len(line) <= _TITLE_LINE and not _SENTENCE_MARK.search(line)]
    places = {"title": "\n".join([*titles, page_title]), "opening": text[:_OPENING]}
    for where, pattern, unless, kind in resources.other_documents():
        if pattern.search(places[where]) and not (unless and unless.search(places[where])):
            return kind
    return ""
