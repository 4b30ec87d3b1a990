"""Problem lists set out as tables (问题清单, 整改台账, 问题整改表): which row names the columns, which
column holds the problems, and each row's problem as a shortcoming item.

A problem list's columns are the row's number (序号), the problem (存在问题, 具体问题), perhaps what shows or
explains it (主要表现, 原因分析), and columns that name no words of the problem: the measure that puts it
right (整改措施), who answers for it (责任单位), by when (完成时限), how far it has come (整改情况), its
category (问题类别), a remark. resources/problem_table_columns.csv lists the words of the problems' header
(kind ``problem``) and of those others (kind ``other``).

>>> problem_list_items([["序号", "存在问题", "整改措施", "责任单位"], ["1", "村干部法治意识淡薄", "开展专题培训", "党政办"]])
['村干部法治意识淡薄。']
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import resources
from .figure_tables import is_index_cell

# A column's name: short, and no sentence (no stop, comma or colon in it).
_NAME = re.compile(r"^[^。，,；;！!？?：:]{1,12}$")
_FIGURE = re.compile(r"^[+\-－−]?\d+(?:,\d{3})*(?:\.\d+)?\s*[%％]?$")
ROW_NUMBER = re.compile(r"^(\d{1,3})[.、．]?$")
# A row's cells that are no problem: by when it is put right, and who answers for it (司法所, 党政办, 各村（社区）).
DEADLINE = re.compile(r"^(?:立行立改|长期(?:坚持)?|持续(?:推进|整改)?|已完成|已整改|年内|年底前|年度考核前|整改中|"
                      r"(?:\d{4}年)?\d{1,2}月(?:底|中旬|上旬|下旬)?(?:前|起)?|\d{4}年(?:底|内|起)?(?:前)?|每.{1,8}前)$")
UNIT = re.compile(r"^(?:[^\s，。；：]{1,12}?(?:办|所|站|队|委|局|中心|院|庭|联|会|部|村|社区|（社区）|组))"
                  r"(?:、[^\s，。；：]{1,12}?(?:办|所|站|队|委|局|中心|院|庭|联|会|部|村|社区|（社区）|组))*$")
_CELL_END = "。；;，, "


@lru_cache(maxsize=1)
def _header_words() -> tuple[re.Pattern, re.Pattern]:
    """Patterns of the words of a problems column's header and of the other columns' headers."""
    table = resources.problem_table_columns()

    def pattern(kind: str) -> re.Pattern:
        words = [w for w in table.loc[table["kind"] == kind, "word"] if w]
        return re.compile("|".join(map(re.escape, words)) if words else r"(?!)")  # (?!) matches nothing

    return pattern("problem"), pattern("other")


def names_columns(cells: list[str]) -> bool:
    """Is CELLS a problem list's header row: short names (a blank corner allowed), none a figure, one naming
    the problems (存在问题) or two naming a problem list's columns (整改事项 | 整改措施 | 责任单位)?"""
    if not all(not cell or (_NAME.match(cell) and not _FIGURE.match(cell)) for cell in cells):
        return False
    return _names_problems(cells) or sum(_is_other(cell) for cell in cells) >= 2


def _names_problems(cells: list[str]) -> bool:
    """Does a cell of CELLS name the problems (存在问题, 短板弱项; 问题类别 too)?"""
    return any(_header_words()[0].search(cell) for cell in cells)


def numbered(rows: list[list[str]]) -> bool:
    """Are ROWS numbered 1, 2, 3 … in their first cell (a list's rows without a header)?"""
    numbers = [m.group(1) if (m := ROW_NUMBER.match(row[0] if row else "")) else "" for row in rows]
    return numbers == [str(n) for n in range(1, len(rows) + 1)]


def problem_list_items(rows: list[list[str]]) -> list[str]:
    """The items of a problem list whose table ROWS are given (cell texts), a row each: the problem's cell
    first, then the cells that show or explain it; no header row, no 序号, no measure, unit, deadline or
    category. A list without a header (numbered rows) gives the problem's cell alone; a table of figures
    whose header names no problems, or one whose header names no column of a problem list, gives nothing."""
    headed = not numbered(rows)
    if headed and not _is_header(rows[0]):
        return []
    header = rows[0] if headed else [""] * len(rows[0])
    data = [row for row in rows[1 if headed else 0:] if len(row) == len(header)]  # a merged or short row: off its columns
    if not data or (_holds_figures(data) and not _names_problems(header)):
        return []  # a table of figures (序号 | 指标 | 单位 | 2024年) is no problem list
    problem = _problem_column(header) if headed else _unheaded_problem_column(data)
    if problem is None:
        return []
    kept = [problem, *(_explaining_columns(header, problem) if headed else [])]
    items = []
    for row in data:
        cells = [row[i].strip().rstrip(_CELL_END) for i in kept]
        if cells[0]:
            items.append("。".join(cell for cell in cells if cell) + "。")
    return items


def _is_header(cells: list[str]) -> bool:
    """Is CELLS a problem list's header: `names_columns`, or any row without a number that names the problems
    (a pasted table's header may be long)?"""
    return names_columns(cells) or (_names_problems(cells) and not any(is_index_cell(cell) for cell in cells))


def _holds_figures(data: list[list[str]]) -> bool:
    """Does a cell of DATA other than a row's number hold a figure (a table of figures, no problem list)?"""
    return any(_FIGURE.match(cell) and not (i == 0 and is_index_cell(cell)) for row in data for i, cell in enumerate(row))


def _is_other(name: str) -> bool:
    """Does the header NAME a column that holds no words of the problem (整改措施, 责任单位, 问题类别)?"""
    return bool(_header_words()[1].search(name))


def _problem_column(header: list[str]) -> int | None:
    """The column of the problems: the first whose header names them (存在问题, 具体问题; not 问题类别), else
    the first that names no other column (整改事项 before 整改措施)."""
    problem, _ = _header_words()
    named = [i for i, name in enumerate(header) if problem.search(name) and not _is_other(name)]
    rest = [i for i, name in enumerate(header) if name and not _is_other(name)]
    return (named or rest or [None])[0]


def _explaining_columns(header: list[str], problem: int) -> list[int]:
    """The columns besides PROBLEM that show or explain it (主要表现, 原因分析): all that name no other column."""
    return [i for i, name in enumerate(header) if i != problem and name and not _is_other(name)]


def _unheaded_problem_column(data: list[list[str]]) -> int | None:
    """In a numbered list without a header, the column of the problems: the first after the number whose
    cells are not all a unit's or a deadline's (the problem comes before its measure and its unit)."""
    for i in range(1, len(data[0])):
        cells = [row[i].strip() for row in data]
        if any(cells) and not all(UNIT.match(c) or DEADLINE.match(c) for c in cells if c):
            return i
    return None
