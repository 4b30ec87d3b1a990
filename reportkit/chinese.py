"""The rules of written Chinese that several modules share, defined once.

Character classes, Chinese numerals, the numbering markers of official documents (一、 （一）
1. 一是) and the township speaking of itself (我镇, 本乡). Change a rule here and it changes for
every module that reads it (textacy's ``preprocessing/resources.py`` is the model). Each
pattern says which modules use it; where a module needs a variant, the variant is built here
from the same pieces and says why it differs.

>>> count_cjk("2023年，我镇开展普法12次")
8
>>> chinese_to_number("一万二千"), marker_number("十二")
(12000.0, 12)
>>> SELF_REFERENCE.findall("我镇与本乡、全街道")
['我镇', '本乡', '全街道']
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------- characters

#: CJK Unified Ideographs (U+4E00–U+9FFF): what "Chinese text" means for every count and check.
CJK = "\u4e00-\u9fff"
CJK_CHAR = re.compile(f"[{CJK}]")
NOT_CJK = re.compile(f"[^{CJK}]+")
#: jieba's own block of Han characters (its ``re_han_default`` stops at U+9FD5). Deliberately not
#: `CJK`: a dictionary term with a character outside it cannot come out of jieba whole, so the
#: tokenizer must match it itself (reportkit.terms).
JIEBA_HAN = "\u4e00-\u9fd5"


def count_cjk(text: str) -> int:
    """Number of CJK ideographs in TEXT (how much Chinese a text, a passage or a page holds)."""
    return len(NOT_CJK.sub("", text))  # one string, not a list of every character: ~3 x faster


# --------------------------------------------------------------------------- numerals

#: Digits as written in quantities, including the financial forms (壹 贰 …) and 两.
CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: Every character of a Chinese numeral (a character class body: no regex metacharacters).
CN_NUMERAL_CHARS = "".join([*CN_DIGITS, *CN_SMALL, *CN_BIG])
#: The numerals of list markers (一、 （十）): one to ten, combined up to 九十九.
CN_MARKER_DIGITS = "一二三四五六七八九十"
#: The financial forms of one to ten (壹 … 拾), in CN_MARKER_DIGITS' order: amounts, and some reports' part numbers.
FINANCIAL_NUMERALS = "壹贰叁肆伍陆柒捌玖拾"
#: The general classifier: counts anything (cases, items, places) where a specific one could stand.
GENERIC_CLASSIFIER = "个"


def chinese_to_number(numeral: str) -> float:
    """Value of a Chinese numeral such as 十, 十二, 三千, 一万二千, 两, 一百零五, 百.

    Only for the numeral itself (a matched span), never for running text (that turns 一是
    into 1是). A run of digits without 十/百/千 (二〇二三) is read digit by digit.

    >>> chinese_to_number("三千"), chinese_to_number("十二"), chinese_to_number("二〇二三")
    (3000.0, 12.0, 2023.0)

    Raises ValueError for characters that are not Chinese numerals.
    """
    if not numeral or any(ch not in CN_NUMERAL_CHARS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if all(ch in CN_DIGITS for ch in numeral):
        return float(int("".join(str(CN_DIGITS[ch]) for ch in numeral)))
    total = section = number = 0
    for ch in numeral:
        if ch in CN_DIGITS:
            number = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            section += (number or 1) * CN_SMALL[ch]  # 十二: a leading 十 means 一十
            number = 0
        elif ch in ("亿", "億"):
            total = (total + section + number) * CN_BIG[ch]
            section = number = 0
        else:  # 万
            total += (section + number or 1) * CN_BIG[ch]
            section = number = 0
    return float(total + section + number)


#: Circled and bracketed digits one to twenty (①…⑳, ⑴…⒇), in order within each set.
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"


def marker_number(numeral: str) -> int:
    """Position named by a list marker's numeral: '十二' → 12, '二十' → 20, '7' → 7.

    Stricter than `chinese_to_number`: a run of digits without 十 (一二) names no position and
    gives 0, which no numbering sequence accepts.
    """
    if len(numeral) == 1 and numeral in CIRCLED_DIGITS:
        return CIRCLED_DIGITS.index(numeral) % 20 + 1
    if numeral.isdigit():
        return int(numeral)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in numeral:
        return digits.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, units = numeral.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)


#: Marks that end a clause of its own (a sentence, or the lead-in before a list): 。；！？：.
CLAUSE_END = re.compile(r"[。；;！!？?：:]")

# --------------------------------------------------------------------------- numbering markers

_N = CN_MARKER_DIGITS
#: A comma some copying sites' converters put between a list marker's numeral and its 、 (一,、 / 2，、), as they
#: double or misplace the other marks of the text (…内容,。 …报告,、): optional before 、 in a marker.
STRAY_COMMA = "[，,]?"
#: Marker styles of headings and list items, tried in this order at the start of a line:
#: (name, rank, pattern with the numeral in group "n"). `rank` is the usual nesting order of
#: Chinese official documents (一、 > （一） > 1、 > （1））. Used for headings (reportkit.sections)
#: and to cut shortcoming items (reportkit.shortcomings).
MARKER_STYLES: list[tuple[str, int, re.Pattern[str]]] = [
    # 第一部分 / 第一、 (a part typed as an ordinal; 第一，in prose is an item, not a part).
    ("part", 0, re.compile(rf"第(?P<n>[{_N}]{{1,3}})(?:部分[、.．:：，,]?|、)\s*")),
    # 【一】: a part numbered in lenticular brackets, as some sites print their headings.
    ("cn_lenticular", 1, re.compile(rf"【\s*(?P<n>[{_N}]{{1,3}})\s*】\s*")),
    # 一) without its opening bracket is the same list as （一）.
    ("cn_paren", 2, re.compile(rf"[（(]?\s*(?P<n>[{_N}]{{1,3}})\s*[）)][、.．]?\s*")),
    ("ar_paren", 4, re.compile(r"[（(]\s*(?P<n>\d{1,2})\s*[）)][、.．]?\s*")),
    # 一.2 is a number, 一．2022年度… a heading that starts with its year; 一，推进… a heading typed
    # with a comma (一，二季度 is a run of numbers, not a heading) or a colon (一：主要举措和成效).
    # 一,、深入学习… / 2，、…: a copying site's converter put a stray comma before the marker's 、.
    ("cn_dun", 1, re.compile(rf"(?P<n>[{_N}]{{1,3}})\s*(?:{STRAY_COMMA}、|[.．](?!\d(?!\d{{3}}))|[，,:：](?=[{CJK}（(“《]|20\d\d)(?![{_N}]))\s*")),
    # 1.5 is a number, 1．2024年度… a heading that starts with its year, 1:30 a time, 1：存在的问题 a heading.
    ("ar_dun", 3, re.compile(rf"(?P<n>\d{{1,2}})\s*(?:{STRAY_COMMA}、|[.．](?![\d.．])|[.．](?=(?:19|20)\d\d\s*年)|[:：](?=[{CJK}（(“《]|20\d\d\s*年))\s*")),
    ("ar_half", 5, re.compile(r"(?P<n>\d{1,2})[）)]\s*")),
]
#: The styles that number a report's parts (一、 / 第一部分 / 【一】): top level wherever they appear.
PART_STYLES = ("part", "cn_dun", "cn_lenticular")
#: Marks a page sets before each part's line (◆主要工作及成效, ▍二、…, ▲直面“三个不足”，…); not □, a form's unticked option.
PART_MARKS = "◆◇■▲△●★☆▶►▌▍"
#: Item markers of running text, beyond the heading styles: 第一，… (rank 1) and 一是….
#: ①…⑳ and ⑴…⒇ number a list inside a paragraph; they are items, never heading markers here (a line
#: ①存在的主要问题 is read as a part that lost its number: reportkit.sections).
CIRCLED_MARKER = re.compile(rf"(?P<n>[{CIRCLED_DIGITS}])[、.．，,：:]?\s*")
ORDINAL_MARKER = re.compile(rf"第(?P<n>[{_N}]{{1,3}})(?:[，,、：:]|是)\s*")
SHI_MARKER = re.compile(rf"(?P<n>[{_N}]{{1,3}})是[，,：:]?")
#: 其一，…；其二，… (an item's ordinal after a colon or a semicolon; 其中 and 其一般 are no markers).
QI_MARKER = re.compile(rf"其(?P<n>[{_N}]{{1,2}})[，,、：:]\s*")
#: 问题一：…问题二：… (items labelled by what they are: 问题1：, 不足二，, 短板三、; or as one of them: 不足之一，).
LABELLED_MARKER = re.compile(rf"(?:问题|不足|短板)之?(?P<n>[{_N}]{{1,2}}|\d{{1,2}})[：:，,、]\s*")
#: A Word file's decimal numbering (3.1 法治宣传…, under its part 3.; the minor number counts), not a
#: figure (1.2万): one definition for the items of reportkit.shortcomings and for copies that lost
#: their line breaks (reportkit.normalize).
#: A point lettered A. B. C. (a list under Roman-numbered parts, a slide's points), before Chinese text.
LETTER_MARKER = re.compile(rf"[A-H][.．、][ \t]*(?=[{CJK}])")
DECIMAL_MARKER = re.compile(rf"\d{{1,2}}[.．](?P<n>\d{{1,2}})(?![\d.．%万亿千百余多])[ \t]*(?=[{CJK}])")
#: Any item marker at the start of an item's text (一是 / 1、 / （1） / 第一， / 问题一： / the bullet ——), to strip it.
ITEM_PREFIX = re.compile(rf"^\s*(?:[{CIRCLED_DIGITS}]|[{_N}]+是|[（(]?[{_N}\d]+[)）、.．]|第[{_N}]+[，,、]?|其[{_N}]{{1,2}}[，,、：:]"
                         rf"|(?:问题|不足|短板)之?(?:[{_N}]{{1,2}}|\d{{1,2}})[：:，,、]|——|—|{LETTER_MARKER.pattern})\s*")
#: Heading lines found cheaply, without the sequence check of reportkit.sections (indicators
#: keeps the numbers of headings out of its figures): 一、 （一） 第一章 (百 allowed: 一百、)…
HEADING_LINE_CN = re.compile(rf"^\s*(?:[{_N}百]+\s*(?:{STRAY_COMMA}、|[.．])|[（(]\s*[{_N}百]+\s*[）)]|第[{_N}]+(?:章|节|部分))")
#: … and 1、 (1) lines, which are headings only when short (items often open with a figure).
HEADING_LINE_AR = re.compile(rf"^\s*(?:\d{{1,2}}\s*(?:(?:{STRAY_COMMA}、|[.．])(?!\d)|[.．](?=(?:19|20)\d\d\s*年))|[（(]\s*\d{{1,2}}\s*[）)])")
#: Either: a line that opens with a numbered heading (一、 （二） 3. (4)).
HEADING_LINE = re.compile(HEADING_LINE_CN.pattern + "|" + HEADING_LINE_AR.pattern)

#: The sentence an opening ends with, announcing the body (现将有关情况报告如下：/ …汇报如下。): at a line's end.
ANNOUNCES_BODY = re.compile(r"(?:报告|汇报|总结|情况|说明|述职|述法)如下\s*[。：:]?\s*$")

#: The nouns a heading closes on (…，持续推进法治化营商环境建设): a heading that stops on one may be whole; one
#: cut mid-word (…，提升政府运行效) is not.
HEADING_CLOSE = re.compile(r"(?:建设|水平|能力|机制|体系|职责|效能|质量|成效|格局|保障|实效|氛围|制度|根基|秩序|基础|环境"
                           r"|协调|领导|思想|监督|宣传|服务|改革|管理|治理|教育|决策|执法|公开)\s*$")

#: The verbs a numbered heading opens with (加强…, 深化…, 积极开展…): after a number glued to it, or after a bracket whose
#: number a site's markup ate (2优化普法阵地…, )落实政务公开…), they make a sub-heading that lost its mark, where a
#: number glued to a unit (1名, 42人次) is body text.
HEADING_VERBS = ("加强|强化|深化|深入|推进|推动|优化|积极|健全|完善|严格|坚持|持续|全面|扎实|规范|提升|提高|落实|开展|"
                 "创新|夯实|聚焦|着力|做好|抓好|注重|依法|建立|构建|狠抓|突出|压实|筑牢|打造|发挥|实施|统筹|营造|畅通|"
                 "探索|用好|拓宽|切实|不断|大力|精心|认真|主动|广泛|细化|抓实|紧扣|围绕|立足|织密|守牢|做实|激发")

#: A date that ends its line, as under a report's signature: 2025年1月16日, 二〇二四年十二月二十日.
_DATE = r"(?:20\d{2}|二[〇零○0OＯ]\S{2})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日"
DATE_AT_LINE_END = _DATE + r"\s*$"
#: A whole report's last paragraph that opens its plans without a heading (下一步，我镇将… / 2024年，我县将…).
PLANS_PARAGRAPH = re.compile(r"^(?:下一步|下步|下一阶段|今后|明年|新的一年|(?:19|20)\d{2}\s*年)[^。]{0,24}?将")
#: A report's or a speech's closing formula on a paragraph of its own, after its plans: the body asked to review or
#: judge it (以上报告，请予审议。 / 以上述职，请予评议。 / 以上汇报，不妥之处请批评指正。 / 特此报告。), the thanks (谢谢大家！),
#: and the rallying call to the audience it ends on (同志们，让我们…！ / 各位代表，…再上新台阶！).
CLOSING_FORMULA = re.compile(r"^(?:以上(?:报告|汇报|述职|述法|发言|讲话|意见)|(?:特此|专此)(?:报告|汇报)|请予(?:审议|评议)"
                             r"|谢谢(?:大家|各位)?[！!。]?$"
                             r"|(?:同志们|各位代表|各位委员|各位领导|主任、各位副主任、各位委员)[，,][^\n]{0,200}[！!]$)")
#: A signature's issuer on a line of its own (新县千斤乡人民政府, 城关镇党委, 北城街道办事处), dated or not.
SIGNATURE_NAME = re.compile(r"^[^。，,；;]{0,40}(?:人民政府|政府|委员会|办事处|党委|党工委)$")
#: A page that shows an excerpt and links to the rest (点击查看全文, 展开全文 …), or a document-sharing site's
#: wall saying how much it shows (仅展示628字，全文共2002字; 还剩3页未读; 试读已结束): the text goes on elsewhere.
MORE_LINK = re.compile(r"(?:查看|阅读|展开|显示|浏览)(?:全文|剩余)|全文阅读"  # not 阅读原文 (a link to the source)
                       # an app's share page: 查看完整内容, 阅读完整报告, 查看全部︾ (not 查看全部评论 nor 查看更多精彩内容)
                       r"|(?:查看|阅读|浏览)(?:完整|全部)(?:内容|报告|文章|版)|(?:查看|阅读|展开)全部\s*[∨︾⌄▼↓]"
                       r"|仅展示\s*\d+\s*字|全文共\s*\d+\s*字|(?:还剩|剩余)\s*\d+\s*(?:页|字)|试读(?:已)?结束"
                       # an app's or a portal's hidden share (剩余 58% 内容, 还剩40%未读; 展开剩余72% is a 展开剩余 above)
                       r"|(?:还剩|剩余)\s*\d{1,3}(?:\.\d{1,2})?\s*[%％]\s*的?(?:内容|未读|正文)"
                       # 下载完整文档 says the rest is elsewhere; a bare 下载文档 button is on whole copies too
                       r"|(?:下载|获取)(?:完整(?:文档|版)|全文)")
#: An annex after the signed date (附件 / 附表1：…统计表 on a line below 2024年1月19日): not the last part's text.
_ANNEX_AFTER_DATE = re.compile(_DATE + r"[ \t\u3000]*\n\s*(?=附[ \t]*[件表][ \t]*\d*[ \t]*(?:[：:]|\n|$))")


# ... and a table of the year's figures annexed below the plans, before the signature (附表：…主要指标统计表 on a line of
# its own, the table's rows right under it, or 附：…完成情况 over numbered label：value lines): the year's figures, not
# the plans' targets; an annex of next year's targets (附：2025年主要目标) stays the plans'.
#: A numbered line of an annexed list, label then value (6.办理12345热线工单：138件).
ANNEX_LIST_ROW = r"(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）])[^\n：:]{2,30}[：:][ \t]*[\d一二两三四五六七八九十]"
_ANNEX_TABLE = re.compile(r"^[ \t\u3000]*附[ \t]*(?:[件表][ \t]*\d*[ \t]*[：:]?|[：:])"
                          r"(?![^\n]{0,40}(?:目标|计划|打算|安排|任务)(?![^\n]{0,6}完成))[^\n]{0,40}\n"
                          rf"(?:[^\n]{{0,60}}\n){{0,2}}[ \t\u3000]*(?:[|｜│┌]|{ANNEX_LIST_ROW})", re.M)


def annexed_table_start(text: str) -> int | None:
    """Where the first annexed table of figures begins (its 附表 line, `_ANNEX_TABLE`), or None."""
    m = _ANNEX_TABLE.search(text)
    return m.start() if m else None


def annex_start(text: str) -> int | None:
    """Where an annex begins that follows the report's signed date (its 附件 line), or None; the last
    such place, since a date inside the body may stand before a 附件 line too."""
    ends = [m.end() for m in _ANNEX_AFTER_DATE.finditer(text)]
    return ends[-1] if ends else None

# --------------------------------------------------------------------------- self-references

#: How a township speaks of itself: 我镇, 本乡, 全镇, 该街道 (my / this / the whole / the said).
SELF_PREFIXES = "我本全该"
#: … as the subject of its own report: 我镇, 本乡, 全街道, not 该 ("the said town" may be another one), nor the 全 that
#: ends a word (健全街道…, 完全, 安全, 齐全, 保全, 周全: not 全街道, the whole of us).
SPEAKING_PREFIX = "(?:[我本]|(?<![健完安齐保周])全)"
TOWNSHIP_UNITS = ("街道", "乡", "镇")
SELF_REFERENCE = re.compile(rf"[{SELF_PREFIXES}](?:{'|'.join(TOWNSHIP_UNITS)})")
#: … and a county or district of itself (我县, 本区): masked with the township's in reuse.
SELF_REFERENCE_COUNTY = re.compile(r"[我本][县区旗]")
#: The report's author as the agent of a sentence (我镇, 本单位, 全村, 该所): not what a figure counts
#: (reportkit.indicators trims it from subjects).
SELF_AGENT = rf"[{SELF_PREFIXES}](?:镇|乡|街道|街|区|县|村|所|办|社区|单位)"
#: A closing sentence in which the township announces what it will do (我镇将…, 我乡会…).
SELF_WILL = r"我[镇乡街区县](?:将|会)"


def last_of(text: str, chars: str, pos: int, *, window: int = 400) -> int:
    """Offset just after the last of CHARS before POS (searching a bounded window): where a clause or sentence
    ending in one of CHARS (a punctuation set such as ，；。) last closed."""
    lo = max(0, pos - window)
    last = -1
    for ch in chars:  # a plain loop: a generator here cost more than the searches (it runs ~10 times a figure)
        found = text.rfind(ch, lo, pos)
        if found > last:
            last = found
    return last + 1 or lo
