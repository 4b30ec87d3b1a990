"""Notebooks: stored clean and thin; executed on the seeds and on a corpus with a new year and town."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from reportkit import notebooks as nbk
from reportkit import schema
from reportkit.findings import SmallNumbersWarning, warn_small_groups

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
RAW = ROOT / "data" / "raw"
MANIFEST = ROOT / "data" / "manifest.csv"
PATHS = nbk.numbered_notebooks(NOTEBOOKS)
NEW_TOWN, NEW_YEAR = "新华镇", 2025


def _code(book) -> list[str]:
    return [c.source for c in book.cells if c.cell_type == "code"]


# --------------------------------------------------------------------------- stored notebooks


def test_numbered_notebooks__the_suggested_set_is_present():
    assert [p.name[:2] for p in PATHS] == ["00", "10", "20", "30", "40", "50"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__stored_without_outputs(path):
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__question_then_imports_then_parameters(path):
    book = nbformat.read(path, as_version=4)
    first, second, third = book.cells[:3]
    assert first.cell_type == "markdown"
    assert all(word in first.source for word in ("（Question）.**", "（Inputs）.**", "（Outputs）.**"))
    assert second.cell_type == "code" and "import" in second.source
    assert "parameters" in third.metadata.get("tags", [])
    for name in ("DATA_DIR", "YEARS", "TOWNS", "OUT_DIR"):
        assert re.search(rf"^{name} = ", third.source, re.MULTILINE), name
    assert book.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__load_analyse_save_headings_in_order(path):
    book = nbformat.read(path, as_version=4)
    headings = [line for c in book.cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("## ")]
    assert headings == ["## 载入（Load）", "## 分析（Analyse）", "## 保存（Save）"]


_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__headings_chinese_first_with_english_beside(path):
    book = nbformat.read(path, as_version=4)
    headings = [line for c in book.cells if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("#")]
    for heading in headings:
        text = heading.lstrip("# ")
        first_cjk = _CJK.search(text)
        first_latin = re.search(r"[A-Za-z]{2,}", text)
        assert first_cjk and first_latin and first_cjk.start() < first_latin.start(), heading


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__narrative_in_chinese_and_english(path):
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "markdown" and not cell.source.startswith("#"):
            assert _CJK.search(cell.source) and re.search(r"[A-Za-z]{4,} [a-z]{2,}", cell.source), cell.source[:60]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__imports_only_the_public_api(path):
    import ast

    import reportkit as rk

    code = "\n".join(_code(nbformat.read(path, as_version=4)))
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("reportkit"), ast.unparse(node)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                # warnings: 30-trends silences, itself and in the open, the caveat it has just printed
                assert alias.name in ("pandas", "reportkit", "warnings"), ast.unparse(node)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "rk":
            assert node.attr in rk.__all__, f"rk.{node.attr} is not public"


def test_public_api__names_the_notebooks_use_are_the_same_on_every_access():
    import importlib
    import types

    import reportkit as rk

    names = ["notebooks", "plots", "trends", "findings", "across_years", "deck", "caveats", "SmallNumbersWarning",
             "theme_summary", "representative_items", "kwic", "keyness", "recurring_themes", "carried_plans",
             "corpus_passages", "min_docs_for_boilerplate", "build_deck", "write_workbook", "write_profiles"]
    first = {n: getattr(rk, n) for n in names}
    for module in ("notebooks", "trends", "findings", "across_years", "deck", "workbook", "profiles", "terms"):
        importlib.import_module(f"reportkit.{module}")  # importing a submodule must not rebind a public name
    assert {n: getattr(rk, n) for n in names} == first
    modules = {"notebooks", "plots", "trends", "findings", "across_years", "deck"}
    for name in names:
        assert isinstance(first[name], types.ModuleType) == (name in modules), name
        assert name in modules or callable(first[name]), name


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__opens_with_one_setup_call(path):
    book = nbformat.read(path, as_version=4)
    code = _code(book)
    setup = [c for c in code if "rk.notebooks.setup(" in c]
    assert len(setup) == 1 and code.index(setup[0]) == 2  # imports, parameters, then setup
    assert not any("read_tables" in c or "load_tables" in c or "doc_label" in c for c in code)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__no_function_or_class_definitions(path):
    book = nbformat.read(path, as_version=4)
    for source in _code(book):
        assert not re.search(r"^\s*(def|class|async def)\s", source, re.MULTILINE), source[:80]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__charts_saved_through_reportkit_export(path):
    code = "\n".join(_code(nbformat.read(path, as_version=4)))
    assert "nb.save_figure(" in code
    assert ".savefig(" not in code and "plt.subplots(" not in code  # charts come from reportkit.plots


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def small_tables():
    # Made from the table contracts, so they hold what a build holds.
    docs = schema.frame("documents", doc_id=["a", "b", "c"], town=["大年乡", "里心镇", "大年乡"], year=[2023, 2023, 2024])
    reuse = schema.frame("reuse", doc_a=["a", "a"], doc_b=["b", "c"], passage_no_a=[1, 2], passage_no_b=[1, 2])
    log = schema.frame("build_log", file=["x.txt"], status=["ok"], message=[""])
    items = schema.frame("shortcomings", doc_id=["a", "b", "c"], item_no=[1, 1, 1])
    return {"documents": docs, "reuse": reuse, "build_log": log, "shortcomings": items}


def test_select_tables__empty_selection_keeps_everything(small_tables):
    out = nbk.select_tables(small_tables)
    assert {k: len(v) for k, v in out.items()} == {k: len(v) for k, v in small_tables.items()}


def test_select_tables__years_filter_every_table_with_doc_id(small_tables):
    out = nbk.select_tables(small_tables, years=[2023])
    assert out["shortcomings"]["doc_id"].tolist() == ["a", "b"]


def test_select_tables__reuse_keeps_pairs_of_two_selected_reports(small_tables):
    out = nbk.select_tables(small_tables, years=[2023])
    assert out["reuse"][["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]


def test_select_tables__table_without_report_key_kept_whole(small_tables):
    assert len(nbk.select_tables(small_tables, towns=["里心镇"])["build_log"]) == 1


def test_select_tables__unknown_town_names_the_towns_present(small_tables):
    with pytest.raises(ValueError, match="town.*青城镇.*towns present: 大年乡、里心镇"):
        nbk.select_tables(small_tables, towns=["青城镇"])


def test_select_tables__unknown_year_names_the_years_present(small_tables):
    with pytest.raises(ValueError, match=r"year.*2030.*years present: \[2023, 2024\]"):
        nbk.select_tables(small_tables, years=[2030])


@pytest.fixture
def levels_tables():
    docs = pd.DataFrame({"doc_id": list("abcd"), "town": ["大年乡", "里心镇", None, "治平乡"],
                         "county": ["融水苗族自治县", "建宁县", "建宁县", "城口县"],
                         "province": ["广西壮族自治区", "福建省", "福建省", "重庆市"],
                         "level": ["township", "township", "county", "unknown"], "year": [2024, 2023, 2023, 2023]})
    return {"documents": docs, "shortcomings": pd.DataFrame({"doc_id": list("abcd"), "item_no": [1] * 4})}


def test_select_tables__county_reports_kept_out_of_township_comparisons_by_default(levels_tables):
    assert nbk.select_tables(levels_tables)["documents"]["doc_id"].tolist() == ["a", "b", "d"]  # unknown stays


def test_select_tables__level_all_and_county(levels_tables):
    assert len(nbk.select_tables(levels_tables, level="all")["documents"]) == 4
    assert nbk.select_tables(levels_tables, level="county")["shortcomings"]["doc_id"].tolist() == ["c"]


def test_select_tables__by_province_and_county(levels_tables):
    out = nbk.select_tables(levels_tables, provinces=["福建省"], level="all")
    assert out["documents"]["doc_id"].tolist() == ["b", "c"]
    assert nbk.select_tables(levels_tables, counties=["城口县"])["documents"]["doc_id"].tolist() == ["d"]


def test_select_tables__unknown_province_names_the_provinces_present(levels_tables):
    with pytest.raises(ValueError, match="province.*山东省.*provinces present: 广西壮族自治区、福建省、重庆市"):
        nbk.select_tables(levels_tables, provinces=["山东省"])


def test_select_tables__unknown_level_refused(levels_tables):
    with pytest.raises(ValueError, match="level must be one of township, county, all"):
        nbk.select_tables(levels_tables, level="乡镇")


def test_left_out_by_level__lists_the_county_report_and_why(levels_tables):
    gone = nbk.left_out_by_level(levels_tables["documents"])
    assert gone["doc_id"].tolist() == ["c"] and gone.loc[0, "reason"] == "县级报告，不与乡镇级报告比较"


def _write_build(tables, folder):
    folder.mkdir(parents=True)
    for name, table in tables.items():
        table.to_parquet(folder / f"{name}.parquet")


def test_setup__tables_labelled_documents_folders_and_what_was_left_out(levels_tables, tmp_path):
    _write_build(levels_tables, tmp_path / "processed")
    nb = nbk.setup(tmp_path / "processed", tmp_path / "out")
    assert nb.docs["label"].tolist() == ["大年乡 2024", "治平乡 2023", "里心镇 2023"]
    assert nb.tables["documents"] is nb.docs and set(nb.tables["shortcomings"]["doc_id"]) == {"a", "b", "d"}
    assert nb.figures_dir.is_dir() and nb.tables_dir.is_dir() and nb.figures_dir.parent == tmp_path / "out"
    assert "3 份报告" in repr(nb) and "另有 1 份非乡镇级报告（county）未纳入比较" in repr(nb)
    again = nbk.setup(tmp_path / "processed", tmp_path / "out")  # a cell run twice gives the same
    assert again.docs.equals(nb.docs)


def test_setup__leaves_the_process_warning_filters_as_they_were(levels_tables, tmp_path):
    """A library call changes no process-wide state: the trends still warn after a notebook's setup."""
    import warnings

    _write_build(levels_tables, tmp_path / "processed")
    before = list(warnings.filters)
    nbk.setup(tmp_path / "processed", tmp_path / "out")
    assert warnings.filters == before
    with pytest.warns(SmallNumbersWarning):
        warn_small_groups(pd.DataFrame({"doc_id": ["a"], "year": [2023]}), by="year")


def test_setup__save_table_quotes_formula_like_cells(levels_tables, tmp_path):
    _write_build(levels_tables, tmp_path / "processed")
    nb = nbk.setup(tmp_path / "processed", tmp_path / "out")
    path = nb.save_table(pd.DataFrame({"text": ["=1+1", "普法"]}), "x")
    assert pd.read_csv(path, encoding="utf-8-sig")["text"].tolist() == ["'=1+1", "普法"]


def test_with_category_labels__codes_become_chinese_labels_and_blank_is_uncategorised():
    ind = pd.DataFrame({"doc_id": ["a", "a"], "category": ["materials_distributed", ""]})
    out = nbk.with_category_labels(ind)
    assert out["category"].tolist() == ["宣传资料发放", nbk.UNCATEGORISED]
    assert out["category_code"].tolist() == ["materials_distributed", ""]


def test_glyph_warnings__finds_matplotlib_missing_glyph_warning():
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    book.cells[0].outputs = [nbformat.v4.new_output(
        "stream", name="stderr",
        text="UserWarning: Glyph 24180 (\\N{CJK UNIFIED IDEOGRAPH-5E74}) missing from font(s) DejaVu Sans.\n")]
    assert len(nbk.glyph_warnings(book)) == 1


def test_glyph_warnings__clean_outputs_have_none():
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    book.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="5 份报告\n")]
    assert nbk.glyph_warnings(book) == []


def test_numbered_notebooks__number_order_and_unnumbered_skipped(tmp_path):
    for name in ("10-b.ipynb", "2-a.ipynb", "scratch.ipynb", "00_c.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in nbk.numbered_notebooks(tmp_path)] == ["00_c.ipynb", "2-a.ipynb", "10-b.ipynb"]


def _sidecar(folder, stem, **meta):
    from reportkit.export import SIDECAR_KIND

    (folder / f"{stem}.png").write_text("x")
    (folder / f"{stem}.json").write_text(json.dumps({"kind": SIDECAR_KIND, "files": {"png": f"{stem}.png"}, **meta}))


def test_clear_figures__removes_only_the_charts_a_notebook_made_when_run(tmp_path):
    _sidecar(tmp_path, "10_old", notebook="10-compare-towns.ipynb")
    _sidecar(tmp_path, "20_other", notebook="20-shortcomings.ipynb")
    _sidecar(tmp_path, "10_by_hand")  # saved in a live session: no notebook recorded
    (tmp_path / "mine.png").write_text("keep")
    (tmp_path / "other.json").write_text(json.dumps({"kind": "something else"}))
    nbk.clear_figures(tmp_path, notebook="10-compare-towns.ipynb")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "10_by_hand.json", "10_by_hand.png", "20_other.json", "20_other.png", "mine.png", "other.json"]


def test_clear_figures__without_a_notebook_never_removes_charts_saved_by_hand(tmp_path):
    _sidecar(tmp_path, "a", notebook="00-overview.ipynb")
    _sidecar(tmp_path, "b")
    nbk.clear_figures(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "b.png"]


def test_main__missing_build_exits_1_with_the_fix(tmp_path, capsys):
    assert nbk.main(["--data", str(tmp_path / "none"), "--out", str(tmp_path / "out"), "--no-html"]) == 1
    assert "reportkit build" in capsys.readouterr().err


# --------------------------------------------------------------------------- executed notebooks


def _image_outputs(book) -> int:
    return sum("image/png" in output.get("data", {}) for cell in book.cells for output in cell.get("outputs", []))


@pytest.mark.slow
def test_live_kernel__every_chart_drawn_after_a_saved_one_is_shown(tmp_path, monkeypatch):
    """In a Jupyter kernel (inline backend) save_figure used to switch interactive mode off."""
    from nbclient import NotebookClient

    monkeypatch.delenv("MPLBACKEND", raising=False)  # as in JupyterLab: the kernel picks inline itself

    draw = ("ax = plots.plot_grouped_bars(pd.DataFrame({'x': ['甲', '乙'], 'y': [1, 2]}), x='x', y='y')\n"
            "_ = export.save_figure(ax, '{name}', r'%s')" % tmp_path)
    cells = ["import pandas as pd\nfrom reportkit import export, plots\nplots.set_theme()",
             draw.replace("{name}", "first"), draw.replace("{name}", "second"), draw.replace("{name}", "third")]
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(book, timeout=120, kernel_name="python3").execute()
    assert [_image_outputs(nbformat.v4.new_notebook(cells=[c])) for c in book.cells] == [0, 1, 1, 1]


def _executed_text(paths: list[Path]) -> str:
    parts = []
    for path in paths:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                parts.append(output.get("text", ""))
                parts += [v for k, v in output.get("data", {}).items() if k.startswith("text/plain")]
    return "\n".join("".join(p) if isinstance(p, list) else str(p) for p in parts)


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    from reportkit.pipeline.build import build

    tmp = tmp_path_factory.mktemp("seeds")
    build(RAW, manifest=MANIFEST, out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)
    return nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=tmp / "outputs", jobs=2), tmp


@pytest.fixture(scope="session")
def new_year_run(tmp_path_factory):
    """The seeds plus a copy of 大年乡's 2024 report relabelled as 新华镇's 2025 report."""
    from reportkit.pipeline.build import build

    tmp = tmp_path_factory.mktemp("new_year")
    raw = tmp / "raw"
    shutil.copytree(RAW, raw)
    manifest = pd.read_csv(MANIFEST, dtype=str, keep_default_na=False)
    source = manifest[manifest["town"] == "大年乡"].iloc[0]
    text = (RAW / source["file"]).read_text(encoding="utf-8")
    (raw / "new_2025.txt").write_text(text.replace("大年乡", NEW_TOWN).replace("2024", str(NEW_YEAR)),
                                      encoding="utf-8")
    row = source.copy()
    row["file"], row["town"], row["town_type"], row["year"] = "new_2025.txt", NEW_TOWN, "镇", str(NEW_YEAR)
    pd.concat([manifest, row.to_frame().T]).to_csv(tmp / "manifest.csv", index=False)
    build(raw, manifest=tmp / "manifest.csv", out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)
    result = nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=tmp / "outputs", html=False, jobs=2)
    return result, tmp


@pytest.mark.slow
def test_run_notebooks__seeds_every_notebook_executed_with_html(seeds_run):
    result, _ = seeds_run
    assert [p.name for p in result.executed] == [p.name for p in PATHS]
    assert all(p.exists() and p.stat().st_size > 0 for p in result.html)


@pytest.mark.slow
def test_run_notebooks__seeds_each_notebook_saves_figures_with_data(seeds_run):
    _, tmp = seeds_run
    figures = tmp / "outputs" / "figures"
    for prefix in ("00", "10", "20", "30", "40"):
        assert list(figures.glob(f"{prefix}_*.png")), prefix
    for sidecar in figures.glob("*.json"):
        assert (figures / (sidecar.stem + ".csv")).exists(), sidecar.name


@pytest.mark.slow
def test_run_notebooks__seeds_deck_follows_the_spec_with_findings_as_titles(seeds_run):
    from pptx import Presentation

    from reportkit import deck

    result, tmp = seeds_run
    figures = tmp / "outputs" / "figures"
    spec = deck.read_deck_spec(NOTEBOOKS / "deck.csv")["chart"].tolist()
    drawn = [c for c in spec if c == deck.METHODS or (figures / f"{c}.json").exists()]
    prs = Presentation(str(result.deck))
    titles = [s.shapes.title.text for s in prs.slides][1:]
    expected = [deck.METHODS_TITLE if c == deck.METHODS else
                deck.tight(json.loads((figures / f"{c}.json").read_text(encoding="utf-8"))["finding"]) for c in drawn]
    # the originality bars and the reuse matrix of five reports that share nothing find the same: said once
    assert titles == list(dict.fromkeys(expected)) and all(titles) and len(titles) == len(expected) - 1
    assert len(drawn) >= 8  # the process checks (reports per year, lengths) are not in it
    assert "20_theme_frequency" in drawn and "00_report_length" not in drawn
    assert titles[0] == "5份报告均提到「执法与法治工作力量、人才薄弱」方面的不足"
    notes = [s.notes_slide.notes_text_frame.text for s in list(prs.slides)[1:-1]]
    assert all(re.search(r"\d", n) and "注意：" in n and "注意：注意" not in n for n in notes)  # numbers, caveat


@pytest.mark.slow
def test_run_notebooks__seeds_workbook_and_a_profile_per_town(seeds_run):
    import openpyxl

    result, tmp = seeds_run
    book = openpyxl.load_workbook(result.workbook, read_only=True)
    assert {"列说明", "documents", "shortcomings", "indicators", "term_counts"} <= set(book.sheetnames)
    assert sorted(p.stem for p in result.profiles) == sorted(
        ["大年乡_融水苗族自治县", "里心镇_建宁县", "治平乡_城口县", "松源镇_梅县区", "青城镇_高青县"])
    assert all(p.with_suffix(".png").exists() for p in result.profiles)


@pytest.mark.slow
def test_run_notebooks__seeds_html_images_carry_the_chart_titles(seeds_run):
    result, _ = seeds_run
    page = next(p for p in result.html if p.name.startswith("20")).read_text(encoding="utf-8")
    assert "No description has been provided" not in page
    assert 'alt="5 份报告均提到「执法与法治工作力量、人才薄弱」方面的不足"' in page


@pytest.mark.slow
def test_run_notebooks__only_one_notebook_keeps_the_others_charts_and_the_deck(seeds_run):
    from pptx import Presentation

    import matplotlib.pyplot as plt

    from reportkit import export

    result, tmp = seeds_run
    figures, out = tmp / "outputs" / "figures", tmp / "outputs"
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    by_hand = export.save_figure(fig, "50_drawn_by_hand", figures)  # saved in a live session, not by the runner
    plt.close(fig)
    try:
        before = sorted(p.name for p in figures.iterdir())
        slides = len(Presentation(str(result.deck)).slides)
        again = nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=out, only=["50"], html=False,
                                  workbook=False, profiles=False)
        assert [p.name for p in again.executed] == ["50-across-years.ipynb"]
        assert sorted(p.name for p in figures.iterdir()) == before and by_hand["png"].exists()
        assert len(Presentation(str(again.deck)).slides) == slides
    finally:
        for path in by_hand.values():
            path.unlink(missing_ok=True)


@pytest.mark.slow
def test_run_notebooks__seeds_every_saved_chart_is_shown_in_the_executed_notebook(seeds_run):
    result, tmp = seeds_run
    figures = tmp / "outputs" / "figures"
    for path in result.executed:
        saved = [p for p in figures.glob("*.json") if json.loads(p.read_text(encoding="utf-8")).get("notebook") == path.name]
        assert saved and _image_outputs(nbformat.read(path, as_version=4)) == len(saved), path.name


@pytest.mark.slow
def test_run_notebooks__seeds_no_missing_glyph_warnings(seeds_run):
    result, _ = seeds_run
    text = _executed_text(result.executed)
    assert "missing from font" not in text and not nbk.glyph_warnings(nbformat.read(result.executed[0], 4))


@pytest.mark.slow
def test_run_notebooks__seeds_trends_print_the_small_years_caveat(seeds_run):
    result, _ = seeds_run
    trends = [p for p in result.executed if p.name.startswith("30")]
    assert "不能当作趋势来读" in _executed_text(trends)
    # printed where the notebook reads the years, not repeated as a warning under every trend chart
    cells = nbformat.read(trends[0], as_version=4).cells
    outputs = [str(o) for c in cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not any("SmallNumbersWarning" in o for o in outputs)


@pytest.mark.slow
def test_run_notebooks__seeds_overview_says_what_the_counts_cannot_show(seeds_run):
    result, _ = seeds_run
    overview = [p for p in result.executed if p.name.startswith("00")]
    assert "不能当作趋势来读" in _executed_text(overview)


@pytest.mark.slow
def test_run_notebooks__seeds_table_under_the_category_trend_is_the_chart_s_data(seeds_run):
    # the chart draws each year's median per report; the table printed under it showed the year's total
    result, tmp = seeds_run
    trends = [p for p in result.executed if p.name.startswith("30")]
    cell = next(c for c in nbformat.read(trends[0], as_version=4).cells
                if c.cell_type == "code" and '"30_indicator_categories"' in c.source)
    shown = next(o["data"]["text/plain"] for o in cell.outputs if o.get("output_type") == "execute_result")
    drawn = pd.read_csv(tmp / "outputs" / "figures" / "30_indicator_categories.csv")
    assert shown == repr(drawn.pivot(index="group", columns="year", values="value"))
    assert shown != repr(drawn.pivot(index="group", columns="year", values="n_indicators"))  # some year has two


@pytest.mark.slow
def test_run_notebooks__new_year_and_town_reach_the_trend_figures(new_year_run):
    _, tmp = new_year_run
    figures = tmp / "outputs" / "figures"
    for name in ("30_concept_shares", "30_phrase_mentions", "30_parts_coverage", "30_indicator_categories"):
        years = pd.read_csv(figures / f"{name}.csv", encoding="utf-8-sig")["year"]
        assert NEW_YEAR in set(years), name


@pytest.mark.slow
def test_run_notebooks__new_town_appears_in_the_town_comparison(new_year_run):
    result, tmp = new_year_run
    heat = pd.read_csv(tmp / "outputs" / "figures" / "10_indicator_heatmap.csv", encoding="utf-8-sig")
    assert f"{NEW_TOWN} {NEW_YEAR}" in set(heat["label"])
    per_year = pd.read_csv(tmp / "outputs" / "tables" / "30_reports_per_year.csv", encoding="utf-8-sig")
    assert NEW_TOWN in per_year.loc[per_year["year"] == NEW_YEAR, "towns"].iloc[0]


@pytest.mark.slow
def test_run_notebooks__new_copy_found_as_reuse(new_year_run):
    _, tmp = new_year_run
    pairs = pd.read_csv(tmp / "outputs" / "tables" / "40_reuse_pairs.csv", encoding="utf-8-sig")
    assert {"大年乡 2024", f"{NEW_TOWN} {NEW_YEAR}"} <= set(pairs["label_a"]) | set(pairs["label_b"])


@pytest.fixture(scope="session")
def two_year_run(tmp_path_factory):
    """One town's reports of two consecutive years (tests/test_across_years.py), notebook 50 only."""
    from reportkit import build

    from .test_across_years import REPORT_2023, REPORT_2024

    tmp = tmp_path_factory.mktemp("two_year_nb")
    raw = tmp / "raw"
    raw.mkdir()
    (raw / "qs2023.txt").write_text(REPORT_2023, encoding="utf-8")
    (raw / "qs2024.txt").write_text(REPORT_2024, encoding="utf-8")
    pd.DataFrame({"file": ["qs2023.txt", "qs2024.txt"], "town": ["青松镇"] * 2, "county": ["高青县"] * 2,
                  "province": ["山东省"] * 2, "year": [2023, 2024]}).to_csv(tmp / "manifest.csv", index=False)
    build(raw, manifest=tmp / "manifest.csv", out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)
    result = nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=tmp / "outputs", only=["50"],
                               html=False, workbook=False, profiles=False)
    return result, tmp


@pytest.mark.slow
def test_run_notebooks__across_years_notebook_shows_recurring_themes_and_carried_plans(two_year_run):
    result, tmp = two_year_run
    figures = tmp / "outputs" / "figures"
    book = nbformat.read(result.executed[0], as_version=4)
    assert _image_outputs(book) == 3 == len(list(figures.glob("50_*.json")))
    recurring = pd.read_csv(figures / "50_recurring_themes.csv", encoding="utf-8-sig")
    assert recurring[["theme_label", "n_towns"]].values.tolist() == [["执法与法治工作力量、人才薄弱", 1]]
    carried = pd.read_csv(tmp / "outputs" / "tables" / "50_plans_carried.csv", encoding="utf-8-sig")
    assert carried["carried"].tolist() == [True, True, False]


def test_run_notebook__kernel_quiet_on_the_terminal(tmp_path, capfd):
    """No TCP-encryption warning, no KeyboardInterrupt at shutdown, no alt-text warning."""
    book = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("DATA_DIR = OUT_DIR = ''", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2])")])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "01-tiny.ipynb"
    nbformat.write(book, path)
    executed = nbk.run_notebook(path, data_dir=tmp_path, out_dir=tmp_path / "out")
    assert executed.with_suffix(".html").exists()
    err = capfd.readouterr().err
    for noise in ("without encryption", "KeyboardInterrupt", "Alternative text"):
        assert noise not in err, err


@pytest.mark.slow
def test_run_notebooks__level_county_on_a_build_of_townships_runs_every_notebook(seeds_run, tmp_path):
    # an API review: LEVEL="county", a parameter every notebook offers, selected no report in the seeds'
    # build, and notebooks 10 and 40 stopped inside pandas and seaborn; each chart now says there is nothing
    result, tmp = seeds_run
    again = nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=tmp_path, parameters={"LEVEL": "county"},
                              html=False, workbook=False, profiles=False, jobs=2)
    assert [p.name for p in again.executed] == [p.name for p in PATHS]
    heatmap = json.loads((tmp_path / "figures" / "10_indicator_heatmap.json").read_text(encoding="utf-8"))
    assert heatmap["finding"] == "所选范围内没有报告" and heatmap["reports"]["n"] == 0
    assert (tmp_path / "figures" / "40_reuse_matrix.png").exists()


WRITTEN = ROOT / "tests" / "fixtures" / "written_reports"
PAGES = ROOT / "tests" / "realworld" / "cases"
WHOLE_REPORTS = [  # 校椅镇 and 崇安寺街道 over the years, and three whole reports of 2025
    "r530_xiaoyi_hengzhou_2021_yifaxingzheng.txt", "r532_xiaoyi_hengzhou_2023_wunian_lvzhi_zaiqian.txt",
    "r533_xiaoyi_hengzhou_2024_dangwei_sheqi.txt", "r535_chongansi_liangxi_2022_dangongwei_lvzhi_zaihou.txt",
    "r536_chongansi_liangxi_2023_zhutijiaoyu_2024nian1yue.txt", "r537_chongansi_liangxi_2024_banshichu_yijianshi.txt",
    "r552_sanhe_feixi_wunianfen_biaoti.txt", "r553_dayao_liuyang_shimubiao_2026.txt",
    "r573_anren_dayi_chengji_biaoxian.txt",
]
OPENINGS_2025 = ["a001", "a002", "a012", "a015", "a017", "a024"]  # pages of 2025 that stop after their opening


@pytest.fixture(scope="session")
def openings_year_run(tmp_path_factory):
    """Next year arrives as three whole reports and six page openings (as pages are often saved);
    every notebook is run on it."""
    from reportkit.pipeline.build import build

    tmp = tmp_path_factory.mktemp("openings_year")
    raw = tmp / "raw"
    raw.mkdir()
    for name in WHOLE_REPORTS:
        shutil.copy(WRITTEN / name, raw / name)
    for case in OPENINGS_2025:
        shutil.copy(PAGES / f"{case}.txt", raw / f"page_{case}.txt")
    tables = build(raw, out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)
    nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=tmp / "outputs", only=["00", "10", "20", "30", "40", "50"],
                      html=False,
                      deck=False, workbook=False, profiles=False)
    docs = tables["documents"]
    return docs[docs["level"] != "county"], tmp / "outputs" / "figures"


@pytest.mark.slow
def test_run_notebooks__trends_compare_whole_reports_only(openings_year_run):
    # a page opening cannot show that its report leaves 法律顾问 or enforcement figures out: counted, the
    # 122 openings of a real 2025 folder made 法律顾问 fall from 95 % to 28 % and enforcement figures to 0
    docs, figures = openings_year_run
    whole = docs[~docs["is_partial"]].groupby("year")["doc_id"].nunique()
    assert docs[(docs["year"] == 2025) & docs["is_partial"]]["doc_id"].nunique() == len(OPENINGS_2025)
    assert whole[2025] == 3
    for name in ("30_concept_shares", "30_indicator_categories", "30_phrase_mentions", "30_parts_coverage",
                 "30_density_by_year"):
        drawn = pd.read_csv(figures / f"{name}.csv", encoding="utf-8-sig")
        assert drawn.groupby("year")["n_reports"].max().to_dict() == whole.to_dict(), name
        sidecar = json.loads((figures / f"{name}.json").read_text(encoding="utf-8"))
        assert f"另有 {len(OPENINGS_2025)} 份不完整文本" in json.dumps(sidecar, ensure_ascii=False), name
    bars = json.loads((figures / "30_phrase_reports.json").read_text(encoding="utf-8"))
    assert f"（共 {whole.sum()} 份）" in json.dumps(bars, ensure_ascii=False)


@pytest.mark.slow
def test_run_notebooks__town_comparisons_count_whole_reports_only(openings_year_run):
    # a page opening cannot show the figures its report gives further down: counted, the 133 partial texts
    # of a real folder made "150/206 份报告给出「干部学法」类数字" of a category 67 of its 73 whole reports give
    docs, figures = openings_year_run
    whole = docs[~docs["is_partial"]]
    n, note = whole["doc_id"].nunique(), f"另有 {len(OPENINGS_2025)} 份不完整文本"
    for name in ("10_indicator_heatmap", "10_indicator_bars", "10_kwic_hits"):
        sidecar = json.loads((figures / f"{name}.json").read_text(encoding="utf-8"))
        assert sidecar["reports"]["n"] == n, name
        assert note in sidecar["source"], name  # the words under the chart and on its slide
    heatmap = json.loads((figures / "10_indicator_heatmap.json").read_text(encoding="utf-8"))
    said = heatmap["finding"] + "\n".join(heatmap["notes"])
    assert f"/{n + len(OPENINGS_2025)} 份" not in said and (f"/{n} 份报告给出" in said or f"{n} 份报告均给出" in said)
    from reportkit.plots import doc_label

    labels = set(docs.assign(label=doc_label(docs)).set_index("doc_id").loc[whole["doc_id"], "label"])
    hits = pd.read_csv(figures / "10_kwic_hits.csv", encoding="utf-8-sig")
    assert set(hits["label"]) == labels
    bars = pd.read_csv(figures / "10_indicator_bars.csv", encoding="utf-8-sig")
    assert set(bars["label"]) <= labels


@pytest.mark.slow
def test_run_notebooks__reuse_and_years_of_a_town_compare_whole_reports_only(openings_year_run):
    # an opening's share of text found elsewhere is over its few passages, and it lists no shortcomings
    # nor measures to carry a plan: counted, 133 partial texts of a real folder made "87/206 份报告与其他报告
    # 有重复段落" of 49 of 73 whole reports, and a theme recur in 22/25 towns where it recurs in 18/19
    docs, figures = openings_year_run
    whole = docs[~docs["is_partial"]]
    n, note = whole["doc_id"].nunique(), f"另有 {len(OPENINGS_2025)} 份不完整文本"
    for name in ("40_originality", "40_reuse_matrix", "50_town_years", "50_recurring_themes", "50_plans_carried"):
        sidecar = json.loads((figures / f"{name}.json").read_text(encoding="utf-8"))
        assert sidecar["reports"]["n"] == n, name
        assert note in sidecar["source"], name
    originality = pd.read_csv(figures / "40_originality.csv", encoding="utf-8-sig")
    assert set(originality["doc_id"]) <= set(whole["doc_id"])
    from reportkit.plots import doc_label

    labels = set(docs.assign(label=doc_label(docs)).set_index("doc_id").loc[whole["doc_id"], "label"])
    matrix = pd.read_csv(figures / "40_reuse_matrix.csv", encoding="utf-8-sig")
    assert set(matrix["label_a"]) | set(matrix["label_b"]) <= labels
    towns = pd.read_csv(figures / "50_town_years.csv", encoding="utf-8-sig")
    assert set(towns["town"]) == set(whole["town"].dropna()) and towns["n_reports"].sum() == n


@pytest.mark.slow
def test_run_notebooks__overview_and_shortcomings_say_which_texts_are_partial(openings_year_run):
    # the reports per year count every text found, and say how many are partial; a share of reports
    # listing shortcomings is of whole reports (82/206 of a real folder, where 73 of 73 whole ones list some)
    docs, figures = openings_year_run
    whole = docs[~docs["is_partial"]]
    per_year = json.loads((figures / "00_reports_per_year.json").read_text(encoding="utf-8"))
    assert per_year["reports"]["n"] == len(docs)
    assert f"其中 {len(OPENINGS_2025)} 份是不完整文本" in per_year["source"]
    assert f"2025 {len(OPENINGS_2025)} 份" in per_year["caveat"]
    reports = pd.read_csv(figures.parent / "tables" / "00_reports.csv", encoding="utf-8-sig")
    partial = reports["doc_id"].isin(docs.loc[docs["is_partial"], "doc_id"])
    assert partial.sum() == len(OPENINGS_2025)
    assert reports.loc[partial, "n_parts"].isna().all() and reports.loc[~partial, "n_parts"].notna().all()
    run = json.loads((figures.parent / "notebooks" / "20-shortcomings.ipynb").read_text(encoding="utf-8"))
    said = "".join("".join(o.get("text", "")) for c in run["cells"] if c.get("id") == "20-05" for o in c["outputs"])
    assert f" / {whole['doc_id'].nunique()} 份报告" in said and f" / {len(docs)} 份报告" not in said
