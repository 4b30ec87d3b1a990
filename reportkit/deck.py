"""The briefing deck: the charts an analyst chose, titled with their findings, with notes.

``build_deck(figures_dir, "briefing.pptx", spec="notebooks/deck.csv", documents=docs)`` writes a
16:9 PowerPoint deck:

1. a title slide naming the corpus (reports, towns, years) and the date;
2. one slide per chart the **deck spec** lists, in its order. The slide title is the chart's
   finding computed from the data ("5 份报告均提到「执法与法治工作力量、人才薄弱」方面的不足",
   from ``findings``) unless the spec gives a title; under it, what the chart shows; the picture;
   the source line; speaker notes with the numbers behind the chart and its caveat;
3. a methods-and-caveats slide wherever the spec puts the row ``methods``: reports per year,
   what was left out (county-level reports, partial texts, unreadable files) and what n allows.

The deck spec is a CSV the analyst edits (``notebooks/deck.csv``; UTF-8 or Excel's GBK)::

    chart,title,notes
    20_theme_frequency,,
    00_completeness,各乡镇报告的结构,
    methods,,

``chart`` is the chart's name (its file name in ``figures/`` without extension) or ``methods``;
``title`` (optional) replaces the computed finding; ``notes`` (optional) is added to the speaker
notes. Charts not listed are left out of the deck (they stay in ``figures/``); a listed chart
that is missing (its notebook has not run) is skipped with a warning, and a chart whose computed
finding repeats an earlier slide's (the originality bars and the reuse matrix when no two reports
share text) is said once. Without a spec every chart is shown, in file-name order, then the
methods slide.

Titles and notes are real text with an East Asian typeface (``<a:ea>``), so Chinese renders in
PowerPoint and LibreOffice. python-pptx is imported when a deck is built.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from pathlib import Path

import pandas as pd

from .across_years import count_towns
from .export import _MARGIN, _PIC_BOTTOM, _PIC_TOP, DEFAULT_CORPUS, SIDECAR_KIND, SLIDE_H, SLIDE_W, _towns, _years

log = logging.getLogger(__name__)

#: The spec row that places the methods-and-caveats slide.
METHODS = "methods"
METHODS_TITLE = "方法与说明：这些数字能说明什么"
SPEC_COLUMNS = ("chart", "title", "notes")


# --------------------------------------------------------------------------- spec


def read_deck_spec(path: str | Path) -> pd.DataFrame:
    """The deck spec at ``path``: ``chart, title, notes`` (empty strings where not given), one
    row per slide in order. ``#`` lines are comments. UTF-8 (with or without BOM) or GBK."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"deck spec {path} not found; write one (columns chart,title,notes) or leave it out")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ValueError(f"deck spec {path}: not UTF-8 or GBK text; save it as CSV UTF-8")
    import io

    spec = pd.read_csv(io.StringIO(text), dtype=str, comment="#", keep_default_na=False, skip_blank_lines=True)
    spec.columns = [str(c).strip().lower() for c in spec.columns]
    if "chart" not in spec.columns:
        raise ValueError(f"deck spec {path}: no 'chart' column (columns: {', '.join(spec.columns)}); "
                         "the first line must be chart,title,notes")
    unknown = sorted(set(spec.columns) - set(SPEC_COLUMNS))
    if unknown:
        raise ValueError(f"deck spec {path}: unknown column(s) {', '.join(unknown)}; use chart,title,notes")
    for column in SPEC_COLUMNS:
        spec[column] = spec[column].str.strip() if column in spec else ""
    spec = spec[spec["chart"] != ""].reset_index(drop=True)
    return spec[list(SPEC_COLUMNS)]


def _spec_rows(spec, entries: dict[str, dict]) -> list[dict]:
    if spec is None:
        return [{"chart": name, "title": "", "notes": ""} for name in sorted(entries)] + [
            {"chart": METHODS, "title": "", "notes": ""}]
    table = spec if isinstance(spec, pd.DataFrame) else read_deck_spec(spec)
    table = table.fillna("")
    return [{"chart": str(r.get("chart", "")).strip(), "title": str(r.get("title", "") or "").strip(),
             "notes": str(r.get("notes", "") or "").strip()} for r in table.to_dict("records")]


# --------------------------------------------------------------------------- deck


def build_deck(
    figures: str | Path | list,
    path: str | Path,
    *,
    spec: str | Path | pd.DataFrame | None = None,
    title: str = "乡镇法治政府建设年度报告分析",
    subtitle: str | None = None,
    documents: pd.DataFrame | None = None,
    build_log: pd.DataFrame | None = None,
    left_out: pd.DataFrame | None = None,
    date: dt.date | str | None = None,
    ea_font: str = "Microsoft YaHei",
) -> Path:
    """Write the briefing deck to ``path`` (see the module docstring) and return the path.

    ``figures`` is a folder of ``export.save_figure`` outputs, or a list, kept in the given order,
    of sidecar paths, PNG paths or the dicts that ``save_figure`` returns (a list ignores
    ``spec``). ``documents`` (the reports behind the charts), ``build_log`` and ``left_out``
    (``notebooks.left_out_by_level``) feed the title and methods slides; without ``documents``
    there is no methods slide. ``date`` defaults to today; pass it for a reproducible file.
    """
    from pptx import Presentation
    from pptx.util import Inches

    if isinstance(figures, str | Path):
        entries = {}
        for item in _figure_items(figures):
            try:
                entry = _entry(item)
            except (ValueError, KeyError, OSError) as exc:  # one broken sidecar must not stop the deck
                log.warning("deck: %s skipped: %s", item.name, exc)
                continue
            entries[entry["name"]] = entry
        rows = _spec_rows(spec, entries)
    else:
        listed = [_entry(item) for item in figures]
        entries = {f"#{i}": e for i, e in enumerate(listed)}
        rows = [{"chart": f"#{i}", "title": "", "notes": ""} for i in range(len(listed))]
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
    lines += _corpus_lines(documents, list(entries.values())) + [f"生成日期：{day.isoformat()}"]
    _set_text(sub, lines, ea_font=ea_font, size=18)

    n_charts, missing, said = 0, [], {}
    for row in rows:
        if row["chart"] == METHODS:
            if documents is not None:
                _methods_slide(prs, documents, build_log=build_log, left_out=left_out, ea_font=ea_font,
                               title=row["title"] or METHODS_TITLE, notes=row["notes"])
            continue
        entry = entries.get(row["chart"])
        if entry is None:
            missing.append(row["chart"])
            continue
        heading = row["title"] or entry["finding"] or entry["title"]
        if not row["title"] and heading in said:  # two charts that found nothing say it once (no pair of reports shares text)
            log.info("deck: %s left out: its finding is %s's (%s)", row["chart"], said[heading], heading)
            continue
        said.setdefault(heading, row["chart"])
        _chart_slide(prs, entry, title=row["title"], notes=row["notes"], ea_font=ea_font)
        n_charts += 1
    if missing:
        log.info("deck: %d chart(s) of the deck spec have no figure to show, as expected when these reports "
                 "give them no data (the 50_ charts need a town with reports of two years) or their notebook "
                 "was not run: %s", len(missing), ", ".join(missing))
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(out)
    log.info("wrote deck %s with %d chart slide(s)", out, n_charts)
    return out


def _title_size(text: str) -> int:
    """Points at which a slide title fits on one line of the 12.7-inch title box."""
    return 26 if len(text) <= 34 else 22 if len(text) <= 40 else 18


def _chart_slide(prs, entry: dict, *, title: str, notes: str, ea_font: str) -> None:
    from pptx.util import Inches

    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
    heading = title or entry["finding"] or entry["title"]
    head = slide.shapes.title
    _place(head, _MARGIN, 0.12, SLIDE_W - 2 * _MARGIN, 0.62)
    _set_text(head, [heading], ea_font=ea_font, size=_title_size(heading), bold=True, align="left")
    if entry["title"] and entry["title"] != heading:  # what the chart shows, under its finding
        box = slide.shapes.add_textbox(Inches(_MARGIN), Inches(0.72), Inches(SLIDE_W - 2 * _MARGIN), Inches(0.36))
        _set_text(box, [entry["title"]], ea_font=ea_font, size=14, color=(0x55, 0x55, 0x55), align="left")
    _add_picture(slide, entry["picture"], alt_text=entry["title"] or heading)
    if entry["source"]:
        box = slide.shapes.add_textbox(Inches(_MARGIN), Inches(_PIC_BOTTOM + 0.05),
                                       Inches(SLIDE_W - 2 * _MARGIN), Inches(0.45))
        _set_text(box, [entry["source"]], ea_font=ea_font, size=12, color=(0x55, 0x55, 0x55), align="left")
    lines = [heading] + [f"· {n}" for n in entry["notes"]]
    if entry["caveat"]:
        lines.append(entry["caveat"] if entry["caveat"].startswith("注意") else f"注意：{entry['caveat']}")
    if notes:
        lines.append(notes)
    _set_notes(slide, lines, ea_font=ea_font)


def _methods_slide(prs, documents: pd.DataFrame, *, build_log, left_out, ea_font: str, title: str,
                   notes: str) -> None:
    from pptx.util import Inches

    from .findings import methods_lines

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    head = slide.shapes.title
    _place(head, _MARGIN, 0.12, SLIDE_W - 2 * _MARGIN, 0.8)
    _set_text(head, [title], ea_font=ea_font, size=_title_size(title), bold=True, align="left")
    lines = methods_lines(documents, build_log=build_log, left_out=left_out)
    box = slide.shapes.add_textbox(Inches(_MARGIN + 0.2), Inches(1.2), Inches(SLIDE_W - 2 * _MARGIN - 0.4),
                                   Inches(SLIDE_H - 1.6))
    _set_text(box, [f"• {line}" for line in lines], ea_font=ea_font, size=18, align="left", space_after=10)
    _set_notes(slide, lines + ([notes] if notes else []), ea_font=ea_font)


def _set_notes(slide, lines: list[str], *, ea_font: str) -> None:
    frame = slide.notes_slide.notes_text_frame
    _fill(frame, lines, ea_font=ea_font, size=12)


def _figure_items(figures) -> list:
    folder = Path(figures)
    if not folder.is_dir():
        raise ValueError(f"figures folder {folder} does not exist; run save_figure first")
    return sorted(folder.glob("*.json"), key=lambda p: p.name)


def _entry(item) -> dict:
    """name, title, source, finding, notes, caveat and picture of one chart, from a sidecar,
    a PNG or save_figure's dict."""
    if isinstance(item, dict):
        item = item["json"]
    item = Path(item)
    if item.suffix.lower() == ".png":
        stem = item.name.removesuffix(".body.png").removesuffix(".png")
        sidecar = item.with_name(stem + ".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        return _from_meta(meta, item, stem)
    meta = json.loads(item.read_text(encoding="utf-8"))
    if meta.get("kind") != SIDECAR_KIND:
        raise ValueError(f"{item} is not a reportkit figure sidecar (kind={meta.get('kind')!r})")
    files = meta.get("files", {})
    if not (files.get("body_png") or files.get("png")):
        raise ValueError(f"{item} names no picture; save the figure again")
    picture = item.parent / (files.get("body_png") or files["png"])
    if not picture.exists():
        raise ValueError(f"{item} names {picture.name}, which is missing; save the figure again")
    return _from_meta(meta, picture, item.stem)


def _from_meta(meta: dict, picture: Path, stem: str) -> dict:
    return {"name": str(meta.get("name") or stem), "title": meta.get("title") or "",
            "source": meta.get("source", ""), "picture": picture, "reports": meta.get("reports"),
            "finding": meta.get("finding") or "", "notes": list(meta.get("notes") or []),
            "caveat": meta.get("caveat") or ""}


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
        # counted as the methods slide counts them: two towns of one name in two counties are two
        n_towns = count_towns(documents) if "town" in documents else len(towns)
    else:
        infos = [e["reports"] for e in entries if e.get("reports")]
        if not infos:
            return []
        n = max(i["n"] for i in infos)
        towns = sorted({t for i in infos for t in i["towns"]})
        years = sorted({y for i in infos for y in i["years"]})
        n_towns = len(towns)
    lines = [f"语料：{n} 份{DEFAULT_CORPUS}"]
    if towns:
        shown = "、".join(towns[:12]) + (f" 等 {n_towns} 个乡镇" if n_towns > len(towns[:12]) else "")
        lines.append(f"乡镇：{shown}")
    if years:
        lines.append(f"年份：{years[0]}年" if len(years) == 1 else f"年份：{years[0]}–{years[-1]}年")
    return lines


def _place(shape, left: float, top: float, width: float, height: float) -> None:
    from pptx.util import Inches

    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in (left, top, width, height))


def _set_text(shape, lines: list[str], **style) -> None:
    """Replace a shape's text by ``lines``, one paragraph each, with Latin and East Asian fonts."""
    frame = shape.text_frame
    frame.word_wrap = True
    _fill(frame, lines, **style)


_LOOSE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \u00a0]+(?=[0-9A-Za-z%])"
                    r"|(?<=[0-9A-Za-z%])[ \u00a0]+(?=[\u3000-\u9fff\uff00-\uffef])")


def tight(text: str) -> str:
    """Slide text without the spaces between Chinese and digits: PowerPoint and LibreOffice add
    their own Asian–Latin spacing, and a typed space doubles it ("5  份").

    >>> tight("5 份报告，2021–2024 年")
    '5份报告，2021–2024年'
    """
    return _LOOSE.sub("", str(text))


def _fill(frame, lines: list[str], *, ea_font: str, size: int, bold: bool = False,
          color: tuple[int, int, int] | None = None, align: str | None = None, space_after: int = 0) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    frame.clear()
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align:
            para.alignment = PP_ALIGN.LEFT if align == "left" else PP_ALIGN.CENTER
        if space_after:
            para.space_after = Pt(space_after)
        run = para.add_run()
        run.text = tight(line)
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
