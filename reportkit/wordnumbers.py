"""The numbers Word draws before its automatically numbered paragraphs, as text.

An office that types its report in Word may number the parts with Word's own lists (一、 （一）
1. set in the paragraph's numbering, not typed), and a paragraph's text then lacks them: read
plainly, 一、主要举措和成效 is 主要举措和成效, and no heading is found. `paragraph_numbers` gives each
paragraph the label Word shows, from the document's numbering definitions (numbering.xml): the
level's format (decimal, chineseCounting …) and text pattern (%1、, （%2）, %1.%2), counted as Word
counts (a level restarts when a level above it advances; a list's start and start overrides).

>>> chinese_counting(1), chinese_counting(10), chinese_counting(12), chinese_counting(20)
('一', '十', '十二', '二十')
"""
from __future__ import annotations

import re

WORDML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # Word's XML namespace
_W = WORDML
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def chinese_counting(n: int, digits: str = _DIGITS) -> str:
    """N (1–99, as list numbers are) in Chinese counting: 一 … 十, 十一, 二十一."""
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    if tens >= 10:
        return str(n)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({d: d + 0xFEE0 for d in range(0x30, 0x3A)}),
    "decimalHalfWidth": str,
    "chineseCounting": chinese_counting, "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting, "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting, "ideographDigital": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n, _LEGAL),
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10],
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if n <= 20 else str(n),
    "upperRoman": _roman, "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter, "lowerLetter": lambda n: _letter(n).lower(),
    "none": lambda n: "",
}


def _int(value, default: int) -> int:
    """VALUE as a number of 0–99 (a damaged file may say anything), else DEFAULT."""
    try:
        return min(max(int(value), 0), 99)
    except (TypeError, ValueError):
        return default


def _val(element, tag: str, default=None):
    child = element.find(f"{_W}{tag}") if element is not None else None
    return child.get(f"{_W}val") if child is not None else default


class _Lists:
    """The numbering definitions of one document, and Word's counters as paragraphs go by."""

    def __init__(self, numbering):
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId → ilvl → start, format, text
        for abstract in numbering.iter(f"{_W}abstractNum"):
            self.levels[abstract.get(f"{_W}abstractNumId")] = {
                _int(lvl.get(f"{_W}ilvl"), 0): {"start": _int(_val(lvl, "start"), 1),
                                                 "format": _val(lvl, "numFmt", "decimal"),
                                                 "text": _val(lvl, "lvlText", "")}
                for lvl in abstract.iter(f"{_W}lvl")}
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        for num in numbering.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            self.abstract_of[num_id] = _val(num, "abstractNumId")
            self.overrides[num_id] = {_int(o.get(f"{_W}ilvl"), 0): _int(_val(o, "startOverride"), 1)
                                      for o in num.iter(f"{_W}lvlOverride") if _val(o, "startOverride")}
        self.counters: dict[str, list[int]] = {}  # numId → the current count of each level

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(self.abstract_of.get(num_id, ""), {})
        if ilvl not in levels or ilvl > 8 or num_id == "0":  # numId 0 switches numbering off
            return ""
        starts = [self.overrides.get(num_id, {}).get(i, levels.get(i, {}).get("start", 1)) for i in range(9)]
        counts = self.counters.setdefault(num_id, [s - 1 for s in starts])
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):  # a level restarts when one above it advances
            counts[deeper] = starts[deeper] - 1

        def number(match: re.Match) -> str:
            i = int(match.group(1)) - 1
            fmt = _FORMATS.get(levels.get(i, {}).get("format", "decimal"), str)
            return fmt(max(counts[i], starts[i], 1))

        if levels[ilvl]["format"] == "bullet":
            return ""
        return re.sub(r"%([1-9])", number, levels[ilvl]["text"] or "")


def _numbering_of(paragraph) -> tuple[str, int] | None:
    """(numId, ilvl) of PARAGRAPH, set on it or on its style."""
    ppr = paragraph._p.pPr
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    style, depth = paragraph.style, 0
    while num_pr is None and style is not None and depth < 10:  # a damaged file may loop its styles
        style_ppr = style.element.find(f"{_W}pPr")
        num_pr = style_ppr.find(f"{_W}numPr") if style_ppr is not None else None
        style, depth = style.base_style, depth + 1
    if num_pr is None or _val(num_pr, "numId") is None:
        return None
    return _val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), 0)


def paragraph_numbers(document, paragraphs=None) -> list[str]:
    """The label Word shows before each of PARAGRAPHS (default: DOCUMENT's body paragraphs; give
    them all, in document order, for Word to count them right), "" for most."""
    paragraphs = document.paragraphs if paragraphs is None else paragraphs
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):  # a document without lists
        return [""] * len(paragraphs)
    lists = _Lists(numbering)
    labels = []
    for paragraph in paragraphs:
        found = _numbering_of(paragraph)
        labels.append(lists.label(*found) if found else "")
    return labels
