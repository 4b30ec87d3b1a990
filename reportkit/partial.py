"""Is a report whole, and is it new? Partial texts (page openings, copies cut short) and why;
the same report saved twice (a .docx and a .txt, UTF-8 and GBK).

Analysts save what a page shows: often only its opening, or a copy that breaks off. Counted as
whole reports, such texts lack their later parts (completeness marks them 缺), their missing
shortcomings lower the share of reports naming a theme, and their few figures move the density
line. `partial_reasons` says, for one report, what shows it is not whole; `short_for_kind` adds
the corpus-wide reason (far shorter than the other reports of its level). A report with any
reason has `is_partial` True and is left out of the denominators of completeness, themes and
density trends (the charts say how many were left out).

>>> partial_reasons("一、主要举措\\n开展普法宣传活动12场……（以下省略）")
['elision marker']

`same_reports` finds files whose texts are the same report: identical Chinese text, nearly so
(a Word copy keeps a table the .txt lost), or a part of it (a page copy beside the whole report),
so a report is counted once whatever its format and however many copies an analyst saved.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from .anchored import AnchoredPattern
from .chinese import (ANNOUNCES_BODY, CJK, CJK_CHAR, CN_MARKER_DIGITS, DATE_AT_LINE_END, FINANCIAL_NUMERALS, HEADING_LINE,
                      MARKER_STYLES, MORE_LINK, PART_MARKS, PART_STYLES, PLANS_PARAGRAPH, SHI_MARKER, SIGNATURE_NAME, annex_start, marker_number)
from .pagechrome import companion_alone, report_end
from .unwrap import is_page_footer

# Where a copy says it left text out: （开头部分已省略650字）, (略), 此处省略, [以下省略].
_ELISION = AnchoredPattern(re.compile(r"已省略|以下省略|此处省略|省略\s*\d+\s*字|[（(]\s*略\s*[)）]|[（(]\s*未完\s*[)）]|未完待续"
                      r"|此处有?删节|[（(【\[]\s*有?删节\s*[)）】\]]"  # （此处有删节） / （有删节）
                      # （中间部分略） / （下略） / （内容略）, not a bracket that ends in 战略 or 策略
                      r"|[（(][^（）()\n]{0,8}(?<![战策方谋韬攻侵粗简忽领约大经省])略\s*[)）]"))
# The end of a text cut by a page or a viewer: … / ... / …… with nothing after it.
_CUT_END = re.compile(r"(?:…|\.\.\.|。。。)\s*$")
_MORE_LINK_SPAN = 120  # how near the end a MORE_LINK says the text goes on elsewhere
# The list of attachments after a report's signature (附件：1.2022年度行政执法统计表 2.…台账), near the end.
_ATTACHMENTS = re.compile(r"\n\s*附\s*(?:件|表)\s*\d*\s*[：:]")
_ATTACHMENTS_SPAN = 300
# What a whole report without numbered parts says before it ends: its plans (下一步，我镇将… /
# 2024年，我县将…). A text with no heading, no signature and none of this is an opening.
_PLANS_SAID = re.compile(r"下一步|下步|下一阶段|明年|来年|今后|(?:19|20)\d{2}\s*年[，,]?\s*(?:我|全)?[镇乡县区市旗]?将|"
                         r"(?:街道|苏木)将|我[镇乡县区市旗]将|将(?:继续|进一步|持续|着力|重点|坚持)")
# How whole reports end: a signature with a date, or sentence-final punctuation.
_CLOSING_DATE = re.compile(DATE_AT_LINE_END)
_SENTENCE_END = tuple("。！？!?”」』）)")
# … and a line that stops on a comma goes on, however short (四、2022年工作计划 / 2022年，: a copy cut there), as does
# an item's sentence with a comma inside (一是落实“九五”普法规划，开展“法: a whole report's ends with its stop; not any
# line with a comma, which may be a page's chrome after the report: 返回搜狐，查看更多).
_CLAUSE_GOES_ON = tuple("，,、")
# A page that shows only a report's title (and a link to it as an attachment: 附件：…报告.pdf) has no
# sentence and no numbered heading at all; a whole report, however short, has some. Past this many
# Chinese characters a text without one is a report that lost its punctuation, not a title.
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")
_TITLE_ONLY_CHARS = 300
# The markers of a report's parts (一、 / 第一部分): a text whose first part is numbered past one begins later.
_PART_MARKERS = [pattern for style, _, pattern in MARKER_STYLES if style in PART_STYLES]
# Fraction of the median length of complete reports of the same level below which a report is
# "far shorter than reports of its kind"; and the fewest complete reports that median needs.
SHORT_SHARE = 0.3
MIN_REPORTS_FOR_MEDIAN = 5
SHORT_FOR_KIND = "far shorter than reports of its kind"
# Texts this similar (Jaccard of their 4-character shingles, Chinese characters only) are one report;
# a text this share of whose shingles stand in a longer one of the same town and year is a part of it.
SAME_REPORT_SIMILARITY = 0.9
_SHINGLE = 4
# What is compared between two files: Chinese characters and digits (a report reissued with only
# its year and figures changed is another year's report, not the same one).
_NOT_COMPARED = re.compile(f"[^{CJK}0-9]+")


def partial_reasons(text: str, sections: pd.DataFrame | None = None) -> list[str]:
    """Why TEXT (one normalised report) is not a whole report; [] when nothing says so.

    Reasons: "elision marker" (已省略, 以下省略, （略）, or a link to the rest near the end: 点击查看全文);
    "no report text" (a title, perhaps with a link to the report as an attachment, and not one sentence);
    "cut off" (the text ends with …, in the middle of a sentence, on a heading after a paragraph, or
    on the sentence that announces the report: 现将有关情况报告如下。); "no closing part" (SECTIONS
    has headings but neither a plans part nor a dated signature at the end: whole reports end with
    next year's plans or are signed; a text with no numbered heading, no signature and no word of
    plans at all is an opening too); "no opening part" (SECTIONS begins at a later part: a copy of
    a report's second page, 三、存在的问题 with no 一、 before it, or a text whose first line is a later item
    of a list, （四）… or 六是…); "part missing" (the parts' numbers skip one: 一、 then 三、); "summary
    only" (a 一图读懂 card page or a 解读 saved without its report).
    """
    reasons = []
    tail = text[:report_end(text)].rstrip()  # what a whole page copy has after the report is not its end
    if attachments := _ATTACHMENTS.search(tail, max(0, len(tail) - _ATTACHMENTS_SPAN)):
        tail = tail[:attachments.start()].rstrip()  # 附件：1.…统计表 2.…台账 follow the signature
    if (annex := annex_start(tail)) is not None:
        tail = tail[:annex].rstrip()  # an annex (a table of the year's figures) after the signed date
    if _ELISION.search(text) or MORE_LINK.search(text[-_MORE_LINK_SPAN:]):
        reasons.append("elision marker")
    if companion_alone(text):
        reasons.append("summary only")  # 一图读懂 or 解读 saved alone: the report it sums up is elsewhere
    if (not _SENTENCE_MARK.search(text) and len(CJK_CHAR.findall(text)) < _TITLE_ONLY_CHARS
            and not any(HEADING_LINE.match(line.strip()) for line in text.split("\n"))):
        reasons.append("no report text")
    lines = [line.strip() for line in tail.split("\n") if line.strip()]
    while len(lines) > 1 and lines[-1].startswith("|") and lines[-1].endswith("|"):
        lines.pop()  # a table's rows are no sentence to be cut (a template's 填报人 | 联系电话 row ends it)
    while len(lines) > 1 and is_page_footer(lines[-1]):
        lines.pop()  # the last page's number, or its running head and number on one line (…工作报告　第 3 页 共 3 页)
    last_line = lines[-1] if lines else ""
    mid_sentence = (last_line and not last_line.endswith(_SENTENCE_END) and not _CLOSING_DATE.search(last_line)
                    and (len(last_line) > 30 or last_line.endswith(_CLAUSE_GOES_ON)
                         or SHI_MARKER.match(last_line) and any(mark in last_line for mark in _CLAUSE_GOES_ON[:2])))
    if _CUT_END.search(tail) or ANNOUNCES_BODY.search(last_line) or mid_sentence:
        reasons.append("cut off")
    elif (len(lines) >= 2 and HEADING_LINE.match(last_line) and not last_line.endswith(_SENTENCE_END)
          and lines[-2].endswith(_SENTENCE_END) and not _CLOSING_DATE.search(last_line)):
        # A report does not end on a heading after a paragraph (…规范执法行为。\n（三）加强执法人员培);
        # a list of bare headings may (（一）加强学习\n（二）强化队伍), and a last item that its signature
        # and date ran into (4、…法治环境。 松江区广富林街道办事处2026年1月16日: a flat copy's PDF) ends it.
        reasons.append("cut off")
    if sections is not None and len(sections):
        # a part that names plans with another (二、存在的问题及下一步打算) closes the report too
        mixed = sections["mixed_with"].tolist() if "mixed_with" in sections else []
        types = set(sections["section_type"].tolist()) | {t for m in mixed if not pd.isna(m) for t in str(m).split(";") if t}
        # Plain lists: pandas row selections (.loc), masks and comparisons cost more than the rest of this
        # function (a level unknown is no heading, as pandas' comparisons read it)
        levels = [None if pd.isna(level) else level for level in sections["level"].tolist()]
        numbered = [level is not None and level > 0 for level in levels]
        parts = [level is not None and level == 1 for level in levels]
        headings = sections["heading"].tolist()
        has_headings = any(numbered)
        signed = bool(_CLOSING_DATE.search(tail[-60:]))
        # (the plans' paragraph may stand above a signature with no date: 下一步，千斤乡将…\n新县千斤乡人民政府)
        closing = lines[-2] if len(lines) > 1 and SIGNATURE_NAME.match(last_line) else last_line
        if has_headings and "plans" not in types and not signed and not PLANS_PARAGRAPH.match(closing):
            reasons.append("no closing part")
        elif not has_headings and not signed and _SENTENCE_MARK.search(tail) and not _PLANS_SAID.search(tail):
            reasons.append("no closing part")  # a page's opening paragraphs (一是…二是…), cut at a sentence's end
        first = numbered.index(True) if has_headings else 0
        if has_headings and (_numbered_past_one(headings[first]) or levels[first] > 1 and _numbered_past_one(
                next((h for h, part in zip(headings, parts) if part), ""))):
            reasons.append("no opening part")  # … or it begins below its first part, at (一)…, then 二、
        if _skips_a_part([h for h, part in zip(headings, parts) if part]):
            reasons.append("part missing")
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if "no opening part" not in reasons and _begins_mid_list(first_line):
        reasons.append("no opening part")  # the text's first line is a later item of a list: （四）…, (5)…, 六是…
    return reasons


# A later item of a list, as a copy's first line (a PDF's second page saved alone, begun at （四）预防化解…, （5）…
# or 六是…: the cut copies of written rounds 109 and 110, and five beginnings `tests/test_cut_copies.py` had listed as
# whole-looking): a whole report opens with its title, its opening or its first item, never at a later item of a
# list, whatever its parts are numbered with (【…】 labels, 1., or none).
_LIST_ITEM_START = re.compile(rf"^(?:[（(]\s*(?P<n>[{CN_MARKER_DIGITS}]{{1,2}}|\d{{1,2}})\s*[）)]"
                              rf"|(?P<shi>[{CN_MARKER_DIGITS}]{{1,2}})是[，,：:]?(?=[\u4e00-\u9fff])"
                              rf"|(?P<dot>\d{{1,2}})\s*[、.．](?!\d))")


def _begins_mid_list(first_line: str) -> bool:
    """Does FIRST_LINE open with the 2nd to 19th item of a list (`_LIST_ITEM_START`, numbered as `marker_number` reads)?"""
    match = _LIST_ITEM_START.match(first_line)
    return bool(match) and 2 <= marker_number(match["n"] or match["shi"] or match["dot"]) <= 19


def _part_number(heading: str) -> int | None:
    """The number of a part heading (三、存在的问题 → 3, 第二部分… → 2, and so 【二、…】 and 叁、… as some reports
    number their parts, ▌三、… as pages mark them); None for other headings."""
    heading = heading.strip().lstrip(PART_MARKS).lstrip()  # ▍二、… as a page marks its parts
    # (【二、…】: the whole heading in brackets, its marker after the 【; 【二】… is a marker of its own)
    starts = (0, 1) if heading.startswith("【") and heading.endswith("】") else (0,)
    for start in starts:
        numbered = heading[start:start + 2].translate(_FINANCIAL_NUMERALS) + heading[start + 2:]
        for pattern in _PART_MARKERS:
            if match := pattern.match(numbered):
                return marker_number(match.group("n"))
    if match := _OTHER_PART_NUMBER.match(heading):  # Ⅱ、… / III. … / 2️⃣ …
        if match["keycap"]:
            return int(match["keycap"])
        return _ROMAN_VALUES.index(match["roman"]) % 10 + 1 if match["roman"] in _ROMAN_VALUES else None
    return None


# Parts numbered in Roman numerals (Ⅱ、, II.) or keycap digits (2️⃣), as some pages number them.
_ROMAN_VALUES = [*"ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_OTHER_PART_NUMBER = re.compile(r"(?P<roman>[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|X|IX|VI{0,3}|IV|I{1,3})\s*[.．、]"
                                r"|(?P<keycap>[1-9])\ufe0f?\u20e3")


# The financial forms of the numerals (壹、贰、叁、), which some reports number their parts with.
_FINANCIAL_NUMERALS = str.maketrans(FINANCIAL_NUMERALS, CN_MARKER_DIGITS)


def _skips_a_part(headings: Iterable[str]) -> bool:
    """True when the parts' numbers skip one (一、… then 三、…): a page the copy lost. Real reports
    misnumber by repeating a number (一、二、二、三、), not by skipping one; among the development
    set's 601 pages, none skips."""
    numbers = [n for n in map(_part_number, headings) if n is not None]
    return any(later - earlier >= 2 for earlier, later in zip(numbers, numbers[1:]))


def _numbered_past_one(heading: str) -> bool:
    """True for a part heading numbered past one (三、存在的问题, 第二部分…)."""
    return (_part_number(heading) or 0) > 1


def short_for_kind(documents: pd.DataFrame) -> pd.Series:
    """True for reports far shorter than the complete reports of their level (township, county).

    DOCUMENTS needs `level`, `n_chars` and `partial_reason` (the per-report reasons, "" when none).
    A level with fewer than MIN_REPORTS_FOR_MEDIAN complete reports has no reference length, and
    none of its reports is called short.
    """
    complete = documents["partial_reason"].fillna("").eq("")
    medians = documents[complete].groupby("level")["n_chars"].agg(["median", "size"])
    reference = medians["median"].where(medians["size"] >= MIN_REPORTS_FOR_MEDIAN)
    limit = documents["level"].map(reference) * SHORT_SHARE
    return (documents["n_chars"] < limit).fillna(False).astype(bool)


def compared_text(text: str) -> str:
    """What `same_reports` compares of a text: its Chinese characters and digits."""
    return _NOT_COMPARED.sub("", text)


def _fuller(shingles: int, length: int, their_shingles: int, their_length: int) -> bool:
    """Whether a copy is fuller than a near-identical one: more distinct shingles than the few a text
    joined to itself adds at the seam (a report pasted twice is no fuller), or as many and shorter."""
    if abs(shingles - their_shingles) >= _SHINGLE:
        return shingles > their_shingles
    return length < their_length


def _shingles(chinese: str) -> set[str]:
    return {chinese[i:i + _SHINGLE] for i in range(max(1, len(chinese) - _SHINGLE + 1))}


def whose_of(town: str, year, county: str = "") -> str:
    """Whose report a text is, as `same_reports` reads it: "town year", then " county" when known;
    "" when the town or the year is unknown (near copies of unknown reports stay apart)."""
    if not (town and year):
        return ""
    return " ".join(filter(None, (str(town), str(year), str(county or ""))))


def town_year_of(whose: str) -> str:
    """The "town year" of a WHOSE (`whose_of`): a copy may lack the county its whole report names."""
    return " ".join(whose.split(" ")[:2])


class Copy(NamedTuple):
    """A file whose report is kept from another file (`same_reports`)."""
    kept: str  # the file the report is counted from
    similarity: float  # Jaccard of the two texts' shingles; for a part, the share of its shingles in KEPT
    part: bool = False  # True: a part of KEPT's text (a page copy, a copy cut short), not all of it


def same_reports(texts: list[tuple[str, str, str]], *,
                 threshold: float = SAME_REPORT_SIMILARITY) -> dict[str, Copy]:
    """Files whose text is a report met in another file of TEXTS ((file, normalised text, whose),
    in order): {file: Copy(kept file, similarity, part)}. WHOSE (`whose_of`) is "town year", then
    " county" when it is known: two texts are of the same town only when their counties do not differ (a
    page copy may not show the county its whole report names; 青松镇 of two counties are two towns).

    Only the Chinese characters and digits are compared (punctuation, spacing and line breaks
    differ between formats). Identical ones are one report, the first file kept. Near-identical ones
    (a Word copy keeps a table the .txt lost: it is kept; a text pasted twice is not fuller: the
    shorter is kept) are one report only when WHOSE — the town and year
    inferred for them — is the same and known: another town's report that copies this one is reuse,
    not a duplicate. So is a text nearly all of whose shingles stand in a fuller text of the same
    town and year (more distinct shingles): a part of that report (a page copy, a copy cut short).
    The fuller is kept, whichever comes first, so that a town's year is counted once and whole.

    >>> same_reports([("a.txt", "一、主要举措。开展普法宣传。", "甲镇 2023"), ("a.docx", "一、主要举措\\n开展普法宣传", "")])
    {'a.docx': Copy(kept='a.txt', similarity=1.0, part=False)}
    """
    found: dict[str, Copy] = {}
    exact: dict[str, str] = {}
    # town year → (file, county, shingles, length)
    kept_of: dict[str, list[tuple[str, str, set[str], int]]] = defaultdict(list)
    for file, text, whose in texts:
        chinese = compared_text(text)
        if not chinese:
            continue
        if chinese in exact:
            found[file] = Copy(exact[chinese], 1.0)
            continue
        exact[chinese] = file
        if not whose:
            continue
        town_year = town_year_of(whose)
        county = whose[len(town_year):].strip()
        mine = _shingles(chinese)
        group, absorbed = kept_of[town_year], []  # the files kept so far that are parts of this one
        for first, their_county, theirs, their_length in group:
            if county and their_county and county != their_county:
                continue
            shared, smaller = len(mine & theirs), min(len(mine), len(theirs))
            if shared < threshold * smaller:
                continue
            jaccard = shared / len(mine | theirs)
            if jaccard >= threshold:  # near-identical: the same report, the fuller kept, else the shorter
                # (a text pasted twice, or repeated until cut, is no fuller), else the first file
                if not _fuller(len(mine), len(chinese), len(theirs), their_length):
                    found[file] = Copy(first, jaccard)
                    break
                found[first] = Copy(file, jaccard)
                absorbed.append(first)
                continue
            # the text with fewer distinct shingles is a part of the other (a text repeated is no longer)
            if len(mine) <= len(theirs):
                found[file] = Copy(first, shared / smaller, part=True)
                break
            found[first] = Copy(file, shared / smaller, part=True)  # this one, the more complete, is kept instead
            absorbed.append(first)
        group[:] = [kept for kept in group if kept[0] not in absorbed]
        if file not in found:
            group.append((file, county, mine, len(chinese)))
    for file, copy in found.items():  # a copy of a file that turned out to be a part: of the file kept
        while copy.kept in found:
            copy = copy._replace(kept=found[copy.kept].kept)
        found[file] = copy
    return found
