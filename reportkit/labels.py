"""Chinese names of the tables' columns, for axis labels and the workbook's 列说明 sheet.

The names live in ``resources/columns_zh.csv`` (``table, column, label_zh, description_zh``): a row
with an empty ``table`` holds for every table, a row naming a table wins for that table (the
``level`` of ``documents`` is not the ``level`` of ``sections``).
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .config import resource_path

_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _columns() -> pd.DataFrame:
    path = resource_path("columns_zh.csv")
    table = pd.read_csv(path, dtype=str, comment="#", keep_default_na=False, encoding="utf-8-sig")
    missing = {"table", "column", "label_zh", "description_zh"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}; expected table,column,label_zh,description_zh")
    return table.apply(lambda s: s.str.strip())


def column_info(column: str, table: str | None = None) -> tuple[str, str]:
    """``(label_zh, description_zh)`` of a column, ``("", "")`` when the list does not know it.

    >>> column_info("n_reports")[0]
    '报告数（份）'
    """
    rows = _columns()
    rows = rows[rows["column"] == str(column)]
    specific = rows[rows["table"] == (table or "")] if table else rows.iloc[0:0]
    general = rows[rows["table"] == ""]
    for found in (specific, general):
        if len(found):
            return found["label_zh"].iloc[0], found["description_zh"].iloc[0]
    return "", ""


def axis_label(column: str | None, table: str | None = None) -> str:
    """The Chinese axis label of a column: its name in the list, the name itself when it is
    already Chinese, else ``""`` (an English column name is never printed on a Chinese chart).

    >>> axis_label("year"), axis_label("每千字指标数"), axis_label("bar_height")
    ('年份', '每千字指标数', '')
    """
    if not column:
        return ""
    label = column_info(column, table)[0]
    if label:
        return label
    return str(column) if _CJK.search(str(column)) else ""


def describe_columns(name: str, columns) -> pd.DataFrame:
    """``表, 列, 中文名, 说明`` for the columns of table NAME (the workbook's 列说明 sheet)."""
    rows = [(name, c, *column_info(c, name)) for c in columns]
    return pd.DataFrame(rows, columns=["表", "列", "中文名", "说明"])
