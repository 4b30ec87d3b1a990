"""Numeric indicators: every number that measures the town's own work, and data density.

`extract_indicators` finds "number + unit" pairs in the normalised text of one report
(``开展普法宣传活动17场次``, ``调解成功率100%``, ``近3万人``, ``十余场``, ``12.5万元``),
keeps the approximation words around them (余/多/近/约/以上/共/累计/全年 ...) in
``qualifier`` and names what is counted in ``subject``. What is *not* a measure is left
out on purpose: years and dates (no date word is a unit), document numbers, heading
numbering, ordinals (第一), numbers inside quotes or book titles (“三官一律”, 《…》),
named slogans (八五普法, 最多跑一次; ``resources/indicator_exclusions.csv``), a bare
一 (一名法律顾问, 一次: an article, not a count) and per-unit rules after 每/均
(每个村落实网格员1名).

Qualifiers are recorded as written but folded to one name (共计/总共/共有/合计 → 共,
将近/接近 → 近, 大约 → 约, 超过 → 超), several joined by ";" in reading order
(``累计;余``). 达/达到 is not a qualifier: "满意率达到98.6%" is an exact figure (as in
the seed gold).

Chinese numerals are converted only inside the matched span by `chinese_to_number`;
a converter is never run over whole sentences (that turns 一是 into 1是).

Units, exclusions and the category taxonomy are plain CSV files in
``reportkit/resources/`` that an analyst can edit.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from . import resources, schema
from .chinese import (CJK, CN_BIG, CN_DIGITS, CN_MARKER_DIGITS, CN_NUMERAL_CHARS, CN_SMALL, GENERIC_CLASSIFIER,
                      HEADING_LINE_AR, HEADING_LINE_CN, SELF_AGENT, chinese_to_number)

logger = logging.getLogger(__name__)

COLUMNS = schema.table("indicators").names
DENSITY_COLUMNS = schema.table("density").names

# Chinese numerals (reportkit.chinese), re-exported: `chinese_to_number` is part of this module's API.
_CN_DIGIT, _CN_SMALL, _CN_BIG, _CN_CHARS = CN_DIGITS, CN_SMALL, CN_BIG, CN_NUMERAL_CHARS
# Kinds of unit (indicator_units.csv) that count occurrences, points or rates: such a unit never
# counts the noun after it (开展|17场|法治宣讲活动: the 活动 are not what 17 counts).
VERBAL_KINDS = frozenset({"event", "times", "point", "percent"})


# --------------------------------------------------------------------------- resources
@dataclass(frozen=True)
class _Unit:
    unit: str
    kind: str
    not_followed_by: str
    in_place_names: bool  # a Chinese numeral + this unit + a place suffix is a name (三台县, 八所镇)


def load_units() -> pd.DataFrame:
    """The unit table (``resources/indicator_units.csv``): unit, kind, traditional, not_followed_by,
    in_place_names, note."""
    return resources.indicator_units()


def load_categories() -> pd.DataFrame:
    """The category taxonomy (``resources/indicator_categories.csv``): category, label_zh, keywords, units."""
    return resources.indicator_categories()


@lru_cache(maxsize=1)
def _unit_index() -> dict[str, _Unit]:
    """Written form (simplified or Traditional) → unit record with the simplified name."""
    index: dict[str, _Unit] = {}
    for row in load_units().itertuples():
        record = _Unit(row.unit, row.kind, row.not_followed_by, row.in_place_names.strip() == "yes")
        for form in [row.unit, *filter(None, row.traditional.split("|"))]:
            index[form] = record
    return index


@lru_cache(maxsize=1)
def _case_units() -> frozenset[str]:
    """Units of cases (件, 起, …) and the general classifier 个, which counts cases too."""
    return resources.units_of_kind("case") | {GENERIC_CLASSIFIER}


# Bounded comma groups and a numeral run that starts only where a run starts: a search that
# fails inside a very long run of digits or numerals then costs linear, not quadratic, time
# (a failed match at run start implies no match starts inside the run).
_ARABIC = r"\d{1,3}(?:,\d{3}){1,7}(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_NUM = f"(?<![{_CN_CHARS}])[{_CN_CHARS}]+"


@lru_cache(maxsize=1)
def _number_regex() -> re.Pattern:
    forms = sorted(_unit_index(), key=len, reverse=True)  # 场次 before 场, 人次 before 人
    units = "|".join(re.escape(f) for f in forms)
    return re.compile(
        rf"百分之\s?(?P<pct>{_ARABIC}|{_CN_NUM})"
        rf"|(?P<num>(?<![\d.A-Za-z])(?:{_ARABIC})(?![A-Za-z])|{_CN_NUM})"
        rf"(?:\s?(?P<mag>[十百千万亿萬億]))?\s?(?P<approx>余|多|餘)?(?P<mag2>[万亿萬億])?"
        rf"\s?(?P<unit>{units})(?P<post>以上|左右)?"
    )


# --------------------------------------------------------------------------- text structure
_BOUNDARY = "，,；;。！？!?：:\n、（(）)"
_SENTENCE_END = "。！？!?；;\n"
_QUOTES = {"“": "”", "《": "》", "〔": "〕", "「": "」", "『": "』", "‘": "’", "【": "】", "〈": "〉"}
_MAX_QUOTE = {"《": 80}  # titles may be long; quoted names are short

_HEADING_12, _HEADING_3 = HEADING_LINE_CN, HEADING_LINE_AR
_HEADING_MAX = 40  # an inline heading (（二）加强能力培训，提升法治素质。body…) is short


def _protected_ranges(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are names, not measures: quotes, titles, headings, slogans."""
    ranges: list[tuple[int, int]] = []
    for opening, closing in _QUOTES.items():
        limit = _MAX_QUOTE.get(opening, 25)
        for m in re.finditer(re.escape(opening) + f"[^{re.escape(closing)}\n]{{0,{limit}}}" + re.escape(closing), text):
            ranges.append(m.span())
    for m in re.finditer(r'"[^"\n]{0,25}"', text):  # ASCII quotes pair within a line
        ranges.append(m.span())
    for pattern in resources.indicator_exclusions():
        ranges.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    ranges.extend(heading_ranges(text))
    return ranges


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of heading text found cheaply by its numbering (一、 （一） (1) 1、 第一，).

    A 一、/（一） line is a heading up to its first 。/： when that is short, or as a
    whole when it is a short line without a full stop; a 1、/(1) line only when it is a
    short title line (such items often open with a real figure: ``1.发放资料3000份。``).
    """
    ranges = []
    offset = 0
    for line in text.split("\n"):
        stripped_end = len(line.rstrip())
        m12, m3 = _HEADING_12.match(line), _HEADING_3.match(line)
        if m12:
            stop = re.search(r"[。：:]", line[m12.end():])
            if stop and m12.end() + stop.end() <= _HEADING_MAX:
                ranges.append((offset, offset + m12.end() + stop.end()))
            elif "。" not in line.rstrip("。") and stripped_end <= 60:
                ranges.append((offset, offset + stripped_end))
            else:
                ranges.append((offset, offset + m12.end()))
        elif m3:
            if stripped_end <= _HEADING_MAX and not line.rstrip().endswith("。") and "。" not in line:
                ranges.append((offset, offset + stripped_end))
            else:
                ranges.append((offset, offset + m3.end()))
        offset += len(line) + 1
    return ranges


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in ranges)


# --------------------------------------------------------------------------- qualifiers & subjects
_PREFIX_QUAL = re.compile(r"(将近|接近|近|大约|约|超过|超|逾|不少于|不低于|不超过)\s?$")
_PREFIX_QUAL_NAME = {"将近": "近", "接近": "近", "大约": "约", "超过": "超"}
_VAGUE = re.compile(r"(?:数|几|上|成)\s?$")  # 数百人, 上千人: no number given
_CLAUSE_QUAL = re.compile(
    r"累计|共计|总共|共有|合计|总计|全年|(?<![公中总])共(?![同享建治产性识赢青担商和])"
)
_CLAUSE_QUAL_NAME = {"共计": "共", "总共": "共", "共有": "共", "合计": "共", "总计": "共"}
_DISTRIBUTIVE = re.compile(r"每|均|各(?:配|设|有|落实|安排|明确)")

_LEAD_TRIM = re.compile(
    r"(?:\s+|(?:截至|截止至|截止到|截止)\s*(?:目前|今年|年底|年末|(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?)"
    r"|\d{4}\s*年(?:度)?(?:以来)?|\d{1,2}\s*月(?:份)?(?:底|末|初|以来)?"
    r"|(?:今年|本年度?|年内|当年|去年|上半年|下半年|一年来|年初以来|全年|目前|至今|以来|期间)"
    rf"|{SELF_AGENT}|[镇乡街]?(?:党委政府|党委|人民政府|政府)"
    r"|(?:并|同时|其中|另外|此外|以及|还|又|先后|在此基础上)[，,]?|(?:和|与|及)(?=\s?\d)"
    rf"|\d{{1,2}}\s*[、.．](?!\d)|[{CN_MARKER_DIGITS}]+是)"
)
_LIGHT_VERB = re.compile(
    r"^(?:组织开展|组织|开展|举办|举行|召开|发放|印发|散发|分发|派发|张贴|悬挂|推送|发布|制作|"
    r"设置|设立|配备|聘请|接受|解答|解决|完成|进行|实施|新增|累计|共计|总共|共有|共|先后|全年|"
    r"有|了|各类|各种|其他各种|其他|各项|相关|等)+"
)
_TAIL_TRIM = re.compile(r"(?:均达到|均达|均为|均|达到|达|(?<![行作认成因])为|是|共计|共|总计|合计|约|近|将近|超过|超|逾|累计|总共|有|等|的)+$")
_POST_STOP = re.compile(
    r"参与|参加|通过|均|都|已|并|全部|实现|进行|开展|在|为|和|及|与|以及|等|的|接受|取得|签订|用于|用|"
    r"对|被|将|把|向|从|到|获|得到|受到|受益|次|达|共|累计|以上|左右|覆盖|涉及|涉案|使|让|惠及|确保|有效|"
    r"切实|进一步|其中|同比|较|比|占|挽回|化解|办结|成功|调解|解决|处理|完成|发放|开展|组织|累计|合计|"
    r"是|有|无|未|没有|不|再|也|又|还|即|则|就|得|获得|被|给|由|经|按|依|作|做|形成|达成|推动|提升|"
    r"提高|增加|增长|下降|减少|同比|环比"
)
_MARKS = re.compile(r"[“”\"《》〈〉「」『』‘’\s]")


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
    phrase = _MARKS.sub("", phrase)
    # What follows a total (镇调委会共调解各类民事纠纷) names the thing, not the agent.
    parts = re.split(r"累计|共计|总共|共有|(?<![公中总])共(?![同享建治产性识赢青担商和])", phrase)
    if len(parts) > 1 and _LIGHT_VERB.sub("", _TAIL_TRIM.sub("", parts[-1])):
        phrase = parts[-1]
    phrase = re.sub(r"各类|各种|各项", "", phrase)
    return _TAIL_TRIM.sub("", _LIGHT_VERB.sub("", _TAIL_TRIM.sub("", phrase)))


def _clean_subject(phrase: str) -> str:
    """The subject named by the words before a figure; the bare verb when nothing else is left (出动)."""
    return _core(phrase) or _TAIL_TRIM.sub("", _MARKS.sub("", phrase))


def _previous_clause_subject(text: str, boundary: int) -> str:
    """Head of the clause before BOUNDARY when a figure stands alone (…公告公示等，共计178条)."""
    if boundary < 2 or text[boundary - 1] not in "，,":
        return ""
    left = _last_of(text, "，,；;。！？!?：:\n", boundary - 1, window=60)
    start = _trim_lead(text, left, boundary - 1)
    head = re.split(r"包括|等|、|和|及|（|\(", text[start:boundary - 1])[0]
    return _clean_subject(head[:12])


def _noun_after(text: str, end: int) -> str:
    """The noun right after a unit (14个|村级党群服务中心), or "" when a verb or a stop follows."""
    tail = text[end:end + 12]
    stop = _POST_STOP.search(tail)
    noun = tail[: stop.start() if stop else len(tail)]
    noun = re.split(r"[\s" + re.escape(_BOUNDARY) + r"\d%]", noun)[0]
    return noun if re.match(rf"[{CJK}“《]", noun) else ""


def _trim_lead(text: str, start: int, end: int) -> int:
    """Move START past time phrases, agents (我镇) and connectives that do not name the subject."""
    while start < end:
        m = _LEAD_TRIM.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    return start


# --------------------------------------------------------------------------- categories
@lru_cache(maxsize=1)
def _category_rules() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    rules = []
    for row in load_categories().itertuples():
        keywords = tuple(k for k in row.keywords.split("|") if k)
        units = frozenset(u for u in row.units.split("|") if u)
        rules.append((row.category, keywords, units))
    return tuple(rules)


def categorize(subject: str, unit: str) -> str:
    """Category of SUBJECT counted in UNIT: the category with the longest matching keyword
    among those that expect this unit; "" when nothing matches (no guessing)."""
    best, best_len = "", 0
    for category, keywords, units in _category_rules():
        if units and unit not in units:
            continue
        length = max((len(k) for k in keywords if k in subject), default=0)
        if length > best_len:
            best, best_len = category, length
    return best


# --------------------------------------------------------------------------- extraction
def _unit_of(m: re.Match) -> _Unit:
    return _unit_index()["%" if m.group("pct") is not None else m.group("unit")]


def _value_of(m: re.Match, before: str) -> tuple[float, str, float | None] | None:
    """(value, unit, value_yuan) of a match; None when the number is not a measure.

    BEFORE is the text of the clause before the number (for 近百人).
    """
    unit = _unit_of(m)
    if m.group("pct") is not None:
        raw = m.group("pct")
        value = float(raw.replace(",", "")) if raw[0].isdigit() else chinese_to_number(raw)
        return value, "%", None
    raw = m.group("num")
    magnitude = 1
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        if raw in ("一", "壹", "二", "零", "〇"):
            return None  # 一名法律顾问 / 一次 / 二次供水: an article or a name, not a count
        if len(raw) > 1 and all(ch in _CN_DIGIT for ch in raw):
            return None  # 三五人, 八五: an approximation or a code, not a count
        if all(ch in _CN_SMALL or ch in _CN_BIG for ch in raw) and not (
            m.group("approx") or _PREFIX_QUAL.search(before)
        ):
            return None  # 千家万户, 万人: idioms unless 十余/百余
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


_PLACE_SUFFIX = "县区市镇乡山河街村湖岭寨屯庄营堡渠"


def _skip(text: str, m: re.Match, clause_start: int) -> bool:
    start = m.start()
    before = text[max(0, start - 3):start]
    unit = _unit_of(m)
    after = text[m.end():m.end() + 1]
    if m.group("pct") is None and m.group("post") is None and after and after in unit.not_followed_by:
        return True
    if (
        m.group("num") and not m.group("num")[0].isdigit() and unit.in_place_names
        and after and after in _PLACE_SUFFIX
    ):
        return True  # 三台县, 七台河, 八所镇, 五家渠: place names, not counts
    if re.search(r"第\s?$", before) or re.search(r"分之$", before):
        return True  # 第一书记; 三分之二
    if re.search(r"\d\s?[-~～—至到]\s?$", before):
        return True  # the upper end of a range 3-5次
    if m.group("pct") is None and _VAGUE.search(text[clause_start:start]) and not m.group("num")[0].isdigit():
        return True
    # 每个村落实网格员1名 is a rule per unit, not a count; 均达100% is still a rate.
    return unit.kind != "percent" and m.group("pct") is None and bool(_DISTRIBUTIVE.search(text[clause_start:start]))


def _last_of(text: str, chars: str, pos: int, *, window: int = 400) -> int:
    """Offset just after the last of CHARS before POS (searching a bounded window)."""
    lo = max(0, pos - window)
    return max(text.rfind(ch, lo, pos) for ch in chars) + 1 or lo


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = _last_of(text, _SENTENCE_END, start)
    hi = min(len(text), end + 400)
    rights = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_END) if i != -1]
    right = min(rights) + 1 if rights else hi
    return left, right


def _flags(rows: list[dict]) -> None:
    """Sanity flags: rates above 100% and success counts above their total in a sentence."""
    case_units = _case_units()
    for i, row in enumerate(rows):
        flags = []
        if row["unit"] == "%" and row["value"] > 100 and not re.search(r"增|提高|提升|上升|同比|环比", row["subject"]):
            flags.append("rate_above_100")
        if "成功" in row["subject"] and row["unit"] != "%":
            totals = [
                r["value"] for r in rows[:i]
                if r["sentence_start"] == row["sentence_start"] and "成功" not in r["subject"]
                and (r["unit"] == row["unit"] or {r["unit"], row["unit"]} <= case_units)
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


def _section_heading_ranges(sections: pd.DataFrame | None) -> list[tuple[int, int]]:
    if sections is None or "heading" not in sections or sections.empty:
        return []
    return [
        (int(s), int(s) + len(str(h)))
        for s, h, lvl in zip(sections["start"], sections["heading"], sections["level"])
        if isinstance(h, str) and h and lvl and int(lvl) > 0
    ]


def extract_indicators(text: str, *, doc_id: str = "", sections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Numeric indicators of one normalised report text, one row per measure.

    Columns: doc_id, section_type, section_no, span, value, unit, qualifier, subject,
    category, sentence, start, end, flags, value_yuan. ``text[start:end] == span``.

    >>> extract_indicators("今年以来，发放宣传资料8000余份，调解成功率100%。")[["value", "unit", "qualifier"]].values.tolist()
    [[8000.0, '份', '余'], [100.0, '%', '']]

    sections: the sections table of this document (section_no, level, section_type, start,
    end[, heading]); when given, each row gets the deepest section that contains it and
    the section headings are skipped too.
    """
    text = text or ""
    protected = _protected_ranges(text) + _section_heading_ranges(sections)
    section_of = _section_locator(sections)
    units = _unit_index()
    rows: list[dict] = []
    last_end = 0
    last_subject = ""
    for m in _number_regex().finditer(text):
        num_start, num_end = m.start(), m.end()
        if _inside(protected, num_start, num_end):
            continue
        boundary = _last_of(text, _BOUNDARY, num_start, window=200)
        clause_start = max(boundary, last_end if last_end <= num_start else 0)
        if _skip(text, m, boundary):
            continue
        valued = _value_of(m, text[boundary:num_start])
        if valued is None:
            continue
        value, unit, value_yuan = valued
        qualifier = ";".join(_qualifiers(text, boundary, m))

        # Span: from the start of the subject phrase (time words and agents trimmed) …
        lead = _trim_lead(text, clause_start, num_start)
        if num_start - lead > 30:
            lead = num_start - 30
        pre_subject = _clean_subject(text[lead:num_start])
        span_end = num_end
        subject = pre_subject
        # … to the end of the noun when the number stands before it (14个村级党群服务中心).
        # A noun classifier modifies the noun after it (辖区12个|社区文明实践站); a verbal
        # one (4次) only when nothing but a verb stands before (开展|17场|法治宣讲活动),
        # not in 召开专题会议4次|研究部署….
        noun = _noun_after(text, num_end)
        if noun and (units[unit].kind not in VERBAL_KINDS or len(_core(text[lead:num_start])) <= 2):
            subject = _MARKS.sub("", noun)
            span_end = num_end + len(noun)
        if not subject and last_end == clause_start and last_end > boundary:
            subject = last_subject  # 纳入低保39户161人: the second figure shares the subject
        elif not subject:
            subject = _previous_clause_subject(text, boundary)  # 主动公开政策文件等，共计178条
        span = text[lead:span_end]
        sent_start, sent_end = _sentence_bounds(text, num_start, num_end)
        section_type, section_no = section_of(lead, span_end)
        rows.append({
            "doc_id": doc_id, "section_type": section_type, "section_no": section_no,
            "span": span, "value": float(value), "unit": unit, "qualifier": qualifier,
            "subject": subject, "category": categorize(subject, unit) if subject else "",
            "sentence": text[sent_start:sent_end].strip(), "start": lead, "end": span_end,
            "flags": "", "value_yuan": value_yuan, "sentence_start": sent_start,
        })
        last_end, last_subject = span_end, subject
    _flags(rows)
    # Only COLUMNS are taken from the row dicts (sentence_start stays behind); the column-by-column
    # astype avoids DataFrame.astype(dict), which rebuilds the whole table.
    table = pd.DataFrame(rows, columns=COLUMNS)
    for name, kind in (("value", float), ("value_yuan", float), ("start", int), ("end", int)):
        table[name] = table[name].astype(kind)
    logger.debug("%s: %d indicators", doc_id or "<text>", len(table))
    return table


# --------------------------------------------------------------------------- density
def density(indicators: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Indicators per 1,000 characters, per document and per top-level section type.

    Top-level sections are the preamble (level 0) and the 一、-style parts (level 1); a
    section type's ``n_chars`` is the sum of ``end - start`` over its top-level sections,
    and an indicator counts for the top-level section that contains its ``start`` (so
    indicators and characters are counted over the same stretches of text). The row with
    section_type "all" counts every indicator of the document over ``n_chars`` = the
    largest section end (the length of the text the sections cover). Documents that have
    indicators but no sections get an "all" row with n_chars 0 and a missing rate.
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
        found = np.asarray(starts_of.get(doc, []), dtype=float)
        secs = sections_of.get(doc, [])
        ends = [e for _, _, _, e in secs if not pd.isna(e)]
        total = int(max(ends)) if secs else 0
        rows.append((doc, "all", len(found), total))
        by_type: dict = {}  # section type → [n_chars, hits], in order of first appearance
        for level, section_type, s, e in secs:
            if int(level) > 1 or pd.isna(section_type):
                continue
            counts = by_type.setdefault(section_type, [0, 0])
            counts[0] += e - s
            counts[1] += int(((found >= s) & (found < e)).sum())
        rows.extend((doc, t, hits, int(n_chars)) for t, (n_chars, hits) in by_type.items())
    table = pd.DataFrame(rows, columns=DENSITY_COLUMNS[:4])
    chars = table["n_chars"].where(table["n_chars"] > 0)
    table["indicators_per_1k_chars"] = table["n_indicators"] / chars * 1000
    for name in ("n_indicators", "n_chars"):  # column by column: astype(dict) copies the whole table
        table[name] = table[name].astype(int)
    return table
