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


def test_read_tables__one_name_or_one_id_is_one_not_its_characters(built):
    # an API review: "documents" was read as the names 'd', 'o', … (none of them a table: {} came back)
    first = report_keys(built)["doc_id"].iloc[0]
    tables = read_tables(built, "documents", doc_ids=first)
    assert list(tables) == ["documents"] and tables["documents"]["doc_id"].tolist() == [first]


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"names": ["document"]}, ValueError, r"no table 'document' in .*; its tables: boilerplate, build_log"),
    ({"names": ["documents"], "columns": ["doc_id"]}, TypeError, "columns maps a table's name to the columns"),
    ({"names": ["documents"], "columns": {"documents": ["doc_id", "towns"]}}, ValueError,
     "table documents has no column 'towns'; its columns: doc_id"),
])
def test_read_tables__a_mistaken_argument_is_named(built, kwargs, error, message):
    # an API review: a misspelt table came back as no table, and a misspelt column as pyarrow's whole schema
    with pytest.raises(error, match=message):
        read_tables(built, **kwargs)


def test_read_tables__a_folder_that_holds_no_build_is_refused():
    # an API review: the raw folder read as a build with no tables ({}), as if it held no reports
    with pytest.raises(FileNotFoundError, match="holds no build .no documents.parquet.; give the folder"):
        read_tables(RAW)


def test_build__the_tables_it_returned_refuse_to_mix_with_a_later_build(tmp_path):
    # an API review: build(out=) returns tables read when asked for; after a second build into the same folder
    # the first result gave one build's documents and the other's sections
    import reportkit as rk

    first_raw, second_raw = tmp_path / "first", tmp_path / "second"
    first_raw.mkdir(), second_raw.mkdir()
    seeds = sorted(RAW.glob("*.txt"))
    for path in seeds[:2]:
        shutil.copy(path, first_raw / path.name)
    shutil.copy(seeds[2], second_raw / seeds[2].name)
    out = tmp_path / "out"
    first = rk.build(first_raw, out=out, cache_dir=None, jobs=1)
    assert len(first["documents"]) == 2
    second = rk.build(second_raw, out=out, cache_dir=None, jobs=1)
    assert len(first["documents"]) == 2  # read before: still the first build's
    with pytest.raises(RuntimeError, match="were replaced by a later build after these were returned; read them again"):
        first["sections"]
    assert second["sections"]["doc_id"].nunique() == 1
