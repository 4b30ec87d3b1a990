"""Table contracts (reportkit/schema.py): checking, fixtures made from them, the generated docs."""
from __future__ import annotations

import pandas as pd
import pytest

from reportkit import schema
from reportkit.pipeline.build import build

from .conftest import ROOT

A, B = "a" * 16, "b" * 16


def test_frame__fills_unnamed_columns_and_matches_the_contract():
    table = schema.frame("indicators", doc_id=[A], span=["发放资料300份"], value=[300.0], unit=["份"], start=[5], end=[12])
    assert list(table.columns) == schema.table("indicators").names
    assert table.loc[0, "qualifier"] == "" and pd.isna(table.loc[0, "value_yuan"])
    assert schema.validate("indicators", table) is table


def test_frame__refuses_text_where_the_build_writes_a_number():
    with pytest.raises(schema.SchemaError, match="passage_no_a of reuse must be int64"):
        schema.frame("reuse", doc_a=[A], doc_b=[B], passage_no_a=["甲" * 500], passage_no_b=[1])


def test_frame__refuses_a_column_the_table_does_not_have():
    with pytest.raises(schema.SchemaError, match=r"no column\(s\) \['passage_a', 'passage_b'\]"):
        schema.frame("reuse", doc_a=[A], doc_b=[B], passage_a=[1], passage_b=[2])


def test_validate__names_each_problem():
    table = schema.frame("sections", doc_id=[A, A], section_no=["1", "2"], heading=["一、主要举措", "二、不足"])
    table.loc[1, "section_type"] = "measurez"
    with pytest.raises(schema.SchemaError, match=r"section_type has values \['measurez'\]"):
        schema.validate("sections", table)
    table.loc[1, ["section_type", "section_no"]] = ["shortcomings", "1"]
    with pytest.raises(schema.SchemaError, match=r"primary key \(doc_id, section_no\) repeats"):
        schema.validate("sections", table)
    assert schema.validate("sections", table, keys=False) is table  # the build checks keys once, on writing


def test_validate__wrong_dtype_missing_value_and_column_order():
    docs = schema.frame("documents", doc_id=[A], n_chars=[10])
    with pytest.raises(schema.SchemaError, match="n_chars has dtype float64, expected int64"):
        schema.validate("documents", docs.astype({"n_chars": "float64"}))
    with pytest.raises(schema.SchemaError, match="town has 1 missing values"):
        schema.validate("documents", docs.assign(town=[None]).astype({"town": object}))
    with pytest.raises(schema.SchemaError, match="missing \\['raw_text'\\]"):
        schema.validate("documents", docs.drop(columns="raw_text"))


def test_empty__every_table_has_its_columns_and_dtypes():
    for name, spec in schema.TABLES.items():
        table = schema.empty(name)
        assert list(table.columns) == spec.names and len(table) == 0
        assert [str(t) for t in table.dtypes] == [c.dtype for c in spec.columns]


def test_contracts__every_column_is_described_and_labelled_in_chinese():
    columns = schema.dictionary()
    assert columns["description"].str.len().gt(10).all()
    assert columns["label_zh"].str.contains("[\u4e00-\u9fff]").all()
    assert set(columns["table"]) == set(schema.TABLES)


def test_contracts__one_chinese_name_per_column_in_docs_workbook_and_charts():
    from reportkit.labels import axis_label, describe_columns

    columns = schema.dictionary()
    for name, spec in schema.TABLES.items():
        sheet = describe_columns(name, spec.names)  # the workbook's 列说明 rows
        documented = columns.loc[columns["table"] == name, "label_zh"].tolist()
        assert sheet["中文名"].tolist() == documented, name
        assert sheet["说明"].str.contains("[\u4e00-\u9fff]").all(), f"{name}: a column without a Chinese description"
        assert [axis_label(c, name) for c in spec.names] == documented, name


def test_contracts__module_column_lists_agree_with_them():
    from reportkit import sections, shortcomings

    assert sections.SECTION_COLUMNS == schema.table("sections").names
    assert [*shortcomings.ITEM_COLUMNS, *shortcomings.ADDED_COLUMNS] == schema.table("shortcomings").names
    assert list(sections.PART_TYPES) == list(schema.PART_TYPES)


def test_architecture_doc__tables_section_is_generated_from_the_contracts():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert schema.markdown() in doc, "run: python -m reportkit.schema --write docs/architecture.md"


def test_build__empty_corpus_writes_every_table_with_its_columns(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "empty.txt").write_bytes(b"")
    tables = build(tmp_path / "raw", out=tmp_path / "out", cache_dir=None, jobs=1)
    assert set(tables) == set(schema.TABLES)
    for name in schema.TABLES:
        written = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        assert list(written.columns) == schema.table(name).names, name
    assert tables["build_log"]["status"].tolist() == ["error"]
