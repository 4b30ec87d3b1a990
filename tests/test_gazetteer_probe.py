"""Every town of the gazetteer, a sample of them, named in five usual ways a report names itself
(its county and name in the title; its name in the title and its county government in the opening;
no name in the title, its name as the opening's subject; a party secretary's 述法 report, the town in
its title or in the line under it), and with its county's short name glued on: the build must read the town, and never a wrong county. This found names the rules had never read (唐镇, 中心镇, 化德县长顺镇 …; README)."""
from __future__ import annotations

import csv

import opencc
import pytest

from reportkit.metadata import infer_metadata
from reportkit.normalize import normalize_text
from reportkit.places import bare_town_name, towns_named

from .conftest import ROOT

TOWNS = [row for row in csv.DictReader((ROOT / "reportkit/resources/townships.csv").open(encoding="utf-8"))
         if row["town_type"] != "other" and row["town"] != "街道"][::20]  # 街道: one unit's name, and a word

TEMPLATES = {
    "county and town in the title": "{county}{town}2023年法治政府建设情况报告\n2023年，{town}坚持以习近平法治思想为指导，"
                                    "扎实推进依法行政。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n",
    "town in the title": "{town}2023年法治政府建设情况报告\n2023年，我镇坚持以习近平法治思想为指导，在{county}委、{county}政府的"
                         "领导下扎实推进依法行政。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n",
    "town in the opening": "关于2023年法治政府建设情况的报告\n2023年，{town}在{county}委、{county}政府的坚强领导下，坚持以习近平"
                           "法治思想为指导，扎实推进依法行政。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n",
    "a party secretary's 述法 report": "{town}党委书记2023年度述法报告\n本人自担任{town}党委书记以来，认真履行推进法治建设第一"
                                     "责任人职责。现将有关情况报告如下：\n一、履行第一责任人职责情况\n（一）带头学法。甲。\n",
    "述法 report signed under its title": "2023年度述法报告\n{county}{town}党委书记  张明\n本人认真履行推进法治建设第一责任人职责，"
                                        "现将有关情况报告如下：\n一、履行第一责任人职责情况\n（一）带头学法。甲。\n",
}


def _misreadings(rows, page):
    """(towns not read, wrong counties) when each row's town is written as PAGE(row) writes it."""
    missed, wrong_county = [], []
    for row in rows:
        meta = infer_metadata(page(row))
        if meta["town"] != bare_town_name(row["town"]):
            missed.append((row["town"], row["county"], meta["town"]))
        if meta["county"] not in ("", row["county"]):
            wrong_county.append((row["town"], row["county"], meta["county"]))
    return missed, wrong_county


@pytest.mark.parametrize("form, traditional", [*((form, False) for form in TEMPLATES),
                                               ("county and town in the title", True), ("town in the opening", True)])
def test_every_gazetteer_town_named_as_reports_name_themselves_is_read(form, traditional):
    # TRADITIONAL: the page machine-converted to Traditional script (as Big5 gateways serve them),
    # normalised as the build does
    to_traditional = opencc.OpenCC("s2t").convert

    def page(row):
        text = TEMPLATES[form].format(town=row["town"], county=row["county"])
        return normalize_text(to_traditional(text)) if traditional else text

    missed, wrong_county = _misreadings(TOWNS, page)
    assert len(TOWNS) > 1500
    # Left: 濛阳街道, which t2s rewrites to 蒙阳街道, another town (and so its county); one in a thousand.
    assert len(missed) <= len(TOWNS) // 1000, missed
    assert len(wrong_county) <= len(TOWNS) // 1000, wrong_county


# The county's short name glued to the town (肥东古城镇, 如东河口镇, 新北新桥街道办事处): the greedy reading
# finds another county's longer town (冠县's 东古城镇, 东城区's 北新桥街道), or a name twelve counties
# share (团结街道) is left as a common word and the whole run read as a town newer than the gazetteer.
GLUED_TEMPLATES = {
    "title": "{short}{town}2023年法治政府建设情况报告\n2023年，我镇坚持以习近平法治思想为指导。现将有关情况报告如下：\n"
             "一、主要举措\n（一）加强组织领导。甲。\n",
    "opening": "关于2023年法治政府建设情况的报告\n2023年，{short}{town}坚持以习近平法治思想为指导，扎实推进依法行政。"
               "现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n",
    "office above the title": "{short}{town}{office}\n关于2023年度法治政府建设工作情况的报告\n2023年，我镇坚持以习近平法治思想"
                              "为指导。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n",
}
# Counties written short by dropping 县, 区 or 市 (an autonomous county or a banner is written short
# otherwise: 土左旗); 乾安县 is left out: its short name alone, 乾安, is 干安 to the script conversion.
GLUED_TOWNS = [row for row in TOWNS if row["county"][-1] in "县区市" and len(row["county"]) >= 3
               and not any(word in row["county"] for word in ("自治", "新区", "管理区", "开发区", "乾安"))]


@pytest.mark.parametrize("form", list(GLUED_TEMPLATES))
def test_a_town_with_its_county_s_short_name_glued_on_is_read(form):
    missed, wrong_county = _misreadings(GLUED_TOWNS, lambda row: GLUED_TEMPLATES[form].format(
        short=row["county"][:-1], town=row["town"], office="办事处" if row["town"].endswith("街道") else "人民政府"))
    assert len(GLUED_TOWNS) > 1500
    assert len(missed) <= len(GLUED_TOWNS) // 1000, missed
    assert not wrong_county, wrong_county


# Names several counties share, in a report that names no county but answers to its kind of government
# (在区委、区政府的坚强领导下): the one county of that kind among them, or none; never another.
SHARED_TOWNS = [row for row in csv.DictReader((ROOT / "reportkit/resources/townships.csv").open(encoding="utf-8"))
                if row["town_type"] != "other" and row["town"] != "街道" and row["county"][-1] in "县区旗"
                and len({town.county_code for town in towns_named(row["town"])}) > 1][::5]


def test_a_shared_town_name_is_placed_only_by_the_one_county_of_the_kind_it_answers_to():
    placed, wrong = 0, []
    for row in SHARED_TOWNS:
        kind = row["county"][-1]
        text = (f"{row['town']}2023年法治政府建设情况报告\n2023年，在{kind}委、{kind}政府的坚强领导下，我们坚持以习近平"
                "法治思想为指导，扎实推进依法行政。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n")
        county = infer_metadata(text)["county"]
        placed += county == row["county"]
        if county not in ("", row["county"]):
            wrong.append((row["town"], row["county"], county))
    assert len(SHARED_TOWNS) > 2000
    assert not wrong, wrong
    assert placed / len(SHARED_TOWNS) > 0.15  # 18 % when written: the rest share their name with a county of their kind


_FIRST_TOWN = {}
for _row in csv.DictReader((ROOT / "reportkit/resources/townships.csv").open(encoding="utf-8")):
    if _row["town_type"] != "other":
        _FIRST_TOWN.setdefault(_row["county_code"], _row["town"])
# 城区, 矿区, 郊区, 东区, 西区, 城关区: names several counties bear, which alone name none of them.
COUNTIES = [row for row in csv.DictReader((ROOT / "reportkit/resources/gazetteer.csv").open(encoding="utf-8"))
            if row["adcode"] in _FIRST_TOWN and row["county"] not in {"城区", "矿区", "郊区", "东区", "西区", "城关区"}][::5]

COUNTY_TEMPLATES = {
    "county in the title, a town as an example": "{county}2023年法治政府建设情况报告\n2023年，{county}坚持以习近平法治思想为指导，"
        "扎实推进依法行政。{town}被评为全国民主法治示范村（社区）。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。{town}开展法治宣传。\n",
    "city and county government in the title": "{city}{county}人民政府关于2023年度法治政府建设情况的报告\n2023年，{kind}政府坚持以"
        "习近平法治思想为指导，扎实推进依法行政。\n一、主要举措\n（一）加强组织领导。甲。\n",
    "no title, the county as the opening's subject": "2023年，{county}坚持以习近平法治思想为指导，扎实推进依法行政，全{kind}法治"
        "政府建设取得新成效。现将有关情况报告如下：\n一、主要举措\n（一）加强组织领导。甲。\n",
}


@pytest.mark.parametrize("form", list(COUNTY_TEMPLATES))
def test_every_county_s_own_report_is_read_as_a_county_s(form):
    wrong = []
    for row in COUNTIES:
        county = row["county"]
        kind = county[-1] if county[-1] in "县区市旗" else "县"
        meta = infer_metadata(COUNTY_TEMPLATES[form].format(county=county, city=row["city"], kind=kind,
                                                            town=_FIRST_TOWN[row["adcode"]]))
        if (meta["town"], meta["county"], meta["level"]) != ("", county, "county"):
            wrong.append((county, meta["town"], meta["county"], meta["level"]))
    assert len(COUNTIES) > 500
    assert not wrong, wrong
