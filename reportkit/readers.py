"""Reading report files: one reader per format, chosen by the file's content and its name.

Every reader is a function ``(data: bytes, limits) -> Extracted`` registered with `register`
under its format, the suffixes it reads and the kinds of content (as `sniff` recognises them
from the first bytes) it reads whatever the file is called. To read a new format (.rtf, .odt):
write the function and register it; `extract` then uses it, the unsupported-format
messages name it, and the build needs nothing else.

Readers never raise anything but `ReadError`, whose message says what is wrong with the file and
what to do about it; the build turns it into a build-log row, so one bad file never stops the
build or hides another file.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from .chinese import count_cjk
from .config import Limits
from .html_tables import table_text_lines
from .pagechrome import page_facts, site_of_page, split_chrome
from .problems import Problem
from .pasted import markup_as_text
from .table_grid import table_lines
from .wordnumbers import WORDML as _W
from .wordnumbers import paragraph_numbers
from .worddoc import is_word_document

log = logging.getLogger(__name__)


class ReadError(Exception):
    """A file that cannot be turned into text. `status` is 'error' or 'skipped'; `problem` the record."""

    def __init__(self, message: str, status: str = "error", *, code: str = "unreadable", detail: str = ""):
        super().__init__(message)
        self.status = status
        self.problem = Problem(code, message, detail)


@dataclass
class Extracted:
    """Text of one file plus what the reader learnt on the way."""

    text: str
    format: str
    encoding: str = ""
    hints: dict[str, str] = field(default_factory=dict)  # publisher, publish_date, page_title
    warnings: list[Problem] = field(default_factory=list)


# ---------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Reader:
    format: str  # what documents.format says: txt, docx, doc, pdf, html, mht
    read: Callable[[bytes, Limits], Extracted]
    suffixes: tuple[str, ...]  # file names it reads, lower case with the dot
    kinds: tuple[str, ...] = ()  # content it reads whatever the name (see `sniff`)
    label: str = ""  # how messages name the format ("PDF"); default the first suffix
    container: str = ""  # the raw kind of its files ("zip" for .docx): a file so named and so made is
                         # given to this reader even when it is not quite this format (it says what is wrong)


_READERS: dict[str, Reader] = {}


def register(format: str, *, suffixes: tuple[str, ...], kinds: tuple[str, ...] = (), label: str = "",
             container: str = ""):
    """Decorator: register a reader of FORMAT for files named with SUFFIXES or whose content is one of KINDS."""
    def add(read: Callable[[bytes, Limits], Extracted]):
        _READERS[format] = Reader(format, read, tuple(s.lower() for s in suffixes), kinds, label or suffixes[0],
                                  container)
        return read

    return add


def readers() -> list[Reader]:
    """The registered readers, in registration order."""
    return list(_READERS.values())


def suffixes() -> tuple[str, ...]:
    """Every file suffix reportkit reads."""
    return tuple(s for reader in _READERS.values() for s in reader.suffixes)


def formats() -> str:
    """The formats for messages: ".txt, .docx, .pdf or .html"."""
    names = [reader.suffixes[0] for reader in _READERS.values()]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def _reader(*, suffix: str | None = None, kind: str | None = None) -> Reader | None:
    return next((r for r in _READERS.values() if suffix in r.suffixes or kind in r.kinds), None)


# ---------------------------------------------------------------- plain text

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CHINESE_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "cp936"}
_CHINESE_RETRY = ("gb18030", "big5")
_CHINESE_RETRY_CHAOS = 0.6  # charset-normalizer's default is 0.2; check_text still turns away garbled text
# UTF-8 bytes read as Latin-1/cp1252 produce runs like "æ³•æ²»": the classic mojibake.
_MOJIBAKE = re.compile(r"[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode report bytes; return (text, encoding name). Raise ReadError when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: its BOM starts the same
        return data.decode("utf-32", errors="replace"), "utf-32"
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:  # by far the most common case, and unambiguous when it succeeds
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (mixed := _mixed_lines(data)) is not None:
        return mixed, "utf-8+gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        # Years written 二○二三年 (○, a geometric sign in GBK and Big5) make a report's first lines look
        # chaotic to charset-normalizer's opening probe, so a plain GBK file fits nothing; asked again
        # among the Chinese encodings alone, with more tolerance, it tells GBK from Big5 as usual.
        best = from_bytes(data[:200_000], cp_isolation=list(_CHINESE_RETRY), threshold=_CHINESE_RETRY_CHAOS).best()
    if best is None:
        if (lenient := _with_a_few_bad_bytes(data)) is not None:
            return lenient
        raise ReadError(f"not text: binary content (no text encoding fits); save it as {formats()}", code="not_text")
    encoding = best.encoding.lower()
    if encoding.replace("_", "") in _CHINESE_FAMILY and encoding not in ("big5", "big5hkscs", "cp950"):
        encoding = "gb18030"  # a superset of GB2312/GBK: never loses a character they encode
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(encoding, errors="replace")
    return text, encoding


#: Encoding names of text decoded with a few bytes replaced (a download cut mid-character, a stray byte).
REPLACED = "+replaced"


def _with_a_few_bad_bytes(data: bytes) -> tuple[str, str] | None:
    """(text, encoding + REPLACED) of DATA in UTF-8 or GB18030 with its few undecodable bytes replaced
    by U+FFFD, in the one that needs fewer; None when either needs more than `check_text` accepts."""
    best = None
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(5, len(text) // 1000) and (best is None or bad < best[0]):
            best = (bad, text, encoding)
    return None if best is None else (best[1], best[2] + REPLACED)


def _mixed_lines(data: bytes) -> str | None:
    """Text pasted together from a UTF-8 and a GBK file (each line valid in one of them, both present):
    each line decoded in its own encoding. None for anything else. A short GBK line can be valid
    UTF-8 by chance, so the UTF-8 lines must hold 20 characters beyond ASCII between them."""
    texts, by_utf8, gbk = [], 0, False
    for line in data.split(b"\n"):
        try:
            text = line.decode("utf-8")
            by_utf8 += len(text) - len(line.decode("ascii", "ignore")) if not line.isascii() else 0
        except UnicodeDecodeError:
            try:
                text, gbk = line.decode("gb18030"), True
            except UnicodeDecodeError:
                return None
        texts.append(text)
    return "\n".join(texts) if gbk and by_utf8 >= 20 else None


# Control characters other than tab/newline/form feed never occur in text; in binary data
# decoded "successfully" as some code page they are frequent.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Latin-1 letters and cp1252 punctuation: what UTF-8 or GBK bytes become when read as Latin-1.
_LATIN = re.compile(r"[\u0080-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u20ac\u2122]")


_MIN_CJK = 20  # fewer Chinese characters than this is no report
# Words every rule-of-law report uses, in its title or its first lines; a text with none of them (a
# meeting notice saved in the folder by mistake) is another document. (Traditional forms too: the
# text is checked before it is converted.)
_RULE_OF_LAW = re.compile(r"法治|法制|依法|普法|執法|执法|法律|合法性|法規|法规|法院|法學|法学|法律顧問")


def check_text(text: str, *, name: str) -> list[Problem]:
    """Warnings about decoded text; raise ReadError when there is nothing to read."""
    if not text.strip():
        raise ReadError("no text in it (an empty file, or a page of links and scripts only); "
                        "save the report's own text as .txt or .docx", code="empty")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(10, len(sample) // 200):
        raise ReadError(f"not text: binary content; save it as {formats()}", code="not_text")
    n_cjk = count_cjk(sample)
    if (len(_MOJIBAKE.findall(sample)) > max(5, n_cjk // 10)
            or len(_LATIN.findall(sample)) > max(20, 2 * n_cjk)):
        raise ReadError("text looks garbled (mojibake); re-save as UTF-8", code="garbled")
    if sample.count("\ufffd") > max(5, len(sample) // 100):
        raise ReadError("text looks garbled (undecodable bytes); re-save as UTF-8", code="garbled")
    if n_cjk < _MIN_CJK:
        raise ReadError("no Chinese text found; is this a report? (scanned image or wrong file)", code="no_chinese")
    if not _RULE_OF_LAW.search(text):
        raise ReadError("no word of rule-of-law work (法治, 依法, 普法, 执法 …) in it: not a 法治政府建设 report "
                        "(a notice, another document?); take it out of the folder, or check it is the right file",
                        code="not_a_report")
    return []


@register("txt", suffixes=(".txt", ".md", ".markdown"))
def read_txt(data: bytes, limits: Limits) -> Extracted:
    """Plain text in any encoding (`decode_text`)."""
    text, encoding = decode_text(data)
    warnings = []
    if encoding.endswith(REPLACED):
        encoding = encoding[: -len(REPLACED)]
        warnings.append(Problem("garbled", f"{text.count(chr(0xFFFD))} undecodable bytes replaced by � (a download "
                                f"cut mid-character, a stray byte); the rest read as {encoding}; re-save it as UTF-8"))
    return Extracted(text, "txt", encoding, warnings=warnings)


# ---------------------------------------------------------------- .docx


def _guard_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a .docx zip after checking declared sizes and compression ratios (zip bombs)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, but crafted directories also raise ValueError, OSError, ...
        raise ReadError("not a valid .docx (not a zip archive, or truncated); re-save it from Word", code="unreadable") from None
    if len(archive.infolist()) > limits.max_zip_members:
        raise ReadError(f"refused: .docx has {len(archive.infolist())} parts (limit {limits.max_zip_members}); "
                        "possible zip bomb", code="refused")
    declared = sum(info.file_size for info in archive.infolist())
    if declared > limits.max_unzipped_bytes:
        raise ReadError(f"refused: .docx would unpack to {declared // 2**20} MB (limit "
                        f"{limits.max_unzipped_bytes // 2**20} MB); possible zip bomb", code="refused")
    for info in archive.infolist():
        if info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio and info.file_size > 2**20:
            raise ReadError(f"refused: member {info.filename} is compressed {info.file_size // info.compress_size}:1; "
                            "possible zip bomb", code="refused")
    return archive


def _bounded_unzip(archive: zipfile.ZipFile, limits: Limits) -> bytes:
    """Re-pack the archive while counting the bytes really decompressed (declared sizes can lie).

    Also refuses XML parts that declare a DOCTYPE or entities: Word never writes them, and an
    entity-expansion bomb ("billion laughs") needs them.
    """
    budget = limits.max_unzipped_bytes
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as clean:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                with archive.open(info) as member:
                    chunks = []
                    while chunk := member.read(1 << 20):
                        budget -= len(chunk)
                        if budget < 0:
                            raise ReadError("refused: .docx unpacks beyond the size limit "
                                            f"({_mb(limits.max_unzipped_bytes)} MB); possible zip bomb", code="refused")
                        chunks.append(chunk)
                part = b"".join(chunks)
                if info.filename.endswith((".xml", ".rels")) and re.search(rb"<!(?:DOCTYPE|ENTITY)", part[:65536]):
                    raise ReadError(f"refused: .docx part {info.filename} declares a DOCTYPE/entities "
                                    "(Word never does; possible entity-expansion attack)", code="refused")
                clean.writestr(info.filename, part)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("refused: .docx too large to unpack in memory; possible zip bomb", code="refused") from None
    except Exception as exc:  # bad CRC, truncated or corrupt deflate data, encrypted or unknown compression
        raise ReadError(f"corrupt .docx ({type(exc).__name__}: {exc}); re-save it from Word", code="unreadable") from None
    return out.getvalue()


@register("docx", suffixes=(".docx",), kinds=("docx",), label=".docx", container="zip")
def read_docx(data: bytes, limits: Limits) -> Extracted:
    """Paragraphs and tables (a row a line) in document order (python-docx)."""
    archive = _guard_zip(data, limits)
    if "word/document.xml" not in archive.namelist():
        raise ReadError("not a Word document (a zip archive without word/document.xml); open it to see what it "
                        "holds and save the report itself as .docx or .txt",
                        code="unreadable")
    clean = _bounded_unzip(archive, limits)
    try:
        import docx  # python-docx parses with lxml and resolve_entities=False
        from docx.table import Table

        document = docx.Document(io.BytesIO(clean))
    except ReadError:
        raise
    except Exception as exc:  # python-docx raises many types on malformed parts
        raise ReadError(f"unreadable .docx ({type(exc).__name__}: {exc}); re-save it from Word", code="unreadable") from None
    blocks = list(_body_blocks(document.element.body, document._body))
    paragraphs = [block for block in blocks if not isinstance(block, Table)]
    # Word's own list numbers (一、 （一） set in the paragraph's numbering) are not in its text
    try:
        labels = iter(paragraph_numbers(document, paragraphs))
    except Exception as exc:  # numbering definitions a damaged file garbles: the text still reads
        log.warning("list numbers of a .docx not read (%s: %s); its paragraphs are read without them",
                    type(exc).__name__, exc)
        labels = iter(())
    lines = []
    for block in blocks:  # paragraphs and tables where they stand
        if isinstance(block, Table):
            lines.extend(_table_rows(block))
        else:
            lines.extend(_text_boxes(block._p))  # a letterhead set in a text box stands above its anchor
            label, text = next(labels, ""), _paragraph_text(block._p)
            lines.append(label + text if text.strip() else text)
    hints = {}
    title = (document.core_properties.title or "").strip()
    if title:
        hints["page_title"] = title
    return Extracted("\n".join(lines), "docx", "", hints)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


# Parts of a paragraph that are not its text as shown: text boxes (read apart), Word's older copy of
# a drawing, text deleted or moved away under tracked changes.
_NOT_SHOWN = {f"{_W}txbxContent", _MC_FALLBACK, f"{_W}del", f"{_W}moveFrom"}


def _paragraph_text(element) -> str:
    """The text a Word paragraph ELEMENT shows, fields and content controls included (python-docx's
    `Paragraph.text` leaves out runs inside a w:sdt or w:fldSimple)."""
    parts = []

    def walk(node):
        for child in node.iterchildren():
            if child.tag in _NOT_SHOWN:
                continue
            if child.tag == f"{_W}t":
                parts.append(child.text or "")
            elif child.tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append("\t")
            elif child.tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif child.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _body_blocks(element, parent):
    """The paragraphs and tables of a Word body ELEMENT in order, those inside content controls
    (w:sdt: a template's fields, a cover, sometimes the whole text) included, which python-docx's
    own lists leave out."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent)
        elif child.tag == f"{_W}tbl":
            yield Table(child, parent)
        elif child.tag == f"{_W}sdt" and (content := child.find(f"{_W}sdtContent")) is not None:
            yield from _body_blocks(content, parent)


def _text_boxes(paragraph) -> list[str]:
    """The lines of the text boxes anchored in PARAGRAPH (its w:p element), which its text lacks; a
    box Word also saves as an older drawing (mc:Fallback) is read once."""
    lines = []
    for box in paragraph.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
            continue
        lines.extend(line for p in box.iter(f"{_W}p") if (line := _paragraph_text(p)))
    return lines


def _table_rows(table) -> list[str]:
    """A Word table's rows, a line each, cells joined by tabs (a cell's text as Word shows it); a merged cell
    once, and a header merged over two rows one row naming each column (`table_grid`)."""
    # python-docx gives a merged cell in every place it covers, as the same w:tc element
    grid = [[(cell._tc, _cell_text(cell)) for cell in row.cells] for row in table.rows]
    return ["\t".join(cells) for cells in table_lines(grid)]


def _cell_text(cell) -> str:
    """The text of a Word table's CELL, a table inside it a line."""
    from docx.table import Table

    blocks = _body_blocks(cell._tc, cell)
    return "\n".join(" ".join(_table_rows(b)) if isinstance(b, Table) else _paragraph_text(b._p) for b in blocks)


# ---------------------------------------------------------------- .doc (Word 97–2003)


@register("doc", suffixes=(".doc", ".wps"), kinds=("doc",), label=".doc", container="ole")
def read_doc(data: bytes, limits: Limits) -> Extracted:
    """A Word 97–2003 binary document (`reportkit.worddoc`), or a .wps WPS saved in that format."""
    from .worddoc import NotReadable, read_word97

    try:
        word = read_word97(data)
    except NotReadable as exc:
        raise ReadError(str(exc), code=exc.code) from None
    return Extracted(word.text, "doc", "", {"page_title": word.title} if word.title else {})


# ---------------------------------------------------------------- .pdf


@register("pdf", suffixes=(".pdf",), kinds=("pdf",), label="PDF")
def read_pdf(data: bytes, limits: Limits) -> Extracted:
    """Text layer of each page (pdfplumber), its printed lines joined into paragraphs and its
    page numbers left out (`unwrap`), a ruled table's rows a line each (`ruled`). A scan without
    a text layer is an error with advice."""
    import pdfplumber

    from .ruled import document_lines
    from .unwrap import paragraphs

    warnings = []
    try:
        # pages= keeps pdfplumber from building an object for every page of a huge PDF.
        with pdfplumber.open(io.BytesIO(data), pages=range(1, limits.max_pdf_pages + 1)) as pdf:
            total = _pdf_page_count(pdf)
            if total > limits.max_pdf_pages:
                warnings.append(Problem("pages_cut", f"only the first {limits.max_pdf_pages} of {total} pages read "
                                        "(page limit Limits.max_pdf_pages)", detail=str(total)))
            # Each printed line with where it stands: wrapped lines are joined again (`unwrap`); a ruled
            # table's row is one line, read from its cell borders (`ruled`).
            pages = document_lines(pdf.pages[: limits.max_pdf_pages])
    except Exception as exc:  # pdfminer raises many types on broken files; pdfplumber wraps them
        causes = {type(exc).__name__, *(type(a).__name__ for a in exc.args if isinstance(a, BaseException))}
        if isinstance(exc, MemoryError) or "MemoryError" in causes:
            raise ReadError("PDF too large to read in memory; supply a .docx/.txt version", code="out_of_memory") from None
        if "PDFPasswordIncorrect" in causes:
            raise ReadError("the PDF needs a password to open; open it with the password and save it without one, "
                            "or supply a .docx/.txt version", code="encrypted") from None
        if causes & {"PDFEncryptionError", "PDFTextExtractionNotAllowed"}:
            raise ReadError("the PDF is encrypted in a way that cannot be read; save it without protection, "
                            "or supply a .docx/.txt version", code="encrypted") from None
        raise ReadError(f"unreadable PDF ({type(exc).__name__}); re-export it or supply a .docx/.txt", code="unreadable") from None
    text = paragraphs(pages)
    if count_cjk(text) < 20:
        raise ReadError("PDF has no text layer (a scan?); OCR it or supply a .docx/.txt version", code="no_text_layer")
    return Extracted(text, "pdf", "", {}, warnings)


def _pdf_page_count(pdf) -> int:
    """Pages the PDF declares (its page tree's /Count), or the pages read when that is unreadable."""
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:  # a broken page tree: count what pdfplumber could read
        return len(pdf.pages)


# ---------------------------------------------------------------- .html

# Where a browser saved the page from (its address names the county's site).
_SAVED_FROM = re.compile(rb"saved from url=\(\d+\)(\S+?)\s*-->")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Class or id words of page chrome: anywhere in the name (topnav, bdsharebuttonbox), but the short
# ones that are parts of other words only whole (top-nav, news_top; not topic-content, desktop).
_CHROME = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|banner|sidebar|share|toolbar|copyright|dqwz|friend|"
                     r"js_tags|meta_content|rich_media_meta|rich_media_tool|qr_code|reward|"
                     r"(?<![a-z])(?:top|bottom|foot|links?|position|location)s?(?![a-z])", re.I)


def _html_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _decode_markup(data: bytes, declared: str | None) -> tuple[str, str]:
    """A page's markup and its encoding: the DECLARED charset (GB2312/GBK read as their superset
    GB18030) when the bytes fit it, else as `decode_text` finds."""
    declared = (declared or "").lower()
    declared = "gb18030" if declared in ("gb2312", "gbk") else declared
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeError):  # an unknown name ("undefined": a codec that always fails)
            pass
    text, encoding = decode_text(data)
    return text, encoding.removesuffix(REPLACED)


@register("html", suffixes=(".html", ".htm"), kinds=("html",), label=".html")
def read_html(data: bytes, limits: Limits) -> Extracted:
    """Article text of a saved web page: honour the declared charset, drop page chrome."""
    markup, encoding = _decode_markup(data, _html_charset(data))
    hints = {}
    if m := _SAVED_FROM.search(data[:2048]):  # where the browser saved the page from
        hints["url"] = m.group(1).decode("ascii", "ignore")
    return _page_article(markup, encoding, hints)


def _page_article(markup: str, encoding: str, hints: dict[str, str]) -> Extracted:
    """The article of a web page's decoded MARKUP, with what the page says of it added to HINTS."""
    from lxml import etree, html

    # The markup is re-encoded as UTF-8, so the parser must not trust the page's own <meta charset>.
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True,
                             huge_tree=True)
    try:
        root = html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"unreadable HTML ({exc}); save the page again as .html or copy its text to .txt",
                        code="unreadable") from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # Nested deeper than libxml2 goes (2,048 levels): the tree lost what lies below, so the
        # text is taken from the markup itself.
        lines = [line.strip() for line in markup_as_text(markup).split("\n")]
        text, _ = split_chrome("\n".join(line for line in lines if line))
        return Extracted(text, "html", encoding, {})
    # The page's information table (发布机构, 发布日期, 索引号) may sit outside the article block.
    facts = page_facts([" ".join(root.itertext())])
    hints.update({key: value for key in ("publisher", "publish_date", "report_year", "index_no")
                  if (value := getattr(facts, key))})
    # Where the page was saved from, when the file does not say: its canonical link.
    if "url" not in hints and (links := root.xpath('//link[@rel="canonical"]/@href|//meta[@property="og:url"]/@content')):
        hints["url"] = str(links[0]).strip()
    if site := site_of_page(root.body.itertext() if root.body is not None else ()):
        hints["site"] = site  # the header naming the county's government, dropped below with the chrome
    title_el = root.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        hints["page_title"] = title_el.text_content().strip()
    scripted = bool(root.xpath("//script|//iframe"))
    for element in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//iframe"):
        element.drop_tree()
    for element in root.xpath("//*[@class or @id]"):
        label = f"{element.get('class', '')} {element.get('id', '')}"
        if _CHROME.search(label) and element.getparent() is not None and count_cjk(element.text_content()) < 300:
            element.drop_tree()
    body = _main_block(root)
    _tables_as_rows(body)
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in body.iter(*_LINE_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    text = body.text_content()
    lines = [line.strip().replace(_CELL_GAP, "\t") for line in text.split("\n")]
    text, article_facts = split_chrome("\n".join(line for line in lines if line))
    # What the article's own table says of the report (标题：…, 发布机构：…) beats the page's <title>
    # and its header row (来源：本站).
    hints.update({key: value for key in ("publisher", "publish_date", "report_year", "index_no", "page_title")
                  if (value := getattr(article_facts, key))})
    if scripted and count_cjk(text) < _MIN_CJK:
        raise ReadError("the saved page has no article text: its site fills the report in by script (or in a "
                        "frame) when the page is shown; open the page in a browser and copy the report's text into "
                        "a .txt file", code="no_article")
    return Extracted(text, "html", encoding, hints)


@register("mht", suffixes=(".mht", ".mhtml"), label=".mht")
def read_mht(data: bytes, limits: Limits) -> Extracted:
    """Article text of a page saved as one file (.mht, "web page, single file"): its HTML part, read
    as a saved .html is; the part's address is the page's."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise ReadError("no web page inside this .mht (no text/html part); save the page again or copy its text "
                        "into a .txt", code="unreadable")
    payload = part.get_payload(decode=True) or b""  # quoted-printable or base64 undone
    markup, encoding = _decode_markup(payload, part.get_content_charset() or _html_charset(payload))
    address = part.get("Content-Location") or message.get("Snapshot-Content-Location") or ""
    extracted = _page_article(markup, encoding, {"url": address} if address.startswith("http") else {})
    extracted.format = "mht"
    return extracted


# What stands between a data table's cells until the page's lines are stripped (a row may open with an
# empty cell, whose tab the strip would take).
_CELL_GAP = "\ue000"


def _tables_as_rows(body) -> None:
    """Put each table of figures in BODY as its rows, cells apart by `_CELL_GAP` (`html_tables`)."""
    from lxml import etree

    for table in list(body.iter("table")):
        if table.getparent() is None or (lines := table_text_lines(table)) is None:
            continue
        rows = etree.Element("div")
        rows.text = "\n" + "\n".join(line.replace(_CELL_GAP, "").replace("\t", _CELL_GAP) for line in lines) + "\n"
        rows.tail = table.tail
        table.getparent().replace(table, rows)


def _main_block(root):
    """The element holding most of the page's Chinese text in its direct paragraphs (a readability heuristic)."""
    best, best_score = root.body if root.body is not None else root, 0
    for element in root.iter("div", "article", "td", "section", "main"):
        direct = sum(count_cjk(child.text_content()) for child in element
                     if child.tag in ("p", "div", "span", "font", "br", "h1", "h2", "h3", "section", "table"))
        own = count_cjk(element.text or "")
        score = direct + own
        if score > best_score * 1.0 and score > 0:
            # Prefer the innermost block that still holds nearly all the text.
            best, best_score = element, score
    # Paragraphs straight under <body>, beside a small block (a row of links), are the article:
    # the body wins when the text directly in it outweighs the best block.
    body = root.body
    if body is not None and best is not body:
        direct = count_cjk(body.text or "") + sum(
            count_cjk(child.tail or "") + (count_cjk(child.text_content()) if child.tag in _INLINE_BLOCKS else 0)
            for child in body)
        if direct > best_score:
            best = body
    return best


_INLINE_BLOCKS = ("p", "span", "font", "br", "h1", "h2", "h3", "strong", "b")
# Elements that end a line (a WeChat article sets each paragraph in a <section>).
_LINE_BLOCKS = ("p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "tr", "blockquote",
                "dd", "dt", "pre")


# ---------------------------------------------------------------- choosing the reader

# What a file really is, from its first bytes, whatever its extension says.
_MAGIC = [
    (b"%PDF-", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"\x1f\x8b", "gzip archive"), (b"{\\rtf", "rtf"),
]
# Kinds no reader reads: why, and what to do.
_REFUSALS = {
    "ole": "an old binary Office file that is not a Word document (a spreadsheet, slides or a damaged .doc); "
           "open it and save as .docx",
    "rtf": "an RTF file; open it in Word and save as .docx or .txt",
}
_ADVICE = {".xls": "a spreadsheet, not a report; remove it or export the report's text",
           ".xlsx": "a spreadsheet, not a report; remove it or export the report's text",
           ".csv": "a table, not a report; remove it or export the report's text"}


def _magic(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


_MARKUP_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def sniff(data: bytes) -> str | None:
    """The kind of file its first bytes announce ('pdf', 'docx', 'html', 'zip', 'ole', 'PNG image', ...), or None.

    A zip archive is 'docx' when it holds word/document.xml, 'xlsx' when it holds an Excel workbook,
    'pptx' when it holds a PowerPoint deck.
    """
    kind = _magic(data)
    if kind is None and _MARKUP_START.match(data[:1024]):
        return "html"  # a page's source saved under another name (.txt)
    if kind == "zip":
        names = _zip_names(data)
        if "word/document.xml" in names:
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
    if kind == "ole" and is_word_document(data):
        return "doc"
    return kind


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()[:10000]
    except Exception:  # a broken zip is simply not recognised as a .docx
        return []


def _reader_for(data: bytes, suffix: str) -> tuple[Reader, list[Problem]]:
    """The reader that fits the content, and a warning when it is not the one the name says."""
    named = _reader(suffix=suffix)
    kind = sniff(data)
    # Office files are all zip archives: an Excel workbook named .docx is no Word document to try.
    other_office = kind in ("xlsx", "pptx")
    if kind is None or named is not None and (kind in named.kinds or _magic(data) == named.container and not other_office):
        return named, []
    found = _reader(kind=kind)
    if found is not None:
        return found, [Problem("misnamed", f"file named {suffix} is really a {found.label}; read as {found.label} "
                                           "(rename it)", detail=found.format)]
    if kind in _REFUSALS:
        raise ReadError(_REFUSALS[kind], code="old_format")
    if kind in ("zip", "xlsx", "pptx"):
        what = {"xlsx": "an Excel workbook", "pptx": "a PowerPoint deck"}.get(kind, "a zip archive")
        raise ReadError(f"not text: {what} named {suffix}; export the report as {formats()}", code="not_text")
    raise ReadError(f"not text: {kind}; a scan must be OCR'd to .txt/.docx first", code="not_text")


def extract(data: bytes, suffix: str, *, name: str, limits: Limits) -> Extracted:
    """Turn the bytes of one file into text. Raises ReadError with a person-readable reason."""
    suffix = suffix.lower()
    if suffix not in suffixes():
        advice = _ADVICE.get(suffix, f"convert it to {formats()}")
        raise ReadError(f"unsupported format {suffix or '(no extension)'}; {advice}", status="skipped",
                        code="unsupported_format")
    if not data.strip():
        raise ReadError("empty file (no text in it); remove it, or save the report into it again", code="empty")
    if problem := size_problem(len(data), limits):
        raise ReadError(problem, code="too_large")
    reader, warnings = _reader_for(data, suffix)
    extracted = reader.read(data, limits)
    extracted.warnings = warnings + extracted.warnings
    extracted.warnings += check_text(extracted.text, name=name)
    if len(extracted.text) > limits.max_chars:
        extracted.text = extracted.text[: limits.max_chars]
        extracted.warnings.append(Problem("text_cut", f"text cut at {limits.max_chars:,} characters (limit)"))
    return extracted


def size_problem(n_bytes: int, limits: Limits) -> str | None:
    """The message for a file over the size limit, or None."""
    if n_bytes <= limits.max_file_bytes:
        return None
    return (f"file is {_mb(n_bytes)} MB, over the {_mb(limits.max_file_bytes)} MB limit; "
            "split it or raise the limit (--max-mb)")


def _mb(n: int) -> str:
    """Size in MB for messages: whole numbers when large, one decimal when small."""
    return f"{n / 2**20:.0f}" if n >= 10 * 2**20 else f"{n / 2**20:.1f}".removesuffix(".0")
