"""A table's rows of cell texts from its grid, where a merged cell stands in every row and column it covers
(python-docx gives a Word table so).

A header often takes two rows: a cell over two columns (2024年) with the columns' own names under it
(数量 | 同比), and the other header cells merged down both rows (项目), left blank below or typed again.
Read row by row, that is two header rows, neither naming the columns the figures stand in. Here it is one
row whose names join the cell above and the cell below (项目 | 2024年 数量 | 2024年 同比 | 2023年), the
header `figure_tables` reads. A cell merged across a whole row (a caption, a note) is a line of its own, and a
cell merged across some columns is given once, as Word shows it.

>>> a, b, c, d, e = [(name, name) for name in ("项目", "2024年", "2023年", "数量", "同比")]
>>> table_lines([[a, b, b, c], [a, d, e, c], [("x", "普法"), ("1", "12"), ("2", "3"), ("3", "10")]])
[['项目', '2024年 数量', '2024年 同比', '2023年'], ['普法', '12', '3', '10']]
"""
from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

Cell = tuple[Hashable, str]  # (what identifies the cell: the same in every place it covers, its text)
Grid = Sequence[Sequence[Cell]]

_MAX_HEADER_ROWS = 3
# A cell that holds a figure (12, -4.4, 9.1%) and so no column's name; a year (2024, 2024年) may be a name.
_FIGURE = re.compile(r"^[+\-－−]?\d[\d,]*(?:\.\d+)?\s*[%％]?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}年?度?$")


def table_lines(grid: Grid) -> list[list[str]]:
    """The rows of GRID as cell texts, a merged header of several rows as one row (see the module)."""
    return [texts for _, _, texts in row_groups(grid)]


def row_groups(grid: Grid) -> list[tuple[int, int, list[str]]]:
    """`table_lines`, each line with the first and last row of GRID it comes from (a joined header
    comes from several)."""
    first = _first_header_row(grid)
    depth = _header_depth(grid, first)
    if depth < 2:
        return [(k, k, _row_texts(row)) for k, row in enumerate(grid)]
    header = grid[first:first + depth]
    return ([(k, k, _row_texts(grid[k])) for k in range(first)] + [(first, first + depth - 1, _joined_names(header))]
            + [(k, k, _row_texts(grid[k])) for k in range(first + depth, len(grid))])


def _row_texts(row: Sequence[Cell]) -> list[str]:
    """ROW's cell texts, a cell merged across several columns once."""
    return [text for k, (key, text) in enumerate(row) if k == 0 or key != row[k - 1][0]]


def _spans_all(row: Sequence[Cell]) -> bool:
    """Is ROW one cell merged across the table (a caption above it, a note below)?"""
    return len(row) > 1 and all(key == row[0][0] for key, _ in row)


def _first_header_row(grid: Grid) -> int:
    """The first row that is no caption."""
    first = 0
    while first < len(grid) and _spans_all(grid[first]):
        first += 1
    return first


def _header_depth(grid: Grid, first: int) -> int:
    """How many rows from FIRST make the header: the first, and each row below that continues it."""
    depth = 1 if first < len(grid) else 0
    while (depth and depth < _MAX_HEADER_ROWS and first + depth < len(grid)
           and _continues_header(grid[first + depth - 1], grid[first + depth])):
        depth += 1
    return depth


def _continues_header(above: Sequence[Cell], row: Sequence[Cell]) -> bool:
    """Is ROW a header row under ABOVE: names only, where each cell of ABOVE is merged down into ROW (or typed
    again), split into the names of its columns (a cell over two columns, two names under it) or left blank
    below (or blank itself, its name below), and at least one cell merged down, typed again or split?"""
    if len(row) != len(above) or _spans_all(row) or any(_FIGURE.match(text) and not _YEAR.match(text)
                                                          for _, text in row):
        return False
    merged_or_split = False
    for k, ((over, over_text), (key, text)) in enumerate(zip(above, row)):
        if key == over or (text.strip() and text.strip() == over_text.strip()):
            merged_or_split = True  # merged down (or its name typed again below): one name over both rows
        elif _covers(above, k) > 1:
            merged_or_split = merged_or_split or bool(text.strip())
        elif text.strip() and over_text.strip():
            return False  # a column named above and holding a cell of its own below: a data row
    return merged_or_split


def _covers(row: Sequence[Cell], k: int) -> int:
    """How many columns the cell at column K of ROW covers."""
    return sum(1 for key, _ in row if key == row[k][0])


def _joined_names(header: Grid) -> list[str]:
    """One name for each column of HEADER's rows: the texts down the column, a cell merged down (or a name
    typed again) once, joined by a space; columns one cell covers through every row are one column."""
    names = []
    for k in range(len(header[0])):
        if k and all(row[k][0] == row[k - 1][0] for row in header):
            continue  # merged across this column and the one before it through the whole header
        texts: list[str] = []
        for _, text in (row[k] for row in header):
            if text.strip() and text.strip() not in texts[-1:]:
                texts.append(text.strip())
        names.append(" ".join(texts))
    return names
