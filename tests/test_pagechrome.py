"""What a whole page copy carries after the report (links to other articles, the footer), and the
site a saved page names in its header: recognised, never taken as the report's."""
from __future__ import annotations

import pytest

from reportkit.metadata import infer_metadata
from reportkit.normalize import normalize_text
from reportkit.pagechrome import (companion_ranges, is_chrome, page_facts, report_end, report_start, site_of_page,
                                  split_chrome)
from reportkit.partial import partial_reasons
from reportkit.sections import split_sections

REPORT = "关于2023年法治政府建设情况的报告\n一、主要举措\n（一）深化普法宣传\n全年开展普法活动12场。\n二、下步打算\n持续深化依法行政。"
# The tail of a government page as copied whole: buttons, neighbours, related titles, footer.
PAGE_TAIL = ("【打印本页】【关闭窗口】\n上一篇：关于公布2023年部门预算的公告\n下一篇：东湖镇2022年法治政府建设年度报告\n"
             "相关链接\n关于做好冬春季森林防火工作的通知\n南山县2023年法治政府建设情况报告\n"
             "主办单位：南山县人民政府办公室 承办单位：南山县政务服务中心\n网站标识码：1234567890 备案号：ICP备12345678号\n"
             "公网安备 46900502000123号\n版权所有：南山县人民政府\n建议使用1920×1080分辨率浏览")


def test_report_end__the_report_ends_before_the_links_and_footer_of_its_page():
    text = REPORT + "\n" + PAGE_TAIL
    assert text[:report_end(text)].rstrip() == REPORT
    assert report_end(REPORT) == len(REPORT)  # nothing after: the whole text


@pytest.mark.parametrize("tail", ["\n北城街道办事处\n2024年3月1日\n【打印】【关闭】",  # a signature above buttons
                                  "\n（三）规范执法\n【打印】"])  # a short last line above buttons
def test_report_end__short_lines_above_a_button_row_stay_the_reports(tail):
    text = REPORT + tail
    assert text[:report_end(text)].rstrip() == (REPORT + tail).rsplit("\n", 1)[0]


def test_report_end__a_compilation_s_next_report_after_the_signature_is_not_this_one_s():
    body = "2019年，续迈乡扎实推进法治政府建设。" + "全年开展普法宣传活动12场，调解矛盾纠纷8件。" * 20
    signed = f"续迈乡2019年法治政府建设工作报告\n{body}\n\n尼木县续迈乡人民政府\n2019年12月26日\n"
    text = signed + "\n帕古乡2019年法治政府建设工作报告\n\n　　2019年，帕古乡在县委、县政府的坚强领导下，紧紧围绕"
    assert text[:report_end(text)] == signed + "\n"
    # a page's date line above the report's own title is no signature: nothing is cut
    dated = "发布日期：2020年1月6日\n" + signed
    assert report_end(dated) == len(dated)


def test_report_end__a_text_of_short_lines_under_a_link_label_is_kept_whole():
    # a link label above every line: nothing is recognisably the report's, so nothing is cut
    text = "相关链接\n东湖镇2023年法治政府建设报告\n一、主要举措"
    assert report_end(text) == len(text)


@pytest.mark.parametrize("line", ["上一篇：关于公布2023年部门预算的公告", "下一条", "【相关链接】", "版权所有：南山县人民政府",
                                  "网站标识码：1234567890 备案号：ICP备12345678号", "技术支持：某某科技有限公司",
                                  # a WeChat article's foot
                                  "阅读原文 阅读 1024 分享 收藏 点赞 在看", "阅读 10万+", "微信扫一扫关注该公众号",
                                  "预览时标签不可点"])
def test_is_chrome__links_and_footer(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", ["三、下步打算", "全年开展普法活动12场。", "上一年度存在的问题已全部整改。",
                                  "相关部门按时办结群众诉求。", "2023", "12", "阅读原文件后提出意见。",
                                  "查处侵犯版权所有人合法权益案件3起。"])
def test_is_chrome__report_lines_are_not(line):
    assert not is_chrome(line)


def test_split_chrome__the_titles_of_other_articles_are_not_the_reports_facts():
    # 下一篇 names another report: it is removed, and it is not the page's title field
    body, facts = split_chrome("下一篇：东湖镇2022年法治政府建设年度报告\n今年以来，我镇坚持依法行政。")
    assert body == "今年以来，我镇坚持依法行政。" and facts.page_title == "" and facts.n_lines == 1


def test_infer_metadata__a_whole_page_copy_is_dated_and_named_by_its_report_not_its_links():
    text = "西山镇" + REPORT + "\n" + PAGE_TAIL
    meta = infer_metadata(text)
    assert (meta["town"], meta["year"]) == ("西山镇", "2023")
    assert meta["title"] == "西山镇关于2023年法治政府建设情况的报告"


@pytest.mark.parametrize("pieces, site", [
    (["首页", "首页 > 海丰县人民政府门户网站 > 专题专栏"], "海丰县人民政府"),
    (["中文域名:天津市宝坻区人民政府.政务"], "天津市宝坻区人民政府"),
    (["欢迎访问秦安县人民政府网站", "政务公开"], "秦安县人民政府"),
    (["文昌市人民政府", "海南省人民政府"], "文昌市人民政府"),  # the first, the header's
    (["发布机构：城口县治平乡人民政府"], ""),  # a labelled field is the publisher, not the site
    (["城口县治平乡人民政府关于2023年法治政府建设情况的报告"], ""),  # a title naming its issuer
])
def test_site_of_page(pieces, site):
    assert site_of_page(pieces) == site


def test_split_sections__the_last_part_ends_before_the_page_tail_and_a_cut_heading_stays_cut():
    from reportkit.sections import split_sections

    sections = split_sections(REPORT + "\n" + PAGE_TAIL)
    assert sections["text"].iloc[-1] == "二、下步打算\n持续深化依法行政。"
    cut = "一、主要举措\n（一）加强领导\n内容很多。\n（二）依法全面履行政\n" + PAGE_TAIL
    assert split_sections(cut)["heading"].tolist() == ["一、主要举措", "（一）加强领导"]


def test_partial_reasons__a_page_cut_short_is_partial_with_its_footer_copied_too():
    from reportkit.partial import partial_reasons
    from reportkit.sections import split_sections

    cut = "一、主要举措\n（一）加强领导\n开展普法宣传活动12场，发放资料3000余份，受众1.2万人次，群众法治意识逐步提\n" + PAGE_TAIL
    assert "cut off" in partial_reasons(cut, split_sections(cut))
    whole = REPORT + "\n" + PAGE_TAIL
    assert partial_reasons(whole, split_sections(whole)) == []


def test_build__a_saved_page_whose_header_alone_names_the_county(tmp_path):
    from reportkit import build

    page = ("<html><head><meta charset='utf-8'><title>政务公开</title></head><body>"
            "<div class='header'><a>首页</a> &gt; <a>海丰县人民政府门户网站</a> &gt; <a>专题专栏</a></div>"
            "<div class='content'><p>2025年，大湖镇始终以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设。</p>"
            "<p>一、主要举措</p><p>全年开展普法活动12场。</p></div>"
            "<div class='pages'><p>上一篇：关于公布2023年部门预算的公告</p></div></body></html>")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "dahu.html").write_text(page, encoding="utf-8")
    documents = build(raw, manifest=None, out=None, cache_dir=None, jobs=1)["documents"]
    assert documents.loc[0, ["town", "county", "county_source"]].tolist() == ["大湖镇", "海丰县", "page metadata"]


@pytest.mark.parametrize("crumb, column", [
    ("当前位置：首页 > 乡镇动态 > 日兴镇", "日兴镇"),
    ("首页 > 政务公开 > 乡镇街道 > 龙泉街道办事处 > 法治政府建设", "龙泉街道办事处"),
    ("当前位置：首页 > 政务公开 > 法治政府建设", ""),  # no town's column
])
def test_split_chrome__a_towns_column_in_the_breadcrumb(crumb, column):
    _, facts = split_chrome(f"{crumb}\n2023年度法治政府建设情况报告\n2023年，我镇坚持依法行政。")
    assert facts.column == column


def test_split_chrome__a_pipe_table_of_page_facts_names_the_publisher():
    # the page's information table copied as cells: the street office is named only there
    text = ("索 引 号 | H097/2024-76467 | 成文日期 | 2024-02-19 |\n发布机构 | 蜀山街道 | 主题分类 | 其他- |\n"
            "中共萧山区委员会、萧山区人民政府:\n2023年,街道在区委区政府的坚强领导下,全面推进法治政府建设。\n一、主要举措\n开展普法活动5场。")
    body, facts = split_chrome(text)
    assert (facts.publisher, facts.written_date, facts.index_no) == ("蜀山街道", "2024-02-19", "H097/2024-76467")
    assert body.startswith("中共萧山区委员会") and infer_metadata(text)["town"] == "蜀山街道"


def test_split_chrome__a_bulleted_table_of_page_facts_ends_before_the_report():
    # a held-out page (batch z3): the district's report under its justice bureau's bulleted table; the
    # district is the opening's subject once 发文时间 and 效力状态 are read as fields too
    text = ("- 索 引 号:370403/2026-00187\n- 发布机构:薛城区司法局\n- 成文时间:2026年01月28日\n"
            "- 标 题:关于2025年度法治政府建设情况的报告\n- 发文时间:2026年01月28日\n- 效力状态:有效\n"
            "关于2025年度法治政府建设情况的报告\n2025年,在市委、市政府的坚强领导下,薛城区坚持依法行政。\n"
            "一、强化政治引领\n部署完成对陶庄镇、生态环境分局等5家镇街及部门的法治督察。")
    body, facts = split_chrome(text)
    assert body.startswith("关于2025年度") and facts.publish_date.startswith("2026年01月28")
    meta = infer_metadata(text)
    assert (meta["level"], meta["town"], meta["county"]) == ("county", "", "薛城区")


def test_split_chrome__a_table_whose_labels_the_copy_lost_is_no_title():
    # a held-out page (batch z95): the site draws its table's labels, so the copy kept the values alone,
    # a bullet a line; • 法制 / • 工作报告 had been joined into the title, and the level was lost
    table = "  • 115002242037431382/2024-00011\n  • 法制\n  • 工作报告\n  • 铜梁区司法局\n  • 2024-03-22\n  • 2024-03-22\n"
    report = ("重庆市铜梁区2023年法治政府建设工作报告\n"
              "2023 年,在区委的坚强领导下,区政府坚持依法行政。现将有关情况报告如下:\n一、主要举措\n开展普法活动5场。")
    body, facts = split_chrome("您当前的位置:首页 >法定主动公开内容 >其他法定信息\n" + table + "\n" + report)
    assert body == report and facts.n_lines == 7
    meta = infer_metadata(table + report)
    assert (meta["title"], meta["level"], meta["county"]) == ("重庆市铜梁区2023年法治政府建设工作报告", "county", "铜梁区")
    # the opening alone says so too, its year typed with a space
    assert infer_metadata(report.split("\n", 1)[1])["level"] == "county"


@pytest.mark.parametrize("items", [
    "• 普法讲座\n• 法律咨询\n• 矛盾调解\n",  # a report's own list: no date or index number among its values
    "• 2024-03-22 召开专题会议\n• 2024-04-02 开展培训\n• 2024-05-10 组织考试\n",  # dated lines of prose
])
def test_split_chrome__a_bulleted_list_of_the_reports_own_stays(items):
    text = "一、主要举措\n" + items + "开展普法活动5场。"
    assert split_chrome(text)[0] == text


def test_page_facts__a_source_that_names_no_one_leaves_the_publisher_to_the_table():
    facts = page_facts(["来源：本站　浏览次数：128", "发布机构：武宁县船滩镇人民政府　发布日期：2024-02-02"])
    assert facts.publisher == "武宁县船滩镇人民政府"


@pytest.mark.parametrize("header", [
    "标题：赵北口镇法治政府建设工作报告\n发布机构：安新县赵北口镇人民政府\n年度：2019\n发布日期：2020-01-15\n",
    "标题：赵北口镇法治政府建设工作报告 发布机构：安新县赵北口镇人民政府 年度：2019 发布日期：2020-01-15\n",
    "所属年度 | 2019 | 发布日期 | 2020-01-15 |\n",
])
def test_page_facts__a_year_field_gives_the_year_a_report_without_one_covers(header):
    # a disclosure table's 年度 field is the year covered: the title has none, the opening says 今年以来,
    # and the publication date alone would give the same year only by luck of its month
    text = header + "赵北口镇法治政府建设工作报告\n今年以来，赵北口镇在县委、县政府的领导下推进法治政府建设。\n一、主要举措\n开展普法活动5场。"
    body, facts = split_chrome(text)
    assert facts.report_year == "2019" and body.startswith("赵北口镇法治政府建设工作报告")
    meta = infer_metadata(text.replace("2020-01-15", "2020-08-15"))  # published late: the date would say 2020
    assert (meta["year"], meta["year_source"], meta["title"]) == ("2019", "page metadata", "赵北口镇法治政府建设工作报告")


def test_page_facts__a_year_in_prose_is_no_field():
    assert page_facts(["2023年度：全镇开展普法活动12场。"]).report_year == ""


# A Word file's table of contents, as python-docx or a copy gives it (tabs before the page numbers,
# one entry without its number), and a PDF's (leader dots, no 目录 above it).
_OPENING = "2021年，珍珠泉乡坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。"
_BODY = ("一、主要举措和成效\n（一）深化综合执法改革。全年开展检查巡查310余次。\n"
         "二、存在的不足和原因\n1.综合执法力量不足。\n三、2022年主要安排\n加强执法队伍建设。")


@pytest.mark.parametrize("contents", [
    "目　　录\n一、\t主要举措和成效\t1\n二、\t存在的不足和原因\t\n三、\t2022年主要安排\t4\n",
    "目录\n\n一、主要举措和成效 1\n二、存在的不足和原因 3\n三、2022年主要安排 4\n\n",
    "一、主要举措和成效……………………1\n二、存在的不足和原因………………3\n三、2022年主要安排…………………4\n",
    # a PDF that set the tabs as no space at all: each page number glued to its entry
    "目  录\n一、主要举措和成效1\n二、存在的不足和原因3\n三、2022年主要安排4\n"])
def test_split_chrome__a_table_of_contents_is_not_the_report(contents):
    text, _ = split_chrome(normalize_text(f"珍珠泉乡2021年法治政府建设年度报告\n{contents}{_OPENING}\n{_BODY}"))
    assert text == normalize_text(f"珍珠泉乡2021年法治政府建设年度报告\n{_OPENING}\n{_BODY}")


def test_split_chrome__a_contents_list_without_page_numbers_whose_entries_come_again_is_not_the_report():
    # round 50: a 目  录 over the four parts and part 一's sub-headings, no page numbers; the body's
    # headings come again below (its sub-headings run into their first sentence)
    contents = "目  录\n一、主要举措和成效\n（一）深化综合执法改革\n二、存在的不足和原因\n三、2022年主要安排\n\n"
    text, _ = split_chrome(normalize_text(f"珍珠泉乡2021年法治政府建设年度报告\n\n{contents}{_OPENING}\n{_BODY}"))
    assert text == normalize_text(f"珍珠泉乡2021年法治政府建设年度报告\n\n{_OPENING}\n{_BODY}")


def test_split_chrome__a_contents_list_over_a_copy_cut_short_is_not_the_report():
    # a probe of whole written reports cut after a paragraph: the body reaches only the list's first entries
    # (not most of them), so the list was read as the report's headings and the cut copy as whole
    contents = ("目　录\n一、依法履职的主要工作\n（一）规范重大行政决策\n（二）推进综合行政执法\n（三）加强法治宣传教育\n"
                "二、主要负责人履职情况\n三、存在的短板\n四、2025年工作思路\n\n")
    cut = (f"{_OPENING}\n一、依法履职的主要工作\n（一）规范重大行政决策。全年审查合同9份。\n"
           "（二）推进综合行政执法。开展联合执法15次，查处违法建设4起。")
    text, _ = split_chrome(normalize_text(f"珍珠泉乡2024年法治政府建设年度报告\n\n{contents}{cut}"))
    assert text == normalize_text(f"珍珠泉乡2024年法治政府建设年度报告\n\n{cut}")
    assert "no closing part" in partial_reasons(text, split_sections(text))
    # … but a list whose first entry never comes again, though a later one does, is the page's own
    listed = contents.replace("（一）规范重大行政决策", "（一）坚持党的领导")
    text = normalize_text(f"珍珠泉乡2024年法治政府建设年度报告\n\n{listed}{cut}")
    assert "（一）坚持党的领导\n（二）推进综合行政执法\n（三）加强法治宣传教育" in split_chrome(text)[0]


def test_split_chrome__short_lines_under_a_contents_label_that_do_not_come_again_stay():
    # a 目录 label over a list that is the report's own (nothing below repeats it) is kept
    text = f"目录\n一、主要举措和成效\n二、存在的不足和原因\n{_OPENING}\n（一）深化综合执法改革。全年开展检查巡查310余次。"
    assert split_chrome(text)[0] == text


def test_split_chrome__a_contents_label_over_the_reports_own_headings_keeps_them():
    # no page numbers: a 目录 heading over the report itself (its first heading comes again) is no outline
    text = f"目录\n{_BODY}"
    assert split_chrome(text)[0] == text


@pytest.mark.parametrize("picture", ["[图片：红池坝镇2022年法治政府建设年度报告（3）.jpg]", "【图片】", "[image]"])
def test_is_chrome__a_pictures_placeholder_is_chrome(picture):
    assert is_chrome(picture) and not is_chrome("（三）图片展览。开展法治图片展3场。")


@pytest.mark.parametrize("listed", [
    "相关阅读\n· 五大道街道2022年法治政府建设年度报告　　2023-01-13\n· 和平区2023年法治政府建设年度报告　　2024-03-29",
    "相关阅读 · 五大道街道2022年法治政府建设年度报告 2023-01-13 · 和平区2023年法治政府建设年度报告 2024-03-29"])
def test_split_chrome__the_titles_listed_under_related_links_go_with_the_label(listed):
    # round 33: a whole copy with its 相关阅读 list read as a report cut off mid-list
    text, _ = split_chrome(f"{REPORT}\n五大道街道办事处\n2024年1月15日\n{listed}\n【打印本页】【关闭窗口】")
    assert text == f"{REPORT}\n五大道街道办事处\n2024年1月15日"


@pytest.mark.parametrize("label", ["原文链接：", "原文地址: ", "URL Source: "])
def test_page_facts__the_pages_address_is_a_fact_and_places_the_county(label):
    text = f"{label}http://www.qiongzhong.gov.cn/xxgk/xzdt/202001/t20200114_2730516.html\n" \
           "湾岭镇2019年法治政府建设工作报告\n2019年，湾岭镇在县委、县政府的坚强领导下，扎实推进依法行政。"
    body, facts = split_chrome(text)
    assert facts.url.endswith("t20200114_2730516.html") and not body.startswith(label.strip())
    assert infer_metadata(text)["county"] == "琼中黎族苗族自治县"


@pytest.mark.parametrize("between", ["猜你喜欢\n2020年乡镇法治政府建设工作总结（精选5篇）\n临汾路街道2021年度法治政府建设情况报告\n",
                                     "相关推荐\n巩留县阿克吐别克镇2021年法治政府建设工作报告\n广告　那拉提草原2022年夏季旅游攻略，点击查看\n**"])
def test_split_chrome__a_list_of_other_articles_between_two_parts_ends_at_the_next_part(between):
    # written round 43: an aggregator's list set between parts took the next part's heading with it
    text, _ = split_chrome(f"一、主要举措\n全年开展普法活动12场。\n{between}二、存在的问题\n1.普法形式单一。")
    assert text.split("\n")[-2].lstrip("*").startswith("二、存在的问题") and "猜你喜欢" not in text and "相关推荐" not in text


@pytest.mark.parametrize("advert", ["广告", "立即下载APP，海量范文免费复制，新用户领7天VIP", "广告　那拉提草原2022年夏季旅游攻略，点击查看"])
def test_is_chrome__an_aggregator_s_advertisement_is_chrome(advert):
    assert is_chrome(advert) and not is_chrome("更新广告宣传牌120块。")


@pytest.mark.parametrize("line", [
    "相关链接：国务院 | 四川省人民政府 | 达州市人民政府",
    "友情链接：中国政府网｜湖南省人民政府",
    "主办：宜良县人民政府办公室　承办：宜良县融媒体中心",
    "地址：云南省昆明市宜良县匡远街道人民路5号　电话：0871-67521234",
    "邮编：652100　传真：0871-67521235",
    "共3页：上一页 1 [2] 3 下一页",
    "首页　新闻中心　政务公开　办事服务　互动交流",
    "首页 走进宜良 政务公开 政民互动",
    # written round 63: a document-sharing site's header and buttons
    "上传者：ah***  2024-01-22  文档格式：docx  页数：5",
    "4.6分（21人评价）  浏览量 1,203  下载量 56",
    "▲ 原创力文档  下载文档 150金币",
    "本文档由用户上传，如有侵权请联系删除",
    "下载文档",
])
def test_is_chrome__a_footer_s_links_address_pager_and_a_menu_are_chrome(line):
    # written round 62: a whole page copy whose footer (相关链接：甲 | 乙, 地址：…电话…, 邮编) and pager
    # (共2页：上一页 [1] 2 下一页) stayed after the signature, read as a report cut off
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "（三）健全公共法律服务体系。在镇便民服务中心设立公共法律服务工作站，地址和电话在各村公示栏公布。",
    "首页及时更新法治政府建设专栏。",
    "由镇司法所主办：“宪法进万家”主题活动。",
    "共3页的宣传册发放到户，下一页更有典型案例。",
])
def test_is_chrome__a_report_s_lines_that_share_those_words_stay(line):
    assert not is_chrome(line)


# Round 73: what a site publishes with a report (a reading of it, its figures as cards, an official's answers)
# is no part of it, after its dated signature or above its own title.
_R73_BODY = ("一、主要工作\n全年审查合同64份，调处纠纷215件，开展普法讲座19场。" + "坚持依法行政，规范执法程序，推进政务公开。" * 14
             + "\n二、存在的问题\n一是执法力量不足。二是群众学法意识不强。\n三、下步打算\n继续推进法治建设。\n"
             "青山镇人民政府\n2024年1月8日\n")


@pytest.mark.parametrize("companion", ["图文解读｜青山镇2023年度法治建设报告\n报告分为三个部分，全年审查合同64份。",
                                       "镇长就法治政府建设年度报告答网友问\n问：调处纠纷多少件？\n答：215件。",
                                       "【一图看懂】\n审查合同\n64份"])
def test_a_companion_after_the_dated_signature_ends_the_report(companion):
    text = _R73_BODY + "\n" + companion
    assert text[:report_end(text)].rstrip().endswith("2024年1月8日")
    assert companion_ranges(text) == [(text.index(companion), len(text))]


def test_a_companion_above_the_report_starts_it_at_its_own_title():
    text = ("《青山镇2023年度法治建设报告》图文解读\n一、背景\n按要求公开。\n二、数据\n全年审查合同64份。\n"
            "青山镇2023年度法治建设报告\n" + _R73_BODY)
    assert text[report_start(text):].startswith("青山镇2023年度法治建设报告\n一、主要工作")
    # a report that opens with its title, and one that names 政策解读 among its work, have no companion
    assert report_start(_R73_BODY) == 0 and companion_ranges("青山镇2023年度法治建设报告\n" + _R73_BODY) == []
    assert companion_ranges("加强政策解读\n" + _R73_BODY) == []


@pytest.mark.parametrize("label", ["全部评论（2）", "精选留言", "网友留言 2条", "读者评论："])
def test_report_end__readers_comments_under_a_report_are_not_its_text(label):
    # written round 75: a page's 网友评论 block after the signature was read as more of the plans
    from reportkit.sections import split_sections
    signed = REPORT + "\n东湖镇人民政府\n2024年1月8日\n"
    comments = (f"{label}\n青山绿水 2024-01-12 09:15\n希望明年多到村里开几场普法讲座，建议增加法律顾问坐班时间。\n"
                "赞（6） 回复\n游客8812 2024-01-13 20:40\n执法力量确实不足，下一步要多配人。\n赞（2） 回复")
    assert (signed + comments)[:report_end(signed + comments)] == signed
    unsigned = REPORT + "\n" + comments  # no signature: the label still ends it
    assert unsigned[:report_end(unsigned)].rstrip() == REPORT
    sections = split_sections(unsigned)
    assert "建议" not in sections["text"].iloc[-1]


@pytest.mark.parametrize("line", ["评论区要文明发言。", "群众留言已全部答复。", "全年办理网友留言36件。"])
def test_report_end__a_sentence_about_comments_or_messages_ends_nothing(line):
    text = REPORT.replace("持续深化依法行政。", line + "\n持续深化依法行政。")
    assert report_end(text) == len(text)


def test_split_chrome__a_document_site_s_related_documents_are_not_the_report():
    # written round 75: a preview's 相关文档 list, a title's （通用5篇） counted as a figure
    text = (REPORT + "\n还剩1页未读，继续阅读\n相似文档\n东湖镇2021年法治政府建设工作总结.doc 4页\n"
            "乡镇法治政府建设年度报告范文（精选8篇）.docx 21页")
    body, _ = split_chrome(text)
    assert body == REPORT + "\n还剩1页未读，继续阅读"


def test_companion_ranges__readers_comments_count_no_figure():
    from reportkit.indicators import extract_indicators
    comments = "\n网友评论（12）\n老李 2024-01-10 08:30\n赞（31） 回复\n我要评论 已有12条评论，共9人参与"
    figures = extract_indicators(REPORT + comments, doc_id="z")
    assert figures["value"].tolist() == [12.0]  # the report's 普法活动12场 alone


# Round 93 (written reports, r742): a WeChat article copied as text keeps its account's header (点击上方蓝字 关注我们)
# and foot (长按识别二维码, 编辑：… 审核：…). Other wordings here.
@pytest.mark.parametrize("line", ["↑点击上方“甘南普法”关注我们", "点击蓝字 关注我们", "长按二维码 关注我们", "长按识别图中二维码",
                                  "编辑 | 卓玛　审核 | 才让", "编辑：达瓦"])
def test_is_chrome__a_wechat_article_s_header_and_foot(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", ["原创普法短视频获评全省一等奖。", "制作原创普法作品12件。", "编辑出版藏汉双语普法读本3000册。",
                                  "调研文章发表于《中国司法》。", "点击量达3万次。", "扫描二维码即可在线咨询律师。",
                                  "长按“手印”签名承诺依法经营。",
                                  # the byline stays: the author it names may be the office whose report it is (r456)
                                  "原创 司法小编 法治天祝 2023-01-05 18:20 发表于甘肃", "原创 尼玛镇人民政府 尼玛发布 2024年02月06日 17:30 甘肃"])
def test_is_chrome__report_lines_that_share_a_wechat_word_are_not(line):
    assert not is_chrome(line)


# Round 93 (r747): a county site's header (若尔盖县人民政府) kept above the title once the breadcrumb went, and joined
# to the title as its first line; a title that opens with its own issuer takes no other government's name.
def test_infer_metadata__a_page_copy_s_title_is_not_glued_to_the_site_s_name():
    text = ("夏河县人民政府\n首页 > 政务公开 > 年度报告\n阿木去乎镇2024年度法治政府建设工作报告\n"
            "发布时间：2025-02-10 10:00　来源：阿木去乎镇\n2024年，阿木去乎镇坚持依法行政。\n一、主要举措\n全年开展普法活动12场。")
    assert infer_metadata(text)["title"] == "阿木去乎镇2024年度法治政府建设工作报告"
