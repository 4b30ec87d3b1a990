"""What the numbered notebooks share: one :func:`setup` call, report selection, and the runner.

A notebook opens with::

    import reportkit as rk
    nb = rk.notebooks.setup(DATA_DIR, OUT_DIR, years=YEARS, towns=TOWNS,
                            provinces=PROVINCES, counties=COUNTIES, level=LEVEL)
    tables, docs = nb.tables, nb.docs
    nb            # "5 份报告，5 个乡镇……", and which reports the selection left out

and saves with ``nb.save_figure(ax, "10_indicator_heatmap", data=table, title=..., finding=...)``
and ``nb.save_table(df, "10_keyness")``. The pieces:

* :func:`select_tables` keeps the reports of the chosen years, towns, provinces, counties and
  level in every table of a build (empty = all; county-level reports are left out of township
  comparisons unless ``level="all"`` or ``"county"``); :func:`load_tables` reads and selects;
* :func:`left_out_by_level` lists the reports the level filter left out, so a notebook says so;
* :func:`with_category_labels` puts the Chinese label of each indicator category on the table.

The runner (``python -m reportkit.notebooks``) lives in :mod:`reportkit.notebook_runner`; its
names are re-exported here. Importing this module is cheap: pandas, matplotlib and papermill
are imported when used.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import resources
from .notebook_runner import (  # noqa: F401  (the runner's public names, as before)
    GLYPH_WARNING,
    KERNEL_MPLBACKEND,
    NOTEBOOK_PATTERN,
    NotebookError,
    RunResult,
    clear_figures,
    glyph_warnings,
    main,
    numbered_notebooks,
    run_notebook,
    run_notebooks,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Label of indicators without a category.
UNCATEGORISED = "未分类"
#: ``level`` choices: township reports (and those of unknown level), county-level ones, or all.
LEVELS = ("township", "county", "all")
_LEVEL_ZH = {"township": "乡镇级", "county": "县级", "city": "市级", "unknown": "层级不明"}


# --------------------------------------------------------------------------- selection


def _check_present(name: str, wanted: list, present: list) -> None:
    missing = [w for w in wanted if w not in present]
    if missing:
        shown = "、".join(map(str, present)) if present and isinstance(present[0], str) else present
        raise ValueError(f"{name}(s) {'、'.join(map(str, missing))} not in data; {name}s present: {shown or 'none'}")


def _level_mask(docs: pd.DataFrame, level: str):
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if level == "all" or "level" not in docs.columns:
        return docs["doc_id"].notna()
    levels = docs["level"].astype("object").fillna("unknown")
    if level == "county":
        return levels == "county"
    return ~levels.isin(["county", "city"])  # unknown level stays: most such reports are townships'


def select_tables(
    tables: dict[str, pd.DataFrame],
    *,
    years: Iterable[int] = (),
    towns: Iterable[str] = (),
    provinces: Iterable[str] = (),
    counties: Iterable[str] = (),
    level: Literal["township", "county", "all"] = "township",
) -> dict[str, pd.DataFrame]:
    """Keep the selected reports in every table of a build (an empty choice keeps all).

    ``level="township"`` (default) leaves county- and city-level reports out, so that they are
    not compared with townships (reports of unknown level stay); ``"county"`` keeps only them,
    ``"all"`` keeps every report. Tables with ``doc_id`` keep the rows of the selected reports;
    ``reuse`` keeps pairs whose two reports are both selected; tables without a report key
    (``build_log``) are kept whole. Raises ``ValueError`` naming the values present when a
    requested year, town, province or county is not.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "town": ["大年乡", "里心镇"], "year": [2024, 2023]})
    >>> select_tables({"documents": docs}, towns=["里心镇"])["documents"]["doc_id"].tolist()
    ['b']
    """
    if "documents" not in tables:
        raise ValueError(f"no documents table among {sorted(tables)}; is this a reportkit build folder?")
    docs = tables["documents"]
    keep = _level_mask(docs, level)
    years = [int(y) for y in years or ()]
    if years:
        _check_present("year", years, sorted({int(y) for y in docs["year"].dropna()}))
        keep &= docs["year"].isin(years).fillna(False).astype(bool)
    for column, wanted in (("town", towns), ("province", provinces), ("county", counties)):
        wanted = [str(w) for w in wanted or ()]
        if wanted:
            _check_present(column, wanted, sorted({str(v) for v in docs[column].dropna()}))
            keep &= docs[column].isin(wanted).fillna(False).astype(bool)
    ids = set(docs.loc[keep, "doc_id"])
    out = {}
    for name, table in tables.items():
        if "doc_id" in table.columns:
            table = table[table["doc_id"].isin(ids)]
        elif {"doc_a", "doc_b"} <= set(table.columns):
            table = table[table["doc_a"].isin(ids) & table["doc_b"].isin(ids)]
        out[name] = table.reset_index(drop=True)
    return out


def left_out_by_level(documents: pd.DataFrame, level: str = "township") -> pd.DataFrame:
    """The reports that ``level`` leaves out: ``doc_id, file, town, county, year, level, reason``."""
    import pandas as pd

    gone = documents[~_level_mask(documents, level)]
    cols = [c for c in ("doc_id", "file", "town", "county", "year", "level") if c in gone.columns]
    out = gone[cols].reset_index(drop=True)
    levels = out["level"] if "level" in out else pd.Series("unknown", index=out.index)
    out["reason"] = [f"{_LEVEL_ZH.get(str(v), str(v))}报告，不与{_LEVEL_ZH.get(level, level)}报告比较"
                     for v in levels]
    return out


def select_and_left_out(
    tables: dict[str, pd.DataFrame], *, level: Literal["township", "county", "all"] = "township", **selection
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """:func:`select_tables`, and the reports of the other choices that ``level`` left out."""
    chosen = select_tables(tables, level="all", **selection)
    return select_tables(chosen, level=level), left_out_by_level(chosen["documents"], level)


def load_tables(
    data_dir: str | Path,
    *,
    years: Iterable[int] = (),
    towns: Iterable[str] = (),
    provinces: Iterable[str] = (),
    counties: Iterable[str] = (),
    level: Literal["township", "county", "all"] = "township",
    names: list[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Read a build folder and keep the selected reports (:func:`select_tables`).

    ``names`` limits the tables read (``documents`` is always read, it defines the selection).
    """
    tables = _read(data_dir, names, years=years, towns=towns, provinces=provinces, counties=counties)
    return select_tables(tables, level=level)


def _read(data_dir: str | Path, names: list[str] | None, **selection) -> dict[str, pd.DataFrame]:
    """The tables NAMES (and documents) of a build; with a SELECTION (years, towns, provinces,
    counties), only the selected reports' rows are read (reading.read_tables pushes it down to the
    files, so a town of a national build does not load the nation)."""
    from .reading import read_tables, report_keys

    wanted = None if names is None else sorted(set(names) | {"documents"})
    doc_ids = None
    if any(selection.get(key) for key in ("years", "towns", "provinces", "counties")):
        keys = select_tables({"documents": report_keys(Path(data_dir))}, level="all", **selection)["documents"]
        doc_ids = keys["doc_id"].tolist()
    tables = read_tables(Path(data_dir), wanted, doc_ids=doc_ids)
    if "documents" not in tables:
        raise FileNotFoundError(f"no documents table in {data_dir}; run `reportkit build` first")
    return tables


def with_category_labels(indicators: pd.DataFrame) -> pd.DataFrame:
    """``indicators`` with ``category`` in Chinese (``label_zh`` of the category list) and the
    code kept in ``category_code``; indicators without a category get "未分类".

    Codes missing from ``resources/indicator_categories.csv`` keep their code as label.
    """
    from .indicators import category_labels

    labels = category_labels()
    out = indicators.copy()
    code = out["category"].astype("object").where(out["category"].notna(), "")
    out["category_code"] = code
    out["category"] = [labels.get(c) or (c if str(c).strip() else UNCATEGORISED) for c in code]
    return out


def towns_by_reports(documents: pd.DataFrame) -> list[str]:
    """The towns DOCUMENTS name, most reports first, a tie by name: which towns a chart of a few
    panels shows when there are hundreds (an alphabet's first towns are no choice). A report whose
    town is unknown (empty) names none."""
    docs = documents.drop_duplicates("doc_id")
    town = docs["town"].astype("object").where(docs["town"].notna(), "").astype(str).str.strip()
    counts = docs.loc[town != "", "doc_id"].groupby(town[town != ""]).nunique()
    frame = counts.rename("n").rename_axis("town").reset_index()
    return frame.sort_values(["n", "town"], ascending=[False, True], kind="stable")["town"].tolist()


# --------------------------------------------------------------------------- setup


@dataclass(frozen=True, repr=False)
class NotebookSetup:
    """What :func:`setup` returns: the selected tables, the documents with their display label
    (``label``, e.g. "大年乡 2024", in town and year order), the output folders, and the reports
    the level filter left out."""

    tables: dict
    docs: pd.DataFrame
    out_dir: Path
    figures_dir: Path
    tables_dir: Path
    left_out: pd.DataFrame
    level: str = "township"
    years: list = field(default_factory=list)

    def save_figure(self, fig, name: str, *, data=None, title: str | None = None, finding=None,
                    size: Literal["full", "half"] = "full", whole_only: bool = False,
                    counts_partial: bool = False) -> dict:
        """``export.save_figure`` into this notebook's figures folder, sourced on its reports.

        ``whole_only``: the chart counts whole reports only (:attr:`whole`); its source line says
        so and how many partial texts were left out. ``counts_partial``: the chart counts every
        text (reports per year): its source line says how many of them are partial."""
        from .export import save_figure, source_line

        documents = self.whole if whole_only else self.docs
        source = source_line(documents) + (f"；{self.partial_note}" if whole_only and self.partial_note else "")
        n_partial = len(self.docs) - len(self.whole)
        if counts_partial and not whole_only and n_partial:
            source += f"；其中 {n_partial} 份是不完整文本（只有开头或被删节）"
        return save_figure(fig, name, self.figures_dir, data=data, title=title, documents=documents,
                           source=source, finding=finding, size=size)

    @property
    def whole(self) -> pd.DataFrame:
        """The selected reports that are whole texts: the denominators of completeness, themes and
        density trends (a page opening lacks its later parts by construction)."""
        if "is_partial" not in self.docs:
            return self.docs
        return self.docs[~self.docs["is_partial"].fillna(False).astype(bool)]

    @property
    def partial_note(self) -> str:
        """"另有 N 份不完整文本未计入" (or "" when every report is whole)."""
        n = len(self.docs) - len(self.whole)
        return f"另有 {n} 份不完整文本（只有开头或被删节）未计入" if n else ""

    def save_table(self, table: pd.DataFrame, name: str, *, index: bool = False) -> Path:
        """Write ``table`` as ``tables/NAME.csv`` (UTF-8 with BOM, opens in Excel; cells that a
        spreadsheet would read as a formula are quoted). Returns the path."""
        from .workbook import spreadsheet_safe

        path = self.tables_dir / f"{name}.csv"
        # CRLF, as Excel writes: a cell holding a bare CR is then quoted, not a new row
        spreadsheet_safe(table).to_csv(path, index=index, encoding="utf-8-sig", lineterminator="\r\n")
        return path

    @property
    def summary(self) -> str:
        docs = self.docs
        from .across_years import count_towns

        n_towns = count_towns(docs)
        years = self.years
        span = "" if not years else (f"{years[0]}年" if len(years) == 1 else f"{years[0]}–{years[-1]}年")
        text = f"{len(docs)} 份报告，{n_towns} 个乡镇" + (f"，{span}" if span else "")
        if self.partial_note:
            text += f"；其中 {len(docs) - len(self.whole)} 份是不完整文本，不计入组成部分、问题主题、数据密度和各年份的比较"
        if len(self.left_out):
            kinds = "、".join(sorted({str(v) for v in self.left_out.get("level", [])})) or "其他层级"
            text += (f"；另有 {len(self.left_out)} 份非乡镇级报告（{kinds}）未纳入比较"
                     f"（LEVEL = \"{self.level}\"；设为 \"all\" 可纳入）")
        return text + "。"

    def __repr__(self) -> str:
        return self.summary

    def _repr_markdown_(self) -> str:
        return self.summary


def setup(
    data_dir: str | Path,
    out_dir: str | Path,
    *,
    years: Iterable[int] = (),
    towns: Iterable[str] = (),
    provinces: Iterable[str] = (),
    counties: Iterable[str] = (),
    level: Literal["township", "county", "all"] = "township",
    names: list[str] | None = None,
) -> NotebookSetup:
    """The opening of every notebook: apply the chart theme (Chinese font), read the build in
    ``data_dir``, keep the selected reports (:func:`select_tables`), label the documents, and
    create ``out_dir/figures`` and ``out_dir/tables``."""
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    from .plots import doc_label, set_theme

    set_theme()
    selection = {"years": years, "towns": towns, "provinces": provinces, "counties": counties}
    tables, left_out = select_and_left_out(_read(data_dir, names, **selection), level=level, **selection)
    docs = tables["documents"].assign(label=lambda d: doc_label(d))
    docs = docs.sort_values(["town", "year"], kind="stable").reset_index(drop=True)
    tables["documents"] = docs
    out = Path(out_dir)
    figures_dir, tables_dir = out / "figures", out / "tables"
    figures_dir.mkdir(parents=True, exist_ok=True)
    tables_dir.mkdir(parents=True, exist_ok=True)
    return NotebookSetup(
        tables=tables, docs=docs, out_dir=out, figures_dir=figures_dir, tables_dir=tables_dir,
        left_out=left_out, level=level,
        years=sorted(int(y) for y in docs["year"].dropna().unique()) if "year" in docs else [],
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
