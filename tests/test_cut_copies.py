"""Copies cut short, as an analyst saves them: every whole written report (tests/fixtures/written_reports, `partial`
false) cut the ways page copies are cut, built by the public API, must be flagged `is_partial`.

- ``end``: the copy stops mid-sentence, past the middle of the text (a page that loads its first screens only);
- ``paragraph``: it stops after a whole paragraph, past the middle (a viewer's first page);
- ``beginning``: it begins at a paragraph past the first third (a PDF's second page saved alone).

Each cut falls at a place the report's own text decides (its length, its paragraphs), so a new report adds its own
cuts. A few beginnings and one paragraph cut cannot be told from a whole report by the text alone; they are listed
with why.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import reportkit as rk

FOLDER = Path(__file__).parent / "fixtures" / "written_reports"
WHOLE = sorted(path.stem for path in FOLDER.glob("*.json")
               if json.loads(path.read_text(encoding="utf-8")).get("partial") is False)

# Beginnings that read as a whole report: what the copy begins with is a report's own first line. (A copy that begins
# at a later item of a list, （5）…, (4)…, 5. or 六是…, is flagged since written rounds 109 and 110: no whole report begins
# there; five beginnings once listed here, r442, r467, r634, r636 and r743, are read as partial now.)
KNOWN_WHOLE_LOOKING = {
    # parts named by their words, no number (【…】, ■…, …方面, a label under an emoji rule): the copy begins in part
    # one's body, then the principals' part; a report may put that part first
    "r408_laitan_hechuan_kuohao_kuaye": "【…】 labels; begins in part one's body",
    "r417_xiangxian_shanglin_emoji_fengexian": "labels under emoji rules; begins in part one's body",
    "r432_labo_ninglang_xingbiao": "【…】 labels; begins in part one's body",
    "r631_xiaohe_liuyang_fangkuai_biaoti": "■ labels; begins at a ▲ point of part one",
    "r663_taipingchuan_changling_fangmian_daotou": "…方面 labels; begins at the principals' part",
    # begins at 一、 itself: only the title and the opening are lost, and a report may have neither
    "r411_shima_shangnan_fubiao_qianzhi": "begins at 一、",
    # an interview's questions (记者：… / 问题二：…) stand for the parts
    "r429_tangguantun_jinghai_fangtan": "an interview; begins at the second question",
    # no numbered part at all
    "r498_huashi_jinzhai_no_headings": "no headings; begins at the closing paragraphs",
    "r802_shenhou_yuzhou_zhongxinzu_wubiaoti": "no headings (a 汇报 read to a study group); begins at the principal's paragraph",
    # begins at a table of figures and its notes, then part one's sub-headings under an unwritten first part
    "r438_hongguang_helan_mubiao_zhushi": "begins at a table of figures above the sub-headings",
}

# Paragraph cuts that read as a whole report: the copy ends on a whole part a report may end with.
KNOWN_WHOLE_ENDING = {
    # the plans part (三、2023年工作打算) comes before the principals' part; cut after the plans, the copy ends as a
    # report without a signature ends (written round 110)
    "r879_bailianhe_luotian_wenti_biaoge": "ends after its plans part; the principals' part after it is lost",
}



def _end(text: str) -> str:
    """TEXT cut mid-sentence at 60% of its length (moved on to a place inside a sentence)."""
    at = int(0.6 * len(text))
    while at < len(text) and (text[at - 1] in "。！？；：\n" or not re.match(r"[\u4e00-\u9fff]", text[at - 1])):
        at += 1
    return text[:at]


def _paragraph(text: str) -> str | None:
    """TEXT cut after the first paragraph that ends past 55% of its length (None: no such paragraph)."""
    found = re.compile(r"[。；]\n").search(text, int(0.55 * len(text)))
    return text[:found.end()] if found and found.end() < 0.9 * len(text) else None


def _beginning(text: str) -> str | None:
    """TEXT from the first paragraph that starts past 40% of its length (None: no such paragraph)."""
    found = re.compile(r"\n\s*(?=\S)").search(text, int(0.4 * len(text)))  # (its indent of 　　 too)
    return text[found.end():] if found and found.end() < 0.75 * len(text) else None


CUTS = {"end": _end, "paragraph": _paragraph, "beginning": _beginning}


@pytest.fixture(scope="module", params=list(CUTS))
def cut_build(request, tmp_path_factory):
    cut = CUTS[request.param]
    raw = tmp_path_factory.mktemp(f"cut_{request.param}")
    made = []
    for stem in WHOLE:
        copy = cut((FOLDER / f"{stem}.txt").read_text(encoding="utf-8"))
        if copy:
            (raw / f"{stem}.txt").write_text(copy, encoding="utf-8")
            made.append(stem)
    documents = rk.build(raw, manifest=None, out=None, cache_dir=None)["documents"]
    return request.param, made, documents.assign(stem=documents["file"].map(lambda f: Path(f).stem))


def test_cut_copies__every_cut_copy_of_a_whole_report_is_partial(cut_build):
    kind, made, documents = cut_build
    assert len(made) >= 0.9 * len(WHOLE)  # the cuts fall inside nearly every report
    assert sorted(documents["stem"]) == sorted(made)  # none lost, none merged with another
    whole = documents.loc[~documents["is_partial"], "stem"].tolist()
    known = {"beginning": KNOWN_WHOLE_LOOKING, "paragraph": KNOWN_WHOLE_ENDING}.get(kind, {})
    assert sorted(set(whole) - set(known)) == []
    assert len(whole) <= len(known)

