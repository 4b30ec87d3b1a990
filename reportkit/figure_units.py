"""The units figures are counted in, and the categories of what they count.

The unit table (``resources/indicator_units.csv``) says how each unit behaves in a sentence and which
figures it may be compared with; the category taxonomy (``resources/indicator_categories.csv``) names what
a figure counts from its subject's words. `number_regex` is the "number + unit" pattern built from the unit
table, and `unit_of` reads the unit of one of its matches. Both files are plain CSV an analyst can edit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import resources
from .chinese import CN_DIGITS, CN_NUMERAL_CHARS, GENERIC_CLASSIFIER

_CN_DIGIT, _CN_CHARS = CN_DIGITS, CN_NUMERAL_CHARS


# --------------------------------------------------------------------------- resources
@dataclass(frozen=True)
class Unit:
    unit: str
    kind: str  # how the unit behaves in a sentence (event, times, person, money, ...)
    compare_as: str  # which figures it can be compared with (场, 场次 and 次 are all "event")
    not_followed_by: str
    but_before: tuple[str, ...]  # words after it that make it count all the same (个 + 工作组)
    in_place_names: bool  # a Chinese numeral + this unit + a place suffix is a name (三台县, 八所镇)


def load_units() -> pd.DataFrame:
    """The unit table (``resources/indicator_units.csv``): unit, kind, compare_as, traditional,
    not_followed_by, but_before, in_place_names, note."""
    return resources.indicator_units()


def load_categories() -> pd.DataFrame:
    """The category taxonomy (``resources/indicator_categories.csv``): category, label_zh, keywords,
    units (units or unit kinds the category expects), priority."""
    return resources.indicator_categories()


def category_labels() -> dict[str, str]:
    """category code → its Chinese name (``label_zh``)."""
    categories = load_categories()
    return dict(zip(categories["category"], categories["label_zh"]))


@lru_cache(maxsize=1)
def unit_index() -> dict[str, Unit]:
    """Written form (simplified or Traditional) → unit record with the simplified name."""
    index: dict[str, Unit] = {}
    for row in load_units().itertuples():
        record = Unit(row.unit, row.kind, row.compare_as.strip() or row.unit, row.not_followed_by,
                       tuple(filter(None, row.but_before.split("|"))), row.in_place_names.strip() == "yes")
        for form in [row.unit, *filter(None, row.traditional.split("|"))]:
            index[form] = record
    return index


@lru_cache(maxsize=1)
def case_units() -> frozenset[str]:
    """Units of cases (件, 起, …) and the general classifier 个, which counts cases too."""
    return resources.units_of_kind("case") | {GENERIC_CLASSIFIER}


# Bounded comma groups and a numeral run that starts only where a run starts: a search that
# fails inside a very long run of digits or numerals then costs linear, not quadratic, time
# (a failed match at run start implies no match starts inside the run).
_ARABIC = r"\d{1,3}(?:,\d{3}){1,7}(?:\.\d+)?|\d+(?:\.\d+)?"


_CN_NUM = f"(?<![{_CN_CHARS}])[{_CN_CHARS}]+"


# A space may stand between a number and its unit (300 份), a line break not (…9 / 所需积分).
_GAP = r"[ \t]?"


@lru_cache(maxsize=1)
def number_regex() -> re.Pattern:
    forms = sorted(unit_index(), key=len, reverse=True)  # 场次 before 场, 人次 before 人
    units = "|".join(re.escape(f) for f in forms)
    # (?<!\d[:：]): the minutes of a clock time (08:30 天津, a repost's dateline) are no figure.
    return re.compile(
        rf"(?P<share>百分之|千分之)\s?(?P<pct>{_ARABIC}|{_CN_NUM}(?:点[{''.join(_CN_DIGIT)}]+)?)"
        rf"|(?P<num>(?<![\d.A-Za-z])(?<!\d[:：])(?:{_ARABIC})(?![A-Za-z])|{_CN_NUM})"
        rf"(?:{_GAP}(?P<mag>[十百千万亿萬億]))?{_GAP}(?P<approx>余|多|餘)?(?P<mag2>[万亿萬億])?"
        rf"{_GAP}(?:[(（](?P<first>[场人件户])[)）](?=次))?(?:[大小](?=[类项類項]))?"  # 4大类、53小项: classes and items
        rf"(?P<unit>{units})(?P<times>[(（]次[)）]|/次)?(?P<post>以上|左右)?"
    )


@lru_cache(maxsize=1)
def category_rules() -> tuple[tuple[str, tuple[str, ...], frozenset[str], int], ...]:
    known = set(unit_index()) | {u.compare_as for u in unit_index().values()}
    rules, labels = [], {}
    for row in load_categories().itertuples():
        if labels.setdefault(row.category, row.label_zh) != row.label_zh:
            raise ValueError(f"{resources.path('indicator_categories.csv')}: category {row.category} has two "
                             f"labels ({labels[row.category]}, {row.label_zh}); give its rows the same label_zh")
        keywords = tuple(k for k in row.keywords.split("|") if k)
        units = frozenset(u.strip() for u in row.units.split("|") if u.strip())
        if unknown := sorted(units - known):
            raise ValueError(
                f"{resources.path('indicator_categories.csv')}: category {row.category} names units {unknown} "
                "that indicator_units.csv lacks; use a unit or a compare_as kind of that file")
        priority = str(getattr(row, "priority", "") or "0").strip()
        if not priority.lstrip("-").isdigit():
            raise ValueError(f"{resources.path('indicator_categories.csv')}: category {row.category} has priority "
                             f"{priority!r}; write a whole number (0 when in doubt)")
        rules.append((row.category, keywords, units, int(priority)))
    return tuple(rules)


def unit_kind(unit: str) -> str:
    """Which figures a UNIT can be compared with: its ``compare_as`` in indicator_units.csv
    (场, 场次 and 次 are all "event"; 人 is "person", 人次 "person_time"); the unit itself when unknown."""
    record = unit_index().get(unit)
    return record.compare_as if record else unit


def categorize(subject: str, unit: str, *, named_examples: bool = False) -> str:
    """Category of SUBJECT counted in UNIT; "" when nothing matches (no guessing).

    Among the rows of indicator_categories.csv that expect this unit (``units`` lists units or
    unit kinds) and have a keyword in SUBJECT, the row with the highest ``priority`` wins, then
    the one with the longest keyword, then the first in the file. Priority is for words that
    decide the category whatever else the subject names: 党委会研究普法工作 is a meeting, not
    legal education; a category may have a second row for its own deciding words (常务会议学法
    is study, not a meeting), and a row of priority -1 words that decide only when no other row's do (…等10余部
    法律法规 is study, 法律法规培训 training). With NAMED_EXAMPLES (the subject lists names before 等), the words
    after the last 等 decide first.
    """
    if named_examples and "等" in subject:
        # after examples named in quotes or book titles, the words after the last 等 name what is
        # counted (“海南话讲法治”等普法活动: 讲法治 in a campaign's name is no officials' study)
        head = subject.rsplit("等", 1)[1]
        if len(head) >= 2 and (found := categorize(head, unit)):
            return found
    best, best_score = "", None
    for category, keywords, priority in _unit_category_rules(unit):
        for keyword in keywords:  # longest first: the first found is the longest found
            if keyword in subject:
                break
        else:
            continue
        score = (priority, len(keyword))
        if best_score is None or score > best_score:
            best, best_score = category, score
    return best


@lru_cache(maxsize=256)
def _unit_category_rules(unit: str) -> tuple[tuple[str, tuple[str, ...], int], ...]:
    """(category, keywords longest first, priority) of the rules that expect UNIT, in file order:
    `categorize` runs for every figure, and testing each rule's units and every keyword cost more than the rest."""
    kind = unit_kind(unit)
    return tuple((category, tuple(sorted((k for k in keywords if k), key=len, reverse=True)), priority)
                 for category, keywords, units, priority in category_rules()
                 if not units or unit in units or kind in units)


def unit_of(m: re.Match) -> Unit:
    if m.group("pct") is not None:
        return unit_index()["‰" if m.group("share") == "千分之" else "%"]
    unit = m.group("unit")
    if m.group("times") and unit + "次" in unit_index():  # 698场(次), 1530人/次: sessions counted as 场次
        unit += "次"
    elif m.group("first") and m.group("first") + unit in unit_index():  # 260多(场)次, the same written the other way
        unit = m.group("first") + unit
    return unit_index()[unit]
