"""A government page saved as Markdown by a scraper or reader tool: read as the page's text, its
address, date and title kept as page facts, its menus and pictures left out."""
from __future__ import annotations

import pytest

import reportkit as rk
from reportkit.markdown import from_markdown, is_markdown
from reportkit.normalize import normalize_text

# The shape Jina Reader and similar tools give (round 33 of the written reports).
PAGE = """Title: 湾岭镇2019年法治政府建设工作报告_琼中黎族苗族自治县人民政府

URL Source: http://www.qiongzhong.gov.cn/xxgk/xzdt/202001/t20200114_2730516.html

Published Time: 2020-01-14T09:30:00+08:00

Markdown Content:
[![Image 1: 琼中黎族苗族自治县人民政府](http://www.qiongzhong.gov.cn/images/logo.png)](http://www.qiongzhong.gov.cn/)

*   [首页](http://www.qiongzhong.gov.cn/)
*   [政务公开](http://www.qiongzhong.gov.cn/xxgk/)

当前位置：[首页](http://www.qiongzhong.gov.cn/) > [乡镇动态](http://www.qiongzhong.gov.cn/xxgk/xzdt/)

湾岭镇2019年法治政府建设工作报告
================

发布时间：2020-01-14 09:30 来源：湾岭镇人民政府 【字体：[大](javascript:doZoom(16)) [小](javascript:doZoom(12))】

2019年，湾岭镇在县委、县政府的坚强领导下，扎实推进依法行政。现将有关情况报告如下：

**一、2019年法治政府建设工作开展情况**

镇村两级调委会全年排查调处矛盾纠纷103件，开展[“三语”普法](http://www.qiongzhong.gov.cn/p/1.html)宣传31场。

### 二、存在的问题

1\\. 镇综合执法力量比较薄弱，执法人员多为兼职。

2\\. 部分村“两委”干部法治意识不强，依法办事能力有待提升。

### 三、2020年工作打算

一是加强执法队伍建设；二是健全矛盾纠纷多元化解机制。

湾岭镇人民政府

2020年1月10日

*   [上一篇：湾岭镇开展“12·4”国家宪法日宣传活动](http://www.qiongzhong.gov.cn/xxgk/xzdt/1.html)
*   [下一篇：湾岭镇召开矛盾纠纷排查化解工作会议](http://www.qiongzhong.gov.cn/xxgk/xzdt/2.html)
"""


def test_from_markdown__the_page_reads_as_its_text():
    text = from_markdown(PAGE)
    assert "首页\n" not in text and "Image 1" not in text and "上一篇" not in text and "====" not in text
    assert "\n一、2019年法治政府建设工作开展情况\n" in text and "\n二、存在的问题\n" in text
    assert "\n1. 镇综合执法力量比较薄弱" in text and "开展“三语”普法宣传31场" in text
    assert "当前位置：首页 > 乡镇动态" in text  # a breadcrumb stays a breadcrumb (page chrome reads it)
    assert from_markdown(text) == text  # plain text is left as it is


@pytest.mark.parametrize("text", [
    "一、主要举措\n依据《条例》[2023]第5号文件，开展普法12场。",  # a bracket is no Markdown
    "（一）深化普法\n**重点**：开展“八五”普法宣传。",
    "1\\. 执法力量不足",
    # a page that masks its dates and numbers, copied without its line breaks
    "索引号: ******************/*********** 成文日期: ********** 古城街道****年法治政府建设年度报告 • 日期:********** **:**"
    " ****年,古城街道在市委的领导下… 一、****年推进法治政府建设的主要举措和成效"])
def test_is_markdown__a_report_with_brackets_or_stars_is_not(text):
    assert not is_markdown(text) and from_markdown(text) == text


def test_build__a_markdown_page_gives_its_town_county_year_parts_and_items(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "wanling.md.txt").write_text(PAGE, encoding="utf-8")
    for _ in range(2):  # as a notebook cell run twice calls it
        tables = rk.build(raw, out=tmp_path / "out")
        document = tables["documents"].iloc[0]
        assert (document["town"], document["county"], int(document["year"])) == ("湾岭镇", "琼中黎族苗族自治县", 2019)
        assert not document["is_partial"], document["partial_reason"]
        parts = tables["sections"][tables["sections"]["level"] == 1]
        assert parts["section_type"].tolist() == ["measures", "shortcomings", "plans"], parts["heading"].tolist()
        assert tables["shortcomings"]["text"].str[:8].tolist() == ["镇综合执法力量比", "部分村“两委”干"]
        assert set(tables["indicators"]["value"]) == {103.0, 31.0}


def test_normalize_text__markdown_escapes_go_before_the_headings_are_read():
    text = "Markdown Content:\n三、存在的问题\n1\\. 执法力量不足\n"
    assert normalize_text(text) == "Markdown Content:\n三、存在的问题\n1. 执法力量不足"  # the label: page chrome


def test_from_markdown__a_word_file_converted_by_pandoc_reads_as_its_text():
    # written round 37: no reader's header and no links, only ## headings, bold lines and a picture
    text = ("# 水满乡2023年法治政府建设工作报告\n\n## 一、主要举措和成效\n\n**（一）依法全面履行政府职能。**梳理权责事项97项。\n\n"
            "![](media/image1.jpeg){width=\"5.8in\" height=\"3.2in\"}\n\n## 三、存在的不足和原因\n\n"
            "**一是乡综合执法力量薄弱。**执法人员仅3名。\n\n**二是群众法治意识有待增强。**了解不多。")
    assert is_markdown(text)
    assert [line for line in from_markdown(text).split("\n") if line] == [
        "水满乡2023年法治政府建设工作报告", "一、主要举措和成效", "（一）依法全面履行政府职能。梳理权责事项97项。",
        "三、存在的不足和原因", "一是乡综合执法力量薄弱。执法人员仅3名。", "二是群众法治意识有待增强。了解不多。"]
    # … and copied without its line breaks, the marks go too
    assert "##" not in from_markdown(text.replace("\n", " ")) and "**" not in from_markdown(text.replace("\n", " "))
