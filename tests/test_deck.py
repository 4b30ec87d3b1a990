"""Tests for reportkit.deck: the deck spec, findings as titles, speaker notes, the methods slide,
and the deck rendered by LibreOffice."""
import shutil
import subprocess

from .plotting import _theme_and_cleanup  # noqa: F401  (autouse; sets the Agg backend)

import matplotlib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.util import Emu  # noqa: E402

from reportkit import deck, export, plots  # noqa: E402
from reportkit.findings import Finding  # noqa: E402

DOCS = pd.DataFrame({"doc_id": ["a" * 16, "b" * 16, "c" * 16], "town": ["青松镇", "白云乡", "青松镇"],
                     "county": ["高青县", "高青县", "高青县"], "province": ["山东省"] * 3,
                     "year": [2021, 2023, 2024]})
THEMES = Finding("3 份报告均提到「执法力量薄弱」方面的不足", ["执法力量薄弱：3/3 份报告，4 条"], "报告自述，不是检查结论。")


@pytest.fixture(scope="module")
def figures_dir(tmp_path_factory):
    # saved once for the deck tests (each save renders three images); the deck tests only read it
    out = tmp_path_factory.mktemp("figures")
    with matplotlib.rc_context():
        plots.set_theme()
        for name, title, finding in [("b_trend", "历年指标数量", None), ("a_heatmap", "各乡镇指标热力图", None),
                                     ("c_themes", "共性问题", THEMES)]:
            fig, ax = plt.subplots()
            ax.bar(["青松镇", "白云乡"], [3, 4])
            export.save_figure(fig, name, out, title=title, documents=DOCS, finding=finding)
            plt.close(fig)
    return out


def _titles(prs) -> list[str]:
    return [s.shapes.title.text for s in prs.slides]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def _spec(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "deck.csv"
    path.write_bytes(text.encode(encoding))
    return path


# --------------------------------------------------------------------------- without a spec


def test_build_deck__without_spec_every_chart_in_name_order(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", title="青松镇法治报告简报", date="2025-03-01"))
    assert _titles(prs) == ["青松镇法治报告简报", "各乡镇指标热力图", "历年指标数量", deck.tight(THEMES.title)]


def test_build_deck__chart_slides_have_picture_and_source(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", date="2025-03-01"))
    for slide in list(prs.slides)[1:]:
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1
        assert pictures[0].left >= 0 and pictures[0].left + pictures[0].width <= prs.slide_width
        assert pictures[0].top + pictures[0].height <= prs.slide_height
        assert any(deck.tight(export.source_line(DOCS)) in s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_build_deck__is_16_by_9(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", date="2025-03-01"))
    assert abs(Emu(prs.slide_width).inches / Emu(prs.slide_height).inches - 16 / 9) < 0.01


def test_build_deck__title_slide_names_towns_years_and_date(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", date="2025-03-01"))
    text = prs.slides[0].placeholders[1].text_frame.text
    assert "白云乡、青松镇" in text and "2021–2024年" in text and "2025-03-01" in text


def test_build_deck__runs_carry_east_asian_font(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", date="2025-03-01",
                                       ea_font="Noto Sans CJK SC"))
    run = prs.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run._r.rPr.find(qn("a:ea")).get("typeface") == "Noto Sans CJK SC"


def test_build_deck__list_keeps_given_order(figures_dir, tmp_path):
    items = [figures_dir / "b_trend.json", figures_dir / "a_heatmap.json"]
    prs = Presentation(deck.build_deck(items, tmp_path / "deck.pptx", date="2025-03-01"))
    assert _titles(prs)[1:] == ["历年指标数量", "各乡镇指标热力图"]


def test_build_deck__missing_folder_raises(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        deck.build_deck(tmp_path / "nope", tmp_path / "deck.pptx")


# --------------------------------------------------------------------------- findings and notes


def test_build_deck__finding_is_the_title_and_the_chart_title_stays_under_it(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck([figures_dir / "c_themes.json"], tmp_path / "deck.pptx", date="2025-03-01"))
    slide = prs.slides[1]
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert slide.shapes.title.text == deck.tight(THEMES.title) and "共性问题" in texts


def test_build_deck__speaker_notes_hold_the_numbers_and_the_caveat(figures_dir, tmp_path):
    prs = Presentation(deck.build_deck([figures_dir / "c_themes.json"], tmp_path / "deck.pptx", date="2025-03-01"))
    notes = _notes(prs.slides[1])
    assert "执法力量薄弱：3/3份报告，4条" in notes and "报告自述，不是检查结论。" in notes


# --------------------------------------------------------------------------- the spec


def test_deck_spec__chooses_orders_and_retitles_slides(figures_dir, tmp_path):
    spec = _spec(tmp_path, "# 注释行\nchart,title,notes\nc_themes,,\nb_trend,指标逐年增加,请注意口径\n")
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", spec=spec, date="2025-03-01"))
    assert _titles(prs)[1:] == [deck.tight(THEMES.title), "指标逐年增加"]  # a_heatmap is not listed: not in the deck
    assert "请注意口径" in _notes(prs.slides[2])


def test_tight__no_typed_space_between_chinese_and_digits():
    assert deck.tight("5 份报告均提到「执法」，2/5 份缺 A 类") == "5份报告均提到「执法」，2/5份缺A类"


def test_deck_spec__gbk_file_from_excel_reads(tmp_path):
    spec = deck.read_deck_spec(_spec(tmp_path, "chart,title\n20_theme_frequency,共性问题\n", "gbk"))
    assert spec.values.tolist() == [["20_theme_frequency", "共性问题", ""]]


def test_deck_spec__missing_chart_is_skipped_not_fatal(figures_dir, tmp_path):
    spec = _spec(tmp_path, "chart\n99_not_drawn\nb_trend\n")
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", spec=spec, date="2025-03-01"))
    assert _titles(prs)[1:] == ["历年指标数量"]


def test_deck_spec__without_chart_column_names_the_fix(tmp_path):
    with pytest.raises(ValueError, match="no 'chart' column.*chart,title,notes"):
        deck.read_deck_spec(_spec(tmp_path, "图,标题\nx,y\n"))


def test_deck_spec__unknown_column_named(tmp_path):
    with pytest.raises(ValueError, match="unknown column.*subtitle"):
        deck.read_deck_spec(_spec(tmp_path, "chart,subtitle\nx,y\n"))


def test_deck_spec__shipped_with_the_notebooks_names_charts_the_notebooks_save():
    from pathlib import Path

    import nbformat

    root = Path(__file__).resolve().parents[1] / "notebooks"
    spec = deck.read_deck_spec(root / "deck.csv")
    code = "\n".join(c.source for p in root.glob("*.ipynb") for c in nbformat.read(p, 4).cells if c.cell_type == "code")
    assert deck.METHODS in set(spec["chart"])
    for chart in spec["chart"]:
        assert chart == deck.METHODS or f'"{chart}"' in code, chart


def test_build_deck__two_charts_that_found_the_same_thing_say_it_once(tmp_path):
    # the originality bars and the reuse matrix both find "no passage shared": one slide, not two alike
    nothing = Finding("3 份报告之间没有发现重复段落", ["青松镇 2021：原创 100%"], "只在这批报告之间比较。")
    with matplotlib.rc_context():
        for name in ("40_originality", "40_reuse_matrix", "40_other"):
            fig, ax = plt.subplots()
            ax.bar(["青松镇", "白云乡"], [1, 1])
            export.save_figure(fig, name, tmp_path / "figures", title=name, documents=DOCS,
                               finding=nothing if name != "40_other" else THEMES)
            plt.close(fig)
    spec = _spec(tmp_path, "chart,title\n40_originality,\n40_reuse_matrix,\n40_other,\n40_reuse_matrix,再看一次\n")
    prs = Presentation(deck.build_deck(tmp_path / "figures", tmp_path / "deck.pptx", spec=spec, date="2025-03-01"))
    assert _titles(prs)[1:] == [deck.tight(nothing.title), deck.tight(THEMES.title), "再看一次"]  # a title given stays


# --------------------------------------------------------------------------- methods slide


def test_methods_slide__reports_per_year_left_out_and_what_n_allows(figures_dir, tmp_path):
    left_out = pd.DataFrame({"doc_id": ["z"], "level": ["county"]})
    docs = DOCS.assign(is_partial=[False, True, False])
    spec = _spec(tmp_path, "chart\nmethods\nc_themes\n")
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", spec=spec, documents=docs,
                                       left_out=left_out, date="2025-03-01"))
    slide = prs.slides[1]
    text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert slide.shapes.title.text == deck.METHODS_TITLE
    assert "2021年1份、2023年1份（其中1份不完整）、2024年1份" in text  # the year of the partial text says so
    assert "1份县级或市级报告" in text and "1份不完整文本" in text
    assert "不能当作趋势来读" in text


def test_methods_slide__names_every_kind_of_exclusion_even_when_none(figures_dir, tmp_path):
    spec = _spec(tmp_path, "chart\nmethods\n")
    log = pd.DataFrame({"file": ["a.txt"], "status": ["ok"]})
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", spec=spec, documents=DOCS.assign(is_partial=False),
                                       build_log=log, left_out=DOCS.iloc[:0], date="2025-03-01"))
    text = "\n".join(s.text_frame.text for s in prs.slides[1].shapes if s.has_text_frame)
    assert "没有县级或市级报告需要排除" in text and "没有发现不完整的文本" in text and "所有文件都已读取" in text


def test_methods_slide__without_documents_left_out(figures_dir, tmp_path):
    spec = _spec(tmp_path, "chart\nmethods\nb_trend\n")
    prs = Presentation(deck.build_deck(figures_dir, tmp_path / "deck.pptx", spec=spec, date="2025-03-01"))
    assert deck.METHODS_TITLE not in _titles(prs)


# --------------------------------------------------------------------------- rendered by LibreOffice


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdftoppm")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or not POPPLER, reason="LibreOffice (soffice) or poppler's tools are not installed: "
                    "apt-get install libreoffice-impress fonts-noto-cjk poppler-utils to render the deck")
def test_deck__renders_in_libreoffice_with_chinese_text_and_pictures(figures_dir, tmp_path):
    spec = _spec(tmp_path, "chart\nc_themes\nb_trend\nmethods\n")
    pptx = deck.build_deck(figures_dir, tmp_path / "briefing.pptx", spec=spec, documents=DOCS, date="2025-03-01")
    profile = tmp_path / "lo-profile"  # a private LibreOffice profile: no state shared with other runs
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(pptx)], check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "briefing.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert deck.tight(THEMES.title) in text.replace(" ", "")  # Chinese came through as text
    assert deck.METHODS_TITLE in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "CJK" in fonts  # drawn with a Chinese font, not boxes
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "slide")], check=True)
    slides = sorted(tmp_path.glob("slide-*.png"))
    assert len(slides) == 4  # title, two charts, methods
    for png in slides:
        grey = np.asarray(Image.open(png).convert("L"))
        assert (grey < 200).mean() > 0.002, png.name  # something is drawn on every slide
    chart = np.asarray(Image.open(slides[1]).convert("RGB")).reshape(-1, 3)
    assert (np.abs(chart[:, 2].astype(int) - chart[:, 0].astype(int)) > 60).mean() > 0.01  # the blue bars
