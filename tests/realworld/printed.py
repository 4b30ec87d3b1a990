"""A report's text as an analyst receives it printed: a PDF typeset on A4, or the text copied out
of one (hard-wrapped). Used to check that the build reads a report the same in every form.

    pdf_bytes(text)      A4 pages (matplotlib, the bundled CJK font embedded so the text layer is
                         real): a centred title in larger type, body paragraphs wrapped at the
                         right margin with their first line indented two characters, a table's
                         cells (tab-separated) set apart, "— N —" at the foot of each page
    hard_wrapped(text)   the same lines as plain text, one printed line per line, indents lost

The line breaking is a word processor's at its simplest: a line is filled to the margin, and a
closing mark (，。、”) never begins a line.
"""
from __future__ import annotations

import io
from functools import lru_cache

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 80.0, 80.0, 100.0, 90.0
BODY, TITLE = 16.0, 22.0  # 三号 and 二号, the sizes of official documents
LEADING = 1.65
_CLOSING = set("，。、；：？！）》”’%,.;:?!)")


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


def printed_lines(text: str) -> list[tuple[str, float, float]]:
    """(line, x, size) of TEXT typeset: the first line a centred title when it is short, the other
    paragraphs indented two characters and wrapped."""
    width = PAGE_W - LEFT - RIGHT
    out: list[tuple[str, float, float]] = []
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    for i, paragraph in enumerate(paragraphs):
        if i == 0 and len(paragraph) <= 40 and not paragraph.endswith("。"):
            for line in _wrap(paragraph, TITLE, width, 0):
                out.append((line, LEFT + (width - _width(line, TITLE)) / 2, TITLE))
            continue
        for j, line in enumerate(_wrap(paragraph, BODY, width, 2 * BODY)):
            out.append((line, LEFT + (2 * BODY if j == 0 else 0), BODY))
    return out


def hard_wrapped(text: str) -> str:
    """TEXT as copied out of its printed pages: a line per printed line, no indents."""
    return "\n".join(line for line, _, _ in printed_lines(text))


def pdf_bytes(text: str) -> bytes:
    """TEXT typeset on A4 pages, as a PDF with a text layer."""
    import matplotlib
    import noto_cjk_sans_otc
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=str(noto_cjk_sans_otc.FONT_PATH))
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buffer) as pdf:
        page, y, number = None, 0.0, 0
        for line, x, size in printed_lines(text):
            if page is None or y + size > PAGE_H - BOTTOM:
                if page is not None:
                    pdf.savefig(page)
                number += 1
                page, y = _page(number, font), TOP
            # a table's row: each cell set after a gap, which the text layer keeps as no character
            for cell in line.split("\t"):
                page.text(x / PAGE_W, 1 - (y + size) / PAGE_H, cell, fontproperties=font, fontsize=size)
                x += _width(cell + "\t", size)
            y += size * LEADING
        if page is not None:
            pdf.savefig(page)
    return buffer.getvalue()


def _page(number: int, font):
    from matplotlib.figure import Figure

    page = Figure(figsize=(PAGE_W / 72, PAGE_H / 72))
    foot = f"— {number} —"
    page.text((PAGE_W - _width(foot, 14)) / 2 / PAGE_W, 50 / PAGE_H, foot, fontproperties=font, fontsize=14)
    return page
