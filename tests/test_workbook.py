"""Tests for reportkit.workbook: every table in one Excel file, with column descriptions in Chinese."""
import inspect
import openpyxl
import pandas as pd
import pytest

from reportkit import workbook


@pytest.fixture
def tables():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "town": ["青松镇", "白云乡"], "year": [2023, 2024],
                         "title": ["=HYPERLINK(\"http://x\",\"点我\")", "白云乡2024年报告"],
                         "text": ["正文" * 20000, "短文"], "raw_text": ["原文", "原文"]})
    terms = pd.DataFrame({"doc_id": ["a"] * 5, "section_type": ["measures"] * 5, "term": list("甲乙丙丁戊"),
                          "n": [5, 4, 3, 2, 1]})
    log = pd.DataFrame({"file": ["-a.txt", "b.txt"], "status": ["ok", "ok"], "message": ["", "@提示"]})
    return {"term_counts": terms, "documents": docs, "build_log": log}


def _book(path):
    return openpyxl.load_workbook(path, read_only=True)


def _rows(book, sheet):
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def test_write_workbook__one_sheet_per_table_documents_first_after_the_descriptions(tables, tmp_path):
    book = _book(workbook.write_workbook(tables, tmp_path / "t.xlsx"))
    assert book.sheetnames == ["列说明", "documents", "build_log", "term_counts"]
    # each row says its report's town and year, just after doc_id (no lookup across sheets)
    assert _rows(book, "term_counts")[0] == ["doc_id", "town", "year", "section_type", "term", "n"]
    assert _rows(book, "term_counts")[1][:3] == ["a", "青松镇", 2023]
    assert [r[5] for r in _rows(book, "term_counts")[1:]] == [5, 4, 3, 2, 1]  # numbers stay numbers


def test_write_workbook__describes_every_column_in_chinese(tables, tmp_path):
    book = _book(workbook.write_workbook(tables, tmp_path / "t.xlsx"))
    rows = _rows(book, "列说明")
    header, body = rows[0], rows[1:]
    assert header == ["表", "工作表", "行数", "列", "中文名", "说明"]
    described = {(r[0], r[3]): (r[4], r[5]) for r in body}
    assert described[("documents", "town")] == ("乡镇", "乡镇（街道）名称")
    assert described[("term_counts", "n")][0] == "次数"
    assert "未放入工作簿" in described[("documents", "raw_text")][1]  # left out, and said so


def test_write_workbook__cells_that_start_like_formulas_are_quoted(tables, tmp_path):
    book = _book(workbook.write_workbook(tables, tmp_path / "t.xlsx"))
    docs = _rows(book, "documents")
    title = docs[0].index("title")
    assert docs[1][title] == "'=HYPERLINK(\"http://x\",\"点我\")"
    log = _rows(book, "build_log")
    assert log[1][0] == "'-a.txt" and log[2][2] == "'@提示"
    full = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert all(c.data_type != "f" for row in full["documents"].iter_rows() for c in row)  # no formula cell


def test_write_workbook__long_text_cut_at_excels_cell_limit(tables, tmp_path):
    book = _book(workbook.write_workbook(tables, tmp_path / "t.xlsx"))
    docs = _rows(book, "documents")
    text = docs[1][docs[0].index("text")]
    assert len(text) == workbook.EXCEL_MAX_CHARS and text.endswith("…（已截断）")
    assert "raw_text" not in docs[0]


def test_write_workbook__table_longer_than_a_sheet_continues_on_more_sheets(tables, tmp_path):
    book = _book(workbook.write_workbook(tables, tmp_path / "t.xlsx", max_rows=3))  # header + 2 rows a sheet
    assert [s for s in book.sheetnames if s.startswith("term_counts")] == [
        "term_counts", "term_counts (2)", "term_counts (3)"]
    terms = [r[4] for s in ("term_counts", "term_counts (2)", "term_counts (3)") for r in _rows(book, s)[1:]]
    assert terms == list("甲乙丙丁戊")
    sheets = {r[0]: r[1] for r in _rows(book, "列说明")[1:]}
    assert sheets["term_counts"] == "term_counts、term_counts (2)、term_counts (3)"


def test_write_workbook__excel_row_limit_is_the_default():
    assert inspect.signature(workbook.write_workbook).parameters["max_rows"].default == 1_048_576


def test_spreadsheet_safe__only_text_cells_change():
    table = pd.DataFrame({"a": ["=1", "+2", "-3", "@4", "五", None], "n": [-1, 2, 3, 4, 5, 6]})
    out = workbook.spreadsheet_safe(table)
    assert out["a"].tolist()[:5] == ["'=1", "'+2", "'-3", "'@4", "五"] and pd.isna(out["a"].iloc[5])
    assert out["n"].tolist() == [-1, 2, 3, 4, 5, 6]
    assert table["a"].iloc[0] == "=1"  # the input is not modified


def test_spreadsheet_safe__category_columns_are_text_too():
    table = pd.DataFrame({"town": pd.Categorical(["=HYPERLINK(\"x\")", "松源镇"]), "when": pd.to_datetime(["2024-01-01"] * 2)})
    out = workbook.spreadsheet_safe(table)
    assert out["town"].tolist() == ["'=HYPERLINK(\"x\")", "松源镇"]
    assert out["when"].equals(table["when"])


def test_for_reading__rows_of_partial_texts_say_so_when_the_build_has_any(tables, tmp_path):
    # a page opening's completeness row (plans False) read as its report's when nothing beside it said partial
    completeness = pd.DataFrame({"doc_id": ["a", "b"], "plans": [True, False]})
    partial = {**tables, "documents": tables["documents"].assign(is_partial=[False, True]),
               "completeness": completeness}
    read = workbook.for_reading(partial)["completeness"]
    assert read.columns.tolist() == ["doc_id", "town", "year", "is_partial", "plans"]
    assert read["is_partial"].tolist() == [False, True]
    whole = {**partial, "documents": tables["documents"].assign(is_partial=False)}
    assert workbook.for_reading(whole)["completeness"].columns.tolist() == ["doc_id", "town", "year", "plans"]
    book = _book(workbook.write_workbook(partial, tmp_path / "t.xlsx"))
    assert _rows(book, "completeness")[0][:4] == ["doc_id", "town", "year", "is_partial"]
    described = [r for r in _rows(book, "列说明") if r[0] == "completeness" and "is_partial" in r]
    assert described and described[0][4]  # its Chinese name
