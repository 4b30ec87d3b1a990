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
    assert [p.name[:2] for p in PATHS] == ["00", "10", "20", "30", "40"]


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
    assert all(word in first.source for word in ("**Question.**", "**Inputs.**", "**Outputs.**"))
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
    assert headings == ["## Load", "## Analyse", "## Save"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__no_function_or_class_definitions(path):
    book = nbformat.read(path, as_version=4)
    for source in _code(book):
        assert not re.search(r"^\s*(def|class|async def)\s", source, re.MULTILINE), source[:80]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook__charts_saved_through_reportkit_export(path):
    code = "\n".join(_code(nbformat.read(path, as_version=4)))
    assert "export.save_figure(" in code
    assert ".savefig(" not in code and "plt.subplots(" not in code  # charts come from reportkit.plots


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def small_tables():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "town": ["大年乡", "里心镇", "大年乡"], "year": [2023, 2023, 2024]})
    reuse = pd.DataFrame({"doc_a": ["a", "a"], "doc_b": ["b", "c"], "passage_a": [1, 2], "passage_b": [1, 2]})
    log = pd.DataFrame({"file": ["x.txt"], "status": ["ok"], "message": [""]})
    items = pd.DataFrame({"doc_id": ["a", "b", "c"], "item_no": [1, 1, 1]})
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


def test_small_groups_caveat__empty_when_every_year_has_enough_reports():
    docs = pd.DataFrame({"doc_id": list("abcd"), "town": list("wxyz"), "year": [2021, 2021, 2022, 2022]})
    assert nbk.small_groups_caveat(docs, min_reports=2) == ""


def test_small_groups_caveat__names_only_the_small_years():
    docs = pd.DataFrame({"doc_id": list("abcd"), "town": list("wxyz"), "year": [2021, 2022, 2022, 2022]})
    text = nbk.small_groups_caveat(docs, min_reports=3)
    assert "2021年只有 1 份报告" in text and "2022年" not in text


def test_small_groups_caveat__counts_come_from_the_data():
    docs = pd.DataFrame({"doc_id": list("abcdefg"), "town": list("abcdefg"), "year": [2020] * 7})
    assert "都只有 7 份报告" in nbk.small_groups_caveat(docs, min_reports=8)


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


def test_clear_figures__removes_only_files_named_by_reportkit_sidecars(tmp_path):
    from reportkit.export import SIDECAR_KIND

    (tmp_path / "old.png").write_text("x")
    (tmp_path / "mine.png").write_text("keep")
    (tmp_path / "other.json").write_text(json.dumps({"kind": "something else"}))
    (tmp_path / "old.json").write_text(json.dumps({"kind": SIDECAR_KIND, "files": {"png": "old.png"}}))
    nbk.clear_figures(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.png", "other.json"]


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
    from reportkit.build import build

    tmp = tmp_path_factory.mktemp("seeds")
    build(RAW, manifest=MANIFEST, out=tmp / "processed", cache_dir=tmp / "cache", jobs=1)
    return nbk.run_notebooks(NOTEBOOKS, data_dir=tmp / "processed", out_dir=tmp / "outputs", jobs=2), tmp


@pytest.fixture(scope="session")
def new_year_run(tmp_path_factory):
    """The seeds plus a copy of 大年乡's 2024 report relabelled as 新华镇's 2025 report."""
    from reportkit.build import build

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
def test_run_notebooks__seeds_deck_has_a_slide_per_figure_with_titles(seeds_run):
    from pptx import Presentation

    result, tmp = seeds_run
    sidecars = sorted((tmp / "outputs" / "figures").glob("*.json"))
    deck = Presentation(str(result.deck))
    assert len(deck.slides) == 1 + len(sidecars)
    titles = [s.shapes.title.text for s in list(deck.slides)[1:]]
    assert titles == [json.loads(p.read_text(encoding="utf-8"))["title"] for p in sidecars]
    assert all(titles)


@pytest.mark.slow
def test_run_notebooks__seeds_every_saved_chart_is_shown_in_the_executed_notebook(seeds_run):
    result, tmp = seeds_run
    figures = tmp / "outputs" / "figures"
    for path in result.executed:
        saved = len(list(figures.glob(f"{path.name[:2]}_*.json")))
        assert _image_outputs(nbformat.read(path, as_version=4)) == saved, path.name


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
