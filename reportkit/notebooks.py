"""Run the numbered analysis notebooks, and the few helpers those notebooks share.

The notebooks in ``notebooks/`` are thin: they load a build, call ``reportkit`` and save
charts. What more than one of them needs lives here:

* :func:`load_tables` reads a build (``reportkit.store.read_tables``) and keeps only the reports of
  the chosen ``years`` and ``towns`` (:func:`select_tables`; empty = all);
* :func:`with_category_labels` puts the Chinese label of each indicator category on the table;
* :func:`small_groups_caveat` writes, from the data, the warning that a comparison rests on
  too few reports ("each year has only one report: differences between years are also
  differences between towns").

The runner (``python -m reportkit.notebooks --data data/processed --out data/outputs``)
executes every numbered notebook (``00-overview.ipynb``, ``10-...``) in order with papermill,
passing ``DATA_DIR`` and ``OUT_DIR`` (and any ``-p NAME VALUE``) to the cell tagged
``parameters``. It writes the executed copies to ``OUT/notebooks/`` as ``.ipynb`` and
``.html``, the figures to ``OUT/figures/`` and a deck ``OUT/briefing.pptx``. It fails (exit
status 1, naming the notebook) when a notebook raises or when an output contains matplotlib's
"Glyph ... missing from font" warning, i.e. a chart drew Chinese as empty boxes.

Kernels run with matplotlib's *inline* backend (headless, like Agg, but the executed copies
then show every chart). Importing this module is cheap: papermill, nbconvert and pandas are
imported when used.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

log = logging.getLogger(__name__)

#: Notebooks the runner executes: a number, a dash or underscore, a name (``10-compare-towns``).
NOTEBOOK_PATTERN = re.compile(r"^\d+[-_][^/]*\.ipynb$")
#: What matplotlib says when a font lacks a glyph (the chart shows an empty box instead).
GLYPH_WARNING = re.compile(r"Glyph \d+.*missing from (?:current )?font|missing from font", re.IGNORECASE)
#: Headless backend that still embeds each chart in the executed notebook.
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"
#: Label of indicators without a category.
UNCATEGORISED = "未分类"


# --------------------------------------------------------------------------- helpers for notebooks


def select_tables(
    tables: dict[str, pd.DataFrame], *, years: Iterable[int] = (), towns: Iterable[str] = ()
) -> dict[str, pd.DataFrame]:
    """Keep the reports of ``years`` and ``towns`` (empty = all) in every table of a build.

    Tables with ``doc_id`` keep the rows of the selected reports; ``reuse`` keeps pairs whose two
    reports are both selected; tables without a report key (``build_log``) are kept whole.
    Raises ``ValueError`` naming the years or towns present when a requested one is not.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "town": ["大年乡", "里心镇"], "year": [2024, 2023]})
    >>> select_tables({"documents": docs}, towns=["里心镇"])["documents"]["doc_id"].tolist()
    ['b']
    """
    if "documents" not in tables:
        raise ValueError(f"no documents table among {sorted(tables)}; is this a reportkit build folder?")
    docs = tables["documents"]
    years, towns = [int(y) for y in years or ()], [str(t) for t in towns or ()]
    keep = docs["doc_id"].notna()
    if years:
        present = sorted({int(y) for y in docs["year"].dropna()})
        missing = [y for y in years if y not in present]
        if missing:
            raise ValueError(f"year(s) {missing} not in data; years present: {present or 'none'}")
        keep &= docs["year"].isin(years).fillna(False).astype(bool)
    if towns:
        present = sorted({str(t) for t in docs["town"].dropna()})
        missing = [t for t in towns if t not in present]
        if missing:
            raise ValueError(
                f"town(s) {'、'.join(missing)} not in data; towns present: {'、'.join(present) or 'none'}"
            )
        keep &= docs["town"].isin(towns).fillna(False).astype(bool)
    ids = set(docs.loc[keep, "doc_id"])
    out = {}
    for name, table in tables.items():
        if "doc_id" in table.columns:
            table = table[table["doc_id"].isin(ids)]
        elif {"doc_a", "doc_b"} <= set(table.columns):
            table = table[table["doc_a"].isin(ids) & table["doc_b"].isin(ids)]
        out[name] = table.reset_index(drop=True)
    return out


def load_tables(
    data_dir: str | Path, *, years: Iterable[int] = (), towns: Iterable[str] = (), names: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """Read a build folder and keep the reports of ``years`` and ``towns`` (:func:`select_tables`).

    ``names`` limits the tables read (``documents`` is always read, it defines the selection).
    """
    from .store import read_tables

    wanted = None if names is None else sorted(set(names) | {"documents"})
    tables = read_tables(Path(data_dir), wanted)
    if "documents" not in tables:
        raise FileNotFoundError(f"no documents table in {data_dir}; run `reportkit build` first")
    return select_tables(tables, years=years, towns=towns)


def with_category_labels(indicators: pd.DataFrame) -> pd.DataFrame:
    """``indicators`` with ``category`` in Chinese (``label_zh`` of the category list) and the
    code kept in ``category_code``; indicators without a category get "未分类".

    Codes missing from ``resources/indicator_categories.csv`` keep their code as label.
    """
    from .indicators import load_categories

    labels = dict(zip(load_categories()["category"], load_categories()["label_zh"]))
    out = indicators.copy()
    code = out["category"].astype("object").where(out["category"].notna(), "")
    out["category_code"] = code
    out["category"] = [labels.get(c) or (c if str(c).strip() else UNCATEGORISED) for c in code]
    return out


def small_groups_caveat(
    documents: pd.DataFrame, *, by: str = "year", min_reports: int = 3, what: str | None = None
) -> str:
    """A plain-language warning when some ``by`` group (year, town, ...) has fewer than
    ``min_reports`` reports, or ``""`` when none does. Built from the data, never hard-coded.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": list("abc"), "town": list("xyz"), "year": [2021, 2022, 2022]})
    >>> small_groups_caveat(docs, by="year")
    '注意：2021年只有 1 份报告、2022年只有 2 份报告（少于 3 份）。这些年份之间的差异同时也是不同乡镇之间的差异，不能当作趋势来读。'
    """
    if by not in documents.columns:
        raise ValueError(f"documents have no column {by!r}; columns: {', '.join(map(str, documents.columns))}")
    counts = documents.dropna(subset=[by]).drop_duplicates("doc_id").groupby(by)["doc_id"].nunique().sort_index()
    small = counts[counts < min_reports]
    if small.empty:
        return ""
    unit = "年" if by == "year" else ""
    if len(small) == len(counts) and small.nunique() == 1:  # every group equally small: say it once
        noun = {"year": "年份", "town": "乡镇", "county": "县（区）", "province": "省份"}.get(by, "组")
        parts = f"每个{noun}都只有 {int(small.iloc[0])} 份报告"
    else:
        parts = "、".join(f"{_fmt(k)}{unit}只有 {n} 份报告" for k, n in small.items())
    if what is None:
        if by == "year":
            towns = documents["town"].nunique() if "town" in documents else 0
            what = ("这些年份之间的差异同时也是不同乡镇之间的差异，不能当作趋势来读。" if towns > 1
                    else "一两份报告的变化可能只是写法的变化，不能当作趋势来读。")
        else:
            what = "这些组之间的差异可能只是个别报告的写法不同，不能推及其他乡镇。"
    return f"注意：{parts}（少于 {min_reports} 份）。{what}"


def _fmt(value) -> str:
    try:
        return str(int(value)) if float(value).is_integer() else str(value)
    except (TypeError, ValueError):
        return str(value)


# --------------------------------------------------------------------------- runner


class NotebookError(RuntimeError):
    """A notebook failed to execute, or drew text with missing glyphs."""


@dataclass
class RunResult:
    """What :func:`run_notebooks` wrote."""

    executed: list[Path] = field(default_factory=list)
    html: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    deck: Path | None = None


def numbered_notebooks(folder: str | Path) -> list[Path]:
    """The numbered notebooks of ``folder`` (``00-overview.ipynb``, ...), in number order."""
    found = [p for p in Path(folder).glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name)]
    return sorted(found, key=lambda p: (int(re.match(r"\d+", p.name).group()), p.name))


def glyph_warnings(notebook) -> list[str]:
    """Lines of an executed notebook's outputs that report glyphs missing from a font."""
    found = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            texts = [output.get("text", "")] + [output.get("evalue", "")]
            texts += [v for k, v in output.get("data", {}).items() if k.startswith("text/")]
            for text in texts:
                text = "".join(text) if isinstance(text, list) else str(text or "")
                found += [line.strip() for line in text.splitlines() if GLYPH_WARNING.search(line)]
    return found


@contextlib.contextmanager
def _kernel_env(**values: str):
    """Environment variables the kernels inherit, restored afterwards."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_notebook(
    path: str | Path,
    *,
    data_dir: str | Path,
    out_dir: str | Path,
    parameters: dict | None = None,
    kernel_name: str = "python3",
    html: bool = True,
) -> Path:
    """Execute one notebook with papermill; write ``OUT/notebooks/<name>.ipynb`` (and ``.html``).

    ``DATA_DIR`` and ``OUT_DIR`` (absolute) are injected after the ``parameters`` cell, with
    ``parameters``. Raises :class:`NotebookError` naming the notebook when it fails or when its
    outputs hold missing-glyph warnings. Returns the executed copy's path.
    """
    import nbformat
    import papermill

    path, out = Path(path), Path(out_dir).resolve()
    target = out / "notebooks" / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    params = {"DATA_DIR": str(Path(data_dir).resolve()), "OUT_DIR": str(out), **(parameters or {})}
    log.info("executing %s", path.name)
    try:
        with _kernel_env(MPLBACKEND=KERNEL_MPLBACKEND, PYTHONWARNINGS="default"):
            papermill.execute_notebook(
                str(path), str(target), parameters=params, kernel_name=kernel_name,
                cwd=str(path.parent.resolve()), progress_bar=False, log_output=False,
            )
    except Exception as exc:  # papermill's PapermillExecutionError carries the cell's traceback
        raise NotebookError(f"notebook {path.name} failed: {exc}; executed copy in {target}") from exc
    executed = nbformat.read(target, as_version=4)
    if html:
        _write_html(executed, target.with_suffix(".html"))
    glyphs = glyph_warnings(executed)
    if glyphs:
        raise NotebookError(f"notebook {path.name} drew text without its glyphs (tofu): {glyphs[0]}")
    return target


def _write_html(notebook, path: Path) -> Path:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(notebook)
    path.write_text(body, encoding="utf-8")
    return path


def clear_figures(figures_dir: str | Path) -> int:
    """Delete the files of earlier ``save_figure`` calls in ``figures_dir`` (only those its JSON
    sidecars name), so that a deck never shows a chart from another run. Returns the count."""
    from .export import SIDECAR_KIND

    removed = 0
    for sidecar in Path(figures_dir).glob("*.json"):
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict) or meta.get("kind") != SIDECAR_KIND:
            continue
        for name in [*meta.get("files", {}).values(), sidecar.name]:
            file = sidecar.parent / name
            if file.is_file():
                file.unlink()
                removed += 1
    return removed


def run_notebooks(
    notebooks_dir: str | Path,
    *,
    data_dir: str | Path,
    out_dir: str | Path,
    parameters: dict | None = None,
    only: Sequence[str] = (),
    deck: bool = True,
    html: bool = True,
    jobs: int = 1,
) -> RunResult:
    """Execute every numbered notebook, then build ``OUT/briefing.pptx`` from the figures.

    ``only`` restricts the run to notebooks whose names start with one of its strings (e.g.
    ``["30"]``). Figures of a previous run in ``OUT/figures`` are removed first. With
    ``jobs > 1`` notebooks run side by side in worker processes (they only read the build and
    write files of their own number); the first failure, in notebook order, is raised.
    """
    from .export import build_deck
    from .store import read_tables

    out = Path(out_dir)
    figures_dir = out / "figures"
    paths = numbered_notebooks(notebooks_dir)
    if only:
        paths = [p for p in paths if any(p.name.startswith(o) for o in only)]
    if not paths:
        raise NotebookError(f"no numbered notebooks (e.g. 00-overview.ipynb) in {notebooks_dir}")
    if not (Path(data_dir) / "documents.parquet").exists():
        raise FileNotFoundError(f"no build in {data_dir}; run `reportkit build data/raw --out {data_dir}` first")
    clear_figures(figures_dir)
    result = RunResult()
    options = {"data_dir": data_dir, "out_dir": out, "parameters": parameters, "html": html}
    if jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
            futures = [pool.submit(run_notebook, path, **options) for path in paths]
            executed = [f.result() for f in futures]  # in notebook order: the first failure wins
    else:
        executed = [run_notebook(path, **options) for path in paths]
    result.executed = executed
    if html:
        result.html = [p.with_suffix(".html") for p in executed]
    result.figures = sorted(p for p in figures_dir.glob("*.png") if not p.name.endswith(".body.png"))
    if deck:
        if not list(figures_dir.glob("*.json")):
            raise NotebookError(f"the notebooks saved no figure in {figures_dir}; nothing to put in a deck")
        documents = read_tables(Path(data_dir), ["documents"])["documents"]
        result.deck = build_deck(figures_dir, out / "briefing.pptx", documents=documents)
    return result


def _parse_value(text: str):
    """``-p`` values: JSON when they parse ("[2023]", "3", "true"), else the plain string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportkit.notebooks",
        description="Execute the numbered notebooks with papermill; write executed copies, figures and a deck.",
    )
    parser.add_argument("--data", type=Path, default=Path("data/processed"), help="build folder (default data/processed)")
    parser.add_argument("--out", type=Path, default=Path("data/outputs"), help="output folder (default data/outputs)")
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"), help="notebook folder (default notebooks)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help='extra notebook parameter, e.g. -p YEARS "[2023, 2024]" or -p KWIC_PHRASE 法律顾问')
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="run only notebooks whose name starts with PREFIX (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks executed at once (default 1)")
    parser.add_argument("--no-deck", action="store_true", help="do not build briefing.pptx")
    parser.add_argument("--no-html", action="store_true", help="do not write HTML copies")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("papermill", "traitlets", "nbconvert"):  # per-cell chatter; failures still raise
        logging.getLogger(noisy).setLevel(logging.WARNING)
    params = {name: _parse_value(value) for name, value in args.parameter}
    try:
        result = run_notebooks(args.notebooks, data_dir=args.data, out_dir=args.out, parameters=params,
                               only=args.only, deck=not args.no_deck, html=not args.no_html, jobs=args.jobs)
    except (NotebookError, FileNotFoundError, ValueError) as exc:
        print(f"reportkit notebooks: {exc}", file=sys.stderr)
        return 1
    print(f"reportkit notebooks: {len(result.executed)} notebook(s) executed, {len(result.figures)} figure(s)"
          + (f", deck {result.deck}" if result.deck else "") + f" → {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
