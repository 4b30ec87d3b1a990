"""Printed lines back into paragraphs: the layout a word processor gave the report, undone.

A PDF keeps each printed line as a line: a paragraph of a report typeset on A4 comes out of its
text layer cut every ~28 characters, and each page ends with its number (— 3 —). Every rule
that reads the first lines (the title, the opening sentence's subject), a heading that runs
over two lines or a name cut between two lines (中央八项 | 规定) then reads fragments.

A printed line is joined to the next when the line reaches the right edge of the text (it was
wrapped, not ended) and the next line is not the first line of another paragraph: not indented
(Chinese official documents indent a paragraph's first line by two characters), not opening
with a heading's number (一、 （二） 3.), not in another size of type. A title that wraps is
centred on both lines: its second line is joined although it is not at the left edge.
A line that is only a page number (— 3 —, - 3 -, 第3页 共9页), first or last on its page, is
left out, and so is a running head or foot: the same first or last line on most pages, digits
aside.

`paragraphs` takes plain line records (what ``pdfplumber``'s ``Page.extract_text_lines`` gives:
text, x0, x1, top, bottom) so that it is tested without PDFs; `reportkit.readers.read_pdf` gives
it every page's lines, a ruled table's rows among them as lines of their own (`reportkit.ruled`).

Text copied out of a PDF into a .txt or .docx keeps the printed lines but not where they stood.
`unwrap_text` measures them in characters (a Latin letter or digit half of one, an indent of
full-width spaces kept) and joins them by the same rules, only when the text is laid out so:
most of its lines as wide as one another, none of them a whole paragraph.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .chinese import ANNOUNCES_BODY, CJK, CLAUSE_END, HEADING_CLOSE, HEADING_LINE, SHI_MARKER

#: A line that is only a page number: — 3 —, - 3 -, 3, 3/9, 第 3 页, 第3页 共9页, Page 3.
PAGE_NUMBER = re.compile(r"^[\s\-—–－_·•]*(?:第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页|"
                         r"(?:page\s*)?\d{1,4}(?:\s*[/／]\s*\d{1,4})?)[\s\-—–－_·•]*$", re.I)
# (共3页 alone: the second half of 第2页 共3页 when a copy set it on a line of its own.)

#: The running head a printed page repeats under the last page's number: the report's title (…年度报告), the
#: issuer's red header (某镇人民政府文件, 某街道办事处文件) or the document's number (某政发〔2025〕8号).
RED_HEADER = r"(?:政府|办事处|委员会|办公室|党委|党工委)文件"  # the issuer's line atop a 公文: 某镇人民政府文件
DOCUMENT_NUMBER = r"〔(?:19|20)\d\d〕\d{1,4}号"  # a 发文字号's year and number: 某政发〔2025〕8号
RUNNING_HEAD = re.compile(rf"^[^，,。；;：:！!？?、]{{4,40}}(?:报告|总结|情况|{RED_HEADER})$"
                          rf"|^[^，,。；;：:！!？?、\s]{{1,12}}{DOCUMENT_NUMBER}$")


def is_page_number(line: str) -> bool:
    """Is LINE only a page's number (a bare number aside: in text it may be a table's cell)?"""
    line = line.strip()
    return bool(line) and not line.isdigit() and bool(PAGE_NUMBER.match(line))


#: A page's header or footer of one line: the running head (the report's title) and the page's number beside it, as a
#: PDF's text copy keeps them (…年度法治政府建设工作报告　　第 3 页 共 3 页; 第 2 页　…情况报告).
_PAGE_NUMBER_WORDS = r"(?:第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2})"
_HEAD_AND_NUMBER = re.compile(rf"^(?P<head>[^，,。；;：:！!？?、]{{4,40}}?)[\s\u3000]+{_PAGE_NUMBER_WORDS}$"
                              rf"|^{_PAGE_NUMBER_WORDS}[\s\u3000]+(?P<head2>[^，,。；;：:！!？?、]{{4,40}})$")


def is_page_footer(line: str) -> bool:
    """Is LINE a page's number alone, or a running head with the page's number on one line (a PDF's header or footer)?"""
    line = line.strip()
    if is_page_number(line):
        return True
    match = _HEAD_AND_NUMBER.match(line)
    return bool(match) and bool(RUNNING_HEAD.match((match["head"] or match["head2"]).strip()))


def is_running_head(line: str, lines: Sequence[str]) -> bool:
    """Is LINE, right under a page's number, the next page's running head: of RUNNING_HEAD's shapes, or a line that
    follows a page's number twice or more in LINES (whatever its words)?"""
    line = line.strip()
    if not line:
        return False
    if RUNNING_HEAD.match(line):
        return True
    return sum(1 for before, x in zip(lines, lines[1:]) if x.strip() == line and is_page_number(before)) >= 2

# A space the text layer puts between a Chinese character and a digit or Latin letter (2023 年,
# 开展 12 次): the glyphs' spacing, not the author's; rules read 2023年. Not before a heading's
# number (…法治思想 1.深入学习…): there the space is where a paragraph break was lost, and the
# text keeps it for the rules that put the break back.
_GLYPH_SPACE = re.compile(rf"(?<=[{CJK}，。、；：）》”]) (?=[0-9A-Za-z])(?!\d{{1,2}}[.．、][{CJK}])"
                          rf"|(?<=[0-9A-Za-z%]) (?=[{CJK}])")
# A gap this many characters wide between two glyphs of a line is no spacing but a table's cell
# boundary (1 | 便民服务中心办理事项 | 件 | 6352): read as a tab, as the Word file's text has it.
_CELL_GAP = 1.5

# A wrapped line stops short of the right edge when the next line's first unbreakable run (a
# number, 抓” with its closing quote, “1+4+8”) did not fit; by how much more (in characters of
# its size) a gap may exceed that run and the line still count as wrapped, and never by more than
# _MAX_GAP characters.
_FIT_SLACK = 1.0
_MAX_GAP = 6.0
# How far from the left edge (in characters) a paragraph's first line begins: two characters by
# custom; a line one character in is already another paragraph's.
_INDENT = 1.0
# A line that begins further in than this (in characters) is set right or centred (a signature, its date, a
# caption): it ends its paragraph, however near the edge it reaches (2024年1月19日 above the next page's 附件).
_SET_RIGHT = 3.5
# A title's second line is centred: its margins differ by less than this (in characters), and it
# is among the first _TITLE_LINES lines of the first page.
_CENTRED = 1.0
_TITLE_LINES = 6
# Lines of sizes further apart than this share (a title, then the body) are not one paragraph.
_SIZE_RATIO = 1.15
# Where a line may not break (Chinese line-breaking rules, and Unicode's for quotation marks,
# which word processors apply to “ ” too): before closing punctuation, after opening
# punctuation, on either side of a quotation mark, inside a run of digits and Latin letters.
_CLOSING = set("，。、；：？！）》」』〉】%‰·…—,.;:?!)]}")
_OPENING = set("（《「『〈【([{")
_QUOTES = set("“”‘’\"'")
_HANGING = _CLOSING | _QUOTES


@dataclass(frozen=True)
class Line:
    """A printed line: its text and where it stands on its page (points, from the top left)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    ruled: bool = False  # a ruled table's row (`reportkit.ruled`): a line of its own, its cells joined by tabs

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


def lines_of(records: Iterable[dict]) -> list[Line]:
    """`Line`s of RECORDS (dicts with text, x0, x1, top, bottom, and perhaps the line's glyphs as
    chars), blank ones left out, a table's cell gaps as tabs and the spaces of the glyphs' spacing
    between Chinese and digits or Latin letters taken out."""
    return [Line(_GLYPH_SPACE.sub("", _with_cell_gaps(r)), float(r["x0"]), float(r["x1"]), float(r["top"]),
                 float(r["bottom"])) for r in records if str(r.get("text", "")).strip()]


def _with_cell_gaps(record: dict) -> str:
    """RECORD's text with each space the text layer put for a gap of _CELL_GAP characters or more
    (pdfplumber writes one space for any gap) as a tab; the text as it is when its glyphs are not
    given or do not spell it."""
    text = record["text"].strip()
    chars = record.get("chars") or []
    size = float(record["bottom"]) - float(record["top"])
    if " " not in text or not chars or size <= 0:
        return text
    out, i, before = [], 0, None
    while i < len(chars) and chars[i]["text"].isspace():
        i += 1  # the glyphs of spaces stripped from the text's start
    for char in text:
        if i < len(chars) and chars[i]["text"] == char:
            before, i = chars[i], i + 1
            out.append(char)
        elif char == " " and before is not None and i < len(chars):
            out.append("\t" if float(chars[i]["x0"]) - float(before["x1"]) >= _CELL_GAP * size else " ")
        else:
            return text
    return "".join(out)


def cell_text(printed: Iterable[str]) -> str:
    """A table cell's text from its PRINTED lines: joined as a wrapped paragraph's lines are (a Word
    cell wraps inside its column), the glyphs' spacing taken out."""
    text = ""
    for line in printed:
        line = _GLYPH_SPACE.sub("", line.strip())
        text = _join(text, line) if text and line else text or line
    return text


def paragraphs(pages: Sequence[Sequence[Line]], *, right: float | None = None, slack: float = 0.0) -> str:
    """The text of PAGES (each page's lines from top to bottom): one line per paragraph, page
    numbers left out. RIGHT: the right edge of the text (default: where its longest line ends, marks hanging past it aside);
    SLACK: characters more a wrapped line may stop short of it (an indent that was lost)."""
    body = [[line for i, line in enumerate(page) if not _page_number(page, i)] for page in pages]
    body = _without_furniture(body)
    lines = [line for page in body for line in page]
    if not lines:
        return ""
    # A ruled table may stand wider than the text: the margins are the flowing lines'.
    flowing = [line for line in lines if not line.ruled] or lines
    left = min(line.x0 for line in flowing)
    right = _right_edge(flowing) if right is None else right
    out = [lines[0].text]
    n_title = min(_TITLE_LINES, len(body[0]) if body else 0)
    for i, (before, line) in enumerate(zip(lines, lines[1:]), start=1):
        if (_continues(before, line, left, right, title=i < n_title, slack=slack) and not _whole_heading(out[-1])
                and not (out[-1] == before.text and _heading_stands_alone(lines, i, left, right, slack))):
            out[-1] = _join(out[-1], line.text)
        else:
            out.append(line.text)
    return "\n".join(out)


def _right_edge(lines: Sequence[Line]) -> float:
    """Where LINES' text block ends on the right: where its longest line ends, a line that ends in
    a closing mark aside (…纲要（2021—2025年）》，: the marks a line may not begin with hang past
    the margin, up to a character or more beyond the full lines)."""
    inside = [line.x1 for line in lines if line.text[-1:] not in _HANGING]
    return max(inside or [line.x1 for line in lines])


def _page_number(page: Sequence[Line], i: int) -> bool:
    return i in (0, len(page) - 1) and not page[i].ruled and bool(PAGE_NUMBER.match(page[i].text))


def _without_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """PAGES without their running heads and feet: a first or last line that, digits aside, is the
    first or last line of most pages, set where they are set (a browser's print: 2024/3/5 10:20 …报告
    at the top, the address and 1/3 at the foot; a document's 某某镇人民政府文件). A header or footer
    stands in the same place in the same type on every page; a line of the report that happens to
    open two pages in the same words does not (the issuer's name centred in title type atop page 1
    and as the signature atop the last page; the title under a running head that repeats it from
    page 2 on)."""
    if len(pages) < 2:
        return pages

    def shape(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    def furniture(line: Line, end: int) -> bool:
        if line.ruled:
            return False
        alike = sum(1 for page in pages if page and shape(page[end]) == shape(line) and _same_place(page[end], line, end))
        return alike >= 2 and alike * 2 >= len(pages)

    out = []
    for page in pages:
        lo, hi = 0, len(page)
        if hi and furniture(page[0], 0):
            lo = 1
        if hi > lo and furniture(page[-1], -1):
            hi -= 1
        out.append(page[lo:hi])
    return out


# How far (in characters of the line's type) a running head or foot may stand from where it stands on another page:
# its page number's digits may widen it (— 9 — / — 10 —), or a browser's print shift it a little.
_PLACE = 0.5


def _same_place(a: Line, b: Line, end: int) -> bool:
    """Do A and B (both first lines, END 0, or last lines, END -1, of their pages) stand in the same place in the
    same type: as high (a head's top, a foot's bottom), aligned left, right or centred alike?"""
    size = min(a.size, b.size)
    if max(a.size, b.size) > _SIZE_RATIO * size:
        return False
    tol = _PLACE * size
    if abs(a.top - b.top if end == 0 else a.bottom - b.bottom) > tol:
        return False
    return (abs(a.x0 - b.x0) <= tol or abs(a.x1 - b.x1) <= tol
            or abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= tol)


def _continues(before: Line, line: Line, left: float, right: float, *, title: bool = False,
               slack: float = 0.0) -> bool:
    """Does LINE go on with the paragraph BEFORE ends? (BEFORE wrapped, LINE opens no other one.)
    TITLE: the two lines are among the first of the first page; SLACK as `paragraphs` has it."""
    if before.ruled or line.ruled:
        return False  # a ruled table's row is whole, and no paragraph runs into or out of it
    size = before.size
    if max(size, line.size) > _SIZE_RATIO * min(size, line.size):
        return False
    if _PAGE_FIELD.search(line.text) or (_PAGE_FIELD.search(before.text) and not _BREADCRUMB_STEP.search(line.text)):
        return False  # a page's breadcrumb (wrapped: its next line goes on with > 2022年…) or its date is a line of its own
    if ANNOUNCES_BODY.search(before.text):
        return False  # …现将有关情况报告如下：ends the opening, however full its line
    gap = right - before.x1
    if CLAUSE_END.fullmatch(before.text[-1:]):
        slack = 0.0  # a shorter line that ends a sentence ends its paragraph
    if gap > min(_MAX_GAP, _first_run(line.text) + _FIT_SLACK + slack) * size and not _number_goes_on(before, line):
        return False  # the paragraph ended: LINE's first run would have fitted after it
    if _opens_paragraph(line.text) or "\t" in line.text:
        return False  # (a table's row, its cells apart, is a line of its own)
    if not title and before.x0 - left > _SET_RIGHT * size:
        return False  # BEFORE stands right of any indent: a right-aligned date or signature, a centred caption
    if line.x0 - left < _INDENT * size:
        return True
    # Not at the left edge: another paragraph's first line, or the second line of a centred title.
    return title and abs((line.x0 - left) - (right - line.x1)) < _CENTRED * size


def _number_goes_on(before: Line, line: Line) -> bool:
    """Does LINE go on with a number BEFORE breaks off (…等事项16 / 50件，…; round 111's PDF text layer)? A
    paragraph ends with its sentence, never inside a figure, however short its last line stops: a line that ends
    in a digit (or its decimal point) goes on into one that begins with the figure's other digits and its unit or mark (not a list's
    number, 1. or 2、, nor a year that begins a line of its own, 2024年…)."""
    return (bool(_NUMBER_BROKEN.search(before.text)) and bool(_NUMBER_GOES_ON.match(line.text))
            and not _opens_paragraph(line.text))


_NUMBER_BROKEN = re.compile(r"\d[.．]?$")  # (…经费2. / 56万元)
_NUMBER_GOES_ON = re.compile(r"\d{1,6}(?:[.．]\d+)?(?:余|多)?(?![.．、\d])[^\s\d年]")


# A printed web page's chrome: its breadcrumb (首页>专题专栏>…) and its fields (发布日期:… 浏览次数:…).
_BREADCRUMB_STEP = re.compile(r"[>＞»]")
_PAGE_FIELD = re.compile(r"^\s*[>＞»]|[>＞»][^>＞»]*[>＞»]|发布日期|发布时间|浏览次数|阅读次数|点击数|字体[:：]|【字体|【打印|分享到")


# A heading that fills its printed line to the edge, the body below it unindented ((三)提升行政规范性文件质量,
# 完善依法行政制度体系情况 / 严格执行…): a numbered line with no sentence in it that ends as headings end.
_HEADING_END = ("情况", "成效")
_SENTENCE_MARK = re.compile(r"[。；;：:！？!?]")


def _whole_heading(paragraph: str) -> bool:
    return (paragraph.endswith(_HEADING_END) and _opens_paragraph(paragraph)
            and not _SENTENCE_MARK.search(paragraph))


# …高质量发展 closes a heading as often as it goes on (…发展环境, …发展动能): at a cut it says nothing, but above
# a line that runs on it ends one.
_ALSO_CLOSES = ("发展",)


# The tail of a run-in heading wrapped onto the next line: a few words and the heading's full stop (工作的领导。始终…).
_RUN_IN_TAIL = re.compile(r"[^，,、。；;：:！？!?]{1,12}[。；;：:！？!?]")


def _heading_stands_alone(lines: Sequence[Line], i: int, left: float, right: float, slack: float) -> bool:
    """Is LINES[i - 1] a whole heading (`_heading_above_body`) above LINES[i], the body's first line, which runs on
    to the edge (or is the text's last)?"""
    before, line = lines[i - 1], lines[i]
    return (_heading_above_body(before.text, (right - before.x1) / before.size, line.text)
            and (i + 1 == len(lines) or _continues(line, lines[i + 1], left, right, slack=slack)))


def _heading_above_body(paragraph: str, room: float, line: str) -> bool:
    """Is PARAGRAPH, one printed line, a whole heading although the next LINE is not indented? It opens with a
    heading's number, has no sentence in it, stops on a noun headings close on (一、坚持党的领导…，统筹推进法治政府
    建设) with a character's ROOM or more before the edge (a wrapped line fills it), and LINE does not open with the
    rest of a run-in heading (…党对法治政府建设 / 工作的领导。始终…). The caller asks, too, that LINE run on to the
    edge (the body's first line: 将党的领导贯彻…) or end the text (a copy cut just after the heading): a heading
    wrapped after such a noun (…建设 / 工作) goes on in a short line. An item (一是…，综合执法 / 队员…) is no heading."""
    return (room >= 1.0 and bool(HEADING_LINE.match(paragraph))
            and not _SENTENCE_MARK.search(paragraph)
            and (paragraph.endswith(_ALSO_CLOSES) or bool(HEADING_CLOSE.search(paragraph[-8:])))
            and not _RUN_IN_TAIL.match(line))


# A list's bullet (▪ …, – …, ● …): slides and web pages list so, and a printed line never wraps into one.
_BULLET = re.compile(r"^(?:[▪•●◆◇■□★☆▶►➢✓✔✅📌🔹]|[-–—]\s)")
# A summary card's part number (01　主要举措和成效, 04　2025年工作打算).
_CARD_PART = re.compile(r"^0[1-9][ \t\u3000]+\S")


def _opens_paragraph(text: str) -> bool:
    """Does TEXT begin a heading or an item (一、 （二） 3. 一是 ▪)? A line never wraps into one: a
    heading as wide as the page's lines (（一）深化…执法) would otherwise run on into 一是建立…."""
    return bool(HEADING_LINE.match(text) or SHI_MARKER.match(text) or _BULLET.match(text) or _CARD_PART.match(text))


def _first_run(text: str) -> float:
    """Width, in characters, of the run TEXT begins with that a line may not be broken inside."""
    for i in range(1, len(text)):
        if not _no_break(text[i - 1], text[i]):
            return _width(text[:i])
    return _width(text)


def _no_break(before: str, char: str) -> bool:
    if char in _CLOSING or before in _OPENING or char in _QUOTES or before in _QUOTES:
        return True
    return before.isascii() and char.isascii() and not before.isspace() and not char.isspace()


def _join(text: str, more: str) -> str:
    # Words in Latin script were cut at a space; Chinese is written without one.
    if text[-1:].isascii() and text[-1:].isalpha() and more[:1].isascii() and more[:1].isalpha():
        return f"{text} {more}"
    return text + more


# --------------------------------------------------------------------------- text without positions

# Hard-wrapped text: at least this many lines of at least _MIN_CHARS characters, most of them
# (_SAME_SHARE) within _SAME_WIDTH characters of the common width, which is at most _MAX_WIDTH
# (an A4 line holds ~28 characters of body type; a web page's paragraph is hundreds).
_PARAGRAPH_END = tuple("。；;：:！？!?")
_ENDED_SHARE = 0.6
_MIN_LINES = 8
_MIN_CHARS = 10
_SAME_SHARE = 0.5
_SAME_WIDTH = 3.0
_MAX_WIDTH = 60.0
_LOST_INDENT = 1.0
# A line that begins further in than this (in characters) is set right or centred (a signature, its date, a
# caption): it ends its paragraph, however near the edge it reaches (2024年1月19日 above the next page's 附件).
_SET_RIGHT = 3.5
_FEW_SAME_SHARE = 0.3
_FEW_CUT = 3
_CUT_SHARE = 0.6
_WIDEST = 3.0
_CLAUSE_MARK = re.compile(rf"[，,]|{CLAUSE_END.pattern}")
# A title's last word (metadata's _TITLE_KIND), in both scripts: this runs before the text is
# made Simplified.
_TITLE_END = re.compile(r"(?:报告|報告|情况|情況|总结|總結|汇报|彙報|匯報)(?:[（(][^（()）]{0,12}[)）])?$")
_MAX_TITLE = 60
_MIN_TITLE = 8  # a title's own words: 的报告 is the end of one


def unwrap_text(text: str) -> str:
    """TEXT with its printed lines joined into paragraphs, when it is hard-wrapped (see the
    module's notes); otherwise TEXT unchanged."""
    raw = text.split("\n")
    # Cheap first: a text whose lines are mostly paragraphs (far wider than a page) is not measured.
    lengths = sorted(n for n in map(len, raw) if n >= _MIN_CHARS)
    if len(lengths) < _MIN_LINES or lengths[int(0.9 * (len(lengths) - 1))] > _MAX_WIDTH / 0.55:
        return text
    lines = [_measured(line) for line in raw]
    widths = sorted(line.x1 for line in lines if line is not None and len(line.text) >= _MIN_CHARS)
    if len(widths) < _MIN_LINES:
        return text
    # The width of a full line: the middle one of the wide lines (the widest overrate their
    # Latin letters and digits).
    wide = [w for w in widths if w >= 0.75 * widths[int(0.9 * (len(widths) - 1))]]
    common = wide[len(wide) // 2]
    if common > _MAX_WIDTH or widths[-1] > _WIDEST * common:
        return text  # (a line far wider than the common one is a whole paragraph: the text is in paragraphs)
    full = [i for i, line in enumerate(lines)
            if line is not None and len(line.text) >= _MIN_CHARS and abs(line.x1 - common) <= _SAME_WIDTH]
    ended = sum(lines[i].text.rstrip().endswith(_PARAGRAPH_END) for i in full)
    if len(full) < _SAME_SHARE * len(widths):
        # A short report is mostly short lines (headings, one-line items, its signature): fewer than half
        # its lines are full, but those few stop mid-sentence at one width and go on in the next line, as
        # printed lines do (not a slide's bullets, each a line of its own).
        cut = sum(not lines[i].text.rstrip().endswith(_PARAGRAPH_END) and i + 1 < len(lines)
                  and lines[i + 1] is not None and not _opens_paragraph(lines[i + 1].text) for i in full)
        if len(full) < _FEW_SAME_SHARE * len(widths) or cut < _FEW_CUT or cut < _CUT_SHARE * len(full):
            return text
    # Lines of one width that mostly end their sentences are short paragraphs of like length (一是…。
    # lines), not printed lines: a printed line ends wherever the page's edge falls.
    if ended > _ENDED_SHARE * len(full):
        return text
    # A blank line parts paragraphs whatever the widths say; a page's number between two of its
    # lines is dropped with the blank lines around it (the lines go on over it).
    skip: set[int] = set()
    for i, line in enumerate(lines):
        # (A bare number is a page's only where the page shows it: in text it may be a table's cell.)
        if line is not None and PAGE_NUMBER.match(line.text) and not line.text.isdigit():
            lo, hi = i, i + 1
            while lo > 0 and lines[lo - 1] is None:
                lo -= 1
            while hi < len(lines) and lines[hi] is None:
                hi += 1
            skip.update(range(lo, hi))
    blocks, block = [], []
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if line is None:
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(line)
    blocks.append(block)
    blocks = [b for b in blocks if b]
    title, blocks[0] = _wrapped_title(blocks[0])
    # A paragraph's first line was indented by two characters, which copying the text often loses.
    lost_indent = 0.0 if any(line.x0 for block in blocks for line in block) else _LOST_INDENT
    text = "\n\n".join(paragraphs([b], right=common, slack=lost_indent) for b in blocks if b)
    return f"{title}\n{text}" if title else text


def _wrapped_title(lines: list[Line]) -> tuple[str, list[Line]]:
    """(title, the other lines) when a title is wrapped over the first two of LINES, else ("",
    LINES). Printed in larger type, a title wraps sooner than the body, so only its words tell:
    no clause marks, and …报告, …情况 or …总结 at its end."""
    if len(lines) < 2:
        return "", lines
    first, second = lines[0].text, lines[1].text
    title = first + second
    if (_CLAUSE_MARK.search(title) or len(second) > len(first) or len(title) > _MAX_TITLE
            or not _TITLE_END.search(title) or _opens_paragraph(second) or _two_titles(first, second)):
        return "", lines  # (…工作总结 / 一、工作情况: a title and the first heading)
    return title, lines[2:]


def _two_titles(first: str, second: str) -> bool:
    """Two whole titles one under the other (a copy site's, then the report's own: 县2022年…工作总结 /
    县2019年…工作总结), not one wrapped (…建设工作情况 / 的报告)."""
    return bool(_TITLE_END.search(first) and _TITLE_END.search(second) and len(second) >= _MIN_TITLE)


def _measured(line: str) -> Line | None:
    """LINE as a `Line` one unit of type high, measured in characters (None when blank)."""
    text = line.rstrip()
    if not text.strip():
        return None
    body = text.lstrip()
    indent = sum(1.0 if char == "\u3000" else 0.5 for char in text[: len(text) - len(body)])
    return Line(body, indent, indent + _width(body), 0.0, 1.0)


def _width(text: str) -> float:
    return sum(0.55 if char.isascii() else 1.0 for char in text)
