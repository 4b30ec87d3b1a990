"""Tests for reportkit.reuse: passages, masking, fingerprints, reuse, boilerplate, originality."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.normalize import normalize_text
from reportkit.reuse import (
    boilerplate_coverage,
    find_boilerplate,
    find_reuse,
    fingerprints,
    mask_text,
    min_docs_for_boilerplate,
    originality,
    passages,
    reuse_tables,
)

STOCK = "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，全面推进法治政府建设。"

# Three paragraphs that the copier (doc B) takes over from doc A.
A_COPIED = [
    "安远镇党委理论学习中心组全年开展集中学法12次，专题学习《中华人民共和国行政处罚法》等法律法规，"
    "镇村两级干部参学率达到98%。组织新任职村干部参加任前法律知识考试，考试合格后方可履职。",
    "聘请福建某律师事务所律师担任镇政府常年法律顾问，全年审查合同和规范性文件23份，"
    "参与信访接待和矛盾调处45次，为重大行政决策提供法律意见，确保决策合法合规。",
    "安远镇综治中心整合司法所、派出所、信访办力量，建立矛盾纠纷“一站式”受理机制，"
    "全年排查化解各类矛盾纠纷136起，调解成功率达97%，未发生因矛盾激化引发的刑事案件。",
]
B_COPIED = [
    "关帝乡党委理论学习中心组全年开展集中学法八次，专题学习《中华人民共和国行政处罚法》等法律法规，"
    "乡村两级干部参学率达到95%。组织新任职村干部参加任前法律知识考试，考试合格后方可履职。",
    "聘请河南某律师事务所律师担任乡政府常年法律顾问，全年审查合同和规范性文件17份，"
    "参与信访接待和矛盾调处31次，为重大行政决策提供法律意见，确保决策合法合规。",
    "关帝乡综治中心整合司法所、派出所、信访办力量，建立矛盾纠纷“一站式”受理机制，"
    "全年排查化解各类矛盾纠纷89起，调解成功率达96%，未发生因矛盾激化引发的刑事案件。",
]

DOC_A = "\n".join([
    "安远镇2022年法治政府建设年度报告",
    "2022年，安远镇" + STOCK + "现将有关情况报告如下：",
    "一、主要举措和成效",
    A_COPIED[0],
    A_COPIED[1],
    "推行“互联网+政务服务”，将63项便民事项下放至村级代办点，群众办事平均跑动次数由3次减少到1次。",
    A_COPIED[2],
    "二、存在的不足",
    "执法力量仍然薄弱，综合行政执法队伍中具有法律专业背景的人员偏少，执法文书制作不够规范。",
])
DOC_B = "\n".join([
    "关帝乡2023年法治政府建设情况报告",
    "2023年，我乡" + STOCK + "现将主要情况报告如下：",
    "一、工作开展情况",
    B_COPIED[0],
    "结合乡情实际，编制乡级权责清单，明确行政许可、行政处罚等事项212项，并在乡政府网站公开。",
    B_COPIED[1],
    B_COPIED[2],
    "二、存在的问题",
    "部分村干部对法律法规学习不深，运用法治思维化解基层矛盾的能力有待提升。",
])
DOC_C = "\n".join([
    "白沙镇关于2023年度法治政府建设工作的报告",
    "2023年，白沙镇" + STOCK + "现将工作情况报告如下：",
    "一、主要做法",
    "依托川西林区生态管护站，组建由护林员、网格员组成的巡山队，全年开展林草防火和禁捕巡查260余次，"
    "查处违规用火行为4起，全部按程序作出处罚决定并公示。",
    "针对易地搬迁安置点人口集中的特点，在安置点设立法律服务驿站，每月逢场天由司法所干部坐班答疑，"
    "全年接待群众咨询300余人次。",
    "二、下一步打算",
    "围绕乡村振兴和生态保护两项重点，完善镇级行政执法清单，推动执法人员全部持证上岗。",
])


def corpus(*extra: tuple[str, str, str, str, int]) -> pd.DataFrame:
    rows = [
        ("aaaa", DOC_A, "安远镇", "宁化县", 2022),
        ("bbbb", DOC_B, "关帝乡", "方城县", 2023),
        ("cccc", DOC_C, "白沙镇", "汶川县", 2023),
        *extra,
    ]
    return pd.DataFrame(rows, columns=["doc_id", "text", "town", "county", "year"])


def passage_no_of(doc_id: str, text: str, paragraph: str, *, town: str) -> set[int]:
    table = passages(doc_id, text, town=town)
    inside = (table["start"] >= text.index(paragraph)) & (table["end"] <= text.index(paragraph) + len(paragraph))
    return set(table.loc[inside, "passage_no"])


# ------------------------------------------------------------------------ passages


def test_passages__offsets_point_into_text():
    table = passages("aaaa", DOC_A, town="安远镇")
    assert len(table) > 0
    assert all(DOC_A[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["法治政府建设", "召开会议12次", "，", "。", "；", "\n", " ", "我镇", "！", "一是", "abc"]),
                max_size=60))
def test_passages__offsets_point_into_any_text(parts):
    text = "".join(parts)
    table = passages("x", text, town="里心镇", min_cjk=4)
    assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))
    assert list(table["passage_no"]) == list(range(len(table)))


def test_passages__merges_short_clause_into_next():
    text = "一是健全学法制度。全年组织班子成员集中学习法律法规十二次，覆盖全体机关干部。"
    table = passages("x", text)
    assert table["text"].tolist() == [text]


def test_passages__drops_fragments_under_min_cjk():
    text = "加强领导；\n全年组织班子成员集中学习法律法规十二次，覆盖全体机关干部。"
    table = passages("x", text)
    assert table["text"].tolist() == ["全年组织班子成员集中学习法律法规十二次，覆盖全体机关干部。"]


def test_passages__skips_heading_lines():
    text = "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头讲法治课两次，主持召开专题会议研究法治政府建设工作。"
    table = passages("x", text)
    assert table["text"].tolist() == ["镇党委书记带头讲法治课两次，主持召开专题会议研究法治政府建设工作。"]


def test_passages__cuts_overlong_comma_sentence():
    text = "，".join(["组织开展法治宣传进村入户活动并发放资料"] * 20) + "。"
    table = passages("x", text, max_chars=100)
    assert len(table) > 1
    assert table["end"].max() == len(text)


# -------------------------------------------------------------------------- masking


def test_mask_text__own_town_and_numbers():
    assert mask_text("安远镇全年排查矛盾纠纷136起。", town="安远镇") == mask_text(
        "关帝乡全年排查矛盾纠纷八十九起。", town="关帝乡")


def test_mask_text__town_stem_and_county():
    assert mask_text("安远司法所联合宁化县法院开展宣传", town="安远镇", county="宁化县") == "@司法所联合@法院开展宣传"


def test_mask_text__sample_report_placeholder_is_a_number():
    assert mask_text("召开会议*次") == mask_text("召开会议15次") == "召开会议#次"


def test_mask_text__self_reference_and_generic_place():
    assert mask_text("我乡指导东坪村开展调解") == mask_text("本镇指导西湖村开展调解") == "@指导@开展调解"


def test_mask_text__keeps_numerals_that_are_not_counts():
    assert mask_text("一是深入贯彻党的二十大精神") == "一是深入贯彻党的二十大精神"


def test_mask_text__keeps_common_nouns_ending_in_place_suffixes():
    assert mask_text("推进乡村振兴，加强社区治理和城乡融合") == "推进乡村振兴加强社区治理和城乡融合"


# ---------------------------------------------------------------------- fingerprints


def _exact_jaccard(a: str, b: str, k: int = 4) -> float:
    sa = {a[i : i + k] for i in range(len(a) - k + 1)}
    sb = {b[i : i + k] for i in range(len(b) - k + 1)}
    return len(sa & sb) / len(sa | sb)


def test_fingerprints__agreement_estimates_jaccard():
    a = "组织开展法治宣传进村入户活动并发放宣传资料覆盖全体群众提高法律意识"
    b = "组织开展法治宣传进村入户活动并发放宣传手册覆盖全体村民增强法治观念"
    table = pd.DataFrame({"doc_id": ["x", "y"], "passage_no": [0, 0], "masked": [a, b]})
    sig = fingerprints(table, num_perm=512).filter(like="mh_").to_numpy()
    estimate = (sig[0] == sig[1]).mean()
    # 512 permutations: the standard error of the estimate is below 0.025.
    assert abs(estimate - _exact_jaccard(a, b)) < 0.08


def test_fingerprints__same_input_same_signature():
    table = passages("aaaa", DOC_A, town="安远镇")
    pd.testing.assert_frame_equal(fingerprints(table), fingerprints(table.copy()))


def test_fingerprints__one_row_per_passage():
    table = passages("aaaa", DOC_A, town="安远镇")
    fp = fingerprints(table, num_perm=32)
    assert fp[["doc_id", "passage_no"]].equals(table[["doc_id", "passage_no"]])
    assert fp.filter(like="mh_").shape[1] == 32


# ------------------------------------------------------------------------- find_reuse


def test_find_reuse__finds_all_three_copied_paragraphs():
    reuse = find_reuse(corpus())
    ab = reuse[(reuse["doc_a"] == "aaaa") & (reuse["doc_b"] == "bbbb")]
    for para_a, para_b in zip(A_COPIED, B_COPIED):
        want_a = passage_no_of("aaaa", DOC_A, para_a, town="安远镇")
        want_b = passage_no_of("bbbb", DOC_B, para_b, town="关帝乡")
        assert set(ab["passage_no_a"]) >= want_a
        assert set(ab["passage_no_b"]) >= want_b


def test_find_reuse__boilerplate_only_pair_not_reported():
    reuse = find_reuse(corpus())
    involved = set(reuse["doc_a"]) | set(reuse["doc_b"])
    assert "cccc" not in involved


def test_find_reuse__unrelated_sentences_not_paired():
    reuse = find_reuse(corpus())
    pas_b = passages("bbbb", DOC_B, town="关帝乡").set_index("passage_no")["text"]
    paired_b = set(pas_b.loc[list(reuse["passage_no_b"])])
    assert not any("权责清单" in t or "学习不深" in t for t in paired_b)


def test_find_reuse__kinds_other_town_and_same_town_other_year():
    later_a = DOC_A.replace("2022", "2023").replace("12次", "14次")
    reuse = find_reuse(corpus(("dddd", later_a, "安远镇", "宁化县", 2023)))
    kinds = reuse.groupby(["doc_a", "doc_b"])["kind"].first()
    assert kinds[("aaaa", "bbbb")] == "other-town"
    assert kinds[("aaaa", "dddd")] == "same-town-other-year"


def test_find_reuse__same_name_other_county_is_other_town():
    twin = DOC_A.replace("2022", "2023")
    reuse = find_reuse(corpus(("dddd", twin, "安远镇", "赣县区", 2022)))
    assert set(reuse.loc[reuse["doc_b"] == "dddd", "kind"]) == {"other-town"}


def test_find_reuse__earlier_report_is_doc_a():
    docs = corpus()
    docs.loc[docs["doc_id"] == "bbbb", "year"] = 2021
    reuse = find_reuse(docs)
    assert set(zip(reuse["doc_a"], reuse["doc_b"])) == {("bbbb", "aaaa")}


def test_find_reuse__deterministic_and_sorted():
    docs = corpus()
    first = find_reuse(docs)
    second = find_reuse(docs.sample(frac=1, random_state=3).reset_index(drop=True))
    pd.testing.assert_frame_equal(first, second)
    keys = list(zip(first["doc_a"], first["doc_b"], first["passage_no_a"], first["passage_no_b"]))
    assert keys == sorted(keys)
    assert list(first.columns) == ["doc_a", "doc_b", "passage_no_a", "passage_no_b", "similarity", "kind"]


def test_find_reuse__similarity_is_exact_jaccard_of_masked_passages():
    tables = reuse_tables(corpus())
    pas = tables["passages"].set_index(["doc_id", "passage_no"])["masked"]
    row = tables["reuse"].iloc[0]
    expected = _exact_jaccard(pas[(row.doc_a, row.passage_no_a)], pas[(row.doc_b, row.passage_no_b)])
    assert row.similarity == pytest.approx(expected, abs=1e-4)


def test_find_reuse__from_files_written_to_disk(tmp_path):
    # The same corpus read back from files as the build would: CRLF, full-width digits.
    for name, text in (("a.txt", DOC_A), ("b.txt", DOC_B), ("c.txt", DOC_C)):
        raw = text.replace("\n", "\r\n").replace("12次", "１２次")
        (tmp_path / name).write_bytes(raw.encode("gb18030"))
    texts = [normalize_text((tmp_path / n).read_bytes().decode("gb18030")) for n in ("a.txt", "b.txt", "c.txt")]
    docs = corpus()
    docs["text"] = texts
    reuse = find_reuse(docs)
    assert set(zip(reuse["doc_a"], reuse["doc_b"])) == {("aaaa", "bbbb")}
    assert len(reuse) >= len(A_COPIED)


def test_find_reuse__cached_passages_and_fingerprints_give_same_result():
    docs = corpus()
    per_doc = [passages(r.doc_id, r.text, town=r.town, county=r.county) for r in docs.itertuples()]
    pas = pd.concat(per_doc, ignore_index=True)
    fps = pd.concat([fingerprints(p) for p in per_doc], ignore_index=True)
    cached = reuse_tables(docs, passages_table=pas, fingerprints_table=fps)["reuse"]
    pd.testing.assert_frame_equal(cached, find_reuse(docs))


# ------------------------------------------------------------------------ boilerplate


def test_find_boilerplate__stock_sentence_in_all_three_reports():
    boiler = find_boilerplate(corpus())
    flagged = boiler[boiler["text"].str.contains("习近平新时代中国特色社会主义思想为指导")]
    assert set(flagged["doc_id"]) == {"aaaa", "bbbb", "cccc"}


def test_find_boilerplate__sentence_in_fifty_of_two_hundred_towns_is_a_formula():
    # 30 % of 200 towns would be 60; the cap makes 50 towns enough, so 55 towns' copies are
    # one boilerplate row each rather than 1,485 reuse pairs.
    shared = "全面落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，规范执法行为。"
    rows = [(f"d{i:03d}", shared if i < 55 else "", f"第{i}镇", f"第{i}县", 2023) for i in range(200)]
    tables = reuse_tables(pd.DataFrame(rows, columns=["doc_id", "text", "town", "county", "year"]))
    assert len(tables["reuse"]) == 0
    assert len(tables["boilerplate"]) == 55
    assert set(tables["boilerplate"]["n_towns"]) == {55}


def test_min_docs_for_boilerplate__tiny_and_large_corpora():
    assert min_docs_for_boilerplate(2) == 3  # two reports can share text but not a formula
    assert min_docs_for_boilerplate(20) == 6
    assert min_docs_for_boilerplate(100_000) == 50  # capped: 50 towns sharing a sentence make it a formula


def test_boilerplate_coverage__share_of_listed_phrases():
    pattern = re.compile("深入贯彻落实党的二十大精神")
    masked = pd.Series([mask_text("深入贯彻落实党的二十大精神，全面推进依法行政"), "全面推进依法行政"])
    got = boilerplate_coverage(masked, pattern=pattern)
    assert got.tolist() == pytest.approx([13 / 21, 0.0])


# ------------------------------------------------------------------------ originality


def test_originality__copier_and_source_share_text_third_is_original():
    docs = corpus()
    tables = reuse_tables(docs)
    orig = originality(docs, tables["reuse"], boilerplate=tables["boilerplate"],
                       passages_table=tables["passages"]).set_index("doc_id")
    assert orig.loc["aaaa", "originality"] < 0.7
    assert orig.loc["bbbb", "originality"] < 0.7
    assert orig.loc["cccc", "originality"] == 1.0
    assert orig.loc["aaaa", "n_reports_shared"] == 1 and orig.loc["cccc", "n_reports_shared"] == 0


def test_originality__boilerplate_counts_neither_as_own_nor_shared():
    docs = corpus()
    tables = reuse_tables(docs)
    orig = originality(docs, tables["reuse"], boilerplate=tables["boilerplate"],
                       passages_table=tables["passages"]).set_index("doc_id")
    pas_c = tables["passages"].query("doc_id == 'cccc'")
    boiler_c = tables["boilerplate"].query("doc_id == 'cccc'")
    assert len(boiler_c) >= 1
    expected = (pas_c["end"] - pas_c["start"]).sum() - (boiler_c["end"] - boiler_c["start"]).sum()
    assert orig.loc["cccc", "n_chars_compared"] == expected


def test_originality__recomputes_boilerplate_when_not_given():
    docs = corpus()
    reuse = find_reuse(docs)
    orig = originality(docs, reuse)
    assert list(orig.columns) == ["doc_id", "n_chars_compared", "n_chars_shared", "originality", "n_reports_shared"]
    assert orig["n_chars_shared"].gt(0).sum() == 2


def test_reuse_tables__empty_corpus():
    docs = pd.DataFrame({"doc_id": [], "text": [], "town": [], "county": [], "year": []})
    tables = reuse_tables(docs)
    assert tables["reuse"].empty and tables["originality"].empty
    assert np.array_equal(tables["reuse"].columns, ["doc_a", "doc_b", "passage_no_a", "passage_no_b", "similarity", "kind"])


@pytest.mark.parametrize("dense_cells", [0, 1 << 30])  # sorted pairs, or a table of groups × values
def test_count_distinct__equals_counting_sets(monkeypatch, dense_cells):
    from reportkit import reuse

    monkeypatch.setattr(reuse, "_DENSE_CELLS", dense_cells)
    rng = np.random.default_rng(3)
    groups, values = rng.integers(0, 40, 3000), rng.integers(0, 900, 3000)
    expected = [len(set(values[groups == g].tolist())) for g in range(45)]  # groups 40..44 hold nothing
    assert reuse._count_distinct(groups, values, 45).tolist() == expected
    assert reuse._count_distinct(groups[:0], values[:0], 3).tolist() == [0, 0, 0]
