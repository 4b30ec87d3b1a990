"""Figures a report prints as a table with its cells split by | or ｜ (a Markdown table, a table a
page or an editor copied so). Each row names what it counts; its unit stands in a 单位 column or in the
header of the number's column (金额（万元）, 同比（%）, or a header counting in it: 件数, 受理件数), or in the cell
itself (| -18.3% |: a percent, its sign kept); the year's figure is the column of the
latest year (2024年 beside 2023年), or the first column of numbers when no header names a year.
A change column (同比, 增减) gives the change as a rate. The columns of earlier years are last
year's figures, not this year's work, and give nothing (a change column of an earlier year, 2023年 同比
beside 2024年 同比, is last year's change and gives nothing either); nor does a target column (年度目标, 目标值,
计划数, 预期): a target is what was planned, and the figure is the completion column beside it
(完成值, 完成情况, 实际完成). A table of places by measures (| 社区 | 调处纠纷（件） | 普法活动（场次） |, each
number column a measure with its unit in its header, no year) with a total row (合计, 总计) gives every
column of every row: the total row's cells are the town's figures, judged by the column's measure; the
other rows' cells are parts of them (one village's, one community's), named by their row and column and
given no category, so that a sum over a category does not count the town's work twice. (A Word
table's rows, cells joined by tabs, reach here as | rows: `normalize._tab_tables` writes them so; a header
Word merges over two rows reaches here as one, its names joined: 2024年 数量, 数量（件） 2024年, `table_grid`.
Cells split by runs of spaces reach here as | rows only where `normalize._space_tables` finds a block of
like rows with numbers under a header: a space separates too many other things. With no 单位 column and
no unit in the header, a row's unit is the one its label names in brackets: 执法检查（次）.)

>>> text = "| 指标名称 | 单位 | 2024年 | 2023年 | 同比（%） |\\n|---|---|---|---|---|\\n| 行政处罚案件 | 件 | 1362 | 1507 | -9.6 |"
>>> [(f.label, f.value, f.unit) for f in table_figures(text, {"件", "%"})]
[('行政处罚案件', 1362.0, '件'), ('行政处罚案件', -9.6, '%')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TableFigure:
    start: int  # where the row's label begins in the text
    end: int  # where the figure's cell ends
    label: str
    value: float
    unit: str
    change: bool = False  # from a change column (同比): the change on last year, not a count
    number_start: int = -1  # where the figure's cell begins
    measure: str = ""  # in a table of places by measures: the column's measure (调处矛盾纠纷), its unit left out
    part: bool = False  # … a cell of a place's row, a part of the total row's figure


_MIN_CELLS = 3
# A cell's bar: ASCII, full-width, or a box-drawn table's (│序号│项目│, as a plain-text copy of a form draws it).
_BARS = "|｜│┃║"
# |:---:|---| under a Markdown header; ├───┼───┤ and the box's top and bottom (box-drawing characters)
_RULE_ROW = re.compile(r"^[\s|｜:：\-—–\u2500-\u257f]+$")
_NUMBER = re.compile(r"^[+\-－−]?\d+(?:,\d{3})*(?:\.\d+)?\s*[%％]?$")
# A cell that writes its own unit, a rate or a change in percent (| -18.3% |): its unit whatever the column's.
_OWN_PERCENT = re.compile(r"[%％]$")
_UNIT_HEADERS = {"单位", "计量单位", "单 位"}
# … at the header's end, or at the end of a name a merged header joined with the name under it (数量（件） 2024年)
_UNIT_IN_HEADER = re.compile(r"[（(]\s*(?:单位\s*[:：])?\s*(?P<unit>[^（）()\s]{1,4})\s*[)）](?=\s|$)")
# … or a header that counts in its unit, 件数 or 受理件数, 人数, 次数 (the unit before 数 at the header's end)
_COUNT_OF_UNIT = re.compile(r"(?P<unit>[\u4e00-\u9fff]{1,2})数$")
_CHANGE = re.compile(r"同比|增减|增幅|增长|变化|比上年|较上年|环比")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# A target column's header (年度目标, 目标值, 计划数, 预期目标, 任务数); one that also says 完成 or 实际
# (计划完成率, 目标完成值) is the completion's.
_TARGET = re.compile(r"目标|计划|预期|预计|任务数|任务量|指标值")
_DONE = re.compile(r"完成|实际|实绩|达成|实现")
# A total row's label (合计, 总计, 全镇合计); with several, the last is the whole's and the others (小计) are parts.
_TOTAL = re.compile(r"^(?:全\S{1,3})?(?:合\s*计|总\s*计|共\s*计|小\s*计)$")
_INDEX = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")  # a 序号 cell


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a table LINE that starts at OFFSET: a blank cell between two
    bars (an empty 备注) keeps its place, so that the cells after it stay under their headers."""
    cells = []
    bars = [-1, *(m.start() for m in re.finditer(f"[{_BARS}]", line)), len(line)]
    for left, right in zip(bars, bars[1:]):
        raw = line[left + 1:right]
        if not raw.strip() and (left == -1 or right == len(line)):
            continue  # outside the first or the last bar
        start = left + 1 + len(raw) - len(raw.lstrip())
        cells.append((offset + start, offset + start + len(raw.strip()), raw.strip()))
    return cells


def _table_blocks(text: str):
    """Runs of consecutive lines that are table rows (three cells or more), as (offset, line) lists."""
    block, offset = [], 0
    for line in text.split("\n"):
        if len(re.findall(f"[{_BARS}]", line.strip().strip(_BARS))) >= _MIN_CELLS - 1 or (block and _RULE_ROW.match(line)):
            block.append((offset, line))
        else:
            if len(block) >= 2:
                yield block
            block = []
        offset += len(line) + 1
    if len(block) >= 2:
        yield block


def table_rows(text: str) -> list[list[list[str]]]:
    """The tables of TEXT (cells split by | or ｜, or a box's │), each as its rows of cell texts, rules left out."""
    return [[[cell for _, _, cell in _cells(line, offset)] for offset, line in block if not _RULE_ROW.match(line)]
            for block in _table_blocks(text)]


def is_index_cell(cell: str) -> bool:
    """Is CELL a row's 序号 (1, 12, 三、)?"""
    return bool(_INDEX.match(cell))


def table_figures(text: str, units: set[str]) -> list[TableFigure]:
    """The figures of the tables in TEXT whose unit is one of UNITS (see the module's docstring)."""
    figures: list[TableFigure] = []
    for block in _table_blocks(text):
        rows = [_cells(line, offset) for offset, line in block if not _RULE_ROW.match(line)]
        header = [cell for _, _, cell in rows[0]]
        if any(_NUMBER.match(cell) for cell in header):
            continue  # no header row: the columns say nothing of their units or years
        unit_column = next((i for i, cell in enumerate(header) if cell in _UNIT_HEADERS), None)
        years = {i: int(m.group()) for i, cell in enumerate(header) if (m := _YEAR.search(cell))
                 and not _CHANGE.search(cell)}
        earlier = _earlier_changes(header, years)
        changes = [i for i, cell in enumerate(header) if _CHANGE.search(cell) and i not in earlier]
        # a target gives nothing (it was planned, not done), nor does last year's change
        targets = {i for i, cell in enumerate(header) if _TARGET.search(cell) and not _DONE.search(cell)} | earlier
        measures = _measure_columns(header, rows[1:], unit_column, years, changes, targets)
        if measures:
            figures += _cross_figures(header, rows[1:], measures, units)
            continue
        for row in rows[1:]:
            if len(row) != len(header):
                continue  # a merged or short row: its cells no longer stand under their headers
            cells = [cell for _, _, cell in row]
            numbers = [i for i, cell in enumerate(cells) if _NUMBER.match(cell) and not (i == 0 and _INDEX.match(cell))
                       and i not in targets]
            labels = [i for i, cell in enumerate(cells) if cell and i != unit_column and not _NUMBER.match(cell)
                      and not _INDEX.match(cell)]
            if not numbers or not labels:
                continue
            own = [i for i in numbers if i not in changes]
            counts = [i for i in own if not _OWN_PERCENT.search(cells[i])]  # (| 件数 | 占比 |: the count, the share beside it)
            current = (max(own, key=lambda i: years[i]) if own and all(i in years for i in own)
                       else (counts or own or [None])[0])
            label = labels[0]
            for column in ([current] if current is not None else []) + [i for i in numbers if i in changes]:
                unit_cell = cells[unit_column] if unit_column is not None else _unit_of_label(cells[label])
                unit = _unit_of_column(header[column], unit_cell, change=column in changes, units=units)
                if _OWN_PERCENT.search(cells[column]):
                    unit = "%"  # | 同比 | -18.3% |: the cell says its unit
                elif (column in changes and unit == "%" and not _UNIT_IN_HEADER.search(header[column])
                        and _difference(cells, column, current, own, years)):
                    unit = _unit_of_column(header[current], unit_cell, change=False)  # 增减 +6: 6 件 more, not 6 %
                if unit in units:
                    value = _cell_value(cells[column])
                    figures.append(TableFigure(row[label][0], row[column][1], cells[label], value, unit,
                                               change=column in changes, number_start=row[column][0]))
    return figures


def _difference(cells: list[str], column: int, current: int | None, own: list[int], years: dict[int, int]) -> bool:
    """Whether the change cell at COLUMN is the year's figure less an earlier year's in the same row (| 件 | 18 | 24 |
    +6 |): a change in the row's own unit, where a header naming no unit (增减, 比上年) leaves it open."""
    if current is None or current not in years:
        return False
    earlier = [i for i in own if i in years and years[i] < years[current]]
    if not earlier:
        return False
    change, latest = _cell_value(cells[column]), _cell_value(cells[current])
    return change != 0 and any(abs(latest - _cell_value(cells[i]) - change) < 1e-6 for i in earlier)


def _cell_value(cell: str) -> float:
    return float(cell.replace(",", "").replace("－", "-").replace("−", "-").rstrip("%％ "))


def _earlier_changes(header: list[str], years: dict[int, int]) -> set[int]:
    """The change columns of a year before the table's latest (2023年 同比 beside 2024年 同比): last year's
    change on the year before, no change of the report's year."""
    latest = max(years.values(), default=None)
    return {i for i, cell in enumerate(header) if _CHANGE.search(cell) and (m := _YEAR.search(cell))
            and latest is not None and int(m.group()) < latest}


def _measure_columns(header: list[str], rows, unit_column, years, changes, targets) -> list[int]:
    """The number columns of a table of places by measures with a total row: two or more columns, each
    naming its unit in its header and none a year's, a change's or a target's, and no 单位 column; [] for
    any other table."""
    if unit_column is not None or years:
        return []
    labels = [cells[0][2] for cells in rows if len(cells) == len(header)]
    if not any(_TOTAL.match(re.sub(r"\s+", "", label)) for label in labels):
        return []
    columns = [i for i in range(1, len(header)) if i not in changes and i not in targets
               and any(len(cells) == len(header) and _NUMBER.match(cells[i][2]) for cells in rows)]
    if len(columns) < 2 or not all(_UNIT_IN_HEADER.search(header[i]) for i in columns):
        return []
    return columns


def _cross_figures(header: list[str], rows, columns: list[int], units: set[str]) -> list[TableFigure]:
    """Every cell of COLUMNS in ROWS (see `_measure_columns`), the last total row's as the whole's."""
    labels = [re.sub(r"\s+", "", cells[0][2]) if len(cells) == len(header) else "" for cells in rows]
    whole = max(i for i, label in enumerate(labels) if _TOTAL.match(label))
    figures = []
    for n, row in enumerate(rows):
        if len(row) != len(header) or _NUMBER.match(row[0][2]) or not row[0][2]:
            continue  # a merged or short row, or one with no place's name first
        for column in columns:
            unit = _unit_of_column(header[column], "", change=False)
            if unit not in units or not _NUMBER.match(row[column][2]):
                continue
            measure = header[column][:_UNIT_IN_HEADER.search(header[column]).start()].strip()
            value = _cell_value(row[column][2])
            figures.append(TableFigure(row[0][0], row[column][1], row[0][2], value, unit,
                                       number_start=row[column][0], measure=measure, part=n != whole))
    return figures


def _unit_of_label(label: str) -> str:
    """The unit a row's label names in brackets at its end (执法检查（次）, 调解成功率（%）), when no column does."""
    named = _UNIT_IN_HEADER.search(label)
    return named.group("unit") if named and named.end() == len(label) else ""


def _unit_of_column(header: str, unit_cell: str, *, change: bool, units: set[str] = frozenset()) -> str:
    """The unit of a number under HEADER in a row whose 单位 cell is UNIT_CELL: a change column's is %
    (个百分点 in a row of rates); else the header's (金额（万元）), else the row's, else the one a header
    counting in it names (件数, 受理件数, 人次数: one of UNITS)."""
    named = _UNIT_IN_HEADER.search(header)
    if change:  # a rate's change is in points, whatever the header says (出庭应诉率 100 against 96.3: 3.7)
        return "个百分点" if unit_cell.replace("％", "%") == "%" else "%"
    if named:
        return named.group("unit").replace("％", "%")
    if not unit_cell and (counted := _COUNT_OF_UNIT.search(header.strip())):
        unit = counted.group("unit")
        return unit if unit in units else unit[-1] if unit[-1] in units else ""
    return unit_cell.replace("％", "%")
