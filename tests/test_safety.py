"""Issue 17 "Safety": a shared data folder cannot run code, an `--out` typo cannot delete reports,
no file can exhaust the machine. One section per numbered point of the issue; every hostile file
is made here, by the test."""
from __future__ import annotations

import logging
import pickle
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from reportkit.config import BuildConfig
from reportkit.pipeline import cache
from reportkit.pipeline.build import BuildReport, build

from .conftest import RAW, ROOT

SEED = RAW / "002_65f6f072feb0dbc0.txt"


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".csv", ".parquet")}


# --------------------------------------------------------------------------- 1. the cache cannot run code


class _RunsCode:
    """A pickle that, when loaded, writes a file: what a crafted cache file did before."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "code ran"))


def test_cache__a_planted_pickle_runs_no_code_and_is_rebuilt(tmp_path, caplog):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    build(raw, out=tmp_path / "first", cache_dir=tmp_path / "cache", jobs=1)
    marker = tmp_path / "pwned"
    planted = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert planted
    for path in planted:  # someone with write access to the shared folder replaces every cache file
        path.write_bytes(pickle.dumps(_RunsCode(marker)))
    report = BuildReport()
    with caplog.at_level(logging.WARNING, logger="reportkit"):
        build(raw, out=tmp_path / "second", cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert not marker.exists()
    assert report.computed == {"parse": 1, "terms": 1, "reuse": 1}  # ignored and rebuilt ...
    assert "ignored and rebuilt" in caplog.text  # ... and said so
    assert _outputs(tmp_path / "second") == _outputs(tmp_path / "first")
    report = BuildReport()
    build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert report.computed == {}  # the rebuilt files are good


def test_library__nothing_is_pickled_to_disk():
    for path in (ROOT / "reportkit").rglob("*.py"):
        code = "\n".join(line.split("#")[0] for line in path.read_text(encoding="utf-8").splitlines())
        assert not re.search(r"\bimport pickle\b|\bpickle\.(dump|load)|read_pickle|to_pickle|joblib|shelve", code), path


def _seed_result() -> dict:
    from reportkit.pipeline import stages

    config = BuildConfig(tokenizer="jieba")
    parsed = stages.parse_document(SEED.read_bytes(), SEED.name, config)
    return {"parse": parsed, "terms": stages.terms_document(parsed, config),
            "reuse": stages.reuse_document(parsed, config)}


def test_cache_file__results_come_back_exactly(tmp_path):
    for stage, value in _seed_result().items():
        path = tmp_path / f"{stage}.rkc"
        cache._dump(value, path)
        assert path.read_bytes().startswith(cache.MAGIC)
        back = cache._load(path, cache._stage_value(stage))
        assert back is not None and set(back) == set(value)
        for key, item in value.items():
            if isinstance(item, pd.DataFrame):
                if "tokens" in item:  # tuples of lists come back as lists of lists
                    assert [list(t) for t in item["tokens"]] == list(back[key]["tokens"])
                    item, back[key] = item.drop(columns="tokens"), back[key].drop(columns="tokens")
                pd.testing.assert_frame_equal(back[key], item)
            else:
                assert back[key] == item


def _damaged(kind: str, path: Path) -> None:
    """Damage the cache file PATH (a parse result) the way KIND says."""
    if kind == "truncated":
        path.write_bytes(path.read_bytes()[:-100])
    elif kind == "foreign":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    elif kind == "missing field":  # a well-formed file without the text
        value = _seed_result()["parse"]
        del value["text"]
        cache._dump(value, path)
    elif kind == "wrong type":  # the text is a number
        value = _seed_result()["parse"]
        value["text"] = 12
        cache._dump(value, path)
    elif kind == "table lacks columns":
        value = _seed_result()["parse"]
        value["sections"] = value["sections"].drop(columns=["start", "end"])
        cache._dump(value, path)


@pytest.mark.parametrize("kind", ["truncated", "foreign", "missing field", "wrong type", "table lacks columns"])
def test_cache__a_malformed_or_wrong_shaped_file_is_ignored_logged_and_rebuilt(tmp_path, caplog, kind):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    build(raw, out=tmp_path / "first", cache_dir=tmp_path / "cache", jobs=1)
    shutil.rmtree(tmp_path / "cache" / "groups")  # the per-report files are read
    [parsed] = [p for p in (tmp_path / "cache" / "parse").rglob("*") if p.is_file()]
    _damaged(kind, parsed)
    report = BuildReport()
    with caplog.at_level(logging.WARNING, logger="reportkit"):
        build(raw, out=tmp_path / "second", cache_dir=tmp_path / "cache", jobs=1, report=report)
    assert report.computed.get("parse") == 1
    assert "ignored and rebuilt" in caplog.text
    assert _outputs(tmp_path / "second") == _outputs(tmp_path / "first")


def test_cache__a_group_file_of_other_files_is_ignored_and_rebuilt(tmp_path, caplog):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    build(raw, out=tmp_path / "first", cache_dir=tmp_path / "cache", jobs=1)
    [group] = (tmp_path / "cache" / "groups").iterdir()
    value = cache._read(group)
    value["outcomes"] = value["outcomes"][1:]  # one report less: it would vanish without a row
    cache._dump(value, group)
    with caplog.at_level(logging.WARNING, logger="reportkit"):
        build(raw, out=tmp_path / "second", cache_dir=tmp_path / "cache", jobs=1)
    assert "ignored and rebuilt" in caplog.text
    assert _outputs(tmp_path / "second") == _outputs(tmp_path / "first")
