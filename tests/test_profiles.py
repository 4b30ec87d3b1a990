"""Tests for reportkit.profiles: one page per town, from the seed reports' build."""
from .plotting import _theme_and_cleanup  # noqa: F401  (autouse; sets the Agg backend)

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from reportkit import profiles  # noqa: E402

from .conftest import RAW, ROOT  # noqa: E402


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from reportkit import build

    tmp = tmp_path_factory.mktemp("profiles")
    return build(RAW, manifest=ROOT / "data" / "manifest.csv", out=None, cache_dir=tmp / "cache", jobs=1)


def test_town_profile__parts_figures_shortcomings_terms_and_reuse(seeds):
    profile = profiles.town_profile(seeds, "code:450225215")  # 大年乡 of 融水苗族自治县, by its division code
    assert profile["header"]["town"] == "大年乡" and profile["header"]["years"] == "2024"
    assert profile["reports"].loc[0, "missing"] == "其他情况"
    indicators = seeds["indicators"]
    mine = seeds["documents"].loc[seeds["documents"]["town"] == "大年乡", "doc_id"]
    assert len(profile["figures"]) == indicators["doc_id"].isin(mine).sum()
    assert len(profile["shortcomings"]) == seeds["shortcomings"]["doc_id"].isin(mine).sum() > 0
    assert len(profile["terms"]) > 0 and (profile["terms"]["stat"] > 0).all()
    assert set(profile["reuse"].columns) == {"label", "other", "similarity", "kind"}


def test_town_profile__unknown_town_names_the_towns_present(seeds):
    with pytest.raises(ValueError, match="大年镇.*towns present"):
        profiles.town_profile(seeds, "大年镇｜融水苗族自治县")


def test_profile_html__has_every_section_and_escapes_text(seeds):
    profile = profiles.town_profile(seeds, "code:350430101")  # 里心镇 of 建宁县
    profile["shortcomings"].loc[0, "text"] = "<script>x</script>"
    page = profiles.profile_html(profile)
    for heading in ("基本情况", "具体数字", "自述的不足", "特色词", "与其他报告重复的段落"):
        assert f"<h2>{heading}" in page
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page


def test_write_profiles__an_html_and_an_a4_png_per_town(seeds, tmp_path):
    written = profiles.write_profiles(seeds, tmp_path)
    towns = seeds["documents"][["town", "county"]].drop_duplicates()
    assert sorted(p.name for p in written) == sorted(f"{t}_{c}.html" for t, c in towns.values)
    for html in written:
        png = html.with_suffix(".png")
        with Image.open(png) as img:
            w, h = img.size
            grey = np.asarray(img.convert("L"))
        assert abs(h / w - 297 / 210) < 0.01  # A4 portrait
        assert (grey < 128).mean() > 0.01  # text on the page


def test_write_profiles__long_lists_are_cut_on_the_png_and_said_so(seeds):
    profile = profiles.town_profile(seeds, "code:450225215")  # 大年乡 of 融水苗族自治县, by its division code
    lines = [text for _, text in profiles._lines(profile, profiles.PNG_ROWS)]
    assert any(text.startswith("……另有") and "见 HTML" in text for text in lines)
    assert not any("……另有" in text for _, text in profiles._lines(profile, None))


def test_profile_lines__a_report_with_every_part_says_nothing_is_missing(seeds):
    profile = profiles.town_profile(seeds, "code:350430101")  # 里心镇 of 建宁县
    first = profile["reports"].loc[0, "label"]
    said = [text for _, text in profiles._lines(profile, None) if text.startswith(first)]
    assert said and "；未单列 " in said[0]
    profile["reports"].loc[0, "missing"] = "无"  # as town_profile writes it when every part is there
    said = [text for _, text in profiles._lines(profile, None) if text.startswith(first)]
    assert said and "未单列" not in said[0] and "；有 " in said[0]


def test_wrap__never_splits_a_number_or_starts_a_line_with_punctuation():
    lines = profiles._wrap("普法形式有待进一步加强，目标（6.2）、由于形式单一，针对性不强", 12)
    assert all(line[0] not in "，。、；：）" for line in lines[1:])
    assert not any(line.endswith("（") or line.startswith("6.2") for line in lines)
    assert "".join(lines) == "普法形式有待进一步加强，目标（6.2）、由于形式单一，针对性不强"


def test_keyness_by_town__same_statistic_as_terms_keyness_for_each_town(seeds):
    from reportkit.across_years import town_keys
    from reportkit.terms import keyness

    all_towns = profiles.keyness_by_town(seeds["term_counts"], seeds["documents"], n=8)
    keys = town_keys(seeds["documents"])
    for key, ids in keys.groupby("town_key")["doc_id"]:
        one = keyness(seeds["term_counts"], seeds["documents"], target={"doc_id": list(ids)})
        one = one[one["stat"] > 0].head(8)
        mine = all_towns[all_towns["town_key"] == key]
        assert mine["term"].tolist() == one["term"].tolist(), key
        assert np.allclose(mine["stat"], one["stat"]) and mine["n_target"].tolist() == one["n_target"].tolist()


def test_write_profiles__a_renamed_town_goes_by_its_latest_name(tmp_path):
    # 英买里乡 became 英买里镇 in 2022: its profile was titled and filed by the 2021 name, so an analyst
    # looking for 英买里镇 found no page
    import shutil

    from reportkit import build

    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("r340_yingmaili_2021_xiang_yifaxingzheng", "r341_yingmaili_2022_chexiangshezhen_meitou",
                 "r342_yingmaili_2023_biaoti2024", "r343_yingmaili_2024_wubiaoti_ducha"):
        shutil.copy(ROOT / "tests" / "fixtures" / "written_reports" / f"{name}.txt", raw / f"{name}.txt")
    tables = build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1)
    assert set(tables["documents"]["town"]) == {"英买里乡", "英买里镇"}
    assert tables["documents"]["town_code"].nunique() == 1
    written = profiles.write_profiles(tables, tmp_path / "profiles", png=False)
    assert [p.name for p in written] == ["英买里镇_伽师县.html"]
    page = written[0].read_text(encoding="utf-8")
    assert "<h1>英买里镇（" in page and "曾用名：英买里乡（2021）" in page


def test_write_profiles__a_rerun_replaces_the_page_of_a_town_renamed(tmp_path):
    # the analyst's next year: 英买里乡's 2021 report built and profiled, then 2022–2024 (英买里镇) added
    # and built again; the 2021 page stayed beside the new one, one town twice in the folder
    import shutil

    from reportkit import build

    raw, out = tmp_path / "raw", tmp_path / "profiles"
    raw.mkdir()
    names = ["r340_yingmaili_2021_xiang_yifaxingzheng", "r341_yingmaili_2022_chexiangshezhen_meitou",
             "r342_yingmaili_2023_biaoti2024", "r343_yingmaili_2024_wubiaoti_ducha"]
    shutil.copy(ROOT / "tests" / "fixtures" / "written_reports" / f"{names[0]}.txt", raw / f"{names[0]}.txt")
    profiles.write_profiles(build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1), out)
    (out / "我的笔记.html").write_text("<html><body>by hand</body></html>", encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["我的笔记.html", "英买里乡_伽师县.html", "英买里乡_伽师县.png"]
    for name in names[1:]:
        shutil.copy(ROOT / "tests" / "fixtures" / "written_reports" / f"{name}.txt", raw / f"{name}.txt")
    profiles.write_profiles(build(raw, out=None, cache_dir=tmp_path / "cache", jobs=1), out)
    assert sorted(p.name for p in out.iterdir()) == ["我的笔记.html", "英买里镇_伽师县.html", "英买里镇_伽师县.png"]


def test_profile_lines__a_partial_text_is_marked_and_its_unseen_parts_are_not_called_left_out(seeds):
    # a page cut short before its plans read "未单列 下一年度安排": the town seemed to have written none
    docs = seeds["documents"].copy()
    docs["is_partial"] = docs["town"] == "里心镇"
    profile = profiles.town_profile({**seeds, "documents": docs}, "code:350430101")  # 里心镇 of 建宁县
    first = profile["reports"].loc[0, "label"]
    lines = [text for _, text in profiles._lines(profile, None)]
    said = [text for text in lines if text.startswith(first)]
    assert said and said[0].startswith(f"{first}（不完整文本）：") and "未单列" not in said[0]
    assert any(text.startswith("报告：") and "其中 1 份是不完整文本" in text for text in lines)
    assert all("（不完整文本）" in label for label in profile["originality"])
    whole = [text for _, text in profiles._lines(profiles.town_profile(seeds, "code:350430101"), None)]
    assert not any("不完整" in text for text in whole)
