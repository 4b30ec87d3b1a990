"""Slide-ready charts: :func:`save_figure` writes a chart with its data and its finding.

``save_figure`` writes, for one chart, files that share a deterministic ASCII stem::

    indicator_heatmap.png        13.33 × 7.5 in at 200 dpi, with title and source line
    indicator_heatmap.svg        same, text as paths (renders without the font), byte-stable
    indicator_heatmap.body.png   the chart alone, sized for the picture area of a deck slide
    indicator_heatmap.csv        the numbers behind the chart (UTF-8 with BOM, opens in Excel)
    indicator_heatmap.json       sidecar: title, source, files, reports, finding, notes, caveat,
                                 and the notebook that made it; read by ``deck.build_deck``

``reportkit.deck.build_deck`` turns a folder of such sidecars into the briefing deck.
matplotlib is imported inside the functions that need it.
"""
from __future__ import annotations

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
#: Set by the notebook runner in each kernel: the notebook whose charts these are.
NOTEBOOK_ENV = "REPORTKIT_NOTEBOOK"
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
    """The towns of DOCUMENTS, once each: a town renamed (英买里乡 → 英买里镇, one code) by its latest name."""
    if "town" not in documents:
        return []
    from .across_years import town_key_of

    docs = documents.drop_duplicates("doc_id") if "doc_id" in documents else documents
    key, town = town_key_of(docs)
    year = pd.to_numeric(docs["year"], errors="coerce") if "year" in docs else pd.Series(0, index=docs.index)
    latest = pd.DataFrame({"key": key, "town": town, "year": year})[key != ""].sort_values("year", kind="stable")
    return sorted(set(latest.drop_duplicates("key", keep="last")["town"]))


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
    finding=None,
) -> dict[str, Path]:
    """Write a chart as slide-size PNG + SVG, its data as CSV, and a JSON sidecar.

    ``size="full"`` is a whole 16:9 slide (13.33 × 7.5 in), ``"half"`` its left or right half
    (6.67 × 7.5 in). The title and the source line are drawn on the figure (``source`` defaults
    to :func:`source_line` of ``documents`` when those are given), so a copied PNG carries them.
    A ``.body.png`` without them is sized for the picture area of :func:`build_deck`, which
    writes title and source as slide text instead.

    ``finding`` (a ``findings.Finding``: the chart's headline as a finding, the numbers behind
    it and its caveat) goes into the sidecar; the deck uses it as slide title and speaker notes.
    The sidecar also records the notebook whose kernel saved the chart (the runner's
    ``REPORTKIT_NOTEBOOK``), so that re-running that notebook replaces it and nothing else; a
    chart saved by hand records none and is never deleted by the runner. Text cells of the CSV
    that a spreadsheet would read as formulas get a leading ``'``.

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
        from reportkit.workbook import spreadsheet_safe

        # CRLF, as Excel writes: a cell holding a bare CR is then quoted, not a new row
        _write_atomic(paths["csv"], spreadsheet_safe(data).to_csv(index=False, lineterminator="\r\n"),
                      encoding="utf-8-sig")
    sidecar = {
        "kind": SIDECAR_KIND,
        "name": str(name),
        "title": title or "",
        "source": source or "",
        "size": size,
        "files": {k: p.name for k, p in paths.items() if k != "json"},
    }
    if finding is not None:
        found = finding.as_dict() if hasattr(finding, "as_dict") else dict(finding)
        sidecar.update({"finding": str(found.get("finding") or ""), "notes": [str(n) for n in found.get("notes", [])],
                        "caveat": str(found.get("caveat") or "")})
    notebook = os.environ.get(NOTEBOOK_ENV)
    if notebook:
        sidecar["notebook"] = notebook
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
