"""Whole reports written in other provinces' styles (tests/fixtures/written_reports/README.md),
built by the public API: every answer of town, county, year, level, part, item and theme, in the
text, with ASCII punctuation (as the pages corpus gives ， ： ； （ ）), and saved as a web page (four
layouts), a Word file, a copy that lost its line breaks and a legacy encoding (tests/realworld/saved.py)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import reportkit as rk
from reportkit.chinese import ITEM_PREFIX
from reportkit.normalize import to_simplified
from reportkit.partial import SHORT_FOR_KIND

from .realworld.saved import LAYOUTS, flattened, legacy_encoded, web_page, word_document

FOLDER = Path(__file__).parent / "fixtures" / "written_reports"
ANSWERS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(FOLDER.glob("*.json"))}
# Round 26 answers the figures too (ID.indicators.csv, as the development set's pages do).
FIGURES = {stem: pd.read_csv(FOLDER / f"{stem}.indicators.csv", dtype=str, keep_default_na=False)
           for stem in ANSWERS if (FOLDER / f"{stem}.indicators.csv").exists()}


# The pages corpus's texts set ， ： ； （ ） in ASCII; answers and readings are compared through it.
_ASCII = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# An OCR's letter beside a digit (2O22 with a letter O, l2 with a letter l: round 105) is the digit it stands for, in
# a heading as in its answer, as NFKC makes ２０２２ 2022 (the answers write headings as the scanned text has them).
_OCR_DIGIT = re.compile(r"(?<=\d)[OolI]|[OlI](?=\d)")


def _heading_key(text: str) -> str:
    return _OCR_DIGIT.sub(lambda m: "0" if m.group() in "Oo" else "1", _nfkc(text))


def _save(form: str, index: int, text: str) -> tuple[str, bytes]:
    if form == "ascii":
        return ".txt", text.translate(_ASCII).encode("utf-8")
    if form == "html":
        return ".html", web_page(text, LAYOUTS[index % len(LAYOUTS)])
    if form == "docx":
        return ".docx", word_document(text)
    if form == "flat":
        return ".txt", flattened(text).encode("utf-8")
    if form == "legacy":
        return ".txt", legacy_encoded(text)
    return ".txt", text.encode("utf-8")


# Round 46 cut a partial copy from four of its whole reports. Built beside its whole report, a copy is
# counted once, as a part of it (tests/test_partial.py); the copies are built apart, to be held to their answers.
COPIES = ("r357_jieyuan_hongqiao_queye", "r359_huangliu_ledong_jiezhi_er", "r361_gadong_bailang_jiezhi_san",
          "r363_qunke_hualong_shouping")


@pytest.fixture(scope="module", params=["text", "ascii", "html", "docx", "flat", "legacy"])
def built(request, tmp_path_factory):
    builds = []
    for name, stems in (("reports", [s for s in ANSWERS if s not in COPIES]), ("copies", COPIES)):
        raw = tmp_path_factory.mktemp(f"written_{request.param}_{name}") / "raw"
        raw.mkdir()
        for stem in stems:
            index = list(ANSWERS).index(stem)  # the web page's layout as before the copies were built apart
            suffix, data = _save(request.param, index, (FOLDER / f"{stem}.txt").read_text(encoding="utf-8"))
            (raw / f"{stem}{suffix}").write_bytes(data)
        builds.append(rk.build(raw, out=tmp_path_factory.mktemp(f"written_{request.param}_{name}_out") / "processed"))
    return {table: pd.concat([b[table] for b in builds], ignore_index=True)
            for table in ("documents", "sections", "shortcomings", "indicators")}


def _document(built, stem):
    documents = built["documents"]
    return documents[documents["file"].str.rsplit(".", n=1).str[0] == stem].iloc[0]


@pytest.mark.parametrize("stem", list(ANSWERS))
def test_written_report__whose_and_which_year(built, stem):
    answer, document = ANSWERS[stem], _document(built, stem)
    got = {key: "" if document[key] is None or document[key] != document[key] else str(document[key])
           for key in ("town", "county", "year", "level")}
    assert got == {key: str(answer[key]) for key in got}
    # What the text itself shows; not "far shorter than reports of its kind", which compares a report with
    # the others built beside it: here toy reports of 300 characters stand beside real-length ones of 1,500.
    reasons = str(document["partial_reason"] or "").split(";")
    own_reasons = [reason for reason in reasons if reason and reason != SHORT_FOR_KIND]
    assert bool(own_reasons) == answer.get("partial", False), document["partial_reason"]


@pytest.mark.parametrize("stem", list(ANSWERS))
def test_written_report__every_part_opens_with_its_heading(built, stem):
    sections = built["sections"][built["sections"]["doc_id"] == _document(built, stem)["doc_id"]]
    found = list(zip(sections["heading"].str.replace(r"\s+", "", regex=True).map(_heading_key), sections["section_type"]))
    for heading, part in ANSWERS[stem]["parts"]:
        want = _heading_key("".join(heading.split()))[:12]  # as the project's scorer compares headings (NFKC: ２０２４ is 2024)
        assert any(h.startswith(want) and t == part for h, t in found), (heading, part, found)


# Items whose theme the word list misses (README, round 30): each is still found whole; its theme is
# not held. A mediators' skill read as disputes by 调解 (the writer hesitated: capacity), and two items
# of no theme read as the public's by the 群众 and 居民 they serve (a cue decides an item no keyword matches;
# r236's 社区减负增效还不到位, a lead on the burden on the grassroots, is other since round 107 and no longer here).
THEME_MISSES = {("r232_maxie_banjiaokuohao_liju", "人民调解员队伍专业能力不足"),
                # round 110: 县域经济总量偏小，财政保障法治建设的能力有限, other by its writer's call, capacity by the
                # explanation's 保障…能力 (both readings stand, as round 108's 县域经济总量小)
                ("r885_county_wuxi_fangkuohao_biaoti", "县域经济总量偏小"),
                ("r233_pihe_daoyu_maohao", "数字化办事水平相对滞后"),
                # round 53: supervising villages' small powers, other by its writer's call, reads as oversight (监督)
                ("r410_qiaozi_huairou_shuzhi_shufa_heyi", "对村级小微权力的监督还不够到位"),
                # round 61: four items its writer called other, each explained in another theme's words (firms inspected
                # over and over, units that pay too little heed, a scenic area's governance, protection against use
                # 矛盾时有发生), read as staffing and conduct, the cadres', disputes and disputes
                ("r475_huashi_jiangyin_tongbi_jidu", "法治化营商环境还需持续优化"),
                ("r476_tongjing_yinan_nianling_tiaokuan", "法治建设推进不够平衡"),
                ("r477_rencun_linzhou_xiajiang_mubiao", "景区周边依法治理水平不高"),
                ("r478_anren_dayi_jidu_fuxiang", "文物保护与发展利用之间的法治协调还不够"),
                # round 70: a new street office's 城市管理执法矛盾较为突出 (the enforcers' strength, its writer says; its
                # lead's only theme word is 矛盾, read as disputes: both readings stand)
                ("r556_gongjiang_yudu_xinshe_jiedao", "城市管理执法矛盾较为突出"),
                # round 98: a town new from a 乡 whose rules and forms lag the change (other by its writer's call: no theme
                # word in its lead; 旧版文书 in its explanation reads it as staffing and conduct)
                ("r788_lianda_yuzhong_chexiang_shezhen", "撤乡设镇后的制度衔接还不完善"),
                # round 100: a gap in protecting a craft's intellectual property (capacity by its writer's call, who
                # hesitated with other: no theme word in it, so other; until cluster-mates passed their theme on only
                # to near copies (ThemeOptions.min_similarity 0.5), built with the set it took a cluster-mate's publicity)
                ("r802_shenhou_yuzhou_zhongxinzu_wubiaoti", "钧瓷知识产权保护还有短板"),
                # round 105: two village-affairs items with no theme word in their leads, decisions by their writer's call
                # (procedures not followed; village decisions not lawful), read through their explanations as disclosure
                # (村务公开) and as the cadres' (依法治理水平, 干部依法决策意识): both readings stand
                ("r839_tangquan_zunhua_ocr_zimu_shuzi", "村级事务依法管理还不够规范"),
                ("r844_huangyang_liangzhou_ocr_juhao_o", "村级依法治理水平不高"),
                # round 107: four items whose lead names one theme's field with a generic verdict (…仍需规范, …还有偏差,
                # …还不够牢固, …仍需加强) while the explanation shows another theme's fault, by their writer's call: decisions
                # not made public (disclosure), 村规民约 unreviewed (decisions), village cadres who do not use the law (the
                # cadres'); the lead's word decides (decisions, disputes), as it rightly does in most items of the set
                ("r855_zhangqiang_kangping_yishi_hangnei", "依法决策仍需规范"),
                ("r856_rixi_jinan_wenti_yuanyin", "基层治理基础还不够牢固"),
                ("r858_county_qiyang_fenbie_shuming", "重大行政决策程序执行还有偏差"),
                ("r859_pianpo_wudang_buyizu_xiang", "矛盾纠纷排查化解仍需加强"),
                # round 108: a county's economy too small for its budget, other by its writer's call, whose explanation
                # ends on the rule-of-law work's funds (法治建设经费保障压力较大: capacity's 经费保障): both readings stand
                ("r869_county_linzhou_xiangzhen_dianming", "县域经济总量小")}


@pytest.mark.parametrize("stem", list(ANSWERS))
def test_written_report__every_shortcoming_item_and_its_theme(built, stem):
    items = built["shortcomings"][built["shortcomings"]["doc_id"] == _document(built, stem)["doc_id"]]
    got = [(ITEM_PREFIX.sub("", text), theme) for text, theme in zip(items["text"], items["theme"])]
    want = ANSWERS[stem]["items"]
    assert len(got) == len(want), got
    for (text, theme), (start, answer_theme) in zip(got, want):
        assert text.translate(_ASCII).startswith(start.translate(_ASCII)), (text, start)
        assert theme == answer_theme or (stem, start) in THEME_MISSES, (text, theme, start, answer_theme)


def test_written_reports__the_theme_misses_are_items_of_the_set():
    # the exceptions above name real items, so that none silently excuses nothing
    assert all(start in [s for s, _ in ANSWERS[stem]["items"]] for stem, start in THEME_MISSES)


def _figures(values, units) -> Counter:
    """Figures as the project's scorer compares them: value (4 decimals) and unit, in Simplified script
    (an answer may write a Traditional report's units as it does: 萬元, 條)."""
    return Counter((round(float(value), 4), to_simplified(str(unit)).replace("％", "%")) for value, unit in zip(values, units))


def test_written_reports__their_figures(built):
    # Precision and recall over the reports that answer their figures, counted as the scorer counts
    # them (a figure only an unsure answer names counts neither way). Reports full of decoys (targets
    # of the plans part, the county's and the nation's figures, a town's area and population, names
    # with numerals): round 26 first measured at 181 of 213 found (0.85) and 181 of 184 answers;
    # round 27 (decoys inside the work part) at 168 of 168 and 168 of 172; round 28 (older templates,
    # 2016–2020) at 145 of 149 and 145 of 145; round 29 (part headings' words) at 135 of 140 and 135 of 136;
    # round 30 (shortcoming items written the ways real reports write them) at 177 of 181 and 177 of 177;
    # round 31 (whose report it is, in unusual hierarchies) at 206 of 210 and 206 of 206; round 32 (places
    # without an ordinary county, years in Chinese numerals) at 175 of 177 and 175 of 175; round 33 (how pages
    # and files present a report: a 目录, a Markdown page, picture placeholders) at 175 of 180 and 175 of 201;
    # round 34 (how a report names its town: 本号镇 among 本镇, 县街街道, a merger's old 乡 names) at 181 of 183
    # and 181 of 181; round 35 (whole or partial: a missing middle, a news item's excerpt, a compilation, page
    # 2 alone) at 142 of 150 and 142 of 142 (seven reports; the eighth is a known miss); round 36 (figures written
    # the hard ways: full-width digits, 六七十份, 1,286,500元, 54个（项）, a Markdown table) at 157 of 187 and 157 of 191;
    # round 37 (problem tables, pandoc's Markdown, an annex table after the signature, 缩短三成) at 167 of 167 and 167 of 182;
    # round 38 (whose report it is: a farm, a renamed street office, the county's quoted targets) at 174 of 178 and 174 of 174;
    # round 39 (ordinary reports dense with figures and decoys) at 215 of 216 and 215 of 215; round 43 (noise
    # between paragraphs: captions, ads, 猜你喜欢 lists, pull quotes) at 92 of 96 and 92 of 92; round 44 (one
    # town's four years, last year's figures quoted) at 95 of 97 and 95 of 95; round 45 (towns the table does
    # not know) at 90 of 90; rounds 46 and 47 (whole reports and partial copies with no mark of the cut) at 84
    # of 84 and 81 of 81 (two of round 47's in known_misses/); round 52 (Word tables with tabs, an OCR'd PDF's 〇)
    # at 180 of 182 and 180 of 191; round 56 (an OA form's 印数, a target column, a formula's ×100%, a 数说 block)
    # at 224 of 234 and 224 of 229; round 57 (lone capital numerals, a table of communities with a 合计 row,
    # reviewers' notes in a draft) at 192 of 199 and 192 of 200; round 58 (a box-drawn table, another town's rate in
    # a quoted notice) at 182 of 183 and 182 of 190; round 59 (other towns' figures: model towns, partners,
    # neighbours) at 138 of 151 and 138 of 138; round 60 (parts in an office's own words) at 242 of 247 and 242 of 243;
    # round 61 (ordinary reports dense with figures and decoys) at 361 of 361 and 361 of 362; round 62 (page copies of
    # 2019–2022: a county-wide note in brackets, 恢复耕地面积58亩) at 361 of 365 and 361 of 362; round 63 (document-sharing
    # sites' copies: a header's 21人评价, 浏览量 1,203) at 155 of 160 and 155 of 155; round 64 (short reports) at 105 of 107
    # and 105 of 105; round 65 (whole or partial with no mark of the cut) at 134 of 137 and 134 of 135; round 66
    # (a township's report or its county's) at 202 of 206 and 202 of 203; round 67 (a file's mangling: fake bold,
    # data cards, Wingdings bullets; the county's and city's bodies as subjects) at 309 of 327 and 309 of 319; round 68
    # (one town's four years: last year's figures, the county's totals) at 337 of 342 and 337 of 337; round 69
    # (autonomous areas' pages: other scripts' lines, a state farm's figures) at 297 of 304 and 297 of 298; round 70
    # (2025 reports: 十四五 totals beside the year's, 2026 targets) at 236 of 243 and 236 of 236; round 71 (reports filled
    # in on a county's template: a 附表 before the signature, a two-column form, 一式2份, 辖区高校12所) at 136 of 141 and 136 of 146;
    # round 72 (shortcomings parts' shapes: 整改措施 after each item, items cut by a page break) at 113 of 114 and 113 of 113;
    # round 73 (companions published with the report: 解读, 一图读懂, 答记者问, an annex repeating the body's figures, a
    # 解读 or 图解 above the title) at 150 of 177 and 150 of 150; round 105 (OCR'd scans of signed prints: letters among
    # digits, 2O22年 and l2件, 。 read as o or ., letter-spaced lines, a seal's ring text) at 174 of 194 and 174 of 176 built
    # alone (flat 180 of 194 and 180 of 182); round 106 (reports on 2026 as they will arrive in 2027: 十五五/九五 words,
    # 扫码入企, 综合查一次, comparisons with 2025, 2027 targets, a 2025 report listed as 上一篇) at 198 of 198 and 198 of 198
    # built alone in every form; round 107 (ordinary reports whose shortcomings are hard to theme) at 187 of 188 and
    # 187 of 187 built alone in every form (the one extra its writer's 1.6万平方米 against the set's 16000 平方米); round 108
    # (the traps saved pages set: a title over three lines, a table copied one cell a line, 附件 and 注： after the signature,
    # 二〇二四年度, a county naming its towns' figures) at 199 of 199 and 199 of 205 built alone in every form (the table's
    # five cells and a restored grassland's 86亩); round 109 (a report sent on request with its 文号, a page's 上一篇 naming
    # another office's report, a renamed and a merged town, figures in Chinese numerals with 逾/近/余) at 233 of 234 and
    # 233 of 234 built alone in every form (会议二次 not counted; 办复率均为百分之百 counted for both its rates);
    # round 110 (a PDF copy's 目录 and running footers, a problem table copied
    # with tabs, a news article quoting the report, 城关镇 with its county only in the signature, four levels of headings,
    # the year only in the signed date, last year's figures beside the year's, a county's parts labelled in 【】) at 190 of
    # 191 and 190 of 192 built alone in every form (网箱42口 missed; 2022年为37项 and 上年为46件, unanswered at first);
    # round 111 (a WeChat copy with 往期推荐, a PDF text layer broken inside numbers, full-width digits, a town named after
    # its county, a 法治建设工作总结, a preamble quoting the county's notice, a secretary's 述法 appended after the
    # signature, （盖章） with 抄送/印发) at 184 of 185 and 184 of 191 built alone (flat 182 of 185 and 182 of 191: 16 / 50件
    # read as 50件, and the appended 述法's six figures taken for the plans' targets);
    # round 112 (a 呈批件 before the report, a 主要指标 table with inner bars only, ①②③ notes, a title spaced or on three
    # lines, **第一部分** bold headings, 撤镇设街道, 胜利 as a common word) at 193 of 193 and 193 of 195 built alone in four
    # forms and the legacy encoding, 187 of 193 and 187 of 187 in the copy without line breaks (the table's six 2022 figures;
    # its 增减 column's -3 and -2 answered 3 and 2 at first).
    right = predicted = expected = 0
    for stem, answers in FIGURES.items():
        found = built["indicators"][built["indicators"]["doc_id"] == _document(built, stem)["doc_id"]]
        got = _figures(found["value"], found["unit"])
        is_unsure = answers["unsure"].str.strip() != ""
        sure = _figures(answers["value"][~is_unsure], answers["unit"][~is_unsure])
        unsure = _figures(answers["value"][is_unsure], answers["unit"][is_unsure])
        matched = sum((got & sure).values())
        right += matched
        predicted += sum(got.values()) - sum(((got - sure) & unsure).values())
        expected += sum(sure.values())
    assert len(FIGURES) == 682
    assert right / predicted >= 0.95 and right / expected >= 0.95, (right, predicted, expected)
