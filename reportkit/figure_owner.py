"""Whose figure it is: the report's own work of the year, or someone else's.

A figure in a township's report may be a target (力争…, 计划开展…), a wider area's (全县…, 全国…), another
town's (甲镇…, 该镇…, 周边乡镇…), a farm's or 兵团 division's, or the county's own (县司法局…, 县委依法治县办交办…
is the town's work again). `others_figure` decides for the figure at one offset; `wider_area` builds the pattern
of the areas wider than the report's own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .chinese import CJK, last_of
from .places import TOWN_SUFFIXES, city_names, counties_named, town_mentions
from .towns import verb_before_unit, word_before_unit


# A figure named as a target after it (化解率不低于98%的目标; 建成5个的工作目标).
TARGET_AFTER = re.compile(r"\s*的?(?:工作|年度)?目标")
# A target, not work done: 力争全年检查不少于200次, 计划开展活动30场 (not 计划生育, 按计划学法12次, 有计划组织,
# 根据工作计划组织开展…: a plan followed, a noun).
_TARGET = re.compile(r"力争|预计|(?<![按有作度照据年的项])计划(?=全年|年内|明年|下半年|开展|组织|举办|培训|完成|召开|新建|建成|实现|每|在)")

# The subject of a wider area at the head of a clause: a town's report citing its county's or the
# nation's figures (同期全县信访总量下降8.6%, 全国已培育…370余万名); a county speaks of 全县 itself.
_AREA_KINDS = "国省市州盟县区旗"


def wider_area(level: str, county: str) -> re.Pattern | None:
    """The head of a clause about an area wider than the report's own: for a town, every 全X; for a
    county, every 全X but its own kind's (a 县 says 全县, a county-level 市 全市; 全市 in a 区's report
    is its city's)."""
    if level == "township":
        return _wider_pattern(_AREA_KINDS)
    if level == "county":
        own = county[-1:] if county[-1:] in _AREA_KINDS else ""
        return _wider_pattern("".join(k for k in _AREA_KINDS if k != own) if own else "国省")
    return None


@lru_cache(maxsize=16)
def _wider_pattern(kinds: str) -> re.Pattern:
    # (after the year it counts too: 2022年全县各级调解组织共调处…)
    # (after a comparison too: 化解率98.3%，高于全县97.6%的平均水平)
    # (after the area's name too: 梁溪区全区同期共查处…, 南宁市全市…; 全区首违不罚 is the area's, 全区首家 a standing)
    # (a town's own county named as a period's subject, 横州市全年…同比下降5.3%, is `_another_body`'s)
    # (a year between the area's name and its 全X too: 银川市2025年全市共调处…)
    return re.compile(rf"[\s“”]*(?:同期|同年|目前|截至目前|(?:19|20)\d{{2}}\s*年(?:度|全年|以来)?[，,]?)?"
                      rf"(?:[\u4e00-\u9fff]{{1,8}}?[省市州盟县区旗](?:\s*(?:19|20)\d{{2}}\s*年度?[，,]?)?)?"
                      rf"(?:(?:略|均|明显)?(?:高于|低于|超过|超出|优于|好于)\s*)?"
                      rf"全[{kinds}](?!域|场|面|部|体|力|程|年|天|员|民|率先|首(?!违)|唯一|第|排|位|名列)")


# A plan's targets quoted in a sentence (《…实施方案》提出，到2025年，…覆盖率达到100%，…15个): every clause after it.
_QUOTED_TARGETS = re.compile(r"(?:提出|要求|明确|确定|目标(?:是|为)?)[，,：:]?\s*到\s*20\d{2}\s*年(?:底|末)?[，,]")


# A period of several years heading a clause (“十四五”期间，全镇累计…; 五年来累计…; 礼泉县“八五”期间累计…;
# 2021—2025年，…): the period's totals, not the year's work, through the rest of its sentence, until a clause of
# the year begins (…，今年…). Not after 较/比 (较“十四五”期间年均水平增长15% is the year's change).
_MULTI_YEAR = re.compile(
    rf"(?:(?<=[，,；;。！？!?\n])|^)\s*(?:[{CJK}]{{1,10}}?[省市州盟县区旗镇乡]|[我本全该][镇乡县区市]|街道)?\s*"
    r"(?:[“\"‘]?(?:十[一二三四五六]|[一二三四五六七八九])五[”\"’]?(?:普法|规划)?(?:期间|以来|时期|时期以来)"
    r"|(?:近|过去|这)?[两二三四五六七八九十]年(?:来|以来|间|中)"
    r"|(?:19|20)\d{2}\s*年?\s*[—－–\-至到]\s*(?:19|20)?\d{2}\s*年(?:期间|间|以来)?(?=[，,]))")


# A time before a change of the town heading a sentence (撤乡设镇前的2020年，原X乡仅有…40名; 机构改革之前，…; 合并前，
# 两乡共有…; 更名前的2021年，原X乡…): the former unit's figures, through the sentence, until a clause of now begins (…，如今…).
_BEFORE_CHANGE = re.compile(
    rf"(?:(?<=[。！？!?\n])|^)\s*[{CJK}]{{0,6}}?(?:撤乡设镇|撤镇设街|撤乡并镇|撤并|合并|改革|调整|改设|设立|成立|组建|更名|改名|易名)"
    rf"(?:之前|以前|前)(?:的\s*(?:19|20)\d{{2}}\s*年(?:底|末)?)?[，,]")
# (the change's second half named alone is now too: …；设镇后，…; 并乡后, 建街后)
_NOW_CLAUSE = re.compile(r"[，,；;]\s*(?:如今|现在|目前|当前|今年|全年|本年度?|(?:撤|合并|改革|调整|设立|成立|组建|更名|改名|易名"
                         r"|设[镇乡街]|并[镇乡]|建[镇街])[^，,。]{0,6}?(?:后|以来))")


_CHANGE_WORDS = re.compile(r"(?:撤乡设镇|撤镇设街|撤乡并镇|撤并|合并|改革|调整|改设|设立|成立|组建|更名|改名|易名)(?:之前|以前|前)")


@lru_cache(maxsize=4)
def _tells_of_a_change(text: str) -> bool:
    """Does TEXT speak of a time before a change at all (most do not: each figure is then not looked at)?"""
    return _CHANGE_WORDS.search(text) is not None


def _before_a_change(text: str, start: int) -> bool:
    """Is the figure at START in a sentence led, before it, by a time before the town's change (`_BEFORE_CHANGE`)?"""
    if not _tells_of_a_change(text):
        return False
    sentence = last_of(text, "。！？!?\n", start)
    m = _BEFORE_CHANGE.match(text, sentence)
    return m is not None and m.end() <= start and _NOW_CLAUSE.search(text, m.end(), start) is None


_YEAR_CLAUSE = re.compile(r"[，,；;]\s*(?:今年|全年|本年度?|年内|当年|一年来|(?:19|20)\d{2}\s*年(?!\s*[—－–\-至到]))")


# An entry of a year-by-year series naming the report's own year (2021年312件、2022年296件、…、2025年247件; 分别为：2025年
# 68场、2024年62场…): the year's own figure, even in a sentence a period of several years heads (五年来工单量分别为：2021年
# 6320件、…、2025年5970件). A series: another year's entry with its figure right before or after it.
_YEAR_ENTRY = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*(?:为|是|共|有|达)?\s*")
_ENTRY_BEFORE = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:为|是|共|有|达)?\s*[\d.]+\s*万?[^\d\s、，,；;。]{0,3}\s*[、，,；;]\s*$")
_ENTRY_AFTER = re.compile(r"[\d.]+\s*万?[^\d\s、，,；;。]{0,3}\s*[、，,；;]\s*(?:19|20)\d{2}\s*年度?\s*(?:为|是|共|有|达)?\s*\d")


def entry_of_the_year(text: str, boundary: int, start: int, year: int) -> bool:
    """Is the figure at START, its words from BOUNDARY, the entry of YEAR (the report's) in a year-by-year series?"""
    if not year or not boundary or (m := _YEAR_ENTRY.fullmatch(text, boundary, start)) is None or int(m.group(1)) != year:
        return False
    return (_ENTRY_BEFORE.search(text, max(0, boundary - 24), boundary) is not None
            or _ENTRY_AFTER.match(text, start) is not None)


# … and the years' sum in a clause right after a year-by-year series (…、2024年497件、2025年463件，五年累计化解2612件;
# 2022年41件、2023年38件，两年共计79件). Not N年共/N年累计 at large: a report on several years (近三年…的报告, two years'
# reports in one) counts its own work so (三年共开展执法检查1126次).
_SUM_AFTER_SERIES = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:为|是|共|有|达)?\s*[\d.]+\s*万?[^\d\s、，,；;。]{0,3}\s*[，,]\s*"
                               r"(?:近|过去|这)?[两二三四五六七八九十]年(?:来|以来)?(?:累计|共计?|合计|总计)")


def _several_years(text: str, head: int, start: int) -> bool:
    """Is the figure at START (clause from HEAD) in a sentence led, before it, by a period of several years, or in
    the clause summing a year-by-year series (`_SUM_AFTER_SERIES`)?"""
    sentence = last_of(text, "。！？!?\n", head)
    if "年" in text[head:start] and (summed := _SUM_AFTER_SERIES.search(text, max(sentence, head - 40), start)) \
            and head < summed.end() <= start and _YEAR_CLAUSE.search(text, summed.end(), start) is None:
        return True
    last = None
    for m in _MULTI_YEAR.finditer(text, sentence, start):
        last = m
    return last is not None and _YEAR_CLAUSE.search(text, last.end(), start) is None


# A shortcoming's remedy after its label (…不规范。整改措施：每季度自查一次，全年培训不少于4次。; 改进方向：…): what
# the office will do, as the plans part says it, through the label's sentence.
_REMEDY = re.compile(r"(?:整改|改进|纠正|下一?步)(?:措施|举措|方向|目标|计划|打算)\s*[：:]")


def _not_own_work(text: str, head: int, start: int, wider: re.Pattern | None, of_the_year: bool = False) -> bool:
    """Is the figure at START, in the clause from HEAD, a target (力争…, 计划开展…; a plan's targets quoted
    earlier in its sentence; a remedy's, after 整改措施：), a wider area's, or a total over several years
    (`_several_years`; not OF_THE_YEAR, a series' entry of the report's year: `entry_of_the_year`)?"""
    sentence = last_of(text, "。！？!?\n", head)
    return (_TARGET.search(text, head, start) is not None or (wider is not None and wider.match(text, head) is not None)
            or _QUOTED_TARGETS.search(text, sentence, start) is not None
            or _REMEDY.search(text, sentence, start) is not None
            or (not of_the_year and _several_years(text, head, start)) or _before_a_change(text, start))


# Another town as the subject of a clause in a town's report: the towns it visits, models it follows, partners
# (黄庄镇当年建成…6个; 伊敏河镇当年受理纠纷200余件; （该镇2022年…达98.5%） after naming it), whose figures are theirs.
_BEFORE_SUBJECT = re.compile(r"[\s“”‘’（(]*(?:当年|同期|同年|今年|去年|全年|(?:19|20)\d{2}\s*年(?:度|全年|以来)?[，,]?)?")


_THE_SAID_TOWN = re.compile(r"该(?:镇|乡|街道|苏木)")


# … or its peers as a group (三个街道全年分别开展联合执法16次、11次、9次; 片区四镇全年共查处…, 协作区五个乡镇…, 三镇共…):
# a town holds no towns (not 两镇, the town and its partner acting together)
_PEER_TOWNS = re.compile(r"(?:这|上述|以上|(?:[东南西北中][东南西北部]?)?(?:片区|协作区|联盟|区域)内?)?"
                         r"(?:(?:[两二三四五六七八九十]|[2-9]|\d{2})个|[三四五六七八九十])(?:镇|乡|街道|乡镇|镇街|苏木)")


# … named as a neighbour first (相邻的梧桐镇今年建成…, 邻镇古镇镇全年…)
_NEIGHBOUR = re.compile(r"(?:(?:与[我本](?:镇|乡|街道))?(?:相邻|邻近|毗邻|周边|临近|接壤)的?|邻(?:镇|乡|街道))?")  # or nothing


_SUBJECT_SPAN = 30  # how far into a clause its subject may end


_SAID_SPAN = 80  # how far back 该镇 refers


def _another_towns(text: str, clause_starts: tuple[int, ...], start: int, own: frozenset[str]) -> bool:
    """Is the figure at START in a clause (from any of CLAUSE_STARTS) whose subject is a town not in OWN
    (its names and stems): named first, or as 该镇 after it was named, or its peers (三个街道)?"""
    for at in clause_starts:
        lead = _BEFORE_SUBJECT.match(text, at).end()
        # (their own count too: 三个街道 is no figure of one of them)
        if (peers := _PEER_TOWNS.match(text, lead)) and lead <= start \
                and not any(peers.group().endswith(name) for name in own):  # (三乡镇 is a town's name)
            return True
        if _THE_SAID_TOWN.match(text, lead):
            named = town_mentions(text[max(0, last_of(text, "。！？!?\n", lead), lead - _SAID_SPAN):lead])
            if named and named[-1].name not in own:
                return True
            continue
        neighbour = _NEIGHBOUR.match(text, lead)
        lead = neighbour.end()
        named = town_mentions(text[lead:min(start, lead + _SUBJECT_SPAN)])
        # (not a verb before the town's own body: 联合乡中心学校开展…, the township's school, is no 联合乡; nor, unless
        # named as a neighbour, a common word before it: 建设街道“一站式”调处中心，全年受理… builds the office's own
        # centre; but 联合镇全年受理… and 建设镇全年… count that town's year)
        reads_as_a_word = word_before_unit if not neighbour.group() else verb_before_unit
        if named and named[0].start == 0 and named[0].name not in own and not (
                reads_as_a_word(named[0].name) and not _YEARS_TOTAL_AFTER.match(text, lead + named[0].end)):
            return True
    return False


# A county's, a city's or their bodies' own work as the subject of a clause in a town's report (石泉县全年共创建…15个,
# 黔东南州全年接待游客超过5000万人次, 县矛调中心全年受理纠纷2860件, 区综合执法局全年在全区办理…2476宗,
# 县人民法院石花法庭全年审结…612件): theirs, not the town's. A bare 县/市/区/州 or a name the gazetteer knows as
# a county or a city, then a body (…局, …中心, …支队, 法院, 法庭, 检察院) or the clause's 全年/共/累计/全县 (not 县级…,
# 市场…, 区域…; not 联合县市场监管局…, where the town works with the body: the name must open the clause).
# (… after the occasion its count covers: 扬州市本轮疫情累计报告…570例, 绍兴市此次疫情共…)
_OCCASION = r"(?:(?:本|此|这)[轮次](?:疫情|汛期)?|疫情期间)?"
# The words after a subject that make its clause a count of the subject's year or total (石泉县全年…, 联合镇共…).
_YEARS_TOTAL = "全年|今年|当年|同期|同年|共计?|累计"
# What after 县/市/区… makes the character no area's kind (县级, 市直, 市场, 区域, 县委, 市民, 区划, 县镇 …).
_NOT_AN_AREA = "级|直|属|场|域|内|外|委|政府|长|民|情|容|貌|里|划|镇|乡"
_OTHER_BODY = re.compile(rf"(?:(?P<name>[{CJK}]{{1,8}}?)(?=[县市州盟旗区])|(?<![{CJK}]))(?P<kind>[县市州盟旗区])"
                         rf"(?!{_NOT_AN_AREA})"
                         rf"(?:(?:人民)?(?:法院|检察院)|[{CJK}]{{1,10}}?(?:局|中心|法庭|支队|大队)(?=[{CJK}]{{0,4}}(?:全年|今年|当年|共|累计|在全))"
                         rf"|(?={_OCCASION}(?:{_YEARS_TOTAL}|全[县市区州旗])))")
_YEARS_TOTAL_AFTER = re.compile(_YEARS_TOTAL)


def _subjects(text: str, head: int, start: int, subject: re.Pattern) -> Iterator[re.Match]:
    """SUBJECT where it opens the clause from HEAD, or its sentence, before the figure at START (the sentence's
    only while no clause of the town's own comes between: 县司法局在我镇…; …，镇市场监管所…)."""
    sentence = last_of(text, "。！？!?\n", head)
    for at in (head, sentence) if sentence < head else (head,):
        m = subject.match(text, _BEFORE_SUBJECT.match(text, at).end())
        if m is not None and m.end() <= start and not (at < head and _TOWN_CLAUSE.search(text, m.end(), start)):
            yield m


def _another_body(text: str, head: int, start: int, own: frozenset[str] | None = None) -> bool:
    """Is the figure at START in a clause from HEAD whose subject is a county, a city or one of their bodies
    (or the town's own county, among OWN, by its name: `_own_county_acts`)? Not a county glued to the report's
    own town before the town's body (阳谷县张秋镇便民服务中心全年…, 汾阳市西河街道综治中心共…): that body is the town's
    (glued to another town, 阳谷县阿城镇…中心全年…, it is that town's, not the report's)."""
    for m in _subjects(text, head, start, _OTHER_BODY):
        if _named_body(m) and not _own_town_glued_on(text, m.end("kind"), own):
            return True
    return bool(own and _own_county_acts(text, head, start, own))


def _own_town_glued_on(text: str, at: int, own: frozenset[str] | None) -> bool:
    """Does the report's own town (among OWN: its names and stems, the county's too) begin at AT, right after a
    county's name: a gazetteer town that is one of OWN or begins with one, or OWN's own name of a town?"""
    if not own:
        return False
    glued = town_mentions(text[at:at + 12])
    if glued and glued[0].start == 0:
        return glued[0].name.startswith(tuple(own))
    return text.startswith(tuple(name for name in own if name.endswith(_TOWN_ENDINGS)), at)


_TOWN_ENDINGS = (*TOWN_SUFFIXES, "办事处")  # a town's name as the report writes it (…办事处 of 河南 too)


# … or the town's own county, by its name, opening the clause whatever it did (积石山县对照督察意见制定整改措施21条;
# 贺兰县受理行政复议案件96件): not glued to a town (玉龙县拉市镇…), not its 县级/县委/县城/县人民政府网站…, and not where the town works
# with it or it works for the town (联合…, 指导…, 为我镇…, …我镇…). Only the own county: a name like 老城区 is a word too.
_NAMED_AREA = re.compile(rf"(?P<name>[{CJK}]{{1,8}}?)(?P<kind>[县市州盟旗区])"
                         rf"(?!{_NOT_AN_AREA}|人民|城|街|道|[县市州盟旗区])")
_WITH_THE_TOWN = re.compile(r"[我本](?:镇|乡|街道|苏木)|联合|配合|协助|会同|协同|指导|帮助|支持|交办|转办|下沉|派驻|(?:为|向|对|给|在)[我本该]")


def _own_county_acts(text: str, head: int, start: int, own: frozenset[str]) -> bool:
    m = _NAMED_AREA.match(text, _BEFORE_SUBJECT.match(text, head).end())
    if m is None or m.end() > start or m.group() not in own:
        return False
    glued = town_mentions(text[m.end():m.end() + 12])  # (or its own town, which the gazetteer may not know)
    if (glued and glued[0].start == 0) or text.startswith(tuple(own), m.end()):
        return False
    return _WITH_THE_TOWN.search(text, m.end(), start) is None


# … and so is a neighbouring state farm's, ranch's, forest farm's or regiment's own work (哈达图农牧场全年自行调处内部
# 纠纷26件, 哈达图农牧场纪检部门同期…, 第三师四十五团全年…, 第六师全年…) in a town's report: a unit of its own beside the town,
# not the town, when its clause says so (全年, 同期, 共, 累计, 自行; not 明确农场承担的…, 排查化解草牧场边界…). A farm's
# own report (我场…) has the farm among its names.
_FARM_BODY = re.compile(rf"(?!与|同|和|跟|会同|联合|协同|协助|配合|在|对|向|为|帮|指导|镇|乡|村|我|本|全)(?:[{CJK}]{{1,8}}?(?:农牧场|牧场|农场|林场|团场)|第[{CJK}]{{1,3}}师(?:[{CJK}]{{1,6}}?团)?)"
                        rf"(?=[{CJK}]{{0,6}}?(?:全年|今年|当年|同期|(?<!公)共计?|累计|自行))")


def _farms_work(text: str, head: int, start: int, own: frozenset[str]) -> bool:
    """Is the figure at START in a sentence or clause from HEAD whose subject is a farm or regiment not in OWN?"""
    return any(m.group() not in own for m in _subjects(text, head, start, _FARM_BODY))


_DIVISION = re.compile(rf"(?:第[{CJK}]{{1,3}})?师")  # a 兵团 division (第六师) or its 师市


def _named_body(m: re.Match) -> bool:
    name = m.group("name")
    if not name:
        return True  # 县矛调中心…, 区综合执法局…, 市…全年
    if _DIVISION.fullmatch(name):
        return True  # 兵团's 师市 (a division and its city as one), a town's superior
    full = name + m.group("kind")
    return bool(counties_named(full)) or name in city_names() or full in city_names()


# … and a sentence whose subject is its county's party committee, government or one of the county's departments,
# whatever it did (县委、县政府年初印发…，提出全县…等8项核心指标; 县综合行政执法局全年…) gives the county's
# figures, until the town's own clause begins (…，我镇…; …，镇综合行政执法队…).
_COUNTY_BODY = re.compile(r"[\s“”]*(?:(?:中共)?[县区旗市]委[、和,，]?)?(?:[县区旗市](?:人民)?政府"
                          r"|[县区旗市](?!场|民|区|级|域|内|直|乡)[\u4e00-\u9fff]{1,10}?(?:局|委员会|办公室|办|中心|院|部))")


# a setting before the town's clause (县政府…下放乡镇后，我镇…)
_SETTING_ENDS = re.compile(r"(?:后|以来|之际|之后)[，,]")


# the town's own clause after the county's subject: 我镇, or a clause that opens with the town's bodies (，镇…)
_TOWN_CLAUSE = re.compile(r"[我本](?:镇|乡|街道|苏木)|(?:^|[，,；;])(?:镇|乡|街道|街|苏木)")


# the county hands work over and the town does it (县信访联席会议交办的3件信访积案)
_HANDED_OVER = re.compile(r"[^，,。；;]{0,20}?(?:交办|转办|移交|下达|督办|交由|指派|派驻|下沉|为我|向我|对我|给我)")


def _county_body_speaks(text: str, head: int, start: int) -> bool:
    """Is the figure at START, in a township's report, in a sentence whose subject is its county's body?"""
    lead = _BEFORE_SUBJECT.match(text, last_of(text, "。！？!?\n", head)).end()
    body = _COUNTY_BODY.match(text, lead)
    if body is None:
        return False
    said = text[body.end():start]
    if setting := _SETTING_ENDS.search(said):
        return _COUNTY_BODY.match(text, body.end() + setting.end()) is not None
    return not _TOWN_CLAUSE.search(said) and not _HANDED_OVER.match(text, lead)


# In a county's report, another area named in full opening the clause with its period or its 全X (柳州市全年开展…;
# 贵阳市全市办理… in 清镇市's, whose own 全市 is its own; 双鸭山市司法局全年…): that area's, not the county's.
# (its sentence's subject only until a clause of the county's own: …，全县…; …，我县…; …，县司法局…; …，仁怀市…)
_COUNTY_CLAUSE = re.compile(r"[我本全][县区市旗]|(?:^|[，,；;])\s*[县区市旗](?!场|民|级|域|内|外)")


def _another_area(text: str, head: int, start: int, own_county: frozenset[str]) -> bool:
    sentence = last_of(text, "。！？!?\n", head)
    for at in (head, sentence) if sentence < head else (head,):
        m = _OTHER_BODY.match(text, _BEFORE_SUBJECT.match(text, at).end())
        if (m is None or m.end() > start or not m.group("name") or m.group("name") in own_county
                or m.group("name") + m.group("kind") in own_county or not _named_body(m)):
            continue
        said = text[m.end():start]
        if at < head and (_COUNTY_CLAUSE.search(said) or any(name in said for name in own_county)):
            continue
        return True
    return False


# A clause with no subject of its own goes on with its sentence's: a wider area or another town opening an earlier
# clause (一年来，全县各级各部门共办理…142件，调处矛盾纠纷1.1万余件; 兄弟乡镇…，鹤浦镇探索…模式，全年化解…260余件) owns
# the figure, unless a clause of the town's own comes between (…，我镇…; …，镇综合执法队…; …，石浦镇…). Not a
# comparison with the area (高于全县97.6%的平均水平，…): the figure's clause is the town's again.
_CARRY_SPAN = 120  # how far back in its sentence a clause's subject carries
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_COMPARED = re.compile(r"[高低优好]于|超过|超出")
_WHOLE_TOWN = re.compile(r"全(?:镇|乡|街道|苏木)")  # (…，全镇调解纠纷12件: the town's own clause too)


def _carried_subject(text: str, head: int, start: int, wider: re.Pattern | None, own: frozenset[str] | None) -> bool:
    """Is the figure at START, in a clause from HEAD, in a sentence one of whose earlier clauses opens with a wider
    area (WIDER) or another town than OWN, with no clause of the town's own between?"""
    sentence = last_of(text, "。！？!?\n", head)
    if sentence >= head or (wider is None and not own):
        return False
    window = max(sentence, head - _CARRY_SPAN)
    starts = [window] if window == sentence else []
    starts += [m.end() for m in _CLAUSE_BREAK.finditer(text, window, head)]
    own_towns = tuple(name for name in own or () if name.endswith(_TOWN_ENDINGS))
    for at in reversed(starts):
        if at >= head:
            continue
        if _TOWN_CLAUSE.search(text, at, start) or _WHOLE_TOWN.search(text, at, start) or (own_towns and any(
                text.startswith(own_towns, b.end()) for b in _CLAUSE_BREAK.finditer(text, at, start))):
            return False
        if wider is not None and (m := wider.match(text, at)) and not _COMPARED.search(m.group()):
            return True
        if own and _another_towns(text, (at,), start, own):
            return True
    return False


def others_figure(text: str, boundary: int, head: int, start: int, wider: re.Pattern | None,
                   own: frozenset[str] | None, township: bool = False, own_county: frozenset[str] | None = None,
                   year: int = 0) -> bool:
    """Is the figure at START not the report's own work: a target, a wider area's (`_not_own_work`; a series' entry
    of YEAR, the report's, is no period's total), or,
    in a town's report (TOWNSHIP; its town OWN), another town's (`_another_towns`) or its county's or city's
    (`_another_body`, `_county_body_speaks`), or, in a county's report (its names OWN_COUNTY), another named
    area's (`_another_area`)?"""
    # (a bracket opens a clause of its own: …模式（该镇2022年…）; after 、 the clause goes on: 与甲镇、乙镇…)
    starts = (head, boundary) if boundary and text[boundary - 1] != "、" else (head,)
    # a note in brackets about a wider area (同比增长15.6%（全县新登记市场主体2.1万户）), through all its clauses
    inside = _open_bracket(text, start)
    of_the_year = entry_of_the_year(text, boundary, start, year)
    return (_not_own_work(text, head, start, wider, of_the_year)
            or (inside >= 0 and wider is not None and wider.match(text, inside))
            or bool(own and (_another_towns(text, starts, start, own) or _farms_work(text, head, start, own)))
            or (township and (_another_body(text, head, start, own) or _county_body_speaks(text, head, start)))
            or bool(own_county and _another_area(text, head, start, own_county))
            or _carried_subject(text, head, start, wider, own if township else None))


def _open_bracket(text: str, start: int) -> int:
    """Where the words inside the bracket still open at START begin (in START's sentence), or -1."""
    window = max(0, start - 200)
    if text.rfind("（", window, start) < 0 and text.rfind("(", window, start) < 0:
        return -1  # (most figures: no bracket before them at all)
    depth = 0
    for k in range(start - 1, window - 1, -1):
        if text[k] in "。！？!?\n":
            break
        if text[k] in "）)":
            depth += 1
        elif text[k] in "（(":
            if not depth:
                return k + 1
            depth -= 1
    return -1
