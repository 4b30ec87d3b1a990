"""Tests for reportkit.reuse_index: the reuse index equals the computation from scratch, cold and
after any chain of additions, removals and changed metadata.

The corpus is synthetic (benchmarks/generate.py: seed skeletons, stock paragraphs, same-town
copies, bigram text); the reference is the pre-index algorithm (tests/reuse_reference.py).
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from reportkit.config import ReuseOptions
from reportkit.reuse import corpus_passages, fingerprints, reuse_tables
from reportkit.reuse_index import ReuseIndex

from .conftest import ROOT
from .reuse_reference import reference_reuse_tables

N = 90
# min_df fixed at 3 whatever the number of towns (so updates take the incremental path), and
# buckets of more than 4 passages from 3 towns big (so buckets become and stop being big).
TIGHT = ReuseOptions(boilerplate_share=0.0, max_bucket=4)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(documents, passages, fingerprints) of N synthetic reports."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    raw = generate.generate(N, tmp_path_factory.mktemp("synthetic"), years_per_town=3)
    rows = []
    for i, path in enumerate(sorted(raw.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0]
        town = title[: title.index("20")] if "20" in title else ""
        rows.append({"doc_id": f"{i:04d}{path.stem[-6:]}", "text": text, "town": town or None,
                     "county": None, "year": 2020 + i % 3})
    docs = pd.DataFrame(rows)
    pas = corpus_passages(docs)
    return docs, pas, fingerprints(pas)


def _chunks(pas: pd.DataFrame, fps: pd.DataFrame, ids) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    ids = set(ids)
    return [(pas[pas["doc_id"].isin(ids)], fps[fps["doc_id"].isin(ids)])]


def _tables(index: ReuseIndex) -> dict[str, pd.DataFrame]:
    boiler = index.boilerplate_rows().sort_values(["doc_id", "passage_no"], kind="stable").reset_index(drop=True)
    return {"reuse": index.reuse_table(), "originality": index.originality_table(), "boilerplate": boiler}


def _expected(docs, pas, fps, options) -> dict[str, pd.DataFrame]:
    ids = set(docs["doc_id"])
    tables = reference_reuse_tables(docs, options, passages_table=pas[pas["doc_id"].isin(ids)],
                                    fingerprints_table=fps[fps["doc_id"].isin(ids)])
    tables["boilerplate"] = tables["boilerplate"][["doc_id", "passage_no", "n_towns", "source"]]
    return tables


def _assert_same(got: dict, expected: dict) -> None:
    for name in ("reuse", "originality", "boilerplate"):
        pd.testing.assert_frame_equal(got[name].reset_index(drop=True), expected[name].reset_index(drop=True),
                                      check_dtype=False, obj=name)


@pytest.mark.parametrize("options", [ReuseOptions(), TIGHT], ids=["default", "tight"])
def test_reuse_tables__equal_the_reference_computation(corpus, options):
    docs, pas, fps = corpus
    got = reuse_tables(docs, options, passages_table=pas, fingerprints_table=fps)
    expected = reference_reuse_tables(docs, options, passages_table=pas, fingerprints_table=fps)
    for name in ("passages", "reuse", "boilerplate", "originality"):
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
    assert len(got["reuse"]) and len(got["boilerplate"])


@pytest.mark.parametrize("options", [ReuseOptions(), TIGHT], ids=["default", "tight"])
def test_index__in_small_slices_and_chunks_equals_the_reference(corpus, options, tmp_path, monkeypatch):
    """Bands counted a few entries at a time, pairs confirmed and rows read a few at a time (the
    bounds that keep a national corpus's memory flat): the same tables."""
    from reportkit import reuse_index

    monkeypatch.setattr(reuse_index, "_SLICE", 50)
    monkeypatch.setattr(reuse_index, "_PAIR_CHUNK", 37)
    monkeypatch.setattr(reuse_index, "_MAP_CHUNK", 3)
    monkeypatch.setattr(reuse_index, "_MAP_SPAN", 700)  # rows of sigs.bin 256 bytes: 1-3 a part
    monkeypatch.setattr(reuse_index, "_PART_PIDS", 97)  # candidate pairs spilled in many parts
    docs, pas, fps = corpus
    assert len(reuse_index._slices(np.sort(np.repeat(np.arange(40, dtype=np.uint64), 7)))) > 3
    assert len(pas) > 5 * 97
    ReuseIndex(tmp_path, options).update(docs, _chunks(pas, fps, docs["doc_id"]))
    assert not list(tmp_path.glob("*.tmp*"))  # the spilled keys and parts are gone
    _assert_same(_tables(ReuseIndex(tmp_path, options)), _expected(docs, pas, fps, options))


@pytest.mark.parametrize("options", [ReuseOptions(), TIGHT], ids=["default", "tight"])
def test_index__chain_of_updates_equals_a_cold_computation(corpus, options, tmp_path):
    docs, pas, fps = corpus
    docs = docs.copy()
    ids = docs["doc_id"].tolist()
    rng = np.random.default_rng(7)
    first, second, third = ids[:40], ids[40:70], ids[70:]
    ReuseIndex(tmp_path, options).update(docs[docs["doc_id"].isin(first)], _chunks(pas, fps, first))
    gone = list(rng.choice(first, 8, replace=False))
    ReuseIndex(tmp_path, options).update(docs[docs["doc_id"].isin(second)], _chunks(pas, fps, second), removed=gone)
    # Three reports change town (the manifest corrected them): taken out and put back.
    moved = ids[41:44]
    docs.loc[docs["doc_id"].isin(moved), "town"] = docs.loc[docs["doc_id"] == ids[0], "town"].item()
    back = gone[:3]
    again = third + back + moved
    index = ReuseIndex(tmp_path, options)
    index.update(docs[docs["doc_id"].isin(again)], _chunks(pas, fps, again))
    final = docs[~docs["doc_id"].isin(gone[3:])]
    got = _tables(ReuseIndex(tmp_path, options))
    _assert_same(got, _expected(final, pas, fps, options))


def test_index__adding_and_removing_one_report_at_a_time_equals_cold(corpus, tmp_path):
    docs, pas, fps = corpus
    ids = docs["doc_id"].tolist()
    index = ReuseIndex(tmp_path, TIGHT)
    index.update(docs[docs["doc_id"].isin(ids[:60])], _chunks(pas, fps, ids[:60]))
    deltas = []  # per step: only the entries added since the bands' base written (not the whole bands)
    for doc_id in ids[60:66]:
        index.update(docs[docs["doc_id"] == doc_id], _chunks(pas, fps, [doc_id]))
        deltas.append(index.band_base < index.generation)
    for doc_id in ids[10:13]:  # a removed report's entries stay in the base, left out by every lookup
        index.update(docs.iloc[:0], [], removed=[doc_id])
        deltas.append(index.band_base < index.generation)
    # Small steps against the base: written as deltas, until the changes since pass 1/8 of it.
    assert deltas[:7] == [True] * 7 and not deltas[-1], deltas
    final = docs[docs["doc_id"].isin(ids[:66]) & ~docs["doc_id"].isin(ids[10:13])]
    _assert_same(_tables(index), _expected(final, pas, fps, TIGHT))
    _assert_same(_tables(ReuseIndex(tmp_path, TIGHT)), _expected(final, pas, fps, TIGHT))  # as stored


def test_index__an_interrupted_update_leaves_the_previous_index(corpus, tmp_path):
    docs, pas, fps = corpus
    ids = docs["doc_id"].tolist()
    index = ReuseIndex(tmp_path, TIGHT)
    index.update(docs[docs["doc_id"].isin(ids[:50])], _chunks(pas, fps, ids[:50]))
    before = _tables(ReuseIndex(tmp_path, TIGHT))
    # What a killed update leaves: appended rows and the next generation's files, no new registry.
    with open(tmp_path / "sigs.bin", "ab") as handle:
        handle.write(b"\x01" * 1000)
    for name in ("band00k", "band00ak"):
        (tmp_path / f"{name}.{index.generation + 1}.npy").write_bytes(b"not a finished file")
    # ... and what it spilled (keys, candidate pairs), swept once its process is gone.
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    spilled = [tmp_path / f"candidates0000.tmp{int(ended.stdout)}", tmp_path / f"added00.tmp{int(ended.stdout)}"]
    running = tmp_path / f"added00.tmp{os.getppid()}"  # a process alive (this one's parent): kept
    for path in (*spilled, running):
        path.write_bytes(b"\0" * 64)
    _assert_same(_tables(ReuseIndex(tmp_path, TIGHT)), before)
    assert not any(p.exists() for p in spilled) and running.exists()
    running.unlink()
    again = ReuseIndex(tmp_path, TIGHT)
    again.update(docs[docs["doc_id"].isin(ids[50:60])], _chunks(pas, fps, ids[50:60]))
    _assert_same(_tables(again), _expected(docs[docs["doc_id"].isin(ids[:60])], pas, fps, TIGHT))


def test_index__other_options_start_a_new_index(corpus, tmp_path):
    docs, pas, fps = corpus
    ids = docs["doc_id"].tolist()[:20]
    ReuseIndex(tmp_path, TIGHT).update(docs[docs["doc_id"].isin(ids)], _chunks(pas, fps, ids))
    assert len(ReuseIndex(tmp_path, TIGHT).docs) == 20
    assert len(ReuseIndex(tmp_path, ReuseOptions()).docs) == 0


def test_index__passages_of_a_report_split_over_chunks_are_refused(corpus, tmp_path):
    docs, pas, fps = corpus
    one = pas[pas["doc_id"] == docs["doc_id"].iloc[0]]
    with pytest.raises(ValueError, match="must come together"):
        ReuseIndex(tmp_path).update(docs.iloc[:1], [(one.iloc[:2], fps), (one.iloc[2:], fps)])


def test_boilerplate_of_docs__the_rows_of_those_reports_sorted_and_named_by_numbers(corpus, tmp_path):
    """A group's boilerplate rows (asked in any order, with an unknown report among them) are the
    index's rows of those reports sorted by doc_id and passage_no, with doc_id and source as
    categoricals (what `pipeline.corpus` names and orders a group's part by)."""
    docs, pas, fps = corpus
    index = ReuseIndex(tmp_path, ReuseOptions())
    index.update(docs, _chunks(pas, fps, docs["doc_id"]))
    some = list(docs["doc_id"])[::2]
    got = index.boilerplate_of_docs([*some[::-1], "not-a-report"])
    assert isinstance(got["doc_id"].dtype, pd.CategoricalDtype) and isinstance(got["source"].dtype, pd.CategoricalDtype)
    want = index.boilerplate_rows()
    want = want[want["doc_id"].isin(some)].sort_values(["doc_id", "passage_no"], kind="stable").reset_index(drop=True)
    assert len(want)
    pd.testing.assert_frame_equal(got.astype({"doc_id": object, "source": object}), want, check_dtype=False)


def test_reuse_index__temporary_files_of_a_dead_process_are_swept_in_either_naming(tmp_path):
    """A killed update leaves NAME.tmpPID files, and files replaced whole (`pipeline.files.replace_file`)
    NAME.tmpPID-RANDOM: both are deleted when the index is next opened; a live process's are kept."""
    folder = tmp_path / "index"
    ReuseIndex(folder, ReuseOptions())
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = [folder / f"added03.tmp{dead}", folder / f"registry.json.tmp{dead}-0a1b2c3d"]
    mine = folder / f"registry.json.tmp{os.getpid()}-0a1b2c3d"
    for path in (*left, mine):
        path.write_bytes(b"x")
    ReuseIndex(folder, ReuseOptions())
    assert not any(path.exists() for path in left)
    assert mine.exists()
