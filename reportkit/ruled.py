"""A PDF page's ruled tables read from their cell borders: each row one line, its cells joined by tabs.

A Word table (Table Grid) printed to PDF keeps its borders as drawn lines or rectangles. Read line by
line, as the rest of the page is (`unwrap.lines_of`), a cell that wraps puts its second line on a line
of its own and cuts the block of rows; a header cell merged over two rows stands on one of them only;
and a right-aligned number beside a left-aligned note, only the two cells' paddings apart, is one
cell. Read from its borders (pdfplumber's `find_tables`), a row is one `Line` of tab-separated cells,
the text the Word reader gives for the same table (`readers._table_rows`), so that the rules after it
read both alike:

- a cell's wrapped lines joined as a paragraph's (`unwrap.cell_text`);
- a cell merged across columns given once, a cell merged down rows given in each of its rows
  (python-docx gives the top cell for each row it spans), and a header merged over two or three rows
  one row whose names join the cell above and the cells below (`table_grid`, as the Word reader);
- a table that goes on over a page repeats its header there; the repeat is left out, as the Word
  file has the header once; a row broken over the page (Word's default for a row whose cells wrap)
  is one row again;
- a row whose cells are all empty gives no line.

Only a grid of two rows and two columns or more is a table: a box drawn around a paragraph, a page's
frame or a rule under a letterhead is not. The text outside the tables is read as before, and a page
with nothing drawn on it pays for nothing but one look at its drawn objects.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from .unwrap import Line, cell_text, lines_of

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (points, from the top left)

_REPEATED_HEADER = 3  # at most this many leading rows of a table going on over a page are its repeated header


def document_lines(pages: Iterable) -> list[list[Line]]:
    """Each of PAGES' (pdfplumber pages') printed lines from top to bottom (`page_lines`), a table's
    header repeated on a page it goes on to left out, and a row broken over the page one row again."""
    out, header = [], ()
    for page in pages:
        lines, next_header = page_lines(page, header)
        if header and out and lines and lines[0].ruled:  # a table goes on at the top of this page
            _rejoin_broken_row(out[-1], lines)
        out.append(lines)
        header = next_header
    return out


def _rejoin_broken_row(page_above: list[Line], lines: list[Line]) -> None:
    """A row that Word broke over the page (the default for a row whose cells wrap) goes on as the
    first row of the next: joined, cell by cell, to the last row above (PAGE_ABOVE's) and taken out of
    LINES. Told by its empty number cell: in a table whose rows are numbered (序号), a row with no
    number is the rest of the row above."""
    from .figure_tables import is_index_cell

    above = next((i for i in range(len(page_above) - 1, -1, -1) if page_above[i].ruled), None)
    if above is None:
        return
    upper, lower = page_above[above].text.split("\t"), lines[0].text.split("\t")
    if len(upper) != len(lower) or lower[0] or not is_index_cell(upper[0]):
        return
    text = "\t".join(cell_text([a, b]) for a, b in zip(upper, lower))
    row = page_above[above]
    page_above[above] = Line(text, row.x0, row.x1, row.top, row.bottom, ruled=True)
    del lines[0]


def page_lines(page, header_above: Sequence[str] = ()) -> tuple[list[Line], tuple[str, ...]]:
    """PAGE's printed lines from top to bottom, each row of a ruled table one `Line` (ruled, its cells
    joined by tabs); and the first rows of its last table, which the next page repeats when the
    table goes on there. HEADER_ABOVE: the previous page's; rows that repeat it at the top of this
    page are left out."""
    tables = ruled_tables(page)
    if not tables:
        return lines_of(page.extract_text_lines(strip=True)), ()
    grids = [(table.bbox, table.cells) for table in tables]  # (pdfplumber computes a table's box on each call)
    outside = page.filter(lambda obj: obj.get("object_type") != "char"
                          or not any(_in_grid(grid, obj) for grid in grids))
    lines = lines_of(outside.extract_text_lines(strip=True))
    rows, header = [], ()
    for table, grid in zip(tables, grids):
        table_rows = table_lines(table, [char for char in page.chars if _in_grid(grid, char)])
        header = tuple(row.text for row in table_rows[:_REPEATED_HEADER])
        if table is tables[0] and not any(line.top < table.bbox[1] for line in lines):
            repeated = _repeated(table_rows, header_above)  # it goes on from the page before
            table_rows, header = table_rows[repeated:], header if not repeated else tuple(header_above)
        rows.extend(table_rows)
    # The last table may go on over the page when nothing but the page's foot stands below it.
    if sum(line.top >= tables[-1].bbox[3] for line in lines) > 1:
        header = ()
    return sorted(lines + rows, key=lambda line: line.top), header


def ruled_tables(page) -> list:
    """The tables PAGE's drawn rules make (pdfplumber `Table`s), grids of two rows and two columns or
    more; none, without looking further, on a page that draws nothing."""
    if not (page.rects or page.lines or page.curves):
        return []
    try:
        return [table for table in page.find_tables() if _is_grid(table)]
    except MemoryError:
        raise
    except Exception as exc:  # odd drawings pdfplumber cannot make a grid of: the page is read line by line
        log.warning("ruled tables of a PDF page not read (%s: %s); its lines are read as printed",
                    type(exc).__name__, exc)
        return []


def _is_grid(table) -> bool:
    rows = table.rows
    return len(rows) >= 2 and len(rows[0].cells) >= 2


def table_lines(table, chars: Sequence[dict]) -> list[Line]:
    """TABLE's rows as `Line`s, cells joined by tabs: CHARS (the page's glyphs inside the table) read
    cell by cell, merged cells and a header merged over rows given as the Word reader gives them
    (`table_grid`: the cell that covers each column of each row, one key however many it covers)."""
    from .table_grid import row_groups

    columns = sorted({cell[0] for cell in table.cells})
    grid, bounds = [], []
    for k, row in enumerate(table.rows):
        top = row.bbox[1]
        boxes = [_covering(table.cells, x, top) or (k, x) for x in columns]  # (k, x): no cell, a key of its own
        spanned = _spanned([box for box in boxes if len(box) == 4] or [row.bbox])
        in_row = [char for char in chars if _holds(spanned, char)]  # fewer glyphs to sort into cells
        texts = {box: _text_in(box, in_row) for box in dict.fromkeys(boxes) if len(box) == 4}
        grid.append([(box, texts.get(box, "")) for box in boxes])
        bounds.append(row.bbox)
    out = []
    for first, last, texts in row_groups(grid):
        if any(texts):
            x0, top = min(bounds[k][0] for k in range(first, last + 1)), bounds[first][1]
            out.append(Line("\t".join(texts), x0, max(bounds[k][2] for k in range(first, last + 1)), top,
                            bounds[last][3], ruled=True))
    return out


def _covering(cells: Sequence[Box], x: float, top: float) -> Box | None:
    """The cell over column X of the row at TOP: its own, one merged across from the left, or one merged
    down from a row above; None where the row stops short."""
    return next((cell for cell in cells if cell[0] <= x < cell[2] and cell[1] <= top < cell[3]), None)


def _spanned(boxes: Sequence[Box]) -> Box:
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _text_in(box: Box, chars: Sequence[dict]) -> str:
    from pdfplumber.utils import extract_text

    inside = [char for char in chars if _holds(box, char)]
    return cell_text(extract_text(inside).split("\n")) if inside else ""


def _in_grid(grid: tuple[Box, Sequence[Box]], char: dict) -> bool:
    """Does one of a table's cells (GRID: its box and its cells) hold CHAR? (A glyph inside the table's
    box but in no cell, where a row stops short, is read with the text outside.)"""
    box, cells = grid
    return _holds(box, char) and any(_holds(cell, char) for cell in cells)


def _holds(box: Box, char: dict) -> bool:
    """Does BOX hold CHAR's centre (as pdfplumber assigns a glyph to a cell)?"""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _repeated(rows: Sequence[Line], header: Sequence[str]) -> int:
    """How many of ROWS, from the first, repeat HEADER's rows."""
    n = 0
    while n < min(len(rows), len(header)) and rows[n].text == header[n]:
        n += 1
    return n
