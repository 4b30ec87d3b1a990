"""The raw files' hashes kept between builds (pipeline/hashes.py): a file whose stat is unchanged
is not read again; any change to its bytes is seen, even with its modification time put back."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from reportkit.config import Limits
from reportkit.pipeline.build import plan
from reportkit.pipeline.hashes import KnownHashes

HOUR_AGO = time.time() - 3600


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, text in enumerate(["某镇2023年法治政府建设年度报告", "另一镇2022年法治政府建设工作报告", ""]):
        path = raw / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (HOUR_AGO, HOUR_AGO))  # not "racy": modified well before it is hashed
    return raw


def _digests(planned) -> dict[str, str]:
    return {job.file: job.sha256 for job in planned.jobs}


def test_plan__unchanged_files_are_not_hashed_again_and_give_the_same_jobs(tmp_path):
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    cache.mkdir()
    first = KnownHashes(cache)
    planned = plan(raw, None, limits=Limits(), known=first)
    first.save()
    assert first.changed and len(first.seen) == 3
    again = KnownHashes(cache)
    replanned = plan(raw, None, limits=Limits(), known=again)
    assert not again.changed  # every file's hash came from the kept entries
    assert _digests(replanned) == _digests(planned)
    assert [s[:2] for s in replanned.skipped] == [s[:2] for s in planned.skipped]  # the empty file stays empty


def test_plan__a_file_rewritten_with_its_size_and_mtime_put_back_is_hashed_again(tmp_path):
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    cache.mkdir()
    known = KnownHashes(cache)
    plan(raw, None, limits=Limits(), known=known)
    known.save()
    path = raw / "r0.txt"
    changed = path.read_text(encoding="utf-8").replace("2023", "2024")
    path.write_text(changed, encoding="utf-8")
    os.utime(path, (HOUR_AGO, HOUR_AGO))  # same size, same mtime: only the change time tells
    again = KnownHashes(cache)
    replanned = plan(raw, None, limits=Limits(), known=again)
    assert _digests(replanned)["r0.txt"] == hashlib.sha256(changed.encode("utf-8")).hexdigest()
    assert again.changed


def test_known_hashes__a_file_modified_just_before_it_was_hashed_is_not_trusted(tmp_path):
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    cache.mkdir()
    fresh = raw / "r1.txt"
    os.utime(fresh)  # modified now: within the clock's resolution of the entry written below
    known = KnownHashes(cache)
    plan(raw, None, limits=Limits(), known=known)
    known.save()
    again = KnownHashes(cache)
    assert again.get(fresh.absolute(), os.lstat(fresh)) is None
    assert again.get((raw / "r0.txt").absolute(), os.lstat(raw / "r0.txt")) is not None


def test_known_hashes__an_unreadable_or_foreign_file_is_ignored(tmp_path):
    (tmp_path / "hashes.json").write_text('{"format": "1", "written_ns": "x", "files": []}', encoding="utf-8")
    assert KnownHashes(tmp_path).entries == {}
    (tmp_path / "hashes.json").write_bytes(b"\x80not json")
    assert KnownHashes(tmp_path).entries == {}


def test_build__a_kept_hash_that_does_not_match_its_file_is_forgotten_after_one_build(tmp_path):
    # an adversarial review: a hashes.json entry giving one file another's hash made it "changed" at every build
    # ("build again" never helped) and the other file a false duplicate of it
    import json
    import shutil

    from reportkit.pipeline.build import build

    from .conftest import RAW

    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("001_a789267553c96ad9.txt", "002_65f6f072feb0dbc0.txt"):
        shutil.copy(RAW / name, raw / name)
        os.utime(raw / name, (HOUR_AGO, HOUR_AGO))
    cache = tmp_path / "cache"
    build(raw, out=None, cache_dir=cache, jobs=1)
    kept = json.loads((cache / "hashes.json").read_text(encoding="utf-8"))
    first, second = sorted(kept["files"])
    kept["files"][first][1] = kept["files"][second][1]  # the first file's entry says it is the second
    (cache / "hashes.json").write_text(json.dumps(kept), encoding="utf-8")
    tampered = build(raw, out=None, cache_dir=cache, jobs=1)
    assert "changed" in ";".join(tampered["build_log"]["codes"].fillna(""))
    healed = build(raw, out=None, cache_dir=cache, jobs=1)
    assert sorted(healed["documents"]["file"]) == sorted(p.name for p in raw.iterdir())
    assert "changed" not in ";".join(healed["build_log"]["codes"].fillna(""))

