"""The per-report work's shortcuts give what the plain reading gives (issue 18's performance pass).

Each shortcut (a precheck, a cache, plain lists for pandas selections, typed columns) is checked
against the reading it replaces, in wordings and tables other than the reports it was timed on.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reportkit import figure_units, resources
from reportkit import sections as sections_module
from reportkit.figure_units import categorize, category_rules, load_units, unit_kind
from reportkit.indicators import _exclusions
from reportkit.normalize import normalize_text
from reportkit.partial import partial_reasons
from reportkit.reuse_passages import fingerprints, passages
from reportkit.sections import split_sections

WRITTEN = Path(__file__).parent / "fixtures" / "written_reports"


def _categorize_every_rule(subject: str, unit: str) -> str:
    """The category rules read as written: every row tested, the keyword lengths compared."""
    kind = unit_kind(unit)
    best, best_score = "", None
    for category, keywords, units, priority in category_rules():
        if units and unit not in units and kind not in units:
            continue
        length = max((len(k) for k in keywords if k in subject), default=0)
        if length and (best_score is None or (priority, length) > best_score):
            best, best_score = category, (priority, length)
    return best


def test_categorize__as_every_rule_read_in_turn():
    keywords = sorted({k for _, words, _, _ in category_rules() for k in words})
    # each keyword alone, two together (priority and length compete), and with words no rule has
    subjects = [*keywords, *(a + "和" + b for a, b in zip(keywords, reversed(keywords))),
                *("组织开展" + k + "工作" for k in keywords[::3]), "群众满意", ""]
    units = sorted(set(load_units()["unit"])) + ["块", ""]
    for unit in units:
        for subject in subjects:
            assert categorize(subject, unit) == _categorize_every_rule(subject, unit), (subject, unit)


def test_new_caches__forgotten_with_the_resources():
    sections_module._heading_types("三、下一步工作计划")
    _exclusions()
    categorize("调解纠纷", "件")
    caches = (sections_module._heading_types, _exclusions, figure_units._unit_category_rules)
    assert all(cache.cache_info().currsize for cache in caches)
    resources._seen.clear()  # as if a resource file had changed: the next refresh forgets every cache
    resources.refresh()
    assert not any(cache.cache_info().currsize for cache in caches)


def _sections_with(text: str) -> pd.DataFrame:
    return split_sections(normalize_text(text), doc_id="d")


@pytest.mark.parametrize("text", [
    "一、重点工作推进情况\n召开会议8次。\n三、存在的薄弱环节\n宣传不够。\n四、明年工作思路\n加强培训。",  # 二 skipped
    "二、主要成效\n办理案件12件。\n三、短板弱项\n人员不足。",  # begins at the second part
    "没有编号的段落，只有一段话。",
])
def test_partial_reasons__any_index_and_nullable_levels(text):
    table = _sections_with(text)
    expected = partial_reasons(normalize_text(text), table)
    shuffled = table.set_axis(range(100, 100 + len(table)))  # rows labelled otherwise: positions decide
    assert partial_reasons(normalize_text(text), shuffled) == expected
    nullable = table.astype({"level": "Int64"})
    assert partial_reasons(normalize_text(text), nullable) == expected
    if len(table) > 1:  # a level unknown is no heading, as pandas' comparisons read it
        nullable.loc[nullable.index[-1], "level"] = pd.NA
        blank = table.copy()
        blank.loc[blank.index[-1], "level"] = 0
        assert partial_reasons(normalize_text(text), nullable) == partial_reasons(normalize_text(text), blank)


@pytest.mark.parametrize("doc_id", ["d1", "", 7, None])
@pytest.mark.parametrize("text", ["第一段：今年组织法律知识讲座共计十五场，群众踊跃参加。\n第二段：新建法治文化长廊两处，覆盖全部村居。", ""])
def test_passages_and_fingerprints__column_types(doc_id, text):
    table = passages(doc_id, text)
    assert str(table["doc_id"].dtype) == "str"
    prints = fingerprints(table)
    # an id column is str when there is an id to read; no id at all (no rows, or none given) leaves objects
    assert (str(prints["doc_id"].dtype) == "str") == bool(table["doc_id"].notna().any())
    assert list(prints.columns[:3]) == ["doc_id", "passage_no", "n_shingles"]
    assert prints["doc_id"].tolist() == table["doc_id"].tolist() or table["doc_id"].isna().all()


def _echo_ranges_line_by_line(text: str) -> list[tuple[int, int]]:
    """Pull quotes as first written: each quote tried against every line in turn."""
    from reportkit.chinese import HEADING_LINE
    from reportkit.indicators import _ECHO_TIME, _MAX_ECHO

    lines = text.split("\n")
    ranges, start = [], 0
    for line in lines:
        quote = _ECHO_TIME.sub("", line.strip().rstrip("。；;！!"))
        if (6 <= len(quote) <= _MAX_ECHO and any(c.isdigit() for c in quote) and not HEADING_LINE.match(quote)
                and any(quote in other and len(other.strip()) > len(line.strip()) for other in lines)):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def test_echo_ranges__as_line_by_line():
    from random import Random

    from reportkit.indicators import _echo_ranges

    pieces = ["全年办结信访事项86件", "群众满意率96.5%", " 全年开展送法下乡27次 ", "\n", "\n\n", "。", "，",
              "2024年度，", "二、", "（三）", "累计培训网格员340人次", "；", "　"]
    rng = Random(18)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        assert _echo_ranges(text) == _echo_ranges_line_by_line(text), text


def test_echo_ranges__a_table_pasted_a_cell_a_line():
    from reportkit.indicators import _echo_ranges

    # a table pasted a cell a line (the case the one search was made for: its speed is the benchmark's,
    # docs/benchmarks.md's junk inputs): the same lines as the line-by-line reading finds
    cells = ["办结86件", "满意率96.5%", "培训340人次", "（一）调解纠纷25起", "走访农户1200户"]
    text = "\n".join(cells[i % 5] + ("合计" if i % 7 == 0 else "") for i in range(700))
    found = _echo_ranges(text)
    assert found  # (满意率96.5% stands in the longer 满意率96.5%合计)
    assert found == _echo_ranges_line_by_line(text)
