"""A web page's tables of figures as lines of cells joined by tabs, as a Word file's tables are read.

A page shows each <td> as a box; read as text, every cell would be a line of its own, and a table of
figures (指标 | 单位 | 2024年 | 2023年) would lose which number stands in which row and column. Here a
*data table* becomes one line a row, a cell merged across columns (colspan) once and a cell merged down
rows (rowspan) in each row it covers, and a header of two rows one row naming each column
(`table_grid`): the text `figure_tables` and `problem_lists` read from a Word file's tables.

A table is a data table when it holds figures (12, 96.5%, 137件) in two cells or more, has no table inside
it and no cell as long as an article or of more than three paragraphs (a page laid out in a table holds its
text in a cell), and is not the page's information table (索引号 | … | 发布机构 | …), which `pagechrome`
reads as it stands.

>>> from lxml import html
>>> table = html.fromstring(
...     "<table><tr><td rowspan='2'>项目</td><td colspan='2'>2024年</td></tr>"
...     "<tr><td>数量</td><td>同比</td></tr><tr><td>普法</td><td>12</td><td>3%</td></tr></table>")
>>> table_text_lines(table)
['项目\\t2024年 数量\\t2024年 同比', '普法\\t12\\t3%']
"""
from __future__ import annotations

import re

from .chinese import count_cjk
from .table_grid import Cell, table_lines

# A cell holding a figure: a number, a percentage, or a number with a short unit (137件, 1.2万元).
_FIGURE = re.compile(r"^[+\-－−]?\d[\d,]*(?:\.\d+)?\s*(?:[%％‰]|[^\d\s\-/:：.]{1,3})?$")
# The labels of a page's information table: never a data table's cells.
_PAGE_FIELD = re.compile(r"^(?:信息)?索引号|^发布机构|^发文机关|^发布日期|^成文日期|^主题分类|^发文字号|^文\s*号[：:]")
_MAX_CELL_CJK = 300  # a cell longer than this holds an article, not a figure's row
_MAX_CELL_PARAGRAPHS = 3  # a cell of more paragraphs (or lines broken by <br>) holds an article
_MAX_SPAN = 100  # a colspan or rowspan past any table's size (a page's mistake, or a trap) is cut to this


def table_text_lines(table) -> list[str] | None:
    """TABLE's rows (an lxml <table>) as lines of cells joined by tabs, or None when it is no data table."""
    if table.find(".//table") is not None:
        return None
    grid = _grid(table)
    if len(grid) < 2 or max(len(row) for row in grid) < 2:
        return None
    cells = {key: text for row in grid for key, text in row}
    if (sum(1 for text in cells.values() if _FIGURE.match(text)) < 2
            or any(count_cjk(text) > _MAX_CELL_CJK or _PAGE_FIELD.match(text) for text in cells.values())
            or any(_paragraphs(key) > _MAX_CELL_PARAGRAPHS for key in cells if not isinstance(key, tuple))):
        return None
    width = max(len(row) for row in grid)
    padded = [[*row, *((("pad", r, k), "") for k in range(len(row), width))] for r, row in enumerate(grid)]
    return ["\t".join(cells) for cells in table_lines(padded)]


def _grid(table) -> list[list[Cell]]:
    """TABLE's cells placed in rows and columns, a merged cell (colspan, rowspan) in every place it covers,
    each as (the cell element, its text with runs of white space one space)."""
    rows = [tr for tr in table.iter("tr")]
    grid: list[list[Cell | None]] = [[] for _ in rows]
    for r, tr in enumerate(rows):
        column = 0
        for cell in tr.iterchildren("td", "th"):
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1  # taken by a cell merged down from a row above
            text = " ".join(cell.text_content().split())
            for below in range(r, min(r + _span(cell, "rowspan"), len(rows))):
                row = grid[below]
                for k in range(column, column + _span(cell, "colspan")):
                    row.extend([None] * (k + 1 - len(row)))
                    row[k] = (cell, text)
            column += _span(cell, "colspan")
    return [[cell if cell is not None else (("gap", r, k), "") for k, cell in enumerate(row)]
            for r, row in enumerate(grid) if row]


def _paragraphs(cell) -> int:
    """How many paragraphs and line breaks CELL holds."""
    return sum(1 for _ in cell.iter("p", "div", "br", "li", "section", "h1", "h2", "h3", "h4"))


def _span(cell, name: str) -> int:
    """CELL's colspan or rowspan: 1 when missing or not a number, at most `_MAX_SPAN`."""
    value = re.match(r"\s*(\d+)", cell.get(name) or "")
    return min(max(int(value.group(1)), 1), _MAX_SPAN) if value else 1
