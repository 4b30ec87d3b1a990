"""Hostile and broken input files (issue 10): every file is accounted for, nothing hangs or explodes.

The corpus is generated here, in tmp_path: real-looking reports in other towns' styles next to
empty files, spreadsheets, scans, mojibake, zip bombs, entity bombs, pathological texts and
unusual file names. The build runs through the command line, as an analyst would run it.
"""
from __future__ import annotations

import io
import os
import signal
import struct
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import psutil
import pytest

from reportkit import schema
from reportkit.config import Limits
from reportkit.manifest import read_manifest
from reportkit.readers import ReadError, extract
from reportkit.store import MARKER, read_tables, recover_outputs, write_tables

from .conftest import ROOT, output_bytes

# Two reports in styles unlike the seeds (a 街道 in Zhejiang, a 镇 in Sichuan).
REPORT_A = """西湖街道2023年度法治政府建设情况报告
2023年，西湖街道坚持以习近平法治思想为指导，现将有关情况报告如下：
一、主要举措和成效
（一）强化组织保障。街道党工委召开法治建设专题会议4次，研究解决重点问题11个。
（二）深化普法宣传。开展“宪法宣传周”活动18场次，发放宣传资料2600余份，受众约1.5万人次。
二、存在的不足和原因
一是基层执法人员专业素质有待提高。二是法治宣传形式较为单一。
三、2024年工作安排
（一）加强执法队伍建设。（二）创新普法方式方法。
"""
REPORT_B = """高桥镇人民政府关于2022年法治政府建设工作情况的报告
今年以来，我镇认真落实上级关于法治政府建设的部署要求，各项工作有序推进。
一、工作开展情况
1、化解矛盾纠纷。全年排查调处矛盾纠纷136件，调处成功率达98%。
2、规范行政执法。办理行政处罚案件23件，无一起被复议纠错。
二、存在的问题
执法力量仍然不足，部分村（社区）法律顾问作用发挥不充分。
三、下一步工作打算
继续加强法治宣传教育，提升干部群众法治意识。
"""
# No town and no year anywhere (a pasted body without its title).
REPORT_NO_META = """关于法治政府建设工作情况的报告
一、主要做法
（一）健全制度。制定完善议事规则3项，开展合法性审查27件，聘请法律顾问2名。
（二）加强宣传。组织法治讲座5场，参与群众400余人。
二、存在的不足
宣传覆盖面不够广，执法规范化水平有待提升。
三、下一步工作打算
继续推进依法行政。
"""


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def lying_zip(member: str, n_bytes: int, declared: int, *, fill: bytes = b"\0") -> bytes:
    """A zip whose MEMBER inflates to N_BYTES of FILL while its headers declare DECLARED bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        info = zipfile.ZipInfo(member)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as stream:  # streamed: the payload is never whole in memory
            for _ in range(n_bytes // 2**20):
                stream.write(fill * 2**20)
            stream.write(fill * (n_bytes % 2**20))
    data = bytearray(buffer.getvalue())
    true_size, lie = struct.pack("<I", n_bytes), struct.pack("<I", declared)
    # The uncompressed size sits at offset 22 of the local header and 24 of the central entry.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + offset:start + offset + 4] == true_size:
                data[start + offset:start + offset + 4] = lie
            start += 4
    return bytes(data)


def billion_laughs_docx() -> bytes:
    entities = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈哈哈">{entities}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>")
    clean = zipfile.ZipFile(io.BytesIO(docx_bytes([REPORT_A])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in clean.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else clean.read(info)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


def blank_pdf(pages: int = 1, text: str | None = None) -> bytes:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for _ in range(pages):
            fig = Figure(figsize=(3, 3))
            ax = fig.add_subplot()
            ax.plot([1, 2, 3])
            if text:
                import noto_cjk_sans_otc
                from matplotlib.font_manager import FontProperties

                font = FontProperties(fname=str(noto_cjk_sans_otc.FONT_PATH))
                fig.text(0.01, 0.5, text, fontproperties=font, fontsize=5)
            pdf.savefig(fig)
    return buffer.getvalue()


def xlsx_bytes(sheet: str = "sheet1") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr(f"xl/worksheets/{sheet}.xml", "<worksheet><c>西湖街道 2023</c></worksheet>".encode())
    return buffer.getvalue()


HOSTILE_HTML = """<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head><meta charset="utf-8"><title>报告</title>
<script>document.write("恶意脚本内容");fetch("http://example.invalid/x")</script></head>
<body><iframe src="http://example.invalid/frame">框架内容</iframe><p>&xxe;</p>
<div class="article">""" + "".join(f"<p>{line}</p>" for line in REPORT_B.replace("高桥镇", "新桥镇").splitlines()) + \
    "</div></body></html>"


def write_corpus(raw: Path) -> dict[str, tuple[str, str]]:
    """Write the hostile corpus; return file → (expected status, a phrase its message must contain)."""
    raw.mkdir()
    utf8_a = REPORT_A.encode("utf-8")
    files: dict[str, tuple[bytes, str, str]] = {
        "good_a.txt": (utf8_a, "ok", ""),
        "good_b.docx": (docx_bytes(REPORT_B.splitlines()), "ok", ""),
        "good_a_copy.txt": (utf8_a, "warning", "duplicate of good_a.txt"),
        "empty.txt": (b"", "error", "empty file"),
        "blank.txt": ("  \r\n\u3000\n\t".encode(), "error", "empty"),
        "budget.xlsx": (xlsx_bytes(), "skipped", "unsupported format .xlsx"),
        "old_word.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "error", "not a readable Word 97–2003 file"),
        "xlsx_renamed.txt": (xlsx_bytes("sheet2"), "error", "Excel workbook"),
        "xlsx_renamed.docx": (xlsx_bytes("sheet3"), "error", "an Excel workbook named .docx"),  # not "re-save the .doc"
        "photo.txt": (b"\x89PNG\r\n\x1a\n" + os.urandom(3000), "error", "not text"),
        "random.txt": (bytes(range(256)) * 8 + os.urandom(4000), "error", "not text"),
        "mojibake_latin1.txt": (REPORT_B.encode("utf-8").decode("latin-1").encode("utf-8"), "error", "mojibake"),
        "mojibake_cp1252.txt": (REPORT_B.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
                                "error", "mojibake"),
        "mojibake_gbk.txt": (REPORT_B.encode("gbk").decode("latin-1").encode("utf-8"), "error", "mojibake"),
        "page_gbk.html": (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
                          f'</head><body><div>{"<br>".join(REPORT_B.replace("高桥镇", "东桥镇").splitlines())}</div></body></html>'
                          .encode("gbk"), "ok", ""),
        "report_gb18030.txt": (REPORT_NO_META.replace("关于", "东坝镇2021年关于").encode("gb18030"), "ok", ""),
        "report_utf16.txt": (REPORT_B.replace("2022", "2020").replace("高桥镇", "西桥镇").encode("utf-16-le"), "ok", ""),
        "scan.pdf": (blank_pdf(), "error", "no text layer"),
        "long.pdf": (blank_pdf(4, "高桥镇2019年法治政府建设年度报告 一、主要举措 开展普法宣传活动十余场次发放资料三千余份"),
                     "warning", "only the first 2 of 4 pages"),
        "truncated.pdf": (blank_pdf()[:300], "error", "unreadable PDF"),
        "truncated.docx": (docx_bytes(REPORT_A.splitlines())[:2000], "error", "docx"),
        "bomb_lying.docx": (lying_zip("word/document.xml", 20 * 2**20, 1000, fill=b"a"), "error", "corrupt .docx"),
        "bomb_honest.docx": (lying_zip("word/document.xml", 20 * 2**20, 20 * 2**20), "error", "zip bomb"),
        "laughs.docx": (billion_laughs_docx(), "error", "DOCTYPE"),
        "hostile.html": (HOSTILE_HTML.encode(), "ok", ""),
        "paste.txt": (utf8_a * (3 * 2**20 // len(utf8_a)), "error", "over the 2 MB limit"),
        "large_ok.txt": (REPORT_B.replace("2022", "2018").encode() * (2**19 // len(REPORT_B.encode())),
                         "ok", ""),
        ".hidden.txt": (utf8_a + b"x", "skipped", "hidden"),
        "~$report.docx": (b"\x05lock", "skipped", "hidden or temporary"),
        "nested/deeper/report_c.txt": (REPORT_A.replace("西湖街道", "南湖街道").encode(), "ok", ""),
        "no_meta.txt": (REPORT_NO_META.encode(), "warning", "no year found; add it to data/manifest.csv"),
        "slow_parens.txt": ((REPORT_A.replace("西湖街道", "北湖街道") + "（" * 100000).encode(), "warning",
                            "partial text (cut off)"),  # a text ending in junk is not a clean whole report
        "slow_numerals.txt": ((REPORT_A.replace("2023", "2017") + "一" * 200000).encode(), "warning", "partial text (cut off)"),
        "slow_digits.txt": ((REPORT_A.replace("2023", "2016").replace("西湖街道", "东湖街道") + "1" * 500000).encode(),
                            "warning", "partial text (cut off)"),
        # thousands of slogans and stages (两个确立, 三个阶段), each a range its figures are tested against
        "slow_slogans.txt": ((REPORT_A.replace("2023", "2014").replace("西湖街道", "中湖街道") + "两个确立三个阶段" * 30000
                              ).encode(), "warning", "partial text (cut off)"),
        "one_long_line.txt": (REPORT_A.replace("\n", "").replace("2023", "2015").encode() * 30, "", ""),
    }
    expected = {}
    for name, (data, status, phrase) in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = (status, phrase)
    os.symlink(raw / "good_a.txt", raw / "link.txt")
    expected["link.txt"] = ("skipped", "symbolic link")
    os.symlink(raw, raw / "loop")  # a link to a folder above: must not be followed
    expected["loop"] = ("skipped", "symbolic link")
    try:
        bad_name = os.fsdecode("报告_gbk".encode("gbk") + b".txt")
        (raw / bad_name).write_bytes(REPORT_B.replace("高桥镇", "石桥镇").encode())
        expected["报告_gbk.txt"] = ("ok", "")
    except (OSError, UnicodeError):  # a filesystem that refuses non-UTF-8 names
        pass
    return expected


def run_cli(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "reportkit.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    expected = write_corpus(base / "raw")
    result = run_cli("build", base / "raw", "--out", base / "out", "--no-cache", "--no-manifest", "--jobs", "2",
                     "--max-mb", 2, "--timeout", 60, "--max-pages", 2)
    return base, expected, result


def test_build__hostile_corpus_exits_zero_with_summary(hostile):
    _, _, result = hostile
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ok" in result.stderr and "error" in result.stderr and "warning" in result.stderr


def test_build__every_file_once_in_log_with_expected_status(hostile):
    base, expected, _ = hostile
    log = read_tables(base / "out", ["build_log"])["build_log"]
    assert log["file"].is_unique
    assert set(log["file"]) == set(expected)
    rows = log.set_index("file")
    wrong = {name: (rows.loc[name, "status"], rows.loc[name, "message"]) for name, (status, phrase) in expected.items()
             if status and (rows.loc[name, "status"] != status or phrase not in rows.loc[name, "message"])}
    assert wrong == {}


def test_build__every_problem_has_a_code(hostile):
    from reportkit.problems import CODES

    base, _, _ = hostile
    log = read_tables(base / "out", ["build_log"])["build_log"].set_index("file")
    for row in log.itertuples():
        codes = [c for c in row.codes.split(";") if c]
        assert set(codes) <= set(CODES), row
        # (a message may itself contain "; ": the codes, not the message, say how many problems there are)
        assert bool(codes) == bool(row.message) and len(codes) <= len(row.message.split("; ")), row
    expected = {"empty.txt": "empty", "budget.xlsx": "unsupported_format", "good_a_copy.txt": "duplicate",
                "laughs.docx": "refused", "scan.pdf": "no_text_layer", "long.pdf": "pages_cut", "link.txt": "not_regular",
                ".hidden.txt": "hidden", "paste.txt": "too_large", "no_meta.txt": "no_year", "xlsx_renamed.txt": "not_text",
                "xlsx_renamed.docx": "not_text", "mojibake_latin1.txt": "garbled"}
    assert {f: log.loc[f, "codes"].split(";")[0] for f in expected} == expected


def test_build__problem_rows_have_readable_messages(hostile):
    base, _, _ = hostile
    log = read_tables(base / "out", ["build_log"])["build_log"]
    problems = log[log["status"] != "ok"]
    assert problems["message"].str.len().gt(5).all()
    assert not problems["message"].str.contains("internal error|Traceback").any()


def test_build__good_files_next_to_bad_ones_are_all_in_reports_total(hostile):
    base, expected, _ = hostile
    docs = read_tables(base / "out", ["documents"])["documents"]
    readable = {name for name, (status, _) in expected.items() if status in ("ok", "warning")
                and not name.endswith("_copy.txt")}
    assert readable <= set(docs["file"])
    assert docs.set_index("file").loc["page_gbk.html", "encoding"] == "gb18030"


def test_build__hostile_html_keeps_no_script_and_fetches_nothing(hostile):
    base, _, _ = hostile
    text = read_tables(base / "out", ["documents"])["documents"].set_index("file").loc["hostile.html", "text"]
    assert "新桥镇" in text
    for unwanted in ("恶意脚本", "fetch", "框架内容", "root:"):
        assert unwanted not in text


def test_check__prints_problems_per_file_without_building(hostile, tmp_path):
    base, _, _ = hostile
    result = run_cli("check", base / "raw", "--no-manifest", "--max-mb", 2, "--timeout", 60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "empty.txt: empty file" in result.stdout
    assert "budget.xlsx: unsupported format .xlsx" in result.stdout
    assert "good_a_copy.txt: duplicate of good_a.txt" in result.stdout
    assert "good_a.txt:" not in result.stdout.replace("good_a_copy.txt:", "")
    assert "reportkit check:" in result.stdout and "error" in result.stdout


# ---------------------------------------------------------------- zip bombs and entity bombs


def test_extract__zip_bomb_with_lying_declared_size_is_refused():
    data = lying_zip("word/document.xml", 20 * 2**20, 1000, fill=b"a")
    with pytest.raises(ReadError, match="corrupt .docx"):
        extract(data, ".docx", name="x.docx", limits=Limits(max_unzipped_bytes=2**20))


def test_bounded_unzip__counts_actual_bytes_when_the_header_understates(monkeypatch):
    # zipfile itself stops at the declared size; a reader that trusts only the stream must not.
    from reportkit import readers as rio

    data = lying_zip("word/document.xml", 3 * 2**20, 3 * 2**20)
    archive = zipfile.ZipFile(io.BytesIO(data))
    for info in archive.infolist():
        info.file_size = 10  # the guard on declared sizes sees nothing suspicious
    monkeypatch.setattr(archive, "open", lambda info: io.BytesIO(b"\0" * (3 * 2**20)))
    with pytest.raises(ReadError, match="beyond the size limit"):
        rio._bounded_unzip(archive, Limits(max_unzipped_bytes=2**20))


def test_extract__entity_expansion_docx_refused_quickly():
    with pytest.raises(ReadError, match="DOCTYPE"):
        extract(billion_laughs_docx(), ".docx", name="x.docx", limits=Limits())


BOMB_SCRIPT = textwrap.dedent("""
    import resource, sys
    from reportkit.config import Limits
    from reportkit.readers import ReadError, extract
    data = open(sys.argv[1], "rb").read()
    with open("/proc/self/statm") as f:
        used = int(f.read().split()[0]) * resource.getpagesize()
    # Allow 400 MB more address space than now: the bomb inflates to 1 GB.
    resource.setrlimit(resource.RLIMIT_AS, (used + 400 * 2**20, resource.getrlimit(resource.RLIMIT_AS)[1]))
    try:
        extract(data, ".docx", name="bomb.docx", limits=Limits(max_zip_ratio=1e9))
    except ReadError as exc:
        print("ReadError:", exc)
    except MemoryError:
        print("MemoryError")
""")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc to measure memory")
@pytest.mark.parametrize("declared", [2**30 - 1, 1000], ids=["honest", "lying"])
def test_extract__zip_bomb_memory_stays_bounded(tmp_path, declared):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(lying_zip("word/document.xml", 2**30 - 1, declared))  # 1 GB of zeros in ~1 MB
    assert bomb.stat().st_size < 5 * 2**20
    result = subprocess.run([sys.executable, "-c", BOMB_SCRIPT, str(bomb)], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ReadError:"), result.stdout
    assert ("zip bomb" if declared > 2**20 else "corrupt .docx") in result.stdout


# ---------------------------------------------------------------- time limit


def test_time_limit__stops_a_pure_python_loop():
    from reportkit.pipeline.runner import FileTimeout, time_limit

    with pytest.raises(FileTimeout):
        with time_limit(0.2):
            while True:
                pass


def test_time_limit__stops_a_catastrophic_regex():
    import re

    from reportkit.pipeline.runner import FileTimeout, time_limit

    with pytest.raises(FileTimeout):
        with time_limit(0.2):
            re.search(r"(a+)+$", "a" * 64 + "b")


def test_run_job__slow_file_becomes_an_error_row(tmp_path, monkeypatch):
    import hashlib
    from dataclasses import replace

    from reportkit.config import BuildConfig
    from reportkit.pipeline import runner, stages
    from reportkit.pipeline.cache import Cache

    path = tmp_path / "slow.txt"
    path.write_bytes(REPORT_A.encode())

    def endless(*args, **kwargs):
        while True:
            pass

    monkeypatch.setitem(stages.STAGES, "parse", replace(stages.STAGES["parse"], function=endless))
    run = runner.Run(BuildConfig(limits=Limits(seconds_per_file=0.3)), Cache(None, {}), stages=("parse",))
    outcome = runner.run_job(runner.Job("slow.txt", path, hashlib.sha256(path.read_bytes()).hexdigest()), run)
    assert outcome.status == "error" and outcome.problems[0].code == "timeout"
    assert "took longer than 0.3 s" in outcome.problems[0].message


def test_run_jobs__outcomes_handed_to_collect_in_order_are_not_also_kept(tmp_path):
    """A build hands each outcome to its group and drops it: run_jobs must not keep them all."""
    import hashlib

    from reportkit.config import BuildConfig
    from reportkit.pipeline import runner
    from reportkit.pipeline.cache import Cache

    jobs = []
    for name, text in (("b.txt", REPORT_B), ("a.txt", REPORT_A), ("none.txt", REPORT_NO_META)):
        path = tmp_path / name
        path.write_bytes(text.encode())
        jobs.append(runner.Job(name, str(path), hashlib.sha256(path.read_bytes()).hexdigest()))
    run = runner.Run(BuildConfig(), Cache(None, {}), stages=("parse",))
    kept = runner.run_jobs(jobs, run, n_jobs=1, progress=False)
    collected = []
    returned = runner.run_jobs(jobs, run, n_jobs=1, progress=False, collect=collected.append)
    assert returned == []
    assert [o.file for o in collected] == [o.file for o in kept] == ["b.txt", "a.txt", "none.txt"]
    assert [o.result["meta"]["town"] for o in collected] == [o.result["meta"]["town"] for o in kept]
    assert collected[1].result["meta"]["town"] == "西湖街道"


# ---------------------------------------------------------------- manifest


MANIFEST = ("file,town,year,colour\n"
            "good_a.txt,西湖街道,2023,red\n"
            "good_a.txt,西湖街道,2023,red\n"
            "gone.txt,东坝镇,2021,\n"
            "no_meta.txt,北坝乡,二三年,\n"
            "nested/deeper/report_c.txt,南湖街道,2023,\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_read_manifest__excel_encodings_bad_rows_reported_rest_kept(tmp_path, encoding):
    raw = tmp_path / "raw"
    (raw / "nested" / "deeper").mkdir(parents=True)
    for name in ("good_a.txt", "no_meta.txt", "nested/deeper/report_c.txt"):
        (raw / name).write_text("x")
    path = tmp_path / "manifest.csv"
    path.write_bytes(MANIFEST.replace("\n", "\r\n").encode(encoding))
    table, problems = read_manifest(path, raw_dir=raw)
    assert table["town"].tolist() == ["西湖街道", "东坝镇", "北坝乡", "南湖街道"]
    text = "\n".join(map(str, problems))
    for expected in ("line 1: unknown column 'colour'", "line 3: duplicate of line 2", "line 4: file 'gone.txt' not found",
                     "line 5: invalid year '二三年'"):
        assert expected in text


def test_build__manifest_problems_in_manifest_log_not_build_log(tmp_path):
    from reportkit.pipeline.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "no_meta.txt").write_bytes(REPORT_NO_META.encode())
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes("file,town,year\nno_meta.txt,北坝乡,2022\nghost.txt,东坝镇,2021\n".encode("gbk"))
    tables = build(raw, manifest=manifest, out=None, cache_dir=None, jobs=1)
    assert tables["build_log"]["file"].tolist() == ["no_meta.txt"]
    assert tables["documents"].loc[0, "town"] == "北坝乡" and tables["documents"].loc[0, "year"] == 2022
    problems = tables["manifest_log"]
    assert problems[["file", "line"]].values.tolist() == [["manifest.csv", 3]]
    assert "ghost.txt' not found" in problems.loc[0, "message"]


def test_build__unreadable_manifest_does_not_stop_the_build(tmp_path):
    from reportkit.pipeline.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(REPORT_A.encode())
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes(b"town,year\n")  # no file column
    tables = build(raw, manifest=manifest, out=None, cache_dir=None, jobs=1)
    assert len(tables["documents"]) == 1
    assert "no 'file' column" in tables["manifest_log"].loc[0, "message"]
    assert tables["manifest_log"].loc[0, "status"] == "error"


# ---------------------------------------------------------------- determinism and atomicity


def test_build__same_inputs_byte_identical_outputs(tmp_path):
    from reportkit.pipeline.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in (("a.txt", REPORT_A), ("b.txt", REPORT_B), ("c.txt", REPORT_NO_META)):
        (raw / name).write_bytes(text.encode())
    (raw / "empty.txt").write_bytes(b"")
    build(raw, out=tmp_path / "one", cache_dir=None, jobs=2)
    build(raw, out=tmp_path / "two", cache_dir=None, jobs=1)
    one, two = output_bytes(tmp_path / "one"), output_bytes(tmp_path / "two")
    assert one == two


def test_build__killed_midway_leaves_previous_outputs_intact(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(REPORT_A.encode())
    out = tmp_path / "out"
    first = run_cli("build", raw, "--out", out, "--no-cache", "--quiet", "--jobs", "1")
    assert first.returncode == 0, first.stderr
    before = output_bytes(out)
    for i in range(40):
        (raw / f"r{i}.txt").write_bytes(REPORT_B.replace("2022", str(1990 + i)).encode() * 4)
    process = subprocess.Popen([sys.executable, "-m", "reportkit.cli", "build", str(raw), "--out", str(out),
                                "--no-cache", "--quiet", "--jobs", "2"], cwd=ROOT, start_new_session=True)
    # The pool's workers exist only while documents are processed: killing the whole session as
    # soon as they appear lands mid-build however fast the machine is (a fixed sleep did not).
    parent = psutil.Process(process.pid)
    while process.poll() is None and not parent.children():
        time.sleep(0.005)
    assert process.poll() is None, "the build ended before its workers were seen"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    recover_outputs(out)
    assert output_bytes(out) == before
    assert read_tables(out)["documents"]["file"].tolist() == ["a.txt"]
    again = run_cli("build", raw, "--out", out, "--no-cache", "--quiet", "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert len(read_tables(out)["documents"]) == 41
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_write_tables__interrupted_between_renames_is_recovered(tmp_path, monkeypatch):
    import reportkit.store as rio

    out = tmp_path / "out"
    write_tables({"build_log": schema.frame("build_log", file=["first.txt"])}, out)
    real_replace = os.replace

    def dies_on_second_rename(src, dst):
        if Path(src).name.startswith(".out.tmp-"):
            raise KeyboardInterrupt  # the moment between moving the old outputs away and the new in
        real_replace(src, dst)

    monkeypatch.setattr(rio.os, "replace", dies_on_second_rename)
    with pytest.raises(KeyboardInterrupt):
        write_tables({"build_log": schema.frame("build_log", file=["second.txt"])}, out)
    monkeypatch.setattr(rio.os, "replace", real_replace)
    assert not out.exists()  # the dangerous state a kill at that moment leaves
    assert read_tables(out)["build_log"]["file"].tolist() == ["first.txt"]  # restored from the backup


def test_recover_outputs__removes_staging_of_dead_builds_only(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = tmp_path / ".out.tmp-999999999-abc"
    alive = tmp_path / f".out.tmp-{os.getppid()}-abc"
    mine = tmp_path / ".out.tmp-999999999-mine"  # a folder of the user's that happens to be so named
    for folder in (dead, alive, mine):
        folder.mkdir()
    for folder in (dead, alive):
        (folder / MARKER).write_text("")
    recover_outputs(out)
    assert not dead.exists() and alive.exists() and mine.exists()


def test_pool__a_warmed_worker_that_died_idle_is_replaced_and_the_file_is_not_lost(tmp_path):
    """The build starts a worker early to warm up; if it dies before its first file (killed,
    out of memory), the file goes to a new worker, not to the build log as a crash."""
    from reportkit.config import BuildConfig
    from reportkit.pipeline.cache import Cache, stage_keys
    from reportkit.pipeline.runner import Job, Pool, Run

    config = BuildConfig()
    run = Run(config, Cache(None, stage_keys(config)))
    path = tmp_path / "某镇2023年法治政府建设年度报告.txt"
    path.write_text("某镇2023年法治政府建设年度报告\n一、主要工作\n我镇召开会议3次。\n", encoding="utf-8")
    import hashlib

    job = Job(path.name, path, hashlib.sha256(path.read_bytes()).hexdigest())
    with Pool(run, 1) as pool:
        pool.start(warm=1)
        first = pool.workers[0].process
        first.kill()
        first.join()
        pool.submit(0, job)
        outcome = pool.result(0)
        assert pool.workers and pool.workers[0].process.pid != first.pid
    assert outcome.status in ("ok", "warning") and outcome.result is not None


def test_pool__a_worker_has_its_next_file_before_it_answers_the_last(tmp_path):
    """The parent writes a group while the workers compute: a worker done with its file must not
    wait for the parent to send the next, so it is sent ahead; results still come in the jobs' order."""
    import hashlib

    from reportkit.config import BuildConfig
    from reportkit.pipeline.cache import Cache
    from reportkit.pipeline.runner import AHEAD, Job, Pool, Run

    jobs = []
    for name, text in (("b.txt", REPORT_B), ("a.txt", REPORT_A), ("none.txt", REPORT_NO_META)):
        path = tmp_path / name
        path.write_bytes(text.encode())
        jobs.append(Job(name, str(path), hashlib.sha256(path.read_bytes()).hexdigest()))
    run = Run(BuildConfig(), Cache(None, {}), stages=("parse",))
    with Pool(run, 1) as pool:
        for index, job in enumerate(jobs):
            pool.submit(index, job)
        pool.poll()
        assert AHEAD >= 2 and [index for index, _ in pool.workers[0].jobs] == list(range(AHEAD))
        outcomes = [pool.result(index) for index in range(len(jobs))]
    assert [o.file for o in outcomes] == ["b.txt", "a.txt", "none.txt"]
    assert [o.result["meta"]["town"] for o in outcomes[:2]] == ["高桥镇", "西湖街道"]
    assert all(o.status != "error" for o in outcomes), [o.problems for o in outcomes]


def test_in_order_thread__runs_the_calls_in_order_one_at_a_time_and_raises_their_error():
    """The groups and the reuse index's bands are written by it while the build goes on: a write
    must never overtake the one before, nor its failure pass unnoticed."""
    from reportkit.pipeline.runner import InOrderThread

    done, running = [], []

    def write(i: int) -> None:
        running.append(i)
        assert len(running) == 1, running  # never two at once
        time.sleep(0.02 if i % 2 == 0 else 0)
        done.append(i)
        running.remove(i)

    for threads in (1, 0):
        done.clear()
        with InOrderThread(threads) as writer:
            for i in range(6):
                writer.submit(write, i)
        assert done == list(range(6))

    def full(i: int) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        with InOrderThread() as writer:
            writer.submit(full, 0)  # raised on leaving the block, not lost
    writer = InOrderThread()
    writer.submit(full, 0)
    with pytest.raises(OSError, match="No space left"):
        writer.submit(write, 1)  # or at the next call
    writer.__exit__(None)


def test_in_threads__keeps_the_order_and_raises_the_first_error():
    """The corpus steps write the groups' parts in threads: the parts must come back in the
    groups' order however long each takes, and a failed write must not pass unnoticed."""
    from reportkit.pipeline.runner import in_threads

    def slow_first(i: int) -> int:
        time.sleep(0.05 if i == 0 else 0)
        return i * i

    assert in_threads(slow_first, range(6), 3) == [0, 1, 4, 9, 16, 25]

    def fails_on_three(i: int) -> int:
        if i == 3:
            raise OSError(28, "No space left on device")
        return i

    with pytest.raises(OSError, match="No space left"):
        in_threads(fails_on_three, range(6), 2)
