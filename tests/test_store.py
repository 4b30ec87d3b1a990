"""The output folder: tables checked against their contracts and written atomically."""
from __future__ import annotations

import pytest

from reportkit import schema
from reportkit.store import read_tables, write_tables


def test_write_tables__roundtrip_and_excel_friendly_csv(tmp_path):
    table = schema.frame("documents", doc_id=["a"], town=["大年乡"], n_chars=[3], text=["正文"])
    write_tables({"documents": table}, tmp_path / "out")
    csv = (tmp_path / "out" / "documents.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and "正文".encode() not in csv  # the text is in the parquet file only
    assert read_tables(tmp_path / "out")["documents"].equals(table)


def test_write_tables__refuses_a_table_that_breaks_its_contract_and_writes_nothing(tmp_path):
    good = schema.frame("build_log", file=["a.txt"])
    bad = schema.frame("reuse", doc_a=["a"], doc_b=["b"]).rename(columns={"passage_no_a": "passage_a"})
    with pytest.raises(schema.SchemaError, match="table reuse .*unexpected \\['passage_a'\\]"):
        write_tables({"build_log": good, "reuse": bad}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_write_tables__replaces_previous_outputs_whole(tmp_path):
    out = tmp_path / "out"
    write_tables({"build_log": schema.frame("build_log", file=["a.txt"])}, out)
    write_tables({"passages": schema.empty("passages")}, out)
    assert sorted(p.name for p in out.iterdir()) == [".reportkit-output", "passages.csv", "passages.parquet"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_write_tables__no_csv_for_a_table_longer_than_excel_opens(tmp_path, monkeypatch):
    import reportkit.store as rio

    monkeypatch.setattr(rio, "EXCEL_MAX_ROWS", 2)
    small = schema.frame("build_log", file=["a.txt", "b.txt"])
    big = schema.frame("manifest_log", file=["m.csv"] * 3, line=[1, 2, 3])
    write_tables({"build_log": small, "manifest_log": big}, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".reportkit-output", "build_log.csv", "build_log.parquet", "manifest_log.parquet"]
