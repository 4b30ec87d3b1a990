"""The per-report cache: its keys follow the code, the resources and the config each stage reads."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reportkit.config import BuildConfig, Limits, ReuseOptions, ThemeOptions
from reportkit.pipeline import cache, stages
from reportkit.pipeline.build import BuildReport, build

from .conftest import RAW, ROOT

SEED = RAW / "002_65f6f072feb0dbc0.txt"


# --------------------------------------------------------------------------- the code of each stage


def test_modules_of__each_stage_depends_on_the_modules_it_calls():
    parse = cache.modules_of(stages.STAGES["parse"])
    terms = cache.modules_of(stages.STAGES["terms"])
    reuse = cache.modules_of(stages.STAGES["reuse"])
    assert {"reportkit.pipeline.stages", "reportkit.readers", "reportkit.normalize", "reportkit.metadata",
            "reportkit.sections", "reportkit.indicators", "reportkit.chinese", "reportkit.resources"} <= set(parse)
    assert {"reportkit.terms", "reportkit.shortcomings", "reportkit.places"} <= set(terms)
    assert {"reportkit.reuse_passages", "reportkit.places"} <= set(reuse)
    # ... and not on the others: a change to the tokenizer does not re-parse, nor re-fingerprint,
    # and a change to the corpus-wide comparison (reuse, reuse_index) does not re-fingerprint
    assert "reportkit.terms" not in parse and "reportkit.terms" not in reuse
    assert "reportkit.indicators" not in terms and "reportkit.reuse_passages" not in terms
    assert not {"reportkit.reuse", "reportkit.reuse_index"} & set(parse + terms + reuse)
    assert not [m for m in parse + terms + reuse if m.startswith(("reportkit.plots", "reportkit.export"))]


def test_stages__every_resource_file_is_a_dependency_of_a_cached_stage_or_corpus_wide():
    from reportkit.config import resource_path

    cached = {name for stage in stages.STAGES.values() for name in stage.resources}
    corpus_wide = {"concepts.csv", "themes.csv", "unshared_words.txt"}  # used only by steps recomputed on every build
    outputs_only = {"columns_zh.csv"}  # column names for charts and the workbook; the build never reads it
    present = {p.name for p in resource_path(".").iterdir() if p.is_file() and not p.name.startswith((".", "_"))}
    assert present - cached - corpus_wide - outputs_only == set()


# --------------------------------------------------------------------------- keys


def _changed(a: BuildConfig, b: BuildConfig) -> list[str]:
    first, second = cache.stage_keys(a), cache.stage_keys(b)
    return [s for s in first if first[s] != second[s]]


def test_stage_keys__tokenising_engine_changes_only_the_terms_key():
    assert _changed(BuildConfig(tokenizer="jieba"), BuildConfig(tokenizer="rjieba")) == ["terms"]


def test_stage_keys__each_option_changes_the_keys_of_the_stages_that_read_it():
    base = BuildConfig(tokenizer="jieba")
    assert _changed(base, replace(base, reuse=ReuseOptions(min_cjk=10))) == ["reuse"]
    assert _changed(base, replace(base, reuse=ReuseOptions(threshold=0.7))) == []  # corpus-wide only
    assert _changed(base, replace(base, themes=ThemeOptions(k=3))) == []
    assert _changed(base, replace(base, limits=Limits(seconds_per_file=5))) == []  # errors are never cached
    assert _changed(base, replace(base, limits=Limits(max_chars=1000))) == ["parse", "terms", "reuse"]
    assert _changed(base, replace(base, jobs=7)) == []


def test_stage_keys__later_stages_change_when_parsing_changes(monkeypatch):
    before = cache.stage_keys(BuildConfig())
    monkeypatch.setitem(stages.STAGES, "parse", replace(stages.STAGES["parse"], resources=("radicals.csv",)))
    after = cache.stage_keys(BuildConfig())
    assert all(before[stage] != after[stage] for stage in stages.STAGES)


def test_build__options_recompute_only_the_stages_that_read_them(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    base = BuildConfig(tokenizer="jieba", jobs=1)
    build(raw, out=None, cache_dir=tmp_path / "cache", config=base)
    for changed, expected in ((replace(base, reuse=ReuseOptions(min_cjk=12)), {"reuse": 1}),
                              (replace(base, themes=ThemeOptions(k=2), limits=Limits(seconds_per_file=60)), {})):
        report = BuildReport()
        build(raw, out=None, cache_dir=tmp_path / "cache", config=changed, report=report)
        assert report.computed == expected


# --------------------------------------------------------------------------- a real change to the code

BUILD_ONCE = """
import json, sys
import reportkit
from reportkit.pipeline.build import BuildReport, build
report = BuildReport()
build(sys.argv[1], out=None, cache_dir=sys.argv[2], jobs=1, tokenizer="jieba", report=report)
print(json.dumps({"computed": report.computed, "package": reportkit.__file__}))
"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _package_copy(tmp_path: Path) -> tuple[Path, Path, dict]:
    """A copy of the package to edit, a raw folder with one seed report, and the environment that imports the copy."""
    package = tmp_path / "pkg" / "reportkit"
    shutil.copytree(ROOT / "reportkit", package, ignore=shutil.ignore_patterns("__pycache__"))
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    return package, raw, {**os.environ, "PYTHONPATH": str(package.parent)}


def test_build__a_change_to_a_stage_s_code_or_resources_recomputes_what_depends_on_it(tmp_path):
    """The package is copied and really edited; each build runs in a fresh process on the copy."""
    package, raw, env = _package_copy(tmp_path)

    def computed() -> dict:
        result = subprocess.run([sys.executable, "-c", BUILD_ONCE, str(raw), str(tmp_path / "cache")],
                                capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        out = json.loads(result.stdout.strip().splitlines()[-1])
        assert Path(out["package"]).parent == package  # the edited copy, not the installed package
        return out["computed"]

    assert computed() == {"parse": 1, "terms": 1, "reuse": 1}
    assert computed() == {}
    # parse_document's own code: every stage reads its result
    _edit(package / "pipeline" / "stages.py", "    warnings = list(extracted.warnings)\n",
          "    warnings = [*extracted.warnings]\n")
    assert computed() == {"parse": 1, "terms": 1, "reuse": 1}
    # a module only the terms stage calls
    _edit(package / "terms.py", "DEFAULT_TERM_FREQ = 20000", "DEFAULT_TERM_FREQ = 20001")
    assert computed() == {"terms": 1}
    # a module the parse stage calls through another (indicators → chinese)
    _edit(package / "chinese.py", 'GENERIC_CLASSIFIER = "个"', 'GENERIC_CLASSIFIER = "個"')
    assert computed() == {"parse": 1, "terms": 1, "reuse": 1}
    # a resource only the terms stage reads
    with open(package / "resources" / "userdict.txt", "a", encoding="utf-8") as handle:
        handle.write("法治副校长\n")
    assert computed() == {"terms": 1}


TWICE_IN_ONE_PROCESS = """
import sys
from pathlib import Path
from reportkit.pipeline.build import build

def category():
    table = build(sys.argv[1], out=None, cache_dir=sys.argv[2], jobs=1)["indicators"]
    return table.loc[table["span"].str.startswith("身边人讲身边事"), "category"].tolist()

print(category())
resource = Path(sys.argv[3])
resource.write_text(resource.read_text(encoding="utf-8").replace(
    "legal_education_events,普法宣传活动,普法|", "legal_education_events,普法宣传活动,身边人讲身边事|普法|", 1), encoding="utf-8")
print(category())  # a rerun notebook cell after an edit
"""


def test_build__a_resource_edited_between_two_builds_of_one_process_is_read_and_keys_the_cache(tmp_path):
    # a docs review: the digests in the cache keys were kept for the process, so a second build in one kernel
    # stored the edited file's results under the old file's key, and a fresh build after undoing the edit read them
    package, raw, env = _package_copy(tmp_path)
    resource = package / "resources" / "indicator_categories.csv"
    original = resource.read_bytes()

    def run(script: str, *args) -> list[str]:
        result = subprocess.run([sys.executable, "-c", script, str(raw), str(tmp_path / "cache"), *map(str, args)],
                                capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout.strip().splitlines()

    assert run(TWICE_IN_ONE_PROCESS, resource) == ["['']", "['legal_education_events']"]
    once = TWICE_IN_ONE_PROCESS.split("print(category())")[0] + "print(category())"
    assert run(once) == ["['legal_education_events']"]  # a fresh process on the edited file agrees
    resource.write_bytes(original)
    assert run(once) == ["['']"]  # and undoing the edit finds nothing stored under the old file's key


REUSE_OF_TWO = """
import json, sys
from reportkit.pipeline.build import build
tables = build(sys.argv[1], out=sys.argv[2], cache_dir=sys.argv[3] if len(sys.argv) > 3 else None, jobs=1)
print(json.dumps(sorted(round(float(v), 4) for v in tables["reuse"]["similarity"])))
"""


def test_build__a_resource_that_shapes_the_passages_renews_the_kept_reuse_index(tmp_path):
    # an adversarial review: the reuse index kept each report's masked passages until the report changed, so a
    # unit added to indicator_units.csv (whose counts passages mask) left the similarity of an old build forever
    package, raw, env = _package_copy(tmp_path)
    shutil.copy(RAW / "000_71c2f259f347b4f4.txt", raw)
    sentence = "镇文化站组织群众制作法治主题灯笼{}盏，在集镇主街和各村文化广场悬挂展出，引导群众学法守法用法。"
    for name, count in (("000_71c2f259f347b4f4.txt", "三"), (SEED.name, "五")):
        path = raw / name
        path.write_text(path.read_text(encoding="utf-8") + "\n" + sentence.format(count) + "\n", encoding="utf-8")

    def similarities(out: Path, cache_dir: Path | None) -> list[float]:
        args = [str(raw), str(out)] + ([str(cache_dir)] if cache_dir else [])
        result = subprocess.run([sys.executable, "-c", REUSE_OF_TWO, *args], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    before = similarities(tmp_path / "out", tmp_path / "cache")
    with open(package / "resources" / "indicator_units.csv", "a", encoding="utf-8") as handle:
        handle.write("盏,item,document,,,,,\n")  # 副 is a unit since round 82
    kept = similarities(tmp_path / "out", tmp_path / "cache")
    assert kept == similarities(tmp_path / "cold", None) and kept != before


def _wide_table(n_rows: int):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    table = pd.DataFrame({"doc_id": [f"d{i % 3}" for i in range(n_rows)],
                          "passage": np.arange(n_rows, dtype="int64"),
                          "share": np.where(np.arange(n_rows) % 2, 0.5, np.nan)})  # NaN: stored as null, as from_pandas does
    for k in range(cache._WIDE_NUMERIC + 4):
        table[f"h{k:02d}"] = rng.integers(0, 2**32, n_rows, dtype="uint64").astype("uint32")
    return table


def test_arrow_table__a_wide_numeric_table_is_stored_as_from_pandas_stores_it_and_read_back_whole():
    import pandas as pd
    import pyarrow as pa

    for n_rows in (0, 1, 7):
        table = _wide_table(n_rows)
        fast = cache._arrow_table(table)
        assert fast.equals(pa.Table.from_pandas(table, preserve_index=False), check_metadata=True)
        back = cache._table(cache._arrow_stream(table))
        pd.testing.assert_frame_equal(back, table, check_exact=True)
        assert isinstance(back.index, pd.RangeIndex)


def test_arrow_table__other_tables_keep_pandas_own_conversion_with_their_index():
    import pandas as pd

    narrow = pd.DataFrame({"term": ["法治", "调解"], "n": [3, 1]}, index=[5, 9])
    pd.testing.assert_frame_equal(cache._table(cache._arrow_stream(narrow)), narrow, check_exact=True)
    wide = _wide_table(4).set_axis([10, 11, 12, 13])  # not a default index: kept, by pandas' own path
    pd.testing.assert_frame_equal(cache._table(cache._arrow_stream(wide)), wide, check_exact=True)


@pytest.mark.parametrize("strings", ["str", "string[python]", "string[pyarrow]"])
def test_arrow_table__a_table_of_strings_and_numbers_is_stored_as_from_pandas_stores_it_and_read_back_whole(strings):
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    for n_rows in (0, 1, 5):
        table = pd.DataFrame({
            "doc_id": pd.array([f"乡{i}" for i in range(n_rows)], dtype=strings),
            "heading": pd.array([None if i % 2 else "一、主要举措" for i in range(n_rows)], dtype=strings),
            "n": np.arange(n_rows, dtype="int64"), "form": np.arange(n_rows, dtype="uint64") * 2**40,
            "value": np.where(np.arange(n_rows) % 2, 1.5, np.nan),  # NaN: stored as null, as from_pandas does
            "flag": np.arange(n_rows) % 3 == 0})
        pandas_own = pa.Table.from_pandas(table, preserve_index=False)
        assert cache._arrow_table(table).equals(pandas_own, check_metadata=True)
        back = cache._table(cache._arrow_stream(table))
        # What pandas' own conversion gives back: the table itself, but python-stored strings come
        # back stored in Arrow (as they always did).
        pd.testing.assert_frame_equal(back, pandas_own.to_pandas(), check_exact=True)
        pd.testing.assert_frame_equal(back, table, check_exact=True, check_dtype=strings != "string[python]")
        assert isinstance(back.index, pd.RangeIndex)


def _stored(frame):
    """FRAME as a worker sends it once the cache has written it (`cache.StoredTable`)."""
    return cache.StoredTable(cache._arrow_stream(frame).to_pybytes(), len(frame))


def _frames_joined(frames):
    """What the parent made of a worker's pickled frames: `pd.concat` of the non-empty ones."""
    import pandas as pd

    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def test_join_tables__stored_tables_join_as_pandas_concat_joins_their_frames():
    import pandas as pd

    def section(doc, parent, n):
        return pd.DataFrame({"doc_id": pd.array([doc] * n, dtype="str"), "section_no": pd.array([str(i) for i in range(n)], dtype="str"),
                             "parent_section_no": pd.array([parent] * n, dtype="str"), "start": list(range(n))})

    same = [section("a", "1", 2), section("b", "2", 3), section("c", "1", 0), section("d", "3", 1)]
    joined = cache.join_tables([_stored(f) for f in same])
    pd.testing.assert_frame_equal(joined, _frames_joined(same), check_exact=True)
    assert isinstance(joined.index, pd.RangeIndex) and len(joined) == 6

    # A report whose column holds nothing but None has another Arrow type: pandas' rules decide the dtype.
    odd = section("e", "x", 2).assign(parent_section_no=[None, None])
    mixed = [same[0], odd, same[1]]
    expected = _frames_joined([cache._table(cache._arrow_stream(f)) for f in mixed])
    assert expected["parent_section_no"].dtype == object  # the case the Arrow join must not take
    pd.testing.assert_frame_equal(cache.join_tables([_stored(f) for f in mixed]), expected, check_exact=True)
    # Frames loaded from the cache in the parent beside stored tables from a worker.
    pd.testing.assert_frame_equal(cache.join_tables([same[0], _stored(same[1]), None, _stored(same[3])]),
                                  _frames_joined([same[0], same[1], same[3]]), check_exact=True)
    assert cache.join_tables([_stored(same[2]), None]).equals(pd.DataFrame())


def test_join_tables__list_columns_and_a_kept_index_as_the_frames_give_them():
    import pandas as pd

    items = [pd.DataFrame({"doc_id": ["a", "a"], "item_no": [1, 2], "tokens": [["执法", "力量"], []]}),
             pd.DataFrame({"doc_id": ["b"], "item_no": [1], "tokens": [["宣传"]]}, index=[7])]
    joined = cache.join_tables([_stored(f) for f in items])
    pd.testing.assert_frame_equal(joined, _frames_joined([cache._table(cache._arrow_stream(f)) for f in items]),
                                  check_exact=True)
    assert joined["tokens"].tolist() == [["执法", "力量"], [], ["宣传"]]
    assert list(joined.index) == [0, 1, 2]


def test_run_job__a_worker_sends_what_the_cache_wrote_and_the_group_s_tables_are_the_same(tmp_path):
    """A worker with a cache sends each table as the stream the cache wrote; the group's tables
    made of them equal those made of the DataFrames a worker without a cache sends."""
    import hashlib
    import pickle

    import pandas as pd

    from reportkit.pipeline import groups, runner

    config = BuildConfig()
    paths = sorted(RAW.glob("*.txt"))
    jobs = [runner.Job(p.name, p, hashlib.sha256(p.read_bytes()).hexdigest()) for p in paths]
    with_cache = runner.Run(config, cache.Cache.open(tmp_path / "cache", cache.stage_keys(config)))
    without = runner.Run(config, cache.Cache(None, cache.stage_keys(config)))
    sent = [pickle.loads(pickle.dumps(runner.run_job(job, with_cache))) for job in jobs]  # as through the pipe
    plain = [pickle.loads(pickle.dumps(runner.run_job(job, without))) for job in jobs]
    assert all(isinstance(o.result["sections"], cache.StoredTable) for o in sent)
    assert all(isinstance(o.result["sections"], pd.DataFrame) for o in plain)
    new, _, new_keys, new_items, new_reuse = groups.group_tables(sent, {})
    old, _, old_keys, old_items, old_reuse = groups.group_tables(plain, {})
    for name in old:
        pd.testing.assert_frame_equal(new[name], old[name], check_exact=True, obj=name)
    for a, b in ((new_keys, old_keys), (new_reuse, old_reuse)):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    pd.testing.assert_frame_equal(new_items.drop(columns="tokens"), old_items.drop(columns="tokens"), check_exact=True)
    # tokens: a worker's tuples come back from Arrow as lists, the same in every file written
    assert json.dumps(new_items["tokens"].tolist()) == json.dumps(old_items["tokens"].tolist()) and len(new_items)
    # A second run of the same jobs reads the cache: DataFrames, as before.
    again = runner.run_job(jobs[0], with_cache)
    assert again.computed == [] and isinstance(again.result["sections"], pd.DataFrame)
