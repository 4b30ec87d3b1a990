"""Tests for reportkit.terms: tokenizer, term counts, statistics, kwic, concepts, boilerplate."""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from reportkit import terms
from reportkit.config import resource_path
from reportkit.normalize import normalize_text

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "raw").glob("*.txt"))


@pytest.fixture(scope="module")
def tok() -> terms.Tokenizer:
    return terms.load_tokenizer()


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return [normalize_text(p.read_text(encoding="utf-8")) for p in SEEDS]


def _tc(rows):
    return pd.DataFrame(rows, columns=["doc_id", "section_type", "term", "n"])


# ----------------------------------------------------------------- tokenizer


def test_tokenizer__global_jieba_untouched(tok):
    import jieba

    tok.cut("拨打12345热线，登录E三明平台")
    assert "E三明" not in jieba.dt.FREQ
    assert "12345热线" not in jieba.dt.FREQ


def test_tokenizer__prefix_cache_has_private_name(tok):
    tok.load()
    engine = tok._build_engine
    assert engine.cache_file != "jieba.cache"
    assert engine.cache_file.startswith("reportkit-jieba-")


def test_prefix_dict__made_once_then_read_and_equal_to_jiebas_own(tmp_path):
    import jieba

    from reportkit.jieba_dictionary import _paths, load_prefix_dict

    engine = jieba.Tokenizer()
    expected = engine.gen_pfdict(engine.get_dict_file())
    made = load_prefix_dict(engine, tmp_path)  # no files yet: made from dict.txt and kept
    words, counts = _paths(tmp_path)
    assert words.is_file() and counts.is_file() and not list(tmp_path.glob("*.tmp*"))
    read = load_prefix_dict(engine, tmp_path)  # read back from the two files
    for table, total in (made, read):
        assert table == expected[0] and list(table) == list(expected[0]) and total == expected[1]
    counts.write_bytes(b"\x80\x04 not an array")  # damaged (or a pickle planted): made again, never run
    assert load_prefix_dict(engine, tmp_path) == expected
    assert load_prefix_dict(engine, tmp_path / "missing" / "folder") == expected  # cannot be written: made


@pytest.mark.parametrize(
    "text, term",
    [
        ("群众可拨打12345热线反映诉求", "12345热线"),
        ("2023年12345热线受理工单", "12345热线"),
        ("解决E三明平台群众诉求共210件", "E三明"),
        ("深入开展八五普法中期评估", "八五普法"),
        ("推行互联网+政务服务模式", "互联网+政务服务"),
        ("严格落实行政执法“三项制度”，规范执法", "行政执法“三项制度”"),
    ],
)
def test_tokenizer__terms_with_digits_letters_punctuation_whole(tok, text, term):
    assert term in tok.cut(text)


def test_cut__tokens_join_back_to_text(tok):
    text = "一、主要举措\n（一）聘请法律顾问12名，调解成功率100%。E三明平台！"
    assert "".join(tok.cut(text)) == text


def test_tokens__drops_stopwords_punctuation_numbers_and_single_chars(tok):
    out = tok.tokens("一是我镇聘请法律顾问3名，调解成功率达98.5%。")
    assert out == ["聘请", "法律顾问", "调解成功率"]


def test_tokens__keeps_chinese_numeral_names(tok):
    assert "八五普法" in tok.tokens("开展八五普法")


SEED_TERMS = [
    "习近平法治思想", "枫桥经验", "法律明白人", "合法性审查", "行政执法三项制度", "民法典", "矛盾纠纷",
    "法治政府建设", "一站式", "普法宣传", "法律顾问", "调解成功率", "人民调解委员会",
]


@pytest.mark.parametrize("term", SEED_TERMS)
def test_tokenizer__seed_terms_never_split(tok, seed_texts, term):
    # Tokens equal to the term or containing it (a longer dictionary term) account for every occurrence.
    for text in seed_texts:
        assert sum(term in t for t in tok.cut(text)) == text.count(term)


def test_tokenizer__seed_count_of_xi_thought_is_17(tok, seed_texts):
    assert sum(sum("习近平法治思想" in t for t in tok.cut(x)) for x in seed_texts) == 17


def test_tokenizer__custom_userdict_term_whole_and_new_version(tmp_path, tok):
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("# comment\n码上调解\nAB调解通 100 n\n", encoding="utf-8")
    custom = terms.load_tokenizer(userdict=userdict)
    assert custom.cut("推广码上调解和AB调解通小程序")[:4] == ["推广", "码上调解", "和", "AB调解通"]
    assert custom.version != tok.version


def test_tokenizer__version_stable_for_same_files():
    assert terms.Tokenizer().version == terms.Tokenizer().version


def test_tokenizer__pickles_for_worker_processes(tok):
    import pickle

    clone = pickle.loads(pickle.dumps(tok.load()))
    assert clone.version == tok.version
    assert clone.cut("拨打12345热线") == ["拨打", "12345热线"]


def test_tokenizer__other_style_report_terms_whole(tok):
    # A street-office report in another register (not a seed): domain terms still come out whole.
    text = "本街道深化“放管服”改革，推行证明事项告知承诺制，落实负责人出庭应诉，诉源治理成效明显。"
    out = tok.tokens(text)
    for term in ("证明事项告知承诺制", "负责人出庭应诉", "诉源治理"):
        assert term in out


def test_userdict__zero_frequency_rejected(tmp_path):
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("码上调解 0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="frequency 0"):
        terms.Tokenizer(userdict=userdict).load()


def test_userdict__bundled_has_300_terms(tok):
    assert len(set(tok.dictionary)) >= 300


# ----------------------------------------------------------------- boilerplate


def test_load_boilerplate__phrases_without_comments():
    phrases = terms.load_boilerplate()
    assert "以习近平新时代中国特色社会主义思想为指导" in phrases
    assert not any(p.startswith("#") for p in phrases)


def test_strip_boilerplate__longest_variant_removed_whole():
    text = "我乡坚持以习近平新时代中国特色社会主义思想为指导，推进诉源治理。"
    assert terms.strip_boilerplate(text) == "我乡 ，推进诉源治理。"


def test_strip_boilerplate__custom_phrases():
    assert terms.strip_boilerplate("甲乙丙甲", phrases=["甲"], replacement="") == "乙丙"


# ----------------------------------------------------------------- count_terms

# A doc "d1": preamble, a level-1 measures part with one level-2 child, a shortcomings part.
_DOC = "前言民法典。\n一、主要举措\n聘请法律顾问。\n（一）调解\n人民调解委员会调解纠纷。\n二、存在问题\n法律顾问作用不足。"


def _sections(doc=_DOC, doc_id="d1"):
    def row(no, level, heading, stype, parent, start, end):
        return dict(doc_id=doc_id, section_no=no, level=level, heading=heading, section_type=stype,
                    parent_section_no=parent, text=doc[start:end], start=start, end=end)

    a, b, c = doc.index("一、"), doc.index("（一）"), doc.index("二、")
    return pd.DataFrame([
        row("0", 0, "", "preamble", "", 0, a),
        row("1", 1, "一、主要举措", "measures", "", a, c),
        row("1.1", 2, "（一）调解", "other", "1", b, c),
        row("2", 1, "二、存在问题", "shortcomings", "", c, len(doc)),
    ])


def test_count_terms__nested_rows_counted_once(tok):
    counts = terms.count_terms(_sections(), tokenizer=tok)
    whole = Counter(tok.tokens(_DOC))
    assert counts.groupby("term")["n"].sum().to_dict() == dict(whole)


def test_count_terms__piece_goes_to_innermost_section(tok):
    counts = terms.count_terms(_sections(), tokenizer=tok).set_index(["section_type", "term"])["n"]
    assert counts[("other", "人民调解委员会")] == 1
    assert counts[("measures", "法律顾问")] == 1
    assert counts[("shortcomings", "法律顾问")] == 1
    assert ("measures", "人民调解委员会") not in counts.index


def test_count_terms__several_docs_kept_apart(tok):
    doc2 = "前言。\n一、工作举措\n信访积案化解。"
    cut = doc2.index("一、")
    second = pd.DataFrame([
        dict(doc_id="d2", section_no="0", level=0, section_type="preamble", text=doc2[:cut], start=0, end=cut),
        dict(doc_id="d2", section_no="1", level=1, section_type="measures", text=doc2[cut:], start=cut, end=len(doc2)),
    ])
    counts = terms.count_terms(pd.concat([_sections(), second]), tokenizer=tok)
    d2 = counts[counts["doc_id"] == "d2"]
    assert d2.groupby("term")["n"].sum().to_dict() == dict(Counter(tok.tokens(doc2)))
    assert "法律顾问" not in set(d2["term"])


def test_count_terms__punctuation_numbers_and_stop_words_left_out(tok):
    text = "我们开展普法活动12场，共计3,000人次参加；普法活动受到欢迎。普法活动！"
    docs = pd.DataFrame({"doc_id": ["x"], "text": [text]})
    counts = terms.count_terms(docs, tokenizer=tok).set_index("term")["n"].to_dict()
    assert counts == dict(Counter(tok.tokens(text)))


def test_count_terms__sorted_by_count_then_term(tok):
    docs = pd.DataFrame({"doc_id": ["b", "a"], "text": ["调解纠纷，调解纠纷，法律顾问", "信访积案，信访积案，人民调解"]})
    counts = terms.count_terms(docs, tokenizer=tok)
    keys = list(zip(counts["doc_id"], -counts["n"], counts["term"]))
    assert keys == sorted(keys) and counts["doc_id"].iloc[0] == "a"


def test_count_terms__numeric_doc_ids(tok):
    docs = pd.DataFrame({"doc_id": [2, 1], "text": ["法律顾问", "人民调解"]})
    assert terms.count_terms(docs, tokenizer=tok)["doc_id"].tolist() == [1, 2]


def test_count_terms__columns_and_types(tok):
    counts = terms.count_terms(_sections(), tokenizer=tok)
    assert list(counts.columns) == ["doc_id", "section_type", "term", "n"]
    assert counts["n"].dtype == "int64"


def test_count_terms__rows_without_offsets_counted_whole_as_all(tok):
    docs = pd.DataFrame({"doc_id": ["x"], "text": ["法律顾问和法律顾问"]})
    counts = terms.count_terms(docs, tokenizer=tok)
    assert counts.to_dict("records") == [{"doc_id": "x", "section_type": "all", "term": "法律顾问", "n": 2}]


def test_count_terms__drop_boilerplate_removes_formula_terms(tok):
    docs = pd.DataFrame({"doc_id": ["x"], "text": ["我镇坚持以习近平新时代中国特色社会主义思想为指导，开展诉源治理"]})
    kept = set(terms.count_terms(docs, tokenizer=tok)["term"])
    dropped = set(terms.count_terms(docs, tokenizer=tok, drop_boilerplate=True)["term"])
    assert "习近平新时代中国特色社会主义思想" in kept
    assert "习近平新时代中国特色社会主义思想" not in dropped
    assert "诉源治理" in dropped


def test_count_terms__empty_table_has_columns(tok):
    empty = pd.DataFrame(columns=["doc_id", "section_type", "text", "start", "end"])
    assert list(terms.count_terms(empty, tokenizer=tok).columns) == ["doc_id", "section_type", "term", "n"]


def test_count_terms_text__counter(tok):
    assert terms.count_terms_text("法律明白人培训法律明白人", tokenizer=tok) == Counter({"法律明白人": 2, "培训": 1})


# ----------------------------------------------------------------- top_terms, tfidf, keyness

_TC = _tc([
    ("a", "measures", "调解", 5), ("a", "measures", "普法", 1), ("a", "plans", "调解", 2),
    ("b", "measures", "普法", 4), ("b", "measures", "执法", 3), ("b", "measures", "调解", 1),
    ("c", "measures", "执法", 6), ("c", "measures", "信访", 2),
])
_DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "town": ["大年乡", "大年乡", "治平乡"], "year": [2022, 2023, 2023]})


def test_top_terms__per_town_ranked_with_share():
    top = terms.top_terms(_TC, _DOCS, by="town", n=2)
    first = top[top["town"] == "大年乡"]
    assert first[["term", "n", "rank"]].values.tolist() == [["调解", 8, 1], ["普法", 5, 2]]
    assert first["share"].iloc[0] == pytest.approx(8 / 16)


def test_top_terms__missing_variable_names_the_fix():
    with pytest.raises(ValueError, match="documents="):
        terms.top_terms(_TC, by="county")


def _sklearn_tfidf(tc, **kwargs):
    from sklearn.feature_extraction.text import TfidfTransformer

    matrix = tc.pivot_table(index="doc_id", columns="term", values="n", aggfunc="sum", fill_value=0)
    weights = TfidfTransformer(**kwargs).fit_transform(matrix.to_numpy()).toarray()
    frame = pd.DataFrame(weights, index=matrix.index, columns=matrix.columns).stack()
    return frame[frame > 0]


@pytest.mark.parametrize("norm", ["l2", None])
@pytest.mark.parametrize("smooth", [True, False])
def test_tfidf__matches_sklearn(norm, smooth):
    ours = terms.tfidf(_TC, by="doc_id", norm=norm, smooth_idf=smooth).set_index(["doc_id", "term"])["tfidf"]
    expected = _sklearn_tfidf(_TC, norm=norm, smooth_idf=smooth)
    pd.testing.assert_series_equal(ours.sort_index(), expected.sort_index(), check_names=False)


def test_tfidf__idf_by_hand():
    out = terms.tfidf(_TC, by="doc_id", norm=None).set_index(["doc_id", "term"])
    # 信访 is in 1 of 3 docs: idf = ln(4/2) + 1; tf = 2.
    assert out.loc[("c", "信访"), "df"] == 1
    assert out.loc[("c", "信访"), "tfidf"] == pytest.approx(2 * (np.log(4 / 2) + 1))


def test_tfidf__grouped_by_document_variable():
    out = terms.tfidf(_TC, _DOCS, by="town", norm=None)
    assert set(out["town"]) == {"大年乡", "治平乡"}
    assert out.loc[(out["town"] == "大年乡") & (out["term"] == "调解"), "tf"].item() == 8


def _scipy_keyness(a, b, total_a, total_b, measure):
    table = np.array([[a, b], [total_a - a, total_b - b]])
    lam = "log-likelihood" if measure == "g2" else None
    stat, p, _, _ = chi2_contingency(table, correction=False, lambda_=lam)
    return stat, p


@pytest.mark.parametrize("measure", ["chi2", "g2"])
def test_keyness__matches_scipy(measure):
    out = terms.keyness(_TC, _DOCS, target={"town": "治平乡"}, measure=measure, min_count=1).set_index("term")
    total_target, total_ref = 8, 16
    for term, (a, b) in {"执法": (6, 3), "信访": (2, 0), "调解": (0, 8)}.items():
        stat, p = _scipy_keyness(a, b, total_target, total_ref, measure)
        assert abs(out.loc[term, "stat"]) == pytest.approx(stat)
        assert out.loc[term, "p"] == pytest.approx(p)
        assert (out.loc[term, "n_target"], out.loc[term, "n_reference"]) == (a, b)


def test_keyness__signed_and_sorted():
    out = terms.keyness(_TC, _DOCS, target={"town": "治平乡"}, min_count=1)
    assert out["term"].iloc[0] == "执法"
    assert out.set_index("term").loc["调解", "stat"] < 0
    assert out["stat"].is_monotonic_decreasing


def test_keyness__target_as_value_of_by():
    by_value = terms.keyness(_TC, target="measures", by="section_type", min_count=1)
    by_dict = terms.keyness(_TC, target={"section_type": "measures"}, min_count=1)
    pd.testing.assert_frame_equal(by_value, by_dict)


def test_keyness__min_count_filters_rare_terms():
    out = terms.keyness(_TC, _DOCS, target={"town": "治平乡"}, min_count=3)
    assert "信访" not in set(out["term"])


def test_keyness__unknown_target_lists_present_values():
    with pytest.raises(ValueError, match="大年乡"):
        terms.keyness(_TC, _DOCS, target={"town": "大年镇"})


# ----------------------------------------------------------------- kwic


def test_kwic__documents_exact_contexts():
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["聘请法律顾问参与决策，法律顾问全程把关"], "town": ["t"], "year": [2023]})
    out = terms.kwic(docs, "法律顾问", window=3)
    assert out[["start", "pre", "keyword", "post"]].values.tolist() == [
        [2, "聘请", "法律顾问", "参与决"],
        [11, "决策，", "法律顾问", "全程把"],
    ]
    assert out["section_type"].tolist() == ["other", "other"]  # a text without headings is one part
    assert out["town"].tolist() == ["t"] * 2


def test_kwic__documents_alone_fill_section_type_from_their_text():
    out = terms.kwic(pd.DataFrame({"doc_id": ["d1"], "text": [_DOC]}), "法律顾问", window=2)
    assert out["section_type"].tolist() == ["measures", "shortcomings"]


def test_kwic__list_of_terms_finds_each():
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["聘请法律顾问参与决策，开展法治宣传"]})
    out = terms.kwic(docs, ["法治宣传", "法律顾问", "不在文中"], window=2)
    assert out[["keyword", "start"]].values.tolist() == [["法律顾问", 2], ["法治宣传", 13]]


def test_kwic__overlapping_terms_each_listed():
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["村居法律顾问"]})
    assert sorted(terms.kwic(docs, ["法律顾问", "法律"], window=1)["keyword"]) == ["法律", "法律顾问"]


def test_kwic__regex_pattern():
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["调解成功率100%，化解率98%"]})
    out = terms.kwic(docs, r"[\u4e00-\u9fff]{2}率\d+%", regex=True, window=1)
    assert out["keyword"].tolist() == ["成功率100%", "化解率98%"]
    assert out["pre"].tolist() == ["解", "，"]


def test_kwic__sections_nested_rows_matched_once_with_innermost_type():
    out = terms.kwic(_sections(), "人民调解委员会", window=4, documents=_DOCS.assign(doc_id="d1"))
    assert out[["section_type", "start", "pre", "keyword", "post", "town"]].values.tolist() == [
        ["other", _DOC.index("人民调解委员会"), "）调解\n", "人民调解委员会", "调解纠纷", "大年乡"]
    ]


def test_kwic__sections_context_from_widest_row():
    # The level-2 row starts at "（一）", so only the level-1 row has "聘请" before the match.
    out = terms.kwic(_sections(), "（一）", window=4)
    assert out["pre"].tolist() == ["律顾问。\n"[-4:]]


def test_kwic__documents_with_sections_looks_up_type():
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [_DOC]})
    out = terms.kwic(docs, "法律顾问", window=2, sections=_sections())
    assert out["section_type"].tolist() == ["measures", "shortcomings"]
    assert out["start"].tolist() == [_DOC.index("法律顾问"), _DOC.rindex("法律顾问")]


@pytest.mark.parametrize("pattern", ["", [], ["法律", ""]])
def test_kwic__empty_pattern_rejected(pattern):
    with pytest.raises(ValueError, match="empty"):
        terms.kwic(pd.DataFrame({"doc_id": ["d"], "text": ["x"]}), pattern)


# ----------------------------------------------------------------- concepts

_CONCEPTS = pd.DataFrame({
    "concept": ["dispute_resolution", "dispute_resolution", "enforcement"],
    "label_zh": ["矛盾纠纷化解", "矛盾纠纷化解", "行政执法"],
    "term": ["调解", "信访", "执法"],
})


def test_concept_counts__counts_and_shares():
    out = terms.concept_counts(_TC, concepts=_CONCEPTS).set_index(["doc_id", "section_type", "concept"])
    assert out.loc[("c", "measures", "dispute_resolution"), "n"] == 2
    assert out.loc[("c", "measures", "dispute_resolution"), "share"] == pytest.approx(2 / 8)
    assert out.loc[("b", "measures", "enforcement"), "label_zh"] == "行政执法"


def test_concept_counts__zero_rows_for_absent_concepts():
    out = terms.concept_counts(_TC, concepts=_CONCEPTS).set_index(["doc_id", "section_type", "concept"])
    assert out.loc[("a", "plans", "enforcement"), "n"] == 0
    assert len(out) == 4 * 2  # 4 doc/section pairs x 2 concepts


def test_load_concepts__bundled_covers_the_themes():
    concepts = terms.load_concepts()
    assert list(concepts.columns) == ["concept", "label_zh", "term"]
    assert {"government_functions", "rule_system", "administrative_decisions", "enforcement", "emergencies",
            "dispute_resolution", "power_oversight", "digital_government", "organisation_leadership",
            "legal_education", "party_leadership"} <= set(concepts["concept"])


def test_unknown_concept_terms__reports_split_terms_and_warns(tok, caplog):
    concepts = pd.DataFrame({"concept": ["x", "x"], "label_zh": ["x", "x"], "term": ["法律顾问", "码上调解小程序"]})
    with caplog.at_level(logging.WARNING, logger="reportkit.terms"):
        assert terms.unknown_concept_terms(concepts, tok) == ["码上调解小程序"]
    assert "码上调解小程序" in caplog.text


def test_unknown_concept_terms__bundled_concepts_all_tokenize_whole(tok):
    assert terms.unknown_concept_terms(tokenizer=tok) == []


def test_resources__bundled_files_exist():
    for name in ("userdict.txt", "stopwords.txt", "concepts.csv", "boilerplate.txt"):
        assert resource_path(name).is_file()


def test_count_terms__drop_names_keeps_the_towns_own_name_out():
    sections = pd.DataFrame({"doc_id": ["d"], "section_type": ["measures"],
                             "text": ["大年乡开展普法宣传活动，大年乡司法所参加。"], "start": [0], "end": [20]})
    terms_found = set(terms.count_terms(sections, drop_names=["大年乡", "大年"])["term"])
    assert "普法宣传" in terms_found and not any("大年" in t for t in terms_found)


# ------------------------------------------------------------------ optional rjieba engine


def test_rjieba__same_counts_as_jieba_on_the_seeds_but_for_listed_non_chinese_tokens(tok, seed_texts):
    fast = terms.Tokenizer(engine="rjieba")
    for term in SEED_TERMS:  # the field's terms come out whole with rjieba too
        for text in seed_texts:
            assert sum(term in t for t in fast.cut(text)) == text.count(term), term
    slow_counts = Counter(t for text in seed_texts for t in tok.tokens(text))
    fast_counts = Counter(t for text in seed_texts for t in fast.tokens(text))
    differences = (slow_counts - fast_counts) + (fast_counts - slow_counts)
    # Known: rjieba keeps a plan period such as 2021-2025 as one token, jieba splits it into numbers.
    assert all(not _is_cjk_only(t) for t in differences), differences
    assert sum(differences.values()) <= 0.01 * sum(slow_counts.values()), differences


def _is_cjk_only(token: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in token)


def test_tokenizer__engine_from_environment_and_unknown_engines_refused(monkeypatch):
    monkeypatch.setenv("REPORTKIT_TOKENIZER", "rjieba")
    assert terms.load_tokenizer().engine == "rjieba"
    monkeypatch.setenv("REPORTKIT_TOKENIZER", "hanlp")
    with pytest.raises(ValueError, match="REPORTKIT_TOKENIZER"):
        terms.load_tokenizer()
    with pytest.raises(ValueError, match="engine"):
        terms.Tokenizer(engine="hanlp")
    monkeypatch.delenv("REPORTKIT_TOKENIZER")
    assert terms.load_tokenizer().engine == "jieba"
    assert terms.Tokenizer(engine="rjieba").version != terms.Tokenizer().version


def test_import_jieba__leaves_pkg_resources_out_of_a_worker_and_importable_afterwards():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reportkit.terms import Tokenizer\n"
        "print(Tokenizer().load().tokens('依法调解矛盾纠纷'))\n"
        "print('pkg_resources' in sys.modules)\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('pkg_resources') is not None:\n"
        "    import pkg_resources  # the block is lifted: a later import works\n"
        "    print(hasattr(pkg_resources, 'resource_stream'))\n"
        "else:\n"
        "    print(True)\n"
    )
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True)
    tokens, loaded, importable = done.stdout.strip().splitlines()
    assert "调解" in tokens or "矛盾纠纷" in tokens
    assert loaded == "False" and importable == "True"
