"""Reading report files and writing tables: the only module besides build/export that touches the disk.

Readers turn bytes into text and never raise anything but `ReadError`, whose message says what
is wrong with the file and what to do about it; the build turns it into a build-log row, so
one bad file never stops the build or hides another file.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .chinese import count_cjk
from .config import SUPPORTED_SUFFIXES, Limits

log = logging.getLogger(__name__)


class ReadError(Exception):
    """A file that cannot be turned into text. `status` is 'error' or 'skipped'."""

    def __init__(self, message: str, status: str = "error"):
        super().__init__(message)
        self.status = status


@dataclass
class Extracted:
    """Text of one file plus what the reader learnt on the way."""

    text: str
    format: str
    encoding: str = ""
    hints: dict[str, str] = field(default_factory=dict)  # publisher, publish_date, page_title
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- discovery


def discover(raw_dir: Path) -> list[Path]:
    """Every entry under RAW_DIR that is not a plain folder, sorted: files, hidden files, symbolic
    links (to files or folders) and special files (FIFOs, sockets), so each can be logged.

    Symbolic links are never followed: a link to a folder above RAW_DIR would loop forever.
    """
    raw_dir = Path(raw_dir)
    found = []
    for folder, dirs, files in os.walk(raw_dir, followlinks=False, onerror=lambda exc: None):
        base = Path(folder)
        found += [base / d for d in dirs if (base / d).is_symlink()]
        found += [base / f for f in files]
    return sorted(found, key=lambda p: display_name(p.relative_to(raw_dir)))


def display_name(relative: Path) -> str:
    """The POSIX path of a file as a printable string, even when its name is not valid UTF-8.

    Names unpacked from Chinese Windows zips are often GBK bytes; they are shown decoded as
    GB18030 when that works, with undecodable bytes replaced otherwise (the real path is kept
    separately, so the file is still read).
    """
    name = relative.as_posix()
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def special_file_problem(path: Path) -> str | None:
    """Why PATH is not read at all (link, FIFO, device), or None for a regular file."""
    if path.is_symlink():
        return "symbolic link not followed; copy the file instead"
    if not path.is_file():
        return "not a regular file (FIFO, socket or device); not read"
    return None


def is_hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


# ---------------------------------------------------------------- plain text

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CHINESE_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "cp936"}
# UTF-8 bytes read as Latin-1/cp1252 produce runs like "æ³•æ²»": the classic mojibake.
_MOJIBAKE = re.compile(r"[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode report bytes; return (text, encoding name). Raise ReadError when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:  # by far the most common case, and unambiguous when it succeeds
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ReadError("not text: binary content (no text encoding fits); save it as .txt, .docx, .pdf or .html")
    encoding = best.encoding.lower()
    if encoding.replace("_", "") in _CHINESE_FAMILY and encoding not in ("big5", "big5hkscs", "cp950"):
        encoding = "gb18030"  # a superset of GB2312/GBK: never loses a character they encode
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(encoding, errors="replace")
    return text, encoding


# Control characters other than tab/newline/form feed never occur in text; in binary data
# decoded "successfully" as some code page they are frequent.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Latin-1 letters and cp1252 punctuation: what UTF-8 or GBK bytes become when read as Latin-1.
_LATIN = re.compile(r"[\u0080-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u20ac\u2122]")


def check_text(text: str, *, name: str) -> list[str]:
    """Warnings about decoded text; raise ReadError when there is nothing to read."""
    if not text.strip():
        raise ReadError("empty file (no text)")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(10, len(sample) // 200):
        raise ReadError("not text: binary content; save it as .txt, .docx, .pdf or .html")
    n_cjk = count_cjk(sample)
    if (len(_MOJIBAKE.findall(sample)) > max(5, n_cjk // 10)
            or len(_LATIN.findall(sample)) > max(20, 2 * n_cjk)):
        raise ReadError("text looks garbled (mojibake); re-save as UTF-8")
    if sample.count("\ufffd") > max(5, len(sample) // 100):
        raise ReadError("text looks garbled (undecodable bytes); re-save as UTF-8")
    if n_cjk < 20:
        raise ReadError("no Chinese text found; is this a report? (scanned image or wrong file)")
    return []


# ---------------------------------------------------------------- .docx


def _guard_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a .docx zip after checking declared sizes and compression ratios (zip bombs)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, but crafted directories also raise ValueError, OSError, ...
        raise ReadError("not a valid .docx (not a zip archive, or truncated); re-save it from Word") from None
    if len(archive.infolist()) > limits.max_zip_members:
        raise ReadError(f"refused: .docx has {len(archive.infolist())} parts (limit {limits.max_zip_members}); "
                        "possible zip bomb")
    declared = sum(info.file_size for info in archive.infolist())
    if declared > limits.max_unzipped_bytes:
        raise ReadError(f"refused: .docx would unpack to {declared // 2**20} MB (limit "
                        f"{limits.max_unzipped_bytes // 2**20} MB); possible zip bomb")
    for info in archive.infolist():
        if info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio and info.file_size > 2**20:
            raise ReadError(f"refused: member {info.filename} is compressed {info.file_size // info.compress_size}:1; "
                            "possible zip bomb")
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
                                            f"({_mb(limits.max_unzipped_bytes)} MB); possible zip bomb")
                        chunks.append(chunk)
                part = b"".join(chunks)
                if info.filename.endswith((".xml", ".rels")) and re.search(rb"<!(?:DOCTYPE|ENTITY)", part[:65536]):
                    raise ReadError(f"refused: .docx part {info.filename} declares a DOCTYPE/entities "
                                    "(Word never does; possible entity-expansion attack)")
                clean.writestr(info.filename, part)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("refused: .docx too large to unpack in memory; possible zip bomb") from None
    except Exception as exc:  # bad CRC, truncated or corrupt deflate data, encrypted or unknown compression
        raise ReadError(f"corrupt .docx ({type(exc).__name__}: {exc}); re-save it from Word") from None
    return out.getvalue()


def read_docx(data: bytes, limits: Limits) -> Extracted:
    """Paragraphs in document order, then table cells (python-docx)."""
    archive = _guard_zip(data, limits)
    if "word/document.xml" not in archive.namelist():
        raise ReadError("not a Word document (no word/document.xml); .doc files must be re-saved as .docx")
    clean = _bounded_unzip(archive, limits)
    try:
        import docx  # python-docx parses with lxml and resolve_entities=False

        document = docx.Document(io.BytesIO(clean))
    except ReadError:
        raise
    except Exception as exc:  # python-docx raises many types on malformed parts
        raise ReadError(f"unreadable .docx ({type(exc).__name__}: {exc}); re-save it from Word") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell.text not in cells:  # merged cells repeat their text
                    cells.append(cell.text)
            lines.append("\t".join(cells))
    hints = {}
    title = (document.core_properties.title or "").strip()
    if title:
        hints["page_title"] = title
    return Extracted("\n".join(lines), "docx", "", hints)


# ---------------------------------------------------------------- .pdf


def read_pdf(data: bytes, limits: Limits) -> Extracted:
    """Text layer of each page (pdfplumber). A scan without a text layer is an error with advice."""
    import pdfplumber

    warnings = []
    try:
        # pages= keeps pdfplumber from building an object for every page of a huge PDF.
        with pdfplumber.open(io.BytesIO(data), pages=range(1, limits.max_pdf_pages + 1)) as pdf:
            total = _pdf_page_count(pdf)
            if total > limits.max_pdf_pages:
                warnings.append(f"only the first {limits.max_pdf_pages} of {total} pages read (page limit "
                                "Limits.max_pdf_pages)")
            texts = [page.extract_text() or "" for page in pdf.pages[: limits.max_pdf_pages]]
    except MemoryError:
        raise ReadError("PDF too large to read in memory; supply a .docx/.txt version") from None
    except Exception as exc:  # pdfminer raises many types on broken files
        raise ReadError(f"unreadable PDF ({type(exc).__name__}); re-export it or supply a .docx/.txt") from None
    text = "\n".join(texts)
    if count_cjk(text) < 20:
        raise ReadError("PDF has no text layer (a scan?); OCR it or supply a .docx/.txt version")
    return Extracted(text, "pdf", "", {}, warnings)


def _pdf_page_count(pdf) -> int:
    """Pages the PDF declares (its page tree's /Count), or the pages read when that is unreadable."""
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:  # a broken page tree: count what pdfplumber could read
        return len(pdf.pages)


# ---------------------------------------------------------------- .html

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CHROME = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|banner|sidebar|share|toolbar|copyright|"
                     r"position|location|dqwz|top|bottom|foot|links|friend", re.I)
_HINT_PATTERNS = {
    "publisher": re.compile(r"(?:发布机构|发文机关|来源|信息来源)\s*[：:]\s*([^\s|｜<>]{2,30})"),
    "publish_date": re.compile(r"(?:发布日期|发布时间|成文日期|日期)\s*[：:]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})"),
    "index_no": re.compile(r"索引号\s*[：:]\s*([\w\-/]{4,40})"),
}


def _html_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name


def read_html(data: bytes, limits: Limits) -> Extracted:
    """Article text of a saved web page: honour the declared charset, drop page chrome."""
    from lxml import etree, html

    declared = _html_charset(data)
    if declared:
        try:
            markup, encoding = data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            markup, encoding = decode_text(data)
    else:
        markup, encoding = decode_text(data)
    # The markup is re-encoded as UTF-8, so the parser must not trust the page's own <meta charset>.
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"unreadable HTML ({exc}); save the page again as .html or copy its text to .txt") from None
    page_text = " ".join(root.itertext())
    hints = {key: re.sub(r"\s+", "", m.group(1)) for key, pattern in _HINT_PATTERNS.items()
             if (m := pattern.search(page_text))}
    title_el = root.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        hints["page_title"] = title_el.text_content().strip()
    for element in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//iframe"):
        element.drop_tree()
    for element in root.xpath("//*[@class or @id]"):
        label = f"{element.get('class', '')} {element.get('id', '')}"
        if _CHROME.search(label) and element.getparent() is not None and count_cjk(element.text_content()) < 300:
            element.drop_tree()
    body = _main_block(root)
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = []
    for block in body.iter("p", "div", "h1", "h2", "h3", "h4", "li", "td", "tr"):
        block.tail = "\n" + (block.tail or "")
    text = body.text_content()
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    text = _drop_metadata_lines(text)
    return Extracted(text, "html", encoding, hints)


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
    return best


_METADATA_LINE = re.compile(r"^(?:索引号|发布机构|发文机关|发布日期|发布时间|成文日期|主题分类|文号|来源|信息来源|浏览次数|"
                            r"字号|打印|关闭|分享到|【.{1,4}】)")


def _drop_metadata_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _METADATA_LINE.match(line))


# ---------------------------------------------------------------- dispatch

READERS = {".docx": read_docx, ".pdf": read_pdf, ".html": read_html, ".htm": read_html}

# What a file really is, from its first bytes, whatever its extension says.
_MAGIC = [
    (b"%PDF-", "pdf"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"\x1f\x8b", "gzip archive"), (b"{\\rtf", "rtf"),
]


def sniff(data: bytes) -> str | None:
    """The kind of file its first bytes announce ('pdf', 'zip', 'ole', 'PNG image', ...), or None."""
    for magic, kind in _MAGIC:
        if kind and data.startswith(magic):
            return kind
    return None


def _reader_for(data: bytes, suffix: str) -> tuple[str, list[str]]:
    """The suffix whose reader fits the content, and a warning when it differs from the name's."""
    kind = sniff(data)
    if kind == "pdf" and suffix != ".pdf":
        return ".pdf", [f"file named {suffix} is really a PDF; read as PDF (rename it)"]
    if kind == "zip" and suffix != ".docx":
        names = _zip_names(data)
        if "word/document.xml" in names:
            return ".docx", [f"file named {suffix} is really a .docx; read as .docx (rename it)"]
        what = "an Excel workbook" if any(n.startswith("xl/") for n in names) else "a zip archive"
        raise ReadError(f"not text: {what} named {suffix}; export the report as .txt, .docx, .pdf or .html")
    if kind == "ole":
        raise ReadError("old binary Office file (.doc/.xls/.wps); open it and save as .docx")
    if kind == "rtf" and suffix != ".docx":
        raise ReadError("an RTF file; open it in Word and save as .docx or .txt")
    if kind and kind not in ("pdf", "zip", "rtf"):
        raise ReadError(f"not text: {kind}; a scan must be OCR'd to .txt/.docx first")
    return suffix, []


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()[:10000]
    except Exception:  # a broken zip is simply not recognised as a .docx
        return []


_ADVICE = {".doc": "old Word format; open it in Word and save as .docx",
           ".wps": "WPS format; open it in WPS and save as .docx",
           ".xls": "a spreadsheet, not a report; remove it or export the report's text",
           ".xlsx": "a spreadsheet, not a report; remove it or export the report's text",
           ".csv": "a table, not a report; remove it or export the report's text"}


def extract(data: bytes, suffix: str, *, name: str, limits: Limits) -> Extracted:
    """Turn the bytes of one file into text. Raises ReadError with a person-readable reason."""
    suffix = suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        advice = _ADVICE.get(suffix, "convert it to .txt, .docx, .pdf or .html")
        raise ReadError(f"unsupported format {suffix or '(no extension)'}; {advice}", status="skipped")
    if not data.strip():
        raise ReadError("empty file")
    if problem := size_problem(len(data), limits):
        raise ReadError(problem)
    suffix, warnings = _reader_for(data, suffix)
    if suffix == ".txt":
        text, encoding = decode_text(data)
        extracted = Extracted(text, "txt", encoding)
    else:
        extracted = READERS[suffix](data, limits)
    extracted.warnings = warnings + extracted.warnings
    extracted.warnings += check_text(extracted.text, name=name)
    if len(extracted.text) > limits.max_chars:
        extracted.text = extracted.text[: limits.max_chars]
        extracted.warnings.append(f"text cut at {limits.max_chars:,} characters (limit)")
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


# ---------------------------------------------------------------- manifest

MANIFEST_COLUMNS = ["file", "town", "town_type", "county", "city", "province", "year", "source_url", "note"]


def read_manifest(path: Path, *, raw_dir: Path | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Read the analyst's manifest (UTF-8, UTF-8 with BOM or GB18030, as Excel saves it).

    Returns the valid rows (all columns as strings, empty cells "") and a list of problems, each
    naming the line. A bad row is dropped on its own; the rest are kept.
    """
    path = Path(path)
    text = _decode_manifest(path.read_bytes(), path)
    dialect = csv.excel_tab if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    if not rows:
        raise ValueError(f"manifest {path} is empty; it needs a header line with: {', '.join(MANIFEST_COLUMNS)}")
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    if "file" not in header:
        raise ValueError(f"manifest {path} has no 'file' column (header: {', '.join(header)}); "
                         f"expected columns: {', '.join(MANIFEST_COLUMNS)}")
    problems = [f"{path.name} line 1: unknown column '{h}' ignored (known: {', '.join(MANIFEST_COLUMNS)})"
                for h in header if h and h not in MANIFEST_COLUMNS]
    records, seen = [], {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = {col: "" for col in MANIFEST_COLUMNS}
        for col, cell in zip(header, row):
            if col in MANIFEST_COLUMNS:
                record[col] = cell.strip()
        name = record["file"].replace("\\", "/")
        record["file"] = name
        if not name:
            problems.append(f"{path.name} line {line_no}: no file name; row ignored")
            continue
        if record["year"]:
            year = record["year"].removesuffix("年").removesuffix(".0")
            if not (year.isdigit() and 1990 <= int(year) <= 2100):
                problems.append(f"{path.name} line {line_no}: invalid year '{record['year']}' for {name}; "
                                "year ignored (write it as 2023)")
                year = ""
            record["year"] = year
        if name in seen:
            if {k: v for k, v in record.items()} == seen[name][1]:
                problems.append(f"{path.name} line {line_no}: duplicate of line {seen[name][0]} ({name}); ignored")
            else:
                problems.append(f"{path.name} line {line_no}: {name} already described on line {seen[name][0]}; "
                                "this later row is ignored — keep one row per file")
            continue
        if raw_dir is not None and not (Path(raw_dir) / name).exists():
            matches = list(Path(raw_dir).rglob(Path(name).name))
            if len(matches) == 1:
                record["file"] = matches[0].relative_to(raw_dir).as_posix()
            else:
                problems.append(f"{path.name} line {line_no}: file '{name}' not found under {raw_dir}; "
                                "fix the name or remove the row")
        seen[name] = (line_no, record)
        records.append(record)
    return pd.DataFrame(records, columns=MANIFEST_COLUMNS).astype(str), problems


def _decode_manifest(data: bytes, path: Path) -> str:
    """Excel saves "CSV UTF-8" with a BOM, plain "CSV" in the system code page (GBK on Chinese
    Windows) and "Unicode text" as UTF-16. A short GBK file fools statistical detection, so
    the candidates are tried strictly in this order before guessing."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return decode_text(data)[0]
    except ReadError as exc:
        raise ValueError(f"manifest {path} is not readable text ({exc}); save it from Excel as CSV UTF-8") from None


MANIFEST_LOG_COLUMNS = ["file", "line", "status", "message"]
_PROBLEM = re.compile(r"^(?P<file>.+?) line (?P<line>\d+): (?P<message>.*)$", re.S)


def manifest_log(problems: list[str]) -> pd.DataFrame:
    """Manifest problems as a table: the manifest's name, the line (0: the whole file), status, message.

    Kept apart from build_log, which has exactly one row per file under the raw folder: the
    manifest usually lives beside that folder and can have many problems.
    """
    rows = []
    for problem in problems:
        m = _PROBLEM.match(problem)
        file, line, message = (m["file"], int(m["line"]), m["message"]) if m else ("manifest", 0, problem)
        rows.append({"file": file, "line": line, "status": "warning" if line else "error", "message": message})
    return pd.DataFrame(rows, columns=MANIFEST_LOG_COLUMNS).astype({"line": "int64"})


# ---------------------------------------------------------------- writing tables


EXCEL_MAX_ROWS = 1_048_575  # Excel's sheet limit (1,048,576 rows) less the header


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> None:
    """Write each table as .parquet and as UTF-8-with-BOM .csv (Excel opens it), atomically.

    Every table is first checked against its contract (`schema.validate`). A table longer than Excel's sheet limit gets no CSV: its .parquet file is the table.

    Everything is written to a temporary sibling folder first and then swapped in, so an
    interrupted build leaves the previous outputs intact.
    """
    from . import schema

    for name, table in tables.items():  # before anything is written: a bad table changes nothing
        schema.validate(name, table)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_outputs(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-{os.getpid()}-", dir=out_dir.parent))
    try:
        for name, table in tables.items():
            # zstd: Chinese text compresses ~2.5 x better than with the default snappy, at no
            # extra CPU (1,000 reports: 20.4 MB -> 8.0 MB of parquet); readers need nothing extra.
            table.to_parquet(staging / f"{name}.parquet", index=False, compression="zstd")
            if len(table) > EXCEL_MAX_ROWS:
                # Excel cannot open it anyway; the parquet file is the table (term_counts of a
                # few thousand reports). Writing a CSV nobody can open cost most of the write time.
                log.info("%s has %d rows, more than Excel opens: parquet only", name, len(table))
                continue
            # The BOM written once by hand: encoding="utf-8-sig" makes pandas call the codec's
            # incremental encoder per row (~15 % of the writing time), same bytes.
            with open(staging / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
                handle.write("\ufeff")
                columns = schema.table(name).csv_columns  # long texts (documents.text) stay in parquet
                (table if len(columns) == table.shape[1] else table[columns]).to_csv(
                    handle, index=False, lineterminator="\n")
        # The output folder belongs to the build: swap the whole folder in one rename.
        backup = out_dir.with_name(f".{out_dir.name}.old")
        if backup.exists():
            shutil.rmtree(backup)
        if out_dir.exists():
            os.replace(out_dir, backup)
        os.replace(staging, out_dir)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def recover_outputs(out_dir: Path) -> None:
    """Repair what an interrupted `write_tables` may have left beside OUT_DIR.

    A build killed between its two renames leaves OUT_DIR missing and the previous outputs in
    `.NAME.old`: they are moved back. Staging folders of builds that are no longer running are
    removed (the process id is part of their name, so a concurrent build's folder is kept).
    """
    out_dir = Path(out_dir)
    backup = out_dir.with_name(f".{out_dir.name}.old")
    if backup.is_dir() and not out_dir.exists():
        log.warning("restoring previous outputs from %s (an earlier build was interrupted)", backup)
        os.replace(backup, out_dir)
    if not out_dir.parent.is_dir():
        return
    for stale in out_dir.parent.glob(f".{out_dir.name}.tmp-*"):
        pid = stale.name.removeprefix(f".{out_dir.name}.tmp-").split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
            continue
        shutil.rmtree(stale, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def read_tables(out_dir: Path, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read the tables a build wrote (parquet), by name."""
    out_dir = Path(out_dir)
    recover_outputs(out_dir)
    if not out_dir.exists():
        raise FileNotFoundError(f"no build output at {out_dir}; run `reportkit build` first")
    paths = sorted(out_dir.glob("*.parquet"))
    wanted = set(names) if names else None
    return {p.stem: pd.read_parquet(p) for p in paths if wanted is None or p.stem in wanted}
