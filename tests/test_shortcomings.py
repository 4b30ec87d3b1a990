"""Tests for reportkit.shortcomings: cutting items from the sections, theme matching and clustering."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from reportkit.config import ThemeOptions
from reportkit.normalize import normalize_text
from reportkit.sections import split_sections
from reportkit.shortcomings import (
    cluster_shortcomings,
    item_tokens,
    lead_clause,
    load_themes,
    problem_cell,
    representative_items,
    shortcoming_items,
    split_lead,
    theme_summary,
)

ROOT = Path(__file__).resolve().parents[1]
_NEXT_ITEM = re.compile(r"(?:[一二三四五六七八九十]+是|(?<!\d)\d{1,2}、)")


def seed_items() -> pd.DataFrame:
    """The 14 gold shortcoming items of the seed reports, cut from the normalised texts.

    Each item runs from its gold ``starts_with`` to the next item marker (二是…, 2、…) or the
    end of the paragraph. Built here so these tests do not depend on reportkit.sections.
    """
    gold = pd.read_csv(ROOT / "tests/gold/seeds_shortcomings.csv")
    rows = []
    for g in gold.itertuples():
        text = normalize_text((ROOT / "data/raw" / g.file).read_text(encoding="utf-8"))
        start = text.index(g.starts_with)
        after = start + len(g.starts_with)
        marker = _NEXT_ITEM.search(text, after)
        line_end = text.find("\n", after)
        end = min(marker.start() if marker else len(text), line_end if line_end >= 0 else len(text))
        rows.append({"doc_id": g.file, "item_no": g.item_no, "text": text[start:end].strip(),
                     "headline": "", "gold": g.theme})
    return pd.DataFrame(rows)


def items(texts: dict[str, list[str]]) -> pd.DataFrame:
    """A shortcomings table: one report per key, its items numbered in order."""
    rows = [{"doc_id": doc, "item_no": i + 1, "text": t, "headline": ""}
            for doc, ts in texts.items() for i, t in enumerate(ts)]
    return pd.DataFrame(rows)


# Invented items in other towns' and districts' styles, grouped by the problem they name.
SAME_PROBLEM = {
    "capacity": ["（一）执法人员身兼数职，专业力量不足，难以适应综合行政执法改革要求。",
                 "二是基层法治队伍建设滞后，街道无专职法制审核人员，持有执法证件的人员偏少。",
                 "3.法律专业人才短缺，社区法律服务主要依靠外聘律师。"],
    "publicity": ["（二）普法形式单一，群众参与度不高，以发放传单、悬挂横幅为主。",
                  "一是法治宣传针对性不强，面向外来务工人员和青少年的宣传覆盖不够。",
                  "1.普法阵地利用率低，线上普法宣传内容更新不及时。"],
    "awareness": ["（三）个别干部学法用法意识不强，运用法治思维解决问题的能力不足。",
                  "三是部分村（居）干部法律素养不高，会前学法流于形式。",
                  "2.领导干部述法制度落实不到位，年度学法考试参与率偏低。"],
    "disputes": ["（四）矛盾纠纷多元化解机制不健全，诉调对接不够顺畅。",
                 "四是基层调解组织作用发挥不充分，调解员队伍老化。",
                 "4.信访积案化解难度大，少数群众信访不信法。"],
}
UNRELATED = "五是辖区老旧小区基础设施陈旧，改造资金缺口较大。"


def invented_table(extra: list[str] = ()) -> pd.DataFrame:
    # Three "reports", each holding one item of every problem, as real reports do.
    docs = {f"区{j}": [SAME_PROBLEM[t][j] for t in SAME_PROBLEM] for j in range(3)}
    docs["区0"] = docs["区0"] + list(extra)
    return items(docs)


def test_cluster_shortcomings__seed_items_match_gold_themes():
    seeds = seed_items()
    result = cluster_shortcomings(seeds)
    assert adjusted_rand_score(seeds["gold"], result["theme"]) >= 0.5


def test_cluster_shortcomings__same_problem_gets_same_theme():
    result = cluster_shortcomings(invented_table())
    got = {t: sorted(set(result.loc[result["text"].isin(texts), "theme"])) for t, texts in SAME_PROBLEM.items()}
    assert got == {t: [t] for t in SAME_PROBLEM}


def test_cluster_shortcomings__unmatched_item_is_other():
    result = cluster_shortcomings(invented_table([UNRELATED]))
    row = result[result["text"] == UNRELATED].iloc[0]
    assert (row["theme"], row["theme_label"]) == ("other", "其他")


def test_cluster_shortcomings__information_disclosure_theme():
    table = items({"甲街道": ["一是政务公开不够及时，部分信息公开内容不全面。"],
                   "乙区": ["（二）行政权力运行监督机制还不完善，社会监督渠道不畅通。"],
                   "丙镇": ["普法形式单一，群众参与度不高。"]})
    result = cluster_shortcomings(table)
    assert result["theme"].tolist() == ["disclosure", "disclosure", "publicity"]


def test_cluster_shortcomings__standardising_disclosure_is_disclosure():
    # written round 56: the 规范化 of 政务公开 (or 村务公开) is disclosure, as 政务公开的标准化规范化 is, though
    # 规范化 alone is the enforcers' (执法规范化) and a cause after the item names their thin ranks
    table = items({"戊镇": ["三是村务公开的规范化程度还不高，个别村公开栏内容陈旧。原因是基层工作力量薄弱。",
                           "一是执法规范化水平不高。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["disclosure", "capacity"]


def test_cluster_shortcomings__migrant_workers_awareness_is_publicity():
    # written round 57: the public's awareness is publicity, as 群众…意识 and 经营户…意识 are, also when the
    # public are workers away from home or back from it (外出务工人员, 返乡人员); a cadre's is awareness
    table = items({"己镇": ["二是部分外出务工人员法律意识淡薄，权益受损时不知如何维权。", "一是返乡创业人员守法意识不强。",
                           "三是部分镇干部依法行政意识不强。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "publicity", "awareness"]


def test_cluster_shortcomings__two_groups_of_the_public_awareness_is_publicity():
    # written round 68: 商户…意识 reaches past a second group joined to the first (商户和流动人口法治意识,
    # 村民及外来务工人员的法律意识), as it reaches past 特别是…; a second group of cadres leaves it the cadres'
    table = items({"庚镇": ["二是部分商户和流动人口法治意识淡薄，占道经营反复出现。", "一是部分村民及外来务工人员的法律意识不强。",
                           "三是部分村民和村干部的法治意识不强。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "publicity", "awareness"]


def test_cluster_shortcomings__the_public_s_respect_for_the_law_is_publicity():
    # written round 88: 尊法学法守法 without its 用法 is the public's, as 尊法学法守法用法 is (not the cadres' 尊法, 学法)
    table = items({"壬县": ["一是全社会尊法学法守法的风气尚未完全形成。", "二是部分机关干部学法不够经常。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "awareness"]


def test_cluster_shortcomings__a_group_of_the_public_studying_law_is_publicity():
    # written round 76: the groups of the public a report lists (…、…等群体) whose study, awareness or grounding in
    # the law lags are publicity, though 学法 and 法治观念 are otherwise the cadres'; the cadres' own stay awareness
    table = items({"辛镇": ["一是外出务工返乡人员、散居五保户等群体学法用法的自觉性不高，遇事仍习惯托人说情。",
                           "二是山区独居老人、残疾人等群体法律素养普遍偏低。", "三是快递员、网约车司机等群体法治观念仍较淡薄。",
                           "四是部分镇干部学法用法的自觉性不高。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "publicity", "publicity", "awareness"]


def test_cluster_shortcomings__business_entities_awareness_is_publicity():
    # written round 70: 经营主体 (the name 市场主体 took in 2023) …意识 is the public's, as 市场主体…意识 is
    table = items({"辛镇": ["二是部分经营主体守法经营意识不强，合同纠纷时有发生。", "一是部分新型经营主体的诚信守法意识较弱。",
                           "三是部分镇干部依法行政意识不强。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "publicity", "awareness"]


def test_cluster_shortcomings__a_city_s_migrant_residents_awareness_is_publicity():
    # written round 92: big cities name their migrant residents after the city (来穗人员 in the round's report;
    # 来沪人员, 来深建设者, 来京人员 …) or call them 外地人员, 流动人员: their awareness is the public's, as 外来…意识
    # is, though 法治意识 and 意识淡薄 alone are the cadres'
    table = items({"癸街道": ["一是部分来沪人员法律意识淡薄，遇到欠薪多选择堵门讨要。", "二是来深建设者的法治意识有待增强。",
                             "三是部分外地人员法律意识较弱。", "四是流动人员法治意识淡薄，违规搭建时有发生。",
                             "五是部分来京人员法治意识不强。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity"] * 5


def test_cluster_shortcomings__a_cadre_s_awareness_beside_migrants_stays_awareness():
    # guards of round 92's words, right before them too: a cadre's own awareness stays awareness (the 来 of 近年来
    # before a cadre names no migrant), and 新市民 (市民…意识) and 外来务工人员 (外来…意识) were the public's already
    table = items({"癸街道": ["一是近年来部分街道干部依法行政意识不强。", "二是部分社区工作者法治意识淡薄。",
                             "三是部分新市民法治意识淡薄。", "四是外来务工人员法治意识不强。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["awareness", "awareness", "publicity", "publicity"]


def test_cluster_shortcomings__a_cadre_s_or_staff_member_s_legal_knowledge_is_awareness():
    # written round 94: 部分社区工作人员法律知识不足 was read as staffing by the cue 人员 (no keyword); the legal knowledge
    # of an office's staff or cadres is theirs to learn, as their 法律素养 is (工作人员…法律知识, 干部…法律知识)
    table = items({"子镇": ["一是个别站所工作人员法律知识欠缺，办理业务时仍凭经验。",
                           "二是村（社区）干部法律知识缺乏，处理集体资产事务不规范。",
                           "三是部分机关工作人员缺乏必要的法律知识。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["awareness"] * 3


def test_cluster_shortcomings__the_public_s_or_temporary_staff_s_legal_knowledge_keeps_its_theme():
    # guards of round 94's words: the public's knowledge stays theirs, and hired grid workers' or enforcers'
    # stays staffing
    table = items({"丑镇": ["一是部分居民法律知识欠缺，维权方式不够理性。", "二是商户法律知识不足，经营行为不规范。",
                           "三是街道网格员多为临时聘用，流动性大，普遍缺乏基本法律知识。", "四是执法人员法律知识不足，办案质量不高。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "publicity", "capacity", "capacity"]


def test_cluster_shortcomings__a_firm_named_by_its_trade_abbreviation_is_the_public():
    # written round 96: 部分小微酒企知识产权保护意识薄弱 was read as the cadres' (意识薄弱): 企业…意识 is the public's,
    # but a firm named by its trade's short form (酒企, 药企, 茶企, 民企 …) is no 企业 to the list
    table = items({"寅镇": ["一是部分药企依法生产意识有待加强，台账记录不全。",
                           "二是辖区民企合规经营意识不强，合同纠纷多发。",
                           "三是少数茶企商标保护观念淡薄，被仿冒后不会维权。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity"] * 3


def test_cluster_shortcomings__growers_and_breeders_awareness_is_the_public_s():
    # written round 103: 部分种植户和米企法治意识不强 was read as the cadres' (法治意识): growers and breeders (种植户,
    # 养殖户) are the public, as 农户 and 大户 are; other wordings
    table = items({"巳镇": ["一是部分种植户合同意识淡薄，土地流转多为口头约定。",
                           "二是个别养殖户守法经营意识不强，粪污直排时有发生。",
                           "三是少数种植户和家庭农场主法律意识不强，遇事找关系。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity"] * 3


def test_cluster_shortcomings__cadres_serving_growers_keep_their_theme():
    # guard beside it: the growers a cadre serves or helps (服务种植户, 帮扶养殖户) are whom the work is for, as 服务农户
    table = items({"午镇": ["一是部分干部服务种植户时依法办事意识不强。",
                           "二是农技站干部帮扶养殖户时法治意识不强，程序不规范。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["awareness"] * 2


def test_cluster_shortcomings__cadres_serving_firms_keep_their_theme():
    # guards of round 96's words: the 企 of 涉企 and 助企 names no firm that lacks awareness; the doers decide
    table = items({"卯镇": ["一是涉企执法人员执法能力不足，办案质量不高。",
                           "二是部分干部助企服务中依法办事意识不强。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["capacity", "awareness"]


def test_cluster_shortcomings__coordinating_inspections_is_enforcement_s():
    # written round 101: 涉企行政检查统筹协调还不够 (capacity by its writer: how the town's enforcers plan their visits
    # to firms) was other, no theme word; inspections that are not planned, joined or coordinated together
    # (检查…统筹/协同/协调) are enforcement's; other wordings
    table = items({"辰镇": ["一是各站所联合检查计划统筹不够，企业反映较多。",
                           "二是市场监管与安全生产检查协同不够顺畅。",
                           "三是对“九小场所”的消防检查缺乏协调，时有重复。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["capacity"] * 3


def test_cluster_shortcomings__coordination_of_other_work_keeps_its_theme():
    # guards of round 101's words, right before them too: a coordination that is not of inspections keeps its work's
    # theme, and inspections' results not published stay disclosure
    table = items({"巳镇": ["一是矛盾纠纷多元化解统筹协调不够，部门各自为战。",
                           "二是涉企行政检查结果未按要求向社会公示。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["disputes", "disclosure"]


def test_cluster_shortcomings__lead_clause_decides_mixed_item():
    # Capacity is named first; the awareness words that follow must not win.
    table = items({"丁镇": ["一是执法力量薄弱，部分干部学法意识不强，法治思维和法律素养有待提升。",
                           "二是普法宣传方式单一。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["capacity", "publicity"]


def test_cluster_shortcomings__given_k_gives_k_clusters():
    result = cluster_shortcomings(invented_table(), ThemeOptions(k=3))
    assert sorted(result["cluster"].unique()) == [0, 1, 2]


def test_cluster_shortcomings__agglomerative_given_k_gives_k_clusters():
    result = cluster_shortcomings(invented_table(), ThemeOptions(k=5, method="agglomerative"))
    assert result["cluster"].nunique() == 5


def test_cluster_shortcomings__deterministic():
    table = invented_table([UNRELATED])
    first = cluster_shortcomings(table)
    second = cluster_shortcomings(table)
    pd.testing.assert_frame_equal(first, second)


def test_cluster_shortcomings__clusters_mode_gives_cluster_theme_to_all_members():
    # One cluster for everything: the cluster's theme is the best-covered one, or "other".
    result = cluster_shortcomings(invented_table(), ThemeOptions(k=1, mode="clusters"))
    assert result["theme"].nunique() == 1


def test_cluster_shortcomings__items_mode_keeps_each_items_own_theme():
    result = cluster_shortcomings(invented_table(), ThemeOptions(k=1, mode="items"))
    assert set(result["theme"]) == set(SAME_PROBLEM)


def test_cluster_shortcomings__cluster_terms_come_from_member_texts():
    result = cluster_shortcomings(invented_table(), ThemeOptions(k=4))
    for row in result.itertuples():
        members = " ".join(result.loc[result["cluster"] == row.cluster, "text"])
        terms = row.cluster_terms.split("|")
        assert terms and all(term in members for term in terms)


def test_cluster_shortcomings__edited_theme_list_is_used():
    themes = pd.concat([load_themes(), pd.DataFrame(
        [{"theme": "infrastructure", "label_zh": "基础设施与经费", "keywords": "基础设施|改造资金"}])])
    result = cluster_shortcomings(invented_table([UNRELATED]), themes=themes)
    assert result.loc[result["text"] == UNRELATED, "theme"].item() == "infrastructure"


def test_cluster_shortcomings__replaces_existing_theme_columns():
    first = cluster_shortcomings(invented_table())
    again = cluster_shortcomings(first.assign(theme="stale"))
    assert list(again.columns) == list(first.columns) and "stale" not in set(again["theme"])


def test_cluster_shortcomings__empty_table_gets_columns():
    empty = pd.DataFrame(columns=["doc_id", "item_no", "text", "headline"])
    result = cluster_shortcomings(empty)
    assert len(result) == 0 and {"cluster", "theme", "theme_label", "cluster_terms"} <= set(result.columns)


def test_cluster_shortcomings__k_larger_than_items_raises():
    with pytest.raises(ValueError, match="k=9 clusters impossible for 2 items"):
        cluster_shortcomings(items({"a": ["普法形式单一", "调解机制不健全"]}), ThemeOptions(k=9))


def test_cluster_shortcomings__unknown_mode_raises():
    with pytest.raises(ValueError, match="ThemeOptions.mode must be one of hybrid, clusters, items, not 'x'"):
        cluster_shortcomings(items({"a": ["普法形式单一"]}), ThemeOptions(mode="x"))


def test_split_lead__strips_marker_and_cuts_first_clause():
    assert split_lead("（二）普法形式单一，群众参与度不高。") == ("普法形式单一", "群众参与度不高。")


def test_split_lead__headline_gives_lead():
    lead, rest = split_lead("法治人才匮乏。司法所人员少。", "法治人才匮乏")
    assert (lead, rest) == ("法治人才匮乏", "司法所人员少。")


def test_load_themes__missing_column_raises(tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("theme,keywords\na,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lacks columns \['label_zh'\]"):
        load_themes(path)


def test_theme_summary__counts_reports_not_items():
    table = items({"a": ["普法形式单一", "法治宣传氛围不浓"], "b": ["调解机制不健全"]})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c", "d"]})
    summary = theme_summary(cluster_shortcomings(table, ThemeOptions(mode="items")), documents).set_index("theme")
    assert summary.loc["publicity", ["n_items", "n_reports", "share_reports"]].tolist() == [2, 1, 0.25]


def test_theme_summary__lists_the_towns_behind_each_theme():
    table = items({"a": ["普法形式单一"], "b": ["普法方式单一"], "c": ["调解机制不健全"]})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "town": ["里心镇", "大年乡", "治平乡"]})
    summary = theme_summary(cluster_shortcomings(table, ThemeOptions(mode="items")), documents).set_index("theme")
    assert summary.loc["publicity", "towns"] == "大年乡、里心镇"
    assert summary.loc["publicity", ["n_reports", "n_reports_total"]].tolist() == [2, 3]


def test_theme_summary__items_without_a_theme_count_as_unthemed():
    table = pd.DataFrame({"doc_id": ["a", "a", "b"], "item_no": [1, 2, 1], "text": ["x", "y", "z"],
                          "theme": ["publicity", None, "publicity"], "theme_label": ["普法宣传", None, "普法宣传"]})
    summary = theme_summary(table, pd.DataFrame({"doc_id": ["a", "b", "c", "d"]}))
    assert summary[["theme_label", "n_reports", "n_items", "share_reports"]].values.tolist() == [
        ["普法宣传", 2, 2, 0.5], ["未归类", 1, 1, 0.25]]


def test_theme_summary__other_sorted_last():
    table = items({"a": ["普法形式单一", UNRELATED], "b": ["普法方式单一"]})
    summary = theme_summary(cluster_shortcomings(table, ThemeOptions(mode="items")))
    assert summary["theme"].tolist() == ["publicity", "other"]


def test_theme_summary__unclustered_table_raises():
    with pytest.raises(ValueError, match="run cluster_shortcomings"):
        theme_summary(items({"a": ["普法形式单一"]}))


def test_representative_items__highest_score_first():
    table = items({"a": ["宣传不够", "普法形式单一，法治宣传方式单一，群众参与度不高"]})
    top = representative_items(cluster_shortcomings(table, ThemeOptions(mode="items")), n=1)
    assert top["text"].tolist() == ["普法形式单一，法治宣传方式单一，群众参与度不高"]


def test_cluster_shortcomings__hybrid_keeps_own_themes_when_k_is_small():
    # Two clusters for four themes: hybrid still gives each item its own theme.
    result = cluster_shortcomings(invented_table(), ThemeOptions(k=2))
    assert sorted(set(result["theme"])) == sorted(SAME_PROBLEM)


def test_cluster_shortcomings__unmatched_item_inherits_theme_through_shared_wording():
    table = items({"戊镇": ["一是执法人员身兼数职，综合行政执法改革后承接事项多。",
                           "二是普法形式单一，群众参与度不高。"],
                   "己镇": ["综合行政执法改革后承接事项多，衔接不畅。"]})
    result = cluster_shortcomings(table, ThemeOptions(k=2))
    assert result["theme"].tolist() == ["capacity", "publicity", "capacity"]


def test_cluster_shortcomings__words_of_who_or_where_pass_no_theme_on():
    # The unthemed item shares only 上级部门 and 街道社区 with a themed cluster-mate: who and where, not its topic.
    table = items({"甲街道": ["上级部门对街道社区的检查考核过多，考核结果不反馈。", "政务公开栏内容更新不及时。",
                             "村务公开不规范，公开内容不全。"],
                   "乙镇": ["普法形式单一，群众参与度不高。", "普法宣传覆盖面不广。",
                           "上级部门把街道社区当作“二传手”，事事要求兜底。"]})
    for k in (1, 2):
        assert cluster_shortcomings(table, ThemeOptions(k=k))["theme"].tolist()[-1] == "other"


def test_cluster_shortcomings__longer_keyword_hides_shorter_one_inside_it():
    themes = pd.DataFrame({"theme": ["public", "cadres"], "label_zh": ["群众", "干部"],
                           "keywords": ["群众法治意识", "法治意识|意识"]})
    table = items({"庚镇": ["部分群众法治意识淡薄", "干部法治意识不强"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"), themes=themes)
    assert result["theme"].tolist() == ["public", "cadres"]


def test_item_tokens__lead_and_rest_tokenised_apart():
    table = items({"辛镇": ["一是普法形式单一，群众参与度不高。"]})
    assert item_tokens(table, tokenize=lambda t: t.rstrip("。").split("，")) == [(["普法形式单一"], ["群众参与度不高"])]


def test_cluster_shortcomings__tokens_column_is_used_instead_of_tokenising():
    table = invented_table([UNRELATED])
    expected = cluster_shortcomings(table)
    given = table.assign(tokens=item_tokens(table))

    def refuse(text):
        raise AssertionError("tokenised again")

    result = cluster_shortcomings(given, tokenize=refuse)
    pd.testing.assert_frame_equal(result, expected)


def test_cluster_shortcomings__missing_tokens_are_computed():
    table = invented_table([UNRELATED])
    tokens = item_tokens(table)
    tokens[0] = None
    result = cluster_shortcomings(table.assign(tokens=tokens))
    pd.testing.assert_frame_equal(result, cluster_shortcomings(table))


def test_shares_vocabulary__small_blocks_give_the_same_answer():
    from reportkit.shortcomings import _shares_vocabulary, _tfidf

    weights = [{"执法": 1.0, "改革": 1.0}, {"执法": 1.0, "人员": 1.0}, {"普法": 1.0},
               {"执法": 1.0, "改革": 1.0, "承接": 1.0}, {"改革": 1.0, "承接": 1.0}]
    tfidf, _, _ = _tfidf(weights, max_df=1.0)
    donors, labels = np.array([True, True, True, False, False]), np.array([0, 0, 1, 0, 0])
    whole = _shares_vocabulary(tfidf, donors, labels, 0.2)
    # the fourth shares two words with a donor of its cluster; the fifth only one (改革), however similar
    assert whole.tolist() == [False, False, False, True, False]
    assert _shares_vocabulary(tfidf, donors, labels, 0.2, max_cells=1).tolist() == whole.tolist()



# Words that name who, where or what kind of thing, not what two items are about (resources/unshared_words.txt): two
# items sharing only such words and one other word do not share vocabulary; a third word in common still counts.
UNSHARED_CASES = {
    # the second shares only 县里 and 站所 with its donor; the fourth shares 调解 besides 镇里 and 村级: still one word
    "who_or_where": ([{"县里": 1.0, "站所": 1.0, "督查": 1.0}, {"县里": 1.0, "站所": 1.0, "兜底": 1.0},
                      {"镇里": 1.0, "村级": 1.0, "调解": 1.0}, {"镇里": 1.0, "村级": 1.0, "调解": 1.0, "台账": 1.0}],
                     [False, False, False, False]),
    # written round 76: 机构 names a body, as 站所 does, and 相对 hedges, as 部分 does (机构调整后… and 机构…调整;
    # 相对滞后 said of a place and of a staff)
    "a_body_and_a_hedge": ([{"机构": 1.0, "调整": 1.0, "编制": 1.0}, {"机构": 1.0, "调整": 1.0, "科室": 1.0},
                            {"相对": 1.0, "滞后": 1.0, "人员": 1.0}, {"相对": 1.0, "滞后": 1.0, "片区": 1.0}],
                           [False, False, False, False]),
    # themes set 95: 事项 names any work (赋权事项, 审批事项, 证明事项), as 机构 names any body (…“一票否决”事项…承担的
    # 证明事项 shared 事项 and 承担 with …实际承担事项…公开缺项)
    # (its third word in common 时限: since themes set 103 a 窗口 is a service's channel, no shared wording)
    "a_matter": ([{"事项": 1.0, "下放": 1.0, "执法": 1.0}, {"事项": 1.0, "下放": 1.0, "清单": 1.0},
                  {"事项": 1.0, "审批": 1.0, "时限": 1.0, "公示": 1.0}, {"事项": 1.0, "审批": 1.0, "时限": 1.0, "压减": 1.0}],
                 [False, False, False, True]),
    # themes set 87: a housing estate (小区; 老旧小区, cut as 老旧 and 小区) names where, as 社区 does (法治建设在老旧小区
    # 集中的社区滞后 shared 老旧, 小区 and 滞后 with 老旧小区改造资金…公开滞后)
    "a_housing_estate": ([{"老旧": 1.0, "小区": 1.0, "公示": 1.0}, {"老旧": 1.0, "小区": 1.0, "推进": 1.0},
                          {"小区": 1.0, "老旧": 1.0, "物业": 1.0, "纠纷": 1.0},
                          {"小区": 1.0, "老旧": 1.0, "物业": 1.0, "纠纷": 1.0}],
                         [False, False, False, True]),
    # themes set 101: a measure's frame (与上级要求相比还有差距: 相比, 差距) says how far an item falls short, not of what
    # (…与上级要求和群众期盼相比还有差距，各村推进不平衡 shared 相比, 差距 and 要求 with 复议…与上级要求相比还有差距); the
    # place people moved from (迁出地, cut as 迁出) names where, as 社区 does
    "a_measure_s_frame": ([{"相比": 1.0, "差距": 1.0, "复议": 1.0}, {"相比": 1.0, "差距": 1.0, "平衡": 1.0},
                           {"迁出": 1.0, "安置": 1.0, "纠纷": 1.0}, {"迁出": 1.0, "安置": 1.0, "户籍": 1.0}],
                          [False, False, False, False]),
    # themes set 102: 问题 is how items call any fault (…的问题仍然突出, 发现的问题), as 差距 measures any, not what of
    # (县直部门…转嫁责任，督察发现…“小马拉大车”问题依然突出 shared 发现 and 问题 with 县直部门…督查发现的问题…); a third
    # word in common still counts
    "a_fault_s_name": ([{"问题": 1.0, "发现": 1.0, "督查": 1.0}, {"问题": 1.0, "发现": 1.0, "转嫁": 1.0},
                        {"问题": 1.0, "突出": 1.0, "信访": 1.0, "积案": 1.0},
                        {"问题": 1.0, "突出": 1.0, "信访": 1.0, "积案": 1.0}],
                       [False, False, False, True]),
    # themes set 103: a list (清单: 履行职责事项清单, 免罚清单) is the form a catalogue of any work takes, as 事项 names any
    # matter (…清单公布后，县直部门仍…把清单外事项转给乡镇 shared 清单 and 履行职责 with …履行职责事项清单栏目长期未更新); where
    # the public is served and through what (政务, 政务服务, 平台, 一网通办, 便民服务中心, 窗口, 办事) names the channel, as 社区
    # names where people live (…政务APP…多个平台重复填报 shared 平台 and 政务 with 政务数据…“一网通办”平台…公开内容不一致);
    # a third word in common still counts
    "a_list_and_a_service_s_channel": ([{"清单": 1.0, "履行职责": 1.0, "公开": 1.0},
                                        {"清单": 1.0, "履行职责": 1.0, "转嫁": 1.0},
                                        # (互通 the third word since themes set 104 made 重复 unshared)
                                        {"平台": 1.0, "政务": 1.0, "数据": 1.0, "互通": 1.0, "公示": 1.0},
                                        {"平台": 1.0, "政务": 1.0, "数据": 1.0, "互通": 1.0, "填报": 1.0}],
                                       [False, False, False, True]),
    # themes set 104: the frame of a cause (受…影响: 影响) and the epidemic years' setting (疫情) say when and why, not what
    # (受疫情反复影响，…服务业恢复缓慢 shared 影响, 疫情 and 企业 with 受疫情影响，…信息公开…年度报告未按时发布); how often or
    # by how many (多头, 重复) measures any fault (…数据平台多头建设…重复录入 shared 多头, 重复 and 数据 with …对多头检查、
    # 重复检查的监督…); a third word in common still counts
    "a_cause_s_frame_and_the_epidemic": ([{"影响": 1.0, "疫情": 1.0, "公开": 1.0}, {"影响": 1.0, "疫情": 1.0, "商贸": 1.0},
                                          {"疫情": 1.0, "影响": 1.0, "隔离": 1.0, "收费": 1.0, "公示": 1.0},
                                          {"疫情": 1.0, "影响": 1.0, "隔离": 1.0, "收费": 1.0, "标准": 1.0}],
                                         [False, False, False, True]),
    "how_often_or_by_how_many": ([{"多头": 1.0, "重复": 1.0, "检查": 1.0}, {"多头": 1.0, "重复": 1.0, "录入": 1.0},
                                  {"重复": 1.0, "多头": 1.0, "数据": 1.0, "监督": 1.0},
                                  {"重复": 1.0, "多头": 1.0, "数据": 1.0, "共享": 1.0}],
                                 [False, False, False, False]),
    "a_service_s_channel_alone": ([{"一网通办": 1.0, "办事": 1.0, "公开": 1.0}, {"一网通办": 1.0, "办事": 1.0, "延伸": 1.0},
                                   {"便民服务中心": 1.0, "窗口": 1.0, "政务服务": 1.0, "公示": 1.0},
                                   {"便民服务中心": 1.0, "窗口": 1.0, "政务服务": 1.0, "排队": 1.0}],
                                  [False, False, False, False]),
    # themes set 106: the service reform's name (“高效办成一件事”, cut as 高效, 办成 and 一件) and 数字政府 name the channel,
    # as 一网通办 does; how far along a work is (刚刚起步) measures it, as 差距 does (“高效办成一件事”…落地不多 shared 高效,
    # 办成 and 一件 with …“一件事”办事指南…未…同步公开; 河长制工作刚刚起步 shared 刚刚 and 起步 with 行政执法监督刚刚起步)
    "a_reform_s_name_and_a_stage": ([{"高效": 1.0, "办成": 1.0, "一件": 1.0, "公开": 1.0},
                                     {"高效": 1.0, "办成": 1.0, "一件": 1.0, "落地": 1.0},
                                     {"数字政府": 1.0, "刚刚": 1.0, "起步": 1.0, "监督": 1.0},
                                     {"数字政府": 1.0, "刚刚": 1.0, "起步": 1.0, "河道": 1.0}],
                                    [False, False, False, False]),
}


@pytest.mark.parametrize("case", list(UNSHARED_CASES))
def test_shares_vocabulary__words_of_who_where_or_what_kind_are_not_counted(case):
    from reportkit.shortcomings import _shares_vocabulary, _tfidf

    weights, want = UNSHARED_CASES[case]
    tfidf, vocab, _ = _tfidf(weights, max_df=1.0)
    donors, labels = np.array([True, False, True, False]), np.array([0, 0, 1, 1])
    assert _shares_vocabulary(tfidf, donors, labels, 0.2, vocab=vocab).tolist() == want
    # counted as shared when every word counts (the unshared list not given)
    assert _shares_vocabulary(tfidf, donors, labels, 0.2).tolist() == [False, True, False, True]


def test_cluster_shortcomings__a_matter_and_one_word_pass_no_theme_on():
    # themes set 95: the unthemed item shares 事项 and 下放 with a themed cluster-mate, one word besides a matter; the
    # guard shares 事项, 下放, 清单 and
    # 调整 (three words besides) and takes the mate's theme when the two share a cluster
    table = items({"甲镇": ["县级下放事项的执法案卷不规范，执法人员持证率低。", "普法形式单一，群众参与度不高。"],
                   "乙镇": ["上级下放事项多，“属地管理”成了兜底。"]})
    guard = items({"甲镇": ["县级下放事项清单调整后，执法人员持证率低。", "普法形式单一，群众参与度不高。"],
                   "乙镇": ["上级下放事项清单调整后，镇里只能兜底。"]})
    for k in (1, 2):
        assert cluster_shortcomings(table, ThemeOptions(k=k))["theme"].tolist()[-1] == "other"
    assert cluster_shortcomings(guard, ThemeOptions(k=2))["theme"].tolist()[-1] == "capacity"

# --------------------------------------------------------------------------- cutting items from the sections


def test_shortcoming_items__first_next_words():
    text = """一、工作开展情况
甲。
二、存在的短板
我镇法治建设仍存在一些短板。首先，执法力量薄弱，人员身兼数职。其次，普法形式单一，效果不明显。最后，矛盾纠纷化解机制不健全。
三、下一步工作计划
乙。"""
    items = shortcoming_items(split_sections(text, doc_id="z"))
    assert items["headline"].tolist() == ["执法力量薄弱", "普法形式单一", "矛盾纠纷化解机制不健全"]
    assert items["text"].iloc[0] == "执法力量薄弱，人员身兼数职。"


def test_shortcoming_items__a_page_break_inside_the_part_is_no_words_of_an_item():
    # written round 72: a Word or PDF file's text with whole paragraphs keeps its page numbers (- 7 -, 第 8 页) and the
    # running header the next page repeats; inside the problems they were kept in an item, and a sentence the break
    # cut stayed in two lines
    text = normalize_text(
        "柳湖街道2023年度法治建设工作总结\n2023年，柳湖街道坚持依法行政。\n一、主要工作\n（一）规范执法。办理案件15件。\n"
        "二、存在的问题\n1.社区网格员队伍流动性大，新进网格员对物业、租赁等方面的法律\n\n- 7 -\n\n"
        "柳湖街道2023年度法治建设工作总结\n\n知识掌握不多，化解纠纷时心中无数。\n2.政务公开栏目更新不及时。\n第 8 页\n"
        "3.居民通过法律途径维权的意识不强。\n三、下一步打算\n（一）加强网格员培训。\n\n柳湖街道办事处\n2024年1月9日")
    texts = shortcoming_items(split_sections(text))["text"].tolist()
    assert texts == ["社区网格员队伍流动性大，新进网格员对物业、租赁等方面的法律知识掌握不多，化解纠纷时心中无数。",
                     "政务公开栏目更新不及时。", "居民通过法律途径维权的意识不强。"]


@pytest.mark.parametrize("head", ["中共柳湖街道工作委员会文件", "柳街发〔2024〕11号", "柳湖街道 法治建设年度工作要点执行情况"])
def test_shortcoming_items__a_red_header_document_s_running_head_is_no_words_of_an_item(head):
    # round 86: a red-header document's text kept, under each page's number, the issuer's line (…人民政府文件) or the
    # document's number (…〔2025〕8号) as its running head, and a page counter split over two lines (第2页 / 共3页)
    text = normalize_text(
        "柳湖街道2023年度法治建设工作总结\n2023年，柳湖街道坚持依法行政。\n一、主要工作\n（一）规范执法。" + "办理案件15件，" * 20
        + f"结案率100%。\n二、存在的问题\n1.社区网格员队伍流动性大，人员更替频繁。\n- 4 -\n{head}\n2.政务公开栏目更新不及时。\n"
        f"第5页\n共6页\n{head}\n3.居民通过法律途径维权的意识不强。\n三、下一步打算\n（一）加强网格员培训。")
    texts = shortcoming_items(split_sections(text))["text"].tolist()
    assert texts == ["社区网格员队伍流动性大，人员更替频繁。", "政务公开栏目更新不及时。", "居民通过法律途径维权的意识不强。"]


def _items_of_second_part(text: str):
    """The shortcoming items of TEXT, a report's second part, after a first part of one paragraph."""
    return shortcoming_items(split_sections("一、主要举措\n甲。\n" + text))


def test_shortcoming_items__unnumbered_paragraphs():
    text = """一、主要举措和成效
甲。
二、存在的问题
2023年，我乡法治建设取得一定成效，但仍存在一些问题。
法治队伍建设滞后，专职法治人员只有1名。
普法宣传针对性不强，群众参与度不高。
针对上述问题，我乡将在今后工作中认真加以解决。
三、下一步打算
乙。"""
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["法治队伍建设滞后", "普法宣传针对性不强"]


def test_shortcoming_items__unnumbered_paragraphs_after_a_sentence_that_says_they_follow():
    text = ("二、存在的不足\n对照纲要要求和群众期盼，我镇法治政府建设工作仍存在一些薄弱环节，主要表现在以下几个方面：\n"
            "法治宣传针对性不强。普法活动仍以发放资料为主。\n执法力量相对薄弱。在编执法人员仅6名。\n三、下一步打算\n乙。")
    assert _items_of_second_part(text)["headline"].tolist() == ["法治宣传针对性不强", "执法力量相对薄弱"]


def test_shortcoming_items__items_numbered_qi_yi_qi_er():
    text = ("二、工作中的短板弱项\n对标法治政府建设要求，我镇还存在一些短板：其一，依法决策的程序意识仍需加强；"
            "其二，领导干部学法的实效性不够高；其三，政务公开存在短板。其中，村务公开更新不及时。\n三、下一步打算\n乙。")
    assert _items_of_second_part(text)["headline"].tolist() == [
        "依法决策的程序意识仍需加强", "领导干部学法的实效性不够高", "政务公开存在短板"]


def test_shortcoming_items__intro_sentence_is_not_an_item():
    text = "二、存在的问题\n2022年，我镇法治建设取得了一些成绩，但仍然存在一些弱项和短板。一是法治思维尚未形成。二是法治人才匮乏。"
    items = _items_of_second_part(text)
    assert items["text"].tolist() == ["法治思维尚未形成。", "法治人才匮乏。"]


def test_shortcoming_items__causes_sentence_stays_with_item():
    text = "二、存在的问题\n一是法治人才匮乏。乡镇一般没有法治机构，原因是编制有限。二是宣传不够。"
    items = _items_of_second_part(text)
    assert items["text"].iloc[0] == "法治人才匮乏。乡镇一般没有法治机构，原因是编制有限。"


def test_shortcoming_items__closing_sentence_is_dropped():
    text = "二、存在的不足\n一是执法队伍薄弱。二是普法效果有待提升。针对上述问题，我镇将努力改进解决。"
    items = _items_of_second_part(text)
    assert items["text"].iloc[-1] == "普法效果有待提升。"


def test_shortcoming_items__outer_list_wins_over_nested_yishi():
    text = "二、存在的不足\n1、队伍薄弱。一是人少，二是专业弱。\n2、宣传不足。"
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["队伍薄弱", "宣传不足"]


def test_shortcoming_items__yishi_inside_word_is_not_a_marker():
    text = "二、存在的不足\n一是标准不统一是主要问题。二是宣传不足。"
    items = _items_of_second_part(text)
    assert len(items) == 2


def test_shortcoming_items__heading_on_line_after_marker_is_not_an_item():
    text = "一、\n主要举措\n甲。\n二、\n存在的问题\n执法力量薄弱。\n普法形式单一。"
    items = shortcoming_items(split_sections(text))
    assert items["headline"].tolist() == ["执法力量薄弱", "普法形式单一"]


def test_shortcoming_items__label_subheadings_are_not_items():
    text = "一、主要举措\n甲。\n二、存在的不足和原因\n（一）存在的问题\n1、执法力量薄弱。\n2、普法形式单一。\n（二）原因分析\n1、编制有限。"
    items = shortcoming_items(split_sections(text))
    assert items["headline"].tolist() == ["执法力量薄弱", "普法形式单一", "编制有限"]


def test_shortcoming_items__numbers_per_document():
    both = pd.concat([split_sections("一、主要举措\n二、存在的问题\n一是甲弱。二是乙弱。", doc_id="a"),
                      split_sections("一、主要举措\n二、存在的问题\n1、丙弱。\n2、丁弱。\n3、戊弱。", doc_id="b")])
    items = shortcoming_items(both)
    assert items.groupby("doc_id")["item_no"].max().to_dict() == {"a": 2, "b": 3}


def test_shortcoming_items__documents_kept_in_table_order():
    text = "一、主要举措\n甲。\n二、存在的不足\n一是人手少。二是经费缺。"
    both = pd.concat([split_sections(text, doc_id="z"), split_sections(text, doc_id="a")])
    items = shortcoming_items(both)
    assert items[["doc_id", "item_no"]].values.tolist() == [["z", 1], ["z", 2], ["a", 1], ["a", 2]]


def test_shortcoming_items__no_shortcomings_part_gives_empty_table():
    items = shortcoming_items(split_sections("一、主要举措\n甲。"))
    assert items.empty and list(items.columns) == ["doc_id", "item_no", "text", "headline"]


def _norm(text: str) -> str:
    """As the scorer compares: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+[，,、]?)\s*")


@pytest.fixture(scope="module")
def seed_sections() -> pd.DataFrame:
    return pd.concat([split_sections(normalize_text(path.read_text(encoding="utf-8")), doc_id=path.name)
                      for path in sorted((ROOT / "data" / "raw").glob("*.txt"))], ignore_index=True)


def test_shortcoming_items__seed_gold_items(seed_sections):
    gold = pd.read_csv(ROOT / "tests" / "gold" / "seeds_shortcomings.csv", dtype=str)
    items = shortcoming_items(seed_sections)
    missed = []
    for g in gold.itertuples():
        texts = items.loc[items["doc_id"] == g.file, "text"]
        if not any(_MARKER.sub("", _norm(t)).startswith(_norm(g.starts_with)) for t in texts):
            missed.append((g.file, g.starts_with))
    assert missed == []
    assert len(items) == len(gold) == 14


# --------------------------------------------------------------------------- fitting on a sample, assigning the rest


def _many_items() -> pd.DataFrame:
    """Twelve invented reports, the items of SAME_PROBLEM and UNRELATED reworded a little."""
    docs = {}
    for j in range(12):
        texts = [SAME_PROBLEM[t][(j + i) % 3] for i, t in enumerate(SAME_PROBLEM)]
        docs[f"{(j * 7919) % 97:02d}镇{j}"] = texts[: 2 + j % 3] + ([UNRELATED] if j % 4 == 0 else [])
    return items(docs)


def test_cluster_shortcomings__fit_on_all_items_when_they_are_few():
    table = _many_items()
    everything = cluster_shortcomings(table, ThemeOptions(fit_items=None))
    pd.testing.assert_frame_equal(cluster_shortcomings(table, ThemeOptions(fit_items=len(table))), everything)


def test_cluster_shortcomings__items_outside_the_sample_go_to_the_nearest_cluster():
    from reportkit.shortcomings import assign_themes, fit_themes

    table = _many_items()
    options = ThemeOptions(fit_items=12, k=3)
    result = cluster_shortcomings(table, options)
    model = fit_themes(table, options)
    sample = set(model.sample)
    assert len(sample) == 12 and sample == set(sorted(zip(table["doc_id"], table["item_no"]))[:12])
    outside = ~pd.Series([(d, i) in sample for d, i in zip(table["doc_id"], table["item_no"])])
    assigned = assign_themes(table[outside], model)
    pd.testing.assert_frame_equal(result[outside.to_numpy()].reset_index(drop=True), assigned.reset_index(drop=True))
    assert set(result["cluster"]) <= {0, 1, 2}


def test_assign_themes__an_item_gets_the_same_columns_whatever_else_is_assigned_with_it():
    from reportkit.shortcomings import assign_themes, fit_themes

    table = _many_items()
    model = fit_themes(table, ThemeOptions(fit_items=10, k=3))
    together = assign_themes(table, model)
    one_by_one = pd.concat([assign_themes(table.iloc[[i]], model) for i in range(len(table))])
    pd.testing.assert_frame_equal(together, one_by_one)


def test_cluster_shortcomings__items_added_after_the_sample_change_no_other_item():
    # What an incremental build relies on: items that do not enter the sample leave the model,
    # and so every other item's columns, as they were.
    table = _many_items()
    options = ThemeOptions(fit_items=12, k=3)
    before = cluster_shortcomings(table, options)
    added = items({"zz镇": ["普法阵地利用率低，群众参与度不高。", UNRELATED]})
    after = cluster_shortcomings(pd.concat([table, added], ignore_index=True), options)
    pd.testing.assert_frame_equal(after.iloc[: len(table)], before)


def test_theme_model__round_trip_through_json_and_npz_assigns_the_same(tmp_path):
    import json

    from reportkit.shortcomings import ThemeModel, assign_themes, fit_themes

    table = _many_items()
    model = fit_themes(table, ThemeOptions(fit_items=10, k=3))
    meta, arrays = model.to_parts()
    (tmp_path / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    np.savez(tmp_path / "model.npz", **arrays)
    with np.load(tmp_path / "model.npz", allow_pickle=False) as stored:
        again = ThemeModel.from_parts(json.loads((tmp_path / "model.json").read_text(encoding="utf-8")), dict(stored))
    pd.testing.assert_frame_equal(assign_themes(table, again), assign_themes(table, model))


def test_shortcoming_items__circled_numbers_are_items():
    for marks in ("①②③", "⑴⑵⑶"):
        text = "二、存在的不足\n" + "\n".join(f"{m}{t}" for m, t in zip(marks, ["学法意识不强；", "宣传形式单一；", "调解员能力不足。"]))
        items = _items_of_second_part(text)
        assert items["headline"].tolist() == ["学法意识不强", "宣传形式单一", "调解员能力不足"], marks


def test_shortcoming_items__one_side_and_the_other_are_two_items():
    text = "二、存在问题\n一方面，普法工作创新不足，群众获得感不强；另一方面，法治人才匮乏。\n三、下一步打算\n加强学习。"
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["普法工作创新不足", "法治人才匮乏"]


@pytest.mark.parametrize("intro", ["对照上级要求，我镇还存在一些不足，主要表现在：", "主要问题有：\n"])
def test_shortcoming_items__one_side_and_the_other_after_the_sentence_that_announces_them(intro):
    text = f"二、存在问题\n{intro}一方面，普法工作创新不足，群众获得感不强；另一方面，法治人才匮乏。\n三、下一步打算\n加强学习。"
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["普法工作创新不足", "法治人才匮乏"]


@pytest.mark.parametrize("second", ["另一方面，从工作推进看：", "其次，在制度建设方面：", "另一方面，就群众层面而言："])
def test_shortcoming_items__a_group_s_lead_opens_a_second_run_of_the_same_numbers(second):
    # written round 112 (r894): 一方面，从干部自身看：一是…；二是…。另一方面，从工作推进看：一是…；二是… lost the second
    # group's 一是 (a restart at 1 was no item) and kept its lead in the item before
    text = ("二、差距和不足\n我镇仍存在一些差距和不足。一方面，从干部自身看：一是部分干部法治思维不强；二是执法力量薄弱。"
            f"{second}一是普法形式单一；二是合法性审查程序意识有待增强；三是集体经济收入偏低。\n三、下一步打算\n加强学习。")
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["部分干部法治思维不强", "执法力量薄弱", "普法形式单一", "合法性审查程序意识有待增强",
                                          "集体经济收入偏低"]
    assert items["text"].tolist()[1] == "执法力量薄弱。"


def test_shortcoming_items__a_causes_list_numbered_again_is_no_group():
    # guard: 原因主要有：一是… numbers the causes, not a second group: its 一是 opens no item of its own
    text = "二、存在问题\n一是干部学法不够；二是执法力量不足。原因主要有：一是重视不够；二是经费不足。\n三、下一步打算\n加强学习。"
    assert "重视不够" not in _items_of_second_part(text)["headline"].tolist()


@pytest.mark.parametrize("besides, want", [
    ("此外，群众法律意识仍较淡薄，双语普法人才短缺；乡村旅游开发起步晚，产业带动能力弱。",
     ["群众法律意识仍较淡薄", "乡村旅游开发起步晚"]),
    ("此外，矛盾纠纷化解机制还不够健全。", ["矛盾纠纷化解机制还不够健全"]),
])
def test_shortcoming_items__faults_added_after_one_side_and_the_other_are_items(besides, want):
    # written round 112 (r896): 一方面…；另一方面…。此外，A；B。 kept A and B inside the second item
    text = f"二、差距和不足\n一方面，乡村干部学法自觉性不高；另一方面，执法队伍力量偏弱。{besides}\n三、下一步打算\n加强学习。"
    assert _items_of_second_part(text)["headline"].tolist() == ["乡村干部学法自觉性不高", "执法队伍力量偏弱", *want]


def test_shortcoming_items__besides_inside_a_side_stays_in_it():
    # guard: 此外 inside a clause (…，此外还…) adds nothing
    text = "二、存在问题\n一方面，执法力量不足；另一方面，宣传形式单一，此外还存在参与度低的情况。\n三、下一步打算\n加强学习。"
    assert len(_items_of_second_part(text)) == 2


def test_shortcoming_items__fields_that_label_their_own_lists_give_the_items_below_them():
    text = ("二、存在的不足\n（一）思想认识方面\n1.部分干部法治意识不强。\n2.学法流于形式。\n（二）工作力量方面\n1.执法人员少。\n"
            "2.法律顾问作用发挥不够。\n三、下一步工作安排\n加强学习。")
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["部分干部法治意识不强", "学法流于形式", "执法人员少", "法律顾问作用发挥不够"]


def test_shortcoming_items__a_sentence_measuring_the_whole_work_introduces_the_paragraphs():
    for intro in ("我镇法治政府建设工作与上级要求相比还有一定差距。", "一年来，我乡法治建设中还存在一些不足。"):
        text = f"二、存在的问题\n{intro}\n法治宣传的方式方法比较传统。\n行政执法人员数量不足。\n三、下一步工作安排\n加强学习。"
        items = _items_of_second_part(text)
        assert items["headline"].tolist() == ["法治宣传的方式方法比较传统", "行政执法人员数量不足"], intro
    # … but a paragraph that compares one topic with what people expect is an item
    text = "二、存在的问题\n普法宣传与群众期待相比还有差距。\n行政执法人员数量不足。"
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["普法宣传与群众期待相比还有差距", "行政执法人员数量不足"]


def test_cluster_shortcomings__a_cue_decides_only_for_an_item_no_keyword_matched():
    themes = pd.DataFrame({"theme": ["public", "cadres"], "label_zh": ["群众", "干部"],
                           "keywords": ["普法", "学法"], "cues": ["群众", "干部"]})
    table = items({"庚镇": ["部分群众对法律的认知停留在表面", "干部普法积极性不高", "群众学法热情不高"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"), themes=themes)
    assert result["theme"].tolist() == ["public", "public", "cadres"]  # 群众学法: the keyword 学法 decides
    keyword_score, cue_score = result["theme_score"].iloc[2], result["theme_score"].iloc[0]
    assert 0 < cue_score < keyword_score


def test_load_themes__a_list_without_cues_reads(tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("theme,label_zh,keywords\npublic,群众,普法\n", encoding="utf-8")
    assert load_themes(path).to_dict("records") == [{"theme": "public", "label_zh": "群众", "keywords": "普法", "cues": ""}]


def test_cluster_shortcomings__written_items_get_their_theme():
    # 4,082 items written in other styles (tests/fixtures/shortcomings/README.md): tuning items were
    # used to extend the theme list and its rules (38 of them stay wrong); held-out items were not, and measure it.
    written = pd.read_csv(ROOT / "tests/fixtures/shortcomings/written_items.csv", dtype=str)
    table = pd.DataFrame({"doc_id": [f"{w}-{k // 5}" for k, w in enumerate(written["written"])],
                          "item_no": [k % 5 + 1 for k in range(len(written))],
                          "text": written["text"], "headline": written["text"].map(lead_clause)})  # as cut
    result = cluster_shortcomings(table)
    right = result["theme"].to_numpy() == written["theme"].to_numpy()
    tuning, held_out = right[written["use"] == "tuning"], right[written["use"] == "held_out"]
    # held out 3,331 of 3,340 (0.997) and tuning 704 of 742 since sets 144 and 143 (written blind as 2021–2025 township and street-office
    # items on the town's legal advisers and lawyers (法律顾问 contracts and fees, 公职律师, 审查率, 列席会议, 一村（社区）一法律顾问,
    # 律师事务所, advisers as trainers and mediators, 政府购买法律服务), the reader deciding whose fault it is (4 other: the
    # advisers' fees as such): 24 of 30 first, 25 after; its misses tuning: the villages' advisers' time in the village said
    # short (驻点服务时间少, 到村坐班时间偏少), naming no work of theirs, the legal service's staffing (`_ADVISERS_SELDOM`);
    # left: the three fee items (other) read as decisions by 法律顾问 (a rule making them none's moved set 137's 不是没有资金…
    # through the clusters, so it was not kept), an assessment item (capacity) read as disclosure by 监督 and a ledger item
    # (disclosure) as decisions; no earlier item moved, appended or mended);
    # held out 3,281 of 3,290 (0.997) and tuning 699 of 732 since sets 142, 141 and 140 (written blind as 2021–2025 township and street-office
    # held out 3,307 of 3,316 (0.997) and tuning 703 of 736 with set 143 alone (written blind as 2024–2026 township, street-office and
    # county items on inspections of firms and the 2024–2025 campaign to regulate them (扫码入企, 亮码检查, 检查频次, 多头检查,
    # 乱收费、乱罚款、乱检查、乱查封, 《行政执法监督条例》, 包容审慎监管, 轻微违法免罚, 信用分级分类监管, 企业诉求), the reader deciding
    # whose fault it is (4 other: the firms' output, taxes and investment as such): 26 of 30 first, 30 after; its misses tuning:
    # inspections not graded by credit (信用等级, 信用分级, 分级分类监管, 差异化监管) capacity's keywords; legal services and the
    # law carried to firms (法律服务进…, 送法进/下乡/上门) publicity's; two answers corrected (a 查封扣押 or fine decided without
    # 法制审核 is enforcement procedure, capacity's, as sets 63, 64 and 89 read it, not decisions'); no earlier item moved,
    # appended or mended);
    # held out 3,281 of 3,290 (0.997) and tuning 699 of 732 with sets 142, 141 and 140 (written blind as 2021–2025 township and street-office
    # items on the border between rule of law and discipline (纪检监察, 巡察反馈, 小微权力清单, 廉政风险, 村级“三务”公开, 村务监督委员会,
    # 四风, 形式主义, 问责, 审计整改, 惠民资金 监管), the reader deciding whose fault it is (4 other: the party's conduct as such):
    # 23 of 30 first, 29 after; its misses tuning: power used without rule (权力运行…不规范, 用权…不规范), 审批把关 and 廉政风险
    # decisions' keywords; the search for power's risks (廉政风险点排查) no disputes' 排查 (`_RISK_SWEEP`); the party's conduct as
    # such (四风, 作风, 形式主义, 党风廉政, 一岗双责), in an item naming no law and no keyword, none's (`_CONDUCT`); left: 基层监督
    # 信息化手段不足 (capacity) read as disclosure by 监督; no earlier item moved, appended or mended);
    # held out 3,258 of 3,267 (0.997) and tuning 693 of 725 with sets 141 and 140 (written blind as 2022–2025 township and street-office
    # items full of Latin letters, digits and codes (APP, 小程序, 微信群, QQ群, OA系统 2.0版, 5G, AI, 12345, 110, “1+N”,
    # “三个100%”, B级, 2024年Q3, 镇政发〔2024〕3号, 3:1, 85.6%, full-width digits), the codes deciding nothing (4 other: 5G
    # coverage, an OA system, new market entities, an AI answering service): 28 of 30 first, 29 after; its misses tuning: the
    # public named in a relative clause as who told of a matter (群众通过12345平台反映的问题) the matter's source, no cue of
    # the public's (`_PUBLIC_AFFECTED`); left: 执法人员培训不够 with 法律知识培训 after it, capacity by the set 113 rule; no
    # earlier item moved, appended or mended);
    # held out 3,230 of 3,239 (0.997) and tuning 692 of 723 with set 140 alone (written blind as 2021–2025 township, street-office
    # and county items written as one long sentence each (、-lists, （如…等）, （含…）, （其中…）, figures in brackets, clauses
    # joined by 且, 同时, 导致, 致使, the deciding fault in the first clause, a parenthesis or the last one; 4 other: the
    # economy, a building, project money, the town's pipes and markets): 29 of 30 first, 30 after; its miss tuning: the
    # enforcers' training in an item that says they do not grasp a law (对《…》掌握不到位) the cadres' law training, the
    # enforcers read as cadres (`_ENFORCERS_TRAINED`); no earlier item moved, appended or mended);
    # held out 3,201 of 3,210 (0.997) and tuning 691 of 722 with sets 139, 138 and 137 (written blind as 2021–2025 township, street-office
    # and county items on administrative reconsideration and litigation (复议 纠错, 行政诉讼 败诉, 负责人出庭应诉, 举证 late,
    # 司法建议 and 检察建议, 实质性化解, 诉前调解, 征收 and 拆迁 cases), the reader deciding whose fault it is (4 other:
    # compensation money, the court's hearing time, a hearing postponed): 23 of 30 first, 30 after; its misses tuning: what a
    # cadre resists, unquoted (对行政诉讼存在抵触心理), the topic (`_RESISTING`); 司法建议…回复 and 检察建议…整改 the cadres'
    # keywords; evidence given late (举证不及时) an outcome whose cause after it leads (`_OUTCOME_FIRST`); no office or staff
    # of its own for a work (没有专门负责…的科室和人员) the staffing's lack (`_UNSTAFFED_FOR`); an administrative act made
    # without the 法制审核 its legality review (`_NORM_REVIEWED`); a case's pace in the court's hands (审理周期较长, 尚未审结,
    # 听证延期) no fault of the town's (`_CASE_PACE`); no earlier item moved, appended or mended);
    # held out 3,178 of 3,187 (0.997) and tuning 684 of 715 with sets 139 and 137 (written blind as 2022–2025 township and
    # street-office items on hotlines, petitions and what the public asks for (12345 热线 and 工单, 接诉即办 and 未诉先办, 满意率
    # and 解决率, 重复信访, 信访工作条例, 信访积案, 领导接访下访, 网上信访, 转办 and 回访, 民情恳谈), the reader deciding whose
    # fault it is (4 other: heating, parking, building noise, roads and street lights): 23 of 30 first, 30 after; its misses
    # tuning, all read as disputes by 诉求 or 信访: a petition's or a request's result, handling or information published or
    # told back loses the petition's words in its clause (`_told_result`), 反馈办理结果, 反馈处理结果, 结果…告知 and 告知…结果
    # disclosure's keywords; a request named by the thing complained of and counted (噪音…诉求居高不下, 基础设施类诉求占比较大)
    # the complaints' subject, no disputes' 诉求 (`_SUBJECT_REQUEST`); a cadre's awareness of doing a work lawfully
    # (干部依法处理信访问题的意识) the cadres' (`_CADRES_LAWFUL_MINDSET`); no earlier item moved, appended or mended);
    # held out 3,155 of 3,164 (0.997) and tuning 677 of 708 with set 137 alone (written blind as 2021–2025 township, street-office
    # and county items written with negations, double negations and hedges (不是不重视…而是…, 并非没有…但…, 不无…, 未能完全…,
    # 尚未完全…, 没有哪个…不…, 不能说没有…, 不同程度存在…, 或多或少…, 在一定程度上…, 个别…仍然…, 虽不多但…), the denied or
    # hedged word often another theme's work (4 other: a village road, the town's finances and debt, projects' returns, the
    # county's revenue): 29 of 30 first, 30 after; its miss tuning: the public legal service's rooms left unstaffed
    # (法律服务…无人值守, …无人值班, …无专人) capacity's keywords; the public's denied denial (群众并非不愿…，而是…) clears
    # the public, so the half after 而是 leads (`_CONTRAST`; a cadre's or a work's keeps its subject's lead); no earlier item
    # moved, appended or mended);
    # held out 3,126 of 3,135 (0.997) and tuning 676 of 707 with sets 136, 135, 134 and 133 (written blind as 2021–2025 township and
    # street-office items in the plainest local voice: short sentences, everyday words for the set phrases (有的干部不懂法,
    # 老百姓有事不找法, 村里的账没贴出来, 开会定事没记录, 吵架的事越来越多), spoken words (咱镇, 搞不清, 没人管, 老是, 扯皮), the
    # reader deciding the theme from what the item says (3 other: a village road, well water, young people gone): 24 of 30
    # first, 30 after; its misses tuning: the villages' advisers (村里的法律顾问) seldom there, in an item naming no work of
    # theirs, the legal service's staffing (`_ADVISERS_SELDOM`); what it comes down to (说到底…, 归根结底…) draws the fault out
    # (`_DRAWS_OUT`) and not taking the law seriously (把法当回事) the cadres' (群众…把法 the public's); 邻里之间, 调不下来,
    # 调不成, 越吵越 and 小事…大事 disputes' keywords; the accounts posted (账…贴出, 账…张贴, 账…上墙, 晒账) disclosure's; 开会定事 and
    # 碰头定事 (not 定事 alone: 认定事实) decisions'; no earlier item moved, appended or mended);
    # held out 3,102 of 3,111 (0.997) and tuning 670 of 701 with sets 135, 134 and 133 (written blind as 2022–2025 township, street-office
    # and county items on the digital side of the work (政务服务网 and 一网通办, 行政执法信息平台 and 掌上执法, 电子证照 and 数据共享,
    # 政府网站 and 公众号, 个人信息保护, 网络舆情, 网格 App, 线上普法 and 直播, 视频调解), the reader deciding whose fault it is (4
    # other: broadband and its signal, servers, spending on IT, 一网通办's reach): 25 of 30 first, 30 after; its misses tuning:
    # the workers' age (年龄偏大) a capacity keyword, a work's worker's or the public's age none (`_WORK_WORKER_AGE`); a
    # cadre's or an office's staff's 个人信息保护意识 the cadres' (干部…个人信息保护意识); a signal's, a network's or a
    # system's state (信号不稳定, 网速慢) and the servers' and the IT kit (服务器等信息化设备老化) the network's kit, no cue
    # (`_NETWORK_KIT`); money for the information systems as such (信息化建设资金投入不足) no staffing's (`_IT_MONEY`); no
    # earlier item moved, appended or mended);
    # held out 3,077 of 3,086 (0.997) and tuning 665 of 696 with sets 134 and 133 (written blind as 2021–2025 township items on
    # land and the villages' collective property (农村集体“三资”管理, 集体经济合同 清理, 宅基地 审批 and 违法建房, 土地承包经营权
    # and 流转纠纷, 征地 补偿, 高标准农田 and 撂荒, 村级财务 公开, 村务监督委员会), the reader deciding whose fault it is (4 other:
    # the collective economy's income, 高标准农田's upkeep, a drought's harvest, 撂荒 land): 27 of 30 first, 30 after; its
    # misses tuning: a notice posted on the board (张榜), the public looking a thing up (查询) and a platform's data kept
    # current (数据更新) disclosure's keywords; the old people as the hands that farm the land, in an item naming no law, no
    # audience (`_LEFT_BEHIND`); the search for land or buildings, in a clause naming no quarrel, no disputes' 排查
    # (`_LAND_SWEEP`); appending moved no earlier item, the mend one, to right: set 47's tuning …群众无从查询 (disclosure));
    # held out 3,050 of 3,059 (0.997) and tuning 661 of 693 with set 133 alone (written blind as 2021–2025 township and
    # street-office items on safety and emergencies (安全生产 checks and 执法, 应急管理 and 应急预案, 防汛 and 地质灾害 转移,
    # 森林防灭火 and 野外用火, 燃气 and 自建房 排查, 消防 and 九小场所, 应急演练, 隐患排查 台账), the reader deciding whose fault
    # it is (4 other: a mountain town's rains, old flood kit, narrow roads, a flood's damage): 28 of 30 first, 30 after; its
    # misses tuning: a hazard sweep (隐患排查) in a clause of no field, in an item of safety, fire, flood or a disaster that
    # names no quarrel, the safety work's, not the disputes' 排查 (`_safety_item`; forest fire, dangerous chemicals, mines
    # and geological hazards now safety's fields, `_HAZARD_OF`, and 涉稳, 维稳, 群体性 quarrels, `_QUARREL`); a safety
    # worker's certificate (资格证, 上岗证, 无证上岗) capacity's keywords; no earlier item moved, appended or mended);
    # held out 3,022 of 3,031 (0.997) and tuning 659 of 691 with sets 132, 131 and 130 (written blind as 2022–2025 street-office and
    # township items on residential communities and society's own bodies (物业管理 and 物业纠纷, 业委会 elections and their
    # 公共收益, 老旧小区 and 加装电梯, 社会组织 and 行业协会, 志愿服务, 快递员 and 外卖骑手, 居民公约 and 小区议事), the reader deciding
    # whose fault it is (4 other: old buildings, parking places, 物业费 collection, a lift's cost): 28 of 30 first, 30 after;
    # its misses tuning: the procedure a self-governing body is elected by (选举程序, read before 程序不规范) and the rules a
    # body deliberates by (议事规则) decisions' keywords; the public as those who pay their share of a common work (居民出资意愿,
    # 村民筹资筹劳) no cue (`_IN_HARDSHIP`); no earlier item moved, appended or mended);
    # held out 2,964 of 2,973 (0.997) and tuning 657 of 689 with set 131 alone (written blind as 2021–2025 township,
    # street-office and county items on credit and the government keeping its word (政务诚信, 拖欠企业账款 and 中小企业款项,
    # 新官不理旧账, 招商引资承诺, 合同违约, the town as 失信被执行人, 社会信用体系 and 信用修复, 联合惩戒, 信用承诺制, 涉企政策
    # changed without notice), the reader deciding whose fault it is (4 other: the town's debt, 历史遗留 arrears, 财力 for
    # promised subsidies, 隐性债务 and 融资平台): 29 of 30 first, 30 after; its miss tuning: a promise the town makes and the
    # procedure it lacks (作出涉企优惠承诺缺乏规范程序: 承诺…程序) a decisions keyword, a system of promises the applicant or the
    # firm makes (告知承诺制, 信用承诺) no promise of the town's (`_PROMISE_SYSTEM`); no earlier item moved, appended or mended);
    # held out 2,964 of 2,974 (0.997) and tuning 656 of 688 with set 130 alone (written blind as 2021–2025 township, street-office
    # and county items on enforcement in named fields (自然资源 违法占地 and 违建, 生态环境 散乱污 and 秸秆焚烧, 农业综合执法 农药,
    # 种子 and 兽药, 文化市场 网吧 and 出版物, 交通运输 超限超载 and 非法营运, 城市管理 占道经营 and 渣土, 市场监管 食品小作坊 and 价格,
    # 卫生健康 非法行医), the reader deciding whose fault it is: the enforcers' staff, certificates, case files, discretion
    # and procedure, the public's ignorance of the rule, the cadres', the disputes enforcement raises, the disclosure of
    # penalties, the decisions on the field's plans (4 other: air quality, 秸秆 use, traffic jams, market prices and
    # premises): 30 of 30 first; its writer's probes' two misses mended: the offenders and their sites on the move
    # (行医点, 游医, 黑车, 窝点, 摊点…流动性大) the field's scene, no staff turnover (`_PEOPLE_MOVING`); petitions made again
    # and again (多次…上访, 反复…上访, 重复…上访, 屡次…上访) disputes' keywords; the mend moved no earlier item, with or
    # without the set; appending moved one earlier item of no theme word with its cluster-mates,
    # set 55's held-out 法治建设与乡村振兴、疫情防控等中心工作结合不够紧密… (other) now in one cluster with set 17's near copy
    # 法治宣传教育与…中心工作结合不够紧密 (publicity, cosine 0.60) and read as publicity; mended on merging: 结合, 紧密, 中心
    # and 乡村振兴 frame any work's tie to the central tasks, no shared wording (unshared_words.txt), and no item moves);
    # held out 2,935 of 2,944 (0.997) and tuning 656 of 688 since sets 129 and 128 (written blind as 2021–2025 township and
    # village-level items on customs meeting the law (高额 and 天价彩礼, 大操大办 and 人情攀比, 薄养厚葬, 红白理事会, 宗族势力 in
    # village elections, 封建迷信 and 非法宗教活动, 村规民约 with clauses against the law, 移风易俗, 赡养 and 继承 by custom, 土地调整
    # by old rules), the reader deciding whose fault it is (4 other: 彩礼 rising, 乡风文明 as a culture programme, 人情 spending,
    # 薄养厚葬 as such): 25 of 30 first, 30 after; its misses tuning: a cadre's study of a law past its title's chapters
    # (干部学习, awareness); the procedure of making or revising a norm (修订程序, 制定程序, 制订程序, 修改程序) and the villagers'
    # assembly (村民会议) decisions' keywords; a programme of culture and civility (乡风文明, 文明实践, 公共文化), in an item that
    # names no law, holds its own money, forms and audience (`_CULTURE_WORK`); the public as households whose spending or
    # burden is counted (农户年均人情支出) no cue (`_IN_HARDSHIP`); no earlier item moved, appended or mended);
    # held out 2,881 of 2,890 (0.997) and tuning 650 of 682 with set 128 alone (written blind as 2021–2025 township, street-office
    # and county items in slogans, numbered formulae and jargon (一支队伍管执法, 两法衔接, 互联网+监管, 放管服, 一村一法律顾问,
    # 谁执法谁普法, 八五普法, 法律明白人, 三治融合, 首违不罚 and 轻微免罚, 接诉即办, 枫桥经验, 吹哨报到, 双随机、一公开, 证照分离,
    # 一网通办, 三重一大, 四议两公开, 最多跑一次), the fault in what the formula stands for (4 other: 两个确立, 五星支部, 一肩挑,
    # 六稳六保): 24 of 30 first, 30 after (one answer changed: enforcers misapplying the 免罚 list they enforce are capacity,
    # as sets 50 and 99 read them); its misses tuning: the villages' legal advisers counted as lawyers' part-time posts, in
    # an item naming no work of theirs, a staffing fault (`_ADVISERS_SPREAD`, `_VILLAGE_ADVISERS`); a misreading (认识有偏差,
    # 认识存在偏差) a verdict of not knowing, its holder deciding (`_NOT_KNOWING`); 两法衔接 named as its information platform,
    # in an item about the oversight it serves, the platform's name (`_LINKAGE_PLATFORM`); the party's theory and its study in
    # a clause naming no law (`_PARTY_THEORY`) and the village cadres' age, reserve and 一肩挑 in an item naming no law
    # (`_CADRES_OWN`) no theme's; no earlier item moved, appended or mended, with or without the set);
    # held out 2,886 of 2,895 (0.997) and tuning 645 of 677 since set 127 (written blind as 2021–2025 township,
    # street-office and county items written as the remedy, not the fault (…有待进一步充实, …亟待提升, …尚需加强, …还需持续
    # 用力, …还要下功夫, …需进一步规范), the reader inferring the fault from the work named, in one clause, a heading with its
    # explanation or a long sentence with a figure (4 other: the economy and revenue, village roads, the party's own
    # organisation, the industries): 29 of 30 first, 30 after; its miss tuning: the standards the party's own organisation,
    # its building work or its service centre is built to (基层党组织标准化规范化建设, 党建工作标准化, 党群服务中心规范化建设)
    # party building's, not the enforcers' conduct the bare qualities name (`_PARTY_QUALITY`; 司法所规范化建设, 执法规范化
    # and 政务公开标准化 untouched); no earlier item moved, appended or mended);
    # held out 2,857 of 2,866 (0.997) and tuning 644 of 676 since sets 126 and 125 (written blind as 2021–2025 township and
    # street-office items on schools, clinics and public institutions (法治副校长 and 校园法治教育, 校园周边 治安, 医疗纠纷 and
    # 医患调解, 卫生院 and 村卫生室 监管, 食堂 食品安全, 事业单位 staff and their 学法, 公办幼儿园, 敬老院), the reader deciding
    # whose fault it is (4 other: 乡村医生 ageing, 教师 shortage, an old people's home's old building, 公办园 places): 29 of
    # 30 first, 30 after; its miss tuning: the staff of a service a town's institutions give (乡村医生, 村医, 医务人员,
    # 教师, 护理员, 卫生院专业技术人员) and their age (年龄老化, 队伍老化), in a clause that names no law, the health's,
    # schooling's or care's own, not the rule-of-law work's staff (`_SERVICE_STAFF`; 卫生监督执法人员不足 and 教师法治意识
    # 淡薄 untouched); no earlier item moved, appended or mended);
    # held out 2,778 of 2,787 (0.997) and tuning 633 of 665 with set 125 alone (written blind as 2021–2025 township items
    # on the law's work in the town's own industries (民宿 and 乡村旅游, 矿山 and 砂石, 渔业 and 海域, 畜禽养殖, 电商 and 直播带货,
    # 物流, 工业园区 and 小作坊, 农资 and 食品: their 执法, 普法 for 经营户, 合同纠纷, 审批, 公示, 规范性文件), the reader deciding
    # whose fault it is (4 other: 民宿 occupancy, 砂石 prices, 生猪 prices, a 物流园区's 招商): 27 of 30 first, 30 after; its
    # misses tuning: the people of a trade on the move (快递物流从业人员, 骑手, 摊贩, 经营户…流动性大) the scene, no staff
    # turnover (`_PEOPLE_MOVING`); a trade's practitioners (从业者…意识) and a business's will to trade lawfully (依法经营意识,
    # 守法经营意识, 诚信经营意识) the public's (keywords); the public as producers a market cuts (养殖户补栏积极性不高,
    # 种粮积极性, 减收) no cue (`_IN_HARDSHIP`); no earlier item moved, appended or mended);
    # held out 2,801 of 2,810 (0.997) and tuning 640 of 672 since set 124 (written blind as 2021–2025 township and
    # street-office items about the groups the law protects: 留守儿童, 校园周边, 未成年人保护工作站, 养老诈骗, 赡养纠纷, 家庭暴力,
    # 反家庭暴力法, 人身安全保护令, 残疾人, 退役军人, 农民工欠薪, 外来务工人员, 流动人口; the reader deciding whose fault it is
    # (4 other: 养老服务, disabled people's jobs, 留守儿童关爱服务, 随迁子女入学): 27 of 30 first, 30 after; its misses tuning:
    # the public whose rights a cadre upholds or protects (维护/保护…权益) whom the work is for (`_SERVING`); a care or
    # welfare service's resources and staff (关爱服务资源, 专职社工, 儿童主任多为兼职), in a clause naming no law nor a
    # rule-of-law work, the welfare's (`_CARE_STAFF`); the children who moved with the public (随迁子女入学) whom a
    # welfare policy serves (`_SERVED_BY_UTILITY`); appended first it moved set 109's item of no theme word with its
    # cluster-mates, mended no earlier item moved, with or without the set);
    # held out 2,774 of 2,783 (0.997) and tuning 637 of 669 since set 123 (written blind as 2022–2025 township and
    # street-office items on grid governance and the 综治中心 (网格员 and 专职网格员, 网格化管理, 综治中心规范化建设, 矛盾纠纷排查
    # through the grid, 一站式 and 多元化解, 诉源治理, 平安建设, 群防群治, 平安信息员, 雪亮工程), the reader deciding whose fault it is
    # (4 other: 治安形势, the cameras' blind spots, village roads, the economy and an ageing population): 23 of 30 first, 30
    # after; its misses tuning: a work's word with 中心 or 办 after it names an office (综治中心, 综治办), who is short or who
    # did it, as a name ending in 所 does, and so before its 工作人员 (`_OFFICE_AFTER`, `_ITS_CADRES`); a quotation after a
    # worker's name is what is said of the worker (网格员“一人多岗”); an assessment named by its kind (对网格员的绩效考核)
    # scores its topic (`_ASSESSED`; 绩效考核 oversight's keyword); the cameras' kit and its age no staff's
    # (`_CAMERA_CLAUSE`); in an item that names no law, a clause counting the population and the foundation of governance
    # at large (基层治理基础薄弱) no theme's (`_POPULATION_CLAUSE`, `_GOVERNANCE_BASE`); no earlier item moved, appended or
    # mended, with or without the set);
    # held out 2,751 of 2,760 (0.997) and tuning 630 of 662 since set 122 (written blind as 2021–2025 township and
    # street-office items as analysts get them from saved pages and scanned files, one or two slips an item: OCR and
    # typing slips (执去, 法冶, 调介, 休系), a space or a line break inside a word (执 法, 普\n法), half-width punctuation
    # and brackets ((2), 2), ",", ";"), a missing or doubled full stop, traditional characters (執法裝備, 宣傳, 調解,
    # 決策), a footnote mark glued on ([1], ③) (4 other: 财力, village roads, 集体经济, an ageing population): 30 of 30
    # first, all held out; nothing mended; no earlier item moved, appended; merged with set 121, set 109's unthemed
    # “三会一课”制度落实不严格… took capacity from set 75's 党支部“三会一课”开展正常，但队员中持有行政执法证件的仅占一半…
    # in a new cluster: work said to run as it should before a turn (…开展正常，但…) now concedes as praise does, so that
    # item's lead is its fault, and no item moved);
    # held out 2,721 of 2,730 (0.997) and tuning 630 of 662 since set 121 (written blind as 2021–2025 township,
    # street-office and county items in concessive and contrastive sentences (虽然…但…, 尽管…仍…, 虽有…却…, 不是…而是…,
    # 并非…而是…, 与其说…不如说…, …有余而…不足, 表面上…实际上…, 在…的同时，…却…; fault-first …，虽然…), the first half
    # often another theme's work done well (4 other: 财政收入, 营商环境 and 产值, 农村路, project returns): 30 of 30 first,
    # all held out; mended after it (its 表面上/不是/与其说 items named one theme in both halves, so eight sentences in
    # other wordings, `SEEMING_AND_DENIED_HALVES`, tested the forms): the seeming or denied half of a contrast that opens
    # its item (表面上…，实际上…; 不是/并非…，而是…; 与其说…，不如说…; …有余，而…) is the scene, the half after leads
    # (`_CONTRAST`; after a subject, 干部学法表面上…，实际上…, the clause naming the subject stays the lead); no earlier
    # item moved, appended or mended, and no earlier item's lead changed);
    # held out 2,691 of 2,700 (0.997) and tuning 630 of 662 since set 120 (written blind as 2021–2026 township,
    # street-office and county items on the places, money and things of rule-of-law work (法治文化阵地, 农家书屋, 宣传栏,
    # 民主法治示范村 signs, 调解室, 矛调中心, 公共法律服务工作室, 司法所办公用房, 执法车辆 and 执法装备, the 经费 of 普法, 调解
    # and 执法, 法律顾问经费, 信息公开查阅点, 公示栏), the reader deciding whose fault it is (4 other: 财力, village roads, a
    # town hall in danger, the town's assets): 28 of 30 first, 30 after; its misses tuning: money named by the work it
    # pays for (普法经费, 调解经费, 法律顾问经费, 政务公开经费 and their 保障) is that work's, not the staffing's
    # (`_WORK_MONEY`; 执法经费 and 法治建设专项经费 stay capacity, and money invested at large, 投入不足, is capacity's
    # keyword, as r508 of the written reports needs); no earlier item moved, appended or mended, with or
    # without the set);
    # held out 2,663 of 2,672 (0.997) and tuning 628 of 660 since set 119 (written blind as 2023–2026 township,
    # street-office and county items on the digital means of rule-of-law work (非现场执法, 执法记录仪, 移动执法终端, 大数据,
    # 普法 on 短视频, 公众号, 小程序 and 直播, 学法APP, 在线矛盾纠纷多元化解平台, 智慧社区, 政务新媒体, 网上公示, 数字乡村), the
    # reader deciding whose fault it is (4 other: the network's signal, data silos, 直播带货 talent, 电子证照 not shared):
    # 27 of 30 first, 30 after; its misses tuning: a rule, a standard or a list put into use 未经法制审核 a norm's
    # legality review, decisions' (`_NORM_REVIEWED`; 处罚决定未经法制审核 stays capacity); the talent an economic field
    # needs (电商人才, 直播带货人才, 产业人才), in a clause naming no law, the economy's (`_ECONOMY_TALENT`); the public who
    # must hand in papers again (群众办事仍需重复提交) whom the service fails, no cue (`_SERVED_TRAVEL`); no earlier item
    # moved, appended or mended, with or without the set);
    # held out 2,636 of 2,645 (0.997) and tuning 625 of 657 since set 118 (written blind as 2021–2026 township and
    # street-office items in plain spoken words, as a township head, a 司法所长 or a village cadre says them in a 述法 talk
    # or a 座谈会 (老百姓, 打官司, 托关系, 闹一闹, 法盲, 拍脑袋, 走过场, 没人管, 管不了, 一刀切, 说了不算, 两张皮, “人情案”,
    # 抹不开面子; 搞不赢, 咋, 啥, 晓得), the reader deciding which theme the fault is (4 other: 集体经济, villages left to the
    # old, 迎检, a health centre's doctors): 26 of 30 first, 30 after; its misses tuning: too few people who know the law
    # (懂法的人太少, 缺乏懂法) the staffing's (the public's 村民…懂法的人 theirs); a quarrel or a fight said plainly (吵嘴,
    # 吵架, 拌嘴, 口角, 打架, 斗殴, 民转刑) the dispute itself (met, 遇到…吵架, the circumstance: `_MET_DISPUTE`); the
    # public's report (群众举报, 举报电话) oversight's, and said as the time of the fault (群众举报…时) the occasion
    # (`_REPORT_MET`); in an item naming no law, the people a village is left with (留下的都是老人, 只剩下老人) its make-up,
    # no cue of the public's (`_LEFT_BEHIND`); no earlier item moved, appended or mended, with or without the set);
    # held out 2,610 of 2,619 (0.997) and tuning 621 of 653 since set 117 (written blind as 2021–2026 township,
    # street-office and county items on the public's channels of feedback and complaint (12345 热线 and 工单, 网络问政 and
    # 留言, 舆情, 人大代表建议 and 政协提案, 信访 and 领导接访, 满意度, 投诉举报, 征求意见, 好差评, 行政复议申请), the reader
    # deciding whose fault an unheard complaint is (4 other: 窗口效率 and 满意度, 设施老化, 经济下行, 经营困难): 19 of 30 first,
    # 30 after; its misses tuning: the public as a service's raters (群众满意度) or as those a business strain befalls
    # (个体工商户经营困难) no cue (`_RATING_PUBLIC`, `_IN_HARDSHIP`); a downturn's lead leaves the scene it is drawn
    # from no fault (`_DOWNTURN`); a facility's 老化 no staff's (`_AGING_FACILITY`); the leaders who receive petitioners
    # (领导干部接访下访) the petition system's (`_LEADERS_RECEIVING`); an office's staff not knowing anything the cadres'
    # (`_OFFICE_STAFF_NOT_KNOWING`); what a cadre's held thought is about a topic (`_ATTITUDE_TOWARD`); 仍需增强 a verdict
    # of the public's will (`_PUBLIC_WILL`); keywords 实质解决, 重复来电 (disputes), 舆情回应, 政务舆情, 权威信息,
    # 建议办理, 提案办理 (disclosure); no earlier item moved, appended or mended, with or without the set);
    # held out 2,591 of 2,600 (0.997) and tuning 610 of 642 since set 116 (written blind as 2021–2026 county departments'
    # own 法治政府建设 reports: 市场监管局, 综合行政执法局 and 城管局, 生态环境分局, 税务局, 交通运输局, 消防救援大队, 应急管理局,
    # 自然资源局, 人社局, 卫健局, 教育局; the reader deciding which theme the department's own fault is, or the sector's own
    # work (4 other: 安全生产, a road budget, rural health care, water quality)): 29 of 30 first, 30 after; its miss tuning:
    # an enforcement officer holding an awareness of the law itself (执法人员依法行政意识不强, 执法队员法治观念淡薄) is the
    # cadres', not enforcement's staffing (`_ENFORCER_MINDSET`; 执法人员程序意识不强 stays capacity); no earlier item moved,
    # appended or mended, with or without the set);
    # held out 2,562 of 2,571 (0.996) and tuning 609 of 641 since set 115 (written blind as 2021–2026 township,
    # street-office and county items on the special campaigns and narrow legal fields a town reports on (反诈, 禁毒,
    # 非法集资 and 养老诈骗, 网络谣言, 文物, 殡葬 and 散埋乱葬, 医保基金, 反家暴, 燃气 and 电动自行车, 自建房, 根治欠薪, 宗教, 退役军人,
    # 校园周边, 食品安全), the reader deciding whether the fault is a rule-of-law theme's or the campaign's own (4 other): 26 of
    # 30 first, 30 after; its misses tuning: an office's staff (工作人员) who do not know a law are the cadres'
    # (`_OFFICE_STAFF`); a campaign's targets (吸毒人员, 涉诈人员, 重点人员) and its assigned watchers (包保干部) no cue
    # (`_CAMPAIGN_PEOPLE`); a hazard of money (欠薪隐患, 资金链, 债务) the economy's, no hidden quarrel (`_HAZARD_OF`); no
    # earlier item moved, appended or mended, with or without the set);
    # held out 2,536 of 2,545 (0.996) and tuning 605 of 637 since set 114 (written blind as 2021–2026 township,
    # street-office and county items framed by the contrast and parallel formulae (重实体轻程序, 重处罚轻教育, 有机构无人员,
    # 重建设轻管理, 宽松软, 不是…而是…, 上热中温下冷, 既…又…, 最后一公里, 不愿用、不敢用、不会用, 以文件落实文件, 重结果轻过程,
    # 有制度无落实, 多头管理、责任不清, 重发布轻解读, 先拍板后论证 …), the reader deciding whose field the weak side is
    # (4 other: 招商引资, 基层党建, 乡村振兴 projects' 管护, 集体经济): 29 of 30 first, all twenty-six themed items right by
    # their own words, 30 after; its miss tuning: the supply of land, energy and the other factors a project or a firm
    # needs (要素保障, 用地保障) is the economy's, no staff's or money's 保障 (`_FACTOR_SUPPLY`); no earlier item moved,
    # appended or mended, with or without the set);
    # held out 2,507 of 2,516 (0.996) and tuning 604 of 636 since set 113 (written blind as 2021–2026 township,
    # street-office and county items in which a word that usually signals one theme is only a step or a tool of another
    # field's fault (培训, 考核, 宣传, 公开, 制度, 台账, 招录, 选拔, 清单 among a field's steps; short clauses, headings with
    # their explanation, paragraphs with figures, list marks (4 other: 后备干部, 党员教育培训, 招商引资考核, 高素质农民培训)):
    # 24 of 30 first, 30 after; its misses tuning: a worker qualified by 专职/兼职 holding an awareness is whose it is; the
    # disclosure work's own 宣传 its step; the training of staff named by another theme's work (合法性审查人员培训) that
    # work's; in a clause naming no law, staff-management steps with the plain cadres they manage (后备干部选拔、培养、管理)
    # no theme; a party's or an economy's training in an item naming no law (党员教育培训, 高素质农民培训) no theme; no
    # earlier item moved, appended or mended, with or without the set);
    # held out 2,483 of 2,492 (0.996) and tuning 598 of 630 with sets 111 and 112 merged (set 111's 迪沟镇…信访不信法
    # item the one new miss, as its writer said; no earlier item moved);
    # held out 2,456 of 2,464 (0.997) and tuning 596 of 628 since set 112 (written blind as 2024–2026 township and
    # street-office items on the newest bodies of grassroots governance (综治中心 and 矛调中心, 社会工作部 and 社区工作者,
    # 新就业群体, 红色物业 and 物业, 多网合一 and 网格员, 履职事项清单, 高效办成一件事, 涉企行政检查, 行政执法监督, 信访工作法治化,
    # 牌子多, 村（社区）法律顾问, 行业性专业性调委会, 数字乡村 and 智慧社区; short clauses, headings with their explanation,
    # paragraphs with figures, list marks (4 other): 27 of 30 first, all twenty-six themed items right but one, 30 after;
    # its misses tuning: the grid's worker holding an awareness (网格员…意识) is whose it is, no grid work; an assessment
    # among a staff's management steps (招聘、考核、薪酬) personnel management's, no oversight; in a data-silo item (now also
    # 共享不畅, 不兼容) the systems named by their work (网格事件系统) and whoever re-enters the data are what; no earlier
    # item moved, appended or mended, with or without the set);
    # held out 2,456 of 2,465 (0.996) and tuning 595 of 627 since set 111 (written blind as 2021–2026 township and
    # street-office shortcomings as others retell them: news items (记者了解到), summaries (报告指出, 报告梳理出三方面短板),
    # a town's voice retold (该镇坦言, 据该乡自查, 在报告中承认, 在年度报告中写道“…”, 该镇认为), a county's compilation
    # (汇总各乡镇报告，共性问题是…) and a digest's bullets (• 普法覆盖面不足（南照镇）); 3 other): 28 of 30 first, 29 after; its
    # two misses tuning: who retells the report is a setting, the next clause leads (`_SETTING`; not 部分干部认为, a
    # belief that is the fault), so a 年度报告 in the frame names no fault; a recruit (新招录的社区工作者) is which staff; a
    # cadre's laws 掌握不够 awareness (the public's publicity); 轻程序…思想/观念 the cadres'; left: its 信访不信法…越级上访
    # item (disputes, right first only through its frame) is publicity by the list's choice once the frame no longer
    # leads (as set 9's miss); no earlier item moved, appended or mended);
    # held out 2,429 of 2,437 (0.997) and tuning 593 of 625 with sets 109 and 110 merged on min_similarity 0.5 (all sixty
    # of their items right, no earlier item moved);
    # held out 2,403 of 2,413 (0.996) and tuning 576 of 619 since set 110 (written blind as 2021–2026 township,
    # street-office and county items on the town government's own housekeeping as the law reaches it (合同台账, 合同审查,
    # 违约, 印章, 档案, 政府采购 and 招投标, 国有资产 and “三资”, 财务报销, 公务用车, 工程款拖欠, 债务, 欠薪, 涉诉合同案件,
    # 行政事业性收费, 劳务派遣 and 编外人员, 保密; short clauses, headings with their explanation, paragraphs with figures,
    # list marks (5 other): 24 of 30 first, all twenty-five themed items right but one, 28 after; its misses tuning: a
    # debt named before its working off (债务化解) is no quarrel; the official cars' costs, over-standard or private use
    # (公务用车运行维护费, 超标准, 私用) are no staff's transport, nor their age (车辆老化); equipment as an asset on the
    # books (办公设备…核销, 入账) no staff's kit; found problems not put right (整改不到位, 整改不彻底, 未完成整改,
    # 整改不力) oversight's; its 财务报销 and 政府采购预算执行 items (other, no keyword nor cue) stay wrong, disclosure by
    # wording they share with the disclosure cluster, right (other) once a cluster-mate passes its theme on only to a
    # near copy (min_similarity 0.5, below); no earlier item moved, appended or mended, with or without the set);
    # held out 2,403 of 2,413 (0.996) and tuning 578 of 619 since set 109 (written blind as 2021–2026 township,
    # street-office and county items whose fault is named by a numbered or coded formula (两法衔接, 三项制度, 双随机一公开,
    # 一村一法律顾问, 三官一律, 枫桥经验, 四议两公开, 三重一大, 一规划两清单, 谁执法谁普法, 七五/八五/九五普法, 三书同达, 一支队伍管执法,
    # 一件事一次办, 最多跑一次, 一网通办, 三治融合, 四级联调, 1+N, 吹哨报到, 雪亮工程, 三个一; 4 other: 三会一课, 两不愁三保障,
    # 三农 and 五个振兴, 两个责任): 24 of 30 first, 30 after; its six misses tuning: 两法衔接 the enforcement's; the poverty
    # programme's 三保障 and the public's 人均可支配收入 no cue; in an item naming the party's discipline duties (两个责任,
    # 一岗双责, 从严治党) an awareness of them with its holder and the cadres it supervises (对村干部…监督管理) the party's;
    # 进网格/驻网格 a place, not the grid's work; its 三会一课 item (other), of no theme word, took capacity from its cluster
    # first and is right once the set's mends move the clusters back; appended as first measured it moved 21 earlier
    # items of no theme word (10 right to wrong, 7 wrong to right); mended, none moved, with or without the set);
    # held out 2,381 of 2,389 (0.997) and tuning 581 of 613 since cluster-mates pass their theme on only to near
    # copies (ThemeOptions.min_similarity 0.2 → 0.5): at 0.2, twelve items of no theme word took one from a cluster-mate
    # and eleven wrongly (cosines 0.20-0.42: 基层减负 items disclosure's by 台账/照片/形式主义, an economy's 考核指标,
    # 空壳村's 集体经济, 属地管理's 权力/制约, 电动自行车…充电), the right one a near copy at 0.61; those eleven now other;
    # held out 2,379 of 2,389 (0.996) and tuning 572 of 613 since set 108 (written blind as 2024–2026 township,
    # street-office and county items in the abstract jargon of the newest reports (赋能, 闭环, 抓手, 堵点, 短板弱项, 协同联动,
    # 精准化, 长效机制, 穿透式, 全链条, 全周期, 数智, 融合, 贯通, 质效, 落细落实, 末梢, 最后一公里; short clauses, headings with
    # their explanation, paragraphs with figures, list marks (4 other): 29 of 30 first, all twenty-six themed items
    # right, 30 after; its miss tuning: the governance party building leads (党建引领基层治理) is party building's, no
    # dispute work's 基层治理; no earlier item moved, appended or mended, with or without the set);
    # held out 2,350 of 2,360 (0.996) and tuning 571 of 612 since set 107 (written blind as 2021–2026 township,
    # street-office and county items whose word of a theme means something else (公开招聘, 法治公开课, 公开承诺, 上级决策部署,
    # 审查调查, 舆论监督, 纪检监督, an economy's 考核指标, 宣传思想工作, 招商宣传, 人员密集场所, 文件传达, 合同工, 生产设备,
    # 志愿者队伍, 家访, 走访, 调解员补贴, 执法车辆, 安全意识, 群众路线) and nine controls (5 other): 23 of 30 first, 27 after;
    # its seven misses tuning: 公开 done in public (承诺, 课, 招聘, 选拔) is no disclosure; the 纪委's 审查调查 no legality
    # review and 群众身边 no cue of the public's; 招商/旅游/新闻宣传, 宣传思想 and 意识形态 no rule-of-law publicity; an
    # economy's 考核指标 (its word first, no 法 in the clause) its results; a safety awareness and its holder (村民安全意识)
    # safety's; its economy and safety items (other) stay wrong, disclosure by wording they share with cluster-mates
    # (考核, 指标; 电动自行车, 充电), and its 调解员补贴 item (capacity) stays disputes, as set 5's 调解员待遇 item is
    # answered; no earlier item moved, appended or mended, with or without the set);
    # held out 2,327 of 2,337 (0.996) and tuning 567 of 605 since set 106 (written blind as township and street-office
    # items of the reports on 2026, three in a county's voice: 涉企行政检查 (扫码入企, 综合查一次), 行政执法监督条例 and 执法监督
    # begun, 行政复议法's third year, 履行职责事项清单, 基层减负, 高效办成一件事, 数字政府, 大模型, 民营经济促进法, 民主法治示范村
    # 复核, 九五普法, 街乡吹哨, enforcers too few and too old, 财力; short clauses, headings with their explanation,
    # paragraphs with figures, list marks (4 other): 24 of 30 first, 29 after; its six misses tuning: a bureau's section
    # named by its work (执法监督科, 复议应诉科) before a staffing word is who is short; a law in force a while (…实施已满三年，
    # 但…) sets the scene; the town's 财力 strained by the budget's other calls (刚性支出, 配套资金) is public finance; the
    # service reform's name (高效, 办成, 一件), 数字政府 and a work's stage (刚刚, 起步) no shared wording; its 基层减负 item
    # (other) stays wrong, disclosure by the burden's words it shares with set 65's; appended as first measured it moved
    # set 105's held-out 河长制…刚刚起步 item to disclosure, right again mended; without the set the mend moves none);
    # held out 2,303 of 2,313 (0.996) and tuning 562 of 599 since set 105 (written blind as items of the older reports,
    # 2015–2019: 六五/七五普法, 依法行政示范, 行政执法责任制, 放管服, 权力清单和责任清单 first drawn up, 法律顾问制度 just set
    # up, 精准扶贫 and 脱贫攻坚, 征地拆迁, 新农合 and 新农保, 农村“三资”, “两学一做”, 扫黑除恶, 河长制, 网格化管理 begun,
    # 规范性文件 cleaned up for the first time, 信访条例; short clauses, headings with their explanation, paragraphs with
    # figures, list marks (4 other): 29 of 30 first, 30 after; its miss tuning: the public and the care, pension,
    # schooling or income a welfare policy is for (群众看病负担, 村民就医, 农民养老, 医疗保障) are whom it serves, no cue
    # of the public's; no earlier item moved, appended or not);
    # held out 2,274 of 2,284 (0.996) and tuning 561 of 598 since set 104 (written blind as items on the border of
    # other: faults of the economy, industry, finance, infrastructure, information systems, population leaving, the
    # environment, land and planning, the epidemic, party building and safety (15 other), and the six themes' faults in
    # those fields' words (a planning decision unreviewed, an enforcement team too small for 安全生产 checks, villagers
    # who do not know the 宅基地 rules); 22 of 30 first, all fifteen themed items right, 29 after; its eight misses, all
    # other, tuning: a strain of money, supply or land (收支矛盾, 供需矛盾, 人地矛盾) and a debt worked off (化解…债务) are
    # no quarrel; a network's or a video meeting's kit (网络设备, 视频会议系统, 通信信号) no staff's equipment; the
    # party's membership and its age (党员队伍老化) no staff; a hazard in a clause of safety, fire, flood, roads or water
    # no hidden quarrel; the public and what a utility secures for them (群众饮水保障) no cue; systems whose data are not
    # shared or re-entered have their names (…数据平台, …等系统) as what, not whose fault; 影响, 疫情, 多头 and 重复 no
    # shared wording; its 集体经济 item stays wrong, disclosure by the field words it shares with set 93's; no earlier
    # item moved, appended or not);
    # held out 2,252 of 2,262 (0.996) and tuning 554 of 590 since set 103 (written blind as 2024–2025 township and
    # street-office items on the newest reforms: 涉企行政检查 (扫码入企, 联合检查, 无事不扰), 行政复议 as the main channel,
    # 履行职责事项清单 and 赋权事项, 合法性审核全覆盖, 行政执法监督, 公平竞争审查, 基层减负, 一网通办, 三项制度, 包容审慎监管;
    # short clauses, headings with their explanation, long paragraphs with figures, list marks: 25 of 30 first, 29 after
    # with one answer corrected (uncoordinated joint inspections are the enforcement's, capacity); its four misses
    # tuning: what the public lacks the sense to do, said between them and their 意识 (群众选择行政复议维护权益的意识不强),
    # is the topic, counted as a title's; the public who must still travel or queue for a service (…仍需往返, 窗口排队)
    # are no cue; 清单 and a service's channel (政务, 平台, 一网通办, 便民服务中心, 窗口, 办事) no shared wording; its
    # 基层减负 item (other) stays wrong, disclosure by the topic it shares with set 65's; appended as first measured it
    # moved set 74's held-out 政务APP item to disclosure, right again mended; set 14's held-out and set 20's tuning
    # items right, no earlier item right before is wrong; without the set the mend moves the same items);
    # held out 2,225 of 2,236 (0.995) and tuning 550 of 586 since set 102 (written blind as long items of 2021–2025
    # whose first sentence is a general verdict (依法行政水平与新形势新要求相比仍有差距。; 基层法治工作基础还不够牢固。) and
    # whose fault comes after it, two faults of two themes, figure-laden examples, remedies begun (目前已…, 下一步将…),
    # short controls: 25 of 30 first, 30 after with one answer corrected (a cause after the fault is no fault); its
    # four misses tuning: a general first sentence on the work at large, ended by 。, heads the item and sets the
    # scene, and so does any heading before 更为突出的是; appended as first measured it moved the items of no theme
    # word to the disclosure cluster (set 13's, 16's, 96's and 97's tuning ones wrong); 问题 no shared wording puts
    # set 97's back, the other three stay wrong; without the set no item moved);
    # held out 2,199 of 2,210 (0.995) and tuning 549 of 582 since set 101 (written blind as 2022–2025 township and
    # street-office items of 华北, 华东, 华中 and 西南 on the fields of enforcement handed down to them: 违法占地, 宅基地,
    # 秸秆禁烧, 河湖“四乱”, 非法采砂, 自建房, 燃气, 占道经营, 渣土, 林地, 犬只; what the enforcement lacks and other themes'
    # faults in those fields: 27 of 30 first, 29 after; its two misses tuning: what a cadre holds as a quoted thought
    # after a verb of holding (存在“以罚代管”的思想) is the topic, counted as a title's; a conflict that happens
    # (之间的冲突, 发生冲突) the disputes'; its 属地管理 item (other, no theme word) stays wrong, held out; appended as
    # first measured it moved the items of no theme word to the capacity cluster (set 15's, 56's and 74's wrong);
    # mended, they are parked with disputes, and with 相比, 差距 and 迁出 no shared wording no earlier item right before
    # the set is wrong, set 13's, 16's, 96's and 97's tuning ones right);
    # held out 2,172 of 2,182 (0.995) and tuning 543 of 580 since set 100 (written blind as ordinary township and
    # street-office items of 2021–2025 whose sentence has two halves: 虽然/尽管…，但…, praise first (…取得一定成效，但…),
    # two faults joined by 和/以及 or 一方面…另一方面…, 不仅…而且…, a setting first (随着…, 在…过程中, 面对…), a
    # consequence last (…，导致/致使/影响了…), one clause as a control: 28 of 30 first, 30 after; its two misses tuning:
    # praise before a turn (…取得一定成效，但…) concedes as 虽然… does, so the fault after 但 leads; what an item
    # measures itself against inside a clause (与上级要求和群众期盼相比) is its topic, counted as a title's; 信息更新
    # disclosure's; no earlier item moved, appended or not);
    # held out 2,144 of 2,154 (0.995) and tuning 541 of 578 since set 99 (written blind as street offices and towns of
    # 东北 and 华北 cities (辽宁, 吉林, 黑龙江, 河北, 山西, 天津, 内蒙古), 2021–2025, on urban community life: 物业 and 业委会,
    # 老旧小区改造 and 加装电梯, 拆违 and 违建, 社区法律顾问, 网格员, 居民公约, 楼道 and 停车, 燃气 and 消防 checks, 城市管理
    # handed down to 街道, 供暖费, “三供一业”; list marks and half-width punctuation (1.…; (3)…), causes in one line
    # (…，原因是…; 主要原因在于…), hedges (在一定程度上, 仍有待), residents, 物业 firms and 社区 as subjects: 29 of 30
    # first, 30 after; its one miss tuning: an office, a unit or an adviser, or its worker, named after 由 as who did the
    # work (由社区网格员代为开展) is the doer, as a cadre after 由 is; no earlier item moved, appended or not);
    # held out 2,115 of 2,125 (0.995) and tuning 540 of 577 since set 98 (written blind as a township 司法所's items of
    # 2021–2025 in 华中, 西南 and 西北 (湖北, 湖南, 河南, 四川, 贵州, 云南, 陕西, 甘肃, 青海) on the services it runs: 人民调解
    # and 调解员, 法律援助, 公共法律服务站, 村（居）法律顾问, 社区矫正 and 安置帮教, 信访 and 排查, 法律明白人, 诉源治理, 复议
    # and 应诉; 我所/所内 as doer, figures, short clauses, causes first: 24 of 30 first, 30 after; its six misses tuning:
    # a visit (走访, 回访, 访谈, 访问) holds no petition's 访, a legal adviser before a staffing word (法律顾问力量不足) is who
    # is short, a met dispute's kinds listed at length (遇到土地承包、婚姻家庭纠纷时) the circumstance, 调解员…培训 the
    # dispute work's, who an assessment lacks (对…缺少考核) and what it only looks at (考评只看…) its topic; with the set
    # no earlier item moved; without it, the mend moved the items of no theme word with their cluster-mates, set 15's,
    # 56's and 74's to capacity and set 16's right, as appending the set unmended did);
    # held out 2,091 of 2,101 (0.995) and tuning 534 of 571 since set 97 (written blind as the findings of a county's
    # 法治督察 and 案卷评查 and the townships' 整改 lists of 2022–2024 in the north (河北, 山西, 内蒙古, 辽宁, 吉林, 黑龙江,
    # 山东, 河南): 督察发现/经查/评查中发现…, figures and shares, 问题/表现/整改 columns, one short clause, 违反《…》第N条,
    # 仍/依然/反复出现, 村（社区） and 站所: 28 of 30 first, 29 after; its two misses tuning: the review that found the
    # fault opening a later clause with no comma (…，督察发现镇里…) is no topic, its words do not count (its 属地管理 item
    # stays wrong, other read as disclosure by its cluster, but set 16's and 74's 属地管理 tuning items, which it took to
    # disclosure appended as first measured, are right again), the public's knowing a legal route (知道…申请) publicity's;
    # without the set no item moved);
    # held out 2,063 of 2,073 (0.995) and tuning 533 of 569 since set 96 (written blind as 2021–2023 township and
    # street-office items of 长三角 and 珠三角 in their reform jargon: 数字化改革, “大综合一体化”, 四平台, 最多跑一次,
    # 浙里办/粤省事, 共同富裕, 县乡一体、条抓块统, 网格智治, 信用+; passive faults, unsolved questions, APP/OA/12345,
    # slogans as topics, 尚/仍/还 openings, blame on the higher level: 25 of 30 first, 27 after; its three used misses
    # tuning: 把“…”理解为… the topic as 看成 is, 流动人口学法/新市民学法 the public's, a cause said after the fault
    # (…，受上级考核…制约明显) no fault (its item stays wrong, but set 16's and 74's 属地管理 tuning items, which it
    # took to disclosure appended as first measured, are right again); no earlier item moved by the mend);
    # held out 2,038 of 2,046 (0.996) and tuning 531 of 566 since set 95 (written blind as 2024–2025 township and
    # street-office items of 四川, 云南, 广西, 广东, 湖南, 江西, 重庆 and 贵州 on the newer work: 赋权事项 (接得住, 管得好),
    # 执法监督 and 涉企检查, 基层减负 and 权责清单, 一网通办, 信用, 安全生产 and 燃气, 河湖长制, 食品安全 and “三资”; generic
    # faults (仍有差距/有待提升), figures, two bodies (…与…之间), …，需进一步加强 endings, 《》 titles as topics: 29 of
    # 30 first, 30 after; its one miss tuning: 事项, a matter of any work, is no shared wording (unshared_words.txt),
    # so a 基层减负 item of no theme word no longer takes disclosure through 事项 and 承担; no earlier item moved,
    # appended or not);
    # held out 2,009 of 2,017 (0.996) and tuning 530 of 565 since set 94 (written blind as township and street-office
    # items of 2020–2022 of 山东, 江苏, 河北, 湖北, 广东, 福建, 辽宁 and 重庆 whose year's topic words mislead: 疫情防控 卡口,
    # 封控 and 隔离, 复工复产 and 涉企 services, 扫黑除恶常态化, 《民法典》, “两委”换届, “七五”/“八五”普法, 12348, 云调解 and
    # 云会议; 受疫情影响… first, 一是…二是… inside one item, …的现象仍然存在/…的问题依然突出 endings: 29 of 30 first, 30
    # after; its one miss tuning: the public a cadre serves or works on (干部服务企业的法治意识, 做群众工作的意识) holds no
    # awareness, the cadre's words decide; set 21's tuning 做群众工作 item came right; no other earlier item moved,
    # appended or not);
    # held out 1,980 of 1,988 (0.996) and tuning 528 of 564 since set 93 (written blind as plain rural township items
    # of 2021–2025 of 四川, 贵州, 湖南, 江西, 安徽, 河南, 陕西 and 云南 in the forms lists and tables give them: bare noun
    # phrases, a lead phrase and 。 before its body, the topic first at length, two faults joined by 同时/此外/加之,
    # 问题表现：… rows, 乡村振兴 topics (土地流转, 宅基地, 高标准农田, 村集体经济合同, 防返贫) with another theme's fault:
    # 28 of 30 first, 30 after; its two misses tuning: 书记 a cue of the cadres', a procedure's verdict (程序不规范)
    # after another theme's work (集体资产处置程序不规范) that work's; no earlier item moved, appended or not);
    # held out 1,952 of 1,960 (0.996) and tuning 526 of 562 since set 92 (written blind in the voice of big cities'
    # street offices of 2024–2025: 物业 and 业委会, 加装电梯, 接诉即办, 占道经营 and 违法建设, 网格员 and 社区工作者,
    # 外卖骑手, 居民公约, 居务公开, 数据安全; 由于… first, 街道层面… as doer, 个别社区/部分网格员 subjects, …亟待完善
    # endings: 27 of 30 first, 29 after; its two mended misses tuning: a load counted per worker as households
    # (一人包…户, 每人负责…户) staffing, what a contract signed is for (签订的…合同) its topic; without the set no item
    # moved (round 98 had left tuning at 525 of 560); appended, the mend moved the items of no theme word with their
    # cluster-mates, set 56's held-out and set 15's 安置点 tuning ones right, set 16's tuning one to disclosure);
    # held out 1,925 of 1,932 (0.996) and tuning 526 of 560 since set 91 (written blind in the voice of 华东 and 西南
    # county governments of 2023–2025 on their 部门 and 乡镇: 备案审查, 执法协调监督, 告知承诺制, 复议体制改革 and 纠错率,
    # 府院联动, 法治督察整改, 乡镇法治力量, 公职律师, 八五普法中期评估, 政务诚信, 一网通办; 在…方面 openings, …，主要是…
    # endings, figures, 例如 second sentences: 29 of 30 first, 30 after; its one miss tuning: 办案人员 and 人均办案/人均办理
    # staffing; without the set no item moved; appended, the mend moved the items of no theme word with their
    # cluster-mates, set 13's, set 15's 牧区 and set 16's tuning ones right, set 15's 安置点 one to capacity);
    # held out 1,896 of 1,903 (0.996) and tuning 523 of 559 since set 90 (written blind in the voice of 华北, 东北 and
    # 西北 towns and street offices of 2025, 涉企行政检查, 执法监督 and 案卷评查, 执法队伍, 复议 and 应诉, 营商环境 and
    # 合同, 法治乡村, 双语普法, 草场/征迁 矛盾, 惠农补贴 公开, 村规民约; topic-colon items, 一是…二是… with two faults,
    # …有待提升/仍需加强/不到位 at the end or inside: 28 of 30 first, 30 after; its two misses tuning: a firm's head (企业负责人,
    # 法定代表人, 经营者) a cue of the public's, a cadre's quoted thought (负责人…认为“…”) the cadres'; no earlier item moved by
    # the mend, appended or not; appended, the set moved the items of no theme word with their cluster-mates, set 13's,
    # 15's 牧区 and 16's tuning ones to disclosure, set 15's 安置点 one right: earlier items tuning 521 of 557);
    # held out 1,868 of 1,875 (0.996) and tuning 523 of 557 since set 89 (written blind in the voice of 华中 and 华南
    # inland street offices and towns of 2023–2025, 三项制度, 赋权事项, 合法性审查, 政务公开专栏, 信访 and 诉源治理,
    # 法律顾问, 学法, 重点人群 普法; headings before a sentence, 由于…，导致…, figures, 缺乏/欠缺/不够 at the end: 28 of 30
    # first, 30 after; its two misses tuning: a school's name before 法治 holds no 学法, what a column holds (…的…栏目)
    # is its topic; no earlier item moved, appended or not);
    # held out 1,840 of 1,847 (0.996) and tuning 521 of 555 since set 88 (written blind in the voice of 西北 and 西南
    # 民族 areas and mountain counties of 2022–2025, 双语普法, 宗教事务, 安置社区, 草原/林地权属, 移风易俗, 驻村工作队,
    # 护林员/护边员, 交通不便/地广人稀 put first, 一是…二是… inside one item: 26 of 30 first, 30 after; its four misses
    # tuning: 取证 and 固定证据 staffing, a ranger's own 意识/观念 the public's, 抽调的干部 which cadres, doers joined
    # after 由 doers; without the set no item moved; appended, set 13's and 16's tuning items of no theme word came
    # right and set 15's 安置点…职责交接不清 went to capacity with its cluster-mates);
    # held out 1,814 of 1,821 (0.996) and tuning 516 of 551 since set 87 (written blind in the voice of 述法 reports
    # and 整改清单 of 2021–2025: 本人…, 领导班子, 问题：…；原因：…；措施：… rows, 督察/巡察/审计 findings, 复议/应诉,
    # 合法性审查 of 合同 and 规范性文件, 村（居）法律顾问: 28 of 30 first, 30 after; its two misses tuning: a 法律顾问's
    # 讲座/宣讲 the public's, the 年度报告 disclosure; its writer's probes gave 未…集体研究 and 招标 to decisions;
    # appended, it moved the items of no theme word with their cluster-mates, set 13's and 16's tuning ones and set
    # 56's held-out one wrong, set 15's tuning one right; 小区 and 老旧, words of where, put set 56's back; no earlier
    # item moved from right to wrong by the mend);
    # held out 1,786 of 1,793 (0.996) and tuning 515 of 549 since set 86 (written blind in the voice of 华东 and 华南
    # coastal towns of 2023–2025, 渔船 and 海上执法, 台胞/侨胞, 涉企执法, 民宿, 台风, 外来务工人员, 自贸港; two faults
    # joined by 同时/此外, passive and 站所-subject items: 30 of 30 first, all held out; appended, it moved set 13's and 16's
    # tuning items and set 56's held-out one of no theme word right with their cluster-mates, set 15's tuning one wrong;
    # its writer's probes gave a second fault after 同时/此外/另外 a consequence's weight; no earlier item moved);
    # held out 1,755 of 1,763 (0.995) and tuning 514 of 549 since set 85 (written blind in the voice of 东北 and 华北
    # townships of 2021–2023, 林区, 农垦, 黑土地保护, 秸秆禁烧, 煤矿 and 采砂, 村级合同, 信访积案: 27 of 30 first, 30 after;
    # its three misses tuning: 大户 a cue of the public's, the public's 法治意识/法律意识/法治观念/法律观念 past the topic
    # it is of and no gap past the cadres, a result clause after the lead (…，致使…) a consequence; no earlier item moved);
    # held out 1,728 of 1,736 (0.995) and tuning 511 of 546 since set 84 (written blind in the voice of big cities'
    # street offices of 2024–2025, 接诉即办, 网格员, 群租房, 物业 and 业委会, 商圈 and 楼宇: 27 of 30 first, 30 after; its
    # three misses tuning: what someone does not know, grasp or heed is theirs whose cues name the holder, a load
    # counted per head is staffing, a 网格 and its 网格员 right before another theme's word say who does the work; no
    # earlier item moved);
    # held out 1,701 of 1,709 (0.995) and tuning 508 of 543 since set 83 (written blind in the voice of 华中 and 西南
    # townships of 2021–2022, 禁渔, 林长制, 河湖长制, 矿山, 移民, 安置点, 民族地区: 30 of 30 first, all held out; its
    # writer's probes gave 依法办事…观念 the cadres', 不知情 disclosure, 群众…想法 the public's and a short quote one
    # character of a keyword's gap; no earlier item moved);
    # held out 1,671 of 1,679 (0.995) and tuning 508 of 543 since set 82 (written blind in the voice of 华北 and 华东
    # townships' 专项 items, 电动自行车, 燃气, 预付式消费, 物业: 28 of 30 first, 30 after; 只有…名工作人员 past a long
    # office's name and 兼管 staffing, 依法处理…问题的能力 the handler's; no earlier item moved);
    # held out 1,643 of 1,651 (0.995) and tuning 506 of 541 since set 81 (written blind in a county government's
    # voice about its 部门 and 乡镇: 29 of 30 first, 30 after; what a policy interpretation is of is its topic; no
    # earlier item moved);
    # held out 1,614 of 1,622 (0.995) and tuning 505 of 540 since set 80 (written blind as faults put in figures: 29 of
    # 30 first, 30 after; what a test's questions were on is its topic, a 法律知识测试 the cadres'; set 47's tuning item
    # came right, and of the items with no theme word set 15's came right, sets 13's, 16's and 56's went wrong);
    # held out 1,585 of 1,593 (0.995) and tuning 503 of 539 since set 79 (written blind in the voice of ethnic, pastoral
    # and border townships: 27 of 30 first, 30 after; a moving public's 流动性大 is the scene, a recruitment names which
    # cadres, whom an assessment scores is its topic; set 42's tuning item came right);
    # held out 1,558 of 1,566 (0.995) and tuning 499 of 536 since set 78 (written blind as one sentence naming three
    # themes, a third with the cause first: 20 of 30 first, 30 after; a cause that lists things or names a load is the
    # setting, a cadre's 决策…意识 the cadres'; with it appended set 15's tuning item came right, sets 13's and 16's
    # tuning items and set 56's held-out one went wrong, as they did before any rule changed);
    # held out 1,539 of 1,546 (0.995) and tuning 490 of 526 since sets 76 (written blind in the words of 2017–2020:
    # 29 of 30 first, 30 after; …等群体学法/意识 the public's; 机构 and 相对 pass no theme on; of the six items with no
    # theme word, set 56's held-out one and sets 13's and 16's tuning ones came right, set 15's went wrong) and 77
    # (written blind about 复议, 诉讼 and 信访 outcomes: 22 of 30 first, 30 after; a case named by its outcome is the
    # topic, an outcome put first gives its cause the lead, the job staff are counted for is no fault);
    # held out 1,487 of 1,495 (0.995) and tuning 480 of 517 since sets 74 (written blind about 基层减负 and formalism:
    # 29 of 30 first, 30 after; words of who or where, 乡镇, 县直, 部门, pass no theme on as shared wording) and 75
    # (written blind in the party committee's language: 27 of 30 first, 30 after; 无专人 staffing, 送法进… the
    # public's reach, 三会一课…法治 the cadres' study);
    # held out 1,431 of 1,439 (0.994) and tuning 476 of 513 since sets 72 (written blind about the groups the law
    # serves and public legal services: 27 of 30 first, 30 after; 公证员 staff, 矫正对象 the public, not the 对 of 对象)
    # and 73 (written blind on how enforcement is done: 26 of 30 first, 30 after; 全过程记录 staffing and conduct,
    # 分管X的副镇长 a cadre, not X); of the six items with no theme word that follow their cluster-mates, set 14's and
    # set 54's held-out ones came right and set 56's went wrong, set 15's tuning one came right and sets 13's and 16's
    # went wrong;
    # held out 1,377 of 1,386 (0.994) and tuning 470 of 506 since sets 70 (written blind as the plain items of the
    # east and south: 28 of 30 first, 30 after; 村（居）民 the public, 依法处理…能力 the handler's) and 71 (written blind
    # about land, environment and emergencies: 27 of 30 first, 30 after; 河长/田长/林长 cadres, 对…认识不足 a topic);
    # held out 1,322 of 1,331 (0.993) and tuning 465 of 501 since sets 68 (written blind in the words of development
    # zones and the business environment: 28 of 30 first, 30 after) and 69 (written blind about the villages' self-
    # governance as the town reports it: 22 of 30 first, two answers corrected, 30 after; a set 21 tuning item right;
    # 流动性大 capacity again but of a population on the move, which round 80 had made a staff word only);
    # held out 1,270 of 1,279 (0.993) and tuning 456 of 493 since sets 66 (written blind about the town's own 法治建设
    # machinery, 考核…权重, 经费…用于: 26 of 30 first, 30 after) and 67 (written blind as faults told in someone else's
    # words, 据…反映, 有…坦言: 27 of 30 first, 30 after; a request a cadre handles is the circumstance: set 14's held-out
    # miss right);
    # held out 1,216 of 1,226 (0.992) and tuning 449 of 486 since sets 64 (written blind in the hard-nut voice, …仍是短板,
    # …成为引发…的痛点: 28 of 30 first, 30 after) and 65 (written blind about the tasks of 2024–2026: 24 of 30 first, 30
    # after; 遇到…纠纷 the circumstance: set 10's held-out miss and a set 27 tuning item right);
    # held out 1,163 of 1,174 (0.991) and tuning 440 of 478 since set 63 (written blind as items filed under a field,
    # 在…方面，… and …方面：…, the field another theme's in half: 19 of 30 first, 29 after; three earlier tuning items right);
    # held out 1,144 of 1,155 (0.990) and tuning 427 of 467 since written round 74 (诈骗…意识: set 11's held-out miss right);
    # held out 1,143 of 1,155 (0.990) and tuning 427 of 467 since sets 61 (written blind as headline phrases, 28 of 30
    # first, 30 after) and 62 (written blind as findings and causes put first, 27 of 30 first, 29 after): adding them moved
    # six items of no theme word with their cluster-mates (earlier items: held out 1,088 of 1,100, tuning 423 of 462);
    # held out 1,089 of 1,100 (0.990) and tuning 421 of 462 since set 60 (written blind in a 述法 panel's and a deputy's
    # voice, goals in the negative, long lists, two faults joined: 28 of 30 first, 30 after); held out 1,061 of 1,072 (0.990) and tuning 419 of 460 since set 59 (written blind in digital government's words,
    # faults between two bodies and slogans: 26 of 30 first, 29 after); held out 1,035 of 1,046 (0.989) and tuning 416 of 456 since set 58 (written blind in the words of the sectors a
    # township handles and of bodies that are not the cadres: 28 of 30 first, 30 after); held out 1,007 of 1,018 (0.989) and tuning 414 of 454 since set 57 (written blind in year-on-year figures, 重A轻B
    # formulae and a 站所's own voice: 26 of 30 first, 29 after); held out 981 of 992 (0.989) and tuning 411 of 450 since set 56 (written blind as city street offices' 2024–2025
    # items: 25 of 30 first, 28 after); held out 954 of 967 (0.987) and tuning 407 of 445 since set 55 (written blind as 2021–2023 items: 30 of 30;
    # adding it moved five items of no theme word with their cluster-mates, two held out); held out 926 of 937
    # (0.988) and tuning 406 of 445 since set 54 (written blind as 2025 items of fast-changing
    # towns: 25 of 30 first, 30 after); held out 900 of 912 (0.987) since set 53 (written blind as items naming a law: 30 of 30);
    # 402 of 440 (0.914) since set 52 (written blind as a county government's items about its departments and
    # towns: 30 of 30 first; two items that repeated earlier ones dropped; two items of no theme word moved with
    # their cluster-mates); held out 869 of 882 (0.985) with set 52's 28; set 51 (fault and cause in one item,
    # 由于…，导致…) 29 of 30 first, 30 after; set 50 (plain everyday items) 28 of 30
    # first, 29 after (two items of no theme word moved with their cluster-mates); set 49
    # (imperfect copies: typos, Traditional script, letter-spaced words) 27 of 30 first, 30 after; set 48
    # (faults of absence or sequence, …尚未建立, 先…后…) 29 of 30 first, 30 after; set 47 (an inspector's findings,
    # 督察组随机抽查8份…，其中2份…) 24 of 30 first, 28 after; set 46 (two places side by side,
    # 东片村…，西片村却…) 28 of 30 first, 29 after; set 45 (topics new to 2025–2026, 公共数据,
    # 大模型, 低空经济) 28 of 30 first, 30 after, its other 28 held out; set 44 (written blind as rhetorical
    # questions, …这也算集体决策？) 21 of 30 first, 29 after, its other 21 held out; set 43 (a named person's case, 王某…) 17 of 30 first, 24 after; its other 17 (two of set 41's had been right by their
    # unit cells: 法律顾问, 综治办). Items that match no keyword take a
    # cluster-mate's theme and move as words are added: set 16's 法治化营商环境 item and set 13's 基层智治 item
    # (other) read as disclosure.
    # The tuning items are each set's misses when first measured, the hardest items of all: as sets are added
    # their share right falls (0.945 at set 39, 0.913 at set 43), so their floor is below it, against regressions.
    assert tuning.mean() >= 0.9
    assert held_out.mean() >= 0.85


@pytest.mark.parametrize("causes", ["产生以上问题的原因，主要是学法不够深入，投入保障不足。", "主要原因是：人员力量有限，认识不够到位。",
                                    "造成上述问题的主要原因，在于人员力量有限。",
                                    # a paragraph labelled 原因分析： or 原因剖析： (round 106's r853), its own 一是 no item
                                    "原因分析：对新形势下的要求认识不够深，培训力度不够。", "原因剖析：一是投入不足；二是培训不够。",
                                    "原因分析:学法不够经常。"])
def test_shortcoming_items__a_paragraph_on_the_causes_of_them_all_is_not_the_last_item_s(causes):
    text = f"一、主要举措\n开展活动。\n二、存在的不足和原因\n一是执法力量薄弱，专业人员少。\n二是群众学法积极性不高。\n{causes}\n三、下一步打算\n加强学习。"
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["执法力量薄弱，专业人员少。", "群众学法积极性不高。"]


def test_shortcoming_items__each_item_s_own_causes_stay_with_it():
    text = ("一、主要举措\n开展活动。\n二、存在的问题及原因\n一是执法力量薄弱。\n原因是编制少。\n"
            "二是群众学法积极性不高。\n主要原因是：宣传形式单一。\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["执法力量薄弱。\n原因是编制少。", "群众学法积极性不高。\n主要原因是：宣传形式单一。"]


@pytest.mark.parametrize("causes", [
    "\n原因主要在于镇村两级法治工作力量薄弱，培训不够系统。",  # a paragraph of its own, no colon (written round 91)
    "\n原因是经费保障不足，人员流动性大。",
    "主要原因是经费保障不足，人员流动性大。",  # a sentence on the last item's own line
    "究其原因，在于投入不足、培训不够。",
    "产生这些问题的根源，在于基层力量薄弱。",
])
def test_shortcoming_items__the_causes_of_them_all_without_a_colon_are_not_the_last_item_s(causes):
    text = ("一、主要举措\n开展活动。\n二、存在的不足和原因\n一是执法队伍专业化程度不高，持证人员少。\n"
            f"二是村民运用法律维权的意识不强。{causes}\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["执法队伍专业化程度不高，持证人员少。", "村民运用法律维权的意识不强。"]


def test_shortcoming_items__each_item_s_own_cause_on_its_line_stays_with_it():
    # guard: a report that gives every item its cause in the item's own paragraph keeps the last one's too
    text = ("一、主要举措\n开展活动。\n二、存在的问题及原因\n一是调解组织作用发挥不充分。原因是调解员年龄偏大。\n"
            "二是政务公开更新不及时。主要原因是专人负责不到位。\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["调解组织作用发挥不充分。原因是调解员年龄偏大。", "政务公开更新不及时。主要原因是专人负责不到位。"]


def test_shortcoming_items__numbering_run_on_from_the_part_before():
    text = "一、主要举措\n（一）强化领导。甲。\n（二）深化普法。乙。\n二、存在的问题\n（三）法治队伍力量薄弱。人少。\n（四）普法针对性不强。\n三、下一步打算\n（五）加强学习。"
    items = shortcoming_items(split_sections(text))
    assert items["text"].tolist() == ["法治队伍力量薄弱。人少。", "普法针对性不强。"]


@pytest.mark.parametrize("problems, causes", [("问题短板", "原因剖析"), ("存在的主要问题", "产生问题的原因"),
                                              ("不足与差距", "主要原因")])
def test_shortcoming_items__labels_of_nested_lists_in_other_words(problems, causes):
    text = f"一、主要举措\n甲。\n二、存在问题和不足\n（一）{problems}\n一是人才缺乏。二是宣传不足。\n（二）{causes}\n主观上重视不够。\n三、下步打算\n乙。"
    items = shortcoming_items(split_sections(text))
    assert items["text"].tolist() == ["人才缺乏。", "宣传不足。", "主观上重视不够。"]


def test_cluster_shortcomings__a_keyword_with_a_gap_matches_within_a_clause():
    themes = pd.DataFrame({"theme": ["public", "cadres"], "label_zh": ["群众", "干部"],
                           "keywords": ["村民…观念", "法治观念"]})
    table = items({"庚镇": ["部分村民法治观念淡薄", "部分村民的法律观念不强", "干部法治观念不牢",
                            "村民参与不多，干部法治观念不牢"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"), themes=themes)
    assert result["theme"].tolist() == ["public", "public", "cadres", "cadres"]  # no gap across a comma


def test_shortcoming_items__one_side_and_the_other_inside_an_item_explain_it():
    text = ("二、存在的不足\n法治工作力量仍显薄弱。一方面是业务水平不高；另一方面承担的其他工作较多。\n"
            "法治建设宣传不强。宣传方式不够创新。")
    items = _items_of_second_part(text)
    assert items["headline"].tolist() == ["法治工作力量仍显薄弱", "法治建设宣传不强"]


def test_shortcoming_items__numbers_out_of_step_are_no_list():
    text = "二、存在的不足\n8、学法不够。\n7、力量薄弱。\n4、宣传不强。\n8、机制不全。"
    items = _items_of_second_part(text)
    assert len(items) == 4


@pytest.mark.parametrize("plans", ["下一步，我镇将一是加强学习；二是充实队伍。", "\n下一步，我镇将从以下方面改进：一是加强学习；二是充实队伍。",
                                   "\n下步打算：一是加强学习；二是充实队伍。"])
def test_shortcoming_items__a_part_that_turns_to_the_plans_without_a_heading(plans):
    text = f"一、主要举措\n甲。\n二、存在的问题和下一步打算\n一是执法力量薄弱；二是普法形式单一。{plans}"
    assert shortcoming_items(split_sections(text))["headline"].tolist() == ["执法力量薄弱", "普法形式单一"]


def test_shortcoming_items__a_sentence_about_the_author_before_the_list_is_no_turn_to_the_plans():
    text = "一、主要举措\n甲。\n二、存在的不足\n虽然取得一定成效，但仍存在不足。我镇将主要问题梳理如下：一是执法力量薄弱。二是普法形式单一。"
    assert shortcoming_items(split_sections(text))["headline"].tolist() == ["执法力量薄弱", "普法形式单一"]


def test_shortcoming_items__a_remedy_after_each_problem_keeps_the_list_going():
    text = ("一、主要举措\n甲。\n二、存在的不足\n一是执法力量薄弱。针对上述问题，我镇已申请增加编制。"
            "二是普法形式单一。针对上述问题，我镇将创新方式。")
    assert shortcoming_items(split_sections(text))["headline"].tolist() == ["执法力量薄弱", "普法形式单一"]


def test_shortcoming_items__inline_items_after_an_ellipsis():
    # round 22: a search result's snippet: …且多为兼职，…二是群众参与度不够高…
    text = "二、存在的问题\n仍存在一些不足：一是执法力量较为薄弱，且多为兼职，…二是群众参与度不够高…"
    items = _items_of_second_part(text)
    assert [t[:4] for t in items["text"]] == ["执法力量", "群众参与"]


def test_shortcoming_items__decimal_numbering_under_the_part():
    # round 21: a Word file's 3.1 / 3.2 under 3. 存在的问题, each explained by a paragraph; 1.2万 is no marker
    text = ("3. 存在的问题和不足\n3.1 法治宣传的针对性还不够强\n全镇群众1.2万人多为移民，普法效果不佳。\n"
            "3.2 劳务用工纠纷化解压力较大\n用工规模扩大，纠纷增多。\n4. 2025年工作打算\n4.1 创新普法方式")
    items = shortcoming_items(split_sections("1. 主要工作\n甲。\n2. 履职情况\n乙。\n" + text))
    assert [t[:6] for t in items["text"]] == ["法治宣传的针", "劳务用工纠纷"]


@pytest.mark.parametrize("marker", ["问题{}：", "问题{}，", "不足{}、"])
def test_shortcoming_items__items_labelled_problem_one_two(marker):
    # written round 37: 问题一：… (the sentence announcing the list was read as a first item)
    n = "一二三"
    text = ("二、存在的问题\n对照法治政府建设目标要求，我镇还存在以下问题：\n"
            + "\n".join(f"{marker.format(n[k])}{body}" for k, body in enumerate(["基层法治工作力量不足。人少。", "普法形式单一。", "干部学法不够。"])))
    assert _items_of_second_part(text)["text"].tolist() == ["基层法治工作力量不足。人少。", "普法形式单一。", "干部学法不够。"]


@pytest.mark.parametrize("dash", ["——", "—", "- "])
def test_shortcoming_items__items_set_after_a_dash(dash):
    # written round 37: official documents set unnumbered items after ——
    text = f"二、存在的不足\n我镇还存在一些不足：\n{dash}普法宣传的针对性不强。\n{dash}镇综合执法队伍力量不足。人少。"
    assert _items_of_second_part(text)["text"].tolist() == ["普法宣传的针对性不强。", "镇综合执法队伍力量不足。人少。"]


def test_shortcoming_items__a_problem_list_set_out_as_a_table():
    # written round 37: a 问题清单 table; the problem's cell leads, its other cells explain it
    text = ("二、存在的不足和原因\n梳理形成问题清单如下：\n| 序号 | 存在问题 | 主要表现 | 原因分析 |\n|---|---|---|---|\n"
            "| 1 | 行政执法规范化水平有待提升 | 案卷文书制作不规范 | 业务培训不够系统 |\n"
            "| 2 | 农村老年群众法治意识仍需增强 | 依法维权意识不强。 | 普法形式与需求结合不够 |")
    items = _items_of_second_part(text)
    assert items["text"].tolist() == ["行政执法规范化水平有待提升。案卷文书制作不规范。业务培训不够系统。",
                                      "农村老年群众法治意识仍需增强。依法维权意识不强。普法形式与需求结合不够。"]
    assert items["headline"].tolist() == ["行政执法规范化水平有待提升", "农村老年群众法治意识仍需增强"]
    # a table of figures in the part (no column of problems) gives no items of its own
    figures = "二、存在的不足\n一是力量不足。\n二是宣传不够。\n| 指标 | 单位 | 2023年 |\n| 执法人员 | 名 | 3 |\n| 经费 | 万元 | 2 |"
    assert len(_items_of_second_part(figures)) == 2


@pytest.mark.parametrize(("text", "lead"), [
    ("随着执法事项下放街道，干部学法跟不上新承接的领域。", "干部学法跟不上新承接的领域"),  # the scene set first
    ("高标准农田项目虽已在公开栏公示，但施工合同签订前未经合法性审查。", "但施工合同签订前未经合法性审查"),  # conceded after its subject
    ("部分村干部虽然参加了培训，却仍不会运用法律调处纠纷。", "却仍不会运用法律调处纠纷"),
    ("虽然执法人员较少，工作仍有序开展。", "工作仍有序开展"),  # 虽然 at the start needs no turn
    ("部分群众虽有维权意识，依法维权的渠道不多。", "部分群众虽有维权意识"),  # no turn after it: not a concession's
    # themes set 100: praise before the fault is a concession with no 虽, when the next clause turns
    ("普法工作取得了明显成效，但部分村干部学法不够。", "但部分村干部学法不够"),
    ("人民调解组织网络逐步健全，然而调解员老龄化问题突出。", "然而调解员老龄化问题突出"),
    ("群众法治意识有所提高，却仍有少数村民信访不信法。", "却仍有少数村民信访不信法"),
    ("执法队伍建设成效明显，群众满意度较高。", "执法队伍建设成效明显"),  # guard: no turn after it
    ("普法宣传取得的成效不够明显，但各村已配齐宣传栏。", "普法宣传取得的成效不够明显"),  # guard: no praise
])
def test_lead_clause__a_clause_that_sets_the_scene_or_concedes_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 36: a review the fault was found in (…自查中，…), and 客观上…，主观上… (the town answers
    # for the subjective fault), set the scene as 从自查情况看 does
    ("在年度法治督察中，部分村规民约未经合法性审查即提交表决。", "部分村规民约未经合法性审查即提交表决"),
    ("案卷评查时，多份处罚决定书适用法律条款不准确。", "多份处罚决定书适用法律条款不准确"),
    ("客观上编制有限，主观上部分干部对信息公开重视不够。", "主观上部分干部对信息公开重视不够"),
    ("执法检查中发现的问题整改不及时。", "执法检查中发现的问题整改不及时"),  # one clause: nothing follows
    ("工作中，调解员业务能力不足。", "工作中"),  # a bare 工作中 is no review
])
def test_lead_clause__a_review_or_the_objective_side_sets_the_scene(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 37: the review that found the fault, and a figure's frame that draws it out
    ("经区司法局专项督查，部分行政处罚案卷缺少集体讨论记录。", "部分行政处罚案卷缺少集体讨论记录"),
    ("审计反馈指出，村级工程合同存在先施工后签约的情况。", "村级工程合同存在先施工后签约的情况"),
    ("据摸排统计，全镇有三成网格员未参加过调解培训。", "全镇有三成网格员未参加过调解培训"),
    ("在推进老旧小区改造期间，部分补偿方案未经风险评估。", "部分补偿方案未经风险评估"),
    ("全年受理的咨询中有一半涉及婚姻家庭，这反映出妇女群众维权渠道不多。", "妇女群众维权渠道不多"),
    ("部分违法搭建未能及时发现，处置滞后。", "部分违法搭建未能及时发现"),  # a fault, negated: no review
    ("在合法性审查方面还存在薄弱环节，审查意见较为简单。", "在合法性审查方面还存在薄弱环节"),  # the fault's own field
    # themes set 136: what it comes down to, said plainly (说到底, 归根结底, 归根到底), draws the fault out too
    ("有的站所负责人签字拍板时从不看条文，说到底是没把法律当回事", "没把法律当回事"),
    ("村里定事不开会，归根结底是书记一个人说了算", "书记一个人说了算"),
    ("说到底，我们还是把化解纠纷当成了“软任务”", "我们还是把化解纠纷当成了“软任务”"),  # a bare first clause, as before
    # themes set 137: the public's denied denial (群众并非不愿…，而是…) leads to what follows 而是; a cadre's keeps its lead
    ("群众并非不愿学法用法，而是村里的法律服务工作站多数无人值守，找不到人问", "而是村里的法律服务工作站多数无人值守"),
    ("部分村民并不是不想调解，而是调解员调不下来", "而是调解员调不下来"),
    ("村干部不是不想依法办事，而是对新修订的土地管理法了解不多", "村干部不是不想依法办事"),
])
def test_lead_clause__the_review_that_found_it_and_what_a_figure_draws_out(text, lead):
    assert lead_clause(text) == lead


def test_cluster_shortcomings__the_circumstances_before_the_lead_count_only_when_nothing_else_names_a_theme():
    # themes set 37: 在处理群众信访诉求过程中，少数干部怕担责… is the cadres' fault, not the disputes the scene names;
    # a scene that names the field (从…看, 对照…要求) still counts, and a scene counts when the rest names nothing
    table = items({"己镇": ["在开展矛盾纠纷排查调处过程中，部分干部图省事，习惯“和稀泥”。",
                           "在普法宣传工作中，覆盖面还不广。",
                           "对照规范性文件备案审查要求，报备文件有3件超过时限，也没有在政府网站上公布。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["awareness", "publicity", "decisions"]


@pytest.mark.parametrize(("text", "theme"), [
    # themes set 37's words, in other sentences
    ("村级重大事项由村支书一人说了算，“四议两公开”流于形式。", "decisions"),
    ("涉及群众利益的规划调整未公开征求意见。", "decisions"),
    ("不少居民不了解物业管理条例的具体规定。", "publicity"),
    ("干部法律知识考试成绩普遍较高，但考用脱节。", "awareness"),
    ("综合执法队仅有1辆公务用车，夜间巡查难以开展。", "capacity"),
    ("站所年度考核流于形式，结果运用不够。", "disclosure"),  # 考核 alone: a cue of the oversight theme
    # themes set 38's terse idioms, in other items
    ("扣押物品和罚没财物管理混乱", "capacity"),
    ("执法尺度不一，类案不同罚", "capacity"),
    ("班子会“临时动议”事项较多", "decisions"),
    ("征收补偿方案“先定后审”", "decisions"),
    ("责任清单“只建不晒”", "disclosure"),
    ("不少学生家长法治意识淡薄", "publicity"),
    ("部分经营户不知亮照经营是法定义务", "publicity"),
    # themes set 39's words (items written as rectification targets), in other items
    ("新任村“两委”成员有“本领恐慌”，处理信访诉求时心里没底", "awareness"),
    ("村集体资产处置须经村民代表大会表决，个别村仍由村书记拍板", "decisions"),
    ("对企业的检查要从多头进、反复查转向综合查一次", "capacity"),
    # themes set 40's words, in other items
    ("执法文书多由协管员代为送达，送达回证填写不规范", "capacity"),
    ("村集体鱼塘由村干部私下招租，未经集体讨论", "decisions"),
    ("修建文化广场前未听取周边居民意见", "decisions"),
    ("镇政府向人大报告工作时对问题避重就轻，接受监督不主动", "disclosure"),
    ("送法下乡的文艺演出年年一个样", "publicity"),
    ("有的同志遇事先想“怎么快”，不想“合不合法”", "awareness"),
    # themes set 41's words, in other items
    ("个别村干部为亲属打招呼，要求对违建从轻处理", "awareness"),
    ("街道年度民生实事项目未提请人大审议", "decisions"),
    ("政务公众号长期不更新", "disclosure"),
    ("送法下乡多是发资料", "publicity"),
    ("货车司机对超限运输规定一知半解", "publicity"),
    # themes set 42's words (a village or community on itself: 我村, 本社区), in other items
    ("社区调解工作全压在一名专干一人身上", "capacity"),
    ("村便民服务室的电脑长期损坏无人维修", "capacity"),
    ("村集体鱼塘承包由村书记直接指定承包人", "decisions"),
    ("物业费调整由业委会自行决定，未征求业主意见", "decisions"),
    ("困难救助评议结果未按规定张榜", "disclosure"),
    ("两组村民为宅基地归属反复争执", "disputes"),
    ("不少老年人轻信“以房养老”宣传", "publicity"),
    ("部分青年以为网上转发谣言不犯法", "publicity"),
    # themes set 43's words (faults told through a named person's case: 孙某, 吕某), in other items
    ("执法卷宗缺少询问笔录", "capacity"),
    ("扣押物品前未告知当事人享有的权利", "capacity"),
    ("村集体资产处置只有村书记一人签字", "decisions"),
    ("禁止摆摊的通告没有法律依据", "decisions"),
    ("村级账目多年未向村民公示", "disclosure"),
    ("不少商户不知销售过期食品违法", "publicity"),
    # themes set 44's words (faults put as rhetorical questions: …这也算集体决策？), in other items
    ("把法律只看成管老百姓的手段", "awareness"),
    ("征地补偿标准调整前没有召开听证会", "decisions"),
    ("农贸市场管理办法由市场所自行起草", "decisions"),
    ("班子成员在群里表态代替集体决策", "decisions"),
    ("停车收费新规印发当天即执行", "decisions"),
    ("行政处罚裁量基准只在内部使用", "disclosure"),
    ("政府开放日一年只办一次", "disclosure"),
    ("部分住户高空抛物屡禁不止", "publicity"),
    # themes set 45's words (faults in topics new to 2025–2026: 公共数据, 大模型, 低空经济), in other items
    ("镇级数据开放工作起步较晚", "disclosure"),
    ("开放目录长期未更新", "disclosure"),
    ("不少老人个人信息保护意识淡薄，随手转发验证码", "publicity"),
    # themes set 46's word (two places side by side), in another item
    ("被欠薪后才想到维权", "publicity"),
    # themes set 47's word (an inspector's findings copied as the town's own), in another item
    ("同类违建罚款数额差别大，自由裁量把握不一，群众有意见", "capacity"),
    # themes set 48's word (faults of absence or sequence: …清单尚未建立), in another item
    ("小微权力清单编制滞后，群众不知情", "disclosure"),
    # written round 60's word (网络主播), in another item
    ("部分网络主播法律意识不强，直播中随意发布不实信息", "publicity"),
    # themes set 50 (plain everyday items): the public's awareness past an aside (群众特别是留守老人法治意识)
    ("部分居民特别是老旧小区住户法律意识不强", "publicity"),
    # written round 82: a cadre's 依法办事的意识 leads, a procedure named after it does not decide
    ("少数社区干部依法办事的意识仍有欠缺，居务决策程序随意", "awareness"),
    ("个别村组干部依法办事的主动意识还有差距，村级合同签订不够规范", "awareness"),
    # written round 61's word (花炮从业人员法治意识不强), in another item
    ("部分快递从业人员法律意识淡薄", "publicity"),
    # themes set 52 (a county's items about its departments and towns): the principal's duty (第一责任人) is the
    # cadres', whatever the rest names (a probe after the set: its one such item won by a margin of one)
    ("镇长履行推进法治建设第一责任人职责不够有力，法治督察反馈问题整改缓慢", "awareness"),
    ("主要负责人第一责任人职责落实不到位，普法工作抓得不实", "awareness"),
    # written round 87: a firm's or a trader's 法治观念 is the public's, as their 意识 is; the supply of legal
    # services is capacity, as 法律服务资源 is
    ("个体工商户法治观念不强，无证经营屡禁不止", "publicity"),
    ("少数企业主的法律观念较为淡薄，劳动合同签订随意", "publicity"),
    ("园区企业公共法律服务供给偏少，律师进企业频次低", "capacity"),
    # written round 91: regulating means (监管手段) are the enforcers' means, as 执法手段 are; the item had been right
    # only by the causes paragraph glued to it
    ("对网约车、共享单车等新业态的监管手段相对滞后", "capacity"),
    ("农村自建房监管方式和手段较为单一", "capacity"),
    ("食品小作坊监管流于形式，群众投诉较多", "publicity"),  # guard: 监管 alone is no keyword (群众, a cue, decides)
])
def test_cluster_shortcomings__words_added_for_a_written_set(text, theme):
    # each set's misses gave words (themes.csv); here they are held in items of other wordings
    result = cluster_shortcomings(items({"庚镇": [text]}), ThemeOptions(mode="items"))
    assert result["theme"].tolist() == [theme]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 38: a 问题清单's label before its colon is no lead
    ("问题：行政处罚决定书送达不及时", "行政处罚决定书送达不及时"),
    ("主要表现：重大事项会前未经法律顾问把关", "重大事项会前未经法律顾问把关"),
    ("问题导向不够鲜明，整改流于形式", "问题导向不够鲜明"),  # a word that begins so is no label
    # themes set 39: a rectification ledger's row (整改事项：…；整改目标：…)
    ("整改事项：行政复议答复超期；整改目标：建立答复时限提醒", "行政复议答复超期"),
    ("存在问题：村法律顾问服务不到位", "村法律顾问服务不到位"),
    ("整改事项落实不到位，销号把关不严", "整改事项落实不到位"),  # the words as the fault, no colon
])
def test_lead_clause__a_problem_list_s_label_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("row", "problem"), [
    # themes set 41: 问题清单 / 整改台账 rows a copy flattened into one line (序号 问题 责任单位 时限)
    ("3\t村级公开栏内容更新不及时\t党政办、各村\t2025年6月底前", "村级公开栏内容更新不及时"),
    ("12  行政执法案卷装订不规范，缺少送达回证  综合执法队  立行立改", "行政执法案卷装订不规范，缺少送达回证"),
    ("7 法律顾问参与决策不经常 党政办 长期坚持", "法律顾问参与决策不经常"),
    ("矛盾纠纷化解\u3000网格员排查的纠纷未录入平台\u3000综治中心\u3000年内", "网格员排查的纠纷未录入平台"),
    ("| 2 | 普法宣传进企业次数少 | 司法所 | 年底前 |", "普法宣传进企业次数少"),
])
def test_problem_cell__the_problem_of_a_flattened_table_row(row, problem):
    assert problem_cell(row) == problem
    assert lead_clause(row) == lead_clause(problem)


@pytest.mark.parametrize("text", [
    "执法力量薄弱，执法人员身兼数职。",
    "部分干部 法治意识不强",  # a stray space in a sentence: no number, unit or deadline
    "司法所 人员少",  # one cell of furniture only
])
def test_problem_cell__other_text_is_no_row(text):
    assert problem_cell(text) is None


def test_cluster_shortcomings__a_flattened_row_is_themed_by_its_problem_not_its_units():
    # set 41: 司法所 and 综合行政执法队 in the unit cell read a dispute and the public's awareness as staffing
    rows = ["9\t外嫁女土地补偿纠纷调处不及时\t司法所、各村\t年底前",
            "4 商户对明码标价规定不了解 综合行政执法队 立行立改"]
    result = cluster_shortcomings(items({"丑镇": rows}), ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["disputes", "publicity"]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 40 (a 班子's collective 述职, 我们…): a speaker's opener or role before the fault is no lead
    ("实事求是地说，部分站所负责人对新修订的法规学习不够", "部分站所负责人对新修订的法规学习不够"),
    ("认真反思起来，村级矛盾排查还有盲区", "村级矛盾排查还有盲区"),
    ("归根结底，还是对依法决策重视不够", "还是对依法决策重视不够"),
    ("作为镇党委主要负责人，本人对执法队伍的监督还不到位", "本人对执法队伍的监督还不到位"),
    ("说明会开得少，群众不了解政策", "说明会开得少"),  # a word that begins with 说 is no opener
    ("作为被告的行政诉讼案件中败诉2件，应诉能力不足", "作为被告的行政诉讼案件中败诉2件"),  # 作为 with no role
])
def test_lead_clause__a_speakers_opener_or_role_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 111 (items as others retell them): who retells the report (a reporter, the report, the town that
    # admits or thinks so, a compilation) is no lead; a cadre's or the public's belief, or a clause with a fault, is
    ("记者了解到，镇执法队仅有5名在编人员", "镇执法队仅有5名在编人员"),
    ("该镇在报告中承认，政务公开栏更新不及时", "政务公开栏更新不及时"),
    ("坡仓乡在年度报告中写道，合同审查仍靠经验", "合同审查仍靠经验"),
    ("据报告梳理，普法宣传形式单一", "普法宣传形式单一"),
    ("汇总各乡镇报告，共性问题是调解员老化", "共性问题是调解员老化"),
    ("该街道认为，青少年法治教育是突出短板", "青少年法治教育是突出短板"),
    ("部分村干部认为，普法是司法所的事", "部分村干部认为"),  # guard: the cadres' belief is the fault
    ("该镇年度报告未向社会公开，群众无从监督", "该镇年度报告未向社会公开"),  # guard: a clause with a fault
])
def test_lead_clause__who_retells_the_report_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 46 (two places side by side, the fault the lagging one's): a comparison's frame is no lead
    ("与周边乡镇相比，我乡合同审查仍靠经验", "我乡合同审查仍靠经验"),
    ("同样是征地补偿，南村的方案未经集体讨论", "南村的方案未经集体讨论"),
    ("同是沿街商户，老街的商户学法积极性明显偏低", "老街的商户学法积极性明显偏低"),
    ("与群众期待还有差距，执法不够规范", "与群众期待还有差距"),  # a gap to expectations is no comparison of places
])
def test_lead_clause__a_comparison_s_frame_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 47 (an inspector's findings: 督察组随机抽查8份…，其中2份…): what a review sampled, counted, is no lead
    ("考核组调阅我乡2023年行政许可案卷20卷，其中6卷缺少送达回证", "其中6卷缺少送达回证"),
    ("县司法局暗访了三个村的调委会，两个村无人值班", "两个村无人值班"),
    ("随机走访40户群众，知晓法律顾问电话的不到一成", "知晓法律顾问电话的不到一成"),
    ("抽查的6个村中有4个村未公开村务，监督缺位", "抽查的6个村中有4个村未公开村务"),  # the sample holds the fault
    ("全年仅抽查执法案卷3卷，案卷评查流于形式", "全年仅抽查执法案卷3卷"),  # too few reviews is the fault
])
def test_lead_clause__what_a_review_sampled_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 51 (fault and cause in one item): a cause put first leads to the fault (由于…，导致…)
    ("由于村级调解员流动频繁，导致调解协议履行不到位", "调解协议履行不到位"),
    ("受机构改革影响，人员调整较大，致使执法案卷归档不及时", "执法案卷归档不及时"),
    ("因为宣传手段单一，从而导致群众参与度不高", "群众参与度不高"),
    ("由于普法宣传不到位，群众法治意识淡薄", "由于普法宣传不到位"),  # no result word: the first clause
    ("因土地流转引发的纠纷增多，导致调处压力加大", "因土地流转引发的纠纷增多"),  # bare 因 names the fault
])
def test_lead_clause__a_cause_put_first_leads_to_the_fault(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 78: a cause that lists things or names a load, put first with no result word, is the setting
    ("因信访接待、矛盾调处任务繁重，司法所干部学法时间难以保证", "司法所干部学法时间难以保证"),
    ("受普法和执法检查任务挤占影响，调委会日常排查不到位", "调委会日常排查不到位"),
    ("由于忙于项目建设，镇里重大决策很少听取法律顾问意见", "镇里重大决策很少听取法律顾问意见"),
    ("由于执法力量不足，违法建设查处不及时", "由于执法力量不足"),  # a single fault put as cause stays the lead
    ("因取证不规范、文书填写随意，3件处罚被复议撤销", "因取证不规范、文书填写随意"),  # its outcome after
    ("因执法人员少、案件多，群众投诉被上级通报", "因执法人员少、案件多"),  # its consequence after
])
def test_lead_clause__a_cause_that_lists_or_names_a_load_is_the_setting(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 138: evidence given late in a suit is an outcome; its cause after it (因…, 系因…) leads
    ("应诉材料和举证不及时。因案卷管理混乱、执法档案缺失，有2起案件未能在法定期限内向法院提交证据", "案卷管理混乱、执法档案缺失"),
    ("逾期举证，系因执法记录仪资料未保存", "执法记录仪资料未保存"),
    ("举证不及时，群众不满意", "举证不及时"),  # no cause after it: it stays the lead
    ("由于案卷不全，举证逾期", "由于案卷不全"),  # the cause put first stays the lead
])
def test_lead_clause__evidence_given_late_gives_its_cause_after_the_lead(text, lead):
    assert lead_clause(text) == lead


def test_cluster_shortcomings__a_cause_put_first_does_not_decide_the_theme():
    # themes set 51: the public's weak awareness as the cause, the disputes that recur as the fault
    result = cluster_shortcomings(items({"庚镇": ["由于部分居民法治观念淡薄，导致邻里纠纷反复发生，调处难度大"]}),
                                  ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["disputes"]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 62 (a 法治督察's findings, causes first): bare 因 with a result word is a cause put first
    ("因村级调解员长期空缺，致使邻里矛盾无人及时调处", "邻里矛盾无人及时调处"),
    ("因财政保障不足，导致执法记录仪配备不齐", "执法记录仪配备不齐"),
    ("因宅基地边界引起的纠纷增多，致使调处压力加大", "因宅基地边界引起的纠纷增多"),  # 因…引起 names the fault
    ("因此，群众参与度不高", "因此"),
    ("因地制宜开展普法不够，宣传内容千篇一律", "因地制宜开展普法不够"),  # an idiom, no cause
    # … and a finding's opener (经查，…; 经调阅…，…) sets the scene
    ("经调阅2024年度镇长办公会议记录，会前学法仅安排3次", "会前学法仅安排3次"),
    ("经核实，村务公开栏半年未更新", "村务公开栏半年未更新"),
    ("经走访部分村民，法律顾问服务知晓率偏低", "法律顾问服务知晓率偏低"),
])
def test_lead_clause__a_finding_s_opener_and_a_bare_cause_put_first(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "theme"), [
    # themes set 62: what the fault led to (…，引发2起行政复议; …，被…通报) is not the fault
    ("少数镇干部说话办事仍凭老习惯，引发1起行政诉讼", "awareness"),
    ("个别班子成员对新出台的土地管理规定一知半解，已引起2起行政复议", "awareness"),
    ("有的同志对新修订的土地管理法一知半解，引发群众信访3起", "awareness"),
    # … but it names the theme when nothing else does, and 由此引起的纠纷 is the fault itself
    ("镇里承诺的安置房迟迟不能交付，引发了集体上访", "disputes"),
    ("村里前几年对外发包了一批鱼塘，由此引起的承包纠纷调处不及时", "disputes"),
])
def test_cluster_shortcomings__a_consequence_does_not_decide_the_theme(text, theme):
    result = cluster_shortcomings(items({"辛镇": [text]}), ThemeOptions(mode="items"))
    assert result["theme"].tolist() == [theme]


@pytest.mark.parametrize(("text", "theme"), [
    # themes set 49 (items as imperfect copies give them): in Traditional script, as a mirror site shows a
    # report, and letter-spaced, as a copy of a spaced line keeps it; their keywords are read all the same
    ("執法人員持證率偏低，辦案不夠規範", "capacity"),
    ("群眾學法用法積極性不高", "publicity"),
    ("村 民 法 律 意 识 淡 薄 ，遇事不找法", "publicity"),
    ("合 同 审 查 把 关 不 严", "decisions"),
])
def test_cluster_shortcomings__an_item_in_traditional_script_or_letter_spaced(text, theme):
    result = cluster_shortcomings(items({"庚镇": [text]}), ThemeOptions(mode="items"))
    assert result["theme"].tolist() == [theme]


@pytest.mark.parametrize("text", [
    # written round 52: the people a town's trade brings (茶农, 客商) are the public, whose awareness is publicity's
    "部分果农和收购客商守法意识淡薄，买卖不签合同。",
    "个别菜农法治意识不强，乱用农药的现象仍有发生。",
])
def test_cluster_shortcomings__growers_and_traders_are_the_public(text):
    result = cluster_shortcomings(items({"癸镇": [text]}), ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity"]


def test_cluster_shortcomings__inspections_of_one_firm_and_lost_lawsuits_have_their_themes():
    # themes set 36: repeated inspections of one firm are enforcement's (capacity); lawsuits lost are disputes
    table = items({"戊镇": ["部分执法人员对同一商户反复上门检查，干扰正常经营。", "半年内对同一企业开展检查7次。",
                           "以街道办事处为被告的行政诉讼中有1件败诉。",
                           "行政争议化解在前端的工作还比较薄弱。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["capacity", "capacity", "disputes", "disputes"]


def test_lead_clause__a_clause_that_sets_the_scene_with_its_background_is_no_lead():
    # themes set 33: 扫黑除恶常态化背景下，… (the fault follows), as 随着…，… is
    assert lead_clause("扫黑除恶常态化背景下，涉农领域矛盾隐患排查化解还不深入，普法宣传针对性不强也是原因之一") == "涉农领域矛盾隐患排查化解还不深入"
    assert lead_clause("在新形势下，基层执法力量明显不足") == "基层执法力量明显不足"


def test_shortcoming_items__lettered_points_and_a_causes_paragraph_of_its_own():
    # round 55: items lettered A. B. C. kept their letters, and the causes paragraph after them was a fourth item
    text = ("2023年，许孟镇扎实推进依法行政。现报告如下。\nI. 主要举措和成效\n开展检查12次。\nII. 存在的不足和原因\n"
            "对照上级要求，我镇还存在一些不足：\nA. 执法力量不足，专业人员少。\nB. 群众法治意识不强。\n"
            "产生这些问题的原因，主要是基层力量薄弱。\nIII. 下一步打算\nA. 加强培训。")
    items = shortcoming_items(split_sections(normalize_text(text)).assign(doc_id="d"))
    assert items["text"].tolist() == ["执法力量不足，专业人员少。", "群众法治意识不强。"]


@pytest.mark.parametrize("intro", ["主要表现为：", "具体来说：", "主要是："])
def test_shortcoming_items__a_run_on_list_set_apart_by_semicolons_after_a_colon(intro):
    # written round 58 (叶盛镇): 仍存在一些不足，主要是：A；B；C；D。究其原因，… in one paragraph
    text = (f"一、主要举措\n开展活动。\n二、存在的问题\n对照群众期待，我乡仍存在一些短板，{intro}村级调解组织作用发挥不充分；"
            "部分干部依法决策意识不强，程序观念淡薄；普法宣传方式较为单一。主要原因是投入不足。\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["村级调解组织作用发挥不充分", "部分干部依法决策意识不强，程序观念淡薄", "普法宣传方式较为单一。"]


@pytest.mark.parametrize("paragraph", [
    "执法力量薄弱；宣传不够深入。",  # two clauses may be one item's halves
    "执法力量薄弱；宣传不够深入；调解不力。另外，村干部学法也不够。",  # a second sentence: one item's explanation
])
def test_shortcoming_items__a_paragraph_that_is_no_run_on_list_stays_one_item(paragraph):
    text = f"一、主要举措\n开展活动。\n二、存在的问题\n我镇仍存在一些不足：{paragraph}\n三、下一步打算\n加强学习。"
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == [paragraph]


@pytest.mark.parametrize("closing", ["", "对此，我们将认真加以解决。", "我们将在今后工作中加以改进。"])
def test_shortcoming_items__a_list_of_shortcomings_closing_another_part(closing):
    # written round 58 (丹麻镇): no shortcomings part; part 二 ends 我镇…相比还存在一些差距：一是…；二是…
    text = ("一、主要举措\n开展活动12场。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头学法。\n"
            "同时也要看到，我乡法治建设与新形势新要求相比仍存在一些不足：一是村级法律顾问作用发挥不够；"
            f"二是执法人员持证率偏低。{closing}\n三、下一步工作计划\n一是加强培训。二是强化宣传。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["村级法律顾问作用发挥不够；", "执法人员持证率偏低。"]


@pytest.mark.parametrize("plans_heading, opening", [
    ("三、下步工作思路", "总结过去，我们也清醒看到，全街道法治建设还有不少短板："),
    ("四、2024年工作计划", "同时，工作中仍存在一些薄弱环节："),
    ("三、今后努力方向", "对照上级部署，我乡法治政府建设与群众期待相比还存在一定差距："),
])
def test_shortcoming_items__a_list_of_shortcomings_opening_the_plans_part(plans_heading, opening):
    # written round 103: no shortcomings part; the problems' paragraph (…仍存在一些不足：一是…；二是…) opened the plans
    # part, above the plans' own paragraph, where only a part other than the plans was looked at
    text = ("一、主要举措\n开展活动12场。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头学法。\n"
            f"{plans_heading}\n{opening}一是村级调委会作用发挥不够；二是执法人员持证率偏低。\n"
            "下一阶段，我们将加强培训，强化宣传。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["村级调委会作用发挥不够；", "执法人员持证率偏低。"]


@pytest.mark.parametrize("first", [
    "下一步，我镇将针对存在的不足：一是加强培训；二是强化宣传。",  # the plans' own paragraph, however worded
    "2024年，我乡将着力解决以下问题：一是加强培训；二是强化宣传。",
    "围绕上述问题，重点抓好以下工作：一是加强培训；二是强化宣传。",  # no shortcomings said to exist
])
def test_shortcoming_items__a_plans_part_opening_with_its_plans_gives_no_items(first):
    # guard beside it: the plans part's first paragraph lists the plans, not the problems
    text = f"一、主要举措\n开展活动12场。\n二、下一步工作打算\n{first}\n某镇人民政府\n2024年1月5日"
    assert shortcoming_items(split_sections(text).assign(doc_id="d")).empty


@pytest.mark.parametrize("paragraph", [
    "主要做法：一是健全制度；二是强化宣传。",  # a list of work, not of shortcomings
    "我乡法治建设仍存在一些不足，下一步将一是加强培训，二是强化宣传。",  # no colon before the list
])
def test_shortcoming_items__a_list_closing_another_part_that_is_no_list_of_shortcomings(paragraph):
    text = f"一、主要举措\n开展活动12场。\n二、履行第一责任人职责情况\n书记带头学法。\n{paragraph}\n三、下一步工作计划\n加强培训。"
    assert shortcoming_items(split_sections(text).assign(doc_id="d")).empty


def test_shortcoming_items__a_report_with_a_shortcomings_part_takes_its_items_from_it_alone():
    text = ("一、主要举措\n书记带头学法。\n我乡仍存在一些不足：一是法律顾问作用发挥不够；二是持证率偏低。\n"
            "二、存在的问题\n一是宣传不够深入。\n二是调解不力。\n三、下一步打算\n加强学习。")
    assert shortcoming_items(split_sections(text).assign(doc_id="d"))["text"].tolist() == ["宣传不够深入。", "调解不力。"]


def test_shortcoming_items__a_report_without_part_headings_lists_its_problems_before_its_plans_and_signature():
    # written round 64: a short report in paragraphs; the problems' paragraph stood above 下一步，我乡将… and the
    # signature, and only a text's last paragraph was looked at
    text = ("2023年，我乡认真贯彻落实上级部署，扎实推进法治政府建设，开展普法活动12场。\n"
            "但工作中还存在一些不足：一是个别村干部依法办事意识不强；二是法治宣传形式比较单一；三是调解队伍力量薄弱。\n"
            "下一步，我乡将加强学习培训，创新普法形式。\n关庙乡人民政府\n2024年1月10日")
    found = shortcoming_items(split_sections(text, doc_id="z"))
    assert found["headline"].tolist() == ["个别村干部依法办事意识不强", "法治宣传形式比较单一", "调解队伍力量薄弱"]


@pytest.mark.parametrize("close", [
    "以上报告，请予审议。",
    "以上述职，请予评议。\n2025年1月8日",
    "同志们，让我们振奋精神、真抓实干，推动全乡法治建设再上新台阶！\n谢谢大家！",
    "特此汇报。\n某乡人民政府",
])
def test_shortcoming_items__a_report_read_to_a_body_closes_with_its_formula_after_the_plans(close):
    # written round 100 (a 汇报 read to a party committee's study group, no part headings, closing 以上汇报，请…批评
    # 指正。): the closing formula stood where the list of problems was looked for
    text = ("过去一年，我乡开展普法活动18场，调处纠纷40件。\n"
            "成绩来之不易，但我们也要看到，全乡法治建设仍存在一些差距：一是执法队员持证率不高；二是村民学法用法氛围不浓。\n"
            f"今后，我乡将着力抓好两项工作：一是加强培训；二是创新普法。\n{close}")
    found = shortcoming_items(split_sections(text, doc_id="z"))
    assert found["headline"].tolist() == ["执法队员持证率不高", "村民学法用法氛围不浓"]


@pytest.mark.parametrize("close", ["同志们，这些问题必须引起高度重视。", "各位代表，请大家提出意见。"])
def test_shortcoming_items__a_paragraph_to_the_audience_that_is_no_rallying_close_is_the_last_paragraph(close):
    # guard: an address that closes on no exclamation (a remark, a request) is no formula the list can sit above
    text = ("过去一年，我乡开展普法活动18场。\n"
            "但我乡仍存在一些不足：一是执法队员持证率不高；二是村民学法用法氛围不浓。\n"
            f"{close}")
    assert shortcoming_items(split_sections(text, doc_id="z")).empty


def test_shortcoming_items__a_closing_sentence_after_the_last_item_on_its_line_opening_with_dui_is_dropped():
    # written round 100 (…掌握不够。对这些问题，我们必须高度重视…): 对这些/对上述 as 对于这些 and 针对上述 are
    text = "二、存在的不足\n一是调解员年龄偏大。二是村级公开栏更新慢。对上述问题，我们将逐项整改。"
    items = _items_of_second_part(text)
    assert items["text"].iloc[-1] == "村级公开栏更新慢。"


@pytest.mark.parametrize(("sentence", "listed"), [
    # written round 64: the problems part is one sentence listing them (存在A、B、C等问题)
    ("总的来看，我镇仍存在普法宣传不够深入、执法人员数量不足、矛盾纠纷源头预防不够有力等问题。",
     ["普法宣传不够深入", "执法人员数量不足", "矛盾纠纷源头预防不够有力"]),
    ("对照上级要求，还存在执法力量薄弱、宣传不够等短板。", ["执法力量薄弱", "宣传不够"]),
])
def test_shortcoming_items__one_sentence_that_lists_the_problems_gives_an_item_each(sentence, listed):
    text = f"一、主要举措\n开展普法活动12场。\n二、存在问题\n{sentence}\n三、下步打算\n加强学习。"
    assert shortcoming_items(split_sections(text, doc_id="z"))["text"].tolist() == listed


@pytest.mark.parametrize("paragraph", ["我镇仍存在普法宣传不够深入等问题。",  # one problem: the item is the sentence
                                       "仍存在宣传不够、力量不足等问题。其中力量不足最为突出，执法人员仅2名。"])  # two sentences
def test_shortcoming_items__a_paragraph_that_is_not_one_list_of_problems_stays_whole(paragraph):
    text = f"一、主要举措\n开展普法活动12场。\n二、存在问题\n{paragraph}\n三、下步打算\n加强学习。"
    assert shortcoming_items(split_sections(text, doc_id="z"))["text"].tolist() == [paragraph]


def test_shortcoming_items__a_document_site_s_wall_and_buttons_are_no_items():
    # written round 63: a 原创力 preview cut after （一）: its wall and button lines were read as two more items
    text = ("一、主要举措\n开展普法活动12场。\n二、存在问题\n（一）普法宣传的针对性不强。部分村组普法活动形式单一，\n"
            "试读已结束，如需要继续阅读或下载，敬请购买\n▲ 原创力文档  下载文档 150金币")
    found = shortcoming_items(split_sections(text, doc_id="z"))
    assert found["text"].tolist() == ["普法宣传的针对性不强。部分村组普法活动形式单一，"]


# One item alone, with no cluster-mates to lean on, gets its theme from its own words.
A_LAW_S_NAME_IS_THE_TOPIC = [
    # themes set 53 (items naming a law): a law's name is the item's topic, not its fault; its words count only
    # when nothing else names a theme (the set's writer's probe: 《行政复议法》… read as the cadres' by 复议法)
    ("《行政复议法》施行后，镇里作为被申请人的复议案件答复超期", "disputes"),
    ("对新修订的《行政复议法》贯彻不到位，行政争议多以信访形式出现", "disputes"),
    ("村干部对《信访工作条例》学习不深、理解不透", "awareness"),
    ("《政府信息公开条例》落实有差距", "disclosure"),  # nothing else names a theme: the law's words decide
]
FAST_CHANGING_TOWNS = [
    # themes set 54 (2025 items of fast-changing towns): a mobile public is no staff turnover, a public that turns
    # to acquaintances is the public's awareness, mediators' strength is the disputes' mechanism, complaints oversight
    ("快递员、货车司机等群体流动性大，普法活动覆盖不到", "publicity"),
    ("辖区流动群体法律意识不强", "publicity"),
    ("务工人员遇事多靠老乡帮忙，签订书面合同的意识不强", "publicity"),
    ("社区干部依法履职能力与基层治理要求还不适应", "awareness"),
    ("企业欠薪引发的劳资争议增多，调解力量不足", "disputes"),
    ("对群众投诉举报的办理情况缺少跟踪问效", "disclosure"),
    ("党员干部群体的法治意识还需提高", "awareness"),  # the cadres as a group are still the cadres
]
MOBILE_PEOPLE = [
    # written round 80: a mobile population (人口…流动性大) sets the scene, the fault's own words decide; the
    # staff's or the auxiliaries' turnover is still capacity
    ("新区人口密集、流动性大，租赁、物业等方面的矛盾纠纷明显增多", "disputes"),
    ("镇区人口流动性大，邻里纠纷和劳资矛盾调处压力加大", "disputes"),
    ("执法队员流动性大，新进人员业务不熟", "capacity"),
    ("网格员流动性大", "capacity"),
    ("社区协管员大多临时招聘，流动性大，对法规条文不熟", "capacity"),  # (its subject a clause before)
]
A_REVIEW_SETS_THE_SCENE = [
    # themes set 55 (2021–2023 items: epidemic years, 八五 mid-term, enforcement reform), its writer's probes: a
    # review or a campaign the fault was found in sets the scene, its words decide nothing
    ("民主法治示范村验收时，镇政务公开栏内容长期未更新", "disclosure"),
    ("普法中期检视中，个别站所负责人学法不主动", "awareness"),
    ("宪法宣传周活动期间，镇里重大事项决策未经合法性审查", "decisions"),
    # a penalty's paperwork is the enforcers' work; matters handed down that the town cannot take on, its capacity
    ("行政处罚文书说理不充分", "capacity"),
    ("下放的审批事项接不住、管不好", "capacity"),
    ("重大项目风险评估中，未听取法律顾问意见", "decisions"),  # a risk assessment is a decision's own step
]

CITY_STREET_OFFICES = [
    # themes set 56 (2024–2025 items of city street offices): tenants and a mobile public's awareness is the public's,
    # 违法性…认识 too when words stand between; a tutoring firm's 培训 is no cadres' training; holding the law to be
    # another body's business (认为…是…的事) is the cadres' awareness
    ("部分出租房租户安全用电法律意识不强", "publicity"),
    ("商户对占道经营的违法性还缺乏认识", "publicity"),
    ("驾驶培训机构学员对交通法规知晓率低", "publicity"),
    ("少数干部认为矛盾调处是综治中心的事", "awareness"),
]

YEAR_ON_YEAR_AND_OWN_UNITS = [
    # themes set 57 (year-on-year figures, 重A轻B formulae, a 站所 writing of itself: 我所, 我队, 本中心): filing a
    # case (立案) is the enforcers' work; a 重大事项 and its 论证 are a decision's; not knowing a procedure is the
    # cadres' (程序…不熟悉), and not knowing a law or a procedure is the public's when they are its subject
    ("查处违法占地多以口头警告了事，很少立案", "capacity"),
    ("对群众投诉举报的违建线索迟迟不立案", "capacity"),
    ("镇里上马的重大事项缺少可行性论证", "decisions"),
    ("村里修路等重大事项未经充分论证就公示开工", "decisions"),
    ("班子里半数是新人，对依法决策的程序还不熟悉", "awareness"),
    ("部分干部对新修订的行政处罚法程序规定不熟悉", "awareness"),
    ("村民对土地承包法不熟悉，纠纷时有发生", "publicity"),
    ("群众对行政复议程序不熟悉，遇到不服仍去上访", "publicity"),
]

SECTOR_WORDS_AND_OTHER_BODIES = [
    # themes set 58 (a township's sectors: 安全生产, 自建房, 燃气, 殡葬, 禁毒, 农民工工资; faults of 个别/少数/部分 bodies
    # that are not the cadres): a 包村/包片 leader is a cadre, whatever the explanation names; a firm's head's
    # awareness is the public's, not the cadres' (the head of a firm is no 负责人 of the town)
    ("包村领导对宅基地审批的法律规定心中无数，常在村民代表会议上当场表态", "awareness"),
    ("个别包片领导遇到群众阻工只会“硬推”，不懂用法律手段，引发的纠纷越积越多", "awareness"),
    ("少数企业负责人消防安全法律意识淡薄", "publicity"),
    ("部分企业负责人依法用工观念不强，拖欠工资现象时有发生", "publicity"),
]

DIGITAL_AND_TWO_BODIES = [
    # themes set 59 (digital government and data, faults between two bodies, 问题表现在…根源在于…, APP/OA/12345,
    # a theme's word only in a quoted slogan): a cadre's 依法履职…观念 and 依法行政观念 are the cadres' awareness,
    # whatever the explanation names; a contract the town signed stays a decision's with words between
    # (签订的…合同); “阳光村务” and a village's 财务收支 are what it must disclose
    ("部分站所负责人依法履职的观念还不牢固，遇到群众诉求先想着“摆平”", "awareness"),
    ("个别工作人员依法行政观念不强，对群众投诉举报敷衍应付", "awareness"),
    ("镇里与光伏企业签订的屋顶租赁合同期限约定不明，到期后矛盾不断", "decisions"),
    ("“阳光村务”平台上的信息半年没有更新", "disclosure"),
    ("部分村财务收支长期不上墙，村民看不明白", "disclosure"),
]

PANEL_VOICES_AND_NEGATED_GOALS = [
    # themes set 60 (a 述法评议 panel's or a deputy's 建议…/希望…, a goal negated: 未能做到…, 没有实现…; lists inside an
    # item; old industrial towns, islands, forests and reservoirs; two faults joined by 同时/且, the first deciding):
    # a cadre who studies law 学而不深 or 学而不用 is the cadres' awareness, whatever the explanation names; a review
    # of an agreement's terms (条款…审查) is a decision's, when the dispute it led to is told after it
    ("个别站所长对新修订的行政处罚法学而不深，处罚文书仍沿用旧格式", "awareness"),
    ("部分中层干部对民法典学而不用，调处邻里纠纷仍凭感觉", "awareness"),
    ("对物业服务外包的违约条款审查流于形式，已有两起纠纷诉至法院", "decisions"),
    ("村集体出租厂房时对免租期条款未作审查，承租方拖欠租金引发矛盾", "decisions"),
]

THE_PUBLIC_S_OWN_RIGHTS_AND_FRAUD = [
    # written round 74: the public guarding its own rights (维护自身…权益) or itself against fraud (诈骗…意识) is the
    # public's awareness, though many words part the group from 意识 and 法律意识 or a dispute is named after it
    ("外出务工返乡人员依法维护自身合法权益的能力较弱，讨薪时多选择堵门、上访", "publicity"),
    ("个别商户通过法律途径之外的方式维护自身权益，与顾客争执不断", "publicity"),
    ("辖区独居老人识别和防范电信网络诈骗的法律意识仍然不强", "publicity"),
    ("不少村民对“保健品”诈骗的防范意识不够，上当受骗后又不愿报案", "publicity"),
]


HEADLINE_PHRASES_AND_BODIES = [
    # themes set 61 (headline phrases only, bodies named whose usual theme is not the item's): an office's name right
    # before another theme's word says who does the work, not what the fault is; holding the law to be another body's
    # business (看作/看成/视为/当作/当成…的事) is the cadres' awareness, as 认为…是…的事
    ("司法所调解“一调了之”", "disputes"),
    ("镇司法所普法进村次数偏少", "publicity"),
    ("综合执法中队普法“只发传单”", "publicity"),
    ("部分站所把依法行政当作司法所一家的事", "awareness"),
    ("个别村干部把法治建设看成司法所的事", "awareness"),
    ("有的站所负责人把合法性审查视为司法所的事", "awareness"),
    ("司法所人员少、任务重", "capacity"),  # the office is the fault's subject: its staffing
    ("司法所承担普法、调解等多项职能，人手不足", "capacity"),
]


def test_shortcoming_items__a_forms_unticked_options_are_no_items():
    # round 71: a county's form lists the fields a town ticks (☑) and explains; those left unticked (□, ☐) and
    # unfilled are options not chosen, not problems
    text = ("二、存在的问题（在相应选项前打☑并说明）\n☑普法宣传：农村群众学法积极性不高，宣传覆盖面窄。\n☐执法队伍建设\n"
            "☑政务公开：部分公开事项更新滞后。\n□基层治理：\n三、下一步打算\n乙。")
    assert _items_of_second_part(normalize_text(text))["headline"].tolist() == ["普法宣传", "政务公开"]


def test_cluster_shortcomings__left_behind_villagers_learning_law_is_publicity():
    # written round 71: 留守老人、妇女学法用法渠道少，法律意识淡薄 read as the cadres' by 学法 and 法律意识; the public left
    # behind in the villages (留守老人, 留守妇女) and their channels to learn law are publicity, a cadre's 学法 stays awareness
    table = items({"庚乡": ["二是村里留守妇女、儿童居多，获取法律知识的途径有限，遇事不懂依法维权。",
                           "三是偏远村组老人学法用法渠道不畅，普遍存在“信访不信法”现象。",
                           "一是个别乡干部学法不深不透。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["publicity", "publicity", "awareness"]


def test_shortcoming_items__an_app_s_line_sending_the_reader_to_it_is_no_words_of_the_last_item():
    # written round 75: a share page cut inside an item kept 下载…客户端，查看完整内容 > as the item's last line
    text = ("一、主要举措\n开展普法活动12场。\n二、存在问题\n1.调解队伍力量薄弱。村级调解员多为兼职，遇到复杂纠纷时\n"
            "打开APP，阅读全部内容\n下载新闻客户端 查看完整报告 >")
    found = shortcoming_items(split_sections(text, doc_id="z"))
    assert found["text"].tolist() == ["调解队伍力量薄弱。村级调解员多为兼职，遇到复杂纠纷时"]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 63: a field the item is filed under (在…方面, 在…上, 就…而言/来说, …方面：, …方面存在的问题：) is no lead
    ("在法律顾问工作方面，部分村（社区）法律顾问每月到村不足一次", "部分村（社区）法律顾问每月到村不足一次"),
    ("信息公开方面存在的主要问题：乡政府网站财政预算栏目空白", "乡政府网站财政预算栏目空白"),
    ("就行政复议应诉来说，复议答复书多由业务科室临时拼凑", "复议答复书多由业务科室临时拼凑"),
    ("在思想认识上，少数干部认为法治建设是“软任务”", "少数干部认为法治建设是“软任务”"),
    ("执法队伍方面：乡里对执法人员的投诉举报办理不及时", "乡里对执法人员的投诉举报办理不及时"),
])
def test_lead_clause__a_field_the_item_is_filed_under_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


FIELD_FRAMES_AND_UNKNOWN_TOPICS = [
    # themes set 63 (items framed by a field, the field often another theme's than the fault): the field's words
    # count only when nothing else names a theme, as a scene's
    ("在政务公开方面，乡党政办人手不足，政府网站栏目维护只能靠临时人员", "capacity"),
    ("就调解工作而言，部分村干部自身法治观念淡薄，调解时常以“和稀泥”代替依法说理", "awareness"),
    ("在法治宣传方面，乡政府重大事项决策前不征求群众意见", "decisions"),
    ("执法队伍方面：乡里对执法人员的投诉举报办理不及时，内部监督偏软", "disclosure"),
    ("就行政复议而言，乡里懂法律的工作人员太少，答复书只能请县司法局代拟", "capacity"),
    ("在矛盾纠纷化解上，乡政府出台的土地补偿办法未经合法性审查，执行中争议不断", "decisions"),
    ("依法决策方面存在的主要问题：部分群众对行政执法程序了解不多，配合调查取证意愿低", "publicity"),
    # what someone does not know (对…不了解/了解不多/一知半解/知晓率…) is the topic: the knower decides
    ("从信访情况来看，部分村民对土地征收补偿的法律规定一知半解，诉求表达方式过激", "publicity"),
    ("少数分管领导对信访工作条例的新要求不了解，接访时推诿扯皮", "awareness"),
    ("个别村干部对政府信息公开的法定时限不清楚", "awareness"),
    ("部分个体工商户对行政执法程序了解不多，被检查时不配合", "publicity"),
    # the public taking part (居民参与, 村民参与, as 群众参与); a decision's 观念 and 学得不深 the cadres'; a contract
    # drafted by whoever signs it (自行起草) decisions
    ("居民参与社区重大事项协商的积极性不高，多数人只关心自家利益", "publicity"),
    ("个别班子成员集体决策的观念还不强，习惯会后补签", "awareness"),
    ("个别新任站所长对安全生产法学得不深", "awareness"),
    ("村集体的土地承包合同多由村干部自行起草，事后才请法律顾问审核", "decisions"),
]


DIFFICULTY_WORDS_AND_WHAT_THEY_LEAD_TO = [
    # themes set 64 (the fault named by a difficulty word: 短板, 瓶颈, 痛点, 隐患 …): 轻法治 (重业务、轻法治 and its
    # kin) is the cadres' attitude, whatever the rest names
    ("少数站所负责人重效率、轻法治，图省事跳过合法性审查", "awareness"),
    ("个别分管领导重项目进度轻法治程序，征收协议未经法律顾问把关就签字", "awareness"),
    # a phrase calling the fault the cause of something (成为引发…的隐患, 是造成…的重要因素): what it leads to is
    # a consequence, counted only when nothing else names a theme
    ("土地征收补偿方案未经集体讨论成为诱发行政复议的隐患", "decisions"),
    ("镇政府出台的补偿办法未经合法性审查成为引发行政诉讼的导火索", "decisions"),
    ("街道重大决策公众参与不足是造成信访矛盾的重要因素", "decisions"),
    ("村务监督委员会形同虚设是导致村级矛盾纠纷多发的根源", "disclosure"),
    ("征收补偿结果未及时公示成为引起群众信访的主要原因", "disclosure"),
    # … but 因…引发的纠纷 is the fault itself, and a cause of the theme's own words keeps it
    ("因宅基地边界引发的纠纷调处不及时仍是难点", "disputes"),
    ("行政复议答辩材料准备不充分是导致败诉的主要原因", "disputes"),
]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 65: a law's taking effect (…法施行后, 《…条例》实施后) dates the fault and is no lead
    ("新修订的行政处罚法施行后，执法队员对听证程序的新规定掌握不准", "执法队员对听证程序的新规定掌握不准"),
    ("《信访工作条例》实施后，部分村信访事项仍未按规定分类处理", "部分村信访事项仍未按规定分类处理"),
    ("执法队员调走后，公示牌上仍是旧名单", "执法队员调走后"),  # not …后 at large
    # themes set 106: … and so does its having been in force a while (…实施已满三年，但…; …施行以来; …实施两年来)
    ("新修订的行政复议法实施已满三年，但作为被申请人的复议案件调解和解率仍然偏低", "但作为被申请人的复议案件调解和解率仍然偏低"),
    ("《信访工作条例》施行以来，部分村信访事项仍未按规定分类处理", "部分村信访事项仍未按规定分类处理"),
    ("新修订的行政处罚法实施两年来，执法队员对听证程序的新规定仍掌握不准", "执法队员对听证程序的新规定仍掌握不准"),
    ("行政复议法实施不到位，复议答复超期", "行政复议法实施不到位"),  # guard: the law's carrying out is the fault
])
def test_lead_clause__a_law_taking_effect_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


NEW_TASKS_OF_2024_TO_2026 = [
    # themes set 65 (the tasks of new laws and campaigns): a law's taking effect sets the scene, not the 复议法 in it
    ("新修订的行政复议法施行后，社区普法宣传仍以发放传单为主，居民知晓率不高", "publicity"),
    # the enforcers' 手段/方式, not 宣传's (手段单一, 方式单一)
    ("镇综合执法队非现场执法手段单一，占道经营只能靠队员现场巡查发现，以案释法的案例也很少", "capacity"),
    ("城管中队执法方式单一，对流动摊贩多以暂扣物品了事，说服教育做得少", "capacity"),
    # the village's rule-of-law deputy serves the public, as 法治副校长 does the school, though a cadre holds the post
    ("部分村的法治副村长由镇干部兼任，履职多停留在挂牌公示，开展法治讲座寥寥", "publicity"),
    # a dispute someone meets (遇到…纠纷) is the circumstance: whoever meets it decides, not the disputes theme
    ("不少外出返乡的务工人员遇到工伤、欠薪纠纷时只会找老板私了", "publicity"),
    ("部分居民轻信短视频里的“律师”说法，遇到物业纠纷时照搬照套", "publicity"),
    ("部分群众遇到纠纷时不知道向谁求助", "publicity"),
    ("部分村干部遇到纠纷绕着走，习惯推给司法所", "awareness"),
    ("个别网格员遇到矛盾纠纷只登记不上报", "disputes"),  # the 网格's handling of disputes
    # what someone shrugs off (对…不以为然) is the topic: the one who shrugs decides
    ("个别站所负责人对案卷评查指出的问题不以为然，认为“程序瑕疵不影响结果”", "awareness"),
    ("部分村民对秸秆禁烧的规定不以为然，被查处后仍偷偷焚烧", "publicity"),
    # an assessment that looks at traces (考核…痕迹) is oversight's fault, though cadres are its burden
    ("村级事务考核过分看重痕迹，村干部每天忙于拍照上传", "disclosure"),
]


@pytest.mark.parametrize("bullet", ["●", "◆", "★"])
def test_shortcoming_items__items_after_a_bullet_without_the_sentence_that_introduces_them(bullet):
    # written round 79 (▲ items under ■问题差距, after 对照上级要求…仍有差距：): the bullet marks the items, the line
    # before them introduces them, and no item keeps its bullet
    text = (f"二、存在的问题\n对照群众期盼，我镇工作还有不小差距：\n{bullet}执法人员数量偏少。\n"
            f"{bullet}部分干部依法决策意识不强。\n{bullet}政务公开更新滞后。")
    assert _items_of_second_part(text)["text"].tolist() == ["执法人员数量偏少。", "部分干部依法决策意识不强。",
                                                            "政务公开更新滞后。"]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 66: the assessor's putting a thing into its assessment (县里将…纳入…考核后) dates the fault, as
    # 虽然县里已将…纳入考核 concedes it; a thing's own clause (X纳入考核后) stays the lead: X may name the field
    ("县里将行政机关负责人出庭应诉率纳入法治建设考核后，个别乡镇负责人仍以工作忙为由不出庭", "个别乡镇负责人仍以工作忙为由不出庭"),
    ("区里把村规民约备案率纳入街道考评以后，个别社区为赶进度照抄范本", "个别社区为赶进度照抄范本"),
    ("法治文化阵地建设纳入考核后，多数村只挂牌子", "法治文化阵地建设纳入考核后"),
])
def test_lead_clause__the_assessor_putting_a_thing_into_its_assessment_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


THE_MACHINERY_OF_RULE_OF_LAW_WORK = [
    # themes set 66 (the town's own 法治建设 machinery: 领导小组, 述法, 考核, 年度报告, 经费): the assessment's weight
    # and metrics (综合考核/年度考核, 考核…权重/分值, 法治指标) are oversight's, whatever it assesses
    ("法治工作在乡对村综合考核中权重偏小，村干部学法考试成绩也未计入", "disclosure"),
    ("上级下达的法治指标被层层分解到村（社区），村干部疲于填表报数，矛盾纠纷排查反而顾不上", "disclosure"),
    # what the assessor put into its assessment sets the scene: the fault after it decides
    ("县里将行政机关负责人出庭应诉率纳入法治建设考核后，个别乡镇负责人仍以工作忙为由不出庭，习惯委托律师代理", "awareness"),
    ("区里把村规民约备案率纳入街道考评以后，个别社区为赶进度照抄范本，未经居民会议讨论表决", "decisions"),
    ("州里将信访事项及时受理率纳入乡镇年度考核后，个别乡镇为保排名把群众来信转给村里“自行消化”，部分诉求长期无人回复", "disputes"),
    ("法治文化阵地建设纳入考核后，多数村只挂牌子、建展板", "publicity"),
    # what money goes to (经费…用于/用在/花在…) is the topic: the money is the fault
    ("街道法治工作经费大多花在普法宣传活动上，社区法律顾问的聘用经费一直没有着落", "capacity"),
    ("镇里的法治专项经费主要用在法治文化广场和普法长廊上，司法所连一台像样的电脑都配不齐", "capacity"),
    ("普法经费多用于印发传单、悬挂横幅，宣传形式单一", "publicity"),  # the spending's form is the fault
]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 67: who told of the fault (据…反映/反馈/介绍/称) is no lead, the fault told is
    ("据驻村律师反映，部分村集体合同未经审核即签订", "部分村集体合同未经审核即签订"),
    ("据社区网格员介绍，小区公示栏的收支明细半年未更新", "小区公示栏的收支明细半年未更新"),
    ("有的调解员坦言，村里的调解协议多是手写的白条", "村里的调解协议多是手写的白条"),
    ("有不少商户反映，市场监管所的抽检结果从不公布", "市场监管所的抽检结果从不公布"),
    ("据群众反映的线索无一查实，村级监督形同虚设", "据群众反映的线索无一查实"),  # not a teller: its clause judges
])
def test_lead_clause__the_one_who_told_is_not_the_lead(text, lead):
    assert lead_clause(text) == lead


REPORTED_VOICES = [
    # themes set 67 (the fault told in someone else's words): the teller's word (网格员, 调解员) does not decide
    ("据网格员反映，镇综合执法中队夜间只有2名队员值班，违建举报常常无人核查", "capacity"),
    ("据网格员称，村里的集体资产台账从未向村民公开", "disclosure"),
    ("据调解员反映，部分村干部对土地承包法的规定一知半解，调整承包地时凭经验拍板", "awareness"),
    ("有执法队员坦言，部分站所负责人对行政处罚法的新规定一知半解", "awareness"),
    # a request a cadre handles (干部在处理…诉求时) is where the fault shows: the cadre decides, not 诉求
    ("有居民反映，个别社区干部在答复居民诉求时张口就是“上面定的”，不讲法律依据", "awareness"),
    ("少数班子成员办理信访人诉求时只求“息事宁人”，依法办事的观念不强", "awareness"),
    ("街道在办理12345热线诉求时多头转办，诉求长期无人牵头", "disputes"),  # a body's handling stays disputes
    # herders and fishers who do not know the law are the public, as 村民 are, whoever they turn to
    ("部分渔民对伏季休渔的法律规定不了解，村干部上门讲解也听不进去", "publicity"),
    ("不少牧民对禁牧补助政策的法律依据不熟悉，有问题只会找村干部", "publicity"),
]


BUSINESS_ENVIRONMENT = [
    # themes set 68 (development zones and the business environment): fining in place of managing (以罚代管,
    # 一罚了之, 只罚不管, 罚而不管, 以罚代教) is the enforcers' conduct, whatever the rest says of 普法 or 纠纷
    ("部分站所对违规经营的商户习惯以罚代管，罚款后不跟踪整改，普法宣传也没跟上", "capacity"),
    ("城管执法“一罚了之”，对占道摊贩的法治宣传教育不够", "capacity"),
    ("市场监管所对无证小作坊只罚不管，罚款后群众举报仍照常营业，公开的处罚信息也不全", "capacity"),
    ("对违法建房的农户以罚代教，事后村民对违建的违法性仍认识不足", "capacity"),
    ("自然资源所对非法占地罚而不管，复耕整改无人跟踪，引发邻里纠纷", "capacity"),
    # consultation before a rule is a decision's step, though those consulted stand between its words
    # (未公开征求摊主和居民意见: not 公开's disclosure)
    ("镇里修订集镇摊位管理办法时未公开征求摊主和居民意见，执行中矛盾不断", "decisions"),
    ("社区出台停车收费方案前没有征求业主意见，公示后业主意见很大", "decisions"),
    ("县里制定园区企业用工补贴政策前，未广泛征求企业意见", "decisions"),
    ("村里调整机动地承包费前没有征求村民代表的意见，公开栏也只贴了两天", "decisions"),
    ("群众对征求意见稿的公开渠道不了解", "publicity"),  # what the public does not know: the knower decides
]


VILLAGE_SELF_GOVERNANCE = [
    # themes set 69 (the villages' self-governance as the town reports it): a cadre named as who did it (由村干部…,
    # 由村“两委”成员…) is the doer: the deed decides
    ("部分村集体机动地出租由村干部私下与老板商定租金，没有形成书面协议", "decisions"),
    ("个别村的扶贫项目资金使用由驻村干部一人拍板", "decisions"),
    ("村里的低保对象由村“两委”成员直接确定，未张榜公示", "disclosure"),
    ("少数村干部对村级工程发包程序不熟悉", "awareness"),  # no 由: the cadres' still
    # what a cadre holds a duty or procedure to be (把…看成/视为/当成…) is the topic: the cadre's view decides
    ("少数班子成员把规范性文件合法性审查视为“走过场”，学法时也只是应付", "awareness"),
    ("个别村党支部书记把村务公开当成“给人看笑话”，依法办事意识不强", "awareness"),
    ("部分站所把普法宣传当成发传单、挂横幅", "publicity"),  # a body's practice: the work's word decides
    # a law-trained staff's absence is staffing; judging by one's own experience (凭…经验) the cadres'; a village
    # group's leader is a cadre, not the public
    ("社区“两委”班子中没有一人有法律专业背景，遇到物业纠纷只能请街道帮忙", "capacity"),
    ("个别村委会主任调整承包地时全凭个人经验，不问法律怎么规定", "awareness"),
    ("个别村民小组长遇到邻里吵架只会“和稀泥”", "awareness"),
    # asking for views before a decision (征求…意见), and passing a thing unreviewed (未经审查), are the decision's
    ("个别村调整集体收益分配方案前没有公开征求村民意见", "decisions"),
    ("镇里修订殡葬改革实施细则时只在机关内部征求了各站所意见", "decisions"),
    ("个别村的土地流转方案未经审查就提交村民会议，群众意见较大", "decisions"),
]


EAST_AND_SOUTH_PLAIN_ITEMS = [
    # themes set 70 (plain items of the east and south): 村（居）民, villagers and residents named at once, are the
    # public, as 村民 and 居民 are (not 村（居）民委员会 or 村（居）干部)
    ("部分村（居）民法治意识淡薄，遇事习惯托熟人找关系", "publicity"),
    ("少数村(居)民守法用法的观念还不强", "publicity"),
    ("村（居）民对新修订的土地管理法的认识还不到位，违法占地建房时有发生", "publicity"),
    ("个别村（居）民委员会成员法治意识不强", "awareness"),
    ("村（居）干部学法不经常", "awareness"),
    # the ability to handle a matter by law (依法处理/办理/处置…能力) is the handler's, as 依法履职…能力 is:
    # not the matter's theme (信访, 矛盾, 诉求)
    ("少数社区工作者依法处理信访事项的能力不足", "awareness"),
    ("个别新任街道干部依法处理邻里矛盾的本领不强", "awareness"),
    ("部分窗口工作人员依法办理群众诉求的能力有待提高", "awareness"),
    ("执法队员依法处置违法建筑的能力不足", "capacity"),  # the enforcers' ability stays theirs
    ("群众遇事不知如何依法处理", "publicity"),  # no ability: the public's
]

LAND_ENVIRONMENT_AND_EMERGENCIES = [
    # themes set 71 (land, environment and emergencies): the chiefs of the 河长制, 田长制 and 林长制 are cadres
    # (cues of theirs); the system's name is the sector and no chief
    ("个别镇级林长对森林法关于林木采伐许可的规定说不清，巡林发现村民盗伐也不会依法处置", "awareness"),
    ("少数村级河长对水污染防治法的禁止性规定心中无数，村民往河里倾倒垃圾也不去制止", "awareness"),
    ("河长制推行以来，沿河养殖户对养殖尾水须达标排放的规定仍不清楚", "publicity"),
    # what someone does not understand or master (对…认识不足/认识不够/认识不到位/掌握不准/掌握不够) is the topic,
    # as what one does not know: the knower decides
    ("少数牧民对超载放牧、开垦草原须承担的法律责任认识不够，草场退化问题仍然突出", "publicity"),
    ("沿河群众对汛期河道内禁止采砂、设障的法律规定认识不到位，防汛检查中屡劝不改", "publicity"),
    ("个别镇级河长对河道采砂许可的执法程序掌握不准，发现盗采只会打电话给水利站", "awareness"),
    ("部分镇干部对燃气安全监管的属地责任认识不足，检查走过场", "awareness"),
    ("镇综合执法队员对非法采矿案件的证据标准掌握不准，3起案件被退回补充侦查", "capacity"),
]

GROUPS_AND_PUBLIC_LEGAL_SERVICES = [
    # themes set 72 (the groups the law serves and the public legal services): a notary is legal-service staff
    ("县公证处只有3名执业公证员，偏远乡镇群众办理继承公证往返奔波", "capacity"),
    ("个别公证员办理农村房屋继承公证时核实不严，出具的公证书被法院判决撤销", "capacity"),
    # those under community correction or resettlement aid are the public (cues of theirs), and the 对 of 对象 is
    # no 对 of what someone does not know
    ("部分安置帮教对象对就业扶持政策和自身法定义务不了解，回归社会后屡次违法", "publicity"),
    ("个别社区矫正对象对外出请假的规定不熟悉，多次未经批准离开居住地", "publicity"),
    ("部分刑满释放人员回村后不知道到哪里办理户籍和社保，常常四处碰壁", "publicity"),
    # an office's name before its cadres says whose they are when their clause names another theme's fault
    ("司法所干部对社区矫正法实施办法学得不深，调查评估意见写得过于简单", "awareness"),
    ("调委会干部对民法典婚姻家庭编的规定理解不深，调解离婚财产分割时说不出法律依据", "awareness"),
    ("司法所干部少、任务重，社区矫正和人民调解都顾不过来", "capacity"),  # nothing else in its clause
    ("乡镇公共法律服务站主要靠司法所干部坐班，群众遇到纠纷多只能找村干部说和", "capacity"),  # 村干部: next clause
]


THE_QUALITY_OF_A_WORK = [
    # written round 85: a bare quality (规范化, 标准化) after another theme's keyword is that work's quality
    ("合法性审查的规范化水平偏低，审查意见过于简单", "decisions"),
    ("信息公开的标准化水平不高，部分栏目长期未更新", "disclosure"),
    ("人民调解工作规范化程度不高，台账记录过于简单", "disputes"),
    ("重大行政决策规范化水平不高，个别事项出台仓促", "decisions"),
    ("执法规范化水平不高，个别案件办理拖沓", "capacity"),  # the enforcers' own stays theirs
]


HOW_ENFORCEMENT_IS_DONE = [
    # themes set 73 (how enforcement is done): the recording of the 三项制度 (全过程记录, 执法记录仪, 音像记录) is the
    # enforcers' conduct, whatever the rest says of a complaint, a petition or a review
    ("街道城管中队全过程记录制度执行不严，夜间查处占道经营时常常不开记录仪，商户投诉后难以还原现场", "capacity"),
    ("执法记录仪佩戴使用不规范，部分当事人申请复议时镇里调取不到现场视频", "capacity"),
    ("现场勘验的音像记录缺失较多，信访人对处罚结果不服时无据可查", "capacity"),
    # a one-sided reading (理解片面, 片面理解) is the reader's, as 理解不深 is: a cadre's is the cadres'
    ("个别镇领导对柔性执法理解片面，认为对商户“只劝不罚”才是优化营商环境", "awareness"),
    ("少数站所负责人片面理解“轻微免罚”，对辖区商户违规经营一律不立案", "awareness"),
    ("执法队员对包容审慎监管理解片面，对首次违法的商户一律不罚", "capacity"),  # the enforcers' stays theirs
    # a leader content with a report (满足于听取…汇报): the one who reports is no fault of the leader's
    ("分管副乡长签批行政处罚决定时满足于听取执法人员的口头汇报，很少翻看案卷", "awareness"),
    # a cadre's portfolio (分管执法工作的副镇长) names the cadre, not the fault
    ("分管信访工作的副镇长对《信访工作条例》的规定说不清", "awareness"),
    ("分管综合执法的副镇长对行政执法“三项制度”的要求掌握不准", "awareness"),
]


PARTY_COMMITTEE_LANGUAGE = [
    # themes set 75 (the party committee's language): no staff for a task (无专人, 没有专人, 缺少…专人) is
    # staffing, whatever the task's or the stand-in's word (社区矫正, 网格员, 调解委员会)
    ("社区矫正工作没有专人负责，矫正对象的走访记录多由网格员代填", "capacity"),
    ("村级人民调解委员会无专人值守，群众有纠纷找不到人", "capacity"),
    # the law taken to the people (送法进…, 送法上门, 送法入户) is publicity, though cadres attend or run it
    ("“送法进企业”活动多为管委会干部参加，企业员工到场的不多", "publicity"),
    ("送法入户活动以村干部发资料为主，村民听讲解的很少", "publicity"),
    ("送法上门多是村干部陪着拍照留痕，外出务工返乡人员很少听到", "publicity"),
    ("协议起草后未送法律顾问审查", "decisions"),  # 送法律顾问 is no 送法
    # the party's own study (“三会一课”) short of law is the cadres' study, whatever the rest says of 纠纷 or 信访
    ("部分村党支部“三会一课”很少涉及法治内容，村干部调解纠纷时仍凭人情", "awareness"),
    ("机关党支部“三会一课”中法律知识学习偏少，干部处理信访事项时说不出法律依据", "awareness"),
    ("执法中队党支部“三会一课”按时开展，但执法人员持证率仅六成", "capacity"),  # 三会一课 alone decides nothing
]


CHALLENGED_ACTS = [
    # themes set 77 (复议, 诉讼 and 信访 outcomes): a case named by its outcome (复议纠错案件, 败诉案件) is the topic;
    # what was not done with it decides
    ("复议纠错案件的整改情况未向社会公开", "disclosure"),
    ("行政诉讼败诉案件未在党委会上通报剖析，相关责任人也未被问责", "disclosure"),
    ("败诉案件没有用于以案释法，群众对依法维权的途径仍不清楚", "publicity"),
    # … and when such a case is all an item names, the act corrected or lost is a decision not lawfully made (round 111)
    ("行政复议纠错案件仍有发生，个别部门行政行为不够规范", "decisions"),
    ("行政诉讼败诉案件时有发生", "decisions"),
    ("被复议纠错的案件仍有发生，个别站所行政行为不规范", "decisions"),
    ("败诉、纠错案件仍然存在，应诉工作还需加强", "disputes"),  # 应诉 names the dispute work: the title stays a topic
    # the duty staff are counted for (负责/承担/从事…的仅有/只有…) is no fault: their number is
    ("负责信访复查和复议答复的仅有1名工作人员，答辩材料常常逾期", "capacity"),
    ("承担行政复议和应诉工作的只有2名工作人员", "capacity"),
    ("镇矛调中心只有1名工作人员，纠纷调处全靠村里", "capacity"),  # 只有…工作人员, as 仅有…工作人员
    # an outcome put first, its cause after (…败诉1起，系因…): the cause is the fault; not any lead (纠纷增长)
    ("2024年街道被复议纠错3件，主要是因为作出决定前未经合法性审查", "decisions"),
    ("乡政府行政诉讼败诉1起，系因出台征收文件时未公开征求意见", "decisions"),
    ("今年矛盾纠纷同比增长两成，主要是因为群众法律意识淡薄", "disputes"),
    # the cadres' study of 行政诉讼法 (as 复议法) and a head's face before the court (出庭…面子) are the cadres'
    ("班子成员学习行政诉讼法不系统，答辩时说不出依据", "awareness"),
    ("少数班子成员觉得出庭应诉丢面子，能推就推", "awareness"),
    # a decision taken without a hearing (决定…听证, 决策…听证) is decisions, whatever is published after
    ("征收补偿决定未经听证即作出，群众意见未被采纳", "decisions"),
    ("老街改造的决策未经听证即提交党委会，群众质疑后才补开公示", "decisions"),
]


CAUSE_PUT_FIRST = [
    # themes set 78: a cause put first with the fault straight after it (因…，…; 由于…，…; 受…影响，…), the cause
    # naming other themes' words: the fault leads
    ("因调解纠纷和普法宣传占用大量时间，街道执法队员持证上岗率仍然偏低", "capacity"),
    ("由于合法性审查和信访接待任务繁重，镇里面向村民的法治宣传活动偏少，形式单一", "publicity"),
    ("受执法检查和纠纷调处工作牵扯，站所干部学法培训时间难以保证", "awareness"),
    ("因执法人员不足、普法力量分散，部分村调委会调解纠纷不及时，矛盾积压较多", "disputes"),
    ("由于调解员少、执法任务重，街道执法结果和财务收支的公开不够及时", "disclosure"),
    ("因普法培训多、执法力量紧，镇里出台规范性文件前未经合法性审查", "decisions"),
    # not when what follows is the cause's outcome: the cause is the fault
    ("因执法人员法律素养不高，3件行政处罚在复议中被撤销", "capacity"),
    ("由于执法队员取证不规范，今年有2件处罚决定被法院判决确认违法", "capacity"),
    # a cadre's 决策…意识, as 决策…观念: the cadres' (a village's or a procedure's 决策意识 stays decisions)
    ("个别村书记依法民主决策的意识淡薄，重大事项不经合法性审查就拍板", "awareness"),
    ("部分班子成员科学决策、依法决策意识不强，认为征求意见和合法性审查“耽误时间”", "awareness"),
    ("少数站所负责人依法决策意识淡薄，对重大行政决策程序规定不熟悉", "awareness"),
    ("个别村干部按程序决策的意识还不牢，土地流转合同签订前不经合法性审查", "awareness"),
    ("部分村级组织依法决策意识仍需强化，村集体资产发包前未经合法性审查", "decisions"),  # a body's: stays
]

ETHNIC_PASTORAL_AND_BORDER = [
    # themes set 79 (ethnic, pastoral and border townships): a public on the move (牧民, 渔民, 务工人员…流动性大) sets
    # the scene, as 人口…流动性大 does; staff named between keep it staffing
    ("渔民常年在外海作业、流动性大，法治宣传多安排在休渔期集中开展", "publicity"),
    ("外来务工人员居住分散、流动性大，法律援助的宣传很难送到手中", "publicity"),
    ("牧民反映乡里执法辅助人员流动性大，巡查时常换新面孔", "capacity"),
    # a cadre's recruitment (新招录的年轻干部) says which cadres, not a staffing fault; recruiting none is staffing
    ("近年招录的年轻干部依法办事能力不足，调解纠纷时只会照搬文件", "awareness"),
    ("乡里新招录的大学生干部学法不够系统，对草原法、边境管理条例说不清", "awareness"),
    ("苏木近三年没有招录过年轻干部，执法岗位后继无人", "capacity"),
    # who or what an assessment scores (对…的考核/考评) is the topic: the assessment's fault decides
    ("镇里对调解员的考评多看台账登记的件数，调解质量无人过问", "disclosure"),
    ("街道对执法队员的年度考核只看办案数量，办案质量不作要求", "disclosure"),
    ("对村干部的考核多看台账资料，学法用法实效无人过问", "disclosure"),
]

FAULTS_IN_FIGURES = [
    # themes set 80 (faults counted): what a test's questions were on (涉及…的题目, …类试题) is the topic; those tested
    # and their low score decide
    ("对全镇9名站所负责人进行法律知识测试，平均分只有58分，涉及人民调解和信访办理的题目错误率最高", "awareness"),
    ("对街道机关干部开展法律知识测验，合格率仅为七成，关于政务公开、合法性审查的试题失分较多", "awareness"),
    ("对200名村民开展普法问卷测试，涉及土地承包、宅基地纠纷的题目正确率不足四成", "publicity"),
    ("执法人员业务考试中涉及证据规则的试题正确率仅为45%，现场取证不规范的问题较为突出", "capacity"),
    # a cadres' 法律知识测试 or 测验 is their study, as 法律知识考试, though an inspector gave it
    ("县督察组对镇机关10名干部进行法律知识测试，平均分57分，4人不及格", "awareness"),
]

A_COUNTY_S_OWN_ITEMS = [
    # themes set 81 (a county government's items): what a policy interpretation is of (…的政策解读) is the topic;
    # the interpretation's fault decides, whatever documents it names
    ("集体资产处置办法、征地补偿标准的政策解读发布滞后，群众看不懂、找不到", "disclosure"),
    ("对新出台的规范性文件和重大行政决策的政策解读不够深入，解读材料多为原文照搬", "disclosure"),
    ("部分乡镇重大行政决策未经合法性审查即出台，事后的政策解读也流于形式", "decisions"),  # the decision's fault leads
]

NORTH_AND_EAST_SPECIAL_CAMPAIGNS = [
    # themes set 82 (华北 and 华东 townships' 专项 items): the staff counted behind a long office's name (只有/仅有…名
    # 工作人员: 只有综治办公室2名工作人员) are the fault, as 只有…工作人员 is; and one who doubles a job (兼管) is staffing,
    # as 兼办 is
    ("街道负责出租房屋消防检查的只有综治办公室2名工作人员，群租房隐患排查难以全覆盖，租户投诉较多", "capacity"),
    ("党政办1名干事兼管法治工作，普法台账常常到年底才补记", "capacity"),
    ("只有1名工作人员参加了市里组织的执法培训", "capacity"),  # guard: 只有…工作人员 already
    ("司法所仅有1名工作人员，调解纠纷力不从心", "capacity"),  # guard
    # the ability to handle a kind of problem by law (依法处理/处置…问题的能力), the problem named at length, is the
    # handler's, as 依法处理…能力 is
    ("部分村干部依法处理宅基地纠纷问题的能力不足，调解时只会“各打五十大板”", "awareness"),
    ("少数站所负责人依法处置群体性信访问题的能力不强，遇事习惯“花钱买平安”", "awareness"),
    ("个别网格员依法处理邻里噪声问题的能力不足，居民投诉后只会登记上报", "awareness"),
    ("执法队员依法处置违法建设问题的能力不足，案卷证据不全", "capacity"),  # guard: the enforcers' stays theirs
]

CENTRAL_AND_SOUTH_WEST_TOWNSHIPS = [
    # themes set 83 (华中 and 西南 townships of 2021–2022; the set itself 30 of 30, these from its writer's probes in
    # other wordings): a cadre's 依法办事(的)观念 is the cadres' awareness, as 依法办事意识 and 依法行政观念 are
    ("部分站所负责人依法办事的观念不强，答复群众诉求时随意表态", "awareness"),
    ("镇机关部分干部依法办事观念淡薄，对群众信访诉求“能推则推”", "awareness"),
    ("村干部依法办事意识不强，调解纠纷凭经验", "awareness"),  # guard: 依法办事意识 already
    # what the public was not told (…群众不知情) is disclosure's fault, not the public's awareness
    ("低保评审结果群众普遍不知情", "disclosure"),
    ("征地补偿款发放明细被征地农户大多不知情，多次到镇里询问", "disclosure"),
    ("群众对低保申请条件了解不多", "publicity"),  # guard: what the public does not know of the law stays theirs
    # the public's thought (群众/村民/居民…想法) is theirs, as their 观念 is; a short quoted phrase in a keyword's gap
    # counts as one character (村民仍有“小闹小解决、大闹大解决”的想法), and its words are the thought's, not the fault's
    ("部分村民仍有“小闹小解决、大闹大解决”的想法，遇到补偿问题就聚集上访", "publicity"),
    ("一些村民“有事找村干部、不找法律”的观念根深蒂固", "publicity"),
    ("个别村干部仍有“重结果、轻程序”的想法", "awareness"),  # guard: the cadres' thought stays theirs
    ("个别班子成员“重发展、轻法治”的思想仍未根除", "awareness"),  # guard: a quote's words count where no gap spans it
]

BIG_CITY_STREET_OFFICES = [
    # themes set 84 (street offices of big cities, 2024–2025; 27 of 30 first, these in other wordings): what someone
    # does not know, grasp or heed (对…不以为然/认识不足/了解不多/把握不准) is theirs whose cues name the holder, whichever
    # theme lists the verdict's word: the public's (业主, 商户, 司机, 租户, 快递员, 骑手) or the cadres'
    ("部分业主对业主大会议事规则不以为然，认为“交不交物业费是自家的事”", "publicity"),
    ("少数沿街商户对“门前三包”责任不以为然，占道经营屡劝不改", "publicity"),
    ("个别网约车司机对非法营运的法律后果认识不足", "publicity"),
    ("部分群租房租户对消防安全规定认识不到位，私拉电线屡禁不止", "publicity"),
    ("部分快递员对电动自行车违规改装的法律责任认识不足", "publicity"),
    ("个别村干部对土地管理法的规定了解不多，审批宅基地时把关不严", "awareness"),
    ("少数社区干部对物业管理条例知之甚少，指导业委会换届时无从下手", "awareness"),
    ("部分社区干部对物业管理条例的规定把握不准，答复居民诉求时随意表态", "awareness"),
    ("部分村民对秸秆禁烧的规定不以为然，被查处后仍偷偷焚烧", "publicity"),  # guard: a listed pair (村民…不以为然)
    ("个别班子成员对出庭应诉的要求不以为然", "awareness"),  # guard: a cadre's shrug stays the cadres'
    ("执法队员对新承接事项的处罚标准把握不准", "capacity"),  # guard: the enforcers' grasp is their work's
    # a load counted per head (人均负责/承担/服务/管辖) is staffing
    ("社区工作者人均服务居民近600人，开展法律服务力不从心", "capacity"),
    ("网格员人均负责300余户，入户排查难以做到全覆盖", "capacity"),
    ("街道执法中队人均承担执法事项90余项，日常巡查难以覆盖", "capacity"),  # guard: 执法中队 already
    # a unit's name (网格) and its worker (网格员) right before another theme's word say who does the work, as an
    # office's name does (司法所普法): the work's word decides; a worker named by the work (调解员) is that work's
    ("社区网格员兼职多，矛盾排查常常流于登记", "capacity"),
    ("网格员普法多靠微信群转发，矛盾纠纷排查时也很少讲法", "publicity"),
    ("网格员排查上报矛盾纠纷不及时", "disputes"),  # guard: the grid's own work
    ("村级调解员业务能力不强，部分纠纷久调不决", "disputes"),  # guard: the mediators' strength is the dispute work's
]

NORTH_EAST_AND_NORTH_TOWNSHIPS = [
    # themes set 85 (townships of 东北 and 华北, 2021–2023; 27 of 30 first, these in other wordings): a big grower or
    # breeder (种植大户, 养殖大户, 种粮大户) is the public, as 种植户 and 养殖户 are, so what they do not know is publicity's
    ("部分养殖大户对畜禽粪污处理的法律规定不清楚", "publicity"),
    ("少数种粮大户对土地流转合同的约定一知半解", "publicity"),
    # the public's 法治意识/法律意识/法治观念/法律观念 reaches past the topic it is of (村民森林防火的法治意识), one
    # character longer than 村民…意识 reaches; never past the cadres (做群众工作的干部法治意识 is theirs)
    ("个别村民森林防火的法治意识淡薄", "publicity"),
    ("部分居民垃圾分类的法律意识不强", "publicity"),
    ("一些群众禁毒防毒的法治观念仍然淡薄", "publicity"),
    ("做群众工作的干部法治意识不强", "awareness"),  # guard: read as publicity by the widened words before this rule
    ("部分村干部秸秆禁烧的法治意识不强", "awareness"),  # guard: the cadres' awareness stays theirs
    # a result clause after the lead (…，致使…; …，导致…) tells what the fault did: it counts only when nothing else
    # names a theme, as 引发… does
    ("村集体鱼塘承包合同未约定违约责任，致使承包户拖欠承包费引发纠纷", "decisions"),
    ("镇里出台的禁烧奖惩办法个别条款不合理，导致群众意见较大、信访增多", "decisions"),
    ("部分执法人员取证不规范，导致2起处罚案件在复议中被撤销", "capacity"),  # guard: the lead decides
    ("村里机动地长期闲置，导致村民之间争地纠纷不断", "disputes"),  # guard: nothing else names a theme
    ("由于普法宣传不到位，导致部分村民法律意识淡薄", "publicity"),  # guard: a cause put first leads to its result
]

COASTAL_TOWNS = [
    # themes set 86 (coastal towns of 华东 and 华南, 2023–2025; 30 of 30 first, its writer's probes found these, in other
    # wordings): a second fault joined by 同时/此外/另外 after the first does not lead; its words count only when
    # nothing before it, cues included, names a theme (the lead's cue outweighs the second fault's keyword)
    ("镇综合执法队夜间巡查未得到有效落实，同时对群众反映的噪声扰民诉求回应不及时", "capacity"),
    ("少数站所负责人带头守法不够，此外部分村规民约未经合法性审查", "awareness"),
    ("部分游客和民宿住户文明守法不够，同时民宿集中区执法力量不足", "publicity"),
    ("渔港码头的执法检查多为突击式，另外渔船船员安全培训流于形式", "capacity"),
    ("部分领导对涉企检查“扫码入企”要求不熟悉，同时检查中仍有重复检查现象", "awareness"),
    ("镇执法人员配备不足，同时矛盾纠纷排查不到位", "capacity"),  # guard: a lead keyword decides either way
    ("台风期间应急转移方案未经集体讨论，同时转移安置信息公开不及时", "decisions"),  # guard: the same
    ("渔船停港期间船员多，同时码头周边邻里纠纷增多", "disputes"),  # guard: nothing before names a theme
]

LEDGERS_AND_OWN_FAULTS = [
    # themes set 87 (述法 reports and 整改清单 of 2021–2025: 本人…, 问题：…；原因：…；措施：…, 督察/巡察/审计 findings;
    # 28 of 30 first, these in other wordings): a legal adviser's lectures or talks (法律顾问…讲座, 法律顾问…宣讲) are
    # taken to the public, as 法治副村长's are, not the cadres' 法治讲座 nor the adviser's part in decisions
    ("村法律顾问进村开展法治讲座次数偏少", "publicity"),
    ("驻村法律顾问举办法治讲座流于形式，村民听不懂", "publicity"),
    ("社区法律顾问宣讲民法典多照本宣科", "publicity"),
    ("邀请法律顾问为机关干部开展法治讲座次数少", "awareness"),  # guard: the cadres' lecture (no gap past 干部)
    ("机关干部参加法治讲座不积极", "awareness"),  # guard: no adviser
    ("法律顾问参与重大决策不够深入", "decisions"),  # guard: the adviser in decisions
    # the annual report (法治政府建设年度报告, 信息公开年度报告, 依法行政年度报告) is the town's account to the public:
    # oversight and disclosure, whatever its review is called (审核把关)
    ("年度报告照抄上年文本", "disclosure"),
    ("镇法治政府建设年度报告多罗列成绩、回避问题", "disclosure"),
    ("依法行政年度报告审核把关不严，报送滞后", "disclosure"),
    ("镇政府信息公开年度报告内容简单、数据不全", "disclosure"),  # guard: 信息公开 already
    ("述法报告照搬模板", "awareness"),  # guard: a 述法 report is the cadres'
    ("规范性文件审核把关不严", "decisions"),  # guard: the review of a document is decisions'
    # (its writer's probes, written after reading the list:) a deal made without the collective's study (未经集体研究,
    # 没有经过集体研究) or without a tender (未公开招标, 未按规定招标) is decisions', as 未经集体讨论 and 招租 are
    ("审计发现，镇政府2笔专项资金未经集体研究即拨付使用", "decisions"),
    ("村级工程项目没有经过集体研究就开工建设", "decisions"),
    ("审计指出，村集体门面房出租未进行公开招标", "decisions"),
    ("镇政府采购项目未按规定招标", "decisions"),
    ("个别领导常说“集体研究过了，出了事大家担”", "awareness"),  # guard: a leader's saying, no missing study
    ("村务监督委员会对村级工程招投标监督不到位", "disclosure"),  # guard: 招投标 is no 招标, the oversight decides
]

NORTH_WEST_AND_SOUTH_WEST_MOUNTAINS = [
    # themes set 88 (民族 areas and mountain counties of the north-west and south-west, 2022–2025: 双语普法, 宗教事务,
    # 安置社区, 草原/林地权属, 移风易俗, 驻村工作队, 护林员/护边员; 26 of 30 first, these in other wordings): collecting
    # and fixing evidence (取证, 固定证据) is enforcement's conduct, capacity, whoever patrols
    ("生态管护员缺乏取证技能，发现盗猎线索只能口头报告", "capacity"),
    ("村级护路员遇到违法占道时不会拍照固定证据", "capacity"),
    ("草管员对偷牧行为的现场取证不规范", "capacity"),
    ("执法人员调查取证不规范", "capacity"),  # guard: staffing already
    ("部分村民遇到侵权时不懂得保留证据，依法维权意识不强", "publicity"),  # guard: evidence the public keeps
    # a forest or border ranger's own 意识/观念 (护林员, 护边员: villagers hired to patrol) is the public's, as a 边民's
    # is; the patrol's strength stays staffing, a ranger's selection published or not oversight
    ("部分护林员法律意识淡薄，巡山时自己带火种进山", "publicity"),
    ("个别护边员法治观念不强，私自带人越界放牧", "publicity"),
    ("护林员多为兼职，巡护力量不足", "capacity"),  # guard
    ("护林员选聘结果未公示", "disclosure"),  # guard
    # written round 98: a herder's, fisher's, border resident's or farmer's 观念/素养 (农牧民法治观念…) is the public's,
    # as their 意识 is; the cadres' own 观念 stays awareness
    ("少数牧民法治观念不强，超载放牧屡禁不止", "publicity"),
    ("部分渔民法律观念淡薄，休渔期偷捕现象时有发生", "publicity"),  # guard: right before (渔民 a cue already)
    ("个别边民守法观念不牢，私自越界放牧", "publicity"),  # guard: right before (守法)
    ("一些农民法律观念仍较淡薄，占用耕地建房屡有发生", "publicity"),
    ("嘎查牧民法律素养普遍不高", "publicity"),
    ("部分干部法治观念不强，习惯以会议纪要代替合法性审查", "awareness"),  # guard: the cadres' own
    ("部分村干部法治观念较为淡薄", "awareness"),  # guard: the cadres' own
    # cadres posted in (从各科室抽调的干部, 抽调的机关干部) are which cadres, as 新招录的年轻干部 are, not a staffing
    # fault; 抽调 as a verb stays staffing
    ("街道从各科室抽调的干部对物业管理条例学习不深", "awareness"),
    ("县里抽调的机关干部依法办事意识不强，处理群众诉求时只会推诿", "awareness"),
    ("执法队员多为临时抽调，流动性大", "capacity"),  # guard
    ("司法所干部常被抽调从事中心工作", "capacity"),  # guard
    # doers joined after 由 (由村主任和个别“两委”成员商定; 由村书记和部分村干部…): the deed decides, as with one doer
    ("村级公益岗人选由村主任和个别“两委”成员商定，未经村民代表会议评议", "decisions"),
    ("低保评定名单由村主任与少数村干部私下商定，未张榜公示", "disclosure"),
    ("村里的护林员人选由村书记和部分村干部商定，未经村民代表会议推选", "decisions"),
    ("由于个别村干部和两委成员学法不深，处理土地纠纷时凭经验办事", "awareness"),  # guard: 由于 is a cause
    ("村民小组长和两委成员对草原法一知半解", "awareness"),  # guard: no 由
]

CENTRAL_AND_SOUTH_INLAND_TOWNS = [
    # themes set 89 (street offices and towns of 华中 and 华南 inland, 2023–2025: 三项制度, 赋权事项, 合法性审查, 政务公开
    # 专栏, 信访 and 诉源治理, 法律顾问, 学法, 重点人群 普法; 28 of 30 first, these in other wordings): a school's name
    # before 法治/法制/法律 (中小学法治教育, 中学法制课) holds no 学法 of the cadres'
    ("镇中学法治教育课时得不到保证，青少年防范毒品、网络诈骗的意识较弱", "publicity"),
    ("辖区中小学法制课多由班主任临时代上，青少年自我保护的法律常识欠缺", "publicity"),
    ("小学法治教育多停留在开学第一课，校园周边普法宣传不经常", "publicity"),
    ("镇机关集中学法治理论次数少", "awareness"),  # guard: 集中学法 is the cadres'
    ("部分村干部学法律知识不主动", "awareness"),  # guard
    ("中小学校园周边普法宣传不够", "publicity"),  # guard
    # what a site's or a board's column holds (…的法律顾问、合法性审查栏目) is its topic: the column's fault decides
    ("街道门户网站的法律顾问、合法性审查栏目内容空白", "disclosure"),
    ("村务公开栏的矛盾纠纷调解、信访事项办理栏目长期不更新", "disclosure"),
    ("镇政府网站的执法主体、执法依据栏目长期未维护", "disclosure"),
    ("镇政府网站“法治宣传”栏目全年仅更新数条，且多为转载，群众浏览量很低", "publicity"),  # guard: no 的, its own kind
    ("政务公开栏目更新慢，防疫政策解读少", "disclosure"),  # guard
    ("重大行政决策未经合法性审查，决策结果也未在政府网站的公开栏目发布", "decisions"),  # guard: the lead decides
]

NORTH_AND_NORTH_WEST_TOWNS = [
    # themes set 90 (towns and street offices of 华北, 东北 and 西北, 2025: 涉企行政检查, 执法监督, 执法队伍, 行政复议
    # and 应诉, 营商环境, 法治乡村, 双语普法, 草场/征迁 矛盾, 惠农补贴 公开, 村规民约; 28 of 30 first, these in other
    # wordings): a firm's head (企业负责人, 企业法定代表人, 经营者) is the public, so what they do not know or heed is
    # publicity's, not the cadres' that the 负责人 in it would name
    ("个别企业负责人对安全生产法的新规定了解不多", "publicity"),
    ("少数企业法定代表人对劳动合同法的规定不以为然，拖欠工资时有发生", "publicity"),
    ("部分民营企业负责人对《反不正当竞争法》认识不足", "publicity"),
    ("部分网店经营者对广告法的禁止性规定不以为然", "publicity"),
    ("部分个体经营者对食品安全法的规定知之甚少", "publicity"),  # guard: the verdict is the public's already
    ("个别站所负责人对行政处罚法的新规定了解不多", "awareness"),  # guard: a 站所's head is a cadre
    ("部分企业负责人法律意识淡薄", "publicity"),  # guard
    # a cadre's thought in quotes (负责人认为“…”, 干部仍认为“…”) is the cadres' attitude, whatever the staff under them
    # then did (执法人员…上门检查, …立案处罚)
    ("少数镇干部仍认为“检查越勤越保险”，执法人员一个月内三次上门检查同一家企业", "awareness"),
    ("部分站所负责人认为“罚款最管用”，执法人员对轻微违法行为一律立案处罚", "awareness"),
    ("执法人员认为“多一事不如少一事”，对群众举报的违建迟迟不立案", "capacity"),  # guard: an enforcer's thought
    ("部分群众认为“法不责众”，违规占地建房屡禁不止", "publicity"),  # guard: the public's thought
]

EAST_AND_SOUTH_WEST_COUNTIES = [
    # themes set 91 (county governments of 华东 and 西南 on their 部门 and 乡镇, 2023–2025: 备案审查, 执法协调监督, 告知承诺制,
    # 行政复议体制改革 and 纠错, 府院联动, 法治督察整改, 政务诚信, 一网通办; 29 of 30 first, these in other wordings): the
    # staff who handle cases (办案人员) and a caseload counted per head (人均办案, 人均办理) are staffing, as 人均负责 is,
    # whatever the cases are (复议, 信访)
    ("复议办案人员严重不足，案件审理期限一再延长", "capacity"),
    ("信访事项办案人员频繁调整", "capacity"),
    ("复议机构人均办案量是全市平均水平的2倍", "capacity"),
    ("县行政复议机构人均办理案件超过50件", "capacity"),
    ("执法办案人员对证据规则掌握不够", "capacity"),  # guard: 执法 already
    ("信访积案化解难度大，办案人员反复做工作仍未息访", "disputes"),  # guard: the lead's cases decide
    ("复议案件办理质量不高，个别案件被法院判决撤销", "disputes"),  # guard: the handling of cases, no staff named
]

BIG_CITY_STREET_OFFICES_2025 = [
    # themes set 92 (big cities' street offices, 2024–2025: 物业 and 业委会, 加装电梯, 接诉即办, 占道经营 and 违法建设,
    # 网格员 and 社区工作者, 新就业形态, 居民公约, 居务公开, 数据安全; 27 of 30 first, these in other wordings): a load
    # counted per worker as households (一人包…户, 每人负责…户, 一人联系…户) is staffing, as 人均负责 is, whoever carries it
    ("社区网格员一人包800余户，走访排查只能走过场", "capacity"),
    ("部分社区工作者每人负责500多户居民，难以兼顾调解和普法", "capacity"),
    ("网格员一人联系300户以上，基础信息更新滞后", "capacity"),
    ("网格员对邻里矛盾排查上报不及时", "disputes"),  # guard: no load counted
    ("网格员包片入户走访不经常，矛盾苗头发现晚", "disputes"),  # guard: 包片 without a count of households
    # what a contract signed is for (签订的…平台运维合同, 签订的…物业服务合同) is its topic: the signing's or the
    # review's fault decides, not a word of what the contract buys (网格, 调解, 普法)
    ("社区签订的网格化巡查服务外包合同未经法律审核，服务标准约定含糊", "decisions"),
    ("街道签订的矛盾纠纷调解购买服务合同中违约责任缺失，事前未征求法律顾问意见", "decisions"),
    ("镇政府签订的普法宣传活动承办合同条款简单，履约情况无人跟踪", "decisions"),
    ("街道签订的合同未建立统一台账", "decisions"),  # guard: nothing between
    ("社区与物业公司签订的合同纠纷长期未化解，业主多次信访", "disputes"),  # guard: a dispute over a contract
]

RURAL_TOWNSHIPS_AND_REVITALISATION = [
    # themes set 93 (plain rural township items of 2021–2025 in the forms lists and tables give them, with 乡村振兴's
    # 土地流转, 宅基地, 高标准农田, 村集体经济合同 and 防返贫 as topics; 28 of 30 first, these in other wordings): a
    # village's or a community's party secretary (村党支部书记, 村党总支书记, 社区书记) is a cadre, a cue of theirs as
    # 镇长 is, so a fault told in words no keyword lists is theirs
    ("个别村党支部书记对村集体收益分配的法律规定说不清", "awareness"),
    ("少数村党总支书记遇到土地承包问题仍按老办法处理", "awareness"),
    ("部分村书记对高标准农田管护的有关规定心中无数，仍凭印象分配管护任务", "awareness"),
    ("村党支部书记兼任村调委会主任，邻里纠纷调处不及时", "disputes"),  # guard: a keyword decides, not the cue
    ("个别村党支部书记未经村民代表会议讨论即发包集体林地", "decisions"),  # guard: the deed's keyword decides
    # a procedure's verdict (程序不规范) after another theme's work, and the step of it the procedure is for, is that
    # work's; alone or after the enforcers' work it stays theirs
    ("依申请公开程序不规范，答复超过法定期限", "disclosure"),
    ("信访事项受理程序不规范，部分来信未登记", "disputes"),
    ("人民调解程序不规范", "disputes"),
    ("村级集体资产处置程序不规范", "decisions"),
    ("规范性文件制定程序不规范", "decisions"),
    ("部分处罚案件程序不规范，文书送达不及时", "capacity"),  # guard
    ("执法人员检查时程序不规范", "capacity"),  # guard
    ("程序不规范，执法文书填写随意", "capacity"),  # guard
]

EPIDEMIC_YEARS_TOWNS = [
    # themes set 94 (township and street-office items of 2020–2022, 疫情防控, 复工复产 and 涉企 services, 扫黑除恶常态化,
    # 《民法典》, “两委”换届, “七五”/“八五”普法, 12348, 云调解 and 云会议; 29 of 30 first, these in other wordings): the public
    # a cadre serves or works on (干部服务企业的法治意识, 帮扶困难群众时的法律意识, 做村民工作的意识) is whom the work is
    # for, not the holder of the awareness or notion after it: the cadres' own
    ("个别村干部帮扶困难群众时的法律意识不强", "awareness"),
    ("部分街道干部对接辖区企业的法治观念还比较淡薄", "awareness"),
    ("用法治方式做村民工作的意识不强", "awareness"),
    ("个别班子成员联系重点企业时依法行政意识不够", "awareness"),
    ("少数社区干部走访居民时法律意识不强，对居民反映的问题随口表态", "awareness"),
    ("部分乡镇工作人员服务市场主体的规则意识不强，检查减免事项推诿拖延", "awareness"),
    ("辖区物业服务企业的法律意识淡薄，拖欠维修资金", "publicity"),  # guard: a service firm's name, no cadre before it
    ("家政服务企业从业人员法律意识不强", "publicity"),  # guard
    ("少数村民联系群众的法治观念不强", "publicity"),  # guard: no cadre serves
    ("干部联系群众不够紧密，群众法治意识淡薄", "publicity"),  # guard: the public's awareness in its own clause
]

DELTA_REFORM_WORDS = [
    # themes set 96 (township and street-office items of 长三角 and 珠三角, 2021–2023, in their reform jargon: 数字化改革,
    # “大综合一体化”, 四平台, 最多跑一次, 浙里办/粤省事, 共同富裕, 网格智治; 25 of 30 first, these in other wordings):
    # what a cadre takes a slogan or a reform to mean (把“…”简单理解为/理解成…) is the topic, as 把…看成/当成 is:
    # the cadre's view decides
    ("个别社区书记把“网格化管理”简单理解成“多派人”，处理居民纠纷仍凭老经验", "awareness"),
    ("少数村干部把“三治融合”片面理解为“多开会”，对村民反映的矛盾习惯拖着不办", "awareness"),  # guard
    ("部分站所把“谁执法谁普法”理解为发资料", "publicity"),  # guard: a body's practice, the work's word decides
    # what holds the fault back, said after it (…，受上级…制约/影响/限制), is a cause, not the fault: its words do
    # not count (an item that blames the higher level names no theme: other)
    ("乡镇承担的属地责任清单越拉越长，受上级部门考核排名制约明显", "other"),
    ("村级组织挂牌多、证明多的问题反弹，受上级部门考核评比影响较大", "other"),
    ("受上级考核制约，镇里对执法队的监督偏软", "disclosure"),  # guard: a cause put first stays the lead
    ("群众诉求受理后办理不及时，受理渠道不畅", "disputes"),  # guard: 受理 is no cause
    ("镇执法队人手紧张，受编制总量限制，考核任务又多", "capacity"),  # guard: the lead decides
    # the public's study (外来人口学法, 新市民学法, 务工人员学法) is publicity's, as 群众学法 and 居民学法 are
    ("部分外来人口学法守法的自觉性不高", "publicity"),
    ("新市民学法用法的热情不高，参加法治讲座的人少", "publicity"),
    ("园区务工人员学法的渠道不多", "publicity"),
    ("机关工作人员学法不经常", "awareness"),  # guard: a cadre's study stays theirs
    ("社区干部学法用法的主动性不强", "awareness"),  # guard
]

INSPECTORS_FINDINGS = [
    # themes set 97 (findings of a county's 法治督察 and 案卷评查 and the townships' 整改 lists, 2022–2024, in the north:
    # 督察发现/经查/评查中发现…, figures and shares, 问题/表现/整改 columns, 违反《…》第N条; 28 of 30 first, these in other
    # wordings): the review that found the fault, opening a later clause with no comma after it (督查发现…, 督察组发现…),
    # is no topic: its words do not count
    ("乡镇有责无权的问题依然突出，督查发现村（社区）挂牌仍有20余块", "other"),
    ("基层迎检负担依然较重，督察组发现镇里一季度迎接各类检查15次", "other"),
    ("个别站所负责人法治观念淡薄，督察发现其对群众投诉长期不予回复", "awareness"),  # guard
    ("法治督察发现的问题整改不及时", "disclosure"),  # guard: what the review found is the topic
    ("镇里对执法队的监督偏软，督察发现执法公示栏长期未更新", "disclosure"),  # guard
    # the public's knowing a legal route (知道…可以申请…) is publicity's, as 不知道…申请 is
    ("辖区居民中仅两成知道物业纠纷可以申请人民调解", "publicity"),
    ("外出务工返乡人员很少知道欠薪可以申请劳动仲裁", "publicity"),
    ("机关干部中仅三成知道新修订的行政复议法", "awareness"),  # guard: the cadres' knowing stays theirs
    ("不少农户不知道土地纠纷可以申请仲裁", "publicity"),  # guard
]

TOWNSHIP_JUSTICE_OFFICES = [
    # themes set 98 (a township 司法所's items of 2021–2025 in 华中, 西南 and 西北 on the services it runs: 人民调解 and its
    # 调解员, 法律援助, 公共法律服务站, 村（居）法律顾问, 社区矫正 and 安置帮教, 信访 and 排查, 法律明白人, 诉源治理; 24 of 30
    # first, these in other wordings): a visit (走访, 回访, 访谈, 访问) is no petition, so its 访 is not the disputes' cue
    ("由于司法所仅有1名工作人员，导致安置帮教的入户走访时常延误", "capacity"),
    ("由于镇里仅有2名执法人员，导致对违建户的回访跟进不及时", "capacity"),
    ("来访接待不及时，重复来访增多", "disputes"),  # guard: 来访 is a petition
    ("信访问题反复出现，重复访时有发生", "disputes"),  # guard: 信访问题 is no 访问
    # a legal adviser right before a staffing word (法律顾问配备不足, 法律顾问力量薄弱) is who is short, as an office is
    ("法律顾问配备不足，有的村全年只见过一次法律顾问", "capacity"),
    ("村（居）法律顾问力量薄弱，一名法律顾问要联系9个村", "capacity"),
    ("镇政府法律顾问未参与重大决策合法性审查", "decisions"),  # guard
    ("法律顾问审核把关不严，合同条款约定不明", "decisions"),  # guard: a word of its own theme after it
    # a dispute someone meets, its kinds listed at length (遇到土地流转、房屋买卖等纠纷时), is the circumstance
    ("不少村民遇到土地流转、房屋买卖等纠纷时只信熟人，依法维权的意识不强", "publicity"),
    ("部分牧民遇到草场边界、牲畜越界等纠纷时习惯找头人说和，对人民调解协议的效力了解不多", "publicity"),
    ("村干部遇到土地承包、婚姻家庭等纠纷时绕着走", "awareness"),  # guard: whoever meets it decides
    ("土地承包、婚姻家庭纠纷调处不及时", "disputes"),  # guard: no one meets it
    # the training of the mediators (调解员…培训) is the dispute work's, as their skill is
    ("新选任的调解员岗前培训不到位", "disputes"),
    ("人民调解员业务培训偏少", "disputes"),
    ("村干部培训中缺少调解技能内容", "awareness"),  # guard: the cadres' training
    ("执法人员培训不足", "capacity"),  # guard
    # who or what an assessment lacks (对…缺少/缺乏/没有考核) is its topic, as who it scores (对…的考核) is
    ("街道对社区法律顾问的服务情况缺乏考核", "disclosure"),
    ("镇里对网格员调解矛盾纠纷的成效没有考核", "disclosure"),
    ("部分村干部对调解工作缺少耐心", "awareness"),  # guard: no assessment
    # what an assessment only looks at (考核只看…, 考评多看…) is its measure, the topic: counting only that is oversight
    ("县里对乡镇的法治考核只看普法活动场次，不看群众知晓率", "disclosure"),
    ("镇里对各村调委会的考评多看调解件数", "disclosure"),
    ("对站所的考核只看台账资料", "disclosure"),  # guard
    ("部分群众维权只看结果不看程序", "publicity"),  # guard: no assessment
]

NORTHERN_CITY_COMMUNITIES = [
    # themes set 99 (street offices and towns of 东北 and 华北 cities, 2021–2025, on urban community life: 物业 and 业委会,
    # 老旧小区改造, 拆违, 网格员, 居民公约, 楼道 and 停车, 燃气 and 消防 checks; list marks and half-width punctuation, causes in
    # one line, hedges; 29 of 30 first, these in other wordings): an office, a unit or an adviser, or its worker (网格员),
    # named after 由 as who did the work (由社区网格员代为开展) is the doer, as a cadre after 由 is: the deed decides
    ("占道经营巡查多由社区网格员代为开展，执法力量薄弱", "capacity"),
    ("夜间噪声投诉主要由网格员先行处置，执法人员到场不及时", "capacity"),
    ("小区楼道违规充电的入户劝导只能由网格员兼顾，街道消防执法装备不足", "capacity"),
    ("群众法律咨询主要由村法律顾问代为解答，镇公共法律服务站人员不足", "capacity"),
    ("网格员排查矛盾纠纷不深入", "disputes"),  # guard: no 由
    ("小区停车矛盾多由网格员上报后才介入，调处不及时", "disputes"),  # guard: the deed is the dispute work
    ("由于网格化管理不到位，邻里矛盾发现不及时", "disputes"),  # guard: 由于
    ("镇政府签订的合同多由法律顾问审核，但审核意见流于形式", "decisions"),  # guard
]

TWO_HALVES = [
    # themes set 100 (ordinary township and street-office items of 2021–2025 of two halves: 虽然/尽管…，但…, praise
    # first, two faults joined, 不仅…而且…, a setting first, a consequence last; 28 of 30 first, these in other
    # wordings): praise before the fault (…取得一定成效，但…; …不断加强，然而…) concedes, as 虽然… does, so the fault after
    # the turn leads, whatever theme the praise names
    ("普法宣传工作取得一定成效，但部分村干部学法用法的自觉性不高", "awareness"),
    ("人民调解工作不断加强，但政务公开栏的内容更新不及时", "disclosure"),
    ("执法队伍建设取得明显成效，然而重大行政决策未经合法性审查的情况仍有发生", "decisions"),
    ("村务公开制度基本建立，但是村民运用法律维权的意识仍然淡薄", "publicity"),
    ("干部学法考试合格率有所提高，却仍有个别执法人员无证执法", "capacity"),
    ("普法宣传取得一定成效，但覆盖面仍然不广", "publicity"),  # guard: praise and fault of one theme
    ("普法宣传取得的成效不够明显，部分群众仍信访不信法", "publicity"),  # guard: no praise, no turn
    # work said to run as it should (…开展正常，但…; …运行总体平稳，但…; …整体较好，但是…) concedes as praise does (found
    # when sets 121 and 122 together put an unthemed 三会一课 item beside set 75's 党支部“三会一课”开展正常，但队员中持有
    # 行政执法证件的仅占一半…, whose concession, as its lead, weighed twice in the clusters' wording)
    ("村调委会运转正常，但部分村干部学法用法的自觉性不高", "awareness"),
    ("普法宣传栏更新落实正常，但镇综合执法队仅有3名持证人员", "capacity"),
    ("公共法律服务站运行总体平稳，但重大行政决策合法性审查仍有遗漏", "decisions"),
    ("政务公开工作整体较好，但是人民调解员队伍老化，调解纠纷力不从心", "disputes"),
    ("人民调解委员会运转正常", "disputes"),  # guard: no turn
    # the standard or peer an item measures itself against inside a clause (与群众期盼相比) is its topic, no public
    # at fault: its words count as a title's
    ("法治建设整体水平与群众期盼相比还有差距，村与村之间不平衡", "other"),
    ("全镇法治建设与人民群众的期待相较仍有不足", "other"),
    ("执法装备配置与上级标准相比仍显不足", "capacity"),  # guard: the shortfall's own words decide
    ("干部学法与新形势新任务的要求相比还有差距", "awareness"),  # guard
    # what is published brought up to date (信息更新) is disclosure's; the enforcers' records (检查笔录, 询问笔录) and
    # evidence fixed (证据固定, as 固定证据) are enforcement's
    ("行政处罚和执法检查信息更新不及时", "disclosure"),
    ("惠农补贴发放信息更新滞后，群众查询不便", "disclosure"),
    ("现场检查笔录填写不完整", "capacity"),
    ("部分案件询问笔录缺失，当事人签字不全", "capacity"),
    ("食品小作坊检查中证据固定不规范", "capacity"),
    ("普法短视频更新不及时", "publicity"),  # guard: no 信息
    ("调解笔录制作不规范", "disputes"),  # guard: a mediation's record
]

ENFORCEMENT_HANDED_DOWN = [
    # themes set 101 (enforcement handed down to townships and street offices, 2022–2025, 华北, 华东, 华中 and 西南: 违法占地,
    # 秸秆禁烧, 河湖“四乱”, 非法采砂, 燃气, 自建房, 占道经营, 渣土, 林地, 犬只; 27 of 30 first, these in other wordings):
    # what a cadre holds as a quoted thought after a verb of holding (存在“以罚代管”的思想; 信奉“…”; 抱有“…”的心理) is the
    # topic, its words counted as a title's: the cadre's holding it decides
    ("个别镇领导信奉“执法就是罚款”，对企业一查了之", "awareness"),
    ("个别村“两委”成员抱有“普法是上面的任务”的心理", "awareness"),
    ("部分站所负责人仍存在“宣传靠司法所”的思想", "awareness"),
    ("个别班子成员仍有“调解不如拍板快”的想法，处理纠纷时习惯一锤定音", "awareness"),
    ("园区执法中“一罚了之”的现象仍然存在", "capacity"),  # guard: a practice, no thought held
    ("部分群众存在“法不责众”的心理，违规焚烧秸秆", "publicity"),  # guard: the public's thought
    ("执法人员存在“以罚代管”的倾向", "capacity"),  # guard: no cadre holds it
    # a conflict that happens (之间的冲突, 发生冲突, 肢体冲突, 冲突多发) is the disputes'; a rule's conflict with a higher
    # one (与上位法冲突) stays the decision's
    ("城管队员与流动摊贩之间的冲突时有发生", "disputes"),
    ("拆违现场肢体冲突事件仍有发生", "disputes"),
    ("集镇改造中商户与施工方之间冲突多发", "disputes"),
    ("村规民约个别条款与上位法冲突", "decisions"),  # guard
    ("镇政府出台的文件与县级政策相冲突，被要求纠正", "decisions"),  # guard
]

GENERAL_HEADINGS = [
    # themes set 102 (long items of 2021–2025 whose first sentence is a general verdict on the work and whose fault
    # comes after it: 25 of 30 first, these in other wordings): a general first sentence on the work at large
    # (…与…相比仍有差距。; …还存在一些薄弱环节。; …基础还不够扎实。) heads the item and sets the scene, so the fault after
    # it decides, whatever 依法行政 names
    ("全镇依法行政水平与高质量发展的要求相比还有差距。综合执法队12名队员中有5人未取得执法证件", "capacity"),
    ("依法行政能力与群众期待相比仍存在一定差距。今年以街道为被告的行政诉讼案件5件，败诉2件", "disputes"),
    ("依法行政水平与新阶段新要求相比仍有差距。行政处罚决定未按规定在政府网站公示，公示率不足六成", "disclosure"),
    # … and so does any heading sentence when the next one calls its fault the greater (更为突出的是)
    ("普法工作还需进一步加强。更为突出的是，重大行政决策未经合法性审查即作出", "decisions"),
    ("法治建设还存在一些薄弱环节。村务公开栏的财务收支只公示总数，明细长期不公开", "disclosure"),  # guard
    ("依法治镇工作基础还不够扎实。镇政府签订的合同多数未经法律顾问审核", "decisions"),  # guard
    ("法治建设与新形势新要求相比仍有差距。部分村干部学法用法不够", "awareness"),  # guard
    # guards: a heading that names one field is the item's own fault, and a cause said after it is no fault
    ("合法性审查工作仍有短板。镇司法所审查人员均不具备法律职业资格，审查意见较为简单", "decisions"),
    ("政务公开工作还存在不足。主要原因是部分干部认为公开多了惹麻烦", "disclosure"),
]

NEWEST_REFORMS = [
    # themes set 103 (township and street-office items of 2024–2025 on the newest reforms: 涉企行政检查, 行政复议 as the
    # main channel, 履行职责事项清单 and 赋权事项, 合法性审核全覆盖, 行政执法监督, 公平竞争审查, 基层减负, 一网通办, 三项制度,
    # 包容审慎监管; 25 of 30 first, these in other wordings): what the public lacks the sense or the will to do, said
    # between them and their 意识/观念, is the topic, its words counted as a title's: the public's awareness decides
    ("村民通过人民调解解决邻里纠纷的意识不强", "publicity"),
    ("居民通过行政复议解决征收补偿争议的意识淡薄", "publicity"),
    ("企业通过公平竞争审查投诉渠道维护权益的意识不强", "publicity"),
    ("业主依法通过业委会表决处置公共收益的观念淡薄", "publicity"),
    ("群众履行法定赡养义务的意识不强", "publicity"),
    ("群众反映部分干部依法办事的意识不强", "awareness"),  # guard: a cadre between
    ("村民的法治意识还不强", "publicity"),  # guard: the short gap, as before
    # the public named as those who must still travel or queue to get a service done is whom the service fails, no
    # cue of the public's
    ("偏远村的群众办理社保、医保事项仍需往返集镇", "other"),
    ("部分高频事项村民仍需多次跑窗口", "other"),
    ("企业开办时仍要在多个窗口之间来回奔波", "other"),
    ("群众查询处罚结果只能跑窗口，网上未公示", "disclosure"),  # guard: a keyword decides
    ("部分群众对新规定不了解", "publicity"),  # guard: no travel
]

BORDER_OF_OTHER = [
    # themes set 104 (faults of the fields outside the rule of law, the economy, finance, infrastructure, information
    # systems, the epidemic, party building and safety, and the six themes' faults in those fields' words: 22 of 30
    # first, these in other wordings): a strain of money, supply or land (收支矛盾, 供需矛盾, 人地矛盾, 结构性矛盾) and a
    # debt to be worked off (化解…债务) are no quarrel
    ("乡镇财政收支矛盾较为突出，保运转压力大", "other"),
    ("城镇建设用地供需矛盾突出，项目落地难", "other"),
    ("村级化解历史债务的任务依然繁重", "other"),
    ("春灌期间村组之间用水矛盾突出，调处不及时", "disputes"),  # guard: a quarrel over water
    ("企业欠薪引发的劳资矛盾增多", "disputes"),  # guard
    # a network's or a video meeting's kit is the information infrastructure, not the staff's equipment
    ("村级网络设备陈旧，视频会议经常中断", "other"),
    ("山区村通信信号不稳定，远程办理业务困难", "other"),
    ("司法所办公设备老化，电脑无法正常使用", "capacity"),  # guard: the office's own equipment
    ("执法记录仪等执法设备老化", "capacity"),  # guard
    # the party's membership and its age are party building, not staff
    ("农村党员年龄结构老化，发展新党员难", "other"),
    ("部分村党员队伍老化，作用发挥不明显", "other"),
    ("执法队伍年龄老化，专业人员少", "capacity"),  # guard: the enforcers' staff
    # a hazard of safety, fire, flood, roads or water is no hidden quarrel; a clause that names a quarrel keeps it
    ("辖区出租房消防安全隐患较多", "other"),
    ("部分农村危房、自建房仍存在安全隐患", "other"),
    ("网格员对邻里纠纷隐患排查不细", "disputes"),  # guard
    ("征地拆迁中的矛盾隐患排查不及时", "disputes"),  # guard
    # the public and what a utility or a road secures for them (群众饮水, 村民出行, 饮水保障) are whom a service is for
    ("偏远村民出行难、饮水保障水平不高", "other"),
    ("部分村民对饮水工程管护制度不了解", "publicity"),  # guard: what the public does not know
    ("法治工作经费保障不足", "capacity"),  # guard: the work's money
    # systems whose data are not shared or must be entered again: their names (…数据平台, …等系统) are what, not whose
    ("“雪亮工程”、综治视联网等系统数据不共享，基层重复录入", "other"),
    ("网格化管理信息平台与部门业务系统数据不互通", "other"),
    ("县镇两级公开平台数据不互通，群众查询政府信息要翻几个网站", "disclosure"),  # guard: a platform of disclosure
    ("矛盾纠纷多元化解信息平台使用率低，调解案件录入不及时", "disputes"),  # guard: no silo
]

REPORTS_ON_2026 = [
    # themes set 106 (reports on 2026: 涉企行政检查, 行政执法监督条例, 行政复议法's third year, 高效办成一件事, 数字政府, 大模型,
    # 民营经济促进法, 九五普法, 街乡吹哨, ageing enforcers, 经费: 24 of 30 first, its misses in other wordings): a bureau's
    # section named by its work (执法监督科, 复议应诉科, 普法科) before a staffing word is who is short
    ("区司法局复议应诉科仅有1名工作人员，全年办理复议答复和应诉案件40余件", "capacity"),
    ("县司法局普法科人员少，全县普法讲师团成员多为兼职", "capacity"),
    ("县司法局执法监督股人员不足，对乡镇执法案卷的评查一年只能开展一次", "capacity"),
    ("县司法局执法监督科对乡镇行政执法的日常监督不够，发现的问题未跟踪整改", "disclosure"),  # guard: its own work
    ("决策科学化水平不高，重大事项未经风险评估", "decisions"),  # guard: 科学 is no section
    # a law in force a while sets the scene: the fault after 但 leads (not the 复议法 of the law's name)
    ("新修订的行政复议法实施已满三年，但作为被申请人的复议案件调解和解率仍然偏低", "disputes"),
    # the town's money strained by the budget's other calls (刚性支出, 配套资金, “三保”, 债务) is public finance, not the
    # rule-of-law work's 财力
    ("乡财力薄弱，“三保”支出压力大，民生项目配套资金缺口较大", "other"),
    ("镇级可用财力有限，化解债务压力较大", "other"),
    ("镇级财力紧张，刚性支出占比高，执法装备经费保障不足", "capacity"),  # guard: the enforcers' money named too
    ("镇级财力有限，法治阵地建设投入不足", "capacity"),  # guard: set 7's
]


WORDS_IN_ANOTHER_SENSE = [
    # themes set 107 (a theme's word meant in another sense: 公开承诺, 审查调查, 宣传思想工作, 招商宣传, an economy's 考核指标,
    # 安全意识: 23 of 30 first, its misses in other wordings): 公开 done in public (a pledge, a lesson, a recruitment, a
    # selection) is no disclosure
    ("村党员公开承诺事项兑现率低，践诺评诺流于形式", "other"),
    ("镇机关“法治公开课”每年仅举办1次，干部学法不经常", "awareness"),
    ("2024年公开招考的3名执法队员尚未取得执法证", "capacity"),  # guard: the enforcers' staff
    ("镇政府公开招标项目的中标结果未在网站公示", "disclosure"),  # guard: a result not published
    ("村级重大事项决策前未公开征求村民意见", "decisions"),  # guard
    # the discipline inspectors' 审查 is no legality review; the public as a place (群众身边) is no cue of theirs
    ("群众身边的不正之风和腐败问题仍有发生", "other"),
    ("镇纪委纪律审查案件数量偏少，问责力度不够", "disclosure"),  # guard: 问责 still oversight's
    ("普法宣传与群众身边案例结合不紧", "publicity"),  # guard
    # publicity of investment, tourism or news, and the party's ideology, is no rule-of-law publicity
    ("旅游宣传推广力度不够，景区知名度不高", "other"),
    ("新闻宣传工作亮点挖掘不够，对外发稿数量少", "other"),
    ("意识形态工作责任制落实不到位", "other"),
    ("招商宣传材料中的优惠承诺未经合法性审查", "decisions"),
    ("法治宣传报道不多，普法信息更新慢", "publicity"),  # guard
    ("公共法律服务宣传推介方式单一", "publicity"),  # guard: 宣传推介 alone
    # an economy's targets in an assessment are the economy's results
    ("招商引资考核指标未完成，全年仅签约项目2个", "other"),
    ("财政收入考核任务完成率不足八成", "other"),
    ("法治建设考核指标设置笼统，考核结果运用不够", "disclosure"),  # guard
    ("经济发展考核中法治建设分值偏低", "disclosure"),  # guard: 法 in the clause
    # a safety awareness and its holder: safety's, not the law's
    ("部分群众消防安全意识淡薄，楼道堆放杂物现象普遍", "other"),
    ("企业安全生产意识不强，消防设施配备不全", "other"),
    ("部分村民安全意识和法治意识淡薄，遇事不找法", "publicity"),  # guard: a legal awareness after it
    ("部分群众依法防疫意识淡薄", "publicity"),  # guard: set 33's
]


JARGON_OF_NEW_REPORTS = [
    # themes set 108 (the abstract jargon of 2024–2026 reports: 赋能, 闭环, 抓手, 堵点, 全链条, 末梢: 29 of 30 first, its
    # miss in other wordings): the governance party building leads (党建引领基层治理) is party building's, no dispute work
    ("社区党建引领城市基层治理的机制还不够健全", "other"),
    ("党建引领基层治理“最后一公里”仍有堵点，村级组织凝聚力不强", "other"),
    ("党建引领乡村治理的作用发挥还不充分，部分村党支部战斗堡垒作用不强", "other"),
    ("党建引领基层治理中，人民调解组织作用发挥不充分，村调委会调处复杂纠纷能力不足", "disputes"),  # guard
    ("基层党建引领网格治理中，网格员对矛盾纠纷的排查多停留在登记上报", "disputes"),  # guard: set 75's
    ("基层治理中矛盾纠纷多元化解的协同联动机制还不健全", "disputes"),  # guard: 基层治理 alone
    # the jargon around a theme's words does not hide them
    ("普法工作“最后一公里”打通不够，偏远村组覆盖不到位", "publicity"),
    ("行政执法监督闭环管理还不够严密", "disclosure"),
    ("规范性文件合法性审核全链条管理存在堵点", "decisions"),
]

FORMULAE_OF_OFFICIAL_WRITING = [
    # themes set 109 (faults named by a numbered or coded formula: 两法衔接, 三项制度, 双随机一公开, 三官一律, 枫桥经验, 四议两公开,
    # 三重一大, 一规划两清单, 三书同达, 两个责任, 1+N, 吹哨报到, 雪亮工程, 两不愁三保障, 三农, 五个振兴: 24 of 30 first, its misses in
    # other wordings): 两法衔接 is the enforcement's hand-over of crimes
    ("镇“两法衔接”信息共享平台使用率低，涉嫌犯罪案件移送不及时", "capacity"),
    ("行政执法与刑事司法衔接机制不够健全", "capacity"),
    # the poverty programme's three guarantees (两不愁三保障) and the income counted per head are welfare's and the economy's
    ("部分脱贫村巩固“两不愁三保障”成果的任务仍然较重", "other"),
    ("义务教育、基本医疗、住房安全“三保障”仍有薄弱环节", "other"),
    ("2024年农村居民人均可支配收入增速放缓", "other"),
    ("村民人均纯收入低于全县平均水平", "other"),
    # the party's discipline duties (两个责任, 一岗双责, 管党治党): an awareness of them and the cadres it supervises are the party's
    ("管党治党“两个责任”落实不到位，部分党支部书记主体责任意识淡薄", "other"),
    ("全面从严治党向村级延伸不够，对村“两委”成员的日常监督偏弱", "other"),
    ("落实全面从严治党要求中，部分村干部依法办事意识不强", "awareness"),  # guard: an awareness of the law
    ("对驻村工作队员的日常监督管理不够，考核结果未向村民公开", "disclosure"),  # guard: no party duty named
    # a service sent into the grid (进网格, 驻网格) names a place, not the grid's work
    ("“法律进网格”活动多为发放资料，群众参与度不高", "publicity"),
    ("驻网格律师开展法律咨询次数偏少，居民知晓率低", "publicity"),
    ("网格员排查矛盾纠纷不及时", "disputes"),  # guard
    ("网格化管理中矛盾纠纷排查不及时", "disputes"),  # guard
    ("推进网格精细化管理不够到位", "disputes"),  # guard: the grid a verb of change works on (推进, 促进, 改进)
]


THE_TOWN_S_HOUSEKEEPING = [
    # themes set 110 (the town government's own housekeeping as the law reaches it: 合同, 印章, 档案, 政府采购, 国有资产 and
    # “三资”, 财务报销, 公务用车, 工程款, 债务, 涉诉合同, 收费, 劳务派遣, 保密: 24 of 30 first, its misses in other wordings):
    # a debt named before its working off (债务化解, 债务风险化解) is no quarrel, as 化解…债务 is not
    ("乡级政府性债务化解难度大，偿债资金来源单一", "other"),
    ("村级债务风险化解进度偏慢", "other"),
    ("拖欠农民工工资引发的矛盾化解不及时", "disputes"),  # guard: a quarrel worked off
    ("债务纠纷化解渠道不畅，当事人多次到镇里上访", "disputes"),  # guard: a quarrel over a debt
    # the official cars' running costs, use over the standard or for private ends are the budget's and the rules' on
    # cars, not the staff's transport the keyword 公务用车 names
    ("镇机关公务用车运维费用逐年上升", "other"),
    ("个别站所存在公务用车私用现象", "other"),
    ("公务用车长期不足，夜间巡查只能借用私家车", "capacity"),  # guard: the transport the staff lack
    ("执法车辆燃油费和维修费未列入预算，执法巡查难以保障", "capacity"),  # guard: set 107's, the enforcers' cars
    # equipment as an asset on the books (核销, 入账, 处置手续) is the asset accounts', not the staff's kit
    ("部分办公设备未登记入账，资产台账不全", "other"),
    ("已报废的电脑等设备长期未办理处置手续", "other"),
    ("司法所办公设备老化，部分电脑已无法使用", "capacity"),  # guard: the office's own kit
    # found problems not put right (整改不到位, 整改不彻底, 未完成整改) are the oversight's follow-up
    ("巡察反馈问题整改不到位，个别问题反复出现", "disclosure"),
    ("对审计指出的问题整改不彻底，存在“纸面整改”现象", "disclosure"),
    ("县委巡察反馈的5个问题中仍有2个未完成整改", "disclosure"),
    ("镇综合执法队仅有3人具备执法资格，发现问题大多只下达整改通知了事", "capacity"),  # guard: an order to put right
]

RETOLD_ITEMS = [
    # themes set 111 (a report's shortcomings as news items, summaries, a county's compilation or a digest retell them:
    # 28 of 30 first, its misses in other wordings): the teller's frame (记者了解到, 某街道在年度报告中写道) is no lead, so a
    # 年度报告 in it names no fault; a recruit (新招录的社区工作者) is which staff; a cadre's laws 掌握不够 is their study
    ("记者了解到，镇综合行政执法队仅有4名持证人员", "capacity"),
    ("桥西街道在年度报告中写道，部分社区工作人员学法用法的主动性不强", "awareness"),
    ("该乡在自查报告中承认，执法文书制作不规范", "capacity"),
    ("新招聘的工作人员对《民法典》等法律掌握不够，接待群众咨询时答复不准确", "awareness"),
    ("社区工作者招录难，部分岗位长期空缺", "capacity"),  # guard: recruiting them is the fault
    ("部分村干部对土地管理法律掌握不够，擅自调整承包地", "awareness"),
    ("部分群众对法律法规掌握不够，遇事不知如何维权", "publicity"),  # guard: the public's
    # a cadre's mindset that slights procedure (重结果、轻程序的思想, 重效率轻程序的观念) is theirs; enforcement's stays
    ("个别站所负责人仍存在重效率、轻程序的思想", "awareness"),
    ("部分村干部重结果轻程序的观念根深蒂固", "awareness"),
    ("行政处罚重结果轻程序", "capacity"),  # guard: set 61's, the enforcement's
    ("执法人员存在重处罚、轻程序倾向", "capacity"),  # guard
]


NEW_BODIES_OF_GRASSROOTS_GOVERNANCE = [
    # themes set 112 (the newest bodies of grassroots governance: 综治中心, 社会工作部 and 社区工作者, 新就业群体, 红色物业,
    # 多网合一 and 网格员, 履职清单, 高效办成一件事, 涉企检查, 信访法治化, 牌子多, 法律顾问, 调委会, 数字乡村: 27 of 30 first,
    # its misses in other wordings): the grid's worker who holds an awareness is whose awareness it is, not the grid's work
    ("部分网格员依法采集信息的意识淡薄", "awareness"),
    ("个别网格员法治观念不强，入户走访时随意承诺", "awareness"),
    ("网格员排查矛盾纠纷的主动性不强", "disputes"),  # guard: the grid's dispute work, no awareness
    ("网格员人均负责450户，工作负担过重", "capacity"),  # guard: the worker who does the work
    # an assessment among the steps of managing staff (招聘、考核、薪酬; 选拔、培训、考核、激励) is personnel management's
    ("社区工作者招聘、考核、退出机制尚不健全", "other"),
    ("社区工作者薪酬和考核办法不完善", "other"),
    ("对行政执法人员的考核流于形式", "disclosure"),  # guard: oversight of enforcement
    ("执法人员培训、考核制度落实不到位，部分人员执法证过期", "capacity"),  # guard: the enforcers' word decides
    # systems named by the work they serve, and whoever must enter the data again, in a data-silo item
    ("综治系统与网格事件平台数据共享不畅", "other"),
    ("调解信息系统与上级平台不兼容，调解员需在两个系统重复录入", "other"),
    ("网格员上报的矛盾纠纷线索转办不及时", "disputes"),  # guard: no data silo
]

CONTRAST_AND_PARALLEL_FORMULAE = [
    # themes set 114 (items framed by the contrast and parallel formulae: 重实体轻程序, 有机构无人员, 上热中温下冷, 重建设轻管理,
    # 不愿用、不敢用、不会用, 以文件落实文件, 重结果轻过程, 有制度无落实, 重发布轻解读, 先拍板后论证 …: 29 of 30 first, its miss
    # in other wordings): the supply of land, energy and the other factors a project or a firm needs (要素保障, 用地保障) is
    # the economy's, no staff's or money's 保障
    ("招商引资重签约轻落地，部分签约企业反映用地、用能等要素保障跟不上", "other"),
    ("重点项目要素保障不足，征地进度滞后", "other"),
    ("园区企业用地保障难，部分项目迟迟不能开工", "other"),
    ("镇综合执法队经费保障不足，执法车辆老化", "capacity"),  # guard: the enforcers' money
    ("执法人员待遇保障不到位，队伍不稳定", "capacity"),  # guard: the staff's pay
    ("矛盾纠纷调处经费保障不到位，调解员补贴难以兑现", "disputes"),  # guard: the mediation's money
]

STEP_WORDS_OF_ANOTHER_FIELD = [
    # themes set 113 (a word that usually signals one theme only a step or a tool of another field's fault: 培训, 考核, 宣传,
    # 招录, 选拔, 清单, 台账 …; 24 of 30 first, its misses in other wordings): in a clause that names no law, the steps of
    # managing staff with the plain cadres or workers they manage, and the reserve cadres, are the staffing of cadres as such
    ("社区工作者选拔、培训、考核、激励机制尚不健全", "other"),
    ("村级后备干部招录、考核办法有待完善", "other"),
    ("年轻干部选拔培养力度不够，后备干部储备不足", "other"),
    ("村“两委”成员培训和管理制度不够完善", "other"),
    ("后备干部培养使用办法不完善，村级后备干部储备不足", "other"),  # 办法 names no law
    ("村干部培训、考核中法治内容偏少", "awareness"),  # guard: the clause names the law
    ("综合执法队员选拔、培训、考核制度不健全", "capacity"),  # guard: staff named by a theme's work keep its word
    ("调解员选聘和培训机制不完善", "disputes"),  # guard
    ("法律明白人选拔、培训、管理还不规范", "publicity"),  # guard
    # a worker qualified by a staffing word who holds an awareness is whose it is
    ("专职网格员法治观念不强", "awareness"),
    ("部分兼职人员依法办事意识淡薄", "awareness"),
    ("专职人员少，法治意识培训跟不上", "capacity"),  # guard: the staffing, then another clause
    ("法治专干多为兼职，难以专心工作", "capacity"),  # guard
    # publicity of the disclosure work is that work's step
    ("信息公开宣传不到位，群众不知道可以依申请获取信息", "disclosure"),
    ("村务公开工作的宣传不够，村民对公开内容关注度低", "disclosure"),
    ("普法宣传与政务公开结合不够紧密", "publicity"),  # guard: the law's publicity
    # a training of the party's or the economy's, in an item that names no law
    ("党员培训针对性不强，内容与实际脱节", "other"),
    ("职业技能培训实效性不高，学员就业率偏低", "other"),
    ("党员教育培训方法单一，吸引力不强", "other"),
    ("党员干部学法培训针对性不强", "awareness"),  # guard: the cadres' law training
    # the training of staff named by another theme's work is that work's step
    ("备案审查工作人员业务培训不足", "decisions"),
    ("信访工作人员培训不够，接访时答复不规范", "disputes"),
    ("政务公开工作人员的业务培训不足", "disclosure"),
    ("机关工作人员培训不足", "awareness"),  # guard: plain staff
    ("干部培训中法律课程偏少", "awareness"),  # guard: the cadres
]

CAMPAIGNS_AND_NARROW_FIELDS = [
    # themes set 115 (the special campaigns and narrow legal fields a town reports on: 反诈, 禁毒, 非法集资, 网络谣言, 文物,
    # 殡葬, 医保基金, 反家暴, 燃气 and 电动自行车, 自建房, 根治欠薪, 宗教, 退役军人, 校园周边, 食品安全: 26 of 30 first, its misses
    # in other wordings): an office's staff (工作人员) who do not know a law are the cadres', not enforcement's staff
    ("社保所工作人员对《社会保险法》把握不准", "awareness"),
    ("便民服务中心工作人员对新修订的条例理解不深", "awareness"),
    ("执法人员对《行政处罚法》新规定不熟悉", "capacity"),  # guard: enforcement's staff
    # the people a campaign works on (吸毒人员, 涉诈人员) and the cadres it assigns to watch firms (包保干部) are no cue
    ("涉诈人员底数不清，重点人员管控不到位", "other"),
    ("社区戒毒康复人员帮扶措施落实不够", "other"),
    ("安全生产包保干部到企业检查次数偏少", "other"),
    ("镇干部对吸毒人员管控的法律边界把握不准", "awareness"),  # guard: a keyword beside them decides
    ("执法人员力量不足，难以应对燃气安全检查", "capacity"),  # guard: the staff's cue
    # a hazard of money (欠薪隐患, 债务隐患, 资金链) is the economy's, no hidden quarrel
    ("部分在建项目资金链断裂，拖欠工程款隐患突出", "other"),
    ("年关将至，欠薪隐患较多", "other"),
    ("劳资矛盾隐患排查不深入，欠薪纠纷苗头发现不及时", "disputes"),  # guard: a quarrel named in the clause
]

COUNTY_DEPARTMENTS_OWN_FAULTS = [
    # themes set 116 (a county department's own 法治政府建设 report: 市场监管局, 综合行政执法局, 生态环境分局, 税务局, 人社局,
    # 卫健局 …: 29 of 30 first, its miss in other wordings): an enforcement officer who holds an awareness, a notion or a
    # way of thinking of the law itself (依法行政意识, 法治观念, 法治思维) is the cadres', not enforcement's staffing
    ("少数执法队员法治观念淡薄，执法中存在随意性", "awareness"),
    ("部分行政执法人员依法办事的意识还不强", "awareness"),
    ("个别执法人员运用法治思维处理问题的能力不足，习惯以罚代管", "awareness"),
    ("部分执法人员办案程序意识不强，执法文书制作不够规范", "capacity"),  # guard: the enforcers' procedure
    ("执法人员持证率不高，熟悉专业法律的执法人员少", "capacity"),  # guard: staffing
]

FEEDBACK_AND_COMPLAINT_CHANNELS = [
    # themes set 117 (the public's channels of feedback and complaint: 12345 热线 and 工单, 网络问政, 舆情, 人大代表建议 and
    # 政协提案, 信访 and 领导接访, 满意度, 投诉举报, 征求意见, 好差评, 行政复议申请: 19 of 30 first, its misses in other
    # wordings): the public named as the raters of a service (群众满意度, 居民满意率) is no cue
    ("便民服务中心窗口服务质量有待提高，居民满意率仅为86%", "other"),
    ("商户满意度测评排名靠后，营商环境仍需优化", "other"),
    ("群众满意度测评显示，多数村民不知道行政复议的申请渠道", "publicity"),  # guard: a keyword decides
    # … nor the public a business strain befalls (商户资金链紧张, 企业亏损)
    ("部分商户资金链紧张，经营难以为继", "other"),
    ("受原材料涨价影响，部分经营户亏损严重", "other"),
    ("部分经营户法律意识淡薄，经营困难时以闹取利", "publicity"),  # guard: the public's awareness
    # an economy's downturn as the lead: what it is drawn from (the scene) names no fault
    ("从信访事项分布看，涉及工资拖欠的占比上升，反映出辖区企业经营困难", "other"),
    ("经济下行压力较大，镇级财力紧张，法治建设经费难以保障", "capacity"),  # guard: the rest still counts
    # buildings and equipment growing old (设施老化, 房屋老化) are no staff's aging
    ("镇政务服务中心设施老化，叫号系统经常故障", "other"),
    ("村级活动场所房屋老化，办公用房紧张", "other"),
    ("队伍年龄结构老化，青黄不接", "capacity"),  # guard: a staff's aging
    # the leaders who receive or visit petitioners (领导接访, 领导干部下访) are the petition system's mechanism
    ("领导干部下访走过场，群众反映的问题没有得到解决", "disputes"),
    ("县级领导定期接访制度落实不到位，来访群众反映的问题久拖不决", "disputes"),
    ("领导干部接访时运用法治思维不够，习惯于“花钱买平安”", "awareness"),  # guard: the cadres' own word
    # an office's staff who do not know a thing (工作人员对…不清楚) are the cadres'
    ("便民服务中心工作人员对政府信息公开申请的办理时限不清楚", "awareness"),
    ("社区工作人员对新出台的《信访工作条例》了解不多", "awareness"),
    ("执法工作人员对行政处罚程序不熟悉", "capacity"),  # guard: enforcement's staff
    # what a cadre's held thought is about (干部对…存在“…”思想) is the topic
    ("个别村干部对调解纠纷存在“怕得罪人”的思想", "awareness"),
    ("少数站所负责人对行政复议答复存在“走过场”思想", "awareness"),
    ("个别村干部对调解纠纷不上心，纠纷久拖不决", "disputes"),  # guard: no thought held
    # what the public lacks the sense to do, with the verdict 仍需增强, 还需提高
    ("部分村民通过诉讼解决土地纠纷的意识还需增强", "publicity"),
    ("居民依法理性表达诉求的意识仍需提高", "publicity"),
    # a complaint not resolved in substance, a public opinion not answered, a proposal's handling
    ("群众反映的问题虽已办结，但未得到实质性解决", "disputes"),
    ("涉镇网络舆情回应滞后，权威信息发布不及时", "disclosure"),
    ("政协提案办理质量不高，部分答复避重就轻", "disclosure"),
    ("部分干部应对网络舆情的法治思维不足", "awareness"),  # guard: the cadres' own word
]

PLAIN_SPOKEN_FAULTS = [
    # themes set 118 (items in plain spoken words, as a township head, a 司法所长 or a village cadre says them: 26 of 30
    # first, its misses in other wordings): too few people who know the law (懂法的人太少, 缺乏懂法的人) is the staffing's
    ("镇里懂法律的人太少，碰上行政诉讼只能临时请外面的律师", "capacity"),
    ("执法队缺乏懂法的人，案子办不下来", "capacity"),
    ("村民中懂法的人少，遇事爱找关系", "publicity"),  # guard: the public's
    ("我们班子里真正懂法的同志不多", "awareness"),  # guard: the leaders' own
    # a quarrel or a fight between people, said plainly (吵架, 拌嘴, 口角, 打架, 斗殴, 民转刑), is the dispute itself
    ("村民之间为点小事吵架，没人出面劝，最后闹到派出所", "disputes"),
    ("两户人家因为宅基地拌嘴，村里拖着不处理，后来动了手打架", "disputes"),
    ("村干部遇到村民打架就躲着走", "awareness"),  # guard: a quarrel met (遇到…) is the circumstance
    # the public's report (群众举报, 举报电话) and its handling are oversight's; said as the time of the fault
    # (群众举报…时) it is the occasion, and whoever acts on it decides
    ("村民举报的违规建房问题，镇里一直没有回复", "disclosure"),
    ("举报电话打不通，群众反映问题找不到门", "disclosure"),
    ("群众举报的问题查处反馈不及时", "disclosure"),
    ("部分村干部对政策不熟悉，群众举报违建时仍推给县里", "awareness"),  # guard: the occasion
    # the people a village is left with (留下的都是老人, 只剩下老人), in an item that names no law, are its make-up, no
    # cue of the public's
    ("青壮年外出务工，留守的多是老人和孩子，村里的事没人张罗", "other"),
    ("村里只剩下老人，土地撂荒严重", "other"),
    ("村里留下的都是老人，不懂法，容易上当受骗", "publicity"),  # guard: names a law
    ("留守老人多，防骗法律意识差", "publicity"),  # guard: the audience's keyword
]

SEEMING_AND_DENIED_HALVES = [
    # themes set 121 (concessive and contrastive sentences: 30 of 30 first, but its 表面上/不是/与其说 items named one
    # theme in both halves; these name another theme in the first): the seeming or denied half of a contrast that
    # opens its item (表面上…，实际上…; 不是/并非…，而是…; 与其说…，不如说…; …有余，而…) is the scene, the half after leads
    ("表面上普法活动场场爆满，实际上综合执法队员多为临时聘用人员，持证率不足一半", "capacity"),
    ("从表面上看调解组织实现了全覆盖，实际上部分村干部对基本法律一知半解", "awareness"),
    ("问题不是执法力量不够，而是群众法治意识淡薄，遇事仍习惯找关系", "publicity"),
    ("并非政务公开栏目缺位，而是矛盾纠纷排查化解不及时，小纠纷拖成大矛盾", "disputes"),
    ("不是普法宣传不到位，而是重大行政决策未经合法性审查", "decisions"),
    ("与其说是执法人员不足，不如说是政务公开不及时，群众对行政处罚结果无从查询", "disclosure"),
    ("普法宣传声势有余，而矛盾纠纷实质化解不足", "disputes"),
    ("（二）表面上执法案卷评查全部合格，实际上行政处罚决定未按规定公示", "disclosure"),  # after its list mark
    # guards: a contrast after its subject is that subject's (both halves are), and a lone half keeps its lead
    ("镇村干部法治培训并非次数不够，而是内容针对性不强", "awareness"),
    ("干部学法表面上全员参加，实际上实效不高", "awareness"),
    ("普法宣传不是缺少活动，而是活动与群众需求脱节", "publicity"),
    ("不是所有村都建立了调解委员会，部分村干部兼任调解员", "disputes"),
]


GRID_AND_THE_CENTRE = [
    # themes set 123 (grid governance and the 综治中心: 23 of 30 first, its misses in other wordings): a work's word with
    # 中心 or 办 after it names an office (综治中心, 综治办, 信访办), who is short or who did it, as a name ending in 所 does
    ("综治中心人员配备不足，日常值守主要靠借调人员", "capacity"),
    ("镇综治中心工作力量薄弱，综治值班主要靠临时借调人员", "capacity"),
    ("街道综治办工作力量薄弱，仅有1名专职人员", "capacity"),
    ("综治中心工作人员依法办事意识不强，对群众诉求随意表态", "awareness"),
    ("信访办工作人员对《信访工作条例》学习不深", "awareness"),
    ("网格化管理办法由综治办自行起草，未经合法性审查", "decisions"),
    ("镇综治中心规范化建设滞后，“一站式”调处多停留在挂牌", "disputes"),  # guard: the office's own quality
    ("综治中心受理的矛盾纠纷交办后缺少跟踪督办", "disputes"),  # guard
    ("信访办理不及时，部分信访事项超期未结", "disputes"),  # guard: 办理, the work done
    # the quotation after a worker's name is what is said of the worker
    ("社区网格员“身兼数职”，网格巡查时间难以保证", "capacity"),
    ("社区网格员“人少事多”，一人要包六百余户", "capacity"),
    ("网格员“只报不调”，矛盾纠纷化解不及时", "disputes"),  # guard
    # an assessment named by its kind (绩效考核, 履职考评): what it scores is its topic, the assessment oversight's
    ("对网格员的绩效考核偏重台账资料，对实际工作成效缺乏评价", "disclosure"),
    ("对村级调解员的履职考评流于形式，补贴按人头发放", "disclosure"),
    ("网格员绩效考核办法不完善", "disclosure"),
    # the public-security cameras' kit and its age, the cameras', no staff's equipment
    ("“雪亮工程”监控设备老化，部分点位长期黑屏", "other"),
    ("部分村视频监控探头老化损坏，夜间画面模糊", "other"),
    ("执法队缺少调取视频监控证据的设备，非现场执法难以开展", "capacity"),  # guard: enforcement's evidence
    ("执法记录仪等设备老化，全过程记录难以落实", "capacity"),  # guard
    # the population counted and the foundation of governance at large, in an item that names no law
    ("人口老龄化加剧，村内常住人口以老人为主，基层治理的根基不牢", "other"),
    ("青壮年外出比例高，户籍人口中六成常年在外，村级组织后继乏人", "other"),
    ("外来人口多，群众法治意识淡薄", "publicity"),  # guard: a law named
    ("矛盾纠纷多发，基层治理基础薄弱", "disputes"),  # guard: a dispute named
]


INDUSTRIES_OF_THE_TOWN = [
    # themes set 125 (the law's work in the town's own industries: 27 of 30 first, its misses in other wordings): the
    # people of a trade on the move (从业人员, 骑手, 摊贩, 经营户…流动性大) set the scene as a moving population does, no
    # staff turnover
    ("快递物流从业人员流动性大，普法难以覆盖", "publicity"),
    ("外卖骑手、网约车司机流动性大，法治宣传难以覆盖", "publicity"),
    ("镇区流动摊贩流动性大，普法资料发放后难以跟踪", "publicity"),
    ("法律服务从业人员流动性大，村法律顾问半年一换", "capacity"),  # guard: the law's own trade
    ("执法辅助人员流动性大，队伍不稳定", "capacity"),  # guard
    # a trade's practitioners (从业者) and a business's will to trade lawfully (依法经营意识, 守法经营意识, 诚信经营意识) are
    # the public's awareness, not the cadres'
    ("直播带货从业者依法经营意识淡薄", "publicity"),
    ("网店从业者法律意识淡薄，售假问题时有发生", "publicity"),
    ("部分商家诚信守法经营意识不强，短斤缺两时有发生", "publicity"),
    ("部分站所干部依法行政意识淡薄", "awareness"),  # guard
    # the public as producers whose output or income a market cuts (养殖户补栏积极性不高, 农户种粮积极性下降, 种植户减收):
    # the economy's, no cue of the public's
    ("生猪价格持续低迷，养殖户补栏积极性不高", "other"),
    ("农户种粮积极性下降，部分耕地季节性撂荒", "other"),
    ("茶叶收购价格下跌，种植户减收，部分茶园疏于管理", "other"),
    ("群众参与普法活动积极性不高", "publicity"),  # guard: the will to take part
    ("养殖户依法处理畜禽粪污的意识不强", "publicity"),  # guard
]

WORK_S_MONEY = [
    # themes set 120 (the places, money and things of rule-of-law work: 28 of 30 first, its misses in other wordings):
    # money named by the work it pays for (普法经费, 调解经费, 法律顾问经费) is that work's, not the staffing's
    ("法治宣传经费保障不足", "publicity"),
    ("普法经费不足，活动开展少", "publicity"),
    ("村级调解经费保障不足", "disputes"),
    ("法律顾问经费没有列入预算，合同审查时常找不到人", "decisions"),
    ("政务公开经费保障不足，查阅点设备陈旧", "disclosure"),
    ("执法经费保障不足，执法车辆维修都要临时申请", "capacity"),  # guard: enforcement's own money
    ("法治建设专项经费没有列入镇财政预算", "capacity"),  # guard: the work at large
    # money invested (投入不足, 投入有限) is the staffing's at large (r508's 基层法治建设保障投入不足, which the rule above took
    # from capacity by its explanation's 法律顾问服务经费), a work's own investment that work's
    ("基层法治建设保障投入不足，村级法治阵地和法律顾问服务经费主要依靠上级补助", "capacity"),
    ("镇级法治工作投入有限，司法所办公用房紧张", "capacity"),
    ("普法投入不足，宣传资料多年未更新", "publicity"),  # guard: the work named
    ("人民调解投入偏少，调解员补贴长期未落实", "disputes"),  # guard
]

DIGITAL_MEANS_OF_THE_RULE_OF_LAW = [
    # themes set 119 (items on the digital means of rule-of-law work: 27 of 30 first, its misses in other wordings): a
    # rule, a standard or a list put into use without the 法制审核 is a norm's legality review, decisions'
    ("智能审批系统的自动比对规则未经法制审核就上线运行", "decisions"),
    ("镇里制定的行政裁量基准未经法制审核即印发执行", "decisions"),
    ("少数处罚决定未经法制审核即送达当事人", "capacity"),  # guard: a penalty decision's review
    # the talent an economic field needs (电商人才, 产业人才, 文旅人才), in a clause that names no law, is the economy's
    ("乡村旅游起步晚，文旅人才缺乏，民宿档次不高", "other"),
    ("特色产业规模小，产业人才匮乏，带动能力弱", "other"),
    ("镇里缺乏懂法律的专业人才，执法办案力不从心", "capacity"),  # guard: the law's own staff
    # the public who must hand in the same papers again are whom the service fails, no cue of the public's
    ("部门间数据共享不足，企业群众办事需多次提交相同材料", "other"),
    ("群众办理社保业务仍需反复提交身份证明", "other"),
    ("群众对电子证照的法律效力不了解，仍要求开具纸质证明", "publicity"),  # guard: the public's not knowing
]

PROTECTED_GROUPS = [
    # themes set 124 (items about the groups the law protects: minors, the old, women, the disabled, veterans, migrant
    # workers: 27 of 30 first, its misses in other wordings): the public whose rights a cadre upholds or protects (维护/
    # 保护…权益) is whom the work is for, the cadre's awareness decides
    ("个别村干部保护留守儿童合法权益的意识不强", "awareness"),
    ("少数社区工作人员维护残疾人合法权益的法治意识淡薄", "awareness"),
    ("部分村民维护自身合法权益的意识不强", "publicity"),  # guard: the public's own
    ("农村老年人依法维权意识淡薄", "publicity"),  # guard
    # a care or welfare service's resources and staff (关爱服务资源, 养老服务力量, 专职护理员, 儿童主任多为兼职), in a clause
    # that names no law nor a rule-of-law work, are the welfare's
    ("养老服务力量薄弱，专职护理员严重不足", "other"),
    ("农村留守儿童关爱服务人员不足，儿童主任多为兼职", "other"),
    ("助残服务资源分布不均，偏远村康复服务难以覆盖", "other"),
    ("镇法律服务资源不足，群众咨询要到县城", "capacity"),  # guard: the law's own service
    ("社区矫正专职社工仅1名，监管力量薄弱", "capacity"),  # guard: a rule-of-law work's social workers
    ("调解员多为兼职，年龄偏大", "capacity"),  # guard: the mediators
    # the children who moved with the public or were left behind (随迁子女, 留守子女) and their schooling are whom a
    # welfare policy serves, no cue of the public's
    ("进城务工人员随迁子女入学难问题仍然存在", "other"),
    ("农民工留守子女上学路途远", "other"),
    ("外来务工人员法律意识淡薄，讨薪多靠堵门拉横幅", "publicity"),  # guard: their own awareness
]


SERVICE_STAFF_OF_TOWN_INSTITUTIONS = [
    # themes set 126 (schools, clinics and public institutions: 29 of 30 first, its miss in other wordings): the staff of
    # a service a town's institutions give (乡村医生, 村医, 医务人员, 教师, 护理员, 卫生院专业人才) and their age, in a clause
    # that names no law, are the health's, the schooling's or the care's own, not the rule-of-law work's staff
    ("乡村医生队伍老龄化严重，年轻村医补充困难", "other"),
    ("农村中小学教师年龄老化，青年教师留不住", "other"),
    ("镇卫生院医务人员不足，全科医生仅3名", "other"),
    ("村医年龄结构老化，平均年龄58岁", "other"),
    ("乡镇卫生院专业人才匮乏，影像、检验等岗位缺人", "other"),
    ("敬老院护理员年龄老化，护理服务跟不上", "other"),
    # guards: the law named (执法, 法治), the rule-of-law work's own staff, another clause's theme
    ("卫生监督执法人员不足", "capacity"),
    ("部分教师法治意识淡薄", "awareness"),
    ("人民调解员队伍老化", "disputes"),
    ("司法所工作人员年龄老化", "capacity"),
    ("医护人员与患者沟通不够，医患矛盾时有发生", "disputes"),
]

PARTY_ORGANISATION_STANDARDS = [
    # themes set 127 (shortcomings written as the remedy: 29 of 30 first, its miss in other wordings): the standards the
    # party's own organisation is built to (党组织/党支部/党建工作/党群服务中心 + 标准化, 规范化) are party building's,
    # not the enforcers' conduct the bare qualities name
    ("基层党组织标准化规范化建设还要下功夫", "other"),
    ("村党支部标准化规范化建设推进不平衡，部分村活动阵地功能不全", "other"),
    ("党建工作标准化水平有待提升", "other"),
    ("党群服务中心规范化建设还需加强，个别村党群服务中心挂牌多、服务少", "other"),
    ("部分村党组织规范化建设达标率不高", "other"),
    # guards: a rule-of-law body's or work's quality, a theme's work between the party's name and the quality, the
    # law named beside the party's standards
    ("司法所规范化建设有待加强", "capacity"),
    ("执法规范化水平有待提高", "capacity"),
    ("政务公开标准化规范化水平不高", "disclosure"),
    ("党委依法决策的规范化水平有待提高", "decisions"),
    ("村党组织规范化建设中法治学习内容偏少，党员学法流于形式", "awareness"),
    ("党建引领下司法所规范化建设还需加强", "capacity"),
]


THE_TOWN_S_WORD = [
    # themes set 131 (credit and the government keeping its word: 29 of 30 first, its miss in other wordings): a promise the
    # town makes and the procedure it lacks (承诺…程序: 承诺不走程序, 承诺未履行审批程序, 承诺缺少必要程序) is a decision's
    ("乡政府作出奖补承诺不走程序", "decisions"),
    ("招商过程中对企业的口头承诺未履行审批程序", "decisions"),
    ("街道对入驻企业的租金减免承诺没有经过规定程序，事后难以兑现", "decisions"),
    ("部分招商引资优惠承诺缺少必要程序", "decisions"),
    ("镇政府向投资方作出的配套承诺未经法定程序", "decisions"),
    # guards: a system of promises the applicant or the firm makes (告知承诺制, 信用承诺) is no promise of the town's
    ("综合执法队对告知承诺制的事后核查程序执行不到位", "capacity"),
    ("执法人员对告知承诺制的核查程序不熟悉", "capacity"),
    ("部分个体工商户对信用承诺制的办理程序不了解", "publicity"),
    ("信用承诺制办理程序未在政务服务大厅公示", "disclosure"),
    ("执法程序不规范", "capacity"),
]


CUSTOMS_MEETING_THE_LAW = [
    # themes set 129 (customs meeting the law: 25 of 30 first, its misses in other wordings): a programme of culture and
    # civility (精神文明创建, 公共文化服务, 文明实践站), in an item that names no law, holds its own money, forms and audience
    ("精神文明创建经费不足，村级文化活动形式单一", "other"),
    ("公共文化服务投入有限，村民参与文体活动的热情不高", "other"),
    ("新时代文明实践站活动不经常，群众参与度不高", "other"),
    # the public as households whose spending or burden is counted: the custom's cost, no cue of the public's
    ("红白喜事攀比之风盛行，村民人情开支逐年增加", "other"),
    ("群众婚丧嫁娶经济负担较重", "other"),
    # the procedure of making or revising a norm (制定程序, 修订程序, 修改程序) and the villagers' assembly (村民会议): decisions
    ("居民公约制定程序不规范，未广泛征求居民意见", "decisions"),
    ("个别村自治章程修改程序不严格", "decisions"),
    ("个别村集体土地发包方案未提交村民会议讨论决定", "decisions"),
    ("部分村宅基地分配方案未经村民会议通过，由村干部商定", "decisions"),
    # a cadre's study of a law (干部学习《…》…不深), past the title's chapter: the cadres'
    ("社区干部学习《物业管理条例》业主大会一章不深，调处物业纠纷时说不清楚", "awareness"),
    ("部分村干部学习《土地管理法》宅基地条款不够，审批建房时把关不严", "awareness"),
    # guards: the law named in a culture programme, the public's own awareness, enforcement's procedure, 普法 at the assembly
    ("新时代文明实践站开展普法活动少，群众参与度不高", "publicity"),
    ("乡风文明建设中法治宣传形式单一", "publicity"),
    ("部分村民法治观念淡薄，婚丧事宜大操大办", "publicity"),
    ("行政处罚案件办理程序不规范", "capacity"),
    ("利用村民会议开展普法宣传的次数少", "publicity"),
]


LAND_AND_THE_VILLAGES_COLLECTIVE_PROPERTY = [
    # themes set 134 (land and the villages' collective property: 27 of 30 first, its misses in other wordings, nine of
    # them wrong before the mend): a notice posted on the board (张榜), the public looking a thing up (查询) and a
    # platform's data kept current (数据更新, as 信息更新): disclosure's keywords
    ("村集体机动地发包结果未张榜公布，村民不知道承包人和租金", "disclosure"),
    ("低保、临时救助名单没有按规定在村民小组张榜", "disclosure"),
    ("村民想了解本村集体土地出租收入，却无处查询", "disclosure"),
    ("惠农补贴发放信息在平台上查询不便，农户只能到镇里询问", "disclosure"),
    ("农村产权交易平台数据更新不及时，流转价格长期未变", "disclosure"),
    # the old people as the hands that farm the land, in an item naming no law: the village's labour (`_LEFT_BEHIND`)
    ("在家务农的多为老人，部分山坡地无人耕种", "other"),
    ("农村老年人种地力不从心，不少承包地季节性闲置", "other"),
    # the search for land or buildings in a given state, in a clause naming no quarrel: a survey (`_LAND_SWEEP`)
    ("2023年排查闲置农房83处，盘活利用率不足三成", "other"),
    ("排查出耕地“非农化”问题地块46个，复耕进度较慢", "other"),
    # guards: the old people as an audience, their knowing of the law, the disputes' sweep, the enforcers' look-up, the
    # cadres' reporting of a sweep
    ("面向留守老人的普法宣传覆盖不够", "publicity"),
    ("留守老人法治意识淡薄，容易上当受骗", "publicity"),
    ("留守老人种地遇到土地纠纷不知道如何依法维权", "publicity"),
    ("排查土地承包纠纷不及时，部分矛盾激化", "disputes"),
    ("矛盾纠纷排查不够深入", "disputes"),
    ("执法人员利用信息系统查询比对违法线索的能力不足", "capacity"),
    ("村干部对违法占地排查上报不及时，怕得罪人", "awareness"),
]


RESIDENTIAL_COMMUNITIES_AND_SOCIETY_S_OWN_BODIES = [
    # themes set 132 (residential communities and society's own bodies: 28 of 30 first, its misses in other wordings):
    # the procedure a self-governing body is elected by (选举程序, read before the enforcers' 程序不规范) and the rules a
    # body deliberates and votes by (议事规则): decisions
    ("村民委员会选举程序不规范，个别村委托投票未按规定办理", "decisions"),
    ("部分小区业委会选举程序不够严谨，投票结果引起业主质疑", "decisions"),
    ("业主大会议事规则不健全，重大事项表决随意", "decisions"),
    ("小区议事会未按议事规则表决，个别事项由少数人拍板", "decisions"),
    # the public as those who pay their share of a common work: the project's money, no cue of the public's
    ("老旧小区改造资金来源单一，业主出资比例低", "other"),
    ("一事一议项目推进缓慢，村民筹资筹劳积极性不高", "other"),
    ("加装电梯资金缺口较大，居民自筹部分难以落实", "other"),
    # guards: the public's knowing of the procedure, enforcement's procedure, owners who refuse a fee, a cost's dispute
    ("居民对业委会选举程序了解不多", "publicity"),
    ("执法程序不规范", "capacity"),
    ("业主依法维权意识不强，有的以拒交物业费方式表达不满", "publicity"),
    ("加装电梯过程中业主对费用分摊方案争议较大，调解难度大", "disputes"),
    ("居民参与小区议事的积极性不高，对居民公约知晓率低", "publicity"),
    ("群众防范非法集资的意识不强", "publicity"),  # guard: 集资 a crime, not a share paid
]


THE_DIGITAL_SIDE_OF_THE_WORK = [
    # themes set 135 (the digital side of the work: 25 of 30 first, its misses in other wordings): the workers' age
    # (年龄偏大), a staffing keyword; a grid's worker is no dispute work (网格 goes before another theme's keyword)
    ("村级网格员年龄偏大、文化程度低，难以胜任信息录入工作", "capacity"),
    ("社区网格员队伍年龄偏大，学历普遍不高", "capacity"),
    ("镇便民服务中心工作人员年龄偏大，对新上线的业务系统掌握慢", "capacity"),
    # … not a work's worker's (the work decides, their age said right after them or a few characters on) nor the public's
    ("人民调解员年龄偏大，调解方法陈旧", "disputes"),
    ("部分村调解员队伍整体年龄偏大，后继乏人", "disputes"),
    ("村级人民调解员多为兼职，年龄偏大、法律知识欠缺，新类型纠纷调处能力不足", "disputes"),
    ("留守村民年龄偏大，普法宣传难以入脑入心", "publicity"),
    # a cadre's or an office's staff's awareness of protecting personal information: the cadres' (the public's stays theirs)
    ("村干部个人信息保护意识不强，将低保户名单连同身份证号码张贴公示", "awareness"),
    ("社区工作人员个人信息保护意识薄弱，随意向无关人员提供住户信息", "awareness"),
    ("部分老年群众个人信息保护意识淡薄，容易被电信诈骗分子骗取验证码", "publicity"),
    # a signal's, a network's or a system's state and the servers' and the IT kit: the information infrastructure, no
    # society's stability (稳定) nor the staff's equipment (设备, 老化, 电脑); the enforcers' and an office's kit stay theirs
    ("偏远山村光纤未通，手机信号不稳定", "other"),
    ("山区部分自然村手机信号弱、网速慢", "other"),
    ("村级便民服务站网速慢、网络时常卡顿，线上业务办理效率低", "other"),
    ("服务器老化，系统运行不稳定", "other"),
    ("部分村（社区）电脑等信息化设备陈旧，难以满足线上办公需要", "other"),
    ("司法所办公设备老化", "capacity"),
    ("执法记录仪等设备老化，部分已无法正常使用", "capacity"),
    ("执法队电脑等信息化设备陈旧", "capacity"),
    ("辖区社会面总体稳定，但信访总量仍居高位", "disputes"),
    # money for the information systems as such: no staffing's money (the rule-of-law work's and enforcement's stay)
    ("数字化改造经费有限，部分村级平台长期无人维护", "other"),
    ("智慧社区建设资金不足，多个小区门禁、监控系统未能联网", "other"),
    ("执法信息化建设投入不足，移动执法终端配备率低", "capacity"),
    ("基层法治建设投入不足", "capacity"),
]


PLAIN_LOCAL_VOICE = [
    # themes set 136 (the plainest local voice: 24 of 30 first, its misses in other wordings): the villages' legal
    # advisers seldom there, in an item naming no work of theirs, the legal service's staffing (`_ADVISERS_SELDOM`)
    ("社区法律顾问半年见不着一次面，居民有事没处问", "capacity"),
    ("村法律顾问很少到村里来，村民遇到麻烦只能自己想办法", "capacity"),
    # a cadre not taking the law seriously (没把法当回事): the cadres'; the public's (群众…把法) the public's
    ("有的村干部压根没把法律当回事，想怎么干就怎么干", "awareness"),
    ("个别村民没把法当回事，占道晒粮、乱搭乱建", "publicity"),
    # a quarrel said plainly: neighbours (邻里之间), a mediation that fails (调不下来, 调不成, 调不拢), a quarrel growing
    # (越吵越…) and a small matter let grow into a big one (小事…大事): disputes
    ("两家为地界闹了好几年，村里调不成，镇里也调不拢", "disputes"),
    ("婆媳之间老是闹别扭，越吵越僵，村里没人出面", "disputes"),
    ("有的村小事拖成了大事，最后闹到镇里", "disputes"),
    # the accounts posted, put on the wall or shown (账…贴出, 账…张贴, 账…上墙, 晒账): disclosure
    ("有几个村的账一年多没上墙，村民看不到钱花哪了", "disclosure"),
    ("村集体收支不晒账，群众有意见", "disclosure"),
    # matters decided at a meeting, said plainly (开会定事, 碰头定事, 商量定事): decisions
    ("村里碰头定事全凭书记一句话", "decisions"),
    ("有的村商量定事不叫村民代表", "decisions"),
    # guards: the advisers' work named, the town's own adviser, the enforcers' finding of facts (认定事实, no 定事)
    ("全镇14个村（社区）的村级法律顾问由2名律师兼任，平均每村每月到村服务不足半天，村里起草土地流转合同时常常找不到人咨询",
     "decisions"),
    ("镇政府法律顾问一年来不了几趟，合同审不过来", "decisions"),
    ("执法人员认定事实不清，处罚决定被复议撤销", "capacity"),
    ("普法宣传多是张贴标语，群众看了记不住", "publicity"),
    # what it comes down to, said plainly (说到底…, 归根结底…): the fault behind the practice named first leads
    ("有的站所负责人签字拍板时从不看条文，说到底是没把法律当回事", "awareness"),
    ("窗口工作人员不把法律法规当回事，办事凭感觉", "awareness"),
    ("村里定事不开会，归根结底是书记一个人说了算", "decisions"),
]


NEGATIONS_AND_HEDGES = [
    # themes set 137 (negations, double negations and hedges: 29 of 30 first, its miss in other wordings): the public
    # legal service's rooms, stations and points left unstaffed (法律服务…无人值守, …无人值班, …无人坐班, …无人在岗,
    # …无专人) are its staffing's, capacity's keywords
    ("村（社区）公共法律服务室长期无人值班，群众咨询只能打电话到镇里", "capacity"),
    ("部分村法律服务点无专人负责，法律咨询登记簿全年空白", "capacity"),
    ("二是村居法律服务工作室无人坐班。12个村（社区）中有7个工作室平时锁门", "capacity"),
    # the public's denied denial (群众并非不愿…，而是…; 村民不是不想…，而是…): the first half clears the public, and what
    # follows 而是 leads (`_CONTRAST`)
    ("群众并非不愿学法用法，而是村里的法律服务工作站多数无人值守，找不到人问", "capacity"),
    ("村民不是不愿意调解，而是调委会调解员多为兼职，调解能力不足", "disputes"),
    ("居民并不是不想参与，而是社区重大事项决策前很少征求意见", "decisions"),
    ("村民并非不关心村务，而是村务公开栏长期不更新，财务收支只公布总数", "disclosure"),
    # guards: a cadre's denied denial stays the cadres' (the clause naming them leads), the public's own not knowing
    # theirs, a noticeboard unattended no staffing's
    ("村干部不是不想依法办事，而是对新修订的土地管理法了解不多", "awareness"),
    ("群众不是不懂法，而是对新出台的政策了解不多", "publicity"),
    ("村公开栏无人值守", "disclosure"),
]


HOTLINES_AND_PETITIONS = [
    # themes set 139 (hotlines, petitions and what the public asks for: 23 of 30 first, its misses in other wordings): a
    # petition's or a request's result, handling or information published or told back (`_told_result`): disclosure
    ("热线工单处理结果没有向社会公布", "disclosure"),
    ("信访事项受理情况未按规定公开", "disclosure"),
    ("来电办理结果未及时告知来电人", "disclosure"),
    ("12345工单办结后未向市民反馈处理结果", "disclosure"),
    # a request named by the thing complained of and counted (`_SUBJECT_REQUEST`): the subject as such, other
    ("小区物业方面的诉求占比较高", "other"),
    ("冬季供暖类诉求集中", "other"),
    ("占道停车的诉求逐年增多", "other"),
    # a cadre's awareness of doing a work lawfully (`_CADRES_LAWFUL_MINDSET`): the cadres'
    ("个别村干部依法调解纠纷的意识淡薄", "awareness"),
    ("少数领导干部依法化解信访矛盾的观念不强", "awareness"),
    # guards: a request left unresolved, a result the petitioner is unhappy with, a mediation's result, repeated requests
    ("群众诉求化解不及时", "disputes"),
    ("部分信访事项办理结果群众不满意，重复信访多", "disputes"),
    ("重复诉求较多，部分矛盾反复出现", "disputes"),
    ("部分群众依法维权意识不强", "publicity"),
]


ADMINISTRATIVE_REVIEW_AND_LITIGATION = [
    # themes set 138 (reconsideration and litigation: 23 of 30 first, its misses in other wordings): what a cadre
    # resists, unquoted (对行政诉讼存在抵触心理), the topic; the resisting the cadres' (`_RESISTING`), the public's the disputes'
    ("个别站所负责人对行政复议纠错存在排斥情绪，不愿意改正", "awareness"),
    ("有的领导对当被告有畏难心理，能不出庭就不出庭", "awareness"),
    ("部分群众对征收拆迁存在抵触情绪，矛盾容易激化", "disputes"),
    # a court's or a procuratorate's advice answered, acted on or put right late (司法建议…回复, 检察建议…整改): the cadres'
    ("县检察院发出的检察建议整改不到位，逾期未书面回复", "awareness"),
    ("对法院司法建议落实不够，同类问题反复出现", "awareness"),
    # evidence given late in a suit, its cause after it (举证不及时，因…): the cause leads (`_OUTCOME_FIRST`)
    ("行政应诉举证不及时，因执法案卷归档不全，证据调取困难", "capacity"),
    ("复议答复中逾期举证，均因执法人员业务不熟、调查取证不规范", "capacity"),
    ("举证逾期，因案卷管理不规范、证据材料缺失，1起案件被判败诉", "capacity"),
    # no office or staff of its own for a work (没有专门负责…的科室和人员): the staffing's lack (`_UNSTAFFED_FOR`)
    ("镇里缺少专门从事普法的工作人员，宣传活动靠临时抽调", "capacity"),
    ("社区没有专门负责矛盾调解的人员，纠纷多靠网格员兼顾", "capacity"),
    # an administrative act made without the 法制审核: its legality review (`_NORM_REVIEWED`); a penalty decision's untouched
    ("部分行政行为作出前未经法制审核即对外发布，被复议机关确认违法", "decisions"),
    ("少数处罚决定未经法制审核即送达当事人", "capacity"),
    # a case's pace in the court's or the reviewing organ's hands: no fault of the town's (`_CASE_PACE`); a clause that
    # names the town's part in the case stays
    ("法院审判期限较长，2起征收案件至今仍未宣判", "other"),
    ("受汛期影响，部分行政诉讼案件开庭推迟", "other"),
    ("应诉准备不充分导致开庭推迟", "disputes"),
    ("行政复议答复逾期，听证延期举行", "disputes"),
    # themes set 140 (long one-sentence items: 29 of 30 first, its miss in other wordings): the enforcers' training
    # that the item says left them not grasping a law (对《…》掌握不到位, 理解不深, 把握不准) is the cadres' law training
    # (`_ENFORCERS_TRAINED`); a training with no law ungrasped stays the enforcement's
    ("执法队员业务培训开展少，部分队员对《中华人民共和国行政强制法》理解不深，办案时仍凭经验", "awareness"),
    ("镇综合执法队执法人员培训流于形式，执法人员对新修订的《土地管理法》把握不准", "awareness"),
    ("执法人员培训不足，案卷制作不规范、证据收集不完整", "capacity"),
]


ENFORCEMENT_IN_NAMED_FIELDS = [
    # themes set 130 (enforcement in named fields: 30 of 30 first; its writer's eighteen probes, written after the list
    # was read, found two misses): the offenders enforcement pursues and their sites (非法行医点, 游医, 黑车, 窝点, 摊点,
    # 作坊, 违法行为) on the move are the field's scene, as a moving population is, no staff turnover
    ("辖区非法行医点隐蔽性强、流动性大", "other"),
    ("无证游医流动性大，查处难以到位", "other"),
    ("非法加工窝点隐蔽、流动性大", "other"),
    ("城郊黑车流动性大，屡查屡犯", "other"),
    ("占道经营摊点流动性大，夜间反弹明显", "other"),
    ("执法协管员流动性大，违法行为发现不及时", "capacity"),  # guard: the enforcers' own staff
    # petitions made again and again (多次/反复/重复/屡次…上访, as 重复访 and 缠访) are the disputes', whoever petitions (a
    # public's cue, 车主, 商户, 个体户, no longer ties them)
    ("非法营运车辆查扣后，车主多次到镇里上访要求放车", "disputes"),
    ("个别商户对罚款决定不服，反复上访", "disputes"),
    ("部分个体户重复到县上访", "disputes"),
    ("违建户屡次上访，要求补偿", "disputes"),
    # guards: the public's own choice of petitions over the law, and a decision that caused the petitions
    ("部分群众信访不信法，多次上访", "publicity"),
    ("违建拆除方案未经风险评估即实施，引发村民多次上访", "decisions"),
]

INSPECTIONS_OF_FIRMS = [
    # themes set 143 (inspections of firms: 26 of 30 first, its misses in other wordings): inspections not graded by a firm's
    # credit (信用等级, 信用分级, 分级分类监管, 差异化监管) the inspectors' procedure, capacity's
    ("未按企业信用等级确定抽查比例，守信企业与失信企业检查次数相同", "capacity"),
    ("信用分级分类监管落实不到位，对低风险企业仍频繁上门检查", "capacity"),
    # legal services and the law carried to firms, parks and villages (法律服务进…, 送法进/下乡/上门) publicity's; a contract
    # sent to the legal adviser (送法律顾问) stays decisions'
    ("公共法律服务进企业、进商圈开展不够，覆盖面有限", "publicity"),
    ("“送法进万家”活动形式单调，村民参与不多", "publicity"),
    ("送法上门服务仅覆盖部分规上企业，个体户较少受益", "publicity"),
    ("部分合同未送法律顾问审核即签订", "decisions"),
]

DISCIPLINE_AND_THE_LAW = [
    # themes set 142 (rule of law and discipline: 23 of 30 first, its misses in other wordings): power used without rule
    # (权力运行…不规范, 用权…不规范), 审批把关 and 廉政风险 the decisions'; 小微权力 and 权力运行 under oversight stay disclosure's
    ("村级权力运行不够规范，个别村干部擅自处置集体资源", "decisions"),
    ("部分站所负责人用权不规范，该集体研究的事项个人说了算", "decisions"),
    ("宅基地审批把关不严，个别农户未经公示即获批建房", "decisions"),
    ("村级工程项目廉政风险防控薄弱，招投标环节存在“暗箱操作”隐患", "decisions"),
    # the search for power's risks is no disputes' 排查 (`_RISK_SWEEP`); the search for quarrels stays theirs
    ("岗位廉政风险排查流于形式，风险点查找不准", "decisions"),
    ("排查化解矛盾纠纷不及时，部分纠纷激化为信访", "disputes"),
    # the party's conduct as such, in an item naming no law and no keyword, none's (`_CONDUCT`); a theme's work named keeps it
    ("享乐主义、奢靡之风禁而未绝，个别干部违规收受礼品", "other"),
    ("文山会海问题仍未根治，基层干部疲于应付", "other"),
    ("少数干部作风不实，工作中存在不作为、慢作为现象", "other"),
    ("部分干部作风不严，执法过程中态度生硬、程序不规范", "capacity"),
    ("形式主义问题仍有发生，普法宣传满足于发资料、挂横幅", "publicity"),
]


SAFETY_AND_EMERGENCIES = [
    # themes set 133 (safety and emergencies: 28 of 30 first, its misses in other wordings): a hazard sweep (隐患排查)
    # named in a clause of no field, in an item whose other words are of safety, fire, flood or a disaster and none of
    # a quarrel, is the safety work's, not the disputes' 排查 (`_safety_item`); forest fire, dangerous chemicals, mines
    # and geological hazards are safety's fields too (`_HAZARD_OF`)
    ("隐患排查结果未向社会公开，森林防火重点区域的整改情况群众无从知晓", "disclosure"),
    ("隐患排查情况不向村民公开，地质灾害易发区的群众不知道自家是否在隐患点范围内", "disclosure"),
    ("排查出的隐患清单未公示，野外用火重点时段的巡查结果也不对外发布", "disclosure"),
    # a safety worker's certificate (资格证, 上岗证, 无证上岗) is staffing's, as 持证 is
    ("开展隐患排查时只看台账、不到现场，镇村两级安全员中持有资格证书的不到三成", "capacity"),
    ("村级消防安全员均未取得资格证书，参加培训的机会也很少", "capacity"),
    ("部分企业的专职安全管理人员无证上岗，对特种设备安全隐患不会查", "capacity"),
    ("燃气企业入户安检人员多为临时招用，没有上岗证", "capacity"),
    # guards: a sweep of quarrels (矛盾, 涉稳, 维稳, 群体性) keeps its 排查 in an item of safety; a disclosure named by its
    # own word; the cadres' training
    ("隐患排查台账不全，矛盾纠纷排查化解不及时，个别安全生产领域的信访问题久拖不决", "disputes"),
    ("矛盾隐患排查不深入，汛期转移安置群众的诉求回应不及时", "disputes"),
    ("涉稳隐患排查流于形式，安全生产领域的欠薪问题时有发生", "disputes"),
    ("维稳隐患排查不细，危化品运输车辆通行引发的群体性上访未能及早发现", "disputes"),
    ("隐患排查整改结果不公示，危化品企业周边居民无从监督", "disclosure"),
    ("镇里开展隐患排查后整改清单不公开，矿山周边村民无从监督", "disclosure"),
    ("镇村干部应急管理法治培训不足，对《突发事件应对法》学习不深", "awareness"),
]


SLOGANS_AND_WHAT_THEY_STAND_FOR = [
    # themes set 128 (slogans, numbered formulae and jargon: 24 of 30 first, its misses in other wordings):
    # 两法衔接 named as its information platform, in an item about the oversight it serves, is the platform's name, the
    # fault what the platform hides from the overseers (set 109's 平台使用率低，涉嫌犯罪案件移送不及时 stays capacity)
    ("两法衔接信息平台使用率低，执法部门录入案件信息不全，检察机关难以开展监督", "disclosure"),
    ("行政执法与刑事司法衔接信息共享平台数据更新滞后，移送案件情况无法接受检察监督", "disclosure"),
    ("“两法衔接”工作机制运行不畅", "capacity"),  # guard: the handing over itself
    ("执法人员对两法衔接移送标准把握不准，涉嫌犯罪案件移送不及时", "capacity"),  # guard
    # the villages' legal advisers counted as lawyers' part-time posts, in an item naming no work of theirs: staffing
    ("村（居）法律顾问由1名律师兼任，人均联系9个村，到村服务时间难以保证", "capacity"),
    ("全镇村级法律顾问由县城律师兼任，每名律师负责6个村，群众找不到人", "capacity"),
    ("镇政府法律顾问由县城律师兼任，到镇服务次数少，难以及时提供法律意见", "decisions"),  # guard: set 18's, the town's
    ("村级法律顾问由2名律师兼任，村集体签订合同时常常找不到人审核", "decisions"),  # guard: their work named
    # themes set 144: the villages' advisers' time in the village said short, naming no work of theirs: staffing
    ("社区法律顾问驻点时间不足，作用难以发挥", "capacity"),
    ("村法律顾问到村坐班时间偏少", "capacity"),
    ("村级法律顾问驻点时间少，村集体签订合同时找不到人审核", "decisions"),  # guard: their work named
    # guard: the short time said only after a lead on the advisers' role explains that lead (written round 64's r553)
    ("社区法律顾问作用发挥不明显，部分顾问到社区坐班时间偏少", "decisions"),
    # the party's theory and its study, in a clause naming no law: the party's political study, no theme
    ("部分党员对党的二十大精神学习不够深入，理论学习停留在读原文", "other"),
    ("少数村干部对“两个维护”的认识还不够深刻", "other"),
    ("主题教育中个别干部理论学习不够系统，学用结合不够紧密", "other"),
    ("部分干部对习近平法治思想学习不深，理论学习与依法行政结合不紧", "awareness"),  # guard: the law named
    # the village cadres' age, reserve and 一肩挑, in an item that names no law: the party's organisation work
    ("村“两委”班子成员年龄偏大，50岁以上的占六成，后备干部储备不足", "other"),
    ("社区干部队伍青黄不接，35岁以下的仅3人", "other"),
    ("村党组织书记年龄老化，后备力量薄弱", "other"),
    ("懂法律的年轻干部少，后备力量不足", "capacity"),  # guard: set 2's, the law named
    ("村“两委”成员法治意识不强，年龄偏大", "awareness"),  # guard
    # a misreading (认识有偏差, 认识存在偏差) is a verdict of not knowing: its topic blanked, its holder decides
    ("个别站所负责人对规范性文件备案的认识存在偏差", "awareness"),
    ("少数干部对依法行政认识上有偏差，认为依法办事束手束脚", "awareness"),
    ("部分群众对调解协议效力的认识存在偏差", "publicity"),
]

HAZARD_SWEEPS_AND_THE_GRASSROOTS_BURDEN = [
    # written round 107 (shortcomings hard to theme; its misses in other wordings): the sweep for safety hazards
    # (隐患排查, 排查整治) is the safety work's, no disputes' 排查
    ("消防安全隐患排查整治还不到位，部分出租屋通道堵塞", "other"),
    ("汛期地质灾害隐患排查不够细致", "other"),
    ("道路交通安全隐患排查还有盲区，农村面包车超载时有发生", "other"),
    ("矛盾纠纷隐患排查还不深入，苗头性问题发现不及时", "disputes"),  # guard: a quarrel's
    ("安全隐患排查中发现的违法建设未及时立案查处", "capacity"),  # guard: the enforcement fault after the sweep
    # the burden on the grassroots as an item's lead: the 基层减负 campaign's, none of the rest's words a theme's
    ("基层负担依然较重，上级部门督查检查频次多，村干部疲于迎检", "other"),
    ("减负工作落实还不到位，各类工作群、政务APP要求村干部每日打卡", "other"),
    ("基层减负背景下，镇综合执法队执法人员仍被抽调从事其他工作", "capacity"),  # guard: a scene, then the fault
    ("普法活动重形式轻实效，部分活动拍照留痕后即结束", "publicity"),  # guard: formalism in a theme's work
    ("社区减负增效还不到位：上级部门下派到社区的事项依然较多，社区工作者忙于填表报数、迎接各类检查", "other"),  # r236's
    ("基层减负要求下，法治建设考核仍要求各村每月上传学法照片和台账截图，考核重痕迹轻实效", "disclosure"),  # guard: a scene
]


MONEY_CHANNELS_AND_HOUSING = [
    # written round 108 (its misses in other wordings): a channel of income, money or sales is the economy's, no
    # channel of learning or redress the public's cue 渠道 names; the public and the housing they hope to improve
    # are whom a renovation serves
    ("乡域产业基础薄弱，农民增收渠道较窄", "other"),
    ("特色产业链条较短，集体经济增收渠道不宽", "other"),
    ("小微企业融资渠道不畅，发展后劲不足", "other"),
    ("农产品销售渠道单一，价格波动大", "other"),
    ("辖区老旧小区较多，改造资金缺口较大，居民改善居住条件的期盼较高", "other"),
    ("群众学法用法渠道较少，普法阵地利用率不高", "publicity"),  # guard: a channel of learning
    ("部分村民依法维权渠道不畅，遇事仍习惯上访", "publicity"),  # guard: redress
    ("部分居民法治意识淡薄", "publicity"),  # guard
]


SERVED_PUBLIC_CROWDS_AND_WORKS_MONEY = [
    # written round 109 (its misses in other wordings): the public named as whom works or a service are for (生产生活条件,
    # 加装电梯, 期盼, 办事时), a request named by the facility it asks for, visitors in numbers and the money works need
    # beside the town's 财力 are no theme's
    ("部分村组道路、饮水等基础设施建设滞后，群众生产生活条件有待改善", "other"),
    ("老旧小区基础设施老化，居民加装电梯等诉求难以及时满足", "other"),
    ("小区停车位紧张，停车诉求无法满足", "other"),
    ("节假日景区游客量大，交通拥堵问题突出", "other"),
    ("旧城改造资金需求大，街道财力保障压力较大", "other"),
    ("档案数据未全部更新，部分群众办事时仍需提供旧证明", "other"),
    ("群众诉求化解不及时，部分信访事项反复", "disputes"),  # guard: a request not named by a facility
    ("12345热线重复工单占比仍较高，物业服务、加装电梯等诉求“一办了之”的问题尚未根本解决", "disputes"),  # guard: r735's
    ("部分游客文明旅游和守法意识不强，景区普法宣传不到位", "publicity"),  # guard: a keyword decides
    ("镇级财力有限，法治阵地建设投入不足", "capacity"),  # guard: the rule-of-law work's money
]


THE_PUBLIC_AFFECTED = [
    # written round 110 (its misses in other wordings): the public as those a problem befalls or who complain of it
    # (影响群众生产生活, 群众反映强烈, 给村民出行带来不便) is whose life the fault touches, no cue of the public's
    ("部分山区村道路、饮水等基础设施老化，历史遗留问题较多，影响群众生产生活", "other"),
    ("城区部分老旧街巷排水管网陈旧，雨季积水问题群众反映强烈", "other"),
    ("村组道路年久失修，给村民出行带来不便", "other"),
    ("部分小区停车位不足，居民意见较大", "other"),
    ("部分群众法治意识淡薄，遇事习惯于上访", "publicity"),  # guard: the public's own fault
    ("群众反映问题的渠道不畅", "publicity"),  # guard: a channel for the public
    # written round 112: the public whose urgent needs and hopes the fault leaves unmet (群众急难愁盼, 群众期盼的…)
    ("乡村道路、饮水等基础设施欠账较多，群众急难愁盼问题解决还不够及时", "other"),
    ("群众期盼的民生实事项目推进较慢，资金缺口较大", "other"),
    ("老旧小区改造滞后，居民所急所盼的停车难问题仍未解决", "other"),
    ("群众对普法活动的期待较高，但宣传形式单一", "publicity"),  # guard: the public's own field
    # … and the work a clause names its lacking staff by (行政复议、行政应诉工作专业人员缺乏): the staff's
    ("行政复议、行政应诉工作专业人员缺乏，县司法局仅有专职人员3名", "capacity"),
    ("信访工作的专门人员偏少，接访压力大", "capacity"),
    ("政务公开工作专业人员短缺，信息更新不及时", "capacity"),
    ("行政应诉工作不够规范，败诉风险较高", "disputes"),  # guard: the work's own fault
]

LATIN_LETTERS_AND_CODES = [
    # themes set 141 (items full of Latin letters, digits and codes: APP, QQ群, 12345, 1+N, 2024年Q3 …; 28 of 30 first,
    # its mended miss in other wordings): the public named in a relative clause as who told of a matter (群众通过12345平台
    # 反映的问题, 居民向社区反映的情况) is the matter's source, no cue of the public's
    ("居民向社区反映的情况多为房屋漏水、电梯故障", "other"),
    ("群众来电反映的问题中30%涉及供水供电", "other"),
    ("村民通过APP反映的事项大多与道路、路灯有关", "other"),
    ("群众通过微信群反映的问题多，群众守法意识不强", "publicity"),  # guard: the public's own fault after it
]

WELFARE_OF_THE_OLDER_REPORTS = [
    # themes set 105 (2015–2019 items: 六五/七五普法, 放管服, 权力清单, 法律顾问制度, 精准扶贫, 新农合 and 新农保, 河长制, 扫黑除恶:
    # 29 of 30 first, its miss in other wordings): the public and the care, pension, schooling or income a welfare
    # policy is for (群众看病负担, 村民就医, 农民养老, 居民增收) are whom the policy serves, no cue of the public's
    ("偏远山区村民就医难、看病远的问题仍然存在", "other"),
    ("农村养老保障水平偏低，部分老年村民养老金不足百元", "other"),
    ("部分村民收入水平偏低，增收乏力", "other"),
    ("老百姓看病贵、看病难问题仍较突出", "other"),
    ("部分群众对医疗保障政策知晓率不高", "publicity"),  # guard: what the public does not know
    ("群众就医引发的医患纠纷调处不及时", "disputes"),  # guard: a quarrel
    ("部分村民法治意识淡薄", "publicity"),  # guard
]

ONE_PUBLIC = [
    # the four readings of whom a clause is about (the public a cadre serves, what the public lacks the will to do, the
    # public who must travel for a service, the public a utility or a welfare policy is for) read one list of the
    # public's names, so each knows every name the others knew: the old lists' gaps, in other wordings
    ("偏远牧民饮水保障水平不高，冬季取水困难", "other"),
    ("老年人看病远、就医难问题仍然突出", "other"),
    ("渔民的养老保障水平偏低", "other"),
    ("外出务工人员回乡开具证明仍需多次往返", "other"),
    ("家长为子女办理入学材料仍要来回奔波", "other"),
    ("业主办理不动产登记仍需到窗口排队", "other"),
    ("养殖户依法处理畜禽粪污的意识不强", "publicity"),
    ("种植户按规定使用农药化肥的意识淡薄", "publicity"),
    ("办事群众通过网上平台查询办件进度的意识不强", "publicity"),
    ("部分驻村干部服务牧民的法治意识不强", "awareness"),
    ("个别包村干部联系老百姓时依法办事的意识不强", "awareness"),
    ("站所干部帮扶农民的法律意识有待提高", "awareness"),
    # guards: the public's own awareness stays theirs when its topic is blanked (老年人…意识, 个体工商户…意识)
    ("老年人防范电信网络诈骗的意识不强", "publicity"),
    ("部分老年人依法维护自身权益的观念淡薄", "publicity"),
    ("个体工商户亮照经营、明码标价的意识不强", "publicity"),
    ("部分牧民就医仍需往返县城", "other"),
    # … and the public's children are whom the schooling is for (村民子女上学, 务工人员子女入学), not the public's fault
    ("村民子女上学路途较远", "other"),
    ("部分群众子女就学难问题仍然存在", "other"),
    ("外来务工人员子女入学难", "other"),
    ("部分村民子女对法律知识了解不多", "publicity"),  # guard: what they do not know
]


@pytest.mark.parametrize(("text", "lead"), [
    # themes set 102: a general first sentence on the work at large heads the item; the fault after it leads
    ("依法行政水平与新形势新要求相比仍有差距。镇执法队仅有6名在编人员，力量不足。", "镇执法队仅有6名在编人员"),
    ("基层法治工作基础还不够牢固。部分村民遇事仍习惯找关系", "部分村民遇事仍习惯找关系"),
    ("法治宣传还需持续加强。更突出的是，镇里印发的文件未经审核", "更突出的是"),
    ("合法性审查工作仍有短板。审查人员均无法律职业资格", "合法性审查工作仍有短板"),  # guard: one field's heading
    ("法治建设还存在一些不足。深层次原因在于干部认识不到位", "法治建设还存在一些不足"),  # guard: the cause after it
    ("依法行政水平与上级要求相比还有差距，部分执法人员无证执法", "依法行政水平与上级要求相比还有差距"),  # guard: no 。
])
def test_lead_clause__a_general_first_sentence_heads_the_item(text, lead):
    assert lead_clause(text) == lead


@pytest.mark.parametrize(("text", "theme"),
                         A_LAW_S_NAME_IS_THE_TOPIC + FAST_CHANGING_TOWNS + A_REVIEW_SETS_THE_SCENE + CITY_STREET_OFFICES
                         + MOBILE_PEOPLE
                         + YEAR_ON_YEAR_AND_OWN_UNITS + SECTOR_WORDS_AND_OTHER_BODIES
                         + DIGITAL_AND_TWO_BODIES + PANEL_VOICES_AND_NEGATED_GOALS + HEADLINE_PHRASES_AND_BODIES
                         + THE_PUBLIC_S_OWN_RIGHTS_AND_FRAUD + FIELD_FRAMES_AND_UNKNOWN_TOPICS
                         + DIFFICULTY_WORDS_AND_WHAT_THEY_LEAD_TO + NEW_TASKS_OF_2024_TO_2026
                         + THE_MACHINERY_OF_RULE_OF_LAW_WORK + REPORTED_VOICES + BUSINESS_ENVIRONMENT
                         + VILLAGE_SELF_GOVERNANCE + EAST_AND_SOUTH_PLAIN_ITEMS + LAND_ENVIRONMENT_AND_EMERGENCIES
                         + GROUPS_AND_PUBLIC_LEGAL_SERVICES + HOW_ENFORCEMENT_IS_DONE
                         + PARTY_COMMITTEE_LANGUAGE + THE_QUALITY_OF_A_WORK + CHALLENGED_ACTS
                         + CAUSE_PUT_FIRST + ETHNIC_PASTORAL_AND_BORDER + FAULTS_IN_FIGURES + A_COUNTY_S_OWN_ITEMS
                         + NORTH_AND_EAST_SPECIAL_CAMPAIGNS + CENTRAL_AND_SOUTH_WEST_TOWNSHIPS
                         + BIG_CITY_STREET_OFFICES + NORTH_EAST_AND_NORTH_TOWNSHIPS + COASTAL_TOWNS
                         + LEDGERS_AND_OWN_FAULTS + NORTH_WEST_AND_SOUTH_WEST_MOUNTAINS
                         + CENTRAL_AND_SOUTH_INLAND_TOWNS + NORTH_AND_NORTH_WEST_TOWNS
                         + EAST_AND_SOUTH_WEST_COUNTIES + BIG_CITY_STREET_OFFICES_2025
                         + RURAL_TOWNSHIPS_AND_REVITALISATION + EPIDEMIC_YEARS_TOWNS
                         + DELTA_REFORM_WORDS + INSPECTORS_FINDINGS + TOWNSHIP_JUSTICE_OFFICES
                         + NORTHERN_CITY_COMMUNITIES + TWO_HALVES + ENFORCEMENT_HANDED_DOWN
                         + GENERAL_HEADINGS + NEWEST_REFORMS + BORDER_OF_OTHER
                         + WELFARE_OF_THE_OLDER_REPORTS + ONE_PUBLIC + REPORTS_ON_2026
                         + WORDS_IN_ANOTHER_SENSE + JARGON_OF_NEW_REPORTS + FORMULAE_OF_OFFICIAL_WRITING
                         + THE_TOWN_S_HOUSEKEEPING + RETOLD_ITEMS + NEW_BODIES_OF_GRASSROOTS_GOVERNANCE
                         + HAZARD_SWEEPS_AND_THE_GRASSROOTS_BURDEN + STEP_WORDS_OF_ANOTHER_FIELD
                         + CONTRAST_AND_PARALLEL_FORMULAE + CAMPAIGNS_AND_NARROW_FIELDS
                         + COUNTY_DEPARTMENTS_OWN_FAULTS + MONEY_CHANNELS_AND_HOUSING
                         + SERVED_PUBLIC_CROWDS_AND_WORKS_MONEY + THE_PUBLIC_AFFECTED
                         + FEEDBACK_AND_COMPLAINT_CHANNELS + PLAIN_SPOKEN_FAULTS
                         + GRID_AND_THE_CENTRE + WORK_S_MONEY + SEEMING_AND_DENIED_HALVES
                         + DIGITAL_MEANS_OF_THE_RULE_OF_LAW + PROTECTED_GROUPS
                         + SERVICE_STAFF_OF_TOWN_INSTITUTIONS + INDUSTRIES_OF_THE_TOWN
                         + PARTY_ORGANISATION_STANDARDS
                         + CUSTOMS_MEETING_THE_LAW
                         + RESIDENTIAL_COMMUNITIES_AND_SOCIETY_S_OWN_BODIES
                         + LAND_AND_THE_VILLAGES_COLLECTIVE_PROPERTY
                         + THE_TOWN_S_WORD
                         + SLOGANS_AND_WHAT_THEY_STAND_FOR
                         + ENFORCEMENT_IN_NAMED_FIELDS
                         + SAFETY_AND_EMERGENCIES
                         + THE_DIGITAL_SIDE_OF_THE_WORK
                         + PLAIN_LOCAL_VOICE
                         + HOTLINES_AND_PETITIONS
                         + NEGATIONS_AND_HEDGES
                         + ADMINISTRATIVE_REVIEW_AND_LITIGATION
                         + LATIN_LETTERS_AND_CODES
                         + DISCIPLINE_AND_THE_LAW
                         + INSPECTIONS_OF_FIRMS)
def test_cluster_shortcomings__an_item_alone_gets_its_theme_from_its_own_words(text, theme):
    assert cluster_shortcomings(items({"庚镇": [text]}), ThemeOptions(mode="items"))["theme"].tolist() == [theme]


# Round 89: items labelled as one of them (不足之一，…) lose the label as 问题一： does; a sentence that counts the
# shortcomings it introduces (还存在三个方面的问题：) or names them by a count in quotes (仍存在“三个不够”：) is
# no item, and introduces a run-on list as 主要表现为： does.
@pytest.mark.parametrize("label", ["问题之", "短板之"])
def test_shortcoming_items__items_labelled_as_one_of_them_lose_the_label(label):
    text = (f"一、主要举措\n开展活动。\n二、存在的问题\n{label}一：村级调解组织作用发挥不充分。部分村调委会长期不活动。\n"
            f"{label}二：普法宣传方式较为单一。\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert [t.split("。")[0] for t in items["text"]] == ["村级调解组织作用发挥不充分", "普法宣传方式较为单一"]


@pytest.mark.parametrize("intro", ["我乡仍有以下两点不足：", "对照群众期待，我乡还存在4个方面的差距：",
                                   "我乡法治建设还存在“四个不到位”的问题："])
def test_shortcoming_items__a_sentence_counting_the_shortcomings_it_introduces_is_no_item(intro):
    text = (f"一、主要举措\n开展活动。\n二、存在的问题\n{intro}\n村级调解组织作用发挥不充分。\n普法宣传方式较为单一。\n"
            "三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["村级调解组织作用发挥不充分。", "普法宣传方式较为单一。"]


def test_shortcoming_items__a_run_on_list_after_a_count_in_quotes():
    text = ("一、主要举措\n开展活动。\n二、存在的问题\n我乡法治建设仍存在“三个不到位”：调解组织作用发挥不到位，部分村调委会不活动；"
            "干部学法用法不到位，依法决策意识不强；普法宣传覆盖不到位，外出务工人员接受普法少。\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert [t.split("，")[0] for t in items["text"]] == ["调解组织作用发挥不到位", "干部学法用法不到位", "普法宣传覆盖不到位"]


@pytest.mark.parametrize("paragraph", ["仍有两个村未配备专职调解员，调解力量薄弱。",  # a count, no colon: an item
                                       "这是群众反映最集中的问题之一，村级法律顾问服务次数偏少。"])
def test_shortcoming_items__a_count_or_问题之一_inside_an_item_stays_in_it(paragraph):
    text = f"一、主要举措\n开展活动。\n二、存在的问题\n{paragraph}\n普法宣传方式较为单一。\n三、下一步打算\n加强学习。"
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == [paragraph, "普法宣传方式较为单一。"]


@pytest.mark.parametrize("causes", [
    # written round 99 (范家屯镇: …依然存在。\n究其原因，一是…；二是…): a causes paragraph numbered like the items
    # gave its 二是 as one more item; other wordings
    "\n产生上述问题的原因，一是重视程度不够；二是人员投入不足。",
    "\n究其原因：一是思想认识有偏差；二是工作力量不足；三是宣传方式陈旧。",
    "\n主要原因是：1.重视程度不够；2.人员投入不足。",  # (a guard: numbered so, it passed before)
])
def test_shortcoming_items__a_numbered_causes_paragraph_after_the_fields_is_no_item(causes):
    text = ("一、主要举措\n开展活动。\n二、存在的不足和原因\n（一）队伍建设方面\n一是执法人员少，难以覆盖全镇。\n"
            "二是业务培训不足。\n（二）宣传教育方面\n一是普法形式单一。\n二是群众参与不多。" + causes +
            "\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["执法人员少，难以覆盖全镇。", "业务培训不足。", "普法形式单一。", "群众参与不多。"]


def test_shortcoming_items__a_numbered_causes_paragraph_after_a_plain_list_is_no_item():
    text = ("一、主要举措\n开展活动。\n二、存在的问题和原因\n一是调解员年龄偏大。\n二是政务公开不及时。\n"
            "究其原因，一是培训不够；二是投入不足。\n三、下一步打算\n加强学习。")
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == ["调解员年龄偏大。", "政务公开不及时。"]


@pytest.mark.parametrize("text, want", [
    # guards, which passed before: each item's own causes stay with it, and causes as a labelled list of their own
    # (（二）原因分析\n1.…) are items (written round 37's convention)
    ("一、主要举措\n开展活动。\n二、存在的问题及原因\n一是执法力量薄弱。\n原因是编制少。\n二是群众学法积极性不高。\n"
     "原因是宣传形式单一。\n三、下一步打算\n加强学习。",
     ["执法力量薄弱。\n原因是编制少。", "群众学法积极性不高。\n原因是宣传形式单一。"]),
    ("一、主要举措\n开展活动。\n二、存在的问题和原因\n（一）存在的问题\n1.执法力量薄弱。\n2.群众学法积极性不高。\n"
     "（二）原因分析\n1.编制少。\n2.宣传形式单一。\n三、下一步打算\n加强学习。",
     ["执法力量薄弱。", "群众学法积极性不高。", "编制少。", "宣传形式单一。"]),
    # … and the first item's causes, said in a paragraph of their own, end no list that goes on after them
    ("一、主要举措\n开展活动。\n二、存在的问题\n一是执法力量薄弱。\n主要原因是编制少。\n二是群众学法积极性不高。\n"
     "三是政务公开不及时。\n三、下一步打算\n加强学习。",
     ["执法力量薄弱。\n主要原因是编制少。", "群众学法积极性不高。", "政务公开不及时。"]),
])
def test_shortcoming_items__causes_of_each_item_or_a_causes_list_stay(text, want):
    items = shortcoming_items(split_sections(text).assign(doc_id="d"))
    assert items["text"].tolist() == want


def test_cluster_shortcomings__lawful_governance_ability_is_the_cadres():
    # written round 105: 社区依法治理能力还需提升 (社区工作者…能力不强) read as disputes by 依法治理; the ability to govern by
    # law (依法治理能力) is the cadres', as 依法办事能力 and 依法行政能力 are; other wordings
    table = items({"酉镇": ["一是村级依法治理能力不强，村干部按程序办事的主动性不够。",
                           "二是基层依法治理能力有待提升，个别村规民约内容不合法。",
                           "三是部分网格员依法治理能力不足，处理问题凭经验。"]})
    result = cluster_shortcomings(table, ThemeOptions(mode="items"))
    assert result["theme"].tolist() == ["awareness"] * 3
    # guard: 依法治理 alone (诉源治理, 依法治理矛盾纠纷) stays with the disputes' words
    table = items({"戌镇": ["一是矛盾纠纷依法治理机制不健全，诉源治理成效不明显。"]})
    assert cluster_shortcomings(table, ThemeOptions(mode="items"))["theme"].tolist() == ["disputes"]
