"""Tests for reportkit.reading: a build's tables read whole, or only some reports and columns."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from reportkit.pipeline.build import build
from reportkit.reading import read_tables, report_keys

from .conftest import RAW


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    build(RAW, out=out, cache_dir=None, jobs=1)
    return out


def test_read_tables__whole_tables_as_pandas_reads_them(built):
    tables = read_tables(built)
    assert {"documents", "sections", "term_counts", "reuse", "build_log"} <= set(tables)
    for name, table in tables.items():
        pd.testing.assert_frame_equal(table, pd.read_parquet(built / f"{name}.parquet"), obj=name)


def test_read_tables__doc_ids_keep_those_reports_rows(built):
    docs = report_keys(built)
    chosen = docs["doc_id"].iloc[:2].tolist()
    tables = read_tables(built, ["documents", "sections", "reuse", "build_log"], doc_ids=chosen)
    assert sorted(tables["documents"]["doc_id"]) == sorted(chosen)
    assert set(tables["sections"]["doc_id"]) == set(chosen)
    whole = pd.read_parquet(built / "sections.parquet")
    assert len(tables["sections"]) == whole["doc_id"].isin(chosen).sum()
    assert tables["reuse"][["doc_a", "doc_b"]].isin(chosen).all().all()
    assert len(tables["build_log"]) == len(pd.read_parquet(built / "build_log.parquet"))


def test_read_tables__columns(built):
    tables = read_tables(built, ["documents"], columns={"documents": ["doc_id", "town"]})
    assert list(tables["documents"].columns) == ["doc_id", "town"]


def test_report_keys__the_selection_columns_of_every_report(built):
    keys = report_keys(built)
    assert list(keys.columns) == ["doc_id", "file", "year", "town", "county", "province", "level"]
    assert len(keys) == len(pd.read_parquet(built / "documents.parquet"))


def _split(table_path: Path, by: list[list[str]]) -> None:
    """Rewrite table TABLE_PATH (a file or a folder of parts) as a folder of parts, one per list of
    doc_ids in BY."""
    table = pd.read_parquet(table_path)
    shutil.rmtree(table_path) if table_path.is_dir() else table_path.unlink()
    table_path.mkdir()
    for i, ids in enumerate(by):
        table[table["doc_id"].isin(ids)].to_parquet(table_path / f"part-{i:05d}.parquet", index=False)


def test_read_tables__parts_without_the_reports_are_not_opened(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    ids = report_keys(out)["doc_id"].tolist()
    groups = [ids[:2], ids[2:]]
    for name in ("documents", "sections"):
        _split(out / f"{name}.parquet", groups)
    whole = read_tables(out, ["documents", "sections"])
    pd.testing.assert_frame_equal(whole["sections"], pd.read_parquet(built / "sections.parquet"))
    # The second part of sections is made unreadable: selecting the first part's reports never opens it.
    (out / "sections.parquet" / "part-00001.parquet").write_bytes(b"not parquet")
    chosen = read_tables(out, ["sections"], doc_ids=ids[:1])["sections"]
    assert set(chosen["doc_id"]) == {ids[0]}
    with pytest.raises(Exception):
        read_tables(out, ["sections"], doc_ids=ids[-1:])


def test_read_tables__missing_folder_says_to_build(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `reportkit build` first"):
        read_tables(tmp_path / "nothing")
