"""Town, county, year and level inference, including the year traps."""
from __future__ import annotations

import pandas as pd
import pytest

from reportkit.metadata import (infer_county, infer_metadata, infer_town, infer_year, load_gazetteer, merge_manifest,
                                title_of)
from reportkit.normalize import normalize_text

from .conftest import GOLD, RAW


def seed_meta(name):
    return infer_metadata(normalize_text((RAW / name).read_text(encoding="utf-8")), file_name=name)


@pytest.mark.parametrize("row", pd.read_csv(GOLD / "seeds_documents.csv", dtype=str).to_dict("records"),
                         ids=lambda r: r["file"][:3])
def test_infer_metadata__seeds_from_text_alone(row):
    meta = seed_meta(row["file"])
    assert (meta["year"], meta["county"], meta["city"], meta["province"]) == (
        row["report_year"], row["county"], row["city"], row["province"])
    if row["town_named_in_text"] == "yes":
        assert (meta["town"], meta["town_source"]) == (row["town"], "title")


def test_infer_town__unnamed_town_from_judicial_office_clue():
    text = "今年以来，我镇坚持依法行政。\n成立了以镇党委书记为组长、里心司法所所长为副组长的领导小组。"
    assert infer_town(text, title="2023年度法治政府建设情况报告") == ("里心镇", "clue")


def test_infer_town__county_prefix_trimmed():
    assert infer_town("", title="梅县区松源镇2021年法治政府建设年度报告")[0] == "松源镇"


@pytest.mark.parametrize("title,town", [
    ("北城街道2023年法治政府建设年度报告", "北城街道"),
    ("关于东关街道办事处2022年度法治政府建设情况的报告", "东关街道"),
    ("城口县治平乡人民政府关于2023年法治政府建设情况的报告", "治平乡"),
    ("三江侗族自治县独峒镇2023年度法治政府建设工作情况报告", "独峒镇"),
    ("龙胜各族自治县泗水乡人民政府2022年法治政府建设年度报告", "泗水乡"),
])
def test_infer_town__title_styles(title, town):
    assert infer_town("", title=title)[0] == town


def test_infer_town__ethnic_township_type():
    meta = infer_metadata("民和回族土族自治县杏儿藏族乡2023年法治政府建设年度报告\n一、主要举措")
    assert (meta["town"], meta["town_type"]) == ("杏儿藏族乡", "民族乡")


def test_infer_year__title_beats_years_in_headings():
    text = "青城镇2022年度法治政府建设工作报告\n四、2023 年度推进法治政府建设的主要安排"
    assert infer_year(text, title=title_of(text)) == ("2022", "title")


def test_infer_year__this_year_and_plans_for_next_year_means_previous_year():
    text = "法治政府建设情况报告\n今年以来，我镇坚持依法行政。\n一、主要举措\n二、存在的不足\n三、2024年度主要工作安排"
    assert infer_year(text, title="法治政府建设情况报告") == ("2023", "body")


def test_infer_year__opening_sentence():
    text = "法治政府建设工作报告\n2022年，在县委县政府的正确领导下，我镇大力推进法治政府建设。"
    assert infer_year(text, title="法治政府建设工作报告") == ("2022", "body")


def test_infer_year__plan_period_in_title_is_not_the_year():
    title = "落实《法治政府建设实施纲要（2021-2025年）》2023年度情况报告"
    assert infer_year("", title=title)[0] == "2023"


def test_infer_year__publication_date_is_weakest_clue():
    assert infer_year("法治政府建设情况报告\n我乡坚持依法行政。", title="法治政府建设情况报告",
                      publish_date="2024-03-28") == ("2023", "page metadata")


def test_infer_metadata__county_level_report():
    text = "高青县人民政府2022年度法治政府建设情况报告\n2022年，县政府坚持以习近平法治思想为指导。\n一、主要举措和成效"
    meta = infer_metadata(text)
    assert (meta["level"], meta["town"], meta["county"], meta["city"]) == ("county", "", "高青县", "淄博市")


def test_infer_metadata__county_absent_stays_empty():
    meta = infer_metadata("北城街道2023年法治政府建设年度报告\n2023年，街道坚持依法行政。")
    assert (meta["town"], meta["county"], meta["city"], meta["province"]) == ("北城街道", "", "", "")


def test_infer_metadata__autonomous_county_short_form():
    meta = infer_metadata("大年乡2024年法治政府建设年度报告\n紧紧围绕《融水县法治政府建设实施方案》的总体目标")
    assert (meta["county"], meta["province"]) == ("融水苗族自治县", "广西壮族自治区")


def test_infer_county__named_only_late_in_the_text():
    text = "青山镇2023年法治政府建设年度报告\n" + "我镇坚持依法行政，推进基层治理。" * 120 + "\n报送：梅县区司法局"
    county, source = infer_county(text, title="青山镇2023年法治政府建设年度报告")
    assert (county.county, county.city, source) == ("梅县区", "梅州市", "body")


def test_infer_county__opening_beats_more_mentions_later():
    text = "按照高青县统一部署，我镇开展工作。\n" + "推进依法行政。" * 250 + "梅县区、梅县区、梅县区经验交流"
    county, _ = infer_county(text, title="")
    assert county.county == "高青县"


def test_infer_county__name_at_the_very_end():
    county, source = infer_county("我镇开展法治宣传，受到融水县", title="")
    assert (county.county, source) == ("融水苗族自治县", "body")


def test_merge_manifest__manifest_wins_and_disagreement_reported():
    inferred = {"town": "青城镇", "town_source": "title", "year": "2022", "year_source": "title", "level": "township"}
    merged, disagreements = merge_manifest(inferred, {"file": "a.txt", "town": "", "year": "2023"})
    assert (merged["town"], merged["year"], merged["year_source"]) == ("青城镇", "2023", "manifest")
    assert disagreements == ["manifest says year=2023, text suggests 2022"]


def test_merge_manifest__county_fills_city_and_province_from_gazetteer():
    merged, _ = merge_manifest({"county": ""}, {"county": "建宁县"})
    assert (merged["city"], merged["province"]) == ("三明市", "福建省")


def test_load_gazetteer__has_county_level_divisions_of_all_provinces():
    gazetteer = load_gazetteer()
    assert len(gazetteer) > 2800
    assert len({c.province for c in gazetteer}) >= 31


def test_own_place_names__names_short_forms_and_stems():
    from reportkit.metadata import own_place_names

    assert own_place_names("北城街道", "梅县区", None, "") == ["北城街道", "梅县区", "北城", "梅县"]


def test_own_place_names__autonomous_county_stem_without_gazetteer_alias():
    from reportkit.metadata import own_place_names

    # not in the gazetteer: the stem still drops the whole 族自治县 suffix
    assert own_place_names("虚构苗族瑶族自治县") == ["虚构苗族瑶族自治县", "虚构"]
    assert own_place_names("北城街道办事处") == ["北城街道办事处", "北城"]


def test_infer_metadata__county_name_shared_by_two_counties_keeps_the_name_without_guessing_the_city():
    from reportkit.metadata import infer_metadata

    meta = infer_metadata("关于青山区白沙镇2022年法治政府建设情况的报告\n全镇深化改革。")
    assert (meta["county"], meta["city"], meta["province"]) == ("青山区", "", "")
    meta = infer_metadata("关于青山区白沙镇2022年法治政府建设情况的报告\n在武汉市委的领导下，全镇深化改革。")
    assert (meta["county"], meta["city"], meta["province"]) == ("青山区", "武汉市", "湖北省")


def test_infer_metadata__shared_county_name_deep_in_a_long_text_is_not_taken():
    from reportkit.metadata import infer_metadata

    text = "白沙镇2022年法治政府建设情况的报告\n" + "全镇深化改革，依法行政。" * 200 + "参观新城区规划馆。"
    assert infer_metadata(text)["county"] == ""


@pytest.mark.parametrize("town", ["太和镇", "永和乡", "中和街道", "安和镇"])
def test_infer_town__names_ending_in_he(town):
    from reportkit.metadata import infer_metadata

    text = f"{town}人民政府\n关于2021年度法治政府建设工作情况的报告\n\n今年以来，{town}坚持依法行政。"
    assert infer_metadata(text)["town"] == town


@pytest.mark.parametrize(("title", "town", "town_type", "year"), [
    ("龙门镇人民政府关于二〇二三年度法治政府建设情况的报告", "龙门镇", "镇", "2023"),
    ("乌兰哈达苏木2022年法治政府建设工作报告", "乌兰哈达苏木", "苏木", "2022"),
    ("大营子蒙古族乡二零二一年法治政府建设情况报告", "大营子蒙古族乡", "民族乡", "2021"),
])
def test_infer_metadata__chinese_numeral_years_and_sumu(title, town, town_type, year):
    from reportkit.metadata import infer_metadata

    meta = infer_metadata(title + "\n\n一年来，我们认真贯彻落实上级部署。")
    assert (meta["town"], meta["town_type"], meta["year"]) == (town, town_type, year)
