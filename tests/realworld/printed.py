"""A report's text as an analyst receives it printed: a PDF typeset on A4, or the text copied out
of one (hard-wrapped). Used to check that the build reads a report the same in every form.

    pdf_bytes(text)      A4 pages (matplotlib, the bundled CJK font embedded so the text layer is
                         real): a centred title in larger type, body paragraphs wrapped at the
                         right margin with their first line indented two characters, a table's
                         cells (tab-separated) set apart, "— N —" at the foot of each page
    pdf_bytes(text, ruled=True)
                         the same, each block of two or more tab-separated lines set as a ruled
                         table (Word's Table Grid): an outer box, row and column rules, each
                         column as wide as its text needs or a share of the line, a cell's text
                         wrapped inside its column, numbers set right and text left a cell's
                         padding (half a character) in; a row that does not fit broken over
                         the page after the lines that do (as Word breaks it), the header set
                         again on the page the table goes on to. A cell that is SPAN_LEFT merges
                         into the cell on its left, one that is SPAN_UP into the cell above (a
                         header over two columns or two rows).
    as_read(text)        TEXT's tables as the Word reader reads a .docx of them: a cell merged
                         across columns once, a cell merged down rows in each of its rows
    hard_wrapped(text)   the same lines as plain text, one printed line per line, indents lost

The line breaking is a word processor's at its simplest: a line is filled to the margin, and a
closing mark (，。、”) never begins a line.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 80.0, 80.0, 100.0, 90.0
BODY, TITLE = 16.0, 22.0  # 三号 and 二号, the sizes of official documents
LEADING = 1.65
_CLOSING = set("，。、；：？！）》”’%,.;:?!)")
TABLE = 14.0  # 四号, a table's type
TABLE_LEADING = 1.3
PAD = 0.5 * TABLE  # a cell's padding on each side: a number and a note beside it are a character apart
SPAN_LEFT, SPAN_UP = "<<", "^^"  # a cell merged into the one on its left / above
_NUMBER = re.compile(r"^[+\-]?\d+(?:\.\d+)?%?$")


def _width(text: str, size: float) -> float:
    return sum(_advance(c) for c in text) * size


_TAB = 2.0  # a tab (between a table's cells) is set as a gap of this many ems


@lru_cache(maxsize=None)
def _advance(char: str) -> float:
    """The width of CHAR in the bundled font, in ems (“ and digits are narrower than a character)."""
    if char == "\t":
        return _TAB
    import noto_cjk_sans_otc
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    font = FontProperties(fname=str(noto_cjk_sans_otc.FONT_PATH))
    # Measured between two full-width characters, so that a glyph's own side bearings count.
    return (TextPath((0, 0), f"一{char}一", size=100, prop=font).get_extents().width
            - TextPath((0, 0), "一一", size=100, prop=font).get_extents().width) / 100


def _wrap(text: str, size: float, width: float, indent: float) -> list[str]:
    lines, line, room = [], "", width - indent
    for char in text:
        if line and _width(line + char, size) > room and char not in _CLOSING:
            lines.append(line)
            line, room = "", width
        line += char
    return [*lines, line] if line else lines


def printed_lines(text: str, *, title: bool = True) -> list[tuple[str, float, float]]:
    """(line, x, size) of TEXT typeset: the first line a centred title when it is short (and TITLE:
    TEXT begins the report), the other paragraphs indented two characters and wrapped."""
    width = PAGE_W - LEFT - RIGHT
    out: list[tuple[str, float, float]] = []
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    for i, paragraph in enumerate(paragraphs):
        if title and i == 0 and len(paragraph) <= 40 and not paragraph.endswith("。"):
            for line in _wrap(paragraph, TITLE, width, 0):
                out.append((line, LEFT + (width - _width(line, TITLE)) / 2, TITLE))
            continue
        for j, line in enumerate(_wrap(paragraph, BODY, width, 2 * BODY)):
            out.append((line, LEFT + (2 * BODY if j == 0 else 0), BODY))
    return out


def hard_wrapped(text: str) -> str:
    """TEXT as copied out of its printed pages: a line per printed line, no indents."""
    return "\n".join(line for line, _, _ in printed_lines(text))


def pdf_bytes(text: str, *, ruled: bool = False) -> bytes:
    """TEXT typeset on A4 pages, as a PDF with a text layer; RULED: its tables with their borders."""
    import matplotlib
    import noto_cjk_sans_otc
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=str(noto_cjk_sans_otc.FONT_PATH))
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buffer) as pdf:
        pages = _Pages(pdf, font)
        for block in blocks(text) if ruled else [text]:
            if isinstance(block, list):
                _ruled_table(pages, block)
                continue
            for line, x, size in printed_lines(block, title=pages.page is None):
                pages.room(size)
                # a table's row: each cell set after a gap, which the text layer keeps as no character
                for cell in line.split("\t"):
                    pages.text(x, pages.y + size, cell, size)
                    x += _width(cell + "\t", size)
                pages.y += size * LEADING
        pages.close()
    return buffer.getvalue()


class _Pages:
    """The pages being set: the current one, where the next line goes, a new page when one is full."""

    def __init__(self, pdf, font):
        self.pdf, self.font = pdf, font
        self.page, self.y, self.number = None, 0.0, 0

    def room(self, height: float) -> bool:
        """Make room for HEIGHT on the page (a new page when it is full); whether a new page was begun."""
        if self.page is not None and self.y + height <= PAGE_H - BOTTOM:
            return False
        self.close()
        self.number += 1
        self.page, self.y = _page(self.number, self.font), TOP
        return True

    def text(self, x: float, baseline: float, text: str, size: float) -> None:
        self.page.text(x / PAGE_W, 1 - baseline / PAGE_H, text, fontproperties=self.font, fontsize=size)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        from matplotlib.lines import Line2D

        self.page.add_artist(Line2D([x0 / PAGE_W, x1 / PAGE_W], [1 - y0 / PAGE_H, 1 - y1 / PAGE_H],
                                    transform=self.page.transFigure, linewidth=0.6, color="black"))

    def close(self) -> None:
        if self.page is not None:
            self.pdf.savefig(self.page)
            self.page = None


def blocks(text: str) -> list:
    """TEXT's runs of paragraphs (a str) and its tables (a list of rows, each a list of cells): two or
    more tab-separated lines in a row (a row's empty last cells kept)."""
    out, lines = [], [line.strip(" \u3000\r") for line in text.split("\n") if line.strip()]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if j - i >= 2:
            out.append([line.split("\t") for line in lines[i:j]])
            i = j
            continue
        j = max(j, i + 1)
        while j < len(lines) and not ("\t" in lines[j] and j + 1 < len(lines) and "\t" in lines[j + 1]):
            j += 1
        out.append("\n".join(lines[i:j]))
        i = j
    return out


def as_read(text: str) -> str:
    """TEXT with its tables' merged cells as the Word reader reads a .docx of them: a cell merged
    across columns once, a cell merged down rows in each of its rows, and a header of two rows (the
    second under a cell merged across, the other cells merged down into it) as one row whose names join
    the name above and the name below (完成情况 2023年)."""
    out = []
    for block in blocks(text):
        if isinstance(block, str):
            out.append(block)
            continue
        if _two_row_header(block):
            above = [cell if cell != SPAN_LEFT else next(c for c in reversed(block[0][:k]) if c != SPAN_LEFT)
                     for k, cell in enumerate(block[0])]
            names = [name if below == SPAN_UP else f"{name} {below}" for name, below in zip(above, block[1])]
            block = [names, *block[2:]]
        grid: list[list[str]] = []
        for r, row in enumerate(block):
            grid.append([grid[r - 1][c] if cell == SPAN_UP and r and c < len(grid[r - 1]) else cell
                         for c, cell in enumerate(row)])
        out.extend("\t".join(cell for cell in row if cell != SPAN_LEFT) for row in grid)
    return "\n".join(out)


def _two_row_header(block: list[list[str]]) -> bool:
    """Does BLOCK open with a header of two rows: a cell merged across in the first, names under it in the
    second, and the second's other cells merged down from the first?"""
    return (len(block) > 2 and SPAN_LEFT in block[0] and SPAN_UP in block[1] and len(block[1]) == len(block[0])
            and all(below == SPAN_UP or above == SPAN_LEFT or (k + 1 < len(block[0]) and block[0][k + 1] == SPAN_LEFT)
                    for k, (above, below) in enumerate(zip(block[0], block[1]))))


@dataclass
class _Cell:
    text: str
    column: int
    columns: int = 1  # how many columns it spans
    rows: int = 1  # how many rows it spans


def _cells(rows: list[list[str]]) -> list[list[_Cell]]:
    """Each row's cells with their spans (a SPAN_LEFT or SPAN_UP cell widens or lengthens another)."""
    grid: list[list[_Cell | None]] = []
    for r, row in enumerate(rows):
        grid.append([])
        for c, text in enumerate(row):
            if text == SPAN_LEFT and grid[r] and grid[r][-1] is not None:
                grid[r][-1].columns += 1
                grid[r].append(grid[r][-1])
            elif text == SPAN_UP and r and c < len(grid[r - 1]) and grid[r - 1][c] is not None:
                above = grid[r - 1][c]
                if above.column == c:
                    above.rows += 1
                grid[r].append(above)
            else:
                grid[r].append(_Cell(text, c))
    # each cell once, in the row where it begins
    return [[cell for c, cell in enumerate(row) if cell.column == c and (r == 0 or c >= len(grid[r - 1])
             or grid[r - 1][c] is not cell)] for r, row in enumerate(grid)]


def _column_widths(cells: list[list[_Cell]], n: int) -> list[float]:
    """Each column as wide as its widest one-column cell needs, the wide ones narrowed to share the line."""
    natural = [2 * PAD + TABLE] * n
    for row in cells:
        for cell in row:
            if cell.columns == 1:
                natural[cell.column] = max(natural[cell.column], _width(cell.text, TABLE) + 2 * PAD)
    room = PAGE_W - LEFT - RIGHT
    if sum(natural) <= room:
        return natural
    share = room / n
    narrow = sum(w for w in natural if w <= share)
    wide = sum(w for w in natural if w > share)
    return [w if w <= share else w * (room - narrow) / wide for w in natural]


def _cell_lines(cell: _Cell, widths: list[float]) -> list[str]:
    width = sum(widths[cell.column:cell.column + cell.columns]) - 2 * PAD
    return _wrap(cell.text, TABLE, width, 0) or [""]


_CELL_LINE = TABLE * TABLE_LEADING
_CELL_MARGIN = 2 * PAD * 0.6  # a cell's text stands this far below its top rule and above its bottom one


def _row_heights(cells: list[list[_Cell]], widths: list[float]) -> list[float]:
    heights = []
    for row in cells:
        lines = max((len(_cell_lines(cell, widths)) for cell in row if cell.rows == 1), default=1)
        heights.append(lines * _CELL_LINE + _CELL_MARGIN)
    return heights


def _ruled_table(pages: _Pages, rows: list[list[str]]) -> None:
    """ROWS set as a ruled table, row by row. A row that does not fit is broken over the page after
    the lines of its cells that fit (Word's default for a row), or, when none fits, begins the next
    page; there the header (the first row, and the row under it when a header cell spans columns) is
    set again."""
    n = max(len(row) for row in rows)
    cells = _cells([row + [""] * (n - len(row)) for row in rows])
    widths = _column_widths(cells, n)
    heights = _row_heights(cells, widths)
    header = 2 if any(cell.columns > 1 for cell in cells[0]) and len(rows) > 2 else 1

    def next_page():
        pages.room(PAGE_H)
        for h in range(header):
            _set_row(pages, cells, h, widths, heights, stop=header)

    for r, row in enumerate(cells):
        span = max((cell.rows for cell in row), default=1)
        lines = max(len(_cell_lines(cell, widths)) for cell in row) if row and span == 1 else 1
        fit = int((PAGE_H - BOTTOM - pages.y - _CELL_MARGIN) // _CELL_LINE) if pages.page is not None else 0
        if pages.page is not None and pages.y + sum(heights[r:r + span]) > PAGE_H - BOTTOM and r >= header:
            if 0 < fit < lines:
                _set_row(pages, cells, r, widths, heights, stop=len(cells), part=(0, fit))
                next_page()
                _set_row(pages, cells, r, widths, heights, stop=len(cells), part=(fit, lines))
                continue
            next_page()
        pages.room(sum(heights[r:header + 1]) if r < header else 0)  # a header not alone at a page's foot
        _set_row(pages, cells, r, widths, heights, stop=len(cells))


def _set_row(pages: _Pages, cells: list[list[_Cell]], r: int, widths: list[float], heights: list[float], *,
             stop: int, part: tuple[int, int] | None = None) -> None:
    """Row R's cells with their borders at the page's cursor, which then moves below the row (a cell
    spanning rows down to the cursor of the last of them, not past STOP); PART: only these of its
    cells' lines (a row broken over a page)."""
    top = pages.y
    height = heights[r] if part is None else (part[1] - part[0]) * _CELL_LINE + _CELL_MARGIN
    for cell in cells[r]:
        x0 = LEFT + sum(widths[:cell.column])
        x1 = x0 + sum(widths[cell.column:cell.column + cell.columns])
        bottom = top + (sum(heights[r:min(r + cell.rows, stop)]) if part is None else height)
        for a, b, c, d in ((x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)):
            pages.rule(a, b, c, d)
        for k, line in enumerate(_cell_lines(cell, widths)[slice(*part) if part else slice(None)]):
            x = x1 - PAD - _width(line, TABLE) if _NUMBER.match(cell.text) else x0 + PAD
            pages.text(x, top + _CELL_MARGIN / 2 + TABLE + k * _CELL_LINE, line, TABLE)
    pages.y = top + height


def _page(number: int, font):
    from matplotlib.figure import Figure

    page = Figure(figsize=(PAGE_W / 72, PAGE_H / 72))
    foot = f"— {number} —"
    page.text((PAGE_W - _width(foot, 14)) / 2 / PAGE_W, 50 / PAGE_H, foot, fontproperties=font, fontsize=14)
    return page
