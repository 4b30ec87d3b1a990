"""Every table of a build in one Excel workbook, and cells a spreadsheet cannot misread.

:func:`write_workbook` writes one sheet per table (``documents`` first) plus a ``列说明`` sheet
that describes every column in Chinese (from ``resources/columns_zh.csv``). What Excel imposes:

* a sheet holds 1,048,576 rows: a longer table continues on sheets named ``term_counts (2)``,
  ``term_counts (3)``… (said in 列说明);
* a cell holds 32,767 characters: longer texts (whole reports) are cut there and end with
  "…（已截断）"; ``documents.raw_text`` is left out (the normalised ``text`` is there);
* a cell starting with ``=``, ``+``, ``-`` or ``@`` would be run as a formula (a report or a
  file name can start so; "formula injection"): :func:`spreadsheet_safe` (the one rule, in
  reportkit.store) puts a ``'`` before it, here, in the build's CSVs and in every CSV the notebooks write.

XlsxWriter (BSD-2-Clause, pure Python, already required by python-pptx) writes the file.
"""
from __future__ import annotations

import logging
import math
import re
from pathlib import Path

import pandas as pd

from .store import EXCEL_SHEET_ROWS, spreadsheet_safe  # noqa: F401  (reportkit.workbook.spreadsheet_safe, as before)

log = logging.getLogger(__name__)

#: Characters of an Excel cell.
EXCEL_MAX_CHARS = 32_767
_TRUNCATED = "…（已截断）"
# characters XML 1.0 (and so .xlsx) cannot hold
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Columns left out of the workbook, and why (said in 列说明).
LEFT_OUT = {("documents", "raw_text"): "解码后、规范化前的全文，与 text 基本相同，未放入工作簿（见 documents.parquet）"}
DESCRIPTION_SHEET = "列说明"


def _sheet_name(name: str, part: int, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31]
    candidate = base if part == 1 else f"{base[:31 - len(f' ({part})')]} ({part})"
    i = 2
    while candidate.lower() in used:
        candidate = f"{base[:28]}~{i}"
        i += 1
    used.add(candidate.lower())
    return candidate


def _cell(value):
    """A value as XlsxWriter should write it (None = empty cell)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _cell(value.item())
    text = _ILLEGAL.sub("", str(value))
    if len(text) > EXCEL_MAX_CHARS:
        text = text[: EXCEL_MAX_CHARS - len(_TRUNCATED)] + _TRUNCATED
    return text


def _display_width(value) -> int:
    """Columns a value takes on screen: Chinese characters are two wide."""
    text = "" if value is None else str(value)[:60]
    return len(text) + sum(1 for ch in text if ord(ch) > 0x2E7F)


def _order(names) -> list[str]:
    return sorted(names, key=lambda n: (n != "documents", n))


def for_reading(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """TABLES as a reader of a spreadsheet needs them: a row keyed by ``doc_id`` also says its
    report's ``town`` and ``year`` (just after ``doc_id``: no lookup across sheets), and
    ``is_partial`` too when some text is partial (a page opening's completeness row is not its
    report's), and the indicators' ``category`` code has its Chinese name beside it (``category_label``).

    >>> docs = pd.DataFrame({"doc_id": ["a"], "town": ["青松镇"], "year": [2023]})
    >>> ind = pd.DataFrame({"doc_id": ["a"], "category": ["legal_education_events"], "value": [3.0]})
    >>> for_reading({"documents": docs, "indicators": ind})["indicators"].columns.tolist()
    ['doc_id', 'town', 'year', 'category', 'category_label', 'value']
    """
    out = dict(tables)
    docs = tables.get("documents")
    beside = ["town", "year"]
    if docs is not None and "is_partial" in docs and docs["is_partial"].fillna(False).astype(bool).any():
        beside.append("is_partial")  # only then: a workbook of whole reports keeps its columns
    known = (docs.drop_duplicates("doc_id").set_index("doc_id")[beside]
             if docs is not None and {"doc_id", "town", "year"} <= set(docs.columns) else None)
    for name, table in tables.items():
        if name == "documents" or known is None or "doc_id" not in table or set(beside) & set(table.columns):
            continue
        at = table.columns.get_loc("doc_id") + 1
        table = table.copy()
        for offset, column in enumerate(beside):
            # doc_id as text: Series.map of categorical ids through a categorical Series picks wrong values
            table.insert(at + offset, column, table["doc_id"].astype(str).map(known[column]))
        out[name] = table
    if "indicators" in out and "category" in out["indicators"] and "category_label" not in out["indicators"]:
        from .indicators import category_labels

        table = out["indicators"].copy()
        table.insert(table.columns.get_loc("category") + 1, "category_label", table["category"].map(category_labels()))
        out["indicators"] = table
    return out


def write_workbook(
    tables: dict[str, pd.DataFrame], path: str | Path, *, max_rows: int = EXCEL_SHEET_ROWS
) -> Path:
    """Write every table to ``path`` (.xlsx): one sheet each (continued on further sheets past
    ``max_rows`` rows, header included) and a 列说明 sheet first. Returns the path. The tables
    are written as :func:`for_reading` gives them (each row's town and year; category names).

    The file is written under a temporary name and renamed, so a reader never sees half of it.
    """
    import xlsxwriter

    from .labels import describe_columns

    if max_rows < 2:
        raise ValueError(f"max_rows must leave room for a header and a row, not {max_rows}")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False, "strings_to_numbers": False})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    used = {DESCRIPTION_SHEET.lower()}
    described = book.add_worksheet(DESCRIPTION_SHEET)
    rows = []
    tables = for_reading(tables)
    for name in _order(tables):
        table = tables[name]
        kept = [c for c in table.columns if (name, c) not in LEFT_OUT]
        table = spreadsheet_safe(table[kept])
        per_sheet = max_rows - 1
        n_parts = max(1, math.ceil(len(table) / per_sheet))
        sheets = []
        for part in range(n_parts):
            sheet_name = _sheet_name(name, part + 1, used)
            sheets.append(sheet_name)
            chunk = table.iloc[part * per_sheet:(part + 1) * per_sheet]
            _write_sheet(book.add_worksheet(sheet_name), chunk, header)
        if n_parts > 1:
            log.info("workbook: %s has %d rows, written on %d sheets", name, len(table), n_parts)
        info = describe_columns(name, kept)
        info.insert(1, "工作表", "、".join(sheets))
        info.insert(2, "行数", len(table))
        rows.append(info)
        rows += [pd.DataFrame([{"表": name, "工作表": "", "行数": len(table), "列": c, "中文名": "",
                                "说明": why}]) for (t, c), why in LEFT_OUT.items() if t == name and c in tables[name]]
    columns = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(
        columns=["表", "工作表", "行数", "列", "中文名", "说明"])
    _write_sheet(described, spreadsheet_safe(columns), header, widths={"说明": 60})
    book.close()
    tmp.replace(out)
    log.info("wrote workbook %s (%d tables)", out, len(tables))
    return out


def _write_sheet(sheet, table: pd.DataFrame, header, *, widths: dict | None = None) -> None:
    columns = [str(c) for c in table.columns]
    sheet.write_row(0, 0, columns, header)
    for r, row in enumerate(table.itertuples(index=False, name=None), start=1):
        for c, value in enumerate(row):
            value = _cell(value)
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, bool):
                sheet.write_boolean(r, c, value)
            else:
                sheet.write_number(r, c, value)
    for c, name in enumerate(columns):
        sample = table[name].head(200).map(_display_width)
        width = (widths or {}).get(name) or min(50, max(8, _display_width(name) + 2, int(sample.max() if len(sample) else 0) + 2))
        sheet.set_column(c, c, width)
    sheet.freeze_panes(1, 0)
    if len(columns):
        sheet.autofilter(0, 0, max(len(table), 1), len(columns) - 1)
