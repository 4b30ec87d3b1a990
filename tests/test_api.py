"""The flat public API: every name is what it says, on every access (a notebook cell run twice)."""
from __future__ import annotations

import importlib
import pkgutil
import types

import pandas as pd
import pytest

import reportkit as rk

from .conftest import RAW, ROOT, SAMPLE_REPORT


def _every_module() -> None:
    """Import every reportkit module, as a session that has used the library for a while has."""
    for info in pkgutil.walk_packages(rk.__path__, "reportkit."):
        importlib.import_module(info.name)


def test_api__no_public_name_is_also_a_submodule():
    # Importing a submodule sets the package attribute of its name: a function of the same name
    # would be hidden by the module after the first import (rk.build did that).
    modules = {info.name.split(".")[1] for info in pkgutil.walk_packages(rk.__path__, "reportkit.")}
    clashes = [name for name, home in rk._API.items() if home is not None and name in modules]
    assert clashes == []


def test_api__every_public_name_resolves_to_the_same_object_before_and_after_imports():
    before = {name: getattr(rk, name) for name in rk.__all__}
    _every_module()
    after = {name: getattr(rk, name) for name in rk.__all__}
    assert [n for n in rk.__all__ if before[n] is not after[n]] == []
    assert [n for n in rk.__all__ if isinstance(after[n], types.ModuleType) != (rk._API[n] is None)] == []


def _calls(tmp_path) -> dict:
    """One small real call of every public name."""
    text = rk.normalize_text(SAMPLE_REPORT)
    return {
        "build": lambda: rk.build(RAW, manifest=ROOT / "data" / "manifest.csv", out=tmp_path / "out",
                                  cache_dir=tmp_path / "cache", jobs=1),
        "check": lambda: rk.check(RAW)["build_log"],
        "BuildReport": lambda: rk.BuildReport().summary(),
        "BuildConfig": lambda: rk.BuildConfig(jobs=1).jobs,
        "ReuseOptions": lambda: rk.ReuseOptions(threshold=0.6).threshold,
        "ThemeOptions": lambda: rk.ThemeOptions(k=3).k,
        "Limits": lambda: rk.Limits().max_chars,
        "read_tables": lambda: rk.read_tables(tmp_path / "out", ["documents"])["documents"],
        "read_manifest": lambda: rk.read_manifest(ROOT / "data" / "manifest.csv")[0],
        "extract": lambda: rk.extract(SAMPLE_REPORT.encode(), ".txt", name="a.txt", limits=rk.Limits()).text,
        "discover": lambda: rk.discover(RAW),
        "ReadError": lambda: str(rk.ReadError("empty file")),
        "normalize_text": lambda: rk.normalize_text("２０２３年"),
        "to_simplified": lambda: rk.to_simplified("鄉鎮"),
        "is_traditional": lambda: rk.is_traditional(text),
        "infer_metadata": lambda: rk.infer_metadata(text)["town"],
        "load_gazetteer": lambda: len(rk.load_gazetteer()),
        "title_of": lambda: rk.title_of(text),
        "split_sections": lambda: rk.split_sections(text, doc_id="a"),
        "shortcoming_items": lambda: rk.shortcoming_items(rk.split_sections(text, doc_id="a")),
        "completeness": lambda: rk.completeness(rk.split_sections(text, doc_id="a")),
        "classify_heading": lambda: rk.classify_heading("二、存在的不足和原因"),
        "extract_indicators": lambda: rk.extract_indicators(text),
        "density": lambda: rk.density(rk.extract_indicators(text, doc_id="a"), rk.split_sections(text, doc_id="a")),
        "own_year": lambda: rk.own_year(rk.extract_indicators(text)),
        "load_tokenizer": lambda: rk.load_tokenizer().tokens("聘请法律顾问"),
        "count_terms": lambda: rk.count_terms(rk.split_sections(text, doc_id="a")),
        "top_terms": lambda: rk.top_terms(rk.count_terms(rk.split_sections(text, doc_id="a")), by="doc_id"),
        "tfidf": lambda: rk.tfidf(rk.count_terms(rk.split_sections(text, doc_id="a"))),
        "keyness": lambda: rk.keyness(rk.count_terms(rk.split_sections(text, doc_id="a")), target={"section_type": "measures"},
                                      min_count=1),
        "keyness_by": lambda: rk.keyness_by(rk.count_terms(rk.split_sections(text, doc_id="a")), by="section_type",
                                            min_count=1),
        "kwic": lambda: rk.kwic(pd.DataFrame({"doc_id": ["a"], "text": [text]}), "普法"),
        "concept_counts": lambda: rk.concept_counts(rk.count_terms(rk.split_sections(text, doc_id="a"))),
        "load_boilerplate": lambda: rk.load_boilerplate(),
        "cluster_shortcomings": lambda: rk.cluster_shortcomings(rk.shortcoming_items(rk.split_sections(text, doc_id="a"))),
        "theme_summary": lambda: rk.theme_summary(
            rk.cluster_shortcomings(rk.shortcoming_items(rk.split_sections(text, doc_id="a")))),
        "find_reuse": lambda: rk.find_reuse(pd.DataFrame({"doc_id": ["a", "b"], "text": [text, text]})),
        "originality": lambda: rk.originality(pd.DataFrame({"doc_id": ["a"], "text": [text]}), rk.find_reuse(
            pd.DataFrame({"doc_id": ["a"], "text": [text]}))),
        "plots": lambda: rk.plots.format_value(40.0, "余"),
        "export": lambda: callable(rk.export.save_figure),
        "comparable": lambda: rk.comparable(rk.extract_indicators(text, doc_id="a"), category="legal_education_events"),
        "unit_kind": lambda: rk.unit_kind("场次"),
        "representative_items": lambda: rk.representative_items(
            rk.cluster_shortcomings(rk.shortcoming_items(rk.split_sections(text, doc_id="a")))),
        "corpus_passages": lambda: rk.corpus_passages(pd.DataFrame({"doc_id": ["a"], "text": [text]})),
        "min_docs_for_boilerplate": lambda: rk.min_docs_for_boilerplate(100),
        "caveats": lambda: rk.caveats(pd.DataFrame({"doc_id": ["a"], "town": ["北城街道"], "year": [2023]})),
        "SmallNumbersWarning": lambda: rk.SmallNumbersWarning("few reports").args,
        "recurring_themes": lambda: rk.recurring_themes(*_two_years(tmp_path)[:2]),
        "carried_plans": lambda: rk.carried_plans(_two_years(tmp_path)[2], _two_years(tmp_path)[1]),
        "build_deck": lambda: callable(rk.build_deck),
        "write_workbook": lambda: rk.write_workbook({"documents": _two_years(tmp_path)[1].drop(columns=["text"])},
                                                    tmp_path / "tables.xlsx"),
        "write_profiles": lambda: callable(rk.write_profiles),
        "trends": lambda: callable(rk.trends.trend_table) if hasattr(rk.trends, "trend_table") else rk.trends.__name__,
        "findings": lambda: rk.findings.__name__,
        "across_years": lambda: rk.across_years.__name__,
        "notebooks": lambda: callable(rk.notebooks.setup),
        "deck": lambda: rk.deck.__name__,
    }


def _two_years(tmp_path):
    """(shortcomings, documents, sections) of one town in 2022 and 2023, built once per test."""
    if not (tmp_path / "two" / "out").exists():
        raw = tmp_path / "two" / "raw"
        raw.mkdir(parents=True)
        (raw / "a2022.txt").write_text(SAMPLE_REPORT.replace("2023", "2022").replace("2024", "2023"), encoding="utf-8")
        (raw / "a2023.txt").write_text(SAMPLE_REPORT, encoding="utf-8")
        rk.build(raw, manifest=None, out=tmp_path / "two" / "out", cache_dir=None, jobs=1)
    tables = rk.read_tables(tmp_path / "two" / "out", ["shortcomings", "documents", "sections"])
    return tables["shortcomings"], tables["documents"], tables["sections"]


def test_api__every_public_name_can_be_called_twice_as_a_rerun_notebook_cell_does(tmp_path):
    calls = _calls(tmp_path)
    assert sorted(calls) == rk.__all__  # a new public name needs a call here
    for attempt in range(2):
        failed = {}
        for name, call in calls.items():
            try:
                result = call()
            except Exception as exc:  # noqa: BLE001 - the test reports every failure at once
                failed[name] = f"{type(exc).__name__}: {exc}"
                continue
            assert result is not None, name
        assert failed == {}, f"attempt {attempt + 1}: {failed}"


def test_api__build_is_the_function_after_the_pipeline_module_is_imported():
    import reportkit.pipeline.build  # noqa: F401 - what the first rk.build(...) call does inside

    assert callable(rk.build) and rk.build.__name__ == "build"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        rk.nope  # noqa: B018


@pytest.mark.parametrize("jobs", [-1, 0, 1.5, True])
def test_build__jobs_that_are_no_count_of_workers_are_refused_before_any_work(jobs, tmp_path):
    # a docs review: rk.build(jobs=-1) (joblib's "all cores") was taken as a count; None is all cores
    import reportkit as rk

    with pytest.raises(ValueError, match="jobs must be a whole number"):
        rk.build(RAW, out=tmp_path / "out", cache_dir=None, jobs=jobs)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("make", "message"), [
    (lambda: rk.ThemeOptions(k=0), "ThemeOptions.k must be a whole number, 1 or more, not 0"),
    (lambda: rk.ThemeOptions(k="6"), "ThemeOptions.k must be a whole number"),
    (lambda: rk.ThemeOptions(k_range=(8, 2)), r"ThemeOptions.k_range must be \(fewest, most\)"),
    (lambda: rk.ThemeOptions(min_coverage=1.5), "ThemeOptions.min_coverage must be a share"),
    (lambda: rk.ThemeOptions(lead_weight=0), "ThemeOptions.lead_weight must be a number above 0"),
    (lambda: rk.ReuseOptions(threshold=2), "ReuseOptions.threshold must be a share, above 0 and at most 1, not 2"),
    (lambda: rk.ReuseOptions(shingle_size=0), "ReuseOptions.shingle_size must be a whole number, 1 or more"),
    (lambda: rk.ReuseOptions(num_perm=0), "ReuseOptions.num_perm must be a whole number, 2 or more"),
    (lambda: rk.ReuseOptions(boilerplate_min_towns=5, boilerplate_max_towns=3), "boilerplate_max_towns must be"),
])
def test_options_out_of_range_are_refused_when_made(make, message):
    # an API review: k=0 failed only after every report was parsed; threshold=2 and shingle_size=0 found no
    # reuse at all, and the deck then said that nothing was shared
    with pytest.raises(ValueError, match=message):
        make()


def test_options_in_range_are_taken():
    rk.ThemeOptions(k=1, k_range=(1, 1), guide=0.0, fit_items=None, random_state=None, min_similarity=0.0)
    rk.ReuseOptions(threshold=1.0, boilerplate_share=0.0, min_cjk=0)


def test_build__a_config_that_is_no_build_config_is_refused_before_any_work(tmp_path):
    with pytest.raises(TypeError, match="config must be a reportkit.BuildConfig, not dict"):
        rk.build(RAW, out=tmp_path / "out", cache_dir=None, config={"jobs": 1})
    with pytest.raises(TypeError, match="BuildConfig.limits must be a reportkit.Limits, not dict"):
        rk.BuildConfig(limits={"max_chars": 10})
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("call", ["build", "check"])
def test_build_and_check__a_manifest_that_is_no_file_is_refused_before_any_work(call, tmp_path):
    # an API review: a mistyped manifest= built without it (the manifest wins over every clue), while the
    # command line refused the same path; with out= it replaced the tables built with it
    kwargs = {"out": tmp_path / "out", "cache_dir": None} if call == "build" else {}
    with pytest.raises(FileNotFoundError, match="manifst.csv is not a file; give the manifest's path, or manifest=None"):
        getattr(rk, call)(RAW, manifest=tmp_path / "manifst.csv", **kwargs)
    assert not (tmp_path / "out").exists()


def test_build__rjieba_chosen_but_not_installed_is_refused_before_any_work(tmp_path):
    # an API review: without the optional package every report became an internal error, the build exited 0
    # and the tables in --out were replaced with none. A child process where rjieba cannot be imported:
    import subprocess
    import sys

    out = tmp_path / "out"
    code = ("import sys; sys.modules['rjieba'] = None\n"  # as if it were not installed: import raises ImportError
            "from reportkit.cli import main\n"
            f"sys.exit(main(['build', {str(RAW)!r}, '--out', {str(out)!r}, '--no-cache', '--tokenizer', 'rjieba']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert "tokenizer 'rjieba' needs the optional package: pip install 'reportkit[fast]'" in result.stderr
    assert not out.exists()


def test_town_lookups_by_doc_id_hold_for_categorical_columns():
    # an API review: theme_summary named the wrong towns when doc_id and town were categorical (a pandas quirk
    # of Series.map with categorical ids through a categorical Series); categories order towns in charts
    documents = pd.DataFrame({"doc_id": ["b", "a", "c"], "town": ["北镇", "安乡", "城关街道"], "year": [2023, 2023, 2024]})
    shortcomings = pd.DataFrame({"doc_id": ["b", "a", "c", "b"], "item_no": [1, 1, 1, 2],
                                 "text": ["执法力量薄弱", "普法形式单一", "执法人员不足", "宣传不够"],
                                 "theme": ["capacity", "publicity", "capacity", "publicity"]})
    plain = rk.theme_summary(shortcomings, documents)
    categorical = rk.theme_summary(shortcomings.astype({"doc_id": "category"}),
                                   documents.astype({"doc_id": "category", "town": "category"}))
    assert dict(zip(plain["theme"], plain["towns"])) == {"capacity": "北镇、城关街道", "publicity": "北镇、安乡"}
    assert categorical["towns"].tolist() == plain["towns"].tolist()
    from reportkit.workbook import for_reading

    added = for_reading({"documents": documents.astype({"doc_id": "category", "town": "category"}),
                                "shortcomings": shortcomings.astype({"doc_id": "category"})})["shortcomings"]
    assert added["town"].astype(str).tolist() == ["北镇", "安乡", "城关街道", "北镇"]


def test_trend_tables__one_phrase_is_one_and_top_is_a_count_of_groups():
    # an API review: phrase_trend_table(docs, "法律顾问") drew 法, 律, 顾, 问; top=0 and top=-1 were taken
    documents = pd.DataFrame({"doc_id": ["a", "b"], "year": [2023, 2024], "text": ["聘请法律顾问", "没有"]})
    table = rk.trends.phrase_trend_table(documents, "法律顾问", min_reports=1)
    assert table["group"].unique().tolist() == ["法律顾问"]
    indicators = pd.DataFrame({"doc_id": ["a"], "category": ["legal_education_events"]})
    for top in (0, -1, 1.5):
        with pytest.raises(ValueError, match="top must be a whole number of groups"):
            rk.trends.category_trend_table(indicators, documents, top=top)


def test_category_trend_table__a_tie_for_the_last_place_goes_by_name_not_row_order():
    # an API review: of categories tied in count, the rows' order chose which were drawn
    documents = pd.DataFrame({"doc_id": ["a", "b"], "year": [2023, 2024], "text": ["", ""]})
    indicators = pd.DataFrame({"doc_id": ["a", "b", "a", "b"], "category": ["c_x", "c_x", "b_y", "a_z"]})
    first = rk.trends.category_trend_table(indicators, documents, top=2, min_reports=1)
    again = rk.trends.category_trend_table(indicators.iloc[::-1], documents, top=2, min_reports=1)
    assert first["group"].unique().tolist() == again["group"].unique().tolist() == ["c_x", "a_z"]


def test_kwic__a_table_without_text_or_a_negative_window_is_named():
    indicators = pd.DataFrame({"doc_id": ["a"], "span": ["调解32件"]})
    with pytest.raises(ValueError, match="kwic searches the text of the documents or sections table"):
        rk.kwic(indicators, "调解")
    with pytest.raises(ValueError, match="window is the characters shown either side"):
        rk.kwic(pd.DataFrame({"doc_id": ["a"], "text": ["调解"]}), "调解", window=-1)


def test_tokenizer__leaves_jiebas_logger_as_it_was():
    # an API review: loading the tokenizer set the process-wide jieba logger to WARNING. (Its other point, no
    # NullHandler, is kept on purpose: with no logging configured, a notebook shows the build's warnings.)
    import logging

    jieba_logger = logging.getLogger("jieba")
    before = jieba_logger.level
    try:
        jieba_logger.setLevel(logging.DEBUG)
        from reportkit.terms import Tokenizer

        assert Tokenizer().tokens("开展普法宣传活动")
        assert jieba_logger.level == logging.DEBUG
    finally:
        jieba_logger.setLevel(before)


@pytest.mark.parametrize("name", ["normalize_text", "to_simplified", "is_traditional", "infer_metadata", "title_of",
                                  "split_sections", "extract_indicators", "classify_heading"])
@pytest.mark.parametrize("value", [float("nan"), 3, b"\xe9\x95\x87"])
def test_text_functions__a_value_that_is_no_text_is_a_type_error_that_says_what_to_pass(name, value):
    # was: AttributeError 'float' object has no attribute 'split' from inside (a NaN cell of a table)
    with pytest.raises(TypeError, match=rf"{name}\(\): \w+ must be a str, not {type(value).__name__}.*pass e\.g\."):
        getattr(rk, name)(value)


@pytest.mark.parametrize("name", ["normalize_text", "is_traditional", "infer_metadata", "title_of", "split_sections",
                                  "classify_heading"])
def test_text_functions__none_is_named_a_missing_value(name):
    with pytest.raises(TypeError, match="not NoneType .a missing value"):
        getattr(rk, name)(None)
