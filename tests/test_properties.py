"""Property-based tests (hypothesis): normalisation, headings and indicators on arbitrary text.

Strategies mix fragments of Chinese reports (numbering, numerals, units, qualifiers) with
arbitrary Unicode, so the generated texts hit the rules' edge cases rather than only noise.
"""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportkit.indicators import extract_indicators
from reportkit.normalize import normalize_text
from reportkit.sections import split_sections

FRAGMENTS = ["一、", "（一）", "(二)", "1、", "2.", "（3）", "一是", "二是", "第一部分", "主要举措和成效", "存在的不足",
             "下一步工作打算", "开展", "普法宣传", "12", "3.5", "1,200", "百分之", "三十", "两", "万", "余", "近", "约",
             "份", "次", "场次", "人次", "万元", "%", "％", "年", "月", "2023", "二〇二三", "。", "，", "：", "\n",
             "\n\n", " ", "\u3000", "“", "”", "《", "》", "【", "\ufeff", "\u200b", "Ａ１", "镇", "乡", "街道",
             "一方面", "另一方面", "首先", "其次", "①", "⑵", "原因分析", "存在的问题", "我镇", "联合", "派出所", "8、",
             "日兴镇", "县政府", "现将有关情况报告如下", "点击查看全文"]

report_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=60).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(report_like)
@example("一、\n（一）\u3000\n")
def test_normalize_text__never_raises_and_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@SETTINGS
@given(report_like)
@example("一、工作情况\n（二）强化执法。")  # a second heading right under its part once raised
def test_split_sections__never_raises_and_rows_are_their_offsets(text):
    text = normalize_text(text)
    sections = split_sections(text, doc_id="d")
    for row in sections.itertuples():
        assert text[row.start:row.end] == row.text


@SETTINGS
@given(report_like)
def test_extract_indicators__never_raises_and_spans_are_their_offsets(text):
    text = normalize_text(text)
    indicators = extract_indicators(text, doc_id="d", sections=split_sections(text, doc_id="d"))
    for row in indicators.itertuples():
        assert text[row.start:row.end] == row.span


def _extraction(text: str) -> list[tuple]:
    table = extract_indicators(text, doc_id="d", sections=split_sections(text, doc_id="d"))
    return [tuple(row) for row in table[["span", "value", "unit", "start", "end"]].itertuples(index=False)]


@SETTINGS
@given(report_like)
def test_extract_indicators__idempotent_under_renormalisation(text):
    once = normalize_text(text)
    assert _extraction(normalize_text(once)) == _extraction(once)


CELL_TEXT = st.lists(st.sampled_from(["镇", "普法", ",", "\"", "\n", "\r", "\t", " ", "'", "=", "-", "@", "a", "1", "é"]),
                     max_size=4).map("".join)


@SETTINGS
@given(st.lists(st.tuples(st.one_of(st.none(), CELL_TEXT), st.integers(-10**12, 10**12),
                          st.one_of(st.none(), st.integers(-5, 5)), st.one_of(st.none(), st.booleans()), st.booleans(),
                          st.one_of(st.none(), st.floats(width=64), st.sampled_from([1.0, 0.8571, 1e-05, 12345678.9]))),
                max_size=8))
def test_arrow_csv_rows__the_bytes_pandas_writes_for_the_same_cells(rows):
    """`parts.csv_rows` writes a group's rows with Arrow (`_arrow_csv_rows`): the bytes pandas
    writes (text with commas, quotes, line breaks, formula-like cells, missing values, nullable
    integers, booleans, floats: whole, tiny, huge, infinite, missing)."""
    import numpy as np
    import pandas as pd

    from reportkit.pipeline import parts
    from reportkit.store import spreadsheet_safe

    text, number, maybe, flag, plain_flag, real = (list(c) for c in zip(*rows)) if rows else ([],) * 6
    cells = pd.DataFrame({"text": pd.array(text, dtype=pd.StringDtype(na_value=np.nan)),
                          "n": np.array(number, dtype=np.int64), "maybe": pd.array(maybe, dtype="Int64"),
                          "flag": pd.array(flag, dtype="boolean"), "plain": np.array(plain_flag, dtype=bool),
                          "real": np.array([np.nan if r is None else r for r in real], dtype=np.float64)})
    cells = spreadsheet_safe(cells)
    want = cells.to_csv(index=False, header=False, lineterminator="\r\n").encode("utf-8")
    assert parts._arrow_csv_rows(cells) == want


@SETTINGS
@given(st.one_of(report_like, st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0xA000))))
@example("\u4e00\u9fff\u9fd6\u3400\U00020000")
def test_count_cjk__counts_each_ideograph_of_the_basic_block(text):
    from reportkit.chinese import count_cjk

    assert count_cjk(text) == sum("\u4e00" <= c <= "\u9fff" for c in text)


_TOKENIZER_TEXT = st.lists(st.sampled_from(["法治", "政府", "建设", "普法", "宣传", "依法", "行政", "乡镇", "群众", "不足",
                                            "的", "了", "和", "在", "12345", "热线", "A", "x2", "3.5%", "，", "。",
                                            "、", " ", "\n", "——", "“", "”", "-", "#"]), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TOKENIZER_TEXT, min_size=1, max_size=6))
def test_remembering_cut__the_words_of_jieba_whatever_it_remembers(texts, monkeypatch):
    from reportkit import terms

    engine = terms.default_tokenizer()._build_engine
    monkeypatch.setattr(terms, "_MAX_BLOCKS", 3)  # so that its memory also fills and is emptied
    monkeypatch.setattr(terms, "_MAX_BLOCK_CHARS", 8)  # and longer blocks are cut each time
    cut = terms._remembering_cut(engine, True)
    for text in texts + texts:  # each text again, from what it remembers
        assert cut(text) == list(engine.cut(text, HMM=True))


@SETTINGS
@given(report_like)
@example("二、存在的不足\n8、学法不够。\n7、力量薄弱。\n一方面，甲；另一方面，乙。")
def test_shortcoming_items_and_partial_reasons__never_raise(text):
    from reportkit.partial import partial_reasons
    from reportkit.shortcomings import shortcoming_items

    text = normalize_text(text)
    sections = split_sections(text, doc_id="d")
    items = shortcoming_items(sections)
    assert items["item_no"].tolist() == list(range(1, len(items) + 1))
    assert all(isinstance(reason, str) for reason in partial_reasons(text, sections))


@SETTINGS
@given(report_like)
def test_infer_metadata__never_raises_and_a_town_is_a_name(text):
    from reportkit.metadata import infer_metadata

    town = infer_metadata(normalize_text(text))["town"]
    assert town == "" or (len(town) <= 20 and not any(c.isspace() or c in "，。、：" for c in town))
