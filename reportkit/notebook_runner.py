"""Execute the numbered notebooks, then write the deck, the workbook and the town profiles.

``python -m reportkit.notebooks --data data/processed --out data/outputs`` (this module's
:func:`main`) executes every numbered notebook (``00-overview.ipynb``, ``10-...``) with papermill,
passing ``DATA_DIR`` and ``OUT_DIR`` (and any ``-p NAME VALUE``) to the cell tagged
``parameters``. It writes

* the executed copies to ``OUT/notebooks/`` as ``.ipynb`` and ``.html``;
* the charts to ``OUT/figures/`` (each notebook's ``save_figure`` calls);
* ``OUT/briefing.pptx`` from the charts the deck spec (``notebooks/deck.csv``) chooses;
* ``OUT/tables.xlsx`` (every table of the build, one sheet each, plus 列说明);
* ``OUT/profiles/`` (one page per town, HTML and PNG).

It fails (exit status 1, naming the notebook) when a notebook raises or when an output contains
matplotlib's "Glyph ... missing from font" warning, i.e. a chart drew Chinese as empty boxes.

Which notebook made which chart: the kernel of notebook ``10-compare-towns.ipynb`` runs with
``REPORTKIT_NOTEBOOK=10-compare-towns.ipynb`` in its environment, and ``save_figure`` records it
in the chart's sidecar. Before a notebook runs, only the charts its previous run made are
deleted, so ``--only 50`` leaves the other notebooks' charts (and the deck keeps them), and a
chart saved by hand (no such record) is never deleted.

Kernels run with matplotlib's *inline* backend (headless, like Agg, and the executed copies
show every chart) over IPC sockets rather than TCP.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .export import NOTEBOOK_ENV

log = logging.getLogger(__name__)

#: Notebooks the runner executes: a number, a dash or underscore, a name (``10-compare-towns``).
NOTEBOOK_PATTERN = re.compile(r"^\d+[-_][^/]*\.ipynb$")
#: What matplotlib says when a font lacks a glyph (the chart shows an empty box instead).
GLYPH_WARNING = re.compile(r"Glyph \d+.*missing from (?:current )?font|missing from font", re.IGNORECASE)
#: Headless backend that still embeds each chart in the executed notebook.
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"
#: The deck spec the runner looks for beside the notebooks.
DECK_SPEC = "deck.csv"
#: Notebook parameters that select reports; the deck's methods slide uses the same selection.
SELECTION_PARAMETERS = {"YEARS": "years", "TOWNS": "towns", "PROVINCES": "provinces",
                        "COUNTIES": "counties", "LEVEL": "level"}


class NotebookError(RuntimeError):
    """A notebook failed to execute, or drew text with missing glyphs."""


@dataclass
class RunResult:
    """What :func:`run_notebooks` wrote."""

    executed: list[Path] = field(default_factory=list)
    html: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    deck: Path | None = None
    workbook: Path | None = None
    profiles: list[Path] = field(default_factory=list)


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
    ``parameters``. The charts this notebook saved on its previous run are deleted first
    (:func:`clear_figures`). Raises :class:`NotebookError` naming the notebook when it fails or
    when its outputs hold missing-glyph warnings. Returns the executed copy's path.
    """
    import nbformat
    import papermill

    path, out = Path(path), Path(out_dir).resolve()
    target = out / "notebooks" / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    clear_figures(out / "figures", notebook=path.name)
    params = {"DATA_DIR": str(Path(data_dir).resolve()), "OUT_DIR": str(out), **(parameters or {})}
    log.info("executing %s", path.name)
    try:
        with _kernel_env(MPLBACKEND=KERNEL_MPLBACKEND, PYTHONWARNINGS="default", **{NOTEBOOK_ENV: path.name}):
            papermill.execute_notebook(
                str(path), str(target), parameters=params, kernel_name=kernel_name,
                cwd=str(path.parent.resolve()), progress_bar=False, log_output=False,
                kernel_manager_class=_ipc_kernel_manager(),
            )
    except Exception as exc:  # papermill's PapermillExecutionError carries the cell's traceback
        raise NotebookError(f"notebook {path.name} failed: {exc}; executed copy in {target}") from exc
    executed = nbformat.read(target, as_version=4)
    if html:
        _write_html(executed, target.with_suffix(".html"), figures_dir=out / "figures")
    glyphs = glyph_warnings(executed)
    if glyphs:
        raise NotebookError(f"notebook {path.name} drew text without its glyphs (tofu): {glyphs[0]}")
    return target


def _ipc_kernel_manager():
    # built when needed, so that importing this module does not import jupyter_client
    import shutil
    import tempfile

    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        """A kernel on local IPC sockets in a private temporary folder: nothing listens on TCP
        (so the kernel does not warn that TCP traffic is unencrypted), and kernels started side
        by side never pick the same socket files."""

        def __init__(self, **kwargs):
            self._socket_dir = tempfile.mkdtemp(prefix="reportkit-kernel-")
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(Path(self._socket_dir) / "kernel"))
            super().__init__(**kwargs)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                shutil.rmtree(self._socket_dir, ignore_errors=True)

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts a kernel before asking it to shut down; after the last
            # cell there is nothing to interrupt, and a kernel caught mid-message logs
            # "KeyboardInterrupt caught in kernel" on the terminal
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return IPCKernelManager


_SAVED_NAME = re.compile(r"save_figure\(\s*[^,]+,\s*[fr]?[\"']([^\"']+)[\"']")
_GENERIC_ALT = 'alt="No description has been provided for this image"'


def _image_titles(notebook, figures_dir: Path) -> list[str]:
    """The title of each chart image of an executed notebook, in order: read from the sidecar of
    the chart its cell saves (screen readers then read it as the image's alternative text)."""
    titles = []
    for cell in notebook.get("cells", []):
        images = sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
        if not images:
            continue
        found = _SAVED_NAME.search(cell.get("source", ""))
        title = ""
        if found:
            from .export import slugify

            sidecar = figures_dir / f"{slugify(found.group(1))}.json"
            if sidecar.exists():
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                title = meta.get("finding") or meta.get("title") or ""
        titles += [title or "图表（chart）"] * images
    return titles


def _write_html(notebook, path: Path, *, figures_dir: Path | None = None) -> Path:
    import html as html_lib

    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    # nbconvert logs a warning for images without alt text and puts a generic one in; the
    # charts' titles are put in instead, below
    quiet = logging.getLogger(f"{__name__}.nbconvert")
    quiet.setLevel(logging.ERROR)
    exporter.log = quiet
    body, _ = exporter.from_notebook_node(notebook)
    for title in _image_titles(notebook, figures_dir) if figures_dir else []:
        body = body.replace(_GENERIC_ALT, f'alt="{html_lib.escape(title)}"', 1)
    path.write_text(body, encoding="utf-8")
    return path


def clear_figures(figures_dir: str | Path, *, notebook: str | None = None) -> int:
    """Delete the charts that the runner's previous execution of ``notebook`` saved in
    ``figures_dir`` (every notebook's when ``notebook`` is None), so that a deck never shows a
    chart a notebook no longer draws. Only files named by a sidecar that records a notebook are
    deleted: a chart saved by hand (no notebook recorded) is never. Returns the count."""
    from .export import SIDECAR_KIND

    removed = 0
    for sidecar in Path(figures_dir).glob("*.json"):
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict) or meta.get("kind") != SIDECAR_KIND or not meta.get("notebook"):
            continue
        if notebook is not None and meta["notebook"] != notebook:
            continue
        for name in [*meta.get("files", {}).values(), sidecar.name]:
            file = sidecar.parent / name
            if file.is_file():
                file.unlink()
                removed += 1
    return removed


def _selection(parameters: dict | None) -> dict:
    """The report selection (years, towns, ...) that notebook parameters ask for."""
    params = parameters or {}
    return {key: params[name] for name, key in SELECTION_PARAMETERS.items() if name in params}


def run_notebooks(
    notebooks_dir: str | Path,
    *,
    data_dir: str | Path,
    out_dir: str | Path,
    parameters: dict | None = None,
    only: Sequence[str] = (),
    deck: bool = True,
    deck_spec: str | Path | None = None,
    html: bool = True,
    workbook: bool = True,
    profiles: bool = True,
    jobs: int = 1,
) -> RunResult:
    """Execute every numbered notebook, then write the deck, the workbook and the town profiles.

    ``only`` restricts the run to notebooks whose names start with one of its strings (e.g.
    ``["30"]``); the charts of the other notebooks stay and the deck still shows them. The deck
    follows ``deck_spec`` (default ``deck.csv`` beside the notebooks, if there is one; see
    :mod:`reportkit.deck`). With ``jobs > 1`` notebooks run side by side in worker processes
    (they only read the build and write files of their own number); the first failure, in
    notebook order, is raised.
    """
    from .deck import build_deck
    from .notebooks import _read, select_and_left_out

    out = Path(out_dir)
    figures_dir = out / "figures"
    paths = numbered_notebooks(notebooks_dir)
    if only:
        paths = [p for p in paths if any(p.name.startswith(o) for o in only)]
    if not paths:
        raise NotebookError(f"no numbered notebooks (e.g. 00-overview.ipynb) in {notebooks_dir}")
    if not (Path(data_dir) / "documents.parquet").exists():
        raise FileNotFoundError(f"no build in {data_dir}; run `reportkit build data/raw --out {data_dir}` first")
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
    tables, left_out = {}, None
    if deck or workbook or profiles:
        selection = _selection(parameters)
        chosen = {k: v for k, v in selection.items() if k != "level"}
        tables, left_out = select_and_left_out(_read(data_dir, None, **chosen), **selection)
    if deck:
        if not list(figures_dir.glob("*.json")):
            raise NotebookError(f"the notebooks saved no figure in {figures_dir}; nothing to put in a deck")
        spec = Path(deck_spec) if deck_spec else Path(notebooks_dir) / DECK_SPEC
        result.deck = build_deck(figures_dir, out / "briefing.pptx", documents=tables["documents"],
                                 spec=spec if deck_spec or spec.exists() else None,
                                 build_log=tables.get("build_log"), left_out=left_out)
    if workbook:
        from .workbook import write_workbook

        result.workbook = write_workbook(tables, out / "tables.xlsx")
    if profiles:
        from .profiles import write_profiles

        result.profiles = write_profiles(tables, out / "profiles")
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
        description="Execute the numbered notebooks with papermill; write executed copies, figures, a deck, "
                    "a workbook of the tables and a profile per town.",
    )
    parser.add_argument("--data", type=Path, default=Path("data/processed"), help="build folder (default data/processed)")
    parser.add_argument("--out", type=Path, default=Path("data/outputs"), help="output folder (default data/outputs)")
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"), help="notebook folder (default notebooks)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help='extra notebook parameter, e.g. -p YEARS "[2023, 2024]" or -p KWIC_TERMS \'["法律顾问"]\'')
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="run only notebooks whose name starts with PREFIX (repeatable); other charts are kept")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks executed at once (default 1)")
    parser.add_argument("--deck-spec", type=Path, default=None,
                        help=f"the deck's slides (default NOTEBOOKS/{DECK_SPEC} when present)")
    parser.add_argument("--no-deck", action="store_true", help="do not build briefing.pptx")
    parser.add_argument("--no-html", action="store_true", help="do not write HTML copies")
    parser.add_argument("--no-workbook", action="store_true", help="do not write tables.xlsx")
    parser.add_argument("--no-profiles", action="store_true", help="do not write the town profiles")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("papermill", "traitlets", "nbconvert"):  # per-cell chatter; failures still raise
        logging.getLogger(noisy).setLevel(logging.WARNING)
    params = {name: _parse_value(value) for name, value in args.parameter}
    try:
        result = run_notebooks(args.notebooks, data_dir=args.data, out_dir=args.out, parameters=params,
                               only=args.only, deck=not args.no_deck, deck_spec=args.deck_spec,
                               html=not args.no_html, workbook=not args.no_workbook,
                               profiles=not args.no_profiles, jobs=args.jobs)
    except (NotebookError, FileNotFoundError, ValueError) as exc:
        print(f"reportkit notebooks: {exc}", file=sys.stderr)
        return 1
    print(f"reportkit notebooks: {len(result.executed)} notebook(s) executed, {len(result.figures)} figure(s)"
          + (f", deck {result.deck}" if result.deck else "")
          + (f", workbook {result.workbook}" if result.workbook else "")
          + (f", {len(result.profiles)} town profile(s)" if result.profiles else "") + f" → {args.out}")
    return 0
