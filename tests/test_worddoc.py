"""Word 97–2003 files (.doc): real files saved by LibreOffice's "MS Word 97" filter, read through the
public reader, and the same files altered the way other writers store them (Word's one-byte
"compressed" pieces, several pieces, an older Word, a password).

tests/fixtures/doc/ holds the five seed reports as .doc (each made from the seed's Word file,
tests/realworld/saved.word_document, by `soffice --convert-to doc`) and features.doc (a title
property, a header and footer, a DATE field, an English line and a table with an empty cell).
The seed .doc files are also held to the seeds' text by tests/test_seed_forms.py. word_tables.doc (a report
with a merged header and a problem table, from tests/test_word_tables.report) is read by tests/test_word_tables.py.
"""
from __future__ import annotations

import shutil
import struct

import olefile
import pytest

import reportkit as rk
from reportkit import worddoc
from reportkit.config import Limits
from reportkit.readers import ReadError, extract, sniff

from .conftest import RAW
from .realworld.saved import word_document

FIXTURES = RAW.parents[1] / "tests" / "fixtures" / "doc"
FEATURES = FIXTURES / "features.doc"


def read(data: bytes, suffix: str = ".doc"):
    return extract(data, suffix, name=f"x{suffix}", limits=Limits())


def _streams(path) -> tuple[bytes, bytes, str]:
    with olefile.OleFileIO(str(path)) as ole:
        word = ole.openstream("WordDocument").read()
        name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
        return word, ole.openstream(name).read(), name


def _clx_at(word: bytes) -> int:
    """Where fcClx stands in the file information block."""
    csw = struct.unpack_from("<H", word, 32)[0]
    at = 34 + 2 * csw
    at += 2 + 4 * struct.unpack_from("<H", word, at)[0]
    return at + 2 + 8 * 33


def _rewritten(path, tmp_path, word: bytes | None = None, table: bytes | None = None) -> bytes:
    """PATH with its WordDocument and table streams replaced (same sizes, as olefile writes them)."""
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    _, _, table_name = _streams(path)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        if word is not None:
            ole.write_stream("WordDocument", word)
        if table is not None:
            ole.write_stream(table_name, table)
    return copy.read_bytes()


def test_read_doc__paragraphs_a_line_each_a_table_row_a_line_fields_by_their_result():
    extracted = read(FEATURES.read_bytes())
    lines = extracted.text.splitlines()
    assert extracted.format == "doc"
    assert lines[0] == "测试镇2023年法治政府建设年度报告"
    assert lines[1].startswith("编制日期：") and "DATE" not in extracted.text  # the field's code is not text
    assert "English line: rule of law 2023, ok." in lines
    assert "项目\t数量\t备注" in lines and "普法活动\t12场" in lines  # the empty last cell ends its row
    assert lines[-2:] == ["一、主要举措和成效", "（一）加强领导"]
    assert "页眉" not in extracted.text and "第 1 页" not in extracted.text  # header and footer left out
    assert extracted.hints["page_title"] == "测试镇2023年法治政府建设年度报告"
    assert not any(ch in extracted.text for ch in "\x07\x13\x14\x15\r")


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("0*.doc")), ids=lambda p: p.stem[:3])
def test_read_doc__a_seed_reads_as_its_word_file(path):
    seed = (RAW / f"{path.stem}.txt").read_text(encoding="utf-8")
    docx = extract(word_document(seed), ".docx", name="x.docx", limits=Limits()).text
    assert read(path.read_bytes()).text.strip() == docx.strip()


def test_read_doc__a_piece_stored_one_byte_a_character_reads_the_same(tmp_path):
    # Word stores runs of Latin-1 text "compressed" (fc * 2 with bit 30 set): rewrite features.doc so.
    word, table, _ = _streams(FEATURES)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _clx_at(word))
    pieces = worddoc._pieces(table[fc_clx:fc_clx + lcb_clx])
    text = worddoc._main_text(word, table)
    line = "English line: rule of law 2023, ok."
    at = text.index(line)
    assert len(pieces) == 1 and not pieces[0][2] & worddoc._COMPRESSED
    # Three pieces: the text before the line (UTF-16, where it was), the line compressed (its bytes
    # where its UTF-16 began), the rest (UTF-16, where it was).
    fc = pieces[0][2]
    ascii_at = fc + 2 * at
    new_word = bytearray(word)
    new_word[ascii_at:ascii_at + len(line)] = line.encode("cp1252")
    cps = [0, at, at + len(line), pieces[0][1]]
    fcs = [fc, (2 * ascii_at) | worddoc._COMPRESSED, fc + 2 * (at + len(line))]
    plc = struct.pack(f"<{len(cps)}i", *cps) + b"".join(struct.pack("<HIH", 0, f, 0) for f in fcs)
    clx = bytes([0x02]) + struct.pack("<I", len(plc)) + plc
    new_table = bytearray(table)
    # The new piece table where the old one stood, or at the stream's start when it does not fit
    # there (the stylesheet it overwrites is not read for text).
    where = fc_clx if fc_clx + len(clx) <= len(table) else 0
    new_table[where:where + len(clx)] = clx
    struct.pack_into("<II", new_word, _clx_at(word), where, len(clx))
    rewritten = _rewritten(FEATURES, tmp_path, bytes(new_word), bytes(new_table))
    assert worddoc._pieces(clx)[1][2] & worddoc._COMPRESSED
    assert read(rewritten).text == read(FEATURES.read_bytes()).text


@pytest.mark.parametrize("change, message, code", [
    (lambda word: struct.pack_into("<H", word, 2, 0x0065), "Word 95", "old_format"),  # Word 6/95's nFib
    (lambda word: struct.pack_into("<H", word, 0x0A, struct.unpack_from("<H", word, 0x0A)[0] | 0x0100),
     "password", "old_format"),
    (lambda word: struct.pack_into("<H", word, 0, 0x1234), "damaged .doc", "unreadable"),
])
def test_read_doc__what_cannot_be_read_says_why_and_what_to_do(change, message, code, tmp_path):
    word, _, _ = _streams(FEATURES)
    word = bytearray(word)
    change(word)
    with pytest.raises(ReadError, match=message) as info:
        read(_rewritten(FEATURES, tmp_path, bytes(word)))
    assert info.value.problem.code == code and "save as .docx" in str(info.value)


def test_read_doc__another_office_file_or_a_broken_one_is_a_clear_error():
    # features.doc with its WordDocument stream renamed: a compound file of another program
    renamed = FEATURES.read_bytes().replace("WordDocument".encode("utf-16-le"), "WorkDocument".encode("utf-16-le"))
    assert sniff(renamed) == "ole"
    with pytest.raises(ReadError, match="not a Word document") as info:
        read(renamed)
    assert info.value.problem.code == "not_text"
    with pytest.raises(ReadError, match="not a readable Word 97–2003 file.*save as .docx"):
        read(FEATURES.read_bytes()[:3000])
    with pytest.raises(ReadError, match="not a Word document") as info:
        read(renamed, ".txt")  # whatever its name, an Office file that is no Word file
    assert info.value.problem.code == "old_format"


def test_read_doc__found_by_its_content_whatever_its_name():
    data = FEATURES.read_bytes()
    assert sniff(data) == "doc"
    named_txt = read(data, ".txt")
    assert named_txt.format == "doc" and [w.code for w in named_txt.warnings] == ["misnamed"]
    named_wps = read(data, ".wps")  # WPS saves .wps in Word's format
    assert named_wps.text == read(data).text and named_wps.warnings == []
    assert worddoc.is_word_document(data) and not worddoc.is_word_document(b"plain text")


def test_build__a_folder_of_doc_files_builds_as_their_word_files(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(FIXTURES.glob("0*.doc"))[:2]:
        shutil.copy(path, raw / path.name)
    first = rk.build(raw, manifest=None, out=None, cache_dir=None, jobs=1)
    again = rk.build(raw, manifest=None, out=None, cache_dir=None, jobs=1)  # a notebook cell run twice
    documents = first["documents"]
    assert list(documents["format"]) == ["doc", "doc"]
    assert list(documents["town"]) == ["里心镇", "大年乡"] and list(documents["year"]) == [2023, 2024]
    assert (first["build_log"]["status"] == "ok").all()
    assert documents.equals(again["documents"]) and first["sections"].equals(again["sections"])
    assert len(first["shortcomings"]) >= 4 and len(first["indicators"]) >= 20
