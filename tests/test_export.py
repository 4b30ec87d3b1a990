"""Tests for reportkit.export: slide-size figures with their data, and the briefing deck."""
import json
import subprocess
import sys
import warnings

from .plotting import _theme_and_cleanup  # noqa: F401  (autouse; sets the Agg backend)

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from PIL import Image  # noqa: E402

from reportkit import export  # noqa: E402
from reportkit.findings import Finding  # noqa: E402


@pytest.fixture
def documents():
    return pd.DataFrame({"doc_id": ["a" * 16, "b" * 16, "c" * 16], "town": ["青松镇", "白云乡", "青松镇"],
                         "year": [2021, 2023, 2024]})


@pytest.fixture
def chart():
    fig, ax = plt.subplots()
    ax.bar(["青松镇", "白云乡"], [40, 30])
    ax.set_ylabel("矛盾纠纷（起）")
    return fig


def _dark_share(png, box):
    """Share of dark pixels in a (left, top, right, bottom) fraction box of an image."""
    with Image.open(png) as img:
        w, h = img.size
        crop = np.asarray(img.convert("L").crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h))))
    return float((crop < 128).mean())


# --------------------------------------------------------------------------- names and source line


@pytest.mark.parametrize(("name", "stem"), [
    ("indicator_heatmap", "indicator_heatmap"), ("Trend by Year (2024)", "trend_by_year_2024"),
    ("  reuse--matrix ", "reuse_matrix"),
])
def test_slugify__ascii_stem(name, stem):
    assert export.slugify(name) == stem


def test_slugify__chinese_name_gives_stable_ascii_stem():
    stem = export.slugify("指标热力图")
    assert stem.startswith("figure_") and stem.isascii()
    assert stem == export.slugify("指标热力图") != export.slugify("完整性矩阵")


def test_slugify__mixed_names_do_not_collide():
    assert export.slugify("2024年热力图") != export.slugify("2024年趋势图")
    assert export.slugify("2024年热力图").startswith("2024_")


def test_source_line__reports_and_year_range(documents):
    assert export.source_line(documents) == "来源：3 份乡镇法治政府建设年度报告（2021–2024年），reportkit 整理"


def test_source_line__single_year(documents):
    assert "（2023年）" in export.source_line(documents[documents["year"] == 2023])


def test_source_line__without_years_omits_range():
    assert export.source_line(pd.DataFrame({"doc_id": ["x"]})) == "来源：1 份乡镇法治政府建设年度报告，reportkit 整理"


def test_import_export__does_not_import_matplotlib():
    code = "import sys, reportkit.export; sys.exit('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# --------------------------------------------------------------------------- save_figure


def test_save_figure__writes_files_with_shared_stem(chart, tmp_path):
    data = pd.DataFrame({"town": ["青松镇"], "n": [40]})
    paths = export.save_figure(chart, "town_bars", tmp_path, data=data, title="矛盾纠纷", source="来源：测试")
    assert {k: p.name for k, p in paths.items()} == {
        "png": "town_bars.png", "svg": "town_bars.svg", "body_png": "town_bars.body.png",
        "csv": "town_bars.csv", "json": "town_bars.json"}
    assert all(p.exists() for p in paths.values())


def test_save_figure__png_is_full_slide_at_200_dpi(chart, tmp_path):
    png = export.save_figure(chart, "x", tmp_path)["png"]
    with Image.open(png) as img:
        assert img.size == (round(13.33 * 200), 1500)


def test_save_figure__half_slide(chart, tmp_path):
    png = export.save_figure(chart, "x", tmp_path, size="half")["png"]
    with Image.open(png) as img:
        assert img.size == (round(6.67 * 200), 1500)


def test_save_figure__rejects_unknown_size(chart, tmp_path):
    with pytest.raises(ValueError, match="size must be"):
        export.save_figure(chart, "x", tmp_path, size="quarter")


def test_save_figure__csv_is_utf8_with_bom(chart, tmp_path):
    data = pd.DataFrame({"town": ["青松镇"], "n": [40]})
    csv = export.save_figure(chart, "x", tmp_path, data=data)["csv"]
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    pd.testing.assert_frame_equal(pd.read_csv(csv, encoding="utf-8-sig"), data)


def test_save_figure__title_band_drawn_only_with_title(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_ylim(0, 10)  # nothing dark near the top of the axes
    with_title = export.save_figure(fig, "a", tmp_path, title="各乡镇矛盾纠纷排查数量")["png"]
    without = export.save_figure(fig, "b", tmp_path)["png"]
    band = (0.1, 0.0, 0.5, 0.07)  # right of the y tick labels
    assert _dark_share(with_title, band) > 0.01
    assert _dark_share(without, band) == 0


def test_save_figure__source_line_from_documents(chart, tmp_path, documents):
    paths = export.save_figure(chart, "x", tmp_path, documents=documents)
    meta = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert meta["source"] == export.source_line(documents)
    assert meta["reports"] == {"n": 3, "towns": ["白云乡", "青松镇"], "years": [2021, 2023, 2024]}
    assert _dark_share(paths["png"], (0.0, 0.95, 0.4, 1.0)) > 0.005


def test_save_figure__svg_and_png_are_deterministic(chart, tmp_path):
    first = export.save_figure(chart, "x", tmp_path / "1", title="标题", source="来源")
    second = export.save_figure(chart, "x", tmp_path / "2", title="标题", source="来源")
    assert first["svg"].read_bytes() == second["svg"].read_bytes()
    assert first["png"].read_bytes() == second["png"].read_bytes()


def test_save_figure__svg_text_is_paths(chart, tmp_path):
    svg = export.save_figure(chart, "x", tmp_path, title="标题")["svg"].read_text(encoding="utf-8")
    assert "<text" not in svg
    assert "<dc:date>" not in svg


def test_save_figure__restores_figure(chart, tmp_path):
    size, n_texts = tuple(chart.get_size_inches()), len(chart.texts)
    export.save_figure(chart, "x", tmp_path, title="标题", source="来源")
    assert tuple(chart.get_size_inches()) == size
    assert len(chart.texts) == n_texts


def test_save_figure__accepts_axes(chart, tmp_path):
    assert export.save_figure(chart.axes[0], "x", tmp_path)["png"].exists()


def test_save_figure__no_missing_glyphs_after_bare_seaborn_reset(tmp_path):
    sns.set_theme()  # a user's later seaborn call drops the CJK font
    fig, ax = plt.subplots()
    ax.set_title("白云乡")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        export.save_figure(fig, "x", tmp_path, title="各乡镇", source="来源：测试")
    assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []


# --------------------------------------------------------------------------- sidecar: finding, owner, safe CSV


def test_save_figure__finding_notes_and_caveat_in_sidecar(chart, tmp_path):
    found = Finding("2/3 份报告提到执法力量薄弱", ["执法力量：2/3 份"], "只有 3 份报告")
    paths = export.save_figure(chart, "themes", tmp_path, title="共性问题", finding=found)
    meta = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert (meta["finding"], meta["notes"], meta["caveat"]) == (found.title, found.notes, found.caveat)


def test_save_figure__records_the_notebook_the_runner_names(chart, tmp_path, monkeypatch):
    monkeypatch.setenv(export.NOTEBOOK_ENV, "10-compare-towns.ipynb")
    meta = json.loads(export.save_figure(chart, "x", tmp_path)["json"].read_text(encoding="utf-8"))
    assert meta["notebook"] == "10-compare-towns.ipynb"


def test_save_figure__saved_by_hand_records_no_notebook(chart, tmp_path, monkeypatch):
    monkeypatch.delenv(export.NOTEBOOK_ENV, raising=False)
    meta = json.loads(export.save_figure(chart, "x", tmp_path)["json"].read_text(encoding="utf-8"))
    assert "notebook" not in meta


def test_save_figure__csv_cells_read_as_formulas_get_a_quote(chart, tmp_path):
    data = pd.DataFrame({"town": ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "-2", "青松镇"], "n": [1, 2, 3, -4, 5]})
    csv = export.save_figure(chart, "x", tmp_path, data=data)["csv"]
    back = pd.read_csv(csv, encoding="utf-8-sig", dtype=str)
    assert back["town"].tolist() == ["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+1", "'-2", "青松镇"]
    assert back["n"].tolist() == ["1", "2", "3", "-4", "5"]  # numbers stay numbers
