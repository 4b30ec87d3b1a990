"""The corpus-wide reuse step kept between builds: updated with the passages of the reports
added and removed, not recomputed.

`reportkit.reuse` explains what is computed (passages, MinHash signatures, LSH buckets,
confirmed pairs, boilerplate, originality). `ReuseIndex` keeps in a folder what that needs
to be brought up to date, and gives exactly the tables a computation from scratch gives:

    registry.json            format, options, the minimum towns of boilerplate, passage count, generation
    docs.<g>.parquet         per report: doc_id, town, county, year, its passage ids (first, count)
    pids.<g>.npz             per passage id: report, passage_no, length, comparison-form hash,
                             list boilerplate, in a big bucket, towns of its big buckets, towns confirmed
    sigs.bin, masked.bin, masked_end.bin   per passage id, append-only: signature, comparison form
    band<j>k.<b>.npy, band<j>p.<b>.npy   per LSH band: the band keys of the passages at the last
                             compaction (generation <b>), sorted, and their ids; memory-mapped when
                             read (an update looks up a few buckets)
    band<j>ak.<g>.npy, band<j>ap.<g>.npy the entries added since <b>, sorted (small: compacted again
                             when the passages added and removed since <b> pass 1/8 of <b>'s)
    pairs.<g>.npz            confirmed pairs (similarity ≥ threshold; boilerplate included)

(<g> is the generation: an update writes the next one and switches `registry.json` last, so an
interrupted update leaves the previous index whole.) Passage ids are handed out in the order
passages arrive and never reused; removed reports' ids stay dead until the index is rebuilt
(`dead_share`). No table depends on them: rows are sorted by doc_id and passage_no.

How an update stays exact (the tables equal those of a computation from scratch):

1. In each band the added passages' keys are inserted and the removed ones' taken out; the
   buckets holding one of those keys are *touched*. Only a touched bucket can change its size,
   reports and towns, so only it can become big (or stop being big) or change its towns.
2. A passage's "in a big bucket" and "towns of its big buckets" change only if one of its
   buckets changed so: they are recomputed, from all its bands, for the members of those buckets.
3. A pair is a candidate when the two passages share a bucket that is not big, come from
   different reports and neither is in a big bucket. That can change only for pairs with a
   passage added or one whose big-bucket flag changed (set E; the members of a bucket that
   became big or stopped being big are in a big bucket on one side, so they are in E or had no
   pair either way): every candidate pair with a passage in E is enumerated again from its
   buckets; every other stored pair stands. A pair's similarity depends on its two comparison
   forms only, so a pair already confirmed is never compared again.
4. "Towns confirmed" (its own and its confirmed partners') is recounted for the passages whose
   pairs changed; boilerplate flags, reuse, originality follow from the per-passage arrays.

When the number of towns changes the minimum towns of boilerplate (below ~170 towns), every
passage is recomputed this way from the stored arrays (no passage is read again).

Memory: the per-passage arrays (~30 bytes a passage) and the pairs stay in memory; bands are
mapped one at a time (an update's lookups read only the pages of the buckets they touch);
signatures and comparison forms are read for the passages an update needs.
Nothing else is held per passage or per pair of the whole corpus: changed buckets' members are
marked in one flag a passage, and a cold pass spills its candidate pairs to disk in parts by
passage range (`_PART_PIDS`), each made distinct and confirmed alone.
"""
from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd

from . import resources, schema
from .config import ReuseOptions
from .pipeline.files import replace_file
from .pipeline.runner import InOrderThread
from .reuse import (
    ESTIMATE_MARGIN,
    _confirm_forms,
    _count_distinct,
    _pairs_within,
    _ranges,
    _same_town,
    _town_keys,
    _unique,
    band_keys,
    lsh_bands,
    min_docs_for_boilerplate,
)
from .reuse_passages import boilerplate_coverage, form_hashes

log = logging.getLogger(__name__)

#: Bump when the files or what they mean change: an index of another format is rebuilt.
FORMAT = "3"
_CHUNK = 1 << 16  # passages per chunk when signatures or band keys of many passages are needed
_PAIR_CHUNK = 1 << 16  # candidate pairs confirmed at a time (their signatures and forms are read)
_SLICE = 1 << 19  # band entries whose buckets are counted at a time when every bucket is
_PART_PIDS = 1 << 19  # passage ids per part of the candidate pairs when every pair is sought
_MAP_CHUNK = 1 << 12  # rows read through a mapping before its pages are dropped
_MAP_SPAN = 1 << 24  # and at most this many bytes of the file apart (see `_map_parts`)
_ESTIMATE_PAIRS = 1 << 14  # pairs whose signatures are compared at a time
_REBASE = 8  # the bands' base is made again when the passages added and removed since pass 1/8 of it

_PID_ARRAYS = {"doc": np.int32, "passage_no": np.int32, "length": np.int32, "form": np.uint64, "by_list": bool,
               "nonempty": bool, "by_bucket": bool, "bucket_towns": np.int32, "confirmed": np.int32}


def index_key(options: ReuseOptions, salt: str = "") -> str:
    """What an index's contents depend on besides the passages: a different key, a new index. SALT:
    what the passages themselves were made with (the build's key of its per-report reuse stage, which
    covers the code and the resources that shape them: a unit added to indicator_units.csv masks
    its counts too), since the index keeps a report's passages until the report changes."""
    text = json.dumps({"format": FORMAT, "options": asdict(options), "passages": salt,
                       "boilerplate": resources.digest("boilerplate.txt")}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class ReuseIndex:
    """The reuse state of a corpus in FOLDER (see the module docstring); `update` brings it to a
    new set of reports, the other methods give the tables."""

    def __init__(self, folder: Path, options: ReuseOptions | None = None, *, salt: str = "") -> None:
        self.folder = Path(folder)
        self.options = options or ReuseOptions()
        self.key = index_key(self.options, salt)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sweep()
        registry = self._read_registry()
        if registry is None or registry.get("key") != self.key:
            if registry is not None:
                log.info("reuse index %s was made with other options; starting a new one", self.folder)
            self._reset()
            registry = self._read_registry()
        # The band shape is kept with the index: finding it imports datasketch (~0.4 s a build).
        shape = registry.get("bands")
        if not (isinstance(shape, list) and len(shape) == 2 and all(isinstance(v, int) and v > 0 for v in shape)):
            shape = list(lsh_bands(self.options.num_perm, self.options.lsh_threshold))
        self.bands, self.rows = shape
        self.generation = registry["generation"]
        self.n_pids = registry["n_pids"]
        self.min_df = registry["min_df"]
        self.masked_bytes = registry["masked_bytes"]
        # The bands' base: the generation of the last compaction, its entries a band, and the
        # passages added or removed since (what an update writes is the entries added since).
        self.band_base = registry.get("band_base", 0)
        self.band_base_n = registry.get("band_base_n", 0)
        self.since_base = registry.get("since_base", 0)
        self._truncate_blobs()
        self.docs = pd.read_parquet(self._path("docs")) if self.generation else _empty_docs()
        if self.generation:
            with np.load(self._path("pids", ".npz"), allow_pickle=False) as stored:
                self.pid = {name: stored[name] for name in _PID_ARRAYS}
            with np.load(self._path("pairs", ".npz"), allow_pickle=False) as stored:
                self.pairs = {name: stored[name] for name in ("a", "b", "sim")}
        else:
            self.pid = {name: np.zeros(0, dtype=dtype) for name, dtype in _PID_ARRAYS.items()}
            self.pairs = {"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64), "sim": np.zeros(0)}

    # ------------------------------------------------------------------ files

    def _path(self, name: str, suffix: str = ".parquet", generation: int | None = None) -> Path:
        g = self.generation if generation is None else generation
        return self.folder / f"{name}.{g}{suffix}"

    def _sweep(self) -> None:
        """Delete the temporary files (spilled keys, candidate parts: up to GBs at national scale)
        that a killed update left; those of a process still running are its own."""
        from .store import process_running

        for path in self.folder.glob("*.tmp*"):
            pid = path.name.rpartition(".tmp")[2].partition("-")[0]  # NAME.tmpPID, or NAME.tmpPID-RANDOM (`replace_file`)
            if pid.isdigit() and int(pid) != os.getpid() and not process_running(int(pid)):
                path.unlink(missing_ok=True)

    def _read_registry(self) -> dict | None:
        path = self.folder / "registry.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _reset(self) -> None:
        for path in self.folder.iterdir():
            if path.is_file():
                path.unlink()
        self._write_registry({"key": self.key, "generation": 0, "n_pids": 0, "min_df": 0, "masked_bytes": 0})

    def _write_registry(self, registry: dict) -> None:
        if hasattr(self, "bands"):
            registry = dict(registry, bands=[self.bands, self.rows])
        text = json.dumps(registry).encode("utf-8")
        replace_file(self.folder / "registry.json", lambda handle: handle.write(text))

    def _truncate_blobs(self) -> None:
        """Cut what an interrupted update appended after the last registry (it is not part of the index)."""
        sizes = {"sigs.bin": self.n_pids * self.options.num_perm * 4, "masked_end.bin": self.n_pids * 8,
                 "masked.bin": self.masked_bytes}
        for name, size in sizes.items():
            path = self.folder / name
            if path.exists() and path.stat().st_size != size:
                os.truncate(path, size)
            elif not path.exists():
                path.touch()

    def _rows(self, name: str, pids: np.ndarray) -> np.ndarray:
        """Rows PIDS of an append-only per-passage file, read through a mapping that is dropped after."""
        width, dtype = (self.options.num_perm, np.uint32) if name == "sigs.bin" else (1, np.int64)
        out = np.empty((len(pids), width), dtype=dtype)
        if not len(pids) or not self.n_pids:
            return out
        order = _id_order(pids)
        with open(self.folder / name, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            table = np.frombuffer(mm, dtype=dtype, count=self.n_pids * width).reshape(self.n_pids, width)
            for part in _map_parts(pids[order].astype(np.int64) * (width * np.dtype(dtype).itemsize)):
                at = order[part]
                out[at] = table[pids[at]]
                mm.madvise(mmap.MADV_DONTNEED)  # the pages read stay out of this process's memory
            del table
        return out

    def _masked(self, pids: np.ndarray) -> list[str]:
        """Comparison forms of PIDS."""
        if not len(pids):
            return []
        end = self._rows("masked_end.bin", pids)[:, 0]
        start = np.where(pids > 0, self._rows("masked_end.bin", np.maximum(pids - 1, 0))[:, 0], 0)
        order = _id_order(pids)
        out: list[str] = [""] * len(pids)
        with open(self.folder / "masked.bin", "rb") as handle, mmap.mmap(handle.fileno(), 0,
                                                                          access=mmap.ACCESS_READ) as mm:
            for part in _map_parts(start[order]):
                at = order[part]
                for i, s, e in zip(at.tolist(), start[at].tolist(), end[at].tolist()):
                    out[i] = mm[s:e].decode("utf-8")
                mm.madvise(mmap.MADV_DONTNEED)  # as in `_rows`
        return out

    def _band(self, j: int) -> _Band:
        """Band J: its base mapped read-only (only the pages used are read), the entries added since."""
        if self.generation == 0:
            return _Band.empty()
        base = [np.load(path, mmap_mode="r", allow_pickle=False) for path in self._band_paths(j, self.band_base)]
        added = [np.load(path, allow_pickle=False) for path in self._band_paths(j, self.generation, added=True)]
        return _Band(*base, *added)

    def _band_paths(self, j: int, generation: int, *, added: bool = False) -> tuple[Path, Path]:
        kind = "a" if added else ""
        return (self._path(f"band{j:02d}{kind}k", ".npy", generation),
                self._path(f"band{j:02d}{kind}p", ".npy", generation))

    # ------------------------------------------------------------------ what the index holds

    @property
    def dead_share(self) -> float:
        """Share of passage ids whose report was removed (rebuild the index when it is large)."""
        return float((self.pid["doc"] < 0).mean()) if self.n_pids else 0.0

    def doc_ids(self) -> set[str]:
        return set(self.docs["doc_id"])

    # ------------------------------------------------------------------ update

    def update(self, documents: pd.DataFrame, passages: Iterable[tuple[pd.DataFrame, pd.DataFrame]] | None = None,
               *, removed: Iterable[str] = (), release: Callable[[], None] | None = None) -> dict[str, float]:
        """Bring the index to a corpus: DOCUMENTS (doc_id, town, county, year) are the reports to add,
        PASSAGES their passages and fingerprints (`reuse.passages`, with ``coverage`` and ``form``
        when the build has them, and `reuse.fingerprints`), in chunks of whole reports; REMOVED the
        doc_ids to take out. A report given again (its town or year changed) is replaced. RELEASE
        is called after each step (a build gives the memory the step freed back to the system).

        Returns seconds per step (for the build's timings)."""
        clock = _Clock(release)
        docs_old = self.docs
        removed = set(removed)
        documents = documents.drop_duplicates("doc_id")
        keep = ~docs_old["doc_id"].isin(removed | set(documents["doc_id"]))
        dead_docs = docs_old[~keep]
        docs_new = pd.concat([docs_old[keep], _as_docs(documents)], ignore_index=True)
        docs_new["first"] = docs_new["first"].astype(np.int64)
        docs_new["count"] = docs_new["count"].astype(np.int64)
        old_doc_of_pid = self.pid["doc"]  # codes into docs_old (-1 dead)
        remap = np.full(len(docs_old) + 1, -1, dtype=np.int64)
        remap[np.flatnonzero(keep.to_numpy())] = np.arange(int(keep.sum()))
        new_doc_of_pid = remap[np.where(old_doc_of_pid >= 0, old_doc_of_pid, len(docs_old))].astype(np.int32)
        dead = np.concatenate([np.arange(f, f + c) for f, c in zip(dead_docs["first"], dead_docs["count"])]
                              ) if len(dead_docs) else np.zeros(0, np.int64)
        dead = dead[old_doc_of_pid[dead] >= 0].astype(np.int64) if len(dead) else dead
        self._spill_keys(dead, "dead")  # before anything is appended

        # Added passages: ids, per-passage arrays, append-only files, band keys (spilled per band).
        first_new = self.n_pids
        added_docs = self._append(passages or (), docs_new, int(keep.sum()))
        added = np.arange(first_new, self.n_pids, dtype=np.int64)
        new_doc_of_pid = np.concatenate([new_doc_of_pid, added_docs]).astype(np.int32)
        self.pid["doc"] = new_doc_of_pid
        town_old, town_new = _town_codes(docs_old), _town_codes(docs_new)
        n_towns = len(set(_town_keys(_meta(docs_new))))
        min_df = min_docs_for_boilerplate(n_towns, share=self.options.boilerplate_share,
                                          min_docs=self.options.boilerplate_min_towns,
                                          max_docs=self.options.boilerplate_max_towns)
        everything = min_df != self.min_df
        old = _View(old_doc_of_pid, town_old, self.options, self.min_df)
        new = _View(new_doc_of_pid, town_new, self.options, min_df)
        generation = self.generation + 1
        clock.lap("append")

        # 1. Bands: keys in and out; the buckets that became or stopped being big, or changed towns.
        # Their members are marked, not listed: a stock passage's buckets change in every band,
        # and the lists of 21 bands at 50,000 reports took ~700 MB to concatenate and sort.
        changed = np.zeros(len(new_doc_of_pid), bool)
        # Only the entries added since the base are written, unless the base is made again (a
        # whole pass, or many passages added or removed since): a band is 16 bytes a passage,
        # and writing all 21 took most of adding one report. Removed passages' entries stay in
        # the base until then; every lookup leaves them out (their report is -1).
        since_base = self.since_base + len(added) + len(dead)
        compact = everything or since_base * _REBASE > self.band_base_n
        # An update's band is written by a thread while the next is read and searched; a whole
        # pass writes in turn (one band in memory).
        with InOrderThread(threads=0 if everything else 1, name="reportkit-bands") as writer:
            for j in range(self.bands):
                band = self._band(j)
                add_k = self._spilled("added", j)
                gone_k = self._spilled("dead", j)
                if not everything:
                    touched = _unique(np.concatenate([add_k, gone_k]))
                    before = _buckets(band, touched, old)
                band = band.with_added(add_k, added)
                if compact:
                    band = band.compacted(new_doc_of_pid)
                    writer.submit(_save_arrays, self._band_paths(j, generation), (band.base_k, band.base_p))
                writer.submit(_save_arrays, self._band_paths(j, generation, added=True), (band.added_k, band.added_p))
                if not everything:
                    after = _buckets(band, touched, new)
                    flip = after["big"] != before["big"]
                    change = flip | (after["big"] & (after["n_towns"] != before["n_towns"]))
                    changed[after["members"][change[after["owner"]]]] = True
                del band
            writer.wait()
        self._drop_spilled("added")
        self._drop_spilled("dead")
        self.generation, old_generation = generation, self.generation
        if compact:
            self.band_base, self.since_base = generation, 0
            self.band_base_n = int((new_doc_of_pid >= 0).sum())
        else:
            self.since_base = since_base
        alive_pids = np.flatnonzero(new_doc_of_pid >= 0).astype(np.int64)
        changed[added] = True
        dirty = alive_pids if everything else np.flatnonzero(changed & (new_doc_of_pid >= 0)).astype(np.int64)
        del changed
        clock.lap("bands")

        # 2. In a big bucket, and the towns of its big buckets, for the passages of changed buckets.
        by_bucket_before = self.pid["by_bucket"][dirty]
        in_big = np.zeros(len(dirty), bool)
        towns = np.ones(len(dirty), np.int32)
        for j, band, keys in self._bands_for(dirty, everything):
            if everything:  # every live passage: the whole band, bucket by bucket, a slice at a time
                band_k, band_p = band.whole()
                for lo, hi in _slices(band_k):
                    info = _all_buckets(band_k[lo:hi], band_p[lo:hi], new)
                    at = np.searchsorted(dirty, band_p[lo:hi])
                    big = info["entry_big"]
                    in_big[at] |= big
                    towns[at] = np.maximum(towns[at], np.where(big, info["entry_towns"], 1))
            else:
                unique, inverse = _unique_inverse(keys)
                info = _buckets(band, unique, new)
                big = info["big"][inverse]
                in_big |= big
                towns = np.maximum(towns, np.where(big, info["n_towns"][inverse], 1)).astype(np.int32)
        self.pid["by_bucket"][dirty] = in_big
        self.pid["bucket_towns"][dirty] = towns
        flag_changed = dirty[in_big != by_bucket_before]
        seekers = alive_pids if everything else _alive(np.concatenate([added, flag_changed]), new_doc_of_pid)
        clock.lap("big_buckets")

        # 3. Candidate pairs with a passage in E (SEEKERS), confirmed unless already known.
        n = np.int64(len(new_doc_of_pid))
        candidate_parts = self._candidates(seekers, new, everything)
        clock.lap("candidates")
        in_seekers = np.zeros(len(new_doc_of_pid), bool)
        in_seekers[seekers] = True
        gone = np.zeros(len(new_doc_of_pid), bool)
        gone[dead] = True
        a, b, sim = self.pairs["a"], self.pairs["b"], self.pairs["sim"]
        stays = ~(in_seekers[a] | in_seekers[b] | gone[a] | gone[b])
        old_key = a * n + b
        kept = [(a[stays], b[stays], sim[stays])]
        # In chunks of candidates: a cold build of a national corpus has tens of millions, and
        # only the confirmed ones (a few per cent) need to stay.
        for candidates in candidate_parts:
            for lo in range(0, len(candidates), _PAIR_CHUNK):
                chunk = candidates[lo:lo + _PAIR_CHUNK]
                at = np.minimum(np.searchsorted(old_key, chunk), max(len(old_key) - 1, 0))
                is_known = old_key[at] == chunk if len(old_key) else np.zeros(len(chunk), bool)
                fresh = chunk[~is_known]
                fresh_sim = self._similarity(fresh // n, fresh % n)
                confirmed = fresh_sim >= self.options.threshold
                kept.append((chunk[is_known] // n, chunk[is_known] % n, sim[at[is_known]]))
                kept.append((fresh[confirmed] // n, fresh[confirmed] % n, fresh_sim[confirmed]))
            del candidates
        new_a, new_b, new_sim = (np.concatenate([k[i] for k in kept]) for i in range(3))
        order = np.argsort(new_a * n + new_b, kind="stable")
        self.pairs = {"a": new_a[order], "b": new_b[order], "sim": new_sim[order]}
        clock.lap("confirm")

        # 4. Towns confirmed for the passages whose pairs changed.
        touched = np.zeros(len(new_doc_of_pid), bool)
        touched[a[~stays]] = True
        touched[b[~stays]] = True
        pa, pb = self.pairs["a"], self.pairs["b"]
        involved = in_seekers[pa] | in_seekers[pb]
        touched[pa[involved]] = True
        touched[pb[involved]] = True
        touched[added] = True
        if everything:
            touched[:] = True
        touched &= new_doc_of_pid >= 0
        self._recount(np.flatnonzero(touched), new_doc_of_pid, town_new)
        self.docs, self.min_df = docs_new, min_df
        self._commit(old_generation)
        clock.lap("save")
        log.info("reuse index: %d reports (%d added, %d removed), %d passages, %s", len(docs_new), len(documents),
                 len(dead_docs) - len(documents) + int(docs_old["doc_id"].isin(documents["doc_id"]).sum())
                 if len(docs_old) else 0, len(alive_pids), "everything recomputed" if everything else
                 f"{len(dirty)} passages rechecked, {len(seekers)} sought pairs")
        return clock.seconds

    # ---- band keys spilled to disk, one file a band

    def _spill_path(self, name: str, j: int) -> Path:
        return self.folder / f"{name}{j:02d}.tmp{os.getpid()}"

    def _spill_keys(self, pids: np.ndarray, name: str) -> None:
        """Band keys of PIDS, computed from their signatures in chunks, one file a band."""
        handles = [open(self._spill_path(name, j), "wb") for j in range(self.bands)]
        try:
            for lo in range(0, len(pids), _CHUNK):
                keys = band_keys(self._rows("sigs.bin", pids[lo:lo + _CHUNK]), self.bands, self.rows)
                for j, handle in enumerate(handles):
                    handle.write(keys[j].tobytes())
        finally:
            for handle in handles:
                handle.close()

    def _spilled(self, name: str, j: int) -> np.ndarray:
        return np.fromfile(self._spill_path(name, j), dtype=np.uint64)

    def _drop_spilled(self, name: str) -> None:
        for j in range(self.bands):
            self._spill_path(name, j).unlink(missing_ok=True)

    def _bands_for(self, pids: np.ndarray, whole: bool):
        """(band number, `_Band`, the band keys of PIDS) for each band; WHOLE: PIDS are every live
        passage, whose keys are the band's own (None is given)."""
        if not whole:
            self._spill_keys(pids, "query")
        try:
            for j in range(self.bands):
                yield j, self._band(j), None if whole else self._spilled("query", j)
        finally:
            if not whole:
                self._drop_spilled("query")

    def _append(self, chunks, docs: pd.DataFrame, first_code: int) -> np.ndarray:
        """Give the passages of CHUNKS ids (from `n_pids` on), append their per-passage rows and
        files, spill their band keys ("added"); their reports' codes. DOCS gets each added report's
        first id and count (the added reports are its rows from FIRST_CODE on)."""
        position = {d: i for i, d in enumerate(docs["doc_id"].tolist())}
        first, count = docs["first"].to_numpy(copy=True), docs["count"].to_numpy(copy=True)
        first[first_code:], count[first_code:] = self.n_pids, 0
        doc_codes = []
        arrays = {name: [] for name in _PID_ARRAYS if name != "doc"}
        key_files = [open(self._spill_path("added", j), "wb") for j in range(self.bands)]
        with open(self.folder / "sigs.bin", "ab") as sigs_file, open(self.folder / "masked.bin", "ab") as masked_file, \
                open(self.folder / "masked_end.bin", "ab") as end_file:
            try:
                for pas, fps in chunks:
                    if not len(pas):
                        continue
                    pas = pas.reset_index(drop=True)
                    sigs = _aligned(pas, fps)
                    codes = pas["doc_id"].map(position).to_numpy()
                    if np.isnan(codes.astype(float)).any():
                        raise ValueError("passages of a report not among the documents given")
                    codes = codes.astype(np.int32)
                    pids = np.arange(self.n_pids, self.n_pids + len(pas), dtype=np.int64)
                    # A report's passages arrive together: its ids are a range.
                    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
                    run_codes = codes[starts]
                    if len(_unique(run_codes.astype(np.int64))) != len(run_codes) or (count[run_codes] > 0).any():
                        raise ValueError("the passages of a report must come together, in one chunk")
                    first[run_codes] = pids[starts]
                    count[run_codes] = np.diff(np.r_[starts, len(codes)])
                    # The masked texts' bytes straight from their Arrow buffer: no Python string
                    # per passage (millions in a cold build, and the memory they fragment).
                    data, ends = _utf8(pas["masked"])
                    sigs_file.write(np.ascontiguousarray(sigs, dtype=np.uint32).tobytes())
                    masked_file.write(data)
                    end_file.write((self.masked_bytes + ends).astype(np.int64).tobytes())
                    self.masked_bytes += int(ends[-1])
                    masked = None if "coverage" in pas and "form" in pas else pas["masked"].fillna("").astype(str).tolist()
                    coverage = (pas["coverage"].to_numpy(dtype=float) if "coverage" in pas
                                else boilerplate_coverage(pd.Series(masked, dtype=object)).to_numpy())
                    arrays["passage_no"].append(pas["passage_no"].to_numpy(dtype=np.int32))
                    arrays["length"].append((pas["end"] - pas["start"]).to_numpy(dtype=np.int32))
                    arrays["form"].append(pas["form"].to_numpy(dtype=np.uint64) if "form" in pas
                                          else form_hashes(masked))
                    arrays["by_list"].append(coverage >= self.options.boilerplate_coverage)
                    arrays["nonempty"].append(np.diff(ends, prepend=0) > 0)
                    arrays["by_bucket"].append(np.zeros(len(pas), bool))
                    arrays["bucket_towns"].append(np.ones(len(pas), np.int32))
                    arrays["confirmed"].append(np.ones(len(pas), np.int32))
                    keys = band_keys(sigs, self.bands, self.rows)
                    for j, handle in enumerate(key_files):
                        handle.write(keys[j].tobytes())
                    doc_codes.append(codes)
                    self.n_pids += len(pas)
            finally:
                for handle in key_files:
                    handle.close()
        docs["first"], docs["count"] = first, count
        for name, parts in arrays.items():
            self.pid[name] = np.concatenate([self.pid[name], *parts]).astype(_PID_ARRAYS[name])
        return np.concatenate(doc_codes).astype(np.int32) if doc_codes else np.zeros(0, np.int32)

    def _candidates(self, seekers: np.ndarray, view: _View, whole: bool) -> Iterator[np.ndarray]:
        """Candidate pairs (as a * n + b, a < b) with at least one passage in SEEKERS (WHOLE:
        SEEKERS are every live passage), sorted and distinct, in parts whose concatenation is
        the whole sorted list.

        The bands are enumerated here; the parts are read when iterated. A part holds the pairs
        whose passage a is in one range of ids: with many passages, each band's pairs are spilled
        to one file a part, so that only one part's (repeated) pairs are ever held, not every
        candidate of the corpus (tens of millions at national scale)."""
        doc = view.doc
        n = np.int64(len(doc))
        n_parts = int(-(-int(n) // _PART_PIDS)) if whole else 1
        in_seekers = np.zeros(len(doc), bool)
        in_seekers[seekers] = True
        by_bucket = self.pid["by_bucket"]
        query = seekers[~by_bucket[seekers]]  # a passage in a big bucket is no candidate
        found = np.zeros(0, np.int64)
        files = [open(self._candidate_path(k), "wb") for k in range(n_parts)] if n_parts > 1 else []
        try:
            for j, band, keys in self._bands_for(query, whole):
                # WHOLE: every bucket, a slice of the band at a time (its arrays stay bounded).
                band_k, band_p = band.whole() if whole else (None, None)
                pieces = ((_all_buckets(band_k[lo:hi], band_p[lo:hi], view) for lo, hi in _slices(band_k)) if whole
                          else [_buckets(band, _unique(keys), view)])
                for info in pieces:
                    usable = ((info["n_docs"] >= 2) & ~info["big"])[info["owner"]]
                    members, owner = info["members"][usable], info["owner"][usable]
                    ok = ~by_bucket[members]
                    members, owner = members[ok], owner[ok]
                    p_a, p_b = _pairs_within(owner, members, doc[members], n=int(n))
                    if not whole:
                        mine = in_seekers[p_a] | in_seekers[p_b]
                        p_a, p_b = p_a[mine], p_b[mine]
                    if files:
                        part = p_a * n_parts // n
                        key = p_a * n + p_b
                        for k in np.unique(part):
                            files[k].write(key[part == k].tobytes())
                    else:  # merged as found: the same pair found in many bands is held once
                        found = _unique(np.concatenate([found, p_a * n + p_b]))
        except BaseException:
            self._drop_candidates(files)
            raise
        for handle in files:
            handle.close()
        return self._candidate_parts(len(files)) if files else iter([found])

    def _candidate_path(self, k: int) -> Path:
        return self.folder / f"candidates{k:04d}.tmp{os.getpid()}"

    def _drop_candidates(self, files: list) -> None:
        for k, handle in enumerate(files):
            handle.close()
            self._candidate_path(k).unlink(missing_ok=True)

    def _candidate_parts(self, n_parts: int) -> Iterator[np.ndarray]:
        """The spilled parts of `_candidates`, each read, made distinct and sorted, then deleted."""
        try:
            for k in range(n_parts):
                path = self._candidate_path(k)
                part = _unique(np.fromfile(path, dtype=np.int64))
                path.unlink()
                yield part
        finally:
            for k in range(n_parts):
                self._candidate_path(k).unlink(missing_ok=True)

    def _similarity(self, p_a: np.ndarray, p_b: np.ndarray) -> np.ndarray:
        """Exact similarity of the pairs whose MinHash estimate is near enough the threshold (0 for the others)."""
        sims = np.zeros(len(p_a))
        if not len(p_a):
            return sims
        keep = np.flatnonzero(self._estimates(p_a, p_b) >= self.options.threshold - ESTIMATE_MARGIN)
        if not len(keep):
            return sims
        p_a, p_b = p_a[keep], p_b[keep]
        need = _unique(np.concatenate([p_a, p_b]))
        form = pd.factorize(self.pid["form"][need])[0]
        nonempty = self.pid["nonempty"][need]
        sims[keep] = _confirm_forms(form, nonempty, lambda idx: self._masked(need[idx]), np.searchsorted(need, p_a),
                                    np.searchsorted(need, p_b), shingle_size=self.options.shingle_size)
        return sims

    def _estimates(self, p_a: np.ndarray, p_b: np.ndarray) -> np.ndarray:
        """MinHash estimate of each pair's similarity, a block of pairs at a time: the signature
        rows of a block's passages are read (in id order: a mapping read at random holds hundreds
        of MB of pages) and compared. The rows of a whole chunk of pairs, held at once, were the
        largest allocation of a national cold build."""
        estimate = np.empty(len(p_a))
        for lo in range(0, len(p_a), _ESTIMATE_PAIRS):
            a, b = p_a[lo:lo + _ESTIMATE_PAIRS], p_b[lo:lo + _ESTIMATE_PAIRS]
            need = _unique(np.concatenate([a, b]))
            sigs = self._rows("sigs.bin", need)
            estimate[lo:lo + len(a)] = (sigs[np.searchsorted(need, a)] == sigs[np.searchsorted(need, b)]).mean(axis=1)
        return estimate

    def _recount(self, pids: np.ndarray, doc: np.ndarray, town: np.ndarray) -> None:
        """Towns confirmed of PIDS: their own and their confirmed partners' (distinct)."""
        if not len(pids):
            return
        a, b = self.pairs["a"], self.pairs["b"]
        # A passage in no pair has its own town only: counted here, not among the pairs (in a
        # cold build that is nearly every passage, and their arrays were a peak of its memory).
        paired = np.zeros(len(doc), bool)
        paired[a] = paired[b] = True
        self.pid["confirmed"][pids[~paired[pids]]] = 1
        pids = pids[paired[pids]]
        del paired
        if not len(pids):
            return
        mark = np.zeros(len(doc), bool)
        mark[pids] = True
        left, right = mark[a], mark[b]
        who = np.concatenate([a[left], b[right], pids])
        other = np.concatenate([b[left], a[right], pids])
        town_of = town[doc[other]]
        codes = np.searchsorted(pids, who)
        self.pid["confirmed"][pids] = _count_distinct(codes, town_of, len(pids)).astype(np.int32)

    def _commit(self, old_generation: int) -> None:
        g = self.generation
        self.docs.to_parquet(self._path("docs", generation=g), index=False)
        np.savez(self._path("pids", ".npz", g), **self.pid)
        np.savez(self._path("pairs", ".npz", g), **self.pairs)
        self._write_registry({"key": self.key, "generation": g, "n_pids": self.n_pids, "min_df": self.min_df,
                              "masked_bytes": self.masked_bytes, "band_base": self.band_base,
                              "band_base_n": self.band_base_n, "since_base": self.since_base})
        base = re.compile(r"band\d+[kp]")  # the bands' base files stay while their generation is the base
        for path in self.folder.iterdir():
            parts = path.name.split(".")
            if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) != g:
                if int(parts[1]) == self.band_base and base.fullmatch(parts[0]):
                    continue
                path.unlink(missing_ok=True)

    # ------------------------------------------------------------------ tables

    def flags(self) -> dict[str, np.ndarray]:
        """Per passage id: is_boiler, by_list, by_df, n_towns (its towns, a lower bound), alive."""
        alive = self.pid["doc"] >= 0
        n_towns = np.maximum(self.pid["bucket_towns"], self.pid["confirmed"]).astype(np.int64)
        by_df = self.pid["by_bucket"] | (n_towns >= self.min_df)
        by_list = self.pid["by_list"]
        return {"alive": alive, "is_boiler": (by_list | by_df) & alive, "by_list": by_list, "by_df": by_df,
                "n_towns": n_towns}

    def reuse_table(self) -> pd.DataFrame:
        """The reuse table: confirmed pairs of different reports, neither passage boilerplate."""
        return pd.concat(list(self.reuse_chunks()), ignore_index=True)

    def _reuse_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        flags = self.flags()
        a, b, sim = self.pairs["a"], self.pairs["b"], self.pairs["sim"]
        keep = ~flags["is_boiler"][a] & ~flags["is_boiler"][b]
        return a[keep], b[keep], sim[keep]

    def reuse_arrays(self) -> dict[str, np.ndarray]:
        """The reuse table as numbers, in its order (doc_a, doc_b, passage_no_a, passage_no_b):
        ``doc_a, doc_b`` (rows of `docs`), ``passage_no_a, passage_no_b, similarity``."""
        a, b, sim = self._reuse_pairs()
        docs = self.docs
        doc_ids = docs["doc_id"].to_numpy(dtype=object)
        rank = np.empty(len(doc_ids), np.int64)  # doc_id order, as numbers
        rank[np.argsort(doc_ids, kind="stable")] = np.arange(len(doc_ids))
        doc_of, passage_no = self.pid["doc"], self.pid["passage_no"]
        year = docs["year"].to_numpy(dtype=float)
        da, db = doc_of[a], doc_of[b]
        ya, yb = np.nan_to_num(year[da], nan=np.inf), np.nan_to_num(year[db], nan=np.inf)
        # doc_a is the earlier report (year, then doc_id): the likely source.
        swap = (yb < ya) | ((yb == ya) & (rank[db] < rank[da]))
        del ya, yb
        first, second = np.where(swap, b, a), np.where(swap, a, b)
        d1, d2 = doc_of[first].astype(np.int64), doc_of[second].astype(np.int64)
        p1, p2 = passage_no[first].astype("int64"), passage_no[second].astype("int64")
        order = np.lexsort((p2, p1, rank[d2], rank[d1]))
        return {"doc_a": d1[order], "doc_b": d2[order], "passage_no_a": p1[order], "passage_no_b": p2[order],
                "similarity": sim[order].astype(float).round(4)}

    def reuse_frame(self, arrays: dict[str, np.ndarray]) -> pd.DataFrame:
        """Rows of the reuse table from ARRAYS (as `reuse_arrays` gives them, or a part of them)."""
        docs = self.docs
        doc_ids = docs["doc_id"].to_numpy(dtype=object)
        town, county = docs["town"].to_numpy(dtype=object), docs["county"].to_numpy(dtype=object)
        year = docs["year"].to_numpy(dtype=float)
        x, y = arrays["doc_a"], arrays["doc_b"]
        if not len(x):
            return _empty_reuse()
        same_town = _same_town(pd.DataFrame({"town": town[x], "county": county[x]}),
                               pd.DataFrame({"town": town[y], "county": county[y]}))
        same_year = year[x] == year[y]
        kind = np.where(~same_town, "other-town", np.where(same_year, "same-town-same-year", "same-town-other-year"))
        return pd.DataFrame({"doc_a": doc_ids[x], "doc_b": doc_ids[y], "passage_no_a": arrays["passage_no_a"],
                             "passage_no_b": arrays["passage_no_b"], "similarity": arrays["similarity"],
                             "kind": kind.astype(object)})

    def reuse_chunks(self, rows: int = 1 << 18) -> Iterator[pd.DataFrame]:
        """The reuse table in pieces of at most ROWS rows, in its order: the pairs are ordered as
        numbers and only one piece at a time is made into a DataFrame (millions of pairs as
        Python strings would cost gigabytes)."""
        arrays = self.reuse_arrays()
        if not len(arrays["doc_a"]):
            yield _empty_reuse()
            return
        for lo in range(0, len(arrays["doc_a"]), rows):
            yield self.reuse_frame({k: v[lo:lo + rows] for k, v in arrays.items()})

    def boilerplate_of_docs(self, doc_ids: Iterable[str], flags: dict[str, np.ndarray] | None = None,
                            position: dict[str, int] | None = None) -> pd.DataFrame:
        """doc_id, passage_no, n_towns, source of the boilerplate passages of the reports DOC_IDS,
        sorted by doc_id and passage_no (FLAGS: `flags()`, POSITION: `doc_positions()`, given when
        called for many groups of reports). doc_id and source are categoricals: a group's rows are
        made, ordered and named from numbers (done for every group when one report is added)."""
        flags = self.flags() if flags is None else flags
        position = self.doc_positions() if position is None else position
        names = np.array(sorted({d for d in doc_ids if d in position}), dtype=object)
        rows = np.array([position[d] for d in names], dtype=np.int64)
        first = self.docs["first"].to_numpy(dtype=np.int64)[rows]
        count = self.docs["count"].to_numpy(dtype=np.int64)[rows]
        pids = _ranges(first, count)
        code = np.repeat(np.arange(len(rows), dtype=np.int64), count)
        boiler = flags["is_boiler"][pids]
        pids, code = pids[boiler], code[boiler]
        passage_no = self.pid["passage_no"][pids].astype("int64")
        order = np.lexsort((passage_no, code))
        pids, code, passage_no = pids[order], code[order], passage_no[order]
        by_list, by_df = flags["by_list"][pids], flags["by_df"][pids]
        source = np.where(by_list & by_df, _SOURCES.index("both"),
                          np.where(by_list, _SOURCES.index("list"), _SOURCES.index("frequency")))
        return pd.DataFrame({
            "doc_id": pd.Categorical.from_codes(code, categories=pd.Index(names, dtype=object)),
            "passage_no": passage_no,
            "n_towns": flags["n_towns"][pids],
            "source": pd.Categorical.from_codes(source, categories=pd.Index(_SOURCES, dtype=object)),
        })

    def originality_table(self, reuse: pd.DataFrame | None = None) -> pd.DataFrame:
        """Per report: n_chars_compared, n_chars_shared, originality, n_reports_shared (sorted by doc_id)."""
        flags = self.flags()
        doc = self.pid["doc"]
        own = flags["alive"] & ~flags["is_boiler"]
        a, b = self.pairs["a"], self.pairs["b"]
        keep = ~flags["is_boiler"][a] & ~flags["is_boiler"][b]
        a, b = a[keep], b[keep]
        shared = np.zeros(len(doc), bool)
        shared[a] = shared[b] = True
        n_docs = len(self.docs)
        length = self.pid["length"].astype(np.int64)
        compared = np.bincount(doc[own], weights=length[own], minlength=n_docs).astype(np.int64)
        mine = own & shared
        n_shared = np.bincount(doc[mine], weights=length[mine], minlength=n_docs).astype(np.int64)
        da, db = doc[a].astype(np.int64), doc[b].astype(np.int64)
        sides = np.concatenate([da, db]), np.concatenate([db, da])
        n_other = _count_distinct(sides[0], sides[1], n_docs) if len(da) else np.zeros(n_docs, np.int64)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(compared > 0, 1.0 - n_shared / np.where(compared > 0, compared, 1), np.nan).round(4)
        out = pd.DataFrame({"doc_id": pd.Index(self.docs["doc_id"].to_numpy(dtype=object), dtype=object),
                            "n_chars_compared": compared,
                            "n_chars_shared": n_shared, "originality": ratio,
                            "n_reports_shared": n_other.astype("int64")})
        return out.sort_values("doc_id", kind="stable").reset_index(drop=True)

    def doc_positions(self) -> dict[str, int]:
        """doc_id → its row in `docs`."""
        return {d: i for i, d in enumerate(self.docs["doc_id"].tolist())}

    def boilerplate_of(self, doc_id: str) -> pd.DataFrame:
        """The boilerplate passages of one report: passage_no, n_towns, source."""
        row = self.docs.index[self.docs["doc_id"] == doc_id]
        if not len(row):
            return pd.DataFrame({"passage_no": [], "n_towns": [], "source": []})
        first, count = int(self.docs.at[row[0], "first"]), int(self.docs.at[row[0], "count"])
        return self.boilerplate_rows(np.arange(first, first + count))

    def boilerplate_rows(self, pids: np.ndarray | None = None, *, flags: dict[str, np.ndarray] | None = None
                         ) -> pd.DataFrame:
        """doc_id, passage_no, n_towns, source of the boilerplate passages among PIDS (default: all),
        in the order of PIDS."""
        flags = self.flags() if flags is None else flags
        pids = np.flatnonzero(flags["alive"]) if pids is None else np.asarray(pids, dtype=np.int64)
        pids = pids[flags["is_boiler"][pids]]
        by_list, by_df = flags["by_list"][pids], flags["by_df"][pids]
        return pd.DataFrame({
            "doc_id": self.docs["doc_id"].to_numpy(dtype=object)[self.pid["doc"][pids]],
            "passage_no": self.pid["passage_no"][pids].astype("int64"),
            "n_towns": flags["n_towns"][pids],
            "source": np.where(by_list & by_df, "both", np.where(by_list, "list", "frequency")).astype(object),
        })


# ---------------------------------------------------------------------- helpers


_SOURCES = sorted(schema.table("boilerplate").column("source").values)  # a boilerplate passage's source


def _empty_reuse() -> pd.DataFrame:
    return pd.DataFrame({"doc_a": pd.Series(dtype=object), "doc_b": pd.Series(dtype=object),
                         "passage_no_a": pd.Series(dtype="int64"), "passage_no_b": pd.Series(dtype="int64"),
                         "similarity": pd.Series(dtype=float), "kind": pd.Series(dtype=object)})


def _empty_docs() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": pd.Series(dtype=object), "town": pd.Series(dtype=object),
                         "county": pd.Series(dtype=object), "year": pd.Series(dtype=float),
                         "first": pd.Series(dtype=np.int64), "count": pd.Series(dtype=np.int64)})


def _as_docs(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, town, county, year (as `reuse._doc_meta` reads them), first, count of reports to add."""
    out = pd.DataFrame({"doc_id": documents["doc_id"].astype(str).to_numpy(dtype=object)})
    for col in ("town", "county"):
        values = documents[col].to_numpy(dtype=object) if col in documents else [None] * len(out)
        out[col] = [v if isinstance(v, str) else None for v in values]
    year = (pd.to_numeric(documents["year"], errors="coerce").astype("float64").to_numpy() if "year" in documents
            else np.full(len(out), np.nan))
    out["year"] = year
    out["first"] = np.int64(0)
    out["count"] = np.int64(0)
    return out


def _meta(docs: pd.DataFrame) -> pd.DataFrame:
    return docs.set_index("doc_id")[["town", "county", "year"]]


def _town_codes(docs: pd.DataFrame) -> np.ndarray:
    """Town code of each report of DOCS (a report without a town is a town of its own)."""
    if not len(docs):
        return np.zeros(0, np.int64)
    return pd.factorize(pd.Series(_town_keys(_meta(docs)), dtype=object))[0].astype(np.int64)


def _slices(keys: np.ndarray, size: int | None = None) -> list[tuple[int, int]]:
    """(lo, hi) slices of a band's sorted KEYS of about SIZE entries, cut between buckets."""
    size = size or _SLICE
    cuts, lo = [], 0
    while lo < len(keys):
        hi = min(lo + size, len(keys))
        if hi < len(keys):
            hi = int(np.searchsorted(keys, keys[hi], side="left"))
            if hi <= lo:  # one bucket longer than SIZE: whole
                hi = int(np.searchsorted(keys, keys[lo], side="right"))
        cuts.append((lo, hi))
        lo = hi
    return cuts


def _unique_inverse(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(KEYS, return_inverse=True), sort-based (numpy's hashing was several times slower here)."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]] if len(keys) else np.zeros(0, bool)
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def _alive(pids: np.ndarray, doc: np.ndarray) -> np.ndarray:
    pids = _unique(pids.astype(np.int64))
    return pids[doc[pids] >= 0]


def _map_parts(offsets: np.ndarray) -> Iterator[slice]:
    """Consecutive slices of the ascending file OFFSETS, each of at most _MAP_CHUNK rows spanning
    at most _MAP_SPAN bytes: what is read through a mapping before its pages are dropped. (The
    kernel maps the pages around each one read: rows far apart bring in all the file between.)"""
    lo = 0
    while lo < len(offsets):
        hi = min(lo + _MAP_CHUNK, int(np.searchsorted(offsets, offsets[lo] + _MAP_SPAN, side="right")))
        yield slice(lo, hi)
        lo = hi


def _id_order(pids: np.ndarray) -> np.ndarray:
    """Positions of PIDS in id order: rows are read from a mapping in that order, since a mapping
    read at random brings in the pages around each row read (hundreds of MB for a few thousand)."""
    if len(pids) < 2 or bool((pids[1:] >= pids[:-1]).all()):
        return np.arange(len(pids))
    return np.argsort(pids, kind="stable")


def _utf8(values: pd.Series) -> tuple[memoryview, np.ndarray]:
    """The UTF-8 bytes of the texts VALUES (missing: empty) one after the other, and where each
    one ends in them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    texts = pc.fill_null(pa.array(values, from_pandas=True).cast(pa.large_string()), "")
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)[texts.offset:texts.offset + len(texts) + 1]
    data = texts.buffers()[2]
    data = memoryview(data)[int(offsets[0]):int(offsets[-1])] if data is not None else memoryview(b"")
    return data, (offsets[1:] - offsets[0]).astype(np.int64)


def _aligned(pas: pd.DataFrame, fps: pd.DataFrame) -> np.ndarray:
    """Signature rows in the order of PAS."""
    cols = [c for c in fps.columns if c.startswith("mh_")]
    if len(fps) == len(pas) and np.array_equal(fps["passage_no"].to_numpy(), pas["passage_no"].to_numpy()) and \
            np.array_equal(fps["doc_id"].to_numpy(dtype=object), pas["doc_id"].to_numpy(dtype=object)):
        return fps[cols].to_numpy(dtype=np.uint32)
    merged = pas[["doc_id", "passage_no"]].merge(fps, on=["doc_id", "passage_no"], how="left", validate="one_to_one")
    return merged[cols].to_numpy(dtype=np.uint32)


class _View:
    """What bucket statistics read: each passage id's report code (-1: dead), each report's town
    code, and the thresholds of a big bucket."""

    def __init__(self, doc: np.ndarray, town: np.ndarray, options: ReuseOptions, min_df: int) -> None:
        self.doc, self.town, self.max_bucket, self.min_df = doc, town, options.max_bucket, min_df


class _Clock:
    """Seconds per step; RELEASE (if given) called at the end of each step, not counted in it."""

    def __init__(self, release: Callable[[], None] | None = None) -> None:
        import time

        self._time = time.perf_counter
        self._release = release
        self._last = self._time()
        self.seconds: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._time()
        self.seconds[name] = now - self._last
        if self._release is not None:
            self._release()
        self._last = self._time()


def _stats(members: np.ndarray, owner: np.ndarray, size: np.ndarray, view: _View) -> dict[str, np.ndarray]:
    """n_docs, n_towns, big of buckets given their MEMBERS (ids ascending within a bucket) by OWNER.

    A report's passage ids are a range, so within a bucket (ids ascending) its passages are
    neighbours: reports are counted by changes. Towns matter only for buckets large enough to
    be big, and only those are counted."""
    n_buckets = len(size)
    docs = view.doc[members].astype(np.int64)
    new_doc = np.r_[True, (docs[1:] != docs[:-1]) | (owner[1:] != owner[:-1])] if len(members) else np.zeros(0, bool)
    n_docs = np.bincount(owner[new_doc], minlength=n_buckets)
    large = (size > view.max_bucket) & (n_docs >= 2)
    n_towns = np.zeros(n_buckets, np.int64)
    if large.any():
        sel = large[owner]
        n_towns = _count_distinct(owner[sel], view.town[docs[sel]], n_buckets)
    big = large & (n_towns >= view.min_df)
    return {"n_docs": n_docs, "n_towns": n_towns, "big": big}


def _save_arrays(paths: tuple[Path, ...], arrays: tuple[np.ndarray, ...]) -> None:
    for path, array in zip(paths, arrays):
        np.save(path, np.ascontiguousarray(array), allow_pickle=False)


class _Band:
    """One LSH band: its base (keys sorted, with their passage ids; mapped from disk) and the
    entries added since (sorted likewise, in memory). Every added id is above every base id (ids
    are handed out in order), so a bucket's members are its base entries, then its added ones:
    ids ascending, as `_stats` needs. The base may still hold removed passages (report -1), which
    every lookup leaves out."""

    def __init__(self, base_k: np.ndarray, base_p: np.ndarray, added_k: np.ndarray, added_p: np.ndarray) -> None:
        self.base_k, self.base_p, self.added_k, self.added_p = base_k, base_p, added_k, added_p

    @classmethod
    def empty(cls) -> _Band:
        return cls(np.zeros(0, np.uint64), np.zeros(0, np.int64), np.zeros(0, np.uint64), np.zeros(0, np.int64))

    def lookup(self, query: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(members, owner, size) of the buckets of the distinct sorted QUERY keys: the live
        passages (DOC: report code per id, -1 removed) of each, ids ascending, with the position
        of their key in QUERY; and the number of live members of every query key."""
        members, owner = [], []
        for keys, pids in ((self.base_k, self.base_p), (self.added_k, self.added_p)):
            if not len(keys):
                continue
            lo = np.searchsorted(keys, query, side="left")
            n = np.searchsorted(keys, query, side="right") - lo
            hit = np.flatnonzero(n)
            members.append(np.asarray(pids[_ranges(lo[hit], n[hit])], dtype=np.int64))
            owner.append(np.repeat(hit, n[hit]))
        members = np.concatenate(members) if members else np.zeros(0, np.int64)
        owner = np.concatenate(owner) if owner else np.zeros(0, np.int64)
        live = doc[members] >= 0
        members, owner = members[live], owner[live]
        order = np.argsort(owner, kind="stable")  # per bucket: base entries, then added ones
        return members[order], owner[order], np.bincount(owner, minlength=len(query))

    def with_added(self, keys: np.ndarray, pids: np.ndarray) -> _Band:
        """This band with the entries KEYS/PIDS (ids above all of its own) added."""
        order = np.argsort(keys, kind="stable")  # equal keys keep the ids ascending
        if not len(self.added_k):  # nothing added since the base (a first pass): no insert, one copy
            return _Band(self.base_k, self.base_p, keys[order], pids[order])
        at = np.searchsorted(self.added_k, keys[order], side="right")
        return _Band(self.base_k, self.base_p, np.insert(self.added_k, at, keys[order]),
                     np.insert(self.added_p, at, pids[order]))

    def compacted(self, doc: np.ndarray) -> _Band:
        """One sorted base of the live entries (DOC as in `lookup`), nothing added."""
        empty_k, empty_p = np.zeros(0, np.uint64), np.zeros(0, np.int64)
        if not len(self.base_k) and (doc[self.added_p] >= 0).all():  # a first pass: no copy of the band
            return _Band(self.added_k, self.added_p, empty_k, empty_p)
        live = doc[self.base_p] >= 0 if len(self.base_p) else np.zeros(0, bool)
        keys, pids = np.asarray(self.base_k)[live], np.asarray(self.base_p)[live]
        live = doc[self.added_p] >= 0 if len(self.added_p) else np.zeros(0, bool)
        at = np.searchsorted(keys, self.added_k[live], side="right")
        return _Band(np.insert(keys, at, self.added_k[live]), np.insert(pids, at, self.added_p[live]), empty_k, empty_p)

    def whole(self) -> tuple[np.ndarray, np.ndarray]:
        """Every entry, sorted: for a band just compacted (a whole pass), whose entries all live."""
        if len(self.added_k):
            raise ValueError("a band with entries added since its base is not one sorted array")
        return self.base_k, self.base_p


def _buckets(band: _Band, query: np.ndarray, view: _View) -> dict[str, np.ndarray]:
    """The buckets of the (distinct, sorted) QUERY keys in BAND: per bucket its size, reports,
    towns (when it may be big) and whether it is big; and the members of the buckets of two or
    more passages (with `owner`: the bucket of each)."""
    if not len(query):
        zero = np.zeros(0, np.int64)
        return {"size": zero, "n_docs": zero, "n_towns": zero, "big": np.zeros(0, bool),
                "members": zero, "owner": zero}
    members, owner, size = band.lookup(query, view.doc)
    shared = (size >= 2)[owner]
    members, owner = members[shared], owner[shared]
    stats = _stats(members, owner, size, view)
    stats["n_docs"] = np.maximum(stats["n_docs"], (size == 1).astype(np.int64))
    return {"size": size, **stats, "members": members, "owner": owner}


def _all_buckets(keys: np.ndarray, pids: np.ndarray, view: _View) -> dict[str, np.ndarray]:
    """As `_buckets` for every bucket of a band (in key order); and per entry of the band, whether
    its bucket is big and its towns (`entry_big`, `entry_towns`)."""
    if not len(keys):
        zero = np.zeros(0, np.int64)
        return {"n_docs": zero, "n_towns": zero, "big": np.zeros(0, bool), "entry_big": np.zeros(0, bool),
                "entry_towns": zero, "members": zero, "owner": zero}
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    size = np.diff(np.r_[starts, len(keys)])
    bucket = np.repeat(np.arange(len(starts)), size)
    stats = _stats(np.asarray(pids, dtype=np.int64), bucket, size, view)
    shared = (size >= 2)[bucket]
    return {**stats, "entry_big": stats["big"][bucket], "entry_towns": stats["n_towns"][bucket],
            "members": np.asarray(pids, dtype=np.int64)[shared], "owner": bucket[shared]}
