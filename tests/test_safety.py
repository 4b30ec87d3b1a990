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


# --------------------------------------------------------------------------- 6. per-file limits that hold in the workers


def inflating_pdf(n_bytes: int) -> bytes:
    """A one-page PDF of a few hundred kB whose content stream inflates to N_BYTES of spaces."""
    import zlib

    deflate = zlib.compressobj(9)
    body = b"".join(deflate.compress(b" " * 2**20) for _ in range(n_bytes // 2**20)) + deflate.flush()
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"])


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"secret") -> bytes:
    """A PDF protected by the standard security handler (RC4, revision 2) with a user password."""
    import hashlib

    pad = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
    ident = b"0123456789abcdef"
    owner = _rc4(hashlib.md5(b"owner" + pad[:27]).digest()[:5], (user_password + pad)[:32])
    key = hashlib.md5((user_password + pad)[:32] + owner + (-44).to_bytes(4, "little", signed=True) + ident).digest()[:5]
    user = _rc4(key, pad)
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (owner.hex().encode(), user.hex().encode())
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>", encrypt],
                trailer=b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (ident.hex().encode(), ident.hex().encode()))


def wide_table_docx(span: int) -> bytes:
    """A small .docx whose one table cell claims to span SPAN grid columns (python-docx repeats it)."""
    import io
    import zipfile

    from .test_robustness import REPORT_A, docx_bytes

    clean = zipfile.ZipFile(io.BytesIO(docx_bytes(REPORT_A.splitlines())))
    table = (f'<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="{span}"/>'
             '</w:tcPr><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in clean.infolist():
            data = clean.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", table.encode() + b"<w:sectPr", 1)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


def test_workers__memory_limit_stops_an_inflating_pdf_and_a_wide_docx(tmp_path):
    from reportkit.config import Limits

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    (raw / "inflating.pdf").write_bytes(inflating_pdf(600 * 2**20))
    (raw / "wide.docx").write_bytes(wide_table_docx(100_000_000))
    assert max(p.stat().st_size for p in raw.iterdir()) < 2**20
    limits = Limits(max_memory_bytes=256 * 2**20, seconds_per_file=60)
    log = build(raw, out=None, cache_dir=None, jobs=2, limits=limits)["build_log"].set_index("file")
    assert log.loc[SEED.name, "status"] == "ok"
    for name in ("inflating.pdf", "wide.docx"):
        assert log.loc[name, "status"] == "error"
        assert log.loc[name, "codes"] in ("out_of_memory", "crashed"), log.loc[name, "message"]
        assert "memory" in log.loc[name, "message"]


# Readers registered by a script (the registry is reportkit's extension point): reading a file of
# this kind stops, kills or hangs the process that reads it, as a bug in a C library would.
MISBEHAVING = '''
import os, signal, sys, time
from reportkit.readers import Extracted, register
from reportkit.config import Limits
from reportkit.pipeline.build import build

@register("stop", suffixes=(".stop",))
def stops(data, limits):
    os.kill(os.getpid(), signal.SIGSTOP)

@register("crash", suffixes=(".crash",))
def crashes(data, limits):
    os.abort()

@register("hang", suffixes=(".hang",))
def hangs(data, limits):
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # the time limit's signal never arrives
    with open(sys.argv[2], "w") as handle:
        handle.write(str(os.getpid()))
    time.sleep(600)

log = build(sys.argv[1], out=None, cache_dir=None, jobs=int(sys.argv[3]),
            limits=Limits(seconds_per_file=float(sys.argv[4])))["build_log"]
print(log.to_json(orient="records", force_ascii=False))
'''


def _misbehaving(tmp_path: Path, names: list[str], *, jobs: int, seconds: float, timeout: float = 180):
    import json
    import subprocess
    import sys

    raw = tmp_path / "raw"
    raw.mkdir()
    for name in names:
        if name.endswith(".txt"):
            (raw / name).write_bytes(SEED.read_bytes().replace(b"2022", name[0].encode() + b"2022"))
        else:
            (raw / name).write_bytes(name.encode())
    result = subprocess.run([sys.executable, "-c", MISBEHAVING, str(raw), str(tmp_path / "pid"), str(jobs), str(seconds)],
                            capture_output=True, text=True, timeout=timeout, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    return {row["file"]: row for row in json.loads(result.stdout.strip().splitlines()[-1])}


def test_workers__a_stopped_worker_is_replaced_and_its_file_timed_out(tmp_path):
    # One worker: the files after the stopped one are read by its replacement (which loads jieba
    # again, hence a limit of a few seconds).
    log = _misbehaving(tmp_path, ["a.txt", "b.stop", "c.txt"], jobs=1, seconds=5)
    assert log["b.stop"]["status"] == "error" and log["b.stop"]["codes"] == "timeout"
    assert log["b.stop"]["message"].startswith("took longer than 5 s")
    assert log["a.txt"]["status"] != "error" and log["c.txt"]["status"] != "error", log


def test_workers__a_crashed_worker_s_file_is_an_error_and_not_retried_in_the_parent(tmp_path):
    log = _misbehaving(tmp_path, ["a.txt", "b.crash", "c.txt", "d.txt"], jobs=2, seconds=60)
    assert log["b.crash"]["status"] == "error" and log["b.crash"]["codes"] == "crashed"
    assert "SIGABRT" in log["b.crash"]["message"] and "not retried" in log["b.crash"]["message"]
    assert all(log[name]["status"] != "error" for name in ("a.txt", "c.txt", "d.txt"))


def test_workers__exit_with_their_parent(tmp_path):
    import subprocess
    import sys
    import time

    import psutil

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "x.hang").write_bytes(b"whatever")
    parent = subprocess.Popen([sys.executable, "-c", MISBEHAVING, str(raw), str(tmp_path / "pid"), "1", "600"],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "pid").exists() or not (tmp_path / "pid").read_text():
            assert time.monotonic() < deadline and parent.poll() is None
            time.sleep(0.1)
        worker = int((tmp_path / "pid").read_text())
        parent.kill()  # SIGKILL: the parent cannot clean up
        parent.wait()

        def gone() -> bool:
            try:
                return psutil.Process(worker).status() == psutil.STATUS_ZOMBIE
            except psutil.NoSuchProcess:
                return True

        deadline = time.monotonic() + 10
        while not gone() and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = not gone()
        if alive:
            psutil.Process(worker).kill()
        assert not alive
    finally:
        parent.kill()


GROWN = '''
import json, os, resource, sys
from reportkit.config import BuildConfig, Limits
from reportkit.pipeline.build import plan
from reportkit.pipeline.cache import Cache
from reportkit.pipeline.runner import Run, run_jobs
limits = Limits(max_file_bytes=2**20)
planned = plan(sys.argv[1], None, limits=limits)
os.truncate(planned.jobs[0].path, 2**30)  # the file grows (sparse: no disk used) after it was listed
[outcome] = run_jobs(planned.jobs, Run(BuildConfig(limits=limits), Cache(None, {})), n_jobs=1, progress=False)
print(json.dumps([outcome.status, [p.code for p in outcome.problems],
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024]))
'''


def test_workers__a_file_that_grows_after_listing_is_read_only_up_to_the_size_limit(tmp_path):
    import json
    import subprocess
    import sys

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    result = subprocess.run([sys.executable, "-c", GROWN, str(raw)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    status, codes, peak_mb = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == "error" and codes == ["too_large"]
    assert peak_mb < 900  # the worker, which never held the gigabyte


def test_read_pdf__an_encrypted_pdf_says_it_needs_a_password():
    from reportkit.config import Limits
    from reportkit.readers import ReadError, extract

    with pytest.raises(ReadError) as caught:
        extract(encrypted_pdf(), ".pdf", name="protected.pdf", limits=Limits())
    assert caught.value.problem.code == "encrypted" and "needs a password" in str(caught.value)


# --------------------------------------------------------------------------- 7. content not dropped

ARTICLE = "".join(f"<p>{line}</p>" for line in SEED.read_text(encoding="utf-8").splitlines()[:30] if line.strip())


def _html(name: str) -> bytes:
    if name == "paragraphs beside a link bar":
        return (f'<html><head><meta charset="utf-8"></head><body><div>首页　政务公开　法治政府建设　年度报告　'
                f'通知公告　联系我们　网站地图</div>{ARTICLE}</body></html>').encode()
    if name == "charset undefined":
        return f'<html><head><meta charset="undefined"></head><body><div>{ARTICLE}</div></body></html>'.encode()
    if name == "one line over 10 MB":  # libxml2 drops a text node over 10,000,000 bytes unless told otherwise
        line = "".join(SEED.read_text(encoding="utf-8").split())
        return ("<html><body><p>" + line * (11 * 2**20 // len(line.encode()) + 1) + "</p></body></html>").encode()
    if name == "100,000 nested divs":  # libxml2 stops at 2,048 levels
        return ("<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000 + "</body></html>").encode()
    raise ValueError(name)


@pytest.mark.parametrize("name", ["paragraphs beside a link bar", "charset undefined", "one line over 10 MB",
                                  "100,000 nested divs"])
def test_read_html__the_article_is_kept(name):
    from reportkit.config import Limits
    from reportkit.readers import extract

    extracted = extract(_html(name), ".html", name="page.html", limits=Limits())
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()[:30] if line.strip()]
    text = "".join(extracted.text.split())
    assert lines[0] in text and lines[2][:40] in text and lines[-1][:40] in text


def test_decode_text__mixed_utf8_and_gbk_lines_are_text_not_binary():
    from reportkit.config import Limits
    from reportkit.readers import extract

    lines = SEED.read_text(encoding="utf-8").splitlines()
    half = len(lines) // 2
    data = "\n".join(lines[:half]).encode("utf-8") + b"\n" + "\n".join(lines[half:]).encode("gbk")
    extracted = extract(data, ".txt", name="pasted.txt", limits=Limits())
    assert extracted.text == "\n".join(lines)
    assert extracted.encoding == "utf-8+gb18030"
