"""The text of a Word 97–2003 binary document (.doc, and .wps files WPS saves in that format).

County offices still send reports as .doc. Its text is kept in the WordDocument stream in pieces
listed by the piece table ([MS-DOC] 2.4.1, "Retrieving Text"): each piece is a run of character
positions stored either as UTF-16 or, "compressed", as one byte a character (cp1252). The main
document is the first ``ccpText`` characters; footnotes, headers and text boxes follow it and are
left out (a header's 第 1 页 is no report text).

Only the compound file itself is parsed (olefile, pure Python): nothing in the file runs, macros
included. Word's own list numbers (set in the numbering, not typed) live in the paragraph
properties and are not read here; typed numbers (一、 （一）), the usual way, are text.
"""
from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass


class NotReadable(ValueError):
    """A file that is not a Word 97–2003 document this module can read; the message says why."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code


@dataclass
class WordText:
    text: str
    title: str = ""  # the document's title property, when it has one


_WORD_MAGIC = 0xA5EC
_WORD97 = 0x00C1  # nFib of Word 97; older files (Word 6/95) keep their text another way
_ENCRYPTED, _TABLE_1 = 0x0100, 0x0200
_CLX_INDEX = 33  # fcClx / lcbClx in FibRgFcLcb97
_COMPRESSED = 0x40000000


def is_word_document(data: bytes) -> bool:
    """Whether DATA is a compound file holding a WordDocument stream (a .doc, whatever its name)."""
    try:
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return ole.exists("WordDocument")
    except Exception:  # olefile raises many types on damaged files: simply not recognised
        return False


def read_word97(data: bytes) -> WordText:
    """The main text of a .doc in DATA, paragraphs a line each and table cells joined by tabs.

    Raises `NotReadable` for anything else: another Office file, Word 95 and older, a password.
    """
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:
        raise NotReadable(f"not a readable Word 97–2003 file ({type(exc).__name__}: {exc}); "
                          "open it in Word or WPS and save as .docx") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise NotReadable("an Office file that is not a Word document (a spreadsheet, slides, or a .wps in "
                              "WPS's own older format); open it and save the report as .docx or .txt", code="not_text")
        try:
            word = ole.openstream("WordDocument").read()
            flags = _fib_flags(word)
            table_name = "1Table" if flags & _TABLE_1 else "0Table"
            if not ole.exists(table_name):
                raise NotReadable(f"damaged .doc (no {table_name} stream); open it in Word and save as .docx")
            table = ole.openstream(table_name).read()
            title = _title(ole)
        except NotReadable:
            raise
        except Exception as exc:  # truncated streams, bad sector chains
            raise NotReadable(f"damaged .doc ({type(exc).__name__}: {exc}); open it in Word and save as .docx") from None
    return WordText(_clean(_main_text(word, table)), title)


def _fib_flags(word: bytes) -> int:
    if len(word) < 0x22:
        raise NotReadable("damaged .doc (its WordDocument stream is truncated); open it in Word and save as .docx")
    ident, n_fib = struct.unpack_from("<HH", word, 0)
    if ident != _WORD_MAGIC:
        raise NotReadable("damaged .doc (not a Word file header); open it in Word and save as .docx")
    if n_fib < _WORD97:
        raise NotReadable("a Word 95 (or older) file; open it in Word or WPS and save as .docx", code="old_format")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & _ENCRYPTED:
        raise NotReadable("a password-protected .doc; remove the password in Word and save as .docx",
                          code="old_format")
    return flags


def _main_text(word: bytes, table: bytes) -> str:
    """The characters of the main document, piece by piece."""
    try:
        csw = struct.unpack_from("<H", word, 32)[0]
        at = 34 + 2 * csw
        cslw = struct.unpack_from("<H", word, at)[0]
        ccp_text = struct.unpack_from("<i", word, at + 2 + 12)[0]  # fibRgLw.ccpText
        at += 2 + 4 * cslw
        n_pairs = struct.unpack_from("<H", word, at)[0]
        if n_pairs <= _CLX_INDEX:
            raise NotReadable("damaged .doc (no piece table); open it in Word and save as .docx")
        fc_clx, lcb_clx = struct.unpack_from("<II", word, at + 2 + 8 * _CLX_INDEX)
    except struct.error:
        raise NotReadable("damaged .doc (its file information block is truncated); open it in Word "
                          "and save as .docx") from None
    clx = table[fc_clx:fc_clx + lcb_clx]
    if not 0 <= ccp_text <= len(word) or len(clx) != lcb_clx:
        raise NotReadable("damaged .doc (its text lies outside the file); open it in Word and save as .docx")
    pieces = _pieces(clx)
    parts = []
    for start, stop, fc in pieces:
        stop = min(stop, ccp_text)
        if start >= stop:
            continue
        n = stop - start
        if fc & _COMPRESSED:
            offset = (fc & ~_COMPRESSED) // 2
            parts.append(word[offset:offset + n].decode("cp1252", errors="replace"))
        else:
            parts.append(word[fc:fc + 2 * n].decode("utf-16-le", errors="replace"))
    return "".join(parts)


def _pieces(clx: bytes) -> list[tuple[int, int, int]]:
    """(first character, end character, file offset with its compression bit) of each piece."""
    at = 0
    try:
        while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, skipped
            at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
        if at >= len(clx) or clx[at] != 0x02:
            raise NotReadable("damaged .doc (no piece table); open it in Word and save as .docx")
        size = struct.unpack_from("<I", clx, at + 1)[0]
        plc = clx[at + 5:at + 5 + size]
        n = (len(plc) - 4) // 12
        cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
        fcs = [struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0] for k in range(n)]
    except struct.error:
        raise NotReadable("damaged .doc (its piece table is truncated); open it in Word and save as .docx") from None
    return [(cps[k], cps[k + 1], fcs[k]) for k in range(n)]


_FIELD_MARKS = re.compile("[\x13\x14\x15]")
_ROW_END = re.compile("\x07{2,}")
# Marks for what is not text (pictures, footnote and comment anchors, drawn objects) and soft hyphens.
_NOT_TEXT = str.maketrans("", "", "\x00\x01\x02\x03\x04\x05\x06\x08\x1f")


def _clean(text: str) -> str:
    """Word's marks as plain text: a paragraph or line break a line, a table row a line with its
    cells joined by tabs, a field by its shown result (its code, such as PAGE, left out)."""
    if "\x13" in text:
        text = _field_results(text)
    # A cell ends with 0x07 and so does its row: the last mark of a run ends the row (an empty cell
    # inside a row, a rare run of its own, splits that row's line; its text is kept).
    text = _ROW_END.sub(lambda run: "\t" * (len(run.group()) - 1) + "\n", text)
    text = text.replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n").replace("\x0e", "\n")
    text = text.replace("\x07", "\t").replace("\x1e", "-").translate(_NOT_TEXT)
    return "\n".join(line.rstrip("\t ") for line in text.split("\n"))


def _field_results(text: str) -> str:
    """TEXT without its fields' codes: a field is 0x13 code 0x14 result 0x15, and fields nest."""
    out, depth_in_code, stack, at = [], 0, [], 0
    for mark in _FIELD_MARKS.finditer(text):
        if not depth_in_code:
            out.append(text[at:mark.start()])
        at = mark.end()
        char = mark.group()
        if char == "\x13":
            stack.append(True)  # in the field's code
            depth_in_code += 1
        elif char == "\x14" and stack and stack[-1]:
            stack[-1] = False
            depth_in_code -= 1
        elif char == "\x15" and stack:
            depth_in_code -= stack.pop()
    if not depth_in_code:
        out.append(text[at:])
    return "".join(out)


def _title(ole) -> str:
    """The document's title property, decoded in the file's code page."""
    try:
        meta = ole.get_metadata()
        raw = meta.title or b""
        if isinstance(raw, str):
            return raw.strip()
        codepage = (meta.codepage or 1252) & 0xFFFF  # stored signed: UTF-8's 65001 reads as -535
        encoding = {1200: "utf-16-le", 65001: "utf-8"}.get(codepage, f"cp{codepage}")
        return raw.decode(encoding, errors="replace").strip("\x00 ").strip()
    except Exception:  # a missing or damaged property set: no title, the text still reads
        return ""
