"""Headings, section types and completeness of a report (its shortcoming items: reportkit.shortcomings).

`split_sections` turns one normalised report into the **sections** table (one row per
heading at every level, plus the preamble). Headings are found line by line from their
numbering marker (一、 / （一） / (1) / 1、 / 1. / 1． / 1） / 第一部分) and accepted only when
the number fits the running sequence of that marker style under the same parent, so body
lines that merely start with a numeral ("2021年，我镇……", "2、3月份……") are not headings.
The sequence check tolerates what real reports do: a skipped number, a repeated number and
a switch of numeral script in mid-list (（9） followed by （十）).

Levels follow the document: a marker style keeps the level it got when first seen (the
depth under the heading it first appeared below), so （一） is level 2 under 一、 but
level 1 in a report whose top parts are （一）…, and a 1、 list met later directly under a
top-level part keeps its level 3. `section_no` is the path of positions ("2.1" is the first
heading under the second top-level part, whatever its level); "0" is the preamble.

Top-level parts are typed from their wording with the analyst-editable table
resources/section_types.csv (highest priority wins). Sub-headings inherit their parent's
type, except a 党政主要负责人/第一责任人 sub-heading inside a measures part, which is
`leadership` (its parent_section_no still points at the measures part), and a sub-heading that
names the problems as a part of their own (一、工作情况 … （五）存在的问题), which is `shortcomings`,
as is `plans` a 下一步 sub-heading after it.

>>> s = split_sections("前言。\\n一、主要举措和成效\\n（一）学法\\n二、存在的问题\\n一是人少。")
>>> s[["section_no", "level", "section_type"]].values.tolist()
[['0', 0, 'preamble'], ['1', 1, 'measures'], ['1.1', 2, 'measures'], ['2', 1, 'shortcomings']]
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd

from . import resources
from .arguments import require_text
from .chinese import (CJK, CJK_CHAR, CLAUSE_END, CN_MARKER_DIGITS, DATE_AT_LINE_END, HEADING_CLOSE, HEADING_VERBS,
                      MARKER_STYLES, PART_MARKS, PART_STYLES, marker_number)
from .pagechrome import companion_alone, report_end, report_start
from .unwrap import is_page_number, is_running_head

logger = logging.getLogger(__name__)

SECTION_COLUMNS = ["doc_id", "section_no", "level", "heading", "section_type", "parent_section_no",
                   "text", "start", "end", "mixed_with"]
from .schema import PART_TYPES  # noqa: E402  (the statutory parts, declared once)

# Longest heading clause (after the marker) still taken for a heading: real headings are
# ≤ ~50 characters; a longer unpunctuated run is a body sentence that starts with a numeral.
MAX_HEADING_CHARS = 80

# Marker styles (chinese.MARKER_STYLES), tried in this order at the start of a line. Their `rank`
# is the usual nesting order of Chinese official documents (一、 > （一） > 1、 > （1））; it only
# decides where a style seen for the first time attaches, never overrides the document's own layout.
_STYLES = MARKER_STYLES
_CN = CN_MARKER_DIGITS
_RANK = {name: rank for name, rank, _ in _STYLES}
# Depth of a style in the usual layout (一、 > （一）), for a list whose parents were left out.
_USUAL_DEPTH = {"part": 1, "cn_dun": 1, "cn_lenticular": 1, "cn_paren": 2}
# Styles that are the same list written in the other numeral script (（9） → （十）).
_SCRIPT_TWIN = {"cn_paren": "ar_paren", "ar_paren": "cn_paren", "cn_dun": "ar_dun", "ar_dun": "cn_dun"}
# A heading clause ends at the first clause end (chinese.CLAUSE_END); the rest of the line is its text.
# A run-in heading (no full stop before its body) ends at its first comma.
_RUN_IN_END = re.compile(r"[，,、]")
MAX_RUN_IN_CHARS = 40
# Where a copy leaves text out: ……（开头部分已省略650字）, (略), [此处省略]
_ELISION = re.compile(r"已?省略\s*\d*\s*字?|（略）|\(略\)|……\s*$")
_MAX_STEP = 3  # tolerated gap in a numbering sequence (a skipped （三） is a step of 2)


cn_number = marker_number  # a list marker's position: '十二' → 12, '7' → 7


# ----------------------------------------------------------------------------- classification

@dataclass(frozen=True)
class _Rule:
    section_type: str
    pattern: re.Pattern[str]
    priority: int


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for row in resources.section_types().itertuples():
        text = str(row.pattern or "").strip()
        if not text:
            continue
        regex = text if (str(row.kind or "") or "substring").strip() == "regex" else re.escape(text)
        rules.append(_Rule(str(row.section_type).strip(), re.compile(regex), int(row.priority or 0)))
    # Highest priority first; within a priority, file order (stable sort).
    return tuple(sorted(rules, key=lambda r: -r.priority))


def _strip_marker(heading: str) -> str:
    heading = heading.strip()
    for _, _, pattern in _STYLES:
        match = pattern.match(heading)
        if match:
            return heading[match.end():].strip()
    if match := _BARE_NUMBER.match(heading) or _LOST_PAREN_NUMBER.match(heading):
        return heading[match.end():].strip()
    return heading


# A part whose heading ends in carrying out the rule-of-law government's duty (一、加强党的领导，切实履行推进
# 法治政府建设工作职责 / 全面落实法治政府建设工作职责 / 强化顶层谋划，扛牢法治政府建设职责) is the part on
# that duty, as 一、履职情况 is, whatever its first clause says; only as a part: a sub-heading
# （一）加强领导，严格落实法治政府建设职责 inside the work part is one of its measures.
_GOVERNMENT_DUTY_PART = re.compile(r"(?:履行|落实|扛牢|扛起|担起|肩负)(?:推进)?法治政府建设(?:工作)?职责$")
# A sub-heading inside the shortcomings part that turns to what will be done about them (（二）整改方向,
# （三）下一步措施, 改进打算), not a fault named with a plan's word (（二）重点工作推进不平衡).
_NEXT_STEPS = re.compile(r"^(?:下一?步|下步|今后)|(?:整改|改进)(?:措施|举措|方向|思路)|打算")
# A sub-heading that names the shortcomings as a part of their own, whatever part it is under:
# （五）存在的问题 / （三）2023年存在的不足和原因 / （四）问题与不足 / 不足之处 — the words of the
# shortcomings rules in section_types.csv, but only as the whole heading's subject.
_PROBLEMS_PART = re.compile(
    r"(?:(?:20\d{2}年度?|上一?年度?|一年来|当前|目前|工作中|推进)?(?:法治(?:政府)?建设(?:工作)?(?:中|方面)?)?)"
    r"(?:(?:存在|面临)的?(?:主要|突出|一些)?(?:问题|不足|短板|困难|弱项|差距)(?!整改|清单|台账|销号|的?整改|得到|已|均|全部|逐步|有效)"
    r"|(?:问题|不足|短板|困难)(?:和|与|及|、)(?:不足|问题|短板|困难|弱项|差距|原因)|不足之处|短板弱项)")

# Rules at or above this priority (其他需要报告的…) decide alone: their words are never a mixture.
_DECISIVE_PRIORITY = 50


_YEAR = re.compile(r"(20\d{2})\s*年")


@lru_cache(maxsize=4096)  # a report asks it of each heading twice (typing, then the unmapped warning); stock headings recur
def _heading_types(heading: str) -> tuple[str | None, tuple[str, ...]]:
    """(type, other types) of HEADING by the resource table; (None, ()) when no rule matches.

    Every rule is tried; a match inside a higher-priority match of another type is dropped (主要工作
    inside 主要工作安排, 问题 inside 整改问题). Of what remains, the type whose words come first wins,
    and the other types are returned too: 工作成效及存在的问题 is measures, mixed with shortcomings.
    """
    content = re.sub(r"\s+", "", _strip_marker(heading))
    content = _QUESTION_LABEL.sub("", content, count=1)  # 问题三：当前…存在哪些不足: the label's 问题 asks, names no part
    hits = [(m.start(), m.end(), rule.priority, rule.section_type)
            for rule in _rules() if (m := rule.pattern.search(content))]
    if not hits:
        return None, ()
    top = max(hits, key=lambda h: h[2])
    if top[2] >= _DECISIVE_PRIORITY:
        return top[3], ()
    kept = [h for h in hits if not any(o[2] > h[2] and o[3] != h[3] and o[0] < h[1] and h[0] < o[1] for o in hits)]
    first = min(kept, key=lambda h: (h[0], -h[2]))
    others = tuple(dict.fromkeys(h[3] for h in sorted(kept) if h[3] != first[3]))
    return first[3], others


def _match_type(heading: str) -> str | None:
    """Section type of HEADING by the resource table, or None when no rule matches."""
    return _heading_types(heading)[0]


def classify_heading(heading: str) -> str:
    """Type of a part from its heading's wording: measures, leadership, shortcomings, plans or other.

    Rules live in resources/section_types.csv; the highest-priority matching rule wins, so a
    year or 法治政府建设 in the heading does not matter and 存在的不足 beats everything but
    其他需要报告…. Unmapped wording gives 'other' (see `unmapped_headings`).

    >>> classify_heading("四、2024年度主要工作安排")
    'plans'
    >>> classify_heading("二、上一年度推进法治政府建设存在的不足和原因")
    'shortcomings'
    """
    return _match_type(require_text(heading, "classify_heading", name="heading",
                                    example="tables['sections']['heading'].iloc[0]")) or "other"


# ----------------------------------------------------------------------------- heading detection

@dataclass
class _Heading:
    start: int
    heading: str
    style: str  # the sequence (style group) it continues
    number: int
    level: int = 0
    parent: int | None = None  # index into the list of accepted headings


def _run_in(rest: str) -> str:
    """The heading of a line whose body follows without a full stop (1.加强组织领导成立了…):
    up to the first comma, at most MAX_RUN_IN_CHARS characters."""
    comma = _RUN_IN_END.search(rest, 0, MAX_RUN_IN_CHARS + 1)
    return rest[: comma.start()] if comma else rest[:MAX_RUN_IN_CHARS]


# After a marker, the rest of a run of numbers (三、四月份, 一、二季度, 2、3月), not a heading's words
# (一、六项措施推进… is a heading).
_NUMBER_RUN = {"cn_dun": re.compile(rf"[{CN_MARKER_DIGITS}]+(?:月|季度?|年|等奖|级|期|批|届|号|日|代|轮|版|周)"),
               "ar_dun": re.compile(r"\d(?!\d{3}\s*年)")}  # 1．2024年度… starts with its year


def _candidates(text: str):
    """Yield (line_start, style, number, heading, after_gap) for lines that look like headings.

    AFTER_GAP is True when an elision marker (……（开头部分已省略650字）) stands between the
    previous candidate and this one: the numbering may resume there at any number.
    """
    lines = text.split("\n")
    offset = 0
    gap = False
    paren_number = 0  # the last （n） since the last part's heading
    for i, line in enumerate(lines):
        start, stripped = offset, line.lstrip()
        offset += len(line) + 1
        start += len(line) - len(stripped)
        gap = gap or bool(_ELISION.search(line))
        # 【一、…】: the whole numbered heading in brackets, the 【 before its marker
        bracket = "【" if _BRACKETED_HEADING.match(stripped) else ""
        for style, _, pattern in _STYLES:
            match = pattern.match(stripped, len(bracket))
            if not match:
                continue
            rest = stripped[match.end():]
            prefix = stripped[: match.end()]
            if style in _NUMBER_RUN and _NUMBER_RUN[style].match(rest):
                break  # 三、四月份 / 2、3月: a run of numbers, not a marker
            if not rest.strip():
                # Marker alone on its line (PDF/Word extraction): the heading is on the next line.
                following = next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
                if not following or len(following) > MAX_HEADING_CHARS or _starts_with_marker(following):
                    break
                rest, prefix = following, prefix.rstrip()
            elif _YEAR_ALONE.fullmatch(rest):
                # 一、2022 / 年度党政主要负责人…: a PDF wrapped the heading right after its year
                following = next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
                if following.startswith("年"):
                    rest = rest.strip() + following
            elif not CLAUSE_END.search(rest) and (more := _heading_after_page_break(lines, i)):
                rest = rest.rstrip() + more  # 四、2024年法治政府 / -3- / (running head) / 建设工作打算
            heading = _clause_heading(prefix, rest)
            # A heading names something: reject clauses without Chinese text.
            if CJK_CHAR.search(heading[len(prefix):]):
                n = cn_number(match.group("n"))
                yield start, style, n, heading, gap
                gap = False
                paren_number = 0 if style in PART_STYLES else n if style == "cn_paren" else paren_number
            break
        else:
            if (bare := _bare_number_heading(lines, i, stripped)) is not None:
                yield start, "ar_dun", bare[0], bare[1], gap
                gap = False
            elif _LOST_PAREN_NUMBER.match(stripped):
                # )落实政务公开,优化决策流程: a site's markup ate the （二 of a sub-heading; it is the next of its list
                yield start, "cn_paren", paren_number + 1, _clause_heading(stripped[:1], stripped[1:]), gap
                gap = False
                paren_number += 1


_YEAR_ALONE = re.compile(r"\s*(?:19|20)\d\d\s*")


# A numbered sub-heading typed without its mark (2优化法治教育阵地建设,深入推动八五普法工作。 after 1、深化…): a
# number glued to a verb that opens headings. A bare number that neither starts a list right under a heading nor
# follows an earlier number of its list is body text.
_BARE_NUMBER = re.compile(rf"(?P<n>\d{{1,2}})(?=(?:{HEADING_VERBS}))")
_LIST_NUMBER = re.compile(rf"(?P<n>\d{{1,2}})(?:[、.．]|{HEADING_VERBS})")  # an earlier number of its list, marked or bare


def _bare_number_heading(lines: list[str], i: int, stripped: str) -> tuple[int, str] | None:
    """(number, heading) of LINES[i] (STRIPPED) when it is a sub-heading whose mark was lost, else None."""
    match = _BARE_NUMBER.match(stripped)
    if not match:
        return None
    n = int(match.group("n"))
    above = [x.strip() for x in lines[max(0, i - 40):i] if x.strip()]
    if n == 1:
        fits = bool(above) and _starts_with_marker(above[-1])  # the list's first, right under its heading
    else:
        fits = any((m := _LIST_NUMBER.match(x)) and int(m.group("n")) < n for x in above)
    if not fits:
        return None
    return n, _clause_heading(match.group("n"), stripped[match.end():])


_LOST_PAREN_NUMBER = re.compile(rf"[)）](?=(?:{HEADING_VERBS}))")


def _clause_heading(prefix: str, rest: str) -> str:
    """PREFIX and the heading clause REST opens with (up to its clause's end; a long one's run-in part)."""
    end = CLAUSE_END.search(rest)
    clause = (rest[: end.start()] if end else rest).rstrip()
    if len(clause) > MAX_HEADING_CHARS:
        clause = _run_in(clause).rstrip()
    return prefix + clause


# A printed page broke inside a heading: its line, the page's number (— 3 —, -3-, 第3页 共5页), perhaps the
# running head the next page repeats, then the heading's last words, a short line with no clause mark or marker.
_HEADING_TAIL = re.compile(rf"^[{CJK}0-9０-９][^，,。；;：:！!？?、\s（(【]{{0,24}}$")
_NOT_A_TAIL = re.compile(r"(?:人民政府|办事处|委员会|办公室)$|^(?:附件|特此报告)|\d+月\d+日$")


def _heading_after_page_break(lines: list[str], i: int) -> str:
    """The last words of the heading on LINES[i] when a page break cut it, else ""."""
    rest = [x.strip() for x in lines[i + 1:i + 8] if x.strip()]
    if not rest or not is_page_number(rest[0]):
        return ""
    while rest and is_page_number(rest[0]):
        rest = rest[1:]
    if rest and is_running_head(rest[0], lines):
        rest = rest[1:]
    tail = rest[0] if rest else ""
    if (not _HEADING_TAIL.match(tail) or _NOT_A_TAIL.search(tail) or _starts_with_marker(tail)
            or len(lines[i].strip()) + len(tail) > MAX_HEADING_CHARS):
        return ""
    return tail


_BRACKETED_HEADING = re.compile(rf"【\s*[{CN_MARKER_DIGITS}]{{1,3}}\s*[、.．][^】\n]{{2,{MAX_HEADING_CHARS}}}】\s*$")


def _starts_with_marker(line: str) -> bool:
    return any(pattern.match(line) for _, _, pattern in _STYLES)


def _detect(text: str) -> list[_Heading]:
    """Accepted headings in document order, with level and parent fixed."""
    style_level: dict[str, int] = {}
    alias: dict[str, str] = {}  # style → style group whose sequence it continues
    last_child: dict[tuple[int | None, str], int] = {}
    stack: list[int] = []  # indices of open headings, shallow → deep
    out: list[_Heading] = []

    def parent_for(level: int) -> int | None:
        above = [j for j in stack if out[j].level < level]
        return above[-1] if above else None

    last_number: dict[str, int] = {}  # style group → its last accepted number, under any parent

    def plausible(parent: int | None, group: str, n: int, after_gap: bool) -> bool:
        last = last_child.get((parent, group))
        if after_gap:  # text left out: the list resumes at whatever number follows the gap
            return n >= 1 if last is None else n > last
        if last is None:  # a new list starts at 1, or numbering runs on across parents (（二）3.…)
            return n == 1 or n == last_number.get(group, -1) + 1
        return 0 <= n - last <= _MAX_STEP

    gap_seen = False  # text was left out above: a list first seen now may start at any number
    nested: dict[str, str] = {}  # style group → the list of the same style open one level below it
    candidates = _with_unwritten_first_part(
        text, _with_lost_part_heading(text, _with_unnumbered_parts(text, _candidates(text))))
    for start, style, n, heading, after_gap in candidates:
        gap_seen |= after_gap
        if out and heading == out[-1].heading and not text[out[-1].start + len(heading):start].strip(" \n。"):
            continue  # the page printed the heading twice (一、强化党的领导\n一、强化党的领导)
        group = alias.get(style, style)
        level = style_level.get(group)
        chosen: tuple[str, int] | None = None
        inner = nested.get(group)
        outer_goes_on = level is not None and plausible(parent_for(level), group, n, after_gap)
        # the outer list's next number naming a part (二、存在的不足) is the next part; its number repeated
        # (2、存在的问题\n1.…\n2.执法人员不足) is the inner list's next item
        outer_next_part = (outer_goes_on and _match_type(heading) is not None
                           and n != last_child.get((parent_for(level), group)))
        if (inner is not None and plausible(parent_for(style_level[inner]), inner, n, after_gap)
                and not outer_next_part):
            chosen = (inner, style_level[inner])
        elif (level is not None and n == 1 and _opens_same_style_list(text, out, group, start)
              and _match_type(heading) is None):
            # 一、主要举措和成效\n一、坚持党的领导…: a Word file numbered the part's sub-headings in the
            # part's own style; they are a list one level down (naming no part themselves), and the
            # part's 二、 still follows them.
            inner = nested[group] = f"{group}/{level + 1}"
            style_level[inner] = level + 1
            chosen = (inner, level + 1)
        elif outer_goes_on:
            chosen = (group, level)
            nested.pop(group, None)  # the part's own list goes on: the one below it is closed
        if chosen is None and n >= 10 and style in _SCRIPT_TWIN:
            # （9） → （十）: the twin script's open list continues (IMEs write 10 as 十).
            twin = alias.get(_SCRIPT_TWIN[style], _SCRIPT_TWIN[style])
            for j in reversed(stack):
                if out[j].style == twin and 0 <= n - out[j].number <= 2:
                    chosen = (twin, out[j].level)
                    if group not in style_level:
                        alias[style] = twin
                    break
        if chosen is None and level is None and _after_lost_first_part(text, style, n, out, heading):
            # （一）…（四） then 三、党政主要负责人…: a copy that begins inside part 一, at its sub-headings, lost
            # the part's own heading; they go one level down, under the part that is not there.
            for earlier in out:
                earlier.level += 1
            for g in style_level:
                style_level[g] += 1
            stack.clear()
            style_level[group] = 1
            chosen = (group, 1)
        if chosen is None and level is None and (n == 1 or gap_seen or _lost_first(text, style, n, stack, out, start)
                                                 or _begins_mid_report(text, style, n, out, start, heading)):
            # A style seen for the first time opens a new level below the innermost open
            # heading that can contain it (一、 never nests under （1）).
            while stack and _rank(out[stack[-1]].style) >= _RANK[style] and not _names_a_part(out[stack[-1]]):
                stack.pop()
            level = out[stack[-1]].level + 1 if stack else 1
            if n > 1:  # resumed after a gap: the parts above it were left out, not absent
                level = max(level, _USUAL_DEPTH.get(style, level))
            style_level[group] = level
            chosen = (group, level)
        if chosen is None:
            continue
        group, level = chosen
        parent = parent_for(level)
        while stack and out[stack[-1]].level >= level:
            stack.pop()
        last_child[(parent, group)] = last_number[group] = n
        out.append(_Heading(start, heading, group, n, level, parent))
        stack.append(len(out) - 1)
    if len(out) >= 2 and _cut_off(text, out[-2], out[-1]):
        out.pop()
    return out


# A report's title (…情况的报告, …工作总结), never a part's heading (a part may be …工作情况; 其他需要报告的情况 is
# the statutory part five).
_TITLE_WORDS = re.compile(r"(?<!需要)报告|总结")


# Where a report's parts lost their numbers (Word's automatic numbering is dropped by a copy), the
# part headings are short lines of their own that name a part: 主要举措和成效 / 存在的不足 / 下一步工作打算.
_MAX_UNNUMBERED_PART_CHARS = 60  # 2022年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况: 43


# The opening above a report's first part: a sentence, or the formula it ends with (…报告如下：), which a
# one-sentence opening may end with and no title does.
_OPENING_ABOVE = re.compile(r"。|如下\s*(?:[（(][^）)\n]{1,20}[）)])?\s*[:：]")  # (…报告如下（主要数据见附表）：)


# A summary card's line that ends in its figure (带头讲法治课　2次, 调解成功率　97.6%).
_CARD_VALUE = re.compile(r"\d\s*[^\d\s]{0,3}$")


def _with_unnumbered_parts(text: str, candidates):
    """CANDIDATES, with the short lines that name a statutory part added as top-level parts, in a
    report whose numbered headings hold no top-level part (一、 / 第一部分) and where such lines
    name at least two different parts, one of them the shortcomings or the plans."""
    candidates = list(candidates)
    if any(style in PART_STYLES for _, style, *_ in candidates):
        yield from candidates
        return
    taken = {start for start, *_ in candidates}
    opening = _OPENING_ABOVE.search(text)
    first_sentence_end = opening.start() if opening else -1
    cards = companion_alone(text)
    if cards:  # a card summary has no opening sentence: its part lines follow its title
        first_sentence_end = len(text.lstrip().split("\n", 1)[0]) + len(text) - len(text.lstrip())
    parts, marked, offset = [], [], 0
    for line in text.split("\n"):
        start, stripped = offset + len(line) - len(line.lstrip()), line.strip()
        offset += len(line) + 1
        if question := _INTERVIEW_QUESTION.match(stripped):  # an interview's question stands for its part
            if start not in taken and 0 <= first_sentence_end < start and (kind := _match_type(question["asked"])):
                parts.append((start, kind, stripped.rstrip("？?")))
            continue
        stripped = _without_label_colon(stripped)
        if (not stripped or start in taken or len(stripped) > _MAX_UNNUMBERED_PART_CHARS or CLAUSE_END.search(stripped)
                or _TITLE_WORDS.search(stripped) or not 0 <= first_sentence_end < start):
            continue  # a sentence, the title or a line above the opening
        if cards and (stripped[0] in PART_MARKS or _CARD_VALUE.search(stripped)):
            continue  # a card's point (●…) or its label and figure (…讲法治课　2次) is no part
        if (kind := _match_type(stripped)) is not None:
            parts.append((start, kind, stripped))
        elif stripped[0] in PART_MARKS:
            marked.append((start, None, stripped))
    kinds = {kind for _, kind, _ in parts}
    if len(kinds) < 2 or not kinds & {"shortcomings", "plans"}:
        yield from candidates
        return
    # ▲坚持“三个到位”，… beside ▲直面“三个不足”，…: the mark every named part's line begins with marks
    # the parts its words do not name (typed by their place)
    if len(marks := {line[0] for _, _, line in parts}) == 1 and (mark := marks.pop()) in PART_MARKS:
        parts = sorted(parts + [part for part in marked if part[2][0] == mark])
    added = [(start, "cn_dun", n, line, False) for n, (start, _, line) in enumerate(parts, 1)]
    yield from sorted(candidates + added, key=lambda candidate: candidate[0])


# An interview (记者：…？ 镇长：…) or a numbered 问答 (问题一：…？ 答：…): the questions, each on a line of its
# own, ask for the parts. A numbered question's label (问题一：, 问2：, 三问：, 第四问：) names no part: its
# 问题 asks, it is no problem.
_QUESTION_NUMBER = r"(?:[一二三四五六七八九十]{1,2}|\d{1,2})"
_NUMBERED_QUESTION = rf"(?:问题\s*{_QUESTION_NUMBER}|问\s*{_QUESTION_NUMBER}|{_QUESTION_NUMBER}\s*问|第{_QUESTION_NUMBER}问)"
_QUESTION_LABEL = re.compile(rf"^{_NUMBERED_QUESTION}\s*[：:]")
_INTERVIEW_QUESTION = re.compile(
    rf"^(?:记者|主持人|提问|问|{_NUMBERED_QUESTION})\s*[：:]\s*(?P<asked>[^\n]{{4,100}}?)[？?]$")


# A list bullet a page converted the part's 一、 into (- 坚持党的领导,把牢…方向; • …).
_BULLET = re.compile(r"^[-–•●◆■▪]\s*[^\s\-–]")


def _without_label_colon(line: str) -> str:
    """LINE without the colon a part's line may end with (存在的不足和原因：); a line with a comma before
    its colon (…取得了一定成效，但仍存在一些问题和不足：) or one that ends 如下： is a sentence, kept whole."""
    if _OPENING_ABOVE.search(line) or "，" in line or "," in line:
        return line
    return line.rstrip(":：").rstrip()


def _lost_part_line(text: str, start: int) -> tuple[int, str] | None:
    """(where it starts, the heading) of a line that names a part above the first sub-heading at START:
    right above it, or above the one paragraph that leads the part (主要举措和成效 / 2025年，宝城镇坚持…。 /
    （一）…), with the opening above it; None when there is none."""
    end = start
    for _ in range(2):
        above = text[:end].rstrip()
        line_start = above.rfind("\n") + 1
        raw = above[line_start:]
        line = _without_label_colon(raw.strip())
        if (line and line_start > 0 and len(line) <= MAX_HEADING_CHARS and not CLAUSE_END.search(line[-1])
                and not _TITLE_WORDS.search(line) and (_match_type(line) is not None or _BULLET.match(line))
                and _OPENING_ABOVE.search(text, 0, line_start)):  # the opening above it, not a title's lines
            return line_start + len(raw) - len(raw.lstrip()), line
        if line_start == 0 or not raw.rstrip().endswith(("。", "！", "？")):
            return None  # only a paragraph of sentences may stand between a part's line and its first sub-heading
        end = line_start
    return None


# The styles a part's first sub-heading is numbered in: （一）, or 1. / 1、 where a report has no （一）.
_FIRST_SUB_HEADING_STYLES = ("cn_paren", "ar_dun")


def _with_lost_part_heading(text: str, candidates):
    """CANDIDATES, with a part heading whose 一、 the page lost put before the first: a short line
    that names a part (2025年推进法治政府建设的主要举措和成效) or stands after a list bullet, above the
    first （一） (or 1.) of the text, with the opening above it (`_lost_part_line`)."""
    candidates = iter(candidates)
    first = next(candidates, None)
    if first is None:
        return
    start, style, n = first[:3]
    if style in _FIRST_SUB_HEADING_STYLES and n == 1 and (found := _lost_part_line(text, start)):
        line_start, line = found
        yield line_start, "cn_dun", 1, line, False
    yield first
    yield from candidates


# An opening above a report's first list: a sentence, or a line that introduces it (…主要做了以下工作：).
_INTRODUCED = re.compile(r"。|如下\s*[:：]|[:：]\s*$")


def _with_unwritten_first_part(text: str, candidates):
    """CANDIDATES, with an untitled first part (heading '') put at the first sub-heading of a report that
    never wrote its 一、: the opening runs into （一）… (or 1.…), and the first part heading is a 二、 that
    names a part (二、存在的问题), with only sub-headings above it, none naming a closing part. Without
    it the 二、 and 三、 would be taken for body lines, and the shortcomings and plans lost."""
    candidates = list(candidates)
    if not candidates or candidates[0][1] not in _FIRST_SUB_HEADING_STYLES or candidates[0][2] != 1:
        yield from candidates
        return
    first_start = candidates[0][0]
    for start, style, n, heading, after_gap in candidates:
        if after_gap:
            break
        if style in PART_STYLES:
            if n == 2 and _match_type(heading) is not None and _INTRODUCED.search(text[:first_start]):
                yield first_start, style, 1, "", False
            break
        if _match_type(heading) in _CLOSING_PARTS:
            break  # （四）存在的问题: the sub-headings are the parts themselves
    yield from candidates


def _names_a_part(heading: _Heading) -> bool:
    """True for a top-level heading that names a statutory part (1、主要举措和成效, (1)存在的问题): a part,
    whatever its numbering, so a style seen first below it (（一）…) is its sub-heading, not its sibling."""
    return heading.level == 1 and heading.style not in PART_STYLES and _match_type(heading.heading) is not None


def _rank(group: str) -> int:
    """How deep a heading style usually sits; a style's nested list (cn_dun/2) ranks as its style."""
    return _RANK.get(group.split("/")[0], 9)


def _opens_same_style_list(text: str, out: list[_Heading], group: str, start: int) -> bool:
    """True when a heading numbered one of GROUP's style (a part's: 一、, 第一部分), at START, follows right
    after the last heading, itself GROUP's number one, with nothing between them (一、主要举措\n一、坚持党的领导);
    or after any part that names itself in another style (2、存在的问题\n1.人员不足)."""
    if not out or out[-1].style != group:
        return False
    if not (group in PART_STYLES and out[-1].number == 1 or _names_a_part(out[-1])):
        # a part's only (一、; 1、主要举措和成效 and 2、存在的问题\n1.…, a list in the part's style under each part):
        # （一）X\n（一）Y further down is a number repeated, as ever
        return False
    return not text[out[-1].start + len(out[-1].heading):start].strip(" \n\u3000")


def _begins_mid_report(text: str, style: str, n: int, out: list[_Heading], start: int, heading: str) -> bool:
    """True for the first heading of a copy that begins at a later part (a report's second page:
    三、存在的问题 with at most a title and page lines above it, no sentence; a closing part after any
    text; or a copy that begins inside its first part, at （三）…): it opens a part the
    table knows, so the parts above it were left out, not absent. partial.py calls such a text
    partial."""
    if out or style not in PART_STYLES or not 2 <= n <= 9:
        return False
    kind = _match_type(heading)
    if ("。" in text[:start] and not _begins_mid_part(text[:start]) and kind not in _CLOSING_PARTS
            and not _EXCERPT_LEAD.search(text[:start].rstrip())):
        return False  # sentences above 二、推进依法行政: a body line, unless it opens a closing part
    return kind is not None


# The parts a report closes with. A copy that first shows one of these numbered past one (三、存在的
# 不足和原因) has lost the parts above it, whatever stands before it: a news item's lead-in (以下为报告
# 节选：) or the end of part 二 on a second page.
_CLOSING_PARTS = ("shortcomings", "plans")


# A news item's line that hands over to the report's own words (以下为报告部分内容摘编：, 下面是报告节选：):
# the part after it opens an excerpt, whichever part it is.
_EXCERPT_LEAD = re.compile(r"(?:以下|下面)(?:为|是)?[^。\n]{0,12}(?:报告|原文)[^。\n]{0,10}(?:节选|摘编|摘录|摘要|选登|内容)"
                           r"[^。\n]{0,4}[：:]$")
# A copy's mark that it starts inside a sentence (……牧区普法宣传。).
_CUT_START = re.compile(r"^\s*(?:…|\.\.\.|。。。)")
# A sub-heading numbered past one ((三)…, 3.…) as a text's first sentence line: the copy begins inside a part.
_LATER_SUB_HEADING = re.compile(rf"^\s*(?:[（(](?P<n>[{_CN}]{{1,3}})[)）]|(?P<d>\d{{1,2}})[.．、](?!\d))")


def _begins_mid_part(before: str) -> bool:
    """True when BEFORE (a text up to its first part heading) begins, at its first line or its first
    line with a sentence, with a sub-heading numbered past one: a copy that lost the start of its first
    part (（三）严格规范执法。… run in, or （三）严格规范执法 on a line of its own above its paragraph); or
    with an ellipsis (……牧区普法宣传。); or holds sub-headings none of which is numbered one."""
    lines = [line for line in before.split("\n") if line.strip()]
    firsts = [line for line in (lines[:1] + [next((line for line in lines if "。" in line), "")]) if line]
    for first in firsts:
        match = _LATER_SUB_HEADING.match(first)
        if match and marker_number(match.group("n") or match.group("d")) > 1:
            return True
    if firsts and _CUT_START.match(firsts[-1]):
        return True  # ……牧区普法宣传。: an excerpt that starts inside a sentence
    # …or sub-headings (（五）…（六）…) above the part with none numbered one: the copy starts past them
    numbers = [marker_number(m.group("n") or m.group("d")) for line in lines if (m := _LATER_SUB_HEADING.match(line))]
    return bool(numbers) and min(numbers) > 1


def _after_lost_first_part(text: str, style: str, n: int, out: list[_Heading], heading: str) -> bool:
    """True for a part heading numbered past one (二、存在的不足) after sub-headings only ((一)…(四), or 1.…),
    none of them a part's, at the very start of a text with no sentence above them, or with only the end of an
    earlier sub-part's list above them (3.加强…。\n4.加强…。\n（五）…\n1.…: `_begins_mid_part`): a copy that begins
    inside part 一 and lost its heading."""
    if not out or style not in PART_STYLES or not 2 <= n <= 9 or _match_type(heading) is None:
        return False
    if any(h.style in PART_STYLES or _names_a_part(h) for h in out) or out[0].number != 1:
        return False
    return "。" not in text[:out[0].start] or _begins_mid_part(text[:out[0].start])


def _lost_first(text: str, style: str, n: int, stack: list[int], out: list[_Heading], start: int) -> bool:
    """True for a （二） whose （一） lost its marker: the part it is under has one paragraph before it.

    Web pages drop a first marker with its formatting (一、工作情况\n强化组织领导，……\n（二）强化依法
    执政，……); a 1. or 二、 first seen at 2 is still taken for a body line."""
    if style != "cn_paren" or n != 2 or not stack or _rank(out[stack[-1]].style) >= _RANK[style]:
        return False
    parent = out[stack[-1]]
    between = text[parent.start + len(parent.heading):start]
    paragraphs = [line for line in between.split("\n") if line.strip()]
    if not paragraphs:
        return False  # 一、工作情况\n（二）…: nothing between them, so no （一） was there to lose
    if len(paragraphs) == 1:  # the lost heading ran into its body
        return len(paragraphs[0].strip()) > MAX_RUN_IN_CHARS
    label = paragraphs[0].strip()  # … or stands alone above it, a label without a sentence end
    return len(paragraphs) == 2 and len(label) <= MAX_RUN_IN_CHARS and not CLAUSE_END.search(label)


def _cut_off(text: str, previous: _Heading, last: _Heading) -> bool:
    """True when LAST, the final heading, is a fragment of a text cut short (…\n二、规范): nothing
    follows it, and it does not close a bare list of headings (a sibling just before it with no
    text of its own: （一）加强队伍建设\n（二）深化普法宣传). A last heading that already names a
    part other than the work (三、存在的问题, 二、压实第一责任人职责，) is kept: the reader learns where
    the copy stops, and which part it reached."""
    rest = text[last.start + len(last.heading):].rstrip()
    # A run-in heading whose clause is still running when the copy stops (3.贯彻落实《…规划》…，始终坚持把…同推进，
    # to the end of the text, no 。 after it): the heading was cut with its line, though only its head was taken.
    if rest and ("\n" in rest or CLAUSE_END.search(rest)):
        return False
    # (A copy cut at its byte limit mostly stops mid-word, …，提升政府运行效, rarely right after a noun a heading
    # closes on: …，持续推进法治化营商环境建设.)
    if _match_type(last.heading) not in (None, "measures") or HEADING_CLOSE.search(last.heading):
        return False
    bare_sibling = previous.level == last.level and not text[previous.start + len(previous.heading):last.start].strip(
        " \n。；;：:")
    return not bare_sibling


# ----------------------------------------------------------------------------- sections table

# A principal's 述法 report appended after the town's signed report (附：\n中共…委员会书记2023年度述法报告, 附件2：…述职述法报告;
# round 111): the title line of a document of its own, the principal's account of the duty, so a part of its own
# (leadership) and not more of the last part (the plans, whose figures are targets). Only after the report's signed
# date, so that a 述法 report's own title, above its text, stays its title.
_APPENDED_STATEMENT = re.compile(r"^[ \t\u3000]*(?P<heading>(?:附(?:件\s*\d{0,2})?\s*[:：]?[ \t\u3000]*\n?[ \t\u3000]*)?"
                                 r"[^\n，,。；;：:]{2,40}?(?:述职)?述法(?:工作)?报告)[ \t\u3000]*$", re.MULTILINE)
_SIGNED_DATE = re.compile(r"^[ \t\u3000]*" + DATE_AT_LINE_END, re.MULTILINE)  # (2024年1月15日, 二〇二四年一月十五日)


def _with_appended_statement(text: str, headings: list[_Heading]) -> list[_Heading]:
    """HEADINGS and, when a principal's 述法 report follows the signed report, its title as a part of its own."""
    if not headings or "述法" not in text[headings[-1].start:]:
        return headings
    last = headings[-1].start
    signed = _SIGNED_DATE.search(text, last)
    if signed is None:
        return headings
    appended = _APPENDED_STATEMENT.search(text, signed.end())
    if appended is None or _match_type(appended.group("heading")) != "leadership":
        return headings
    heading = re.sub(r"\s+", "", appended.group("heading"))
    return [*headings, _Heading(appended.start("heading"), heading, "appended", 1, 1, None)]


def _end_of(text: str, start: int, stop: int) -> int:
    """Trim trailing whitespace so a section's text does not end in blank lines."""
    return start + len(text[start:stop].rstrip())


def split_sections(text: str, *, doc_id: str = "",
                   unmapped: Literal["position", "other"] = "position") -> pd.DataFrame:
    """Sections table of one normalised report (columns `SECTION_COLUMNS`).

    One row per heading at every level, plus a preamble row ("0") for the text before the
    first heading. `text` is text[start:end] and includes the heading and all sub-sections;
    `heading` is the heading clause only (up to the first 。/；/：) when the section's text
    follows on the same line.

    A report without any numbered heading yields a single row (section_no "0", level 0 as
    the text before any heading, type 'other', empty heading): check it with `has_headings`.

    `mixed_with` names the other parts a top-level heading also announces ("measures" for
    存在的问题及下一步打算 → "plans"), ";"-separated; the row is typed by the words that come first.

    unmapped: how to type a top-level heading that no rule in section_types.csv matches.
      "position" (default): 'measures' when it comes before the first shortcomings/plans part
      (reports whose top parts are topics such as 一、强化组织领导 are listing their measures),
      'other' after it. "other": always 'other'. Either way `unmapped_headings` lists it.
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    rows: list[dict] = []
    # A whole page copy ends in links and a footer: the report ends before them, so its last part
    # does not take them in and a heading cut short just before them is still seen as cut.
    text = require_text(text, "split_sections")
    text = text[:report_end(text)]
    # A companion published above the report (a 解读 with its own 一、…三、, a 图解 block) heads no part of it:
    # blanked while the headings are found, offsets kept, so the parts are the report's own, below its title;
    # each row's text is still the report's (documents.text[start:end]).
    shown = text
    if start := report_start(text):
        text = re.sub(r"[^\n]", " ", text[:start]) + text[start:]
    if not text.strip():
        return pd.DataFrame(rows, columns=SECTION_COLUMNS)
    headings = _with_appended_statement(text, _detect(text))
    if not headings:
        logger.debug("no numbered headings in document %s", doc_id or "<unnamed>")
        return pd.DataFrame([{
            "doc_id": doc_id, "section_no": "0", "level": 0, "heading": "", "section_type": "other",
            "parent_section_no": None, "text": shown[: _end_of(text, 0, len(text))],
            "start": 0, "end": _end_of(text, 0, len(text)), "mixed_with": ""}], columns=SECTION_COLUMNS)

    if text[: headings[0].start].strip():
        end = _end_of(text, 0, headings[0].start)
        rows.append({"doc_id": doc_id, "section_no": "0", "level": 0, "heading": "",
                     "section_type": "preamble", "parent_section_no": None, "text": shown[:end],
                     "start": 0, "end": end, "mixed_with": ""})

    numbers: list[str] = []
    child_count: dict[int | None, int] = {}
    types: list[str] = []
    mixed: list[list[str]] = []  # the other types a part's heading names, for its sub-headings
    latest_year = 0  # the latest year a part's heading has named so far
    late_child: dict[int, str] = {}  # heading → the late part (shortcomings, plans) a sub-heading opened
    seen_late_part = False
    previous_part = ""  # the type of the last top-level part
    duties_as_work = _duties_as_work(headings)
    for i, h in enumerate(headings):
        child_count[h.parent] = child_count.get(h.parent, 0) + 1
        numbers.append(str(child_count[h.parent]) if h.parent is None
                       else f"{numbers[h.parent]}.{child_count[h.parent]}")
        stop = next((g.start for g in headings[i + 1:] if g.level <= h.level), len(text))
        end = _end_of(text, h.start, stop)
        matched, others = _heading_types(h.heading)
        if i in duties_as_work:
            matched = "measures"
        mixed_with = ""
        if h.parent is None:
            mixed_with = ";".join(others)
            if matched is None and unmapped == "position" and previous_part == "shortcomings":
                section_type = "plans"  # 三、正视差距… 四、锚定“三个提升”，奋力谱写…新篇章: what follows the faults
            elif matched is None:
                section_type = "measures" if unmapped == "position" and not seen_late_part else "other"
            else:
                section_type = matched
            if section_type in ("measures", "other") and _GOVERNMENT_DUTY_PART.search(
                    re.sub(r"\s+", "", _strip_marker(h.heading))):
                section_type = "leadership"  # 一、…，切实履行法治政府建设工作职责: the part on the duty
            years = [int(y) for y in _YEAR.findall(h.heading)]
            if (years and latest_year and min(years) > latest_year and section_type in ("measures", "other")
                    and not re.search(r"月|以来|至今", h.heading)):  # 2024年1-10月工作情况 is work done
                section_type = "plans"  # 一、2023年工作开展情况 … 三、2024年工作举措: next year's work
            latest_year = max([latest_year, *years])
            seen_late_part |= section_type in ("shortcomings", "plans")
            previous_part = section_type
        else:
            section_type = types[h.parent]
            if section_type == "measures" and matched == "leadership":
                section_type = "leadership"
            elif matched in ("shortcomings", "plans") and matched in mixed[h.parent]:
                # 二、存在的问题及下一步打算 → （二）下一步工作打算 opens the plans (not the 工作情况 of
                # 一、党政主要负责人履行…职责工作情况: that heading's measures are words, not a part)
                section_type = matched
            elif section_type in ("measures", "leadership", "other") and _PROBLEMS_PART.match(
                    re.sub(r"\s+", "", _strip_marker(h.heading))):
                # 一、工作开展情况 … （五）存在的问题: the part is inside the work's, but it is a part of
                # its own (a sub-heading's 补齐短板 or 解决问题 is work done, and does not match)
                section_type = late_child[h.parent] = "shortcomings"
            elif late_child.get(h.parent) and matched == "plans":
                section_type = late_child[h.parent] = "plans"  # … （六）下一步工作打算 after it
            elif section_type == "shortcomings" and matched == "plans" and _NEXT_STEPS.search(
                    re.sub(r"\s+", "", _strip_marker(h.heading))):
                section_type = "plans"  # 二、对照检视 → （二）整改方向: what is to be done about the faults
            elif section_type == "shortcomings" and matched == "other":
                section_type = "other"  # 四、存在的问题及整改情况 → （一）上年度问题整改情况: last year's, put right
        types.append(section_type)
        mixed.append(list(others) if h.parent is None else mixed[h.parent])
        rows.append({"doc_id": doc_id, "section_no": numbers[i], "level": h.level, "heading": h.heading,
                     "section_type": section_type,
                     "parent_section_no": None if h.parent is None else numbers[h.parent],
                     "text": shown[h.start:end], "start": h.start, "end": end, "mixed_with": mixed_with})
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)


# A part on the duty as such (一、履职情况, 履职尽责情况): the principal's account in a 述法 report (the
# leadership row of resources/section_types.csv that says so) ...
_DUTIES_ALONE = re.compile(r"^(?:本人|个人)?(?:履职|履行职责|履职尽责)(?:工作)?情况$")


def _duties_as_work(headings: list[_Heading]) -> set[int]:
    """The parts on the duty as such when another part is the principal's on rule of law (述法, 第一责任人
    职责): a joint 述职述责述廉述法 report, whose 一、履职尽责情况 is the work done (measures)."""
    parts = [(i, h.heading) for i, h in enumerate(headings) if h.parent is None]
    generic = {i for i, heading in parts if _DUTIES_ALONE.match(re.sub(r"\s+", "", _strip_marker(heading)))}
    principal = [i for i, heading in parts if i not in generic and _match_type(heading) == "leadership"]
    return generic if principal else set()


def has_headings(sections: pd.DataFrame) -> pd.Series:
    """Per doc_id: True when `split_sections` found at least one numbered heading.

    A False is worth a build-log warning: the whole report became one 'other' section.
    """
    found = sections["heading"].fillna("").str.strip().ne("")
    return found.groupby(sections["doc_id"], sort=False).any().rename("has_headings")


def found_headings(sections: pd.DataFrame) -> bool:
    """True when any row of SECTIONS (one report's) has a numbered heading: `has_headings` for a
    single report, without a groupby (the parse stage asks it of every report)."""
    return any(isinstance(h, str) and h.strip() for h in sections["heading"].tolist())


def _unmapped_positions(sections: pd.DataFrame) -> list[int]:
    # Plain lists: this runs once per report, where pandas masks cost more than the matching.
    columns = (sections[c].tolist() for c in ("parent_section_no", "level", "heading"))
    return [i for i, (parent, level, heading) in enumerate(zip(*columns))
            if pd.isna(parent) and level > 0 and not pd.isna(heading) and heading != ""
            and _match_type(heading) is None]


def unmapped_headings(sections: pd.DataFrame) -> pd.DataFrame:
    """Top-level headings whose wording matches no rule in section_types.csv.

    Columns doc_id, section_no, heading, section_type (the type it was given anyway). Add a
    row to resources/section_types.csv to map such a variant.
    """
    keep = _unmapped_positions(sections)
    return sections[["doc_id", "section_no", "heading", "section_type"]].iloc[keep].reset_index(drop=True)


def unmapped_heading_list(sections: pd.DataFrame) -> list[tuple[str, str]]:
    """(heading, section_type) of `unmapped_headings`, as a list (no table made for the usual none)."""
    headings, types = sections["heading"].tolist(), sections["section_type"].tolist()
    return [(headings[i], types[i]) for i in _unmapped_positions(sections)]


# ----------------------------------------------------------------------------- completeness

def completeness(sections: pd.DataFrame) -> pd.DataFrame:
    """One row per document: which of the five statutory parts it has, and how many.

    A part counts when any section (at any level, so a leadership sub-heading inside the
    measures part counts) has its type. Nothing is inferred: a report cut off before its
    shortcomings part has shortcomings False, and `other` is True only when a section is
    really typed other (a report with just the four main parts has other False; a report
    without headings is one 'other' section and so has other True, n_parts 1).
    """
    by_doc = sections["doc_id"]
    out = pd.DataFrame({part: sections["section_type"].eq(part).groupby(by_doc, sort=False).any()
                        for part in PART_TYPES})
    out = out.rename_axis("doc_id").reset_index()
    out["n_parts"] = out[list(PART_TYPES)].sum(axis=1).astype(int)
    return out[["doc_id", "measures", "shortcomings", "leadership", "plans", "other", "n_parts"]]
