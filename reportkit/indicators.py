"""Numeric indicators: every number that measures the town's own work, and data density.

`extract_indicators` finds "number + unit" pairs in the normalised text of one report
(``开展普法宣传活动17场次``, ``调解成功率100%``, ``近3万人``, ``十余场``, ``12.5万元``),
keeps the approximation words around them (余/多/近/约/以上/共/累计/全年 ...) in
``qualifier`` and names what is counted in ``subject``. What is *not* a measure is left
out on purpose: years and dates (no date word is a unit), document numbers, heading
numbering, ordinals (第一), numbers inside quotes or book titles (“三官一律”, 《…》),
named slogans (八五普法, 最多跑一次; ``resources/indicator_exclusions.csv``), a pull quote's repeat
of its paragraph's figures, a bare 一 (一名法律顾问, 一次: an article, not a count) and per-unit
rules after 每/均 (每个村落实网格员1名). 分 is a score only after a score word of its clause (平均成绩92.3分), never
a time (9时30分). One figure said of several rates is one row a rate, all with the same span
(参考率、合格率均达100%; 建议119件、提案105件，办复率均为100%).

Qualifiers are recorded as written but folded to one name (共计/总共/共有/合计 → 共,
将近/接近 → 近, 大约 → 约, 超过 → 超), several joined by ";" in reading order
(``累计;余``). 达/达到 is not a qualifier: "满意率达到98.6%" is an exact figure (as in
the seed gold).

Chinese numerals are converted only inside the matched span by `chinese_to_number`;
a converter is never run over whole sentences (that turns 一是 into 1是).

``subject`` is the noun phrase the number measures: the noun after a figure that follows its
verb (驻村法律顾问共开展|17场|法治宣讲活动 → 法治宣讲活动), otherwise the words before it without
time words, the township as agent and light verbs (党委会研究普法工作5次). A generic noun gets
what is said of it (23个村|均配备一名法律顾问 → 配备法律顾问的村; 聘请法律顾问覆盖全镇|23个村 →
法律顾问覆盖的村). ``unit_kind`` is the unit's ``compare_as`` kind: only figures of one category
and one kind are compared (`comparable`, `check_comparable`). A figure whose subject names too
little for a category of its own (a breakdown in brackets, 决定保留1件, 覆盖率100%) takes the
category of the figure it continues.

Units, exclusions and the category taxonomy are plain CSV files in
``reportkit/resources/`` that an analyst can edit.
"""
from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from . import resources, schema
from .anchored import AnchoredPattern
from .arguments import require_text
from .chinese import (ANNEX_LIST_ROW, CJK, CJK_CHAR, CN_BIG, CN_DIGITS, CN_MARKER_DIGITS, CN_NUMERAL_CHARS, CN_SMALL,
                      FINANCIAL_NUMERALS, HEADING_LINE, HEADING_LINE_AR, HEADING_LINE_CN, PLANS_PARAGRAPH, SELF_AGENT,
                      annex_start, annexed_table_start, chinese_to_number, last_of)
from .figure_owner import entry_of_the_year, others_figure, wider_area
from .figure_skips import not_a_count
from .figure_tables import table_figures
# (the units and categories are part of this module's API too: load_units, categorize, unit_kind, ...)
from .item_markers import plans_offset
from .figure_units import (case_units, category_labels, categorize, load_categories, load_units, number_regex,
                           unit_index, unit_kind, unit_of)
from .pagechrome import companion_ranges
from .places import own_place_names

logger = logging.getLogger(__name__)

COLUMNS = schema.table("indicators").names
DENSITY_COLUMNS = schema.table("density").names

# Chinese numerals (reportkit.chinese), re-exported: `chinese_to_number` is part of this module's API.
_CN_DIGIT, _CN_SMALL, _CN_BIG = CN_DIGITS, CN_SMALL, CN_BIG
# Kinds of unit (indicator_units.csv) that count occurrences, points or rates: such a unit never
# counts the noun after it (开展|17场|法治宣讲活动: the 活动 are not what 17 counts).
VERBAL_KINDS = frozenset({"event", "times", "point", "percent", "score", "duration"})



# --------------------------------------------------------------------------- text structure
_BOUNDARY = "，,；;。！？!?：:\n、（(）)"
_SENTENCE_END = "。！？!?；;\n"
_QUOTES = {"“": "”", "《": "》", "〔": "〕", "「": "」", "『": "』", "‘": "’", "【": "】", "〈": "〉"}
_MAX_QUOTE = {"《": 80}  # titles may be long; quoted names are short
# A bracket or quote that holds a figure alone (【146项】, “4.7万元”), as a layout sets the figures it stresses:
# a measure, not a name.
_FIGURE_ONLY = re.compile(r"^\s*\d[\d.,]*\s*[万亿]?\s*[余多]?\s*(?:[%％]|[\u4e00-\u9fff]{1,3})\s*$")
_CN_COUNT = re.compile(f"[{''.join(CN_DIGITS)}{''.join(CN_SMALL)}]+")  # not 万/亿: 1.2万件 is digits

_HEADING_12, _HEADING_3 = HEADING_LINE_CN, HEADING_LINE_AR
_HEADING_MAX = 40  # an inline heading (（二）加强能力培训，提升法治素质。body…) is short
# A 1、/(1) line that ends on a semicolon or a comma is a member of a list one sentence runs through (…其中：
# （1）物业服务类2870件；（2）…；（3）…。), as one holding a full stop is a sentence: neither is a title line.
_LIST_MEMBER_END = ("；", ";", "，", ",")


@lru_cache(maxsize=1)
def _exclusions() -> tuple[AnchoredPattern, ...]:
    """The patterns of indicator_exclusions.csv, each tried only where its words stand: most patterns name
    words most reports lack or hold a few times, and searching every one through every text cost more than
    the rest of the span search."""
    return tuple(AnchoredPattern(pattern) for pattern in resources.indicator_exclusions())


def _protected_ranges(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are names, not measures: quotes, titles, headings, slogans."""
    ranges: list[tuple[int, int]] = []
    for opening, closing in _QUOTES.items():
        limit = _MAX_QUOTE.get(opening, 25)
        for m in re.finditer(re.escape(opening) + f"[^{re.escape(closing)}\n]{{0,{limit}}}" + re.escape(closing), text):
            if not _FIGURE_ONLY.match(m.group()[1:-1]):
                ranges.append(m.span())
    for m in re.finditer(r'"[^"\n]{0,25}"', text):  # ASCII quotes pair within a line
        ranges.append(m.span())
    if m := re.search(r"“[^”\n]{0,25}$", text):  # a copy cut inside a quoted name (调研形成“三张清)
        ranges.append(m.span())
    # In a longer quote, a count in Chinese numerals is still a slogan's (构建“一条科技创新…发展带、四条
    # 特色文化旅游休闲发展带…”); a figure in digits there may be a quoted result.
    for m in re.finditer(r"“[^”\n]{26,80}”", text):
        ranges.extend((m.start() + n.start(), m.start() + n.end()) for n in _CN_COUNT.finditer(m.group()))
    for pattern in _exclusions():
        ranges.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    ranges.extend(heading_ranges(text))
    ranges.extend(_echo_ranges(text))
    ranges.extend(companion_ranges(text))  # a 解读, 一图读懂 or 答记者问 published with the report restates its figures
    return ranges


# A pull quote: a short line of its own, set between paragraphs by WeChat and 头条 layouts, that repeats
# words of a paragraph (全年排查化解矛盾纠纷112件，调解成功率98.2%), perhaps with a time word before them
# (全年受教育群众1.6万余人次 over …宣讲41场次，受教育群众1.6万余人次…): its figures are the paragraph's, said twice.
_MAX_ECHO = 60
_ECHO_TIME = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|全年|今年|年内|一年来|本年度)[，,]?")


def _echo_ranges(text: str) -> list[tuple[int, int]]:
    """The lines of TEXT that are pull quotes: their figures are counted where the paragraph says them."""
    lines = text.split("\n")
    # Each quote is looked for once, in one search of the lines longer than its own (the lines longest
    # first, each once, joined; a quote holds no line break): tried against every line in turn, a file of
    # thousands of short lines took seconds.
    longest_first = sorted({(-len(line.strip()), line) for line in lines})
    minus_lengths = [n for n, _ in longest_first]  # ascending: bisect finds where the longer lines end
    joined = "\n".join(line for _, line in longest_first)
    ends = list(itertools.accumulate(len(line) + 1 for _, line in longest_first))  # each line's end (+1) in JOINED
    seen: dict[tuple[str, int], bool] = {}
    ranges, start = [], 0
    for line in lines:
        quote = _ECHO_TIME.sub("", line.strip().rstrip("。；;！!"))
        if 6 <= len(quote) <= _MAX_ECHO and any(c.isdigit() for c in quote) and not HEADING_LINE.match(quote):
            key = (quote, len(line.strip()))
            if key not in seen:
                longer = bisect.bisect_left(minus_lengths, -key[1])  # the lines with more than key[1] characters
                seen[key] = longer > 0 and joined.find(quote, 0, ends[longer - 1]) >= 0
            if seen[key]:
                ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of heading text found cheaply by its numbering (一、 （一） (1) 1、 第一，).

    A 一、/（一） line is a heading up to its first 。/： when that is short, or as a
    whole when it is a short line without a full stop (up to its first comma when it is longer
    than a heading: the rest is its body, run in); a 1、/(1) line only when it is a short title
    line (such items often open with a real figure: ``1.发放资料3000份。``, end a list's member:
    ``（1）审查合同协议71份；``, or end on its count with no mark: ``（2）占道经营23件``), and of a labelled figure
    (``6.办理热线工单：138件``) only its label.
    """
    ranges = []
    offset = 0
    for line in text.split("\n"):
        stripped_end = len(line.rstrip())
        m12, m3 = _HEADING_12.match(line), _HEADING_3.match(line)
        if m12:
            stop = re.search(r"[。：:]", line[m12.end():])
            if stop and m12.end() + stop.end() <= _HEADING_MAX:
                clause = line[:m12.end() + stop.start()]
                cut = _heading_length(clause)  # （一）深化…改革,综合执法检查92次。: the count is the body's
                ranges.append((offset, offset + (m12.end() + stop.end() if cut == len(clause) else cut)))
            elif "。" not in line.rstrip("。") and stripped_end <= 60:
                ranges.append((offset, offset + _heading_length(line[:stripped_end])))
            else:
                ranges.append((offset, offset + m12.end()))
        elif m3:
            label, colon, value = line[:stripped_end].partition("：" if "：" in line else ":")
            if colon and _FIGURE_ONLY.match(value):  # 6.办理热线工单：138件: a labelled figure, its label the title
                ranges.append((offset, offset + len(label)))
            elif stripped_end <= _HEADING_MAX and not _sentence_or_list_member(line):
                ranges.append((offset, offset + stripped_end))
            else:
                ranges.append((offset, offset + m3.end()))
        offset += len(line) + 1
    return ranges


def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """RANGES merged where they overlap, as sorted starts and ends (for `_inside` by bisection:
    a text with thousands of slogans would otherwise test every figure against every range)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(ranges):
        if starts and a < ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _inside(merged: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """True when [START, END) overlaps a range of MERGED (`_merged`)."""
    starts, ends = merged
    k = bisect.bisect_left(starts, end) - 1  # the last range that starts before END
    return k >= 0 and start < ends[k]


# --------------------------------------------------------------------------- qualifiers & subjects
_PREFIX_QUAL = re.compile(r"(将近|接近|近|大约|约|超过|超|逾|不少于|不低于|不超过)\s?$")
_PREFIX_QUAL_NAME = {"将近": "近", "接近": "近", "大约": "约", "超过": "超"}
_CLAUSE_QUAL = re.compile(
    r"累计|共计|总共|共有|合计|总计|全年|(?<![公中总])共(?![同享建治产性识赢青担商和])"
)
_CLAUSE_QUAL_NAME = {"共计": "共", "总共": "共", "共有": "共", "合计": "共", "总计": "共"}

_LEAD_TRIM = re.compile(
    r"(?:\s+|(?:截至|截止至|截止到|截止)\s*(?:目前|今年|年底|年末|(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?)"
    r"|\d{4}\s*年(?:度)?(?:以来)?|\d{1,2}\s*月(?:份)?(?:底|末|初|以来)?"
    r"|(?:今年|本年度?|年内|当年|去年|上半年|下半年|一年来|年初以来|全年|目前|至今|以来|期间)"
    rf"|{SELF_AGENT}|[镇乡街]?(?:党委政府|党委(?![会(（])|人民政府|政府(?!常务))"
    r"|(?:并|同时|其中|另外|此外|以及|还|又|先后|在此基础上)[，,]?|(?:和|与|及)(?=\s?\d)"
    rf"|\d{{1,2}}\s*[、.．](?!\d)|[{CN_MARKER_DIGITS}]+是)"
)
# An office before the verb of what it did (镇综治中心调处矛盾纠纷, 司法所办理法律援助案件).
_AGENT = re.compile(
    rf"^[{CJK}]{{0,12}}?(?:中心|工作站|服务站|司法所|派出所|法庭|调委会|委员会|执法队|大队|中队|办公室|工作室|服务所|平台)"
    r"(?=(?:调处|调解|化解|受理|接待|办理|办结|解答|提供|排查|查处|审查|审核|出动|接到|接听|开展|组织|举办)..)"
)
_LIGHT_VERB = re.compile(
    r"^(?:组织开展|组织|开展|举办|举行|召开|发放|印发|散发|分发|派发|张贴|悬挂|推送|发布|制作|"
    r"设置|设立|配备|聘请|接受|解答|解决|完成|进行|实施|新增|累计|共计|总共|共有|共|先后|全年|"
    r"有|了|各类|各种|其他各种|其他|各项|相关|等)+"
)
_TAIL_TRIM = re.compile(
    r"(?:均达到|均达|均为|均保持在|均保持|均稳定在|均在|均|达到|(?<![传表下送通抵直转])达|(?<![行作认成因])为|是|共计|共|总计|合计|(?<!民)约|近|将近|"
    r"超过|超|逾|累计|总共|有|等|的|各|全部|获得|取得|由|(?<=[缩降减短少])(?:到|至))+$"
)
# Words that end the noun after a unit. A lookaround keeps the words that merely contain one
# whole (公共, 工作, 在编, 靶向, 调用, 行为).
_POST_STOP = re.compile(
    r"参与|参加|通过|均|都|已|并|全部|实现|进行|开展|在(?![编岗职册])|(?<![行作认成因])为|和|及|与|以及|等|的|"
    r"接受|取得|签订|用于|(?<![调使应运作采费])用|"
    r"对|被|将|把|(?<![靶导方面指走])向|从|到|获|得到|受到|受益|次|达|(?<!公)共|累计|以上|左右|覆盖|涉及|涉案|"
    r"使|让|惠及|确保|有效|"
    r"切实|进一步|其中|同比|较|比|占|挽回|化解(?!员)|办结|成功|调解(?!员|人员|委|组织|室|中心)|解决|处理|完成|发放|开展|组织|累计|合计|"
    r"是|有|无|未|没有|不|再|也|又|还|即|则|就|得|获得|被|给|由|经(?![营济费验办])|按|依|(?<!工)作|做|形成|达成|推动|提升|"
    r"提高|增加|增长|下降|减少|同比|环比|"
    # how much it changed, said before the change: 22件|略有增加, 8起|明显减少
    r"(?:略|稍|明显|大幅|显著)(?=有|增|减|高|低|降|升|多|少|上|下)"
)
_MARKS = re.compile(r"[“”\"《》〈〉「」『』‘’\s]")
# A short bracketed note inside a noun phrase: 驻村（社区）法律顾问, 村（居）, 党工委（扩大）会议.
_SHORT_NOTE = 8
_NOTE_IN_WORD = re.compile(rf"[（(][{CJK}、/]{{1,{_SHORT_NOTE}}}[）)]")
# A figure that directly follows its verb counts the noun after it, even with an agent before the
# verb (驻村法律顾问共开展|17场|法治宣讲活动; 召开|4次|党委会).
_ENDS_WITH_VERB = re.compile(
    r"(?:开展|组织|举办|举行|召开|完成|进行|实施|参加|参与|建成|建立|设立|创建|打造|培育|培养|聘请|配备|"
    r"形成|制定|出台|印发|发放|提出|办理|受理|接待|签订|组建|推送|发布|推出|开设|设置|制作|新建|录制|讲授|"
    r"承办|主持|上)了?\s*(?:共计|共|累计|总计|合计|近|约|超过|超|逾)?\s*$"
)
# Nouns that say what was counted only with what is said of them: 23个村|均配备法律顾问 counts the
# villages that have a legal adviser, 39名学员|全部通过考试 the trainees who passed.
_GENERIC_NOUNS = (
    r"(?:(?:行政|自然|嘎查|建制)?村(?:[（(](?:居|社区)[）)])?|村居|社区(?:[（(]村[）)])?|居委会|村民小组|"
    r"部门|单位|机关|企业|学校|干部职工|机关干部|干部|党员|学员|人员|群众|居民|村民|家庭|农户)"
)
# … also with a modifier that says no more (机关在编人员, 镇村干部; not 行政执法人员)
_GENERIC_NOUN = re.compile(
    rf"^(?:全体|各级|全镇|全乡|全街道|镇村|村级|镇级|区级|县级|市级|机关|在编|基层|骨干|党员|镇|乡|县|区|街道|村|"
    rf"社区|[（(][{CJK}]{{1,3}}[）)])*{_GENERIC_NOUNS}$")
# Further counts of the same list before the predicate: 16个嘎查村|、1个社区|法律顾问工作全面覆盖.
_MORE_COUNTS = re.compile(rf"(?:[、和及与][{CN_NUMERAL_CHARS}\d]+\s?[个名位家]{_GENERIC_NOUNS})+")
# 对12件行政规范性文件|进行合法性审查: what was done to the counted noun
_TREATED = re.compile(rf"(?:进行|开展|实施|作出)(?P<what>[{CJK}]{{2,8}}?)(?=[，,；;。！？!?、\n]|$)")
_VP_LEAD = re.compile(r"^(?:均已|均|都已|都|全部|全都|已经|已|全面|分别|全)+")
_VP_CLEAN = re.compile(rf"了|[{CN_NUMERAL_CHARS}\d]+\s?(?:名|个|位|家|支|人)|工作$")


def _qualifiers(text: str, clause_start: int, m: re.Match) -> list[str]:
    before = text[clause_start:m.start()]
    found = []
    for q in _CLAUSE_QUAL.finditer(before):
        name = _CLAUSE_QUAL_NAME.get(q.group(), q.group())
        if name not in found:
            found.append(name)
    immediate = _PREFIX_QUAL.search(before)
    if immediate:
        found.append(_PREFIX_QUAL_NAME.get(immediate.group(1), immediate.group(1)))
    if m.group("approx"):
        found.append("余" if m.group("approx") in "余餘" else "多")
    if m.group("post"):
        found.append(m.group("post"))
    return found


def _core(phrase: str) -> str:
    """PHRASE without marks, totals (共/累计 …), light verbs and trailing particles."""
    phrase = _NOTE_IN_WORD.sub("", _MARKS.sub("", phrase))
    # What follows a total or a time (镇调委会共调解各类民事纠纷, 镇公共法律服务工作站全年接待群众法律咨询)
    # names the thing, not the agent.
    parts = re.split(r"累计|共计|总共|共有|全年|今年以来|年内|(?<![公中总])共(?![同享建治产性识赢青担商和])", phrase)
    if len(parts) > 1 and _LIGHT_VERB.sub("", _TAIL_TRIM.sub("", parts[-1])):
        phrase = parts[-1]
    phrase = _AGENT.sub("", phrase)  # 镇综治中心|调处矛盾纠纷: the body that did it is not what is counted
    phrase = re.sub(r"各类|各种|各项", "", phrase)
    return _TAIL_TRIM.sub("", _LIGHT_VERB.sub("", _TAIL_TRIM.sub("", phrase)))


def _clean_subject(phrase: str) -> str:
    """The subject named by the words before a figure; the bare verb when nothing else is left (出动)."""
    return _core(phrase) or _TAIL_TRIM.sub("", _NOTE_IN_WORD.sub("", _MARKS.sub("", phrase)))


def _previous_clause_subject(text: str, boundary: int) -> str:
    """Head of the clause before BOUNDARY when a figure stands alone (…公告公示等，共计178条)."""
    if boundary < 2 or text[boundary - 1] not in "，,":
        return ""
    left = last_of(text, "，,；;。！？!?：:\n", boundary - 1, window=60)
    start = _trim_lead(text, left, boundary - 1)
    head = re.split(r"包括|等|、|和|及|（|\(|\d", text[start:boundary - 1])[0]
    return _clean_subject(head[:12])


def _note_ending_at(text: str, close: int) -> int:
    """Start of a short bracketed note inside a word that ends at CLOSE (驻村（社区）|法律顾问), or -1."""
    if close < 2 or close >= len(text) - 1 or text[close] not in "）)" or not re.match(f"[{CJK}]", text[close + 1]):
        return -1
    m = _NOTE_IN_WORD.search(text, max(0, close - _SHORT_NOTE - 1), close + 1)
    if not m or m.end() != close + 1 or m.start() == 0 or not re.match(f"[{CJK}]", text[m.start() - 1]):
        return -1
    return m.start()


def _noun_after(text: str, end: int) -> str:
    """The noun right after a unit (14个|村级党群服务中心), or "" when a verb or a stop follows.

    A short note inside the noun is kept in it (5次|镇村（社区）干部大会)."""
    noun, pos = "", end
    while len(noun) < 12:
        tail = text[pos:pos + 12 - len(noun)]
        stop = _POST_STOP.search(tail)
        piece = tail[: stop.start() if stop else len(tail)]
        piece = re.split(r"[\s" + re.escape(_BOUNDARY) + r"\d%]", piece)[0]
        noun += piece
        pos += len(piece)
        note = _NOTE_IN_WORD.match(text, pos) if piece else None
        if not note or not re.match(f"[{CJK}]", text[note.end():note.end() + 1]):
            break
        noun += note.group()
        pos = note.end()
    noun = re.split(r"(?<=.)[“《]", noun)[0]  # 27个县政府工作部门|“一把手”
    if re.match(rf"[{CN_MARKER_DIGITS}]+(?:是|$)", noun):
        return ""  # 工作机制5项|二是…: the next item's numbering
    return noun if re.match(rf"[{CJK}“《]", noun) else ""


def _predicate_after(text: str, end: int) -> tuple[str, int]:
    """What the rest of the clause says of a counted noun (23个村|均配备一名法律顾问 → 配备法律顾问)
    and where that stretch ends; a list of further counts is skipped (16个嘎查村|、1个社区|法律顾问
    工作全面覆盖). ("", END) when nothing is said."""
    stops = [i for i in (text.find(ch, end, end + 40) for ch in "，,；;。！？!?：:\n") if i != -1]
    stop = min(stops, default=min(len(text), end + 40))
    listed = _MORE_COUNTS.match(text, end, stop)
    start = listed.end() if listed else end
    # A figure of its own ends the predicate (an article such as 一名 does not): spans never
    # take in the next figure.
    figure = next((f for f in number_regex().finditer(text, start, stop) if f.group("num") not in ("一", "壹")), None)
    stop = figure.start() if figure else stop
    rest = text[start:stop]
    rest = _VP_LEAD.sub("", _NOTE_IN_WORD.sub("", _MARKS.sub("", rest)))
    # 法律顾问工作全面覆盖, 实现法律顾问全覆盖 → 法律顾问覆盖
    rest = re.sub(r"^(?:实现)?(.+?)(?:工作)?(?:全面|全)?覆盖$", r"\1覆盖", rest)
    rest = _VP_CLEAN.sub("", rest)
    rest = _TAIL_TRIM.sub("", rest)
    # a long predicate is a clause of its own, not what qualifies the noun
    return (rest, stop) if 2 <= len(rest) <= 12 and re.match(f"[{CJK}]", rest) else ("", end)


def _qualified_noun(text: str, before: str, noun: str, end: int) -> tuple[str, str, int]:
    """A generic counted noun with what is said of it: (subject, what decides its category, end of
    the span that says it).

    23个村|均配备一名法律顾问 → 配备法律顾问的村 (category of 配备法律顾问); 聘请法律顾问覆盖全镇|23个村
    → 法律顾问覆盖的村; 下辖|17个村 → 下辖村; 黄泥、化联等四个村 stays 村.
    """
    predicate, stop = _predicate_after(text, end)
    if predicate:
        return f"{predicate}的{noun}", predicate, stop
    cover = re.search(r"覆盖(?:全镇|全乡|全街道|全区|全县|辖区|全部|所有|全)?$", before)
    if cover and (agent := _core(before[:cover.start()])):
        return f"{agent}覆盖的{noun}", agent, end
    held = re.search(r"(?:下辖|管辖|辖有|共辖|辖区有|辖)$", before)
    subject = held.group() + noun if held else noun
    return subject, subject, end


def _trim_lead(text: str, start: int, end: int) -> int:
    """Move START past time phrases, agents (我镇) and connectives that do not name the subject."""
    while start < end:
        m = _LEAD_TRIM.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    return start


# --------------------------------------------------------------------------- categories
# Examples named before 等 (“温泉法治课堂”等普法活动, 《…办法》等制度): the words after 等 say what is counted.
_NAMED_EXAMPLES = re.compile(r"[”》\"]等")


# Several rates that share one figure (参考率、合格率均达100%; 办结率和满意度均达100%): one row per rate.
_RATE_NOUN = re.compile(rf"^[{CJK}\dA-Za-z]{{0,14}}(?:率|度|比例|占比)$")
_SHARED_BY_ALL = re.compile(r"(?:(?:均|都|全部)(?:已|保持在?|稳定在|达到|达|为|在|是)?|(?:实现|达到|达)?双)\s*$")  # 双100%: both
# After a rate: 及格率 and 参与率 stay whole; two rates may also stand side by side (参考率优秀率均100%).
_RATE_JOINS = re.compile(r"(?<=[率度例比])[、和及与]|(?<=率)(?=[\u4e00-\u9fff]{1,5}率$)")


def _said_of_all(before: str) -> str | None:
    """What BEFORE (a figure's clause up to the figure) says the figure of, when it says 均/都/全部/双
    (参考率、合格率均达 → 合格率; the clause starts after the 、), or None."""
    tail = _SHARED_BY_ALL.search(before)
    return _MARKS.sub("", before[:tail.start()]) if tail else None


# Two rates right before one figure, with no 均 (参考率及优秀率100%): both are it, as with 均.
_RATE_BEFORE_FIGURE = re.compile(r"(?<=[率度])(?:达到|达|为|是)?\s*$")


def _rates_before(before: str) -> str | None:
    """BEFORE (a figure's clause up to the figure) without its verb, when it ends in a rate, or None."""
    tail = _RATE_BEFORE_FIGURE.search(before)
    return _MARKS.sub("", before[:tail.start()]) if tail else None


def _shared_rates(text: str, lead: int, said_of: str) -> tuple[int, list[str]] | None:
    """(start, rates) when the figure whose clause starts at LEAD is said of several rates at once
    (SAID_OF: `_said_of_all`), or None.

    The rates are joined by 和/及/与 within the clause (办结率和满意度均达100%) or by 、 across clause
    marks (参考率、合格率均达100%: the clause of this figure starts after the 、). Every part must
    itself name a rate (…率/度/比例/占比): 群众和谐度 is one rate, not 群众 and 谐度.
    """
    parts = _RATE_JOINS.split(said_of)
    while lead >= 2 and text[lead - 1] == "、":  # earlier rates of the list, one 、 at a time
        start = _trim_lead(text, last_of(text, _BOUNDARY, lead - 1, window=20), lead - 1)
        rate = _MARKS.sub("", text[start:lead - 1])
        if not _RATE_NOUN.match(rate):
            break
        parts.insert(0, rate)
        lead = start
    # (the first rate may carry the clause's subject: 松岗街道2025年学法考试参与率和优秀率均达100%)
    if len(parts) < 2 or not all(_RATE_NOUN.match(p) for p in [parts[0][-15:], *parts[1:]]):
        return None
    return lead, parts


def _shared_over_counts(text: str, rows: list[dict], lead: int, rate: str) -> list[tuple[str, str]] | None:
    """(subject, category of its count) of a RATE said of each of a list of counts in the clause
    before it (办理人大代表建议119件、政协委员提案105件，办复率均为100% → 人大代表建议办复率, 政协委员提案办复率),
    or None."""
    if not _RATE_NOUN.match(rate) or lead < 2 or text[lead - 1] not in "，,":
        return None
    clause_start = last_of(text, "，,；;。！？!?：:\n", lead - 1, window=200)
    counts = [r for r in rows if r["start"] >= clause_start and r["end"] <= lead - 1]
    if len(counts) < 2 or any(text[a["end"]:b["start"]].strip() not in ("、", "和", "及") for a, b in zip(counts, counts[1:])):
        return None
    return [(f"{_LIGHT_VERB.sub('', r['subject'])}{rate}", r["category"]) for r in counts]


_BARE_RATE = re.compile(rf"^[{CJK}]{{0,3}}(?:率|占比|比例)$|^优秀$")


# A subject that is only the kind of place counted (村, 社区, 村(社区), 乡镇, 街道).
_SAID_OF_EACH = re.compile(r"\s*(?:均|都|全部|分别|各)")
_PLACES_ONLY = re.compile(r"^(?:行政村|自然村|村|社区|居委会|村委会|乡镇|乡|镇|街道)(?:[(（](?:村|社区|居)[)）])?$")


# What a count of bodies or fields counts when the figure after it is what they hold (16个部门84项事项).
_DIVIDERS = re.compile(r"(?:[区县市镇乡级直属本]{0,2})(?:部门|单位|部门单位|方面|领域|类|大类|行业|系统)")

# Nothing but a comma between two figures: one verb over a list (检查餐饮服务企业2619家,居住社区1008个次).
_LIST_GAP = re.compile(r"\s*[，,、]\s*")
# A figure after 对 (对264家网吧进行检查): the object of a verb that follows in the same clause.
_OBJECT_FIRST = re.compile(r"对\s*\d")
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?：:]")


def _inherit_categories(text: str, rows: list[dict]) -> None:
    """Categories for figures that name too little to have one of their own, from the figure they continue.

    - a breakdown in brackets right after a figure (共排查调出新发案件20起（婚姻3起，宅基地2起，其他2起）):
      its items take the total's category when counted in the same kind;
    - a figure further on in the same sentence with a short subject and the same kind (对2件规范性文件
      进行审核，决定保留1件、废止1件; 北京市3600余项政务服务事项、河北省2239项);
    - a bare rate after a figure of the same sentence (审查1090件，覆盖率达100%);
    - a figure right after another, with only a comma between them: the verb before the first
      counts both (检查餐饮服务企业2619家,居住社区1008个次);
    - a figure after 对, from the figure of its verb later in the clause (对264家网吧…进行检查296次);
    - a count of bodies or fields right before the figure it divides (16个部门84项中介服务事项,
      7个方面23项具体任务, 县直26家单位60余人参加): from that figure.
    """
    parent, close = None, -1
    for row in rows:
        if parent is not None and row["start"] < close:
            if not row["category"] and row["unit_kind"] == parent["unit_kind"]:
                row["category"] = parent["category"]
            continue
        parent = None
        after = row["end"]
        if row["category"] and after < len(text) and text[after] in "（(":
            close = text.find("）" if text[after] == "（" else ")", after, after + 200)
            parent = row if close != -1 else None
    for prev, row in zip(rows, rows[1:]):
        if row["category"] or not prev["category"] or row["sentence_start"] != prev["sentence_start"]:
            continue
        if _OBJECT_FIRST.match(text, row["start"]):
            continue  # 对264家网吧…进行检查296次: its verb comes after it (below)
        if (row["unit_kind"] == prev["unit_kind"] and len(row["subject"]) <= 4) or (
                row["unit_kind"] == "percent" and _BARE_RATE.match(row["subject"])) or (
                row["unit_kind"] != "percent" and _LIST_GAP.fullmatch(text, prev["end"], row["start"])):
            row["category"] = prev["category"]
    for row, after in zip(rows, rows[1:]):
        if (not row["category"] and after["category"] and _OBJECT_FIRST.match(text, row["start"])
                and not _CLAUSE_BREAK.search(text, row["end"], after["start"])):
            row["category"] = after["category"]
    for row, after in zip(rows, rows[1:]):
        if (not row["category"] and after["category"] and _DIVIDERS.fullmatch(row["subject"])
                and after["start"] - row["end"] <= 1 and after["sentence_start"] == row["sentence_start"]):
            row["category"] = after["category"]
    for row in rows:  # 全街15个社区, 对18个乡镇: a count of the places themselves, when no figure lends one …
        if not row["category"] and row["unit_kind"] == "item" and _PLACES_ONLY.match(row["subject"]) \
                and not _SAID_OF_EACH.match(text, row["end"]):  # … and not 13个社区均签订法律顾问合同
            row["category"] = "jurisdiction"


# --------------------------------------------------------------------------- extraction


# A bare 一 is an article (配备一名法律顾问, 一次性告知) unless it counts the noun before it at the end of its
# clause, as a 党政办 lists the year's single events (讲授法治课一次，依申请公开一件。示范村一个；). Not after a word
# that makes it an ordinal, a part or a rule (第/下/每/统/唯/之, 人手一册 …), nor in a standard, a rule or a slogan (做到执法一次,
# 实现最多跑一次, 申请人只需申请一次, “一件事一次办”), nor 一批, which names no number.
_ONE_ENDS_CLAUSE = re.compile(r"\s?(?:[，,。.；;、）)！!？?]|$)")
_ONE_NOT_AFTER = frozenset("第下上这那哪某另再又任其首同统唯单合逐进之每手万十百千零")
_ONE_IN_A_STANDARD = re.compile(r"做到|实现|力争|确保|最多|至少|不少于|达到|争取|力求|只需|仅需|只要|须|需要|应当")


def _counted_one(m: re.Match, before: str) -> bool:
    """Whether the bare 一 of M counts the noun before it (法治课一次，), BEFORE being its clause's text."""
    if m.group("mag") or m.group("mag2") or m.group("approx") or m.group("unit") == "批":
        return False
    if not _ONE_ENDS_CLAUSE.match(m.string, m.end()):
        return False
    last = before.rstrip()[-1:]
    return (bool(last) and CJK_CHAR.match(last) is not None and last not in _ONE_NOT_AFTER
            and not _ONE_IN_A_STANDARD.search(before) and before.count("“") <= before.count("”"))


def _value_of(m: re.Match, before: str) -> tuple[float, str, float | None] | None:
    """(value, unit, value_yuan) of a match; None when the number is not a measure.

    BEFORE is the text of the clause before the number (for 近百人).
    """
    unit = unit_of(m)
    if m.group("pct") is not None:
        raw = m.group("pct")
        return _rate_number(raw), unit.unit, None
    raw = m.group("num")
    magnitude = 1
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        if raw in ("零", "〇") or (raw in ("一", "二") and not _counted_one(m, before)):
            return None  # 一名法律顾问 / 一次性 / 二次供水: an article or a name, not a count
            # (a bare 二 after its noun, ending its clause, counts as such a 一 does: 召开…会议二次; written round 109)
        if len(raw) == 1 and raw in _FINANCIAL_DIGITS and before[-1:] in _WORDS_ENDING_IN.get(raw, ""):
            return None  # 队伍人员, 退伍人员, 大陆人: a word's last character, not a count
        if len(raw) > 1 and all(ch in _CN_DIGIT for ch in raw):
            return None  # 三五人, 八五: an approximation or a code, not a count
        if all(ch in _CN_SMALL or ch in _CN_BIG for ch in raw) and not (
            m.group("approx") or _PREFIX_QUAL.search(before) or (raw in ("十", "拾") and unit.kind != "score")
        ):
            return None  # 千家万户, 万人: idioms unless 十余/百余; 集体学法十次 counts (十分重视 does not)
        if unit.kind == "money" and len(raw) > 1 and raw[-1] in _CN_BIG:
            magnitude, raw = _CN_BIG[raw[-1]], raw[:-1]  # 十二万元 → 12 万元
        value = chinese_to_number(raw)
    for key in ("mag", "mag2"):
        if m.group(key):
            magnitude *= {**_CN_SMALL, **_CN_BIG}[m.group(key)]
    if unit.kind == "money":
        written = {"万元": 10**4, "亿元": 10**8}.get(unit.unit, 1) * magnitude
        yuan = value * written
        if written >= 10**8:
            return yuan / 10**8, "亿元", yuan
        if written >= 10**4:
            return yuan / 10**4, "万元", yuan
        return yuan, "元", yuan
    return value * magnitude, unit.unit, None


def _rate_number(raw: str) -> float:
    """百分之98.5, 百分之九十八点五 (98.5), 千分之三点八 (3.8)."""
    if raw[0].isdigit():
        return float(raw.replace(",", ""))
    whole, _, decimals = raw.partition("点")
    fraction = "".join(str(_CN_DIGIT[ch]) for ch in decimals)
    return chinese_to_number(whole) + (float(f"0.{fraction}") if fraction else 0.0)


_CLAUSE_MARKS = "，,；;。！？!?：:\n"  # a clause's ends (not 、 or brackets, which _BOUNDARY also has)


def _listed_noun_category(text: str, head: int, boundary: int, start: int, unit: str) -> str:
    """The category of the words before a 、 when the figure's own are a bare noun of a list counted together
    (审查合同、协议92份: 协议 names no category, 审查合同 does; round 106), else ""."""
    if not (head < boundary - 1 and text[boundary - 1] == "、" and re.fullmatch(f"[{CJK}]{{1,4}}", _core(text[boundary:start]))):
        return ""
    return categorize(_clean_subject(text[head:boundary - 1]), unit)


def _clause_bounds(text: str, start: int) -> tuple[int, int]:
    """(boundary, head) of the clause of the figure at START: where its words begin (past 、 and brackets
    too, and past a note's brackets inside a word: 驻村（社区）法律顾问), and where the clause itself begins."""
    boundary = last_of(text, _BOUNDARY, start, window=200)
    while (note := _note_ending_at(text, boundary - 1)) > 0:  # 驻村（社区）|法律顾问: no clause break
        boundary = last_of(text, _BOUNDARY, note, window=200)
    head = boundary if not boundary or text[boundary - 1] in _CLAUSE_MARKS else last_of(
        text, _CLAUSE_MARKS, start, window=200)
    return boundary, head


_FINANCIAL_DIGITS = frozenset(FINANCIAL_NUMERALS)
# A lone financial numeral before a unit is a count (法律意见书捌份, 党课壹次: a report written in capitals,
# as cheques are), but not as the last character of a word (the characters before it): 队伍人员, 大陆人.
_WORDS_ENDING_IN = {"伍": "队入退落行为部卒", "陆": "大登着内水海", "拾": "收捡拾", "肆": "放大酒茶书"}


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = last_of(text, _SENTENCE_END, start)
    hi = min(len(text), end + 400)
    rights = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_END) if i != -1]
    right = min(rights) + 1 if rights else hi
    return left, right


# A figure quoted to compare with: an earlier year's (较2021年的13件, 上年同期为10件) or the difference
# (比上年增加3件, 较上年多办理5件). Kept (the text says it), but not the year's own count: `comparable`
# leaves it out, so a chart of a category does not count a report's work twice. Read in the words of the
# figure's clause before it; 去年 alone stays the year's (a report written in January may call its year so).
_EARLIER_PERIOD = re.compile(r"(?:较|比|与|同)\s*(?:(?:19|20)\d{2}\s*年|上一?年|去年|前年)(?:同期|度)?\s*(?:的|相比)?\s*$"
                             r"|^\s*(?:上一?年|去年|前年)(?:同期|度同期)")
# …, 2024年为40项 / （2023年同期为12件）: a year's figure quoted as what it was. Only an earlier year than the
# report's is another year's (a report of 2025 may well say 2025年为…, and a year unknown decides nothing).
_YEAR_WAS = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:同期|全年|度|底)?\s*(?:为|是|共|有|达)?\s*$")
_CHANGE = re.compile(r"(?:较|比|同比|环比)[^，,。；;]{0,12}?(?:增加|减少|增长|下降|上升|提高|降低|多|少)[^，,。；;\d]{0,4}$")
EARLIER_PERIOD, CHANGE = "earlier_period", "change"


def _flags(rows: list[dict], year: int = 0) -> None:
    """Sanity flags: rates above 100% and success counts above their total in a sentence; figures
    quoted to compare (an earlier year's, a difference). YEAR: the report's, when known."""
    cases = case_units()
    for i, row in enumerate(rows):
        flags = []
        before = row.get("clause_before", "")
        if _EARLIER_PERIOD.search(before) or (
                year and "年" in before and (was := _YEAR_WAS.match(before)) and int(was.group(1)) < year):
            flags.append(EARLIER_PERIOD)
        elif _CHANGE.search(before):
            flags.append(CHANGE)
        if row["unit"] == "%" and row["value"] > 100 and not re.search(r"增|提高|提升|上升|同比|环比", row["subject"]):
            flags.append("rate_above_100")
        if "成功" in row["subject"] and row["unit"] != "%":
            totals = [
                r["value"] for r in rows[:i]
                if r["sentence_start"] == row["sentence_start"] and "成功" not in r["subject"]
                and (r["unit"] == row["unit"] or {r["unit"], row["unit"]} <= cases)
            ]
            if totals and row["value"] > max(totals):
                flags.append("success_above_total")
        row["flags"] = ";".join(flags)


def _section_locator(sections: pd.DataFrame | None) -> Callable[[int, int], tuple[str, str]]:
    """A function (start, end) → (section_type, section_no) of the deepest section containing the span.

    "Deepest" is the last row in (level, start) order among the rows that contain the span. The
    table is sorted once per document (sorting it again for every indicator cost more than
    finding the indicators), and each look-up is one vectorised containment test.
    """
    if sections is None or sections.empty:
        return lambda start, end: ("", "")
    levels, starts, ends, types, numbers = (
        sections[c].tolist() for c in ("level", "start", "end", "section_type", "section_no"))
    if any(pd.isna(v) for v in (*levels, *starts)):
        order = sections.reset_index(drop=True).sort_values(["level", "start"]).index.tolist()  # NaN last
    else:  # a stable sort, as pandas' (cheaper on a few dozen rows)
        order = sorted(range(len(levels)), key=lambda i: (levels[i], starts[i]))
    starts, ends = np.array([starts[i] for i in order]), np.array([ends[i] for i in order])
    labels = [(str(types[i]), str(numbers[i])) for i in order]

    def locate(start: int, end: int) -> tuple[str, str]:
        inside = np.flatnonzero((starts <= start) & (ends >= end))
        return labels[inside[-1]] if len(inside) else ("", "")

    return locate


def _plans_ranges(sections: pd.DataFrame | None, annex: int | None = None,
                  table: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the sections typed plans (with their sub-sections, which take their part's type), up
    to the ANNEX after the signature if there is one (its table holds the year's figures), and cut where
    an annexed TABLE of figures begins inside them (附表：… below the plans, before the signature)."""
    if sections is None or sections.empty or "section_type" not in sections:
        return []
    stop = annex if annex is not None else float("inf")
    ranges = [(int(s), int(min(e, stop))) for s, e, t in zip(sections["start"], sections["end"], sections["section_type"])
              if t == "plans" and pd.notna(s) and pd.notna(e) and s < stop]
    if {"mixed_with", "text", "level"} <= set(sections.columns):
        # 二、存在的不足及下一步打算: the plans from the sentence the part turns to them with (下一步，我镇将…)
        for s, e, t, mixed, body, level in zip(sections["start"], sections["end"], sections["section_type"],
                                               sections["mixed_with"], sections["text"], sections["level"]):
            if (t == "shortcomings" and level == 1 and "plans" in str(mixed).split(";") and isinstance(body, str)
                    and pd.notna(s) and s < stop and (cut := plans_offset(body)) is not None):
                ranges.append((int(s) + cut, int(min(e, stop))))
    if "heading" in sections.columns and "text" in sections.columns:
        ranges += _unheaded_plans(sections, stop)
    if table is None:
        return ranges
    # the annex's own lines may have been read as sub-headings of the plans (1.集体研究重大事项：26项): none is a plan
    return [(s, min(e, table)) for s, e in ranges if s < table]


def _unheaded_plans(sections: pd.DataFrame, stop: float) -> list[tuple[int, int]]:
    """In a report none of whose sections has a heading, its last paragraph past the first that opens the plans
    (`PLANS_PARAGRAPH`: 下一步，我们将重点抓好三项工作：一是…全年组织培训不少于3期；…), to that paragraph's end: next
    year's targets, as a plans part's are. Not a paragraph led by a year (2023年，我镇将法治建设纳入…: the year's work
    as often as the next year's)."""
    if any(isinstance(h, str) and h.strip() for h in sections["heading"]):
        return []
    ranges = []
    for s, body in zip(sections["start"], sections["text"]):
        if not isinstance(body, str) or pd.isna(s) or "将" not in body:
            continue
        last, at = None, 0
        for line in body.split("\n"):
            lead = line.lstrip(" \t\u3000")
            if at and PLANS_PARAGRAPH.match(lead) and not lead[:1].isdigit():
                last = (at, at + len(line))
            at += len(line) + 1
        if last is not None and int(s) + last[0] < stop:
            ranges.append((int(s) + last[0], int(min(int(s) + last[1], stop))))
    return ranges


def _section_heading_ranges(sections: pd.DataFrame | None, text: str = "") -> list[tuple[int, int]]:
    """Offsets of the section headings; of a long one (a heading run into its body with no full stop:
    （一）强化组织领导将…纳入…,专题研究法治建设相关工作10余次。) only its first clause; of a 1、/(1) line that
    is a sentence (（2）办理依申请公开3件，均在…答复。) only its number, as `heading_ranges` reads such a line."""
    if sections is None or "heading" not in sections or sections.empty:
        return []
    return [
        (int(s), int(s) + (_numbered_sentence(h, text, int(s)) or _heading_length(h)))
        for s, h, lvl in zip(sections["start"], sections["heading"], sections["level"])
        if isinstance(h, str) and h and lvl and int(lvl) > 0
    ]


def _numbered_sentence(heading: str, text: str, start: int) -> int:
    """The length of the number of a HEADING numbered 1、 or (1) whose line in TEXT (at START) holds a full
    stop or is a member of a list (`_sentence_or_list_member`): such an item is a sentence that may open with its
    figure, not a title (0 for any other)."""
    marker = _HEADING_3.match(heading)
    if not marker or text[start:start + len(heading)] != heading:
        return 0
    line_end = text.find("\n", start)
    line = text[start:line_end if line_end >= 0 else len(text)]
    return marker.end() if _sentence_or_list_member(line) else 0


def _sentence_or_list_member(line: str) -> bool:
    """Is the numbered LINE a sentence (it holds a full stop) or a member of a list, ending on a semicolon or a comma
    (`_LIST_MEMBER_END`) or on its count (`_ends_on_count`), rather than a title line?"""
    line = line.rstrip()
    return "。" in line or line.endswith(_LIST_MEMBER_END) or _ends_on_count(line)


def _ends_on_count(line: str) -> bool:
    """Does LINE end on a count in digits with its unit (（2）占道经营23件, 3.秸秆禁烧巡查35次)? A numbered line that
    ends so is a list's member whose writer left off its mark (its siblings end on ；, 。 or nothing), not a title:
    a title names a task, it does not end on its tally. Only the line's tail is read."""
    tail = line[-_TAIL:]
    return any(m.end() == len(tail) and (m.group("num") or "")[:1].isdigit() for m in number_regex().finditer(tail))


_TAIL = 16  # the longest figure with its unit at a line's end (1,234.5万人次) fits


def _counts_in_digits(clause: str) -> bool:
    """Does CLAUSE count something in digits with a unit (综合执法检查92次), not in a name's numerals?"""
    return any((m.group("num") or "")[:1].isdigit() or m.group("pct") for m in number_regex().finditer(clause))


def _heading_length(heading: str) -> int:
    stop = re.search(r"[，,；;。：:]", heading)
    if len(heading) <= _HEADING_MAX and not (stop and _counts_in_digits(heading[stop.end():])):
        length = len(heading)
    else:  # a long one, or one whose second clause counts in digits (（一）深化…改革,综合执法检查92次): its first clause
        length = stop.start() if stop else len(heading)
    # a list that leads each point with its figure in brackets (1.【146项】梳理公布的…): the figure is a measure
    stressed = next((m.start() for m in _STRESSED.finditer(heading, 0, length) if _FIGURE_ONLY.match(m.group(1))), length)
    return min(length, stressed)


_STRESSED = re.compile(r"[【“「『〈]([^】”」』〉\n]{1,25})[】”」』〉]")


# 即/亦即/也就是 opening a clause that holds nothing but a figure: the figure before it said again in other
# numerals (一万二千余人次，即1.2万余人次; 三百多件（即300余件）), one figure, not two.
_RESTATEMENT = re.compile(r"\s?(?:即|亦即|也即|也就是|折合)\s?")


def _restates(text: str, previous: dict, boundary: int, num_start: int, value: float, unit: str) -> bool:
    """Whether the figure at NUM_START (its clause from BOUNDARY) restates the PREVIOUS row's figure."""
    return (_RESTATEMENT.fullmatch(text, boundary, num_start) is not None
            and (previous["value"], previous["unit"]) == (value, unit)
            and re.fullmatch(r"[\s，,（(]{0,3}", text[previous["end"]:boundary]) is not None)


def extract_indicators(text: str, *, doc_id: str = "", sections: pd.DataFrame | None = None,
                       level: str = "", county: str = "", town: str = "", year: str | int = "") -> pd.DataFrame:
    """Numeric indicators of one normalised report text, one row per measure.

    Columns: doc_id, section_type, section_no, span, value, unit, unit_kind, qualifier, subject,
    category, sentence, start, end, flags, value_yuan. ``text[start:end] == span``.

    >>> extract_indicators("今年以来，发放宣传资料8000余份，调解成功率100%。")[["value", "unit", "qualifier"]].values.tolist()
    [[8000.0, '份', '余'], [100.0, '%', '']]

    sections: the sections table of this document (section_no, level, section_type, start,
    end[, heading]); when given, each row gets the deepest section that contains it, the
    section headings are skipped too, and so is the plans part (its figures are targets).
    level, county: the report's level ("township" or "county") and county; when given, a clause
    about a wider area (a town's 同期全县…, a district's 全市…, anyone's 全国…) counts nothing of
    the report's own.
    town: a township report's own town; when given, a clause whose subject is another town (the
    towns it visits, follows or works with: 黄庄镇当年建成…, 该镇… after naming it) counts nothing either.
    year: the year the report covers; when given, a figure quoted as an earlier year's (2024年为40项,
    （2023年同期为12件）) is flagged ``earlier_period``, as 较2023年的12件 is.
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    text = "" if text is None else require_text(text, "extract_indicators")
    protected = _merged(_protected_ranges(text) + _section_heading_ranges(sections, text))
    section_of = _section_locator(sections)
    annex, annexed_table = annex_start(text), annexed_table_start(text)
    plans = _merged(_plans_ranges(sections, annex, annexed_table))  # next year's targets, not the year's work
    wider = wider_area(level, county or "")
    # (a town's own name unknown, a clause that names a town may be its own)
    own = frozenset(own_place_names(town, county)) if level == "township" and town else None
    township = level == "township"
    own_county = frozenset(own_place_names(county)) if level == "county" and county else None
    year_no = int(year) if str(year).isdigit() else 0
    units = unit_index()
    rows: list[dict] = []
    last_end = 0
    last_subject = ""
    for m in number_regex().finditer(text):
        num_start, num_end = m.start(), m.end()
        if _inside(protected, num_start, num_end):
            continue
        boundary, head = _clause_bounds(text, num_start)
        clause_start = max(boundary, last_end if last_end <= num_start else 0)
        if _inside(plans, num_start, num_end) or not_a_count(text, m, boundary):
            continue
        if others_figure(text, boundary, head, num_start, wider, own, township, own_county, year_no):
            continue
        valued = _value_of(m, text[boundary:num_start])
        if valued is None:
            continue
        value, unit, value_yuan = valued
        if rows and _restates(text, rows[-1], boundary, num_start, float(value), unit):
            continue
        qualifier = ";".join(_qualifiers(text, boundary, m))

        # Span: from the start of the subject phrase (time words and agents trimmed) …
        lead = _trim_lead(text, clause_start, num_start)
        if num_start - lead > 30:
            lead = num_start - 30
        before = text[lead:num_start]
        span_end = num_end
        subject = _clean_subject(before)
        # … to the end of the noun when the number stands before it (14个村级党群服务中心).
        # A noun classifier modifies the noun after it (辖区12个|社区文明实践站); a verbal
        # one (4次) only when it follows its verb (开展|17场|法治宣讲活动, 驻村法律顾问共开展|17场|
        # 法治宣讲活动), not in 召开专题会议4次|研究部署….
        # 90%的|区级政务服务事项: a share of the noun after 的
        gap = 1 if unit == "%" and text.startswith("的", num_end) else 0
        noun = _noun_after(text, num_end + gap)
        basis = ""  # what decides the category when it is not the subject itself
        if units[unit].kind in ("person", "unit_org") and _GENERIC_NOUN.match(subject):
            # 全体机关干部44人|参加法治考试 → 参加法治考试的全体机关干部
            predicate, stop = _predicate_after(text, num_end)
            if predicate:
                subject, basis, span_end = f"{predicate}的{subject}", predicate, stop
                noun = ""
        if noun and (units[unit].kind not in VERBAL_KINDS or len(_core(before)) <= 2
                     or _ENDS_WITH_VERB.search(before)):
            subject = _NOTE_IN_WORD.sub("", _MARKS.sub("", noun))
            span_end = num_end + gap + len(noun)
            if _GENERIC_NOUN.match(subject):
                subject, basis, span_end = _qualified_noun(text, before, subject, span_end)
            elif "对" in before and (done := _TREATED.match(text, span_end)):
                # 对12件|行政规范性文件|进行合法性审查: the documents reviewed
                subject, span_end = subject + _core(done.group("what")), done.end()
                basis = subject
        if not subject and units[unit].kind == "person" and text.startswith("为", num_end):
            # 其中3人为综合执法大队行政执法员: who they are follows 为
            named = re.split(f"[{re.escape(_BOUNDARY)}]", text[num_end + 1:num_end + 17])[0]
            if 2 <= len(named) <= 15 and (subject := _clean_subject(named)):
                span_end = num_end + 1 + len(named)
        if not subject and last_end == clause_start and last_end > boundary:
            subject = last_subject  # 纳入低保39户161人: the second figure shares the subject
        elif not subject:
            subject = _previous_clause_subject(text, boundary)  # 主动公开政策文件等，共计178条
        subjects = [(subject, "")]  # (subject, its category when the subject names none)
        said_of = _said_of_all(text[lead:num_start]) if unit == "%" else None
        side_by_side = _rates_before(text[lead:num_start]) if unit == "%" and said_of is None else None
        if (said_of or side_by_side) and (shared := _shared_rates(text, lead, said_of or side_by_side)):
            lead, basis = shared[0], ""
            subjects = [(rate, "") for rate in shared[1]]
        elif said_of is not None and (each := _shared_over_counts(text, rows, lead, said_of)):
            subjects, basis = each, ""
        span = text[lead:span_end]
        named = bool(_NAMED_EXAMPLES.search(span))
        sent_start, sent_end = _sentence_bounds(text, num_start, num_end)
        section_type, section_no = section_of(lead, span_end)
        for subject, fallback in subjects:
            category = ((basis and categorize(basis, unit))
                        or (categorize(subject, unit, named_examples=named) if subject else ""))
            if not category and not basis and subject and len(subjects) == 1:
                fallback = _listed_noun_category(text, head, boundary, num_start, unit)
            rows.append({
                "doc_id": doc_id, "section_type": section_type, "section_no": section_no,
                "span": span, "value": float(value), "unit": unit, "unit_kind": units[unit].compare_as,
                "qualifier": qualifier, "subject": subject,
                "category": category or fallback,
                "sentence": text[sent_start:sent_end].strip(), "start": lead, "end": span_end,
                "flags": "", "value_yuan": value_yuan, "sentence_start": sent_start,
                "before_figure": text[lead:num_start], "clause_before": text[boundary:num_start],
            })
        last_end, last_subject = span_end, subject
    rows += _table_rows(text, doc_id, rows, protected, plans, section_of)
    rows += _tenths_rows(text, doc_id, protected, plans, section_of)
    rows += _audience_rows(text, doc_id, rows, protected, plans, section_of,
                           others=lambda start: others_figure(text, *_clause_bounds(text, start), start, wider, own,
                                                                 township, own_county, year_no))
    rows = _without_annex_repeats(text, rows, annex, annexed_table)
    rows = _without_series_repeats(text, rows, year_no)
    _flags(rows, year_no)
    _inherit_categories(text, rows)
    for row in rows:  # none of its own or another's: the few words before the figure (已进驻19个部门: its verb)
        if not row["category"] and 0 < len(row.get("before_figure", "")) <= _FEW_WORDS_BEFORE:
            row["category"] = categorize(row["before_figure"], row["unit"])
    # Only COLUMNS are taken from the row dicts (sentence_start, before_figure stay behind); the column-by-column
    # astype avoids DataFrame.astype(dict), which rebuilds the whole table.
    table = pd.DataFrame(rows, columns=COLUMNS)
    for name, kind in (("value", float), ("value_yuan", float), ("start", int), ("end", int)):
        if table[name].dtype != np.dtype(kind):  # (usually made so already; setting a column costs)
            table[name] = table[name].astype(kind)
    logger.debug("%s: %d indicators", doc_id or "<text>", len(table))
    return table


_TABLE_ROW = re.compile(rf"^[ \t\u3000]*(?:[|｜│┌├└]|{ANNEX_LIST_ROW})")  # a table's row, or an annexed list's line


_A_YEARS_ENTRY = re.compile(r"\s*(?:19|20)\d{2}\s*年度?\s*(?:为|是|共|有|达)?\s*")


def _without_series_repeats(text: str, rows: list[dict], year: int) -> list[dict]:
    """ROWS less a year-by-year series' entry of the report's YEAR (…、2024年263件、2025年247件) that restates a figure the
    text gave before it, same value and unit (受理矛盾纠纷247件 … 2025年247件): the year's work counted once. An entry the
    text gives nowhere else (五年来工单量分别为：…、2025年5970件) stays the year's."""
    if not year or str(year) not in text:
        return rows
    kept: list[dict] = []
    given: dict[tuple, int] = {}  # (value, unit) → where the text first gave it, outside any year's entry
    for row in sorted(rows, key=lambda r: r["start"]):
        start = row["start"] + len(row.get("before_figure", ""))
        boundary = start - len(row.get("clause_before", ""))
        key = (row["value"], row["unit"])
        if entry_of_the_year(text, boundary, start, year) and given.get(key, start) < row["start"]:
            continue
        if not _A_YEARS_ENTRY.fullmatch(row.get("clause_before", "")):  # (another year's entry of equal value: none)
            given.setdefault(key, row["start"])
        kept.append(row)
    order = {id(row): k for k, row in enumerate(rows)}
    return sorted(kept, key=lambda r: order[id(r)])


def _without_annex_repeats(text: str, rows: list[dict], annex: int | None, table: int | None) -> list[dict]:
    """ROWS less the figures of an annex (ANNEX: 附件 / 附表 after the signed date; TABLE: a 附表 of figures below the
    plans) that the report's body already gives, same value and unit and a word of the row's label in the body's
    sentence (附件：主要数据统计表 | 调解纠纷 | 402件 | after 调解纠纷402件): a table that repeats the body's figures counts
    the work once. Figures the body does not give stay the year's."""
    annexes = [(annex, len(text))] if annex is not None else []
    if (start := table) is not None:  # a 附表 inside the report: its table's rows only
        end = start + len(text[start:].split("\n", 1)[0]) + 1
        rows_seen = lines_above = 0  # (up to two lines, a unit or a note, between the 附表 line and its rows)
        for line in text[end:].split("\n"):
            if _TABLE_ROW.match(line):
                rows_seen += 1
            elif line.strip() and (rows_seen or (lines_above := lines_above + 1) > 2):
                break
            end += len(line) + 1
        annexes.append((start, min(end, len(text))))
    if not annexes:
        return rows
    first = min(start for start, _ in annexes)

    def annexed(row: dict) -> bool:
        return any(start <= row["start"] < end for start, end in annexes)

    body = [row for row in rows if row["start"] < first]
    kept = []
    for row in rows:
        if annexed(row):
            label = _label_words(_label_before_value(text, row))
            said = next((i for i, b in enumerate(body) if (b["value"], b["unit"]) == (row["value"], row["unit"])
                         and label & _label_words(text[b["sentence_start"]:b["end"]])), None)
            if said is not None:
                del body[said]  # said once in the body, repeated once in the annex
                continue
        kept.append(row)
    return kept


# Words of every kind of work, which say nothing of which work a figure counts.
_EMPTY_PAIRS = frozenset({"行政", "工作", "开展", "办理", "全年", "年度", "数量", "情况", "法治", "建设", "政府", "主要"})


def _label_before_value(text: str, row: dict) -> str:
    """The words before an annexed ROW's value, back to its line's start or the figure before it (a copy that lost
    its breaks runs a table's rows together: | 普法活动 | 64场次 | | 行政复议案件 | 2件 → 行政复议案件)."""
    values = list(re.finditer(r"\d[\d.]*", text[row["start"]:row["end"]]))
    at = row["start"] + values[-1].start() if values else row["start"]
    low = max(text.rfind("\n", 0, at) + 1, at - 40)
    digits = list(re.finditer(r"\d", text[low:at]))
    return text[low + digits[-1].end() if digits else low:at]


def _label_words(words: str) -> frozenset[str]:
    """The character pairs of WORDS' Chinese runs, less the empty ones: an annex's row repeats a figure of the body
    only when its label shares one with the body's sentence (| 行政复议案件 | 2件 | is not 审议规范性文件2件)."""
    return frozenset(run[i:i + 2] for run in re.findall(f"[{CJK}]+", words)
                     for i in range(len(run) - 1)) - _EMPTY_PAIRS


# How long the words before a figure may be to say what it counts when its subject does not: a verb and
# its object's head (已进驻19个部门, 共接待群众21351人次), not a clause that may name other work.
_FEW_WORDS_BEFORE = 12


# A change in tenths (办理时限缩短三成, 增长近三成): a rate, 三成 = 30 %; only after a verb of change, since
# 成 is a word of its own too (成员, 成效, 八成以上的群众 is a share, not the work's change).
_TENTHS = re.compile(r"(?P<verb>增长|增加|提高|提升|上升|下降|减少|降低|缩短|压缩|压减|节约|节省|缩减"
                     r"|(?<=[率])|占比|比例|比重)了?(?:均|达到|达|为|约为|在)?"
                     r"(?P<q>近|约|超过|超|逾)?(?P<n>[一二两三四五六七八九]|[1-9])成(?P<m>[一二三四五六七八九](?![成%％]))?"
                     r"(?![员为本功立效果绩交都市熟型品就])")


def _extra_row(text: str, doc_id: str, section_of, *, start: int, end: int, sentence: tuple[int, int], value: float,
               unit: str, qualifier: str, subject: str, label: str) -> dict:
    """A row for a figure found outside the sentence scan (a table's cell, a change in tenths, an audience):
    SPAN is text[START:END]; LABEL is what the category is judged by. UNIT "" is a count the text gives
    no unit (阅读量约287.3万)."""
    known = unit_index().get(unit)
    scale = {"元": 1, "万元": 10**4, "亿元": 10**8}.get(unit) if known and known.kind == "money" else None
    section_type, section_no = section_of(start, end)
    return {
        "doc_id": doc_id, "section_type": section_type, "section_no": section_no, "span": text[start:end],
        "value": value, "unit": unit, "unit_kind": known.compare_as if known else "", "qualifier": qualifier,
        "subject": subject, "category": categorize(label, unit) if label else "",
        "sentence": text[sentence[0]:sentence[1]].strip(), "start": start, "end": end, "flags": "",
        "value_yuan": value * scale if scale else None, "sentence_start": sentence[0],
    }


def _tenths_rows(text: str, doc_id: str, protected, plans, section_of) -> list[dict]:
    """Rows for the changes the text gives in tenths (`_TENTHS`), as % (三成 is 30 %)."""
    found = []
    for m in _TENTHS.finditer(text):
        number = (m.start("n"), m.end())
        if _inside(protected, *number) or _inside(plans, *number):
            continue
        lead = last_of(text, _BOUNDARY, m.start())
        subject = _clean_subject(text[lead:m.start()])
        tenths = int(n) if (n := m.group("n")).isdigit() else chinese_to_number(n)
        if m.group("m"):  # 好评率九成五以上: 95 %
            tenths += chinese_to_number(m.group("m")) / 10
        found.append(_extra_row(text, doc_id, section_of, start=lead, end=m.end(), sentence=_sentence_bounds(text, *number),
                                value=10.0 * tenths, unit="%", qualifier=m.group("q") or "",
                                subject=subject + m.group("verb"), label=subject))
    return found


# An audience written after its noun, the unit in the noun or none (阅读量约287.3万, 观看人次超1232万, 点击量10万+):
# new-media publicity reports its reach so. (With a unit after the number, 阅读量达3万人次, the sentence scan has it.)
_AUDIENCE = re.compile(r"(?P<noun>(?:阅读|浏览|点击|观看|收看|播放|访问|收听|转发|点赞|曝光)(?:总量|量|人次|次数|人数))"
                       r"(?:累计|总计|共计|共)?(?P<q>约|近|超过|超|逾|突破|达到|达|已达|为)?[ \t]*"
                       r"(?P<n>\d+(?:\.\d+)?)[ \t]*(?P<mag>[万亿萬億])?(?P<post>余|多|\+)?")
_AUDIENCE_UNIT = {"人次": "人次", "人数": "人", "次数": "次"}
_AUDIENCE_QUALIFIER = {"约": "约", "近": "近", "超过": "超", "超": "超", "逾": "超", "突破": "超"}


@lru_cache(maxsize=1)
def _unit_ahead() -> re.Pattern:
    """A unit right after a number (阅读量达3万|人次)."""
    return re.compile(r"\s*(?:" + "|".join(re.escape(form) for form in sorted(unit_index(), key=len, reverse=True)) + ")")


def _audience_rows(text: str, doc_id: str, rows: list[dict], protected, plans, section_of,
                   others: Callable[[int], bool]) -> list[dict]:
    """Rows for the audiences the text gives after their noun (`_AUDIENCE`) that no sentence gave already;
    OTHERS tells a figure that is not the report's own (a wider area's, another town's)."""
    taken = [(row["start"], row["end"]) for row in rows]
    found = []
    for m in _AUDIENCE.finditer(text):
        number = (m.start("n"), m.end())
        if (_inside(protected, *number) or _inside(plans, *number)
                or any(start < number[1] and number[0] < end for start, end in taken)):
            continue
        if _unit_ahead().match(text, m.end()) or others(m.start()):
            continue  # 阅读量达3万人次: the sentence scan's, with its unit; 全县观看人次…: the county's
        lead = last_of(text, _BOUNDARY, m.start())
        subject = _clean_subject(text[lead:m.start("n")])
        noun = m.group("noun")
        unit = next((unit for ending, unit in _AUDIENCE_UNIT.items() if noun.endswith(ending)), "")
        value = float(m.group("n")) * {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}.get(m.group("mag") or "", 1)
        qualifier = ";".join(q for q in (_AUDIENCE_QUALIFIER.get(m.group("q") or ""), "余" if m.group("post") else "") if q)
        found.append(_extra_row(text, doc_id, section_of, start=lead, end=m.end(), sentence=_sentence_bounds(text, *number),
                                value=value, unit=unit, qualifier=qualifier, subject=subject, label=subject))
    return found


def _table_rows(text: str, doc_id: str, rows: list[dict], protected, plans, section_of) -> list[dict]:
    """Rows for the figures of the text's tables (`figure_tables`) that no sentence gave already; a sentence's
    figure read from a signed cell without its sign (18.3 % of | -18.3% |) leaves ROWS for the cell's."""
    taken = [(row["start"], row["end"], row["value"]) for row in rows]
    found = []
    for figure in table_figures(text, set(unit_index())):
        # judged by the figure's own cell: a quoted label (培育“法律明白人”), or a remark of the same row read
        # as a sentence's figure (同比增长8.2%, whose span takes in the row), leaves the row's figure a figure
        number = (figure.number_start, figure.end)
        if _inside(protected, *number) or _inside(plans, *number):
            continue
        if figure.value < 0:  # the sentence scan reads a signed cell (| -18.3% |) without its minus: the cell's figure stands
            unsigned = [i for i, row in enumerate(rows) if row["start"] < number[1] and number[0] < row["end"]
                        and row["value"] == -figure.value and number[0] <= row["start"] + len(row["before_figure"]) < number[1]]
            for i in reversed(unsigned):
                del rows[i]
            taken = [(row["start"], row["end"], row["value"]) for row in rows]
        if any(start < number[1] and number[0] < end and value == figure.value for start, end, value in taken):
            continue
        line_start, line_end = text.rfind("\n", 0, figure.start) + 1, text.find("\n", figure.end)
        if figure.measure:  # a table of places by measures: the total row's cell is the town's, a place's is a part
            label, subject = ("", f"{figure.label}{figure.measure}") if figure.part else (figure.measure, figure.measure)
        else:
            label, subject = figure.label, f"{figure.label}同比" if figure.change else figure.label
        found.append(_extra_row(text, doc_id, section_of, start=figure.start, end=figure.end,
                                sentence=(line_start, line_end if line_end >= 0 else len(text)), value=figure.value,
                                unit=figure.unit, qualifier="", label=label, subject=subject))
    return found


# --------------------------------------------------------------------------- comparisons
#: Columns that decide whether two figures can stand side by side: what they count and in what kind of unit.
COMPARABILITY = ("category", "unit_kind")


def _kinds(data: pd.DataFrame) -> pd.Series | None:
    if "unit_kind" in data:
        return data["unit_kind"]
    return data["unit"].map(unit_kind) if "unit" in data else None  # a table from before unit_kind


def check_comparable(data: pd.DataFrame, *, within: Sequence[str] = (), what: str = "this chart") -> None:
    """Raise ValueError when DATA mixes figures that cannot be compared: several categories or
    several unit kinds (17场次 and 4次 are both events and may stand together; 100人次 and 80人,
    or 送法入户100余次 and a meeting held 5 times, may not). Columns in WITHIN (e.g. a chart's
    hue) are allowed to vary: the chart keeps their values apart. Tables without these columns
    pass (counts of reports, lengths, ...)."""
    columns = {"category": data["category"] if "category" in data else None, "unit_kind": _kinds(data)}
    for name in COMPARABILITY:
        values = columns[name]
        if name in within or values is None:
            continue
        found = sorted({str(v) for v in values.dropna()})
        if len(found) > 1:
            raise ValueError(
                f"{what} would put figures of different {name} side by side ({', '.join(found)}); "
                f"keep one (data[data['{name}'] == {found[0]!r}]) or draw them apart (hue='{name}')")


def own_year(indicators: pd.DataFrame) -> pd.DataFrame:
    """The figures of the report's own year of work: without those quoted to compare (flagged
    ``earlier_period``: 较2021年的13件; ``change``: 比上年增加3件), which the text says but which
    count no work of the year.

    >>> table = extract_indicators("受理案件20件，较2023年的13件有所增加。")
    >>> own_year(table)["value"].tolist()
    [20.0]
    """
    if "flags" not in indicators:
        return indicators
    return indicators[~indicators["flags"].fillna("").str.contains(f"{EARLIER_PERIOD}|{CHANGE}")]


def comparable(indicators: pd.DataFrame, *, category: str, kind: str | None = None) -> pd.DataFrame:
    """The figures of CATEGORY in one unit kind: those that can stand side by side in a chart.

    KIND defaults to the unit kind most reports of the category use (ties: the kind with most
    figures, then by name). 开展普法宣传活动17场次 and 送法入户100余次 are both events and stay together
    whatever their written unit (场, 场次, 次); 受众2000人次 and 普法受众3万人 are not. Money is
    given in 万元 (from ``value_yuan``), so that 3000元 and 12.5万元 compare. A figure quoted to
    compare (flagged ``earlier_period``: 较2021年的13件; ``change``: 比上年增加3件) is left out. A
    CATEGORY or KIND neither the resources nor the table know (a typo) raises ValueError naming those
    that exist; a known category no report has, or an empty INDICATORS, gives an empty table.

    >>> table = extract_indicators("开展法治讲座3场次，送法入户100余次，受益群众500人。")
    >>> comparable(table.assign(doc_id="a"), category="legal_education_events")["value"].tolist()
    [3.0, 100.0]
    """
    if indicators.empty:
        return indicators.copy()  # nothing to choose from (a selection that left no report): no name to check
    _check_known("category", category, set(load_categories()["category"]) | set(indicators.get("category", ())),
                 "indicator_categories.csv")
    if kind is not None:
        present = _kinds(indicators)
        _check_known("kind", kind, set(load_units()["compare_as"]) | set(() if present is None else present),
                     "indicator_units.csv, compare_as")
    rows = own_year(indicators[indicators["category"] == category])  # not last year's, not a difference
    kinds = _kinds(rows)
    if kinds is None or rows.empty:
        return rows.copy()
    if kind is None:
        reach = (pd.DataFrame({"kind": kinds, "doc_id": rows["doc_id"]})
                 .groupby("kind")["doc_id"].agg(["nunique", "size"]))
        kind = sorted(reach.index, key=lambda k: (-reach.loc[k, "nunique"], -reach.loc[k, "size"], k))[0]
    out = rows[kinds == kind].copy()
    if kind == "money" and "value_yuan" in out:
        out["value"], out["unit"] = out["value_yuan"] / 10**4, "万元"
    return out


def _check_known(what: str, value: str, known: set, resource: str) -> None:
    # A mistyped name would give an empty table that reads as "no town reports this".
    if value not in known:
        names = ", ".join(sorted(str(name) for name in known if name))
        raise ValueError(f"comparable: no {what} {value!r}; known: {names} (resources/{resource})")


# --------------------------------------------------------------------------- density
def density(indicators: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Indicators per 1,000 characters, per document and per section type.

    Each character of a report counts for the innermost section that holds it, as an indicator's
    own ``section_type`` does: a leadership sub-section inside the work part (（二）党政主要负责人履行
    第一责任人职责情况 under 一、主要举措) is leadership, the rest of that part measures. So the density
    table, the indicators table and completeness agree on which parts a report has. A section
    type's ``n_chars`` is the number of characters so counted, and an indicator counts where its
    ``start`` lies. The row with section_type "all" counts every indicator of the document over
    ``n_chars`` = the largest section end (the length of the text the sections cover). Documents
    that have indicators but no sections get an "all" row with n_chars 0 and a missing rate.
    """
    rows = []

    def column(table: pd.DataFrame, name: str) -> list:
        # An empty table may come without columns (a corpus where no report has a figure).
        return table[name].tolist() if name in table.columns else [None] * len(table)

    # Group once with plain lists: per-document pandas filtering and groupby cost more than
    # the counting itself (this runs once per report).
    starts_of: dict = {}
    for doc, start in zip(column(indicators, "doc_id"), column(indicators, "start")):
        if not pd.isna(doc):
            starts_of.setdefault(doc, []).append(start)
    sections_of: dict = {}
    for row in zip(*(column(sections, c) for c in ("doc_id", "level", "section_type", "start", "end"))):
        if not pd.isna(row[0]):
            sections_of.setdefault(row[0], []).append(row[1:])
    for doc in dict.fromkeys([*sections_of, *starts_of]):
        found = np.asarray(starts_of.get(doc, []), dtype=np.int64)
        secs = [sec for sec in sections_of.get(doc, []) if not pd.isna(sec[3])]
        total = int(max(e for _, _, _, e in secs)) if secs else 0
        rows.append((doc, "all", len(found), total))
        # Paint each character with its section's type, outer sections first: a sub-section's
        # type overwrites its part's (sections nest, so the deepest level paints last).
        types: list = []  # in order of first appearance
        painted = np.full(total, -1, dtype=np.int64)
        for level, section_type, s, e in sorted(secs, key=lambda sec: int(sec[0])):
            if pd.isna(section_type):
                continue
            if section_type not in types:
                types.append(section_type)
            painted[int(s):int(e)] = types.index(section_type)
        n_chars = np.bincount(painted[painted >= 0], minlength=len(types))
        inside = found[(found >= 0) & (found < total)]
        hits = np.bincount(painted[inside][painted[inside] >= 0], minlength=len(types))
        rows.extend((doc, t, int(hits[i]), int(n_chars[i])) for i, t in enumerate(types) if n_chars[i] > 0)
    if not rows:
        table = pd.DataFrame(rows, columns=DENSITY_COLUMNS[:4])
        table["indicators_per_1k_chars"] = table["n_indicators"] / table["n_chars"] * 1000
        for name in ("n_indicators", "n_chars"):
            table[name] = table[name].astype(int)
        return table
    # Made from columns: the table of rows and its casts cost more than the counting (once per report).
    docs, types, hits, n_chars = zip(*rows)
    hits, n_chars = np.array(hits, dtype=np.int64), np.array(n_chars, dtype=np.int64)
    rate = hits / np.where(n_chars > 0, n_chars, np.nan) * 1000
    return pd.DataFrame(dict(zip(DENSITY_COLUMNS, (list(docs), list(types), hits, n_chars, rate))))
