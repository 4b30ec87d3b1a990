"""Build at (small) scale on a synthetic corpus: parallel = serial, incremental = cold, light start-up.

The corpus comes from benchmarks/generate.py (synthetic reports made from the seeds); the
timings themselves are measured by `make bench`, never asserted here.
"""
from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportkit.pipeline.build import BuildReport, build

from .conftest import ROOT, output_bytes

N = 24
HEAVY = ("pandas", "jieba", "matplotlib", "sklearn")


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """N + 1 synthetic reports: raw/ holds the first N, spare/ the last one (to add later)."""
    base = tmp_path_factory.mktemp("synthetic")
    _generator().generate(N + 1, base / "made")
    files = sorted((base / "made" / "raw").glob("synthetic_*.txt"))
    (base / "raw").mkdir()
    (base / "spare").mkdir()
    for path in files[:N]:
        shutil.copy(path, base / "raw" / path.name)
    shutil.copy(files[N], base / "spare" / files[N].name)
    return base


@pytest.fixture(scope="module")
def cold(corpus, tmp_path_factory) -> Path:
    """A cold parallel build of the N reports, with its cache (copied by tests that change it)."""
    base = tmp_path_factory.mktemp("cold")
    build(corpus / "raw", out=base / "out", cache_dir=base / "cache", jobs=2)
    return base


def outputs(folder: Path) -> dict[str, bytes]:
    return output_bytes(folder)


def _rebuild_after(change, corpus: Path, cold: Path, tmp_path: Path) -> tuple[dict, dict, BuildReport]:
    """Apply CHANGE to a copy of the corpus; incremental build (cold's cache) vs cold build, and the report."""
    raw = tmp_path / "raw"
    shutil.copytree(corpus / "raw", raw)
    shutil.copytree(cold / "cache", tmp_path / "cache")
    change(raw)
    report = BuildReport()
    build(raw, out=tmp_path / "incremental", cache_dir=tmp_path / "cache", jobs=2, report=report)
    build(raw, out=tmp_path / "fresh", cache_dir=None, jobs=2)
    return outputs(tmp_path / "incremental"), outputs(tmp_path / "fresh"), report


def test_build__parallel_equals_serial_on_synthetic_corpus(corpus, cold, tmp_path):
    build(corpus / "raw", out=tmp_path / "serial", cache_dir=None, jobs=1)
    assert outputs(tmp_path / "serial") == outputs(cold / "out")


def test_build__every_csv_holds_the_bytes_pandas_writes_for_its_table(cold, tmp_path):
    """The CSV copies are made group by group in Arrow (`parts.csv_rows`): each equals the CSV
    `store.write_table` writes with pandas for the same table read back from its parquet."""
    from reportkit import schema
    from reportkit.reading import read_tables
    from reportkit.store import write_table

    tables = read_tables(cold / "out")
    checked = 0
    for name in schema.TABLES:
        if not (cold / "out" / f"{name}.csv").exists():
            continue
        write_table(name, tables[name], tmp_path)
        assert (tmp_path / f"{name}.csv").read_bytes() == (cold / "out" / f"{name}.csv").read_bytes(), name
        checked += 1
    assert checked >= 10


def test_build__warm_cache_equals_cold_and_computes_nothing(corpus, cold, tmp_path):
    incremental, fresh, report = _rebuild_after(lambda raw: None, corpus, cold, tmp_path)
    assert incremental == fresh == outputs(cold / "out")
    assert report.computed == {}


def test_build__adding_one_report_processes_only_it(corpus, cold, tmp_path):
    added = next((corpus / "spare").iterdir())
    incremental, fresh, report = _rebuild_after(lambda raw: shutil.copy(added, raw / added.name),
                                                corpus, cold, tmp_path)
    assert incremental == fresh
    assert report.computed == {"parse": 1, "terms": 1, "reuse": 1}
    # The group it joins is patched from the earlier one: only the new report is run.
    assert report.groups == {"reused": 0, "written": 0, "patched": 1}


def test_build__removing_a_report_processes_nothing(corpus, cold, tmp_path):
    incremental, fresh, report = _rebuild_after(lambda raw: sorted(raw.iterdir())[3].unlink(),
                                                corpus, cold, tmp_path)
    assert incremental == fresh
    assert incremental != outputs(cold / "out")
    assert report.computed == {}
    assert report.groups == {"reused": 0, "written": 0, "patched": 1}  # its group's other rows kept


def test_build__changing_a_report_processes_only_it(corpus, cold, tmp_path):
    def change(raw: Path) -> None:
        path = sorted(raw.iterdir())[5]
        path.write_text(path.read_text(encoding="utf-8").replace("法治", "法制", 3), encoding="utf-8")

    incremental, fresh, report = _rebuild_after(change, corpus, cold, tmp_path)
    assert incremental == fresh
    assert report.computed == {"parse": 1, "terms": 1, "reuse": 1}
    # Its group is patched from the earlier one: only the changed report is run.
    assert report.groups == {"reused": 0, "written": 0, "patched": 1}


def test_build__three_incremental_steps_equal_a_cold_build_table_by_table(corpus, cold, tmp_path):
    """The issue's test: the corpus built in three steps (a third of the files, two thirds, all),
    each step on the previous one's cache, gives every table and every output byte of a cold build."""
    import pandas as pd

    from reportkit import read_tables

    files = sorted((corpus / "raw").iterdir())
    raw = tmp_path / "raw"
    raw.mkdir()
    reports = []
    for step in (8, 16, N):
        for path in files[len(list(raw.iterdir())):step]:
            shutil.copy(path, raw / path.name)
        reports.append(BuildReport())
        build(raw, out=tmp_path / "steps", cache_dir=tmp_path / "cache", jobs=2, report=reports[-1])
    assert [r.computed.get("parse", 0) for r in reports] == [8, 8, 8]  # each step parses only its new files
    assert outputs(tmp_path / "steps") == outputs(cold / "out")
    stepped, whole = read_tables(tmp_path / "steps"), read_tables(cold / "out")
    assert sorted(stepped) == sorted(whole) and len(whole) == 14
    for name, table in whole.items():
        pd.testing.assert_frame_equal(stepped[name], table, obj=name)
    assert len(whole["documents"]) == N and len(whole["shortcomings"]) and len(whole["term_counts"])


def test_build__themes_kept_while_the_corpus_grows_little_and_fitted_again_when_asked(corpus, tmp_path):
    """A small fitting sample (so that the corpus outgrows it): adding one report keeps the clusters
    (the other reports' themes do not move; the new items get the nearest cluster); refit_themes
    gives the themes of a cold build."""
    import pandas as pd

    from reportkit import BuildConfig, ThemeOptions, read_tables

    config = BuildConfig(themes=ThemeOptions(fit_items=20, refit_share=0.5), jobs=1)
    raw = tmp_path / "raw"
    shutil.copytree(corpus / "raw", raw)
    build(raw, out=tmp_path / "before", cache_dir=tmp_path / "cache", config=config)
    state = (tmp_path / "cache" / "themes" / "state.json").read_text()
    added = next((corpus / "spare").iterdir())
    shutil.copy(added, raw / added.name)
    build(raw, out=tmp_path / "kept", cache_dir=tmp_path / "cache", config=config)
    assert (tmp_path / "cache" / "themes" / "state.json").read_text() == state  # not fitted again
    before = read_tables(tmp_path / "before", ["shortcomings"])["shortcomings"]
    kept = read_tables(tmp_path / "kept", ["shortcomings"])["shortcomings"]
    new_id = hashlib.sha256(added.read_bytes()).hexdigest()[:16]
    assert (kept["doc_id"] == new_id).any()
    pd.testing.assert_frame_equal(kept[kept["doc_id"] != new_id].reset_index(drop=True), before)
    build(raw, out=tmp_path / "refit", cache_dir=tmp_path / "cache", config=config, refit_themes=True)
    build(raw, out=tmp_path / "cold", cache_dir=None, config=config)
    assert outputs(tmp_path / "refit") == outputs(tmp_path / "cold")


def test_build__theme_model_read_only_when_new_items_need_themes(corpus, tmp_path, caplog):
    """A rebuild whose groups all have their shortcomings part never opens the theme model (its
    load imports scipy: a quarter of a second of every warm build); a new report's items, given
    the kept clusters, do."""
    import logging

    from reportkit import BuildConfig, ThemeOptions

    config = BuildConfig(themes=ThemeOptions(fit_items=20, refit_share=0.5), jobs=1)  # clusters kept
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    shutil.copytree(corpus / "raw", raw)
    build(raw, out=tmp_path / "first", cache_dir=cache, config=config)
    (cache / "themes" / "model.npz").write_bytes(b"not a model")  # read, it would be fitted again
    with caplog.at_level(logging.WARNING, logger="reportkit"):
        build(raw, out=tmp_path / "warm", cache_dir=cache, config=config)
    assert "unreadable" not in caplog.text
    assert outputs(tmp_path / "warm") == outputs(tmp_path / "first")
    added = next((corpus / "spare").iterdir())
    shutil.copy(added, raw / added.name)
    with caplog.at_level(logging.WARNING, logger="reportkit"):
        build(raw, out=tmp_path / "added", cache_dir=cache, config=config)
    assert "theme model" in caplog.text and "unreadable" in caplog.text


def test_heap_allocator__arrow_uses_the_heap_inside_and_the_previous_pool_after_even_on_error():
    import pyarrow as pa

    from reportkit.pipeline.runner import heap_allocator

    before = pa.default_memory_pool().backend_name
    with pytest.raises(KeyError), heap_allocator():
        assert pa.default_memory_pool().backend_name == "system"
        raise KeyError("a build that fails")
    assert pa.default_memory_pool().backend_name == before


def test_build__leaves_the_callers_arrow_pool_as_it_found_it(corpus, tmp_path):
    """A notebook that builds and then reads keeps the pool it had (a build changes it for its own time only)."""
    import pyarrow as pa

    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.mimalloc_memory_pool())
    try:
        build(corpus / "raw", out=tmp_path / "out", cache_dir=None, jobs=1)
        assert pa.default_memory_pool().backend_name == "mimalloc"
    finally:
        pa.set_memory_pool(previous)


def _heavy_modules_after(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code + f"\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_import__loads_no_heavy_library():
    assert _heavy_modules_after("import reportkit") == "[]"


def test_cli_help__loads_no_heavy_library():
    code = ("import sys, contextlib, io\nfrom reportkit.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main(['--help'])\n    except SystemExit:\n        pass")
    assert _heavy_modules_after(code) == "[]"


def test_cli_build_help__loads_no_heavy_library():
    code = ("import sys, contextlib, io\nfrom reportkit.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main(['build', '--help'])\n    except SystemExit:\n        pass")
    assert _heavy_modules_after(code) == "[]"


def test_boilerplate_part__csv_from_the_passages_cells_equals_the_whole_rows(tmp_path):
    """A boilerplate part written from the CSV cells the reuse stage made for each passage (and the
    new counts) holds the CSV rows `parts.csv_rows` makes from the whole table: quotes, commas,
    formula-like cells included; a cell with a line break falls back to the whole rows."""
    import pandas as pd

    from reportkit.pipeline import corpus, parts
    from reportkit.pipeline.stages import BOILERPLATE_CELLS
    from reportkit.store import csv_lines

    texts = ["普法宣传，\"谁执法谁普法\"", "=HYPERLINK(1)", "依法行政, 持续推进", "有换行\n的段落"]
    passages = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "passage_no": [0, 1, 0, 0], "start": [0, 10, 0, 0],
                             "end": [10, 20, 10, 7], "text": texts})
    passages["csv"] = csv_lines([passages[c].tolist() for c in BOILERPLATE_CELLS])
    for with_break in (False, True):
        folder = tmp_path / f"group{with_break}"
        folder.mkdir()
        passages.to_parquet(folder / "reuse.parquet", index=False)
        keep = passages if with_break else passages.iloc[:3]
        for n in (3, 4):  # the second: the same passages, new counts
            rows = pd.DataFrame({"doc_id": keep["doc_id"], "passage_no": keep["passage_no"], "n_towns": n,
                                 "source": ["frequency", "list", "both", "frequency"][:len(keep)]})
            path = corpus._boilerplate_part(folder, rows)
            # Named by its rows, not by their order or dtype (the index gives categoricals).
            assert corpus._boilerplate_part(folder, rows.iloc[::-1].astype({"doc_id": "category"})) == path
            table = pd.read_parquet(path)
            assert table["n_towns"].tolist() == [n] * len(keep)
            assert table["text"].tolist() == keep["text"].tolist()
            assert path.with_suffix(".csv").read_bytes() == parts.csv_rows("boilerplate", table)
            # Written from Arrow columns: the same bytes as the pandas writer gives the same table.
            parts.write_table_part(tmp_path, "boilerplate", table, stem="by_pandas")
            assert path.read_bytes() == (tmp_path / "by_pandas.parquet").read_bytes()


def test_boilerplate_part__new_counts_are_written_from_the_earlier_part_as_from_the_passages(tmp_path):
    """Adding a report changes the counts of passages already boilerplate: their new part is made
    from the group's earlier part (its texts and CSV cells) without reading the group's passages,
    to the bytes a part made from the passages has; a part that lacks a row (a passage newly
    boilerplate) or cannot be read so (a damaged CSV) leaves the passages to be read."""
    import pandas as pd

    from reportkit.pipeline import corpus
    from reportkit.pipeline.stages import BOILERPLATE_CELLS
    from reportkit.store import csv_lines

    texts = ["普法宣传，\"谁执法谁普法\"", "=HYPERLINK(1)", "依法行政, 持续推进", "矛盾纠纷多元化解"]
    passages = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "passage_no": [0, 1, 0, 2], "start": [0, 10, 0, 30],
                             "end": [10, 20, 10, 38], "text": texts})
    passages["csv"] = csv_lines([passages[c].tolist() for c in BOILERPLATE_CELLS])

    def rows(n, keep=3):
        return pd.DataFrame({"doc_id": passages["doc_id"][:keep], "passage_no": passages["passage_no"][:keep],
                             "n_towns": [n, 12, 7, 100][:keep], "source": ["frequency", "list", "both", "list"][:keep]})

    def from_passages(name, table):
        folder = tmp_path / name
        folder.mkdir()
        passages.to_parquet(folder / "reuse.parquet", index=False)
        return corpus._boilerplate_part(folder, table)

    group = tmp_path / "group"
    group.mkdir()
    passages.to_parquet(group / "reuse.parquet", index=False)
    earlier = corpus._boilerplate_part(group, rows(9))
    (group / "reuse.parquet").rename(tmp_path / "passages.parquet")  # read from the earlier part only
    later = corpus._boilerplate_part(group, rows(10))  # one digit more
    expected = from_passages("cold", rows(10))
    assert later != earlier and later.name == expected.name
    assert later.read_bytes() == expected.read_bytes()
    assert later.with_suffix(".csv").read_bytes() == expected.with_suffix(".csv").read_bytes()

    # A passage newly boilerplate: not in the earlier parts, so the group's passages are read.
    with pytest.raises(FileNotFoundError, match=r"reuse\.parquet"):
        corpus._boilerplate_part(group, rows(10, keep=4))
    shutil.copy(tmp_path / "passages.parquet", group / "reuse.parquet")
    grown = corpus._boilerplate_part(group, rows(10, keep=4))
    assert grown.read_bytes() == from_passages("cold4", rows(10, keep=4)).read_bytes()

    # A damaged earlier part (its CSV cut short): read from the passages, the same bytes.
    for part in group.glob("boilerplate-*.csv"):
        part.write_bytes(part.read_bytes()[:-5])
    again = corpus._boilerplate_part(group, rows(11, keep=4))
    expected = from_passages("cold11", rows(11, keep=4))
    assert again.with_suffix(".csv").read_bytes() == expected.with_suffix(".csv").read_bytes()


def test_boilerplate_part__a_passage_missing_from_the_group_is_a_clear_error(tmp_path):
    import pandas as pd
    import pytest

    from reportkit.pipeline import corpus
    from reportkit.store import csv_lines

    passages = pd.DataFrame({"doc_id": ["a"], "passage_no": [0], "start": [0], "end": [4], "text": ["依法行政"]})
    passages["csv"] = csv_lines([passages[c].tolist() for c in passages.columns])
    passages.to_parquet(tmp_path / "reuse.parquet", index=False)
    rows = pd.DataFrame({"doc_id": ["a", "b"], "passage_no": [0, 3], "n_towns": [5, 5], "source": ["list", "list"]})
    with pytest.raises(ValueError, match=r"reuse\.parquet lacks boilerplate passages \[\['b', 3\]\].*delete the cache"):
        corpus._boilerplate_part(tmp_path, rows)


def test_csv_lines__the_lines_pandas_to_csv_writes_for_the_same_cells():
    """Row by row with the csv module, the bytes `store.write_table` writes: quoting of commas and
    quotes, formula-like text neutralised, spaces, empty text, numbers; a line break gives None."""
    import pandas as pd

    from reportkit.store import csv_lines, spreadsheet_safe

    texts = ["普法，宣传", 'a "quoted" word', "x,y", "=1+1", "-3", "@SUM", "\t缩进", " 前有空格", "", "尾,",
             '"', "'已引", "﻿BOM", "全角＝号", "+86"]
    frame = pd.DataFrame({"doc_id": [f"{i:016x}" for i in range(len(texts))], "passage_no": range(len(texts)),
                          "start": [i * 7 for i in range(len(texts))], "text": texts})
    expected = spreadsheet_safe(frame).to_csv(index=False, header=False, lineterminator="\r\n").split("\r\n")[:-1]
    assert csv_lines([frame[c].tolist() for c in frame.columns]) == expected
    broken = csv_lines([["a", "b", "c"], [1, 2, 3], ["一行", "两\r\n行", "回车\r"]])
    assert broken[0] == "a,1,一行" and broken[1:] == [None, None]


def test_write_table_part__rows_joined_from_two_reads_give_the_bytes_of_one_piece(tmp_path):
    """A patched group's tables join the rows read from its earlier part (text backed by Arrow,
    which keeps the pieces joined) with the new reports' rows: its part must have the bytes of
    the same rows written in one piece, also when the text spans several parquet pages."""
    import pandas as pd

    from reportkit.pipeline import parts

    n = 300
    rows = pd.DataFrame({"doc_id": [f"{i // 10:016x}" for i in range(n)], "section_no": [str(i % 10) for i in range(n)],
                         "level": 1, "heading": "一、主要举措", "section_type": "measures", "parent_section_no": "",
                         "text": [f"{i}" + "依法行政，严格规范公正文明执法。" * 300 for i in range(n)],
                         "start": 0, "end": 10, "mixed_with": ""})
    parts.write_table_part(tmp_path, "sections", rows, stem="whole")
    read = pd.read_parquet(tmp_path / "whole.parquet")
    joined = pd.concat([read.iloc[: n // 3], read.iloc[n // 3:]], ignore_index=True)
    parts.write_table_part(tmp_path, "sections", joined, stem="joined")
    assert (tmp_path / "joined.parquet").read_bytes() == (tmp_path / "whole.parquet").read_bytes()
    assert (tmp_path / "joined.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_kept_copies__the_last_builds_answer_while_the_candidates_and_their_groups_are_the_same(tmp_path):
    """The same report in two files is found by reading the candidates' texts once: a later build
    with the same candidates in the same group folders reads none, and one whose candidate is in
    another group folder (new files, code or stage keys) reads them again."""
    import pandas as pd

    from reportkit.pipeline import corpus

    text = "我镇坚持以习近平法治思想为指导，深入推进法治政府建设，全面落实行政执法三项制度，化解矛盾纠纷。" * 6
    other = "本年度我镇围绕乡村振兴开展普法宣传活动，组织干部学法考试，完善合法性审查机制和公共法律服务。" * 6

    def group(name: str, doc_id: str, body: str):
        folder = tmp_path / name
        folder.mkdir()
        pd.DataFrame({"doc_id": [doc_id], "text": [body]}).to_parquet(folder / "documents.parquet")
        return folder

    keys = pd.DataFrame({"file": ["a.txt", "b.docx"], "doc_id": ["aaaa", "bbbb"], "whose": ["北城街道 2023"] * 2,
                         "same_hash": ["h1", "h1"], "opening": ["我镇坚持"] * 2, "closing": ["化解矛盾纠纷"] * 2,
                         "partial_reason": ["", ""], "group": [0, 1]})
    folders = [group("g0", "aaaa", text), group("g1", "bbbb", text)]
    state = tmp_path / "same-report.json"
    found = corpus.kept_copies(keys, folders, state)
    assert list(found) == ["b.docx"] and found["b.docx"][0] == "a.txt"
    assert found == corpus.find_copies(keys, lambda ids: {"aaaa": text, "bbbb": text})
    for folder in folders:
        (folder / "documents.parquet").unlink()  # no text left to read
    assert corpus.kept_copies(keys, folders, state) == found
    # b.docx now in another group (its bytes changed): read again, and no longer the same report.
    moved = [folders[0], group("g1-new", "bbbb", other)]
    pd.DataFrame({"doc_id": ["aaaa"], "text": [text]}).to_parquet(folders[0] / "documents.parquet")
    assert corpus.kept_copies(keys, moved, state) == {}
    assert corpus.kept_copies(keys, moved, state) == {}
    # A state file that is not one of ours: found again, no error.
    state.write_text("[1, 2]", encoding="utf-8")
    assert corpus.kept_copies(keys, folders[:1] + [group("g1-again", "bbbb", text)], state) == found


def test_copy_candidates__a_shared_closing_only_with_a_partial_copy_a_shared_opening_always():
    import pandas as pd

    from reportkit.pipeline import corpus

    keys = pd.DataFrame({
        "file": ["whole.txt", "later_half.html", "other.txt", "stock_a.txt", "stock_b.txt"],
        "whose": ["城关镇 2023 甲县", "城关镇 2023", "城关镇 2023 乙县", "新城镇 2023 丙县", "新城镇 2023 丁县"],
        "same_hash": ["h1", "h2", "h3", "h4", "h5"],
        "opening": ["城关镇2023年", "二存在的不足", "城关镇2023年", "新城镇2023年", "新城镇工作"],
        "closing": ["落实落细", "落实落细", "凝聚共识", "凝聚法治共识", "凝聚法治共识"],
        "partial_reason": ["", "no opening part", "", "", ""]})
    # whole.txt and other.txt open alike (a copy in another format would); the copy that lost its beginning
    # ends as whole.txt does; two whole reports ending on the same stock sentence are no candidates
    assert corpus.copy_candidates(keys)["file"].tolist() == ["whole.txt", "later_half.html", "other.txt"]


def test_kept_copies__a_link_in_the_cache_is_replaced_never_written_through(tmp_path):
    import os

    import pandas as pd

    from reportkit.pipeline import corpus

    text = "我镇坚持以习近平法治思想为指导，深入推进法治政府建设，全面落实行政执法三项制度，化解矛盾纠纷。" * 6
    folders = []
    for name, doc_id in (("g0", "aaaa"), ("g1", "bbbb")):
        (tmp_path / name).mkdir()
        pd.DataFrame({"doc_id": [doc_id], "text": [text]}).to_parquet(tmp_path / name / "documents.parquet")
        folders.append(tmp_path / name)
    keys = pd.DataFrame({"file": ["a.txt", "b.docx"], "doc_id": ["aaaa", "bbbb"], "whose": ["北城街道 2023"] * 2,
                         "same_hash": ["h1", "h1"], "opening": ["我镇坚持"] * 2, "closing": ["化解矛盾纠纷"] * 2,
                         "partial_reason": ["", ""], "group": [0, 1]})
    outside = tmp_path / "outside.txt"
    outside.write_text("not the cache's", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "same-report.json").symlink_to(outside)
    planted = cache / f"same-report.json.tmp{os.getpid()}"  # where a guessable temporary name would be
    planted.symlink_to(outside)
    assert list(corpus.kept_copies(keys, folders, cache / "same-report.json")) == ["b.docx"]
    assert outside.read_text(encoding="utf-8") == "not the cache's"
    assert not (cache / "same-report.json").is_symlink()
    assert sorted(p.name for p in cache.iterdir()) == sorted(["same-report.json", planted.name])  # no temporary file left
