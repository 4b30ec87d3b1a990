"""The whole build on real files: determinism, caching, incremental rebuilds, parallelism, CLI."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from reportkit.build import BuildReport, build

from .conftest import GOLD, RAW, ROOT

TABLES = ["documents", "build_log", "sections", "shortcomings", "completeness", "indicators", "density",
          "term_counts", "concept_counts", "reuse", "boilerplate", "originality"]


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("seed")
    report = BuildReport()
    tables = build(RAW, manifest=ROOT / "data" / "manifest.csv", out=base / "out", cache_dir=base / "cache",
                   jobs=2, report=report)
    return base, tables, report


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build__writes_every_table_as_parquet_and_bom_csv(seed_build):
    base, _, _ = seed_build
    names = {p.name for p in (base / "out").iterdir()}
    for table in TABLES:
        assert {f"{table}.parquet", f"{table}.csv"} <= names
    assert (base / "out" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


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
    for name in ("sections", "indicators", "term_counts", "shortcomings", "completeness", "density"):
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
    first_groups = set((tmp_path / "cache" / "groups").glob("*.pkl"))
    (raw / "000_71c2f259f347b4f4.txt").unlink()
    report = BuildReport()
    build(raw, out=tmp_path / "incremental", cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert report.computed == {}  # the four others come from their per-report caches
    groups = set((tmp_path / "cache" / "groups").glob("*.pkl"))
    assert groups and not groups & first_groups  # the old group file is gone, the new one kept
    build(raw, out=tmp_path / "cold", cache_dir=None, jobs=1)
    assert outputs(tmp_path / "incremental") == outputs(tmp_path / "cold")


def test_build__changed_dictionary_retokenises_without_reparsing(tmp_path, monkeypatch):
    import reportkit.build as build_module

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "002_65f6f072feb0dbc0.txt", raw)
    build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1)
    # An edited userdict.txt changes the key of the "terms" stage and of no other stage.
    original = build_module.stage_key
    monkeypatch.setattr(build_module, "stage_key", lambda stage: original(stage) + ("-edited" if stage == "terms" else ""))
    report = BuildReport()
    build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert report.computed == {"terms": 1}


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


def test_stages__every_resource_file_is_a_dependency_of_a_cached_stage_or_corpus_wide():
    from reportkit.build import STAGES
    from reportkit.config import resource_path

    cached = {name for spec in STAGES.values() for name in spec["resources"]}
    corpus_wide = {"concepts.csv", "themes.csv"}  # used only by steps recomputed on every build
    outputs_only = {"columns_zh.csv"}  # column names for charts and the workbook; the build never reads it
    present = {p.name for p in resource_path(".").iterdir() if p.is_file() and not p.name.startswith((".", "_"))}
    assert present - cached - corpus_wide - outputs_only == set()


def test_stage_key__later_stages_change_when_parsing_changes(monkeypatch):
    import reportkit.build as build_module

    before = {stage: build_module.stage_key(stage) for stage in build_module.STAGES}
    monkeypatch.setitem(build_module.STAGES, "parse", {"code": ("io.py",), "resources": ()})
    build_module._stage_key.cache_clear()
    try:
        after = {stage: build_module.stage_key(stage) for stage in build_module.STAGES}
    finally:
        monkeypatch.undo()
        build_module._stage_key.cache_clear()
    assert all(before[stage] != after[stage] for stage in build_module.STAGES)


def test_stage_key__tokenising_engine_changes_only_the_terms_key(monkeypatch):
    import reportkit.build as build_module

    monkeypatch.delenv("REPORTKIT_TOKENIZER", raising=False)
    jieba_keys = {stage: build_module.stage_key(stage) for stage in build_module.STAGES}
    monkeypatch.setenv("REPORTKIT_TOKENIZER", "rjieba")
    rjieba_keys = {stage: build_module.stage_key(stage) for stage in build_module.STAGES}
    assert [s for s in jieba_keys if jieba_keys[s] != rjieba_keys[s]] == ["terms"]


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
        assert (tmp_path / "out" / f"{name}.parquet").read_bytes() == (base / "out" / f"{name}.parquet").read_bytes()
