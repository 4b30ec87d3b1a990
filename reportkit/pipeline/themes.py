"""Shortcoming themes over groups on disk, the fitted clusters kept between builds.

The clusters are fitted on a sample (`ThemeOptions.fit_items` items, the first in doc_id order)
and every other item is given the nearest cluster (reportkit.shortcomings). Here the sample is
found from two columns of every group's items, only the sampled items are read whole, and the
model (`ThemeModel`, as JSON + npz) and the fitted items' labels are kept in a folder:

    state.json        model id, the sample's digest, items at the fit, what the model depends on
    model.json, model.npz, fitted.parquet

A later build whose sample is the same uses the model as it is: its themes are those of a build
from scratch. When the sample changed (new reports among the first items in doc_id order), the
clusters are fitted again if asked (``refit``), if the corpus fits whole in the sample, or if it
has grown or shrunk by `ThemeOptions.refit_share` since the fit; otherwise the model is kept and
the new items get the nearest cluster. Each group's shortcomings part is written once per model
(``shortcomings-<model id>.parquet`` beside the group's other parts).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd

from ..config import ThemeOptions
from . import parts

log = logging.getLogger(__name__)

STATE_FORMAT = "1"


def _digest(*pieces: object) -> str:
    return hashlib.sha256(json.dumps(pieces, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def shortcoming_parts(folders: list[Path], options: ThemeOptions, state_dir: Path, *, refit: bool = False,
                      salt: str = "") -> list[Path]:
    """The shortcomings part (a parquet file with its CSV rows beside it) of each group of FOLDERS.

    STATE_DIR keeps the model between builds; SALT is what the items' tokens depend on (the
    terms stage's key), so that a model fitted on other tokens is never used.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from .. import resources
    from ..shortcomings import ADDED_COLUMNS

    # One type for every group (a group without items wrote its doc_id column as nulls).
    schema = pa.schema([("doc_id", pa.string()), ("item_no", pa.int64())])
    keys = [pq.read_table(f / "items.parquet", columns=["doc_id", "item_no"]).cast(schema) for f in folders]
    sizes = np.array([k.num_rows for k in keys], dtype=np.int64)
    n_items = int(sizes.sum())
    depends = _digest(STATE_FORMAT, asdict(options), resources.digest("themes.csv"), resources.digest("unshared_words.txt"),
                      salt)
    if n_items == 0:
        return [_part(f, "none", None, None) for f in folders]
    everything = pa.concat_tables(keys)
    del keys
    order = pc.sort_indices(everything, sort_keys=[("doc_id", "ascending"), ("item_no", "ascending")])
    fit_items = options.fit_items
    first = order.to_numpy()[: fit_items if fit_items is not None else n_items]
    sample_digest = hashlib.sha256()
    for column in ("doc_id", "item_no"):
        sample_digest.update(json.dumps(everything.column(column).take(pa.array(first)).to_pylist()).encode())
    sample_digest = sample_digest.hexdigest()
    del everything, order
    model_id = _digest(depends, sample_digest)[:16]

    parts.plain_folder(state_dir, "theme model")
    state = _read_state(state_dir)
    if state is not None and state["depends"] == depends and state["model_id"] == model_id:
        why = None  # the same sample: the same model
    elif state is not None and state["depends"] == depends and not refit and fit_items is not None \
            and n_items > fit_items and abs(n_items - state["n_items"]) < options.refit_share * state["n_items"]:
        why = None
        log.info("themes: clusters fitted on %d items kept (the corpus has %d; refit with refit_themes=True)",
                 state["n_items"], n_items)
        model_id = state["model_id"]
    else:
        why = "asked" if refit else "new sample"
    if why is None and all(_has_part(f, model_id) for f in folders):
        return [_part_path(f, model_id) for f in folders]  # every group's part is there: no model needed
    if why is None:
        loaded = _load_model(state_dir)
        if loaded is None:
            why = "model unreadable"
    if why is not None:
        positions = np.sort(first)
        model, fitted = _fit(folders, sizes, positions, options)
        _save_model(state_dir, model, fitted, {"model_id": model_id, "depends": depends, "n_items": n_items,
                                               "sample": sample_digest})
        log.info("themes: clusters fitted on %d items (%s)", len(positions), why)
    else:
        model, fitted = loaded
    fitted = fitted[["doc_id", "item_no", *ADDED_COLUMNS]]
    return [_part(f, model_id, model, fitted) for f in folders]


def _fit(folders: list[Path], sizes: np.ndarray, positions: np.ndarray, options: ThemeOptions):
    """Fit on the items at POSITIONS (of the groups' items in order), read group by group."""
    from ..shortcomings import _fit

    offsets = np.concatenate([[0], np.cumsum(sizes)])
    pieces = []
    for i, folder in enumerate(folders):
        lo, hi = np.searchsorted(positions, [offsets[i], offsets[i + 1]])
        if hi > lo:
            pieces.append(parts.read_items(folder).iloc[positions[lo:hi] - offsets[i]])
    sample = pd.concat(pieces, ignore_index=True)
    model, out = _fit(sample, options, tokenize=None, themes=None)
    return model, out.reset_index(drop=True)


def _part(folder: Path, model_id: str, model, fitted: pd.DataFrame | None) -> Path:
    """The shortcomings part of one group under MODEL_ID, written unless already there."""
    from ..shortcomings import assign_themes

    path = _part_path(folder, model_id)
    if _has_part(folder, model_id):
        return path
    items = parts.read_items(folder)
    if model is None or not len(items):
        table = items.drop(columns=["tokens"], errors="ignore").iloc[0:0]
    else:
        mine = items[["doc_id", "item_no"]].merge(fitted, on=["doc_id", "item_no"], how="left")
        known = mine["cluster"].notna().to_numpy()
        pieces = []
        if known.any():
            pieces.append(items.loc[known].drop(columns=["tokens"]).assign(
                **{c: mine.loc[known, c].to_numpy() for c in fitted.columns[2:]}))
        if (~known).any():
            pieces.append(assign_themes(items.loc[~known], model))
        table = pd.concat(pieces).sort_index(kind="stable")
        table["cluster"] = table["cluster"].astype("int64")
    parts.write_table_part(folder, "shortcomings", table, stem=path.stem)
    return path


def _part_path(folder: Path, model_id: str) -> Path:
    return folder / f"shortcomings-{model_id}.parquet"


def _has_part(folder: Path, model_id: str) -> bool:
    path = _part_path(folder, model_id)
    return path.exists() and path.with_suffix(".csv").exists()


def needs_model(folders: list[Path]) -> bool:
    """Some group of FOLDERS has no shortcomings part under any model: its items will be given
    themes (a cheap look at the folders, before the model is known)."""
    return any(not any(folder.glob("shortcomings-*.parquet")) for folder in folders)


# --------------------------------------------------------------------------- the state folder


def _read_state(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _load_model(folder: Path):
    from ..shortcomings import ThemeModel

    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        with np.load(folder / "model.npz", allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
        return ThemeModel.from_parts(meta, arrays), pd.read_parquet(folder / "fitted.parquet")
    except (OSError, ValueError, KeyError) as exc:
        log.warning("theme model in %s unreadable (%s); fitting again", folder, exc)
        return None


def _save_model(folder: Path, model, fitted: pd.DataFrame, state: dict) -> None:
    """The model, the fitted labels and the state, switched in whole (a new folder renamed)."""
    tmp = folder.with_name(f"{folder.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    meta, arrays = model.to_parts()
    (tmp / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    np.savez(tmp / "model.npz", **arrays)
    fitted.to_parquet(tmp / "fitted.parquet", index=False)
    (tmp / "state.json").write_text(json.dumps(state), encoding="utf-8")
    old = folder.with_name(f"{folder.name}.old{os.getpid()}")
    if folder.exists():
        os.replace(folder, old)
    os.replace(tmp, folder)
    shutil.rmtree(old, ignore_errors=True)
