"""The whole build on real files: determinism, caching, incremental rebuilds, parallelism, CLI."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from reportkit import schema
from reportkit.pipeline.build import BuildReport, build

from .conftest import GOLD, RAW, ROOT, output_bytes

TABLES = list(schema.TABLES)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("seed")
    report = BuildReport()
    tables = build(RAW, manifest=ROOT / "data" / "manifest.csv", out=base / "out", cache_dir=base / "cache",
                   jobs=2, report=report)
    return base, tables, report


def outputs(folder: Path) -> dict[str, bytes]:
    return output_bytes(folder)


def test_build__writes_every_table_as_parquet_and_bom_csv(seed_build):
    base, _, _ = seed_build
    names = {p.name for p in (base / "out").iterdir()}
    for table in TABLES:
        assert {f"{table}.parquet", f"{table}.csv"} <= names
    assert (base / "out" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_build__every_table_matches_its_contract_primary_keys_included(seed_build):
    base, tables, _ = seed_build
    assert set(tables) == set(schema.TABLES)
    for name, table in tables.items():
        schema.validate(name, table)
        schema.validate(name, pd.read_parquet(base / "out" / f"{name}.parquet"))
        # the five seeds copy no passage from one another: their one shared sentence, 现将…报告如下, is a formula
        if name not in ("manifest_log", "reuse"):
            assert len(table), name
    assert tables["boilerplate"]["text"].str.contains("报告如下|汇报如下").sum() == 5


def test_build__documents_match_the_seed_answers_with_manifest(seed_build):
    _, tables, _ = seed_build
    gold = pd.read_csv(GOLD / "seeds_documents.csv", dtype=str)
    docs = tables["documents"].set_index("file")
    for row in gold.itertuples():
        assert (docs.loc[row.file, "town"], int(docs.loc[row.file, "year"]), docs.loc[row.file, "county"]) == (
            row.town, int(row.report_year), row.county)
    assert docs["doc_id"].is_unique and docs["doc_id"].str.len().eq(16).all()
    assert (docs["level"] == "township").all()


def test_build__every_table_joins_to_documents_on_doc_id(seed_build):
    _, tables, _ = seed_build
    ids = set(tables["documents"]["doc_id"])
    for name in ("sections", "indicators", "term_counts", "shortcomings", "completeness", "density", "passages"):
        assert set(tables[name]["doc_id"]) == ids, name


def test_build__offsets_point_into_the_normalised_text(seed_build):
    _, tables, _ = seed_build
    text = tables["documents"].set_index("doc_id")["text"]
    for row in tables["indicators"].itertuples():
        assert text[row.doc_id][row.start:row.end] == row.span
    for row in tables["sections"].itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text


def test_build__second_run_reads_everything_from_cache_and_writes_identical_bytes(seed_build, tmp_path):
    base, _, _ = seed_build
    report = BuildReport()
    build(RAW, manifest=ROOT / "data" / "manifest.csv", out=tmp_path / "again", cache_dir=base / "cache",
          jobs=2, report=report)
    assert report.computed == {}  # no parsing, no tokenising, no fingerprinting
    assert outputs(tmp_path / "again") == outputs(base / "out")


def test_build__serial_and_parallel_builds_are_identical(seed_build, tmp_path):
    base, _, _ = seed_build
    build(RAW, manifest=ROOT / "data" / "manifest.csv", out=tmp_path / "serial", cache_dir=None, jobs=1)
    assert outputs(tmp_path / "serial") == outputs(base / "out")


def test_build__adding_one_report_processes_only_it_and_equals_a_cold_build(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    extra = raw / "000_71c2f259f347b4f4.txt"
    moved = tmp_path / "later.txt"
    shutil.move(extra, moved)
    build(raw, out=tmp_path / "first", cache_dir=tmp_path / "cache", jobs=1)
    shutil.move(moved, raw / "new" / "000.txt") if (raw / "new").mkdir() is None else None
    report = BuildReport()
    build(raw, out=tmp_path / "incremental", cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert report.computed == {"parse": 1, "terms": 1, "reuse": 1}
    build(raw, out=tmp_path / "cold", cache_dir=None, jobs=1)
    assert outputs(tmp_path / "incremental") == outputs(tmp_path / "cold")


def test_build__removing_a_report_drops_its_rows_and_the_stale_cache_group(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1)
    first_groups = set((tmp_path / "cache" / "parts").iterdir())
    (raw / "000_71c2f259f347b4f4.txt").unlink()
    report = BuildReport()
    build(raw, out=tmp_path / "incremental", cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert report.computed == {}  # the four others come from their per-report caches
    groups = set((tmp_path / "cache" / "parts").iterdir())
    assert groups and not groups & first_groups  # the old group's parts are gone, the new one's kept
    build(raw, out=tmp_path / "cold", cache_dir=None, jobs=1)
    assert outputs(tmp_path / "incremental") == outputs(tmp_path / "cold")


def test_build__pruning_removes_the_tables_a_build_no_longer_uses_and_nothing_it_did_not_write(tmp_path):
    build(RAW, out=None, cache_dir=tmp_path / "cache", jobs=1)
    group = next((tmp_path / "cache" / "parts").iterdir())
    stale = ["shortcomings-0123456789abcdef.parquet", "reuse-0123456789abcdef.csv", "documents.csv.tmp99-0a1b2c3d"]
    for name in stale:  # an older theme model's, reuse step's and an interrupted write's files
        (group / name).write_bytes(b"old")
    (group / "v-0123456789abcdef").mkdir()  # an old variant
    (group / "notes.txt").write_text("the analyst's", encoding="utf-8")  # not a build's: kept
    (tmp_path / "cache" / "parts" / "mine").mkdir()
    build(RAW, out=None, cache_dir=tmp_path / "cache", jobs=1)
    names = {p.name for p in group.iterdir()}
    assert not names & {*stale, "v-0123456789abcdef"} and "notes.txt" in names
    assert (tmp_path / "cache" / "parts" / "mine").is_dir()


def test_build__without_manifest_the_named_towns_come_from_the_text(tmp_path):
    tables = build(RAW, out=None, cache_dir=None, jobs=1)
    docs = tables["documents"].set_index("file")
    gold = pd.read_csv(GOLD / "seeds_documents.csv", dtype=str).set_index("file")
    named = gold[gold["town_named_in_text"] == "yes"]
    assert docs.loc[named.index, "town"].tolist() == named["town"].tolist()
    assert (docs.loc[named.index, "town_source"] == "title").all()


def test_build__manifest_disagreement_is_a_warning(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "004_157b345b01cbe403.txt", raw)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,town,year\n004_157b345b01cbe403.txt,青城镇,2023\n", encoding="utf-8")
    tables = build(raw, manifest=manifest, out=None, cache_dir=None, jobs=1)
    assert tables["documents"].loc[0, "year"] == 2023
    row = tables["build_log"].iloc[0]
    assert row.status == "warning" and "manifest says year=2023, text suggests 2022" in row.message
    assert "manifest_disagrees" in row.codes.split(";")


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "reportkit.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_cli__build_exit_zero_and_summary(tmp_path):
    result = run_cli("build", RAW, "--out", tmp_path / "out", "--no-cache", "--quiet", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "documents.parquet").exists()


def test_cli__missing_folder_is_one_line_and_nonzero(tmp_path):
    result = run_cli("build", tmp_path / "nope", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "does not exist" in result.stderr


def test_cli__help_is_cheap_and_lists_commands():
    result = run_cli("--help")
    assert result.returncode == 0 and "build" in result.stdout and "check" in result.stdout


def test_cli__check_lists_the_problems_a_build_would_log(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "empty.txt").write_bytes(b"")
    result = run_cli("check", raw, "--no-manifest")
    assert result.returncode == 0, result.stderr
    assert "error    empty.txt: empty file" in result.stdout
    assert "reportkit check: 6 files: 5 ok, 0 warning, 1 error, 0 skipped" in result.stdout


def test_cli__build_with_rjieba_gives_the_same_parse_tables_and_chinese_term_counts(seed_build, tmp_path):
    base, tables, _ = seed_build
    cache = tmp_path / "cache"
    shutil.copytree(base / "cache", cache)  # parsed and tokenised with jieba already
    result = run_cli("build", RAW, "--manifest", ROOT / "data" / "manifest.csv", "--out", tmp_path / "out",
                     "--cache", cache, "--tokenizer", "rjieba", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    fast = pd.read_parquet(tmp_path / "out" / "term_counts.parquet")
    key = ["doc_id", "section_type", "term"]
    both = tables["term_counts"].merge(fast, on=key, how="outer", suffixes=("_jieba", "_rjieba"), indicator=True)
    differ = both[(both["_merge"] != "both") | (both["n_jieba"] != both["n_rjieba"])]
    assert not differ["term"].str.fullmatch(r"[\u4e00-\u9fff]+").any(), differ
    for name in ("documents", "sections", "indicators"):  # parse results are the same bytes
        assert output_bytes(tmp_path / "out" / f"{name}.parquet") == output_bytes(base / "out" / f"{name}.parquet")


def test_build__a_renamed_report_changes_no_cluster_or_theme(tmp_path):
    # an adversarial review: k-means was fitted on the items in file-name order, and the kept model was keyed on
    # the set of items, so a renamed report renumbered 13 of the seeds' 14 clusters in a rebuild, but not cold
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    columns = ["doc_id", "item_no", "cluster", "cluster_terms", "theme"]

    def items(tables) -> pd.DataFrame:
        return tables["shortcomings"][columns].sort_values(["doc_id", "item_no"]).reset_index(drop=True)

    before = items(build(raw, out=tmp_path / "out", cache_dir=tmp_path / "cache", jobs=1))
    first = sorted(raw.iterdir())[0]
    first.rename(raw / f"zzz_{first.name}")  # now last in the corpus's order
    again = items(build(raw, out=tmp_path / "out", cache_dir=tmp_path / "cache", jobs=1))
    cold = items(build(raw, out=tmp_path / "cold", cache_dir=None, jobs=1))
    pd.testing.assert_frame_equal(again, cold)
    pd.testing.assert_frame_equal(before, cold)
    assert cold["cluster"].nunique() > 2  # clusters to renumber


def test_build__a_document_of_another_kind_is_built_with_a_warning_that_names_its_kind(tmp_path):
    # a folder filled by a search holds a town's disclosure report beside its rule-of-law one: both read like
    # reports; the other kind is kept (never lost) and named in the build log, so that the analyst can take it out
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "004_157b345b01cbe403.txt", raw)
    (raw / "disclosure.txt").write_text(
        "依据《中华人民共和国政府信息公开条例》规定，编制本报告。\n一、总体情况\n2023年，我镇依法主动公开政府信息86条，"
        "收到政府信息公开申请3件，均按期答复。\n二、存在的主要问题及改进情况\n公开栏更新不及时。\n", encoding="utf-8")
    tables = build(raw, manifest=None, out=None, cache_dir=None, jobs=1)
    log = tables["build_log"].set_index("file")
    assert log.loc["disclosure.txt", "status"] == "warning"
    assert "other_kind" in log.loc["disclosure.txt", "codes"].split(";")
    assert "政府信息公开工作年度报告" in log.loc["disclosure.txt", "message"]
    assert "other_kind" not in log.loc["004_157b345b01cbe403.txt", "codes"].split(";")
    assert set(tables["documents"]["file"]) == {"004_157b345b01cbe403.txt", "disclosure.txt"}
