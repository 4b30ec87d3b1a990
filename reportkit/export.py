"""Slide-ready exports: figures with their data (:func:`save_figure`) and a deck (:func:`build_deck`).

``save_figure`` writes, for one chart, files that share a deterministic ASCII stem::

    indicator_heatmap.png        13.33 × 7.5 in at 200 dpi, with title and source line
    indicator_heatmap.svg        same, text as paths (renders without the font), byte-stable
    indicator_heatmap.body.png   the chart alone, sized for the picture area of a deck slide
    indicator_heatmap.csv        the numbers behind the chart (UTF-8 with BOM, opens in Excel)
    indicator_heatmap.json       sidecar: title, source, files, reports; read by build_deck

``build_deck`` turns a folder of such sidecars into a 16:9 PowerPoint deck whose titles and
source lines are real text (with an East Asian font set, so Chinese renders in PowerPoint and
LibreOffice). matplotlib and python-pptx are imported inside the functions that need them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from reportkit.config import DEFAULT_FIGURES_DIR

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

#: Figure sizes in inches. "half" is the left or right half of a 16:9 slide (two charts side by
#: side), keeping the full height so labels stay as large as on a full-slide chart.
FIGURE_SIZES = {"full": (13.33, 7.5), "half": (6.67, 7.5)}
SLIDE_W, SLIDE_H = 13.333, 7.5
# Where build_deck puts the picture (inches): under a title band, above a source band.
_PIC_TOP, _PIC_BOTTOM, _MARGIN = 1.1, 6.85, 0.3
BODY_SIZES = {
    "full": (SLIDE_W - 2 * _MARGIN, _PIC_BOTTOM - _PIC_TOP),
    "half": ((SLIDE_W - 2 * _MARGIN) / 2, _PIC_BOTTOM - _PIC_TOP),
}
_TITLE_BAND_IN, _SOURCE_BAND_IN = 0.75, 0.45
SIDECAR_KIND = "reportkit.figure"
DEFAULT_CORPUS = "乡镇法治政府建设年度报告"


def slugify(name: str) -> str:
    """A safe, deterministic ASCII file stem for ``name``.

    Names with Chinese (or other non-ASCII) characters keep their ASCII part plus a short
    hash of the whole name, so "2024年热力图" and "2024年趋势图" do not collide; prefer English
    names such as "indicator_heatmap".

    >>> slugify("Indicator Heatmap (2024)"), slugify("指标热力图")
    ('indicator_heatmap_2024', 'figure_3ba6d609')
    """
    name = str(name)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:60].strip("_")
    if not name.isascii() or not stem:
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem or 'figure'}_{digest}"
    return stem


def source_line(
    documents: pd.DataFrame, *, corpus: str = DEFAULT_CORPUS, credit: str = "reportkit 整理"
) -> str:
    """The source line printed under a chart, from the reports it is based on.

    >>> docs = pd.DataFrame({"doc_id": list("abcde"), "year": [2021, 2022, 2023, 2024, 2024]})
    >>> source_line(docs)
    '来源：5 份乡镇法治政府建设年度报告（2021–2024年），reportkit 整理'
    """
    n = documents["doc_id"].nunique() if "doc_id" in documents else len(documents)
    years = _years(documents)
    span = ""
    if years:
        span = f"（{years[0]}年）" if len(years) == 1 else f"（{years[0]}–{years[-1]}年）"
    return f"来源：{n} 份{corpus}{span}，{credit}"


def _years(documents: pd.DataFrame) -> list[int]:
    if "year" not in documents:
        return []
    years = pd.to_numeric(documents["year"], errors="coerce").dropna()
    return sorted({int(y) for y in years})


def _towns(documents: pd.DataFrame) -> list[str]:
    if "town" not in documents:
        return []
    return sorted({str(t).strip() for t in documents["town"].dropna() if str(t).strip()})


def save_figure(
    fig: Figure | Axes,
    name: str,
    out_dir: str | Path = DEFAULT_FIGURES_DIR,
    *,
    data: pd.DataFrame | None = None,
    title: str | None = None,
    source: str | None = None,
    documents: pd.DataFrame | None = None,
    size: Literal["full", "half"] = "full",
    dpi: int = 200,
) -> dict[str, Path]:
    """Write a chart as slide-size PNG + SVG, its data as CSV, and a JSON sidecar.

    ``size="full"`` is a whole 16:9 slide (13.33 × 7.5 in), ``"half"`` its left or right half
    (6.67 × 7.5 in). The title and the source line are drawn on the figure (``source`` defaults
    to :func:`source_line` of ``documents`` when those are given), so a copied PNG carries them.
    A ``.body.png`` without them is sized for the picture area of :func:`build_deck`, which
    writes title and source as slide text instead.

    The figure's size and texts are restored afterwards. Returns the paths written, keyed
    ``png, svg, body_png, csv`` (only with ``data``) and ``json``.
    """
    from reportkit.fonts import rc_context, use_cjk_font

    if size not in FIGURE_SIZES:
        raise ValueError(f"size must be 'full' or 'half', not {size!r}")
    if dpi < 200:
        raise ValueError(f"dpi must be at least 200 for slides, not {dpi}")
    figure = _figure_of(fig)
    stem = slugify(name)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if source is None and documents is not None:
        source = source_line(documents)
    paths = {
        "png": out / f"{stem}.png",
        "svg": out / f"{stem}.svg",
        "body_png": out / f"{stem}.body.png",
    }
    if data is not None:
        paths["csv"] = out / f"{stem}.csv"
    paths["json"] = out / f"{stem}.json"

    old_size = tuple(figure.get_size_inches())
    width, height = FIGURE_SIZES[size]
    added = []
    if title:
        added.append(figure.text(0.012, 1 - 0.12 / height, title, ha="left", va="top",
                                 fontsize=22))  # bundled CJK font has no bold face
    if source:
        added.append(figure.text(0.012, 0.1 / height, source, ha="left", va="bottom",
                                 fontsize=12, color="#555555"))
    top = _TITLE_BAND_IN if title else 0.0
    bottom = _SOURCE_BAND_IN if source else 0.0
    # deterministic SVG ids, text as outlines; no date in the SVG metadata
    stable = {"svg.fonttype": "path", "svg.hashsalt": "reportkit", "axes.unicode_minus": False}
    try:
        with rc_context(stable):
            figure.set_size_inches(width, height)
            _reserve(figure, top_in=top, bottom_in=bottom)
            use_cjk_font(figure)
            figure.savefig(paths["png"], dpi=dpi, metadata={"Software": None})
            figure.savefig(paths["svg"], metadata={"Date": None, "Creator": None})
            for text in added:
                text.set_visible(False)
            figure.set_size_inches(*BODY_SIZES[size])
            _reserve(figure, top_in=0.0, bottom_in=0.0)
            figure.savefig(paths["body_png"], dpi=dpi, metadata={"Software": None})
    finally:
        for text in added:
            text.remove()
        figure.set_size_inches(*old_size)
        _reserve(figure, top_in=0.0, bottom_in=0.0)
    if data is not None:
        _write_atomic(paths["csv"], data.to_csv(index=False), encoding="utf-8-sig")
    sidecar = {
        "kind": SIDECAR_KIND,
        "name": str(name),
        "title": title or "",
        "source": source or "",
        "size": size,
        "files": {k: p.name for k, p in paths.items() if k != "json"},
    }
    if documents is not None:
        sidecar["reports"] = {
            "n": int(documents["doc_id"].nunique()) if "doc_id" in documents else len(documents),
            "towns": _towns(documents),
            "years": _years(documents),
        }
    _write_atomic(paths["json"], json.dumps(sidecar, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    log.info("saved figure %s to %s", stem, out)
    return paths


def _figure_of(fig) -> Figure:
    """The Figure behind a Figure, an Axes, or an array of Axes (plot_terms with group)."""
    if hasattr(fig, "savefig"):
        return fig
    if hasattr(fig, "figure"):  # Axes (or SubFigure): climb to the root figure
        return _figure_of(fig.figure)
    try:
        return _figure_of(next(iter(fig)))
    except (TypeError, StopIteration):
        raise TypeError(f"expected a matplotlib Figure or Axes, got {type(fig).__name__}") from None


def _reserve(figure: Figure, *, top_in: float, bottom_in: float) -> None:
    """Keep bands free for the title (top) and source line (bottom), in inches."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine

    height = figure.get_size_inches()[1]
    top, bottom = top_in / height, bottom_in / height
    engine = figure.get_layout_engine()
    if engine is None:
        try:
            figure.set_layout_engine("constrained")
            engine = figure.get_layout_engine()
        except RuntimeError:  # a colorbar was made for another layout; adjust by hand
            figure.subplots_adjust(top=0.92 - top, bottom=0.1 + bottom)
            return
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0.0, bottom, 1.0, 1.0 - top - bottom))
    elif isinstance(engine, TightLayoutEngine):
        engine.set(rect=(0.0, bottom, 1.0, 1.0 - top))


def _write_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding=encoding, newline="")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- deck


def build_deck(
    figures: str | Path | list,
    path: str | Path,
    *,
    title: str = "乡镇法治政府建设年度报告分析",
    subtitle: str | None = None,
    documents: pd.DataFrame | None = None,
    date: dt.date | str | None = None,
    ea_font: str = "Microsoft YaHei",
) -> Path:
    """A 16:9 PowerPoint deck: a title slide, then one slide per chart (title, picture, source).

    ``figures`` is a folder of :func:`save_figure` outputs (its ``*.json`` sidecars, in file
    name order) or a list, kept in the given order, of sidecar paths, PNG paths or the dicts
    that ``save_figure`` returns. The title slide names the corpus, towns and years (from
    ``documents``, else from the sidecars) and the build date (``date``, default today; pass it
    for a reproducible file). Text runs carry ``ea_font`` as their East Asian typeface
    (``<a:ea>``) so Chinese titles render in PowerPoint and LibreOffice.
    """
    from pptx import Presentation
    from pptx.util import Inches

    entries = [_entry(item) for item in _figure_items(figures)]
    day = _as_date(date)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    props = prs.core_properties
    props.title = title
    stamp = dt.datetime(day.year, day.month, day.day)
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1

    slide = prs.slides.add_slide(prs.slide_layouts[0])  # "Title Slide"
    head, sub = slide.shapes.title, slide.placeholders[1]
    _place(head, 0.8, 2.0, SLIDE_W - 1.6, 1.5)
    _place(sub, 0.8, 3.7, SLIDE_W - 1.6, 2.5)
    _set_text(head, [title], ea_font=ea_font, size=36, bold=True)
    lines = [subtitle] if subtitle else []
    lines += _corpus_lines(documents, entries) + [f"生成日期：{day.isoformat()}"]
    _set_text(sub, lines, ea_font=ea_font, size=18)

    for entry in entries:
        slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
        head = slide.shapes.title
        _place(head, _MARGIN, 0.2, SLIDE_W - 2 * _MARGIN, _PIC_TOP - 0.3)
        _set_text(head, [entry["title"]], ea_font=ea_font, size=26, bold=True, align="left")
        _add_picture(slide, entry["picture"], alt_text=entry["title"])
        if entry["source"]:
            box = slide.shapes.add_textbox(Inches(_MARGIN), Inches(_PIC_BOTTOM + 0.05),
                                           Inches(SLIDE_W - 2 * _MARGIN), Inches(0.45))
            _set_text(box, [entry["source"]], ea_font=ea_font, size=12, color=(0x55, 0x55, 0x55),
                      align="left")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(out)
    log.info("wrote deck %s with %d chart slide(s)", out, len(entries))
    return out


def _figure_items(figures) -> list:
    if isinstance(figures, str | Path):
        folder = Path(figures)
        if not folder.is_dir():
            raise ValueError(f"figures folder {folder} does not exist; run save_figure first")
        return sorted(folder.glob("*.json"), key=lambda p: p.name)
    return list(figures)


def _entry(item) -> dict:
    """title, source and picture path of one chart from a sidecar, a PNG or save_figure's dict."""
    if isinstance(item, dict):
        item = item["json"]
    item = Path(item)
    if item.suffix.lower() == ".png":
        sidecar = item.with_name(item.name.removesuffix(".body.png").removesuffix(".png") + ".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        return {"title": meta.get("title") or item.stem, "source": meta.get("source", ""),
                "picture": item, "reports": meta.get("reports")}
    meta = json.loads(item.read_text(encoding="utf-8"))
    if meta.get("kind") != SIDECAR_KIND:
        raise ValueError(f"{item} is not a reportkit figure sidecar (kind={meta.get('kind')!r})")
    files = meta.get("files", {})
    picture = item.parent / (files.get("body_png") or files["png"])
    if not picture.exists():
        raise ValueError(f"{item} names {picture.name}, which is missing; save the figure again")
    return {"title": meta.get("title") or meta.get("name") or item.stem, "source": meta.get("source", ""),
            "picture": picture, "reports": meta.get("reports")}


def _as_date(date) -> dt.date:
    if date is None:
        return dt.date.today()
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    return dt.date.fromisoformat(str(date))


def _corpus_lines(documents: pd.DataFrame | None, entries: list[dict]) -> list[str]:
    if documents is not None:
        n = documents["doc_id"].nunique() if "doc_id" in documents else len(documents)
        towns, years = _towns(documents), _years(documents)
    else:
        infos = [e["reports"] for e in entries if e.get("reports")]
        if not infos:
            return []
        n = max(i["n"] for i in infos)
        towns = sorted({t for i in infos for t in i["towns"]})
        years = sorted({y for i in infos for y in i["years"]})
    lines = [f"语料：{n} 份{DEFAULT_CORPUS}"]
    if towns:
        shown = "、".join(towns[:12]) + (f" 等 {len(towns)} 个乡镇" if len(towns) > 12 else "")
        lines.append(f"乡镇：{shown}")
    if years:
        lines.append(f"年份：{years[0]}年" if len(years) == 1 else f"年份：{years[0]}–{years[-1]}年")
    return lines


def _place(shape, left: float, top: float, width: float, height: float) -> None:
    from pptx.util import Inches

    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in (left, top, width, height))


def _set_text(shape, lines: list[str], *, ea_font: str, size: int, bold: bool = False,
              color: tuple[int, int, int] | None = None, align: str | None = None) -> None:
    """Replace a shape's text by ``lines``, one paragraph each, with Latin and East Asian fonts."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    frame = shape.text_frame
    frame.clear()
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align:
            para.alignment = PP_ALIGN.LEFT if align == "left" else PP_ALIGN.CENTER
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = ea_font  # <a:latin>
        if color:
            run.font.color.rgb = RGBColor(*color)
        _set_east_asian_font(run, ea_font)


def _set_east_asian_font(run, typeface: str) -> None:
    """Add ``<a:ea typeface=...>`` to the run (python-pptx only sets ``<a:latin>``)."""
    from pptx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", "zh-CN")
    rpr.set("altLang", "en-US")
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        latin = rpr.find(qn("a:latin"))
        # schema order: ... a:latin, a:ea, a:cs, a:sym, a:hlinkClick ...
        if latin is not None:
            latin.addnext(ea)
        else:
            rpr.append(ea)
    ea.set("typeface", typeface)


def _add_picture(slide, picture: Path, *, alt_text: str) -> None:
    """The picture, as large as fits between title and source band, centred."""
    from PIL import Image
    from pptx.util import Inches

    with Image.open(picture) as img:
        w_px, h_px = img.size
    box_w, box_h = SLIDE_W - 2 * _MARGIN, _PIC_BOTTOM - _PIC_TOP
    scale = min(box_w / w_px, box_h / h_px)
    w, h = w_px * scale, h_px * scale
    pic = slide.shapes.add_picture(str(picture), Inches((SLIDE_W - w) / 2), Inches(_PIC_TOP + (box_h - h) / 2),
                                   Inches(w), Inches(h))
    pic._element.nvPicPr.cNvPr.set("descr", alt_text)  # screen readers read the chart's title
