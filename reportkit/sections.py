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
`leadership` (its parent_section_no still points at the measures part).

>>> s = split_sections("前言。\\n一、主要举措和成效\\n（一）学法\\n二、存在的问题\\n一是人少。")
>>> s[["section_no", "level", "section_type"]].values.tolist()
[['0', 0, 'preamble'], ['1', 1, 'measures'], ['1.1', 2, 'measures'], ['2', 1, 'shortcomings']]
"""
from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd

from .config import resource_path

logger = logging.getLogger(__name__)

SECTION_COLUMNS = ["doc_id", "section_no", "level", "heading", "section_type", "parent_section_no",
                   "text", "start", "end"]
PART_TYPES = ["measures", "shortcomings", "leadership", "plans", "other"]

# Longest heading clause (after the marker) still taken for a heading: real headings are
# ≤ ~50 characters; a longer unpunctuated run is a body sentence that starts with a numeral.
MAX_HEADING_CHARS = 80

_CN = "一二三四五六七八九十"
# Marker styles, tried in this order at the start of a line. `rank` is the usual nesting
# order of Chinese official documents (一、 > （一） > 1、 > （1）); it only decides where a
# style seen for the first time attaches, never overrides the document's own layout.
_STYLES: list[tuple[str, int, re.Pattern[str]]] = [
    ("part", 0, re.compile(rf"第(?P<n>[{_CN}]{{1,3}})部分[、.．:：，,]?\s*")),
    ("cn_paren", 2, re.compile(rf"[（(]\s*(?P<n>[{_CN}]{{1,3}})\s*[）)][、.．]?\s*")),
    ("ar_paren", 4, re.compile(r"[（(]\s*(?P<n>\d{1,2})\s*[）)][、.．]?\s*")),
    ("cn_dun", 1, re.compile(rf"(?P<n>[{_CN}]{{1,3}})\s*(?:、|[.．](?!\d))\s*")),
    ("ar_dun", 3, re.compile(r"(?P<n>\d{1,2})\s*(?:、|[.．](?![\d.．]))\s*")),
    ("ar_half", 5, re.compile(r"(?P<n>\d{1,2})[）)]\s*")),
]
_RANK = {name: rank for name, rank, _ in _STYLES}
# Styles that are the same list written in the other numeral script (（9） → （十）).
_SCRIPT_TWIN = {"cn_paren": "ar_paren", "ar_paren": "cn_paren", "cn_dun": "ar_dun", "ar_dun": "cn_dun"}
# A heading clause ends at the first sentence-final mark; the rest of the line is its text.
_CLAUSE_END = re.compile(r"[。；;！!？?：:]")
_MAX_STEP = 3  # tolerated gap in a numbering sequence (a skipped （三） is a step of 2)


def cn_number(numeral: str) -> int:
    """Value of a small Chinese or Arabic numeral: '十二' → 12, '二十' → 20, '7' → 7."""
    if numeral.isdigit():
        return int(numeral)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in numeral:
        return digits.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, units = numeral.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)


# ----------------------------------------------------------------------------- classification

@dataclass(frozen=True)
class _Rule:
    section_type: str
    pattern: re.Pattern[str]
    priority: int


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    rules = []
    with open(resource_path("section_types.csv"), encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            text = (row.get("pattern") or "").strip()
            if not text:
                continue
            regex = text if (row.get("kind") or "substring").strip() == "regex" else re.escape(text)
            rules.append(_Rule(row["section_type"].strip(), re.compile(regex), int(row.get("priority") or 0)))
    # Highest priority first; within a priority, file order (stable sort).
    return tuple(sorted(rules, key=lambda r: -r.priority))


def _strip_marker(heading: str) -> str:
    heading = heading.strip()
    for _, _, pattern in _STYLES:
        match = pattern.match(heading)
        if match:
            return heading[match.end():].strip()
    return heading


def _match_type(heading: str) -> str | None:
    """Section type of HEADING by the resource table, or None when no rule matches."""
    content = re.sub(r"\s+", "", _strip_marker(heading))
    for rule in _rules():
        if rule.pattern.search(content):
            return rule.section_type
    return None


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
    return _match_type(heading) or "other"


# ----------------------------------------------------------------------------- heading detection

@dataclass
class _Heading:
    start: int
    heading: str
    style: str  # the sequence (style group) it continues
    number: int
    level: int = 0
    parent: int | None = None  # index into the list of accepted headings


def _candidates(text: str):
    """Yield (line_start, style, number, heading) for lines that look like headings."""
    lines = text.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        start, stripped = offset, line.lstrip()
        offset += len(line) + 1
        start += len(line) - len(stripped)
        for style, _, pattern in _STYLES:
            match = pattern.match(stripped)
            if not match:
                continue
            rest = stripped[match.end():]
            prefix = stripped[: match.end()]
            first = rest[:1]
            if first and ((style == "cn_dun" and first in _CN) or (style == "ar_dun" and first.isdigit())):
                break  # 三、四月份 / 2、3月: a run of numbers, not a marker
            if not rest.strip():
                # Marker alone on its line (PDF/Word extraction): the heading is on the next line.
                following = next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
                if not following or len(following) > MAX_HEADING_CHARS or _starts_with_marker(following):
                    break
                rest, prefix = following, prefix.rstrip()
            end = _CLAUSE_END.search(rest)
            clause = (rest[: end.start()] if end else rest).rstrip()
            # A heading names something: reject long runs and clauses without Chinese text.
            if len(clause) <= MAX_HEADING_CHARS and re.search("[\u4e00-\u9fff]", clause):
                yield start, style, cn_number(match.group("n")), prefix + clause
            break


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

    def plausible(parent: int | None, group: str, n: int) -> bool:
        last = last_child.get((parent, group))
        return n == 1 if last is None else 0 <= n - last <= _MAX_STEP

    for start, style, n, heading in _candidates(text):
        group = alias.get(style, style)
        level = style_level.get(group)
        chosen: tuple[str, int] | None = None
        if level is not None and plausible(parent_for(level), group, n):
            chosen = (group, level)
        if chosen is None and n >= 10 and style in _SCRIPT_TWIN:
            # （9） → （十）: the twin script's open list continues (IMEs write 10 as 十).
            twin = alias.get(_SCRIPT_TWIN[style], _SCRIPT_TWIN[style])
            for j in reversed(stack):
                if out[j].style == twin and 0 <= n - out[j].number <= 2:
                    chosen = (twin, out[j].level)
                    if group not in style_level:
                        alias[style] = twin
                    break
        if chosen is None and level is None and n == 1:
            # A style seen for the first time opens a new level below the innermost open
            # heading that can contain it (一、 never nests under （1）).
            while stack and _RANK.get(out[stack[-1]].style, 9) >= _RANK[style]:
                stack.pop()
            level = out[stack[-1]].level + 1 if stack else 1
            style_level[group] = level
            chosen = (group, level)
        if chosen is None:
            continue
        group, level = chosen
        parent = parent_for(level)
        while stack and out[stack[-1]].level >= level:
            stack.pop()
        last_child[(parent, group)] = n
        out.append(_Heading(start, heading, group, n, level, parent))
        stack.append(len(out) - 1)
    return out


# ----------------------------------------------------------------------------- sections table

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

    unmapped: how to type a top-level heading that no rule in section_types.csv matches.
      "position" (default): 'measures' when it comes before the first shortcomings/plans part
      (reports whose top parts are topics such as 一、强化组织领导 are listing their measures),
      'other' after it. "other": always 'other'. Either way `unmapped_headings` lists it.
    """
    rows: list[dict] = []
    if not text.strip():
        return pd.DataFrame(rows, columns=SECTION_COLUMNS)
    headings = _detect(text)
    if not headings:
        logger.debug("no numbered headings in document %s", doc_id or "<unnamed>")
        return pd.DataFrame([{
            "doc_id": doc_id, "section_no": "0", "level": 0, "heading": "", "section_type": "other",
            "parent_section_no": None, "text": text[: _end_of(text, 0, len(text))],
            "start": 0, "end": _end_of(text, 0, len(text))}], columns=SECTION_COLUMNS)

    if text[: headings[0].start].strip():
        end = _end_of(text, 0, headings[0].start)
        rows.append({"doc_id": doc_id, "section_no": "0", "level": 0, "heading": "",
                     "section_type": "preamble", "parent_section_no": None, "text": text[:end],
                     "start": 0, "end": end})

    numbers: list[str] = []
    child_count: dict[int | None, int] = {}
    types: list[str] = []
    seen_late_part = False
    for i, h in enumerate(headings):
        child_count[h.parent] = child_count.get(h.parent, 0) + 1
        numbers.append(str(child_count[h.parent]) if h.parent is None
                       else f"{numbers[h.parent]}.{child_count[h.parent]}")
        stop = next((g.start for g in headings[i + 1:] if g.level <= h.level), len(text))
        end = _end_of(text, h.start, stop)
        matched = _match_type(h.heading)
        if h.parent is None:
            if matched is None:
                section_type = "measures" if unmapped == "position" and not seen_late_part else "other"
            else:
                section_type = matched
            seen_late_part |= section_type in ("shortcomings", "plans")
        else:
            section_type = types[h.parent]
            if section_type == "measures" and matched == "leadership":
                section_type = "leadership"
        types.append(section_type)
        rows.append({"doc_id": doc_id, "section_no": numbers[i], "level": h.level, "heading": h.heading,
                     "section_type": section_type,
                     "parent_section_no": None if h.parent is None else numbers[h.parent],
                     "text": text[h.start:end], "start": h.start, "end": end})
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)


def has_headings(sections: pd.DataFrame) -> pd.Series:
    """Per doc_id: True when `split_sections` found at least one numbered heading.

    A False is worth a build-log warning: the whole report became one 'other' section.
    """
    found = sections["heading"].fillna("").str.strip().ne("")
    return found.groupby(sections["doc_id"], sort=False).any().rename("has_headings")


def unmapped_headings(sections: pd.DataFrame) -> pd.DataFrame:
    """Top-level headings whose wording matches no rule in section_types.csv.

    Columns doc_id, section_no, heading, section_type (the type it was given anyway). Add a
    row to resources/section_types.csv to map such a variant.
    """
    # Plain lists: this runs once per report, where pandas masks cost more than the matching.
    columns = (sections[c].tolist() for c in ("parent_section_no", "level", "heading"))
    keep = [i for i, (parent, level, heading) in enumerate(zip(*columns))
            if pd.isna(parent) and level > 0 and not pd.isna(heading) and heading != ""
            and _match_type(heading) is None]
    return sections[["doc_id", "section_no", "heading", "section_type"]].iloc[keep].reset_index(drop=True)


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
    out["n_parts"] = out[PART_TYPES].sum(axis=1).astype(int)
    return out[["doc_id", "measures", "shortcomings", "leadership", "plans", "other", "n_parts"]]
