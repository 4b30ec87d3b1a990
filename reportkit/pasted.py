"""Text pasted in another form than its own: a page's markup left in a text file (&nbsp;, <br>,
<strong>), or a spreadsheet's CSV export of a report template ("一、…","（一）…"). Each is turned into
the plain lines a report is read from; any other text is returned unchanged."""
from __future__ import annotations

import csv
import html as entities
import re

_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]{0,2000}>")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}


def markup_as_text(markup: str) -> str:
    """The text of MARKUP read without a tree (for pages too deep to parse, and pasted fragments):
    comments, scripts and styles left out, block tags as line breaks, other tags removed, entities
    decoded. Linear time."""
    lower, parts, position = markup.lower(), [], 0
    while match := _TAG.search(markup, position):
        parts.append(markup[position:match.start()])
        if match.group(0) == "<!--":
            end = markup.find("-->", match.end())
            position = len(markup) if end < 0 else end + 3
            continue
        closing, tag = match.group(1), match.group(2).lower()
        position = match.end()
        if not closing and tag in ("script", "style", "noscript", "title"):
            end = lower.find(f"</{tag}", position)
            position = len(markup) if end < 0 else end
        elif tag in _BLOCK_TAGS:
            parts.append("\n")
    parts.append(markup[position:])
    return entities.unescape("".join(parts))


# What only a page's source holds: line-break and paragraph tags, inline emphasis, named entities.
_MARKUP_SIGN = re.compile(r"<br\s*/?>|</?p\b[^<>]{0,200}>|</?(?:strong|span|div|font|b)\b[^<>]{0,200}>"
                          r"|&(?:nbsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|amp|lt|gt|quot);", re.I)
_MIN_MARKUP_SIGNS = 5  # a report that quotes one <b> or writes one &amp; stays as it is


def from_markup_fragment(text: str) -> str:
    """TEXT as its words when it is a page's markup pasted as text (at least a few tags and
    entities of a page: <br>, &nbsp;, <strong>), else unchanged."""
    if len(_MARKUP_SIGN.findall(text, 0, 200_000)) < _MIN_MARKUP_SIGNS:
        return text
    return markup_as_text(text)


# A row of a CSV export: two or more cells, each in double quotes (a quote inside doubled).
_CSV_ROW = re.compile(r'^\s*"(?:[^"]|"")*"(?:\s*,\s*"(?:[^"]|"")*")+\s*$')
_MIN_CSV_SHARE = 0.6  # of the non-empty lines: a report that quotes one such line stays as it is
_TABLE_CELLS = 3  # a row with this many filled cells is a table's row (序号, 指标, 单位, 数量 …)


def from_csv_export(text: str) -> str:
    """TEXT as lines when most of its lines are rows of a spreadsheet's CSV export (a report template
    filled in Excel: "栏目","内容" rows), else unchanged. A row's filled cells become lines of their
    own (a part's heading, then its text), or one | row when three or more are filled (a table of
    figures, which figure_tables reads)."""
    if '","' not in text:
        return text
    rows = [row for line in text.split("\n") for row in _rows(line)]
    lines = [row for row in rows if row.strip()]
    if len(lines) < 3 or sum(bool(_CSV_ROW.match(line)) for line in lines) < _MIN_CSV_SHARE * len(lines):
        return text
    out = []
    for line in rows:
        if not _CSV_ROW.match(line):
            out.append(line)
            continue
        cells = [cell.strip() for cell in next(csv.reader([line.strip()], skipinitialspace=True))]
        filled = [cell for cell in cells if cell]
        # a table's row keeps its empty cells (备注), so its values stay under their headers
        out.extend(["| " + " | ".join(cells) + " |"] if len(filled) >= _TABLE_CELLS else filled)
    return "\n".join(out)


_ROW_BREAK = re.compile(r'"[ \t\u3000]+"')  # a copy that lost its line breaks: "…","" "二、…","…"


def _rows(line: str) -> list[str]:
    """LINE's CSV rows: itself, or the rows a copy ran together with a space where each break was."""
    if _CSV_ROW.match(line) or not _ROW_BREAK.search(line):
        return [line]
    pieces = _ROW_BREAK.sub('"\n"', line.strip()).split("\n")
    return pieces if len(pieces) >= 3 and all(_CSV_ROW.match(piece) for piece in pieces) else [line]


# A report template laid out as a two-column form (| 项目 | 内容 |): a row a part, its heading in the first cell
# (| 一、主要举措和成效 | 2022年，… |), and rows of fields (| 报告单位 | …人民政府 |, | 填报人 | … |).
_FORM_ROW = re.compile(r"^[ \t\u3000]*[|｜](?P<label>[^|｜\n]{1,80})[|｜](?P<value>[^|｜\n]*)[|｜][ \t\u3000]*$")
_FORM_RULE = re.compile(r"^[ \t\u3000]*[|｜][\s:：\-—–|｜]+$")
_FORM_HEADER = re.compile(r"^(?:项目|栏目|事项|类别|内容|填报内容|报告内容|具体内容|主要内容|情况|具体情况)$")
_PART_LABEL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}部分|【)[ \t\u3000]*[\u4e00-\u9fff\d]{2}")
_MIN_PART_ROWS = 2


def from_two_column_form(text: str) -> str:
    """TEXT with a two-column form's rows as lines (`_FORM_ROW`) when two or more of its rows are parts headed in
    their first cell: a part's heading on a line of its own, then its text; a field as label：value; the header
    row (项目 | 内容) and the rule under it left out. Any other text unchanged."""
    if "|" not in text and "｜" not in text:
        return text
    lines = [row for line in text.split("\n") for row in _form_rows_apart(line)]
    rows = [_FORM_ROW.match(line) for line in lines]
    if sum(1 for row in rows if row and _PART_LABEL.match(row.group("label").strip())
           and row.group("value").strip()) < _MIN_PART_ROWS:
        return text
    out = []
    for line, row in zip(lines, rows):
        if _FORM_RULE.match(line):
            continue
        if not row:
            out.append(line)
            continue
        label, value = row.group("label").strip(), row.group("value").strip()
        if _FORM_HEADER.match(label) and _FORM_HEADER.match(value):
            continue
        if _PART_LABEL.match(label):
            out.extend([label, value] if value else [label])
        else:
            out.append(f"{label}：{value}" if value else label)
    return "\n".join(out)


_PART_CELL = re.compile(r"[|｜][ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}部分|【)"
                        r"[ \t\u3000]*[\u4e00-\u9fff\d]{2}")
_ROWS_RUN_ON = re.compile(r"(?<=[|｜])[ \t\u3000]+(?=[|｜])")


def _form_rows_apart(line: str) -> list[str]:
    """LINE's rows of a two-column form, in a copy that lost its line breaks (…报告 | 项目 | 内容 | | 一、… | … |),
    where a row ends and the next begins at | |: the text before the first bar, then a row each; else [LINE]."""
    if len(_PART_CELL.findall(line)) < _MIN_PART_ROWS or not _ROWS_RUN_ON.search(line):
        return [line]
    pieces = _ROWS_RUN_ON.sub("\n", line).split("\n")
    rows = [piece.strip() for piece in pieces]
    if sum(1 for row in rows if _FORM_ROW.match(row)) < len(rows) - 2:
        return [line]  # not rows of two cells: a table with empty cells, left as it is
    lead = rows[0]
    if not _FORM_ROW.match(lead) and (bar := re.search(r"[ \t\u3000][|｜]", lead)):
        rows[0:1] = [lead[:bar.start()].strip(), lead[bar.start():].strip()]
    return rows
