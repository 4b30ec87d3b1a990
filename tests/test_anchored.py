"""A pattern tried only where its words stand finds what the plain search finds (reportkit/anchored.py).

The shortcut is held to ``pattern.finditer`` on every figure-exclusion pattern over the written reports and the
development pages, on patterns of every construct the reading handles (alternations, repeats, look-arounds,
anchors, words that overlap) over texts written to sit at the edges, and over random texts of a small alphabet.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reportkit import resources
from reportkit.anchored import AnchoredPattern, _finder, _overlapping, _places
from reportkit.normalize import normalize_text

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "fixtures" / "written_reports").glob("r*.txt")) + sorted(
    (HERE / "realworld" / "cases").glob("*.txt"))


def _plain(pattern: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _anchored(pattern: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in AnchoredPattern(pattern).finditer(text)]


@pytest.fixture(scope="module")
def report_texts() -> list[str]:
    texts = [normalize_text(path.read_text(encoding="utf-8")) for path in TEXTS]
    # a few built to meet the patterns' edges: a slogan at the very start and end, numerals in long runs,
    # a line of 15,000 numerals with no words, a number list spread over lines
    texts += ["三个确立两个维护", "全镇共有12个行政村，" * 3 + "建党100周年", "一二三四五六七八九十" * 1500,
              "3·15消费者权益日\n1.2.3.4\n某府〔2024〕12号\n2021-2025年，24小时值班，一式三份，全国仅3家。",
              "在全县28个乡镇中综合考核第一，排名上升了第5位，五大行动，三项制度，两个“一号工程”"]
    return texts


def test_every_exclusion__as_the_plain_search(report_texts):
    patterns = resources.indicator_exclusions()
    anchored = [AnchoredPattern(p) for p in patterns]
    assert sum(1 for a in anchored if a.anchors) > len(patterns) / 2  # most are tried at their words only
    found = 0
    for pattern, shortcut in zip(patterns, anchored):
        for text in report_texts:
            got = [(m.start(), m.end(), m.group()) for m in shortcut.finditer(text)]
            assert got == _plain(pattern, text), (pattern.pattern, text[:40])
            found += len(got)
    assert found > 1000  # the texts hold matches, not only their absence


@pytest.mark.parametrize("source, text", [
    (r"(?<!\d)\d+\s*周年", "建党100周年，1000  周年，周年，x9周年"),
    (r"(?:全|本|我)(?:镇|乡|街道)(?:共有|有)\s*\d+\s*个", "全镇共有 12 个村，本乡有3个，我街道共有个"),
    (r"[一二三四五六七八九十]{1,3}村(?![民委])", "三村四村民十二村一二三四村"),
    (r"(?<=[县区]委)[一二三四五六七八九十]{1,3}次(?=[^，]{0,12}会议)", "县委三次全体会议，区委十二次会议，市委三次会议"),
    (r"甲乙|乙丙", "甲乙丙乙丙甲乙"),  # overlapping words: every place found, matches do not overlap
    (r"aa", "aaaaa"),  # a match begins inside the previous one's word
    (r"x[ab]+y|z", "xabay zz xy xbby"),
    (r"^第[一二三]部分$", "第一部分\n第二部分"),  # anchors at the text's edges
    (r"(?m)^第[一二三]部分$", "第一部分\n第二部分\n前第三部分"),
    (r"\b\d+号\b", "12号 3号a 45号"),
    (r"(?:同比|环比)(?:增长|下降)\d+(?:\.\d+)?%", "同比增长12.5%，环比下降3%，同比持平"),
    (r"(?i)abc\d", "ABC1 abc2"),  # case ignored: searched whole
    (r"甲?", "甲乙甲"),  # may match nothing: searched whole
    (r"(\d)号\1", "1号1 2号3"),  # a back reference
    (r"[^，]{0,5}会议", "召开专题会议，会议，开会议"),
])
def test_patterns_of_every_construct__as_the_plain_search(source, text):
    pattern = re.compile(source)
    assert _anchored(pattern, text) == _plain(pattern, text)
    for variant in (text * 3, "前" + text + "后", text.replace("，", "\n")):
        assert _anchored(pattern, variant) == _plain(pattern, variant)


def _words(finder) -> list[str]:
    """The words a finder looks for (one word as a string, several as an alternation, maybe wrapped)."""
    if isinstance(finder, str):
        return [finder]
    return sorted(getattr(finder.pattern, "pattern", finder.pattern).split("|"))


def test_words_and_places_read_from_the_pattern():
    years = AnchoredPattern(re.compile(r"(?<!\d)\d+\s*周年"))
    (word, fewest, most, back), = years.anchors  # after a run of digits and spaces of any length
    assert (_words(word), fewest, most, back.pattern) == (["周年"], 1, 0, r"[\d\s]") and _words(years.held) == ["周年"]
    towns = AnchoredPattern(re.compile(r"(?:全|本)(?:镇|乡)有\d+个"))
    (finder, fewest, most, back), = towns.anchors
    assert (fewest, most, back) == (0, 0, None)
    assert _words(finder) == ["全乡有", "全镇有", "本乡有", "本镇有"]
    villages = AnchoredPattern(re.compile(r"[一二三四五六七八九十]{1,3}村"))
    (finder, fewest, most, back), = villages.anchors  # 村 stands less often than the ten numerals
    assert (_words(finder), fewest, most, back) == (["村"], 1, 3, None)
    assert AnchoredPattern(re.compile(r"[^，]+会议")).anchors == ()  # any character before it: searched whole
    assert not AnchoredPattern(re.compile(r"(?i)abc")).anchors


@pytest.mark.parametrize("words, overlapping", [
    ({"甲乙", "乙丙"}, True), ({"阿阿"}, True), ({"全镇有", "镇"}, True), ({"村"}, False), ({"全镇", "本乡", "乡有"}, True),
    ({"全镇", "本乡"}, False), ({"一", "二", "三"}, False),
])
def test_words_that_may_overlap__found_one_by_one(words, overlapping):
    assert _overlapping(words) is overlapping
    text = "甲乙丙阿阿阿全镇有本乡有一二三"
    expected = sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})
    assert _places(_finder(set(words)), text) == expected


def test_tried_only_near_its_words():
    pattern = AnchoredPattern(re.compile(r"[一二三四五六七八九十]{1,3}村"))
    text = "开展工作" * 500 + "五村" + "开展工作" * 500
    assert pattern._starts(text) == [1998, 1999, 2000]  # the three places 五村 could begin (村 at 2001)
    years = AnchoredPattern(re.compile(r"(?<!\d)\d+\s*周年"))
    assert years._starts("开展工作" * 100 + "纪念建党 100 周年") == [404, 405, 406, 407, 408]  # back over " 100 "
    assert years._starts("1" * 2000 + "周年") is None  # a run longer than trying each place is worth: searched


@pytest.mark.parametrize("source", [
    r"甲[乙丙]{1,3}丁", r"(?<!甲)乙+丙?", r"(?:甲乙|丙)\s*\d{1,2}丁(?!乙)", r"乙(?=丙{2})", r"[甲乙]{2}丙|丁甲",
    r"(?<=[丙丁])甲乙?", r"(?:甲|乙丙)(?:丁|甲)[^丙]{0,3}乙", r"\d+甲|甲\d{2,}", r"[乙\d]+\s*丙?\s*甲",
    r"(?:甲\d*|乙+)丁", r"\d+(?:甲|乙\s*)+丙", r"(甲)(乙)?丙", r"(?m)^乙+$", r"丁?",
])
def test_random_texts__as_the_plain_search(source):
    pattern, rng = re.compile(source), random.Random(source)
    anchored = AnchoredPattern(pattern)
    for _ in range(300):
        text = "".join(rng.choice("甲乙丙丁 1,\n") for _ in range(rng.randint(0, 60)))
        pos = rng.randint(0, len(text))
        assert _anchored(pattern, text) == _plain(pattern, text), text
        assert [m.span() for m in anchored.finditer(text, pos)] == [m.span() for m in pattern.finditer(text, pos)]
        assert anchored.findall(text) == pattern.findall(text), text
        assert anchored.sub("<\\g<0>>", text) == pattern.sub("<\\g<0>>", text), text
        assert anchored.sub(lambda m: m.group().upper() + "|", text) == pattern.sub(lambda m: m.group().upper() + "|", text)
        plain, got = pattern.search(text, pos), anchored.search(text, pos)
        assert (got and got.span()) == (plain and plain.span()), (text, pos)
        assert anchored.match(text) == pattern.match(text) or anchored.match(text).span() == pattern.match(text).span()
