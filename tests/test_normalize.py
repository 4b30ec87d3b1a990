from pathlib import Path

import pytest

from reportkit.normalize import fold_width, is_traditional, normalize_text, to_simplified, traditional_share
from reportkit.sections import split_sections


def test_normalize_text__fullwidth_digits_letters_percent_to_ascii():
    assert normalize_text("发放资料３００份，调解成功率１００％，Ｅ三明") == "发放资料300份，调解成功率100%，E三明"


def test_normalize_text__keeps_chinese_punctuation_and_brackets():
    assert normalize_text("（一）加强组织领导，夯实基础。") == "（一）加强组织领导，夯实基础。"


def test_normalize_text__radical_lookalikes_become_characters():
    assert normalize_text("⻄城街道⻓效机制") == "西城街道长效机制"


def test_fold_width__kangxi_radical_and_fullwidth_space():
    assert fold_width("\u2f08民\u3000ＡＢｃ") == "人民 ABc"


def test_traditional_share__simplified_text_is_zero():
    assert traditional_share("我镇开展普法宣传活动，发放资料3000份。") == 0.0


def test_traditional_share__counts_changed_cjk_characters_only():
    assert traditional_share("鄉abc镇123，鎮") == 2 / 3


def test_normalize_text__removes_zero_width_and_nbsp():
    assert normalize_text("法\u200b治\u00a0政\ufeff府") == "法治政府"


def test_normalize_text__removes_word_bookmarks():
    assert normalize_text("[bookmark: _GoBack]2021年，我镇持续开展") == "2021年，我镇持续开展"


def test_normalize_text__traditional_converted_to_simplified():
    text = "鄉鎮法治政府建設年度報告\n開展普法宣傳活動十餘場，發放資料三千餘份。"
    assert is_traditional(text)
    assert normalize_text(text) == "乡镇法治政府建设年度报告\n开展普法宣传活动十余场，发放资料三千余份。"


def test_normalize_text__simplified_text_with_one_traditional_quote_is_left_alone():
    text = "我镇开展普法宣传活动，悬挂横幅，张贴海报，发放资料，深入推进法治政府建设工作。" * 5 + "“鄉”"
    assert not is_traditional(text)
    assert normalize_text(text).endswith("“鄉”")


def test_normalize_text__line_structure_kept_blank_runs_collapsed():
    assert normalize_text("标题\r\n\r\n\r\n\r\n一、正文  内容\n二、下一步") == "标题\n\n一、正文 内容\n二、下一步"


def test_normalize_text__idempotent_on_seeds(seed_files):
    for path in seed_files:
        once = normalize_text(path.read_text(encoding="utf-8"))
        assert normalize_text(once) == once


# A page copied without its line breaks: one line, a space where each break was.
_BODY = "坚持将学习领会习近平法治思想作为首要政治任务，纳入党委理论学习中心组和干部教育培训体系。" * 14
FLAT_PAGE = ("当前位置:首页 > 政务公开 > 工作报告 [ 索引号 ]11500110/2026-00070 [ 有效性 ] "
             "红岩镇2023年法治政府建设情况报告 发布时间:2024-03-28 11:30:01 阅读: 次 "
             f"2023年，红岩镇坚持依法行政，现将情况报告如下: 一、主要举措 (一)加强组织领导 {_BODY} "
             "二、存在的不足 一是执法力量薄弱。")


def test_normalize_text__a_page_that_lost_its_line_breaks_gets_its_title_and_opening_lines_back():
    lines = normalize_text(FLAT_PAGE).split("\n")
    assert "红岩镇2023年法治政府建设情况报告" in lines  # the title alone on its line
    assert any(line.startswith("2023年，红岩镇坚持依法行政") for line in lines)  # so is the opening sentence
    assert lines[0] == "当前位置:首页 > 政务公开 > 工作报告 [ 索引号 ]11500110/2026-00070 [ 有效性 ]"  # all chrome
    assert {"发布时间:2024-03-28 11:30:01", "阅读: 次"} <= set(lines)  # a label keeps its (empty) value
    assert {"一、主要举措", "(一)加强组织领导", "二、存在的不足", "一是执法力量薄弱。"} <= set(lines)


@pytest.mark.parametrize("field", ["点击量：3856", "阅读:56", "访问次数：12"])
def test_normalize_text__a_page_field_s_count_before_the_opening_year_is_a_lost_break(field):
    # written round 80: 浏览次数：217 2025年，我镇… kept the opening sentence on the chrome's line, and it went with it
    lines = normalize_text(f"城东街道2024年法治政府建设情况报告 发布时间:2025-01-20 {field} 2024年，我街道坚持依法行政。"
                           f"{_BODY} 一、主要举措").split("\n")
    assert any(line.startswith("2024年，我街道坚持依法行政") for line in lines)


def test_normalize_text__parts_numbered_with_roman_numeral_glyphs_get_their_lines_back_in_a_flat_copy():
    # written round 50: Ⅰ、…Ⅳ、 parts in a copy that lost its line breaks ran on inside the last sub-heading
    flat = (f"2024年，石门乡坚持依法行政，现将情况报告如下。 Ⅱ、主要举措和成效 （一）强化组织领导。{_BODY} "
            "Ⅲ、存在的问题 一是执法力量不足。 Ⅳ．下一步打算 加强学习。 In 2024 I. II, a note.")
    lines = normalize_text(flat).split("\n")
    assert {"Ⅱ、主要举措和成效", "Ⅲ、存在的问题", "Ⅳ．下一步打算"} <= set(lines)
    assert lines[-1].endswith("加强学习。 In 2024 I. II, a note.")  # Latin letters are no Roman numeral glyphs


def test_normalize_text__with_no_space_left_a_heading_after_a_sentence_end_starts_a_line():
    text = normalize_text(f"现将情况报告如下：一、主要举措{_BODY}（二）规范执法。二、存在的不足。")
    assert text.split("\n")[1:] == ["一、主要举措" + _BODY, "（二）规范执法。", "二、存在的不足。"]


def test_normalize_text__after_如下_a_space_was_a_break_before_a_heading_that_lost_its_number_s_comma():
    # a held-out page (batch z2) copied without its line breaks: 一法治政府建设基本情况… lost its 、
    flat = (f"关于2022年法治政府建设情况的报告 2022年度，土溪镇坚持依法行政。{_BODY}现将工作报告如下: "
            f"一法治政府建设基本情况及取得成效 (一)党政主要负责人履行第一责任人职责的情况 一是加强理论学习。{_BODY}")
    assert len(flat) > 600
    lines = normalize_text(flat).split("\n")
    assert lines[1].endswith("如下:") and lines[2] == "一法治政府建设基本情况及取得成效"
    assert "阅读: 次" in normalize_text(FLAT_PAGE).split("\n")  # a label's colon is still no break


def test_normalize_text__a_sub_heading_that_lost_its_mark_starts_a_line_again_in_a_flat_copy():
    # the development set's b008, z704 and a023 copied without their line breaks: a number glued to its verb and a
    # bracket whose （二 a site's markup ate open a line; a marker typed with spaces inside it stays one heading
    flat = (f"2024年，某某镇坚持依法行政。{_BODY} 一、主要举措 （一）统筹推进法治建设 1积极开展示范创建。{_BODY} "
            f"2优化普法阵地。建成法治广场1个。 )落实政务公开，优化决策流程 主动公开信息120条。 （ 三 ）严格执法监管 全年办案9件。")
    assert len(flat) > 600
    lines = normalize_text(flat).split("\n")
    assert {"（一）统筹推进法治建设", "2优化普法阵地。建成法治广场1个。", ")落实政务公开，优化决策流程", "（ 三 ）严格执法监管"} <= set(lines)
    assert any(line.startswith("1积极开展示范创建。") for line in lines)


@pytest.mark.parametrize(("label", "body", "apart"), [
    ("存在的不足和原因：", "一是综合行政执法力量不足。", True),  # a part's heading that lost its number
    ("下一步工作安排:", "（一）强化学法用法。", True),
    ("截至目前：", "共办理行政复议案件3件。", False),  # a clause's colon: the sentence goes on
])
def test_normalize_text__a_part_s_label_with_a_colon_after_a_stop_is_a_line_in_a_flat_copy(label, body, apart):
    # written round 42 copied without its line breaks: …作述法报告。 存在的不足和原因： 一是…
    flat = f"2024年，杨士堡镇坚持依法行政。{_BODY}年底作述法报告。 {label} {body}{_BODY}"
    assert len(flat) > 600
    lines = normalize_text(flat).split("\n")
    assert (label in lines) == apart


def test_normalize_text__a_two_character_label_spaced_out_stays_one_field_in_a_flat_copy():
    # a held-out page (batch z3) copied without its breaks: - 文 号:无 - 标 题:… are fields, not 文 | 号:无
    flat = ("- 索 引 号:370403/2026-00187 - 发布机构:薛城区司法局 - 文 号:无 - 标 题:关于2025年度法治政府建设情况的报告 "
            f"- 效力状态:有效 关于2025年度法治政府建设情况的报告 2025年,薛城区坚持依法行政。{_BODY}")
    text = normalize_text(flat)
    assert "文号:无" in text and "标题:关于2025年度法治政府建设情况的报告" in text
    assert not any(line.strip() in ("- 文", "文") for line in text.split("\n"))


def test_normalize_text__a_paragraph_of_ordinary_length_keeps_its_spaces():
    # Only lines too long to be one paragraph are taken apart: a title with a stray space is one title.
    # (The space before a number in Chinese goes: test_normalize_text__a_space_around_a_number_in_chinese_goes.)
    assert normalize_text("红岩镇 2023年法治政府建设 情况报告\n市人民政府: 2023年，我镇坚持依法行政。") == (
        "红岩镇2023年法治政府建设 情况报告\n市人民政府: 2023年，我镇坚持依法行政。")


def test_normalize_text__a_letterhead_set_with_spaces_is_one_name():
    text = normalize_text("治 平 乡 人 民 政 府\n关于2023年度法治政府建设情况的报告\n字体：大 中 小\n简 繁")
    assert text.split("\n") == ["治平乡人民政府", "关于2023年度法治政府建设情况的报告", "字体：大 中 小", "简 繁"]


def test_normalize_text__a_space_typed_after_a_heading_number_is_not_a_lost_break():
    lines = normalize_text(f"一、主要举措 （1） 持续深入学习 {_BODY} （2） 加强管理 工作扎实。").split("\n")
    assert lines[:3] == ["一、主要举措", "（1） 持续深入学习", _BODY]
    assert lines[3:] == ["（2） 加强管理", "工作扎实。"]


def test_normalize_text__a_list_run_inside_a_paragraph_stays_in_it():
    # in a flattened page too: after a semicolon, 二、 continues the paragraph's own list
    line = f"{_BODY}如:一、利用原有广场进行提质升级;二、利用村道建成法治长廊;三、新建法治公园。"
    assert normalize_text(line) == line


def test_normalize_text__a_short_text_copied_without_its_line_breaks_gets_them_back():
    # one line of over 100 characters is a copy that lost its breaks, however short the report
    flat = ("关于2023年度法治政府建设情况的报告 2023年，我镇坚持依法行政，扎实推进法治政府建设。 一、主要举措 "
            "召开专题会议4次，开展普法活动12场次，发放宣传资料3000余份，培育法律明白人56名，调解矛盾纠纷38起。 二、存在的不足 1.学法的系统性不够，运用法治思维解决问题的能力还需提升。 "
            "2.镇村两级法治工作力量薄弱。 三、下一步打算 1.带头尊法学法。 2.配强法治工作力量。 日兴镇人民政府 2024年1月8日")
    assert len(flat) > 200
    lines = normalize_text(flat).split("\n")
    assert "二、存在的不足" in lines and "1.学法的系统性不够，运用法治思维解决问题的能力还需提升。" in lines
    # … while a short paragraph among others keeps its spaces
    assert normalize_text("标题\n第一段 第二句。") == "标题\n第一段 第二句。"


@pytest.mark.parametrize("written, simplified", [
    ("柞水縣乾佑街道辦事處", "柞水县乾佑街道办事处"),  # t2s alone gives 干佑街道, no place
    ("乾縣人民政府", "乾县人民政府"), ("臨安區於潛鎮", "临安区於潜镇"), ("乾安縣", "乾安县"),
    ("乾淨整潔", "干净整洁"),  # 乾 outside a place name is still 干
    ("在新幹縣委、餘幹縣委領導下", "在新干县委、余干县委领导下"),  # 干县 inside a county's name is no 乾县
    ("秦州區藉口鎮", "秦州区藉口镇"),  # t2s converts the word 藉口 to 借口
    # a page machine-converted to Traditional (a Big5 gateway) spells some names otherwise
    ("江陰市澂江街道", "江阴市澄江街道"), ("淇濱區鉅橋鎮", "淇滨区钜桥镇"), ("祁縣昭餘鎮", "祁县昭馀镇"),
    # round 23: t2s turns 濛陽街道 (彭州市) into 蒙阳街道, a street office of 名山区; 蒙陽 is that one
    ("彭州市濛陽街道辦事處", "彭州市濛阳街道办事处"), ("名山區蒙陽街道辦事處", "名山区蒙阳街道办事处"),
])
def test_to_simplified__keeps_the_place_names_t2s_would_rewrite(written, simplified):
    assert to_simplified(written) == simplified
    assert to_simplified(simplified) == simplified  # a Simplified text stays as it is


def test_to_simplified__a_text_t2s_leaves_as_it_is_never_reads_the_gazetteer_s_spellings():
    # The names to keep are read from the whole gazetteer (~0.5 s once in a process, the parent's theme step
    # included): a Simplified text, which t2s leaves as it is, holds none that t2s rewrites.
    from reportkit import normalize

    normalize._shadowed_place_names.cache_clear()
    assert to_simplified("我镇全年办理行政执法案件12件，开展普法活动3次。") == "我镇全年办理行政执法案件12件，开展普法活动3次。"
    assert normalize._shadowed_place_names.cache_info().currsize == 0
    assert to_simplified("彭州市濛陽街道") == "彭州市濛阳街道"  # a text that changes still keeps its names
    assert normalize._shadowed_place_names.cache_info().currsize == 1


def test_normalize_text__word_numbering_glyphs_become_the_markers_they_stand_for():
    assert normalize_text("㈠加强组织领导。\n⒉规范决策。\n㈩深化普法。") == "（一）加强组织领导。\n2.规范决策。\n（十）深化普法。"


def test_normalize_text__a_sub_heading_glued_after_its_run_in_heading_starts_a_line():
    text = "(一)履职能、重保障,法治政府工作稳步推进。1.强化思想引领。落实常态化学法机制。\n(二)普法。开展活动3次。2.5万人参加。"
    assert normalize_text(text).split("\n") == [
        "(一)履职能、重保障,法治政府工作稳步推进。", "1.强化思想引领。落实常态化学法机制。", "(二)普法。开展活动3次。2.5万人参加。"]


def test_normalize_text__a_letterhead_with_a_year_and_one_in_a_copy_without_breaks_are_words():
    # round 20: a red-header PDF's spaced lines, the year's digits spaced too, then the same page flattened
    assert normalize_text("关 于 2 0 2 0 年 度 法 治 政 府 建 设\n工 作 情 况 的 报 告").split("\n") == [
        "关于2020年度法治政府建设", "工作情况的报告"]
    flat = ("永 顺 县 芙 蓉 镇 人 民 政 府 文 件 芙政发〔2021〕3号 永 顺 县 芙 蓉 镇 人 民 政 府 关 于 2 0 2 0 年 度 法 治 "
            "政 府 建 设 工 作 情 况 的 报 告 永顺县人民政府： 今年以来，我镇坚持依法行政，扎实推进法治政府建设。 一、主要举措 "
            "召开专题会议4次，开展普法活动12场次，发放宣传资料3000余份。 二、存在的不足 1.学法的系统性不够。 三、下一步打算 1.带头尊法学法。")
    lines = normalize_text(flat).split("\n")
    assert lines[:3] == ["永顺县芙蓉镇人民政府文件", "芙政发〔2021〕3号", "永顺县芙蓉镇人民政府关于2020年度法治政府建设工作情况的报告"]
    assert normalize_text("编号 1 2 3 4") == "编号 1 2 3 4"  # digits alone are no letterhead


def test_normalize_text__a_printed_text_copied_without_its_breaks_is_joined_into_paragraphs():
    # round 20: a PDF's lines (wrapped every 30 characters, mid-word, 二 / 是 split) copied with a space
    # for each break read as the printed text does: the same paragraphs (a space may stay after 、 or a digit)
    printed = (Path(__file__).parent / "fixtures/written_reports/r150_xiadang_hardwrap.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in normalize_text(printed).split("\n") if line]
    flat = normalize_text(printed.replace("\n", " ")).split("\n")
    assert [line.replace(" ", "") for line in flat] == [line.replace(" ", "") for line in paragraphs]
    assert any(line.startswith("一是乡村两级法治人才缺乏") and "不足。二是群众" in line for line in flat)


def test_normalize_text__references_to_notes_set_after_the_report_are_taken_out():
    body = "（一）深化“极地普法”③品牌建设。\n二、存在的不足\n（一）调处中心④作用发挥不够充分。\n北极镇人民政府\n2024年1月19日\n"
    notes = "注释：\n③“极地普法”：普法宣传品牌。\n④矛盾纠纷调处中心：2022年整合设立。"
    lines = normalize_text(body + notes).split("\n")
    assert lines[0] == "（一）深化“极地普法”品牌建设。" and lines[2] == "（一）调处中心作用发挥不够充分。"
    assert lines[-2:] == ["③“极地普法”：普法宣传品牌。", "④矛盾纠纷调处中心：2022年整合设立。"]
    assert normalize_text(body) == body.strip("\n")  # no notes: a circled numeral stays what it is


@pytest.mark.parametrize("marker", ["1、2021年法治政府建设工作开展情况", "一 、法治政府建设工作开展情况", "◆主要工作及成效",
                                    "【主要举措】", "3.1 法治宣传的针对性还不够强"])
def test_normalize_text__part_markers_of_word_files_and_articles_start_a_line_in_a_copy_without_breaks(marker):
    # round 21: 1、2021年… (a digit after 、), 一 、 (a space inside), bullets, a part's label in 【】, decimal numbering
    flat = (f"关于2021年度法治政府建设工作的报告 现将有关情况报告如下： {marker} 全年召开专题会议4次，开展普法活动12场次，"
            "发放宣传资料3000余份，培育法律明白人56名，调解矛盾纠纷38起，受理信访事项23件，按期办结率100%。")
    assert marker in normalize_text(flat).split("\n")[1:]


def test_normalize_text__a_list_bullet_after_a_sentence_starts_a_line_in_a_copy_without_breaks():
    # development batch zc: a page that turned the part's 一、 into a list bullet, then lost its breaks
    flat = ("开州区2024年法治政府建设情况报告 2024年,开州区深入推进依法行政,实施方案(2021 - 2025年)全面落实,"
            "进一步夯实了法治根基。 - 坚持党的领导,把牢法治政府建设正确方向 (一)深化理论武装。区委常委会会议学法20余次,"
            "全区各级党委中心组专题学法220余次,干部大讲堂专题讲法3次。")
    lines = normalize_text(flat).split("\n")
    assert "- 坚持党的领导,把牢法治政府建设正确方向" in lines
    assert any("(2021 - 2025年)" in line for line in lines)  # a range's dash is no bullet


@pytest.mark.parametrize("block", ["▌", "■", "◆ "])
def test_normalize_text__a_web_editor_s_block_before_a_part_starts_a_line_in_a_copy_without_breaks(block):
    # written round 60 (鼓浪屿街道): ▌一、年度工作成效 … ▌二、书记主任履职, as a web editor sets a part, then flattened
    flat = (f"鼓浪屿街道2024年法治政府建设情况报告 {block}一、年度工作成效 全年办理各类事项5214件，办结率100%，"
            f"推行“高效办成一件事”集成服务11项，调解矛盾纠纷96件，开展普法活动40场次。 {block}二、书记主任履职 党工委书记带头学法。")
    lines = normalize_text(flat).split("\n")
    assert any(line.startswith(f"{block}二、书记主任履职") for line in lines)


def test_normalize_text__a_figure_or_a_page_button_in_a_copy_without_breaks_stays_in_its_line():
    flat = ("关于2021年度法治政府建设工作的报告 现将有关情况报告如下： 全年拆除违建 1.2万平方米，开展普法活动12场次，"
            "发放宣传资料3000余份，培育法律明白人56名，调解矛盾纠纷38起，受理信访事项23件。 【打印】 【关闭】")
    assert "全年拆除违建1.2万平方米，开展普法活动12场次，" in normalize_text(flat)  # no line break before 1.2


def test_normalize_text__the_opening_after_a_page_tables_date_starts_a_line_in_a_copy_without_breaks():
    # round 22's fixtures moved a median and showed it: the opening glued to 发布日期：… went out with the chrome
    flat = ("标题：船滩镇2023年法治政府建设情况报告 发布机构：武宁县船滩镇人民政府 发布日期：2024-02-02 2023年，我镇紧紧围绕"
            "县委、县政府工作部署，全面推进法治政府建设，现将有关情况报告如下： 一、法治政府建设主要举措 全年召开党政联席会议15次。")
    assert "2023年，我镇紧紧围绕县委、县政府工作部署，全面推进法治政府建设，现将有关情况报告如下：" in normalize_text(flat).split("\n")


def test_normalize_text__a_bracketed_part_label_after_the_announcing_colon_starts_a_line_in_a_copy_without_breaks():
    # written round 110: a county's parts labelled in brackets, the first right after 报告如下：
    body = "全县开展普法活动1260场次，培育法律明白人4350名，调解纠纷6420件，调解成功率98.7%，办理行政复议案件37件。" * 6
    for label in ("【2024年度推进法治政府建设的主要举措和成效】", "【主要举措和成效】", "【一、主要工作】"):
        flat = f"巫溪县2024年度法治政府建设情况报告 重庆市人民政府： 2024年，巫溪县深入推进法治政府建设。现将有关情况报告如下： {label} （一）依法履职。{body}"
        assert label in normalize_text(flat).split("\n")


def test_normalize_text__a_spaced_label_of_a_page_table_stays_one_word_in_a_copy_without_breaks():
    flat = ("- 索 引 号:QZ030101-0200-2026-00002 - 发布机构:泉州市洛江区人民政府 - 公文生成日期:2026-01-16 区人大常委会: "
            "2025年,洛江区坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实习近平法治思想,全面推进法治政府建设。"
            "现将2025年法治政府建设工作情况报告如下: 一、主要举措和成效 (一)强化政治引领,筑牢法治建设思想根基")
    lines = normalize_text(flat).split("\n")
    assert lines[0].startswith("- 索引号:QZ030101") and "区人大常委会:" in lines


def test_normalize_text__a_full_width_point_between_digits_is_a_decimal_point():
    # written round 36: a report typed in full-width digits throughout (３．６万元, ９７．７％)
    assert normalize_text("罚款３．６万元，调解成功率９７．７％。") == "罚款3.6万元，调解成功率97.7%。"
    # a heading's marker stays one, before words or a year
    assert normalize_text("１．强化学习\n1．2024年工作开展情况").split("\n") == ["1．强化学习", "1．2024年工作开展情况"]


def test_normalize_text__a_table_that_lost_its_line_breaks_gets_its_rows_back():
    # written round 37: a copy without line breaks ran a table's rows, and the heading after it, together
    flat = ("梳理形成问题清单如下： | 序号 | 存在问题 | 原因分析 | | 1 | 执法规范化水平有待提升 | 培训不够 | | 2 | 合法性审查覆盖不全 |  | "
            "| 3 | 群众法治意识仍需增强 | 结合不够 | 四、2025年工作安排 （一）提升执法规范化水平。") * 3
    lines = normalize_text(flat).split("\n")
    assert "| 2 | 合法性审查覆盖不全 | |" in lines and "| 序号 | 存在问题 | 原因分析 |" in lines
    assert any(line.startswith("四、2025年工作安排") for line in lines)


def test_normalize_text__a_table_copied_one_cell_a_line_is_a_table_again():
    # written round 108: a page's table copied as text, one cell a line (项目 / 单位 / 数量 over its rows), or in a copy
    # that lost its breaks one cell a space
    copied = ("全年主要执法数据如下：\n表1　执法数据\n项目\n单位\n数量\n执法巡查\n次\n412\n办理行政处罚案件\n件\n26\n"
              "罚没款\n万元\n4.8\n（四）优化政务服务。全年办理事项4870件。")
    lines = normalize_text(copied).split("\n")
    assert ["| 项目 | 单位 | 数量 |", "| 执法巡查 | 次 | 412 |", "| 办理行政处罚案件 | 件 | 26 |", "| 罚没款 | 万元 | 4.8 |"] == \
        [line for line in lines if line.startswith("|")]
    assert "（四）优化政务服务。全年办理事项4870件。" in lines
    flat = ("一、主要举措 " + "全年审查合同64份，调处纠纷215件。" * 20 + " 指标名称 2025年 纠纷调处 158 法律咨询 420 "
            "二、存在的问题 （一）执法力量不足。")
    lines = normalize_text(flat).split("\n")
    assert "| 纠纷调处 | 158 |" in lines and "| 法律咨询 | 420 |" in lines
    # guard: a column's name on a line of its own over prose, or a header over a single row, stays text
    assert not any(line.startswith("|") for line in normalize_text("项目\n数量\n执法巡查\n412\n（二）加强学习。学法12次。").split("\n"))
    assert not any(line.startswith("|") for line in normalize_text("数量\n全年调处纠纷215件。\n单位\n名称").split("\n"))


@pytest.mark.parametrize("after", ["备注：表中数据截至12月20日。", "青山乡人民政府 二〇二四年一月九日", "长兴街道办事处 2025年1月6日"])
def test_normalize_text__the_last_row_of_a_flat_copy_s_table_ends_before_a_note_or_the_signature(after):
    # written round 78 (and r438, r564): | 9 | … | 153 | 利川市谋道镇人民政府 2022年1月18日 kept the signature in the last row
    flat = ("一、主要举措 " + "全年审查合同64份，调处纠纷215件，开展普法讲座19场。" * 20 + " 四、下步打算 （一）深化普法宣传。"
            " 附表：主要指标 | 序号 | 指标 | 单位 | 完成数 | | 1 | 审查合同 | 份 | 64 | | 2 | 调处纠纷 | 件 | 215 | " + after)
    lines = normalize_text(flat).split("\n")
    assert "| 2 | 调处纠纷 | 件 | 215 |" in lines


@pytest.mark.parametrize("table", [
    "指标 | 2022年 | 2021年 | 增减 行政执法案件（件） | 412 | 386 | +26 行政复议案件（件） | 9 | 12 | -3 纠纷调处（件） | 215 | 190 | +25",
    "项目 | 数量 | 同比 行政执法案件（件） | 412 | 5% 行政复议案件（件） | 9 | -3% 纠纷调处（件） | 215 | 13%",
])
def test_normalize_text__a_table_with_inner_bars_only_gets_its_rows_back_in_a_flat_copy(table):
    # written round 112 (r899): a 主要指标 table typed 指标 | 2022年 | 2021年 | 增减, one row a line, lost every row when flat
    flat = "一、主要举措 " + "全年审查合同64份，调处纠纷215件，开展普法讲座19场。" * 20 + " 主要指标如下： " + table + " 二、存在的问题 （一）执法力量不足。"
    lines = normalize_text(flat).split("\n")
    assert any(line.startswith("| 行政复议案件（件） | 9 |") for line in lines)
    assert "二、存在的问题" in lines


def test_normalize_text__bars_in_prose_are_no_table_in_a_flat_copy():
    # guard: rows of unlike widths stay as they are
    flat = "一、主要举措 " + "全年审查合同64份，调处纠纷215件。" * 30 + " 甲 | 乙 | 丙 丁 | 戊 | 己 | 庚 辛 | 壬 | 癸 | 子 | 丑"
    assert not any(line.startswith("| 丁") for line in normalize_text(flat).split("\n"))


def test_normalize_text__parts_numbered_bare_or_set_over_their_heading_start_lines_in_a_flat_copy():
    # written round 38: 四 and a space, a page's 02 above its heading; batch zf: a part glued to its first sub-heading
    flat = ("现将有关情况报告如下。 01 2025年推进法治政府建设的主要举措和成效 （一）依法履职。办理事项120件。"
            " 02 党政主要负责人履行推进法治建设第一责任人职责情况 镇党委书记认真履职。 四 2026年工作打算 （一）加强培训。"
            " 一、2021年度法治政府建设主要举措和成效(一)坚持党的领导,夯实根基。深入学习。") * 3
    lines = normalize_text(flat).split("\n")
    assert "2025年推进法治政府建设的主要举措和成效" in lines and "党政主要负责人履行推进法治建设第一责任人职责情况" in lines
    assert "四 2026年工作打算" in lines and "一、2021年度法治政府建设主要举措和成效" in lines
    # … and in a text with its lines, a decorative 01 line above a heading goes
    assert normalize_text("报告如下。\n01\n主要举措和成效\n开展普法。") == "报告如下。\n主要举措和成效\n开展普法。"


@pytest.mark.parametrize(("spaced", "unspaced"), [
    ("新城镇 2020 年法治政府建设情况报告", "新城镇2020年法治政府建设情况报告"),  # a real page's title (e005)
    ("公布了县发改局等 16 个部门", "公布了县发改局等16个部门"),
    ("全年共调解矛盾纠纷 121 件,其中调解成功 119 件", "全年共调解矛盾纠纷121件,其中调解成功119件"),
    ("（二）2022 年 11 月 7 日", "（二）2022年11月7日"),
    ("罚没款 3.5 万元", "罚没款3.5万元"),
])
def test_normalize_text__a_space_around_a_number_in_chinese_goes(spaced, unspaced):
    # the probe that spaced every number of the development set's pages (as typesetting tools and PDF
    # copies do) lost a town behind 新城镇 2020 年 and read 等 16 个部门 as a figure
    assert normalize_text(spaced) == unspaced


@pytest.mark.parametrize("kept", ["办理案件 12 15 件", "四 2025年工作打算", "第 1 页", "调解成功率 98.3%,有效避免"])
def test_normalize_text__a_space_that_parts_numbers_or_follows_a_numeral_stays(kept):
    # a table row's cells, a flat copy's part heading that lost its 、, a number before ASCII punctuation
    assert normalize_text(kept) == kept


def test_normalize_text__a_wechat_separator_and_a_bracketed_part_start_lines_in_a_copy_without_breaks():
    # written round 43: ◆◆◆ and ———— between parts, and 【三、存在的问题和不足】 run into its first item
    flat = ("层层压实法治建设责任。 ◆◆◆ ▍三、存在的问题和不足 一是法治宣传覆盖不广。 ———— 2023年，我镇将继续推进。 "
            "【四、2024年工作打算】 1.加强法治队伍建设。") * 20
    lines = normalize_text(flat).split("\n")
    assert "【四、2024年工作打算】" in lines and any(line.startswith("1.加强法治队伍建设") for line in lines)
    assert not any("◆◆◆" in line or "————" in line for line in lines)


def test_fold_width__an_ocr_s_zero_among_digits_and_half_width_comma():
    # written round 52 (an OCR'd PDF): 〇 set for 0 among Arabic digits, ､ for 、 after a part's numeral
    assert fold_width("感政〔2〇24〕5号，研究3〇项，检查2〇6次，合格率1〇〇%") == "感政〔2024〕5号，研究30项，检查206次，合格率100%"
    assert fold_width("二〇二三年，〇字") == "二〇二三年，〇字"  # Chinese numerals and a word keep theirs
    assert fold_width("二 ､ 党政主要负责人｡") == "二 、 党政主要负责人。"


def test_normalize_text__a_word_table_s_tab_separated_rows_become_bar_rows():
    # written round 52: a table copied from Word (cells joined by tabs, the unit's column before the number's)
    text = ("表2　2024年行政执法情况\n序号\t执法事项\t单位\t2024年\t备注\n1\t执法检查\t次\t1418\t\n"
            "2\t罚没款\t万元\t\t未结\n三、存在的不足\n")
    lines = normalize_text(text).split("\n")
    assert "| 1 | 执法检查 | 次 | 1418 | |" in lines  # the empty 备注 keeps its place
    assert "| 2 | 罚没款 | 万元 | | 未结 |" in lines  # … and so does an empty middle cell
    assert "三、存在的不足" in lines


@pytest.mark.parametrize("kept", [
    "一、\t主要举措和成效\t1\n二、\t存在的不足\t4\n",  # a contents list: its lines start with a part's number
    "索引号：\t0138/2021-07\t分类：\t政府工作报告\n发布机构：\t临朐县人民政府\t发文日期：\t2021-01-25\n",  # a page's chrome
    "项目\t说明\t备注\n甲\t乙\t丙\n",  # no number in it: no table of figures
])
def test_normalize_text__tab_separated_lines_that_are_no_table_of_figures_stay(kept):
    assert "|" not in normalize_text(kept)


def test_normalize_text__a_page_footer_in_a_copy_without_breaks_hides_no_heading():
    # written round 52: …述职内容。 - 2 - 三 、 存 在 的 不 足 一是… (a printed page's footer between the words)
    body = "镇党委书记认真履行第一责任人职责，带头讲授法治党课1次，带头接待信访群众52人次。" * 8
    flat = f"甲镇2023年法治政府建设工作报告 现将有关情况报告如下： 一、主要举措和成效 {body} - 2 - 三 、 存 在 的 不 足 一是执法力量不足。 — 3 — 四、下一步打算 加强学习。"
    from reportkit.sections import split_sections

    text = normalize_text(flat)
    headings = [h.replace(" ", "") for h in split_sections(text)["heading"]]
    assert headings[1:] == ["一、主要举措和成效", "三、存在的不足", "四、下一步打算"]
    assert "- 2 -" not in text and "— 3 —" not in text


def test_normalize_text__a_page_footer_and_running_header_in_a_copy_without_breaks_cut_no_sentence():
    # written round 72: a page break inside an item (…难以保证， — 4 — 面对…; …易反复， - 5 - 某镇…年度报告 个别…), the copy's
    # breaks lost: the footer and the title the next page repeats go, and the sentence they cut is one again
    body = "镇党委书记认真履行第一责任人职责，带头讲授法治党课1次，带头接待信访群众52人次。" * 8
    flat = (f"乙街道2024年度法治建设工作总结 一、主要举措和成效 {body} 二、存在的问题 1.网格员对物业、租赁等方面的法律知识掌握不多，"
            "面对业主诉求时， - 6 - 乙街道2024年度法治建设工作总结 往往心中无数。 2.公开栏更新慢、 — 7 — 内容少。"
            " — 8 — 三、下一步打算 加强培训。")
    text = normalize_text(flat)
    assert "面对业主诉求时，往往心中无数。" in text and "公开栏更新慢、内容少。" in text
    assert "\n二、存在的问题\n" in text and "内容少。\n三、下一步打算\n" in text and "- 6 -" not in text


def test_normalize_text__a_red_header_s_running_head_in_a_copy_without_breaks_cuts_no_item():
    # round 86: a red-header document's copy lost its breaks: …不强。 第2页 共4页 某镇人民政府文件 3.… and
    # … -3- 某政发〔2025〕8号 327次… (the issuer's line or the document's number is the next page's running head)
    body = "镇党委书记认真履行第一责任人职责，带头讲授法治党课1次，带头接待信访群众52人次。" * 8
    flat = (f"丙镇人民政府文件 丙政发〔2024〕2号 丙镇2023年法治政府建设工作报告 一、主要举措和成效 {body}"
            "开展执法检查 — 2 — 丙政发〔2024〕2号 215次。 二、存在的问题 1.执法力量不足。 2.普法形式单一。"
            " 第3页 共4页 中共丙镇委员会文件 3.决策程序不规范。 三、下一步打算 加强学习。")
    text = normalize_text(flat)
    assert "第3页" not in text and "共4页" not in text and "中共丙镇委员会文件" not in text
    assert "2.普法形式单一。\n3.决策程序不规范。" in text
    assert "开展执法检查215次。" in text.replace("\n", "").replace(" ", "")
    assert text.count("丙政发〔2024〕2号") == 1  # the header's own stays


def test_normalize_text__a_document_site_s_page_marks_and_link_in_a_copy_without_breaks_hide_no_heading():
    # written round 63: a 道客巴巴 copy lost its breaks: …如下。 —— 第2页 共3页 —— 二、存在问题 and 点击了解 >> （三）…
    body = "镇党委书记认真履行第一责任人职责，带头讲授法治党课1次，带头接待信访群众52人次。" * 8
    flat = (f"甲镇2023年法治政府建设工作报告 现将有关情况报告如下： 一、主要举措和成效 （一）强化领导。{body} "
            "广告 公文写作素材库，点击了解 >> （二）深化普法。开展活动12场。 —— 第2页 共3页 —— 二、存在问题 一是执法力量不足。")
    from reportkit.sections import split_sections

    text = normalize_text(flat)
    headings = [h.replace(" ", "") for h in split_sections(text)["heading"]]
    assert headings[1:] == ["一、主要举措和成效", "（一）强化领导", "（二）深化普法", "二、存在问题"]
    assert "第2页" not in text


def test_normalize_text__a_short_line_with_a_part_glued_to_its_sub_heading_gets_its_other_headings_back():
    # batch zf printed: the opening (…报告如下。) ended a PDF's printed line, so the rest of a line that lost its
    # breaks is a paragraph shorter than LONG_LINE; its part glued to its (一) shows it lost them all the same
    line = ("二、2023年度依法行政主要做法和成效(一)健全依法决策机制,提升决策质量。镇党委会研究重大事项12项。"
            "(二)深化综合执法改革,规范执法行为。全年办理行政处罚案件35件。3.加强普法宣传。")
    assert normalize_text(line).split("\n") == [
        "二、2023年度依法行政主要做法和成效", "(一)健全依法决策机制,提升决策质量。镇党委会研究重大事项12项。",
        "(二)深化综合执法改革,规范执法行为。全年办理行政处罚案件35件。", "3.加强普法宣传。"]
    # … while a paragraph of ordinary length keeps a list that runs after a full stop
    kept = "全年开展法治讲座6场。(一)进村居;(二)进学校。"
    assert normalize_text(kept) == kept


def test_normalize_text__a_viewers_line_numbers_go():
    # round 54: a copy with a number before every line (as a code or PDF viewer shows it) kept them before its
    # headings (6一、…), and no part was found
    lines = ["青堆镇2023年度法治政府建设工作报告", "", "2023年，我镇扎实推进依法行政。", "一、主要举措和成效",
             "（一）依法决策。审查合同18份。", "（二）规范执法。检查64次。", "二、存在的不足", "一是力量不足。",
             "三、下一步打算", "加强培训。", "", "青堆镇人民政府"]
    numbered = "\n".join(f"{k} {line}" if line else str(k) for k, line in enumerate(lines, 1))
    assert normalize_text(numbered) == normalize_text("\n".join(lines))


def test_normalize_text__a_list_of_numbered_figures_keeps_its_numbers():
    # numbers that do not go up one a line are the text's own (a table, a list of figures)
    text = "\n".join(["主要数据：", "2023 调解纠纷 36 件", "2022 调解纠纷 41 件", "2021 调解纠纷 29 件"] * 3)
    assert "2023 调解纠纷" in normalize_text(text).replace("2023调解纠纷", "2023 调解纠纷")


@pytest.mark.parametrize("flat", [False, True])
def test_normalize_text__rules_and_emoji_bullets_of_a_wechat_layout_go(flat):
    # round 54: ━━━ rules were read as shortcoming items and 📌 stayed before the real ones; in a copy without
    # line breaks no part was found
    lines = ["2023年，我镇扎实推进依法行政。现将情况报告如下👇", "━━━━━━━━", "🔹主要举措和成效", "━━━━━━━━",
             "✅依法决策更规范。审查合同18份。", "━━━━━━━━", "🔹存在的不足", "━━━━━━━━", "📌执法力量薄弱。", "📌普法形式单一。",
             "━━━━━━━━", "🔹下一步工作计划", "━━━━━━━━", "加强培训。"]
    text = normalize_text(" ".join(lines) if flat else "\n".join(lines))
    assert "━" not in text and "🔹" not in text and "📌" not in text
    assert "\n存在的不足\n" in text and "\n执法力量薄弱。" in text


@pytest.mark.parametrize("flat", [False, True])
def test_normalize_text__bracketed_note_references_go_where_notes_follow(flat):
    # round 54: [5] stayed inside an item (涉渔矛盾纠纷[5]调处难度较大) when a 注释： block followed
    lines = ["一是涉渔矛盾纠纷[5]调处难度较大。", "二是“三务”公开[2]不够及时。", "", "青堆镇人民政府", "2024年1月5日",
             "注释：", "[2]三务：党务、政务、财务。", "[5]涉渔矛盾纠纷：因渔船停靠引发的纠纷。"]
    text = normalize_text(" ".join(lines) if flat else "\n".join(lines))
    assert "纠纷调处难度较大" in text and "“三务”公开不够及时" in text and "[5]涉渔" in text.replace(" ", "")
    assert normalize_text("全镇共有[3]个村。") == "全镇共有[3]个村。"  # no notes below: left as it is


def test_normalize_text__a_flat_copys_roman_parts_and_lettered_points_start_lines():
    # round 55: parts I.–IV. with A. B. points, in a copy without line breaks: no part was found
    flat = ("2023年，许孟镇扎实推进依法行政。现报告如下。 I. 主要举措和成效 A. 依法决策。审查合同18份。 B. 规范执法。检查64次。 "
            "II. 存在的不足 A. 执法力量不足。 B. 普法形式单一。 III. 下一步打算 A. 加强培训。")
    lines = normalize_text(flat).split("\n")
    assert "I. 主要举措和成效" in lines or "I.主要举措和成效" in lines
    assert any(line.startswith("II.") for line in lines) and any(line.startswith("B.") for line in lines)


@pytest.mark.parametrize("flat", [False, True])
def test_normalize_text__keycap_numbered_parts_start_lines_and_keep_their_number(flat):
    # round 56: parts numbered 1️⃣ 2️⃣ 3️⃣ (a digit, U+FE0F and U+20E3): a keycap is a number marker, kept in its
    # heading as 一、 is; in a copy without line breaks the keycap and the heading's words start lines again
    lines = ["2024年，我街道全面推进法治建设，现将有关情况汇报如下。", "1️⃣ 主要工作和成效",
             "（一）依法决策。审查合同21份，出具法律意见书6份。", "2️⃣ 存在的问题", "一是普法方式不够新颖。二是执法人员偏少。",
             "3️⃣ 下一步打算", "一是创新普法方式。二是充实执法力量。"]
    text = normalize_text(" ".join(lines) if flat else "\n".join(lines))
    assert "\n2️⃣ 存在的问题\n一是普法方式" in text and "\n3️⃣ 下一步打算\n一是创新" in text
    assert "\n1️⃣ 主要工作和成效\n（一）依法决策" in text


def test_normalize_text__bracketed_labels_over_star_points_start_lines_in_a_flat_copy():
    # round 56: a copy without line breaks of a report whose parts are 【…】 labels with no number (one with a
    # year in it) and whose points all start with ★: the ★ cut the text into lines, and the labels stayed inside them
    lines = ["2023年，我镇坚持依法行政，现报告如下。", "【工作亮点】", "★强化依法决策。审查合同18份。",
             "【问题清单】", "对照要求，还存在以下问题：", "★执法力量不足。", "★普法形式单一。",
             "【2024年打算】", "★加强执法培训。", "★创新普法形式。"]
    text = normalize_text(" ".join(lines))
    assert "\n【问题清单】\n对照要求" in text and "\n【2024年打算】\n加强执法培训" in text
    assert "\n执法力量不足。\n普法形式单一。\n" in text


def test_normalize_text__a_flat_copys_table_without_index_column_gets_its_rows_back():
    # round 57: a flat copy ran a table of places by measures into one line (| 村 | 纠纷（件） | … | | 甲村 | 12 | …
    # | | 合计 | 21 | … | 全镇…); its rows, the header's width apart by a blank cell, are lines again
    lines = ["（三）化解矛盾纠纷。各村情况如下：", "| 村名 | 排查纠纷（起） | 化解纠纷（起） | 法治讲座（场） |",
             "| 东坝村 | 12 | 11 | 4 |", "| 西坝村 | 9 | 9 | 3 |", "| 合计 | 21 | 20 | 7 |", "全镇纠纷化解率95.2%。"]
    text = normalize_text("2024年，我镇坚持依法行政，现将情况报告如下。 " + " ".join(lines) + " 二、存在的问题 一是执法力量不足。二是普法形式单一。")
    assert "\n| 东坝村 | 12 | 11 | 4 |\n| 西坝村 | 9 | 9 | 3 |\n| 合计 | 21 | 20 | 7 |\n" in text
    assert "\n| 村名 | 排查纠纷（起）" in text


# Written round 67: what files do to a report's characters.
@pytest.mark.parametrize("bullet", ["§", "n", "v", "\uf0d8", "\uf06c"])
def test_normalize_text__symbol_font_bullets_go(bullet):
    # Word's Wingdings or Symbol bullets exported as the letters they sit on, or as private-use code points
    text = f"三、存在的不足\n{bullet}\t执法力量薄弱。人员少。\n{bullet} 群众法治意识不强。习惯找关系。\n"
    assert normalize_text(text).split("\n")[1:] == ["执法力量薄弱。人员少。", "群众法治意识不强。习惯找关系。"]


def test_normalize_text__a_lone_letter_before_words_stays():
    assert normalize_text("二、主要做法\nl 型排水沟改造完成。") == "二、主要做法\nl 型排水沟改造完成。"


def test_normalize_text__symbol_font_bullets_in_a_copy_that_lost_its_breaks():
    text = "三、存在的不足 \uf0d8 执法力量薄弱，人员少。 \uf0d8 群众法治意识不强，习惯找关系。"
    assert "\n群众法治意识不强" in normalize_text(text) and "\uf0d8" not in normalize_text(text)


@pytest.mark.parametrize("doubled, single", [("三三、、存存在在的的问问题题", "三、存在的问题"),
                                            ("（（二二））加加强强队队伍伍建建设设。。队伍", "（二）加强队伍建设。队伍"),
                                            ("四四、、22002255年年工工作作计计划划", "四、2025年工作计划")])
def test_normalize_text__a_pdf_s_fake_bold_is_printed_once(doubled, single):
    assert normalize_text(doubled) == single


@pytest.mark.parametrize("text", ["家家户户层层压实，人人参与", "投入资金100000000元", "天天向上，常常讲",
                                  "讲得明明白白清清楚楚"])
def test_normalize_text__words_said_twice_stay(text):
    assert normalize_text(text) == text


def test_normalize_text__a_flat_copy_s_tab_rows_are_rows_again():
    # written round 66 (left then): a copy without line breaks kept a tab table's cells tab-joined and its rows one
    # space apart; read as one line, its 合计 row's figures were lost
    text = "二、工作数据\n各社区数据如下： 社区\t宣传（场次）\t纠纷（件） 东门社区\t31\t120 西门社区\t27\t86 合计\t58\t206 三、存在问题"
    assert "\n| 合计 | 58 | 206 |\n" in normalize_text(text)
    # a 目录's entries and rows of unlike widths are left to the rules that read them
    contents = "目录 一、\t主要举措\t1 二、\t存在问题\t5 三、\t下一步打算\t7"
    assert "| 二、 |" not in normalize_text(contents)


# Round 69: pages of autonomous areas set a line in the area's own script beside each heading, item or paragraph,
# or the whole report again after the Chinese; they translate it and are no word of it (numbers and markers too).
@pytest.mark.parametrize("line", ["ئۈچىنچى، مەۋجۇت مەسىلىلەر",  # Kazakh/Uyghur (Arabic script) after a heading
                                  "(2) 집법 인원이 부족하다",  # Korean with the item's own marker
                                  "3. 2024년 존재하는 문제",  # Korean with a part's number and a year
                                  "ཚོགས་འདུ་ཐེངས་ ༤༥ བསྐོངས།",  # Tibetan with Tibetan digits
                                  "ᠰᠤᠮᠤ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ",  # Mongolian with its narrow spaces
                                  "ꇖ、2023 ꈎ ꇬꁨꐯ"])  # Yi with its numeral and a year
def test_normalize_text__a_line_in_an_autonomous_area_s_script_goes(line):
    text = f"三、存在的问题\n{line}\n（二）执法力量不足\n{line}\n人员少。"
    assert normalize_text(text) == "三、存在的问题\n（二）执法力量不足\n人员少。"


def test_normalize_text__a_version_in_another_script_and_its_label_go_also_in_a_flat_copy():
    text = "四、工作计划 （一）加强学法。 乐山镇人民政府 2024年1月5日 【藏文版】 ལོ་༢༠༢༣ ལོའི་སྙན་ཞུ། དང་པོ། ཚོགས་འདུ་ ༣༨ ཐེངས།"
    assert normalize_text(text).endswith("乐山镇人民政府2024年1月5日") and "藏文" not in normalize_text(text)
    assert normalize_text("（一）加强学法。\n\n维吾尔文版：\nبىرىنچى، قانۇن تەشۋىقاتى 2023-يىلى") == "（一）加强学法。"


@pytest.mark.parametrize("text", ["发放维吾尔文版宣传资料300份。", "组建朝鲜语普法宣讲队。", "Tuyên truyền pháp luật 2024"])
def test_normalize_text__words_naming_a_script_and_latin_lines_stay(text):
    assert normalize_text(text) == text


def test_normalize_text__a_flat_form_with_ticked_boxes_gets_its_part_lines_back():
    # written round 71: a form copied without its line breaks, its ☑ boxes starting lines again as emoji bullets do,
    # was no longer one long line, so its first parts (before the first box) were not set back on lines of their own
    from tests.realworld.saved import flattened
    form = ("德清县镇（街道）2022年度法治政府建设情况报告表\n填报单位：德清县新市镇人民政府\n填报日期：2023年1月9日\n"
            "一、主要举措和成效\n1.是否制定年度工作要点：☑是 □否\n2.是否开展重大行政决策合法性审查：☑是 □否\n"
            "主要成效：全年开展执法检查210次，调解纠纷96件，开展普法活动40场，覆盖群众1.2万人次。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n3.主要负责人是否年终述法：☑是 □否\n"
            "镇党委书记、镇长研究法治工作5次。\n三、存在的不足\n☑执法力量：持证执法人员偏少。\n□政务公开：\n"
            "四、下一步工作计划\n加强执法队伍建设。")
    text = normalize_text(flattened(form))
    assert "\n一、主要举措和成效" in text and "\n二、党政主要负责人" in text


@pytest.mark.parametrize("heading", ["二、护航篇丨守正创新　依法行政再上台阶", "【三、正视问题　补齐短板弱项】",
                                     "三、自查篇｜刀刃向内　查摆问题不足"])
def test_normalize_text__a_part_heading_with_a_space_inside_stays_one_line_in_a_flat_copy(heading):
    # written round 79 (一、成效篇丨凝心聚力　法治政府建设提质增效 copied without its breaks): the heading's two halves
    # are one line; the paragraph after it, a sentence, still starts its own
    flat = f"2024年，石门乡坚持依法行政。{_BODY}现将情况报告如下。 {heading} 全年召开会议6次，学法12次。{_BODY}"
    lines = normalize_text(flat).split("\n")
    assert heading.replace("\u3000", "").replace(" ", "") in [line.replace(" ", "") for line in lines]
    assert any(line.startswith("全年召开会议6次") for line in lines)


def test_normalize_text__a_flat_card_summary_gets_its_part_lines_back():
    # round 81: a 数说 page that lost its line breaks: 01 … 04 part lines and ● points start lines again
    flat = ("数说丨某街道2024年法治政府建设年度报告 来源：某街道办事处 发布时间：2025-01-08 01\u3000法治建设成效 "
            "调处矛盾纠纷\u300088件 开展执法检查\u3000140次 02\u3000存在的问题 ●执法人员持证率不高 ●居民法治意识薄弱 "
            "03\u30002025年工作思路 ●加强执法培训")
    lines = normalize_text(flat).split("\n")
    assert any(line.startswith("01") and line.endswith("法治建设成效") for line in lines)
    assert "●居民法治意识薄弱" in lines
    assert any(line.startswith("03") and "2025年工作思路" in line for line in lines)
    dated = normalize_text("发布于2024年 01 月 08 日 " + "镇里开展普法宣传活动。" * 20)
    assert "2024年01月08日" in dated and "\n01" not in dated  # a spaced date's 01 is no part


def test_normalize_text__a_page_counter_ends_the_site_line_in_a_flat_copy():
    # round 81: page 2's header ran into the sentence page 1 broke off (…阅读量：2041 “法律进市场”等活动…)
    flat = ("某镇2023年报告（2） 发布日期：2024-02-01 点击数：2041 “法律进市场”等活动16场，覆盖群众900余人次。 "
            + "二、主要负责人履职情况 镇长带头讲法治课2次。" * 12)
    assert "\n“法律进市场”等活动16场" in normalize_text(flat)


@pytest.mark.parametrize("table", [
    "指标\t2023年\t2024年 执法检查（次）\t120\t135 调处纠纷（件）\t40\t52 普法活动（场）\t20\t24",  # tab cells, rows a space apart
    "乡镇\t宣传\t纠纷 东山村\t12\t31 西岭村\t9\t22 合计\t21\t53",
])
def test_normalize_text__a_flat_copy_with_a_table_still_gets_its_heading_lines_back(table):
    # round 90: a copy that lost its breaks had its tab table's rows set on lines first, so it was no longer one line,
    # and its shorter stretches kept their headings run into their first sentence (…思想的情况 镇党委中心组专题学习6次，…)
    flat = ("青林镇人民政府关于2024年度法治政府建设工作情况的报告 清河县人民政府： 2024年，青林镇坚持依法行政。现将有关情况报告如下："
            " 一、学习贯彻习近平法治思想的情况 镇党委理论学习中心组专题学习习近平法治思想6次，开展法治讲座2场。"
            f" 二、2024年度推进法治政府建设的主要举措和成效 主要数据如下： {table} 三、存在的不足和原因 一是执法力量不足。")
    lines = normalize_text(flat).split("\n")
    assert "一、学习贯彻习近平法治思想的情况" in lines
    assert "二、2024年度推进法治政府建设的主要举措和成效" in lines
    assert sum(line.startswith("|") for line in lines) == 4  # the table's rows stay rows


def test_normalize_text__a_flat_copy_without_a_table_gets_its_heading_lines_back_as_before():
    flat = ("青林镇人民政府关于2024年度法治政府建设工作情况的报告 清河县人民政府： 2024年，青林镇坚持依法行政。现将有关情况报告如下："
            " 一、学习贯彻习近平法治思想的情况 镇党委理论学习中心组专题学习习近平法治思想6次，开展法治讲座2场。"
            " 二、2024年度推进法治政府建设的主要举措和成效 全年开展执法检查135次。 三、存在的不足和原因 一是执法力量不足。")
    lines = normalize_text(flat).split("\n")
    assert "一、学习贯彻习近平法治思想的情况" in lines and "三、存在的不足和原因" in lines


@pytest.mark.parametrize(("raw", "expected"), [
    # batch ya (崇义街道 on a Traditional mirror: ???(一)學習貫徹…): a mis-decoded indent before a numbered
    # heading is lost space, the heading starts at its marker
    ("??（二）规范行政执法行为。全年开展执法检查12次。", "（二）规范行政执法行为。全年开展执法检查12次。"),
    ("一、主要举措\n？？？2.推进政务公开。", "一、主要举措\n2.推进政务公开。"),
    ("　??三、存在的不足", "三、存在的不足"),  # (an indent is dropped anyway)
    # guards: question marks that are text, or before no marker, stay
    ("群众问：这样办可以吗??（一）答复如下", "群众问：这样办可以吗??（一）答复如下"),
    ("???\n2024年度工作", "???\n2024年度工作"),
    ("??2024年全镇开展普法活动", "??2024年全镇开展普法活动"),
    ("?（一）强化组织领导", "?（一）强化组织领导"),  # one mark: too little to be a lost indent
])
def test_normalize_text__question_marks_for_a_lost_indent_before_a_heading_are_dropped(raw, expected):
    assert normalize_text(raw, convert_traditional=False) == expected


def test_fold_width__an_ocr_s_letters_among_digits_are_digits():
    # written round 105 (OCR of scanned prints): O for 0, l and I for 1 inside a number; other wordings than the round's
    assert fold_width("关于2O23年度，受理l5件，审查I2份，办结率1O0%，发放3OO0份，成功率98.l%") == \
        "关于2023年度，受理15件，审查12份，办结率100%，发放3000份，成功率98.1%"
    assert fold_width("2o24年1月5日") == "2024年1月5日"
    # Latin words and codes keep their letters: ISO9001, O2O, V1.0, a lone l or I, COVID-19
    kept = "通过ISO9001认证，推行O2O模式，上线V1.0版本，Wingdings的l 和I，COVID-19防控"
    assert fold_width(kept) == kept


def test_fold_width__an_ocr_s_full_stop_read_as_o_or_a_point_is_a_full_stop():
    # written round 105: 。 read as a Latin o or as a full stop after a word, a per cent sign or a bracket
    assert fold_width("研究法治工作3次o印发实施方案1个.全年办结率99.5%o群众满意。") == \
        "研究法治工作3次。印发实施方案1个。全年办结率99.5%。群众满意。"
    assert fold_width("（二）规范行政执法. 全年检查45次o") == "（二）规范行政执法。 全年检查45次。"
    # a heading's 三. and 1., a decimal point, an ellipsis and a word's letters stay
    kept = "三.存在的问题\n（一）.主要工作及成效\n(二).存在问题\n1.执法力量不足\n罚款2.5万元\n等等...\n上传logo图片"
    assert fold_width(kept) == kept
    # ... and a part or a chapter numbered in words before its point (第一部分.主要工作, 第二章.存在的问题)
    for kept in ("第一部分.主要工作", "第二章.存在的问题", "第三节.下一步打算"):
        assert fold_width(kept) == kept


def test_normalize_text__parts_numbered_in_words_before_a_point_stay_parts():
    # guard of round 105's full stop read as a point: the first version made 第一部分.主要工作 第一部分。主要工作, no heading
    text = "第一部分.主要工作\n开展普法活动12次。\n第二部分.存在的问题\n一是执法力量薄弱。\n第三部分.下一步打算\n加强学习。"
    sections = split_sections(normalize_text(text), doc_id="d")
    assert list(zip(sections["heading"], sections["section_type"])) == [
        ("第一部分.主要工作", "measures"), ("第二部分.存在的问题", "shortcomings"), ("第三部分.下一步打算", "plans")]


def test_fold_width__an_ocr_s_ru_ci_after_a_number_is_ren_ci():
    # written round 105: 人次 read as 入次 (入户, 录入 and 深入 stay)
    assert fold_width("覆盖群众3200入次，培训1.2万入次") == "覆盖群众3200人次，培训1.2万人次"
    assert fold_width("入户走访，深入推进，录入次数") == "入户走访，深入推进，录入次数"


def test_normalize_text__an_ocr_s_letter_spaced_body_line_is_one_line_again():
    # written round 105: OCR spaced out the characters of some printed lines (a justified line's gaps)
    printed = ("　　（五）化解矛盾纠纷。镇村两级人民调解组织全年排查调处矛盾纠纷\n"
               "2 1 3 件 ， 调 解 成 功 2 0 6 件 ， 调 解 成 功 率 9 6 . 7 % ， 热 线 办 结 率 1 0 0 % 。\n"
               "　　三、存在的不足\n"
               "　　一是执法队伍力量不足，执法人员多为兼职；二是群众法治观念淡薄，\n"
               "仍 有 “ 信 访 不 信 法 ” 的 现 象 ； 三 是 村 干 部 依 法 办 事 能 力 有 待 提 升 。\n")
    text = normalize_text(printed * 3)
    assert "213件，调解成功206件，调解成功率96.7%，热线办结率100%。" in text
    assert "三是村干部依法办事能力有待提升。" in text
    # a letter-spaced letterhead stays to its own rule; a table row of numbers keeps its cells
    assert normalize_text("治 平 乡 人 民 政 府\n关于2023年度法治政府建设情况的报告").startswith("治平乡人民政府")


def test_normalize_text__a_letter_spaced_run_that_opens_on_digits_is_one_word_in_a_flat_copy():
    # written round 105, the copy that lost its breaks: a spaced run whose first characters are digits (3 8 0 万 元,
    # 2 0 2 3 年) is one word as 索 引 号 is; a run of digits alone (“ 1 2 3 4 5 ”, a table's cells) keeps its spaces
    flat = ("镇村两级人民调解组织全年调处矛盾纠纷213件，涉及金额约 3 8 0 万 元 ； “ 1 2 3 4 5 ” 热 线 办 结 率 1 0 0 % 。 "
            "四 、 2 0 2 4 年 工 作 打 算 一是加强学习。") * 8
    text = normalize_text(flat)
    assert "380万元" in text and "2024年工作打算" in text
    assert "“ 1 2 3 4 5 ”" in text  # guard: digits alone
    # guard: digits alone before a word of two characters (the run ends at the digits: nothing of it is Chinese)
    assert "年份 2 0 2 3 得分" in normalize_text(("镇村两级人民调解组织全年调处矛盾纠纷213件，年份 2 0 2 3 得分。 ") * 12)


def test_normalize_text__an_ocr_s_dash_for_yi_starts_a_part_in_a_flat_copy():
    # written round 105: 一、 read as — 、 or - 、; in a copy that lost its breaks it starts its line again
    for dash in ("— 、", "-、", "－ 、"):
        flat = (f"现将有关情况报告如下： {dash}2022年法治政府建设主要举措 (一)加强组织领导。全年研究法治工作5次。 "
                "二、存在的问题 一是执法力量不足。") * 8
        lines = normalize_text(flat).split("\n")
        assert any(line.startswith(dash.replace(" ", "") + "2022年") or line.startswith(dash + "2022年") for line in lines), lines[:4]


def test_fold_width__a_chinese_domain_name_keeps_its_dot():
    # guard of round 105's full stop read as a point: a Chinese domain name's dot before its top-level word stays
    for kept in ("中文域名:天津市宝坻区人民政府.政务", "网址：某某镇人民政府.公益 ", "访问宝坻区政府.政务/xxgk",
                 "中文域名:天津市寶坻區人民政府.政務"):  # as a mirror site serves it in Traditional script
        assert fold_width(kept) == kept
